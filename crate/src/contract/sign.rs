//! `sign`: the four signing requests of the JSON contract (`rpc`, `oss`, `oss-presign`,
//! `post-policy`). Each answers with every signing stage.
//!
//! Two readers of the request: a fast typed one (`fast`) for well-formed requests, and the
//! checked one below, which reads the request's types (`input`) through the one path-reporting
//! reader and says precisely what is wrong. Both hand the signers the same values, so they
//! answer alike (tests below and tests/oracle hold them to it); the fast one only saves the
//! `serde_json::Value` tree.

mod answer;
mod fast;
pub(super) mod input;

use crate::error::Result;
use crate::read::{parse_json, Entries, Scalar};
use crate::sign::oss::{OssCredentials, OssRequest};
use crate::sign::{oss, post_policy, rpc};
/// The JSON string writer, also used by the profile answers (2,000 profiles per popup open).
pub(super) use answer::write_string;
use answer::Signed;
use input::{OssPresignRequest, OssRequestFields, SignRequest};
use serde::Serialize;
use serde_json::Value;

/// Handles one `sign` request given as JSON text.
pub fn sign(input: &str) -> Result<Value> {
    signed(input).map(Signed::into_value)
}

/// [`sign`] as JSON text, identical to `to_text(&sign(input))` but written straight from the
/// signature (the wasm export's path: no intermediate `Value`).
pub fn sign_text(input: &str) -> String {
    match signed(input) {
        Ok(signed) => signed.to_text(),
        Err(e) => super::to_text(&Err(e)),
    }
}

fn signed(input: &str) -> Result<Signed> {
    fast::sign(input).unwrap_or_else(|| sign_checked(input))
}

/// The checked path: the typed request ([`SignRequest`]), read with a precise error on failure.
fn sign_checked(input: &str) -> Result<Signed> {
    let value = parse_json(input)?;
    match SignRequest::read(&value)? {
        SignRequest::Rpc(req) => {
            let params = texts(req.params);
            rpc::sign(req.method, &params, req.access_key_secret).map(Signed::Rpc)
        }
        SignRequest::Oss(req) => {
            let (request, creds) = oss_request(req);
            oss::sign_header(&request, &creds).map(Signed::OssHeader)
        }
        SignRequest::OssPresign(OssPresignRequest { request, presign }) => {
            let (request, creds) = oss_request(request);
            let host = oss::PresignHost::new(presign.endpoint, presign.cname.unwrap_or(false));
            oss::presign(&request, &creds, presign.expires, host).map(Signed::OssPresign)
        }
        SignRequest::PostPolicy(req) => {
            post_policy::sign(req.policy, req.access_key_id, req.access_key_secret)
                .map(Signed::PostPolicy)
        }
    }
}

fn texts(entries: Entries<Scalar>) -> Vec<(String, String)> {
    entries.0.into_iter().map(|(k, v)| (k, v.0)).collect()
}

fn oss_request(req: OssRequestFields) -> (OssRequest, OssCredentials) {
    let text = |t: Option<&str>| t.map(str::to_string);
    let request = OssRequest {
        method: req.method.to_string(),
        bucket: text(req.bucket),
        key: text(req.key),
        headers: req.headers.map(texts).unwrap_or_default(),
        query: req
            .query
            .unwrap_or_default()
            .0
            .into_iter()
            .map(|(k, v)| (k, v.map(|v| v.0)))
            .collect(),
    };
    let creds = OssCredentials {
        access_key_id: req.access_key_id.to_string(),
        access_key_secret: req.access_key_secret.to_string(),
        security_token: text(req.security_token),
    };
    (request, creds)
}

/// The popup's live self-check: signs the public RPC vector and compares with the documented
/// signature.
pub fn self_check() -> SelfCheck {
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
    SelfCheck {
        ok: actual == EXPECTED,
        check: "RPC signature V1, public vector (DescribeRegions)",
        expected: EXPECTED,
        actual,
    }
}

/// `selfCheck()`'s answer: the public RPC vector signed in this runtime.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "SelfCheckResult"))]
pub struct SelfCheck {
    pub ok: bool,
    pub check: &'static str,
    pub expected: &'static str,
    pub actual: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::to_text;
    use serde_json::json;

    const DATE: &str = "Thu, 17 Nov 2005 18:49:58 GMT";

    fn valid_requests() -> Vec<String> {
        let policy = r#"{"expiration":"2013-12-01T12:00:00Z","conditions":[{"bucket":"ahaha"},["eq","$key","a\"b\\c\n"]]}"#;
        vec![
            json!({"kind": "rpc", "method": "GET", "accessKeySecret": "s",
                   "params": {"A": "1", "中文": "值 +*~", "N": 5, "F": 1.5, "E": 1e3, "Z": -0,
                              "U": 12345678901234567890u64, "T": true, "X": "\u{1F600}\n\""}})
            .to_string(),
            r#"{"kind":"rpc","method":"POST","params":{},"accessKeySecret":"s\u0026","extra":[1,{"a":null}]}"#
                .to_string(),
            json!({"kind": "oss", "method": "PUT", "bucket": "oss-example", "key": "a/b c",
                   "headers": {"Date": DATE, "X-OSS-Meta-A": " v\t", "Content-Type": "text/html"},
                   "query": {"acl": null, "uploadId": "", "partNumber": 3, "prefix": "p"},
                   "accessKeyId": "id", "accessKeySecret": "s", "securityToken": "tok"})
            .to_string(),
            json!({"kind": "oss", "method": "GET", "bucket": null, "key": null, "headers": null,
                   "query": null, "accessKeyId": "id", "accessKeySecret": "s",
                   "securityToken": null, "x-oss-date": 1})
            .to_string()
            .replace("\"headers\":null", &format!("\"headers\":{{\"date\":\"{DATE}\"}}")),
            json!({"kind": "oss-presign", "method": "GET", "bucket": "oss-example",
                   "key": "oss-api.pdf", "expires": 1141889120, "endpoint": "https://oss-cn-hangzhou.aliyuncs.com",
                   "query": {"versionId": "v1", "x": null}, "accessKeyId": "id",
                   "accessKeySecret": "s", "securityToken": "tok"})
            .to_string(),
            json!({"kind": "post-policy", "policy": policy, "accessKeyId": "id",
                   "accessKeySecret": "s"})
            .to_string(),
            // Well-formed requests the signers refuse: the signers' own errors.
            json!({"kind": "oss", "method": "GET", "bucket": "Bad_Bucket", "accessKeyId": "id",
                   "accessKeySecret": "s", "headers": {"Date": DATE}})
            .to_string(),
            json!({"kind": "rpc", "method": "PUT", "params": {}, "accessKeySecret": "s"})
                .to_string(),
        ]
    }

    #[test]
    fn fast_path_reads_well_formed_requests_as_the_checked_path_does() {
        for input in valid_requests() {
            let fast = fast::sign(&input).unwrap_or_else(|| panic!("fast path refused {input}"));
            let value = |r: Result<Signed>| r.map(Signed::into_value);
            assert_eq!(
                to_text(&value(fast)),
                to_text(&value(sign_checked(&input))),
                "{input}"
            );
        }
    }

    #[test]
    fn everything_else_goes_to_the_checked_path() {
        for input in [
            r#"{"kind":"rpc","method":"GET","params":{"A":"1","A":"2"},"accessKeySecret":"s"}"#,
            r#"{"kind":"rpc","method":"GET","params":{"A":null},"accessKeySecret":"s"}"#,
            r#"{"kind":"rpc","method":"GET","params":{"A":[1]},"accessKeySecret":"s"}"#,
            r#"{"kind":"rpc","method":"GET","accessKeySecret":"s"}"#,
            r#"{"kind":"rpc","kind":"rpc","method":"GET","params":{},"accessKeySecret":"s"}"#,
            r#"{"kind":"oss-presign","method":"GET","expires":1.0,"endpoint":"e","accessKeyId":"i","accessKeySecret":"s"}"#,
            r#"{"kind":"rpc","method":"GET","params":{},"accessKeySecret":"s","bucket":5}"#,
            r#"{"kind":"acs3"}"#,
            r#"{"kind":"rpc"} trailing"#,
            "[]",
        ] {
            assert!(fast::sign(input).is_none(), "{input}");
            assert_eq!(
                to_text(&sign(input)),
                to_text(&sign_checked(input).map(Signed::into_value))
            );
        }
        // The checked path's last-value-wins reading of a duplicated name.
        let dup =
            r#"{"kind":"rpc","method":"GET","params":{"A":"1","A":"2"},"accessKeySecret":"s"}"#;
        let answer = sign(dup).unwrap_or_default();
        assert_eq!(answer["canonicalQuery"], "A=2");
    }

    #[test]
    fn answers_written_as_text_equal_the_values_text() {
        let escapes = json!({"kind": "post-policy", "policy": "{\"a\":\"\\\u{1}\u{1F}\t\"}",
                             "accessKeyId": "i\"d\n", "accessKeySecret": "s"})
        .to_string();
        let errors = [r#"{"kind":"rpc"}"#, "[", r#"{"kind":"oss","method":"GET"}"#];
        let inputs = valid_requests()
            .into_iter()
            .chain([escapes])
            .chain(errors.map(str::to_string));
        for input in inputs {
            let text = sign_text(&input);
            assert_eq!(text, to_text(&sign(&input)), "{input}");
            // And as serde_json writes it from scratch.
            let reparsed: Value = serde_json::from_str(&text).unwrap_or_default();
            assert_eq!(text, reparsed.to_string(), "{input}");
        }
    }

    #[test]
    fn answers_keep_the_stage_order_of_the_signers_structs() {
        let params = vec![("A".to_string(), "1".to_string())];
        let s = rpc::sign("GET", &params, "s").unwrap_or_else(|e| panic!("{e}"));
        let expected = serde_json::to_value(&s).unwrap_or_default().to_string();
        assert_eq!(Signed::Rpc(s).into_value().to_string(), expected);
        let p = post_policy::sign(
            r#"{"expiration":"2013-12-01T12:00:00Z","conditions":[]}"#,
            "i",
            "s",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let expected = serde_json::to_value(&p).unwrap_or_default().to_string();
        assert_eq!(Signed::PostPolicy(p).into_value().to_string(), expected);
        let keys = |v: Value| v.as_object().map(|m| m.keys().cloned().collect::<Vec<_>>());
        let answer = sign(&valid_requests()[2]).unwrap_or_default();
        assert_eq!(
            keys(answer.clone()).unwrap_or_default(),
            [
                "canonicalizedOssHeaders",
                "canonicalizedResource",
                "stringToSign",
                "signature",
                "authorization",
                "headers"
            ]
        );
        assert_eq!(
            keys(answer["headers"].clone()).unwrap_or_default(),
            ["x-oss-security-token", "Authorization"]
        );
        let answer = sign(&valid_requests()[4]).unwrap_or_default();
        assert_eq!(
            keys(answer).unwrap_or_default(),
            [
                "canonicalizedOssHeaders",
                "canonicalizedResource",
                "stringToSign",
                "signature",
                "url"
            ]
        );
    }
}
