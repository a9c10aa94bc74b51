//! Reading simulator requests `{principal?, action, resource?, context?}`.

use super::limits::check_field;
use super::values::got;
use crate::error::{Error, ErrorKind, Result};
use crate::fields::child_path;
use crate::message::PolicyMessage;
use crate::policy::eval::{Context, Request};
use serde_json::Value;
use std::borrow::Cow;

/// One simulator request, read without copying the JSON (a batch may hold many thousands).
pub(super) fn read_request(value: &Value, path: &str) -> Result<Request> {
    let Value::Object(map) = value else {
        return Err(Error::said(
            ErrorKind::InvalidJson,
            PolicyMessage::RequestNotObject { got: got(value) },
        )
        .at(path));
    };
    let field = |name: &str| map.get(name).filter(|v| !v.is_null());
    let text = |name: &str| -> Result<Option<&str>> {
        match field(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(Error::invalid_said(
                child_path(path, name),
                PolicyMessage::FieldNotString {
                    name: name.to_string(),
                    got: got(other),
                },
            )),
        }
    };
    let mut context = Context::default();
    match field("context") {
        None => {}
        Some(Value::Object(entries)) => {
            let context_path = || child_path(path, "context");
            for (key, v) in entries {
                let bad = |at: String, v: &Value| {
                    Error::invalid_said(at, PolicyMessage::ContextValue { got: got(v) })
                };
                let values: Vec<Cow<'_, str>> = match v {
                    Value::Array(items) => items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| {
                            scalar(item).ok_or_else(|| {
                                bad(format!("{}[{i}]", child_path(&context_path(), key)), item)
                            })
                        })
                        .collect::<Result<_>>()?,
                    other => vec![scalar(other)
                        .ok_or_else(|| bad(child_path(&context_path(), key), other))?],
                };
                let key_path = child_path(&context_path(), key);
                check_field(key, &key_path)?;
                for (i, value) in values.iter().enumerate() {
                    match v {
                        Value::Array(_) => check_field(value, &format!("{key_path}[{i}]"))?,
                        _ => check_field(value, &key_path)?,
                    }
                }
                let refs: Vec<&str> = values.iter().map(|c| c.as_ref()).collect();
                context.insert(key, &refs);
            }
        }
        Some(other) => {
            return Err(Error::invalid_said(
                child_path(path, "context"),
                PolicyMessage::ContextNotObject { got: got(other) },
            ));
        }
    }
    let action = text("action")?.ok_or_else(|| Error::missing(child_path(path, "action")))?;
    for (name, value) in [
        ("principal", text("principal")?),
        ("action", Some(action)),
        ("resource", text("resource")?),
    ] {
        if let Some(value) = value {
            check_field(value, &child_path(path, name))?;
        }
    }
    Ok(Request {
        principal: text("principal")?.map(str::to_string),
        action: action.to_string(),
        resource: text("resource")?.unwrap_or("*").to_string(),
        context,
    })
}

/// A context value's text: strings as they are, numbers and booleans as their JSON text.
fn scalar(v: &Value) -> Option<Cow<'_, str>> {
    match v {
        Value::String(s) => Some(Cow::Borrowed(s)),
        Value::Number(n) => Some(Cow::Owned(n.to_string())),
        Value::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
        _ => None,
    }
}
