//! From policy text to the typed model, enforcing RAM's grammar: `Version` "1", case-sensitive
//! element names, no duplicate keys, string-or-array values, exactly one of Action/NotAction and
//! Resource/NotResource, Principal only in trust policies, known condition operators with values
//! of the right type. Every rejection names the JSON path and the line:column in the text.
//!
//! `decode` collects every problem (the linter shows them all, and keeps the statements that are
//! sound); `parse` stops at the first.

use super::condition::check_value;
use super::finding::Finding;
use super::json::{self, Json, Member, Node, Pos};
use super::model::*;
use super::names::{check_action, check_principal, check_resource, Bad};
use super::operator::Operator;
use super::path::Path;
use super::suggest::closest;
use crate::error::Result;
use crate::message::PolicyMessage;

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
    let mut decoder = Decoder {
        kind,
        problems: Vec::new(),
    };
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

fn member<'a>(node: &'a Node, key: &str) -> Option<&'a Member> {
    match &node.value {
        Json::Object(members) => members.iter().find(|m| m.key == key),
        _ => None,
    }
}

struct Decoder {
    kind: PolicyKind,
    problems: Vec<Finding>,
}

impl Decoder {
    fn report(&mut self, finding: Finding) {
        self.problems.push(finding);
    }

    fn error(&mut self, code: &'static str, path: Path, pos: Pos, message: PolicyMessage) {
        self.report(Finding::error(code, path, message).at(Some(pos)));
    }

    fn document(&mut self, tree: &Node) -> (Policy, Vec<usize>) {
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

    /// `Action`/`NotAction` or `Resource`/`NotResource`: exactly one of the pair (when required).
    /// Returns `None` on a problem, `Some(None)` when neither is present and none is required.
    fn targets(
        &mut self,
        node: &Node,
        path: &Path,
        name: &'static str,
        not_name: &'static str,
        required: bool,
    ) -> Option<Option<Targets>> {
        let is_action = name == "Action";
        let (plain, not) = (member(node, name), member(node, not_name));
        let (m, negated) = match (plain, not) {
            (Some(_), Some(n)) => {
                let code = if is_action {
                    "action-and-not-action"
                } else {
                    "resource-and-not-resource"
                };
                self.report(
                    Finding::error(
                        code,
                        path.key(not_name),
                        PolicyMessage::BothTargets {
                            element: name.to_string(),
                            other: not_name.to_string(),
                        },
                    )
                    .at(Some(n.key_pos))
                    .fix(
                        PolicyMessage::FixRemoveOrSplit {
                            element: not_name.to_string(),
                        },
                        None,
                    ),
                );
                return None;
            }
            (Some(m), None) => (m, false),
            (None, Some(n)) => (n, true),
            (None, None) if !required => return Some(None),
            (None, None) => {
                let (code, example) = if is_action {
                    ("missing-action", "\"oss:GetObject\"")
                } else {
                    ("missing-resource", "\"acs:oss:*:<uid>:<bucket>/*\"")
                };
                self.report(
                    Finding::error(
                        code,
                        path.key(name),
                        PolicyMessage::MissingTargets {
                            element: name.to_string(),
                            other: not_name.to_string(),
                            example: example.to_string(),
                        },
                    )
                    .at(Some(node.pos)),
                );
                return None;
            }
        };
        let element_path = path.key(&m.key);
        let values = self.string_list(&m.value, &element_path, &m.key)?;
        let mut ok = true;
        for (i, (value, value_node)) in values.iter().enumerate() {
            let checked = if is_action {
                check_action(value)
            } else {
                check_resource(value)
            };
            if let Err(bad) = checked {
                ok = false;
                let value_path = if matches!(m.value.value, Json::Array(_)) {
                    element_path.index(i)
                } else {
                    element_path.clone()
                };
                let code = if is_action {
                    "malformed-action"
                } else {
                    "malformed-arn"
                };
                self.bad_name(code, value_path, value_node.pos, bad);
            }
        }
        ok.then(|| {
            Some(Targets {
                not: negated,
                values: values.into_iter().map(|(v, _)| v).collect(),
            })
        })
    }

    fn bad_name(&mut self, code: &'static str, path: Path, pos: Pos, bad: Bad) {
        let finding = Finding::error(code, path, *bad.message).at(Some(pos));
        self.report(match bad.suggestion {
            Some(s) => finding.fix(
                PolicyMessage::FixWrite { value: s.clone() },
                Some(serde_json::Value::String(s).to_string()),
            ),
            None => finding,
        });
    }

    /// A string or a non-empty array of strings, each with its node.
    fn string_list<'a>(
        &mut self,
        node: &'a Node,
        path: &Path,
        element: &str,
    ) -> Option<Vec<(String, &'a Node)>> {
        match &node.value {
            Json::String(s) => Some(vec![(s.clone(), node)]),
            Json::Array(items) if items.is_empty() => {
                self.error(
                    "empty-value",
                    path.clone(),
                    node.pos,
                    PolicyMessage::EmptyValue {
                        element: element.to_string(),
                    },
                );
                None
            }
            Json::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match &item.value {
                        Json::String(s) => out.push((s.clone(), item)),
                        _ => self.error(
                            "bad-value-type",
                            path.index(i),
                            item.pos,
                            PolicyMessage::ValueNotString {
                                element: element.to_string(),
                                got: got(item),
                            },
                        ),
                    }
                }
                (out.len() == items.len()).then_some(out)
            }
            _ => {
                self.error(
                    "bad-value-type",
                    path.clone(),
                    node.pos,
                    PolicyMessage::NotStringList {
                        element: element.to_string(),
                        got: got(node),
                    },
                );
                None
            }
        }
    }

    /// `Some(None)`: no principal (fine in identity policies); `None`: a problem was reported.
    fn principal(&mut self, node: &Node, path: &Path) -> Option<Option<Principal>> {
        let m = member(node, "Principal");
        match (self.kind, m) {
            (PolicyKind::Identity, None) => return Some(None),
            (PolicyKind::Identity, Some(m)) => {
                self.report(
                    Finding::error(
                        "principal-in-identity-policy",
                        path.key("Principal"),
                        PolicyMessage::PrincipalInIdentity {},
                    )
                    .at(Some(m.key_pos))
                    .fix(PolicyMessage::FixRemovePrincipal {}, None),
                );
                return None;
            }
            (PolicyKind::Trust, None) => {
                self.report(
                    Finding::error(
                        "missing-principal",
                        path.key("Principal"),
                        PolicyMessage::MissingPrincipal {},
                    )
                    .at(Some(node.pos))
                    .fix(
                        PolicyMessage::FixAddTrusted {},
                        Some("{\"RAM\": [\"acs:ram::<trusted uid>:root\"]}".into()),
                    ),
                );
                return None;
            }
            (PolicyKind::Trust, Some(_)) => {}
        }
        let m = m?;
        let ppath = path.key("Principal");
        let Json::Object(members) = &m.value.value else {
            let snippet = match &m.value.value {
                Json::String(s) => Some(format!(
                    "{{\"RAM\": [{}]}}",
                    serde_json::Value::String(s.clone())
                )),
                _ => None,
            };
            self.report(
                Finding::error(
                    "bad-principal",
                    ppath,
                    PolicyMessage::BadPrincipal { got: got(&m.value) },
                )
                .at(Some(m.value.pos))
                .fix(PolicyMessage::FixPrincipalType {}, snippet),
            );
            return None;
        };
        if members.is_empty() {
            self.error(
                "bad-principal",
                ppath,
                m.value.pos,
                PolicyMessage::EmptyPrincipal {},
            );
            return None;
        }
        let names = PrincipalKind::ALL.map(PrincipalKind::name);
        let mut entries = Vec::new();
        let mut ok = true;
        for pm in members {
            let Some(kind) = PrincipalKind::from_name(&pm.key) else {
                ok = false;
                self.unknown_principal_type(pm, &ppath, &names);
                continue;
            };
            let epath = ppath.key(&pm.key);
            let Some(values) = self.string_list(&pm.value, &epath, &pm.key) else {
                ok = false;
                continue;
            };
            for (i, (value, vnode)) in values.iter().enumerate() {
                if let Err(bad) = check_principal(kind, value) {
                    ok = false;
                    let vpath = if matches!(pm.value.value, Json::Array(_)) {
                        epath.index(i)
                    } else {
                        epath.clone()
                    };
                    self.bad_name("malformed-principal", vpath, vnode.pos, bad);
                }
            }
            entries.push(PrincipalEntry {
                kind,
                values: values.into_iter().map(|(v, _)| v).collect(),
            });
        }
        ok.then_some(Some(Principal { entries }))
    }

    fn unknown_principal_type(&mut self, pm: &Member, ppath: &Path, names: &[&str]) {
        let near = names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(&pm.key))
            .copied();
        let finding = Finding::error(
            "unknown-principal-type",
            ppath.key(&pm.key),
            PolicyMessage::UnknownPrincipalType {
                key: pm.key.clone(),
            },
        )
        .at(Some(pm.key_pos));
        self.report(match near {
            Some(n) => finding.fix(
                PolicyMessage::FixRename {
                    name: pm.key.clone(),
                    meant: n.to_string(),
                },
                None,
            ),
            None => finding,
        });
    }

    fn condition(&mut self, node: &Node, path: &Path) -> Option<Vec<ConditionBlock>> {
        let members = match &node.value {
            Json::Object(members) if !members.is_empty() => members,
            _ => {
                let message = if matches!(node.value, Json::Object(_)) {
                    PolicyMessage::ConditionEmpty {}
                } else {
                    PolicyMessage::ConditionNotObject { got: got(node) }
                };
                self.error("bad-condition", path.clone(), node.pos, message);
                return None;
            }
        };
        let mut blocks = Vec::new();
        let mut ok = true;
        for m in members {
            let opath = path.key(&m.key);
            let Some(operator) = Operator::parse(&m.key) else {
                ok = false;
                self.unknown_operator(m, &opath);
                continue;
            };
            match self.condition_entries(operator, &m.value, &opath) {
                Some(entries) => blocks.push(ConditionBlock { operator, entries }),
                None => ok = false,
            }
        }
        ok.then_some(blocks)
    }

    fn unknown_operator(&mut self, m: &Member, path: &Path) {
        let names: Vec<String> = Operator::all_names().collect();
        let unqualified = m.key.rsplit(':').next().unwrap_or(&m.key);
        let near = names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(unqualified))
            .map(String::as_str)
            .or(match unqualified {
                "ArnEquals" | "ArnLike" => Some("StringLike"),
                "ArnNotEquals" | "ArnNotLike" => Some("StringNotLike"),
                _ => None,
            })
            .or_else(|| closest(unqualified, names.iter().map(String::as_str), 3));
        let operator = m.key.clone();
        let message = if m.key.contains(':') {
            PolicyMessage::UnknownOperatorQualified { operator }
        } else {
            PolicyMessage::UnknownOperator { operator }
        };
        let finding =
            Finding::error("unknown-condition-operator", path.clone(), message).at(Some(m.key_pos));
        self.report(match near {
            Some(n) => finding.fix(
                PolicyMessage::FixUseOperator {
                    operator: n.to_string(),
                },
                None,
            ),
            None => finding,
        });
    }

    fn condition_entries(
        &mut self,
        operator: Operator,
        node: &Node,
        path: &Path,
    ) -> Option<Vec<ConditionEntry>> {
        let op_name = operator.name();
        let members = match &node.value {
            Json::Object(members) if !members.is_empty() => members,
            _ => {
                self.error(
                    "bad-condition",
                    path.clone(),
                    node.pos,
                    PolicyMessage::OperatorNotMap { operator: op_name },
                );
                return None;
            }
        };
        let family = operator.op.family();
        let mut entries = Vec::new();
        let mut ok = true;
        for m in members {
            let kpath = path.key(&m.key);
            if m.key.is_empty() {
                ok = false;
                self.error(
                    "bad-condition",
                    kpath.clone(),
                    m.key_pos,
                    PolicyMessage::EmptyConditionKey {},
                );
                continue;
            }
            let Some(values) = self.condition_values(&m.value, &kpath) else {
                ok = false;
                continue;
            };
            for (i, (value, vnode)) in values.iter().enumerate() {
                if let Err(expected) = check_value(family, value) {
                    ok = false;
                    let vpath = if matches!(m.value.value, Json::Array(_)) {
                        kpath.index(i)
                    } else {
                        kpath.clone()
                    };
                    self.error(
                        "condition-value-type",
                        vpath,
                        vnode.pos,
                        PolicyMessage::ConditionValueType {
                            operator: op_name.clone(),
                            key: m.key.clone(),
                            family: family.name().to_string(),
                            expected: Box::new(expected),
                            value: show_value(value),
                        },
                    );
                }
            }
            entries.push(ConditionEntry {
                key: m.key.clone(),
                values: values.into_iter().map(|(v, _)| v).collect(),
            });
        }
        ok.then_some(entries)
    }

    fn condition_values<'a>(
        &mut self,
        node: &'a Node,
        path: &Path,
    ) -> Option<Vec<(CondValue, &'a Node)>> {
        let scalar = |n: &Node| match &n.value {
            Json::String(s) => Some(CondValue::Text(s.clone())),
            Json::Number(s) => Some(CondValue::Number(s.clone())),
            Json::Bool(b) => Some(CondValue::Bool(*b)),
            _ => None,
        };
        if let Some(v) = scalar(node) {
            return Some(vec![(v, node)]);
        }
        let Json::Array(items) = &node.value else {
            self.error(
                "bad-condition-value",
                path.clone(),
                node.pos,
                PolicyMessage::BadConditionValue { got: got(node) },
            );
            return None;
        };
        if items.is_empty() {
            self.error(
                "bad-condition-value",
                path.clone(),
                node.pos,
                PolicyMessage::EmptyConditionValues {},
            );
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match scalar(item) {
                Some(v) => out.push((v, item)),
                None => self.error(
                    "bad-condition-value",
                    path.index(i),
                    item.pos,
                    PolicyMessage::BadConditionItem { got: got(item) },
                ),
            }
        }
        (out.len() == items.len()).then_some(out)
    }
}

/// A value as written, in short: strings in quotes, `[...]` and `{...}` for arrays and objects.
fn show(node: &Node) -> String {
    match &node.value {
        Json::String(s) => serde_json::Value::String(s.clone()).to_string(),
        Json::Number(n) => n.clone(),
        Json::Bool(b) => b.to_string(),
        Json::Null => "null".to_string(),
        Json::Array(_) => "[...]".to_string(),
        Json::Object(_) => "{...}".to_string(),
    }
}

/// A value's JSON type, named in a message.
pub(crate) fn got(node: &Node) -> Box<PolicyMessage> {
    Box::new(match node.value {
        Json::Null => PolicyMessage::TypeNull {},
        Json::Bool(_) => PolicyMessage::TypeBoolean {},
        Json::Number(_) => PolicyMessage::TypeNumber {},
        Json::String(_) => PolicyMessage::TypeString {},
        Json::Array(_) => PolicyMessage::TypeArray {},
        Json::Object(_) => PolicyMessage::TypeObject {},
    })
}

/// A condition value as written (strings in quotes).
fn show_value(value: &CondValue) -> String {
    match value {
        CondValue::Text(s) => serde_json::Value::String(s.clone()).to_string(),
        CondValue::Number(n) => n.clone(),
        CondValue::Bool(b) => b.to_string(),
    }
}
