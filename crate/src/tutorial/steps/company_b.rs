//! Company B (its people read A's buckets): create the RAM user, allow it to assume A's role,
//! hand the user the switch values, verify.

use super::describe::{policy_description, USER_TOKEN};
use super::docs::Docs;
use super::policy_steps::{attach_policy_step, create_policy_step, Attachment, Target};
use super::step::{value, Step};
use crate::message::TutorialMessage as M;
use crate::tutorial::console;
use crate::tutorial::input::{AssumePolicy, Audience, Setup};
use crate::tutorial::shell::{aliyun, comment};
use crate::tutorial::terraform::{ident, resource, string};
use crate::tutorial::TutorialStep;

/// The user name in texts when none was given: the draft's placeholder for it.
const SOME_USER: &str = USER_TOKEN;

pub fn steps(setup: &Setup, docs: &Docs) -> Vec<Step> {
    let mut steps = vec![create_user(setup)];
    if matches!(setup.assume, AssumePolicy::Scoped { .. }) {
        steps.push(create_policy(setup, docs));
    }
    steps.push(attach_policy(setup, docs));
    steps.push(share_values(setup));
    steps.push(verify(setup, docs));
    steps
}

/// Every step here is for this reader.
const WHO: Audience = Audience::CompanyB;

fn user(s: &Setup) -> &str {
    s.user_name.as_deref().unwrap_or(SOME_USER)
}

fn create_user(s: &Setup) -> Step {
    let user = user(s);
    let logon = format!("{user}@{}", s.b.default_domain());
    let mut st = Step::new(
        "b-create-user",
        TutorialStep::UserInB,
        WHO,
        M::TitleCreateUser {
            user: user.to_string(),
        },
        vec![M::CreateUserBody {
            account: s.b.uid.clone(),
            logon: logon.clone(),
        }],
        console::create_user(s.site),
        M::CreateUserVerify {
            user: user.to_string(),
            url: console::sign_in(s.site).url,
            logon: logon.clone(),
        },
    );
    st.values = vec![
        value(M::LabelLogonName {}, logon.clone()),
        value(M::LabelUserName {}, user),
    ];
    // The password stays a shell variable: RoleHop never writes one into a command.
    let login = format!(
        "aliyun ram CreateLoginProfile --UserName {} --Password \"$RAM_USER_PASSWORD\" --PasswordResetRequired true",
        crate::tutorial::shell::quote(user)
    );
    st.cli = Some(
        [
            aliyun("ram", "CreateUser", &[("UserName", user), ("DisplayName", user)]),
            comment("Console logon; set RAM_USER_PASSWORD in your shell first (never paste a password into a shared place)."),
            login,
        ]
        .join("\n"),
    );
    let id = ident(user);
    let variable =
        format!("variable \"{id}_password\" {{\n  type      = string\n  sensitive = true\n}}");
    st.terraform = Some(
        [
            resource(
                "alicloud_ram_user",
                &id,
                &[("name", string(user)), ("display_name", string(user))],
            ),
            variable,
            resource(
                "alicloud_ram_login_profile",
                &id,
                &[
                    ("user_name", format!("alicloud_ram_user.{id}.name")),
                    ("password", format!("var.{id}_password")),
                    ("password_reset_required", "true".into()),
                ],
            ),
        ]
        .join("\n\n"),
    );
    st
}

fn create_policy(s: &Setup, docs: &Docs) -> Step {
    let arn = s.role_arn();
    let body = vec![M::CreatePolicyForUser { arn: arn.clone() }];
    let description = policy_description(s, true);
    let mut st = create_policy_step(
        "b-create-policy",
        TutorialStep::UserInB,
        WHO,
        s.site,
        &docs.assume,
        description,
        body,
    );
    // The policy names A's role: its ARN, right after the policy name, to check against A's.
    st.values.insert(1, value(M::LabelRoleArnOfA {}, arn));
    st
}

fn attach_policy(s: &Setup, docs: &Docs) -> Step {
    let user = user(s);
    let (name, kind) = s.assume_policy();
    let (user_arg, name_arg) = (user.to_string(), name.to_string());
    let body = vec![match s.assume {
        AssumePolicy::System => M::AttachSystemToUser {
            user: user_arg,
            name: name_arg,
        },
        AssumePolicy::Scoped { .. } => M::AttachCustomToUser {
            user: user_arg,
            name: name_arg,
        },
    }];
    let attachment = Attachment {
        target: Target::User,
        to: user,
        name,
        kind,
    };
    attach_policy_step(
        "b-attach-policy",
        TutorialStep::UserInB,
        WHO,
        &attachment,
        body,
        console::user_permissions(s.site, user),
        &docs.assume,
    )
}

fn share_values(s: &Setup) -> Step {
    let user = user(s);
    let role = &s.role_name;
    let switch = console::switch_role(s.site, s.a.parent_alias(), role);
    let mut st = Step::new(
        "b-share-values",
        TutorialStep::UserInB,
        WHO,
        M::TitleShareValuesWithUser {
            user: user.to_string(),
        },
        vec![M::ShareValuesWithUserBody {
            user: user.to_string(),
            role: role.clone(),
        }],
        switch.clone(),
        M::ShareValuesWithUserVerify {
            user: user.to_string(),
            role: role.clone(),
        },
    );
    st.values = vec![
        value(
            M::LabelLogonName {},
            format!("{user}@{}", s.b.default_domain()),
        ),
        value(M::LabelParentAliasOfA {}, s.a.parent_alias()),
        value(M::LabelRoleName {}, role.clone()),
        value(M::LabelSwitchLink {}, switch.url),
    ];
    st
}

fn verify(s: &Setup, docs: &Docs) -> Step {
    let user = user(s);
    let (name, _) = s.assume_policy();
    let mut st = Step::new(
        "b-verify",
        TutorialStep::Verify,
        WHO,
        M::TitleVerifyUser {
            user: user.to_string(),
        },
        vec![M::VerifyUserBody {
            user: user.to_string(),
            name: name.to_string(),
            arn: s.role_arn(),
            step_role: Box::new(TutorialStep::RoleInA.term()),
            step_switch: Box::new(TutorialStep::SwitchRole.term()),
        }],
        console::users(s.site, user),
        M::VerifyUserVerify {
            name: name.to_string(),
        },
    );
    st.values = vec![value(M::LabelUserName {}, user)];
    st.policies = vec![docs.assume.clone()];
    st.cli = Some(aliyun("ram", "ListPoliciesForUser", &[("UserName", user)]));
    st
}
