//! STS and RAM requests: RPC V1-signed form POSTs to `https://<host>/`.

use super::action::{Action, Service};
use super::built::{BuiltRequest, Param, Signing};
use super::input::RequestInput;
use super::validate::check_nonce;
use crate::endpoint::aliyuncs_endpoint;
use crate::error::{Error, Result};
use crate::message::ApiMessage;
use crate::sign::rpc;
use crate::time::UtcTime;

/// Default host and API version of an RPC service.
fn service_endpoint(service: Service) -> (&'static str, &'static str) {
    match service {
        Service::Sts => ("sts.aliyuncs.com", "2015-04-01"),
        _ => ("ram.aliyuncs.com", "2015-05-01"),
    }
}

pub(super) fn assemble(
    input: &RequestInput,
    time: UtcTime,
    own: Vec<Param>,
) -> Result<BuiltRequest> {
    if input.region.is_some() {
        return Err(Error::invalid_said("$.region", ApiMessage::RegionNotRpc {}));
    }
    if input.bucket.is_some() {
        let text = ApiMessage::BucketNotTaken {
            action: input.action.name().to_string(),
        };
        return Err(Error::invalid_said("$.bucket", text));
    }
    let nonce = check_nonce(input.nonce.as_deref())?;
    let (default_host, version) = service_endpoint(input.action.service());
    let host = match &input.endpoint {
        Some(endpoint) => aliyuncs_endpoint(endpoint, "$.endpoint")?,
        None => default_host.to_string(),
    };
    // A denial's encoded message goes to RAM's documented endpoint and nowhere else.
    if input.action == Action::DecodeDiagnosticMessage && host != default_host {
        let text = ApiMessage::EndpointFixed {
            action: input.action.name().to_string(),
            host: default_host.to_string(),
        };
        return Err(Error::invalid_said("$.endpoint", text));
    }
    let creds = &input.credentials;
    let mut params: Vec<(String, String)> = [
        ("Action", input.action.name()),
        ("Version", version),
        ("Format", "JSON"),
        ("AccessKeyId", creds.access_key_id.as_str()),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("SignatureNonce", nonce),
        ("Timestamp", time.to_iso8601().as_str()),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    if let Some(token) = &creds.security_token {
        params.push(("SecurityToken".to_string(), token.clone()));
    }
    params.extend(
        own.into_iter()
            .map(|(k, v)| (k.to_string(), v.unwrap_or_default())),
    );
    let signed = rpc::sign("POST", &params, &creds.access_key_secret)?;
    let body = rpc::signed_query(&params, &signed.signature);
    Ok(BuiltRequest {
        method: "POST",
        url: format!("https://{host}/"),
        headers: vec![(
            "Content-Type".to_string(),
            "application/x-www-form-urlencoded".to_string(),
        )],
        body: Some(body),
        signing: Signing {
            canonical_query: Some(signed.canonical_query),
            canonicalized_resource: None,
            string_to_sign: signed.string_to_sign,
            signature: signed.signature,
        },
    })
}
