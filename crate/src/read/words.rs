//! Paths, and the words of a wrong type or of a value that is not an object: what every error of the reader says where.

use crate::error::{field_name, Error, ErrorKind, Result};
use crate::message::ApiMessage;
use serde_json::{Map, Value};

/// `$.a.b`, or `$.a["odd key"]` when the name is not a plain identifier.
pub fn child_path(parent: &str, name: &str) -> String {
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if plain {
        format!("{parent}.{name}")
    } else {
        // The name as a JSON string (serialising a string cannot fail); not through `Value`'s
        // Display, which would link Debug's escaping into the popup's wasm (wasm/narrow.rs).
        format!(
            "{parent}[{}]",
            serde_json::to_string(name).unwrap_or_default()
        )
    }
}

/// An `invalid-value` error: the field at `path` is `got` where `expected` belongs.
pub fn wrong_type(path: &str, expected: ApiMessage, got: &Value) -> Error {
    let text = ApiMessage::WrongType {
        field: field_name(path).to_string(),
        expected: Box::new(expected),
        got: Box::new(json_type(got)),
    };
    Error::invalid_said(path, text)
}

/// A JSON value's type in words (a message the catalogs render).
pub fn json_type(v: &Value) -> ApiMessage {
    match v {
        Value::Null => ApiMessage::JsonNull {},
        Value::Bool(_) => ApiMessage::JsonBoolean {},
        Value::Number(_) => ApiMessage::JsonNumber {},
        Value::String(_) => ApiMessage::JsonString {},
        Value::Array(_) => ApiMessage::JsonArray {},
        Value::Object(_) => ApiMessage::JsonObject {},
    }
}

/// `value` as an object, or `invalid-json` saying what it is.
pub fn object<'v>(value: &'v Value, path: &str) -> Result<&'v Map<String, Value>> {
    match value {
        Value::Object(map) => Ok(map),
        other => {
            let got = Box::new(json_type(other));
            let text = if path == "$" {
                ApiMessage::RequestNotObject { got }
            } else {
                ApiMessage::NotObject {
                    path: path.to_string(),
                    got,
                }
            };
            Err(Error::said(ErrorKind::InvalidJson, text).at(path))
        }
    }
}
