//! `Condition`: known operators, each a non-empty map of keys to values of the operator's type.

use super::document::Decoder;
use super::values::{got, show_value};
use crate::message::PolicyMessage;
use crate::policy::condition::check_value;
use crate::policy::finding::Finding;
use crate::policy::json::{Json, Member, Node};
use crate::policy::model::{CondValue, ConditionBlock, ConditionEntry};
use crate::policy::operator::Operator;
use crate::policy::path::Path;
use crate::policy::suggest::closest;

impl Decoder {
    pub fn condition(&mut self, node: &Node, path: &Path) -> Option<Vec<ConditionBlock>> {
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

    pub fn condition_entries(
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

    pub fn condition_values<'a>(
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
