//! The two steps company A (for its role) and company B (for its user) both take: create a
//! custom policy, and attach a policy. The company files give the texts that differ.

use super::step::{value, Step};
use crate::message::TutorialMessage as M;
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
    /// The label of its name among the values to paste.
    fn name_label(self) -> M {
        match self {
            Target::Role => M::LabelRoleName {},
            Target::User => M::LabelUserName {},
        }
    }

    /// The task's title: grant policy `name` to it.
    fn grant_title(self, name: &str, to: &str) -> M {
        let (name, to) = (name.to_string(), to.to_string());
        match self {
            Target::Role => M::TitleGrantToRole { name, role: to },
            Target::User => M::TitleGrantToUser { name, user: to },
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
    body: Vec<M>,
    console: ConsolePath,
    doc: &Document,
) -> Step {
    let Attachment {
        target,
        to,
        name,
        kind,
    } = *attachment;
    let mut st = Step::new(
        id,
        tutorial_step,
        audience,
        target.grant_title(name, to),
        body,
        console,
        M::GrantVerify {
            to: to.to_string(),
            name: name.to_string(),
        },
    );
    st.values = vec![
        value(target.name_label(), to),
        value(M::LabelPolicyName {}, name),
        value(M::LabelPolicyType {}, kind),
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
    body: Vec<M>,
) -> Step {
    let name = &doc.name;
    let mut st = Step::new(
        id,
        tutorial_step,
        audience,
        M::TitleCreatePolicy { name: name.clone() },
        body,
        console::create_policy(site),
        M::CreatePolicyVerify { name: name.clone() },
    );
    let (cli, terraform) = create_policy_code(doc, &description);
    st.values = vec![
        value(M::LabelPolicyName {}, name.clone()),
        value(M::LabelDescription {}, description),
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
