//! What the role grants and to whom: the trust (B's account or named users and roles), the
//! permission (system or scoped to buckets and prefixes), B's user and B's AssumeRole policy,
//! each checked by the policy builders and the API layer's rules before anything is generated.

use super::fields::{only, required_object, strings};
use super::model::{AssumePolicy, Permission, Trust};
use crate::api::Rule;
use crate::error::{Error, ErrorKind, Result};
use crate::fields::Object;
use crate::message::TutorialMessage as M;
use crate::policy::build::{self as builders, OssReadSpec, OssScope, TrustSpec};
use crate::tutorial::check::{api_rule, moved};

pub fn trust(req: &Object, b_uid: &str) -> Result<Trust> {
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

pub fn permission(req: &Object, a_uid: &str, role_name: &str) -> Result<Permission> {
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

pub fn user_name(req: &Object, trust: &Trust) -> Result<Option<String>> {
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

pub fn assume_policy(req: &Object, a_uid: &str, role_name: &str) -> Result<AssumePolicy> {
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
