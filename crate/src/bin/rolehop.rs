//! `rolehop`: the core's JSON contract on the command line.

#[path = "rolehop/args.rs"]
mod args;
#[path = "rolehop/caller.rs"]
mod caller;
#[path = "rolehop/chain.rs"]
mod chain;
#[path = "rolehop/check.rs"]
mod check;
#[path = "rolehop/console.rs"]
mod console;
#[path = "rolehop/http.rs"]
mod http;
#[path = "rolehop/policy.rs"]
mod policy;
#[path = "rolehop/profile.rs"]
mod profile;
#[path = "rolehop/tutorial.rs"]
mod tutorial;
#[path = "rolehop/words.rs"]
mod words;

use rolehop::message::CliMessage;
use rolehop::{catalog, contract};
use rolehop::{Error, ErrorKind};
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
rolehop: RoleHop's core on the command line (Alibaba Cloud signing and requests)

Usage:
  rolehop sign [--lines]     read one JSON signing request on stdin, print one JSON result
                             (--lines: one request per line, one result per line)
  rolehop request [--lines]  build one signed STS, RAM or OSS request ({\"action\": \"AssumeRole\", ...})
                             and print {method, url, headers, body, signing}
  rolehop parse [--lines]    read one API answer ({\"action\", \"status\", \"headers\", \"body\"}) and print
                             {\"result\": ...} or {\"apiError\": {code, message, hint, ...}}
                             (the error's words and an apiError's hint also go to stderr)
                             (an apiError is a valid answer: exit code 0)
  rolehop policy build|lint|simulate ...
                             build, lint and simulate RAM policies offline (rolehop policy help)
  rolehop profile parse|format|import|export|url ...
                             check, format, import and export switch profiles and build Switch
                             Role URLs (rolehop profile help)
  rolehop tutorial steps|plan|next ...
                             the guided tutorial with your values, and the \"Do it for me\" plan
                             (rolehop tutorial help)
  rolehop check plan|next|diagnose|retry ...
                             the verification checks: what to send, and the diagnosis of what
                             came back (rolehop check help)
  rolehop console PROFILE [...]
                             open the console as PROFILE's role (AssumeRole, then the federation
                             sign-in), or --print its Login URL (rolehop console --help)
  rolehop credentials PROFILE [...]
                             PROFILE's role credentials for scripts (shell exports, or the aliyun
                             CLI's external credential process JSON)
  rolehop version            print the core's version as JSON
  rolehop help               show this help

Requests and results are documented in the README (\"The JSON contract\").
On bad input the result is {\"error\": {\"kind\", \"message\", ...}} and the exit code is 1.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["sign"] => run_once(contract::sign),
        ["sign", "--lines"] => run_lines(contract::sign),
        ["request"] => run_once(contract::request),
        ["request", "--lines"] => run_lines(contract::request),
        ["parse"] => run_once(contract::parse),
        ["parse", "--lines"] => run_lines(contract::parse),
        ["policy", rest @ ..] => policy::run(rest),
        ["profile", rest @ ..] => profile::run(rest),
        ["check", rest @ ..] => check::run(rest),
        ["tutorial", rest @ ..] => tutorial::run(rest),
        [command @ ("console" | "credentials"), rest @ ..] => console::run(command, rest),
        ["version"] | ["--version"] | ["-V"] => print_value(&contract::version().to_string(), true),
        ["help"] | ["--help"] | ["-h"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

type Handler = fn(&str) -> rolehop::Result<serde_json::Value>;

fn run_once(handler: Handler) -> ExitCode {
    let mut input = String::new();
    if let Err(e) = io::stdin().read_to_string(&mut input) {
        let err = Error::said(ErrorKind::InvalidJson, stdin_failed(&e));
        return print_value(&contract::to_text(&Err(err)), false);
    }
    let result = handler(&input);
    say(&result);
    print_value(&contract::to_text(&result), result.is_ok())
}

/// The words of an error, or of an API error's hint, on stderr (English, from the catalog):
/// stdout keeps the contract's JSON, which carries them as message ids.
fn say(result: &rolehop::Result<serde_json::Value>) {
    match result {
        Err(e) => eprintln!("rolehop: {}: {e}", kind_name(e.kind)),
        Ok(value) => {
            if let Some(api) = value.get("apiError") {
                let code = api.get("code").and_then(serde_json::Value::as_str);
                let hint = api
                    .get("hint")
                    .map(|h| catalog::render_json(h, catalog::Lang::En));
                if let (Some(code), Some(hint)) = (code, hint) {
                    eprintln!("rolehop: {code}: {hint}");
                }
            }
        }
    }
}

/// Standard input could not be read (not UTF-8, or closed).
fn stdin_failed(e: &io::Error) -> CliMessage {
    CliMessage::ReadFailed {
        source: "stdin".into(),
        reason: e.to_string(),
    }
}

/// The kind as the contract names it (`invalid-value`).
fn kind_name(kind: ErrorKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// One request per line; the exit code is 1 if any line failed.
fn run_lines(handler: Handler) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut all_ok = true;
    for line in io::stdin().lock().lines() {
        let result = match line {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => handler(&line),
            Err(e) => Err(Error::said(ErrorKind::InvalidJson, stdin_failed(&e))),
        };
        all_ok &= result.is_ok();
        if writeln!(out, "{}", contract::to_text(&result)).is_err() {
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() || !all_ok {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

fn print_value(text: &str, ok: bool) -> ExitCode {
    println!("{text}");
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
