//! The tutorial's inputs (tutorialSteps, setupPlan, setupNext) answer as they did when they were
//! read field by field, now that they are serde types read by `crate/src/read/`: every error with
//! the same kind, catalog message and arguments, JSON path, line and column, and every draft with the same values missing (`incomplete`, in the same
//! order) and placeholders. The fixture holds one input for each distinct answer the
//! field-by-field reader gave over about 160,000 generated inputs (every field absent, null or of
//! each JSON type or of another field's value, unknown and odd-named fields, pairs of faults,
//! texts that are not JSON), with that answer. Since setupNext's replay reads the answers it
//! receives as serde types too, the fixture also holds each distinct answer it gave (before that)
//! to received `apiError`s and core errors that are malformed: fields absent, `null` or of
//! another type, hints and words that are not messages, parts given together.

use rolehop::contract::{setup_next, setup_plan, tutorial_steps};
use serde_json::{json, Value};

const FIXTURE: &str = include_str!("fixtures/tutorial-input-errors.jsonl");

/// What the fixture keeps of a successful answer.
fn summary(command: &str, out: &Value, draft: bool) -> Value {
    let ids = |list: &Value| -> Vec<Value> {
        let items = list.as_array().into_iter().flatten();
        items.map(|item| item["id"].clone()).collect()
    };
    match command {
        "tutorialSteps" if draft => {
            let list = out["placeholders"].as_array().into_iter().flatten();
            let tokens: Vec<Value> = list.map(|p| p["token"].clone()).collect();
            json!({"incomplete": out["incomplete"], "placeholders": tokens})
        }
        "tutorialSteps" => {
            let tokens = out.get("placeholders").map(|p| {
                let list = p.as_array().into_iter().flatten();
                list.map(|p| p["token"].clone()).collect::<Vec<_>>()
            });
            json!({"steps": ids(&out["steps"]), "incomplete": out.get("incomplete"), "placeholders": tokens})
        }
        "setupPlan" => {
            json!({"side": out["side"], "account": out["account"], "operations": ids(&out["operations"])})
        }
        _ => {
            let mut s = json!({"status": out["status"], "message": out["message"],
                               "changed": out["changed"], "outcomes": out["outcomes"]});
            if let Some(next) = out.get("next") {
                s["next"] = next["id"].clone();
            }
            s
        }
    }
}

#[test]
fn tutorial_inputs_answer_as_before_the_typed_inputs() {
    let mut checked = 0;
    for line in FIXTURE.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let command = case["command"].as_str().unwrap();
        let input = case["input"].as_str().unwrap();
        let answer = match command {
            "tutorialSteps" => tutorial_steps(input),
            "setupPlan" => setup_plan(input),
            "setupNext" => setup_next(input),
            other => panic!("unknown command {other}"),
        };
        match (answer, case.get("error")) {
            (Err(error), Some(expected)) => {
                let got = serde_json::to_value(&error).unwrap();
                assert_eq!(&got, expected, "{command} {input}");
            }
            (Ok(out), None) => {
                let draft = case["ok"].get("steps").is_none() && command == "tutorialSteps";
                assert_eq!(
                    summary(command, &out, draft),
                    case["ok"],
                    "{command} {input}"
                );
                if command == "setupPlan" {
                    // The plan echoes its input as given (setupNext reads it back).
                    let given: Value = serde_json::from_str(input).unwrap();
                    assert_eq!(out["input"], given, "{input}");
                }
            }
            (answer, _) => panic!("{command} {input}: {answer:?} where {}", case),
        }
        checked += 1;
    }
    assert!(checked > 1900, "{checked} cases");
}
