//! The checks' inputs (checksPlan, checksNext, checksDiagnose, checksRetry, consoleRefusal) answer
//! every error as they did when they were read field by field (`fields::Object`), now that they
//! are serde types read by `crate/src/read.rs`: the same kind, catalog message and arguments,
//! JSON path, line and column. The fixture holds one input for each distinct error the
//! field-by-field readers gave over 14,652 generated inputs (every field absent, null or of each
//! JSON type, nested facts and API results wrong, unknown and odd-named fields, pairs of faults,
//! texts that are not JSON), with that error.

use rolehop::contract::{checks_diagnose, checks_next, checks_plan, checks_retry, console_refusal};
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/checks-input-errors.jsonl");

#[test]
fn input_errors_are_as_before_the_typed_inputs() {
    let mut checked = 0;
    for line in FIXTURE.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let input = case["input"].as_str().unwrap();
        let answer = match case["command"].as_str().unwrap() {
            "checksPlan" => checks_plan(input),
            "checksNext" => checks_next(input),
            "checksDiagnose" => checks_diagnose(input),
            "checksRetry" => checks_retry(input),
            "consoleRefusal" => console_refusal(input),
            other => panic!("unknown command {other}"),
        };
        let error = answer.expect_err(input);
        let got = serde_json::to_value(&error).unwrap();
        assert_eq!(got, case["error"], "{} {input}", case["command"]);
        checked += 1;
    }
    assert!(checked > 1400, "{checked} cases");
}
