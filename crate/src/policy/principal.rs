//! Principals of trust policies: the request's caller, classified once, and the compiled
//! `Principal` of a statement that it is matched against.

use super::model::{PrincipalKind, Statement};
use super::names::ram_arn;

/// Trust-policy principals, normalised for matching.
#[derive(Debug, Clone, Default)]
pub(super) struct PrincipalMatcher {
    anyone: bool,
    /// (account, relative id) pairs: `root`, `user/<name>`, `role/<name>`; lower-cased.
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
                        .push((account.to_ascii_lowercase(), relative.to_ascii_lowercase())),
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
            Caller::Ram {
                account,
                kind,
                name,
            } => self.ram.iter().any(|(a, rel)| {
                a.eq_ignore_ascii_case(account)
                    && (rel == "root"
                        || rel
                            .split_once('/')
                            .is_some_and(|(k, n)| k == *kind && n.eq_ignore_ascii_case(name)))
            }),
            Caller::Other(id) => self.others.iter().any(|o| o.eq_ignore_ascii_case(id)),
            Caller::Unknown => false,
        }
    }
}

/// The request's principal, classified once per decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller<'a> {
    /// A RAM identity: kind is `user`, `role` (also for `assumed-role` sessions) or `root`.
    Ram {
        account: &'a str,
        kind: &'a str,
        name: &'a str,
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
        let Some((account, relative)) = ram_arn(p) else {
            return Caller::Other(p);
        };
        if relative == "root" {
            return Caller::Ram {
                account,
                kind: "root",
                name: "",
            };
        }
        match relative.split_once('/') {
            Some(("user", name)) => Caller::Ram {
                account,
                kind: "user",
                name,
            },
            Some(("role", name)) => Caller::Ram {
                account,
                kind: "role",
                name,
            },
            Some(("assumed-role", rest)) => Caller::Ram {
                account,
                kind: "role",
                name: rest.split('/').next().unwrap_or(rest),
            },
            _ => Caller::Other(p),
        }
    }

    pub fn is_root(&self) -> bool {
        matches!(self, Caller::Ram { kind: "root", .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callers_are_classified() {
        assert_eq!(
            Caller::classify(Some("acs:ram::1:assumed-role/admin-oss/s1")),
            Caller::Ram {
                account: "1",
                kind: "role",
                name: "admin-oss"
            }
        );
        assert!(Caller::classify(Some("acs:ram::1:root")).is_root());
        assert_eq!(
            Caller::classify(Some("ecs.aliyuncs.com")),
            Caller::Other("ecs.aliyuncs.com")
        );
        assert_eq!(Caller::classify(None), Caller::Unknown);
    }
}
