//! B's RAM user: log on, switch identity into A's role, see A's buckets.

use super::describe::USER_TOKEN;
use super::docs::Docs;
use super::step::{value, Step};
use super::troubleshooting::troubleshooting;
use crate::message::TutorialMessage as M;
use crate::tutorial::console;
use crate::tutorial::input::{Audience, Permission, Setup};
use crate::tutorial::shell::{aliyun, comment, quote};
use crate::tutorial::terraform::string;
use crate::tutorial::TutorialStep;

pub fn steps(setup: &Setup, docs: &Docs) -> Vec<Step> {
    vec![sign_in(setup), switch_role(setup), verify(setup, docs)]
}

/// Every step here is for this reader.
const WHO: Audience = Audience::BUser;

/// AssumeRole's session name: 2-64 of letters, digits, `.@-_`; the user name when it fits.
fn session_name(s: &Setup) -> String {
    match &s.user_name {
        Some(u) if u.len() >= 2 => u.clone(),
        Some(u) => format!("rolehop-{u}"),
        None => "rolehop".into(),
    }
}

fn sign_in(s: &Setup) -> Step {
    let logon = s
        .logon_name()
        .unwrap_or_else(|| format!("{}@{}", USER_TOKEN, s.b.default_domain()));
    let mut st = Step::new(
        "user-sign-in",
        TutorialStep::SwitchRole,
        WHO,
        M::TitleSignIn {},
        vec![M::SignInBody {
            logon: logon.clone(),
        }],
        console::sign_in(s.site),
        M::SignInVerify {
            logon: logon.clone(),
        },
    );
    st.values = vec![
        value(M::LabelLogonName {}, logon),
        value(M::LabelDefaultDomainOfB {}, s.b.default_domain()),
    ];
    st
}

fn switch_role(s: &Setup) -> Step {
    let role = &s.role_name;
    let switch = console::switch_role(s.site, s.a.parent_alias(), role);
    let arn = s.role_arn();
    let mut st = Step::new(
        "user-switch-role",
        TutorialStep::SwitchRole,
        WHO,
        M::TitleSwitchRole { role: role.clone() },
        vec![M::SwitchRoleBody {
            parent: s.a.parent_alias().to_string(),
            domain: s.a.default_domain(),
            uid: s.a.uid.clone(),
            role: role.clone(),
        }],
        switch.clone(),
        M::SwitchRoleVerify {
            role: role.clone(),
            session: session_name(s),
        },
    );
    st.values = vec![
        value(M::LabelParentAlias {}, s.a.parent_alias()),
        value(M::LabelRoleName {}, role.clone()),
        value(M::LabelSwitchLink {}, switch.url),
        value(M::LabelRoleArn {}, arn.clone()),
    ];
    st.cli = Some(format!(
        "{}\n{}",
        comment("Temporary credentials for the role, with your RAM user's AccessKey configured in the aliyun CLI."),
        aliyun(
            "sts",
            "AssumeRole",
            &[("RoleArn", &arn), ("RoleSessionName", &session_name(s))],
        )
    ));
    st.terraform = Some(format!(
        "{}\nprovider \"alicloud\" {{\n  assume_role {{\n    role_arn     = {}\n    session_name = {}\n  }}\n}}",
        comment("Terraform run by B's user (AccessKey of the RAM user in ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY) acting in account A."),
        string(&arn),
        string(&session_name(s))
    ));
    st
}

fn verify(s: &Setup, docs: &Docs) -> Step {
    let profile = crate::tutorial::terraform::ident(&s.role_name).replace('_', "-");
    let mut cli = vec![
        comment("A CLI profile that assumes the role; the CLI asks for your RAM user's AccessKey and the role ARN."),
        format!("aliyun configure --profile {} --mode RamRoleArn", quote(&profile)),
        format!("aliyun oss ls --profile {}", quote(&profile)),
    ];
    let what = match &s.permission {
        Permission::System => M::VerifyAccessAll {},
        Permission::Custom {
            buckets, prefixes, ..
        } => {
            let places: Vec<String> = if prefixes.is_empty() {
                buckets.iter().map(|b| format!("oss://{b}/")).collect()
            } else {
                let bucket = buckets.first().cloned().unwrap_or_default();
                prefixes
                    .iter()
                    .map(|p| format!("oss://{bucket}/{}", p.trim_start_matches('/')))
                    .collect()
            };
            for place in &places {
                cli.push(format!(
                    "aliyun oss ls {} --profile {}",
                    quote(place),
                    quote(&profile)
                ));
            }
            let list = places
                .into_iter()
                .map(|value| M::TermValue { value })
                .collect();
            match M::list(list) {
                Some(places) => M::VerifyAccessPlaces {
                    places: Box::new(places),
                },
                None => M::VerifyAccessAll {},
            }
        }
    };
    let mut body = vec![
        M::VerifyAccessOpen {
            role: s.role_name.clone(),
        },
        what.clone(),
        M::VerifyAccessInOrder {},
    ];
    for (i, t) in troubleshooting(s).into_iter().enumerate() {
        body.push(M::VerifyAccessItem {
            number: i + 1,
            cause: Box::new(t.cause),
            fix: Box::new(t.fix),
        });
    }
    let mut st = Step::new(
        "user-verify",
        TutorialStep::Verify,
        WHO,
        M::TitleVerifyAccess {},
        body,
        console::oss_buckets(s.site),
        what,
    );
    st.values = vec![
        value(
            M::LabelSwitchLink {},
            console::switch_role(s.site, s.a.parent_alias(), &s.role_name).url,
        ),
        value(M::LabelRoleArn {}, s.role_arn()),
    ];
    st.policies = vec![docs.permission.clone()];
    st.cli = Some(cli.join("\n"));
    st
}
