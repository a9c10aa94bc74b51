//! Statements that add nothing: exact duplicates, statements another unconditional statement of
//! the same effect already covers, and Allows an unconditional Deny always overrides.
//!
//! Duplicates are found by hashing each statement's canonical text (linear). Shadowing compares
//! statements pairwise, which is quadratic: the comparisons are charged to `SHADOW_BUDGET`; past
//! it the check stops and says so (`too-large-to-check`).

use super::context::{statement_path, Ctx};
use crate::message::PolicyMessage;
use crate::policy::covers::{covers_within, Prepared};
use crate::policy::finding::Level;
use crate::policy::model::{Effect, Principal, PrincipalKind, Statement};
use crate::policy::names::ram_arn;
use crate::policy::serialize::statement_compact;
use std::collections::hash_map::{Entry, HashMap};

/// Work units of the shadowing check for one document, a unit being about one cell of the
/// pattern containment table (`covers::covers_within`): some 10 ms in the wasm build, so that a
/// trust policy a page sends cannot hold the service worker. Realistic documents need a part of
/// it (a document of RAM's size, some 60 statements of ordinary ARNs, well under half);
/// documents that need more (hundreds of statements, or patterns of thousands of wildcards) are
/// checked up to it.
pub const SHADOW_BUDGET: u64 = 4 * 1024 * 1024;

/// Units charged for each pair of statements, besides its pattern comparisons.
const PAIR_COST: u64 = 32;

/// A statement with its Action and Resource patterns prepared for containment tests.
struct Prepped<'s> {
    index: usize,
    s: &'s Statement,
    actions: Vec<Prepared>,
    resources: Vec<Prepared>,
}

pub fn check(ctx: &mut Ctx<'_>, statements: &[(usize, &Statement)]) {
    let prepared: Vec<Prepped<'_>> = statements
        .iter()
        .map(|&(index, s)| Prepped {
            index,
            s,
            actions: s
                .action
                .values
                .iter()
                .map(|a| Prepared::new(a, true))
                .collect(),
            resources: s
                .resource
                .iter()
                .flat_map(|r| &r.values)
                .map(|r| Prepared::new(r, false))
                .collect(),
        })
        .collect();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    let mut budget = SHADOW_BUDGET;
    let mut stopped = false;
    for p in &prepared {
        let (index, s) = (p.index, p.s);
        match first_seen.entry(statement_compact(s)) {
            Entry::Occupied(first) => {
                let first = *first.get();
                let f = ctx
                    .finding(
                        Level::Warning,
                        "duplicate-statement",
                        statement_path(index),
                        PolicyMessage::DuplicateStatement { index: first },
                    )
                    .fix(PolicyMessage::FixRemoveStatement {}, None);
                ctx.push(f);
                continue;
            }
            Entry::Vacant(slot) => {
                slot.insert(index);
            }
        }
        if stopped {
            continue;
        }
        if shadowing(ctx, &prepared, p, &mut budget).is_none() {
            stopped = true;
            too_large(ctx, index, statements.len());
        }
    }
}

/// The shadowed-statement or always-denied finding for statement `index`, if any; `None` when
/// the budget ran out before the statement was checked against every other.
fn shadowing(
    ctx: &mut Ctx<'_>,
    statements: &[Prepped<'_>],
    this: &Prepped<'_>,
    budget: &mut u64,
) -> Option<()> {
    let (index, s) = (this.index, this.s);
    for o in statements {
        let (other_index, other) = (o.index, o.s);
        *budget = budget.checked_sub(PAIR_COST)?;
        if other_index == index || other == s || !other.condition.is_empty() {
            continue;
        }
        if !statement_covers(o, this, budget)? {
            continue;
        }
        // Two equivalent statements: report only the later one.
        if s.condition.is_empty()
            && s.effect == other.effect
            && index < other_index
            && statement_covers(this, o, budget)?
        {
            continue;
        }
        let f = match (other.effect, s.effect) {
            (a, b) if a == b => ctx
                .finding(
                    Level::Warning,
                    "shadowed-statement",
                    statement_path(index),
                    PolicyMessage::ShadowedStatement { index: other_index },
                )
                .fix(PolicyMessage::FixRemoveOrNarrow {}, None),
            (Effect::Deny, _) => ctx
                .finding(
                    Level::Warning,
                    "allow-always-denied",
                    statement_path(index),
                    PolicyMessage::AllowAlwaysDenied { index: other_index },
                )
                .fix(PolicyMessage::FixRemoveOrNarrowDeny {}, None),
            _ => continue,
        };
        ctx.push(f);
        break;
    }
    Some(())
}

/// Says that the shadowing check stopped at statement `index` (of `total`).
fn too_large(ctx: &mut Ctx<'_>, index: usize, total: usize) {
    let f = ctx
        .finding(
            Level::Warning,
            "too-large-to-check",
            statement_path(index),
            PolicyMessage::ShadowTooLarge {
                count: total,
                steps: SHADOW_BUDGET as usize,
            },
        )
        .fix(PolicyMessage::FixSplitPolicy {}, None);
    ctx.push(f);
}

/// Whether `wide` applies to every request `narrow` applies to (ignoring `narrow`'s conditions);
/// `None` when the budget runs out.
fn statement_covers(wide: &Prepped<'_>, narrow: &Prepped<'_>, budget: &mut u64) -> Option<bool> {
    let (ws, ns) = (wide.s, narrow.s);
    if ws.action.not || ns.action.not {
        return Some(false);
    }
    if !all_covered(&narrow.actions, &wide.actions, budget)? {
        return Some(false);
    }
    let resources = match (&ws.resource, &ns.resource) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(w), Some(n)) if w.not || n.not => w == n,
        (Some(_), Some(_)) => all_covered(&narrow.resources, &wide.resources, budget)?,
    };
    if !resources {
        return Some(false);
    }
    Some(match (&ws.principal, &ns.principal) {
        (None, None) => true,
        (Some(w), Some(n)) => principal_covers(w, n, budget)?,
        _ => false,
    })
}

/// Whether every pattern of `narrow` is covered by some pattern of `wide`.
fn all_covered(narrow: &[Prepared], wide: &[Prepared], budget: &mut u64) -> Option<bool> {
    for n in narrow {
        let mut covered = false;
        for w in wide {
            if covers_within(w, n, budget)? {
                covered = true;
                break;
            }
        }
        if !covered {
            return Some(false);
        }
    }
    Some(true)
}

fn principal_covers(wide: &Principal, narrow: &Principal, budget: &mut u64) -> Option<bool> {
    for ne in &narrow.entries {
        for nv in &ne.values {
            let mut covered = false;
            for we in wide.entries.iter().filter(|we| we.kind == ne.kind) {
                for wv in &we.values {
                    *budget = budget.checked_sub((wv.len() + nv.len()) as u64 + 1)?;
                    if wv == "*"
                        || wv.eq_ignore_ascii_case(nv)
                        || (ne.kind == PrincipalKind::Ram && root_covers(wv, nv))
                    {
                        covered = true;
                        break;
                    }
                }
                if covered {
                    break;
                }
            }
            if !covered {
                return Some(false);
            }
        }
    }
    Some(true)
}

/// `acs:ram::<uid>:root` covers the users and roles of that account.
fn root_covers(wide: &str, narrow: &str) -> bool {
    match (ram_arn(wide), ram_arn(narrow)) {
        (Some((wa, "root")), Some((na, _))) => wa == na,
        _ => false,
    }
}
