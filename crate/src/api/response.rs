//! Turning an HTTP answer into a typed result or an `ApiError`. Success bodies are JSON (RPC)
//! or XML (OSS); anything unexpected in a success body is an `invalid-response` error that says
//! what was missing or wrong. No input makes this panic.

use super::action::Action;
use super::errors::{api_error, read_error_body, ApiError};
pub use super::http::HttpResponse;
use super::{denied, json, oss, ram, sts, xml};
use crate::error::{Error, Result};
use crate::message::ApiMessage;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The typed result of a successful call (serialised as the result object itself). Read back
/// without its action (untagged), the first variant whose fields it has wins: `Ack` (only a
/// request id) comes last. [`ApiResult::from_value`] reads it as its action's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(untagged)]
pub enum ApiResult {
    AssumeRole(sts::AssumeRoleResult),
    CallerIdentity(sts::CallerIdentity),
    Role(ram::RoleResult),
    User(ram::UserResult),
    Policy(ram::PolicyResult),
    Policies(ram::PolicyListResult),
    AccountAlias(ram::AccountAliasResult),
    Buckets(oss::ListBucketsResult),
    Objects(oss::ListObjectsResult),
    BucketInfo(oss::BucketInfo),
    Decoded(denied::DecodedDiagnosticResult),
    Ack(ram::AckResult),
}

impl ApiResult {
    /// `action`'s result as parseResponse gave it (the checks' facts carry it back): the
    /// same shape [`parse`] produces for that action, or serde's words about what differs.
    pub fn from_value(action: Action, value: Value) -> serde_json::Result<ApiResult> {
        // Read by reference: serde_json's borrowing deserializer gives the same words and its
        // code per result type is smaller than the owning one's (`serde_json::from_value`).
        fn read<'v, T: Deserialize<'v>>(value: &'v Value) -> serde_json::Result<T> {
            T::deserialize(value)
        }
        let value = &value;
        use Action::*;
        use ApiResult as R;
        Ok(match action {
            AssumeRole => R::AssumeRole(read(value)?),
            GetCallerIdentity => R::CallerIdentity(read(value)?),
            GetRole | CreateRole | UpdateRole => R::Role(read(value)?),
            CreateUser => R::User(read(value)?),
            CreatePolicy | GetPolicy => R::Policy(read(value)?),
            ListPoliciesForRole | ListPoliciesForUser => R::Policies(read(value)?),
            AttachPolicyToRole | AttachPolicyToUser => R::Ack(read(value)?),
            GetAccountAlias => R::AccountAlias(read(value)?),
            DecodeDiagnosticMessage => R::Decoded(read(value)?),
            ListBuckets => R::Buckets(read(value)?),
            ListObjects | ListObjectsV2 => R::Objects(read(value)?),
            GetBucketInfo => R::BucketInfo(read(value)?),
        })
    }

    /// The answer's request id (OSS: the `x-oss-request-id` header, when it was given).
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ApiResult::AssumeRole(r) => Some(&r.request_id),
            ApiResult::CallerIdentity(r) => Some(&r.request_id),
            ApiResult::Role(r) => Some(&r.request_id),
            ApiResult::User(r) => Some(&r.request_id),
            ApiResult::Policy(r) => Some(&r.request_id),
            ApiResult::Policies(r) => Some(&r.request_id),
            ApiResult::AccountAlias(r) => Some(&r.request_id),
            ApiResult::Decoded(r) => Some(&r.request_id),
            ApiResult::Ack(r) => Some(&r.request_id),
            ApiResult::Buckets(r) => r.request_id.as_deref(),
            ApiResult::Objects(r) => r.request_id.as_deref(),
            ApiResult::BucketInfo(r) => r.request_id.as_deref(),
        }
    }
}

/// A parsed answer: the call's result, or the service's error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Success(ApiResult),
    Failure(ApiError),
}

/// Parses the answer to `action`. A 2xx answer must carry the documented success body (an
/// error body in a 2xx answer is still read as an error); other statuses are errors.
pub fn parse(
    action: Action,
    response: &HttpResponse,
    our_string_to_sign: Option<&str>,
) -> Result<Answer> {
    if !(200..300).contains(&response.status) {
        return Ok(Answer::Failure(api_error(
            action,
            response,
            our_string_to_sign,
        )));
    }
    match parse_success(action, response) {
        Ok(result) => Ok(Answer::Success(result)),
        Err(_) if read_error_body(&response.body).is_some() => Ok(Answer::Failure(api_error(
            action,
            response,
            our_string_to_sign,
        ))),
        Err(e) => {
            // A reader's problem, in the api area's words: said as this action's response.
            let problem = e.text.as_ref().and_then(|t| t.downcast_ref::<ApiMessage>());
            Err(match problem {
                Some(problem) => {
                    let text = ApiMessage::ResponseUndocumented {
                        action: action.name().to_string(),
                        problem: Box::new(problem.clone()),
                    };
                    Error::said(e.kind, text)
                        .with_position_of(&e)
                        .at(e.path.clone().unwrap_or_default())
                }
                None => e,
            })
        }
    }
}

fn parse_success(action: Action, response: &HttpResponse) -> Result<ApiResult> {
    use Action::*;
    use ApiResult as R;
    let body = &response.body;
    let request_id = || response.header("x-oss-request-id").map(str::to_string);
    match action {
        AssumeRole => with_json(body, |r| sts::assume_role(r).map(R::AssumeRole)),
        GetCallerIdentity => with_json(body, |r| sts::caller_identity(r).map(R::CallerIdentity)),
        GetRole | CreateRole | UpdateRole => with_json(body, |r| ram::role_result(r).map(R::Role)),
        CreateUser => with_json(body, |r| ram::user_result(r).map(R::User)),
        CreatePolicy | GetPolicy => with_json(body, |r| ram::policy_result(r).map(R::Policy)),
        ListPoliciesForRole | ListPoliciesForUser => {
            with_json(body, |r| ram::policy_list(r).map(R::Policies))
        }
        AttachPolicyToRole | AttachPolicyToUser => with_json(body, |r| ram::ack(r).map(R::Ack)),
        GetAccountAlias => with_json(body, |r| ram::account_alias(r).map(R::AccountAlias)),
        DecodeDiagnosticMessage => with_json(body, |r| denied::decoded_result(r).map(R::Decoded)),
        ListBuckets => with_xml(body, "ListAllMyBucketsResult", |r| {
            oss::list_buckets(r, request_id()).map(R::Buckets)
        }),
        ListObjects | ListObjectsV2 => with_xml(body, "ListBucketResult", |r| {
            oss::list_objects(r, request_id()).map(R::Objects)
        }),
        GetBucketInfo => with_xml(body, "BucketInfo", |r| {
            oss::bucket_info(r, request_id()).map(R::BucketInfo)
        }),
    }
}

fn with_json(body: &str, read: impl FnOnce(&json::Node) -> Result<ApiResult>) -> Result<ApiResult> {
    let value = json::parse(body)?;
    let root = json::Node::root(&value);
    root.expect_object()?;
    read(&root)
}

fn with_xml(
    body: &str,
    root_name: &str,
    read: impl FnOnce(&xml::Node) -> Result<ApiResult>,
) -> Result<ApiResult> {
    let element = xml::parse(body)?;
    let root = xml::Node::root(&element, root_name)?;
    read(&root)
}
