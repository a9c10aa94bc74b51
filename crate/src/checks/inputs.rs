//! What the user asked to verify: the target role, the bucket, and which credentials the runner
//! holds. Read from the contract's `inputs` object, checked with the API layer's own rules.

use crate::api::{check as check_field, check_region, FieldValue, Rule};
use crate::error::{Error, Result};
use crate::fields::{wrong_type, Object};
use crate::message::{ApiMessage, ContractMessage, ProfileMessage};
use crate::policy::suggest::closest;
use crate::profile::account;
use crate::rules::account::is_uid;
use serde_json::Value;

const FIELDS: [&str; 14] = [
    "site",
    "roleArn",
    "accountA",
    "roleName",
    "bucket",
    "prefix",
    "region",
    "externalId",
    "haveCredentialsB",
    "credentialsKindB",
    "haveCredentialsA",
    "accountB",
    "userB",
    "userPolicies",
];

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
    /// fallback simulation; checked when read (`simulate::user_input_policies`).
    pub user_policies: Option<Vec<Value>>,
}

impl CheckInputs {
    /// Reads `inputs` (at JSON path `path`).
    pub fn read(value: &Value, path: &str) -> Result<CheckInputs> {
        let obj = Object::new(value.clone(), path.to_string())?;
        if let Some(key) = obj.map.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            let field = key.clone();
            let text = match closest(key, FIELDS.iter().copied(), 4) {
                Some(meant) => ContractMessage::InputsUnknownFieldMeant {
                    field,
                    meant: meant.to_string(),
                },
                None => ContractMessage::InputsUnknownField {
                    field,
                    fields: FIELDS.join(", "),
                },
            };
            return Err(Error::invalid_said(obj.child(key), text));
        }
        let text = |name: &str| -> Result<Option<String>> {
            Ok(obj
                .optional_str(name)?
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string))
        };
        let rule = |name: &str, rule: Rule| -> Result<Option<String>> {
            match text(name)? {
                None => Ok(None),
                Some(v) => check_field(rule, &obj.child(name), &FieldValue::Text(v)).map(Some),
            }
        };
        let flag = |name: &str, default: bool| -> Result<bool> {
            Ok(obj.optional_bool(name)?.unwrap_or(default))
        };
        let site = text("site")?;
        if let Some(s) = &site {
            if s != "cn" && s != "intl" {
                let text = ProfileMessage::ProfileSiteInvalid { value: s.clone() };
                return Err(Error::invalid_said(obj.child("site"), text));
            }
        }
        let role_arn = rule("roleArn", Rule::RoleArn)?;
        let named_role = rule("roleName", Rule::RoleName)?;
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
                return Err(Error::invalid_said(obj.child("roleName"), text));
            }
        }
        let role_name = named_role.or(arn_role);
        let account_a = match text("accountA")? {
            None => None,
            Some(t) => {
                // The profile format's own rules: alias, default domain or 16-digit UID.
                account::account(&t)
                    .map_err(|e| Error::invalid_said(obj.child("accountA"), e.message))?;
                Some(AccountRef::classify(&t))
            }
        };
        if let (Some(arn), Some(uid)) = (&role_arn, account_a.as_ref().and_then(AccountRef::uid)) {
            if !arn.starts_with(&format!("acs:ram::{uid}:")) {
                let text = ContractMessage::InputsAccountDisagree {
                    uid: uid.to_string(),
                    arn: arn.clone(),
                };
                return Err(Error::invalid_said(obj.child("accountA"), text));
            }
        }
        if role_name.is_none() {
            let text = ContractMessage::InputsNoRole {
                example: "acs:ram::1234567890123456:role/admin-oss".into(),
            };
            return Err(
                Error::said(crate::error::ErrorKind::MissingField, text).at(obj.child("roleArn"))
            );
        }
        let bucket = text("bucket")?;
        if let Some(b) = &bucket {
            crate::sign::oss::check_bucket(b).map_err(|e| e.at(obj.child("bucket")))?;
        }
        let prefix = obj.optional_str("prefix")?.filter(|p| !p.is_empty());
        if let Some(p) = prefix {
            check_field(
                Rule::KeyText,
                &obj.child("prefix"),
                &FieldValue::Text(p.to_string()),
            )?;
        }
        let region = text("region")?;
        if let Some(r) = &region {
            check_region(r).map_err(|e| e.at(obj.child("region")))?;
        }
        let kind_b = match text("credentialsKindB")?.as_deref() {
            None | Some("access-key") => CredentialsKind::AccessKey,
            Some("sts") => CredentialsKind::Sts,
            Some(other) => {
                let text = ContractMessage::InputsCredentialsKind {
                    value: other.to_string(),
                    access_key: "access-key".into(),
                    sts: "sts".into(),
                };
                return Err(Error::invalid_said(obj.child("credentialsKindB"), text));
            }
        };
        let account_b = text("accountB")?;
        if let Some(uid) = &account_b {
            account::uid(uid).map_err(|e| Error::invalid_said(obj.child("accountB"), e.message))?;
        }
        let user_policies = match obj.get("userPolicies") {
            None => None,
            Some(Value::Array(items)) => {
                // Checked now, so that a bad entry is an input error, not a silent unknown.
                super::loaded_policies::from_input(items, &obj.child("userPolicies"))?;
                Some(items.clone())
            }
            Some(other) => {
                let path = obj.child("userPolicies");
                return Err(wrong_type(&path, ApiMessage::JsonArray {}, other));
            }
        };
        let inputs = CheckInputs {
            site,
            role_arn,
            account_a,
            role_name,
            bucket,
            prefix: prefix.map(str::to_string),
            region,
            external_id: rule("externalId", Rule::ExternalId)?,
            have_b: flag("haveCredentialsB", true)?,
            kind_b,
            have_a: flag("haveCredentialsA", false)?,
            account_b,
            user_b: rule("userB", Rule::UserName)?,
            user_policies,
        };
        if !inputs.have_a && !inputs.have_b {
            let text = ContractMessage::InputsNothingToCheck {};
            return Err(Error::invalid_said(obj.child("haveCredentialsB"), text));
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
