//! Findings: one shape for the parser's rejections and the linter's criticism, in the four levels
//! of the RAM console's validator, each with a stable code, a message (an id and its arguments,
//! whose words are in the catalogs), the JSON path and line:column, and a concrete fix where one
//! exists.

use super::json::Pos;
use super::path::Path;
use crate::error::{Error, ErrorKind};
use crate::message::{Arg, PolicyMessage, Said};
use serde::Serialize;

/// The console validator's four levels, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyFindingLevel"))]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// RAM refuses the document, or the document cannot do what it is for.
    Error,
    /// Valid, but grants more than it probably should.
    SecurityWarning,
    /// Valid, but probably not what was meant.
    Warning,
    /// A better way to write the same intent.
    Suggestion,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::SecurityWarning => "security-warning",
            Level::Warning => "warning",
            Level::Suggestion => "suggestion",
        }
    }
}

/// How to fix a finding: what to do, and where possible the JSON text that replaces the value at
/// the finding's path (or, for a missing element, the element to add).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyFix"))]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    pub description: PolicyMessage,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub snippet: Option<String>,
    /// Where the snippet goes when that is not the finding's own path (e.g. a finding about an
    /// action whose fix rewrites the statement's Resource).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "optional_path_text"
    )]
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    pub path: Option<Path>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyFinding"))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub level: Level,
    /// Stable, kebab-case; documented in the README. Never renamed.
    pub code: &'static str,
    pub message: PolicyMessage,
    #[serde(serialize_with = "path_text")]
    #[cfg_attr(test, ts(type = "string"))]
    pub path: Path,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub fix: Option<Fix>,
}

fn path_text<S: serde::Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(path)
}

fn optional_path_text<S: serde::Serializer>(path: &Option<Path>, s: S) -> Result<S::Ok, S::Error> {
    match path {
        Some(p) => s.collect_str(p),
        None => s.serialize_none(),
    }
}

impl Finding {
    pub fn new(level: Level, code: &'static str, path: Path, message: PolicyMessage) -> Finding {
        Finding {
            level,
            code,
            message,
            path,
            line: None,
            column: None,
            fix: None,
        }
    }

    pub fn error(code: &'static str, path: Path, message: PolicyMessage) -> Finding {
        Finding::new(Level::Error, code, path, message)
    }

    pub fn at(mut self, pos: Option<Pos>) -> Finding {
        if let Some(pos) = pos {
            self.line = Some(pos.line);
            self.column = Some(pos.column);
        }
        self
    }

    pub fn fix(mut self, description: PolicyMessage, snippet: Option<String>) -> Finding {
        self.fix = Some(Fix {
            description,
            snippet,
            path: None,
        });
        self
    }

    /// A fix whose snippet replaces the value at `path` rather than at the finding's path.
    pub fn fix_at(self, description: PolicyMessage, snippet: String, path: Path) -> Finding {
        let mut f = self.fix(description, Some(snippet));
        if let Some(fix) = &mut f.fix {
            fix.path = Some(path);
        }
        f
    }

    /// The finding as the core's error value (`invalid-json` for syntax, else `invalid-value`).
    pub fn to_error(&self) -> Error {
        let kind = if self.code == "invalid-json" {
            ErrorKind::InvalidJson
        } else {
            ErrorKind::InvalidValue
        };
        let message = match &self.fix {
            Some(fix) => PolicyMessage::ErrorWithFix {
                problem: Box::new(self.message.clone()),
                fix: Box::new(fix.description.clone()),
            },
            None => self.message.clone(),
        };
        let mut error = Error::said(kind, message).at(self.path.to_string());
        if let (Some(line), Some(column)) = (self.line, self.column) {
            error = error.at_position(line, column);
        }
        error
    }
}

/// About how many bytes a message takes where it is kept and shown: its words in the two
/// languages (some 160 bytes for a finding's sentence) and its arguments in each. For the
/// linter's text budget, which must grow with what the findings say, not with their ids.
pub fn message_size(message: &dyn Said) -> usize {
    160 + message
        .args()
        .iter()
        .map(|(_, value)| match value {
            Arg::Text(text) => 2 * text.len(),
            Arg::Number(_) => 16,
            Arg::Message(inner) => message_size(*inner),
            Arg::Json(value) => 2 * value.to_string().len(),
        })
        .sum::<usize>()
}
