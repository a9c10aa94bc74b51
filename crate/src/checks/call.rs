//! What the checks ask the cloud: each request's action with its parameters, named as the
//! `request` call takes them (the api module's field names, api/action.rs).

use crate::api::Action;
use serde::Serialize;

/// How long the checks' AssumeRole session lasts: the shortest the cloud allows.
const SESSION_SECONDS: u32 = 900;

/// The objects ListObjects lists: enough to show the bucket is readable.
const MAX_KEYS: u32 = 10;

/// A request of the checks (as JSON: its parameters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckRequestParams"))]
#[serde(untagged, rename_all_fields = "camelCase")]
pub enum Call {
    /// GetCallerIdentity, GetAccountAlias: no parameters.
    Bare {
        #[serde(skip)]
        #[cfg_attr(test, ts(skip))]
        action: Action,
    },
    GetRole {
        role_name: String,
    },
    /// The name B's caller identity gave, if any.
    ListPoliciesForRole {
        role_name: Option<String>,
    },
    ListPoliciesForUser {
        user_name: Option<String>,
    },
    GetPolicy {
        policy_name: String,
        policy_type: String,
    },
    AssumeRole {
        role_arn: String,
        role_session_name: &'static str,
        duration_seconds: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(test, ts(optional))]
        external_id: Option<String>,
    },
    ListBuckets {
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(test, ts(optional))]
        region: Option<String>,
    },
    ListObjects {
        bucket: String,
        max_keys: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(test, ts(optional))]
        prefix: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(test, ts(optional))]
        region: Option<String>,
    },
    DecodeDiagnosticMessage {
        encoded_diagnostic_message: String,
    },
}

impl Call {
    /// A request of `action`, which takes no parameters.
    pub fn bare(action: Action) -> Call {
        Call::Bare { action }
    }

    /// AssumeRole of the role `role_arn`, for a short session named for RoleHop.
    pub fn assume_role(role_arn: &str, external_id: Option<String>) -> Call {
        Call::AssumeRole {
            role_arn: role_arn.to_string(),
            role_session_name: "rolehop-check",
            duration_seconds: SESSION_SECONDS,
            external_id,
        }
    }

    /// ListObjects of the first few objects of `bucket` under `prefix`.
    pub fn list_objects(bucket: &str, prefix: Option<String>, region: Option<String>) -> Call {
        Call::ListObjects {
            bucket: bucket.to_string(),
            max_keys: MAX_KEYS,
            prefix,
            region,
        }
    }

    pub fn action(&self) -> Action {
        match self {
            Call::Bare { action } => *action,
            Call::GetRole { .. } => Action::GetRole,
            Call::ListPoliciesForRole { .. } => Action::ListPoliciesForRole,
            Call::ListPoliciesForUser { .. } => Action::ListPoliciesForUser,
            Call::GetPolicy { .. } => Action::GetPolicy,
            Call::AssumeRole { .. } => Action::AssumeRole,
            Call::ListBuckets { .. } => Action::ListBuckets,
            Call::ListObjects { .. } => Action::ListObjects,
            Call::DecodeDiagnosticMessage { .. } => Action::DecodeDiagnosticMessage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Service;

    /// Each request with every parameter given.
    fn every_call() -> Vec<Call> {
        let text = || "x".to_string();
        vec![
            Call::bare(Action::GetCallerIdentity),
            Call::bare(Action::GetAccountAlias),
            Call::GetRole { role_name: text() },
            Call::ListPoliciesForRole {
                role_name: Some(text()),
            },
            Call::ListPoliciesForUser {
                user_name: Some(text()),
            },
            Call::GetPolicy {
                policy_name: text(),
                policy_type: text(),
            },
            Call::assume_role("acs:ram::1:role/r", Some(text())),
            Call::ListBuckets {
                region: Some(text()),
            },
            Call::list_objects("b", Some(text()), Some(text())),
            Call::DecodeDiagnosticMessage {
                encoded_diagnostic_message: text(),
            },
        ]
    }

    #[test]
    fn every_parameter_is_a_field_of_its_action() {
        for call in every_call() {
            let action = call.action();
            let spec = action.spec();
            // OSS requests are addressed by region and bucket besides their own fields.
            let location: &[&str] = match action.service() {
                Service::Oss if spec.bucket => &["region", "bucket"],
                Service::Oss => &["region"],
                _ => &[],
            };
            let params = serde_json::to_value(&call).unwrap();
            for name in params.as_object().unwrap().keys() {
                let known =
                    spec.fields.iter().any(|f| f.name == name) || location.contains(&&**name);
                assert!(known, "{} takes no {name}", action.name());
            }
        }
    }
}
