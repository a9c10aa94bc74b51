//! What to do about an API error, for the codes RoleHop's checks meet: a catalog message
//! (`core_api_hint_*`). Matching is by code (exact or family prefix), refined by the action and
//! the message. Steps are numbered by the one tutorial numbering ([`TutorialStep`]).

use super::action::{Action, Service};
use crate::message::ApiMessage;
use crate::tutorial::numbering::TutorialStep;

/// What to do, as a catalog message.
pub type Hint = ApiMessage;

/// What is known about an error when choosing its hint.
pub struct HintContext<'a> {
    pub action: Action,
    pub code: &'a str,
    pub message: &'a str,
    pub status: u16,
    pub server_date: Option<&'a str>,
    /// OSS's `<Endpoint>`: where the bucket must be addressed.
    pub endpoint: Option<&'a str>,
}

/// A step's number, as messages carry it.
fn step(step: TutorialStep) -> usize {
    usize::from(step.number())
}

/// The hint for an error other than SignatureDoesNotMatch (see `diff::explain`).
pub fn hint(ctx: &HintContext) -> Hint {
    use ApiMessage as M;
    let code = ctx.code;
    let family = code.split('.').next().unwrap_or(code);
    let action = || ctx.action.name().to_string();
    match (code, family) {
        ("NoPermission", _) if ctx.message.contains("root account") => M::HintRootAssume {},
        ("NoPermission", _) if ctx.action == Action::AssumeRole => M::HintAssumeDenied {
            user_step: step(TutorialStep::UserInB),
            role_step: step(TutorialStep::RoleInA),
        },
        ("NoPermission" | "Forbidden", _) | (_, "NoPermission") | (_, "Forbidden") => {
            missing_permission(ctx.action)
        }
        ("EntityNotExist.Role", _) => M::HintRoleNotExist {
            step: step(TutorialStep::RoleInA),
        },
        ("EntityNotExist.User", _) => M::HintUserNotExist {},
        (_, "EntityNotExist") => M::HintEntityNotExist {},
        (_, "EntityAlreadyExists") if code.ends_with(".Policy") => M::HintPolicyAttached {},
        (_, "EntityAlreadyExists") => M::HintEntityExists {},
        (_, "DeleteConflict") => M::HintDeleteConflict {},
        (_, "LimitExceeded") => M::HintLimitExceeded {},
        ("InvalidParameter.PolicyGrammar", _) | (_, "MalformedPolicyDocument") => {
            M::HintPolicyGrammar {}
        }
        _ if family == "InvalidParameter" && code.contains("DurationSeconds") => M::HintDuration {},
        ("InvalidParameter.RoleSessionName", _) => M::HintSessionName {},
        (_, "InvalidParameter" | "MissingParameter" | "InvalidArgument") => M::HintParameter {
            action: action(),
            message: ctx.message.to_string(),
        },
        ("InvalidTimeStamp.Expired" | "RequestTimeTooSkewed", _) => match ctx.server_date {
            Some(date) => M::HintClockSkewDate {
                date: date.to_string(),
            },
            None => M::HintClockSkew {},
        },
        ("InvalidTimeStamp.Format", _) => M::HintTimestampFormat {},
        ("SignatureNonceUsed", _) => M::HintNonceUsed {},
        ("IncompleteSignature", _) | (_, "MissingSignature") => M::HintSignatureMissing {},
        ("InvalidSecurityToken.Expired" | "SecurityTokenExpired", _) => M::HintTokenExpired {},
        ("InvalidSecurityToken.MismatchWithAccessKey", _) => M::HintTokenMismatch {},
        ("MissingSecurityToken", _) => M::HintTokenMissing {},
        (_, "InvalidSecurityToken") => M::HintTokenInvalid {},
        ("InvalidAccessKeyId.Inactive", _) => M::HintKeyInactive {},
        (_, "InvalidAccessKeyId") => M::HintKeyUnknown {},
        (_, "Throttling")
        | ("ServiceUnavailable" | "InternalError" | "ServiceBusy", _)
        | (_, "InternalError") => M::HintBusy {},
        ("AccessDenied", _) if ctx.endpoint.is_some() || ctx.message.contains("endpoint") => {
            wrong_endpoint(ctx.endpoint)
        }
        ("AccessDenied", _) if ctx.action.service() == Service::Oss => oss_denied(ctx.action),
        ("AccessDenied", _) => M::HintAccessDenied { action: action() },
        ("PermanentRedirect", _) => wrong_endpoint(ctx.endpoint),
        ("NoSuchBucket", _) => M::HintNoSuchBucket {},
        ("NoSuchKey", _) => M::HintNoSuchKey {},
        ("InvalidBucketName", _) => M::HintBucketName {},
        _ if is_http_code(code) => http_failure(ctx.status),
        _ => M::HintOther {
            action: action(),
            code: code.to_string(),
            message: ctx.message.to_string(),
        },
    }
}

/// The code given to answers that carry no API error (`Http502`).
pub fn http_code(status: u16) -> String {
    format!("Http{status}")
}

fn is_http_code(code: &str) -> bool {
    code.strip_prefix("Http")
        .is_some_and(|n| n.len() == 3 && n.bytes().all(|c| c.is_ascii_digit()))
}

fn wrong_endpoint(endpoint: Option<&str>) -> Hint {
    match endpoint {
        Some(endpoint) => ApiMessage::HintWrongEndpoint {
            endpoint: endpoint.to_string(),
        },
        None => ApiMessage::HintWrongRegion {},
    }
}

/// The identity lacks the API permission `<service>:<action>`.
fn missing_permission(action: Action) -> Hint {
    let name = action.name();
    let (service, ram) = match action.service() {
        Service::Sts => ("sts", false),
        Service::Ram => ("ram", true),
        Service::Oss => ("oss", false),
    };
    let permission = format!("{service}:{name}");
    let action = name.to_string();
    if ram {
        ApiMessage::HintNoRamPermission { action, permission }
    } else {
        ApiMessage::HintNoPermission { action, permission }
    }
}

/// OSS refused: the role lacks the OSS policy of tutorial step 1 (or a bucket policy denies).
fn oss_denied(action: Action) -> Hint {
    let permission = match action {
        Action::ListBuckets => "oss:ListBuckets",
        Action::GetBucketInfo => "oss:GetBucketInfo",
        _ => "oss:ListObjects",
    };
    ApiMessage::HintOssDenied {
        action: action.name().to_string(),
        permission: permission.to_string(),
        step: step(TutorialStep::RoleInA),
    }
}

fn http_failure(status: u16) -> Hint {
    let status = usize::from(status);
    if status >= 500 {
        ApiMessage::HintGatewayFailed { status }
    } else {
        ApiMessage::HintNotApiError { status }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{en, zh};

    fn ctx(action: Action, code: &'static str, message: &'static str) -> HintContext<'static> {
        HintContext {
            action,
            code,
            message,
            status: 403,
            server_date: Some("Thu, 01 Jan 2026 00:20:00 GMT"),
            endpoint: None,
        }
    }

    #[test]
    fn codes_pick_their_hints() {
        let root = hint(&ctx(
            Action::AssumeRole,
            "NoPermission",
            "Roles may not be assumed by root accounts.",
        ));
        assert!(en(&root).contains("root") && zh(&root).contains("主账号"));
        let trust = en(&hint(&ctx(
            Action::AssumeRole,
            "NoPermission",
            "You are not authorized to do this action.",
        )));
        assert!(trust.contains("trust policy") && trust.contains("AliyunSTSAssumeRoleAccess"));
        // The steps come from the one numbering: B's user (2) and A's role (1).
        assert!(
            trust.contains("step 2") && trust.contains("step 1"),
            "{trust}"
        );
        assert!(en(&hint(&ctx(Action::GetRole, "NoPermission", "x"))).contains("ram:GetRole"));
        assert!(en(&hint(&ctx(
            Action::ListObjects,
            "RequestTimeTooSkewed",
            "x"
        )))
        .contains("00:20:00"));
        assert!(en(&hint(&ctx(Action::GetRole, "Throttling.User", "x"))).contains("retry"));
        let denied = hint(&ctx(Action::ListObjects, "AccessDenied", "x"));
        assert!(en(&denied).contains("oss:ListObjects") && en(&denied).contains("(step 1)"));
        assert!(zh(&denied).contains("第 1 步"));
        assert!(en(&hint(&ctx(Action::GetRole, "Http502", "x"))).contains("HTTP 403"));
        assert!(
            en(&hint(&ctx(Action::GetRole, "Weird.Code", "odd"))).contains("Weird.Code (\"odd\")")
        );
    }
}
