//! A small JSON reader that keeps where every value and key starts (1-based line and column,
//! columns counted in characters). serde_json's `Value` loses positions; policy errors must point
//! at the text the user wrote. Duplicate keys are an error here, as they are for RAM.

use super::path::Path;
use crate::error::{Error, ErrorKind};
use crate::message::PolicyMessage;
use std::collections::HashMap;

/// Nesting deeper than this is refused: a policy is a few levels deep, and the limit keeps the
/// reader's recursion bounded on hostile input.
const MAX_DEPTH: usize = 64;

/// Objects with at least this many keys check duplicates through an index instead of a scan.
const INDEXED_KEYS: usize = 16;

/// A 1-based position in the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// A JSON value and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Json,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number's literal text, already checked against the JSON grammar.
    Number(String),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

/// One `"key": value` of an object, in source order.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_pos: Pos,
    pub value: Node,
}

impl Node {
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// The value at a path below this node (object keys and array indices).
    pub fn find(&self, path: &Path) -> Option<&Node> {
        let mut node = self;
        for seg in path.segments() {
            node = match (&node.value, seg) {
                (Json::Object(members), super::path::Seg::Key(k)) => {
                    &members.iter().find(|m| &m.key == k)?.value
                }
                (Json::Array(items), super::path::Seg::Index(i)) => items.get(*i)?,
                _ => return None,
            };
        }
        Some(node)
    }
}

/// Why a text is not JSON: what was expected, the path of the enclosing value, and the line and
/// column of the offending character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Boxed: the reader's results stay small on the happy path.
    pub message: Box<PolicyMessage>,
    pub path: Path,
    pub pos: Pos,
}

impl SyntaxError {
    /// The core's `invalid-json` error.
    pub fn to_error(&self) -> Error {
        Error::said(ErrorKind::InvalidJson, (*self.message).clone())
            .at(self.path.to_string())
            .at_position(self.pos.line, self.pos.column)
    }
}

type Result<T> = std::result::Result<T, SyntaxError>;

/// Reads one JSON document.
pub fn read(text: &str) -> Result<Node> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        at: 0,
        line: 1,
        column: 1,
        path: Path::root(),
    };
    reader.skip_ws();
    let node = reader.value(0)?;
    reader.skip_ws();
    if reader.at < reader.bytes.len() {
        return Err(reader.error(|found| PolicyMessage::JsonTrailing { found }));
    }
    Ok(node)
}

struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    at: usize,
    line: usize,
    column: usize,
    path: Path,
}

impl Reader<'_> {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    /// `what` says what was expected, given what was found instead.
    fn error(&self, what: fn(Box<PolicyMessage>) -> PolicyMessage) -> SyntaxError {
        let found = match self.text.get(self.at..).and_then(|s| s.chars().next()) {
            Some(c) => PolicyMessage::JsonFoundCharacter {
                character: c.escape_debug().to_string(),
            },
            None => PolicyMessage::JsonFoundEnd {},
        };
        SyntaxError {
            message: Box::new(what(Box::new(found))),
            path: self.path.clone(),
            pos: self.pos(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Advances over one character (not byte), keeping line and column.
    fn bump(&mut self) {
        let Some(c) = self.text.get(self.at..).and_then(|s| s.chars().next()) else {
            return;
        };
        self.at += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.bump();
        }
    }

    fn expect(&mut self, byte: u8, what: fn(Box<PolicyMessage>) -> PolicyMessage) -> Result<()> {
        if self.peek() == Some(byte) {
            self.bump();
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node> {
        if depth > MAX_DEPTH {
            return Err(self.error(|found| PolicyMessage::JsonTooDeep { found }));
        }
        let pos = self.pos();
        let value = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Json::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Json::Number(self.number()?),
            Some(b't') => self.literal("true", Json::Bool(true))?,
            Some(b'f') => self.literal("false", Json::Bool(false))?,
            Some(b'n') => self.literal("null", Json::Null)?,
            _ => return Err(self.error(|found| PolicyMessage::JsonExpectedValue { found })),
        };
        Ok(Node { pos, value })
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word.as_bytes()) {
            for _ in 0..word.len() {
                self.bump();
            }
            Ok(value)
        } else {
            Err(self.error(|found| PolicyMessage::JsonExpectedValue { found }))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json> {
        self.bump(); // '{'
        let mut members: Vec<Member> = Vec::new();
        // Where each key is, once the object is large enough for a scan per key to add up.
        let mut index: HashMap<String, usize> = HashMap::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error(|found| PolicyMessage::JsonExpectedKey { found }));
            }
            let key_pos = self.pos();
            let key = self.string()?;
            let earlier = if members.len() < INDEXED_KEYS {
                members.iter().position(|m| m.key == key)
            } else {
                if index.is_empty() {
                    index.extend(members.iter().enumerate().map(|(i, m)| (m.key.clone(), i)));
                }
                index.get(&key).copied()
            };
            if let Some(first) = earlier.and_then(|i| members.get(i)) {
                let message = Box::new(PolicyMessage::JsonDuplicateKey {
                    key: key.clone(),
                    line: first.key_pos.line,
                    column: first.key_pos.column,
                });
                return Err(SyntaxError {
                    message,
                    path: self.path.key(&key),
                    pos: key_pos,
                });
            }
            self.skip_ws();
            self.expect(b':', |found| PolicyMessage::JsonExpectedColon { found })?;
            self.skip_ws();
            if !index.is_empty() {
                index.insert(key.clone(), members.len());
            }
            self.path.push_key(&key);
            let value = self.value(depth + 1);
            self.path.pop();
            members.push(Member {
                key,
                key_pos,
                value: value?,
            });
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    return Ok(Json::Object(members));
                }
                _ => {
                    return Err(self.error(|found| PolicyMessage::JsonExpectedObjectComma { found }))
                }
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json> {
        self.bump(); // '['
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_ws();
            self.path.push_index(items.len());
            let item = self.value(depth + 1);
            self.path.pop();
            items.push(item?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b']') => {
                    self.bump();
                    return Ok(Json::Array(items));
                }
                _ => {
                    return Err(self.error(|found| PolicyMessage::JsonExpectedArrayComma { found }))
                }
            }
        }
    }

    fn number(&mut self) -> Result<String> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            Some(b'0') => self.bump(),
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error(|found| PolicyMessage::JsonNumberDigit { found })),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(|found| PolicyMessage::JsonDecimalDigit { found }));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.bump();
            if let Some(b'+' | b'-') = self.peek() {
                self.bump();
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error(|found| PolicyMessage::JsonExponentDigit { found }));
            }
            self.digits();
        }
        Ok(self
            .text
            .get(start..self.at)
            .unwrap_or_default()
            .to_string())
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.bump();
        }
    }

    fn string(&mut self) -> Result<String> {
        self.bump(); // opening quote
        let mut out = String::new();
        loop {
            let Some(c) = self.text.get(self.at..).and_then(|s| s.chars().next()) else {
                return Err(self.error(|found| PolicyMessage::JsonUnterminatedString { found }));
            };
            match c {
                '"' => {
                    self.bump();
                    return Ok(out);
                }
                '\\' => {
                    self.bump();
                    out.push(self.escape()?);
                }
                c if (c as u32) < 0x20 => {
                    return Err(self.error(|found| PolicyMessage::JsonControlCharacter { found }))
                }
                c => {
                    out.push(c);
                    self.bump();
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.bump();
                return self.unicode_escape();
            }
            _ => return Err(self.error(|found| PolicyMessage::JsonBadEscape { found })),
        };
        self.bump();
        Ok(c)
    }

    fn unicode_escape(&mut self) -> Result<char> {
        let first = self.hex4()?;
        if !(0xD800..0xE000).contains(&first) {
            return char::from_u32(first)
                .ok_or_else(|| self.error(|found| PolicyMessage::JsonBadUnicodeEscape { found }));
        }
        if first >= 0xDC00 {
            return Err(self.error(|found| PolicyMessage::JsonLoneLowSurrogate { found }));
        }
        if self.peek() != Some(b'\\') || self.bytes.get(self.at + 1) != Some(&b'u') {
            return Err(self.error(|found| PolicyMessage::JsonLoneHighSurrogate { found }));
        }
        self.bump();
        self.bump();
        let second = self.hex4()?;
        if !(0xDC00..0xE000).contains(&second) {
            return Err(self.error(|found| PolicyMessage::JsonLoneHighSurrogate { found }));
        }
        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        char::from_u32(code)
            .ok_or_else(|| self.error(|found| PolicyMessage::JsonBadUnicodeEscape { found }))
    }

    fn hex4(&mut self) -> Result<u32> {
        let mut value = 0u32;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| (b as char).to_digit(16))
                .ok_or_else(|| self.error(|found| PolicyMessage::JsonHexDigits { found }))?;
            value = value * 16 + digit;
            self.bump();
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> Error {
        read(text).unwrap_err().to_error()
    }

    #[test]
    fn keeps_positions_of_values_and_keys() {
        let node = read("{\n  \"a\": [1, \"x\"],\n  \"b\": true\n}").unwrap();
        let Json::Object(members) = &node.value else {
            panic!("object expected")
        };
        assert_eq!(members[0].key_pos, Pos { line: 2, column: 3 });
        assert_eq!(members[1].value.pos, Pos { line: 3, column: 8 });
        let Json::Array(items) = &members[0].value.value else {
            panic!("array expected")
        };
        assert_eq!(
            items[1].pos,
            Pos {
                line: 2,
                column: 12
            }
        );
        assert_eq!(items[0].value, Json::Number("1".into()));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let node = read("{\"é中\": \"x\", \"b\": 1}").unwrap();
        let Json::Object(members) = &node.value else {
            panic!("object expected")
        };
        assert_eq!(members[1].key_pos.column, 13);
    }

    #[test]
    fn rejects_duplicate_keys_with_both_positions() {
        let e = err("{\"Statement\": {\"Effect\": \"Allow\",\n \"Effect\": \"Deny\"}}");
        assert_eq!(e.kind, ErrorKind::InvalidJson);
        assert_eq!(e.path.as_deref(), Some("$.Statement.Effect"));
        assert_eq!((e.line, e.column), (Some(2), Some(2)));
        assert!(
            e.to_string().contains("first at line 1, column 16"),
            "{}",
            e.to_string()
        );
    }

    /// Large objects check duplicates through an index: the same error, first position included.
    #[test]
    fn duplicate_keys_in_large_objects() {
        let keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{{}, \"k7\": 0}}", keys.join(", "));
        let e = err(&text);
        assert_eq!(e.path.as_deref(), Some("$.k7"));
        let first = text.find("\"k7\"").unwrap() + 1;
        assert!(
            e.to_string()
                .contains(&format!("first at line 1, column {first}")),
            "{}",
            e.to_string()
        );
        let distinct = format!("{{{}}}", keys.join(", "));
        assert!(read(&distinct).is_ok());
    }

    #[test]
    fn reports_path_and_position_of_syntax_errors() {
        let e = err("{\"Statement\": [\n {\"Action\": [\"a\" \"b\"]}]}");
        assert_eq!(e.path.as_deref(), Some("$.Statement[0].Action"));
        assert_eq!((e.line, e.column), (Some(2), Some(18)));
        let e = err("{\"a\": 01}");
        assert_eq!(e.column, Some(8));
        let e = err("{\"a\": 1} x");
        assert!(e.to_string().contains("after the end"));
        assert!(err("").to_string().contains("end of the text"));
        assert!(err("{\"a\": \"\t\"}").to_string().contains("control"));
        assert!(err("[1,]").to_string().contains("a value was expected"));
        assert!(err("{\"a\" 1}").to_string().contains("colon (:)"));
    }

    #[test]
    fn decodes_escapes_and_surrogates() {
        let node = read(r#""a\n\u00e9\ud83d\ude00\/""#).unwrap();
        assert_eq!(node.value, Json::String("a\né😀/".into()));
        assert!(read(r#""\ud83d""#).is_err());
        assert!(read(r#""\ude00""#).is_err());
        assert!(read(r#""\x""#).is_err());
    }

    #[test]
    fn validates_numbers() {
        for ok in ["0", "-1", "1.5", "1e9", "-0.25E-3"] {
            assert_eq!(read(ok).unwrap().value, Json::Number(ok.into()));
        }
        for bad in ["-", "1.", ".5", "1e", "+1", "0x1"] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bounds_nesting_depth() {
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert!(err(&deep).to_string().contains("nested too deeply"));
        let ok = "[".repeat(30) + &"]".repeat(30);
        assert!(read(&ok).is_ok());
    }

    #[test]
    fn ignores_a_leading_byte_order_mark() {
        assert_eq!(read("\u{feff}true").unwrap().value, Json::Bool(true));
    }
}
