//! The verdict: the first broken tutorial step, else what kept the checks from finishing, else
//! pass; plus warnings (assumed policy texts, a drifting clock, A's root keys).

use crate::checks::known::{IdentityKind, Known};
use crate::checks::report::{Cause, CheckResult, Report, Status, Verdict, VerdictStatus, Warning};
use crate::checks::text::{after_colon, duration, Text};

/// A clock this far off is worth a warning even when the server still accepts it.
const SKEW_WARNING_SECONDS: i64 = 300;

pub fn report(known: &Known, checks: Vec<CheckResult>, skew: Option<i64>) -> Report {
    let verdict = verdict(&checks);
    let mut warnings = Vec::new();
    let assumed: Vec<String> = checks
        .iter()
        .filter_map(|c| c.details.as_ref()?.get("assumedTexts")?.as_array().cloned())
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    if !assumed.is_empty() {
        let mut names = assumed.clone();
        names.dedup();
        warnings.push(Warning {
            code: "assumed-policy-text",
            en: format!("Simulated with RoleHop's assumed text of {} (the exact system policy text could not be read with GetPolicy).", names.join(", ")),
            zh: format!("模拟时使用了 RoleHop 假定的 {} 策略内容（无法通过 GetPolicy 读取系统策略的准确内容）。", names.join("、")),
        });
    }
    let skew_reported = checks.iter().any(|c| c.cause == Some(Cause::ClockSkew));
    if let Some(s) = skew.filter(|s| s.abs() >= SKEW_WARNING_SECONDS && !skew_reported) {
        let d = duration(s);
        warnings.push(Warning {
            code: "clock-skew",
            en: format!("This computer's clock is {} {} the server's; at 15 minutes requests start to fail. Turn on automatic time synchronisation.", d.en, if s > 0 { "ahead of" } else { "behind" }),
            zh: format!("本机时钟比服务端{} {}；偏差达到 15 分钟时请求将失败。请开启时间自动同步。", if s > 0 { "快" } else { "慢" }, d.zh),
        });
    }
    if known
        .a
        .as_ref()
        .is_some_and(|a| a.kind == IdentityKind::Account)
    {
        warnings.push(Warning {
            code: "a-root-keys",
            en: "A's checks ran with the account's root AccessKey: prefer a RAM user with AliyunRAMReadOnlyAccess for this.".into(),
            zh: "A 的检查使用了主账号 AccessKey：建议改用具备 AliyunRAMReadOnlyAccess 的 RAM 用户。".into(),
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
    };
    if checks.iter().any(|c| c.status == Status::Pending) {
        return verdict(
            VerdictStatus::Pending,
            Text::new("The checks are still running.", "检查仍在进行中。"),
        );
    }
    let failed = checks
        .iter()
        .filter(|c| c.status == Status::Fail)
        .min_by_key(|c| c.tutorial_step);
    if let Some(c) = failed {
        let step = c.tutorial_step.label();
        return Verdict {
            first_broken_step: Some(c.tutorial_step),
            cause: c.cause,
            check: Some(c.id),
            fix: c.fix.clone(),
            other_failures: checks
                .iter()
                .filter(|c| c.status == Status::Fail)
                .count()
                .saturating_sub(1),
            ..verdict(
                VerdictStatus::Fail,
                Text::new(
                    format!("{} is broken: {}", step.en, after_colon(&c.summary.en)),
                    format!("{}有问题：{}", step.zh, c.summary.zh),
                ),
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
                Text::new(
                    format!(
                        "Not everything could be checked: {}",
                        after_colon(&c.summary.en)
                    ),
                    format!("部分内容无法检查：{}", c.summary.zh),
                ),
            )
        };
    }
    let objects = checks.iter().any(|c| c.id == "b.list-objects");
    verdict(
        VerdictStatus::Pass,
        if objects {
            Text::new(
                "Every check passed: B's user assumes A's role and reads the bucket.",
                "所有检查均已通过：B 的用户可扮演 A 的角色并读取存储空间。",
            )
        } else {
            Text::new("Every check passed.", "所有检查均已通过。")
        },
    )
}
