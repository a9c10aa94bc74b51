//! What the facts so far establish: who B and A are, the role's ARN, whether B's credentials
//! already are a session of that role. Derived afresh from inputs + facts on every call.

use super::facts::Facts;
use super::inputs::{AccountRef, CheckInputs};
use crate::api::{ApiResult, CallerIdentity, ListBucketsResult, PolicyListResult};
use crate::policy::{caller_arn, RamIdentity};

/// Request ids (the keys of `facts`).
pub mod id {
    use crate::api::Action;

    pub const B_CALLER: &str = "b.GetCallerIdentity";
    pub const B_USER_POLICIES: &str = "b.ListPoliciesForUser";
    pub const B_ROLE_POLICIES: &str = "b.ListPoliciesForRole";
    pub const B_ASSUME: &str = "b.AssumeRole";
    pub const B_BUCKETS: &str = "b.ListBuckets";
    pub const B_OBJECTS: &str = "b.ListObjects";
    pub const A_CALLER: &str = "a.GetCallerIdentity";
    pub const A_ALIAS: &str = "a.GetAccountAlias";
    pub const A_ROLE: &str = "a.GetRole";
    pub const A_ROLE_POLICIES: &str = "a.ListPoliciesForRole";
    /// RAM DecodeDiagnosticMessage on the encoded message of a refused request.
    pub const DECODE_ASSUME: &str = "b.DecodeDiagnosticMessage.AssumeRole";
    pub const DECODE_BUCKETS: &str = "b.DecodeDiagnosticMessage.ListBuckets";
    pub const DECODE_OBJECTS: &str = "b.DecodeDiagnosticMessage.ListObjects";
    /// (decode request, the request whose refusal it decodes)
    pub const DECODES: [(&str, &str); 3] = [
        (DECODE_ASSUME, B_ASSUME),
        (DECODE_BUCKETS, B_BUCKETS),
        (DECODE_OBJECTS, B_OBJECTS),
    ];
    pub const STATIC: [&str; 13] = [
        B_CALLER,
        B_USER_POLICIES,
        B_ROLE_POLICIES,
        B_ASSUME,
        B_BUCKETS,
        B_OBJECTS,
        A_CALLER,
        A_ALIAS,
        A_ROLE,
        A_ROLE_POLICIES,
        DECODE_ASSUME,
        DECODE_BUCKETS,
        DECODE_OBJECTS,
    ];

    /// `b.GetPolicy.System.AliyunSTSAssumeRoleAccess`: one per policy a listing returned.
    pub fn get_policy(side: char, policy_type: &str, name: &str) -> String {
        format!("{side}.GetPolicy.{policy_type}.{name}")
    }

    /// The action behind request id `id` (`b.GetPolicy.System.X`: GetPolicy); `None` when it is
    /// no request of the checks.
    pub fn action(id: &str) -> Option<Action> {
        if !is_valid(id) {
            return None;
        }
        Action::from_name(id.split('.').nth(1)?)
    }

    pub fn is_valid(id: &str) -> bool {
        if STATIC.contains(&id) {
            return true;
        }
        let Some(rest) = id
            .strip_prefix("a.GetPolicy.")
            .or_else(|| id.strip_prefix("b.GetPolicy."))
        else {
            return false;
        };
        match rest.split_once('.') {
            Some(("System" | "Custom", name)) => {
                (1..=128).contains(&name.len())
                    && name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
            }
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityKind {
    /// The account's own (root) AccessKey.
    Account,
    RamUser,
    /// A role session (STS credentials).
    AssumedRole,
    Other,
}

/// A GetCallerIdentity answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub kind: IdentityKind,
    pub type_name: String,
    pub account: String,
    pub arn: String,
    /// RAM user name (RamUser).
    pub user: Option<String>,
    /// Role name (AssumedRole).
    pub role: Option<String>,
}

impl Identity {
    pub fn read(me: &CallerIdentity) -> Option<Identity> {
        let type_name = me.identity_type.clone();
        let arn = me.arn.clone();
        let account = me.account_id.clone();
        // The policy engine's reading of the ARN: a session is `role/<name>/<session>` (as
        // AssumeRole writes it) or `assumed-role/<name>/<session>` (GetCallerIdentity).
        let identity = caller_arn(&arn).map(|(_, identity)| identity);
        let kind = match type_name.as_str() {
            "Account" => IdentityKind::Account,
            "RAMUser" => IdentityKind::RamUser,
            "AssumedRoleUser" => IdentityKind::AssumedRole,
            _ if identity == Some(RamIdentity::Root) => IdentityKind::Account,
            _ => IdentityKind::Other,
        };
        let user = match identity {
            Some(RamIdentity::User(name)) if kind == IdentityKind::RamUser => {
                Some(name.to_string())
            }
            _ => None,
        };
        let role = match identity {
            Some(RamIdentity::Role { name, .. }) if kind == IdentityKind::AssumedRole => {
                Some(name.to_string())
            }
            _ => None,
        };
        (!account.is_empty()).then_some(Identity {
            kind,
            type_name,
            account,
            arn,
            user,
            role,
        })
    }

    /// The principal a trust policy is matched against. Root keys cannot assume a role at all:
    /// they stand for "some RAM user of the account", which a trust of the whole account admits.
    pub fn principal(&self) -> String {
        match (&self.user, &self.role) {
            (Some(user), _) => format!("acs:ram::{}:user/{user}", self.account),
            (_, Some(role)) => format!("acs:ram::{}:role/{role}", self.account),
            _ => format!("acs:ram::{}:user/*", self.account),
        }
    }
}

/// Everything derived from the inputs and facts.
pub struct Known<'a> {
    pub inputs: &'a CheckInputs,
    pub facts: &'a Facts,
    pub b: Option<Identity>,
    pub a: Option<Identity>,
    pub role_name: Option<String>,
    /// The role's ARN when A's UID is known.
    pub role_arn: Option<String>,
    /// The account that owns the role, when known.
    pub target_uid: Option<String>,
    /// B's credentials are already a session of the target role.
    pub in_role: bool,
}

impl<'a> Known<'a> {
    pub fn new(inputs: &'a CheckInputs, facts: &'a Facts) -> Known<'a> {
        let caller = |rid| match facts.success(rid) {
            Some(ApiResult::CallerIdentity(me)) => Identity::read(me),
            _ => None,
        };
        let (b, a) = (caller(id::B_CALLER), caller(id::A_CALLER));
        let role_name = inputs.role_name.clone();
        let target_uid = inputs
            .role_arn
            .as_deref()
            .and_then(|arn| arn.strip_prefix("acs:ram::"))
            .and_then(|rest| rest.split(':').next())
            .map(str::to_string)
            .or_else(|| {
                inputs
                    .account_a
                    .as_ref()
                    .and_then(AccountRef::uid)
                    .map(str::to_string)
            })
            .or_else(|| a.as_ref().map(|a| a.account.clone()));
        let role_arn = inputs.role_arn.clone().or_else(|| {
            Some(format!(
                "acs:ram::{}:role/{}",
                target_uid.as_ref()?,
                role_name.as_ref()?
            ))
        });
        let in_role = match (&b, &target_uid, &role_name) {
            (Some(b), Some(uid), Some(name)) => {
                b.kind == IdentityKind::AssumedRole
                    && &b.account == uid
                    && b.role
                        .as_deref()
                        .is_some_and(|r| r.eq_ignore_ascii_case(name))
            }
            _ => false,
        };
        Known {
            inputs,
            facts,
            b,
            a,
            role_name,
            role_arn,
            target_uid,
            in_role,
        }
    }

    /// B's principal for the trust policy: from B's identity, else from the inputs.
    pub fn b_principal(&self) -> Option<String> {
        if let Some(b) = &self.b {
            return Some(b.principal());
        }
        let account = self.inputs.account_b.as_ref()?;
        Some(match &self.inputs.user_b {
            Some(user) => format!("acs:ram::{account}:user/{user}"),
            None => format!("acs:ram::{account}:user/*"),
        })
    }

    /// B's account UID, when known.
    pub fn b_account(&self) -> Option<String> {
        self.b
            .as_ref()
            .map(|b| b.account.clone())
            .or_else(|| self.inputs.account_b.clone())
    }

    /// The listing request id used for B's own policies.
    pub fn b_listing(&self) -> Option<&'static str> {
        match self.b.as_ref()?.kind {
            IdentityKind::RamUser => Some(id::B_USER_POLICIES),
            IdentityKind::AssumedRole if !self.in_role => Some(id::B_ROLE_POLICIES),
            _ => None,
        }
    }
}

/// The policies a ListPoliciesFor* result lists: (type, name).
pub fn listed_policies(result: &PolicyListResult) -> Vec<(String, String)> {
    result
        .policies
        .iter()
        .map(|p| (p.policy_type.clone(), p.policy_name.clone()))
        .collect()
}

/// The region of a bucket in a ListBuckets result (`region`, else `location` without `oss-`).
pub fn bucket_region(result: &ListBucketsResult, bucket: &str) -> Option<String> {
    let entry = result.buckets.iter().find(|b| b.name == bucket)?;
    entry
        .region
        .clone()
        .or_else(|| entry.location.strip_prefix("oss-").map(str::to_string))
}

/// Bucket names of a ListBuckets result.
pub fn bucket_names(result: &ListBucketsResult) -> Vec<String> {
    result.buckets.iter().map(|b| b.name.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// A GetCallerIdentity result with the fields given (the others empty).
    fn me(given: Value) -> CallerIdentity {
        let mut all = json!({"accountId": "", "arn": "", "identityType": "", "principalId": "", "requestId": ""});
        all.as_object_mut()
            .unwrap()
            .extend(given.as_object().unwrap().clone());
        serde_json::from_value(all).unwrap()
    }

    /// A ListBuckets result with these buckets (`name` and `location` or `region` given).
    fn listing(buckets: Value) -> ListBucketsResult {
        let buckets: Vec<Value> = buckets["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                let mut all = json!({"location": "", "creationDate": ""});
                all.as_object_mut()
                    .unwrap()
                    .extend(b.as_object().unwrap().clone());
                all
            })
            .collect();
        serde_json::from_value(json!({"owner": {"id": "1", "displayName": ""}, "buckets": buckets, "isTruncated": false}))
            .unwrap()
    }

    #[test]
    fn identities_from_caller_identity() {
        let user = Identity::read(&me(
            json!({"identityType": "RAMUser", "accountId": "1", "arn": "acs:ram::1:user/alice"}),
        ))
        .unwrap();
        assert_eq!(
            (user.kind, user.user.as_deref()),
            (IdentityKind::RamUser, Some("alice"))
        );
        assert_eq!(user.principal(), "acs:ram::1:user/alice");
        // STS writes role/<name>/<session>; the policy language also knows assumed-role/.
        for arn in [
            "acs:ram::2:role/admin-oss/alice",
            "acs:ram::2:assumed-role/admin-oss/alice",
            "acs:sts::2:assumed-role/admin-oss/alice",
        ] {
            let session = Identity::read(&me(
                json!({"identityType": "AssumedRoleUser", "accountId": "2", "arn": arn}),
            ))
            .unwrap();
            assert_eq!(session.role.as_deref(), Some("admin-oss"));
            assert_eq!(session.principal(), "acs:ram::2:role/admin-oss");
        }
        let root = Identity::read(&me(
            json!({"identityType": "Account", "accountId": "3", "arn": "acs:ram::3:root"}),
        ))
        .unwrap();
        assert_eq!(root.kind, IdentityKind::Account);
        assert_eq!(root.principal(), "acs:ram::3:user/*");
        assert!(Identity::read(&me(json!({"arn": "acs:ram::3:root"}))).is_none());
    }

    #[test]
    fn ids_and_regions() {
        assert!(id::is_valid("b.AssumeRole"));
        assert!(id::is_valid("a.GetPolicy.Custom.oss-reports-read"));
        assert!(!id::is_valid("a.GetPolicy.Other.x"));
        assert!(!id::is_valid("a.GetPolicy.System."));
        assert!(!id::is_valid("c.AssumeRole"));
        let buckets = listing(
            json!({"buckets": [{"name": "a", "location": "oss-cn-shanghai"}, {"name": "b", "region": "cn-beijing", "location": "x"}]}),
        );
        assert_eq!(bucket_region(&buckets, "a").as_deref(), Some("cn-shanghai"));
        assert_eq!(bucket_region(&buckets, "b").as_deref(), Some("cn-beijing"));
        assert_eq!(bucket_region(&buckets, "c"), None);
    }
}
