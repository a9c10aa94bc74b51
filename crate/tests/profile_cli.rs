//! `rolehop profile ...`: human output with FILE:LINE:COLUMN errors, --json, exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const CONFIG: &str = "tests/fixtures/profiles/aliyun-config.json";
const ROLES: &str = "tests/fixtures/profiles/roles.ini";

fn rolehop(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rolehop"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("rolehop-profile-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

const BAD: &str = "[profile ok]\naccount = acme\nrole_name = r\n\n[profile bad]\naccount = acme\nrole_name = a_b\nrolename = x\n";

#[test]
fn parse_lists_profiles_and_every_error_with_its_position() {
    let o = rolehop(&["profile", "parse", ROLES], "");
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains(&format!(
        "{ROLES}:3: acme-prod  acme -> admin-oss  (cn)  [Acme]  Acme production"
    )));
    assert!(err(&o).contains("4 profile(s), 0 error(s)"));

    let o = rolehop(&["profile", "parse", "-"], BAD);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    assert!(
        e.contains("-:7:14: invalid-value: role_name must be 1-64 characters"),
        "{e}"
    );
    assert!(
        e.contains("-:8:1: unsupported: unknown key \"rolename\": did you mean role_name?"),
        "{e}"
    );
    assert!(e.contains("(profile bad, key rolename)"), "{e}");
    assert!(out(&o).contains("-:1: ok"));
}

#[test]
fn zh_prints_the_chinese_messages() {
    let o = rolehop(&["profile", "parse", "-", "--zh"], BAD);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    assert!(e.contains("-:7:14: invalid-value: role_name 须为 1-64 个字母、数字、'.' 或 '-'；第 2 个字符 '_' 不允许"), "{e}");
    assert!(
        e.contains("-:8:1: unsupported: 未知的键 \"rolename\"：是否要写 role_name？"),
        "{e}"
    );
    let o = rolehop(&["profile", "import", CONFIG, "--zh"], "");
    assert!(
        err(&o).contains("skipped \"temp\" (StsToken): 它保存的是 STS 临时凭证"),
        "{}",
        err(&o)
    );
}

#[test]
fn parse_json_is_the_contract_answer() {
    let o = rolehop(
        &["profile", "parse", "-", "--json", "--default-site", "intl"],
        BAD,
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["profiles"][0]["site"], "intl");
    assert_eq!(v["errors"][0]["line"], 7);
    assert_eq!(v["errors"][0]["column"], 14);
}

#[test]
fn format_prints_checks_and_writes_the_canonical_text() {
    let o = rolehop(&["profile", "format", ROLES], "");
    assert_eq!(o.status.code(), Some(0));
    let canonical = out(&o);
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
    assert!(err(&o).contains(&format!("{bad}:7:14:")));
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
        out(&o),
        include_str!("fixtures/profiles/aliyun-config.expected.ini")
    );
    let e = err(&o);
    assert!(
        e.contains(&format!("{CONFIG}:106:30: invalid-value: ram_role_arn:")),
        "{e}"
    );
    assert!(
        e.contains("skipped \"default\" (AK): it holds an AccessKey"),
        "{e}"
    );
    assert!(!e.contains("FAKEsecret") && !out(&o).contains("FAKEsecret"));

    let home = std::env::temp_dir().join(format!("rolehop-profile-home-{}", std::process::id()));
    std::fs::create_dir_all(home.join(".aliyun")).unwrap();
    std::fs::write(home.join(".aliyun/config.json"), r#"{"profiles": [{"name": "x", "mode": "RamRoleArn", "ram_role_arn": "acs:ram::1746000000000001:role/r"}]}"#).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_rolehop"))
        .args(["profile", "import", "--json"])
        .env("HOME", &home)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
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
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let config: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let names: Vec<_> = config["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.last(), Some(&"new-one"));
    assert!(
        out(&o).contains("FAKEsecret0000000000000000000002"),
        "the base's own keys are kept"
    );
    assert!(
        err(&o).contains("skipped partner: the account \"partner-co\" is an alias"),
        "{}",
        err(&o)
    );
    let o = rolehop(&["profile", "export", "-"], BAD);
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).is_empty());
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
    assert_eq!(out(&o), "https://signin.alibabacloud.com/switchRole.htm?parentAlias=1746000000000005.onaliyun.com&roleName=auditor#rolehop=0123456789abcdef\n");
    let o = rolehop(&["profile", "url", ROLES, "ACME-PROD", "--exit"], "");
    assert_eq!(out(&o), "https://signin.aliyun.com/exitSwitchedRole.htm\n");
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
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
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
    assert!(err(&o).contains("role_name must be"), "{}", err(&o));
    let o = rolehop(&["profile", "url", ROLES, "nobody"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("has no valid profile \"nobody\""));
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
        assert!(err(&o).contains("Usage:"));
    }
    assert_eq!(rolehop(&["profile", "help"], "").status.code(), Some(0));
    assert!(out(&rolehop(&["help"], "")).contains("rolehop profile parse|format|import|export|url"));
    let o = rolehop(&["profile", "parse", "/nonexistent/p.ini"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("could not read /nonexistent/p.ini"));
}
