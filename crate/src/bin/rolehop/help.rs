//! Usage texts and command-line errors in the catalog's words (English, or Chinese with `--zh`).
//! A command's synopsis is code, typed as shown, and stays as written here; what it does is a
//! catalog message (`CliMessage::Help*`), and so is what is wrong with a command line.

use rolehop::catalog::{render, Lang};
use rolehop::message::CliMessage;
use std::process::ExitCode;

/// The widest line a description is wrapped to (terminal columns).
const WIDTH: usize = 100;
/// Where a description starts under its synopsis.
const INDENT: usize = 6;

/// `--zh` anywhere on the command line picks Chinese (also before the rest is understood, so
/// a wrong command line is explained in the language asked for).
pub fn lang_of(args: &[&str]) -> Lang {
    if args.contains(&"--zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// A command group's command and the rest of its arguments (`--zh` may come before the command);
/// or, when there is no command or help is asked for, the exit code after the usage error or the
/// help is printed.
pub fn command_or_help<'a>(
    program: &str,
    args: &[&'a str],
    commands: &str,
    text: &str,
    lang: Lang,
) -> Result<(&'a str, Vec<&'a str>), ExitCode> {
    let Some(at) = args.iter().position(|a| *a != "--zh") else {
        let problem = CliMessage::MissingCommand {
            commands: commands.into(),
        };
        return Err(usage_error(program, &problem, text, lang));
    };
    let mut rest = args.to_vec();
    let command = rest.remove(at);
    if matches!(command, "help" | "--help" | "-h")
        || rest.iter().any(|a| matches!(*a, "--help" | "-h"))
    {
        return Err(print_help(text));
    }
    Ok((command, rest))
}

/// One command of a usage text: its synopsis (one or more lines of code) and what it does.
pub struct Command {
    pub synopsis: &'static str,
    pub about: CliMessage,
}

/// A usage text: an optional first line, `Usage:`, each command with its description under it,
/// then notes (one paragraph each).
pub fn usage_text(
    intro: Option<CliMessage>,
    commands: &[Command],
    notes: &[CliMessage],
    lang: Lang,
) -> String {
    let mut out = String::new();
    if let Some(intro) = intro {
        out.push_str(&wrap(&render(&intro, lang), 0));
        out.push_str("\n\n");
    }
    out.push_str(&render(&CliMessage::LabelUsage {}, lang));
    out.push_str(colon(lang));
    out.push('\n');
    for command in commands {
        for line in command.synopsis.lines() {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&wrap(&render(&command.about, lang), INDENT));
        out.push('\n');
    }
    for note in notes {
        out.push('\n');
        out.push_str(&wrap(&render(note, lang), 2));
        out.push('\n');
    }
    out
}

/// `--help`: the usage text on stdout, exit code 0.
pub fn print_help(text: &str) -> ExitCode {
    print!("{text}");
    ExitCode::SUCCESS
}

/// A wrong command line: `PROGRAM: what is wrong`, then the usage text, on stderr; exit code 2.
pub fn usage_error(program: &str, problem: &CliMessage, text: &str, lang: Lang) -> ExitCode {
    eprintln!("{program}: {}\n\n{text}", render(problem, lang));
    ExitCode::from(2)
}

/// The colon after a label: Chinese uses the full-width one.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ":",
        Lang::Zh => "：",
    }
}

/// Columns a character takes in a terminal: two for CJK ideographs and full-width forms.
fn columns(c: char) -> usize {
    if matches!(c, '\u{1100}'..='\u{115f}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7a3}' | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff60}' | '\u{ffe0}'..='\u{ffe6}')
    {
        2
    } else {
        1
    }
}

/// Whether a line may break before `c` (never before closing punctuation).
fn opens_unit(c: char) -> bool {
    columns(c) == 2 && !"，。、；：？！）》」』”’".contains(c)
}

/// `text` wrapped to WIDTH columns, every line indented by `indent`: English breaks at spaces,
/// Chinese between characters (never before its closing punctuation); a word longer than a line
/// (a path, a URL) stays whole.
fn wrap(text: &str, indent: usize) -> String {
    // Units: a run of characters that stays on one line, with whether a space came before it.
    let mut units: Vec<(bool, String)> = Vec::new();
    let mut space_before = false;
    for c in text.chars() {
        if c == ' ' {
            space_before = true;
            continue;
        }
        let join = !space_before
            && !opens_unit(c)
            && units.last().is_some_and(|(_, u)| {
                u.chars()
                    .last()
                    .is_some_and(|last| columns(last) == 1 || columns(c) == 2)
            });
        match units.last_mut() {
            Some((_, unit)) if join => unit.push(c),
            _ => units.push((space_before, c.to_string())),
        }
        space_before = false;
    }
    let pad = " ".repeat(indent);
    let mut out = pad.clone();
    let mut used = indent;
    let mut first = true;
    for (spaced, unit) in units {
        let width: usize = unit.chars().map(columns).sum();
        let gap = usize::from(spaced && !first);
        if !first && used + gap + width > WIDTH {
            out.push('\n');
            out.push_str(&pad);
            used = indent;
        } else if gap == 1 {
            out.push(' ');
            used += 1;
        }
        out.push_str(&unit);
        used += width;
        first = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_breaks_at_spaces_and_chinese_between_characters() {
        let english = "word ".repeat(40);
        let wrapped = wrap(english.trim_end(), 4);
        assert!(wrapped
            .lines()
            .all(|l| l.len() <= WIDTH && l.starts_with("    word")));
        assert_eq!(wrapped.split_whitespace().count(), 40);
        let chinese = "检查身份配置文件，".repeat(20);
        let wrapped = wrap(&chinese, 2);
        for line in wrapped.lines() {
            assert!(line.chars().map(columns).sum::<usize>() <= WIDTH, "{line}");
            assert!(!line.trim_start().starts_with('，'), "{line}");
        }
        assert_eq!(wrapped.replace(['\n', ' '], ""), chinese);
    }
}
