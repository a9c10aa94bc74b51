//! Trust policies: who may assume a role. Specific users or roles of the trusted account when
//! they are known (least privilege), the whole account (`:root`) otherwise; service principals;
//! an optional external id.

use super::{names, Built};
use crate::error::{Error, ErrorKind, Result};
use crate::message::PolicyMessage;
use crate::policy::model::*;
use crate::policy::operator::{Op, Operator};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustSpec {
    /// The trusted account (company B's UID). Needed unless only services are trusted.
    pub account: Option<String>,
    /// RAM users of that account (names, not ARNs).
    pub users: Vec<String>,
    /// RAM roles of that account.
    pub roles: Vec<String>,
    /// Required `sts:ExternalId` for the RAM principals.
    pub external_id: Option<String>,
    /// Services such as `ecs.aliyuncs.com`.
    pub services: Vec<String>,
}

pub fn trust_policy(spec: &TrustSpec) -> Result<Built> {
    let mut statements = Vec::new();
    let mut purposes = Vec::new();
    let named = !spec.users.is_empty() || !spec.roles.is_empty();
    if spec.account.is_none() && (named || spec.external_id.is_some() || spec.services.is_empty()) {
        return Err(Error::said(
            ErrorKind::MissingField,
            PolicyMessage::BuildTrustNeedsAccount {},
        )
        .at("$.account"));
    }
    if let Some(account) = &spec.account {
        names::account(account, "$.account")?;
        let mut values = Vec::new();
        for (i, user) in spec.users.iter().enumerate() {
            names::user(user, &format!("$.users[{i}]"))?;
            values.push(format!("acs:ram::{account}:user/{user}"));
        }
        for (i, role) in spec.roles.iter().enumerate() {
            names::role(role, &format!("$.roles[{i}]"))?;
            values.push(format!("acs:ram::{account}:role/{role}"));
        }
        if values.is_empty() {
            values.push(format!("acs:ram::{account}:root"));
        }
        let (account_text, external) = (account.clone(), spec.external_id.is_some());
        purposes.push(match (named, external) {
            (false, false) => PolicyMessage::PurposeTrustAccount {
                account: account_text,
            },
            (false, true) => PolicyMessage::PurposeTrustAccountExternalId {
                account: account_text,
            },
            (true, false) => PolicyMessage::PurposeTrustNamed {
                account: account_text,
            },
            (true, true) => PolicyMessage::PurposeTrustNamedExternalId {
                account: account_text,
            },
        });
        let mut condition = Vec::new();
        if let Some(id) = &spec.external_id {
            names::external_id(id, "$.externalId")?;
            condition.push(ConditionBlock {
                operator: Operator {
                    op: Op::StringEquals,
                    if_exists: false,
                },
                entries: vec![ConditionEntry {
                    key: "sts:ExternalId".into(),
                    values: vec![CondValue::Text(id.clone())],
                }],
            });
        }
        statements.push(allow_assume_role(PrincipalKind::Ram, values, condition));
    }
    if !spec.services.is_empty() {
        for (i, s) in spec.services.iter().enumerate() {
            names::service(s, &format!("$.services[{i}]"))?;
        }
        statements.push(allow_assume_role(
            PrincipalKind::Service,
            spec.services.clone(),
            Vec::new(),
        ));
        purposes.push(PolicyMessage::PurposeServices {
            count: spec.services.len(),
            services: spec.services.join(", "),
        });
    }
    Ok(Built {
        policy: Policy { statements },
        kind: PolicyKind::Trust,
        purposes,
    })
}

/// An `Allow sts:AssumeRole` statement for one kind of principal.
fn allow_assume_role(
    kind: PrincipalKind,
    values: Vec<String>,
    condition: Vec<ConditionBlock>,
) -> Statement {
    Statement {
        effect: Effect::Allow,
        action: Targets::new(false, &["sts:AssumeRole"]),
        resource: None,
        principal: Some(Principal {
            entries: vec![PrincipalEntry { kind, values }],
        }),
        condition,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::to_compact;

    fn spec(account: &str) -> TrustSpec {
        TrustSpec {
            account: Some(account.into()),
            ..TrustSpec::default()
        }
    }

    #[test]
    fn trusts_the_account_root_like_the_console() {
        let built = trust_policy(&spec("1999000000000002")).unwrap();
        assert_eq!(
            to_compact(&built.policy),
            r#"{"Version":"1","Statement":[{"Effect":"Allow","Principal":{"RAM":["acs:ram::1999000000000002:root"]},"Action":"sts:AssumeRole"}]}"#
        );
    }

    #[test]
    fn narrows_to_users_and_roles_with_an_external_id() {
        let mut s = spec("1999000000000002");
        s.users = vec!["alice".into()];
        s.roles = vec!["ci".into()];
        s.external_id = Some("abc-123".into());
        s.services = vec!["ecs.aliyuncs.com".into()];
        let built = trust_policy(&s).unwrap();
        assert_eq!(
            to_compact(&built.policy),
            r#"{"Version":"1","Statement":[{"Effect":"Allow","Principal":{"RAM":["acs:ram::1999000000000002:user/alice","acs:ram::1999000000000002:role/ci"]},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"abc-123"}}},{"Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]},"Action":"sts:AssumeRole"}]}"#
        );
        assert_eq!(built.purposes.len(), 2);
    }

    #[test]
    fn services_alone_need_no_account() {
        let s = TrustSpec {
            services: vec!["fc.aliyuncs.com".into()],
            ..TrustSpec::default()
        };
        assert_eq!(trust_policy(&s).unwrap().policy.statements.len(), 1);
    }

    #[test]
    fn rejects_bad_names_at_their_paths() {
        let mut s = spec("1999000000000002");
        s.users = vec!["ok".into(), "not ok".into()];
        assert_eq!(
            trust_policy(&s).unwrap_err().path.as_deref(),
            Some("$.users[1]")
        );
        assert_eq!(
            trust_policy(&spec("B")).unwrap_err().path.as_deref(),
            Some("$.account")
        );
        assert_eq!(
            trust_policy(&TrustSpec::default())
                .unwrap_err()
                .path
                .as_deref(),
            Some("$.account")
        );
    }
}
