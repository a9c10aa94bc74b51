//! One step as a reader sees it, and what the workbench needs with it: the "Do it for me" task
//! that writes what it asks for and the checks that prove it done.

use crate::checks::CheckId;
use crate::message::TutorialMessage as M;
use crate::tutorial::console::ConsolePath;
use crate::tutorial::input::Audience;
use crate::tutorial::policies::{Document, TutorialPolicy};
use crate::tutorial::TutorialStep;
use serde::Serialize;

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

    /// The step as the contract shows it.
    pub fn answer(&self) -> StepAnswer {
        let values = self
            .values
            .iter()
            .map(|(label, value)| StepValue {
                label: label.clone(),
                value: value.clone(),
                copy: true,
            })
            .collect();
        StepAnswer {
            id: self.id,
            tutorial_step: self.tutorial_step,
            audience: self.audience.name(),
            title: self.title.clone(),
            body: self.body.clone(),
            console_path: self.console.clone(),
            values,
            policies: self.policies.iter().map(Document::answer).collect(),
            cli: self.cli.clone(),
            terraform: self.terraform.clone(),
            verify: self.verify.clone(),
            setup_task: written_by(self.id),
            proven_by: proven_by(self.id),
        }
    }
}

/// One step of `tutorialSteps`' answer.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialStep"))]
#[serde(rename_all = "camelCase")]
pub struct StepAnswer {
    /// Stable: a-create-role, a-edit-trust, a-create-policy, a-attach-policy, a-share-values, a-verify,
    /// b-create-user, b-create-policy, b-attach-policy, b-share-values, b-verify, user-sign-in,
    /// user-switch-role, user-verify.
    id: &'static str,
    /// 1: A's role; 2: B's user; 3: the switch; 4: verify.
    tutorial_step: TutorialStep,
    #[cfg_attr(test, ts(as = "Audience"))]
    audience: &'static str,
    title: M,
    /// The instructions: sentences, shown one after the other (`joinSentences`).
    body: Vec<M>,
    console_path: ConsolePath,
    /// What to paste: `value` exactly as RAM takes it, `label` from the catalogs.
    values: Vec<StepValue>,
    policies: Vec<TutorialPolicy>,
    /// aliyun CLI commands (POSIX shell).
    cli: Option<String>,
    /// alicloud provider blocks.
    terraform: Option<String>,
    verify: M,
    /// The "Do it for me" task whose outcome (created, updated, attached, already-there) does this step.
    #[cfg_attr(
        test,
        ts(type = "\"role\" | \"user\" | \"policy\" | \"attach\" | null")
    )]
    setup_task: Option<&'static str>,
    /// The checks whose pass proves this step done (every one of them that ran passed).
    #[cfg_attr(test, ts(as = "Vec<CheckId>"))]
    proven_by: &'static [CheckId],
}

/// A value to paste.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialStepValue"))]
pub struct StepValue {
    label: M,
    value: String,
    #[cfg_attr(test, ts(type = "true"))]
    copy: bool,
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
