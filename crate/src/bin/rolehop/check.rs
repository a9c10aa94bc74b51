//! `rolehop check plan|next|diagnose|retry`: the verification checks' contract on the command
//! line. Each reads one JSON document (stdin, or a file), prints the contract's answer as JSON;
//! `diagnose` prints a readable report (the verdict, the chain, each check) unless `--json` is
//! given.

use crate::help::{self, Command};
use crate::words::{fix_words, page, page_count};
use rolehop::catalog::{self, Lang};
use rolehop::checks::report::{Report, Status, VerdictStatus};
use rolehop::checks::Diagnosis;
use rolehop::contract::{self, checks_diagnosis, checks_next, checks_plan, checks_retry};
use rolehop::message::CliMessage;
use std::io::Read;
use std::process::ExitCode;

/// `rolehop check help` (`--zh` in Chinese).
fn usage_text(lang: Lang) -> String {
    let commands = [
        Command {
            synopsis: "rolehop check plan [FILE|-]",
            about: CliMessage::HelpCheckPlan {},
        },
        Command {
            synopsis: "rolehop check next [FILE|-]",
            about: CliMessage::HelpCheckNext {},
        },
        Command {
            synopsis: "rolehop check diagnose [FILE|-] [--json] [--zh]",
            about: CliMessage::HelpCheckDiagnose {},
        },
        Command {
            synopsis: "rolehop check retry [FILE|-]",
            about: CliMessage::HelpCheckRetry {},
        },
    ];
    help::usage_text(
        Some(CliMessage::HelpCheckIntro {}),
        &commands,
        &[CliMessage::HelpZh {}],
        lang,
    )
}

const COMMANDS: &str = "plan, next, diagnose, retry";

pub fn run(args: &[&str]) -> ExitCode {
    let lang = help::lang_of(args);
    let usage =
        |problem: CliMessage| help::usage_error("rolehop check", &problem, &usage_text(lang), lang);
    let (command, rest) =
        match help::command_or_help("rolehop check", args, COMMANDS, &usage_text(lang), lang) {
            Ok(found) => found,
            Err(code) => return code,
        };
    let rest = rest.as_slice();
    let json = rest.contains(&"--json");
    let zh = rest.contains(&"--zh");
    let files: Vec<&str> = rest
        .iter()
        .copied()
        .filter(|a| !a.starts_with("--") || *a == "-")
        .collect();
    if let Some(flag) = rest
        .iter()
        .find(|a| a.starts_with("--") && !matches!(**a, "--json" | "--zh"))
    {
        return usage(CliMessage::UnknownFlag {
            flag: flag.to_string(),
        });
    }
    if files.len() > 1 {
        return usage(CliMessage::AtMostOneFile {});
    }
    let input = match read_source(files.first().copied().unwrap_or("-")) {
        Ok(text) => text,
        Err(message) => {
            let err = rolehop::Error::said(rolehop::ErrorKind::InvalidJson, message);
            println!("{}", contract::to_text(&Err(err)));
            return ExitCode::from(1);
        }
    };
    if command == "diagnose" {
        return diagnose(&input, json, zh);
    }
    let handler = match command {
        "plan" => checks_plan,
        "next" => checks_next,
        "retry" => checks_retry,
        other => {
            return usage(CliMessage::UnknownCommand {
                command: format!("{other:?}"),
                commands: COMMANDS.into(),
            })
        }
    };
    let result = handler(&input);
    match &result {
        Ok(_) => {
            println!("{}", contract::to_text(&result));
            ExitCode::SUCCESS
        }
        Err(_) => {
            println!("{}", contract::to_text(&result));
            ExitCode::from(1)
        }
    }
}

/// `check diagnose`: the report read typed, printed as words or as the contract's JSON.
fn diagnose(input: &str, json: bool, zh: bool) -> ExitCode {
    let diagnosis = match checks_diagnosis(input) {
        Ok(diagnosis) => diagnosis,
        Err(e) => {
            println!("{}", contract::to_text(&Err(e)));
            return ExitCode::from(1);
        }
    };
    if json {
        let value = serde_json::to_value(&diagnosis).unwrap_or_default();
        println!("{}", contract::to_text(&Ok(value)));
    } else {
        print!("{}", render(&diagnosis, zh));
    }
    exit_for(&diagnosis.report)
}

fn read_source(source: &str) -> Result<String, CliMessage> {
    let mut text = String::new();
    let read = if source == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(source).map(|t| text = t)
    };
    read.map(|()| text).map_err(|e| CliMessage::ReadFailed {
        source: source.to_string(),
        reason: e.to_string(),
    })
}

fn exit_for(report: &Report) -> ExitCode {
    match report.verdict.status {
        VerdictStatus::Pass => ExitCode::SUCCESS,
        VerdictStatus::Fail => ExitCode::from(3),
        VerdictStatus::Incomplete | VerdictStatus::Pending => ExitCode::from(4),
    }
}

/// The readable report: verdict, one block per check, warnings.
fn render(diagnosis: &Diagnosis, zh: bool) -> String {
    let report = &diagnosis.report;
    let lang = if zh { Lang::Zh } else { Lang::En };
    let said = |message: &rolehop::message::ChecksMessage| catalog::render(message, lang);
    let mut out = String::new();
    let verdict = &report.verdict;
    let status = match verdict.status {
        VerdictStatus::Pass => CliMessage::LabelVerdictPass {},
        VerdictStatus::Fail => CliMessage::LabelVerdictFail {},
        VerdictStatus::Incomplete => CliMessage::LabelVerdictIncomplete {},
        VerdictStatus::Pending => CliMessage::LabelVerdictPending {},
    };
    let status = catalog::render(&status, lang);
    let colon = if zh { "：" } else { ": " };
    out.push_str(&format!("{status}{colon}{}\n", said(&verdict.summary)));
    if let Some(fix) = &verdict.fix {
        let fix = fix_words(&fix.text, lang);
        out.push_str(&format!("{}\n", page("workbenchVerdictFix", lang, &[fix])));
    }
    if verdict.other_failures > 0 {
        let n = u64::try_from(verdict.other_failures).unwrap_or(u64::MAX);
        out.push_str(&format!(
            "{}\n",
            page_count("workbenchVerdictOthers", lang, n)
        ));
    }
    if let Some(skew) = report.clock_skew_seconds.filter(|s| s.abs() >= 5) {
        out.push_str(&format!(
            "{}\n",
            page("workbenchClockSkew", lang, &[format!("{skew:+}")])
        ));
    }
    // The chain after the verdict, as the workbench draws it above the verdict.
    let chain = crate::chain::render(&diagnosis.chain, lang);
    if !chain.is_empty() {
        out.push_str(&format!("\n{chain}"));
    }
    let evidence_word = page("workbenchCheckEvidence", lang, &[]);
    let fix_word = page("workbenchCheckFix", lang, &[]);
    for check in &report.checks {
        // The workbench's words for a check's status.
        let mark = match check.status {
            Status::Pass => page("workbenchStatus_pass", lang, &[]),
            Status::Fail => page("workbenchStatus_fail", lang, &[]),
            Status::Pending => page("workbenchStatus_pending", lang, &[]),
            Status::CouldNotCheck => page("workbenchStatus_could_not_check", lang, &[]),
        };
        let step = check.tutorial_step.number().to_string();
        let step = format!("{} · ", page("workbenchTutorialStep", lang, &[step]));
        out.push_str(&format!("\n[{mark}] {step}{}\n", said(&check.title)));
        out.push_str(&format!("       {}\n", said(&check.summary)));
        let e = &check.evidence;
        let mut evidence: Vec<String> = [
            e.action.clone(),
            e.request_id.as_ref().map(|id| format!("RequestId {id}")),
            e.code.clone(),
            e.http_status.map(|status| format!("HTTP {status}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if e.attempts > 1 {
            evidence.push(page("workbenchAttempts", lang, &[e.attempts.to_string()]));
        }
        if !evidence.is_empty() {
            out.push_str(&format!(
                "       {evidence_word}{colon}{}\n",
                evidence.join(" · ")
            ));
        }
        if let Some(fix) = &check.fix {
            out.push_str(&format!(
                "       {fix_word}{colon}{}\n",
                fix_words(&fix.text, lang)
            ));
            for line in fix.snippet.iter().flat_map(|s| s.lines()) {
                out.push_str(&format!("         {line}\n"));
            }
        }
    }
    for w in &report.warnings {
        out.push_str(&format!("\n{}\n", said(&w.text)));
    }
    out
}
