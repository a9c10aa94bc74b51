//! A policy document handed over inside a JSON request: as text, or as the document itself (an
//! object), read at its JSON path within the size limit (design decision 7). The one reader for
//! the policy calls of the contract and the policies the checks' inputs name.

use super::decode;
use super::model::{Policy, PolicyKind};
use crate::error::{Error, Result};
use crate::message::PolicyMessage;
use serde_json::Value;

/// The largest policy document checked: 256 KB of UTF-8 (RAM's own limit is 6,144 characters).
pub const MAX_DOCUMENT_BYTES: usize = 256 * 1024;

/// A policy document's text at `path`.
pub fn check_document(text: &str, path: &str) -> Result<()> {
    if text.len() <= MAX_DOCUMENT_BYTES {
        return Ok(());
    }
    Err(Error::invalid_said(
        path,
        PolicyMessage::DocumentTooLarge {
            size: text.len(),
            max: MAX_DOCUMENT_BYTES,
        },
    ))
}

/// A JSON value's type, named in a message.
pub fn got(value: &Value) -> Box<PolicyMessage> {
    Box::new(match value {
        Value::Null => PolicyMessage::TypeNull {},
        Value::Bool(_) => PolicyMessage::TypeBoolean {},
        Value::Number(_) => PolicyMessage::TypeNumber {},
        Value::String(_) => PolicyMessage::TypeString {},
        Value::Array(_) => PolicyMessage::TypeArray {},
        Value::Object(_) => PolicyMessage::TypeObject {},
    })
}

/// A policy document given as JSON text or as an object. Errors carry the path inside the
/// request; line and column are given for text documents (they refer to that text).
pub fn read_document(doc: &Value, path: &str, kind: PolicyKind) -> Result<Policy> {
    let (text, positions) = match doc {
        Value::String(text) => (text.clone(), true),
        Value::Object(_) => (doc.to_string(), false),
        other => {
            return Err(Error::invalid_said(
                path,
                PolicyMessage::DocumentNotText { got: got(other) },
            ));
        }
    };
    check_document(&text, path)?;
    let decoded = decode(&text, Some(kind));
    match decoded.problems.first() {
        None => Ok(decoded.policy),
        Some(problem) => {
            let mut e = problem.to_error();
            let inner = e.path.take().unwrap_or_default();
            e.path = Some(format!(
                "{path}{}",
                inner.strip_prefix('$').unwrap_or(&inner)
            ));
            if !positions {
                e.line = None;
                e.column = None;
            }
            Err(e)
        }
    }
}
