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
//! with the `messages!` macro; [`Message`] is any of them, for the places that carry a message
//! of any area (an [`Error`](crate::error::Error)'s text).

use serde::ser::{Serialize, SerializeMap, Serializer};
use std::fmt;

mod profile;
mod signin;

pub use profile::ProfileMessage;
pub use signin::SigninMessage;

/// One argument's value: a text (shown exactly as given) or a number.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(u64),
    /// Another message's words, such as a field's name.
    Message(&'a dyn Said),
}

impl fmt::Display for Arg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Text(s) => f.write_str(s),
            Arg::Number(n) => write!(f, "{n}"),
            Arg::Message(m) => f.write_str(m.id()),
        }
    }
}

impl Serialize for Arg<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Text(t) => s.serialize_str(t),
            Arg::Number(n) => s.serialize_u64(*n),
            Arg::Message(m) => serialize_said(*m, s),
        }
    }
}

/// What every message of every area gives: its catalog id and its arguments in declared order.
pub trait Said: fmt::Debug {
    /// The catalog id.
    fn id(&self) -> &'static str;

    /// The arguments, in declared order.
    fn args(&self) -> Vec<(&'static str, Arg<'_>)>;

    /// The `count` argument, which picks a plural form.
    fn count(&self) -> Option<u64> {
        self.args()
            .into_iter()
            .find_map(|(name, value)| match value {
                Arg::Number(n) if name == "count" => Some(n),
                _ => None,
            })
    }
}

/// A field type a message argument may have.
pub trait ToArg {
    fn to_arg(&self) -> Arg<'_>;
}

impl ToArg for String {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Text(self)
    }
}

impl ToArg for usize {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Number(*self as u64)
    }
}

impl ToArg for u64 {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Number(*self)
    }
}

impl<T: Said> ToArg for Box<T> {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Message(&**self)
    }
}

struct Args<'a>(&'a [(&'static str, Arg<'a>)]);

impl Serialize for Args<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// `{"id", "args"}`: how any message crosses the contract.
pub fn serialize_said<S: Serializer>(message: &dyn Said, s: S) -> Result<S::Ok, S::Error> {
    let args = message.args();
    let mut map = s.serialize_map(Some(2))?;
    map.serialize_entry("id", message.id())?;
    map.serialize_entry("args", &Args(&args))?;
    map.end()
}

/// Declares an area's messages: `messages! { AreaMessage  Variant "catalog_id" { argument: Type, ... } ... }`.
macro_rules! messages {
    ($name:ident $( $(#[$doc:meta])* $variant:ident $id:literal { $($arg:ident : $ty:ty),* $(,)? } )*) => {
        /// The messages of this area (see `crate::message`).
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $name {
            $( $(#[$doc])* $variant { $($arg: $ty),* }, )*
        }

        impl $name {
            /// Every id with its argument names in order: what the catalogs must hold.
            pub const ALL: &'static [(&'static str, &'static [&'static str])] =
                &[$( ($id, &[$(stringify!($arg)),*]) ),*];
        }

        impl $crate::message::Said for $name {
            fn id(&self) -> &'static str {
                match self {
                    $( $name::$variant { .. } => $id, )*
                }
            }

            #[allow(unused_variables)]
            fn args(&self) -> Vec<(&'static str, $crate::message::Arg<'_>)> {
                #[allow(unused_imports)]
                use $crate::message::ToArg;
                match self {
                    $( $name::$variant { $($arg),* } => vec![$((stringify!($arg), $arg.to_arg())),*], )*
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::message::serialize_said(self, s)
            }
        }
    };
}
pub(crate) use messages;

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
    Signin(SigninMessage),
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
