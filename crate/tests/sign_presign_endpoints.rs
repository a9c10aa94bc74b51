//! Where a presigned URL may point (`sign` with kind `oss-presign`), through the public JSON
//! contract: an https OSS endpoint under aliyuncs.com, or a custom domain with `"cname": true`,
//! still https. An STS token goes into the URL, so a URL to any other host would hand it out.

use rolehop::contract::sign;
use rolehop::ErrorKind;
use serde_json::{json, Value};

const TOKEN: &str = "CAIS-example-sts-token";

fn presign(endpoint: &str, extra: Value) -> Value {
    let mut req = json!({
        "kind": "oss-presign", "method": "GET", "bucket": "examplebucket", "key": "a/b.txt",
        "expires": 1_900_000_000, "endpoint": endpoint,
        "accessKeyId": "STS.example", "accessKeySecret": "secret", "securityToken": TOKEN,
    });
    if let (Some(req), Some(extra)) = (req.as_object_mut(), extra.as_object()) {
        req.extend(extra.clone());
    }
    req
}

fn url(req: &Value) -> String {
    let answer = sign(&req.to_string()).unwrap_or_else(|e| panic!("{req}: {e}"));
    answer["url"].as_str().unwrap_or_default().to_string()
}

fn refused(req: &Value) -> rolehop::Error {
    sign(&req.to_string()).expect_err(&req.to_string())
}

#[test]
fn any_host_or_http_is_refused_with_the_json_path() {
    for endpoint in [
        "http://evil.example.com",
        "https://evil.example.com",
        "evil.example.com",
        "http://oss-cn-hangzhou.aliyuncs.com",
        "oss-cn-hangzhou.aliyuncs.com.evil.com",
        "https://user@oss-cn-hangzhou.aliyuncs.com",
        "oss-cn-hangzhou.aliyuncs.com:8080",
        "oss-cn-hangzhou.aliyuncs.com/../x",
        "sts.aliyuncs.com",
        "127.0.0.1",
    ] {
        for req in [
            presign(endpoint, json!({})),
            presign(endpoint, json!({"cname": false})),
        ] {
            let e = refused(&req);
            assert_eq!(
                (e.kind, e.path.as_deref()),
                (ErrorKind::InvalidValue, Some("$.endpoint")),
                "{endpoint}: {}",
                e.en()
            );
            assert!(e.en().contains(endpoint), "{}", e.en());
        }
    }
    let e = refused(&presign("http://oss-cn-hangzhou.aliyuncs.com", json!({})));
    assert!(e.en().contains("https"), "{}", e.en());
}

#[test]
fn documented_oss_endpoints_give_https_urls_with_the_token() {
    for (endpoint, host) in [
        (
            "oss-cn-hangzhou.aliyuncs.com",
            "examplebucket.oss-cn-hangzhou.aliyuncs.com",
        ),
        (
            "https://OSS-cn-shanghai.aliyuncs.com/",
            "examplebucket.oss-cn-shanghai.aliyuncs.com",
        ),
        (
            "oss-cn-beijing-internal.aliyuncs.com:443",
            "examplebucket.oss-cn-beijing-internal.aliyuncs.com",
        ),
        (
            "cn-hangzhou.oss.aliyuncs.com",
            "examplebucket.cn-hangzhou.oss.aliyuncs.com",
        ),
        (
            "oss-accelerate.aliyuncs.com",
            "examplebucket.oss-accelerate.aliyuncs.com",
        ),
        (
            "oss-accelerate-overseas.aliyuncs.com",
            "examplebucket.oss-accelerate-overseas.aliyuncs.com",
        ),
        (
            "examplebucket.oss-cn-hangzhou.aliyuncs.com",
            "examplebucket.oss-cn-hangzhou.aliyuncs.com",
        ),
    ] {
        let url = url(&presign(endpoint, json!({})));
        assert!(
            url.starts_with(&format!("https://{host}/a/b.txt?")),
            "{endpoint}: {url}"
        );
        assert!(
            url.contains("security-token=CAIS-example-sts-token"),
            "{url}"
        );
    }
    // A bucket's domain name is for that bucket.
    let mut other = presign("examplebucket.oss-cn-hangzhou.aliyuncs.com", json!({}));
    other["bucket"] = json!("otherbucket");
    assert_eq!(refused(&other).path.as_deref(), Some("$.endpoint"));
}

#[test]
fn a_custom_domain_needs_cname_true_and_https() {
    // Without cname, a custom domain is refused; with it, the URL goes to that host, no bucket
    // prefix, and the signed resource still names the bucket (as oss2's is_cname and ali-oss's
    // cname do).
    assert_eq!(
        refused(&presign("static.example.com", json!({})))
            .path
            .as_deref(),
        Some("$.endpoint")
    );
    let req = presign("https://Static.Example.com", json!({"cname": true}));
    let answer = sign(&req.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let url = answer["url"].as_str().unwrap_or_default();
    assert!(
        url.starts_with("https://static.example.com/a/b.txt?"),
        "{url}"
    );
    assert_eq!(
        answer["canonicalizedResource"],
        "/examplebucket/a/b.txt?security-token=CAIS-example-sts-token"
    );
    for (endpoint, path) in [
        ("http://static.example.com", "$.endpoint"),
        ("static.example.com:8443", "$.endpoint"),
        ("user@static.example.com", "$.endpoint"),
        ("static.example.com/path", "$.endpoint"),
        ("10.0.0.1", "$.endpoint"),
        ("oss-cn-hangzhou.aliyuncs.com", "$.endpoint"),
    ] {
        let e = refused(&presign(endpoint, json!({"cname": true})));
        assert_eq!(e.path.as_deref(), Some(path), "{endpoint}: {}", e.en());
    }
    let mut no_bucket = presign("static.example.com", json!({"cname": true, "key": null}));
    no_bucket["bucket"] = Value::Null;
    assert_eq!(refused(&no_bucket).path.as_deref(), Some("$.bucket"));
    let e = refused(&presign("static.example.com", json!({"cname": "yes"})));
    assert_eq!(
        (e.kind, e.path.as_deref()),
        (ErrorKind::InvalidValue, Some("$.cname"))
    );
}
