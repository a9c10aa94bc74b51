//! Profiles -> the canonical INI text: `[profile <id>]`, then the keys in a fixed order, one
//! blank line between profiles. Defaults are left out (`display_name` equal to the id); the
//! role is written as `role_name` unless the account's UID is known only from the role ARN,
//! in which case `role_arn` keeps it. `site` is always written, so the text means the same
//! whatever the reader's default site. Parsing the text gives the same profiles back.

use super::account;
use super::fields::Key;
use super::model::Profile;
use std::fmt::Write;

/// The canonical text of `profiles`.
pub fn to_text(profiles: &[Profile]) -> String {
    let mut out = String::with_capacity(profiles.len() * 160);
    for (i, p) in profiles.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        write_profile(&mut out, p);
    }
    out
}

fn write_profile(out: &mut String, p: &Profile) {
    out.push_str("[profile ");
    out.push_str(&p.id);
    out.push_str("]\n");
    if p.display_name != p.id {
        entry(out, Key::DisplayName, &p.display_name);
    }
    entry(out, Key::Account, &p.account);
    let uid_from_account = account::account(&p.account).is_ok_and(|a| a.uid.is_some());
    match &p.role_arn {
        Some(arn) if !uid_from_account => entry(out, Key::RoleArn, arn),
        _ => entry(out, Key::RoleName, &p.role_name),
    }
    entry(out, Key::Site, p.site.name());
    for (key, value) in [
        (Key::Group, &p.group),
        (Key::Color, &p.color),
        (Key::Note, &p.note),
    ] {
        if let Some(v) = value {
            entry(out, key, v);
        }
    }
}

fn entry(out: &mut String, key: Key, value: &str) {
    out.push_str(key.ini_name());
    out.push_str(" = ");
    if needs_quotes(value) {
        out.push('"');
        for c in value.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                c if c.is_control() => {
                    // Checked profiles hold no other control character; never write one raw.
                    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
    out.push('\n');
}

/// Whether the value would not read back as itself unquoted.
fn needs_quotes(value: &str) -> bool {
    let edge_space = |c: Option<char>| c.is_some_and(|c| c == ' ' || c == '\t');
    value.is_empty()
        || value.starts_with('"')
        || edge_space(value.chars().next())
        || edge_space(value.chars().next_back())
        || value.chars().any(char::is_control)
        || [" #", " ;", "\t#", "\t;"].iter().any(|s| value.contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert!(!needs_quotes("#e8590c"));
        assert!(!needs_quotes("Acme prod (read-only)"));
        assert!(needs_quotes("a ; b"));
        assert!(needs_quotes(" a"));
        assert!(needs_quotes("a\nb"));
        assert!(needs_quotes("\"a\""));
        let mut out = String::new();
        entry(&mut out, Key::Note, "say \"hi\"\n\\ ok ;");
        assert_eq!(out, "note = \"say \\\"hi\\\"\\n\\\\ ok ;\"\n");
    }
}
