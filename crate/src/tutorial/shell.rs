//! aliyun CLI commands as POSIX shell text: `aliyun <product> <Api> --Param value ...`, every
//! value quoted so that the shell hands the CLI exactly the text (JSON documents included).

/// A value as one shell word: bare when it holds only characters no shell treats specially,
/// otherwise in single quotes (a `'` inside becomes `'\''`).
pub fn quote(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:@,+=%".contains(c));
    if plain {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// `aliyun ram CreateRole --RoleName admin-oss \` + one `--Param value` per line.
pub fn aliyun(product: &str, api: &str, params: &[(&str, &str)]) -> String {
    let mut out = format!("aliyun {product} {api}");
    let continued = params.len() > 1;
    for (name, value) in params {
        if continued {
            out.push_str(" \\\n  ");
        } else {
            out.push(' ');
        }
        out.push_str(&format!("--{name} {}", quote(value)));
    }
    out
}

/// A command line followed by a comment, e.g. what to run next.
pub fn comment(text: &str) -> String {
    text.lines()
        .map(|l| format!("# {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote("admin-oss"), "admin-oss");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("{\"a\": 1}"), "'{\"a\": 1}'");
        assert_eq!(quote("it's"), "'it'\\''s'");
        assert_eq!(quote("$HOME"), "'$HOME'");
    }

    #[test]
    fn commands() {
        assert_eq!(
            aliyun("ram", "GetRole", &[("RoleName", "admin-oss")]),
            "aliyun ram GetRole --RoleName admin-oss"
        );
        assert_eq!(
            aliyun("ram", "X", &[("A", "1"), ("B", "two words")]),
            "aliyun ram X \\\n  --A 1 \\\n  --B 'two words'"
        );
    }
}
