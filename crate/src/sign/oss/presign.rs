//! Presigned URLs: where they point (an OSS endpoint or a custom domain, checked by
//! crate::endpoint), the query they carry, and an object key written so that URL parsers keep it.

use super::canonical::stages;
use super::request::{
    check_credentials, checked_headers, find_query, object_key, OssCredentials, OssRequest,
};
use crate::endpoint::{custom_domain, OssEndpoint};
use crate::error::{Error, Result};
use crate::message::SignMessage;
use crate::sign::encode::{encode_path, percent_encode, percent_encode_into};
use serde::Serialize;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
