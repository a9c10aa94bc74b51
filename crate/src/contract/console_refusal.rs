//! `consoleRefusal`: the checks' diagnosis of Open console's refused AssumeRole, in the checks'
//! wasm module (the worker loads it only when AssumeRole was refused; `consoleSignin` stays in the
//! small api module). `{roleArn, callerArn, status, headers, body}` (the AssumeRole answer
//! `consoleSignin`'s `answer` step named `assume-role`) -> `{text, snippet?}`: the refusal with the
//! AssumeRole check's finding and fix, or as `answer` named it when the check cannot decide, and
//! the policy document the fix names (`snippet`), when it names one.

use super::parse::Status;
use crate::api::{self, Action, Answer, HttpResponse};
use crate::checks::sign_in;
use crate::error::{Error, Result};
use crate::message::{ApiMessage, SigninMessage};
use crate::read::{self, Entries, Scalar, Unknown};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `consoleRefusal`'s input: the role, who asked for it, and AssumeRole's answer. Other fields
/// are ignored.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleRefusalInput", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct RefusalInput<'a> {
    role_arn: &'a str,
    caller_arn: &'a str,
    status: Status,
    #[cfg_attr(test, ts(optional))]
    headers: Option<Entries<Scalar>>,
    body: &'a str,
}

/// `consoleRefusal`'s answer.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleRefusalAnswer"))]
pub struct Refusal {
    /// The refusal, with the AssumeRole check's finding and fix.
    text: SigninMessage,
    /// The policy document the fix names.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    snippet: Option<String>,
}

/// A status out of range (the only value the input refuses).
fn status_range(u: Unknown<'_>) -> Error {
    let text = ApiMessage::StatusRange {
        value: u.field.to_string(),
    };
    Error::invalid_said(u.path, text)
}

pub fn console_refusal(input: &str) -> Result<Value> {
    let value = read::parse_json(input)?;
    let req: RefusalInput = read::read_value(&value, "$", Some(&status_range))?;
    let response = HttpResponse {
        status: req.status.0,
        headers: req
            .headers
            .unwrap_or_default()
            .0
            .into_iter()
            .map(|(k, v)| (k, v.0))
            .collect(),
        body: req.body.to_string(),
    };
    match api::parse(Action::AssumeRole, &response, None)? {
        Answer::Failure(e) => {
            let named =
                sign_in::name_refusal(Action::AssumeRole, &e, req.role_arn, Some(req.caller_arn));
            let answer = Refusal {
                text: named.text,
                snippet: named.snippet,
            };
            Ok(super::policy::values::to_value(&answer))
        }
        Answer::Success(_) => Err(Error::invalid(
            "$.body",
            "AssumeRole succeeded: consoleRefusal reads a refused AssumeRole only",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_refused_assume_role_with_the_checks_diagnosis() {
        let input = json!({
            "roleArn": "acs:ram::1746000000000001:role/admin-oss",
            "callerArn": "acs:ram::1746000000000002:user/alice",
            "status": 403, "headers": {},
            "body": r#"{"Code":"NoPermission","Message":"You are not authorized.","RequestId":"R",
                "AccessDeniedDetail":{"PolicyType":"AssumeRolePolicy","NoPermissionType":"ImplicitDeny"}}"#
        });
        let out = console_refusal(&input.to_string()).unwrap();
        assert_eq!(out["text"]["id"], "core_signin_assume_role_diagnosed");
        let ok = json!({
            "roleArn": "acs:ram::1746000000000001:role/admin-oss",
            "callerArn": "acs:ram::1746000000000002:user/alice",
            "status": 200, "headers": {},
            "body": r#"{"RequestId":"R","AssumedRoleUser":{"Arn":"a","AssumedRoleId":"i"},"Credentials":{"AccessKeyId":"STS.a","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2026-12-07T05:00:00Z"}}"#
        });
        assert!(console_refusal(&ok.to_string()).is_err());
        assert!(console_refusal("{}").is_err());
    }
}
