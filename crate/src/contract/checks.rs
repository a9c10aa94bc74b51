//! `checksPlan`, `checksNext`, `checksDiagnose`, `checksRetry`: the verification checks behind
//! the JSON contract (see crate::checks and the README).

use super::fields::{parse_object, Object};
use crate::api::Action;
use crate::checks::{self, facts, known, retry, CheckInputs, Facts};
use crate::error::{Error, ErrorKind, Result};
use serde_json::{json, Value};

/// `checksPlan`: the inputs object itself.
pub fn plan(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    let inputs = CheckInputs::read(&Value::Object(req.map), "$")?;
    Ok(checks::plan::plan(&inputs))
}

/// `{inputs, facts}` of checksNext and checksDiagnose.
fn state(input: &str) -> Result<(CheckInputs, Facts)> {
    let req = parse_object(input)?;
    if let Some(key) = req
        .map
        .keys()
        .find(|k| !matches!(k.as_str(), "inputs" | "facts"))
    {
        return Err(Error::invalid(
            req.child(key),
            format!("the checks state is {{\"inputs\", \"facts\"}}; it has no field {key:?}"),
        ));
    }
    let inputs = req.get("inputs").ok_or_else(|| {
        Error::missing("$.inputs")
            .with_message("missing $.inputs: the same object given to checksPlan")
    })?;
    let inputs = CheckInputs::read(inputs, "$.inputs")?;
    let facts = Facts::read(req.get("facts"), "$.facts", known::id::is_valid)?;
    Ok((inputs, facts))
}

/// `checksNext`: `{next: [...], done}`.
pub fn next(input: &str) -> Result<Value> {
    let (inputs, facts) = state(input)?;
    let (next, done) = checks::next(&inputs, &facts);
    Ok(json!({ "next": next, "done": done }))
}

/// `checksDiagnose`: the report.
pub fn diagnose(input: &str) -> Result<Value> {
    let (inputs, facts) = state(input)?;
    Ok(super::policy::values::to_value(&checks::diagnose(
        &inputs, &facts,
    )))
}

/// `checksRetry`: `{action, attempt, outcome}` -> `{retry, delayMs?, kind, reason}`.
pub fn retry(input: &str) -> Result<Value> {
    let req: Object = parse_object(input)?;
    if let Some(key) = req
        .map
        .keys()
        .find(|k| !matches!(k.as_str(), "action" | "attempt" | "outcome"))
    {
        return Err(Error::invalid(
            req.child(key),
            format!("checksRetry takes {{\"action\", \"attempt\", \"outcome\"}}; it has no field {key:?}"),
        ));
    }
    let name = req.required_str("action")?;
    let action = Action::from_name(name).ok_or_else(|| {
        Error::new(
            ErrorKind::Unsupported,
            format!("unknown action {name:?}: {}", Action::known_names()),
        )
        .at("$.action")
    })?;
    let attempt = req.required_i64("attempt")?;
    let attempt = u32::try_from(attempt)
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| {
            Error::invalid(
                "$.attempt",
                format!(
                    "attempt is the 1-based number of the attempt that just ended, got {attempt}"
                ),
            )
        })?;
    let outcome = req
        .get("outcome")
        .ok_or_else(|| Error::missing("$.outcome"))?;
    let attempt_seen = facts::read_attempt(outcome, "$.outcome")?;
    Ok(super::policy::values::to_value(&retry::decide(
        action,
        attempt,
        &attempt_seen.outcome,
    )))
}
