//! JSON paths such as `$.Statement[0].Condition.StringLike["oss:Prefix"]`: built while reading
//! and checking a policy, shown in every error and finding, and resolved back to a line:column.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Path {
    segs: Vec<Seg>,
}

impl Path {
    /// `$`, the whole document.
    pub fn root() -> Path {
        Path::default()
    }

    pub fn segments(&self) -> &[Seg] {
        &self.segs
    }

    /// A new path one key below this one.
    pub fn key(&self, name: &str) -> Path {
        let mut p = self.clone();
        p.push_key(name);
        p
    }

    /// A new path one array index below this one.
    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.push_index(i);
        p
    }

    pub fn push_key(&mut self, name: &str) {
        self.segs.push(Seg::Key(name.to_string()));
    }

    pub fn push_index(&mut self, i: usize) {
        self.segs.push(Seg::Index(i));
    }

    pub fn pop(&mut self) {
        self.segs.pop();
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for seg in &self.segs {
            match seg {
                Seg::Index(i) => write!(f, "[{i}]")?,
                Seg::Key(k) if is_plain(k) => write!(f, ".{k}")?,
                Seg::Key(k) => write!(f, "[{}]", serde_json::Value::String(k.clone()))?,
            }
        }
        Ok(())
    }
}

/// Same rule as the contract's `child_path`: identifiers print bare, anything else quoted.
fn is_plain(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_keys_indices_and_quoted_keys() {
        let p = Path::root()
            .key("Statement")
            .index(2)
            .key("Condition")
            .key("StringLike")
            .key("oss:Prefix");
        assert_eq!(
            p.to_string(),
            r#"$.Statement[2].Condition.StringLike["oss:Prefix"]"#
        );
        assert_eq!(Path::root().to_string(), "$");
    }
}
