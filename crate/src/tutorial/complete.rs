//! The steps of a complete input, as `tutorialSteps` answers them: the reader's steps, the
//! outline, the values, the troubleshooting list and the checks' inputs. The draft calls it too,
//! with stand-ins for what is missing.

use super::input::{self, Audience, Setup};
use super::notes::Notes;
use super::numbering::{OutlineEntry, TutorialStep};
use super::steps::{self, CheckInputs, StepAnswer, Trouble, Values};
use crate::error::{Error, ErrorKind, Result};
use crate::message::TutorialMessage as M;
use serde::Serialize;
use serde_json::Value;

/// `tutorialSteps`' answer.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialResult"))]
#[serde(rename_all = "camelCase")]
pub struct TutorialSteps {
    #[cfg_attr(test, ts(as = "Audience"))]
    pub audience: &'static str,
    #[cfg_attr(test, ts(as = "crate::profile::Site"))]
    pub site: &'static str,
    pub values: Values,
    /// The tutorial steps this reader's tasks belong to, in order (the page's headings).
    pub outline: Vec<OutlineEntry>,
    pub steps: Vec<StepAnswer>,
    pub troubleshooting: Vec<Trouble>,
    /// checksPlan's inputs for this setup; add haveCredentialsB / haveCredentialsA before running.
    pub check_inputs: CheckInputs,
    #[serde(flatten)]
    #[cfg_attr(test, ts(flatten))]
    pub notes: Notes,
}

/// The steps of a complete input (`tutorialSteps`' JSON, parsed).
pub fn steps(given: &Value) -> Result<TutorialSteps> {
    let setup = input::read(&input::tutorial_input(given)?, true)?;
    let audience = setup.audience.unwrap_or(Audience::CompanyA);
    require_user(&setup, audience == Audience::CompanyB)?;
    let docs = steps::Docs::build(&setup)?;
    let reader_steps = steps::for_audience(&setup, audience, &docs);
    // The tutorial steps this reader's tasks belong to, in order: the page groups tasks by them.
    let mut outline: Vec<TutorialStep> = reader_steps.iter().map(|s| s.tutorial_step).collect();
    outline.dedup();
    Ok(TutorialSteps {
        audience: audience.name(),
        site: setup.site.name(),
        values: Values::new(&setup),
        outline: outline.into_iter().map(TutorialStep::outline).collect(),
        steps: reader_steps.iter().map(steps::Step::answer).collect(),
        troubleshooting: steps::troubleshooting(&setup),
        check_inputs: CheckInputs::new(&setup, &docs),
        notes: Notes::default(),
    })
}

/// B's user must be named for B's own steps (it is created there).
pub fn require_user(setup: &Setup, needed: bool) -> Result<()> {
    if needed && setup.user_name.is_none() {
        return Err(Error::said(ErrorKind::MissingField, M::InputUserMissing {}).at("$.userName"));
    }
    Ok(())
}

/// An answer as the contract carries it.
pub fn to_value<T: Serialize>(answer: &T) -> Value {
    // The answers are plain structs of strings, numbers and messages: serialising them cannot fail.
    serde_json::to_value(answer).unwrap_or(Value::Null)
}
