//! `setupNext`'s input as the caller writes it: the plan (only its `input` is read: the plan is
//! made again from it) and the answers so far, read by the one path-reporting reader
//! (crate/src/read/), each part in its turn ([`Later`]).

use crate::read::Later;
use crate::tutorial::input::shape::SetupPlanInput;
use serde::Deserialize;
use serde_json::Value;

/// `setupNext({plan, results})`.
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields))]
#[serde(deny_unknown_fields)]
pub struct SetupNextInput {
    #[cfg_attr(test, ts(as = "SetupNextPlan", optional = false))]
    pub plan: Option<SetupNextPlan>,
    /// The answers so far, in the order sent: parseResponse's answer to each operation.
    #[cfg_attr(test, ts(as = "Option<Vec<SetupResult>>"))]
    pub results: Option<Later<Vec<SetupResult>>>,
}

/// The setupPlan answer, of which setupNext reads only the input it echoes.
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SetupNextPlan {
    #[cfg_attr(test, ts(as = "SetupPlanInput"))]
    pub input: Option<Later<SetupPlanInput>>,
}

/// One answer received: the operation's id and parseResponse's answer (or a core error).
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SetupResult {
    pub id: String,
    #[cfg_attr(test, ts(as = "SetupResponse"))]
    pub response: Option<Later<SetupResponse>>,
}

/// parseResponse's answer (`result` or `apiError`) or a core error, passed on as it came: the
/// replay reads its parts as the plan's decisions need them (`replay.rs`).
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(
    test,
    ts(type = "{ result: ApiResult } | { apiError: ApiError } | { error: CoreError }")
)]
pub struct SetupResponse {
    pub result: Option<Value>,
    #[serde(rename = "apiError")]
    pub api_error: Option<Value>,
    pub error: Option<Value>,
}
