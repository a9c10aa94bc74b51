//! How RoleHop names and describes what it creates, and whom the role trusts: the same words in
//! the console text, the CLI, Terraform and "Do it for me" (which is why setup/ reads them here).

use crate::message::TutorialMessage as M;
use crate::tutorial::input::{Setup, Trust};

/// The token of B's user where its name is not known (also outside a draft: the tutorial of B's
/// user may be read before the user is named).
pub const USER_TOKEN: &str = "<user>";

/// The description RoleHop gives the role (the same in the console text, the CLI, Terraform and
/// "Do it for me").
pub fn role_description(setup: &Setup) -> String {
    format!(
        "Read-only OSS access for account {} (RoleHop tutorial)",
        setup.b.uid
    )
}

/// The description of a custom policy RoleHop creates.
pub fn policy_description(setup: &Setup, for_user: bool) -> String {
    if for_user {
        format!("Assume {} only (RoleHop tutorial)", setup.role_arn())
    } else {
        format!(
            "Read-only OSS access for role {} (RoleHop tutorial)",
            setup.role_name
        )
    }
}

/// Who the trust policy lets in, for sentences.
pub fn trusted(setup: &Setup) -> M {
    let account = setup.b.uid.clone();
    match &setup.trust {
        Trust::Account => M::TermTrustedAccount { account },
        Trust::Principals { users, roles } => {
            let names = users
                .iter()
                .map(|u| M::TermUser { name: u.clone() })
                .chain(roles.iter().map(|r| M::TermRole { name: r.clone() }))
                .collect();
            match M::list(names) {
                Some(principals) => M::TermTrustedPrincipals {
                    principals: Box::new(principals),
                    account,
                },
                None => M::TermTrustedAccount { account },
            }
        }
    }
}
