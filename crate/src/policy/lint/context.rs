//! What the rule files share while they run: the source tree (for paths and positions), the
//! findings so far with the budget of their text, and small helpers for paths and JSON text.
//! Its own file so that the rules and the run both import it, and neither imports the other.

use super::options::LintOptions;
use crate::message::PolicyMessage;
use crate::policy::finding::{message_size, Finding, Level};
use crate::policy::json::{Json, Node};
use crate::policy::model::{PolicyKind, Statement};
use crate::policy::path::{Path, Seg};
use std::cell::RefCell;
use std::collections::HashMap;

/// What the checks share: the source tree (for paths and positions) and the findings so far,
/// with the budget of their text.
pub struct Ctx<'a> {
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
    pub fn new(
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
    pub fn finish(&mut self) {
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
            Some(Json::Array(_)) => element.index(j),
            _ => element.clone(),
        }
    }

    /// The value at `path` (`Node::find`, with large objects' members looked up by index, so
    /// that a finding per member of a large object costs no scan of it).
    fn node(&self, path: &Path) -> Option<&'a Node> {
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
pub fn statement_path(index: usize) -> Path {
    Path::root().key("Statement").index(index)
}

/// The statement's `Action` or `NotAction`, whichever it has.
pub fn action_element(path: &Path, s: &Statement) -> Path {
    path.key(if s.action.not { "NotAction" } else { "Action" })
}

/// The statement's `Resource` or `NotResource`, whichever it has.
pub fn resource_element(path: &Path, s: &Statement) -> Path {
    let not = s.resource.as_ref().is_some_and(|r| r.not);
    path.key(if not { "NotResource" } else { "Resource" })
}

/// JSON text of a list of strings (one value as a string).
pub fn json_list(values: &[String]) -> String {
    match values {
        [one] => serde_json::Value::String(one.clone()).to_string(),
        many => serde_json::Value::from(many.to_vec()).to_string(),
    }
}

/// JSON text of one string.
pub fn json_str(value: &str) -> String {
    serde_json::Value::String(value.to_string()).to_string()
}
