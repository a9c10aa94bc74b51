//! The wasm-bindgen surface, and nothing else: each export takes and returns JSON text of the
//! contract documented in the README (`{"error": {...}}` on failure).

use crate::contract;
use wasm_bindgen::prelude::wasm_bindgen;

/// `{"name", "version", "signing"}`.
#[wasm_bindgen]
pub fn version() -> String {
    contract::version().to_string()
}

/// Signs one request: `{"kind": "rpc" | "oss" | "oss-presign" | "post-policy", ...}`.
#[wasm_bindgen]
pub fn sign(input: &str) -> String {
    contract::sign_text(input)
}

/// Builds one signed STS, RAM or OSS request: `{"action": "AssumeRole", "credentials", "time",
/// "nonce", ...}` -> `{method, url, headers, body, signing}`.
#[wasm_bindgen]
pub fn request(input: &str) -> String {
    contract::to_text(&contract::request(input))
}

/// Parses one API answer: `{"action", "status", "headers", "body", "stringToSign"?}` ->
/// `{"result": ...}` or `{"apiError": ...}`.
#[wasm_bindgen(js_name = parseResponse)]
pub fn parse_response(input: &str) -> String {
    contract::to_text(&contract::parse(input))
}

/// Signs the public RPC vector: `{"ok", "check", "expected", "actual"}`.
#[wasm_bindgen(js_name = selfCheck)]
pub fn self_check() -> String {
    contract::self_check().to_string()
}

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

/// Parses the profile INI text: `{"text", "defaultSite"?}` -> `{profiles, errors}` (every error
/// with line and column; profiles with errors are left out).
#[wasm_bindgen(js_name = profileParse)]
pub fn profile_parse(input: &str) -> String {
    contract::profile_parse_text(input)
}

/// Writes profiles as the canonical INI text: `{"profiles"}` -> `{text}`.
#[wasm_bindgen(js_name = profileSerialize)]
pub fn profile_serialize(input: &str) -> String {
    contract::to_text(&contract::profile_serialize(input))
}

/// Imports the aliyun CLI's config.json: `{"format": "aliyun-cli", "text", "defaultSite"?}` ->
/// `{profiles, text, skipped, errors}`.
#[wasm_bindgen(js_name = profileImport)]
pub fn profile_import(input: &str) -> String {
    contract::to_text(&contract::profile_import(input))
}

/// Exports profiles to the aliyun CLI's config.json: `{"format": "aliyun-cli", "profiles",
/// "base"?, "sourceProfile"?}` -> `{text, skipped, exported}`.
#[wasm_bindgen(js_name = profileExport)]
pub fn profile_export(input: &str) -> String {
    contract::to_text(&contract::profile_export(input))
}

/// The Switch Role URL: `{"profile", "marker"?}` -> `{url, exitUrl, site, parentAlias, roleName}`.
#[wasm_bindgen(js_name = switchUrl)]
pub fn switch_url(input: &str) -> String {
    contract::to_text(&contract::switch_url(input))
}

/// The verification checks for these inputs: `{"roleArn" | "accountA" + "roleName", "bucket"?,
/// ...}` -> `{checks, requests, retryPolicy}`.
#[wasm_bindgen(js_name = checksPlan)]
pub fn checks_plan(input: &str) -> String {
    contract::to_text(&contract::checks_plan(input))
}

/// The requests to send now: `{"inputs", "facts"}` -> `{next: [{id, action, credentials,
/// params, attempt, delayMs}], done}`.
#[wasm_bindgen(js_name = checksNext)]
pub fn checks_next(input: &str) -> String {
    contract::to_text(&contract::checks_next(input))
}

/// The diagnosis: `{"inputs", "facts"}` -> `{checks, verdict, clockSkewSeconds?, warnings}`.
#[wasm_bindgen(js_name = checksDiagnose)]
pub fn checks_diagnose(input: &str) -> String {
    contract::to_text(&contract::checks_diagnose(input))
}

/// Whether to resend: `{"action", "attempt", "outcome"}` -> `{retry, delayMs?, kind, reason}`.
#[wasm_bindgen(js_name = checksRetry)]
pub fn checks_retry(input: &str) -> String {
    contract::to_text(&contract::checks_retry(input))
}

/// The guided tutorial for one reader: `{"audience", "accountA", "accountB", "roleName", "trust",
/// "permission", "assumePolicy", ...}` -> `{audience, site, values, steps, troubleshooting}`.
#[wasm_bindgen(js_name = tutorialSteps)]
pub fn tutorial_steps(input: &str) -> String {
    contract::to_text(&contract::tutorial_steps(input))
}

/// "Do it for me": the tutorial input plus `"side": "A" | "B"` -> `{side, account, input, tasks,
/// operations}` (requests without credentials, time or nonce).
#[wasm_bindgen(js_name = setupPlan)]
pub fn setup_plan(input: &str) -> String {
    contract::to_text(&contract::setup_plan(input))
}

/// The next step of a setup plan: `{"plan", "results"}` -> `{status, next?, outcomes, changed,
/// message, apiError?}`.
#[wasm_bindgen(js_name = setupNext)]
pub fn setup_next(input: &str) -> String {
    contract::to_text(&contract::setup_next(input))
}

/// Open console, one step at a time: `{"step": "assume" | "answer" | "token" | "tokenAnswer" |
/// "login", ...}` (crate/src/contract/console.rs). The worker sends the requests it returns.
#[wasm_bindgen(js_name = consoleSignin)]
pub fn console_signin(input: &str) -> String {
    contract::to_text(&contract::console_signin(input))
}
