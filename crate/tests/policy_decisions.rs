//! Decision tables: every `tests/decisions/*.json` file is a theme with named policies and cases,
//! each case run through the `policySimulate` contract and checked for the decision, the deciding
//! statements (`"<policy>#<statement index>"`) and, when given, the missing context keys.
//!
//! Case fields: `identity` (names of the file's policies or of catalog system policies; absent:
//! the identity side is not part of the question), `session`, `trust` (policy names), `request`,
//! `decision`, `deciding`, optional `missingContextKeys` and `conditionsNotMet`
//! (`"<policy>#<index>"` of statements a condition kept from applying).

use rolehop::catalog::{render_json, Lang};
use rolehop::contract::policy_simulate;
use serde_json::{json, Map, Value};
use std::fs;
use std::path::Path;

fn policy_entry(name: &str, policies: &Map<String, Value>) -> Value {
    match policies.get(name) {
        Some(doc) => json!({ "name": name, "document": doc }),
        None => Value::String(name.to_string()),
    }
}

fn refs(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .map(|r| format!("{}#{}", r["policy"].as_str().unwrap_or("?"), r["statement"]))
                .collect()
        })
        .unwrap_or_default()
}

fn strings(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Runs one table; returns the failures as messages.
fn run_table(path: &Path) -> (usize, Vec<String>) {
    let text = fs::read_to_string(path).unwrap();
    let table: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let policies = table["policies"].as_object().cloned().unwrap_or_default();
    let cases = table["cases"].as_array().cloned().unwrap_or_default();
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let mut request = json!({ "request": case["request"] });
        if let Some(identity) = case.get("identity").and_then(Value::as_array) {
            let entries: Vec<Value> = identity
                .iter()
                .map(|n| policy_entry(n.as_str().unwrap_or(""), &policies))
                .collect();
            request["identityPolicies"] = Value::Array(entries);
        }
        for (field, key) in [("session", "sessionPolicy"), ("trust", "trustPolicy")] {
            if let Some(n) = case.get(field).and_then(Value::as_str) {
                let doc = policies
                    .get(n)
                    .unwrap_or_else(|| panic!("{name}: no policy {n}"));
                request[key] = json!({ "name": n, "document": doc });
            }
        }
        let result = match policy_simulate(&request.to_string()) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{}: {name}: error {e}", path.display()));
                continue;
            }
        };
        let mut check = |what: &str, actual: Value, expected: &Value| {
            if &actual != expected {
                failures.push(format!(
                    "{}: {name}: {what} is {actual}, expected {expected}\n  explanation: {}",
                    path.display(),
                    result["explanation"]
                ));
            }
        };
        check("decision", result["decision"].clone(), &case["decision"]);
        check(
            "deciding",
            json!(refs(&result["deciding"])),
            &case["deciding"],
        );
        if let Some(expected) = case.get("missingContextKeys") {
            check(
                "missingContextKeys",
                json!(strings(&result["missingContextKeys"])),
                expected,
            );
        }
        if let Some(expected) = case.get("conditionsNotMet") {
            check(
                "conditionsNotMet",
                json!(refs(&result["conditionsNotMet"])),
                expected,
            );
        }
        // Sentences in both languages, from the catalogs.
        let sentences = result["explanation"].as_array().expect("sentences");
        assert!(!sentences.is_empty());
        for s in sentences {
            for lang in [Lang::En, Lang::Zh] {
                let words = render_json(s, lang);
                assert!(!words.is_empty() && !words.starts_with("core_"), "{s}");
            }
        }
    }
    (cases.len(), failures)
}

#[test]
fn decision_tables() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/decisions");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut total = 0;
    let mut failures = Vec::new();
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "json"))
    {
        let (n, mut f) = run_table(file);
        assert!(n > 0, "{} has no cases", file.display());
        total += n;
        failures.append(&mut f);
    }
    assert!(
        files.len() >= 10,
        "expected a table per theme, found {}",
        files.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
