//! Reading JSON request fields with precise errors: every failure names the JSON path and says
//! what was expected.

use crate::error::{Error, ErrorKind, Result};
use serde_json::{Map, Value};

/// Parses the text of one JSON request object.
pub fn parse_object(input: &str) -> Result<Object> {
    let value: Value = serde_json::from_str(input).map_err(|e| {
        Error::new(
            ErrorKind::InvalidJson,
            format!("the request is not valid JSON: {e}"),
        )
        .at_position(e.line(), e.column())
    })?;
    Object::new(value, "$".to_string())
}

/// A JSON object and its path, with typed accessors.
pub struct Object {
    pub map: Map<String, Value>,
    pub path: String,
}

impl Object {
    pub fn new(value: Value, path: String) -> Result<Object> {
        match value {
            Value::Object(map) => Ok(Object { map, path }),
            other => Err(Error::new(
                ErrorKind::InvalidJson,
                format!("expected a JSON object, got {}", type_name(&other)),
            )
            .at(path)),
        }
    }

    pub fn child(&self, name: &str) -> String {
        child_path(&self.path, name)
    }

    /// A present, non-null field.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.map.get(name).filter(|v| !v.is_null())
    }

    pub fn required_str(&self, name: &str) -> Result<&str> {
        match self.get(name) {
            None => Err(Error::missing(self.child(name))),
            Some(v) => as_str(v, &self.child(name)),
        }
    }

    pub fn optional_str(&self, name: &str) -> Result<Option<&str>> {
        self.get(name)
            .map(|v| as_str(v, &self.child(name)))
            .transpose()
    }

    pub fn required_i64(&self, name: &str) -> Result<i64> {
        match self.get(name) {
            None => Err(Error::missing(self.child(name))),
            Some(v) => v.as_i64().ok_or_else(|| {
                Error::invalid(
                    self.child(name),
                    format!("{name} must be an integer, got {}", type_name(v)),
                )
            }),
        }
    }

    pub fn optional_i64(&self, name: &str) -> Result<Option<i64>> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.required_i64(name).map(Some),
        }
    }

    pub fn optional_bool(&self, name: &str) -> Result<Option<bool>> {
        self.get(name)
            .map(|v| {
                v.as_bool().ok_or_else(|| {
                    Error::invalid(
                        self.child(name),
                        format!("{name} must be true or false, got {}", type_name(v)),
                    )
                })
            })
            .transpose()
    }

    pub fn optional_object(&self, name: &str) -> Result<Option<Object>> {
        self.get(name)
            .map(|v| Object::new(v.clone(), self.child(name)))
            .transpose()
    }

    /// A map of text values (`{"k": "v"}`); numbers and booleans are taken as their JSON text.
    pub fn string_map(&self, name: &str) -> Result<Vec<(String, String)>> {
        let Some(obj) = self.optional_object(name)? else {
            return Ok(Vec::new());
        };
        obj.map
            .iter()
            .map(|(k, v)| Ok((k.clone(), scalar_text(v, &child_path(&obj.path, k))?)))
            .collect()
    }

    /// A map whose values are text or null (a bare query parameter such as `?acl`).
    pub fn query_map(&self, name: &str) -> Result<Vec<(String, Option<String>)>> {
        let Some(obj) = self.optional_object(name)? else {
            return Ok(Vec::new());
        };
        obj.map
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Value::Null => None,
                    v => Some(scalar_text(v, &child_path(&obj.path, k))?),
                };
                Ok((k.clone(), value))
            })
            .collect()
    }
}

fn as_str<'a>(v: &'a Value, path: &str) -> Result<&'a str> {
    v.as_str()
        .ok_or_else(|| Error::invalid(path, format!("expected a string, got {}", type_name(v))))
}

fn scalar_text(v: &Value, path: &str) -> Result<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        other => Err(Error::invalid(
            path,
            format!(
                "expected a string, number or boolean, got {}",
                type_name(other)
            ),
        )),
    }
}

/// `$.a.b`, or `$.a["odd key"]` when the name is not a plain identifier.
pub fn child_path(parent: &str, name: &str) -> String {
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if plain {
        format!("{parent}.{name}")
    } else {
        format!("{parent}[{}]", Value::String(name.to_string()))
    }
}

pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
