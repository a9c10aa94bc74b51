//! Policies: build, lint and simulate (the worker's RAM console panel; the CLI has them natively).

use crate::contract;
use wasm_bindgen::prelude::wasm_bindgen;

/// Builds a policy document: `{"kind": "trust" | "oss-read-only" | "assume-role" |
/// "post-object", ...}` -> `{policy, text, compact, size, statements, findings}` (see the README).
#[wasm_bindgen(js_name = policyBuild)]
pub fn policy_build(input: &str) -> String {
    contract::to_text(&contract::policy_build(input))
}

/// Lints a policy: `{"policy", "kind"?, "intent"?, "trustedPrincipals"?}` ->
/// `{kind, valid, summary, findings, size, compactSize?, canonical?}`.
#[wasm_bindgen(js_name = policyLint)]
pub fn policy_lint(input: &str) -> String {
    contract::to_text(&contract::policy_lint(input))
}

/// Simulates requests: `{"identityPolicies"?, "sessionPolicy"?, "trustPolicy"?, "request" |
/// "requests", "detail"?}` -> the decision with its deciding statements and explanation.
#[wasm_bindgen(js_name = policySimulate)]
pub fn policy_simulate(input: &str) -> String {
    contract::to_text(&contract::policy_simulate(input))
}

/// Bench only (feature `wasm-swb`, bench/boundary): the `policySimulate` batch of identity
/// policies (`{name, document}`) and `requests` with `detail: "decision"`, taking and returning JS
/// values through serde-wasm-bindgen; the same simulator and the same answer as `policySimulate`
/// (the bench compares them), errors thrown. The input limits are not checked.
#[cfg(feature = "wasm-swb")]
#[wasm_bindgen(js_name = policySimulateValue)]
pub fn policy_simulate_value(
    input: wasm_bindgen::JsValue,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    by_value::simulate(input)
}

#[cfg(feature = "wasm-swb")]
mod by_value {
    use super::super::values::{from_js, to_js, to_js_error, Pairs};
    use crate::error::{Error, ErrorKind};
    use crate::policy::document::read_document;
    use crate::policy::eval::{Request, Side, Simulator, Trace};
    use crate::policy::model::PolicyKind;
    use serde::de::{self, Deserializer, SeqAccess, Visitor};
    use serde::{Deserialize, Serialize};
    use serde_json::Value;
    use std::fmt;
    use wasm_bindgen::JsValue;

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Batch {
        identity_policies: Vec<Entry>,
        requests: Vec<OwnedRequest>,
        detail: Option<String>,
    }

    #[derive(Deserialize)]
    struct Entry {
        name: String,
        document: Value,
    }

    #[derive(Deserialize)]
    struct OwnedRequest {
        principal: Option<String>,
        action: String,
        resource: Option<String>,
        context: Option<Pairs<Scalars>>,
    }

    /// A context value as the text the simulator compares, as the batch reader reads it.
    struct Scalars(Vec<String>);

    #[derive(Serialize)]
    struct Answer {
        decisions: Vec<&'static str>,
        policies: Vec<Described>,
    }

    #[derive(Serialize)]
    struct Described {
        name: String,
        side: &'static str,
        assumed: bool,
        source: &'static str,
    }

    pub fn simulate(input: JsValue) -> Result<JsValue, JsValue> {
        let batch: Batch = from_js(input)?;
        if batch.detail.as_deref() != Some("decision") {
            let e = Error::new(ErrorKind::Unsupported, "the bench's batch answers decisions");
            return Err(to_js_error(&e));
        }
        let mut simulator = Simulator::new();
        simulator.include(Side::Identity);
        let mut policies = Vec::new();
        for (i, entry) in batch.identity_policies.iter().enumerate() {
            let path = format!("$.identityPolicies[{i}].document");
            let policy = read_document(&entry.document, &path, PolicyKind::Identity)
                .map_err(|e| to_js_error(&e))?;
            simulator.add(&entry.name, Side::Identity, false, &policy);
            policies.push(Described {
                name: entry.name.clone(),
                side: Side::Identity.name(),
                assumed: false,
                source: "document",
            });
        }
        let mut trace = Trace::default();
        let mut request = Request::default();
        let mut decisions = Vec::with_capacity(batch.requests.len());
        for r in &batch.requests {
            request.principal.clone_from(&r.principal);
            request.action.clone_from(&r.action);
            request.resource.clear();
            request.resource.push_str(r.resource.as_deref().unwrap_or("*"));
            request.context.clear();
            for (key, values) in r.context.iter().flat_map(|c| c.0.iter()) {
                request
                    .context
                    .insert_all(key, values.0.iter().map(String::as_str));
            }
            decisions.push(simulator.decide(&request, &mut trace).name());
        }
        to_js(&Answer {
            decisions,
            policies,
        })
    }

    impl<'de> Deserialize<'de> for Scalars {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(ScalarVisitor)
        }
    }

    struct ScalarVisitor;

    impl<'de> Visitor<'de> for ScalarVisitor {
        type Value = Scalars;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string, number or boolean, or an array of them")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalars, E> {
            Ok(Scalars(vec![v.to_string()]))
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<Scalars, E> {
            Ok(Scalars(vec![v]))
        }

        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalars, E> {
            Ok(Scalars(vec![v.to_string()]))
        }

        // Numbers as serde_json::Number writes them, as the batch reader does.
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalars, E> {
            Ok(Scalars(vec![serde_json::Number::from(v).to_string()]))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalars, E> {
            Ok(Scalars(vec![serde_json::Number::from(v).to_string()]))
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalars, E> {
            let n = serde_json::Number::from_f64(v).ok_or_else(|| E::custom("not finite"))?;
            Ok(Scalars(vec![n.to_string()]))
        }

        fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Scalars, S::Error> {
            let mut values = Vec::new();
            while let Some(Scalars(mut more)) = seq.next_element()? {
                values.append(&mut more);
            }
            Ok(Scalars(values))
        }
    }
}
