//! Syntax of the names inside a policy: actions (`oss:GetObject`), resource ARNs
//! (`acs:oss:*:<uid>:<bucket>/<key>`) and principals. Each check explains what was expected and,
//! when the intent is clear, proposes the corrected text.

use super::model::PrincipalKind;
use crate::message::PolicyMessage;

/// A rejected name: why, and the corrected text when one can be inferred.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    /// Boxed: a check's result stays small when the name is fine.
    pub message: Box<PolicyMessage>,
    pub suggestion: Option<String>,
}

fn bad(message: PolicyMessage, suggestion: Option<String>) -> Bad {
    Bad {
        message: Box::new(message),
        suggestion,
    }
}

/// A parsed resource ARN `acs:<service>:<region>:<account>:<relative id>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arn<'a> {
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub relative: &'a str,
}

impl<'a> Arn<'a> {
    pub fn parse(text: &'a str) -> Option<Arn<'a>> {
        let rest = text.strip_prefix("acs:")?;
        let mut parts = rest.splitn(4, ':');
        let arn = Arn {
            service: parts.next()?,
            region: parts.next()?,
            account: parts.next()?,
            relative: parts.next()?,
        };
        (!arn.service.is_empty() && !arn.relative.is_empty()).then_some(arn)
    }
}

fn is_service_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '*' | '?')
}

fn is_action_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '*' | '?')
}

/// `*` or `<service code>:<action name>`, where both parts may hold wildcards.
pub fn check_action(text: &str) -> Result<(), Bad> {
    if text == "*" {
        return Ok(());
    }
    let well_formed = |s: &str| {
        s.split_once(':').is_some_and(|(svc, name)| {
            !svc.is_empty()
                && !name.is_empty()
                && svc.chars().all(is_service_char)
                && name.chars().all(is_action_char)
        })
    };
    if well_formed(text) {
        return Ok(());
    }
    let suggestion = action_suggestion(text).filter(|s| well_formed(s));
    Err(bad(
        PolicyMessage::MalformedAction {
            value: text.to_string(),
        },
        suggestion,
    ))
}

fn action_suggestion(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if trimmed != text {
        return Some(trimmed.to_string());
    }
    if let Some((svc, name)) = text.split_once("::") {
        return Some(format!("{svc}:{name}"));
    }
    // `oss.GetObject`, `oss/GetObject`, `oss-GetObject`: the separator written wrong.
    let (svc, name) = text.split_once(['.', '/', '-', ' '])?;
    Some(format!("{svc}:{name}"))
}

/// `*` or an ARN `acs:<service>:<region>:<account>:<relative id>`.
pub fn check_resource(text: &str) -> Result<(), Bad> {
    if text == "*" || Arn::parse(text).is_some() {
        return Ok(());
    }
    let suggestion = resource_suggestion(text).filter(|s| Arn::parse(s).is_some());
    let value = text.to_string();
    let message = if text.starts_with("arn:") {
        PolicyMessage::MalformedResourceArnPrefix { value }
    } else {
        PolicyMessage::MalformedResource { value }
    };
    Err(bad(message, suggestion))
}

fn resource_suggestion(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if trimmed != text {
        return Some(trimmed.to_string());
    }
    let lower_prefix = text
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("acs:"));
    if lower_prefix {
        return Some(format!("acs:{}", &text[4..]));
    }
    // `oss:*:123:bucket`: the `acs:` prefix forgotten.
    if text.split(':').count() >= 4 {
        return Some(format!("acs:{text}"));
    }
    None
}

/// A principal value of the given kind.
pub fn check_principal(kind: PrincipalKind, text: &str) -> Result<(), Bad> {
    match kind {
        PrincipalKind::Ram => check_ram_principal(text),
        PrincipalKind::Service => {
            if !text.is_empty() && !text.contains(char::is_whitespace) {
                Ok(())
            } else {
                Err(bad(
                    PolicyMessage::MalformedServicePrincipal {
                        value: text.to_string(),
                    },
                    Some(text.trim().to_string()).filter(|s| !s.is_empty() && s != text),
                ))
            }
        }
        PrincipalKind::Federated => {
            let ok = ram_arn(text).is_some_and(|(_, rel)| {
                ["saml-provider/", "oidc-provider/"]
                    .iter()
                    .any(|p| rel.strip_prefix(p).is_some_and(|n| !n.is_empty()))
            });
            if ok {
                Ok(())
            } else {
                Err(bad(
                    PolicyMessage::MalformedFederated {
                        value: text.to_string(),
                    },
                    None,
                ))
            }
        }
    }
}

fn check_ram_principal(text: &str) -> Result<(), Bad> {
    if text == "*" {
        return Ok(());
    }
    let ok = ram_arn(text).is_some_and(|(_, rel)| RamIdentity::parse(rel).is_some());
    if ok {
        return Ok(());
    }
    let suggestion = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        Some(format!("acs:ram::{text}:root"))
    } else {
        None
    };
    Err(bad(
        PolicyMessage::MalformedRamPrincipal {
            value: text.to_string(),
        },
        suggestion,
    ))
}

/// `acs:ram::<account>:<relative>` with a non-empty account: (account, relative).
pub fn ram_arn(text: &str) -> Option<(&str, &str)> {
    let arn = Arn::parse(text)?;
    (arn.service == "ram" && arn.region.is_empty() && !arn.account.is_empty())
        .then_some((arn.account, arn.relative))
}

/// The service code of an action (`oss` of `oss:GetObject`); `None` for `*`.
pub fn action_service(action: &str) -> Option<&str> {
    action.split_once(':').map(|(svc, _)| svc)
}

/// The relative id of a RAM identity ARN (`acs:ram::<uid>:<relative id>`), read by one rule
/// everywhere a caller is matched (trust policies, the simulator's principal, the checks).
///
/// A role session has two spellings of one identity: AssumeRole's answer writes
/// `role/<role>/<session>`, GetCallerIdentity's `assumed-role/<role>/<session>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RamIdentity<'a> {
    /// `root`: the whole account.
    Root,
    /// `user/<name>`.
    User(&'a str),
    /// `role/<name>`, or a session of it.
    Role {
        name: &'a str,
        session: Option<&'a str>,
    },
}

impl<'a> RamIdentity<'a> {
    pub fn parse(relative: &'a str) -> Option<RamIdentity<'a>> {
        let segment = |s: &str| !s.is_empty() && !s.contains('/');
        if relative == "root" {
            return Some(RamIdentity::Root);
        }
        let (kind, rest) = relative.split_once('/')?;
        let (name, session) = match rest.split_once('/') {
            Some((name, session)) => (name, Some(session)),
            None => (rest, None),
        };
        if !segment(name) || session.is_some_and(|s| !segment(s)) {
            return None;
        }
        match (kind, session) {
            ("user", None) => Some(RamIdentity::User(name)),
            ("role", _) | ("assumed-role", Some(_)) => Some(RamIdentity::Role { name, session }),
            _ => None,
        }
    }

    /// Whether a principal naming `self` admits `caller` (both of one account): the account
    /// admits everyone in it, a role admits its sessions, a session only itself. Names compare
    /// ignoring case, as RAM's do; session names exactly.
    pub(super) fn admits(&self, caller: &RamIdentity) -> bool {
        match (self, caller) {
            (RamIdentity::Root, _) => true,
            (RamIdentity::User(p), RamIdentity::User(c)) => p.eq_ignore_ascii_case(c),
            (
                RamIdentity::Role { name, session },
                RamIdentity::Role {
                    name: caller_name,
                    session: caller_session,
                },
            ) => {
                name.eq_ignore_ascii_case(caller_name)
                    && (session.is_none() || session == caller_session)
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions() {
        for ok in [
            "*",
            "oss:GetObject",
            "oss:Get*",
            "sts:AssumeRole",
            "*:Get?bject",
            "ecs:Describe-Instances",
        ] {
            assert!(check_action(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            check_action("oss.GetObject")
                .unwrap_err()
                .suggestion
                .as_deref(),
            Some("oss:GetObject")
        );
        assert_eq!(
            check_action(" oss:GetObject")
                .unwrap_err()
                .suggestion
                .as_deref(),
            Some("oss:GetObject")
        );
        assert_eq!(
            check_action("oss::GetObject")
                .unwrap_err()
                .suggestion
                .as_deref(),
            Some("oss:GetObject")
        );
        assert!(check_action("GetObject").unwrap_err().suggestion.is_none());
        assert!(check_action("oss:").is_err());
        assert!(check_action("").is_err());
        assert!(check_action("oss:Get Object").is_err());
    }

    #[test]
    fn resources() {
        for ok in [
            "*",
            "acs:oss:*:123:bucket",
            "acs:oss:*:123:bucket/a:b",
            "acs:ram::123:role/x",
        ] {
            assert!(check_resource(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            check_resource("oss:*:123:bucket")
                .unwrap_err()
                .suggestion
                .as_deref(),
            Some("acs:oss:*:123:bucket")
        );
        assert_eq!(
            check_resource("ACS:oss:*:123:bucket")
                .unwrap_err()
                .suggestion
                .as_deref(),
            Some("acs:oss:*:123:bucket")
        );
        let e = check_resource("arn:aws:s3:::bucket").unwrap_err();
        assert!(crate::catalog::en(&*e.message).contains("not arn:"));
        assert!(check_resource("acs:oss:*:123").is_err());
        assert!(check_resource("my-bucket").is_err());
    }

    #[test]
    fn principals() {
        use PrincipalKind::*;
        for ok in [
            "*",
            "acs:ram::123:root",
            "acs:ram::123:user/alice",
            "acs:ram::123:role/r",
        ] {
            assert!(check_principal(Ram, ok).is_ok(), "{ok}");
        }
        assert_eq!(
            check_principal(Ram, "1234")
                .unwrap_err()
                .suggestion
                .as_deref(),
            Some("acs:ram::1234:root")
        );
        assert!(check_principal(Ram, "acs:ram::123:user/").is_err());
        assert!(check_principal(Ram, "acs:ram:cn-hangzhou:123:root").is_err());
        assert!(check_principal(Service, "ecs.aliyuncs.com").is_ok());
        assert!(check_principal(Service, "").is_err());
        assert!(check_principal(Federated, "acs:ram::1:saml-provider/idp").is_ok());
        assert!(check_principal(Federated, "acs:ram::1:root").is_err());
    }

    #[test]
    fn arn_parts() {
        let arn = Arn::parse("acs:oss:*:123:b/k:x").unwrap();
        assert_eq!(
            (arn.service, arn.region, arn.account, arn.relative),
            ("oss", "*", "123", "b/k:x")
        );
        assert!(Arn::parse("acs:oss:*:123:").is_none());
    }
}
