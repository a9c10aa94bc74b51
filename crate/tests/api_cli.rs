//! `rolehop request` and `rolehop parse` on the command line: output and exit codes (an
//! `apiError` is a valid answer and exits 0; a contract `error` exits 1).

mod common;

use common::rolehop;
use serde_json::{json, Value};

/// Runs `rolehop ARGS` and reads its output as one JSON value per line.
fn run(args: &[&str], stdin: &str) -> (i32, Vec<Value>) {
    let out = rolehop(args, stdin);
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code().unwrap(), lines)
}

fn assume_role() -> Value {
    json!({
        "action": "AssumeRole", "time": "2026-01-01T00:00:00Z", "nonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        "credentials": {"accessKeyId": "LTAI5tExampleId", "accessKeySecret": "ExampleSecret"},
        "roleArn": "acs:ram::1746000000000000:role/admin-oss", "roleSessionName": "alice", "durationSeconds": 3600,
    })
}

#[test]
fn request_prints_the_signed_request() {
    let (code, out) = run(&["request"], &assume_role().to_string());
    assert_eq!(code, 0);
    assert_eq!(
        out[0]["signing"]["signature"],
        "SQd/YiSa58Vx9pyarJ0UyUyrewI="
    );
    let mut bad = assume_role();
    bad["durationSeconds"] = 60.into();
    let (code, out) = run(&["request"], &bad.to_string());
    assert_eq!(code, 1);
    assert_eq!(out[0]["error"]["path"], "$.durationSeconds");
}

#[test]
fn parse_exits_0_on_an_api_error_and_1_on_a_contract_error() {
    let answer = json!({"action": "AssumeRole", "status": 403, "headers": {},
                        "body": r#"{"Code": "NoPermission", "Message": "You are not authorized to do this action."}"#});
    let (code, out) = run(&["parse"], &answer.to_string());
    assert_eq!(code, 0);
    assert_eq!(out[0]["apiError"]["code"], "NoPermission");

    let ok = json!({"action": "GetAccountAlias", "status": 200, "body": r#"{"RequestId": "r", "AccountAlias": "company-a"}"#});
    let broken = json!({"action": "GetAccountAlias", "status": 200, "body": "{"});
    let input = format!("{answer}\n\n{ok}\n{broken}\n");
    let (code, out) = run(&["parse", "--lines"], &input);
    assert_eq!(code, 1, "one line failed");
    assert_eq!(out.len(), 3);
    assert_eq!(out[1]["result"]["accountAlias"], "company-a");
    assert_eq!(out[2]["error"]["kind"], "invalid-response");
    let (code, _) = run(
        &["request", "--lines"],
        &format!("{}\n{}\n", assume_role(), assume_role()),
    );
    assert_eq!(code, 0);
}
