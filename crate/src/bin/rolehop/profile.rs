//! `rolehop profile parse|format|import|export|url`: switch profiles on the command line, with
//! errors as `FILE:LINE:COLUMN: ...` (the form editors and CI logs link), `--json` for the
//! contract's answers, and exit codes for scripts.

use crate::help::{self, Command};
use rolehop::catalog::{self, Lang};
use rolehop::contract::{self, profile_export, profile_import, profile_parse, switch_url};
use rolehop::message::{CliMessage, ProfileMessage};
use serde_json::{json, Value};
use std::io::Read;
use std::process::ExitCode;

/// `rolehop profile help` (`--zh` in Chinese).
fn usage_text(lang: Lang) -> String {
    let commands = [
        Command {
            synopsis: "rolehop profile parse FILE|- [--default-site cn|intl] [--json] [--zh]",
            about: CliMessage::HelpProfileParse {},
        },
        Command {
            synopsis: "rolehop profile format FILE|- [--check | --write] [--default-site cn|intl] [--zh]",
            about: CliMessage::HelpProfileFormat {},
        },
        Command {
            synopsis: "rolehop profile import [CONFIG] [--default-site cn|intl] [--json] [--zh]",
            about: CliMessage::HelpProfileImport {},
        },
        Command {
            synopsis: "rolehop profile export FILE|- [--base CONFIG] [--source-profile NAME] [--json] [--zh]",
            about: CliMessage::HelpProfileExport {},
        },
        Command {
            synopsis: "rolehop profile url FILE|- ID [--marker M] [--exit] [--default-site cn|intl] [--json]
rolehop profile url --account ACCOUNT --role-name ROLE [--site cn|intl] [--marker M] [--exit] [--json]",
            about: CliMessage::HelpProfileUrl {},
        },
    ];
    help::usage_text(None, &commands, &[CliMessage::HelpZh {}], lang)
}

const COMMANDS: &str = "parse, format, import, export, url";

/// Flags that take no value.
const SWITCHES: [&str; 5] = ["--json", "--check", "--write", "--exit", "--zh"];

/// Words and `--flag [value]` options, in order.
struct Flags {
    words: Vec<String>,
    values: Vec<(String, String)>,
    switches: Vec<String>,
}

impl Flags {
    fn read(args: &[&str], takes_value: &[&str]) -> Result<Flags, CliMessage> {
        let mut flags = Flags {
            words: Vec::new(),
            values: Vec::new(),
            switches: Vec::new(),
        };
        let mut rest = args.iter();
        while let Some(&arg) = rest.next() {
            if SWITCHES.contains(&arg) {
                flags.switches.push(arg.to_string());
            } else if takes_value.contains(&arg) {
                let value = rest.next().ok_or_else(|| CliMessage::FlagNeedsValue {
                    flag: arg.to_string(),
                })?;
                flags.values.push((arg.to_string(), value.to_string()));
            } else if arg.starts_with("--") {
                return Err(CliMessage::UnknownFlag {
                    flag: arg.to_string(),
                });
            } else {
                flags.words.push(arg.to_string());
            }
        }
        Ok(flags)
    }

    fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn on(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }
}

/// Why a command stopped.
enum Stop {
    /// Wrong command line: usage on stderr, exit code 2.
    Usage(CliMessage),
    /// Bad input (an unreadable file, a malformed request): exit code 1.
    Input(rolehop::Error),
}

pub fn run(args: &[&str]) -> ExitCode {
    let lang = help::lang_of(args);
    let usage = |problem: CliMessage| {
        help::usage_error("rolehop profile", &problem, &usage_text(lang), lang)
    };
    let (command, rest) =
        match help::command_or_help("rolehop profile", args, COMMANDS, &usage_text(lang), lang) {
            Ok(found) => found,
            Err(code) => return code,
        };
    let rest = rest.as_slice();
    let outcome = match command {
        "parse" => Flags::read(rest, &["--default-site"])
            .map_err(Stop::Usage)
            .and_then(|f| parse(&f)),
        "format" => Flags::read(rest, &["--default-site"])
            .map_err(Stop::Usage)
            .and_then(|f| format(&f)),
        "import" => Flags::read(rest, &["--default-site"])
            .map_err(Stop::Usage)
            .and_then(|f| import(&f)),
        "export" => Flags::read(rest, &["--base", "--source-profile"])
            .map_err(Stop::Usage)
            .and_then(|f| export(&f)),
        "url" => Flags::read(
            rest,
            &[
                "--default-site",
                "--marker",
                "--account",
                "--role-name",
                "--site",
            ],
        )
        .map_err(Stop::Usage)
        .and_then(|f| url(&f)),
        other => {
            return usage(CliMessage::UnknownCommand {
                command: format!("{other:?}"),
                commands: COMMANDS.into(),
            })
        }
    };
    match outcome {
        Ok(code) => code,
        Err(Stop::Usage(problem)) => usage(problem),
        Err(Stop::Input(error)) => {
            eprintln!("rolehop: {}", error.words(lang));
            ExitCode::from(1)
        }
    }
}

/// Bad input in the CLI's own words.
fn input(message: CliMessage) -> Stop {
    Stop::Input(rolehop::Error::said(
        rolehop::ErrorKind::InvalidValue,
        message,
    ))
}

/// The one FILE argument (or `-` for stdin) and its text.
fn source(flags: &Flags) -> Result<(String, String), Stop> {
    match flags.words.first() {
        Some(name) => Ok((name.clone(), read(name)?)),
        None => Err(Stop::Usage(CliMessage::NeedsFile {})),
    }
}

fn read(name: &str) -> Result<String, Stop> {
    let mut text = String::new();
    let result = if name == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(name).map(|t| text = t)
    };
    result.map_err(|e| {
        input(CliMessage::ReadFailed {
            source: name.to_string(),
            reason: e.to_string(),
        })
    })?;
    Ok(text)
}

/// A contract call whose request the CLI built: an error here is the input's fault.
fn call(f: fn(&str) -> rolehop::Result<Value>, request: Value) -> Result<Value, Stop> {
    f(&request.to_string()).map_err(Stop::Input)
}

fn with_site(mut request: Value, flags: &Flags) -> Value {
    if let Some(site) = flags.value("--default-site") {
        request["defaultSite"] = json!(site);
    }
    request
}

/// The message at `key` (`message`, `reason`, `todo`) in the chosen language.
fn localized(value: &Value, key: &str, zh: bool) -> String {
    catalog::render_json(&value[key], lang(zh))
}

/// `Skipped "name" (mode): reason` for a skipped config.json profile.
fn skipped_line(skipped: &Value, flags: &Flags) -> String {
    let line = json!({"id": "core_cli_skipped", "args": {
        "name": skipped["name"], "mode": skipped["mode"], "reason": skipped["reason"]
    }});
    catalog::render_json(&line, lang(flags.on("--zh")))
}

fn lang(zh: bool) -> Lang {
    if zh {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// `FILE:LINE:COLUMN: kind: message (profile P, key K)`.
fn error_line(file: &str, e: &Value, zh: bool) -> String {
    let mut line = format!(
        "{file}:{}:{}: {}: {}",
        e["line"],
        e["column"],
        e["kind"].as_str().unwrap_or("error"),
        localized(e, "message", zh)
    );
    let about: Vec<String> = [("profile", "profile"), ("field", "key")]
        .iter()
        .filter_map(|(k, label)| e[*k].as_str().map(|v| format!("{label} {v}")))
        .collect();
    if !about.is_empty() {
        line.push_str(&format!(" ({})", about.join(", ")));
    }
    line
}

fn print_errors(file: &str, answer: &Value, zh: bool) -> usize {
    let errors = answer["errors"].as_array().map_or(&[][..], Vec::as_slice);
    for e in errors {
        eprintln!("{}", error_line(file, e, zh));
    }
    errors.len()
}

fn exit(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The text of `file` parsed, with its errors printed (`None`: there were errors).
fn parsed(file: &str, text: &str, flags: &Flags) -> Result<Option<Value>, Stop> {
    let answer = call(profile_parse, with_site(json!({ "text": text }), flags))?;
    Ok((print_errors(file, &answer, flags.on("--zh")) == 0).then_some(answer))
}

fn parse(flags: &Flags) -> Result<ExitCode, Stop> {
    let (file, text) = source(flags)?;
    let answer = call(profile_parse, with_site(json!({ "text": text }), flags))?;
    if flags.on("--json") {
        println!("{answer}");
        return Ok(exit(
            answer["errors"].as_array().map_or(true, Vec::is_empty),
        ));
    }
    let errors = print_errors(&file, &answer, flags.on("--zh"));
    let profiles = answer["profiles"].as_array().map_or(&[][..], Vec::as_slice);
    for p in profiles {
        let group = p["group"]
            .as_str()
            .map(|g| format!("  [{g}]"))
            .unwrap_or_default();
        println!(
            "{}:{}: {}  {} -> {}  ({}){group}  {}",
            file,
            p["line"],
            p["id"].as_str().unwrap_or(""),
            p["account"].as_str().unwrap_or(""),
            p["roleName"].as_str().unwrap_or(""),
            p["site"].as_str().unwrap_or(""),
            p["displayName"].as_str().unwrap_or("")
        );
    }
    let summary = ProfileMessage::CliProfileSummary {
        profiles: Box::new(ProfileMessage::CliProfileCount {
            count: profiles.len(),
        }),
        errors: Box::new(ProfileMessage::CliErrorCount { count: errors }),
    };
    eprintln!(
        "{file}: {}",
        catalog::render(&summary, lang(flags.on("--zh")))
    );
    Ok(exit(errors == 0))
}

fn format(flags: &Flags) -> Result<ExitCode, Stop> {
    let (file, text) = source(flags)?;
    if flags.on("--write") && file == "-" {
        return Err(Stop::Usage(CliMessage::WriteNeedsFile {}));
    }
    let Some(answer) = parsed(&file, &text, flags)? else {
        return Ok(ExitCode::from(1));
    };
    let canonical = call(
        contract::profile_serialize,
        json!({ "profiles": answer["profiles"] }),
    )?;
    let canonical = canonical["text"].as_str().unwrap_or("");
    if flags.on("--check") {
        if canonical == text {
            return Ok(ExitCode::SUCCESS);
        }
        let said = CliMessage::NotCanonical { file: file.clone() };
        eprintln!("{}", catalog::render(&said, lang(flags.on("--zh"))));
        return Ok(ExitCode::from(1));
    }
    if flags.on("--write") {
        if canonical != text {
            std::fs::write(&file, canonical).map_err(|e| {
                input(CliMessage::WriteFailed {
                    target: file.clone(),
                    reason: e.to_string(),
                })
            })?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    print!("{canonical}");
    Ok(ExitCode::SUCCESS)
}

fn default_config() -> Result<String, Stop> {
    match std::env::var_os("HOME") {
        Some(home) => Ok(std::path::Path::new(&home)
            .join(".aliyun")
            .join("config.json")
            .to_string_lossy()
            .into_owned()),
        None => Err(Stop::Usage(CliMessage::NoHome {
            flag: "CONFIG".into(),
        })),
    }
}

fn import(flags: &Flags) -> Result<ExitCode, Stop> {
    let file = match flags.words.first() {
        Some(f) => f.clone(),
        None => default_config()?,
    };
    let text = read(&file)?;
    let answer = call(
        profile_import,
        with_site(json!({ "format": "aliyun-cli", "text": text }), flags),
    )?;
    let ok = answer["errors"].as_array().map_or(true, Vec::is_empty);
    if flags.on("--json") {
        println!("{answer}");
        return Ok(exit(ok));
    }
    print_errors(&file, &answer, flags.on("--zh"));
    for s in answer["skipped"].as_array().into_iter().flatten() {
        eprintln!("{file}: {}", skipped_line(s, flags));
    }
    print!("{}", answer["text"].as_str().unwrap_or(""));
    Ok(exit(ok))
}

fn export(flags: &Flags) -> Result<ExitCode, Stop> {
    let (file, text) = source(flags)?;
    let Some(answer) = parsed(&file, &text, flags)? else {
        return Ok(ExitCode::from(1));
    };
    let mut request = json!({ "format": "aliyun-cli", "profiles": answer["profiles"] });
    if let Some(base) = flags.value("--base") {
        request["base"] = json!(read(base)?);
    }
    if let Some(source) = flags.value("--source-profile") {
        request["sourceProfile"] = json!(source);
    }
    let out = call(profile_export, request)?;
    if flags.on("--json") {
        println!("{out}");
        return Ok(ExitCode::SUCCESS);
    }
    for s in out["skipped"].as_array().into_iter().flatten() {
        eprintln!("{}", skipped_line(s, flags));
    }
    for e in out["exported"].as_array().into_iter().flatten() {
        if e.get("todo").is_some() {
            eprintln!(
                "{} {}: {}",
                e["action"].as_str().unwrap_or(""),
                e["name"].as_str().unwrap_or(""),
                localized(e, "todo", flags.on("--zh"))
            );
        }
    }
    println!("{}", out["text"].as_str().unwrap_or(""));
    Ok(ExitCode::SUCCESS)
}

fn url(flags: &Flags) -> Result<ExitCode, Stop> {
    let target = match (flags.value("--account"), flags.value("--role-name")) {
        (Some(account), Some(role)) => {
            if !flags.words.is_empty() {
                return Err(Stop::Usage(CliMessage::UrlTarget {}));
            }
            json!({ "account": account, "roleName": role, "site": flags.value("--site").unwrap_or("cn") })
        }
        (None, None) => {
            let [file, id] = flags.words.as_slice() else {
                return Err(Stop::Usage(CliMessage::UrlTarget {}));
            };
            let text = read(file)?;
            let answer = call(profile_parse, with_site(json!({ "text": text }), flags))?;
            let found = answer["profiles"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|p| p["id"].as_str().is_some_and(|p| p.eq_ignore_ascii_case(id)));
            match found {
                Some(p) => p.clone(),
                None => {
                    print_errors(file, &answer, flags.on("--zh"));
                    return Err(input(CliMessage::NoValidProfile {
                        file: file.clone(),
                        id: format!("{id:?}"),
                    }));
                }
            }
        }
        _ => {
            return Err(Stop::Usage(CliMessage::Together {
                first: "--account".into(),
                second: "--role-name".into(),
            }))
        }
    };
    let mut request = json!({ "profile": target });
    if let Some(marker) = flags.value("--marker") {
        request["marker"] = json!(marker);
    }
    let out = call(switch_url, request)?;
    if flags.on("--json") {
        println!("{out}");
    } else if flags.on("--exit") {
        println!("{}", out["exitUrl"].as_str().unwrap_or(""));
    } else {
        println!("{}", out["url"].as_str().unwrap_or(""));
    }
    Ok(ExitCode::SUCCESS)
}
