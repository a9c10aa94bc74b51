//! The report's shapes: each check's status with evidence, summary and fix, and the verdict.

use super::check::{AccountSide, CheckId};
use super::details::{Details, Found};
use crate::message::ChecksMessage;
use crate::tutorial::TutorialStep;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckStatus"))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Pass,
    Fail,
    CouldNotCheck,
    /// Only while checksNext still has requests to send.
    Pending,
}

/// Why a check failed or could not be checked. Stable names (the contract's `cause`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckCause"))]
#[serde(rename_all = "kebab-case")]
pub enum Cause {
    RootKeys,
    UserLacksAssumeRole,
    RoleDoesNotTrustB,
    RoleLacksOssPolicy,
    RoleNotFound,
    WrongAccount,
    /// The role name used for the switch differs from the one B's user may assume.
    WrongRoleName,
    AssumeRoleRefused,
    NoSuchBucket,
    BucketNotInAccount,
    ClockSkew,
    StsTokenExpired,
    InvalidCredentials,
    NotPermitted,
    Throttled,
    ServerError,
    TransportError,
    MalformedResponse,
    NotRun,
    MissingInput,
    UnexpectedError,
    /// The cloud named a Deny statement in B's own policies.
    UserPolicyDenies,
    /// The cloud named a Deny statement in the role's trust policy.
    TrustPolicyDenies,
    /// The cloud named a Deny statement in the role's permission policies.
    RolePolicyDenies,
    /// The session policy passed to AssumeRole refuses it.
    SessionPolicyDenies,
    /// A resource directory's control policy refuses it (no tutorial step changes it).
    ControlPolicyDenies,
    /// The grant is scoped to a resource group that does not hold the resource.
    ResourceGroupScope,
    /// The bucket's own policy refuses it.
    BucketPolicyDenies,
}

/// What a denial's diagnosis rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckBasis"))]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The cloud's AccessDeniedDetail (or EC code) named the policy.
    CloudDetail,
    /// RAM DecodeDiagnosticMessage decoded the cloud's diagnostic message.
    Decoded,
    /// The cloud said nothing about the policy: RoleHop's own reasoning over what it read.
    Inferred,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckEvidence"))]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub action: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub http_status: Option<u16>,
    #[serde(skip_serializing_if = "is_zero")]
    #[cfg_attr(test, ts(optional, as = "Option<u32>"))]
    pub attempts: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// What to do: a message of the checks, or the hint parseResponse gave with an API error (a
/// message of its own area, passed on as it came).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckFixText"))]
#[serde(untagged)]
pub enum FixText {
    Said(ChecksMessage),
    Hint(#[cfg_attr(test, ts(type = "CoreMessage"))] Value),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckFix"))]
pub struct CheckFix {
    /// What to do, as a message `{id, args}`.
    pub text: FixText,
    /// A policy document (JSON text) that fixes it, when one does.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub snippet: Option<String>,
}

impl CheckFix {
    pub fn new(text: ChecksMessage) -> CheckFix {
        CheckFix {
            text: FixText::Said(text),
            snippet: None,
        }
    }

    /// The API error's own hint (already a message).
    pub fn hint(hint: Value) -> CheckFix {
        CheckFix {
            text: FixText::Hint(hint),
            snippet: None,
        }
    }

    pub fn with_snippet(mut self, snippet: Option<String>) -> CheckFix {
        self.snippet = snippet;
        self
    }
}

/// What one check found (the parts a check decides; `diagnose` adds id, title and side).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckFinding {
    pub status: Status,
    pub cause: Option<Cause>,
    /// The tutorial step the fix belongs to, when it differs from the check's own.
    pub step: Option<TutorialStep>,
    pub summary: ChecksMessage,
    pub fix: Option<CheckFix>,
    pub evidence: Evidence,
    pub method: Option<&'static str>,
    pub details: Option<Details>,
    /// A refusal's diagnosis: what it rests on.
    pub basis: Option<Basis>,
    /// The system policies simulated with the catalog's assumed text (for the report's warning).
    pub assumed: Vec<String>,
}

impl CheckFinding {
    fn new(status: Status, cause: Option<Cause>, summary: ChecksMessage) -> CheckFinding {
        CheckFinding {
            status,
            cause,
            step: None,
            summary,
            fix: None,
            evidence: Evidence::default(),
            method: None,
            details: None,
            basis: None,
            assumed: Vec::new(),
        }
    }

    pub fn pass(summary: ChecksMessage) -> CheckFinding {
        CheckFinding::new(Status::Pass, None, summary)
    }

    pub fn fail(
        cause: Cause,
        step: TutorialStep,
        summary: ChecksMessage,
        fix: CheckFix,
    ) -> CheckFinding {
        let mut f = CheckFinding::new(Status::Fail, Some(cause), summary);
        f.step = Some(step);
        f.fix = Some(fix);
        f
    }

    pub fn cannot(cause: Cause, summary: ChecksMessage, fix: Option<CheckFix>) -> CheckFinding {
        let mut f = CheckFinding::new(Status::CouldNotCheck, Some(cause), summary);
        f.fix = fix;
        f
    }

    pub fn pending() -> CheckFinding {
        CheckFinding::new(Status::Pending, None, ChecksMessage::Pending {})
    }

    /// Not run because the check `blocker` did not pass.
    pub fn not_run(blocker: CheckId, blocker_status: Status) -> CheckFinding {
        if blocker_status == Status::Pending {
            return CheckFinding::pending();
        }
        let title = blocker.def().title.clone();
        let mut f = CheckFinding::cannot(
            Cause::NotRun,
            ChecksMessage::NeedsCheck {
                check: Box::new(title),
            },
            None,
        );
        f.details = Some(Details::Found(Found::BlockedBy {
            blocked_by: blocker,
        }));
        f
    }

    pub fn with_evidence(mut self, evidence: Evidence) -> CheckFinding {
        self.evidence = evidence;
        self
    }

    pub fn with_method(mut self, method: &'static str) -> CheckFinding {
        self.method = Some(method);
        self
    }

    pub fn with_details(mut self, found: Found) -> CheckFinding {
        self.details = Some(Details::Found(found));
        self
    }

    pub fn with_assumed(mut self, names: &[String]) -> CheckFinding {
        self.assumed = names.to_vec();
        self
    }

    pub fn with_basis(mut self, basis: Basis) -> CheckFinding {
        self.basis = Some(basis);
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    #[cfg_attr(test, ts(type = "CheckId"))]
    pub id: CheckId,
    pub title: ChecksMessage,
    #[cfg_attr(test, ts(type = "\"A\" | \"B\""))]
    pub side: AccountSide,
    pub tutorial_step: TutorialStep,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub cause: Option<Cause>,
    pub evidence: Evidence,
    pub summary: ChecksMessage,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub fix: Option<CheckFix>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "\"listed\" | \"input\" | \"observed\""))]
    pub method: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub details: Option<Details>,
    /// A refusal's diagnosis: the cloud's detail, the decoded message, or RoleHop's inference.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub basis: Option<Basis>,
    /// The system policies simulated with the catalog's assumed text (also in `details`).
    #[serde(skip)]
    pub assumed_texts: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckVerdictStatus"))]
#[serde(rename_all = "kebab-case")]
pub enum VerdictStatus {
    Pass,
    Fail,
    Incomplete,
    Pending,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckVerdict"))]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    pub status: VerdictStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub first_broken_step: Option<TutorialStep>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub cause: Option<Cause>,
    /// The check the verdict is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "CheckId"))]
    pub check: Option<CheckId>,
    /// One sentence: "Step 2 is broken: role admin-oss has no policy that allows …".
    pub summary: ChecksMessage,
    /// What to do about it (the check's fix), when there is something to do.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub fix: Option<CheckFix>,
    /// How many other checks failed (the page says so with its plural rule).
    #[serde(skip_serializing_if = "is_zero_usize")]
    #[cfg_attr(test, ts(optional, as = "Option<usize>"))]
    pub other_failures: usize,
    /// The check's basis, when the verdict is about a refusal.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub basis: Option<Basis>,
}

fn is_zero_usize(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckWarning"))]
pub struct Warning {
    #[cfg_attr(
        test,
        ts(type = "\"assumed-policy-text\" | \"clock-skew\" | \"a-root-keys\"")
    )]
    pub code: &'static str,
    /// The warning as a message `{id, args}`.
    pub text: ChecksMessage,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckReportBody"))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub checks: Vec<CheckResult>,
    pub verdict: Verdict,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub clock_skew_seconds: Option<i64>,
    pub warnings: Vec<Warning>,
}
