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
