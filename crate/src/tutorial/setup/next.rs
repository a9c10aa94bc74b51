//! `setupNext`: replays the answers received so far through the plan's decisions and says what
//! to do next: send one request, or stop (done, blocked, failed). Pure: the same answers always
//! give the same decision, so the caller keeps only the list of answers.
//!
//! Answers are `parseResponse` outputs: `{result}` (the API parsers' shapes), `{apiError}` or
//! `{error}`. A create or attach answered with `EntityAlreadyExists.*` means "already there".

use super::{read, Operation, Plan};
use crate::api::{ApiResult, PolicyListResult};
use crate::error::{Error, ErrorKind, Result};
use crate::fields::{json_type, parse_object, Object};
use crate::message::{ContractMessage, SetupMessage as S, TutorialMessage};
use crate::policy::model::PolicyKind;
use crate::policy::{parse, to_compact};
use crate::side::AccountSide;
use crate::tutorial::check::moved;
use crate::tutorial::input::only;
use crate::tutorial::policies::Document;
use serde_json::{json, Value};

/// One received answer.
struct Received {
    id: String,
    response: Value,
    /// Its `result` read as the result of the operation's action; an error in it is reported
    /// when the replay reaches the answer (after checking it answers what was asked).
    result: Option<Result<ApiResult>>,
    path: String,
}

/// What an answer says.
enum Answer<'a> {
    /// parseResponse's result, read as the result of the operation's action.
    Success(&'a ApiResult),
    ApiError {
        code: &'a str,
        error: &'a Value,
    },
    Unreadable(&'a Value),
}

/// Why the replay stopped.
enum Stop {
    Send(String, Option<(S, Value)>),
    Blocked(&'static str, S),
    Failed(&'static str, S, Value),
}

#[derive(Debug)]
struct Outcome {
    task: &'static str,
    result: &'static str,
    message: S,
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
    let plan_obj = req
        .optional_object("plan")?
        .ok_or_else(|| Error::said(ErrorKind::MissingField, S::PlanMissing {}).at("$.plan"))?;
    let plan_input = plan_obj.optional_object("input")?.ok_or_else(|| {
        Error::said(ErrorKind::MissingField, S::PlanInputMissing {}).at("$.plan.input")
    })?;
    let rebased = Object::new(Value::Object(plan_input.map), "$".into())?;
    let (setup, side) = read(&rebased).map_err(|e| moved(e, &[("$", "$.plan.input")]))?;
    let plan = Plan::new(&setup, side).map_err(|e| moved(e, &[("$", "$.plan.input")]))?;
    let received = results(&req, &plan)?;
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
            return Err(Error::invalid_said(
                format!("{}.id", extra.path),
                S::AnswerAfterStop {
                    id: extra.id.clone(),
                },
            ));
        }
    }
    Ok(replay.answer_json(stop))
}

fn results(req: &Object, plan: &Plan) -> Result<Vec<Received>> {
    let Some(value) = req.get("results") else {
        return Ok(Vec::new());
    };
    let items = value.as_array().ok_or_else(|| {
        Error::invalid_said(
            "$.results",
            S::ResultsNotArray {
                got: Box::new(json_type(value)),
            },
        )
    })?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let obj = Object::new(item.clone(), format!("$.results[{i}]"))?;
            if let Some(key) = obj
                .map
                .keys()
                .find(|k| !["id", "response"].contains(&k.as_str()))
            {
                return Err(Error::invalid_said(
                    obj.child(key),
                    S::ResultField { field: key.clone() },
                ));
            }
            let id = obj.required_str("id")?.to_string();
            let response = obj.optional_object("response")?.ok_or_else(|| {
                Error::said(ErrorKind::MissingField, S::ResponseMissing {})
                    .at(obj.child("response"))
            })?;
            if !["result", "apiError", "error"]
                .iter()
                .any(|k| response.get(k).is_some())
            {
                return Err(Error::invalid_said(&response.path, S::ResponseShape {}));
            }
            let action = plan.operation(&id).map(|o| o.action);
            let result = response.get("result").zip(action).map(|(result, action)| {
                ApiResult::from_value(action, result.clone()).map_err(|why| {
                    let text = ContractMessage::AttemptResult {
                        action: action.name().to_string(),
                        problem: why.to_string(),
                    };
                    Error::invalid_said(format!("{}.result", response.path), text)
                })
            });
            Ok(Received {
                id,
                response: Value::Object(response.map),
                result,
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
            return Err(Error::invalid_said(
                format!("{}.id", r.path),
                S::WrongAnswer {
                    expected: id.into(),
                    got: r.id.clone(),
                },
            ));
        }
        self.at += 1;
        let response = &r.response;
        Ok(Some(if let Some(result) = &r.result {
            // Every id the replay takes is one of the plan's operations: its result was read.
            Answer::Success(result.as_ref().map_err(Clone::clone)?)
        } else if let Some(error) = response.get("apiError") {
            Answer::ApiError {
                code: error.get("code").and_then(Value::as_str).unwrap_or(""),
                error,
            }
        } else {
            Answer::Unreadable(response.get("error").unwrap_or(response))
        }))
    }

    /// `request_id`: the answer's (a result's, or an API error's).
    fn done(
        &mut self,
        task: &'static str,
        result: &'static str,
        message: S,
        request_id: Option<&str>,
    ) {
        let request_id = request_id.map(str::to_string);
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
        let action = self.op(id).map_or(id, |o| o.action.name()).to_string();
        match answer {
            Answer::ApiError { code, error } => {
                let (code, message) = (
                    code.to_string(),
                    error
                        .get("message")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                );
                // The API error's hint is a catalog message (api/hints.rs), passed on as it came.
                let said = match error.get("hint").filter(|h| is_said(h)) {
                    Some(hint) => S::FailedApiHint {
                        action,
                        code,
                        message,
                        hint: hint.clone(),
                    },
                    _ => S::FailedApi {
                        action,
                        code,
                        message,
                    },
                };
                Stop::Failed(task, said, (*error).clone())
            }
            Answer::Unreadable(error) => {
                // A core error's words (`text`), else its message or the runner's plain text.
                let reason = error
                    .get("text")
                    .or_else(|| error.get("message"))
                    .filter(|r| is_said(r))
                    .cloned()
                    .unwrap_or_else(|| Value::String(String::new()));
                Stop::Failed(task, S::FailedUnreadable { action, reason }, Value::Null)
            }
            Answer::Success(_) => Stop::Failed(task, S::FailedUnexpected { action }, Value::Null),
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
        let Answer::Success(ApiResult::CallerIdentity(me)) = answer else {
            return Ok(Some(self.failed("identity", "identity.read", &answer)));
        };
        let (account, arn) = (me.account_id.as_str(), me.arn.as_str());
        let want = &self.plan.account;
        if account != want {
            return Ok(Some(Stop::Blocked(
                "identity",
                S::IdentityOther {
                    account: account.into(),
                    arn: arn.into(),
                    side: self.plan.side.name().into(),
                    uid: want.clone(),
                },
            )));
        }
        self.done(
            "identity",
            "checked",
            S::IdentityChecked {
                account: want.clone(),
                arn: arn.into(),
            },
            Some(&me.request_id),
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
            Answer::Success(ApiResult::Role(result)) => result,
            Answer::ApiError {
                code: "EntityNotExist.Role",
                ..
            } => {
                let created = answer!(self, "role.create");
                match created {
                    Answer::Success(result) => {
                        let id = result.request_id();
                        self.done("role", "created", S::RoleCreated { role }, id);
                        return Ok(None);
                    }
                    Answer::ApiError { code, .. } if already_exists(code) => {
                        // Created meanwhile by someone else: compare what is there.
                        match answer!(self, "role.recheck") {
                            Answer::Success(ApiResult::Role(result)) => result,
                            other => return Ok(Some(self.failed("role", "role.recheck", &other))),
                        }
                    }
                    other => return Ok(Some(self.failed("role", "role.create", &other))),
                }
            }
            other => return Ok(Some(self.failed("role", "role.read", &other))),
        };
        let document = current
            .role
            .assume_role_policy_document
            .as_deref()
            .unwrap_or("");
        if same_document(document, trust, PolicyKind::Trust) {
            let id = Some(current.request_id.as_str());
            self.done("role", "skipped", S::RoleSame { role }, id);
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
                let id = result.request_id();
                self.done("role", "updated", S::RoleUpdated { role }, id);
                Ok(None)
            }
            other => Ok(Some(self.failed("role", "role.update", &other))),
        }
    }

    fn user(&mut self) -> Result<Option<Stop>> {
        let user = self.plan.setup.user_name.clone().unwrap_or_default();
        match answer!(self, "user.read") {
            Answer::Success(result) => {
                let id = result.request_id();
                self.done("user", "skipped", S::UserSame { user }, id);
                Ok(None)
            }
            Answer::ApiError {
                code: "EntityNotExist.User",
                ..
            } => match answer!(self, "user.create") {
                Answer::Success(result) => {
                    let id = result.request_id();
                    self.done("user", "created", S::UserCreated { user }, id);
                    Ok(None)
                }
                Answer::ApiError { code, error } if already_exists(code) => {
                    let id = error_request_id(error);
                    self.done("user", "already-there", S::UserThere { user }, id);
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
            Answer::Success(ApiResult::Policy(result)) => result,
            Answer::ApiError {
                code: "EntityNotExist.Policy",
                ..
            } => match answer!(self, "policy.create") {
                Answer::Success(result) => {
                    let id = result.request_id();
                    self.done("policy", "created", S::PolicyCreated { name }, id);
                    return Ok(None);
                }
                Answer::ApiError { code, .. } if already_exists(code) => {
                    match answer!(self, "policy.recheck") {
                        Answer::Success(ApiResult::Policy(result)) => result,
                        other => return Ok(Some(self.failed("policy", "policy.recheck", &other))),
                    }
                }
                other => return Ok(Some(self.failed("policy", "policy.create", &other))),
            },
            other => return Ok(Some(self.failed("policy", "policy.read", &other))),
        };
        let document = current.default_policy_version.as_ref();
        if document.is_some_and(|d| same_document(&d.policy_document, doc, PolicyKind::Identity)) {
            let id = Some(current.request_id.as_str());
            self.done("policy", "skipped", S::PolicySame { name }, id);
            return Ok(None);
        }
        let version = current.policy.default_version.as_deref().unwrap_or("?");
        Ok(Some(Stop::Blocked(
            "policy",
            S::PolicyDiffers {
                name,
                version: version.into(),
            },
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
        let side = self.plan.side;
        let target = match side {
            AccountSide::A => self.plan.setup.role_name.clone(),
            AccountSide::B => self.plan.setup.user_name.clone().unwrap_or_default(),
        };
        let has_policy = |name: String, target: String| match side {
            AccountSide::A => S::RoleHasPolicy { name, role: target },
            AccountSide::B => S::UserHasPolicy { name, user: target },
        };
        // B: the user read already listed the user's policies when the user existed.
        let listed = match self.plan.side {
            AccountSide::B => self
                .outcomes
                .iter()
                .find(|o| o.task == "user" && o.result == "skipped")
                .and(self.user_listing()),
            AccountSide::A => None,
        };
        let list = match listed {
            Some(list) => list,
            None => match answer!(self, "attach.read") {
                Answer::Success(ApiResult::Policies(result)) => result,
                other => return Ok(Some(self.failed("attach", "attach.read", &other))),
            },
        };
        let attached = list
            .policies
            .iter()
            .any(|p| p.policy_name == name && p.policy_type == kind);
        if attached {
            let id = Some(list.request_id.as_str());
            self.done("attach", "skipped", has_policy(name, target), id);
            return Ok(None);
        }
        match answer!(self, "attach.write") {
            Answer::Success(result) => {
                self.done(
                    "attach",
                    "attached",
                    match side {
                        AccountSide::A => S::AttachedToRole { name, role: target },
                        AccountSide::B => S::AttachedToUser { name, user: target },
                    },
                    result.request_id(),
                );
                Ok(None)
            }
            Answer::ApiError { code, error } if already_exists(code) => {
                self.done(
                    "attach",
                    "already-there",
                    has_policy(name, target),
                    error_request_id(error),
                );
                Ok(None)
            }
            other => Ok(Some(self.failed("attach", "attach.write", &other))),
        }
    }

    /// The result of the user read (B), when it succeeded.
    fn user_listing(&self) -> Option<&'a PolicyListResult> {
        let received: &'a [Received] = self.received;
        let read = received.iter().find(|r| r.id == "user.read")?;
        match read.result.as_ref()? {
            Ok(ApiResult::Policies(listed)) => Some(listed),
            _ => None,
        }
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
            None if changed == 0 => ("done", S::DoneNothing {}, None),
            None => ("done", S::DoneChanged { count: changed }, None),
            Some(Stop::Send(id, replaces)) => {
                // Every id the replay asks for is one of the plan's operations.
                let op = self.op(&id);
                let next = op.map_or(Value::Null, |o| o.to_json(replaces));
                let request = op.map_or(S::TitleReadIdentity {}, |o| o.summary.clone());
                (
                    "send",
                    S::Next {
                        request: Box::new(request),
                    },
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

/// An API error's request id (parseResponse's `apiError`).
fn error_request_id(error: &Value) -> Option<&str> {
    error.get("requestId").and_then(Value::as_str)
}

/// A message as the contract carries it: `{id, args}`, or a plain text.
fn is_said(value: &Value) -> bool {
    value.is_string() || value.get("id").is_some_and(Value::is_string)
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
fn replaces(current: &str, wanted: &Document) -> (S, Value) {
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
    let listed = drops
        .iter()
        .map(|p| TutorialMessage::TermValue { value: p.clone() })
        .collect();
    let note = match TutorialMessage::list(listed) {
        None => S::ReplacesTrust {},
        Some(principals) => S::ReplacesTrustDrops {
            principals: Box::new(principals),
        },
    };
    (note, json!({ "current": current, "drops": drops }))
}
