//! `parse` on realistic bodies (crate/tests/fixtures/responses/, shaped as the public API docs'
//! examples): typed results for successes, `apiError` with hints for service errors, and
//! `invalid-response` errors naming what is wrong in a success body.

use rolehop::catalog::{render_json, Lang};
use rolehop::contract::{parse, request};
use rolehop::ErrorKind;
use serde_json::{json, Value};

/// A hint (a catalog message) in English.
fn en(message: &Value) -> String {
    render_json(message, Lang::En)
}

/// A hint in Chinese.
fn zh(message: &Value) -> String {
    render_json(message, Lang::Zh)
}

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/responses/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn answer(action: &str, status: u16, headers: Value, body: &str) -> Value {
    json!({"action": action, "status": status, "headers": headers, "body": body})
}

fn result(action: &str, file: &str) -> Value {
    let out = parse(
        &answer(
            action,
            200,
            json!({"x-oss-request-id": "6773A0C1E5C2A43834B7F100"}),
            &fixture(file),
        )
        .to_string(),
    )
    .unwrap_or_else(|e| panic!("{file}: {e}"));
    out.get("result")
        .cloned()
        .unwrap_or_else(|| panic!("{file}: {out}"))
}

fn api_error(request: Value) -> Value {
    let out = parse(&request.to_string()).unwrap_or_else(|e| panic!("{e}"));
    out.get("apiError")
        .cloned()
        .unwrap_or_else(|| panic!("not an apiError: {out}"))
}

#[test]
fn assume_role() {
    assert_eq!(
        result("AssumeRole", "assume_role.json"),
        json!({
            "requestId": "6894B13B-6D71-4EF5-88FA-F32781734A7F",
            "credentials": {
                "accessKeyId": "STS.NUgYrLnoC37mZZCNnAbez2KCz",
                "accessKeySecret": "CVwjCkNzTMupZ8NbTCxCBRq3K16jtcWFTJAyBEv2pgh",
                "securityToken": "CAIS8gF1q6Ft5B2yfSjIr5bkKtXznLZu0aW9ZmTUlXU5dvtZ3aLgoDz2IHhMf3NpBOkZvvQ1lGlU6/4elrp6SJtIXleCZtF94oxYP9mn1hTtCX2LAa6CS/Xa2yZ7vW+a7bJ3g7jJ0fZSQMXUx",
                "expiration": "2026-01-01T01:00:00Z",
            },
            "assumedRoleUser": {
                "arn": "acs:ram::1746000000000000:role/admin-oss/alice",
                "assumedRoleId": "344584339364951186:alice",
            }
        })
    );
}

#[test]
fn get_caller_identity() {
    assert_eq!(
        result("GetCallerIdentity", "get_caller_identity.json"),
        json!({
            "accountId": "1888000000000000", "arn": "acs:ram::1888000000000000:user/alice",
            "identityType": "RAMUser", "principalId": "269292475069846412", "userId": "269292475069846412",
            "requestId": "2C9BE469-4A35-44D5-9529-CAA280B11603",
        })
    );
    let role = result("GetCallerIdentity", "get_caller_identity_assumed_role.json");
    assert_eq!(role["roleId"], "344584339364951186");
    assert_eq!(role["identityType"], "AssumedRoleUser");
    assert!(role.get("userId").is_none());
}

#[test]
fn ram_roles_users_policies() {
    let role = result("GetRole", "get_role.json");
    assert_eq!(
        role["role"],
        json!({
            "roleId": "344584339364951186", "roleName": "admin-oss", "arn": "acs:ram::1746000000000000:role/admin-oss",
            "description": "Read-only OSS access for Company B",
            "assumeRolePolicyDocument": "{\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"acs:ram::1888000000000000:root\"]}}],\"Version\":\"1\"}",
            "maxSessionDuration": 3600, "createDate": "2025-12-01T08:00:00Z", "updateDate": "2025-12-02T09:30:00Z",
        })
    );
    assert_eq!(role["requestId"], "04F0F334-1335-436C-A1D7-6C044FE73368");
    assert_eq!(
        result("CreateRole", "create_role.json")["role"]["roleName"],
        "admin-oss"
    );
    assert_eq!(
        result("UpdateRole", "update_role.json")["role"]["maxSessionDuration"],
        7200
    );

    assert_eq!(
        result("ListPoliciesForRole", "list_policies_for_role.json"),
        json!({
            "requestId": "7B8A4E7D-6CFF-471D-84DF-195A7A241ECB",
            "policies": [
                {"policyName": "AliyunOSSReadOnlyAccess", "policyType": "System", "attachDate": "2025-12-01T08:05:00Z",
                 "defaultVersion": "v1", "description": "只读访问对象存储服务(OSS)的权限"},
                {"policyName": "oss-reports-read", "policyType": "Custom", "attachDate": "2025-12-01T08:06:00Z",
                 "defaultVersion": "v2", "description": "Read the reports bucket"},
            ]
        })
    );
    assert_eq!(
        result("ListPoliciesForUser", "list_policies_for_user.json")["policies"][0]["policyName"],
        "AliyunSTSAssumeRoleAccess"
    );
    assert_eq!(
        result("ListPoliciesForRole", "list_policies_empty.json")["policies"],
        json!([])
    );

    let policy = result("GetPolicy", "get_policy.json");
    assert_eq!(
        policy["defaultPolicyVersion"],
        json!({
            "versionId": "v1", "isDefaultVersion": true, "createDate": "2015-01-23T12:33:18Z",
            "policyDocument": "{\"Statement\":[{\"Action\":[\"oss:Get*\",\"oss:List*\"],\"Effect\":\"Allow\",\"Resource\":[\"*\"]}],\"Version\":\"1\"}",
        })
    );
    assert_eq!(policy["policy"]["attachmentCount"], 3);
    assert_eq!(policy["policy"]["policyType"], "System");
    let created = result("CreatePolicy", "create_policy.json");
    assert_eq!(created["policy"]["policyName"], "oss-reports-read");
    assert!(created.get("defaultPolicyVersion").is_none());

    assert_eq!(
        result("CreateUser", "create_user.json")["user"],
        json!({"userId": "269292475069846412", "userName": "alice", "displayName": "Alice",
               "comments": "Company B auditor", "createDate": "2025-12-01T09:00:00Z"})
    );
    assert_eq!(
        result("AttachPolicyToRole", "attach_policy.json"),
        json!({"requestId": "697852FB-50D7-44D9-9774-530C31EAC572"})
    );
    assert_eq!(
        result("AttachPolicyToUser", "attach_policy.json")["requestId"],
        "697852FB-50D7-44D9-9774-530C31EAC572"
    );
    assert_eq!(
        result("GetAccountAlias", "get_account_alias.json"),
        json!({"accountAlias": "company-a", "requestId": "91BF1C56-8B4E-4C4D-A4F1-3C1B5F0B7E22"})
    );
}

#[test]
fn oss_list_buckets() {
    assert_eq!(
        result("ListBuckets", "list_buckets.xml"),
        json!({
            "owner": {"id": "1746000000000000", "displayName": "1746000000000000"},
            "buckets": [
                {"name": "company-a-reports", "location": "oss-cn-hangzhou", "region": "cn-hangzhou",
                 "creationDate": "2025-11-20T08:12:43.000Z", "storageClass": "Standard",
                 "extranetEndpoint": "oss-cn-hangzhou.aliyuncs.com", "intranetEndpoint": "oss-cn-hangzhou-internal.aliyuncs.com"},
                {"name": "company-a-archive", "location": "oss-cn-shanghai", "region": "cn-shanghai",
                 "creationDate": "2025-11-21T10:00:00.000Z", "storageClass": "IA",
                 "extranetEndpoint": "oss-cn-shanghai.aliyuncs.com", "intranetEndpoint": "oss-cn-shanghai-internal.aliyuncs.com"},
            ],
            "isTruncated": false,
            "requestId": "6773A0C1E5C2A43834B7F100",
        })
    );
}

#[test]
fn oss_list_objects_v1_and_v2() {
    assert_eq!(
        result("ListObjects", "list_objects.xml"),
        json!({
            "name": "company-a-reports", "prefix": "2025/", "marker": "", "maxKeys": 2, "delimiter": "/",
            "isTruncated": true, "nextMarker": "2025/q2 & q3.csv",
            "contents": [
                {"key": "2025/q1.csv", "lastModified": "2025-04-01T02:00:00.000Z",
                 "eTag": "\"5B3C1A2E053D763E1B002CC607C5A0FE\"", "size": 344606, "storageClass": "Standard",
                 "type": "Normal", "owner": {"id": "1746000000000000", "displayName": "1746000000000000"}},
                {"key": "2025/q2 & q3.csv", "lastModified": "2025-10-01T02:00:00.000Z",
                 "eTag": "\"A0F5E3B1C2D4E6F8091A2B3C4D5E6F70\"", "size": 5368709120u64, "storageClass": "IA",
                 "type": "Normal"},
            ],
            "commonPrefixes": ["2025/drafts/", "2025/final/"],
            "requestId": "6773A0C1E5C2A43834B7F100",
        })
    );
    let v2 = result("ListObjectsV2", "list_objects_v2.xml");
    assert_eq!(v2["continuationToken"], "ChR0ZXN0");
    assert_eq!(v2["nextContinuationToken"], "CgJiYw--");
    assert_eq!(v2["keyCount"], 1);
    assert_eq!(v2["contents"][0]["size"], 1024);
    assert_eq!(v2["commonPrefixes"], json!([]));
    assert!(v2.get("marker").is_none());
}

#[test]
fn oss_get_bucket_info() {
    assert_eq!(
        result("GetBucketInfo", "get_bucket_info.xml"),
        json!({
            "name": "company-a-reports", "location": "oss-cn-hangzhou", "creationDate": "2025-11-20T08:12:43.000Z",
            "owner": {"id": "1746000000000000", "displayName": "1746000000000000"}, "acl": "private",
            "storageClass": "Standard", "extranetEndpoint": "oss-cn-hangzhou.aliyuncs.com",
            "intranetEndpoint": "oss-cn-hangzhou-internal.aliyuncs.com", "dataRedundancyType": "LRS",
            "requestId": "6773A0C1E5C2A43834B7F100",
        })
    );
}

#[test]
fn no_permission_on_assume_role_names_both_causes() {
    let e = api_error(answer(
        "AssumeRole",
        403,
        json!({"Date": "Thu, 01 Jan 2026 00:00:01 GMT"}),
        &fixture("error_no_permission.json"),
    ));
    assert_eq!(e["code"], "NoPermission");
    assert_eq!(e["status"], 403);
    assert_eq!(e["requestId"], "C1F3B2E5-5D6A-4C3B-9E8F-7A6B5C4D3E2F");
    assert_eq!(e["serverDate"], "Thu, 01 Jan 2026 00:00:01 GMT");
    assert_eq!(
        e["recommend"],
        "https://api.aliyun.com/troubleshoot?q=NoPermission&product=Sts"
    );
    let hint = en(&e["hint"]);
    assert!(
        hint.contains("AliyunSTSAssumeRoleAccess") && hint.contains("trust policy"),
        "{hint}"
    );
    assert!(zh(&e["hint"]).contains("信任策略"));

    let e = api_error(answer(
        "AssumeRole",
        403,
        json!({}),
        &fixture("error_root_account.json"),
    ));
    assert!(en(&e["hint"]).contains("root"), "{e}");
    assert!(e.get("serverDate").is_none());
}

#[test]
fn clock_skew_hint_carries_the_server_time() {
    let e = api_error(answer(
        "GetCallerIdentity",
        400,
        json!({"date": "Thu, 01 Jan 2026 00:20:00 GMT"}),
        &fixture("error_timestamp_expired.json"),
    ));
    assert_eq!(e["code"], "InvalidTimeStamp.Expired");
    assert!(en(&e["hint"]).contains("15 minutes") && en(&e["hint"]).contains("00:20:00"));
    assert!(zh(&e["hint"]).contains("时钟"));
}

/// The request whose server-side string to sign is in error_signature_rpc.json: the token's
/// '+' reached the server as a space.
fn signed_assume_role() -> Value {
    request(&json!({
        "action": "AssumeRole", "time": "2026-01-01T00:00:00Z", "nonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        "roleArn": "acs:ram::1746000000000000:role/admin-oss", "roleSessionName": "alice", "durationSeconds": 3600,
        "credentials": {"accessKeyId": "STS.NExample", "accessKeySecret": "s", "securityToken": "CAIS+token/with=chars"},
    }).to_string())
    .unwrap()
}

#[test]
fn rpc_signature_mismatch_names_the_first_differing_parameter() {
    let ours = signed_assume_role()["signing"]["stringToSign"].clone();
    let mut req = answer(
        "AssumeRole",
        400,
        json!({}),
        &fixture("error_signature_rpc.json"),
    );
    req["stringToSign"] = ours.clone();
    let e = api_error(req);
    assert_eq!(e["code"], "SignatureDoesNotMatch");
    assert_eq!(
        e["signatureDiff"],
        json!({"part": "parameter", "name": "SecurityToken", "ours": "CAIS+token/with=chars",
               "server": "CAIS token/with=chars", "position": 5})
    );
    let hint = en(&e["hint"]);
    assert!(
        hint.contains("parameter SecurityToken a + became a space") && hint.contains("%2B"),
        "{hint}"
    );
    assert!(zh(&e["hint"]).contains("SecurityToken"));
    assert!(e["serverStringToSign"]
        .as_str()
        .unwrap()
        .starts_with("POST&%2F&AccessKeyId%3DSTS.NExample"));

    // Without our string, the hint says how to get the comparison.
    let e = api_error(answer(
        "AssumeRole",
        400,
        json!({}),
        &fixture("error_signature_rpc.json"),
    ));
    assert!(en(&e["hint"]).contains("signing.stringToSign"), "{e}");
    assert!(e.get("signatureDiff").is_none());

    // Identical strings: the secret is wrong.
    let server = e["serverStringToSign"].clone();
    let mut req = answer(
        "AssumeRole",
        400,
        json!({}),
        &fixture("error_signature_rpc.json"),
    );
    req["stringToSign"] = server;
    let e = api_error(req);
    assert!(
        en(&e["hint"]).contains("the AccessKey secret is wrong"),
        "{e}"
    );
}

#[test]
fn oss_signature_mismatch_names_the_line_and_both_values() {
    let built = request(&json!({
        "action": "ListObjectsV2", "time": "2026-01-01T00:00:00Z", "bucket": "examplebucket", "region": "cn-shanghai",
        "prefix": "photos/", "delimiter": "/", "continuationToken": "ChR0ZXN0", "maxKeys": 100, "fetchOwner": true,
        "credentials": {"accessKeyId": "STS.NExample", "accessKeySecret": "StsSecret", "securityToken": "CAIS+token/with=chars"},
    }).to_string())
    .unwrap();
    let mut req = answer(
        "ListObjectsV2",
        403,
        json!({"x-oss-request-id": "6773A0C1E5C2A43834B7F1A2"}),
        &fixture("error_signature_oss.xml"),
    );
    req["stringToSign"] = built["signing"]["stringToSign"].clone();
    let e = api_error(req);
    assert_eq!(e["ec"], "0002-00000040");
    assert_eq!(e["requestId"], "6773A0C1E5C2A43834B7F1A2");
    assert_eq!(
        e["signatureDiff"],
        json!({"part": "Date", "ours": "Thu, 01 Jan 2026 00:00:00 GMT", "server": "Thu, 01 Jan 2026 00:00:03 GMT", "position": 25})
    );
    let hint = en(&e["hint"]);
    assert!(
        hint.contains("Date line differs")
            && hint.contains("00:00:03")
            && hint.contains("x-oss-date"),
        "{hint}"
    );
}

#[test]
fn oss_access_denied_and_wrong_endpoint() {
    let e = api_error(answer(
        "ListObjects",
        403,
        json!({}),
        &fixture("error_access_denied.xml"),
    ));
    assert_eq!(
        (e["code"].as_str(), e["requestId"].as_str()),
        (Some("AccessDenied"), Some("6773A0C1E5C2A43834B7F1B3"))
    );
    assert!(en(&e["hint"]).contains("AliyunOSSReadOnlyAccess"), "{e}");
    let e = api_error(answer(
        "ListObjects",
        403,
        json!({}),
        &fixture("error_wrong_endpoint.xml"),
    ));
    assert_eq!(e["endpoint"], "oss-cn-shanghai.aliyuncs.com");
    assert!(
        en(&e["hint"]).contains("send the request to its endpoint oss-cn-shanghai.aliyuncs.com"),
        "{e}"
    );
}

#[test]
fn html_gateway_page_is_an_api_error_with_a_status_hint() {
    let e = api_error(answer(
        "ListBuckets",
        502,
        json!({"Content-Type": "text/html"}),
        &fixture("error_502.html"),
    ));
    assert_eq!(e["code"], "Http502");
    assert_eq!(e["message"], "HTTP 502: 502 Bad Gateway");
    assert_eq!(e["requestId"], Value::Null);
    assert!(en(&e["hint"]).contains("retry"), "{e}");
    let e = api_error(answer("GetRole", 403, json!({}), ""));
    assert_eq!(
        (e["code"].as_str(), e["message"].as_str()),
        (Some("Http403"), Some("HTTP 403"))
    );
}

#[test]
fn an_error_body_in_a_2xx_answer_is_still_an_error() {
    let e = api_error(answer(
        "AssumeRole",
        200,
        json!({}),
        &fixture("error_no_permission.json"),
    ));
    assert_eq!(e["code"], "NoPermission");
}

#[test]
fn malformed_success_bodies_say_what_is_wrong() {
    let cases: Vec<(&str, String, &str)> = vec![
        ("AssumeRole", r#"{"RequestId": "r", "Credentials": {"AccessKeyId": "a"}}"#.into(), "Credentials.AccessKeySecret (a string) is missing"),
        ("AssumeRole", r#"{"RequestId": "r", "Credentials": []}"#.into(), "Credentials must be an object, not an array"),
        ("GetCallerIdentity", "[1]".into(), "The body must be a JSON object"),
        ("GetRole", r#"{"RequestId": "r", "Role": {"RoleId": "1", "RoleName": "n", "Arn": "a", "MaxSessionDuration": 1e400}}"#.into(), "not valid JSON"),
        ("GetRole", r#"{"RequestId": "r", "Role": {"RoleId": "1", "RoleName": "n", "Arn": "a", "MaxSessionDuration": -5}}"#.into(), "Role.MaxSessionDuration must be a non-negative integer"),
        ("ListPoliciesForRole", r#"{"RequestId": "r", "Policies": {"Policy": [{"PolicyName": 3}]}}"#.into(), "Policies.Policy[0].PolicyName must be a string, not a number"),
        ("GetPolicy", fixture("get_policy.json")[..120].to_string(), "not valid JSON"),
        ("ListObjects", fixture("list_objects.xml").replace("<Size>344606</Size>", "<Size>99999999999999999999</Size>"), "ListBucketResult/Contents[1]/Size must be a non-negative integer"),
        ("ListObjects", fixture("list_objects.xml").replace("<Size>344606</Size>", "<Size>-1</Size>"), "Size must be a non-negative integer"),
        ("ListObjects", fixture("list_objects.xml")[..400].to_string(), "cut off"),
        ("ListObjects", fixture("list_objects.xml").replace("<IsTruncated>true</IsTruncated>", "<IsTruncated>yes</IsTruncated>"), "IsTruncated must be true or false"),
        ("ListBuckets", fixture("list_objects.xml"), "root element is <ListBucketResult>, not <ListAllMyBucketsResult>"),
        ("GetBucketInfo", "<BucketInfo><Bucket><Name>b</Name></Bucket></BucketInfo>".into(), "<Location> is missing in BucketInfo/Bucket"),
        ("ListBuckets", "".into(), "no XML element"),
    ];
    for (action, body, says) in cases {
        let e = parse(&answer(action, 200, json!({}), &body).to_string()).expect_err(action);
        assert_eq!(e.kind, ErrorKind::InvalidResponse, "{action}: {e}");
        assert_eq!(e.path.as_deref(), Some("$.body"));
        let words = e.en();
        assert!(words.contains(says), "{action}: {words:?} lacks {says:?}");
        assert!(
            words.starts_with(&format!("The {action} answer is not as documented")),
            "{words}"
        );
    }
    let e = parse(
        &answer(
            "ListObjects",
            200,
            json!({}),
            "<ListBucketResult>\n<Name>x</Nam>",
        )
        .to_string(),
    )
    .unwrap_err();
    assert_eq!(e.line, Some(2));
}

#[test]
fn parse_requests_are_checked() {
    let e = parse(r#"{"action": "GetRole", "status": 200, "body": "", "stringtosign": "x"}"#)
        .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.stringtosign"));
    let e = parse(r#"{"action": "GetRole", "status": 42, "body": ""}"#).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.status"));
    let e = parse(r#"{"action": "DeleteRole", "status": 200, "body": ""}"#).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
    let e = parse(r#"{"action": "GetRole", "status": 200}"#).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.body"));
}

/// Every result parseResponse gives reads back as the same typed result: by its action (how the
/// checks' facts read it) and without it (`ApiResult`'s untagged reading, `Ack` tried last).
#[test]
fn results_read_back_typed() {
    use rolehop::api::{Action, ApiResult};
    let decoded = json!({"RequestId": "R-9", "DecodedDiagnosticMessage": {"ExplicitDeny": true, "NoPermissionPolicyType": "AssumeRolePolicy", "AuthAction": "sts:AssumeRole"}}).to_string();
    let cases = [
        ("AssumeRole", fixture("assume_role.json")),
        ("GetCallerIdentity", fixture("get_caller_identity.json")),
        (
            "GetCallerIdentity",
            fixture("get_caller_identity_assumed_role.json"),
        ),
        ("GetRole", fixture("get_role.json")),
        ("CreateRole", fixture("create_role.json")),
        ("UpdateRole", fixture("update_role.json")),
        ("CreateUser", fixture("create_user.json")),
        ("GetPolicy", fixture("get_policy.json")),
        ("CreatePolicy", fixture("create_policy.json")),
        (
            "ListPoliciesForRole",
            fixture("list_policies_for_role.json"),
        ),
        ("ListPoliciesForUser", fixture("list_policies_empty.json")),
        ("AttachPolicyToRole", fixture("attach_policy.json")),
        ("GetAccountAlias", fixture("get_account_alias.json")),
        ("DecodeDiagnosticMessage", decoded),
        ("ListBuckets", fixture("list_buckets.xml")),
        ("ListObjects", fixture("list_objects.xml")),
        ("ListObjectsV2", fixture("list_objects_v2.xml")),
        ("GetBucketInfo", fixture("get_bucket_info.xml")),
    ];
    for (name, body) in cases {
        let wire = parse(&answer(name, 200, json!({"x-oss-request-id": "O-1"}), &body).to_string())
            .unwrap_or_else(|e| panic!("{name}: {e}"))["result"]
            .clone();
        let action = Action::from_name(name).unwrap();
        let typed =
            ApiResult::from_value(action, wire.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(serde_json::to_value(&typed).unwrap(), wire, "{name}");
        let untagged: ApiResult = serde_json::from_value(wire.clone()).unwrap();
        assert_eq!(untagged, typed, "{name}");
    }
    let wrong = ApiResult::from_value(Action::AssumeRole, json!({"requestId": "R"})).unwrap_err();
    assert!(wrong.to_string().contains("credentials"), "{wrong}");
}
