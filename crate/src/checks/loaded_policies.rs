//! The identity policies the checks simulate with, loaded once: named by the caller (catalog
//! names, or documents given inline) or read from the account (diagnose/policies.rs).

use super::lenient::Lenient;
use crate::error::{Error, Result};
use crate::message::ContractMessage;
use crate::policy::catalog;
use crate::policy::document::read_document;
use crate::policy::eval::{Side, Simulator};
use crate::policy::model::{Policy, PolicyKind};
use crate::read::{said, Later};
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

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

/// One entry of `inputs.userPolicies`: a system policy's name, or a policy given inline.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckUserPolicy", untagged))]
pub enum UserPolicy {
    Named(String),
    Given(GivenPolicy),
}

/// A policy given inline: its document, or (without one) a system policy's name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckGivenPolicy"))]
pub struct GivenPolicy {
    /// Not text: left out (the policy is then named by its place, `policy-<index>`).
    #[serde(default, deserialize_with = "text_or_none")]
    #[cfg_attr(test, ts(optional))]
    name: Option<String>,
    /// Given as `null`, it is a document (refused as one).
    #[serde(default, deserialize_with = "given")]
    #[cfg_attr(test, ts(optional, type = "string | Record<string, unknown>"))]
    document: Option<Value>,
}

fn text_or_none<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<String>, D::Error> {
    Lenient::<String>::deserialize(d).map(|text| text.0)
}

fn given<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

impl<'de> Deserialize<'de> for UserPolicy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(EntryVisitor)
    }
}

/// An entry is a name or an object; anything else is refused in the checks' words.
// A visitor rather than a match on a `Value`: the object is read as a `GivenPolicy` by the
// reader it came through, its nulls kept (a `null` document is refused as a document).
struct EntryVisitor;

impl EntryVisitor {
    fn wrong_shape<E: de::Error>(self) -> std::result::Result<UserPolicy, E> {
        Err(said(|path| {
            let text = ContractMessage::UserPolicyShape {
                name: "name".into(),
                document: "document".into(),
            };
            Error::invalid_said(path, text)
        }))
    }
}

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = UserPolicy;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a policy name or {name?, document?}")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> std::result::Result<UserPolicy, E> {
        Ok(UserPolicy::Named(name.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<UserPolicy, A::Error> {
        GivenPolicy::deserialize(MapAccessDeserializer::new(map)).map(UserPolicy::Given)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> std::result::Result<UserPolicy, A::Error> {
        self.wrong_shape()
    }

    fn visit_unit<E: de::Error>(self) -> std::result::Result<UserPolicy, E> {
        self.wrong_shape()
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<UserPolicy, E> {
        self.wrong_shape()
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> std::result::Result<UserPolicy, E> {
        self.wrong_shape()
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> std::result::Result<UserPolicy, E> {
        self.wrong_shape()
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<UserPolicy, E> {
        self.wrong_shape()
    }
}

/// Reads `inputs.userPolicies` (at `path`), each entry loaded as it is read, so that a bad entry
/// is an input error, not a silent unknown.
pub fn read_input(entries: &[Later<UserPolicy>], path: &str) -> Result<Vec<UserPolicy>> {
    let mut loaded = Loaded::new();
    let mut out = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let policy = entry.read(&at, None)?;
        loaded.add_entry(i, &policy, &at)?;
        out.push(policy);
    }
    Ok(out)
}

/// The policies the user said B's user has (`inputs.userPolicies`). Errors name the entry
/// (`path`).
pub fn from_input(entries: &[UserPolicy], path: &str) -> Result<Loaded> {
    let mut loaded = Loaded::new();
    for (i, entry) in entries.iter().enumerate() {
        loaded.add_entry(i, entry, &format!("{path}[{i}]"))?;
    }
    Ok(loaded)
}

impl Loaded {
    /// The entry `i` of `inputs.userPolicies`, at JSON path `at`.
    fn add_entry(&mut self, i: usize, entry: &UserPolicy, at: &str) -> Result<()> {
        match entry {
            UserPolicy::Named(name) => {
                let policy = catalog::lookup(name, at)?.policy()?;
                self.add(name, &policy, true);
            }
            UserPolicy::Given(given) => {
                let name = given.name.clone().unwrap_or_else(|| format!("policy-{i}"));
                match &given.document {
                    Some(doc) => {
                        let policy =
                            read_document(doc, &format!("{at}.document"), PolicyKind::Identity)?;
                        self.add(&name, &policy, false);
                    }
                    None => {
                        let policy = catalog::lookup(&name, &format!("{at}.name"))?.policy()?;
                        self.add(&name, &policy, true);
                    }
                }
            }
        }
        Ok(())
    }
}
