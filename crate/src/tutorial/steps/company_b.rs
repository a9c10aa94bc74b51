//! Company B (its people read A's buckets): create the RAM user, allow it to assume A's role,
//! hand the user the switch values, verify.

use super::policy_steps::{attach_policy_step, create_policy_step, Attachment, Target};
use super::{policy_description, value, Docs, Step};
use crate::checks::text::Text;
use crate::tutorial::console;
use crate::tutorial::input::{AssumePolicy, Audience, Setup};
use crate::tutorial::shell::{aliyun, comment};
use crate::tutorial::terraform::{ident, resource, string};
use crate::tutorial::TutorialStep;

/// The user name in texts when none was given (the tutorial still reads well).
const SOME_USER: &str = "<user name>";

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
        Text::new(format!("Create the RAM user {user}"), format!("创建 RAM 用户 {user}")),
        Text::new(
            format!("In account B ({}), create a RAM user for the person who will read A's buckets, with Console Access enabled (logon name {logon}): Switch Identity works only for a user logged on to the console. An AccessKey is needed only for the CLI or for RoleHop's checks.", s.b.uid),
            format!("在 B 账号（{}）中为需要读取 A 的 Bucket 的人员创建 RAM 用户，并开启“控制台访问”（登录名 {logon}）：只有登录控制台的用户才能切换身份。仅在使用 CLI 或 RoleHop 检查时才需要 AccessKey。", s.b.uid),
        ),
        console::create_user(s.site),
        Text::new(
            format!("Users lists {user}; it can log on at {} as {logon}.", console::sign_in(s.site).url),
            format!("用户列表中出现 {user}；可在 {} 以 {logon} 登录。", console::sign_in(s.site).url),
        ),
    );
    st.values = vec![
        value("Logon name", "登录名称", logon.clone()),
        value("User name", "用户名", user),
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
    let body = Text::new(
        format!("Create a custom policy in the JSON editor with the document below: it allows sts:AssumeRole on A's role {arn} only. The system policy AliyunSTSAssumeRoleAccess would allow assuming every role that trusts B."),
        format!("使用脚本编辑创建自定义权限策略，内容为下方文档：仅允许对 A 的角色 {arn} 执行 sts:AssumeRole。系统策略 AliyunSTSAssumeRoleAccess 则允许扮演所有信任 B 的角色。"),
    );
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
    st.values
        .insert(1, value("Role ARN of A", "A 的角色 ARN", arn));
    st
}

fn attach_policy(s: &Setup, docs: &Docs) -> Step {
    let user = user(s);
    let (name, kind) = s.assume_policy();
    let body = match s.assume {
        AssumePolicy::System => Text::new(
            format!("Open user {user}, tab Permissions, click Add Permissions and choose the system policy {name}. It allows assuming any role; the scoped policy (assumePolicy \"scoped\") allows only A's role."),
            format!("打开用户 {user} 的“权限管理”页，点击“新增授权”，选择系统策略 {name}。它允许扮演任意角色；限定范围的策略（assumePolicy 为 \"scoped\"）只允许扮演 A 的角色。"),
        ),
        AssumePolicy::Scoped { .. } => Text::new(
            format!("Open user {user}, tab Permissions, click Add Permissions and choose the custom policy {name} created in the previous step."),
            format!("打开用户 {user} 的“权限管理”页，点击“新增授权”，选择上一步创建的自定义策略 {name}。"),
        ),
    };
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
        Text::new(format!("Give {user} the switch values"), format!("将切换信息交给 {user}")),
        Text::new(
            format!("{user} logs on to the console, opens Switch Identity and types A's enterprise alias, default domain or account ID and the role name {role}; the link below opens the page with both filled in."),
            format!("{user} 登录控制台后打开“切换身份”，填写 A 的企业别名、默认域名或账号 ID，以及角色名称 {role}；下方链接打开的页面已填好这两项。"),
        ),
        switch.clone(),
        Text::new(
            format!("{user} has the logon name, the switch link and the role name {role}."),
            format!("{user} 已拿到登录名、切换链接和角色名称 {role}。"),
        ),
    );
    st.values = vec![
        value(
            "Logon name",
            "登录名称",
            format!("{user}@{}", s.b.default_domain()),
        ),
        value(
            "Enterprise alias / default domain / UID of A",
            "A 的企业别名/默认域名/UID",
            s.a.parent_alias(),
        ),
        value("Role name", "角色名称", role.clone()),
        value("Switch Role link", "切换身份链接", switch.url),
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
        Text::new(format!("Verify user {user}"), format!("验证用户 {user}")),
        Text::new(
            format!("Check that user {user} exists and that {name} is attached, so that sts:AssumeRole on {} is allowed. RoleHop's checks do this with an AccessKey of B (ListPoliciesForUser, then the policy simulator). If the switch still fails, the cause is A's role ({}) or what was typed on the Switch Role page ({}).", s.role_arn(), TutorialStep::RoleInA.in_sentence().en, TutorialStep::SwitchRole.in_sentence().en),
            format!("确认用户 {user} 存在且已授权 {name}，从而允许对 {} 执行 sts:AssumeRole。RoleHop 的检查会用 B 的 AccessKey 完成（ListPoliciesForUser，再用策略模拟器判断）。如果仍无法切换，问题在 A 的角色（{}）或切换身份页面上填写的内容（{}）。", s.role_arn(), TutorialStep::RoleInA.in_sentence().zh, TutorialStep::SwitchRole.in_sentence().zh),
        ),
        console::users(s.site, user),
        Text::new(
            format!("ListPoliciesForUser lists {name}."),
            format!("ListPoliciesForUser 列出 {name}。"),
        ),
    );
    st.values = vec![value("User name", "用户名", user)];
    st.policies = vec![docs.assume.clone()];
    st.cli = Some(aliyun("ram", "ListPoliciesForUser", &[("UserName", user)]));
    st
}
