//! Turns a decision and its trace into what a person reads: the deciding statements (policy,
//! statement index, JSON path), the statements a condition kept from applying, the context keys
//! that were consulted but not supplied, a per-side summary, and a sentence in English and Chinese.

use super::eval::{Decision, Hit, Outcome, Request, Side, Simulator, Trace};
use super::model::Effect;
use super::path::Path;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementRef {
    pub policy: String,
    pub side: &'static str,
    /// Index in the policy's `Statement` array.
    pub statement: usize,
    /// `$.Statement[<index>]`.
    pub path: String,
    pub effect: &'static str,
    /// The policy text is RoleHop's assumption (catalog), not read from the account.
    pub assumed: bool,
}

/// A statement that matched the action and resource but whose condition did not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionMiss {
    #[serde(flatten)]
    pub statement: StatementRef,
    /// JSON path of the failing condition key, e.g. `$.Statement[0].Condition.StringLike["oss:Prefix"]`.
    pub condition: String,
    pub operator: String,
    pub key: String,
    /// The request's values for the key; `None` when the key was not supplied.
    pub supplied: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SideReport {
    pub side: &'static str,
    pub decision: &'static str,
    pub policies: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    pub decision: &'static str,
    pub allowed: bool,
    /// Allow: the applicable Allow statements of every side; ExplicitDeny: the applicable Deny
    /// statements; ImplicitDeny: none (see `sides`, `conditionsNotMet` and the explanation).
    pub deciding: Vec<StatementRef>,
    pub conditions_not_met: Vec<ConditionMiss>,
    /// Condition keys the decision consulted that the request did not supply.
    pub missing_context_keys: Vec<String>,
    pub sides: Vec<SideReport>,
    pub explanation: String,
    pub explanation_zh: String,
}

/// Builds the explanation of `decision` (the result of `sim.decide(request, trace)`).
pub fn explain(
    sim: &Simulator,
    request: &Request,
    decision: Decision,
    trace: &Trace,
) -> Explanation {
    let applies = |h: &&Hit, effect: Effect| {
        h.outcome == Outcome::Applies && statement_effect(sim, h) == Some(effect)
    };
    let deciding: Vec<StatementRef> = match decision {
        Decision::Allow => trace
            .hits
            .iter()
            .filter(|h| applies(h, Effect::Allow))
            .map(|h| reference(sim, h))
            .collect(),
        Decision::ExplicitDeny => trace
            .hits
            .iter()
            .filter(|h| applies(h, Effect::Deny))
            .map(|h| reference(sim, h))
            .collect(),
        Decision::ImplicitDeny => Vec::new(),
    };
    let misses: Vec<ConditionMiss> = trace
        .hits
        .iter()
        .filter_map(|h| miss(sim, request, h))
        .collect();
    let mut missing_context_keys: Vec<String> = Vec::new();
    let mut listed: HashSet<usize> = HashSet::new();
    for &id in &trace.missing {
        if let Some(key) = sim.keys.get(id) {
            // Ids are one per key (ignoring case), and keys are kept in one spelling each.
            if listed.insert(id) {
                missing_context_keys.push(key.clone());
            }
        }
    }
    let sides = side_reports(sim, trace);
    let (explanation, explanation_zh) = sentence(sim, request, decision, trace, &deciding, &misses);
    Explanation {
        decision: decision.name(),
        allowed: decision == Decision::Allow,
        deciding,
        conditions_not_met: misses,
        missing_context_keys,
        sides,
        explanation,
        explanation_zh,
    }
}

/// About how many bytes of JSON `explain` writes for this decision, worked out in time linear
/// in the trace (each condition key's supplied values are measured once), so that an answer too
/// large to return is refused before it is built.
pub fn explain_size(sim: &Simulator, request: &Request, trace: &Trace) -> usize {
    let what = request.action.len() + request.resource.len();
    let names: usize = sim.policies.iter().map(|p| p.name.len() + 8).sum();
    let mut total = 1024 + 4 * what + 3 * names;
    let mut supplied: HashMap<usize, usize> = HashMap::new();
    for h in &trace.hits {
        let policy = sim.policies.get(h.policy);
        total += 320 + 4 * policy.map_or(0, |p| p.name.len());
        let Outcome::ConditionFailed(ci) = h.outcome else {
            continue;
        };
        let condition = policy
            .and_then(|p| p.statements.get(h.statement))
            .and_then(|s| s.conditions.get(ci));
        if let Some(condition) = condition {
            let key = sim.keys.get(condition.key_id).map_or("", String::as_str);
            let values = *supplied.entry(condition.key_id).or_insert_with(|| {
                request
                    .context
                    .get(key)
                    .map_or(0, |vs| vs.iter().map(|v| v.text.len() + 4).sum())
            });
            total += 8 * key.len() + 3 * values + 128;
        }
    }
    let mut listed: HashSet<usize> = HashSet::new();
    for &id in &trace.missing {
        if listed.insert(id) {
            total += sim.keys.get(id).map_or(0, |k| k.len() + 4);
        }
    }
    total
}

fn statement_effect(sim: &Simulator, h: &Hit) -> Option<Effect> {
    Some(
        sim.policies
            .get(h.policy)?
            .statements
            .get(h.statement)?
            .effect,
    )
}

fn reference(sim: &Simulator, h: &Hit) -> StatementRef {
    let policy = sim.policies.get(h.policy);
    let statement = policy.and_then(|p| p.statements.get(h.statement));
    let index = statement.map_or(h.statement, |s| s.index);
    StatementRef {
        policy: policy.map_or_else(String::new, |p| p.name.clone()),
        side: policy.map_or("identity", |p| p.side.name()),
        statement: index,
        path: Path::root().key("Statement").index(index).to_string(),
        effect: statement.map_or("Allow", |s| s.effect.name()),
        assumed: policy.is_some_and(|p| p.assumed),
    }
}

fn miss(sim: &Simulator, request: &Request, h: &Hit) -> Option<ConditionMiss> {
    let Outcome::ConditionFailed(ci) = h.outcome else {
        return None;
    };
    let statement = sim.policies.get(h.policy)?.statements.get(h.statement)?;
    let condition = statement.conditions.get(ci)?;
    let key = sim.keys.get(condition.key_id)?.clone();
    let operator = condition.operator.name();
    let path = Path::root()
        .key("Statement")
        .index(statement.index)
        .key("Condition")
        .key(&operator)
        .key(&key);
    let supplied = request
        .context
        .get(&key)
        .map(|vs| vs.iter().map(|v| v.text.clone()).collect());
    Some(ConditionMiss {
        statement: reference(sim, h),
        condition: path.to_string(),
        operator,
        key,
        supplied,
    })
}

fn side_reports(sim: &Simulator, trace: &Trace) -> Vec<SideReport> {
    Side::ALL
        .into_iter()
        .filter(|&side| sim.includes(side) && (side != Side::Trust || trace.assume_role))
        .map(|side| {
            let denied = trace.hits.iter().any(|h| {
                h.outcome == Outcome::Applies
                    && sim.policies.get(h.policy).is_some_and(|p| p.side == side)
                    && statement_effect(sim, h) == Some(Effect::Deny)
            });
            let decision = if denied {
                Decision::ExplicitDeny
            } else if trace.allowed[side as usize] {
                Decision::Allow
            } else {
                Decision::ImplicitDeny
            };
            SideReport {
                side: side.name(),
                decision: decision.name(),
                policies: sim
                    .policies
                    .iter()
                    .filter(|p| p.side == side)
                    .map(|p| p.name.clone())
                    .collect(),
            }
        })
        .collect()
}

fn side_en(side: &str) -> &'static str {
    match side {
        "session" => "the session policy",
        "trust" => "the role's trust policy",
        _ => "the caller's identity policy",
    }
}

fn side_zh(side: &str) -> &'static str {
    match side {
        "session" => "会话策略",
        "trust" => "角色的信任策略",
        _ => "调用者的权限策略",
    }
}

fn cite_en(r: &StatementRef) -> String {
    let assumed = if r.assumed {
        ", an assumed system-policy document"
    } else {
        ""
    };
    format!(
        "{} {:?} statement {} ({}{assumed})",
        side_en(r.side),
        r.policy,
        r.statement,
        r.path
    )
}

fn cite_zh(r: &StatementRef) -> String {
    let assumed = if r.assumed {
        "，系统策略内容为假定"
    } else {
        ""
    };
    format!(
        "{} {:?} 的第 {} 条语句（{}{assumed}）",
        side_zh(r.side),
        r.policy,
        r.statement,
        r.path
    )
}

fn sentence(
    sim: &Simulator,
    request: &Request,
    decision: Decision,
    trace: &Trace,
    deciding: &[StatementRef],
    misses: &[ConditionMiss],
) -> (String, String) {
    let what = format!("{} on {}", request.action, request.resource);
    let what_zh = format!("对 {} 执行 {}", request.resource, request.action);
    let mut en = Vec::new();
    let mut zh = Vec::new();
    match decision {
        Decision::Allow => {
            en.push(format!("Allowed: {what}."));
            zh.push(format!("允许：{what_zh}。"));
            for r in deciding {
                en.push(format!("{} allows it.", capital(&cite_en(r))));
                zh.push(format!("{}允许该操作。", cite_zh(r)));
            }
            if trace.assume_role && !sim.includes(Side::Identity) {
                en.push("The caller's own policies were not checked: it also needs sts:AssumeRole on this role.".into());
                zh.push(
                    "未检查调用者自身的权限策略：调用者还需要对该角色的 sts:AssumeRole 权限。"
                        .into(),
                );
            }
            if trace.assume_role && !sim.includes(Side::Trust) {
                en.push(
                    "The role's trust policy was not checked: it must also trust the caller."
                        .into(),
                );
                zh.push("未检查角色的信任策略：信任策略还必须信任该调用者。".into());
            }
        }
        Decision::ExplicitDeny => {
            en.push(format!("Denied explicitly: {what}."));
            zh.push(format!("显式拒绝：{what_zh}。"));
            for r in deciding {
                en.push(format!("{} denies it.", capital(&cite_en(r))));
                zh.push(format!("{}拒绝该操作。", cite_zh(r)));
            }
            en.push("An explicit Deny overrides every Allow.".into());
            zh.push("显式拒绝优先于任何允许。".into());
        }
        Decision::ImplicitDeny => {
            en.push(format!("Denied implicitly: {what}."));
            zh.push(format!("隐式拒绝：{what_zh}。"));
            implicit_reasons(sim, request, trace, &mut en, &mut zh);
        }
    }
    for m in misses {
        let supplied_en = match &m.supplied {
            Some(vs) => format!("the request has {} = {}", m.key, vs.join(", ")),
            None => format!("the request does not supply {}", m.key),
        };
        let supplied_zh = match &m.supplied {
            Some(vs) => format!("请求中 {} = {}", m.key, vs.join(", ")),
            None => format!("请求未提供 {}", m.key),
        };
        en.push(format!(
            "{} matches but does not apply: its condition {} {} does not hold ({supplied_en}).",
            capital(&cite_en(&m.statement)),
            m.operator,
            m.key
        ));
        zh.push(format!(
            "{}匹配但未生效：条件 {} {} 不成立（{supplied_zh}）。",
            cite_zh(&m.statement),
            m.operator,
            m.key
        ));
    }
    (en.join(" "), zh.join(""))
}

fn implicit_reasons(
    sim: &Simulator,
    request: &Request,
    trace: &Trace,
    en: &mut Vec<String>,
    zh: &mut Vec<String>,
) {
    if trace.root_caller {
        en.push("STS refuses AssumeRole by an account's root identity (\"Roles may not be assumed by root accounts\"): call it as a RAM user or role.".into());
        zh.push("STS 不允许主账号（root）身份扮演角色：请以 RAM 用户或角色调用。".into());
        return;
    }
    let trust_in_play = trace.assume_role && sim.includes(Side::Trust);
    if !sim.includes(Side::Identity) && !trust_in_play {
        en.push("No policy was given for the caller: nothing allows the request.".into());
        zh.push("未提供调用者的任何策略：没有策略允许该请求。".into());
        return;
    }
    let names = |side: Side| -> String {
        let names: Vec<String> = sim
            .policies
            .iter()
            .filter(|p| p.side == side)
            .map(|p| format!("{:?}", p.name))
            .collect();
        if names.is_empty() {
            "(none given)".to_string()
        } else {
            names.join(", ")
        }
    };
    let allowed = |side: Side| trace.allowed[side as usize];
    if sim.includes(Side::Identity) && !allowed(Side::Identity) {
        en.push(format!(
            "No statement of the caller's identity policies {} allows it.",
            names(Side::Identity)
        ));
        zh.push(format!(
            "调用者的权限策略 {} 中没有语句允许该操作。",
            names(Side::Identity)
        ));
    } else if sim.includes(Side::Identity) && trust_in_play {
        en.push("The caller's identity policies allow sts:AssumeRole on this role.".into());
        zh.push("调用者的权限策略允许对该角色执行 sts:AssumeRole。".into());
    }
    if sim.includes(Side::Session) && !allowed(Side::Session) {
        en.push("The session policy does not allow it: a session policy narrows the identity policies, and both must allow.".into());
        zh.push("会话策略不允许该操作：会话策略收窄权限策略，两者都必须允许。".into());
    }
    if trust_in_play && !allowed(Side::Trust) {
        let caller = request.principal.as_deref().unwrap_or("");
        if caller.is_empty() {
            en.push("The role's trust policy can only be checked against a caller: give the request's principal.".into());
            zh.push("需要提供调用者（principal）才能检查角色的信任策略。".into());
        } else {
            en.push(format!("The role's trust policy does not trust {caller}."));
            zh.push(format!("角色的信任策略不信任 {caller}。"));
        }
    } else if trust_in_play && !sim.includes(Side::Identity) {
        en.push("The role's trust policy trusts the caller (the caller's own policies were not checked).".into());
        zh.push("角色的信任策略信任该调用者（未检查调用者自身的权限策略）。".into());
    }
}

/// Capitalises an English citation. Citations start with an ASCII word ("the ..."), so the ASCII
/// form suffices and keeps Unicode's upper-case table out of the wasm (about 12 KB).
fn capital(s: &str) -> String {
    let mut text = s.to_string();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}
