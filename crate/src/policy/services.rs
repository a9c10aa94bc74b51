//! What RoleHop knows about services: common RAM service codes, the actions of OSS, STS and RAM
//! (for "did you mean" on typos), which OSS actions work on buckets and which on objects, which
//! actions only read, and the common condition keys with their operator families. The lists are
//! not exhaustive; the linter only warns when a name is close to a known one or clearly foreign.

use super::operator::Family;
use super::suggest::closest;

/// Common service codes of RAM actions.
pub const SERVICE_CODES: &[&str] = &[
    "actiontrail",
    "adb",
    "alb",
    "alidns",
    "alikafka",
    "apigateway",
    "arms",
    "bss",
    "bssapi",
    "cas",
    "cdn",
    "cen",
    "cloudsso",
    "cms",
    "config",
    "cr",
    "cs",
    "dcdn",
    "dds",
    "ddoscoo",
    "dm",
    "dms",
    "domain",
    "dts",
    "dysms",
    "eci",
    "ecd",
    "ecs",
    "edas",
    "elasticsearch",
    "emr",
    "ess",
    "eventbridge",
    "fc",
    "gpdb",
    "hbr",
    "ims",
    "iot",
    "kms",
    "kvstore",
    "live",
    "log",
    "mns",
    "mse",
    "mts",
    "nas",
    "nlb",
    "odps",
    "ons",
    "oos",
    "oss",
    "ots",
    "polardb",
    "pvtz",
    "ram",
    "rds",
    "resourcemanager",
    "ros",
    "sae",
    "sas",
    "slb",
    "sts",
    "tag",
    "vod",
    "vpc",
    "waf",
    "yundun-bastionhost",
];

/// Other clouds' codes people carry over, and what RAM calls the service.
const FOREIGN_CODES: &[(&str, &str)] = &[
    ("s3", "oss"),
    ("iam", "ram"),
    ("ec2", "ecs"),
    ("lambda", "fc"),
    ("logs", "log"),
];

pub const OSS_ACTIONS: &[&str] = &[
    "ListBuckets",
    "PutBucket",
    "DeleteBucket",
    "GetBucketInfo",
    "GetBucketLocation",
    "GetBucketStat",
    "ListObjects",
    "ListObjectVersions",
    "ListMultipartUploads",
    "GetBucketAcl",
    "PutBucketAcl",
    "GetBucketPolicy",
    "PutBucketPolicy",
    "DeleteBucketPolicy",
    "GetBucketLogging",
    "PutBucketLogging",
    "DeleteBucketLogging",
    "GetBucketWebsite",
    "PutBucketWebsite",
    "DeleteBucketWebsite",
    "GetBucketReferer",
    "PutBucketReferer",
    "GetBucketLifecycle",
    "PutBucketLifecycle",
    "DeleteBucketLifecycle",
    "GetBucketCors",
    "PutBucketCors",
    "DeleteBucketCors",
    "GetBucketVersioning",
    "PutBucketVersioning",
    "GetBucketTagging",
    "PutBucketTagging",
    "DeleteBucketTagging",
    "GetBucketEncryption",
    "PutBucketEncryption",
    "DeleteBucketEncryption",
    "GetBucketReplication",
    "PutBucketReplication",
    "DeleteBucketReplication",
    "GetBucketRequestPayment",
    "PutBucketRequestPayment",
    "GetBucketTransferAcceleration",
    "PutBucketTransferAcceleration",
    "InitiateBucketWorm",
    "AbortBucketWorm",
    "CompleteBucketWorm",
    "ExtendBucketWorm",
    "GetBucketWorm",
    "GetBucketInventory",
    "PutBucketInventory",
    "DeleteBucketInventory",
    "ListBucketInventory",
    "GetObject",
    "PutObject",
    "DeleteObject",
    "GetObjectAcl",
    "PutObjectAcl",
    "GetObjectTagging",
    "PutObjectTagging",
    "DeleteObjectTagging",
    "GetObjectVersion",
    "DeleteObjectVersion",
    "GetObjectVersionAcl",
    "PutObjectVersionAcl",
    "GetObjectVersionTagging",
    "PutObjectVersionTagging",
    "DeleteObjectVersionTagging",
    "RestoreObject",
    "AbortMultipartUpload",
    "ListParts",
];

pub const STS_ACTIONS: &[&str] = &[
    "AssumeRole",
    "AssumeRoleWithSAML",
    "AssumeRoleWithOIDC",
    "GetCallerIdentity",
];

pub const RAM_ACTIONS: &[&str] = &[
    "CreateUser",
    "GetUser",
    "UpdateUser",
    "DeleteUser",
    "ListUsers",
    "CreateLoginProfile",
    "GetLoginProfile",
    "UpdateLoginProfile",
    "DeleteLoginProfile",
    "CreateAccessKey",
    "UpdateAccessKey",
    "DeleteAccessKey",
    "ListAccessKeys",
    "CreateGroup",
    "GetGroup",
    "UpdateGroup",
    "DeleteGroup",
    "ListGroups",
    "AddUserToGroup",
    "RemoveUserFromGroup",
    "ListGroupsForUser",
    "ListUsersForGroup",
    "CreateRole",
    "GetRole",
    "UpdateRole",
    "DeleteRole",
    "ListRoles",
    "CreatePolicy",
    "GetPolicy",
    "DeletePolicy",
    "ListPolicies",
    "CreatePolicyVersion",
    "GetPolicyVersion",
    "DeletePolicyVersion",
    "ListPolicyVersions",
    "SetDefaultPolicyVersion",
    "AttachPolicyToUser",
    "DetachPolicyFromUser",
    "AttachPolicyToGroup",
    "DetachPolicyFromGroup",
    "AttachPolicyToRole",
    "DetachPolicyFromRole",
    "ListPoliciesForUser",
    "ListPoliciesForGroup",
    "ListPoliciesForRole",
    "ListEntitiesForPolicy",
    "GetAccountAlias",
    "SetAccountAlias",
    "ClearAccountAlias",
    "GetPasswordPolicy",
    "SetPasswordPolicy",
    "GetSecurityPreference",
    "SetSecurityPreference",
    "BindMFADevice",
    "UnbindMFADevice",
    "CreateVirtualMFADevice",
    "DeleteVirtualMFADevice",
    "ListVirtualMFADevices",
    "GetUserMFAInfo",
    "ChangePassword",
    "PassRole",
];

/// The known actions of a service, when RoleHop has its list.
pub fn known_actions(service: &str) -> Option<&'static [&'static str]> {
    match service.to_ascii_lowercase().as_str() {
        "oss" => Some(OSS_ACTIONS),
        "sts" => Some(STS_ACTIONS),
        "ram" => Some(RAM_ACTIONS),
        _ => None,
    }
}

pub fn is_known_service(code: &str) -> bool {
    SERVICE_CODES.iter().any(|c| c.eq_ignore_ascii_case(code))
}

/// The code RAM uses for a mistyped or foreign service code.
pub fn service_suggestion(code: &str) -> Option<&'static str> {
    let lower = code.to_ascii_lowercase();
    if let Some((_, ours)) = FOREIGN_CODES.iter().find(|(theirs, _)| *theirs == lower) {
        return Some(ours);
    }
    let max = if code.len() <= 4 { 1 } else { 2 };
    closest(code, SERVICE_CODES.iter().copied(), max)
}

/// The services whose resources an action of `service` acts on (`sts:AssumeRole` acts on RAM
/// roles).
pub fn resource_services(service: &str) -> &'static [&'static str] {
    match service.to_ascii_lowercase().as_str() {
        "sts" => &["ram", "sts"],
        "ram" => &["ram"],
        "oss" => &["oss"],
        _ => &[],
    }
}

/// Where an OSS action's resource lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OssLevel {
    /// `acs:oss:*:<uid>:*` (ListBuckets).
    Account,
    /// `acs:oss:*:<uid>:<bucket>`.
    Bucket,
    /// `acs:oss:*:<uid>:<bucket>/<key>`.
    Object,
}

/// The level of a literal OSS action name (no wildcards), if known.
pub fn oss_level(action_name: &str) -> Option<OssLevel> {
    let known = OSS_ACTIONS
        .iter()
        .find(|a| a.eq_ignore_ascii_case(action_name))?;
    let level = if *known == "ListBuckets" {
        OssLevel::Account
    } else if known.contains("Bucket")
        || matches!(
            *known,
            "ListObjects" | "ListObjectVersions" | "ListMultipartUploads"
        )
    {
        OssLevel::Bucket
    } else {
        OssLevel::Object
    };
    Some(level)
}

const READ_VERBS: [&str; 4] = ["get", "list", "describe", "head"];

/// Whether an action pattern can only match reading actions: its literal part before any
/// wildcard must start with Get, List, Describe or Head (`oss:Get*` reads; `oss:*`, `oss:G*`
/// and `oss:PutObject` may write).
pub fn is_read_only_action(pattern: &str) -> bool {
    let Some((_, name)) = pattern.split_once(':') else {
        return false; // `*`
    };
    let literal = name
        .split(['*', '?'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    READ_VERBS.iter().any(|verb| literal.starts_with(verb))
}

/// Common condition keys and the operator family they take.
pub const CONDITION_KEYS: &[(&str, Family)] = &[
    ("acs:SourceIp", Family::Ip),
    ("acs:CurrentTime", Family::Date),
    ("acs:SecureTransport", Family::Bool),
    ("acs:MFAPresent", Family::Bool),
    ("acs:SourceVpc", Family::String),
    ("oss:Prefix", Family::String),
    ("oss:Delimiter", Family::String),
    ("sts:ExternalId", Family::String),
];

/// The family a known key takes (tag keys `acs:ResourceTag/<key>` and `acs:RequestTag/<key>` are
/// strings).
pub fn key_family(key: &str) -> Option<Family> {
    let lower = key.to_ascii_lowercase();
    if lower.starts_with("acs:resourcetag/") || lower.starts_with("acs:requesttag/") {
        return Some(Family::String);
    }
    CONDITION_KEYS
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, f)| *f)
}

/// A known key a misspelt one is close to (not equal ignoring case).
pub fn key_suggestion(key: &str) -> Option<&'static str> {
    if key_family(key).is_some() {
        return None;
    }
    closest(key, CONDITION_KEYS.iter().map(|(k, _)| *k), 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_actions() {
        assert!(is_read_only_action("oss:Get*"));
        assert!(is_read_only_action("oss:ListObjects"));
        assert!(is_read_only_action("ecs:DescribeInstances"));
        assert!(!is_read_only_action("oss:*"));
        assert!(!is_read_only_action("oss:G*"));
        assert!(!is_read_only_action("oss:PutObject"));
        assert!(!is_read_only_action("*"));
        assert_eq!(oss_level("listobjects"), Some(OssLevel::Bucket));
        assert_eq!(oss_level("GetObject"), Some(OssLevel::Object));
        assert_eq!(oss_level("ListBuckets"), Some(OssLevel::Account));
        assert_eq!(oss_level("GetBucketInfo"), Some(OssLevel::Bucket));
        assert_eq!(oss_level("AbortMultipartUpload"), Some(OssLevel::Object));
        assert_eq!(oss_level("Nope"), None);
    }

    #[test]
    fn suggests_services_and_keys() {
        assert_eq!(service_suggestion("s3"), Some("oss"));
        assert_eq!(service_suggestion("os"), Some("oss"));
        assert_eq!(
            service_suggestion("resourcemanagr"),
            Some("resourcemanager")
        );
        assert_eq!(service_suggestion("zzzz"), None);
        assert_eq!(key_suggestion("acs:SorceIp"), Some("acs:SourceIp"));
        assert_eq!(key_suggestion("acs:sourceip"), None);
        assert_eq!(key_family("acs:ResourceTag/env"), Some(Family::String));
    }
}
