//! The hostile inputs of `tests/lib/hostile-cases.json`, expanded: the same recipes the Node wasm
//! test and the benchmark use (tests/lib/hostile.js expands them for JavaScript).

use serde_json::Value;

/// The recipes, built into the test binary.
pub const CASES: &str = include_str!("../../../tests/lib/hostile-cases.json");

/// One hostile input: which contract call takes it, and the request's JSON text.
pub struct Case {
    pub name: String,
    pub what: String,
    /// `policyLint` or `policySimulate`.
    pub call: String,
    /// Bytes of the expanded `document` text.
    pub document_bytes: usize,
    pub input: String,
}

fn recipes() -> Vec<Value> {
    let recipes: Value = serde_json::from_str(CASES).expect("hostile-cases.json is JSON");
    recipes["cases"]
        .as_array()
        .expect("cases is an array")
        .clone()
}

/// The case names, in order.
pub fn names() -> Vec<String> {
    recipes()
        .iter()
        .map(|r| r["name"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The case named `name`, expanded.
pub fn case(name: &str) -> Case {
    let recipe = recipes()
        .into_iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no hostile case {name:?}"));
    expand_case(&recipe)
}

fn expand_case(recipe: &Value) -> Case {
    let texts: Vec<(String, String)> = recipe["texts"]
        .as_object()
        .expect("texts is an object")
        .iter()
        .map(|(name, parts)| {
            let mut out = String::new();
            expand(parts, &mut Vec::new(), &mut out);
            (name.clone(), out)
        })
        .collect();
    let mut input = recipe["input"].clone();
    substitute(&mut input, &texts);
    let document_bytes = texts
        .iter()
        .find(|(n, _)| n == "document")
        .map_or(0, |(_, t)| t.len());
    Case {
        name: recipe["name"].as_str().unwrap_or_default().to_string(),
        what: recipe["what"].as_str().unwrap_or_default().to_string(),
        call: recipe["call"].as_str().unwrap_or_default().to_string(),
        document_bytes,
        input: input.to_string(),
    }
}

/// `indices`: the enclosing repeats' names and current indices, innermost last.
fn expand(parts: &Value, indices: &mut Vec<(String, usize)>, out: &mut String) {
    match parts {
        Value::String(s) if indices.is_empty() => out.push_str(s),
        Value::String(s) => {
            let mut text = s.clone();
            for (name, i) in indices.iter() {
                text = text.replace(&format!("{{{name}}}"), &i.to_string());
            }
            out.push_str(&text);
        }
        Value::Array(items) => items.iter().for_each(|p| expand(p, indices, out)),
        Value::Object(repeat) => {
            let times = repeat["times"].as_u64().expect("times") as usize;
            let sep = repeat.get("sep").and_then(Value::as_str).unwrap_or("");
            let name = repeat.get("as").and_then(Value::as_str).unwrap_or("i");
            for i in 0..times {
                if i > 0 {
                    out.push_str(sep);
                }
                indices.push((name.to_string(), i));
                expand(&repeat["repeat"], indices, out);
                indices.pop();
            }
        }
        other => panic!("not a text part: {other}"),
    }
}

/// `"$name"` becomes the text `name`; `"$json:name"` the JSON value that text spells.
fn substitute(value: &mut Value, texts: &[(String, String)]) {
    match value {
        Value::String(s) if s.starts_with('$') => {
            let (json, name) = match s.strip_prefix("$json:") {
                Some(name) => (true, name),
                None => (false, &s[1..]),
            };
            let text = &texts
                .iter()
                .find(|(n, _)| n == name)
                .unwrap_or_else(|| panic!("no text {name:?}"))
                .1;
            *value = if json {
                serde_json::from_str(text).expect("the text is JSON")
            } else {
                Value::String(text.clone())
            };
        }
        Value::Array(items) => items.iter_mut().for_each(|v| substitute(v, texts)),
        Value::Object(map) => map.values_mut().for_each(|v| substitute(v, texts)),
        _ => {}
    }
}
