//! `setupNext`'s answer: what each task did so far and what comes next.

use crate::message::SetupMessage as S;
use crate::tutorial::setup::operation::SetupOperation;
#[cfg(test)]
use crate::tutorial::setup::operation::SetupTask;
use serde::Serialize;
use serde_json::Value;

/// What one task did (or why it stopped).
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SetupOutcome {
    #[cfg_attr(test, ts(as = "SetupTask"))]
    pub task: &'static str,
    #[cfg_attr(
        test,
        ts(
            type = "\"checked\" | \"skipped\" | \"created\" | \"updated\" | \"attached\" | \"already-there\" | \"blocked\" | \"failed\""
        )
    )]
    pub result: &'static str,
    pub message: S,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub request_id: Option<String>,
}

impl SetupOutcome {
    /// The outcome of the task the replay stopped at.
    pub fn stop(task: &'static str, result: &'static str, message: &S) -> SetupOutcome {
        SetupOutcome {
            task,
            result,
            message: message.clone(),
            request_id: None,
        }
    }
}

/// `setupNext`'s answer.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SetupNextResult {
    /// send: `next` is the request to send; blocked: needs a person (nothing overwritten).
    #[cfg_attr(test, ts(type = "\"send\" | \"done\" | \"blocked\" | \"failed\""))]
    pub status: &'static str,
    /// The task that failed: named before the outcomes (a blocked one after the message, as
    /// `task`), the order the contract has always written.
    #[serde(rename = "task", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(skip))]
    pub failed_task: Option<&'static str>,
    pub outcomes: Vec<SetupOutcome>,
    /// Writes that changed the account (0 on a re-run over a finished account).
    pub changed: usize,
    pub message: S,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub next: Option<SetupOperation>,
    /// The task that is blocked (or, declared here too, failed).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, as = "Option<SetupTask>"))]
    pub task: Option<&'static str>,
    /// The API error a failed request answered, as parseResponse gave it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, as = "Option<crate::api::ApiError>"))]
    pub api_error: Option<Value>,
}
