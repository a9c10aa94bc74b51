//! The report's shapes: each check's status with evidence, summary and fix, and the verdict.

use super::text::Text;
use crate::tutorial::TutorialStep;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    #[serde(skip_serializing_if = "is_zero")]
    pub attempts: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub en: String,
    pub zh: String,
    /// A policy document (JSON text) that fixes it, when one does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
}

impl Fix {
    pub fn new(text: Text) -> Fix {
        Fix {
            en: text.en,
            zh: text.zh,
            snippet: None,
        }
    }

    pub fn with_snippet(mut self, snippet: Option<String>) -> Fix {
        self.snippet = snippet;
        self
    }
}

/// What one check found (the parts a check decides; `diagnose` adds id, title and side).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub status: Status,
    pub cause: Option<Cause>,
    /// The tutorial step the fix belongs to, when it differs from the check's own.
    pub step: Option<TutorialStep>,
    pub summary: Text,
    pub fix: Option<Fix>,
    pub evidence: Evidence,
    pub method: Option<&'static str>,
    pub details: Option<Value>,
}

impl Finding {
    fn new(status: Status, cause: Option<Cause>, summary: Text) -> Finding {
        Finding {
            status,
            cause,
            step: None,
            summary,
            fix: None,
            evidence: Evidence::default(),
            method: None,
            details: None,
        }
    }

    pub fn pass(summary: Text) -> Finding {
        Finding::new(Status::Pass, None, summary)
    }

    pub fn fail(cause: Cause, step: TutorialStep, summary: Text, fix: Fix) -> Finding {
        let mut f = Finding::new(Status::Fail, Some(cause), summary);
        f.step = Some(step);
        f.fix = Some(fix);
        f
    }

    pub fn cannot(cause: Cause, summary: Text, fix: Option<Fix>) -> Finding {
        let mut f = Finding::new(Status::CouldNotCheck, Some(cause), summary);
        f.fix = fix;
        f
    }

    pub fn pending() -> Finding {
        Finding::new(
            Status::Pending,
            None,
            Text::new("Waiting for answers.", "正在等待应答。"),
        )
    }

    /// Not run because the check `blocker` did not pass.
    pub fn not_run(blocker: &str, blocker_status: Status) -> Finding {
        if blocker_status == Status::Pending {
            return Finding::pending();
        }
        let (en, zh) = super::diagnose::def(blocker).map_or((blocker, blocker), |d| d.title);
        let mut f = Finding::cannot(
            Cause::NotRun,
            Text::new(
                format!("Not run: it needs the check \"{en}\" to pass first."),
                format!("未执行：需要先通过检查“{zh}”。"),
            ),
            None,
        );
        f.details = Some(serde_json::json!({ "blockedBy": blocker }));
        f
    }

    pub fn with_evidence(mut self, evidence: Evidence) -> Finding {
        self.evidence = evidence;
        self
    }

    pub fn with_method(mut self, method: &'static str) -> Finding {
        self.method = Some(method);
        self
    }

    pub fn with_details(mut self, details: Value) -> Finding {
        self.details = Some(details);
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    pub id: &'static str,
    pub title: Text,
    pub side: &'static str,
    pub tutorial_step: TutorialStep,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
    pub evidence: Evidence,
    pub summary: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictStatus {
    Pass,
    Fail,
    Incomplete,
    Pending,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    pub status: VerdictStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_broken_step: Option<TutorialStep>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
    /// The check the verdict is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<&'static str>,
    /// One sentence: "Step 2 is broken: role admin-oss has no policy that allows …".
    pub summary: Text,
    /// What to do about it (the check's fix), when there is something to do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// How many other checks failed (the page says so with its plural rule).
    #[serde(skip_serializing_if = "is_zero_usize")]
    pub other_failures: usize,
}

fn is_zero_usize(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: &'static str,
    pub en: String,
    pub zh: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub checks: Vec<CheckResult>,
    pub verdict: Verdict,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clock_skew_seconds: Option<i64>,
    pub warnings: Vec<Warning>,
}
