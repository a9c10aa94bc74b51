//! `rolehop tutorial` and `rolehop check` in the terminal: the CLI's own labels come from the
//! catalogs and follow `--zh`, and an error names its JSON path once.

mod common;

use common::{rolehop, stderr, stdout};
use rolehop::catalog::{self, Lang};
use rolehop::message::CliMessage;

const VALUES: [&str; 8] = [
    "--a-uid",
    "1746000000000000",
    "--b-uid",
    "1888000000000000",
    "--role",
    "admin-oss",
    "--user",
    "alice",
];

fn steps(audience: &str, zh: bool) -> String {
    let mut args = vec!["tutorial", "steps", "--audience", audience];
    args.extend(VALUES);
    if zh {
        args.push("--zh");
    }
    let out = rolehop(&args, "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn an_error_names_its_path_once_in_either_language() {
    for (flag, lang) in [(None, Lang::En), (Some("--zh"), Lang::Zh)] {
        let mut args = vec!["tutorial", "steps", "--audience", "company-a"];
        args.extend(flag);
        let out = rolehop(&args, "");
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        let line = err.lines().next().unwrap_or_default();
        assert_eq!(line.matches("$.accountA.uid").count(), 1, "{err}");
        // The words are the catalog's, in the chosen language (a field named as users know it).
        let words = line.strip_prefix("rolehop: ").unwrap_or_default();
        let chinese = words
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert_eq!(chinese, lang == Lang::Zh, "{err}");
        assert!(!words.contains("uid is missing"), "{err}");
    }
    // A path the words do not name is added once, in the chosen language.
    let e = rolehop::contract::checks_plan(
        "{\"roleArn\": \"acs:ram::1746000000000000:role/admin-oss\", \"site\": \"jp\"}",
    )
    .unwrap_err();
    let zh = e.words(Lang::Zh);
    assert!(zh.ends_with("（位置：$.site）"), "{zh}");
    assert_eq!(e.to_string().matches("$.site").count(), 1, "{e}");
}

#[test]
fn the_tutorial_labels_follow_zh() {
    let say = |m: CliMessage, lang| catalog::render(&m, lang);
    let en = steps("company-a", false);
    let zh = steps("company-a", true);
    for (label, english) in [
        (CliMessage::LabelConsole {}, "Console"),
        (CliMessage::LabelValues {}, "Values"),
        (CliMessage::LabelVerify {}, "Verify"),
        (CliMessage::TitleTroubleshooting {}, "If access fails"),
    ] {
        assert!(
            en.contains(&format!("{}:", say(label.clone(), Lang::En))),
            "{english}: {en}"
        );
        assert!(
            zh.contains(&format!("{}：", say(label, Lang::Zh))),
            "{english}: {zh}"
        );
        assert!(!zh.contains(english), "{english} in: {zh}");
    }
    assert!(
        zh.starts_with("RoleHop 跨账号访问 OSS 教程：A 公司"),
        "{zh}"
    );
    // The Chinese output puts no English colon after a label of its own.
    for line in zh.lines() {
        let label = line.trim_start().split(':').next().unwrap_or_default();
        assert!(
            !(line.contains(": ")
                && label
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                && !label.contains('"')),
            "English colon after a Chinese label: {line}"
        );
    }
    for audience in ["company-b", "b-user"] {
        let zh = steps(audience, true);
        for english in [
            "Console:",
            "Values:",
            "If access fails",
            "lint:",
            "document shown above",
        ] {
            assert!(!zh.contains(english), "{audience}: {english} in: {zh}");
        }
    }
    let plan = rolehop(
        &["tutorial", "plan", "--side", "A", "--zh"]
            .into_iter()
            .chain(VALUES)
            .collect::<Vec<_>>(),
        "",
    );
    let plan = stdout(&plan);
    assert!(plan.starts_with("帮我完成（A 账号"), "{plan}");
    assert!(
        !plan.contains("when:") && !plan.contains("Do it for me"),
        "{plan}"
    );
}
