//! `policySimulate`: one request or a batch against identity, session and trust policies. Its
//! input is read by `crate::read` group by group, as the simulation needs it: the policies
//! (loaded, each document read as it comes), `detail`, then the request or requests.

use super::answer::SimulateAnswer;
use super::limits;
use super::loaded::{bad_detail, load_policies, Detail, Explanations, PolicyInputs};
use super::request::RequestInput;
use super::values::{refuse_other_types, to_value};
use crate::error::{Error, ErrorKind, Result};
use crate::message::PolicyMessage;
use crate::policy::eval::Trace;
use crate::policy::explain;
use crate::read::{self, read_value, said};
use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// `policySimulate()`'s input (TypeScript only: its groups are read one by one).
#[cfg(test)]
#[allow(dead_code)] // Declared for TypeScript; the groups are read one by one.
#[derive(ts_rs::TS)]
#[ts(rename = "PolicySimulateInput")]
pub struct SimulateInput {
    #[ts(flatten)]
    pub policies: SimulatePolicies,
    #[ts(flatten)]
    pub detail: SimulateDetail,
    /// One request (`request`) or many (`requests`), not both.
    #[ts(optional)]
    pub request: Option<RequestInput>,
    #[ts(optional)]
    pub requests: Option<Vec<RequestInput>>,
}

/// The policies to simulate against (absent or null: none of that side).
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicySimulatePolicies", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct SimulatePolicies {
    /// Catalog policies by name, or `{name?, document?}`.
    #[cfg_attr(test, ts(optional, type = "Array<string | PolicySimulateEntry>"))]
    pub identity_policies: Option<Value>,
    /// The document, or `{name?, document}`.
    #[cfg_attr(
        test,
        ts(optional, type = "PolicyDocument | PolicySimulateNamedDocument")
    )]
    pub session_policy: Option<Value>,
    /// The document, or `{name?, document}`.
    #[cfg_attr(
        test,
        ts(optional, type = "PolicyDocument | PolicySimulateNamedDocument")
    )]
    pub trust_policy: Option<Value>,
}

/// How much to answer for each request.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicySimulateDetailField", optional_fields = nullable))]
pub struct SimulateDetail {
    /// `full` (the default) or `decision`.
    pub detail: Option<Detail>,
}

/// Which of `request` and `requests` are given (their contents are read after).
#[derive(Deserialize)]
struct Given {
    request: Option<IgnoredAny>,
    requests: Option<IgnoredAny>,
}

#[derive(Deserialize)]
struct One {
    request: RequestInput,
}

#[derive(Deserialize)]
struct Many {
    requests: RequestList,
}

/// `requests`: an array of requests.
struct RequestList(Vec<RequestInput>);

impl<'de> Deserialize<'de> for RequestList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(Items)
    }
}

struct Items;

impl Items {
    fn refuse<E: serde::de::Error>(got: PolicyMessage) -> E {
        let got = Box::new(got);
        said(move |path| Error::invalid_said(path, PolicyMessage::RequestsNotArray { got }))
    }
}

impl<'de> serde::de::Visitor<'de> for Items {
    type Value = RequestList;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of requests")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<RequestList, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(request) = seq.next_element()? {
            out.push(request);
        }
        Ok(RequestList(out))
    }

    refuse_other_types!(Items::refuse; visit_unit visit_bool visit_i64 visit_u64 visit_f64 visit_str visit_map);
}

/// `policySimulate`: decides one request (`request`) or many (`requests`) against the given
/// identity, session and trust policies.
pub fn simulate(input: &str) -> Result<Value> {
    limits::check_input(input)?;
    if let Some(result) = super::batch::try_fast(input) {
        return result;
    }
    let req = read::parse_json(input)?;
    let policies: SimulatePolicies = read_value(&req, "$", None)?;
    let loaded = load_policies(PolicyInputs {
        identity: policies.identity_policies.as_ref(),
        session: policies.session_policy.as_ref(),
        trust: policies.trust_policy.as_ref(),
    })?;
    let sim = &loaded.simulator;
    let detail: SimulateDetail = read_value(&req, "$", Some(&bad_detail))?;
    let detail = detail.detail.unwrap_or_default();
    let mut trace = Trace::default();
    let policies = loaded.described;
    let given: Given = read_value(&req, "$", None)?;
    let answer = match (given.request, given.requests) {
        (Some(_), Some(_)) => {
            return Err(Error::invalid_said(
                "$.requests",
                PolicyMessage::SimulateBothRequests {},
            ))
        }
        (None, None) => {
            return Err(
                Error::said(ErrorKind::MissingField, PolicyMessage::SimulateNoRequest {})
                    .at("$.request"),
            )
        }
        (Some(_), None) => {
            let request = read_value::<One>(&req, "$", None)?.request.into_request();
            limits::check_batch(1, loaded.document_bytes)?;
            let decision = sim.decide(&request, &mut trace);
            if detail == Detail::Full {
                let mut budget = Explanations::new(input.len());
                budget.spend(sim, &request, &trace)?;
                let explanation = explain(sim, &request, decision, &trace);
                SimulateAnswer::Explained {
                    explanation,
                    policies,
                }
            } else {
                SimulateAnswer::Decided { decision, policies }
            }
        }
        (None, Some(_)) => {
            let requests = read_value::<Many>(&req, "$", None)?.requests.0;
            let requests: Vec<_> = requests
                .into_iter()
                .map(RequestInput::into_request)
                .collect();
            limits::check_batch(requests.len(), loaded.document_bytes)?;
            let mut budget = Explanations::new(input.len());
            if detail == Detail::Full {
                let mut results = Vec::with_capacity(requests.len());
                for request in &requests {
                    let decision = sim.decide(request, &mut trace);
                    budget.spend(sim, request, &trace)?;
                    results.push(explain(sim, request, decision, &trace));
                }
                SimulateAnswer::Explanations { results, policies }
            } else {
                let decisions = requests
                    .iter()
                    .map(|request| sim.decide(request, &mut trace))
                    .collect();
                SimulateAnswer::Decisions {
                    decisions,
                    policies,
                }
            }
        }
    };
    Ok(to_value(&answer))
}
