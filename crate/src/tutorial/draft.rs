//! The tutorial while the reader is still typing (`"draft": true`): a value that is missing or
//! not valid yet does not take the steps away. It is stood in for by a valid stand-in while the
//! steps are built, and every text then shows a placeholder such as `<A's account UID>` in its
//! place; the errors are listed (`incomplete`) for the page to show at their fields. Values that
//! cannot be stood in for (the audience, the site, the kinds) still fail as without draft.

use super::steps_json;
use crate::contract::fields::Object;
use crate::error::{Error, Result};
use serde_json::{json, Map, Value};

/// A value the steps can be written without, for now.
struct Stand {
    /// Valid in its place, and unlike anything a reader types (lower-case letters and digits
    /// only, so that Terraform identifiers made from it keep it whole).
    value: &'static str,
    placeholder: (&'static str, &'static str),
}

const A_UID: Stand = Stand {
    value: "9990000000000001",
    placeholder: ("<A's account UID>", "<A 的账号 UID>"),
};
const B_UID: Stand = Stand {
    value: "9990000000000002",
    placeholder: ("<B's account UID>", "<B 的账号 UID>"),
};
const ROLE: Stand = Stand {
    value: "zzrolehopxrole",
    placeholder: ("<role name>", "<角色名称>"),
};
const USER: Stand = Stand {
    value: "zzrolehopxuser",
    placeholder: ("<user name>", "<用户名>"),
};
const BUCKET: Stand = Stand {
    value: "zzrolehopxbucket",
    placeholder: ("<bucket>", "<存储空间>"),
};
const STANDS: [&Stand; 5] = [&A_UID, &B_UID, &ROLE, &USER, &BUCKET];

/// The steps with stand-ins where values are missing or wrong, then placeholders in every text.
pub fn steps(req: &Object) -> Result<Value> {
    let mut map = req.map.clone();
    map.remove("draft");
    let mut incomplete: Vec<Value> = Vec::new();
    // Each round stands in for one more value; there are fewer fields than rounds.
    for _ in 0..12 {
        let attempt = Object {
            map: map.clone(),
            path: req.path.clone(),
        };
        match steps_json(&attempt) {
            Ok(mut out) => {
                let used: Vec<&Stand> = STANDS
                    .into_iter()
                    .filter(|s| out.to_string().contains(s.value))
                    .collect();
                for stand in &used {
                    replace(&mut out, stand, None);
                }
                out["incomplete"] = Value::Array(incomplete);
                out["placeholders"] = used
                    .iter()
                    .map(|s| json!({"en": s.placeholder.0, "zh": s.placeholder.1}))
                    .collect();
                return Ok(out);
            }
            Err(e) => {
                let Some(path) = e.path.clone() else {
                    return Err(e);
                };
                if !stand_in(&mut map, &path) {
                    return Err(e);
                }
                // The catalog's words where the error has them (`text`), as every other error carries them.
                let mut problem = json!({"path": path, "message": e.message});
                if let Some(Ok(text)) = e.text.as_ref().map(serde_json::to_value) {
                    problem["text"] = text;
                }
                incomplete.push(problem);
            }
        }
    }
    Err(Error::invalid("$", "too many values are missing or wrong"))
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

/// Replaces `stand`'s value in every string: in a bilingual text by the placeholder of its
/// language, elsewhere (documents, commands, values) by the English one (the page swaps it).
fn replace(value: &mut Value, stand: &Stand, lang: Option<bool>) {
    match value {
        Value::String(s) if s.contains(stand.value) => {
            let zh = lang == Some(true);
            let placeholder = if zh {
                stand.placeholder.1
            } else {
                stand.placeholder.0
            };
            *s = s.replace(stand.value, placeholder);
        }
        Value::Array(items) => items.iter_mut().for_each(|v| replace(v, stand, lang)),
        Value::Object(map) => {
            let bilingual = map.get("en").is_some_and(Value::is_string)
                && map.get("zh").is_some_and(Value::is_string);
            for (key, v) in map.iter_mut() {
                let lang = match (bilingual, key.as_str()) {
                    (true, "zh") => Some(true),
                    (true, "en") => Some(false),
                    _ => lang,
                };
                replace(v, stand, lang);
            }
        }
        _ => {}
    }
}
