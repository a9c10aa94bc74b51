//! The system policies the cross-account tutorial uses. Their exact documents are not published;
//! these are the commonly described contents, marked `assumed` so that the product says so, and
//! replaceable by the live text of `GetPolicy(PolicyType=System, PolicyName=...)`.

use super::model::{Policy, PolicyKind};
use super::parse::parse;
use super::suggest::closest;
use crate::error::{Error, ErrorKind, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SystemPolicy {
    pub name: &'static str,
    /// The document RoleHop assumes (compact JSON).
    pub document: &'static str,
    /// Always true here: no public source gives the exact text.
    pub assumed: bool,
    pub description: &'static str,
    pub description_zh: &'static str,
}

pub const SYSTEM_POLICIES: &[SystemPolicy] = &[
    SystemPolicy {
        name: "AliyunOSSReadOnlyAccess",
        document: r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:Get*","oss:List*"],"Resource":"*"}]}"#,
        assumed: true,
        description: "Read-only access to all OSS buckets and objects of the account",
        description_zh: "只读访问账号下所有 OSS 存储空间和文件",
    },
    SystemPolicy {
        name: "AliyunOSSFullAccess",
        document: r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"*"}]}"#,
        assumed: true,
        description: "Full access to OSS",
        description_zh: "管理 OSS 的全部权限",
    },
    SystemPolicy {
        name: "AliyunSTSAssumeRoleAccess",
        document: r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#,
        assumed: true,
        description: "Permission to assume any RAM role (each role's trust policy still decides)",
        description_zh: "可扮演任意 RAM 角色（仍由各角色的信任策略决定）",
    },
    SystemPolicy {
        name: "AdministratorAccess",
        document: r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
        assumed: true,
        description: "Full access to every cloud resource of the account",
        description_zh: "管理账号下所有云资源的权限",
    },
    SystemPolicy {
        name: "AliyunRAMReadOnlyAccess",
        document: r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":["ram:Get*","ram:List*"],"Resource":"*"}]}"#,
        assumed: true,
        description: "Read-only access to RAM (users, groups, roles, policies)",
        description_zh: "只读访问 RAM（用户、用户组、角色、策略）",
    },
];

impl SystemPolicy {
    /// The parsed document. The catalog's texts are checked by the tests below.
    pub fn policy(&self) -> Result<Policy> {
        parse(self.document, PolicyKind::Identity)
    }
}

/// The catalog entry of a system policy (names are case-sensitive, as in RAM).
pub fn find(name: &str) -> Option<&'static SystemPolicy> {
    SYSTEM_POLICIES.iter().find(|p| p.name == name)
}

/// Like `find`, with an error that suggests the closest name.
pub fn lookup(name: &str, path: &str) -> Result<&'static SystemPolicy> {
    if let Some(p) = find(name) {
        return Ok(p);
    }
    let names = SYSTEM_POLICIES.iter().map(|p| p.name);
    let hint = match closest(name, names.clone(), 4) {
        Some(near) => format!("; did you mean {near:?}?"),
        None => String::new(),
    };
    let known: Vec<&str> = names.collect();
    Err(Error::new(
        ErrorKind::Unsupported,
        format!(
            "{name:?} is not in RoleHop's system-policy catalog ({}){hint} For another policy, pass its text as \"document\" (from GetPolicy).",
            known.join(", ")
        ),
    )
    .at(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_parses_and_is_marked_assumed() {
        for p in SYSTEM_POLICIES {
            let policy = p.policy().unwrap();
            assert!(!policy.statements.is_empty(), "{}", p.name);
            assert!(p.assumed);
            assert_eq!(
                crate::policy::to_compact(&policy),
                p.document,
                "canonical: {}",
                p.name
            );
        }
    }

    #[test]
    fn lookup_suggests_near_names() {
        assert!(find("AliyunOSSReadOnlyAccess").is_some());
        let e = lookup("AliyunOssReadOnlyAccess", "$.identityPolicies[0].name").unwrap_err();
        assert!(
            e.message
                .contains("did you mean \"AliyunOSSReadOnlyAccess\""),
            "{}",
            e.message
        );
        assert_eq!(e.path.as_deref(), Some("$.identityPolicies[0].name"));
    }
}
