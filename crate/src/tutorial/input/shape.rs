//! The tutorial's inputs as the caller writes them (`tutorialSteps`, `setupPlan`), read by the one
//! path-reporting reader (crate/src/read/). Each field after the first is kept as given
//! ([`Later`]) and read as its type when its turn comes (`read.rs`, `grants.rs`), so the input
//! is checked in the order the workbench's form shows it: the first error is the first field's.

use super::model::Audience;
use crate::read::Later;
use serde::de::IgnoredAny;
use serde::Deserialize;

/// A `tutorialSteps` input.
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TutorialInput {
    #[cfg_attr(test, ts(as = "Audience", optional = false))]
    pub audience: Option<Audience>,
    #[cfg_attr(test, ts(as = "TutorialAccount", optional = false))]
    pub account_a: Option<Later<TutorialAccount>>,
    #[cfg_attr(test, ts(as = "TutorialAccount", optional = false))]
    pub account_b: Option<Later<TutorialAccount>>,
    #[cfg_attr(test, ts(as = "String", optional = false))]
    pub role_name: Option<Later<String>>,
    #[cfg_attr(test, ts(as = "TutorialTrust", optional = false))]
    pub trust: Option<Later<TutorialTrust>>,
    #[cfg_attr(test, ts(as = "TutorialPermission", optional = false))]
    pub permission: Option<Later<TutorialPermission>>,
    /// B's RAM user: required for company-b and setupPlan side B; defaults to trust.users[0].
    #[cfg_attr(test, ts(as = "Option<String>"))]
    pub user_name: Option<Later<String>>,
    /// `scoped`: sts:AssumeRole on the one role ARN; `system`: AliyunSTSAssumeRoleAccess.
    #[cfg_attr(test, ts(type = "\"scoped\" | \"system\"", optional = false))]
    pub assume_policy: Option<Later<String>>,
    /// Default `AssumeRole-<roleName>-<A uid>`.
    #[cfg_attr(test, ts(as = "Option<String>"))]
    pub assume_policy_name: Option<Later<String>>,
    /// Default `cn`.
    #[cfg_attr(test, ts(as = "Option<crate::profile::Site>"))]
    pub site: Option<Later<String>>,
    /// While the reader types: missing or invalid values show as placeholders (`incomplete`).
    // Read before the other fields, as a tag (calls.rs): here so that it is no unknown field.
    #[cfg_attr(test, ts(optional))]
    pub draft: Option<bool>,
}

/// A `setupPlan` input: the tutorial's (the audience may be left out), and the side to plan.
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetupPlanInput {
    pub audience: Option<Audience>,
    #[cfg_attr(test, ts(as = "TutorialAccount", optional = false))]
    pub account_a: Option<Later<TutorialAccount>>,
    #[cfg_attr(test, ts(as = "TutorialAccount", optional = false))]
    pub account_b: Option<Later<TutorialAccount>>,
    #[cfg_attr(test, ts(as = "String", optional = false))]
    pub role_name: Option<Later<String>>,
    #[cfg_attr(test, ts(as = "TutorialTrust", optional = false))]
    pub trust: Option<Later<TutorialTrust>>,
    #[cfg_attr(test, ts(as = "TutorialPermission", optional = false))]
    pub permission: Option<Later<TutorialPermission>>,
    #[cfg_attr(test, ts(as = "Option<String>"))]
    pub user_name: Option<Later<String>>,
    #[cfg_attr(test, ts(type = "\"scoped\" | \"system\"", optional = false))]
    pub assume_policy: Option<Later<String>>,
    #[cfg_attr(test, ts(as = "Option<String>"))]
    pub assume_policy_name: Option<Later<String>>,
    #[cfg_attr(test, ts(as = "Option<crate::profile::Site>"))]
    pub site: Option<Later<String>>,
    /// The account to plan for: A (the role's) or B (the user's).
    #[cfg_attr(test, ts(type = "\"A\" | \"B\"", optional = false))]
    pub side: Option<Later<String>>,
}

impl SetupPlanInput {
    /// The tutorial's fields, and the side.
    pub fn split(self) -> (TutorialInput, Option<Later<String>>) {
        let input = TutorialInput {
            audience: self.audience,
            account_a: self.account_a,
            account_b: self.account_b,
            role_name: self.role_name,
            trust: self.trust,
            permission: self.permission,
            user_name: self.user_name,
            assume_policy: self.assume_policy,
            assume_policy_name: self.assume_policy_name,
            site: self.site,
            draft: None,
        };
        (input, self.side)
    }
}

#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
#[serde(deny_unknown_fields)]
pub struct TutorialAccount {
    /// 16-digit account UID.
    #[cfg_attr(test, ts(as = "String", optional = false))]
    pub uid: Option<Later<String>>,
    /// Enterprise alias (3-32 of `[a-z0-9-]`); the Switch Role page gets it instead of the UID.
    #[cfg_attr(test, ts(as = "Option<String>"))]
    pub alias: Option<Later<String>>,
}

/// Whom A's role trusts: all of B (`acs:ram::<B>:root`), or B's named users and roles.
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(tag = "kind"))]
pub enum TutorialTrust {
    #[cfg_attr(test, ts(rename = "account"))]
    Account(KindOnly),
    #[cfg_attr(test, ts(rename = "principals"))]
    Principals(PrincipalsTrust),
}

/// A kind without fields of its own.
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialKindOnly"))]
#[serde(deny_unknown_fields)]
pub struct KindOnly {
    #[cfg_attr(test, ts(skip))]
    pub kind: IgnoredAny,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields, rename = "TutorialPrincipals"))]
#[serde(deny_unknown_fields)]
pub struct PrincipalsTrust {
    #[cfg_attr(test, ts(skip))]
    pub kind: IgnoredAny,
    #[cfg_attr(test, ts(as = "Option<Vec<String>>"))]
    pub users: Option<Later<Vec<String>>>,
    #[cfg_attr(test, ts(as = "Option<Vec<String>>"))]
    pub roles: Option<Later<Vec<String>>>,
}

/// What A's role may read: AliyunOSSReadOnlyAccess, or a custom policy (prefixes need one bucket).
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(tag = "kind"))]
pub enum TutorialPermission {
    #[cfg_attr(test, ts(rename = "system"))]
    System(KindOnly),
    #[cfg_attr(test, ts(rename = "custom"))]
    Custom(Box<CustomPermission>),
}

#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable, rename = "TutorialCustomPermission"))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomPermission {
    #[cfg_attr(test, ts(skip))]
    pub kind: IgnoredAny,
    #[cfg_attr(test, ts(as = "Vec<String>", optional = false))]
    pub buckets: Option<Later<Vec<String>>>,
    #[cfg_attr(test, ts(as = "Option<Vec<String>>"))]
    pub prefixes: Option<Later<Vec<String>>>,
    /// Default `<roleName>-oss-read` (dots as dashes).
    #[cfg_attr(test, ts(as = "Option<String>"))]
    pub policy_name: Option<Later<String>>,
}
