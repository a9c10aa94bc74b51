//! `policyLint`.

use super::limits;
use super::values::{got, string_array, to_value};
use crate::error::{Error, ErrorKind, Result};
use crate::fields::{parse_object, Object};
use crate::message::PolicyMessage;
use crate::policy::lint::{lint as lint_text, Intent, LintOptions};
use crate::policy::model::PolicyKind;
use crate::policy::to_pretty;
use serde_json::Value;

/// `policyLint`: `{"policy": <text or object>, "kind"?, "intent"?, "trustedPrincipals"?}` ->
/// the lint report, plus the canonical text when the policy is valid.
pub fn lint(input: &str) -> Result<Value> {
    limits::check_input(input)?;
    let req = parse_object(input)?;
    let (text, from_object) = match req.get("policy") {
        None => {
            return Err(
                Error::said(ErrorKind::MissingField, PolicyMessage::LintNeedsPolicy {})
                    .at("$.policy"),
            )
        }
        Some(Value::String(text)) => (text.clone(), false),
        Some(doc @ Value::Object(_)) => (doc.to_string(), true),
        Some(other) => {
            return Err(Error::invalid_said(
                "$.policy",
                PolicyMessage::DocumentNotText { got: got(other) },
            ))
        }
    };
    limits::check_document(&text, "$.policy")?;
    let options = LintOptions {
        kind: optional_kind(&req)?,
        intent: match req.optional_str("intent")? {
            None | Some("any") => Intent::Any,
            Some("read-only") => Intent::ReadOnly,
            Some(other) => {
                return Err(Error::invalid_said(
                    "$.intent",
                    PolicyMessage::BadIntent {
                        value: other.to_string(),
                    },
                ))
            }
        },
        trusted_principals: string_array(&req, "trustedPrincipals")?,
    };
    let report = lint_text(&text, &options);
    let mut out = to_value(&report);
    if from_object {
        // Positions would refer to RoleHop's re-serialisation, not to anything the caller wrote.
        if let Some(findings) = out.get_mut("findings").and_then(Value::as_array_mut) {
            for f in findings.iter_mut().filter_map(Value::as_object_mut) {
                f.remove("line");
                f.remove("column");
            }
        }
    }
    if report.valid {
        if let Ok(policy) = crate::policy::parse(&text, report.kind) {
            out["canonical"] = Value::String(to_pretty(&policy));
        }
    }
    Ok(out)
}

pub(super) fn optional_kind(req: &Object) -> Result<Option<PolicyKind>> {
    match req.optional_str("kind")? {
        None | Some("auto") => Ok(None),
        Some(name) => PolicyKind::from_name(name).map(Some).ok_or_else(|| {
            Error::invalid_said(
                "$.kind",
                PolicyMessage::BadKind {
                    value: name.to_string(),
                },
            )
        }),
    }
}
