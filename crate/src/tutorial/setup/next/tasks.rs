//! Each task of `setupNext` decided from its answers: the identity, the role (trust policy), the
//! user, the custom policy and its attachment; each returns the stop, or `None` to go on.

use super::{Answer, Replay, Stop};
use crate::api::ApiResult;
use crate::error::Result;
use crate::message::{SetupMessage as S, TutorialMessage};
use crate::policy::model::PolicyKind;
use crate::policy::{parse, to_compact};
use crate::side::AccountSide;
use crate::tutorial::policies::Document;
use crate::tutorial::setup::operation::{Replacing, SetupReplaces};

impl<'a> Replay<'a> {
    pub(super) fn identity(&mut self) -> Result<Option<Stop>> {
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

    pub(super) fn role(&mut self) -> Result<Option<Stop>> {
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

    pub(super) fn user(&mut self) -> Result<Option<Stop>> {
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
                    let id = error.request_id.as_deref();
                    self.done("user", "already-there", S::UserThere { user }, id);
                    Ok(None)
                }
                other => Ok(Some(self.failed("user", "user.create", &other))),
            },
            other => Ok(Some(self.failed("user", "user.read", &other))),
        }
    }

    pub(super) fn policy(&mut self) -> Result<Option<Stop>> {
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

    pub(super) fn attach(&mut self) -> Result<Option<Stop>> {
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
                    error.request_id.as_deref(),
                );
                Ok(None)
            }
            other => Ok(Some(self.failed("attach", "attach.write", &other))),
        }
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
fn replaces(current: &str, wanted: &Document) -> Replacing {
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
    Replacing {
        note,
        replaces: SetupReplaces {
            current: current.to_string(),
            drops,
        },
    }
}
