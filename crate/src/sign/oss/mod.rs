//! OSS signature V1: the `Authorization: OSS <id>:<signature>` header and presigned URLs.
//!
//! StringToSign = `VERB\nContent-MD5\nContent-Type\nDate\n` + CanonicalizedOSSHeaders +
//! CanonicalizedResource; signature = Base64(HMAC-SHA1(secret, StringToSign)).

use super::encode::{encode_path, percent_encode, percent_encode_into};
use crate::crypto;
use crate::endpoint::{custom_domain, OssEndpoint};
use crate::error::{Error, ErrorKind, Result};
use crate::fields::child_path;
use crate::message::{ApiMessage, SignMessage};
use crate::repeats::first_repeat;
use crate::rules::credentials::{check_access_key_id, check_secret};
use crate::rules::oss::{is_bucket_name, key_starts_well, KEY_MAX_BYTES};
use crate::time::UtcTime;
use serde::Serialize;
use std::borrow::Cow;

/// Query parameters that are part of the signed resource: exactly the set of the official Python
/// SDK (`oss2` 2.19, `ProviderAuth._subresource_key_set`), sorted for binary search.
pub const SUBRESOURCES: [&str; 86] = [
    "accessPoint",
    "accessPointPolicy",
    "acl",
    "append",
    "asyncFetch",
    "bucketArchiveDirectRead",
    "bucketInfo",
    "callback",
    "callback-var",
    "cname",
    "comp",
    "continuation-token",
    "cors",
    "delete",
    "encryption",
    "endTime",
    "group",
    "httpsConfig",
    "inventory",
    "inventoryId",
    "lifecycle",
    "link",
    "live",
    "location",
    "logging",
    "metaQuery",
    "objectInfo",
    "objectMeta",
    "partNumber",
    "policy",
    "position",
    "publicAccessBlock",
    "qos",
    "qosInfo",
    "qosRequester",
    "redundancyTransition",
    "referer",
    "regionList",
    "replication",
    "replicationLocation",
    "replicationProgress",
    "requestPayment",
    "requesterQosInfo",
    "resourceGroup",
    "resourcePool",
    "resourcePoolBuckets",
    "resourcePoolInfo",
    "response-cache-control",
    "response-content-disposition",
    "response-content-encoding",
    "response-content-language",
    "response-content-type",
    "response-expires",
    "restore",
    "security-token",
    "sequential",
    "startTime",
    "stat",
    "status",
    "style",
    "styleName",
    "symlink",
    "tagging",
    "transferAcceleration",
    "uploadId",
    "uploads",
    "versionId",
    "versioning",
    "versions",
    "vod",
    "website",
    "worm",
    "wormExtend",
    "wormId",
    "x-oss-ac-forward-allow",
    "x-oss-ac-source-ip",
    "x-oss-ac-subnet-mask",
    "x-oss-ac-vpc-id",
    "x-oss-access-point-name",
    "x-oss-async-process",
    "x-oss-process",
    "x-oss-redundancy-transition-taskid",
    "x-oss-request-payer",
    "x-oss-target-redundancy-type",
    "x-oss-traffic-limit",
    "x-oss-write-get-object-response",
];

/// Whether a query parameter is a signed sub-resource.
pub fn is_subresource(name: &str) -> bool {
    SUBRESOURCES.binary_search(&name).is_ok()
}

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

/// Every stage of a header signature, and the headers to add to the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OssHeaderSignature {
    pub canonicalized_oss_headers: String,
    pub canonicalized_resource: String,
    pub string_to_sign: String,
    pub signature: String,
    pub authorization: String,
    /// Headers to send in addition to the request's own: `Authorization` and, with STS
    /// credentials, `x-oss-security-token`.
    // The contract writes them as an object (contract/sign/answer.rs), not as pairs.
    #[cfg_attr(test, ts(type = "Record<string, string>"))]
    pub headers: Vec<(String, String)>,
}

/// Every stage of a presigned URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OssPresignedUrl {
    pub canonicalized_oss_headers: String,
    pub canonicalized_resource: String,
    pub string_to_sign: String,
    pub signature: String,
    pub url: String,
}

const METHODS: [&str; 6] = ["GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS"];
const SECURITY_TOKEN_HEADER: &str = "x-oss-security-token";

/// Signs `req` for the `Authorization` header. The headers must carry `Date` or `x-oss-date`
/// (RFC 1123 GMT); `x-oss-date` wins when both are present, as in both official SDKs.
pub fn sign_header(req: &OssRequest, creds: &OssCredentials) -> Result<OssHeaderSignature> {
    check_credentials(creds)?;
    let mut headers = checked_headers(req)?;
    if let Some(token) = creds.security_token.as_deref() {
        add_security_token_header(&mut headers, token)?;
    }
    let date = match (find(&headers, "x-oss-date"), find(&headers, "date")) {
        (Some(d), _) => ("x-oss-date", d),
        (None, Some(d)) => ("Date", d),
        (None, None) => {
            let text = SignMessage::SignDateMissing {};
            return Err(Error::said(ErrorKind::MissingField, text).at("$.headers.Date"));
        }
    };
    UtcTime::parse_rfc1123(date.1).map_err(|_| {
        let text = SignMessage::SignDateInvalid {
            field: date.0.to_string(),
            value: date.1.to_string(),
        };
        Error::invalid_said(format!("$.headers.{}", date.0), text)
    })?;
    let stages = stages(req, &headers, None, date.1, &creds.access_key_secret)?;
    let mut authorization =
        String::with_capacity(5 + creds.access_key_id.len() + stages.signature.len());
    for part in ["OSS ", &creds.access_key_id, ":", &stages.signature] {
        authorization.push_str(part);
    }
    let mut extra = Vec::new();
    if let Some(token) = &creds.security_token {
        extra.push((SECURITY_TOKEN_HEADER.to_string(), token.clone()));
    }
    extra.push(("Authorization".to_string(), authorization.clone()));
    Ok(OssHeaderSignature {
        canonicalized_oss_headers: stages.headers,
        canonicalized_resource: stages.resource,
        string_to_sign: stages.string_to_sign,
        signature: stages.signature,
        authorization,
        headers: extra,
    })
}

/// Where a presigned URL points (the rules live in [`crate::endpoint`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresignHost<'a> {
    /// An OSS endpoint (`oss-cn-hangzhou.aliyuncs.com`, optionally `https://`): the URL goes to
    /// `<bucket>.<endpoint>`.
    Endpoint(&'a str),
    /// A custom domain bound to the bucket (`"cname": true`): the URL goes to that host itself.
    CustomDomain(&'a str),
}

impl<'a> PresignHost<'a> {
    /// The host a presign request names: a custom domain only when it says so (`"cname": true`).
    pub fn new(endpoint: &'a str, cname: bool) -> PresignHost<'a> {
        if cname {
            PresignHost::CustomDomain(endpoint)
        } else {
            PresignHost::Endpoint(endpoint)
        }
    }
}

/// Presigns `req` until `expires` (Unix seconds) for `host`; the URL is always https. STS
/// credentials add the `security-token` query parameter, which is a signed sub-resource.
pub fn presign(
    req: &OssRequest,
    creds: &OssCredentials,
    expires: i64,
    host: PresignHost,
) -> Result<OssPresignedUrl> {
    check_credentials(creds)?;
    if expires <= 0 {
        return Err(Error::invalid_said(
            "$.expires",
            SignMessage::SignExpires {
                value: expires.to_string(),
            },
        ));
    }
    let target = match host {
        PresignHost::Endpoint(text) => Target::Oss(OssEndpoint::parse(text, "$.endpoint")?),
        PresignHost::CustomDomain(_) if req.bucket.is_none() => {
            return Err(Error::invalid_said(
                "$.bucket",
                SignMessage::SignCnameBucket {},
            ))
        }
        PresignHost::CustomDomain(text) => Target::Custom(custom_domain(text, "$.endpoint")?),
    };
    let headers = checked_headers(req)?;
    for reserved in ["OSSAccessKeyId", "Expires", "Signature"] {
        if req.query.iter().any(|(k, _)| k == reserved) {
            return Err(Error::invalid_said(
                format!("$.query.{reserved}"),
                SignMessage::SignQueryReserved {
                    name: reserved.to_string(),
                },
            ));
        }
    }
    if matches!(object_key(req), Some("." | "..")) {
        return Err(Error::invalid_said("$.key", SignMessage::SignKeyDots {}));
    }
    // STS: the token joins the query (after the request's own parameters) unless already there.
    let token_param = match (
        creds.security_token.as_deref(),
        find_query(req, "security-token"),
    ) {
        (None, _) => None,
        (Some(token), Some(Some(given))) if given == token => None,
        (Some(_), Some(_)) => {
            return Err(Error::invalid_said(
                "$.query.security-token",
                SignMessage::SignTokenTwice {
                    field: "security-token".to_string(),
                },
            ))
        }
        (Some(token), None) => Some(("security-token", token)),
    };
    let expires_text = expires.to_string();
    let stages = stages(
        req,
        &headers,
        token_param,
        &expires_text,
        &creds.access_key_secret,
    )?;

    let host = match target {
        Target::Oss(endpoint) => endpoint.host_for(req.bucket.as_deref(), "$.endpoint")?,
        Target::Custom(host) => host,
    };
    let mut url = String::with_capacity(128 + stages.string_to_sign.len());
    url.push_str("https://");
    url.push_str(&host);
    url.push('/');
    if let Some(key) = object_key(req) {
        url.push_str(&url_path(key));
    }
    let mut sep = '?';
    let mut push_param = |url: &mut String, k: &str, v: Option<&str>| {
        url.push(sep);
        sep = '&';
        percent_encode_into(url, k);
        if let Some(v) = v {
            url.push('=');
            percent_encode_into(url, v);
        }
    };
    for (k, v) in &req.query {
        push_param(&mut url, k, v.as_deref());
    }
    if let Some((k, v)) = token_param {
        push_param(&mut url, k, Some(v));
    }
    push_param(&mut url, "OSSAccessKeyId", Some(&creds.access_key_id));
    push_param(&mut url, "Expires", Some(&expires_text));
    push_param(&mut url, "Signature", Some(&stages.signature));
    Ok(OssPresignedUrl {
        canonicalized_oss_headers: stages.headers,
        canonicalized_resource: stages.resource,
        string_to_sign: stages.string_to_sign,
        signature: stages.signature,
        url,
    })
}

/// A checked [`PresignHost`].
enum Target {
    Oss(OssEndpoint),
    Custom(String),
}

/// An object key as a URL path: percent-encoded, `/` kept. Except when a segment is `.` or `..`:
/// URL parsers (browsers, fetch, the WHATWG URL) remove such segments, even percent-encoded, so
/// the URL would reach another object; every `/` is then encoded as well (`a%2F..%2Fb`), which
/// OSS decodes back (oss2 encodes every `/` by default for this reason).
fn url_path(key: &str) -> String {
    if key
        .split('/')
        .any(|segment| segment == "." || segment == "..")
    {
        percent_encode(key)
    } else {
        encode_path(key)
    }
}

struct Stages {
    headers: String,
    resource: String,
    string_to_sign: String,
    signature: String,
}

/// `extra_param` is a query parameter signed in addition to the request's own (the presigned
/// URL's STS token).
fn stages(
    req: &OssRequest,
    headers: &[(&str, &str)],
    extra_param: Option<(&str, &str)>,
    date_slot: &str,
    secret: &str,
) -> Result<Stages> {
    let canonical_headers = canonicalized_oss_headers(headers);
    let resource = resource_with(req, extra_param)?;
    let mut string_to_sign = String::with_capacity(64 + canonical_headers.len() + resource.len());
    for part in [
        req.method.as_str(),
        find(headers, "content-md5").unwrap_or(""),
        find(headers, "content-type").unwrap_or(""),
        date_slot,
    ] {
        string_to_sign.push_str(part);
        string_to_sign.push('\n');
    }
    string_to_sign.push_str(&canonical_headers);
    string_to_sign.push_str(&resource);
    let signature = crypto::hmac_sha1_base64(secret.as_bytes(), string_to_sign.as_bytes());
    Ok(Stages {
        headers: canonical_headers,
        resource,
        string_to_sign,
        signature,
    })
}

/// `x-oss-*` headers, names lowercased, values trimmed, sorted by name, each `name:value\n`.
pub fn canonicalized_oss_headers<K: AsRef<str>, V: AsRef<str>>(headers: &[(K, V)]) -> String {
    let mut oss: Vec<(Cow<str>, &str)> = headers
        .iter()
        .filter(|(k, _)| {
            k.as_ref()
                .get(..6)
                .is_some_and(|p| p.eq_ignore_ascii_case("x-oss-"))
        })
        .map(|(k, v)| (ascii_lowercase(k.as_ref()), v.as_ref()))
        .collect();
    oss.sort_unstable();
    let mut out = String::with_capacity(oss.iter().map(|(k, v)| k.len() + v.len() + 2).sum());
    for (k, v) in oss {
        out.push_str(&k);
        out.push(':');
        out.push_str(v.trim_matches([' ', '\t']));
        out.push('\n');
    }
    out
}

/// `name` in ASCII lowercase, borrowed when it already is (the usual case): no copy per header.
fn ascii_lowercase(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// `/`, `/bucket/` or `/bucket/key`, then `?` + the sub-resources sorted by name, raw, `k=v` or a
/// bare `k` when the value is empty. Ordinary query parameters are not signed.
pub fn canonicalized_resource(req: &OssRequest) -> Result<String> {
    resource_with(req, None)
}

/// [`canonicalized_resource`] with one more query parameter.
fn resource_with(req: &OssRequest, extra_param: Option<(&str, &str)>) -> Result<String> {
    let mut out = String::with_capacity(64);
    out.push('/');
    match (&req.bucket, object_key(req)) {
        (Some(bucket), key) => {
            check_bucket(bucket)?;
            out.push_str(bucket);
            out.push('/');
            if let Some(key) = key {
                check_key(key)?;
                out.push_str(key);
            }
        }
        (None, Some(_)) => {
            return Err(Error::invalid_said(
                "$.key",
                SignMessage::SignKeyNeedsBucket {},
            ))
        }
        (None, None) => {}
    }
    let mut sub: Vec<(&str, Option<&str>)> = req
        .query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_deref()))
        .chain(extra_param.map(|(k, v)| (k, Some(v))))
        .filter(|(k, _)| is_subresource(k))
        .collect();
    sub.sort_unstable();
    for (i, (k, v)) in sub.into_iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(k);
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            out.push('=');
            out.push_str(v);
        }
    }
    Ok(out)
}

/// [`is_bucket_name`], as an error at `$.bucket`.
pub fn check_bucket(bucket: &str) -> Result<()> {
    if is_bucket_name(bucket) {
        Ok(())
    } else {
        Err(Error::invalid_said(
            "$.bucket",
            SignMessage::SignBucketName {
                value: bucket.to_string(),
            },
        ))
    }
}

/// Object keys: 1-1023 bytes of UTF-8, not starting with `/` or `\\`.
pub fn check_key(key: &str) -> Result<()> {
    if key.len() > KEY_MAX_BYTES {
        return Err(Error::invalid_said(
            "$.key",
            ApiMessage::TextBytes {
                field: "key".to_string(),
                count: key.len(),
            },
        ));
    }
    if !key_starts_well(key) {
        return Err(Error::invalid_said(
            "$.key",
            SignMessage::SignKeySlash {
                value: key.to_string(),
            },
        ));
    }
    Ok(())
}

/// The key of an object-level request; an empty key means a bucket-level request.
fn object_key(req: &OssRequest) -> Option<&str> {
    req.key.as_deref().filter(|k| !k.is_empty())
}

fn check_credentials(creds: &OssCredentials) -> Result<()> {
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
fn checked_headers(req: &OssRequest) -> Result<Vec<(&str, &str)>> {
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

fn add_security_token_header<'a>(
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
fn check_header_value(value: &str, path: impl FnOnce() -> String) -> Result<()> {
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
fn find<'a>(headers: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim_matches([' ', '\t']))
}

/// A query parameter's value: `Some(None)` for a bare parameter, `None` when absent.
fn find_query<'a>(req: &'a OssRequest, name: &str) -> Option<Option<&'a str>> {
    req.query
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn subresource_list_is_sorted_and_complete() {
        let mut sorted = SUBRESOURCES;
        sorted.sort();
        assert_eq!(sorted, SUBRESOURCES);
        assert!(is_subresource("acl") && is_subresource("x-oss-process"));
        assert!(!is_subresource("prefix") && !is_subresource("max-keys"));
    }

    #[test]
    fn bucket_and_key_rules() {
        assert!(check_bucket("oss-example").is_ok());
        for bad in ["ab", "-ab", "ab-", "Abc", "a_b", ""] {
            assert!(check_bucket(bad).is_err(), "{bad}");
        }
        assert!(check_key("/x").is_err());
        assert!(check_key(&"k".repeat(1024)).is_err());
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
    fn presigned_paths_survive_url_normalisation() {
        assert_eq!(url_path("a b/c.txt"), "a%20b/c.txt");
        assert_eq!(url_path("a/../b"), "a%2F..%2Fb");
        assert_eq!(url_path("./x"), ".%2Fx");
        assert_eq!(url_path("a/.."), "a%2F..");
        assert_eq!(url_path("a/...b/.c"), "a/...b/.c");
        let req = OssRequest {
            method: "GET".into(),
            bucket: Some("oss-example".into()),
            key: Some("a/../b".into()),
            ..Default::default()
        };
        let creds = OssCredentials {
            access_key_id: "id".into(),
            access_key_secret: "s".into(),
            security_token: None,
        };
        let endpoint = PresignHost::Endpoint("oss-cn-hangzhou.aliyuncs.com");
        let signed = presign(&req, &creds, 1141889120, endpoint).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            signed
                .url
                .starts_with("https://oss-example.oss-cn-hangzhou.aliyuncs.com/a%2F..%2Fb?"),
            "{}",
            signed.url
        );
        assert_eq!(signed.canonicalized_resource, "/oss-example/a/../b");
        for key in [".", ".."] {
            let req = OssRequest {
                key: Some(key.into()),
                ..req.clone()
            };
            let err = presign(&req, &creds, 1141889120, endpoint).unwrap_err();
            assert_eq!(err.path.as_deref(), Some("$.key"));
        }
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
