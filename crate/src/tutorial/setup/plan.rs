//! One side's plan: the setupPlan input read, the tasks of that side in order (each request
//! checked against the API layer's rules before it is offered), and the plan's answer.

use super::operation::{Operation, SetupOperation, Task};
use super::tasks::{attach, identity, policy, role, user};
use crate::error::{Error, ErrorKind, Result};
use crate::message::SetupMessage as S;
use crate::side::AccountSide;
use crate::tutorial::check::api_request;
use crate::tutorial::input::{self, Permission, Setup};
use crate::tutorial::policies::{self, Document};
use serde::Serialize;
use serde_json::Value;

/// Reads the setupPlan input (parsed JSON): the tutorial input, then `side`.
pub fn read(given: &Value) -> Result<(Setup, AccountSide)> {
    let (tutorial, side) = input::plan_input(given)?.split();
    let setup = input::read(&tutorial, false)?;
    let Some(side) = side else {
        return Err(Error::said(ErrorKind::MissingField, S::SideMissing {}).at("$.side"));
    };
    let side = match side.read("$.side", None)?.as_str() {
        "A" => AccountSide::A,
        "B" => AccountSide::B,
        other => {
            return Err(Error::invalid_said(
                "$.side",
                S::SideInvalid {
                    value: other.into(),
                },
            ))
        }
    };
    Ok((setup, side))
}

/// The plan of one side.
#[derive(Debug, Clone)]
pub struct Plan {
    pub side: AccountSide,
    /// The account the credentials must belong to.
    pub account: String,
    pub setup: Setup,
    pub tasks: Vec<Task>,
    /// Side A: the role's trust policy.
    pub trust: Option<Document>,
    /// The custom policy this side creates (A's OSS policy or B's AssumeRole policy).
    pub custom: Option<Document>,
}

impl Plan {
    pub fn new(setup: &Setup, side: AccountSide) -> Result<Plan> {
        let mut tasks = vec![identity(setup, side)];
        let (trust, custom) = match side {
            AccountSide::A => {
                let trust = policies::trust(setup)?;
                tasks.push(role(setup, &trust));
                let custom = match setup.permission {
                    Permission::Custom { .. } => Some(policies::permission(setup)?),
                    Permission::System => None,
                };
                (Some(trust), custom)
            }
            AccountSide::B => {
                tasks.push(user(setup));
                let custom = match setup.assume {
                    input::AssumePolicy::Scoped { .. } => Some(policies::assume(setup)?),
                    input::AssumePolicy::System => None,
                };
                (None, custom)
            }
        };
        if let Some(doc) = &custom {
            tasks.push(policy(setup, side, doc));
        }
        tasks.push(attach(setup, side));
        // Every request must keep the API layer's rules before it is offered.
        for op in tasks.iter().flat_map(|t| &t.operations) {
            api_request(op.action, &op.fields)?;
        }
        let account = match side {
            AccountSide::A => setup.a.uid.clone(),
            AccountSide::B => setup.b.uid.clone(),
        };
        Ok(Plan {
            side,
            account,
            setup: setup.clone(),
            tasks,
            trust,
            custom,
        })
    }

    pub fn operation(&self, id: &str) -> Option<&Operation> {
        self.tasks
            .iter()
            .flat_map(|t| &t.operations)
            .find(|o| o.id == id)
    }

    /// The setupPlan answer; `input` (as given) is echoed for setupNext.
    pub fn answer(&self, input: Value) -> SetupPlan {
        let tasks = self
            .tasks
            .iter()
            .map(|t| SetupPlanTask {
                id: t.id,
                title: t.title.clone(),
                operations: t.operations.iter().map(|o| o.id).collect(),
            })
            .collect();
        let operations = self
            .tasks
            .iter()
            .flat_map(|t| &t.operations)
            .map(|o| o.answer(None))
            .collect();
        SetupPlan {
            side: self.side,
            account: self.account.clone(),
            input,
            tasks,
            operations,
        }
    }
}

/// `setupPlan`'s answer.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SetupPlan {
    #[cfg_attr(test, ts(type = "\"A\" | \"B\""))]
    side: AccountSide,
    /// The account the credentials must belong to.
    account: String,
    /// The setupPlan input, echoed: setupNext reads only this.
    #[cfg_attr(test, ts(as = "crate::tutorial::input::shape::SetupPlanInput"))]
    input: Value,
    tasks: Vec<SetupPlanTask>,
    operations: Vec<SetupOperation>,
}

/// One task of the plan: its title and its operations' ids, in order.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SetupPlanTask {
    #[cfg_attr(test, ts(as = "super::operation::SetupTask"))]
    id: &'static str,
    title: S,
    operations: Vec<&'static str>,
}
