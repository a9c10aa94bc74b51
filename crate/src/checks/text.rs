//! Bilingual text `{en, zh}`: what the tutorial still carries until its words move to the
//! catalogs. The checks no longer use it (their words are `message::ChecksMessage`).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "BilingualText"))]
pub struct Text {
    pub en: String,
    pub zh: String,
}

impl Text {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// `self` followed by `other` (a space between English sentences, none between Chinese).
    pub fn then(mut self, other: &Text) -> Text {
        if !other.en.is_empty() {
            if !self.en.is_empty() {
                self.en.push(' ');
            }
            self.en.push_str(&other.en);
        }
        self.zh.push_str(&other.zh);
        self
    }
}
