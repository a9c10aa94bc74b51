//! `profileParse`, `profileSerialize`, `profileImport`, `profileExport` and `switchUrl`: the
//! profile module behind the JSON contract. Problems in a profile TEXT are listed in `errors`
//! (with line:column); only a malformed request is a top-level `{"error"}`.

use crate::error::{Error, ErrorKind, Result};
use crate::message::ContractMessage;
use crate::profile::fields::{build, Key, Values};
use crate::profile::{self, Profile, Site, SwitchField};
use crate::read::{self, read_value};
use input::{
    first_problem, profile_from, ExportOptions, ExportProfiles, ProfileFields, ProfileImportInput,
    ProfileParseInput, ProfileSerializeInput, SwitchMarker, SwitchProfile,
};
use serde::Serialize;
use serde_json::Value;

mod answer;
pub mod input;

/// `profileParse` as JSON text, the wasm export's path: the answer is written directly (see
/// `answer`), without building a `Value` of it.
pub fn parse_text(input: &str) -> String {
    parse_answer(input).unwrap_or_else(|e| super::to_text(&Err(e)))
}

/// `profileParse`'s answer as JSON text, or the request's error (the wasm's popup module writes
/// that through its own writer, crate/src/wasm/narrow.rs).
pub fn parse_answer(input: &str) -> Result<String> {
    let value = read::parse_json(input)?;
    let req: ProfileParseInput = read_value(&value, "$", Some(&input::refused))?;
    let default_site = input::site(req.default_site, "$.defaultSite")?;
    Ok(answer::parsed_text(&profile::parse(req.text, default_site)))
}

/// `profileParse`: `{"text", "defaultSite"?}` -> `{profiles, errors}`.
pub fn parse(input: &str) -> Result<Value> {
    let value = read::parse_json(input)?;
    let req: ProfileParseInput = read_value(&value, "$", Some(&input::refused))?;
    let default_site = input::site(req.default_site, "$.defaultSite")?;
    Ok(to_value(&profile::parse(req.text, default_site)))
}

/// `profileSerialize`: `{"profiles": [Profile...]}` -> `{text}` (the canonical INI text).
pub fn serialize(input: &str) -> Result<Value> {
    let profiles = match valid_profiles(input) {
        Some(profiles) => profiles,
        None => {
            let value = read::parse_json(input)?;
            let req: ProfileSerializeInput = read_value(&value, "$", Some(&input::refused))?;
            req.profiles.0?
        }
    };
    let text = profile::to_text(&profiles);
    Ok(to_value(&ProfileSerializeResult { text }))
}

/// `profileSerialize`'s answer.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProfileSerializeResult {
    /// The canonical INI text: parsing it gives the same profiles back.
    pub text: String,
}

/// The profiles of a request whose every profile is valid, read without a JSON `Value` (a map
/// per profile costs more than checking it); `None` sends the request down the general path,
/// which names the first problem by its JSON path.
fn valid_profiles(input: &str) -> Option<Vec<Profile>> {
    use std::borrow::Cow;
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct JsonProfile<'a> {
        #[serde(borrow)]
        id: Cow<'a, str>,
        #[serde(borrow, default)]
        display_name: Option<Cow<'a, str>>,
        #[serde(borrow, default)]
        account: Option<Cow<'a, str>>,
        #[serde(borrow, default)]
        role_name: Option<Cow<'a, str>>,
        #[serde(borrow, default)]
        role_arn: Option<Cow<'a, str>>,
        #[serde(borrow, default)]
        site: Option<Cow<'a, str>>,
        #[serde(borrow, default)]
        group: Option<Cow<'a, str>>,
        #[serde(borrow, default)]
        color: Option<Cow<'a, str>>,
        #[serde(borrow, default)]
        note: Option<Cow<'a, str>>,
    }
    #[derive(serde::Deserialize)]
    struct Request<'a> {
        #[serde(borrow)]
        profiles: Vec<JsonProfile<'a>>,
    }
    let req: Request = serde_json::from_str(input).ok()?;
    let mut ids = std::collections::HashSet::with_capacity(req.profiles.len());
    let mut out = Vec::with_capacity(req.profiles.len());
    for p in &req.profiles {
        let id = p.id.as_ref();
        crate::profile::fields::check_id(id).ok()?;
        if !ids.insert(id.to_ascii_lowercase()) {
            return None;
        }
        let fields = ProfileFields {
            id: input::ProfileId(id),
            display_name: p.display_name.as_deref(),
            account: p.account.as_deref(),
            role_name: p.role_name.as_deref(),
            role_arn: p.role_arn.as_deref(),
            site: p.site.as_deref(),
            group: p.group.as_deref(),
            color: p.color.as_deref(),
            note: p.note.as_deref(),
        };
        out.push(profile_from(&fields).ok()?);
    }
    Some(out)
}

/// `switchUrl`: `{"profile": Profile | {account, roleName, site?}, "marker"?}` ->
/// `{url, exitUrl, site, parentAlias, roleName}`.
pub fn switch_url(input: &str) -> Result<Value> {
    let value = read::parse_json(input)?;
    let req: SwitchProfile = read_value(&value, "$", Some(&input::refused))?;
    let Some(target) = req.profile else {
        let text = ContractMessage::SwitchNoProfile {};
        return Err(Error::said(ErrorKind::MissingField, text).at("$.profile"));
    };
    let mut values: Values = [None; 8];
    for (key, value) in [
        (Key::Account, target.account),
        (Key::RoleName, target.role_name),
        (Key::RoleArn, target.role_arn),
        (Key::Site, target.site),
    ] {
        values[key.index()] = value.filter(|v| !v.is_empty());
    }
    let resolved = build("switch", &values, Site::Cn)
        .map_err(|problems| first_problem("$.profile", problems))?;
    let SwitchMarker { marker } = read_value(&value, "$", Some(&input::refused))?;
    let switch = profile::switch_url(
        &resolved.account,
        &resolved.role_name,
        resolved.site,
        marker,
    )
    .map_err(|(field, e)| {
        let path = match field {
            SwitchField::Account => "$.profile.account",
            SwitchField::RoleName => "$.profile.roleName",
            SwitchField::Marker => "$.marker",
        };
        Error::invalid_said(path, e.message)
    })?;
    Ok(to_value(&switch))
}

/// `profileImport`: `{"format": "aliyun-cli", "text", "defaultSite"?}` ->
/// `{profiles, text, skipped, errors}`.
pub fn import(input: &str) -> Result<Value> {
    let value = read::parse_json(input)?;
    check_format(&value)?;
    let req: ProfileImportInput = read_value(&value, "$", Some(&input::refused))?;
    let default_site = input::site(req.default_site, "$.defaultSite")?;
    let imported = profile::aliyun_cli::import(req.text, default_site);
    Ok(to_value(&ProfileImportResult {
        text: profile::to_text(&imported.profiles),
        profiles: imported.profiles,
        skipped: imported.skipped,
        errors: imported.errors,
    }))
}

/// `profileImport`'s answer.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProfileImportResult {
    pub profiles: Vec<Profile>,
    /// The profiles as canonical INI text.
    pub text: String,
    pub skipped: Vec<profile::aliyun_cli::Skipped>,
    /// Positions refer to the config.json text.
    pub errors: Vec<profile::ProfileError>,
}

/// `profileExport`: `{"format": "aliyun-cli", "profiles", "base"?, "sourceProfile"?}` ->
/// `{text, skipped, exported}`.
pub fn export(input: &str) -> Result<Value> {
    let value = read::parse_json(input)?;
    check_format(&value)?;
    let req: ExportProfiles = read_value(&value, "$", Some(&input::refused))?;
    let profiles = req.profiles.0?;
    let options: ExportOptions = read_value(&value, "$", Some(&input::refused))?;
    let exported = profile::aliyun_cli::export(&profiles, options.base, options.source_profile)
        .map_err(|e| if e.path.is_none() { e.at("$.base") } else { e })?;
    Ok(to_value(&exported))
}

/// The one format profileImport and profileExport read and write (~/.aliyun/config.json).
const FORMAT: &str = "aliyun-cli";

/// `$.format`, checked before the rest of the request is read: any JSON value but the one
/// format is refused in words that name it.
fn check_format(value: &Value) -> Result<()> {
    match read::object(value, "$")?.get("format") {
        None | Some(Value::Null) => {
            let text = ContractMessage::FormatMissing {
                format: FORMAT.into(),
                file: "~/.aliyun/config.json".into(),
            };
            Err(Error::said(ErrorKind::MissingField, text).at("$.format"))
        }
        Some(Value::String(f)) if f == FORMAT => Ok(()),
        Some(other) => {
            let text = ContractMessage::FormatUnknown {
                value: other.to_string(),
                format: FORMAT.into(),
                file: "~/.aliyun/config.json".into(),
            };
            Err(Error::said(ErrorKind::Unsupported, text).at("$.format"))
        }
    }
}

fn to_value<T: Serialize>(value: &T) -> Value {
    // Plain structs of strings, numbers and enums: serialising them cannot fail.
    serde_json::to_value(value).unwrap_or(Value::Null)
}
