//! Input checks that reuse the rules where they already live: the policy builders (account UIDs,
//! RAM user and role names in trust policies, bucket names, prefixes) and the API request builder
//! (role, user and policy names as RAM's API takes them). Their errors carry the path of the
//! builder's own request; here they are moved to the path of the tutorial's input.

use crate::api::{self, Action, Credentials, RequestInput};
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

/// Checks request fields with the API layer's own rules, as if the request were about to be
/// built. `fields` are (contract field, value, path in the tutorial input).
pub fn api_fields(action: Action, fields: &[(&str, &str, &str)]) -> Result<()> {
    // Placeholders: only the action's fields are under test here; nothing is signed for real.
    let credentials = Credentials {
        access_key_id: "check".into(),
        access_key_secret: "check".into(),
        security_token: None,
    };
    let mut input = RequestInput::new(action, credentials, "2000-01-01T00:00:00Z");
    input.nonce = Some("check".into());
    for (name, value, _) in fields {
        input = input.with_text(name, value);
    }
    let map: Vec<(String, &str)> = fields
        .iter()
        .map(|(name, _, path)| (format!("$.{name}"), *path))
        .collect();
    let map: Vec<(&str, &str)> = map.iter().map(|(f, t)| (f.as_str(), *t)).collect();
    api::build(&input).map(|_| ()).map_err(|e| moved(e, &map))
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
        assert!(api_fields(Action::GetRole, &[("roleName", "admin-oss", "$.roleName")]).is_ok());
        let e =
            api_fields(Action::CreateUser, &[("userName", "al ice", "$.userName")]).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.userName"));
        let e = api_fields(
            Action::GetPolicy,
            &[
                ("policyName", "a_b", "$.permission.policyName"),
                ("policyType", "Custom", "$"),
            ],
        )
        .unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.permission.policyName"));
    }
}
