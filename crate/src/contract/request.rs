//! `request`: builds one signed STS, RAM or OSS request from JSON (camelCase fields).

use super::parse::unknown_action;
use crate::api::{self, Action, BuiltRequest, Credentials, FieldValue, Kind, RequestInput};
use crate::error::{Error, Result};
use crate::fields::{child_path, json_type, parse_object, Object};
use crate::message::ApiMessage;
use serde_json::{json, Map, Value};

/// Handles one `request` given as JSON text.
pub fn request(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    let name = req.required_str("action")?;
    let action = Action::from_name(name).ok_or_else(|| unknown_action(name))?;
    let mut input = RequestInput::new(action, credentials(&req)?, req.required_str("time")?);
    input.nonce = req.optional_str("nonce")?.map(str::to_string);
    input.endpoint = req.optional_str("endpoint")?.map(str::to_string);
    input.region = req.optional_str("region")?.map(str::to_string);
    input.bucket = req.optional_str("bucket")?.map(str::to_string);
    for (key, value) in &req.map {
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

fn credentials(req: &Object) -> Result<Credentials> {
    let creds = req
        .optional_object("credentials")?
        .ok_or_else(|| Error::missing("$.credentials"))?;
    const KNOWN: [&str; 3] = ["accessKeyId", "accessKeySecret", "securityToken"];
    if let Some(key) = creds.map.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        let text = ApiMessage::CredentialsField { field: key.clone() };
        return Err(Error::invalid_said(child_path(&creds.path, key), text));
    }
    Ok(Credentials {
        access_key_id: creds.required_str("accessKeyId")?.to_string(),
        access_key_secret: creds.required_str("accessKeySecret")?.to_string(),
        security_token: creds.optional_str("securityToken")?.map(str::to_string),
    })
}

/// `{method, url, headers: {...}, body: string|null, signing: {...}}`.
pub fn to_json(built: &BuiltRequest) -> Value {
    let headers: Map<String, Value> = built
        .headers
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    let s = &built.signing;
    let mut signing = Map::new();
    if let Some(q) = &s.canonical_query {
        signing.insert("canonicalQuery".into(), q.clone().into());
    }
    if let Some(r) = &s.canonicalized_resource {
        signing.insert("canonicalizedResource".into(), r.clone().into());
    }
    signing.insert("stringToSign".into(), s.string_to_sign.clone().into());
    signing.insert("signature".into(), s.signature.clone().into());
    json!({
        "method": built.method,
        "url": built.url,
        "headers": headers,
        "body": built.body,
        "signing": signing,
    })
}
