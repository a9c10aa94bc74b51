//! The JSON contract shared by the wasm API and the CLI: JSON text in, JSON value out. Errors are
//! values `{"error": {kind, message, path?, line?, column?}}` (see the README).

pub mod fields;
mod parse;
pub mod policy;
mod request;
mod sign;

pub use parse::parse;
pub use policy::{build as policy_build, lint as policy_lint, simulate as policy_simulate};
pub use request::request;
pub use sign::{self_check, sign};

use crate::error::Result;
use serde_json::{json, Value};

/// The core's version and the algorithms it signs.
pub fn version() -> Value {
    json!({
        "name": "rolehop",
        "version": env!("CARGO_PKG_VERSION"),
        "signing": ["rpc-v1", "oss-v1", "oss-v1-presign", "post-policy-v1"],
        "actions": crate::api::Action::ALL.iter().map(|a| a.name()).collect::<Vec<_>>(),
    })
}

/// JSON text of a result: the value itself, or `{"error": {...}}`.
pub fn to_text(result: &Result<Value>) -> String {
    let value = match result {
        Ok(v) => v.clone(),
        Err(e) => json!({ "error": e }),
    };
    value.to_string()
}
