//! "Do it for me": one company's half of the tutorial as RAM requests. Every write is preceded
//! by the read that tells whether it is needed, so a re-run on a finished account reads and
//! changes nothing. The plan holds `request` contract inputs without credentials, time or nonce
//! (the service worker adds them, signs, sends, and hands the parsed answers to [`next`]).

mod next;
mod operation;
mod plan;
mod tasks;

pub use next::answer::{SetupNextResult, SetupOutcome};
pub use next::input::{SetupNextInput, SetupNextPlan, SetupResponse, SetupResult};
pub use next::next;
#[cfg(test)]
pub use operation::SetupTask;
pub use operation::{Operation, SetupOperation, SetupPreview, SetupReplaces, Task};
pub use plan::{read, Plan, SetupPlan, SetupPlanTask};
