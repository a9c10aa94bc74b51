//! One request of the plan (its contract input and its preview) and the tasks that group them.

use crate::api::{self, Action, Service};
use crate::message::SetupMessage as S;
use serde_json::{json, Map, Value};

/// One request the plan may send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// `<task>.<what>`, e.g. `role.create`.
    pub id: &'static str,
    pub task: &'static str,
    pub write: bool,
    pub action: Action,
    /// Contract fields (camelCase) and values, in the API's order.
    pub fields: Vec<(&'static str, String)>,
    pub summary: S,
    /// When it is sent.
    pub when: S,
}

impl Operation {
    /// The `request` contract input, minus credentials, time and nonce.
    pub fn request(&self) -> Value {
        let mut map = Map::new();
        map.insert("action".into(), json!(self.action.name()));
        for (name, value) in &self.fields {
            map.insert((*name).into(), json!(value));
        }
        Value::Object(map)
    }

    /// The exact API parameters of the action (common ones such as AccessKeyId, Timestamp,
    /// SignatureNonce and Signature are added when it is signed and are never shown).
    fn params(&self) -> Value {
        let mut map = Map::new();
        map.insert("Action".into(), json!(self.action.name()));
        for (name, value) in &self.fields {
            let param = api::field_spec(self.action, name).map_or(*name, |f| f.param);
            map.insert(param.into(), json!(value));
        }
        Value::Object(map)
    }

    /// The operation as the contract shows it; `extra` adds to the preview (what an update
    /// replaces: a note and the data).
    pub fn to_json(&self, extra: Option<(S, Value)>) -> Value {
        let service = match self.action.service() {
            Service::Sts => "STS",
            Service::Ram => "RAM",
            Service::Oss => "OSS",
        };
        let mut preview = json!({
            "service": service,
            "method": "POST",
            "params": self.params(),
            "summary": self.summary,
            "when": self.when,
        });
        if let Some((note, replaces)) = extra {
            preview["note"] = json!(note);
            preview["replaces"] = replaces;
        }
        json!({
            "id": self.id,
            "task": self.task,
            "kind": if self.write { "write" } else { "read" },
            "action": self.action.name(),
            "request": self.request(),
            "preview": preview,
        })
    }
}

/// A group of operations that brings one thing into place (the role, the policy, ...).
#[derive(Debug, Clone)]
pub struct Task {
    pub id: &'static str,
    pub title: S,
    pub operations: Vec<Operation>,
}

pub fn op(
    id: &'static str,
    write: bool,
    action: Action,
    fields: Vec<(&'static str, String)>,
    summary: S,
    when: S,
) -> Operation {
    let task = id.split('.').next().unwrap_or(id);
    Operation {
        id,
        task,
        write,
        action,
        fields,
        summary,
        when,
    }
}

pub fn always() -> S {
    S::WhenAlways {}
}
