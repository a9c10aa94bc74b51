//! Reading the whole input: the known fields, the audience, both accounts (UID and enterprise
//! alias by the profile module's rules), the role name and the site; the grants are read by
//! `grants.rs`.

use super::fields::{only, required_object, required_str};
use super::grants::{assume_policy, permission, trust, user_name};
use super::model::{Account, Audience, Setup, Site};
use crate::api::Rule;
use crate::error::{Error, ErrorKind, Result};
use crate::fields::Object;
use crate::message::TutorialMessage as M;
use crate::profile::account as profile_account;
use crate::tutorial::check::api_rule;

const FIELDS: [&str; 10] = [
    "audience",
    "accountA",
    "accountB",
    "roleName",
    "trust",
    "permission",
    "userName",
    "assumePolicy",
    "assumePolicyName",
    "site",
];

/// Reads the tutorial input. `extra` names fields the caller reads itself (e.g. `side`);
/// `audience` is required when `need_audience`.
pub fn read(req: &Object, extra: &[&str], need_audience: bool) -> Result<Setup> {
    let known: Vec<&str> = FIELDS.iter().chain(extra).copied().collect();
    only(req, &known)?;
    let audience = match req.optional_str("audience")? {
        None if need_audience => {
            return Err(
                Error::said(ErrorKind::MissingField, M::InputAudienceMissing {}).at("$.audience"),
            )
        }
        None => None,
        Some("company-a") => Some(Audience::CompanyA),
        Some("company-b") => Some(Audience::CompanyB),
        Some("b-user") => Some(Audience::BUser),
        Some(other) => {
            return Err(Error::invalid_said(
                "$.audience",
                M::InputAudienceInvalid {
                    value: other.into(),
                },
            ))
        }
    };
    let a = account(req, "accountA", M::LabelFieldAccountAUid {})?;
    let b = account(req, "accountB", M::LabelFieldAccountBUid {})?;
    if a.uid == b.uid {
        return Err(Error::invalid_said(
            "$.accountB.uid",
            M::InputSameAccount { uid: a.uid },
        ));
    }
    let role_name = required_str(req, "roleName", M::LabelRoleName {})?;
    api_rule(Rule::RoleName, &role_name, "$.roleName")?;
    let trust = trust(req, &b.uid)?;
    let permission = permission(req, &a.uid, &role_name)?;
    let user_name = user_name(req, &trust)?;
    let assume = assume_policy(req, &a.uid, &role_name)?;
    let site = match req.optional_str("site")? {
        None | Some("cn") => Site::Cn,
        Some("intl") => Site::Intl,
        Some(other) => {
            return Err(Error::invalid_said(
                "$.site",
                M::InputSiteInvalid {
                    value: other.into(),
                },
            ))
        }
    };
    Ok(Setup {
        audience,
        a,
        b,
        role_name,
        trust,
        permission,
        user_name,
        assume,
        site,
    })
}

fn account(req: &Object, name: &str, field: M) -> Result<Account> {
    let obj = required_object(req, name, field.clone())?;
    only(&obj, &["uid", "alias"])?;
    let uid = required_str(&obj, "uid", field)?;
    profile_account::uid(&uid).map_err(|e| Error::invalid_said(obj.child("uid"), e.message))?;
    let alias = obj.optional_str("alias")?.map(str::to_string);
    if let Some(alias) = &alias {
        check_alias(alias, &obj.child("alias"))?;
    }
    Ok(Account { uid, alias })
}

/// The enterprise alias, by the profile module's rule; a default domain gets its own hint.
fn check_alias(alias: &str, path: &str) -> Result<()> {
    if let Some(base) = alias.strip_suffix(".onaliyun.com") {
        // Suggest the alias alone only when it is one (a UID's default domain has none).
        let said = match profile_account::alias(base) {
            Ok(()) => M::InputAliasIsDomain {
                value: alias.into(),
                alias: base.into(),
            },
            Err(_) => M::InputAliasIsDomainUid {
                value: alias.into(),
            },
        };
        return Err(Error::invalid_said(path, said));
    }
    profile_account::alias(alias).map_err(|e| Error::invalid_said(path, e.message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::parse_object;
    use serde_json::json;

    fn input() -> serde_json::Value {
        json!({
            "audience": "company-a",
            "accountA": {"uid": "1746000000000001", "alias": "acme"},
            "accountB": {"uid": "1999000000000002"},
            "roleName": "admin.oss",
            "trust": {"kind": "principals", "users": ["alice"]},
            "permission": {"kind": "custom", "buckets": ["reports"], "prefixes": ["team/2024/"]},
            "assumePolicy": "scoped",
        })
    }

    fn read_value(v: &serde_json::Value) -> Result<Setup> {
        read(&parse_object(&v.to_string())?, &[], true)
    }

    #[test]
    fn defaults() {
        let s = read_value(&input()).unwrap();
        assert_eq!(s.user_name.as_deref(), Some("alice"));
        assert_eq!(s.site, Site::Cn);
        assert_eq!(s.permission_policy(), ("admin-oss-oss-read", "Custom"));
        assert_eq!(
            s.assume_policy(),
            ("AssumeRole-admin-oss-1746000000000001", "Custom")
        );
        assert_eq!(
            s.logon_name().unwrap(),
            "alice@1999000000000002.onaliyun.com"
        );
        assert_eq!(s.a.parent_alias(), "acme");
    }

    fn error_path(patch: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut v = input();
        patch(&mut v);
        read_value(&v).unwrap_err().path.unwrap_or_default()
    }

    #[test]
    fn errors_have_input_paths() {
        assert_eq!(
            error_path(|v| v["accountB"]["uid"] = json!("B")),
            "$.accountB.uid"
        );
        assert_eq!(
            error_path(|v| v["accountA"]["alias"] = json!("Acme")),
            "$.accountA.alias"
        );
        assert_eq!(
            error_path(|v| v["trust"]["users"] = json!(["ok", "no way"])),
            "$.trust.users[1]"
        );
        assert_eq!(
            error_path(|v| v["permission"]["buckets"] = json!(["Bad"])),
            "$.permission.buckets[0]"
        );
        assert_eq!(
            error_path(|v| v["permission"]["prefixes"] = json!(["a/*"])),
            "$.permission.prefixes[0]"
        );
        assert_eq!(error_path(|v| v["userName"] = json!("bob")), "$.userName");
        assert_eq!(error_path(|v| v["roleName"] = json!("a_b")), "$.roleName");
        assert_eq!(error_path(|v| v["extra"] = json!(1)), "$.extra");
        assert_eq!(
            error_path(|v| v["accountB"]["uid"] = json!("1746000000000001")),
            "$.accountB.uid"
        );
    }
}
