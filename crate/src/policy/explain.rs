//! Turns a decision and its trace into what a person reads: the deciding statements (policy,
//! statement index, JSON path), the statements a condition kept from applying, the context keys
//! that were consulted but not supplied, a per-side summary, and the sentences that say why (message
//! ids with arguments, whose words are in the catalogs).

use super::eval::{Decision, Hit, Outcome, Request, Side, Simulator, Trace};
use super::model::Effect;
use super::path::Path;
use crate::message::PolicyMessage;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
#[cfg_attr(test, derive(ts_rs::TS))]
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
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicySideReport"))]
#[serde(rename_all = "camelCase")]
pub struct SideReport {
    pub side: &'static str,
    pub decision: &'static str,
    pub policies: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyExplanation"))]
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
    /// The decision in sentences, one message each (shown one after the other).
    pub explanation: Vec<PolicyMessage>,
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
    let explanation = sentence(sim, request, decision, trace, &deciding, &misses);
    Explanation {
        decision: decision.name(),
        allowed: decision == Decision::Allow,
        deciding,
        conditions_not_met: misses,
        missing_context_keys,
        sides,
        explanation,
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

fn side_message(side: &str) -> PolicyMessage {
    match side {
        "session" => PolicyMessage::SideSession {},
        "trust" => PolicyMessage::SideTrust {},
        _ => PolicyMessage::SideIdentity {},
    }
}

/// The statement `r` in words: its policy's side and name, its index and JSON path.
fn cite(r: &StatementRef) -> Box<PolicyMessage> {
    let side = Box::new(side_message(r.side));
    let (policy, statement, path) = (r.policy.clone(), r.statement, r.path.clone());
    Box::new(if r.assumed {
        PolicyMessage::CiteAssumed {
            side,
            policy,
            statement,
            path,
        }
    } else {
        PolicyMessage::Cite {
            side,
            policy,
            statement,
            path,
        }
    })
}

fn sentence(
    sim: &Simulator,
    request: &Request,
    decision: Decision,
    trace: &Trace,
    deciding: &[StatementRef],
    misses: &[ConditionMiss],
) -> Vec<PolicyMessage> {
    let action = || request.action.clone();
    let resource = || request.resource.clone();
    let mut out = Vec::new();
    match decision {
        Decision::Allow => {
            out.push(PolicyMessage::ExplainAllowed {
                action: action(),
                resource: resource(),
            });
            for r in deciding {
                out.push(PolicyMessage::ExplainAllowedBy { cite: cite(r) });
            }
            if trace.assume_role && !sim.includes(Side::Identity) {
                out.push(PolicyMessage::ExplainIdentityNotChecked {});
            }
            if trace.assume_role && !sim.includes(Side::Trust) {
                out.push(PolicyMessage::ExplainTrustNotChecked {});
            }
        }
        Decision::ExplicitDeny => {
            out.push(PolicyMessage::ExplainDeniedExplicitly {
                action: action(),
                resource: resource(),
            });
            for r in deciding {
                out.push(PolicyMessage::ExplainDeniedBy { cite: cite(r) });
            }
            out.push(PolicyMessage::ExplainDenyOverrides {});
        }
        Decision::ImplicitDeny => {
            out.push(PolicyMessage::ExplainDeniedImplicitly {
                action: action(),
                resource: resource(),
            });
            implicit_reasons(sim, request, trace, &mut out);
        }
    }
    for m in misses {
        let (cite, operator, key) = (cite(&m.statement), m.operator.clone(), m.key.clone());
        out.push(match &m.supplied {
            Some(vs) => PolicyMessage::ExplainConditionValues {
                cite,
                operator,
                key,
                values: vs.join(", "),
            },
            None => PolicyMessage::ExplainConditionAbsent {
                cite,
                operator,
                key,
            },
        });
    }
    out
}

fn implicit_reasons(
    sim: &Simulator,
    request: &Request,
    trace: &Trace,
    out: &mut Vec<PolicyMessage>,
) {
    if trace.root_caller {
        out.push(PolicyMessage::ExplainRootCaller {});
        return;
    }
    let trust_in_play = trace.assume_role && sim.includes(Side::Trust);
    if !sim.includes(Side::Identity) && !trust_in_play {
        out.push(PolicyMessage::ExplainNoPolicies {});
        return;
    }
    let names = |side: Side| -> String {
        let names: Vec<String> = sim
            .policies
            .iter()
            .filter(|p| p.side == side)
            .map(|p| serde_json::Value::String(p.name.clone()).to_string())
            .collect();
        names.join(", ")
    };
    let allowed = |side: Side| trace.allowed[side as usize];
    if sim.includes(Side::Identity) && !allowed(Side::Identity) {
        out.push(PolicyMessage::ExplainNoIdentityStatement {
            policies: names(Side::Identity),
        });
    } else if sim.includes(Side::Identity) && trust_in_play {
        out.push(PolicyMessage::ExplainIdentityAllowsAssume {});
    }
    if sim.includes(Side::Session) && !allowed(Side::Session) {
        out.push(PolicyMessage::ExplainSessionNotAllowed {});
    }
    if trust_in_play && !allowed(Side::Trust) {
        let caller = request.principal.as_deref().unwrap_or("");
        if caller.is_empty() {
            out.push(PolicyMessage::ExplainTrustNeedsCaller {});
        } else {
            out.push(PolicyMessage::ExplainTrustDoesNotTrust {
                caller: caller.to_string(),
            });
        }
    } else if trust_in_play && !sim.includes(Side::Identity) {
        out.push(PolicyMessage::ExplainTrustTrusts {});
    }
}
