//! The policy calls' inputs answer every error as they did when they were read field by field
//! (`fields::Object`), now that their envelopes are serde types read by `crate/src/read.rs`: the
//! same kind, catalog message and arguments, JSON path, line and column. The fixture holds one
//! input for each distinct error the field-by-field readers gave over about 14,800 generated
//! `policyBuild`, `policyLint` and `policySimulate` inputs (every field absent, null, of each JSON
//! type or too long; unknown and odd-named fields; pairs of faults; nested entries, requests and
//! context values wrong; texts that are not JSON), with that error.

use rolehop::contract::{policy_build, policy_lint, policy_simulate};
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/policy-input-errors.jsonl");

#[test]
fn input_errors_are_as_before_the_typed_inputs() {
    let mut checked = 0;
    for line in FIXTURE.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let input = case["input"].as_str().unwrap();
        let answer = match case["command"].as_str().unwrap() {
            "policyBuild" => policy_build(input),
            "policyLint" => policy_lint(input),
            "policySimulate" => policy_simulate(input),
            other => panic!("unknown command {other}"),
        };
        let error = answer.expect_err(input);
        let got = serde_json::to_value(&error).unwrap();
        assert_eq!(got, case["error"], "{} {input}", case["command"]);
        checked += 1;
    }
    assert!(checked > 800, "{checked} cases");
}
