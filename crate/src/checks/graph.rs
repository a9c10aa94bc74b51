//! The requests of a run and where each one stands. A request is sent when what it needs has
//! succeeded (its gate opens), again when its last attempt failed in passing (retry policy) or
//! OSS named the bucket's region, and never when what it needs failed.

use super::call::Call;
use super::check::AccountSide;
use super::facts::AttemptOutcome;
use super::known::{bucket_region, id, listed_policies, IdentityKind, Known};
use super::retry;
use crate::api::{Action, ApiResult};
use crate::endpoint::oss_endpoint_region;
use crate::message::ChecksMessage;
use serde::Serialize;

/// At most this many GetPolicy requests per side (a role takes at most 30 policies).
pub const MAX_POLICY_READS: usize = 30;

/// Which credentials sign a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckCredentials"))]
pub enum Creds {
    /// B's credentials as entered.
    B,
    /// A's credentials as entered.
    A,
    /// The STS credentials of `b.AssumeRole`'s result.
    #[serde(rename = "assumed")]
    Assumed,
}

impl Creds {
    /// Whose credentials these are, as the findings name them.
    pub fn whose(self) -> ChecksMessage {
        match self {
            Creds::A => ChecksMessage::WhoseA {},
            Creds::B => ChecksMessage::WhoseB {},
            Creds::Assumed => ChecksMessage::WhoseAssumed {},
        }
    }
}

/// A request ready to describe to the runner.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub id: String,
    pub action: Action,
    pub side: AccountSide,
    pub credentials: Creds,
    pub params: Call,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Gate {
    Open(Planned),
    /// What it needs has not finished yet.
    Waiting,
    /// What it needs failed, or it does not apply: it will not be sent.
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Send attempt `attempt` after `delay_ms`.
    Ready {
        attempt: u32,
        delay_ms: u64,
    },
    Waiting,
    /// Its last attempt is final.
    Done,
    Closed,
}

pub struct Entry {
    pub gate: Gate,
    pub state: State,
    pub id: String,
    /// Its last attempt succeeded.
    pub success: bool,
}

/// Where a prerequisite stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dep {
    Succeeded,
    Running,
    Failed,
}

impl Dep {
    /// The gate of a request needing this prerequisite, once `open` says what it sends.
    fn gate(self, open: impl FnOnce() -> Gate) -> Gate {
        match self {
            Dep::Succeeded => open(),
            Dep::Running => Gate::Waiting,
            Dep::Failed => Gate::Closed,
        }
    }
}

/// What checksNext hands the runner.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckNextRequest"))]
#[serde(rename_all = "camelCase")]
pub struct NextRequest {
    pub id: String,
    #[cfg_attr(test, ts(as = "crate::api::Action"))]
    pub action: &'static str,
    #[cfg_attr(test, ts(type = "\"A\" | \"B\""))]
    pub side: AccountSide,
    pub credentials: Creds,
    pub params: Call,
    pub attempt: u32,
    pub delay_ms: u64,
}

pub struct Graph {
    pub entries: Vec<Entry>,
}

impl Graph {
    /// Every request of the run for these inputs and facts, in sending order.
    pub fn build(k: &Known) -> Graph {
        let mut g = Graph {
            entries: Vec::new(),
        };
        if k.inputs.have_b {
            g.open(
                k,
                id::B_CALLER,
                Creds::B,
                Call::bare(Action::GetCallerIdentity),
            );
            g.b_listing(k);
        }
        if k.inputs.have_a {
            g.a_side(k);
        }
        if k.inputs.have_b {
            g.b_session(k);
            for (decode, source) in id::DECODES {
                g.decode(k, decode, source);
            }
        }
        g
    }

    /// RAM DecodeDiagnosticMessage on `source`'s refusal, when the cloud gave an encoded
    /// message. AssumeRole's refusal is about B's user (B's account decodes it); an OSS refusal
    /// is about the role session in A's account: A decodes it when A's credentials are given,
    /// else the credentials that were refused.
    fn decode(&mut self, k: &Known, rid: &str, source: &str) {
        let gate = match self.state(source) {
            State::Ready { .. } | State::Waiting => Gate::Waiting,
            State::Closed => Gate::Closed,
            State::Done => match encoded_message(k, source) {
                Some(message) => {
                    let creds = decode_credentials(k, source);
                    let call = Call::DecodeDiagnosticMessage {
                        encoded_diagnostic_message: message,
                    };
                    Gate::Open(plan(rid, creds, call))
                }
                None => Gate::Closed,
            },
        };
        self.add(k, rid, gate);
    }

    /// A request that needs nothing: sent from the start.
    fn open(&mut self, k: &Known, rid: &str, creds: Creds, call: Call) {
        let gate = Gate::Open(plan(rid, creds, call));
        self.add(k, rid, gate);
    }

    /// A's identity, alias, role and the role's policies: independent of each other.
    fn a_side(&mut self, k: &Known) {
        self.open(
            k,
            id::A_CALLER,
            Creds::A,
            Call::bare(Action::GetCallerIdentity),
        );
        self.open(
            k,
            id::A_ALIAS,
            Creds::A,
            Call::bare(Action::GetAccountAlias),
        );
        if let Some(name) = &k.role_name {
            let role_name = name.clone();
            self.open(k, id::A_ROLE, Creds::A, Call::GetRole { role_name });
            let role_name = Some(name.clone());
            let call = Call::ListPoliciesForRole { role_name };
            self.open(k, id::A_ROLE_POLICIES, Creds::A, call);
            self.policy_reads(k, 'a', id::A_ROLE_POLICIES, Creds::A);
        }
    }

    /// AssumeRole, then the OSS reads with the session (or with B's credentials when they
    /// already are a session of the role).
    fn b_session(&mut self, k: &Known) {
        let gate = self.assume_gate(k);
        self.add(k, id::B_ASSUME, gate);
        let (creds, needs) = if k.in_role {
            (Creds::B, id::B_CALLER)
        } else {
            (Creds::Assumed, id::B_ASSUME)
        };
        let buckets = Call::ListBuckets {
            region: k.inputs.region.clone(),
        };
        let gate = self
            .dep(needs)
            .gate(|| Gate::Open(plan(id::B_BUCKETS, creds, buckets)));
        self.add(k, id::B_BUCKETS, gate);
        let Some(bucket) = &k.inputs.bucket else {
            return;
        };
        // After ListBuckets, whatever its outcome: it tells the bucket's region.
        let listed = match self.state(id::B_BUCKETS) {
            State::Ready { .. } | State::Waiting => Dep::Running,
            _ => Dep::Succeeded,
        };
        let gate = self.dep(needs).gate(|| {
            listed.gate(|| {
                let prefix = k.inputs.prefix.clone();
                let call = Call::list_objects(bucket, prefix, objects_region(k, bucket));
                Gate::Open(plan(id::B_OBJECTS, creds, call))
            })
        });
        self.add(k, id::B_OBJECTS, gate);
    }

    fn b_listing(&mut self, k: &Known) {
        let listing = k.b_listing().unwrap_or(id::B_USER_POLICIES);
        let gate = self.dep(id::B_CALLER).gate(|| match (&k.b, k.b_listing()) {
            (Some(b), Some(me)) => {
                let call = match b.kind {
                    IdentityKind::RamUser => Call::ListPoliciesForUser {
                        user_name: b.user.clone(),
                    },
                    _ => Call::ListPoliciesForRole {
                        role_name: b.role.clone(),
                    },
                };
                Gate::Open(plan(me, Creds::B, call))
            }
            _ => Gate::Closed,
        });
        self.add(k, listing, gate);
        self.policy_reads(k, 'b', listing, Creds::B);
    }

    /// One GetPolicy per policy the listing `listing` returned.
    fn policy_reads(&mut self, k: &Known, side: char, listing: &str, creds: Creds) {
        let Some(ApiResult::Policies(result)) = k.facts.success(listing) else {
            return;
        };
        for (policy_type, name) in listed_policies(result).into_iter().take(MAX_POLICY_READS) {
            let rid = id::get_policy(side, &policy_type, &name);
            let call = Call::GetPolicy {
                policy_name: name,
                policy_type,
            };
            let gate = Gate::Open(plan(&rid, creds, call));
            self.add(k, &rid, gate);
        }
    }

    fn assume_gate(&self, k: &Known) -> Gate {
        self.dep(id::B_CALLER).gate(|| self.assume_params(k))
    }

    fn assume_params(&self, k: &Known) -> Gate {
        let Some(b) = &k.b else { return Gate::Closed };
        if b.kind == IdentityKind::Account || k.in_role {
            return Gate::Closed;
        }
        match &k.role_arn {
            Some(arn) => {
                let call = Call::assume_role(arn, k.inputs.external_id.clone());
                Gate::Open(plan(id::B_ASSUME, Creds::B, call))
            }
            // A's UID may still come from A's GetCallerIdentity.
            None if matches!(
                self.state(id::A_CALLER),
                State::Ready { .. } | State::Waiting
            ) =>
            {
                Gate::Waiting
            }
            None => Gate::Closed,
        }
    }

    /// Where the prerequisite `rid` stands (never sent counts as failed).
    fn dep(&self, rid: &str) -> Dep {
        match self.state(rid) {
            State::Done if self.succeeded(rid) => Dep::Succeeded,
            State::Ready { .. } | State::Waiting => Dep::Running,
            _ => Dep::Failed,
        }
    }

    fn succeeded(&self, rid: &str) -> bool {
        self.entries
            .iter()
            .find(|e| e.id == rid)
            .is_some_and(|e| e.state == State::Done && e.success)
    }

    fn add(&mut self, k: &Known, rid: &str, gate: Gate) {
        let state = match &gate {
            Gate::Open(p) => open_state(k, p),
            Gate::Waiting => State::Waiting,
            Gate::Closed => State::Closed,
        };
        let success = k.facts.success(rid).is_some();
        self.entries.push(Entry {
            gate,
            state,
            id: rid.to_string(),
            success,
        });
    }

    pub fn state(&self, rid: &str) -> State {
        self.entries
            .iter()
            .find(|e| e.id == rid)
            .map_or(State::Closed, |e| e.state)
    }

    /// Whether any request of the run is still to be sent or waiting.
    pub fn done(&self) -> bool {
        self.entries
            .iter()
            .all(|e| matches!(e.state, State::Done | State::Closed))
    }

    pub fn next(&self) -> Vec<NextRequest> {
        self.entries
            .iter()
            .filter_map(|e| match (&e.gate, e.state) {
                (Gate::Open(p), State::Ready { attempt, delay_ms }) => Some(NextRequest {
                    id: p.id.clone(),
                    action: p.action.name(),
                    side: p.side,
                    credentials: p.credentials,
                    params: p.params.clone(),
                    attempt,
                    delay_ms,
                }),
                _ => None,
            })
            .collect()
    }
}

/// The encoded diagnostic message of `source`'s last answer, when it was refused with one.
pub fn encoded_message(k: &Known, source: &str) -> Option<String> {
    match &k.facts.last(source)?.outcome {
        AttemptOutcome::Api(e) => e.denied.as_ref()?.encoded_diagnostic_message.clone(),
        _ => None,
    }
}

/// Who decodes `source`'s refusal (see `Graph::decode`).
pub fn decode_credentials(k: &Known, source: &str) -> Creds {
    match source {
        id::B_ASSUME => Creds::B,
        _ if k.inputs.have_a => Creds::A,
        _ if k.in_role => Creds::B,
        _ => Creds::Assumed,
    }
}

fn plan(rid: &str, credentials: Creds, params: Call) -> Planned {
    Planned {
        id: rid.to_string(),
        action: params.action(),
        side: AccountSide::of_request(rid),
        credentials,
        params,
    }
}

/// Where an open request stands given its attempts so far.
fn open_state(k: &Known, p: &Planned) -> State {
    let attempts = k.facts.attempts(&p.id);
    let Some(last) = attempts.last() else {
        return State::Ready {
            attempt: 1,
            delay_ms: 0,
        };
    };
    let n = u32::try_from(attempts.len()).unwrap_or(u32::MAX);
    if n >= retry::MAX_ATTEMPTS {
        return State::Done;
    }
    if retry::transient(&last.outcome).is_some() {
        return State::Ready {
            attempt: n + 1,
            delay_ms: retry::delay_before(n + 1),
        };
    }
    // OSS named the bucket's endpoint: address it there, once.
    let redirects = attempts
        .iter()
        .filter(|a| redirect_region(a).is_some())
        .count();
    if p.action == Action::ListObjects && redirects == 1 && redirect_region(last).is_some() {
        return State::Ready {
            attempt: n + 1,
            delay_ms: 0,
        };
    }
    State::Done
}

fn redirect_region(attempt: &super::facts::Attempt) -> Option<String> {
    match &attempt.outcome {
        AttemptOutcome::Api(e) => e.endpoint.as_deref().and_then(oss_endpoint_region),
        _ => None,
    }
}

/// ListObjects' region: the one OSS named in a redirect, else the bucket's from ListBuckets,
/// else the one given.
fn objects_region(k: &Known, bucket: &str) -> Option<String> {
    k.facts
        .attempts(id::B_OBJECTS)
        .iter()
        .rev()
        .find_map(redirect_region)
        .or_else(|| match k.facts.success(id::B_BUCKETS) {
            Some(ApiResult::Buckets(listed)) => bucket_region(listed, bucket),
            _ => None,
        })
        .or_else(|| k.inputs.region.clone())
}
