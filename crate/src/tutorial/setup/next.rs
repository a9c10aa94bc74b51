//! `setupNext`: replays the answers received so far through the plan's decisions and says what
//! to do next: send one request, or stop (done, blocked, failed). Pure: the same answers always
//! give the same decision, so the caller keeps only the list of answers.
//!
//! Answers are `parseResponse` outputs: `{result}` (the API parsers' shapes), `{apiError}` or
//! `{error}`. A create or attach answered with `EntityAlreadyExists.*` means "already there".
//!
//! This file reads the input; `replay.rs` takes the answers in order and writes the decision,
//! `decisions.rs` holds what each task's answers decide.

use super::replay::{Received, Replay, Stop};
use super::{read, Plan};
use crate::error::{Error, ErrorKind, Result};
use crate::fields::{json_type, parse_object, Object};
use crate::message::SetupMessage as S;
use crate::tutorial::check::moved;
use crate::tutorial::input::only;
use serde_json::Value;

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
    let received = results(&req)?;
    let mut replay = Replay::new(&plan, &received);
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

fn results(req: &Object) -> Result<Vec<Received>> {
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
            Ok(Received {
                id,
                response: Value::Object(response.map),
                path: obj.path,
            })
        })
        .collect()
}
