//! A value read if it is of its type, else left out: for what only a measurement uses (a
//! server's `Date` beside a refusal), where a malformed value must not fail the facts.

use serde::de::{Deserialize, Deserializer};

/// A value read as `T` if it is one, else left out (`None`): for what only a measurement uses.
pub struct Lenient<T>(pub Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Ok(Lenient(T::deserialize(d).ok()))
    }
}
