//! Every error the checks' and the profile commands' requests give, and every time the core
//! cannot read, carries a catalog message (`text`, `{id, args}`) whose words exist in English
//! and Chinese, with the JSON path kept as data: a table of bad inputs, one per cause.

use rolehop::catalog::{render_json, Lang};
use rolehop::contract::{
    checks_diagnose, checks_next, checks_plan, checks_retry, policy_build, profile_export,
    profile_import, switch_url,
};
use rolehop::time::UtcTime;
use serde_json::{json, Value};

const ARN: &str = "acs:ram::1746000000000000:role/admin-oss";

type Command = fn(&str) -> rolehop::Result<Value>;

fn state(inputs: Value, facts: Value) -> String {
    json!({"inputs": inputs, "facts": facts}).to_string()
}

fn bad_inputs() -> Vec<(Command, String, &'static str)> {
    let plan = |v: Value| (checks_plan as Command, v.to_string());
    let next = |s: String| (checks_next as Command, s);
    let fact = |attempt: Value| {
        next(state(
            json!({"roleArn": ARN}),
            json!({"b.AssumeRole": [attempt]}),
        ))
    };
    let retry = |v: Value| (checks_retry as Command, v.to_string());
    let profiles = |v: Value| (profile_export as Command, v.to_string());
    let rows = vec![
        (
            plan(json!({"roleArn": ARN, "bucketName": "x"})),
            "$.bucketName",
        ),
        (plan(json!({"roleArn": ARN, "zzzzzzzz": "x"})), "$.zzzzzzzz"),
        (
            plan(json!({"roleArn": ARN, "haveCredentialsA": "yes"})),
            "$.haveCredentialsA",
        ),
        (plan(json!({"roleArn": ARN, "site": "jp"})), "$.site"),
        (
            plan(json!({"roleArn": ARN, "roleName": "other"})),
            "$.roleName",
        ),
        (
            plan(json!({"roleArn": ARN, "accountA": "1234567890123456"})),
            "$.accountA",
        ),
        (plan(json!({"bucket": "b-1"})), "$.roleArn"),
        (
            plan(json!({"roleArn": ARN, "credentialsKindB": "password"})),
            "$.credentialsKindB",
        ),
        (
            plan(json!({"roleArn": ARN, "userPolicies": "AliyunOSSReadOnlyAccess"})),
            "$.userPolicies",
        ),
        (
            plan(json!({"roleArn": ARN, "haveCredentialsB": false})),
            "$.haveCredentialsB",
        ),
        (next(json!({"facts": {}}).to_string()), "$.inputs"),
        (
            (
                checks_diagnose as Command,
                json!({"inputs": {"roleArn": ARN}, "fact": {}}).to_string(),
            ),
            "$.fact",
        ),
        (
            next(state(json!({"roleArn": ARN}), json!({"b.AssumeRol": []}))),
            "$.facts[\"b.AssumeRol\"]",
        ),
        (
            fact(json!({"result": {}, "outcome": 1})),
            "$.facts[\"b.AssumeRole\"][0].outcome",
        ),
        (
            fact(json!({"localTime": "2026-01-01T00:00:00Z"})),
            "$.facts[\"b.AssumeRole\"][0]",
        ),
        (
            fact(json!({"result": {}, "skipped": "x"})),
            "$.facts[\"b.AssumeRole\"][0]",
        ),
        (
            fact(json!({"result": {}, "localTime": "yesterday"})),
            "$.facts[\"b.AssumeRole\"][0].localTime",
        ),
        (
            fact(json!({"result": {}, "localTime": "2026-02-30T00:00:00Z"})),
            "$.facts[\"b.AssumeRole\"][0].localTime",
        ),
        (
            fact(json!({"result": {}, "httpStatus": 42})),
            "$.facts[\"b.AssumeRole\"][0].httpStatus",
        ),
        (
            fact(json!({"transportError": 5})),
            "$.facts[\"b.AssumeRole\"][0].transportError",
        ),
        (
            retry(json!({"action": "GetRole", "attempt": 1, "outcome": {}, "extra": 1})),
            "$.extra",
        ),
        (
            retry(json!({"action": "GetRoles", "attempt": 1, "outcome": {"result": {}}})),
            "$.action",
        ),
        (
            retry(json!({"action": "GetRole", "attempt": 0, "outcome": {"result": {}}})),
            "$.attempt",
        ),
        (
            (switch_url as Command, json!({"marker": "m"}).to_string()),
            "$.profile",
        ),
        (
            (profile_import as Command, json!({"text": "{}"}).to_string()),
            "$.format",
        ),
        (
            (
                profile_import as Command,
                json!({"format": "ini", "text": "{}"}).to_string(),
            ),
            "$.format",
        ),
        (
            (
                profile_import as Command,
                json!({"format": "aliyun-cli", "text": "{}", "defaultSite": "eu"}).to_string(),
            ),
            "$.defaultSite",
        ),
        (
            profiles(json!({"format": "aliyun-cli", "profiles": {}})),
            "$.profiles",
        ),
        (
            profiles(json!({"format": "aliyun-cli", "profiles": [
            {"id": "prod", "account": "1746000000000000", "roleName": "r"},
            {"id": "PROD", "account": "1746000000000000", "roleName": "r"}]})),
            "$.profiles[1].id",
        ),
        (
            (
                policy_build as Command,
                json!({"kind": "post-object", "now": "soon", "expiresIn": 60, "bucket": "b-1"})
                    .to_string(),
            ),
            "$.now",
        ),
    ];
    rows.into_iter()
        .map(|((c, input), path)| (c, input, path))
        .collect()
}

/// The words of a message in both languages, every placeholder filled, no id shown.
fn check_words(input: &str, text: &Value) -> String {
    let id = text["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{input}: no message id in {text}"));
    assert!(id.starts_with("core_"), "{input}: {id}");
    for lang in [Lang::En, Lang::Zh] {
        let words = render_json(text, lang);
        let unfilled = text["args"]
            .as_object()
            .into_iter()
            .flatten()
            .any(|(name, _)| words.contains(&format!("${name}$")));
        assert!(
            !words.contains("core_") && !unfilled && words.chars().count() > 10,
            "{input}: {lang:?} renders {words:?}"
        );
    }
    id.to_string()
}

#[test]
fn every_checks_and_profile_request_error_has_words_in_both_languages() {
    let mut ids = std::collections::BTreeSet::new();
    for (command, input, path) in bad_inputs() {
        let error = command(&input).expect_err(&input);
        assert_eq!(error.path.as_deref(), Some(path), "{input}: {error:?}");
        let value = serde_json::to_value(&error).unwrap();
        ids.insert(check_words(&input, &value["text"]));
        assert_eq!(value["message"], value["text"]["id"], "{input}");
    }
    // One id per cause (a few causes share the API area's words: a wrong type, an unknown field).
    assert!(ids.len() >= 24, "{} ids: {ids:?}", ids.len());
}

#[test]
fn times_the_core_cannot_read_say_why_in_both_languages() {
    for bad in ["yesterday", "2026-02-30T00:00:00Z"] {
        let problem = UtcTime::parse_iso8601(bad).unwrap_err();
        check_words(bad, &serde_json::to_value(&problem).unwrap());
    }
    for bad in [
        "Thu, 17 Nov 2005",
        "Fri, 17 Nov 2005 18:49:58 GMT",
        "Thu, 31 Nov 2005 18:49:58 GMT",
    ] {
        let problem = UtcTime::parse_rfc1123(bad).unwrap_err();
        check_words(bad, &serde_json::to_value(&problem).unwrap());
    }
}
