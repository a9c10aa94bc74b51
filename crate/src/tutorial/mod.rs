//! The guided tutorial ("Use a RAM role for cross-account access to OSS") with the reader's
//! values filled in, and "Do it for me": the idempotent plan of RAM writes that performs a
//! company's half of it.
//!
//! Layers: `input` (JSON -> a checked [`input::Setup`], errors at JSON paths), `policies` (the
//! three documents, from the policy builders and catalog, linted), `console` / `shell` /
//! `terraform` (where to click, the aliyun CLI, the alicloud provider), `steps` (one reader's
//! steps), `setup` (the plan and the step function that decides skip / send / done from the
//! parsed API answers), `complete` and `draft` (the whole answer, complete or with placeholders;
//! `notes` what a draft adds),
//! `calls` (the contract calls over them). Everything is pure: no clock, no I/O; requests go out
//! as `request` contract inputs for the caller to sign and send.

mod calls;
mod check;
mod complete;
mod console;
mod draft;
pub mod input;
mod notes;
pub mod numbering;
mod policies;
pub mod setup;
mod shell;
mod steps;
mod terraform;

pub use calls::{setup_next, setup_plan, tutorial_steps};
pub use numbering::TutorialStep;
// tutorialSteps' answer, named by the contract's declarations.
pub use complete::TutorialSteps;
pub use console::ConsolePath;
pub use notes::{Incomplete, Notes, Placeholder};
pub use numbering::OutlineEntry;
pub use policies::{LintAnswer, StatementAnswer, TutorialPolicy};
pub use steps::{AccountValues, CheckInputs, PolicyName, Trouble, UserPolicy, Values};
pub use steps::{StepAnswer, StepValue};
