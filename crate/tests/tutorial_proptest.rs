//! The tutorial never panics and "Do it for me" converges: arbitrary values in every input
//! field, arbitrary answer lists for setupNext, and random starting accounts (the role, policy,
//! user and attachments present or not, with the same or other contents). From any start, one
//! run ends (done or blocked) and a second run changes nothing.

mod tutorial_support;

use proptest::prelude::*;
use rolehop::contract::{setup_next, setup_plan, tutorial_steps};
use serde_json::{json, Value};
use tutorial_support::{input, run, Account, A, B};

/// JSON values of every type, including near-miss strings.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[a-zA-Z0-9 ._@/*$%{}'\"\\-]{0,40}".prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
        Just(json!("1746000000000001")),
        Just(json!("")),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-zA-Z]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// JSON pointers of the input's fields (and some that do not exist).
const FIELDS: [&str; 18] = [
    "/audience",
    "/accountA",
    "/accountA/uid",
    "/accountA/alias",
    "/accountB/uid",
    "/roleName",
    "/trust",
    "/trust/kind",
    "/trust/users",
    "/permission",
    "/permission/buckets",
    "/permission/prefixes",
    "/permission/policyName",
    "/userName",
    "/assumePolicy",
    "/assumePolicyName",
    "/site",
    "/side",
];

fn set(value: &mut Value, pointer: &str, new: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    if let Some(Value::Object(map)) = value.pointer_mut(parent) {
        map.insert(key.to_string(), new);
    }
}

const CODES: [&str; 8] = [
    "EntityNotExist.Role",
    "EntityNotExist.Policy",
    "EntityNotExist.User",
    "EntityAlreadyExists.Role",
    "EntityAlreadyExists.User.Policy",
    "NoPermission",
    "Throttling.User",
    "",
];

const IDS: [&str; 14] = [
    "identity.read",
    "role.read",
    "role.create",
    "role.update",
    "role.recheck",
    "user.read",
    "user.create",
    "policy.read",
    "policy.create",
    "policy.recheck",
    "attach.read",
    "attach.write",
    "nope",
    "",
];

fn any_response() -> impl Strategy<Value = Value> {
    prop_oneof![
        any_json().prop_map(|r| json!({ "result": r })),
        (0..CODES.len(), any_json())
            .prop_map(|(c, m)| json!({"apiError": {"code": CODES[c], "message": m}})),
        any_json().prop_map(|e| json!({ "error": e })),
        any_json(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn any_field_value_is_an_answer_or_an_error_with_a_path(
        field in 0..FIELDS.len(),
        value in any_json(),
        audience in prop::sample::select(vec!["company-a", "company-b", "b-user"]),
        side in prop::sample::select(vec!["A", "B"]),
    ) {
        let mut i = input(audience);
        set(&mut i, FIELDS[field], value);
        match tutorial_steps(&i.to_string()) {
            Ok(out) => prop_assert!(out["steps"].as_array().is_some_and(|s| !s.is_empty())),
            Err(e) => prop_assert!(e.path.as_deref().is_some_and(|p| p.starts_with('$')), "{e:?}"),
        }
        i["side"] = json!(side);
        if let Err(e) = setup_plan(&i.to_string()) {
            prop_assert!(e.path.as_deref().is_some_and(|p| p.starts_with('$')), "{e:?}");
        }
    }

    #[test]
    fn any_answer_list_is_an_answer_or_an_error_at_the_results(
        side in prop::sample::select(vec!["A", "B"]),
        answers in prop::collection::vec((0..IDS.len(), any_response()), 0..10),
    ) {
        let mut i = input("company-a");
        i["side"] = json!(side);
        let plan = setup_plan(&i.to_string()).unwrap();
        let results: Vec<Value> = answers.into_iter().map(|(id, r)| json!({"id": IDS[id], "response": r})).collect();
        match setup_next(&json!({"plan": plan, "results": results}).to_string()) {
            Ok(out) => {
                let status = out["status"].as_str().unwrap_or("");
                prop_assert!(["send", "done", "blocked", "failed"].contains(&status), "{out}");
                // A catalog message, whatever the answers held.
                prop_assert!(out["message"]["id"].is_string(), "{out}");
                for lang in rolehop::catalog::Lang::ALL {
                    let text = rolehop::catalog::render_json(&out["message"], lang);
                    prop_assert!(!text.is_empty() && !text.contains("core_"), "{text}");
                }
                if status == "send" {
                    prop_assert!(out["next"]["request"]["action"].is_string());
                }
            }
            Err(e) => prop_assert!(e.path.as_deref().is_some_and(|p| p.starts_with("$.results")), "{e:?}"),
        }
    }

    #[test]
    fn from_any_start_one_run_settles_and_a_second_changes_nothing(
        side in prop::sample::select(vec!["A", "B"]),
        role in 0..3u8,
        policy in 0..3u8,
        user in any::<bool>(),
        attached in any::<bool>(),
        system in any::<bool>(),
    ) {
        let mut i = input("company-a");
        i["side"] = json!(side);
        if system {
            i["permission"] = json!({"kind": "system"});
            i["assumePolicy"] = json!("system");
        }
        let plan = setup_plan(&i.to_string()).unwrap();
        let op = |id: &str, field: &str| -> String {
            plan["operations"].as_array().unwrap().iter()
                .find(|o| o["id"] == id)
                .and_then(|o| o["request"][field].as_str())
                .unwrap_or("")
                .to_string()
        };
        let mut account = Account::new(if side == "A" { A } else { B });
        let other = r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"*"}]}"#;
        match role {
            1 => { account.roles.insert("admin-oss".into(), op("role.create", "assumeRolePolicyDocument")); }
            2 => { account.roles.insert("admin-oss".into(), format!(r#"{{"Version":"1","Statement":[{{"Effect":"Allow","Principal":{{"RAM":["acs:ram::{B}:root"]}},"Action":"sts:AssumeRole"}}]}}"#)); }
            _ => {}
        }
        let policy_name = op("policy.create", "policyName");
        match policy {
            1 if !policy_name.is_empty() => { account.policies.insert(policy_name.clone(), op("policy.create", "policyDocument")); }
            2 if !policy_name.is_empty() => { account.policies.insert(policy_name.clone(), other.into()); }
            _ => {}
        }
        if user { account.users.insert("alice".into()); }
        if attached {
            let entry = ("admin-oss".to_string(), op("attach.write", "policyName"), op("attach.write", "policyType"));
            account.role_attachments.insert(entry.clone());
            account.user_attachments.insert(("alice".into(), entry.1, entry.2));
        }
        let (first, _) = run(&plan, &mut account);
        let status = first["status"].as_str().unwrap_or("");
        prop_assert!(status == "done" || status == "blocked", "{first}");
        // Blocked only by a custom policy with other contents, which is never overwritten.
        if status == "blocked" {
            prop_assert_eq!(policy, 2);
            prop_assert_eq!(account.policies.get(&policy_name).map(String::as_str), Some(other));
        }
        account.log.clear();
        let (second, _) = run(&plan, &mut account);
        prop_assert_eq!(&second["status"], &first["status"]);
        prop_assert_eq!(&second["changed"], &json!(0), "{}", second);
        prop_assert!(account.log.iter().all(|a| a.starts_with("Get") || a.starts_with("List")), "{:?}", account.log);
    }
}
