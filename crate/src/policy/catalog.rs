//! The system policies the cross-account tutorial uses. Their exact documents are not published;
//! these are the commonly described contents, marked `assumed` so that the product says so, and
//! replaceable by the live text of `GetPolicy(PolicyType=System, PolicyName=...)`.

use super::model::{Policy, PolicyKind};
use super::parse::parse;
use super::suggest::closest;
use crate::error::{Error, ErrorKind, Result};
use crate::message::PolicyMessage;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemPolicy {
    pub name: &'static str,
    /// The document RoleHop assumes (compact JSON).
    pub document: &'static str,
    /// Always true here: no public source gives the exact text.
    pub assumed: bool,
    /// What it grants, in the catalogs' words.
    pub description: PolicyMessage,
}

pub const SYSTEM_POLICIES: &[SystemPolicy] = &[
    SystemPolicy {
        name: "AliyunOSSReadOnlyAccess",
        document: r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:Get*","oss:List*"],"Resource":"*"}]}"#,
        assumed: true,
        description: PolicyMessage::SystemOssReadOnly {},
    },
    SystemPolicy {
        name: "AliyunOSSFullAccess",
        document: r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"*"}]}"#,
        assumed: true,
        description: PolicyMessage::SystemOssFull {},
    },
    SystemPolicy {
        name: "AliyunSTSAssumeRoleAccess",
        document: r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#,
        assumed: true,
        description: PolicyMessage::SystemStsAssumeRole {},
    },
    SystemPolicy {
        name: "AdministratorAccess",
        document: r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
        assumed: true,
        description: PolicyMessage::SystemAdministrator {},
    },
    SystemPolicy {
        name: "AliyunRAMReadOnlyAccess",
        document: r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":["ram:Get*","ram:List*"],"Resource":"*"}]}"#,
        assumed: true,
        description: PolicyMessage::SystemRamReadOnly {},
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
    let near = closest(name, names.clone(), 4);
    let (name, known) = (name.to_string(), names.collect::<Vec<_>>().join(", "));
    let message = match near {
        Some(meant) => PolicyMessage::CatalogUnknownMeant {
            name,
            known,
            meant: meant.to_string(),
        },
        None => PolicyMessage::CatalogUnknown { name, known },
    };
    Err(Error::said(ErrorKind::Unsupported, message).at(path))
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
            e.to_string()
                .contains("did you mean \"AliyunOSSReadOnlyAccess\""),
            "{e}"
        );
        assert_eq!(e.path.as_deref(), Some("$.identityPolicies[0].name"));
    }
}
