//! The one path-reporting reader of the contract's inputs: a serde `Deserializer` over a parsed
//! `serde_json::Value` that reads the input types (`#[derive(Deserialize)]`) and answers every
//! failure as the core's [`Error`], at the JSON path of the value at fault (`$.a.b[3].c`).
//!
//! What it reads as `fields::Object` did, so the errors stay the same:
//! - a struct's fields are read in the order the struct declares them, after its unknown fields
//!   (refused with `#[serde(deny_unknown_fields)]`, in the words the caller gives: [`Unknown`]);
//! - a field given as `null` is absent; an absent field is `None` when it is an `Option`, else
//!   `missing-field` at its path, in declaration order (so the first field read is the first
//!   reported);
//! - each value is checked against what the type asks for (`deserialize_str` takes a string,
//!   `deserialize_i64` an integer...) and refused as `invalid-value` with `fields::wrong_type`;
//! - [`Scalar`] takes a string, number or boolean as its JSON text;
//! - a type that refuses a value in its own area's words returns [`said`]'s failure, which the
//!   reader places at the value's path.

use crate::error::{Error, ErrorKind, Result};
use crate::fields::{child_path, json_type, wrong_type};
use crate::message::ApiMessage;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::fmt;

/// An unknown field of a struct that refuses them, a name that is none of an enum's (an unknown
/// `action`) or a value its type refuses (a `status` out of range): the caller words the error.
pub struct Unknown<'a> {
    /// The JSON path of the field (of the value, for a name or value).
    pub path: &'a str,
    /// The field, or the value given (as text).
    pub field: &'a str,
    /// The fields the struct takes in declaration order (the names, for an enum).
    pub expected: &'static [&'static str],
    pub what: What,
}

/// What [`Unknown`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Field,
    /// A string that names nothing (serde's unknown variant).
    Name,
    /// A value of the right JSON type that the type refuses (serde's invalid value).
    Value,
}

/// Words an unknown field's (name's, value's) error; without one, serde's words say it.
pub type OnUnknown<'a> = Option<&'a dyn Fn(Unknown<'_>) -> Error>;

/// Parses JSON text (`invalid-json` at the line and column where it is not JSON).
pub fn parse_json(input: &str) -> Result<Value> {
    serde_json::from_str(input).map_err(|e| {
        let text = ApiMessage::NotJson {
            line: e.line(),
            column: e.column(),
        };
        Error::said(ErrorKind::InvalidJson, text).at_position(e.line(), e.column())
    })
}

/// Reads a request's JSON text as `T`.
pub fn read<T: de::DeserializeOwned>(input: &str, on_unknown: OnUnknown<'_>) -> Result<T> {
    read_value(&parse_json(input)?, "$", on_unknown)
}

/// Reads `value`, found at `path`, as `T`.
pub fn read_value<'v, T: Deserialize<'v>>(
    value: &'v Value,
    path: &str,
    on_unknown: OnUnknown<'_>,
) -> Result<T> {
    let at = Path::Root(path);
    T::deserialize(Reader {
        value,
        path: &at,
        on_unknown,
    })
    .map_err(|failure| failure.named(&at, on_unknown).into_error(&at))
}

/// A field `name` of the object `value` (at `path`) that must be a string: a tag such as `kind`
/// or `action`, read before the variant it chooses.
pub fn tag<'v>(value: &'v Value, path: &str, name: &str) -> Result<&'v str> {
    let map = object(value, path)?;
    let child = child_path(path, name);
    match map.get(name).filter(|v| !v.is_null()) {
        None => Err(Error::missing(child)),
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(wrong_type(&child, ApiMessage::JsonString {}, other)),
    }
}

/// `value` as an object, or `invalid-json` saying what it is.
pub fn object<'v>(value: &'v Value, path: &str) -> Result<&'v Map<String, Value>> {
    match value {
        Value::Object(map) => Ok(map),
        other => {
            let got = Box::new(json_type(other));
            let text = if path == "$" {
                ApiMessage::RequestNotObject { got }
            } else {
                ApiMessage::NotObject {
                    path: path.to_string(),
                    got,
                }
            };
            Err(Error::said(ErrorKind::InvalidJson, text).at(path))
        }
    }
}

/// A failure worded by the type that refuses the value, to be placed at its path.
type Wording = Box<dyn FnOnce(&str) -> Error>;

thread_local! {
    /// What [`said`] gave, until the reader places it (serde passes failures as text only).
    static SAID: std::cell::Cell<Option<Wording>> = const { std::cell::Cell::new(None) };
}

/// The text of [`said`]'s failure, which tells the reader to take the wording from [`SAID`].
const SAID_TEXT: &str = "rolehop::read::said";

/// The failure a `Deserialize` impl returns to refuse a value in its area's words: `wording`
/// gets the value's JSON path and gives the complete error. (Under another deserializer, such
/// as serde_json's for a fast path, it is a plain failure.)
pub fn said<E: de::Error>(wording: impl FnOnce(&str) -> Error + 'static) -> E {
    SAID.with(|said| said.set(Some(Box::new(wording))));
    E::custom(SAID_TEXT)
}

/// A string, number or boolean, as its JSON text (a signed parameter or header value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar(pub String);

/// The newtype name [`Reader`] recognises to read a [`Scalar`].
const SCALAR: &str = "rolehop::read::Scalar";

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Text;
        impl<'de> Visitor<'de> for Text {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, number or boolean")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_newtype_struct(SCALAR, Text)
    }
}

/// A JSON object's entries in order, each value read as `V` (`{"k": "v"}` maps).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entries<V>(pub Vec<(String, V)>);

impl<V> Default for Entries<V> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Entries<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Pairs<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Pairs<V> {
            type Value = Entries<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Entries<V>, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(Pairs(std::marker::PhantomData))
    }
}

/// Where a value is, built as the reader descends and written out only for an error.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root(&'a str),
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn text(&self) -> String {
        match self {
            Path::Root(root) => root.to_string(),
            Path::Key(parent, name) => child_path(&parent.text(), name),
            Path::Index(parent, i) => format!("{}[{i}]", parent.text()),
        }
    }
}

/// Why a read failed: an error already placed, or serde's words still to place.
#[derive(Debug)]
pub struct Failure(Why);

#[derive(Debug)]
enum Why {
    /// Complete, with its path.
    Said(Error),
    /// A name that is none of the enum's, or a refused value, for the caller to word at its path.
    Refused(What, String, &'static [&'static str]),
    /// `serde`'s own words (a value the type refused).
    Other(String),
}

impl Failure {
    fn said(error: Error) -> Self {
        Failure(Why::Said(error))
    }

    /// The error, placed at `path` if it has no place yet.
    #[inline(never)]
    fn into_error(self, path: &Path<'_>) -> Error {
        match self.0 {
            Why::Said(error) => error,
            Why::Refused(_, name, _) => Error::invalid(path.text(), format!("refused `{name}`")),
            Why::Other(message) if message == SAID_TEXT => match SAID.with(|s| s.take()) {
                Some(wording) => wording(&path.text()),
                None => Error::invalid(path.text(), message),
            },
            Why::Other(message) => Error::invalid(path.text(), message),
        }
    }

    /// An unknown name or refused value at `path`, in the caller's words.
    #[inline(never)]
    fn named(self, path: &Path<'_>, on_unknown: OnUnknown<'_>) -> Self {
        match (self.0, on_unknown) {
            (Why::Refused(what, name, expected), Some(on_unknown)) => {
                Failure::said(on_unknown(Unknown {
                    path: &path.text(),
                    field: &name,
                    expected,
                    what,
                }))
            }
            (why, _) => Failure(why).at(path),
        }
    }

    /// Places serde's words at `path`; a placed error keeps its place.
    #[inline(never)]
    fn at(self, path: &Path<'_>) -> Self {
        Failure::said(self.into_error(path))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Why::Said(error) => write!(f, "{}", error.message),
            Why::Refused(_, name, _) => write!(f, "refused `{name}`"),
            Why::Other(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Failure {}

impl de::Error for Failure {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Failure(Why::Other(msg.to_string()))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Failure(Why::Refused(What::Name, variant.to_string(), expected))
    }

    // serde's other failures, without its formatted sentences: the reader checks each value's JSON
    // type itself, and words unknown fields and missing ones (`Absent`) as the contract does.
    fn invalid_type(unexpected: de::Unexpected<'_>, _: &dyn de::Expected) -> Self {
        Failure(Why::Other(unexpected.to_string()))
    }

    fn invalid_length(len: usize, _: &dyn de::Expected) -> Self {
        Failure(Why::Other(len.to_string()))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Failure(Why::Refused(What::Field, field.to_string(), expected))
    }

    fn missing_field(field: &'static str) -> Self {
        Failure(Why::Other(field.to_string()))
    }

    fn duplicate_field(field: &'static str) -> Self {
        Failure(Why::Other(field.to_string()))
    }

    fn invalid_value(unexpected: de::Unexpected<'_>, _: &dyn de::Expected) -> Self {
        let text = match unexpected {
            de::Unexpected::Signed(i) => i.to_string(),
            de::Unexpected::Unsigned(u) => u.to_string(),
            de::Unexpected::Str(s) => s.to_string(),
            other => other.to_string(),
        };
        Failure(Why::Refused(What::Value, text, &[]))
    }
}

type Answer<T> = std::result::Result<T, Failure>;

/// Places a visitor's own failure at `path`.
fn at<T>(path: &Path<'_>, answer: Answer<T>) -> Answer<T> {
    answer.map_err(|f| f.at(path))
}

/// The deserializer of one value at one path.
struct Reader<'v, 'p, 'u> {
    value: &'v Value,
    path: &'p Path<'p>,
    on_unknown: OnUnknown<'u>,
}

impl<'v, 'p, 'u> Reader<'v, 'p, 'u> {
    fn wrong(&self, expected: ApiMessage) -> Failure {
        Failure::said(wrong_type(&self.path.text(), expected, self.value))
    }

    fn object(&self) -> Answer<&'v Map<String, Value>> {
        object(self.value, &self.path.text()).map_err(Failure::said)
    }

    fn integer<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        let path = self.path;
        let answer: Answer<V::Value> = match self.value {
            // As `fields::Object` read integers: beyond i64 is not one.
            Value::Number(n) if n.is_i64() => visitor.visit_i64(n.as_i64().unwrap_or_default()),
            _ => return Err(self.wrong(ApiMessage::JsonInteger {})),
        };
        answer.map_err(|f| f.named(path, self.on_unknown))
    }
}

macro_rules! integers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
            self.integer(visitor)
        }
    )*};
}

impl<'v> Deserializer<'v> for Reader<'v, '_, '_> {
    type Error = Failure;

    fn deserialize_any<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        let path = self.path;
        let answer: Answer<V::Value> = match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => visitor.visit_i64(i),
                (None, Some(u)) => visitor.visit_u64(u),
                _ => visitor.visit_f64(n.as_f64().unwrap_or_default()),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(_) => return self.deserialize_seq(visitor),
            Value::Object(_) => return self.deserialize_map(visitor),
        };
        answer.map_err(|f| f.at(path))
    }

    fn deserialize_bool<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        match self.value {
            Value::Bool(b) => at(self.path, visitor.visit_bool(*b)),
            _ => Err(self.wrong(ApiMessage::JsonBoolean {})),
        }
    }

    integers!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
              deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64);

    fn deserialize_f32<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        match self.value {
            Value::Number(n) => at(self.path, visitor.visit_f64(n.as_f64().unwrap_or_default())),
            _ => Err(self.wrong(ApiMessage::JsonNumber {})),
        }
    }

    fn deserialize_str<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        match self.value {
            Value::String(s) => visitor
                .visit_borrowed_str(s)
                .map_err(|f: Failure| f.named(self.path, self.on_unknown)),
            _ => Err(self.wrong(ApiMessage::JsonString {})),
        }
    }

    fn deserialize_char<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_string<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.wrong(ApiMessage::JsonNull {})),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'v>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Answer<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'v>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Answer<V::Value> {
        if name != SCALAR {
            return visitor.visit_newtype_struct(self);
        }
        let text = match self.value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => return Err(self.wrong(ApiMessage::JsonScalar {})),
        };
        visitor.visit_string(text)
    }

    fn deserialize_seq<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        let Value::Array(items) = self.value else {
            return Err(self.wrong(ApiMessage::JsonArray {}));
        };
        visitor
            .visit_seq(Items {
                items: items.iter().enumerate(),
                path: self.path,
                on_unknown: self.on_unknown,
            })
            .map_err(|f| f.at(self.path))
    }

    fn deserialize_tuple<V: Visitor<'v>>(self, _: usize, visitor: V) -> Answer<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'v>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Answer<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        let map = self.object()?;
        visitor
            .visit_map(Entry {
                entries: map.iter(),
                value: None,
                path: self.path,
                on_unknown: self.on_unknown,
            })
            .map_err(|f| f.at(self.path))
    }

    fn deserialize_struct<V: Visitor<'v>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Answer<V::Value> {
        let map = self.object()?;
        let access = Fields {
            map,
            fields,
            entries: map.iter(),
            declared: fields.iter(),
            next: Next::None,
            path: self.path,
            on_unknown: self.on_unknown,
        };
        visitor.visit_map(access).map_err(|f| f.at(self.path))
    }

    fn deserialize_enum<V: Visitor<'v>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Answer<V::Value> {
        match self.value {
            Value::String(s) => visitor
                .visit_enum(s.as_str().into_deserializer())
                .map_err(|f: Failure| f.named(self.path, self.on_unknown)),
            _ => Err(self.wrong(ApiMessage::JsonString {})),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'v>>(self, visitor: V) -> Answer<V::Value> {
        visitor.visit_unit()
    }
}

/// An array's items, each at `path[i]`.
struct Items<'p, 'u, I> {
    items: I,
    path: &'p Path<'p>,
    on_unknown: OnUnknown<'u>,
}

impl<'v, I: Iterator<Item = (usize, &'v Value)>> de::SeqAccess<'v> for Items<'_, '_, I> {
    type Error = Failure;

    fn next_element_seed<T: DeserializeSeed<'v>>(&mut self, seed: T) -> Answer<Option<T::Value>> {
        let Some((i, value)) = self.items.next() else {
            return Ok(None);
        };
        let path = Path::Index(self.path, i);
        seed.deserialize(Reader {
            value,
            path: &path,
            on_unknown: self.on_unknown,
        })
        .map(Some)
        .map_err(|f| f.named(&path, self.on_unknown))
    }
}

/// A map's entries in order, nulls included (`{"acl": null}` is a bare query parameter).
struct Entry<'v, 'p, 'u> {
    entries: serde_json::map::Iter<'v>,
    value: Option<(&'v str, &'v Value)>,
    path: &'p Path<'p>,
    on_unknown: OnUnknown<'u>,
}

impl<'v> de::MapAccess<'v> for Entry<'v, '_, '_> {
    type Error = Failure;

    fn next_key_seed<K: DeserializeSeed<'v>>(&mut self, seed: K) -> Answer<Option<K::Value>> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        let path = Path::Key(self.path, key);
        seed.deserialize(key.as_str().into_deserializer())
            .map(Some)
            .map_err(|f: Failure| f.at(&path))
    }

    fn next_value_seed<T: DeserializeSeed<'v>>(&mut self, seed: T) -> Answer<T::Value> {
        let (key, value) = self.value.take().unwrap_or(("", &Value::Null));
        let path = Path::Key(self.path, key);
        seed.deserialize(Reader {
            value,
            path: &path,
            on_unknown: self.on_unknown,
        })
        .map_err(|f| f.named(&path, self.on_unknown))
    }
}

/// What the struct's visitor reads next.
enum Next<'v> {
    None,
    /// An unknown field, given to the visitor to refuse or skip.
    Unknown(&'v str),
    /// A declared field, present (not null) or absent.
    Declared(&'static str, Option<&'v Value>),
}

/// A struct's fields: its unknown ones first, then each declared field in declaration order,
/// absent ones included (so that a missing field is reported in the order the fields are read).
/// Not generic, and its steps not inlined: one copy serves every input type.
struct Fields<'v, 'p, 'u> {
    map: &'v Map<String, Value>,
    fields: &'static [&'static str],
    entries: serde_json::map::Iter<'v>,
    declared: std::slice::Iter<'static, &'static str>,
    next: Next<'v>,
    path: &'p Path<'p>,
    on_unknown: OnUnknown<'u>,
}

impl<'v> Fields<'v, '_, '_> {
    /// The next field's name: an unknown one, else the next declared one.
    #[inline(never)]
    fn advance(&mut self) -> Option<&'v str> {
        for (key, _) in self.entries.by_ref() {
            if !self.fields.contains(&key.as_str()) {
                self.next = Next::Unknown(key);
                return Some(key);
            }
        }
        let name = self.declared.next()?;
        self.next = Next::Declared(name, self.map.get(*name).filter(|v| !v.is_null()));
        Some(name)
    }

    /// An unknown field the struct refuses, in the caller's words.
    #[inline(never)]
    fn refuse(&self, failure: Failure) -> Failure {
        let Next::Unknown(key) = self.next else {
            return failure;
        };
        let path = Path::Key(self.path, key);
        let Some(on_unknown) = self.on_unknown else {
            return failure.at(&path);
        };
        Failure::said(on_unknown(Unknown {
            path: &path.text(),
            field: key,
            expected: self.fields,
            what: What::Field,
        }))
    }

    /// The field [`Fields::advance`] named, and its value if present.
    #[inline(never)]
    fn take(&mut self) -> (&'v str, Option<&'v Value>) {
        match std::mem::replace(&mut self.next, Next::None) {
            Next::None => ("", None),
            Next::Unknown(name) => (name, self.map.get(name)),
            Next::Declared(name, value) => (name, value),
        }
    }
}

impl<'v> de::MapAccess<'v> for Fields<'v, '_, '_> {
    type Error = Failure;

    fn next_key_seed<K: DeserializeSeed<'v>>(&mut self, seed: K) -> Answer<Option<K::Value>> {
        let Some(name) = self.advance() else {
            return Ok(None);
        };
        seed.deserialize(BorrowedStrDeserializer::new(name))
            .map(Some)
            .map_err(|f| self.refuse(f))
    }

    fn next_value_seed<T: DeserializeSeed<'v>>(&mut self, seed: T) -> Answer<T::Value> {
        let (name, value) = self.take();
        let path = Path::Key(self.path, name);
        match value {
            Some(value) => seed.deserialize(Reader {
                value,
                path: &path,
                on_unknown: self.on_unknown,
            }),
            None => seed.deserialize(Absent(&path)),
        }
        .map_err(|f| f.named(&path, self.on_unknown))
    }
}

/// A declared field that is absent or null: `None` for an `Option`, else `missing-field`.
struct Absent<'p>(&'p Path<'p>);

impl<'de> Deserializer<'de> for Absent<'_> {
    type Error = Failure;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Answer<V::Value> {
        Err(Failure::said(Error::missing(self.0.text())))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Answer<V::Value> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{ContractMessage, Message};
    use serde_json::json;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Outer {
        name: String,
        count: Option<i64>,
        inner: Option<Inner>,
        items: Option<Vec<Inner>>,
        tags: Option<Entries<Scalar>>,
        mode: Option<Mode>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "kebab-case")]
    enum Mode {
        Fast,
        Slow,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Inner {
        access_key_id: String,
        flag: Option<bool>,
    }

    fn unknown(u: Unknown<'_>) -> Error {
        if u.what == What::Name {
            let text = ApiMessage::UnknownKind {
                kind: u.field.to_string(),
            };
            return Error::said(ErrorKind::Unsupported, text).at(u.path);
        }
        let text = ContractMessage::InputsUnknownField {
            field: u.field.to_string(),
            fields: u.expected.join(", "),
        };
        Error::invalid_said(u.path, text)
    }

    fn read_outer(input: &str) -> Result<Outer> {
        read(input, Some(&unknown))
    }

    fn error(input: &str) -> Error {
        match read_outer(input) {
            Ok(value) => panic!("{input} was read as {value:?}"),
            Err(e) => e,
        }
    }

    fn wrong(path: &str, field: &str, expected: ApiMessage, got: ApiMessage) -> Error {
        let text = ApiMessage::WrongType {
            field: field.to_string(),
            expected: Box::new(expected),
            got: Box::new(got),
        };
        Error::invalid_said(path, text)
    }

    #[test]
    fn reads_a_well_formed_input() {
        let input = json!({"name": "n", "count": 3, "inner": {"accessKeyId": "id", "flag": true},
                           "items": [{"accessKeyId": "a"}, {"accessKeyId": "b", "flag": null}],
                           "tags": {"b": "x", "a": 1.5, "c": false}, "count2": null})
        .to_string()
        .replace(",\"count2\":null", "");
        let outer = read_outer(&input).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(outer.name, "n");
        assert_eq!(outer.count, Some(3));
        assert_eq!(
            outer.inner.map(|i| (i.access_key_id, i.flag)),
            Some(("id".into(), Some(true)))
        );
        assert_eq!(outer.items.map(|i| i.len()), Some(2));
        let tags = outer.tags.unwrap_or_default().0;
        let tags: Vec<(&str, &str)> = tags
            .iter()
            .map(|(k, v)| (k.as_str(), v.0.as_str()))
            .collect();
        assert_eq!(tags, [("b", "x"), ("a", "1.5"), ("c", "false")]);
    }

    #[test]
    fn null_is_absent() {
        let outer = read_outer(r#"{"name":"n","count":null,"inner":null}"#);
        let outer = outer.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((outer.count, outer.inner.is_none()), (None, true));
        assert_eq!(error(r#"{"name":null}"#), Error::missing("$.name"));
    }

    #[test]
    fn reports_the_path_of_a_nested_field() {
        assert_eq!(
            error(r#"{"name":"n","inner":{"accessKeyId":"i","flag":"yes"}}"#),
            wrong(
                "$.inner.flag",
                "flag",
                ApiMessage::JsonBoolean {},
                ApiMessage::JsonString {}
            )
        );
        assert_eq!(
            error(r#"{"name":"n","inner":{}}"#),
            Error::missing("$.inner.accessKeyId")
        );
    }

    #[test]
    fn reports_the_index_of_an_array_item() {
        let input = r#"{"name":"n","items":[{"accessKeyId":"a"},{"accessKeyId":"b"},{"accessKeyId":"c"},{"accessKeyId":7}]}"#;
        assert_eq!(
            error(input),
            wrong(
                "$.items[3].accessKeyId",
                "accessKeyId",
                ApiMessage::JsonString {},
                ApiMessage::JsonNumber {}
            )
        );
        let e = error(r#"{"name":"n","items":[{"accessKeyId":"a"},5]}"#);
        let text = ApiMessage::NotObject {
            path: "$.items[1]".into(),
            got: Box::new(ApiMessage::JsonNumber {}),
        };
        assert_eq!(
            e,
            Error::said(ErrorKind::InvalidJson, text).at("$.items[1]")
        );
        assert_eq!(
            error(r#"{"name":"n","items":{}}"#),
            wrong(
                "$.items",
                "items",
                ApiMessage::JsonArray {},
                ApiMessage::JsonObject {}
            )
        );
    }

    #[test]
    fn refuses_an_unknown_field_with_its_path_in_the_callers_words() {
        let e = error(r#"{"name":"n","inner":{"accessKeyId":"i","secret":"s"}}"#);
        assert_eq!(e.path.as_deref(), Some("$.inner.secret"));
        let expected = ContractMessage::InputsUnknownField {
            field: "secret".into(),
            fields: "accessKeyId, flag".into(),
        };
        assert_eq!(e.text.as_deref(), Some(&Message::from(expected)));
        // Unknown fields come first, before a missing one; odd names are quoted in the path.
        let e = error(r#"{"odd key":1}"#);
        assert_eq!(e.path.as_deref(), Some("$[\"odd key\"]"));
    }

    #[test]
    fn refuses_an_unknown_name_in_the_callers_words() {
        let outer = read_outer(r#"{"name":"n","mode":"slow"}"#).ok();
        assert_eq!(outer.and_then(|o| o.mode), Some(Mode::Slow));
        let text = ApiMessage::UnknownKind {
            kind: "warp".into(),
        };
        let expected = Error::said(ErrorKind::Unsupported, text).at("$.mode");
        assert_eq!(error(r#"{"name":"n","mode":"warp"}"#), expected);
        assert_eq!(
            error(r#"{"name":"n","mode":1}"#),
            wrong(
                "$.mode",
                "mode",
                ApiMessage::JsonString {},
                ApiMessage::JsonNumber {}
            )
        );
    }

    #[test]
    fn reports_a_wrong_type_and_the_first_missing_field_in_declaration_order() {
        assert_eq!(
            error(r#"{"name":"n","count":1.5}"#),
            wrong(
                "$.count",
                "count",
                ApiMessage::JsonInteger {},
                ApiMessage::JsonNumber {}
            )
        );
        // `count` is declared after `name`: the missing name is reported first.
        assert_eq!(error(r#"{"count":"x"}"#), Error::missing("$.name"));
        assert_eq!(
            error(r#"{"name":"n","tags":{"a":[1]}}"#),
            wrong(
                "$.tags.a",
                "a",
                ApiMessage::JsonScalar {},
                ApiMessage::JsonArray {}
            )
        );
    }

    #[test]
    fn says_where_text_is_not_json_or_not_an_object() {
        let e = error("{\n  \"name\": }");
        assert_eq!(
            (e.kind, e.line, e.column),
            (ErrorKind::InvalidJson, Some(2), Some(11))
        );
        let e = error("[]");
        let text = ApiMessage::RequestNotObject {
            got: Box::new(ApiMessage::JsonArray {}),
        };
        assert_eq!(e, Error::said(ErrorKind::InvalidJson, text).at("$"));
    }

    #[test]
    fn reads_a_tag_before_its_variant() {
        let value = json!({"kind": 5});
        let e = tag(&value, "$", "kind").err();
        let expected = wrong(
            "$.kind",
            "kind",
            ApiMessage::JsonString {},
            ApiMessage::JsonNumber {},
        );
        assert_eq!(e, Some(expected));
        assert_eq!(
            tag(&json!({}), "$", "kind").err(),
            Some(Error::missing("$.kind"))
        );
        assert_eq!(tag(&json!({"kind": "rpc"}), "$", "kind").ok(), Some("rpc"));
    }
}
