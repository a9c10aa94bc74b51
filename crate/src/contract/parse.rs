//! `parse`: reads an STS, RAM or OSS answer. `{"result": {...}}` for a success,
//! `{"apiError": {...}}` for the service's error (a valid answer too), `Err` for bad input or a
//! success body that is not as documented.

use super::fields::{child_path, parse_object};
use crate::api::{self, Action, HttpResponse, Outcome};
use crate::error::{Error, ErrorKind, Result};
use serde_json::{json, Value};

const FIELDS: [&str; 5] = ["action", "status", "headers", "body", "stringToSign"];

/// Handles one `parse` request given as JSON text.
pub fn parse(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    if let Some(key) = req.map.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(Error::invalid(
            child_path("$", key),
            format!(
                "parse does not take a field {key:?}: its fields are {}",
                FIELDS.join(", ")
            ),
        ));
    }
    let name = req.required_str("action")?;
    let action = Action::from_name(name).ok_or_else(|| {
        Error::new(
            ErrorKind::Unsupported,
            format!(
                "unknown action {name:?}: RoleHop parses {}",
                Action::known_names()
            ),
        )
        .at("$.action")
    })?;
    let status = req.required_i64("status")?;
    let status = u16::try_from(status)
        .ok()
        .filter(|s| (100..=599).contains(s))
        .ok_or_else(|| {
            Error::invalid(
                "$.status",
                format!("status must be an HTTP status code (100-599), got {status}"),
            )
        })?;
    let response = HttpResponse {
        status,
        headers: req.string_map("headers")?,
        body: req.required_str("body")?.to_string(),
    };
    let ours = req.optional_str("stringToSign")?;
    Ok(match api::parse(action, &response, ours)? {
        Outcome::Success(result) => json!({ "result": result }),
        Outcome::Failure(error) => json!({ "apiError": error }),
    })
}
