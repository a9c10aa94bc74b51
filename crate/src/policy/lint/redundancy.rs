//! Statements that add nothing: exact duplicates, statements another unconditional statement of
//! the same effect already covers, and Allows an unconditional Deny always overrides.

use super::{statement_path, Ctx};
use crate::policy::finding::Level;
use crate::policy::model::{Effect, Principal, PrincipalKind, Statement};
use crate::policy::names::ram_arn;
use crate::policy::pattern::covers;

pub fn check(ctx: &mut Ctx<'_>, statements: &[(usize, &Statement)]) {
    for (pos, &(index, s)) in statements.iter().enumerate() {
        if let Some(&(first, _)) = statements[..pos].iter().find(|(_, earlier)| *earlier == s) {
            let f = ctx
                .finding(
                    Level::Warning,
                    "duplicate-statement",
                    statement_path(index),
                    format!("this statement repeats statement {first}"),
                    format!("该语句与第 {first} 条语句重复"),
                )
                .fix("remove it", "删除该语句", None);
            ctx.push(f);
            continue;
        }
        for &(other_index, other) in statements {
            if other_index == index
                || other == s
                || !other.condition.is_empty()
                || !statement_covers(other, s)
            {
                continue;
            }
            // Two equivalent statements: report only the later one.
            if s.condition.is_empty()
                && s.effect == other.effect
                && statement_covers(s, other)
                && index < other_index
            {
                continue;
            }
            let f = match (other.effect, s.effect) {
                (a, b) if a == b => ctx
                    .finding(
                        Level::Warning,
                        "shadowed-statement",
                        statement_path(index),
                        format!("statement {other_index} already covers every action, resource and principal of this statement without conditions: this one changes nothing"),
                        format!("第 {other_index} 条语句已无条件覆盖该语句的所有操作、资源和主体：该语句不起作用"),
                    )
                    .fix("remove it, or narrow the other statement", "删除该语句，或收窄另一条语句", None),
                (Effect::Deny, _) => ctx
                    .finding(
                        Level::Warning,
                        "allow-always-denied",
                        statement_path(index),
                        format!("statement {other_index} denies everything this Allow grants, without conditions: it never allows anything"),
                        format!("第 {other_index} 条语句无条件拒绝了该 Allow 语句授予的全部内容：该语句永远不会生效"),
                    )
                    .fix("remove it, or narrow the Deny", "删除该语句，或收窄该 Deny 语句", None),
                _ => continue,
            };
            ctx.push(f);
            break;
        }
    }
}

/// Whether `wide` applies to every request `narrow` applies to (ignoring `narrow`'s conditions).
fn statement_covers(wide: &Statement, narrow: &Statement) -> bool {
    if wide.action.not || narrow.action.not {
        return false;
    }
    let actions = narrow
        .action
        .values
        .iter()
        .all(|n| wide.action.values.iter().any(|w| covers(w, n, true)));
    let resources = match (&wide.resource, &narrow.resource) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(w), Some(n)) if w.not || n.not => w == n,
        (Some(w), Some(n)) => n
            .values
            .iter()
            .all(|nv| w.values.iter().any(|wv| covers(wv, nv, false))),
    };
    let principals = match (&wide.principal, &narrow.principal) {
        (None, None) => true,
        (Some(w), Some(n)) => principal_covers(w, n),
        _ => false,
    };
    actions && resources && principals
}

fn principal_covers(wide: &Principal, narrow: &Principal) -> bool {
    narrow.entries.iter().all(|ne| {
        ne.values.iter().all(|nv| {
            wide.entries.iter().any(|we| {
                we.kind == ne.kind
                    && we.values.iter().any(|wv| {
                        wv == "*"
                            || wv.eq_ignore_ascii_case(nv)
                            || (ne.kind == PrincipalKind::Ram && root_covers(wv, nv))
                    })
            })
        })
    })
}

/// `acs:ram::<uid>:root` covers the users and roles of that account.
fn root_covers(wide: &str, narrow: &str) -> bool {
    match (ram_arn(wide), ram_arn(narrow)) {
        (Some((wa, "root")), Some((na, _))) => wa == na,
        _ => false,
    }
}
