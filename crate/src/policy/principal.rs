//! Principals of trust policies: the request's caller, classified once, and the compiled
//! `Principal` of a statement that it is matched against.

use super::model::{PrincipalKind, Statement};
use super::names::{ram_arn, Arn, RamIdentity};

/// A caller's ARN: `acs:ram::<uid>:<relative id>` as [`RamIdentity`] reads it, or a role
/// session written under STS (`acs:sts::<uid>:assumed-role/<role>/<session>`, a form some STS
/// answers use). (account, identity).
pub fn caller_arn(text: &str) -> Option<(&str, RamIdentity<'_>)> {
    if let Some((account, relative)) = ram_arn(text) {
        return Some((account, RamIdentity::parse(relative)?));
    }
    let arn = Arn::parse(text)?;
    let sts_session = arn.service == "sts"
        && arn.region.is_empty()
        && !arn.account.is_empty()
        && arn.relative.starts_with("assumed-role/");
    sts_session
        .then(|| RamIdentity::parse(arn.relative))
        .flatten()
        .map(|identity| (arn.account, identity))
}

/// Trust-policy principals, normalised for matching.
#[derive(Debug, Clone, Default)]
pub(super) struct PrincipalMatcher {
    anyone: bool,
    /// (account, relative id) pairs as written; read with [`RamIdentity::parse`] when matched.
    ram: Vec<(String, String)>,
    /// Lower-cased service names and identity provider ARNs.
    others: Vec<String>,
}

impl PrincipalMatcher {
    pub(super) fn new(statement: &Statement) -> Option<PrincipalMatcher> {
        let principal = statement.principal.as_ref()?;
        let mut m = PrincipalMatcher::default();
        for entry in &principal.entries {
            for value in &entry.values {
                match (entry.kind, ram_arn(value)) {
                    (_, _) if value == "*" => m.anyone = true,
                    (PrincipalKind::Ram, Some((account, relative))) => m
                        .ram
                        .push((account.to_ascii_lowercase(), relative.to_string())),
                    _ => m.others.push(value.to_ascii_lowercase()),
                }
            }
        }
        Some(m)
    }

    pub(super) fn matches(&self, caller: &Caller<'_>) -> bool {
        if self.anyone {
            return true;
        }
        match caller {
            Caller::Ram { account, identity } => self.ram.iter().any(|(a, rel)| {
                a.eq_ignore_ascii_case(account)
                    && RamIdentity::parse(rel).is_some_and(|p| p.admits(identity))
            }),
            Caller::Other(id) => self.others.iter().any(|o| o.eq_ignore_ascii_case(id)),
            Caller::Unknown => false,
        }
    }
}

/// The request's principal, classified once per decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller<'a> {
    /// A RAM identity of an account.
    Ram {
        account: &'a str,
        identity: RamIdentity<'a>,
    },
    /// A service or an identity provider.
    Other(&'a str),
    Unknown,
}

impl<'a> Caller<'a> {
    pub fn classify(principal: Option<&'a str>) -> Caller<'a> {
        let Some(p) = principal.filter(|p| !p.is_empty()) else {
            return Caller::Unknown;
        };
        match caller_arn(p) {
            Some((account, identity)) => Caller::Ram { account, identity },
            None => Caller::Other(p),
        }
    }

    pub fn is_root(&self) -> bool {
        matches!(
            self,
            Caller::Ram {
                identity: RamIdentity::Root,
                ..
            }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callers_are_classified() {
        let session = Caller::Ram {
            account: "1",
            identity: RamIdentity::Role {
                name: "admin-oss",
                session: Some("s1"),
            },
        };
        // AssumeRole's spelling and GetCallerIdentity's are one caller.
        assert_eq!(
            Caller::classify(Some("acs:ram::1:assumed-role/admin-oss/s1")),
            session
        );
        assert_eq!(
            Caller::classify(Some("acs:ram::1:role/admin-oss/s1")),
            session
        );
        assert!(Caller::classify(Some("acs:ram::1:root")).is_root());
        assert_eq!(
            Caller::classify(Some("ecs.aliyuncs.com")),
            Caller::Other("ecs.aliyuncs.com")
        );
        assert_eq!(Caller::classify(None), Caller::Unknown);
        for odd in [
            "role/",
            "role//s",
            "role/r/",
            "role/r/s/x",
            "assumed-role/r",
            "user/a/b",
            "group/g",
        ] {
            assert_eq!(RamIdentity::parse(odd), None, "{odd}");
        }
    }

    #[test]
    fn a_role_admits_its_sessions_and_a_session_only_itself() {
        let parse = |rel| RamIdentity::parse(rel).unwrap_or(RamIdentity::Root);
        let role = parse("role/Admin-OSS");
        let session = parse("assumed-role/admin-oss/alice");
        assert!(role.admits(&session) && role.admits(&parse("role/admin-oss/bob")));
        assert!(session.admits(&parse("role/ADMIN-oss/alice")));
        assert!(!session.admits(&parse("role/admin-oss/Alice")));
        assert!(!session.admits(&parse("role/admin-oss")));
        assert!(!parse("user/alice").admits(&session));
        assert!(parse("root").admits(&session));
    }
}
