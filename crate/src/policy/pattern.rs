//! Wildcard patterns of Action, Resource and `StringLike`: `*` matches any run of characters
//! (also none), `?` exactly one character. Patterns are compiled once so that a decision costs no
//! allocation; actions match ASCII-case-insensitively, everything else exactly.

/// A compiled wildcard pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    shape: Shape,
    /// ASCII case folding: the pattern text is stored lower-cased and the input folded per byte.
    fold: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    /// `*`: matches everything.
    Any,
    /// No wildcard at all.
    Exact(Box<str>),
    /// `literal*`: the most common wildcard form (`oss:Get*`, `acs:oss:*:1:bucket/*`).
    Prefix(Box<str>),
    /// Anything else, matched by the greedy star algorithm with backtracking.
    General(Box<str>),
}

impl Pattern {
    /// A pattern matched exactly (resources, `StringLike` values).
    pub fn new(text: &str) -> Pattern {
        Pattern::build(text, false)
    }

    /// A pattern matched ASCII-case-insensitively (actions).
    pub fn folded(text: &str) -> Pattern {
        Pattern::build(text, true)
    }

    fn build(text: &str, fold: bool) -> Pattern {
        let text = if fold {
            text.to_ascii_lowercase()
        } else {
            text.to_string()
        };
        let wildcards = text.bytes().filter(|b| matches!(b, b'*' | b'?')).count();
        let shape = if text == "*" {
            Shape::Any
        } else if wildcards == 0 {
            Shape::Exact(text.into())
        } else if wildcards == 1 && text.ends_with('*') {
            Shape::Prefix(text[..text.len() - 1].into())
        } else {
            Shape::General(text.into())
        };
        Pattern { shape, fold }
    }

    pub fn matches_everything(&self) -> bool {
        self.shape == Shape::Any
    }

    pub fn matches(&self, input: &str) -> bool {
        match &self.shape {
            Shape::Any => true,
            Shape::Exact(lit) => {
                if self.fold {
                    lit.eq_ignore_ascii_case(input)
                } else {
                    **lit == *input
                }
            }
            Shape::Prefix(lit) => match input.as_bytes().get(..lit.len()) {
                Some(head) if self.fold => head.eq_ignore_ascii_case(lit.as_bytes()),
                Some(head) => head == lit.as_bytes(),
                None => false,
            },
            Shape::General(pat) => glob(pat.as_bytes(), input.as_bytes(), self.fold),
        }
    }
}

/// Length of the UTF-8 character starting with `lead` (1 for a stray continuation byte, which
/// cannot occur at a character boundary of a `&str`).
fn char_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Greedy wildcard matching: on a mismatch, the last `*` absorbs one more character. Positions in
/// `text` stay on character boundaries, so `?` always consumes one whole character.
fn glob(pat: &[u8], text: &[u8], fold: bool) -> bool {
    let (mut p, mut t) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if let Some(&c) = pat.get(p) {
            if c == b'*' {
                star = Some((p + 1, t));
                p += 1;
                continue;
            }
            let here = text[t];
            if c == b'?' {
                p += 1;
                t += char_len(here);
                continue;
            }
            let here = if fold {
                here.to_ascii_lowercase()
            } else {
                here
            };
            if c == here {
                p += 1;
                t += 1;
                continue;
            }
        }
        match star {
            Some((after_star, start)) => {
                let next = start + text.get(start).map_or(1, |&b| char_len(b));
                star = Some((after_star, next));
                p = after_star;
                t = next;
            }
            None => return false,
        }
    }
    pat.get(p..)
        .is_some_and(|rest| rest.iter().all(|&c| c == b'*'))
}

/// Whether every string matched by pattern `narrow` is also matched by pattern `wide` (the
/// linter's "shadowed statement" test). Sound but not complete: `true` is always right; a few
/// exotic equivalent pairs such as `?*` and `*?` answer `false`.
pub fn covers(wide: &str, narrow: &str, fold: bool) -> bool {
    let norm = |s: &str| -> Vec<char> {
        if fold {
            s.to_ascii_lowercase().chars().collect()
        } else {
            s.chars().collect()
        }
    };
    let (a, b) = (norm(wide), norm(narrow));
    let width = b.len() + 1;
    // can[i * width + j]: a[i..] covers b[j..]; filled from the ends backwards.
    let mut can = vec![false; (a.len() + 1) * width];
    can[a.len() * width + b.len()] = true;
    for i in (0..a.len()).rev() {
        for j in (0..=b.len()).rev() {
            let next_b = b.get(j).copied();
            let diag = j < b.len() && can[(i + 1) * width + j + 1];
            can[i * width + j] = match a[i] {
                '*' => can[(i + 1) * width + j] || (j < b.len() && can[i * width + j + 1]),
                '?' => diag && next_b != Some('*'),
                c => diag && next_b == Some(c),
            };
        }
    }
    can[0]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition, by recursion over characters: slow and obviously right.
    fn reference(pat: &[char], text: &[char]) -> bool {
        match pat.split_first() {
            None => text.is_empty(),
            Some(('*', rest)) => (0..=text.len()).any(|k| reference(rest, &text[k..])),
            Some(('?', rest)) => !text.is_empty() && reference(rest, &text[1..]),
            Some((c, rest)) => text.first() == Some(c) && reference(rest, &text[1..]),
        }
    }

    #[test]
    fn matches_the_documented_forms() {
        assert!(Pattern::folded("oss:Get*").matches("OSS:GETOBJECT"));
        assert!(!Pattern::folded("oss:Get*").matches("oss:PutObject"));
        assert!(Pattern::folded("*").matches(""));
        assert!(Pattern::folded("sts:AssumeRole").matches("sts:assumerole"));
        assert!(Pattern::new("acs:oss:*:123:b/*").matches("acs:oss:*:123:b/a/b.txt"));
        assert!(!Pattern::new("acs:oss:*:123:b/*").matches("acs:oss:*:123:b"));
        assert!(!Pattern::new("acs:oss:*:123:B").matches("acs:oss:*:123:b"));
        assert!(Pattern::new("a?c").matches("aéc"));
        assert!(!Pattern::new("a?c").matches("ac"));
        assert!(Pattern::new("*a*b?").matches("xxaybz"));
        assert!(Pattern::new("**").matches("anything"));
        assert!(Pattern::new("").matches(""));
        assert!(!Pattern::new("").matches("x"));
    }

    #[test]
    fn subsumption_is_sound_on_examples() {
        assert!(covers("oss:*", "oss:Get*", true));
        assert!(covers("*", "anything?*", false));
        assert!(covers("oss:Get*", "oss:GetObject", true));
        assert!(covers("a?c", "abc", false));
        assert!(!covers("a?c", "a*c", false));
        assert!(!covers("oss:Get*", "oss:*", true));
        assert!(!covers("oss:GetObject", "oss:Get*", true));
        assert!(covers("acs:oss:*:1:b/*", "acs:oss:*:1:b/p/*", false));
    }

    proptest! {
        #[test]
        fn agrees_with_the_reference(
            pat in "[ab*?é]{0,8}",
            text in "[abé]{0,10}",
        ) {
            let p: Vec<char> = pat.chars().collect();
            let t: Vec<char> = text.chars().collect();
            prop_assert_eq!(Pattern::new(&pat).matches(&text), reference(&p, &t));
        }

        #[test]
        fn folding_ignores_ascii_case(pat in "[aB*?]{0,6}", text in "[AbaB]{0,8}") {
            let lower: Vec<char> = pat.to_ascii_lowercase().chars().collect();
            let t: Vec<char> = text.to_ascii_lowercase().chars().collect();
            prop_assert_eq!(Pattern::folded(&pat).matches(&text), reference(&lower, &t));
        }

        /// When `covers` says yes, every sampled string of the narrow pattern matches the wide one.
        #[test]
        fn covers_is_sound(wide in "[ab*?]{0,5}", narrow in "[ab*?]{0,5}", text in "[ab]{0,7}") {
            let n: Vec<char> = narrow.chars().collect();
            let w: Vec<char> = wide.chars().collect();
            let t: Vec<char> = text.chars().collect();
            if covers(&wide, &narrow, false) && reference(&n, &t) {
                prop_assert!(reference(&w, &t));
            }
        }
    }
}
