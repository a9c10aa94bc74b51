//! One home for every naming rule the cloud imposes (issue 12): what an account UID, a RAM role
//! or user name, an OSS bucket name or object key, a switch's marker, and AccessKey credentials
//! look like. Each rule is a predicate here; the areas that report a broken rule (profiles, the
//! API, the policy builders, the checks) call it and say what was wrong in their own words. The
//! rules of [`text`] are data, which the extension gets as generated JavaScript.

pub mod account;
pub mod credentials;
pub mod oss;
pub mod ram;
pub mod text;
