//! A field kept as given, to be read as its type in its turn.

use super::{read_value, OnUnknown};
use crate::error::Result;
use serde::de::{self, Deserializer};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;
use std::marker::PhantomData;

/// A field's value kept as given, to be read as `T` when its turn comes ([`Later::read`]).
///
/// The contract's inputs are checked field by field, some rules right after a field's type (a
/// role ARN's rule before the bucket's type): to keep reporting the same one of two faults, a
/// struct is read with such fields held as `Later` (unknown fields refused, names mapped by
/// serde), then each is read as its type in its turn, by the same reader, at its own path.
pub struct Later<T> {
    given: Value,
    read_as: PhantomData<fn() -> T>,
}

impl<T> fmt::Debug for Later<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.given, f)
    }
}

impl<'de, T> Deserialize<'de> for Later<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Value::deserialize(d).map(|given| Later {
            given,
            read_as: PhantomData,
        })
    }
}

impl<T: de::DeserializeOwned> Later<T> {
    /// The value as `T`; its errors name `path`, the field's JSON path, and an unknown field,
    /// name or value is worded by `on_unknown`.
    pub fn read(&self, path: &str, on_unknown: OnUnknown<'_>) -> Result<T> {
        read_value(&self.given, path, on_unknown)
    }

    /// An optional field (absent or `null`: `None`) read as `T`.
    pub fn read_optional(
        field: &Option<Later<T>>,
        path: &str,
        on_unknown: OnUnknown<'_>,
    ) -> Result<Option<T>> {
        field.as_ref().map(|f| f.read(path, on_unknown)).transpose()
    }
}

impl<T> Later<T> {
    /// The value as given, for a check that words its own type errors.
    pub fn given(&self) -> &Value {
        &self.given
    }
}
