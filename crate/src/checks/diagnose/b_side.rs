//! B's checks: who the credentials belong to, whether the user may assume the role, the
//! AssumeRole itself (and, when refused, which side refuses), and OSS reads with the session.

use super::common::Read;
use super::denial::{self, Decode};
use super::fixes::{assume_snippet, not_trusted, oss_snippet, user_lacks};
use super::mismatch::{self, Mismatch};
use super::policies::{self, Loaded};
use super::{Cx, A_ROLE_EXISTS, A_ROLE_OSS, A_TRUST, B_ASSUME_ROLE, B_IDENTITY};
use crate::api::{ApiResult, DeniedPolicyType};
use crate::checks::known::{bucket_names, id, IdentityKind};
use crate::checks::report::{Cause, Finding, Fix, Status};
use crate::message::ChecksMessage as M;
use crate::policy::Decision;
use crate::profile::account::arn_of;
use crate::tutorial::TutorialStep;
use serde_json::{json, Value};

fn role_text(cx: &Cx) -> String {
    cx.known
        .role_arn
        .clone()
        .or_else(|| cx.known.role_name.clone())
        .unwrap_or_default()
}

pub fn identity(cx: &Cx) -> Finding {
    let read = cx.read(id::B_CALLER);
    let Read::Success(_) = read else {
        return cx.unavailable(id::B_CALLER, &read);
    };
    let evidence = cx.evidence(id::B_CALLER);
    let Some(b) = &cx.known.b else {
        return Finding::cannot(Cause::MalformedResponse, M::NoAccount {}, None)
            .with_evidence(evidence);
    };
    let details = json!({ "accountId": b.account, "arn": b.arn, "identityType": b.type_name });
    let finding = match b.kind {
        IdentityKind::Account => {
            let role = role_text(cx);
            Finding::fail(
                Cause::RootKeys,
                TutorialStep::UserInB,
                M::RootKeys {
                    account: b.account.clone(),
                },
                Fix::new(M::RootKeysFix {
                    account: b.account.clone(),
                    role,
                })
                .with_snippet(assume_snippet(cx.known.role_arn.as_deref())),
            )
        }
        IdentityKind::RamUser => Finding::pass(M::RamUser {
            user: b.user.clone().unwrap_or_default(),
            account: b.account.clone(),
        }),
        IdentityKind::AssumedRole if cx.known.in_role => Finding::pass(M::InRole {
            role: b.role.clone().unwrap_or_default(),
            account: b.account.clone(),
        }),
        IdentityKind::AssumedRole => Finding::pass(M::RoleSession {
            role: b.role.clone().unwrap_or_default(),
            account: b.account.clone(),
        }),
        IdentityKind::Other => Finding::pass(M::OtherIdentity {
            arn: b.arn.clone(),
            kind: b.type_name.clone(),
        }),
    };
    finding.with_evidence(evidence).with_details(details)
}

/// What B's own policies say about sts:AssumeRole on the role.
enum UserPolicies {
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
    fn allows(&self) -> Option<bool> {
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

/// A's role of the requested name, when A's credentials show that the requested ARN names
/// another account: what B's user really needs to assume.
fn a_corrected_arn(cx: &Cx) -> Option<String> {
    let a = cx.known.a.as_ref()?;
    let uid = cx.known.target_uid.as_deref()?;
    let name = cx.known.role_name.as_deref()?;
    (a.account != uid).then(|| arn_of(&a.account, name))
}

/// A's credentials show the requested role exists in A's account: the requested ARN is right.
fn a_confirms_role(cx: &Cx) -> bool {
    cx.status(A_ROLE_EXISTS) == Some(Status::Pass) && a_corrected_arn(cx).is_none()
}

fn user_policies(cx: &Cx) -> UserPolicies {
    let known = cx.known;
    let Some(listing) = known.b_listing() else {
        return UserPolicies::Unknown;
    };
    let Some(arn) = a_corrected_arn(cx).or_else(|| known.role_arn.clone()) else {
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

/// Some(true) when A's trust check passed, Some(false) when it found B untrusted.
fn trust_allows(cx: &Cx) -> Option<bool> {
    let f = cx.finding(A_TRUST)?;
    match (f.status, f.cause) {
        (Status::Pass, _) => Some(true),
        (Status::Fail, Some(Cause::RoleDoesNotTrustB)) => Some(false),
        _ => None,
    }
}

pub fn assume_role(cx: &Cx) -> Finding {
    if let Some(blocked) = cx.unless_passed(B_IDENTITY) {
        return blocked;
    }
    let known = cx.known;
    if known.in_role {
        return Finding::pass(M::AlreadyInRole {});
    }
    let role = role_text(cx);
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
            Finding::cannot(
                Cause::MissingInput,
                M::AliasNeedsUid { typed },
                Some(Fix::new(M::AliasNeedsUidFix {})),
            )
        }
        Read::Success(ApiResult::AssumeRole(result)) => {
            let arn = &result.assumed_role_user.arn;
            let expiration = &result.credentials.expiration;
            Finding::pass(M::Assumed {
                role: role.clone(),
                arn: arn.clone(),
                expiration: expiration.clone(),
            })
            .with_details(json!({ "assumedRoleArn": arn, "expiration": expiration }))
        }
        Read::Api(e) if e.code == "NoPermission" && e.message.contains("root account") => {
            Finding::fail(
                Cause::RootKeys,
                TutorialStep::UserInB,
                M::RootRefused {},
                Fix::new(M::RootRefusedFix {})
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
fn refused(cx: &Cx) -> Finding {
    // The requested ARN names another account than A's: the permission B's user lacks is on
    // the wrong ARN, a consequence of the wrong account, not a broken step of its own.
    if let (Some(a), Some(uid)) = (&cx.known.a, &cx.known.target_uid) {
        if a.account != *uid {
            return super::a_side::wrong_account_arn(uid, &a.account);
        }
    }
    let denial = cx.denial(id::B_ASSUME);
    if denial.as_ref().is_some_and(|d| d.decode == Decode::Pending) {
        return Finding::pending();
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
        .and_then(|d| denial::assume_refused(cx, d, &role_text(cx)))
    {
        return f;
    }
    denial::inferred(refused_inferred(cx, &policies), denial.as_ref())
}

/// RoleHop's own reasoning about a refused AssumeRole (the cloud named no policy).
fn refused_inferred(cx: &Cx, policies: &UserPolicies) -> Finding {
    let user = policies.allows();
    let trust = trust_allows(cx);
    let role = role_text(cx);
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
            let mut f = Finding::fail(
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
                Fix::new(M::RefusedFix {
                    user_step,
                    role,
                    role_step,
                    account,
                })
                .with_snippet(assume_snippet(cx.known.role_arn.as_deref())),
            );
            f.details =
                Some(json!({ "possibleSteps": [TutorialStep::UserInB, TutorialStep::RoleInA] }));
            f
        }
    }
}

/// B's user may assume a role whose ARN differs from the requested one only in the account or
/// the role name: the values used for the switch are wrong (step 3), unless A's credentials
/// show the requested role is the right one (then the user's policy names the wrong ARN: step 2).
fn values_differ(cx: &Cx, m: &Mismatch, lead: M) -> Finding {
    let (allowed, policy) = (&m.allowed, &m.policy);
    let (req_uid, req_role) = (&m.requested_account, &m.requested_role);
    let (differs, what) = match (&m.account, &m.role_name) {
        (Some(uid), None) => (
            M::DiffersAccount {
                uid: uid.clone(),
                requested: req_uid.clone(),
            },
            M::WhatAccount {},
        ),
        (None, Some(name)) => (
            M::DiffersRole {
                name: name.clone(),
                requested: req_role.clone(),
            },
            M::WhatRole {},
        ),
        (uid, name) => (
            M::DiffersBoth {
                uid: uid.clone().unwrap_or_else(|| req_uid.clone()),
                requested_uid: req_uid.clone(),
                name: name.clone().unwrap_or_else(|| req_role.clone()),
                requested_name: req_role.clone(),
            },
            M::WhatBoth {},
        ),
    };
    if a_confirms_role(cx) {
        return user_lacks(
            cx,
            &m.requested,
            lead.then(M::PolicyNamesWrongRole {
                policy: policy.clone(),
                allowed: allowed.clone(),
                differs: Box::new(differs),
            }),
        );
    }
    let cause = if m.account.is_some() {
        Cause::WrongAccount
    } else {
        Cause::WrongRoleName
    };
    let (uid, name, requested) = (m.use_account(), m.use_role(), &m.requested);
    let mut f = Finding::fail(
        cause,
        TutorialStep::SwitchRole,
        // What was typed is the finding (it continues the verdict's "Step 3 is broken: "); the
        // refusal or the policies' decision that showed it follows.
        M::ValuesWrong {
            allowed: allowed.clone(),
            policy: policy.clone(),
            differs: Box::new(differs),
            what: Box::new(what),
        }
        .then(lead),
        Fix::new(M::ValuesWrongFix {
            uid: uid.to_string(),
            name: name.to_string(),
            requested: requested.clone(),
            step: TutorialStep::UserInB.number().into(),
        })
        .with_snippet(assume_snippet(Some(requested))),
    );
    f.details = Some(json!({
        "possibleSteps": [TutorialStep::SwitchRole, TutorialStep::UserInB],
        "differs": m.parts(),
        "requestedArn": requested,
        "allowedArn": allowed,
        "policy": policy,
        "account": uid,
        "roleName": name,
    }));
    f
}

/// AssumeRole said EntityNotExist.Role: the account or role name is wrong (or the role was
/// never created).
fn role_not_found(cx: &Cx) -> Finding {
    let known = cx.known;
    let uid = known.target_uid.clone().unwrap_or_default();
    let name = known.role_name.clone().unwrap_or_default();
    if let Some(a) = &known.a {
        if a.account != uid {
            return super::a_side::wrong_account_arn(&uid, &a.account);
        }
    }
    let mut f = Finding::fail(
        Cause::RoleNotFound,
        TutorialStep::SwitchRole,
        M::RoleNotFound {
            name: name.clone(),
            uid: uid.clone(),
        },
        Fix::new(M::RoleNotFoundFix {
            step: TutorialStep::RoleInA.number().into(),
        }),
    );
    f.details = Some(
        json!({ "possibleSteps": [TutorialStep::SwitchRole, TutorialStep::RoleInA], "account": uid, "roleName": name }),
    );
    f
}

pub fn user_may_assume(cx: &Cx) -> Finding {
    if let Some(blocked) = cx.unless_passed(B_IDENTITY) {
        return blocked;
    }
    let known = cx.known;
    if known.in_role {
        return Finding::pass(M::NotNeeded {});
    }
    let role = role_text(cx);
    let listing = known.b_listing().unwrap_or(id::B_USER_POLICIES);
    let listing_action = listing.trim_start_matches("b.");
    let evidence = cx.evidence(listing);
    match user_policies(cx) {
        UserPolicies::Pending => Finding::pending(),
        UserPolicies::NoRoleArn => Finding::cannot(
            Cause::MissingInput,
            M::NoRoleArn {},
            Some(Fix::new(M::NoRoleArnFix {})),
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
            let mut details = json!({
                "policies": loaded.names,
                "assumedTexts": loaded.assumed,
                "unreadable": loaded.unknown,
                "decision": decision.name(),
            });
            // Tested on A's role when the requested ARN names another account (A's credentials).
            let corrected = (arn != role).then(|| {
                details["simulatedArn"] = json!(arn);
                M::TestedOnA { role: role.clone() }
            });
            // What the finding is based on: the role tested, where the policies came from.
            let basis = |summary: M| summary.then_some(corrected.clone()).then(source.clone());
            let role = arn;
            let finding = match (decision, mismatch) {
                (Decision::Allow, _) => Finding::pass(basis(M::UserAllows {
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
                    if let (Some(Value::Object(found)), Value::Object(all)) =
                        (&f.details, &mut details)
                    {
                        all.extend(found.clone());
                    }
                    f
                }
                (Decision::ImplicitDeny, None) if !loaded.unknown.is_empty() => Finding::cannot(
                    Cause::NotPermitted,
                    M::UserReadableDeny {
                        names: names(),
                        role,
                        unknown: Box::new(M::list(&loaded.unknown)),
                    }
                    .then(source),
                    Some(Fix::new(M::UserReadableDenyFix {})),
                ),
                _ => user_lacks(cx, &role, basis(M::ItsPolicies { names: names() })),
            };
            finding
                .with_method(if method == "listed" {
                    "listed"
                } else {
                    "input"
                })
                .with_details(details)
                .with_evidence(evidence)
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
            let assumed = cx.finding(B_ASSUME_ROLE);
            let finding = match assumed.map(|f| (f.status, f.cause)) {
                Some((Status::Pending, _)) => return Finding::pending(),
                Some((Status::Pass, _)) => Finding::pass(M::AssumeSucceeded { role }.then(why())),
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
                    None => return Finding::pending(),
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
                )) => Finding::cannot(
                    Cause::NotPermitted,
                    M::AssumeOtherReason {}.then(why()),
                    None,
                ),
                _ => Finding::cannot(
                    Cause::NotPermitted,
                    M::CannotTell { role }.then(why()),
                    Some(Fix::new(M::CannotTellFix {})),
                ),
            };
            // Mirroring the AssumeRole check: its basis (the cloud's words or RoleHop's).
            let basis = assumed
                .and_then(|f| f.basis)
                .filter(|_| finding.status == Status::Fail);
            Finding { basis, ..finding }
                .with_method("observed")
                .with_evidence(evidence)
        }
    }
}

fn after_assume(cx: &Cx) -> Option<Finding> {
    cx.unless_passed(B_ASSUME_ROLE)
}

fn role_lacks_oss(cx: &Cx, what: M) -> Finding {
    let role = cx.known.role_name.clone().unwrap_or_default();
    // A's side simulated the role's policies and they allow it: something else refuses.
    if cx.status(A_ROLE_OSS) == Some(Status::Pass) {
        let bucket = cx.known.inputs.bucket.clone().unwrap_or_default();
        return Finding::fail(
            Cause::RoleLacksOssPolicy,
            TutorialStep::RoleInA,
            what.then(M::DenyElsewhere {}),
            Fix::new(M::DenyElsewhereFix { bucket, role }),
        );
    }
    Finding::fail(
        Cause::RoleLacksOssPolicy,
        TutorialStep::RoleInA,
        what,
        Fix::new(M::GrantOssFix { role }).with_snippet(oss_snippet(cx)),
    )
}

/// OSS said AccessDenied to request `rid`: the policy the cloud named (`said` leads), else
/// the role's policies as RoleHop reads them (`inferred` leads).
fn oss_denied(cx: &Cx, rid: &str, said: M, inferred: M) -> Finding {
    let denial = cx.denial(rid);
    if denial.as_ref().is_some_and(|d| d.decode == Decode::Pending) {
        return Finding::pending();
    }
    let action = format!("oss:{}", rid.trim_start_matches("b."));
    if let Some(f) = denial
        .as_ref()
        .and_then(|d| denial::oss_refused(cx, d, said, &action))
    {
        return f;
    }
    denial::inferred(role_lacks_oss(cx, inferred), denial.as_ref())
}

pub fn list_buckets(cx: &Cx) -> Finding {
    if let Some(blocked) = after_assume(cx) {
        return blocked;
    }
    let read = cx.read(id::B_BUCKETS);
    let evidence = cx.evidence(id::B_BUCKETS);
    let role = cx.known.role_name.clone().unwrap_or_default();
    let finding = match read {
        Read::Success(ApiResult::Buckets(result)) => {
            let names = bucket_names(result);
            let summary = if names.is_empty() {
                M::BucketsNone {}
            } else {
                M::BucketsListed {
                    count: names.len(),
                    names: Box::new(M::list(&names)),
                }
            };
            let missing = cx
                .known
                .inputs
                .bucket
                .as_ref()
                .filter(|bucket| !names.contains(bucket))
                .map(|bucket| M::NotAmong {
                    bucket: bucket.clone(),
                });
            Finding::pass(summary.then_some(missing)).with_details(json!({ "buckets": names }))
        }
        Read::Api(e) if e.code == "AccessDenied" && e.endpoint.is_none() => oss_denied(
            cx,
            id::B_BUCKETS,
            M::OssRefusedBuckets {},
            M::BucketsRefused { role },
        ),
        other => return cx.unavailable(id::B_BUCKETS, &other),
    };
    finding.with_evidence(evidence)
}

pub fn list_objects(cx: &Cx) -> Finding {
    if let Some(blocked) = after_assume(cx) {
        return blocked;
    }
    let inputs = cx.known.inputs;
    let bucket = inputs.bucket.clone().unwrap_or_default();
    let prefix = inputs.prefix.clone().unwrap_or_default();
    let place = if prefix.is_empty() {
        bucket.clone()
    } else {
        format!("{bucket}/{prefix}")
    };
    let read = cx.read(id::B_OBJECTS);
    let evidence = cx.evidence(id::B_OBJECTS);
    let listed = match cx.known.facts.success(id::B_BUCKETS) {
        Some(ApiResult::Buckets(result)) => Some(bucket_names(result)),
        _ => None,
    };
    let role = cx.known.role_name.clone().unwrap_or_default();
    let finding = match read {
        Read::Success(ApiResult::Objects(result)) => {
            let keys: Vec<&str> = result.contents.iter().map(|o| o.key.as_str()).collect();
            let prefixes = result.common_prefixes.len();
            let summary = if keys.is_empty() {
                M::ObjectsNone { place }
            } else {
                M::ObjectsListed {
                    place,
                    count: keys.len(),
                    keys: Box::new(M::list(&keys)),
                }
            };
            Finding::pass(summary).with_details(json!({ "keys": keys, "commonPrefixes": prefixes }))
        }
        Read::Api(e) if e.code == "NoSuchBucket" => {
            let a_buckets = listed
                .as_ref()
                .filter(|names| !names.is_empty())
                .map(|names| M::ABuckets {
                    names: Box::new(M::list(names)),
                });
            Finding::fail(
                Cause::NoSuchBucket,
                TutorialStep::Verify,
                M::NoSuchBucket { bucket }.then_some(a_buckets.clone()),
                Fix::new(M::NoSuchBucketFix {}.then_some(a_buckets)),
            )
        }
        Read::Api(e) if e.code == "AccessDenied" && e.endpoint.is_none() => match &listed {
            Some(names) if !names.contains(&bucket) => Finding::fail(
                Cause::BucketNotInAccount,
                TutorialStep::Verify,
                M::NotABucket {
                    bucket,
                    names: Box::new(M::list(names)),
                },
                Fix::new(M::NotABucketFix {
                    names: Box::new(M::list(names)),
                }),
            ),
            _ => oss_denied(
                cx,
                id::B_OBJECTS,
                M::OssRefusedObjects {
                    place: place.clone(),
                },
                M::ObjectsRefused { place, role },
            ),
        },
        other => return cx.unavailable(id::B_OBJECTS, &other),
    };
    finding.with_evidence(evidence)
}
