//! The replay of `setupNext`: takes the received answers in order, records what each task did,
//! names a stop, and writes the answer the contract gives.

use super::answer::{SetupNextResult, SetupOutcome};
use super::reply::Failure;
use super::{Answer, Outcome, Received, Replay, Reply, Stop};
use crate::api::{ApiResult, PolicyListResult};
use crate::error::{Error, Result};
use crate::message::SetupMessage as S;
use crate::tutorial::setup::Operation;

impl<'a> Replay<'a> {
    /// The next received answer if it answers `id`; an error if it answers something else.
    pub(super) fn take(&mut self, id: &str) -> Result<Option<Answer<'a>>> {
        let received: &'a [Received] = self.received;
        let Some(r) = received.get(self.at) else {
            return Ok(None);
        };
        if r.id != id {
            return Err(Error::invalid_said(
                format!("{}.id", r.path),
                S::WrongAnswer {
                    expected: id.into(),
                    got: r.id.clone(),
                },
            ));
        }
        self.at += 1;
        Ok(Some(match &r.reply {
            // Every id the replay takes is one of the plan's operations: its result was read.
            Reply::Result(result) => Answer::Success(result.as_ref().map_err(Clone::clone)?),
            Reply::Failure(Failure::Api(error)) => Answer::ApiError {
                code: &error.code,
                error,
            },
            Reply::Failure(Failure::Unreadable(reason)) => Answer::Unreadable(reason),
        }))
    }

    /// `request_id`: the answer's (a result's, or an API error's).
    pub(super) fn done(
        &mut self,
        task: &'static str,
        result: &'static str,
        message: S,
        request_id: Option<&str>,
    ) {
        let request_id = request_id.map(str::to_string);
        self.outcomes.push(Outcome {
            task,
            result,
            message,
            request_id,
        });
    }

    pub(super) fn op(&self, id: &str) -> Option<&'a Operation> {
        self.plan.operation(id)
    }

    /// A stop for an answer that is not one of the expected ones.
    pub(super) fn failed(&self, task: &'static str, id: &str, answer: &Answer) -> Stop {
        let action = self.op(id).map_or(id, |o| o.action.name()).to_string();
        match answer {
            Answer::ApiError { code, error } => {
                let (code, message) = (code.to_string(), error.message.clone());
                // The API error's hint is a catalog message (api/hints.rs), passed on as it came.
                let said = match &error.hint {
                    Some(hint) => S::FailedApiHint {
                        action,
                        code,
                        message,
                        hint: hint.clone(),
                    },
                    None => S::FailedApi {
                        action,
                        code,
                        message,
                    },
                };
                Stop::Failed(task, said, Some(error.given.clone()))
            }
            Answer::Unreadable(reason) => {
                let reason = (*reason).clone();
                Stop::Failed(task, S::FailedUnreadable { action, reason }, None)
            }
            Answer::Success(_) => Stop::Failed(task, S::FailedUnexpected { action }, None),
        }
    }

    pub(super) fn run(&mut self) -> Result<Option<Stop>> {
        let tasks: Vec<&'static str> = self.plan.tasks.iter().map(|t| t.id).collect();
        for task in tasks {
            let stop = match task {
                "identity" => self.identity()?,
                "role" => self.role()?,
                "user" => self.user()?,
                "policy" => self.policy()?,
                "attach" => self.attach()?,
                _ => None,
            };
            if stop.is_some() {
                return Ok(stop);
            }
        }
        Ok(None)
    }

    /// The result of the user read (B), when it succeeded.
    pub(super) fn user_listing(&self) -> Option<&'a PolicyListResult> {
        let received: &'a [Received] = self.received;
        let read = received.iter().find(|r| r.id == "user.read")?;
        match &read.reply {
            Reply::Result(Ok(ApiResult::Policies(listed))) => Some(listed),
            _ => None,
        }
    }

    fn changed(&self) -> usize {
        self.outcomes
            .iter()
            .filter(|o| matches!(o.result, "created" | "updated" | "attached"))
            .count()
    }

    pub(super) fn answer(&self, stop: Option<Stop>) -> SetupNextResult {
        let mut outcomes: Vec<SetupOutcome> = self
            .outcomes
            .iter()
            .map(|o| SetupOutcome {
                task: o.task,
                result: o.result,
                message: o.message.clone(),
                request_id: o.request_id.clone(),
            })
            .collect();
        let changed = self.changed();
        let mut answer = SetupNextResult {
            status: "done",
            failed_task: None,
            outcomes: Vec::new(),
            changed,
            message: S::DoneNothing {},
            next: None,
            task: None,
            api_error: None,
        };
        match stop {
            None if changed == 0 => {}
            None => answer.message = S::DoneChanged { count: changed },
            Some(Stop::Send(id, replaces)) => {
                // Every id the replay asks for is one of the plan's operations.
                let op = self.op(&id);
                let request = op.map_or(S::TitleReadIdentity {}, |o| o.summary.clone());
                answer.status = "send";
                answer.message = S::Next {
                    request: Box::new(request),
                };
                answer.next = op.map(|o| o.answer(replaces));
            }
            Some(Stop::Blocked(task, message)) => {
                outcomes.push(SetupOutcome::stop(task, "blocked", &message));
                answer.status = "blocked";
                answer.message = message;
                answer.task = Some(task);
            }
            Some(Stop::Failed(task, message, api_error)) => {
                outcomes.push(SetupOutcome::stop(task, "failed", &message));
                answer.status = "failed";
                answer.message = message;
                answer.failed_task = Some(task);
                answer.api_error = api_error.filter(|e| !e.is_null());
            }
        }
        answer.outcomes = outcomes;
        answer
    }
}
