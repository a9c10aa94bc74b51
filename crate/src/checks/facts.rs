//! What the runner saw: for each request id, the attempts in order (the last one counts). An
//! attempt is parseResponse's answer spread into an object (`result`, `apiError` or `error`), or
//! a transport failure, plus the local signing time and the server's Date header.

use crate::api::{AccessDeniedDetail, Action, ApiResult};
use crate::error::{Error, Result};
use crate::fields::{wrong_type, Object};
use crate::message::{ApiMessage, ContractMessage};
use crate::time::UtcTime;
use serde_json::Value;
use std::collections::BTreeMap;

/// What an attempt ended with: exactly one of these.
const OUTCOMES: [&str; 5] = ["result", "apiError", "error", "transportError", "skipped"];

const ATTEMPT_FIELDS: [&str; 9] = [
    "result",
    "apiError",
    "error",
    "transportError",
    "skipped",
    "localTime",
    "serverDate",
    "httpStatus",
    "requestId",
];

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
        let obj = Object::new(value.clone(), path.to_string())?;
        for (id, entry) in &obj.map {
            let id_path = obj.child(id);
            let Some(action) = action_of(id) else {
                let text = ContractMessage::FactsUnknownId {
                    id: id.clone(),
                    example: "b.AssumeRole".into(),
                };
                return Err(Error::invalid_said(id_path, text));
            };
            let attempts = match entry {
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| read_attempt(item, &format!("{id_path}[{i}]"), action))
                    .collect::<Result<Vec<_>>>()?,
                Value::Null => Vec::new(),
                single => vec![read_attempt(single, &id_path, action)?],
            };
            facts.map.insert(id.clone(), attempts);
        }
        Ok(facts)
    }
}

/// One attempt object of a request of `action` (also the `outcome` of checksRetry).
pub fn read_attempt(value: &Value, path: &str, action: Action) -> Result<Attempt> {
    let obj = Object::new(value.clone(), path.to_string())?;
    if let Some(key) = obj
        .map
        .keys()
        .find(|k| !ATTEMPT_FIELDS.contains(&k.as_str()))
    {
        let text = ContractMessage::AttemptUnknownField {
            field: key.clone(),
            fields: ATTEMPT_FIELDS.join(", "),
        };
        return Err(Error::invalid_said(obj.child(key), text));
    }
    let present: Vec<&str> = OUTCOMES
        .into_iter()
        .filter(|k| obj.get(k).is_some())
        .collect();
    let outcome = match present.as_slice() {
        // The result is read last (below): the attempt's other fields are checked first.
        ["result"] => None,
        ["apiError"] => Some(AttemptOutcome::Api(read_api_error(&obj)?)),
        ["error"] => {
            let error = obj.optional_object("error")?;
            let message = match &error {
                Some(e) => match e.get("text") {
                    Some(text) if text.get("id").is_some_and(Value::is_string) => text.clone(),
                    _ => Value::String(e.optional_str("message")?.unwrap_or("").to_string()),
                },
                None => Value::String(String::new()),
            };
            Some(AttemptOutcome::Malformed(message))
        }
        ["transportError"] => Some(AttemptOutcome::Transport(reason_text(
            &obj,
            "transportError",
        )?)),
        ["skipped"] => Some(AttemptOutcome::Skipped(reason_text(&obj, "skipped")?)),
        _ => {
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
    };
    let local_time = match obj.optional_str("localTime")? {
        None => None,
        Some(t) => Some(UtcTime::parse_iso8601(t).map_err(|problem| {
            let text = ContractMessage::AttemptLocalTime {
                problem: Box::new(problem),
            };
            Error::invalid_said(obj.child("localTime"), text)
        })?),
    };
    // The server's Date header; one that cannot be read only loses the skew measurement.
    let api_date = obj.optional_object("apiError")?.and_then(|e| {
        e.optional_str("serverDate")
            .ok()
            .flatten()
            .map(str::to_string)
    });
    let server_date = obj
        .optional_str("serverDate")
        .ok()
        .flatten()
        .map(str::to_string)
        .or(api_date)
        .and_then(|d| UtcTime::parse_rfc1123(d.trim()).ok());
    let http_status = match obj.optional_i64("httpStatus")? {
        None => None,
        Some(n) => Some(
            u16::try_from(n)
                .ok()
                .filter(|s| (100..=599).contains(s))
                .ok_or_else(|| {
                    let text = ApiMessage::StatusRange {
                        value: n.to_string(),
                    };
                    Error::invalid_said(obj.child("httpStatus"), text)
                })?,
        ),
    };
    let outcome = match outcome {
        Some(outcome) => outcome,
        None => AttemptOutcome::Success(read_result(&obj, action)?),
    };
    Ok(Attempt {
        outcome,
        local_time,
        server_date,
        http_status,
        request_id: obj.optional_str("requestId")?.map(str::to_string),
    })
}

/// parseResponse's result for `action`, typed once here: the checks never read it by key.
fn read_result(obj: &Object, action: Action) -> Result<ApiResult> {
    let value = obj.get("result").cloned().unwrap_or(Value::Null);
    ApiResult::from_value(action, value).map_err(|why| {
        let text = ContractMessage::AttemptResult {
            action: action.name().to_string(),
            problem: why.to_string(),
        };
        Error::invalid_said(obj.child("result"), text)
    })
}

fn reason_text(obj: &Object, name: &str) -> Result<String> {
    match obj.get(name) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Bool(true)) => Ok(String::new()),
        Some(Value::Object(map)) => Ok(map
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()),
        Some(other) => Err(wrong_type(
            &obj.child(name),
            ApiMessage::JsonString {},
            other,
        )),
        None => Ok(String::new()),
    }
}

fn read_api_error(obj: &Object) -> Result<ApiFailure> {
    let e = obj
        .optional_object("apiError")?
        .ok_or_else(|| Error::missing(obj.child("apiError")))?;
    let code = e.required_str("code")?.to_string();
    let status = match e.optional_i64("status")? {
        None => None,
        Some(n) => u16::try_from(n).ok(),
    };
    let hint = e
        .get("hint")
        .filter(|h| h.get("id").is_some_and(Value::is_string))
        .cloned();
    Ok(ApiFailure {
        code,
        message: e.optional_str("message")?.unwrap_or("").to_string(),
        request_id: e.optional_str("requestId")?.map(str::to_string),
        status,
        hint,
        endpoint: e.optional_str("endpoint")?.map(str::to_string),
        ec: e.optional_str("ec")?.map(str::to_string),
        denied: match e.get("accessDeniedDetail") {
            None | Some(Value::Null) => None,
            Some(detail) => Some(serde_json::from_value(detail.clone()).map_err(|why| {
                Error::invalid(
                    e.child("accessDeniedDetail"),
                    format!("accessDeniedDetail is not parseResponse's detail ({why}): pass it on as parseResponse gave it"),
                )
            })?),
        },
    })
}
