//! Shared by the tutorial tests: the tutorial's inputs, a POSIX shell-word splitter (to read the
//! CLI commands as a shell would), and a small in-memory RAM account that answers the plan's
//! requests with bodies shaped like the real API's (reference/apis.md, tests/fixtures/responses),
//! read back through the core's own response parsers.

#![allow(dead_code)]

use rolehop::catalog::{self, Lang};
use rolehop::contract;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

pub const A: &str = "1746000000000001";
pub const B: &str = "1999000000000002";

/// A tutorial text as a reader sees it, from the catalogs: a message (`{id, args}`) or sentences
/// (a list of messages, a space between English ones, none between Chinese ones), with each of
/// the output's placeholder tokens in the catalog's words. Panics on prose (`{en, zh}`).
pub fn words(text: &Value, lang: Lang, out: &Value) -> String {
    let mut rendered = match text {
        Value::Array(sentences) => sentences
            .iter()
            .map(|m| words(m, lang, &Value::Null))
            .collect::<Vec<_>>()
            .join(if lang == Lang::Zh { "" } else { " " }),
        Value::Object(o) if o.contains_key("id") && o.contains_key("args") => {
            catalog::render_json(text, lang)
        }
        other => panic!("not a message: {other}"),
    };
    for p in out["placeholders"].as_array().into_iter().flatten() {
        let token = p["token"].as_str().unwrap();
        rendered = rendered.replace(token, &catalog::render_json(&p["text"], lang));
    }
    rendered
}

/// [`words`] in English.
pub fn en(text: &Value, out: &Value) -> String {
    words(text, Lang::En, out)
}

/// [`words`] in Chinese.
pub fn zh(text: &Value, out: &Value) -> String {
    words(text, Lang::Zh, out)
}

/// The tutorial input with least-privilege choices; tests patch it.
pub fn input(audience: &str) -> Value {
    json!({
        "audience": audience,
        "accountA": {"uid": A, "alias": "acme"},
        "accountB": {"uid": B},
        "roleName": "admin-oss",
        "trust": {"kind": "principals", "users": ["alice"]},
        "permission": {"kind": "custom", "buckets": ["reports"], "prefixes": ["team/2024/"]},
        "assumePolicy": "scoped",
        "site": "cn",
    })
}

/// Splits shell text into commands of words, as a POSIX shell would: single quotes, double
/// quotes (with `\"`, `\\`, `\$` escapes; `$VAR` kept literally), backslash-newline
/// continuations, `#` comments, newlines between commands.
pub fn shell_commands(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut commands = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(ch) => w.push(ch),
                        None => return Err("unterminated single quote".into()),
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(ch @ ('"' | '\\' | '$' | '`')) => w.push(ch),
                            Some('\n') => {}
                            Some(ch) => {
                                w.push('\\');
                                w.push(ch);
                            }
                            None => return Err("unterminated double quote".into()),
                        },
                        Some(ch) => w.push(ch),
                        None => return Err("unterminated double quote".into()),
                    }
                }
            }
            '\\' => match chars.next() {
                Some('\n') => {}
                Some(ch) => word.get_or_insert_with(String::new).push(ch),
                None => return Err("trailing backslash".into()),
            },
            '#' if word.is_none() => {
                while chars.peek().is_some_and(|&ch| ch != '\n') {
                    chars.next();
                }
            }
            ' ' | '\t' => words.extend(word.take()),
            '\n' => {
                words.extend(word.take());
                if !words.is_empty() {
                    commands.push(std::mem::take(&mut words));
                }
            }
            ';' | '&' | '|' | '<' | '>' | '(' | ')' | '`' => {
                return Err(format!("unquoted shell metacharacter {c:?}"))
            }
            ch => word.get_or_insert_with(String::new).push(ch),
        }
    }
    words.extend(word.take());
    if !words.is_empty() {
        commands.push(words);
    }
    Ok(commands)
}

/// The value after `--name` in a command's words.
pub fn flag<'a>(words: &'a [String], name: &str) -> Option<&'a str> {
    let at = words.iter().position(|w| w == &format!("--{name}"))?;
    words.get(at + 1).map(String::as_str)
}

/// The documents inside Terraform heredocs (`<<EOF ... EOF`), with HCL's `$${`/`%%{` escapes undone.
pub fn heredocs(hcl: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = hcl;
    while let Some(start) = rest.find("<<EOF\n") {
        let body = &rest[start + 6..];
        let Some(end) = body.find("\nEOF") else { break };
        out.push(body[..end].replace("$${", "${").replace("%%{", "%{"));
        rest = &body[end + 4..];
    }
    out
}

/// Canonical compact form of a policy text (via the engine).
pub fn canonical(text: &str) -> String {
    let (policy, _) = rolehop::policy::parse_detect(text).expect("policy parses");
    rolehop::policy::to_compact(&policy)
}

/// One RAM + STS account in memory.
#[derive(Debug, Clone, Default)]
pub struct Account {
    pub uid: String,
    /// role name -> trust policy text
    pub roles: BTreeMap<String, String>,
    /// user names
    pub users: BTreeSet<String>,
    /// custom policy name -> document
    pub policies: BTreeMap<String, String>,
    /// (role or user name, policy name, policy type)
    pub role_attachments: BTreeSet<(String, String, String)>,
    pub user_attachments: BTreeSet<(String, String, String)>,
    /// Every request received: action name.
    pub log: Vec<String>,
    /// Answer the next request of this action with this (status, body) instead.
    pub inject: Vec<(String, u16, Value)>,
}

fn error(code: &str, message: &str) -> Value {
    json!({
        "RequestId": "7A1C0D2E-0000-4000-8000-000000000001",
        "HostId": "ram.aliyuncs.com",
        "Code": code,
        "Message": message,
        "Recommend": format!("https://api.aliyun.com/troubleshoot?q={code}&product=Ram"),
    })
}

fn request_id(n: usize) -> String {
    format!("04F0F334-1335-436C-A1D7-{n:012}")
}

impl Account {
    pub fn new(uid: &str) -> Account {
        Account {
            uid: uid.to_string(),
            ..Account::default()
        }
    }

    fn role_body(&self, name: &str, trust: &str, rid: &str) -> Value {
        json!({
            "RequestId": rid,
            "Role": {
                "RoleId": "344584339364951186",
                "RoleName": name,
                "Arn": format!("acs:ram::{}:role/{name}", self.uid),
                "Description": "",
                "AssumeRolePolicyDocument": trust,
                "MaxSessionDuration": 3600,
                "CreateDate": "2026-01-01T00:00:00Z",
            }
        })
    }

    fn list(&self, set: &BTreeSet<(String, String, String)>, who: &str, rid: &str) -> Value {
        let policies: Vec<Value> = set
            .iter()
            .filter(|(w, _, _)| w == who)
            .map(|(_, name, kind)| json!({"PolicyName": name, "PolicyType": kind, "AttachDate": "2026-01-01T00:00:00Z", "DefaultVersion": "v1", "Description": ""}))
            .collect();
        json!({"RequestId": rid, "Policies": {"Policy": policies}})
    }

    /// Answers one request (a `request` contract input) with (status, JSON body).
    pub fn answer(&mut self, req: &Value) -> (u16, Value) {
        let action = req["action"].as_str().unwrap_or("").to_string();
        self.log.push(action.clone());
        let rid = request_id(self.log.len());
        if let Some(i) = self.inject.iter().position(|(a, _, _)| *a == action) {
            let (_, status, body) = self.inject.remove(i);
            return (status, body);
        }
        let s = |k: &str| req[k].as_str().unwrap_or("").to_string();
        match action.as_str() {
            "GetCallerIdentity" => (
                200,
                json!({
                    "AccountId": self.uid, "Arn": format!("acs:ram::{}:user/admin", self.uid),
                    "IdentityType": "RAMUser", "PrincipalId": "2000000000000001", "UserId": "2000000000000001",
                    "RequestId": rid,
                }),
            ),
            "GetRole" => match self.roles.get(&s("roleName")) {
                Some(trust) => (200, self.role_body(&s("roleName"), trust, &rid)),
                None => (
                    404,
                    error("EntityNotExist.Role", "The role does not exist."),
                ),
            },
            "CreateRole" => {
                if self.roles.contains_key(&s("roleName")) {
                    return (
                        409,
                        error("EntityAlreadyExists.Role", "The role already exists."),
                    );
                }
                self.roles
                    .insert(s("roleName"), s("assumeRolePolicyDocument"));
                (
                    200,
                    self.role_body(&s("roleName"), &s("assumeRolePolicyDocument"), &rid),
                )
            }
            "UpdateRole" => match self.roles.get_mut(&s("roleName")) {
                Some(trust) => {
                    *trust = s("newAssumeRolePolicyDocument");
                    let trust = trust.clone();
                    (200, self.role_body(&s("roleName"), &trust, &rid))
                }
                None => (
                    404,
                    error("EntityNotExist.Role", "The role does not exist."),
                ),
            },
            "GetPolicy" => match self.policies.get(&s("policyName")) {
                Some(doc) if s("policyType") == "Custom" => (
                    200,
                    json!({
                        "RequestId": rid,
                        "Policy": {"PolicyName": s("policyName"), "PolicyType": "Custom", "Description": "", "DefaultVersion": "v1", "AttachmentCount": 0, "CreateDate": "2026-01-01T00:00:00Z", "UpdateDate": "2026-01-01T00:00:00Z"},
                        "DefaultPolicyVersion": {"VersionId": "v1", "PolicyDocument": doc, "IsDefaultVersion": true, "CreateDate": "2026-01-01T00:00:00Z"},
                    }),
                ),
                _ => (
                    404,
                    error("EntityNotExist.Policy", "The policy does not exist."),
                ),
            },
            "CreatePolicy" => {
                if self.policies.contains_key(&s("policyName")) {
                    return (
                        409,
                        error("EntityAlreadyExists.Policy", "The policy already exists."),
                    );
                }
                self.policies.insert(s("policyName"), s("policyDocument"));
                (
                    200,
                    json!({"RequestId": rid, "Policy": {"PolicyName": s("policyName"), "PolicyType": "Custom", "Description": s("description"), "DefaultVersion": "v1", "CreateDate": "2026-01-01T00:00:00Z"}}),
                )
            }
            "ListPoliciesForRole" => match self.roles.contains_key(&s("roleName")) {
                true => (200, self.list(&self.role_attachments, &s("roleName"), &rid)),
                false => (
                    404,
                    error("EntityNotExist.Role", "The role does not exist."),
                ),
            },
            "ListPoliciesForUser" => match self.users.contains(&s("userName")) {
                true => (200, self.list(&self.user_attachments, &s("userName"), &rid)),
                false => (
                    404,
                    error("EntityNotExist.User", "The user does not exist."),
                ),
            },
            "AttachPolicyToRole" | "AttachPolicyToUser" => {
                let (target, set) = if action == "AttachPolicyToRole" {
                    (s("roleName"), &mut self.role_attachments)
                } else {
                    (s("userName"), &mut self.user_attachments)
                };
                let entry = (target, s("policyName"), s("policyType"));
                if !set.insert(entry) {
                    let code = if action == "AttachPolicyToRole" {
                        "EntityAlreadyExists.Role.Policy"
                    } else {
                        "EntityAlreadyExists.User.Policy"
                    };
                    return (409, error(code, "The policy is already attached."));
                }
                (200, json!({"RequestId": rid}))
            }
            "CreateUser" => {
                if !self.users.insert(s("userName")) {
                    return (
                        409,
                        error("EntityAlreadyExists.User", "The user already exists."),
                    );
                }
                (
                    200,
                    json!({"RequestId": rid, "User": {"UserId": "269292475069846412", "UserName": s("userName"), "DisplayName": s("displayName"), "Comments": s("comments"), "CreateDate": "2026-01-01T00:00:00Z"}}),
                )
            }
            other => (
                400,
                error("InvalidAction.NotFound", &format!("unknown action {other}")),
            ),
        }
    }
}

/// Reads an answer with the core's own parser, as the service worker does.
pub fn parsed(action: &str, status: u16, body: &Value) -> Value {
    let input =
        json!({"action": action, "status": status, "headers": {}, "body": body.to_string()});
    contract::parse(&input.to_string()).expect("a parsable answer")
}

/// Drives setupNext to the end against `account`; returns the final answer and the answers sent.
pub fn run(plan: &Value, account: &mut Account) -> (Value, Vec<Value>) {
    let mut results: Vec<Value> = Vec::new();
    for _ in 0..20 {
        let answer = contract::setup_next(&json!({"plan": plan, "results": results}).to_string())
            .expect("setupNext answers");
        if answer["status"] != "send" {
            return (answer, results);
        }
        let next = &answer["next"];
        // Every request the plan asks for must pass the request builder as it is.
        let mut request = next["request"].clone();
        request["credentials"] =
            json!({"accessKeyId": "LTAI5tTestKey", "accessKeySecret": "secret"});
        request["time"] = json!("2026-01-01T00:00:00Z");
        request["nonce"] = json!(format!("nonce-{}", results.len()));
        contract::request(&request.to_string()).expect("the planned request builds");
        let (status, body) = account.answer(&next["request"]);
        let action = next["action"].as_str().unwrap_or("");
        results.push(json!({"id": next["id"], "response": parsed(action, status, &body)}));
    }
    panic!("setupNext did not finish in 20 requests: {results:?}");
}
