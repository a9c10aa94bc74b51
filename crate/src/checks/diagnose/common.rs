//! Reading one request's outcome for a check, and what a failure that says nothing about the
//! setup means: a wrong clock, expired or wrong credentials, a checking identity without the
//! permission, throttling, a failing service, the network, an unreadable answer.

use super::cx::Cx;
use crate::api::ApiResult;
use crate::checks::facts::{ApiFailure, Attempt, AttemptOutcome};
use crate::checks::graph::{Creds, State};
use crate::checks::inputs::CredentialsKind;
use crate::checks::known::id;
use crate::checks::report::{Cause, CheckFinding, CheckFix, Evidence};
use crate::message::ChecksMessage as M;

/// A request as a check sees it.
pub enum Read<'a> {
    /// Still to be sent (or re-sent), or waiting for what it needs.
    Pending,
    /// It will not be sent.
    NotSent,
    Success(&'a ApiResult),
    Api(&'a ApiFailure),
    /// No usable answer: transport failure, unreadable body, or skipped.
    Unavailable(&'a Attempt),
}

/// Whose credentials signed request `rid`: says which credentials a credentials error is about.
fn signer(rid: &str, in_role: bool) -> Creds {
    match rid {
        rid if rid.starts_with("a.") => Creds::A,
        id::B_BUCKETS | id::B_OBJECTS if !in_role => Creds::Assumed,
        _ => Creds::B,
    }
}

impl<'a> Cx<'a> {
    pub fn read(&self, rid: &str) -> Read<'a> {
        match self.graph.state(rid) {
            State::Ready { .. } | State::Waiting => Read::Pending,
            State::Closed => Read::NotSent,
            State::Done => match self.known.facts.last(rid) {
                None => Read::NotSent,
                Some(last) => match &last.outcome {
                    AttemptOutcome::Success(v) => Read::Success(v),
                    AttemptOutcome::Api(e) => Read::Api(e),
                    _ => Read::Unavailable(last),
                },
            },
        }
    }

    /// Whether a request whose id starts with `prefix` is still to be answered.
    pub fn reads_pending(&self, prefix: &str) -> bool {
        self.graph.entries.iter().any(|e| {
            e.id.starts_with(prefix) && matches!(e.state, State::Ready { .. } | State::Waiting)
        })
    }

    /// The evidence of `rid`'s last attempt.
    pub fn evidence(&self, rid: &str) -> Evidence {
        let attempts = self.known.facts.attempts(rid);
        let action = rid.split('.').nth(1).map(str::to_string);
        let Some(last) = attempts.last() else {
            return Evidence {
                action,
                ..Evidence::default()
            };
        };
        let code = match &last.outcome {
            AttemptOutcome::Api(e) => Some(e.code.clone()),
            _ => None,
        };
        Evidence {
            action,
            request_id: last.request_id(),
            code,
            http_status: last.http_status(),
            attempts: u32::try_from(attempts.len()).unwrap_or(u32::MAX),
        }
    }

    /// The finding for an answer that says nothing about the setup (or that the check does
    /// not interpret): always could-not-check, never fail.
    pub fn unavailable(&self, rid: &str, read: &Read) -> CheckFinding {
        let whose = signer(rid, self.known.in_role);
        let finding = match read {
            Read::Pending => return CheckFinding::pending(),
            Read::NotSent => CheckFinding::cannot(Cause::NotRun, M::NotRun {}, None),
            Read::Api(e) => self.api_unavailable(e, whose, rid.split('.').nth(1).unwrap_or(rid)),
            Read::Unavailable(attempt) => attempt_unavailable(attempt, whose),
            Read::Success(_) => {
                CheckFinding::cannot(Cause::UnexpectedError, M::AnswerNotExpected {}, None)
            }
        };
        finding.with_evidence(self.evidence(rid))
    }

    fn api_unavailable(&self, e: &ApiFailure, whose: Creds, action: &str) -> CheckFinding {
        let code = e.code.as_str();
        let family = code.split('.').next().unwrap_or(code);
        // The API error's own hint, when parseResponse gave one, else the checks' fix.
        let hint = |fallback: M| -> CheckFix {
            match &e.hint {
                Some(hint) => CheckFix::hint(hint.clone()),
                None => CheckFix::new(fallback),
            }
        };
        let (action, code) = (action.to_string(), code.to_string());
        match code.as_str() {
            "InvalidTimeStamp.Expired" | "RequestTimeTooSkewed" => self.clock_skew(),
            "InvalidSecurityToken.Expired" | "SecurityTokenExpired" => {
                let (summary, fix) = match whose {
                    Creds::Assumed => (M::StsExpiredAssumed {}, M::StsExpiredAssumedFix {}),
                    Creds::A => (M::StsExpiredA {}, M::StsExpiredAFix {}),
                    Creds::B => (M::StsExpiredB {}, M::StsExpiredBFix {}),
                };
                CheckFinding::cannot(Cause::StsTokenExpired, summary, Some(CheckFix::new(fix)))
            }
            _ if family == "InvalidAccessKeyId"
                || family == "InvalidSecurityToken"
                || matches!(
                    code.as_str(),
                    "SignatureDoesNotMatch"
                        | "MissingSecurityToken"
                        | "IncompleteSignature"
                        | "InvalidAccessKeySecret"
                ) =>
            {
                let summary =
                    if whose == Creds::B && self.known.inputs.kind_b == CredentialsKind::Sts {
                        M::CredentialsWrongSts { action, code }
                    } else {
                        M::CredentialsWrong {
                            action,
                            code,
                            whose: Box::new(whose.whose()),
                        }
                    };
                CheckFinding::cannot(
                    Cause::InvalidCredentials,
                    summary,
                    Some(hint(M::CredentialsWrongFix {})),
                )
            }
            _ if family == "Throttling" || e.status == Some(429) => CheckFinding::cannot(
                Cause::Throttled,
                M::Throttled { action, code },
                Some(CheckFix::new(M::ThrottledFix {})),
            ),
            _ if e.status.is_some_and(|s| s >= 500)
                || matches!(
                    code.as_str(),
                    "ServiceUnavailable" | "InternalError" | "ServiceBusy"
                ) =>
            {
                CheckFinding::cannot(
                    Cause::ServerError,
                    M::ServerError { action, code },
                    Some(hint(M::ServerErrorFix {})),
                )
            }
            _ if matches!(family, "NoPermission" | "Forbidden" | "AccessDenied") => {
                CheckFinding::cannot(
                    Cause::NotPermitted,
                    M::NotPermitted { action, code },
                    Some(hint(M::NotPermittedFix {})),
                )
            }
            _ => CheckFinding::cannot(
                Cause::UnexpectedError,
                M::FailedWith {
                    action,
                    code,
                    message: e.message.clone(),
                },
                Some(hint(M::FailedWithFix {})),
            ),
        }
    }

    /// Clock skew: the server refused the request's time.
    pub fn clock_skew(&self) -> CheckFinding {
        let summary = match self.skew {
            Some(s) if s > 0 => M::ClockSkewAhead {
                duration: Box::new(M::duration(s)),
            },
            Some(s) if s < 0 => M::ClockSkewBehind {
                duration: Box::new(M::duration(s)),
            },
            _ => M::ClockSkew {},
        };
        CheckFinding::cannot(
            Cause::ClockSkew,
            summary,
            Some(CheckFix::new(M::ClockSkewFix {})),
        )
    }
}

fn attempt_unavailable(attempt: &Attempt, whose: Creds) -> CheckFinding {
    match &attempt.outcome {
        AttemptOutcome::Transport(reason) => CheckFinding::cannot(
            Cause::TransportError,
            M::NoAnswer {
                reason: reason.clone(),
            },
            Some(CheckFix::new(M::NoAnswerFix {})),
        ),
        AttemptOutcome::Malformed(reason) => CheckFinding::cannot(
            Cause::MalformedResponse,
            M::Unreadable {
                reason: reason.clone(),
            },
            Some(CheckFix::new(M::UnreadableFix {})),
        ),
        // The runner skips a request only when the credentials it needs are not there; with no
        // reason of its own, the words come from whose credentials those are.
        AttemptOutcome::Skipped(reason) if reason.is_empty() => {
            let (text, fix) = match whose {
                Creds::A => (
                    M::SkippedNoCredentialsA {},
                    Some(M::SkippedNoCredentialsAFix {}),
                ),
                Creds::B => (
                    M::SkippedNoCredentialsB {},
                    Some(M::SkippedNoCredentialsBFix {}),
                ),
                Creds::Assumed => (M::SkippedNoRoleSession {}, None),
            };
            CheckFinding::cannot(Cause::NotRun, text, fix.map(CheckFix::new))
        }
        AttemptOutcome::Skipped(reason) => CheckFinding::cannot(
            Cause::NotRun,
            M::Skipped {
                reason: reason.clone(),
            },
            None,
        ),
        AttemptOutcome::Success(_) | AttemptOutcome::Api(_) => {
            CheckFinding::cannot(Cause::UnexpectedError, M::UnexpectedAnswer {}, None)
        }
    }
}
