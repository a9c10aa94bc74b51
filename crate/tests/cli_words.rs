//! The CLI's usage texts and command-line errors come from the catalogs: English by default,
//! Chinese with `--zh`, for every command's `help`/`--help`, an unknown flag, a flag without its
//! value and a missing argument; the exit codes stay (0 for help, 2 for a wrong command line).

mod common;

use common::{rolehop, stderr, stdout};
use rolehop::catalog::{render, Lang};
use rolehop::message::CliMessage;

/// `text` without white space (the usage texts are wrapped to the terminal's width).
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect()
}

/// Every command's help, with the descriptions it must show.
fn helps() -> Vec<(Vec<&'static str>, Vec<CliMessage>)> {
    use CliMessage::*;
    vec![
        (
            vec!["help"],
            vec![
                HelpIntro {},
                HelpSign {},
                HelpRequest {},
                HelpParse {},
                HelpPolicy {},
                HelpProfile {},
                HelpTutorial {},
                HelpCheck {},
                HelpConsole {},
                HelpCredentials {},
                HelpVersion {},
                HelpHelp {},
                HelpContract {},
            ],
        ),
        (
            vec!["policy", "help"],
            vec![
                HelpPolicyBuild {},
                HelpPolicyBuildRequest {},
                HelpPolicyLint {},
                HelpPolicySimulate {},
                HelpPolicySimulateRequest {},
                HelpZh {},
            ],
        ),
        (
            vec!["profile", "--help"],
            vec![
                HelpProfileParse {},
                HelpProfileFormat {},
                HelpProfileImport {},
                HelpProfileExport {},
                HelpProfileUrl {},
            ],
        ),
        (
            vec!["tutorial", "help"],
            vec![
                HelpTutorialSteps {},
                HelpTutorialPlan {},
                HelpTutorialNext {},
                HelpTutorialValues {},
            ],
        ),
        (
            vec!["check", "--help"],
            vec![
                HelpCheckIntro {},
                HelpCheckPlan {},
                HelpCheckNext {},
                HelpCheckDiagnose {},
                HelpCheckRetry {},
            ],
        ),
        (
            vec!["console", "--help"],
            vec![
                HelpConsoleOpen {},
                HelpConsoleCredentials {},
                HelpConsoleProfiles {},
                HelpConsoleYourCredentials {},
                HelpConsoleExitCodes {},
            ],
        ),
        (
            vec!["credentials", "--help"],
            vec![HelpConsoleOpen {}, HelpConsoleCredentials {}],
        ),
        // A subcommand's own --help shows its command's usage.
        (vec!["policy", "lint", "--help"], vec![HelpPolicyLint {}]),
    ]
}

#[test]
fn help_in_english_and_chinese() {
    for (args, about) in helps() {
        for lang in Lang::ALL {
            let mut full = args.clone();
            if lang == Lang::Zh {
                full.push("--zh");
            }
            let o = rolehop(&full, "");
            assert_eq!(o.status.code(), Some(0), "{full:?}: {}", stderr(&o));
            let out = stdout(&o);
            let heading = format!(
                "{}{}",
                render(&CliMessage::LabelUsage {}, lang),
                if lang == Lang::Zh { "：" } else { ":" }
            );
            assert!(out.contains(&heading), "{full:?}:\n{out}");
            for message in &about {
                let words = squeezed(&render(message, lang));
                assert!(
                    squeezed(&out).contains(&words),
                    "{full:?} lacks {message:?} in {}:\n{out}",
                    lang.locale()
                );
            }
            if lang == Lang::Zh {
                assert!(!out.contains("Usage:"), "{full:?}:\n{out}");
                assert!(
                    out.contains("--zh：以中文显示消息。") || args == ["help"],
                    "{out}"
                );
            }
        }
    }
    // The words themselves, once each, so a catalog change is seen here too.
    assert!(stdout(&rolehop(&["help", "--zh"], "")).contains("显示本帮助（--zh：中文）。"));
    assert!(stdout(&rolehop(&["--zh", "help"], "")).contains("用法："));
    assert!(stdout(&rolehop(&["help"], "")).contains("Shows this help (--zh: in Chinese)."));
}

#[test]
fn an_unknown_flag_in_english_and_chinese() {
    let o = rolehop(&["policy", "build", "trust", "--acount", "1"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("rolehop policy: unknown flag --acount\n\nUsage:\n"),
        "{}",
        stderr(&o)
    );
    let o = rolehop(&["policy", "build", "trust", "--acount", "1", "--zh"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("rolehop policy: 未知选项 --acount\n\n用法：\n"),
        "{}",
        stderr(&o)
    );
    // Every command that reads flags says it the same way.
    for args in [
        &["tutorial", "steps", "--bogus", "1", "--zh"][..],
        &["profile", "parse", "-", "--bogus", "--zh"],
        &["check", "diagnose", "--bogus", "--zh"],
        &["console", "company-a", "--bogus", "--zh"],
        &["sign", "--bogus", "--zh"],
    ] {
        let o = rolehop(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains(": 未知选项 --bogus\n"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(stderr(&o).contains("用法："), "{args:?}");
    }
}

#[test]
fn a_missing_argument_or_value_in_english_and_chinese() {
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["profile", "parse"],
            "rolehop profile: give one FILE (or - for standard input)\n",
            "rolehop profile: 请给出一个 FILE（或用 - 表示标准输入）\n",
        ),
        (
            &["policy", "lint", "-", "--kind"],
            "rolehop policy: --kind needs a value\n",
            "rolehop policy: --kind 需要一个值\n",
        ),
        (
            &["tutorial", "next"],
            "rolehop tutorial: this command needs --request FILE|-\n",
            "rolehop tutorial: 此命令需要 --request FILE|-\n",
        ),
        (
            &["policy"],
            "rolehop policy: a command is missing: use build, lint, simulate\n",
            "rolehop policy: 缺少命令：请使用 build, lint, simulate\n",
        ),
        (
            &["console"],
            "rolehop: give one PROFILE\n",
            "rolehop: 请给出一个 PROFILE\n",
        ),
    ];
    for (args, english, chinese) in cases {
        let o = rolehop(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).starts_with(english), "{args:?}: {}", stderr(&o));
        // `--zh` first: after a flag that takes a value it would be that value.
        let mut zh = vec!["--zh"];
        zh.extend_from_slice(args);
        let o = rolehop(&zh, "");
        assert_eq!(o.status.code(), Some(2), "{zh:?}");
        assert!(stderr(&o).starts_with(chinese), "{zh:?}: {}", stderr(&o));
    }
}

#[test]
fn bad_input_of_the_commands_own_in_chinese() {
    let o = rolehop(&["profile", "parse", "/nonexistent/p.ini", "--zh"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("rolehop: 无法读取 /nonexistent/p.ini（"),
        "{}",
        stderr(&o)
    );
    let o = rolehop(&["bogus", "--zh"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("rolehop: 未知命令 \"bogus\"：请使用 sign, request,"),
        "{}",
        stderr(&o)
    );
}
