//! The document and statement level: `Version`, `Statement`, the elements a statement may have,
//! and `Effect`; the other elements are read by the files beside this one.

use super::values::{got, member, show};
use crate::message::PolicyMessage;
use crate::policy::finding::Finding;
use crate::policy::json::{Json, Member, Node, Pos};
use crate::policy::model::{Effect, Policy, PolicyKind, Statement};
use crate::policy::path::Path;
use crate::policy::suggest::closest;

const DOCUMENT_ELEMENTS: [&str; 2] = ["Version", "Statement"];
const STATEMENT_ELEMENTS: [&str; 7] = [
    "Effect",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Principal",
    "Condition",
];

/// Walks a document's tree, building the model of the sound statements and collecting every
/// problem.
pub struct Decoder {
    pub kind: PolicyKind,
    pub problems: Vec<Finding>,
}

impl Decoder {
    pub fn new(kind: PolicyKind) -> Decoder {
        Decoder {
            kind,
            problems: Vec::new(),
        }
    }

    pub fn report(&mut self, finding: Finding) {
        self.problems.push(finding);
    }

    pub fn error(&mut self, code: &'static str, path: Path, pos: Pos, message: PolicyMessage) {
        self.report(Finding::error(code, path, message).at(Some(pos)));
    }

    pub fn document(&mut self, tree: &Node) -> (Policy, Vec<usize>) {
        let root = Path::root();
        let Json::Object(members) = &tree.value else {
            self.error(
                "policy-not-object",
                root,
                tree.pos,
                PolicyMessage::PolicyNotObject { got: got(tree) },
            );
            return (Policy::default(), Vec::new());
        };
        for m in members {
            if !DOCUMENT_ELEMENTS.contains(&m.key.as_str()) {
                self.unknown_element(m, &root, &DOCUMENT_ELEMENTS);
            }
        }
        match member(tree, "Version") {
            None => self.report(
                Finding::error(
                    "missing-version",
                    root.key("Version"),
                    PolicyMessage::MissingVersion {},
                )
                .at(Some(tree.pos))
                .fix(PolicyMessage::FixAddVersion {}, Some("\"1\"".into())),
            ),
            Some(m) if m.value.value == Json::String("1".into()) => {}
            Some(m) => self.report(
                Finding::error(
                    "bad-version",
                    root.key("Version"),
                    PolicyMessage::BadVersion {
                        value: show(&m.value),
                    },
                )
                .at(Some(m.value.pos))
                .fix(PolicyMessage::FixWriteVersion {}, Some("\"1\"".into())),
            ),
        }
        let Some(statements) = member(tree, "Statement") else {
            self.report(
                Finding::error(
                    "missing-statement",
                    root.key("Statement"),
                    PolicyMessage::MissingStatement {},
                )
                .at(Some(tree.pos)),
            );
            return (Policy::default(), Vec::new());
        };
        let path = root.key("Statement");
        let items = match &statements.value.value {
            Json::Array(items) => items,
            Json::Object(_) => {
                self.report(
                    Finding::error(
                        "statement-not-array",
                        path,
                        PolicyMessage::StatementSingleObject {},
                    )
                    .at(Some(statements.value.pos))
                    .fix(PolicyMessage::FixWrapStatement {}, None),
                );
                return (Policy::default(), Vec::new());
            }
            _ => {
                self.error(
                    "statement-not-array",
                    path,
                    statements.value.pos,
                    PolicyMessage::StatementNotArray {
                        got: got(&statements.value),
                    },
                );
                return (Policy::default(), Vec::new());
            }
        };
        let mut policy = Policy::default();
        let mut indices = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let before = self.problems.len();
            let statement = self.statement(item, &path.index(i));
            if let (Some(statement), true) = (statement, self.problems.len() == before) {
                policy.statements.push(statement);
                indices.push(i);
            }
        }
        (policy, indices)
    }

    fn unknown_element(&mut self, m: &Member, parent: &Path, known: &[&str]) {
        let near = known
            .iter()
            .find(|k| k.eq_ignore_ascii_case(&m.key))
            .copied()
            .or_else(|| closest(&m.key, known.iter().copied(), 2));
        let message = match (m.key.as_str(), near) {
            ("Sid", _) => PolicyMessage::SidElement {},
            ("NotPrincipal", _) => PolicyMessage::NotPrincipalElement {},
            (key, Some(near)) => PolicyMessage::UnknownElementMeant {
                key: key.to_string(),
                meant: near.to_string(),
            },
            (key, None) => PolicyMessage::UnknownElement {
                key: key.to_string(),
                known: known.join(", "),
            },
        };
        let finding =
            Finding::error("unknown-element", parent.key(&m.key), message).at(Some(m.key_pos));
        let finding = match near {
            Some(near) if m.key != "Sid" => finding.fix(
                PolicyMessage::FixRename {
                    name: m.key.clone(),
                    meant: near.to_string(),
                },
                None,
            ),
            _ => finding.fix(
                PolicyMessage::FixRemove {
                    name: m.key.clone(),
                },
                None,
            ),
        };
        self.report(finding);
    }

    fn statement(&mut self, node: &Node, path: &Path) -> Option<Statement> {
        let Json::Object(members) = &node.value else {
            self.error(
                "statement-not-object",
                path.clone(),
                node.pos,
                PolicyMessage::StatementNotObject { got: got(node) },
            );
            return None;
        };
        for m in members {
            if !STATEMENT_ELEMENTS.contains(&m.key.as_str()) {
                self.unknown_element(m, path, &STATEMENT_ELEMENTS);
            }
        }
        let effect = self.effect(node, path);
        let action = self.targets(node, path, "Action", "NotAction", true);
        let resource = self.targets(
            node,
            path,
            "Resource",
            "NotResource",
            self.kind == PolicyKind::Identity,
        );
        let principal = self.principal(node, path);
        let condition = match member(node, "Condition") {
            Some(m) => self.condition(&m.value, &path.key("Condition")),
            None => Some(Vec::new()),
        };
        Some(Statement {
            effect: effect?,
            action: action??,
            resource: resource?,
            principal: principal?,
            condition: condition?,
        })
    }

    fn effect(&mut self, node: &Node, path: &Path) -> Option<Effect> {
        let Some(m) = member(node, "Effect") else {
            self.report(
                Finding::error(
                    "missing-effect",
                    path.key("Effect"),
                    PolicyMessage::MissingEffect {},
                )
                .at(Some(node.pos)),
            );
            return None;
        };
        match &m.value.value {
            Json::String(s) if s == "Allow" => return Some(Effect::Allow),
            Json::String(s) if s == "Deny" => return Some(Effect::Deny),
            _ => {}
        }
        let near = match &m.value.value {
            Json::String(s) if s.trim().eq_ignore_ascii_case("allow") => Some("Allow"),
            Json::String(s) if s.trim().eq_ignore_ascii_case("deny") => Some("Deny"),
            _ => None,
        };
        let finding = Finding::error(
            "bad-effect",
            path.key("Effect"),
            PolicyMessage::BadEffect {
                value: show(&m.value),
            },
        )
        .at(Some(m.value.pos));
        self.report(match near {
            Some(near) => finding.fix(
                PolicyMessage::FixWrite {
                    value: near.to_string(),
                },
                Some(format!("\"{near}\"")),
            ),
            None => finding,
        });
        None
    }
}
