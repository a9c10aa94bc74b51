//! `policyBuild`, `policyLint` and `policySimulate`: the policy engine behind the JSON contract.
//! Policy documents come as JSON text (positions in errors refer to that text) or as JSON objects.

mod batch;
mod build;
pub mod limits;
mod lint;
mod loaded;
mod request;
mod simulate;
pub(crate) mod values;

pub use build::build;
pub use lint::lint;
pub use simulate::simulate;
