//! The `Authorization: OSS <id>:<signature>` header: the date it signs, and the headers to add.

use super::canonical::stages;
use super::request::{
    add_security_token_header, check_credentials, checked_headers, find, OssCredentials,
    OssRequest, SECURITY_TOKEN_HEADER,
};
use crate::error::{Error, ErrorKind, Result};
use crate::message::SignMessage;
use crate::time::UtcTime;
use serde::Serialize;

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
