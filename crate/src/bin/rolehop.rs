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
#[path = "rolehop/help.rs"]
mod help;
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

/// The commands, each with what it does (`rolehop help`; `--zh` in Chinese).
fn usage(lang: catalog::Lang) -> String {
    use help::Command;
    let commands = [
        Command {
            synopsis: "rolehop sign [--lines]",
            about: CliMessage::HelpSign {},
        },
        Command {
            synopsis: "rolehop request [--lines]",
            about: CliMessage::HelpRequest {},
        },
        Command {
            synopsis: "rolehop parse [--lines]",
            about: CliMessage::HelpParse {},
        },
        Command {
            synopsis: "rolehop policy build|lint|simulate ...",
            about: CliMessage::HelpPolicy {},
        },
        Command {
            synopsis: "rolehop profile parse|format|import|export|url ...",
            about: CliMessage::HelpProfile {},
        },
        Command {
            synopsis: "rolehop tutorial steps|plan|next ...",
            about: CliMessage::HelpTutorial {},
        },
        Command {
            synopsis: "rolehop check plan|next|diagnose|retry ...",
            about: CliMessage::HelpCheck {},
        },
        Command {
            synopsis: "rolehop console PROFILE [...]",
            about: CliMessage::HelpConsole {},
        },
        Command {
            synopsis: "rolehop credentials PROFILE [...]",
            about: CliMessage::HelpCredentials {},
        },
        Command {
            synopsis: "rolehop version",
            about: CliMessage::HelpVersion {},
        },
        Command {
            synopsis: "rolehop help [--zh]",
            about: CliMessage::HelpHelp {},
        },
    ];
    help::usage_text(
        Some(CliMessage::HelpIntro {}),
        &commands,
        &[CliMessage::HelpContract {}],
        lang,
    )
}

/// The commands `rolehop` takes, for an error naming them.
const COMMANDS: &str =
    "sign, request, parse, policy, profile, tutorial, check, console, credentials, version, help";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
    // `rolehop --zh COMMAND ...` is `rolehop COMMAND --zh ...` (the commands take it anywhere
    // but after a flag that takes a value).
    if args.len() > 1 && args[0] == "--zh" {
        args.swap(0, 1);
    }
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
        ["help" | "--help" | "-h", rest @ ..] if rest.iter().all(|a| *a == "--zh") => {
            help::print_help(&usage(help::lang_of(rest)))
        }
        _ => wrong_command_line(&args),
    }
}

/// What is wrong with a command line no command took, and the usage text (exit code 2).
fn wrong_command_line(args: &[&str]) -> ExitCode {
    let lang = help::lang_of(args);
    let words: Vec<&str> = args.iter().copied().filter(|a| *a != "--zh").collect();
    let problem = match words.as_slice() {
        [] => CliMessage::MissingCommand {
            commands: COMMANDS.into(),
        },
        ["sign" | "request" | "parse", flag, ..] if flag.starts_with("--") => {
            CliMessage::UnknownFlag {
                flag: flag.to_string(),
            }
        }
        ["sign" | "request" | "parse" | "version", extra, ..] => CliMessage::UnexpectedArgument {
            argument: format!("{extra:?}"),
        },
        // These print JSON and take no --zh.
        ["sign" | "request" | "parse" | "version"] => CliMessage::UnexpectedArgument {
            argument: "\"--zh\"".into(),
        },
        [command, ..] => CliMessage::UnknownCommand {
            command: format!("{command:?}"),
            commands: COMMANDS.into(),
        },
    };
    help::usage_error("rolehop", &problem, &usage(lang), lang)
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
