//! The documented names a profile points at: the account (enterprise alias, default domain
//! `<alias|uid>.onaliyun.com`, or 16-digit UID), the role name and the role ARN
//! `acs:ram::<uid>:role/<name>`. Each check says what was expected and, where it can, at which
//! character (an offset in characters from the start of the value) the text went wrong.

use super::model::AccountKind;
use crate::api::{check_role_arn, check_role_name};
use crate::policy::names::ram_arn;

/// The suffix of an account's default domain.
pub const DEFAULT_DOMAIN_SUFFIX: &str = ".onaliyun.com";

/// Digits in an Alibaba Cloud account UID.
pub const UID_DIGITS: usize = 16;

/// A rejected value: why (what was expected), in English and Chinese, the character offset
/// to point at, and the whole value that would pass instead when that is certain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub message: String,
    pub message_zh: String,
    pub offset: usize,
    pub fix: Option<String>,
}

pub(crate) fn invalid(message: String, message_zh: String, offset: usize) -> Invalid {
    Invalid {
        message,
        message_zh,
        offset,
        fix: None,
    }
}

impl Invalid {
    /// The value that passes the same check instead (the caller has checked that it does).
    pub(crate) fn with_fix(self, fix: String) -> Invalid {
        Invalid {
            fix: Some(fix),
            ..self
        }
    }
}

/// A checked account and its UID when the text reveals it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub kind: AccountKind,
    pub uid: Option<String>,
}

const ACCOUNT_FORMS: &str =
    "an enterprise alias (e.g. acme), a default domain (acme.onaliyun.com) or a 16-digit account UID";
const ACCOUNT_FORMS_ZH: &str = "企业别名（如 acme）、默认域名（acme.onaliyun.com）或 16 位账号 UID";

/// Classifies and checks what a profile gives as the account.
pub fn account(text: &str) -> Result<Account, Invalid> {
    if let Some(at) = text.find('@') {
        let domain = text.get(at + 1..).unwrap_or_default();
        return Err(invalid(
            format!("{text:?} looks like a RAM user's logon name; the account is the part after @ ({domain:?}): expected {ACCOUNT_FORMS}"),
            format!("{text:?} 像是 RAM 用户的登录名；账号是 @ 之后的部分（{domain:?}）：应为{ACCOUNT_FORMS_ZH}"),
            0,
        ));
    }
    if let Some(prefix) = strip_suffix_ignore_case(text, DEFAULT_DOMAIN_SUFFIX) {
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            let lower = text.to_ascii_lowercase();
            let at = first_char_offset(text, |c| c.is_ascii_uppercase());
            // Suggest the lower-case text only when it passes (a suggestion is itself valid).
            return Err(match account(&lower) {
                Ok(_) => invalid(
                    format!("a default domain is lower-case: write {lower:?}"),
                    format!("默认域名须为小写：应写为 {lower:?}"),
                    at,
                )
                .with_fix(lower),
                Err(e) => invalid(
                    "a default domain is lower-case".to_string() + "; " + &e.message,
                    "默认域名须为小写；".to_string() + &e.message_zh,
                    at,
                ),
            });
        }
        return if is_digits(prefix) {
            uid(prefix).map(|uid| Account {
                kind: AccountKind::DefaultDomain,
                uid: Some(uid.to_string()),
            })
        } else {
            alias(prefix).map(|()| Account {
                kind: AccountKind::DefaultDomain,
                uid: None,
            })
        };
    }
    if is_digits(text) {
        return uid(text).map(|uid| Account {
            kind: AccountKind::Uid,
            uid: Some(uid.to_string()),
        });
    }
    if let Some(dot) = text.find('.') {
        return Err(invalid(
            format!("{text:?} is not an account: expected {ACCOUNT_FORMS}"),
            format!("{text:?} 不是合法的账号：应为{ACCOUNT_FORMS_ZH}"),
            text.get(..dot).map_or(0, |s| s.chars().count()),
        ));
    }
    alias(text).map(|()| Account {
        kind: AccountKind::Alias,
        uid: None,
    })
}

/// An enterprise alias: 3-32 lower-case letters, digits and `-`, not starting or ending with
/// `-`, without `--`.
pub fn alias(text: &str) -> Result<(), Invalid> {
    let rule = "an enterprise alias is 3-32 lower-case letters, digits and '-', not starting or ending with '-' and without '--'";
    let rule_zh = "企业别名为 3-32 个小写字母、数字或 '-'，不能以 '-' 开头或结尾，也不能含 '--'";
    let count = text.chars().count();
    if let Some((i, c)) = text
        .chars()
        .enumerate()
        .find(|&(_, c)| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
    {
        // Suggest the lower-case text only when it passes (a suggestion is itself valid).
        let lower = Some(text.to_ascii_lowercase()).filter(|lower| {
            c.is_ascii_uppercase() && lower.as_str() != text && alias(lower).is_ok()
        });
        let (fix, fix_zh) = match &lower {
            Some(lower) => (
                format!(" (write {lower:?})"),
                format!("（应写为 {lower:?}）"),
            ),
            None => (String::new(), String::new()),
        };
        let error = invalid(
            format!("{rule}; {c:?} in {text:?} is not allowed{fix}"),
            format!("{rule_zh}；{text:?} 中的 {c:?} 不允许{fix_zh}"),
            i,
        );
        return Err(match lower {
            Some(lower) => error.with_fix(lower),
            None => error,
        });
    }
    if !(3..=32).contains(&count) {
        return Err(invalid(
            format!("{rule}; {text:?} has {count} characters"),
            format!("{rule_zh}；{text:?} 有 {count} 个字符"),
            0,
        ));
    }
    if text.starts_with('-') {
        return Err(invalid(
            format!("{rule}; {text:?} starts with '-'"),
            format!("{rule_zh}；{text:?} 以 '-' 开头"),
            0,
        ));
    }
    if text.ends_with('-') {
        return Err(invalid(
            format!("{rule}; {text:?} ends with '-'"),
            format!("{rule_zh}；{text:?} 以 '-' 结尾"),
            count - 1,
        ));
    }
    if let Some(at) = text.as_bytes().windows(2).position(|w| w == b"--") {
        return Err(invalid(
            format!("{rule}; {text:?} contains '--'"),
            format!("{rule_zh}；{text:?} 含有 '--'"),
            at,
        ));
    }
    Ok(())
}

/// A 16-digit account UID.
pub fn uid(text: &str) -> Result<&str, Invalid> {
    if is_digits(text) && text.len() == UID_DIGITS {
        return Ok(text);
    }
    let offset = first_char_offset(text, |c| !c.is_ascii_digit());
    let (what, what_zh) = if is_digits(text) {
        (
            format!("{text:?} has {} digits", text.len()),
            format!("{text:?} 有 {} 位", text.len()),
        )
    } else {
        (
            format!("{text:?} is not all digits"),
            format!("{text:?} 不全是数字"),
        )
    };
    Err(invalid(
        format!("an account UID is {UID_DIGITS} digits (the account ID shown in the console, e.g. 1746000000000001); {what}"),
        format!("账号 UID 为 {UID_DIGITS} 位数字（控制台显示的账号 ID，如 1746000000000001）；{what_zh}"),
        offset,
    ))
}

/// A RAM role name: 1-64 letters, digits, `.` and `-` (the RAM API's own rule).
pub fn role_name(text: &str) -> Result<(), Invalid> {
    check_role_name("role_name", "role_name", text).map_err(|e| {
        let bad = text
            .chars()
            .enumerate()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'));
        let rule_zh = "role_name 须为 1-64 个字母、数字、'.' 或 '-'";
        let count = text.chars().count();
        // The same order as the API's rule: the length first, then the characters.
        match bad.filter(|_| (1..=64).contains(&count)) {
            Some((i, c)) => invalid(
                e.message,
                format!("{rule_zh}；第 {} 个字符 {c:?} 不允许", i + 1),
                i,
            ),
            None => invalid(e.message, format!("{rule_zh}；现有 {count} 个字符"), 0),
        }
    })
}

/// `acs:ram::<16-digit uid>:role/<role name>` -> (uid, role name).
pub fn role_arn(text: &str) -> Result<(&str, &str), Invalid> {
    check_role_arn("role_arn", text).map_err(|e| {
        invalid(
            e.message.replace("roleArn", "role_arn"),
            format!("role_arn 须为 acs:ram::<账号 UID>:role/<角色名>，如 acs:ram::1746000000000001:role/admin-oss；现为 {text:?}"),
            0,
        )
    })?;
    // The API rule above guarantees this shape; the fallback keeps the core panic-free.
    let Some((uid_text, role)) =
        ram_arn(text).and_then(|(a, rel)| Some((a, rel.strip_prefix("role/")?)))
    else {
        return Err(invalid(
            "expected acs:ram::<account UID>:role/<role name>".into(),
            "应为 acs:ram::<账号 UID>:role/<角色名>".into(),
            0,
        ));
    };
    let uid_offset = "acs:ram::".len();
    uid(uid_text).map_err(|e| invalid(e.message, e.message_zh, uid_offset + e.offset))?;
    Ok((uid_text, role))
}

/// The role ARN of a role in an account.
pub fn arn_of(uid: &str, role: &str) -> String {
    format!("acs:ram::{uid}:role/{role}")
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    let (head, tail) = (text.get(..cut)?, text.get(cut..)?);
    tail.eq_ignore_ascii_case(suffix).then_some(head)
}

/// Character offset of the first character matching `bad`, or 0.
fn first_char_offset(text: &str, bad: impl Fn(char) -> bool) -> usize {
    text.chars().position(bad).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts() {
        let a = account("acme").unwrap();
        assert_eq!(a.kind, AccountKind::Alias);
        let a = account("acme-prod.onaliyun.com").unwrap();
        assert_eq!((a.kind, a.uid), (AccountKind::DefaultDomain, None));
        let a = account("1746000000000001.onaliyun.com").unwrap();
        assert_eq!(a.uid.as_deref(), Some("1746000000000001"));
        let a = account("1746000000000001").unwrap();
        assert_eq!(a.kind, AccountKind::Uid);
        assert!(account("17460")
            .unwrap_err()
            .message
            .contains("has 5 digits"));
        assert!(account("alice@acme.onaliyun.com")
            .unwrap_err()
            .message
            .contains("logon name"));
        assert_eq!(account("acme.aliyun.com").unwrap_err().offset, 4);
        assert_eq!(account("Acme").unwrap_err().offset, 0);
        assert!(account("ACME.onaliyun.com").is_err());
    }

    #[test]
    fn aliases() {
        assert!(alias("abc").is_ok());
        assert!(alias("a-b-c-1").is_ok());
        assert_eq!(alias("ab").unwrap_err().offset, 0);
        assert!(alias(&"a".repeat(32)).is_ok());
        assert!(alias(&"a".repeat(33)).is_err());
        assert_eq!(alias("-ab").unwrap_err().offset, 0);
        assert_eq!(alias("ab-").unwrap_err().offset, 2);
        assert_eq!(alias("a--b").unwrap_err().offset, 1);
        assert_eq!(alias("ab_c").unwrap_err().offset, 2);
        assert!(alias("aBc").unwrap_err().message.contains("\"abc\""));
    }

    #[test]
    fn roles() {
        assert!(role_name("admin-oss.v2").is_ok());
        let e = role_name("admin_oss").unwrap_err();
        assert_eq!(e.offset, 5);
        assert!(role_name("").is_err());
        assert!(role_name(&"r".repeat(65)).is_err());
        assert_eq!(
            role_arn("acs:ram::1746000000000001:role/admin-oss").unwrap(),
            ("1746000000000001", "admin-oss")
        );
        let e = role_arn("acs:ram::1746:role/admin").unwrap_err();
        assert_eq!(e.offset, 9);
        assert!(role_arn("arn:ram::1746000000000001:role/x").is_err());
        assert!(role_arn("acs:ram::1746000000000001:user/x").is_err());
        assert!(role_arn("acs:ram::1746000000000001:role/a_b")
            .unwrap_err()
            .message
            .contains("role name"));
    }
}
