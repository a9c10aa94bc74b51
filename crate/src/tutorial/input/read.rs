//! Reading the whole input: the known fields and the audience (`shape.rs`), then in their turn
//! both accounts (UID and enterprise alias by the profile module's rules), the role name and the
//! site; the grants are read by `grants.rs`.

use super::fields::{optional_value, required, required_value, unknown, unknown_field};
use super::grants::{assume_policy, permission, trust, user_name};
use super::model::{Account, Setup, Site};
use super::shape::{SetupPlanInput, TutorialAccount, TutorialInput};
use crate::api::Rule;
use crate::error::{Error, ErrorKind, Result};
use crate::message::TutorialMessage as M;
use crate::profile::account as profile_account;
use crate::read::read_value;
use crate::read::Later;
use crate::tutorial::check::api_rule;
use serde_json::Value;

/// The tutorial's fields, as an unknown field's error lists them.
const FIELDS: &str = "audience, accountA, accountB, roleName, trust, permission, userName, \
                      assumePolicy, assumePolicyName, site";

fn audience_invalid(value: String) -> M {
    M::InputAudienceInvalid { value }
}

/// Reads a `tutorialSteps` input (its `draft` already read): its fields, and the audience.
pub fn tutorial_input(value: &Value) -> Result<TutorialInput> {
    read_value(value, "$", Some(&unknown(FIELDS, audience_invalid)))
}

/// Reads a `setupPlan` input: its fields, and the audience.
pub fn plan_input(value: &Value) -> Result<SetupPlanInput> {
    let known = format!("{FIELDS}, side");
    let on_unknown = unknown(&known, audience_invalid);
    read_value(value, "$", Some(&on_unknown))
}

/// Checks the tutorial input, field after field; `audience` is required when `need_audience`.
pub fn read(input: &TutorialInput, need_audience: bool) -> Result<Setup> {
    if need_audience && input.audience.is_none() {
        return Err(
            Error::said(ErrorKind::MissingField, M::InputAudienceMissing {}).at("$.audience"),
        );
    }
    let a = account(&input.account_a, "$.accountA", M::LabelFieldAccountAUid {})?;
    let b = account(&input.account_b, "$.accountB", M::LabelFieldAccountBUid {})?;
    if a.uid == b.uid {
        return Err(Error::invalid_said(
            "$.accountB.uid",
            M::InputSameAccount { uid: a.uid },
        ));
    }
    let role_name = required_value(&input.role_name, "$.roleName", M::LabelRoleName {})?;
    api_rule(Rule::RoleName, &role_name, "$.roleName")?;
    let trust = trust(&input.trust, &b.uid)?;
    let permission = permission(&input.permission, &a.uid, &role_name)?;
    let user_name = user_name(&input.user_name, &trust)?;
    let assume = assume_policy(input, &a.uid, &role_name)?;
    let site = match optional_value(&input.site, "$.site")?.as_deref() {
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
        audience: input.audience,
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

fn account(given: &Option<Later<TutorialAccount>>, path: &str, field: M) -> Result<Account> {
    let Some(given) = given else {
        return Err(required(path, field));
    };
    let account: TutorialAccount = given.read(path, Some(&unknown_field))?;
    let uid_path = format!("{path}.uid");
    let uid = required_value(&account.uid, &uid_path, field)?;
    profile_account::uid(&uid).map_err(|e| Error::invalid_said(&uid_path, e.message))?;
    let alias_path = format!("{path}.alias");
    let alias = optional_value(&account.alias, &alias_path)?;
    if let Some(alias) = &alias {
        check_alias(alias, &alias_path)?;
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
        read(&tutorial_input(v)?, true)
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
