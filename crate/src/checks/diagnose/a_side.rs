//! A's checks (with A's credentials): the role exists, its trust policy trusts B (decided by
//! the policy engine), its attached policies allow the OSS reads (simulated), and what B must
//! type on the Switch Role page.

use super::b_side::{not_trusted, oss_snippet};
use super::common::Read;
use super::policies;
use super::{Cx, A_ROLE_EXISTS};
use crate::checks::inputs::AccountRef;
use crate::checks::known::id;
use crate::checks::report::{Cause, Finding, Fix, Status};
use crate::checks::text::Text;
use crate::policy::eval::Side;
use crate::policy::model::PolicyKind;
use crate::policy::{parse, Decision, Simulator};
use crate::profile::{switch_url, Site};
use crate::tutorial::TutorialStep;
use serde_json::{json, Value};

pub fn role_exists(cx: &Cx) -> Finding {
    let name = cx.known.role_name.clone().unwrap_or_default();
    let read = cx.read(id::A_ROLE);
    let evidence = cx.evidence(id::A_ROLE);
    let finding = match read {
        Read::Success(result) => {
            let arn = result
                .pointer("/role/arn")
                .and_then(Value::as_str)
                .unwrap_or("");
            let max = result
                .pointer("/role/maxSessionDuration")
                .and_then(Value::as_i64);
            Finding::pass(Text::new(
                format!("Role {name} exists ({arn})."),
                format!("角色 {name} 存在（{arn}）。"),
            ))
            .with_details(json!({ "arn": arn, "maxSessionDuration": max }))
        }
        Read::Api(e) if e.code == "EntityNotExist.Role" => {
            let account = cx
                .known
                .a
                .as_ref()
                .map(|a| a.account.clone())
                .unwrap_or_default();
            let mut f = Finding::fail(
                Cause::RoleNotFound,
                TutorialStep::RoleInA,
                Text::new(
                    format!("Account A ({account}) has no role named {name}."),
                    format!("账号 A（{account}）中没有名为 {name} 的角色。"),
                ),
                Fix::new(Text::new(
                    format!("If the role was not created yet: RAM console > Roles > Create Role, trusted entity \"Alibaba Cloud account\", other account = B's UID, name {name}. If it exists under another name, B must use that exact name on the Switch Role page ({}).", TutorialStep::SwitchRole.in_sentence().en),
                    format!("若尚未创建角色：RAM 控制台 > 角色 > 创建角色，可信实体类型选“阿里云账号”，其他账号填 B 的 UID，名称为 {name}。若角色以其他名称存在，B 需在切换身份页面使用该准确名称（{}）。", TutorialStep::SwitchRole.in_sentence().zh),
                )),
            );
            f.details =
                Some(json!({ "possibleSteps": [TutorialStep::RoleInA, TutorialStep::SwitchRole] }));
            f
        }
        other => return cx.unavailable(id::A_ROLE, &other),
    };
    finding.with_evidence(evidence)
}

fn role_ready<'a>(cx: &Cx<'a>) -> Result<&'a Value, Box<Finding>> {
    if let Some(blocked) = cx.unless_passed(A_ROLE_EXISTS) {
        return Err(Box::new(blocked));
    }
    cx.known
        .facts
        .success(id::A_ROLE)
        .ok_or_else(|| Box::new(Finding::not_run(A_ROLE_EXISTS, Status::CouldNotCheck)))
}

pub fn trust(cx: &Cx) -> Finding {
    let role = match role_ready(cx) {
        Ok(role) => role,
        Err(f) => return *f,
    };
    let evidence = cx.evidence(id::A_ROLE);
    let name = cx.known.role_name.clone().unwrap_or_default();
    let Some(text) = role
        .pointer("/role/assumeRolePolicyDocument")
        .and_then(Value::as_str)
    else {
        return Finding::cannot(
            Cause::MalformedResponse,
            Text::new(
                "GetRole did not return the role's trust policy.",
                "GetRole 未返回角色的信任策略。",
            ),
            None,
        )
        .with_evidence(evidence);
    };
    let policy = match parse(text, PolicyKind::Trust) {
        Ok(p) => p,
        Err(e) => {
            return Finding::cannot(
                Cause::UnexpectedError,
                Text::new(
                    format!("The trust policy could not be read: {e}"),
                    format!("无法解析信任策略：{e}"),
                ),
                Some(Fix::new(Text::new(
                    "Check it with `rolehop policy lint --kind trust`.",
                    "请用 `rolehop policy lint --kind trust` 检查。",
                ))),
            )
            .with_evidence(evidence)
        }
    };
    let Some(principal) = cx.known.b_principal() else {
        return match cx.read(id::B_CALLER) {
            Read::Pending => Finding::pending(),
            _ => Finding::cannot(
                Cause::MissingInput,
                Text::new(
                    "B's identity is unknown, so there is nobody to test the trust policy with.",
                    "B 的身份未知，无法据此检验信任策略。",
                ),
                Some(Fix::new(Text::new(
                    "Run the checks with B's credentials too, or give accountB (and userB).",
                    "请同时提供 B 的凭证运行检查，或提供 accountB（以及 userB）。",
                ))),
            ),
        };
    };
    let arn = role
        .pointer("/role/arn")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let mut sim = Simulator::new();
    sim.add("trust policy", Side::Trust, false, &policy);
    let external: Vec<(&str, &str)> = cx
        .known
        .inputs
        .external_id
        .as_deref()
        .map(|x| vec![("sts:ExternalId", x)])
        .unwrap_or_default();
    let (decision, explanation) =
        policies::decide(&sim, Some(&principal), "sts:AssumeRole", &arn, &external);
    let details = json!({
        "principal": principal,
        "decision": decision.name(),
        "explanation": explanation.explanation,
        "missingContextKeys": explanation.missing_context_keys,
    });
    let finding = if decision == Decision::Allow {
        Finding::pass(Text::new(
            format!("The trust policy of {name} trusts {principal}."),
            format!("{name} 的信任策略信任 {principal}。"),
        ))
    } else if explanation
        .missing_context_keys
        .iter()
        .any(|k| k.eq_ignore_ascii_case("sts:ExternalId"))
    {
        Finding::fail(
            Cause::RoleDoesNotTrustB,
            TutorialStep::RoleInA,
            Text::new(
                format!("The trust policy of {name} requires an external id (sts:ExternalId), and none was given."),
                format!("{name} 的信任策略要求外部 ID（sts:ExternalId），但未提供。"),
            ),
            Fix::new(Text::new(
                "Ask A for the external id and give it as externalId (AssumeRole sends it); or A removes the condition.",
                "请向 A 获取外部 ID 并通过 externalId 提供（AssumeRole 会发送它）；或由 A 删除该条件。",
            )),
        )
    } else {
        not_trusted(
            cx,
            Text::new(
                format!("The trust policy of {name} does not trust {principal}."),
                format!("{name} 的信任策略不信任 {principal}。"),
            ),
        )
    };
    finding.with_evidence(evidence).with_details(details)
}

/// An OSS request the role's policies are simulated on: action, resource, context.
type OssProbe = (String, String, Vec<(&'static str, String)>);

pub fn role_oss_access(cx: &Cx) -> Finding {
    let known = cx.known;
    let role = known.role_name.clone().unwrap_or_default();
    let read = cx.read(id::A_ROLE_POLICIES);
    let evidence = cx.evidence(id::A_ROLE_POLICIES);
    let listing = match read {
        Read::Success(v) => v,
        Read::Api(e) if e.code == "EntityNotExist.Role" => {
            return Finding::not_run(
                A_ROLE_EXISTS,
                cx.status(A_ROLE_EXISTS).unwrap_or(Status::CouldNotCheck),
            )
            .with_evidence(evidence)
        }
        other => return cx.unavailable(id::A_ROLE_POLICIES, &other),
    };
    if cx.reads_pending("a.GetPolicy.") {
        return Finding::pending();
    }
    let Some(uid) = known.target_uid.clone() else {
        return match cx.read(id::A_CALLER) {
            Read::Pending => Finding::pending(),
            _ => Finding::cannot(
                Cause::MissingInput,
                Text::new(
                    "A's account UID is unknown, so OSS resources cannot be named.",
                    "A 的账号 UID 未知，无法确定 OSS 资源。",
                ),
                None,
            ),
        };
    };
    let loaded = policies::from_listing(known.facts, 'a', listing);
    let mut wanted: Vec<OssProbe> = vec![(
        "oss:ListBuckets".into(),
        format!("acs:oss:*:{uid}:*"),
        Vec::new(),
    )];
    let inputs = known.inputs;
    if let Some(bucket) = &inputs.bucket {
        let prefix = inputs.prefix.clone().unwrap_or_default();
        let key = known
            .facts
            .success(id::B_OBJECTS)
            .and_then(|r| r.pointer("/contents/0/key")?.as_str().map(str::to_string))
            .unwrap_or_else(|| format!("{prefix}example.txt"));
        wanted.push((
            "oss:ListObjects".into(),
            format!("acs:oss:*:{uid}:{bucket}"),
            vec![("oss:Prefix", prefix)],
        ));
        wanted.push((
            "oss:GetObject".into(),
            format!("acs:oss:*:{uid}:{bucket}/{key}"),
            Vec::new(),
        ));
    }
    let mut denied = Vec::new();
    let mut explicit_deny = false;
    let mut results = Vec::new();
    for (action, resource, context) in &wanted {
        let ctx: Vec<(&str, &str)> = context.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (decision, explanation) =
            policies::decide(&loaded.simulator, None, action, resource, &ctx);
        if decision != Decision::Allow {
            denied.push(action.clone());
        }
        // A Deny that was read decides whatever the unread policies say.
        explicit_deny |= decision == Decision::ExplicitDeny;
        results.push(json!({
            "action": action, "resource": resource, "decision": decision.name(),
            "explanation": explanation.explanation,
        }));
    }
    let names = if loaded.names.is_empty() {
        "none".to_string()
    } else {
        loaded.names.join(", ")
    };
    let details = json!({
        "policies": loaded.names, "assumedTexts": loaded.assumed, "unreadable": loaded.unknown, "requests": results,
    });
    let finding = if denied.is_empty() {
        Finding::pass(Text::new(
            format!(
                "The policies of role {role} ({names}) allow {}.",
                wanted
                    .iter()
                    .map(|w| w.0.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            format!(
                "角色 {role} 的策略（{names}）允许 {}。",
                wanted
                    .iter()
                    .map(|w| w.0.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            ),
        ))
    } else if !loaded.unknown.is_empty() && !explicit_deny {
        Finding::cannot(
            Cause::NotPermitted,
            Text::new(
                format!("The readable policies of role {role} ({names}) do not allow {}; {} could not be read.", denied.join(", "), loaded.unknown.join(", ")),
                format!("角色 {role} 可读取的策略（{names}）不允许 {}；无法读取 {}。", denied.join("、"), loaded.unknown.join("、")),
            ),
            Some(Fix::new(Text::new("Allow A's credentials ram:GetPolicy, or check those policies in the RAM console.", "请允许 A 的凭证调用 ram:GetPolicy，或在 RAM 控制台中查看这些策略。"))),
        )
    } else {
        let what = if loaded.names.is_empty() {
            Text::new(
                format!("Role {role} has no policy attached, so it may not read OSS."),
                format!("角色 {role} 未授权任何策略，因此无法读取 OSS。"),
            )
        } else {
            Text::new(
                format!(
                    "The policies of role {role} ({names}) do not allow {}.",
                    denied.join(", ")
                ),
                format!(
                    "角色 {role} 的策略（{names}）不允许 {}。",
                    denied.join("、")
                ),
            )
        };
        Finding::fail(
            Cause::RoleLacksOssPolicy,
            TutorialStep::RoleInA,
            what,
            Fix::new(Text::new(
                format!("RAM console > Roles > {role} > Permissions > Grant: attach AliyunOSSReadOnlyAccess, or a custom policy like the snippet."),
                format!("RAM 控制台 > 角色 > {role} > 权限管理 > 新增授权：授予 AliyunOSSReadOnlyAccess，或类似示例的自定义策略。"),
            ))
            .with_snippet(oss_snippet(cx)),
        )
    };
    finding
        .with_method("listed")
        .with_evidence(evidence)
        .with_details(details)
}

/// The Switch Role page prefilled with what B should type (on the inputs' site).
fn switch_url_for(cx: &Cx, account: &str, role: &str) -> Option<String> {
    let site = cx
        .known
        .inputs
        .site
        .as_deref()
        .and_then(Site::from_name)
        .unwrap_or(Site::Cn);
    switch_url(account, role, site, None).ok().map(|s| s.url)
}

/// The role ARN names another account than A's credentials.
pub fn wrong_account_arn(arn_uid: &str, a_uid: &str) -> Finding {
    Finding::fail(
        Cause::WrongAccount,
        TutorialStep::SwitchRole,
        Text::new(
            format!("The role is looked up in account {arn_uid}, but A's credentials belong to account {a_uid}: the account used on the Switch Role page is wrong (or A's credentials are another account's)."),
            format!("角色在账号 {arn_uid} 中查找，但 A 的凭证属于账号 {a_uid}：切换身份页面使用的账号有误（或 A 的凭证属于其他账号）。"),
        ),
        Fix::new(Text::new(
            format!("Use account {a_uid} (or its alias / default domain, see the switch-values check) on the Switch Role page and in the profile."),
            format!("请在切换身份页面和配置中使用账号 {a_uid}（或其别名/默认域名，见“切换身份填写内容”检查）。"),
        )),
    )
}

pub fn switch_values(cx: &Cx) -> Finding {
    let known = cx.known;
    let read = cx.read(id::A_CALLER);
    let evidence = cx.evidence(id::A_CALLER);
    let Read::Success(_) = read else {
        return cx.unavailable(id::A_CALLER, &read);
    };
    let Some(a) = &known.a else {
        return Finding::cannot(
            Cause::MalformedResponse,
            Text::new(
                "GetCallerIdentity's answer names no account.",
                "GetCallerIdentity 的应答中没有账号。",
            ),
            None,
        );
    };
    let alias = match cx.read(id::A_ALIAS) {
        Read::Pending => return Finding::pending(),
        Read::Success(r) => Some(
            r.get("accountAlias")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
        ),
        _ => None,
    };
    let alias = alias.map(|s| s.trim().to_ascii_lowercase());
    let uid = a.account.clone();
    let set_alias = alias.clone().filter(|s| !s.is_empty());
    let domain = format!("{}.onaliyun.com", set_alias.as_deref().unwrap_or(&uid));
    let role = known.role_name.clone().unwrap_or_default();
    let details = json!({
        "uid": uid, "alias": set_alias, "defaultDomain": domain, "roleName": role,
        "roleArn": format!("acs:ram::{uid}:role/{role}"),
        "switchUrl": switch_url_for(cx, set_alias.as_deref().unwrap_or(&uid), &role),
    });
    let accepted = match &set_alias {
        Some(alias) => Text::new(
            format!("{alias} (or {domain}, or {uid})"),
            format!("{alias}（或 {domain}、{uid}）"),
        ),
        None => Text::new(
            format!("{uid} (or {domain}; A has no enterprise alias)"),
            format!("{uid}（或 {domain}；A 未设置企业别名）"),
        ),
    };
    let typed_ok = |typed: &AccountRef| -> Option<bool> {
        match typed {
            AccountRef::Uid(u) => Some(*u == uid),
            AccountRef::Domain { stem, .. } => {
                Some(*stem == uid || Some(stem) == set_alias.as_ref())
                    .filter(|ok| *ok || alias.is_some())
            }
            AccountRef::Alias(t) => alias.as_ref().map(|_| Some(t) == set_alias.as_ref()),
        }
    };
    let arn_uid = known.inputs.role_arn.as_deref().and_then(|arn| {
        arn.strip_prefix("acs:ram::")?
            .split(':')
            .next()
            .map(str::to_string)
    });
    let finding = if let Some(arn_uid) = arn_uid.filter(|u| *u != uid) {
        wrong_account_arn(&arn_uid, &uid)
    } else {
        match known.inputs.account_a.as_ref().map(|t| (t, typed_ok(t))) {
            Some((typed, Some(false))) => Finding::fail(
                Cause::WrongAccount,
                TutorialStep::SwitchRole,
                Text::new(
                    format!("{:?} does not name account A: A's account is {}.", typed.text(), accepted.en),
                    format!("{:?} 不是账号 A：A 的账号为 {}。", typed.text(), accepted.zh),
                ),
                Fix::new(Text::new(
                    format!("On the Switch Role page, type {} as the enterprise alias / default domain / account ID, and {role} as the role name.", accepted.en),
                    format!("请在切换身份页面的企业别名/默认域名/账号 ID 处填写 {}，角色名称填写 {role}。", accepted.zh),
                )),
            ),
            Some((typed, None)) => Finding::cannot(
                Cause::NotPermitted,
                Text::new(
                    format!("A's enterprise alias could not be read (GetAccountAlias failed), so {:?} could not be compared. A's UID is {uid}.", typed.text()),
                    format!("无法读取 A 的企业别名（GetAccountAlias 失败），因此无法比对 {:?}。A 的 UID 为 {uid}。", typed.text()),
                ),
                Some(Fix::new(Text::new("Allow A's credentials ram:GetAccountAlias, or use the UID on the Switch Role page.", "请允许 A 的凭证调用 ram:GetAccountAlias，或在切换身份页面使用 UID。"))),
            ),
            _ => Finding::pass(Text::new(
                format!("On the Switch Role page B types {} and role {role}.", accepted.en),
                format!("B 在切换身份页面填写 {}，角色名称 {role}。", accepted.zh),
            )),
        }
    };
    finding.with_evidence(evidence).with_details(details)
}
