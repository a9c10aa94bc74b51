//! The parsers and builders never panic: arbitrary text, token soup shaped like the real formats,
//! and mutated real bodies go through every parser. Properties checked besides "no panic": an
//! error status always yields an `apiError`, and a failure is always an `invalid-response` error.

use proptest::prelude::*;
use rolehop::api::{self, Action, Answer, HttpResponse};
use rolehop::catalog;
use rolehop::ErrorKind;
use serde_json::json;

const FIXTURES: [&str; 26] = [
    "assume_role.json",
    "attach_policy.json",
    "create_policy.json",
    "create_role.json",
    "create_user.json",
    "error_502.html",
    "error_access_denied.xml",
    "error_no_permission.json",
    "error_root_account.json",
    "error_signature_oss.xml",
    "error_signature_rpc.json",
    "error_timestamp_expired.json",
    "error_wrong_endpoint.xml",
    "get_account_alias.json",
    "get_bucket_info.xml",
    "get_caller_identity.json",
    "get_caller_identity_assumed_role.json",
    "get_policy.json",
    "get_role.json",
    "list_buckets.xml",
    "list_objects.xml",
    "list_objects_v2.xml",
    "list_policies_empty.json",
    "list_policies_for_role.json",
    "list_policies_for_user.json",
    "update_role.json",
];

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/responses/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

/// Pieces of the real formats, so random bodies reach deep into the parsers.
const TOKENS: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "<?xml version=\"1.0\"?>",
    "<ListBucketResult>",
    "</ListBucketResult>",
    "<ListAllMyBucketsResult>",
    "</ListAllMyBucketsResult>",
    "<BucketInfo>",
    "<Bucket>",
    "</Bucket>",
    "<Buckets>",
    "</Buckets>",
    "<Contents>",
    "</Contents>",
    "<Key>",
    "</Key>",
    "<Size>",
    "</Size>",
    "<Name>",
    "</Name>",
    "<Owner>",
    "<ID>",
    "</ID>",
    "</Owner>",
    "<IsTruncated>",
    "</IsTruncated>",
    "true",
    "false",
    "<Error>",
    "</Error>",
    "<Code>",
    "</Code>",
    "<StringToSign>",
    "</StringToSign>",
    "<StringToSignBytes>",
    "47 45 54 0A",
    "</StringToSignBytes>",
    "&amp;",
    "&#x1F600;",
    "&bogus;",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\"RequestId\"",
    "\"Code\"",
    "\"Message\"",
    "\"Credentials\"",
    "\"Policies\"",
    "\"Policy\"",
    "\"Role\"",
    "\"AccessKeyId\"",
    "\"MaxSessionDuration\"",
    "null",
    "1e999",
    "-1",
    "18446744073709551616",
    "0",
    "\"x\"",
    "server string to sign is:",
    "POST&%2F&",
    "%26",
    "%3D",
    "%25",
    "%",
    "\n",
    " ",
    "é",
    "\u{FFFF}",
    "\0",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..80).prop_map(|t| t.concat())
}

/// A real body with one mutation at a character position.
fn mutated_fixture() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&FIXTURES[..]),
        0usize..5,
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        prop_oneof![any::<String>(), token_soup()],
    )
        .prop_map(|(name, kind, a, b, insert)| {
            let chars: Vec<char> = fixture(name).chars().collect();
            let (i, j) = {
                let (x, y) = (a.index(chars.len() + 1), b.index(chars.len() + 1));
                (x.min(y), x.max(y))
            };
            let head: String = chars[..i].iter().collect();
            let mid: String = chars[i..j].iter().collect();
            let tail: String = chars[j..].iter().collect();
            match kind {
                0 => head,                               // truncated
                1 => head + &tail,                       // a range deleted
                2 => head + &insert + &mid + &tail,      // text inserted
                3 => head + &insert + &tail,             // a range replaced
                _ => head.clone() + &mid + &mid + &tail, // a range duplicated
            }
        })
}

fn any_body() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), token_soup(), mutated_fixture()]
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        Just(200u16),
        Just(204),
        Just(301),
        Just(400),
        Just(403),
        Just(404),
        Just(502),
        100u16..600
    ]
}

fn check(
    action: Action,
    status: u16,
    body: String,
    ours: Option<&str>,
) -> Result<(), TestCaseError> {
    let response = HttpResponse {
        status,
        headers: vec![("Date".into(), "Thu, 01 Jan 2026 00:00:00 GMT".into())],
        body,
    };
    match api::parse(action, &response, ours) {
        Ok(Answer::Success(_)) => prop_assert!((200..300).contains(&status)),
        Ok(Answer::Failure(e)) => {
            prop_assert_eq!(e.status, status);
            // The hint has words in both languages.
            let (en, zh) = (catalog::en(&e.hint), catalog::zh(&e.hint));
            prop_assert!(
                !e.code.is_empty() && !en.starts_with("core_") && !zh.starts_with("core_")
            );
        }
        Err(e) => {
            prop_assert!(
                (200..300).contains(&status),
                "an error status must give an apiError"
            );
            prop_assert_eq!(e.kind, ErrorKind::InvalidResponse);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsers_never_panic(action in prop::sample::select(Action::ALL), status in status(), body in any_body(),
                           ours in prop::option::of(prop_oneof![any::<String>(), token_soup()])) {
        check(action, status, body, ours.as_deref())?;
    }

    #[test]
    fn every_parser_survives_every_mutated_fixture(body in mutated_fixture()) {
        for &action in Action::ALL {
            check(action, 200, body.clone(), None)?;
            check(action, 403, body.clone(), Some("GET\n\n\nx\n/"))?;
        }
    }

    #[test]
    fn signature_diffs_never_panic(ours in any::<String>(), server in any::<String>(), soup in token_soup()) {
        for (a, b) in [(&ours, &server), (&soup, &server), (&ours, &soup)] {
            let _ = api::compare_rpc(a, b);
            let _ = api::compare_oss(a, b);
        }
        let body = json!({"Code": "SignatureDoesNotMatch", "Message": format!("server string to sign is:{server}")});
        check(Action::AssumeRole, 400, body.to_string(), Some(&ours))?;
        let xml = format!("<Error><Code>SignatureDoesNotMatch</Code><StringToSign>{}</StringToSign></Error>",
                          server.replace('&', "&amp;").replace('<', "&lt;"));
        check(Action::ListObjects, 403, xml, Some(&soup))?;
    }

    #[test]
    fn contract_parse_never_panics(input in prop_oneof![any::<String>(), token_soup()]) {
        let _ = rolehop::contract::parse(&input);
    }

    #[test]
    fn builders_never_panic(action in prop::sample::select(Action::ALL),
                            values in prop::collection::vec(prop_oneof![
                                any::<String>().prop_map(serde_json::Value::from),
                                "[a-zA-Z0-9.@_-]{0,70}".prop_map(serde_json::Value::from),
                                any::<i64>().prop_map(serde_json::Value::from),
                                (0i64..50000).prop_map(serde_json::Value::from),
                                any::<bool>().prop_map(serde_json::Value::from),
                                token_soup().prop_map(serde_json::Value::from),
                            ], 10),
                            present in prop::collection::vec(any::<bool>(), 10),
                            token in prop::option::of("[A-Za-z0-9+/=]{1,40}")) {
        let mut req = json!({
            "action": action.name(), "nonce": "n", "time": "2026-01-01T00:00:00Z",
            "credentials": {"accessKeyId": "id", "accessKeySecret": "s", "securityToken": token},
        });
        let mut names: Vec<&str> = action.spec().fields.iter().map(|f| f.name).collect();
        if action.service() == rolehop::api::Service::Oss {
            names.extend(["bucket", "region", "endpoint"]);
        }
        for ((name, value), present) in names.iter().zip(values).zip(present) {
            if present {
                req[*name] = value;
            }
        }
        let first = rolehop::contract::request(&req.to_string());
        // Building is a pure function of its input.
        prop_assert_eq!(first, rolehop::contract::request(&req.to_string()));
    }
}
