//! The verdict: the first broken tutorial step, else what kept the checks from finishing, else
//! pass; plus warnings (assumed policy texts, a drifting clock, A's root keys).

use crate::checks::check::CheckId;
use crate::checks::known::{IdentityKind, Known};
use crate::checks::report::{
    Basis, Cause, CheckResult, Report, Status, Verdict, VerdictStatus, Warning,
};
use crate::message::ChecksMessage;

/// A clock this far off is worth a warning even when the server still accepts it.
const SKEW_WARNING_SECONDS: i64 = 300;

pub fn report(known: &Known, checks: Vec<CheckResult>, skew: Option<i64>) -> Report {
    let verdict = verdict(&checks);
    let mut warnings = Vec::new();
    let assumed: Vec<String> = checks
        .iter()
        .flat_map(|c| c.assumed_texts.iter().cloned())
        .collect();
    if !assumed.is_empty() {
        let mut names = assumed.clone();
        names.dedup();
        warnings.push(Warning {
            code: "assumed-policy-text",
            text: ChecksMessage::AssumedTexts {
                names: Box::new(ChecksMessage::list(&names)),
            },
        });
    }
    let skew_reported = checks.iter().any(|c| c.cause == Some(Cause::ClockSkew));
    if let Some(s) = skew.filter(|s| s.abs() >= SKEW_WARNING_SECONDS && !skew_reported) {
        let duration = Box::new(ChecksMessage::duration(s));
        warnings.push(Warning {
            code: "clock-skew",
            text: if s > 0 {
                ChecksMessage::ClockAhead { duration }
            } else {
                ChecksMessage::ClockBehind { duration }
            },
        });
    }
    if known
        .a
        .as_ref()
        .is_some_and(|a| a.kind == IdentityKind::Account)
    {
        warnings.push(Warning {
            code: "a-root-keys",
            text: ChecksMessage::ARootKeys {},
        });
    }
    Report {
        checks,
        verdict,
        clock_skew_seconds: skew,
        warnings,
    }
}

fn verdict(checks: &[CheckResult]) -> Verdict {
    let verdict = |status, summary| Verdict {
        status,
        first_broken_step: None,
        cause: None,
        check: None,
        summary,
        fix: None,
        other_failures: 0,
        basis: None,
    };
    if checks.iter().any(|c| c.status == Status::Pending) {
        return verdict(VerdictStatus::Pending, ChecksMessage::Running {});
    }
    let failed = checks
        .iter()
        .filter(|c| c.status == Status::Fail)
        // Within a step, a finding in the cloud's own words before RoleHop's reading (A's
        // ListPoliciesForRole does not show a grant scoped to a resource group; the refusal does).
        .min_by_key(|c| (c.tutorial_step, !told_by_cloud(c)));
    if let Some(c) = failed {
        // One sentence: the failing check's finding, which starts with a name ("B's user …",
        // "RAM role …"), continues "Step 2 is broken: ".
        return Verdict {
            first_broken_step: Some(c.tutorial_step),
            cause: c.cause,
            check: Some(c.id),
            fix: c.fix.clone(),
            basis: c.basis,
            other_failures: checks
                .iter()
                .filter(|c| c.status == Status::Fail)
                .count()
                .saturating_sub(1),
            ..verdict(
                VerdictStatus::Fail,
                ChecksMessage::Broken {
                    step: usize::from(c.tutorial_step.number()),
                    problem: Box::new(c.summary.clone()),
                },
            )
        };
    }
    // A blocking cause first (clock, credentials) rather than what it kept from running.
    let blocked = checks
        .iter()
        .filter(|c| c.status == Status::CouldNotCheck)
        .min_by_key(|c| c.cause == Some(Cause::NotRun));
    if let Some(c) = blocked {
        return Verdict {
            cause: c.cause,
            check: Some(c.id),
            fix: c.fix.clone(),
            ..verdict(
                VerdictStatus::Incomplete,
                ChecksMessage::Incomplete {
                    reason: Box::new(c.summary.clone()),
                },
            )
        };
    }
    let objects = checks.iter().any(|c| c.id == CheckId::ListObjects);
    verdict(
        VerdictStatus::Pass,
        if objects {
            ChecksMessage::AllPassedBucket {}
        } else {
            ChecksMessage::AllPassed {}
        },
    )
}

/// Whether a finding rests on what the cloud said about a refusal (its detail, or decoded).
fn told_by_cloud(c: &CheckResult) -> bool {
    matches!(c.basis, Some(Basis::CloudDetail | Basis::Decoded))
}
