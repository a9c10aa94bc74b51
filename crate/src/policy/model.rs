//! The typed policy model: what a RAM policy document means, independent of how it was written.
//! The parser builds it, the serialiser writes it, the evaluator compiles it, the linter reads it.
//! `Version` is not stored: RAM accepts only `"1"`, so every model is version 1.

use super::operator::Operator;

/// What a document is for: an identity policy (attached to a user, group or role; also the shape
/// of an AssumeRole session policy) or a role's trust policy (resource-based, with `Principal`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyKind {
    Identity,
    Trust,
}

impl PolicyKind {
    pub fn name(self) -> &'static str {
        match self {
            PolicyKind::Identity => "identity",
            PolicyKind::Trust => "trust",
        }
    }

    pub fn from_name(name: &str) -> Option<PolicyKind> {
        match name {
            "identity" | "permission" | "session" => Some(PolicyKind::Identity),
            "trust" => Some(PolicyKind::Trust),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Policy {
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

impl Effect {
    pub fn name(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub effect: Effect,
    /// `Action` or `NotAction`.
    pub action: Targets,
    /// `Resource` or `NotResource`; absent in trust policies.
    pub resource: Option<Targets>,
    /// Only in trust policies.
    pub principal: Option<Principal>,
    /// Operator blocks in source order; empty when the statement has no `Condition`.
    pub condition: Vec<ConditionBlock>,
}

/// The values of `Action`/`NotAction` or `Resource`/`NotResource` (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Targets {
    /// `true` for the `Not...` form: the statement covers everything except these.
    pub not: bool,
    pub values: Vec<String>,
}

impl Targets {
    pub fn new(not: bool, values: &[&str]) -> Targets {
        Targets {
            not,
            values: values.iter().map(|s| s.to_string()).collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrincipalKind {
    /// `RAM`: `*`, `acs:ram::<uid>:root`, `...:user/<name>`, `...:role/<name>`.
    Ram,
    /// `Service`: a cloud service such as `ecs.aliyuncs.com`.
    Service,
    /// `Federated`: `acs:ram::<uid>:saml-provider/<name>` or `oidc-provider/<name>`.
    Federated,
}

impl PrincipalKind {
    pub const ALL: [PrincipalKind; 3] = [
        PrincipalKind::Ram,
        PrincipalKind::Service,
        PrincipalKind::Federated,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PrincipalKind::Ram => "RAM",
            PrincipalKind::Service => "Service",
            PrincipalKind::Federated => "Federated",
        }
    }

    pub fn from_name(name: &str) -> Option<PrincipalKind> {
        PrincipalKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// One entry per principal type, in source order, each with at least one value.
    pub entries: Vec<PrincipalEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipalEntry {
    pub kind: PrincipalKind,
    pub values: Vec<String>,
}

/// `"<Operator>": {"<key>": <values>, ...}`.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionBlock {
    pub operator: Operator,
    pub entries: Vec<ConditionEntry>,
}

/// One key of an operator block with its ORed values (never empty).
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionEntry {
    pub key: String,
    pub values: Vec<CondValue>,
}

/// A condition value as written: RAM takes strings, numbers and booleans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CondValue {
    Text(String),
    /// The number's JSON literal, kept verbatim so that serialisation round-trips exactly.
    Number(String),
    Bool(bool),
}

impl CondValue {
    /// The value as the text RAM compares (numbers and booleans as their JSON text).
    pub fn as_text(&self) -> &str {
        match self {
            CondValue::Text(s) | CondValue::Number(s) => s,
            CondValue::Bool(true) => "true",
            CondValue::Bool(false) => "false",
        }
    }
}
