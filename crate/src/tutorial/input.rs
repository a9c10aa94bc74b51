//! The tutorial's input: who is reading (company A, company B, or B's user), both accounts, the
//! role, how far the trust reaches, what the role may read, B's user and B's AssumeRole policy.
//! Read from JSON with every error at its JSON path, and checked with the rules that already
//! exist (policy builders, API layer) before anything is generated.

use super::check::{api_rule, moved};
use crate::api::Rule;
use crate::error::{Error, ErrorKind, Result};
use crate::fields::{child_path, json_type, Object};
use crate::message::TutorialMessage as M;
use crate::policy::build::{self as builders, OssReadSpec, OssScope, TrustSpec};
use crate::profile::account as profile_account;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    CompanyA,
    CompanyB,
    BUser,
}

impl Audience {
    pub fn name(self) -> &'static str {
        match self {
            Audience::CompanyA => "company-a",
            Audience::CompanyB => "company-b",
            Audience::BUser => "b-user",
        }
    }
}

/// `cn`: aliyun.com consoles; `intl`: alibabacloud.com (the profile module's site).
pub use crate::profile::Site;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub uid: String,
    pub alias: Option<String>,
}

impl Account {
    /// What the Switch Role page takes: the enterprise alias when known, else the UID.
    pub fn parent_alias(&self) -> &str {
        self.alias.as_deref().unwrap_or(&self.uid)
    }

    /// `<alias or uid>.onaliyun.com`: the account's default domain (RAM logon names end in it).
    pub fn default_domain(&self) -> String {
        format!("{}.onaliyun.com", self.parent_alias())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// Every RAM user and role of B (`acs:ram::<B>:root`), as the console creates it.
    Account,
    /// Only these users and roles of B.
    Principals {
        users: Vec<String>,
        roles: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Permission {
    /// AliyunOSSReadOnlyAccess.
    System,
    /// A custom policy scoped to buckets (and prefixes of one bucket).
    Custom {
        buckets: Vec<String>,
        prefixes: Vec<String>,
        policy_name: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssumePolicy {
    /// AliyunSTSAssumeRoleAccess (any role).
    System,
    /// A custom policy allowing sts:AssumeRole on the one role ARN.
    Scoped { policy_name: String },
}

/// The two sides of "Do it for me".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }
}

pub const OSS_READ_ONLY: &str = "AliyunOSSReadOnlyAccess";
pub const STS_ASSUME_ROLE: &str = "AliyunSTSAssumeRoleAccess";

/// The checked input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    pub audience: Option<Audience>,
    pub a: Account,
    pub b: Account,
    pub role_name: String,
    pub trust: Trust,
    pub permission: Permission,
    /// B's RAM user (given, or the first user the trust names).
    pub user_name: Option<String>,
    pub assume: AssumePolicy,
    pub site: Site,
}

impl Setup {
    pub fn role_arn(&self) -> String {
        format!("acs:ram::{}:role/{}", self.a.uid, self.role_name)
    }

    /// The permission policy attached to the role: (name, `System` | `Custom`).
    pub fn permission_policy(&self) -> (&str, &'static str) {
        match &self.permission {
            Permission::System => (OSS_READ_ONLY, "System"),
            Permission::Custom { policy_name, .. } => (policy_name, "Custom"),
        }
    }

    /// The policy attached to B's user: (name, `System` | `Custom`).
    pub fn assume_policy(&self) -> (&str, &'static str) {
        match &self.assume {
            AssumePolicy::System => (STS_ASSUME_ROLE, "System"),
            AssumePolicy::Scoped { policy_name } => (policy_name, "Custom"),
        }
    }

    /// `alice@<B's default domain>`.
    pub fn logon_name(&self) -> Option<String> {
        self.user_name
            .as_ref()
            .map(|u| format!("{u}@{}", self.b.default_domain()))
    }
}

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

/// Every field of `obj` must be one of `known`.
pub(super) fn only(obj: &Object, known: &[&str]) -> Result<()> {
    match obj.map.keys().find(|k| !known.contains(&k.as_str())) {
        None => Ok(()),
        Some(key) => Err(Error::invalid_said(
            child_path(&obj.path, key),
            M::InputUnknownField {
                field: key.clone(),
                known: known.join(", "),
            },
        )),
    }
}

/// A missing field's error, naming the field as the workbench's form does.
fn required(path: String, field: M) -> Error {
    Error::said(
        ErrorKind::MissingField,
        M::InputRequired {
            field: Box::new(field),
        },
    )
    .at(path)
}

fn required_object(req: &Object, name: &str, field: M) -> Result<Object> {
    req.optional_object(name)?
        .ok_or_else(|| required(req.child(name), field))
}

fn required_str(obj: &Object, name: &str, field: M) -> Result<String> {
    match obj.get(name) {
        None => Err(required(obj.child(name), field)),
        Some(_) => Ok(obj.required_str(name)?.to_string()),
    }
}

fn strings(obj: &Object, name: &str, field: M) -> Result<Vec<String>> {
    let path = obj.child(name);
    let Some(value) = obj.get(name) else {
        return Ok(Vec::new());
    };
    let items = value.as_array().ok_or_else(|| {
        Error::invalid_said(
            &path,
            M::InputNotList {
                field: Box::new(field.clone()),
                got: Box::new(json_type(value)),
            },
        )
    })?;
    let mut out: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let text = item.as_str().ok_or_else(|| {
            Error::invalid_said(
                format!("{path}[{i}]"),
                M::InputNotName {
                    field: Box::new(field.clone()),
                    got: Box::new(json_type(item)),
                },
            )
        })?;
        if out.iter().any(|earlier| earlier == text) {
            return Err(Error::invalid_said(
                format!("{path}[{i}]"),
                M::InputTwice {
                    field: Box::new(field.clone()),
                    value: text.into(),
                },
            ));
        }
        out.push(text.to_string());
    }
    Ok(out)
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

fn trust(req: &Object, b_uid: &str) -> Result<Trust> {
    let obj = required_object(req, "trust", M::LabelFieldTrust {})?;
    match obj.required_str("kind")? {
        "account" => {
            only(&obj, &["kind"])?;
            Ok(Trust::Account)
        }
        "principals" => {
            only(&obj, &["kind", "users", "roles"])?;
            let users = strings(&obj, "users", M::LabelFieldTrustUsers {})?;
            let roles = strings(&obj, "roles", M::LabelFieldTrustRoles {})?;
            // B's RAM users as RAM names them (CreateUser's rule: no '@'), then the builder's own checks.
            for (i, user) in users.iter().enumerate() {
                api_rule(
                    Rule::UserName,
                    user,
                    &format!("{}[{i}]", obj.child("users")),
                )?;
            }
            if users.is_empty() && roles.is_empty() {
                return Err(Error::invalid_said(&obj.path, M::InputTrustNoOne {}));
            }
            let spec = TrustSpec {
                account: Some(b_uid.to_string()),
                users: users.clone(),
                roles: roles.clone(),
                ..TrustSpec::default()
            };
            builders::trust_policy(&spec).map_err(|e| {
                moved(
                    e,
                    &[("$.users", "$.trust.users"), ("$.roles", "$.trust.roles")],
                )
            })?;
            Ok(Trust::Principals { users, roles })
        }
        other => Err(Error::invalid_said(
            obj.child("kind"),
            M::InputTrustKind {
                value: other.into(),
            },
        )),
    }
}

/// `admin.oss` -> `admin-oss`: policy names take letters, digits and `-` only.
fn policy_name_part(name: &str) -> String {
    name.replace('.', "-")
}

fn permission(req: &Object, a_uid: &str, role_name: &str) -> Result<Permission> {
    let obj = required_object(req, "permission", M::LabelFieldPermission {})?;
    match obj.required_str("kind")? {
        "system" => {
            only(&obj, &["kind"])?;
            Ok(Permission::System)
        }
        "custom" => {
            only(&obj, &["kind", "buckets", "prefixes", "policyName"])?;
            let buckets = strings(&obj, "buckets", M::LabelFieldBuckets {})?;
            let prefixes = strings(&obj, "prefixes", M::LabelFieldPrefixes {})?;
            if buckets.is_empty() {
                return Err(
                    Error::said(ErrorKind::MissingField, M::InputBucketsMissing {})
                        .at(obj.child("buckets")),
                );
            }
            if !prefixes.is_empty() && buckets.len() != 1 {
                return Err(Error::invalid_said(
                    obj.child("prefixes"),
                    M::InputPrefixesOneBucket {},
                ));
            }
            check_scope(a_uid, &buckets, &prefixes, &obj)?;
            let policy_name = match obj.optional_str("policyName")? {
                Some(name) => name.to_string(),
                None => format!("{}-oss-read", policy_name_part(role_name)),
            };
            api_rule(Rule::PolicyName, &policy_name, &obj.child("policyName"))?;
            Ok(Permission::Custom {
                buckets,
                prefixes,
                policy_name,
            })
        }
        other => Err(Error::invalid_said(
            obj.child("kind"),
            M::InputPermissionKind {
                value: other.into(),
            },
        )),
    }
}

/// Buckets and prefixes, checked by the OSS builder itself.
fn check_scope(a_uid: &str, buckets: &[String], prefixes: &[String], obj: &Object) -> Result<()> {
    let spec = |scope| OssReadSpec {
        account: a_uid.to_string(),
        scope,
        console: true,
    };
    builders::oss_read_only(&spec(OssScope::Buckets(buckets.to_vec())))
        .map_err(|e| moved(e, &[("$.buckets", &obj.child("buckets"))]))?;
    for (i, prefix) in prefixes.iter().enumerate() {
        let path = format!("{}[{i}]", obj.child("prefixes"));
        let scope = OssScope::Prefix {
            bucket: buckets.first().cloned().unwrap_or_default(),
            prefix: prefix.clone(),
        };
        builders::oss_read_only(&spec(scope)).map_err(|e| moved(e, &[("$.prefix", &path)]))?;
    }
    Ok(())
}

fn user_name(req: &Object, trust: &Trust) -> Result<Option<String>> {
    let named = match trust {
        Trust::Principals { users, roles } => Some((users, roles)),
        Trust::Account => None,
    };
    let Some(user) = req.optional_str("userName")?.map(str::to_string) else {
        return Ok(named.and_then(|(users, _)| users.first().cloned()));
    };
    api_rule(Rule::UserName, &user, "$.userName")?;
    if let Some((users, _)) = named {
        if !users.contains(&user) {
            return Err(Error::invalid_said(
                "$.userName",
                M::InputUserNotTrusted {
                    user,
                    trusted: Box::new(trusted_principals(trust)),
                },
            ));
        }
    }
    Ok(Some(user))
}

/// "user alice, role ops" / "用户 alice、角色 ops": whom a trust of named principals names.
fn trusted_principals(trust: &Trust) -> M {
    let (users, roles) = match trust {
        Trust::Principals { users, roles } => (users.as_slice(), roles.as_slice()),
        Trust::Account => (&[][..], &[][..]),
    };
    let names = users
        .iter()
        .map(|u| M::TermUser { name: u.clone() })
        .chain(roles.iter().map(|r| M::TermRole { name: r.clone() }))
        .collect();
    M::list(names).unwrap_or(M::TermValue {
        value: String::new(),
    })
}

fn assume_policy(req: &Object, a_uid: &str, role_name: &str) -> Result<AssumePolicy> {
    let name = req.optional_str("assumePolicyName")?;
    if req.get("assumePolicy").is_none() {
        return Err(
            Error::said(ErrorKind::MissingField, M::InputAssumeMissing {}).at("$.assumePolicy"),
        );
    }
    match req.required_str("assumePolicy")? {
        "system" if name.is_some() => Err(Error::invalid_said(
            "$.assumePolicyName",
            M::InputAssumeNameSystem {},
        )),
        "system" => Ok(AssumePolicy::System),
        "scoped" => {
            let policy_name = match name {
                Some(n) => n.to_string(),
                None => format!("AssumeRole-{}-{a_uid}", policy_name_part(role_name)),
            };
            api_rule(Rule::PolicyName, &policy_name, "$.assumePolicyName")?;
            Ok(AssumePolicy::Scoped { policy_name })
        }
        other => Err(Error::invalid_said(
            "$.assumePolicy",
            M::InputAssumeInvalid {
                value: other.into(),
            },
        )),
    }
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
