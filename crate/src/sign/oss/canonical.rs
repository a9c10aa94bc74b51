//! The signature itself: CanonicalizedOSSHeaders, CanonicalizedResource (with the signed
//! sub-resources), StringToSign and its HMAC-SHA1, shared by the header and the presigned URL.

use super::names::{check_bucket, check_key};
use super::request::{find, object_key, OssRequest};
use crate::crypto;
use crate::error::{Error, Result};
use crate::message::SignMessage;
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

/// Every stage of a signature, from which the header and the presigned URL are written.
pub struct Stages {
    pub headers: String,
    pub resource: String,
    pub string_to_sign: String,
    pub signature: String,
}

/// `extra_param` is a query parameter signed in addition to the request's own (the presigned
/// URL's STS token).
pub fn stages(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subresource_list_is_sorted_and_complete() {
        let mut sorted = SUBRESOURCES;
        sorted.sort();
        assert_eq!(sorted, SUBRESOURCES);
        assert!(is_subresource("acl") && is_subresource("x-oss-process"));
        assert!(!is_subresource("prefix") && !is_subresource("max-keys"));
    }
}
