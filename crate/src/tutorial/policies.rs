//! The three documents of the tutorial, made by the policy builders (never written here) and
//! linted by the policy linter: the role's trust policy, the role's OSS read policy, and B's
//! AssumeRole policy. System policies come from the catalog, marked as assumed documents.

use super::input::{AssumePolicy, Permission, Setup, Trust};
use crate::checks::text::Text;
use crate::error::{Error, Result};
use crate::message::PolicyMessage;
use crate::policy::build::{self as builders, Built, OssReadSpec, OssScope, TrustSpec};
use crate::policy::lint::{lint, Intent, LintOptions, Report};
use crate::policy::model::{Policy, PolicyKind};
use crate::policy::path::Path;
use crate::policy::{catalog, to_compact, to_pretty};
use serde_json::{json, Value};

/// A policy document as a step shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub name: String,
    /// `Trust`, `Custom` or `System`.
    pub kind: &'static str,
    pub purpose: Text,
    /// A system policy's description, in the catalogs' words.
    pub description: Option<PolicyMessage>,
    pub policy: Policy,
    /// Canonical pretty JSON (what the console's JSON editor and Terraform get).
    pub text: String,
    /// Canonical one-line JSON (what the API and the CLI get).
    pub compact: String,
    /// One purpose per statement.
    pub statements: Vec<PolicyMessage>,
    /// A system policy whose exact text is not published (the catalog's assumption).
    pub assumed: bool,
    pub lint: Report,
}

impl Document {
    fn from_built(
        name: String,
        kind: &'static str,
        purpose: Text,
        built: Built,
        options: LintOptions,
    ) -> Document {
        let text = to_pretty(&built.policy);
        Document {
            lint: lint(&text, &options),
            compact: to_compact(&built.policy),
            text,
            name,
            kind,
            purpose,
            description: None,
            statements: built.purposes,
            policy: built.policy,
            assumed: false,
        }
    }

    fn system(name: &str) -> Result<Document> {
        let entry = catalog::lookup(name, "$")?;
        let policy = entry.policy()?;
        let text = to_pretty(&policy);
        Ok(Document {
            name: entry.name.to_string(),
            kind: "System",
            purpose: Text::new(
                "System policy: RoleHop shows the commonly described content; Alibaba Cloud does not publish the exact text.",
                "系统策略：此处为公开资料中常见的内容，阿里云未公布其确切文本。",
            ),
            description: Some(entry.description.clone()),
            lint: lint(&text, &LintOptions::default()),
            compact: to_compact(&policy),
            text,
            statements: Vec::new(),
            policy,
            assumed: entry.assumed,
        })
    }

    pub fn to_json(&self) -> Value {
        let statements: Vec<Value> = self
            .statements
            .iter()
            .enumerate()
            .map(|(i, purpose)| {
                json!({
                    "path": Path::root().key("Statement").index(i).to_string(),
                    "purpose": purpose,
                })
            })
            .collect();
        json!({
            "name": self.name,
            "type": self.kind,
            "purpose": self.purpose,
            "description": self.description,
            "text": self.text,
            "compact": self.compact,
            "assumed": self.assumed,
            "statements": statements,
            "lint": {
                "valid": self.lint.valid,
                "summary": self.lint.summary,
                "findings": self.lint.findings,
            },
        })
    }
}

/// The role's trust policy: all of B, or B's named users and roles.
pub fn trust(setup: &Setup) -> Result<Document> {
    let (users, roles) = match &setup.trust {
        Trust::Account => (Vec::new(), Vec::new()),
        Trust::Principals { users, roles } => (users.clone(), roles.clone()),
    };
    let purpose = if users.is_empty() && roles.is_empty() {
        Text::new(
            format!("Trust policy of role {}: every RAM user and role of account {} may assume it, if its own policies allow sts:AssumeRole.", setup.role_name, setup.b.uid),
            format!("角色 {} 的信任策略：账号 {} 下的 RAM 用户和角色（在其自身权限允许 sts:AssumeRole 时）均可扮演该角色。", setup.role_name, setup.b.uid),
        )
    } else {
        Text::new(
            format!("Trust policy of role {}: only the named users and roles of account {} may assume it.", setup.role_name, setup.b.uid),
            format!("角色 {} 的信任策略：仅账号 {} 下指定的用户和角色可以扮演该角色。", setup.role_name, setup.b.uid),
        )
    };
    let built = builders::trust_policy(&TrustSpec {
        account: Some(setup.b.uid.clone()),
        users,
        roles,
        ..TrustSpec::default()
    })?;
    // With the whole account trusted, the linter's fix proposes B's actual user.
    let trusted_principals = setup
        .user_name
        .iter()
        .map(|u| format!("acs:ram::{}:user/{u}", setup.b.uid))
        .collect();
    let options = LintOptions {
        kind: Some(PolicyKind::Trust),
        intent: Intent::Any,
        trusted_principals,
    };
    let name = format!("{} trust policy", setup.role_name);
    Ok(Document::from_built(name, "Trust", purpose, built, options))
}

/// The permission policy attached to the role.
pub fn permission(setup: &Setup) -> Result<Document> {
    let Permission::Custom {
        buckets,
        prefixes,
        policy_name,
    } = &setup.permission
    else {
        return Document::system(super::input::OSS_READ_ONLY);
    };
    let built = oss_read(&setup.a.uid, buckets, prefixes)?;
    let scope = if prefixes.is_empty() {
        buckets.join(", ")
    } else {
        prefixes
            .iter()
            .map(|p| format!("{}/{}", buckets.join(""), p.trim_start_matches('/')))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let purpose = Text::new(
        format!(
            "Read-only OSS access for role {}: {scope} only.",
            setup.role_name
        ),
        format!("角色 {} 的 OSS 只读权限：仅限 {scope}。", setup.role_name),
    );
    let options = LintOptions {
        kind: Some(PolicyKind::Identity),
        intent: Intent::ReadOnly,
        trusted_principals: Vec::new(),
    };
    let doc = Document::from_built(policy_name.clone(), "Custom", purpose, built, options);
    too_large(doc, "$.permission")
}

/// Buckets, or prefixes of one bucket: one builder call per prefix, statements merged (the
/// console statements shared by several prefixes appear once).
fn oss_read(uid: &str, buckets: &[String], prefixes: &[String]) -> Result<Built> {
    let spec = |scope| OssReadSpec {
        account: uid.to_string(),
        scope,
        console: true,
    };
    if prefixes.is_empty() {
        return builders::oss_read_only(&spec(OssScope::Buckets(buckets.to_vec())));
    }
    let bucket = buckets.first().cloned().unwrap_or_default();
    let mut merged: Option<Built> = None;
    for prefix in prefixes {
        let built = builders::oss_read_only(&spec(OssScope::Prefix {
            bucket: bucket.clone(),
            prefix: prefix.clone(),
        }))?;
        let Some(into) = merged.as_mut() else {
            merged = Some(built);
            continue;
        };
        for (statement, purpose) in built.policy.statements.into_iter().zip(built.purposes) {
            if !into.policy.statements.contains(&statement) {
                into.policy.statements.push(statement);
                into.purposes.push(purpose);
            }
        }
    }
    merged.ok_or_else(|| Error::invalid("$.permission.prefixes", "no prefix given"))
}

/// B's user: sts:AssumeRole on the one role, or the system policy.
pub fn assume(setup: &Setup) -> Result<Document> {
    let AssumePolicy::Scoped { policy_name } = &setup.assume else {
        return Document::system(super::input::STS_ASSUME_ROLE);
    };
    let arn = setup.role_arn();
    let built = builders::assume_role(&arn)?;
    let purpose = Text::new(
        format!("Lets B's user assume only {arn}."),
        format!("仅允许 B 的用户扮演 {arn}。"),
    );
    let options = LintOptions {
        kind: Some(PolicyKind::Identity),
        ..LintOptions::default()
    };
    Ok(Document::from_built(
        policy_name.clone(),
        "Custom",
        purpose,
        built,
        options,
    ))
}

/// RAM refuses documents over 6144 characters; say which input made it so.
fn too_large(doc: Document, path: &str) -> Result<Document> {
    let size = doc.compact.chars().count();
    if size > crate::policy::MAX_DOCUMENT_CHARS {
        return Err(Error::invalid(
            path,
            format!(
                "the policy would be {size} characters, RAM allows {}: grant fewer buckets or prefixes",
                crate::policy::MAX_DOCUMENT_CHARS
            ),
        ));
    }
    Ok(doc)
}
