//! What was written, as the problems name it: a value in short, its JSON type, a condition
//! value; and an object's member by name.

use crate::message::PolicyMessage;
use crate::policy::json::{Json, Member, Node};
use crate::policy::model::CondValue;

/// The member of an object named `key`.
pub fn member<'a>(node: &'a Node, key: &str) -> Option<&'a Member> {
    match &node.value {
        Json::Object(members) => members.iter().find(|m| m.key == key),
        _ => None,
    }
}

/// A value as written, in short: strings in quotes, `[...]` and `{...}` for arrays and objects.
pub fn show(node: &Node) -> String {
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
pub fn got(node: &Node) -> Box<PolicyMessage> {
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
pub fn show_value(value: &CondValue) -> String {
    match value {
        CondValue::Text(s) => serde_json::Value::String(s.clone()).to_string(),
        CondValue::Number(n) => n.clone(),
        CondValue::Bool(b) => b.to_string(),
    }
}
