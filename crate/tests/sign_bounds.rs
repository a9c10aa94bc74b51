//! Bounded work on hostile input (design decision 7) for signing: a request with hundreds of
//! thousands of headers or parameters is answered in linear time (the check for a name given
//! twice compared every pair: 300,000 headers took minutes). The assertions are on the answers;
//! the clock is only a coarse backstop so that a regression to quadratic work fails instead of
//! hanging.

use rolehop::contract::sign_text;
use serde_json::{json, Map, Value};
use std::time::{Duration, Instant};

const BACKSTOP: Duration = Duration::from_secs(30);
const MANY: usize = 300_000;

fn sign(input: &Value) -> Value {
    let text = input.to_string();
    let start = Instant::now();
    let answer = sign_text(&text);
    assert!(start.elapsed() < BACKSTOP, "took {:?}", start.elapsed());
    serde_json::from_str(&answer).expect("JSON answer")
}

fn names(prefix: &str, count: usize) -> Map<String, Value> {
    (0..count)
        .map(|i| (format!("{prefix}{i}"), json!("v")))
        .collect()
}

#[test]
fn many_oss_headers_are_signed_and_a_repeat_is_still_found() {
    let mut headers = names("x-oss-meta-h", MANY);
    headers.insert("Date".into(), json!("Thu, 17 Nov 2005 18:49:58 GMT"));
    let request = json!({
        "kind": "oss", "method": "GET", "bucket": "bucket", "key": "k",
        "headers": headers, "accessKeyId": "id", "accessKeySecret": "secret",
    });
    let answer = sign(&request);
    assert!(answer["authorization"].is_string(), "{answer:.200}");

    // The same name again in another case, last: refused, with the header named.
    let mut repeated = headers.clone();
    repeated.insert("X-OSS-META-H7".into(), json!("again"));
    let answer = sign(&json!({
        "kind": "oss", "method": "GET", "bucket": "bucket", "key": "k",
        "headers": repeated, "accessKeyId": "id", "accessKeySecret": "secret",
    }));
    let error = &answer["error"];
    assert_eq!(error["path"], "$.headers.X-OSS-META-H7", "{answer:.300}");
    let words = rolehop::catalog::render_json(&error["text"], rolehop::catalog::Lang::En);
    assert!(words.contains("given twice"), "{words}");
}

#[test]
fn many_rpc_parameters_are_signed() {
    let answer = sign(&json!({
        "kind": "rpc", "method": "POST", "params": names("P", MANY), "accessKeySecret": "secret",
    }));
    assert!(
        answer["signature"].is_string(),
        "{:.200}",
        answer.to_string()
    );
}
