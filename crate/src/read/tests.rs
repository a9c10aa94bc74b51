use super::*;
use crate::error::{Error, ErrorKind, Result};
use crate::message::{AnyMessage, ApiMessage, ContractMessage};
use serde::Deserialize;
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
    assert_eq!(e.text, Some(AnyMessage::new(expected)));
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
