//! The chain of a checks report as text: one line per link (a mark, the link's name, its status
//! and the tutorial step), and under a broken link its cause and fix. The same words as the
//! workbench's picture (`content/chain-picture.js`), from the report's `chain`.

use crate::words::{page, said};
use rolehop::catalog::Lang;
use serde_json::Value;

/// The mark for a link's status: proved, broken, not checked.
fn mark(status: &str) -> &'static str {
    match status {
        "pass" => "✓",
        "fail" => "✗",
        _ => "–",
    }
}

/// The chain's lines (empty when the report has no chain).
pub fn render(report: &Value, lang: Lang) -> String {
    let Some(links) = report["chain"].as_array().filter(|l| !l.is_empty()) else {
        return String::new();
    };
    let mut out = format!("{}\n", page("chainPictureTitle", lang, &[]));
    for link in links {
        let status = link["status"].as_str().unwrap_or("not-checked");
        let word = page(
            &format!("chainStatus_{}", status.replace('-', "_")),
            lang,
            &[],
        );
        let step = link["step"].as_u64().map_or(String::new(), |n| {
            page("workbenchTutorialStep", lang, &[n.to_string()])
        });
        let line = page(
            "chainPictureLink",
            lang,
            &[said(&link["title"], lang), word, step],
        );
        out.push_str(&format!("  {} {line}\n", mark(status)));
        if status == "fail" {
            if link["cause"].is_object() {
                out.push_str(&format!("      {}\n", said(&link["cause"], lang)));
            }
            if link["fix"].is_object() {
                let fix = said(&link["fix"], lang);
                out.push_str(&format!(
                    "      {}\n",
                    page("workbenchVerdictFix", lang, &[fix])
                ));
            }
        }
    }
    out
}
