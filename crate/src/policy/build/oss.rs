//! Permission policies of the tutorial: OSS read-only access for the whole account, chosen
//! buckets or one bucket prefix (with what the OSS console needs to show it), and company B's
//! `sts:AssumeRole` on exactly one role (instead of AliyunSTSAssumeRoleAccess).

use super::{names, Built};
use crate::error::{Error, Result};
use crate::message::PolicyMessage;
use crate::policy::model::*;
use crate::policy::names::ram_arn;
use crate::policy::operator::{Op, Operator};

/// Read actions of OSS, by wildcard: every Get and List action and nothing that writes.
const READ_ACTIONS: [&str; 2] = ["oss:Get*", "oss:List*"];

/// What the OSS console reads to show a bucket (OSS's console-access examples list these).
const CONSOLE_BUCKET_ACTIONS: [&str; 7] = [
    "oss:GetBucketInfo",
    "oss:GetBucketStat",
    "oss:GetBucketAcl",
    "oss:GetBucketTagging",
    "oss:GetBucketLifecycle",
    "oss:GetBucketVersioning",
    "oss:GetBucketWorm",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OssScope {
    /// Every bucket of the account.
    Account,
    /// These buckets, all their objects.
    Buckets(Vec<String>),
    /// Objects under one prefix of one bucket.
    Prefix { bucket: String, prefix: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OssReadSpec {
    /// The account that owns the buckets (company A's UID).
    pub account: String,
    pub scope: OssScope,
    /// Add what the OSS console needs to list the buckets and open the bucket (default true).
    pub console: bool,
}

fn allow(actions: &[&str], resources: &[String], condition: Vec<ConditionBlock>) -> Statement {
    Statement {
        effect: Effect::Allow,
        action: Targets::new(false, actions),
        resource: Some(Targets {
            not: false,
            values: resources.to_vec(),
        }),
        principal: None,
        condition,
    }
}

fn entry(key: &str, values: &[String]) -> ConditionEntry {
    ConditionEntry {
        key: key.to_string(),
        values: values.iter().map(|v| CondValue::Text(v.clone())).collect(),
    }
}

/// One operator block (a statement must not repeat an operator: JSON keys are unique).
fn block(op: Op, key: &str, values: &[String]) -> ConditionBlock {
    ConditionBlock {
        operator: Operator {
            op,
            if_exists: false,
        },
        entries: vec![entry(key, values)],
    }
}

pub fn oss_read_only(spec: &OssReadSpec) -> Result<Built> {
    let uid = &spec.account;
    names::account(uid, "$.account")?;
    let arn = |rel: &str| format!("acs:oss:*:{uid}:{rel}");
    let mut statements = Vec::new();
    let mut purposes: Vec<PolicyMessage> = Vec::new();
    match &spec.scope {
        OssScope::Account => {
            statements.push(allow(&READ_ACTIONS, &[arn("*")], Vec::new()));
            purposes.push(PolicyMessage::PurposeOssAccount {
                account: uid.clone(),
            });
        }
        OssScope::Buckets(buckets) => {
            if buckets.is_empty() {
                return Err(Error::invalid_said(
                    "$.buckets",
                    PolicyMessage::BuildBucketsEmpty {},
                ));
            }
            let mut resources = Vec::new();
            for (i, b) in buckets.iter().enumerate() {
                names::bucket(b, &format!("$.buckets[{i}]"))?;
                resources.push(arn(b));
                resources.push(arn(&format!("{b}/*")));
            }
            if spec.console {
                statements.push(allow(&["oss:ListBuckets"], &[arn("*")], Vec::new()));
                purposes.push(console_list_purpose());
            }
            statements.push(allow(&READ_ACTIONS, &resources, Vec::new()));
            purposes.push(PolicyMessage::PurposeOssBuckets {
                count: buckets.len(),
                buckets: buckets.join(", "),
            });
        }
        OssScope::Prefix { bucket, prefix } => {
            names::bucket(bucket, "$.bucket")?;
            let prefix = normalise_prefix(prefix)?;
            if spec.console {
                statements.push(allow(&["oss:ListBuckets"], &[arn("*")], Vec::new()));
                purposes.push(console_list_purpose());
                statements.push(allow(&CONSOLE_BUCKET_ACTIONS, &[arn(bucket)], Vec::new()));
                purposes.push(PolicyMessage::PurposeOssConsoleBucket {
                    bucket: bucket.clone(),
                });
                let ancestors = ancestor_folders(&prefix);
                if !ancestors.is_empty() {
                    statements.push(allow(
                        &["oss:ListObjects"],
                        &[arn(bucket)],
                        vec![ConditionBlock {
                            operator: Operator {
                                op: Op::StringEquals,
                                if_exists: false,
                            },
                            entries: vec![
                                entry("oss:Prefix", &ancestors),
                                entry("oss:Delimiter", &["/".to_string()]),
                            ],
                        }],
                    ));
                    purposes.push(PolicyMessage::PurposeOssWalkDown {
                        prefix: prefix.clone(),
                        folders: quoted(&ancestors),
                    });
                }
            }
            statements.push(allow(
                &["oss:ListObjects"],
                &[arn(bucket)],
                vec![block(Op::StringLike, "oss:Prefix", &[format!("{prefix}*")])],
            ));
            purposes.push(PolicyMessage::PurposeOssListPrefix {
                bucket: bucket.clone(),
                prefix: prefix.clone(),
            });
            statements.push(allow(
                &["oss:GetObject"],
                &[arn(&format!("{bucket}/{prefix}*"))],
                Vec::new(),
            ));
            purposes.push(PolicyMessage::PurposeOssGetPrefix {
                bucket: bucket.clone(),
                prefix,
            });
        }
    }
    Ok(Built {
        policy: Policy { statements },
        kind: PolicyKind::Identity,
        purposes,
    })
}

fn console_list_purpose() -> PolicyMessage {
    PolicyMessage::PurposeOssConsoleList {}
}

fn quoted(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("{v:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `/docs/2024` -> `docs/2024`; wildcards are refused (they would widen the grant).
fn normalise_prefix(prefix: &str) -> Result<String> {
    let p = prefix.trim_start_matches('/');
    if p.is_empty() {
        return Err(Error::invalid_said(
            "$.prefix",
            PolicyMessage::BuildPrefixEmpty {},
        ));
    }
    if p.contains(['*', '?']) {
        return Err(Error::invalid_said(
            "$.prefix",
            PolicyMessage::BuildPrefixWildcard {
                prefix: prefix.to_string(),
            },
        ));
    }
    Ok(p.to_string())
}

/// The folders the console lists on its way down: `""`, `a/`, `a/b/` for `a/b/c` or `a/b/c/`.
fn ancestor_folders(prefix: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut at = 0;
    while let Some(i) = prefix[at..].find('/') {
        let end = at + i + 1;
        if end < prefix.len() {
            out.push(prefix[..end].to_string());
        }
        at = end;
    }
    out
}

/// Company B's user: `sts:AssumeRole` on exactly one role ARN.
pub fn assume_role(role_arn: &str) -> Result<Built> {
    let ok = ram_arn(role_arn).is_some_and(|(account, rel)| {
        account.bytes().all(|b| b.is_ascii_digit())
            && rel
                .strip_prefix("role/")
                .is_some_and(|n| names::role(n, "$").is_ok())
    });
    if !ok {
        return Err(Error::invalid_said(
            "$.roleArn",
            PolicyMessage::BuildNotRoleArn {
                value: role_arn.to_string(),
            },
        ));
    }
    let statement = Statement {
        effect: Effect::Allow,
        action: Targets::new(false, &["sts:AssumeRole"]),
        resource: Some(Targets::new(false, &[role_arn])),
        principal: None,
        condition: Vec::new(),
    };
    Ok(Built {
        policy: Policy {
            statements: vec![statement],
        },
        kind: PolicyKind::Identity,
        purposes: vec![PolicyMessage::PurposeAssumeRole {
            role: role_arn.to_string(),
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::to_compact;

    const A: &str = "1746000000000001";

    fn build(scope: OssScope, console: bool) -> Built {
        oss_read_only(&OssReadSpec {
            account: A.into(),
            scope,
            console,
        })
        .unwrap()
    }

    #[test]
    fn whole_account() {
        assert_eq!(
            to_compact(&build(OssScope::Account, true).policy),
            r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:Get*","oss:List*"],"Resource":"acs:oss:*:1746000000000001:*"}]}"#
        );
    }

    #[test]
    fn chosen_buckets() {
        let built = build(OssScope::Buckets(vec!["b01".into(), "b2x".into()]), true);
        assert_eq!(
            to_compact(&built.policy),
            r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:ListBuckets","Resource":"acs:oss:*:1746000000000001:*"},{"Effect":"Allow","Action":["oss:Get*","oss:List*"],"Resource":["acs:oss:*:1746000000000001:b01","acs:oss:*:1746000000000001:b01/*","acs:oss:*:1746000000000001:b2x","acs:oss:*:1746000000000001:b2x/*"]}]}"#
        );
        assert!(oss_read_only(&OssReadSpec {
            account: A.into(),
            scope: OssScope::Buckets(vec![]),
            console: true
        })
        .is_err());
    }

    #[test]
    fn prefix_without_console() {
        let built = build(
            OssScope::Prefix {
                bucket: "reports".into(),
                prefix: "/team/2024/".into(),
            },
            false,
        );
        assert_eq!(
            to_compact(&built.policy),
            r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:ListObjects","Resource":"acs:oss:*:1746000000000001:reports","Condition":{"StringLike":{"oss:Prefix":"team/2024/*"}}},{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:1746000000000001:reports/team/2024/*"}]}"#
        );
    }

    #[test]
    fn prefix_with_console_navigation() {
        let built = build(
            OssScope::Prefix {
                bucket: "reports".into(),
                prefix: "team/2024/q1".into(),
            },
            true,
        );
        let nav = &built.policy.statements[2];
        let prefixes: Vec<&str> = nav.condition[0].entries[0]
            .values
            .iter()
            .map(CondValue::as_text)
            .collect();
        assert_eq!(prefixes, vec!["", "team/", "team/2024/"]);
        assert_eq!(
            nav.condition.len(),
            1,
            "one StringEquals block with both keys"
        );
        assert_eq!(nav.condition[0].entries[1].key, "oss:Delimiter");
        assert_eq!(built.policy.statements.len(), 5);
        assert_eq!(built.purposes.len(), 5);
        let text = crate::policy::to_pretty(&built.policy);
        assert_eq!(
            crate::policy::parse(&text, PolicyKind::Identity).unwrap(),
            built.policy
        );
    }

    #[test]
    fn ancestors() {
        assert_eq!(ancestor_folders("a"), vec![""]);
        assert_eq!(ancestor_folders("a/"), vec![""]);
        assert_eq!(ancestor_folders("a/b/"), vec!["", "a/"]);
        assert_eq!(ancestor_folders("a/b/c"), vec!["", "a/", "a/b/"]);
    }

    #[test]
    fn prefix_rules() {
        let bad = |p: &str| {
            oss_read_only(&OssReadSpec {
                account: A.into(),
                scope: OssScope::Prefix {
                    bucket: "b12".into(),
                    prefix: p.into(),
                },
                console: false,
            })
        };
        assert!(bad("docs/*").is_err());
        assert_eq!(bad("/").unwrap_err().path.as_deref(), Some("$.prefix"));
    }

    #[test]
    fn assume_one_role() {
        let built = assume_role("acs:ram::1746000000000001:role/admin-oss").unwrap();
        assert_eq!(
            to_compact(&built.policy),
            r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"acs:ram::1746000000000001:role/admin-oss"}]}"#
        );
        assert!(assume_role("acs:ram::1746000000000001:role/*").is_err());
        assert!(assume_role("acs:ram::1746000000000001:user/alice").is_err());
    }
}
