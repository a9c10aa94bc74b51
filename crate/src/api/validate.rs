//! The documented input rules of STS, RAM and OSS, checked before anything is signed. Every
//! error names the JSON path, what the rule is and what the value broke.

use super::input::{Credentials, FieldValue};
use crate::error::{Error, Result};
use crate::time::UtcTime;

/// A validation rule; each one also fixes the JSON type the field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    RoleArn,
    RoleSessionName,
    DurationSeconds,
    SessionPolicy,
    ExternalId,
    RoleName,
    UserName,
    DisplayName,
    Comments,
    Description,
    MaxSessionDuration,
    PolicyName,
    PolicyDocument,
    PolicyType,
    /// Object-key-like text (prefix, marker, delimiter, start-after): at most 1023 bytes.
    KeyText,
    /// An opaque non-empty token (continuation-token).
    Token,
    MaxKeys,
    Flag,
}

/// The JSON type of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Integer,
    Boolean,
}

impl Rule {
    pub fn kind(self) -> Kind {
        match self {
            Rule::DurationSeconds | Rule::MaxSessionDuration | Rule::MaxKeys => Kind::Integer,
            Rule::Flag => Kind::Boolean,
            _ => Kind::Text,
        }
    }
}

impl Rule {
    /// The rule in a few words, for messages about a value of the wrong JSON type.
    pub fn describe(self) -> &'static str {
        match self {
            Rule::RoleArn => "acs:ram::<account UID>:role/<role name>",
            Rule::RoleSessionName => "2-64 characters of letters, digits, '.', '@', '-' and '_'",
            Rule::DurationSeconds => "900-43200 seconds",
            Rule::SessionPolicy => "a policy document of 1-2048 characters",
            Rule::ExternalId => "2-1224 characters of letters, digits and _+=,.@:/-",
            Rule::RoleName => "1-64 characters of letters, digits, '.' and '-'",
            Rule::UserName => "1-64 characters of letters, digits, '.', '-' and '_'",
            Rule::DisplayName => "1-128 characters",
            Rule::Comments => "at most 128 characters",
            Rule::Description => "at most 1024 characters",
            Rule::MaxSessionDuration => "3600-43200 seconds",
            Rule::PolicyName => "1-128 characters of letters, digits and '-'",
            Rule::PolicyDocument => "a policy document of 1-6144 characters",
            Rule::PolicyType => "\"System\" or \"Custom\"",
            Rule::KeyText => "at most 1023 bytes",
            Rule::Token => "a non-empty token from a previous response",
            Rule::MaxKeys => "1-1000",
            Rule::Flag => "whether OSS lists each object's owner",
        }
    }
}

/// Checks `value` against `rule` and returns the parameter text to send.
pub fn check(rule: Rule, path: &str, value: &FieldValue) -> Result<String> {
    match (rule.kind(), value) {
        (Kind::Text, FieldValue::Text(text)) => check_text(rule, path, text).map(|()| text.clone()),
        (Kind::Integer, FieldValue::Integer(n)) => {
            check_integer(rule, path, *n).map(|()| n.to_string())
        }
        (Kind::Boolean, FieldValue::Boolean(b)) => Ok(b.to_string()),
        (kind, _) => Err(Error::invalid(
            path,
            format!(
                "{} must be {} ({})",
                field_name(path),
                kind_phrase(kind),
                rule.describe()
            ),
        )),
    }
}

pub fn kind_phrase(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "a string",
        Kind::Integer => "an integer",
        Kind::Boolean => "true or false",
    }
}

/// The last segment of a JSON path, for messages: `$.roleArn` -> `roleArn`.
fn field_name(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

fn check_text(rule: Rule, path: &str, text: &str) -> Result<()> {
    let name = field_name(path);
    match rule {
        Rule::RoleArn => check_role_arn(path, text),
        Rule::RoleSessionName => {
            let rule = "2-64 characters of letters, digits, '.', '@', '-' and '_'";
            length(path, name, text, 2, 64, rule)?;
            chars(path, name, text, rule, |c| {
                c.is_ascii_alphanumeric() || ".@-_".contains(c)
            })
        }
        Rule::SessionPolicy => {
            length(
                path,
                name,
                text,
                1,
                2048,
                "a policy document of 1-2048 characters",
            )?;
            json_object(path, name, text)
        }
        Rule::ExternalId => {
            let rule = "2-1224 characters of letters, digits and _+=,.@:/-";
            length(path, name, text, 2, 1224, rule)?;
            chars(path, name, text, rule, |c| {
                c.is_ascii_alphanumeric() || "_+=,.@:/-".contains(c)
            })
        }
        Rule::RoleName => role_name(path, name, text),
        Rule::UserName => {
            let rule = "1-64 characters of letters, digits, '.', '-' and '_'";
            length(path, name, text, 1, 64, rule)?;
            chars(path, name, text, rule, |c| {
                c.is_ascii_alphanumeric() || ".-_".contains(c)
            })
        }
        Rule::DisplayName => length(path, name, text, 1, 128, "1-128 characters"),
        Rule::Comments => length(path, name, text, 0, 128, "at most 128 characters"),
        Rule::Description => length(path, name, text, 0, 1024, "at most 1024 characters"),
        Rule::PolicyName => {
            let rule = "1-128 characters of letters, digits and '-'";
            length(path, name, text, 1, 128, rule)?;
            chars(path, name, text, rule, |c| {
                c.is_ascii_alphanumeric() || c == '-'
            })
        }
        Rule::PolicyDocument => {
            length(
                path,
                name,
                text,
                1,
                6144,
                "a policy document of 1-6144 characters",
            )?;
            json_object(path, name, text)
        }
        Rule::PolicyType => match text {
            "System" | "Custom" => Ok(()),
            other => Err(Error::invalid(
                path,
                format!(
                    "{name} must be \"System\" (Alibaba Cloud's Aliyun* policies) or \"Custom\" \
                     (policies you created), got {other:?}"
                ),
            )),
        },
        Rule::KeyText => {
            if text.len() > 1023 {
                return Err(Error::invalid(
                    path,
                    format!(
                        "{name} is {} bytes long; OSS allows at most 1023",
                        text.len()
                    ),
                ));
            }
            Ok(())
        }
        Rule::Token => length(
            path,
            name,
            text,
            1,
            4096,
            "a non-empty token from a previous response",
        ),
        Rule::DurationSeconds | Rule::MaxSessionDuration | Rule::MaxKeys | Rule::Flag => Ok(()),
    }
}

fn check_integer(rule: Rule, path: &str, n: i64) -> Result<()> {
    let name = field_name(path);
    let (min, max, what) = match rule {
        Rule::DurationSeconds => (
            900,
            43200,
            "seconds (and at most the role's MaxSessionDuration, 3600 by default)",
        ),
        Rule::MaxSessionDuration => (3600, 43200, "seconds"),
        Rule::MaxKeys => (1, 1000, "entries per page"),
        _ => return Ok(()),
    };
    if (min..=max).contains(&n) {
        Ok(())
    } else {
        Err(Error::invalid(
            path,
            format!("{name} must be {min}-{max} {what}, got {n}"),
        ))
    }
}

fn length(path: &str, name: &str, text: &str, min: usize, max: usize, rule: &str) -> Result<()> {
    let count = text.chars().count();
    if count < min || count > max {
        let what = if count == 0 {
            "it is empty".to_string()
        } else {
            format!("it has {count} characters")
        };
        return Err(Error::invalid(
            path,
            format!("{name} must be {rule}; {what}"),
        ));
    }
    Ok(())
}

fn chars(path: &str, name: &str, text: &str, rule: &str, ok: impl Fn(char) -> bool) -> Result<()> {
    match text.chars().enumerate().find(|&(_, c)| !ok(c)) {
        None => Ok(()),
        Some((i, c)) => Err(Error::invalid(
            path,
            format!(
                "{name} must be {rule}; {c:?} at character {} is not allowed",
                i + 1
            ),
        )),
    }
}

pub(crate) fn role_name(path: &str, name: &str, text: &str) -> Result<()> {
    let rule = "1-64 characters of letters, digits, '.' and '-'";
    length(path, name, text, 1, 64, rule)?;
    // `matches!`, not `".-".contains(c)`: profiles check 2,000 role names per popup open.
    chars(path, name, text, rule, |c| {
        c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
    })
}

/// Policies are JSON objects; a syntax error is reported at its line and column.
fn json_object(path: &str, name: &str, text: &str) -> Result<()> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(_)) => Ok(()),
        Ok(_) => Err(Error::invalid(
            path,
            format!(
                "{name} must be a JSON object such as {{\"Version\": \"1\", \"Statement\": [...]}}"
            ),
        )),
        Err(e) => Err(Error::invalid(
            path,
            format!(
                "{name} is not valid JSON: {e}; fix the document at line {}, column {}",
                e.line(),
                e.column()
            ),
        )
        .at_position(e.line(), e.column())),
    }
}

/// `acs:ram::<account UID>:role/<role name>`.
pub(crate) fn check_role_arn(path: &str, text: &str) -> Result<()> {
    let example = "acs:ram::1234567890123456:role/admin-oss";
    let shape = || {
        Error::invalid(
            path,
            format!(
                "roleArn must be acs:ram::<account UID>:role/<role name>, e.g. {example}; got {text:?}"
            ),
        )
    };
    let rest = text.strip_prefix("acs:ram::").ok_or_else(shape)?;
    let (account, role) = rest.split_once(':').ok_or_else(shape)?;
    let role = role.strip_prefix("role/").ok_or_else(shape)?;
    if account.is_empty() || !account.bytes().all(|c| c.is_ascii_digit()) {
        return Err(Error::invalid(
            path,
            format!(
                "the account in roleArn must be the numeric account UID of the role's owner \
                 (not an alias or domain), e.g. {example}; got {account:?}"
            ),
        ));
    }
    role_name(path, "the role name in roleArn", role).map_err(|e| {
        let message = format!(
            "{} (roleArn is acs:ram::<account UID>:role/<role name>)",
            e.message
        );
        e.with_message(message)
    })
}

/// The request instant: ISO 8601 UTC. Returns it normalised to `YYYY-MM-DDThh:mm:ssZ`.
pub fn check_time(text: &str) -> Result<UtcTime> {
    UtcTime::parse_iso8601(text).map_err(|m| {
        Error::invalid(
            "$.time",
            format!("{m}; give the current time in UTC (the server refuses more than 15 minutes of skew)"),
        )
    })
}

/// The RPC `SignatureNonce`: 1-64 visible ASCII characters (a UUID is ideal).
pub fn check_nonce(nonce: Option<&str>) -> Result<&str> {
    let nonce = nonce.ok_or_else(|| {
        Error::missing("$.nonce").with_message(
            "missing required field $.nonce: give a fresh random value per request, e.g. crypto.randomUUID()",
        )
    })?;
    if nonce.is_empty() || nonce.len() > 64 || !nonce.bytes().all(|c| c.is_ascii_graphic()) {
        return Err(Error::invalid(
            "$.nonce",
            "nonce must be 1-64 visible ASCII characters (no spaces), unique per request, e.g. a UUID",
        ));
    }
    Ok(nonce)
}

pub fn check_credentials(creds: &Credentials) -> Result<()> {
    let id = &creds.access_key_id;
    if id.is_empty() || !id.bytes().all(|c| c.is_ascii_graphic() && c != b':') {
        return Err(Error::invalid(
            "$.credentials.accessKeyId",
            "accessKeyId must be the AccessKey ID (visible ASCII, no colon, e.g. LTAI... or STS....)",
        ));
    }
    if creds.access_key_secret.is_empty() {
        return Err(Error::invalid(
            "$.credentials.accessKeySecret",
            "accessKeySecret is empty: give the AccessKey secret that belongs to accessKeyId",
        ));
    }
    match &creds.security_token {
        Some(token) if token.is_empty() || !token.bytes().all(|c| c.is_ascii_graphic()) => {
            Err(Error::invalid(
                "$.credentials.securityToken",
                "securityToken must be the STS token as issued (visible ASCII, no spaces or line \
                 breaks); give null for a long-term AccessKey",
            ))
        }
        None if id.starts_with("STS.") => Err(Error::missing("$.credentials.securityToken")
            .with_message(
                "accessKeyId starts with \"STS.\", so these are temporary credentials: give the \
                 securityToken issued with them",
            )),
        _ => Ok(()),
    }
}

/// An OSS region id such as `cn-hangzhou`.
pub fn check_region(region: &str) -> Result<()> {
    if let Some(id) = region.strip_prefix("oss-") {
        return Err(Error::invalid(
            "$.region",
            format!("give the region id {id:?}, not the OSS location {region:?}"),
        ));
    }
    if crate::endpoint::is_region_id(region) {
        Ok(())
    } else {
        Err(Error::invalid(
            "$.region",
            format!("{region:?} is not a region id: use lowercase words joined by '-', e.g. cn-hangzhou"),
        ))
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
            err.message,
            "durationSeconds must be an integer (900-43200 seconds)"
        );
        assert!(check(Rule::Flag, "$.f", &FieldValue::Boolean(true)).is_ok());
        assert!(text(Rule::RoleName, "ok").is_ok());
    }
}
