//! The JSON contract of the policy engine: policyBuild, policyLint, policySimulate, with the
//! built documents checked by the linter and the simulator.

use rolehop::contract::{policy_build, policy_lint, policy_simulate};
use rolehop::ErrorKind;
use serde_json::{json, Value};

const A: &str = "1746000000000001";
const B: &str = "1999000000000002";

fn ok(f: fn(&str) -> rolehop::Result<Value>, request: Value) -> Value {
    f(&request.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn codes(findings: &Value) -> Vec<String> {
    findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn decide(identity: Value, request: Value) -> String {
    let out = ok(
        policy_simulate,
        json!({ "identityPolicies": identity, "request": request }),
    );
    out["decision"].as_str().unwrap().to_string()
}

#[test]
fn lint_reports_findings_with_positions_and_the_canonical_text() {
    let text = "{\"Version\": \"1\",\n \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"oss:*\", \"Resource\": \"*\"}]}";
    let out = ok(
        policy_lint,
        json!({ "policy": text, "intent": "read-only" }),
    );
    assert_eq!(out["kind"], "identity");
    assert_eq!(out["valid"], true);
    assert_eq!(codes(&out["findings"]), vec!["write-in-read-only"]);
    let f = &out["findings"][0];
    assert_eq!(f["level"], "security-warning");
    assert_eq!(f["path"], "$.Statement[0].Action");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(2), Some(46))
    );
    assert!(f["messageZh"].as_str().unwrap().contains("只读"));
    assert_eq!(f["fix"]["snippet"], "[\"oss:Get*\",\"oss:List*\"]");
    assert!(out["canonical"]
        .as_str()
        .unwrap()
        .starts_with("{\n  \"Version\": \"1\""));
    assert_eq!(
        out["summary"],
        json!({"error": 0, "securityWarning": 1, "warning": 0, "suggestion": 0})
    );
}

#[test]
fn lint_takes_objects_without_positions() {
    let out = ok(
        policy_lint,
        json!({ "policy": {"Version": "1", "Statement": [{"Effect": "allow", "Action": "*", "Resource": "*"}]} }),
    );
    assert_eq!(out["valid"], false);
    assert_eq!(out["findings"][0]["code"], "bad-effect");
    assert!(out["findings"][0].get("line").is_none());
    assert!(out.get("canonical").is_none());
}

#[test]
fn lint_request_errors() {
    let e = policy_lint("{}").unwrap_err();
    assert_eq!(
        (e.kind, e.path.as_deref()),
        (ErrorKind::MissingField, Some("$.policy"))
    );
    let e = policy_lint(&json!({"policy": "{}", "kind": "resource"}).to_string()).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.kind"));
    let e = policy_lint(&json!({"policy": 3}).to_string()).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.policy"));
}

#[test]
fn build_trust_for_the_tutorial() {
    let out = ok(policy_build, json!({ "kind": "trust", "account": B }));
    assert_eq!(out["policyKind"], "trust");
    assert_eq!(
        out["compact"],
        format!(
            r#"{{"Version":"1","Statement":[{{"Effect":"Allow","Principal":{{"RAM":["acs:ram::{B}:root"]}},"Action":"sts:AssumeRole"}}]}}"#
        )
    );
    assert_eq!(codes(&out["findings"]), vec!["trust-account-root"]);
    assert_eq!(out["statements"][0]["path"], "$.Statement[0]");
    let narrow = ok(
        policy_build,
        json!({ "kind": "trust", "account": B, "users": ["alice"], "externalId": "abc-123" }),
    );
    assert_eq!(codes(&narrow["findings"]), Vec::<String>::new());
    // The trust policy does what it says.
    let trust = narrow["text"].clone();
    let ask = |principal: &str, external: Option<&str>| {
        let mut request = json!({ "principal": principal, "action": "sts:AssumeRole", "resource": format!("acs:ram::{A}:role/admin-oss") });
        if let Some(id) = external {
            request["context"] = json!({ "sts:ExternalId": id });
        }
        ok(
            policy_simulate,
            json!({ "trustPolicy": trust, "request": request }),
        )["decision"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        ask(&format!("acs:ram::{B}:user/alice"), Some("abc-123")),
        "Allow"
    );
    assert_eq!(
        ask(&format!("acs:ram::{B}:user/alice"), None),
        "ImplicitDeny"
    );
    assert_eq!(
        ask(&format!("acs:ram::{B}:user/bob"), Some("abc-123")),
        "ImplicitDeny"
    );
}

#[test]
fn build_oss_read_only_scopes_lint_clean_and_simulate_as_intended() {
    for request in [
        json!({ "kind": "oss-read-only", "account": A }),
        json!({ "kind": "oss-read-only", "account": A, "buckets": ["reports", "media-a"] }),
        json!({ "kind": "oss-read-only", "account": A, "bucket": "reports", "prefix": "team/2024/" }),
        json!({ "kind": "oss-read-only", "account": A, "bucket": "reports", "prefix": "team/2024/", "console": false }),
    ] {
        let out = ok(policy_build, request.clone());
        assert_eq!(codes(&out["findings"]), Vec::<String>::new(), "{request}");
        assert_eq!(
            out["statements"].as_array().unwrap().len(),
            out["policy"]["Statement"].as_array().unwrap().len()
        );
    }
    let out = ok(
        policy_build,
        json!({ "kind": "oss-read-only", "account": A, "bucket": "reports", "prefix": "team/2024/" }),
    );
    let me = json!([{ "name": "prefix-read", "document": out["text"] }]);
    let bucket = format!("acs:oss:*:{A}:reports");
    let cases = [
        (
            json!({"action": "oss:ListBuckets", "resource": format!("acs:oss:*:{A}:*")}),
            "Allow",
        ),
        (
            json!({"action": "oss:GetBucketInfo", "resource": bucket}),
            "Allow",
        ),
        (
            json!({"action": "oss:ListObjects", "resource": bucket, "context": {"oss:Prefix": "", "oss:Delimiter": "/"}}),
            "Allow",
        ),
        (
            json!({"action": "oss:ListObjects", "resource": bucket, "context": {"oss:Prefix": "team/", "oss:Delimiter": "/"}}),
            "Allow",
        ),
        (
            json!({"action": "oss:ListObjects", "resource": bucket, "context": {"oss:Prefix": "hr/", "oss:Delimiter": "/"}}),
            "ImplicitDeny",
        ),
        (
            json!({"action": "oss:ListObjects", "resource": bucket, "context": {"oss:Prefix": ""}}),
            "ImplicitDeny",
        ),
        (
            json!({"action": "oss:ListObjects", "resource": bucket, "context": {"oss:Prefix": "team/2024/q1/"}}),
            "Allow",
        ),
        (
            json!({"action": "oss:GetObject", "resource": format!("{bucket}/team/2024/q1.csv")}),
            "Allow",
        ),
        (
            json!({"action": "oss:GetObject", "resource": format!("{bucket}/hr/salaries.csv")}),
            "ImplicitDeny",
        ),
        (
            json!({"action": "oss:PutObject", "resource": format!("{bucket}/team/2024/x")}),
            "ImplicitDeny",
        ),
        (
            json!({"action": "oss:GetObject", "resource": format!("acs:oss:*:{A}:other/team/2024/x")}),
            "ImplicitDeny",
        ),
    ];
    for (request, expected) in cases {
        assert_eq!(decide(me.clone(), request.clone()), expected, "{request}");
    }
}

#[test]
fn build_assume_role_replaces_the_broad_system_policy() {
    let out = ok(
        policy_build,
        json!({ "kind": "assume-role", "account": A, "roleName": "admin-oss" }),
    );
    assert_eq!(
        out["compact"],
        format!(
            r#"{{"Version":"1","Statement":[{{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"acs:ram::{A}:role/admin-oss"}}]}}"#
        )
    );
    assert_eq!(codes(&out["findings"]), Vec::<String>::new());
    let me = json!([{ "name": "assume-admin-oss", "document": out["policy"] }]);
    let ask = |role: &str| {
        decide(
            me.clone(),
            json!({"principal": format!("acs:ram::{B}:user/alice"), "action": "sts:AssumeRole", "resource": format!("acs:ram::{A}:role/{role}")}),
        )
    };
    assert_eq!(ask("admin-oss"), "Allow");
    assert_eq!(ask("admin-ecs"), "ImplicitDeny");
    let e =
        policy_build(&json!({ "kind": "assume-role", "roleArn": "acs:ram::x:role/r" }).to_string())
            .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.roleArn"));
}

#[test]
fn build_post_object_policy_and_signed_fields() {
    let out = ok(
        policy_build,
        json!({ "kind": "post-object", "now": "2025-12-31T23:00:00Z", "expiresIn": 3600, "bucket": "uploads-a",
                "keyPrefix": "user/eric/", "contentLengthRange": [0, 10485760], "successActionStatus": "201",
                "accessKeyId": "STS.id", "accessKeySecret": "secret", "securityToken": "token" }),
    );
    assert_eq!(out["expiration"], "2026-01-01T00:00:00Z");
    let text = out["policyText"].as_str().unwrap();
    let expected = rolehop::sign::post_policy::sign(text, "STS.id", "secret").unwrap();
    assert_eq!(out["fields"]["Signature"], expected.signature);
    assert_eq!(out["fields"]["policy"], expected.policy);
    assert_eq!(out["fields"]["key"], "user/eric/${filename}");
    assert_eq!(out["fields"]["x-oss-security-token"], "token");
    assert_eq!(
        out["policy"]["conditions"][2],
        json!(["content-length-range", 0, 10485760])
    );
    let e = policy_build(
        &json!({ "kind": "post-object", "bucket": "uploads-a", "keyPrefix": "" }).to_string(),
    )
    .unwrap_err();
    assert_eq!(
        (e.kind, e.path.as_deref()),
        (ErrorKind::MissingField, Some("$.expiration"))
    );
}

#[test]
fn build_request_errors_name_the_field() {
    let e = policy_build(&json!({ "kind": "trust", "account": B, "users": ["ok", 3] }).to_string())
        .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.users[1]"));
    let e = policy_build(&json!({ "kind": "nope" }).to_string()).unwrap_err();
    assert_eq!(
        (e.kind, e.path.as_deref()),
        (ErrorKind::Unsupported, Some("$.kind"))
    );
    let e =
        policy_build(&json!({ "kind": "oss-read-only", "account": A, "prefix": "a/" }).to_string())
            .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.bucket"));
}

#[test]
fn simulate_explains_with_paths_and_assumptions() {
    let out = ok(
        policy_simulate,
        json!({ "identityPolicies": ["AliyunOSSReadOnlyAccess"],
                "request": {"action": "oss:GetObject", "resource": format!("acs:oss:*:{A}:b/k")} }),
    );
    assert_eq!(out["decision"], "Allow");
    assert_eq!(out["allowed"], true);
    assert_eq!(
        out["deciding"],
        json!([{"policy": "AliyunOSSReadOnlyAccess", "side": "identity", "statement": 0, "path": "$.Statement[0]", "effect": "Allow", "assumed": true}])
    );
    assert_eq!(
        out["policies"],
        json!([{"name": "AliyunOSSReadOnlyAccess", "side": "identity", "assumed": true, "source": "catalog"}])
    );
    assert!(out["explanation"]
        .as_str()
        .unwrap()
        .contains("assumed system-policy document"));
    assert!(out["explanationZh"].as_str().unwrap().contains("允许"));
    // A live GetPolicy text replaces the catalog's assumption.
    let live =
        r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:List*","Resource":"*"}]}"#;
    let out = ok(
        policy_simulate,
        json!({ "identityPolicies": [{"name": "AliyunOSSReadOnlyAccess", "document": live}],
                "request": {"action": "oss:GetObject", "resource": "acs:oss:*:1:b/k"} }),
    );
    assert_eq!(out["decision"], "ImplicitDeny");
    assert_eq!(out["policies"][0]["assumed"], false);
}

#[test]
fn simulate_conditions_not_met_and_missing_keys() {
    let policy = r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:ListObjects","Resource":"*","Condition":{"StringLike":{"oss:Prefix":"docs/*"}}}]}"#;
    let out = ok(
        policy_simulate,
        json!({ "identityPolicies": [{"name": "p", "document": policy}], "request": {"action": "oss:ListObjects", "resource": "acs:oss:*:1:b"} }),
    );
    assert_eq!(out["missingContextKeys"], json!(["oss:Prefix"]));
    let miss = &out["conditionsNotMet"][0];
    assert_eq!(
        miss["condition"],
        "$.Statement[0].Condition.StringLike[\"oss:Prefix\"]"
    );
    assert_eq!(miss["supplied"], Value::Null);
    assert!(
        out["explanation"]
            .as_str()
            .unwrap()
            .contains("does not supply oss:Prefix"),
        "{}",
        out["explanation"]
    );
}

#[test]
fn simulate_batches_and_decision_only_detail() {
    let out = ok(
        policy_simulate,
        json!({ "identityPolicies": ["AliyunOSSReadOnlyAccess"], "detail": "decision",
                "requests": [{"action": "oss:GetObject", "resource": "*"}, {"action": "oss:PutObject", "resource": "*"}] }),
    );
    assert_eq!(out["decisions"], json!(["Allow", "ImplicitDeny"]));
    let out = ok(
        policy_simulate,
        json!({ "identityPolicies": ["AliyunOSSReadOnlyAccess"], "requests": [{"action": "oss:GetObject", "resource": "*"}] }),
    );
    assert_eq!(out["results"][0]["decision"], "Allow");
}

#[test]
fn simulate_request_errors_point_into_the_documents() {
    let e = policy_simulate(
        &json!({ "identityPolicies": [{"name": "p", "document": "{\"Version\": \"1\",\n \"Statement\": [{\"Effect\": \"Alow\"}]}"}],
                 "request": {"action": "oss:GetObject"} })
        .to_string(),
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidValue);
    assert_eq!(
        e.path.as_deref(),
        Some("$.identityPolicies[0].document.Statement[0].Effect")
    );
    assert_eq!((e.line, e.column), (Some(2), Some(27)));
    let e = policy_simulate(
        &json!({ "identityPolicies": ["AliyunOssReadOnly"], "request": {"action": "x:y"} })
            .to_string(),
    )
    .unwrap_err();
    assert_eq!(
        (e.kind, e.path.as_deref()),
        (ErrorKind::Unsupported, Some("$.identityPolicies[0]"))
    );
    assert!(e.message.contains("AliyunOSSReadOnlyAccess"));
    let e = policy_simulate(
        &json!({ "identityPolicies": [], "request": {"resource": "*"} }).to_string(),
    )
    .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.request.action"));
    let e = policy_simulate(&json!({ "trustPolicy": {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole"}]}, "request": {"action": "sts:AssumeRole"} }).to_string()).unwrap_err();
    assert_eq!(
        e.path.as_deref(),
        Some("$.trustPolicy.Statement[0].Principal")
    );
    assert_eq!(e.line, None);
    let e = policy_simulate(
        &json!({ "request": {"action": "a:b", "context": {"k": {"nested": 1}}} }).to_string(),
    )
    .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.request.context.k"));
}
