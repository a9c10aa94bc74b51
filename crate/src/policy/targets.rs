//! Compiled Action and Resource lists. Every distinct pattern of a simulator is compiled once
//! into a table shared by all statements, and each decision memoises a pattern's answer, so a
//! pattern repeated across statements (`*`, a bucket ARN, `oss:Get*`) is matched once per
//! request. Actions also pass a 64-bit prefilter before any pattern runs.

use super::model::Targets;
use super::pattern::{Marks, Pattern};
use std::collections::HashMap;

/// The distinct patterns of one kind: actions (ASCII-case-folded) or resources (exact).
#[derive(Debug, Clone, Default)]
pub struct PatternTable {
    fold: bool,
    /// Each pattern's id by its text (lower-cased when folded).
    ids: HashMap<String, u32>,
    patterns: Vec<Pattern>,
}

impl PatternTable {
    pub fn new(fold: bool) -> PatternTable {
        PatternTable {
            fold,
            ..PatternTable::default()
        }
    }

    fn len(&self) -> usize {
        self.patterns.len()
    }

    /// The id of `text`'s pattern, compiling it the first time.
    fn intern(&mut self, text: &str) -> u32 {
        let key = if self.fold {
            text.to_ascii_lowercase()
        } else {
            text.to_string()
        };
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.patterns.len() as u32;
        self.patterns.push(if self.fold {
            Pattern::folded(text)
        } else {
            Pattern::new(text)
        });
        self.ids.insert(key, id);
        id
    }
}

/// One request's view of a table: the input, prepared once, and the memoised answers.
pub struct Probe<'a> {
    pub input: &'a str,
    /// The input lower-cased (actions, when ASCII and short enough), for plain comparisons.
    pub lowercase: Option<&'a str>,
    pub ascii: bool,
    /// Separator places (resources, when ASCII and short enough).
    pub marks: Option<Marks>,
}

impl Probe<'_> {
    /// Runs one pattern with what was prepared.
    #[inline(always)]
    fn test(&self, pattern: &Pattern) -> bool {
        match (self.lowercase, &self.marks) {
            (Some(lower), _) => pattern.matches_lowercase(lower),
            (None, Some(marks)) => pattern.matches_marked(self.input, marks),
            (None, None) => pattern.matches_known(self.input, self.ascii),
        }
    }
}

/// Memoised answers, valid for one decision: each slot holds `generation << 1 | answer`, so a
/// new decision only bumps the generation instead of clearing every slot.
#[derive(Debug, Clone, Default)]
pub struct Memo {
    slots: Vec<u32>,
    generation: u32,
}

impl Memo {
    /// Starts a new decision against `table`.
    pub fn reset(&mut self, table: &PatternTable) {
        if self.slots.len() < table.len() {
            self.slots.resize(table.len(), 0);
        }
        self.generation += 1;
        if self.generation >= u32::MAX >> 1 {
            // After two billion decisions: start over rather than wrap into stale answers.
            self.slots.iter_mut().for_each(|s| *s = 0);
            self.generation = 1;
        }
    }

    #[inline(always)]
    fn get(&self, id: usize) -> Option<bool> {
        let slot = *self.slots.get(id)?;
        (slot >> 1 == self.generation).then_some(slot & 1 == 1)
    }

    #[inline(always)]
    fn set(&mut self, id: usize, answer: bool) {
        let generation = self.generation;
        if let Some(slot) = self.slots.get_mut(id) {
            *slot = generation << 1 | u32::from(answer);
        }
    }
}

/// An Action/NotAction or Resource/NotResource list, as pattern ids.
#[derive(Debug, Clone)]
pub struct Matcher {
    not: bool,
    everything: bool,
    ids: Vec<u32>,
}

impl Matcher {
    pub fn new(targets: &Targets, table: &mut PatternTable) -> Matcher {
        let ids: Vec<u32> = targets.values.iter().map(|v| table.intern(v)).collect();
        Matcher {
            not: targets.not,
            everything: targets.values.iter().any(|v| v == "*"),
            ids,
        }
    }

    pub fn matches(&self, table: &PatternTable, memo: &mut Memo, probe: &Probe<'_>) -> bool {
        let mut listed = self.everything;
        // A plain loop: the wasm build optimises this crate for size, where closures passed to
        // iterator adaptors are not inlined.
        for &id in &self.ids {
            if listed {
                break;
            }
            let id = id as usize;
            listed = match memo.get(id) {
                Some(answer) => answer,
                None => {
                    let hit = match table.patterns.get(id) {
                        Some(p) => probe.test(p),
                        None => false,
                    };
                    memo.set(id, hit);
                    hit
                }
            };
        }
        listed != self.not
    }
}

/// Statements a cached action answer can cover (four 64-bit words).
pub const CACHED_STATEMENTS: usize = 256;

/// Which statements' Action lists match an action, for the last few distinct actions a trace saw:
/// a batch repeats a handful of actions, so each is matched against the Action lists once. Keyed
/// by the simulator's id, so a trace reused with another simulator starts afresh.
#[derive(Debug, Clone, Default)]
pub struct ActionCache {
    owner: u64,
    entries: Vec<(String, [u64; 4])>,
    next: usize,
}

impl ActionCache {
    const CAPACITY: usize = 16;

    pub fn lookup(&mut self, owner: u64, lowercase_action: &str) -> Option<[u64; 4]> {
        if self.owner != owner {
            self.entries.clear();
            self.owner = owner;
        }
        self.entries
            .iter()
            .find(|(a, _)| a == lowercase_action)
            .map(|(_, bits)| *bits)
    }

    pub fn store(&mut self, lowercase_action: &str, bits: [u64; 4]) {
        if self.entries.len() < Self::CAPACITY {
            self.entries.push((lowercase_action.to_string(), bits));
        } else if let Some(slot) = self.entries.get_mut(self.next) {
            slot.0.clear();
            slot.0.push_str(lowercase_action);
            slot.1 = bits;
            self.next = (self.next + 1) % Self::CAPACITY;
        }
    }
}

/// Whether bit `index` is set in a cached answer.
#[inline(always)]
pub fn bit(bits: &[u64; 4], index: usize) -> bool {
    bits.get(index / 64)
        .is_some_and(|w| w >> (index % 64) & 1 == 1)
}

/// Action prefilter: 64 buckets, 8 per service (by a hash of the service code) times 8 by the
/// first letter of the action name, both ASCII-case-insensitive. A request falls in one bucket; a
/// pattern sets every bucket it could match, so a clear bit proves no match.
fn bucket(service: &[u8], first: u8) -> u64 {
    let hash = service.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3)
    });
    let row = (hash % 8) as u32;
    1u64 << (row * 8 + u32::from(first.to_ascii_lowercase() % 8))
}

/// The one bucket of a request's action (every bucket when it is not `service:name`).
pub fn request_bits(action: &str) -> u64 {
    match action.split_once(':') {
        Some((service, name)) => bucket(service.as_bytes(), name.bytes().next().unwrap_or(0)),
        None => u64::MAX,
    }
}

/// The buckets an Action list can match (every bucket for NotAction).
pub fn statement_bits(targets: &Targets) -> u64 {
    if targets.not {
        return u64::MAX;
    }
    targets
        .values
        .iter()
        .fold(0, |mask, a| mask | pattern_bits(a))
}

fn pattern_bits(pattern: &str) -> u64 {
    let Some((service, name)) = pattern.split_once(':') else {
        return u64::MAX; // `*`
    };
    if service.contains(['*', '?']) {
        return u64::MAX;
    }
    match name.bytes().next() {
        Some(b'*' | b'?') => (0..8u8).fold(0, |m, c| m | bucket(service.as_bytes(), c)),
        first => bucket(service.as_bytes(), first.unwrap_or(0)),
    }
}

/// Actions up to this length are lower-cased once per decision into a stack buffer.
pub const ACTION_BUFFER: usize = 128;

/// The ASCII lower-case form of `text` in `buffer`, or `None` when it does not fit or is not
/// ASCII (then patterns fold case byte by byte).
pub fn lowercase_into<'b>(text: &str, buffer: &'b mut [u8; ACTION_BUFFER]) -> Option<&'b str> {
    if !text.is_ascii() {
        return None;
    }
    let out = buffer.get_mut(..text.len())?;
    for (o, b) in out.iter_mut().zip(text.bytes()) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_action_prefilter_never_hides_a_match() {
        let patterns = [
            "*",
            "oss:*",
            "oss:Get*",
            "OSS:getobject",
            "oss:?etObject",
            "*:GetObject",
            "sts:AssumeRole",
            "oss:",
            "o?s:Get*",
        ];
        let actions = [
            "oss:GetObject",
            "OSS:GETOBJECT",
            "oss:PutObject",
            "sts:AssumeRole",
            "ram:GetRole",
            "oss:",
            "nocolon",
            "oss:9",
        ];
        for p in patterns {
            for a in actions {
                if Pattern::folded(p).matches(a) {
                    assert_ne!(pattern_bits(p) & request_bits(a), 0, "{p} vs {a}");
                }
            }
        }
        assert_eq!(pattern_bits("oss:Get*") & request_bits("oss:PutObject"), 0);
    }

    #[test]
    fn repeated_patterns_share_one_entry_and_one_answer() {
        let mut table = PatternTable::new(true);
        let a = Matcher::new(
            &Targets::new(false, &["oss:Get*", "sts:AssumeRole"]),
            &mut table,
        );
        let b = Matcher::new(&Targets::new(false, &["OSS:get*"]), &mut table);
        assert_eq!(table.len(), 2);
        let mut memo = Memo::default();
        memo.reset(&table);
        let probe = Probe {
            input: "oss:GetObject",
            lowercase: Some("oss:getobject"),
            ascii: true,
            marks: None,
        };
        assert!(a.matches(&table, &mut memo, &probe));
        assert_eq!((memo.get(0), memo.get(1)), (Some(true), None));
        assert!(b.matches(&table, &mut memo, &probe));
        let not = Matcher::new(&Targets::new(true, &["oss:Get*"]), &mut table);
        assert!(!not.matches(&table, &mut memo, &probe));
        memo.reset(&table);
        assert_eq!(memo.get(0), None, "a new decision forgets the answers");
    }

    #[test]
    fn lowercasing_fits_or_declines() {
        let mut buffer = [0u8; ACTION_BUFFER];
        assert_eq!(
            lowercase_into("OSS:GetObject", &mut buffer),
            Some("oss:getobject")
        );
        assert_eq!(lowercase_into("oss:é", &mut buffer), None);
        assert_eq!(lowercase_into(&"a".repeat(200), &mut buffer), None);
    }
}
