//! Input checks that reuse the rules where they already live: the policy builders (account UIDs,
//! RAM user and role names in trust policies, bucket names, prefixes) and the API request builder
//! (role, user and policy names as RAM's API takes them). The builders' errors carry the path of
//! their own request; here they are moved to the path of the tutorial's input.

use crate::api::{self, Action, FieldValue, Rule};
use crate::error::{Error, Result};

/// Moves an error's path: `from` (or anything below it, `from[3]`, `from.x`) becomes `to`.
pub fn moved(mut error: Error, map: &[(&str, &str)]) -> Error {
    if let Some(path) = error.path.take() {
        let new_path = map
            .iter()
            .find_map(|(from, to)| {
                let rest = path.strip_prefix(from)?;
                (rest.is_empty() || rest.starts_with(['[', '.'])).then(|| format!("{to}{rest}"))
            })
            .unwrap_or(path);
        error.path = Some(new_path);
    }
    error
}

/// Checks a text value with the API layer's rule for it (RAM's documented name rules).
pub fn api_rule(rule: Rule, value: &str, path: &str) -> Result<()> {
    api::check(rule, path, &FieldValue::Text(value.to_string())).map(|_| ())
}

/// Checks every field of a request with the rule its action's table gives it.
pub fn api_request(action: Action, fields: &[(&str, String)]) -> Result<()> {
    for (name, value) in fields {
        let path = format!("$.{name}");
        let spec =
            api::field_spec(action, name).ok_or_else(|| api::unknown_field(action, name, &path))?;
        api::check(spec.rule, &path, &FieldValue::Text(value.clone()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_paths_and_their_children() {
        let e = moved(
            Error::invalid("$.users[2]", "x"),
            &[("$.users", "$.trust.users")],
        );
        assert_eq!(e.path.as_deref(), Some("$.trust.users[2]"));
        let e = moved(Error::invalid("$.usersX", "x"), &[("$.users", "$.t")]);
        assert_eq!(e.path.as_deref(), Some("$.usersX"));
    }

    #[test]
    fn api_rules_apply_at_the_input_path() {
        assert!(api_rule(Rule::RoleName, "admin-oss", "$.roleName").is_ok());
        let e = api_rule(Rule::UserName, "al ice", "$.userName").unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.userName"));
        let e = api_request(Action::GetPolicy, &[("policyName", "a_b".into())]).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.policyName"));
        assert!(api_request(Action::GetPolicy, &[("nope", "x".into())]).is_err());
    }
}
