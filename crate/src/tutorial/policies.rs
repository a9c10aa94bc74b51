//! The three documents of the tutorial, made by the policy builders (never written here) and
//! linted by the policy linter: the role's trust policy, the role's OSS read policy, and B's
//! AssumeRole policy. System policies come from the catalog, marked as assumed documents.

use super::input::{AssumePolicy, Permission, Setup, Trust};
use crate::error::{Error, Result};
use crate::message::PolicyMessage;
use crate::message::TutorialMessage as M;
use crate::policy::build::{self as builders, Built, OssReadSpec, OssScope, TrustSpec};
use crate::policy::lint::{lint, Intent, LintOptions, Report, Summary};
use crate::policy::model::{Policy, PolicyKind};
use crate::policy::path::Path;
use crate::policy::{catalog, to_compact, to_pretty, Finding};
use serde::Serialize;

/// A policy document as a step shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub name: String,
    /// `Trust`, `Custom` or `System`.
    pub kind: &'static str,
    /// How the page names it ("Trust policy of role admin-oss").
    pub title: M,
    pub purpose: M,
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
        title: M,
        purpose: M,
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
            title,
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
            title: M::TitlePolicySystem {
                name: entry.name.to_string(),
            },
            purpose: M::PolicySystem {
                name: entry.name.to_string(),
            },
            description: Some(entry.description.clone()),
            lint: lint(&text, &LintOptions::default()),
            compact: to_compact(&policy),
            text,
            statements: Vec::new(),
            policy,
            assumed: entry.assumed,
        })
    }

    /// The document as a step shows it.
    pub fn answer(&self) -> TutorialPolicy {
        let statements = self
            .statements
            .iter()
            .enumerate()
            .map(|(i, purpose)| StatementAnswer {
                path: Path::root().key("Statement").index(i).to_string(),
                purpose: purpose.clone(),
            })
            .collect();
        TutorialPolicy {
            name: self.name.clone(),
            kind: self.kind,
            title: self.title.clone(),
            purpose: self.purpose.clone(),
            description: self.description.clone(),
            text: self.text.clone(),
            compact: self.compact.clone(),
            assumed: self.assumed,
            statements,
            lint: LintAnswer {
                valid: self.lint.valid,
                summary: self.lint.summary.clone(),
                findings: self.lint.findings.clone(),
            },
        }
    }
}

/// A policy document a step shows: canonical text from the policy builders, and its lint.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TutorialPolicy {
    /// The policy's name in RAM; for a trust policy, its role's name.
    name: String,
    #[serde(rename = "type")]
    #[cfg_attr(test, ts(type = "\"Trust\" | \"Custom\" | \"System\""))]
    kind: &'static str,
    /// How the page names it ("Trust policy of role admin-oss").
    title: M,
    purpose: M,
    /// A system policy's description (null for the others).
    description: Option<PolicyMessage>,
    /// Canonical pretty JSON (console JSON editor, Terraform).
    text: String,
    /// Canonical one-line JSON (API, CLI).
    compact: String,
    /// A system policy whose exact text is not published: the commonly described content.
    assumed: bool,
    statements: Vec<StatementAnswer>,
    lint: LintAnswer,
}

/// What one statement of a tutorial policy is for.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialPolicyStatement"))]
pub struct StatementAnswer {
    /// Its JSON path in the document (`$.Statement[0]`).
    path: String,
    purpose: PolicyMessage,
}

/// A tutorial policy's lint: whether RAM would accept it, and what the linter found.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialPolicyLint"))]
pub struct LintAnswer {
    valid: bool,
    summary: Summary,
    findings: Vec<Finding>,
}

/// The role's trust policy: all of B, or B's named users and roles.
pub fn trust(setup: &Setup) -> Result<Document> {
    let (users, roles) = match &setup.trust {
        Trust::Account => (Vec::new(), Vec::new()),
        Trust::Principals { users, roles } => (users.clone(), roles.clone()),
    };
    let (role, account) = (setup.role_name.clone(), setup.b.uid.clone());
    let purpose = if users.is_empty() && roles.is_empty() {
        M::PolicyTrustAccount { role, account }
    } else {
        M::PolicyTrustPrincipals { role, account }
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
    // A trust policy has no name of its own: it is the role's.
    let title = M::TitlePolicyTrust {
        role: setup.role_name.clone(),
    };
    Ok(Document::from_built(
        setup.role_name.clone(),
        "Trust",
        title,
        purpose,
        built,
        options,
    ))
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
    let scope: Vec<String> = if prefixes.is_empty() {
        buckets.clone()
    } else {
        prefixes
            .iter()
            .map(|p| format!("{}/{}", buckets.join(""), p.trim_start_matches('/')))
            .collect()
    };
    let scope = M::list(
        scope
            .into_iter()
            .map(|value| M::TermValue { value })
            .collect(),
    )
    .unwrap_or(M::TermValue {
        value: String::new(),
    });
    let purpose = M::PolicyOssRead {
        role: setup.role_name.clone(),
        scope: Box::new(scope),
    };
    let options = LintOptions {
        kind: Some(PolicyKind::Identity),
        intent: Intent::ReadOnly,
        trusted_principals: Vec::new(),
    };
    let title = M::TitlePolicyCustom {
        name: policy_name.clone(),
    };
    let doc = Document::from_built(
        policy_name.clone(),
        "Custom",
        title,
        purpose,
        built,
        options,
    );
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
    merged.ok_or_else(|| Error::invalid_said("$.permission.prefixes", M::InputNoPrefix {}))
}

/// B's user: sts:AssumeRole on the one role, or the system policy.
pub fn assume(setup: &Setup) -> Result<Document> {
    let AssumePolicy::Scoped { policy_name } = &setup.assume else {
        return Document::system(super::input::STS_ASSUME_ROLE);
    };
    let arn = setup.role_arn();
    let built = builders::assume_role(&arn)?;
    let purpose = M::PolicyAssumeOne { arn: arn.clone() };
    let options = LintOptions {
        kind: Some(PolicyKind::Identity),
        ..LintOptions::default()
    };
    Ok(Document::from_built(
        policy_name.clone(),
        "Custom",
        M::TitlePolicyCustom {
            name: policy_name.clone(),
        },
        purpose,
        built,
        options,
    ))
}

/// RAM refuses documents over 6144 characters; say which input made it so.
fn too_large(doc: Document, path: &str) -> Result<Document> {
    let size = doc.compact.chars().count();
    if size > crate::policy::MAX_DOCUMENT_CHARS {
        return Err(Error::invalid_said(
            path,
            M::InputPolicyTooLarge {
                count: size,
                max: crate::policy::MAX_DOCUMENT_CHARS,
            },
        ));
    }
    Ok(doc)
}
