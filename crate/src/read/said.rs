//! A `Deserialize` impl's own words for a value it refuses: serde passes a failure up as text
//! only, so the words wait in a thread-local until the reader knows the value's path.

use crate::error::Error;
use serde::de;

/// A failure worded by the type that refuses the value, to be placed at its path.
type Wording = Box<dyn FnOnce(&str) -> Error>;

thread_local! {
    /// What [`said`] gave, until the reader places it (serde passes failures as text only).
    pub(super) static SAID: std::cell::Cell<Option<Wording>> = const { std::cell::Cell::new(None) };
}

/// The text of [`said`]'s failure, which tells the reader to take the wording from [`SAID`].
pub(super) const SAID_TEXT: &str = "rolehop::read::said";

/// The failure a `Deserialize` impl returns to refuse a value in its area's words: `wording`
/// gets the value's JSON path and gives the complete error. (Under another deserializer, such
/// as serde_json's for a fast path, it is a plain failure.)
pub fn said<E: de::Error>(wording: impl FnOnce(&str) -> Error + 'static) -> E {
    SAID.with(|said| said.set(Some(Box::new(wording))));
    E::custom(SAID_TEXT)
}
