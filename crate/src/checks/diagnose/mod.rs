//! The diagnosis: every check's status from the facts, and the verdict naming the first broken
//! tutorial step. Checks are decided in dependency order (B's identity and A's side first, so
//! that AssumeRole's refusal can be pinned on the side that refuses) and reported in tutorial
//! order.

mod a_side;
mod b_side;
mod common;
mod denial;
mod fixes;
mod mismatch;
mod policies;
mod verdict;

pub use crate::checks::loaded_policies::from_input as input_policies;
pub use common::{Read, Whose};

use super::graph::Graph;
use super::known::Known;
use super::report::{CheckResult, Finding, Report, Status};
use crate::message::ChecksMessage;
use crate::tutorial::TutorialStep;
use std::collections::BTreeMap;

/// A check: its id, side, tutorial step and title.
pub struct CheckDef {
    pub id: &'static str,
    pub side: &'static str,
    pub step: TutorialStep,
    pub title: ChecksMessage,
}

pub const B_IDENTITY: &str = "b.identity";
pub const B_USER_MAY_ASSUME: &str = "b.user-may-assume";
pub const B_ASSUME_ROLE: &str = "b.assume-role";
pub const B_LIST_BUCKETS: &str = "b.list-buckets";
pub const B_LIST_OBJECTS: &str = "b.list-objects";
pub const A_ROLE_EXISTS: &str = "a.role-exists";
pub const A_TRUST: &str = "a.trust-trusts-b";
pub const A_ROLE_OSS: &str = "a.role-oss-access";
pub const A_SWITCH_VALUES: &str = "a.switch-values";

/// Every check, in report order (tutorial step, then A before B within a step).
pub static CHECKS: [CheckDef; 9] = [
    CheckDef {
        id: A_ROLE_EXISTS,
        side: "A",
        step: TutorialStep::RoleInA,
        title: ChecksMessage::TitleRoleExists {},
    },
    CheckDef {
        id: A_TRUST,
        side: "A",
        step: TutorialStep::RoleInA,
        title: ChecksMessage::TitleTrust {},
    },
    CheckDef {
        id: A_ROLE_OSS,
        side: "A",
        step: TutorialStep::RoleInA,
        title: ChecksMessage::TitleRoleOss {},
    },
    CheckDef {
        id: B_IDENTITY,
        side: "B",
        step: TutorialStep::UserInB,
        title: ChecksMessage::TitleBIdentity {},
    },
    CheckDef {
        id: B_USER_MAY_ASSUME,
        side: "B",
        step: TutorialStep::UserInB,
        title: ChecksMessage::TitleUserMayAssume {},
    },
    CheckDef {
        id: A_SWITCH_VALUES,
        side: "A",
        step: TutorialStep::SwitchRole,
        title: ChecksMessage::TitleSwitchValues {},
    },
    CheckDef {
        id: B_ASSUME_ROLE,
        side: "B",
        step: TutorialStep::SwitchRole,
        title: ChecksMessage::TitleAssumeRole {},
    },
    CheckDef {
        id: B_LIST_BUCKETS,
        side: "B",
        step: TutorialStep::Verify,
        title: ChecksMessage::TitleListBuckets {},
    },
    CheckDef {
        id: B_LIST_OBJECTS,
        side: "B",
        step: TutorialStep::Verify,
        title: ChecksMessage::TitleListObjects {},
    },
];

pub fn def(id: &str) -> Option<&'static CheckDef> {
    CHECKS.iter().find(|c| c.id == id)
}

/// Whether the check runs for these inputs.
pub fn applies(check: &CheckDef, known: &Known) -> bool {
    let inputs = known.inputs;
    match check.side {
        "A" => inputs.have_a,
        _ if check.id == B_LIST_OBJECTS => inputs.have_b && inputs.bucket.is_some(),
        _ => inputs.have_b,
    }
}

/// What the checks see: the known facts, the request graph, the measured clock skew and the
/// findings decided so far.
pub struct Cx<'a> {
    pub known: &'a Known<'a>,
    pub graph: &'a Graph,
    pub skew: Option<i64>,
    findings: BTreeMap<&'static str, Finding>,
}

impl<'a> Cx<'a> {
    /// The status of an earlier check (`None`: not part of this run).
    pub fn status(&self, id: &str) -> Option<Status> {
        self.findings.get(id).map(|f| f.status)
    }

    /// `None` when the check `blocker` passed; otherwise the finding of a check that cannot run
    /// before it does (pending while `blocker` is).
    pub fn unless_passed(&self, blocker: &str) -> Option<Finding> {
        match self.status(blocker) {
            Some(Status::Pass) => None,
            status => Some(Finding::not_run(
                blocker,
                status.unwrap_or(Status::CouldNotCheck),
            )),
        }
    }

    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.findings.get(id)
    }
}

/// Local minus server time: the attempt with the largest disagreement.
pub fn clock_skew(known: &Known) -> Option<i64> {
    known
        .facts
        .map
        .values()
        .flatten()
        .filter_map(|a| a.skew())
        .max_by_key(|s| s.unsigned_abs())
}

/// One check's decision.
type CheckFn = fn(&Cx) -> Finding;

pub fn diagnose(known: &Known) -> Report {
    let graph = Graph::build(known);
    let mut cx = Cx {
        known,
        graph: &graph,
        skew: clock_skew(known),
        findings: BTreeMap::new(),
    };
    // Dependency order: what later checks consult comes first.
    let order: [(&'static str, CheckFn); 9] = [
        (B_IDENTITY, b_side::identity),
        (A_ROLE_EXISTS, a_side::role_exists),
        (A_SWITCH_VALUES, a_side::switch_values),
        (A_TRUST, a_side::trust),
        (B_ASSUME_ROLE, b_side::assume_role),
        (B_USER_MAY_ASSUME, b_side::user_may_assume),
        (A_ROLE_OSS, a_side::role_oss_access),
        (B_LIST_BUCKETS, b_side::list_buckets),
        (B_LIST_OBJECTS, b_side::list_objects),
    ];
    for (id, check) in order {
        if def(id).is_some_and(|d| applies(d, known)) {
            let finding = check(&cx);
            cx.findings.insert(id, finding);
        }
    }
    let checks: Vec<CheckResult> = CHECKS
        .iter()
        .filter_map(|d| {
            let mut f = cx.findings.remove(d.id)?;
            // A pass decided without the request that was refused (simulated from the policies
            // given) has no evidence: the refusal's error code would read as a failure.
            if f.status == Status::Pass && f.evidence.code.is_some() {
                f.evidence = Default::default();
            }
            Some(CheckResult {
                id: d.id,
                title: d.title.clone(),
                side: d.side,
                tutorial_step: f.step.unwrap_or(d.step),
                status: f.status,
                cause: f.cause,
                evidence: f.evidence,
                summary: f.summary,
                fix: f.fix,
                method: f.method,
                details: f.details,
                basis: f.basis,
            })
        })
        .collect();
    verdict::report(known, checks, cx.skew)
}
