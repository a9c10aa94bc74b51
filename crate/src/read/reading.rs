//! Reading a request: its JSON text parsed, then a value read as its type at its path.

use super::failure::Path;
use super::reader::Reader;
use super::{child_path, object, wrong_type, OnUnknown};
use crate::error::{Error, ErrorKind, Result};
use crate::message::ApiMessage;
use serde::de;
use serde::Deserialize;
use serde_json::Value;

/// Parses JSON text (`invalid-json` at the line and column where it is not JSON).
pub fn parse_json(input: &str) -> Result<Value> {
    serde_json::from_str(input).map_err(|e| {
        let text = ApiMessage::NotJson {
            line: e.line(),
            column: e.column(),
        };
        Error::said(ErrorKind::InvalidJson, text).at_position(e.line(), e.column())
    })
}

/// Reads a request's JSON text as `T`.
pub fn read<T: de::DeserializeOwned>(input: &str, on_unknown: OnUnknown<'_>) -> Result<T> {
    read_value(&parse_json(input)?, "$", on_unknown)
}

/// Reads `value`, found at `path`, as `T`.
pub fn read_value<'v, T: Deserialize<'v>>(
    value: &'v Value,
    path: &str,
    on_unknown: OnUnknown<'_>,
) -> Result<T> {
    let at = Path::Root(path);
    T::deserialize(Reader {
        value,
        path: &at,
        on_unknown,
    })
    .map_err(|failure| failure.named(&at, on_unknown).into_error(&at))
}

/// A field `name` of the object `value` (at `path`) that must be a string: a tag such as `kind`
/// or `action`, read before the variant it chooses.
pub fn tag<'v>(value: &'v Value, path: &str, name: &str) -> Result<&'v str> {
    let map = object(value, path)?;
    let child = child_path(path, name);
    match map.get(name).filter(|v| !v.is_null()) {
        None => Err(Error::missing(child)),
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(wrong_type(&child, ApiMessage::JsonString {}, other)),
    }
}
