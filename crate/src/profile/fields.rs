//! The keys of a profile and the checks that turn their values into a [`Profile`]. Shared by the
//! INI parser (problems become line:column errors) and by everything that builds profiles from
//! JSON (problems become JSON paths).

use super::account::{self, invalid, Account, Invalid};
use super::hidden;
use super::model::{AccountKind, Profile, Site};
use crate::error::ErrorKind;
use crate::message::ProfileMessage;
use crate::policy::suggest::{closest, distance};

/// A key of a profile section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    DisplayName,
    Account,
    RoleName,
    RoleArn,
    Site,
    Group,
    Color,
    Note,
}

impl Key {
    /// Every key, in the order the canonical text writes them.
    pub const ALL: [Key; 8] = [
        Key::DisplayName,
        Key::Account,
        Key::RoleName,
        Key::RoleArn,
        Key::Site,
        Key::Group,
        Key::Color,
        Key::Note,
    ];

    /// The key as written in the INI text.
    pub fn ini_name(self) -> &'static str {
        match self {
            Key::DisplayName => "display_name",
            Key::Account => "account",
            Key::RoleName => "role_name",
            Key::RoleArn => "role_arn",
            Key::Site => "site",
            Key::Group => "group",
            Key::Color => "color",
            Key::Note => "note",
        }
    }

    /// The field of the JSON `Profile`.
    pub fn json_name(self) -> &'static str {
        match self {
            Key::DisplayName => "displayName",
            Key::Account => "account",
            Key::RoleName => "roleName",
            Key::RoleArn => "roleArn",
            Key::Site => "site",
            Key::Group => "group",
            Key::Color => "color",
            Key::Note => "note",
        }
    }

    pub fn from_ini(name: &str) -> Option<Key> {
        Some(match name {
            "display_name" => Key::DisplayName,
            "account" => Key::Account,
            "role_name" => Key::RoleName,
            "role_arn" => Key::RoleArn,
            "site" => Key::Site,
            "group" => Key::Group,
            "color" => Key::Color,
            "note" => Key::Note,
            _ => return None,
        })
    }

    /// The field's name as users know it ("Role name").
    pub fn label(self) -> ProfileMessage {
        match self {
            Key::DisplayName => ProfileMessage::FieldDisplayName {},
            Key::Account => ProfileMessage::FieldAccount {},
            Key::RoleName => ProfileMessage::FieldRoleName {},
            Key::RoleArn => ProfileMessage::FieldRoleArn {},
            Key::Site => ProfileMessage::FieldSite {},
            Key::Group => ProfileMessage::FieldGroup {},
            Key::Color => ProfileMessage::FieldColor {},
            Key::Note => ProfileMessage::FieldNote {},
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Names other tools use for a key, so that an unknown key can say which one is meant.
const SYNONYMS: [(&str, Key); 12] = [
    ("aws_account_id", Key::Account),
    ("account_id", Key::Account),
    ("uid", Key::Account),
    ("alias", Key::Account),
    ("parent_alias", Key::Account),
    ("parentalias", Key::Account),
    ("ram_role_arn", Key::RoleArn),
    ("ram_role_name", Key::RoleName),
    ("role", Key::RoleName),
    ("name", Key::DisplayName),
    ("title", Key::DisplayName),
    ("region", Key::Site),
];

/// The key an unknown key most likely means: a name other tools use for it, or the closest key
/// name. `certain` when that is a known synonym or at most one edit per four characters away
/// (`rolename`, `colour`, `Role_Name`), so that renaming it may be offered as a fix.
pub fn meant_key(name: &str) -> Option<(Key, bool)> {
    let lower = name.to_ascii_lowercase().replace('-', "_");
    if let Some((_, key)) = SYNONYMS.iter().find(|(s, _)| *s == lower) {
        return Some((*key, true));
    }
    let meant = closest(name, Key::ALL.iter().map(|k| k.ini_name()), 3)?;
    let key = Key::from_ini(meant)?;
    // `closest` compared only names within 3 characters of its length: `name` is short here.
    let certain = distance(name, meant) * 4 <= name.chars().count();
    Some((key, certain))
}

/// The message for a key that is not a profile key, with the key it most likely means.
/// `set_on`: the line where that key is already set (then renaming is no fix, and the message
/// says so).
pub fn unknown_key_message(
    name: &str,
    meant: Option<Key>,
    set_on: Option<usize>,
) -> ProfileMessage {
    let key = name.to_string();
    match (meant.map(Key::ini_name), set_on) {
        (Some(k), Some(line)) => ProfileMessage::ProfileUnknownKeySet {
            key,
            meant: k.to_string(),
            line,
        },
        (Some(k), None) if name.eq_ignore_ascii_case("region") => {
            ProfileMessage::ProfileUnknownKeyRegion {
                key,
                meant: k.to_string(),
            }
        }
        (Some(k), None) => ProfileMessage::ProfileUnknownKeyMeant {
            key,
            meant: k.to_string(),
        },
        (None, _) => ProfileMessage::ProfileUnknownKey {
            key,
            known: Key::ALL.map(Key::ini_name).join(", "),
        },
    }
}

/// Whether `value` passes the check of `key` on its own (what a renamed key's value must do for
/// the rename to be a certain fix).
pub fn value_passes(key: Key, value: &str) -> bool {
    match key {
        Key::Account => account::account(value).is_ok(),
        Key::RoleName => account::role_name(value).is_ok(),
        Key::RoleArn => account::role_arn(value).is_ok(),
        Key::Site => Site::from_name(value).is_some(),
        Key::Color => color(value).is_ok(),
        Key::DisplayName => text(key, value, 128, false).is_ok(),
        Key::Group => text(key, value, 64, false).is_ok(),
        Key::Note => text(key, value, 1024, true).is_ok(),
    }
}

/// A profile id: 1-64 letters, digits, `.`, `_` and `-`. Err: (message, character offset).
pub fn check_id(id: &str) -> Result<(), Invalid> {
    if let Some((i, c)) = id
        .chars()
        .enumerate()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        let message = ProfileMessage::ProfileIdCharacter {
            id: id.to_string(),
            character: c.to_string(),
        };
        return Err(invalid(message, i));
    }
    let count = id.chars().count();
    if !(1..=64).contains(&count) {
        let message = ProfileMessage::ProfileIdLength {
            id: id.to_string(),
            count,
        };
        return Err(invalid(message, 0));
    }
    Ok(())
}

/// The CSS colour names a profile may use besides `#rgb` and `#rrggbb`.
pub const COLOR_NAMES: [&str; 13] = [
    "red", "orange", "yellow", "green", "teal", "cyan", "blue", "indigo", "purple", "pink",
    "brown", "gray", "black",
];

/// The raw values of one profile's keys, indexed by [`Key::index`].
pub type Values<'a> = [Option<&'a str>; 8];

/// A problem with a profile: its kind and message, the key it concerns, and where: the
/// character offset inside that key's value, or the profile's header when the key is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ErrorKind,
    pub message: ProfileMessage,
    pub key: Key,
    pub at_header: bool,
    pub offset: usize,
    /// The whole value that passes instead, when that is certain.
    pub fix: Option<String>,
}

fn problem(key: Key, e: Invalid) -> Problem {
    Problem {
        kind: ErrorKind::InvalidValue,
        message: e.message,
        key,
        at_header: false,
        offset: e.offset,
        fix: e.fix,
    }
}

/// Checks the values of profile `id` and builds it (with `line` 0), or lists every problem.
pub fn build(id: &str, values: &Values, default_site: Site) -> Result<Profile, Vec<Problem>> {
    let mut problems = Vec::new();
    let get = |k: Key| values[k.index()];
    let mut check = |key: Key, result: Result<(), Invalid>| match result {
        Ok(()) => true,
        Err(e) => {
            problems.push(problem(key, e));
            false
        }
    };

    let account = get(Key::Account).and_then(|text| match account::account(text) {
        Ok(a) => Some((text, a)),
        Err(e) => {
            check(Key::Account, Err(e));
            None
        }
    });
    let role_name =
        get(Key::RoleName).filter(|text| check(Key::RoleName, account::role_name(text)));
    let arn = get(Key::RoleArn).and_then(|text| match account::role_arn(text) {
        Ok(parts) => Some(parts),
        Err(e) => {
            check(Key::RoleArn, Err(e));
            None
        }
    });
    let site = match get(Key::Site) {
        None => Some(default_site),
        Some(text) => {
            let site = Site::from_name(text);
            if site.is_none() {
                let fix = Site::from_name(&text.trim().to_ascii_lowercase());
                let value = text.to_string();
                let message = match fix {
                    Some(site) => ProfileMessage::ProfileSiteWrite {
                        value,
                        site: site.name().to_string(),
                    },
                    None => ProfileMessage::ProfileSiteInvalid { value },
                };
                let error = invalid(message, 0);
                let error = match fix {
                    Some(s) => error.with_fix(s.name().to_string()),
                    None => error,
                };
                check(Key::Site, Err(error));
            }
            site
        }
    };
    // Matched, not checked through a clone of the error: cloning a message links every
    // variant's clone into the popup's wasm.
    let color = get(Key::Color).and_then(|text| match color(text) {
        Ok(c) => Some(c),
        Err(e) => {
            check(Key::Color, Err(e));
            None
        }
    });
    let display_name = get(Key::DisplayName)
        .filter(|t| check(Key::DisplayName, text(Key::DisplayName, t, 128, false)));
    let group = get(Key::Group).filter(|t| check(Key::Group, text(Key::Group, t, 64, false)));
    let note = get(Key::Note).filter(|t| check(Key::Note, text(Key::Note, t, 1024, true)));

    // Which account and role: account/role_name, or role_arn, or both when they agree.
    let given = |k: Key| get(k).is_some();
    if !given(Key::Account) && !given(Key::RoleArn) {
        let key = Key::Account.ini_name().to_string();
        problems.push(missing(
            Key::Account,
            ProfileMessage::ProfileNoAccount { key },
        ));
    }
    if !given(Key::RoleName) && !given(Key::RoleArn) {
        let key = Key::RoleName.ini_name().to_string();
        problems.push(missing(
            Key::RoleName,
            ProfileMessage::ProfileNoRole { key },
        ));
    }
    if let (Some(name), Some((_, arn_role))) = (role_name, arn) {
        if name != arn_role {
            problems.push(disagree(ProfileMessage::ProfileRoleDisagree {
                arn_role: arn_role.to_string(),
                role: name.to_string(),
            }));
        }
    }
    if let (Some((text, Account { uid: Some(uid), .. })), Some((arn_uid, _))) = (&account, arn) {
        if uid != arn_uid {
            problems.push(disagree(ProfileMessage::ProfileAccountDisagree {
                arn_uid: arn_uid.to_string(),
                account: text.to_string(),
                uid: uid.clone(),
            }));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let (Some(site), Some(role)) = (site, role_name.or(arn.map(|(_, r)| r))) else {
        return Err(problems);
    };
    let (account, kind, uid) = match (account, arn) {
        (Some((text, a)), arn) => (text, a.kind, a.uid.or(arn.map(|(u, _)| u.to_string()))),
        (None, Some((uid, _))) => (uid, AccountKind::Uid, Some(uid.to_string())),
        (None, None) => return Err(problems),
    };
    Ok(Profile {
        id: id.to_string(),
        display_name: display_name.unwrap_or(id).to_string(),
        account: account.to_string(),
        account_kind: kind,
        role_arn: uid.as_deref().map(|u| account::arn_of(u, role)),
        account_uid: uid,
        role_name: role.to_string(),
        color,
        group: group.map(str::to_string),
        site,
        note: note.map(str::to_string),
        line: 0,
    })
}

fn missing(key: Key, message: ProfileMessage) -> Problem {
    Problem {
        kind: ErrorKind::MissingField,
        message,
        key,
        at_header: true,
        offset: 0,
        fix: None,
    }
}

fn disagree(message: ProfileMessage) -> Problem {
    Problem {
        kind: ErrorKind::InvalidValue,
        message,
        key: Key::RoleArn,
        at_header: false,
        offset: 0,
        fix: None,
    }
}

/// `#rgb`, `#rrggbb` or a name of [`COLOR_NAMES`], lower-cased.
fn color(text: &str) -> Result<String, Invalid> {
    let lower = text.to_ascii_lowercase();
    if let Some(hex) = lower.strip_prefix('#') {
        if matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(lower);
        }
        let offset = 1 + hex
            .chars()
            .position(|c| !c.is_ascii_hexdigit())
            .unwrap_or(0);
        let value = text.to_string();
        return Err(invalid(ProfileMessage::ProfileColorHex { value }, offset));
    }
    if COLOR_NAMES.contains(&lower.as_str()) {
        return Ok(lower);
    }
    let value = text.to_string();
    let meant = closest(&lower, COLOR_NAMES, 2);
    // A fix only when the name is close: one edit, or two in a long name.
    let fix = meant.filter(|c| {
        let edits = distance(&lower, c);
        edits <= 1 || (edits == 2 && lower.chars().count() >= 6)
    });
    let message = match meant {
        Some(meant) => ProfileMessage::ProfileColorMeant {
            value,
            meant: meant.to_string(),
        },
        None => ProfileMessage::ProfileColorUnknown {
            value,
            names: COLOR_NAMES.join(", "),
        },
    };
    Err(match fix {
        Some(c) => invalid(message, 0).with_fix(c.to_string()),
        None => invalid(message, 0),
    })
}

/// Free text of 1-`max` characters; control characters only where `multiline` allows a line
/// break or tab; no invisible formatting character ([`hidden`]).
fn text(key: Key, value: &str, max: usize, multiline: bool) -> Result<(), Invalid> {
    if value.bytes().all(|b| (b' '..0x7f).contains(&b)) && (1..=max).contains(&value.len()) {
        return Ok(());
    }
    let field = || Box::new(key.label());
    if let Some((i, c)) = value
        .chars()
        .enumerate()
        .find(|&(_, c)| c.is_control() && !(multiline && matches!(c, '\n' | '\t')))
    {
        let code = hidden::code_point(c);
        let message = ProfileMessage::ProfileControlCharacter {
            field: field(),
            code,
        };
        return Err(invalid(message, i));
    }
    if let Some((i, c)) = hidden::find(value) {
        return Err(invalid(hidden::message(field(), c), i));
    }
    let count = value.chars().count();
    if count == 0 || count > max {
        let message = ProfileMessage::ProfileTextLength {
            field: field(),
            count,
            max,
        };
        return Err(invalid(message, 0));
    }
    Ok(())
}
