//! The checks' diagnosis of a console sign-in's refused AssumeRole (`rolehop console`,
//! `rolehop credentials` and the extension's Open console): the AssumeRole check run on the two
//! facts a sign-in has (who you are, what AssumeRole answered), every other request of the
//! checks marked not sent. The sign-in then names the refusing policy and its fix as Verify
//! would (the cloud's AccessDeniedDetail when it gave one), not only the error code's hint.

use super::check::CheckId;
use super::facts::{ApiFailure, Attempt, AttemptOutcome, Facts};
use super::inputs::{AccountRef, CheckInputs, CredentialsKind};
use super::report::{FixText, Status};
use crate::api::{self, Action, ApiError, ApiResult, CallerIdentity, Refusal};
use crate::message::{ChecksMessage, SigninMessage};
use crate::policy::{caller_arn, RamIdentity};

/// Why the checks' other requests were not sent (the diagnosis reads only what a sign-in has).
const NOT_SENT: &str = "not sent by a console sign-in";

/// A refusal named: whose fault it is, what to do, and the policy document the fix names.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub refusal: Refusal,
    pub text: SigninMessage,
    /// The check's snippet (a policy document that fixes it), when its fix has one.
    pub snippet: Option<String>,
}

/// The AssumeRole check's words for a refusal, and its fix's policy document.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnosed {
    pub text: ChecksMessage,
    pub snippet: Option<String>,
}

/// A refused GetCallerIdentity or AssumeRole of a console sign-in named, as
/// [`api::name_refusal`] names it; a refused AssumeRole carries the checks' diagnosis when the
/// caller's ARN (`callerArn`, from GetCallerIdentity) is known and the check could decide.
pub fn name_refusal(action: Action, e: &ApiError, role_arn: &str, caller: Option<&str>) -> Named {
    let (refusal, text) = api::name_refusal(action, e, role_arn);
    let plain = Named {
        refusal,
        text,
        snippet: None,
    };
    if refusal != Refusal::AssumeRole {
        return plain;
    }
    // Credentials that are already a session of this role: no policy is at fault, the
    // credentials are the wrong ones (the role's own session, not B's RAM user).
    if let Some(caller) = caller.filter(|caller| is_session_of(caller, role_arn)) {
        return Named {
            refusal,
            text: SigninMessage::AlreadyInRole {
                arn: role_arn.to_string(),
                code: e.code.clone(),
                caller: caller.to_string(),
            },
            snippet: None,
        };
    }
    match caller.and_then(|caller| assume_refused(caller, role_arn, e)) {
        Some(diagnosed) => Named {
            refusal,
            text: SigninMessage::AssumeRoleDiagnosed {
                arn: role_arn.to_string(),
                code: e.code.clone(),
                diagnosis: Box::new(diagnosed.text),
            },
            snippet: diagnosed.snippet,
        },
        None => plain,
    }
}

/// The AssumeRole check's summary and fix for a refusal of `role_arn` to `caller` (an ARN
/// GetCallerIdentity returned); `None` when the check does not fail on it.
pub fn assume_refused(caller: &str, role_arn: &str, e: &ApiError) -> Option<Diagnosed> {
    let me = caller_identity(caller)?;
    let inputs = inputs(role_arn, &me);
    let mut facts = Facts::default();
    facts.map.insert(
        super::known::id::B_CALLER.to_string(),
        vec![attempt(AttemptOutcome::Success(ApiResult::CallerIdentity(
            me,
        )))],
    );
    facts.map.insert(
        super::known::id::B_ASSUME.to_string(),
        vec![attempt(AttemptOutcome::Api(failure(e)))],
    );
    // Each round marks what the checks would send next as not sent, until nothing is left (the
    // graph is finite: every id is marked once).
    for _ in 0..32 {
        let (next, done) = super::next(&inputs, &facts);
        if done || next.is_empty() {
            break;
        }
        for request in next {
            let skipped = AttemptOutcome::Skipped(NOT_SENT.to_string());
            facts
                .map
                .entry(request.id)
                .or_insert_with(|| vec![attempt(skipped)]);
        }
    }
    let report = super::diagnose(&inputs, &facts).report;
    let check = report
        .checks
        .into_iter()
        .find(|c| c.id == CheckId::AssumeRole)?;
    if check.status != Status::Fail {
        return None;
    }
    let (fix, snippet) = match check.fix {
        Some(fix) => match fix.text {
            FixText::Said(text) => (Some(text), fix.snippet),
            FixText::Hint(_) => (None, None),
        },
        None => (None, None),
    };
    Some(Diagnosed {
        text: check.summary.then_some(fix),
        snippet,
    })
}

/// Whether `caller` (an ARN GetCallerIdentity returned) is a session of the role `role_arn`: the
/// same account and role name (RAM compares role names without case).
fn is_session_of(caller: &str, role_arn: &str) -> bool {
    match (caller_arn(caller), caller_arn(role_arn)) {
        (
            Some((
                account,
                RamIdentity::Role {
                    name,
                    session: Some(_),
                },
            )),
            Some((
                role_account,
                RamIdentity::Role {
                    name: role,
                    session: None,
                },
            )),
        ) => account == role_account && name.eq_ignore_ascii_case(role),
        _ => false,
    }
}

/// The caller as GetCallerIdentity describes it, from its ARN alone.
fn caller_identity(arn: &str) -> Option<CallerIdentity> {
    let (account, identity) = caller_arn(arn)?;
    let identity_type = match identity {
        RamIdentity::Root => "Account",
        RamIdentity::User(_) => "RAMUser",
        RamIdentity::Role { .. } => "AssumedRoleUser",
    };
    Some(CallerIdentity {
        account_id: account.to_string(),
        arn: arn.to_string(),
        identity_type: identity_type.to_string(),
        principal_id: String::new(),
        user_id: None,
        role_id: None,
        request_id: String::new(),
    })
}

/// What a sign-in verifies: B's credentials assume `role_arn`; nothing of A's, no bucket.
fn inputs(role_arn: &str, me: &CallerIdentity) -> CheckInputs {
    let account_a = role_arn
        .strip_prefix("acs:ram::")
        .and_then(|rest| rest.split_once(':'))
        .map(|(uid, _)| AccountRef::classify(uid));
    let kind_b = if me.identity_type == "AssumedRoleUser" {
        CredentialsKind::Sts
    } else {
        CredentialsKind::AccessKey
    };
    CheckInputs {
        site: None,
        role_arn: Some(role_arn.to_string()),
        account_a,
        role_name: role_arn
            .rsplit_once("role/")
            .map(|(_, name)| name.to_string()),
        bucket: None,
        prefix: None,
        region: None,
        external_id: None,
        have_b: true,
        kind_b,
        have_a: false,
        account_b: None,
        user_b: None,
        user_policies: None,
    }
}

/// The refusal as the checks read an attempt's API error.
fn failure(e: &ApiError) -> ApiFailure {
    ApiFailure {
        code: e.code.clone(),
        message: e.message.clone(),
        request_id: e.request_id.clone(),
        status: Some(e.status),
        hint: serde_json::to_value(&e.hint).ok(),
        endpoint: e.endpoint.clone(),
        ec: e.ec.clone(),
        denied: e.access_denied_detail.clone(),
    }
}

fn attempt(outcome: AttemptOutcome) -> Attempt {
    Attempt {
        outcome,
        local_time: None,
        server_date: None,
        http_status: None,
        request_id: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Answer, HttpResponse};
    use crate::catalog::{en, zh};

    const ROLE: &str = "acs:ram::1746000000000001:role/admin-oss";
    const ALICE: &str = "acs:ram::1746000000000002:user/alice";

    /// AssumeRole's refusal with `body` (a NoPermission, as STS answers it).
    fn refused(body: &str) -> ApiError {
        let answer = HttpResponse {
            status: 403,
            headers: Vec::new(),
            body: body.to_string(),
        };
        match api::parse(Action::AssumeRole, &answer, None).unwrap() {
            Answer::Failure(e) => e,
            Answer::Success(_) => panic!("a refusal was read as a success"),
        }
    }

    fn detail(policy_type: &str) -> String {
        format!(
            r#"{{"Code":"NoPermission","Message":"You are not authorized to do this action.","RequestId":"R-1",
            "AccessDeniedDetail":{{"PolicyType":"{policy_type}","NoPermissionType":"ImplicitDeny",
            "AuthAction":"sts:AssumeRole","AuthPrincipalType":"SubUser","AuthPrincipalDisplayName":"alice"}}}}"#
        )
    }

    #[test]
    fn the_cloud_names_b_s_policies_step_2() {
        let e = refused(&detail("AccountLevelIdentityBasedPolicy"));
        let named = name_refusal(Action::AssumeRole, &e, ROLE, Some(ALICE));
        assert_eq!(named.refusal, Refusal::AssumeRole);
        let message = named.text;
        let text = en(&message);
        assert!(
            text.starts_with(&format!(
                "AssumeRole of {ROLE} was refused (NoPermission). "
            )),
            "{text}"
        );
        // The check's words: B's user lacks the permission (step 2), with the fix for it.
        let check = en(&assume_refused(ALICE, ROLE, &e).unwrap().text);
        // The fix's policy document: sts:AssumeRole on the role, to attach to alice.
        let snippet = named.snippet.unwrap();
        assert!(
            snippet.contains("sts:AssumeRole") && snippet.contains(ROLE),
            "{snippet}"
        );
        assert!(text.ends_with(&check), "{text}");
        assert!(check.contains("sts:AssumeRole"), "{check}");
        assert!(check.contains("AccountLevelIdentityBasedPolicy"), "{check}");
        assert!(!zh(&message).contains("was refused"), "{}", zh(&message));
    }

    #[test]
    fn the_cloud_names_the_trust_policy_step_1() {
        let e = refused(&detail("AssumeRolePolicy"));
        let text = en(&name_refusal(Action::AssumeRole, &e, ROLE, Some(ALICE)).text);
        assert!(text.contains("AssumeRolePolicy"), "{text}");
        assert!(text.contains("trust policy"), "{text}");
        let b_side = en(&name_refusal(
            Action::AssumeRole,
            &refused(&detail("AccountLevelIdentityBasedPolicy")),
            ROLE,
            Some(ALICE),
        )
        .text);
        assert_ne!(text, b_side, "the two sides are told apart");
    }

    #[test]
    fn a_session_of_the_role_itself_is_told_to_use_b_s_ram_user() {
        let e = refused(&detail("AccountLevelIdentityBasedPolicy"));
        let session = "acs:ram::1746000000000001:assumed-role/Admin-OSS/alice";
        let named = name_refusal(Action::AssumeRole, &e, ROLE, Some(session));
        assert_eq!(named.refusal, Refusal::AssumeRole);
        assert_eq!(
            named.snippet, None,
            "no policy to attach: the credentials are wrong"
        );
        let text = en(&named.text);
        assert!(
            text.contains(session) && text.contains("RAM user's AccessKey"),
            "{text}"
        );
        assert!(zh(&named.text).contains(session), "{}", zh(&named.text));
        // Another role's session, or the role's account as a user: the checks' diagnosis as before.
        for other in [
            "acs:ram::1746000000000001:assumed-role/reader/alice",
            "acs:ram::1746000000000009:assumed-role/admin-oss/alice",
            ALICE,
        ] {
            let text = name_refusal(Action::AssumeRole, &e, ROLE, Some(other)).text;
            assert!(
                !matches!(text, SigninMessage::AlreadyInRole { .. }),
                "{other}"
            );
        }
    }

    #[test]
    fn without_the_caller_or_a_failing_check_the_api_hint_stays() {
        let e = refused(&detail("AccountLevelIdentityBasedPolicy"));
        let plain = name_refusal(Action::AssumeRole, &e, ROLE, None).text;
        assert!(matches!(plain, SigninMessage::AssumeRoleDenied { .. }));
        // Not an AssumeRole refusal: named as before (your credentials, the clock).
        let expired =
            refused(r#"{"Code":"InvalidSecurityToken.Expired","Message":"x","RequestId":"R"}"#);
        let named = name_refusal(Action::AssumeRole, &expired, ROLE, Some(ALICE));
        assert_eq!(named.refusal, Refusal::Caller);
        // No detail from the cloud: the check's own reasoning (either side), still a diagnosis.
        let bare = refused(
            r#"{"Code":"NoPermission","Message":"You are not authorized.","RequestId":"R"}"#,
        );
        let message = name_refusal(Action::AssumeRole, &bare, ROLE, Some(ALICE)).text;
        assert!(
            matches!(message, SigninMessage::AssumeRoleDiagnosed { .. }),
            "{message:?}"
        );
        assert!(caller_identity("nonsense").is_none());
    }
}
