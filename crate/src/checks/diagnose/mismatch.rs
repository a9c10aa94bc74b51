//! A refused AssumeRole caused by the values used for the switch: B's user may assume a role
//! whose ARN differs from the requested one only in the account UID or the role name (or both),
//! so what was typed on the Switch Role page (or entered in the profile) is wrong, not the
//! user's permission: tutorial step 3, not 2.

use super::cx::Cx;
use super::fixes::{assume_snippet, user_lacks};
use super::policies::{self, Loaded};
use crate::checks::details::{Found, ValuesDiffer};
use crate::checks::report::{Cause, CheckFinding, CheckFix};
use crate::message::ChecksMessage as M;
use crate::policy::pattern::Pattern;
use crate::policy::{Decision, Effect};
use crate::profile::account::{arn_of, role_arn};
use crate::tutorial::TutorialStep;

/// The ARN the user's permission allows, against the requested one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub requested: String,
    pub allowed: String,
    /// The policy whose statement allows `allowed`.
    pub policy: String,
    pub requested_account: String,
    pub requested_role: String,
    /// The allowed account UID, when it differs from the requested one.
    pub account: Option<String>,
    /// The allowed role name, when it differs from the requested one.
    pub role_name: Option<String>,
}

impl Mismatch {
    /// The account to use for the switch.
    pub fn use_account(&self) -> &str {
        self.account.as_deref().unwrap_or(&self.requested_account)
    }

    /// The role name to use for the switch.
    pub fn use_role(&self) -> &str {
        self.role_name.as_deref().unwrap_or(&self.requested_role)
    }

    /// The parts that differ: "account", "roleName".
    pub fn parts(&self) -> Vec<&'static str> {
        let mut parts = Vec::new();
        if self.account.is_some() {
            parts.push("account");
        }
        if self.role_name.is_some() {
            parts.push("roleName");
        }
        parts
    }
}

/// `acs:ram:<empty or *>:<account>:role/<name>` -> the (account, name) patterns.
fn role_patterns(resource: &str) -> Option<(&str, &str)> {
    let mut parts = resource.splitn(5, ':');
    let (acs, ram, region) = (parts.next()?, parts.next()?, parts.next()?);
    let (account, relative) = (parts.next()?, parts.next()?);
    if acs != "acs" || ram != "ram" || !(region.is_empty() || region == "*") {
        return None;
    }
    Some((account, relative.strip_prefix("role/")?))
}

fn concrete(text: &str) -> bool {
    !text.contains(['*', '?'])
}

/// The role ARN B's policies allow sts:AssumeRole on that is closest to `requested` (one part
/// differing before two), when the requested one itself is not allowed. A role in B's own
/// account (`own_account`) is never proposed: the switch goes to another account.
pub fn find(
    loaded: &Loaded,
    principal: Option<&str>,
    requested: &str,
    own_account: Option<&str>,
) -> Option<Mismatch> {
    let (req_account, req_role) = role_arn(requested).ok()?;
    let mut best: Option<(usize, Mismatch)> = None;
    let statements = loaded
        .documents
        .iter()
        .flat_map(|(name, doc)| doc.statements.iter().map(move |s| (name, s)));
    for (policy, statement) in statements {
        let assumes = statement.effect == Effect::Allow
            && !statement.action.not
            && statement
                .action
                .values
                .iter()
                .any(|a| Pattern::folded(a).matches("sts:AssumeRole"));
        let Some(resources) = statement.resource.as_ref().filter(|r| assumes && !r.not) else {
            continue;
        };
        for (account, role) in resources.values.iter().filter_map(|r| role_patterns(r)) {
            let account_ok = Pattern::new(account).matches(req_account);
            let role_ok = Pattern::new(role).matches(req_role);
            // Only a part written out can be proposed instead of what was typed.
            if (account_ok && role_ok)
                || (!account_ok && (!concrete(account) || Some(account) == own_account))
                || (!role_ok && !concrete(role))
            {
                continue;
            }
            let allowed = arn_of(
                if account_ok { req_account } else { account },
                if role_ok { req_role } else { role },
            );
            let differing = usize::from(!account_ok) + usize::from(!role_ok);
            if role_arn(&allowed).is_err() || best.as_ref().is_some_and(|(d, _)| *d <= differing) {
                continue;
            }
            // A Deny or a condition elsewhere may still refuse it: the simulator decides.
            let (decision, _) = policies::decide(
                &loaded.simulator,
                principal,
                "sts:AssumeRole",
                &allowed,
                &[],
            );
            if decision != Decision::Allow {
                continue;
            }
            best = Some((
                differing,
                Mismatch {
                    requested: requested.to_string(),
                    allowed,
                    policy: policy.clone(),
                    requested_account: req_account.to_string(),
                    requested_role: req_role.to_string(),
                    account: (!account_ok).then(|| account.to_string()),
                    role_name: (!role_ok).then(|| role.to_string()),
                },
            ));
        }
    }
    best.map(|(_, m)| m)
}

/// B's user may assume a role whose ARN differs from the requested one only in the account or
/// the role name: the values used for the switch are wrong (step 3), unless A's credentials
/// show the requested role is the right one (then the user's policy names the wrong ARN: step 2).
pub fn values_differ(cx: &Cx, m: &Mismatch, lead: M) -> CheckFinding {
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
    if cx.a_confirms_role() {
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
    CheckFinding::fail(
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
        CheckFix::new(M::ValuesWrongFix {
            uid: uid.to_string(),
            name: name.to_string(),
            requested: requested.clone(),
            step: TutorialStep::UserInB.number().into(),
        })
        .with_snippet(assume_snippet(Some(requested))),
    )
    .with_details(Found::ValuesDiffer(ValuesDiffer {
        possible_steps: [TutorialStep::SwitchRole, TutorialStep::UserInB],
        differs: m.parts(),
        requested_arn: requested.clone(),
        allowed_arn: allowed.clone(),
        policy: policy.clone(),
        account: uid.to_string(),
        role_name: name.to_string(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::loaded_policies::from_input as input_policies;
    use serde_json::json;

    const A: &str = "1746205010153210";
    const B: &str = "1358024679135802";

    fn loaded(resources: serde_json::Value) -> Loaded {
        let entry = json!({"name": "assume", "document": {"Version": "1", "Statement": [
            {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": resources}
        ]}});
        input_policies(&[serde_json::from_value(entry).unwrap()], "$").unwrap()
    }

    fn found(resources: serde_json::Value, requested: &str) -> Option<Mismatch> {
        find(&loaded(resources), None, requested, Some(B))
    }

    #[test]
    fn names_the_differing_part() {
        let allowed = json!(format!("acs:ram::{A}:role/admin-oss"));
        let m = found(allowed.clone(), "acs:ram::1746205010159999:role/admin-oss").unwrap();
        assert_eq!(
            (m.account.as_deref(), m.role_name.as_deref()),
            (Some(A), None)
        );
        assert_eq!(m.allowed, format!("acs:ram::{A}:role/admin-oss"));
        assert_eq!(m.policy, "assume");
        let m = found(allowed.clone(), &format!("acs:ram::{A}:role/admin-os")).unwrap();
        assert_eq!(m.parts(), ["roleName"]);
        assert_eq!((m.use_account(), m.use_role()), (A, "admin-oss"));
        let m = found(allowed, "acs:ram::1746205010159999:role/reader").unwrap();
        assert_eq!(m.parts(), ["account", "roleName"]);
    }

    #[test]
    fn one_part_beats_two_and_wildcards_keep_what_matches() {
        let m = found(
            json!([
                "acs:ram::1111111111111111:role/other",
                format!("acs:ram::{A}:role/*")
            ]),
            "acs:ram::1746205010159999:role/admin-oss",
        )
        .unwrap();
        assert_eq!(m.allowed, format!("acs:ram::{A}:role/admin-oss"));
        // A wildcard in the differing part proposes nothing.
        assert!(found(
            json!("acs:ram::*:role/admin-*"),
            &format!("acs:ram::{A}:role/x")
        )
        .is_none());
    }

    #[test]
    fn nothing_when_allowed_denied_or_own_account() {
        let requested = format!("acs:ram::{A}:role/admin-oss");
        assert!(found(json!(requested.clone()), &requested).is_none());
        assert!(found(json!("*"), &requested).is_none());
        assert!(found(json!(format!("acs:ram::{B}:role/admin-oss")), &requested).is_none());
        let denied = json!({"name": "deny", "document": {"Version": "1", "Statement": [
            {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": format!("acs:ram::{A}:role/reader")},
            {"Effect": "Deny", "Action": "sts:*", "Resource": "*"}
        ]}});
        let loaded = input_policies(&[serde_json::from_value(denied).unwrap()], "$").unwrap();
        assert!(find(&loaded, None, &requested, Some(B)).is_none());
    }
}
