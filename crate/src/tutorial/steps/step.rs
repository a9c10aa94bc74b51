//! One step as a reader sees it, and what the workbench needs with it: the "Do it for me" task
//! that writes what it asks for and the checks that prove it done.

use crate::checks::CheckId;
use crate::message::TutorialMessage as M;
use crate::tutorial::console::ConsolePath;
use crate::tutorial::input::Audience;
use crate::tutorial::policies::Document;
use crate::tutorial::TutorialStep;
use serde_json::{json, Value};

/// One step of the tutorial as a reader sees it.
#[derive(Debug, Clone)]
pub struct Step {
    /// Stable id (the workbench keys progress on it).
    pub id: &'static str,
    /// The tutorial step this task belongs to.
    pub tutorial_step: TutorialStep,
    pub audience: Audience,
    pub title: M,
    /// Its instructions, one sentence (or a few) per message.
    pub body: Vec<M>,
    pub console: ConsolePath,
    /// (label, value to paste).
    pub values: Vec<(M, String)>,
    pub policies: Vec<Document>,
    pub cli: Option<String>,
    pub terraform: Option<String>,
    pub verify: M,
}

impl Step {
    /// A step with its texts; values, policies, CLI and Terraform are added by the caller.
    pub fn new(
        id: &'static str,
        tutorial_step: TutorialStep,
        audience: Audience,
        title: M,
        body: Vec<M>,
        console: ConsolePath,
        verify: M,
    ) -> Step {
        Step {
            id,
            tutorial_step,
            audience,
            title,
            body,
            console,
            values: Vec::new(),
            policies: Vec::new(),
            cli: None,
            terraform: None,
            verify,
        }
    }

    pub fn to_json(&self) -> Value {
        let values: Vec<Value> = self
            .values
            .iter()
            .map(|(label, value)| json!({ "label": label, "value": value, "copy": true }))
            .collect();
        let policies: Vec<Value> = self.policies.iter().map(Document::to_json).collect();
        json!({
            "id": self.id,
            "tutorialStep": self.tutorial_step,
            "audience": self.audience.name(),
            "title": self.title,
            "body": self.body,
            "consolePath": self.console.to_json(),
            "values": values,
            "policies": policies,
            "cli": self.cli,
            "terraform": self.terraform,
            "verify": self.verify,
            "setupTask": written_by(self.id),
            "provenBy": proven_by(self.id),
        })
    }
}

/// The "Do it for me" task (`setupNext`'s outcome `task`) that writes what this step asks for:
/// when it created, updated, attached or found it, the step is done.
fn written_by(id: &str) -> Option<&'static str> {
    match id {
        "a-create-role" | "a-edit-trust" => Some("role"),
        "b-create-user" => Some("user"),
        "a-create-policy" | "b-create-policy" => Some("policy"),
        "a-attach-policy" | "b-attach-policy" => Some("attach"),
        _ => None,
    }
}

/// The checks whose pass proves this step done (all of those that ran passed).
fn proven_by(id: &str) -> &'static [CheckId] {
    use CheckId::{
        AssumeRole, Identity, ListBuckets, ListObjects, RoleExists, RoleOssAccess, TrustTrustsB,
        UserMayAssume,
    };
    match id {
        "a-create-role" => &[RoleExists, TrustTrustsB],
        "a-edit-trust" => &[TrustTrustsB],
        "a-create-policy" | "a-attach-policy" => &[RoleOssAccess],
        "a-verify" => &[RoleExists, TrustTrustsB, RoleOssAccess],
        "b-create-user" | "user-sign-in" => &[Identity],
        "b-create-policy" | "b-attach-policy" => &[UserMayAssume],
        "b-verify" => &[Identity, UserMayAssume],
        "user-switch-role" => &[AssumeRole],
        "user-verify" => &[ListBuckets, ListObjects],
        _ => &[],
    }
}

/// A labelled value.
pub fn value(label: M, value: impl Into<String>) -> (M, String) {
    (label, value.into())
}
