//! What each task's answers decide, task by task in the plan's order: the identity matches the
//! side, and the role, user, policy and attachment are there as wanted (read first, written only
//! when missing or different, "already exists" taken as there).

use super::replay::{answer, Answer, Replay, Stop};
use crate::error::Result;
use crate::message::{SetupMessage as S, TutorialMessage};
use crate::policy::model::PolicyKind;
use crate::policy::{parse, to_compact};
use crate::tutorial::input::Side;
use crate::tutorial::policies::Document;
use serde_json::{json, Value};

impl<'a> Replay<'a> {
    /// Replays the plan's tasks in order; `None` when every task is done.
    pub fn run(&mut self) -> Result<Option<Stop>> {
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
                        self.done("role", "created", S::RoleCreated { role }, Some(result));
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
            self.done("role", "skipped", S::RoleSame { role }, Some(current));
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
                self.done("role", "updated", S::RoleUpdated { role }, Some(result));
                Ok(None)
            }
            other => Ok(Some(self.failed("role", "role.update", &other))),
        }
    }

    fn user(&mut self) -> Result<Option<Stop>> {
        let user = self.plan.setup.user_name.clone().unwrap_or_default();
        match answer!(self, "user.read") {
            Answer::Success(result) => {
                self.done("user", "skipped", S::UserSame { user }, Some(result));
                Ok(None)
            }
            Answer::ApiError {
                code: "EntityNotExist.User",
                ..
            } => match answer!(self, "user.create") {
                Answer::Success(result) => {
                    self.done("user", "created", S::UserCreated { user }, Some(result));
                    Ok(None)
                }
                Answer::ApiError { code, error } if already_exists(code) => {
                    self.done("user", "already-there", S::UserThere { user }, Some(error));
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
                    self.done("policy", "created", S::PolicyCreated { name }, Some(result));
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
            self.done("policy", "skipped", S::PolicySame { name }, Some(current));
            return Ok(None);
        }
        let version = current
            .pointer("/policy/defaultVersion")
            .and_then(Value::as_str)
            .unwrap_or("?");
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
            Side::A => self.plan.setup.role_name.clone(),
            Side::B => self.plan.setup.user_name.clone().unwrap_or_default(),
        };
        let has_policy = |name: String, target: String| match side {
            Side::A => S::RoleHasPolicy { name, role: target },
            Side::B => S::UserHasPolicy { name, user: target },
        };
        // B: the user read already listed the user's policies when the user existed.
        let listed = match self.plan.side {
            Side::B if self.ended("user", "skipped") => self.user_listing(),
            Side::B => None,
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
            self.done("attach", "skipped", has_policy(name, target), Some(list));
            return Ok(None);
        }
        match answer!(self, "attach.write") {
            Answer::Success(result) => {
                self.done(
                    "attach",
                    "attached",
                    match side {
                        Side::A => S::AttachedToRole { name, role: target },
                        Side::B => S::AttachedToUser { name, user: target },
                    },
                    Some(result),
                );
                Ok(None)
            }
            Answer::ApiError { code, error } if already_exists(code) => {
                self.done(
                    "attach",
                    "already-there",
                    has_policy(name, target),
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
