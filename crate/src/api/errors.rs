//! Error answers: RPC JSON `{RequestId, HostId, Code, Message, Recommend}`, OSS XML
//! `<Error><Code/><Message/>...</Error>`, and anything else (an HTML 502 page, an empty body)
//! become one `ApiError` with a hint (a catalog message). Reading an error never fails.

use super::action::Action;
use super::denied::{self, AccessDeniedDetail};
use super::diff::{self, Comparison, SignatureDiff};
use super::hints::{self, Hint, HintContext};
use super::http::HttpResponse;
use super::xml;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    /// The service's code (`NoPermission`, `AccessDenied`, ...), or `Http<status>` when the
    /// answer carried no API error.
    pub code: String,
    pub message: String,
    pub request_id: Option<String>,
    /// What to do: a catalog message (`{id, args}`), rendered by the extension and the CLI.
    pub hint: Hint,
    pub status: u16,
    /// The response's `Date` header: compare it with the local clock to detect skew.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub server_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub host_id: Option<String>,
    /// RPC: the error center's page for the code.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub recommend: Option<String>,
    /// OSS: the endpoint the bucket must be addressed through.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub endpoint: Option<String>,
    /// OSS: the detailed error code (`EC`), searchable in OSS's error center.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub ec: Option<String>,
    /// SignatureDoesNotMatch: the string the server signed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub server_string_to_sign: Option<String>,
    /// SignatureDoesNotMatch with our string to sign: the first difference.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub signature_diff: Option<SignatureDiff>,
    /// A denial's own words: which policy refused, whom, and the encoded diagnostic message.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub access_denied_detail: Option<Box<AccessDeniedDetail>>,
}

/// The fields an error body carried.
#[derive(Debug, Default)]
pub struct ErrorFields {
    pub code: String,
    pub message: String,
    request_id: Option<String>,
    host_id: Option<String>,
    recommend: Option<String>,
    endpoint: Option<String>,
    ec: Option<String>,
    server_string_to_sign: Option<String>,
    access_denied_detail: Option<AccessDeniedDetail>,
}

impl ErrorFields {
    pub fn request_id(&self) -> Option<&String> {
        self.request_id.as_ref()
    }

    #[cfg(test)]
    pub fn access_denied_detail(&self) -> Option<&AccessDeniedDetail> {
        self.access_denied_detail.as_ref()
    }
}

/// The API error in `body`, if it is an RPC JSON or OSS XML error body.
pub fn read_error_body(body: &str) -> Option<ErrorFields> {
    let trimmed = body.trim_start();
    if trimmed.starts_with('{') {
        read_json_error(trimmed)
    } else if trimmed.starts_with('<') {
        read_xml_error(trimmed)
    } else {
        None
    }
}

fn read_json_error(body: &str) -> Option<ErrorFields> {
    let value: Value = serde_json::from_str(body).ok()?;
    let text = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_string);
    let code = text("Code")?;
    let message = text("Message").unwrap_or_default();
    let server_string_to_sign = message
        .split_once("server string to sign is:")
        .map(|(_, s)| s.trim().to_string())
        .filter(|s| !s.is_empty());
    Some(ErrorFields {
        code,
        message,
        request_id: text("RequestId"),
        host_id: text("HostId"),
        recommend: text("Recommend"),
        server_string_to_sign,
        access_denied_detail: denied::from_json(&value),
        ..ErrorFields::default()
    })
}

fn read_xml_error(body: &str) -> Option<ErrorFields> {
    let root = xml::parse(body).ok()?;
    if root.name != "Error" {
        return None;
    }
    let text = |name: &str| {
        root.children
            .iter()
            .find(|c| c.name == name && c.children.is_empty())
            .map(|c| c.text.clone())
    };
    let trimmed = |name: &str| {
        text(name)
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    let from_bytes = text("StringToSignBytes").and_then(|hex| decode_hex_bytes(&hex));
    Some(ErrorFields {
        code: trimmed("Code")?,
        message: trimmed("Message").unwrap_or_default(),
        request_id: trimmed("RequestId"),
        host_id: trimmed("HostId"),
        endpoint: trimmed("Endpoint"),
        ec: trimmed("EC"),
        server_string_to_sign: from_bytes.or_else(|| text("StringToSign")),
        access_denied_detail: denied::from_xml(&root),
        ..ErrorFields::default()
    })
}

/// OSS's `StringToSignBytes`: hex bytes separated by spaces; exact where `StringToSign` may have
/// been reformatted.
fn decode_hex_bytes(hex: &str) -> Option<String> {
    let bytes: Option<Vec<u8>> = hex
        .split_whitespace()
        .map(|pair| u8::from_str_radix(pair, 16).ok())
        .collect();
    let bytes = bytes.filter(|b| !b.is_empty())?;
    String::from_utf8(bytes).ok()
}

/// Builds the `ApiError` for an error answer to `action`. `our_string_to_sign` (from the
/// builder's `signing`) lets a SignatureDoesNotMatch name the first difference.
pub fn api_error(
    action: Action,
    response: &HttpResponse,
    our_string_to_sign: Option<&str>,
) -> ApiError {
    let fields = read_error_body(&response.body).unwrap_or_else(|| foreign_body(response));
    let server_date = response.header("date").map(str::to_string);
    let request_id = fields
        .request_id
        .clone()
        .or_else(|| response.header("x-acs-request-id").map(str::to_string))
        .or_else(|| response.header("x-oss-request-id").map(str::to_string));
    let mut signature_diff = None;
    let hint = if fields.code == "SignatureDoesNotMatch" {
        let server = fields.server_string_to_sign.as_deref();
        let comparison = match (our_string_to_sign, server) {
            (Some(ours), Some(server)) if action.service().is_rpc() => {
                Some(diff::compare_rpc(ours, server))
            }
            (Some(ours), Some(server)) => Some(diff::compare_oss(ours, server)),
            _ => None,
        };
        if let Some(Comparison::Differs(d)) = &comparison {
            signature_diff = Some(d.clone());
        }
        diff::explain(comparison.as_ref(), server.is_some())
    } else {
        hints::hint(&HintContext {
            action,
            code: &fields.code,
            message: &fields.message,
            status: response.status,
            server_date: server_date.as_deref(),
            endpoint: fields.endpoint.as_deref(),
        })
    };
    ApiError {
        code: fields.code,
        message: fields.message,
        request_id,
        hint,
        status: response.status,
        server_date,
        host_id: fields.host_id,
        recommend: fields.recommend,
        endpoint: fields.endpoint,
        ec: fields.ec,
        server_string_to_sign: fields.server_string_to_sign,
        signature_diff,
        access_denied_detail: fields.access_denied_detail.map(Box::new),
    }
}

/// A body that is no API error (a gateway's HTML page, plain text, nothing).
fn foreign_body(response: &HttpResponse) -> ErrorFields {
    let summary = summarize(&response.body);
    // The service's own words go into `message`; here there are none, only the status and the
    // page's title or text.
    let message = if summary.is_empty() {
        format!("HTTP {}", response.status)
    } else {
        format!("HTTP {}: {summary}", response.status)
    };
    ErrorFields {
        code: hints::http_code(response.status),
        message,
        ..ErrorFields::default()
    }
}

/// An HTML page's title, or the body's text without tags, at most 200 characters.
fn summarize(body: &str) -> String {
    let lower = body.to_ascii_lowercase();
    let title = lower.find("<title").and_then(|start| {
        let open_end = start + lower.get(start..)?.find('>')? + 1;
        let close = open_end + lower.get(open_end..)?.find("</title")?;
        body.get(open_end..close)
    });
    let source = title.unwrap_or(body);
    let mut text = String::new();
    let mut in_tag = false;
    for c in source.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if in_tag => {}
            c if c.is_whitespace() => text.push(' '),
            c => text.push(c),
        }
    }
    let collapsed: Vec<&str> = text.split_whitespace().collect();
    let joined = collapsed.join(" ");
    let mut out: String = joined.chars().take(200).collect();
    if out.len() < joined.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries() {
        assert_eq!(
            summarize("<html><head><title>502 Bad Gateway</title></head><body>x</body></html>"),
            "502 Bad Gateway"
        );
        assert_eq!(summarize("<p>Service\n  down</p>"), "Service down");
        assert_eq!(summarize("<TITLE>Oops"), "Oops");
        assert_eq!(summarize(""), "");
        assert_eq!(summarize(&"é".repeat(300)).chars().count(), 201);
    }

    #[test]
    fn hex_bytes() {
        assert_eq!(
            decode_hex_bytes("47 45 54 0A 2F").as_deref(),
            Some("GET\n/")
        );
        assert_eq!(decode_hex_bytes("zz"), None);
        assert_eq!(decode_hex_bytes(""), None);
    }
}
