//! What a received answer says when it is not a result: parseResponse's `apiError` or a core
//! `error`, read by serde over the answer as given, as leniently as the replay always has: a part
//! given as `null` is still given, and a field of another type reads as absent.

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
        let parts = Fields::of(response);
        match parts.api_error.0 {
            Some(given) => Failure::Api(ApiFailure::read(given)),
            // Without an `error`, the answer itself is read as one (as the replay always has).
            None => Failure::Unreadable(reason(parts.error.0.as_ref().unwrap_or(response))),
        }
    }
}

impl ApiFailure {
    fn read(given: Value) -> ApiFailure {
        let fields = Fields::of(&given);
        ApiFailure {
            code: fields.code.text().unwrap_or_default(),
            message: fields.message.text().unwrap_or_default(),
            hint: fields.hint.said(),
            request_id: fields.request_id.text(),
            given,
        }
    }
}

/// A core error's words (`text`), else its message or the runner's plain text; `""` when the
/// one it has is not a message.
fn reason(error: &Value) -> Value {
    let fields = Fields::of(error);
    let said = match fields.text.0 {
        // Given (even as something else than words), it is the one read.
        Some(text) => Given(Some(text)).said(),
        None => fields.message.said(),
    };
    said.unwrap_or_else(|| Value::String(String::new()))
}

/// Every field the replay reads, of the answer, its `apiError` or `error`, or a message, each
/// as given: one type for them all keeps the wasm small (each type read is a reader of its own).
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Fields {
    api_error: Given,
    error: Given,
    code: Given,
    message: Given,
    hint: Given,
    request_id: Given,
    text: Given,
    /// What makes an object a message.
    id: Given,
}

impl Fields {
    /// The fields of `value` when it is an object; none when it is anything else.
    fn of(value: &Value) -> Fields {
        match value {
            // Every field takes any value: reading an object cannot fail. (Read as a map: the
            // value's own reader would also read the struct from an array.)
            Value::Object(map) => Fields::deserialize(map).unwrap_or_default(),
            _ => Fields::default(),
        }
    }
}

/// A field's value as given (`null` included); `None` when absent.
#[derive(Default)]
struct Given(Option<Value>);

impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::deserialize(d).map(|value| Given(Some(value)))
    }
}

impl Given {
    /// The field's text, when it is one.
    fn text(self) -> Option<String> {
        match self.0 {
            Some(Value::String(text)) => Some(text),
            _ => None,
        }
    }

    /// The field when it is a message as the contract carries it: a plain text, or an object
    /// with a text `id` (`{id, args}`).
    fn said(self) -> Option<Value> {
        self.0.filter(|value| match value {
            Value::String(_) => true,
            Value::Object(_) => Fields::of(value).id.text().is_some(),
            _ => false,
        })
    }
}
