//! Company A (owns the buckets): create the role that trusts B, give it OSS read access, tell B
//! what to type, verify.

use super::policy_steps::{attach_policy_step, create_policy_step, Attachment, Target};
use super::{policy_description, role_description, trusted, value, Docs, Step};
use crate::checks::text::Text;
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
    let mut body = Text::new(
        format!("In account A ({}), create a RAM role that account B may assume. As the trusted entity choose \"Alibaba Cloud Account\", then \"Other Alibaba Cloud Account\", and enter B's account ID {b}. Name the role {role}.", s.a.uid),
        format!("在 A 账号（{}）中创建一个允许 B 账号扮演的 RAM 角色。可信实体类型选择“阿里云账号”，再选择“其他阿里云账号”，填写 B 的账号 ID {b}。角色名称填写 {role}。", s.a.uid),
    );
    body = body.then(&match s.trust {
        Trust::Account => Text::new(
            "This trusts every RAM user and role of B that its own policies allow to assume roles; in production, trust only the users who need it.",
            "这会信任 B 账号中所有被自身权限允许扮演角色的 RAM 用户和角色；生产环境中请只信任需要的用户。",
        ),
        Trust::Principals { .. } => Text::new(
            format!("The console trusts all of B at first; the next step narrows the trust policy to {}. The CLI command and Terraform below create the role with the narrowed policy directly.", trusted(s).en),
            format!("控制台创建时会先信任整个 B 账号；下一步将信任策略收窄为{}。下方的 CLI 命令和 Terraform 会直接以收窄后的策略创建角色。", trusted(s).zh),
        ),
    });
    let mut st = Step::new(
        "a-create-role",
        TutorialStep::RoleInA,
        WHO,
        Text::new(
            format!("Create the RAM role {role}"),
            format!("创建 RAM 角色 {role}"),
        ),
        body,
        console::create_role(s.site),
        Text::new(
            format!("Roles lists {role}; its Trust Policy tab shows account {b}."),
            format!("角色列表中出现 {role}；其“信任策略”页显示账号 {b}。"),
        ),
    );
    st.values = vec![
        value("Role name", "角色名称", role.clone()),
        value(
            "Account ID of B (Other Alibaba Cloud Account)",
            "B 的账号 ID（其他阿里云账号）",
            b.clone(),
        ),
        value("Description", "备注", role_description(s)),
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
        Text::new(format!("Trust only {}", who.en), format!("仅信任{}", who.zh)),
        Text::new(
            format!("Open role {role}, tab Trust Policy, click Edit Trust Policy, and replace the document with the one below: it trusts {} instead of the whole account.", who.en),
            format!("打开角色 {role} 的“信任策略”页，点击“编辑信任策略”，用下方文档替换：它只信任{}，而非整个账号。", who.zh),
        ),
        console::edit_trust(s.site, role),
        Text::new(
            format!("The Trust Policy tab shows {} and no :root entry.", who.en),
            format!("“信任策略”页显示{}，且没有 :root 条目。", who.zh),
        ),
    );
    st.values = vec![value("Role name", "角色名称", role.clone())];
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
    let body = Text::new(
        "Create a custom policy in the JSON editor and paste the document below. It allows reading only what B needs, plus what the OSS console reads to show it.",
        "使用脚本编辑创建自定义权限策略，粘贴下方文档。它只允许读取 B 需要的内容，以及 OSS 控制台展示这些内容所需的读取操作。",
    )
    .then(&doc.purpose);
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
    let body = match s.permission {
        Permission::System => Text::new(
            format!("Open role {role}, tab Permissions, click Grant Permission and choose the system policy {name}. It reads every bucket of account A; to share only some buckets or folders, use a custom policy instead."),
            format!("打开角色 {role} 的“权限管理”页，点击“新增授权”，选择系统策略 {name}。它可读取 A 账号的所有 Bucket；如只共享部分 Bucket 或目录，请改用自定义策略。"),
        ),
        Permission::Custom { .. } => Text::new(
            format!("Open role {role}, tab Permissions, click Grant Permission and choose the custom policy {name} created in the previous step."),
            format!("打开角色 {role} 的“权限管理”页，点击“新增授权”，选择上一步创建的自定义策略 {name}。"),
        ),
    };
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
        Text::new("Send B the values to use", "将以下信息发给 B"),
        Text::new(
            format!("B's administrator needs the role ARN (for the user's AssumeRole policy); B's user types your enterprise alias, default domain or account ID (any one) and the role name {role} on the Switch Role page, or opens the link below. The alias is shown on the RAM console's Overview page."),
            format!("B 的管理员需要角色 ARN（用于用户的 AssumeRole 策略）；B 的用户在切换身份页面填写您的企业别名、默认域名或账号 ID（任选其一）和角色名称 {role}，或直接打开下方链接。企业别名可在 RAM 控制台“概览”页查看。"),
        ),
        console::overview(s.site),
        Text::new(
            format!("B confirms the role ARN {}.", s.role_arn()),
            format!("B 确认角色 ARN 为 {}。", s.role_arn()),
        ),
    );
    st.values = vec![value("Account ID of A", "A 的账号 ID", s.a.uid.clone())];
    if let Some(alias) = &s.a.alias {
        st.values.push(value(
            "Enterprise alias of A",
            "A 的企业别名",
            alias.clone(),
        ));
    }
    st.values.extend([
        value("Default domain of A", "A 的默认域名", s.a.default_domain()),
        value("Role name", "角色名称", role.clone()),
        value("Role ARN", "角色 ARN", s.role_arn()),
        value("Switch Role link", "切换身份链接", switch.url),
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
        Text::new(format!("Verify role {role}"), format!("验证角色 {role}")),
        Text::new(
            format!("Check that role {role} exists, that its trust policy trusts {} and that {name} is attached. RoleHop's checks do this with your AccessKey (GetRole, ListPoliciesForRole). If B's user still cannot list the buckets, the cause is on B's side ({}) or in what was typed on the Switch Role page ({}).", who.en, TutorialStep::UserInB.in_sentence().en, TutorialStep::SwitchRole.in_sentence().en),
            format!("确认角色 {role} 存在、其信任策略信任{}、且已授权 {name}。RoleHop 的检查会用您的 AccessKey 完成这些确认（GetRole、ListPoliciesForRole）。如果 B 的用户仍无法列出 Bucket，问题在 B 一侧（{}）或切换身份页面上填写的内容（{}）。", who.zh, TutorialStep::UserInB.in_sentence().zh, TutorialStep::SwitchRole.in_sentence().zh),
        ),
        console::role_overview(s.site, role),
        Text::new(
            format!("GetRole shows the trust policy below; ListPoliciesForRole lists {name}."),
            format!("GetRole 显示下方的信任策略；ListPoliciesForRole 列出 {name}。"),
        ),
    );
    st.values = vec![
        value("Role name", "角色名称", role.clone()),
        value("Role ARN", "角色 ARN", s.role_arn()),
    ];
    st.policies = vec![docs.trust.clone(), docs.permission.clone()];
    st.cli = Some(format!(
        "{}\n{}",
        aliyun("ram", "GetRole", &[("RoleName", role)]),
        aliyun("ram", "ListPoliciesForRole", &[("RoleName", role)])
    ));
    st
}
