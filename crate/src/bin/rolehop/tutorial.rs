//! `rolehop tutorial steps|plan|next`: the guided tutorial and the "Do it for me" plan in the
//! terminal, read aloud in English (or Chinese with `--zh`), or as the contract's JSON (`--json`).

use crate::args::Args;
use crate::help::{self, Command};
use rolehop::catalog::{self, Lang};
use rolehop::contract::{self, setup_next, setup_plan, tutorial_steps};
use rolehop::message::CliMessage;
use rolehop::tutorial::TutorialStep;
use serde_json::{json, Map, Value};
use std::io::Read;
use std::process::ExitCode;

/// `rolehop tutorial help` (`--zh` in Chinese).
fn usage_text(lang: Lang) -> String {
    let commands = [
        Command {
            synopsis: "rolehop tutorial steps --audience company-a|company-b|b-user [VALUES] [--zh] [--json]",
            about: CliMessage::HelpTutorialSteps {},
        },
        Command {
            synopsis: "rolehop tutorial plan --side A|B [VALUES] [--zh] [--json]",
            about: CliMessage::HelpTutorialPlan {},
        },
        Command {
            synopsis: "rolehop tutorial next --request FILE|-",
            about: CliMessage::HelpTutorialNext {},
        },
        Command {
            synopsis: "VALUES: --a-uid UID [--a-alias ALIAS] --b-uid UID [--b-alias ALIAS] --role NAME
        [--trust-user NAME]... [--trust-role NAME]... [--bucket NAME]... [--prefix P]...
        [--policy-name N] [--user NAME] [--assume-policy scoped|system]
        [--assume-policy-name N] [--site cn|intl]",
            about: CliMessage::HelpTutorialValues {},
        },
    ];
    help::usage_text(None, &commands, &[CliMessage::HelpZh {}], lang)
}

const COMMANDS: &str = "steps, plan, next";

/// Flags without a value.
const SWITCHES: &[&str] = &["--zh", "--json", "--help"];

const VALUE_FLAGS: [&str; 17] = [
    "audience",
    "side",
    "a-uid",
    "a-alias",
    "b-uid",
    "b-alias",
    "role",
    "trust-user",
    "trust-role",
    "bucket",
    "prefix",
    "policy-name",
    "user",
    "assume-policy",
    "assume-policy-name",
    "site",
    "request",
];

pub fn run(args: &[&str]) -> ExitCode {
    let lang = help::lang_of(args);
    let usage = |problem: CliMessage| {
        help::usage_error("rolehop tutorial", &problem, &usage_text(lang), lang)
    };
    let (command, rest) =
        match help::command_or_help("rolehop tutorial", args, COMMANDS, &usage_text(lang), lang) {
            Ok(found) => found,
            Err(code) => return code,
        };
    let (command, rest) = (&command, rest.as_slice());
    let flags = match Args::parse_flags(rest, SWITCHES).and_then(|f| {
        f.check(&VALUE_FLAGS)?;
        Ok(f)
    }) {
        Ok(f) => f,
        Err(problem) => return usage(problem),
    };
    let request = match flags.one("request") {
        Some(source) => match read_source(&source) {
            Ok(text) => text,
            Err(m) => {
                return fail(
                    &flags,
                    rolehop::Error::said(rolehop::ErrorKind::InvalidJson, m),
                )
            }
        },
        None if *command == "next" => {
            return usage(CliMessage::NeedsFlag {
                flag: "--request FILE|-".into(),
            })
        }
        None => request_from_flags(&flags).to_string(),
    };
    let (result, print): (_, fn(&Value, bool)) = match *command {
        "steps" => (tutorial_steps(&request), print_steps),
        "plan" => (setup_plan(&request), print_plan),
        "next" => (setup_next(&request), print_json),
        other => {
            return usage(CliMessage::UnknownCommand {
                command: format!("{other:?}"),
                commands: COMMANDS.into(),
            })
        }
    };
    match result {
        Ok(out) if flags.has("json") => print_json(&out, false),
        Ok(out) => print(&out, flags.has("zh")),
        Err(e) => return fail(&flags, e),
    }
    ExitCode::SUCCESS
}

fn fail(flags: &Args, error: rolehop::Error) -> ExitCode {
    if flags.has("json") {
        println!("{}", contract::to_text(&Err(error)));
    } else {
        let lang = if flags.has("zh") { Lang::Zh } else { Lang::En };
        eprintln!("rolehop: {}", error.words(lang));
    }
    ExitCode::from(1)
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

/// Flags -> the tutorialSteps / setupPlan JSON input (absent flags stay absent, so the core's
/// errors name what is missing).
fn request_from_flags(flags: &Args) -> Value {
    let mut req = Map::new();
    let mut put = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            req.insert(key.into(), json!(v));
        }
    };
    put("audience", flags.one("audience"));
    put("side", flags.one("side"));
    put("roleName", flags.one("role"));
    put("userName", flags.one("user"));
    put("assumePolicyName", flags.one("assume-policy-name"));
    put("site", flags.one("site"));
    req.insert(
        "assumePolicy".into(),
        json!(flags
            .one("assume-policy")
            .unwrap_or_else(|| "scoped".into())),
    );
    for (key, prefix) in [("accountA", "a"), ("accountB", "b")] {
        let mut account = Map::new();
        if let Some(uid) = flags.one(&format!("{prefix}-uid")) {
            account.insert("uid".into(), json!(uid));
        }
        if let Some(alias) = flags.one(&format!("{prefix}-alias")) {
            account.insert("alias".into(), json!(alias));
        }
        req.insert(key.into(), Value::Object(account));
    }
    let (users, roles) = (flags.all("trust-user"), flags.all("trust-role"));
    req.insert(
        "trust".into(),
        if users.is_empty() && roles.is_empty() {
            json!({"kind": "account"})
        } else {
            json!({"kind": "principals", "users": users, "roles": roles})
        },
    );
    let buckets = flags.all("bucket");
    let mut permission = if buckets.is_empty() {
        json!({"kind": "system"})
    } else {
        json!({"kind": "custom", "buckets": buckets, "prefixes": flags.all("prefix")})
    };
    if let Some(name) = flags.one("policy-name") {
        permission["policyName"] = json!(name);
    }
    req.insert("permission".into(), permission);
    Value::Object(req)
}

fn print_json(out: &Value, _zh: bool) {
    println!("{out}");
}

/// A text of the core in the chosen language, from the catalogs: a message, sentences (a list of
/// messages), or a `{en, zh}` pair (the plan's texts).
fn lang(v: &Value, zh: bool) -> String {
    let language = if zh { Lang::Zh } else { Lang::En };
    match v {
        Value::Array(sentences) => sentences
            .iter()
            .map(|m| lang(m, zh))
            .collect::<Vec<_>>()
            .join(if zh { "" } else { " " }),
        Value::Object(o) if o.contains_key("id") => catalog::render_json(v, language),
        _ => v
            .get(if zh { "zh" } else { "en" })
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
    }
}

/// `out` with each placeholder token (`<user>`, a value not given) in the catalog's words.
fn with_placeholders(out: &Value, zh: bool) -> Value {
    fn replace(v: &mut Value, token: &str, words: &str) {
        match v {
            Value::String(s) if s.contains(token) => *s = s.replace(token, words),
            Value::Array(items) => items.iter_mut().for_each(|i| replace(i, token, words)),
            Value::Object(map) => map.values_mut().for_each(|i| replace(i, token, words)),
            _ => {}
        }
    }
    let mut out = out.clone();
    for p in out["placeholders"].clone().as_array().into_iter().flatten() {
        if let Some(token) = p["token"].as_str() {
            replace(&mut out, token, &lang(&p["text"], zh));
        }
    }
    out
}

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|l| format!("{by}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn print_steps(out: &Value, zh: bool) {
    let out = &with_placeholders(out, zh);
    let language = if zh { Lang::Zh } else { Lang::En };
    let say = |m: CliMessage| catalog::render(&m, language);
    let audience = Box::new(match out["audience"].as_str().unwrap_or("") {
        "company-a" => CliMessage::LabelCompanyA {},
        "company-b" => CliMessage::LabelCompanyB {},
        _ => CliMessage::LabelBUser {},
    });
    println!("{}", say(CliMessage::TitleTutorial { audience }));
    let labels = [
        say(CliMessage::LabelConsole {}),
        say(CliMessage::LabelValues {}),
        say(CliMessage::LabelPolicy {}),
        say(CliMessage::LabelAliyunCli {}),
        say(CliMessage::LabelTerraform {}),
        say(CliMessage::LabelVerify {}),
    ];
    let (sep, colon) = if zh { ("：", "：") } else { (": ", ":") };
    let mut shown: Vec<String> = Vec::new();
    // Tasks under the tutorial step they belong to: one numbering, the tutorial's.
    let mut current = None;
    for step in out["steps"].as_array().into_iter().flatten() {
        if current != Some(&step["tutorialStep"]) {
            current = Some(&step["tutorialStep"]);
            let heading = out["outline"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|o| o["step"] == step["tutorialStep"]);
            if let Some(o) = heading {
                let sep = if zh { "：" } else { ": " };
                println!("\n{}{sep}{}", lang(&o["label"], zh), lang(&o["title"], zh));
            }
        }
        println!("\n- {}", lang(&step["title"], zh));
        println!("{}", indent(&lang(&step["body"], zh), "  "));
        println!(
            "  {}{sep}{}\n    {}",
            labels[0],
            lang(&step["consolePath"]["path"], zh),
            step["consolePath"]["url"].as_str().unwrap_or("")
        );
        let values = step["values"].as_array().cloned().unwrap_or_default();
        if !values.is_empty() {
            println!("  {}{colon}", labels[1]);
            for v in values {
                println!(
                    "    {}{sep}{}",
                    lang(&v["label"], zh),
                    v["value"].as_str().unwrap_or("")
                );
            }
        }
        for p in step["policies"].as_array().into_iter().flatten() {
            let name = &lang(&p["title"], zh);
            println!(
                "  {}{sep}{name} ({}) — {}{}",
                labels[2],
                p["type"].as_str().unwrap_or(""),
                lint_line(&p["lint"]["summary"], zh),
                if p["assumed"] == true {
                    let space = if zh { "" } else { " " };
                    format!("{space}{}", say(CliMessage::PolicyAssumed {}))
                } else {
                    String::new()
                }
            );
            // Each document in full once; later steps refer back to it.
            if shown.contains(&name.to_string()) {
                println!("    {}", say(CliMessage::DocumentAbove {}));
            } else {
                shown.push(name.to_string());
                println!("{}", indent(p["text"].as_str().unwrap_or(""), "    "));
            }
        }
        for (label, key) in [(&labels[3], "cli"), (&labels[4], "terraform")] {
            if let Some(text) = step[key].as_str() {
                println!("  {label}{colon}\n{}", indent(text, "    "));
            }
        }
        println!("  {}{sep}{}", labels[5], lang(&step["verify"], zh));
    }
    println!("\n{}{colon}", say(CliMessage::TitleTroubleshooting {}));
    for t in out["troubleshooting"].as_array().into_iter().flatten() {
        let step = t["tutorialStep"]
            .as_u64()
            .and_then(TutorialStep::from_number)
            .map_or(String::new(), |s| {
                let heading = serde_json::to_value(s.heading()).unwrap_or_default();
                format!("{}{}", lang(&heading, zh), if zh { "：" } else { ": " })
            });
        let space = if zh { "" } else { " " };
        println!(
            "  {step}{}{space}{}",
            lang(&t["cause"], zh),
            lang(&t["fix"], zh)
        );
    }
}

/// The linter's counts in words: only what was found, each count with its language's plural.
fn lint_line(summary: &Value, zh: bool) -> String {
    let lang = if zh { Lang::Zh } else { Lang::En };
    let n = |k: &str| summary[k].as_u64().unwrap_or(0) as usize;
    type Count = fn(usize) -> CliMessage;
    let kinds: [(&str, Count); 4] = [
        ("error", |count| CliMessage::LintErrorCount { count }),
        ("securityWarning", |count| {
            CliMessage::LintSecurityWarningCount { count }
        }),
        ("warning", |count| CliMessage::LintWarningCount { count }),
        ("suggestion", |count| CliMessage::LintSuggestionCount {
            count,
        }),
    ];
    let found: Vec<String> = kinds
        .iter()
        .filter(|(key, _)| n(key) > 0)
        .map(|(key, count)| catalog::render(&count(n(key)), lang))
        .collect();
    let line = if found.is_empty() {
        CliMessage::LabelLintClean {}
    } else {
        CliMessage::LabelLint {
            found: found.join(if zh { "，" } else { ", " }),
        }
    };
    catalog::render(&line, lang)
}

fn print_plan(out: &Value, zh: bool) {
    let language = if zh { Lang::Zh } else { Lang::En };
    let intro = CliMessage::PlanIntro {
        side: out["side"].as_str().unwrap_or("").to_string(),
        account: out["account"].as_str().unwrap_or("").to_string(),
    };
    println!("{}", catalog::render(&intro, language));
    let when = catalog::render(&CliMessage::LabelWhen {}, language);
    let operations = out["operations"].as_array().cloned().unwrap_or_default();
    for task in out["tasks"].as_array().into_iter().flatten() {
        println!("\n{}", lang(&task["title"], zh));
        for id in task["operations"].as_array().into_iter().flatten() {
            let Some(op) = operations.iter().find(|o| &o["id"] == id) else {
                continue;
            };
            let preview = &op["preview"];
            println!(
                "  [{}] {} {} — {}",
                op["kind"].as_str().unwrap_or(""),
                preview["service"].as_str().unwrap_or(""),
                op["action"].as_str().unwrap_or(""),
                lang(&preview["summary"], zh)
            );
            println!(
                "      {when}{}{}",
                if zh { "：" } else { ": " },
                lang(&preview["when"], zh)
            );
            for (name, value) in preview["params"].as_object().into_iter().flatten() {
                if name != "Action" {
                    println!("      {name} = {}", value.as_str().unwrap_or(""));
                }
            }
        }
    }
}
