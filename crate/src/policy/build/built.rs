//! What every builder returns: the policy and why each statement is there.

use crate::message::PolicyMessage;
use crate::policy::model::{Policy, PolicyKind};

/// A built policy and why each statement is there.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    pub policy: Policy,
    pub kind: PolicyKind,
    /// What each statement is for, one message per statement.
    pub purposes: Vec<PolicyMessage>,
}
