//! The identity policies the checks simulate with, loaded once: named by the caller (catalog
//! names, or documents given inline) or read from the account (diagnose/policies.rs).

use crate::error::{Error, Result};
use crate::policy::catalog;
use crate::policy::eval::{Side, Simulator};
use crate::policy::model::{Policy, PolicyKind};
use serde_json::Value;

/// Policies loaded into a simulator, with where each text came from.
pub struct Loaded {
    pub simulator: Simulator,
    pub names: Vec<String>,
    /// Simulated with the catalog's assumed text.
    pub assumed: Vec<String>,
    /// Attached but not readable: left out of the simulation.
    pub unknown: Vec<String>,
    /// The documents simulated, by policy name (to name the resources they allow).
    pub documents: Vec<(String, Policy)>,
}

impl Loaded {
    pub(crate) fn new() -> Loaded {
        let mut simulator = Simulator::new();
        simulator.include(Side::Identity);
        Loaded {
            simulator,
            names: Vec::new(),
            assumed: Vec::new(),
            unknown: Vec::new(),
            documents: Vec::new(),
        }
    }

    pub(crate) fn add(&mut self, name: &str, policy: &Policy, assumed: bool) {
        self.simulator.add(name, Side::Identity, assumed, policy);
        self.names.push(name.to_string());
        self.documents.push((name.to_string(), policy.clone()));
        if assumed {
            self.assumed.push(name.to_string());
        }
    }

    /// The system policy's catalog text, if the catalog has it.
    pub(crate) fn add_catalog(&mut self, name: &str) -> bool {
        match catalog::find(name).map(|p| p.policy()) {
            Some(Ok(policy)) => {
                self.add(name, &policy, true);
                true
            }
            _ => false,
        }
    }
}

/// The policies the user said B's user has (`inputs.userPolicies`): system-policy names or
/// `{name?, document}`. Errors name the entry (`path`).
pub fn from_input(entries: &[Value], path: &str) -> Result<Loaded> {
    let mut loaded = Loaded::new();
    for (i, entry) in entries.iter().enumerate() {
        let at = format!("{path}[{i}]");
        match entry {
            Value::String(name) => {
                let policy = catalog::lookup(name, &at)?.policy()?;
                loaded.add(name, &policy, true);
            }
            Value::Object(map) => {
                let name = map
                    .get("name")
                    .and_then(Value::as_str)
                    .map_or_else(|| format!("policy-{i}"), str::to_string);
                match map.get("document") {
                    Some(doc) => {
                        let policy = crate::policy::document::read_document(
                            doc,
                            &format!("{at}.document"),
                            PolicyKind::Identity,
                        )?;
                        loaded.add(&name, &policy, false);
                    }
                    None => {
                        let policy = catalog::lookup(&name, &format!("{at}.name"))?.policy()?;
                        loaded.add(&name, &policy, true);
                    }
                }
            }
            _ => {
                let text = crate::message::ContractMessage::UserPolicyShape {
                    name: "name".into(),
                    document: "document".into(),
                };
                return Err(Error::invalid_said(at, text));
            }
        }
    }
    Ok(loaded)
}
