//! B's own checks: who B's credentials belong to, and whether B's user may assume the role
//! (its policies simulated, else what AssumeRole showed).

use super::common::Read;
use super::cx::Cx;
use super::fixes::{assume_snippet, user_lacks};
use super::mismatch::values_differ;
use super::user_policies::{user_policies, UserPolicies};
use crate::checks::check::CheckId;
use crate::checks::details::{
    Details, Found, PoliciesDiffer, PolicySources, UserPolicies as UserPoliciesFound,
};
use crate::checks::known::{id, IdentityKind};
use crate::checks::report::{Cause, CheckFinding, CheckFix, Status};
use crate::message::ChecksMessage as M;
use crate::policy::Decision;
use crate::tutorial::TutorialStep;

pub fn identity(cx: &Cx) -> CheckFinding {
    let read = cx.read(id::B_CALLER);
    let Read::Success(_) = read else {
        return cx.unavailable(id::B_CALLER, &read);
    };
    let evidence = cx.evidence(id::B_CALLER);
    let Some(b) = &cx.known.b else {
        return CheckFinding::cannot(Cause::MalformedResponse, M::NoAccount {}, None)
            .with_evidence(evidence);
    };
    let details = Found::Identity {
        account_id: b.account.clone(),
        arn: b.arn.clone(),
        identity_type: b.type_name.clone(),
    };
    let finding = match b.kind {
        IdentityKind::Account => {
            let role = cx.role_text();
            CheckFinding::fail(
                Cause::RootKeys,
                TutorialStep::UserInB,
                M::RootKeys {
                    account: b.account.clone(),
                },
                CheckFix::new(M::RootKeysFix {
                    account: b.account.clone(),
                    role,
                })
                .with_snippet(assume_snippet(cx.known.role_arn.as_deref())),
            )
        }
        IdentityKind::RamUser => CheckFinding::pass(M::RamUser {
            user: b.user.clone().unwrap_or_default(),
            account: b.account.clone(),
        }),
        IdentityKind::AssumedRole if cx.known.in_role => CheckFinding::pass(M::InRole {
            role: b.role.clone().unwrap_or_default(),
            account: b.account.clone(),
        }),
        IdentityKind::AssumedRole => CheckFinding::pass(M::RoleSession {
            role: b.role.clone().unwrap_or_default(),
            account: b.account.clone(),
        }),
        IdentityKind::Other => CheckFinding::pass(M::OtherIdentity {
            arn: b.arn.clone(),
            kind: b.type_name.clone(),
        }),
    };
    finding.with_evidence(evidence).with_details(details)
}

pub fn user_may_assume(cx: &Cx) -> CheckFinding {
    if let Some(blocked) = cx.unless_passed(CheckId::Identity) {
        return blocked;
    }
    let known = cx.known;
    if known.in_role {
        return CheckFinding::pass(M::NotNeeded {});
    }
    let role = cx.role_text();
    let listing = known.b_listing().unwrap_or(id::B_USER_POLICIES);
    let listing_action = listing.trim_start_matches("b.");
    let evidence = cx.evidence(listing);
    match user_policies(cx) {
        UserPolicies::Pending => CheckFinding::pending(),
        UserPolicies::NoRoleArn => CheckFinding::cannot(
            Cause::MissingInput,
            M::NoRoleArn {},
            Some(CheckFix::new(M::NoRoleArnFix {})),
        )
        .with_evidence(evidence),
        UserPolicies::Simulated {
            method,
            arn,
            loaded,
            decision,
            mismatch,
        } => {
            let source = if method == "listed" {
                M::ReadWith {
                    action: listing_action.to_string(),
                }
            } else {
                M::GivenAsAttached {
                    action: listing_action.to_string(),
                    code: evidence.code.clone().unwrap_or_default(),
                }
            };
            let names = || Box::new(M::list(&loaded.names));
            // Tested on A's role when the requested ARN names another account (A's credentials).
            let simulated_arn = (arn != role).then(|| arn.clone());
            let policies = UserPoliciesFound {
                policies: PolicySources::of(&loaded),
                decision,
                simulated_arn,
            };
            let corrected = policies
                .simulated_arn
                .is_some()
                .then(|| M::TestedOnA { role: role.clone() });
            // What the finding is based on: the role tested, where the policies came from.
            let basis = |summary: M| summary.then_some(corrected.clone()).then(source.clone());
            let role = arn;
            // The role B's user may assume instead, when the values used for the switch differ.
            let mut differs = None;
            let finding = match (decision, mismatch) {
                (Decision::Allow, _) => CheckFinding::pass(basis(M::UserAllows {
                    names: names(),
                    role,
                })),
                (_, Some(m)) => {
                    let mut f = values_differ(
                        cx,
                        &m,
                        M::UserDenies {
                            names: names(),
                            role,
                        },
                    );
                    f.summary = f.summary.then(source);
                    if let Some(Details::Found(Found::ValuesDiffer(values))) = f.details.take() {
                        differs = Some(values);
                    }
                    f
                }
                (Decision::ImplicitDeny, None) if !loaded.unknown.is_empty() => {
                    CheckFinding::cannot(
                        Cause::NotPermitted,
                        M::UserReadableDeny {
                            names: names(),
                            role,
                            unknown: Box::new(M::list(&loaded.unknown)),
                        }
                        .then(source),
                        Some(CheckFix::new(M::UserReadableDenyFix {})),
                    )
                }
                _ => user_lacks(cx, &role, basis(M::ItsPolicies { names: names() })),
            };
            let details = match differs {
                Some(values) => Found::UserPoliciesDiffer(PoliciesDiffer { policies, values }),
                None => Found::UserPolicies(policies),
            };
            finding
                .with_method(if method == "listed" {
                    "listed"
                } else {
                    "input"
                })
                .with_details(details)
                .with_evidence(evidence)
                .with_assumed(&loaded.assumed)
        }
        UserPolicies::Unknown => {
            // Neither listed nor given: what AssumeRole itself showed.
            let action = listing_action.to_string();
            let why = || match evidence.code.clone() {
                Some(code) => M::ObservedBecause {
                    action: action.clone(),
                    code,
                },
                None => M::ObservedNotSent {
                    action: action.clone(),
                },
            };
            let assumed = cx.finding(CheckId::AssumeRole);
            let finding = match assumed.map(|f| (f.status, f.cause)) {
                Some((Status::Pending, _)) => return CheckFinding::pending(),
                Some((Status::Pass, _)) => {
                    CheckFinding::pass(M::AssumeSucceeded { role }.then(why()))
                }
                Some((Status::Fail, Some(Cause::UserLacksAssumeRole))) => {
                    user_lacks(cx, &role, why())
                }
                // The cloud named B's side: this check fails the same way.
                Some((
                    Status::Fail,
                    Some(
                        Cause::UserPolicyDenies
                        | Cause::ResourceGroupScope
                        | Cause::ControlPolicyDenies
                        | Cause::SessionPolicyDenies,
                    ),
                )) => match assumed {
                    Some(f) => f.clone(),
                    None => return CheckFinding::pending(),
                },
                Some((
                    Status::Fail,
                    Some(
                        Cause::RoleDoesNotTrustB
                        | Cause::TrustPolicyDenies
                        | Cause::RoleNotFound
                        | Cause::WrongAccount
                        | Cause::WrongRoleName,
                    ),
                )) => CheckFinding::cannot(
                    Cause::NotPermitted,
                    M::AssumeOtherReason {}.then(why()),
                    None,
                ),
                _ => CheckFinding::cannot(
                    Cause::NotPermitted,
                    M::CannotTell { role }.then(why()),
                    Some(CheckFix::new(M::CannotTellFix {})),
                ),
            };
            // Mirroring the AssumeRole check: its basis (the cloud's words or RoleHop's).
            let basis = assumed
                .and_then(|f| f.basis)
                .filter(|_| finding.status == Status::Fail);
            CheckFinding { basis, ..finding }
                .with_method("observed")
                .with_evidence(evidence)
        }
    }
}
