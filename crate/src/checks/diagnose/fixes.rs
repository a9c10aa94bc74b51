//! Findings more than one check gives: B's user lacks AssumeRole, A's role does not trust B,
//! and the policy snippets that fix them (shared by A's checks, B's checks and the refusals the
//! cloud explained).

use super::cx::Cx;
use crate::checks::report::{Cause, CheckFinding, CheckFix};
use crate::message::ChecksMessage as M;
use crate::policy::build::{
    assume_role as assume_role_policy, oss_read_only, OssReadSpec, OssScope,
};
use crate::policy::to_pretty;
use crate::tutorial::TutorialStep;

/// The policy that lets B's user assume exactly this role.
pub fn assume_snippet(role_arn: Option<&str>) -> Option<String> {
    assume_role_policy(role_arn?)
        .ok()
        .map(|b| to_pretty(&b.policy))
}

/// Read-only OSS access for the role, with what the console needs.
pub fn oss_snippet(cx: &Cx) -> Option<String> {
    let account = cx.known.target_uid.clone()?;
    let inputs = cx.known.inputs;
    let scope = match (&inputs.bucket, &inputs.prefix) {
        (Some(bucket), Some(prefix)) => OssScope::Prefix {
            bucket: bucket.clone(),
            prefix: prefix.clone(),
        },
        (Some(bucket), None) => OssScope::Buckets(vec![bucket.clone()]),
        _ => OssScope::Account,
    };
    oss_read_only(&OssReadSpec {
        account,
        scope,
        console: true,
    })
    .ok()
    .map(|b| to_pretty(&b.policy))
}

pub fn user_lacks(cx: &Cx, role: &str, why: M) -> CheckFinding {
    let user = cx
        .known
        .b
        .as_ref()
        .and_then(|b| b.user.clone().or(b.role.clone()))
        .unwrap_or_default();
    let account = cx.known.b_account().unwrap_or_default();
    CheckFinding::fail(
        Cause::UserLacksAssumeRole,
        TutorialStep::UserInB,
        M::UserLacks {
            user: user.clone(),
            role: role.to_string(),
        }
        .then(why),
        CheckFix::new(M::UserLacksFix {
            account,
            user,
            role: role.to_string(),
        })
        .with_snippet(assume_snippet(Some(role))),
    )
}

/// `why`: what showed it, when another check did.
pub fn not_trusted(cx: &Cx, why: Option<M>) -> CheckFinding {
    let account = cx
        .known
        .b_account()
        .unwrap_or_else(|| "<B's account UID>".to_string());
    let role = cx.known.role_name.clone().unwrap_or_default();
    let inputs = cx.known.inputs;
    let snippet = crate::policy::build::trust_policy(&crate::policy::build::TrustSpec {
        account: Some(account.clone()),
        external_id: inputs.external_id.clone(),
        ..Default::default()
    })
    .ok()
    .map(|b| to_pretty(&b.policy));
    CheckFinding::fail(
        Cause::RoleDoesNotTrustB,
        TutorialStep::RoleInA,
        M::NotTrusted {
            account: account.clone(),
            role: role.clone(),
        }
        .then_some(why),
        CheckFix::new(M::NotTrustedFix { role, account }).with_snippet(snippet),
    )
}

/// The role ARN names another account than A's credentials.
pub fn wrong_account_arn(arn_uid: &str, a_uid: &str) -> CheckFinding {
    CheckFinding::fail(
        Cause::WrongAccount,
        TutorialStep::SwitchRole,
        M::WrongAccountArn {
            looked: arn_uid.to_string(),
            uid: a_uid.to_string(),
        },
        CheckFix::new(M::WrongAccountArnFix {
            uid: a_uid.to_string(),
        }),
    )
}
