//! The CLI's HTTPS client (ureq over rustls): sends what the core built, unchanged, and hands the
//! answer back as the core's `HttpResponse`. Never follows redirects (a Login's 302 is an answer)
//! and never logs a body.
//!
//! Test-only overrides, read from the environment: `ROLEHOP_STS_ENDPOINT` and
//! `ROLEHOP_SIGNIN_ENDPOINT` (`https://ADDRESS:PORT`: where connections for `sts.aliyuncs.com`,
//! and for `signin.aliyun.com` / `signin.alibabacloud.com`, go instead; the request, its Host and
//! the certificate's name stay the real ones), and `ROLEHOP_CA_FILE` (PEM certificates to trust
//! instead of the built-in web roots).

use rolehop::api::HttpResponse;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;
use ureq::config::Config;
use ureq::http::Uri;
use ureq::tls::{parse_pem, PemItem, RootCerts, TlsConfig};
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};
use ureq::Agent;

/// Sends the overridden hosts to their test addresses, every other host to DNS.
#[derive(Debug)]
struct Overrides {
    sts: Option<SocketAddr>,
    signin: Option<SocketAddr>,
    dns: DefaultResolver,
}

impl Overrides {
    fn address_for(&self, host: &str) -> Option<SocketAddr> {
        match host {
            "sts.aliyuncs.com" => self.sts,
            "signin.aliyun.com" | "signin.alibabacloud.com" => self.signin,
            _ => None,
        }
    }
}

impl Resolver for Overrides {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        match uri.host().and_then(|h| self.address_for(h)) {
            Some(address) => {
                let mut found = self.empty();
                found.push(address);
                Ok(found)
            }
            None => self.dns.resolve(uri, config, timeout),
        }
    }
}

/// Why a request got no answer.
pub struct Unreachable {
    pub host: String,
    pub reason: String,
}

pub struct Client {
    agent: Agent,
}

impl Client {
    /// The client, with the environment's overrides (an unusable override is an error).
    pub fn from_env() -> Result<Client, String> {
        let address = |name: &str| -> Result<Option<SocketAddr>, String> {
            let Ok(value) = std::env::var(name) else {
                return Ok(None);
            };
            let bad = || format!("{name}={value:?} is not https://ADDRESS:PORT");
            let rest = value.strip_prefix("https://").ok_or_else(bad)?;
            let rest = rest.trim_end_matches('/');
            let mut found = rest.to_socket_addrs().map_err(|_| bad())?;
            found.next().map(Some).ok_or_else(bad)
        };
        let mut tls = TlsConfig::builder();
        if let Ok(file) = std::env::var("ROLEHOP_CA_FILE") {
            let pem = std::fs::read(&file)
                .map_err(|e| format!("could not read ROLEHOP_CA_FILE {file}: {e}"))?;
            let certs: Vec<_> = parse_pem(&pem)
                .filter_map(|item| match item {
                    Ok(PemItem::Certificate(c)) => Some(c),
                    _ => None,
                })
                .collect();
            if certs.is_empty() {
                return Err(format!("ROLEHOP_CA_FILE {file} holds no PEM certificate"));
            }
            tls = tls.root_certs(RootCerts::Specific(Arc::new(certs)));
        }
        let config = Agent::config_builder()
            .tls_config(tls.build())
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(30)))
            .build();
        let overrides = Overrides {
            sts: address("ROLEHOP_STS_ENDPOINT")?,
            signin: address("ROLEHOP_SIGNIN_ENDPOINT")?,
            dns: DefaultResolver::default(),
        };
        let agent = Agent::with_parts(config, DefaultConnector::default(), overrides);
        Ok(Client { agent })
    }

    /// POSTs `body` with `headers` to `url`.
    pub fn post(
        &self,
        url: &str,
        headers: &[(String, String)],
        body: &str,
    ) -> Result<HttpResponse, Unreachable> {
        let host = host_of(url);
        let mut request = self.agent.post(url);
        for (name, value) in headers {
            request = request.header(name.as_str(), value.as_str());
        }
        let mut response = request.send(body).map_err(|e| Unreachable {
            host: host.clone(),
            reason: e.to_string(),
        })?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    v.to_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        let body = response
            .body_mut()
            .read_to_string()
            .map_err(|e| Unreachable {
                host,
                reason: e.to_string(),
            })?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?']).next().unwrap_or(rest).to_string()
}
