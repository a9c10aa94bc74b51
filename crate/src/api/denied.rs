//! What a denial says about itself: the `AccessDeniedDetail` of an OSS 403 (XML) or an OpenAPI
//! error (JSON, PascalCase or camelCase), and the answer of RAM `DecodeDiagnosticMessage`. Absent
//! detail is normal (older answers, other services). Every value is bounded: an overlong or
//! unknown value reads as absent, so no answer can make the diagnosis read garbage.

use super::json::Node;
use super::xml::Element;
use crate::error::Result;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The longest text value kept (names, ids, actions, resources).
pub const MAX_TEXT: usize = 512;
/// The longest encoded diagnostic message kept: what DecodeDiagnosticMessage's input accepts
/// (the `Token` rule).
pub const MAX_ENCODED: usize = super::validate::TOKEN_MAX;

/// Which kind of policy refused the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum DeniedPolicyType {
    /// The role's trust policy.
    AssumeRolePolicy,
    /// A control policy of a resource directory.
    ControlPolicy,
    /// A policy attached to the caller for the whole account.
    AccountLevelIdentityBasedPolicy,
    /// A policy attached to the caller for one resource group.
    ResourceGroupLevelIdentityBasedPolicy,
    /// The policy passed to AssumeRole (`Policy`) for this session.
    SessionPolicy,
}

impl DeniedPolicyType {
    pub const ALL: [DeniedPolicyType; 5] = [
        DeniedPolicyType::AssumeRolePolicy,
        DeniedPolicyType::ControlPolicy,
        DeniedPolicyType::AccountLevelIdentityBasedPolicy,
        DeniedPolicyType::ResourceGroupLevelIdentityBasedPolicy,
        DeniedPolicyType::SessionPolicy,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DeniedPolicyType::AssumeRolePolicy => "AssumeRolePolicy",
            DeniedPolicyType::ControlPolicy => "ControlPolicy",
            DeniedPolicyType::AccountLevelIdentityBasedPolicy => "AccountLevelIdentityBasedPolicy",
            DeniedPolicyType::ResourceGroupLevelIdentityBasedPolicy => {
                "ResourceGroupLevelIdentityBasedPolicy"
            }
            DeniedPolicyType::SessionPolicy => "SessionPolicy",
        }
    }

    fn from_name(name: &str) -> Option<DeniedPolicyType> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// A Deny statement matched (explicit), or nothing allowed it (implicit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum NoPermissionType {
    ImplicitDeny,
    ExplicitDeny,
}

impl NoPermissionType {
    fn from_name(name: &str) -> Option<NoPermissionType> {
        match name {
            "ImplicitDeny" => Some(NoPermissionType::ImplicitDeny),
            "ExplicitDeny" => Some(NoPermissionType::ExplicitDeny),
            _ => None,
        }
    }
}

/// Who was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum PrincipalType {
    /// A RAM user.
    SubUser,
    /// A role session.
    AssumedRoleUser,
    Federated,
}

impl PrincipalType {
    fn from_name(name: &str) -> Option<PrincipalType> {
        match name {
            "SubUser" => Some(PrincipalType::SubUser),
            "AssumedRoleUser" => Some(PrincipalType::AssumedRoleUser),
            "Federated" => Some(PrincipalType::Federated),
            _ => None,
        }
    }
}

/// The denial's detail, as the cloud gave it (or as DecodeDiagnosticMessage decoded it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccessDeniedDetail {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub policy_type: Option<DeniedPolicyType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub no_permission_type: Option<NoPermissionType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub auth_action: Option<String>,
    /// Only in a decoded message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub auth_resource: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub auth_principal_type: Option<PrincipalType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub auth_principal_owner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub auth_principal_display_name: Option<String>,
    /// What RAM DecodeDiagnosticMessage decodes into the facts above (and AuthResource).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub encoded_diagnostic_message: Option<String>,
}

impl AccessDeniedDetail {
    fn is_empty(&self) -> bool {
        *self == AccessDeniedDetail::default()
    }

    /// The detail from named values; `get` looks a field up by its PascalCase name.
    fn read(get: impl Fn(&str) -> Option<String>) -> Option<AccessDeniedDetail> {
        let text = |name: &str| bounded(get(name), MAX_TEXT);
        let detail = AccessDeniedDetail {
            policy_type: text("PolicyType")
                .or_else(|| text("NoPermissionPolicyType"))
                .and_then(|t| DeniedPolicyType::from_name(&t)),
            no_permission_type: text("NoPermissionType")
                .and_then(|t| NoPermissionType::from_name(&t)),
            auth_action: text("AuthAction"),
            auth_resource: text("AuthResource"),
            auth_principal_type: text("AuthPrincipalType")
                .and_then(|t| PrincipalType::from_name(&t)),
            auth_principal_owner_id: text("AuthPrincipalOwnerId"),
            auth_principal_display_name: text("AuthPrincipalDisplayName"),
            encoded_diagnostic_message: bounded(get("EncodedDiagnosticMessage"), MAX_ENCODED)
                .or_else(|| bounded(get("EncodedDiagnosticInfo"), MAX_ENCODED))
                .filter(|m| m.bytes().all(|b| b.is_ascii_graphic())),
        };
        (!detail.is_empty()).then_some(detail)
    }
}

/// Trimmed, non-empty, at most `max` characters, without control characters; else absent.
fn bounded(value: Option<String>, max: usize) -> Option<String> {
    let value = value?;
    let trimmed = value.trim();
    (!trimmed.is_empty()
        && trimmed.chars().count() <= max
        && !trimmed.chars().any(char::is_control))
    .then(|| trimmed.to_string())
}

/// The `<AccessDeniedDetail>` of an OSS `<Error>` root.
pub fn from_xml(error: &Element) -> Option<AccessDeniedDetail> {
    let detail = error
        .children
        .iter()
        .find(|c| c.name == "AccessDeniedDetail")?;
    AccessDeniedDetail::read(|name| {
        detail
            .children
            .iter()
            .find(|c| c.name == name && c.children.is_empty())
            .map(|c| c.text.clone())
    })
}

/// The `AccessDeniedDetail` (or `accessDeniedDetail`) object of a JSON error body.
pub fn from_json(body: &Value) -> Option<AccessDeniedDetail> {
    let detail = body
        .get("AccessDeniedDetail")
        .or_else(|| body.get("accessDeniedDetail"))?
        .as_object()?;
    AccessDeniedDetail::read(|name| member(detail, name))
}

/// A text member by its PascalCase name, or the camelCase one newer APIs use.
fn member(object: &Map<String, Value>, name: &str) -> Option<String> {
    let camel = {
        let mut chars = name.chars();
        chars
            .next()
            .map(|c| c.to_ascii_lowercase().to_string() + chars.as_str())
            .unwrap_or_default()
    };
    let value = object.get(name).or_else(|| object.get(&camel))?;
    match value {
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// RAM DecodeDiagnosticMessage's answer: the decoded facts of a denial.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DecodedDiagnosticResult {
    pub request_id: String,
    /// The decoded facts, in the detail's shape (ExplicitDeny read as `noPermissionType`).
    pub decoded_diagnostic_message: AccessDeniedDetail,
}

/// Reads DecodeDiagnosticMessage's body: `DecodedDiagnosticMessage` is an object (or that
/// object as JSON text) with ExplicitDeny, NoPermissionPolicyType, AuthAction, AuthResource and
/// AuthPrincipal {AuthPrincipalType, AuthPrincipalOwnerId, AuthPrincipalDisplayName}.
pub fn decoded_result(root: &Node) -> Result<DecodedDiagnosticResult> {
    let request_id = root.string("RequestId")?;
    let raw = root.value_of("DecodedDiagnosticMessage")?;
    let parsed;
    let object = match raw {
        Value::String(text) => {
            parsed = serde_json::from_str::<Value>(text).ok();
            parsed.as_ref().and_then(Value::as_object)
        }
        other => other.as_object(),
    };
    let Some(object) = object else {
        return Err(root.wrong_object("DecodedDiagnosticMessage", raw));
    };
    let principal = object
        .get("AuthPrincipal")
        .or_else(|| object.get("authPrincipal"))
        .and_then(Value::as_object);
    let mut decoded = AccessDeniedDetail::read(|name| {
        member(object, name).or_else(|| principal.and_then(|p| member(p, name)))
    })
    .unwrap_or_default();
    let explicit = object
        .get("ExplicitDeny")
        .or_else(|| object.get("explicitDeny"));
    decoded.no_permission_type = match explicit {
        Some(Value::Bool(true)) => Some(NoPermissionType::ExplicitDeny),
        Some(Value::Bool(false)) => Some(NoPermissionType::ImplicitDeny),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => {
            Some(NoPermissionType::ExplicitDeny)
        }
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => {
            Some(NoPermissionType::ImplicitDeny)
        }
        _ => decoded.no_permission_type,
    };
    // A decoded message is never decoded again.
    decoded.encoded_diagnostic_message = None;
    Ok(DecodedDiagnosticResult {
        request_id,
        decoded_diagnostic_message: decoded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::xml;
    use serde_json::json;

    const OSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>AccessDenied</Code>
  <Message>Access denied by bucket policy.</Message>
  <RequestId>65AF5037</RequestId>
  <HostId>mybucket.oss-cn-hangzhou.aliyuncs.com</HostId>
  <AccessDeniedDetail>
    <PolicyType>AccountLevelIdentityBasedPolicy</PolicyType>
    <AuthPrincipalOwnerId>1032300002056</AuthPrincipalOwnerId>
    <AuthPrincipalType>SubUser</AuthPrincipalType>
    <AuthPrincipalDisplayName>205870054611</AuthPrincipalDisplayName>
    <NoPermissionType>ExplicitDeny</NoPermissionType>
    <AuthAction>oss:PutBucketReferer</AuthAction>
    <EncodedDiagnosticMessage>AQIBIAAAACB1WAaW7O7kNSJdFn5klF//79WvW+QLnFa1ZRhLyP6w7==</EncodedDiagnosticMessage>
  </AccessDeniedDetail>
  <EC>0003-00000201</EC>
</Error>"#;

    #[test]
    fn oss_detail_as_documented() {
        let root = xml::parse(OSS).unwrap();
        let d = from_xml(&root).unwrap();
        assert_eq!(
            d.policy_type,
            Some(DeniedPolicyType::AccountLevelIdentityBasedPolicy)
        );
        assert_eq!(d.no_permission_type, Some(NoPermissionType::ExplicitDeny));
        assert_eq!(d.auth_principal_type, Some(PrincipalType::SubUser));
        assert_eq!(d.auth_principal_owner_id.as_deref(), Some("1032300002056"));
        assert_eq!(d.auth_action.as_deref(), Some("oss:PutBucketReferer"));
        assert!(d.encoded_diagnostic_message.unwrap().starts_with("AQIB"));
    }

    #[test]
    fn json_detail_in_both_casings() {
        let pascal = json!({"Code": "NoPermission", "AccessDeniedDetail": {
            "PolicyType": "AssumeRolePolicy", "NoPermissionType": "ImplicitDeny",
            "AuthAction": "sts:AssumeRole", "AuthPrincipalType": "SubUser",
            "EncodedDiagnosticMessage": "AQEB"}});
        let camel = json!({"Code": "NoPermission", "accessDeniedDetail": {
            "policyType": "AssumeRolePolicy", "noPermissionType": "ImplicitDeny",
            "authAction": "sts:AssumeRole", "authPrincipalType": "SubUser",
            "encodedDiagnosticInfo": "AQEB"}});
        assert_eq!(from_json(&pascal), from_json(&camel));
        let d = from_json(&camel).unwrap();
        assert_eq!(d.policy_type, Some(DeniedPolicyType::AssumeRolePolicy));
        assert_eq!(d.encoded_diagnostic_message.as_deref(), Some("AQEB"));
    }

    #[test]
    fn absent_or_garbage_detail_reads_as_absent() {
        assert_eq!(from_json(&json!({"Code": "NoPermission"})), None);
        assert_eq!(from_json(&json!({"AccessDeniedDetail": "x"})), None);
        assert_eq!(from_json(&json!({"AccessDeniedDetail": {}})), None);
        // Unknown names, wrong types, control characters: each field left out.
        let d = from_json(&json!({"AccessDeniedDetail": {
            "PolicyType": "BucketAclPolicy", "NoPermissionType": 3,
            "AuthAction": "oss:Get\u{7}Object", "AuthPrincipalType": ["SubUser"],
            "AuthPrincipalOwnerId": "1746"}}))
        .unwrap();
        assert_eq!(
            d,
            AccessDeniedDetail {
                auth_principal_owner_id: Some("1746".into()),
                ..Default::default()
            }
        );
        let root = xml::parse("<Error><Code>AccessDenied</Code><AccessDeniedDetail><PolicyType><x/></PolicyType></AccessDeniedDetail></Error>").unwrap();
        assert_eq!(from_xml(&root), None);
    }

    #[test]
    fn huge_values_are_dropped_not_kept() {
        let long = "A".repeat(MAX_ENCODED + 1);
        let action = "x".repeat(MAX_TEXT + 1);
        let d = from_json(&json!({"AccessDeniedDetail": {
            "EncodedDiagnosticMessage": long, "AuthAction": action,
            "NoPermissionType": "ExplicitDeny"}}))
        .unwrap();
        assert_eq!(d.encoded_diagnostic_message, None);
        assert_eq!(d.auth_action, None);
        assert_eq!(d.no_permission_type, Some(NoPermissionType::ExplicitDeny));
        // A non-base64-like message (spaces, non-ASCII) is no message to send on.
        let d = from_json(&json!({"AccessDeniedDetail": {"EncodedDiagnosticMessage": "a b"}}));
        assert_eq!(d, None);
        // Exactly at the bounds: kept.
        let d = from_json(&json!({"AccessDeniedDetail": {
            "EncodedDiagnosticMessage": "A".repeat(MAX_ENCODED)}}))
        .unwrap();
        assert_eq!(d.encoded_diagnostic_message.unwrap().len(), MAX_ENCODED);
    }

    #[test]
    fn hostile_bodies_stay_bounded() {
        use crate::api::errors::read_error_body;
        use std::time::Instant;
        // 4 MB of encoded message, a deep nest and thousands of repeated details: read in linear
        // time, the overlong value dropped, the first detail taken.
        let huge = format!(
            "<Error><Code>AccessDenied</Code><AccessDeniedDetail><EncodedDiagnosticMessage>{}</EncodedDiagnosticMessage><NoPermissionType>ExplicitDeny</NoPermissionType></AccessDeniedDetail>{}</Error>",
            "A".repeat(4 << 20),
            "<AccessDeniedDetail><PolicyType>ControlPolicy</PolicyType></AccessDeniedDetail>".repeat(20_000)
        );
        let started = Instant::now();
        let fields = read_error_body(&huge).unwrap();
        let detail = fields.access_denied_detail().unwrap();
        assert_eq!(detail.encoded_diagnostic_message, None);
        assert_eq!(detail.policy_type, None);
        assert_eq!(
            detail.no_permission_type,
            Some(NoPermissionType::ExplicitDeny)
        );
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
        let deep = format!(
            "<Error><Code>AccessDenied</Code>{}{}</Error>",
            "<AccessDeniedDetail>".repeat(100),
            "</AccessDeniedDetail>".repeat(100)
        );
        assert!(read_error_body(&deep).is_none());
        let json = format!(
            r#"{{"Code":"NoPermission","AccessDeniedDetail":{{"policyType":"SessionPolicy","authAction":"{}"}}}}"#,
            "x".repeat(1 << 20)
        );
        let fields = read_error_body(&json).unwrap();
        let detail = fields.access_denied_detail().unwrap();
        assert_eq!(detail.policy_type, Some(DeniedPolicyType::SessionPolicy));
        assert_eq!(detail.auth_action, None);
        // Garbage: no error body at all, nothing read.
        for garbage in [
            "",
            "<<<",
            "{\"AccessDeniedDetail\":",
            "\u{0}\u{1}",
            "<Error><Code>X</Code><AccessDeniedDetail>",
        ] {
            assert!(
                read_error_body(garbage)
                    .and_then(|f| f.access_denied_detail().cloned())
                    .is_none(),
                "{garbage:?}"
            );
        }
    }

    #[test]
    fn decoded_answers() {
        let body = json!({"RequestId": "r", "DecodedDiagnosticMessage": {
            "ExplicitDeny": false, "NoPermissionPolicyType": "ControlPolicy",
            "AuthAction": "oss:ListObjects", "AuthResource": "acs:oss:*:1746:reports",
            "AuthPrincipal": {"AuthPrincipalType": "AssumedRoleUser",
                "AuthPrincipalOwnerId": "1746", "AuthPrincipalDisplayName": "admin-oss:rolehop-check"}}});
        let root = Node::root(&body);
        let r = decoded_result(&root).unwrap();
        let d = &r.decoded_diagnostic_message;
        assert_eq!(d.policy_type, Some(DeniedPolicyType::ControlPolicy));
        assert_eq!(d.no_permission_type, Some(NoPermissionType::ImplicitDeny));
        assert_eq!(d.auth_resource.as_deref(), Some("acs:oss:*:1746:reports"));
        assert_eq!(d.auth_principal_type, Some(PrincipalType::AssumedRoleUser));
        // The same object as JSON text.
        let text = json!({"RequestId": "r", "DecodedDiagnosticMessage": body["DecodedDiagnosticMessage"].to_string()});
        assert_eq!(decoded_result(&Node::root(&text)).unwrap(), r);
        // Not an object: an invalid-response error naming the field.
        let bad = json!({"RequestId": "r", "DecodedDiagnosticMessage": 7});
        let e = decoded_result(&Node::root(&bad)).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.body"));
    }
}
