//! RoleHop's core: Alibaba Cloud request signing, API request builders and response parsers,
//! behind one JSON contract used by the wasm bindings and the `rolehop` CLI.
//!
//! The core is pure: it reads no clock, draws no randomness and does no I/O. Time and nonces
//! are arguments; requests come out as descriptions for the caller to send.

#![forbid(unsafe_code)]

pub mod api;
#[cfg(not(target_arch = "wasm32"))]
pub mod catalog;
pub mod checks;
pub mod contract;
pub mod crypto;
pub mod endpoint;
pub mod error;
pub mod message;
pub mod policy;
pub mod profile;
pub mod read;
pub mod repeats;
pub mod rules;
pub mod side;
pub mod sign;
pub mod time;
pub mod tutorial;

#[cfg(any(target_arch = "wasm32", test))]
pub mod wasm;

pub use error::{Error, ErrorKind, Result};
