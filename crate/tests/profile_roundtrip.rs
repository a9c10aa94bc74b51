//! The canonical text's guarantees: parse(serialise(p)) == p (but for `line`, which points at
//! the header in the text), serialise(parse(x)) is a fixed point, and nothing panics on any
//! text.

mod profile_gen;

use profile_gen::without_lines;
use proptest::prelude::*;
use rolehop::profile::{parse, to_text, Site};

proptest! {
    #![proptest_config(profile_gen::config(400))]

    #[test]
    fn parse_of_serialise_is_identity(profiles in profile_gen::profiles(12)) {
        let text = to_text(&profiles);
        for site in [Site::Cn, Site::Intl] {
            let parsed = parse(&text, site);
            prop_assert!(parsed.errors.is_empty(), "{:?}\n{}", parsed.errors, text);
            prop_assert_eq!(without_lines(&parsed.profiles), without_lines(&profiles));
        }
    }

    #[test]
    fn lines_point_at_the_headers(profiles in profile_gen::profiles(8)) {
        let text = to_text(&profiles);
        let lines: Vec<&str> = text.lines().collect();
        for p in parse(&text, Site::Cn).profiles {
            prop_assert_eq!(lines[p.line - 1], format!("[profile {}]", p.id));
        }
    }

    /// Whatever a hand-written text says, its canonical form reads back as the same profiles and
    /// is its own canonical form.
    #[test]
    fn serialise_of_parse_is_stable(profiles in profile_gen::profiles(8), noise in noisy_layout()) {
        let text = relayout(&to_text(&profiles), &noise);
        let first = parse(&text, Site::Intl);
        prop_assert!(first.errors.is_empty(), "{:?}\n{}", first.errors, text);
        let canonical = to_text(&first.profiles);
        let second = parse(&canonical, Site::Cn);
        prop_assert_eq!(without_lines(&second.profiles), without_lines(&first.profiles));
        prop_assert_eq!(to_text(&second.profiles), canonical);
    }

    #[test]
    fn never_panics_on_any_text(text in ".{0,400}") {
        let parsed = parse(&text, Site::Cn);
        for e in &parsed.errors {
            prop_assert!(e.line >= 1 && e.column >= 1);
            prop_assert!(e.line <= text.split('\n').count());
        }
    }

    #[test]
    fn never_panics_on_ini_like_text(lines in prop::collection::vec(ini_line(), 0..30)) {
        let text = lines.join("\n");
        let parsed = parse(&text, Site::Cn);
        // Every profile it keeps survives the canonical round trip.
        let again = parse(&to_text(&parsed.profiles), Site::Cn);
        prop_assert!(again.errors.is_empty(), "{:?}", again.errors);
        prop_assert_eq!(without_lines(&again.profiles), without_lines(&parsed.profiles));
    }
}

/// Ways a person lays out the same profiles: CRLF, a BOM, comments, blank lines, spacing.
#[derive(Debug, Clone)]
struct Layout {
    crlf: bool,
    bom: bool,
    comment_every: usize,
    indent: &'static str,
    around_eq: &'static str,
}

fn noisy_layout() -> impl Strategy<Value = Layout> {
    (
        any::<bool>(),
        any::<bool>(),
        1usize..5,
        prop::sample::select(vec!["", " ", "\t", "  "]),
        prop::sample::select(vec![" = ", "=", "  =\t", "= "]),
    )
        .prop_map(|(crlf, bom, comment_every, indent, around_eq)| Layout {
            crlf,
            bom,
            comment_every,
            indent,
            around_eq,
        })
}

fn relayout(text: &str, l: &Layout) -> String {
    let mut out = String::new();
    if l.bom {
        out.push('\u{feff}');
    }
    let eol = if l.crlf { "\r\n" } else { "\n" };
    for (i, line) in text.lines().enumerate() {
        if i % l.comment_every == 0 {
            out.push_str(if i % 2 == 0 {
                "# a comment"
            } else {
                "  ; another = comment"
            });
            out.push_str(eol);
        }
        let line = match line.split_once(" = ") {
            Some((k, v)) => format!("{}{k}{}{v}", l.indent, l.around_eq),
            None => format!("{}{line}", l.indent),
        };
        out.push_str(&line);
        out.push_str(eol);
    }
    out
}

fn ini_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\[profile [A-Za-z0-9._ -]{0,8}\\]",
        "\\[[a-z]{0,8}",
        "(account|role_name|role_arn|display_name|color|group|site|note|acount|x) ?= ?.{0,20}",
        "account = ([a-z0-9-]{0,12}|[0-9]{14,17})(\\.onaliyun\\.com)?",
        "role_arn = acs:ram::[0-9]{15,17}:role/[a-z_.-]{0,8}",
        "note = \"([^\"\\\\]|\\\\.){0,10}\"?.{0,3}",
        "[#;].{0,10}",
        ".{0,20}",
    ]
}
