//! Bounded work on hostile input (design decision 7): every case of tests/lib/hostile-cases.json
//! gets an answer through the JSON contract, checks that would be quadratic stop and say so
//! (`too-large-to-check`), documents within RAM's limit are still checked fully, and inputs past
//! the documented limits are refused with the limit named. The assertions are on the answers;
//! the only clock is a coarse backstop (30 s for a case that now takes milliseconds) so that a
//! regression to quadratic work fails here instead of hanging.

#[path = "common/hostile.rs"]
mod hostile;

use rolehop::catalog::{render_json, Lang};
use rolehop::contract::{policy_lint, policy_simulate};
use rolehop::policy::lint::{lint, LintOptions};
use rolehop::policy::pattern::Pattern;
use rolehop::policy::{json as policy_json, parse, PolicyKind, Request, Side, Simulator, Trace};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const BACKSTOP: Duration = Duration::from_secs(30);

/// Runs one hostile case through the contract, with the backstop.
fn run(name: &str) -> Value {
    let case = hostile::case(name);
    let start = Instant::now();
    let answer = match case.call.as_str() {
        "policyLint" => policy_lint(&case.input),
        _ => policy_simulate(&case.input),
    };
    assert!(
        start.elapsed() < BACKSTOP,
        "{name} took {:?}",
        start.elapsed()
    );
    answer.unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn findings<'a>(answer: &'a Value, code: &str) -> Vec<&'a Value> {
    answer["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == code)
        .collect()
}

/// The one `too-large-to-check` finding, in both languages, with a fix.
fn too_large(answer: &Value) -> &Value {
    let found = findings(answer, "too-large-to-check");
    assert_eq!(found.len(), 1, "{}", answer["findings"]);
    let f = found[0];
    assert_eq!(f["level"], "warning");
    assert!(
        render_json(&f["message"], Lang::En).starts_with("The policy is too large to check fully")
    );
    assert!(render_json(&f["message"], Lang::Zh).starts_with("策略太大，无法完整检查"));
    assert!(render_json(&f["fix"]["description"], Lang::En).contains("Split the policy"));
    f
}

#[test]
fn every_hostile_case_gets_an_answer() {
    for name in hostile::names() {
        let case = hostile::case(&name);
        assert!(
            case.document_bytes <= 256 * 1024,
            "{}: {} bytes",
            case.name,
            case.document_bytes
        );
        let answer = run(&case.name);
        let what = format!("{} ({})", case.name, case.what);
        match case.call.as_str() {
            "policyLint" => assert!(answer["findings"].is_array(), "{what}"),
            _ => assert!(answer["decision"].is_string(), "{what}"),
        }
    }
}

/// 2,850 statements: the pairwise shadowing check stops at its budget and says where.
#[test]
fn shadowing_stops_at_its_budget_and_says_so() {
    let answer = run("many-statements");
    let f = too_large(&answer);
    let path = f["path"].as_str().unwrap();
    assert!(path.starts_with("$.Statement["), "{path}");
    assert!(f["line"].is_number() && f["column"].is_number());
    assert!(render_json(&f["message"], Lang::En).contains("2850 statements"));
    // The other checks ran: the document is over RAM's limit.
    assert_eq!(findings(&answer, "policy-too-large").len(), 1);
}

/// Two 32,000-character patterns whose containment table would have a billion cells: not
/// built, and said so.
#[test]
fn a_containment_table_past_the_budget_is_not_built() {
    too_large(&run("long-wildcard-patterns"));
    too_large(&run("non-ascii-patterns"));
}

/// A literal of 130,000 characters against a pattern of 120,000: decided by matching (linear),
/// not by a table, and fully checked.
#[test]
fn a_long_literal_is_matched_not_tabled() {
    let answer = run("long-literal-against-pattern");
    assert!(findings(&answer, "too-large-to-check").is_empty());
    assert!(findings(&answer, "shadowed-statement").is_empty());
}

/// Findings that name other parts of the statement (every resource's finding listing every
/// service, every `:root` finding rewriting the whole list) stop at the text budget: the answer
/// stays linear in the document, and says it was cut short.
#[test]
fn findings_text_is_bounded() {
    for name in [
        "trust-many-roots",
        "services-times-resources",
        "object-actions-on-buckets",
    ] {
        let case = hostile::case(name);
        let answer = run(name);
        let f = too_large(&answer);
        assert_eq!(f["path"], "$", "{name}");
        let size = answer.to_string().len();
        assert!(
            size < 64 * case.input.len() + (8 << 20),
            "{name}: {size} bytes of answer"
        );
    }
}

/// A finding for each of 20,000 keys of one object: each positioned at its own key (the position
/// lookup and the duplicate-key check use an index, not a scan per key), as many as the text
/// budget takes.
#[test]
fn findings_in_a_large_object_keep_their_positions() {
    let answer = run("many-condition-keys");
    let keys = findings(&answer, "malformed-condition-key");
    assert!(keys.len() >= 5_000, "{} findings", keys.len());
    too_large(&answer);
    let text = hostile::case("many-condition-keys").input;
    let document: Value = serde_json::from_str(&text).unwrap();
    let document = document["policy"].as_str().unwrap();
    for f in [keys[0], keys[keys.len() / 2], keys[keys.len() - 1]] {
        let key = f["path"].as_str().unwrap().rsplit('.').next().unwrap();
        // Findings point at the value of their path.
        let value = document.find(&format!("\"{key}\":")).unwrap() + key.len() + 3;
        let column = document[..value].chars().count() + 1;
        assert_eq!(
            (&f["line"], &f["column"]),
            (&json!(1), &json!(column)),
            "{key}"
        );
    }
}

/// Did-you-mean on a 260,000-character name costs a length comparison per known name.
#[test]
fn suggestions_skip_names_of_other_lengths() {
    let answer = run("long-action-name");
    assert!(findings(&answer, "unknown-action").is_empty());
    let answer = run("long-operator-name");
    let f = findings(&answer, "unknown-condition-operator");
    assert_eq!(f.len(), 1);
    assert!(f[0]["fix"].is_null());
}

/// Realistic documents are checked fully, within the shadowing budget: two statements of 1,000
/// characters of wildcards each (the whole containment table is needed: a million cells, a
/// quarter of the budget), and 61 statements compared pairwise.
#[test]
fn realistic_documents_are_checked_fully() {
    let wide = format!("acs:oss:*:1:b/{}", "*a?".repeat(330));
    let narrow = format!("acs:oss:*:1:b/{}", "*a?".repeat(331));
    let policy = json!({"Version": "1", "Statement": [
        {"Effect": "Allow", "Action": "oss:GetObject", "Resource": wide},
        {"Effect": "Allow", "Action": "oss:GetObject", "Resource": narrow},
    ]})
    .to_string();
    assert!(policy.chars().count() <= 6144, "{}", policy.len());
    let answer = policy_lint(&json!({ "policy": policy }).to_string()).unwrap();
    assert!(findings(&answer, "too-large-to-check").is_empty());
    let shadowed = findings(&answer, "shadowed-statement");
    assert_eq!(shadowed.len(), 1, "{}", answer["findings"]);
    assert_eq!(shadowed[0]["path"], "$.Statement[1]");

    // And many small statements: 60 of them, every pair compared.
    let statements: Vec<Value> = (0..60)
        .map(|i| json!({"Effect": "Allow", "Action": "oss:Get*", "Resource": format!("acs:oss:*:1:b{i}/*")}))
        .chain([json!({"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:1:b59/k"})])
        .collect();
    let policy = json!({"Version": "1", "Statement": statements}).to_string();
    assert!(policy.chars().count() <= 6144, "{}", policy.len());
    let answer = policy_lint(&json!({ "policy": policy }).to_string()).unwrap();
    assert!(findings(&answer, "too-large-to-check").is_empty());
    assert_eq!(
        findings(&answer, "shadowed-statement")[0]["path"],
        "$.Statement[60]"
    );
}

/// The matcher is linear in long inputs (no contract limit applies at this level): a piece of
/// 40,000 characters with one b in the middle against 400,000 characters of a. A scan with a
/// comparison at each start makes 8 * 10^9 comparisons here.
#[test]
fn long_inputs_match_in_linear_time() {
    let half = "a".repeat(20_000);
    let start = Instant::now();
    let literal = Pattern::new(&format!("*{half}b{half}*"));
    let mut text = "a".repeat(400_000);
    assert!(!literal.matches(&text));
    text.replace_range(300_000..300_001, "b");
    assert!(literal.matches(&text));
    // With `?`: bit-parallel, n * m / 64 word operations.
    let question = Pattern::new(&format!("*{}b{}*", "a?".repeat(1_000), "?a".repeat(1_000)));
    assert!(question.matches(&text));
    // Non-ASCII input takes the same searches over characters.
    let accented = "é".repeat(20_000);
    let non_ascii = Pattern::new(&format!("*{accented}x{accented}*"));
    assert!(!non_ascii.matches(&"é".repeat(400_000)));
    assert!(
        start.elapsed() < BACKSTOP,
        "matching took {:?}",
        start.elapsed()
    );
}

/// Inputs past the limits are refused with the kind, the path and the limit.
#[test]
fn inputs_past_the_limits_are_refused_with_the_limit() {
    let big = format!(
        "{{\"Version\":\"1\",\"Statement\":[{}]}}",
        vec![r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"}"#; 5000].join(",")
    );
    assert!(big.len() > 256 * 1024);
    let e = policy_lint(&json!({ "policy": big }).to_string()).unwrap_err();
    assert_eq!(json!(e.kind), "invalid-value");
    assert_eq!(e.path.as_deref(), Some("$.policy"));
    assert!(e.to_string().contains("at most 262144 bytes"), "{e}");
    let e = policy_simulate(
        &json!({"trustPolicy": big, "request": {"action": "sts:AssumeRole"}}).to_string(),
    )
    .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.trustPolicy"));

    let policy =
        r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"*"}]}"#;
    let long = format!("acs:oss:*:1:b/{}", "k".repeat(3000));
    let e = policy_simulate(&json!({"identityPolicies": [{"document": policy}], "request": {"action": "oss:GetObject", "resource": long}}).to_string()).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.request.resource"));
    assert!(e.to_string().contains("at most 2048 characters"), "{}", e);
    // In a batch (the fast path steps aside so that the error has its path), and in a context.
    let e = policy_simulate(&json!({"identityPolicies": [{"document": policy}], "requests": [{"action": "oss:GetObject"}, {"action": "oss:GetObject", "context": {"oss:Prefix": ["a", long]}}]}).to_string()).unwrap_err();
    assert_eq!(
        e.path.as_deref(),
        Some("$.requests[1].context[\"oss:Prefix\"][1]")
    );

    // Requests times document bytes: the batch is refused, naming how many would be taken.
    let statements = vec![
        r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:1:bucket/prefix/*"}"#;
        2000
    ]
    .join(",");
    let policy = format!("{{\"Version\":\"1\",\"Statement\":[{statements}]}}");
    let requests =
        vec![json!({"action": "oss:GetObject", "resource": "acs:oss:*:1:bucket/prefix/k"}); 3000];
    let e = policy_simulate(&json!({"identityPolicies": [{"document": policy}], "requests": requests, "detail": "decision"}).to_string()).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.requests"));
    assert!(e.to_string().contains("smaller batches"), "{e}");

    // Explanations: 1,500 requests, each allowed by 1,500 statements, would need every
    // statement cited in every answer.
    let statements =
        vec![r#"{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"}"#; 1500].join(",");
    let policy = format!("{{\"Version\":\"1\",\"Statement\":[{statements}]}}");
    let requests = vec![json!({"action": "oss:GetObject", "resource": "acs:oss:*:1:b/k"}); 1500];
    let e = policy_simulate(
        &json!({"identityPolicies": [{"document": policy}], "requests": requests.clone()})
            .to_string(),
    )
    .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.detail"));
    assert!(e.to_string().contains("\"detail\": \"decision\""), "{}", e);
    let decisions = policy_simulate(&json!({"identityPolicies": [{"document": policy}], "requests": requests, "detail": "decision"}).to_string()).unwrap();
    assert_eq!(decisions["decisions"].as_array().unwrap().len(), 1500);

    let e = policy_lint(&" ".repeat(9 << 20)).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$"));
    assert!(e.to_string().contains("at most 8388608 bytes"), "{e}");
}

/// The core's own tables stay linear on inputs far past the contract's limits, so that a
/// quadratic regression cannot hide under the backstop: an object of 300,000 keys (duplicate
/// keys are looked up, not scanned for), and a lint finding for each of 400,000 condition keys
/// as far as the text budget goes (each positioned without a scan of its object).
#[test]
fn large_objects_are_read_and_positioned_in_linear_time() {
    let keys: Vec<String> = (0..300_000).map(|i| format!("\"k{i}\":1")).collect();
    let start = Instant::now();
    assert!(policy_json::read(&format!("{{{}}}", keys.join(","))).is_ok());
    let keys: Vec<String> = (0..400_000).map(|i| format!("\"k{i}\":\"v\"")).collect();
    let policy = format!(
        "{{\"Version\":\"1\",\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\",\"Condition\":{{\"StringEquals\":{{{}}}}}}}]}}",
        keys.join(",")
    );
    let report = lint(&policy, &LintOptions::default());
    let keys: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == "malformed-condition-key")
        .collect();
    assert!(keys.len() >= 100_000, "{} findings", keys.len());
    assert!(keys.iter().all(|f| f.line.is_some()));
    assert!(start.elapsed() < BACKSTOP, "took {:?}", start.elapsed());
}

/// The simulator's tables (distinct patterns, condition keys, the request's context keys, the
/// missing keys of the explanation) are hashed: 100,000 of each.
#[test]
fn simulator_tables_are_linear() {
    let n = 100_000;
    let keys: Vec<String> = (0..n).map(|i| format!("\"a:k{i}\":\"v\"")).collect();
    let resources: Vec<String> = (0..n).map(|i| format!("\"acs:oss:*:1:b{i}/*\"")).collect();
    let policy = format!(
        "{{\"Version\":\"1\",\"Statement\":[{{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":[{}],\"Condition\":{{\"StringEquals\":{{{}}}}}}}]}}",
        resources.join(","),
        keys.join(",")
    );
    let start = Instant::now();
    let policy = parse(&policy, PolicyKind::Identity).unwrap();
    let mut sim = Simulator::new();
    sim.add("p", Side::Identity, false, &policy);
    let mut request = Request {
        action: "oss:GetObject".into(),
        resource: format!("acs:oss:*:1:b{}/k", n - 1),
        ..Request::default()
    };
    for i in 0..n {
        request.context.insert(&format!("c:K{i}"), &["v"]);
    }
    let mut trace = Trace::default();
    let decision = sim.decide(&request, &mut trace);
    let explanation = rolehop::policy::explain(&sim, &request, decision, &trace);
    assert_eq!(explanation.missing_context_keys.len(), n);
    assert!(start.elapsed() < BACKSTOP, "took {:?}", start.elapsed());
}
