//! The fast path of `sign`: a typed, borrowing read of a well-formed request, without building a
//! `serde_json::Value` tree (which costs an ordered hash map and a copy of every string).
//!
//! It accepts a request only when every field the checked path (`super::sign_checked`) reads is
//! present and of the right JSON type, and then gives the signers exactly the values the checked
//! path would give them; everything else answers `None` and the checked path produces the
//! documented error. A name given twice in a map also answers `None` (the checked path keeps the
//! last value at the first position).

use super::answer::Signed;
use crate::error::Result;
use crate::repeats::first_repeat;
use crate::sign::oss::{OssCredentials, OssRequest};
use crate::sign::{oss, post_policy, rpc};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt;

/// Signs `input` if it is a well-formed request; `None` sends it to the checked path.
pub(super) fn sign(input: &str) -> Option<Result<Signed>> {
    let req: Request = serde_json::from_str(input).ok()?;
    let text = |t: Option<Text>| t.map(Text::into_string);
    match req.kind?.0.as_ref() {
        "rpc" => {
            let method = req.method?;
            let params = req.params?.into_texts()?;
            let secret = req.access_key_secret?;
            Some(rpc::sign(&method.0, &params, &secret.0).map(Signed::Rpc))
        }
        kind @ ("oss" | "oss-presign") => {
            let request = OssRequest {
                method: req.method?.into_string(),
                bucket: text(req.bucket),
                key: text(req.key),
                headers: req
                    .headers
                    .map_or(Some(Vec::new()), TextMap::into_strings)?,
                query: req.query.map_or(Vec::new(), TextMap::into_optional_strings),
            };
            let creds = OssCredentials {
                access_key_id: req.access_key_id?.into_string(),
                access_key_secret: req.access_key_secret?.into_string(),
                security_token: text(req.security_token),
            };
            if kind == "oss" {
                return Some(oss::sign_header(&request, &creds).map(Signed::OssHeader));
            }
            let (expires, endpoint) = (req.expires?, req.endpoint?);
            let host = oss::PresignHost::new(&endpoint.0, req.cname.unwrap_or(false));
            Some(oss::presign(&request, &creds, expires, host).map(Signed::OssPresign))
        }
        "post-policy" => {
            let (policy, id) = (req.policy?, req.access_key_id?);
            let secret = req.access_key_secret?;
            Some(post_policy::sign(&policy.0, &id.0, &secret.0).map(Signed::PostPolicy))
        }
        _ => None,
    }
}

/// Every field any kind reads. A field present with the wrong JSON type fails the whole read
/// (and so goes to the checked path), even for a kind that does not read it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Request<'a> {
    #[serde(borrow)]
    kind: Option<Text<'a>>,
    #[serde(borrow)]
    method: Option<Text<'a>>,
    #[serde(borrow)]
    params: Option<TextMap<'a>>,
    #[serde(borrow)]
    headers: Option<TextMap<'a>>,
    #[serde(borrow)]
    query: Option<TextMap<'a>>,
    #[serde(borrow)]
    bucket: Option<Text<'a>>,
    #[serde(borrow)]
    key: Option<Text<'a>>,
    #[serde(borrow)]
    access_key_id: Option<Text<'a>>,
    #[serde(borrow)]
    access_key_secret: Option<Text<'a>>,
    #[serde(borrow)]
    security_token: Option<Text<'a>>,
    expires: Option<i64>,
    #[serde(borrow)]
    endpoint: Option<Text<'a>>,
    cname: Option<bool>,
    #[serde(borrow)]
    policy: Option<Text<'a>>,
}

/// A JSON string, borrowed from the input when it has no escapes.
struct Text<'a>(Cow<'a, str>);

impl Text<'_> {
    fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        deserializer
            .deserialize_str(ScalarVisitor { strings_only: true })?
            .map(Text)
            .ok_or_else(|| de::Error::custom("expected a string"))
    }
}

/// A JSON object of scalars in document order: text, or `None` for null. Numbers and booleans
/// become their JSON text, as in the checked path (`Object::string_map`, `Object::query_map`).
struct TextMap<'a>(Vec<(Cow<'a, str>, Option<Cow<'a, str>>)>);

impl<'a> TextMap<'a> {
    /// Every value must be text (as `into_strings`), kept borrowed where the input allows.
    fn into_texts(self) -> Option<Vec<(Cow<'a, str>, Cow<'a, str>)>> {
        self.0.into_iter().map(|(k, v)| Some((k, v?))).collect()
    }

    /// Every value must be text (the checked path's `string_map` refuses null).
    fn into_strings(self) -> Option<Vec<(String, String)>> {
        self.0
            .into_iter()
            .map(|(k, v)| Some((k.into_owned(), v?.into_owned())))
            .collect()
    }

    fn into_optional_strings(self) -> Vec<(String, Option<String>)> {
        self.0
            .into_iter()
            .map(|(k, v)| (k.into_owned(), v.map(Cow::into_owned)))
            .collect()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for TextMap<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_map(TextMapVisitor)
    }
}

struct TextMapVisitor;

impl<'de> Visitor<'de> for TextMapVisitor {
    type Value = TextMap<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of strings, numbers, booleans or nulls")
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut entries: Vec<(Cow<'de, str>, Option<Cow<'de, str>>)> =
            Vec::with_capacity(map.size_hint().unwrap_or(16));
        while let Some(Text(name)) = map.next_key::<Text<'de>>()? {
            let value = map.next_value_seed(ScalarSeed)?;
            entries.push((name, value));
        }
        if first_repeat(&entries, |a, b| a.0 == b.0, |e| e.0.as_ref()).is_some() {
            return Err(de::Error::custom("a name is given twice"));
        }
        Ok(TextMap(entries))
    }
}

struct ScalarSeed;

impl<'de> de::DeserializeSeed<'de> for ScalarSeed {
    type Value = Option<Cow<'de, str>>;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> std::result::Result<Self::Value, D::Error> {
        deserializer.deserialize_any(ScalarVisitor {
            strings_only: false,
        })
    }
}

/// Reads a string (borrowed when possible), or with `strings_only` off also a number or a
/// boolean (as the JSON text `serde_json::Value` prints for it) or null (`None`).
struct ScalarVisitor {
    strings_only: bool,
}

impl ScalarVisitor {
    fn text<'de, E: de::Error>(
        &self,
        text: impl FnOnce() -> Option<String>,
    ) -> std::result::Result<Option<Cow<'de, str>>, E> {
        if self.strings_only {
            return Err(E::custom("expected a string"));
        }
        text()
            .map(|t| Some(Cow::Owned(t)))
            .ok_or_else(|| E::custom("not a JSON number"))
    }
}

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Option<Cow<'de, str>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, number, boolean or null")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> std::result::Result<Self::Value, E> {
        Ok(Some(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_string())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> std::result::Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v)))
    }

    // The same conversions as `serde_json::Value`'s own visitor, then its Display.
    fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Self::Value, E> {
        self.text(|| Some(serde_json::Number::from(v).to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Self::Value, E> {
        self.text(|| Some(serde_json::Number::from(v).to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Self::Value, E> {
        self.text(|| serde_json::Number::from_f64(v).map(|n| n.to_string()))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> std::result::Result<Self::Value, E> {
        self.text(|| Some(v.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
        if self.strings_only {
            return Err(E::custom("expected a string"));
        }
        Ok(None)
    }
}
