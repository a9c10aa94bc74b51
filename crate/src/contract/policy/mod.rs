//! `policyBuild`, `policyLint` and `policySimulate`: the policy engine behind the JSON contract.
//! Policy documents come as JSON text (positions in errors refer to that text) or as JSON objects.

pub(crate) mod answer;
mod batch;
mod build;
pub(crate) mod build_answer;
pub(crate) mod build_input;
pub mod limits;
pub(crate) mod lint;
pub(crate) mod loaded;
pub(crate) mod request;
pub(crate) mod simulate;
pub(crate) mod values;

pub use build::build;
pub use lint::lint;
pub use simulate::simulate;
