//! The tutorial's steps for one reader, with every value filled in: what to click in the console,
//! what to paste, and the aliyun CLI and Terraform that do the same.

mod b_user;
mod company_a;
mod company_b;
mod describe;
mod docs;
mod policy_steps;
mod reader;
mod step;
mod troubleshooting;

pub use describe::{policy_description, role_description, USER_TOKEN};
pub use docs::Docs;
pub use reader::{for_audience, AccountValues, CheckInputs, PolicyName, UserPolicy, Values};
pub use step::{Step, StepAnswer, StepValue};
pub use troubleshooting::{troubleshooting, Trouble};
