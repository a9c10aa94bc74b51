//! A message of any area, held by a type that does not name the areas: an error's text, the
//! tutorial's notes, a message nested in another (the checks nest a policy document's parse error).
//!
//! Not an enum of every area: an area naming that enum back would tie the types (and their files)
//! in a loop, and dropping, cloning or printing one links every area's code into each wasm module.
//! Behind a `dyn` table, a module links the words, arguments and drop code of the messages it
//! builds only (the popup's module builds profile, request-field and contract messages). Shared,
//! not boxed: a copy is a reference count, so no area's `Clone` is linked for it either (measured:
//! bench/README.md, Size).

use super::{debug_said, same_said, serialize_said, Arg, Said, ToArg};
use serde::ser::{Serialize, Serializer};
use std::any::Any;
use std::fmt;
use std::sync::Arc;

/// A message of any area, and its own type for code that reads one area's message back.
pub trait AnySaid: Said + Send + Sync {
    fn as_any(&self) -> &dyn Any;
}

impl<T: Said + Send + Sync + 'static> AnySaid for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A message of any area: said, compared, sent and shown like the area's own type.
#[derive(Clone)]
pub struct AnyMessage(Arc<dyn AnySaid>);

impl AnyMessage {
    pub fn new(message: impl AnySaid + 'static) -> AnyMessage {
        AnyMessage(Arc::new(message))
    }

    /// The message as its area's type `T`, when it is one.
    pub fn downcast_ref<T: 'static>(&self) -> Option<&T> {
        self.0.as_any().downcast_ref()
    }
}

impl Said for AnyMessage {
    fn id(&self) -> &'static str {
        self.0.id()
    }

    fn args(&self) -> Vec<(&'static str, Arg<'_>)> {
        self.0.args()
    }
}

// As the areas' types do (said.rs): the same id and arguments are the same message.
impl PartialEq for AnyMessage {
    fn eq(&self, other: &Self) -> bool {
        same_said(&*self.0, &*other.0)
    }
}

impl Eq for AnyMessage {}

impl fmt::Debug for AnyMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_said(&*self.0, f)
    }
}

impl Serialize for AnyMessage {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_said(&*self.0, s)
    }
}

impl ToArg for AnyMessage {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Message(&*self.0)
    }
}

/// In TypeScript it is any area's message: `CoreMessage`, the shape every message has (the union of
/// every area's ids is too large for TypeScript to reduce, TS2590; see `text` in error.rs).
#[cfg(test)]
impl super::typescript::ArgType for AnyMessage {
    fn ts_type() -> String {
        "CoreMessage".to_owned()
    }
}
