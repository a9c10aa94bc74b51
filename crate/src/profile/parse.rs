//! The profile text -> profiles, and every error in it (line:column, what was expected).
//! Tolerates a UTF-8 byte order mark and CRLF line breaks. A profile with any error is left
//! out of the result; the others are kept, so one typo never hides the whole list.

use super::fields::{self, check_id, meant_key, unknown_key_message, value_passes, Key, Values};
use super::ini::{column, read_line, trim_end_space, trim_start_space, Line};
use super::model::{Fix, Parsed, Profile, ProfileError, Site};
use crate::error::ErrorKind;
use crate::message::ProfileMessage;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Section names that other tools' INI files use and that are not profiles.
const RESERVED: [&str; 2] = ["default", "settings"];

/// Parses a profile text; profiles without `site` get `default_site`.
pub fn parse(text: &str, default_site: Site) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser {
        default_site,
        section: None,
        ids: HashMap::default(),
        out: Parsed::default(),
    };
    for (index, raw) in text.split('\n').enumerate() {
        let line = match raw.as_bytes().last() {
            Some(b'\r') => raw.get(..raw.len() - 1).unwrap_or(raw),
            _ => raw,
        };
        parser.line(index + 1, line);
    }
    parser.finish_section();
    let mut out = parser.out;
    sort_by_position(&mut out.errors);
    summarize_errors(&mut out.errors);
    out
}

/// Sorts errors by line and column, those at one position in the order they were found (a
/// profile's missing account and role both point at its header): the order a stable sort gives,
/// by an unstable sort that tells them apart by that order: std's stable sort is 0.7 KB gzip
/// more code in the popup's wasm.
fn sort_by_position(errors: &mut Vec<ProfileError>) {
    let mut found: Vec<(usize, ProfileError)> = errors.drain(..).enumerate().collect();
    found.sort_unstable_by_key(|(i, e)| (e.line, e.column, *i));
    errors.extend(found.into_iter().map(|(_, e)| e));
}

/// Errors listed at most; past it the list ends with one that says how many more there are. A
/// hostile text of short broken lines otherwise gives about 20 bytes of answer per byte of text.
pub const MAX_ERRORS: usize = 1000;

/// Keeps the first `MAX_ERRORS - 1` errors and puts in the last place one that counts the rest,
/// at the position of the first of them.
fn summarize_errors(errors: &mut Vec<ProfileError>) {
    if errors.len() <= MAX_ERRORS {
        return;
    }
    let more = errors.len() - (MAX_ERRORS - 1);
    let first_left_out = &errors[MAX_ERRORS - 1];
    let (line, column) = (first_left_out.line, first_left_out.column);
    errors.truncate(MAX_ERRORS - 1);
    errors.push(ProfileError {
        kind: ErrorKind::InvalidValue,
        message: ProfileMessage::ProfileMoreErrors { count: more },
        line,
        column,
        profile: None,
        field: None,
        fix: None,
    });
}

/// Where a value was written (the column is worked out only for an error).
struct Field<'a> {
    value: Cow<'a, str>,
    line: usize,
    text: &'a str,
    at: usize,
    quoted: bool,
}

/// FNV-1a: ids are short, and SipHash's protection against chosen collisions buys nothing for
/// a text the user wrote, at a cost the popup pays on every open.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

struct Section<'a> {
    /// `None` when the header itself was wrong (its keys are still checked).
    id: Option<&'a str>,
    line: usize,
    column: usize,
    fields: [Option<Field<'a>>; 8],
    /// Keys that are not profile keys: reported when the section ends, when it is known which
    /// keys the section sets (a misspelt key is then the one cause of a missing key).
    unknown: Vec<Unknown<'a>>,
    broken: bool,
}

/// A key that is not a profile key, where it was written, and its value.
struct Unknown<'a> {
    name: &'a str,
    line: usize,
    column: usize,
    value: Cow<'a, str>,
}

struct Parser<'a> {
    default_site: Site,
    section: Option<Section<'a>>,
    /// Lower-cased id -> line of its header.
    ids: HashMap<Cow<'a, str>, usize, BuildHasherDefault<Fnv>>,
    out: Parsed,
}

impl<'a> Parser<'a> {
    fn error(
        &mut self,
        kind: ErrorKind,
        message: ProfileMessage,
        line: usize,
        column: usize,
        field: Option<&str>,
    ) {
        let profile = self.section.as_mut().and_then(|s| {
            s.broken = true;
            s.id.map(str::to_string)
        });
        self.out.errors.push(ProfileError {
            kind,
            message,
            line,
            column,
            profile,
            field: field.map(str::to_string),
            fix: None,
        });
    }

    fn line(&mut self, number: usize, line: &'a str) {
        match read_line(line) {
            Ok(Line::Blank) => {}
            Ok(Line::Header {
                start,
                name,
                name_start,
            }) => self.header(number, line, start, name, name_start),
            Ok(Line::Entry {
                key,
                key_start,
                value,
                value_start,
                quoted,
            }) => {
                let key_at = (line, key_start);
                self.entry(number, key, key_at, value, value_start, quoted);
            }
            Err(e) => {
                if trim_start_space(line).starts_with('[') {
                    // A broken header still opens a section, so its keys are not reported as
                    // keys outside any profile.
                    self.open_section(
                        number,
                        column(line, line.len() - trim_start_space(line).len()),
                    );
                }
                let at = column(line, e.at);
                self.error(ErrorKind::InvalidValue, e.message, number, at, None);
            }
        }
    }

    /// Starts a section whose id is not known yet.
    fn open_section(&mut self, number: usize, header_column: usize) {
        self.finish_section();
        self.section = Some(Section {
            id: None,
            line: number,
            column: header_column,
            fields: Default::default(),
            unknown: Vec::new(),
            broken: false,
        });
    }

    fn header(
        &mut self,
        number: usize,
        line: &'a str,
        start: usize,
        name: &'a str,
        name_start: usize,
    ) {
        let header_column = column(line, start);
        self.open_section(number, header_column);
        let (id, id_start) = match name.strip_prefix("profile") {
            Some(rest) if rest.is_empty() || rest.starts_with([' ', '\t']) => {
                let id = trim_end_space(trim_start_space(rest));
                let id_start =
                    name_start + "profile".len() + (rest.len() - trim_start_space(rest).len());
                if id.is_empty() {
                    let at = column(line, name_start + name.len());
                    return self.error(
                        ErrorKind::InvalidValue,
                        ProfileMessage::ProfileHeaderNoId {},
                        number,
                        at,
                        None,
                    );
                }
                (id, id_start)
            }
            _ if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(name)) => {
                let name = name.to_string();
                let message = ProfileMessage::ProfileReservedSection { name };
                return self.error(ErrorKind::Unsupported, message, number, header_column, None);
            }
            _ if name.is_empty() => {
                let at = column(line, name_start);
                return self.error(
                    ErrorKind::InvalidValue,
                    ProfileMessage::ProfileHeaderNoId {},
                    number,
                    at,
                    None,
                );
            }
            _ => (name, name_start),
        };
        if let Err(e) = check_id(id) {
            let at = column(line, id_start) + e.offset;
            return self.error(ErrorKind::InvalidValue, e.message, number, at, None);
        }
        let lower = match id.bytes().any(|b| b.is_ascii_uppercase()) {
            true => Cow::Owned(id.to_ascii_lowercase()),
            false => Cow::Borrowed(id),
        };
        if let Some(first) = self.ids.get(lower.as_ref()) {
            let message = ProfileMessage::ProfileDuplicateId {
                id: id.to_string(),
                line: *first,
            };
            let at = column(line, id_start);
            return self.error(ErrorKind::InvalidValue, message, number, at, None);
        }
        self.ids.insert(lower, number);
        if let Some(s) = self.section.as_mut() {
            s.id = Some(id);
        }
    }

    fn entry(
        &mut self,
        number: usize,
        key: &'a str,
        (line, key_start): (&'a str, usize),
        value: Cow<'a, str>,
        value_start: usize,
        quoted: bool,
    ) {
        let key_column = || column(line, key_start);
        let Some(section) = self.section.as_mut() else {
            let key_name = key.to_string();
            let message = ProfileMessage::ProfileKeyOutsideProfile { key: key_name };
            return self.error(
                ErrorKind::InvalidValue,
                message,
                number,
                key_column(),
                Some(key),
            );
        };
        let Some(k) = Key::from_ini(key) else {
            section.broken = true;
            let column = key_column();
            section.unknown.push(Unknown {
                name: key,
                line: number,
                column,
                value,
            });
            return;
        };
        let slot = &mut section.fields[k.index()];
        if let Some(first) = slot {
            let message = ProfileMessage::ProfileKeyRepeated {
                key: key.to_string(),
                line: first.line,
            };
            return self.error(
                ErrorKind::InvalidValue,
                message,
                number,
                key_column(),
                Some(key),
            );
        }
        *slot = Some(Field {
            value,
            line: number,
            text: line,
            at: value_start,
            quoted,
        });
    }

    fn finish_section(&mut self) {
        let Some(section) = self.section.take() else {
            return;
        };
        let mut values: Values = [None; 8];
        for (slot, field) in values.iter_mut().zip(&section.fields) {
            *slot = field.as_ref().map(|f| f.value.as_ref());
        }
        // A misspelt key is the cause of the key it means being missing: that is one error.
        let mut meant_by_unknown = [false; 8];
        for unknown in &section.unknown {
            if let Some((key, _)) = meant_key(unknown.name) {
                meant_by_unknown[key.index()] = true;
            }
        }
        if meant_by_unknown[Key::RoleArn.index()] {
            // role_arn names both the account and the role.
            meant_by_unknown[Key::Account.index()] = true;
            meant_by_unknown[Key::RoleName.index()] = true;
        }
        self.unknown_keys(&section);
        let id = section.id.unwrap_or("");
        match fields::build(id, &values, self.default_site) {
            Ok(profile) if section.id.is_some() && !section.broken => {
                self.out.profiles.push(Profile {
                    line: section.line,
                    ..profile
                })
            }
            Ok(_) => {}
            Err(problems) => {
                // Under a broken header only the values are reported: "no account" would be noise.
                for p in problems.into_iter().filter(|p| {
                    // A value's problem always counts; a missing key only under a good header and
                    // when no misspelt key means it.
                    !p.at_header || (section.id.is_some() && !meant_by_unknown[p.key.index()])
                }) {
                    let field = section.fields[p.key.index()]
                        .as_ref()
                        .filter(|_| !p.at_header);
                    let (line, column) = match field {
                        Some(f) => (
                            f.line,
                            column(f.text, f.at) + usize::from(f.quoted) + offset_in(f, p.offset),
                        ),
                        None => (section.line, section.column),
                    };
                    // A whole-value fix needs the value's exact span: an unquoted value.
                    let fix = p
                        .fix
                        .zip(field.filter(|f| !f.quoted))
                        .map(|(replacement, f)| {
                            let start = super::ini::column(f.text, f.at);
                            Fix {
                                line: f.line,
                                column: start,
                                end_column: start + f.value.chars().count(),
                                replacement,
                            }
                        });
                    self.out.errors.push(ProfileError {
                        kind: p.kind,
                        message: p.message,
                        line,
                        column,
                        profile: section.id.map(str::to_string),
                        field: Some(p.key.ini_name().to_string()),
                        fix,
                    });
                }
            }
        }
    }
}

impl Parser<'_> {
    /// One error per unknown key of `section`, with the key it most likely means; renaming it is
    /// offered as a fix when that is certain, the section does not set that key already, no
    /// other unknown key of the section means it too, and the value passes that key's check.
    fn unknown_keys(&mut self, section: &Section) {
        let meant: Vec<_> = section.unknown.iter().map(|u| meant_key(u.name)).collect();
        for (unknown, meant_here) in section.unknown.iter().zip(&meant) {
            let key = meant_here.map(|(key, _)| key);
            let set_on = key.and_then(|k| section.fields[k.index()].as_ref().map(|f| f.line));
            let rivals = meant.iter().filter(|m| m.map(|(k, _)| k) == key).count();
            let fix = match *meant_here {
                Some((k, true))
                    if set_on.is_none() && rivals == 1 && value_passes(k, &unknown.value) =>
                {
                    Some(Fix {
                        line: unknown.line,
                        column: unknown.column,
                        end_column: unknown.column + unknown.name.chars().count(),
                        replacement: k.ini_name().to_string(),
                    })
                }
                _ => None,
            };
            let message = unknown_key_message(unknown.name, key, set_on);
            self.out.errors.push(ProfileError {
                kind: ErrorKind::Unsupported,
                message,
                line: unknown.line,
                column: unknown.column,
                profile: section.id.map(str::to_string),
                field: Some(unknown.name.to_string()),
                fix,
            });
        }
    }
}

/// A character offset inside a value as a column offset in the text: exact for unquoted values;
/// for quoted ones exact until the first escape (after it, the value's start is shown).
fn offset_in(field: &Field, offset: usize) -> usize {
    if !field.quoted {
        return offset;
    }
    let escaped = field
        .value
        .chars()
        .take(offset)
        .any(|c| matches!(c, '\\' | '"' | '\n' | '\t'));
    if escaped {
        0
    } else {
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Said;

    #[test]
    fn errors_sort_as_a_stable_sort_sorts_them() {
        // Many errors at few positions, in a scrambled order, each told apart by its message.
        let errors: Vec<ProfileError> = (0..200)
            .map(|i| ProfileError {
                kind: ErrorKind::InvalidValue,
                message: ProfileMessage::ProfileMoreErrors { count: i },
                line: (i * 7) % 5,
                column: (i * 3) % 2,
                profile: None,
                field: None,
                fix: None,
            })
            .collect();
        let mut stable = errors.clone();
        stable.sort_by_key(|e| (e.line, e.column));
        let mut ours = errors;
        sort_by_position(&mut ours);
        assert_eq!(ours, stable);
        // A profile without account and role: both errors at its header, account first.
        let parsed = parse("[profile a]\ncolor = red\n", Site::Cn);
        let ids: Vec<_> = parsed.errors.iter().map(|e| e.message.id()).collect();
        assert_eq!(ids, ["core_profile_no_account", "core_profile_no_role"]);
    }
}
