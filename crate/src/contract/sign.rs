//! `sign`: the four signing requests of the JSON contract (`rpc`, `oss`, `oss-presign`,
//! `post-policy`). Each answers with every signing stage.

use super::fields::{parse_object, Object};
use crate::error::{Error, ErrorKind, Result};
use crate::sign::oss::{OssCredentials, OssRequest};
use crate::sign::{oss, post_policy, rpc};
use serde_json::{json, Value};

/// Handles one `sign` request given as JSON text.
pub fn sign(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    match req.required_str("kind")? {
        "rpc" => sign_rpc(&req),
        "oss" => sign_oss(&req),
        "oss-presign" => presign_oss(&req),
        "post-policy" => sign_post_policy(&req),
        other => Err(Error::new(
            ErrorKind::Unsupported,
            format!("unknown kind {other:?}: use rpc, oss, oss-presign or post-policy"),
        )
        .at("$.kind")),
    }
}

fn sign_rpc(req: &Object) -> Result<Value> {
    let method = req.required_str("method")?;
    let params = req.string_map("params")?;
    if req.get("params").is_none() {
        return Err(Error::missing("$.params"));
    }
    let secret = req.required_str("accessKeySecret")?;
    let signed = rpc::sign(method, &params, secret)?;
    Ok(to_json(&signed))
}

fn oss_request(req: &Object) -> Result<(OssRequest, OssCredentials)> {
    let request = OssRequest {
        method: req.required_str("method")?.to_string(),
        bucket: req.optional_str("bucket")?.map(str::to_string),
        key: req.optional_str("key")?.map(str::to_string),
        headers: req.string_map("headers")?,
        query: req.query_map("query")?,
    };
    let creds = OssCredentials {
        access_key_id: req.required_str("accessKeyId")?.to_string(),
        access_key_secret: req.required_str("accessKeySecret")?.to_string(),
        security_token: req.optional_str("securityToken")?.map(str::to_string),
    };
    Ok((request, creds))
}

fn sign_oss(req: &Object) -> Result<Value> {
    let (request, creds) = oss_request(req)?;
    let signed = oss::sign_header(&request, &creds)?;
    let mut out = to_json(&signed);
    // Headers as an object for JSON users: {"Authorization": "...", ...}.
    out["headers"] = signed
        .headers
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect::<serde_json::Map<_, _>>()
        .into();
    Ok(out)
}

fn presign_oss(req: &Object) -> Result<Value> {
    let (request, creds) = oss_request(req)?;
    let expires = req.required_i64("expires")?;
    let endpoint = req.required_str("endpoint")?;
    Ok(to_json(&oss::presign(&request, &creds, expires, endpoint)?))
}

fn sign_post_policy(req: &Object) -> Result<Value> {
    let policy = req.required_str("policy")?;
    let id = req.required_str("accessKeyId")?;
    let secret = req.required_str("accessKeySecret")?;
    Ok(to_json(&post_policy::sign(policy, id, secret)?))
}

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    // Serialising plain structs of strings cannot fail.
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The popup's live self-check: signs the public RPC vector and compares with the documented
/// signature.
pub fn self_check() -> Value {
    const EXPECTED: &str = "OLeaidS1JvxuMvnyHOwuJ+uX5qY=";
    let params: Vec<(String, String)> = [
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Version", "2014-05-26"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let actual = rpc::sign("GET", &params, "testsecret")
        .map(|s| s.signature)
        .unwrap_or_default();
    json!({
        "ok": actual == EXPECTED,
        "check": "RPC signature V1, public vector (DescribeRegions)",
        "expected": EXPECTED,
        "actual": actual,
    })
}
