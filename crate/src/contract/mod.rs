//! The JSON contract shared by the wasm API and the CLI: JSON text in, JSON value out. Errors are
//! values `{"error": {kind, message, path?, line?, column?}}` (see the README).

mod checks;
mod console;
mod console_refusal;
pub(crate) mod parse;
pub mod policy;
pub mod profile;
pub(crate) mod request;
pub(crate) mod sign;
mod text;
#[cfg(test)]
mod typescript;

pub use crate::tutorial::{setup_next, setup_plan, tutorial_steps};
pub use checks::{
    diagnose as checks_diagnose, diagnosis as checks_diagnosis, next as checks_next,
    plan as checks_plan, retry as checks_retry,
};
pub use console::console_signin;
pub use console_refusal::console_refusal;
pub use parse::parse;
pub use policy::{build as policy_build, lint as policy_lint, simulate as policy_simulate};
pub use profile::{
    export as profile_export, import as profile_import, parse as profile_parse,
    parse_text as profile_parse_text, serialize as profile_serialize, switch_url,
};
pub use request::request;
pub use sign::{self_check, sign, sign_text};
pub use text::{to_text, ErrorAnswer};

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

// What `version` writes, for its TypeScript declaration only: serializing through a struct would
// add to the wasm. tests/unit/contract-declarations.test.js holds the two together.
/// `version()`: the core's name and version, the algorithms it signs and the actions it builds.
#[cfg(test)]
#[derive(ts_rs::TS)]
pub struct VersionInfo {
    pub name: String,
    pub version: String,
    /// Signature algorithms, e.g. `rpc-v1`, `oss-v1`.
    pub signing: Vec<String>,
    /// The actions `request` builds and `parseResponse` reads.
    pub actions: Vec<crate::api::Action>,
}
