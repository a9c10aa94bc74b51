//! The keys of a profile and the checks that turn their values into a [`Profile`]. Shared by the
//! INI parser (problems become line:column errors) and by everything that builds profiles from
//! JSON (problems become JSON paths).

use super::account::{self, invalid, Account, Invalid};
use super::hidden;
use super::model::{AccountKind, Profile, Site};
use crate::error::ErrorKind;
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

/// The message for a key that is not a profile key, with the key it most likely means
/// (English, Chinese). `set_on`: the line where that key is already set (then renaming is no
/// fix, and the message says so).
pub fn unknown_key_message(
    name: &str,
    meant: Option<Key>,
    set_on: Option<usize>,
) -> (String, String) {
    let known = Key::ALL.map(Key::ini_name).join(", ");
    match (meant.map(Key::ini_name), set_on) {
        (Some(k), Some(line)) => (
            format!("unknown key {name:?}: did you mean {k}? {k} is already set on line {line}: keep one of them"),
            format!("未知的键 {name:?}：是否要写 {k}？{k} 已在第 {line} 行设置：请只保留其中一个"),
        ),
        (Some(k), None) if name == "region" => (
            format!("unknown key \"region\": profiles have no region; did you mean {k} (cn or intl)? Expected one of: {known}"),
            format!("未知的键 \"region\"：配置没有地域；是否要写 {k}（cn 或 intl）？可用的键：{known}"),
        ),
        (Some(k), None) => (
            format!("unknown key {name:?}: did you mean {k}? Expected one of: {known}"),
            format!("未知的键 {name:?}：是否要写 {k}？可用的键：{known}"),
        ),
        (None, _) => (
            format!("unknown key {name:?}: expected one of: {known}"),
            format!("未知的键 {name:?}：可用的键：{known}"),
        ),
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
        Key::DisplayName => text(value, 128, false).is_ok(),
        Key::Group => text(value, 64, false).is_ok(),
        Key::Note => text(value, 1024, true).is_ok(),
    }
}

/// A profile id: 1-64 letters, digits, `.`, `_` and `-`. Err: (message, character offset).
pub fn check_id(id: &str) -> Result<(), Invalid> {
    let rule = "a profile id is 1-64 letters, digits, '.', '_' and '-'";
    let rule_zh = "配置 ID 为 1-64 个字母、数字、'.'、'_' 或 '-'";
    if let Some((i, c)) = id
        .chars()
        .enumerate()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return Err(invalid(
            format!("{rule}; {c:?} in {id:?} is not allowed"),
            format!("{rule_zh}；{id:?} 中的 {c:?} 不允许"),
            i,
        ));
    }
    let count = id.chars().count();
    if !(1..=64).contains(&count) {
        return Err(invalid(
            format!("{rule}; {id:?} has {count} characters"),
            format!("{rule_zh}；{id:?} 有 {count} 个字符"),
            0,
        ));
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
    pub message_zh: String,
    pub key: Key,
    pub at_header: bool,
    pub offset: usize,
    /// The whole value that passes instead, when that is certain.
    pub fix: Option<String>,
}

fn problem(key: Key, e: Invalid) -> Problem {
    Problem {
        kind: ErrorKind::InvalidValue,
        message: if e.message.starts_with(key.ini_name()) {
            e.message
        } else {
            format!("{}: {}", key.ini_name(), e.message)
        },
        message_zh: if e.message_zh.starts_with(key.ini_name()) {
            e.message_zh
        } else {
            format!("{}：{}", key.ini_name(), e.message_zh)
        },
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
                let error = |e: Invalid| match fix {
                    Some(s) => e.with_fix(s.name().to_string()),
                    None => e,
                };
                check(
                    Key::Site,
                    Err(error(invalid(
                        format!("expected cn (signin.aliyun.com) or intl (signin.alibabacloud.com), got {text:?}{}", fix.map(|s| format!(" (write {})", s.name())).unwrap_or_default()),
                        format!("应为 cn（signin.aliyun.com）或 intl（signin.alibabacloud.com），现为 {text:?}{}", fix.map(|s| format!("（应写为 {}）", s.name())).unwrap_or_default()),
                        0,
                    ))),
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
        problems.push(missing(
            Key::Account,
            "the profile names no account: add account = <enterprise alias, default domain or 16-digit UID> (or role_arn = acs:ram::<uid>:role/<name>)",
            "该配置没有指定账号：请添加 account = <企业别名、默认域名或 16 位 UID>（或 role_arn = acs:ram::<uid>:role/<角色名>）",
        ));
    }
    if !given(Key::RoleName) && !given(Key::RoleArn) {
        problems.push(missing(
            Key::RoleName,
            "the profile names no role: add role_name = <role name> (or role_arn = acs:ram::<uid>:role/<name>)",
            "该配置没有指定角色：请添加 role_name = <角色名>（或 role_arn = acs:ram::<uid>:role/<角色名>）",
        ));
    }
    if let (Some(name), Some((_, arn_role))) = (role_name, arn) {
        if name != arn_role {
            problems.push(disagree(
                format!("role_arn names role {arn_role:?} but role_name is {name:?}: remove one of them or make them agree"),
                format!("role_arn 指定的角色是 {arn_role:?}，但 role_name 是 {name:?}：请删除其中一个或使两者一致"),
            ));
        }
    }
    if let (Some((text, Account { uid: Some(uid), .. })), Some((arn_uid, _))) = (&account, arn) {
        if uid != arn_uid {
            problems.push(disagree(
                format!("role_arn is in account {arn_uid} but account is {text:?} (UID {uid}): remove one of them or make them agree"),
                format!("role_arn 属于账号 {arn_uid}，但 account 是 {text:?}（UID {uid}）：请删除其中一个或使两者一致"),
            ));
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

fn missing(key: Key, message: &str, message_zh: &str) -> Problem {
    Problem {
        kind: ErrorKind::MissingField,
        message: message.to_string(),
        message_zh: message_zh.to_string(),
        key,
        at_header: true,
        offset: 0,
        fix: None,
    }
}

fn disagree(message: String, message_zh: String) -> Problem {
    Problem {
        kind: ErrorKind::InvalidValue,
        message,
        message_zh,
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
        return Err(invalid(
            format!("expected #rgb or #rrggbb with hexadecimal digits, got {text:?}"),
            format!("应为 #rgb 或 #rrggbb（十六进制数字），现为 {text:?}"),
            offset,
        ));
    }
    if COLOR_NAMES.contains(&lower.as_str()) {
        return Ok(lower);
    }
    let meant = closest(&lower, COLOR_NAMES, 2);
    let names = COLOR_NAMES.join(", ");
    // A fix only when the name is close: one edit, or two in a long name.
    let fix = meant.filter(|c| {
        let edits = distance(&lower, c);
        edits <= 1 || (edits == 2 && lower.chars().count() >= 6)
    });
    let error = invalid(
        format!(
            "unknown colour {text:?}: {}expected #rgb, #rrggbb or one of {names}",
            meant
                .map(|c| format!("did you mean {c}? "))
                .unwrap_or_default()
        ),
        format!(
            "未知的颜色 {text:?}：{}应为 #rgb、#rrggbb 或以下之一：{names}",
            meant.map(|c| format!("是否要写 {c}？")).unwrap_or_default()
        ),
        0,
    );
    Err(match fix {
        Some(c) => error.with_fix(c.to_string()),
        None => error,
    })
}

/// Free text of 1-`max` characters; control characters only where `multiline` allows a line
/// break or tab; no invisible formatting character ([`hidden`]).
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
        let code = u32::from(c);
        return Err(invalid(
            format!("the control character U+{code:04X} is not allowed here"),
            format!("此处不允许控制字符 U+{code:04X}"),
            i,
        ));
    }
    if let Some((i, c)) = hidden::find(value) {
        let (message, message_zh) = hidden::messages(c);
        return Err(invalid(message, message_zh, i));
    }
    let count = value.chars().count();
    if count == 0 || count > max {
        return Err(invalid(
            format!("expected 1-{max} characters, got {count}"),
            format!("应为 1-{max} 个字符，现有 {count} 个"),
            0,
        ));
    }
    Ok(())
}
