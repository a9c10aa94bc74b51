//! `rolehop check plan|next|diagnose|retry`: the verification checks' contract on the command
//! line. Each reads one JSON document (stdin, or a file), prints the contract's answer as JSON;
//! `diagnose` prints a readable report unless `--json` is given.

use crate::help::{self, Command};
use rolehop::catalog::{self, Lang};
use rolehop::contract::{self, checks_diagnose, checks_next, checks_plan, checks_retry};
use rolehop::message::CliMessage;
use rolehop::tutorial::TutorialStep;
use serde_json::Value;
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
    let (command, rest) = match help::split_command(args) {
        Some((command, rest)) => (command, rest),
        None => {
            return usage(CliMessage::MissingCommand {
                commands: COMMANDS.into(),
            })
        }
    };
    let rest = rest.as_slice();
    if matches!(command, "help" | "--help" | "-h")
        || rest.iter().any(|a| matches!(*a, "--help" | "-h"))
    {
        return help::print_help(&usage_text(lang));
    }
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
    let handler = match command {
        "plan" => checks_plan,
        "next" => checks_next,
        "diagnose" => checks_diagnose,
        "retry" => checks_retry,
        other => {
            return usage(CliMessage::UnknownCommand {
                command: format!("{other:?}"),
                commands: COMMANDS.into(),
            })
        }
    };
    let result = handler(&input);
    match (&result, command, json) {
        (Ok(report), "diagnose", false) => {
            print!("{}", render(report, zh));
            exit_for(report)
        }
        (Ok(report), "diagnose", true) => {
            println!("{}", contract::to_text(&result));
            exit_for(report)
        }
        (Ok(_), _, _) => {
            println!("{}", contract::to_text(&result));
            ExitCode::SUCCESS
        }
        (Err(_), _, _) => {
            println!("{}", contract::to_text(&result));
            ExitCode::from(1)
        }
    }
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

fn exit_for(report: &Value) -> ExitCode {
    match report.pointer("/verdict/status").and_then(Value::as_str) {
        Some("pass") => ExitCode::SUCCESS,
        Some("fail") => ExitCode::from(3),
        _ => ExitCode::from(4),
    }
}

/// A message of the report (`{id, args}`) in words, from the catalogs.
fn said(value: &Value, lang: Lang) -> String {
    catalog::render_json(value, lang)
}

/// A text of the pages' catalog (the workbench's words for the same report).
fn page(key: &str, lang: Lang, values: &[String]) -> String {
    catalog::catalog(lang)
        .get(key)
        .map_or_else(|| key.to_string(), |entry| catalog::format(entry, values))
}

/// A counted text of the pages' catalog (`<key>_one` / `<key>_other`).
fn page_count(key: &str, lang: Lang, count: u64) -> String {
    let form = format!("{key}_{}", lang.plural(count));
    let key = if catalog::catalog(lang).contains_key(&form) {
        form
    } else {
        format!("{key}_other")
    };
    page(&key, lang, &[count.to_string()])
}

/// The readable report: verdict, one block per check, warnings.
fn render(report: &Value, zh: bool) -> String {
    let lang = if zh { Lang::Zh } else { Lang::En };
    let mut out = String::new();
    let verdict = &report["verdict"];
    let status = match verdict["status"].as_str().unwrap_or("") {
        "pass" => CliMessage::LabelVerdictPass {},
        "fail" => CliMessage::LabelVerdictFail {},
        "incomplete" => CliMessage::LabelVerdictIncomplete {},
        _ => CliMessage::LabelVerdictPending {},
    };
    let status = catalog::render(&status, lang);
    let colon = if zh { "：" } else { ": " };
    out.push_str(&format!(
        "{status}{colon}{}\n",
        said(&verdict["summary"], lang)
    ));
    if verdict["fix"].is_object() {
        let fix = said(&verdict["fix"]["text"], lang);
        out.push_str(&format!("{}\n", page("workbenchVerdictFix", lang, &[fix])));
    }
    if let Some(n) = verdict["otherFailures"].as_u64().filter(|n| *n > 0) {
        out.push_str(&format!(
            "{}\n",
            page_count("workbenchVerdictOthers", lang, n)
        ));
    }
    if let Some(skew) = report["clockSkewSeconds"].as_i64().filter(|s| s.abs() >= 5) {
        out.push_str(&format!(
            "{}\n",
            page("workbenchClockSkew", lang, &[format!("{skew:+}")])
        ));
    }
    let evidence_word = page("workbenchCheckEvidence", lang, &[]);
    let fix_word = page("workbenchCheckFix", lang, &[]);
    for check in report["checks"].as_array().into_iter().flatten() {
        let status = check["status"].as_str().unwrap_or("?");
        // The workbench's words for a check's status.
        let mark = match status {
            "pass" | "fail" | "pending" => page(&format!("workbenchStatus_{status}"), lang, &[]),
            _ => page("workbenchStatus_could_not_check", lang, &[]),
        };
        let step = check["tutorialStep"]
            .as_u64()
            .and_then(TutorialStep::from_number)
            .map_or(String::new(), |s| {
                let label = page("workbenchTutorialStep", lang, &[s.number().to_string()]);
                format!("{label} · ")
            });
        out.push_str(&format!(
            "\n[{mark}] {step}{}\n",
            said(&check["title"], lang)
        ));
        out.push_str(&format!("       {}\n", said(&check["summary"], lang)));
        let e = &check["evidence"];
        let mut evidence = Vec::new();
        for (key, name) in [
            ("action", ""),
            ("requestId", "RequestId "),
            ("code", ""),
            ("httpStatus", "HTTP "),
        ] {
            match &e[key] {
                Value::String(s) => evidence.push(format!("{name}{s}")),
                Value::Number(n) => evidence.push(format!("{name}{n}")),
                _ => {}
            }
        }
        if let Some(n) = e["attempts"].as_u64().filter(|n| *n > 1) {
            evidence.push(page("workbenchAttempts", lang, &[n.to_string()]));
        }
        if !evidence.is_empty() {
            out.push_str(&format!(
                "       {evidence_word}{colon}{}\n",
                evidence.join(" · ")
            ));
        }
        if check["fix"].is_object() {
            out.push_str(&format!(
                "       {fix_word}{colon}{}\n",
                said(&check["fix"]["text"], lang)
            ));
            if let Some(snippet) = check["fix"]["snippet"].as_str() {
                for line in snippet.lines() {
                    out.push_str(&format!("         {line}\n"));
                }
            }
        }
    }
    for w in report["warnings"].as_array().into_iter().flatten() {
        out.push_str(&format!("\n{}\n", said(&w["text"], lang)));
    }
    out
}
