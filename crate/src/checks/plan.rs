//! The plan: which checks run for these inputs and the requests behind them, before anything is
//! sent (for showing the list up front). The requests actually sent come from `checksNext`.

use super::check::{AccountSide, CheckId, CHECKS};
use super::facts::Facts;
use super::inputs::CheckInputs;
use super::known::{id, Known};
use super::retry;
use serde_json::{json, Value};

/// (request id, action, credentials, what it needs to have succeeded)
const REQUESTS: [(&str, &str, &str, &[&str]); 14] = [
    (id::B_CALLER, "GetCallerIdentity", "B", &[]),
    (
        id::B_USER_POLICIES,
        "ListPoliciesForUser",
        "B",
        &[id::B_CALLER],
    ),
    ("b.GetPolicy.*", "GetPolicy", "B", &[id::B_USER_POLICIES]),
    (id::B_ASSUME, "AssumeRole", "B", &[id::B_CALLER]),
    (id::B_BUCKETS, "ListBuckets", "assumed", &[id::B_ASSUME]),
    (id::B_OBJECTS, "ListObjects", "assumed", &[id::B_ASSUME]),
    (id::A_CALLER, "GetCallerIdentity", "A", &[]),
    (id::A_ALIAS, "GetAccountAlias", "A", &[]),
    (id::A_ROLE, "GetRole", "A", &[]),
    (id::A_ROLE_POLICIES, "ListPoliciesForRole", "A", &[]),
    ("a.GetPolicy.*", "GetPolicy", "A", &[id::A_ROLE_POLICIES]),
    // Only when the refusal carried an encoded diagnostic message.
    (
        id::DECODE_ASSUME,
        "DecodeDiagnosticMessage",
        "B",
        &[id::B_ASSUME],
    ),
    (
        id::DECODE_BUCKETS,
        "DecodeDiagnosticMessage",
        "assumed",
        &[id::B_BUCKETS],
    ),
    (
        id::DECODE_OBJECTS,
        "DecodeDiagnosticMessage",
        "assumed",
        &[id::B_OBJECTS],
    ),
];

/// The requests and checks each check reads.
fn check_uses(check: CheckId) -> (&'static [&'static str], &'static [CheckId]) {
    use CheckId::*;
    match check {
        Identity => (&[id::B_CALLER], &[]),
        UserMayAssume => (&[id::B_USER_POLICIES, "b.GetPolicy.*"], &[Identity]),
        AssumeRole => (&[id::B_ASSUME, id::DECODE_ASSUME], &[Identity]),
        ListBuckets => (&[id::B_BUCKETS, id::DECODE_BUCKETS], &[AssumeRole]),
        ListObjects => (&[id::B_OBJECTS, id::DECODE_OBJECTS], &[AssumeRole]),
        RoleExists => (&[id::A_ROLE], &[]),
        TrustTrustsB => (&[id::A_ROLE], &[RoleExists]),
        RoleOssAccess => (&[id::A_ROLE_POLICIES, "a.GetPolicy.*"], &[]),
        SwitchValues => (&[id::A_CALLER, id::A_ALIAS], &[]),
    }
}

pub fn plan(inputs: &CheckInputs) -> Value {
    let facts = Facts::default();
    let known = Known::new(inputs, &facts);
    let checks: Vec<Value> = CHECKS
        .iter()
        .filter(|c| c.applies(&known))
        .map(|c| {
            let (requests, depends) = check_uses(c.id);
            json!({
                "id": c.id,
                "title": &c.title,
                "side": c.side,
                "tutorialStep": c.step,
                "requests": requests,
                "dependsOn": depends,
            })
        })
        .collect();
    let requests: Vec<Value> = REQUESTS
        .iter()
        .filter(|(rid, ..)| {
            let a = rid.starts_with("a.");
            let objects = *rid == id::B_OBJECTS || *rid == id::DECODE_OBJECTS;
            (a && inputs.have_a) || (!a && inputs.have_b && (!objects || inputs.bucket.is_some()))
        })
        .map(|(rid, action, creds, needs)| {
            // An OSS refusal is decoded with A's credentials when they are given.
            let creds = match *rid {
                id::DECODE_BUCKETS | id::DECODE_OBJECTS if inputs.have_a => "A",
                _ => creds,
            };
            json!({
                "id": rid,
                "action": action,
                "side": AccountSide::of_request(rid),
                "credentials": creds,
                "dependsOn": needs,
                "retry": "read",
            })
        })
        .collect();
    json!({
        "checks": checks,
        "requests": requests,
        "retryPolicy": retry::policy(),
    })
}
