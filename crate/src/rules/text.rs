//! Text rules as data: the allowed ASCII characters and a length. The core's predicates read them,
//! and `crate/tests/rules_js.rs` writes the same rules into the extension's `shared/rules.js` (ES
//! module) and `content/rules.js` (content scripts), so that no rule is copied by hand.

/// A rule for a name or id: every character from `class`, `min..=max` characters, and none of
/// `not_at_edges` first or last.
#[derive(Debug, Clone, Copy)]
pub struct TextRule {
    /// What the extension's generated modules call it (`UID`, `ROLE_NAME`, ...).
    pub name: &'static str,
    /// The allowed characters as the body of a regular-expression class, ASCII only: ranges
    /// (`a-z`) and single characters; a `-` is literal at the end.
    pub class: &'static str,
    pub min: usize,
    pub max: usize,
    /// Characters allowed inside but not as the first or last one (a bucket name's `-`).
    pub not_at_edges: &'static str,
    /// What the rule says, for the generated modules' comments.
    pub doc: &'static str,
    allowed: u128,
}

impl TextRule {
    pub const fn new(
        name: &'static str,
        doc: &'static str,
        class: &'static str,
        min: usize,
        max: usize,
    ) -> TextRule {
        TextRule {
            name,
            class,
            min,
            max,
            not_at_edges: "",
            doc,
            allowed: class_bits(class.as_bytes()),
        }
    }

    pub const fn not_at_edges(self, chars: &'static str) -> TextRule {
        TextRule {
            not_at_edges: chars,
            ..self
        }
    }

    /// Whether `c` may appear in the text.
    pub fn allows(&self, c: char) -> bool {
        (c as u32) < 128 && (self.allowed >> (c as u32)) & 1 == 1
    }

    /// Whether `text` follows the rule. Every allowed character is ASCII, so bytes count
    /// characters.
    pub fn matches(&self, text: &str) -> bool {
        (self.min..=self.max).contains(&text.len())
            && text.chars().all(|c| self.allows(c))
            && !text.starts_with(|c| self.at_edge_refused(c))
            && !text.ends_with(|c| self.at_edge_refused(c))
    }

    /// Whether `c` may not start or end the text. Compared character by character: `str::contains`
    /// of a non-ASCII `char` searches for its UTF-8 text, which links the substring searcher
    /// (3 KB) into the popup's wasm.
    fn at_edge_refused(&self, c: char) -> bool {
        self.not_at_edges.chars().any(|edge| edge == c)
    }

    /// The rule as a JavaScript regular expression literal.
    pub fn js_regex(&self) -> String {
        let count = if self.min == self.max {
            format!("{{{}}}", self.min)
        } else {
            format!("{{{},{}}}", self.min, self.max)
        };
        let body = format!("[{}]{count}", self.class);
        if self.not_at_edges.is_empty() {
            format!("/^{body}$/")
        } else {
            let edges = format!("[{}]", self.not_at_edges);
            format!("/^(?!{edges}){body}(?<!{edges})$/")
        }
    }
}

/// The set of ASCII characters a class body names, as bits.
const fn class_bits(class: &[u8]) -> u128 {
    let mut bits = 0u128;
    let mut i = 0;
    while i < class.len() {
        if i + 2 < class.len() && class[i + 1] == b'-' {
            let mut c = class[i];
            while c <= class[i + 2] {
                bits |= 1 << c;
                c += 1;
            }
            i += 3;
        } else {
            bits |= 1 << class[i];
            i += 1;
        }
    }
    bits
}

/// An account UID.
pub const UID: TextRule = TextRule::new("UID", "An account UID: 16 digits.", "0-9", 16, 16);

/// A RAM role name (`CreateRole`'s `RoleName`).
pub const ROLE_NAME: TextRule = TextRule::new(
    "ROLE_NAME",
    "A RAM role name: 1-64 letters, digits, `.` and `-`.",
    "A-Za-z0-9.-",
    1,
    64,
);

/// A RAM user name (`CreateUser`'s `UserName`).
pub const USER_NAME: TextRule = TextRule::new(
    "USER_NAME",
    "A RAM user name: 1-64 letters, digits, `.`, `_`, `@` and `-`.",
    "A-Za-z0-9._@-",
    1,
    64,
);

/// The one-use marker of a switch RoleHop started.
pub const MARKER: TextRule = TextRule::new(
    "MARKER",
    "The one-use marker of a switch RoleHop started: 8-64 letters, digits, `_` and `-`.",
    "A-Za-z0-9_-",
    8,
    64,
);

/// An OSS bucket name.
pub const BUCKET: TextRule = TextRule::new(
    "BUCKET",
    "An OSS bucket name: 3-63 lowercase letters, digits and `-`, starting and ending with a letter or digit.",
    "a-z0-9-",
    3,
    63,
)
.not_at_edges("-");

/// Every rule the extension gets, in the order the generated modules list them.
pub const ALL: [TextRule; 5] = [UID, ROLE_NAME, USER_NAME, MARKER, BUCKET];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_read_as_regular_expressions_read_them() {
        assert!(ROLE_NAME.allows('.') && ROLE_NAME.allows('-') && ROLE_NAME.allows('Z'));
        assert!(!ROLE_NAME.allows('_') && !ROLE_NAME.allows('/') && !ROLE_NAME.allows('é'));
        assert!(MARKER.allows('_') && MARKER.allows('-') && !MARKER.allows('.'));
        assert!(USER_NAME.allows('@') && USER_NAME.allows('_'));
        assert!(UID.allows('0') && UID.allows('9') && !UID.allows('a'));
    }

    #[test]
    fn edges_and_lengths() {
        assert!(BUCKET.matches("a-b") && !BUCKET.matches("-ab") && !BUCKET.matches("ab-"));
        assert!(
            !BUCKET.matches("ab")
                && BUCKET.matches(&"a".repeat(63))
                && !BUCKET.matches(&"a".repeat(64))
        );
        assert_eq!(BUCKET.js_regex(), "/^(?![-])[a-z0-9-]{3,63}(?<![-])$/");
        assert_eq!(UID.js_regex(), "/^[0-9]{16}$/");
    }
}
