//! The role session a console sign-in starts from: the AssumeRole request (the same builder as
//! every STS call), the session name derived from the caller, and the read-only session policy.

use super::action::Action;
use super::build::{build, BuiltRequest};
use super::errors::ApiError;
use super::input::{Credentials, RequestInput};
use crate::error::Result;
use crate::message::SigninMessage;
use crate::policy::build::{oss_read_only, OssReadSpec, OssScope};
use crate::policy::{caller_arn, to_compact, RamIdentity};

/// What one console session is assumed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSpec {
    pub role_arn: String,
    pub session_name: String,
    /// 900 .. the role's maximum; `None`: STS's default (3600).
    pub duration_seconds: Option<i64>,
    /// A session policy document (effective permissions = the role's AND this).
    pub policy: Option<String>,
}

/// The signed AssumeRole request for `spec` (`time` ISO 8601 UTC, `nonce` unique per request).
pub fn assume_role_request(
    credentials: Credentials,
    spec: &SessionSpec,
    time: &str,
    nonce: &str,
) -> Result<BuiltRequest> {
    let mut input = RequestInput::new(Action::AssumeRole, credentials, time)
        .with_text("roleArn", &spec.role_arn)
        .with_text("roleSessionName", &spec.session_name);
    input.nonce = Some(nonce.to_string());
    if let Some(seconds) = spec.duration_seconds {
        input = input.with_integer("durationSeconds", seconds);
    }
    if let Some(policy) = &spec.policy {
        input = input.with_text("policy", policy);
    }
    build(&input)
}

/// The session name used when none is given: who the caller is (a RAM user's name, a role
/// session's own name), kept to AssumeRole's rule (2-64 of letters, digits, `.@-_`); `rolehop`
/// when the caller's ARN gives nothing usable. The console then shows `role/<caller>`, so the
/// target account's ActionTrail names the person.
pub fn session_name_from_caller(caller: &str) -> String {
    let name = match caller_arn(caller) {
        Some((_, RamIdentity::User(name))) => name,
        Some((
            _,
            RamIdentity::Role {
                session: Some(session),
                ..
            },
        )) => session,
        Some((_, RamIdentity::Role { name, .. })) => name,
        _ => "",
    };
    let kept: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".@-_".contains(c) {
                c
            } else {
                '-'
            }
        })
        .take(64)
        .collect();
    if kept.len() < 2 {
        "rolehop".to_string()
    } else {
        kept
    }
}

/// The read-only session policy for a console session in account `account_uid`: OSS reads only
/// (`oss:Get*`, `oss:List*` on the account's buckets and objects, the tutorial's
/// AliyunOSSReadOnlyAccess scoped to the account), from the policy builder. Whatever the role
/// may do, the session may do no more than this.
pub fn read_only_session_policy(account_uid: &str) -> Result<String> {
    let built = oss_read_only(&OssReadSpec {
        account: account_uid.to_string(),
        scope: OssScope::Account,
        console: true,
    })?;
    Ok(to_compact(&built.policy))
}

/// Whose fault a refused STS call of a console sign-in is (the CLI's exit code follows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ConsoleRefusal"))]
#[serde(rename_all = "kebab-case")]
pub enum Refusal {
    /// Your own credentials were refused or have expired.
    Caller,
    /// AssumeRole of the profile's role was refused (the hint says which side to fix).
    AssumeRole,
    /// The request's time is too far from the server's.
    ClockSkew,
}

/// Names a refused GetCallerIdentity or AssumeRole call of a console sign-in: whose fault it
/// is and the message saying what to do. `role_arn` is the role AssumeRole asked for.
pub fn name_refusal(action: Action, e: &ApiError, role_arn: &str) -> (Refusal, SigninMessage) {
    let code = e.code.clone();
    let refused = || {
        (
            Refusal::Caller,
            SigninMessage::CallerRefused {
                code: code.clone(),
                message: e.message.clone(),
            },
        )
    };
    match e.code.as_str() {
        "InvalidTimeStamp.Expired" => (
            Refusal::ClockSkew,
            SigninMessage::ClockSkew {
                server_date: e.server_date.clone().unwrap_or_else(|| "?".into()),
            },
        ),
        "InvalidSecurityToken.Expired" => (
            Refusal::Caller,
            SigninMessage::CredentialsExpired { code: code.clone() },
        ),
        c if c.starts_with("InvalidAccessKeyId")
            || c.starts_with("InvalidSecurityToken")
            || c == "SignatureDoesNotMatch"
            || c == "MissingSecurityToken" =>
        {
            refused()
        }
        _ if action != Action::AssumeRole => refused(),
        _ => (
            Refusal::AssumeRole,
            SigninMessage::AssumeRoleDenied {
                arn: role_arn.to_string(),
                code: code.clone(),
                hint: Box::new(e.hint.clone()),
            },
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Context, Decision, PolicyKind, Request, Side, Simulator, Trace};

    fn creds() -> Credentials {
        Credentials {
            access_key_id: "LTAI5tExample".into(),
            access_key_secret: "secret".into(),
            security_token: None,
        }
    }

    #[test]
    fn assume_role_uses_the_sts_builder() {
        let spec = SessionSpec {
            role_arn: "acs:ram::1746000000000001:role/admin-oss".into(),
            session_name: "alice".into(),
            duration_seconds: Some(900),
            policy: Some(read_only_session_policy("1746000000000001").unwrap()),
        };
        let r = assume_role_request(creds(), &spec, "2026-12-07T04:00:00Z", "n-1").unwrap();
        assert_eq!(r.url, "https://sts.aliyuncs.com/");
        let body = r.body.unwrap();
        for part in [
            "Action=AssumeRole",
            "RoleArn=acs%3Aram%3A%3A1746000000000001%3Arole%2Fadmin-oss",
            "RoleSessionName=alice",
            "DurationSeconds=900",
            "Policy=%7B",
        ] {
            assert!(body.contains(part), "{part} in {body}");
        }
        let short = SessionSpec {
            duration_seconds: Some(60),
            ..spec
        };
        let e = assume_role_request(creds(), &short, "2026-12-07T04:00:00Z", "n-1").unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.durationSeconds"));
    }

    #[test]
    fn session_name_from_the_caller() {
        assert_eq!(
            session_name_from_caller("acs:ram::1746000000000002:user/alice"),
            "alice"
        );
        assert_eq!(
            session_name_from_caller("acs:ram::1746000000000002:assumed-role/ops/bob@corp"),
            "bob@corp"
        );
        assert_eq!(
            session_name_from_caller("acs:ram::1746000000000002:user/al ice+x"),
            "al-ice-x"
        );
        assert_eq!(
            session_name_from_caller("acs:ram::1746000000000002:root"),
            "rolehop"
        );
        assert_eq!(session_name_from_caller("nonsense"), "rolehop");
        let long = format!("acs:ram::1746000000000002:user/{}", "a".repeat(80));
        assert_eq!(session_name_from_caller(&long).len(), 64);
    }

    #[test]
    fn read_only_allows_reads_only() {
        let policy = read_only_session_policy("1746000000000001").unwrap();
        assert!(policy.len() <= 2048, "{}", policy.len());
        let session = crate::policy::parse(&policy, PolicyKind::Identity).unwrap();
        let everything = crate::policy::parse(
            r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
            PolicyKind::Identity,
        )
        .unwrap();
        let mut sim = Simulator::new();
        sim.add("AdministratorAccess", Side::Identity, false, &everything);
        sim.add("read-only", Side::Session, false, &session);
        let decide = |action: &str, resource: &str| {
            let request = Request {
                principal: None,
                action: action.into(),
                resource: resource.into(),
                context: Context::default(),
            };
            sim.decide(&request, &mut Trace::default())
        };
        let objects = "acs:oss:*:1746000000000001:bucket/*";
        assert_eq!(decide("oss:GetObject", objects), Decision::Allow);
        assert_eq!(
            decide("oss:ListObjects", "acs:oss:*:1746000000000001:bucket"),
            Decision::Allow
        );
        assert_ne!(decide("oss:PutObject", objects), Decision::Allow);
        assert_ne!(decide("oss:DeleteObject", objects), Decision::Allow);
        assert_ne!(decide("ecs:DeleteInstance", "*"), Decision::Allow);
        assert_ne!(
            decide("oss:GetObject", "acs:oss:*:1746000000000009:other/*"),
            Decision::Allow
        );
        assert!(read_only_session_policy("not-a-uid").is_err());
    }
}
