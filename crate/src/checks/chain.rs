//! The chain the checks walk, as the pages draw it: B's RAM user → `sts:AssumeRole` (B's grant)
//! → A's role and its trust policy → the role's OSS permission → the bucket. Each link is proved
//! (pass), broken (fail, with the failing check's finding as its cause and the check's fix) or
//! not checked. Drawn from the report's results and verdict only, so whatever the diagnosis
//! learns (a cloud's access-denied detail pinning the step) shows in the chain as well.

use super::check::CheckId::{
    self, AssumeRole, Identity, ListBuckets, ListObjects, RoleExists, RoleOssAccess, TrustTrustsB,
    UserMayAssume,
};
use super::report::{CheckResult, FixText, Report, Status};
use crate::message::{ChainMessage, ChecksMessage};
use crate::tutorial::TutorialStep;
use serde::Serialize;

/// The report as the contract carries it: the diagnosis, and the chain drawn from it (kept
/// apart so the diagnosis never depends on the picture).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "CheckReport"))]
pub struct Diagnosis {
    #[serde(flatten)]
    pub report: Report,
    pub chain: Vec<Link>,
}

/// A link of the chain, in the order a request travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ChainLinkId"))]
#[serde(rename_all = "kebab-case")]
pub enum LinkId {
    BUser,
    AssumeGrant,
    RoleTrust,
    OssPermission,
    Bucket,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ChainLinkStatus"))]
#[serde(rename_all = "kebab-case")]
pub enum LinkStatus {
    Pass,
    Fail,
    NotChecked,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ChainLink"))]
#[serde(rename_all = "camelCase")]
pub struct Link {
    pub link: LinkId,
    pub title: ChainMessage,
    /// The tutorial step the link is set up in; for a broken link, the step its fix belongs to.
    pub step: TutorialStep,
    pub status: LinkStatus,
    /// The check that decided the status: the failed one, or the one whose pass proves it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional, type = "CheckId"))]
    pub check: Option<CheckId>,
    /// Why the link is broken: the failing check's finding (what the verdict says after "Step n
    /// is broken: ").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub cause: Option<ChecksMessage>,
    /// What to do: the failing check's fix (the verdict's fix, for the verdict's check).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub fix: Option<FixText>,
}

/// A link's name, the step it is set up in, and the checks whose passing proves it (any one of
/// the sets, every check of that set passed: AssumeRole's success proves B's grant and A's trust
/// at once; A's readings prove the role and its trust without B).
struct LinkDef {
    link: LinkId,
    title: fn() -> ChainMessage,
    step: TutorialStep,
    proofs: &'static [&'static [CheckId]],
}

const LINKS: [LinkDef; 5] = [
    LinkDef {
        link: LinkId::BUser,
        title: || ChainMessage::TitleBUser {},
        step: TutorialStep::UserInB,
        proofs: &[&[Identity]],
    },
    LinkDef {
        link: LinkId::AssumeGrant,
        title: || ChainMessage::TitleAssumeGrant {},
        step: TutorialStep::UserInB,
        proofs: &[&[AssumeRole], &[UserMayAssume]],
    },
    LinkDef {
        link: LinkId::RoleTrust,
        title: || ChainMessage::TitleRoleTrust {},
        step: TutorialStep::RoleInA,
        proofs: &[&[AssumeRole], &[RoleExists, TrustTrustsB]],
    },
    LinkDef {
        link: LinkId::OssPermission,
        title: || ChainMessage::TitleOssPermission {},
        step: TutorialStep::RoleInA,
        proofs: &[&[ListObjects], &[ListBuckets], &[RoleOssAccess]],
    },
    LinkDef {
        link: LinkId::Bucket,
        title: || ChainMessage::TitleBucket {},
        step: TutorialStep::Verify,
        proofs: &[&[ListObjects]],
    },
];

/// The link a failed check breaks: where the diagnosis put its fix (the result's tutorial step),
/// and within a step, which part the check reads.
fn broken_by(check: &CheckResult) -> LinkId {
    match check.tutorial_step {
        TutorialStep::UserInB if check.id == Identity => LinkId::BUser,
        TutorialStep::UserInB => LinkId::AssumeGrant,
        TutorialStep::RoleInA if [RoleOssAccess, ListBuckets, ListObjects].contains(&check.id) => {
            LinkId::OssPermission
        }
        // A role that is missing, does not trust B, or is not the one typed on the Switch Role page.
        TutorialStep::RoleInA | TutorialStep::SwitchRole => LinkId::RoleTrust,
        TutorialStep::Verify => LinkId::Bucket,
    }
}

/// The chain for a report: every link, in order.
pub fn chain(report: &Report) -> Vec<Link> {
    let passed = |id: CheckId| {
        report
            .checks
            .iter()
            .any(|c| c.id == id && c.status == Status::Pass)
    };
    LINKS
        .iter()
        .map(|def| {
            let failed: Vec<&CheckResult> = report
                .checks
                .iter()
                .filter(|c| c.status == Status::Fail && broken_by(c) == def.link)
                .collect();
            // The verdict's own check when it is one of them: the picture says what the verdict says.
            let broken = failed
                .iter()
                .find(|c| report.verdict.check == Some(c.id))
                .or(failed.first());
            let link = Link {
                link: def.link,
                title: (def.title)(),
                step: def.step,
                status: LinkStatus::NotChecked,
                check: None,
                cause: None,
                fix: None,
            };
            if let Some(c) = broken {
                return Link {
                    step: c.tutorial_step,
                    status: LinkStatus::Fail,
                    check: Some(c.id),
                    cause: Some(c.summary.clone()),
                    fix: c.fix.as_ref().map(|f| f.text.clone()),
                    ..link
                };
            }
            match def
                .proofs
                .iter()
                .find(|set| set.iter().all(|id| passed(*id)))
            {
                Some(set) => Link {
                    status: LinkStatus::Pass,
                    check: set.first().copied(),
                    ..link
                },
                None => link,
            }
        })
        .collect()
}
