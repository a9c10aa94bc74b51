//! OSS PostObject policy signature (V1): the form's `policy` field is Base64 of the exact policy
//! JSON bytes and `Signature` is Base64(HMAC-SHA1(secret, policy field)).

use crate::crypto;
use crate::error::{Error, ErrorKind, Result};
use crate::time::UtcTime;
use serde::Serialize;
use serde_json::Value;

/// The signed form fields of a PostObject upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    if access_key_id.is_empty() {
        return Err(Error::invalid("$.accessKeyId", "accessKeyId is empty"));
    }
    if access_key_secret.is_empty() {
        return Err(Error::invalid(
            "$.accessKeySecret",
            "accessKeySecret is empty",
        ));
    }
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
        Error::new(
            ErrorKind::InvalidValue,
            format!("the policy is not valid JSON: {e}"),
        )
        .at("$.policy")
        .at_position(e.line(), e.column())
    })?;
    let Value::Object(map) = value else {
        return Err(Error::invalid(
            "$.policy",
            "the policy must be a JSON object",
        ));
    };
    match map.get("expiration") {
        None => {
            return Err(Error::missing("$.policy.expiration")
                .with_message("the policy needs \"expiration\", e.g. \"2026-01-01T00:00:00Z\""))
        }
        Some(Value::String(s)) => {
            UtcTime::parse_iso8601(s).map_err(|m| Error::invalid("$.policy.expiration", m))?;
        }
        Some(_) => {
            return Err(Error::invalid(
                "$.policy.expiration",
                "expiration must be a string like \"2026-01-01T00:00:00Z\"",
            ))
        }
    }
    match map.get("conditions") {
        Some(Value::Array(_)) => Ok(()),
        None => Err(Error::missing("$.policy.conditions").with_message(
            "the policy needs \"conditions\", an array such as [{\"bucket\": \"b\"}]",
        )),
        Some(_) => Err(Error::invalid(
            "$.policy.conditions",
            "conditions must be an array",
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
