//! Containment of wildcard patterns: whether every string one pattern matches is matched by
//! another (the linter's shadowed statements), with a work budget. Apart from matching, which
//! it uses only to test a literal against a pattern.

use super::pattern::Pattern;
use std::cell::OnceCell;

/// Whether every string matched by pattern `narrow` is also matched by pattern `wide` (the
/// linter's "shadowed statement" test). Sound but not complete: `true` is always right; a few
/// exotic equivalent pairs such as `?*` and `*?` answer `false`.
pub fn covers(wide: &str, narrow: &str, fold: bool) -> bool {
    let mut unlimited = u64::MAX;
    let (wide, narrow) = (Prepared::new(wide, fold), Prepared::new(narrow, fold));
    covers_within(&wide, &narrow, &mut unlimited) == Some(true)
}

/// A pattern prepared once for many containment tests: folded, measured, cut into what
/// `cannot_cover` reads, and compiled when first matched against a literal.
#[derive(Debug)]
pub struct Prepared {
    text: String,
    /// Characters plus one (the containment table's side).
    size: u64,
    wild: bool,
    /// As the wide side: the literal head (before the first wildcard), tail (after the last)
    /// and every literal run between wildcards.
    head: usize,
    tail: usize,
    runs: Vec<(usize, usize)>,
    /// As the narrow side: the texts between its `?`s with every `*` removed.
    texts: Vec<String>,
    pattern: OnceCell<Pattern>,
}

impl Prepared {
    pub fn new(text: &str, fold: bool) -> Prepared {
        let text = if fold {
            text.to_ascii_lowercase()
        } else {
            text.to_string()
        };
        let is_wild = |c: char| c == '*' || c == '?';
        let mut runs = Vec::new();
        let mut start = 0;
        for (i, _) in text.char_indices().filter(|&(_, c)| is_wild(c)) {
            if i > start {
                runs.push((start, i));
            }
            start = i + 1;
        }
        if text.len() > start {
            runs.push((start, text.len()));
        }
        Prepared {
            size: text.chars().count() as u64 + 1,
            wild: text.contains(is_wild),
            head: text.find(is_wild).unwrap_or(text.len()),
            tail: text.rfind(is_wild).map_or(0, |i| i + 1),
            runs,
            texts: text.split('?').map(|t| t.replace('*', "")).collect(),
            pattern: OnceCell::new(),
            text,
        }
    }
}

/// `covers`, charged to `budget` in units of about one cell of the containment table: a pair
/// where either side has no wildcard costs about the two lengths (one comparison, or one match
/// in linear time), any other pair the necessary conditions of `cannot_cover` and, when they do
/// not decide, the product of the lengths. `None` when the budget runs out.
pub fn covers_within(wide: &Prepared, narrow: &Prepared, budget: &mut u64) -> Option<bool> {
    let (w, n) = (wide.size, narrow.size);
    let mut charge = |units: u64| -> Option<()> {
        *budget = budget.checked_sub(units)?;
        Some(())
    };
    if !wide.wild {
        // A literal covers only itself.
        charge(w.min(n))?;
        return Some(wide.text == narrow.text);
    }
    if !narrow.wild {
        // A literal is covered when the wide pattern matches it (the matcher's cost: linear,
        // times m/64 for pieces with `?`).
        let words = if wide.text.contains('?') {
            w.min(n) / 64 + 1
        } else {
            1
        };
        charge(w + 2 * n * words)?;
        let pattern = wide.pattern.get_or_init(|| Pattern::new(&wide.text));
        return Some(pattern.matches(&narrow.text));
    }
    charge(w + n)?;
    if cannot_cover(wide, narrow, &mut charge)? {
        return Some(false);
    }
    charge(w.saturating_mul(n))?;
    Some(contains_patterns(&wide.text, &narrow.text))
}

/// Necessary conditions for `wide` to cover `narrow` (both with wildcards), each linear and
/// charged; `Some(true)` when one fails. Every string `wide` matches starts with its literal head, ends with its
/// literal tail and contains each of its literal runs. `narrow` matches strings where a wildcard
/// supplies any symbol right after its own literal head (so that head must extend wide's), and
/// likewise before its tail; and the string with each `*` empty and each `?` a symbol outside a
/// given run, which holds that run only inside one of `narrow`'s texts between `?`s.
fn cannot_cover(
    wide: &Prepared,
    narrow: &Prepared,
    charge: &mut impl FnMut(u64) -> Option<()>,
) -> Option<bool> {
    let (w, n) = (&wide.text, &narrow.text);
    if !n[..narrow.head].starts_with(&w[..wide.head])
        || !n[narrow.tail..].ends_with(&w[wide.tail..])
    {
        return Some(true);
    }
    let texts = narrow.texts.len() as u64;
    for &(start, end) in &wide.runs {
        let run = &w[start..end];
        // Each search is linear in the text and the run.
        charge(narrow.size + texts * run.len() as u64)?;
        if !narrow.texts.iter().any(|t| t.contains(run)) {
            return Some(true);
        }
    }
    Some(false)
}

/// Containment of two patterns with wildcards in linear space: row `i` of the table says, for
/// each `j`, whether `a[i..]` covers `b[j..]`; it is computed from row `i + 1` alone. The rows
/// are written with iterators (no bounds checks), which the size-optimised wasm build needs to
/// keep a cell to a few instructions.
fn contains_patterns(wide: &str, narrow: &str) -> bool {
    let b: Vec<char> = narrow.chars().collect();
    let n = b.len();
    // Row a.len(): the empty rest of `a` covers only the empty rest of `b`.
    let mut below: Vec<bool> = (0..=n).map(|j| j == n).collect();
    let mut row = vec![false; n + 1];
    for c in wide.chars().rev() {
        match c {
            // `*` covers b[j..] when it stops here or goes on: any later cell of the row below.
            '*' => {
                let mut any = false;
                for (cell, &under) in row.iter_mut().zip(&below).rev() {
                    any |= under;
                    *cell = any;
                }
            }
            // `?` covers one symbol of `b` that is not `*`; a literal only itself.
            c => {
                for ((cell, &diagonal), &next) in row.iter_mut().zip(&below[1..]).zip(&b) {
                    *cell = diagonal && if c == '?' { next != '*' } else { next == c };
                }
                row[n] = false;
            }
        }
        std::mem::swap(&mut row, &mut below);
    }
    below[0]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::pattern::tests::reference;
    use proptest::prelude::*;

    /// The containment table as it was first written (the whole table in memory): the
    /// linear-space version, with its shortcuts, must answer exactly the same.
    fn table_covers(wide: &str, narrow: &str, fold: bool) -> bool {
        let norm = |s: &str| -> Vec<char> {
            if fold {
                s.to_ascii_lowercase().chars().collect()
            } else {
                s.chars().collect()
            }
        };
        let (a, b) = (norm(wide), norm(narrow));
        let width = b.len() + 1;
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

    /// A budget too small for a pair answers `None`; a large one answers as `covers` does.
    #[test]
    fn the_budget_bounds_the_work() {
        let (wide, narrow) = (
            Prepared::new(&"*a?".repeat(1000), false),
            Prepared::new(&"*a?".repeat(999), false),
        );
        let mut small = 100_000;
        assert_eq!(covers_within(&wide, &narrow, &mut small), None);
        let mut enough = 20_000_000;
        let answer = covers_within(&wide, &narrow, &mut enough);
        assert_eq!(
            answer,
            Some(table_covers(&"*a?".repeat(1000), &"*a?".repeat(999), false))
        );
        assert!(enough < 20_000_000 - 1000 * 1000, "the table was charged");
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
        /// `covers` (linear space, literal shortcuts, necessary conditions) answers exactly as the
        /// whole table does, so the linter's findings are unchanged.
        #[test]
        fn covers_agrees_with_the_table(wide in "[aBé:*?]{0,7}", narrow in "[abé:*?]{0,7}", fold in proptest::bool::ANY) {
            prop_assert_eq!(covers(&wide, &narrow, fold), table_covers(&wide, &narrow, fold));
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
