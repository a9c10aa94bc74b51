//! The extension's copies of the core's text rules are generated, never written by hand:
//! `extension/shared/rules.js` (for pages and the service worker) and `extension/content/rules.js`
//! (content scripts, which cannot import modules) hold `rolehop::rules::text::ALL` as regular
//! expressions. This test fails when they differ from what the rules say now;
//! `ROLEHOP_WRITE_GENERATED=1 cargo test -p rolehop --test rules_js` (or `./build.sh types`)
//! writes them.

use rolehop::rules::text::{TextRule, ALL};
use std::path::PathBuf;

const HEADER: &str = "// Generated from crate/src/rules/text.rs by crate/tests/rules_js.rs: do not edit.\n// Regenerate with ./build.sh types.\n";

fn doc(rule: &TextRule) -> String {
    format!("/** {} */", rule.doc)
}

fn module_text() -> String {
    let mut out = format!("{HEADER}// The core's text rules for pages and the service worker.\n");
    for rule in ALL {
        out.push_str(&format!(
            "\n{}\nexport const {} = {};\n",
            doc(&rule),
            rule.name,
            rule.js_regex()
        ));
    }
    out
}

fn content_script_text() -> String {
    let mut out = format!(
        "{HEADER}// The core's text rules for the content scripts (classic scripts share this global).\n\nconst RoleHopRules = Object.freeze({{\n"
    );
    for rule in ALL {
        out.push_str(&format!(
            "  {}\n  {}: {},\n",
            doc(&rule),
            rule.name,
            rule.js_regex()
        ));
    }
    out.push_str("});\n");
    out
}

fn extension_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("extension")
        .join(path)
}

#[test]
fn generated_rules_are_current() {
    let write = std::env::var("ROLEHOP_WRITE_GENERATED").is_ok_and(|v| v == "1");
    for (path, text) in [
        ("shared/rules.js", module_text()),
        ("content/rules.js", content_script_text()),
    ] {
        let file = extension_file(path);
        if write {
            std::fs::write(&file, &text).unwrap();
            continue;
        }
        let tracked = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            tracked == text,
            "extension/{path} differs from the core's rules: run ./build.sh types (ROLEHOP_WRITE_GENERATED=1 cargo test -p rolehop --test rules_js) and commit it"
        );
    }
}

/// Samples each rule must accept and refuse, shared with `tests/unit/rules.test.js`, which runs
/// the generated regular expressions on them: predicate and pattern agree on every sample.
#[test]
fn every_rule_accepts_and_refuses_the_shared_samples() {
    let samples: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/rule-samples.json")).unwrap();
    for rule in ALL {
        let of = &samples[rule.name];
        assert!(
            of.is_object(),
            "rule-samples.json has no samples for {}",
            rule.name
        );
        for (kind, expected) in [("valid", true), ("invalid", false)] {
            for sample in of[kind].as_array().unwrap() {
                let text = sample.as_str().unwrap();
                assert_eq!(rule.matches(text), expected, "{} on {text:?}", rule.name);
            }
        }
    }
}
