//! What a switch profile is once read and checked, and what a problem with one looks like.

use crate::error::ErrorKind;
use crate::message::ProfileMessage;
use serde::{Deserialize, Serialize};

/// Which console a profile switches on: `cn` is aliyun.com, `intl` is alibabacloud.com.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Site {
    Cn,
    Intl,
}

impl Site {
    pub fn name(self) -> &'static str {
        match self {
            Site::Cn => "cn",
            Site::Intl => "intl",
        }
    }

    pub fn from_name(name: &str) -> Option<Site> {
        match name {
            "cn" => Some(Site::Cn),
            "intl" => Some(Site::Intl),
            _ => None,
        }
    }

    /// The sign-in host that serves the Switch Role page of this site.
    pub fn signin_host(self) -> &'static str {
        match self {
            Site::Cn => "signin.aliyun.com",
            Site::Intl => "signin.alibabacloud.com",
        }
    }
}

/// How the profile names the target account (all three are accepted by the Switch Role page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum AccountKind {
    /// The enterprise alias, e.g. `acme`.
    Alias,
    /// `<alias or uid>.onaliyun.com`.
    DefaultDomain,
    /// The 16-digit account UID.
    Uid,
}

impl AccountKind {
    /// The contract's name: `alias`, `default-domain` or `uid`.
    pub fn name(self) -> &'static str {
        match self {
            AccountKind::Alias => "alias",
            AccountKind::DefaultDomain => "default-domain",
            AccountKind::Uid => "uid",
        }
    }
}

/// One switch profile. `account` is what the Switch Role page gets as `parentAlias`;
/// `account_uid` and `role_arn` are known when the account UID is (given as the account, inside
/// a default domain, or by `role_arn`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub id: String,
    /// Defaults to `id`.
    pub display_name: String,
    pub account: String,
    pub account_kind: AccountKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub account_uid: Option<String>,
    pub role_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub role_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub color: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub group: Option<String>,
    pub site: Site,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub note: Option<String>,
    /// The 1-based line of the profile's section header (0 when it did not come from text).
    pub line: usize,
}

/// A problem in a profile text: what is wrong and what was expected (a message id and arguments),
/// where (1-based line and column, columns counted in characters), and which profile and key it
/// concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProfileError {
    pub kind: ErrorKind,
    pub message: ProfileMessage,
    pub line: usize,
    pub column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub profile: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub field: Option<String>,
    /// The one edit that removes this error, when it is certain (a misspelt key, a value in the
    /// wrong case): what the editor's fix button applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub fix: Option<Fix>,
}

/// A certain fix: replace the characters from `column` up to (not including) `end_column` on
/// `line` with `replacement`. Columns are 1-based and counted in characters, as in
/// [`ProfileError`]; the replacement is itself valid (it passes the check that failed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ProfileFix"))]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    pub line: usize,
    pub column: usize,
    pub end_column: usize,
    pub replacement: String,
}

/// The profiles of a text that are free of errors, and every error found.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ProfileParseResult"))]
pub struct Parsed {
    pub profiles: Vec<Profile>,
    pub errors: Vec<ProfileError>,
}
