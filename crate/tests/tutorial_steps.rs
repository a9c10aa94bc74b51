//! tutorialSteps: every audience's steps with the values filled in, for every choice of trust,
//! permission, AssumeRole policy and site. The documents parse and lint clean with the policy
//! engine; the CLI commands split into shell words that carry the same documents; the Terraform
//! heredocs hold the same documents; inputs are checked with errors at their JSON paths.

mod common;
mod tutorial_support;

use common::{rolehop, stderr, stdout};
use rolehop::contract::{policy_lint, switch_url, tutorial_steps};
use serde_json::{json, Value};
use tutorial_support::{canonical, en, flag, heredocs, input, shell_commands, zh, A, B};

fn steps_of(input: &Value) -> Value {
    tutorial_steps(&input.to_string()).unwrap_or_else(|e| panic!("{e:?} for {input}"))
}

fn ids(out: &Value) -> Vec<&str> {
    out["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect()
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every variant of the choices the tutorial offers.
fn variants() -> Vec<Value> {
    let mut out = Vec::new();
    for trust in [
        json!({"kind": "account"}),
        json!({"kind": "principals", "users": ["alice", "bob"], "roles": ["ci"]}),
    ] {
        for permission in [
            json!({"kind": "system"}),
            json!({"kind": "custom", "buckets": ["reports", "logs-2024"]}),
            json!({"kind": "custom", "buckets": ["reports"], "prefixes": ["team/2024/", "/shared", "it's $HOME/%{x}/${y}/"], "policyName": "acme-reports-read"}),
        ] {
            for assume in ["scoped", "system"] {
                for site in ["cn", "intl"] {
                    let mut i = input("company-a");
                    i["trust"] = trust.clone();
                    i["permission"] = permission.clone();
                    i["assumePolicy"] = json!(assume);
                    i["site"] = json!(site);
                    i["userName"] = json!("alice");
                    if site == "intl" {
                        i["accountA"] = json!({"uid": A});
                    }
                    out.push(i);
                }
            }
        }
    }
    out
}

/// The policy documents a step shows, canonical.
fn documents(step: &Value) -> Vec<String> {
    step["policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| canonical(p["text"].as_str().unwrap()))
        .collect()
}

fn check_step(step: &Value, site: &str) {
    let id = step["id"].as_str().unwrap();
    for key in ["title", "body", "verify"] {
        let en = en(&step[key], &Value::Null);
        let zh = zh(&step[key], &Value::Null);
        assert!(!en.is_empty() && !has_cjk(&en), "{id}.{key}.en: {en}");
        assert!(has_cjk(&zh), "{id}.{key}.zh: {zh}");
    }
    let url = step["consolePath"]["url"].as_str().unwrap();
    let domain = if site == "cn" {
        "aliyun.com"
    } else {
        "alibabacloud.com"
    };
    assert!(url.starts_with("https://"), "{id}: {url}");
    let host = url[8..].split('/').next().unwrap();
    assert!(
        host.ends_with(&format!(".{domain}")),
        "{id}: {url} on site {site}"
    );
    assert!(has_cjk(&zh(&step["consolePath"]["path"], &Value::Null)));
    for v in step["values"].as_array().unwrap() {
        assert_eq!(v["copy"], true);
        assert!(!v["value"].as_str().unwrap().is_empty(), "{id}: {v}");
        assert!(has_cjk(&zh(&v["label"], &Value::Null)), "{id}: {v}");
    }
    // Documents: canonical text, valid, and as clean as the choice allows.
    for p in step["policies"].as_array().unwrap() {
        let text = p["text"].as_str().unwrap();
        let (policy, _) = rolehop::policy::parse_detect(text).unwrap();
        assert_eq!(rolehop::policy::to_pretty(&policy), text, "canonical text");
        assert_eq!(canonical(p["compact"].as_str().unwrap()), canonical(text));
        let lint = policy_lint(&json!({"policy": text}).to_string()).unwrap();
        assert_eq!(lint["valid"], true, "{id}: {lint}");
        assert_eq!(p["lint"]["summary"]["error"], 0);
        let summary = &p["lint"]["summary"];
        let warnings =
            summary["securityWarning"].as_u64().unwrap() + summary["warning"].as_u64().unwrap();
        let codes: Vec<&str> = p["lint"]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        match p["type"].as_str().unwrap() {
            // Trusting the whole account is the console's default; the linter says so.
            "Trust" if text.contains(":root") => assert_eq!(codes, ["trust-account-root"]),
            "System" => assert_eq!(p["assumed"], true),
            _ => assert_eq!(warnings, 0, "{id}: {codes:?}"),
        }
    }
    // The CLI: shell words, `aliyun <product> <Api>`, documents equal to the step's.
    if let Some(cli) = step["cli"].as_str() {
        let commands = shell_commands(cli).unwrap_or_else(|e| panic!("{id}: {e}\n{cli}"));
        assert!(!commands.is_empty());
        for words in &commands {
            assert_eq!(words[0], "aliyun", "{id}: {words:?}");
            assert!(words.len() >= 2);
            for name in [
                "AssumeRolePolicyDocument",
                "NewAssumeRolePolicyDocument",
                "PolicyDocument",
            ] {
                if let Some(doc) = flag(words, name) {
                    assert!(documents(step).contains(&canonical(doc)), "{id}: {name}");
                    assert_eq!(
                        doc,
                        canonical(doc),
                        "the CLI sends the compact canonical text"
                    );
                }
            }
            // `aliyun <product> <Api> --Param value`: the API and its parameters are PascalCase.
            if matches!(words[1].as_str(), "ram" | "sts") {
                assert!(
                    words[2].starts_with(|c: char| c.is_ascii_uppercase()),
                    "{id}: {words:?}"
                );
                for (i, param) in words.iter().enumerate().skip(3).step_by(2) {
                    let name = param
                        .strip_prefix("--")
                        .unwrap_or_else(|| panic!("{id}: word {i} {param:?}"));
                    assert!(
                        name.starts_with(|c: char| c.is_ascii_uppercase()),
                        "{id}: {param}"
                    );
                }
            }
        }
    }
    // Terraform: the heredocs hold the same documents; braces balance.
    if let Some(tf) = step["terraform"].as_str() {
        let docs = heredocs(tf);
        for doc in &docs {
            assert!(documents(step).contains(&canonical(doc)), "{id}: {doc}");
        }
        let outside: String = {
            let mut t = tf.to_string();
            for d in &docs {
                t = t.replace(d.as_str(), "");
            }
            t
        };
        assert_eq!(
            outside.matches('{').count(),
            outside.matches('}').count(),
            "{id}: {tf}"
        );
        assert!(
            tf.contains("resource \"alicloud_ram_") || tf.contains("provider \"alicloud\""),
            "{id}"
        );
    }
}

#[test]
fn every_audience_and_choice_fills_every_step() {
    let mut count = 0;
    for base in variants() {
        for audience in ["company-a", "company-b", "b-user"] {
            let mut i = base.clone();
            i["audience"] = json!(audience);
            let out = steps_of(&i);
            assert_eq!(out["audience"], audience);
            let site = i["site"].as_str().unwrap();
            let steps = out["steps"].as_array().unwrap();
            assert_eq!(
                steps.last().unwrap()["tutorialStep"],
                4,
                "the last step verifies"
            );
            let mut previous = 0;
            for step in steps {
                assert_eq!(step["audience"], audience);
                let n = step["tutorialStep"].as_u64().unwrap();
                assert!(n >= previous, "steps in tutorial order");
                previous = n;
                check_step(step, site);
                count += 1;
            }
            let url = out["values"]["switchUrl"].as_str().unwrap();
            let expected = switch_url(
                &json!({"profile": {"account": out["values"]["accountA"]["parentAlias"], "roleName": "admin-oss", "site": site}}).to_string(),
            )
            .unwrap();
            assert_eq!(url, expected["url"], "the profile module's switch URL");
            assert_eq!(out["troubleshooting"].as_array().unwrap().len(), 4);
        }
    }
    assert!(count >= 300, "{count} steps checked");
}

#[test]
fn step_ids_per_audience() {
    let out = steps_of(&input("company-a"));
    assert_eq!(
        ids(&out),
        [
            "a-create-role",
            "a-edit-trust",
            "a-create-policy",
            "a-attach-policy",
            "a-share-values",
            "a-verify"
        ]
    );
    let mut i = input("company-a");
    i["trust"] = json!({"kind": "account"});
    i["permission"] = json!({"kind": "system"});
    assert_eq!(
        ids(&steps_of(&i)),
        [
            "a-create-role",
            "a-attach-policy",
            "a-share-values",
            "a-verify"
        ]
    );
    let out = steps_of(&input("company-b"));
    assert_eq!(
        ids(&out),
        [
            "b-create-user",
            "b-create-policy",
            "b-attach-policy",
            "b-share-values",
            "b-verify"
        ]
    );
    let mut i = input("company-b");
    i["assumePolicy"] = json!("system");
    assert_eq!(
        ids(&steps_of(&i)),
        [
            "b-create-user",
            "b-attach-policy",
            "b-share-values",
            "b-verify"
        ]
    );
    assert_eq!(
        ids(&steps_of(&input("b-user"))),
        ["user-sign-in", "user-switch-role", "user-verify"]
    );
}

#[test]
fn values_are_filled_in() {
    let out = steps_of(&input("company-a"));
    let v = &out["values"];
    assert_eq!(v["roleArn"], format!("acs:ram::{A}:role/admin-oss"));
    assert_eq!(v["accountA"]["parentAlias"], "acme");
    assert_eq!(v["accountA"]["defaultDomain"], "acme.onaliyun.com");
    assert_eq!(v["accountB"]["parentAlias"], B);
    assert_eq!(v["userName"], "alice", "from trust.users");
    assert_eq!(v["logonName"], format!("alice@{B}.onaliyun.com"));
    assert_eq!(
        v["switchUrl"],
        "https://signin.aliyun.com/switchRole.htm?parentAlias=acme&roleName=admin-oss"
    );
    assert_eq!(
        v["permissionPolicy"],
        json!({"name": "admin-oss-oss-read", "type": "Custom"})
    );
    assert_eq!(
        v["assumePolicy"]["name"],
        format!("AssumeRole-admin-oss-{A}")
    );

    let create = &out["steps"][0];
    assert_eq!(
        create["consolePath"]["url"],
        "https://ram.console.aliyun.com/roles/create"
    );
    assert_eq!(
        en(&create["consolePath"]["path"], &out),
        "RAM console > Identities > Roles > Create Role"
    );
    let trust = &create["policies"][0];
    assert_eq!(
        trust["compact"],
        format!(
            r#"{{"Version":"1","Statement":[{{"Effect":"Allow","Principal":{{"RAM":["acs:ram::{B}:user/alice"]}},"Action":"sts:AssumeRole"}}]}}"#
        )
    );
    let words = &shell_commands(create["cli"].as_str().unwrap()).unwrap()[0];
    assert_eq!(&words[..3], ["aliyun", "ram", "CreateRole"]);
    assert_eq!(flag(words, "RoleName"), Some("admin-oss"));
    let tf = create["terraform"].as_str().unwrap();
    assert!(tf.contains("resource \"alicloud_ram_role\" \"admin_oss\""));
    assert!(tf.contains("role_name                   = \"admin-oss\""));
    assert!(
        tf.contains("1.252.0"),
        "says which provider version the arguments need"
    );

    let user = steps_of(&input("b-user"));
    let switch = &user["steps"][1];
    let words = &shell_commands(switch["cli"].as_str().unwrap()).unwrap()[0];
    assert_eq!(&words[..3], ["aliyun", "sts", "AssumeRole"]);
    assert_eq!(
        flag(words, "RoleArn"),
        Some(format!("acs:ram::{A}:role/admin-oss").as_str())
    );
    assert_eq!(flag(words, "RoleSessionName"), Some("alice"));
    let verify = &user["steps"][2];
    let commands = shell_commands(verify["cli"].as_str().unwrap()).unwrap();
    assert!(commands.iter().any(|w| w[..3] == ["aliyun", "oss", "ls"]
        && w.contains(&"oss://reports/team/2024/".to_string())));
    assert!(en(&verify["body"], &user).contains("If it fails, check these causes in this order. 1) Role admin-oss lacks the OSS read policy. A attaches admin-oss-oss-read to role admin-oss. 2) "));
}

#[test]
fn odd_prefixes_survive_shell_and_terraform_quoting() {
    let mut i = input("company-a");
    i["permission"] =
        json!({"kind": "custom", "buckets": ["reports"], "prefixes": ["it's $HOME/%{x}/${y}/"]});
    let out = steps_of(&i);
    let step = out["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "a-create-policy")
        .unwrap();
    let doc = &step["policies"][0]["compact"];
    let words = &shell_commands(step["cli"].as_str().unwrap()).unwrap()[0];
    assert_eq!(flag(words, "PolicyDocument"), doc.as_str());
    assert!(doc.as_str().unwrap().contains("it's $HOME/%{x}/${y}/*"));
    let tf = step["terraform"].as_str().unwrap();
    assert!(
        tf.contains("$${y}") && tf.contains("%%{x}"),
        "HCL template sequences escaped"
    );
    assert_eq!(canonical(&heredocs(tf)[0]), doc.as_str().unwrap());
}

#[test]
fn input_errors_name_their_json_path() {
    type Patch = fn(&mut Value);
    let cases: Vec<(Patch, &str, &str)> = vec![
        (
            |v| v["accountA"]["uid"] = json!("17460000"),
            "$.accountA.uid",
            "invalid-value",
        ),
        (
            |v| v["accountB"]["uid"] = json!(1999000000000002u64),
            "$.accountB.uid",
            "invalid-value",
        ),
        (
            |v| {
                v["accountB"].as_object_mut().unwrap().remove("uid");
            },
            "$.accountB.uid",
            "missing-field",
        ),
        (
            |v| v["accountB"]["uid"] = json!(A),
            "$.accountB.uid",
            "invalid-value",
        ),
        (
            |v| v["accountA"]["alias"] = json!("-acme"),
            "$.accountA.alias",
            "invalid-value",
        ),
        (
            |v| v["accountA"]["alias"] = json!("acme.onaliyun.com"),
            "$.accountA.alias",
            "invalid-value",
        ),
        (
            |v| v["accountA"]["nick"] = json!("x"),
            "$.accountA.nick",
            "invalid-value",
        ),
        (
            |v| v["roleName"] = json!("admin oss"),
            "$.roleName",
            "invalid-value",
        ),
        (
            |v| v["roleName"] = json!("r".repeat(65)),
            "$.roleName",
            "invalid-value",
        ),
        (
            |v| v["trust"] = json!({"kind": "principals", "users": ["alice", "al ice"]}),
            "$.trust.users[1]",
            "invalid-value",
        ),
        (
            |v| v["trust"] = json!({"kind": "principals", "users": ["alice", "alice"]}),
            "$.trust.users[1]",
            "invalid-value",
        ),
        (
            |v| v["trust"] = json!({"kind": "principals", "roles": ["c i"]}),
            "$.trust.roles[0]",
            "invalid-value",
        ),
        (
            |v| v["trust"] = json!({"kind": "principals"}),
            "$.trust",
            "invalid-value",
        ),
        (
            |v| v["trust"] = json!({"kind": "everyone"}),
            "$.trust.kind",
            "invalid-value",
        ),
        (
            |v| v["permission"] = json!({"kind": "custom", "buckets": ["ok-bucket", "Bad_Bucket"]}),
            "$.permission.buckets[1]",
            "invalid-value",
        ),
        (
            |v| v["permission"] = json!({"kind": "custom"}),
            "$.permission.buckets",
            "missing-field",
        ),
        (
            |v| {
                v["permission"] =
                    json!({"kind": "custom", "buckets": ["a1b", "c2d"], "prefixes": ["x/"]})
            },
            "$.permission.prefixes",
            "invalid-value",
        ),
        (
            |v| {
                v["permission"] =
                    json!({"kind": "custom", "buckets": ["reports"], "prefixes": ["ok/", "docs/*"]})
            },
            "$.permission.prefixes[1]",
            "invalid-value",
        ),
        (
            |v| {
                v["permission"] =
                    json!({"kind": "custom", "buckets": ["reports"], "prefixes": ["/"]})
            },
            "$.permission.prefixes[0]",
            "invalid-value",
        ),
        (
            |v| {
                v["permission"] =
                    json!({"kind": "custom", "buckets": ["reports"], "policyName": "bad_name"})
            },
            "$.permission.policyName",
            "invalid-value",
        ),
        (
            |v| v["permission"] = json!({"kind": "system", "buckets": ["reports"]}),
            "$.permission.buckets",
            "invalid-value",
        ),
        (
            |v| v["userName"] = json!("bob"),
            "$.userName",
            "invalid-value",
        ),
        (
            |v| v["userName"] = json!("al@ice"),
            "$.userName",
            "invalid-value",
        ),
        (
            |v| v["assumePolicy"] = json!("any"),
            "$.assumePolicy",
            "invalid-value",
        ),
        (
            |v| {
                v.as_object_mut().unwrap().remove("assumePolicy");
            },
            "$.assumePolicy",
            "missing-field",
        ),
        (
            |v| v["assumePolicyName"] = json!("no spaces allowed"),
            "$.assumePolicyName",
            "invalid-value",
        ),
        (|v| v["site"] = json!("eu"), "$.site", "invalid-value"),
        (
            |v| v["audience"] = json!("company-c"),
            "$.audience",
            "invalid-value",
        ),
        (
            |v| {
                v.as_object_mut().unwrap().remove("audience");
            },
            "$.audience",
            "missing-field",
        ),
        (|v| v["role"] = json!("x"), "$.role", "invalid-value"),
    ];
    for (patch, path, kind) in cases {
        let mut i = input("company-a");
        patch(&mut i);
        let e = tutorial_steps(&i.to_string()).unwrap_err();
        assert_eq!(e.path.as_deref(), Some(path), "{i}: {e:?}");
        assert_eq!(serde_json::to_value(e.kind).unwrap(), kind, "{i}: {e:?}");
        assert!(e.en().len() > 20, "says what to do: {}", e.en());
    }
    let mut i = input("company-b");
    i["trust"] = json!({"kind": "account"});
    let e = tutorial_steps(&i.to_string()).unwrap_err();
    assert_eq!(
        e.path.as_deref(),
        Some("$.userName"),
        "company B creates the user: it needs a name"
    );
    assert!(tutorial_steps("[1]").is_err());
    assert!(tutorial_steps("{").unwrap_err().line.is_some());
}

#[test]
fn too_many_buckets_exceed_the_document_limit() {
    let mut i = input("company-a");
    let buckets: Vec<String> = (0..120).map(|n| format!("bucket-number-{n:03}")).collect();
    i["permission"] = json!({"kind": "custom", "buckets": buckets});
    let e = tutorial_steps(&i.to_string()).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.permission"));
    assert!(e.en().contains("6144"), "{}", e.en());
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = rolehop(args, "");
    (out.status.code().unwrap_or(-1), stdout(&out), stderr(&out))
}

const VALUES: [&str; 12] = [
    "--a-uid",
    A,
    "--a-alias",
    "acme",
    "--b-uid",
    B,
    "--role",
    "admin-oss",
    "--trust-user",
    "alice",
    "--bucket",
    "reports",
];

#[test]
fn cli_prints_the_steps_in_english_and_chinese() {
    let mut args = vec!["tutorial", "steps", "--audience", "company-a"];
    args.extend(VALUES);
    let (code, out, err) = cli(&args);
    assert_eq!(code, 0, "{err}");
    // One numbering: tasks under the tutorial's step headings, no internal ids, no "(s)".
    assert!(
        out.contains(
            "\nStep 1: Company A creates the RAM role\n\n- Create the RAM role admin-oss\n"
        ),
        "{out}"
    );
    assert!(out.contains("\nStep 4: Verify access\n"), "{out}");
    let (steps, _) = out.split_once("If access fails:").unwrap();
    assert!(
        !steps.contains("Step 2") && !steps.contains("Step 3"),
        "{out}"
    );
    for internal in ["[a-create-role]", "a-verify", "(s)"] {
        assert!(!out.contains(internal), "{internal} shown: {out}");
    }
    assert!(
        out.contains("  Step 1: Role admin-oss lacks the OSS read policy."),
        "troubleshooting by step: {out}"
    );
    assert!(out.contains("https://ram.console.aliyun.com/roles/create"));
    assert!(out.contains("aliyun ram AttachPolicyToRole"));
    assert!(
        out.contains("The document is shown above."),
        "each document printed once"
    );
    assert!(out.contains("If access fails:"));
    args.push("--zh");
    let (code, out, _) = cli(&args);
    assert_eq!(code, 0);
    assert!(out.contains("创建 RAM 角色 admin-oss"), "{out}");
    assert!(out.contains("\n第 1 步：A 公司创建 RAM 角色\n"), "{out}");
    args.pop();
    args.push("--json");
    let (_, out, _) = cli(&args);
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["steps"][0]["id"], "a-create-role");
}

#[test]
fn cli_prints_the_plan_and_runs_next() {
    let mut args = vec!["tutorial", "plan", "--side", "A"];
    args.extend(VALUES);
    let (code, out, err) = cli(&args);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("[read] RAM GetRole"), "{out}");
    assert!(out.contains("[write] RAM CreateRole"));
    assert!(out.contains("only if GetRole says the role does not exist"));
    args.push("--json");
    let (_, out, _) = cli(&args);
    let plan: Value = serde_json::from_str(&out).unwrap();
    let dir = std::env::temp_dir().join(format!("rolehop-tutorial-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("next.json");
    std::fs::write(&file, json!({"plan": plan, "results": []}).to_string()).unwrap();
    let (code, out, _) = cli(&["tutorial", "next", "--request", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    let next: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(next["next"]["id"], "identity.read");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn cli_errors() {
    let (code, _, err) = cli(&[
        "tutorial",
        "steps",
        "--audience",
        "company-a",
        "--a-uid",
        "x",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("$.accountA.uid"), "{err}");
    let (code, _, err) = cli(&["tutorial", "steps", "--bogus", "1"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown flag --bogus"));
    let (code, _, _) = cli(&["tutorial"]);
    assert_eq!(code, 2);
    let (code, out, _) = cli(&["tutorial", "help"]);
    assert_eq!(code, 0);
    assert!(out.contains("rolehop tutorial steps"));
}

#[test]
fn check_inputs_are_accepted_by_the_checks() {
    for base in variants() {
        for have in ["haveCredentialsB", "haveCredentialsA"] {
            let out = steps_of(&base);
            let mut inputs = out["checkInputs"].clone();
            inputs[have] = json!(true);
            let plan = rolehop::contract::checks_plan(&inputs.to_string())
                .unwrap_or_else(|e| panic!("{e:?} for {inputs}"));
            assert!(plan.get("error").is_none(), "{plan}");
            assert_eq!(inputs["roleArn"], format!("acs:ram::{A}:role/admin-oss"));
        }
    }
}

#[test]
fn trusted_users_follow_ram_user_names() {
    let mut i = input("company-b");
    i["trust"] = json!({"kind": "principals", "users": ["alice@example"]});
    let e = tutorial_steps(&i.to_string()).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("$.trust.users[0]"));
}

/// One numbering (issue 11): every reader's tasks carry the tutorial's step numbers, grouped in
/// order under the outline's "Step N" headings, and those numbers are the ones the checks use:
/// A's role is step 1 in the tutorial and in the checks of the role, B's user step 2, the switch
/// step 3, reading the buckets step 4.
#[test]
fn one_numbering_for_tasks_outline_and_checks() {
    let mut used = std::collections::BTreeSet::new();
    for audience in ["company-a", "company-b", "b-user"] {
        let out = steps_of(&input(audience));
        let numbers: Vec<u64> = out["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["tutorialStep"].as_u64().unwrap())
            .collect();
        assert!(
            numbers.windows(2).all(|w| w[0] <= w[1]),
            "{audience}: {numbers:?}"
        );
        let mut distinct = numbers.clone();
        distinct.dedup();
        let outline: Vec<u64> = out["outline"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["step"].as_u64().unwrap())
            .collect();
        assert_eq!(
            outline, distinct,
            "{audience}: the outline is the tasks' steps"
        );
        for o in out["outline"].as_array().unwrap() {
            let n = o["step"].as_u64().unwrap();
            assert_eq!(en(&o["label"], &out), format!("Step {n}"));
            assert_eq!(zh(&o["label"], &out), format!("第 {n} 步"));
        }
        used.extend(numbers);
    }
    assert_eq!(used.into_iter().collect::<Vec<_>>(), [1, 2, 3, 4]);
    // The tasks of company A's role (create, attach) and the checks of that role share step 1;
    // company B's user and the check that it may assume the role share step 2.
    let plan = rolehop::contract::checks_plan(
        &json!({"roleArn": format!("acs:ram::{A}:role/admin-oss"), "bucket": "reports",
            "haveCredentialsA": true, "haveCredentialsB": true})
        .to_string(),
    )
    .unwrap();
    let step_of_check = |id: &str| {
        plan["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["tutorialStep"]
            .clone()
    };
    let step_of_task = |audience: &str, id: &str| {
        let out = steps_of(&input(audience));
        out["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()["tutorialStep"]
            .clone()
    };
    assert_eq!(
        step_of_check("a.role-exists"),
        step_of_task("company-a", "a-create-role")
    );
    assert_eq!(
        step_of_check("a.role-oss-access"),
        step_of_task("company-a", "a-attach-policy")
    );
    assert_eq!(
        step_of_check("b.user-may-assume"),
        step_of_task("company-b", "b-attach-policy")
    );
    assert_eq!(
        step_of_check("b.assume-role"),
        step_of_task("b-user", "user-switch-role")
    );
    assert_eq!(
        step_of_check("b.list-objects"),
        step_of_task("b-user", "user-verify")
    );
}

/// A value not typed yet (or not valid yet) never takes the steps away (issue 11): with
/// `draft`, the steps are the same tasks, with `<A's account UID>` / `<A 的账号 UID>` where the
/// value goes, and the errors listed at their paths; a complete input has neither.
#[test]
fn draft_steps_show_placeholders_until_the_values_are_valid() {
    let complete = steps_of(&input("company-a"));
    let mut draft = input("company-a");
    draft["draft"] = json!(true);
    draft["accountA"] = json!({"uid": "17460"});
    draft["accountB"] = json!({"uid": ""});
    draft["trust"] = json!({"kind": "principals", "users": ["bad name!"]});
    draft["permission"] = json!({"kind": "custom", "buckets": [], "prefixes": ["team/"]});
    let out = tutorial_steps(&draft.to_string()).unwrap();
    assert_eq!(ids(&out), ids(&complete), "the same tasks");
    let paths: Vec<&str> = out["incomplete"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    for path in ["$.accountA.uid", "$.accountB.uid", "$.trust.users[0]"] {
        assert!(paths.contains(&path), "{path} in {paths:?}");
    }
    // A problem whose words are in the catalogs carries them (`text`), as the error itself does:
    // the page renders the words, never the id.
    let uid = out["incomplete"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["path"] == "$.accountA.uid")
        .unwrap();
    assert_eq!(uid["text"]["id"], uid["message"], "{uid}");
    assert!(
        uid["text"]["id"].as_str().unwrap().starts_with("core_"),
        "{uid}"
    );
    let role = &out["steps"][0];
    assert!(
        en(&role["body"], &out).contains("In account A (<A's account UID>)"),
        "{role}"
    );
    assert!(
        zh(&role["body"], &out).contains("在 A 账号（<A 的账号 UID>）"),
        "{role}"
    );
    let text = out.to_string();
    for stand_in in ["9990000000000001", "9990000000000002", "zzrolehopx"] {
        assert!(!text.contains(stand_in), "{stand_in} left in {text}");
    }
    // Values, documents and commands carry the token; the page shows the catalog's words.
    assert!(text.contains("acs:ram::<account-b>:user/<user>"), "{text}");
    let placeholders: Vec<String> = out["placeholders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| zh(&p["text"], &Value::Null))
        .collect();
    assert!(
        placeholders.contains(&"<A 的账号 UID>".to_string()),
        "{placeholders:?}"
    );
    // Complete values: no placeholders, nothing incomplete.
    let mut done = input("company-a");
    done["draft"] = json!(true);
    let out = tutorial_steps(&done.to_string()).unwrap();
    assert_eq!(out["incomplete"], json!([]));
    assert_eq!(out["placeholders"], json!([]));
    assert_eq!(out["steps"], complete["steps"]);
    // What no placeholder can stand for still fails.
    let mut wrong = input("company-a");
    wrong["draft"] = json!(true);
    wrong["site"] = json!("moon");
    assert!(tutorial_steps(&wrong.to_string()).is_err());
}

/// Every id of `value`'s messages (`{id, args}`, nested ones too), and the JSON path of each
/// `{en, zh}` pair (prose the wasm would carry instead of a catalog id), outside `skip`.
fn messages_and_prose(
    value: &Value,
    path: &str,
    skip: &[&str],
    ids: &mut Vec<String>,
    prose: &mut Vec<String>,
) {
    if skip.iter().any(|s| path.ends_with(s)) {
        return;
    }
    match value {
        Value::Object(map) => {
            if map.contains_key("en") && map.contains_key("zh") {
                prose.push(format!("{path}: {value}"));
            }
            if let (Some(Value::String(id)), Some(_)) = (map.get("id"), map.get("args")) {
                ids.push(id.clone());
            }
            for (key, v) in map {
                messages_and_prose(v, &format!("{path}.{key}"), skip, ids, prose);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                messages_and_prose(v, &format!("{path}[{i}]"), skip, ids, prose);
            }
        }
        _ => {}
    }
}

/// Issue 11: the tutorial's texts cross the contract as catalog ids with arguments, never as
/// `{en, zh}` prose, for every reader and choice, complete or draft; every id is in both
/// catalogs. (A statement's purpose comes from the policy builders and a lint finding from the
/// linter, crate/src/policy: their words are that area's.)
#[test]
fn tutorial_texts_are_catalog_messages_not_prose() {
    let skip = [".purpose", ".lint"];
    let mut inputs = Vec::new();
    for base in variants() {
        for audience in ["company-a", "company-b", "b-user"] {
            let mut i = base.clone();
            i["audience"] = json!(audience);
            inputs.push(i.clone());
            i["draft"] = json!(true);
            i["roleName"] = json!("");
            i["accountB"] = json!({"uid": "1"});
            inputs.push(i);
        }
    }
    let mut user_unnamed = input("b-user");
    user_unnamed["trust"] = json!({"kind": "account"});
    inputs.push(user_unnamed);
    for i in inputs {
        let out = steps_of(&i);
        let (mut ids, mut prose) = (Vec::new(), Vec::new());
        messages_and_prose(&out, "$", &skip, &mut ids, &mut prose);
        assert_eq!(prose, Vec::<String>::new(), "prose in the tutorial of {i}");
        assert!(ids.len() > 20, "{ids:?}");
        for id in ids {
            for lang in rolehop::catalog::Lang::ALL {
                let catalog = rolehop::catalog::catalog(lang);
                assert!(
                    catalog.contains_key(&id) || catalog.contains_key(&format!("{id}_other")),
                    "{id} is not in the {} catalog",
                    lang.locale()
                );
            }
        }
        for p in out["steps"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["policies"].as_array().unwrap())
        {
            for s in p["statements"].as_array().unwrap() {
                assert!(
                    s["purpose"]["id"].is_string(),
                    "a statement's purpose is a policy message: {s}"
                );
            }
        }
    }
}
