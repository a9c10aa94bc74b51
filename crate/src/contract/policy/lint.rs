//! `policyLint`: its input, read by `crate::read` in the order declared here, and its answer.

use super::limits;
use super::values::{got, StringList};
use crate::error::{Error, ErrorKind, Result};
use crate::message::PolicyMessage;
use crate::policy::lint::{lint as lint_text, Intent, LintOptions, Report};
use crate::policy::model::PolicyKind;
use crate::policy::to_pretty;
use crate::read::{self, said, Unknown, What};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// `policyLint()`'s input. Fields it does not read are ignored.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyLintInput", optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct LintInput {
    /// The policy: its JSON text (findings then carry line and column in it) or a JSON object.
    #[cfg_attr(test, ts(type = "PolicyDocument"))]
    pub policy: LintedPolicy,
    /// What the policy is; `auto` (the default) tells it from the document.
    pub kind: Option<LintKind>,
    /// `read-only`: writes and deletes are findings.
    pub intent: Option<LintIntent>,
    /// Principals a trust policy may name without a finding.
    #[cfg_attr(test, ts(as = "Option<Vec<String>>"))]
    pub trusted_principals: Option<StringList>,
}

/// The policy to lint as text, and whether it came as an object (its findings then have no
/// position: they would refer to RoleHop's re-serialisation, not to anything the caller wrote).
pub struct LintedPolicy {
    text: String,
    from_object: bool,
}

impl<'de> Deserialize<'de> for LintedPolicy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let Some(policy) = Option::<Value>::deserialize(d)? else {
            return Err(said(|path| {
                Error::said(ErrorKind::MissingField, PolicyMessage::LintNeedsPolicy {}).at(path)
            }));
        };
        let (text, from_object) = match policy {
            Value::String(text) => (text, false),
            doc @ Value::Object(_) => (doc.to_string(), true),
            other => {
                let got = got(&other);
                return Err(said(move |path| {
                    Error::invalid_said(path, PolicyMessage::DocumentNotText { got })
                }));
            }
        };
        if let Err(e) = limits::check_document(&text, "$") {
            return Err(said(move |path| e.at(path)));
        }
        Ok(LintedPolicy { text, from_object })
    }
}

/// `policyLint`'s `kind`.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyLintKind"))]
#[serde(rename_all = "kebab-case")]
pub enum LintKind {
    Auto,
    Identity,
    Permission,
    Session,
    Trust,
}

/// `policyLint`'s `intent`.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyLintIntent"))]
#[serde(rename_all = "kebab-case")]
pub enum LintIntent {
    Any,
    ReadOnly,
}

/// `policyLint()`'s answer: the report, and the canonical pretty text when the policy is valid.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyLintResult"))]
pub struct LintAnswer {
    #[serde(flatten)]
    #[cfg_attr(test, ts(flatten))]
    pub report: Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub canonical: Option<String>,
}

/// A `kind` or `intent` that names none of its values.
fn refused(u: Unknown<'_>) -> Error {
    let value = u.field.to_string();
    match (u.what, u.path) {
        (What::Name, "$.kind") => Error::invalid_said(u.path, PolicyMessage::BadKind { value }),
        _ => Error::invalid_said(u.path, PolicyMessage::BadIntent { value }),
    }
}

/// `policyLint`: `{"policy": <text or object>, "kind"?, "intent"?, "trustedPrincipals"?}` ->
/// the lint report, plus the canonical text when the policy is valid.
pub fn lint(input: &str) -> Result<Value> {
    limits::check_input(input)?;
    let req: LintInput = read::read_value(&read::parse_json(input)?, "$", Some(&refused))?;
    let kind = match req.kind {
        None | Some(LintKind::Auto) => None,
        Some(LintKind::Trust) => Some(PolicyKind::Trust),
        Some(_) => Some(PolicyKind::Identity),
    };
    let options = LintOptions {
        kind,
        intent: match req.intent {
            Some(LintIntent::ReadOnly) => Intent::ReadOnly,
            None | Some(LintIntent::Any) => Intent::Any,
        },
        trusted_principals: req.trusted_principals.unwrap_or_default().0,
    };
    let text = &req.policy.text;
    let mut report = lint_text(text, &options);
    if req.policy.from_object {
        for finding in &mut report.findings {
            (finding.line, finding.column) = (None, None);
        }
    }
    let canonical = report
        .valid
        .then(|| crate::policy::parse(text, report.kind).ok())
        .flatten()
        .map(|policy| to_pretty(&policy));
    Ok(super::values::to_value(&LintAnswer { report, canonical }))
}
