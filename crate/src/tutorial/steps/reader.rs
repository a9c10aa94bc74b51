//! What one reader's tutorial holds besides the troubleshooting list: their steps in order, the
//! values they may need, and the verification checks' inputs.

use super::docs::Docs;
use super::step::Step;
use super::{b_user, company_a, company_b};
use crate::tutorial::console;
use crate::tutorial::input::{Account, AssumePolicy, Audience, Permission, Setup};
use serde::Serialize;

/// The steps of `audience`, in order.
pub fn for_audience(setup: &Setup, audience: Audience, docs: &Docs) -> Vec<Step> {
    match audience {
        Audience::CompanyA => company_a::steps(setup, docs),
        Audience::CompanyB => company_b::steps(setup, docs),
        Audience::BUser => b_user::steps(setup, docs),
    }
}

/// The values every reader may need, by name.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialValues"))]
#[serde(rename_all = "camelCase")]
pub struct Values {
    account_a: AccountValues,
    account_b: AccountValues,
    role_name: String,
    role_arn: String,
    permission_policy: PolicyName,
    assume_policy: PolicyName,
    switch_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    user_name: Option<String>,
    /// `alice@<B's default domain>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    logon_name: Option<String>,
}

/// One account's values: what the Switch Role page takes (`parentAlias`) and its default domain.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialAccountValues"))]
#[serde(rename_all = "camelCase")]
pub struct AccountValues {
    uid: String,
    default_domain: String,
    parent_alias: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    alias: Option<String>,
}

/// A policy to attach, by name and type.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialPolicyName"))]
pub struct PolicyName {
    name: String,
    #[serde(rename = "type")]
    #[cfg_attr(test, ts(type = "\"System\" | \"Custom\""))]
    kind: &'static str,
}

impl PolicyName {
    fn new((name, kind): (&str, &'static str)) -> PolicyName {
        PolicyName {
            name: name.to_string(),
            kind,
        }
    }
}

impl AccountValues {
    fn new(account: &Account) -> AccountValues {
        AccountValues {
            uid: account.uid.clone(),
            default_domain: account.default_domain(),
            parent_alias: account.parent_alias().to_string(),
            alias: account.alias.clone(),
        }
    }
}

impl Values {
    pub fn new(setup: &Setup) -> Values {
        Values {
            account_a: AccountValues::new(&setup.a),
            account_b: AccountValues::new(&setup.b),
            role_name: setup.role_name.clone(),
            role_arn: setup.role_arn(),
            permission_policy: PolicyName::new(setup.permission_policy()),
            assume_policy: PolicyName::new(setup.assume_policy()),
            switch_url: console::switch_role(setup.site, setup.a.parent_alias(), &setup.role_name)
                .url,
            user_name: setup.user_name.clone(),
            logon_name: setup.logon_name(),
        }
    }
}

/// The verification checks' inputs for this setup (`checksPlan`'s `inputs`, without the
/// credential flags, which depend on what the reader entered): the verify step's "Run the checks".
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialCheckInputs"))]
#[serde(rename_all = "camelCase")]
pub struct CheckInputs {
    #[cfg_attr(test, ts(as = "crate::profile::Site"))]
    site: &'static str,
    role_arn: String,
    /// What B types on Switch Role: A's alias, or A's UID.
    account_a: String,
    role_name: String,
    account_b: String,
    /// The first bucket of a custom permission policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    bucket: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    user_b: Option<String>,
    /// The AssumeRole policy B's user is given: a system policy's name, or a custom one's document.
    user_policies: Vec<UserPolicy>,
}

/// A policy of B's user, as `checksPlan` takes it.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialUserPolicy"))]
#[serde(untagged)]
pub enum UserPolicy {
    System(String),
    Custom { name: String, document: String },
}

impl CheckInputs {
    pub fn new(setup: &Setup, docs: &Docs) -> CheckInputs {
        let (bucket, prefix) = match &setup.permission {
            Permission::Custom {
                buckets, prefixes, ..
            } => (
                buckets.first().cloned(),
                prefixes
                    .first()
                    .map(|p| p.trim_start_matches('/').to_string()),
            ),
            Permission::System => (None, None),
        };
        let name = docs.assume.name.clone();
        let user_policy = match setup.assume {
            AssumePolicy::System => UserPolicy::System(name),
            AssumePolicy::Scoped { .. } => UserPolicy::Custom {
                name,
                document: docs.assume.compact.clone(),
            },
        };
        CheckInputs {
            site: setup.site.name(),
            role_arn: setup.role_arn(),
            account_a: setup.a.parent_alias().to_string(),
            role_name: setup.role_name.clone(),
            account_b: setup.b.uid.clone(),
            bucket,
            prefix,
            user_b: setup.user_name.clone(),
            user_policies: vec![user_policy],
        }
    }
}
