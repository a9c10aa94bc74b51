//! The steps of a complete input, as `tutorialSteps` answers them: the reader's steps, the
//! outline, the values, the troubleshooting list and the checks' inputs. The draft calls it too,
//! with stand-ins for what is missing.

use super::input::{self, Audience, Setup};
use super::numbering::TutorialStep;
use super::steps;
use crate::error::{Error, ErrorKind, Result};
use crate::message::TutorialMessage as M;
use serde_json::{json, Value};

/// The steps of a complete input (`tutorialSteps`' JSON, parsed).
pub fn steps_json(given: &Value) -> Result<Value> {
    let setup = input::read(&input::tutorial_input(given)?, true)?;
    let audience = setup.audience.unwrap_or(Audience::CompanyA);
    require_user(&setup, audience == Audience::CompanyB)?;
    let docs = steps::Docs::build(&setup)?;
    let reader_steps = steps::for_audience(&setup, audience, &docs);
    // The tutorial steps this reader's tasks belong to, in order: the page groups tasks by them.
    let mut outline: Vec<TutorialStep> = reader_steps.iter().map(|s| s.tutorial_step).collect();
    outline.dedup();
    let steps: Vec<steps::StepAnswer> = reader_steps.iter().map(steps::Step::answer).collect();
    let troubleshooting: Vec<Value> = steps::troubleshooting(&setup)
        .iter()
        .map(steps::Trouble::to_json)
        .collect();
    Ok(json!({
        "audience": audience.name(),
        "site": setup.site.name(),
        "values": steps::values_json(&setup),
        "outline": outline.iter().map(|s| s.to_json()).collect::<Vec<Value>>(),
        "steps": steps,
        "troubleshooting": troubleshooting,
        "checkInputs": steps::check_inputs_json(&setup, &docs),
    }))
}

/// B's user must be named for B's own steps (it is created there).
pub fn require_user(setup: &Setup, needed: bool) -> Result<()> {
    if needed && setup.user_name.is_none() {
        return Err(Error::said(ErrorKind::MissingField, M::InputUserMissing {}).at("$.userName"));
    }
    Ok(())
}
