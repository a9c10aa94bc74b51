//! Answers as JSON text, the form the wasm boundary and the CLI pass on.

use crate::error::{Error, Result};
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write;

/// JSON text of a result: the value itself, or `{"error": {...}}`.
pub fn to_text(result: &Result<Value>) -> String {
    // Written in place (cloning the answer first costs a copy of every stage string), into a
    // buffer sized up front: growing it would copy the text again at every doubling.
    let mut out = String::new();
    let written = match result {
        Ok(v) => {
            out.reserve(text_size_hint(v));
            write!(out, "{v}")
        }
        // An error's fields are strings, numbers and catalog messages: serialising cannot fail.
        Err(error) => {
            out = serde_json::to_string(&ErrorAnswer { error }).unwrap_or_default();
            Ok(())
        }
    };
    // Writing into a String cannot fail; Value's Display never fails.
    debug_assert!(written.is_ok());
    out
}

/// What a call answers instead of its result when it fails.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CoreErrorResult"))]
pub struct ErrorAnswer<'a> {
    pub error: &'a Error,
}

/// About the length of `v` as JSON text (exact when no string needs escaping).
fn text_size_hint(v: &Value) -> usize {
    match v {
        Value::String(s) => s.len() + 2,
        Value::Array(items) => 2 + items.iter().map(|i| text_size_hint(i) + 1).sum::<usize>(),
        Value::Object(map) => {
            2 + map
                .iter()
                .map(|(k, v)| k.len() + 4 + text_size_hint(v))
                .sum::<usize>()
        }
        _ => 24,
    }
}
