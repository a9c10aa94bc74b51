//! One request of the plan (its contract input and its preview) and the tasks that group them.

use crate::api::{self, Action, Service};
use crate::message::SetupMessage as S;
use serde::Serialize;
use serde_json::{Map, Value};

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
    pub fn request(&self) -> Map<String, Value> {
        let mut map = Map::new();
        map.insert("action".into(), self.action.name().into());
        for (name, value) in &self.fields {
            map.insert((*name).into(), value.as_str().into());
        }
        map
    }

    /// The exact API parameters of the action (common ones such as AccessKeyId, Timestamp,
    /// SignatureNonce and Signature are added when it is signed and are never shown).
    fn params(&self) -> Map<String, Value> {
        let mut map = Map::new();
        map.insert("Action".into(), self.action.name().into());
        for (name, value) in &self.fields {
            let param = api::field_spec(self.action, name).map_or(*name, |f| f.param);
            map.insert(param.into(), value.as_str().into());
        }
        map
    }

    /// The operation as the contract shows it; `replaces` adds to an update's preview what it
    /// replaces.
    pub fn answer(&self, replaces: Option<Replacing>) -> SetupOperation {
        let service = match self.action.service() {
            Service::Sts => "STS",
            Service::Ram => "RAM",
            Service::Oss => "OSS",
        };
        let (note, replaces) = match replaces {
            Some(Replacing { note, replaces }) => (Some(note), Some(replaces)),
            None => (None, None),
        };
        SetupOperation {
            id: self.id,
            task: self.task,
            kind: if self.write { "write" } else { "read" },
            action: self.action.name(),
            request: self.request(),
            preview: SetupPreview {
                service,
                method: "POST",
                params: self.params(),
                summary: self.summary.clone(),
                when: self.when.clone(),
                note,
                replaces,
            },
        }
    }
}

/// What an UpdateRole replaces: a sentence saying so, and the data.
pub struct Replacing {
    pub note: S,
    pub replaces: SetupReplaces,
}

/// One request of a setup plan: `request` is a `request()` input without credentials, time, nonce.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SetupOperation {
    /// `<task>.<what>`: identity.read, role.read, role.create, role.update, role.recheck, user.read,
    /// user.create, policy.read, policy.create, policy.recheck, attach.read, attach.write.
    id: &'static str,
    #[cfg_attr(test, ts(as = "SetupTask"))]
    task: &'static str,
    #[cfg_attr(test, ts(type = "\"read\" | \"write\""))]
    kind: &'static str,
    #[cfg_attr(test, ts(as = "api::Action"))]
    action: &'static str,
    #[cfg_attr(test, ts(type = "{ action: ActionName; [field: string]: string }"))]
    request: Map<String, Value>,
    preview: SetupPreview,
}

/// What the person is shown before a request is sent.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SetupPreview {
    #[cfg_attr(test, ts(type = "\"STS\" | \"RAM\""))]
    service: &'static str,
    #[cfg_attr(test, ts(type = "\"POST\""))]
    method: &'static str,
    /// The action's exact API parameters (common and signature parameters are never shown).
    #[cfg_attr(test, ts(type = "Record<string, string>"))]
    params: Map<String, Value>,
    /// The request's title (a label, `core_setup_title_...`).
    summary: S,
    /// When it is sent (a fragment, `core_setup_when_...`).
    when: S,
    /// UpdateRole only: a sentence saying it replaces the trust policy and who loses access.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    note: Option<S>,
    /// UpdateRole only: the trust policy it replaces and the principals that lose access.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    replaces: Option<SetupReplaces>,
}

/// The trust policy an UpdateRole replaces and the principals that lose access.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SetupReplaces {
    pub current: String,
    pub drops: Vec<String>,
}

/// The task a request belongs to (an operation id's first part), as the contract names it.
#[cfg(test)]
#[derive(ts_rs::TS)]
#[ts(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum SetupTask {
    Identity,
    Role,
    User,
    Policy,
    Attach,
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
