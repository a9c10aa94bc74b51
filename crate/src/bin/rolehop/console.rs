//! `rolehop console PROFILE` and `rolehop credentials PROFILE`: assume a profile's role with your
//! own credentials, then open the console as that role through the federation sign-in (or print
//! the role's credentials for scripts). The core builds every request and reads every answer;
//! this file only sends them, reads files and the clock, and picks the exit code.

use crate::args::Args;
use crate::caller;
use crate::help::{self, Command};
use crate::http::{Client, Unreachable};
use rolehop::api::{
    self, assume_role_request, login_url, parse_signin_token, read_only_session_policy,
    session_name_from_caller, signin_token_request, Action, Answer, ApiResult, AssumeRoleResult,
    Credentials, HttpResponse, Refusal, SessionSpec, SigninOutcome,
};
use rolehop::catalog::{self, Lang};
use rolehop::checks::sign_in;
use rolehop::message::{CliMessage, SigninMessage};
use rolehop::profile::{self, Profile, Site};
use rolehop::time::UtcTime;
use std::process::ExitCode;

/// `rolehop console --help` (`--zh` in Chinese).
fn usage_text(lang: Lang) -> String {
    let commands = [
        Command {
            synopsis: "rolehop console PROFILE [--profiles FILE] [--aliyun-profile NAME] [--duration SECONDS]
               [--session-name NAME] [--read-only | --policy FILE] [--destination URL]
               [--print] [--zh]",
            about: CliMessage::HelpConsoleOpen {},
        },
        Command {
            synopsis: "rolehop credentials PROFILE [--profiles FILE] [--aliyun-profile NAME] [--duration SECONDS]
               [--session-name NAME] [--read-only | --policy FILE] [--format env|process] [--zh]",
            about: CliMessage::HelpConsoleCredentials {},
        },
    ];
    let notes = [
        CliMessage::HelpConsoleProfiles {},
        CliMessage::HelpConsoleYourCredentials {},
        CliMessage::HelpConsoleExitCodes {},
        CliMessage::HelpZh {},
    ];
    help::usage_text(None, &commands, &notes, lang)
}

const SWITCHES: &[&str] = &["--read-only", "--print", "--zh"];

/// Why a command stopped, each with its exit code.
enum Stop {
    Usage(CliMessage),
    /// Bad input (exit code 1), after the flag it came from (`--duration: `) when there is one.
    Input(&'static str, rolehop::Error),
    /// Bad input only the environment or the HTTP client can name (exit code 1).
    Text(String),
    Said(u8, SigninMessage),
    /// Said, then the policy document its fix names (indented, as `rolehop check diagnose` shows it).
    SaidWith(u8, SigninMessage, String),
}

/// Bad input in the CLI's own words.
fn input(message: CliMessage) -> Stop {
    Stop::Input(
        "",
        rolehop::Error::said(rolehop::ErrorKind::InvalidValue, message),
    )
}

impl From<rolehop::Error> for Stop {
    fn from(e: rolehop::Error) -> Stop {
        Stop::Input("", e)
    }
}

pub fn run(command: &str, args: &[&str]) -> ExitCode {
    let lang = help::lang_of(args);
    let usage =
        |problem: CliMessage| help::usage_error("rolehop", &problem, &usage_text(lang), lang);
    if args.iter().any(|a| matches!(*a, "help" | "--help" | "-h")) {
        return help::print_help(&usage_text(lang));
    }
    let parsed = match Args::parse(args, SWITCHES) {
        Ok(a) => a,
        Err(problem) => return usage(problem),
    };
    let outcome = match command {
        "console" => console(&parsed),
        _ => credentials(&parsed),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Stop::Usage(problem)) => usage(problem),
        Err(Stop::Input(at, error)) => {
            eprintln!("rolehop: {at}{}", error.words(lang));
            ExitCode::from(1)
        }
        Err(Stop::Text(message)) => {
            eprintln!("rolehop: {message}");
            ExitCode::from(1)
        }
        Err(Stop::Said(code, message)) => {
            eprintln!("rolehop: {}", catalog::render(&message, lang));
            ExitCode::from(code)
        }
        Err(Stop::SaidWith(code, message, snippet)) => {
            eprintln!("rolehop: {}", catalog::render(&message, lang));
            for line in snippet.lines() {
                eprintln!("  {line}");
            }
            ExitCode::from(code)
        }
    }
}

const COMMON: [&str; 7] = [
    "profiles",
    "aliyun-profile",
    "duration",
    "session-name",
    "policy",
    "read-only",
    "zh",
];

fn console(args: &Args) -> Result<(), Stop> {
    let mut known = COMMON.to_vec();
    known.extend(["destination", "print"]);
    args.check(&known).map_err(Stop::Usage)?;
    let client = Client::from_env().map_err(Stop::Text)?;
    let (profile, session) = assume(args, &client)?;
    let site = profile.site;
    let destination = args
        .one("destination")
        .unwrap_or_else(|| api::default_destination(site).to_string());
    api::check_destination(&destination, "--destination")?;
    let request = signin_token_request(&session.credentials, site)?;
    let answer = send(&client, &request.url, &request.headers, &request.body)?;
    let token = match parse_signin_token(&answer)? {
        SigninOutcome::Token(token) => token,
        SigninOutcome::Refused(e) => {
            return Err(Stop::Said(
                6,
                SigninMessage::TokenRefused {
                    code: e.code,
                    message: e.message,
                },
            ))
        }
    };
    let url = login_url(
        site,
        api::default_login_url(site),
        &destination,
        &token.signin_token,
    )?;
    let lang = if args.has("zh") { Lang::Zh } else { Lang::En };
    if args.has("print") {
        eprintln!(
            "{}",
            catalog::render(&SigninMessage::LoginUrlSecret {}, lang)
        );
        println!("{url}");
        return Ok(());
    }
    open_browser(&url).map_err(|reason| Stop::Said(9, SigninMessage::BrowserFailed { reason }))?;
    let opened = SigninMessage::Opened {
        arn: session.assumed_role_user.arn,
        expiration: session.credentials.expiration,
    };
    eprintln!("{}", catalog::render(&opened, lang));
    Ok(())
}

fn credentials(args: &Args) -> Result<(), Stop> {
    let mut known = COMMON.to_vec();
    known.push("format");
    args.check(&known).map_err(Stop::Usage)?;
    let format = args.one("format").unwrap_or_else(|| "env".to_string());
    if !matches!(format.as_str(), "env" | "process") {
        return Err(Stop::Usage(CliMessage::FlagOneOf {
            flag: "--format".into(),
            values: "env, process".into(),
            value: format!("{format:?}"),
        }));
    }
    let client = Client::from_env().map_err(Stop::Text)?;
    let (_, session) = assume(args, &client)?;
    let c = &session.credentials;
    if format == "process" {
        // The aliyun CLI's External mode runs a process and reads this JSON from its stdout.
        let out = serde_json::json!({
            "mode": "StsToken",
            "access_key_id": c.access_key_id,
            "access_key_secret": c.access_key_secret,
            "sts_token": c.security_token,
        });
        println!("{out}");
    } else {
        for (name, value) in [
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", &c.access_key_id),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", &c.access_key_secret),
            ("ALIBABA_CLOUD_SECURITY_TOKEN", &c.security_token),
        ] {
            println!("export {name}={}", shell_quote(value));
        }
    }
    Ok(())
}

/// `'…'` with every `'` written as `'\''`: safe for any value in sh, bash and zsh.
fn shell_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// The profile and its assumed role session (your credentials -> AssumeRole).
fn assume(args: &Args, client: &Client) -> Result<(Profile, AssumeRoleResult), Stop> {
    let [id] = args.words.as_slice() else {
        return Err(Stop::Usage(CliMessage::NeedsProfile {}));
    };
    let profile = find_profile(args, id)?;
    let Some(role_arn) = profile.role_arn.clone() else {
        return Err(Stop::Said(
            1,
            SigninMessage::ProfileNeedsUid {
                id: profile.id.clone(),
            },
        ));
    };
    let own = own_credentials(args)?;
    let policy = match (args.has("read-only"), args.one("policy")) {
        (true, Some(_)) => {
            return Err(Stop::Usage(CliMessage::NotBoth {
                first: "--read-only".into(),
                second: "--policy".into(),
            }))
        }
        (true, None) => {
            let uid = profile.account_uid.as_deref().unwrap_or_default();
            Some(read_only_session_policy(uid)?)
        }
        (false, Some(file)) => Some(std::fs::read_to_string(&file).map_err(|e| {
            input(CliMessage::ReadFailed {
                source: file.clone(),
                reason: e.to_string(),
            })
        })?),
        (false, None) => None,
    };
    let duration_seconds = match args.one("duration") {
        Some(text) => Some(text.parse::<i64>().map_err(|_| {
            Stop::Usage(CliMessage::FlagSeconds {
                flag: "--duration".into(),
                value: format!("{text:?}"),
            })
        })?),
        None => None,
    };
    // Who you are: the default session name, and what the checks diagnose a refusal for.
    let mut caller = None;
    let session_name = match args.one("session-name") {
        Some(name) => name,
        None => {
            let arn = caller_arn(client, &own)?;
            let name = session_name_from_caller(&arn);
            caller = Some(arn);
            name
        }
    };
    let spec = SessionSpec {
        role_arn: role_arn.clone(),
        session_name,
        duration_seconds,
        policy,
    };
    let (time, nonce) = now();
    let request = assume_role_request(own.clone(), &spec, &time, &nonce).map_err(|e| {
        let at = e.path.as_deref().map(flag_of).unwrap_or_default();
        Stop::Input(at, e)
    })?;
    let body = request.body.clone().unwrap_or_default();
    let answer = send(client, &request.url, &request.headers, &body)?;
    if caller.is_none() && answer.status >= 400 {
        // Refused with --session-name given: ask who you are now, for the diagnosis only.
        caller = caller_arn(client, &own).ok();
    }
    let denied = Denied { role_arn, caller };
    match read(
        Action::AssumeRole,
        &answer,
        &request.signing.string_to_sign,
        &denied,
    )? {
        ApiResult::AssumeRole(result) => Ok((profile, result)),
        _ => Err(Stop::Text("AssumeRole answered something else".into())),
    }
}

/// The flag an AssumeRole field comes from, for its error.
fn flag_of(path: &str) -> &'static str {
    match path {
        "$.durationSeconds" => "--duration: ",
        "$.roleSessionName" => "--session-name: ",
        "$.policy" => "--policy: ",
        _ => "",
    }
}

/// Your ARN, from GetCallerIdentity (for the default session name).
fn caller_arn(client: &Client, own: &Credentials) -> Result<String, Stop> {
    let (time, nonce) = now();
    let mut input = api::RequestInput::new(Action::GetCallerIdentity, own.clone(), time);
    input.nonce = Some(nonce);
    let request = api::build(&input)?;
    let answer = send(
        client,
        &request.url,
        &request.headers,
        request.body.as_deref().unwrap_or_default(),
    )?;
    let denied = Denied {
        role_arn: String::new(),
        caller: None,
    };
    match read(
        Action::GetCallerIdentity,
        &answer,
        &request.signing.string_to_sign,
        &denied,
    )? {
        ApiResult::CallerIdentity(me) => Ok(me.arn),
        _ => Err(Stop::Text(
            "GetCallerIdentity answered something else".into(),
        )),
    }
}

/// The typed result, or the refusal named with its exit code. `denied` describes a refusal that
/// is not about your credentials (AssumeRole's role ARN, and your ARN for the checks' diagnosis).
fn read(
    action: Action,
    answer: &HttpResponse,
    string_to_sign: &str,
    denied: &Denied,
) -> Result<ApiResult, Stop> {
    let outcome = api::parse(action, answer, Some(string_to_sign))?;
    let e = match outcome {
        Answer::Success(result) => return Ok(result),
        Answer::Failure(e) => e,
    };
    let named = sign_in::name_refusal(action, &e, &denied.role_arn, denied.caller.as_deref());
    let exit = match named.refusal {
        Refusal::Caller => 4,
        Refusal::AssumeRole => 5,
        Refusal::ClockSkew => 7,
    };
    match named.snippet {
        Some(snippet) => Err(Stop::SaidWith(exit, named.text, snippet)),
        None => Err(Stop::Said(exit, named.text)),
    }
}

/// What a refusal of AssumeRole names: the role, and your ARN for the checks' diagnosis.
struct Denied {
    role_arn: String,
    caller: Option<String>,
}

/// Sends one request; no answer at all is exit code 8.
fn send(
    client: &Client,
    url: &str,
    headers: &[(String, String)],
    body: &str,
) -> Result<HttpResponse, Stop> {
    client
        .post(url, headers, body)
        .map_err(|Unreachable { host, reason }| {
            Stop::Said(8, SigninMessage::Unreachable { host, reason })
        })
}

/// The instant (ISO 8601 UTC) and a nonce unique to this request.
fn now() -> (String, String) {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let time = UtcTime {
        unix: since.as_secs() as i64,
    }
    .to_iso8601();
    let nonce = format!(
        "rolehop-{}-{}-{}",
        since.as_nanos(),
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    );
    (time, nonce)
}

/// Your credentials: --aliyun-profile NAME, else the environment.
fn own_credentials(args: &Args) -> Result<Credentials, Stop> {
    let Some(name) = args.one("aliyun-profile") else {
        return caller::from_env().map_err(|m| Stop::Said(3, m));
    };
    let file =
        caller::aliyun_config_path().ok_or_else(|| input(CliMessage::AliyunConfigNeedsHome {}))?;
    let text = std::fs::read_to_string(&file).map_err(|_| {
        Stop::Said(
            3,
            SigninMessage::AliyunProfileMissing {
                name: name.clone(),
                file: file.clone(),
            },
        )
    })?;
    caller::from_aliyun_config(&text, &file, &name).map_err(|m| Stop::Said(3, m))
}

/// The default profile file: `$XDG_CONFIG_HOME/rolehop/profiles.ini`, else
/// `~/.config/rolehop/profiles.ini`.
fn default_profiles() -> Option<String> {
    let base = match std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => std::path::PathBuf::from(dir),
        None => std::path::Path::new(&std::env::var_os("HOME")?).join(".config"),
    };
    Some(
        base.join("rolehop")
            .join("profiles.ini")
            .to_string_lossy()
            .into_owned(),
    )
}

/// The valid profile `id` (ignoring case) of the profile file.
fn find_profile(args: &Args, id: &str) -> Result<Profile, Stop> {
    let file = match args.one("profiles") {
        Some(f) => f,
        None => default_profiles().ok_or_else(|| {
            Stop::Usage(CliMessage::NoHome {
                flag: "--profiles FILE".into(),
            })
        })?,
    };
    let text = std::fs::read_to_string(&file).map_err(|e| {
        input(CliMessage::ReadFailed {
            source: file.clone(),
            reason: e.to_string(),
        })
    })?;
    let parsed = profile::parse(&text, Site::Cn);
    parsed
        .profiles
        .into_iter()
        .find(|p| p.id.eq_ignore_ascii_case(id))
        .ok_or(Stop::Said(
            1,
            SigninMessage::ProfileNotFound {
                id: id.into(),
                file,
            },
        ))
}

/// Opens `url` in the default browser (the URL is used at once: the token lives 30 seconds).
fn open_browser(url: &str) -> Result<(), String> {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("rundll32");
        c.arg("url.dll,FileProtocolHandler");
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let status = command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(status.to_string())
    }
}
