//! `request`: exact requests for a fixed time and nonce. The golden signatures were cross-checked
//! with the official SDKs' own signing code (aliyun-python-sdk-core 2.16
//! `rpc_signature_composer.__compose_string_to_sign` / `__get_signature`, and oss2 2.19
//! `ProviderAuth.__get_bytes_to_sign` / `__make_signature` with an `x-oss-date` header).

use rolehop::contract::request;
use rolehop::ErrorKind;
use serde_json::{json, Value};

const TIME: &str = "2026-01-01T00:00:00Z";
const NONCE: &str = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf";
const ARN: &str = "acs:ram::1746000000000000:role/admin-oss";

fn build(mut fields: Value) -> Value {
    fields["time"] = TIME.into();
    if fields.get("credentials").is_none() {
        fields["credentials"] =
            json!({"accessKeyId": "LTAI5tExampleId", "accessKeySecret": "ExampleSecret"});
    }
    request(&fields.to_string()).unwrap_or_else(|e| panic!("{fields}: {e}"))
}

fn build_err(mut fields: Value) -> rolehop::Error {
    fields["time"] = fields.get("time").cloned().unwrap_or(TIME.into());
    if fields.get("credentials").is_none() {
        fields["credentials"] =
            json!({"accessKeyId": "LTAI5tExampleId", "accessKeySecret": "ExampleSecret"});
    }
    request(&fields.to_string()).expect_err(&fields.to_string())
}

/// The decoded form parameters of an RPC body, in order.
fn form(body: &Value) -> Vec<(String, String)> {
    let text = body.as_str().expect("an RPC body is text");
    text.split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap();
            let decode = |s: &str| {
                percent_encoding::percent_decode_str(s)
                    .decode_utf8()
                    .unwrap()
                    .into_owned()
            };
            (decode(k), decode(v))
        })
        .collect()
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn golden_assume_role() {
    let out = build(json!({
        "action": "AssumeRole", "nonce": NONCE, "roleArn": ARN,
        "roleSessionName": "alice", "durationSeconds": 3600,
    }));
    assert_eq!(
        out,
        json!({
            "method": "POST",
            "url": "https://sts.aliyuncs.com/",
            "headers": {"Content-Type": "application/x-www-form-urlencoded"},
            "body": "AccessKeyId=LTAI5tExampleId&Action=AssumeRole&DurationSeconds=3600&Format=JSON\
                     &RoleArn=acs%3Aram%3A%3A1746000000000000%3Arole%2Fadmin-oss&RoleSessionName=alice\
                     &SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\
                     &SignatureVersion=1.0&Timestamp=2026-01-01T00%3A00%3A00Z&Version=2015-04-01\
                     &Signature=SQd%2FYiSa58Vx9pyarJ0UyUyrewI%3D",
            "signing": {
                "canonicalQuery": "AccessKeyId=LTAI5tExampleId&Action=AssumeRole&DurationSeconds=3600&Format=JSON\
                     &RoleArn=acs%3Aram%3A%3A1746000000000000%3Arole%2Fadmin-oss&RoleSessionName=alice\
                     &SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\
                     &SignatureVersion=1.0&Timestamp=2026-01-01T00%3A00%3A00Z&Version=2015-04-01",
                "stringToSign": "POST&%2F&AccessKeyId%3DLTAI5tExampleId%26Action%3DAssumeRole%26DurationSeconds%3D3600\
                     %26Format%3DJSON%26RoleArn%3Dacs%253Aram%253A%253A1746000000000000%253Arole%252Fadmin-oss\
                     %26RoleSessionName%3Dalice%26SignatureMethod%3DHMAC-SHA1\
                     %26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0\
                     %26Timestamp%3D2026-01-01T00%253A00%253A00Z%26Version%3D2015-04-01",
                // aliyunsdkcore: __get_signature(string_to_sign, "ExampleSecret")
                "signature": "SQd/YiSa58Vx9pyarJ0UyUyrewI=",
            }
        })
    );
}

#[test]
fn assume_role_with_sts_credentials_session_policy_and_external_id() {
    let policy =
        r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:List*","Resource":"*"}]}"#;
    let out = build(json!({
        "action": "AssumeRole", "nonce": NONCE, "roleArn": ARN, "roleSessionName": "alice",
        "durationSeconds": 3600, "policy": policy, "externalId": "abc-123:x/y",
        "credentials": {"accessKeyId": "LTAI5tExampleId", "accessKeySecret": "StsSecret",
                        "securityToken": "CAIS+token/with=chars"},
    }));
    // aliyunsdkcore on the same parameters and secret "StsSecret".
    assert_eq!(out["signing"]["signature"], "y6DesjTdJ7CF1fQMKzX7zIU/35g=");
    let params = form(&out["body"]);
    assert_eq!(
        param(&params, "SecurityToken"),
        Some("CAIS+token/with=chars")
    );
    assert_eq!(param(&params, "Policy"), Some(policy));
    assert_eq!(param(&params, "ExternalId"), Some("abc-123:x/y"));
    assert!(out["body"]
        .as_str()
        .unwrap()
        .contains("SecurityToken=CAIS%2Btoken%2Fwith%3Dchars"));
}

#[test]
fn get_caller_identity_has_only_common_parameters() {
    let out = build(json!({"action": "GetCallerIdentity", "nonce": "n-1"}));
    let names: Vec<String> = form(&out["body"]).into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        names,
        [
            "AccessKeyId",
            "Action",
            "Format",
            "SignatureMethod",
            "SignatureNonce",
            "SignatureVersion",
            "Timestamp",
            "Version",
            "Signature"
        ]
    );
    assert_eq!(out["url"], "https://sts.aliyuncs.com/");
}

#[test]
fn ram_actions_carry_their_parameters() {
    let doc = r#"{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1888000000000000:root"]}}],"Version":"1"}"#;
    let cases: Vec<(Value, Vec<(&str, &str)>)> = vec![
        (
            json!({"action": "GetRole", "roleName": "admin-oss"}),
            vec![("RoleName", "admin-oss")],
        ),
        (
            json!({"action": "CreateRole", "roleName": "admin-oss", "assumeRolePolicyDocument": doc,
                   "description": "Company B reads OSS", "maxSessionDuration": 7200}),
            vec![
                ("RoleName", "admin-oss"),
                ("AssumeRolePolicyDocument", doc),
                ("Description", "Company B reads OSS"),
                ("MaxSessionDuration", "7200"),
            ],
        ),
        (
            json!({"action": "UpdateRole", "roleName": "admin-oss", "newMaxSessionDuration": 43200}),
            vec![
                ("RoleName", "admin-oss"),
                ("NewMaxSessionDuration", "43200"),
            ],
        ),
        (
            json!({"action": "AttachPolicyToRole", "roleName": "admin-oss", "policyType": "System",
                   "policyName": "AliyunOSSReadOnlyAccess"}),
            vec![
                ("PolicyType", "System"),
                ("PolicyName", "AliyunOSSReadOnlyAccess"),
                ("RoleName", "admin-oss"),
            ],
        ),
        (
            json!({"action": "ListPoliciesForRole", "roleName": "admin-oss"}),
            vec![("RoleName", "admin-oss")],
        ),
        (
            json!({"action": "CreateUser", "userName": "alice_b", "displayName": "Alice (B)", "comments": "auditor"}),
            vec![
                ("UserName", "alice_b"),
                ("DisplayName", "Alice (B)"),
                ("Comments", "auditor"),
            ],
        ),
        (
            json!({"action": "AttachPolicyToUser", "userName": "alice", "policyType": "System",
                   "policyName": "AliyunSTSAssumeRoleAccess"}),
            vec![
                ("PolicyType", "System"),
                ("PolicyName", "AliyunSTSAssumeRoleAccess"),
                ("UserName", "alice"),
            ],
        ),
        (
            json!({"action": "ListPoliciesForUser", "userName": "alice"}),
            vec![("UserName", "alice")],
        ),
        (
            json!({"action": "CreatePolicy", "policyName": "oss-reports-read", "policyDocument": doc,
                   "description": "read reports"}),
            vec![
                ("PolicyName", "oss-reports-read"),
                ("PolicyDocument", doc),
                ("Description", "read reports"),
            ],
        ),
        (
            json!({"action": "GetPolicy", "policyName": "AliyunOSSReadOnlyAccess", "policyType": "System"}),
            vec![
                ("PolicyName", "AliyunOSSReadOnlyAccess"),
                ("PolicyType", "System"),
            ],
        ),
        (json!({"action": "GetAccountAlias"}), vec![]),
    ];
    for (mut fields, expected) in cases {
        fields["nonce"] = NONCE.into();
        let action = fields["action"].as_str().unwrap().to_string();
        let out = build(fields);
        assert_eq!(out["url"], "https://ram.aliyuncs.com/", "{action}");
        let params = form(&out["body"]);
        assert_eq!(param(&params, "Action"), Some(action.as_str()));
        assert_eq!(param(&params, "Version"), Some("2015-05-01"));
        assert_eq!(param(&params, "Format"), Some("JSON"));
        let own: Vec<(&str, &str)> = params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .filter(|(k, _)| {
                ![
                    "AccessKeyId",
                    "Action",
                    "Format",
                    "SignatureMethod",
                    "SignatureNonce",
                    "SignatureVersion",
                    "Timestamp",
                    "Version",
                    "Signature",
                ]
                .contains(k)
            })
            .collect();
        let mut expected = expected;
        expected.sort();
        assert_eq!(own, expected, "{action}");
    }
}

#[test]
fn golden_get_role_body() {
    let out = build(json!({"action": "GetRole", "roleName": "admin-oss", "nonce": NONCE}));
    // aliyunsdkcore, secret "ExampleSecret".
    assert_eq!(out["signing"]["signature"], "MHqk7MbCtpj6aPV9DgjiFKD1vfE=");
}

#[test]
fn endpoint_overrides_stay_on_aliyuncs_com() {
    let out = build(
        json!({"action": "GetCallerIdentity", "nonce": NONCE, "endpoint": "sts.cn-hangzhou.aliyuncs.com"}),
    );
    assert_eq!(out["url"], "https://sts.cn-hangzhou.aliyuncs.com/");
    for evil in [
        "sts.aliyuncs.com.evil.com",
        "evil.com",
        "http://sts.aliyuncs.com",
        "aliyuncs.com",
        "127.0.0.1",
        "sts.aliyuncs.com:8443",
        "user@sts.aliyuncs.com",
        "sts.aliyuncs.com/x",
    ] {
        let e = build_err(json!({"action": "GetCallerIdentity", "nonce": NONCE, "endpoint": evil}));
        assert_eq!(
            (e.kind, e.path.as_deref()),
            (ErrorKind::InvalidValue, Some("$.endpoint")),
            "{evil}"
        );
        let e = build_err(json!({"action": "ListBuckets", "endpoint": evil}));
        assert_eq!(e.path.as_deref(), Some("$.endpoint"), "{evil}");
    }
}

#[test]
fn oss_endpoints_are_the_documented_shapes() {
    for (endpoint, url) in [
        (
            "oss-cn-beijing.aliyuncs.com",
            "https://examplebucket.oss-cn-beijing.aliyuncs.com/",
        ),
        (
            "https://OSS-CN-Beijing-Internal.aliyuncs.com:443/",
            "https://examplebucket.oss-cn-beijing-internal.aliyuncs.com/",
        ),
        (
            "cn-beijing.oss.aliyuncs.com",
            "https://examplebucket.cn-beijing.oss.aliyuncs.com/",
        ),
        (
            "oss-accelerate.aliyuncs.com",
            "https://examplebucket.oss-accelerate.aliyuncs.com/",
        ),
    ] {
        let out = build(
            json!({"action": "GetBucketInfo", "bucket": "examplebucket", "endpoint": endpoint}),
        );
        assert_eq!(
            out["url"].as_str(),
            Some(format!("{url}?bucketInfo").as_str()),
            "{endpoint}"
        );
    }
    // Under aliyuncs.com but not OSS: an OSS request (and its STS token) does not go there.
    for not_oss in [
        "sts.aliyuncs.com",
        "ecs.cn-hangzhou.aliyuncs.com",
        "oss.aliyuncs.com.evil.com",
    ] {
        let e = build_err(json!({"action": "ListBuckets", "endpoint": not_oss}));
        assert_eq!(
            (e.kind, e.path.as_deref()),
            (ErrorKind::InvalidValue, Some("$.endpoint")),
            "{not_oss}"
        );
        assert!(e.en().contains("is not an OSS endpoint"), "{}", e.en());
    }
}

#[test]
fn golden_list_buckets() {
    let out = build(json!({"action": "ListBuckets"}));
    assert_eq!(
        out,
        json!({
            "method": "GET",
            "url": "https://oss-cn-hangzhou.aliyuncs.com/",
            "headers": {
                "x-oss-date": "Thu, 01 Jan 2026 00:00:00 GMT",
                "Authorization": "OSS LTAI5tExampleId:mZB8bzGJu2naAEfQqIJNX6nqvuw=",
            },
            "body": null,
            "signing": {
                "canonicalizedResource": "/",
                "stringToSign": "GET\n\n\nThu, 01 Jan 2026 00:00:00 GMT\nx-oss-date:Thu, 01 Jan 2026 00:00:00 GMT\n/",
                // oss2: ProviderAuth.__make_signature with x-oss-date, secret "ExampleSecret".
                "signature": "mZB8bzGJu2naAEfQqIJNX6nqvuw=",
            }
        })
    );
}

#[test]
fn golden_list_objects_v2_with_sts_credentials() {
    let out = build(json!({
        "action": "ListObjectsV2", "bucket": "examplebucket", "region": "cn-shanghai",
        "prefix": "photos/", "delimiter": "/", "continuationToken": "ChR0ZXN0", "maxKeys": 100,
        "fetchOwner": true,
        "credentials": {"accessKeyId": "STS.NExample", "accessKeySecret": "StsSecret",
                        "securityToken": "CAIS+token/with=chars"},
    }));
    assert_eq!(
        out["url"],
        "https://examplebucket.oss-cn-shanghai.aliyuncs.com/?list-type=2&prefix=photos%2F&delimiter=%2F\
         &continuation-token=ChR0ZXN0&max-keys=100&fetch-owner=true"
    );
    assert_eq!(
        out["headers"],
        json!({
            "x-oss-date": "Thu, 01 Jan 2026 00:00:00 GMT",
            "x-oss-security-token": "CAIS+token/with=chars",
            "Authorization": "OSS STS.NExample:9KJoXQZtvCckVg6jQ1/PMPZt2AU=",
        })
    );
    assert_eq!(
        out["signing"]["stringToSign"],
        "GET\n\n\nThu, 01 Jan 2026 00:00:00 GMT\nx-oss-date:Thu, 01 Jan 2026 00:00:00 GMT\n\
         x-oss-security-token:CAIS+token/with=chars\n/examplebucket/?continuation-token=ChR0ZXN0"
    );
    assert_eq!(
        out["signing"]["canonicalizedResource"],
        "/examplebucket/?continuation-token=ChR0ZXN0"
    );
}

#[test]
fn golden_get_bucket_info_and_list_objects_v1() {
    let out = build(json!({"action": "GetBucketInfo", "bucket": "examplebucket"}));
    assert_eq!(
        out["url"],
        "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?bucketInfo"
    );
    assert_eq!(
        out["headers"]["Authorization"],
        "OSS LTAI5tExampleId:zr0eaCrhMnVj1N5Y2BKp/0T4PBA="
    );
    assert_eq!(
        out["signing"]["canonicalizedResource"],
        "/examplebucket/?bucketInfo"
    );

    let out = build(json!({
        "action": "ListObjects", "bucket": "examplebucket", "endpoint": "oss-cn-beijing.aliyuncs.com",
        "prefix": "a b/", "marker": "a b/x+y", "maxKeys": 10, "delimiter": "/", "nonce": "ignored",
    }));
    assert_eq!(
        out["url"],
        "https://examplebucket.oss-cn-beijing.aliyuncs.com/?prefix=a%20b%2F&delimiter=%2F&marker=a%20b%2Fx%2By&max-keys=10"
    );
    // Ordinary query parameters are not signed.
    assert_eq!(out["signing"]["canonicalizedResource"], "/examplebucket/");
}

#[test]
fn typos_and_misplaced_fields_are_named() {
    let e = build_err(
        json!({"action": "AssumeRole", "nonce": NONCE, "roleArm": ARN, "roleSessionName": "alice"}),
    );
    assert_eq!(e.path.as_deref(), Some("$.roleArm"));
    assert!(e.en().contains("write \"roleArn\""), "{}", e.en());
    let e =
        build_err(json!({"action": "GetRole", "nonce": NONCE, "roleName": "r", "userName": "u"}));
    assert_eq!(e.path.as_deref(), Some("$.userName"));
    let e = build_err(json!({"action": "AssumeRoles"}));
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert!(e.en().contains("AssumeRole, GetRole"), "{}", e.en());
    let e = build_err(json!({"action": "GetCallerIdentity", "nonce": NONCE,
        "credentials": {"accessKeyId": "a", "accessKeySecret": "b", "securtyToken": "t"}}));
    assert_eq!(e.path.as_deref(), Some("$.credentials.securtyToken"));
    let e =
        build_err(json!({"action": "GetCallerIdentity", "nonce": NONCE, "region": "cn-hangzhou"}));
    assert_eq!(e.path.as_deref(), Some("$.region"));
    let e = build_err(json!({"action": "GetCallerIdentity"}));
    assert_eq!(
        (e.kind, e.path.as_deref()),
        (ErrorKind::MissingField, Some("$.nonce"))
    );
    let e = build_err(json!({"action": "ListObjects"}));
    assert_eq!(
        (e.kind, e.path.as_deref()),
        (ErrorKind::MissingField, Some("$.bucket"))
    );
    let e = build_err(json!({"action": "ListBuckets", "bucket": "examplebucket"}));
    assert_eq!(e.path.as_deref(), Some("$.bucket"));
    let e = build_err(
        json!({"action": "ListBuckets", "region": "cn-hangzhou", "endpoint": "oss-cn-hangzhou.aliyuncs.com"}),
    );
    assert_eq!(e.path.as_deref(), Some("$.region"));
    // A bucket's own domain name serves that bucket only; otherwise the region endpoint is named.
    let own = build(json!({"action": "ListObjects", "bucket": "examplebucket",
        "endpoint": "examplebucket.oss-cn-hangzhou.aliyuncs.com"}));
    assert_eq!(
        own["url"],
        "https://examplebucket.oss-cn-hangzhou.aliyuncs.com/"
    );
    let e = build_err(json!({"action": "ListObjects", "bucket": "otherbucket",
        "endpoint": "examplebucket.oss-cn-hangzhou.aliyuncs.com"}));
    assert_eq!(e.path.as_deref(), Some("$.endpoint"));
    assert!(
        e.en().contains("oss-cn-hangzhou.aliyuncs.com"),
        "{}",
        e.en()
    );
    let e = build_err(json!({"action": "UpdateRole", "nonce": NONCE, "roleName": "admin-oss"}));
    assert_eq!(e.kind, ErrorKind::MissingField);
    assert!(e
        .en()
        .contains("newAssumeRolePolicyDocument, newDescription, newMaxSessionDuration"));
    let e = build_err(json!({"action": "GetRole", "nonce": NONCE, "roleName": 5}));
    assert_eq!(e.path.as_deref(), Some("$.roleName"));
    let e = build_err(
        json!({"action": "ListObjectsV2", "bucket": "examplebucket", "fetchOwner": "yes"}),
    );
    assert_eq!(e.en(), "fetchOwner must be true or false, not a string.");
}

#[test]
fn null_fields_are_absent() {
    let out = build(
        json!({"action": "AssumeRole", "nonce": NONCE, "roleArn": ARN, "roleSessionName": "alice",
                           "policy": null, "endpoint": null,
                           "credentials": {"accessKeyId": "LTAI5tExampleId", "accessKeySecret": "ExampleSecret", "securityToken": null}}),
    );
    assert_eq!(
        out["signing"]["signature"],
        build(
            json!({"action": "AssumeRole", "nonce": NONCE, "roleArn": ARN, "roleSessionName": "alice"})
        )["signing"]["signature"]
    );
    assert!(!out["body"].as_str().unwrap().contains("Policy="));
}
