//! The checked input, as the steps and "Do it for me" read it: who is reading, both accounts,
//! the role, its trust and permission, B's user and B's AssumeRole policy.

/// Who is reading: company A (the role's account), company B (the user's), or B's user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "TutorialAudience", rename_all = "kebab-case"))]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    CompanyA,
    CompanyB,
    BUser,
}

impl Audience {
    pub fn name(self) -> &'static str {
        match self {
            Audience::CompanyA => "company-a",
            Audience::CompanyB => "company-b",
            Audience::BUser => "b-user",
        }
    }
}

/// `cn`: aliyun.com consoles; `intl`: alibabacloud.com (the profile module's site).
pub use crate::profile::Site;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub uid: String,
    pub alias: Option<String>,
}

impl Account {
    /// What the Switch Role page takes: the enterprise alias when known, else the UID.
    pub fn parent_alias(&self) -> &str {
        self.alias.as_deref().unwrap_or(&self.uid)
    }

    /// `<alias or uid>.onaliyun.com`: the account's default domain (RAM logon names end in it).
    pub fn default_domain(&self) -> String {
        format!("{}.onaliyun.com", self.parent_alias())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// Every RAM user and role of B (`acs:ram::<B>:root`), as the console creates it.
    Account,
    /// Only these users and roles of B.
    Principals {
        users: Vec<String>,
        roles: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Permission {
    /// AliyunOSSReadOnlyAccess.
    System,
    /// A custom policy scoped to buckets (and prefixes of one bucket).
    Custom {
        buckets: Vec<String>,
        prefixes: Vec<String>,
        policy_name: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssumePolicy {
    /// AliyunSTSAssumeRoleAccess (any role).
    System,
    /// A custom policy allowing sts:AssumeRole on the one role ARN.
    Scoped { policy_name: String },
}

pub const OSS_READ_ONLY: &str = "AliyunOSSReadOnlyAccess";
pub const STS_ASSUME_ROLE: &str = "AliyunSTSAssumeRoleAccess";

/// The checked input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    pub audience: Option<Audience>,
    pub a: Account,
    pub b: Account,
    pub role_name: String,
    pub trust: Trust,
    pub permission: Permission,
    /// B's RAM user (given, or the first user the trust names).
    pub user_name: Option<String>,
    pub assume: AssumePolicy,
    pub site: Site,
}

impl Setup {
    pub fn role_arn(&self) -> String {
        format!("acs:ram::{}:role/{}", self.a.uid, self.role_name)
    }

    /// The permission policy attached to the role: (name, `System` | `Custom`).
    pub fn permission_policy(&self) -> (&str, &'static str) {
        match &self.permission {
            Permission::System => (OSS_READ_ONLY, "System"),
            Permission::Custom { policy_name, .. } => (policy_name, "Custom"),
        }
    }

    /// The policy attached to B's user: (name, `System` | `Custom`).
    pub fn assume_policy(&self) -> (&str, &'static str) {
        match &self.assume {
            AssumePolicy::System => (STS_ASSUME_ROLE, "System"),
            AssumePolicy::Scoped { policy_name } => (policy_name, "Custom"),
        }
    }

    /// `alice@<B's default domain>`.
    pub fn logon_name(&self) -> Option<String> {
        self.user_name
            .as_ref()
            .map(|u| format!("{u}@{}", self.b.default_domain()))
    }
}
