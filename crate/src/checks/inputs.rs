//! What the user asked to verify: the target role, the bucket, and which credentials the runner
//! holds. Read from the contract's `inputs` object, checked with the API layer's own rules.

use super::loaded_policies::{read_input, UserPolicy};
use crate::api::{check as check_field, check_region, FieldValue, Rule};
use crate::error::{Error, ErrorKind, Result};
use crate::message::{ContractMessage, ProfileMessage};
use crate::policy::suggest::closest;
use crate::profile::account;
use crate::read::{child_path, Later};
use crate::read::{read_value, Unknown};
use crate::rules::account::is_uid;
use serde::Deserialize;
use serde_json::Value;

/// What to verify. Give `roleArn`, or `accountA` (what B types on Switch Role) and `roleName`.
// Each field is read and checked in turn (checks/later.rs); the fields are declared in the order
// an unknown field's error lists them.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckInputs"))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InputFields {
    #[cfg_attr(test, ts(optional, as = "Option<crate::profile::Site>"))]
    site: Option<Later<String>>,
    /// `acs:ram::<A's UID>:role/<name>`.
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    role_arn: Option<Later<String>>,
    /// Enterprise alias, `<alias|uid>.onaliyun.com`, or A's UID.
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    account_a: Option<Later<String>>,
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    role_name: Option<Later<String>>,
    /// Enables ListObjects (and the bucket in A's policy simulation).
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    bucket: Option<Later<String>>,
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    prefix: Option<Later<String>>,
    /// OSS region for ListBuckets (ListObjects uses the bucket's own region).
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    region: Option<Later<String>>,
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    external_id: Option<Later<String>>,
    /// Default true.
    #[cfg_attr(test, ts(optional, as = "Option<bool>"))]
    have_credentials_b: Option<Later<bool>>,
    /// Default `"access-key"`.
    #[cfg_attr(test, ts(optional, type = "\"access-key\" | \"sts\""))]
    credentials_kind_b: Option<Later<String>>,
    /// Default false.
    #[cfg_attr(test, ts(optional, as = "Option<bool>"))]
    have_credentials_a: Option<Later<bool>>,
    /// B's UID when B's credentials are not given (for the trust-policy check).
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    account_b: Option<Later<String>>,
    #[cfg_attr(test, ts(optional, as = "Option<String>"))]
    user_b: Option<Later<String>>,
    /// Used only when ListPoliciesForUser is refused: what B's user is believed to have.
    #[cfg_attr(test, ts(optional, as = "Option<Vec<UserPolicy>>"))]
    user_policies: Option<Later<Vec<Later<UserPolicy>>>>,
}

/// An unknown field of `inputs`, with the field it most likely meant.
fn unknown_field(u: Unknown<'_>) -> Error {
    let field = u.field.to_string();
    let text = match closest(u.field, u.expected.iter().copied(), 4) {
        Some(meant) => ContractMessage::InputsUnknownFieldMeant {
            field,
            meant: meant.to_string(),
        },
        None => ContractMessage::InputsUnknownField {
            field,
            fields: u.expected.join(", "),
        },
    };
    Error::invalid_said(u.path, text)
}

/// How company B's account was named on the Switch Role page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountRef {
    /// A numeric account UID.
    Uid(String),
    /// `<alias or uid>.onaliyun.com`; `stem` is the part before `.onaliyun.com`.
    Domain { text: String, stem: String },
    /// An enterprise alias.
    Alias(String),
}

impl AccountRef {
    /// Classifies what was typed. Only the shape matters here: RAM decides what exists.
    pub fn classify(text: &str) -> AccountRef {
        let lower = text.trim().to_ascii_lowercase();
        if is_uid(&lower) {
            return AccountRef::Uid(lower);
        }
        match lower.strip_suffix(".onaliyun.com") {
            Some(stem) if !stem.is_empty() => AccountRef::Domain {
                stem: stem.to_string(),
                text: lower.clone(),
            },
            _ => AccountRef::Alias(lower),
        }
    }

    /// The UID this name states outright (a UID, or a UID-based default domain).
    pub fn uid(&self) -> Option<&str> {
        match self {
            AccountRef::Uid(uid) => Some(uid),
            AccountRef::Domain { stem, .. } if is_uid(stem) => Some(stem),
            _ => None,
        }
    }

    pub fn text(&self) -> &str {
        match self {
            AccountRef::Uid(t) | AccountRef::Alias(t) | AccountRef::Domain { text: t, .. } => t,
        }
    }
}

/// The kind of credentials B entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialsKind {
    AccessKey,
    Sts,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckInputs {
    pub site: Option<String>,
    /// Given as roleArn (validated), else None (see `role_name` + `account_a`).
    pub role_arn: Option<String>,
    pub account_a: Option<AccountRef>,
    /// From roleName, or from roleArn.
    pub role_name: Option<String>,
    pub bucket: Option<String>,
    pub prefix: Option<String>,
    pub region: Option<String>,
    pub external_id: Option<String>,
    pub have_b: bool,
    pub kind_b: CredentialsKind,
    pub have_a: bool,
    pub account_b: Option<String>,
    pub user_b: Option<String>,
    /// The policies B's user is believed to have (names or `{name?, document}`), for the
    /// fallback simulation; checked when read (`loaded_policies::read_input`).
    pub user_policies: Option<Vec<UserPolicy>>,
}

impl CheckInputs {
    /// Reads `inputs` (at JSON path `path`).
    pub fn read(value: &Value, path: &str) -> Result<CheckInputs> {
        let fields: InputFields = read_value(value, path, Some(&unknown_field))?;
        fields.check(path)
    }
}

/// Text as the checks take it: trimmed, and empty text is none.
fn text(field: &Option<Later<String>>, path: &str) -> Result<Option<String>> {
    Ok(Later::read_optional(field, path, None)?
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty()))
}

/// Text that must pass an API field's `rule`.
fn rule(field: &Option<Later<String>>, path: &str, rule: Rule) -> Result<Option<String>> {
    match text(field, path)? {
        None => Ok(None),
        Some(v) => check_field(rule, path, &FieldValue::Text(v)).map(Some),
    }
}

impl InputFields {
    /// Each field read and checked in turn, then what the fields say together.
    fn check(self, path: &str) -> Result<CheckInputs> {
        let at = |name: &str| child_path(path, name);
        let site = text(&self.site, &at("site"))?;
        if let Some(s) = &site {
            if s != "cn" && s != "intl" {
                let text = ProfileMessage::ProfileSiteInvalid { value: s.clone() };
                return Err(Error::invalid_said(at("site"), text));
            }
        }
        let role_arn = rule(&self.role_arn, &at("roleArn"), Rule::RoleArn)?;
        let named_role = rule(&self.role_name, &at("roleName"), Rule::RoleName)?;
        let arn_role = role_arn
            .as_deref()
            .and_then(|arn| arn.rsplit_once("role/"))
            .map(|(_, name)| name.to_string());
        if let (Some(named), Some(from_arn)) = (&named_role, &arn_role) {
            if named != from_arn {
                let text = ProfileMessage::ProfileRoleDisagree {
                    arn_role: from_arn.clone(),
                    role: named.clone(),
                };
                return Err(Error::invalid_said(at("roleName"), text));
            }
        }
        let role_name = named_role.or(arn_role);
        let account_a = match text(&self.account_a, &at("accountA"))? {
            None => None,
            Some(t) => {
                // The profile format's own rules: alias, default domain or 16-digit UID.
                account::account(&t).map_err(|e| Error::invalid_said(at("accountA"), e.message))?;
                Some(AccountRef::classify(&t))
            }
        };
        if let (Some(arn), Some(uid)) = (&role_arn, account_a.as_ref().and_then(AccountRef::uid)) {
            if !arn.starts_with(&format!("acs:ram::{uid}:")) {
                let text = ContractMessage::InputsAccountDisagree {
                    uid: uid.to_string(),
                    arn: arn.clone(),
                };
                return Err(Error::invalid_said(at("accountA"), text));
            }
        }
        if role_name.is_none() {
            let text = ContractMessage::InputsNoRole {
                example: "acs:ram::1234567890123456:role/admin-oss".into(),
            };
            return Err(Error::said(ErrorKind::MissingField, text).at(at("roleArn")));
        }
        let bucket = text(&self.bucket, &at("bucket"))?;
        if let Some(b) = &bucket {
            crate::sign::oss::check_bucket(b).map_err(|e| e.at(at("bucket")))?;
        }
        // A prefix is taken as given: spaces may begin or end a key.
        let prefix =
            Later::read_optional(&self.prefix, &at("prefix"), None)?.filter(|p| !p.is_empty());
        if let Some(p) = &prefix {
            check_field(Rule::KeyText, &at("prefix"), &FieldValue::Text(p.clone()))?;
        }
        let region = text(&self.region, &at("region"))?;
        if let Some(r) = &region {
            check_region(r).map_err(|e| e.at(at("region")))?;
        }
        let kind_b = match text(&self.credentials_kind_b, &at("credentialsKindB"))?.as_deref() {
            None | Some("access-key") => CredentialsKind::AccessKey,
            Some("sts") => CredentialsKind::Sts,
            Some(other) => {
                let text = ContractMessage::InputsCredentialsKind {
                    value: other.to_string(),
                    access_key: "access-key".into(),
                    sts: "sts".into(),
                };
                return Err(Error::invalid_said(at("credentialsKindB"), text));
            }
        };
        let account_b = text(&self.account_b, &at("accountB"))?;
        if let Some(uid) = &account_b {
            account::uid(uid).map_err(|e| Error::invalid_said(at("accountB"), e.message))?;
        }
        let user_policies = Later::read_optional(&self.user_policies, &at("userPolicies"), None)?
            .map(|entries| read_input(&entries, &at("userPolicies")))
            .transpose()?;
        let inputs = CheckInputs {
            site,
            role_arn,
            account_a,
            role_name,
            bucket,
            prefix,
            region,
            external_id: rule(&self.external_id, &at("externalId"), Rule::ExternalId)?,
            have_b: Later::read_optional(&self.have_credentials_b, &at("haveCredentialsB"), None)?
                .unwrap_or(true),
            kind_b,
            have_a: Later::read_optional(&self.have_credentials_a, &at("haveCredentialsA"), None)?
                .unwrap_or(false),
            account_b,
            user_b: rule(&self.user_b, &at("userB"), Rule::UserName)?,
            user_policies,
        };
        if !inputs.have_a && !inputs.have_b {
            let text = ContractMessage::InputsNothingToCheck {};
            return Err(Error::invalid_said(at("haveCredentialsB"), text));
        }
        Ok(inputs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_b_typed_is_classified() {
        assert_eq!(
            AccountRef::classify(" 1746000000000000 "),
            AccountRef::Uid("1746000000000000".into())
        );
        let domain = AccountRef::classify("Company-A.onaliyun.com");
        assert_eq!(domain.text(), "company-a.onaliyun.com");
        assert_eq!(domain.uid(), None);
        assert_eq!(
            AccountRef::classify("1746000000000000.onaliyun.com").uid(),
            Some("1746000000000000")
        );
        assert_eq!(
            AccountRef::classify("company-a"),
            AccountRef::Alias("company-a".into())
        );
        assert_eq!(
            AccountRef::classify(".onaliyun.com"),
            AccountRef::Alias(".onaliyun.com".into())
        );
    }
}
