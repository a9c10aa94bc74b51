//! What the role grants and to whom: the trust (B's account or named users and roles), the
//! permission (system or scoped to buckets and prefixes), B's user and B's AssumeRole policy,
//! each checked by the policy builders and the API layer's rules before anything is generated.

use super::fields::{names, optional_value, required, unknown_field};
use super::model::{AssumePolicy, Permission, Trust};
use super::shape::{TutorialInput, TutorialPermission, TutorialTrust};
use crate::api::Rule;
use crate::error::{Error, ErrorKind, Result};
use crate::message::TutorialMessage as M;
use crate::policy::build::{self as builders, OssReadSpec, OssScope, TrustSpec};
use crate::read::Later;
use crate::read::{self, read_value, OnUnknown};
use crate::tutorial::check::{api_rule, moved};

const TRUST: &str = "$.trust";
const PERMISSION: &str = "$.permission";
const BUCKETS: &str = "$.permission.buckets";
const PREFIXES: &str = "$.permission.prefixes";

/// The trust as given: its `kind`, then the fields of that kind.
fn read_trust(given: &Later<TutorialTrust>) -> Result<TutorialTrust> {
    let value = given.given();
    let unknown: OnUnknown = Some(&unknown_field);
    Ok(match read::tag(value, TRUST, "kind")? {
        "account" => TutorialTrust::Account(read_value(value, TRUST, unknown)?),
        "principals" => TutorialTrust::Principals(read_value(value, TRUST, unknown)?),
        other => {
            let text = M::InputTrustKind {
                value: other.into(),
            };
            return Err(Error::invalid_said("$.trust.kind", text));
        }
    })
}

pub fn trust(given: &Option<Later<TutorialTrust>>, b_uid: &str) -> Result<Trust> {
    let Some(given) = given else {
        return Err(required(TRUST, M::LabelFieldTrust {}));
    };
    let given = match read_trust(given)? {
        TutorialTrust::Account(_) => return Ok(Trust::Account),
        TutorialTrust::Principals(given) => given,
    };
    let users = names(&given.users, "$.trust.users", M::LabelFieldTrustUsers {})?;
    let roles = names(&given.roles, "$.trust.roles", M::LabelFieldTrustRoles {})?;
    // B's RAM users as RAM names them (CreateUser's rule: no '@'), then the builder's own checks.
    for (i, user) in users.iter().enumerate() {
        api_rule(Rule::UserName, user, &format!("$.trust.users[{i}]"))?;
    }
    if users.is_empty() && roles.is_empty() {
        return Err(Error::invalid_said(TRUST, M::InputTrustNoOne {}));
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

/// `admin.oss` -> `admin-oss`: policy names take letters, digits and `-` only.
fn policy_name_part(name: &str) -> String {
    name.replace('.', "-")
}

/// The permission as given: its `kind`, then the fields of that kind.
fn read_permission(given: &Later<TutorialPermission>) -> Result<TutorialPermission> {
    let value = given.given();
    let unknown: OnUnknown = Some(&unknown_field);
    Ok(match read::tag(value, PERMISSION, "kind")? {
        "system" => TutorialPermission::System(read_value(value, PERMISSION, unknown)?),
        "custom" => TutorialPermission::Custom(read_value(value, PERMISSION, unknown)?),
        other => {
            let text = M::InputPermissionKind {
                value: other.into(),
            };
            return Err(Error::invalid_said("$.permission.kind", text));
        }
    })
}

pub fn permission(
    given: &Option<Later<TutorialPermission>>,
    a_uid: &str,
    role_name: &str,
) -> Result<Permission> {
    let Some(given) = given else {
        return Err(required(PERMISSION, M::LabelFieldPermission {}));
    };
    let given = match read_permission(given)? {
        TutorialPermission::System(_) => return Ok(Permission::System),
        TutorialPermission::Custom(given) => given,
    };
    let buckets = names(&given.buckets, BUCKETS, M::LabelFieldBuckets {})?;
    let prefixes = names(&given.prefixes, PREFIXES, M::LabelFieldPrefixes {})?;
    if buckets.is_empty() {
        return Err(Error::said(ErrorKind::MissingField, M::InputBucketsMissing {}).at(BUCKETS));
    }
    if !prefixes.is_empty() && buckets.len() != 1 {
        return Err(Error::invalid_said(PREFIXES, M::InputPrefixesOneBucket {}));
    }
    check_scope(a_uid, &buckets, &prefixes)?;
    let path = "$.permission.policyName";
    let policy_name = match optional_value(&given.policy_name, path)? {
        Some(name) => name,
        None => format!("{}-oss-read", policy_name_part(role_name)),
    };
    api_rule(Rule::PolicyName, &policy_name, path)?;
    Ok(Permission::Custom {
        buckets,
        prefixes,
        policy_name,
    })
}

/// Buckets and prefixes, checked by the OSS builder itself.
fn check_scope(a_uid: &str, buckets: &[String], prefixes: &[String]) -> Result<()> {
    let spec = |scope| OssReadSpec {
        account: a_uid.to_string(),
        scope,
        console: true,
    };
    builders::oss_read_only(&spec(OssScope::Buckets(buckets.to_vec())))
        .map_err(|e| moved(e, &[("$.buckets", BUCKETS)]))?;
    for (i, prefix) in prefixes.iter().enumerate() {
        let path = format!("{PREFIXES}[{i}]");
        let scope = OssScope::Prefix {
            bucket: buckets.first().cloned().unwrap_or_default(),
            prefix: prefix.clone(),
        };
        builders::oss_read_only(&spec(scope)).map_err(|e| moved(e, &[("$.prefix", &path)]))?;
    }
    Ok(())
}

pub fn user_name(given: &Option<Later<String>>, trust: &Trust) -> Result<Option<String>> {
    let named = match trust {
        Trust::Principals { users, roles } => Some((users, roles)),
        Trust::Account => None,
    };
    let Some(user) = optional_value(given, "$.userName")? else {
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

pub fn assume_policy(input: &TutorialInput, a_uid: &str, role_name: &str) -> Result<AssumePolicy> {
    let name = optional_value(&input.assume_policy_name, "$.assumePolicyName")?;
    let Some(given) = &input.assume_policy else {
        return Err(
            Error::said(ErrorKind::MissingField, M::InputAssumeMissing {}).at("$.assumePolicy"),
        );
    };
    match given.read("$.assumePolicy", None)?.as_str() {
        "system" if name.is_some() => Err(Error::invalid_said(
            "$.assumePolicyName",
            M::InputAssumeNameSystem {},
        )),
        "system" => Ok(AssumePolicy::System),
        "scoped" => {
            let policy_name = match name {
                Some(n) => n,
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
