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

/// "1 bucket" / "2 buckets": English's plural rule (one / other).
pub fn count(n: usize, one: &str, other: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {other}")
    }
}

/// `sentence` continued after a colon: its first word in lower case when it is an ordinary
/// capitalised word ("Role admin-oss …" -> "role admin-oss …"); names such as "B's", "OSS" or
/// "AssumeRole" stay as they are.
pub fn after_colon(sentence: &str) -> String {
    let word = sentence.split(' ').next().unwrap_or("");
    let mut chars = word.chars();
    let ordinary = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && word.len() > 1
        && chars.all(|c| c.is_ascii_lowercase());
    if ordinary {
        let mut out = sentence[..1].to_ascii_lowercase();
        out.push_str(&sentence[1..]);
        out
    } else {
        sentence.to_string()
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
