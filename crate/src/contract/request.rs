//! `request`: builds one signed STS, RAM or OSS request from JSON (camelCase fields).

use super::parse::unknown_action;
use crate::api::{self, Action, BuiltRequest, Credentials, FieldValue, Kind, RequestInput};
use crate::error::{Error, Result};
use crate::message::ApiMessage;
use crate::read::{self, parse_json, read_value, Unknown, What};
use crate::read::{child_path, json_type};
use serde::Deserialize;
use serde_json::Value;

/// `request()`'s common fields. Besides them, each action takes its own camelCase fields (e.g.
/// AssumeRole: `roleArn`, `roleSessionName`, `durationSeconds`; `api::field_spec`); unknown
/// fields are refused with their JSON path.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ApiRequestFields", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct RequestFields<'a> {
    pub action: Action,
    pub credentials: Credentials,
    /// The request time, ISO 8601 UTC (`2024-01-02T03:04:05Z`): the core reads no clock.
    pub time: &'a str,
    /// RPC `SignatureNonce`: the core makes no randomness.
    #[serde(borrow)]
    pub nonce: Option<&'a str>,
    /// https host override: any `*.aliyuncs.com` for STS/RAM, a documented OSS endpoint shape for OSS.
    #[serde(borrow)]
    pub endpoint: Option<&'a str>,
    #[serde(borrow)]
    pub region: Option<&'a str>,
    #[serde(borrow)]
    pub bucket: Option<&'a str>,
}

/// An unknown action, or a field `credentials` does not take.
fn unknown(u: Unknown<'_>) -> Error {
    if u.what == What::Name {
        return unknown_action(u.field);
    }
    let text = ApiMessage::CredentialsField {
        field: u.field.to_string(),
    };
    Error::invalid_said(u.path, text)
}

/// Handles one `request` given as JSON text.
pub fn request(input: &str) -> Result<Value> {
    let value = parse_json(input)?;
    let common: RequestFields = read_value(&value, "$", Some(&unknown))?;
    let action = common.action;
    let text = |t: Option<&str>| t.map(str::to_string);
    let mut input = RequestInput::new(action, common.credentials, common.time);
    input.nonce = text(common.nonce);
    input.endpoint = text(common.endpoint);
    input.region = text(common.region);
    input.bucket = text(common.bucket);
    for (key, value) in read::object(&value, "$")? {
        if api::COMMON_FIELDS.contains(&key.as_str()) {
            continue;
        }
        let path = child_path("$", key);
        let spec =
            api::field_spec(action, key).ok_or_else(|| api::unknown_field(action, key, &path))?;
        if value.is_null() {
            continue;
        }
        let value = match (spec.rule.kind(), value) {
            (Kind::Text, Value::String(s)) => FieldValue::Text(s.clone()),
            (Kind::Integer, Value::Number(n)) if n.as_i64().is_some() => {
                FieldValue::Integer(n.as_i64().unwrap_or_default())
            }
            (Kind::Boolean, Value::Bool(b)) => FieldValue::Boolean(*b),
            (kind, other) => {
                let text = ApiMessage::WrongType {
                    field: key.clone(),
                    expected: Box::new(api::kind_phrase(kind)),
                    got: Box::new(json_type(other)),
                };
                return Err(Error::invalid_said(&path, text));
            }
        };
        input.fields.push((key.clone(), value));
    }
    Ok(to_json(&api::build(&input)?))
}

/// `{method, url, headers: {...}, body: string|null, signing: {...}}`.
pub fn to_json(built: &BuiltRequest) -> Value {
    // Strings and a map of strings: serialising them cannot fail.
    serde_json::to_value(built).unwrap_or(Value::Null)
}
