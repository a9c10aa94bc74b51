//! Your own credentials (company B's), which assume the profile's role: the standard environment
//! variables, or an AccessKey / StsToken profile of the aliyun CLI's `~/.aliyun/config.json`.
//! Read into memory only; never printed.

use rolehop::api::Credentials;
use rolehop::message::SigninMessage;
use serde_json::Value;

const ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
const SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
const TOKEN: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// From the environment.
pub fn from_env() -> Result<Credentials, SigninMessage> {
    match (env(ID), env(SECRET)) {
        (Some(access_key_id), Some(access_key_secret)) => Ok(Credentials {
            access_key_id,
            access_key_secret,
            security_token: env(TOKEN),
        }),
        (None, None) => Err(SigninMessage::NoCredentials {}),
        (Some(_), None) => Err(SigninMessage::PartialCredentials {
            missing: SECRET.into(),
        }),
        (None, Some(_)) => Err(SigninMessage::PartialCredentials { missing: ID.into() }),
    }
}

/// The aliyun CLI's configuration file: `~/.aliyun/config.json`.
pub fn aliyun_config_path() -> Option<String> {
    let home = std::env::var_os("HOME")?;
    Some(
        std::path::Path::new(&home)
            .join(".aliyun")
            .join("config.json")
            .to_string_lossy()
            .into_owned(),
    )
}

/// From the aliyun CLI profile `name` of the config text read from `file` (modes `AK` and
/// `StsToken`; any other mode is named, not guessed at).
pub fn from_aliyun_config(
    text: &str,
    file: &str,
    name: &str,
) -> Result<Credentials, SigninMessage> {
    let missing = || SigninMessage::AliyunProfileMissing {
        name: name.into(),
        file: file.into(),
    };
    let config: Value = serde_json::from_str(text).map_err(|_| missing())?;
    let profile = config["profiles"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"].as_str() == Some(name))
        .ok_or_else(missing)?;
    let text = |key: &str| {
        profile[key]
            .as_str()
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let mode = text("mode").unwrap_or_default();
    let token = match mode.as_str() {
        "AK" => None,
        "StsToken" => text("sts_token"),
        _ => {
            return Err(SigninMessage::AliyunProfileMode {
                name: name.into(),
                mode,
            })
        }
    };
    match (text("access_key_id"), text("access_key_secret")) {
        (Some(access_key_id), Some(access_key_secret)) => Ok(Credentials {
            access_key_id,
            access_key_secret,
            security_token: token,
        }),
        _ => Err(SigninMessage::NoCredentials {}),
    }
}
