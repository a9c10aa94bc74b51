//! The three policy documents every reader's steps show, built once per tutorial.

use crate::error::Result;
use crate::tutorial::input::Setup;
use crate::tutorial::policies::{self, Document};

/// The three documents, built once per tutorial.
pub struct Docs {
    pub trust: Document,
    pub permission: Document,
    pub assume: Document,
}

impl Docs {
    pub fn build(setup: &Setup) -> Result<Docs> {
        Ok(Docs {
            trust: policies::trust(setup)?,
            permission: policies::permission(setup)?,
            assume: policies::assume(setup)?,
        })
    }
}
