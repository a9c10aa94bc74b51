//! What a statement's conditions say: malformed or unknown keys, operators of the wrong family
//! for the key, and listing-only keys on actions that are not listings.

use super::context::Ctx;
use crate::message::PolicyMessage;
use crate::policy::finding::Level;
use crate::policy::model::Statement;
use crate::policy::operator::Family;
use crate::policy::path::Path;
use crate::policy::pattern::Pattern;
use crate::policy::services;

pub fn conditions(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
    // The actions a listing-only key rules out, named by each such key: worked out once.
    let mut other_actions: Option<String> = None;
    for block in &s.condition {
        let op_name = block.operator.name();
        for entry in &block.entries {
            let kpath = path.key("Condition").key(&op_name).key(&entry.key);
            let key = entry.key.as_str();
            if !key.contains(':') {
                let f = ctx.finding(
                    Level::Warning,
                    "malformed-condition-key",
                    kpath.clone(),
                    PolicyMessage::MalformedConditionKey {
                        key: key.to_string(),
                    },
                );
                ctx.push(f);
                continue;
            }
            if let Some(near) = services::key_suggestion(key) {
                let f = ctx
                    .finding(
                        Level::Warning,
                        "unknown-condition-key",
                        kpath.clone(),
                        PolicyMessage::UnknownConditionKey {
                            key: key.to_string(),
                            meant: near.to_string(),
                        },
                    )
                    .fix(
                        PolicyMessage::FixRenameKey {
                            meant: near.to_string(),
                        },
                        None,
                    );
                ctx.push(f);
            }
            if let Some(family) = services::key_family(key) {
                let used = block.operator.op.family();
                if family != used {
                    let ops = match family {
                        Family::Ip => "IpAddress / NotIpAddress",
                        Family::Date => "DateLessThan, DateGreaterThan, ...",
                        Family::Bool => "Bool",
                        Family::Numeric => "NumericLessThan, NumericEquals, ...",
                        Family::String => "StringEquals, StringLike, ...",
                    };
                    let f = ctx
                        .finding(
                            Level::Warning,
                            "condition-operator-mismatch",
                            kpath.clone(),
                            PolicyMessage::ConditionOperatorMismatch {
                                key: key.to_string(),
                                family: family.name().to_string(),
                                operators: ops.to_string(),
                                operator: op_name.clone(),
                                used: used.name().to_string(),
                            },
                        )
                        .fix(
                            PolicyMessage::FixUseFamily {
                                family: family.name().to_string(),
                            },
                            None,
                        );
                    ctx.push(f);
                }
            }
            list_only_key(
                ctx,
                s,
                (&kpath, key),
                block.operator.op.negated() || block.operator.if_exists,
                &mut other_actions,
            );
        }
    }
}

/// `oss:Prefix` and `oss:Delimiter` are sent with ListObjects only: a positive condition on them
/// keeps the statement from applying to any other action. `others`: the statement's other
/// actions, joined (computed on first use).
fn list_only_key(
    ctx: &mut Ctx<'_>,
    s: &Statement,
    (kpath, key): (&Path, &str),
    holds_when_absent: bool,
    others: &mut Option<String>,
) {
    if holds_when_absent
        || s.action.not
        || !(key.eq_ignore_ascii_case("oss:Prefix") || key.eq_ignore_ascii_case("oss:Delimiter"))
    {
        return;
    }
    let names = others.get_or_insert_with(|| {
        let lists = Pattern::folded("oss:ListObjects");
        let names: Vec<&str> = s
            .action
            .values
            .iter()
            .filter(|a| {
                !a.contains(['*', '?'])
                    && !lists.matches(a)
                    && !a.eq_ignore_ascii_case("oss:ListObjectVersions")
            })
            .map(String::as_str)
            .collect();
        names.join(", ")
    });
    if names.is_empty() || !ctx.affords(2 * names.len() + 512) {
        return;
    }
    let f = ctx
        .finding(
            Level::Warning,
            "list-condition-on-other-action",
            kpath.clone(),
            PolicyMessage::ListConditionOtherAction {
                key: key.to_string(),
                actions: names.clone(),
            },
        )
        .fix(PolicyMessage::FixMoveActions {}, None);
    ctx.push(f);
}
