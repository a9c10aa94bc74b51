//! The diagnosis: every check's status from the facts, and the verdict naming the first broken
//! tutorial step. Checks are decided in dependency order (B's identity and A's side first, so
//! that AssumeRole's refusal can be pinned on the side that refuses) and reported in tutorial
//! order.

mod a_side;
mod assume;
mod b_side;
mod common;
mod cx;
mod denial;
mod fixes;
mod mismatch;
mod oss;
mod policies;
mod user_policies;
mod verdict;

pub use crate::checks::loaded_policies::from_input as input_policies;
pub use common::Read;

use super::check::{CheckId, CHECKS};
use super::graph::Graph;
use super::known::Known;
use super::report::{CheckFinding, CheckResult, Report, Status};
use cx::Cx;

/// One check's decision.
type CheckFn = fn(&Cx) -> CheckFinding;

pub fn diagnose(known: &Known) -> Report {
    let graph = Graph::build(known);
    let mut cx = Cx::new(known, &graph);
    // Dependency order: what later checks consult comes first.
    let order: [(CheckId, CheckFn); 9] = [
        (CheckId::Identity, b_side::identity),
        (CheckId::RoleExists, a_side::role_exists),
        (CheckId::SwitchValues, a_side::switch_values),
        (CheckId::TrustTrustsB, a_side::trust),
        (CheckId::AssumeRole, assume::assume_role),
        (CheckId::UserMayAssume, b_side::user_may_assume),
        (CheckId::RoleOssAccess, a_side::role_oss_access),
        (CheckId::ListBuckets, oss::list_buckets),
        (CheckId::ListObjects, oss::list_objects),
    ];
    for (id, check) in order {
        if id.def().applies(known) {
            let finding = check(&cx);
            cx.decided(id, finding);
        }
    }
    let checks: Vec<CheckResult> = CHECKS
        .iter()
        .filter_map(|d| {
            let mut f = cx.take(d.id)?;
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
                assumed_texts: f.assumed,
            })
        })
        .collect();
    verdict::report(known, checks, cx.skew)
}
