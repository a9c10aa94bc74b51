//! What the core says to people, without prose: a message id and its arguments. The words live
//! in one catalog per language, `extension/_locales/<language>/messages.json` (Chrome's format),
//! which the extension (`shared/i18n.js`) and the CLI (`catalog.rs`) render alike.
//!
//! A message crosses the contract as `{"id": "core_...", "args": {...}}`. The arguments keep
//! their declared order, and each catalog entry maps its placeholder `$name$` to the argument's
//! position (`"content": "$1"` for the first), so that `chrome.i18n.getMessage(id, values)`
//! renders it too. A message with a `count` argument may have plural entries `<id>_one`,
//! `<id>_other` (picked by the language's plural rule). `tests/catalog.rs` checks every id and
//! placeholder against both catalogs.
//!
//! Each area of the core declares its own messages in a file of this module (`profile.rs`, ...)
//! with the `messages!` macro. A message of any area, such as an [`Error`](crate::error::Error)'s
//! text, is held as an [`AnyMessage`], which links only the areas a module builds messages of;
//! [`all`] lists every area's ids.

mod any;
mod api;
mod chain;
mod checks;
mod cli;
mod contract;
mod policy;
mod profile;
mod said;
mod setup;
mod sign;
mod signin;
mod tutorial;
#[cfg(test)]
pub mod typescript;

pub use any::{AnyMessage, AnySaid};
pub use api::ApiMessage;
pub use chain::ChainMessage;
pub use checks::ChecksMessage;
pub use cli::CliMessage;
pub use contract::ContractMessage;
pub use policy::PolicyMessage;
pub use profile::ProfileMessage;
pub(crate) use said::messages;
pub use said::{debug_said, same_said, serialize_said, Arg, Said, ToArg};
pub use setup::SetupMessage;
pub use sign::SignMessage;
pub use signin::SigninMessage;
pub use tutorial::TutorialMessage;

/// Every id of every area with its argument names in order (the catalog tests check each against
/// both catalogs).
pub fn all() -> impl Iterator<Item = &'static (&'static str, &'static [&'static str])> {
    ProfileMessage::ALL
        .iter()
        .chain(PolicyMessage::ALL)
        .chain(ApiMessage::ALL)
        .chain(SignMessage::ALL)
        .chain(ChecksMessage::ALL)
        .chain(TutorialMessage::ALL)
        .chain(SetupMessage::ALL)
        .chain(SigninMessage::ALL)
        .chain(ContractMessage::ALL)
        .chain(CliMessage::ALL)
        .chain(ChainMessage::ALL)
}
