//! The policy decoder: RAM's grammar, element by element, each problem with its JSON path,
//! line:column and a fix where one exists. One file per part of a statement; `values` names
//! what was written for the messages.

mod condition;
mod document;
mod principal;
mod targets;
mod values;

pub use document::Decoder;
pub use values::member;
