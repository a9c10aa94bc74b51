//! `rolehop policy ...`: flags, human and JSON output, exit codes.

mod common;

use common::{rolehop, stderr, stdout, temp_file};

#[test]
fn build_prints_the_document_and_notes_on_stderr() {
    let o = rolehop(
        &["policy", "build", "trust", "--account", "1999000000000002"],
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        doc["Statement"][0]["Principal"]["RAM"][0],
        "acs:ram::1999000000000002:root"
    );
    assert!(
        stderr(&o).contains("security-warning[trust-account-root]"),
        "{}",
        stderr(&o)
    );
    let o = rolehop(
        &[
            "policy",
            "build",
            "assume-role",
            "--role-arn",
            "acs:ram::1746000000000001:role/admin-oss",
            "--json",
        ],
        "",
    );
    let out: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(out["policyKind"], "identity");
    let o = rolehop(
        &[
            "policy",
            "build",
            "post-object",
            "--bucket",
            "uploads-a",
            "--key-prefix",
            "in/",
            "--expiration",
            "2026-01-01T00:00:00Z",
            "--content-length-range",
            "0,1024",
        ],
        "",
    );
    assert!(
        stdout(&o).contains("[\"content-length-range\",0,1024]"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn build_errors_and_usage() {
    let o = rolehop(&["policy", "build", "trust", "--account", "B"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("$.account"));
    let o = rolehop(&["policy", "build", "trust", "--acount", "1"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown flag --acount"));
    let o = rolehop(
        &["policy", "build", "--request", "-"],
        "{\"kind\": \"oss-read-only\", \"account\": \"1746000000000001\", \"buckets\": [\"media-a\"]}",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn lint_exit_codes_follow_the_levels() {
    let bad = temp_file("bad.json", "{\"Version\": \"1\",\n \"Statement\": [{\"Effect\": \"allow\", \"Action\": \"oss:GetObject\", \"Resource\": \"*\"}]}");
    let o = rolehop(&["policy", "lint", &bad], "");
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(
        text.contains(":2:27: error[bad-effect] $.Statement[0].Effect"),
        "{text}"
    );
    assert!(
        text.contains("1 finding (errors: 1, security warnings: 0, warnings: 0, suggestions: 0)."),
        "{text}"
    );
    assert!(text.contains("Effect must be \"Allow\" or \"Deny\" (case-sensitive); it is \"allow\".\n    Fix: Write \"Allow\".\n    Replace with: \"Allow\""), "{text}");
    // The same finding in Chinese, from the same catalog.
    let zh = stdout(&rolehop(&["policy", "lint", &bad, "--zh"], ""));
    assert!(zh.contains("“Effect”必须是“Allow”或“Deny”（区分大小写），实际为 \"allow\"。\n    修复：改为“Allow”。"), "{zh}");
    let broad = "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"oss:*\", \"Resource\": \"*\"}]}";
    assert_eq!(
        rolehop(&["policy", "lint", "-"], broad).status.code(),
        Some(0)
    );
    assert_eq!(
        rolehop(&["policy", "lint", "-", "--read-only"], broad)
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        rolehop(
            &[
                "policy",
                "lint",
                "-",
                "--read-only",
                "--fail-on",
                "security-warning"
            ],
            broad
        )
        .status
        .code(),
        Some(1)
    );
    let o = rolehop(&["policy", "lint", "-", "--json", "--zh"], broad);
    let out: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(out["valid"], true);
    let o = rolehop(&["policy", "lint", "-", "--read-only", "--zh"], broad);
    assert!(stdout(&o).contains("该策略应为只读"), "{}", stdout(&o));
}

#[test]
fn simulate_answers_with_exit_codes() {
    let trust = temp_file(
        "trust.json",
        r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::1999000000000002:root"]}}]}"#,
    );
    let args = |principal: &'static str| {
        vec![
            "policy",
            "simulate",
            "--identity",
            "AliyunSTSAssumeRoleAccess",
            "--trust",
            trust.as_str(),
            "--principal",
            principal,
            "--action",
            "sts:AssumeRole",
            "--resource",
            "acs:ram::1746000000000001:role/admin-oss",
        ]
    };
    let o = rolehop(&args("acs:ram::1999000000000002:user/alice"), "");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("Decision: Allow"), "{}", stdout(&o));
    let o = rolehop(&args("acs:ram::1888000000000003:user/alice"), "");
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stdout(&o).contains("does not trust acs:ram::1888000000000003:user/alice"),
        "{}",
        stdout(&o)
    );
    let o = rolehop(
        &[
            "policy",
            "simulate",
            "--identity",
            "AliyunOSSReadOnlyAccess",
            "--action",
            "oss:ListObjects",
            "--resource",
            "acs:oss:*:1:b",
            "--context",
            "oss:Prefix=a/",
            "--json",
        ],
        "",
    );
    let out: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(out["decision"], "Allow");
    let o = rolehop(&["policy", "simulate", "--request", "-"], "{\"identityPolicies\": [], \"requests\": [{\"action\": \"a:b\"}], \"detail\": \"decision\"}");
    assert_eq!(
        (o.status.code(), stdout(&o).trim()),
        (Some(3), "ImplicitDeny")
    );
    let o = rolehop(
        &[
            "policy",
            "simulate",
            "--identity",
            "NoSuchPolicy",
            "--action",
            "a:b",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not in RoleHop's system-policy catalog"));
}

#[test]
fn help_lists_the_policy_commands() {
    let o = rolehop(&["policy", "help"], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("rolehop policy simulate"));
    assert!(stdout(&rolehop(&["help"], "")).contains("rolehop policy build|lint|simulate"));
}
