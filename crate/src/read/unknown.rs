//! What the caller words itself: an unknown field, name or value, with its path and what was
//! expected.

use crate::error::Error;

/// An unknown field of a struct that refuses them, a name that is none of an enum's (an unknown
/// `action`) or a value its type refuses (a `status` out of range): the caller words the error.
pub struct Unknown<'a> {
    /// The JSON path of the field (of the value, for a name or value).
    pub path: &'a str,
    /// The field, or the value given (as text).
    pub field: &'a str,
    /// The fields the struct takes in declaration order (the names, for an enum).
    pub expected: &'static [&'static str],
    pub what: What,
}

/// What [`Unknown`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Field,
    /// A string that names nothing (serde's unknown variant).
    Name,
    /// A value of the right JSON type that the type refuses (serde's invalid value).
    Value,
}

/// Words an unknown field's (name's, value's) error; without one, serde's words say it.
pub type OnUnknown<'a> = Option<&'a dyn Fn(Unknown<'_>) -> Error>;
