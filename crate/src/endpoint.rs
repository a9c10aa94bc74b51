//! Where signed requests and presigned URLs may go: the one home of the endpoint rules.
//!
//! DESIGN decision 6 lets an STS token travel only to `*.aliyuncs.com`, or in a presigned URL to
//! an https OSS endpoint the user asked for. So every endpoint a caller gives goes through here:
//! - [`https_host`]: the URL form itself. An optional `https://` (never `http://`), then a host
//!   name, optionally `:443` and one trailing `/`; no user info, other port, path, query or
//!   fragment. Host names are case-insensitive and come out lowercased.
//! - [`OssEndpoint::parse`]: an OSS endpoint, exactly the documented shapes under
//!   `aliyuncs.com`: `oss-<region>` (public), `oss-<region>-internal` (internal), `<region>.oss`
//!   (dual-stack), `oss-accelerate` and `oss-accelerate-overseas` (transfer acceleration), each
//!   optionally behind `<bucket>.` (the bucket's own domain name).
//! - [`custom_domain`]: a custom domain bound to a bucket (`"cname": true`), https only.
//! - [`aliyuncs_endpoint`]: an STS or RAM endpoint, any host under `aliyuncs.com`.

use crate::error::{Error, Result};
use crate::message::SignMessage;
use crate::rules::oss::is_bucket_name;

const ALIYUNCS: &str = ".aliyuncs.com";

/// The lowercased host name of an https endpoint given as `host`, `https://host`, `host:443` or
/// with a trailing `/`. `path` is the JSON path errors name.
pub fn https_host(text: &str, path: &str) -> Result<String> {
    let value = || text.to_string();
    let bad = |message: SignMessage| Error::invalid_said(path, message);
    let rest = match text.split_once("://") {
        None => text,
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("https") => rest,
        Some((scheme, _)) if scheme.eq_ignore_ascii_case("http") => {
            return Err(bad(SignMessage::EndpointHttp { value: value() }))
        }
        Some((scheme, _)) => {
            return Err(bad(SignMessage::EndpointScheme {
                value: value(),
                scheme: scheme.to_string(),
            }))
        }
    };
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if !tail.is_empty() && tail != "/" {
        return Err(bad(SignMessage::EndpointPath { value: value() }));
    }
    if authority.contains('@') {
        return Err(bad(SignMessage::EndpointUserInfo { value: value() }));
    }
    let host = match authority.rsplit_once(':') {
        None => authority,
        Some((host, "443")) => host,
        Some(_) => return Err(bad(SignMessage::EndpointPort { value: value() })),
    };
    if let Some(problem) = host_name_problem(host, text) {
        return Err(bad(problem));
    }
    Ok(host.to_ascii_lowercase())
}

/// Why `host` (of the endpoint `value`) is not a DNS host name (letters, digits and `-` in
/// dot-separated labels of 1-63, at most 253 in all), or `None`. IP addresses are refused: a
/// numeric last label is never a top-level domain.
fn host_name_problem(host: &str, value: &str) -> Option<SignMessage> {
    let value = value.to_string();
    if host.is_empty() {
        return Some(SignMessage::EndpointHostEmpty { value });
    }
    if host.len() > 253 {
        return Some(SignMessage::EndpointHostLong { value });
    }
    if let Some(c) = host
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
    {
        let character = c.escape_debug().to_string();
        return Some(if c.is_ascii() {
            SignMessage::EndpointHostCharacter { value, character }
        } else {
            SignMessage::EndpointHostNonAscii { value, character }
        });
    }
    let labels_ok = host.split('.').all(|label| {
        (1..=63).contains(&label.len()) && !label.starts_with('-') && !label.ends_with('-')
    });
    if !labels_ok {
        return Some(SignMessage::EndpointHostLabel { value });
    }
    if host
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(SignMessage::EndpointHostIp { value });
    }
    None
}

/// An OSS endpoint in one of the documented shapes, possibly a bucket's own domain name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OssEndpoint {
    /// The region endpoint, e.g. `oss-cn-hangzhou.aliyuncs.com`.
    pub service_host: String,
    /// The bucket of a bucket domain name (`<bucket>.oss-cn-hangzhou.aliyuncs.com`).
    pub bucket: Option<String>,
    /// The region id (`cn-hangzhou`); `None` for the transfer acceleration endpoints.
    pub region: Option<String>,
}

impl OssEndpoint {
    /// Reads `text` (see [`https_host`]) as an OSS endpoint; anything else is an error at `path`.
    pub fn parse(text: &str, path: &str) -> Result<OssEndpoint> {
        let host = https_host(text, path)?;
        Self::from_host(&host).ok_or_else(|| {
            let value = text.to_string();
            Error::invalid_said(path, SignMessage::EndpointNotOss { value })
        })
    }

    /// Classifies a lowercased host name; `None` when it is not a documented OSS shape.
    fn from_host(host: &str) -> Option<OssEndpoint> {
        let rest = host.strip_suffix(ALIYUNCS)?;
        let mut labels: Vec<&str> = rest.split('.').collect();
        let region = if labels.last() == Some(&"oss") {
            // Dual-stack: [<bucket>.]<region>.oss.aliyuncs.com
            labels.pop();
            let region = labels.pop()?;
            is_region_id(region).then(|| Some(region.to_string()))?
        } else {
            let service = labels.pop()?.strip_prefix("oss-")?;
            match service {
                "accelerate" | "accelerate-overseas" => None,
                _ => {
                    let region = service.strip_suffix("-internal").unwrap_or(service);
                    is_region_id(region).then(|| Some(region.to_string()))?
                }
            }
        };
        let bucket = match labels.as_slice() {
            [] => None,
            [bucket] if is_bucket_name(bucket) => Some(bucket.to_string()),
            _ => return None,
        };
        let service_host = match &bucket {
            Some(b) => host.get(b.len() + 1..)?.to_string(),
            None => host.to_string(),
        };
        Some(OssEndpoint {
            service_host,
            bucket,
            region,
        })
    }

    /// The host to address: `<bucket>.<service host>` for a bucket-level request, the service
    /// host for a service-level one. A bucket domain name is taken for its own bucket only.
    pub fn host_for(&self, bucket: Option<&str>, path: &str) -> Result<String> {
        match (&self.bucket, bucket) {
            (None, Some(bucket)) => Ok(format!("{bucket}.{}", self.service_host)),
            (None, None) => Ok(self.service_host.clone()),
            (Some(own), Some(bucket)) if own == bucket => {
                Ok(format!("{bucket}.{}", self.service_host))
            }
            (Some(own), Some(bucket)) => Err(Error::invalid_said(
                path,
                SignMessage::EndpointBucketDomain {
                    own: own.clone(),
                    bucket: bucket.to_string(),
                    endpoint: self.service_host.clone(),
                },
            )),
            (Some(own), None) => Err(Error::invalid_said(
                path,
                SignMessage::EndpointBucketDomainNoBucket {
                    own: own.clone(),
                    endpoint: self.service_host.clone(),
                },
            )),
        }
    }
}

/// The region id of an OSS endpoint (e.g. the one an OSS error names), when `text` is one.
pub fn oss_endpoint_region(text: &str) -> Option<String> {
    OssEndpoint::parse(text.trim(), "$").ok()?.region
}

/// A custom domain bound to a bucket (`"cname": true` when presigning): any https host name,
/// except one under `aliyuncs.com`, which is Alibaba Cloud's and addressed as an endpoint.
pub fn custom_domain(text: &str, path: &str) -> Result<String> {
    let host = https_host(text, path)?;
    if host.ends_with(ALIYUNCS) || host == "aliyuncs.com" {
        let value = text.to_string();
        return Err(Error::invalid_said(
            path,
            SignMessage::EndpointCnameAliyun { value },
        ));
    }
    Ok(host)
}

/// An STS or RAM endpoint: any host under `aliyuncs.com` (e.g. `sts.cn-hangzhou.aliyuncs.com`).
pub fn aliyuncs_endpoint(text: &str, path: &str) -> Result<String> {
    let host = https_host(text, path)?;
    if host.ends_with(ALIYUNCS) {
        Ok(host)
    } else {
        let value = text.to_string();
        Err(Error::invalid_said(
            path,
            SignMessage::EndpointNotAliyuncs { value },
        ))
    }
}

/// A region id such as `cn-hangzhou`: 2-40 characters, lowercase words and digits joined by `-`.
pub fn is_region_id(region: &str) -> bool {
    (2..=40).contains(&region.len())
        && region.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oss(text: &str) -> Result<OssEndpoint> {
        OssEndpoint::parse(text, "$.endpoint")
    }

    #[test]
    fn documented_oss_shapes_are_endpoints() {
        for (text, service_host, bucket, region) in [
            (
                "oss-cn-hangzhou.aliyuncs.com",
                "oss-cn-hangzhou.aliyuncs.com",
                None,
                Some("cn-hangzhou"),
            ),
            (
                "https://OSS-CN-Shanghai.aliyuncs.com/",
                "oss-cn-shanghai.aliyuncs.com",
                None,
                Some("cn-shanghai"),
            ),
            (
                "oss-cn-beijing-internal.aliyuncs.com:443",
                "oss-cn-beijing-internal.aliyuncs.com",
                None,
                Some("cn-beijing"),
            ),
            (
                "cn-hangzhou.oss.aliyuncs.com",
                "cn-hangzhou.oss.aliyuncs.com",
                None,
                Some("cn-hangzhou"),
            ),
            (
                "oss-accelerate.aliyuncs.com",
                "oss-accelerate.aliyuncs.com",
                None,
                None,
            ),
            (
                "oss-accelerate-overseas.aliyuncs.com",
                "oss-accelerate-overseas.aliyuncs.com",
                None,
                None,
            ),
            (
                "oss-cn-north-2-gov-1.aliyuncs.com",
                "oss-cn-north-2-gov-1.aliyuncs.com",
                None,
                Some("cn-north-2-gov-1"),
            ),
            (
                "examplebucket.oss-cn-hangzhou.aliyuncs.com",
                "oss-cn-hangzhou.aliyuncs.com",
                Some("examplebucket"),
                Some("cn-hangzhou"),
            ),
            (
                "b-1.cn-hangzhou.oss.aliyuncs.com",
                "cn-hangzhou.oss.aliyuncs.com",
                Some("b-1"),
                Some("cn-hangzhou"),
            ),
            (
                "b-1.oss-accelerate.aliyuncs.com",
                "oss-accelerate.aliyuncs.com",
                Some("b-1"),
                None,
            ),
        ] {
            let e = oss(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(e.service_host, service_host, "{text}");
            assert_eq!(e.bucket.as_deref(), bucket, "{text}");
            assert_eq!(e.region.as_deref(), region, "{text}");
        }
    }

    #[test]
    fn anything_else_is_refused_at_the_path() {
        for bad in [
            "http://oss-cn-hangzhou.aliyuncs.com",
            "HTTP://oss-cn-hangzhou.aliyuncs.com",
            "ftp://oss-cn-hangzhou.aliyuncs.com",
            "http://evil.example.com",
            "evil.example.com",
            "oss-cn-hangzhou.aliyuncs.com.evil.com",
            "oss-cn-hangzhou.aliyuncs.com:8080",
            "oss-cn-hangzhou.aliyuncs.com:",
            "user@oss-cn-hangzhou.aliyuncs.com",
            "https://a:b@oss-cn-hangzhou.aliyuncs.com",
            "oss-cn-hangzhou.aliyuncs.com/x",
            "oss-cn-hangzhou.aliyuncs.com//",
            "oss-cn-hangzhou.aliyuncs.com?x",
            "oss-cn-hangzhou.aliyuncs.com#x",
            "oss-cn-hangzhou.aliyuncs.com\\@evil.com",
            "oss-cn-hangzhou.aliyuncs.com.",
            "sts.aliyuncs.com",
            "aliyuncs.com",
            "oss.aliyuncs.com",
            "oss-.aliyuncs.com",
            "oss-cn_hangzhou.aliyuncs.com",
            "a.b.oss-cn-hangzhou.aliyuncs.com",
            "Bad_Bucket.oss-cn-hangzhou.aliyuncs.com",
            "oss-cn-hangzhou-internal-internal.aliyuncs.com.x",
            "oss cn.aliyuncs.com",
            "",
            "https://",
            "ｏss-cn-hangzhou.aliyuncs.com",
            "[::1]",
            "127.0.0.1",
        ] {
            let e = oss(bad).expect_err(bad);
            assert_eq!(e.path.as_deref(), Some("$.endpoint"), "{bad}");
        }
        let e = oss("http://oss-cn-hangzhou.aliyuncs.com").unwrap_err();
        assert!(e.en().contains("use https://"), "{}", e.en());
    }

    #[test]
    fn bucket_domain_names_serve_their_own_bucket_only() {
        let e = oss("examplebucket.oss-cn-hangzhou.aliyuncs.com").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            e.host_for(Some("examplebucket"), "$.endpoint")
                .ok()
                .as_deref(),
            Some("examplebucket.oss-cn-hangzhou.aliyuncs.com")
        );
        for other in [Some("otherbucket"), None] {
            let err = e.host_for(other, "$.endpoint").unwrap_err();
            assert!(
                err.en().contains("oss-cn-hangzhou.aliyuncs.com"),
                "{}",
                err.en()
            );
        }
        let region = oss("oss-cn-hangzhou.aliyuncs.com").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            region.host_for(Some("b-1"), "$").ok().as_deref(),
            Some("b-1.oss-cn-hangzhou.aliyuncs.com")
        );
    }

    #[test]
    fn custom_domains_are_https_host_names_outside_aliyuncs() {
        assert_eq!(
            custom_domain("https://Static.Example.com/", "$.endpoint")
                .ok()
                .as_deref(),
            Some("static.example.com")
        );
        for bad in [
            "http://static.example.com",
            "static.example.com:8443",
            "static.example.com/path",
            "oss-cn-hangzhou.aliyuncs.com",
            "b.oss-cn-hangzhou.aliyuncs.com",
            "10.0.0.1",
            "under_score.example.com",
        ] {
            assert!(custom_domain(bad, "$.endpoint").is_err(), "{bad}");
        }
    }

    #[test]
    fn rpc_endpoints_stay_under_aliyuncs() {
        assert_eq!(
            aliyuncs_endpoint("https://STS.cn-hangzhou.aliyuncs.com/", "$.endpoint")
                .ok()
                .as_deref(),
            Some("sts.cn-hangzhou.aliyuncs.com")
        );
        for bad in [
            "evil.com",
            "aliyuncs.com",
            ".aliyuncs.com",
            "sts.aliyuncs.com.evil.com",
            "http://sts.aliyuncs.com",
            "sts.aliyuncs.com:8443",
            "a..aliyuncs.com",
            "sts.aliyuncs.com/x",
            "user@sts.aliyuncs.com",
        ] {
            assert!(aliyuncs_endpoint(bad, "$.endpoint").is_err(), "{bad}");
        }
    }

    #[test]
    fn region_of_an_oss_endpoint() {
        assert_eq!(
            oss_endpoint_region("oss-cn-beijing.aliyuncs.com").as_deref(),
            Some("cn-beijing")
        );
        assert_eq!(
            oss_endpoint_region("https://bkt.oss-ap-southeast-1-internal.aliyuncs.com").as_deref(),
            Some("ap-southeast-1")
        );
        assert_eq!(oss_endpoint_region("example.com"), None);
        assert_eq!(oss_endpoint_region("oss-.aliyuncs.com"), None);
    }
}
