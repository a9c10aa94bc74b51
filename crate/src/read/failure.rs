//! What a failed read carries up to the value at fault: an error already placed, or serde's
//! words still to place at a path.

use super::said::{SAID, SAID_TEXT};
use super::{child_path, OnUnknown, Unknown, What};
use crate::error::Error;
use serde::de;
use std::fmt;

/// Where a value is, built as the reader descends and written out only for an error.
#[derive(Clone, Copy)]
pub(super) enum Path<'a> {
    Root(&'a str),
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    pub(super) fn text(&self) -> String {
        match self {
            Path::Root(root) => root.to_string(),
            Path::Key(parent, name) => child_path(&parent.text(), name),
            Path::Index(parent, i) => format!("{}[{i}]", parent.text()),
        }
    }
}

/// Why a read failed: an error already placed, or serde's words still to place.
#[derive(Debug)]
pub struct Failure(Why);

#[derive(Debug)]
enum Why {
    /// Complete, with its path.
    Said(Error),
    /// A name that is none of the enum's, or a refused value, for the caller to word at its path.
    Refused(What, String, &'static [&'static str]),
    /// `serde`'s own words (a value the type refused).
    Other(String),
}

impl Failure {
    pub(super) fn said(error: Error) -> Self {
        Failure(Why::Said(error))
    }

    /// The error, placed at `path` if it has no place yet.
    #[inline(never)]
    pub(super) fn into_error(self, path: &Path<'_>) -> Error {
        match self.0 {
            Why::Said(error) => error,
            Why::Refused(_, name, _) => Error::invalid(path.text(), format!("refused `{name}`")),
            Why::Other(message) if message == SAID_TEXT => match SAID.with(|s| s.take()) {
                Some(wording) => wording(&path.text()),
                None => Error::invalid(path.text(), message),
            },
            Why::Other(message) => Error::invalid(path.text(), message),
        }
    }

    /// An unknown name or refused value at `path`, in the caller's words.
    #[inline(never)]
    pub(super) fn named(self, path: &Path<'_>, on_unknown: OnUnknown<'_>) -> Self {
        match (self.0, on_unknown) {
            (Why::Refused(what, name, expected), Some(on_unknown)) => {
                Failure::said(on_unknown(Unknown {
                    path: &path.text(),
                    field: &name,
                    expected,
                    what,
                }))
            }
            (why, _) => Failure(why).at(path),
        }
    }

    /// Places serde's words at `path`; a placed error keeps its place.
    #[inline(never)]
    pub(super) fn at(self, path: &Path<'_>) -> Self {
        Failure::said(self.into_error(path))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Why::Said(error) => write!(f, "{}", error.message),
            Why::Refused(_, name, _) => write!(f, "refused `{name}`"),
            Why::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Failure {}

impl de::Error for Failure {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Failure(Why::Other(msg.to_string()))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Failure(Why::Refused(What::Name, variant.to_string(), expected))
    }

    // serde's other failures, without its formatted sentences: the reader checks each value's JSON
    // type itself, and words unknown fields and missing ones (`Absent`) as the contract does.
    fn invalid_type(unexpected: de::Unexpected<'_>, _: &dyn de::Expected) -> Self {
        Failure(Why::Other(unexpected.to_string()))
    }

    fn invalid_length(len: usize, _: &dyn de::Expected) -> Self {
        Failure(Why::Other(len.to_string()))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Failure(Why::Refused(What::Field, field.to_string(), expected))
    }

    fn missing_field(field: &'static str) -> Self {
        Failure(Why::Other(field.to_string()))
    }

    fn duplicate_field(field: &'static str) -> Self {
        Failure(Why::Other(field.to_string()))
    }

    fn invalid_value(unexpected: de::Unexpected<'_>, _: &dyn de::Expected) -> Self {
        let text = match unexpected {
            de::Unexpected::Signed(i) => i.to_string(),
            de::Unexpected::Unsigned(u) => u.to_string(),
            de::Unexpected::Str(s) => s.to_string(),
            other => other.to_string(),
        };
        Failure(Why::Refused(What::Value, text, &[]))
    }
}

pub(super) type Answer<T> = std::result::Result<T, Failure>;

/// Places a visitor's own failure at `path`.
pub(super) fn at<T>(path: &Path<'_>, answer: Answer<T>) -> Answer<T> {
    answer.map_err(|f| f.at(path))
}
