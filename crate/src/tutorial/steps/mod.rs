//! The tutorial's steps for one reader, with every value filled in: what to click in the console,
//! what to paste, and the aliyun CLI and Terraform that do the same.

mod b_user;
mod company_a;
mod company_b;
mod policy_steps;

use super::console::{self, ConsolePath};
use super::input::{Audience, Setup, Trust};
use super::policies::{self, Document};
use crate::checks::CheckId;
use crate::error::Result;
use crate::message::TutorialMessage as M;
use crate::tutorial::TutorialStep;
use serde_json::{json, Value};

/// One step of the tutorial as a reader sees it.
#[derive(Debug, Clone)]
pub struct Step {
    /// Stable id (the workbench keys progress on it).
    pub id: &'static str,
    /// The tutorial step this task belongs to.
    pub tutorial_step: TutorialStep,
    pub audience: Audience,
    pub title: M,
    /// Its instructions, one sentence (or a few) per message.
    pub body: Vec<M>,
    pub console: ConsolePath,
    /// (label, value to paste).
    pub values: Vec<(M, String)>,
    pub policies: Vec<Document>,
    pub cli: Option<String>,
    pub terraform: Option<String>,
    pub verify: M,
}

impl Step {
    /// A step with its texts; values, policies, CLI and Terraform are added by the caller.
    pub(super) fn new(
        id: &'static str,
        tutorial_step: TutorialStep,
        audience: Audience,
        title: M,
        body: Vec<M>,
        console: ConsolePath,
        verify: M,
    ) -> Step {
        Step {
            id,
            tutorial_step,
            audience,
            title,
            body,
            console,
            values: Vec::new(),
            policies: Vec::new(),
            cli: None,
            terraform: None,
            verify,
        }
    }

    pub fn to_json(&self) -> Value {
        let values: Vec<Value> = self
            .values
            .iter()
            .map(|(label, value)| json!({ "label": label, "value": value, "copy": true }))
            .collect();
        let policies: Vec<Value> = self.policies.iter().map(Document::to_json).collect();
        json!({
            "id": self.id,
            "tutorialStep": self.tutorial_step,
            "audience": self.audience.name(),
            "title": self.title,
            "body": self.body,
            "consolePath": self.console.to_json(),
            "values": values,
            "policies": policies,
            "cli": self.cli,
            "terraform": self.terraform,
            "verify": self.verify,
            "setupTask": written_by(self.id),
            "provenBy": proven_by(self.id),
        })
    }
}

/// The "Do it for me" task (`setupNext`'s outcome `task`) that writes what this step asks for:
/// when it created, updated, attached or found it, the step is done.
fn written_by(id: &str) -> Option<&'static str> {
    match id {
        "a-create-role" | "a-edit-trust" => Some("role"),
        "b-create-user" => Some("user"),
        "a-create-policy" | "b-create-policy" => Some("policy"),
        "a-attach-policy" | "b-attach-policy" => Some("attach"),
        _ => None,
    }
}

/// The checks whose pass proves this step done (all of those that ran passed).
fn proven_by(id: &str) -> &'static [CheckId] {
    use CheckId::{
        AssumeRole, Identity, ListBuckets, ListObjects, RoleExists, RoleOssAccess, TrustTrustsB,
        UserMayAssume,
    };
    match id {
        "a-create-role" => &[RoleExists, TrustTrustsB],
        "a-edit-trust" => &[TrustTrustsB],
        "a-create-policy" | "a-attach-policy" => &[RoleOssAccess],
        "a-verify" => &[RoleExists, TrustTrustsB, RoleOssAccess],
        "b-create-user" | "user-sign-in" => &[Identity],
        "b-create-policy" | "b-attach-policy" => &[UserMayAssume],
        "b-verify" => &[Identity, UserMayAssume],
        "user-switch-role" => &[AssumeRole],
        "user-verify" => &[ListBuckets, ListObjects],
        _ => &[],
    }
}

/// The three documents, built once per tutorial.
pub struct Docs {
    pub trust: Document,
    pub permission: Document,
    pub assume: Document,
}

impl Docs {
    pub fn build(setup: &Setup) -> Result<Docs> {
        Ok(Docs {
            trust: policies::trust(setup)?,
            permission: policies::permission(setup)?,
            assume: policies::assume(setup)?,
        })
    }
}

/// A labelled value.
pub(super) fn value(label: M, value: impl Into<String>) -> (M, String) {
    (label, value.into())
}

/// The description RoleHop gives the role (the same in the console text, the CLI, Terraform and
/// "Do it for me").
pub fn role_description(setup: &Setup) -> String {
    format!(
        "Read-only OSS access for account {} (RoleHop tutorial)",
        setup.b.uid
    )
}

/// The description of a custom policy RoleHop creates.
pub fn policy_description(setup: &Setup, for_user: bool) -> String {
    if for_user {
        format!("Assume {} only (RoleHop tutorial)", setup.role_arn())
    } else {
        format!(
            "Read-only OSS access for role {} (RoleHop tutorial)",
            setup.role_name
        )
    }
}

/// Who the trust policy lets in, for sentences.
pub(super) fn trusted(setup: &Setup) -> M {
    let account = setup.b.uid.clone();
    match &setup.trust {
        Trust::Account => M::TermTrustedAccount { account },
        Trust::Principals { users, roles } => {
            let names = users
                .iter()
                .map(|u| M::TermUser { name: u.clone() })
                .chain(roles.iter().map(|r| M::TermRole { name: r.clone() }))
                .collect();
            match M::list(names) {
                Some(principals) => M::TermTrustedPrincipals {
                    principals: Box::new(principals),
                    account,
                },
                None => M::TermTrustedAccount { account },
            }
        }
    }
}

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
    let account = |a: &super::input::Account| {
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
    if let super::input::Permission::Custom {
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
        super::input::AssumePolicy::System => json!([docs.assume.name]),
        super::input::AssumePolicy::Scoped { .. } => {
            json!([{ "name": docs.assume.name, "document": docs.assume.compact }])
        }
    };
    v
}

/// One cause from the tutorial's troubleshooting list.
pub struct Trouble {
    pub tutorial_step: TutorialStep,
    pub cause: M,
    pub fix: M,
}

impl Trouble {
    pub fn to_json(&self) -> Value {
        json!({ "tutorialStep": self.tutorial_step, "cause": self.cause, "fix": self.fix })
    }
}

/// The tutorial's troubleshooting list: each cause, the step it belongs to, and the fix.
pub fn troubleshooting(setup: &Setup) -> Vec<Trouble> {
    let (permission, _) = setup.permission_policy();
    let (assume, _) = setup.assume_policy();
    let user = setup
        .user_name
        .clone()
        .unwrap_or_else(|| super::draft::USER_TOKEN.to_string());
    let role = setup.role_name.clone();
    let item = |tutorial_step: TutorialStep, cause: M, fix: M| Trouble {
        tutorial_step,
        cause,
        fix,
    };
    vec![
        item(
            TutorialStep::RoleInA,
            M::TroubleRolePolicy { role: role.clone() },
            M::TroubleRolePolicyFix {
                name: permission.to_string(),
                role: role.clone(),
            },
        ),
        item(
            TutorialStep::RoleInA,
            M::TroubleTrust { role: role.clone() },
            M::TroubleTrustFix {
                trusted: Box::new(trusted(setup)),
            },
        ),
        item(
            TutorialStep::UserInB,
            M::TroubleUserPolicy { user: user.clone() },
            M::TroubleUserPolicyFix {
                name: assume.to_string(),
                user,
            },
        ),
        item(
            TutorialStep::SwitchRole,
            M::TroubleTyped {},
            M::TroubleTypedFix {
                parent: setup.a.parent_alias().to_string(),
                domain: setup.a.default_domain(),
                uid: setup.a.uid.clone(),
                role,
            },
        ),
    ]
}
