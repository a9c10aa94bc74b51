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
use crate::checks::text::Text;
use crate::contract::fields::Object;
use crate::error::{Error, Result};
use serde_json::{json, Map, Value};

/// Reads the setupPlan input: the tutorial input plus `side`.
pub fn read(req: &Object) -> Result<(Setup, Side)> {
    let setup = input::read(req, &["side"], false)?;
    let side = match req.required_str("side").map_err(|e| {
        e.with_message("missing $.side: \"A\" (create the role in A's account) or \"B\" (create the user in B's account)")
    })? {
        "A" => Side::A,
        "B" => Side::B,
        other => {
            return Err(Error::invalid(
                "$.side",
                format!("side must be \"A\" (the account that owns the buckets) or \"B\" (the account whose user reads them), got {other:?}"),
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
    pub summary: Text,
    /// When it is sent.
    pub when: Text,
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

    /// The operation as the contract shows it; `extra` adds to the preview (what an update replaces).
    pub fn to_json(&self, extra: Option<(Text, Value)>) -> Value {
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
            preview["summary"] = json!(self.summary.clone().then(&note));
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
    pub title: Text,
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
    summary: Text,
    when: Text,
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

fn always() -> Text {
    Text::new("always (a read)", "总是执行（只读）")
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
    let (uid, name_en, name_zh) = match side {
        Side::A => (&s.a.uid, "A", "A"),
        Side::B => (&s.b.uid, "B", "B"),
    };
    Task {
        id: "identity",
        title: Text::new(
            format!("Check that the credentials belong to account {name_en} ({uid})"),
            format!("确认凭证属于 {name_zh} 账号（{uid}）"),
        ),
        operations: vec![op(
            "identity.read",
            false,
            Action::GetCallerIdentity,
            Vec::new(),
            Text::new(
                "Who am I (STS GetCallerIdentity)",
                "查询当前身份（STS GetCallerIdentity）",
            ),
            always(),
        )],
    }
}

fn role(s: &Setup, trust: &Document) -> Task {
    let role = &s.role_name;
    let name = || ("roleName", role.clone());
    Task {
        id: "role",
        title: Text::new(
            format!("Role {role} trusting account {}", s.b.uid),
            format!("信任账号 {} 的角色 {role}", s.b.uid),
        ),
        operations: vec![
            op(
                "role.read",
                false,
                Action::GetRole,
                vec![name()],
                Text::new(format!("Read role {role}"), format!("读取角色 {role}")),
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
                Text::new(
                    format!("Create role {role} with the trust policy below"),
                    format!("创建角色 {role}，信任策略如下"),
                ),
                Text::new(
                    "only if GetRole says the role does not exist",
                    "仅当 GetRole 表明角色不存在时",
                ),
            ),
            op(
                "role.update",
                true,
                Action::UpdateRole,
                vec![
                    name(),
                    ("newAssumeRolePolicyDocument", trust.compact.clone()),
                ],
                Text::new(
                    format!("Replace the trust policy of role {role} with the one below"),
                    format!("将角色 {role} 的信任策略替换为下方策略"),
                ),
                Text::new(
                    "only if the role exists with a different trust policy",
                    "仅当角色已存在且信任策略不同时",
                ),
            ),
            op(
                "role.recheck",
                false,
                Action::GetRole,
                vec![name()],
                Text::new(
                    format!("Read role {role} again"),
                    format!("再次读取角色 {role}"),
                ),
                Text::new(
                    "only if CreateRole answers that the role already exists",
                    "仅当 CreateRole 返回角色已存在时",
                ),
            ),
        ],
    }
}

fn user(s: &Setup) -> Task {
    let user = s.user_name.clone().unwrap_or_default();
    let comments = format!("Uses role {} of account {} (RoleHop)", s.role_name, s.a.uid);
    Task {
        id: "user",
        title: Text::new(format!("RAM user {user}"), format!("RAM 用户 {user}")),
        operations: vec![
            op("user.read", false, Action::ListPoliciesForUser, vec![("userName", user.clone())],
                Text::new(format!("Read user {user} and its policies"), format!("读取用户 {user} 及其权限策略")), always()),
            op("user.create", true, Action::CreateUser,
                vec![("userName", user.clone()), ("displayName", user.clone()), ("comments", comments)],
                Text::new(format!("Create RAM user {user} (console logon is enabled afterwards in the console)"), format!("创建 RAM 用户 {user}（之后在控制台中开启控制台登录）")),
                Text::new("only if the user does not exist", "仅当用户不存在时")),
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
        title: Text::new(
            format!("Custom policy {name}"),
            format!("自定义权限策略 {name}"),
        ),
        operations: vec![
            op(
                "policy.read",
                false,
                Action::GetPolicy,
                key(),
                Text::new(
                    format!("Read policy {name}"),
                    format!("读取权限策略 {name}"),
                ),
                always(),
            ),
            op(
                "policy.create",
                true,
                Action::CreatePolicy,
                create,
                Text::new(
                    format!("Create policy {name} with the document below"),
                    format!("创建权限策略 {name}，内容如下"),
                ),
                Text::new(
                    "only if GetPolicy says the policy does not exist",
                    "仅当 GetPolicy 表明策略不存在时",
                ),
            ),
            op(
                "policy.recheck",
                false,
                Action::GetPolicy,
                key(),
                Text::new(
                    format!("Read policy {name} again"),
                    format!("再次读取权限策略 {name}"),
                ),
                Text::new(
                    "only if CreatePolicy answers that the policy already exists",
                    "仅当 CreatePolicy 返回策略已存在时",
                ),
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
    let (what_en, what_zh) = match side {
        Side::A => ("role", "角色"),
        Side::B => ("user", "用户"),
    };
    let mut fields = policy();
    fields.push((target_field, target.clone()));
    Task {
        id: "attach",
        title: Text::new(
            format!("{name} attached to {what_en} {target}"),
            format!("{what_zh} {target} 已授权 {name}"),
        ),
        operations: vec![
            op(
                "attach.read",
                false,
                read,
                vec![(target_field, target.clone())],
                Text::new(
                    format!("List the policies of {what_en} {target}"),
                    format!("列出{what_zh} {target} 的权限策略"),
                ),
                match side {
                    Side::A => always(),
                    Side::B => Text::new(
                        "unless the user read already listed them",
                        "除非读取用户时已列出",
                    ),
                },
            ),
            op(
                "attach.write",
                true,
                write,
                fields,
                Text::new(
                    format!("Attach {kind} policy {name} to {what_en} {target}"),
                    format!(
                        "为{what_zh} {target} 授权{} {name}",
                        if kind == "System" {
                            "系统策略"
                        } else {
                            "自定义策略"
                        }
                    ),
                ),
                Text::new("only if it is not attached yet", "仅当尚未授权时"),
            ),
        ],
    }
}
