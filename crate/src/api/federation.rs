//! Console sign-in from STS credentials: the federation endpoint's GetSigninToken request, its
//! answer, and the Login URL the browser is sent to.
//!
//! Alibaba Cloud's API reference, "GetSigninToken" (help.aliyun.com/document_detail/91913) and
//! "Login" (help.aliyun.com/document_detail/91914): both are logon operations on
//! `https://signin.aliyun.com/federation` (international site `signin.alibabacloud.com`), take no
//! common parameters and need no signature. GetSigninToken's parameters "must be
//! x-www-form-urlencoded, otherwise the call fails": `Action=GetSigninToken`, the STS
//! `AccessKeyId`, `AccessKeySecret`, `SecurityToken`, and `TicketType=mini`. Its answer is
//! `{"RequestId": "…", "SigninToken": "…"}`; the token expires after 30 s and can be used once.
//! Login is `…/federation?Action=Login&LoginUrl=…&Destination=…&SigninToken=…` (each value
//! URL-encoded), answered `302 Found` with `Location: <Destination>`; the Destination "must be an
//! official Alibaba Cloud address". Documented errors: 400 `InvalidAction`, 400
//! `MissingParameter.<name>`, 401 `InvalidCredential.AuthenticateFail`.

use super::errors::read_error_body;
use super::http::HttpResponse;
use super::json;
use super::sts::StsCredentials;
use crate::error::{Error, ErrorKind, Result};
use crate::message::{ApiMessage, SigninMessage};
use crate::profile::Site;
use crate::sign::encode::percent_encode;
use serde::Serialize;

/// The federation path on the site's sign-in host.
const FEDERATION_PATH: &str = "/federation";

/// The documented lifetime of a sign-in token: use it at once.
pub const SIGNIN_TOKEN_SECONDS: u64 = 30;

/// A form POST for the caller to send unchanged. The body holds the STS secret and token: send it
/// only to the federation endpoint, never log it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FormRequest {
    pub method: &'static str,
    pub url: String,
    #[serde(serialize_with = "super::built::headers_in_order")]
    #[cfg_attr(test, ts(type = "Record<string, string>"))]
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// The federation endpoint of `site`: `https://signin.aliyun.com/federation` or
/// `https://signin.alibabacloud.com/federation`.
pub fn federation_url(site: Site) -> String {
    format!("https://{}{FEDERATION_PATH}", site.signin_host())
}

/// The GetSigninToken request for STS credentials (an AccessKey without a security token is
/// refused here: the federation endpoint signs in only STS sessions).
pub fn signin_token_request(credentials: &StsCredentials, site: Site) -> Result<FormRequest> {
    if credentials.security_token.is_empty() {
        return Err(
            Error::said(ErrorKind::MissingField, SigninMessage::TokenNeedsSts {})
                .at("$.credentials.securityToken"),
        );
    }
    let params = [
        ("Action", "GetSigninToken"),
        ("AccessKeyId", credentials.access_key_id.as_str()),
        ("AccessKeySecret", credentials.access_key_secret.as_str()),
        ("SecurityToken", credentials.security_token.as_str()),
        ("TicketType", "mini"),
    ];
    Ok(FormRequest {
        method: "POST",
        url: federation_url(site),
        headers: vec![(
            "Content-Type".to_string(),
            "application/x-www-form-urlencoded".to_string(),
        )],
        body: form(&params),
    })
}

/// `k=v&k=v` with every value percent-encoded (RFC 3986 unreserved characters kept, which a
/// form decoder reads back unchanged).
fn form(params: &[(&str, &str)]) -> String {
    params
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// A sign-in token: a secret for 30 seconds, for one Login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SigninToken {
    pub request_id: String,
    pub signin_token: String,
}

/// Why the federation endpoint refused a call, by its documented codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum FederationFailure {
    /// `InvalidCredential.*` (401): the STS credentials are wrong or expired, or the sign-in
    /// token was used already or is older than 30 s.
    CredentialRefused,
    /// `MissingParameter.*` (400): a parameter did not arrive (often: not form-encoded).
    MissingParameter,
    /// `InvalidAction` (400).
    InvalidAction,
    /// Any other answer (a gateway page, an undocumented code).
    Other,
}

/// A refused federation call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FederationError {
    pub failure: FederationFailure,
    /// The documented code, or `Http<status>` when the answer carried none.
    pub code: String,
    pub message: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub request_id: Option<String>,
}

/// GetSigninToken's answer: the token, or the endpoint's error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigninOutcome {
    Token(SigninToken),
    Refused(FederationError),
}

/// Reads GetSigninToken's answer. A 2xx answer must carry `SigninToken` (an error body in it is
/// still an error); other statuses are errors.
pub fn parse_signin_token(response: &HttpResponse) -> Result<SigninOutcome> {
    if (200..300).contains(&response.status) {
        match read_token(&response.body) {
            Ok(token) => return Ok(SigninOutcome::Token(token)),
            // The body's own words say what is missing (a catalog message).
            Err(e) if read_error_body(&response.body).is_none() => return Err(e),
            Err(_) => {}
        }
    }
    Ok(SigninOutcome::Refused(federation_error(response)))
}

fn read_token(body: &str) -> Result<SigninToken> {
    let value = json::parse(body)?;
    let root = json::Node::root(&value);
    root.expect_object()?;
    let token = SigninToken {
        request_id: root.opt_string("RequestId")?.unwrap_or_default(),
        signin_token: root.string("SigninToken")?,
    };
    if token.signin_token.is_empty() {
        // An empty token is as good as none.
        return Err(json::bad_body(ApiMessage::BodyMissing {
            path: "SigninToken".into(),
            expected: Box::new(ApiMessage::JsonString {}),
        }));
    }
    Ok(token)
}

/// The error a federation answer carries, classified by its documented code.
pub fn federation_error(response: &HttpResponse) -> FederationError {
    let fields = read_error_body(&response.body);
    let (code, message, request_id) = match fields {
        Some(f) => (f.code.clone(), f.message.clone(), f.request_id().cloned()),
        None => (
            format!("Http{}", response.status),
            String::new(),
            response.header("x-acs-request-id").map(str::to_string),
        ),
    };
    let failure = if code.starts_with("InvalidCredential") {
        FederationFailure::CredentialRefused
    } else if code.starts_with("MissingParameter") {
        FederationFailure::MissingParameter
    } else if code == "InvalidAction" {
        FederationFailure::InvalidAction
    } else {
        FederationFailure::Other
    };
    FederationError {
        failure,
        code,
        message,
        status: response.status,
        request_id,
    }
}

/// The Login URL: the browser goes there at once (the token lives 30 s). `destination` must be
/// an official Alibaba Cloud https address ([`check_destination`]); `login_url` is where the
/// console sends the user when the session ends (an https URL).
pub fn login_url(site: Site, login_url: &str, destination: &str, token: &str) -> Result<String> {
    check_destination(destination, "$.destination")?;
    check_https_url(login_url, "$.loginUrl")?;
    if token.is_empty() {
        return Err(Error::missing("$.signinToken"));
    }
    Ok(format!(
        "{}?Action=Login&LoginUrl={}&Destination={}&SigninToken={}",
        federation_url(site),
        percent_encode(login_url),
        percent_encode(destination),
        percent_encode(token)
    ))
}

/// The default Destination: the OSS console of the site.
pub fn default_destination(site: Site) -> &'static str {
    match site {
        Site::Cn => "https://oss.console.aliyun.com/",
        Site::Intl => "https://oss.console.alibabacloud.com/",
    }
}

/// The default LoginUrl: the site's console home, where an ended session signs in again.
pub fn default_login_url(site: Site) -> &'static str {
    match site {
        Site::Cn => "https://home.console.aliyun.com/",
        Site::Intl => "https://home.console.alibabacloud.com/",
    }
}

/// The hosts of the official Alibaba Cloud addresses a Destination may name.
const OFFICIAL_DOMAINS: [&str; 2] = ["aliyun.com", "alibabacloud.com"];

/// A Destination is an https URL on `aliyun.com` or `alibabacloud.com` (or a subdomain), as the
/// Login reference requires.
pub fn check_destination(url: &str, path: &str) -> Result<()> {
    let host = check_https_url(url, path)?;
    let official = OFFICIAL_DOMAINS
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")));
    if official {
        Ok(())
    } else {
        Err(Error::invalid(
            path,
            format!(
                "{url:?} is not an official Alibaba Cloud address: the Login destination must be an https URL under aliyun.com or alibabacloud.com, e.g. {}",
                default_destination(Site::Cn)
            ),
        ))
    }
}

/// The lowercased host of an `https://host[/...]` URL without user info or port.
fn check_https_url(url: &str, path: &str) -> Result<String> {
    let bad = |why: &str| {
        Error::invalid(
            path,
            format!("{url:?} is not a usable address: {why}; give an https:// URL"),
        )
    };
    let rest = url
        .strip_prefix("https://")
        .ok_or_else(|| bad("it does not start with https://"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    if host.is_empty() {
        return Err(bad("it has no host"));
    }
    if host.contains(['@', ':', '\\']) || url.chars().any(|c| c.is_control() || c == ' ') {
        return Err(bad(
            "it carries user info, a port, a backslash, a space or a control character",
        ));
    }
    Ok(host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creds() -> StsCredentials {
        StsCredentials {
            access_key_id: "STS.key".into(),
            access_key_secret: "se/cr+et=".into(),
            security_token: "CAES token&x".into(),
            expiration: "2026-12-07T05:00:00Z".into(),
        }
    }

    fn answer(status: u16, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            headers: vec![],
            body: body.into(),
        }
    }

    #[test]
    fn request_is_the_documented_form_post() {
        let r = signin_token_request(&creds(), Site::Cn).unwrap();
        assert_eq!(r.method, "POST");
        assert_eq!(r.url, "https://signin.aliyun.com/federation");
        assert_eq!(
            r.headers,
            vec![(
                "Content-Type".to_string(),
                "application/x-www-form-urlencoded".to_string()
            )]
        );
        assert_eq!(
            r.body,
            "Action=GetSigninToken&AccessKeyId=STS.key&AccessKeySecret=se%2Fcr%2Bet%3D\
             &SecurityToken=CAES%20token%26x&TicketType=mini"
        );
        let intl = signin_token_request(&creds(), Site::Intl).unwrap();
        assert_eq!(intl.url, "https://signin.alibabacloud.com/federation");
        let mut no_token = creds();
        no_token.security_token.clear();
        let e = signin_token_request(&no_token, Site::Cn).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("$.credentials.securityToken"));
    }

    #[test]
    fn token_and_documented_errors() {
        let ok = parse_signin_token(&answer(
            200,
            r#"{"RequestId":"04F0F3E73368","SigninToken":"5aW9/a+="}"#,
        ))
        .unwrap();
        assert_eq!(
            ok,
            SigninOutcome::Token(SigninToken {
                request_id: "04F0F3E73368".into(),
                signin_token: "5aW9/a+=".into()
            })
        );
        let refused = parse_signin_token(&answer(
            401,
            r#"{"RequestId":"R1","Code":"InvalidCredential.AuthenticateFail","Message":"The credential you provided is invalid."}"#,
        ))
        .unwrap();
        let SigninOutcome::Refused(e) = refused else {
            panic!("expected a refusal")
        };
        assert_eq!(e.failure, FederationFailure::CredentialRefused);
        assert_eq!(e.request_id.as_deref(), Some("R1"));
        let missing = parse_signin_token(&answer(
            400,
            r#"{"Code":"MissingParameter.SecurityToken","Message":"The parameter SecurityToken is missing."}"#,
        ))
        .unwrap();
        assert!(matches!(
            missing,
            SigninOutcome::Refused(FederationError {
                failure: FederationFailure::MissingParameter,
                ..
            })
        ));
        let invalid = parse_signin_token(&answer(400, r#"{"Code":"InvalidAction"}"#)).unwrap();
        assert!(matches!(
            invalid,
            SigninOutcome::Refused(FederationError {
                failure: FederationFailure::InvalidAction,
                ..
            })
        ));
        let gateway = parse_signin_token(&answer(502, "<html>bad gateway</html>")).unwrap();
        let SigninOutcome::Refused(e) = gateway else {
            panic!("expected a refusal")
        };
        assert_eq!(
            (e.failure, e.code.as_str()),
            (FederationFailure::Other, "Http502")
        );
        let error_in_200 = parse_signin_token(&answer(200, r#"{"Code":"InvalidAction"}"#)).unwrap();
        assert!(matches!(error_in_200, SigninOutcome::Refused(_)));
        let e = parse_signin_token(&answer(200, r#"{"RequestId":"x"}"#)).unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::InvalidResponse);
        assert!(e.en().contains("SigninToken"), "{}", e.en());
        assert!(parse_signin_token(&answer(200, r#"{"SigninToken":""}"#)).is_err());
    }

    #[test]
    fn login_url_encodes_every_value() {
        let url = login_url(
            Site::Cn,
            "https://home.console.aliyun.com/",
            "https://oss.console.aliyun.com/bucket?x=1&y=2",
            "5aW9/a+=",
        )
        .unwrap();
        assert_eq!(
            url,
            "https://signin.aliyun.com/federation?Action=Login\
             &LoginUrl=https%3A%2F%2Fhome.console.aliyun.com%2F\
             &Destination=https%3A%2F%2Foss.console.aliyun.com%2Fbucket%3Fx%3D1%26y%3D2\
             &SigninToken=5aW9%2Fa%2B%3D"
        );
        let intl = login_url(
            Site::Intl,
            default_login_url(Site::Intl),
            default_destination(Site::Intl),
            "t",
        )
        .unwrap();
        assert!(intl.starts_with("https://signin.alibabacloud.com/federation?Action=Login&"));
    }

    #[test]
    fn destination_must_be_official_https() {
        for good in [
            "https://oss.console.aliyun.com/",
            "https://ecs.console.alibabacloud.com/#/home",
            "https://aliyun.com",
        ] {
            check_destination(good, "$.destination").unwrap();
        }
        for bad in [
            "http://oss.console.aliyun.com/",
            "https://evil.com/?aliyun.com",
            "https://evilaliyun.com/",
            "https://oss.console.aliyun.com.evil.com/",
            "https://user@oss.console.aliyun.com/",
            "https://oss.console.aliyun.com:8443/",
            "javascript:alert(1)",
            "https:///",
        ] {
            let e = check_destination(bad, "$.destination").unwrap_err();
            assert_eq!(e.path.as_deref(), Some("$.destination"), "{bad}");
        }
        assert!(login_url(
            Site::Cn,
            "http://x.example/",
            default_destination(Site::Cn),
            "t"
        )
        .is_err());
        assert!(login_url(
            Site::Cn,
            default_login_url(Site::Cn),
            default_destination(Site::Cn),
            ""
        )
        .is_err());
    }
}
