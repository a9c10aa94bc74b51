//! `rolehop profile ...`: human output with FILE:LINE:COLUMN errors, --json, exit codes.

mod common;

use common::{rolehop, stderr, stdout, temp_file};
use std::process::Command;

const CONFIG: &str = "tests/fixtures/profiles/aliyun-config.json";
const ROLES: &str = "tests/fixtures/profiles/roles.ini";

const BAD: &str = "[profile ok]\naccount = acme\nrole_name = r\n\n[profile bad]\naccount = acme\nrole_name = a_b\nrolename = x\n";

#[test]
fn parse_lists_profiles_and_every_error_with_its_position() {
    let o = rolehop(&["profile", "parse", ROLES], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains(&format!(
        "{ROLES}:3: acme-prod  acme -> admin-oss  (cn)  [Acme]  Acme production"
    )));
    assert!(stderr(&o).contains("4 profiles, 0 errors."));

    let o = rolehop(&["profile", "parse", "-"], BAD);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("-:7:14: invalid-value: Role name \"a_b\": \"_\" at character 2 is not allowed"),
        "{e}"
    );
    assert!(
        e.contains("-:8:1: unsupported: Unknown key \"rolename\": did you mean role_name?"),
        "{e}"
    );
    assert!(e.contains("(profile bad, key rolename)"), "{e}");
    assert!(stdout(&o).contains("-:1: ok"));
}

#[test]
fn zh_prints_the_chinese_messages() {
    let o = rolehop(&["profile", "parse", "-", "--zh"], BAD);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("-:7:14: invalid-value: 角色名称“a_b”的第 2 个字符“_”不允许：只能使用字母、数字、. 和 -。"), "{e}");
    assert!(
        e.contains("-:8:1: unsupported: 未知的键“rolename”：您是否要写 role_name？"),
        "{e}"
    );
    let o = rolehop(&["profile", "import", CONFIG, "--zh"], "");
    assert!(
        stderr(&o).contains("已跳过“temp”（StsToken）：它保存的是 STS 令牌"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn parse_json_is_the_contract_answer() {
    let o = rolehop(
        &["profile", "parse", "-", "--json", "--default-site", "intl"],
        BAD,
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["profiles"][0]["site"], "intl");
    assert_eq!(v["errors"][0]["line"], 7);
    assert_eq!(v["errors"][0]["column"], 14);
}

#[test]
fn format_prints_checks_and_writes_the_canonical_text() {
    let o = rolehop(&["profile", "format", ROLES], "");
    assert_eq!(o.status.code(), Some(0));
    let canonical = stdout(&o);
    assert!(canonical.starts_with("[profile acme-prod]\ndisplay_name = Acme production\naccount = acme\nrole_arn = acs:ram::1746000000000001:role/admin-oss\nsite = cn\n"), "{canonical}");
    assert_eq!(
        rolehop(&["profile", "format", ROLES, "--check"], "")
            .status
            .code(),
        Some(1)
    );
    let file = temp_file(
        "format.ini",
        &std::fs::read_to_string(format!("{}/{ROLES}", env!("CARGO_MANIFEST_DIR"))).unwrap(),
    );
    assert_eq!(
        rolehop(&["profile", "format", &file, "--write"], "")
            .status
            .code(),
        Some(0)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), canonical);
    assert_eq!(
        rolehop(&["profile", "format", &file, "--check"], "")
            .status
            .code(),
        Some(0)
    );

    let bad = temp_file("bad.ini", BAD);
    let o = rolehop(&["profile", "format", &bad, "--write"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&format!("{bad}:7:14:")));
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        BAD,
        "nothing written on an error"
    );
    assert_eq!(
        rolehop(&["profile", "format", "-", "--write"], "")
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn import_prints_profile_text_and_reports_what_it_skipped() {
    let o = rolehop(&["profile", "import", CONFIG], "");
    assert_eq!(
        o.status.code(),
        Some(1),
        "the fixture has one broken profile"
    );
    assert_eq!(
        stdout(&o),
        include_str!("fixtures/profiles/aliyun-config.expected.ini")
    );
    let e = stderr(&o);
    assert!(
        e.contains(&format!(
            "{CONFIG}:106:30: invalid-value: Account UID \"174600000000009\" has 15 digits"
        )),
        "{e}"
    );
    assert!(
        e.contains("Skipped \"default\" (AK): It holds an AccessKey"),
        "{e}"
    );
    assert!(!e.contains("FAKEsecret") && !stdout(&o).contains("FAKEsecret"));

    let home = std::env::temp_dir().join(format!("rolehop-profile-home-{}", std::process::id()));
    std::fs::create_dir_all(home.join(".aliyun")).unwrap();
    std::fs::write(home.join(".aliyun/config.json"), r#"{"profiles": [{"name": "x", "mode": "RamRoleArn", "ram_role_arn": "acs:ram::1746000000000001:role/r"}]}"#).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_rolehop"))
        .args(["profile", "import", "--json"])
        .env("HOME", &home)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["profiles"][0]["id"], "x");
}

#[test]
fn export_merges_into_a_base_config() {
    let o = rolehop(
        &[
            "profile",
            "export",
            ROLES,
            "--base",
            CONFIG,
            "--source-profile",
            "default",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let config: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let names: Vec<_> = config["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.last(), Some(&"new-one"));
    assert!(
        stdout(&o).contains("FAKEsecret0000000000000000000002"),
        "the base's own keys are kept"
    );
    assert!(
        stderr(&o)
            .contains("Skipped \"partner\" (RamRoleArn): The account \"partner-co\" is an alias"),
        "{}",
        stderr(&o)
    );
    let o = rolehop(&["profile", "export", "-"], BAD);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
}

#[test]
fn url_for_a_profile_or_for_values() {
    let o = rolehop(
        &[
            "profile",
            "url",
            ROLES,
            "new-one",
            "--marker",
            "0123456789abcdef",
        ],
        "",
    );
    assert_eq!(stdout(&o), "https://signin.alibabacloud.com/switchRole.htm?parentAlias=1746000000000005.onaliyun.com&roleName=auditor#rolehop=0123456789abcdef\n");
    let o = rolehop(&["profile", "url", ROLES, "ACME-PROD", "--exit"], "");
    assert_eq!(
        stdout(&o),
        "https://signin.aliyun.com/exitSwitchedRole.htm\n"
    );
    let o = rolehop(
        &[
            "profile",
            "url",
            "--account",
            "acme",
            "--role-name",
            "admin",
            "--site",
            "intl",
            "--json",
        ],
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v["url"],
        "https://signin.alibabacloud.com/switchRole.htm?parentAlias=acme&roleName=admin"
    );
    assert_eq!(
        v["exitUrl"],
        "https://signin.alibabacloud.com/exitSwitchedRole.htm"
    );
    let o = rolehop(
        &["profile", "url", "--account", "acme", "--role-name", "a b"],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("Role name \"a b\": \" \" at character 2"),
        "{}",
        stderr(&o)
    );
    let o = rolehop(&["profile", "url", ROLES, "nobody"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("has no valid profile \"nobody\""));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["profile"][..],
        &["profile", "nope"],
        &["profile", "parse"],
        &["profile", "parse", "-", "--bogus"],
        &["profile", "url", "--account", "a"],
    ] {
        let o = rolehop(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("Usage:"));
    }
    assert_eq!(rolehop(&["profile", "help"], "").status.code(), Some(0));
    assert!(
        stdout(&rolehop(&["help"], "")).contains("rolehop profile parse|format|import|export|url")
    );
    let o = rolehop(&["profile", "parse", "/nonexistent/p.ini"], "");
    assert_eq!(o.status.code(), Some(1));
    // The catalog's sentence (core_cli_read_failed), capitalised like every sentence.
    assert!(stderr(&o).contains("Could not read /nonexistent/p.ini"));
}
