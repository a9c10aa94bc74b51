//! Native signing throughput: the ceiling for the wasm figures of `bench/run.sh`.
//!
//! Usage: sign_throughput RPC_JSONL OSS_JSONL (contract requests, one per line; see
//! bench/inputs.mjs). Prints one JSON object of median operations per second:
//! `{"rpc": {"contract": n, "signer": n}, "oss": {...}}`, where `contract` is the whole JSON
//! contract (text in, text out, as the wasm `sign` does it: `contract::sign_text`) and `signer`
//! the signing functions alone on already-parsed input.

use rolehop::sign::oss::{self, OssCredentials, OssRequest};
use rolehop::sign::rpc;
use serde_json::{json, Value};
use std::error::Error;
use std::hint::black_box;
use std::time::{Duration, Instant};

const ROUNDS: usize = 7;
const ROUND_TIME: Duration = Duration::from_millis(300);

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [rpc_file, oss_file] = args.as_slice() else {
        return Err("usage: sign_throughput RPC_JSONL OSS_JSONL".into());
    };
    let rpc_texts = read_lines(rpc_file)?;
    let oss_texts = read_lines(oss_file)?;

    let rpc_inputs = rpc_texts
        .iter()
        .map(|t| rpc_input(t))
        .collect::<Result<Vec<_>, _>>()?;
    let oss_inputs = oss_texts
        .iter()
        .map(|t| oss_input(t))
        .collect::<Result<Vec<_>, _>>()?;

    let result = json!({
        "rpc": {
            "contract": ops_per_second(&rpc_texts, |t| contract_sign(t)),
            "signer": ops_per_second(&rpc_inputs, |(method, params, secret)| {
                rpc::sign(method, params, secret).map_or(0, |s| s.signature.len())
            }),
        },
        "oss": {
            "contract": ops_per_second(&oss_texts, |t| contract_sign(t)),
            "signer": ops_per_second(&oss_inputs, |(req, creds)| {
                oss::sign_header(req, creds).map_or(0, |s| s.authorization.len())
            }),
        },
    });
    println!("{result}");
    Ok(())
}

fn read_lines(path: &str) -> Result<Vec<String>, Box<dyn Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    if lines.is_empty() {
        return Err(format!("{path}: no requests").into());
    }
    for line in &lines {
        // Refuse inputs the core rejects: an error answer would be timed instead of a signature.
        rolehop::contract::sign(line).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(lines)
}

/// What a wasm caller gets: the answer as JSON text, by the wasm export's own path.
fn contract_sign(text: &str) -> usize {
    rolehop::contract::sign_text(text).len()
}

type RpcInput = (String, Vec<(String, String)>, String);

fn rpc_input(text: &str) -> Result<RpcInput, Box<dyn Error>> {
    let v: Value = serde_json::from_str(text)?;
    Ok((
        str_field(&v, "method")?,
        string_pairs(&v["params"])?,
        str_field(&v, "accessKeySecret")?,
    ))
}

fn oss_input(text: &str) -> Result<(OssRequest, OssCredentials), Box<dyn Error>> {
    let v: Value = serde_json::from_str(text)?;
    let req = OssRequest {
        method: str_field(&v, "method")?,
        bucket: v["bucket"].as_str().map(str::to_string),
        key: v["key"].as_str().map(str::to_string),
        headers: string_pairs(&v["headers"])?,
        query: v["query"]
            .as_object()
            .map(|q| {
                q.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().map(str::to_string)))
                    .collect()
            })
            .unwrap_or_default(),
    };
    let creds = OssCredentials {
        access_key_id: str_field(&v, "accessKeyId")?,
        access_key_secret: str_field(&v, "accessKeySecret")?,
        security_token: v["securityToken"].as_str().map(str::to_string),
    };
    Ok((req, creds))
}

fn str_field(v: &Value, name: &str) -> Result<String, Box<dyn Error>> {
    Ok(v[name]
        .as_str()
        .ok_or(format!("{name} must be a string"))?
        .to_string())
}

fn string_pairs(v: &Value) -> Result<Vec<(String, String)>, Box<dyn Error>> {
    let Some(map) = v.as_object() else {
        return Ok(Vec::new());
    };
    map.iter()
        .map(|(k, v)| {
            Ok((
                k.clone(),
                v.as_str()
                    .ok_or(format!("{k} must be a string"))?
                    .to_string(),
            ))
        })
        .collect()
}

/// Median operations per second over `ROUNDS` timed rounds after a warm-up; each round cycles
/// through the inputs.
fn ops_per_second<T>(inputs: &[T], mut op: impl FnMut(&T) -> usize) -> f64 {
    let mut run = |iterations: usize| {
        let start = Instant::now();
        for i in 0..iterations {
            black_box(op(black_box(&inputs[i % inputs.len()])));
        }
        start.elapsed()
    };
    // Warm-up, which also sizes a round to about ROUND_TIME.
    let mut iterations = 1_000;
    loop {
        let took = run(iterations);
        if took >= ROUND_TIME / 2 {
            iterations =
                (iterations as f64 * ROUND_TIME.as_secs_f64() / took.as_secs_f64()) as usize;
            break;
        }
        iterations *= 2;
    }
    let mut rates: Vec<f64> = (0..ROUNDS)
        .map(|_| iterations as f64 / run(iterations).as_secs_f64())
        .collect();
    rates.sort_by(f64::total_cmp);
    rates[ROUNDS / 2].round()
}
