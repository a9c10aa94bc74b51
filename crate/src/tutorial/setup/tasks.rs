//! Which requests bring each thing into place: the caller's identity, the role (A), the user
//! (B), the custom policy and its attachment. Each write comes after the read that decides it.

use super::operation::{always, op, Task};
use crate::api::Action;
use crate::message::SetupMessage as S;
use crate::side::AccountSide;
use crate::tutorial::input::Setup;
use crate::tutorial::policies::Document;
use crate::tutorial::steps::{policy_description, role_description};

pub fn identity(s: &Setup, side: AccountSide) -> Task {
    let uid = match side {
        AccountSide::A => &s.a.uid,
        AccountSide::B => &s.b.uid,
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

pub fn role(s: &Setup, trust: &Document) -> Task {
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

pub fn user(s: &Setup) -> Task {
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

pub fn policy(s: &Setup, side: AccountSide, doc: &Document) -> Task {
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
    create.push(("description", policy_description(s, side == AccountSide::B)));
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

pub fn attach(s: &Setup, side: AccountSide) -> Task {
    let (name, kind) = match side {
        AccountSide::A => s.permission_policy(),
        AccountSide::B => s.assume_policy(),
    };
    let (name, kind) = (name.to_string(), kind.to_string());
    let policy = || vec![("policyType", kind.clone()), ("policyName", name.clone())];
    let (read, write, target_field, target) = match side {
        AccountSide::A => (
            Action::ListPoliciesForRole,
            Action::AttachPolicyToRole,
            "roleName",
            s.role_name.clone(),
        ),
        AccountSide::B => (
            Action::ListPoliciesForUser,
            Action::AttachPolicyToUser,
            "userName",
            s.user_name.clone().unwrap_or_default(),
        ),
    };
    let (title, list, attach) = match (side, kind == "System") {
        (AccountSide::A, system) => {
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
        (AccountSide::B, system) => {
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
                    AccountSide::A => always(),
                    AccountSide::B => S::WhenUserNotListed {},
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
