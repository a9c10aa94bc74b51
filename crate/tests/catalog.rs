//! Every message the core can give has its words in both catalogs, with the same placeholders
//! as the message's arguments, in their order (see crate/src/message.rs).

use rolehop::catalog::{self, Lang};
use rolehop::message;
use std::collections::BTreeSet;

/// The entries an id is rendered from in a language: the id itself, or its plural forms.
fn forms(lang: Lang, id: &str, args: &[&str]) -> Result<Vec<String>, String> {
    let catalog = catalog::catalog(lang);
    if catalog.contains_key(id) {
        return Ok(vec![id.to_string()]);
    }
    let needed: &[&str] = match lang {
        Lang::En => &["one", "other"],
        Lang::Zh => &["other"],
    };
    let plural: Vec<String> = needed.iter().map(|c| format!("{id}_{c}")).collect();
    if !args.contains(&"count") {
        return Err(format!("{id} is missing in {}", lang.locale()));
    }
    match plural.iter().find(|p| !catalog.contains_key(*p)) {
        Some(p) => Err(format!("{p} is missing in {}", lang.locale())),
        None => Ok(plural),
    }
}

/// `$name$` tokens of a text, lower-cased.
fn used(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('$') {
        let after = &rest[start + 1..];
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if len > 0 && after[len..].starts_with('$') {
            names.insert(after[..len].to_ascii_lowercase());
            rest = &after[len + 1..];
        } else {
            rest = after.get(1..).unwrap_or_default();
        }
    }
    names
}

#[test]
fn ids_are_unique_and_namespaced() {
    let mut seen = BTreeSet::new();
    for (id, args) in message::all() {
        assert!(seen.insert(*id), "{id} is declared twice");
        assert!(id.starts_with("core_"), "{id}: core ids start with core_");
        assert!(
            args.len() <= 9,
            "{id}: chrome.i18n takes at most 9 substitutions"
        );
    }
}

#[test]
fn every_message_is_in_both_catalogs_with_its_arguments_as_placeholders() {
    let mut problems = Vec::new();
    for (id, args) in message::all() {
        for lang in Lang::ALL {
            let forms = match forms(lang, id, args) {
                Ok(forms) => forms,
                Err(problem) => {
                    problems.push(problem);
                    continue;
                }
            };
            for form in &forms {
                let entry = &catalog::catalog(lang)[form];
                let declared: BTreeSet<String> = entry.placeholders.keys().cloned().collect();
                let expected: BTreeSet<String> = args.iter().map(|a| a.to_string()).collect();
                if declared != expected {
                    problems.push(format!(
                        "{form} ({}): placeholders {declared:?}, the core's arguments {expected:?}",
                        lang.locale()
                    ));
                }
                for (position, arg) in args.iter().enumerate() {
                    let content = entry.placeholders.get(*arg).map(String::as_str);
                    let want = format!("${}", position + 1);
                    if content.is_some_and(|c| c != want) {
                        problems.push(format!(
                            "{form} ({}): placeholder {arg} must be {want} (its argument's position)",
                            lang.locale()
                        ));
                    }
                }
                let names = used(&entry.message);
                if let Some(unknown) = names.iter().find(|n| !declared.contains(*n)) {
                    problems.push(format!(
                        "{form} ({}): ${unknown}$ is no argument",
                        lang.locale()
                    ));
                }
                // Every argument shows, except the count of a form that names one thing.
                for arg in args
                    .iter()
                    .filter(|a| !(**a == "count" && form.ends_with("_one")))
                {
                    if !names.contains(*arg) {
                        problems.push(format!("{form} ({}): ${arg}$ is not used", lang.locale()));
                    }
                }
                if entry.message.contains("$1") || entry.message.contains("$2") {
                    problems.push(format!(
                        "{form} ({}): use named placeholders",
                        lang.locale()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_catalogs_hold_no_core_entry_the_core_cannot_give() {
    let ids: BTreeSet<&str> = message::all().map(|(id, _)| *id).collect();
    for lang in Lang::ALL {
        for key in catalog::catalog(lang)
            .keys()
            .filter(|k| k.starts_with("core_"))
        {
            let base = key
                .strip_suffix("_one")
                .or_else(|| key.strip_suffix("_other"))
                .filter(|b| !ids.contains(key.as_str()) && ids.contains(b))
                .unwrap_or(key);
            assert!(
                ids.contains(base),
                "{key} ({}) is not a core message",
                lang.locale()
            );
        }
    }
}
