//! The keys of a profile and the checks that turn their values into a [`Profile`]. Shared by the
//! INI parser (problems become line:column errors) and by everything that builds profiles from
//! JSON (problems become JSON paths).

use super::account::{self, Account, Invalid};
use super::model::{AccountKind, Profile, Site};
use crate::error::ErrorKind;
use crate::policy::suggest::closest;

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

/// The message for a key that is not a profile key, with the key it most likely means.
pub fn unknown_key_message(name: &str) -> String {
    let lower = name.to_ascii_lowercase().replace('-', "_");
    let meant = SYNONYMS
        .iter()
        .find(|(s, _)| *s == lower)
        .map(|(_, k)| k.ini_name())
        .or_else(|| closest(name, Key::ALL.iter().map(|k| k.ini_name()), 3));
    let known = Key::ALL.map(Key::ini_name).join(", ");
    match meant {
        Some(k) if name == "region" => format!(
            "unknown key \"region\": profiles have no region; did you mean {k} (cn or intl)? Expected one of: {known}"
        ),
        Some(k) => format!("unknown key {name:?}: did you mean {k}? Expected one of: {known}"),
        None => format!("unknown key {name:?}: expected one of: {known}"),
    }
}

/// A profile id: 1-64 letters, digits, `.`, `_` and `-`. Err: (message, character offset).
pub fn check_id(id: &str) -> Result<(), Invalid> {
    let rule = "a profile id is 1-64 letters, digits, '.', '_' and '-'";
    if let Some((i, c)) = id
        .chars()
        .enumerate()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return Err(Invalid {
            message: format!("{rule}; {c:?} in {id:?} is not allowed"),
            offset: i,
        });
    }
    let count = id.chars().count();
    if !(1..=64).contains(&count) {
        return Err(Invalid {
            message: format!("{rule}; {id:?} has {count} characters"),
            offset: 0,
        });
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
    pub message: String,
    pub key: Key,
    pub at_header: bool,
    pub offset: usize,
}

fn problem(key: Key, e: Invalid) -> Problem {
    Problem {
        kind: ErrorKind::InvalidValue,
        message: if e.message.starts_with(key.ini_name()) {
            e.message
        } else {
            format!("{}: {}", key.ini_name(), e.message)
        },
        key,
        at_header: false,
        offset: e.offset,
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
                let fix = Site::from_name(&text.trim().to_ascii_lowercase())
                    .map(|s| format!(" (write {})", s.name()))
                    .unwrap_or_default();
                check(
                    Key::Site,
                    Err(Invalid {
                        message: format!("expected cn (signin.aliyun.com) or intl (signin.alibabacloud.com), got {text:?}{fix}"),
                        offset: 0,
                    }),
                );
            }
            site
        }
    };
    let color = get(Key::Color).and_then(|text| {
        let c = color(text);
        check(Key::Color, c.as_ref().map(|_| ()).map_err(Clone::clone));
        c.ok()
    });
    let display_name =
        get(Key::DisplayName).filter(|t| check(Key::DisplayName, text(t, 128, false)));
    let group = get(Key::Group).filter(|t| check(Key::Group, text(t, 64, false)));
    let note = get(Key::Note).filter(|t| check(Key::Note, text(t, 1024, true)));

    // Which account and role: account/role_name, or role_arn, or both when they agree.
    let given = |k: Key| get(k).is_some();
    if !given(Key::Account) && !given(Key::RoleArn) {
        problems.push(missing(Key::Account, "the profile names no account: add account = <enterprise alias, default domain or 16-digit UID> (or role_arn = acs:ram::<uid>:role/<name>)"));
    }
    if !given(Key::RoleName) && !given(Key::RoleArn) {
        problems.push(missing(Key::RoleName, "the profile names no role: add role_name = <role name> (or role_arn = acs:ram::<uid>:role/<name>)"));
    }
    if let (Some(name), Some((_, arn_role))) = (role_name, arn) {
        if name != arn_role {
            problems.push(disagree(format!("role_arn names role {arn_role:?} but role_name is {name:?}: remove one of them or make them agree")));
        }
    }
    if let (Some((text, Account { uid: Some(uid), .. })), Some((arn_uid, _))) = (&account, arn) {
        if uid != arn_uid {
            problems.push(disagree(format!("role_arn is in account {arn_uid} but account is {text:?} (UID {uid}): remove one of them or make them agree")));
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

fn missing(key: Key, message: &str) -> Problem {
    Problem {
        kind: ErrorKind::MissingField,
        message: message.to_string(),
        key,
        at_header: true,
        offset: 0,
    }
}

fn disagree(message: String) -> Problem {
    Problem {
        kind: ErrorKind::InvalidValue,
        message,
        key: Key::RoleArn,
        at_header: false,
        offset: 0,
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
        return Err(Invalid {
            message: format!("expected #rgb or #rrggbb with hexadecimal digits, got {text:?}"),
            offset,
        });
    }
    if COLOR_NAMES.contains(&lower.as_str()) {
        return Ok(lower);
    }
    let meant = closest(&lower, COLOR_NAMES, 2)
        .map(|c| format!("did you mean {c}? "))
        .unwrap_or_default();
    Err(Invalid {
        message: format!(
            "unknown colour {text:?}: {meant}expected #rgb, #rrggbb or one of {}",
            COLOR_NAMES.join(", ")
        ),
        offset: 0,
    })
}

/// Free text of 1-`max` characters; control characters only where `multiline` allows a line
/// break or tab.
fn text(value: &str, max: usize, multiline: bool) -> Result<(), Invalid> {
    // Printable ASCII, the common case: no control character, one character per byte.
    if value.bytes().all(|b| (b' '..0x7f).contains(&b)) && (1..=max).contains(&value.len()) {
        return Ok(());
    }
    if let Some((i, c)) = value
        .chars()
        .enumerate()
        .find(|&(_, c)| c.is_control() && !(multiline && matches!(c, '\n' | '\t')))
    {
        return Err(Invalid {
            message: format!(
                "the control character U+{:04X} is not allowed here",
                u32::from(c)
            ),
            offset: i,
        });
    }
    let count = value.chars().count();
    if count == 0 || count > max {
        return Err(Invalid {
            message: format!("expected 1-{max} characters, got {count}"),
            offset: 0,
        });
    }
    Ok(())
}
