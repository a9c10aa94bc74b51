//! `Action`/`NotAction` and `Resource`/`NotResource`: exactly one of each pair, each value a
//! well-formed action or ARN; also the string-or-array reading that principals share.

use super::document::Decoder;
use super::values::{got, member};
use crate::message::PolicyMessage;
use crate::policy::finding::Finding;
use crate::policy::json::{Json, Node, Pos};
use crate::policy::model::Targets;
use crate::policy::names::{check_action, check_resource, Bad};
use crate::policy::path::Path;

impl Decoder {
    /// `Action`/`NotAction` or `Resource`/`NotResource`: exactly one of the pair (when required).
    /// Returns `None` on a problem, `Some(None)` when neither is present and none is required.
    pub fn targets(
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

    pub fn bad_name(&mut self, code: &'static str, path: Path, pos: Pos, bad: Bad) {
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
    pub fn string_list<'a>(
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
}
