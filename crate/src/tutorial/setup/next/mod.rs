//! `setupNext`: replays the answers received so far through the plan's decisions and says what
//! to do next: send one request, or stop (done, blocked, failed). Pure: the same answers always
//! give the same decision, so the caller keeps only the list of answers.
//!
//! Answers are `parseResponse` outputs: `{result}` (the API parsers' shapes), `{apiError}` or
//! `{error}`. A create or attach answered with `EntityAlreadyExists.*` means "already there".

use super::{read, Plan};
use crate::api::ApiResult;
use crate::error::{Error, ErrorKind, Result};
use crate::fields::{json_type, parse_object, Object};
use crate::message::{ContractMessage, SetupMessage as S};
use crate::tutorial::check::moved;
use crate::tutorial::input::only;
use serde_json::Value;

/// One received answer.
struct Received {
    id: String,
    response: Value,
    /// Its `result` read as the result of the operation's action; an error in it is reported
    /// when the replay reaches the answer (after checking it answers what was asked).
    result: Option<Result<ApiResult>>,
    path: String,
}

/// What an answer says.
enum Answer<'a> {
    /// parseResponse's result, read as the result of the operation's action.
    Success(&'a ApiResult),
    ApiError {
        code: &'a str,
        error: &'a Value,
    },
    Unreadable(&'a Value),
}

/// Why the replay stopped.
enum Stop {
    Send(String, Option<(S, Value)>),
    Blocked(&'static str, S),
    Failed(&'static str, S, Value),
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
// decisions (which take their answers through the macro above).
mod replay;
mod tasks;

/// `setupNext({plan, results})`.
pub fn next(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    only(&req, &["plan", "results"])?;
    let plan_obj = req
        .optional_object("plan")?
        .ok_or_else(|| Error::said(ErrorKind::MissingField, S::PlanMissing {}).at("$.plan"))?;
    let plan_input = plan_obj.optional_object("input")?.ok_or_else(|| {
        Error::said(ErrorKind::MissingField, S::PlanInputMissing {}).at("$.plan.input")
    })?;
    let rebased = Object::new(Value::Object(plan_input.map), "$".into())?;
    let (setup, side) = read(&rebased).map_err(|e| moved(e, &[("$", "$.plan.input")]))?;
    let plan = Plan::new(&setup, side).map_err(|e| moved(e, &[("$", "$.plan.input")]))?;
    let received = results(&req, &plan)?;
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
    Ok(replay.answer_json(stop))
}

fn results(req: &Object, plan: &Plan) -> Result<Vec<Received>> {
    let Some(value) = req.get("results") else {
        return Ok(Vec::new());
    };
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
            let obj = Object::new(item.clone(), format!("$.results[{i}]"))?;
            if let Some(key) = obj
                .map
                .keys()
                .find(|k| !["id", "response"].contains(&k.as_str()))
            {
                return Err(Error::invalid_said(
                    obj.child(key),
                    S::ResultField { field: key.clone() },
                ));
            }
            let id = obj.required_str("id")?.to_string();
            let response = obj.optional_object("response")?.ok_or_else(|| {
                Error::said(ErrorKind::MissingField, S::ResponseMissing {})
                    .at(obj.child("response"))
            })?;
            if !["result", "apiError", "error"]
                .iter()
                .any(|k| response.get(k).is_some())
            {
                return Err(Error::invalid_said(&response.path, S::ResponseShape {}));
            }
            let action = plan.operation(&id).map(|o| o.action);
            let result = response.get("result").zip(action).map(|(result, action)| {
                ApiResult::from_value(action, result.clone()).map_err(|why| {
                    let text = ContractMessage::AttemptResult {
                        action: action.name().to_string(),
                        problem: why.to_string(),
                    };
                    Error::invalid_said(format!("{}.result", response.path), text)
                })
            });
            Ok(Received {
                id,
                response: Value::Object(response.map),
                result,
                path: obj.path,
            })
        })
        .collect()
}
