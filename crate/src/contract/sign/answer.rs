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
fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut run_start = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let escape = ESCAPE[usize::from(b)];
        if escape == 0 {
            continue;
        }
        // Escaped bytes are ASCII, so both ends of the run are character boundaries.
        out.push_str(s.get(run_start..i).unwrap_or_default());
        out.push('\\');
        if escape == b'u' {
            out.push_str("u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        } else {
            out.push(char::from(escape));
        }
        run_start = i + 1;
    }
    out.push_str(s.get(run_start..).unwrap_or_default());
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut every_ascii: String = (0u8..128).map(char::from).collect();
        every_ascii.push_str("中文\u{1F600}\u{7F}\u{80}\u{2028}");
        for s in [String::new(), every_ascii, "\"\\\"".to_string()] {
            let mut out = String::new();
            write_string(&mut out, &s);
            assert_eq!(out, Value::from(s.clone()).to_string(), "{s:?}");
        }
    }
}
