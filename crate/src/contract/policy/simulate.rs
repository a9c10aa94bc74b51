//! `policySimulate`: one request or a batch against identity, session and trust policies.

use super::limits;
use super::loaded::{check_detail, load_policies, Explanations, PolicyInputs};
use super::request::read_request;
use super::values::{got, to_value};
use crate::error::{Error, ErrorKind, Result};
use crate::fields::parse_object;
use crate::message::PolicyMessage;
use crate::policy::eval::Trace;
use crate::policy::explain;
use serde_json::{json, Value};

/// `policySimulate`: decides one request (`request`) or many (`requests`) against the given
/// identity, session and trust policies.
pub fn simulate(input: &str) -> Result<Value> {
    limits::check_input(input)?;
    if let Some(result) = super::batch::try_fast(input) {
        return result;
    }
    let req = parse_object(input)?;
    let loaded = load_policies(PolicyInputs {
        identity: req.get("identityPolicies"),
        session: req.get("sessionPolicy"),
        trust: req.get("trustPolicy"),
    })?;
    let sim = &loaded.simulator;
    let detail = check_detail(req.optional_str("detail")?)?;
    let mut trace = Trace::default();
    let policies = json!(loaded.described);
    match (req.get("request"), req.get("requests")) {
        (Some(_), Some(_)) => Err(Error::invalid_said(
            "$.requests",
            PolicyMessage::SimulateBothRequests {},
        )),
        (None, None) => Err(Error::said(
            ErrorKind::MissingField,
            PolicyMessage::SimulateNoRequest {},
        )
        .at("$.request")),
        (Some(r), None) => {
            let request = read_request(r, "$.request")?;
            limits::check_batch(1, loaded.document_bytes)?;
            let decision = sim.decide(&request, &mut trace);
            let mut out = if detail == "full" {
                let mut budget = Explanations::new(input.len());
                budget.spend(sim, &request, &trace)?;
                to_value(&explain(sim, &request, decision, &trace))
            } else {
                json!({ "decision": decision.name() })
            };
            out["policies"] = policies;
            Ok(out)
        }
        (None, Some(rs)) => {
            let Value::Array(items) = rs else {
                return Err(Error::invalid_said(
                    "$.requests",
                    PolicyMessage::RequestsNotArray { got: got(rs) },
                ));
            };
            let requests = items
                .iter()
                .enumerate()
                .map(|(i, item)| read_request(item, &format!("$.requests[{i}]")))
                .collect::<Result<Vec<_>>>()?;
            limits::check_batch(requests.len(), loaded.document_bytes)?;
            let mut budget = Explanations::new(input.len());
            let mut results = Vec::with_capacity(requests.len());
            for request in &requests {
                let decision = sim.decide(request, &mut trace);
                results.push(if detail == "full" {
                    budget.spend(sim, request, &trace)?;
                    to_value(&explain(sim, request, decision, &trace))
                } else {
                    Value::String(decision.name().to_string())
                });
            }
            let key = if detail == "full" {
                "results"
            } else {
                "decisions"
            };
            Ok(json!({ key: results, "policies": policies }))
        }
    }
}
