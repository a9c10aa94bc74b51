//! The one path-reporting reader of the contract's inputs: a serde `Deserializer` over a parsed
//! `serde_json::Value` that reads the input types (`#[derive(Deserialize)]`) and answers every
//! failure as the core's [`Error`], at the JSON path of the value at fault (`$.a.b[3].c`).
//!
//! What it reads as the field-by-field reader before it did, so the errors stay the same:
//! - a struct's fields are read in the order the struct declares them, after its unknown fields
//!   (refused with `#[serde(deny_unknown_fields)]`, in the words the caller gives: [`Unknown`]);
//! - a field given as `null` is absent; an absent field is `None` when it is an `Option`, else
//!   `missing-field` at its path, in declaration order (so the first field read is the first
//!   reported);
//! - each value is checked against what the type asks for (`deserialize_str` takes a string,
//!   `deserialize_i64` an integer...) and refused as `invalid-value` with [`wrong_type`];
//! - [`Scalar`] takes a string, number or boolean as its JSON text;
//! - a type that refuses a value in its own area's words returns [`said`]'s failure, which the
//!   reader places at the value's path.
//!
//!
//! Its parts: `reading.rs` (the entry points), `reader.rs` (the `Deserializer`), `failure.rs`
//! (what a failed read carries up to its path), `words.rs` (paths and the words of a wrong type),
//! `unknown.rs` and `said.rs` (what the caller or a type words itself), `values.rs` and
//! `later.rs` (the value types it knows: [`Scalar`], [`Entries`], [`Later`]).

mod failure;
mod later;
mod reader;
mod reading;
mod said;
mod unknown;
mod values;
mod words;

pub use later::Later;
pub use reading::{parse_json, read, read_value, tag};
pub use said::said;
pub use unknown::{OnUnknown, Unknown, What};
pub use values::{Entries, Scalar};
pub use words::{child_path, json_type, object, wrong_type};

#[cfg(test)]
mod tests;
