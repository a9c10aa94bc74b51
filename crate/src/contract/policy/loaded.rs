//! The policies of a `policySimulate` request, loaded into a simulator once for a single
//! request or a batch, and the budget their explanations may take.

use super::answer::SimulatedPolicy;
use super::limits;
use super::values::{got, Document};
use crate::error::{Error, ErrorKind, Result};
use crate::message::PolicyMessage;
use crate::policy::catalog;
use crate::policy::document::read_document;
use crate::policy::eval::{Request, Side, Simulator, Trace};
use crate::policy::model::{Policy, PolicyKind};
use crate::policy::{explain_size, to_compact};
use crate::read::child_path;
use crate::read::{read_value, Unknown};
use serde::Deserialize;
use serde_json::Value;

/// What `policySimulate` answers for each request.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicySimulateDetail"))]
#[serde(rename_all = "kebab-case")]
pub enum Detail {
    /// The decision and its explanation.
    #[default]
    Full,
    /// The decision only.
    Decision,
}

/// A `detail` that is neither.
pub(super) fn bad_detail(u: Unknown<'_>) -> Error {
    let value = u.field.to_string();
    Error::invalid_said(u.path, PolicyMessage::BadDetail { value })
}

/// An identity policy given as an object: a catalog policy by `name`, or a `document` (named
/// `name`, else `policy-<index>`), e.g. the live text from GetPolicy in place of the catalog's.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicySimulateEntry", optional_fields = nullable))]
pub struct PolicyEntry {
    pub name: Option<String>,
    #[cfg_attr(test, ts(optional, type = "PolicyDocument"))]
    pub document: Option<Document>,
}

/// A session or trust policy given with its name.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicySimulateNamedDocument", optional_fields = nullable))]
pub struct NamedDocument {
    pub name: Option<String>,
    #[cfg_attr(test, ts(type = "PolicyDocument"))]
    pub document: Document,
}

pub(super) struct Loaded {
    pub simulator: Simulator,
    /// Each policy, for the result.
    pub described: Vec<SimulatedPolicy>,
    /// Bytes of the documents (compact form for catalog policies): the work of one request.
    pub document_bytes: usize,
}

/// What the explanations of one answer (`detail: "full"`) may still take, in bytes.
pub(super) struct Explanations {
    left: usize,
    budget: usize,
}

impl Explanations {
    pub fn new(input_bytes: usize) -> Explanations {
        let budget = limits::explanation_budget(input_bytes);
        Explanations {
            left: budget,
            budget,
        }
    }

    /// Charges the explanation of one decision, before it is built.
    pub fn spend(&mut self, sim: &Simulator, request: &Request, trace: &Trace) -> Result<()> {
        self.left = self
            .left
            .checked_sub(explain_size(sim, request, trace))
            .ok_or_else(|| limits::explanations_too_large(self.budget))?;
        Ok(())
    }
}

/// The request's policy fields (absent or null: `None`).
pub(super) struct PolicyInputs<'v> {
    pub identity: Option<&'v Value>,
    pub session: Option<&'v Value>,
    pub trust: Option<&'v Value>,
}

pub(super) fn load_policies(inputs: PolicyInputs<'_>) -> Result<Loaded> {
    let mut simulator = Simulator::new();
    let mut described = Vec::new();
    let mut document_bytes = 0;
    if let Some(list) = inputs.identity.filter(|v| !v.is_null()) {
        let Value::Array(items) = list else {
            return Err(Error::invalid_said(
                "$.identityPolicies",
                PolicyMessage::IdentityPoliciesNotArray { got: got(list) },
            ));
        };
        simulator.include(Side::Identity);
        for (i, item) in items.iter().enumerate() {
            let path = format!("$.identityPolicies[{i}]");
            let (name, policy, assumed) = identity_entry(item, &path, i)?;
            document_bytes += to_compact(&policy).len();
            simulator.add(&name, Side::Identity, assumed, &policy);
            described.push(describe(&name, Side::Identity, assumed));
        }
    }
    for (field, value, side, kind) in [
        (
            "sessionPolicy",
            inputs.session,
            Side::Session,
            PolicyKind::Identity,
        ),
        ("trustPolicy", inputs.trust, Side::Trust, PolicyKind::Trust),
    ] {
        if let Some(item) = value.filter(|v| !v.is_null()) {
            let path = format!("$.{field}");
            let (name, policy) = document_entry(item, &path, field, kind)?;
            document_bytes += to_compact(&policy).len();
            simulator.add(&name, side, false, &policy);
            described.push(describe(&name, side, false));
        }
    }
    Ok(Loaded {
        simulator,
        described,
        document_bytes,
    })
}

fn describe(name: &str, side: Side, assumed: bool) -> SimulatedPolicy {
    SimulatedPolicy {
        name: name.to_string(),
        side,
        assumed,
        source: if assumed { "catalog" } else { "document" },
    }
}

/// A string names a catalog policy; an object is `{"name"?, "document"?}` (no document: the
/// catalog entry of `name`; a document replaces it, e.g. the live text from GetPolicy).
fn identity_entry(item: &Value, path: &str, index: usize) -> Result<(String, Policy, bool)> {
    let name = match item {
        Value::String(name) => name.clone(),
        Value::Object(_) => {
            let entry: PolicyEntry = read_value(item, path, None)?;
            if let Some(doc) = entry.document {
                let name = entry.name.unwrap_or_else(|| format!("policy-{index}"));
                let at = child_path(path, "document");
                let policy = read_document(&doc.0, &at, PolicyKind::Identity)?;
                return Ok((name, policy, false));
            }
            entry.name.ok_or_else(|| {
                Error::said(
                    ErrorKind::MissingField,
                    PolicyMessage::IdentityEntryNeedsName {},
                )
                .at(child_path(path, "name"))
            })?
        }
        other => {
            return Err(Error::invalid_said(
                path,
                PolicyMessage::IdentityEntryBad { got: got(other) },
            ));
        }
    };
    let entry = catalog::lookup(&name, path)?;
    Ok((name, entry.policy()?, entry.assumed))
}

/// A session or trust policy: its text, or `{"name"?, "document"}`.
fn document_entry(
    item: &Value,
    path: &str,
    field: &str,
    kind: PolicyKind,
) -> Result<(String, Policy)> {
    let default_name = if field == "trustPolicy" {
        "trust policy"
    } else {
        "session policy"
    };
    match item {
        // An object with a `document` (even null) names it; any other is the document itself.
        Value::Object(map) if map.contains_key("document") => {
            let named: NamedDocument = read_value(item, path, None)?;
            let name = named.name.unwrap_or_else(|| default_name.to_string());
            let at = child_path(path, "document");
            Ok((name, read_document(&named.document.0, &at, kind)?))
        }
        doc => Ok((default_name.to_string(), read_document(doc, path, kind)?)),
    }
}
