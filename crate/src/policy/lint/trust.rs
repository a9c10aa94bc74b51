//! Checks of a role's trust policy: who is trusted, and whether the statements can grant
//! AssumeRole at all.

use super::{statement_path, Ctx};
use crate::policy::finding::Level;
use crate::policy::model::{Effect, PrincipalKind, Statement};
use crate::policy::names::ram_arn;
use crate::policy::path::Path;
use crate::policy::pattern::Pattern;
use std::collections::HashSet;

pub fn check(ctx: &mut Ctx<'_>, statements: &[(usize, &Statement)]) {
    for &(index, s) in statements {
        let path = statement_path(index);
        principals(ctx, &path, s);
        if s.effect == Effect::Allow {
            grants_assume_role(ctx, &path, s);
        }
        if s.resource.is_some() {
            let not = s.resource.as_ref().is_some_and(|r| r.not);
            let f = ctx
                .finding(
                    Level::Warning,
                    "resource-in-trust-policy",
                    path.key(if not { "NotResource" } else { "Resource" }),
                    "a trust policy is the role's own policy: the resource is always the role, so Resource has no place here",
                    "信任策略属于角色本身：资源始终是该角色，因此不应包含 Resource",
                )
                .fix("remove Resource", "删除 Resource", None);
            ctx.push(f);
        }
    }
}

fn principals(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
    let Some(principal) = &s.principal else {
        return;
    };
    for entry in &principal.entries {
        let element = path.key("Principal").key(entry.kind.name());
        // Bytes of the values: each `:root` finding's fix rewrites the whole list.
        let list_bytes: usize = entry.values.iter().map(|v| v.len() + 3).sum();
        for (j, value) in entry.values.iter().enumerate() {
            let vpath = ctx.value_path(&element, j);
            match entry.kind {
                PrincipalKind::Ram => {
                    ram_principal(ctx, s, (&element, &entry.values, list_bytes), vpath, value)
                }
                PrincipalKind::Service if !value.ends_with(".aliyuncs.com") && value != "*" => {
                    let f = ctx.finding(
                        Level::Warning,
                        "service-principal-domain",
                        vpath,
                        format!("{value:?} is not a service domain: service principals look like ecs.aliyuncs.com"),
                        format!("{value:?} 不是服务域名：服务主体形如 ecs.aliyuncs.com"),
                    );
                    ctx.push(f);
                }
                PrincipalKind::Service if value == "*" && s.effect == Effect::Allow => {
                    anyone(ctx, vpath)
                }
                _ => {}
            }
        }
    }
}

fn anyone(ctx: &mut Ctx<'_>, vpath: Path) {
    let f = ctx
        .finding(
            Level::SecurityWarning,
            "principal-anyone",
            vpath,
            "\"*\" trusts everyone: any account's users and roles may assume this role if their own policies allow it",
            "\"*\" 信任所有人：任何账号的用户和角色只要自身策略允许，都可以扮演该角色",
        )
        .fix(
            "trust the one account (or the users) that need the role",
            "只信任需要该角色的账号（或用户）",
            Some("\"acs:ram::<trusted account uid>:root\"".to_string()),
        );
    ctx.push(f);
}

/// `entry`: the RAM element's path, all its values and their size in bytes (the `:root` fix
/// rewrites the whole list).
fn ram_principal(
    ctx: &mut Ctx<'_>,
    s: &Statement,
    entry: (&Path, &[String], usize),
    vpath: Path,
    value: &str,
) {
    if value == "*" {
        if s.effect == Effect::Allow {
            anyone(ctx, vpath);
        }
        return;
    }
    let Some((account, relative)) = ram_arn(value) else {
        return;
    };
    if !account.bytes().all(|b| b.is_ascii_digit()) {
        let f = ctx.finding(
            Level::Warning,
            "principal-account-format",
            vpath.clone(),
            format!(
                "the account in {value:?} is {account:?}: write the trusted account's UID (digits)"
            ),
            format!("{value:?} 中的账号为 {account:?}：应填写受信任账号的 UID（数字）"),
        );
        ctx.push(f);
    }
    if relative == "root" && s.effect == Effect::Allow {
        let suggested: Vec<String> = if ctx.options.trusted_principals.is_empty() {
            vec![format!("acs:ram::{account}:user/<user name>")]
        } else {
            ctx.options.trusted_principals.clone()
        };
        let (element, values, list_bytes) = entry;
        let suggested_bytes: usize = suggested.iter().map(|v| v.len() + 3).sum();
        if !ctx.affords(list_bytes + suggested_bytes + 4 * value.len() + 512) {
            return;
        }
        let mut replacement: Vec<String> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for v in values {
            let new: &[String] = if v == value {
                &suggested
            } else {
                std::slice::from_ref(v)
            };
            for n in new {
                if seen.insert(n) {
                    replacement.push(n.clone());
                }
            }
        }
        let f = ctx
            .finding(
                Level::SecurityWarning,
                "trust-account-root",
                vpath,
                format!("{value:?} trusts every RAM user and role of account {account} (each still needs its own sts:AssumeRole permission); trust the specific users or roles that need this role"),
                format!("{value:?} 信任账号 {account} 下的所有 RAM 用户和角色（它们仍需各自的 sts:AssumeRole 权限）；建议只信任需要该角色的具体用户或角色"),
            )
            .fix_at(
                "name the users or roles instead of :root",
                "用具体的用户或角色替换 :root",
                serde_json::Value::from(replacement).to_string(),
                element.clone(),
            );
        ctx.push(f);
    }
}

/// An Allow statement of a trust policy is there to grant AssumeRole; one whose actions cannot
/// match it grants nothing.
fn grants_assume_role(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
    if s.action.not {
        return;
    }
    let federated = s
        .principal
        .as_ref()
        .is_some_and(|p| p.entries.iter().any(|e| e.kind == PrincipalKind::Federated));
    let targets: &[&str] = if federated {
        &[
            "sts:AssumeRole",
            "sts:AssumeRoleWithSAML",
            "sts:AssumeRoleWithOIDC",
        ]
    } else {
        &["sts:AssumeRole"]
    };
    let grants = s.action.values.iter().any(|a| {
        let p = Pattern::folded(a);
        targets.iter().any(|t| p.matches(t))
    });
    if !grants {
        let f = ctx
            .finding(
                Level::Warning,
                "trust-action-not-assume-role",
                path.key("Action"),
                format!(
                    "this trust statement does not grant {}: it lets no one assume the role",
                    targets.join(" or ")
                ),
                format!(
                    "该信任语句没有授予 {}：不允许任何人扮演该角色",
                    targets.join(" 或 ")
                ),
            )
            .fix(
                "write \"sts:AssumeRole\"",
                "改为 \"sts:AssumeRole\"",
                Some("\"sts:AssumeRole\"".into()),
            );
        ctx.push(f);
    }
}
