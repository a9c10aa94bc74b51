//! A message of any area carried inside another area's message (the checks nest a policy
//! document's parse error). The field holds it as `Box<dyn NestedSaid>` rather than as
//! [`Message`](super::Message): `Message` names every area, so an area naming `Message` back
//! would tie the two types (and their files) in a loop. Any `Box<Message>` coerces to it.

use super::{Arg, Said, ToArg};

/// A message that can be nested in another: said, cloned, and sent like the messages it sits in.
pub trait NestedSaid: Said + Send + Sync {
    /// A boxed copy, for `Clone`.
    fn boxed(&self) -> Box<dyn NestedSaid>;
}

impl<T: Said + Clone + Send + Sync + 'static> NestedSaid for T {
    fn boxed(&self) -> Box<dyn NestedSaid> {
        Box::new(self.clone())
    }
}

impl Clone for Box<dyn NestedSaid> {
    fn clone(&self) -> Self {
        (**self).boxed()
    }
}

impl ToArg for Box<dyn NestedSaid> {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Message(&**self)
    }
}

/// In TypeScript it is any area's message: `CoreMessage`, the shape every message has (the union of
/// every area's ids is too large for TypeScript to reduce, TS2590; see `text` in error.rs).
#[cfg(test)]
impl super::typescript::ArgType for Box<dyn NestedSaid> {
    fn ts_type() -> String {
        "CoreMessage".to_owned()
    }
}
