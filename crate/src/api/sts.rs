//! STS results: AssumeRole and GetCallerIdentity.

use super::json::Node;
use crate::error::Result;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AssumeRoleResult {
    pub request_id: String,
    pub credentials: StsCredentials,
    pub assumed_role_user: AssumedRoleUser,
}

/// Temporary credentials; `access_key_secret` is a secret (keep it in session memory only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StsCredentials {
    pub access_key_id: String,
    pub access_key_secret: String,
    pub security_token: String,
    /// ISO 8601 UTC, e.g. `2015-04-09T11:52:19Z`.
    pub expiration: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AssumedRoleUser {
    pub arn: String,
    pub assumed_role_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CallerIdentity {
    pub account_id: String,
    pub arn: String,
    /// `Account`, `RAMUser` or `AssumedRoleUser`.
    pub identity_type: String,
    pub principal_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub user_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub role_id: Option<String>,
    pub request_id: String,
}

pub fn assume_role(root: &Node) -> Result<AssumeRoleResult> {
    let request_id = root.string("RequestId")?;
    let creds = root.object("Credentials")?;
    let credentials = StsCredentials {
        access_key_id: creds.string("AccessKeyId")?,
        access_key_secret: creds.string("AccessKeySecret")?,
        security_token: creds.string("SecurityToken")?,
        expiration: creds.string("Expiration")?,
    };
    let user = root.object("AssumedRoleUser")?;
    Ok(AssumeRoleResult {
        request_id,
        credentials,
        assumed_role_user: AssumedRoleUser {
            arn: user.string("Arn")?,
            assumed_role_id: user.string("AssumedRoleId")?,
        },
    })
}

pub fn caller_identity(root: &Node) -> Result<CallerIdentity> {
    Ok(CallerIdentity {
        account_id: root.string("AccountId")?,
        arn: root.string("Arn")?,
        identity_type: root.string("IdentityType")?,
        principal_id: root.string("PrincipalId")?,
        user_id: root.opt_string("UserId")?,
        role_id: root.opt_string("RoleId")?,
        request_id: root.string("RequestId")?,
    })
}
