//! Bilingual text: every sentence a person reads comes in English and Chinese.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// A duration in words: "20 minutes" / "20 分钟", "45 seconds" / "45 秒".
pub fn duration(seconds: i64) -> Text {
    let s = seconds.unsigned_abs();
    if s >= 3600 && s % 3600 == 0 {
        Text::new(format!("{} hours", s / 3600), format!("{} 小时", s / 3600))
    } else if s >= 120 {
        let m = (s + 30) / 60;
        Text::new(format!("{m} minutes"), format!("{m} 分钟"))
    } else {
        Text::new(format!("{s} seconds"), format!("{s} 秒"))
    }
}
