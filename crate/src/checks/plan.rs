//! The plan: which checks run for these inputs and the requests behind them, before anything is
//! sent (for showing the list up front). The requests actually sent come from `checksNext`.

use super::check::{AccountSide, CheckId, CHECKS};
use super::facts::Facts;
use super::graph::Creds;
use super::inputs::CheckInputs;
use super::known::{id, Known};
use super::retry::{self, RetryPolicy};
use crate::message::ChecksMessage;
use crate::tutorial::TutorialStep;
use serde::Serialize;

/// `checksPlan`'s answer: the checks these inputs run, and the requests behind them.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ChecksPlan {
    pub checks: Vec<PlannedCheck>,
    pub requests: Vec<PlannedRequest>,
    pub retry_policy: RetryPolicy,
}

/// A check of the plan.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PlannedCheck {
    pub id: CheckId,
    /// The check's title (a label), `core_check_title_...`.
    pub title: &'static ChecksMessage,
    #[cfg_attr(test, ts(type = "\"A\" | \"B\""))]
    pub side: AccountSide,
    pub tutorial_step: TutorialStep,
    /// The request ids it reads (`b.GetPolicy.*`: every GetPolicy of B's).
    pub requests: &'static [&'static str],
    pub depends_on: &'static [CheckId],
}

/// A request the plan may send.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PlannedRequest {
    pub id: &'static str,
    #[cfg_attr(test, ts(as = "crate::api::Action"))]
    pub action: &'static str,
    #[cfg_attr(test, ts(type = "\"A\" | \"B\""))]
    pub side: AccountSide,
    pub credentials: Creds,
    /// The requests it needs to have succeeded.
    pub depends_on: &'static [&'static str],
    /// Every request of the checks reads (the retry policy's `reads`).
    #[cfg_attr(test, ts(type = "\"read\""))]
    pub retry: &'static str,
}

/// (request id, action, credentials, what it needs to have succeeded)
const REQUESTS: [(&str, &str, Creds, &[&str]); 14] = [
    (id::B_CALLER, "GetCallerIdentity", Creds::B, &[]),
    (
        id::B_USER_POLICIES,
        "ListPoliciesForUser",
        Creds::B,
        &[id::B_CALLER],
    ),
    (
        "b.GetPolicy.*",
        "GetPolicy",
        Creds::B,
        &[id::B_USER_POLICIES],
    ),
    (id::B_ASSUME, "AssumeRole", Creds::B, &[id::B_CALLER]),
    (
        id::B_BUCKETS,
        "ListBuckets",
        Creds::Assumed,
        &[id::B_ASSUME],
    ),
    (
        id::B_OBJECTS,
        "ListObjects",
        Creds::Assumed,
        &[id::B_ASSUME],
    ),
    (id::A_CALLER, "GetCallerIdentity", Creds::A, &[]),
    (id::A_ALIAS, "GetAccountAlias", Creds::A, &[]),
    (id::A_ROLE, "GetRole", Creds::A, &[]),
    (id::A_ROLE_POLICIES, "ListPoliciesForRole", Creds::A, &[]),
    (
        "a.GetPolicy.*",
        "GetPolicy",
        Creds::A,
        &[id::A_ROLE_POLICIES],
    ),
    // Only when the refusal carried an encoded diagnostic message.
    (
        id::DECODE_ASSUME,
        "DecodeDiagnosticMessage",
        Creds::B,
        &[id::B_ASSUME],
    ),
    (
        id::DECODE_BUCKETS,
        "DecodeDiagnosticMessage",
        Creds::Assumed,
        &[id::B_BUCKETS],
    ),
    (
        id::DECODE_OBJECTS,
        "DecodeDiagnosticMessage",
        Creds::Assumed,
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

pub fn plan(inputs: &CheckInputs) -> ChecksPlan {
    let facts = Facts::default();
    let known = Known::new(inputs, &facts);
    let checks = CHECKS
        .iter()
        .filter(|c| c.applies(&known))
        .map(|c| {
            let (requests, depends_on) = check_uses(c.id);
            PlannedCheck {
                id: c.id,
                title: &c.title,
                side: c.side,
                tutorial_step: c.step,
                requests,
                depends_on,
            }
        })
        .collect();
    let requests = REQUESTS
        .iter()
        .filter(|(rid, ..)| {
            let a = rid.starts_with("a.");
            let objects = *rid == id::B_OBJECTS || *rid == id::DECODE_OBJECTS;
            (a && inputs.have_a) || (!a && inputs.have_b && (!objects || inputs.bucket.is_some()))
        })
        .map(|&(rid, action, creds, depends_on)| {
            // An OSS refusal is decoded with A's credentials when they are given.
            let credentials = match rid {
                id::DECODE_BUCKETS | id::DECODE_OBJECTS if inputs.have_a => Creds::A,
                _ => creds,
            };
            PlannedRequest {
                id: rid,
                action,
                side: AccountSide::of_request(rid),
                credentials,
                depends_on,
                retry: "read",
            }
        })
        .collect();
    ChecksPlan {
        checks,
        requests,
        retry_policy: retry::policy(),
    }
}
