//! `checksPlan`, `checksNext`, `checksDiagnose`, `checksRetry`: the verification checks behind
//! the JSON contract (see crate::checks and the README).

use crate::api::Action;
use crate::checks::{self, facts, known, retry, CheckInputs, Facts};
use crate::error::{Error, ErrorKind, Result};
use crate::fields::{parse_object, Object};
use crate::message::{ApiMessage, ContractMessage};
use serde_json::{json, Value};

/// `checksPlan`: the inputs object itself.
pub fn plan(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    let inputs = CheckInputs::read(&Value::Object(req.map), "$")?;
    Ok(checks::plan::plan(&inputs))
}

/// A field `command` does not take, with the fields it does take.
fn unknown_field(req: &Object, command: &str, key: &str, fields: &str) -> Error {
    let text = ApiMessage::UnknownField {
        command: command.into(),
        field: key.into(),
        fields: fields.into(),
    };
    Error::invalid_said(req.child(key), text)
}

/// `{inputs, facts}` of checksNext and checksDiagnose (`command`).
fn state(input: &str, command: &str) -> Result<(CheckInputs, Facts)> {
    let req = parse_object(input)?;
    if let Some(key) = req
        .map
        .keys()
        .find(|k| !matches!(k.as_str(), "inputs" | "facts"))
    {
        return Err(unknown_field(&req, command, key, "inputs, facts"));
    }
    let inputs = req.get("inputs").ok_or_else(|| {
        let text = ContractMessage::InputsMissing {
            command: "checksPlan".into(),
        };
        Error::said(ErrorKind::MissingField, text).at("$.inputs")
    })?;
    let inputs = CheckInputs::read(inputs, "$.inputs")?;
    let facts = Facts::read(req.get("facts"), "$.facts", known::id::action)?;
    Ok((inputs, facts))
}

/// `checksNext`: `{next: [...], done}`.
pub fn next(input: &str) -> Result<Value> {
    let (inputs, facts) = state(input, "checksNext")?;
    let (next, done) = checks::next(&inputs, &facts);
    Ok(json!({ "next": next, "done": done }))
}

/// `checksDiagnose`: the report.
pub fn diagnose(input: &str) -> Result<Value> {
    Ok(super::policy::values::to_value(&diagnosis(input)?))
}

/// `checksDiagnose`'s report, typed (the CLI renders it).
pub fn diagnosis(input: &str) -> Result<checks::Diagnosis> {
    let (inputs, facts) = state(input, "checksDiagnose")?;
    Ok(checks::diagnose(&inputs, &facts))
}

/// `checksRetry`: `{action, attempt, outcome}` -> `{retry, delayMs?, kind, reason}`.
pub fn retry(input: &str) -> Result<Value> {
    let req: Object = parse_object(input)?;
    if let Some(key) = req
        .map
        .keys()
        .find(|k| !matches!(k.as_str(), "action" | "attempt" | "outcome"))
    {
        return Err(unknown_field(
            &req,
            "checksRetry",
            key,
            "action, attempt, outcome",
        ));
    }
    let name = req.required_str("action")?;
    let action = Action::from_name(name).ok_or_else(|| {
        let text = ApiMessage::UnknownAction {
            action: name.into(),
            known: Action::known_names(),
        };
        Error::said(ErrorKind::Unsupported, text).at("$.action")
    })?;
    let attempt = req.required_i64("attempt")?;
    let attempt = u32::try_from(attempt)
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| {
            let text = ContractMessage::AttemptNumber {
                value: attempt.to_string(),
            };
            Error::invalid_said("$.attempt", text)
        })?;
    let outcome = req
        .get("outcome")
        .ok_or_else(|| Error::missing("$.outcome"))?;
    let attempt_seen = facts::read_attempt(outcome, "$.outcome", action)?;
    Ok(super::policy::values::to_value(&retry::decide(
        action,
        attempt,
        &attempt_seen.outcome,
    )))
}
