//! The documented input rules of STS, RAM and OSS, checked before anything is signed. Every
//! error names the JSON path, what the rule is and what the value broke.

use super::input::{Credentials, FieldValue};
pub use super::rule::{Kind, Rule};
use crate::error::{field_name, Error, ErrorKind, Result};
use crate::message::ApiMessage;
use crate::rules::credentials::{check_access_key_id, check_secret, is_security_token, STS_PREFIX};
use crate::rules::ram::{is_role_name_char, ROLE_NAME_LENGTH};
use crate::time::UtcTime;

/// The longest opaque token (continuation-token, an encoded diagnostic message).
pub(crate) const TOKEN_MAX: usize = 4096;

/// Checks `value` against `rule` and returns the parameter text to send.
pub fn check(rule: Rule, path: &str, value: &FieldValue) -> Result<String> {
    match (rule.kind(), value) {
        (Kind::Text, FieldValue::Text(text)) => check_text(rule, path, text).map(|()| text.clone()),
        (Kind::Integer, FieldValue::Integer(n)) => {
            check_integer(rule, path, *n).map(|()| n.to_string())
        }
        (Kind::Boolean, FieldValue::Boolean(b)) => Ok(b.to_string()),
        (kind, got) => {
            let got = match got {
                FieldValue::Text(_) => Kind::Text,
                FieldValue::Integer(_) => Kind::Integer,
                FieldValue::Boolean(_) => Kind::Boolean,
            };
            let text = ApiMessage::WrongType {
                field: field_name(path).to_string(),
                expected: Box::new(kind_phrase(kind)),
                got: Box::new(kind_phrase(got)),
            };
            Err(Error::invalid_said(path, text))
        }
    }
}

/// A JSON type in words (a message the catalogs render).
pub fn kind_phrase(kind: Kind) -> ApiMessage {
    match kind {
        Kind::Text => ApiMessage::JsonString {},
        Kind::Integer => ApiMessage::JsonInteger {},
        Kind::Boolean => ApiMessage::JsonBoolean {},
    }
}

/// The characters a text rule allows, in words.
#[derive(Clone, Copy)]
enum Allowed {
    SessionName,
    ExternalId,
    RoleName,
    UserName,
    PolicyName,
}

impl Allowed {
    fn words(self) -> ApiMessage {
        match self {
            Allowed::SessionName => ApiMessage::AllowedSessionName {},
            Allowed::ExternalId => ApiMessage::AllowedExternalId {},
            Allowed::RoleName => ApiMessage::AllowedRoleName {},
            Allowed::UserName => ApiMessage::AllowedUserName {},
            Allowed::PolicyName => ApiMessage::AllowedPolicyName {},
        }
    }
}

fn check_text(rule: Rule, path: &str, text: &str) -> Result<()> {
    match rule {
        Rule::RoleArn => check_role_arn(path, text),
        Rule::RoleSessionName => {
            length(path, text, 2, 64)?;
            chars(path, text, Allowed::SessionName, |c| {
                c.is_ascii_alphanumeric() || ".@-_".contains(c)
            })
        }
        Rule::SessionPolicy => {
            length(path, text, 1, 2048)?;
            json_object(path, text)
        }
        Rule::ExternalId => {
            length(path, text, 2, 1224)?;
            chars(path, text, Allowed::ExternalId, |c| {
                c.is_ascii_alphanumeric() || "_+=,.@:/-".contains(c)
            })
        }
        Rule::RoleName => role_name(path, text),
        Rule::UserName => {
            length(path, text, 1, 64)?;
            chars(path, text, Allowed::UserName, |c| {
                c.is_ascii_alphanumeric() || ".-_".contains(c)
            })
        }
        Rule::DisplayName => length(path, text, 1, 128),
        Rule::Comments => length(path, text, 0, 128),
        Rule::Description => length(path, text, 0, 1024),
        Rule::PolicyName => {
            length(path, text, 1, 128)?;
            chars(path, text, Allowed::PolicyName, |c| {
                c.is_ascii_alphanumeric() || c == '-'
            })
        }
        Rule::PolicyDocument => {
            length(path, text, 1, 6144)?;
            json_object(path, text)
        }
        Rule::PolicyType => match text {
            "System" | "Custom" => Ok(()),
            other => Err(Error::invalid_said(
                path,
                ApiMessage::PolicyType {
                    field: field_name(path).to_string(),
                    value: other.to_string(),
                },
            )),
        },
        Rule::KeyText => key_bytes(path, text),
        Rule::Token => length(path, text, 1, TOKEN_MAX),
        Rule::DurationSeconds | Rule::MaxSessionDuration | Rule::MaxKeys | Rule::Flag => Ok(()),
    }
}

/// Object-key-like text: at most 1023 bytes.
pub(crate) fn key_bytes(path: &str, text: &str) -> Result<()> {
    if text.len() > 1023 {
        let message = ApiMessage::TextBytes {
            field: field_name(path).to_string(),
            count: text.len(),
        };
        return Err(Error::invalid_said(path, message));
    }
    Ok(())
}

fn check_integer(rule: Rule, path: &str, n: i64) -> Result<()> {
    let field = field_name(path).to_string();
    let value = n.to_string();
    let (min, max) = match rule {
        Rule::DurationSeconds => (900, 43200),
        Rule::MaxSessionDuration => (3600, 43200),
        Rule::MaxKeys => (1, 1000),
        _ => return Ok(()),
    };
    if (min..=max).contains(&n) {
        return Ok(());
    }
    let text = match rule {
        Rule::DurationSeconds => ApiMessage::DurationRange { field, value },
        _ => ApiMessage::IntegerRange {
            field,
            min: min as usize,
            max: max as usize,
            value,
        },
    };
    Err(Error::invalid_said(path, text))
}

fn length(path: &str, text: &str, min: usize, max: usize) -> Result<()> {
    let count = text.chars().count();
    if count < min || count > max {
        let field = field_name(path).to_string();
        let message = if count == 0 {
            ApiMessage::TextEmpty { field, min, max }
        } else {
            ApiMessage::TextLength {
                field,
                count,
                min,
                max,
            }
        };
        return Err(Error::invalid_said(path, message));
    }
    Ok(())
}

fn chars(path: &str, text: &str, allowed: Allowed, ok: impl Fn(char) -> bool) -> Result<()> {
    match text.chars().enumerate().find(|&(_, c)| !ok(c)) {
        None => Ok(()),
        Some((i, c)) => Err(Error::invalid_said(
            path,
            ApiMessage::TextCharacter {
                field: field_name(path).to_string(),
                character: c.escape_debug().to_string(),
                position: i + 1,
                allowed: Box::new(allowed.words()),
            },
        )),
    }
}

/// A role name: 1-64 letters, digits, `.` and `-`.
pub(crate) fn role_name(path: &str, text: &str) -> Result<()> {
    length(
        path,
        text,
        *ROLE_NAME_LENGTH.start(),
        *ROLE_NAME_LENGTH.end(),
    )?;
    chars(path, text, Allowed::RoleName, is_role_name_char)
}

/// Policies are JSON objects; a syntax error is reported at its line and column.
fn json_object(path: &str, text: &str) -> Result<()> {
    let field = field_name(path).to_string();
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(_)) => Ok(()),
        Ok(_) => Err(Error::invalid_said(
            path,
            ApiMessage::PolicyNotObject { field },
        )),
        Err(e) => {
            let message = ApiMessage::PolicyNotJson {
                field,
                line: e.line(),
                column: e.column(),
            };
            Err(Error::invalid_said(path, message).at_position(e.line(), e.column()))
        }
    }
}

/// `acs:ram::<account UID>:role/<role name>`.
pub(crate) fn check_role_arn(path: &str, text: &str) -> Result<()> {
    let field = || field_name(path).to_string();
    let shape = || {
        let message = ApiMessage::RoleArnShape {
            field: field(),
            value: text.to_string(),
        };
        Error::invalid_said(path, message)
    };
    let rest = text.strip_prefix("acs:ram::").ok_or_else(shape)?;
    let (account, role) = rest.split_once(':').ok_or_else(shape)?;
    let role = role.strip_prefix("role/").ok_or_else(shape)?;
    if account.is_empty() || !account.bytes().all(|c| c.is_ascii_digit()) {
        let message = ApiMessage::RoleArnAccount {
            field: field(),
            account: account.to_string(),
        };
        return Err(Error::invalid_said(path, message));
    }
    role_name(path, role).map_err(|e| {
        let message = ApiMessage::RoleArnRoleName {
            field: field(),
            role: role.to_string(),
        };
        Error::invalid_said(path, message).with_position_of(&e)
    })
}

/// The request instant: ISO 8601 UTC. Returns it normalised to `YYYY-MM-DDThh:mm:ssZ`.
pub fn check_time(text: &str) -> Result<UtcTime> {
    UtcTime::parse_iso8601(text).map_err(|_| {
        let message = ApiMessage::TimeInvalid {
            field: "time".to_string(),
            value: text.to_string(),
        };
        Error::invalid_said("$.time", message)
    })
}

/// The RPC `SignatureNonce`: 1-64 visible ASCII characters (a UUID is ideal).
pub fn check_nonce(nonce: Option<&str>) -> Result<&str> {
    let nonce = nonce.ok_or_else(|| {
        Error::said(ErrorKind::MissingField, ApiMessage::NonceMissing {}).at("$.nonce")
    })?;
    if nonce.is_empty() || nonce.len() > 64 || !nonce.bytes().all(|c| c.is_ascii_graphic()) {
        return Err(Error::invalid_said("$.nonce", ApiMessage::NonceInvalid {}));
    }
    Ok(nonce)
}

pub fn check_credentials(creds: &Credentials) -> Result<()> {
    let id = &creds.access_key_id;
    check_access_key_id(id, "$.credentials.accessKeyId")?;
    check_secret(&creds.access_key_secret, "$.credentials.accessKeySecret")?;
    match &creds.security_token {
        Some(token) if !is_security_token(token) => {
            let path = "$.credentials.securityToken";
            let field = field_name(path).to_string();
            Err(Error::invalid_said(
                path,
                ApiMessage::TokenInvalid { field },
            ))
        }
        None if id.starts_with(STS_PREFIX) => {
            let path = "$.credentials.securityToken";
            let field = field_name(path).to_string();
            Err(Error::said(ErrorKind::MissingField, ApiMessage::TokenMissing { field }).at(path))
        }
        _ => Ok(()),
    }
}

/// An OSS region id such as `cn-hangzhou`.
pub fn check_region(region: &str) -> Result<()> {
    if let Some(id) = region.strip_prefix("oss-") {
        let message = ApiMessage::RegionLocation {
            value: region.to_string(),
            region: id.to_string(),
        };
        return Err(Error::invalid_said("$.region", message));
    }
    if crate::endpoint::is_region_id(region) {
        Ok(())
    } else {
        let message = ApiMessage::RegionInvalid {
            value: region.to_string(),
        };
        Err(Error::invalid_said("$.region", message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(rule: Rule, value: &str) -> Result<String> {
        check(rule, "$.x", &FieldValue::Text(value.to_string()))
    }

    #[test]
    fn kinds_are_enforced() {
        let err = check(
            Rule::DurationSeconds,
            "$.durationSeconds",
            &FieldValue::Text("900".into()),
        )
        .unwrap_err();
        assert_eq!(
            crate::catalog::en(err.text.as_ref().unwrap()),
            "durationSeconds must be an integer, not a string."
        );
        assert!(check(Rule::Flag, "$.f", &FieldValue::Boolean(true)).is_ok());
        assert!(text(Rule::RoleName, "ok").is_ok());
    }
}
