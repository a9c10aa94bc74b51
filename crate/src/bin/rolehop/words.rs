//! The words of a checks report on the terminal: the core's messages and the pages' catalog texts
//! (the workbench's words for the same report), in the chosen language.

use rolehop::catalog::{self, Lang};
use rolehop::checks::report::FixText;

/// A fix in words: the checks' message, or parseResponse's hint as it came.
pub fn fix_words(text: &FixText, lang: Lang) -> String {
    match text {
        FixText::Said(message) => catalog::render(message, lang),
        FixText::Hint(hint) => catalog::render_json(hint, lang),
    }
}

/// A text of the pages' catalog (the workbench's words for the same report).
pub fn page(key: &str, lang: Lang, values: &[String]) -> String {
    catalog::catalog(lang)
        .get(key)
        .map_or_else(|| key.to_string(), |entry| catalog::format(entry, values))
}

/// A counted text of the pages' catalog (`<key>_one` / `<key>_other`).
pub fn page_count(key: &str, lang: Lang, count: u64) -> String {
    let form = format!("{key}_{}", lang.plural(count));
    let key = if catalog::catalog(lang).contains_key(&form) {
        form
    } else {
        format!("{key}_other")
    };
    page(&key, lang, &[count.to_string()])
}
