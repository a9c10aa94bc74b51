//! The verification checks: the plan and the diagnosis, pure (facts in, verdicts and fixes
//! out; no I/O, no clock).
//!
//! A run is a loop the caller (the extension's service worker, or a script around the CLI)
//! drives: [`next`] says which requests to send now (with their `request` parameters, which
//! credentials sign them, the attempt number and a backoff delay); the caller sends each one,
//! reads the answer with `parseResponse` and appends it to the facts; when `next` says done,
//! [`diagnose`] turns the same facts into pass / fail / could-not-check per check, with
//! evidence, a fix tied to the tutorial step, and a verdict naming the first broken step, all
//! as catalog messages (`message::ChecksMessage`). The state is the facts: nothing is kept between calls.
//!
//! Modules: `check` (the checks by id, side, step and title), `inputs` (what to verify), `facts` (what happened), `lenient` (a value left out when malformed), `known` (what the facts
//! establish), `call` (a request's action and parameters), `graph` (the requests and where each stands), `retry` (the retry policy),
//! `diagnose` (the checks and the verdict), `chain` (the links the pages draw from the report),
//! `plan` (the list up front), `report` (output shapes), `details` (what a finding shows beside its summary), `sign_in` (a console sign-in's refused
//! AssumeRole, diagnosed by the AssumeRole check); `text` is the tutorial's bilingual
//! text, which the checks no longer use.

pub mod call;
pub mod chain;
pub mod check;
pub mod details;
pub mod diagnose;
pub mod facts;
pub mod graph;
pub mod inputs;
pub mod known;
mod lenient;
pub mod loaded_policies;
pub mod plan;
pub mod report;
pub mod retry;
pub mod sign_in;

pub use chain::Diagnosis;
pub use check::{AccountSide, CheckId};
pub use facts::Facts;
pub use inputs::CheckInputs;
pub use report::Report;

use graph::{Graph, NextRequest};
use known::Known;

/// The requests to send now, and whether the run is finished.
pub fn next(inputs: &CheckInputs, facts: &Facts) -> (Vec<NextRequest>, bool) {
    let known = Known::new(inputs, facts);
    let graph = Graph::build(&known);
    (graph.next(), graph.done())
}

/// The report for the facts so far (checks still waiting for answers are `pending`), with the
/// chain drawn from it.
pub fn diagnose(inputs: &CheckInputs, facts: &Facts) -> Diagnosis {
    let known = Known::new(inputs, facts);
    let report = diagnose::diagnose(&known);
    let chain = chain::chain(&report);
    Diagnosis { report, chain }
}
