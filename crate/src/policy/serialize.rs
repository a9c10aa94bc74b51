//! Canonical policy text. Element order is fixed (`Version`, `Statement`; in a statement `Effect`,
//! `Principal`, `Action`/`NotAction`, `Resource`/`NotResource`, `Condition`); condition operators
//! and keys keep the model's order. A single value is written as a string and several as an array,
//! except principal values, which are always arrays (the form RAM's console writes). Number
//! literals are written verbatim, so `parse(serialise(p)) == p` for every model the parser builds.

use super::model::*;

/// RAM's limit on a custom policy document, in characters.
pub const MAX_DOCUMENT_CHARS: usize = 6144;

/// Two-space indented JSON, for people.
pub fn to_pretty(policy: &Policy) -> String {
    let mut out = String::new();
    write(&document(policy), &mut out, Some(0));
    out
}

/// JSON without whitespace, for APIs and the size limit.
pub fn to_compact(policy: &Policy) -> String {
    let mut out = String::new();
    write(&document(policy), &mut out, None);
    out
}

/// One statement as compact JSON: equal texts mean equal statements (the linter's duplicate test).
pub fn statement_compact(s: &Statement) -> String {
    let mut out = String::new();
    write(&statement(s), &mut out, None);
    out
}

/// Characters of the compact form: the smallest this policy can be written.
pub fn compact_size(policy: &Policy) -> usize {
    to_compact(policy).chars().count()
}

/// The size check: `Err` with a message when even the compact form exceeds RAM's limit.
pub fn check_size(policy: &Policy) -> Result<usize, String> {
    let size = compact_size(policy);
    if size <= MAX_DOCUMENT_CHARS {
        Ok(size)
    } else {
        Err(format!(
            "the policy is {size} characters even without whitespace; RAM's limit is {MAX_DOCUMENT_CHARS}: split it into several policies"
        ))
    }
}

/// JSON output tree; borrowed from the model so writing allocates only the text.
enum Out<'a> {
    Str(&'a str),
    Raw(&'a str),
    Arr(Vec<Out<'a>>),
    Obj(Vec<(&'a str, Out<'a>)>),
}

fn document(policy: &Policy) -> Out<'_> {
    Out::Obj(vec![
        ("Version", Out::Str("1")),
        (
            "Statement",
            Out::Arr(policy.statements.iter().map(statement).collect()),
        ),
    ])
}

fn statement(s: &Statement) -> Out<'_> {
    let mut fields = vec![("Effect", Out::Str(s.effect.name()))];
    if let Some(p) = &s.principal {
        let entries = p
            .entries
            .iter()
            .map(|e| {
                let values = e.values.iter().map(|v| Out::Str(v)).collect();
                (e.kind.name(), Out::Arr(values))
            })
            .collect();
        fields.push(("Principal", Out::Obj(entries)));
    }
    let name = if s.action.not { "NotAction" } else { "Action" };
    fields.push((name, strings(&s.action.values)));
    if let Some(r) = &s.resource {
        let name = if r.not { "NotResource" } else { "Resource" };
        fields.push((name, strings(&r.values)));
    }
    if !s.condition.is_empty() {
        fields.push(("Condition", condition(&s.condition)));
    }
    Out::Obj(fields)
}

fn strings(values: &[String]) -> Out<'_> {
    match values {
        [one] => Out::Str(one),
        many => Out::Arr(many.iter().map(|v| Out::Str(v)).collect()),
    }
}

fn condition(blocks: &[ConditionBlock]) -> Out<'_> {
    Out::Obj(
        blocks
            .iter()
            .map(|b| {
                let entries = b
                    .entries
                    .iter()
                    .map(|e| {
                        let values = match e.values.as_slice() {
                            [one] => cond_value(one),
                            many => Out::Arr(many.iter().map(cond_value).collect()),
                        };
                        (e.key.as_str(), values)
                    })
                    .collect();
                (operator_name(b), Out::Obj(entries))
            })
            .collect(),
    )
}

/// The operator's name as a `'static` string: every name is one of a fixed set.
fn operator_name(block: &ConditionBlock) -> &'static str {
    use super::operator::Op;
    macro_rules! names {
        ($($op:ident),*) => {
            match (block.operator.op, block.operator.if_exists) {
                $(
                    (Op::$op, false) => stringify!($op),
                    (Op::$op, true) => concat!(stringify!($op), "IfExists"),
                )*
            }
        };
    }
    names!(
        StringEquals,
        StringNotEquals,
        StringEqualsIgnoreCase,
        StringNotEqualsIgnoreCase,
        StringLike,
        StringNotLike,
        NumericEquals,
        NumericNotEquals,
        NumericLessThan,
        NumericLessThanEquals,
        NumericGreaterThan,
        NumericGreaterThanEquals,
        DateEquals,
        DateNotEquals,
        DateLessThan,
        DateLessThanEquals,
        DateGreaterThan,
        DateGreaterThanEquals,
        Bool,
        IpAddress,
        NotIpAddress
    )
}

fn cond_value(v: &CondValue) -> Out<'_> {
    match v {
        CondValue::Text(s) => Out::Str(s),
        CondValue::Number(n) => Out::Raw(n),
        CondValue::Bool(true) => Out::Raw("true"),
        CondValue::Bool(false) => Out::Raw("false"),
    }
}

/// Writes `out`; `indent` is `Some(level)` for pretty output.
fn write(value: &Out<'_>, text: &mut String, indent: Option<usize>) {
    match value {
        Out::Str(s) => write_string(s, text),
        Out::Raw(r) => text.push_str(r),
        Out::Arr(items) => {
            text.push('[');
            for (i, item) in items.iter().enumerate() {
                separator(text, i, indent);
                write(item, text, indent.map(|l| l + 1));
            }
            close(text, ']', indent);
        }
        Out::Obj(fields) => {
            text.push('{');
            for (i, (key, item)) in fields.iter().enumerate() {
                separator(text, i, indent);
                write_string(key, text);
                text.push_str(if indent.is_some() { ": " } else { ":" });
                write(item, text, indent.map(|l| l + 1));
            }
            close(text, '}', indent);
        }
    }
}

fn separator(text: &mut String, i: usize, indent: Option<usize>) {
    if i > 0 {
        text.push(',');
    }
    if let Some(level) = indent {
        newline(text, level + 1);
    }
}

fn close(text: &mut String, bracket: char, indent: Option<usize>) {
    if let Some(level) = indent {
        newline(text, level);
    }
    text.push(bracket);
}

fn newline(text: &mut String, level: usize) {
    text.push('\n');
    for _ in 0..level {
        text.push_str("  ");
    }
}

/// A JSON string literal (serde_json's escaping: `"`, `\`, control characters).
fn write_string(s: &str, text: &mut String) {
    text.push_str(&serde_json::Value::String(s.to_string()).to_string());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::parse::parse;

    const TRUST: &str = r#"{"Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"RAM": ["acs:ram::1234:root"]}}], "Version": "1"}"#;

    #[test]
    fn writes_the_canonical_order_and_forms() {
        let policy = parse(TRUST, PolicyKind::Trust).unwrap();
        assert_eq!(
            to_compact(&policy),
            r#"{"Version":"1","Statement":[{"Effect":"Allow","Principal":{"RAM":["acs:ram::1234:root"]},"Action":"sts:AssumeRole"}]}"#
        );
        assert_eq!(
            to_pretty(&policy),
            "{\n  \"Version\": \"1\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": {\n        \"RAM\": [\n          \"acs:ram::1234:root\"\n        ]\n      },\n      \"Action\": \"sts:AssumeRole\"\n    }\n  ]\n}"
        );
    }

    #[test]
    fn keeps_number_literals_and_condition_order() {
        let text = r#"{"Version":"1","Statement":[{"Effect":"Deny","NotAction":["oss:Get*","oss:List*"],"Resource":"*","Condition":{"NumericLessThan":{"k":1.50e3},"Bool":{"acs:SecureTransport":false},"StringLike":{"oss:Prefix":["a/*","b/\"q\""]}}}]}"#;
        let policy = parse(text, PolicyKind::Identity).unwrap();
        assert_eq!(to_compact(&policy), text);
        assert_eq!(
            parse(&to_pretty(&policy), PolicyKind::Identity).unwrap(),
            policy
        );
    }

    #[test]
    fn checks_the_size_limit() {
        let mut policy = parse(TRUST, PolicyKind::Trust).unwrap();
        assert!(check_size(&policy).is_ok());
        let big = "x".repeat(MAX_DOCUMENT_CHARS);
        policy.statements[0].action.values = vec![format!("sts:{big}")];
        let message = check_size(&policy).unwrap_err();
        assert!(message.contains("6144"), "{message}");
    }
}
