//! `setupNext`: replays the answers received so far through the plan's decisions and says what
//! to do next: send one request, or stop (done, blocked, failed). Pure: the same answers always
//! give the same decision, so the caller keeps only the list of answers.
//!
//! Answers are `parseResponse` outputs: `{result}` (the API parsers' shapes), `{apiError}` or
//! `{error}`. A create or attach answered with `EntityAlreadyExists.*` means "already there".

use super::{read, Plan};
use crate::api::ApiResult;
use crate::error::{Error, ErrorKind, Result};
use crate::message::{ContractMessage, SetupMessage as S};
use crate::read::json_type;
use crate::read::Later;
use crate::read::{object, parse_json, read_value, Unknown};
use crate::tutorial::check::moved;
use crate::tutorial::input::unknown_field;
use crate::tutorial::setup::operation::Replacing;
use serde_json::Value;

pub mod answer;
pub mod input;
use answer::SetupNextResult;
use input::{SetupNextInput, SetupResponse, SetupResult};
use reply::{ApiFailure, Failure};

/// One received answer.
struct Received {
    id: String,
    reply: Reply,
    path: String,
}

/// What a received answer holds.
enum Reply {
    /// Its `result` read as the result of the operation's action; an error in it is reported
    /// when the replay reaches the answer (after checking it answers what was asked).
    Result(Result<ApiResult>),
    Failure(Failure),
}

/// What an answer says.
enum Answer<'a> {
    /// parseResponse's result, read as the result of the operation's action.
    Success(&'a ApiResult),
    ApiError {
        code: &'a str,
        error: &'a ApiFailure,
    },
    /// The words a core error (or what stood in its place) gave.
    Unreadable(&'a Value),
}

/// Why the replay stopped.
enum Stop {
    Send(String, Option<Replacing>),
    Blocked(&'static str, S),
    /// With the API error to pass on, if any.
    Failed(&'static str, S, Option<Value>),
}

#[derive(Debug)]
struct Outcome {
    task: &'static str,
    result: &'static str,
    message: S,
    request_id: Option<String>,
}

struct Replay<'a> {
    plan: &'a Plan,
    received: &'a [Received],
    at: usize,
    outcomes: Vec<Outcome>,
}

/// The answer to `id`, or `None` when it has not been sent yet.
macro_rules! answer {
    ($replay:expr, $id:expr) => {
        match $replay.take($id)? {
            Some(answer) => answer,
            None => return Ok(Some(Stop::Send($id.to_string(), None))),
        }
    };
}

// The replay itself (taking answers, the stop and the answer it gives), then each task's
// decisions (which take their answers through the macro above); what a failure says.
mod replay;
mod reply;
mod tasks;

/// `setupNext({plan, results})`.
pub fn next(text: &str) -> Result<SetupNextResult> {
    let given: SetupNextInput = read_value(&parse_json(text)?, "$", Some(&unknown_field))?;
    let plan = given
        .plan
        .ok_or_else(|| Error::said(ErrorKind::MissingField, S::PlanMissing {}).at("$.plan"))?;
    let plan_input = plan.input.ok_or_else(|| {
        Error::said(ErrorKind::MissingField, S::PlanInputMissing {}).at("$.plan.input")
    })?;
    // Read as a setupPlan input of its own, its errors then placed under `$.plan.input`.
    let plan_input = plan_input.given();
    object(plan_input, "$.plan.input")?;
    let (setup, side) = read(plan_input).map_err(|e| moved(e, &[("$", "$.plan.input")]))?;
    let plan = Plan::new(&setup, side).map_err(|e| moved(e, &[("$", "$.plan.input")]))?;
    let received = results(given.results.as_ref(), &plan)?;
    let mut replay = Replay {
        plan: &plan,
        received: &received,
        at: 0,
        outcomes: Vec::new(),
    };
    let stop = replay.run()?;
    // A plan that stopped (done, blocked, failed) asked for nothing more.
    if !matches!(stop, Some(Stop::Send(..))) {
        if let Some(extra) = received.get(replay.at) {
            return Err(Error::invalid_said(
                format!("{}.id", extra.path),
                S::AnswerAfterStop {
                    id: extra.id.clone(),
                },
            ));
        }
    }
    Ok(replay.answer(stop))
}

/// An unknown field of a received answer.
fn result_field(u: Unknown<'_>) -> Error {
    let text = S::ResultField {
        field: u.field.to_string(),
    };
    Error::invalid_said(u.path, text)
}

fn results(given: Option<&Later<Vec<SetupResult>>>, plan: &Plan) -> Result<Vec<Received>> {
    let Some(given) = given else {
        return Ok(Vec::new());
    };
    // The list's type is worded by setupNext itself; each answer is read in its turn.
    let value = given.given();
    let items = value.as_array().ok_or_else(|| {
        Error::invalid_said(
            "$.results",
            S::ResultsNotArray {
                got: Box::new(json_type(value)),
            },
        )
    })?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let path = format!("$.results[{i}]");
            let answer: SetupResult = read_value(item, &path, Some(&result_field))?;
            let response_path = format!("{path}.response");
            let Some(response) = answer.response else {
                return Err(
                    Error::said(ErrorKind::MissingField, S::ResponseMissing {}).at(response_path)
                );
            };
            let parts: SetupResponse = response.read(&response_path, None)?;
            let SetupResponse {
                result,
                api_error,
                error,
            } = parts;
            if result.is_none() && api_error.is_none() && error.is_none() {
                return Err(Error::invalid_said(&response_path, S::ResponseShape {}));
            }
            let action = plan.operation(&answer.id).map(|o| o.action);
            let reply = match result.zip(action) {
                Some((result, action)) => {
                    Reply::Result(ApiResult::from_value(action, result).map_err(|why| {
                        let text = ContractMessage::AttemptResult {
                            action: action.name().to_string(),
                            problem: why.to_string(),
                        };
                        Error::invalid_said(format!("{response_path}.result"), text)
                    }))
                }
                None => Reply::Failure(Failure::read(response.given())),
            };
            Ok(Received {
                id: answer.id,
                reply,
                path,
            })
        })
        .collect()
}
