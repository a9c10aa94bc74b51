//! The retry policy, as data and as one decision, so the runner holds no policy of its own.
//! Reads are re-sent on throttling, server errors, transport failures and malformed bodies,
//! with bounded exponential backoff. Writes are re-sent only when the gateway throttled them
//! (refused before acting): after a 5xx, a lost connection or an unreadable answer the write
//! may have happened, so the state must be read again before anything is re-sent.

use super::facts::AttemptOutcome;
use crate::api::Action;
use crate::message::ChecksMessage;
use serde::Serialize;

/// Attempts per request, the first one included.
pub const MAX_ATTEMPTS: u32 = 3;
pub const BASE_DELAY_MS: u64 = 500;
pub const MAX_DELAY_MS: u64 = 4000;

/// Actions that change the account. Every other action only reads (AssumeRole issues a
/// temporary session and changes nothing).
const WRITES: [Action; 6] = [
    Action::CreateRole,
    Action::UpdateRole,
    Action::AttachPolicyToRole,
    Action::CreateUser,
    Action::AttachPolicyToUser,
    Action::CreatePolicy,
];

pub fn is_write(action: Action) -> bool {
    WRITES.contains(&action)
}

/// Why an attempt may succeed when sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transient {
    Throttled,
    ServerError,
    Transport,
    Malformed,
}

/// Whether `outcome` is a passing failure, and of which kind.
pub fn transient(outcome: &AttemptOutcome) -> Option<Transient> {
    match outcome {
        AttemptOutcome::Api(e) if e.code.starts_with("Throttling") || e.status == Some(429) => {
            Some(Transient::Throttled)
        }
        AttemptOutcome::Api(e)
            if matches!(
                e.code.as_str(),
                "ServiceUnavailable" | "InternalError" | "ServiceBusy" | "InternalServerError"
            ) || e.code.ends_with(".InternalError")
                || e.status.is_some_and(|s| s >= 500) =>
        {
            Some(Transient::ServerError)
        }
        AttemptOutcome::Transport(_) => Some(Transient::Transport),
        AttemptOutcome::Malformed(_) => Some(Transient::Malformed),
        _ => None,
    }
}

/// The wait before attempt `next` (2, 3, ...): 500 ms, 1000 ms, ... capped at 4000 ms.
pub fn delay_before(next: u32) -> u64 {
    let doublings = next.saturating_sub(2).min(16);
    (BASE_DELAY_MS << doublings).min(MAX_DELAY_MS)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RetryDecision {
    pub retry: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub delay_ms: Option<u64>,
    #[cfg_attr(test, ts(type = "\"read\" | \"write\""))]
    pub kind: &'static str,
    pub reason: ChecksMessage,
}

/// Whether to send `action` again after attempt number `attempt` (1-based) ended in `outcome`.
pub fn decide(action: Action, attempt: u32, outcome: &AttemptOutcome) -> RetryDecision {
    let write = is_write(action);
    let kind = if write { "write" } else { "read" };
    let stop = |reason: ChecksMessage| RetryDecision {
        retry: false,
        delay_ms: None,
        kind,
        reason,
    };
    let Some(why) = transient(outcome) else {
        return stop(ChecksMessage::RetryFinal {});
    };
    if write && why != Transient::Throttled {
        return stop(ChecksMessage::RetryWrite {});
    }
    if attempt >= MAX_ATTEMPTS {
        return stop(ChecksMessage::RetryGaveUp {
            count: MAX_ATTEMPTS as usize,
        });
    }
    let why = match why {
        Transient::Throttled => ChecksMessage::RetryThrottled {},
        Transient::ServerError => ChecksMessage::RetryServer {},
        Transient::Transport => ChecksMessage::RetryNetwork {},
        Transient::Malformed => ChecksMessage::RetryUnreadable {},
    };
    let delay = delay_before(attempt + 1);
    RetryDecision {
        retry: true,
        delay_ms: Some(delay),
        kind,
        reason: ChecksMessage::RetryAgain {
            why: Box::new(why),
            delay: delay as usize,
            attempt: attempt as usize + 1,
            max: MAX_ATTEMPTS as usize,
        },
    }
}

/// The retry policy as data, for the plan.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub base_delay_ms: u64,
    pub max_delay_ms: u64,
    pub backoff: &'static str,
    pub reads: RetryRule,
    pub writes: RetryRule,
}

/// When the actions of one kind (reads, writes) are sent again.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RetryRule {
    #[cfg_attr(test, ts(as = "Vec<Action>"))]
    pub actions: Vec<&'static str>,
    pub retry_on: &'static [&'static str],
    /// When they are never sent again.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub never: Option<&'static str>,
}

/// The policy as data, for the plan.
pub fn policy() -> RetryPolicy {
    let (writes, reads): (Vec<Action>, Vec<Action>) =
        Action::ALL.iter().copied().partition(|a| is_write(*a));
    let names = |actions: Vec<Action>| actions.iter().map(|a| a.name()).collect();
    RetryPolicy {
        max_attempts: MAX_ATTEMPTS,
        base_delay_ms: BASE_DELAY_MS,
        max_delay_ms: MAX_DELAY_MS,
        backoff: "exponential: attempt n waits baseDelayMs * 2^(n-2), at most maxDelayMs",
        reads: RetryRule {
            actions: names(reads),
            retry_on: &[
                "Throttling*",
                "ServiceUnavailable",
                "InternalError",
                "ServiceBusy",
                "HTTP 5xx",
                "transport error",
                "malformed body",
            ],
            never: None,
        },
        writes: RetryRule {
            actions: names(writes),
            retry_on: &["Throttling*"],
            never: Some("after a 5xx, transport error or malformed body: read the state first"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::facts::ApiFailure;

    fn api(code: &str, status: u16) -> AttemptOutcome {
        AttemptOutcome::Api(ApiFailure {
            code: code.into(),
            status: Some(status),
            ..ApiFailure::default()
        })
    }

    #[test]
    fn reads_back_off_and_stop() {
        let d = decide(Action::ListBuckets, 1, &api("Throttling.User", 400));
        assert_eq!((d.retry, d.delay_ms), (true, Some(500)));
        let d = decide(Action::ListBuckets, 2, &api("Http502", 502));
        assert_eq!((d.retry, d.delay_ms), (true, Some(1000)));
        assert!(!decide(Action::ListBuckets, 3, &api("Http502", 502)).retry);
        assert!(!decide(Action::AssumeRole, 1, &api("NoPermission", 403)).retry);
        assert!(decide(Action::GetRole, 1, &AttemptOutcome::Transport("x".into())).retry);
        assert_eq!(delay_before(30), MAX_DELAY_MS);
    }

    #[test]
    fn writes_never_retry_blindly() {
        assert!(!decide(Action::CreateRole, 1, &api("ServiceUnavailable", 503)).retry);
        assert!(
            !decide(
                Action::CreateRole,
                1,
                &AttemptOutcome::Malformed("x".into())
            )
            .retry
        );
        let d = decide(Action::AttachPolicyToRole, 1, &api("Throttling.Api", 400));
        assert!(d.retry && d.kind == "write");
    }
}
