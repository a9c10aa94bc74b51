//! Company A (owns the buckets): create the role that trusts B, give it OSS read access, tell B
//! what to type, verify.

use super::describe::{policy_description, role_description, trusted};
use super::docs::Docs;
use super::policy_steps::{attach_policy_step, create_policy_step, Attachment, Target};
use super::step::{value, Step};
use crate::message::TutorialMessage as M;
use crate::tutorial::console;
use crate::tutorial::input::{Audience, Permission, Setup, Trust};
use crate::tutorial::shell::aliyun;
use crate::tutorial::terraform::{self as tf, heredoc, ident, resource, string};
use crate::tutorial::TutorialStep;

pub fn steps(setup: &Setup, docs: &Docs) -> Vec<Step> {
    let mut steps = vec![create_role(setup, docs)];
    if matches!(setup.trust, Trust::Principals { .. }) {
        steps.push(edit_trust(setup, docs));
    }
    if matches!(setup.permission, Permission::Custom { .. }) {
        steps.push(create_policy(setup, docs));
    }
    steps.push(attach_policy(setup, docs));
    steps.push(share_values(setup));
    steps.push(verify(setup, docs));
    steps
}

/// Every step here is for this reader.
const WHO: Audience = Audience::CompanyA;

fn create_role(s: &Setup, docs: &Docs) -> Step {
    let role = &s.role_name;
    let b = &s.b.uid;
    let body = vec![
        M::CreateRoleBody {
            account_a: s.a.uid.clone(),
            account_b: b.clone(),
            role: role.clone(),
        },
        match s.trust {
            Trust::Account => M::CreateRoleTrustAccount {},
            Trust::Principals { .. } => M::CreateRoleTrustPrincipals {
                trusted: Box::new(trusted(s)),
            },
        },
    ];
    let mut st = Step::new(
        "a-create-role",
        TutorialStep::RoleInA,
        WHO,
        M::TitleCreateRole { role: role.clone() },
        body,
        console::create_role(s.site),
        M::CreateRoleVerify {
            role: role.clone(),
            account: b.clone(),
        },
    );
    st.values = vec![
        value(M::LabelRoleName {}, role.clone()),
        value(M::LabelAccountIdOfB {}, b.clone()),
        value(M::LabelDescription {}, role_description(s)),
    ];
    st.policies = vec![docs.trust.clone()];
    st.cli = Some(aliyun(
        "ram",
        "CreateRole",
        &[
            ("RoleName", role),
            ("AssumeRolePolicyDocument", &docs.trust.compact),
            ("Description", &role_description(s)),
        ],
    ));
    st.terraform = Some(format!(
        "{}\n{}",
        tf::ROLE_NOTE,
        resource(
            "alicloud_ram_role",
            &ident(role),
            &[
                ("role_name", string(role)),
                ("assume_role_policy_document", heredoc(&docs.trust.text)),
                ("description", string(&role_description(s))),
            ],
        )
    ));
    st
}

fn edit_trust(s: &Setup, docs: &Docs) -> Step {
    let role = &s.role_name;
    let who = trusted(s);
    let mut st = Step::new(
        "a-edit-trust",
        TutorialStep::RoleInA,
        WHO,
        M::TitleTrustOnly {
            trusted: Box::new(who.clone()),
        },
        vec![M::EditTrustBody {
            role: role.clone(),
            trusted: Box::new(who.clone()),
        }],
        console::edit_trust(s.site, role),
        M::EditTrustVerify {
            trusted: Box::new(who),
        },
    );
    st.values = vec![value(M::LabelRoleName {}, role.clone())];
    st.policies = vec![docs.trust.clone()];
    st.cli = Some(aliyun(
        "ram",
        "UpdateRole",
        &[
            ("RoleName", role),
            ("NewAssumeRolePolicyDocument", &docs.trust.compact),
        ],
    ));
    st
}

fn create_policy(s: &Setup, docs: &Docs) -> Step {
    let doc = &docs.permission;
    let body = vec![M::CreatePolicyForRole {}, doc.purpose.clone()];
    let description = policy_description(s, false);
    create_policy_step(
        "a-create-policy",
        TutorialStep::RoleInA,
        WHO,
        s.site,
        doc,
        description,
        body,
    )
}

fn attach_policy(s: &Setup, docs: &Docs) -> Step {
    let role = &s.role_name;
    let (name, kind) = s.permission_policy();
    let (role_arg, name_arg) = (role.clone(), name.to_string());
    let body = vec![match s.permission {
        Permission::System => M::AttachSystemToRole {
            role: role_arg,
            name: name_arg,
        },
        Permission::Custom { .. } => M::AttachCustomToRole {
            role: role_arg,
            name: name_arg,
        },
    }];
    let attachment = Attachment {
        target: Target::Role,
        to: role,
        name,
        kind,
    };
    attach_policy_step(
        "a-attach-policy",
        TutorialStep::RoleInA,
        WHO,
        &attachment,
        body,
        console::role_permissions(s.site, role),
        &docs.permission,
    )
}

fn share_values(s: &Setup) -> Step {
    let role = &s.role_name;
    let switch = console::switch_role(s.site, s.a.parent_alias(), role);
    let mut st = Step::new(
        "a-share-values",
        TutorialStep::RoleInA,
        WHO,
        M::TitleShareValuesWithB {},
        vec![M::ShareValuesWithBBody { role: role.clone() }],
        console::overview(s.site),
        M::ShareValuesWithBVerify { arn: s.role_arn() },
    );
    st.values = vec![value(M::LabelAccountIdOfA {}, s.a.uid.clone())];
    if let Some(alias) = &s.a.alias {
        st.values.push(value(M::LabelAliasOfA {}, alias.clone()));
    }
    st.values.extend([
        value(M::LabelDefaultDomainOfA {}, s.a.default_domain()),
        value(M::LabelRoleName {}, role.clone()),
        value(M::LabelRoleArn {}, s.role_arn()),
        value(M::LabelSwitchLink {}, switch.url),
    ]);
    st.cli = Some(aliyun("ram", "GetAccountAlias", &[]));
    st
}

fn verify(s: &Setup, docs: &Docs) -> Step {
    let role = &s.role_name;
    let (name, _) = s.permission_policy();
    let who = trusted(s);
    let mut st = Step::new(
        "a-verify",
        TutorialStep::Verify,
        WHO,
        M::TitleVerifyRole { role: role.clone() },
        vec![M::VerifyRoleBody {
            role: role.clone(),
            trusted: Box::new(who),
            name: name.to_string(),
            step_b: Box::new(TutorialStep::UserInB.term()),
            step_switch: Box::new(TutorialStep::SwitchRole.term()),
        }],
        console::role_overview(s.site, role),
        M::VerifyRoleVerify {
            name: name.to_string(),
        },
    );
    st.values = vec![
        value(M::LabelRoleName {}, role.clone()),
        value(M::LabelRoleArn {}, s.role_arn()),
    ];
    st.policies = vec![docs.trust.clone(), docs.permission.clone()];
    st.cli = Some(format!(
        "{}\n{}",
        aliyun("ram", "GetRole", &[("RoleName", role)]),
        aliyun("ram", "ListPoliciesForRole", &[("RoleName", role)])
    ));
    st
}
