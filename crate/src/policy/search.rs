//! Where a piece of a wildcard pattern (literal symbols and `?`, which matches any one symbol)
//! first occurs in a long input, in time that does not multiply the two lengths: Knuth-Morris-
//! Pratt for literal pieces (O(n + m)), bit-parallel Shift-And for pieces with `?` (O(n * m / 64)
//! word operations, O(m) memory). Generic over bytes (ASCII input) and characters.
//!
//! The pattern matcher uses these for inputs longer than a short ARN; a plain scan with a
//! comparison at each candidate is faster there, but O(n * m) on inputs like `aaaa...ab`.

/// The leftmost `i` in `from..=end - piece.len()` where `piece` matches `text[i..]`; `any` is the
/// symbol that matches any one symbol.
pub fn find<T: Copy + Ord>(
    piece: &[T],
    any: T,
    text: &[T],
    from: usize,
    end: usize,
) -> Option<usize> {
    let window = text.get(from..end)?;
    if piece.len() > window.len() {
        return None;
    }
    let found = if piece.contains(&any) {
        shift_and(piece, any, window)
    } else {
        kmp(piece, window)
    };
    found.map(|i| from + i)
}

/// Knuth-Morris-Pratt: the leftmost occurrence of a literal `piece` in `text`.
fn kmp<T: Copy + Eq>(piece: &[T], text: &[T]) -> Option<usize> {
    let m = piece.len();
    if m == 0 {
        return Some(0);
    }
    // border[k]: length of the longest proper border of piece[..=k].
    let mut border = vec![0usize; m];
    let mut k = 0;
    for i in 1..m {
        while k > 0 && piece[i] != piece[k] {
            k = border[k - 1];
        }
        if piece[i] == piece[k] {
            k += 1;
        }
        border[i] = k;
    }
    let mut matched = 0;
    for (i, &t) in text.iter().enumerate() {
        while matched > 0 && t != piece[matched] {
            matched = border[matched - 1];
        }
        if t == piece[matched] {
            matched += 1;
        }
        if matched == m {
            return Some(i + 1 - m);
        }
    }
    None
}

/// Where a literal symbol occurs in the piece: as a bit mask when it occurs often, else as a list
/// of positions. Either costs at most one mask's length per input symbol, and all of them
/// together O(m) memory (a symbol gets a mask only if it occurs at least as often as the mask
/// has words).
enum Places {
    Mask(Vec<u64>),
    List(Vec<usize>),
}

/// Shift-And: bit `k` of the state says that `piece[..=k]` matches the text ending here.
fn shift_and<T: Copy + Ord>(piece: &[T], any: T, text: &[T]) -> Option<usize> {
    let m = piece.len();
    if m == 0 {
        return Some(0);
    }
    let words = m.div_ceil(64);
    let bit = |k: usize| (k / 64, 1u64 << (k % 64));
    let mut wild = vec![0u64; words];
    let mut positions: Vec<(T, usize)> = Vec::new();
    for (k, &p) in piece.iter().enumerate() {
        if p == any {
            let (w, b) = bit(k);
            wild[w] |= b;
        } else {
            positions.push((p, k));
        }
    }
    positions.sort_unstable();
    let mut symbols: Vec<(T, Places)> = Vec::new();
    for group in positions.chunk_by(|a, b| a.0 == b.0) {
        let places: Vec<usize> = group.iter().map(|&(_, k)| k).collect();
        let places = if places.len() >= words {
            let mut mask = vec![0u64; words];
            for k in places {
                let (w, b) = bit(k);
                mask[w] |= b;
            }
            Places::Mask(mask)
        } else {
            Places::List(places)
        };
        symbols.push((group[0].0, places));
    }
    let (last_word, last_bit) = bit(m - 1);
    let mut state = vec![0u64; words];
    let mut shifted = vec![0u64; words];
    for (i, t) in text.iter().enumerate() {
        // shifted = state << 1 | 1
        let mut carry = 1u64;
        for (s, &d) in shifted.iter_mut().zip(&state) {
            *s = d << 1 | carry;
            carry = d >> 63;
        }
        for ((d, &s), &w) in state.iter_mut().zip(&shifted).zip(&wild) {
            *d = s & w;
        }
        if let Ok(at) = symbols.binary_search_by(|(sym, _)| sym.cmp(t)) {
            match &symbols[at].1 {
                Places::Mask(mask) => {
                    for ((d, &s), &w) in state.iter_mut().zip(&shifted).zip(mask) {
                        *d |= s & w;
                    }
                }
                Places::List(places) => {
                    for &k in places {
                        let (w, b) = bit(k);
                        state[w] |= shifted[w] & b;
                    }
                }
            }
        }
        if state[last_word] & last_bit != 0 {
            return Some(i + 1 - m);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition: try every start.
    fn naive(piece: &[u8], text: &[u8], from: usize, end: usize) -> Option<usize> {
        let last = end.checked_sub(piece.len())?;
        (from..=last).find(|&i| {
            piece
                .iter()
                .zip(&text[i..])
                .all(|(&p, &t)| p == b'?' || p == t)
        })
    }

    #[test]
    fn finds_the_leftmost_occurrence() {
        assert_eq!(find(b"ab", b'?', b"xxabab", 0, 6), Some(2));
        assert_eq!(find(b"ab", b'?', b"xxabab", 3, 6), Some(4));
        assert_eq!(find(b"ab", b'?', b"xxabab", 3, 5), None);
        assert_eq!(find(b"a?b", b'?', b"aaxbab", 0, 6), Some(1));
        assert_eq!(find(&['é', '?'], '?', &['a', 'é', 'b'], 0, 3), Some(1));
        assert_eq!(find(b"", b'?', b"abc", 1, 3), Some(1));
    }

    #[test]
    fn long_pieces_with_many_words() {
        let piece: Vec<u8> = [vec![b'a'; 100], vec![b'?'], vec![b'a'; 100], vec![b'b']].concat();
        let mut text = vec![b'a'; 1000];
        assert_eq!(find(&piece, b'?', &text, 0, text.len()), None);
        text[700] = b'b';
        assert_eq!(find(&piece, b'?', &text, 0, text.len()), Some(700 - 201));
        let literal: Vec<u8> = [vec![b'a'; 150], vec![b'b']].concat();
        assert_eq!(find(&literal, b'?', &text, 0, text.len()), Some(700 - 150));
    }

    proptest! {
        #[test]
        fn agrees_with_the_definition(piece in "[ab?]{0,9}", text in "[ab]{0,40}", from in 0usize..40, cut in 0usize..40) {
            let end = text.len().saturating_sub(cut);
            let from = from.min(end);
            prop_assert_eq!(
                find(piece.as_bytes(), b'?', text.as_bytes(), from, end),
                naive(piece.as_bytes(), text.as_bytes(), from, end)
            );
        }

        /// Pieces longer than one word, where a symbol gets a mask or a list; the text holds
        /// one instance of the piece (its `?` filled in) after random symbols.
        #[test]
        fn agrees_on_long_pieces(piece in "[abc?]{60,140}", head in "[abc]{0,200}", fill in "[abc]") {
            let text = format!("{head}{}c", piece.replace('?', &fill));
            prop_assert_eq!(
                find(piece.as_bytes(), b'?', text.as_bytes(), 0, text.len()),
                naive(piece.as_bytes(), text.as_bytes(), 0, text.len())
            );
        }
    }
}
