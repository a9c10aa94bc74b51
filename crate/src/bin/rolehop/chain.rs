//! The chain of a checks report as text: one line per link (a mark, the link's name, its status
//! and the tutorial step), and under a broken link its cause and fix. The same words as the
//! workbench's picture (`content/chain-picture.js`), from the report's `chain`.

use crate::words::{fix_words, page};
use rolehop::catalog::{self, Lang};
use rolehop::checks::chain::{Link, LinkStatus};

/// The mark and the pages' word for a link's status: proved, broken, not checked.
fn status(status: LinkStatus) -> (&'static str, &'static str) {
    match status {
        LinkStatus::Pass => ("✓", "chainStatus_pass"),
        LinkStatus::Fail => ("✗", "chainStatus_fail"),
        LinkStatus::NotChecked => ("–", "chainStatus_not_checked"),
    }
}

/// The chain's lines (empty when the report has no chain).
pub fn render(links: &[Link], lang: Lang) -> String {
    if links.is_empty() {
        return String::new();
    }
    let mut out = format!("{}\n", page("chainPictureTitle", lang, &[]));
    for link in links {
        let (mark, word) = status(link.status);
        let step = page(
            "workbenchTutorialStep",
            lang,
            &[link.step.number().to_string()],
        );
        let line = page(
            "chainPictureLink",
            lang,
            &[
                catalog::render(&link.title, lang),
                page(word, lang, &[]),
                step,
            ],
        );
        out.push_str(&format!("  {mark} {line}\n"));
        if link.status == LinkStatus::Fail {
            if let Some(cause) = &link.cause {
                out.push_str(&format!("      {}\n", catalog::render(cause, lang)));
            }
            if let Some(fix) = &link.fix {
                let fix = fix_words(fix, lang);
                out.push_str(&format!(
                    "      {}\n",
                    page("workbenchVerdictFix", lang, &[fix])
                ));
            }
        }
    }
    out
}
