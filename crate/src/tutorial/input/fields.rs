//! The input's errors as the workbench's form words them: unknown fields, required values and
//! lists of distinct names.

use crate::error::{Error, ErrorKind, Result};
use crate::message::TutorialMessage as M;
use crate::read::json_type;
use crate::read::Later;
use crate::read::{Unknown, What};
use serde_json::Value;

/// A field none of `known` (in the form's words), or, for an enum, a value none of its names
/// (`invalid`, worded with the value given).
pub(crate) fn unknown(known: &str, invalid: fn(String) -> M) -> impl Fn(Unknown<'_>) -> Error + '_ {
    move |u: Unknown<'_>| {
        let text = match u.what {
            What::Field => M::InputUnknownField {
                field: u.field.to_string(),
                known: known.to_string(),
            },
            What::Name | What::Value => invalid(u.field.to_string()),
        };
        Error::invalid_said(u.path, text)
    }
}

/// A field of a struct that takes no enum: only unknown fields are worded.
pub(crate) fn unknown_field(u: Unknown<'_>) -> Error {
    let known = u.expected.join(", ");
    let text = M::InputUnknownField {
        field: u.field.to_string(),
        known,
    };
    Error::invalid_said(u.path, text)
}

/// A missing field's error, naming the field as the workbench's form does.
pub fn required(path: &str, field: M) -> Error {
    Error::said(
        ErrorKind::MissingField,
        M::InputRequired {
            field: Box::new(field),
        },
    )
    .at(path)
}

/// A required value, read as `T` at `path`.
pub fn required_value<T: for<'v> serde::Deserialize<'v>>(
    value: &Option<Later<T>>,
    path: &str,
    field: M,
) -> Result<T> {
    match value {
        None => Err(required(path, field)),
        Some(value) => value.read(path, Some(&unknown_field)),
    }
}

/// An optional value, read as `T` at `path`.
pub fn optional_value<T: for<'v> serde::Deserialize<'v>>(
    value: &Option<Later<T>>,
    path: &str,
) -> Result<Option<T>> {
    value
        .as_ref()
        .map(|v| v.read(path, Some(&unknown_field)))
        .transpose()
}

/// A list of distinct names (none when absent), each error in the form's words for `field`.
pub fn names(list: &Option<Later<Vec<String>>>, path: &str, field: M) -> Result<Vec<String>> {
    let Some(list) = list else {
        return Ok(Vec::new());
    };
    let value = list.given();
    let items = value.as_array().ok_or_else(|| {
        Error::invalid_said(
            path,
            M::InputNotList {
                field: Box::new(field.clone()),
                got: Box::new(json_type(value)),
            },
        )
    })?;
    let mut out: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Value::String(text) = item else {
            return Err(Error::invalid_said(
                format!("{path}[{i}]"),
                M::InputNotName {
                    field: Box::new(field.clone()),
                    got: Box::new(json_type(item)),
                },
            ));
        };
        if out.contains(text) {
            return Err(Error::invalid_said(
                format!("{path}[{i}]"),
                M::InputTwice {
                    field: Box::new(field.clone()),
                    value: text.clone(),
                },
            ));
        }
        out.push(text.clone());
    }
    Ok(out)
}
