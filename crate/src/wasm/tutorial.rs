//! The guided tutorial and "Do it for me": loaded by the workbench page, and by the worker for a
//! setup run and the RAM console panel.

use crate::contract;
use wasm_bindgen::prelude::wasm_bindgen;

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
