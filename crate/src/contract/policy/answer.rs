//! `policySimulate()`'s answer, written by the checked path (simulate.rs) and the fast path
//! (batch.rs) alike.

use crate::policy::eval::{Decision, Side};
use crate::policy::Explanation;
use serde::Serialize;

/// `policySimulate()`'s answer: the policies read, and for one request its explanation or its
/// decision, for many their explanations or decisions, in order.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicySimulateResult"))]
#[serde(untagged)]
pub enum SimulateAnswer {
    Explained {
        #[serde(flatten)]
        #[cfg_attr(test, ts(flatten))]
        explanation: Explanation,
        policies: Vec<SimulatedPolicy>,
    },
    Decided {
        decision: Decision,
        policies: Vec<SimulatedPolicy>,
    },
    Explanations {
        results: Vec<Explanation>,
        policies: Vec<SimulatedPolicy>,
    },
    Decisions {
        decisions: Vec<Decision>,
        policies: Vec<SimulatedPolicy>,
    },
}

/// A policy a simulation read: RoleHop's catalog text for a system policy (`assumed`), or a
/// document given.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SimulatedPolicy {
    pub name: String,
    #[serde(serialize_with = "side_name")]
    #[cfg_attr(test, ts(type = "\"identity\" | \"session\" | \"trust\""))]
    pub side: Side,
    pub assumed: bool,
    #[cfg_attr(test, ts(type = "\"catalog\" | \"document\""))]
    pub source: &'static str,
}

fn side_name<S: serde::Serializer>(side: &Side, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(side.name())
}
