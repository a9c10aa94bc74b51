//! The one numbering every reader sees: the seed tutorial's four steps ("Use a RAM role for
//! cross-account access to OSS"). The workbench's steps, the checks, the verdict, the RAM console
//! helper and the CLI all number by this type; texts that name a step render it from here, never
//! from a literal.

use crate::message::TutorialMessage;
use serde::{Serialize, Serializer};

/// A step of the tutorial. Several of a reader's tasks can belong to one step (company A's
/// role, trust, policy and attachment are all step 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TutorialStep {
    /// A creates the role that trusts B and gives it OSS read access.
    RoleInA = 1,
    /// B gives its RAM user permission to assume the role.
    UserInB = 2,
    /// B's user switches to the role on the Switch Role page.
    SwitchRole = 3,
    /// The user reads A's buckets.
    Verify = 4,
}

impl TutorialStep {
    /// Every step, in order.
    pub const ALL: [TutorialStep; 4] = [
        TutorialStep::RoleInA,
        TutorialStep::UserInB,
        TutorialStep::SwitchRole,
        TutorialStep::Verify,
    ];

    /// The step numbered `n` (as the contract carries it).
    pub fn from_number(n: u64) -> Option<TutorialStep> {
        TutorialStep::ALL
            .into_iter()
            .find(|s| u64::from(s.number()) == n)
    }

    /// The number readers see (1-4).
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The step's name, as the tutorial gives it.
    pub fn title(self) -> TutorialMessage {
        match self {
            TutorialStep::RoleInA => TutorialMessage::TitleStepRoleInA {},
            TutorialStep::UserInB => TutorialMessage::TitleStepUserInB {},
            TutorialStep::SwitchRole => TutorialMessage::TitleStepSwitchRole {},
            TutorialStep::Verify => TutorialMessage::TitleStepVerify {},
        }
    }

    /// "Step 2" / "第 2 步".
    pub fn heading(self) -> TutorialMessage {
        TutorialMessage::StepLabel {
            number: self.number().into(),
        }
    }

    /// "step 2" / "第 2 步", inside a sentence.
    pub fn term(self) -> TutorialMessage {
        TutorialMessage::StepInSentence {
            number: self.number().into(),
        }
    }

    /// The outline entry a reader's page groups its tasks under.
    pub fn outline(self) -> OutlineEntry {
        OutlineEntry {
            step: self,
            label: self.heading(),
            title: self.title(),
        }
    }
}

/// One heading of a reader's tutorial: the step, "Step 2", and the step's name.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialOutlineEntry"))]
pub struct OutlineEntry {
    step: TutorialStep,
    label: TutorialMessage,
    title: TutorialMessage,
}

/// On the wire a step is its number (the contract's `TutorialStep = 1 | 2 | 3 | 4`).
impl Serialize for TutorialStep {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.number())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_one_to_four_in_order() {
        let numbers: Vec<u8> = TutorialStep::ALL.iter().map(|s| s.number()).collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
        assert_eq!(
            serde_json::to_string(&TutorialStep::SwitchRole).unwrap(),
            "3"
        );
        assert_eq!(
            crate::catalog::zh(&TutorialStep::UserInB.heading()),
            "第 2 步"
        );
        assert_eq!(
            crate::catalog::en(&TutorialStep::SwitchRole.title()),
            "B's user switches to the role"
        );
    }
}
