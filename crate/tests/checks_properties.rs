//! Properties of the checks over random runs: the runner is answered at random (the action's
//! real success body, or any of the services' errors, throttling, 5xx, lost connections,
//! malformed bodies, odd identities and trust policies), and whatever happens the core never
//! panics, the run ends, nothing is asked a fourth time or again after a final answer, nothing
//! stays pending, a passing failure (network, throttling, 5xx, malformed body, clock, expired or
//! wrong credentials) is never a `fail`, and the verdict names the lowest failed step. Random
//! JSON as facts gives an answer or an error, never a panic.

use proptest::prelude::*;
use rolehop::contract::{checks_diagnose, checks_next, parse};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/responses/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The documented success body of an action (`(status, body)`).
fn success(action: &str) -> (u16, String) {
    let file = match action {
        "GetCallerIdentity" => "get_caller_identity.json",
        "AssumeRole" => "assume_role.json",
        "GetRole" => "get_role.json",
        "ListPoliciesForRole" => "list_policies_for_role.json",
        "ListPoliciesForUser" => "list_policies_for_user.json",
        "GetPolicy" => "get_policy.json",
        "GetAccountAlias" => "get_account_alias.json",
        "ListBuckets" => "list_buckets.xml",
        _ => "list_objects.xml",
    };
    (200, fixture(file))
}

fn rpc_error(code: &str, message: &str) -> String {
    json!({"RequestId": "R-1", "HostId": "sts.aliyuncs.com", "Code": code, "Message": message})
        .to_string()
}

fn oss_error(code: &str, extra: &str) -> String {
    format!("<?xml version=\"1.0\"?><Error><Code>{code}</Code><Message>m</Message><RequestId>O-1</RequestId>{extra}</Error>")
}

/// Everything else a service might answer: `None` is a lost connection.
fn other(choice: u8) -> Option<(u16, String)> {
    Some(match choice % 18 {
        0 => (403, fixture("error_no_permission.json")),
        1 => (403, fixture("error_root_account.json")),
        2 => (404, rpc_error("EntityNotExist.Role", "The specified Role not exists.")),
        3 => (400, rpc_error("Throttling.User", "flow control")),
        4 => (500, rpc_error("InternalError", "unknown error")),
        5 => (502, fixture("error_502.html")),
        6 => (400, fixture("error_timestamp_expired.json")),
        7 => (400, rpc_error("InvalidSecurityToken.Expired", "expired")),
        8 => (404, rpc_error("InvalidAccessKeyId.NotFound", "not found")),
        9 => (403, fixture("error_access_denied.xml")),
        10 => (404, oss_error("NoSuchBucket", "")),
        11 => (403, oss_error("RequestTimeTooSkewed", "")),
        12 => (403, fixture("error_wrong_endpoint.xml")),
        13 => (200, "<ListBucketResult><Name>x".to_string()),
        14 => (200, "{\"RequestId\": 3}".to_string()),
        15 => (200, fixture("get_caller_identity_assumed_role.json")),
        16 => (
            200,
            json!({"RequestId": "R", "Role": {"RoleId": "1", "RoleName": "admin-oss", "Arn": "acs:ram::1746000000000000:role/admin-oss",
                "AssumeRolePolicyDocument": "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"RAM\":\"*\"}}]}"}})
            .to_string(),
        ),
        _ => return None,
    })
}

fn inputs(choice: u8) -> Value {
    let arn = "acs:ram::1746000000000000:role/admin-oss";
    match choice % 6 {
        0 => json!({"roleArn": arn, "bucket": "company-a-reports", "prefix": "2025/"}),
        1 => json!({"roleArn": arn, "haveCredentialsA": true, "bucket": "company-a-reports"}),
        2 => {
            json!({"accountA": "company-a", "roleName": "admin-oss", "haveCredentialsA": true, "bucket": "company-a-archive"})
        }
        3 => json!({"accountA": "company-a", "roleName": "admin-oss"}),
        4 => json!({"roleArn": arn, "credentialsKindB": "sts", "bucket": "company-a-reports"}),
        _ => {
            json!({"roleArn": arn, "haveCredentialsB": false, "haveCredentialsA": true, "accountB": "1888000000000000"})
        }
    }
}

const FINAL_FAILURES: [&str; 10] = [
    "root-keys",
    "user-lacks-assume-role",
    "role-does-not-trust-b",
    "role-lacks-oss-policy",
    "role-not-found",
    "wrong-account",
    "wrong-role-name",
    "assume-role-refused",
    "no-such-bucket",
    "bucket-not-in-account",
];

fn step(i: usize, choices: &[u8]) -> u8 {
    choices.get(i % choices.len().max(1)).copied().unwrap_or(0)
}

/// Plays one random run; returns the report and the attempts per request id.
fn play(
    input_choice: u8,
    choices: &[u8],
) -> Result<(Value, BTreeMap<String, Vec<Value>>), TestCaseError> {
    let inputs = inputs(input_choice);
    let mut facts: Map<String, Value> = Map::new();
    let mut seen: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut n = 0;
    for round in 0.. {
        prop_assert!(round < 60, "the run does not end");
        let state = json!({"inputs": inputs, "facts": facts});
        let answer = checks_next(&state.to_string())
            .map_err(|e| TestCaseError::fail(format!("checksNext: {e}")))?;
        if answer["done"] == json!(true) {
            break;
        }
        let next = answer["next"].as_array().cloned().unwrap_or_default();
        prop_assert!(!next.is_empty(), "not done and nothing to send");
        for request in next {
            let id = request["id"].as_str().unwrap_or("").to_string();
            let action = request["action"].as_str().unwrap_or("").to_string();
            let pick = step(n, choices);
            n += 1;
            let response = if pick % 2 == 0 {
                Some(success(&action))
            } else {
                other(pick / 2)
            };
            let attempt = match response {
                None => {
                    json!({"transportError": "Failed to fetch", "localTime": "2026-01-01T00:00:00Z"})
                }
                Some((status, body)) => {
                    let input = json!({"action": action, "status": status, "headers": {"date": "Thu, 01 Jan 2026 00:00:03 GMT"}, "body": body});
                    let mut parsed = match parse(&input.to_string()) {
                        Ok(v) => v,
                        Err(e) => json!({"error": e}),
                    };
                    parsed["localTime"] = json!("2026-01-01T00:00:00Z");
                    parsed["httpStatus"] = json!(status);
                    parsed
                }
            };
            seen.entry(id.clone()).or_default().push(attempt.clone());
            if let Some(list) = facts.entry(id).or_insert_with(|| json!([])).as_array_mut() {
                list.push(attempt);
            }
        }
    }
    let state = json!({"inputs": inputs, "facts": facts});
    let report = checks_diagnose(&state.to_string())
        .map_err(|e| TestCaseError::fail(format!("checksDiagnose: {e}")))?;
    Ok((report, seen))
}

fn is_passing_failure(attempt: &Value) -> bool {
    if attempt.get("transportError").is_some() || attempt.get("error").is_some() {
        return true;
    }
    let code = attempt
        .pointer("/apiError/code")
        .and_then(Value::as_str)
        .unwrap_or("");
    let status = attempt
        .pointer("/apiError/status")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    code.starts_with("Throttling") || status >= 500
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_runs_keep_the_invariants(input in any::<u8>(), choices in proptest::collection::vec(any::<u8>(), 1..40)) {
        let (report, seen) = play(input, &choices)?;
        for (id, attempts) in &seen {
            prop_assert!(attempts.len() <= 3, "{id} sent {} times", attempts.len());
            for (i, a) in attempts.iter().enumerate().take(attempts.len().saturating_sub(1)) {
                let redirect = a.pointer("/apiError/endpoint").is_some();
                prop_assert!(is_passing_failure(a) || redirect, "{id} resent after a final answer (attempt {})", i + 1);
            }
        }
        let checks = report["checks"].as_array().cloned().unwrap_or_default();
        prop_assert!(!checks.is_empty());
        let mut lowest_failed = None;
        for c in &checks {
            let status = c["status"].as_str().unwrap_or("");
            let cause = c["cause"].as_str().unwrap_or("");
            prop_assert!(status != "pending", "{} pending after done", c["id"]);
            match status {
                "fail" => {
                    prop_assert!(FINAL_FAILURES.contains(&cause), "{} fails with {cause}", c["id"]);
                    prop_assert!(c["fix"]["text"]["id"].as_str().is_some_and(|id| id.starts_with("core_check_")));
                    let step = c["tutorialStep"].as_u64().unwrap_or(0);
                    prop_assert!((1..=4).contains(&step));
                    lowest_failed = Some(lowest_failed.map_or(step, |s: u64| s.min(step)));
                }
                "could-not-check" => prop_assert!(!FINAL_FAILURES.contains(&cause), "{} could-not-check with {cause}", c["id"]),
                "pass" => prop_assert!(c.get("cause").is_none()),
                other => prop_assert!(false, "status {other}"),
            }
        }
        let verdict = &report["verdict"];
        match lowest_failed {
            Some(step) => {
                prop_assert_eq!(verdict["status"].as_str(), Some("fail"));
                prop_assert_eq!(verdict["firstBrokenStep"].as_u64(), Some(step));
            }
            None => prop_assert!(verdict["status"] != "fail"),
        }
        prop_assert!(!report.to_string().contains("CVwjCkNzTMupZ8NbTCxCBRq3K16jtcWFTJAyBEv2pgh"));
    }

    #[test]
    fn random_facts_never_panic(
        input in any::<u8>(),
        ids in proptest::collection::vec(0usize..12, 0..8),
        values in proptest::collection::vec(arbitrary_json(), 0..8),
    ) {
        const IDS: [&str; 12] = ["b.GetCallerIdentity", "b.ListPoliciesForUser", "b.AssumeRole", "b.ListBuckets", "b.ListObjects",
            "a.GetCallerIdentity", "a.GetAccountAlias", "a.GetRole", "a.ListPoliciesForRole", "b.GetPolicy.System.X", "a.GetPolicy.Custom.p", "nope"];
        let mut facts = Map::new();
        for (i, v) in ids.iter().zip(values) {
            facts.insert(IDS[*i].to_string(), v);
        }
        let state = json!({"inputs": inputs(input), "facts": facts}).to_string();
        let _ = checks_next(&state);
        let _ = checks_diagnose(&state);
    }
}

/// Small JSON values shaped like attempts (and not).
fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        "[a-zA-Z0-9 .:-]{0,12}".prop_map(Value::String),
        Just(json!({"result": {}})),
        Just(
            json!({"result": {"identityType": "Account", "accountId": "1", "arn": "acs:ram::1:root"}})
        ),
        Just(json!({"apiError": {"code": "NoPermission"}})),
        Just(json!({"apiError": {"code": "x", "status": 70000, "endpoint": "oss-.aliyuncs.com"}})),
        Just(json!({"transportError": 5})),
        Just(
            json!({"result": {"policies": [{"policyName": "AliyunOSSReadOnlyAccess", "policyType": "System"}]}})
        ),
        Just(json!({"result": {"role": {"assumeRolePolicyDocument": "{"}}})),
        Just(
            json!({"skipped": true, "localTime": "2026-01-01T00:00:00Z", "serverDate": "garbage"})
        ),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-zA-Z]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The random runs above are not vacuous: over fixed pseudo-random runs every verdict occurs,
/// and so do most causes.
#[test]
fn random_runs_reach_every_verdict() {
    let mut seed: u32 = 12345;
    let mut verdicts = std::collections::BTreeSet::new();
    let mut causes = std::collections::BTreeSet::new();
    for run in 0..300u32 {
        let choices: Vec<u8> = (0..30)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (seed >> 16) as u8
            })
            .collect();
        let (report, _) = play((run % 6) as u8, &choices).unwrap();
        verdicts.insert(
            report["verdict"]["status"]
                .as_str()
                .unwrap_or("")
                .to_string(),
        );
        for c in report["checks"].as_array().unwrap() {
            if let Some(cause) = c["cause"].as_str() {
                causes.insert(cause.to_string());
            }
        }
    }
    for v in ["pass", "fail", "incomplete"] {
        assert!(verdicts.contains(v), "no {v} verdict in {verdicts:?}");
    }
    assert!(causes.len() >= 12, "only {causes:?}");
}
