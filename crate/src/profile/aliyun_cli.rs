//! The aliyun CLI's `~/.aliyun/config.json`: its role profiles imported as switch profiles, and
//! switch profiles exported back into it.
//!
//! Import reads `RamRoleArn` and `ChainableRamRoleArn` profiles (`name`, `ram_role_arn`, `site`)
//! and never reads a credential: AccessKeys, STS tokens and private keys stay in the file.
//! Every other profile is listed as skipped, with the reason. Export writes one role profile per
//! switch profile whose account UID is known (the CLI needs the role ARN), merged into an
//! optional existing config.json whose other profiles and keys are kept as they are. RoleHop's
//! own fields (alias, display name, colour, group, note, site) go in a `rolehop` object of each
//! profile, which the CLI ignores, so that importing an export gives the same profiles back.

use super::fields::{self, check_id, Key, Values};
use super::hidden;
use super::model::{AccountKind, Profile, ProfileError, Site};
use super::{parse, to_text};
use crate::error::{Error, ErrorKind, Result};
use crate::message::{ContractMessage, ProfileMessage};
use crate::policy::json::{read, Json, Member, Node, Pos};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::HashSet;

/// The key of RoleHop's own fields inside a config.json profile.
const META_KEY: &str = "rolehop";

/// The CLI's modes whose profiles name a RAM role to assume.
const ROLE_MODES: [&str; 2] = ["RamRoleArn", "ChainableRamRoleArn"];

/// A config.json profile that was not imported or exported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "SkippedProfile"))]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub name: String,
    pub mode: String,
    pub reason: ProfileMessage,
}

/// What an import found.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Imported {
    pub profiles: Vec<Profile>,
    pub skipped: Vec<Skipped>,
    pub errors: Vec<ProfileError>,
}

/// One profile written by an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ExportedProfile {
    pub name: String,
    pub mode: String,
    /// `added` or `updated`.
    #[cfg_attr(test, ts(type = "\"added\" | \"updated\""))]
    pub action: &'static str,
    /// What the user still has to do for the CLI to use it, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub todo: Option<ProfileMessage>,
}

/// The config.json text and what went into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ProfileExportResult"))]
pub struct Exported {
    pub text: String,
    pub skipped: Vec<Skipped>,
    pub exported: Vec<ExportedProfile>,
}

fn member<'a>(members: &'a [Member], key: &str) -> Option<&'a Member> {
    members.iter().find(|m| m.key == key)
}

fn string_member<'a>(members: &'a [Member], key: &str) -> Option<(&'a str, Pos)> {
    member(members, key).and_then(|m| match &m.value.value {
        Json::String(s) => Some((s.as_str(), m.value.pos)),
        _ => None,
    })
}

fn is_role_mode(mode: &str) -> bool {
    ROLE_MODES.iter().any(|m| m.eq_ignore_ascii_case(mode))
}

fn skip_reason(mode: &str) -> ProfileMessage {
    match mode.to_ascii_lowercase().as_str() {
        "ak" => ProfileMessage::ImportSkipAccessKey {},
        "ststoken" => ProfileMessage::ImportSkipSts {},
        "ecsramrole" | "ramrolearnwithrolename" => ProfileMessage::ImportSkipEcs {},
        "oidc" => ProfileMessage::ImportSkipOidc {},
        "cloudsso" => ProfileMessage::ImportSkipCloudsso {},
        "" => ProfileMessage::ImportSkipNoMode {},
        _ => ProfileMessage::ImportSkipOtherMode {},
    }
}

/// Reads the role profiles of a config.json text.
pub fn import(text: &str, default_site: Site) -> Imported {
    let mut out = Imported::default();
    let error = |message: ProfileMessage, pos: Pos, field: Option<&str>| ProfileError {
        kind: ErrorKind::InvalidValue,
        message,
        line: pos.line,
        column: pos.column,
        profile: None,
        field: field.map(str::to_string),
        fix: None,
    };
    let root = match read(text) {
        Ok(root) => root,
        Err(e) => {
            out.errors.push(ProfileError {
                kind: ErrorKind::InvalidJson,
                message: ProfileMessage::ImportNotJson {},
                line: e.pos.line,
                column: e.pos.column,
                profile: None,
                field: None,
                fix: None,
            });
            return out;
        }
    };
    let Json::Object(top) = &root.value else {
        out.errors
            .push(error(ProfileMessage::ImportNotConfig {}, root.pos, None));
        return out;
    };
    let items = match member(top, "profiles").map(|m| &m.value) {
        Some(Node {
            value: Json::Array(items),
            ..
        }) => items,
        Some(other) => {
            out.errors.push(error(
                ProfileMessage::ImportProfilesNotArray {},
                other.pos,
                Some("profiles"),
            ));
            return out;
        }
        None => {
            out.errors
                .push(error(ProfileMessage::ImportNotConfig {}, root.pos, None));
            return out;
        }
    };
    let mut built = Vec::new();
    let mut ids = HashSet::new();
    for (index, item) in items.iter().enumerate() {
        let Json::Object(entry) = &item.value else {
            out.errors.push(error(
                ProfileMessage::ImportProfileNotObject {},
                item.pos,
                None,
            ));
            continue;
        };
        let (name, name_pos) = string_member(entry, "name").unwrap_or(("", item.pos));
        let mode = string_member(entry, "mode").map_or("", |(m, _)| m);
        // A skipped name is shown, not checked: its invisible characters are shown as such.
        let skip = |reason: ProfileMessage| Skipped {
            name: hidden::visible(name).into_owned(),
            mode: hidden::visible(mode).into_owned(),
            reason,
        };
        if !is_role_mode(mode) {
            out.skipped.push(skip(skip_reason(mode)));
            continue;
        }
        let Some((arn, arn_pos)) =
            string_member(entry, "ram_role_arn").filter(|(a, _)| !a.is_empty())
        else {
            let command = format!("aliyun configure --profile {name:?} --mode {mode}");
            out.skipped
                .push(skip(ProfileMessage::ImportSkipNoArn { command }));
            continue;
        };
        let id = match profile_id(name) {
            // A name without ASCII letters or digits (e.g. Chinese) stays the display name; the
            // id comes from the profile's position.
            id if id.is_empty() => format!("aliyun-cli-{}", index + 1),
            id => id,
        };
        if !ids.insert(id.to_ascii_lowercase()) {
            out.skipped
                .push(skip(ProfileMessage::ImportSkipDuplicate { id }));
            continue;
        }
        let meta = match member(entry, META_KEY).map(|m| &m.value.value) {
            Some(Json::Object(meta)) => meta.as_slice(),
            _ => &[],
        };
        let mut values: Values = [None; 8];
        let mut positions = [item.pos; 8];
        values[Key::RoleArn.index()] = Some(arn);
        positions[Key::RoleArn.index()] = arn_pos;
        for key in [
            Key::Account,
            Key::DisplayName,
            Key::Color,
            Key::Group,
            Key::Note,
            Key::Site,
        ] {
            if let Some((v, pos)) =
                string_member(meta, key.json_name()).filter(|(v, _)| !v.is_empty())
            {
                values[key.index()] = Some(v);
                positions[key.index()] = pos;
            }
        }
        let display_from_name = values[Key::DisplayName.index()].is_none() && id != name;
        if display_from_name {
            values[Key::DisplayName.index()] = Some(name);
            positions[Key::DisplayName.index()] = name_pos;
        }
        let cli_site =
            string_member(entry, "site").and_then(|(s, _)| match s.to_ascii_lowercase().as_str() {
                "international" | "intl" => Some(Site::Intl),
                "china" | "cn" => Some(Site::Cn),
                _ => None,
            });
        match fields::build(&id, &values, cli_site.unwrap_or(default_site)) {
            Ok(p) => built.push(p),
            Err(problems) => {
                for p in problems {
                    // The field is config.json's key (messages name fields as users know them).
                    let field = if p.key == Key::RoleArn {
                        "ram_role_arn".to_string()
                    } else if p.key == Key::DisplayName && display_from_name {
                        "name".to_string()
                    } else {
                        format!("{META_KEY}.{}", p.key.json_name())
                    };
                    let message = p.message;
                    let pos = positions[p.key.index()];
                    let column = if p.at_header {
                        pos.column
                    } else {
                        pos.column + 1 + p.offset
                    };
                    out.errors.push(ProfileError {
                        kind: p.kind,
                        message,
                        line: pos.line,
                        column,
                        profile: Some(hidden::visible(name).into_owned()),
                        field: Some(field),
                        fix: None,
                    });
                }
            }
        }
    }
    // The profiles as the canonical text reads them back (so `line` refers to that text).
    out.profiles = parse(&to_text(&built), default_site).profiles;
    out
}

/// A profile id from a CLI profile name: the name itself when it is one, else the name with each
/// other character replaced by `-` (at most 64 characters, no `-` at either end).
fn profile_id(name: &str) -> String {
    if check_id(name).is_ok() {
        return name.to_string();
    }
    let replaced: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .take(64)
        .collect();
    let trimmed = replaced.trim_matches('-');
    if trimmed.chars().any(|c| c.is_ascii_alphanumeric()) {
        trimmed.to_string()
    } else {
        String::new()
    }
}

/// RoleHop's fields for a profile, as stored under `rolehop` in config.json.
fn meta(p: &Profile) -> Value {
    let mut m = Map::new();
    if p.account_kind != AccountKind::Uid {
        m.insert("account".into(), json!(p.account));
    }
    if p.display_name != p.id {
        m.insert("displayName".into(), json!(p.display_name));
    }
    for (key, value) in [("color", &p.color), ("group", &p.group), ("note", &p.note)] {
        if let Some(v) = value {
            m.insert(key.into(), json!(v));
        }
    }
    m.insert("site".into(), json!(p.site.name()));
    Value::Object(m)
}

/// The aliyun CLI's configuration file, as its documentation names it.
const CONFIG_FILE: &str = "config.json";

/// Writes `profiles` as role profiles of a config.json: into `base` when given (its other
/// profiles and keys kept), else into a new one. New profiles use `ChainableRamRoleArn` from
/// `source_profile` when one is named, else `RamRoleArn` (whose AccessKey the user adds with
/// `aliyun configure`).
pub fn export(
    profiles: &[Profile],
    base: Option<&str>,
    source_profile: Option<&str>,
) -> Result<Exported> {
    let mut config = match base.filter(|b| !b.trim().is_empty()) {
        Some(text) => {
            let value: Value = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
                .map_err(|e| {
                    let text = ContractMessage::ExportBaseNotJson {
                        file: CONFIG_FILE.into(),
                        line: e.line(),
                        column: e.column(),
                    };
                    Error::said(ErrorKind::InvalidJson, text).at_position(e.line(), e.column())
                })?;
            match value {
                Value::Object(map) => map,
                _ => {
                    let text = ContractMessage::ExportBaseNotObject {
                        file: CONFIG_FILE.into(),
                        key: "profiles".into(),
                    };
                    return Err(Error::invalid_said("$.base", text));
                }
            }
        }
        None => {
            let mut map = Map::new();
            map.insert("current".into(), json!(""));
            map.insert("profiles".into(), json!([]));
            map.insert("meta_path".into(), json!(""));
            map
        }
    };
    let fresh = config.get("current").is_some_and(|c| c == "");
    let list = config.entry("profiles").or_insert_with(|| json!([]));
    let Value::Array(entries) = list else {
        let text = ContractMessage::ExportBaseProfilesNotArray {
            file: CONFIG_FILE.into(),
            key: "profiles".into(),
        };
        return Err(Error::invalid_said("$.base", text));
    };
    let name_of = |v: &Value| v.get("name").and_then(Value::as_str).map(str::to_string);
    if let (Some(source), Some(_)) = (source_profile, base) {
        if !entries
            .iter()
            .any(|e| name_of(e).as_deref() == Some(source))
        {
            let text = ContractMessage::ExportNoSourceProfile {
                file: CONFIG_FILE.into(),
                name: source.into(),
            };
            return Err(Error::invalid_said("$.sourceProfile", text));
        }
    }
    let source_region = source_profile
        .and_then(|s| entries.iter().find(|e| name_of(e).as_deref() == Some(s)))
        .and_then(|e| e.get("region_id"))
        .and_then(Value::as_str)
        .filter(|r| !r.is_empty())
        .unwrap_or("cn-hangzhou")
        .to_string();

    let mut skipped = Vec::new();
    let mut exported = Vec::new();
    for p in profiles {
        let (Some(arn), Some(_)) = (&p.role_arn, &p.account_uid) else {
            skipped.push(Skipped {
                name: p.id.clone(),
                mode: "RamRoleArn".into(),
                reason: ProfileMessage::ExportAliasNeedsUid {
                    account: p.account.clone(),
                    key: Key::RoleArn.ini_name().to_string(),
                    role: p.role_name.clone(),
                },
            });
            continue;
        };
        match entries
            .iter_mut()
            .find(|e| name_of(e).as_deref() == Some(&p.id))
        {
            Some(Value::Object(existing)) => {
                let mode = existing
                    .get("mode")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                if !is_role_mode(&mode) {
                    skipped.push(Skipped {
                        name: p.id.clone(),
                        mode: mode.clone(),
                        reason: ProfileMessage::ExportNameTaken {
                            name: p.id.clone(),
                            mode: mode.clone(),
                        },
                    });
                    continue;
                }
                existing.insert("ram_role_arn".into(), json!(arn));
                existing.insert(META_KEY.into(), meta(p));
                exported.push(ExportedProfile {
                    name: p.id.clone(),
                    mode,
                    action: "updated",
                    todo: None,
                });
            }
            Some(_) => {
                skipped.push(Skipped {
                    name: p.id.clone(),
                    mode: String::new(),
                    reason: ProfileMessage::ExportEntryNotObject {},
                });
            }
            None => {
                let mut entry = Map::new();
                entry.insert("name".into(), json!(p.id));
                let (mode, todo) = match source_profile {
                    Some(source) => {
                        entry.insert("mode".into(), json!("ChainableRamRoleArn"));
                        entry.insert("source_profile".into(), json!(source));
                        ("ChainableRamRoleArn", None)
                    }
                    None => {
                        entry.insert("mode".into(), json!("RamRoleArn"));
                        let command =
                            format!("aliyun configure --profile {} --mode RamRoleArn", p.id);
                        (
                            "RamRoleArn",
                            Some(ProfileMessage::ExportAddAccessKey { command }),
                        )
                    }
                };
                entry.insert("ram_role_arn".into(), json!(arn));
                entry.insert("ram_session_name".into(), json!("rolehop"));
                entry.insert("region_id".into(), json!(source_region));
                entry.insert("output_format".into(), json!("json"));
                entry.insert(META_KEY.into(), meta(p));
                entries.push(Value::Object(entry));
                exported.push(ExportedProfile {
                    name: p.id.clone(),
                    mode: mode.into(),
                    action: "added",
                    todo,
                });
            }
        }
    }
    if fresh {
        if let Some(first) = exported.first() {
            config.insert("current".into(), json!(first.name));
        }
    }
    Ok(Exported {
        text: to_tab_json(&Value::Object(config)),
        skipped,
        exported,
    })
}

/// JSON indented with tabs, as the aliyun CLI writes its config.json.
fn to_tab_json(value: &Value) -> String {
    use serde::Serialize as _;
    let mut buf = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"\t");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
    // Writing a Value into memory cannot fail.
    let _ = value.serialize(&mut ser);
    String::from_utf8(buf).unwrap_or_default()
}
