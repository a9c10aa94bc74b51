//! Percent-encoding as Alibaba Cloud signs it.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but the RFC 3986 unreserved characters `A-Z a-z 0-9 - _ . ~`.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// As [`UNRESERVED`] but keeping `/`: for OSS object paths.
const PATH: &AsciiSet = &UNRESERVED.remove(b'/');

/// The POP `percentEncode`: UTF-8 bytes, unreserved characters kept, every other byte `%XY`
/// (uppercase hex). Space is `%20`, `*` is `%2A`, `~` stays.
pub fn percent_encode(s: &str) -> String {
    utf8_percent_encode(s, UNRESERVED).to_string()
}

/// Appends `percent_encode(s)` to `out` without an intermediate allocation.
pub fn percent_encode_into(out: &mut String, s: &str) {
    for chunk in utf8_percent_encode(s, UNRESERVED) {
        out.push_str(chunk);
    }
}

/// Encodes an OSS object key for a URL path: as [`percent_encode`] but `/` stays.
pub fn encode_path(s: &str) -> String {
    utf8_percent_encode(s, PATH).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_characters() {
        assert_eq!(
            percent_encode(" +*~/?&=%'()!#"),
            "%20%2B%2A~%2F%3F%26%3D%25%27%28%29%21%23"
        );
        assert_eq!(percent_encode("中文-_.~aZ9"), "%E4%B8%AD%E6%96%87-_.~aZ9");
        assert_eq!(encode_path("a b/中"), "a%20b/%E4%B8%AD");
    }
}
