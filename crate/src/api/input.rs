//! What a request builder takes: the action, credentials, the instant and nonce (the core reads
//! no clock and draws no randomness), where to send it, and the action's own field values.

use super::action::Action;

/// Long-term AccessKey, or STS credentials with `securityToken`. No other fields are accepted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ApiCredentials", optional_fields = nullable))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Credentials {
    pub access_key_id: String,
    pub access_key_secret: String,
    pub security_token: Option<String>,
}

/// A field value as given in the contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(String),
    Integer(i64),
    Boolean(bool),
}

/// Everything one request is built from. `fields` are keyed by contract name (`roleArn`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestInput {
    pub action: Action,
    pub credentials: Credentials,
    /// ISO 8601 UTC, e.g. `2026-01-01T00:00:00Z`.
    pub time: String,
    /// Unique per request; required by RPC actions, unused by OSS.
    pub nonce: Option<String>,
    /// Overrides the host: an OSS endpoint for OSS actions, any `*.aliyuncs.com` host for STS and
    /// RAM (`crate::endpoint`).
    pub endpoint: Option<String>,
    /// OSS region id (`cn-hangzhou`); OSS only.
    pub region: Option<String>,
    /// OSS bucket-level actions only.
    pub bucket: Option<String>,
    pub fields: Vec<(String, FieldValue)>,
}

impl RequestInput {
    /// A request with no optional parts, to be completed field by field.
    pub fn new(action: Action, credentials: Credentials, time: impl Into<String>) -> Self {
        RequestInput {
            action,
            credentials,
            time: time.into(),
            nonce: None,
            endpoint: None,
            region: None,
            bucket: None,
            fields: Vec::new(),
        }
    }

    pub fn field(&self, name: &str) -> Option<&FieldValue> {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Adds a text field (builder style, for Rust callers and tests).
    pub fn with_text(mut self, name: &str, value: &str) -> Self {
        self.fields
            .push((name.to_string(), FieldValue::Text(value.to_string())));
        self
    }

    pub fn with_integer(mut self, name: &str, value: i64) -> Self {
        self.fields
            .push((name.to_string(), FieldValue::Integer(value)));
        self
    }

    pub fn with_flag(mut self, name: &str, value: bool) -> Self {
        self.fields
            .push((name.to_string(), FieldValue::Boolean(value)));
        self
    }
}
