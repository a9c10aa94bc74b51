//! Request building common to every action: check the inputs against the action's table, then
//! hand the parameters to the RPC or OSS assembler. The output describes the HTTP request to
//! send and every signing stage, so that a later SignatureDoesNotMatch can be diagnosed.

use super::action::{Action, ActionSpec, FieldSpec, Service};
pub use super::built::{BuiltRequest, Param, Signing};
use super::input::RequestInput;
use super::validate::{self, check_credentials, check_time};
use super::{oss_request, rpc_request};
use crate::error::{Error, Result};
use crate::message::ApiMessage;
use crate::policy::suggest::distance;

/// Contract fields every action takes (besides its own).
pub const COMMON_FIELDS: [&str; 7] = [
    "action",
    "credentials",
    "time",
    "nonce",
    "endpoint",
    "region",
    "bucket",
];

/// Validates `input` and builds the signed request.
pub fn build(input: &RequestInput) -> Result<BuiltRequest> {
    let spec = input.action.spec();
    check_credentials(&input.credentials)?;
    let time = check_time(&input.time)?;
    let params = action_params(input, spec)?;
    if input.action.service().is_rpc() {
        rpc_request::assemble(input, time, params)
    } else {
        oss_request::assemble(input, spec, time, params)
    }
}

/// The spec of `action`'s own field `name`.
pub fn field_spec(action: Action, name: &str) -> Option<&'static FieldSpec> {
    action.spec().fields.iter().find(|f| f.name == name)
}

/// The error for a field `action` does not take, with a did-you-mean when one is close.
pub fn unknown_field(action: Action, name: &str, path: &str) -> Error {
    let spec = action.spec();
    let mut allowed: Vec<&str> = spec.fields.iter().map(|f| f.name).collect();
    let location: &[&str] = match action.service() {
        Service::Oss if spec.bucket => &["endpoint", "region", "bucket"],
        Service::Oss => &["endpoint", "region"],
        _ => &["endpoint"],
    };
    let meant = allowed
        .iter()
        .chain(location)
        .chain(&COMMON_FIELDS[..4])
        .find(|candidate| is_close(name, candidate))
        .map(|meant| meant.to_string());
    allowed.extend_from_slice(location);
    let command = action.name().to_string();
    let field = name.to_string();
    let text = match meant {
        Some(meant) => ApiMessage::UnknownFieldMeant {
            command,
            field,
            meant,
        },
        None => ApiMessage::UnknownField {
            command,
            field,
            fields: allowed.join(", "),
        },
    };
    Error::invalid_said(path, text)
}

/// Case-insensitive equality, or at most two single-character edits (the policy linter's
/// distance: one copy of it in the wasm).
fn is_close(a: &str, b: &str) -> bool {
    distance(a, b) <= 2
}

/// Checks the action's own fields (known, not repeated, required present, rules kept) and
/// returns the API parameters: the fixed ones first, then the fields in table order.
fn action_params(input: &RequestInput, spec: &ActionSpec) -> Result<Vec<Param>> {
    let action = input.action;
    for (i, (name, _)) in input.fields.iter().enumerate() {
        let path = format!("$.{name}");
        if field_spec(action, name).is_none() {
            return Err(unknown_field(action, name, &path));
        }
        if input.fields[..i].iter().any(|(earlier, _)| earlier == name) {
            let text = ApiMessage::FieldTwice {
                field: name.to_string(),
            };
            return Err(Error::invalid_said(path, text));
        }
    }
    let mut params: Vec<Param> = spec
        .fixed
        .iter()
        .map(|&(k, v)| (k, v.map(str::to_string)))
        .collect();
    for field in spec.fields {
        let path = format!("$.{}", field.name);
        match input.field(field.name) {
            Some(value) => params.push((
                field.param,
                Some(validate::check(field.rule, &path, value)?),
            )),
            None if field.required => return Err(Error::missing(path)),
            None => {}
        }
    }
    if !spec.one_of.is_empty() && !spec.one_of.iter().any(|n| input.field(n).is_some()) {
        let text = ApiMessage::NeedsOneOf {
            action: action.name().to_string(),
            fields: spec.one_of.join(", "),
        };
        let path = format!("$.{}", spec.one_of[0]);
        return Err(Error::said(crate::error::ErrorKind::MissingField, text).at(path));
    }
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean() {
        let e = unknown_field(Action::AssumeRole, "roleArm", "$.roleArm").to_string();
        assert!(e.contains("a field \"roleArm\": write \"roleArn\""), "{e}");
        let e = unknown_field(Action::GetRole, "RoleName", "$.RoleName").to_string();
        assert!(e.contains("write \"roleName\""), "{e}");
        let e = unknown_field(Action::GetCallerIdentity, "zzzzzzzz", "$.zzzzzzzz").to_string();
        assert!(!e.contains("write") && e.contains("its fields are"), "{e}");
        assert!(is_close("ROLEARN", "roleArn"));
        assert!(is_close("roleArm", "roleArn"));
        assert!(!is_close("kitten", "sitting"));
        assert_eq!(distance("", "abc"), 3);
    }
}
