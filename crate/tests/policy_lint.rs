//! The linter: each finding's level, code, path, position and fix, on small documents.

use rolehop::catalog::{en, zh};
use rolehop::policy::lint::{lint, Intent, LintOptions, Report};
use rolehop::policy::model::PolicyKind;
use rolehop::policy::Level;

fn identity(text: &str) -> Report {
    lint(
        text,
        &LintOptions {
            kind: Some(PolicyKind::Identity),
            ..LintOptions::default()
        },
    )
}

fn trust(text: &str) -> Report {
    lint(
        text,
        &LintOptions {
            kind: Some(PolicyKind::Trust),
            ..LintOptions::default()
        },
    )
}

fn stmts(body: &str) -> String {
    format!("{{\"Version\": \"1\", \"Statement\": [{body}]}}")
}

/// (level, code, path) of every finding.
fn codes(report: &Report) -> Vec<(Level, &'static str, String)> {
    report
        .findings
        .iter()
        .map(|f| (f.level, f.code, f.path.to_string()))
        .collect()
}

fn has(report: &Report, level: Level, code: &str, path: &str) -> bool {
    report
        .findings
        .iter()
        .any(|f| f.level == level && f.code == code && f.path.to_string() == path)
}

fn fix_snippet<'a>(report: &'a Report, code: &str) -> Option<&'a str> {
    report
        .findings
        .iter()
        .find(|f| f.code == code)?
        .fix
        .as_ref()?
        .snippet
        .as_deref()
}

#[test]
fn a_least_privilege_policy_is_clean() {
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": "oss:ListObjects", "Resource": "acs:oss:*:1746000000000001:reports",
            "Condition": {"StringLike": {"oss:Prefix": "team/*"}}},
           {"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:1746000000000001:reports/team/*"}"#,
    ));
    assert_eq!(codes(&r), vec![]);
    assert!(r.valid);
    assert_eq!(r.kind, PolicyKind::Identity);
}

#[test]
fn parser_errors_are_error_findings_with_positions() {
    let r = identity("{\"Version\": \"2\",\n \"Statement\": [{\"Effect\": \"allow\", \"Action\": \"oss-GetObject\", \"Resource\": \"*\"}]}");
    assert!(!r.valid);
    assert_eq!(
        codes(&r),
        vec![
            (Level::Error, "bad-version", "$.Version".into()),
            (Level::Error, "bad-effect", "$.Statement[0].Effect".into()),
            (
                Level::Error,
                "malformed-action",
                "$.Statement[0].Action".into()
            ),
        ]
    );
    let effect = &r.findings[1];
    assert_eq!((effect.line, effect.column), (Some(2), Some(27)));
    assert_eq!(
        effect.fix.as_ref().unwrap().snippet.as_deref(),
        Some("\"Allow\"")
    );
    assert_eq!(
        fix_snippet(&r, "malformed-action"),
        Some("\"oss:GetObject\"")
    );
    assert_eq!(r.summary.error, 3);
}

#[test]
fn invalid_json_is_one_error() {
    let r = identity("{\"Version\": \"1\", \"Statement\": [}");
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].code, "invalid-json");
    assert_eq!(r.findings[0].column, Some(32));
}

#[test]
fn unknown_services_and_actions() {
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": ["s3:GetObject", "oss:GetObjects", "oss:Lsit*", "ecs:DescribeInstances"], "Resource": "*"}"#,
    ));
    assert_eq!(
        codes(&r),
        vec![
            (
                Level::Warning,
                "unknown-service",
                "$.Statement[0].Action[0]".into()
            ),
            (
                Level::Warning,
                "unknown-action",
                "$.Statement[0].Action[1]".into()
            ),
            (
                Level::Warning,
                "action-matches-nothing",
                "$.Statement[0].Action[2]".into()
            ),
        ]
    );
    assert_eq!(
        fix_snippet(&r, "unknown-service"),
        Some("\"oss:GetObject\"")
    );
    assert_eq!(fix_snippet(&r, "unknown-action"), Some("\"oss:GetObject\""));
}

#[test]
fn arns_malformed_or_for_another_service() {
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "oss:*:1746000000000001:b/*"}"#,
    ));
    assert!(has(
        &r,
        Level::Error,
        "malformed-arn",
        "$.Statement[0].Resource"
    ));
    assert_eq!(
        fix_snippet(&r, "malformed-arn"),
        Some("\"acs:oss:*:1746000000000001:b/*\"")
    );
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": ["acs:ecs:*:1746000000000001:b/*"]}"#,
    ));
    assert!(has(
        &r,
        Level::Warning,
        "resource-service-mismatch",
        "$.Statement[0].Resource[0]"
    ));
    assert_eq!(
        fix_snippet(&r, "resource-service-mismatch"),
        Some("\"acs:oss:*:1746000000000001:b/*\"")
    );
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "acs:ram:cn-hangzhou:1746000000000001:role/admin-oss"}"#,
    ));
    assert_eq!(
        codes(&r),
        vec![(
            Level::Warning,
            "region-in-global-arn",
            "$.Statement[0].Resource".into()
        )]
    );
    assert_eq!(
        fix_snippet(&r, "region-in-global-arn"),
        Some("\"acs:ram::1746000000000001:role/admin-oss\"")
    );
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:company-a:b/*"}"#,
    ));
    assert!(has(
        &r,
        Level::Warning,
        "bad-account-in-arn",
        "$.Statement[0].Resource"
    ));
}

#[test]
fn oss_bucket_and_object_levels() {
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": ["oss:ListObjects", "oss:GetObject"], "Resource": "acs:oss:*:1:bucket/*"}"#,
    ));
    assert_eq!(
        codes(&r),
        vec![(
            Level::Warning,
            "oss-resource-level-mismatch",
            "$.Statement[0].Action[0]".into()
        )]
    );
    let fix = r.findings[0].fix.as_ref().unwrap();
    assert_eq!(
        fix.snippet.as_deref(),
        Some(r#"["acs:oss:*:1:bucket/*","acs:oss:*:1:bucket"]"#)
    );
    assert_eq!(
        fix.path.as_ref().unwrap().to_string(),
        "$.Statement[0].Resource"
    );
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:1:bucket"}"#,
    ));
    assert_eq!(
        fix_snippet(&r, "oss-resource-level-mismatch"),
        Some(r#"["acs:oss:*:1:bucket","acs:oss:*:1:bucket/*"]"#)
    );
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": "oss:ListBuckets", "Resource": "acs:oss:*:1:bucket"}"#,
    ));
    assert_eq!(
        fix_snippet(&r, "oss-resource-level-mismatch"),
        Some(r#"["acs:oss:*:1:bucket","acs:oss:*:1:*"]"#)
    );
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": "oss:*", "Resource": ["acs:oss:*:1:b", "acs:oss:*:1:b*"]}"#,
    ));
    assert!(r
        .findings
        .iter()
        .all(|f| f.code != "oss-resource-level-mismatch"));
}

#[test]
fn condition_findings() {
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": ["oss:ListObjects", "oss:GetObject"], "Resource": ["acs:oss:*:1:b", "acs:oss:*:1:b/*"],
            "Condition": {"StringLike": {"oss:Prefix": "a/*", "acs:SourceIp": "10.*", "acs:SorceIp": "x", "Prefix": "y"},
                          "Bogus": {"a:b": "c"}}}"#,
    ));
    assert!(has(
        &r,
        Level::Error,
        "unknown-condition-operator",
        "$.Statement[0].Condition.Bogus"
    ));
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": ["oss:ListObjects", "oss:GetObject"], "Resource": ["acs:oss:*:1:b", "acs:oss:*:1:b/*"],
            "Condition": {"StringLike": {"oss:Prefix": "a/*", "acs:SourceIp": "10.*", "acs:SorceIp": "x", "Prefix": "y"}}}"#,
    ));
    let base = "$.Statement[0].Condition.StringLike";
    assert!(has(
        &r,
        Level::Warning,
        "list-condition-on-other-action",
        &format!("{base}[\"oss:Prefix\"]")
    ));
    assert!(has(
        &r,
        Level::Warning,
        "condition-operator-mismatch",
        &format!("{base}[\"acs:SourceIp\"]")
    ));
    assert!(has(
        &r,
        Level::Warning,
        "unknown-condition-key",
        &format!("{base}[\"acs:SorceIp\"]")
    ));
    assert!(has(
        &r,
        Level::Warning,
        "malformed-condition-key",
        &format!("{base}.Prefix")
    ));
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Condition": {"NumericLessThan": {"oss:MaxKeys": "ten"}}}"#,
    ));
    assert!(has(
        &r,
        Level::Error,
        "condition-value-type",
        "$.Statement[0].Condition.NumericLessThan[\"oss:MaxKeys\"]"
    ));
}

#[test]
fn oss_ip_wildcards_lint_clean_and_misplaced_ones_do_not() {
    // OSS documents `192.168.0.*` in acs:SourceIp: whole trailing IPv4 parts only.
    let with_ip = |value: &str| {
        identity(&stmts(&format!(
            r#"{{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:1:b/*", "Condition": {{"IpAddress": {{"acs:SourceIp": "{value}"}}}}}}"#
        )))
    };
    let path = "$.Statement[0].Condition.IpAddress[\"acs:SourceIp\"]";
    for ok in ["192.168.0.*", "10.1.*.*", "203.0.113.0/24"] {
        let r = with_ip(ok);
        assert!(
            !has(&r, Level::Error, "condition-value-type", path),
            "{ok}: {:?}",
            codes(&r)
        );
    }
    for bad in ["192.*.0.1", "192.168.0.*/24", "2001:db8::*", "192.168.*"] {
        let r = with_ip(bad);
        assert!(
            has(&r, Level::Error, "condition-value-type", path),
            "{bad}: {:?}",
            codes(&r)
        );
    }
}

#[test]
fn role_sessions_are_principals_in_both_spellings() {
    for principal in [
        "acs:ram::1999000000000002:role/ci/build-42",
        "acs:ram::1999000000000002:assumed-role/ci/build-42",
    ] {
        let r = trust(&stmts(&format!(
            r#"{{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {{"RAM": ["{principal}"]}}}}"#
        )));
        assert!(
            r.findings.iter().all(|f| f.level != Level::Error),
            "{principal}: {:?}",
            codes(&r)
        );
    }
    let r = trust(&stmts(
        r#"{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["acs:ram::1999000000000002:assumed-role/ci"]}}"#,
    ));
    assert!(
        r.findings.iter().any(|f| f.level == Level::Error),
        "{:?}",
        codes(&r)
    );
}

#[test]
fn principal_rules_depend_on_the_kind() {
    let with_principal = stmts(
        r#"{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*", "Principal": {"RAM": ["acs:ram::1:root"]}}"#,
    );
    assert!(has(
        &identity(&with_principal),
        Level::Error,
        "principal-in-identity-policy",
        "$.Statement[0].Principal"
    ));
    let no_principal = stmts(r#"{"Effect": "Allow", "Action": "sts:AssumeRole"}"#);
    assert!(has(
        &trust(&no_principal),
        Level::Error,
        "missing-principal",
        "$.Statement[0].Principal"
    ));
    // Detected kind: a Principal makes it a trust policy.
    let detected = lint(&with_principal, &LintOptions::default());
    assert_eq!(detected.kind, PolicyKind::Trust);
}

#[test]
fn trust_policy_findings() {
    let r = trust(&stmts(
        r#"{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["acs:ram::1999000000000002:root", "*"], "Service": "ecs"}}"#,
    ));
    assert_eq!(
        codes(&r),
        vec![
            (
                Level::SecurityWarning,
                "trust-account-root",
                "$.Statement[0].Principal.RAM[0]".into()
            ),
            (
                Level::SecurityWarning,
                "principal-anyone",
                "$.Statement[0].Principal.RAM[1]".into()
            ),
            (
                Level::Warning,
                "service-principal-domain",
                "$.Statement[0].Principal.Service".into()
            ),
        ]
    );
    let root = &r.findings[0];
    assert_eq!(
        root.fix.as_ref().unwrap().snippet.as_deref(),
        Some(r#"["acs:ram::1999000000000002:user/<user name>","*"]"#)
    );
    assert_eq!(
        root.fix
            .as_ref()
            .unwrap()
            .path
            .as_ref()
            .unwrap()
            .to_string(),
        "$.Statement[0].Principal.RAM"
    );
    // With the users known, the fix names them.
    let options = LintOptions {
        kind: Some(PolicyKind::Trust),
        trusted_principals: vec!["acs:ram::1999000000000002:user/alice".into()],
        ..LintOptions::default()
    };
    let r = lint(
        &stmts(
            r#"{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": "acs:ram::1999000000000002:root"}}"#,
        ),
        &options,
    );
    assert_eq!(
        fix_snippet(&r, "trust-account-root"),
        Some(r#"["acs:ram::1999000000000002:user/alice"]"#)
    );
    let r = trust(&stmts(
        r#"{"Effect": "Allow", "Action": "sts:AssumeRol", "Principal": {"RAM": "acs:ram::1:user/a"}, "Resource": "*"}"#,
    ));
    assert!(has(
        &r,
        Level::Warning,
        "trust-action-not-assume-role",
        "$.Statement[0].Action"
    ));
    assert!(has(
        &r,
        Level::Warning,
        "resource-in-trust-policy",
        "$.Statement[0].Resource"
    ));
    assert!(has(
        &r,
        Level::Warning,
        "unknown-action",
        "$.Statement[0].Action"
    ));
}

#[test]
fn broad_grants() {
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "NotAction": "ram:*", "NotResource": "acs:oss:*:1:secret/*"}"#,
    ));
    assert!(has(
        &r,
        Level::SecurityWarning,
        "allow-not-action",
        "$.Statement[0].NotAction"
    ));
    assert!(has(
        &r,
        Level::SecurityWarning,
        "allow-not-resource",
        "$.Statement[0].NotResource"
    ));
    let r = identity(&stmts(
        r#"{"Effect": "Deny", "NotAction": "oss:Get*", "Resource": "*"}"#,
    ));
    assert_eq!(codes(&r), vec![]);
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#,
    ));
    assert!(has(
        &r,
        Level::SecurityWarning,
        "full-admin",
        "$.Statement[0]"
    ));
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}"#,
    ));
    assert_eq!(
        codes(&r),
        vec![(
            Level::Suggestion,
            "assume-any-role",
            "$.Statement[0].Resource".into()
        )]
    );
}

#[test]
fn read_only_intent() {
    let options = LintOptions {
        kind: Some(PolicyKind::Identity),
        intent: Intent::ReadOnly,
        ..LintOptions::default()
    };
    let r = lint(
        &stmts(
            r#"{"Effect": "Allow", "Action": ["oss:*", "oss:GetObject", "oss:PutObject"], "Resource": "*"}"#,
        ),
        &options,
    );
    assert_eq!(
        codes(&r),
        vec![(
            Level::SecurityWarning,
            "write-in-read-only",
            "$.Statement[0].Action".into()
        )]
    );
    assert_eq!(
        fix_snippet(&r, "write-in-read-only"),
        Some(r#"["oss:Get*","oss:List*","oss:GetObject"]"#)
    );
    let r = lint(
        &stmts(r#"{"Effect": "Allow", "Action": ["oss:Get*", "oss:List*"], "Resource": "*"}"#),
        &options,
    );
    assert_eq!(codes(&r), vec![]);
    let r = lint(
        &stmts(r#"{"Effect": "Deny", "Action": "oss:*", "Resource": "*"}"#),
        &options,
    );
    assert_eq!(codes(&r), vec![]);
}

#[test]
fn duplicates_and_shadows() {
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": "oss:Get*", "Resource": "acs:oss:*:1:b/*"},
           {"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:1:b/docs/*", "Condition": {"Bool": {"acs:SecureTransport": true}}},
           {"Effect": "Allow", "Action": "oss:Get*", "Resource": "acs:oss:*:1:b/*"},
           {"Effect": "Deny", "Action": "oss:*", "Resource": "acs:oss:*:1:c/*"},
           {"Effect": "Allow", "Action": "oss:PutObject", "Resource": "acs:oss:*:1:c/x"},
           {"Effect": "Allow", "Action": "oss:ListObjects", "Resource": "acs:oss:*:1:b"}"#,
    ));
    assert_eq!(
        codes(&r),
        vec![
            (
                Level::Warning,
                "shadowed-statement",
                "$.Statement[1]".into()
            ),
            (
                Level::Warning,
                "duplicate-statement",
                "$.Statement[2]".into()
            ),
            (
                Level::Warning,
                "allow-always-denied",
                "$.Statement[4]".into()
            ),
        ]
    );
    // Equivalent statements written differently: only the later one is reported.
    let r = identity(&stmts(
        r#"{"Effect": "Allow", "Action": ["oss:GetObject", "oss:Get*"], "Resource": "*"},
           {"Effect": "Allow", "Action": "oss:Get*", "Resource": "*"}"#,
    ));
    assert_eq!(
        codes(&r),
        vec![(
            Level::Warning,
            "shadowed-statement",
            "$.Statement[1]".into()
        )]
    );
}

#[test]
fn size_limit() {
    let many: Vec<String> = (0..400)
        .map(|i| format!("\"acs:oss:*:1746000000000001:bucket-{i:04}/*\""))
        .collect();
    let big = stmts(&format!(
        "{{\"Effect\": \"Allow\", \"Action\": \"oss:GetObject\", \"Resource\": [{}]}}",
        many.join(", ")
    ));
    let r = identity(&big);
    assert!(has(&r, Level::Error, "policy-too-large", "$"));
    assert!(r.compact_size.unwrap() > 6144);
    // Over the limit only because of whitespace: a warning whose fix is the compact text.
    let few: Vec<String> = (0..100)
        .map(|i| format!("\"acs:oss:*:1:b{i:03}/*\""))
        .collect();
    let padded = stmts(&format!(
        "{{\"Effect\": \"Allow\", \"Action\": \"oss:GetObject\", \"Resource\": [{}]}}",
        few.join(&format!(",{}", " ".repeat(40)))
    ));
    let r = identity(&padded);
    assert_eq!(
        codes(&r),
        vec![(Level::Warning, "policy-size-whitespace", "$".into())]
    );
    let compact = fix_snippet(&r, "policy-size-whitespace").unwrap();
    assert!(compact.len() <= 6144 && compact.starts_with("{\"Version\":\"1\""));
}

#[test]
fn empty_policy_warns() {
    let r = identity("{\"Version\": \"1\", \"Statement\": []}");
    assert_eq!(
        codes(&r),
        vec![(Level::Warning, "empty-policy", "$.Statement".into())]
    );
}

#[test]
fn every_finding_is_bilingual_and_positioned_when_possible() {
    let r = trust(&stmts(
        r#"{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["*"]}}, {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["*"]}}"#,
    ));
    assert!(!r.findings.is_empty());
    for f in &r.findings {
        assert!(en(&f.message).ends_with('.'), "{}", en(&f.message));
        assert!(zh(&f.message).ends_with('。'), "{}", zh(&f.message));
        assert!(f.line.is_some() && f.column.is_some(), "{f:?}");
    }
}

mod policy_gen;

use proptest::prelude::*;

proptest! {
    #![proptest_config(policy_gen::config(300))]

    /// The parser and the linter agree: a text parses exactly when the linter finds no error
    /// (the size limit aside, which only the linter checks).
    #[test]
    fn parse_ok_iff_no_lint_error((kind, policy) in policy_gen::kind_and_policy(), cut in 0usize..400, byte in any::<u8>()) {
        let text = rolehop::policy::to_pretty(&policy);
        let mut mutated: Vec<char> = text.chars().collect();
        if !mutated.is_empty() {
            let at = cut % mutated.len();
            mutated[at] = char::from(byte % 128);
        }
        for candidate in [text, mutated.into_iter().collect::<String>()] {
            let options = LintOptions { kind: Some(kind), ..LintOptions::default() };
            let report = lint(&candidate, &options);
            let errors = report.findings.iter().filter(|f| f.level == Level::Error && f.code != "policy-too-large").count();
            let parsed = rolehop::policy::parse(&candidate, kind);
            prop_assert_eq!(parsed.is_ok(), errors == 0, "{:?}\n{}", report.findings.first(), candidate);
        }
    }
}
