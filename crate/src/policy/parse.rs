//! From policy text to the typed model, enforcing RAM's grammar: `Version` "1", case-sensitive
//! element names, no duplicate keys, string-or-array values, exactly one of Action/NotAction and
//! Resource/NotResource, Principal only in trust policies, known condition operators with values
//! of the right type. Every rejection names the JSON path and the line:column in the text.
//!
//! The decoder, element by element, is in `decoder/`; this file holds the entry points.
//!
//! `decode` collects every problem (the linter shows them all, and keeps the statements that are
//! sound); `parse` stops at the first.

use super::decoder::{member, Decoder};
use super::finding::Finding;
use super::json::{self, Json, Node};
use super::model::{Policy, PolicyKind};
use crate::error::Result;

/// Everything the parser learnt about a text, problems included.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The JSON tree with positions (`None` when the text is not JSON).
    pub tree: Option<Node>,
    /// The kind the text was checked as (given, or detected from `Principal`).
    pub kind: PolicyKind,
    /// The sound statements; a statement with any problem is left out.
    pub policy: Policy,
    /// For each statement of `policy`, its index in the source `Statement` array.
    pub indices: Vec<usize>,
    /// Every rejection, in document order; all at level `error`.
    pub problems: Vec<Finding>,
}

/// Parses a policy of a known kind, failing on the first problem.
pub fn parse(text: &str, kind: PolicyKind) -> Result<Policy> {
    let decoded = decode(text, Some(kind));
    match decoded.problems.first() {
        Some(problem) => Err(problem.to_error()),
        None => Ok(decoded.policy),
    }
}

/// Parses a policy whose kind is detected: a trust policy if any statement has `Principal`.
pub fn parse_detect(text: &str) -> Result<(Policy, PolicyKind)> {
    let decoded = decode(text, None);
    match decoded.problems.first() {
        Some(problem) => Err(problem.to_error()),
        None => Ok((decoded.policy, decoded.kind)),
    }
}

/// Reads and checks a policy, collecting every problem.
pub fn decode(text: &str, kind: Option<PolicyKind>) -> Decoded {
    let tree = match json::read(text) {
        Ok(tree) => tree,
        Err(e) => {
            let finding =
                Finding::error("invalid-json", e.path.clone(), *e.message).at(Some(e.pos));
            return Decoded {
                tree: None,
                kind: kind.unwrap_or(PolicyKind::Identity),
                policy: Policy::default(),
                indices: Vec::new(),
                problems: vec![finding],
            };
        }
    };
    let kind = kind.unwrap_or_else(|| detect_kind(&tree));
    let mut decoder = Decoder::new(kind);
    let (policy, indices) = decoder.document(&tree);
    Decoded {
        kind,
        policy,
        indices,
        problems: decoder.problems,
        tree: Some(tree),
    }
}

/// A trust policy names principals; anything else is an identity policy.
pub fn detect_kind(tree: &Node) -> PolicyKind {
    let has_principal = member(tree, "Statement").is_some_and(|s| match &s.value.value {
        Json::Array(items) => items.iter().any(|st| member(st, "Principal").is_some()),
        Json::Object(_) => member(&s.value, "Principal").is_some(),
        _ => false,
    });
    if has_principal {
        PolicyKind::Trust
    } else {
        PolicyKind::Identity
    }
}
