//! The request context: condition keys (matched case-insensitively) and their values, with
//! buffers a batch reuses from one request to the next.

use super::condition::ContextValue;
use std::collections::HashMap;

/// Request context keys (matched case-insensitively) and their values. `clear` keeps the
/// buffers, so a batch reuses one context without allocating per request.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Storage: only the first `len` entries are in use; the rest keep their buffers.
    entries: Vec<Entry>,
    len: usize,
    /// Each key's position by its lower-cased spelling, kept while more than `INDEXED_KEYS`
    /// keys are in use (a request's few keys are found faster by a scan).
    index: HashMap<String, usize>,
}

const INDEXED_KEYS: usize = 16;

#[derive(Debug, Clone, Default)]
struct Entry {
    key: String,
    /// Only the first `used` values are in use.
    values: Vec<ContextValue>,
    used: usize,
}

impl Entry {
    fn values(&self) -> &[ContextValue] {
        self.values.get(..self.used).unwrap_or(&[])
    }
}

impl Context {
    /// Adds a key with its values (several values make a multi-valued key); a key given again
    /// (in any case) replaces the earlier one.
    pub fn insert(&mut self, key: &str, values: &[&str]) {
        self.insert_all(key, values.iter().copied());
    }

    /// `insert` from any iterator of values.
    pub fn insert_all<'v>(&mut self, key: &str, values: impl IntoIterator<Item = &'v str>) {
        let index = match self.position(key) {
            Some(i) => i,
            None => {
                if self.len == self.entries.len() {
                    self.entries.push(Entry::default());
                }
                self.len += 1;
                self.len - 1
            }
        };
        if self.len > INDEXED_KEYS {
            if self.index.is_empty() {
                let keys = self.entries.iter().take(self.len - 1).enumerate();
                self.index = keys.map(|(i, e)| (e.key.to_ascii_lowercase(), i)).collect();
            }
            self.index.entry(key.to_ascii_lowercase()).or_insert(index);
        }
        let Some(entry) = self.entries.get_mut(index) else {
            return;
        };
        entry.key.clear();
        entry.key.push_str(key);
        entry.used = 0;
        for value in values {
            match entry.values.get_mut(entry.used) {
                Some(slot) => slot.set(value),
                None => entry.values.push(ContextValue::new(value)),
            }
            entry.used += 1;
        }
    }

    /// Empties the context, keeping its buffers for the next request.
    pub fn clear(&mut self) {
        self.len = 0;
        self.index.clear();
    }

    fn in_use(&self) -> &[Entry] {
        self.entries.get(..self.len).unwrap_or(&[])
    }

    pub fn get(&self, key: &str) -> Option<&[ContextValue]> {
        self.position(key).and_then(|i| self.values_at(i))
    }

    /// The position of a key, for `values_at`.
    pub(super) fn position(&self, key: &str) -> Option<usize> {
        if self.len > INDEXED_KEYS {
            return self.index.get(&key.to_ascii_lowercase()).copied();
        }
        self.in_use()
            .iter()
            .position(|e| e.key.eq_ignore_ascii_case(key))
    }

    pub(super) fn values_at(&self, index: usize) -> Option<&[ContextValue]> {
        self.in_use().get(index).map(Entry::values)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.in_use().iter().map(|e| e.key.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cleared_context_is_empty_and_reusable() {
        let mut c = Context::default();
        c.insert("acs:SourceIp", &["10.0.0.1", "10.0.0.2"]);
        c.insert("oss:Prefix", &["a/"]);
        c.insert("ACS:SOURCEIP", &["192.0.2.1"]);
        assert_eq!(c.keys().count(), 2);
        assert_eq!(c.get("acs:sourceip").map(|v| v.len()), Some(1));
        assert_eq!(c.get("acs:SourceIp").unwrap()[0].text, "192.0.2.1");
        c.clear();
        assert_eq!(c.keys().count(), 0);
        assert!(c.get("oss:Prefix").is_none());
        c.insert("oss:Delimiter", &["/"]);
        assert_eq!(c.keys().collect::<Vec<_>>(), vec!["oss:Delimiter"]);
        assert_eq!(c.get("oss:delimiter").unwrap()[0].text, "/");
    }

    /// Past `INDEXED_KEYS` keys are found through the index: the same answers, a key given again
    /// in another case still replaces the earlier one, and a cleared context starts afresh.
    #[test]
    fn many_keys_are_indexed() {
        let mut c = Context::default();
        for round in 0..2 {
            for i in 0..40 {
                c.insert(&format!("k:Key{i}"), &[&format!("v{i}")]);
            }
            c.insert("K:KEY7", &["seven"]);
            assert_eq!(c.keys().count(), 40, "round {round}");
            assert_eq!(c.get("k:key7").unwrap()[0].text, "seven");
            assert_eq!(c.get("k:key39").unwrap()[0].text, "v39");
            assert!(c.get("k:key40").is_none());
            c.clear();
            assert!(c.get("k:key3").is_none());
        }
    }
}
