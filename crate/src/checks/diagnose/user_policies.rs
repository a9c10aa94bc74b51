//! What B's own policies say about sts:AssumeRole on the role: listed with B's credentials
//! (ListPoliciesFor* and GetPolicy), else the policies the inputs name, simulated on the role's
//! ARN (A's role of that name when A's credentials show the ARN names another account).

use super::common::Read;
use super::cx::Cx;
use super::mismatch::{self, Mismatch};
use super::policies::{self, Loaded};
use crate::api::ApiResult;
use crate::policy::Decision;

/// What B's own policies say about sts:AssumeRole on the role.
pub enum UserPolicies {
    Pending,
    /// Simulated on `arn`: `method` is "listed" (ListPoliciesFor*) or "input"
    /// (inputs.userPolicies). `mismatch`: not allowed, but a role whose ARN differs from `arn`
    /// only in the account or the role name is.
    Simulated {
        method: &'static str,
        arn: String,
        loaded: Box<Loaded>,
        decision: Decision,
        mismatch: Option<Box<Mismatch>>,
    },
    /// Not simulated: the listing failed and no policies were given.
    Unknown,
    /// The role's ARN is not known (an alias without A's UID).
    NoRoleArn,
}

impl UserPolicies {
    /// Some(true): allowed; Some(false): denied; None: cannot tell.
    pub fn allows(&self) -> Option<bool> {
        match self {
            UserPolicies::Simulated {
                decision: Decision::Allow,
                ..
            } => Some(true),
            UserPolicies::Simulated {
                decision: Decision::ExplicitDeny,
                ..
            } => Some(false),
            UserPolicies::Simulated { loaded, .. } if loaded.unknown.is_empty() => Some(false),
            _ => None,
        }
    }
}

pub fn user_policies(cx: &Cx) -> UserPolicies {
    let known = cx.known;
    let Some(listing) = known.b_listing() else {
        return UserPolicies::Unknown;
    };
    let Some(arn) = cx.a_corrected_arn().or_else(|| known.role_arn.clone()) else {
        return UserPolicies::NoRoleArn;
    };
    let principal = known.b.as_ref().map(|b| b.principal());
    let own_account = known.b_account();
    let simulate = |method, loaded: Loaded| {
        let (decision, _) = policies::decide(
            &loaded.simulator,
            principal.as_deref(),
            "sts:AssumeRole",
            &arn,
            &[],
        );
        let mismatch = (decision != Decision::Allow)
            .then(|| mismatch::find(&loaded, principal.as_deref(), &arn, own_account.as_deref()))
            .flatten()
            .map(Box::new);
        UserPolicies::Simulated {
            method,
            arn: arn.clone(),
            loaded: Box::new(loaded),
            decision,
            mismatch,
        }
    };
    match cx.read(listing) {
        Read::Pending => UserPolicies::Pending,
        Read::Success(ApiResult::Policies(result)) => {
            if cx.reads_pending("b.GetPolicy.") {
                return UserPolicies::Pending;
            }
            simulate("listed", policies::from_listing(known.facts, 'b', result))
        }
        _ => match &known.inputs.user_policies {
            Some(entries) => match policies::from_input(entries, "$.inputs.userPolicies") {
                Ok(loaded) => simulate("input", loaded),
                Err(_) => UserPolicies::Unknown,
            },
            None => UserPolicies::Unknown,
        },
    }
}
