//! OSS PostObject policy signature (V1): the form's `policy` field is Base64 of the exact policy
//! JSON bytes and `Signature` is Base64(HMAC-SHA1(secret, policy field)).

use crate::crypto;
use crate::error::{Error, ErrorKind, Result};
use crate::message::{ApiMessage, SignMessage};
use crate::read::wrong_type;
use crate::rules::credentials::{check_access_key_id, check_secret};
use crate::time::UtcTime;
use serde::Serialize;
use serde_json::Value;

/// The signed form fields of a PostObject upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PostPolicySignature {
    /// The `policy` form field.
    pub policy: String,
    /// The `Signature` form field.
    pub signature: String,
    /// The `OSSAccessKeyId` form field.
    pub access_key_id: String,
}

/// Signs the exact policy text after checking it is a policy: a JSON object with an ISO 8601 UTC
/// `expiration` and a `conditions` array.
pub fn sign(
    policy_json: &str,
    access_key_id: &str,
    access_key_secret: &str,
) -> Result<PostPolicySignature> {
    check_policy(policy_json)?;
    check_access_key_id(access_key_id, "$.accessKeyId")?;
    check_secret(access_key_secret, "$.accessKeySecret")?;
    let policy = crypto::base64(policy_json.as_bytes());
    let signature = crypto::hmac_sha1_base64(access_key_secret.as_bytes(), policy.as_bytes());
    Ok(PostPolicySignature {
        policy,
        signature,
        access_key_id: access_key_id.to_string(),
    })
}

fn check_policy(text: &str) -> Result<()> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        Error::said(
            ErrorKind::InvalidValue,
            ApiMessage::PolicyNotJson {
                field: "policy".to_string(),
                line: e.line(),
                column: e.column(),
            },
        )
        .at("$.policy")
        .at_position(e.line(), e.column())
    })?;
    let Value::Object(map) = value else {
        return Err(Error::invalid_said(
            "$.policy",
            SignMessage::SignPolicyNotObject {},
        ));
    };
    match map.get("expiration") {
        None => {
            let text = SignMessage::SignPolicyExpiration {};
            return Err(Error::said(ErrorKind::MissingField, text).at("$.policy.expiration"));
        }
        Some(Value::String(s)) => {
            UtcTime::parse_iso8601(s).map_err(|_| {
                let text = ApiMessage::TimeInvalid {
                    field: "expiration".to_string(),
                    value: s.clone(),
                };
                Error::invalid_said("$.policy.expiration", text)
            })?;
        }
        Some(other) => {
            return Err(wrong_type(
                "$.policy.expiration",
                ApiMessage::JsonString {},
                other,
            ))
        }
    }
    match map.get("conditions") {
        Some(Value::Array(_)) => Ok(()),
        None => {
            let text = SignMessage::SignPolicyConditions {};
            Err(Error::said(ErrorKind::MissingField, text).at("$.policy.conditions"))
        }
        Some(other) => Err(wrong_type(
            "$.policy.conditions",
            ApiMessage::JsonArray {},
            other,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_non_policies() {
        let e = sign("{\"expiration\": 1, \"conditions\": []}", "id", "s").unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.policy.expiration"));
        let e = sign("{\"expiration\": \"2013-12-01T12:00:00Z\"}", "id", "s").unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.policy.conditions"));
        let e = sign("{\n \"expiration\": ", "id", "s").unwrap_err();
        assert_eq!((e.line, e.kind), (Some(2), ErrorKind::InvalidValue));
    }
}
