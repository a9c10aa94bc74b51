//! A's checks (with A's credentials): the role exists, its trust policy trusts B (decided by
//! the policy engine), its attached policies allow the OSS reads (simulated), and what B must
//! type on the Switch Role page.

use super::common::Read;
use super::cx::Cx;
use super::fixes::{not_trusted, oss_snippet, wrong_account_arn};
use super::policies;
use crate::api::{ApiResult, RoleResult};
use crate::checks::check::CheckId;
use crate::checks::details::{Found, PolicySources, SimulatedRequest};
use crate::checks::inputs::AccountRef;
use crate::checks::known::id;
use crate::checks::report::{Cause, CheckFinding, CheckFix, Status};
use crate::message::ChecksMessage as M;
use crate::policy::eval::Side;
use crate::policy::model::PolicyKind;
use crate::policy::{parse, Decision, Simulator};
use crate::profile::{switch_url, Site};
use crate::tutorial::TutorialStep;

pub fn role_exists(cx: &Cx) -> CheckFinding {
    let name = cx.known.role_name.clone().unwrap_or_default();
    let read = cx.read(id::A_ROLE);
    let evidence = cx.evidence(id::A_ROLE);
    let finding = match read {
        Read::Success(ApiResult::Role(result)) => {
            let (arn, max) = (&result.role.arn, result.role.max_session_duration);
            CheckFinding::pass(M::RoleExists {
                name,
                arn: arn.clone(),
            })
            .with_details(Found::Role {
                arn: arn.clone(),
                max_session_duration: max,
            })
        }
        Read::Api(e) if e.code == "EntityNotExist.Role" => {
            let account = cx
                .known
                .a
                .as_ref()
                .map(|a| a.account.clone())
                .unwrap_or_default();
            CheckFinding::fail(
                Cause::RoleNotFound,
                TutorialStep::RoleInA,
                M::NoRoleInA {
                    account,
                    name: name.clone(),
                },
                CheckFix::new(M::NoRoleInAFix {
                    name,
                    step: TutorialStep::SwitchRole.number().into(),
                }),
            )
            .with_details(Found::Steps {
                possible_steps: [TutorialStep::RoleInA, TutorialStep::SwitchRole],
            })
        }
        other => return cx.unavailable(id::A_ROLE, &other),
    };
    finding.with_evidence(evidence)
}

fn role_ready<'a>(cx: &Cx<'a>) -> Result<&'a RoleResult, Box<CheckFinding>> {
    if let Some(blocked) = cx.unless_passed(CheckId::RoleExists) {
        return Err(Box::new(blocked));
    }
    match cx.known.facts.success(id::A_ROLE) {
        Some(ApiResult::Role(role)) => Ok(role),
        _ => Err(Box::new(CheckFinding::not_run(
            CheckId::RoleExists,
            Status::CouldNotCheck,
        ))),
    }
}

pub fn trust(cx: &Cx) -> CheckFinding {
    let role = match role_ready(cx) {
        Ok(role) => role,
        Err(f) => return *f,
    };
    let evidence = cx.evidence(id::A_ROLE);
    let name = cx.known.role_name.clone().unwrap_or_default();
    let Some(text) = role.role.assume_role_policy_document.as_deref() else {
        return CheckFinding::cannot(Cause::MalformedResponse, M::NoTrustPolicy {}, None)
            .with_evidence(evidence);
    };
    let policy = match parse(text, PolicyKind::Trust) {
        Ok(p) => p,
        Err(e) => {
            return CheckFinding::cannot(
                Cause::UnexpectedError,
                match e.text {
                    Some(error) => M::TrustUnreadable { error },
                    None => M::TrustUnreadableText {
                        error: e.to_string(),
                    },
                },
                Some(CheckFix::new(M::TrustUnreadableFix {})),
            )
            .with_evidence(evidence)
        }
    };
    let Some(principal) = cx.known.b_principal() else {
        return match cx.read(id::B_CALLER) {
            Read::Pending => CheckFinding::pending(),
            _ => CheckFinding::cannot(
                Cause::MissingInput,
                M::BUnknown {},
                Some(CheckFix::new(M::BUnknownFix {})),
            ),
        };
    };
    let arn = role.role.arn.clone();
    let mut sim = Simulator::new();
    sim.add("trust policy", Side::Trust, false, &policy);
    let external: Vec<(&str, &str)> = cx
        .known
        .inputs
        .external_id
        .as_deref()
        .map(|x| vec![("sts:ExternalId", x)])
        .unwrap_or_default();
    let (decision, explanation) =
        policies::decide(&sim, Some(&principal), "sts:AssumeRole", &arn, &external);
    let needs_external_id = explanation
        .missing_context_keys
        .iter()
        .any(|k| k.eq_ignore_ascii_case("sts:ExternalId"));
    let details = Found::Trust {
        principal: principal.clone(),
        decision,
        explanation: explanation.explanation,
        missing_context_keys: explanation.missing_context_keys,
    };
    let finding = if decision == Decision::Allow {
        CheckFinding::pass(M::Trusts { name, principal })
    } else if needs_external_id {
        CheckFinding::fail(
            Cause::RoleDoesNotTrustB,
            TutorialStep::RoleInA,
            M::NeedsExternalId { name },
            CheckFix::new(M::NeedsExternalIdFix {}),
        )
    } else {
        not_trusted(cx, None)
    };
    finding.with_evidence(evidence).with_details(details)
}

/// An OSS request the role's policies are simulated on: action, resource, context.
type OssProbe = (String, String, Vec<(&'static str, String)>);

pub fn role_oss_access(cx: &Cx) -> CheckFinding {
    let known = cx.known;
    let role = known.role_name.clone().unwrap_or_default();
    let read = cx.read(id::A_ROLE_POLICIES);
    let evidence = cx.evidence(id::A_ROLE_POLICIES);
    let listing = match read {
        Read::Success(ApiResult::Policies(listing)) => listing,
        Read::Api(e) if e.code == "EntityNotExist.Role" => {
            return CheckFinding::not_run(
                CheckId::RoleExists,
                cx.status(CheckId::RoleExists)
                    .unwrap_or(Status::CouldNotCheck),
            )
            .with_evidence(evidence)
        }
        other => return cx.unavailable(id::A_ROLE_POLICIES, &other),
    };
    if cx.reads_pending("a.GetPolicy.") {
        return CheckFinding::pending();
    }
    let Some(uid) = known.target_uid.clone() else {
        return match cx.read(id::A_CALLER) {
            Read::Pending => CheckFinding::pending(),
            _ => CheckFinding::cannot(Cause::MissingInput, M::AUidUnknown {}, None),
        };
    };
    let loaded = policies::from_listing(known.facts, 'a', listing);
    let mut wanted: Vec<OssProbe> = vec![(
        "oss:ListBuckets".into(),
        format!("acs:oss:*:{uid}:*"),
        Vec::new(),
    )];
    let inputs = known.inputs;
    if let Some(bucket) = &inputs.bucket {
        let prefix = inputs.prefix.clone().unwrap_or_default();
        let listed = match known.facts.success(id::B_OBJECTS) {
            Some(ApiResult::Objects(listed)) => listed.contents.first(),
            _ => None,
        };
        let key = listed.map_or_else(|| format!("{prefix}example.txt"), |o| o.key.clone());
        wanted.push((
            "oss:ListObjects".into(),
            format!("acs:oss:*:{uid}:{bucket}"),
            vec![("oss:Prefix", prefix)],
        ));
        wanted.push((
            "oss:GetObject".into(),
            format!("acs:oss:*:{uid}:{bucket}/{key}"),
            Vec::new(),
        ));
    }
    let mut denied = Vec::new();
    let mut explicit_deny = false;
    let mut results = Vec::new();
    for (action, resource, context) in &wanted {
        let ctx: Vec<(&str, &str)> = context.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (decision, explanation) =
            policies::decide(&loaded.simulator, None, action, resource, &ctx);
        if decision != Decision::Allow {
            denied.push(action.clone());
        }
        // A Deny that was read decides whatever the unread policies say.
        explicit_deny |= decision == Decision::ExplicitDeny;
        results.push(SimulatedRequest {
            action: action.clone(),
            resource: resource.clone(),
            decision,
            explanation: explanation.explanation,
        });
    }
    let names = || Box::new(M::list(&loaded.names));
    let details = Found::RolePolicies {
        policies: PolicySources::of(&loaded),
        requests: results,
    };
    let finding = if denied.is_empty() {
        let actions: Vec<&str> = wanted.iter().map(|w| w.0.as_str()).collect();
        CheckFinding::pass(M::RoleAllows {
            role,
            names: names(),
            actions: Box::new(M::list(&actions)),
        })
    } else if !loaded.unknown.is_empty() && !explicit_deny {
        CheckFinding::cannot(
            Cause::NotPermitted,
            M::RoleReadableDeny {
                role,
                names: names(),
                denied: Box::new(M::list(&denied)),
                unknown: Box::new(M::list(&loaded.unknown)),
            },
            Some(CheckFix::new(M::RoleReadableDenyFix {})),
        )
    } else {
        let what = if loaded.names.is_empty() {
            M::RoleNoPolicy { role: role.clone() }
        } else {
            M::RoleDenies {
                role: role.clone(),
                names: names(),
                denied: Box::new(M::list(&denied)),
            }
        };
        CheckFinding::fail(
            Cause::RoleLacksOssPolicy,
            TutorialStep::RoleInA,
            what,
            CheckFix::new(M::RoleOssFix { role }).with_snippet(oss_snippet(cx)),
        )
    };
    finding
        .with_method("listed")
        .with_evidence(evidence)
        .with_details(details)
        .with_assumed(&loaded.assumed)
}

/// The Switch Role page prefilled with what B should type (on the inputs' site).
fn switch_url_for(cx: &Cx, account: &str, role: &str) -> Option<String> {
    let site = cx
        .known
        .inputs
        .site
        .as_deref()
        .and_then(Site::from_name)
        .unwrap_or(Site::Cn);
    switch_url(account, role, site, None).ok().map(|s| s.url)
}

pub fn switch_values(cx: &Cx) -> CheckFinding {
    let known = cx.known;
    let read = cx.read(id::A_CALLER);
    let evidence = cx.evidence(id::A_CALLER);
    let Read::Success(_) = read else {
        return cx.unavailable(id::A_CALLER, &read);
    };
    let Some(a) = &known.a else {
        return CheckFinding::cannot(Cause::MalformedResponse, M::NoAccount {}, None);
    };
    let alias = match cx.read(id::A_ALIAS) {
        Read::Pending => return CheckFinding::pending(),
        Read::Success(ApiResult::AccountAlias(r)) => Some(r.account_alias.clone()),
        _ => None,
    };
    let alias = alias.map(|s| s.trim().to_ascii_lowercase());
    let uid = a.account.clone();
    let set_alias = alias.clone().filter(|s| !s.is_empty());
    let domain = format!("{}.onaliyun.com", set_alias.as_deref().unwrap_or(&uid));
    let role = known.role_name.clone().unwrap_or_default();
    let details = Found::SwitchValues {
        uid: uid.clone(),
        alias: set_alias.clone(),
        default_domain: domain.clone(),
        role_name: role.clone(),
        role_arn: format!("acs:ram::{uid}:role/{role}"),
        switch_url: switch_url_for(cx, set_alias.as_deref().unwrap_or(&uid), &role),
    };
    let accepted = || {
        Box::new(match &set_alias {
            Some(alias) => M::AcceptedAlias {
                alias: alias.clone(),
                domain: domain.clone(),
                uid: uid.clone(),
            },
            None => M::AcceptedUid {
                uid: uid.clone(),
                domain: domain.clone(),
            },
        })
    };
    let typed_ok = |typed: &AccountRef| -> Option<bool> {
        match typed {
            AccountRef::Uid(u) => Some(*u == uid),
            AccountRef::Domain { stem, .. } => {
                Some(*stem == uid || Some(stem) == set_alias.as_ref())
                    .filter(|ok| *ok || alias.is_some())
            }
            AccountRef::Alias(t) => alias.as_ref().map(|_| Some(t) == set_alias.as_ref()),
        }
    };
    let arn_uid = known.inputs.role_arn.as_deref().and_then(|arn| {
        arn.strip_prefix("acs:ram::")?
            .split(':')
            .next()
            .map(str::to_string)
    });
    let finding = if let Some(arn_uid) = arn_uid.filter(|u| *u != uid) {
        wrong_account_arn(&arn_uid, &uid)
    } else {
        match known.inputs.account_a.as_ref().map(|t| (t, typed_ok(t))) {
            Some((typed, Some(false))) => CheckFinding::fail(
                Cause::WrongAccount,
                TutorialStep::SwitchRole,
                M::NotAccountA {
                    typed: typed.text().to_string(),
                    accepted: accepted(),
                },
                CheckFix::new(M::NotAccountAFix {
                    accepted: accepted(),
                    role,
                }),
            ),
            Some((typed, None)) => CheckFinding::cannot(
                Cause::NotPermitted,
                M::AliasUnreadable {
                    typed: typed.text().to_string(),
                    uid: uid.clone(),
                },
                Some(CheckFix::new(M::AliasUnreadableFix {})),
            ),
            _ => CheckFinding::pass(M::Types {
                accepted: accepted(),
                role,
            }),
        }
    };
    finding.with_evidence(evidence).with_details(details)
}
