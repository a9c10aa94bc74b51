//! The verification checks: loaded by the worker when a check runs, or a setup (which retries as
//! the checks do).

use crate::contract;
use wasm_bindgen::prelude::wasm_bindgen;

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

/// Open console's refused AssumeRole with the AssumeRole check's diagnosis: `{roleArn, callerArn,
/// status, headers, body}` -> `{text}`.
#[wasm_bindgen(js_name = consoleRefusal)]
pub fn console_refusal(input: &str) -> String {
    contract::to_text(&contract::console_refusal(input))
}
