//! Decision tables for the verification checks: every `tests/checks/*.json` file is one
//! scenario. The test plays the runner: it asks `checksNext` what to send, answers each request
//! with the scenario's next scripted HTTP response for that request id (read by the real
//! `parseResponse` contract, so bodies are the services' real shapes, many from
//! `tests/fixtures/responses/`), appends the attempt to the facts, and repeats until done; then
//! `checksDiagnose` must give the expected statuses, causes, tutorial steps and fixes.
//!
//! Scenario fields: `description`, `inputs` (checksPlan's inputs), `responses`
//! (`{requestId: [response...]}` in the order they are sent; a response is
//! `{status, headers?, body | bodyFile | bodyJson, localTime?}` or `{transportError, localTime?}`),
//! `expect`: `verdict` (fields compared exactly), `checks` (`{checkId: {status, cause?,
//! tutorialStep?, method?, summary?: [substrings], fix?: [substrings], snippet?: [substrings],
//! evidence?: {...}, details?: {...}}}`), `absent` (check ids not in the report), `sent` (request
//! ids in sending order, retries included), `delays` (`{requestId: [delayMs per attempt]}`),
//! `params` (`{requestId: {param: value}}` of the last send), `clockSkewSeconds`, `warnings`
//! (codes).

use rolehop::catalog::{render_json, Lang};
use rolehop::contract::{checks_diagnose, checks_next};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};

const DEFAULT_TIME: &str = "2026-01-01T00:00:00Z";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/responses")
}

/// The attempt the runner records for one scripted response to request `rid`.
fn attempt(rid: &str, response: &Value) -> Value {
    let local = response
        .get("localTime")
        .and_then(Value::as_str)
        .unwrap_or(DEFAULT_TIME);
    if let Some(reason) = response.get("transportError") {
        return json!({ "transportError": reason, "localTime": local });
    }
    // The runner had no credentials for the request (extension/background/checks.js).
    if let Some(skipped) = response.get("skipped") {
        return json!({ "skipped": skipped, "localTime": local });
    }
    let action = rid.split('.').nth(1).unwrap_or("");
    let body = if let Some(file) = response.get("bodyFile").and_then(Value::as_str) {
        fs::read_to_string(fixtures().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
    } else if let Some(v) = response.get("bodyJson") {
        v.to_string()
    } else {
        response["body"].as_str().unwrap_or("").to_string()
    };
    let headers = response.get("headers").cloned().unwrap_or(json!({}));
    let status = response["status"].as_i64().unwrap_or(200);
    let parse_input =
        json!({ "action": action, "status": status, "headers": headers, "body": body });
    let parsed = rolehop::contract::parse(&parse_input.to_string());
    let mut out = match parsed {
        Ok(Value::Object(map)) => map,
        Ok(other) => panic!("parse gave {other}"),
        Err(e) => {
            let mut m = Map::new();
            m.insert("error".into(), serde_json::to_value(&e).unwrap());
            m
        }
    };
    out.insert("localTime".into(), json!(local));
    out.insert("httpStatus".into(), json!(status));
    if let Some(date) = headers.get("date").or_else(|| headers.get("Date")) {
        out.insert("serverDate".into(), date.clone());
    }
    Value::Object(out)
}

struct Run {
    report: Value,
    sent: Vec<String>,
    delays: BTreeMap<String, Vec<u64>>,
    params: BTreeMap<String, Value>,
}

/// Plays the runner over the scripted responses.
fn run(scenario: &Value, name: &str) -> Run {
    let mut queues: BTreeMap<String, VecDeque<Value>> = scenario["responses"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_array().cloned().unwrap_or_default().into()))
                .collect()
        })
        .unwrap_or_default();
    let inputs = scenario["inputs"].clone();
    let mut facts: Map<String, Value> = Map::new();
    let mut sent = Vec::new();
    let mut delays: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    let mut params = BTreeMap::new();
    for round in 0.. {
        assert!(round < 40, "{name}: the run does not end");
        let state = json!({ "inputs": inputs, "facts": facts });
        let answer =
            checks_next(&state.to_string()).unwrap_or_else(|e| panic!("{name}: checksNext: {e}"));
        if answer["done"] == json!(true) {
            assert_eq!(answer["next"], json!([]), "{name}: done with requests left");
            break;
        }
        let next = answer["next"].as_array().cloned().unwrap_or_default();
        assert!(
            !next.is_empty(),
            "{name}: not done, but nothing to send: {answer}"
        );
        for request in next {
            let rid = request["id"].as_str().unwrap().to_string();
            let response = queues
                .get_mut(&rid)
                .and_then(VecDeque::pop_front)
                .unwrap_or_else(|| {
                    panic!(
                        "{name}: unexpected request {rid} (attempt {}): {request}",
                        request["attempt"]
                    )
                });
            let expected_attempt = facts
                .get(&rid)
                .and_then(Value::as_array)
                .map_or(0, Vec::len)
                + 1;
            assert_eq!(
                request["attempt"],
                json!(expected_attempt),
                "{name}: attempt number of {rid}"
            );
            sent.push(rid.clone());
            delays
                .entry(rid.clone())
                .or_default()
                .push(request["delayMs"].as_u64().unwrap());
            params.insert(rid.clone(), request["params"].clone());
            let entry = facts.entry(rid.clone()).or_insert_with(|| json!([]));
            entry.as_array_mut().unwrap().push(attempt(&rid, &response));
        }
    }
    for (rid, left) in &queues {
        assert!(
            left.is_empty(),
            "{name}: {} scripted response(s) for {rid} never requested",
            left.len()
        );
    }
    let state = json!({ "inputs": inputs, "facts": facts });
    let report = checks_diagnose(&state.to_string())
        .unwrap_or_else(|e| panic!("{name}: checksDiagnose: {e}"));
    Run {
        report,
        sent,
        delays,
        params,
    }
}

fn contains_all(failures: &mut Vec<String>, what: &str, text: &str, wanted: &Value) {
    for w in wanted.as_array().into_iter().flatten() {
        let w = w.as_str().unwrap_or("");
        if !text.contains(w) {
            failures.push(format!("{what} lacks {w:?}: {text}"));
        }
    }
}

/// Compares the fields `expected` names with `actual`.
fn subset(failures: &mut Vec<String>, what: &str, expected: &Value, actual: &Value) {
    for (k, v) in expected.as_object().into_iter().flatten() {
        if actual.get(k) != Some(v) {
            failures.push(format!(
                "{what}.{k}: expected {v}, got {}",
                actual.get(k).unwrap_or(&Value::Null)
            ));
        }
    }
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn check_scenario(path: &Path) -> Vec<String> {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let scenario: Value = serde_json::from_str(&fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let run = run(&scenario, &name);
    let expect = &scenario["expect"];
    let report = &run.report;
    let mut failures = Vec::new();
    subset(
        &mut failures,
        "verdict",
        &expect["verdict"],
        &report["verdict"],
    );
    let checks: BTreeMap<String, Value> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap().to_string(), c.clone()))
        .collect();
    for c in checks.values() {
        // Every sentence in both languages; fixes on every fail.
        for field in ["summary", "title"] {
            let zh = render_json(&c[field], Lang::Zh);
            if !said(&c[field]) || !has_cjk(&zh) {
                failures.push(format!(
                    "{}: {field} is not bilingual: {}",
                    c["id"], c[field]
                ));
            }
        }
        if c["status"] == "fail" && !has_cjk(&render_json(&c["fix"]["text"], Lang::Zh)) {
            failures.push(format!("{}: a failure without a bilingual fix", c["id"]));
        }
        if c["status"] == "pending" {
            failures.push(format!("{}: pending after done", c["id"]));
        }
    }
    for (id, want) in expect["checks"].as_object().into_iter().flatten() {
        let Some(got) = checks.get(id) else {
            failures.push(format!("check {id} missing from the report"));
            continue;
        };
        let what = format!("check {id}");
        for key in ["status", "cause", "tutorialStep", "method", "basis"] {
            if let Some(v) = want.get(key) {
                if got.get(key) != Some(v) {
                    failures.push(format!(
                        "{what}.{key}: expected {v}, got {}",
                        got.get(key).unwrap_or(&Value::Null)
                    ));
                }
            }
        }
        if let Some(s) = want.get("summary") {
            contains_all(
                &mut failures,
                &format!("{what} summary"),
                &render_json(&got["summary"], Lang::En),
                s,
            );
        }
        if let Some(s) = want.get("fix") {
            contains_all(
                &mut failures,
                &format!("{what} fix"),
                &render_json(&got["fix"]["text"], Lang::En),
                s,
            );
        }
        if let Some(s) = want.get("snippet") {
            contains_all(
                &mut failures,
                &format!("{what} snippet"),
                got["fix"]["snippet"].as_str().unwrap_or(""),
                s,
            );
        }
        if let Some(e) = want.get("evidence") {
            subset(
                &mut failures,
                &format!("{what}.evidence"),
                e,
                &got["evidence"],
            );
        }
        if let Some(d) = want.get("details") {
            subset(
                &mut failures,
                &format!("{what}.details"),
                d,
                &got["details"],
            );
        }
    }
    for id in expect["absent"].as_array().into_iter().flatten() {
        if checks.contains_key(id.as_str().unwrap_or("")) {
            failures.push(format!("check {id} should not be in the report"));
        }
    }
    if let Some(sent) = expect.get("sent") {
        if &json!(run.sent) != sent {
            failures.push(format!("sent: expected {sent}, got {:?}", run.sent));
        }
    }
    for (rid, want) in expect["delays"].as_object().into_iter().flatten() {
        let got = json!(run.delays.get(rid).cloned().unwrap_or_default());
        if &got != want {
            failures.push(format!("delays of {rid}: expected {want}, got {got}"));
        }
    }
    for (rid, want) in expect["params"].as_object().into_iter().flatten() {
        let got = run.params.get(rid).cloned().unwrap_or(Value::Null);
        subset(&mut failures, &format!("params of {rid}"), want, &got);
    }
    if let Some(skew) = expect.get("clockSkewSeconds") {
        if report.get("clockSkewSeconds").unwrap_or(&Value::Null) != skew {
            failures.push(format!(
                "clockSkewSeconds: expected {skew}, got {}",
                report["clockSkewSeconds"]
            ));
        }
    }
    if let Some(want) = expect.get("warnings") {
        let got: Vec<Value> = report["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["code"].clone())
            .collect();
        if &json!(got) != want {
            failures.push(format!("warnings: expected {want}, got {got:?}"));
        }
    }
    // The secrets of the AssumeRole answer never come back out.
    let text = report.to_string();
    for secret in [
        "CVwjCkNzTMupZ8NbTCxCBRq3K16jtcWFTJAyBEv2pgh",
        "CAIS8gF1q6Ft5B2yfSjIr5bkKtXznLZu0aW9",
    ] {
        if text.contains(secret) {
            failures.push("the report carries an STS secret".into());
        }
    }
    failures
        .into_iter()
        .map(|f| format!("{name}: {f}"))
        .collect()
}

#[test]
fn decision_tables() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/checks");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 15,
        "expected the scenario files in {}",
        dir.display()
    );
    let failures: Vec<String> = paths
        .iter()
        .flat_map(|p| {
            std::panic::catch_unwind(|| check_scenario(p)).unwrap_or_else(|e| {
                let message = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                vec![message]
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The scenario files, sorted.
fn scenario_paths() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/checks");
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
}

/// One numbering and one sentence (issue 11): over every scenario, the verdict names the first
/// broken tutorial step as the failing checks number it ("Step 2 is broken: role admin-oss …" /
/// "第 2 步有问题：…", one verdict sentence, never "Broken at step 1. Step 1 is broken"), carries
/// that check's fix, and no text shows an internal id, a "(s)" plural or a passing check's
/// error code.
#[test]
fn verdicts_name_the_first_broken_step_in_one_sentence() {
    let ids: Vec<&str> = rolehop::checks::check::CHECKS
        .iter()
        .map(|c| c.id.name())
        .collect();
    let mut failing = 0;
    for path in scenario_paths() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let scenario: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let report = run(&scenario, &name).report;
        let verdict = &report["verdict"];
        let checks = report["checks"].as_array().unwrap();
        let failed: Vec<&Value> = checks.iter().filter(|c| c["status"] == "fail").collect();
        let en = &render_json(&verdict["summary"], Lang::En);
        let zh = &render_json(&verdict["summary"], Lang::Zh);
        // The first broken step; within it, a finding in the cloud's words first.
        let told = |c: &Value| matches!(c["basis"].as_str(), Some("cloud-detail" | "decoded"));
        if let Some(first) = failed
            .iter()
            .min_by_key(|c| (c["tutorialStep"].as_u64(), !told(c)))
        {
            failing += 1;
            let step = first["tutorialStep"].as_u64().unwrap();
            assert_eq!(verdict["firstBrokenStep"], json!(step), "{name}");
            let head = format!("Step {step} is broken: ");
            assert!(en.starts_with(&head), "{name}: {en}");
            assert!(
                zh.starts_with(&format!("第 {step} 步有问题：")),
                "{name}: {zh}"
            );
            // The sentence goes on in lower case after the colon unless it starts with a name.
            let rest = &en[head.len()..];
            let word = rest.split(' ').next().unwrap();
            assert!(
                !(word.len() > 1
                    && word.starts_with(|c: char| c.is_ascii_uppercase())
                    && word[1..].chars().all(|c| c.is_ascii_lowercase())),
                "{name}: {en}"
            );
            assert_eq!(verdict["fix"], first["fix"], "{name}: the verdict's fix");
            assert_eq!(
                verdict["otherFailures"].as_u64().unwrap_or(0),
                failed.len() as u64 - 1,
                "{name}"
            );
        }
        let texts = serde_json::to_string(&report).unwrap();
        let shown: Vec<&Value> = std::iter::once(verdict)
            .chain(checks.iter())
            .flat_map(|c| [&c["summary"], &c["fix"]["text"]])
            .filter(|t| !t.is_null())
            .collect();
        for text in shown
            .iter()
            .flat_map(|t| [render_json(t, Lang::En), render_json(t, Lang::Zh)])
        {
            let text = text.as_str();
            assert!(!text.contains("(s)"), "{name}: {text}");
            assert!(!text.to_lowercase().contains("broken at"), "{name}: {text}");
            for id in &ids {
                assert!(!text.contains(id), "{name}: {id} in {text}");
            }
        }
        for check in checks.iter().filter(|c| c["status"] == "pass") {
            assert!(
                check["evidence"].get("code").is_none(),
                "{name}: passing {} has error code evidence: {texts}",
                check["id"]
            );
        }
    }
    assert!(failing >= 8, "the scenarios cover failing verdicts");
}

/// A message as the contract carries it: `{id, args}` with a `core_check_` id (nested
/// messages likewise), never prose.
fn said(value: &Value) -> bool {
    let id = value.get("id").and_then(Value::as_str).unwrap_or("");
    // The checks' own words, or an API error's hint the checks pass on as their fix.
    (id.starts_with("core_check_") || id.starts_with("core_api_hint_"))
        && value.get("args").is_some_and(|args| {
            args.as_object().is_some_and(|args| {
                args.values()
                    .all(|a| !a.is_object() || said(a) || a.get("id").is_some())
            })
        })
}

/// Every `{en, zh}` object anywhere in `value` (prose in the contract), by JSON path.
fn prose(value: &Value, path: &str, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if map.contains_key("en") || map.contains_key("zh") {
                found.push(format!("{path}: {value}"));
            }
            for (key, v) in map {
                prose(v, &format!("{path}.{key}"), found);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                prose(v, &format!("{path}[{i}]"), found);
            }
        }
        _ => {}
    }
}

/// Issue 11's one catalog: over every scenario, the report carries its words as message ids with
/// arguments (titles, findings, fixes, the verdict, warnings), each in both catalogs, and no
/// `{en, zh}` prose anywhere.
#[test]
fn reports_carry_message_ids_not_prose() {
    let catalogs = [
        rolehop::catalog::catalog(Lang::En),
        rolehop::catalog::catalog(Lang::Zh),
    ];
    for path in scenario_paths() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let scenario: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let report = run(&scenario, &name).report;
        let mut found = Vec::new();
        prose(&report, "$", &mut found);
        assert!(found.is_empty(), "{name}: prose in the report: {found:?}");
        let verdict = &report["verdict"];
        let mut messages = vec![&verdict["summary"]];
        messages.extend(verdict.get("fix").map(|f| &f["text"]));
        for c in report["checks"].as_array().unwrap() {
            messages.extend([&c["title"], &c["summary"]]);
            messages.extend(c.get("fix").map(|f| &f["text"]));
        }
        for w in report["warnings"].as_array().unwrap() {
            messages.push(&w["text"]);
        }
        for m in messages {
            assert!(said(m), "{name}: not a checks message: {m}");
            for (catalog, lang) in catalogs.iter().zip(Lang::ALL) {
                let id = m["id"].as_str().unwrap();
                assert!(
                    catalog.contains_key(id) || catalog.contains_key(&format!("{id}_other")),
                    "{name}: {id} missing in {}",
                    lang.locale()
                );
                assert!(!render_json(m, lang).contains("core_"), "{name}: {m}");
            }
        }
    }
}

/// The chain (issue 14's picture) over scenarios, one letter per link in order (B's user, B's
/// grant, A's role and trust, the role's OSS permission, the bucket): `P` proved, `F` broken, `-`
/// not checked. Each broken step: that link broken, the ones before it proved, the ones after not
/// checked unless A's credentials proved them.
const CHAINS: &[(&str, &str)] = &[
    ("happy-b-only.json", "PPPPP"),
    ("happy-both-sides.json", "PPPPP"),
    ("root-keys.json", "F----"),
    ("user-lacks-assume-role-listed.json", "PF---"),
    // A's credentials proved A's trust and the role's OSS policy: green after the red link.
    ("user-lacks-assume-role-observed.json", "PFPP-"),
    ("assume-role-refused-ambiguous.json", "PF---"),
    ("trust-does-not-trust-b.json", "P-FP-"),
    ("wrong-role-name.json", "PPF--"),
    // Step 3's wrong account breaks the way to A's role; B's grant was listed, A's side read.
    ("wrong-uid-with-a.json", "PPFP-"),
    ("role-lacks-oss-policy-b-only.json", "PPPF-"),
    ("role-lacks-oss-policy.json", "PPPF-"),
    ("no-such-bucket.json", "PPPPF"),
    ("bucket-not-in-account.json", "PPPPF"),
    // AssumeRole throttled: B's user and its listed grant are proved, the rest not checked.
    ("throttled-three-times.json", "PP---"),
];

#[test]
fn chains_show_the_broken_link_and_what_came_before() {
    let letter = |status: &Value| match status.as_str() {
        Some("pass") => 'P',
        Some("fail") => 'F',
        Some("not-checked") => '-',
        other => panic!("link status {other:?}"),
    };
    let mut failures = Vec::new();
    for (file, expected) in CHAINS {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/checks")
            .join(file);
        let scenario: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let report = run(&scenario, file).report;
        let chain = report["chain"].as_array().unwrap();
        let got: String = chain.iter().map(|l| letter(&l["status"])).collect();
        if got != *expected {
            failures.push(format!("{file}: expected {expected}, got {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Over every scenario: five links in order; a broken link says what the failing check says (the
/// verdict's words when it is the verdict's check) and numbers the step as the check does; a
/// verdict that fails has its link broken; a passing run proves every link it checked.
#[test]
fn chains_follow_the_checks_and_the_verdict() {
    let order = [
        "b-user",
        "assume-grant",
        "role-trust",
        "oss-permission",
        "bucket",
    ];
    for path in scenario_paths() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let scenario: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let report = run(&scenario, &name).report;
        let chain = report["chain"].as_array().unwrap();
        let links: Vec<&str> = chain.iter().map(|l| l["link"].as_str().unwrap()).collect();
        assert_eq!(links, order, "{name}");
        let check = |id: &Value| {
            report["checks"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| &c["id"] == id)
                .cloned()
                .unwrap_or_else(|| panic!("{name}: link names check {id}"))
        };
        for link in chain {
            assert!(
                render_json(&link["title"], Lang::En).len() > 3
                    && has_cjk(&render_json(&link["title"], Lang::Zh)),
                "{name}: {link}"
            );
            match link["status"].as_str().unwrap() {
                "fail" => {
                    let failed = check(&link["check"]);
                    assert_eq!(failed["status"], "fail", "{name}: {link}");
                    assert_eq!(link["cause"], failed["summary"], "{name}");
                    assert_eq!(link["fix"], failed["fix"]["text"], "{name}");
                    assert_eq!(link["step"], failed["tutorialStep"], "{name}");
                }
                "pass" => {
                    assert_eq!(check(&link["check"])["status"], "pass", "{name}: {link}");
                    assert!(link.get("cause").is_none(), "{name}: {link}");
                }
                _ => assert!(link.get("check").is_none(), "{name}: {link}"),
            }
        }
        let verdict = &report["verdict"];
        match verdict["status"].as_str().unwrap() {
            "fail" => {
                let broken = chain
                    .iter()
                    .find(|l| l["check"] == verdict["check"])
                    .unwrap_or_else(|| panic!("{name}: no link for the verdict's check"));
                assert_eq!(broken["status"], "fail", "{name}");
                assert_eq!(broken["step"], verdict["firstBrokenStep"], "{name}");
                assert_eq!(broken["fix"], verdict["fix"]["text"], "{name}");
                assert_eq!(
                    json!({"id": "core_check_broken", "args": {"step": broken["step"], "problem": broken["cause"]}}),
                    verdict["summary"],
                    "{name}"
                );
            }
            "pass" => assert!(
                chain.iter().all(|l| l["status"] != "fail"),
                "{name}: a passing run with a broken link"
            ),
            _ => {}
        }
    }
}
