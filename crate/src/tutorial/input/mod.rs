//! The tutorial's input: who is reading (company A, company B, or B's user), both accounts, the
//! role, how far the trust reaches, what the role may read, B's user and B's AssumeRole policy.
//! Read from JSON as serde types (`shape.rs`) with every error at its JSON path, and checked with
//! the rules that already exist (policy builders, API layer) before anything is generated.

mod fields;
mod grants;
mod model;
mod read;
pub mod shape;

pub(crate) use fields::unknown_field;
pub use model::{
    Account, AssumePolicy, Audience, Permission, Setup, Site, Trust, OSS_READ_ONLY, STS_ASSUME_ROLE,
};
pub use read::{plan_input, read, tutorial_input};
