//! "Do it for me": one company's half of the tutorial as RAM requests. Every write is preceded
//! by the read that tells whether it is needed, so a re-run on a finished account reads and
//! changes nothing. The plan holds `request` contract inputs without credentials, time or nonce
//! (the service worker adds them, signs, sends, and hands the parsed answers to [`next`]).

mod next;

pub use next::next;

use super::check::api_request;
use super::input::{self, Permission, Setup, Side};
use super::policies::{self, Document};
use super::steps::{policy_description, role_description};
use crate::api::{self, Action, Service};
use crate::error::{Error, ErrorKind, Result};
use crate::fields::Object;
use crate::message::SetupMessage as S;
use serde_json::{json, Map, Value};

/// Reads the setupPlan input: the tutorial input plus `side`.
pub fn read(req: &Object) -> Result<(Setup, Side)> {
    let setup = input::read(req, &["side"], false)?;
    if req.get("side").is_none() {
        return Err(Error::said(ErrorKind::MissingField, S::SideMissing {}).at("$.side"));
    }
    let side = match req.required_str("side")? {
        "A" => Side::A,
        "B" => Side::B,
        other => {
            return Err(Error::invalid_said(
                "$.side",
                S::SideInvalid {
                    value: other.into(),
                },
            ))
        }
    };
    Ok((setup, side))
}

/// One request the plan may send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// `<task>.<what>`, e.g. `role.create`.
    pub id: &'static str,
    pub task: &'static str,
    pub write: bool,
    pub action: Action,
    /// Contract fields (camelCase) and values, in the API's order.
    pub fields: Vec<(&'static str, String)>,
    pub summary: S,
    /// When it is sent.
    pub when: S,
}

impl Operation {
    /// The `request` contract input, minus credentials, time and nonce.
    pub fn request(&self) -> Value {
        let mut map = Map::new();
        map.insert("action".into(), json!(self.action.name()));
        for (name, value) in &self.fields {
            map.insert((*name).into(), json!(value));
        }
        Value::Object(map)
    }

    /// The exact API parameters of the action (common ones such as AccessKeyId, Timestamp,
    /// SignatureNonce and Signature are added when it is signed and are never shown).
    fn params(&self) -> Value {
        let mut map = Map::new();
        map.insert("Action".into(), json!(self.action.name()));
        for (name, value) in &self.fields {
            let param = api::field_spec(self.action, name).map_or(*name, |f| f.param);
            map.insert(param.into(), json!(value));
        }
        Value::Object(map)
    }

    /// The operation as the contract shows it; `extra` adds to the preview (what an update
    /// replaces: a note and the data).
    pub fn to_json(&self, extra: Option<(S, Value)>) -> Value {
        let service = match self.action.service() {
            Service::Sts => "STS",
            Service::Ram => "RAM",
            Service::Oss => "OSS",
        };
        let mut preview = json!({
            "service": service,
            "method": "POST",
            "params": self.params(),
            "summary": self.summary,
            "when": self.when,
        });
        if let Some((note, replaces)) = extra {
            preview["note"] = json!(note);
            preview["replaces"] = replaces;
        }
        json!({
            "id": self.id,
            "task": self.task,
            "kind": if self.write { "write" } else { "read" },
            "action": self.action.name(),
            "request": self.request(),
            "preview": preview,
        })
    }
}

/// A group of operations that brings one thing into place (the role, the policy, ...).
#[derive(Debug, Clone)]
pub struct Task {
    pub id: &'static str,
    pub title: S,
    pub operations: Vec<Operation>,
}

/// The plan of one side.
#[derive(Debug, Clone)]
pub struct Plan {
    pub side: Side,
    /// The account the credentials must belong to.
    pub account: String,
    pub setup: Setup,
    pub tasks: Vec<Task>,
    /// Side A: the role's trust policy.
    pub trust: Option<Document>,
    /// The custom policy this side creates (A's OSS policy or B's AssumeRole policy).
    pub custom: Option<Document>,
}

fn op(
    id: &'static str,
    write: bool,
    action: Action,
    fields: Vec<(&'static str, String)>,
    summary: S,
    when: S,
) -> Operation {
    let task = id.split('.').next().unwrap_or(id);
    Operation {
        id,
        task,
        write,
        action,
        fields,
        summary,
        when,
    }
}

fn always() -> S {
    S::WhenAlways {}
}

impl Plan {
    pub fn new(setup: &Setup, side: Side) -> Result<Plan> {
        let mut tasks = vec![identity(setup, side)];
        let (trust, custom) = match side {
            Side::A => {
                let trust = policies::trust(setup)?;
                tasks.push(role(setup, &trust));
                let custom = match setup.permission {
                    Permission::Custom { .. } => Some(policies::permission(setup)?),
                    Permission::System => None,
                };
                (Some(trust), custom)
            }
            Side::B => {
                tasks.push(user(setup));
                let custom = match setup.assume {
                    input::AssumePolicy::Scoped { .. } => Some(policies::assume(setup)?),
                    input::AssumePolicy::System => None,
                };
                (None, custom)
            }
        };
        if let Some(doc) = &custom {
            tasks.push(policy(setup, side, doc));
        }
        tasks.push(attach(setup, side));
        // Every request must keep the API layer's rules before it is offered.
        for op in tasks.iter().flat_map(|t| &t.operations) {
            api_request(op.action, &op.fields)?;
        }
        let account = match side {
            Side::A => setup.a.uid.clone(),
            Side::B => setup.b.uid.clone(),
        };
        Ok(Plan {
            side,
            account,
            setup: setup.clone(),
            tasks,
            trust,
            custom,
        })
    }

    pub fn operation(&self, id: &str) -> Option<&Operation> {
        self.tasks
            .iter()
            .flat_map(|t| &t.operations)
            .find(|o| o.id == id)
    }

    /// The setupPlan answer; `input` is echoed for setupNext.
    pub fn to_json(&self, input: &Map<String, Value>) -> Value {
        let tasks: Vec<Value> = self
            .tasks
            .iter()
            .map(|t| {
                json!({
                    "id": t.id,
                    "title": t.title,
                    "operations": t.operations.iter().map(|o| o.id).collect::<Vec<_>>(),
                })
            })
            .collect();
        let operations: Vec<Value> = self
            .tasks
            .iter()
            .flat_map(|t| &t.operations)
            .map(|o| o.to_json(None))
            .collect();
        json!({
            "side": self.side.name(),
            "account": self.account,
            "input": input,
            "tasks": tasks,
            "operations": operations,
        })
    }
}

fn identity(s: &Setup, side: Side) -> Task {
    let uid = match side {
        Side::A => &s.a.uid,
        Side::B => &s.b.uid,
    };
    Task {
        id: "identity",
        title: S::TitleIdentity {
            side: side.name().into(),
            uid: uid.clone(),
        },
        operations: vec![op(
            "identity.read",
            false,
            Action::GetCallerIdentity,
            Vec::new(),
            S::TitleReadIdentity {},
            always(),
        )],
    }
}

fn role(s: &Setup, trust: &Document) -> Task {
    let role = &s.role_name;
    let name = || ("roleName", role.clone());
    Task {
        id: "role",
        title: S::TitleRole {
            role: role.clone(),
            account: s.b.uid.clone(),
        },
        operations: vec![
            op(
                "role.read",
                false,
                Action::GetRole,
                vec![name()],
                S::TitleReadRole { role: role.clone() },
                always(),
            ),
            op(
                "role.create",
                true,
                Action::CreateRole,
                vec![
                    name(),
                    ("assumeRolePolicyDocument", trust.compact.clone()),
                    ("description", role_description(s)),
                ],
                S::TitleCreateRole { role: role.clone() },
                S::WhenRoleMissing {},
            ),
            op(
                "role.update",
                true,
                Action::UpdateRole,
                vec![
                    name(),
                    ("newAssumeRolePolicyDocument", trust.compact.clone()),
                ],
                S::TitleUpdateRole { role: role.clone() },
                S::WhenTrustDiffers {},
            ),
            op(
                "role.recheck",
                false,
                Action::GetRole,
                vec![name()],
                S::TitleRereadRole { role: role.clone() },
                S::WhenRoleCreatedMeanwhile {},
            ),
        ],
    }
}

fn user(s: &Setup) -> Task {
    let user = s.user_name.clone().unwrap_or_default();
    let comments = format!("Uses role {} of account {} (RoleHop)", s.role_name, s.a.uid);
    Task {
        id: "user",
        title: S::TitleUser { user: user.clone() },
        operations: vec![
            op(
                "user.read",
                false,
                Action::ListPoliciesForUser,
                vec![("userName", user.clone())],
                S::TitleReadUser { user: user.clone() },
                always(),
            ),
            op(
                "user.create",
                true,
                Action::CreateUser,
                vec![
                    ("userName", user.clone()),
                    ("displayName", user.clone()),
                    ("comments", comments),
                ],
                S::TitleCreateUser { user: user.clone() },
                S::WhenUserMissing {},
            ),
        ],
    }
}

fn policy(s: &Setup, side: Side, doc: &Document) -> Task {
    let name = &doc.name;
    let key = || {
        vec![
            ("policyName", name.clone()),
            ("policyType", "Custom".to_string()),
        ]
    };
    let mut create = vec![
        ("policyName", name.clone()),
        ("policyDocument", doc.compact.clone()),
    ];
    create.push(("description", policy_description(s, side == Side::B)));
    Task {
        id: "policy",
        title: S::TitlePolicy { name: name.clone() },
        operations: vec![
            op(
                "policy.read",
                false,
                Action::GetPolicy,
                key(),
                S::TitleReadPolicy { name: name.clone() },
                always(),
            ),
            op(
                "policy.create",
                true,
                Action::CreatePolicy,
                create,
                S::TitleCreatePolicy { name: name.clone() },
                S::WhenPolicyMissing {},
            ),
            op(
                "policy.recheck",
                false,
                Action::GetPolicy,
                key(),
                S::TitleRereadPolicy { name: name.clone() },
                S::WhenPolicyCreatedMeanwhile {},
            ),
        ],
    }
}

fn attach(s: &Setup, side: Side) -> Task {
    let (name, kind) = match side {
        Side::A => s.permission_policy(),
        Side::B => s.assume_policy(),
    };
    let (name, kind) = (name.to_string(), kind.to_string());
    let policy = || vec![("policyType", kind.clone()), ("policyName", name.clone())];
    let (read, write, target_field, target) = match side {
        Side::A => (
            Action::ListPoliciesForRole,
            Action::AttachPolicyToRole,
            "roleName",
            s.role_name.clone(),
        ),
        Side::B => (
            Action::ListPoliciesForUser,
            Action::AttachPolicyToUser,
            "userName",
            s.user_name.clone().unwrap_or_default(),
        ),
    };
    let (title, list, attach) = match (side, kind == "System") {
        (Side::A, system) => {
            let (name, role) = (name.clone(), target.clone());
            (
                S::TitleAttachRole {
                    name: name.clone(),
                    role: role.clone(),
                },
                S::TitleListRolePolicies { role: role.clone() },
                if system {
                    S::TitleAttachSystemToRole { name, role }
                } else {
                    S::TitleAttachCustomToRole { name, role }
                },
            )
        }
        (Side::B, system) => {
            let (name, user) = (name.clone(), target.clone());
            (
                S::TitleAttachUser {
                    name: name.clone(),
                    user: user.clone(),
                },
                S::TitleListUserPolicies { user: user.clone() },
                if system {
                    S::TitleAttachSystemToUser { name, user }
                } else {
                    S::TitleAttachCustomToUser { name, user }
                },
            )
        }
    };
    let mut fields = policy();
    fields.push((target_field, target.clone()));
    Task {
        id: "attach",
        title,
        operations: vec![
            op(
                "attach.read",
                false,
                read,
                vec![(target_field, target)],
                list,
                match side {
                    Side::A => always(),
                    Side::B => S::WhenUserNotListed {},
                },
            ),
            op(
                "attach.write",
                true,
                write,
                fields,
                attach,
                S::WhenNotAttached {},
            ),
        ],
    }
}
