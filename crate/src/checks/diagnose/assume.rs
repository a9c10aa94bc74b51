//! The AssumeRole check: B's user assumes the role; when refused, which side refuses (the
//! policy the cloud named, else B's policies or A's trust policy as the other checks read them),
//! and when the role is not found, whether the account or the name is wrong.

use super::common::Read;
use super::cx::Cx;
use super::denial::{self, Decode};
use super::fixes::{assume_snippet, not_trusted, user_lacks, wrong_account_arn};
use super::mismatch::values_differ;
use super::user_policies::{user_policies, UserPolicies};
use crate::api::{ApiResult, DeniedPolicyType};
use crate::checks::check::CheckId;
use crate::checks::details::Found;
use crate::checks::known::id;
use crate::checks::report::{Cause, CheckFinding, CheckFix, Status};
use crate::message::ChecksMessage as M;
use crate::tutorial::TutorialStep;

/// Some(true) when A's trust check passed, Some(false) when it found B untrusted.
fn trust_allows(cx: &Cx) -> Option<bool> {
    let f = cx.finding(CheckId::TrustTrustsB)?;
    match (f.status, f.cause) {
        (Status::Pass, _) => Some(true),
        (Status::Fail, Some(Cause::RoleDoesNotTrustB)) => Some(false),
        _ => None,
    }
}

pub fn assume_role(cx: &Cx) -> CheckFinding {
    if let Some(blocked) = cx.unless_passed(CheckId::Identity) {
        return blocked;
    }
    let known = cx.known;
    if known.in_role {
        return CheckFinding::pass(M::AlreadyInRole {});
    }
    let role = cx.role_text();
    let read = cx.read(id::B_ASSUME);
    let evidence = cx.evidence(id::B_ASSUME);
    let finding = match read {
        Read::NotSent if known.role_arn.is_none() => {
            let typed = known
                .inputs
                .account_a
                .as_ref()
                .map(|a| a.text().to_string())
                .unwrap_or_default();
            CheckFinding::cannot(
                Cause::MissingInput,
                M::AliasNeedsUid { typed },
                Some(CheckFix::new(M::AliasNeedsUidFix {})),
            )
        }
        Read::Success(ApiResult::AssumeRole(result)) => {
            let arn = &result.assumed_role_user.arn;
            let expiration = &result.credentials.expiration;
            CheckFinding::pass(M::Assumed {
                role: role.clone(),
                arn: arn.clone(),
                expiration: expiration.clone(),
            })
            .with_details(Found::Assumed {
                assumed_role_arn: arn.clone(),
                expiration: expiration.clone(),
            })
        }
        Read::Api(e) if e.code == "NoPermission" && e.message.contains("root account") => {
            CheckFinding::fail(
                Cause::RootKeys,
                TutorialStep::UserInB,
                M::RootRefused {},
                CheckFix::new(M::RootRefusedFix {})
                    .with_snippet(assume_snippet(known.role_arn.as_deref())),
            )
        }
        Read::Api(e) if e.code == "NoPermission" || e.code.starts_with("Forbidden") => refused(cx),
        Read::Api(e) if e.code == "EntityNotExist.Role" => role_not_found(cx),
        other => return cx.unavailable(id::B_ASSUME, &other),
    };
    finding.with_evidence(evidence)
}

/// AssumeRole said NoPermission: pin it on the policy the cloud named, else on B's policies or
/// A's trust policy when the other checks tell which, else say both.
fn refused(cx: &Cx) -> CheckFinding {
    // The requested ARN names another account than A's: the permission B's user lacks is on
    // the wrong ARN, a consequence of the wrong account, not a broken step of its own.
    if let (Some(a), Some(uid)) = (&cx.known.a, &cx.known.target_uid) {
        if a.account != *uid {
            return wrong_account_arn(uid, &a.account);
        }
    }
    let denial = cx.denial(id::B_ASSUME);
    if denial.as_ref().is_some_and(|d| d.decode == Decode::Pending) {
        return CheckFinding::pending();
    }
    let policies = user_policies(cx);
    // B's user may assume a role whose ARN differs from the requested one only in the account
    // or name: the values typed are wrong, which an identity policy's refusal confirms.
    if let UserPolicies::Simulated {
        mismatch: Some(m), ..
    } = &policies
    {
        let f = values_differ(
            cx,
            m,
            M::RefusedOn {
                arn: m.requested.clone(),
            },
        );
        return match &denial {
            Some(d)
                if d.policy_type() == Some(DeniedPolicyType::AccountLevelIdentityBasedPolicy) =>
            {
                denial::confirmed(f, d)
            }
            _ => denial::inferred(f, denial.as_ref()),
        };
    }
    if let Some(f) = denial
        .as_ref()
        .and_then(|d| denial::assume_refused(cx, d, &cx.role_text()))
    {
        return f;
    }
    denial::inferred(refused_inferred(cx, &policies), denial.as_ref())
}

/// RoleHop's own reasoning about a refused AssumeRole (the cloud named no policy).
fn refused_inferred(cx: &Cx, policies: &UserPolicies) -> CheckFinding {
    let user = policies.allows();
    let trust = trust_allows(cx);
    let role = cx.role_text();
    match (user, trust) {
        (Some(false), _) => user_lacks(cx, &role, M::RefusedNoPolicy {}),
        (_, Some(false)) => not_trusted(cx, Some(M::RefusedByTrust {})),
        (Some(true), None) => not_trusted(cx, Some(M::RefusedTrustRefuses {})),
        (None, Some(true)) => user_lacks(cx, &role, M::RefusedUserMissing {}),
        (Some(true), Some(true)) | (None, None) => {
            let account = cx
                .known
                .b_account()
                .unwrap_or_else(|| "<B's UID>".to_string());
            let both = user == Some(true);
            let (user_step, role_step) = (
                usize::from(TutorialStep::UserInB.number()),
                usize::from(TutorialStep::RoleInA.number()),
            );
            CheckFinding::fail(
                Cause::AssumeRoleRefused,
                TutorialStep::UserInB,
                if both {
                    M::RefusedBothAllow { role: role.clone() }
                } else {
                    M::RefusedEitherSide {
                        role: role.clone(),
                        user_step,
                        role_step,
                    }
                },
                CheckFix::new(M::RefusedFix {
                    user_step,
                    role,
                    role_step,
                    account,
                })
                .with_snippet(assume_snippet(cx.known.role_arn.as_deref())),
            )
            .with_details(Found::Steps {
                possible_steps: [TutorialStep::UserInB, TutorialStep::RoleInA],
            })
        }
    }
}

/// AssumeRole said EntityNotExist.Role: the account or role name is wrong (or the role was
/// never created).
fn role_not_found(cx: &Cx) -> CheckFinding {
    let known = cx.known;
    let uid = known.target_uid.clone().unwrap_or_default();
    let name = known.role_name.clone().unwrap_or_default();
    if let Some(a) = &known.a {
        if a.account != uid {
            return wrong_account_arn(&uid, &a.account);
        }
    }
    CheckFinding::fail(
        Cause::RoleNotFound,
        TutorialStep::SwitchRole,
        M::RoleNotFound {
            name: name.clone(),
            uid: uid.clone(),
        },
        CheckFix::new(M::RoleNotFoundFix {
            step: TutorialStep::RoleInA.number().into(),
        }),
    )
    .with_details(Found::RoleNotFound {
        possible_steps: [TutorialStep::SwitchRole, TutorialStep::RoleInA],
        account: uid,
        role_name: name,
    })
}
