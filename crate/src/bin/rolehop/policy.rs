//! `rolehop policy build|lint|simulate`: the policy engine's contract functions behind flags,
//! with human output by default and `--json` for tools.

use crate::args::Args;
use crate::help::{self, Command};
use rolehop::catalog::{render, render_json, Lang};
use rolehop::contract::{self, policy_build, policy_lint, policy_simulate};
use rolehop::message::{CliMessage, PolicyMessage};
use serde_json::{json, Map, Value};
use std::io::Read;
use std::process::ExitCode;

/// `rolehop policy help` (`--zh` in Chinese).
fn usage_text(lang: Lang) -> String {
    let commands = [
        Command {
            synopsis: "rolehop policy build KIND [flags] [--json]
  trust:         --account UID [--user NAME]... [--role NAME]...
                 [--external-id ID] [--service DOMAIN]...
  oss-read-only: --account UID [--bucket NAME]... [--prefix P] [--no-console]
  assume-role:   --role-arn ARN | --account UID --role-name NAME
  post-object:   --bucket B (--key K | --key-prefix P)
                 (--expiration TIME | --now TIME --expires-in SECONDS)
                 [--content-length-range MIN,MAX] [--content-type PREFIX]
                 [--success-action-status CODE]",
            about: CliMessage::HelpPolicyBuild {},
        },
        Command {
            synopsis: "rolehop policy build --request FILE|-",
            about: CliMessage::HelpPolicyBuildRequest {},
        },
        Command {
            synopsis: "rolehop policy lint FILE|- [--kind identity|trust|session] [--read-only] [--trusted ARN]...
                  [--fail-on error|security-warning|warning|suggestion] [--zh] [--json]",
            about: CliMessage::HelpPolicyLint {},
        },
        Command {
            synopsis: "rolehop policy simulate [--identity NAME|@FILE]... [--session FILE] [--trust FILE]
                  [--principal ARN] --action ACTION [--resource ARN] [--context KEY=VALUE]...
                  [--zh] [--json]",
            about: CliMessage::HelpPolicySimulate {},
        },
        Command {
            synopsis: "rolehop policy simulate --request FILE|-",
            about: CliMessage::HelpPolicySimulateRequest {},
        },
    ];
    help::usage_text(None, &commands, &[CliMessage::HelpZh {}], lang)
}

const COMMANDS: &str = "build, lint, simulate";
const KINDS: &str = "trust, oss-read-only, assume-role, post-object";

/// Flags that take no value.
const SWITCHES: &[&str] = &["--json", "--no-console", "--read-only", "--zh", "--help"];

pub fn run(args: &[&str]) -> ExitCode {
    let lang = help::lang_of(args);
    let usage = |problem: CliMessage| {
        help::usage_error("rolehop policy", &problem, &usage_text(lang), lang)
    };
    let (command, rest) =
        match help::command_or_help("rolehop policy", args, COMMANDS, &usage_text(lang), lang) {
            Ok(found) => found,
            Err(code) => return code,
        };
    let (command, rest) = (&command, rest.as_slice());
    let parsed = match Args::parse(rest, SWITCHES) {
        Ok(a) => a,
        Err(problem) => return usage(problem),
    };
    let outcome = match *command {
        "build" => build(&parsed),
        "lint" => lint(&parsed),
        "simulate" => simulate(&parsed),
        other => {
            return usage(CliMessage::UnknownCommand {
                command: format!("{other:?}"),
                commands: COMMANDS.into(),
            })
        }
    };
    match outcome {
        Ok(code) => code,
        Err(Failure::Usage(problem)) => usage(problem),
        Err(Failure::Input(error)) => {
            if parsed.has("json") {
                println!("{}", contract::to_text(&Err(error)));
            } else {
                eprintln!("rolehop: {}", error.words(lang));
            }
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Usage(CliMessage),
    Input(rolehop::Error),
}

impl From<rolehop::Error> for Failure {
    fn from(e: rolehop::Error) -> Self {
        Failure::Input(e)
    }
}

fn read_source(source: &str) -> Result<String, Failure> {
    let mut text = String::new();
    let result = if source == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(source).map(|t| text = t)
    };
    result.map_err(|e| {
        let text = CliMessage::ReadFailed {
            source: source.to_string(),
            reason: e.to_string(),
        };
        Failure::Input(rolehop::Error::said(rolehop::ErrorKind::InvalidJson, text))
    })?;
    Ok(text)
}

fn lang(args: &Args) -> Lang {
    if args.has("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// The message (`{id, args}`) at `key`, in the chosen language; a list of messages is a list of
/// sentences, one after the other.
fn text(value: &Value, key: &str, args: &Args) -> String {
    let lang = lang(args);
    match &value[key] {
        Value::Array(sentences) => {
            let words: Vec<String> = sentences.iter().map(|s| render_json(s, lang)).collect();
            words.join(if lang == Lang::Zh { "" } else { " " })
        }
        message => render_json(message, lang),
    }
}

/// A CLI message in the chosen language.
fn say(message: PolicyMessage, args: &Args) -> String {
    render(&message, lang(args))
}

fn build(args: &Args) -> Result<ExitCode, Failure> {
    let request = match args.one("request") {
        Some(source) => read_source(&source)?,
        None => build_request(args)?.to_string(),
    };
    let out = policy_build(&request)?;
    if args.has("json") {
        println!("{out}");
        return Ok(ExitCode::SUCCESS);
    }
    match out.get("text").and_then(Value::as_str) {
        Some(policy) => println!("{policy}"),
        None => println!("{}", out["policyText"].as_str().unwrap_or("")),
    }
    for s in out["statements"].as_array().into_iter().flatten() {
        eprintln!(
            "# {}: {}",
            s["path"].as_str().unwrap_or(""),
            text(s, "purpose", args)
        );
    }
    for f in out["findings"].as_array().into_iter().flatten() {
        eprintln!("{}", finding_line("policy", f, args));
    }
    Ok(ExitCode::SUCCESS)
}

/// Flags -> the policyBuild JSON request.
fn build_request(args: &Args) -> Result<Value, Failure> {
    let [kind] = args.words.as_slice() else {
        return Err(Failure::Usage(CliMessage::NeedsKind {
            kinds: KINDS.into(),
        }));
    };
    let mut req = Map::new();
    req.insert("kind".into(), json!(kind));
    let mut put = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            req.insert(key.into(), Value::String(v));
        }
    };
    match kind.as_str() {
        "trust" => {
            args.check(&["account", "user", "role", "external-id", "service"])
                .map_err(Failure::Usage)?;
            put("account", args.one("account"));
            put("externalId", args.one("external-id"));
            req.insert("users".into(), json!(args.all("user")));
            req.insert("roles".into(), json!(args.all("role")));
            req.insert("services".into(), json!(args.all("service")));
        }
        "oss-read-only" => {
            args.check(&["account", "bucket", "prefix"])
                .map_err(Failure::Usage)?;
            put("account", args.one("account"));
            put("prefix", args.one("prefix"));
            let buckets = args.all("bucket");
            if !buckets.is_empty() {
                req.insert("buckets".into(), json!(buckets));
            }
            req.insert("console".into(), json!(!args.has("no-console")));
        }
        "assume-role" => {
            args.check(&["role-arn", "account", "role-name"])
                .map_err(Failure::Usage)?;
            put("roleArn", args.one("role-arn"));
            put("account", args.one("account"));
            put("roleName", args.one("role-name"));
        }
        "post-object" => {
            args.check(&[
                "bucket",
                "key",
                "key-prefix",
                "expiration",
                "now",
                "expires-in",
                "content-length-range",
                "content-type",
                "success-action-status",
            ])
            .map_err(Failure::Usage)?;
            put("bucket", args.one("bucket"));
            put("key", args.one("key"));
            put("keyPrefix", args.one("key-prefix"));
            put("expiration", args.one("expiration"));
            put("now", args.one("now"));
            put("contentType", args.one("content-type"));
            put("successActionStatus", args.one("success-action-status"));
            if let Some(seconds) = args.one("expires-in") {
                let n: i64 = seconds.parse().map_err(|_| {
                    Failure::Usage(CliMessage::FlagSeconds {
                        flag: "--expires-in".into(),
                        value: format!("{seconds:?}"),
                    })
                })?;
                req.insert("expiresIn".into(), json!(n));
            }
            if let Some(range) = args.one("content-length-range") {
                let bounds: Vec<u64> = range
                    .split(',')
                    .filter_map(|n| n.trim().parse().ok())
                    .collect();
                let [min, max] = bounds.as_slice() else {
                    return Err(Failure::Usage(CliMessage::FlagForm {
                        flag: "--content-length-range".into(),
                        form: "MIN,MAX".into(),
                        value: format!("{range:?}"),
                    }));
                };
                req.insert("contentLengthRange".into(), json!([min, max]));
            }
        }
        other => {
            return Err(Failure::Usage(CliMessage::UnknownKind {
                kind: format!("{other:?}"),
                kinds: KINDS.into(),
            }))
        }
    }
    Ok(Value::Object(req))
}

const LEVELS: [&str; 4] = ["error", "security-warning", "warning", "suggestion"];

fn lint(args: &Args) -> Result<ExitCode, Failure> {
    args.check(&["kind", "trusted", "fail-on"])
        .map_err(Failure::Usage)?;
    let [source] = args.words.as_slice() else {
        return Err(Failure::Usage(CliMessage::NeedsFile {}));
    };
    let fail_on = args.one("fail-on").unwrap_or_else(|| "error".into());
    let Some(threshold) = LEVELS.iter().position(|l| *l == fail_on) else {
        return Err(Failure::Usage(CliMessage::FlagOneOf {
            flag: "--fail-on".into(),
            values: LEVELS.join(", "),
            value: format!("{fail_on:?}"),
        }));
    };
    let policy = read_source(source)?;
    let mut req = json!({ "policy": policy, "trustedPrincipals": args.all("trusted") });
    if let Some(kind) = args.one("kind") {
        req["kind"] = json!(kind);
    }
    if args.has("read-only") {
        req["intent"] = json!("read-only");
    }
    let out = policy_lint(&req.to_string())?;
    let findings = out["findings"].as_array().cloned().unwrap_or_default();
    let failing = findings.iter().any(|f| {
        LEVELS
            .iter()
            .position(|l| Some(*l) == f["level"].as_str())
            .is_some_and(|p| p <= threshold)
    });
    if args.has("json") {
        println!("{out}");
    } else {
        let s = &out["summary"];
        let n = |key: &str| s[key].as_u64().unwrap_or(0) as usize;
        let summary = PolicyMessage::CliLintSummary {
            source: source.to_string(),
            kind: out["kind"].as_str().unwrap_or("").to_string(),
            count: findings.len(),
            errors: n("error"),
            security_warnings: n("securityWarning"),
            warnings: n("warning"),
            suggestions: n("suggestion"),
        };
        println!("{}", say(summary, args));
        for f in &findings {
            println!("{}", finding_line(source, f, args));
        }
    }
    Ok(if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `FILE:LINE:COLUMN: level[code] $.path: message` and the fix below it.
fn finding_line(source: &str, f: &Value, args: &Args) -> String {
    let position = match (f["line"].as_u64(), f["column"].as_u64()) {
        (Some(l), Some(c)) => format!("{source}:{l}:{c}"),
        _ => source.to_string(),
    };
    let mut line = format!(
        "{position}: {}[{}] {}: {}",
        f["level"].as_str().unwrap_or(""),
        f["code"].as_str().unwrap_or(""),
        f["path"].as_str().unwrap_or(""),
        text(f, "message", args)
    );
    if let Some(fix) = f.get("fix") {
        let description = render_json(&fix["description"], lang(args));
        line.push_str("\n    ");
        line.push_str(&say(PolicyMessage::CliFix { fix: description }, args));
        if let Some(snippet) = fix["snippet"].as_str() {
            let snippet = snippet.to_string();
            let replace = match fix["path"].as_str() {
                Some(path) => PolicyMessage::CliReplaceAt {
                    path: path.to_string(),
                    snippet,
                },
                None => PolicyMessage::CliReplaceWith { snippet },
            };
            line.push_str("\n    ");
            line.push_str(&say(replace, args));
        }
    }
    line
}

fn simulate(args: &Args) -> Result<ExitCode, Failure> {
    let request = match args.one("request") {
        Some(source) => read_source(&source)?,
        None => simulate_request(args)?.to_string(),
    };
    let out = policy_simulate(&request)?;
    if args.has("json") {
        println!("{out}");
    } else {
        print_decision(&out, args);
    }
    let allowed = out["decision"] == "Allow"
        || out["decisions"]
            .as_array()
            .is_some_and(|d| d.iter().all(|x| x == "Allow"))
        || out["results"]
            .as_array()
            .is_some_and(|r| r.iter().all(|x| x["decision"] == "Allow"));
    Ok(if allowed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

fn simulate_request(args: &Args) -> Result<Value, Failure> {
    args.check(&[
        "identity",
        "session",
        "trust",
        "principal",
        "action",
        "resource",
        "context",
    ])
    .map_err(Failure::Usage)?;
    if !args.words.is_empty() {
        return Err(Failure::Usage(CliMessage::UnexpectedArgument {
            argument: format!("{:?}", args.words[0]),
        }));
    }
    let mut req = Map::new();
    let identity = args.all("identity");
    if !identity.is_empty() || args.one("trust").is_none() {
        let mut entries = Vec::new();
        for item in identity {
            entries.push(match item.strip_prefix('@') {
                Some(file) => json!({ "name": file, "document": read_source(file)? }),
                None => json!(item),
            });
        }
        req.insert("identityPolicies".into(), Value::Array(entries));
    }
    for (flag, key) in [("session", "sessionPolicy"), ("trust", "trustPolicy")] {
        if let Some(file) = args.one(flag) {
            req.insert(
                key.into(),
                json!({ "name": file, "document": read_source(&file)? }),
            );
        }
    }
    let action = args.one("action").ok_or_else(|| {
        Failure::Usage(CliMessage::NeedsFlag {
            flag: "--action".into(),
        })
    })?;
    let mut request =
        json!({ "action": action, "resource": args.one("resource").unwrap_or_else(|| "*".into()) });
    if let Some(p) = args.one("principal") {
        request["principal"] = json!(p);
    }
    let mut context = Map::new();
    for pair in args.all("context") {
        let Some((k, v)) = pair.split_once('=') else {
            return Err(Failure::Usage(CliMessage::FlagForm {
                flag: "--context".into(),
                form: "KEY=VALUE".into(),
                value: format!("{pair:?}"),
            }));
        };
        match context.get_mut(k) {
            Some(Value::Array(values)) => values.push(json!(v)),
            _ => {
                context.insert(k.to_string(), json!([v]));
            }
        }
    }
    request["context"] = Value::Object(context);
    req.insert("request".into(), request);
    Ok(Value::Object(req))
}

fn print_decision(out: &Value, args: &Args) {
    let single = [out.clone()];
    let results: &[Value] = match out.get("results").and_then(Value::as_array) {
        Some(r) => r,
        None if out.get("decision").is_some() => &single,
        None => {
            for d in out["decisions"].as_array().into_iter().flatten() {
                println!("{}", d.as_str().unwrap_or(""));
            }
            return;
        }
    };
    for (i, r) in results.iter().enumerate() {
        if i > 0 {
            println!();
        }
        let decision = r["decision"].as_str().unwrap_or("").to_string();
        println!("{}", say(PolicyMessage::CliDecision { decision }, args));
        for d in r["deciding"].as_array().into_iter().flatten() {
            let assumed = if d["assumed"] == true {
                format!("  {}", say(PolicyMessage::CliAssumed {}, args))
            } else {
                String::new()
            };
            println!(
                "  {} {}  {:?}  {}{assumed}",
                d["effect"].as_str().unwrap_or(""),
                d["side"].as_str().unwrap_or(""),
                d["policy"].as_str().unwrap_or(""),
                d["path"].as_str().unwrap_or("")
            );
        }
        for m in r["conditionsNotMet"].as_array().into_iter().flatten() {
            let missed = PolicyMessage::CliConditionNotMet {
                policy: m["policy"].as_str().unwrap_or("").to_string(),
                condition: m["condition"].as_str().unwrap_or("").to_string(),
            };
            println!("  {}", say(missed, args));
        }
        let missing: Vec<&str> = r["missingContextKeys"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if !missing.is_empty() {
            let keys = missing.join(", ");
            println!("  {}", say(PolicyMessage::CliMissingKeys { keys }, args));
        }
        println!("{}", text(r, "explanation", args));
    }
}
