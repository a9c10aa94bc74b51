//! What is signed and with what: the request and the credentials, and the checks a request must
//! pass first (method, header names and values, the STS token), since a signature over a value
//! no browser would send could never be used.

use crate::error::{Error, Result};
use crate::message::{ApiMessage, SignMessage};
use crate::read::child_path;
use crate::repeats::first_repeat;
use crate::rules::credentials::{check_access_key_id, check_secret};

/// An OSS request to sign. Header names are case-insensitive; a query value of `None` is a bare
/// parameter (`?acl`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OssRequest {
    pub method: String,
    pub bucket: Option<String>,
    pub key: Option<String>,
    pub headers: Vec<(String, String)>,
    pub query: Vec<(String, Option<String>)>,
}

/// Long-term or STS credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OssCredentials {
    pub access_key_id: String,
    pub access_key_secret: String,
    pub security_token: Option<String>,
}

const METHODS: [&str; 6] = ["GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS"];
pub const SECURITY_TOKEN_HEADER: &str = "x-oss-security-token";

/// The key of an object-level request; an empty key means a bucket-level request.
pub fn object_key(req: &OssRequest) -> Option<&str> {
    req.key.as_deref().filter(|k| !k.is_empty())
}

/// The AccessKey pair's forms (crate::rules::credentials) and the STS token as a header value.
pub fn check_credentials(creds: &OssCredentials) -> Result<()> {
    check_access_key_id(&creds.access_key_id, "$.accessKeyId")?;
    check_secret(&creds.access_key_secret, "$.accessKeySecret")?;
    if let Some(token) = &creds.security_token {
        check_header_value(token, || "$.securityToken".to_string())?;
        if token.trim().is_empty() {
            return Err(Error::invalid_said(
                "$.securityToken",
                ApiMessage::TokenEmpty {
                    field: "securityToken".to_string(),
                },
            ));
        }
    }
    Ok(())
}

/// Validates the method and headers; rejects a header given twice under different cases.
/// The headers, borrowed, with room for the STS token header.
pub fn checked_headers(req: &OssRequest) -> Result<Vec<(&str, &str)>> {
    if !METHODS.contains(&req.method.as_str()) {
        return Err(Error::invalid_said(
            "$.method",
            SignMessage::SignOssMethod {
                value: req.method.clone(),
                methods: METHODS.join(", "),
            },
        ));
    }
    // The path is built only on failure: valid requests (the hot path) allocate nothing here.
    let path = |name: &str| child_path("$.headers", name);
    let mut headers = Vec::with_capacity(req.headers.len() + 1);
    let repeat = first_repeat(
        &req.headers,
        |a, b| a.0.eq_ignore_ascii_case(&b.0),
        |h| h.0.to_ascii_lowercase(),
    );
    for (i, (name, value)) in req.headers.iter().enumerate() {
        if name.is_empty() || !name.bytes().all(is_token_char) {
            return Err(Error::invalid_said(
                path(name),
                SignMessage::SignHeaderName { name: name.clone() },
            ));
        }
        if repeat == Some(i) {
            return Err(Error::invalid_said(
                path(name),
                SignMessage::SignHeaderTwice { name: name.clone() },
            ));
        }
        check_header_value(value, || path(name))?;
        headers.push((name.as_str(), value.as_str()));
    }
    Ok(headers)
}

pub fn add_security_token_header<'a>(
    headers: &mut Vec<(&'a str, &'a str)>,
    token: &'a str,
) -> Result<()> {
    match find(headers, SECURITY_TOKEN_HEADER) {
        Some(existing) if existing == token => Ok(()),
        Some(_) => Err(Error::invalid_said(
            "$.headers.x-oss-security-token",
            SignMessage::SignTokenTwice {
                field: "x-oss-security-token".to_string(),
            },
        )),
        None => {
            headers.push((SECURITY_TOKEN_HEADER, token));
            Ok(())
        }
    }
}

/// HTTP header values are ISO-8859-1 text without control characters (tab allowed); browsers
/// and Node refuse anything else, so a signature over such a value could never be used. `path`
/// is only built on failure.
pub fn check_header_value(value: &str, path: impl FnOnce() -> String) -> Result<()> {
    // Fast path for printable ASCII (and tab), the usual case, without decoding characters.
    if is_printable_ascii(value.as_bytes()) {
        return Ok(());
    }
    match value
        .chars()
        .find(|&c| (c.is_control() && c != '\t') || c as u32 > 0xFF)
    {
        None => Ok(()),
        Some(c) => Err(Error::invalid_said(
            path(),
            SignMessage::SignHeaderValue {
                character: c.escape_debug().to_string(),
            },
        )),
    }
}

/// Whether every byte is printable ASCII or a tab. Eight bytes at a time: the STS token (about
/// 600 bytes) is checked on every signature.
fn is_printable_ascii(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut checked = 0;
    for word in bytes.chunks_exact(8) {
        // A chunk is always 8 bytes; a zero word would only send it to the byte loop below.
        let w = u64::from_ne_bytes(<[u8; 8]>::try_from(word).unwrap_or_default());
        let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
        let del_or_above = (w.wrapping_add(ONES) | w) & HIGHS;
        if below_space | del_or_above != 0 {
            break;
        }
        checked += 8;
    }
    let rest = bytes.get(checked..).unwrap_or_default();
    rest.iter()
        .all(|&b| (0x20..0x7F).contains(&b) || b == b'\t')
}

fn is_token_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c)
}

/// Case-insensitive header lookup, value trimmed of spaces and tabs.
pub fn find<'a>(headers: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim_matches([' ', '\t']))
}

/// A query parameter's value: `Some(None)` for a bare parameter, `None` when absent.
pub fn find_query<'a>(req: &'a OssRequest, name: &str) -> Option<Option<&'a str>> {
    req.query
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::oss::sign_header;

    #[test]
    fn printable_ascii_check_agrees_with_the_byte_definition() {
        let plain = |bytes: &[u8]| {
            bytes
                .iter()
                .all(|&b| (0x20..0x7F).contains(&b) || b == b'\t')
        };
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 20];
                if let Some(slot) = bytes.get_mut(at) {
                    *slot = b;
                }
                assert_eq!(is_printable_ascii(&bytes), plain(&bytes), "{b} at {at}");
            }
        }
    }

    #[test]
    fn duplicate_header_names_are_refused() {
        let req = OssRequest {
            method: "GET".into(),
            headers: vec![
                ("x-oss-meta-a".into(), "1".into()),
                ("X-OSS-Meta-A".into(), "2".into()),
                ("Date".into(), "Thu, 17 Nov 2005 18:49:58 GMT".into()),
            ],
            ..Default::default()
        };
        let creds = OssCredentials {
            access_key_id: "id".into(),
            access_key_secret: "s".into(),
            security_token: None,
        };
        let err = sign_header(&req, &creds).unwrap_err();
        assert_eq!(err.path.as_deref(), Some("$.headers.X-OSS-Meta-A"));
    }

    #[test]
    fn header_error_paths_are_json_paths() {
        // Found by the oracle's invalid inputs: names that are not plain identifiers must be
        // quoted in the path, as everywhere else in the contract (`$.headers["bad header"]`).
        let creds = OssCredentials {
            access_key_id: "id".into(),
            access_key_secret: "s".into(),
            security_token: None,
        };
        for (name, value, path) in [
            ("bad header", "v", r#"$.headers["bad header"]"#),
            ("", "v", r#"$.headers[""]"#),
            ("x-oss-meta-a", "中", "$.headers.x-oss-meta-a"),
            ("x-oss-meta-b!", "\n", r#"$.headers["x-oss-meta-b!"]"#),
        ] {
            let req = OssRequest {
                method: "GET".into(),
                headers: vec![
                    ("Date".into(), "Thu, 17 Nov 2005 18:49:58 GMT".into()),
                    (name.into(), value.into()),
                ],
                ..Default::default()
            };
            let err = sign_header(&req, &creds).unwrap_err();
            assert_eq!(err.path.as_deref(), Some(path), "{name:?}");
        }
    }
}
