//! The contract's calls answer every malformed input as they did when their inputs were read
//! field by field, now that every input is a serde type read by `crate/src/read/`: the same kind,
//! catalog message and arguments, JSON path, line and column. Each fixture holds one input for
//! each distinct error the field-by-field readers gave over many generated malformed inputs of
//! its calls (every field absent, null or of each JSON type; unknown and odd-named fields; pairs of
//! faults; nested values wrong; texts that are not JSON), with that error:
//! - `contract-input-errors.jsonl`: `sign`, `request`, `parse` (about 2,600 inputs);
//! - `policy-input-errors.jsonl`: `policyBuild`, `policyLint`, `policySimulate` (14,818);
//! - `checks-input-errors.jsonl`: the checks' calls and `consoleRefusal` (14,652);
//! - `profile-input-errors.jsonl`: the profile calls and `consoleSignin` (44,274).
//!
//! `body-errors.jsonl` holds the RPC (JSON) response bodies `parse` and `consoleSignin`'s
//! `tokenAnswer` read, from when they were read by key (`api/json.rs`'s `Node`): one input for each
//! distinct answer, error or success (24,949 generated bodies: every element absent, null or of
//! each JSON type, numbers and booleans as strings, negative and huge numbers, single-object
//! lists, pairs of faults, denial details in both casings, texts that are not JSON), with that
//! answer: the same error, or the same result byte for byte.
//!
//! The tutorial's inputs, whose drafts are answers too, have their own test
//! (`tutorial_input_errors.rs`).

use rolehop::contract as c;
use rolehop::error::Error;
use serde_json::Value;

/// The error `command` answers `input` with, or `None` when it answers.
fn error_of(command: &str, input: &str) -> Option<Error> {
    match command {
        "sign" => c::sign(input).err(),
        "request" => c::request(input).err(),
        "parse" => c::parse(input).err(),
        "policyBuild" => c::policy_build(input).err(),
        "policyLint" => c::policy_lint(input).err(),
        "policySimulate" => c::policy_simulate(input).err(),
        "checksPlan" => c::checks_plan(input).err(),
        "checksNext" => c::checks_next(input).err(),
        "checksDiagnose" => c::checks_diagnose(input).err(),
        "checksRetry" => c::checks_retry(input).err(),
        "consoleRefusal" => c::console_refusal(input).err(),
        "profileParse" => {
            let error = c::profile_parse(input).err();
            // The wasm export's path answers the same error.
            if let Some(error) = &error {
                let text = c::to_text(&Err(error.clone()));
                assert_eq!(c::profile_parse_text(input), text, "{input}");
            }
            error
        }
        "profileSerialize" => c::profile_serialize(input).err(),
        "profileImport" => c::profile_import(input).err(),
        "profileExport" => c::profile_export(input).err(),
        "switchUrl" => c::switch_url(input).err(),
        "consoleSignin" => c::console_signin(input).err(),
        other => panic!("unknown command {other}"),
    }
}

/// Checks every case of a fixture; there must be more than `at_least`.
fn answers_as_before(fixture: &str, at_least: usize) {
    let mut checked = 0;
    for line in fixture.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let command = case["command"].as_str().unwrap();
        let input = case["input"].as_str().unwrap();
        let error =
            error_of(command, input).unwrap_or_else(|| panic!("{command} {input}: no error"));
        let got = serde_json::to_value(&error).unwrap();
        assert_eq!(got, case["error"], "{command} {input}");
        checked += 1;
    }
    assert!(checked > at_least, "{checked} cases");
}

#[test]
fn rpc_bodies() {
    let mut checked = 0;
    for line in include_str!("fixtures/body-errors.jsonl").lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let command = case["command"].as_str().unwrap();
        let input = case["input"].as_str().unwrap();
        let answer = match command {
            "parse" => c::parse(input),
            "consoleSignin" => c::console_signin(input),
            other => panic!("unknown command {other}"),
        };
        match (answer, case["answer"].as_str()) {
            (Ok(answer), Some(expected)) => {
                assert_eq!(serde_json::to_string(&answer).unwrap(), expected, "{input}")
            }
            (Err(error), None) => {
                let got = serde_json::to_value(&error).unwrap();
                assert_eq!(got, case["error"], "{input}");
            }
            (answer, _) => panic!("{input}: {answer:?}, expected {}", case),
        }
        checked += 1;
    }
    assert!(checked > 3000, "{checked} cases");
}

#[test]
fn sign_request_and_parse() {
    answers_as_before(include_str!("fixtures/contract-input-errors.jsonl"), 250);
}

#[test]
fn policy_calls() {
    answers_as_before(include_str!("fixtures/policy-input-errors.jsonl"), 800);
}

#[test]
fn checks_calls() {
    answers_as_before(include_str!("fixtures/checks-input-errors.jsonl"), 1400);
}

#[test]
fn profile_and_console_signin_calls() {
    answers_as_before(include_str!("fixtures/profile-input-errors.jsonl"), 800);
}
