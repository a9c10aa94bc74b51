//! The policies of a `policySimulate` request, loaded into a simulator once for a single
//! request or a batch, and the budget their explanations may take.

use super::limits;
use super::values::got;
use crate::error::{Error, ErrorKind, Result};
use crate::fields::Object;
use crate::message::PolicyMessage;
use crate::policy::catalog;
use crate::policy::document::read_document;
use crate::policy::eval::{Request, Side, Simulator, Trace};
use crate::policy::model::{Policy, PolicyKind};
use crate::policy::{explain_size, to_compact};
use serde_json::{json, Value};

/// `"full"` (the default) or `"decision"`.
pub(super) fn check_detail(detail: Option<&str>) -> Result<&str> {
    match detail.unwrap_or("full") {
        d @ ("full" | "decision") => Ok(d),
        other => Err(Error::invalid_said(
            "$.detail",
            PolicyMessage::BadDetail {
                value: other.to_string(),
            },
        )),
    }
}

pub(super) struct Loaded {
    pub simulator: Simulator,
    /// `{name, side, assumed, source}` for each policy, for the result.
    pub described: Vec<Value>,
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

fn describe(name: &str, side: Side, assumed: bool) -> Value {
    json!({
        "name": name,
        "side": side.name(),
        "assumed": assumed,
        "source": if assumed { "catalog" } else { "document" },
    })
}

/// A string names a catalog policy; an object is `{"name"?, "document"?}` (no document: the
/// catalog entry of `name`; a document replaces it, e.g. the live text from GetPolicy).
fn identity_entry(item: &Value, path: &str, index: usize) -> Result<(String, Policy, bool)> {
    let name = match item {
        Value::String(name) => name.clone(),
        Value::Object(_) => {
            let obj = Object::new(item.clone(), path.to_string())?;
            let name = obj.optional_str("name")?.map(str::to_string);
            if let Some(doc) = obj.get("document") {
                let name = name.unwrap_or_else(|| format!("policy-{index}"));
                let policy = read_document(doc, &obj.child("document"), PolicyKind::Identity)?;
                return Ok((name, policy, false));
            }
            name.ok_or_else(|| {
                Error::said(
                    ErrorKind::MissingField,
                    PolicyMessage::IdentityEntryNeedsName {},
                )
                .at(obj.child("name"))
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
        Value::Object(map) if map.contains_key("document") => {
            let obj = Object::new(item.clone(), path.to_string())?;
            let name = obj
                .optional_str("name")?
                .unwrap_or(default_name)
                .to_string();
            let doc = obj
                .get("document")
                .ok_or_else(|| Error::missing(obj.child("document")))?;
            Ok((name, read_document(doc, &obj.child("document"), kind)?))
        }
        doc => Ok((default_name.to_string(), read_document(doc, path, kind)?)),
    }
}
