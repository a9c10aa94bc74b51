//! `policyBuild()`'s input, as the caller writes it: `kind` chooses the document, then the
//! fields of that kind, read by `crate::read` in the order declared here, group by group (a
//! group is read only when the fields before it allow the document: a prefix without a bucket is
//! refused before the account is read). Fields the kind does not read are ignored.

use super::values::{Flag, StringList};
use crate::error::Error;
use crate::message::PolicyMessage;
use crate::read::said;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// `policyBuild()`'s input: one of the four documents, chosen by `kind` (TypeScript only: the
/// groups are read one by one).
#[cfg(test)]
#[allow(dead_code)] // Declared for TypeScript; the groups are read one by one.
#[derive(ts_rs::TS)]
#[ts(rename = "PolicyBuildInput", tag = "kind")]
pub enum BuildInput {
    #[ts(rename = "trust")]
    Trust(TrustInput),
    #[ts(rename = "oss-read-only")]
    OssReadOnly(OssReadOnlyInput),
    #[ts(rename = "assume-role")]
    AssumeRole(AssumeRoleInput),
    #[ts(rename = "post-object")]
    PostObject(PostObjectInput),
}

/// A trust policy: RAM users and roles of one account, and services.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyBuildTrust", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct TrustInput {
    /// The trusted account (company B's UID). Needed unless only services are trusted.
    pub account: Option<String>,
    /// RAM users of that account (names, not ARNs).
    #[cfg_attr(test, ts(optional, as = "Option<Vec<String>>"))]
    pub users: Option<StringList>,
    /// RAM roles of that account.
    #[cfg_attr(test, ts(optional, as = "Option<Vec<String>>"))]
    pub roles: Option<StringList>,
    /// Required `sts:ExternalId` for the RAM principals.
    pub external_id: Option<String>,
    /// Services such as `ecs.aliyuncs.com`.
    #[cfg_attr(test, ts(optional, as = "Option<Vec<String>>"))]
    pub services: Option<StringList>,
}

/// Read-only OSS access: its scope, then its account.
#[cfg(test)]
#[allow(dead_code)] // Declared for TypeScript; the groups are read one by one.
#[derive(ts_rs::TS)]
#[ts(rename = "PolicyBuildOssReadOnly")]
pub struct OssReadOnlyInput {
    #[ts(flatten)]
    pub scope: OssScopeFields,
    #[ts(flatten)]
    pub account: OssAccountFields,
}

/// What the OSS read-only policy covers: every bucket of the account (nothing given), `buckets`,
/// one `bucket`, or a `prefix` in one bucket (`bucket`, or `buckets` of one).
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyBuildOssScope", optional_fields = nullable))]
pub struct OssScopeFields {
    #[cfg_attr(test, ts(optional, as = "Option<Vec<String>>"))]
    pub buckets: Option<StringList>,
    pub bucket: Option<String>,
    pub prefix: Option<String>,
}

/// The OSS read-only policy's account and console access.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyBuildOssAccount", optional_fields = nullable))]
pub struct OssAccountFields {
    /// The account that owns the buckets (company A's UID).
    pub account: String,
    /// Add what the OSS console needs to list the buckets and open the bucket (default true).
    #[cfg_attr(test, ts(optional, as = "Option<bool>"))]
    pub console: Option<Flag>,
}

/// The policy allowing `sts:AssumeRole` on one role: its ARN, or its name and `account`.
#[cfg(test)]
#[allow(dead_code)] // Declared for TypeScript; the groups are read one by one.
#[derive(ts_rs::TS)]
#[ts(rename = "PolicyBuildAssumeRole", optional_fields = nullable)]
pub struct AssumeRoleInput {
    #[ts(flatten)]
    pub role: RoleFields,
    /// With `roleName` (read only then): the role's account.
    pub account: Option<String>,
}

/// The role, by ARN or by name (one of the two).
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyBuildRole", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct RoleFields {
    pub role_arn: Option<String>,
    pub role_name: Option<String>,
}

/// The account of a role given by name.
#[derive(Deserialize)]
pub struct RoleAccount {
    pub account: String,
}

/// A PostObject policy (and its form fields, signed, when keys are given): when it expires, what
/// it allows, then the keys.
#[cfg(test)]
#[allow(dead_code)] // Declared for TypeScript; the groups are read one by one.
#[derive(ts_rs::TS)]
#[ts(rename = "PolicyBuildPostObject", rename_all = "camelCase")]
pub struct PostObjectInput {
    #[ts(flatten)]
    pub expiry: ExpiryFields,
    /// With `now`: the policy's lifetime in seconds, 1 to 7 days.
    #[ts(optional)]
    pub expires_in: Option<i64>,
    #[ts(flatten)]
    pub upload: UploadFields,
    #[ts(flatten)]
    pub keys: PostObjectKeys,
}

/// When the policy expires: `expiration`, or `now` and `expiresIn`.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyBuildExpiry", optional_fields = nullable))]
pub struct ExpiryFields {
    /// ISO 8601 UTC, e.g. `2026-01-01T00:00:00Z` (the core reads no clock).
    pub expiration: Option<String>,
    /// ISO 8601 UTC: the policy then expires `expiresIn` seconds later.
    pub now: Option<String>,
}

/// With `now`: the policy's lifetime in seconds.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpiresIn {
    pub expires_in: i64,
}

/// What the upload may be.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyBuildUpload", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct UploadFields {
    /// Inclusive size bounds in bytes, `[min, max]`.
    #[cfg_attr(test, ts(optional, as = "Option<(u64, u64)>"))]
    pub content_length_range: Option<LengthRange>,
    pub bucket: String,
    /// The exact key (absent: `keyPrefix`).
    pub key: Option<String>,
    /// Every key must start with this (may be empty: any key).
    pub key_prefix: Option<String>,
    /// `Content-Type` must start with this, e.g. `image/`.
    pub content_type: Option<String>,
    /// `200`, `201` or `204`.
    pub success_action_status: Option<String>,
}

/// The keys that sign the form (without them: the policy only).
#[cfg(test)]
#[allow(dead_code)] // Declared for TypeScript; the groups are read one by one.
#[derive(ts_rs::TS)]
#[ts(rename = "PolicyBuildKeys", optional_fields = nullable, rename_all = "camelCase")]
pub struct PostObjectKeys {
    pub access_key_id: Option<String>,
    /// Required with `accessKeyId`.
    pub access_key_secret: Option<String>,
    pub security_token: Option<String>,
}

/// `[min, max]` of whole numbers.
pub struct LengthRange(pub u64, pub u64);

impl<'de> Deserialize<'de> for LengthRange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if let Value::Array(items) = Value::deserialize(d)? {
            if let [min, max] = items.as_slice() {
                if let (Some(min), Some(max)) = (min.as_u64(), max.as_u64()) {
                    return Ok(LengthRange(min, max));
                }
            }
        }
        Err(said(|path| {
            Error::invalid_said(path, PolicyMessage::BadLengthRange {})
        }))
    }
}

/// A field read on its own: `accessKeyId`, then `accessKeySecret`, then `securityToken`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyId {
    pub access_key_id: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeySecret {
    pub access_key_secret: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityToken {
    pub security_token: Option<String>,
}
