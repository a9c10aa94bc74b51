//! The tutorial while the reader is still typing (`"draft": true`): a value that is missing or
//! not valid yet does not take the steps away. It is stood in for by a valid stand-in while the
//! steps are built, and every string then carries a token such as `<account-a>` in its place,
//! which the page shows as the catalog's placeholder (`placeholders`: token -> message, such as
//! "<A's account UID>"); the errors are listed (`incomplete`) for the page to show at their
//! fields. Values that cannot be stood in for (the audience, the site, the kinds) still fail as
//! without draft.

use super::complete::{self, to_value};
use super::notes::{Incomplete, Notes, Placeholder};
use super::steps::USER_TOKEN;
use crate::error::{Error, Result};
use crate::message::TutorialMessage as M;
use crate::read::object;
use serde::Serialize;
use serde_json::{json, Map, Value};

/// A value the steps can be written without, for now.
struct Stand {
    /// Valid in its place, and unlike anything a reader types (lower-case letters and digits
    /// only, so that Terraform identifiers made from it keep it whole).
    value: &'static str,
    /// What every string carries in its place: no valid value contains `<`.
    token: &'static str,
    /// The catalog's words for it.
    placeholder: fn() -> M,
}

const A_UID: Stand = Stand {
    value: "9990000000000001",
    token: "<account-a>",
    placeholder: || M::PlaceholderAccountA {},
};
const B_UID: Stand = Stand {
    value: "9990000000000002",
    token: "<account-b>",
    placeholder: || M::PlaceholderAccountB {},
};
const ROLE: Stand = Stand {
    value: "zzrolehopxrole",
    token: "<role>",
    placeholder: || M::PlaceholderRole {},
};
const USER: Stand = Stand {
    value: "zzrolehopxuser",
    token: USER_TOKEN,
    placeholder: || M::PlaceholderUser {},
};
const BUCKET: Stand = Stand {
    value: "zzrolehopxbucket",
    token: "<bucket>",
    placeholder: || M::PlaceholderBucket {},
};
const STANDS: [&Stand; 5] = [&A_UID, &B_UID, &ROLE, &USER, &BUCKET];

/// A draft's answer: the steps with every stand-in rewritten to its token, then the notes.
#[derive(Serialize)]
pub struct Draft {
    #[serde(flatten)]
    steps: Value,
    #[serde(flatten)]
    notes: Notes,
}

/// The steps with stand-ins where values are missing or wrong, then placeholders in every text.
/// The stand-ins are put into the input as given, at the JSON paths its errors name.
pub fn steps(given: &Value) -> Result<Draft> {
    let mut map = object(given, "$")?.clone();
    map.remove("draft");
    let mut incomplete = Vec::new();
    // Each round stands in for one more value; there are fewer fields than rounds.
    for _ in 0..12 {
        match complete::steps(&Value::Object(map.clone())) {
            Ok(answer) => {
                // A rewrite of every string (texts' arguments, values, documents, commands alike).
                let mut steps = to_value(&answer);
                let text = steps.to_string();
                for stand in STANDS.into_iter().filter(|s| text.contains(s.value)) {
                    replace(&mut steps, stand);
                }
                let mut draft = Draft {
                    steps,
                    notes: Notes {
                        incomplete: Some(incomplete),
                        placeholders: None,
                    },
                };
                // Tokens the reader typed count too (`incomplete` quotes them).
                draft.notes.placeholders = Some(placeholders(&to_value(&draft).to_string()));
                return Ok(draft);
            }
            Err(e) => {
                let Some(path) = e.path.clone() else {
                    return Err(e);
                };
                if !stand_in(&mut map, &path) {
                    return Err(e);
                }
                incomplete.push(Incomplete {
                    path,
                    message: e.message,
                    text: e.text,
                });
            }
        }
    }
    Err(Error::invalid_said("$", M::InputTooManyMissing {}))
}

/// Puts a stand-in where `path` points (or drops an optional value); false when it cannot.
fn stand_in(map: &mut Map<String, Value>, path: &str) -> bool {
    let object = |map: &mut Map<String, Value>, name: &str| -> Map<String, Value> {
        map.get(name)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    };
    match path {
        "$.accountA" | "$.accountA.uid" | "$.accountB" | "$.accountB.uid" => {
            let (name, stand) = if path.starts_with("$.accountA") {
                ("accountA", &A_UID)
            } else {
                ("accountB", &B_UID)
            };
            let mut account = object(map, name);
            account.insert("uid".into(), json!(stand.value));
            map.insert(name.into(), Value::Object(account));
            true
        }
        "$.accountA.alias" | "$.accountB.alias" => {
            let name = &path[2..10];
            let mut account = object(map, name);
            account.remove("alias");
            map.insert(name.into(), Value::Object(account));
            true
        }
        "$.roleName" => {
            map.insert("roleName".into(), json!(ROLE.value));
            true
        }
        "$.userName" => {
            map.insert("userName".into(), json!(USER.value));
            true
        }
        _ => stand_in_list(map, path),
    }
}

/// Trusted users and roles, buckets (a stand-in each) and prefixes (dropped).
fn stand_in_list(map: &mut Map<String, Value>, path: &str) -> bool {
    let (object, list, stand) = match path.split('[').next().unwrap_or("") {
        "$.trust" | "$.trust.users" => ("trust", "users", Some(&USER)),
        "$.trust.roles" => ("trust", "roles", Some(&ROLE)),
        "$.permission" | "$.permission.buckets" => ("permission", "buckets", Some(&BUCKET)),
        "$.permission.prefixes" => ("permission", "prefixes", None),
        _ => return false,
    };
    let Some(Value::Object(parent)) = map.get_mut(object) else {
        return false;
    };
    let index = path
        .split_once('[')
        .and_then(|(_, rest)| rest.trim_end_matches(']').parse::<usize>().ok());
    let items = parent
        .entry(list)
        .or_insert_with(|| Value::Array(Vec::new()));
    let Value::Array(items) = items else {
        return false;
    };
    match (index, stand) {
        (Some(i), _) if i < items.len() && stand.is_none() => {
            items.remove(i);
            true
        }
        (Some(i), Some(stand)) if i < items.len() => {
            items[i] = json!(stand.value);
            // A stand-in given twice would be an error of its own.
            let mut seen = Vec::new();
            items.retain(|v| {
                let keep = !seen.contains(v);
                seen.push(v.clone());
                keep
            });
            true
        }
        (None, Some(stand)) if items.is_empty() => {
            items.push(json!(stand.value));
            true
        }
        _ => false,
    }
}

/// Replaces `stand`'s value by its token in every string (texts' arguments, values, documents,
/// commands alike).
fn replace(value: &mut Value, stand: &Stand) {
    match value {
        Value::String(s) if s.contains(stand.value) => *s = s.replace(stand.value, stand.token),
        Value::Array(items) => items.iter_mut().for_each(|v| replace(v, stand)),
        Value::Object(map) => map.values_mut().for_each(|v| replace(v, stand)),
        _ => {}
    }
}

/// The tokens `text` (an answer as JSON) carries, each with the catalog's placeholder the page
/// shows in its place.
pub fn placeholders(text: &str) -> Vec<Placeholder> {
    STANDS
        .into_iter()
        .filter(|s| text.contains(s.token))
        .map(|s| Placeholder {
            token: s.token,
            text: (s.placeholder)(),
        })
        .collect()
}
