//! `policyBuild()`'s answers: a built document with its lint findings, or a PostObject policy
//! with, when keys were given, the signed form fields.

use crate::message::PolicyMessage;
use crate::policy::Finding;
use serde::Serialize;
use serde_json::Value;

/// A trust, OSS read-only or AssumeRole document.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyBuildResult"))]
#[serde(rename_all = "camelCase")]
pub struct BuiltDocument {
    #[cfg_attr(test, ts(type = "\"trust\" | \"oss-read-only\" | \"assume-role\""))]
    pub kind: String,
    #[cfg_attr(test, ts(type = "\"identity\" | \"trust\""))]
    pub policy_kind: &'static str,
    /// The document as a JSON object.
    pub policy: Value,
    /// Pretty text, as RAM's console shows it.
    pub text: String,
    /// The compact text.
    pub compact: String,
    /// Characters of the compact text.
    pub size: usize,
    /// What each statement is for.
    pub statements: Vec<StatementPurpose>,
    pub findings: Vec<Finding>,
}

/// What one statement of a built document is for.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyBuildStatement"))]
pub struct StatementPurpose {
    pub index: usize,
    /// `$.Statement[i]`.
    pub path: String,
    pub purpose: PolicyMessage,
}

/// A PostObject policy.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyBuildPostObjectResult"))]
#[serde(rename_all = "camelCase")]
pub struct BuiltPostObject {
    #[cfg_attr(test, ts(type = "\"post-object\""))]
    pub kind: &'static str,
    /// The policy as a JSON object.
    pub policy: Value,
    /// The exact text that is signed.
    pub policy_text: String,
    pub expiration: String,
    /// With keys: the form fields of the upload.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub fields: Option<PostObjectForm>,
}

/// The signed PostObject form fields, named as OSS reads them.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyBuildPostObjectForm"))]
pub struct PostObjectForm {
    /// The key, or the key prefix followed by `${filename}`.
    pub key: String,
    /// The policy, base64.
    pub policy: String,
    #[serde(rename = "OSSAccessKeyId")]
    pub access_key_id: String,
    #[serde(rename = "Signature")]
    pub signature: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub success_action_status: Option<String>,
    #[serde(
        rename = "x-oss-security-token",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(test, ts(optional))]
    pub security_token: Option<String>,
}
