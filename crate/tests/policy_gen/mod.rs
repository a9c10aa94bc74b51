//! proptest generators of policy models that the parser accepts: every element form, every
//! operator family with values of the right type, and strings that need JSON escaping.

#![allow(dead_code)]

use proptest::prelude::*;
use rolehop::policy::model::*;
use rolehop::policy::operator::{Family, Op, Operator};

pub fn kind() -> impl Strategy<Value = PolicyKind> {
    prop_oneof![Just(PolicyKind::Identity), Just(PolicyKind::Trust)]
}

pub fn action() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just("*".to_string()),
        8 => ("(oss|sts|ram|ecs)", "[A-Za-z][A-Za-z0-9*?]{0,8}").prop_map(|(s, n)| format!("{s}:{n}")),
    ]
}

pub fn resource() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just("*".to_string()),
        8 => ("[0-9]{1,5}|\\*", "[a-z0-9/*?\"\\\\é:-]{1,10}")
            .prop_map(|(uid, rel)| format!("acs:oss:*:{uid}:{rel}")),
    ]
}

fn targets(values: impl Strategy<Value = String>) -> impl Strategy<Value = Targets> {
    (any::<bool>(), prop::collection::vec(values, 1..4))
        .prop_map(|(not, values)| Targets { not, values })
}

pub fn principal() -> impl Strategy<Value = Principal> {
    let ram = prop_oneof![
        Just("*".to_string()),
        "[0-9]{1,6}".prop_map(|u| format!("acs:ram::{u}:root")),
        ("[0-9]{1,6}", "[a-z.@-]{1,8}").prop_map(|(u, n)| format!("acs:ram::{u}:user/{n}")),
        ("[0-9]{1,6}", "[a-zA-Z.-]{1,8}").prop_map(|(u, n)| format!("acs:ram::{u}:role/{n}")),
    ];
    let service = "[a-z]{2,6}".prop_map(|s| format!("{s}.aliyuncs.com"));
    let federated =
        ("[0-9]{1,6}", "[a-z]{1,6}").prop_map(|(u, n)| format!("acs:ram::{u}:saml-provider/{n}"));
    (
        prop::option::of(prop::collection::vec(ram, 1..3)),
        prop::option::of(prop::collection::vec(service, 1..3)),
        prop::option::of(prop::collection::vec(federated, 1..3)),
    )
        .prop_filter("at least one principal type", |(a, b, c)| {
            a.is_some() || b.is_some() || c.is_some()
        })
        .prop_map(|(ram, service, federated)| {
            let entries = [
                (PrincipalKind::Ram, ram),
                (PrincipalKind::Service, service),
                (PrincipalKind::Federated, federated),
            ]
            .into_iter()
            .filter_map(|(kind, values)| values.map(|values| PrincipalEntry { kind, values }))
            .collect();
            Principal { entries }
        })
}

pub fn operator() -> impl Strategy<Value = Operator> {
    (0..Op::ALL.len(), any::<bool>()).prop_map(|(i, if_exists)| Operator {
        op: Op::ALL[i],
        if_exists,
    })
}

fn number_literal() -> impl Strategy<Value = String> {
    "-?(0|[1-9][0-9]{0,5})(\\.[0-9]{1,3})?([eE][+-]?[0-9])?"
}

pub fn value(family: Family) -> BoxedStrategy<CondValue> {
    match family {
        Family::String => prop_oneof![
            "[a-zA-Z0-9/*?\"\\\\é中 \t-]{0,10}".prop_map(CondValue::Text),
            number_literal().prop_map(CondValue::Number),
            any::<bool>().prop_map(CondValue::Bool),
        ]
        .boxed(),
        Family::Numeric => prop_oneof![
            number_literal().prop_map(CondValue::Number),
            number_literal().prop_map(CondValue::Text),
        ]
        .boxed(),
        Family::Date => prop_oneof![
            "20[0-9]{2}-0[1-9]-[0-2][1-8]T[01][0-9]:[0-5][0-9]:[0-5][0-9](Z|[+-]0[0-9]:[03]0)"
                .prop_map(CondValue::Text),
            "[1-9][0-9]{0,9}".prop_map(CondValue::Number),
        ]
        .boxed(),
        Family::Bool => prop_oneof![
            any::<bool>().prop_map(CondValue::Bool),
            prop_oneof![Just("true"), Just("false")].prop_map(|s| CondValue::Text(s.into())),
        ]
        .boxed(),
        Family::Ip => prop_oneof![
            "(10|192)\\.[1-9]?[0-9]\\.0\\.[1-9]?[0-9](/[0-9]|/[12][0-9]|/3[0-2])?"
                .prop_map(CondValue::Text),
            "2001:db8::[0-9a-f]{1,4}(/[0-9]{1,2})?".prop_map(CondValue::Text),
        ]
        .boxed(),
    }
}

pub fn condition_block() -> impl Strategy<Value = ConditionBlock> {
    operator().prop_flat_map(|operator| {
        let family = operator.op.family();
        let entry = (
            "(acs|oss|sts):[A-Za-z/]{1,8}",
            prop::collection::vec(value(family), 1..4),
        )
            .prop_map(|(key, values)| ConditionEntry { key, values });
        prop::collection::vec(entry, 1..4).prop_map(move |mut entries| {
            let mut seen = std::collections::HashSet::new();
            entries.retain(|e| seen.insert(e.key.clone()));
            ConditionBlock { operator, entries }
        })
    })
}

pub fn statement(kind: PolicyKind) -> impl Strategy<Value = Statement> {
    let resource = match kind {
        PolicyKind::Identity => targets(resource()).prop_map(Some).boxed(),
        PolicyKind::Trust => prop::option::of(targets(resource())).boxed(),
    };
    let principal = match kind {
        PolicyKind::Identity => Just(None).boxed(),
        PolicyKind::Trust => principal().prop_map(Some).boxed(),
    };
    (
        prop_oneof![Just(Effect::Allow), Just(Effect::Deny)],
        targets(action()),
        resource,
        principal,
        prop::collection::vec(condition_block(), 0..3),
    )
        .prop_map(|(effect, action, resource, principal, mut condition)| {
            let mut seen = std::collections::HashSet::new();
            condition.retain(|b| seen.insert(b.operator.name()));
            Statement {
                effect,
                action,
                resource,
                principal,
                condition,
            }
        })
}

pub fn policy(kind: PolicyKind) -> impl Strategy<Value = Policy> {
    prop::collection::vec(statement(kind), 0..5).prop_map(|statements| Policy { statements })
}

pub fn kind_and_policy() -> impl Strategy<Value = (PolicyKind, Policy)> {
    kind().prop_flat_map(|k| policy(k).prop_map(move |p| (k, p)))
}

/// Quiet, file-less proptest configuration for these tests.
pub fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}
