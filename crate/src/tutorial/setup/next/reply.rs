//! What a received answer says when it is not a result: parseResponse's `apiError` or a core
//! `error`, read by serde over the answer as given, as leniently as the replay always has: a part
//! given as `null` is still given, and a field of another type reads as absent.

use serde::de::{DeserializeOwned, Deserializer, Error as _};
use serde::Deserialize;
use serde_json::Value;

/// An answer that is not a result.
pub enum Failure {
    Api(ApiFailure),
    /// A core error, or what the answer held in its place: the words to show, or `""`.
    Unreadable(Value),
}

/// parseResponse's `apiError`.
pub struct ApiFailure {
    /// `""` when absent.
    pub code: String,
    pub message: String,
    /// The catalog message the API layer chose (api/hints.rs), or a plain text.
    pub hint: Option<Value>,
    pub request_id: Option<String>,
    /// As it came, to pass on.
    pub given: Value,
}

impl Failure {
    /// What `response` (an object: the reader refused anything else) says besides a result.
    pub fn read(response: &Value) -> Failure {
        let parts: Parts = fields(response);
        match (parts.api_error, parts.error) {
            (Some(given), _) => Failure::Api(ApiFailure::read(given)),
            (None, Some(error)) => Failure::Unreadable(reason(&error)),
            (None, None) => Failure::Unreadable(reason(response)),
        }
    }
}

impl ApiFailure {
    fn read(given: Value) -> ApiFailure {
        let fields: ApiErrorFields = fields(&given);
        ApiFailure {
            code: fields.code.0.unwrap_or_default(),
            message: fields.message.0.unwrap_or_default(),
            hint: fields.hint.0.map(|said| said.0),
            request_id: fields.request_id.0,
            given,
        }
    }
}

/// A core error's words (`text`), else its message or the runner's plain text; `""` when the
/// one it has is not a message.
fn reason(error: &Value) -> Value {
    let fields: CoreErrorFields = fields(error);
    let said = match fields.text {
        Some(text) => text.0,
        None => fields.message.0,
    };
    said.map_or_else(|| Value::String(String::new()), |said| said.0)
}

/// The parts the replay reads besides a result.
#[derive(Default, Deserialize)]
struct Parts {
    #[serde(rename = "apiError", default, deserialize_with = "given")]
    api_error: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    error: Option<Value>,
}

/// What the replay reads of an `apiError`.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ApiErrorFields {
    #[serde(default)]
    code: Lenient<String>,
    #[serde(default)]
    message: Lenient<String>,
    #[serde(default)]
    hint: Lenient<Said>,
    #[serde(default)]
    request_id: Lenient<String>,
}

/// What the replay reads of a core error.
#[derive(Default, Deserialize)]
struct CoreErrorFields {
    /// Given (even as something else than words), it is the one read.
    #[serde(default, deserialize_with = "given")]
    text: Option<Lenient<Said>>,
    #[serde(default)]
    message: Lenient<Said>,
}

/// `T` from the fields of `value` when it is an object; from none when it is anything else.
fn fields<T: DeserializeOwned + Default>(value: &Value) -> T {
    match value {
        // The fields are lenient: reading an object cannot fail.
        Value::Object(_) => T::deserialize(value).unwrap_or_default(),
        _ => T::default(),
    }
}

/// A field that counts as given even when it is `null`.
fn given<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// A field's value when it is a `T`; absent when it is of another type.
struct Lenient<T>(Option<T>);

impl<T> Default for Lenient<T> {
    fn default() -> Self {
        Lenient(None)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Read by reference: serde_json's borrowing deserializer is the smaller (api/response.rs).
        Value::deserialize(d).map(|value| Lenient(T::deserialize(&value).ok()))
    }
}

/// A message as the contract carries it (`{id, args}`, read for its id) or a plain text, kept
/// as given.
struct Said(Value);

/// What makes an object a message.
#[derive(Deserialize)]
struct MessageId {
    #[serde(rename = "id")]
    _id: String,
}

impl<'de> Deserialize<'de> for Said {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        let said = match &value {
            Value::String(_) => true,
            Value::Object(_) => MessageId::deserialize(&value).is_ok(),
            _ => false,
        };
        said.then_some(Said(value))
            .ok_or_else(|| D::Error::custom("not a message"))
    }
}
