//! Builders: the documents the cross-account tutorial needs, least privilege by default and
//! correct by construction (every builder's output parses, and lints without errors).

mod built;
mod names;
mod oss;
mod post_object;
mod trust;

pub use built::Built;
pub use oss::{assume_role, oss_read_only, OssReadSpec, OssScope};
pub use post_object::{post_object_policy, PostObjectSpec};
pub use trust::{trust_policy, TrustSpec};
