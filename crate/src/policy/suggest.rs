//! "Did you mean ...?": the closest known name to a misspelt one.

/// Levenshtein distance over characters, ASCII-case-insensitive.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// The known name closest to `name` within `max` edits (ties: the longer common prefix, then the
/// first in `known`). Names whose lengths differ by more than `max` are more than `max` edits
/// apart and are not compared: a very long name costs one count of its characters, not a
/// distance table per known name.
pub fn closest<'a, I>(name: &str, known: I, max: usize) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let length = name.chars().count();
    known
        .into_iter()
        .filter(|k| k.chars().count().abs_diff(length) <= max)
        .map(|k| (distance(name, k), k))
        .filter(|(d, _)| *d <= max)
        .min_by_key(|(d, k)| (*d, usize::MAX - common_prefix(name, k)))
        .map(|(_, k)| k)
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x.eq_ignore_ascii_case(y))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_nearest_name() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("Allow", "allow"), 0);
        assert_eq!(
            closest("StringEqual", ["StringEquals", "StringLike"], 2),
            Some("StringEquals")
        );
        assert_eq!(closest("Foo", ["StringEquals"], 2), None);
    }

    /// A name millions of characters long costs one count of its characters, not a distance
    /// table (millions of cells) per known name.
    #[test]
    fn long_names_are_not_compared() {
        let long = "GetObjectX".repeat(500_000);
        let known = crate::policy::services::OSS_ACTIONS;
        let start = std::time::Instant::now();
        assert_eq!(closest(&long, known.iter().copied(), 3), None);
        assert!(start.elapsed() < std::time::Duration::from_secs(30));
    }
}
