//! The answers of `sign`, as a `serde_json::Value` (the CLI's path) or written straight to JSON
//! text (the wasm path: no map, no per-field allocation, one buffer sized up front).
//!
//! Both give the same text: the field order is the contract's (the order of the stages in the
//! signers' structs) and strings are escaped exactly as `serde_json` escapes them; tests in
//! `super` and the oracle's wasm-vs-CLI byte comparison hold them to it.

use crate::sign::oss::{OssHeaderSignature, OssPresignedUrl};
use crate::sign::post_policy::PostPolicySignature;
use crate::sign::rpc::RpcSignature;
use serde_json::{Map, Value};

/// A successful signature of any kind.
pub(super) enum Signed {
    Rpc(RpcSignature),
    OssHeader(OssHeaderSignature),
    OssPresign(OssPresignedUrl),
    PostPolicy(PostPolicySignature),
}

impl Signed {
    /// The answer as a JSON value, built by moving the stage strings (no copies).
    pub(super) fn into_value(self) -> Value {
        match self {
            Signed::Rpc(s) => object([
                ("canonicalQuery", s.canonical_query.into()),
                ("stringToSign", s.string_to_sign.into()),
                ("signature", s.signature.into()),
            ]),
            Signed::OssHeader(s) => {
                // Headers as an object for JSON users: {"Authorization": "...", ...}.
                let headers: Map<String, Value> =
                    s.headers.into_iter().map(|(k, v)| (k, v.into())).collect();
                object([
                    (
                        "canonicalizedOssHeaders",
                        s.canonicalized_oss_headers.into(),
                    ),
                    ("canonicalizedResource", s.canonicalized_resource.into()),
                    ("stringToSign", s.string_to_sign.into()),
                    ("signature", s.signature.into()),
                    ("authorization", s.authorization.into()),
                    ("headers", headers.into()),
                ])
            }
            Signed::OssPresign(s) => object([
                (
                    "canonicalizedOssHeaders",
                    s.canonicalized_oss_headers.into(),
                ),
                ("canonicalizedResource", s.canonicalized_resource.into()),
                ("stringToSign", s.string_to_sign.into()),
                ("signature", s.signature.into()),
                ("url", s.url.into()),
            ]),
            Signed::PostPolicy(s) => object([
                ("policy", s.policy.into()),
                ("signature", s.signature.into()),
                ("accessKeyId", s.access_key_id.into()),
            ]),
        }
    }

    /// The answer as JSON text, identical to `self.into_value().to_string()`.
    pub(super) fn to_text(&self) -> String {
        match self {
            Signed::Rpc(s) => JsonObject::write(&[
                ("canonicalQuery", &s.canonical_query),
                ("stringToSign", &s.string_to_sign),
                ("signature", &s.signature),
            ]),
            Signed::OssHeader(s) => {
                let mut out = JsonObject::with_capacity(
                    s.headers.iter().map(|(k, v)| k.len() + v.len() + 6).sum(),
                    &[
                        ("canonicalizedOssHeaders", &s.canonicalized_oss_headers),
                        ("canonicalizedResource", &s.canonicalized_resource),
                        ("stringToSign", &s.string_to_sign),
                        ("signature", &s.signature),
                        ("authorization", &s.authorization),
                    ],
                );
                out.name("headers");
                out.nested_object(&s.headers);
                out.close()
            }
            Signed::OssPresign(s) => JsonObject::write(&[
                ("canonicalizedOssHeaders", &s.canonicalized_oss_headers),
                ("canonicalizedResource", &s.canonicalized_resource),
                ("stringToSign", &s.string_to_sign),
                ("signature", &s.signature),
                ("url", &s.url),
            ]),
            Signed::PostPolicy(s) => JsonObject::write(&[
                ("policy", &s.policy),
                ("signature", &s.signature),
                ("accessKeyId", &s.access_key_id),
            ]),
        }
    }
}

fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    Value::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

/// A JSON object being written, compact as `serde_json` writes it.
struct JsonObject {
    out: String,
    empty: bool,
}

impl JsonObject {
    /// `{"name":"value",...}` of string fields.
    fn write(fields: &[(&str, &String)]) -> String {
        Self::with_capacity(0, fields).close()
    }

    /// An open object holding `fields`, with room for `extra` more bytes.
    fn with_capacity(extra: usize, fields: &[(&str, &String)]) -> Self {
        // Exact unless a value needs escaping (then the String grows once or twice).
        let size = fields
            .iter()
            .map(|(k, v)| k.len() + v.len() + 6)
            .sum::<usize>()
            + extra
            + 2;
        let mut object = Self::open(String::with_capacity(size));
        for (k, v) in fields {
            object.field(k, v);
        }
        object
    }

    fn open(mut out: String) -> Self {
        out.push('{');
        Self { out, empty: true }
    }

    /// Writes `"name":`, after a comma unless it is the first field.
    fn name(&mut self, name: &str) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        write_string(&mut self.out, name);
        self.out.push(':');
    }

    fn field(&mut self, name: &str, value: &str) {
        self.name(name);
        write_string(&mut self.out, value);
    }

    /// Writes an object of string pairs as the value of the field just named.
    fn nested_object(&mut self, fields: &[(String, String)]) {
        let mut nested = Self::open(std::mem::take(&mut self.out));
        for (k, v) in fields {
            nested.field(k, v);
        }
        self.out = nested.close();
    }

    fn close(mut self) -> String {
        self.out.push('}');
        self.out
    }
}

/// How `serde_json` escapes each byte: 0 = as is, `u` = `\u00XX`, else `\` + that byte.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Appends `s` as a JSON string: quoted, `"` and `\` escaped, control characters as `\n`-style
/// escapes or `\u00XX` (lowercase hex), everything else (non-ASCII included) as it is.
pub(crate) fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut rest = s;
    loop {
        let plain = plain_prefix(rest.as_bytes());
        out.push_str(rest.get(..plain).unwrap_or_default());
        let Some(&b) = rest.as_bytes().get(plain) else {
            break;
        };
        out.push('\\');
        match ESCAPE[usize::from(b)] {
            b'u' => {
                out.push_str("u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
            escape => out.push(char::from(escape)),
        }
        // The escaped byte is ASCII: the next one starts a character.
        rest = rest.get(plain + 1..).unwrap_or_default();
    }
    out.push('"');
}

/// The length of the longest prefix of `bytes` that JSON writes as it is. Eight bytes at a time
/// (the answers are mostly long runs of plain text: the STS token, the string to sign).
fn plain_prefix(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // Whether some byte of `w` is zero (exact: the borrow only runs above a zero byte).
    let has_zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS != 0;
    let mut plain = 0;
    for word in bytes.chunks_exact(8) {
        // A chunk is always 8 bytes; a zero word would only send it to the byte loop below.
        let w = u64::from_ne_bytes(<[u8; 8]>::try_from(word).unwrap_or_default());
        let control = w.wrapping_sub(ONES * 0x20) & !w & HIGHS != 0; // some byte < 0x20
        if control
            || has_zero(w ^ (ONES * u64::from(b'"')))
            || has_zero(w ^ (ONES * u64::from(b'\\')))
        {
            break;
        }
        plain += 8;
    }
    let tail = bytes.get(plain..).unwrap_or_default();
    plain
        + tail
            .iter()
            .take_while(|&&b| ESCAPE[usize::from(b)] == 0)
            .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut every_ascii: String = (0u8..128).map(char::from).collect();
        every_ascii.push_str("中文\u{1F600}\u{7F}\u{80}\u{2028}");
        let mut long = Vec::new();
        for special in ["\"", "\\", "\u{0}", "\u{1f}", "\n", "中", " ", "\u{7f}"] {
            for at in 0..20 {
                let mut t = "x".repeat(at);
                t.push_str(special);
                t.push_str(&"y".repeat(19 - at));
                long.push(t);
            }
        }
        let cases = [String::new(), every_ascii, "\"\\\"".to_string()];
        for s in cases.into_iter().chain(long) {
            let mut out = String::new();
            write_string(&mut out, &s);
            assert_eq!(out, Value::from(s.clone()).to_string(), "{s:?}");
        }
    }
}
