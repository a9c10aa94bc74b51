//! The `Deserializer` over one `serde_json::Value` at one path, and its sequence, map and
//! struct accessors.

use super::failure::{at, Answer, Failure, Path};
use super::values::SCALAR;
use super::{object, wrong_type, OnUnknown, Unknown, What};
use crate::error::Error;
use crate::message::ApiMessage;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};
use serde_json::{Map, Value};

/// The deserializer of one value at one path.
pub(super) struct Reader<'v, 'p, 'u> {
    pub(super) value: &'v Value,
    pub(super) path: &'p Path<'p>,
    pub(super) on_unknown: OnUnknown<'u>,
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
            // Beyond i64 is not an integer of the contract (as the field-by-field reader had it).
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
