//! Every error the contract's `sign` and `request` give carries a catalog message (`text`,
//! `{id, args}`) whose words exist in English and Chinese: a table of bad inputs, one per cause.

use rolehop::catalog::{render_json, Lang};
use rolehop::contract::{request, sign_text, to_text};
use serde_json::{json, Value};

const TIME: &str = "2026-01-01T00:00:00Z";
const ARN: &str = "acs:ram::1234567890123456:role/admin-oss";

fn creds() -> Value {
    json!({"accessKeyId": "LTAI5tExampleId", "accessKeySecret": "secret"})
}

/// A `request` input: AssumeRole with `patch` applied (a null value removes the field).
fn assume(patch: Value) -> String {
    let mut input = json!({"action": "AssumeRole", "credentials": creds(), "time": TIME,
        "nonce": "n-1", "roleArn": ARN, "roleSessionName": "alice"});
    merge(&mut input, patch);
    input.to_string()
}

fn oss(patch: Value) -> String {
    let mut input = json!({"action": "ListObjects", "credentials": creds(), "time": TIME,
        "bucket": "examplebucket"});
    merge(&mut input, patch);
    input.to_string()
}

fn merge(input: &mut Value, patch: Value) {
    for (k, v) in patch.as_object().cloned().unwrap_or_default() {
        match v {
            Value::Null => {
                input.as_object_mut().unwrap().remove(&k);
            }
            v => input[k] = v,
        }
    }
}

fn sign_input(patch: Value) -> String {
    let mut input = json!({"kind": "oss", "method": "GET", "bucket": "examplebucket", "key": "a.txt",
        "headers": {"Date": "Thu, 01 Jan 2026 00:00:00 GMT"},
        "accessKeyId": "LTAI5tExampleId", "accessKeySecret": "secret"});
    merge(&mut input, patch);
    input.to_string()
}

fn bad_requests() -> Vec<String> {
    vec![
        "{".into(),
        "[]".into(),
        json!({"action": "AssumeRoles"}).to_string(),
        assume(json!({"credentials": null})),
        assume(json!({"credentials": {"accessKeyId": "a", "accessKeySecret": "b", "token": "t"}})),
        assume(json!({"credentials": {"accessKeyId": "a:b", "accessKeySecret": "b"}})),
        assume(json!({"credentials": {"accessKeyId": "a", "accessKeySecret": ""}})),
        assume(json!({"credentials": {"accessKeyId": "STS.a", "accessKeySecret": "b"}})),
        assume(json!({"credentials": {"accessKeyId": "STS.a", "accessKeySecret": "b", "securityToken": "a b"}})),
        assume(json!({"time": "yesterday"})),
        assume(json!({"time": 5})),
        assume(json!({"nonce": null})),
        assume(json!({"nonce": "a b"})),
        assume(json!({"roleArm": ARN})),
        assume(json!({"zzzzzzzz": 1})),
        assume(json!({"roleArn": null})),
        assume(json!({"roleArn": "arn:aws:iam::1:role/x"})),
        assume(json!({"roleArn": "acs:ram::acme:role/x"})),
        assume(json!({"roleArn": "acs:ram::1234567890123456:role/a_b"})),
        assume(json!({"roleSessionName": "a"})),
        assume(json!({"roleSessionName": "a b"})),
        assume(json!({"durationSeconds": 60})),
        assume(json!({"durationSeconds": "900"})),
        assume(json!({"policy": "[1]"})),
        assume(json!({"policy": "{\"Version\": }"})),
        assume(json!({"endpoint": "http://sts.aliyuncs.com"})),
        assume(json!({"endpoint": "ftp://sts.aliyuncs.com"})),
        assume(json!({"endpoint": "sts.aliyuncs.com/path"})),
        assume(json!({"endpoint": "user@sts.aliyuncs.com"})),
        assume(json!({"endpoint": "sts.aliyuncs.com:8443"})),
        assume(json!({"endpoint": "sts.example.com"})),
        assume(json!({"endpoint": "127.0.0.1"})),
        assume(json!({"endpoint": "sts_x.aliyuncs.com"})),
        assume(json!({"endpoint": "ｓts.aliyuncs.com"})),
        assume(json!({"endpoint": "-sts.aliyuncs.com"})),
        assume(json!({"endpoint": ""})),
        assume(json!({"region": "cn-hangzhou"})),
        assume(json!({"bucket": "b-1"})),
        json!({"action": "UpdateRole", "credentials": creds(), "time": TIME, "nonce": "n", "roleName": "r"}).to_string(),
        json!({"action": "GetPolicy", "credentials": creds(), "time": TIME, "nonce": "n", "policyName": "p", "policyType": "Managed"}).to_string(),
        json!({"action": "CreatePolicy", "credentials": creds(), "time": TIME, "nonce": "n", "policyName": "p_q", "policyDocument": "{}"}).to_string(),
        json!({"action": "CreateUser", "credentials": creds(), "time": TIME, "nonce": "n", "userName": "a@b"}).to_string(),
        json!({"action": "CreateRole", "credentials": creds(), "time": TIME, "nonce": "n", "roleName": "r", "assumeRolePolicyDocument": "{}", "maxSessionDuration": 60}).to_string(),
        json!({"action": "AssumeRole", "credentials": creds(), "time": TIME, "nonce": "n", "roleArn": ARN, "roleSessionName": "alice", "externalId": "a#b"}).to_string(),
        oss(json!({"bucket": null})),
        oss(json!({"bucket": "My_Bucket"})),
        oss(json!({"region": "oss-cn-hangzhou"})),
        oss(json!({"region": "CN"})),
        oss(json!({"region": "cn-hangzhou", "endpoint": "oss-cn-hangzhou.aliyuncs.com"})),
        oss(json!({"endpoint": "sts.aliyuncs.com"})),
        oss(json!({"endpoint": "examplebucket.oss-cn-hangzhou.aliyuncs.com", "bucket": "other-bucket"})),
        oss(json!({"prefix": "k".repeat(1024)})),
        oss(json!({"maxKeys": 0})),
        oss(json!({"marker": 5})),
        json!({"action": "ListObjectsV2", "credentials": creds(), "time": TIME, "bucket": "b-1", "continuationToken": ""}).to_string(),
        json!({"action": "ListObjectsV2", "credentials": creds(), "time": TIME, "bucket": "b-1", "fetchOwner": "yes"}).to_string(),
        json!({"action": "ListBuckets", "credentials": creds(), "time": TIME, "bucket": "b-1"}).to_string(),
    ]
}

fn bad_signs() -> Vec<String> {
    vec![
        "not json".into(),
        json!({"kind": "x"}).to_string(),
        json!({"kind": 5}).to_string(),
        json!({"kind": "rpc", "method": "PUT", "params": {}, "accessKeySecret": "s"}).to_string(),
        json!({"kind": "rpc", "method": "GET", "accessKeySecret": "s"}).to_string(),
        json!({"kind": "rpc", "method": "GET", "params": {"Signature": "x"}, "accessKeySecret": "s"}).to_string(),
        json!({"kind": "rpc", "method": "GET", "params": {"A": [1]}, "accessKeySecret": "s"}).to_string(),
        sign_input(json!({"headers": {}})),
        sign_input(json!({"headers": {"Date": "yesterday"}})),
        sign_input(json!({"headers": {"Date": "Thu, 01 Jan 2026 00:00:00 GMT", "bad header": "x"}})),
        sign_input(json!({"headers": {"Date": "Thu, 01 Jan 2026 00:00:00 GMT", "x-a": "1", "X-A": "2"}})),
        sign_input(json!({"headers": {"Date": "Thu, 01 Jan 2026 00:00:00 GMT", "x-a": "名"}})),
        sign_input(json!({"headers": {"Date": "Thu, 01 Jan 2026 00:00:00 GMT", "x-oss-security-token": "a"}, "securityToken": "b"})),
        sign_input(json!({"method": "FETCH"})),
        sign_input(json!({"bucket": "B"})),
        sign_input(json!({"bucket": null})),
        sign_input(json!({"key": "/a"})),
        sign_input(json!({"key": "k".repeat(1024)})),
        sign_input(json!({"accessKeyId": ""})),
        sign_input(json!({"accessKeySecret": ""})),
        sign_input(json!({"securityToken": " "})),
        sign_input(json!({"kind": "oss-presign", "expires": 0, "endpoint": "oss-cn-hangzhou.aliyuncs.com"})),
        sign_input(json!({"kind": "oss-presign", "expires": 1, "endpoint": "example.com"})),
        sign_input(json!({"kind": "oss-presign", "expires": 1, "endpoint": "oss-cn-hangzhou.aliyuncs.com", "cname": true})),
        sign_input(json!({"kind": "oss-presign", "expires": 1, "endpoint": "cdn.example.com", "cname": true, "bucket": null, "key": null})),
        sign_input(json!({"kind": "oss-presign", "expires": 1, "endpoint": "oss-cn-hangzhou.aliyuncs.com", "query": {"Expires": "1"}})),
        sign_input(json!({"kind": "oss-presign", "expires": 1, "endpoint": "oss-cn-hangzhou.aliyuncs.com", "key": ".."})),
        sign_input(json!({"kind": "oss-presign", "expires": 1, "endpoint": "oss-cn-hangzhou.aliyuncs.com", "securityToken": "a", "query": {"security-token": "b"}})),
        json!({"kind": "post-policy", "policy": "{", "accessKeyId": "a", "accessKeySecret": "s"}).to_string(),
        json!({"kind": "post-policy", "policy": "[]", "accessKeyId": "a", "accessKeySecret": "s"}).to_string(),
        json!({"kind": "post-policy", "policy": "{}", "accessKeyId": "a", "accessKeySecret": "s"}).to_string(),
        json!({"kind": "post-policy", "policy": "{\"expiration\": 1}", "accessKeyId": "a", "accessKeySecret": "s"}).to_string(),
        json!({"kind": "post-policy", "policy": "{\"expiration\": \"soon\"}", "accessKeyId": "a", "accessKeySecret": "s"}).to_string(),
        json!({"kind": "post-policy", "policy": "{\"expiration\": \"2026-01-01T00:00:00Z\"}", "accessKeyId": "a", "accessKeySecret": "s"}).to_string(),
        json!({"kind": "post-policy", "policy": "{\"expiration\": \"2026-01-01T00:00:00Z\", \"conditions\": {}}", "accessKeyId": "a", "accessKeySecret": "s"}).to_string(),
        json!({"kind": "post-policy", "policy": "{\"expiration\": \"2026-01-01T00:00:00Z\", \"conditions\": []}", "accessKeyId": "", "accessKeySecret": "s"}).to_string(),
    ]
}

/// The error's words: its `text` rendered in both languages, with every placeholder filled.
fn check_words(input: &str, error: &Value, ids: &mut std::collections::BTreeSet<String>) {
    let text = &error["text"];
    let id = text["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{input}: no message id in {error}"));
    assert!(id.starts_with("core_"), "{input}: {id}");
    assert_eq!(
        error["message"].as_str(),
        Some(id),
        "{input}: the message is the id"
    );
    for lang in [Lang::En, Lang::Zh] {
        let words = render_json(text, lang);
        let unfilled = text["args"]
            .as_object()
            .into_iter()
            .flatten()
            .any(|(name, _)| words.contains(&format!("${name}$")));
        assert!(
            !words.contains("core_") && !unfilled && words.chars().count() > 10,
            "{input}: {lang:?} renders {words:?}"
        );
    }
    ids.insert(id.to_string());
}

#[test]
fn every_sign_and_request_error_has_words_in_both_languages() {
    let mut ids = std::collections::BTreeSet::new();
    for input in bad_requests() {
        let answer: Value = serde_json::from_str(&to_text(&request(&input))).unwrap();
        let error = answer
            .get("error")
            .unwrap_or_else(|| panic!("{input}: accepted: {answer}"));
        check_words(&input, error, &mut ids);
    }
    for input in bad_signs() {
        let answer: Value = serde_json::from_str(&sign_text(&input)).unwrap();
        let error = answer
            .get("error")
            .unwrap_or_else(|| panic!("{input}: accepted: {answer}"));
        check_words(&input, error, &mut ids);
    }
    // The table reaches most of the causes (one id per cause).
    assert!(ids.len() >= 60, "{} ids: {ids:?}", ids.len());
}
