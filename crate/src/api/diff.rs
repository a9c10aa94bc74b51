//! SignatureDoesNotMatch diagnosis: compares the string to sign RoleHop produced with the one
//! the server computed and names the first difference, as data and as an explanation.

use super::hints::Hint;
use serde::Serialize;

/// The first difference between our string to sign and the server's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignatureDiff {
    /// `method`, `parameter` (RPC), `Content-MD5`, `Content-Type`, `Date`, `header`, `resource`
    /// (OSS), or `encoding` when only the text differs, not the decoded values.
    pub part: &'static str,
    /// The parameter or header name, for `parameter` and `header`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Our value (`None`: absent on our side).
    pub ours: Option<String>,
    /// The server's value (`None`: absent on the server's side).
    pub server: Option<String>,
    /// 1-based character where the two values first differ, when both exist.
    #[serde(skip_serializing_if = "Option::is_none")]
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

/// A value for a message: whole when short, otherwise a window around `position`.
fn show(value: Option<&str>, position: Option<usize>) -> String {
    let Some(value) = value else {
        return "(absent)".to_string();
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
        "{}{window:?}{} ({} characters)",
        if start > 0 { "…" } else { "" },
        if end < chars.len() { "…" } else { "" },
        chars.len()
    )
}

/// The explanation of a comparison (or of its absence) for the SignatureDoesNotMatch hint.
pub fn explain(comparison: Option<&Comparison>, have_server: bool) -> Hint {
    let Some(comparison) = comparison else {
        return if have_server {
            Hint::new(
                "The server computed a different string to sign (see serverStringToSign). To see the first \
                 difference, pass the request's signing.stringToSign (from `request`) as stringToSign to \
                 `parse`. If the strings match, the AccessKey secret is wrong.",
                "服务端计算出的待签名字符串与请求不一致（见 serverStringToSign）。请将 `request` 返回的 \
                 signing.stringToSign 作为 stringToSign 传给 `parse`，即可定位第一处差异；若两者一致，\
                 则是 AccessKey Secret 错误。",
            )
        } else {
            Hint::new(
                "The signature does not match. Check that the AccessKey secret belongs to this AccessKey ID \
                 (for STS credentials, use the secret from the same AssumeRole answer) and that the request \
                 was sent exactly as built (same method, URL, headers and body).",
                "签名不匹配。请确认 AccessKey Secret 与 AccessKey ID 属于同一对（STS 临时凭证须使用同一次 \
                 AssumeRole 返回的 Secret），并确认请求按构建结果原样发送（方法、URL、请求头和请求体均不可改动）。",
            )
        };
    };
    match comparison {
        Comparison::Identical => Hint::new(
            "The server's string to sign is identical to ours, so the request arrived intact and the \
             signature was made with the wrong AccessKey secret. Re-enter the secret of this AccessKey ID \
             (for STS credentials, the AccessKeySecret from the same AssumeRole answer).",
            "服务端的待签名字符串与本地完全一致，说明请求未被改动，是签名所用的 AccessKey Secret 错误。\
             请重新输入该 AccessKey ID 对应的 Secret（STS 凭证须使用同一次 AssumeRole 返回的 AccessKeySecret）。",
        ),
        Comparison::Unreadable { ours } => {
            let (en, zh) = if *ours {
                ("the stringToSign given to parse", "传入 parse 的 stringToSign")
            } else {
                ("the server's string to sign", "服务端返回的待签名字符串")
            };
            Hint::new(
                format!("Could not compare the strings to sign: {en} is not in the expected form. Pass signing.stringToSign from the `request` answer of this same request."),
                format!("无法比较待签名字符串：{zh}格式不符。请传入同一请求的 `request` 结果中的 signing.stringToSign。"),
            )
        }
        Comparison::Differs(d) => explain_difference(d),
    }
}

fn explain_difference(d: &SignatureDiff) -> Hint {
    let ours = show(d.ours.as_deref(), d.position);
    let server = show(d.server.as_deref(), d.position);
    let name = d.name.as_deref().unwrap_or("");
    let at = d
        .position
        .map(|p| {
            (
                format!(" (first difference at character {p})"),
                format!("（第 {p} 个字符起不同）"),
            )
        })
        .unwrap_or_default();
    let plus_as_space = matches!((&d.ours, &d.server), (Some(a), Some(b)) if a.contains('+') && a.replace('+', " ") == *b);
    let plus = if plus_as_space {
        (
            " A '+' became a space: the body was decoded as a form but '+' was not encoded as %2B.",
            "“+” 被解码成了空格：请求体中的 “+” 必须编码为 %2B。",
        )
    } else {
        ("", "")
    };
    match (d.part, &d.ours, &d.server) {
        ("method", _, _) => Hint::new(
            format!("The request was signed for {ours} but the server received {server}: send it with the method it was built for."),
            format!("请求按 {ours} 方法签名，但服务端收到的是 {server}：请使用构建时的方法发送。"),
        ),
        ("parameter", Some(_), None) => Hint::new(
            format!("The server did not receive parameter {name} (ours: {ours}). The body was changed or cut before it reached the server: send the body exactly as built, as application/x-www-form-urlencoded."),
            format!("服务端没有收到参数 {name}（本地值：{ours}）。请求体在发送途中被修改或截断：请以 application/x-www-form-urlencoded 原样发送构建出的请求体。"),
        ),
        ("parameter", None, Some(_)) => Hint::new(
            format!("The server received parameter {name} = {server}, which was not signed. Something added it after signing (a query string on the URL, the caller, or a proxy): send the URL and body exactly as built."),
            format!("服务端收到了未签名的参数 {name} = {server}。签名后有内容被追加（URL 查询串、调用方或代理）：请原样发送构建出的 URL 和请求体。"),
        ),
        ("parameter", _, _) => Hint::new(
            format!("Parameter {name} differs: ours {ours}, the server's {server}{}. It was changed between signing and sending.{} Send the body exactly as built.", at.0, plus.0),
            format!("参数 {name} 不一致：本地 {ours}，服务端 {server}{}。签名后到发送前被改动。{}请原样发送请求体。", at.1, plus.1),
        ),
        ("header", Some(_), None) => Hint::new(
            format!("The server did not receive header {name} (ours: {ours}): send every header exactly as built (fetch must not drop it)."),
            format!("服务端没有收到请求头 {name}（本地值：{ours}）：请原样发送构建出的全部请求头。"),
        ),
        ("header", None, Some(_)) => Hint::new(
            format!("The server received header {name}: {server}, which was not signed. Remove it from the request (or build the request with it)."),
            format!("服务端收到了未签名的请求头 {name}: {server}。请从请求中去掉它（或在构建请求时包含它）。"),
        ),
        ("header", _, _) => Hint::new(
            format!("Header {name} differs: ours {ours}, the server's {server}{}: send it exactly as built.", at.0),
            format!("请求头 {name} 不一致：本地 {ours}，服务端 {server}{}：请原样发送。", at.1),
        ),
        ("Content-Type" | "Content-MD5", _, _) => Hint::new(
            format!("The {} line differs: ours {ours}, the server's {server}. The caller or browser added or changed the {} header after signing: send none for these GET requests, or build the request with it.", d.part, d.part),
            format!("{} 行不一致：本地 {ours}，服务端 {server}。签名后调用方或浏览器添加或修改了 {} 请求头：这些 GET 请求不要发送该头，或在构建请求时包含它。", d.part, d.part),
        ),
        ("Date", _, _) => Hint::new(
            format!("The Date line differs: ours {ours} (sent as x-oss-date), the server's {server}. Send the x-oss-date header exactly as built; if the server shows another time, the header was dropped and the Date header was used instead."),
            format!("Date 行不一致：本地 {ours}（通过 x-oss-date 发送），服务端 {server}。请原样发送 x-oss-date 请求头；若服务端显示的是其他时间，说明该头被丢弃而使用了 Date 头。"),
        ),
        ("resource", _, _) => Hint::new(
            format!("The canonicalized resource differs: ours {ours}, the server's {server}{}. The bucket, path or sub-resource query (e.g. ?bucketInfo, continuation-token) was changed: send the URL exactly as built.", at.0),
            format!("规范化资源不一致：本地 {ours}，服务端 {server}{}。Bucket、路径或子资源查询参数（如 ?bucketInfo、continuation-token）被改动：请原样发送构建出的 URL。", at.1),
        ),
        _ => Hint::new(
            format!("The strings to sign carry the same values but are written differently{} (ours {ours}, the server's {server}): the request was re-encoded in transit; send it exactly as built.", at.0),
            format!("待签名字符串的取值相同但编码不同{}（本地 {ours}，服务端 {server}）：请求在传输中被重新编码，请原样发送。", at.1),
        ),
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
            shown.starts_with('…') && shown.contains('b') && shown.ends_with("(301 characters)"),
            "{shown}"
        );
        assert_eq!(show(None, None), "(absent)");
    }
}
