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
        assert!(!preview["summary"]["en"].as_str().unwrap().is_empty());
        assert!(!preview["when"]["zh"].as_str().unwrap().is_empty());
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
        again["message"]["en"],
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
    assert!(created["message"]["en"]
        .as_str()
        .unwrap()
        .contains("console logon"));

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
    assert!(preview["summary"]["en"]
        .as_str()
        .unwrap()
        .contains("lose access: RAM:acs:ram::1888000000000000:root"));

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
    let message = answer["message"]["en"].as_str().unwrap();
    assert!(message.contains("CreatePolicyVersion"), "{message}");
    assert!(answer["message"]["zh"]
        .as_str()
        .unwrap()
        .contains("CreatePolicyVersion"));
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
    assert!(answer["message"]["en"].as_str().unwrap().contains(A));
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
    assert!(answer["message"]["en"]
        .as_str()
        .unwrap()
        .contains("not JSON"));
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
