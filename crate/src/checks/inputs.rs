//! What the user asked to verify: the target role, the bucket, and which credentials the runner
//! holds. Read from the contract's `inputs` object, checked with the API layer's own rules.

use crate::api::{check as check_field, check_region, FieldValue, Rule};
use crate::contract::fields::{type_name, Object};
use crate::error::{Error, Result};
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
            let near = closest(key, FIELDS.iter().copied(), 4)
                .map(|n| format!("; did you mean {n:?}?"))
                .unwrap_or_default();
            return Err(Error::invalid(
                obj.child(key),
                format!(
                    "the check inputs have no field {key:?}{near} Fields: {}",
                    FIELDS.join(", ")
                ),
            ));
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
            match obj.get(name) {
                None => Ok(default),
                Some(Value::Bool(b)) => Ok(*b),
                Some(other) => Err(Error::invalid(
                    obj.child(name),
                    format!("{name} must be true or false, got {}", type_name(other)),
                )),
            }
        };
        let site = text("site")?;
        if let Some(s) = &site {
            if s != "cn" && s != "intl" {
                return Err(Error::invalid(
                    obj.child("site"),
                    format!("site must be \"cn\" (aliyun.com) or \"intl\" (alibabacloud.com), got {s:?}"),
                ));
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
                return Err(Error::invalid(
                    obj.child("roleName"),
                    format!("roleName {named:?} differs from the role in roleArn ({from_arn:?}): give one of them, or make them agree"),
                ));
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
                return Err(Error::invalid(
                    obj.child("accountA"),
                    format!("accountA names account {uid}, but roleArn {arn:?} belongs to another account: give one of them, or make them agree"),
                ));
            }
        }
        if role_name.is_none() {
            return Err(Error::missing(obj.child("roleArn")).with_message(format!(
                "missing {}: give roleArn (acs:ram::<A's UID>:role/<name>), or accountA and roleName",
                obj.child("roleArn")
            )));
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
                return Err(Error::invalid(
                    obj.child("credentialsKindB"),
                    format!("credentialsKindB must be \"access-key\" or \"sts\", got {other:?}"),
                ))
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
                super::diagnose::input_policies(items, &obj.child("userPolicies"))?;
                Some(items.clone())
            }
            Some(other) => {
                return Err(Error::invalid(
                    obj.child("userPolicies"),
                    format!("userPolicies must be an array of system-policy names or {{\"name\", \"document\"}} objects, got {}", type_name(other)),
                ))
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
            return Err(Error::invalid(
                obj.child("haveCredentialsB"),
                "nothing to check: give B's credentials (haveCredentialsB) or A's (haveCredentialsA)",
            ));
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
