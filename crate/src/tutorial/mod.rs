//! The guided tutorial ("Use a RAM role for cross-account access to OSS") with the reader's
//! values filled in, and "Do it for me": the idempotent plan of RAM writes that performs a
//! company's half of it.
//!
//! Layers: `input` (JSON -> a checked [`input::Setup`], errors at JSON paths), `policies` (the
//! three documents, from the policy builders and catalog, linted), `console` / `shell` /
//! `terraform` (where to click, the aliyun CLI, the alicloud provider), `steps` (one reader's
//! steps), `setup` (the plan and the step function that decides skip / send / done from the
//! parsed API answers). Everything is pure: no clock, no I/O; requests go out as `request`
//! contract inputs for the caller to sign and send.

mod check;
mod console;
pub(crate) mod draft;
pub mod input;
pub mod numbering;
mod policies;
pub mod setup;
mod shell;
mod steps;
mod terraform;

use crate::error::{Error, ErrorKind, Result};
use crate::fields::{parse_object, Object};
use crate::message::TutorialMessage as M;
use input::{Audience, Setup};
pub use numbering::TutorialStep;
use serde_json::{json, Value};

/// `tutorialSteps`: the steps of one reader (`audience`), with values, documents, CLI and
/// Terraform filled in, and the troubleshooting list.
/// With `"draft": true`, values missing or not valid yet show as placeholders (`draft.rs`).
pub fn tutorial_steps(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    match req.map.get("draft") {
        Some(Value::Bool(true)) => draft::steps(&req),
        Some(Value::Bool(false)) | None => {
            let mut req = req;
            req.map.remove("draft");
            let mut out = steps_json(&req)?;
            // B's user may be unnamed (the user's own tutorial): its token is a placeholder too.
            let placeholders = draft::placeholders(&out);
            if placeholders.as_array().is_some_and(|p| !p.is_empty()) {
                out["placeholders"] = placeholders;
            }
            Ok(out)
        }
        Some(_) => Err(Error::invalid_said("$.draft", M::InputDraft {})),
    }
}

/// The steps of a complete input.
fn steps_json(req: &Object) -> Result<Value> {
    let setup = input::read(req, &[], true)?;
    let audience = setup.audience.unwrap_or(Audience::CompanyA);
    require_user(&setup, audience == Audience::CompanyB)?;
    let docs = steps::Docs::build(&setup)?;
    let reader_steps = steps::for_audience(&setup, audience, &docs);
    // The tutorial steps this reader's tasks belong to, in order: the page groups tasks by them.
    let mut outline: Vec<TutorialStep> = reader_steps.iter().map(|s| s.tutorial_step).collect();
    outline.dedup();
    let steps: Vec<Value> = reader_steps.iter().map(steps::Step::to_json).collect();
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

/// `setupPlan`: every request "Do it for me" may send for one side, in order, with previews.
pub fn setup_plan(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    let (setup, side) = setup::read(&req)?;
    require_user(&setup, side == input::Side::B)?;
    let plan = setup::Plan::new(&setup, side)?;
    Ok(plan.to_json(&req.map))
}

/// `setupNext`: given the plan and the answers so far, the next request to send, or the end.
pub fn setup_next(input: &str) -> Result<Value> {
    setup::next(input)
}

/// B's user must be named for B's own steps (it is created there).
fn require_user(setup: &Setup, needed: bool) -> Result<()> {
    if needed && setup.user_name.is_none() {
        return Err(Error::said(ErrorKind::MissingField, M::InputUserMissing {}).at("$.userName"));
    }
    Ok(())
}
