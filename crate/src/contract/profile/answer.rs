//! The `profileParse` answer written straight into JSON text. The popup parses 2,000 profiles on
//! every open; building a `serde_json::Value` first (a map per profile) cost more than the
//! parse itself. The text is exactly what `serde_json` writes for the same structs (tested).

use crate::contract::sign::write_string;
use crate::profile::{Parsed, Profile, ProfileError};
use std::fmt::Write;

/// `{"profiles": [...], "errors": [...]}`, compact.
pub fn parsed_text(parsed: &Parsed) -> String {
    let mut out =
        String::with_capacity(parsed.profiles.len() * 320 + parsed.errors.len() * 200 + 32);
    out.push_str("{\"profiles\":[");
    for (i, p) in parsed.profiles.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        profile(&mut out, p);
    }
    out.push_str("],\"errors\":[");
    for (i, e) in parsed.errors.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        error(&mut out, e);
    }
    out.push_str("]}");
    out
}

fn field(out: &mut String, name: &str, value: &str) {
    out.push_str(name);
    write_string(out, value);
}

fn optional(out: &mut String, name: &str, value: &Option<String>) {
    if let Some(v) = value {
        field(out, name, v);
    }
}

fn kebab<T: serde::Serialize>(value: &T) -> String {
    // A unit enum variant: serialising it cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

fn profile(out: &mut String, p: &Profile) {
    field(out, "{\"id\":", &p.id);
    field(out, ",\"displayName\":", &p.display_name);
    field(out, ",\"account\":", &p.account);
    field(out, ",\"accountKind\":", p.account_kind.name());
    optional(out, ",\"accountUid\":", &p.account_uid);
    field(out, ",\"roleName\":", &p.role_name);
    optional(out, ",\"roleArn\":", &p.role_arn);
    optional(out, ",\"color\":", &p.color);
    optional(out, ",\"group\":", &p.group);
    field(out, ",\"site\":", p.site.name());
    optional(out, ",\"note\":", &p.note);
    let _ = write!(out, ",\"line\":{}}}", p.line);
}

fn error(out: &mut String, e: &ProfileError) {
    out.push_str("{\"kind\":");
    out.push_str(&kebab(&e.kind));
    field(out, ",\"message\":", &e.message);
    field(out, ",\"messageZh\":", &e.message_zh);
    let _ = write!(out, ",\"line\":{},\"column\":{}", e.line, e.column);
    optional(out, ",\"profile\":", &e.profile);
    optional(out, ",\"field\":", &e.field);
    if let Some(fix) = &e.fix {
        let _ = write!(
            out,
            ",\"fix\":{{\"line\":{},\"column\":{},\"endColumn\":{}",
            fix.line, fix.column, fix.end_column
        );
        field(out, ",\"replacement\":", &fix.replacement);
        out.push('}');
    }
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{parse, Site};

    #[test]
    fn writes_what_serde_json_writes() {
        let text = "[profile a]\naccount = acme\nrole_name = r\ndisplay_name = \"q\\\"\\\\ 中文\"\ncolor = RED\ngroup = g\nnote = \"n\\n\\tx\"\nsite = intl\n\n[profile b]\nrole_arn = acs:ram::1746000000000001:role/r\n\n[profile c]\naccount = 1746000000000001.onaliyun.com\nrole_name = r\nx = 1\n[default]\n[profile d]\naccount = acme\nrolename = \"r\"\n";
        let parsed = parse(text, Site::Cn);
        assert_eq!(parsed.profiles.len(), 2);
        assert!(parsed.errors.iter().any(|e| e.fix.is_some()));
        assert_eq!(
            parsed_text(&parsed),
            serde_json::to_string(&parsed).unwrap()
        );
    }
}
