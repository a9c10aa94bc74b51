//! `setupNext`: replays the answers received so far through the plan's decisions and says what
//! to do next: send one request, or stop (done, blocked, failed). Pure: the same answers always
//! give the same decision, so the caller keeps only the list of answers.
//!
//! Answers are `parseResponse` outputs: `{result}` (the API parsers' shapes), `{apiError}` or
//! `{error}`. A create or attach answered with `EntityAlreadyExists.*` means "already there".

use super::{read, Operation, Plan};
use crate::checks::text::Text;
use crate::contract::fields::{parse_object, type_name, Object};
use crate::error::{Error, Result};
use crate::policy::model::PolicyKind;
use crate::policy::{parse, to_compact};
use crate::tutorial::check::moved;
use crate::tutorial::input::{only, Side};
use crate::tutorial::policies::Document;
use serde_json::{json, Value};

/// One received answer.
struct Received {
    id: String,
    response: Value,
    path: String,
}

/// What an answer says.
enum Answer<'a> {
    Success(&'a Value),
    ApiError { code: &'a str, error: &'a Value },
    Unreadable(&'a Value),
}

/// Why the replay stopped.
enum Stop {
    Send(String, Option<(Text, Value)>),
    Blocked(&'static str, Text),
    Failed(&'static str, Text, Value),
}

#[derive(Debug)]
struct Outcome {
    task: &'static str,
    result: &'static str,
    message: Text,
    request_id: Option<String>,
}

struct Replay<'a> {
    plan: &'a Plan,
    received: &'a [Received],
    at: usize,
    outcomes: Vec<Outcome>,
}

/// The answer to `id`, or `None` when it has not been sent yet.
macro_rules! answer {
    ($replay:expr, $id:expr) => {
        match $replay.take($id)? {
            Some(answer) => answer,
            None => return Ok(Some(Stop::Send($id.to_string(), None))),
        }
    };
}

/// `setupNext({plan, results})`.
pub fn next(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    only(&req, &["plan", "results"])?;
    let plan_obj = req.optional_object("plan")?.ok_or_else(|| {
        Error::missing("$.plan").with_message("missing $.plan: the answer of setupPlan")
    })?;
    let plan_input = plan_obj.optional_object("input")?.ok_or_else(|| {
        Error::missing("$.plan.input").with_message(
            "missing $.plan.input: pass setupPlan's answer unchanged (its input is what is read)",
        )
    })?;
    let rebased = Object::new(Value::Object(plan_input.map), "$".into())?;
    let (setup, side) = read(&rebased).map_err(|e| moved(e, &[("$", "$.plan.input")]))?;
    let plan = Plan::new(&setup, side).map_err(|e| moved(e, &[("$", "$.plan.input")]))?;
    let received = results(&req)?;
    let mut replay = Replay {
        plan: &plan,
        received: &received,
        at: 0,
        outcomes: Vec::new(),
    };
    let stop = replay.run()?;
    // A plan that stopped (done, blocked, failed) asked for nothing more.
    if !matches!(stop, Some(Stop::Send(..))) {
        if let Some(extra) = received.get(replay.at) {
            return Err(Error::invalid(
                format!("{}.id", extra.path),
                format!("the plan had stopped before the answer to {:?}: pass only the answers to the requests setupNext asked for", extra.id),
            ));
        }
    }
    Ok(replay.answer_json(stop))
}

fn results(req: &Object) -> Result<Vec<Received>> {
    let Some(value) = req.get("results") else {
        return Ok(Vec::new());
    };
    let items = value.as_array().ok_or_else(|| {
        Error::invalid(
            "$.results",
            format!(
                "results must be an array of {{id, response}}, got {}",
                type_name(value)
            ),
        )
    })?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let obj = Object::new(item.clone(), format!("$.results[{i}]"))?;
            only(&obj, &["id", "response"]).map_err(|e| {
                e.with_message(format!(
                    "a result is {{id, response}}; {} is not part of it",
                    obj.path
                ))
            })?;
            let id = obj.required_str("id")?.to_string();
            let response = obj.optional_object("response")?.ok_or_else(|| {
                Error::missing(obj.child("response")).with_message(format!(
                    "missing {}: the parseResponse answer ({{result}}, {{apiError}} or {{error}})",
                    obj.child("response")
                ))
            })?;
            if !["result", "apiError", "error"]
                .iter()
                .any(|k| response.get(k).is_some())
            {
                return Err(Error::invalid(
                    &response.path,
                    "a response is parseResponse's answer: {result}, {apiError} or {error}",
                ));
            }
            Ok(Received {
                id,
                response: Value::Object(response.map),
                path: obj.path,
            })
        })
        .collect()
}

impl<'a> Replay<'a> {
    /// The next received answer if it answers `id`; an error if it answers something else.
    fn take(&mut self, id: &str) -> Result<Option<Answer<'a>>> {
        let received: &'a [Received] = self.received;
        let Some(r) = received.get(self.at) else {
            return Ok(None);
        };
        if r.id != id {
            return Err(Error::invalid(
                format!("{}.id", r.path),
                format!("expected the answer to {id:?} here (the request setupNext asked for), got {:?}", r.id),
            ));
        }
        self.at += 1;
        let response = &r.response;
        Ok(Some(if let Some(result) = response.get("result") {
            Answer::Success(result)
        } else if let Some(error) = response.get("apiError") {
            Answer::ApiError {
                code: error.get("code").and_then(Value::as_str).unwrap_or(""),
                error,
            }
        } else {
            Answer::Unreadable(response.get("error").unwrap_or(response))
        }))
    }

    fn done(
        &mut self,
        task: &'static str,
        result: &'static str,
        message: Text,
        answer: Option<&Value>,
    ) {
        let request_id = answer
            .and_then(|a| a.get("requestId"))
            .and_then(Value::as_str)
            .map(str::to_string);
        self.outcomes.push(Outcome {
            task,
            result,
            message,
            request_id,
        });
    }

    fn op(&self, id: &str) -> Option<&'a Operation> {
        self.plan.operation(id)
    }

    /// A stop for an answer that is not one of the expected ones.
    fn failed(&self, task: &'static str, id: &str, answer: &Answer) -> Stop {
        let action = self.op(id).map_or("request", |o| o.action.name());
        match answer {
            Answer::ApiError { code, error } => {
                let message = error.get("message").and_then(Value::as_str).unwrap_or("");
                let hint = |k: &str| {
                    error
                        .get(k)
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string()
                };
                Stop::Failed(
                    task,
                    Text::new(
                        format!("{action} failed with {code}: {message} {}", hint("hint")),
                        format!("{action} 失败（{code}）：{message} {}", hint("hintZh")),
                    ),
                    (*error).clone(),
                )
            }
            Answer::Unreadable(error) => Stop::Failed(
                task,
                Text::new(
                    format!(
                        "The answer to {action} could not be read: {}",
                        error.get("message").and_then(Value::as_str).unwrap_or("")
                    ),
                    format!(
                        "无法读取 {action} 的应答：{}",
                        error.get("message").and_then(Value::as_str).unwrap_or("")
                    ),
                ),
                Value::Null,
            ),
            Answer::Success(_) => Stop::Failed(
                task,
                Text::new(
                    format!("{action}: unexpected answer"),
                    format!("{action}：应答不符合预期"),
                ),
                Value::Null,
            ),
        }
    }

    fn run(&mut self) -> Result<Option<Stop>> {
        let tasks: Vec<&'static str> = self.plan.tasks.iter().map(|t| t.id).collect();
        for task in tasks {
            let stop = match task {
                "identity" => self.identity()?,
                "role" => self.role()?,
                "user" => self.user()?,
                "policy" => self.policy()?,
                "attach" => self.attach()?,
                _ => None,
            };
            if stop.is_some() {
                return Ok(stop);
            }
        }
        Ok(None)
    }

    fn identity(&mut self) -> Result<Option<Stop>> {
        let answer = answer!(self, "identity.read");
        let Answer::Success(result) = answer else {
            return Ok(Some(self.failed("identity", "identity.read", &answer)));
        };
        let account = result
            .get("accountId")
            .and_then(Value::as_str)
            .unwrap_or("");
        let arn = result.get("arn").and_then(Value::as_str).unwrap_or("");
        let want = &self.plan.account;
        if account != want {
            let side = self.plan.side.name();
            return Ok(Some(Stop::Blocked(
                "identity",
                Text::new(
                    format!("These credentials belong to account {account:?} ({arn}), not to account {side} ({want}): nothing was changed. Enter credentials of account {side}."),
                    format!("这些凭证属于账号 {account:?}（{arn}），而不是 {side} 账号（{want}）：未做任何更改。请输入 {side} 账号的凭证。"),
                ),
            )));
        }
        self.done(
            "identity",
            "checked",
            Text::new(
                format!("Credentials of account {want}: {arn}."),
                format!("凭证属于账号 {want}：{arn}。"),
            ),
            Some(result),
        );
        Ok(None)
    }

    fn role(&mut self) -> Result<Option<Stop>> {
        let role = self.plan.setup.role_name.clone();
        let Some(trust) = self.plan.trust.as_ref() else {
            return Ok(None);
        };
        let answer = answer!(self, "role.read");
        let current = match answer {
            Answer::Success(result) => result,
            Answer::ApiError {
                code: "EntityNotExist.Role",
                ..
            } => {
                let created = answer!(self, "role.create");
                match created {
                    Answer::Success(result) => {
                        self.done(
                            "role",
                            "created",
                            Text::new(
                                format!("Created role {role}."),
                                format!("已创建角色 {role}。"),
                            ),
                            Some(result),
                        );
                        return Ok(None);
                    }
                    Answer::ApiError { code, .. } if already_exists(code) => {
                        // Created meanwhile by someone else: compare what is there.
                        match answer!(self, "role.recheck") {
                            Answer::Success(result) => result,
                            other => return Ok(Some(self.failed("role", "role.recheck", &other))),
                        }
                    }
                    other => return Ok(Some(self.failed("role", "role.create", &other))),
                }
            }
            other => return Ok(Some(self.failed("role", "role.read", &other))),
        };
        let document = current
            .pointer("/role/assumeRolePolicyDocument")
            .and_then(Value::as_str)
            .unwrap_or("");
        if same_document(document, trust, PolicyKind::Trust) {
            self.done(
                "role",
                "skipped",
                Text::new(
                    format!("Role {role} exists with the same trust policy: nothing to change."),
                    format!("角色 {role} 已存在且信任策略相同：无需更改。"),
                ),
                Some(current),
            );
            return Ok(None);
        }
        let updated = match self.take("role.update")? {
            Some(answer) => answer,
            None => {
                return Ok(Some(Stop::Send(
                    "role.update".into(),
                    Some(replaces(document, trust)),
                )))
            }
        };
        match updated {
            Answer::Success(result) => {
                self.done(
                    "role",
                    "updated",
                    Text::new(
                        format!("Replaced the trust policy of role {role}."),
                        format!("已替换角色 {role} 的信任策略。"),
                    ),
                    Some(result),
                );
                Ok(None)
            }
            other => Ok(Some(self.failed("role", "role.update", &other))),
        }
    }

    fn user(&mut self) -> Result<Option<Stop>> {
        let user = self.plan.setup.user_name.clone().unwrap_or_default();
        match answer!(self, "user.read") {
            Answer::Success(result) => {
                self.done(
                    "user",
                    "skipped",
                    Text::new(
                        format!("User {user} exists: nothing to change."),
                        format!("用户 {user} 已存在：无需更改。"),
                    ),
                    Some(result),
                );
                Ok(None)
            }
            Answer::ApiError {
                code: "EntityNotExist.User",
                ..
            } => match answer!(self, "user.create") {
                Answer::Success(result) => {
                    self.done("user", "created", Text::new(
                        format!("Created user {user}. Enable its console logon in the RAM console (Users > {user} > Authentication > Console Logon): RoleHop does not set passwords."),
                        format!("已创建用户 {user}。请在 RAM 控制台中为其开启控制台登录（用户 > {user} > 认证管理 > 控制台登录）：RoleHop 不设置密码。"),
                    ), Some(result));
                    Ok(None)
                }
                Answer::ApiError { code, error } if already_exists(code) => {
                    self.done(
                        "user",
                        "already-there",
                        Text::new(
                            format!("User {user} already exists."),
                            format!("用户 {user} 已存在。"),
                        ),
                        Some(error),
                    );
                    Ok(None)
                }
                other => Ok(Some(self.failed("user", "user.create", &other))),
            },
            other => Ok(Some(self.failed("user", "user.read", &other))),
        }
    }

    fn policy(&mut self) -> Result<Option<Stop>> {
        let Some(doc) = self.plan.custom.as_ref() else {
            return Ok(None);
        };
        let name = doc.name.clone();
        let current = match answer!(self, "policy.read") {
            Answer::Success(result) => result,
            Answer::ApiError {
                code: "EntityNotExist.Policy",
                ..
            } => match answer!(self, "policy.create") {
                Answer::Success(result) => {
                    self.done(
                        "policy",
                        "created",
                        Text::new(
                            format!("Created policy {name}."),
                            format!("已创建权限策略 {name}。"),
                        ),
                        Some(result),
                    );
                    return Ok(None);
                }
                Answer::ApiError { code, .. } if already_exists(code) => {
                    match answer!(self, "policy.recheck") {
                        Answer::Success(result) => result,
                        other => return Ok(Some(self.failed("policy", "policy.recheck", &other))),
                    }
                }
                other => return Ok(Some(self.failed("policy", "policy.create", &other))),
            },
            other => return Ok(Some(self.failed("policy", "policy.read", &other))),
        };
        let document = current
            .pointer("/defaultPolicyVersion/policyDocument")
            .and_then(Value::as_str);
        if document.is_some_and(|d| same_document(d, doc, PolicyKind::Identity)) {
            self.done(
                "policy",
                "skipped",
                Text::new(
                    format!("Policy {name} exists with the same document: nothing to change."),
                    format!("权限策略 {name} 已存在且内容相同：无需更改。"),
                ),
                Some(current),
            );
            return Ok(None);
        }
        let version = current
            .pointer("/policy/defaultVersion")
            .and_then(Value::as_str)
            .unwrap_or("?");
        Ok(Some(Stop::Blocked(
            "policy",
            Text::new(
                format!("Policy {name} already exists with a different document (default version {version}). RoleHop does not overwrite it: a new policy version (CreatePolicyVersion) is not among the requests RoleHop makes. Either replace its document in the RAM console (Policies > {name} > Policy Document > Modify Policy Document) with the one in the plan, or choose another policy name; then run again."),
                format!("权限策略 {name} 已存在，但内容不同（默认版本 {version}）。RoleHop 不会覆盖它：RoleHop 不调用 CreatePolicyVersion 创建新版本。请在 RAM 控制台（权限策略 > {name} > 策略内容 > 修改策略内容）中替换为计划中的文档，或改用其他策略名称，然后重新运行。"),
            ),
        )))
    }

    fn attach(&mut self) -> Result<Option<Stop>> {
        let op = self.op("attach.write");
        let field = |name: &str| {
            op.and_then(|o| o.fields.iter().find(|(n, _)| *n == name))
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let (name, kind) = (field("policyName"), field("policyType"));
        let target = match self.plan.side {
            Side::A => format!("role {}", self.plan.setup.role_name),
            Side::B => format!(
                "user {}",
                self.plan.setup.user_name.clone().unwrap_or_default()
            ),
        };
        let target_zh = target
            .replacen("role", "角色", 1)
            .replacen("user", "用户", 1);
        // B: the user read already listed the user's policies when the user existed.
        let listed = match self.plan.side {
            Side::B => self
                .outcomes
                .iter()
                .find(|o| o.task == "user" && o.result == "skipped")
                .and(self.user_listing()),
            Side::A => None,
        };
        let list = match listed {
            Some(list) => list,
            None => match answer!(self, "attach.read") {
                Answer::Success(result) => result,
                other => return Ok(Some(self.failed("attach", "attach.read", &other))),
            },
        };
        let attached = list
            .get("policies")
            .and_then(Value::as_array)
            .is_some_and(|ps| {
                ps.iter().any(|p| {
                    p.get("policyName").and_then(Value::as_str) == Some(&name)
                        && p.get("policyType").and_then(Value::as_str) == Some(&kind)
                })
            });
        if attached {
            self.done(
                "attach",
                "skipped",
                Text::new(
                    format!("{name} is already attached to {target}: nothing to change."),
                    format!("{target_zh} 已授权 {name}：无需更改。"),
                ),
                Some(list),
            );
            return Ok(None);
        }
        match answer!(self, "attach.write") {
            Answer::Success(result) => {
                self.done(
                    "attach",
                    "attached",
                    Text::new(
                        format!("Attached {name} to {target}."),
                        format!("已为{target_zh}授权 {name}。"),
                    ),
                    Some(result),
                );
                Ok(None)
            }
            Answer::ApiError { code, error } if already_exists(code) => {
                self.done(
                    "attach",
                    "already-there",
                    Text::new(
                        format!("{name} was already attached to {target}."),
                        format!("{target_zh} 已授权 {name}。"),
                    ),
                    Some(error),
                );
                Ok(None)
            }
            other => Ok(Some(self.failed("attach", "attach.write", &other))),
        }
    }

    /// The result of the user read (B), when it succeeded.
    fn user_listing(&self) -> Option<&'a Value> {
        self.received
            .iter()
            .find(|r| r.id == "user.read")
            .and_then(|r| r.response.get("result"))
    }

    fn changed(&self) -> usize {
        self.outcomes
            .iter()
            .filter(|o| matches!(o.result, "created" | "updated" | "attached"))
            .count()
    }

    fn answer_json(&self, stop: Option<Stop>) -> Value {
        let mut outcomes: Vec<Value> = self
            .outcomes
            .iter()
            .map(|o| {
                let mut v = json!({ "task": o.task, "result": o.result, "message": o.message });
                if let Some(id) = &o.request_id {
                    v["requestId"] = json!(id);
                }
                v
            })
            .collect();
        let changed = self.changed();
        let (status, message, extra) = match stop {
            None if changed == 0 => (
                "done",
                Text::new(
                    "Everything was already in place: nothing changed.",
                    "所有配置均已就绪：未做任何更改。",
                ),
                None,
            ),
            None => (
                "done",
                Text::new(
                    format!("Done: {changed} change(s) made."),
                    format!("完成：共做出 {changed} 项更改。"),
                ),
                None,
            ),
            Some(Stop::Send(id, replaces)) => {
                let op = self.op(&id);
                let summary = op
                    .map(|o| o.summary.clone())
                    .unwrap_or_else(|| Text::new(id.clone(), id));
                let next = op.map_or(Value::Null, |o| o.to_json(replaces));
                (
                    "send",
                    Text::new("Next:", "下一步：").then(&summary),
                    Some(("next", next)),
                )
            }
            Some(Stop::Blocked(task, message)) => {
                outcomes.push(json!({ "task": task, "result": "blocked", "message": message }));
                ("blocked", message, Some(("task", json!(task))))
            }
            Some(Stop::Failed(task, message, api_error)) => {
                outcomes.push(json!({ "task": task, "result": "failed", "message": message }));
                let mut out = json!({ "status": "failed", "task": task, "outcomes": outcomes, "changed": changed, "message": message });
                if !api_error.is_null() {
                    out["apiError"] = api_error;
                }
                return out;
            }
        };
        let mut out = json!({ "status": status, "outcomes": outcomes, "changed": changed, "message": message });
        if let Some((key, value)) = extra {
            out[key] = value;
        }
        out
    }
}

fn already_exists(code: &str) -> bool {
    code.starts_with("EntityAlreadyExists")
}

/// Same document after canonicalisation (element order and formatting do not matter; the
/// statements, their values and their order do).
fn same_document(current: &str, wanted: &Document, kind: PolicyKind) -> bool {
    parse(current, kind).is_ok_and(|p| to_compact(&p) == wanted.compact)
}

/// What an UpdateRole replaces: the current document and the principals that lose access.
fn replaces(current: &str, wanted: &Document) -> (Text, Value) {
    let principals = |text: &str| -> Option<Vec<String>> {
        let policy = parse(text, PolicyKind::Trust).ok()?;
        Some(
            policy
                .statements
                .iter()
                .filter_map(|s| s.principal.as_ref())
                .flat_map(|p| &p.entries)
                .flat_map(|e| {
                    e.values
                        .iter()
                        .map(move |v| format!("{}:{v}", e.kind.name()))
                })
                .collect(),
        )
    };
    let wanted_principals = principals(&wanted.text).unwrap_or_default();
    let drops: Vec<String> = principals(current)
        .unwrap_or_default()
        .into_iter()
        .filter(|p| !wanted_principals.contains(p))
        .collect();
    let note = if drops.is_empty() {
        Text::new(
            "(the role exists with a different trust policy; this replaces it)",
            "（角色已存在但信任策略不同；将被替换）",
        )
    } else {
        Text::new(
            format!("(the role exists with a different trust policy; this replaces it, and these principals lose access: {})", drops.join(", ")),
            format!("（角色已存在但信任策略不同；将被替换，以下主体将失去访问权限：{}）", drops.join("、")),
        )
    };
    (note, json!({ "current": current, "drops": drops }))
}
