//! Fields read in two steps. The checks' inputs are checked field by field, each check right
//! after its field's type (a role ARN's rule before the bucket's type, the role's name against
//! the ARN before the account's type): to keep reporting the same one of two faults, a struct of
//! the contract is first read by crate/src/read.rs with its fields held as [`Later`] (unknown
//! fields refused, names mapped by serde), then each field is read as its type when its turn
//! comes, by the same reader, at its own path.

use crate::error::Result;
use crate::read::read_value;
use serde::de::{Deserialize, DeserializeOwned, Deserializer};
use serde_json::Value;
use std::marker::PhantomData;

/// A field's value, to be read as `T` when its turn comes ([`Later::read`]).
pub struct Later<T> {
    value: Value,
    read_as: PhantomData<fn() -> T>,
}

impl<T: DeserializeOwned> Later<T> {
    /// The value as `T`; errors name `path`, the field's JSON path.
    pub fn read(&self, path: &str) -> Result<T> {
        read_value(&self.value, path, None)
    }
}

impl<'de, T> Deserialize<'de> for Later<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Ok(Later {
            value: Value::deserialize(d)?,
            read_as: PhantomData,
        })
    }
}

/// An optional field (absent or `null`: `None`), read as `T` when its turn comes.
pub fn read<T: DeserializeOwned>(field: &Option<Later<T>>, path: &str) -> Result<Option<T>> {
    field.as_ref().map(|f| f.read(path)).transpose()
}

/// A value read as `T` if it is one, else left out (`None`): for what only a measurement uses.
pub struct Lenient<T>(pub Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Ok(Lenient(T::deserialize(d).ok()))
    }
}
