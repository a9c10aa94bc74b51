//! API request builders and response parsers for STS, RAM and OSS.
//!
//! Building: [`build`] checks a [`RequestInput`] against the action's documented rules and
//! returns the signed HTTP request to send, with every signing stage. Parsing: [`parse`] turns
//! the HTTP answer into a typed result or an [`ApiError`] with a hint in English and Chinese.

mod action;
mod build;
mod built;
mod console_session;
mod denied;
mod diff;
mod errors;
mod federation;
mod hints;
mod http;
mod input;
mod json;
mod oss;
mod oss_request;
mod ram;
mod response;
mod rpc_request;
mod rule;
mod sts;
mod validate;
mod xml;

pub use action::{Action, ActionSpec, FieldSpec, Service};
pub use build::{build, field_spec, unknown_field, BuiltRequest, Signing, COMMON_FIELDS};
pub use console_session::{
    assume_role_request, name_refusal, read_only_session_policy, session_name_from_caller, Refusal,
    SessionSpec,
};
pub use denied::{
    AccessDeniedDetail, DecodedDiagnosticResult, DeniedPolicyType, NoPermissionType, PrincipalType,
};
pub use diff::{compare_oss, compare_rpc, Comparison, SignatureDiff};
pub use errors::ApiError;
pub use federation::{
    check_destination, default_destination, default_login_url, federation_error, federation_url,
    login_url, parse_signin_token, signin_token_request, FederationError, FederationFailure,
    FormRequest, SigninOutcome, SigninToken, SIGNIN_TOKEN_SECONDS,
};
pub use input::{Credentials, FieldValue, RequestInput};
pub use oss::{
    BucketInfo, BucketSummary, ListBucketsResult, ListObjectsResult, ObjectSummary, Owner,
};
pub use ram::{
    AccountAliasResult, AckResult, AttachedPolicy, PolicyListResult, PolicyResult, PolicyVersion,
    RamPolicy, Role, RoleResult, User, UserResult,
};
pub use response::{parse, Answer, ApiResult, HttpResponse};
pub use sts::{AssumeRoleResult, AssumedRoleUser, CallerIdentity, StsCredentials};
pub use validate::{check, check_region, kind_phrase, Kind, Rule};
