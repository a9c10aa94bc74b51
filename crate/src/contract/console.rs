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

use super::parse::{HttpAnswer, Status};
use crate::api::{self, Action, Answer, Credentials, SessionSpec, SigninOutcome, StsCredentials};
use crate::error::{Error, Result};
use crate::message::{ApiMessage, ProfileMessage, SigninMessage};
use crate::profile::Site;
use crate::read::{self, read_value, Entries, Scalar, Unknown, What};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Handles one `consoleSignin` step given as JSON text.
pub fn console_signin(input: &str) -> Result<Value> {
    let value = read::parse_json(input)?;
    match read::tag(&value, "$", "step")? {
        "assume" => assume(&value),
        "answer" => answer(&value),
        "token" => token(&value),
        "tokenAnswer" => token_answer(&value),
        "login" => login(&value),
        other => Err(Error::invalid(
            "$.step",
            format!("{other:?} is not a step: use assume, answer, token, tokenAnswer or login"),
        )),
    }
}

/// Reads the request's fields of one step as `T` (unknown fields are ignored).
fn fields<'v, T: Deserialize<'v>>(value: &'v Value) -> Result<T> {
    read_value(value, "$", Some(&refused))
}

/// A site that is none of `cn` and `intl`, or a status out of range.
fn refused(u: Unknown<'_>) -> Error {
    if u.what == What::Value {
        let text = ApiMessage::StatusRange {
            value: u.field.to_string(),
        };
        return Error::invalid_said(u.path, text);
    }
    let text = ProfileMessage::ProfileSiteInvalid {
        value: u.field.to_string(),
    };
    Error::invalid_said(u.path, text)
}

/// `assume`, first read: whether the session is read-only (its policy, checked before the rest is
/// read, needs `accountUid`).
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleAssumeMode", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub(super) struct AssumeMode {
    read_only: Option<bool>,
}

/// `assume`, read only for a read-only session.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleReadOnlyAccount", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub(super) struct ReadOnlyAccount<'a> {
    account_uid: &'a str,
}

/// `assume`, the rest of the request.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleAssumeInput", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub(super) struct AssumeInput<'a> {
    /// Names the session (`rolehop` without it).
    #[serde(borrow)]
    caller_arn: Option<&'a str>,
    role_arn: &'a str,
    duration_seconds: Option<i64>,
    credentials: CallerCredentials<'a>,
    time: &'a str,
    nonce: &'a str,
}

/// The caller's AccessKey, or STS credentials with `securityToken` (`""` is none).
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleCallerCredentials", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub(super) struct CallerCredentials<'a> {
    #[serde(borrow)]
    security_token: Option<&'a str>,
    access_key_id: &'a str,
    access_key_secret: &'a str,
}

fn assume(value: &Value) -> Result<Value> {
    let read_only = fields::<AssumeMode>(value)?.read_only.unwrap_or(false);
    let policy = if read_only {
        let uid = fields::<ReadOnlyAccount>(value)?.account_uid;
        Some(api::read_only_session_policy(uid).map_err(|e| e.at("$.accountUid"))?)
    } else {
        None
    };
    let req: AssumeInput = fields(value)?;
    let session_name = api::session_name_from_caller(req.caller_arn.unwrap_or(""));
    let spec = SessionSpec {
        role_arn: req.role_arn.to_string(),
        session_name: session_name.clone(),
        duration_seconds: req.duration_seconds,
        policy,
    };
    let creds = req.credentials;
    let credentials = Credentials {
        access_key_id: creds.access_key_id.to_string(),
        access_key_secret: creds.access_key_secret.to_string(),
        security_token: creds
            .security_token
            .filter(|t| !t.is_empty())
            .map(str::to_string),
    };
    let request = api::assume_role_request(credentials, &spec, req.time, req.nonce)?;
    Ok(to_json(&AssumeRequest {
        request,
        session_name,
        read_only,
    }))
}

/// `assume`'s answer: the signed AssumeRole request, the session's name, and whether the
/// read-only session policy went with it. Its TypeScript is stated in contract/typescript.rs: the
/// request's own type, not its fields written out again.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct AssumeRequest {
    #[serde(flatten)]
    pub request: api::BuiltRequest,
    pub session_name: String,
    pub read_only: bool,
}

/// An answer as JSON: strings, numbers, flags and catalog messages, whose serialising cannot fail.
fn to_json<T: Serialize>(answer: &T) -> Value {
    serde_json::to_value(answer).unwrap_or(Value::Null)
}

/// `answer`, once its `action` is known.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleAnswerInput", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub(super) struct AnswerInput<'a> {
    status: Status,
    #[cfg_attr(test, ts(optional))]
    headers: Option<Entries<Scalar>>,
    body: &'a str,
    /// Our string to sign, to explain a SignatureDoesNotMatch with the first difference.
    #[serde(borrow)]
    string_to_sign: Option<&'a str>,
}

/// `answer`, read only for a refusal: the role it names.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleRefusedRole", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub(super) struct RefusedRole<'a> {
    #[serde(borrow)]
    role_arn: Option<&'a str>,
}

/// A refused call: whose fault (`kind`), the API's code, and what to do (a catalog message).
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleRefused"))]
pub(super) struct Refused {
    kind: RefusedBy,
    code: String,
    text: SigninMessage,
}

/// Whose fault a refusal is: an STS call's (`caller`, `assume-role`, `clock-skew`), or the
/// federation endpoint's, which refused the sign-in token (`token`).
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleRefusedBy"))]
#[serde(untagged)]
pub(super) enum RefusedBy {
    Sts(api::Refusal),
    Federation(Federation),
}

/// The federation endpoint, as a refusal's `kind` names it.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleFederation"))]
pub(super) enum Federation {
    #[serde(rename = "token")]
    Token,
}

/// One step's answer: `{"result"}`, `{"refusal"}`, `{"signinToken"}` or `{"url"}`.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleStepAnswer"))]
#[serde(rename_all = "camelCase")]
pub(super) enum StepAnswer {
    Result(Box<api::ApiResult>),
    Refusal(Refused),
    SigninToken(String),
    Url(String),
}

fn answer(value: &Value) -> Result<Value> {
    let action = match read::tag(value, "$", "action")? {
        "GetCallerIdentity" => Action::GetCallerIdentity,
        "AssumeRole" => Action::AssumeRole,
        other => {
            return Err(Error::invalid(
                "$.action",
                format!("{other:?}: answer reads GetCallerIdentity or AssumeRole"),
            ))
        }
    };
    let req: AnswerInput = fields(value)?;
    let response = HttpAnswer {
        status: req.status,
        headers: req.headers,
        body: req.body,
    }
    .response();
    Ok(match api::parse(action, &response, req.string_to_sign)? {
        Answer::Success(result) => to_json(&StepAnswer::Result(Box::new(result))),
        Answer::Failure(e) => {
            let role_arn = fields::<RefusedRole>(value)?.role_arn.unwrap_or_default();
            let (kind, text) = api::name_refusal(action, &e, role_arn);
            to_json(&StepAnswer::Refusal(Refused {
                kind: RefusedBy::Sts(kind),
                code: e.code,
                text,
            }))
        }
    })
}

/// `token`: the assumed role's STS credentials, and the site to sign in on.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleTokenInput", optional_fields = nullable))]
pub(super) struct TokenInput<'a> {
    #[serde(borrow)]
    credentials: SessionCredentials<'a>,
    site: Site,
}

/// STS credentials (all three fields).
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleSessionCredentials", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub(super) struct SessionCredentials<'a> {
    access_key_id: &'a str,
    access_key_secret: &'a str,
    security_token: &'a str,
}

fn token(value: &Value) -> Result<Value> {
    let req: TokenInput = fields(value)?;
    let creds = req.credentials;
    let sts = StsCredentials {
        access_key_id: creds.access_key_id.to_string(),
        access_key_secret: creds.access_key_secret.to_string(),
        security_token: creds.security_token.to_string(),
        expiration: String::new(),
    };
    Ok(to_json(&api::signin_token_request(&sts, req.site)?))
}

fn token_answer(value: &Value) -> Result<Value> {
    let response = fields::<HttpAnswer>(value)?.response();
    Ok(match api::parse_signin_token(&response)? {
        SigninOutcome::Token(t) => to_json(&StepAnswer::SigninToken(t.signin_token)),
        SigninOutcome::Refused(e) => {
            let code = e.code.clone();
            let text = SigninMessage::TokenRefusedAgain {
                code: e.code,
                message: e.message,
            };
            to_json(&StepAnswer::Refusal(Refused {
                kind: RefusedBy::Federation(Federation::Token),
                code,
                text,
            }))
        }
    })
}

/// `login`: the sign-in token, used at once.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleLoginInput", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub(super) struct LoginInput<'a> {
    site: Site,
    /// The console page to land on (the site's OSS console without it).
    #[serde(borrow)]
    destination: Option<&'a str>,
    signin_token: &'a str,
}

fn login(value: &Value) -> Result<Value> {
    let req: LoginInput = fields(value)?;
    let destination = req
        .destination
        .unwrap_or(api::default_destination(req.site));
    let url = api::login_url(
        req.site,
        api::default_login_url(req.site),
        destination,
        req.signin_token,
    )?;
    Ok(to_json(&StepAnswer::Url(url)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
