//! `profileParse`, `profileSerialize`, `profileImport`, `profileExport` and `switchUrl`: the
//! profile module behind the JSON contract. Problems in a profile TEXT are listed in `errors`
//! (with line:column); only a malformed request is a top-level `{"error"}`.

use crate::error::{Error, ErrorKind, Result};
use crate::fields::{child_path, parse_object, wrong_type, Object};
use crate::message::{ApiMessage, ContractMessage, ProfileMessage};
use crate::profile::fields::{build, Key, Values};
use crate::profile::{self, Profile, Site, SwitchField};
use serde_json::{json, Value};

mod answer;

/// `profileParse` as JSON text, the wasm export's path: the answer is written directly (see
/// `answer`), without building a `Value` of it.
pub fn parse_text(input: &str) -> String {
    parse_answer(input).unwrap_or_else(|e| super::to_text(&Err(e)))
}

/// `profileParse`'s answer as JSON text, or the request's error (the wasm's popup module writes
/// that through its own writer, crate/src/wasm/narrow.rs). The request is read as [`parse`] reads
/// it: typed deserialisation would link serde's float formatting into the popup's module.
pub fn parse_answer(input: &str) -> Result<String> {
    let req = parse_object(input)?;
    let text = req.required_str("text")?;
    let default_site = site_field(&req, "defaultSite")?.unwrap_or(Site::Cn);
    Ok(answer::parsed_text(&profile::parse(text, default_site)))
}

/// `profileParse`: `{"text", "defaultSite"?}` -> `{profiles, errors}`.
pub fn parse(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    let text = req.required_str("text")?;
    let default_site = site_field(&req, "defaultSite")?.unwrap_or(Site::Cn);
    Ok(to_value(&profile::parse(text, default_site)))
}

/// `profileSerialize`: `{"profiles": [Profile...]}` -> `{text}` (the canonical INI text).
pub fn serialize(input: &str) -> Result<Value> {
    if let Some(profiles) = valid_profiles(input) {
        return Ok(json!({ "text": profile::to_text(&profiles) }));
    }
    let mut req = parse_object(input)?;
    let profiles = profiles_field(&mut req)?;
    Ok(json!({ "text": profile::to_text(&profiles) }))
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
        let mut values: Values = [None; 8];
        for (key, value) in [
            (Key::DisplayName, &p.display_name),
            (Key::Account, &p.account),
            (Key::RoleName, &p.role_name),
            (Key::RoleArn, &p.role_arn),
            (Key::Site, &p.site),
            (Key::Group, &p.group),
            (Key::Color, &p.color),
            (Key::Note, &p.note),
        ] {
            // As in the general path: "" is absent, and a display name equal to the id is none.
            values[key.index()] = value.as_deref().filter(|v| !v.is_empty());
        }
        if values[Key::DisplayName.index()] == Some(id) {
            values[Key::DisplayName.index()] = None;
        }
        out.push(build(id, &values, Site::Cn).ok()?);
    }
    Some(out)
}

/// `switchUrl`: `{"profile": Profile | {account, roleName, site?}, "marker"?}` ->
/// `{url, exitUrl, site, parentAlias, roleName}`.
pub fn switch_url(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    let Some(target) = req.optional_object("profile")? else {
        let text = ContractMessage::SwitchNoProfile {};
        return Err(Error::said(ErrorKind::MissingField, text).at("$.profile"));
    };
    let mut values: Values = [None; 8];
    for key in [Key::Account, Key::RoleName, Key::RoleArn, Key::Site] {
        values[key.index()] = text_field(&target, key.json_name())?;
    }
    let resolved =
        build("switch", &values, Site::Cn).map_err(|problems| first_problem(&target, problems))?;
    let marker = req.optional_str("marker")?;
    let switch = profile::switch_url(
        &resolved.account,
        &resolved.role_name,
        resolved.site,
        marker,
    )
    .map_err(|(field, e)| {
        let path = match field {
            SwitchField::Account => target.child("account"),
            SwitchField::RoleName => target.child("roleName"),
            SwitchField::Marker => "$.marker".to_string(),
        };
        Error::invalid_said(path, e.message)
    })?;
    Ok(json!({
        "url": switch.url,
        "exitUrl": switch.exit_url,
        "site": switch.site.name(),
        "parentAlias": switch.parent_alias,
        "roleName": switch.role_name,
    }))
}

/// `profileImport`: `{"format": "aliyun-cli", "text", "defaultSite"?}` ->
/// `{profiles, text, skipped, errors}`.
pub fn import(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    check_format(&req)?;
    let text = req.required_str("text")?;
    let default_site = site_field(&req, "defaultSite")?.unwrap_or(Site::Cn);
    let imported = profile::aliyun_cli::import(text, default_site);
    Ok(json!({
        "profiles": to_value(&imported.profiles),
        "text": profile::to_text(&imported.profiles),
        "skipped": to_value(&imported.skipped),
        "errors": to_value(&imported.errors),
    }))
}

/// `profileExport`: `{"format": "aliyun-cli", "profiles", "base"?, "sourceProfile"?}` ->
/// `{text, skipped, exported}`.
pub fn export(input: &str) -> Result<Value> {
    let mut req = parse_object(input)?;
    check_format(&req)?;
    let profiles = profiles_field(&mut req)?;
    let base = req.optional_str("base")?;
    let source = req.optional_str("sourceProfile")?;
    let exported = profile::aliyun_cli::export(&profiles, base, source).map_err(|e| {
        if e.path.is_none() {
            e.at("$.base")
        } else {
            e
        }
    })?;
    Ok(to_value(&exported))
}

/// The one format profileImport and profileExport read and write (~/.aliyun/config.json).
const FORMAT: &str = "aliyun-cli";

fn check_format(req: &Object) -> Result<()> {
    match req.get("format") {
        None => {
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

fn site_field(req: &Object, name: &str) -> Result<Option<Site>> {
    req.optional_str(name)?
        .map(|s| {
            Site::from_name(s).ok_or_else(|| {
                let text = ProfileMessage::ProfileSiteInvalid { value: s.into() };
                Error::invalid_said(req.child(name), text)
            })
        })
        .transpose()
}

/// A profile's text field; null and "" are absent.
fn text_field<'a>(obj: &'a Object, name: &str) -> Result<Option<&'a str>> {
    Ok(obj.optional_str(name)?.filter(|s| !s.is_empty()))
}

/// `$.profiles`: every profile checked as the parser checks them.
/// Takes the array out of the request: each profile is read in place, not copied.
fn profiles_field(req: &mut Object) -> Result<Vec<Profile>> {
    let items = match req.map.remove("profiles") {
        None | Some(Value::Null) => return Err(Error::missing("$.profiles")),
        Some(Value::Array(items)) => items,
        Some(other) => return Err(wrong_type("$.profiles", ApiMessage::JsonArray {}, &other)),
    };
    let mut ids = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let obj = Object::new(item, format!("$.profiles[{i}]"))?;
        let p = profile_from(&obj)?;
        if let Some(first) = ids.insert(p.id.to_ascii_lowercase(), i) {
            let text = ContractMessage::ProfilesDuplicateId {
                id: p.id.clone(),
                first: format!("$.profiles[{first}]"),
            };
            return Err(Error::invalid_said(obj.child("id"), text));
        }
        out.push(p);
    }
    Ok(out)
}

/// One JSON profile, checked by the same rules as the INI text (derived fields such as
/// `accountKind`, `accountUid` and `line` are recomputed, not read).
pub fn profile_from(obj: &Object) -> Result<Profile> {
    let id = obj.required_str("id")?;
    crate::profile::fields::check_id(id)
        .map_err(|e| Error::invalid_said(obj.child("id"), e.message))?;
    let mut values: Values = [None; 8];
    for key in Key::ALL {
        values[key.index()] = text_field(obj, key.json_name())?;
    }
    if values[Key::DisplayName.index()] == Some(id) {
        values[Key::DisplayName.index()] = None;
    }
    build(id, &values, Site::Cn).map_err(|problems| first_problem(obj, problems))
}

fn first_problem(obj: &Object, problems: Vec<crate::profile::fields::Problem>) -> Error {
    match problems.into_iter().next() {
        Some(p) => Error::said(p.kind, p.message).at(child_path(&obj.path, p.key.json_name())),
        None => Error::invalid_said(obj.path.clone(), ContractMessage::ProfileInvalid {}),
    }
}

fn to_value<T: serde::Serialize>(value: &T) -> Value {
    // Plain structs of strings, numbers and enums: serialising them cannot fail.
    serde_json::to_value(value).unwrap_or(Value::Null)
}
