//! RAM results: roles, users, policies and the account alias, in camelCase.

use super::json::Node;
use crate::error::Result;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "RamRole"))]
#[serde(rename_all = "camelCase")]
pub struct Role {
    pub role_id: String,
    pub role_name: String,
    pub arn: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub description: Option<String>,
    /// The trust policy (JSON text).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub assume_role_policy_document: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub max_session_duration: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub create_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub update_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "RamUser"))]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub user_id: String,
    pub user_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub comments: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub create_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RamPolicy {
    pub policy_name: String,
    pub policy_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub default_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub attachment_count: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub create_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub update_date: Option<String>,
}

/// A policy as attached to a role or user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AttachedPolicy {
    pub policy_name: String,
    pub policy_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub attach_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub default_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PolicyVersion {
    pub version_id: String,
    pub policy_document: String,
    pub is_default_version: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub create_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RoleResult {
    pub request_id: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UserResult {
    pub request_id: String,
    pub user: User,
}

/// CreatePolicy (no version) and GetPolicy (with the default version's document).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PolicyResult {
    pub request_id: String,
    pub policy: RamPolicy,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub default_policy_version: Option<PolicyVersion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PolicyListResult {
    pub request_id: String,
    pub policies: Vec<AttachedPolicy>,
}

/// Actions that answer with nothing but a request id (Attach*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AckResult {
    pub request_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AccountAliasResult {
    pub account_alias: String,
    pub request_id: String,
}

fn role(node: &Node) -> Result<Role> {
    Ok(Role {
        role_id: node.string("RoleId")?,
        role_name: node.string("RoleName")?,
        arn: node.string("Arn")?,
        description: node.opt_string("Description")?,
        assume_role_policy_document: node.opt_string("AssumeRolePolicyDocument")?,
        max_session_duration: node.opt_u64("MaxSessionDuration")?,
        create_date: node.opt_string("CreateDate")?,
        update_date: node.opt_string("UpdateDate")?,
    })
}

fn policy(node: &Node) -> Result<RamPolicy> {
    Ok(RamPolicy {
        policy_name: node.string("PolicyName")?,
        policy_type: node.string("PolicyType")?,
        description: node.opt_string("Description")?,
        default_version: node.opt_string("DefaultVersion")?,
        attachment_count: node.opt_u64("AttachmentCount")?,
        create_date: node.opt_string("CreateDate")?,
        update_date: node.opt_string("UpdateDate")?,
    })
}

/// GetRole, CreateRole, UpdateRole.
pub fn role_result(root: &Node) -> Result<RoleResult> {
    Ok(RoleResult {
        request_id: root.string("RequestId")?,
        role: role(&root.object("Role")?)?,
    })
}

pub fn user_result(root: &Node) -> Result<UserResult> {
    let user = root.object("User")?;
    Ok(UserResult {
        request_id: root.string("RequestId")?,
        user: User {
            user_id: user.string("UserId")?,
            user_name: user.string("UserName")?,
            display_name: user.opt_string("DisplayName")?,
            comments: user.opt_string("Comments")?,
            create_date: user.opt_string("CreateDate")?,
        },
    })
}

/// CreatePolicy and GetPolicy.
pub fn policy_result(root: &Node) -> Result<PolicyResult> {
    let version = root
        .opt_object("DefaultPolicyVersion")?
        .map(|v| {
            Ok::<_, crate::Error>(PolicyVersion {
                version_id: v.string("VersionId")?,
                policy_document: v.string("PolicyDocument")?,
                is_default_version: v.opt_bool("IsDefaultVersion")?.unwrap_or(true),
                create_date: v.opt_string("CreateDate")?,
            })
        })
        .transpose()?;
    Ok(PolicyResult {
        request_id: root.string("RequestId")?,
        policy: policy(&root.object("Policy")?)?,
        default_policy_version: version,
    })
}

/// ListPoliciesForRole and ListPoliciesForUser.
pub fn policy_list(root: &Node) -> Result<PolicyListResult> {
    let policies = root
        .list("Policies", "Policy")?
        .iter()
        .map(|p| {
            Ok(AttachedPolicy {
                policy_name: p.string("PolicyName")?,
                policy_type: p.string("PolicyType")?,
                attach_date: p.opt_string("AttachDate")?,
                default_version: p.opt_string("DefaultVersion")?,
                description: p.opt_string("Description")?,
            })
        })
        .collect::<Result<_>>()?;
    Ok(PolicyListResult {
        request_id: root.string("RequestId")?,
        policies,
    })
}

pub fn ack(root: &Node) -> Result<AckResult> {
    Ok(AckResult {
        request_id: root.string("RequestId")?,
    })
}

pub fn account_alias(root: &Node) -> Result<AccountAliasResult> {
    Ok(AccountAliasResult {
        account_alias: root.string("AccountAlias")?,
        request_id: root.string("RequestId")?,
    })
}
