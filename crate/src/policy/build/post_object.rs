//! OSS PostObject policies: the `{"expiration", "conditions"}` document a browser form upload is
//! signed with (the signature itself is `crate::sign::post_policy::sign`). Conditions bound the
//! bucket, the object key (exact or by prefix), the size and the content type.

use super::names;
use crate::error::{Error, ErrorKind, Result};
use crate::message::PolicyMessage;
use crate::time::UtcTime;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostObjectSpec {
    /// ISO 8601 UTC, e.g. `2026-01-01T00:00:00Z` (the core reads no clock).
    pub expiration: String,
    pub bucket: String,
    /// The exact key (`None`: use `key_prefix`).
    pub key: Option<String>,
    /// Every key must start with this (may be empty: any key).
    pub key_prefix: Option<String>,
    /// Inclusive size bounds in bytes.
    pub content_length_range: Option<(u64, u64)>,
    /// `Content-Type` must start with this, e.g. `image/`.
    pub content_type_prefix: Option<String>,
    /// `200`, `201` or `204`.
    pub success_action_status: Option<String>,
}

/// The policy's compact JSON text (what the form's `policy` field encodes).
pub fn post_object_policy(spec: &PostObjectSpec) -> Result<String> {
    UtcTime::parse_iso8601(&spec.expiration).map_err(|m| Error::invalid_said("$.expiration", m))?;
    names::bucket(&spec.bucket, "$.bucket")?;
    let mut conditions = vec![Condition::Bucket {
        bucket: &spec.bucket,
    }];
    match (&spec.key, &spec.key_prefix) {
        (Some(_), Some(_)) => {
            return Err(Error::invalid_said(
                "$.keyPrefix",
                PolicyMessage::PostKeyAndPrefix {},
            ))
        }
        (Some(key), None) if key.is_empty() => {
            return Err(Error::invalid_said("$.key", PolicyMessage::PostKeyEmpty {}))
        }
        (Some(key), None) => conditions.push(Condition::Match("eq", "$key", key)),
        (None, Some(prefix)) => conditions.push(Condition::Match("starts-with", "$key", prefix)),
        (None, None) => {
            return Err(
                Error::said(ErrorKind::MissingField, PolicyMessage::PostNeedsKey {})
                    .at("$.keyPrefix"),
            )
        }
    }
    if let Some((min, max)) = spec.content_length_range {
        if min > max {
            return Err(Error::invalid_said(
                "$.contentLengthRange",
                PolicyMessage::PostRangeEmpty { min, max },
            ));
        }
        conditions.push(Condition::Range("content-length-range", min, max));
    }
    if let Some(ct) = &spec.content_type_prefix {
        conditions.push(Condition::Match("starts-with", "$Content-Type", ct));
    }
    if let Some(status) = &spec.success_action_status {
        if !matches!(status.as_str(), "200" | "201" | "204") {
            return Err(Error::invalid_said(
                "$.successActionStatus",
                PolicyMessage::PostStatus {
                    value: status.clone(),
                },
            ));
        }
        conditions.push(Condition::Match("eq", "$success_action_status", status));
    }
    let policy = PostPolicy {
        expiration: &spec.expiration,
        conditions,
    };
    // Strings and numbers: serialising them cannot fail.
    Ok(serde_json::to_string(&policy).unwrap_or_default())
}

/// The document OSS reads: `{"expiration", "conditions"}`.
#[derive(Serialize)]
struct PostPolicy<'a> {
    expiration: &'a str,
    conditions: Vec<Condition<'a>>,
}

/// One condition, in OSS's two forms: an object for the bucket, a list for the rest.
#[derive(Serialize)]
#[serde(untagged)]
enum Condition<'a> {
    Bucket {
        bucket: &'a str,
    },
    /// `[operator, "$field", value]`: `eq` or `starts-with`.
    Match(&'static str, &'static str, &'a str),
    /// `["content-length-range", min, max]`.
    Range(&'static str, u64, u64),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> PostObjectSpec {
        PostObjectSpec {
            expiration: "2026-01-01T00:00:00Z".into(),
            bucket: "uploads-a".into(),
            key: None,
            key_prefix: Some("user/eric/".into()),
            content_length_range: Some((1, 10_485_760)),
            content_type_prefix: Some("image/".into()),
            success_action_status: Some("201".into()),
        }
    }

    #[test]
    fn writes_the_documented_conditions() {
        assert_eq!(
            post_object_policy(&spec()).unwrap(),
            r#"{"expiration":"2026-01-01T00:00:00Z","conditions":[{"bucket":"uploads-a"},["starts-with","$key","user/eric/"],["content-length-range",1,10485760],["starts-with","$Content-Type","image/"],["eq","$success_action_status","201"]]}"#
        );
    }

    #[test]
    fn checks_each_field() {
        let mut s = spec();
        s.expiration = "tomorrow".into();
        assert_eq!(
            post_object_policy(&s).unwrap_err().path.as_deref(),
            Some("$.expiration")
        );
        let mut s = spec();
        s.content_length_range = Some((10, 1));
        assert_eq!(
            post_object_policy(&s).unwrap_err().path.as_deref(),
            Some("$.contentLengthRange")
        );
        let mut s = spec();
        s.key_prefix = None;
        assert_eq!(
            post_object_policy(&s).unwrap_err().path.as_deref(),
            Some("$.keyPrefix")
        );
        let mut s = spec();
        s.success_action_status = Some("302".into());
        assert!(post_object_policy(&s).is_err());
        let mut s = spec();
        s.key = Some("a.png".into());
        s.key_prefix = None;
        assert!(post_object_policy(&s)
            .unwrap()
            .contains(r#"["eq","$key","a.png"]"#));
    }
}
