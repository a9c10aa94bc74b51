//! The popup module's answers as JSON text, byte for byte what `contract::to_text` writes, with
//! a value written through `serde_json::to_string` rather than `Value`'s Display, whose io adapter
//! (a boxed `String` error) links Debug's string escaping and Unicode tables into the module.

use crate::contract::ErrorAnswer;
use crate::error::Result;
use serde_json::Value;

/// JSON text of a result of `profileParse` or `switchUrl`: the value, or `{"error": {...}}`.
pub fn to_text(result: &Result<Value>) -> String {
    // Serialising a `Value`, or an error's strings, numbers and catalog messages, cannot fail.
    match result {
        Ok(value) => serde_json::to_string(value).unwrap_or_default(),
        Err(error) => serde_json::to_string(&ErrorAnswer { error }).unwrap_or_default(),
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
}
