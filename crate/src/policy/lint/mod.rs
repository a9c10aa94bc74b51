//! The linter: everything the parser rejects (level `error`), then what a reviewer would say about
//! a valid document, in the console validator's four levels. Every finding has a stable code, a
//! message in English and Chinese, the JSON path and line:column, and a fix where one exists.
//!
//! Codes (stable; see also the parser's): `policy-too-large`, `policy-size-whitespace`,
//! `empty-policy`, `unknown-service`, `unknown-action`, `action-matches-nothing`,
//! `allow-not-action`, `allow-not-resource`, `full-admin`, `bad-account-in-arn`,
//! `region-in-global-arn`, `resource-service-mismatch`, `oss-resource-level-mismatch`,
//! `list-condition-on-other-action`, `malformed-condition-key`, `unknown-condition-key`,
//! `condition-operator-mismatch`, `write-in-read-only`, `assume-any-role`, `principal-anyone`,
//! `trust-account-root`, `principal-account-format`, `service-principal-domain`,
//! `trust-action-not-assume-role`, `resource-in-trust-policy`, `duplicate-statement`,
//! `shadowed-statement`, `allow-always-denied`, `too-large-to-check`.
//!
//! Bounded work (design decision 7): every check is linear in the document except shadowing,
//! which has a work budget (`redundancy`), and findings whose text names other parts of the
//! statement (lists of services, resources, actions), whose total is capped by `Ctx`'s text
//! budget. A check that stops says so with a `too-large-to-check` finding.

mod redundancy;
mod statements;
mod trust;

use super::finding::{message_size, Finding, Level};
use super::json::Node;
use super::model::{PolicyKind, Statement};
use super::parse::decode;
use super::path::Path;
use super::serialize::{to_compact, MAX_DOCUMENT_CHARS};
use crate::message::PolicyMessage;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;

/// What the policy is meant to do, when the caller knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Intent {
    #[default]
    Any,
    /// Any write action (or `oss:*`) is a security warning.
    ReadOnly,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintOptions {
    /// `None`: detected (a trust policy if any statement has `Principal`).
    pub kind: Option<PolicyKind>,
    pub intent: Intent,
    /// For trust policies: the RAM user/role ARNs that will really assume the role; the fix for
    /// a `:root` principal proposes them.
    pub trusted_principals: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyLintSummary"))]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub error: usize,
    pub security_warning: usize,
    pub warning: usize,
    pub suggestion: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyLintReport"))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// `identity` or `trust`.
    #[serde(serialize_with = "kind_name")]
    #[cfg_attr(test, ts(type = "\"identity\" | \"trust\""))]
    pub kind: PolicyKind,
    /// No error: RAM would accept the document.
    pub valid: bool,
    pub summary: Summary,
    /// Sorted by level, then position.
    pub findings: Vec<Finding>,
    /// Characters of the text as given.
    pub size: usize,
    /// Characters of the canonical compact form (when the document is valid).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub compact_size: Option<usize>,
}

fn kind_name<S: serde::Serializer>(kind: &PolicyKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.name())
}

/// Lints a policy text.
pub fn lint(text: &str, options: &LintOptions) -> Report {
    let decoded = decode(text, options.kind);
    let mut findings = decoded.problems.clone();
    let size = text.chars().count();
    let mut compact_size = None;
    if let Some(tree) = &decoded.tree {
        let statements: Vec<(usize, &Statement)> = decoded
            .indices
            .iter()
            .copied()
            .zip(&decoded.policy.statements)
            .collect();
        let mut ctx = Ctx::new(tree, decoded.kind, options, text.len());
        statements::check(&mut ctx, &statements);
        if decoded.kind == PolicyKind::Trust {
            trust::check(&mut ctx, &statements);
        }
        redundancy::check(&mut ctx, &statements);
        if decoded.problems.is_empty() {
            if decoded.policy.statements.is_empty() {
                ctx.push(ctx.finding(
                    Level::Warning,
                    "empty-policy",
                    Path::root().key("Statement"),
                    PolicyMessage::EmptyPolicy {},
                ));
            }
            let compact = to_compact(&decoded.policy);
            compact_size = Some(compact.chars().count());
            size_findings(&mut ctx, size, &compact);
        } else if size > MAX_DOCUMENT_CHARS {
            ctx.push(too_large(size));
        }
        ctx.finish();
        findings.append(&mut ctx.findings);
    }
    findings.sort_by_key(|f| (f.level, f.line.unwrap_or(0), f.column.unwrap_or(0)));
    findings.dedup_by(|a, b| a.code == b.code && a.path == b.path && a.message == b.message);
    let count = |level| findings.iter().filter(|f| f.level == level).count();
    let summary = Summary {
        error: count(Level::Error),
        security_warning: count(Level::SecurityWarning),
        warning: count(Level::Warning),
        suggestion: count(Level::Suggestion),
    };
    Report {
        kind: decoded.kind,
        valid: summary.error == 0,
        summary,
        findings,
        size,
        compact_size,
    }
}

fn too_large(size: usize) -> Finding {
    Finding::error(
        "policy-too-large",
        Path::root(),
        PolicyMessage::TooLarge {
            size,
            max: MAX_DOCUMENT_CHARS,
        },
    )
}

fn size_findings(ctx: &mut Ctx<'_>, size: usize, compact: &str) {
    let compact_size = compact.chars().count();
    if compact_size > MAX_DOCUMENT_CHARS {
        ctx.push(Finding::error(
            "policy-too-large",
            Path::root(),
            PolicyMessage::TooLargeCompact {
                size: compact_size,
                max: MAX_DOCUMENT_CHARS,
            },
        ));
    } else if size > MAX_DOCUMENT_CHARS {
        let f = ctx
            .finding(
                Level::Warning,
                "policy-size-whitespace",
                Path::root(),
                PolicyMessage::SizeWhitespace {
                    size,
                    max: MAX_DOCUMENT_CHARS,
                    compact: compact_size,
                },
            )
            .fix(
                PolicyMessage::FixSubmitCompact {},
                Some(compact.to_string()),
            );
        ctx.push(f);
    }
}

/// What the checks share: the source tree (for paths and positions) and the findings so far,
/// with the budget of their text.
pub(super) struct Ctx<'a> {
    pub tree: &'a Node,
    pub kind: PolicyKind,
    pub options: &'a LintOptions,
    pub findings: Vec<Finding>,
    /// Bytes of finding text (messages, fixes) still allowed.
    text_budget: usize,
    /// Findings dropped for the budget.
    dropped: usize,
    /// Member indexes of the large objects a position was looked up in (keyed by address).
    members: RefCell<HashMap<usize, HashMap<&'a str, usize>>>,
}

/// Objects with more members than this get an index for position lookups.
const INDEXED_MEMBERS: usize = 16;

impl<'a> Ctx<'a> {
    fn new(
        tree: &'a Node,
        kind: PolicyKind,
        options: &'a LintOptions,
        text_bytes: usize,
    ) -> Ctx<'a> {
        Ctx {
            tree,
            kind,
            options,
            findings: Vec::new(),
            text_budget: text_budget(text_bytes),
            dropped: 0,
            members: RefCell::new(HashMap::new()),
        }
    }

    /// A finding at `path`, positioned at that value in the text.
    pub fn finding(
        &self,
        level: Level,
        code: &'static str,
        path: Path,
        message: PolicyMessage,
    ) -> Finding {
        let pos = self.node(&path).map(|n| n.pos);
        Finding::new(level, code, path, message).at(pos)
    }

    /// Adds a finding, unless the findings' text budget is spent.
    pub fn push(&mut self, finding: Finding) {
        let size = text_size(&finding);
        if self.dropped > 0 || size > self.text_budget {
            self.dropped += 1;
            return;
        }
        self.text_budget -= size;
        self.findings.push(finding);
    }

    /// Whether a finding of about `bytes` of text still fits the budget. Checks whose findings
    /// name other parts of the statement ask before building them; a `false` counts as a
    /// dropped finding.
    pub fn affords(&mut self, bytes: usize) -> bool {
        if self.dropped > 0 || bytes > self.text_budget {
            self.dropped += 1;
            return false;
        }
        true
    }

    /// Says so when findings were dropped.
    fn finish(&mut self) {
        if self.dropped == 0 {
            return;
        }
        let shown = self.findings.len();
        self.findings.push(
            Finding::new(
                Level::Warning,
                "too-large-to-check",
                Path::root(),
                PolicyMessage::TooManyFindings {
                    count: shown,
                    factor: TEXT_BUDGET_FACTOR,
                },
            )
            .at(Some(self.tree.pos))
            .fix(PolicyMessage::FixSplitPolicy {}, None),
        );
    }

    /// The path of the `j`-th value of an element written as a string or an array.
    pub fn value_path(&self, element: &Path, j: usize) -> Path {
        match self.node(element).map(|n| &n.value) {
            Some(super::json::Json::Array(_)) => element.index(j),
            _ => element.clone(),
        }
    }

    /// The value at `path` (`Node::find`, with large objects' members looked up by index, so
    /// that a finding per member of a large object costs no scan of it).
    fn node(&self, path: &Path) -> Option<&'a Node> {
        use super::json::Json;
        use super::path::Seg;
        let mut node: &'a Node = self.tree;
        for seg in path.segments() {
            node = match (&node.value, seg) {
                (Json::Object(members), Seg::Key(k)) if members.len() > INDEXED_MEMBERS => {
                    let mut indexes = self.members.borrow_mut();
                    let index = indexes
                        .entry(node as *const Node as usize)
                        .or_insert_with(|| {
                            let mut index = HashMap::with_capacity(members.len());
                            for (i, m) in members.iter().enumerate() {
                                index.entry(m.key.as_str()).or_insert(i);
                            }
                            index
                        });
                    &members.get(*index.get(k.as_str())?)?.value
                }
                (Json::Object(members), Seg::Key(k)) => {
                    &members.iter().find(|m| &m.key == k)?.value
                }
                (Json::Array(items), Seg::Index(i)) => items.get(*i)?,
                _ => return None,
            };
        }
        Some(node)
    }
}

/// The findings' text may grow to this many times the policy's size, plus `TEXT_BUDGET_BASE`:
/// several times what a realistic document of RAM's size produces (some tens of KB), so that
/// only documents whose findings multiply (a hundred `:root` principals, each fix rewriting the
/// whole list) are cut short, and a trust policy a page sends is answered in milliseconds.
const TEXT_BUDGET_FACTOR: usize = 8;
const TEXT_BUDGET_BASE: usize = 256 << 10;

fn text_budget(text_bytes: usize) -> usize {
    TEXT_BUDGET_BASE.saturating_add(text_bytes.saturating_mul(TEXT_BUDGET_FACTOR))
}

/// Bytes of a finding's text, in both languages (`message_size`).
fn text_size(f: &Finding) -> usize {
    let fix = f.fix.as_ref().map_or(0, |fix| {
        message_size(&fix.description) + fix.snippet.as_ref().map_or(0, String::len)
    });
    message_size(&f.message) + fix
}

/// `$.Statement[<index>]`.
pub(super) fn statement_path(index: usize) -> Path {
    Path::root().key("Statement").index(index)
}

/// JSON text of a list of strings (one value as a string).
pub(super) fn json_list(values: &[String]) -> String {
    match values {
        [one] => serde_json::Value::String(one.clone()).to_string(),
        many => serde_json::Value::from(many.to_vec()).to_string(),
    }
}

/// JSON text of one string.
pub(super) fn json_str(value: &str) -> String {
    serde_json::Value::String(value.to_string()).to_string()
}
