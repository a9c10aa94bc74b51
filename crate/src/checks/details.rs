//! What a finding shows beside its summary (the report's `details`): the facts its check rests
//! on, one shape per kind of finding, and the cloud's own words when a request was refused.
//! Fields are written in the order the report has always shown them.

use super::check::CheckId;
use super::loaded_policies::Loaded;
use crate::api::AccessDeniedDetail;
use crate::message::PolicyMessage;
use crate::policy::Decision;
use crate::tutorial::TutorialStep;
use serde::Serialize;

/// The report's `details`: what the check found, the cloud's words on a refusal, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckDetails"))]
#[serde(untagged)]
pub enum Details {
    Found(Found),
    Refused(Refused),
    /// The cloud's words alone.
    Denied {
        #[serde(rename = "deniedBy")]
        denied_by: DeniedBy,
    },
}

impl Details {
    /// `details` with the cloud's words on the refusal (replacing any given before).
    pub fn refused(details: Option<Details>, denied_by: DeniedBy) -> Details {
        match details {
            Some(Details::Found(found) | Details::Refused(Refused { found, .. })) => {
                Details::Refused(Refused { found, denied_by })
            }
            None | Some(Details::Denied { .. }) => Details::Denied { denied_by },
        }
    }
}

/// B's policies beside the role they allow instead of the requested one. (Its TypeScript is stated
/// in contract/typescript.rs: ts-rs would write both parts out inside it.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoliciesDiffer {
    #[serde(flatten)]
    pub policies: UserPolicies,
    #[serde(flatten)]
    pub values: ValuesDiffer,
}

/// What the check found, then the cloud's words on the refusal. (Its TypeScript is stated in
/// contract/typescript.rs: ts-rs would write the whole `Found` union out inside it.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Refused {
    #[serde(flatten)]
    pub found: Found,
    pub denied_by: DeniedBy,
}

/// The facts a check's finding rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckFound"))]
#[serde(untagged, rename_all_fields = "camelCase")]
pub enum Found {
    /// A's role as GetRole read it.
    Role {
        arn: String,
        max_session_duration: Option<u64>,
    },
    /// Either of two steps may be broken.
    Steps {
        possible_steps: [TutorialStep; 2],
    },
    /// AssumeRole found no such role: the account or the name is wrong.
    RoleNotFound {
        possible_steps: [TutorialStep; 2],
        account: String,
        role_name: String,
    },
    /// The role's trust policy, simulated for B.
    Trust {
        principal: String,
        decision: Decision,
        explanation: Vec<PolicyMessage>,
        missing_context_keys: Vec<String>,
    },
    /// The role's policies, simulated for the OSS reads.
    RolePolicies {
        #[serde(flatten)]
        policies: PolicySources,
        requests: Vec<SimulatedRequest>,
    },
    /// What B types on the Switch Role page.
    SwitchValues {
        uid: String,
        alias: Option<String>,
        default_domain: String,
        role_name: String,
        role_arn: String,
        switch_url: Option<String>,
    },
    /// AssumeRole's session.
    Assumed {
        assumed_role_arn: String,
        expiration: String,
    },
    /// Who B's credentials belong to.
    Identity {
        account_id: String,
        arn: String,
        identity_type: String,
    },
    /// B's policies, simulated for sts:AssumeRole.
    UserPolicies(UserPolicies),
    /// B's policies, which allow another role than the requested one.
    UserPoliciesDiffer(PoliciesDiffer),
    /// The values used for the switch differ from the role B's user may assume.
    ValuesDiffer(ValuesDiffer),
    Buckets {
        buckets: Vec<String>,
    },
    Objects {
        keys: Vec<String>,
        common_prefixes: usize,
    },
    /// Not run: the check it needs did not pass.
    BlockedBy {
        blocked_by: CheckId,
    },
}

/// The policies a simulation used, by where their text came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckPolicySources"))]
#[serde(rename_all = "camelCase")]
pub struct PolicySources {
    pub policies: Vec<String>,
    /// Simulated with the catalog's assumed text.
    pub assumed_texts: Vec<String>,
    /// Attached but not readable: left out.
    pub unreadable: Vec<String>,
}

impl PolicySources {
    pub fn of(loaded: &Loaded) -> PolicySources {
        PolicySources {
            policies: loaded.names.clone(),
            assumed_texts: loaded.assumed.clone(),
            unreadable: loaded.unknown.clone(),
        }
    }
}

/// One OSS read simulated on the role's policies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckSimulatedRequest"))]
pub struct SimulatedRequest {
    pub action: String,
    pub resource: String,
    pub decision: Decision,
    pub explanation: Vec<PolicyMessage>,
}

/// B's policies simulated for sts:AssumeRole on the role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckUserPolicies"))]
#[serde(rename_all = "camelCase")]
pub struct UserPolicies {
    #[serde(flatten)]
    pub policies: PolicySources,
    pub decision: Decision,
    /// The role tested instead of the requested one (A's, when the ARN names another account).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub simulated_arn: Option<String>,
}

/// The role B's user may assume against the requested one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckValuesDiffer"))]
#[serde(rename_all = "camelCase")]
pub struct ValuesDiffer {
    pub possible_steps: [TutorialStep; 2],
    /// The parts that differ.
    #[cfg_attr(test, ts(type = "Array<\"account\" | \"roleName\">"))]
    pub differs: Vec<&'static str>,
    pub requested_arn: String,
    pub allowed_arn: String,
    /// The policy that allows `allowedArn`.
    pub policy: String,
    /// The account to use for the switch.
    pub account: String,
    /// The role name to use for the switch.
    pub role_name: String,
}

/// The cloud's facts on a refusal, without its encoded message (its decoded facts are shown
/// instead), and how decoding it went. Its TypeScript is stated in contract/typescript.rs: the
/// cloud's detail type without `encodedDiagnosticMessage`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeniedBy {
    #[serde(flatten)]
    detail: AccessDeniedDetail,
    /// OSS's EC code names a bucket policy.
    bucket_policy: bool,
    decode: DecodeStatus,
}

impl DeniedBy {
    /// The report's copy of `detail`: the encoded message, the cloud's opaque text, is left out.
    pub fn new(detail: &AccessDeniedDetail, bucket_policy: bool, decode: DecodeStatus) -> DeniedBy {
        let detail = AccessDeniedDetail {
            encoded_diagnostic_message: None,
            ..detail.clone()
        };
        DeniedBy {
            detail,
            bucket_policy,
            decode,
        }
    }
}

/// Where decoding a refusal's encoded message (RAM DecodeDiagnosticMessage) stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckDecodeStatus"))]
#[serde(rename_all = "kebab-case")]
pub enum DecodeStatus {
    /// The refusal carried no encoded message.
    NoMessage,
    /// Not decoded yet: the decode call is the next request.
    Pending,
    Decoded,
    /// The decoding identity may not call ram:DecodeDiagnosticMessage.
    Refused,
    /// Decoding failed otherwise (network, service): the cloud's detail stands alone.
    Failed,
}
