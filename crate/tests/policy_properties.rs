//! Properties of the simulator over random policy sets and requests drawn from small pools (so
//! that statements often match): deny is never weakened by additions, and Allow needs every side.

mod policy_gen;

use proptest::prelude::*;
use rolehop::policy::model::*;
use rolehop::policy::operator::Family;
use rolehop::policy::{Context, Decision, Request, Side, Simulator, Trace};

const ACTIONS: &[&str] = &[
    "*",
    "oss:*",
    "oss:Get*",
    "oss:GetObject",
    "oss:PutObject",
    "oss:?etObject",
    "ecs:*",
];
const RESOURCES: &[&str] = &[
    "*",
    "acs:oss:*:1:b",
    "acs:oss:*:1:b/*",
    "acs:oss:*:1:b/a?c",
    "acs:oss:*:*:*",
];
const REQUEST_ACTIONS: &[&str] = &[
    "oss:GetObject",
    "OSS:putobject",
    "oss:ListObjects",
    "ecs:StartInstance",
];
const REQUEST_RESOURCES: &[&str] = &[
    "acs:oss:*:1:b",
    "acs:oss:*:1:b/abc",
    "acs:oss:*:1:b/x",
    "acs:oss:*:2:c/k",
];
const KEYS: &[(&str, Family)] = &[
    ("oss:Prefix", Family::String),
    ("oss:MaxKeys", Family::Numeric),
    ("acs:CurrentTime", Family::Date),
    ("acs:SecureTransport", Family::Bool),
    ("acs:SourceIp", Family::Ip),
];
const CONTEXT_VALUES: &[&[&str]] = &[
    &["a/", "10", "true", "10.0.0.1"],
    &["", "-1", "false", "2026-01-01T00:00:00Z"],
    &["192.0.2.1", "9", "2001:db8::1", "a/b"],
];

fn pick<T: Clone + std::fmt::Debug + 'static>(pool: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(pool)
}

fn targets(pool: &'static [&'static str]) -> impl Strategy<Value = Targets> {
    (
        prop::bool::weighted(0.2),
        prop::collection::vec(pick(pool), 1..3),
    )
        .prop_map(|(not, vs)| Targets {
            not,
            values: vs.into_iter().map(str::to_string).collect(),
        })
}

fn condition() -> impl Strategy<Value = ConditionBlock> {
    (policy_gen::operator(), 0..KEYS.len()).prop_flat_map(|(operator, k)| {
        let (key, _) = KEYS[k];
        prop::collection::vec(policy_gen::value(operator.op.family()), 1..3).prop_map(
            move |values| ConditionBlock {
                operator,
                entries: vec![ConditionEntry {
                    key: key.to_string(),
                    values,
                }],
            },
        )
    })
}

fn statement(effect: Option<Effect>) -> impl Strategy<Value = Statement> {
    let effect = match effect {
        Some(e) => Just(e).boxed(),
        None => prop_oneof![Just(Effect::Allow), Just(Effect::Deny)].boxed(),
    };
    (
        effect,
        targets(ACTIONS),
        targets(RESOURCES),
        prop::collection::vec(condition(), 0..2),
    )
        .prop_map(|(effect, action, resource, mut condition)| {
            let mut seen = std::collections::HashSet::new();
            condition.retain(|b| seen.insert(b.operator.name()));
            Statement {
                effect,
                action,
                resource: Some(resource),
                principal: None,
                condition,
            }
        })
}

fn policies() -> impl Strategy<Value = Vec<Policy>> {
    prop::collection::vec(
        prop::collection::vec(statement(None), 0..4).prop_map(|statements| Policy { statements }),
        0..3,
    )
}

fn request() -> impl Strategy<Value = Request> {
    (
        pick(REQUEST_ACTIONS),
        pick(REQUEST_RESOURCES),
        prop::collection::vec((0..KEYS.len(), pick(CONTEXT_VALUES), 0..4usize), 0..4),
    )
        .prop_map(|(action, resource, ctx)| {
            let mut context = Context::default();
            for (k, values, v) in ctx {
                context.insert(KEYS[k].0, &[values[v]]);
            }
            Request {
                principal: None,
                action: action.into(),
                resource: resource.into(),
                context,
            }
        })
}

fn decide(identity: &[Policy], session: Option<&Policy>, request: &Request) -> Decision {
    let mut sim = Simulator::new();
    sim.include(Side::Identity);
    for (i, p) in identity.iter().enumerate() {
        sim.add(&format!("p{i}"), Side::Identity, false, p);
    }
    if let Some(s) = session {
        sim.add("session", Side::Session, false, s);
    }
    sim.decide(request, &mut Trace::default())
}

fn simulator(identity: &[Policy]) -> Simulator {
    let mut sim = Simulator::new();
    sim.include(Side::Identity);
    for (i, p) in identity.iter().enumerate() {
        sim.add(&format!("p{i}"), Side::Identity, false, p);
    }
    sim
}

fn with_statement(policies: &[Policy], statement: Statement) -> Vec<Policy> {
    let mut out = policies.to_vec();
    out.push(Policy {
        statements: vec![statement],
    });
    out
}

proptest! {
    #![proptest_config(policy_gen::config(2000))]

    #[test]
    fn adding_a_deny_never_produces_allow(ps in policies(), deny in statement(Some(Effect::Deny)), r in request()) {
        let before = decide(&ps, None, &r);
        let after = decide(&with_statement(&ps, deny), None, &r);
        prop_assert!(after != Decision::Allow || before == Decision::Allow);
        prop_assert!(before != Decision::ExplicitDeny || after == Decision::ExplicitDeny);
    }

    #[test]
    fn an_applicable_deny_always_denies(ps in policies(), r in request()) {
        let deny = Statement {
            effect: Effect::Deny,
            action: Targets::new(false, &[&r.action]),
            resource: Some(Targets::new(false, &[&r.resource])),
            principal: None,
            condition: Vec::new(),
        };
        prop_assert_eq!(decide(&with_statement(&ps, deny), None, &r), Decision::ExplicitDeny);
    }

    #[test]
    fn adding_an_allow_never_lifts_an_explicit_deny(ps in policies(), allow in statement(Some(Effect::Allow)), r in request()) {
        let before = decide(&ps, None, &r);
        let after = decide(&with_statement(&ps, allow), None, &r);
        prop_assert!(before != Decision::ExplicitDeny || after == Decision::ExplicitDeny);
        prop_assert!(before != Decision::Allow || after == Decision::Allow);
    }

    #[test]
    fn a_session_policy_only_narrows(ps in policies(), session in prop::collection::vec(statement(None), 0..4), r in request()) {
        let session = Policy { statements: session };
        let alone = decide(&ps, None, &r);
        let narrowed = decide(&ps, Some(&session), &r);
        prop_assert!(narrowed != Decision::Allow || alone == Decision::Allow);
        prop_assert!(alone != Decision::ExplicitDeny || narrowed == Decision::ExplicitDeny);
    }

    /// Statement order and policy order never change a decision.
    #[test]
    fn order_does_not_matter(ps in policies(), r in request()) {
        let mut reversed: Vec<Policy> = ps.iter().rev().cloned().collect();
        for p in &mut reversed {
            p.statements.reverse();
        }
        prop_assert_eq!(decide(&ps, None, &r), decide(&reversed, None, &r));
    }

    /// A trace reused across decisions and simulators (its action cache and memos carry over)
    /// decides exactly like a fresh one.
    #[test]
    fn a_reused_trace_decides_like_a_fresh_one(a in policies(), b in policies(), rs in prop::collection::vec(request(), 1..12)) {
        let (sa, sb) = (simulator(&a), simulator(&b));
        let mut shared = Trace::default();
        for r in &rs {
            for sim in [&sa, &sb, &sa] {
                let fresh = sim.decide(r, &mut Trace::default());
                prop_assert_eq!(sim.decide(r, &mut shared), fresh);
            }
        }
        // Adding a policy after decisions were cached: the new statement counts.
        let mut grown = simulator(&a);
        for r in &rs {
            grown.decide(r, &mut shared);
        }
        let deny = Statement {
            effect: Effect::Deny,
            action: Targets::new(false, &["*"]),
            resource: Some(Targets::new(false, &["*"])),
            principal: None,
            condition: Vec::new(),
        };
        grown.add("deny-all", Side::Identity, false, &Policy { statements: vec![deny] });
        for r in &rs {
            prop_assert_eq!(grown.decide(r, &mut shared), Decision::ExplicitDeny);
        }
    }
}
