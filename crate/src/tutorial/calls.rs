//! The tutorial's three contract calls: `tutorialSteps` (complete or draft), `setupPlan` and
//! `setupNext`. Apart from what they call, so that the draft can build the steps of a complete
//! input without reaching back here.

use super::complete::{self, require_user, to_value};
use super::draft;
use super::setup;
use crate::error::{Error, Result};
use crate::message::TutorialMessage as M;
use crate::read::{object, parse_json};
use crate::side::AccountSide;
use serde_json::Value;

/// `tutorialSteps`: the steps of one reader (`audience`), with values, documents, CLI and
/// Terraform filled in, and the troubleshooting list.
/// With `"draft": true`, values missing or not valid yet show as placeholders (`draft.rs`).
pub fn tutorial_steps(input: &str) -> Result<Value> {
    let given = parse_json(input)?;
    // `draft` chooses the answer, as a tag would: read before the fields, `null` not a choice.
    match object(&given, "$")?.get("draft") {
        Some(Value::Bool(true)) => draft::steps(&given).map(|draft| to_value(&draft)),
        Some(Value::Bool(false)) | None => {
            let mut answer = complete::steps(&given)?;
            // B's user may be unnamed (the user's own tutorial): its token is a placeholder too.
            let placeholders = draft::placeholders(&to_value(&answer).to_string());
            answer.notes.placeholders = Some(placeholders).filter(|p| !p.is_empty());
            Ok(to_value(&answer))
        }
        Some(_) => Err(Error::invalid_said("$.draft", M::InputDraft {})),
    }
}

/// `setupPlan`: every request "Do it for me" may send for one side, in order, with previews.
pub fn setup_plan(input: &str) -> Result<Value> {
    let given = parse_json(input)?;
    let (setup, side) = setup::read(&given)?;
    require_user(&setup, side == AccountSide::B)?;
    let plan = setup::Plan::new(&setup, side)?;
    Ok(to_value(&plan.answer(given)))
}

/// `setupNext`: given the plan and the answers so far, the next request to send, or the end.
pub fn setup_next(input: &str) -> Result<Value> {
    setup::next(input).map(|answer| to_value(&answer))
}
