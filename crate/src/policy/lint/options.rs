//! What a caller tells the linter about a document: its kind and what it is meant to do. Apart
//! from the run, since the rules read it too (through `Ctx`).

use crate::policy::model::PolicyKind;

/// What the policy is meant to do, when the caller knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Intent {
    #[default]
    Any,
    /// Any write action (or `oss:*`) is a security warning.
    ReadOnly,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintOptions {
    /// `None`: detected (a trust policy if any statement has `Principal`).
    pub kind: Option<PolicyKind>,
    pub intent: Intent,
    /// For trust policies: the RAM user/role ARNs that will really assume the role; the fix for
    /// a `:root` principal proposes them.
    pub trusted_principals: Vec<String>,
}
