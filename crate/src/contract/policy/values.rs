//! Values shared by the policy requests: string arrays, flags and what a wrong value was, read
//! from the request; results written as JSON values.

use crate::error::{Error, Result};
use crate::fields::Object;
use crate::message::PolicyMessage;
use serde_json::Value;

pub(crate) fn string_array(req: &Object, name: &str) -> Result<Vec<String>> {
    match req.get(name) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str().map(str::to_string).ok_or_else(|| {
                    Error::invalid_said(
                        format!("{}[{i}]", req.child(name)),
                        PolicyMessage::ExpectedString { got: got(v) },
                    )
                })
            })
            .collect(),
        Some(other) => Err(Error::invalid_said(
            req.child(name),
            PolicyMessage::FieldNotStringArray {
                name: name.to_string(),
                got: got(other),
            },
        )),
    }
}

pub(crate) fn optional_bool(req: &Object, name: &str) -> Result<Option<bool>> {
    match req.get(name) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(Error::invalid_said(
            req.child(name),
            PolicyMessage::FieldNotBool {
                name: name.to_string(),
                got: got(other),
            },
        )),
    }
}

pub(crate) use crate::policy::document::got;

pub(crate) fn to_value<T: serde::Serialize>(value: &T) -> Value {
    // Serialising plain structs of strings, numbers and booleans cannot fail.
    serde_json::to_value(value).unwrap_or(Value::Null)
}
