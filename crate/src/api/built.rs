//! What building a request gives: the HTTP request to send, unchanged, and its signing stages.

use serde::{Serialize, Serializer};

/// An HTTP request for the caller to send unchanged (`request`'s answer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BuiltRequest {
    pub method: &'static str,
    pub url: String,
    /// In the order to send them (an object: JavaScript keeps its keys' order).
    #[serde(serialize_with = "headers_in_order")]
    #[cfg_attr(test, ts(type = "Record<string, string>"))]
    pub headers: Vec<(String, String)>,
    /// The form body of RPC requests; null for OSS GETs.
    pub body: Option<String>,
    pub signing: Signing,
}

/// The signing stages: `canonical_query` for RPC, `canonicalized_resource` for OSS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "RequestSigning"))]
#[serde(rename_all = "camelCase")]
pub struct Signing {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub canonical_query: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub canonicalized_resource: Option<String>,
    pub string_to_sign: String,
    pub signature: String,
}

/// Header pairs as one JSON object, in the order given.
pub fn headers_in_order<S: Serializer>(
    headers: &[(String, String)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(headers.iter().map(|(k, v)| (k, v)))
}

/// An API parameter ready to send; `None` is a bare OSS query key (`?bucketInfo`).
pub type Param = (&'static str, Option<String>);
