//! `sign`'s request, as the caller writes it: `kind` chooses the signature, then the fields of
//! that kind, read by the one path-reporting reader (crate/src/read/) in the order declared
//! here. Fields no kind reads are ignored.

use crate::error::{Error, ErrorKind, Result};
use crate::message::ApiMessage;
use crate::read::{self, read_value, Entries, Scalar};
use serde::Deserialize;
use serde_json::Value;

/// A `sign` request: one of the four signatures, chosen by `kind`.
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(tag = "kind"))]
pub enum SignRequest<'a> {
    #[cfg_attr(test, ts(rename = "rpc"))]
    Rpc(RpcSignRequest<'a>),
    #[cfg_attr(test, ts(rename = "oss"))]
    Oss(OssRequestFields<'a>),
    #[cfg_attr(test, ts(rename = "oss-presign"))]
    OssPresign(OssPresignRequest<'a>),
    #[cfg_attr(test, ts(rename = "post-policy"))]
    PostPolicy(PostPolicySignRequest<'a>),
}

/// RPC signature V1 (STS, RAM). `params` must already hold every parameter except `Signature`.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RpcSignRequest<'a> {
    #[cfg_attr(test, ts(type = "\"GET\" | \"POST\""))]
    pub method: &'a str,
    /// Numbers and booleans are signed as their JSON text.
    pub params: Entries<Scalar>,
    pub access_key_secret: &'a str,
}

/// Fields shared by the OSS header signature (`kind: "oss"`) and the presigned URL.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct OssRequestFields<'a> {
    #[cfg_attr(
        test,
        ts(type = "\"GET\" | \"PUT\" | \"POST\" | \"DELETE\" | \"HEAD\" | \"OPTIONS\"")
    )]
    pub method: &'a str,
    #[serde(borrow)]
    pub bucket: Option<&'a str>,
    #[serde(borrow)]
    pub key: Option<&'a str>,
    /// Must carry `Date` or `x-oss-date` (RFC 1123 GMT) for the header signature.
    #[cfg_attr(test, ts(optional))]
    pub headers: Option<Entries<Scalar>>,
    /// `null` is a bare sub-resource such as `?acl`.
    #[cfg_attr(test, ts(optional))]
    pub query: Option<Entries<Option<Scalar>>>,
    pub access_key_id: &'a str,
    pub access_key_secret: &'a str,
    /// STS token: sent as `x-oss-security-token` (header) or `security-token` (URL).
    #[serde(borrow)]
    pub security_token: Option<&'a str>,
}

/// OSS V1 presigned URL: the OSS request, then where and until when it is valid.
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OssPresignRequest<'a> {
    #[cfg_attr(test, ts(flatten))]
    pub request: OssRequestFields<'a>,
    #[cfg_attr(test, ts(flatten))]
    pub presign: PresignFields<'a>,
}

/// The fields only a presigned URL takes.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct PresignFields<'a> {
    /// Expiry time, Unix seconds.
    pub expires: i64,
    /// The OSS endpoint, e.g. `oss-cn-hangzhou.aliyuncs.com` (optionally `https://`; never http),
    /// or with `cname: true` a custom domain bound to the bucket. The URL is always https.
    pub endpoint: &'a str,
    /// `endpoint` is a custom domain (https, outside aliyuncs.com); `bucket` is then required.
    pub cname: Option<bool>,
}

/// OSS PostObject policy (V1). `policy` is the exact policy JSON text to sign.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PostPolicySignRequest<'a> {
    pub policy: &'a str,
    pub access_key_id: &'a str,
    pub access_key_secret: &'a str,
}

// Unknown fields are ignored (no kind refuses them): a request may carry another kind's fields.
impl<'a> SignRequest<'a> {
    /// Reads a parsed request: the `kind`, then its fields.
    pub fn read(value: &'a Value) -> Result<SignRequest<'a>> {
        let fields = |v: &'a Value| -> Result<OssRequestFields<'a>> { read_value(v, "$", None) };
        Ok(match read::tag(value, "$", "kind")? {
            "rpc" => SignRequest::Rpc(read_value(value, "$", None)?),
            "oss" => SignRequest::Oss(fields(value)?),
            "oss-presign" => SignRequest::OssPresign(OssPresignRequest {
                request: fields(value)?,
                presign: read_value(value, "$", None)?,
            }),
            "post-policy" => SignRequest::PostPolicy(read_value(value, "$", None)?),
            other => {
                let text = ApiMessage::UnknownKind {
                    kind: other.to_string(),
                };
                return Err(Error::said(ErrorKind::Unsupported, text).at("$.kind"));
            }
        })
    }
}
