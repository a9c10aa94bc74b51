//! What `tutorialSteps` answers besides the steps while values are missing (`draft.rs`), or
//! while B's user is unnamed: the values still to give, and the tokens the texts carry for them.

use crate::message::{AnyMessage, TutorialMessage as M};
use serde::Serialize;

/// What the page needs besides the steps while values are missing, written last.
#[derive(Default, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialNotes"))]
pub struct Notes {
    /// Draft only: the values still missing or wrong, each at its JSON path (empty when complete).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub incomplete: Option<Vec<Incomplete>>,
    /// The tokens of values not given yet (a draft's, or B's unnamed user) that every string (a
    /// message's arguments, values, documents, commands) carries, each with the catalog's
    /// placeholder to show in its place. Always present in a draft.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub placeholders: Option<Vec<Placeholder>>,
}

/// A value missing or not valid yet: where, and the error it gave.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialIncomplete"))]
pub struct Incomplete {
    pub path: String,
    pub message: String,
    /// The catalog's words where the error has them, as every other error carries them.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "CoreMessage"))]
    pub text: Option<AnyMessage>,
}

/// A token the texts carry, with the catalog's placeholder the page shows in its place.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialPlaceholder"))]
pub struct Placeholder {
    pub token: &'static str,
    pub text: M,
}
