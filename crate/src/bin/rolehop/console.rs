//! `rolehop console PROFILE` and `rolehop credentials PROFILE`: assume a profile's role with your
//! own credentials, then open the console as that role through the federation sign-in (or print
//! the role's credentials for scripts). The core builds every request and reads every answer;
//! this file only sends them, reads files and the clock, and picks the exit code.

use crate::args::Args;
use crate::caller;
use crate::http::{Client, Unreachable};
use rolehop::api::{
    self, assume_role_request, login_url, parse_signin_token, read_only_session_policy,
    session_name_from_caller, signin_token_request, Action, Answer, ApiResult, AssumeRoleResult,
    Credentials, HttpResponse, Refusal, SessionSpec, SigninOutcome,
};
use rolehop::catalog::{self, Lang};
use rolehop::message::SigninMessage;
use rolehop::profile::{self, Profile, Site};
use rolehop::time::UtcTime;
use std::process::ExitCode;

pub const USAGE: &str =
    "  rolehop console PROFILE [--profiles FILE] [--aliyun-profile NAME] [--duration SECONDS]
                 [--session-name NAME] [--read-only | --policy FILE] [--destination URL]
                 [--print] [--zh]
                             assume PROFILE's role with your credentials, then open the console
                             as that role in the default browser (--print: print the Login URL,
                             valid 30 seconds, instead)
  rolehop credentials PROFILE [--profiles FILE] [--aliyun-profile NAME] [--duration SECONDS]
                 [--session-name NAME] [--read-only | --policy FILE] [--format env|process] [--zh]
                             the role's STS credentials as shell exports (env) or as the aliyun
                             CLI's external credential process JSON (process)
  --profiles: the profile file (default $XDG_CONFIG_HOME/rolehop/profiles.ini, else
              ~/.config/rolehop/profiles.ini)
  your credentials: ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and (STS)
              ALIBABA_CLOUD_SECURITY_TOKEN, or --aliyun-profile NAME (an AccessKey or StsToken
              profile of ~/.aliyun/config.json)
  exit codes: 0 done, 1 bad input (profile or policy file, values), 2 usage, 3 no credentials,
              4 your credentials refused or expired, 5 AssumeRole refused, 6 sign-in token
              refused, 7 clock skew, 8 network, 9 browser not opened";

const SWITCHES: &[&str] = &["--read-only", "--print", "--zh"];

/// Why a command stopped, each with its exit code.
enum Stop {
    Usage(String),
    Input(String),
    Said(u8, SigninMessage),
}

pub fn run(command: &str, args: &[&str]) -> ExitCode {
    if args.iter().any(|a| matches!(*a, "help" | "--help" | "-h")) {
        println!("Usage:\n{USAGE}");
        return ExitCode::SUCCESS;
    }
    let parsed = match Args::parse(args, SWITCHES) {
        Ok(a) => a,
        Err(e) => return usage(&e),
    };
    let lang = if parsed.has("zh") { Lang::Zh } else { Lang::En };
    let outcome = match command {
        "console" => console(&parsed),
        _ => credentials(&parsed),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Stop::Usage(message)) => usage(&message),
        Err(Stop::Input(message)) => {
            eprintln!("rolehop: {message}");
            ExitCode::from(1)
        }
        Err(Stop::Said(code, message)) => {
            eprintln!("rolehop: {}", catalog::render(&message, lang));
            ExitCode::from(code)
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("rolehop: {message}\n\nUsage:\n{USAGE}");
    ExitCode::from(2)
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
    let client = Client::from_env().map_err(Stop::Input)?;
    let (profile, session) = assume(args, &client)?;
    let site = profile.site;
    let destination = args
        .one("destination")
        .unwrap_or_else(|| api::default_destination(site).to_string());
    api::check_destination(&destination, "--destination")
        .map_err(|e| Stop::Input(e.to_string()))?;
    let request =
        signin_token_request(&session.credentials, site).map_err(|e| Stop::Input(e.to_string()))?;
    let answer = send(&client, &request.url, &request.headers, &request.body)?;
    let token = match parse_signin_token(&answer).map_err(|e| Stop::Input(e.to_string()))? {
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
    )
    .map_err(|e| Stop::Input(e.to_string()))?;
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
        return Err(Stop::Usage(format!(
            "--format is env or process, not {format:?}"
        )));
    }
    let client = Client::from_env().map_err(Stop::Input)?;
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
        return Err(Stop::Usage("give one PROFILE".into()));
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
            return Err(Stop::Usage("give --read-only or --policy, not both".into()))
        }
        (true, None) => {
            let uid = profile.account_uid.as_deref().unwrap_or_default();
            Some(read_only_session_policy(uid).map_err(|e| Stop::Input(e.to_string()))?)
        }
        (false, Some(file)) => Some(
            std::fs::read_to_string(&file)
                .map_err(|e| Stop::Input(format!("could not read --policy {file}: {e}")))?,
        ),
        (false, None) => None,
    };
    let duration_seconds = match args.one("duration") {
        Some(text) => Some(text.parse::<i64>().map_err(|_| {
            Stop::Usage(format!("--duration is a number of seconds, not {text:?}"))
        })?),
        None => None,
    };
    let session_name = match args.one("session-name") {
        Some(name) => name,
        None => session_name_from_caller(&caller_arn(client, &own)?),
    };
    let spec = SessionSpec {
        role_arn: role_arn.clone(),
        session_name,
        duration_seconds,
        policy,
    };
    let (time, nonce) = now();
    let request = assume_role_request(own, &spec, &time, &nonce).map_err(|e| {
        let at = e.path.as_deref().map(flag_of).unwrap_or_default();
        Stop::Input(format!("{at}{e}"))
    })?;
    let body = request.body.clone().unwrap_or_default();
    let answer = send(client, &request.url, &request.headers, &body)?;
    let denied = Denied { role_arn };
    match read(
        Action::AssumeRole,
        &answer,
        &request.signing.string_to_sign,
        &denied,
    )? {
        ApiResult::AssumeRole(result) => Ok((profile, result)),
        _ => Err(Stop::Input("AssumeRole answered something else".into())),
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
    let request = api::build(&input).map_err(|e| Stop::Input(e.to_string()))?;
    let answer = send(
        client,
        &request.url,
        &request.headers,
        request.body.as_deref().unwrap_or_default(),
    )?;
    let denied = Denied {
        role_arn: String::new(),
    };
    match read(
        Action::GetCallerIdentity,
        &answer,
        &request.signing.string_to_sign,
        &denied,
    )? {
        ApiResult::CallerIdentity(me) => Ok(me.arn),
        _ => Err(Stop::Input(
            "GetCallerIdentity answered something else".into(),
        )),
    }
}

/// The typed result, or the refusal named with its exit code. `denied` describes a refusal that
/// is not about your credentials (AssumeRole's role ARN and the hint's language).
fn read(
    action: Action,
    answer: &HttpResponse,
    string_to_sign: &str,
    denied: &Denied,
) -> Result<ApiResult, Stop> {
    let outcome =
        api::parse(action, answer, Some(string_to_sign)).map_err(|e| Stop::Input(e.to_string()))?;
    let e = match outcome {
        Answer::Success(result) => return Ok(result),
        Answer::Failure(e) => e,
    };
    let (refusal, message) = api::name_refusal(action, &e, &denied.role_arn);
    let exit = match refusal {
        Refusal::Caller => 4,
        Refusal::AssumeRole => 5,
        Refusal::ClockSkew => 7,
    };
    Err(Stop::Said(exit, message))
}

/// What a refusal of AssumeRole names.
struct Denied {
    role_arn: String,
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
    let file = caller::aliyun_config_path().ok_or_else(|| {
        Stop::Input("--aliyun-profile needs HOME to find ~/.aliyun/config.json".into())
    })?;
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
            Stop::Usage("no --profiles FILE and no HOME to find the default".into())
        })?,
    };
    let text = std::fs::read_to_string(&file)
        .map_err(|e| Stop::Input(format!("could not read the profile file {file}: {e}")))?;
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
