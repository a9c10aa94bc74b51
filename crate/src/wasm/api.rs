//! The worker's module for signing and the API: sign, build and read requests, Open console.

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

/// Open console, one step at a time: `{"step": "assume" | "answer" | "token" | "tokenAnswer" |
/// "login", ...}` (crate/src/contract/console.rs). The worker sends the requests it returns.
#[wasm_bindgen(js_name = consoleSignin)]
pub fn console_signin(input: &str) -> String {
    contract::to_text(&contract::console_signin(input))
}
