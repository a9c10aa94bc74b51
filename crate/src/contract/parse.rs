//! `parse`: reads an STS, RAM or OSS answer. `{"result": {...}}` for a success,
//! `{"apiError": {...}}` for the service's error (a valid answer too), `Err` for bad input or a
//! success body that is not as documented.

use crate::api::{self, Action, Answer, HttpResponse};
use crate::error::{Error, ErrorKind, Result};
use crate::fields::{child_path, parse_object, Object};
use crate::message::ApiMessage;
use serde_json::{json, Value};

const FIELDS: [&str; 5] = ["action", "status", "headers", "body", "stringToSign"];

/// Handles one `parse` request given as JSON text.
pub fn parse(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    if let Some(key) = req.map.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        let text = ApiMessage::UnknownField {
            command: "parse".to_string(),
            field: key.clone(),
            fields: FIELDS.join(", "),
        };
        return Err(Error::invalid_said(child_path("$", key), text));
    }
    let name = req.required_str("action")?;
    let action = Action::from_name(name).ok_or_else(|| unknown_action(name))?;
    let response = http_response(&req)?;
    let ours = req.optional_str("stringToSign")?;
    Ok(match api::parse(action, &response, ours)? {
        Answer::Success(result) => json!({ "result": result }),
        Answer::Failure(error) => json!({ "apiError": error }),
    })
}

/// The HTTP answer a request describes: `status` (100-599), `headers` and `body`.
pub(super) fn http_response(req: &Object) -> Result<HttpResponse> {
    let status = req.required_i64("status")?;
    let status = u16::try_from(status)
        .ok()
        .filter(|s| (100..=599).contains(s))
        .ok_or_else(|| {
            let text = ApiMessage::StatusRange {
                value: status.to_string(),
            };
            Error::invalid_said("$.status", text)
        })?;
    Ok(HttpResponse {
        status,
        headers: req.string_map("headers")?,
        body: req.required_str("body")?.to_string(),
    })
}

/// The `unsupported` error for an action RoleHop does not know.
pub fn unknown_action(name: &str) -> Error {
    let text = ApiMessage::UnknownAction {
        action: name.to_string(),
        known: Action::known_names(),
    };
    Error::said(ErrorKind::Unsupported, text).at("$.action")
}
