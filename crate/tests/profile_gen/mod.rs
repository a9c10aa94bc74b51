//! proptest generators of profiles the parser accepts: every account form, role names at the
//! edges of the rules, role ARNs, and free text that needs quoting (leading spaces, `#`/`;`
//! after a space, quotes, backslashes, line breaks in notes, Chinese).

#![allow(dead_code)]

use proptest::prelude::*;
use rolehop::profile::fields::{build, Key, Values, COLOR_NAMES};
use rolehop::profile::{Profile, Site};

pub fn uid() -> impl Strategy<Value = String> {
    "[1-9][0-9]{15}"
}

pub fn alias() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,3}(-[a-z0-9]{1,4}){0,5}".prop_filter("3-32 characters, not all digits", |a| {
        (3..=32).contains(&a.len()) && !a.bytes().all(|b| b.is_ascii_digit())
    })
}

/// (account, known UID when the text reveals it).
pub fn account() -> impl Strategy<Value = String> {
    prop_oneof![
        alias(),
        alias().prop_map(|a| format!("{a}.onaliyun.com")),
        uid().prop_map(|u| format!("{u}.onaliyun.com")),
        uid(),
    ]
}

pub fn role_name() -> impl Strategy<Value = String> {
    "[A-Za-z0-9.-]{1,64}"
}

pub fn id() -> impl Strategy<Value = String> {
    "[A-Za-z0-9._-]{1,64}"
}

/// Free text of 1-`max` characters without control characters (or with `\n`/`\t` when
/// `multiline`), biased towards what needs quoting.
pub fn text(max: usize, multiline: bool) -> impl Strategy<Value = String> {
    let piece = if multiline {
        "([ a-zA-Z0-9#;\"\\\\=\\[\\]中文é]|\n|\t){1,12}"
    } else {
        "[ a-zA-Z0-9#;\"\\\\=\\[\\]中文é]{1,12}"
    };
    prop::collection::vec(piece, 1..4).prop_map(move |parts| {
        let s: String = parts.concat().chars().take(max).collect();
        s
    })
}

pub fn color() -> impl Strategy<Value = String> {
    prop_oneof![
        "#[0-9a-f]{3}",
        "#[0-9a-f]{6}",
        prop::sample::select(COLOR_NAMES.to_vec()).prop_map(str::to_string),
    ]
}

pub fn site() -> impl Strategy<Value = Site> {
    prop_oneof![Just(Site::Cn), Just(Site::Intl)]
}

/// The raw key values of one valid profile.
#[derive(Debug, Clone)]
pub struct Raw {
    pub id: String,
    pub values: [Option<String>; 8],
}

pub fn raw() -> impl Strategy<Value = Raw> {
    (
        id(),
        account(),
        role_name(),
        prop::option::of(uid()),
        any::<bool>(),
        prop::option::of(text(128, false)),
        prop::option::of(color()),
        prop::option::of(text(64, false)),
        prop::option::of(site()),
        prop::option::of(text(1024, true)),
    )
        .prop_map(
            |(id, account, role, arn_uid, role_as_arn, display, color, group, site, note)| {
                let mut values: [Option<String>; 8] = Default::default();
                let reveals_uid = account.bytes().next().is_some_and(|b| b.is_ascii_digit())
                    && account
                        .split('.')
                        .next()
                        .is_some_and(|p| p.len() == 16 && p.bytes().all(|b| b.is_ascii_digit()));
                match arn_uid {
                    // An alias with the UID known only from role_arn.
                    Some(uid) if !reveals_uid => {
                        values[Key::Account.index()] = Some(account);
                        values[Key::RoleArn.index()] = Some(format!("acs:ram::{uid}:role/{role}"));
                        if role_as_arn {
                            values[Key::RoleName.index()] = Some(role);
                        }
                    }
                    _ => {
                        values[Key::Account.index()] = Some(account);
                        values[Key::RoleName.index()] = Some(role);
                    }
                }
                values[Key::DisplayName.index()] = display;
                values[Key::Color.index()] = color;
                values[Key::Group.index()] = group;
                values[Key::Site.index()] = site.map(|s| s.name().to_string());
                values[Key::Note.index()] = note;
                Raw { id, values }
            },
        )
}

pub fn profile_of(raw: &Raw) -> Profile {
    let mut values: Values = [None; 8];
    for (slot, v) in values.iter_mut().zip(&raw.values) {
        *slot = v.as_deref();
    }
    build(&raw.id, &values, Site::Cn)
        .unwrap_or_else(|p| panic!("generator made an invalid profile {raw:?}: {p:?}"))
}

/// Checked profiles with ids unique ignoring case.
pub fn profiles(max: usize) -> impl Strategy<Value = Vec<Profile>> {
    prop::collection::vec(raw(), 0..max).prop_map(|raws| {
        let mut seen = std::collections::HashSet::new();
        raws.iter()
            .filter(|r| seen.insert(r.id.to_ascii_lowercase()))
            .map(profile_of)
            .collect()
    })
}

/// The profiles with `line` cleared, for comparing what the text means.
pub fn without_lines(profiles: &[Profile]) -> Vec<Profile> {
    profiles
        .iter()
        .map(|p| Profile {
            line: 0,
            ..p.clone()
        })
        .collect()
}

pub fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}
