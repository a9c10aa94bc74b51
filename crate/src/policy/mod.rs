//! The RAM policy engine: a typed model of policy documents with a parser that reports JSON
//! paths and line:column, a canonical serialiser, wildcard patterns and condition operators, an
//! offline simulator that explains its decision, a linter, builders for the documents the
//! cross-account tutorial needs, and a catalog of the system policies it uses.
//!
//! Layers, each usable alone: `json` (text -> positioned tree), `parse` (tree -> `model`),
//! `serialize` (model -> text), `eval` (model -> compiled simulator), `lint` (model + tree ->
//! findings), `build` (intent -> model), `catalog` (system policy name -> document).

pub mod build;
pub mod catalog;
pub mod condition;
mod context;
pub mod covers;
mod decoder;
pub mod document;
pub mod eval;
pub mod exact;
pub mod explain;
pub mod finding;
pub mod json;
pub mod lint;
pub mod model;
pub mod names;
pub mod operator;
pub mod parse;
pub mod path;
pub mod pattern;
mod principal;
mod search;
pub mod serialize;
pub mod services;
pub(crate) mod suggest;
mod targets;

pub use eval::{Context, Decision, Request, Side, Simulator, Trace};
pub use explain::{explain, explain_size, Explanation};
pub use finding::{Finding, Fix, Level};
pub use model::{Effect, Policy, PolicyKind, Statement};
pub use names::RamIdentity;
pub use parse::{decode, parse, parse_detect};
pub use principal::caller_arn;
pub use serialize::{to_compact, to_pretty, MAX_DOCUMENT_CHARS};
