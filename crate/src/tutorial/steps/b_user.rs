//! B's RAM user: log on, switch identity into A's role, see A's buckets.

use super::{value, Docs, Step};
use crate::checks::text::Text;
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
        .unwrap_or_else(|| format!("<user name>@{}", s.b.default_domain()));
    let mut st = Step::new(
        "user-sign-in",
        TutorialStep::SwitchRole,
        WHO,
        Text::new("Log on as B's RAM user", "以 B 的 RAM 用户身份登录"),
        Text::new(
            format!("Log on to the console with the RAM user logon name {logon} (not with account B's owner login: an Alibaba Cloud account cannot switch into a role)."),
            format!("使用 RAM 用户登录名 {logon} 登录控制台（不要使用 B 的主账号：阿里云账号本身不能切换为角色）。"),
        ),
        console::sign_in(s.site),
        Text::new(
            format!("The avatar menu shows {logon}."),
            format!("头像菜单显示 {logon}。"),
        ),
    );
    st.values = vec![
        value("Logon name", "登录名称", logon),
        value("Default domain of B", "B 的默认域名", s.b.default_domain()),
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
        Text::new(format!("Switch to role {role} of account A"), format!("切换到 A 账号的角色 {role}")),
        Text::new(
            format!("Open Switch Identity (or the link below, which fills both fields). Enterprise Alias/Default Domain Name: {} (also accepted: {} or {}). Role Name: {role}. Submit.", s.a.parent_alias(), s.a.default_domain(), s.a.uid),
            format!("打开“切换身份”（或直接打开下方链接，两项已填好）。企业别名/默认域名：{}（也可填写 {} 或 {}）。角色名称：{role}。点击提交。", s.a.parent_alias(), s.a.default_domain(), s.a.uid),
        ),
        switch.clone(),
        Text::new(
            format!("The avatar menu shows the current identity {role}/{}.", session_name(s)),
            format!("头像菜单显示当前身份 {role}/{}。", session_name(s)),
        ),
    );
    st.values = vec![
        value(
            "Enterprise alias / default domain / UID",
            "企业别名/默认域名/UID",
            s.a.parent_alias(),
        ),
        value("Role name", "角色名称", role.clone()),
        value("Switch Role link", "切换身份链接", switch.url),
        value("Role ARN", "角色 ARN", arn.clone()),
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
    let (what_en, what_zh) = match &s.permission {
        Permission::System => (
            "A's buckets are listed, and objects can be listed and downloaded.".to_string(),
            "可以看到 A 的 Bucket 列表，并能列出和下载文件。".to_string(),
        ),
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
            (
                format!(
                    "The bucket list shows A's buckets and {} can be listed.",
                    places.join(", ")
                ),
                format!(
                    "Bucket 列表中可以看到 A 的 Bucket，且可以列出 {}。",
                    places.join("、")
                ),
            )
        }
    };
    let mut body = Text::new(
        format!(
            "Open the OSS console while acting as {}. {what_en} If it fails, check, in this order:",
            s.role_name
        ),
        format!(
            "以 {} 身份打开 OSS 控制台。{what_zh}如果失败，请依次检查：",
            s.role_name
        ),
    );
    for (i, t) in super::troubleshooting(s).iter().enumerate() {
        body = body.then(&Text::new(
            format!("{}) {} {}", i + 1, t.cause.en, t.fix.en),
            format!("{}）{}{}", i + 1, t.cause.zh, t.fix.zh),
        ));
    }
    let mut st = Step::new(
        "user-verify",
        TutorialStep::Verify,
        WHO,
        Text::new("Verify access to A's buckets", "验证对 A 的 Bucket 的访问"),
        body,
        console::oss_buckets(s.site),
        Text::new(what_en, what_zh),
    );
    st.values = vec![
        value(
            "Switch Role link",
            "切换身份链接",
            console::switch_role(s.site, s.a.parent_alias(), &s.role_name).url,
        ),
        value("Role ARN", "角色 ARN", s.role_arn()),
    ];
    st.policies = vec![docs.permission.clone()];
    st.cli = Some(cli.join("\n"));
    st
}
