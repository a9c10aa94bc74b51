//! The offline simulator: compiled policies answer "may this principal do this action on this
//! resource in this context?" with `Allow`, `ExplicitDeny` or `ImplicitDeny`, and a trace of the
//! statements that decided it. Patterns are compiled once; a decision allocates nothing beyond the
//! reusable `Trace` buffers.
//!
//! Rules: default deny; a statement applies when its action, resource (or principal, in a trust
//! policy) match and every condition holds; any applicable Deny wins; otherwise every side in play
//! must allow: the caller's identity policies, the session policy when there is one (an
//! intersection), and for `sts:AssumeRole` the role's trust policy.

use super::condition::{Compiled as Condition, ContextValue};
pub use super::context::Context;
use super::model::{Effect, Policy, Statement};
use super::pattern::Marks;
pub use super::principal::Caller;
use super::principal::PrincipalMatcher;
use super::targets::{
    self, lowercase_into, ActionCache, Matcher, Memo, PatternTable, Probe, ACTION_BUFFER,
    CACHED_STATEMENTS,
};
use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// Simulator ids (for `ActionCache`): every simulator, and every change to one, gets a new id.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// A request's action and resource, prepared once per decision.
struct Probes<'a> {
    action: Probe<'a>,
    /// The action's prefilter bucket (`targets::request_bits`).
    action_bits: u64,
    resource: Probe<'a>,
}

/// The simulator's answer (as JSON: its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyDecision"))]
pub enum Decision {
    Allow,
    ExplicitDeny,
    ImplicitDeny,
}

impl Decision {
    pub fn name(self) -> &'static str {
        match self {
            Decision::Allow => "Allow",
            Decision::ExplicitDeny => "ExplicitDeny",
            Decision::ImplicitDeny => "ImplicitDeny",
        }
    }
}

/// Which part of the question a policy answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The caller's own policies (attached to the user or role).
    Identity,
    /// The session policy passed to AssumeRole: narrows the identity side.
    Session,
    /// The role's trust policy: consulted for `sts:AssumeRole` only.
    Trust,
}

impl Side {
    pub const ALL: [Side; 3] = [Side::Identity, Side::Session, Side::Trust];

    pub fn name(self) -> &'static str {
        match self {
            Side::Identity => "identity",
            Side::Session => "session",
            Side::Trust => "trust",
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// One request of the simulator.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// The caller: `acs:ram::<uid>:user/<name>`, `...:role/<name>`,
    /// `...:assumed-role/<role>/<session>`, `...:root`, a service such as `ecs.aliyuncs.com`, or
    /// an identity provider ARN. Needed for trust policies.
    pub principal: Option<String>,
    pub action: String,
    pub resource: String,
    pub context: Context,
}

/// A policy compiled for evaluation, with what the explanation needs to name it.
#[derive(Debug, Clone)]
pub struct CompiledPolicy {
    pub name: String,
    pub side: Side,
    /// The document is RoleHop's assumption (a catalog entry), not text read from the account.
    pub assumed: bool,
    pub statements: Vec<CompiledStatement>,
}

#[derive(Debug, Clone)]
pub struct CompiledStatement {
    /// Index in the source `Statement` array.
    pub index: usize,
    pub effect: Effect,
    /// `action_bits` of every action the statement can match: a request whose bit is clear is
    /// skipped without running any pattern.
    action_mask: u64,
    actions: Matcher,
    resources: Option<Matcher>,
    principal: Option<PrincipalMatcher>,
    pub conditions: Vec<Condition>,
}

/// What happened to one statement whose action and resource (or principal) matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every condition held: the statement applies.
    Applies,
    /// This condition (index into the statement's compiled conditions) did not hold.
    ConditionFailed(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Simulator::policies`.
    pub policy: usize,
    /// Index into that policy's compiled statements.
    pub statement: usize,
    pub outcome: Outcome,
}

/// Reusable evaluation scratch: the statements that matched and the condition keys that were
/// consulted but absent from the request.
#[derive(Debug, Clone, Default)]
pub struct Trace {
    pub hits: Vec<Hit>,
    /// Key ids (into `Simulator::keys`), possibly repeated.
    pub missing: Vec<usize>,
    /// Which sides had an applicable Allow.
    pub allowed: [bool; 3],
    /// `sts:AssumeRole` was asked (the trust side is in play).
    pub assume_role: bool,
    /// AssumeRole by an account's root identity: STS refuses it whatever the policies say.
    pub root_caller: bool,
    /// Per condition key id: where the request's context holds it (`UNRESOLVED`, `ABSENT`, or
    /// the entry's position), so each key is looked up once per decision.
    resolved: Vec<u32>,
    /// Memoised answers of the action and resource patterns for the current decision.
    action_memo: Memo,
    resource_memo: Memo,
    /// Which statements match the recent actions (kept across decisions).
    actions: ActionCache,
}

const UNRESOLVED: u32 = u32::MAX;
const ABSENT: u32 = u32::MAX - 1;

impl Trace {
    fn clear(&mut self) {
        self.hits.clear();
        self.missing.clear();
        self.allowed = [false; 3];
        self.assume_role = false;
        self.root_caller = false;
        self.resolved.clear();
    }

    /// The request's values for condition key `id` (named `key`), looked up once per decision.
    fn lookup<'r>(
        &mut self,
        id: usize,
        key: &str,
        context: &'r Context,
    ) -> Option<&'r [ContextValue]> {
        if self.resolved.len() <= id {
            self.resolved.resize(id + 1, UNRESOLVED);
        }
        let slot = self.resolved.get_mut(id)?;
        if *slot == UNRESOLVED {
            *slot = context.position(key).map_or(ABSENT, |i| i as u32);
        }
        match *slot {
            ABSENT => None,
            i => context.values_at(i as usize),
        }
    }
}

/// A set of compiled policies and the sides they answer for.
#[derive(Debug, Clone)]
pub struct Simulator {
    pub policies: Vec<CompiledPolicy>,
    /// Condition keys in first-seen spelling; conditions refer to them by id.
    pub keys: Vec<String>,
    /// Each key's id by its lower-cased spelling.
    key_ids: HashMap<String, usize>,
    /// Every distinct action and resource pattern, compiled once.
    action_patterns: PatternTable,
    resource_patterns: PatternTable,
    /// Sides the question includes (a side can be included with no policies: then it allows
    /// nothing).
    given: [bool; 3],
    /// Identifies this set of policies for the traces' action caches.
    id: u64,
    statement_count: usize,
}

impl Default for Simulator {
    fn default() -> Simulator {
        Simulator::new()
    }
}

impl Simulator {
    pub fn new() -> Simulator {
        Simulator {
            policies: Vec::new(),
            keys: Vec::new(),
            key_ids: HashMap::new(),
            action_patterns: PatternTable::new(true),
            resource_patterns: PatternTable::new(false),
            given: [false; 3],
            id: next_id(),
            statement_count: 0,
        }
    }

    /// Puts a side in play even if no policy is added to it.
    pub fn include(&mut self, side: Side) {
        self.given[side.slot()] = true;
        self.id = next_id();
    }

    pub fn includes(&self, side: Side) -> bool {
        self.given[side.slot()]
    }

    /// Compiles a policy into the set.
    pub fn add(&mut self, name: &str, side: Side, assumed: bool, policy: &Policy) {
        self.include(side);
        let statements = policy
            .statements
            .iter()
            .enumerate()
            .map(|(index, s)| self.compile_statement(index, s))
            .collect();
        self.statement_count += policy.statements.len();
        self.policies.push(CompiledPolicy {
            name: name.to_string(),
            side,
            assumed,
            statements,
        });
    }

    fn compile_statement(&mut self, index: usize, s: &Statement) -> CompiledStatement {
        let mut conditions = Vec::new();
        for block in &s.condition {
            for entry in &block.entries {
                let key_id = self.key_id(&entry.key);
                conditions.push(Condition::new(block.operator, key_id, &entry.values));
            }
        }
        CompiledStatement {
            index,
            effect: s.effect,
            action_mask: targets::statement_bits(&s.action),
            actions: Matcher::new(&s.action, &mut self.action_patterns),
            resources: s
                .resource
                .as_ref()
                .map(|r| Matcher::new(r, &mut self.resource_patterns)),
            principal: PrincipalMatcher::new(s),
            conditions,
        }
    }

    fn key_id(&mut self, key: &str) -> usize {
        let lower = key.to_ascii_lowercase();
        if let Some(&id) = self.key_ids.get(&lower) {
            return id;
        }
        self.keys.push(key.to_string());
        self.key_ids.insert(lower, self.keys.len() - 1);
        self.keys.len() - 1
    }

    /// Decides one request, filling `trace` (cleared first) with the evidence.
    pub fn decide(&self, request: &Request, trace: &mut Trace) -> Decision {
        trace.clear();
        let assume = request.action.eq_ignore_ascii_case("sts:AssumeRole");
        // Classified when a statement with a Principal first needs it (trust policies only).
        let caller = OnceCell::new();
        trace.assume_role = assume;
        trace.root_caller = assume
            && caller
                .get_or_init(|| Caller::classify(request.principal.as_deref()))
                .is_root();
        let mut buffer = [0u8; ACTION_BUFFER];
        let probes = Probes {
            action: Probe {
                input: &request.action,
                lowercase: lowercase_into(&request.action, &mut buffer),
                ascii: request.action.is_ascii(),
                marks: None,
            },
            action_bits: targets::request_bits(&request.action),
            resource: Probe {
                input: &request.resource,
                lowercase: None,
                ascii: request.resource.is_ascii(),
                marks: Marks::of(&request.resource),
            },
        };
        trace.action_memo.reset(&self.action_patterns);
        trace.resource_memo.reset(&self.resource_patterns);
        let matching_actions = self.matching_actions(&probes, trace);
        let mut denied = false;
        let mut global = 0;
        for (pi, policy) in self.policies.iter().enumerate() {
            if policy.side == Side::Trust && !assume {
                global += policy.statements.len();
                continue;
            }
            for (si, statement) in policy.statements.iter().enumerate() {
                let action_known = match &matching_actions {
                    Some(bits) if !targets::bit(bits, global) => {
                        global += 1;
                        continue;
                    }
                    Some(_) => true,
                    None => false,
                };
                global += 1;
                let Some(outcome) =
                    self.evaluate(statement, request, &caller, &probes, action_known, trace)
                else {
                    continue;
                };
                if outcome == Outcome::Applies {
                    match statement.effect {
                        Effect::Deny => denied = true,
                        Effect::Allow => trace.allowed[policy.side.slot()] = true,
                    }
                }
                trace.hits.push(Hit {
                    policy: pi,
                    statement: si,
                    outcome,
                });
            }
        }
        if denied {
            return Decision::ExplicitDeny;
        }
        let trust_in_play = assume && self.includes(Side::Trust);
        let identity = self.includes(Side::Identity);
        if trace.root_caller || !(identity || trust_in_play) {
            return Decision::ImplicitDeny;
        }
        let side_ok = |side: Side| !self.includes(side) || trace.allowed[side.slot()];
        let allowed = side_ok(Side::Identity)
            && side_ok(Side::Session)
            && (!trust_in_play || trace.allowed[Side::Trust.slot()]);
        if allowed {
            Decision::Allow
        } else {
            Decision::ImplicitDeny
        }
    }

    fn action_matches(
        &self,
        s: &CompiledStatement,
        probes: &Probes<'_>,
        trace: &mut Trace,
    ) -> bool {
        s.action_mask & probes.action_bits != 0
            && s.actions.matches(
                &self.action_patterns,
                &mut trace.action_memo,
                &probes.action,
            )
    }

    /// Which statements (numbered across all policies) match the request's action, from the
    /// trace's cache or worked out and cached; `None` when the action cannot be cached.
    fn matching_actions(&self, probes: &Probes<'_>, trace: &mut Trace) -> Option<[u64; 4]> {
        let action = probes.action.lowercase?;
        if self.statement_count > CACHED_STATEMENTS {
            return None;
        }
        if let Some(bits) = trace.actions.lookup(self.id, action) {
            return Some(bits);
        }
        let mut bits = [0u64; 4];
        let statements = self.policies.iter().flat_map(|p| p.statements.iter());
        for (g, s) in statements.enumerate() {
            if self.action_matches(s, probes, trace) {
                if let Some(word) = bits.get_mut(g / 64) {
                    *word |= 1 << (g % 64);
                }
            }
        }
        trace.actions.store(action, bits);
        Some(bits)
    }

    /// `None` when the statement does not match the request at all; otherwise whether its
    /// conditions held. Every condition is evaluated so that all absent keys are reported.
    fn evaluate<'r>(
        &self,
        s: &CompiledStatement,
        request: &'r Request,
        caller: &OnceCell<Caller<'r>>,
        probes: &Probes<'_>,
        action_known: bool,
        trace: &mut Trace,
    ) -> Option<Outcome> {
        if !action_known && !self.action_matches(s, probes, trace) {
            return None;
        }
        if let Some(resources) = &s.resources {
            if !resources.matches(
                &self.resource_patterns,
                &mut trace.resource_memo,
                &probes.resource,
            ) {
                return None;
            }
        }
        if let Some(principal) = &s.principal {
            let caller = caller.get_or_init(|| Caller::classify(request.principal.as_deref()));
            if !principal.matches(caller) {
                return None;
            }
        }
        let mut outcome = Outcome::Applies;
        for (ci, condition) in s.conditions.iter().enumerate() {
            let key = self.keys.get(condition.key_id).map_or("", String::as_str);
            let values = trace.lookup(condition.key_id, key, &request.context);
            if values.is_none() {
                trace.missing.push(condition.key_id);
            }
            if !condition.holds(values) && outcome == Outcome::Applies {
                outcome = Outcome::ConditionFailed(ci);
            }
        }
        Some(outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::model::PolicyKind;
    use crate::policy::parse::parse;

    fn sim(identity: &[&str]) -> Simulator {
        let mut s = Simulator::new();
        for (i, text) in identity.iter().enumerate() {
            let p = parse(text, PolicyKind::Identity).unwrap();
            s.add(&format!("p{i}"), Side::Identity, false, &p);
        }
        s
    }

    fn req(action: &str, resource: &str) -> Request {
        Request {
            action: action.into(),
            resource: resource.into(),
            ..Request::default()
        }
    }

    const READ: &str = r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:Get*","oss:List*"],"Resource":"*"}]}"#;
    const DENY_SECRET: &str = r#"{"Version":"1","Statement":[{"Effect":"Deny","Action":"oss:*","Resource":"acs:oss:*:1:b/secret/*"}]}"#;

    #[test]
    fn allow_implicit_and_explicit_deny() {
        let s = sim(&[READ, DENY_SECRET]);
        let mut t = Trace::default();
        assert_eq!(
            s.decide(&req("oss:GetObject", "acs:oss:*:1:b/a"), &mut t),
            Decision::Allow
        );
        assert_eq!(t.hits.len(), 1);
        assert_eq!(
            s.decide(&req("oss:PutObject", "acs:oss:*:1:b/a"), &mut t),
            Decision::ImplicitDeny
        );
        assert!(t.hits.is_empty());
        assert_eq!(
            s.decide(&req("OSS:getobject", "acs:oss:*:1:b/secret/x"), &mut t),
            Decision::ExplicitDeny
        );
        assert_eq!(t.hits.len(), 2);
    }

    #[test]
    fn no_identity_side_allows_nothing() {
        let s = Simulator::new();
        let mut t = Trace::default();
        assert_eq!(
            s.decide(&req("oss:GetObject", "x"), &mut t),
            Decision::ImplicitDeny
        );
    }
}
