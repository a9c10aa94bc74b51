//! Each documented input rule with values just inside and just outside it. A bad value must be
//! refused at its JSON path with a message that states the rule.

use rolehop::contract::request;
use rolehop::ErrorKind;
use serde_json::{json, Value};

const ARN: &str = "acs:ram::1746000000000000:role/admin-oss";
const DOC: &str = r#"{"Version":"1","Statement":[]}"#;

fn base(action: &str) -> Value {
    let mut v = json!({
        "action": action, "time": "2026-01-01T00:00:00Z", "nonce": "n-1",
        "credentials": {"accessKeyId": "LTAI5tExampleId", "accessKeySecret": "ExampleSecret"},
    });
    let required: &[(&str, &str)] = match action {
        "AssumeRole" => &[("roleArn", ARN), ("roleSessionName", "alice")],
        "CreateRole" => &[("roleName", "r"), ("assumeRolePolicyDocument", DOC)],
        "UpdateRole" => &[("roleName", "r")],
        "CreateUser" => &[("userName", "u")],
        "CreatePolicy" => &[("policyName", "p"), ("policyDocument", DOC)],
        "GetPolicy" => &[("policyName", "p"), ("policyType", "Custom")],
        "ListObjects" | "ListObjectsV2" => &[("bucket", "examplebucket")],
        _ => &[],
    };
    for (k, val) in required {
        v[*k] = (*val).into();
    }
    v
}

fn with(action: &str, field: &str, value: Value) -> Result<Value, rolehop::Error> {
    let mut v = base(action);
    let mut path = field.split('.');
    let first = path.next().unwrap();
    match path.next() {
        Some(second) => v[first][second] = value,
        None => v[first] = value,
    }
    request(&v.to_string())
}

struct Case {
    action: &'static str,
    field: &'static str,
    good: Vec<Value>,
    bad: Vec<Value>,
    /// A phrase every refusal's message must contain.
    says: &'static str,
}

fn case(
    action: &'static str,
    field: &'static str,
    good: Vec<Value>,
    bad: Vec<Value>,
    says: &'static str,
) -> Case {
    Case {
        action,
        field,
        good,
        bad,
        says,
    }
}

fn s(n: usize, c: char) -> Value {
    Value::String(c.to_string().repeat(n))
}

/// A JSON object text of exactly `n` characters.
fn doc(n: usize) -> Value {
    let pad = n - r#"{"a":""}"#.len();
    Value::String(format!(r#"{{"a":"{}"}}"#, "x".repeat(pad)))
}

#[test]
fn every_rule_accepts_its_range_and_refuses_outside_it() {
    let cases = vec![
        case(
            "AssumeRole",
            "roleArn",
            vec![ARN.into(), "acs:ram::1:role/a.b-c".into()],
            vec![
                "acs:ram::company-a:role/admin".into(),
                "acs:ram::1746:user/alice".into(),
                "arn:aws:iam::1:role/x".into(),
                "acs:ram::1746:role/".into(),
                "acs:ram::1746:role/a_b".into(),
                "acs:ram:cn:1746:role/a".into(),
                "".into(),
            ],
            "acs:ram::",
        ),
        case(
            "AssumeRole",
            "roleSessionName",
            vec!["ab".into(), s(64, 'x'), "a.b@c-d_e".into()],
            vec!["a".into(), s(65, 'x'), "a b".into(), "名字".into()],
            "2 to 64|letters, digits and . @ - _",
        ),
        case(
            "AssumeRole",
            "durationSeconds",
            vec![900.into(), 43200.into()],
            vec![
                899.into(),
                43201.into(),
                (-1).into(),
                "3600".into(),
                3600.5.into(),
            ],
            "900 to 43200|must be an integer",
        ),
        case(
            "AssumeRole",
            "policy",
            vec![doc(2048), DOC.into()],
            vec![doc(2049), "".into(), "[1]".into(), "{\"Version\": }".into()],
            "policy",
        ),
        case(
            "AssumeRole",
            "externalId",
            vec!["ab".into(), s(1224, 'a'), "a_+=,.@:/-9".into()],
            vec!["a".into(), s(1225, 'a'), "a b".into(), "a#b".into()],
            "2 to 1224|letters, digits and _ + =",
        ),
        case(
            "CreateRole",
            "roleName",
            vec!["a".into(), s(64, 'r'), "admin.oss-1".into()],
            vec![
                "".into(),
                s(65, 'r'),
                "admin_oss".into(),
                "admin oss".into(),
            ],
            "1 to 64|letters, digits, . and -",
        ),
        case(
            "CreateUser",
            "userName",
            vec!["a".into(), s(64, 'u'), "alice.b_c-d".into()],
            vec!["".into(), s(65, 'u'), "alice@b".into()],
            "1 to 64|letters, digits and . - _",
        ),
        case(
            "CreateUser",
            "displayName",
            vec!["A".into(), s(128, '名')],
            vec!["".into(), s(129, 'd')],
            "1 to 128",
        ),
        case(
            "CreateUser",
            "comments",
            vec![s(128, 'c')],
            vec![s(129, 'c')],
            "0 to 128",
        ),
        case(
            "CreateRole",
            "description",
            vec!["".into(), s(1024, 'd')],
            vec![s(1025, 'd')],
            "0 to 1024",
        ),
        case(
            "CreateRole",
            "maxSessionDuration",
            vec![3600.into(), 43200.into()],
            vec![3599.into(), 43201.into()],
            "3600 to 43200",
        ),
        case(
            "UpdateRole",
            "newMaxSessionDuration",
            vec![3600.into()],
            vec![900.into()],
            "3600 to 43200",
        ),
        case(
            "UpdateRole",
            "newDescription",
            vec!["x".into()],
            vec![s(1025, 'd')],
            "0 to 1024",
        ),
        case(
            "UpdateRole",
            "newAssumeRolePolicyDocument",
            vec![DOC.into()],
            vec!["nope".into()],
            "not valid JSON",
        ),
        case(
            "CreatePolicy",
            "policyName",
            vec!["a".into(), s(128, 'p'), "oss-read-2".into()],
            vec!["".into(), s(129, 'p'), "oss_read".into(), "oss.read".into()],
            "1 to 128|letters, digits and -",
        ),
        case(
            "CreatePolicy",
            "policyDocument",
            vec![doc(6144)],
            vec![
                doc(6145),
                "".into(),
                "\"text\"".into(),
                "{\n  \"Version\": \"1\",\n}".into(),
            ],
            "policyDocument",
        ),
        case(
            "GetPolicy",
            "policyType",
            vec!["System".into(), "Custom".into()],
            vec!["system".into(), "Managed".into(), "".into()],
            "\"System\"",
        ),
        case(
            "ListObjects",
            "bucket",
            vec!["abc".into(), s(63, 'b'), "my-bucket-1".into()],
            vec![
                "ab".into(),
                s(64, 'b'),
                "My-Bucket".into(),
                "-bucket".into(),
                "bucket-".into(),
                "a_b".into(),
            ],
            "bucket name",
        ),
        case(
            "ListObjects",
            "maxKeys",
            vec![1.into(), 1000.into()],
            vec![0.into(), 1001.into()],
            "1 to 1000",
        ),
        case(
            "ListObjects",
            "prefix",
            vec!["".into(), s(1023, 'k')],
            vec![s(1024, 'k')],
            "1023",
        ),
        case(
            "ListObjectsV2",
            "continuationToken",
            vec!["t".into()],
            vec!["".into()],
            "is empty",
        ),
        case(
            "ListObjects",
            "region",
            vec!["cn-hangzhou".into(), "ap-southeast-1".into()],
            vec![
                "oss-cn-hangzhou".into(),
                "CN-HANGZHOU".into(),
                "cn_hangzhou".into(),
                "-cn".into(),
                "".into(),
            ],
            "region",
        ),
        case(
            "GetCallerIdentity",
            "time",
            vec![
                "2026-01-01T00:00:00Z".into(),
                "2026-01-01T00:00:00.123Z".into(),
            ],
            vec![
                "2026-01-01 00:00:00".into(),
                "2026-01-01T00:00:00+08:00".into(),
                "2026-02-30T00:00:00Z".into(),
            ],
            "UTC",
        ),
        case(
            "GetCallerIdentity",
            "nonce",
            vec![
                "x".into(),
                s(64, 'n'),
                "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf".into(),
            ],
            vec!["".into(), s(65, 'n'), "a b".into(), "é".into()],
            "nonce",
        ),
        case(
            "GetCallerIdentity",
            "credentials.accessKeyId",
            vec!["LTAI5t".into()],
            vec!["".into(), "LTAI 5t".into(), "a:b".into()],
            "accessKeyId",
        ),
        case(
            "GetCallerIdentity",
            "credentials.accessKeySecret",
            vec!["s".into()],
            vec!["".into()],
            "accessKeySecret",
        ),
        case(
            "GetCallerIdentity",
            "credentials.securityToken",
            vec!["CAIS+/=".into()],
            vec!["".into(), "CAIS token".into(), "CAIS\n".into()],
            "securityToken",
        ),
    ];
    for c in cases {
        for good in &c.good {
            if let Err(e) = with(c.action, c.field, good.clone()) {
                panic!("{} {} = {good}: refused: {e}", c.action, c.field);
            }
        }
        for bad in &c.bad {
            let e = with(c.action, c.field, bad.clone())
                .err()
                .unwrap_or_else(|| panic!("{} {} = {bad}: accepted", c.action, c.field));
            assert_eq!(
                e.path.as_deref(),
                Some(format!("$.{}", c.field).as_str()),
                "{} = {bad}: {e}",
                c.field
            );
            assert!(
                matches!(e.kind, ErrorKind::InvalidValue | ErrorKind::MissingField),
                "{} = {bad}: {e:?}",
                c.field
            );
            // One cause per error: a length error names the length, a character error the
            // characters allowed (alternatives separated by |).
            assert!(
                c.says.split('|').any(|says| e.en().contains(says)),
                "{} = {bad}: {:?} lacks {:?}",
                c.field,
                e.en(),
                c.says
            );
        }
    }
}

#[test]
fn policy_json_errors_carry_line_and_column() {
    let e = with(
        "CreatePolicy",
        "policyDocument",
        "{\n  \"Version\": \"1\",\n}".into(),
    )
    .unwrap_err();
    assert_eq!((e.line, e.column), (Some(3), Some(1)));
    assert!(e.en().contains("line 3, column 1"), "{}", e.en());
}

#[test]
fn role_arn_with_an_alias_says_to_use_the_uid() {
    let e = with(
        "AssumeRole",
        "roleArn",
        "acs:ram::company-a:role/admin".into(),
    )
    .unwrap_err();
    assert!(e.en().contains("numeric account UID"), "{}", e.en());
}

#[test]
fn temporary_key_without_token_is_refused() {
    let e = with(
        "GetCallerIdentity",
        "credentials.accessKeyId",
        "STS.NExample".into(),
    )
    .unwrap_err();
    assert_eq!(
        (e.kind, e.path.as_deref()),
        (ErrorKind::MissingField, Some("$.credentials.securityToken"))
    );
}

#[test]
fn missing_required_fields_are_named() {
    for (action, field) in [
        ("AssumeRole", "roleArn"),
        ("AssumeRole", "roleSessionName"),
        ("CreateRole", "roleName"),
        ("CreateRole", "assumeRolePolicyDocument"),
        ("CreatePolicy", "policyDocument"),
        ("GetPolicy", "policyType"),
        ("ListObjects", "bucket"),
    ] {
        let e = with(action, field, Value::Null).unwrap_err();
        assert_eq!(
            (e.kind, e.path.as_deref()),
            (ErrorKind::MissingField, Some(format!("$.{field}").as_str()))
        );
    }
    for field in ["time", "credentials", "action"] {
        let mut v = base("GetCallerIdentity");
        v.as_object_mut().unwrap().remove(field);
        let e = request(&v.to_string()).unwrap_err();
        assert_eq!(e.path.as_deref(), Some(format!("$.{field}").as_str()));
    }
}
