//! Values shared by the policy calls' inputs, read by `crate::read` with the errors the policy
//! calls have always given (string lists, flags, documents, each refused in the policy area's
//! words); and results written as JSON values.

use crate::error::{field_name, Error};
use crate::message::PolicyMessage;
use crate::read::said;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

pub(crate) use crate::policy::document::got;

/// A list of strings (`users`, `buckets`, `trustedPrincipals`...). Absent: empty.
/// (TypeScript: `string[]`, stated on the fields.)
#[derive(Default)]
pub struct StringList(pub Vec<String>);

impl<'de> Deserialize<'de> for StringList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let items = match Value::deserialize(d)? {
            Value::Array(items) => items,
            other => {
                let got = got(&other);
                return Err(said(move |path| {
                    let name = field_name(path).to_string();
                    Error::invalid_said(path, PolicyMessage::FieldNotStringArray { name, got })
                }));
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            match item {
                Value::String(s) => out.push(s),
                other => {
                    let got = got(&other);
                    return Err(said(move |path| {
                        let at = format!("{path}[{i}]");
                        Error::invalid_said(at, PolicyMessage::ExpectedString { got })
                    }));
                }
            }
        }
        Ok(StringList(out))
    }
}

/// A yes-or-no field (`console`). (TypeScript: `boolean`, stated on the field.)
pub struct Flag(pub bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Bool(b) => Ok(Flag(b)),
            other => {
                let got = got(&other);
                Err(said(move |path| {
                    let name = field_name(path).to_string();
                    Error::invalid_said(path, PolicyMessage::FieldNotBool { name, got })
                }))
            }
        }
    }
}

/// A policy document as the caller gave it: its JSON text (errors then carry line and column in
/// it) or a JSON object, passed unread to the policy reader (`crate::policy::document`), which
/// refuses anything else. (TypeScript: crate/src/contract/typescript.rs.)
#[derive(Deserialize)]
pub struct Document(pub Value);

/// The `Visitor` methods of the JSON types a visitor does not take, each refusing its value with
/// `$refuse(got)`, `got` the value's type in the policy area's words.
macro_rules! refuse_other_types {
    ($refuse:path; $($method:ident)*) => {
        $(refuse_other_types!(@one $refuse, $method);)*
    };
    (@one $refuse:path, visit_unit) => {
        fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<Self::Value, E> {
            Err($refuse($crate::message::PolicyMessage::TypeNull {}))
        }
    };
    (@one $refuse:path, visit_bool) => {
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> std::result::Result<Self::Value, E> {
            Err($refuse($crate::message::PolicyMessage::TypeBoolean {}))
        }
    };
    (@one $refuse:path, $method:ident) => {
        refuse_other_types!(@number $refuse, $method);
    };
    (@number $refuse:path, visit_i64) => {
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> std::result::Result<Self::Value, E> {
            Err($refuse($crate::message::PolicyMessage::TypeNumber {}))
        }
    };
    (@number $refuse:path, visit_u64) => {
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> std::result::Result<Self::Value, E> {
            Err($refuse($crate::message::PolicyMessage::TypeNumber {}))
        }
    };
    (@number $refuse:path, visit_f64) => {
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> std::result::Result<Self::Value, E> {
            Err($refuse($crate::message::PolicyMessage::TypeNumber {}))
        }
    };
    (@number $refuse:path, visit_str) => {
        fn visit_str<E: serde::de::Error>(self, _: &str) -> std::result::Result<Self::Value, E> {
            Err($refuse($crate::message::PolicyMessage::TypeString {}))
        }
    };
    (@number $refuse:path, visit_seq) => {
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> std::result::Result<Self::Value, A::Error> {
            Err($refuse($crate::message::PolicyMessage::TypeArray {}))
        }
    };
    (@number $refuse:path, visit_map) => {
        fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> std::result::Result<Self::Value, A::Error> {
            Err($refuse($crate::message::PolicyMessage::TypeObject {}))
        }
    };
}
pub(super) use refuse_other_types;

pub(crate) fn to_value<T: serde::Serialize>(value: &T) -> Value {
    // Serialising plain structs of strings, numbers and booleans cannot fail.
    serde_json::to_value(value).unwrap_or(Value::Null)
}
