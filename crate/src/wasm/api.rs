//! The worker's module for signing and the API: sign, build and read requests, Open console.

use crate::contract;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// `{"name", "version", "signing"}`.
#[wasm_bindgen]
pub fn version() -> String {
    contract::version().to_string()
}

/// Signs one request given as a JS object, `{kind: "rpc" | "oss" | "oss-presign" |
/// "post-policy", ...}`, and answers the signature as a JS object; a refused request throws an
/// `Error` carrying the core error's fields (`kind`, `message`, `text`, `path`). JS values both ways
/// measured faster than JSON text for this call (bench/boundary).
#[wasm_bindgen]
pub fn sign(input: JsValue) -> Result<JsValue, JsValue> {
    by_value::sign(input)
}

/// [`sign`] as JSON text both ways (`{"error": {...}}` on failure): the CLI's form, which the
/// oracle (tests/oracle) holds byte for byte to the native CLI's answers.
#[wasm_bindgen(js_name = signText)]
pub fn sign_text(input: &str) -> String {
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

/// `sign` from JS values: well-formed `rpc` and `oss` requests are read typed straight from the
/// JS object and signed (as the contract's fast reader does from text); every other request, and
/// every one the typed read refuses, goes through the contract's text path (`JSON.stringify` of
/// the value), so that errors and the other kinds answer exactly as the JSON contract does.
mod by_value {
    use super::super::values::{from_js, to_js, to_js_error, Pairs};
    use crate::contract;
    use crate::sign::oss::{self, OssCredentials, OssHeaderSignature, OssRequest};
    use crate::sign::rpc;
    use serde::ser::{SerializeMap, Serializer};
    use serde::{Deserialize, Serialize};
    use wasm_bindgen::JsValue;

    /// The fields of the `rpc` and `oss` requests, owned (a JS value lends no strings).
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Request {
        kind: String,
        method: String,
        params: Option<Pairs<String>>,
        headers: Option<Pairs<String>>,
        query: Option<Pairs<Option<String>>>,
        bucket: Option<String>,
        key: Option<String>,
        access_key_id: Option<String>,
        access_key_secret: String,
        security_token: Option<String>,
    }

    pub fn sign(input: JsValue) -> Result<JsValue, JsValue> {
        let Ok(req) = from_js::<Request>(input.clone()) else {
            return checked(&input);
        };
        if !req.lossless() {
            return checked(&input);
        }
        match (req.kind.as_str(), req.params, req.access_key_id) {
            ("rpc", Some(params), _) => {
                let signed = rpc::sign(&req.method, &params.0, &req.access_key_secret);
                to_js(&signed.map_err(|e| to_js_error(&e))?)
            }
            ("oss", _, Some(access_key_id)) => {
                let request = OssRequest {
                    method: req.method,
                    bucket: req.bucket,
                    key: req.key,
                    headers: req.headers.map(|h| h.0).unwrap_or_default(),
                    query: req.query.map(|q| q.0).unwrap_or_default(),
                };
                let creds = OssCredentials {
                    access_key_id,
                    access_key_secret: req.access_key_secret,
                    security_token: req.security_token,
                };
                let signed = oss::sign_header(&request, &creds).map_err(|e| to_js_error(&e))?;
                to_js(&OssAnswer(&signed))
            }
            _ => checked(&input),
        }
    }

    impl Request {
        /// Whether every string came across unchanged: a JS string with a lone surrogate (not
        /// UTF-16) arrives with U+FFFD in its place, where its JSON text is refused (`\ud800`),
        /// so such a request, or one with a real U+FFFD, goes to the text path, which decides.
        fn lossless(&self) -> bool {
            let clean = |t: &str| !t.contains('\u{FFFD}');
            let clean_pairs = |p: &Option<Pairs<String>>| {
                p.iter().flat_map(|p| &p.0).all(|(k, v)| clean(k) && clean(v))
            };
            let optional = [&self.bucket, &self.key, &self.access_key_id, &self.security_token];
            [&self.kind, &self.method, &self.access_key_secret]
                .into_iter()
                .all(|t| clean(t))
                && optional.into_iter().flatten().all(|t| clean(t))
                && clean_pairs(&self.params)
                && clean_pairs(&self.headers)
                && self.query.iter().flat_map(|q| &q.0).all(|(k, v)| {
                    clean(k) && v.as_deref().is_none_or(clean)
                })
        }
    }

    /// The contract's own reading of the request as JSON text: its precise errors, the other kinds.
    fn checked(input: &JsValue) -> Result<JsValue, JsValue> {
        // `JSON.stringify` of undefined (or of a value it refuses) is no text: read as `null`,
        // which the contract refuses as a request that is not an object.
        let text = js_sys::JSON::stringify(input)
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_else(|| "null".to_string());
        match contract::sign(&text) {
            Ok(answer) => to_js(&answer),
            Err(e) => Err(to_js_error(&e)),
        }
    }

    /// The `oss` answer as `contract::sign` writes it: the headers as an object.
    struct OssAnswer<'a>(&'a OssHeaderSignature);

    impl Serialize for OssAnswer<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let a = self.0;
            let mut map = s.serialize_map(Some(6))?;
            map.serialize_entry("canonicalizedOssHeaders", &a.canonicalized_oss_headers)?;
            map.serialize_entry("canonicalizedResource", &a.canonicalized_resource)?;
            map.serialize_entry("stringToSign", &a.string_to_sign)?;
            map.serialize_entry("signature", &a.signature)?;
            map.serialize_entry("authorization", &a.authorization)?;
            map.serialize_entry("headers", &Headers(&a.headers))?;
            map.end()
        }
    }

    struct Headers<'a>(&'a [(String, String)]);

    impl Serialize for Headers<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }
}
