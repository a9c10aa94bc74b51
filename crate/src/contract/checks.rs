//! `checksPlan`, `checksNext`, `checksDiagnose`, `checksRetry`: the verification checks behind
//! the JSON contract (see crate::checks and the README).

use crate::api::Action;
use crate::checks::graph::NextRequest;
use crate::checks::{self, facts, known, retry, CheckInputs, Facts};
use crate::error::{Error, ErrorKind, Result};
use crate::message::{ApiMessage, ContractMessage};
use crate::read::{parse_json, read_value, Unknown, What};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `checksPlan`: the inputs object itself.
pub fn plan(input: &str) -> Result<Value> {
    let inputs = CheckInputs::read(&parse_json(input)?, "$")?;
    Ok(super::policy::values::to_value(&checks::plan::plan(
        &inputs,
    )))
}

/// What checksNext and checksDiagnose are given: what to verify and what happened so far.
// The inputs are read once the state's fields are known, then the facts.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ChecksState {
    /// checksPlan's input.
    #[cfg_attr(test, ts(as = "checks::inputs::InputFields"))]
    inputs: Option<Value>,
    #[cfg_attr(test, ts(optional, as = "Option<facts::FactsInput>"))]
    facts: Option<Value>,
}

/// `checksNext`'s answer.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChecksNextResult {
    /// Independent of each other (may be sent in parallel).
    next: Vec<NextRequest>,
    done: bool,
}

/// `checksRetry`'s input: the attempt that just ended.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ChecksRetryInput {
    action: Action,
    /// The 1-based number of the attempt that just ended.
    #[cfg_attr(test, ts(as = "u32"))]
    attempt: AttemptNumber,
    // Read once the action is known.
    #[cfg_attr(test, ts(as = "facts::AttemptFields"))]
    outcome: Value,
}

/// An attempt's number: 1 or more.
struct AttemptNumber(u32);

impl<'de> Deserialize<'de> for AttemptNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let n = i64::deserialize(d)?;
        u32::try_from(n)
            .ok()
            .filter(|n| *n >= 1)
            .map(AttemptNumber)
            .ok_or_else(|| serde::de::Error::invalid_value(serde::de::Unexpected::Signed(n), &"1+"))
    }
}

/// A field `command` does not take, an unknown action or an attempt number below 1.
fn refused(command: &'static str) -> impl Fn(Unknown<'_>) -> Error {
    move |u| match u.what {
        What::Name => super::parse::unknown_action(u.field),
        What::Value => {
            let text = ContractMessage::AttemptNumber {
                value: u.field.to_string(),
            };
            Error::invalid_said(u.path, text)
        }
        What::Field => {
            let text = ApiMessage::UnknownField {
                command: command.into(),
                field: u.field.into(),
                fields: u.expected.join(", "),
            };
            Error::invalid_said(u.path, text)
        }
    }
}

/// `{inputs, facts}` of checksNext and checksDiagnose (`command`).
fn state(input: &str, command: &'static str) -> Result<(CheckInputs, Facts)> {
    let state: ChecksState = read_value(&parse_json(input)?, "$", Some(&refused(command)))?;
    let inputs = state.inputs.ok_or_else(|| {
        let text = ContractMessage::InputsMissing {
            command: "checksPlan".into(),
        };
        Error::said(ErrorKind::MissingField, text).at("$.inputs")
    })?;
    let inputs = CheckInputs::read(&inputs, "$.inputs")?;
    let facts = Facts::read(state.facts.as_ref(), "$.facts", known::id::action)?;
    Ok((inputs, facts))
}

/// `checksNext`: `{next: [...], done}`.
pub fn next(input: &str) -> Result<Value> {
    let (inputs, facts) = state(input, "checksNext")?;
    let (next, done) = checks::next(&inputs, &facts);
    Ok(super::policy::values::to_value(&ChecksNextResult {
        next,
        done,
    }))
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
    let req: ChecksRetryInput =
        read_value(&parse_json(input)?, "$", Some(&refused("checksRetry")))?;
    let seen = facts::read_attempt(&req.outcome, "$.outcome", req.action)?;
    Ok(super::policy::values::to_value(&retry::decide(
        req.action,
        req.attempt.0,
        &seen.outcome,
    )))
}
