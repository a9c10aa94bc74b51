//! OSS requests: OSS V1 header-signed GETs. Browsers forbid setting `Date` from fetch, so the
//! time travels in `x-oss-date`, which OSS uses in the string to sign's Date slot (as both
//! official SDKs do).

use super::action::ActionSpec;
use super::built::{BuiltRequest, Param, Signing};
use super::input::RequestInput;
use super::validate::check_region;
use crate::endpoint::OssEndpoint;
use crate::error::{Error, Result};
use crate::message::ApiMessage;
use crate::sign::encode::percent_encode_into;
use crate::sign::oss::{check_bucket, sign_header, OssCredentials, OssRequest};
use crate::time::UtcTime;

const DEFAULT_REGION: &str = "cn-hangzhou";

pub(super) fn assemble(
    input: &RequestInput,
    spec: &ActionSpec,
    time: UtcTime,
    query: Vec<Param>,
) -> Result<BuiltRequest> {
    let bucket = match (&input.bucket, spec.bucket) {
        (Some(bucket), true) => {
            check_bucket(bucket)?;
            Some(bucket.clone())
        }
        (None, true) => return Err(Error::missing("$.bucket")),
        (Some(_), false) => {
            let text = ApiMessage::BucketNotTaken {
                action: input.action.name().to_string(),
            };
            return Err(Error::invalid_said("$.bucket", text));
        }
        (None, false) => None,
    };
    let host = service_endpoint(input)?.host_for(bucket.as_deref(), "$.endpoint")?;
    let date = time.to_rfc1123();
    let request = OssRequest {
        method: "GET".to_string(),
        bucket,
        key: None,
        headers: vec![("x-oss-date".to_string(), date.clone())],
        query: query
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    };
    let creds = &input.credentials;
    let signed = sign_header(
        &request,
        &OssCredentials {
            access_key_id: creds.access_key_id.clone(),
            access_key_secret: creds.access_key_secret.clone(),
            security_token: creds.security_token.clone(),
        },
    )?;
    let mut headers = vec![("x-oss-date".to_string(), date)];
    headers.extend(signed.headers);
    Ok(BuiltRequest {
        method: "GET",
        url: url(&host, &query),
        headers,
        body: None,
        signing: Signing {
            canonical_query: None,
            canonicalized_resource: Some(signed.canonicalized_resource),
            string_to_sign: signed.string_to_sign,
            signature: signed.signature,
        },
    })
}

/// `oss-<region>.aliyuncs.com`, or the checked `endpoint` override (not both).
fn service_endpoint(input: &RequestInput) -> Result<OssEndpoint> {
    match (&input.endpoint, &input.region) {
        (Some(_), Some(_)) => Err(Error::invalid_said(
            "$.region",
            ApiMessage::RegionAndEndpoint {},
        )),
        (Some(endpoint), None) => OssEndpoint::parse(endpoint, "$.endpoint"),
        (None, region) => {
            let region = region.as_deref().unwrap_or(DEFAULT_REGION);
            check_region(region)?;
            OssEndpoint::parse(&format!("oss-{region}.aliyuncs.com"), "$.region")
        }
    }
}

fn url(host: &str, query: &[Param]) -> String {
    let mut url = format!("https://{host}/");
    for (i, (k, v)) in query.iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        percent_encode_into(&mut url, k);
        if let Some(v) = v {
            url.push('=');
            percent_encode_into(&mut url, v);
        }
    }
    url
}
