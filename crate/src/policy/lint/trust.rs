//! Checks of a role's trust policy: who is trusted, and whether the statements can grant
//! AssumeRole at all.

use super::context::{statement_path, Ctx};
use crate::message::PolicyMessage;
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
                    PolicyMessage::ResourceInTrust {},
                )
                .fix(
                    PolicyMessage::FixRemove {
                        name: if not { "NotResource" } else { "Resource" }.to_string(),
                    },
                    None,
                );
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
                        PolicyMessage::ServicePrincipalDomain {
                            value: value.clone(),
                        },
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
            PolicyMessage::PrincipalAnyone {},
        )
        .fix(
            PolicyMessage::FixTrustOneAccount {},
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
            PolicyMessage::PrincipalAccountFormat {
                value: value.to_string(),
                account: account.to_string(),
            },
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
                PolicyMessage::TrustAccountRoot {
                    value: value.to_string(),
                    account: account.to_string(),
                },
            )
            .fix_at(
                PolicyMessage::FixNameInsteadOfRoot {},
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
                if federated {
                    PolicyMessage::TrustNotAssumeRoleFederated {}
                } else {
                    PolicyMessage::TrustNotAssumeRole {}
                },
            )
            .fix(
                PolicyMessage::FixWrite {
                    value: "sts:AssumeRole".to_string(),
                },
                Some("\"sts:AssumeRole\"".into()),
            );
        ctx.push(f);
    }
}
