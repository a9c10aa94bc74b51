//! What one reader's tutorial holds besides the troubleshooting list: their steps in order, the
//! values they may need, and the verification checks' inputs.

use super::docs::Docs;
use super::step::Step;
use super::{b_user, company_a, company_b};
use crate::tutorial::console;
use crate::tutorial::input::{Audience, Setup};
use serde_json::{json, Value};

/// The steps of `audience`, in order.
pub fn for_audience(setup: &Setup, audience: Audience, docs: &Docs) -> Vec<Step> {
    match audience {
        Audience::CompanyA => company_a::steps(setup, docs),
        Audience::CompanyB => company_b::steps(setup, docs),
        Audience::BUser => b_user::steps(setup, docs),
    }
}

/// The values every reader may need, by name.
pub fn values_json(setup: &Setup) -> Value {
    let account = |a: &crate::tutorial::input::Account| {
        let mut v = json!({
            "uid": a.uid,
            "defaultDomain": a.default_domain(),
            "parentAlias": a.parent_alias(),
        });
        if let Some(alias) = &a.alias {
            v["alias"] = json!(alias);
        }
        v
    };
    let (permission_name, permission_type) = setup.permission_policy();
    let (assume_name, assume_type) = setup.assume_policy();
    let mut v = json!({
        "accountA": account(&setup.a),
        "accountB": account(&setup.b),
        "roleName": setup.role_name,
        "roleArn": setup.role_arn(),
        "permissionPolicy": {"name": permission_name, "type": permission_type},
        "assumePolicy": {"name": assume_name, "type": assume_type},
        "switchUrl": console::switch_role(setup.site, setup.a.parent_alias(), &setup.role_name).url,
    });
    if let Some(user) = &setup.user_name {
        v["userName"] = json!(user);
    }
    if let Some(logon) = setup.logon_name() {
        v["logonName"] = json!(logon);
    }
    v
}

/// The verification checks' inputs for this setup (`checksPlan`'s `inputs`, without the
/// credential flags, which depend on what the reader entered): the verify step's "Run the checks".
pub fn check_inputs_json(setup: &Setup, docs: &Docs) -> Value {
    let mut v = json!({
        "site": setup.site.name(),
        "roleArn": setup.role_arn(),
        "accountA": setup.a.parent_alias(),
        "roleName": setup.role_name,
        "accountB": setup.b.uid,
    });
    if let crate::tutorial::input::Permission::Custom {
        buckets, prefixes, ..
    } = &setup.permission
    {
        if let Some(bucket) = buckets.first() {
            v["bucket"] = json!(bucket);
        }
        if let Some(prefix) = prefixes.first() {
            v["prefix"] = json!(prefix.trim_start_matches('/'));
        }
    }
    if let Some(user) = &setup.user_name {
        v["userB"] = json!(user);
    }
    v["userPolicies"] = match setup.assume {
        crate::tutorial::input::AssumePolicy::System => json!([docs.assume.name]),
        crate::tutorial::input::AssumePolicy::Scoped { .. } => {
            json!([{ "name": docs.assume.name, "document": docs.assume.compact }])
        }
    };
    v
}
