//! The shared half of every message: [`Said`] (an id and its arguments), the argument values,
//! and the `messages!` macro each area declares its messages with. How a message is serialised,
//! shown in debug output and compared lives here once, for every area.

use serde::ser::{Serialize, SerializeMap, Serializer};
use std::fmt;

/// One argument's value: a text (shown exactly as given) or a number.
#[derive(Clone, Copy)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(u64),
    /// Another message's words, such as a field's name.
    Message(&'a dyn Said),
    /// A message as the contract carried it in (`{"id", "args"}`, or a plain text), passed on.
    Json(&'a serde_json::Value),
}

impl fmt::Display for Arg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Text(s) => f.write_str(s),
            Arg::Number(n) => write!(f, "{n}"),
            Arg::Message(m) => f.write_str(m.id()),
            Arg::Json(v) => write!(f, "{v}"),
        }
    }
}

impl Serialize for Arg<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Text(t) => s.serialize_str(t),
            Arg::Number(n) => s.serialize_u64(*n),
            Arg::Message(m) => serialize_said(*m, s),
            Arg::Json(v) => v.serialize(s),
        }
    }
}

/// What every message of every area gives: its catalog id and its arguments in declared order.
/// Not `Debug` as a supertrait: every `dyn Said` table would then carry the Debug formatter (and
/// with it `debug_map` and string escaping) into each wasm module; the areas' types are Debug.
pub trait Said {
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

impl ToArg for serde_json::Value {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Json(self)
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

/// `id {name: value, ...}`, for Debug.
pub fn debug_said(message: &dyn Said, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "{} ", message.id())?;
    let mut map = f.debug_map();
    for (name, value) in message.args() {
        match value {
            Arg::Message(inner) => map.entry(&name, &DebugSaid(inner)),
            Arg::Text(text) => map.entry(&name, &text),
            Arg::Number(n) => map.entry(&name, &n),
            Arg::Json(v) => map.entry(&name, v),
        };
    }
    map.finish()
}

/// A message in debug output, for a message nested in another's arguments.
struct DebugSaid<'a>(&'a dyn Said);

impl fmt::Debug for DebugSaid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_said(self.0, f)
    }
}

/// The same id with the same arguments (nested messages compared alike).
pub fn same_said(a: &dyn Said, b: &dyn Said) -> bool {
    let (x, y) = (a.args(), b.args());
    a.id() == b.id()
        && x.len() == y.len()
        && x.iter().zip(&y).all(|((_, p), (_, q))| match (p, q) {
            (Arg::Text(p), Arg::Text(q)) => p == q,
            (Arg::Number(p), Arg::Number(q)) => p == q,
            (Arg::Message(p), Arg::Message(q)) => same_said(*p, *q),
            (Arg::Json(p), Arg::Json(q)) => p == q,
            _ => false,
        })
}

/// Declares an area's messages: `messages! { AreaMessage  Variant "catalog_id" { argument: Type, ... } ... }`.
macro_rules! messages {
    ($name:ident $( $(#[$doc:meta])* $variant:ident $id:literal { $($arg:ident : $ty:ty),* $(,)? } )*) => {
        /// The messages of this area (see `crate::message`). Debug and equality go through
        /// `Said` (one shared function each, not one per variant: a smaller wasm).
        #[derive(Clone)]
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

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                $crate::message::debug_said(self, f)
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                $crate::message::same_said(self, other)
            }
        }

        impl Eq for $name {}

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::message::serialize_said(self, s)
            }
        }

        // The TypeScript declaration: one `{id, args}` per variant (crate/src/contract/typescript.rs).
        #[cfg(test)]
        impl ts_rs::TS for $name {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn name(_: &ts_rs::Config) -> String {
                stringify!($name).to_owned()
            }
            fn inline(_: &ts_rs::Config) -> String {
                #[allow(unused_imports)] // an area whose messages take no arguments
                use $crate::message::typescript::ArgType;
                $crate::message::typescript::union(&[
                    $( ($id, &[$((stringify!($arg), <$ty>::ts_type())),*]) ),*
                ])
            }
            fn decl(cfg: &ts_rs::Config) -> String {
                format!("type {} = {};", stringify!($name), <Self as ts_rs::TS>::inline(cfg))
            }
            fn decl_concrete(cfg: &ts_rs::Config) -> String {
                <Self as ts_rs::TS>::decl(cfg)
            }
        }
    };
}
pub(crate) use messages;
