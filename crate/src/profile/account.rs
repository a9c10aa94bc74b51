//! The documented names a profile points at: the account (enterprise alias, default domain
//! `<alias|uid>.onaliyun.com`, or 16-digit UID), the role name and the role ARN
//! `acs:ram::<uid>:role/<name>`. Each check says what was expected and, where it can, at which
//! character (an offset in characters from the start of the value) the text went wrong.

use super::model::AccountKind;
use crate::message::ProfileMessage;
use crate::policy::names::ram_arn;
use crate::rules::account::is_uid;
use crate::rules::ram::{is_role_name, is_role_name_char, ROLE_NAME_LENGTH};

/// The suffix of an account's default domain.
pub const DEFAULT_DOMAIN_SUFFIX: &str = ".onaliyun.com";

/// A rejected value: why (a message naming what was expected), the character offset to point
/// at, and the whole value that would pass instead when that is certain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub message: ProfileMessage,
    pub offset: usize,
    pub fix: Option<String>,
}

pub(crate) fn invalid(message: ProfileMessage, offset: usize) -> Invalid {
    Invalid {
        message,
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

/// Classifies and checks what a profile gives as the account.
pub fn account(text: &str) -> Result<Account, Invalid> {
    if let Some(at) = text.find('@') {
        let domain = text.get(at + 1..).unwrap_or_default();
        return Err(invalid(
            ProfileMessage::ProfileAccountLogonName {
                value: text.to_string(),
                domain: domain.to_string(),
            },
            0,
        ));
    }
    if let Some(prefix) = strip_suffix_ignore_case(text, DEFAULT_DOMAIN_SUFFIX) {
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            // Suggested only when the lower-case text is itself a valid account.
            let lower = text.to_ascii_lowercase();
            if account(&lower).is_ok() {
                let at = first_char_offset(text, |c| c.is_ascii_uppercase());
                let message = ProfileMessage::ProfileDomainLowerCase {
                    lower: lower.clone(),
                };
                return Err(invalid(message, at).with_fix(lower));
            }
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
            ProfileMessage::ProfileAccountInvalid {
                value: text.to_string(),
            },
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
    let value = || text.to_string();
    let count = text.chars().count();
    if let Some((i, c)) = text
        .chars()
        .enumerate()
        .find(|&(_, c)| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
    {
        // "Write it in lower case" only when that is the whole fix (the suggestion must pass).
        let lower = text.to_ascii_lowercase();
        if c.is_ascii_uppercase() && alias(&lower).is_ok() {
            let message = ProfileMessage::ProfileAliasLowerCase {
                value: value(),
                lower: lower.clone(),
            };
            return Err(invalid(message, i).with_fix(lower));
        }
        let message = ProfileMessage::ProfileAliasCharacter {
            value: value(),
            character: c.to_string(),
        };
        return Err(invalid(message, i));
    }
    if !(3..=32).contains(&count) {
        let message = ProfileMessage::ProfileAliasLength {
            value: value(),
            count,
        };
        return Err(invalid(message, 0));
    }
    if text.starts_with('-') || text.ends_with('-') {
        let at = if text.starts_with('-') { 0 } else { count - 1 };
        return Err(invalid(
            ProfileMessage::ProfileAliasHyphenEdge { value: value() },
            at,
        ));
    }
    if let Some(at) = text.as_bytes().windows(2).position(|w| w == b"--") {
        return Err(invalid(
            ProfileMessage::ProfileAliasDoubleHyphen { value: value() },
            at,
        ));
    }
    Ok(())
}

/// A 16-digit account UID.
pub fn uid(text: &str) -> Result<&str, Invalid> {
    if is_uid(text) {
        return Ok(text);
    }
    let offset = first_char_offset(text, |c| !c.is_ascii_digit());
    let value = text.to_string();
    let message = if is_digits(text) {
        ProfileMessage::ProfileUidLength {
            value,
            count: text.len(),
        }
    } else {
        ProfileMessage::ProfileUidDigits { value }
    };
    Err(invalid(message, offset))
}

/// A RAM role name: 1-64 letters, digits, `.` and `-` (the RAM API's own rule).
pub fn role_name(text: &str) -> Result<(), Invalid> {
    if is_role_name(text) {
        return Ok(());
    }
    let count = text.chars().count();
    // The same order as the API's rule: the length first, then the characters.
    if !ROLE_NAME_LENGTH.contains(&count) {
        let value = text.to_string();
        return Err(invalid(
            ProfileMessage::ProfileRoleNameLength { value, count },
            0,
        ));
    }
    match text
        .chars()
        .enumerate()
        .find(|&(_, c)| !is_role_name_char(c))
    {
        Some((i, c)) => Err(invalid(
            ProfileMessage::ProfileRoleNameCharacter {
                value: text.to_string(),
                character: c.to_string(),
                position: i + 1,
            },
            i,
        )),
        None => Err(invalid(
            ProfileMessage::ProfileRoleNameLength {
                value: text.to_string(),
                count,
            },
            0,
        )),
    }
}

/// `acs:ram::<16-digit uid>:role/<role name>` -> (uid, role name).
pub fn role_arn(text: &str) -> Result<(&str, &str), Invalid> {
    let shape = || {
        let value = text.to_string();
        invalid(ProfileMessage::ProfileRoleArnShape { value }, 0)
    };
    let (uid_text, role) = ram_arn(text)
        .and_then(|(a, rel)| Some((a, rel.strip_prefix("role/")?)))
        .filter(|(a, _)| !a.is_empty() && text.starts_with("acs:ram::"))
        .ok_or_else(shape)?;
    let uid_offset = "acs:ram::".len();
    uid(uid_text).map_err(|e| invalid(e.message, uid_offset + e.offset))?;
    let role_offset = text.chars().count() - role.chars().count();
    role_name(role).map_err(|e| invalid(e.message, role_offset + e.offset))?;
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
    use crate::catalog::en;

    fn says<T: std::fmt::Debug>(result: Result<T, Invalid>, what: &str) -> bool {
        let text = en(&result.unwrap_err().message);
        text.contains(what) || panic!("{text}")
    }

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
        assert!(says(account("17460"), "\"17460\" has 5 digits"));
        assert!(says(account("alice@acme.onaliyun.com"), "logon name"));
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
        assert!(says(alias("aBc"), "\"abc\""));
        // A suggestion is itself valid: no "write acme--prod" for ACME--prod.
        assert!(!en(&alias("ACME--prod").unwrap_err().message).contains("write"));
        let domain = account("ACME--PROD.onaliyun.com").unwrap_err();
        assert!(!en(&domain.message).contains("write"));
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
        assert!(says(
            role_arn("acs:ram::1746000000000001:role/a_b"),
            "Role name"
        ));
    }
}
