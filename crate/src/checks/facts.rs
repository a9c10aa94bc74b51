//! What the runner saw: for each request id, the attempts in order (the last one counts). An
//! attempt is parseResponse's answer spread into an object (`result`, `apiError` or `error`), or
//! a transport failure, plus the local signing time and the server's Date header.

use super::lenient::Lenient;
use crate::api::{AccessDeniedDetail, Action, ApiResult};
use crate::error::{Error, Result};
use crate::message::{ApiMessage, ContractMessage};
use crate::read::{child_path, wrong_type, Later};
use crate::read::{read_value, Entries, Unknown};
use crate::time::UtcTime;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// What an attempt ended with: exactly one of these (the first fields of [`AttemptFields`]).
const OUTCOMES: [&str; 5] = ["result", "apiError", "error", "transportError", "skipped"];

/// One attempt of one request: parseResponse's answer spread in (exactly one of `result`,
/// `apiError`, `error`), or `transportError` or `skipped`, plus what the runner saw.
// Read first for which fields are there, then field by field (checks/later.rs).
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckAttempt"))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AttemptFields {
    /// parseResponse's `result`.
    #[cfg_attr(test, ts(optional, as = "Option<ApiResult>"))]
    result: Option<Value>,
    /// parseResponse's `apiError`.
    #[cfg_attr(test, ts(optional, as = "Option<crate::api::ApiError>"))]
    api_error: Option<Later<ApiErrorFields>>,
    /// parseResponse's error (a body it could not read).
    #[cfg_attr(test, ts(optional, as = "Option<crate::error::Error>"))]
    error: Option<Later<ParseErrorFields>>,
    /// No HTTP answer (network error, timeout): why.
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    transport_error: Option<Value>,
    /// Not sent: why.
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    skipped: Option<Value>,
    /// The `time` the request was signed with (ISO 8601 UTC).
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    local_time: Option<Later<String>>,
    /// The response's Date header (RFC 1123); one that cannot be read is left out.
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    server_date: Option<Lenient<String>>,
    #[cfg_attr(test, ts(optional, as = "Option<u16>"))]
    http_status: Option<Later<i64>>,
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    request_id: Option<Later<String>>,
}

/// The fields of parseResponse's `apiError` the checks read, in the order they are checked.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ApiErrorFields {
    code: String,
    status: Option<i64>,
    hint: Option<Value>,
    message: Option<String>,
    request_id: Option<String>,
    endpoint: Option<String>,
    ec: Option<String>,
    /// Read as parseResponse wrote it (serde_json's words say what is wrong with it).
    access_denied_detail: Option<Value>,
    server_date: Option<Lenient<String>>,
}

/// parseResponse's error: its words as a message, else its text.
#[derive(Deserialize)]
struct ParseErrorFields {
    text: Option<Value>,
    message: Option<Later<String>>,
}

/// An API error as parseResponse reported it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ApiFailure {
    pub code: String,
    pub message: String,
    pub request_id: Option<String>,
    pub status: Option<u16>,
    /// parseResponse's `hint` when it is a message `{id, args}` (a hint still given as prose
    /// is left out: the checks then give their own fix).
    pub hint: Option<Value>,
    /// OSS: the endpoint the bucket must be addressed through.
    pub endpoint: Option<String>,
    /// OSS: the detailed error code (`EC`); `0003-000001xx` names a bucket policy.
    pub ec: Option<String>,
    /// parseResponse's `accessDeniedDetail`: which policy refused, as the cloud said.
    pub denied: Option<Box<AccessDeniedDetail>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AttemptOutcome {
    /// parseResponse's result, read as the result of the request's action.
    Success(ApiResult),
    Api(ApiFailure),
    /// A body that could not be understood (parseResponse's `invalid-response`).
    /// parseResponse's error: its words as a message (`{"id", "args"}`), or its text.
    Malformed(Value),
    /// No HTTP answer (network error, timeout).
    Transport(String),
    /// The runner chose not to send it.
    Skipped(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub outcome: AttemptOutcome,
    pub local_time: Option<UtcTime>,
    pub server_date: Option<UtcTime>,
    pub http_status: Option<u16>,
    pub request_id: Option<String>,
}

impl Attempt {
    pub fn request_id(&self) -> Option<String> {
        let from_outcome = match &self.outcome {
            AttemptOutcome::Success(result) => result.request_id(),
            AttemptOutcome::Api(e) => e.request_id.as_deref(),
            _ => None,
        };
        from_outcome
            .map(str::to_string)
            .or_else(|| self.request_id.clone())
    }

    pub fn http_status(&self) -> Option<u16> {
        match &self.outcome {
            AttemptOutcome::Api(e) => e.status.or(self.http_status),
            _ => self.http_status,
        }
    }

    /// Local time minus server time, in seconds, when both are known.
    pub fn skew(&self) -> Option<i64> {
        Some(self.local_time?.unix - self.server_date?.unix)
    }
}

/// Every request's attempts, by request id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub map: BTreeMap<String, Vec<Attempt>>,
}

impl Facts {
    pub fn attempts(&self, id: &str) -> &[Attempt] {
        self.map.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn last(&self, id: &str) -> Option<&Attempt> {
        self.attempts(id).last()
    }

    /// The result of `id`'s last attempt when it succeeded.
    pub fn success(&self, id: &str) -> Option<&ApiResult> {
        match &self.last(id)?.outcome {
            AttemptOutcome::Success(result) => Some(result),
            _ => None,
        }
    }

    /// Reads `facts` (at `path`); `action_of` gives the action behind each request id (`None`:
    /// no request of the checks).
    pub fn read(
        value: Option<&Value>,
        path: &str,
        action_of: impl Fn(&str) -> Option<Action>,
    ) -> Result<Facts> {
        let mut facts = Facts::default();
        let Some(value) = value else {
            return Ok(facts);
        };
        let entries: Entries<Value> = read_value(value, path, None)?;
        for (id, entry) in entries.0 {
            let id_path = child_path(path, &id);
            let Some(action) = action_of(&id) else {
                let text = ContractMessage::FactsUnknownId {
                    id,
                    example: "b.AssumeRole".into(),
                };
                return Err(Error::invalid_said(id_path, text));
            };
            // A list of attempts, or one attempt.
            let attempts = match &entry {
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| read_attempt(item, &format!("{id_path}[{i}]"), action))
                    .collect::<Result<Vec<_>>>()?,
                Value::Null => Vec::new(),
                single => vec![read_attempt(single, &id_path, action)?],
            };
            facts.map.insert(id, attempts);
        }
        Ok(facts)
    }
}

/// Attempts per request id, in order (the last one counts), or the one attempt.
// Read entry by entry (Facts::read): a request id says how its results are typed.
#[cfg(test)]
#[derive(ts_rs::TS)]
#[ts(
    rename = "CheckFacts",
    type = "Record<string, CheckAttempt | CheckAttempt[]>"
)]
pub struct FactsInput;

/// An unknown field of an attempt.
fn unknown_field(u: Unknown<'_>) -> Error {
    let text = ContractMessage::AttemptUnknownField {
        field: u.field.to_string(),
        fields: u.expected.join(", "),
    };
    Error::invalid_said(u.path, text)
}

/// One attempt object of a request of `action` (also the `outcome` of checksRetry).
pub fn read_attempt(value: &Value, path: &str, action: Action) -> Result<Attempt> {
    let fields: AttemptFields = read_value(value, path, Some(&unknown_field))?;
    fields.check(path, action)
}

impl AttemptFields {
    /// The outcome, then each field in turn; the result last (typed by `action`).
    fn check(self, path: &str, action: Action) -> Result<Attempt> {
        let at = |name: &str| child_path(path, name);
        let given = [
            self.result.is_some(),
            self.api_error.is_some(),
            self.error.is_some(),
            self.transport_error.is_some(),
            self.skipped.is_some(),
        ];
        let present: Vec<&str> = OUTCOMES
            .into_iter()
            .zip(given)
            .filter_map(|(name, given)| given.then_some(name))
            .collect();
        if present.len() != 1 {
            let outcomes = OUTCOMES.join(", ");
            let text = if present.is_empty() {
                ContractMessage::AttemptNoOutcome { outcomes }
            } else {
                ContractMessage::AttemptOutcomes {
                    found: present.join(", "),
                    outcomes,
                }
            };
            return Err(Error::invalid_said(path, text));
        }
        let mut api_date = None;
        let outcome = if let Some(e) = &self.api_error {
            let e = e.read(&at("apiError"), None)?;
            api_date = e.server_date.as_ref().and_then(|d| d.0.clone());
            Some(AttemptOutcome::Api(e.failure(&at("apiError"))?))
        } else if let Some(e) = &self.error {
            Some(AttemptOutcome::Malformed(
                e.read(&at("error"), None)?.reason(&at("error"))?,
            ))
        } else if let Some(reason) = &self.transport_error {
            let reason = reason_text(reason, &at("transportError"))?;
            Some(AttemptOutcome::Transport(reason))
        } else if let Some(reason) = &self.skipped {
            Some(AttemptOutcome::Skipped(reason_text(
                reason,
                &at("skipped"),
            )?))
        } else {
            // The result is read last (below): the attempt's other fields are checked first.
            None
        };
        let local_time = match Later::read_optional(&self.local_time, &at("localTime"), None)? {
            None => None,
            Some(t) => Some(UtcTime::parse_iso8601(&t).map_err(|problem| {
                let text = ContractMessage::AttemptLocalTime {
                    problem: Box::new(problem),
                };
                Error::invalid_said(at("localTime"), text)
            })?),
        };
        // The server's Date header; one that cannot be read only loses the skew measurement.
        let server_date = self
            .server_date
            .and_then(|d| d.0)
            .or(api_date)
            .and_then(|d| UtcTime::parse_rfc1123(d.trim()).ok());
        let http_status = match Later::read_optional(&self.http_status, &at("httpStatus"), None)? {
            None => None,
            Some(n) => Some(
                u16::try_from(n)
                    .ok()
                    .filter(|s| (100..=599).contains(s))
                    .ok_or_else(|| {
                        let text = ApiMessage::StatusRange {
                            value: n.to_string(),
                        };
                        Error::invalid_said(at("httpStatus"), text)
                    })?,
            ),
        };
        let outcome = match (outcome, self.result) {
            (Some(outcome), _) => outcome,
            (None, result) => {
                let value = result.unwrap_or(Value::Null);
                AttemptOutcome::Success(read_result(value, &at("result"), action)?)
            }
        };
        Ok(Attempt {
            outcome,
            local_time,
            server_date,
            http_status,
            request_id: Later::read_optional(&self.request_id, &at("requestId"), None)?,
        })
    }
}

/// parseResponse's result for `action`, typed once here: the checks never read it by key.
fn read_result(value: Value, path: &str, action: Action) -> Result<ApiResult> {
    ApiResult::from_value(action, value).map_err(|why| {
        let text = ContractMessage::AttemptResult {
            action: action.name().to_string(),
            problem: why.to_string(),
        };
        Error::invalid_said(path, text)
    })
}

/// Why a request was not answered or not sent: text, `true` (no reason given) or an error
/// object's `message`.
fn reason_text(value: &Value, path: &str) -> Result<String> {
    /// An error object, of which only the message counts.
    #[derive(Deserialize)]
    struct Described {
        message: Option<Lenient<String>>,
    }
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Bool(true) => Ok(String::new()),
        Value::Object(_) => {
            let described: Described = read_value(value, path, None)?;
            Ok(described.message.and_then(|m| m.0).unwrap_or_default())
        }
        other => Err(wrong_type(path, ApiMessage::JsonString {}, other)),
    }
}

/// A message as the core writes one (`{"id": ..., "args": ...}`), passed on as given.
fn said(value: Option<Value>) -> Option<Value> {
    /// What makes an object a message: its id is text (the rest is passed on unread).
    #[derive(Deserialize)]
    struct Said {
        #[serde(rename = "id")]
        _id: String,
    }
    value.filter(|v| v.is_object() && Said::deserialize(v).is_ok())
}

impl ParseErrorFields {
    /// parseResponse's words when they are a message, else its text.
    fn reason(self, path: &str) -> Result<Value> {
        if let Some(text) = said(self.text) {
            return Ok(text);
        }
        let message = Later::read_optional(&self.message, &child_path(path, "message"), None)?;
        Ok(Value::String(message.unwrap_or_default()))
    }
}

impl ApiErrorFields {
    fn failure(self, path: &str) -> Result<ApiFailure> {
        let denied = match self.access_denied_detail {
            None => None,
            Some(detail) => Some(Box::<AccessDeniedDetail>::deserialize(&detail).map_err(|why| {
                Error::invalid(
                    child_path(path, "accessDeniedDetail"),
                    format!("accessDeniedDetail is not parseResponse's detail ({why}): pass it on as parseResponse gave it"),
                )
            })?),
        };
        Ok(ApiFailure {
            code: self.code,
            message: self.message.unwrap_or_default(),
            request_id: self.request_id,
            // A status outside u16 is no status.
            status: self.status.and_then(|n| u16::try_from(n).ok()),
            hint: said(self.hint),
            endpoint: self.endpoint,
            ec: self.ec,
            denied,
        })
    }
}
