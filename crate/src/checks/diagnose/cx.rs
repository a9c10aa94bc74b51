//! What the checks see while they are decided: the known facts, the request graph, the measured
//! clock skew and the findings decided so far (each check may consult those decided before it).

use crate::checks::check::CheckId;
use crate::checks::graph::Graph;
use crate::checks::known::Known;
use crate::checks::report::{CheckFinding, Status};
use crate::profile::account::arn_of;
use std::collections::BTreeMap;

pub struct Cx<'a> {
    pub known: &'a Known<'a>,
    pub graph: &'a Graph,
    pub skew: Option<i64>,
    findings: BTreeMap<CheckId, CheckFinding>,
}

impl<'a> Cx<'a> {
    pub fn new(known: &'a Known<'a>, graph: &'a Graph) -> Cx<'a> {
        Cx {
            known,
            graph,
            skew: clock_skew(known),
            findings: BTreeMap::new(),
        }
    }

    /// Records a check's decision, for the checks decided after it.
    pub fn decided(&mut self, id: CheckId, finding: CheckFinding) {
        self.findings.insert(id, finding);
    }

    /// Takes a check's decision out (for the report).
    pub fn take(&mut self, id: CheckId) -> Option<CheckFinding> {
        self.findings.remove(&id)
    }

    /// The status of an earlier check (`None`: not part of this run).
    pub fn status(&self, id: CheckId) -> Option<Status> {
        self.findings.get(&id).map(|f| f.status)
    }

    /// `None` when the check `blocker` passed; otherwise the finding of a check that cannot run
    /// before it does (pending while `blocker` is).
    pub fn unless_passed(&self, blocker: CheckId) -> Option<CheckFinding> {
        match self.status(blocker) {
            Some(Status::Pass) => None,
            status => Some(CheckFinding::not_run(
                blocker,
                status.unwrap_or(Status::CouldNotCheck),
            )),
        }
    }

    pub fn finding(&self, id: CheckId) -> Option<&CheckFinding> {
        self.findings.get(&id)
    }

    /// The role as the findings name it: its ARN when known, else its name.
    pub fn role_text(&self) -> String {
        self.known
            .role_arn
            .clone()
            .or_else(|| self.known.role_name.clone())
            .unwrap_or_default()
    }

    /// A's role of the requested name, when A's credentials show that the requested ARN names
    /// another account: what B's user really needs to assume.
    pub fn a_corrected_arn(&self) -> Option<String> {
        let a = self.known.a.as_ref()?;
        let uid = self.known.target_uid.as_deref()?;
        let name = self.known.role_name.as_deref()?;
        (a.account != uid).then(|| arn_of(&a.account, name))
    }

    /// A's credentials show the requested role exists in A's account: the requested ARN is right.
    pub fn a_confirms_role(&self) -> bool {
        self.status(CheckId::RoleExists) == Some(Status::Pass) && self.a_corrected_arn().is_none()
    }
}

/// Local minus server time: the attempt with the largest disagreement.
fn clock_skew(known: &Known) -> Option<i64> {
    known
        .facts
        .map
        .values()
        .flatten()
        .filter_map(|a| a.skew())
        .max_by_key(|s| s.unsigned_abs())
}
