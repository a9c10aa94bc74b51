//! `policyBuild`, `policyLint` and `policySimulate`: the policy engine behind the JSON contract.
//! Policy documents come as JSON text (positions in errors refer to that text) or as JSON objects.

mod batch;
mod build;
pub mod limits;
mod lint;
mod request;
mod simulate;

pub use build::build;
pub use lint::lint;
pub use simulate::{read_document, simulate};

use super::fields::{type_name, Object};
use crate::error::{Error, Result};
use serde_json::Value;

pub(super) fn string_array(req: &Object, name: &str) -> Result<Vec<String>> {
    match req.get(name) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str().map(str::to_string).ok_or_else(|| {
                    Error::invalid(
                        format!("{}[{i}]", req.child(name)),
                        format!("expected a string, got {}", type_name(v)),
                    )
                })
            })
            .collect(),
        Some(other) => Err(Error::invalid(
            req.child(name),
            format!(
                "{name} must be an array of strings, got {}",
                type_name(other)
            ),
        )),
    }
}

pub(super) fn optional_bool(req: &Object, name: &str) -> Result<Option<bool>> {
    match req.get(name) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(Error::invalid(
            req.child(name),
            format!("{name} must be true or false, got {}", type_name(other)),
        )),
    }
}

pub(super) fn to_value<T: serde::Serialize>(value: &T) -> Value {
    // Serialising plain structs of strings, numbers and booleans cannot fail.
    serde_json::to_value(value).unwrap_or(Value::Null)
}
