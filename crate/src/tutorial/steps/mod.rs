//! The tutorial's steps for one reader, with every value filled in: what to click in the console,
//! what to paste, and the aliyun CLI and Terraform that do the same.

mod b_user;
mod company_a;
mod company_b;
mod policy_steps;

use super::console::{self, ConsolePath};
use super::input::{Audience, Setup, Trust};
use super::policies::{self, Document};
use crate::checks::text::Text;
use crate::error::Result;
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
    pub title: Text,
    pub body: Text,
    pub console: ConsolePath,
    /// (label, value to paste).
    pub values: Vec<(Text, String)>,
    pub policies: Vec<Document>,
    pub cli: Option<String>,
    pub terraform: Option<String>,
    pub verify: Text,
}

impl Step {
    /// A step with its texts; values, policies, CLI and Terraform are added by the caller.
    pub(super) fn new(
        id: &'static str,
        tutorial_step: TutorialStep,
        audience: Audience,
        title: Text,
        body: Text,
        console: ConsolePath,
        verify: Text,
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
fn proven_by(id: &str) -> &'static [&'static str] {
    use crate::checks::diagnose::{
        A_ROLE_EXISTS, A_ROLE_OSS, A_TRUST, B_ASSUME_ROLE, B_IDENTITY, B_LIST_BUCKETS,
        B_LIST_OBJECTS, B_USER_MAY_ASSUME,
    };
    match id {
        "a-create-role" => &[A_ROLE_EXISTS, A_TRUST],
        "a-edit-trust" => &[A_TRUST],
        "a-create-policy" | "a-attach-policy" => &[A_ROLE_OSS],
        "a-verify" => &[A_ROLE_EXISTS, A_TRUST, A_ROLE_OSS],
        "b-create-user" | "user-sign-in" => &[B_IDENTITY],
        "b-create-policy" | "b-attach-policy" => &[B_USER_MAY_ASSUME],
        "b-verify" => &[B_IDENTITY, B_USER_MAY_ASSUME],
        "user-switch-role" => &[B_ASSUME_ROLE],
        "user-verify" => &[B_LIST_BUCKETS, B_LIST_OBJECTS],
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
pub(super) fn value(en: &str, zh: &str, value: impl Into<String>) -> (Text, String) {
    (Text::new(en, zh), value.into())
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
pub(super) fn trusted(setup: &Setup) -> Text {
    match &setup.trust {
        Trust::Account => Text::new(
            format!("every RAM user and role of account {}", setup.b.uid),
            format!("账号 {} 下的所有 RAM 用户和角色", setup.b.uid),
        ),
        Trust::Principals { users, roles } => {
            let mut en: Vec<String> = users.iter().map(|u| format!("user {u}")).collect();
            en.extend(roles.iter().map(|r| format!("role {r}")));
            let mut zh: Vec<String> = users.iter().map(|u| format!("用户 {u}")).collect();
            zh.extend(roles.iter().map(|r| format!("角色 {r}")));
            Text::new(
                format!("{} of account {}", en.join(", "), setup.b.uid),
                format!("账号 {} 下的{}", setup.b.uid, zh.join("、")),
            )
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
    pub cause: Text,
    pub fix: Text,
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
    let user = setup.user_name.as_deref().unwrap_or("B's user");
    let role = &setup.role_name;
    let parent = setup.a.parent_alias();
    let trusted = trusted(setup);
    let item = |tutorial_step: TutorialStep, cause: Text, fix: Text| Trouble {
        tutorial_step,
        cause,
        fix,
    };
    vec![
        item(
            TutorialStep::RoleInA,
            Text::new(format!("Role {role} lacks the OSS read policy."), format!("角色 {role} 缺少 OSS 读取权限策略。")),
            Text::new(format!("A attaches {permission} to role {role}."), format!("A 为角色 {role} 授权 {permission}。")),
        ),
        item(
            TutorialStep::RoleInA,
            Text::new(format!("The trust policy of {role} does not trust B's user."), format!("{role} 的信任策略未信任 B 的用户。")),
            Text::new(format!("A sets the trust policy to trust {}.", trusted.en), format!("A 将信任策略设为信任{}。", trusted.zh)),
        ),
        item(
            TutorialStep::UserInB,
            Text::new(format!("User {user} lacks the AssumeRole permission."), format!("用户 {user} 缺少 AssumeRole 权限。")),
            Text::new(format!("B attaches {assume} to user {user}."), format!("B 为用户 {user} 授权 {assume}。")),
        ),
        item(
            TutorialStep::SwitchRole,
            Text::new("The alias/UID or the role name typed on the Switch Role page is wrong.", "切换身份页面上填写的企业别名/UID 或角色名称有误。"),
            Text::new(
                format!("Type {parent} (or {} or {}) and role {role}, or open the switch link RoleHop gives.", setup.a.default_domain(), setup.a.uid),
                format!("填写 {parent}（或 {}、{}）和角色 {role}，或直接打开 RoleHop 提供的切换链接。", setup.a.default_domain(), setup.a.uid),
            ),
        ),
    ]
}
