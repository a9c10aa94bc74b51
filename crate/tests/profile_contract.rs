//! The profile functions behind the JSON contract (what the wasm exports and the CLI answer):
//! switch URLs on both sites, serialisation of JSON profiles, errors as JSON paths, and the
//! fast `profileParse` text path agreeing with the general one.

mod profile_gen;

use proptest::prelude::*;
use rolehop::contract::{
    profile_export, profile_import, profile_parse, profile_parse_text, profile_serialize,
    switch_url, to_text,
};
use rolehop::sign::encode::percent_encode;
use serde_json::{json, Value};

fn ok(f: fn(&str) -> rolehop::Result<Value>, request: Value) -> Value {
    f(&request.to_string()).unwrap_or_else(|e| panic!("{request}: {e}"))
}

fn fails(f: fn(&str) -> rolehop::Result<Value>, request: Value) -> rolehop::Error {
    f(&request.to_string()).expect_err(&request.to_string())
}

#[test]
fn switch_urls_on_both_sites() {
    let cases = [
        (json!({"account": "acme", "roleName": "admin-oss"}), "https://signin.aliyun.com/switchRole.htm?parentAlias=acme&roleName=admin-oss", "cn"),
        (json!({"account": "acme", "roleName": "admin-oss", "site": "intl"}), "https://signin.alibabacloud.com/switchRole.htm?parentAlias=acme&roleName=admin-oss", "intl"),
        (json!({"account": "acme.onaliyun.com", "roleName": "Reader.v2"}), "https://signin.aliyun.com/switchRole.htm?parentAlias=acme.onaliyun.com&roleName=Reader.v2", "cn"),
        (json!({"roleArn": "acs:ram::1746000000000001:role/r", "site": "intl"}), "https://signin.alibabacloud.com/switchRole.htm?parentAlias=1746000000000001&roleName=r", "intl"),
    ];
    for (profile, url, site) in cases {
        let out = ok(switch_url, json!({ "profile": profile }));
        assert_eq!(out["url"], url);
        assert_eq!(out["site"], site);
        let host = if site == "cn" {
            "signin.aliyun.com"
        } else {
            "signin.alibabacloud.com"
        };
        assert_eq!(
            out["exitUrl"],
            format!("https://{host}/exitSwitchedRole.htm")
        );
    }
    let out = ok(
        switch_url,
        json!({"profile": {"account": "1746000000000001", "roleName": "r"}, "marker": "a1B2c3D4e5_-"}),
    );
    assert_eq!(out["url"], "https://signin.aliyun.com/switchRole.htm?parentAlias=1746000000000001&roleName=r#rolehop=a1B2c3D4e5_-");
    assert_eq!(
        (out["parentAlias"].as_str(), out["roleName"].as_str()),
        (Some("1746000000000001"), Some("r"))
    );
}

#[test]
fn a_parsed_profile_goes_straight_to_switch_url() {
    let parsed = ok(
        profile_parse,
        json!({"text": "[profile p]\naccount = acme\nrole_arn = acs:ram::1746000000000001:role/admin\nsite = intl\ncolor = red\n"}),
    );
    let out = ok(
        switch_url,
        json!({"profile": parsed["profiles"][0], "marker": "0123456789abcdef0123456789abcdef"}),
    );
    assert_eq!(out["url"], "https://signin.alibabacloud.com/switchRole.htm?parentAlias=acme&roleName=admin#rolehop=0123456789abcdef0123456789abcdef");
}

#[test]
fn odd_characters_never_reach_a_url() {
    for (profile, path) in [
        (
            json!({"account": "acme&roleName=x", "roleName": "r"}),
            "$.profile.account",
        ),
        (
            json!({"account": "ac me", "roleName": "r"}),
            "$.profile.account",
        ),
        (
            json!({"account": "acme", "roleName": "r#x"}),
            "$.profile.roleName",
        ),
        (
            json!({"account": "acme", "roleName": "管理员"}),
            "$.profile.roleName",
        ),
        (
            json!({"account": "acme", "roleName": "a/b?c"}),
            "$.profile.roleName",
        ),
        (
            json!({"account": "acme", "roleName": "r", "site": "us"}),
            "$.profile.site",
        ),
        (json!({"roleName": "r"}), "$.profile.account"),
    ] {
        let e = fails(switch_url, json!({ "profile": profile }));
        assert_eq!(e.path.as_deref(), Some(path), "{profile}: {e}");
    }
    for marker in [
        "short",
        "has space in it",
        "x".repeat(65).as_str(),
        "dots.are.not.ok",
        "中文中文中文中文",
    ] {
        let e = fails(
            switch_url,
            json!({"profile": {"account": "acme", "roleName": "r"}, "marker": marker}),
        );
        assert_eq!(e.path.as_deref(), Some("$.marker"), "{marker}");
    }
    assert_eq!(
        fails(switch_url, json!({})).kind,
        rolehop::ErrorKind::MissingField
    );
}

proptest! {
    /// The query is exactly the percent-encoded values (unreserved characters kept), so even a
    /// value the rules would allow with any character decodes back to itself.
    #[test]
    fn the_encoding_round_trips(text in "\\PC{0,30}") {
        let encoded = percent_encode(&text);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
        let decoded = percent_decode(&encoded);
        prop_assert_eq!(decoded, text);
    }

    #[test]
    fn urls_for_any_valid_names(account in "[a-z][a-z0-9]{2,8}(-[a-z0-9]{1,5})?", role in "[A-Za-z0-9.-]{1,64}", intl in any::<bool>()) {
        let site = if intl { "intl" } else { "cn" };
        let out = ok(switch_url, json!({"profile": {"account": account, "roleName": role, "site": site}}));
        let url = out["url"].as_str().unwrap();
        let query = url.split_once('?').unwrap().1;
        prop_assert_eq!(query, format!("parentAlias={account}&roleName={role}"));
    }

    /// Valid profiles take the fast path (no JSON `Value`); it writes what the library writes.
    #[test]
    fn serialize_writes_the_canonical_text(profiles in profile_gen::profiles(8)) {
        let out = ok(profile_serialize, json!({ "profiles": profiles }));
        prop_assert_eq!(out["text"].as_str().unwrap(), rolehop::profile::to_text(&profiles));
    }

    #[test]
    fn contract_functions_never_panic(text in "\\PC{0,200}") {
        for f in [profile_parse, profile_serialize, profile_import, profile_export, switch_url] {
            let _ = f(&text);
            let _ = f(&json!({"text": text, "format": "aliyun-cli", "profiles": [{"id": text}], "profile": {"account": text, "roleName": text}, "base": text}).to_string());
        }
        let _ = profile_parse_text(&text);
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn serialize_checks_json_profiles_like_the_parser() {
    let out = ok(
        profile_serialize,
        json!({"profiles": [
            {"id": "a", "account": "acme", "roleName": "r", "displayName": "a", "color": "", "site": "intl", "accountKind": "uid", "line": 9},
            {"id": "b", "roleArn": "acs:ram::1746000000000001:role/r", "note": "two\nlines"},
        ]}),
    );
    assert_eq!(out["text"], "[profile a]\naccount = acme\nrole_name = r\nsite = intl\n\n[profile b]\naccount = 1746000000000001\nrole_name = r\nsite = cn\nnote = \"two\\nlines\"\n");
    for (profiles, path) in [
        (
            json!([{"id": "a b", "account": "acme", "roleName": "r"}]),
            "$.profiles[0].id",
        ),
        (
            json!([{"account": "acme", "roleName": "r"}]),
            "$.profiles[0].id",
        ),
        (
            json!([{"id": "a", "account": "acme", "roleName": "r_1"}]),
            "$.profiles[0].roleName",
        ),
        (
            json!([{"id": "a", "account": "acme", "roleName": "r"}, {"id": "A", "account": "acme", "roleName": "r"}]),
            "$.profiles[1].id",
        ),
        (
            json!([{"id": "a", "roleName": "r"}]),
            "$.profiles[0].account",
        ),
        (
            json!([{"id": "a", "account": "acme", "roleName": "r", "color": "#ggg"}]),
            "$.profiles[0].color",
        ),
        (
            json!([{"id": "a", "account": 5, "roleName": "r"}]),
            "$.profiles[0].account",
        ),
        (json!("x"), "$.profiles"),
        (
            json!([{"id": "a", "account": "acme", "roleName": "r", "displayName": "Acme \u{202E}dorp"}]),
            "$.profiles[0].displayName",
        ),
        (
            json!([{"id": "a", "account": "acme", "roleName": "r", "group": "\u{200B}ops"}]),
            "$.profiles[0].group",
        ),
    ] {
        let e = fails(profile_serialize, json!({ "profiles": profiles }));
        assert_eq!(e.path.as_deref(), Some(path), "{profiles}: {e}");
    }
}

#[test]
fn parse_requests_and_the_fast_path() {
    let text = "\u{feff}[profile a]\r\naccount = acme\r\nrole_name = r\r\ndisplay_name = \"Ünïcode \\\"q\\\"\"\r\n[profile b]\r\nx = 1\r\n";
    for request in [
        json!({"text": text}),
        json!({"text": text, "defaultSite": "intl"}),
        json!({"text": text, "defaultSite": null}),
    ] {
        let general = to_text(&profile_parse(&request.to_string()));
        assert_eq!(profile_parse_text(&request.to_string()), general);
    }
    for bad in [
        json!({}),
        json!({"text": 5}),
        json!({"text": "", "defaultSite": "us"}),
        json!([]),
    ] {
        let general = to_text(&profile_parse(&bad.to_string()));
        assert!(general.starts_with("{\"error\""), "{general}");
        assert_eq!(profile_parse_text(&bad.to_string()), general);
    }
    assert_eq!(
        fails(profile_parse, json!({"text": "", "defaultSite": "us"}))
            .path
            .as_deref(),
        Some("$.defaultSite")
    );
}

#[test]
fn import_and_export_requests() {
    let config = include_str!("fixtures/profiles/aliyun-config.json");
    let out = ok(
        profile_import,
        json!({"format": "aliyun-cli", "text": config}),
    );
    assert_eq!(
        out["text"],
        include_str!("fixtures/profiles/aliyun-config.expected.ini")
    );
    assert_eq!(out["profiles"].as_array().unwrap().len(), 4);
    assert_eq!(out["skipped"][0]["mode"], "AK");
    assert_eq!(out["errors"][0]["line"], 106);
    assert!(!out.to_string().contains("FAKEsecret"));
    let e = fails(profile_import, json!({"format": "aws", "text": config}));
    assert_eq!(
        (e.kind, e.path.as_deref()),
        (rolehop::ErrorKind::Unsupported, Some("$.format"))
    );
    assert_eq!(
        fails(profile_import, json!({"text": config})).kind,
        rolehop::ErrorKind::MissingField
    );

    let exported = ok(
        profile_export,
        json!({"format": "aliyun-cli", "profiles": out["profiles"], "base": config}),
    );
    assert_eq!(exported["exported"].as_array().unwrap().len(), 4);
    assert!(exported["exported"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["action"] == "updated" || e["name"] == "aliyun-cli-5"));
    let e = fails(
        profile_export,
        json!({"format": "aliyun-cli", "profiles": [], "base": "{"}),
    );
    assert_eq!(
        (e.kind, e.path.as_deref(), e.line),
        (rolehop::ErrorKind::InvalidJson, Some("$.base"), Some(1))
    );
}
