//! The popup module's answers as JSON text, byte for byte what `contract::to_text` writes, but
//! with an error's words serialised only for the message areas the popup's calls say anything in
//! (profiles, the request's fields, the contract). `contract::to_text` serialises any area's
//! message through one `dyn Said` table, which links every area's words and arguments into the
//! module: a third of the popup's wasm (bench/README.md, Size).

use crate::error::{Error, Result};
use crate::message::{serialize_said, Message, Said};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

/// JSON text of a result of `profileParse` or `switchUrl`: the value, or `{"error": {...}}`.
pub fn to_text(result: &Result<Value>) -> String {
    match result {
        // Not `value.to_string()`: `Value`'s Display goes through an io adapter whose error
        // (a boxed `String` error) links Debug's string escaping and Unicode tables.
        // Serialising a `Value` cannot fail.
        Ok(value) => serde_json::to_string(value).unwrap_or_default(),
        Err(error) => {
            let mut out = String::from("{\"error\":");
            // Writing into a String cannot fail, nor can serialising these fields.
            out.push_str(&serde_json::to_string(&NarrowError(error)).unwrap_or_default());
            out.push('}');
            out
        }
    }
}

/// The message when it is of an area the popup's calls use; `None` leaves `text` out, and the
/// page shows `message`, the same id without its arguments (no such error exists today: the test
/// below holds every error of these calls to the full writer).
fn said(message: &Message) -> Option<&dyn Said> {
    match message {
        Message::Profile(m) => Some(m),
        Message::Api(m) => Some(m),
        Message::Contract(m) => Some(m),
        _ => None,
    }
}

struct NarrowError<'a>(&'a Error);

struct Text<'a>(&'a dyn Said);

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        serialize_said(self.0, s)
    }
}

// Field by field as `Error`'s derived Serialize writes them (same names, order and omissions).
impl Serialize for NarrowError<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let e = self.0;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("kind", &e.kind)?;
        map.serialize_entry("message", &e.message)?;
        if let Some(text) = e.text.as_deref().and_then(said) {
            map.serialize_entry("text", &Text(text))?;
        }
        if let Some(path) = &e.path {
            map.serialize_entry("path", path)?;
        }
        if let Some(line) = e.line {
            map.serialize_entry("line", &line)?;
        }
        if let Some(column) = e.column {
            map.serialize_entry("column", &column)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::to_text;
    use crate::contract;

    /// Requests of every shape the two calls refuse, and a few they accept.
    const SWITCH: &[&str] = &[
        "",
        "[]",
        "{",
        "{}",
        r#"{"profile": 1}"#,
        r#"{"profile": {}}"#,
        r#"{"profile": {"account": "acme"}}"#,
        r#"{"profile": {"account": "acme", "roleName": "admin"}}"#,
        r#"{"profile": {"account": "1234567890123456", "roleName": "admin", "site": "intl"}}"#,
        r#"{"profile": {"account": "acme", "roleName": "admin"}, "marker": 7}"#,
        r#"{"profile": {"account": "acme", "roleName": "admin"}, "marker": "no spaces"}"#,
        r#"{"profile": {"account": "a", "roleName": "x y", "site": "mars"}}"#,
        r#"{"profile": {"account": "ACME", "roleName": "admin", "color": "plaid"}}"#,
        r#"{"profile": {"roleArn": "acs:ram::1:role/x", "account": "2"}}"#,
        r#"{"profile": {"account": "acme", "roleName": "admin", "displayName": "\u0007"}}"#,
    ];
    const PARSE: &[&str] = &[
        "",
        "1",
        "{}",
        r#"{"text": 5}"#,
        r#"{"text": "[profile a]\naccount = acme\nrole_name = admin\n"}"#,
        r#"{"text": "[profile a]\naccount = acme\nrole_name = admin\n", "defaultSite": "mars"}"#,
        r#"{"text": "[profile a]\naccount = acme\nrole_name = admin\n", "defaultSite": 3}"#,
        r#"{"text": "[profile a\nx"}"#,
    ];

    #[test]
    fn writes_what_the_contract_writes() {
        for input in SWITCH {
            let result = contract::switch_url(input);
            assert_eq!(
                to_text(&result),
                contract::to_text(&result),
                "switchUrl {input}"
            );
        }
        for input in PARSE {
            let result = contract::profile_parse(input);
            assert_eq!(
                to_text(&result),
                contract::to_text(&result),
                "profileParse {input}"
            );
        }
    }

    #[test]
    fn errors_keep_their_words() {
        let refused = SWITCH.iter().chain(PARSE).filter_map(|input| {
            contract::switch_url(input)
                .err()
                .or_else(|| contract::profile_parse(input).err())
        });
        let mut count = 0;
        for error in refused {
            count += 1;
            if let Some(text) = &error.text {
                assert!(super::said(text).is_some(), "{error:?}");
            }
        }
        assert!(count >= 10, "{count} refused requests");
    }
}
