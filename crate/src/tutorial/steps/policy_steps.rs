//! The two steps company A (for its role) and company B (for its user) both take: create a
//! custom policy, and attach a policy. The company files give the texts that differ.

use super::{value, Step};
use crate::checks::text::Text;
use crate::tutorial::console::{self, ConsolePath};
use crate::tutorial::input::{Audience, Site};
use crate::tutorial::policies::Document;
use crate::tutorial::shell::{aliyun, comment};
use crate::tutorial::terraform::{heredoc, ident, resource, string};
use crate::tutorial::TutorialStep;

/// What a policy is attached to.
#[derive(Clone, Copy)]
pub(super) enum Target {
    Role,
    User,
}

impl Target {
    /// How the texts call it: (English, Chinese).
    fn noun(self) -> (&'static str, &'static str) {
        match self {
            Target::Role => ("role", "角色"),
            Target::User => ("user", "用户"),
        }
    }

    /// The label of its name among the values to paste.
    fn name_label(self) -> (&'static str, &'static str) {
        match self {
            Target::Role => ("Role name", "角色名称"),
            Target::User => ("User name", "用户名"),
        }
    }
}

/// Policy `name` of type `kind` (`System` or `Custom`), attached to role or user `to`.
pub(super) struct Attachment<'a> {
    pub target: Target,
    pub to: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
}

/// The step that attaches a policy; `body` says how in the console (the button differs).
pub(super) fn attach_policy_step(
    id: &'static str,
    tutorial_step: TutorialStep,
    audience: Audience,
    attachment: &Attachment,
    body: Text,
    console: ConsolePath,
    doc: &Document,
) -> Step {
    let Attachment {
        target,
        to,
        name,
        kind,
    } = *attachment;
    let (noun_en, noun_zh) = target.noun();
    let (label_en, label_zh) = target.name_label();
    let mut st = Step::new(
        id,
        tutorial_step,
        audience,
        Text::new(
            format!("Grant {name} to {noun_en} {to}"),
            format!("为{noun_zh} {to} 授权 {name}"),
        ),
        body,
        console,
        Text::new(
            format!("The Permissions tab of {to} lists {name}."),
            format!("{to} 的“权限管理”页列出 {name}。"),
        ),
    );
    st.values = vec![
        value(label_en, label_zh, to),
        value("Policy name", "策略名称", name),
        value("Policy type", "策略类型", kind),
    ];
    st.policies = vec![doc.clone()];
    let (cli, terraform) = attach_code(attachment);
    st.cli = Some(cli);
    st.terraform = Some(terraform);
    st
}

/// The aliyun CLI command and the Terraform block of an attachment. Terraform refers to the
/// blocks of the earlier steps (the role or user, and the custom policy) so that one
/// configuration creates them in order.
fn attach_code(a: &Attachment) -> (String, String) {
    let (api, param, resource_kind, argument, target_ref) = match a.target {
        Target::Role => (
            "AttachPolicyToRole",
            "RoleName",
            "alicloud_ram_role_policy_attachment",
            "role_name",
            format!("alicloud_ram_role.{}.role_name", ident(a.to)),
        ),
        Target::User => (
            "AttachPolicyToUser",
            "UserName",
            "alicloud_ram_user_policy_attachment",
            "user_name",
            format!("alicloud_ram_user.{}.name", ident(a.to)),
        ),
    };
    let cli = aliyun(
        "ram",
        api,
        &[
            ("PolicyType", a.kind),
            ("PolicyName", a.name),
            (param, a.to),
        ],
    );
    let policy_ref = if a.kind == "Custom" {
        format!("alicloud_ram_policy.{}.policy_name", ident(a.name))
    } else {
        string(a.name)
    };
    let block = resource(
        resource_kind,
        &format!("{}_{}", ident(a.to), ident(a.name)),
        &[
            (argument, target_ref),
            ("policy_name", policy_ref),
            ("policy_type", string(a.kind)),
        ],
    );
    let note = comment("References the blocks of the previous steps (same configuration).");
    (cli, format!("{note}\n{block}"))
}

/// The step that creates custom policy `doc` in the console's JSON editor; `body` says why.
pub(super) fn create_policy_step(
    id: &'static str,
    tutorial_step: TutorialStep,
    audience: Audience,
    site: Site,
    doc: &Document,
    description: String,
    body: Text,
) -> Step {
    let name = &doc.name;
    let mut st = Step::new(
        id,
        tutorial_step,
        audience,
        Text::new(
            format!("Create the policy {name}"),
            format!("创建权限策略 {name}"),
        ),
        body,
        console::create_policy(site),
        Text::new(
            format!("Policies lists {name} with type Custom."),
            format!("权限策略列表中出现类型为“自定义”的 {name}。"),
        ),
    );
    let (cli, terraform) = create_policy_code(doc, &description);
    st.values = vec![
        value("Policy name", "策略名称", name.clone()),
        value("Description", "备注", description),
    ];
    st.policies = vec![doc.clone()];
    st.cli = Some(cli);
    st.terraform = Some(terraform);
    st
}

/// The aliyun CLI command and the Terraform block that create custom policy `doc`.
fn create_policy_code(doc: &Document, description: &str) -> (String, String) {
    let cli = aliyun(
        "ram",
        "CreatePolicy",
        &[
            ("PolicyName", &doc.name),
            ("PolicyDocument", &doc.compact),
            ("Description", description),
        ],
    );
    let block = resource(
        "alicloud_ram_policy",
        &ident(&doc.name),
        &[
            ("policy_name", string(&doc.name)),
            ("policy_document", heredoc(&doc.text)),
            ("description", string(description)),
        ],
    );
    (cli, block)
}
