//! Invisible characters that make a name display differently from what it says: the one rule for
//! every free text a user sees (display names, groups, notes, imported names).
//!
//! Refused: the whole Unicode general category Cf ("format": bidirectional embeddings, overrides
//! and isolates such as U+202E, zero-width characters, U+FEFF inside a text, invisible tags, ...)
//! and the line and paragraph separators U+2028 / U+2029. `Alice <U+202E>nimda` displays as
//! "Alice admin"; a zero-width space makes two names look the same. The list below is category
//! Cf as of Unicode 15.1, written out (short and stable; no table dependency).
//!
//! One exception: ZERO WIDTH JOINER (U+200D) between two emoji, which is how emoji sequences
//! such as the family or "woman technologist" are written; a ZWJ anywhere else is refused. It
//! cannot reorder text, and between emoji it only joins pictures. (ZWJ and ZWNJ are also used in
//! some Indic and Persian words; such names must do without them.)

use crate::message::ProfileMessage;

/// Category Cf (Unicode 15.1) as inclusive ranges, with a name for messages (empty: none kept).
const FORMAT: [(u32, u32, &str); 21] = [
    (0x00AD, 0x00AD, "SOFT HYPHEN"),
    (0x0600, 0x0605, ""),
    (0x061C, 0x061C, "ARABIC LETTER MARK"),
    (0x06DD, 0x06DD, "ARABIC END OF AYAH"),
    (0x070F, 0x070F, "SYRIAC ABBREVIATION MARK"),
    (0x0890, 0x0891, ""),
    (0x08E2, 0x08E2, "ARABIC DISPUTED END OF AYAH"),
    (0x180E, 0x180E, "MONGOLIAN VOWEL SEPARATOR"),
    (0x200B, 0x200F, ""),
    (0x202A, 0x202E, ""),
    (0x2060, 0x2064, ""),
    (0x2066, 0x206F, ""),
    (
        0xFEFF,
        0xFEFF,
        "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
    ),
    (0xFFF9, 0xFFFB, ""),
    (0x110BD, 0x110BD, "KAITHI NUMBER SIGN"),
    (0x110CD, 0x110CD, "KAITHI NUMBER SIGN ABOVE"),
    (0x13430, 0x1343F, ""),
    (0x1BCA0, 0x1BCA3, ""),
    (0x1D173, 0x1D17A, ""),
    (0xE0001, 0xE0001, "LANGUAGE TAG"),
    (0xE0020, 0xE007F, ""),
];

const ZWJ: char = '\u{200D}';

/// Names of the characters most likely met (bidi controls and zero-width characters).
fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}' => "FUNCTION APPLICATION",
        '\u{2062}' => "INVISIBLE TIMES",
        '\u{2063}' => "INVISIBLE SEPARATOR",
        '\u{2064}' => "INVISIBLE PLUS",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        _ => {
            let code = u32::from(c);
            let range = FORMAT
                .iter()
                .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))?;
            return Some(range.2).filter(|n| !n.is_empty());
        }
    })
}

fn is_format(c: char) -> bool {
    let code = u32::from(c);
    code >= 0xAD && matches!(c, '\u{2028}' | '\u{2029}')
        || FORMAT.iter().any(|(lo, hi, _)| (*lo..=*hi).contains(&code))
}

/// Pictographs that emoji ZWJ sequences join (the emoji blocks, with the skin-tone modifiers)
/// and the emoji presentation selector that may follow one.
fn is_emoji_part(c: char) -> bool {
    matches!(u32::from(c),
        0x2300..=0x23FF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0xFE0F | 0x1F000..=0x1FAFF)
}

/// A refused character of `text`: its character offset and the character.
pub fn find(text: &str) -> Option<(usize, char)> {
    let mut previous = None;
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        if is_format(c) {
            let next = chars.peek().map(|&(_, n)| n);
            let joins_emoji = c == ZWJ
                && previous.is_some_and(is_emoji_part)
                && next.is_some_and(|n| is_emoji_part(n) && n != '\u{FE0F}');
            if !joins_emoji {
                return Some((i, c));
            }
        }
        previous = Some(c);
    }
    None
}

/// `U+202E (RIGHT-TO-LEFT OVERRIDE)`, or just `U+xxxx` when the name is not kept here; `zh`
/// `U+202E`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// The message for a refused character in a field.
pub fn message(field: Box<ProfileMessage>, c: char) -> ProfileMessage {
    let code = code_point(c);
    match name(c) {
        Some(name) => ProfileMessage::ProfileHiddenCharacter {
            field,
            code,
            name: name.to_string(),
        },
        None => ProfileMessage::ProfileHiddenCharacterUnnamed { field, code },
    }
}

/// `text` with every refused character written as `<U+202E>`, for showing a name that is not
/// checked (e.g. the name of a skipped aliyun CLI profile).
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if find(text).is_none() {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some((i, c)) = find(rest) {
        let at = rest.char_indices().nth(i).map_or(rest.len(), |(b, _)| b);
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(&format!("<{}>", code_point(c)));
        rest = rest.get(at + c.len_utf8()..).unwrap_or_default();
    }
    out.push_str(rest);
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_and_zero_width_characters_are_found_with_their_offset() {
        for c in [
            '\u{061C}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{200E}',
            '\u{200F}',
            '\u{202A}',
            '\u{202B}',
            '\u{202C}',
            '\u{202D}',
            '\u{202E}',
            '\u{2060}',
            '\u{2064}',
            '\u{2066}',
            '\u{2069}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{2028}',
            '\u{2029}',
            '\u{E0041}',
            '\u{180E}',
        ] {
            let text = format!("中文 a{c}b");
            assert_eq!(find(&text), Some((4, c)), "U+{:04X}", u32::from(c));
        }
        assert_eq!(find("Acme 生产环境 (read-only) 🚀"), None);
        let said = |c| crate::catalog::en(&message(Box::new(ProfileMessage::FieldNote {}), c));
        assert!(said('\u{202E}').contains("U+202E (RIGHT-TO-LEFT OVERRIDE)"));
        assert!(said('\u{E0041}').contains("U+E0041,"));
    }

    #[test]
    fn zwj_is_allowed_between_emoji_only() {
        for ok in [
            "team \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
            "\u{1F469}\u{1F3FD}\u{200D}\u{1F4BB} dev",
            "\u{2764}\u{FE0F}\u{200D}\u{1F525}",
            "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",
        ] {
            assert_eq!(find(ok), None, "{ok:?}");
        }
        for bad in [
            "pro\u{200D}d",
            "\u{200D}\u{1F525}",
            "\u{1F525}\u{200D}",
            "\u{1F525}\u{200D}x",
            "\u{1F525}\u{200D}\u{FE0F}",
        ] {
            assert!(find(bad).is_some_and(|(_, c)| c == ZWJ), "{bad:?}");
        }
    }

    #[test]
    fn visible_writes_refused_characters_as_code_points() {
        assert_eq!(visible("plain"), "plain");
        assert_eq!(visible("a\u{202E}bc\u{200B}"), "a<U+202E>bc<U+200B>");
    }
}
