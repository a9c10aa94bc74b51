//! The profile INI text: what it accepts, and every kind of error with its exact line:column,
//! kind, profile and key.

use rolehop::profile::{parse, AccountKind, Fix, Parsed, ProfileError, Site};
use rolehop::ErrorKind::{self, InvalidValue, MissingField, Unsupported};

fn parsed(text: &str) -> Parsed {
    parse(text, Site::Cn)
}

/// The one error of `text`: its (line, column, kind, key) and message.
fn only_error(text: &str) -> ProfileError {
    let p = parsed(text);
    assert_eq!(p.errors.len(), 1, "{text:?} -> {:#?}", p.errors);
    p.errors.into_iter().next().unwrap()
}

#[track_caller]
fn assert_error(
    text: &str,
    line: usize,
    column: usize,
    kind: ErrorKind,
    field: Option<&str>,
    says: &str,
) {
    let e = only_error(text);
    assert_eq!(
        (e.line, e.column, e.kind),
        (line, column, kind),
        "{text:?}: {e:#?}"
    );
    assert_eq!(e.field.as_deref(), field, "{text:?}: {e:#?}");
    assert!(
        e.message.contains(says),
        "{text:?}: {:?} should say {says:?}",
        e.message
    );
    assert!(
        is_chinese(&e.message_zh),
        "{text:?}: no Chinese text in {:?}",
        e.message_zh
    );
}

/// Whether the text has a CJK character (every message has a Chinese version).
fn is_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

const OK: &str = "account = acme\nrole_name = admin\n";

#[test]
fn the_documented_example() {
    let text = "\
# comments start with # or ;
[profile acme-prod]                 ; section = profile id
account = acme                      ; enterprise alias, default domain, or 16-digit UID
role_name = admin-oss               ; or: role_arn = acs:ram::1746xxxxxxxxxxxx:role/admin-oss
display_name = Acme production (read-only)
color = #e8590c                     ; #rgb or #rrggbb, or a CSS colour name
group = Acme
site = intl                         ; cn (signin.aliyun.com, default) | intl
note = ask ops@acme before writing
";
    let p = parsed(text);
    assert!(p.errors.is_empty(), "{:#?}", p.errors);
    let [acme] = p.profiles.as_slice() else {
        panic!("{:#?}", p.profiles)
    };
    assert_eq!(acme.id, "acme-prod");
    assert_eq!(acme.display_name, "Acme production (read-only)");
    assert_eq!(
        (acme.account.as_str(), acme.account_kind),
        ("acme", AccountKind::Alias)
    );
    assert_eq!(acme.account_uid, None);
    assert_eq!(acme.role_arn, None);
    assert_eq!(acme.role_name, "admin-oss");
    assert_eq!(acme.color.as_deref(), Some("#e8590c"));
    assert_eq!(acme.group.as_deref(), Some("Acme"));
    assert_eq!(acme.site, Site::Intl);
    assert_eq!(acme.note.as_deref(), Some("ask ops@acme before writing"));
    assert_eq!(acme.line, 2);
}

#[test]
fn accounts_and_roles_in_every_form() {
    let text = "\
[profile by-uid]
account = 1746000000000001
role_name = r1

[profile by-arn]
role_arn = acs:ram::1746000000000002:role/r2

[profile alias-and-arn]
account = acme
role_arn = acs:ram::1746000000000003:role/r3
role_name = r3

[profile domain]
account = acme.onaliyun.com
role_name = r.4

[profile uid-domain]
account = 1746000000000005.onaliyun.com
role_name = R-5
";
    let p = parsed(text);
    assert!(p.errors.is_empty(), "{:#?}", p.errors);
    let got: Vec<_> = p
        .profiles
        .iter()
        .map(|p| {
            (
                p.id.as_str(),
                p.account.as_str(),
                p.account_kind,
                p.account_uid.as_deref(),
                p.role_name.as_str(),
                p.role_arn.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "by-uid",
                "1746000000000001",
                AccountKind::Uid,
                Some("1746000000000001"),
                "r1",
                Some("acs:ram::1746000000000001:role/r1")
            ),
            (
                "by-arn",
                "1746000000000002",
                AccountKind::Uid,
                Some("1746000000000002"),
                "r2",
                Some("acs:ram::1746000000000002:role/r2")
            ),
            (
                "alias-and-arn",
                "acme",
                AccountKind::Alias,
                Some("1746000000000003"),
                "r3",
                Some("acs:ram::1746000000000003:role/r3")
            ),
            (
                "domain",
                "acme.onaliyun.com",
                AccountKind::DefaultDomain,
                None,
                "r.4",
                None
            ),
            (
                "uid-domain",
                "1746000000000005.onaliyun.com",
                AccountKind::DefaultDomain,
                Some("1746000000000005"),
                "R-5",
                Some("acs:ram::1746000000000005:role/R-5")
            ),
        ]
    );
    assert_eq!(
        p.profiles.iter().map(|p| p.line).collect::<Vec<_>>(),
        [1, 5, 8, 13, 17]
    );
}

#[test]
fn layout_crlf_bom_comments_quotes_and_bare_sections() {
    let text = "\u{feff}; top comment\r\n[acme]\r\n\taccount=acme ;c\r\n  role_name =admin\r\ngroup = team#1 ;c\r\ndisplay_name = \"  spaced ; \\\"quoted\\\" \\\\ \"   # c\r\nnote = \"line 1\\nline 2\\tend\"\r\ncolor = RED\r\nsite = intl\r\n[profile b]\r\naccount = acme\r\nrole_name = r\r\ngroup = 中文 组\r\n";
    let p = parsed(text);
    assert!(p.errors.is_empty(), "{:#?}", p.errors);
    let a = &p.profiles[0];
    assert_eq!(a.id, "acme");
    assert_eq!(a.role_name, "admin");
    assert_eq!(a.group.as_deref(), Some("team#1"));
    assert_eq!(a.display_name, "  spaced ; \"quoted\" \\ ");
    assert_eq!(a.note.as_deref(), Some("line 1\nline 2\tend"));
    assert_eq!(a.color.as_deref(), Some("red"));
    assert_eq!(p.profiles[1].group.as_deref(), Some("中文 组"));
    assert_eq!(a.line, 2);
}

#[test]
fn default_site_applies_only_without_a_site_key() {
    let text = format!("[profile a]\n{OK}\n[profile b]\n{OK}site = cn\n");
    let p = parse(&text, Site::Intl);
    assert_eq!(
        p.profiles.iter().map(|p| p.site).collect::<Vec<_>>(),
        [Site::Intl, Site::Cn]
    );
}

#[test]
fn syntax_errors() {
    assert_error(
        "[profile a",
        1,
        11,
        InvalidValue,
        None,
        "expected ] to close",
    );
    assert_error(
        &format!("[profile a] x\n{OK}"),
        1,
        13,
        InvalidValue,
        None,
        "expected the end of the line or a comment",
    );
    assert_error(
        &format!("[profile a]\n{OK}account"),
        4,
        1,
        InvalidValue,
        None,
        "expected key = value",
    );
    assert_error(
        &format!("[profile a]\n{OK} = x"),
        4,
        2,
        InvalidValue,
        None,
        "expected a key before =",
    );
    assert_error(
        &format!("[profile a]\n{OK}note ="),
        4,
        7,
        InvalidValue,
        None,
        "expected a value after =",
    );
    assert_error(
        &format!("[profile a]\n{OK}note = \"abc"),
        4,
        8,
        InvalidValue,
        None,
        "expected a closing \"",
    );
    assert_error(
        &format!("[profile a]\n{OK}note = \"a\\qb\""),
        4,
        10,
        InvalidValue,
        None,
        "unknown escape",
    );
    assert_error(
        &format!("[profile a]\n{OK}note = \"a\" b"),
        4,
        12,
        InvalidValue,
        None,
        "after the closing quote",
    );
    assert_error(
        &format!("[profile a]\n{OK}note = a\u{1}b"),
        4,
        9,
        InvalidValue,
        None,
        "control character U+0001",
    );
    assert_error(
        &format!("[profile a]\n{OK}note = \"中文\\q\""),
        4,
        11,
        InvalidValue,
        None,
        "unknown escape",
    );
}

#[test]
fn structure_errors() {
    assert_error(
        "account = acme\n",
        1,
        1,
        InvalidValue,
        Some("account"),
        "expected a section header",
    );
    assert_error(
        &format!("[profile a]\n{OK}rolename = x"),
        4,
        1,
        Unsupported,
        Some("rolename"),
        "did you mean role_name?",
    );
    assert_error(
        &format!("[profile a]\n{OK}aws_account_id = 1"),
        4,
        1,
        Unsupported,
        Some("aws_account_id"),
        "did you mean account?",
    );
    assert_error(
        &format!("[profile a]\n{OK}  region = x"),
        4,
        3,
        Unsupported,
        Some("region"),
        "did you mean site",
    );
    assert_error(
        &format!("[profile a]\n{OK}account = b"),
        4,
        1,
        InvalidValue,
        Some("account"),
        "already set on line 2",
    );
    assert_error("[default]\n", 1, 1, Unsupported, None, "reserved");
    assert_error("  [ Settings ]\n", 1, 3, Unsupported, None, "reserved");
    assert_error(
        "[profile ]\n",
        1,
        9,
        InvalidValue,
        None,
        "expected a profile id after \"profile\"",
    );
    assert_error("[]\n", 1, 2, InvalidValue, None, "expected a profile id");
    assert_error(
        &format!("[profile a b]\n{OK}"),
        1,
        11,
        InvalidValue,
        None,
        "' ' in \"a b\" is not allowed",
    );
    assert_error(
        &format!("[profile 中]\n{OK}"),
        1,
        10,
        InvalidValue,
        None,
        "is not allowed",
    );
    assert_error(
        &format!("[profile {}]\n{OK}", "x".repeat(65)),
        1,
        10,
        InvalidValue,
        None,
        "has 65 characters",
    );
    let e = only_error(&format!("[profile Acme]\n{OK}\n[profile  acme]\n{OK}"));
    assert_eq!((e.line, e.column, e.kind), (5, 11, InvalidValue));
    assert!(
        e.message.contains("line 1 already defines it"),
        "{}",
        e.message
    );
}

#[test]
fn missing_account_or_role() {
    assert_error(
        "[profile a]\nrole_name = r\n",
        1,
        1,
        MissingField,
        Some("account"),
        "names no account",
    );
    assert_error(
        "\n  [profile a]\naccount = acme\n",
        2,
        3,
        MissingField,
        Some("role_name"),
        "names no role",
    );
    let p = parsed("[profile a]\n");
    assert_eq!(p.errors.len(), 2);
    assert!(p
        .errors
        .iter()
        .all(|e| (e.line, e.column, e.kind) == (1, 1, MissingField)));
}

#[test]
fn value_errors_point_at_the_offending_character() {
    let with = |lines: &str| format!("[profile a]\n{lines}\n");
    assert_error(
        &with("account = Acme\nrole_name = r"),
        2,
        11,
        InvalidValue,
        Some("account"),
        "(write \"acme\")",
    );
    assert_error(
        &with("account = ac--me\nrole_name = r"),
        2,
        13,
        InvalidValue,
        Some("account"),
        "contains '--'",
    );
    assert_error(
        &with("account = acme-\nrole_name = r"),
        2,
        15,
        InvalidValue,
        Some("account"),
        "ends with '-'",
    );
    assert_error(
        &with("account = ab\nrole_name = r"),
        2,
        11,
        InvalidValue,
        Some("account"),
        "has 2 characters",
    );
    assert_error(
        &with("account = 174600000000001\nrole_name = r"),
        2,
        11,
        InvalidValue,
        Some("account"),
        "has 15 digits",
    );
    assert_error(
        &with("account = a_b.onaliyun.com\nrole_name = r"),
        2,
        12,
        InvalidValue,
        Some("account"),
        "'_' in \"a_b\"",
    );
    assert_error(
        &with("account = acme.aliyun.com\nrole_name = r"),
        2,
        15,
        InvalidValue,
        Some("account"),
        "is not an account",
    );
    assert_error(
        &with("account = bob@acme.onaliyun.com\nrole_name = r"),
        2,
        11,
        InvalidValue,
        Some("account"),
        "logon name",
    );
    assert_error(
        &with("account = acme\nrole_name = admin_oss"),
        3,
        18,
        InvalidValue,
        Some("role_name"),
        "'_' at character 6",
    );
    assert_error(
        &with(&format!("account = acme\nrole_name = {}", "r".repeat(65))),
        3,
        13,
        InvalidValue,
        Some("role_name"),
        "65 characters",
    );
    assert_error(
        &with("account = acme\nrole_name = \"ab_c\""),
        3,
        16,
        InvalidValue,
        Some("role_name"),
        "is not allowed",
    );
    assert_error(
        &with("role_arn = arn:aws:iam::1:role/x"),
        2,
        12,
        InvalidValue,
        Some("role_arn"),
        "acs:ram::<account UID>:role/<role name>",
    );
    assert_error(
        &with("role_arn = acs:ram::174600000000001:role/x"),
        2,
        21,
        InvalidValue,
        Some("role_arn"),
        "has 15 digits",
    );
    assert_error(
        &with("role_arn = acs:ram::1746000000000001:role/a b"),
        2,
        12,
        InvalidValue,
        Some("role_arn"),
        "role name",
    );
    assert_error(
        &with("account = acme\nsite = CN\nrole_name = r"),
        3,
        8,
        InvalidValue,
        Some("site"),
        "(write cn)",
    );
    assert_error(
        &with("account = acme\ncolor = #12345g\nrole_name = r"),
        3,
        15,
        InvalidValue,
        Some("color"),
        "#rgb or #rrggbb",
    );
    assert_error(
        &with("account = acme\ncolor = blu\nrole_name = r"),
        3,
        9,
        InvalidValue,
        Some("color"),
        "did you mean blue?",
    );
    assert_error(
        &with(&format!(
            "account = acme\ndisplay_name = {}\nrole_name = r",
            "é".repeat(129)
        )),
        3,
        16,
        InvalidValue,
        Some("display_name"),
        "1-128 characters, got 129",
    );
    assert_error(
        &with(&format!(
            "account = acme\ngroup = {}\nrole_name = r",
            "g".repeat(65)
        )),
        3,
        9,
        InvalidValue,
        Some("group"),
        "1-64",
    );
    assert_error(
        &with(&format!(
            "account = acme\nnote = {}\nrole_name = r",
            "n".repeat(1025)
        )),
        3,
        8,
        InvalidValue,
        Some("note"),
        "1-1024",
    );
    assert_error(
        &with("account = acme\ndisplay_name = \"a\\nb\"\nrole_name = r"),
        3,
        18,
        InvalidValue,
        Some("display_name"),
        "control character U+000A",
    );
}

#[test]
fn invisible_formatting_characters_are_refused_with_their_code_point() {
    // "Acme <U+202E>dorp" displays as "Acme prod": the text says otherwise. Every free-text key,
    // every character of the rule, at its exact column, in both languages.
    for (key, column) in [("display_name", 22), ("group", 15), ("note", 14)] {
        for c in [
            '\u{202E}',
            '\u{2066}',
            '\u{200B}',
            '\u{061C}',
            '\u{FEFF}',
            '\u{2060}',
            '\u{E0041}',
        ] {
            let text = format!("[profile a]\n{OK}{key} = Acme \u{4e2d}{c}dorp\n");
            let e = only_error(&text);
            let code = format!("U+{:04X}", u32::from(c));
            assert_eq!(
                (e.line, e.column, e.kind, e.field.as_deref()),
                (4, column, InvalidValue, Some(key)),
                "{key} {code}: {e:#?}"
            );
            assert!(e.message.contains(&code), "{}", e.message);
            assert!(e.message.contains("delete it"), "{}", e.message);
            assert!(
                e.message_zh.contains(&code) && is_chinese(&e.message_zh),
                "{}",
                e.message_zh
            );
        }
    }
    let e = only_error(&format!("[profile a]\n{OK}display_name = \"x\u{202E}\"\n"));
    assert_eq!((e.line, e.column), (4, 18));
    assert!(
        e.message.contains("U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        "{}",
        e.message
    );
    // The profile is left out; an emoji ZWJ sequence is a picture, not a trick.
    assert!(
        parsed(&format!("[profile a]\n{OK}display_name = a\u{202E}b\n"))
            .profiles
            .is_empty()
    );
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    let p = parsed(&format!(
        "[profile a]\n{OK}display_name = Family {family}\n"
    ));
    assert!(p.errors.is_empty(), "{:#?}", p.errors);
    assert_eq!(p.profiles[0].display_name, format!("Family {family}"));
    assert_error(
        &format!("[profile a]\n{OK}display_name = pro\u{200D}d\n"),
        4,
        19,
        InvalidValue,
        Some("display_name"),
        "U+200D (ZERO WIDTH JOINER)",
    );
}

#[test]
fn role_arn_must_agree_with_account_and_role_name() {
    let e = only_error("[profile a]\naccount = 1746000000000001\nrole_name = r\nrole_arn = acs:ram::1746000000000002:role/r\n");
    assert_eq!(
        (e.line, e.column, e.field.as_deref()),
        (4, 12, Some("role_arn"))
    );
    assert!(
        e.message.contains("account is \"1746000000000001\""),
        "{}",
        e.message
    );
    let e = only_error("[profile a]\naccount = acme\nrole_name = r\nrole_arn = acs:ram::1746000000000002:role/other\n");
    assert_eq!((e.line, e.column), (4, 12));
    assert!(
        e.message
            .contains("role_arn names role \"other\" but role_name is \"r\""),
        "{}",
        e.message
    );
}

#[test]
fn every_error_is_reported_and_good_profiles_survive() {
    let text = "\
stray = 1
[profile good-1]
account = acme
role_name = r

[profile bad]
account = ACME
role_name = bad_name
colour = red
color = #zzz

[profile good-2]
role_arn = acs:ram::1746000000000001:role/r

[profile GOOD-1]
account = acme
role_name = r
";
    let p = parsed(text);
    assert_eq!(
        p.profiles.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["good-1", "good-2"]
    );
    let got: Vec<_> = p
        .errors
        .iter()
        .map(|e| {
            (
                e.line,
                e.column,
                e.kind,
                e.profile.as_deref(),
                e.field.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, 1, InvalidValue, None, Some("stray")),
            (7, 11, InvalidValue, Some("bad"), Some("account")),
            (8, 16, InvalidValue, Some("bad"), Some("role_name")),
            (9, 1, Unsupported, Some("bad"), Some("colour")),
            (10, 10, InvalidValue, Some("bad"), Some("color")),
            (15, 10, InvalidValue, None, None),
        ]
    );
    assert!(p.errors[3].message.contains("did you mean color?"));
    assert!(p.errors[3].message_zh.contains("是否要写 color？"));
    assert!(p.errors.iter().all(|e| is_chinese(&e.message_zh)));
}

#[test]
fn positions_survive_a_byte_order_mark_and_crlf() {
    let e = only_error("\u{feff}[profile a b]\r\naccount = acme\r\nrole_name = r\r\n");
    assert_eq!((e.line, e.column), (1, 11));
    let e = only_error("[profile a]\r\naccount = acme\r\nrole_name = a_b\r\n");
    assert_eq!((e.line, e.column), (3, 14));
}

#[test]
fn two_thousand_profiles() {
    let mut text = String::new();
    for i in 0..2000 {
        let account = match i % 3 {
            0 => format!("team-{i}"),
            1 => format!("{:016}", 1746000000000000u64 + i),
            _ => format!("team-{i}.onaliyun.com"),
        };
        text.push_str(&format!(
            "# profile {i}\n[profile p{i:04}]\ndisplay_name = Team {i} production (read-only)\naccount = {account}\nrole_name = role-{}\ngroup = Group {}\ncolor = #{:06x}\nsite = {}\nnote = ask ops@team-{i} first; then write\n\n",
            i % 7,
            i % 40,
            (i * 7919) % 0xffffff,
            if i % 2 == 0 { "cn" } else { "intl" },
        ));
    }
    let p = parsed(&text);
    assert!(
        p.errors.is_empty(),
        "{:#?}",
        &p.errors[..p.errors.len().min(3)]
    );
    assert_eq!(p.profiles.len(), 2000);
    for (i, prof) in p.profiles.iter().enumerate() {
        assert_eq!(prof.id, format!("p{i:04}"));
        assert_eq!(prof.line, 2 + 10 * i);
        assert_eq!(
            prof.note.as_deref(),
            Some(format!("ask ops@team-{i} first; then write").as_str())
        );
    }
    assert_eq!(
        p.profiles[1].account_uid.as_deref(),
        Some("1746000000000001")
    );
    let again = parsed(&rolehop::profile::to_text(&p.profiles));
    assert!(again.errors.is_empty());
    assert_eq!(again.profiles.len(), 2000);
}

/// A hostile text of many short broken lines: at most `MAX_ERRORS` errors, the last one counting
/// the rest at the position of the first left out (the answer stays about the size of the text).
#[test]
fn errors_past_the_limit_are_counted_not_listed() {
    use rolehop::profile::MAX_ERRORS;
    let broken = 3 * MAX_ERRORS;
    let text = "acount = x\n".repeat(broken);
    let parsed = rolehop::profile::parse(&text, rolehop::profile::Site::Cn);
    assert_eq!(parsed.errors.len(), MAX_ERRORS);
    let last = parsed.errors.last().unwrap();
    assert_eq!((last.line, last.column), (MAX_ERRORS, 1));
    let more = broken - (MAX_ERRORS - 1);
    assert!(
        last.message.starts_with(&format!("{more} more errors")),
        "{}",
        last.message
    );
    assert!(last.message_zh.contains(&more.to_string()));
    // A text with fewer errors lists them all.
    let parsed = rolehop::profile::parse(
        &"acount = x\n".repeat(MAX_ERRORS),
        rolehop::profile::Site::Cn,
    );
    assert_eq!(parsed.errors.len(), MAX_ERRORS);
    assert!(!parsed
        .errors
        .last()
        .unwrap()
        .message
        .contains("more errors"));
}

/// `text` with `fix` applied (columns in characters, as the core counts them).
fn apply(text: &str, fix: &Fix) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let line = &mut lines[fix.line - 1];
    let chars: Vec<char> = line.chars().collect();
    let before: String = chars[..fix.column - 1].iter().collect();
    let after: String = chars[fix.end_column - 1..].iter().collect();
    *line = format!("{before}{}{after}", fix.replacement);
    lines.join("\n")
}

/// The one error of `text`, its fix, and the text once the fix is applied (which must parse
/// without errors: a fix is itself valid).
#[track_caller]
fn fixed(text: &str) -> (ProfileError, Fix, String) {
    let e = only_error(text);
    let fix = e
        .fix
        .clone()
        .unwrap_or_else(|| panic!("{text:?}: no fix in {e:#?}"));
    assert_eq!(fix.line, e.line, "{e:#?}");
    let after = apply(text, &fix);
    let p = parsed(&after);
    assert_eq!(p.errors, [], "{after:?}");
    (e, fix, after)
}

#[test]
fn a_misspelt_key_is_one_error_with_its_rename_as_the_fix() {
    // Not also "names no role": the misspelt key is the one cause.
    let (e, fix, after) = fixed("[profile a]\naccount = acme\nrolename = admin\n");
    assert_eq!(
        (
            e.line,
            e.column,
            e.kind,
            e.profile.as_deref(),
            e.field.as_deref()
        ),
        (3, 1, Unsupported, Some("a"), Some("rolename"))
    );
    assert!(
        e.message.contains("did you mean role_name?"),
        "{}",
        e.message
    );
    assert_eq!(
        (fix.column, fix.end_column, fix.replacement.as_str()),
        (1, 9, "role_name")
    );
    assert_eq!(after, "[profile a]\naccount = acme\nrole_name = admin\n");

    // Another tool's name for a key; role_arn names the account and the role: one error.
    let (e, fix, _) = fixed("[profile a]\n  ram_role_arn = acs:ram::1746000000000001:role/r\n");
    assert_eq!(
        (e.line, e.column, fix.column, fix.end_column),
        (2, 3, 3, 15)
    );
    assert_eq!(fix.replacement, "role_arn");
    let (_, fix, _) = fixed("[profile a]\nrole_name = r\nuid = 1746000000000001\n");
    assert_eq!(fix.replacement, "account");
    // Case and '-' for '_'; columns count characters (the value is not what is replaced).
    let (_, fix, _) = fixed("[profile a]\naccount = acme\nRole-Name = admin\n");
    assert_eq!((fix.column, fix.end_column), (1, 10));
    let (_, fix, after) = fixed("[profile a]\naccount = acme\nrole_name = r\ndisplayname = 中文\n");
    assert_eq!(fix.replacement, "display_name");
    assert!(after.ends_with("display_name = 中文\n"));
}

#[test]
fn a_rename_is_offered_only_when_it_is_certain_and_valid() {
    // The meant key is set already: renaming would be a second error. The message says so.
    let e = only_error("[profile a]\naccount = acme\nrole_name = r\ncolour = red\ncolor = blue\n");
    assert_eq!((e.line, e.fix), (4, None));
    assert!(
        e.message.contains("color is already set on line 5"),
        "{}",
        e.message
    );
    assert!(is_chinese(&e.message_zh));
    // Two unknown keys mean the same key: which one is meant is not certain.
    let p = parsed("[profile a]\naccount = acme\nrolename = r\nrole-name = r\n");
    assert_eq!(p.errors.len(), 2, "{:#?}", p.errors);
    assert!(p
        .errors
        .iter()
        .all(|e| e.fix.is_none() && e.kind == Unsupported));
    // The value would not pass under the meant key: no fix, and still one error.
    let e = only_error("[profile a]\naccount = acme\nrole = acs:ram::1746000000000001:role/r\n");
    assert!(
        e.message.contains("did you mean role_name?"),
        "{}",
        e.message
    );
    assert_eq!(e.fix, None);
    let e = only_error(&format!("[profile a]\n{OK}region = cn-hangzhou\n"));
    assert_eq!(e.fix, None);
    let (_, fix, _) = fixed(&format!("[profile a]\n{OK}region = intl\n"));
    assert_eq!(fix.replacement, "site");
    // Too far from any key to be sure (foo is three edits from note).
    let e = only_error(&format!("[profile a]\n{OK}foo = x\n"));
    assert_eq!(e.fix, None);
    // A key far from every key still suppresses nothing: the missing role is its own error.
    let p = parsed("[profile a]\naccount = acme\nxyzzy = 1\n");
    assert_eq!(
        p.errors
            .iter()
            .map(|e| (e.line, e.kind))
            .collect::<Vec<_>>(),
        [(1, MissingField), (3, Unsupported)]
    );
}

#[test]
fn a_value_in_the_wrong_form_has_its_certain_fix() {
    let (e, fix, after) = fixed(&format!("[profile a]\n{OK}site = CN\n"));
    assert_eq!((e.line, e.column, e.field.as_deref()), (4, 8, Some("site")));
    assert_eq!(
        (fix.column, fix.end_column, fix.replacement.as_str()),
        (8, 10, "cn")
    );
    assert!(after.contains("site = cn\n"));
    let (_, fix, _) = fixed("[profile a]\naccount = ACME\nrole_name = r\n");
    assert_eq!(
        (fix.column, fix.end_column, fix.replacement.as_str()),
        (11, 15, "acme")
    );
    let (e, fix, _) = fixed("[profile a]\naccount = Acme.onaliyun.com\nrole_name = r\n");
    assert!(
        e.message.contains("write \"acme.onaliyun.com\""),
        "{}",
        e.message
    );
    assert_eq!(fix.replacement, "acme.onaliyun.com");
    let (_, fix, _) = fixed(&format!("[profile a]\n{OK}color = grey ; a comment\n"));
    assert_eq!(
        (fix.column, fix.end_column, fix.replacement.as_str()),
        (9, 13, "gray")
    );

    // A suggestion is itself valid: "ACME--PROD" in lower case still has "--".
    let e = only_error("[profile a]\naccount = ACME--PROD\nrole_name = r\n");
    assert_eq!(e.fix, None);
    assert!(!e.message.contains("write"), "{}", e.message);
    // Not close enough to be sure, and a quoted value (its span is not the value's text).
    assert_eq!(
        only_error(&format!("[profile a]\n{OK}color = bleu\n")).fix,
        None
    );
    assert_eq!(
        only_error(&format!("[profile a]\n{OK}site = \"CN\"\n")).fix,
        None
    );
}
