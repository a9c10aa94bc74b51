//! Reading JSON request fields with precise errors: every failure names the JSON path and says
//! what was expected. The one reader of the contract's inputs, below every area that reads one.

use crate::error::{field_name, Error, ErrorKind, Result};
use crate::message::ApiMessage;
use serde_json::{Map, Value};

/// Parses the text of one JSON request object.
pub fn parse_object(input: &str) -> Result<Object> {
    let value: Value = serde_json::from_str(input).map_err(|e| {
        let text = ApiMessage::NotJson {
            line: e.line(),
            column: e.column(),
        };
        Error::said(ErrorKind::InvalidJson, text).at_position(e.line(), e.column())
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
            other => {
                let got = Box::new(json_type(&other));
                let text = if path == "$" {
                    ApiMessage::RequestNotObject { got }
                } else {
                    ApiMessage::NotObject {
                        path: path.clone(),
                        got,
                    }
                };
                Err(Error::said(ErrorKind::InvalidJson, text).at(path))
            }
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
            Some(v) => v
                .as_i64()
                .ok_or_else(|| wrong_type(&self.child(name), ApiMessage::JsonInteger {}, v)),
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
                v.as_bool()
                    .ok_or_else(|| wrong_type(&self.child(name), ApiMessage::JsonBoolean {}, v))
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
        .ok_or_else(|| wrong_type(path, ApiMessage::JsonString {}, v))
}

fn scalar_text(v: &Value, path: &str) -> Result<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        other => Err(wrong_type(path, ApiMessage::JsonScalar {}, other)),
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
        // The name as a JSON string (serialising a string cannot fail); not through `Value`'s
        // Display, which would link Debug's escaping into the popup's wasm (wasm/narrow.rs).
        format!(
            "{parent}[{}]",
            serde_json::to_string(name).unwrap_or_default()
        )
    }
}

/// An `invalid-value` error: the field at `path` is `got` where `expected` belongs.
pub fn wrong_type(path: &str, expected: ApiMessage, got: &Value) -> Error {
    let text = ApiMessage::WrongType {
        field: field_name(path).to_string(),
        expected: Box::new(expected),
        got: Box::new(json_type(got)),
    };
    Error::invalid_said(path, text)
}

/// A JSON value's type in words (a message the catalogs render).
pub fn json_type(v: &Value) -> ApiMessage {
    match v {
        Value::Null => ApiMessage::JsonNull {},
        Value::Bool(_) => ApiMessage::JsonBoolean {},
        Value::Number(_) => ApiMessage::JsonNumber {},
        Value::String(_) => ApiMessage::JsonString {},
        Value::Array(_) => ApiMessage::JsonArray {},
        Value::Object(_) => ApiMessage::JsonObject {},
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
