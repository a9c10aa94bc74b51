//! The parser accepts RAM's grammar and rejects the rest with the JSON path and line:column.

use rolehop::catalog::{en, zh};
use rolehop::policy::model::*;
use rolehop::policy::{decode, parse, parse_detect};
use rolehop::ErrorKind;

/// The first problem of `text` as (code, path, line, column).
fn problem(text: &str, kind: PolicyKind) -> (String, String, usize, usize) {
    let decoded = decode(text, Some(kind));
    let p = decoded
        .problems
        .first()
        .unwrap_or_else(|| panic!("accepted: {text}"));
    (
        p.code.to_string(),
        p.path.to_string(),
        p.line.unwrap_or(0),
        p.column.unwrap_or(0),
    )
}

fn identity(text: &str) -> (String, String, usize, usize) {
    problem(text, PolicyKind::Identity)
}

fn stmt(body: &str) -> String {
    format!("{{\"Version\": \"1\", \"Statement\": [{body}]}}")
}

#[test]
fn accepts_every_element_form() {
    let text = r#"{
      "Version": "1",
      "Statement": [
        {"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:123:b/*"},
        {"Effect": "Deny", "NotAction": ["oss:Get*", "oss:List*"], "NotResource": ["acs:oss:*:123:b", "acs:oss:*:123:b/*"],
         "Condition": {
           "StringLikeIfExists": {"oss:Prefix": ["a/*", "b/*"]},
           "NumericLessThanEquals": {"oss:MaxKeys": 100},
           "DateGreaterThan": {"acs:CurrentTime": "2019-08-12T17:00:00+08:00"},
           "Bool": {"acs:SecureTransport": "true", "acs:MFAPresent": false},
           "NotIpAddress": {"acs:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}
         }}
      ]
    }"#;
    let policy = parse(text, PolicyKind::Identity).unwrap();
    assert_eq!(policy.statements.len(), 2);
    let s = &policy.statements[1];
    assert!(s.action.not && s.resource.as_ref().unwrap().not);
    assert_eq!(s.condition.len(), 5);
    assert_eq!(
        s.condition[1].entries[0].values,
        vec![CondValue::Number("100".into())]
    );
}

#[test]
fn accepts_trust_policies_and_detects_them() {
    let text = r#"{"Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
        "Principal": {"RAM": ["acs:ram::1234:root", "acs:ram::1234:user/alice"], "Service": "ecs.aliyuncs.com"},
        "Condition": {"StringEquals": {"sts:ExternalId": "abc"}}}], "Version": "1"}"#;
    let (policy, kind) = parse_detect(text).unwrap();
    assert_eq!(kind, PolicyKind::Trust);
    let p = policy.statements[0].principal.as_ref().unwrap();
    assert_eq!(p.entries[0].kind, PrincipalKind::Ram);
    assert_eq!(p.entries[1].values, vec!["ecs.aliyuncs.com".to_string()]);
    assert!(policy.statements[0].resource.is_none());
}

#[test]
fn version_must_be_the_string_one() {
    let (code, path, line, col) = identity("{\"Version\": \"2012-10-17\", \"Statement\": []}");
    assert_eq!(
        (code.as_str(), path.as_str(), line, col),
        ("bad-version", "$.Version", 1, 13)
    );
    assert_eq!(
        identity("{\"Version\": 1, \"Statement\": []}").0,
        "bad-version"
    );
    assert_eq!(identity("{\"Statement\": []}").0, "missing-version");
    let e = parse("{\"Version\": 1, \"Statement\": []}", PolicyKind::Identity).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidValue);
    // The error says what is wrong and what to do, in the catalog's words.
    assert_eq!(
        e.to_string(),
        "Version must be the string \"1\"; it is 1. Write \"Version\": \"1\". (at $.Version) (line 1, column 13)"
    );
}

#[test]
fn element_names_are_case_sensitive() {
    let (code, path, line, col) = identity("{\"Version\": \"1\",\n \"statement\": []}");
    assert_eq!(
        (code.as_str(), path.as_str(), line, col),
        ("unknown-element", "$.statement", 2, 2)
    );
    let decoded = decode(
        &stmt("{\"effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}"),
        None,
    );
    let p = &decoded.problems[0];
    assert_eq!(p.code, "unknown-element");
    assert!(
        en(&p.message).contains("did you mean \"Effect\""),
        "{}",
        en(&p.message)
    );
    assert_eq!(
        identity(&stmt(
            "{\"Sid\": \"x\", \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}"
        ))
        .0,
        "unknown-element"
    );
}

#[test]
fn effect_must_be_allow_or_deny() {
    let decoded = decode(
        &stmt("{\"Effect\": \"allow\", \"Action\": \"*\", \"Resource\": \"*\"}"),
        None,
    );
    let p = &decoded.problems[0];
    assert_eq!(
        (p.code, p.path.to_string()),
        ("bad-effect", "$.Statement[0].Effect".to_string())
    );
    assert_eq!(
        p.fix.as_ref().unwrap().snippet.as_deref(),
        Some("\"Allow\"")
    );
    assert_eq!(
        identity(&stmt("{\"Action\": \"*\", \"Resource\": \"*\"}")).0,
        "missing-effect"
    );
}

#[test]
fn action_and_resource_rules() {
    let both = stmt(
        "{\"Effect\": \"Allow\", \"Action\": \"*\", \"NotAction\": \"*\", \"Resource\": \"*\"}",
    );
    assert_eq!(identity(&both).0, "action-and-not-action");
    assert_eq!(
        identity(&stmt("{\"Effect\": \"Allow\", \"Resource\": \"*\"}")).0,
        "missing-action"
    );
    assert_eq!(
        identity(&stmt("{\"Effect\": \"Allow\", \"Action\": \"*\"}")).0,
        "missing-resource"
    );
    let both = stmt(
        "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"NotResource\": \"*\"}",
    );
    assert_eq!(identity(&both).0, "resource-and-not-resource");
    assert_eq!(
        identity(&stmt(
            "{\"Effect\": \"Allow\", \"Action\": [], \"Resource\": \"*\"}"
        ))
        .0,
        "empty-value"
    );
    let (code, path, ..) = identity(&stmt(
        "{\"Effect\": \"Allow\", \"Action\": [\"*\", 3], \"Resource\": \"*\"}",
    ));
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("bad-value-type", "$.Statement[0].Action[1]")
    );
}

#[test]
fn malformed_actions_and_arns_point_at_the_value() {
    let text = "{\"Version\": \"1\", \"Statement\": [\n  {\"Effect\": \"Allow\",\n   \"Action\": [\"oss:GetObject\", \"oss.PutObject\"],\n   \"Resource\": \"oss:*:123:b\"}]}";
    let decoded = decode(text, Some(PolicyKind::Identity));
    let codes: Vec<_> = decoded
        .problems
        .iter()
        .map(|p| (p.code, p.path.to_string(), p.line, p.column))
        .collect();
    assert_eq!(
        codes,
        vec![
            (
                "malformed-action",
                "$.Statement[0].Action[1]".to_string(),
                Some(3),
                Some(32)
            ),
            (
                "malformed-arn",
                "$.Statement[0].Resource".to_string(),
                Some(4),
                Some(16)
            ),
        ]
    );
    assert_eq!(
        decoded.problems[0].fix.as_ref().unwrap().snippet.as_deref(),
        Some("\"oss:PutObject\"")
    );
    assert_eq!(
        decoded.problems[1].fix.as_ref().unwrap().snippet.as_deref(),
        Some("\"acs:oss:*:123:b\"")
    );
}

#[test]
fn principal_belongs_only_in_trust_policies() {
    let text = stmt("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Principal\": {\"RAM\": \"*\"}}");
    assert_eq!(identity(&text).0, "principal-in-identity-policy");
    let trust = stmt("{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\"}");
    assert_eq!(problem(&trust, PolicyKind::Trust).0, "missing-principal");
    let bad = stmt(
        "{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Principal\": {\"AWS\": \"1\"}}",
    );
    assert_eq!(problem(&bad, PolicyKind::Trust).0, "unknown-principal-type");
    let bad = stmt("{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Principal\": {\"RAM\": [\"1234\"]}}");
    let decoded = decode(&bad, Some(PolicyKind::Trust));
    assert_eq!(decoded.problems[0].code, "malformed-principal");
    assert_eq!(
        decoded.problems[0].path.to_string(),
        "$.Statement[0].Principal.RAM[0]"
    );
    assert_eq!(
        decoded.problems[0].fix.as_ref().unwrap().snippet.as_deref(),
        Some("\"acs:ram::1234:root\"")
    );
    let bare =
        stmt("{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Principal\": \"*\"}");
    assert_eq!(problem(&bare, PolicyKind::Trust).0, "bad-principal");
}

#[test]
fn condition_operators_and_value_types() {
    let with = |cond: &str| {
        stmt(&format!("{{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {cond}}}"))
    };
    let (code, path, ..) = identity(&with("{\"StringEqual\": {\"a:b\": \"x\"}}"));
    assert_eq!(
        (code.as_str(), path.as_str()),
        (
            "unknown-condition-operator",
            "$.Statement[0].Condition.StringEqual"
        )
    );
    let d = decode(
        &with("{\"ForAnyValue:StringEquals\": {\"a:b\": \"x\"}}"),
        None,
    );
    assert!(en(&d.problems[0].message).contains("ForAnyValue"));
    assert_eq!(
        en(&d.problems[0].fix.as_ref().unwrap().description),
        "Use \"StringEquals\"."
    );
    let (code, path, ..) = identity(&with(
        "{\"NumericLessThan\": {\"oss:MaxKeys\": [\"10\", \"ten\"]}}",
    ));
    assert_eq!(
        (code.as_str(), path.as_str()),
        (
            "condition-value-type",
            "$.Statement[0].Condition.NumericLessThan[\"oss:MaxKeys\"][1]"
        )
    );
    assert_eq!(
        identity(&with("{\"Bool\": {\"acs:SecureTransport\": \"yes\"}}")).0,
        "condition-value-type"
    );
    assert_eq!(
        identity(&with("{\"DateLessThan\": {\"acs:CurrentTime\": \"soon\"}}")).0,
        "condition-value-type"
    );
    assert_eq!(
        identity(&with("{\"IpAddress\": {\"acs:SourceIp\": \"300.1.1.1\"}}")).0,
        "condition-value-type"
    );
    assert_eq!(identity(&with("{}")).0, "bad-condition");
    assert_eq!(identity(&with("{\"StringEquals\": {}}")).0, "bad-condition");
    assert_eq!(
        identity(&with("{\"StringEquals\": {\"a:b\": []}}")).0,
        "bad-condition-value"
    );
    assert_eq!(
        identity(&with("{\"StringEquals\": {\"a:b\": null}}")).0,
        "bad-condition-value"
    );
}

#[test]
fn syntax_errors_and_duplicates_are_invalid_json() {
    let e = parse(
        "{\"Version\": \"1\",\n\"Version\": \"1\", \"Statement\": []}",
        PolicyKind::Identity,
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidJson);
    assert_eq!(
        (e.path.as_deref(), e.line, e.column),
        (Some("$.Version"), Some(2), Some(1))
    );
    let e = parse(
        "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\",}]}",
        PolicyKind::Identity,
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidJson);
    assert_eq!(e.path.as_deref(), Some("$.Statement[0]"));
    assert_eq!(
        parse("[]", PolicyKind::Identity)
            .unwrap_err()
            .path
            .as_deref(),
        Some("$")
    );
}

#[test]
fn statement_shapes() {
    assert_eq!(identity("{\"Version\": \"1\"}").0, "missing-statement");
    assert_eq!(
        identity("{\"Version\": \"1\", \"Statement\": {}}").0,
        "statement-not-array"
    );
    assert_eq!(
        identity("{\"Version\": \"1\", \"Statement\": [\"x\"]}").0,
        "statement-not-object"
    );
    assert!(parse(
        "{\"Version\": \"1\", \"Statement\": []}",
        PolicyKind::Identity
    )
    .is_ok());
}

#[test]
fn decode_keeps_the_sound_statements_and_every_problem() {
    let text = stmt(
        "{\"Effect\": \"Allow\", \"Action\": \"oss:GetObject\", \"Resource\": \"*\"},
         {\"Effect\": \"Alow\", \"Action\": \"x\", \"Resource\": \"*\"},
         {\"Effect\": \"Deny\", \"Action\": \"oss:PutObject\", \"Resource\": \"*\"}",
    );
    let d = decode(&text, None);
    assert_eq!(d.indices, vec![0, 2]);
    assert_eq!(d.policy.statements.len(), 2);
    let codes: Vec<_> = d.problems.iter().map(|p| p.code).collect();
    assert_eq!(codes, vec!["bad-effect", "malformed-action"]);
    // Each problem is a catalog message with words in both languages.
    for p in &d.problems {
        assert!(en(&p.message).ends_with('.'), "{}", en(&p.message));
        assert!(zh(&p.message).ends_with('。'), "{}", zh(&p.message));
    }
}
