//! What building a request gives: the HTTP request to send, unchanged, and its signing stages.

/// An HTTP request for the caller to send unchanged. Written by hand in contract/request.rs
/// (`request`); the declaration says what that writes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct BuiltRequest {
    pub method: &'static str,
    pub url: String,
    /// In the order to send them (an object: JavaScript keeps its keys' order).
    #[cfg_attr(test, ts(type = "Record<string, string>"))]
    pub headers: Vec<(String, String)>,
    /// The form body of RPC requests; `None` for OSS GETs.
    pub body: Option<String>,
    pub signing: Signing,
}

/// The signing stages: `canonical_query` for RPC, `canonicalized_resource` for OSS.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "RequestSigning", rename_all = "camelCase"))]
pub struct Signing {
    #[cfg_attr(test, ts(optional))]
    pub canonical_query: Option<String>,
    #[cfg_attr(test, ts(optional))]
    pub canonicalized_resource: Option<String>,
    pub string_to_sign: String,
    pub signature: String,
}

/// An API parameter ready to send; `None` is a bare OSS query key (`?bucketInfo`).
pub type Param = (&'static str, Option<String>);
