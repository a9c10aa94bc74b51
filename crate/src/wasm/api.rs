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
    // Flags and strings: serialising them cannot fail.
    serde_json::to_string(&contract::self_check()).unwrap_or_default()
}

/// Open console, one step at a time: `{"step": "assume" | "answer" | "token" | "tokenAnswer" |
/// "login", ...}` (crate/src/contract/console.rs). The worker sends the requests it returns.
#[wasm_bindgen(js_name = consoleSignin)]
pub fn console_signin(input: &str) -> String {
    contract::to_text(&contract::console_signin(input))
}

/// Bench only (feature `wasm-swb`, bench/boundary): `sign` of an `rpc` or `oss` request taking and
/// returning JS values through serde-wasm-bindgen; the same signers and the same answer as
/// `sign`, errors thrown.
#[cfg(feature = "wasm-swb")]
#[wasm_bindgen(js_name = signValue)]
pub fn sign_value(
    input: wasm_bindgen::JsValue,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    by_value::sign(input)
}

#[cfg(feature = "wasm-swb")]
mod by_value {
    use super::super::values::{from_js, to_js, to_js_error, Pairs};
    use crate::error::{Error, ErrorKind};
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
        let req: Request = from_js(input)?;
        match req.kind.as_str() {
            "rpc" => {
                let params = req.params.map(|p| p.0).unwrap_or_default();
                let signed = rpc::sign(&req.method, &params, &req.access_key_secret);
                to_js(&signed.map_err(|e| to_js_error(&e))?)
            }
            "oss" => {
                let request = OssRequest {
                    method: req.method,
                    bucket: req.bucket,
                    key: req.key,
                    headers: req.headers.map(|h| h.0).unwrap_or_default(),
                    query: req.query.map(|q| q.0).unwrap_or_default(),
                };
                let creds = OssCredentials {
                    access_key_id: req.access_key_id.unwrap_or_default(),
                    access_key_secret: req.access_key_secret,
                    security_token: req.security_token,
                };
                let signed = oss::sign_header(&request, &creds).map_err(|e| to_js_error(&e))?;
                to_js(&OssAnswer(&signed))
            }
            other => Err(to_js_error(&Error::new(
                ErrorKind::Unsupported,
                format!("the bench's signValue signs rpc and oss requests, not {other}"),
            ))),
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
