//! "Do it for me": setupPlan and setupNext driven against an in-memory account that answers like
//! RAM and STS (bodies as in reference/apis.md and tests/fixtures/responses, read back with the
//! core's parsers). From an empty account to done, a re-run that changes nothing, existing
//! things with other contents, EntityAlreadyExists races, errors and bad result lists.

mod tutorial_support;

use rolehop::contract::{setup_next, setup_plan};
use serde_json::{json, Value};
use tutorial_support::{canonical, input, parsed, run, Account, A, B};

fn plan(side: &str, patch: impl FnOnce(&mut Value)) -> Value {
    let mut i = input("company-a");
    i["side"] = json!(side);
    patch(&mut i);
    setup_plan(&i.to_string()).expect("a plan")
}

/// A message of the answer in English or Chinese, from the catalogs.
fn en(v: &Value) -> String {
    rolehop::catalog::render_json(v, rolehop::catalog::Lang::En)
}

fn zh(v: &Value) -> String {
    rolehop::catalog::render_json(v, rolehop::catalog::Lang::Zh)
}

fn actions(account: &Account) -> Vec<&str> {
    account.log.iter().map(String::as_str).collect()
}

fn results(answer: &Value) -> Vec<(String, String)> {
    answer["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["task"].as_str().unwrap().to_string(),
                o["result"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn plan_lists_every_request_with_previews_and_no_secret() {
    let p = plan("A", |_| {});
    assert_eq!(p["side"], "A");
    assert_eq!(p["account"], A);
    let ids: Vec<&str> = p["operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "identity.read",
            "role.read",
            "role.create",
            "role.update",
            "role.recheck",
            "policy.read",
            "policy.create",
            "policy.recheck",
            "attach.read",
            "attach.write"
        ]
    );
    for op in p["operations"].as_array().unwrap() {
        let preview = &op["preview"];
        assert_eq!(preview["params"]["Action"], op["action"]);
        assert!(preview["summary"]["id"].is_string(), "{preview}");
        assert!(!en(&preview["summary"]).is_empty());
        assert!(!zh(&preview["when"]).is_empty());
        for key in ["credentials", "time", "nonce"] {
            assert!(op["request"].get(key).is_none(), "{key} in {op}");
        }
        let text = op.to_string();
        for secret in [
            "AccessKeySecret",
            "accessKeySecret",
            "Signature\"",
            "SecurityToken",
        ] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
    let create = p["operations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "role.create")
        .unwrap();
    assert_eq!(create["kind"], "write");
    assert_eq!(
        canonical(
            create["preview"]["params"]["AssumeRolePolicyDocument"]
                .as_str()
                .unwrap()
        ),
        format!(
            r#"{{"Version":"1","Statement":[{{"Effect":"Allow","Principal":{{"RAM":["acs:ram::{B}:user/alice"]}},"Action":"sts:AssumeRole"}}]}}"#
        )
    );
}

#[test]
fn side_a_from_an_empty_account_to_done_then_a_rerun_changes_nothing() {
    let p = plan("A", |_| {});
    let mut account = Account::new(A);
    let (done, _) = run(&p, &mut account);
    assert_eq!(done["status"], "done", "{done}");
    assert_eq!(done["changed"], 3);
    assert_eq!(
        actions(&account),
        [
            "GetCallerIdentity",
            "GetRole",
            "CreateRole",
            "GetPolicy",
            "CreatePolicy",
            "ListPoliciesForRole",
            "AttachPolicyToRole"
        ]
    );
    assert_eq!(
        results(&done),
        pairs(&[
            ("identity", "checked"),
            ("role", "created"),
            ("policy", "created"),
            ("attach", "attached")
        ])
    );
    assert!(account.role_attachments.contains(&(
        "admin-oss".into(),
        "admin-oss-oss-read".into(),
        "Custom".into()
    )));
    let created_doc = account.policies["admin-oss-oss-read"].clone();
    assert!(created_doc.contains("team/2024/*"));

    account.log.clear();
    let (again, _) = run(&p, &mut account);
    assert_eq!(again["status"], "done");
    assert_eq!(again["changed"], 0);
    assert_eq!(
        actions(&account),
        [
            "GetCallerIdentity",
            "GetRole",
            "GetPolicy",
            "ListPoliciesForRole"
        ],
        "a re-run only reads"
    );
    assert_eq!(
        results(&again),
        pairs(&[
            ("identity", "checked"),
            ("role", "skipped"),
            ("policy", "skipped"),
            ("attach", "skipped")
        ])
    );
    assert_eq!(
        en(&again["message"]),
        "Everything was already in place: nothing changed."
    );
}

#[test]
fn side_a_with_the_system_policy_has_no_policy_task() {
    let p = plan("A", |i| {
        i["permission"] = json!({"kind": "system"});
        i["trust"] = json!({"kind": "account"});
    });
    let mut account = Account::new(A);
    let (done, _) = run(&p, &mut account);
    assert_eq!(done["changed"], 2);
    assert!(account.role_attachments.contains(&(
        "admin-oss".into(),
        "AliyunOSSReadOnlyAccess".into(),
        "System".into()
    )));
    assert!(account.roles["admin-oss"].contains(&format!("acs:ram::{B}:root")));
    assert!(!actions(&account).contains(&"GetPolicy"));
}

#[test]
fn side_b_from_an_empty_account_to_done_then_a_rerun_changes_nothing() {
    let p = plan("B", |_| {});
    assert_eq!(p["account"], B);
    let mut account = Account::new(B);
    let (done, _) = run(&p, &mut account);
    assert_eq!(done["status"], "done", "{done}");
    assert_eq!(
        actions(&account),
        [
            "GetCallerIdentity",
            "ListPoliciesForUser",
            "CreateUser",
            "GetPolicy",
            "CreatePolicy",
            "ListPoliciesForUser",
            "AttachPolicyToUser"
        ]
    );
    assert_eq!(done["changed"], 3);
    let doc = &account.policies[&format!("AssumeRole-admin-oss-{A}")];
    assert_eq!(
        canonical(doc),
        format!(
            r#"{{"Version":"1","Statement":[{{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"acs:ram::{A}:role/admin-oss"}}]}}"#
        )
    );
    let created = done["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["task"] == "user")
        .unwrap();
    assert!(en(&created["message"]).contains("console logon"));

    account.log.clear();
    let (again, _) = run(&p, &mut account);
    assert_eq!(again["changed"], 0);
    // The user read lists the user's policies, so the attach decision needs no second read.
    assert_eq!(
        actions(&account),
        ["GetCallerIdentity", "ListPoliciesForUser", "GetPolicy"]
    );
    assert_eq!(
        results(&again),
        pairs(&[
            ("identity", "checked"),
            ("user", "skipped"),
            ("policy", "skipped"),
            ("attach", "skipped")
        ])
    );
}

#[test]
fn side_b_with_the_system_policy() {
    let p = plan("B", |i| i["assumePolicy"] = json!("system"));
    let mut account = Account::new(B);
    let (done, _) = run(&p, &mut account);
    assert_eq!(done["changed"], 2);
    assert!(account.user_attachments.contains(&(
        "alice".into(),
        "AliyunSTSAssumeRoleAccess".into(),
        "System".into()
    )));
}

#[test]
fn an_existing_role_with_another_trust_is_updated_and_the_preview_says_what_it_drops() {
    let p = plan("A", |_| {});
    let mut account = Account::new(A);
    let other = r#"{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1888000000000000:root"]}}],"Version":"1"}"#;
    account.roles.insert("admin-oss".into(), other.into());
    let mut results: Vec<Value> = Vec::new();
    for id in ["identity.read", "role.read"] {
        let answer = setup_next(&json!({"plan": p, "results": results}).to_string()).unwrap();
        assert_eq!(answer["next"]["id"], id);
        let (status, body) = account.answer(&answer["next"]["request"]);
        results.push(json!({"id": id, "response": parsed(answer["next"]["action"].as_str().unwrap(), status, &body)}));
    }
    let answer = setup_next(&json!({"plan": p, "results": results}).to_string()).unwrap();
    assert_eq!(answer["status"], "send");
    assert_eq!(answer["next"]["action"], "UpdateRole");
    let preview = &answer["next"]["preview"];
    assert_eq!(preview["replaces"]["current"], other);
    assert_eq!(
        preview["replaces"]["drops"],
        json!(["RAM:acs:ram::1888000000000000:root"])
    );
    assert_eq!(
        en(&preview["note"]),
        "The role exists with a different trust policy: this request replaces it, and these principals lose access: RAM:acs:ram::1888000000000000:root."
    );
    assert_eq!(
        zh(&preview["note"]),
        "角色已存在，但信任策略不同：此请求将替换它，以下主体将失去访问权限：RAM:acs:ram::1888000000000000:root。"
    );

    let (done, _) = run(&p, &mut account);
    assert_eq!(done["status"], "done");
    assert!(results_of(&done).contains(&("role".into(), "updated".into())));
    assert!(account.roles["admin-oss"].contains(&format!("acs:ram::{B}:user/alice")));
}

fn results_of(answer: &Value) -> Vec<(String, String)> {
    results(answer)
}

#[test]
fn the_fixture_role_is_read_like_the_api_s_answer() {
    // tests/fixtures/responses/get_role.json: a role trusting another account's root.
    let body: Value =
        serde_json::from_str(include_str!("fixtures/responses/get_role.json")).unwrap();
    let p = plan("A", |i| i["accountA"]["uid"] = json!("1746000000000000"));
    let identity = json!({"AccountId": "1746000000000000", "Arn": "acs:ram::1746000000000000:user/admin", "IdentityType": "RAMUser", "PrincipalId": "1", "UserId": "1", "RequestId": "R"});
    let results = json!([
        {"id": "identity.read", "response": parsed("GetCallerIdentity", 200, &identity)},
        {"id": "role.read", "response": parsed("GetRole", 200, &body)},
    ]);
    let answer = setup_next(&json!({"plan": p, "results": results}).to_string()).unwrap();
    assert_eq!(answer["next"]["id"], "role.update");
    assert_eq!(
        answer["next"]["preview"]["replaces"]["drops"],
        json!(["RAM:acs:ram::1888000000000000:root"])
    );
}

#[test]
fn entity_already_exists_on_a_create_is_already_there() {
    // Another administrator creates the role between our GetRole and CreateRole: the role is
    // re-read and, having the same trust policy, left alone.
    let p = plan("A", |_| {});
    let mut account = Account::new(A);
    let trust = p["operations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "role.create")
        .unwrap()["request"]["assumeRolePolicyDocument"]
        .as_str()
        .unwrap()
        .to_string();
    account.inject.push((
        "GetRole".into(),
        404,
        json!({"RequestId": "R1", "HostId": "ram.aliyuncs.com", "Code": "EntityNotExist.Role", "Message": "The role does not exist."}),
    ));
    account.roles.insert("admin-oss".into(), trust);
    account.inject.push((
        "AttachPolicyToRole".into(),
        409,
        json!({"RequestId": "R2", "HostId": "ram.aliyuncs.com", "Code": "EntityAlreadyExists.Role.Policy", "Message": "The policy is already attached."}),
    ));
    let (done, _) = run(&p, &mut account);
    assert_eq!(done["status"], "done", "{done}");
    assert_eq!(
        actions(&account),
        [
            "GetCallerIdentity",
            "GetRole",
            "CreateRole",
            "GetRole",
            "GetPolicy",
            "CreatePolicy",
            "ListPoliciesForRole",
            "AttachPolicyToRole"
        ]
    );
    assert_eq!(
        results(&done),
        pairs(&[
            ("identity", "checked"),
            ("role", "skipped"),
            ("policy", "created"),
            ("attach", "already-there")
        ])
    );
    assert_eq!(done["changed"], 1);
}

#[test]
fn entity_already_exists_on_create_user_and_create_policy() {
    let p = plan("B", |_| {});
    let mut account = Account::new(B);
    account.inject.push((
        "ListPoliciesForUser".into(),
        404,
        json!({"RequestId": "R1", "HostId": "ram.aliyuncs.com", "Code": "EntityNotExist.User", "Message": "The user does not exist."}),
    ));
    account.users.insert("alice".into());
    account.inject.push((
        "GetPolicy".into(),
        404,
        json!({"RequestId": "R2", "HostId": "ram.aliyuncs.com", "Code": "EntityNotExist.Policy", "Message": "The policy does not exist."}),
    ));
    let doc = p["operations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "policy.create")
        .unwrap()["request"]["policyDocument"]
        .as_str()
        .unwrap()
        .to_string();
    account
        .policies
        .insert(format!("AssumeRole-admin-oss-{A}"), doc);
    let (done, _) = run(&p, &mut account);
    assert_eq!(done["status"], "done", "{done}");
    assert_eq!(
        results(&done),
        pairs(&[
            ("identity", "checked"),
            ("user", "already-there"),
            ("policy", "skipped"),
            ("attach", "attached")
        ])
    );
    assert_eq!(done["changed"], 1);
}

#[test]
fn a_policy_with_another_document_blocks_and_is_not_overwritten() {
    let p = plan("A", |_| {});
    let mut account = Account::new(A);
    let theirs =
        r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"*"}]}"#;
    account
        .policies
        .insert("admin-oss-oss-read".into(), theirs.into());
    let (answer, _) = run(&p, &mut account);
    assert_eq!(answer["status"], "blocked");
    assert_eq!(answer["task"], "policy");
    let message = en(&answer["message"]);
    assert!(message.contains("does not overwrite it"), "{message}");
    assert!(zh(&answer["message"]).contains("不会覆盖"));
    assert_eq!(account.policies["admin-oss-oss-read"], theirs);
    assert!(!actions(&account).contains(&"AttachPolicyToRole"));
}

#[test]
fn credentials_of_another_account_change_nothing() {
    let p = plan("A", |_| {});
    let mut account = Account::new(B);
    let (answer, _) = run(&p, &mut account);
    assert_eq!(answer["status"], "blocked");
    assert_eq!(answer["task"], "identity");
    assert_eq!(actions(&account), ["GetCallerIdentity"]);
    assert!(en(&answer["message"]).contains(A));
}

#[test]
fn an_error_on_a_write_fails_with_the_api_error_and_is_not_retried() {
    let p = plan("A", |_| {});
    let mut account = Account::new(A);
    account.inject.push((
        "CreateRole".into(),
        403,
        json!({"RequestId": "R3", "HostId": "ram.aliyuncs.com", "Code": "NoPermission", "Message": "You are not authorized to do this action. You should be authorized by RAM."}),
    ));
    let (answer, _) = run(&p, &mut account);
    assert_eq!(answer["status"], "failed");
    assert_eq!(answer["task"], "role");
    assert_eq!(answer["apiError"]["code"], "NoPermission");
    assert_eq!(
        actions(&account),
        ["GetCallerIdentity", "GetRole", "CreateRole"]
    );
    assert_eq!(answer["changed"], 0);
}

#[test]
fn an_unreadable_answer_fails() {
    let p = plan("A", |_| {});
    let results = json!([{"id": "identity.read", "response": {"error": {"kind": "invalid-response", "message": "not JSON"}}}]);
    let answer = setup_next(&json!({"plan": p, "results": results}).to_string()).unwrap();
    assert_eq!(answer["status"], "failed");
    assert_eq!(
        en(&answer["message"]),
        "The answer to GetCallerIdentity could not be read: not JSON"
    );
}

#[test]
fn bad_result_lists_are_errors_with_paths() {
    let p = plan("A", |_| {});
    let identity = parsed(
        "GetCallerIdentity",
        200,
        &json!({"AccountId": A, "Arn": "a", "IdentityType": "RAMUser", "PrincipalId": "1", "RequestId": "R"}),
    );
    let cases = [
        (
            json!([{"id": "role.read", "response": identity}]),
            "$.results[0].id",
        ),
        (json!([{"id": "identity.read"}]), "$.results[0].response"),
        (
            json!([{"id": "identity.read", "response": {"x": 1}}]),
            "$.results[0].response",
        ),
        (
            json!([{"id": "identity.read", "response": identity, "extra": 1}]),
            "$.results[0].extra",
        ),
        (json!("nope"), "$.results"),
    ];
    for (results, path) in cases {
        let e = setup_next(&json!({"plan": p, "results": results}).to_string()).unwrap_err();
        assert_eq!(e.path.as_deref(), Some(path), "{e:?}");
    }
    let e = setup_next(&json!({"results": []}).to_string()).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.plan"));
    let mut broken = p.clone();
    broken["input"]["roleName"] = json!("bad name");
    let e = setup_next(&json!({"plan": broken}).to_string()).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.plan.input.roleName"));
}

#[test]
fn answers_after_the_end_are_refused() {
    let p = plan("A", |i| i["permission"] = json!({"kind": "system"}));
    let mut account = Account::new(A);
    let (_, mut results) = run(&p, &mut account);
    results.push(json!({"id": "attach.write", "response": {"result": {"requestId": "R"}}}));
    let e = setup_next(&json!({"plan": p, "results": results}).to_string()).unwrap_err();
    assert!(e.path.unwrap().ends_with("].id"));
}

#[test]
fn only_the_plan_input_is_read() {
    // An edited operation list cannot make setupNext send something else.
    let mut p = plan("A", |_| {});
    p["operations"][0]["request"] = json!({"action": "CreateUser", "userName": "mallory"});
    let answer = setup_next(&json!({"plan": p}).to_string()).unwrap();
    assert_eq!(
        answer["next"]["request"],
        json!({"action": "GetCallerIdentity"})
    );
}

#[test]
fn plan_input_errors() {
    let mut i = input("company-a");
    let e = setup_plan(&i.to_string()).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.side"));
    i["side"] = json!("C");
    assert_eq!(
        setup_plan(&i.to_string()).unwrap_err().path.as_deref(),
        Some("$.side")
    );
    i["side"] = json!("B");
    i["trust"] = json!({"kind": "account"});
    assert_eq!(
        setup_plan(&i.to_string()).unwrap_err().path.as_deref(),
        Some("$.userName"),
        "side B needs the user"
    );
}

/// Every `{id, args}` message in `value` (ids into `ids`), and every text that is not one where
/// a message belongs (`prose`): a `{en, zh}` pair, or a plain string under a text's key. The API's
/// own answer (`apiError`), what an update replaces and the requests are values, not texts.
fn messages_and_prose(value: &Value, path: &str, ids: &mut Vec<String>, prose: &mut Vec<String>) {
    const VALUES: [&str; 5] = [".apiError", ".replaces", ".request", ".params", ".input"];
    const TEXTS: [&str; 5] = ["title", "summary", "when", "note", "message"];
    if VALUES.iter().any(|v| path.ends_with(v)) {
        return;
    }
    match value {
        Value::Object(map) => {
            if map.contains_key("en") || map.contains_key("zh") {
                prose.push(format!("{path}: {value}"));
            }
            if let (Some(Value::String(id)), Some(_)) = (map.get("id"), map.get("args")) {
                ids.push(id.clone());
            }
            for (key, v) in map {
                let child = format!("{path}.{key}");
                // A message's arguments are values (an API error's own message among them).
                if TEXTS.contains(&key.as_str()) && !v.is_object() && !path.ends_with(".args") {
                    prose.push(format!("{child}: {v}"));
                }
                messages_and_prose(v, &child, ids, prose);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                messages_and_prose(v, &format!("{path}[{i}]"), ids, prose);
            }
        }
        _ => {}
    }
}

/// The plan, and setupNext's answer after each answer of a run (`send` with its preview, then
/// the end).
fn every_answer(p: &Value, account: &mut Account) -> Vec<Value> {
    let (last, results) = run(p, account);
    let mut answers = vec![p.clone(), last];
    for n in 0..results.len() {
        let so_far = &results[..n];
        answers.push(setup_next(&json!({"plan": p, "results": so_far}).to_string()).unwrap());
    }
    answers
}

fn assert_in_both_catalogs(id: &str) {
    for lang in rolehop::catalog::Lang::ALL {
        let catalog = rolehop::catalog::catalog(lang);
        assert!(
            catalog.contains_key(id) || catalog.contains_key(&format!("{id}_other")),
            "{id} is not in the {} catalog",
            lang.locale()
        );
    }
}

/// Issue 11: the plan's and setupNext's texts cross the contract as catalog ids with arguments,
/// never as `{en, zh}` prose or English strings: tasks, requests and when they are sent, the note
/// of an update, every outcome and every end (done, nothing to do, blocked, failed with and
/// without an API error's hint, an unreadable answer).
#[test]
fn setup_texts_are_catalog_messages_not_prose() {
    let mut answers = Vec::new();
    for (side, system) in [("A", false), ("A", true), ("B", false), ("B", true)] {
        let p = plan(side, |i| {
            if system {
                i["permission"] = json!({"kind": "system"});
                i["assumePolicy"] = json!("system");
            }
        });
        let mut account = Account::new(if side == "A" { A } else { B });
        answers.extend(every_answer(&p, &mut account));
        // A re-run over the finished account, then the other account's credentials.
        answers.extend(every_answer(&p, &mut account));
        answers.extend(every_answer(
            &p,
            &mut Account::new(if side == "A" { B } else { A }),
        ));
    }
    let p = plan("A", |_| {});
    let mut account = Account::new(A);
    let other = r#"{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::1888000000000000:root"]}}],"Version":"1"}"#;
    account.roles.insert("admin-oss".into(), other.into());
    account.policies.insert(
        "admin-oss-oss-read".into(),
        r#"{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"}]}"#.into(),
    );
    answers.extend(every_answer(&p, &mut account));
    let mut account = Account::new(A);
    account.inject.push((
        "CreateRole".into(),
        403,
        json!({"RequestId": "R3", "HostId": "ram.aliyuncs.com", "Code": "NoPermission", "Message": "You are not authorized to do this action."}),
    ));
    answers.extend(every_answer(&p, &mut account));
    let unreadable = json!([{"id": "identity.read", "response": {"error": {"kind": "invalid-response", "message": "not JSON"}}}]);
    answers.push(setup_next(&json!({"plan": p, "results": unreadable}).to_string()).unwrap());

    let mut seen = std::collections::BTreeSet::new();
    for answer in &answers {
        let (mut ids, mut prose) = (Vec::new(), Vec::new());
        messages_and_prose(answer, "$", &mut ids, &mut prose);
        assert_eq!(prose, Vec::<String>::new(), "prose in {answer}");
        for id in ids {
            assert_in_both_catalogs(&id);
            seen.insert(id);
        }
    }
    // Every kind of end and the update's note were among them.
    for id in [
        "core_setup_done_changed",
        "core_setup_done_nothing",
        "core_setup_identity_other",
        "core_setup_policy_differs",
        "core_setup_failed_api_hint",
        "core_setup_failed_unreadable",
        "core_setup_replaces_trust_drops",
        "core_setup_next",
        "core_setup_when_always",
    ] {
        assert!(seen.contains(id), "{id} not seen: {seen:?}");
    }
}

/// Issue 11: an error in the tutorial's values (tutorialSteps, setupPlan, setupNext) is a catalog
/// message that names the field as the workbench does, with the JSON path beside it as data.
#[test]
fn input_errors_are_catalog_messages_with_paths() {
    let steps = |patch: &dyn Fn(&mut Value)| {
        let mut i = input("company-a");
        patch(&mut i);
        rolehop::contract::tutorial_steps(&i.to_string()).unwrap_err()
    };
    let cases: Vec<(rolehop::error::Error, &str, &str)> = vec![
        (steps(&|i| { i.as_object_mut().unwrap().remove("audience"); }), "$.audience", "Say who you are: \"company-a\", \"company-b\" or \"b-user\"."),
        (steps(&|i| i["audience"] = json!("c")), "$.audience", "Who you are must be"),
        (steps(&|i| i["accountB"]["uid"] = i["accountA"]["uid"].clone()), "$.accountB.uid", "Company B's account UID is company A's"),
        (steps(&|i| i["site"] = json!("eu")), "$.site", "Console site must be \"cn\" (aliyun.com) or \"intl\" (alibabacloud.com), not \"eu\"."),
        (steps(&|i| i["extra"] = json!(1)), "$.extra", "Unknown field \"extra\""),
        (steps(&|i| { i.as_object_mut().unwrap().remove("accountA"); }), "$.accountA", "Company A's account UID is required."),
        (steps(&|i| { i["accountB"].as_object_mut().unwrap().remove("uid"); }), "$.accountB.uid", "Company B's account UID is required."),
        (steps(&|i| { i.as_object_mut().unwrap().remove("roleName"); }), "$.roleName", "Role name is required."),
        (steps(&|i| i["trust"] = json!({"kind": "principals", "users": "alice"})), "$.trust.users", "Trusted RAM users of B must be a list of names, not a string."),
        (steps(&|i| i["trust"] = json!({"kind": "principals", "users": ["alice", 3]})), "$.trust.users[1]", "Each entry in Trusted RAM users of B must be a name"),
        (steps(&|i| i["trust"] = json!({"kind": "principals", "users": ["alice", "alice"]})), "$.trust.users[1]", "Trusted RAM users of B lists \"alice\" twice: keep one."),
        (steps(&|i| i["trust"] = json!({"kind": "principals"})), "$.trust", "No trusted RAM user or role of B is listed"),
        (steps(&|i| i["trust"] = json!({"kind": "some"})), "$.trust.kind", "Who may assume the role must be"),
        (steps(&|i| i["accountA"]["alias"] = json!("acme.onaliyun.com")), "$.accountA.alias", "\"acme.onaliyun.com\" is a default domain: give the enterprise alias alone (\"acme\")"),
        (steps(&|i| i["accountA"]["alias"] = json!("-acme.onaliyun.com")), "$.accountA.alias", "\"-acme.onaliyun.com\" is a default domain, not an enterprise alias: leave the alias empty to use the UID."),
        (steps(&|i| i["permission"] = json!({"kind": "custom"})), "$.permission.buckets", "List at least one bucket"),
        (steps(&|i| i["permission"] = json!({"kind": "custom", "buckets": ["a1", "b1"], "prefixes": ["x/"]})), "$.permission.prefixes", "Prefixes apply to one bucket only"),
        (steps(&|i| i["permission"] = json!({"kind": "all"})), "$.permission.kind", "What the role may do in OSS must be"),
        (steps(&|i| i["userName"] = json!("bob")), "$.userName", "B's RAM user \"bob\" is not trusted by the role (it trusts user alice)"),
        (steps(&|i| { i.as_object_mut().unwrap().remove("assumePolicy"); }), "$.assumePolicy", "Choose B's AssumeRole permission"),
        (steps(&|i| { i["assumePolicy"] = json!("system"); i["assumePolicyName"] = json!("x"); }), "$.assumePolicyName", "A policy name applies only to"),
        (steps(&|i| i["assumePolicy"] = json!("any")), "$.assumePolicy", "B's AssumeRole permission must be"),
        (steps(&|i| i["draft"] = json!("yes")), "$.draft", "\"draft\" must be true or false."),
        (steps(&|i| { i["audience"] = json!("company-b"); i["trust"] = json!({"kind": "account"}); }), "$.userName", "B's RAM user is required"),
    ];
    let mut plan_input = input("company-a");
    let side_missing = setup_plan(&plan_input.to_string()).unwrap_err();
    plan_input["side"] = json!("C");
    let side_invalid = setup_plan(&plan_input.to_string()).unwrap_err();
    let p = plan("A", |_| {});
    let next = |v: Value| setup_next(&v.to_string()).unwrap_err();
    let mut no_input = p.clone();
    no_input.as_object_mut().unwrap().remove("input");
    let more: Vec<(rolehop::error::Error, &str, &str)> = vec![
        (side_missing, "$.side", "Say which account to set up"),
        (
            side_invalid,
            "$.side",
            "The account to set up must be \"A\" or \"B\", not \"C\".",
        ),
        (next(json!({})), "$.plan", "The plan is missing"),
        (
            next(json!({"plan": no_input})),
            "$.plan.input",
            "The plan has no \"input\"",
        ),
        (
            next(json!({"plan": p, "results": 1})),
            "$.results",
            "The results must be a list of answers with \"id\" and \"response\", not a number.",
        ),
        (
            next(json!({"plan": p, "results": [{"id": "identity.read"}]})),
            "$.results[0].response",
            "A result needs \"response\"",
        ),
        (
            next(json!({"plan": p, "results": [{"id": "identity.read", "response": {}}]})),
            "$.results[0].response",
            "A response is parseResponse's answer",
        ),
        (
            next(
                json!({"plan": p, "results": [{"id": "identity.read", "response": {"result": {}}, "x": 1}]}),
            ),
            "$.results[0].x",
            "A result has only \"id\" and \"response\": remove \"x\".",
        ),
        (
            next(json!({"plan": p, "results": [{"id": "role.read", "response": {"result": {}}}]})),
            "$.results[0].id",
            "Expected the answer to \"identity.read\" here",
        ),
        (
            next(
                json!({"plan": p, "results": [{"id": "identity.read", "response": {"result": {"requestId": "R"}}}]}),
            ),
            "$.results[0].response.result",
            "The result is not what parseResponse gives for GetCallerIdentity",
        ),
        (
            next(json!({"plan": p, "extra": 1})),
            "$.extra",
            "Unknown field \"extra\"",
        ),
    ];
    for (e, path, start) in cases.into_iter().chain(more) {
        assert_eq!(e.path.as_deref(), Some(path), "{e:?}");
        let text = e
            .text
            .as_ref()
            .unwrap_or_else(|| panic!("prose, not a message: {e:?}"));
        let said = serde_json::to_value(text).unwrap();
        assert_in_both_catalogs(said["id"].as_str().unwrap());
        let english = rolehop::catalog::render_json(&said, rolehop::catalog::Lang::En);
        assert!(english.starts_with(start), "{path}: {english}");
        assert!(!english.contains('\n'), "one line: {english}");
        let chinese = rolehop::catalog::render_json(&said, rolehop::catalog::Lang::Zh);
        assert!(chinese.ends_with('。'), "{path}: {chinese}");
    }
}
