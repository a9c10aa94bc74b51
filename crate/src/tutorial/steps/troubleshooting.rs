//! The tutorial's troubleshooting list: each likely cause, the step it belongs to, and its fix.

use super::describe::{trusted, USER_TOKEN};
use crate::message::TutorialMessage as M;
use crate::tutorial::input::Setup;
use crate::tutorial::TutorialStep;
use serde::Serialize;

/// One cause from the tutorial's troubleshooting list.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialTrouble"))]
#[serde(rename_all = "camelCase")]
pub struct Trouble {
    pub tutorial_step: TutorialStep,
    pub cause: M,
    pub fix: M,
}

/// The tutorial's troubleshooting list: each cause, the step it belongs to, and the fix.
pub fn troubleshooting(setup: &Setup) -> Vec<Trouble> {
    let (permission, _) = setup.permission_policy();
    let (assume, _) = setup.assume_policy();
    let user = setup
        .user_name
        .clone()
        .unwrap_or_else(|| USER_TOKEN.to_string());
    let role = setup.role_name.clone();
    let item = |tutorial_step: TutorialStep, cause: M, fix: M| Trouble {
        tutorial_step,
        cause,
        fix,
    };
    vec![
        item(
            TutorialStep::RoleInA,
            M::TroubleRolePolicy { role: role.clone() },
            M::TroubleRolePolicyFix {
                name: permission.to_string(),
                role: role.clone(),
            },
        ),
        item(
            TutorialStep::RoleInA,
            M::TroubleTrust { role: role.clone() },
            M::TroubleTrustFix {
                trusted: Box::new(trusted(setup)),
            },
        ),
        item(
            TutorialStep::UserInB,
            M::TroubleUserPolicy { user: user.clone() },
            M::TroubleUserPolicyFix {
                name: assume.to_string(),
                user,
            },
        ),
        item(
            TutorialStep::SwitchRole,
            M::TroubleTyped {},
            M::TroubleTypedFix {
                parent: setup.a.parent_alias().to_string(),
                domain: setup.a.default_domain(),
                uid: setup.a.uid.clone(),
                role,
            },
        ),
    ]
}
