//! The profile and console sign-in calls answer every error as they did when their requests were
//! read field by field (`fields::Object`), now that they are serde types read by
//! `crate/src/read.rs`: the same kind, catalog message and arguments, JSON path, line and column.
//! The fixture holds one input for each distinct error the field-by-field readers gave over
//! 44,274 generated malformed `profileParse`, `profileSerialize`, `profileImport`,
//! `profileExport`, `switchUrl` and `consoleSignin` requests (every field absent, null or of each
//! JSON type, unknown and odd-named fields, pairs of faults, texts that are not JSON), with that
//! error.

use rolehop::contract::{
    console_signin, profile_export, profile_import, profile_parse, profile_parse_text,
    profile_serialize, switch_url, to_text,
};
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/profile-input-errors.jsonl");

#[test]
fn input_errors_are_as_before_the_typed_inputs() {
    let mut checked = 0;
    for line in FIXTURE.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let input = case["input"].as_str().unwrap();
        let command = case["command"].as_str().unwrap();
        let answer = match command {
            "profileParse" => profile_parse(input),
            "profileSerialize" => profile_serialize(input),
            "profileImport" => profile_import(input),
            "profileExport" => profile_export(input),
            "switchUrl" => switch_url(input),
            "consoleSignin" => console_signin(input),
            other => panic!("unknown command {other}"),
        };
        let error = answer.expect_err(input);
        let got = serde_json::to_value(&error).unwrap();
        assert_eq!(got, case["error"], "{command} {input}");
        if command == "profileParse" {
            // The wasm export's path answers the same error.
            assert_eq!(profile_parse_text(input), to_text(&Err(error)), "{input}");
        }
        checked += 1;
    }
    assert!(checked > 800, "{checked} cases");
}
