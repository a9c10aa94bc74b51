//! Wildcard patterns of Action, Resource and `StringLike`: `*` matches any run of characters
//! (also none), `?` exactly one character. Patterns are compiled once so that a decision costs no
//! allocation; actions match ASCII-case-insensitively, everything else exactly.
//!
//! Time is linear in the input and pattern (times m/64 for a piece with `?`, see `search`): short
//! ASCII inputs (ARNs, actions) take a scan tuned for them, whose cost is bounded by their
//! length; longer or non-ASCII inputs take the linear-time searches.

use super::search;

/// ASCII inputs up to this many bytes take the short-input scan; longer ones (and non-ASCII
/// ones) the linear-time matcher.
const SHORT_INPUT: usize = 128;

/// A compiled wildcard pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    shape: Shape,
    /// ASCII case folding: the pattern text is stored lower-cased and the input folded per byte.
    fold: bool,
    /// Byte pairs every matching input contains (see `Grams`).
    grams: Grams,
}

/// A 256-bit summary of the adjacent byte pairs of a text. A pattern's literal pairs (no wildcard
/// on either side) all occur in any input it matches, so a pattern whose pairs are not all in
/// the input's summary cannot match it: one comparison instead of running the pattern. Sound (a
/// hash collision only makes the test pass more often); used for resources, which are not
/// case-folded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Grams([u64; 4]);

impl Grams {
    #[inline(always)]
    fn add(&mut self, a: u8, b: u8) {
        let bit = (usize::from(a).wrapping_mul(31) + usize::from(b)) & 255;
        if let Some(word) = self.0.get_mut(bit / 64) {
            *word |= 1 << (bit % 64);
        }
    }

    /// The literal pairs of a pattern.
    fn required(pattern: &str) -> Grams {
        let mut grams = Grams::default();
        for pair in pattern.as_bytes().windows(2) {
            if let [a, b] = *pair {
                if !matches!(a, b'*' | b'?') && !matches!(b, b'*' | b'?') {
                    grams.add(a, b);
                }
            }
        }
        grams
    }

    /// Whether every pair of `required` may be in the summarised input.
    #[inline(always)]
    fn covers(&self, required: &Grams) -> bool {
        (0..4).all(|i| required.0[i] & !self.0[i] == 0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    /// `*`: matches everything.
    Any,
    /// No wildcard at all.
    Exact(Box<str>),
    /// `literal*`: the most common wildcard form (`oss:Get*`, `acs:oss:*:1:bucket/*`).
    Prefix(Box<str>),
    /// Anything else: the pieces between stars, for short ASCII input (see `Pieces`), and the
    /// whole pattern for the linear-time matcher (`matches_long`).
    General(Pieces, Box<str>),
}

/// `first * middle... * last`: each piece is literal text and `?` (one byte of ASCII input),
/// so each has a fixed length. `first` must match at the start and `last` at the end; the
/// middle pieces are taken leftmost, in order, which is optimal for fixed-length pieces. With no
/// star at all, `first` is the whole pattern and must match the whole input.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pieces {
    first: Piece,
    middle: Vec<Piece>,
    last: Piece,
    starred: bool,
}

/// A run of the pattern between stars; `literal` when it has no `?` (then plain comparisons and
/// substring search apply).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Piece {
    text: Box<str>,
    literal: bool,
}

impl Piece {
    fn new(text: &str) -> Piece {
        Piece {
            text: text.into(),
            literal: !text.contains('?'),
        }
    }

    #[inline(always)]
    fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the piece matches `input` (ASCII) at byte `at`. Compared from the end: resource
    /// ARNs share their heads (`acs:oss:*:<uid>:`) and differ in their tails, so mismatches show
    /// up sooner that way.
    ///
    /// Plain index loops rather than iterator chains: the wasm build optimises this crate for
    /// size, where iterator adaptors are not inlined.
    #[inline(always)]
    fn at(&self, input: &str, at: usize, fold: bool) -> bool {
        let piece = self.text.as_bytes();
        let Some(window) = input.as_bytes().get(at..at + piece.len()) else {
            return false;
        };
        let mut i = piece.len();
        while i > 0 {
            i -= 1;
            let (p, t) = (piece[i], window[i]);
            let same =
                p == t || (!self.literal && p == b'?') || (fold && p == t.to_ascii_lowercase());
            if !same {
                return false;
            }
        }
        true
    }

    /// The leftmost start at or after `from` where the piece fits before `end`: candidates are
    /// the places of the piece's first byte (from `marks` for `:` and `/`, else by a scan; the
    /// inputs are short ARNs, where a substring searcher's setup costs more than it saves), then
    /// a comparison at each.
    fn find(
        &self,
        input: &str,
        from: usize,
        end: usize,
        fold: bool,
        marks: Option<&Marks>,
    ) -> Option<usize> {
        let last_start = end.checked_sub(self.len())?;
        let lead = match self.text.as_bytes().first() {
            Some(&b) if b != b'?' && !(fold && b.is_ascii_alphabetic()) => b,
            _ => return (from..=last_start).find(|&i| self.at(input, i, fold)),
        };
        if let Some(words) = marks.and_then(|m| m.places(lead, from, last_start)) {
            for (w, mut bits) in words.into_iter().enumerate() {
                while bits != 0 {
                    let i = w * 64 + bits.trailing_zeros() as usize;
                    if self.at(input, i, fold) {
                        return Some(i);
                    }
                    bits &= bits - 1;
                }
            }
            return None;
        }
        let candidates = input.as_bytes().get(from..=last_start)?;
        let mut offset = 0;
        while let Some(k) = candidates.get(offset..)?.iter().position(|&b| b == lead) {
            let i = from + offset + k;
            if self.at(input, i, fold) {
                return Some(i);
            }
            offset += k + 1;
        }
        None
    }
}

/// Where `:` and `/` occur in an ASCII input of at most 128 bytes. Most pieces of an ARN pattern
/// start with one of them; computed once per request, these bit sets replace a scan per pattern.
/// Two 64-bit words each (not `u128`, whose shifts are library calls in wasm).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    colon: [u64; 2],
    slash: [u64; 2],
    grams: Grams,
}

impl Marks {
    /// `None` when the input is longer than 128 bytes or not ASCII.
    pub fn of(input: &str) -> Option<Marks> {
        if input.len() > 128 || !input.is_ascii() {
            return None;
        }
        let mut marks = Marks::default();
        let bytes = input.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let (word, bit) = (i / 64, 1u64 << (i % 64));
            match b {
                b':' => marks.colon[word] |= bit,
                b'/' => marks.slash[word] |= bit,
                _ => {}
            }
            if let Some(&next) = bytes.get(i + 1) {
                marks.grams.add(b, next);
            }
        }
        Some(marks)
    }

    /// The places of `lead` in `from..=last`, as two words (`None` for other bytes).
    fn places(&self, lead: u8, from: usize, last: usize) -> Option<[u64; 2]> {
        let set = match lead {
            b':' => self.colon,
            b'/' => self.slash,
            _ => return None,
        };
        Some([
            set[0] & range_mask(0, from, last),
            set[1] & range_mask(64, from, last),
        ])
    }
}

/// The bits of positions `base..base + 64` that lie in `from..=last`.
#[inline(always)]
fn range_mask(base: usize, from: usize, last: usize) -> u64 {
    if last < base || from >= base + 64 || from > last {
        return 0;
    }
    let low = from.saturating_sub(base);
    let high = (last - base).min(63);
    let upto = if high == 63 {
        u64::MAX
    } else {
        (1u64 << (high + 1)) - 1
    };
    upto & !((1u64 << low) - 1)
}

impl Pieces {
    fn new(pattern: &str) -> Pieces {
        let mut parts: Vec<Piece> = pattern.split('*').map(Piece::new).collect();
        let starred = parts.len() > 1;
        let last = if starred {
            parts.pop().unwrap_or_default()
        } else {
            Piece::default()
        };
        let first = if parts.is_empty() {
            Piece::default()
        } else {
            parts.remove(0)
        };
        let middle = parts.into_iter().filter(|p| !p.text.is_empty()).collect();
        Pieces {
            first,
            middle,
            last,
            starred,
        }
    }

    /// Matches ASCII `input`.
    #[inline(always)]
    fn matches(&self, input: &str, fold: bool, marks: Option<&Marks>) -> bool {
        if !self.starred {
            return input.len() == self.first.len() && self.first.at(input, 0, fold);
        }
        let (head, tail) = (self.first.len(), self.last.len());
        if input.len() < head + tail {
            return false;
        }
        // The tail first: it usually tells requests apart sooner than the shared head.
        let end = input.len() - tail;
        if !self.last.at(input, end, fold) || !self.first.at(input, 0, fold) {
            return false;
        }
        let mut at = head;
        for piece in &self.middle {
            match piece.find(input, at, end, fold, marks) {
                Some(i) => at = i + piece.len(),
                None => return false,
            }
        }
        true
    }
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
        let grams = Grams::required(&text);
        let wildcards = text.bytes().filter(|b| matches!(b, b'*' | b'?')).count();
        let shape = if text == "*" {
            Shape::Any
        } else if wildcards == 0 {
            Shape::Exact(text.into())
        } else if wildcards == 1 && text.ends_with('*') {
            Shape::Prefix(text[..text.len() - 1].into())
        } else {
            Shape::General(Pieces::new(&text), text.into())
        };
        Pattern { shape, fold, grams }
    }

    pub fn matches_everything(&self) -> bool {
        self.shape == Shape::Any
    }

    pub fn matches(&self, input: &str) -> bool {
        self.matches_known(input, input.is_ascii())
    }

    /// `matches` with `input.is_ascii()` already known (the simulator checks each request once
    /// instead of once per pattern).
    pub fn matches_known(&self, input: &str, ascii: bool) -> bool {
        self.run(input, ascii, self.fold, None)
    }

    /// `matches` for input the caller has already lower-cased (ASCII): a folded pattern then
    /// compares bytes plainly. The simulator lower-cases each request's action once.
    #[inline(always)]
    pub fn matches_lowercase(&self, lowercase_input: &str) -> bool {
        self.run(lowercase_input, true, false, None)
    }

    /// `matches` for ASCII input whose `Marks` the caller computed once.
    #[inline(always)]
    pub fn matches_marked(&self, input: &str, marks: &Marks) -> bool {
        if !self.fold && !marks.grams.covers(&self.grams) {
            return false;
        }
        self.run(input, true, self.fold, Some(marks))
    }

    fn run(&self, input: &str, ascii: bool, fold: bool, marks: Option<&Marks>) -> bool {
        match &self.shape {
            Shape::Any => true,
            Shape::Exact(lit) if fold => lit.eq_ignore_ascii_case(input),
            Shape::Exact(lit) => **lit == *input,
            Shape::Prefix(lit) => match input.as_bytes().get(..lit.len()) {
                Some(head) if fold => head.eq_ignore_ascii_case(lit.as_bytes()),
                Some(head) => head == lit.as_bytes(),
                None => false,
            },
            Shape::General(pieces, _) if ascii && input.len() <= SHORT_INPUT => {
                pieces.matches(input, fold, marks)
            }
            // One instance of the long-input matcher, over characters, for ASCII input too (the
            // wasm build pays for each instance in size).
            Shape::General(_, pat) => {
                let pattern: Vec<char> = pat.chars().collect();
                let text: Vec<char> = if fold {
                    input.chars().map(|c| c.to_ascii_lowercase()).collect()
                } else {
                    input.chars().collect()
                };
                matches_long(&pattern, '*', '?', &text)
            }
        }
    }
}

/// The pieces matcher over characters with the linear-time searches: the first piece at the
/// start, the last at the end, the middle ones leftmost in order (optimal for pieces of fixed
/// length, which pieces of characters and `?` are).
fn matches_long(pattern: &[char], star: char, any: char, text: &[char]) -> bool {
    let at = |piece: &[char], start: usize| {
        text.get(start..start + piece.len())
            .is_some_and(|window| piece.iter().zip(window).all(|(&p, &t)| p == t || p == any))
    };
    let mut pieces = pattern.split(|&c| c == star);
    let first = pieces.next().unwrap_or_default();
    let Some(last) = pieces.next_back() else {
        return text.len() == first.len() && at(first, 0);
    };
    if text.len() < first.len() + last.len() || !at(first, 0) || !at(last, text.len() - last.len())
    {
        return false;
    }
    let end = text.len() - last.len();
    let mut from = first.len();
    for piece in pieces.filter(|p| !p.is_empty()) {
        match search::find(piece, any, text, from, end) {
            Some(i) => from = i + piece.len(),
            None => return false,
        }
    }
    true
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition, by recursion over characters: slow and obviously right.
    pub(crate) fn reference(pat: &[char], text: &[char]) -> bool {
        match pat.split_first() {
            None => text.is_empty(),
            Some(('*', rest)) => (0..=text.len()).any(|k| reference(rest, &text[k..])),
            Some(('?', rest)) => !text.is_empty() && reference(rest, &text[1..]),
            Some((c, rest)) => text.first() == Some(c) && reference(rest, &text[1..]),
        }
    }

    /// The definition as a table over (pattern position, text position): for long inputs, where
    /// the recursion above takes exponential time.
    fn reference_table(pat: &[char], text: &[char]) -> bool {
        let mut can = vec![vec![false; text.len() + 1]; pat.len() + 1];
        can[pat.len()][text.len()] = true;
        for i in (0..pat.len()).rev() {
            for j in (0..=text.len()).rev() {
                can[i][j] = match pat[i] {
                    '*' => can[i + 1][j] || (j < text.len() && can[i][j + 1]),
                    '?' => j < text.len() && can[i + 1][j + 1],
                    c => j < text.len() && text[j] == c && can[i + 1][j + 1],
                };
            }
        }
        can[0][0]
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

        /// Lower-cased input with a folded pattern: the simulator's fast path for actions.
        #[test]
        fn lowercase_input_agrees(pat in "[aB*?]{0,8}", text in "[ab]{0,10}") {
            prop_assert_eq!(Pattern::folded(&pat).matches_lowercase(&text), Pattern::folded(&pat).matches(&text));
        }

        /// With precomputed separator marks, the answer is the same (inputs past 64 bytes use
        /// the second word).
        #[test]
        fn marks_agree(pat in "[abc:/*?]{0,10}", pad in 0usize..80, text in "[abc:/]{0,14}") {
            let text = format!("{}{text}", "a".repeat(pad));
            let marks = Marks::of(&text).unwrap();
            prop_assert_eq!(Pattern::new(&pat).matches_marked(&text, &marks), Pattern::new(&pat).matches(&text));
        }

        /// ASCII input takes the pieces matcher: it must agree with the definition too.
        #[test]
        fn pieces_agree_with_the_reference(pat in "[ab*?]{0,10}", text in "[ab]{0,14}") {
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

        /// Inputs past `SHORT_INPUT` bytes take the linear-time matcher: it agrees with the
        /// definition too (ASCII and folded).
        #[test]
        fn long_inputs_agree_with_the_reference(pat in "[ab*?]{0,10}", pad in 0usize..20, text in "[ab]{0,14}") {
            let text = format!("{}{text}", "ab".repeat(64 + pad));
            let p: Vec<char> = pat.chars().collect();
            let t: Vec<char> = text.chars().collect();
            prop_assert_eq!(Pattern::new(&pat).matches(&text), reference_table(&p, &t));
            let upper = text.to_ascii_uppercase();
            prop_assert_eq!(Pattern::folded(&pat).matches(&upper), reference_table(&p, &t));
        }

        /// The same for non-ASCII input with wildcards spanning multi-byte characters.
        #[test]
        fn long_non_ascii_inputs_agree(pat in "[aé中*?]{0,10}", pad in 0usize..10, text in "[aé中]{0,14}") {
            let text = format!("{}{text}", "é中a".repeat(30 + pad));
            let p: Vec<char> = pat.chars().collect();
            let t: Vec<char> = text.chars().collect();
            prop_assert_eq!(Pattern::new(&pat).matches(&text), reference_table(&p, &t));
        }
    }
}
