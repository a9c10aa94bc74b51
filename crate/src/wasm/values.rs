//! Bench only (feature `wasm-swb`, bench/boundary): the boundary the design card names, JS values
//! in and out through serde-wasm-bindgen, beside the shipped JSON-text exports, so that the two
//! can be timed on the real calls. Errors cross as a `js_sys::Error` carrying the core error's
//! fields (`kind`, `message`, `text`, `path`, `line`, `column`).

use crate::error::{Error, ErrorKind};
use serde::de::{DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::marker::PhantomData;
use wasm_bindgen::{JsCast, JsValue};

/// A JS value as the typed request; a value of the wrong shape is an `invalid-json` error.
pub fn from_js<T: DeserializeOwned>(input: JsValue) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(input)
        .map_err(|e| to_js_error(&Error::new(ErrorKind::InvalidJson, e.to_string())))
}

/// The answer as the JS value `JSON.parse` of its JSON text gives: maps as plain objects, `None`
/// fields that are written as `null` in JSON as `null` (not `undefined`), integers as numbers.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// A core error as a thrown `Error` whose own properties are the error's JSON fields.
pub fn to_js_error(error: &Error) -> JsValue {
    let thrown = js_sys::Error::new(&error.message);
    if let Ok(fields) = to_js(error) {
        js_sys::Object::assign(&thrown, fields.unchecked_ref());
    }
    thrown.into()
}

/// A JSON object of string values read as ordered pairs (headers, RPC parameters).
// The transfer module's bench build reads no map.
#[cfg_attr(
    not(any(feature = "wasm-api", feature = "wasm-policy")),
    allow(dead_code)
)]
pub struct Pairs<V>(pub Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Pairs<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
            type Value = Pairs<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}
