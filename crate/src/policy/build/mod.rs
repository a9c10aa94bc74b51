//! Builders: the documents the cross-account tutorial needs, least privilege by default and
//! correct by construction (every builder's output parses, and lints without errors).

mod names;
mod oss;
mod post_object;
mod trust;

pub use oss::{assume_role, oss_read_only, OssReadSpec, OssScope};
pub use post_object::{post_object_policy, PostObjectSpec};
pub use trust::{trust_policy, TrustSpec};

use super::model::{Policy, PolicyKind};
use crate::message::PolicyMessage;

/// A built policy and why each statement is there.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    pub policy: Policy,
    pub kind: PolicyKind,
    /// What each statement is for, one message per statement.
    pub purposes: Vec<PolicyMessage>,
}
