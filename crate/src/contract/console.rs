//! `consoleSignin`: the steps of the extension's Open console, one JSON call each (the worker
//! sends the requests and hands back the answers; the CLI calls the same api functions).
//! `step`:
//! - `assume`: `{roleArn, accountUid?, readOnly?, callerArn?, credentials, time, nonce}` -> the
//!   signed AssumeRole request (`request`'s shape) plus `sessionName` (from the caller) and
//!   `readOnly` (whether the read-only session policy went with it);
//! - `answer`: `{action: "GetCallerIdentity" | "AssumeRole", roleArn?, status, headers, body,
//!   stringToSign}` -> `{result}` or `{refusal: {kind, text}}` (kind `caller`, `assume-role`,
//!   `clock-skew`; text a catalog message);
//! - `token`: `{site, credentials: {accessKeyId, accessKeySecret, securityToken}}` -> the
//!   GetSigninToken form POST `{method, url, headers, body}`;
//! - `tokenAnswer`: `{status, headers, body}` -> `{signinToken}` or `{refusal: {kind:
//!   "token", code, text}}`;
//! - `login`: `{site, signinToken, destination?}` -> `{url}` (use it at once: 30 s, one use).

use super::parse::http_response;
use super::request::to_json;
use crate::api::{self, Action, Answer, Credentials, SessionSpec, SigninOutcome, StsCredentials};
use crate::error::{Error, Result};
use crate::fields::{child_path, parse_object, Object};
use crate::message::{ProfileMessage, SigninMessage};
use crate::profile::Site;
use serde_json::{json, Value};

/// Handles one `consoleSignin` step given as JSON text.
pub fn console_signin(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    match req.required_str("step")? {
        "assume" => assume(&req),
        "answer" => answer(&req),
        "token" => token(&req),
        "tokenAnswer" => token_answer(&req),
        "login" => login(&req),
        other => Err(Error::invalid(
            "$.step",
            format!("{other:?} is not a step: use assume, answer, token, tokenAnswer or login"),
        )),
    }
}

fn assume(req: &Object) -> Result<Value> {
    let read_only = req.optional_bool("readOnly")?.unwrap_or(false);
    let policy = if read_only {
        let uid = req.required_str("accountUid")?;
        Some(api::read_only_session_policy(uid).map_err(|e| e.at("$.accountUid"))?)
    } else {
        None
    };
    let session_name = api::session_name_from_caller(req.optional_str("callerArn")?.unwrap_or(""));
    let spec = SessionSpec {
        role_arn: req.required_str("roleArn")?.to_string(),
        session_name: session_name.clone(),
        duration_seconds: req.optional_i64("durationSeconds")?,
        policy,
    };
    let built = api::assume_role_request(
        credentials(req)?,
        &spec,
        req.required_str("time")?,
        req.required_str("nonce")?,
    )?;
    let mut value = to_json(&built);
    value["sessionName"] = session_name.into();
    value["readOnly"] = read_only.into();
    Ok(value)
}

fn answer(req: &Object) -> Result<Value> {
    let action = match req.required_str("action")? {
        "GetCallerIdentity" => Action::GetCallerIdentity,
        "AssumeRole" => Action::AssumeRole,
        other => {
            return Err(Error::invalid(
                "$.action",
                format!("{other:?}: answer reads GetCallerIdentity or AssumeRole"),
            ))
        }
    };
    let response = http_response(req)?;
    let ours = req.optional_str("stringToSign")?;
    Ok(match api::parse(action, &response, ours)? {
        Answer::Success(result) => json!({ "result": result }),
        Answer::Failure(e) => {
            let role_arn = req.optional_str("roleArn")?.unwrap_or_default();
            let (kind, text) = api::name_refusal(action, &e, role_arn);
            json!({ "refusal": { "kind": kind, "code": e.code, "text": text } })
        }
    })
}

fn token(req: &Object) -> Result<Value> {
    let creds = req
        .optional_object("credentials")?
        .ok_or_else(|| Error::missing("$.credentials"))?;
    let sts = StsCredentials {
        access_key_id: creds.required_str("accessKeyId")?.to_string(),
        access_key_secret: creds.required_str("accessKeySecret")?.to_string(),
        security_token: creds.required_str("securityToken")?.to_string(),
        expiration: String::new(),
    };
    let built = api::signin_token_request(&sts, site(req)?)?;
    let headers: serde_json::Map<String, Value> = built
        .headers
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect();
    Ok(json!({ "method": built.method, "url": built.url, "headers": headers, "body": built.body }))
}

fn token_answer(req: &Object) -> Result<Value> {
    Ok(match api::parse_signin_token(&http_response(req)?)? {
        SigninOutcome::Token(t) => json!({ "signinToken": t.signin_token }),
        SigninOutcome::Refused(e) => {
            let code = e.code.clone();
            let text = SigninMessage::TokenRefusedAgain {
                code: e.code,
                message: e.message,
            };
            json!({ "refusal": { "kind": "token", "code": code, "text": text } })
        }
    })
}

fn login(req: &Object) -> Result<Value> {
    let site = site(req)?;
    let destination = req
        .optional_str("destination")?
        .unwrap_or(api::default_destination(site));
    let url = api::login_url(
        site,
        api::default_login_url(site),
        destination,
        req.required_str("signinToken")?,
    )?;
    Ok(json!({ "url": url }))
}

fn site(req: &Object) -> Result<Site> {
    let name = req.required_str("site")?;
    Site::from_name(name).ok_or_else(|| {
        let text = ProfileMessage::ProfileSiteInvalid {
            value: name.to_string(),
        };
        Error::invalid_said("$.site", text)
    })
}

fn credentials(req: &Object) -> Result<Credentials> {
    let creds = req
        .optional_object("credentials")?
        .ok_or_else(|| Error::missing("$.credentials"))?;
    let token = creds.optional_str("securityToken")?;
    Ok(Credentials {
        access_key_id: creds.required_str("accessKeyId")?.to_string(),
        access_key_secret: creds.required_str("accessKeySecret")?.to_string(),
        security_token: token.filter(|t| !t.is_empty()).map(str::to_string),
    })
    .map_err(|e: Error| e.at(child_path("$", "credentials")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(input: Value) -> Value {
        console_signin(&input.to_string()).unwrap()
    }

    #[test]
    fn assume_read_only_carries_the_session_policy_and_the_caller_name() {
        let built = call(json!({
            "step": "assume", "roleArn": "acs:ram::1746000000000001:role/admin-oss",
            "accountUid": "1746000000000001", "readOnly": true,
            "callerArn": "acs:ram::1746000000000002:user/alice",
            "credentials": {"accessKeyId": "LTAI5tExample", "accessKeySecret": "s"},
            "time": "2026-12-07T04:00:00Z", "nonce": "n-1"
        }));
        let body = built["body"].as_str().unwrap();
        assert!(body.contains("RoleSessionName=alice"), "{body}");
        assert!(body.contains("Policy=%7B"), "{body}");
        assert_eq!(built["sessionName"], "alice");
        assert_eq!(built["readOnly"], true);
        let full = call(json!({
            "step": "assume", "roleArn": "acs:ram::1746000000000001:role/admin-oss",
            "credentials": {"accessKeyId": "LTAI5tExample", "accessKeySecret": "s"},
            "time": "2026-12-07T04:00:00Z", "nonce": "n-1"
        }));
        assert!(!full["body"].as_str().unwrap().contains("Policy="));
        assert_eq!(full["sessionName"], "rolehop");
    }

    #[test]
    fn refusals_are_named() {
        let denied = call(json!({
            "step": "answer", "action": "AssumeRole", "roleArn": "acs:ram::1:role/r",
            "status": 403, "headers": {},
            "body": r#"{"Code":"NoPermission","Message":"You are not authorized","RequestId":"R"}"#
        }));
        assert_eq!(denied["refusal"]["kind"], "assume-role");
        assert_eq!(
            denied["refusal"]["text"]["id"],
            "core_signin_assume_role_denied"
        );
        let skew = call(json!({
            "step": "answer", "action": "GetCallerIdentity", "status": 400,
            "headers": {"date": "Mon, 07 Dec 2026 04:00:00 GMT"},
            "body": r#"{"Code":"InvalidTimeStamp.Expired","Message":"x","RequestId":"R"}"#
        }));
        assert_eq!(skew["refusal"]["kind"], "clock-skew");
        let token = call(json!({
            "step": "tokenAnswer", "status": 401, "headers": {},
            "body": r#"{"Code":"InvalidCredential.AuthenticateFail","Message":"bad"}"#
        }));
        assert_eq!(
            token["refusal"]["text"]["id"],
            "core_signin_token_refused_again"
        );
        let ok = call(
            json!({"step": "tokenAnswer", "status": 200, "headers": {}, "body": r#"{"SigninToken":"t1"}"#}),
        );
        assert_eq!(ok["signinToken"], "t1");
    }

    #[test]
    fn token_and_login() {
        let t = call(json!({"step": "token", "site": "intl", "credentials": {
            "accessKeyId": "STS.k", "accessKeySecret": "s", "securityToken": "tok"}}));
        assert_eq!(t["url"], "https://signin.alibabacloud.com/federation");
        assert!(t["body"]
            .as_str()
            .unwrap()
            .starts_with("Action=GetSigninToken&"));
        let l = call(json!({"step": "login", "site": "cn", "signinToken": "a/b"}));
        assert!(l["url"].as_str().unwrap().ends_with("&SigninToken=a%2Fb"));
        assert!(console_signin(r#"{"step":"nope"}"#).is_err());
    }
}
