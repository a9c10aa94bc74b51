//! Reading the input's fields, each error naming the field as the workbench's form does: unknown
//! fields, required values and lists of distinct names.

use crate::error::{Error, ErrorKind, Result};
use crate::fields::{child_path, json_type, Object};
use crate::message::TutorialMessage as M;

/// Every field of `obj` must be one of `known`.
pub(crate) fn only(obj: &Object, known: &[&str]) -> Result<()> {
    match obj.map.keys().find(|k| !known.contains(&k.as_str())) {
        None => Ok(()),
        Some(key) => Err(Error::invalid_said(
            child_path(&obj.path, key),
            M::InputUnknownField {
                field: key.clone(),
                known: known.join(", "),
            },
        )),
    }
}

/// A missing field's error, naming the field as the workbench's form does.
fn required(path: String, field: M) -> Error {
    Error::said(
        ErrorKind::MissingField,
        M::InputRequired {
            field: Box::new(field),
        },
    )
    .at(path)
}

pub fn required_object(req: &Object, name: &str, field: M) -> Result<Object> {
    req.optional_object(name)?
        .ok_or_else(|| required(req.child(name), field))
}

pub fn required_str(obj: &Object, name: &str, field: M) -> Result<String> {
    match obj.get(name) {
        None => Err(required(obj.child(name), field)),
        Some(_) => Ok(obj.required_str(name)?.to_string()),
    }
}

pub fn strings(obj: &Object, name: &str, field: M) -> Result<Vec<String>> {
    let path = obj.child(name);
    let Some(value) = obj.get(name) else {
        return Ok(Vec::new());
    };
    let items = value.as_array().ok_or_else(|| {
        Error::invalid_said(
            &path,
            M::InputNotList {
                field: Box::new(field.clone()),
                got: Box::new(json_type(value)),
            },
        )
    })?;
    let mut out: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let text = item.as_str().ok_or_else(|| {
            Error::invalid_said(
                format!("{path}[{i}]"),
                M::InputNotName {
                    field: Box::new(field.clone()),
                    got: Box::new(json_type(item)),
                },
            )
        })?;
        if out.iter().any(|earlier| earlier == text) {
            return Err(Error::invalid_said(
                format!("{path}[{i}]"),
                M::InputTwice {
                    field: Box::new(field.clone()),
                    value: text.into(),
                },
            ));
        }
        out.push(text.to_string());
    }
    Ok(out)
}
