//! The checks by name: each check's id, the side whose credentials it reads, its tutorial step
//! and title. Shared by the diagnosis, the plan, the report and the chain (and the tutorial's
//! steps), so none of them reaches into another for it.

use super::known::Known;
use crate::message::ChecksMessage;
use crate::tutorial::TutorialStep;
use serde::Serialize;

/// A check, serialised as its stable id (`"b.identity"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum CheckId {
    #[serde(rename = "a.role-exists")]
    RoleExists,
    #[serde(rename = "a.trust-trusts-b")]
    TrustTrustsB,
    #[serde(rename = "a.role-oss-access")]
    RoleOssAccess,
    #[serde(rename = "b.identity")]
    Identity,
    #[serde(rename = "b.user-may-assume")]
    UserMayAssume,
    #[serde(rename = "a.switch-values")]
    SwitchValues,
    #[serde(rename = "b.assume-role")]
    AssumeRole,
    #[serde(rename = "b.list-buckets")]
    ListBuckets,
    #[serde(rename = "b.list-objects")]
    ListObjects,
}

impl CheckId {
    /// The id on the wire (what serde writes).
    pub fn name(self) -> &'static str {
        match self {
            CheckId::RoleExists => "a.role-exists",
            CheckId::TrustTrustsB => "a.trust-trusts-b",
            CheckId::RoleOssAccess => "a.role-oss-access",
            CheckId::Identity => "b.identity",
            CheckId::UserMayAssume => "b.user-may-assume",
            CheckId::SwitchValues => "a.switch-values",
            CheckId::AssumeRole => "b.assume-role",
            CheckId::ListBuckets => "b.list-buckets",
            CheckId::ListObjects => "b.list-objects",
        }
    }

    pub fn def(self) -> &'static CheckDef {
        // CHECKS holds every id once (tested below).
        CHECKS.iter().find(|c| c.id == self).unwrap_or(&CHECKS[0])
    }
}

pub use crate::side::AccountSide;

impl AccountSide {
    /// The side a request id (`a.GetRole`, `b.AssumeRole`) is sent for.
    pub fn of_request(rid: &str) -> AccountSide {
        if rid.starts_with("a.") {
            AccountSide::A
        } else {
            AccountSide::B
        }
    }
}

/// A check: its id, side, tutorial step and title.
pub struct CheckDef {
    pub id: CheckId,
    pub side: AccountSide,
    pub step: TutorialStep,
    pub title: ChecksMessage,
}

impl CheckDef {
    /// Whether the check runs for these inputs.
    pub fn applies(&self, known: &Known) -> bool {
        let inputs = known.inputs;
        match self.side {
            AccountSide::A => inputs.have_a,
            AccountSide::B if self.id == CheckId::ListObjects => {
                inputs.have_b && inputs.bucket.is_some()
            }
            AccountSide::B => inputs.have_b,
        }
    }
}

/// Every check, in report order (tutorial step, then A before B within a step).
pub static CHECKS: [CheckDef; 9] = [
    CheckDef {
        id: CheckId::RoleExists,
        side: AccountSide::A,
        step: TutorialStep::RoleInA,
        title: ChecksMessage::TitleRoleExists {},
    },
    CheckDef {
        id: CheckId::TrustTrustsB,
        side: AccountSide::A,
        step: TutorialStep::RoleInA,
        title: ChecksMessage::TitleTrust {},
    },
    CheckDef {
        id: CheckId::RoleOssAccess,
        side: AccountSide::A,
        step: TutorialStep::RoleInA,
        title: ChecksMessage::TitleRoleOss {},
    },
    CheckDef {
        id: CheckId::Identity,
        side: AccountSide::B,
        step: TutorialStep::UserInB,
        title: ChecksMessage::TitleBIdentity {},
    },
    CheckDef {
        id: CheckId::UserMayAssume,
        side: AccountSide::B,
        step: TutorialStep::UserInB,
        title: ChecksMessage::TitleUserMayAssume {},
    },
    CheckDef {
        id: CheckId::SwitchValues,
        side: AccountSide::A,
        step: TutorialStep::SwitchRole,
        title: ChecksMessage::TitleSwitchValues {},
    },
    CheckDef {
        id: CheckId::AssumeRole,
        side: AccountSide::B,
        step: TutorialStep::SwitchRole,
        title: ChecksMessage::TitleAssumeRole {},
    },
    CheckDef {
        id: CheckId::ListBuckets,
        side: AccountSide::B,
        step: TutorialStep::Verify,
        title: ChecksMessage::TitleListBuckets {},
    },
    CheckDef {
        id: CheckId::ListObjects,
        side: AccountSide::B,
        step: TutorialStep::Verify,
        title: ChecksMessage::TitleListObjects {},
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_once_with_its_wire_id() {
        for (i, def) in CHECKS.iter().enumerate() {
            assert_eq!(def.id.def().id, def.id);
            assert!(CHECKS[i + 1..].iter().all(|other| other.id != def.id));
            assert_eq!(
                serde_json::to_value(def.id).unwrap(),
                serde_json::json!(def.id.name())
            );
        }
        assert_eq!(
            serde_json::to_value(AccountSide::A).unwrap(),
            serde_json::json!("A")
        );
    }
}
