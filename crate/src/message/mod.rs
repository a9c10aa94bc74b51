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
//! with the `messages!` macro. [`Message`] names every area (every id, for the catalog tests, and
//! the TypeScript union); a value of any area, such as an [`Error`](crate::error::Error)'s text,
//! is held as an [`AnyMessage`], which links only the areas a module builds messages of.

use serde::ser::{Serialize, Serializer};

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

/// Declares [`Message`], one variant per area.
macro_rules! areas {
    ($( $variant:ident($area:ident) ),* $(,)?) => {
        /// A message of any area of the core.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Message {
            $( $variant($area), )*
        }

        impl Message {
            /// Every id of every area with its argument names in order.
            pub fn all() -> impl Iterator<Item = &'static (&'static str, &'static [&'static str])> {
                std::iter::empty()$( .chain($area::ALL.iter()) )*
            }

            fn inner(&self) -> &dyn Said {
                match self {
                    $( Message::$variant(m) => m, )*
                }
            }
        }

        // The TypeScript declaration: any area's message (crate/src/contract/typescript.rs).
        #[cfg(test)]
        impl ts_rs::TS for Message {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &ts_rs::Config) -> String {
                "Message".to_owned()
            }
            fn inline(_: &ts_rs::Config) -> String {
                [$( stringify!($area) ),*].join(" | ")
            }
            fn decl(cfg: &ts_rs::Config) -> String {
                format!("type Message = {};", <Self as ts_rs::TS>::inline(cfg))
            }
            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                <Self as ts_rs::TS>::decl(cfg)
            }
        }

        $(
            impl From<$area> for Message {
                fn from(message: $area) -> Message {
                    Message::$variant(message)
                }
            }
        )*
    };
}

areas! {
    Profile(ProfileMessage),
    Policy(PolicyMessage),
    Api(ApiMessage),
    Sign(SignMessage),
    Checks(ChecksMessage),
    Tutorial(TutorialMessage),
    Setup(SetupMessage),
    Signin(SigninMessage),
    Contract(ContractMessage),
    Cli(CliMessage),
    Chain(ChainMessage),
}

impl Said for Message {
    fn id(&self) -> &'static str {
        self.inner().id()
    }

    fn args(&self) -> Vec<(&'static str, Arg<'_>)> {
        self.inner().args()
    }
}

impl Serialize for Message {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_said(self, s)
    }
}
