//! Request signers. Each returns every intermediate stage (canonical form, string to sign,
//! signature) so that tests can pin each one and diagnostics can show where a mismatch starts.

pub mod encode;
pub mod oss;
pub mod post_policy;
pub mod rpc;
