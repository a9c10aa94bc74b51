//! The core's messages in words, for the CLI and native tests: the extension's own catalogs
//! (`extension/_locales/<language>/messages.json`, built into the binary) rendered by the same
//! rules as `extension/shared/i18n.js`. Not compiled into the wasm: there the extension renders.

use crate::message::{Arg, Said};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The languages RoleHop ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// Both languages, English (the default locale) first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The catalog's folder under `_locales`.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh_CN",
        }
    }

    /// The catalog's text (Chrome's messages.json).
    pub fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../extension/_locales/en/messages.json"),
            Lang::Zh => include_str!("../../extension/_locales/zh_CN/messages.json"),
        }
    }

    /// The plural category of `n`, as `Intl.PluralRules` names it: English has one and other;
    /// Chinese has only other.
    pub fn plural(self, n: u64) -> &'static str {
        match self {
            Lang::En if n == 1 => "one",
            _ => "other",
        }
    }
}

/// One entry: its text and its placeholders (lower-cased name -> content such as `$1`).
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub message: String,
    pub placeholders: HashMap<String, String>,
}

/// A language's entries by id.
pub type Catalog = HashMap<String, Entry>;

/// Reads a messages.json text (entries that are not `{message, placeholders?}` are left out).
pub fn parse(source: &str) -> Catalog {
    let Ok(Value::Object(entries)) = serde_json::from_str::<Value>(source) else {
        return Catalog::new();
    };
    let mut catalog = Catalog::with_capacity(entries.len());
    for (id, entry) in entries {
        let Some(message) = entry.get("message").and_then(Value::as_str) else {
            continue;
        };
        let mut placeholders = HashMap::new();
        if let Some(Value::Object(named)) = entry.get("placeholders") {
            for (name, p) in named {
                let content = p.get("content").and_then(Value::as_str).unwrap_or_default();
                placeholders.insert(name.to_ascii_lowercase(), content.to_string());
            }
        }
        let message = message.to_string();
        catalog.insert(
            id,
            Entry {
                message,
                placeholders,
            },
        );
    }
    catalog
}

/// The catalog of a language, read once.
pub fn catalog(lang: Lang) -> &'static Catalog {
    static CATALOGS: OnceLock<[Catalog; 2]> = OnceLock::new();
    let [en, zh] = CATALOGS.get_or_init(|| [parse(Lang::En.source()), parse(Lang::Zh.source())]);
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// Formats an entry as `chrome.i18n` does: `$name$` becomes its placeholder's content, then
/// `$1`..`$9` the substitutions and `$$` a dollar sign (substituted text is not read again).
pub fn format(entry: &Entry, substitutions: &[String]) -> String {
    let named = replace_named(&entry.message, &entry.placeholders);
    let mut out = String::with_capacity(named.len() + 16);
    let mut chars = named.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek().copied()) {
            ('$', Some('$')) => {
                chars.next();
                out.push('$');
            }
            ('$', Some(d @ '1'..='9')) => {
                chars.next();
                let index = d as usize - '1' as usize;
                out.push_str(substitutions.get(index).map_or("", String::as_str));
            }
            _ => out.push(c),
        }
    }
    out
}

/// `$name$` -> the placeholder's content (names compared ignoring case; unknown names stay).
fn replace_named(text: &str, placeholders: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('$') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '@'))
            .unwrap_or(after.len());
        if name_len > 0 && after[name_len..].starts_with('$') {
            let name = &after[..name_len];
            if let Some(content) = placeholders.get(&name.to_ascii_lowercase()) {
                out.push_str(content);
                rest = &after[name_len + 1..];
                continue;
            }
        }
        out.push('$');
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The entry a message is rendered from: its plural form when it has a count and the catalog
/// has plural entries, else the id itself.
pub fn entry_for<'a>(catalog: &'a Catalog, message: &dyn Said, lang: Lang) -> Option<&'a Entry> {
    let id = message.id();
    if let Some(n) = message.count() {
        let plural = catalog
            .get(&format!("{id}_{}", lang.plural(n)))
            .or_else(|| catalog.get(&format!("{id}_other")));
        if plural.is_some() {
            return plural;
        }
    }
    catalog.get(id)
}

/// The message in words (its id when a catalog lacks it, which `tests/catalog.rs` rules out).
pub fn render(message: &dyn Said, lang: Lang) -> String {
    let values: Vec<String> = message
        .args()
        .iter()
        .map(|(_, v)| match v {
            Arg::Message(inner) => render(*inner, lang),
            Arg::Json(value) => render_json(value, lang),
            other => other.to_string(),
        })
        .collect();
    match entry_for(catalog(lang), message, lang) {
        Some(entry) => format(entry, &values),
        None => message.id().to_string(),
    }
}

/// A message as the contract carries it (`{"id", "args"}`, arguments in order, a nested message
/// for an argument that is one), rendered as `shared/i18n.js` renders it. A plain string (a text
/// not yet in the catalogs) is returned as it is.
pub fn render_json(value: &Value, lang: Lang) -> String {
    let Some(id) = value.get("id").and_then(Value::as_str) else {
        return value.as_str().unwrap_or_default().to_string();
    };
    let args = value.get("args").and_then(Value::as_object);
    let values: Vec<String> = args
        .into_iter()
        .flatten()
        .map(|(_, v)| match v {
            Value::String(s) => s.clone(),
            Value::Object(_) => render_json(v, lang),
            other => other.to_string(),
        })
        .collect();
    let count = args.and_then(|a| a.get("count")).and_then(Value::as_u64);
    let catalog = catalog(lang);
    let plural = count.and_then(|n| {
        catalog
            .get(&format!("{id}_{}", lang.plural(n)))
            .or_else(|| catalog.get(&format!("{id}_other")))
    });
    match plural.or_else(|| catalog.get(id)) {
        Some(entry) => format(entry, &values),
        None => id.to_string(),
    }
}

/// English, the default: for native tests and messages in the CLI.
pub fn en(message: &dyn Said) -> String {
    render(message, Lang::En)
}

/// Chinese.
pub fn zh(message: &dyn Said) -> String {
    render(message, Lang::Zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(message: &str, placeholders: &[(&str, &str)]) -> Entry {
        Entry {
            message: message.to_string(),
            placeholders: placeholders
                .iter()
                .map(|(n, c)| (n.to_string(), c.to_string()))
                .collect(),
        }
    }

    #[test]
    fn formats_as_chrome_does() {
        let e = entry(
            "Role $ROLE$ in $account$ costs $$5.",
            &[("role", "$1"), ("account", "$2")],
        );
        let subs = ["admin-$2".to_string(), "acme".to_string()];
        assert_eq!(format(&e, &subs), "Role admin-$2 in acme costs $5.");
        assert_eq!(format(&entry("$unknown$ $3", &[]), &subs), "$unknown$ ");
    }

    #[test]
    fn plural_rules() {
        assert_eq!(Lang::En.plural(1), "one");
        assert_eq!(Lang::En.plural(0), "other");
        assert_eq!(Lang::En.plural(2), "other");
        assert_eq!(Lang::Zh.plural(1), "other");
    }
}
