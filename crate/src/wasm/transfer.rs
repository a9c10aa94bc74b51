//! Profiles written as text: the canonical INI text (the worker, saving a profile from the Switch
//! Role page) and the aliyun CLI's config.json both ways (the options page). Loaded beside the
//! profiles module by the callers that write.

use crate::contract;
use wasm_bindgen::prelude::wasm_bindgen;

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
