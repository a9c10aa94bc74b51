//! Simulator throughput: 10,000 requests against a 50-statement policy set with wildcards and
//! conditions (String, IP, Date, Bool; Allow and Deny; Action/Resource patterns with `*` and
//! `?`), decided natively. `--emit FILE` also writes the workload in both dialects (RAM for
//! RoleHop's wasm, AWS-shaped for @cloud-copilot/iam-simulate) with the native decisions, for
//! bench/policy/run.mjs.
//!
//! cargo run --release -p rolehop --example policy_throughput [-- --emit bench/policy/workload.json]

use rolehop::policy::{parse, Context, Decision, PolicyKind, Request, Side, Simulator, Trace};
use serde_json::{json, Value};
use std::time::Instant;

const STATEMENTS: usize = 50;
const POLICIES: usize = 5;
const REQUESTS: usize = 10_000;
const BUCKETS: usize = 12;
const RAM_UID: &str = "1746000000000001";
const AWS_ACCOUNT: &str = "123456789012";

/// A deterministic xorshift generator: the same workload on every run and machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A statement in neutral terms, rendered into either dialect.
struct Spec {
    allow: bool,
    actions: Vec<&'static str>,
    /// (bucket pattern, optional key pattern)
    resources: Vec<(String, Option<String>)>,
    conditions: Vec<Cond>,
}

enum Cond {
    Secure(bool),
    Ip { negated: bool, cidr: String },
    Before(&'static str),
    Prefix(String),
}

/// Action name patterns valid in both dialects; `ListBucket` is `oss:ListObjects` in RAM.
const ACTION_PATTERNS: &[&str] = &[
    "Get*",
    "GetObject",
    "Get?bject*",
    "Put*",
    "PutObject",
    "*Object",
    "DeleteObject",
    "List*",
    "ListBucket",
    "*",
];
const REQUEST_ACTIONS: &[&str] = &[
    "GetObject",
    "GetObjectAcl",
    "PutObject",
    "DeleteObject",
    "ListBucket",
];
const DATES: &[&str] = &[
    "2026-01-01T00:00:00Z",
    "2026-06-01T00:00:00Z",
    "2027-01-01T00:00:00Z",
];

fn statement(rng: &mut Rng, i: usize) -> Spec {
    let bucket = |rng: &mut Rng| -> String {
        match rng.below(4) {
            0 => format!("b{:02}", rng.below(BUCKETS)),
            1 => format!("b{}?", rng.below(BUCKETS / 10 + 1)),
            2 => format!("b0{}*", rng.below(10)),
            _ => format!("b{:02}", rng.below(BUCKETS)),
        }
    };
    let key = |rng: &mut Rng| -> String {
        match rng.below(4) {
            0 => "*".to_string(),
            1 => format!("p{}/*", rng.below(5)),
            2 => format!("p{}/*.c?v", rng.below(5)),
            _ => format!("p?/{}*", ["a", "b", "report"][rng.below(3)]),
        }
    };
    let allow = i % 5 != 4; // one Deny in five
    let action_count = 1 + rng.below(3);
    let actions: Vec<&'static str> = (0..action_count)
        .map(|_| ACTION_PATTERNS[rng.below(ACTION_PATTERNS.len())])
        .collect();
    let lists = actions.iter().any(|a| a.starts_with("List") || *a == "*");
    let resources: Vec<(String, Option<String>)> = (0..1 + rng.below(3))
        .map(|_| {
            let b = bucket(rng);
            if lists && rng.below(2) == 0 {
                (b, None)
            } else {
                let k = key(rng);
                (b, Some(k))
            }
        })
        .collect();
    let mut conditions = Vec::new();
    match rng.below(5) {
        0 => conditions.push(Cond::Secure(true)),
        1 => conditions.push(Cond::Ip {
            negated: !allow,
            cidr: format!("10.{}.0.0/16", rng.below(4)),
        }),
        2 => conditions.push(Cond::Before(DATES[rng.below(DATES.len())])),
        3 if lists => conditions.push(Cond::Prefix(format!("p{}/*", rng.below(5)))),
        _ => {}
    }
    if rng.below(3) == 0 {
        conditions.push(Cond::Secure(rng.below(4) != 0));
    }
    Spec {
        allow,
        actions,
        resources,
        conditions,
    }
}

fn ram_action(a: &str) -> String {
    match a {
        "ListBucket" => "oss:ListObjects".into(),
        "*" => "oss:*".into(),
        other => format!("oss:{other}"),
    }
}

fn aws_action(a: &str) -> String {
    match a {
        "*" => "s3:*".into(),
        other => format!("s3:{other}"),
    }
}

fn render(spec: &Spec, aws: bool) -> Value {
    let actions: Vec<String> = spec
        .actions
        .iter()
        .map(|a| if aws { aws_action(a) } else { ram_action(a) })
        .collect();
    let resources: Vec<String> = spec
        .resources
        .iter()
        .map(|(b, k)| {
            let rel = match k {
                Some(k) => format!("{b}/{k}"),
                None => b.clone(),
            };
            if aws {
                format!("arn:aws:s3:::{rel}")
            } else {
                format!("acs:oss:*:{RAM_UID}:{rel}")
            }
        })
        .collect();
    let key = |ram: &str, aws_key: &str| {
        if aws {
            aws_key.to_string()
        } else {
            ram.to_string()
        }
    };
    let mut condition = serde_json::Map::new();
    let mut add = |op: &str, k: String, v: Value| {
        let block = condition.entry(op.to_string()).or_insert_with(|| json!({}));
        block[k] = v;
    };
    for c in &spec.conditions {
        match c {
            Cond::Secure(b) => add(
                "Bool",
                key("acs:SecureTransport", "aws:SecureTransport"),
                json!(b.to_string()),
            ),
            Cond::Ip { negated, cidr } => add(
                if *negated {
                    "NotIpAddress"
                } else {
                    "IpAddress"
                },
                key("acs:SourceIp", "aws:SourceIp"),
                json!(cidr),
            ),
            Cond::Before(d) => add(
                "DateLessThan",
                key("acs:CurrentTime", "aws:CurrentTime"),
                json!(d),
            ),
            Cond::Prefix(p) => add("StringLike", key("oss:Prefix", "s3:prefix"), json!(p)),
        }
    }
    let mut s = json!({
        "Effect": if spec.allow { "Allow" } else { "Deny" },
        "Action": actions,
        "Resource": resources,
    });
    if !condition.is_empty() {
        s["Condition"] = Value::Object(condition);
    }
    s
}

struct Req {
    action: &'static str,
    bucket: String,
    key: Option<String>,
    ip: String,
    time: &'static str,
    secure: bool,
    prefix: Option<String>,
}

fn request(rng: &mut Rng) -> Req {
    let action = REQUEST_ACTIONS[rng.below(REQUEST_ACTIONS.len())];
    let bucket = format!("b{:02}", rng.below(BUCKETS));
    let (key, prefix) = if action == "ListBucket" {
        (
            None,
            Some(format!("p{}/{}", rng.below(6), rng.pick(&["", "a", "x/"]))),
        )
    } else {
        let ext = rng.pick(&["csv", "txt", "cav"]);
        let name = rng.pick(&["a", "b", "report", "zeta"]);
        (
            Some(format!("p{}/{name}{}.{ext}", rng.below(6), rng.below(100))),
            None,
        )
    };
    Req {
        action,
        bucket,
        key,
        ip: format!(
            "{}.{}.{}.{}",
            rng.pick(&["10", "10", "192"]),
            rng.below(5),
            rng.below(256),
            rng.below(256)
        ),
        time: rng.pick(&[
            "2025-12-01T00:00:00Z",
            "2026-03-01T12:00:00Z",
            "2026-09-01T00:00:00Z",
        ]),
        secure: rng.below(5) != 0,
        prefix,
    }
}

fn ram_request(r: &Req) -> Value {
    let rel = match &r.key {
        Some(k) => format!("{}/{k}", r.bucket),
        None => r.bucket.clone(),
    };
    let mut context = json!({ "acs:SourceIp": r.ip, "acs:CurrentTime": r.time, "acs:SecureTransport": r.secure.to_string() });
    if let Some(p) = &r.prefix {
        context["oss:Prefix"] = json!(p);
    }
    json!({
        "principal": format!("acs:ram::{RAM_UID}:user/alice"),
        "action": ram_action(r.action),
        "resource": format!("acs:oss:*:{RAM_UID}:{rel}"),
        "context": context,
    })
}

fn aws_request(r: &Req) -> Value {
    let rel = match &r.key {
        Some(k) => format!("{}/{k}", r.bucket),
        None => r.bucket.clone(),
    };
    let mut context = json!({ "aws:SourceIp": r.ip, "aws:CurrentTime": r.time, "aws:SecureTransport": r.secure.to_string() });
    if let Some(p) = &r.prefix {
        context["s3:prefix"] = json!(p);
    }
    json!({
        "principal": format!("arn:aws:iam::{AWS_ACCOUNT}:user/alice"),
        "action": aws_action(r.action),
        "resource": { "resource": format!("arn:aws:s3:::{rel}"), "accountId": AWS_ACCOUNT },
        "contextVariables": context,
    })
}

fn to_request(v: &Value) -> Request {
    let mut context = Context::default();
    for (k, val) in v["context"].as_object().into_iter().flatten() {
        context.insert(k, &[val.as_str().unwrap_or("")]);
    }
    Request {
        principal: v["principal"].as_str().map(str::to_string),
        action: v["action"].as_str().unwrap_or("").to_string(),
        resource: v["resource"].as_str().unwrap_or("").to_string(),
        context,
    }
}

fn main() {
    let emit = std::env::args().skip_while(|a| a != "--emit").nth(1);
    let mut rng = Rng(0x5eed_2026_0001);
    let specs: Vec<Spec> = (0..STATEMENTS).map(|i| statement(&mut rng, i)).collect();
    let per = STATEMENTS / POLICIES;
    let policy_docs = |aws: bool| -> Vec<Value> {
        specs
            .chunks(per)
            .enumerate()
            .map(|(i, chunk)| {
                let version = if aws { "2012-10-17" } else { "1" };
                json!({ "name": format!("bench-{i}"), "document": { "Version": version, "Statement": chunk.iter().map(|s| render(s, aws)).collect::<Vec<_>>() } })
            })
            .collect()
    };
    let ram_policies = policy_docs(false);
    let aws_policies = policy_docs(true);
    let reqs: Vec<Req> = (0..REQUESTS).map(|_| request(&mut rng)).collect();
    let ram_requests: Vec<Value> = reqs.iter().map(ram_request).collect();

    let mut sim = Simulator::new();
    sim.include(Side::Identity);
    for p in &ram_policies {
        let text = p["document"].to_string();
        let policy = parse(&text, PolicyKind::Identity)
            .unwrap_or_else(|e| panic!("generated policy rejected: {e}\n{text}"));
        sim.add(
            p["name"].as_str().unwrap_or(""),
            Side::Identity,
            false,
            &policy,
        );
    }
    let requests: Vec<Request> = ram_requests.iter().map(to_request).collect();
    let mut trace = Trace::default();
    let decisions: Vec<Decision> = requests.iter().map(|r| sim.decide(r, &mut trace)).collect();
    let count = |d: Decision| decisions.iter().filter(|x| **x == d).count();

    // Warm up, then time several passes over the 10,000 requests and keep the best.
    let rounds: usize = std::env::args()
        .skip_while(|a| a != "--rounds")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let mut best = f64::MAX;
    let mut checksum = 0usize;
    for _ in 0..rounds {
        let start = Instant::now();
        for r in &requests {
            checksum += sim.decide(r, &mut trace) as usize;
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let per_second = REQUESTS as f64 / best;
    println!(
        "native: {STATEMENTS} statements in {POLICIES} policies, {REQUESTS} requests: best of {rounds} passes {:.2} ms = {:.0} decisions/s \
         (Allow {}, ExplicitDeny {}, ImplicitDeny {}; checksum {checksum})",
        best * 1e3,
        per_second,
        count(Decision::Allow),
        count(Decision::ExplicitDeny),
        count(Decision::ImplicitDeny)
    );

    if let Some(path) = emit {
        let workload = json!({
            "description": "10,000 requests against 50 statements (5 policies) with wildcards and conditions; RAM and AWS-shaped twins",
            "ram": { "identityPolicies": ram_policies, "requests": ram_requests },
            "aws": { "identityPolicies": aws_policies, "requests": reqs.iter().map(aws_request).collect::<Vec<_>>() },
            "nativeDecisions": decisions.iter().map(|d| d.name()).collect::<Vec<_>>(),
            "nativeDecisionsPerSecond": per_second.round(),
        });
        match std::fs::write(&path, workload.to_string()) {
            Ok(()) => println!("wrote {path}"),
            Err(e) => eprintln!("could not write {path}: {e}"),
        }
    }
}
