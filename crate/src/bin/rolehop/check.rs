//! `rolehop check plan|next|diagnose|retry`: the verification checks' contract on the command
//! line. Each reads one JSON document (stdin, or a file), prints the contract's answer as JSON;
//! `diagnose` prints a readable report unless `--json` is given.

use rolehop::contract::{self, checks_diagnose, checks_next, checks_plan, checks_retry};
use rolehop::tutorial::TutorialStep;
use serde_json::Value;
use std::io::Read;
use std::process::ExitCode;

pub const USAGE: &str =
    "  rolehop check plan [FILE|-]      the checks and requests for these inputs (checksPlan)
  rolehop check next [FILE|-]      the requests to send now for {inputs, facts} (checksNext)
  rolehop check diagnose [FILE|-] [--json] [--zh]
                                   the report for {inputs, facts}: readable, or the JSON contract
                                   exit code 0: pass, 3: a check failed, 4: incomplete, 1: bad input
  rolehop check retry [FILE|-]     whether to resend {action, attempt, outcome} (checksRetry)";

const HELP: &str =
    "rolehop check: the verification plan and diagnosis (pure: facts in, verdicts out)

Usage:
";

pub fn run(args: &[&str]) -> ExitCode {
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (*command, rest),
        None => return usage("missing a check command"),
    };
    if matches!(command, "help" | "--help" | "-h") {
        println!("{HELP}{USAGE}");
        return ExitCode::SUCCESS;
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
        return usage(&format!("unknown flag {flag}"));
    }
    if files.len() > 1 {
        return usage("give at most one input file");
    }
    let input = match read_source(files.first().copied().unwrap_or("-")) {
        Ok(text) => text,
        Err(message) => {
            let err = rolehop::Error::new(rolehop::ErrorKind::InvalidJson, message);
            println!("{}", contract::to_text(&Err(err)));
            return ExitCode::from(1);
        }
    };
    let handler = match command {
        "plan" => checks_plan,
        "next" => checks_next,
        "diagnose" => checks_diagnose,
        "retry" => checks_retry,
        other => return usage(&format!("unknown check command {other:?}")),
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

fn usage(message: &str) -> ExitCode {
    eprintln!("rolehop check: {message}\n\nUsage:\n{USAGE}");
    ExitCode::from(2)
}

fn read_source(source: &str) -> Result<String, String> {
    let mut text = String::new();
    if source == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("could not read stdin as UTF-8: {e}"))?;
        Ok(text)
    } else {
        std::fs::read_to_string(source).map_err(|e| format!("could not read {source}: {e}"))
    }
}

fn exit_for(report: &Value) -> ExitCode {
    match report.pointer("/verdict/status").and_then(Value::as_str) {
        Some("pass") => ExitCode::SUCCESS,
        Some("fail") => ExitCode::from(3),
        _ => ExitCode::from(4),
    }
}

/// The `en` or `zh` text of a bilingual object.
fn lang(value: &Value, zh: bool) -> &str {
    value
        .get(if zh { "zh" } else { "en" })
        .and_then(Value::as_str)
        .unwrap_or("")
}

/// The readable report: verdict, one block per check, warnings.
fn render(report: &Value, zh: bool) -> String {
    let mut out = String::new();
    let verdict = &report["verdict"];
    let status = match (verdict["status"].as_str().unwrap_or("?"), zh) {
        ("pass", true) => "通过".to_string(),
        ("fail", true) => "未通过".to_string(),
        ("incomplete", true) => "未完成".to_string(),
        ("pending", true) => "进行中".to_string(),
        (other, _) => other.to_uppercase(),
    };
    let evidence_word = if zh { "证据" } else { "evidence" };
    let colon = if zh { "：" } else { ": " };
    out.push_str(&format!(
        "{status}{colon}{}\n",
        lang(&verdict["summary"], zh)
    ));
    if verdict["fix"].is_object() {
        let label = if zh { "修复" } else { "fix" };
        out.push_str(&format!("{label}{colon}{}\n", lang(&verdict["fix"], zh)));
    }
    if let Some(skew) = report["clockSkewSeconds"].as_i64().filter(|s| s.abs() >= 5) {
        let label = if zh { "时钟偏差" } else { "clock skew" };
        out.push_str(&format!("{label}: {skew:+} s\n"));
    }
    for check in report["checks"].as_array().into_iter().flatten() {
        let status = check["status"].as_str().unwrap_or("?");
        let mark = match status {
            "pass" => "PASS",
            "fail" => "FAIL",
            "pending" => "....",
            _ => "----",
        };
        let step = check["tutorialStep"]
            .as_u64()
            .and_then(TutorialStep::from_number)
            .map(|s| s.label())
            .map_or(String::new(), |l| {
                format!("{} · ", if zh { l.zh } else { l.en })
            });
        out.push_str(&format!("\n[{mark}] {step}{}\n", lang(&check["title"], zh)));
        out.push_str(&format!("       {}\n", lang(&check["summary"], zh)));
        let e = &check["evidence"];
        let mut evidence = Vec::new();
        for (key, name) in [
            ("action", ""),
            ("requestId", "request "),
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
            evidence.push(format!("{n} attempts"));
        }
        if !evidence.is_empty() {
            out.push_str(&format!(
                "       {evidence_word}{colon}{}\n",
                evidence.join(", ")
            ));
        }
        if check["fix"].is_object() {
            let label = if zh { "修复" } else { "fix" };
            out.push_str(&format!(
                "       {label}{colon}{}\n",
                lang(&check["fix"], zh)
            ));
            if let Some(snippet) = check["fix"]["snippet"].as_str() {
                for line in snippet.lines() {
                    out.push_str(&format!("         {line}\n"));
                }
            }
        }
    }
    for w in report["warnings"].as_array().into_iter().flatten() {
        let label = if zh { "注意" } else { "warning" };
        out.push_str(&format!("\n{label}: {}\n", lang(w, zh)));
    }
    out
}
