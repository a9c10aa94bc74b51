//! RPC-style signature V1 (STS, RAM): `HMAC-SHA1(secret + "&", METHOD&%2F&enc(canonical query))`.

use super::encode::{percent_encode, percent_encode_into, percent_encode_twice_into};
use crate::crypto;
use crate::error::{Error, Result};
use crate::message::SignMessage;
use serde::Serialize;

/// Every stage of an RPC V1 signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RpcSignature {
    /// `k=v&...`, sorted by parameter name, each side percent-encoded.
    pub canonical_query: String,
    /// `METHOD&%2F&` + percent-encoded canonical query.
    pub string_to_sign: String,
    /// Base64 HMAC-SHA1 with key `secret + "&"`; sent as the `Signature` parameter.
    pub signature: String,
}

/// The methods RPC APIs accept.
pub fn check_method(method: &str) -> Result<()> {
    match method {
        "GET" | "POST" => Ok(()),
        other => Err(Error::invalid_said(
            "$.method",
            SignMessage::SignRpcMethod {
                value: other.to_string(),
            },
        )),
    }
}

/// Signs `params` (every parameter of the request, common ones included, never `Signature`).
///
/// Generic over the string types so that a caller holding borrowed text (the contract's fast
/// reader) signs without copying every parameter.
pub fn sign<K: AsRef<str>, V: AsRef<str>>(
    method: &str,
    params: &[(K, V)],
    access_key_secret: &str,
) -> Result<RpcSignature> {
    check_method(method)?;
    if params.iter().any(|(k, _)| k.as_ref() == "Signature") {
        return Err(Error::invalid_said(
            "$.params.Signature",
            SignMessage::SignRpcSignature {},
        ));
    }
    // The canonical query and its encoded copy in the string to sign, built in one pass.
    let sorted = sorted_params(params);
    let raw_len = raw_length(params);
    let mut canonical_query = String::with_capacity(raw_len + raw_len / 4);
    let mut string_to_sign = String::with_capacity(raw_len + raw_len / 2 + method.len() + 8);
    string_to_sign.push_str(method);
    string_to_sign.push_str("&%2F&");
    for (i, (k, v)) in sorted.into_iter().enumerate() {
        let (k, v) = (k.as_ref(), v.as_ref());
        if i > 0 {
            canonical_query.push('&');
            string_to_sign.push_str("%26");
        }
        percent_encode_twice_into(&mut canonical_query, &mut string_to_sign, k);
        canonical_query.push('=');
        string_to_sign.push_str("%3D");
        percent_encode_twice_into(&mut canonical_query, &mut string_to_sign, v);
    }
    let mut key = String::with_capacity(access_key_secret.len() + 1);
    key.push_str(access_key_secret);
    key.push('&');
    let signature = crypto::hmac_sha1_base64(key.as_bytes(), string_to_sign.as_bytes());
    Ok(RpcSignature {
        canonical_query,
        string_to_sign,
        signature,
    })
}

/// Sorts by parameter name and joins `percentEncode(k)=percentEncode(v)` with `&`.
///
/// Names are ordered by UTF-16 code units, as the official Java and JavaScript SDKs (and the
/// gateway) order them; this differs from code-point order only between characters U+E000..U+FFFF
/// and characters beyond U+FFFF.
pub fn canonical_query<K: AsRef<str>, V: AsRef<str>>(params: &[(K, V)]) -> String {
    let mut out = String::with_capacity(raw_length(params));
    for (i, (k, v)) in sorted_params(params).into_iter().enumerate() {
        let (k, v) = (k.as_ref(), v.as_ref());
        if i > 0 {
            out.push('&');
        }
        percent_encode_into(&mut out, k);
        out.push('=');
        percent_encode_into(&mut out, v);
    }
    out
}

/// The length of `k=v&...` before encoding.
fn raw_length<K: AsRef<str>, V: AsRef<str>>(params: &[(K, V)]) -> usize {
    params
        .iter()
        .map(|(k, v)| k.as_ref().len() + v.as_ref().len() + 2)
        .sum()
}

/// The parameters in canonical order: by name, in UTF-16 code units.
fn sorted_params<K: AsRef<str>, V: AsRef<str>>(params: &[(K, V)]) -> Vec<&(K, V)> {
    let mut sorted: Vec<&(K, V)> = params.iter().collect();
    if params.iter().any(|(k, _)| has_high_bmp_char(k.as_ref())) {
        sorted.sort_by(|a, b| a.0.as_ref().encode_utf16().cmp(b.0.as_ref().encode_utf16()));
    } else {
        // Byte order of UTF-8 is code-point order, which equals UTF-16 order without such
        // characters: the common case (ASCII names) sorts without re-encoding.
        sorted.sort_by(|a, b| a.0.as_ref().cmp(b.0.as_ref()));
    }
    sorted
}

/// Whether `s` holds a character in U+E000..U+FFFF (UTF-8 lead byte 0xEE or 0xEF): only those
/// order differently by code point and by UTF-16 code unit (against characters beyond U+FFFF).
fn has_high_bmp_char(s: &str) -> bool {
    s.bytes().any(|b| b == 0xEE || b == 0xEF)
}

/// A form body or query string with the signature appended, in canonical order.
pub fn signed_query<K: AsRef<str>, V: AsRef<str>>(params: &[(K, V)], signature: &str) -> String {
    let mut out = canonical_query(params);
    out.push_str("&Signature=");
    out.push_str(&percent_encode(signature));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_order_of_names() {
        // U+FF01 sorts after U+1F600 in code points but before it in UTF-16 (surrogates 0xD83D).
        let params = vec![
            ("\u{1F600}".to_string(), "1".to_string()),
            ("\u{FF01}".to_string(), "2".to_string()),
        ];
        let q = canonical_query(&params);
        assert!(q.starts_with("%F0%9F%98%80=1&"), "{q}");
    }

    #[test]
    fn byte_order_fast_path_agrees_with_utf16_order() {
        let names = [
            "a",
            "B",
            "中",
            "\u{1F600}",
            "\u{FF01}",
            "\u{E000}x",
            "a b",
            "~",
            "\u{10FFFF}",
        ];
        for (i, x) in names.iter().enumerate() {
            for y in &names[i + 1..] {
                let params = vec![
                    (x.to_string(), "1".to_string()),
                    (y.to_string(), "2".to_string()),
                ];
                let mut expected = [*x, *y];
                expected.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
                let q = canonical_query(&params);
                let first = q.split('=').next().unwrap_or_default();
                assert_eq!(first, percent_encode(expected[0]), "{x:?} vs {y:?}");
            }
        }
    }

    #[test]
    fn rejects_signature_and_bad_method() {
        let p = vec![("Signature".to_string(), "x".to_string())];
        assert_eq!(
            sign("GET", &p, "s").unwrap_err().path.as_deref(),
            Some("$.params.Signature")
        );
        assert!(sign::<String, String>("PUT", &[], "s").is_err());
    }
}
