//! One line of the profile INI text: a blank line or comment, a section header, or
//! `key = value`. Positions are byte offsets into the line; [`column`] turns them into the
//! 1-based character columns errors show.
//!
//! Values: the text after `=` up to an inline comment (`#` or `;` after whitespace; the value's
//! own first character never starts one, so `color = #e8590c` works), trimmed; or a quoted
//! string `"..."` with the escapes `\\`, `\"`, `\n` and `\t`.

use super::hidden::code_point;
use crate::message::ProfileMessage;
use std::borrow::Cow;

/// What one line holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line<'a> {
    Blank,
    Header {
        /// Byte offset of `[`.
        start: usize,
        /// The text between the brackets, trimmed.
        name: &'a str,
        name_start: usize,
    },
    Entry {
        key: &'a str,
        key_start: usize,
        value: Cow<'a, str>,
        value_start: usize,
        /// The value is quoted: character offsets inside it are one past the opening quote and
        /// exact only while no escape came before them.
        quoted: bool,
    },
}

/// Why a line could not be read, and the byte offset to point at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: ProfileMessage,
    pub at: usize,
}

fn error<T>(message: ProfileMessage, at: usize) -> Result<T, SyntaxError> {
    Err(SyntaxError { message, at })
}

/// `text` without leading spaces and tabs. Byte-wise (both are ASCII): the popup reads about
/// 16,000 lines on every open.
pub fn trim_start_space(text: &str) -> &str {
    let n = text
        .bytes()
        .take_while(|&b| b == b' ' || b == b'\t')
        .count();
    text.get(n..).unwrap_or_default()
}

/// `text` without trailing spaces and tabs.
pub fn trim_end_space(text: &str) -> &str {
    let n = text
        .bytes()
        .rev()
        .take_while(|&b| b == b' ' || b == b'\t')
        .count();
    text.get(..text.len() - n).unwrap_or_default()
}

/// The byte offset of the first `byte` (an ASCII byte) in `text`.
fn find_byte(text: &str, byte: u8) -> Option<usize> {
    text.bytes().position(|b| b == byte)
}

/// The 1-based character column of byte offset `at` in `line`.
pub fn column(line: &str, at: usize) -> usize {
    line.get(..at).map_or(at, |s| s.chars().count()) + 1
}

/// Reads one line (without its line break).
pub fn read_line(line: &str) -> Result<Line<'_>, SyntaxError> {
    let start = line.len() - trim_start_space(line).len();
    match line.as_bytes().get(start) {
        None | Some(b'#') | Some(b';') => Ok(Line::Blank),
        Some(b'[') => header(line, start),
        Some(_) => entry(line, start),
    }
}

fn header(line: &str, start: usize) -> Result<Line<'_>, SyntaxError> {
    let inner_start = start + 1;
    let rest = line.get(inner_start..).unwrap_or_default();
    let Some(close) = find_byte(rest, b']').map(|i| inner_start + i) else {
        return error(ProfileMessage::ProfileHeaderUnclosed {}, line.len());
    };
    end_of_line(
        line,
        close + 1,
        ProfileMessage::ProfileLineEndAfterHeader {},
    )?;
    let inner = line.get(inner_start..close).unwrap_or_default();
    let trimmed = trim_start_space(inner);
    Ok(Line::Header {
        start,
        name: trim_end_space(trimmed),
        name_start: inner_start + (inner.len() - trimmed.len()),
    })
}

/// Only whitespace or a comment may follow `from`.
fn end_of_line(line: &str, from: usize, message: ProfileMessage) -> Result<(), SyntaxError> {
    let rest = line.get(from..).unwrap_or_default();
    let trimmed = trim_start_space(rest);
    if trimmed.is_empty() || trimmed.starts_with(['#', ';']) {
        return Ok(());
    }
    error(message, from + (rest.len() - trimmed.len()))
}

fn entry(line: &str, start: usize) -> Result<Line<'_>, SyntaxError> {
    let rest = line.get(start..).unwrap_or_default();
    let Some(eq) = find_byte(rest, b'=').map(|i| start + i) else {
        return error(ProfileMessage::ProfileExpectedEntry {}, start);
    };
    let key = trim_end_space(line.get(start..eq).unwrap_or_default());
    if key.is_empty() {
        return error(ProfileMessage::ProfileExpectedKey {}, start);
    }
    let after = line.get(eq + 1..).unwrap_or_default();
    let value_start = eq + 1 + (after.len() - trim_start_space(after).len());
    let (value, quoted) = if line.as_bytes().get(value_start) == Some(&b'"') {
        (Cow::Owned(quoted(line, value_start)?), true)
    } else {
        (Cow::Borrowed(unquoted(line, value_start, key)?), false)
    };
    Ok(Line::Entry {
        key,
        key_start: start,
        value,
        value_start,
        quoted,
    })
}

fn unquoted<'a>(line: &'a str, start: usize, key: &str) -> Result<&'a str, SyntaxError> {
    let text = line.get(start..).unwrap_or_default();
    let bytes = text.as_bytes();
    // Bytes, not characters: every byte this looks for is ASCII, and the C1 control characters
    // (U+0080-U+009F) are the two-byte sequences C2 80-C2 9F.
    let mut end = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        let control = (b < b' ' && b != b'\t')
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)));
        if control {
            let c = text.get(i..).and_then(|s| s.chars().next()).unwrap_or('\0');
            let code = code_point(c);
            return error(
                ProfileMessage::ProfileValueControlCharacter { code },
                start + i,
            );
        }
        if (b == b'#' || b == b';') && i > 0 && matches!(bytes.get(i - 1), Some(b' ' | b'\t')) {
            end = i;
            break;
        }
    }
    let value = trim_end_space(text.get(..end).unwrap_or_default());
    if value.is_empty() {
        let key = key.to_string();
        return error(ProfileMessage::ProfileMissingValue { key }, start);
    }
    Ok(value)
}

fn quoted(line: &str, open: usize) -> Result<String, SyntaxError> {
    let body_start = open + 1;
    let body = line.get(body_start..).unwrap_or_default();
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                end_of_line(
                    line,
                    body_start + i + 1,
                    ProfileMessage::ProfileLineEndAfterQuote {},
                )?;
                return Ok(out);
            }
            '\\' => match chars.next().map(|(_, e)| e) {
                Some('\\') => out.push('\\'),
                Some('"') => out.push('"'),
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                _ => return error(ProfileMessage::ProfileUnknownEscape {}, body_start + i),
            },
            c if c.is_control() && c != '\t' => {
                let code = code_point(c);
                return error(
                    ProfileMessage::ProfileQuotedControlCharacter { code },
                    body_start + i,
                );
            }
            c => out.push(c),
        }
    }
    error(ProfileMessage::ProfileUnclosedQuote {}, open)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry_of(line: &str) -> (String, String) {
        match read_line(line).unwrap() {
            Line::Entry { key, value, .. } => (key.to_string(), value.into_owned()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lines() {
        assert_eq!(read_line("").unwrap(), Line::Blank);
        assert_eq!(read_line("  # x").unwrap(), Line::Blank);
        assert_eq!(read_line("; x").unwrap(), Line::Blank);
        assert_eq!(
            read_line(" [ profile a ] ; c").unwrap(),
            Line::Header {
                start: 1,
                name: "profile a",
                name_start: 3
            }
        );
        assert_eq!(entry_of("color = #e8590c ; x").1, "#e8590c");
        assert_eq!(entry_of("note = a#b ;c").1, "a#b");
        assert_eq!(entry_of("note=a b\t# c").1, "a b");
        assert_eq!(
            entry_of(r#"note = "a ; \"b\"\n\t\\" # c"#).1,
            "a ; \"b\"\n\t\\"
        );
        assert_eq!(entry_of("display_name = 中文 名").1, "中文 名");
    }

    #[test]
    fn errors() {
        let e = |l: &str| read_line(l).unwrap_err();
        assert_eq!(e("[profile a").at, 10);
        assert_eq!(e("[a] x").at, 4);
        assert_eq!(e("  account").at, 2);
        assert_eq!(e(" = x").at, 1);
        assert_eq!(e("account =   ").at, 12);
        assert_eq!(e("note = \"abc").at, 7);
        assert_eq!(e("note = \"a\\qb\"").at, 9);
        assert_eq!(e("note = \"a\" b").at, 11);
        assert_eq!(e("note = a\u{1}b").at, 8);
        assert_eq!(column("中文x", "中文".len()), 3);
    }
}
