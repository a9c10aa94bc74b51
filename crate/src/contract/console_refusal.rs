//! `consoleRefusal`: the checks' diagnosis of Open console's refused AssumeRole, in the checks'
//! wasm module (the worker loads it only when AssumeRole was refused; `consoleSignin` stays in the
//! small api module). `{roleArn, callerArn, status, headers, body}` (the AssumeRole answer
//! `consoleSignin`'s `answer` step named `assume-role`) -> `{text, snippet?}`: the refusal with the
//! AssumeRole check's finding and fix, or as `answer` named it when the check cannot decide, and
//! the policy document the fix names (`snippet`), when it names one.

use super::parse::http_response;
use crate::api::{self, Action, Answer};
use crate::checks::sign_in;
use crate::error::{Error, Result};
use crate::fields::parse_object;
use serde_json::{json, Value};

pub fn console_refusal(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    let role_arn = req.required_str("roleArn")?;
    let caller = req.required_str("callerArn")?;
    let response = http_response(&req)?;
    match api::parse(Action::AssumeRole, &response, None)? {
        Answer::Failure(e) => {
            let named = sign_in::name_refusal(Action::AssumeRole, &e, role_arn, Some(caller));
            let mut answer = json!({ "text": named.text });
            if let Some(snippet) = named.snippet {
                answer["snippet"] = Value::String(snippet);
            }
            Ok(answer)
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
