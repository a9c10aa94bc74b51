//! The checks' JSON contract and CLI: the plan's shape, every input error with its JSON path and
//! what to do, the retry decisions, and `rolehop check ...` output and exit codes.

mod common;

use common::{rolehop, stdout};
use rolehop::catalog::{self, render_json, Lang};
use rolehop::contract::{checks_diagnose, checks_next, checks_plan, checks_retry};
use rolehop::message::ChecksMessage;
use rolehop::ErrorKind;
use serde_json::{json, Value};

const ARN: &str = "acs:ram::1746000000000000:role/admin-oss";

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_plan_lists_the_checks_in_tutorial_order() {
    let b_only = checks_plan(&json!({"roleArn": ARN}).to_string()).unwrap();
    assert_eq!(
        ids(&b_only["checks"]),
        [
            "b.identity",
            "b.user-may-assume",
            "b.assume-role",
            "b.list-buckets"
        ]
    );
    let both = checks_plan(
        &json!({"roleArn": ARN, "bucket": "b-1", "haveCredentialsA": true}).to_string(),
    )
    .unwrap();
    assert_eq!(
        ids(&both["checks"]),
        [
            "a.role-exists",
            "a.trust-trusts-b",
            "a.role-oss-access",
            "b.identity",
            "b.user-may-assume",
            "a.switch-values",
            "b.assume-role",
            "b.list-buckets",
            "b.list-objects"
        ]
    );
    let steps: Vec<u64> = both["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["tutorialStep"].as_u64().unwrap())
        .collect();
    assert_eq!(steps, [1, 1, 1, 2, 2, 3, 3, 4, 4]);
    assert_eq!(
        render_json(&both["checks"][2]["title"], Lang::Zh),
        catalog::zh(&ChecksMessage::TitleRoleOss {})
    );
    assert!(render_json(&both["checks"][2]["title"], Lang::Zh).contains("OSS"));
    let a_only = checks_plan(
        &json!({"roleArn": ARN, "haveCredentialsA": true, "haveCredentialsB": false}).to_string(),
    )
    .unwrap();
    assert!(ids(&a_only["requests"])
        .iter()
        .all(|id| id.starts_with("a.")));
    let policy = &both["retryPolicy"];
    assert_eq!(policy["maxAttempts"], 3);
    let reads = policy["reads"]["actions"].as_array().unwrap();
    let writes = policy["writes"]["actions"].as_array().unwrap();
    assert!(reads.contains(&json!("AssumeRole")) && reads.contains(&json!("ListObjects")));
    assert!(writes.contains(&json!("CreateRole")) && !writes.contains(&json!("GetRole")));
}

#[test]
fn the_first_requests_need_nothing() {
    let next =
        checks_next(&json!({"inputs": {"roleArn": ARN, "haveCredentialsA": true}}).to_string())
            .unwrap();
    assert_eq!(next["done"], false);
    assert_eq!(
        ids(&next["next"]),
        [
            "b.GetCallerIdentity",
            "a.GetCallerIdentity",
            "a.GetAccountAlias",
            "a.GetRole",
            "a.ListPoliciesForRole"
        ]
    );
    assert_eq!(next["next"][3]["params"], json!({"roleName": "admin-oss"}));
    assert_eq!(next["next"][0]["credentials"], "B");
    // Before any answer, every check is pending.
    let report =
        checks_diagnose(&json!({"inputs": {"roleArn": ARN}, "facts": {}}).to_string()).unwrap();
    assert_eq!(report["verdict"]["status"], "pending");
    assert!(report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["status"] == "pending"));
}

/// (input, expected kind, expected path, words the message must hold)
fn input_errors() -> Vec<(Value, ErrorKind, &'static str, &'static str)> {
    vec![
        (
            json!({"inputs": {"roleArn": ARN, "bucketName": "x"}}),
            ErrorKind::InvalidValue,
            "$.inputs.bucketName",
            "write \"bucket\"",
        ),
        (
            json!({"inputs": {"bucket": "b-1"}}),
            ErrorKind::MissingField,
            "$.inputs.roleArn",
            "or A's account and a role name",
        ),
        (
            json!({"inputs": {"roleArn": "acs:ram::acme:role/admin-oss"}}),
            ErrorKind::InvalidValue,
            "$.inputs.roleArn",
            "numeric account UID",
        ),
        (
            json!({"inputs": {"roleArn": ARN, "roleName": "other"}}),
            ErrorKind::InvalidValue,
            "$.inputs.roleName",
            "make them agree",
        ),
        (
            json!({"inputs": {"roleArn": ARN, "accountA": "1999000000000000"}}),
            ErrorKind::InvalidValue,
            "$.inputs.accountA",
            "another account",
        ),
        (
            json!({"inputs": {"accountA": "my company", "roleName": "r"}}),
            ErrorKind::InvalidValue,
            "$.inputs.accountA",
            "Enterprise alias",
        ),
        (
            json!({"inputs": {"roleArn": ARN, "bucket": "Bad_Bucket"}}),
            ErrorKind::InvalidValue,
            "$.inputs.bucket",
            "bucket",
        ),
        (
            json!({"inputs": {"roleArn": ARN, "region": "oss-cn-hangzhou"}}),
            ErrorKind::InvalidValue,
            "$.inputs.region",
            "cn-hangzhou",
        ),
        (
            json!({"inputs": {"roleArn": ARN, "credentialsKindB": "password"}}),
            ErrorKind::InvalidValue,
            "$.inputs.credentialsKindB",
            "access-key",
        ),
        (
            json!({"inputs": {"roleArn": ARN, "haveCredentialsB": false}}),
            ErrorKind::InvalidValue,
            "$.inputs.haveCredentialsB",
            "Nothing to check",
        ),
        (
            json!({"inputs": {"roleArn": ARN, "userPolicies": ["AliyunSTSAssumeRoleAcess"]}}),
            ErrorKind::Unsupported,
            "$.inputs.userPolicies[0]",
            "did you mean \"AliyunSTSAssumeRoleAccess\"",
        ),
        (
            json!({"inputs": {"roleArn": ARN, "userPolicies": [{"document": "{\"Version\": \"2\"}"}]}}),
            ErrorKind::InvalidValue,
            "$.inputs.userPolicies[0].document.Version",
            "\"1\"",
        ),
        (
            json!({"inputs": {"roleArn": ARN}, "facts": {"b.AssumeRol": []}}),
            ErrorKind::InvalidValue,
            "$.facts[\"b.AssumeRol\"]",
            "request id",
        ),
        (
            json!({"inputs": {"roleArn": ARN}, "facts": {"b.AssumeRole": {"result": {}, "transportError": "x"}}}),
            ErrorKind::InvalidValue,
            "$.facts[\"b.AssumeRole\"]",
            "exactly one of",
        ),
        (
            json!({"inputs": {"roleArn": ARN}, "facts": {"b.AssumeRole": [{"result": {}, "localTime": "yesterday"}]}}),
            ErrorKind::InvalidValue,
            "$.facts[\"b.AssumeRole\"][0].localTime",
            "signed with",
        ),
        (
            json!({"inputs": {"roleArn": ARN}, "facts": {"b.AssumeRole": [{"result": {"requestId": "R-1"}}]}}),
            ErrorKind::InvalidValue,
            "$.facts[\"b.AssumeRole\"][0].result",
            "parseResponse",
        ),
        (
            json!({"inputs": {"roleArn": ARN}, "facts": {"b.AssumeRole": [{"apiError": {"message": "m"}}]}}),
            ErrorKind::MissingField,
            "$.facts[\"b.AssumeRole\"][0].apiError.code",
            "code",
        ),
        (
            json!({"inputs": {"roleArn": ARN}, "fact": {}}),
            ErrorKind::InvalidValue,
            "$.fact",
            "inputs",
        ),
    ]
}

#[test]
fn input_errors_name_the_field_and_what_to_do() {
    let mut wrong = Vec::new();
    for (input, kind, path, words) in input_errors() {
        for run in [checks_next, checks_diagnose] {
            let e = run(&input.to_string()).unwrap_err();
            assert_eq!(e.kind, kind, "{input}: {e:?}");
            assert_eq!(e.path.as_deref(), Some(path), "{input}: {e:?}");
            // Catalog words (an id with arguments), never prose built in the core.
            if e.text.is_none() || !e.to_string().contains(words) {
                wrong.push(format!("{input}: {e}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    let e = checks_next("{\"inputs\": ").unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidJson);
    assert!(e.line.is_some());
    let e = checks_plan(&json!({"roleArn": ARN, "prefx": "a/"}).to_string()).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.prefx"));
}

#[test]
fn retry_decisions() {
    let decide = |input: Value| checks_retry(&input.to_string()).unwrap();
    let throttled = json!({"apiError": {"code": "Throttling.User", "status": 400}});
    let d = decide(json!({"action": "GetRole", "attempt": 1, "outcome": throttled}));
    assert_eq!(
        (d["retry"].clone(), d["delayMs"].clone(), d["kind"].clone()),
        (json!(true), json!(500), json!("read"))
    );
    let d = decide(json!({"action": "GetRole", "attempt": 3, "outcome": throttled}));
    assert_eq!(d["retry"], false);
    let d = decide(
        json!({"action": "CreateRole", "attempt": 1, "outcome": {"apiError": {"code": "Http502", "status": 502}}}),
    );
    assert_eq!(
        (d["retry"].clone(), d["kind"].clone()),
        (json!(false), json!("write"))
    );
    assert_eq!(d["reason"]["id"], "core_check_retry_write");
    assert!(render_json(&d["reason"], Lang::En).contains("read the state"));
    let d = decide(json!({"action": "AttachPolicyToRole", "attempt": 2, "outcome": throttled}));
    assert_eq!(
        (d["retry"].clone(), d["delayMs"].clone()),
        (json!(true), json!(1000))
    );
    let d = decide(
        json!({"action": "ListObjects", "attempt": 1, "outcome": {"error": {"kind": "invalid-response", "message": "x"}}}),
    );
    assert_eq!(d["retry"], true);
    let d = decide(
        json!({"action": "AssumeRole", "attempt": 1, "outcome": {"apiError": {"code": "NoPermission", "status": 403}}}),
    );
    assert_eq!(d["retry"], false);
    let e =
        checks_retry(&json!({"action": "GetRole", "attempt": 0, "outcome": throttled}).to_string())
            .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.attempt"));
    let e =
        checks_retry(&json!({"action": "Nope", "attempt": 1, "outcome": throttled}).to_string())
            .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
}

fn root_keys_state() -> Value {
    json!({"inputs": {"roleArn": ARN}, "facts": {"b.GetCallerIdentity": [{"result": {
        "identityType": "Account", "accountId": "1888000000000000", "arn": "acs:ram::1888000000000000:root",
        "principalId": "1888000000000000", "requestId": "R-1"}}]}})
}

#[test]
fn cli_diagnose_reads_and_exits_by_verdict() {
    let state = root_keys_state().to_string();
    let human = rolehop(&["check", "diagnose"], &state);
    assert_eq!(human.status.code(), Some(3));
    let text = stdout(&human);
    let root_keys_verdict = ChecksMessage::Broken {
        step: 2,
        problem: Box::new(ChecksMessage::RootKeys {
            account: "1888000000000000".into(),
        }),
    };
    assert!(catalog::en(&root_keys_verdict)
        .starts_with("Step 2 is broken: B's credentials are the root AccessKey"));
    // The verdict in one sentence, then the fix; checks numbered by the tutorial's steps, with
    // no internal ids (check ids, cause names) shown.
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .is_some_and(|l| l == format!("Fail: {}", catalog::en(&root_keys_verdict))),
        "{text}"
    );
    assert!(
        lines
            .next()
            .is_some_and(|l| l.starts_with("Fix: In account 1888000000000000")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "[Fail] Step 2 · {}",
            catalog::en(&ChecksMessage::TitleBIdentity {})
        )),
        "{text}"
    );
    for internal in [
        "b.identity",
        "root-keys",
        "b.assume-role",
        "Broken at",
        "check(s)",
    ] {
        assert!(!text.contains(internal), "{internal} shown: {text}");
    }
    assert!(
        text.contains("Evidence: GetCallerIdentity · RequestId R-1"),
        "{text}"
    );
    let zh = stdout(&rolehop(&["check", "diagnose", "--zh"], &state));
    assert!(
        zh.starts_with("未通过：第 2 步有问题：") && zh.contains("\n修复：请在账号"),
        "{zh}"
    );
    let json_out = rolehop(&["check", "diagnose", "--json"], &state);
    assert_eq!(json_out.status.code(), Some(3));
    let report: Value = serde_json::from_str(&stdout(&json_out)).unwrap();
    assert_eq!(report, checks_diagnose(&state).unwrap());

    let pending = rolehop(
        &["check", "diagnose"],
        &json!({"inputs": {"roleArn": ARN}}).to_string(),
    );
    assert_eq!(pending.status.code(), Some(4));
    let bad = rolehop(&["check", "next"], "{\"inputs\": {}}");
    assert_eq!(bad.status.code(), Some(1));
    assert!(stdout(&bad).contains("\"missing-field\""));
    assert_eq!(
        rolehop(&["check", "frobnicate"], "{}").status.code(),
        Some(2)
    );
    assert_eq!(
        rolehop(&["check", "diagnose", "--yaml"], "{}")
            .status
            .code(),
        Some(2)
    );
    let help = rolehop(&["check", "help"], "");
    assert!(stdout(&help).contains("rolehop check diagnose"));
}

#[test]
fn cli_plan_next_and_retry_print_the_contract() {
    let inputs = json!({"roleArn": ARN, "bucket": "company-a-reports"}).to_string();
    let plan = rolehop(&["check", "plan"], &inputs);
    assert_eq!(plan.status.code(), Some(0));
    let plan: Value = serde_json::from_str(&stdout(&plan)).unwrap();
    assert_eq!(plan, checks_plan(&inputs).unwrap());
    let state = json!({"inputs": {"roleArn": ARN}}).to_string();
    let next: Value = serde_json::from_str(&stdout(&rolehop(&["check", "next"], &state))).unwrap();
    assert_eq!(next["next"][0]["id"], "b.GetCallerIdentity");
    let retry =
        json!({"action": "ListBuckets", "attempt": 1, "outcome": {"transportError": "timeout"}})
            .to_string();
    let decided: Value =
        serde_json::from_str(&stdout(&rolehop(&["check", "retry"], &retry))).unwrap();
    assert_eq!(decided["retry"], true);
}

/// What the runner records for one answer: the contract's parse of it, as the service worker
/// appends it to the facts.
fn answered(action: &str, status: u16, body: &str) -> Value {
    let parsed = rolehop::contract::parse(
        &json!({"action": action, "status": status, "headers": {}, "body": body}).to_string(),
    );
    let mut out = match parsed {
        Ok(v) => v,
        Err(e) => json!({ "error": serde_json::to_value(&e).unwrap() }),
    };
    out["localTime"] = json!("2026-01-01T00:00:00Z");
    out["httpStatus"] = json!(status);
    out
}

/// The facts of decision table `name` (`tests/checks/`): each scripted answer, parsed.
fn table_state(name: &str) -> Value {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let read = |path: std::path::PathBuf| std::fs::read_to_string(path).unwrap();
    let table: Value = serde_json::from_str(&read(dir.join("checks").join(name))).unwrap();
    let mut facts = serde_json::Map::new();
    for (rid, answers) in table["responses"].as_object().unwrap() {
        let action = rid.split('.').nth(1).unwrap();
        let parsed = answers.as_array().unwrap().iter().map(|a| {
            let body = match (a["bodyFile"].as_str(), &a["bodyJson"]) {
                (Some(file), _) => read(dir.join("fixtures/responses").join(file)),
                (None, Value::Null) => a["body"].as_str().unwrap().to_string(),
                (None, v) => v.to_string(),
            };
            answered(action, a["status"].as_u64().unwrap() as u16, &body)
        });
        facts.insert(rid.clone(), Value::Array(parsed.collect()));
    }
    json!({"inputs": table["inputs"], "facts": facts})
}

/// `rolehop check diagnose` prints the chain after the verdict: a line per link with its mark,
/// name, status and step, and under the broken link its cause and fix, in English and Chinese,
/// from the report's own chain.
#[test]
fn cli_diagnose_prints_the_chain() {
    // B's user assumes the role and lists the buckets; ListObjects is refused because the role's
    // read grant is scoped to a resource group that does not hold the bucket.
    let state = table_state("denied-oss-group-no-decode.json").to_string();
    let report = checks_diagnose(&state).unwrap();
    let link = |n: usize| &report["chain"][n];
    assert_eq!(link(3)["status"], "fail", "{report:#}");
    for (flag, lang, lines) in [
        (
            None,
            Lang::En,
            [
                "The path from B's user to the bucket",
                "  ✓ B's RAM user: Proved (Step 2).",
                "  ✓ sts:AssumeRole (B's grant): Proved (Step 2).",
                "  ✓ A's role and its trust policy: Proved (Step 1).",
                "  ✗ The role's OSS permission: Broken (Step 1).",
            ],
        ),
        (
            Some("--zh"),
            Lang::Zh,
            [
                "从 B 的 RAM 用户到存储空间的路径",
                "  ✓ B 的 RAM 用户：已证实（第 2 步）。",
                "  ✓ sts:AssumeRole（B 的授权）：已证实（第 2 步）。",
                "  ✓ A 的角色及其信任策略：已证实（第 1 步）。",
                "  ✗ 角色的 OSS 权限：有问题（第 1 步）。",
            ],
        ),
    ] {
        let mut args = vec!["check", "diagnose"];
        args.extend(flag);
        let out = rolehop(&args, &state);
        assert_eq!(out.status.code(), Some(3));
        let text = stdout(&out);
        let at = text
            .find(lines[0])
            .unwrap_or_else(|| panic!("no chain in {text}"));
        let chain: Vec<&str> = text[at..].lines().take(8).collect();
        assert_eq!(&chain[..5], &lines[..], "{text}");
        // The broken link's cause and fix: the report's, in words.
        let cause = render_json(&link(3)["cause"], lang);
        let fix = render_json(&link(3)["fix"], lang);
        assert_eq!(chain[5], format!("      {cause}"));
        let fix_line = if lang == Lang::En {
            format!("      Fix: {fix}")
        } else {
            format!("      修复：{fix}")
        };
        assert_eq!(chain[6], fix_line);
        let bucket = if lang == Lang::En {
            "  – The bucket: Not checked (Step 4)."
        } else {
            "  – 存储空间：未检查（第 4 步）。"
        };
        assert_eq!(chain[7], bucket);
        let (scope, moved) = if lang == Lang::En {
            (
                "bucket company-a-reports is not in that resource group",
                "move bucket company-a-reports into the resource group",
            )
        } else {
            (
                "存储空间 company-a-reports 不在该资源组中",
                "将存储空间 company-a-reports 移入该策略所授权的资源组",
            )
        };
        assert!(cause.contains(scope), "{cause}");
        // Chinese words are not parted by a space (only Chinese from Latin letters is).
        assert!(!cause.contains("请允许 角色"), "{cause}");
        assert!(fix.contains(moved), "{fix}");
    }
}
