//! B's checks: who the credentials belong to, whether the user may assume the role, the
//! AssumeRole itself (and, when refused, which side refuses), and OSS reads with the session.

use super::common::Read;
use super::mismatch::{self, Mismatch};
use super::policies::{self, Loaded};
use super::{Cx, A_ROLE_EXISTS, A_ROLE_OSS, A_TRUST, B_ASSUME_ROLE, B_IDENTITY};
use crate::checks::known::{bucket_names, id, IdentityKind};
use crate::checks::report::{Cause, Finding, Fix, Status};
use crate::checks::text::{count, Text};
use crate::policy::build::{
    assume_role as assume_role_policy, oss_read_only, OssReadSpec, OssScope,
};
use crate::policy::{to_pretty, Decision, Explanation};
use crate::profile::account::arn_of;
use crate::tutorial::TutorialStep;
use serde_json::{json, Value};

/// The policy that lets B's user assume exactly this role.
fn assume_snippet(role_arn: Option<&str>) -> Option<String> {
    assume_role_policy(role_arn?)
        .ok()
        .map(|b| to_pretty(&b.policy))
}

/// Read-only OSS access for the role, with what the console needs.
pub(super) fn oss_snippet(cx: &Cx) -> Option<String> {
    let account = cx.known.target_uid.clone()?;
    let inputs = cx.known.inputs;
    let scope = match (&inputs.bucket, &inputs.prefix) {
        (Some(bucket), Some(prefix)) => OssScope::Prefix {
            bucket: bucket.clone(),
            prefix: prefix.clone(),
        },
        (Some(bucket), None) => OssScope::Buckets(vec![bucket.clone()]),
        _ => OssScope::Account,
    };
    oss_read_only(&OssReadSpec {
        account,
        scope,
        console: true,
    })
    .ok()
    .map(|b| to_pretty(&b.policy))
}

fn role_text(cx: &Cx) -> String {
    cx.known
        .role_arn
        .clone()
        .or_else(|| cx.known.role_name.clone())
        .unwrap_or_default()
}

pub fn identity(cx: &Cx) -> Finding {
    let read = cx.read(id::B_CALLER);
    let Read::Success(_) = read else {
        return cx.unavailable(id::B_CALLER, &read);
    };
    let evidence = cx.evidence(id::B_CALLER);
    let Some(b) = &cx.known.b else {
        return Finding::cannot(
            Cause::MalformedResponse,
            Text::new(
                "GetCallerIdentity's answer names no account.",
                "GetCallerIdentity 的应答中没有账号。",
            ),
            None,
        )
        .with_evidence(evidence);
    };
    let details = json!({ "accountId": b.account, "arn": b.arn, "identityType": b.type_name });
    let finding = match b.kind {
        IdentityKind::Account => {
            let role = role_text(cx);
            Finding::fail(
                Cause::RootKeys,
                TutorialStep::UserInB,
                Text::new(
                    format!("These are the root AccessKey of account {} (IdentityType Account). RoleHop stops here: a role cannot be assumed with an account's own keys, and root keys should not be used for daily work.", b.account),
                    format!("这是账号 {} 的主账号（root）AccessKey（IdentityType 为 Account）。RoleHop 不再继续：主账号的 AccessKey 不能扮演角色，也不应在日常工作中使用。", b.account),
                ),
                Fix::new(Text::new(
                    format!("In account {}: RAM console > Identities > Users > Create User (with OpenAPI access), attach a policy allowing sts:AssumeRole on {role} (the snippet) or AliyunSTSAssumeRoleAccess, create an AccessKey for that user, and run the checks with it. Then disable the root AccessKey.", b.account),
                    format!("请在账号 {} 中：RAM 控制台 > 身份管理 > 用户 > 创建用户（开启 OpenAPI 调用访问），为其授予允许对 {role} 执行 sts:AssumeRole 的策略（见示例）或 AliyunSTSAssumeRoleAccess，为该用户创建 AccessKey 并用它运行检查。之后请禁用主账号 AccessKey。", b.account),
                ))
                .with_snippet(assume_snippet(cx.known.role_arn.as_deref())),
            )
        }
        IdentityKind::RamUser => Finding::pass(Text::new(
            format!("The credentials belong to RAM user {} of account {}.", b.user.as_deref().unwrap_or(""), b.account),
            format!("凭证属于账号 {} 的 RAM 用户 {}。", b.account, b.user.as_deref().unwrap_or("")),
        )),
        IdentityKind::AssumedRole if cx.known.in_role => Finding::pass(Text::new(
            format!("The credentials already are a session of role {} in account {}: no AssumeRole is needed.", b.role.as_deref().unwrap_or(""), b.account),
            format!("凭证本身就是账号 {} 中角色 {} 的会话：无需再调用 AssumeRole。", b.account, b.role.as_deref().unwrap_or("")),
        )),
        IdentityKind::AssumedRole => Finding::pass(Text::new(
            format!("The credentials are a session of role {} of account {} (STS).", b.role.as_deref().unwrap_or(""), b.account),
            format!("凭证是账号 {} 中角色 {} 的会话（STS）。", b.account, b.role.as_deref().unwrap_or("")),
        )),
        IdentityKind::Other => Finding::pass(Text::new(
            format!("The credentials belong to {} ({}).", b.arn, b.type_name),
            format!("凭证属于 {}（{}）。", b.arn, b.type_name),
        )),
    };
    finding.with_evidence(evidence).with_details(details)
}

/// What B's own policies say about sts:AssumeRole on the role.
enum UserPolicies {
    Pending,
    /// Simulated on `arn`: `method` is "listed" (ListPoliciesFor*) or "input"
    /// (inputs.userPolicies). `mismatch`: not allowed, but a role whose ARN differs from `arn`
    /// only in the account or the role name is.
    Simulated {
        method: &'static str,
        arn: String,
        loaded: Box<Loaded>,
        decision: Decision,
        explanation: Box<Explanation>,
        mismatch: Option<Box<Mismatch>>,
    },
    /// Not simulated: the listing failed and no policies were given.
    Unknown,
    /// The role's ARN is not known (an alias without A's UID).
    NoRoleArn,
}

impl UserPolicies {
    /// Some(true): allowed; Some(false): denied; None: cannot tell.
    fn allows(&self) -> Option<bool> {
        match self {
            UserPolicies::Simulated {
                decision: Decision::Allow,
                ..
            } => Some(true),
            UserPolicies::Simulated {
                decision: Decision::ExplicitDeny,
                ..
            } => Some(false),
            UserPolicies::Simulated { loaded, .. } if loaded.unknown.is_empty() => Some(false),
            _ => None,
        }
    }
}

/// A's role of the requested name, when A's credentials show that the requested ARN names
/// another account: what B's user really needs to assume.
fn a_corrected_arn(cx: &Cx) -> Option<String> {
    let a = cx.known.a.as_ref()?;
    let uid = cx.known.target_uid.as_deref()?;
    let name = cx.known.role_name.as_deref()?;
    (a.account != uid).then(|| arn_of(&a.account, name))
}

/// A's credentials show the requested role exists in A's account: the requested ARN is right.
fn a_confirms_role(cx: &Cx) -> bool {
    cx.status(A_ROLE_EXISTS) == Some(Status::Pass) && a_corrected_arn(cx).is_none()
}

fn user_policies(cx: &Cx) -> UserPolicies {
    let known = cx.known;
    let Some(listing) = known.b_listing() else {
        return UserPolicies::Unknown;
    };
    let Some(arn) = a_corrected_arn(cx).or_else(|| known.role_arn.clone()) else {
        return UserPolicies::NoRoleArn;
    };
    let principal = known.b.as_ref().map(|b| b.principal());
    let own_account = known.b_account();
    let simulate = |method, loaded: Loaded| {
        let (decision, explanation) = policies::decide(
            &loaded.simulator,
            principal.as_deref(),
            "sts:AssumeRole",
            &arn,
            &[],
        );
        let mismatch = (decision != Decision::Allow)
            .then(|| mismatch::find(&loaded, principal.as_deref(), &arn, own_account.as_deref()))
            .flatten()
            .map(Box::new);
        UserPolicies::Simulated {
            method,
            arn: arn.clone(),
            loaded: Box::new(loaded),
            decision,
            explanation: Box::new(explanation),
            mismatch,
        }
    };
    match cx.read(listing) {
        Read::Pending => UserPolicies::Pending,
        Read::Success(result) => {
            if cx.reads_pending("b.GetPolicy.") {
                return UserPolicies::Pending;
            }
            simulate("listed", policies::from_listing(known.facts, 'b', result))
        }
        _ => match &known.inputs.user_policies {
            Some(entries) => match policies::from_input(entries, "$.inputs.userPolicies") {
                Ok(loaded) => simulate("input", loaded),
                Err(_) => UserPolicies::Unknown,
            },
            None => UserPolicies::Unknown,
        },
    }
}

/// Some(true) when A's trust check passed, Some(false) when it found B untrusted.
fn trust_allows(cx: &Cx) -> Option<bool> {
    let f = cx.finding(A_TRUST)?;
    match (f.status, f.cause) {
        (Status::Pass, _) => Some(true),
        (Status::Fail, Some(Cause::RoleDoesNotTrustB)) => Some(false),
        _ => None,
    }
}

fn user_lacks(cx: &Cx, role: &str, why: Text) -> Finding {
    let user = cx
        .known
        .b
        .as_ref()
        .and_then(|b| b.user.clone().or(b.role.clone()))
        .unwrap_or_default();
    let account = cx.known.b_account().unwrap_or_default();
    Finding::fail(
        Cause::UserLacksAssumeRole,
        TutorialStep::UserInB,
        Text::new(
            format!("B's user {user} may not assume {role}: it lacks the sts:AssumeRole permission."),
            format!("B 的用户 {user} 无权扮演 {role}：缺少 sts:AssumeRole 权限。"),
        )
        .then(&why),
        Fix::new(Text::new(
            format!("In B's account {account}: RAM console > Users > {user} > Permissions > Grant: attach a custom policy allowing sts:AssumeRole on {role} (the snippet), or the system policy AliyunSTSAssumeRoleAccess."),
            format!("请在 B 的账号 {account} 中：RAM 控制台 > 用户 > {user} > 权限管理 > 新增授权：授予允许对 {role} 执行 sts:AssumeRole 的自定义策略（见示例），或系统策略 AliyunSTSAssumeRoleAccess。"),
        ))
        .with_snippet(assume_snippet(Some(role))),
    )
}

pub(super) fn not_trusted(cx: &Cx, why: Text) -> Finding {
    let account = cx
        .known
        .b_account()
        .unwrap_or_else(|| "<B's account UID>".to_string());
    let role = cx.known.role_name.clone().unwrap_or_default();
    let inputs = cx.known.inputs;
    let snippet = crate::policy::build::trust_policy(&crate::policy::build::TrustSpec {
        account: Some(account.clone()),
        external_id: inputs.external_id.clone(),
        ..Default::default()
    })
    .ok()
    .map(|b| to_pretty(&b.policy));
    Finding::fail(
        Cause::RoleDoesNotTrustB,
        TutorialStep::RoleInA,
        Text::new(
            format!("The trust policy of role {role} does not trust B (account {account})."),
            format!("角色 {role} 的信任策略未信任 B（账号 {account}）。"),
        )
        .then(&why),
        Fix::new(Text::new(
            format!("In A's account: RAM console > Roles > {role} > Trust Policy > Edit: add \"acs:ram::{account}:root\" to Principal.RAM (every RAM user of B that has sts:AssumeRole), or acs:ram::{account}:user/<name> for specific users. The snippet is a complete trust policy."),
            format!("请在 A 的账号中：RAM 控制台 > 角色 > {role} > 信任策略 > 编辑：在 Principal.RAM 中加入 \"acs:ram::{account}:root\"（B 中所有具有 sts:AssumeRole 权限的 RAM 用户），或 acs:ram::{account}:user/<用户名>（指定用户）。示例为完整的信任策略。"),
        ))
        .with_snippet(snippet),
    )
}

pub fn assume_role(cx: &Cx) -> Finding {
    if let Some(blocked) = cx.unless_passed(B_IDENTITY) {
        return blocked;
    }
    let known = cx.known;
    if known.in_role {
        return Finding::pass(Text::new(
            "B's credentials already are a session of the role: nothing to assume.",
            "B 的凭证本身就是该角色的会话：无需扮演。",
        ));
    }
    let role = role_text(cx);
    let read = cx.read(id::B_ASSUME);
    let evidence = cx.evidence(id::B_ASSUME);
    let finding = match read {
        Read::NotSent if known.role_arn.is_none() => {
            let typed = known.inputs.account_a.as_ref().map(|a| a.text().to_string()).unwrap_or_default();
            Finding::cannot(
                Cause::MissingInput,
                Text::new(
                    format!("AssumeRole needs A's numeric account UID, and {typed:?} is an alias or domain: only the Switch Role page resolves those."),
                    format!("AssumeRole 需要 A 的数字账号 UID，而 {typed:?} 是别名或域名：只有切换身份页面能解析它们。"),
                ),
                Some(Fix::new(Text::new(
                    "Give the role ARN (acs:ram::<A's UID>:role/<name>) or A's account UID, or add A's credentials so that RoleHop can read the UID.",
                    "请提供角色 ARN（acs:ram::<A 的 UID>:role/<名称>）或 A 的账号 UID，或提供 A 的凭证以便 RoleHop 读取 UID。",
                ))),
            )
        }
        Read::Success(result) => {
            let arn = result.pointer("/assumedRoleUser/arn").and_then(Value::as_str).unwrap_or("");
            let expiration = result.pointer("/credentials/expiration").and_then(Value::as_str).unwrap_or("");
            Finding::pass(Text::new(
                format!("B assumed {role} (session {arn}, valid until {expiration})."),
                format!("B 已扮演 {role}（会话 {arn}，有效期至 {expiration}）。"),
            ))
            .with_details(json!({ "assumedRoleArn": arn, "expiration": expiration }))
        }
        Read::Api(e) if e.code == "NoPermission" && e.message.contains("root account") => Finding::fail(
            Cause::RootKeys,
            TutorialStep::UserInB,
            Text::new("STS refused: roles cannot be assumed with an account's root AccessKey.", "STS 拒绝：主账号 AccessKey 不能扮演角色。"),
            Fix::new(Text::new(
                "Create a RAM user in B's account, allow it sts:AssumeRole on the role, and run the checks with its AccessKey.",
                "请在 B 的账号中创建 RAM 用户，授予其对该角色的 sts:AssumeRole 权限，并用该用户的 AccessKey 运行检查。",
            ))
            .with_snippet(assume_snippet(known.role_arn.as_deref())),
        ),
        Read::Api(e) if e.code == "NoPermission" || e.code.starts_with("Forbidden") => refused(cx),
        Read::Api(e) if e.code == "EntityNotExist.Role" => role_not_found(cx),
        other => return cx.unavailable(id::B_ASSUME, &other),
    };
    finding.with_evidence(evidence)
}

/// AssumeRole said NoPermission: pin it on B's policies or A's trust policy when the other
/// checks tell which, else say both.
fn refused(cx: &Cx) -> Finding {
    // The requested ARN names another account than A's: the permission B's user lacks is on
    // the wrong ARN, a consequence of the wrong account, not a broken step of its own.
    if let (Some(a), Some(uid)) = (&cx.known.a, &cx.known.target_uid) {
        if a.account != *uid {
            return super::a_side::wrong_account_arn(uid, &a.account);
        }
    }
    let policies = user_policies(cx);
    if let UserPolicies::Simulated {
        mismatch: Some(m), ..
    } = &policies
    {
        return values_differ(
            cx,
            m,
            Text::new(
                format!("STS refused AssumeRole on {} (NoPermission).", m.requested),
                format!(
                    "STS 拒绝了对 {} 的 AssumeRole（NoPermission）。",
                    m.requested
                ),
            ),
        );
    }
    let user = policies.allows();
    let trust = trust_allows(cx);
    let role = role_text(cx);
    match (user, trust) {
        (Some(false), _) => user_lacks(cx, &role, Text::new(
            "STS refused AssumeRole (NoPermission), and none of the user's policies allows it.",
            "STS 拒绝了 AssumeRole（NoPermission），且该用户的策略均未允许此操作。",
        )),
        (_, Some(false)) => not_trusted(cx, Text::new(
            "STS refused AssumeRole (NoPermission) for this reason (see the trust check).",
            "STS 因此拒绝了 AssumeRole（NoPermission）（见信任策略检查）。",
        )),
        (Some(true), None) => not_trusted(cx, Text::new(
            "STS refused AssumeRole (NoPermission) although the user's own policies allow it, so the role's trust policy refuses.",
            "尽管用户自身的策略允许，STS 仍拒绝了 AssumeRole（NoPermission），因此是角色的信任策略拒绝了。",
        )),
        (None, Some(true)) => user_lacks(cx, &role, Text::new(
            "STS refused AssumeRole (NoPermission) although the role's trust policy trusts B, so the user's own permission is missing.",
            "尽管角色的信任策略信任 B，STS 仍拒绝了 AssumeRole（NoPermission），因此缺少的是用户自身的权限。",
        )),
        (Some(true), Some(true)) | (None, None) => {
            let account = cx.known.b_account().unwrap_or_else(|| "<B's UID>".to_string());
            let both = user == Some(true);
            let mut f = Finding::fail(
                Cause::AssumeRoleRefused,
                TutorialStep::UserInB,
                if both {
                    Text::new(
                        format!("STS refused AssumeRole on {role} (NoPermission) although both the user's policies and the role's trust policy allow it: a condition (external id, source IP, MFA) or a control policy refuses."),
                        format!("尽管用户策略和角色信任策略都允许，STS 仍拒绝了对 {role} 的 AssumeRole（NoPermission）：可能是条件（外部 ID、来源 IP、MFA）或管控策略拒绝。"),
                    )
                } else {
                    Text::new(
                        format!("STS refused AssumeRole on {role} (NoPermission). Either B's user lacks sts:AssumeRole on the role ({}) or the role's trust policy does not trust B ({}); STS does not say which, and RoleHop could read neither B's policies nor A's trust policy.", TutorialStep::UserInB.in_sentence().en, TutorialStep::RoleInA.in_sentence().en),
                        format!("STS 拒绝了对 {role} 的 AssumeRole（NoPermission）。原因可能是 B 的用户缺少对该角色的 sts:AssumeRole 权限（{}），或角色的信任策略未信任 B（{}）；STS 不区分这两者，而 RoleHop 既无法读取 B 的策略，也无法读取 A 的信任策略。", TutorialStep::UserInB.in_sentence().zh, TutorialStep::RoleInA.in_sentence().zh),
                    )
                },
                Fix::new(Text::new(
                    format!("{} (B): attach sts:AssumeRole on {role} (the snippet) or AliyunSTSAssumeRoleAccess to the user. {} (A): make sure the role's trust policy lists acs:ram::{account}:root or this user. For a precise answer, add A's credentials or allow the user ram:ListPoliciesForUser.", TutorialStep::UserInB.label().en, TutorialStep::RoleInA.label().en),
                    format!("{}（B）：为该用户授予对 {role} 的 sts:AssumeRole（见示例）或 AliyunSTSAssumeRoleAccess。{}（A）：确认角色信任策略包含 acs:ram::{account}:root 或该用户。如需精确结论，请提供 A 的凭证，或允许该用户调用 ram:ListPoliciesForUser。", TutorialStep::UserInB.label().zh, TutorialStep::RoleInA.label().zh),
                ))
                .with_snippet(assume_snippet(cx.known.role_arn.as_deref())),
            );
            f.details = Some(json!({ "possibleSteps": [TutorialStep::UserInB, TutorialStep::RoleInA] }));
            f
        }
    }
}

/// B's user may assume a role whose ARN differs from the requested one only in the account or
/// the role name: the values used for the switch are wrong (step 3), unless A's credentials
/// show the requested role is the right one (then the user's policy names the wrong ARN: step 2).
fn values_differ(cx: &Cx, m: &Mismatch, lead: Text) -> Finding {
    let (allowed, policy) = (&m.allowed, &m.policy);
    let (req_uid, req_role) = (&m.requested_account, &m.requested_role);
    let (differs, what) = match (&m.account, &m.role_name) {
        (Some(uid), None) => (
            Text::new(
                format!("only in the account UID ({uid} instead of {req_uid})"),
                format!("仅账号 UID 不同（应为 {uid}，而非 {req_uid}）"),
            ),
            Text::new("account (alias/UID)", "账号（别名/UID）"),
        ),
        (None, Some(name)) => (
            Text::new(
                format!("only in the role name ({name} instead of {req_role})"),
                format!("仅角色名称不同（应为 {name}，而非 {req_role}）"),
            ),
            Text::new("role name", "角色名称"),
        ),
        (uid, name) => (
            Text::new(
                format!(
                    "in the account UID ({} instead of {req_uid}) and the role name ({} instead of {req_role})",
                    uid.as_deref().unwrap_or(req_uid),
                    name.as_deref().unwrap_or(req_role)
                ),
                format!(
                    "账号 UID（应为 {}，而非 {req_uid}）和角色名称（应为 {}，而非 {req_role}）均不同",
                    uid.as_deref().unwrap_or(req_uid),
                    name.as_deref().unwrap_or(req_role)
                ),
            ),
            Text::new("account (alias/UID) and role name", "账号（别名/UID）和角色名称"),
        ),
    };
    if a_confirms_role(cx) {
        return user_lacks(
            cx,
            &m.requested,
            lead.then(&Text::new(
                format!("A's credentials show the requested role exists, but the user's policy {policy} allows {allowed} instead, which differs {}: the policy names the wrong role.", differs.en),
                format!("A 的凭证表明所请求的角色存在，但该用户的策略 {policy} 允许的是 {allowed}，与之{}：策略中的角色有误。", differs.zh),
            )),
        );
    }
    let cause = if m.account.is_some() {
        Cause::WrongAccount
    } else {
        Cause::WrongRoleName
    };
    let (uid, name, requested) = (m.use_account(), m.use_role(), &m.requested);
    let mut f = Finding::fail(
        cause,
        TutorialStep::SwitchRole,
        lead.then(&Text::new(
            format!("B's user may assume {allowed} (policy {policy}), which differs from the requested ARN {}: the {} typed on the Switch Role page (or entered in the profile) is wrong.", differs.en, what.en),
            format!("B 的用户有权扮演 {allowed}（策略 {policy}），它与所请求的 ARN {}：切换身份页面（或配置）中填写的{}有误。", differs.zh, what.zh),
        )),
        Fix::new(Text::new(
            format!("Use account {uid} and role {name} on the Switch Role page and in the profile: the user's permission already allows that role. Only if {requested} really is the role to use: B's RAM administrator allows the user sts:AssumeRole on it instead (the snippet, {}).", TutorialStep::UserInB.in_sentence().en),
            format!("请在切换身份页面和配置中使用账号 {uid} 和角色 {name}：该用户的权限已允许扮演该角色。仅当确实要使用 {requested} 时，才需由 B 的 RAM 管理员为该用户授予对它的 sts:AssumeRole 权限（见示例，{}）。", TutorialStep::UserInB.in_sentence().zh),
        ))
        .with_snippet(assume_snippet(Some(requested))),
    );
    f.details = Some(json!({
        "possibleSteps": [TutorialStep::SwitchRole, TutorialStep::UserInB],
        "differs": m.parts(),
        "requestedArn": requested,
        "allowedArn": allowed,
        "policy": policy,
        "account": uid,
        "roleName": name,
    }));
    f
}

/// AssumeRole said EntityNotExist.Role: the account or role name is wrong (or the role was
/// never created).
fn role_not_found(cx: &Cx) -> Finding {
    let known = cx.known;
    let uid = known.target_uid.clone().unwrap_or_default();
    let name = known.role_name.clone().unwrap_or_default();
    if let Some(a) = &known.a {
        if a.account != uid {
            return super::a_side::wrong_account_arn(&uid, &a.account);
        }
    }
    let mut f = Finding::fail(
        Cause::RoleNotFound,
        TutorialStep::SwitchRole,
        Text::new(
            format!("Account {uid} has no role named {name}: the account (alias/UID) or the role name used on the Switch Role page is wrong, or A has not created the role yet."),
            format!("账号 {uid} 中没有名为 {name} 的角色：切换身份页面使用的账号（别名/UID）或角色名称有误，或者 A 尚未创建该角色。"),
        ),
        Fix::new(Text::new(
            format!("Ask A for the exact role name (RAM console > Roles) and the account UID or enterprise alias, and use those on the Switch Role page and in the profile. If the role does not exist, A creates it ({}).", TutorialStep::RoleInA.in_sentence().en),
            format!("请向 A 确认准确的角色名称（RAM 控制台 > 角色）以及账号 UID 或企业别名，并在切换身份页面和配置中使用。若角色不存在，需由 A 创建（{}）。", TutorialStep::RoleInA.in_sentence().zh),
        )),
    );
    f.details = Some(
        json!({ "possibleSteps": [TutorialStep::SwitchRole, TutorialStep::RoleInA], "account": uid, "roleName": name }),
    );
    f
}

pub fn user_may_assume(cx: &Cx) -> Finding {
    if let Some(blocked) = cx.unless_passed(B_IDENTITY) {
        return blocked;
    }
    let known = cx.known;
    if known.in_role {
        return Finding::pass(Text::new(
            "Not needed: B's credentials already are a session of the role.",
            "无需检查：B 的凭证本身就是该角色的会话。",
        ));
    }
    let role = role_text(cx);
    let listing = known.b_listing().unwrap_or(id::B_USER_POLICIES);
    let listing_action = listing.trim_start_matches("b.");
    let evidence = cx.evidence(listing);
    match user_policies(cx) {
        UserPolicies::Pending => Finding::pending(),
        UserPolicies::NoRoleArn => Finding::cannot(
            Cause::MissingInput,
            Text::new(
                "The role's ARN is unknown (it needs A's numeric account UID), so the user's policies cannot be tested against it.",
                "角色 ARN 未知（需要 A 的数字账号 UID），无法据此检验用户的策略。",
            ),
            Some(Fix::new(Text::new(
                "Give the role ARN (acs:ram::<A's UID>:role/<name>) or A's account UID, or add A's credentials.",
                "请提供角色 ARN（acs:ram::<A 的 UID>:role/<名称>）或 A 的账号 UID，或提供 A 的凭证。",
            ))),
        )
        .with_evidence(evidence),
        UserPolicies::Simulated { method, arn, loaded, decision, explanation, mismatch } => {
            let source = if method == "listed" {
                Text::new(format!("(policies read with {listing_action})"), format!("（策略通过 {listing_action} 读取）"))
            } else {
                let code = evidence.code.clone().unwrap_or_default();
                Text::new(
                    format!("(simulated with the policies given as attached, because {listing_action} was refused: {code})"),
                    format!("（因 {listing_action} 被拒绝（{code}），按所提供的已授权策略模拟）"),
                )
            };
            let names = if loaded.names.is_empty() { "none".to_string() } else { loaded.names.join(", ") };
            let mut details = json!({
                "policies": loaded.names,
                "assumedTexts": loaded.assumed,
                "unreadable": loaded.unknown,
                "decision": decision.name(),
                "explanation": explanation.explanation,
            });
            // Tested on A's role when the requested ARN names another account (A's credentials).
            let corrected = if arn == role {
                Text::new("", "")
            } else {
                details["simulatedArn"] = json!(arn);
                Text::new(
                    format!("(tested on A's role: the requested {role} names an account that is not A's, see the switch values)"),
                    format!("（按 A 的角色检验：所请求的 {role} 指向的不是 A 的账号，见切换身份填写内容）"),
                )
            };
            let role = arn;
            let finding = match (decision, mismatch) {
                (Decision::Allow, _) => Finding::pass(Text::new(
                    format!("The user's policies ({names}) allow sts:AssumeRole on {role}."),
                    format!("该用户的策略（{names}）允许对 {role} 执行 sts:AssumeRole。"),
                ).then(&corrected).then(&source)),
                (_, Some(m)) => {
                    let mut f = values_differ(cx, &m, Text::new(
                        format!("The user's policies ({names}) do not allow sts:AssumeRole on {role}."),
                        format!("该用户的策略（{names}）不允许对 {role} 执行 sts:AssumeRole。"),
                    ));
                    f.summary = f.summary.then(&source);
                    if let (Some(Value::Object(found)), Value::Object(all)) = (&f.details, &mut details) {
                        all.extend(found.clone());
                    }
                    f
                }
                (Decision::ImplicitDeny, None) if !loaded.unknown.is_empty() => Finding::cannot(
                    Cause::NotPermitted,
                    Text::new(
                        format!("The readable policies ({names}) do not allow sts:AssumeRole on {role}; {} could not be read.", loaded.unknown.join(", ")),
                        format!("可读取的策略（{names}）不允许对 {role} 执行 sts:AssumeRole；无法读取 {}。", loaded.unknown.join("、")),
                    ).then(&source),
                    Some(Fix::new(Text::new("Allow the user ram:GetPolicy, or check those policies in the RAM console.", "请允许该用户调用 ram:GetPolicy，或在 RAM 控制台中查看这些策略。"))),
                ),
                _ => user_lacks(cx, &role, Text::new(
                    format!("Its policies ({names}) do not allow it."),
                    format!("其策略（{names}）不允许。"),
                ).then(&corrected).then(&source)),
            };
            finding.with_method(if method == "listed" { "listed" } else { "input" }).with_details(details).with_evidence(evidence)
        }
        UserPolicies::Unknown => {
            // Neither listed nor given: what AssumeRole itself showed.
            let code = evidence.code.clone().unwrap_or_else(|| "not sent".to_string());
            let why = Text::new(
                format!("{listing_action} was not possible ({code}), so this is what AssumeRole showed."),
                format!("无法调用 {listing_action}（{code}），以下结论来自 AssumeRole 的结果。"),
            );
            let assumed = cx.finding(B_ASSUME_ROLE);
            let finding = match assumed.map(|f| (f.status, f.cause)) {
                Some((Status::Pending, _)) => return Finding::pending(),
                Some((Status::Pass, _)) => Finding::pass(Text::new(
                    format!("AssumeRole succeeded, so the user may assume {role}."),
                    format!("AssumeRole 已成功，因此该用户有权扮演 {role}。"),
                ).then(&why)),
                Some((Status::Fail, Some(Cause::UserLacksAssumeRole))) => user_lacks(cx, &role, why),
                Some((Status::Fail, Some(Cause::RoleDoesNotTrustB | Cause::RoleNotFound | Cause::WrongAccount | Cause::WrongRoleName))) => Finding::cannot(
                    Cause::NotPermitted,
                    Text::new(
                        "AssumeRole failed for another reason (see that check), so it does not show whether the user may assume the role.",
                        "AssumeRole 因其他原因失败（见该检查），无法据此判断该用户是否有权扮演角色。",
                    ).then(&why),
                    None,
                ),
                _ => Finding::cannot(
                    Cause::NotPermitted,
                    Text::new(
                        format!("Could not tell whether the user may assume {role}."),
                        format!("无法判断该用户是否有权扮演 {role}。"),
                    ).then(&why),
                    Some(Fix::new(Text::new(
                        "For a precise answer: allow the user ram:ListPoliciesForUser and ram:GetPolicy (or AliyunRAMReadOnlyAccess), or give the attached policies as userPolicies.",
                        "如需精确结论：允许该用户调用 ram:ListPoliciesForUser 和 ram:GetPolicy（或授予 AliyunRAMReadOnlyAccess），或通过 userPolicies 提供已授权的策略。",
                    ))),
                ),
            };
            finding.with_method("observed").with_evidence(evidence)
        }
    }
}

fn after_assume(cx: &Cx) -> Option<Finding> {
    cx.unless_passed(B_ASSUME_ROLE)
}

fn role_lacks_oss(cx: &Cx, what: Text) -> Finding {
    let role = cx.known.role_name.clone().unwrap_or_default();
    // A's side simulated the role's policies and they allow it: something else refuses.
    if cx.status(A_ROLE_OSS) == Some(Status::Pass) {
        let bucket = cx.known.inputs.bucket.clone().unwrap_or_default();
        return Finding::fail(
            Cause::RoleLacksOssPolicy,
            TutorialStep::RoleInA,
            what.then(&Text::new(
                "The role's attached policies allow it (see the role's OSS check), so a Deny elsewhere refuses: a bucket policy, or a policy RoleHop could not read.",
                "角色已授权的策略允许此操作（见角色 OSS 权限检查），因此是其他地方的拒绝：Bucket Policy，或 RoleHop 无法读取的策略。",
            )),
            Fix::new(Text::new(
                format!("In A's account: OSS console > {bucket} > Permissions > Bucket Policy: remove the Deny that covers role {role}, or allow it."),
                format!("请在 A 的账号中：OSS 控制台 > {bucket} > 权限控制 > Bucket 授权策略：删除涉及角色 {role} 的拒绝规则，或为其授权。"),
            )),
        );
    }
    Finding::fail(
        Cause::RoleLacksOssPolicy,
        TutorialStep::RoleInA,
        what,
        Fix::new(Text::new(
            format!("In A's account: RAM console > Roles > {role} > Permissions > Grant: attach AliyunOSSReadOnlyAccess, or a custom policy like the snippet (read-only, scoped to the bucket, with what the OSS console needs)."),
            format!("请在 A 的账号中：RAM 控制台 > 角色 > {role} > 权限管理 > 新增授权：授予 AliyunOSSReadOnlyAccess，或类似示例的自定义策略（只读、限定 Bucket，并包含 OSS 控制台所需的权限）。"),
        ))
        .with_snippet(oss_snippet(cx)),
    )
}

pub fn list_buckets(cx: &Cx) -> Finding {
    if let Some(blocked) = after_assume(cx) {
        return blocked;
    }
    let read = cx.read(id::B_BUCKETS);
    let evidence = cx.evidence(id::B_BUCKETS);
    let role = cx.known.role_name.clone().unwrap_or_default();
    let finding = match read {
        Read::Success(result) => {
            let names = bucket_names(result);
            let mut summary = Text::new(
                format!("The role session lists {} of A: {}.", count(names.len(), "bucket", "buckets"), names.join(", ")),
                format!("角色会话可列出 A 的 {} 个 Bucket：{}。", names.len(), names.join("、")),
            );
            if let Some(bucket) = &cx.known.inputs.bucket {
                if !names.contains(bucket) {
                    summary = summary.then(&Text::new(
                        format!("{bucket} is not among them."),
                        format!("其中没有 {bucket}。"),
                    ));
                }
            }
            Finding::pass(summary).with_details(json!({ "buckets": names }))
        }
        Read::Api(e) if e.code == "AccessDenied" && e.endpoint.is_none() => role_lacks_oss(cx, Text::new(
            format!("OSS refused ListBuckets to the role session (AccessDenied): role {role} has no policy allowing oss:ListBuckets, so the OSS console shows no buckets."),
            format!("OSS 拒绝了角色会话的 ListBuckets（AccessDenied）：角色 {role} 没有允许 oss:ListBuckets 的策略，因此 OSS 控制台不显示任何 Bucket。"),
        )),
        other => return cx.unavailable(id::B_BUCKETS, &other),
    };
    finding.with_evidence(evidence)
}

pub fn list_objects(cx: &Cx) -> Finding {
    if let Some(blocked) = after_assume(cx) {
        return blocked;
    }
    let inputs = cx.known.inputs;
    let bucket = inputs.bucket.clone().unwrap_or_default();
    let prefix = inputs.prefix.clone().unwrap_or_default();
    let place = if prefix.is_empty() {
        bucket.clone()
    } else {
        format!("{bucket}/{prefix}")
    };
    let read = cx.read(id::B_OBJECTS);
    let evidence = cx.evidence(id::B_OBJECTS);
    let listed = cx.known.facts.success(id::B_BUCKETS).map(bucket_names);
    let role = cx.known.role_name.clone().unwrap_or_default();
    let finding = match read {
        Read::Success(result) => {
            let keys: Vec<&str> = result
                .get("contents")
                .and_then(Value::as_array)
                .map(|c| c.iter().filter_map(|o| o.get("key")?.as_str()).collect())
                .unwrap_or_default();
            let prefixes = result.get("commonPrefixes").and_then(Value::as_array).map_or(0, Vec::len);
            Finding::pass(Text::new(
                format!("The role session lists objects in {place}: {} shown{}.", keys.len(), if keys.is_empty() { String::new() } else { format!(" ({})", keys.join(", ")) }),
                format!("角色会话可列出 {place} 中的文件：显示 {} 个{}。", keys.len(), if keys.is_empty() { String::new() } else { format!("（{}）", keys.join("、")) }),
            ))
            .with_details(json!({ "keys": keys, "commonPrefixes": prefixes }))
        }
        Read::Api(e) if e.code == "NoSuchBucket" => {
            let known_names = listed.as_ref().map(|n| n.join(", ")).unwrap_or_default();
            let (en, zh) = if known_names.is_empty() {
                (String::new(), String::new())
            } else {
                (format!(" A's buckets: {known_names}."), format!("A 的 Bucket：{known_names}。"))
            };
            Finding::fail(
                Cause::NoSuchBucket,
                TutorialStep::Verify,
                Text::new(format!("No bucket named {bucket} exists: the bucket name is wrong.{en}"), format!("不存在名为 {bucket} 的 Bucket：Bucket 名称有误。{zh}")),
                Fix::new(Text::new(
                    format!("Use the exact bucket name from A (OSS console > Buckets).{en}"),
                    format!("请使用 A 提供的准确 Bucket 名称（OSS 控制台 > Bucket 列表）。{zh}"),
                )),
            )
        }
        Read::Api(e) if e.code == "AccessDenied" && e.endpoint.is_none() => match &listed {
            Some(names) if !names.contains(&bucket) => Finding::fail(
                Cause::BucketNotInAccount,
                TutorialStep::Verify,
                Text::new(
                    format!("OSS refused ListObjects on {bucket}, and {bucket} is not one of A's buckets ({}): it belongs to another account, or the name is wrong.", names.join(", ")),
                    format!("OSS 拒绝了对 {bucket} 的 ListObjects，且 {bucket} 不是 A 的 Bucket（{}）：它属于其他账号，或名称有误。", names.join("、")),
                ),
                Fix::new(Text::new(
                    format!("Check the bucket name with A; A's buckets are: {}.", names.join(", ")),
                    format!("请与 A 核对 Bucket 名称；A 的 Bucket 为：{}。", names.join("、")),
                )),
            ),
            _ => role_lacks_oss(cx, Text::new(
                format!("OSS refused ListObjects on {place} to the role session (AccessDenied): role {role} has no policy allowing oss:ListObjects there (or a bucket policy denies it)."),
                format!("OSS 拒绝了角色会话对 {place} 的 ListObjects（AccessDenied）：角色 {role} 没有允许在此执行 oss:ListObjects 的策略（或 Bucket Policy 拒绝了访问）。"),
            )),
        },
        other => return cx.unavailable(id::B_OBJECTS, &other),
    };
    finding.with_evidence(evidence)
}
