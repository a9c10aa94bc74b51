//! The aliyun CLI's config.json: import of its role profiles (never its credentials), export
//! back into it (other profiles and keys kept), and the round trip between the two.

mod profile_gen;

use profile_gen::without_lines;
use proptest::prelude::*;
use rolehop::catalog::{en, zh};
use rolehop::profile::aliyun_cli::{export, import};
use rolehop::profile::{parse, to_text, Profile, Site};
use serde_json::Value;

const CONFIG: &str = include_str!("fixtures/profiles/aliyun-config.json");
const EXPECTED_INI: &str = include_str!("fixtures/profiles/aliyun-config.expected.ini");
const ROLES: &str = include_str!("fixtures/profiles/roles.ini");

/// Every credential in the fixture: none may ever reach a profile, a text or a message.
const SECRETS: [&str; 6] = [
    "FAKEsecret",
    "LTAI5tFAKE",
    "STS.FAKE",
    "FAKEstsTOKEN",
    "FAKEssoACCESStoken",
    "alibabacloudsso",
];

fn roles() -> Vec<Profile> {
    let parsed = parse(ROLES, Site::Cn);
    assert!(parsed.errors.is_empty(), "{:#?}", parsed.errors);
    parsed.profiles
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn profile_named<'a>(config: &'a Value, name: &str) -> Option<&'a Value> {
    config["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
}

#[test]
fn import_reads_role_profiles_and_lists_the_rest() {
    let out = import(CONFIG, Site::Cn);
    assert_eq!(to_text(&out.profiles), EXPECTED_INI);
    let ids: Vec<_> = out.profiles.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["acme-prod", "acme-dev", "globex", "aliyun-cli-5"]);
    assert_eq!(out.profiles[2].site, Site::Intl, "site: international");
    assert_eq!(out.profiles[3].display_name, "测试 账号");
    // `line` refers to the canonical text the import returns.
    assert_eq!(
        out.profiles.iter().map(|p| p.line).collect::<Vec<_>>(),
        [1, 6, 11, 16]
    );

    let skipped: Vec<_> = out
        .skipped
        .iter()
        .map(|s| (s.name.as_str(), s.mode.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("default", "AK"),
            ("temp", "StsToken"),
            ("ecs", "EcsRamRole"),
            ("sso", "CloudSSO"),
            ("not-configured", "RamRoleArn"),
        ]
    );
    assert!(en(&out.skipped[0].reason).contains("holds an AccessKey"));
    assert!(en(&out.skipped[4].reason).contains("no role ARN"));
    assert!(zh(&out.skipped[0].reason).contains("AccessKey，不是可切换的角色"));
    assert!(
        zh(&out.errors[0].message).starts_with("账号 UID“174600000000009”有 15 位"),
        "{}",
        zh(&out.errors[0].message)
    );

    let [e] = out.errors.as_slice() else {
        panic!("{:#?}", out.errors)
    };
    assert_eq!((e.line, e.column), (106, 30), "{e:#?}");
    assert_eq!(e.profile.as_deref(), Some("typo"));
    assert_eq!(e.field.as_deref(), Some("ram_role_arn"));
    assert!(
        en(&e.message).starts_with("Account UID \"174600000000009\" has 15 digits"),
        "{}",
        en(&e.message)
    );
}

#[test]
fn import_never_reads_credentials() {
    let out = import(CONFIG, Site::Cn);
    let everything = format!(
        "{}{}",
        serde_json::to_string(&out).unwrap(),
        to_text(&out.profiles)
    );
    for secret in SECRETS {
        assert!(
            !everything.contains(secret),
            "{secret} leaked into {everything}"
        );
    }
}

#[test]
fn import_errors_for_what_is_not_a_config() {
    let out = import(
        "{\n  \"profiles\": [\n    {\"name\": \"a\",}\n  ]\n}",
        Site::Cn,
    );
    let [e] = out.errors.as_slice() else {
        panic!("{:#?}", out.errors)
    };
    assert_eq!(
        (e.kind, e.line, e.column),
        (rolehop::ErrorKind::InvalidJson, 3, 18)
    );
    let out = import("[]", Site::Cn);
    assert!(en(&out.errors[0].message).contains("config.json"));
    let out = import("{\"current\": \"x\"}", Site::Cn);
    assert!(en(&out.errors[0].message).contains("\"profiles\" array"));
    let out = import("{\"profiles\": {}}", Site::Cn);
    assert_eq!((out.errors[0].line, out.errors[0].column), (1, 14));
    let out = import("{\"profiles\": [1, {\"name\": \"x\"}]}", Site::Cn);
    assert_eq!(out.errors.len(), 1);
    assert_eq!(
        en(&out.skipped[0].reason),
        "It has no mode: only RamRoleArn and ChainableRamRoleArn profiles are imported."
    );
}

#[test]
fn duplicate_names_and_odd_names() {
    let config = r#"{"profiles": [
        {"name": "Team A", "mode": "RamRoleArn", "ram_role_arn": "acs:ram::1746000000000001:role/r"},
        {"name": "team-a", "mode": "RamRoleArn", "ram_role_arn": "acs:ram::1746000000000002:role/r"},
        {"name": "-x-", "mode": "RamRoleArn", "ram_role_arn": "acs:ram::1746000000000003:role/r"}
    ]}"#;
    let out = import(config, Site::Intl);
    let got: Vec<_> = out
        .profiles
        .iter()
        .map(|p| (p.id.as_str(), p.display_name.as_str(), p.site))
        .collect();
    assert_eq!(
        got,
        [("Team-A", "Team A", Site::Intl), ("-x-", "-x-", Site::Intl)]
    );
    assert_eq!(out.skipped.len(), 1);
    assert!(
        en(&out.skipped[0].reason).contains("already has the id \"team-a\""),
        "{:?}",
        out.skipped
    );
}

#[test]
fn export_merges_into_the_base_and_keeps_everything_else() {
    let base = json(CONFIG);
    let out = export(&roles(), Some(CONFIG), None).unwrap();
    let merged = json(&out.text);
    assert!(out.text.starts_with("{\n\t\"current\": \"default\",\n\t\"profiles\": [\n\t\t{\n\t\t\t\"name\": \"default\","), "tab-indented like the CLI:\n{}", out.text);

    // Top-level keys and every profile RoleHop did not write are exactly as they were.
    assert_eq!(merged["current"], base["current"]);
    assert_eq!(merged["meta_path"], base["meta_path"]);
    for p in base["profiles"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap();
        let now = profile_named(&merged, name).unwrap();
        if name == "acme-prod" {
            let mut expected = p.clone();
            expected["rolehop"] = serde_json::json!({"account": "acme", "displayName": "Acme production", "color": "#e8590c", "group": "Acme", "site": "cn"});
            assert_eq!(now, &expected);
            let keys: Vec<_> = now.as_object().unwrap().keys().collect();
            assert_eq!(keys.first().map(|k| k.as_str()), Some("name"));
            assert_eq!(keys.last().map(|k| k.as_str()), Some("rolehop"));
        } else {
            assert_eq!(now, p, "{name} changed");
        }
    }
    let added = profile_named(&merged, "new-one").unwrap();
    assert_eq!(added["mode"], "RamRoleArn");
    assert_eq!(
        added["ram_role_arn"],
        "acs:ram::1746000000000005:role/auditor"
    );
    assert_eq!(added["ram_session_name"], "rolehop");
    assert_eq!(added["rolehop"]["account"], "1746000000000005.onaliyun.com");
    assert!(added.get("access_key_secret").is_none());
    assert_eq!(
        merged["profiles"].as_array().unwrap().len(),
        base["profiles"].as_array().unwrap().len() + 1
    );

    let skipped: Vec<_> = out
        .skipped
        .iter()
        .map(|s| (s.name.as_str(), s.mode.as_str()))
        .collect();
    assert_eq!(skipped, [("default", "AK"), ("partner", "RamRoleArn")]);
    assert!(en(&out.skipped[0].reason).contains("never overwrites"));
    assert!(en(&out.skipped[1].reason).contains("needs the account UID"));
    let exported: Vec<_> = out
        .exported
        .iter()
        .map(|e| (e.name.as_str(), e.mode.as_str(), e.action))
        .collect();
    assert_eq!(
        exported,
        [
            ("acme-prod", "RamRoleArn", "updated"),
            ("new-one", "RamRoleArn", "added")
        ]
    );
    assert!(
        en(out.exported[1].todo.as_ref().unwrap()).contains("aliyun configure --profile new-one")
    );
}

#[test]
fn export_with_a_source_profile_chains_from_it() {
    let out = export(&roles(), Some(CONFIG), Some("default")).unwrap();
    let added = profile_named(&json(&out.text), "new-one").cloned().unwrap();
    assert_eq!(added["mode"], "ChainableRamRoleArn");
    assert_eq!(added["source_profile"], "default");
    assert_eq!(added["region_id"], "cn-hangzhou");
    assert!(out.exported[1].todo.is_none());
    let e = export(&roles(), Some(CONFIG), Some("nobody")).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.sourceProfile"));
}

#[test]
fn export_without_a_base_makes_a_new_config() {
    let out = export(&roles(), None, None).unwrap();
    let config = json(&out.text);
    assert_eq!(config["current"], "acme-prod");
    let names: Vec<_> = config["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["acme-prod", "default", "new-one"]);
}

#[test]
fn export_refuses_a_base_that_is_not_a_config() {
    let e = export(&roles(), Some("{\n  \"profiles\": [,]\n}"), None).unwrap_err();
    assert_eq!(
        (e.kind, e.line, e.column),
        (rolehop::ErrorKind::InvalidJson, Some(2), Some(16))
    );
    assert!(export(&roles(), Some("[]"), None).is_err());
    assert!(export(&roles(), Some("{\"profiles\": 3}"), None).is_err());
}

#[test]
fn import_of_export_gives_the_profiles_back() {
    let exportable: Vec<Profile> = roles()
        .into_iter()
        .filter(|p| p.account_uid.is_some())
        .collect();
    for (base, source) in [
        (None, None),
        (Some(CONFIG), None),
        (Some(CONFIG), Some("default")),
    ] {
        let out = export(&exportable, base, source).unwrap();
        let back = import(&out.text, Site::Cn);
        // The only error is the base's own broken profile.
        assert!(
            back.errors
                .iter()
                .all(|e| e.profile.as_deref() == Some("typo")),
            "{:#?}",
            back.errors
        );
        let mine: Vec<Profile> = back
            .profiles
            .into_iter()
            .filter(|p| {
                exportable.iter().any(|e| e.id == p.id) && !(base.is_some() && p.id == "default")
            })
            .collect();
        let expected: Vec<Profile> = exportable
            .iter()
            .filter(|p| !(base.is_some() && p.id == "default"))
            .cloned()
            .collect();
        assert_eq!(without_lines(&mine), without_lines(&expected));
    }
}

proptest! {
    #![proptest_config(profile_gen::config(200))]

    #[test]
    fn export_import_round_trip(profiles in profile_gen::profiles(10), site in profile_gen::site()) {
        let exportable: Vec<Profile> = profiles.into_iter().filter(|p| p.account_uid.is_some()).collect();
        let out = export(&exportable, None, None).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(out.skipped.is_empty());
        let back = import(&out.text, site);
        prop_assert!(back.errors.is_empty(), "{:?}", back.errors);
        prop_assert_eq!(without_lines(&back.profiles), without_lines(&exportable));
    }

    #[test]
    fn import_never_panics(text in ".{0,300}") {
        let out = import(&text, Site::Cn);
        for e in &out.errors {
            prop_assert!(e.line >= 1 && e.column >= 1);
        }
    }

    #[test]
    fn import_never_panics_on_config_like_json(entries in prop::collection::vec(entry(), 0..8)) {
        let text = format!("{{\"profiles\": [{}]}}", entries.join(","));
        let out = import(&text, Site::Cn);
        let again = parse(&to_text(&out.profiles), Site::Cn);
        prop_assert!(again.errors.is_empty());
        let _ = export(&out.profiles, Some(&text), None);
    }
}

fn entry() -> impl Strategy<Value = String> {
    (
        "[A-Za-z0-9 _.中-]{0,10}",
        prop::sample::select(vec![
            "RamRoleArn",
            "ChainableRamRoleArn",
            "AK",
            "",
            "ramrolearn",
        ]),
        "acs:ram::[0-9]{15,17}:role/[A-Za-z0-9._-]{0,6}|.{0,10}",
        prop::option::of("[a-z0-9-]{0,8}|[0-9]{16}"),
    )
        .prop_map(|(name, mode, arn, account)| {
            let meta = account
                .map(|a| format!(", \"rolehop\": {{\"account\": {}}}", Value::String(a)))
                .unwrap_or_default();
            format!(
                "{{\"name\": {}, \"mode\": \"{mode}\", \"ram_role_arn\": {}{meta}}}",
                Value::String(name),
                Value::String(arn)
            )
        })
}

#[test]
fn imported_names_with_invisible_formatting_characters() {
    // A role profile's name becomes its display name: refused at its line:column in config.json.
    // A skipped profile's name is shown with the character written out.
    let config = "{\"profiles\": [\n  {\"name\": \"acme \u{202E}dorp\", \"mode\": \"RamRoleArn\", \"ram_role_arn\": \"acs:ram::1746000000000001:role/r\"},\n  {\"name\": \"key\u{2066}s\", \"mode\": \"AK\"}\n]}";
    let out = import(config, Site::Cn);
    assert!(out.profiles.is_empty(), "{:#?}", out.profiles);
    assert_eq!(out.errors.len(), 1, "{:#?}", out.errors);
    let e = &out.errors[0];
    assert_eq!(
        (e.line, e.column, e.field.as_deref()),
        (2, 18, Some("name")),
        "{e:#?}"
    );
    assert!(en(&e.message).contains("U+202E"), "{}", en(&e.message));
    assert!(zh(&e.message).contains("U+202E"), "{}", zh(&e.message));
    assert_eq!(e.profile.as_deref(), Some("acme <U+202E>dorp"));
    assert_eq!(out.skipped.len(), 1, "{:#?}", out.skipped);
    assert_eq!(out.skipped[0].name, "key<U+2066>s");
}
