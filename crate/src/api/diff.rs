//! SignatureDoesNotMatch diagnosis: compares the string to sign RoleHop produced with the one
//! the server computed and names the first difference, as data and as an explanation.

use super::hints::Hint;
use crate::message::ApiMessage;
use serde::Serialize;

/// The first difference between our string to sign and the server's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SignatureDiff {
    /// `method`, `parameter` (RPC), `Content-MD5`, `Content-Type`, `Date`, `header`, `resource`
    /// (OSS), or `encoding` when only the text differs, not the decoded values.
    pub part: &'static str,
    /// The parameter or header name, for `parameter` and `header`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub name: Option<String>,
    /// Our value (`None`: absent on our side).
    pub ours: Option<String>,
    /// The server's value (`None`: absent on the server's side).
    pub server: Option<String>,
    /// 1-based character where the two values first differ, when both exist.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub position: Option<usize>,
}

/// The outcome of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparison {
    Identical,
    Differs(SignatureDiff),
    /// One of the strings is not a string to sign of the expected kind.
    Unreadable {
        ours: bool,
    },
}

fn differs(
    part: &'static str,
    name: Option<&str>,
    ours: Option<&str>,
    server: Option<&str>,
) -> Comparison {
    let position = match (ours, server) {
        (Some(a), Some(b)) => Some(first_difference(a, b)),
        _ => None,
    };
    Comparison::Differs(SignatureDiff {
        part,
        name: name.map(str::to_string),
        ours: ours.map(str::to_string),
        server: server.map(str::to_string),
        position,
    })
}

/// 1-based index of the first differing character (one past the shorter when one is a prefix).
fn first_difference(a: &str, b: &str) -> usize {
    a.chars()
        .zip(b.chars())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| a.chars().count().min(b.chars().count()))
        + 1
}

/// Name/value pairs sorted by name, as both comparisons read them (one type, so the wasm holds
/// one sort and one merge).
type Pairs = Vec<(String, String)>;

/// Walks two sorted pair lists together and names the first pair present on one side only, or
/// whose values differ by `same`.
fn first_pair_difference(
    part: &'static str,
    ours: &[(String, String)],
    server: &[(String, String)],
    same: fn(&str, &str) -> bool,
) -> Option<Comparison> {
    let (mut i, mut j) = (0, 0);
    loop {
        match (ours.get(i), server.get(j)) {
            (None, None) => return None,
            (Some((k, v)), None) => return Some(differs(part, Some(k), Some(v), None)),
            (None, Some((k, v))) => return Some(differs(part, Some(k), None, Some(v))),
            (Some((k1, v1)), Some((k2, v2))) => {
                if k1 == k2 {
                    if !same(v1, v2) {
                        return Some(differs(part, Some(k1), Some(v1), Some(v2)));
                    }
                    i += 1;
                    j += 1;
                } else if k1 < k2 {
                    return Some(differs(part, Some(k1), Some(v1), None));
                } else {
                    return Some(differs(part, Some(k2), None, Some(v2)));
                }
            }
        }
    }
}

/// Compares RPC strings to sign (`METHOD&%2F&<encoded canonical query>`) parameter by parameter.
pub fn compare_rpc(ours: &str, server: &str) -> Comparison {
    if ours == server {
        return Comparison::Identical;
    }
    let Some((our_method, our_params)) = split_rpc(ours) else {
        return Comparison::Unreadable { ours: true };
    };
    let Some((server_method, server_params)) = split_rpc(server) else {
        return Comparison::Unreadable { ours: false };
    };
    if our_method != server_method {
        return differs("method", None, Some(our_method), Some(server_method));
    }
    first_pair_difference("parameter", &our_params, &server_params, |a, b| a == b)
        .unwrap_or_else(|| differs("encoding", None, Some(ours), Some(server)))
}

/// The method and the decoded parameters, sorted by name.
fn split_rpc(text: &str) -> Option<(&str, Pairs)> {
    let (method, rest) = text.split_once('&')?;
    let encoded_query = rest.strip_prefix("%2F&")?;
    if method.is_empty() || !method.bytes().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let query = decode(encoded_query);
    let mut params: Pairs = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect();
    params.sort();
    Some((method, params))
}

fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

/// The parts of an OSS V1 string to sign.
struct OssParts<'a> {
    fixed: [(&'static str, &'a str); 4],
    headers: Pairs,
    resource: String,
}

fn split_oss(text: &str) -> Option<OssParts<'_>> {
    let mut lines = text.split('\n');
    let mut next = || lines.next();
    let fixed = [
        ("method", next()?),
        ("Content-MD5", next()?),
        ("Content-Type", next()?),
        ("Date", next()?),
    ];
    let rest: Vec<&str> = lines.collect();
    let header_count = rest
        .iter()
        .take(rest.len().saturating_sub(1))
        .take_while(|line| line.to_ascii_lowercase().starts_with("x-oss-"))
        .count();
    let (header_lines, resource_lines) = rest.split_at(header_count);
    if resource_lines.is_empty() {
        return None;
    }
    let mut headers: Pairs = header_lines
        .iter()
        .map(|line| {
            let (k, v) = line.split_once(':').unwrap_or((line, ""));
            (k.to_ascii_lowercase(), v.to_string())
        })
        .collect();
    headers.sort();
    Some(OssParts {
        fixed,
        headers,
        resource: resource_lines.join("\n"),
    })
}

/// Compares OSS V1 strings to sign line by line: method, Content-MD5, Content-Type, Date, each
/// `x-oss-` header, then the canonicalized resource.
pub fn compare_oss(ours: &str, server: &str) -> Comparison {
    if ours == server {
        return Comparison::Identical;
    }
    let Some(a) = split_oss(ours) else {
        return Comparison::Unreadable { ours: true };
    };
    let Some(b) = split_oss(server) else {
        return Comparison::Unreadable { ours: false };
    };
    for ((part, x), (_, y)) in a.fixed.iter().zip(b.fixed.iter()) {
        if x != y {
            return differs(part, None, Some(x), Some(y));
        }
    }
    if let Some(diff) = first_pair_difference("header", &a.headers, &b.headers, |x, y| {
        x.trim() == y.trim()
    }) {
        return diff;
    }
    if a.resource != b.resource {
        return differs("resource", None, Some(&a.resource), Some(&b.resource));
    }
    differs("encoding", None, Some(ours), Some(server))
}

/// A value for a message (which quotes it): whole when short, otherwise a window around
/// `position`.
fn show(value: Option<&str>, position: Option<usize>) -> String {
    let Some(value) = value else {
        return String::new();
    };
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= 100 {
        return format!("{value:?}");
    }
    let center = position.unwrap_or(1).saturating_sub(1).min(chars.len());
    let start = center.saturating_sub(40);
    let end = (center + 40).min(chars.len());
    let window: String = chars.get(start..end).unwrap_or_default().iter().collect();
    format!(
        "{}{window:?}{}",
        if start > 0 { "…" } else { "" },
        if end < chars.len() { "…" } else { "" },
    )
}

/// The explanation of a comparison (or of its absence) for the SignatureDoesNotMatch hint.
pub fn explain(comparison: Option<&Comparison>, have_server: bool) -> Hint {
    let Some(comparison) = comparison else {
        return if have_server {
            ApiMessage::DiffServerOnly {}
        } else {
            ApiMessage::DiffUnknown {}
        };
    };
    match comparison {
        Comparison::Identical => ApiMessage::DiffIdentical {},
        Comparison::Unreadable { ours: true } => ApiMessage::DiffOursUnreadable {},
        Comparison::Unreadable { ours: false } => ApiMessage::DiffServerUnreadable {},
        Comparison::Differs(d) => explain_difference(d),
    }
}

fn explain_difference(d: &SignatureDiff) -> Hint {
    use ApiMessage as M;
    let ours = show(d.ours.as_deref(), d.position);
    let server = show(d.server.as_deref(), d.position);
    let name = d.name.clone().unwrap_or_default();
    let position = d.position.unwrap_or(1);
    let plus_as_space = matches!((&d.ours, &d.server), (Some(a), Some(b)) if a.contains('+') && a.replace('+', " ") == *b);
    match (d.part, &d.ours, &d.server) {
        ("method", _, _) => M::DiffMethod { ours, server },
        ("parameter", Some(_), None) => M::DiffParameterLost { name, ours },
        ("parameter", None, Some(_)) => M::DiffParameterAdded { name, server },
        ("parameter", _, _) if plus_as_space => M::DiffParameterPlus { name },
        ("parameter", _, _) => M::DiffParameter {
            name,
            ours,
            server,
            position,
        },
        ("header", Some(_), None) => M::DiffHeaderLost { name, ours },
        ("header", None, Some(_)) => M::DiffHeaderAdded { name, server },
        ("header", _, _) => M::DiffHeader {
            name,
            ours,
            server,
            position,
        },
        ("Content-Type" | "Content-MD5", _, _) => M::DiffContentHeader {
            name: d.part.to_string(),
            ours,
            server,
        },
        ("Date", _, _) => M::DiffDate { ours, server },
        ("resource", _, _) => M::DiffResource {
            ours,
            server,
            position,
        },
        _ => M::DiffEncoding { ours, server },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(c: Comparison) -> SignatureDiff {
        match c {
            Comparison::Differs(d) => d,
            other => panic!("expected a difference, got {other:?}"),
        }
    }

    #[test]
    fn rpc_parameters_are_decoded_and_compared() {
        let ours = "POST&%2F&AccessKeyId%3Did%26Action%3DGetRole%26Timestamp%3D2026-01-01T00%253A00%253A00Z";
        let later = "POST&%2F&AccessKeyId%3Did%26Action%3DGetRole%26Timestamp%3D2026-01-01T00%253A00%253A01Z";
        let d = diff(compare_rpc(ours, later));
        assert_eq!(
            (d.part, d.name.as_deref()),
            ("parameter", Some("Timestamp"))
        );
        assert_eq!(d.ours.as_deref(), Some("2026-01-01T00:00:00Z"));
        assert_eq!(d.position, Some(19));
        let missing = "POST&%2F&AccessKeyId%3Did%26Action%3DGetRole";
        let d = diff(compare_rpc(ours, missing));
        assert_eq!(
            (d.name.as_deref(), d.server.as_deref()),
            (Some("Timestamp"), None)
        );
        let get = ours.replacen("POST", "GET", 1);
        assert_eq!(diff(compare_rpc(ours, &get)).part, "method");
        assert_eq!(compare_rpc(ours, ours), Comparison::Identical);
        assert_eq!(
            compare_rpc("nonsense", ours),
            Comparison::Unreadable { ours: true }
        );
        let lower_hex = ours.replace("%253A", "%253a");
        assert_eq!(diff(compare_rpc(ours, &lower_hex)).part, "encoding");
    }

    #[test]
    fn oss_lines_are_named() {
        let ours = "GET\n\n\nThu, 01 Jan 2026 00:00:00 GMT\nx-oss-date:Thu, 01 Jan 2026 00:00:00 GMT\nx-oss-security-token:T\n/b/?bucketInfo";
        let ctype = ours.replacen("GET\n\n\n", "GET\n\ntext/plain\n", 1);
        assert_eq!(diff(compare_oss(ours, &ctype)).part, "Content-Type");
        let no_token = ours.replace("x-oss-security-token:T\n", "");
        let d = diff(compare_oss(ours, &no_token));
        assert_eq!(
            (d.part, d.name.as_deref(), d.server.as_deref()),
            ("header", Some("x-oss-security-token"), None)
        );
        let d = diff(compare_oss(ours, &ours.replace("?bucketInfo", "")));
        assert_eq!((d.part, d.server.as_deref()), ("resource", Some("/b/")));
        assert_eq!(
            compare_oss("GET", ours),
            Comparison::Unreadable { ours: true }
        );
    }

    #[test]
    fn long_values_are_windowed() {
        let long = "a".repeat(300) + "b";
        let shown = show(Some(&long), Some(301));
        assert!(
            shown.starts_with('…') && shown.contains('b') && shown.chars().count() < 100,
            "{shown}"
        );
        assert_eq!(show(Some("short"), None), "\"short\"");
    }
}
