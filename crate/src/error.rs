//! The one error type of the core. Every failure crosses the wasm and CLI boundary as a value
//! `{kind, message, path?, line?, column?}` whose `kind` is stable and documented in the README.

use crate::message::{AnyMessage, AnySaid, ApiMessage};
use serde::Serialize;
use std::fmt;

/// Stable error kinds. Their kebab-case names are part of the JSON contract: never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// The input is not JSON (or not the JSON shape the command takes).
    InvalidJson,
    /// A required field is absent.
    MissingField,
    /// A field is present but its value breaks a documented rule.
    InvalidValue,
    /// The request names a kind, action or command the core does not know.
    Unsupported,
    /// A response body could not be understood (malformed XML or JSON, missing elements).
    InvalidResponse,
}

/// An error with what was wrong, where, and (in the message) what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CoreError"))]
#[serde(rename_all = "camelCase")]
pub struct Error {
    pub kind: ErrorKind,
    /// English prose, or, for an error whose words are in the catalogs, its message id.
    pub message: String,
    /// The words as a message id and arguments, rendered by the extension and the CLI from the
    /// catalogs (the errors not yet moved there have none).
    #[serde(skip_serializing_if = "Option::is_none")]
    // Declared as any message (`{id, args}`), not the union of every area's ids: an error may carry
    // any area's words, the extension only renders them, and TypeScript gives up on that union of
    // about 1,000 shapes (TS2590) where it must reduce it, as in `text ?? message`.
    #[cfg_attr(test, ts(optional, type = "CoreMessage"))]
    pub text: Option<AnyMessage>,
    /// JSON path of the offending field, e.g. `$.params.Timestamp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub path: Option<String>,
    /// 1-based line and column in a text input, where one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub column: Option<usize>,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            text: None,
            path: None,
            line: None,
            column: None,
        }
    }

    /// An error whose words are a catalog message.
    pub fn said(kind: ErrorKind, text: impl AnySaid + 'static) -> Self {
        let mut error = Error::new(kind, text.id());
        error.text = Some(AnyMessage::new(text));
        error
    }

    /// An `invalid-value` error at a JSON path, in a catalog message's words.
    pub fn invalid_said(path: impl Into<String>, text: impl AnySaid + 'static) -> Self {
        Error::said(ErrorKind::InvalidValue, text).at(path)
    }

    /// An `invalid-value` error at a JSON path.
    pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidValue, message).at(path)
    }

    /// A `missing-field` error at a JSON path, naming the field as the request spells it.
    pub fn missing(path: impl Into<String>) -> Self {
        let path = path.into();
        let field = field_name(&path).to_string();
        let text = ApiMessage::MissingField {
            field,
            path: path.clone(),
        };
        Error::said(ErrorKind::MissingField, text).at(path)
    }

    /// Replaces the message (and any catalog text), keeping kind and position.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self.text = None;
        self
    }

    /// The words in English (the catalog's, else the message): for the CLI and native tests.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn en(&self) -> String {
        match &self.text {
            Some(text) => crate::catalog::en(text),
            None => self.message.clone(),
        }
    }

    /// Takes the line and column of `other`, if it has them.
    pub fn with_position_of(mut self, other: &Error) -> Self {
        self.line = other.line;
        self.column = other.column;
        self
    }

    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    pub fn at_position(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

/// The last name of a JSON path, as the request spells the field: `$.credentials.accessKeyId`
/// -> `accessKeyId`, `$.headers["x-oss-date"]` -> `x-oss-date`.
pub fn field_name(path: &str) -> &str {
    if let Some(quoted) = path.strip_suffix("\"]") {
        // Bytes, not `rfind("[\"")`: a substring search links the two-way searcher (3 KB) into
        // the popup's wasm.
        let start = quoted.as_bytes().windows(2).rposition(|w| w == b"[\"");
        if let Some(start) = start {
            return &quoted[start + 2..];
        }
    }
    path.rsplit(['.', '/']).next().unwrap_or(path)
}

impl Error {
    /// The words in `lang`, then where the error is: the JSON path unless the words already
    /// name it (a missing field's "add it at $.x"), and the line and column. For the CLI.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn words(&self, lang: crate::catalog::Lang) -> String {
        use crate::catalog::{render, Lang};
        use crate::message::CliMessage;
        let mut out = match &self.text {
            Some(text) => render(text, lang),
            None => self.message.clone(),
        };
        let mut more = Vec::new();
        if let Some(path) = self.path.as_ref().filter(|p| !out.contains(p.as_str())) {
            more.push(CliMessage::LabelAt { path: path.clone() });
        }
        if let (Some(line), Some(column)) = (self.line, self.column) {
            more.push(CliMessage::LabelLineColumn { line, column });
        }
        for m in more {
            if lang == Lang::En {
                out.push(' ');
            }
            out.push_str(&render(&m, lang));
        }
        out
    }
}

impl fmt::Display for Error {
    #[cfg(not(target_arch = "wasm32"))]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(crate::catalog::Lang::En))
    }

    /// In the wasm the words are the pages' to render: the message (id) and where.
    #[cfg(target_arch = "wasm32")]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        if let Some(path) = &self.path {
            write!(f, " ({path})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::field_name;

    #[test]
    fn field_names_are_the_last_name_of_a_path() {
        assert_eq!(field_name("$.credentials.accessKeyId"), "accessKeyId");
        assert_eq!(field_name("$.headers[\"x-oss-date\"]"), "x-oss-date");
        assert_eq!(field_name("$[\"a b\"][\"c[\\\"d\"]"), "c[\\\"d");
        assert_eq!(field_name("$.profiles[3]"), "profiles[3]");
        assert_eq!(field_name("/role/arn"), "arn");
        assert_eq!(field_name("$"), "$");
    }
}
