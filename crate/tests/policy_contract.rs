//! The JSON contract of the policy engine: policyBuild, policyLint, policySimulate, with the
//! built documents checked by the linter and the simulator.

use rolehop::catalog::{render_json, Lang};
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
    assert_eq!(
        render_json(&f["message"], Lang::En),
        "The policy is meant to be read-only, but \"oss:*\" can write or delete."
    );
    assert_eq!(
        render_json(&f["message"], Lang::Zh),
        "该策略应为只读，但 \"oss:*\" 可以写入或删除。"
    );
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
    assert_eq!(
        sentences(&out["explanation"], Lang::En),
        format!("Allowed: oss:GetObject on acs:oss:*:{A}:b/k. Allowed by the caller's permission policy \"AliyunOSSReadOnlyAccess\", statement 0 ($.Statement[0], an assumed system-policy document).")
    );
    assert_eq!(
        sentences(&out["explanation"], Lang::Zh),
        format!("允许：对 acs:oss:*:{A}:b/k 执行 oss:GetObject。调用者的权限策略“AliyunOSSReadOnlyAccess”的第 0 条语句（$.Statement[0]，系统策略内容为假定）允许该操作。")
    );
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
    let words = sentences(&out["explanation"], Lang::En);
    assert!(words.contains("does not supply oss:Prefix"), "{words}");
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
    assert!(e.to_string().contains("(AliyunOSSReadOnlyAccess, "), "{e}");
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

/// An explanation's sentences, one after the other, as the pages and the CLI show them.
fn sentences(explanation: &Value, lang: Lang) -> String {
    let words: Vec<String> = explanation
        .as_array()
        .expect("an explanation is a list of messages")
        .iter()
        .map(|m| render_json(m, lang))
        .collect();
    words.join(if lang == Lang::Zh { "" } else { " " })
}

/// A message as the contract carries it: `{id, args}` with a policy id that both catalogs hold,
/// never words (nested messages in the arguments likewise).
fn assert_message(value: &Value, what: &str) {
    let id = value["id"].as_str();
    assert!(
        id.is_some_and(|id| id.starts_with("core_policy_")) && value["args"].is_object(),
        "{what} is not a message id with arguments: {value}"
    );
    for lang in [Lang::En, Lang::Zh] {
        let words = render_json(value, lang);
        assert!(
            !words.starts_with("core_"),
            "{what}: {words} has no words in {lang:?}"
        );
    }
    for arg in value["args"].as_object().unwrap().values() {
        if arg.is_object() {
            assert_message(arg, what);
        }
    }
}

/// No field of an answer ends in `Zh` (the words are in the catalogs, not in the answer).
fn assert_no_prose_twins(value: &Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                assert!(!key.ends_with("Zh"), "{key} carries prose beside a message");
                assert_no_prose_twins(v);
            }
        }
        Value::Array(items) => items.iter().for_each(assert_no_prose_twins),
        _ => {}
    }
}

/// Findings, fixes, explanations and purposes cross the contract as message ids with arguments,
/// never as English or Chinese prose.
#[test]
fn findings_explanations_and_purposes_are_messages_not_prose() {
    let broad = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:PutObject", "os:GetObject", "oss:GetObjekt"], "Resource": ["acs:ecs:cn-hangzhou:1:instance/*", "acs:ram:cn-hangzhou:1:role/x"]}, {"Effect": "alow", "Action": "oss:GetObject", "Resource": "*"}, {"Effect": "Allow", "NotAction": "oss:GetObject", "Resource": "*", "Condition": {"StringLike": {"oss:Prefx": "a/"}}}]}"#;
    let out = ok(
        policy_lint,
        json!({ "policy": broad, "intent": "read-only" }),
    );
    let findings = out["findings"].as_array().unwrap();
    assert!(findings.len() >= 6, "{out}");
    for f in findings {
        assert_message(&f["message"], &format!("{}'s message", f["code"]));
        if let Some(fix) = f.get("fix") {
            assert_message(&fix["description"], &format!("{}'s fix", f["code"]));
        }
    }
    assert_no_prose_twins(&out);
    let trust = r#"{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["*", "acs:ram::1999000000000002:root"]}}]}"#;
    let out = ok(policy_lint, json!({ "policy": trust }));
    for f in out["findings"].as_array().unwrap() {
        assert_message(&f["message"], &format!("{}'s message", f["code"]));
    }
    let built = ok(
        policy_build,
        json!({ "kind": "oss-read-only", "account": A, "bucket": "media", "prefix": "docs/2024/" }),
    );
    for s in built["statements"].as_array().unwrap() {
        assert_message(&s["purpose"], "a statement's purpose");
    }
    assert_no_prose_twins(&built);
    for request in [
        json!({"action": "oss:GetObject", "resource": format!("acs:oss:*:{A}:b/k")}),
        json!({"action": "oss:PutObject", "resource": "*"}),
        json!({"action": "oss:ListObjects", "resource": "*", "context": {"oss:Prefix": "x/"}}),
    ] {
        let out = ok(
            policy_simulate,
            json!({ "identityPolicies": ["AliyunOSSReadOnlyAccess", {"name": "deny", "document": r#"{"Version":"1","Statement":[{"Effect":"Deny","Action":"oss:PutObject","Resource":"*"},{"Effect":"Allow","Action":"oss:ListObjects","Resource":"*","Condition":{"StringLike":{"oss:Prefix":"docs/*"}}}]}"#}], "request": request }),
        );
        let explanation = out["explanation"].as_array().unwrap();
        assert!(!explanation.is_empty());
        for sentence in explanation {
            assert_message(sentence, "an explanation's sentence");
        }
        assert_no_prose_twins(&out);
    }
}
