//! Reading RPC (JSON) response bodies: typed accessors whose errors say which element was
//! missing or of the wrong type (`invalid-response`, at `$.body`).

use crate::error::{Error, ErrorKind, Result};
use crate::message::ApiMessage;
use crate::read::json_type;
use serde_json::Value;

/// An `invalid-response` error about the response body.
pub fn bad_body(text: ApiMessage) -> Error {
    Error::said(ErrorKind::InvalidResponse, text).at("$.body")
}

/// Parses a JSON body; a syntax error carries the line and column in the body.
pub fn parse(body: &str) -> Result<Value> {
    serde_json::from_str(body).map_err(|e| {
        bad_body(ApiMessage::BodyNotJson {
            line: e.line(),
            column: e.column(),
        })
        .at_position(e.line(), e.column())
    })
}

/// A JSON value and its dotted path inside the body (`Credentials.AccessKeyId`).
#[derive(Debug, Clone)]
pub struct Node<'a> {
    value: &'a Value,
    path: String,
}

impl<'a> Node<'a> {
    pub fn root(value: &'a Value) -> Node<'a> {
        Node {
            value,
            path: String::new(),
        }
    }

    fn child_path(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    fn get(&self, name: &str) -> Option<&'a Value> {
        self.value.as_object()?.get(name).filter(|v| !v.is_null())
    }

    fn wrong(&self, name: &str, expected: ApiMessage, got: &Value) -> Error {
        bad_body(ApiMessage::BodyWrongType {
            path: self.child_path(name),
            expected: Box::new(expected),
            got: Box::new(json_type(got)),
        })
    }

    fn missing(&self, name: &str, expected: ApiMessage) -> Error {
        bad_body(ApiMessage::BodyMissing {
            path: self.child_path(name),
            expected: Box::new(expected),
        })
    }

    /// Checks that this node is an object (the body's top level must be one).
    pub fn expect_object(&self) -> Result<()> {
        if self.value.is_object() {
            Ok(())
        } else {
            let got = Box::new(json_type(self.value));
            Err(bad_body(if self.path.is_empty() {
                ApiMessage::BodyNotObject { got }
            } else {
                ApiMessage::BodyWrongType {
                    path: self.path.clone(),
                    expected: Box::new(ApiMessage::JsonObject {}),
                    got,
                }
            }))
        }
    }

    pub fn object(&self, name: &str) -> Result<Node<'a>> {
        match self.get(name) {
            Some(v) if v.is_object() => Ok(Node {
                value: v,
                path: self.child_path(name),
            }),
            Some(v) => Err(self.wrong(name, ApiMessage::JsonObject {}, v)),
            None => Err(self.missing(name, ApiMessage::JsonObject {})),
        }
    }

    /// The raw value of member `name` (missing: an error saying an object was expected).
    pub fn value_of(&self, name: &str) -> Result<&'a Value> {
        self.get(name)
            .ok_or_else(|| self.missing(name, ApiMessage::JsonObject {}))
    }

    /// The error for member `name` holding `got` where an object belongs.
    pub fn wrong_object(&self, name: &str, got: &Value) -> Error {
        self.wrong(name, ApiMessage::JsonObject {}, got)
    }

    pub fn opt_object(&self, name: &str) -> Result<Option<Node<'a>>> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.object(name).map(Some),
        }
    }

    pub fn string(&self, name: &str) -> Result<String> {
        self.opt_string(name)?
            .ok_or_else(|| self.missing(name, ApiMessage::JsonString {}))
    }

    pub fn opt_string(&self, name: &str) -> Result<Option<String>> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(v) => Err(self.wrong(name, ApiMessage::JsonString {}, v)),
        }
    }

    /// A non-negative integer, given as a JSON number or a string of digits.
    pub fn opt_u64(&self, name: &str) -> Result<Option<u64>> {
        let value = |value: String| {
            bad_body(ApiMessage::BodyValue {
                path: self.child_path(name),
                expected: Box::new(ApiMessage::JsonCount {}),
                value,
            })
        };
        match self.get(name) {
            None => Ok(None),
            Some(Value::Number(n)) => n.as_u64().map(Some).ok_or_else(|| value(n.to_string())),
            Some(Value::String(s)) => s.parse().map(Some).map_err(|_| value(s.clone())),
            Some(v) => Err(self.wrong(name, ApiMessage::JsonCount {}, v)),
        }
    }

    /// A boolean, given as JSON `true`/`false` or the strings "true"/"false".
    pub fn opt_bool(&self, name: &str) -> Result<Option<bool>> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(Value::String(s)) if s == "true" || s == "false" => Ok(Some(s == "true")),
            Some(v) => Err(self.wrong(name, ApiMessage::JsonBoolean {}, v)),
        }
    }

    /// The items of a list wrapped the RPC way: `{"Policies": {"Policy": [...]}}`. A single
    /// object where a list is expected is taken as a list of one.
    pub fn list(&self, container: &str, item: &str) -> Result<Vec<Node<'a>>> {
        let wrapper = self.object(container)?;
        let path = wrapper.child_path(item);
        let items: Vec<&'a Value> = match wrapper.get(item) {
            None => return Err(wrapper.missing(item, ApiMessage::JsonArray {})),
            Some(Value::Array(items)) => items.iter().collect(),
            Some(v @ Value::Object(_)) => vec![v],
            Some(v) => return Err(wrapper.wrong(item, ApiMessage::JsonArray {}, v)),
        };
        items
            .into_iter()
            .enumerate()
            .map(|(i, value)| {
                let path = format!("{path}[{i}]");
                if value.is_object() {
                    Ok(Node { value, path })
                } else {
                    Err(bad_body(ApiMessage::BodyWrongType {
                        path,
                        expected: Box::new(ApiMessage::JsonObject {}),
                        got: Box::new(json_type(value)),
                    }))
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn errors_name_the_element() {
        let v = json!({"A": {"B": 1, "N": -1, "S": "12", "L": {"I": [{"x": 1}, 2]}}});
        let root = Node::root(&v);
        let a = root.object("A").unwrap();
        assert_eq!(
            a.string("B").unwrap_err().en(),
            "A.B must be a string, not a number."
        );
        assert_eq!(
            a.string("C").unwrap_err().en(),
            "A.C (a string) is missing from the body."
        );
        assert!(a
            .opt_u64("N")
            .unwrap_err()
            .en()
            .contains("A.N must be a non-negative integer, not \"-1\""));
        assert_eq!(a.opt_u64("S").unwrap(), Some(12));
        assert_eq!(
            a.list("L", "I").unwrap_err().en(),
            "A.L.I[1] must be an object, not a number."
        );
        assert_eq!(parse("{").unwrap_err().line, Some(1));
    }
}
