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

/// Bench only (feature `wasm-swb`, bench/boundary): `profileParse` taking and returning JS values
/// through serde-wasm-bindgen, to measure that boundary on 2,000 profiles without changing the
/// popup's module (crate/src/wasm/profiles.rs); the same parser and answer, errors thrown.
#[cfg(feature = "wasm-swb")]
#[wasm_bindgen(js_name = profileParseValue)]
pub fn profile_parse_value(
    input: wasm_bindgen::JsValue,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    use super::values::{from_js, to_js, to_js_error};
    use crate::error::Error;
    use crate::message::ProfileMessage;
    use crate::profile::{parse, Site};

    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Request {
        text: String,
        default_site: Option<String>,
    }
    let req: Request = from_js(input)?;
    let site = match req.default_site {
        None => Site::Cn,
        Some(name) => Site::from_name(&name).ok_or_else(|| {
            let text = ProfileMessage::ProfileSiteInvalid { value: name.clone() };
            to_js_error(&Error::invalid_said("$.defaultSite", text))
        })?,
    };
    to_js(&parse(&req.text, site))
}
