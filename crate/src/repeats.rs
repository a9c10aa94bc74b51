//! Finding a name given twice in a list in linear time on any input: a plain scan while the list
//! is short (no allocation for the usual handful of headers or parameters), a hash set past that
//! (a request with 100,000 names must not cost 10^10 comparisons).

use std::collections::HashSet;
use std::hash::Hash;

/// Lists up to this long are scanned; longer ones hashed.
const SCAN_UP_TO: usize = 16;

/// The index of the first item that is `same` as an earlier one. `key` must agree with `same`
/// (equal keys exactly when `same`): it is used instead of `same` on long lists.
pub fn first_repeat<'a, T, K: Hash + Eq>(
    items: &'a [T],
    same: impl Fn(&T, &T) -> bool,
    key: impl Fn(&'a T) -> K,
) -> Option<usize> {
    if items.len() <= SCAN_UP_TO {
        return (1..items.len())
            .find(|&i| items[..i].iter().any(|earlier| same(earlier, &items[i])));
    }
    let mut seen = HashSet::with_capacity(items.len());
    items.iter().position(|item| !seen.insert(key(item)))
}

#[cfg(test)]
mod tests {
    use super::first_repeat;

    fn repeat_of(names: &[String]) -> Option<usize> {
        first_repeat(
            names,
            |a, b| a.eq_ignore_ascii_case(b),
            |n| n.to_ascii_lowercase(),
        )
    }

    #[test]
    fn short_and_long_lists_agree() {
        for len in [0, 1, 2, 15, 16, 17, 100] {
            let mut names: Vec<String> = (0..len).map(|i| format!("x-oss-meta-{i}")).collect();
            assert_eq!(repeat_of(&names), None, "{len} distinct names");
            if len >= 2 {
                names.push(names[len / 2].to_ascii_uppercase());
                names.push(names[0].clone());
                assert_eq!(repeat_of(&names), Some(len), "{len} names, then a repeat");
            }
        }
    }

    #[test]
    fn many_names_are_linear() {
        let names: Vec<String> = (0..200_000).map(|i| format!("P{i}")).collect();
        assert_eq!(repeat_of(&names), None);
    }
}
