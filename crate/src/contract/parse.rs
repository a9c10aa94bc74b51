//! `parse`: reads an STS, RAM or OSS answer. `{"result": {...}}` for a success,
//! `{"apiError": {...}}` for the service's error (a valid answer too), `Err` for bad input or a
//! success body that is not as documented.

use crate::api::{self, Action, Answer, HttpResponse};
use crate::error::{Error, ErrorKind, Result};
use crate::message::ApiMessage;
use crate::read::{self, Entries, Scalar, Unknown, What};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `parseResponse()`'s input: the answer the caller received to a request built by `request()`.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ApiResponseInput", optional_fields = nullable))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResponseInput<'a> {
    pub action: Action,
    /// The HTTP status, 100-599.
    pub status: Status,
    #[cfg_attr(test, ts(optional))]
    pub headers: Option<Entries<Scalar>>,
    pub body: &'a str,
    /// Our string to sign, to explain a SignatureDoesNotMatch with the first difference.
    #[serde(borrow)]
    pub string_to_sign: Option<&'a str>,
}

/// An HTTP status, 100-599 (another integer is refused: `invalid-value`).
pub struct Status(pub u16);

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let status = i64::deserialize(d)?;
        u16::try_from(status)
            .ok()
            .filter(|s| (100..=599).contains(s))
            .map(Status)
            .ok_or_else(|| {
                serde::de::Error::invalid_value(serde::de::Unexpected::Signed(status), &"100-599")
            })
    }
}

/// An unknown field or action, or a status out of range.
fn refused(u: Unknown<'_>) -> Error {
    match u.what {
        What::Name => unknown_action(u.field),
        What::Value => {
            let text = ApiMessage::StatusRange {
                value: u.field.to_string(),
            };
            Error::invalid_said(u.path, text)
        }
        What::Field => {
            let text = ApiMessage::UnknownField {
                command: "parse".to_string(),
                field: u.field.to_string(),
                fields: u.expected.join(", "),
            };
            Error::invalid_said(u.path, text)
        }
    }
}

/// Handles one `parse` request given as JSON text.
pub fn parse(input: &str) -> Result<Value> {
    let value = read::parse_json(input)?;
    let req: ResponseInput = read::read_value(&value, "$", Some(&refused))?;
    let response = HttpResponse {
        status: req.status.0,
        headers: scalars(req.headers),
        body: req.body.to_string(),
    };
    let ours = req.string_to_sign;
    let answer = match api::parse(req.action, &response, ours)? {
        Answer::Success(result) => ParsedResponse::Result(result),
        Answer::Failure(error) => ParsedResponse::ApiError(error),
    };
    // Typed results and errors of strings, numbers and flags: serialising them cannot fail.
    Ok(serde_json::to_value(answer).unwrap_or(Value::Null))
}

/// `parse`'s answer: a success's typed result (its shape depends on the action), or the API's error.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ParsedResponse {
    Result(api::ApiResult),
    ApiError(api::ApiError),
}

/// The HTTP answer a console sign-in step describes: `status` (100-599), `headers` and `body`.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleHttpAnswer", optional_fields = nullable))]
pub struct HttpAnswer<'a> {
    pub status: Status,
    #[cfg_attr(test, ts(optional))]
    pub headers: Option<Entries<Scalar>>,
    pub body: &'a str,
}

impl HttpAnswer<'_> {
    pub fn response(self) -> HttpResponse {
        HttpResponse {
            status: self.status.0,
            headers: scalars(self.headers),
            body: self.body.to_string(),
        }
    }
}

/// Headers as text (numbers and booleans as their JSON text).
fn scalars(headers: Option<Entries<Scalar>>) -> Vec<(String, String)> {
    let entries = headers.unwrap_or_default().0;
    entries.into_iter().map(|(k, v)| (k, v.0)).collect()
}

/// The `unsupported` error for an action RoleHop does not know.
pub fn unknown_action(name: &str) -> Error {
    let text = ApiMessage::UnknownAction {
        action: name.to_string(),
        known: Action::known_names(),
    };
    Error::said(ErrorKind::Unsupported, text).at("$.action")
}
