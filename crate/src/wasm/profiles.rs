//! The popup's module, also loaded by the options page and the worker: reading profiles and
//! switch URLs. Kept small: the popup compiles it on every open.

use super::narrow::to_text;
use crate::contract;
use crate::contract::profile::parse_answer;
use wasm_bindgen::prelude::wasm_bindgen;

/// Parses the profile INI text: `{"text", "defaultSite"?}` -> `{profiles, errors}` (every error
/// with line and column; profiles with errors are left out).
#[wasm_bindgen(js_name = profileParse)]
pub fn profile_parse(input: &str) -> String {
    parse_answer(input).unwrap_or_else(|e| to_text(&Err(e)))
}

/// The Switch Role URL: `{"profile", "marker"?}` -> `{url, exitUrl, site, parentAlias, roleName}`.
#[wasm_bindgen(js_name = switchUrl)]
pub fn switch_url(input: &str) -> String {
    to_text(&contract::switch_url(input))
}
