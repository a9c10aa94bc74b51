//! A simulated request `{principal?, action, resource?, context?}` as `policySimulate` reads it
//! (`crate::read`), with the errors it has always given: the context first (each key's values,
//! then its length and theirs), then the action, principal and resource, then their lengths.

use super::limits::check_field;
use super::values::{got, refuse_other_types};
use crate::error::{Error, ErrorKind};
use crate::message::PolicyMessage;
use crate::policy::eval::{Context, Request};
use crate::read::child_path;
use crate::read::said;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

/// One request to simulate.
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicySimulateRequest", optional_fields = nullable))]
pub struct RequestInput {
    /// The caller, e.g. `acs:ram::1999000000000002:user/alice` (for trust policies).
    #[cfg_attr(test, ts(as = "Option<String>"))]
    pub principal: Option<Text>,
    #[cfg_attr(test, ts(as = "String"))]
    pub action: Text,
    /// `*` when absent.
    #[cfg_attr(test, ts(as = "Option<String>"))]
    pub resource: Option<Text>,
    /// Condition keys and their values (a value or a list of values).
    #[cfg_attr(
        test,
        ts(optional, type = "{ [key in string]: Scalar | Array<Scalar> }")
    )]
    pub context: Option<RequestContext>,
}

impl RequestInput {
    pub fn into_request(self) -> Request {
        Request {
            principal: self.principal.map(|p| p.0),
            action: self.action.0,
            resource: self.resource.map_or_else(|| "*".to_string(), |r| r.0),
            context: self.context.map(|c| c.0).unwrap_or_default(),
        }
    }
}

/// A request's text field; another JSON type is refused in the policy area's words.
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::String(s) => Ok(Text(s)),
            other => {
                let got = got(&other);
                Err(said(move |path| {
                    let name = crate::error::field_name(path).to_string();
                    Error::invalid_said(path, PolicyMessage::FieldNotString { name, got })
                }))
            }
        }
    }
}

/// A request's context: strings as they are, numbers and booleans as their JSON text.
pub struct RequestContext(pub Context);

impl<'de> Deserialize<'de> for RequestContext {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let entries = match Value::deserialize(d)? {
            Value::Object(entries) => entries,
            other => {
                let got = got(&other);
                return Err(said(move |path| {
                    Error::invalid_said(path, PolicyMessage::ContextNotObject { got })
                }));
            }
        };
        let mut context = Context::default();
        for (key, v) in &entries {
            // Paths below the context, which `below` puts under the context's own.
            let key_path = child_path("", key);
            let bad = |at: String, v: &Value| {
                below(Error::invalid_said(
                    at,
                    PolicyMessage::ContextValue { got: got(v) },
                ))
            };
            let values: Vec<String> = match v {
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        scalar(item).ok_or_else(|| bad(format!("{key_path}[{i}]"), item))
                    })
                    .collect::<Result<_, _>>()?,
                other => vec![scalar(other).ok_or_else(|| bad(key_path.clone(), other))?],
            };
            check_field(key, &key_path).map_err(below)?;
            for (i, value) in values.iter().enumerate() {
                let at = match v {
                    Value::Array(_) => format!("{key_path}[{i}]"),
                    _ => key_path.clone(),
                };
                check_field(value, &at).map_err(below)?;
            }
            let refs: Vec<&str> = values.iter().map(String::as_str).collect();
            context.insert(key, &refs);
        }
        Ok(RequestContext(context))
    }
}

/// An error found at a path below the value (`.key[0]`), placed under the value's path.
fn below<E: de::Error>(mut error: Error) -> E {
    let inner = error.path.take().unwrap_or_default();
    said(move |path| error.at(format!("{path}{inner}")))
}

/// A context value's text: strings as they are, numbers and booleans as their JSON text.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl<'de> Deserialize<'de> for RequestInput {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RequestVisitor)
    }
}

struct RequestVisitor;

impl RequestVisitor {
    fn not_object<E: de::Error>(got: PolicyMessage) -> E {
        let got = Box::new(got);
        said(move |path| {
            Error::said(
                ErrorKind::InvalidJson,
                PolicyMessage::RequestNotObject { got },
            )
            .at(path)
        })
    }
}

impl<'de> Visitor<'de> for RequestVisitor {
    type Value = RequestInput;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a request object")
    }

    /// Each field is read where it stands; its fault is told in the order of the fields above.
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<RequestInput, M::Error> {
        let (mut principal, mut action, mut resource, mut context) =
            (Ok(None), Ok(None), Ok(None), Ok(None));
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "principal" => principal = map.next_value(),
                "action" => action = map.next_value(),
                "resource" => resource = map.next_value(),
                "context" => context = map.next_value(),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let context: Option<RequestContext> = context?;
        let action: Text =
            action?.ok_or_else(|| said(|path| Error::missing(child_path(path, "action"))))?;
        let principal: Option<Text> = principal?;
        let resource: Option<Text> = resource?;
        for (name, text) in [
            ("principal", principal.as_ref()),
            ("action", Some(&action)),
            ("resource", resource.as_ref()),
        ] {
            if let Some(Err(e)) = text.map(|t| check_field(&t.0, &child_path("", name))) {
                return Err(below(e));
            }
        }
        Ok(RequestInput {
            principal,
            action,
            resource,
            context,
        })
    }

    refuse_other_types!(RequestVisitor::not_object; visit_unit visit_bool visit_i64 visit_u64 visit_f64 visit_str visit_seq);
}
