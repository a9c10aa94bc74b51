//! A refusal in the cloud's own words: the AccessDeniedDetail (or OSS's EC code) of a refused
//! request, sharpened by RAM DecodeDiagnosticMessage when RoleHop may call it. This is the first
//! evidence of a refusal's diagnosis; without it the checks reason from what they could read.

use super::common::Read;
use super::cx::Cx;
use super::fixes::{not_trusted, oss_snippet, user_lacks};
use crate::api::{AccessDeniedDetail, ApiResult, DeniedPolicyType, NoPermissionType};
use crate::checks::details::{DecodeStatus, DeniedBy, Details};
use crate::checks::graph::{decode_credentials, Creds};
use crate::checks::known::id;
use crate::checks::report::{Basis, Cause, CheckFinding, CheckFix};
use crate::message::ChecksMessage as M;
use crate::tutorial::TutorialStep;

/// OSS's EC codes `0003-000001xx`: a bucket policy refused the request.
const BUCKET_POLICY_EC: &str = "0003-000001";
/// What OSS says when the session policy refused the request.
const SESSION_POLICY_MESSAGE: &str = "authorizer's policy";

/// Where decoding the refusal's encoded message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decode {
    /// The refusal carried no encoded message.
    NoMessage,
    Pending,
    Decoded,
    /// The decoding identity may not call ram:DecodeDiagnosticMessage.
    Refused(Creds),
    /// Decoding failed otherwise (network, service): the cloud's detail stands alone.
    Failed,
}

impl Decode {
    fn status(self) -> DecodeStatus {
        match self {
            Decode::NoMessage => DecodeStatus::NoMessage,
            Decode::Pending => DecodeStatus::Pending,
            Decode::Decoded => DecodeStatus::Decoded,
            Decode::Refused(_) => DecodeStatus::Refused,
            Decode::Failed => DecodeStatus::Failed,
        }
    }
}

/// What the cloud said about one refusal.
#[derive(Debug, Clone)]
pub struct Denial {
    /// The detail, the decoded message's facts taking precedence.
    pub detail: AccessDeniedDetail,
    /// OSS's EC code names a bucket policy.
    pub bucket_policy: bool,
    pub decode: Decode,
}

impl Denial {
    /// The policy the cloud named, when it named one.
    pub fn policy_type(&self) -> Option<DeniedPolicyType> {
        self.detail.policy_type
    }

    pub fn explicit(&self) -> bool {
        self.detail.no_permission_type == Some(NoPermissionType::ExplicitDeny)
    }

    /// Whether the cloud said which policy refused.
    pub fn is_exact(&self) -> bool {
        self.detail.policy_type.is_some() || self.bucket_policy
    }

    pub fn basis(&self) -> Basis {
        match (self.is_exact(), self.decode) {
            (false, _) => Basis::Inferred,
            (true, Decode::Decoded) => Basis::Decoded,
            (true, _) => Basis::CloudDetail,
        }
    }

    /// The facts as the report's details show them.
    pub fn details(&self) -> DeniedBy {
        DeniedBy::new(&self.detail, self.bucket_policy, self.decode.status())
    }

    /// One sentence with the cloud's facts (what was refused, by which policy, to whom).
    pub fn facts(&self, action: &str, principal: &str) -> Option<M> {
        let d = &self.detail;
        let policy = d.policy_type?;
        let deny = match d.no_permission_type {
            Some(NoPermissionType::ExplicitDeny) => "ExplicitDeny",
            _ => "ImplicitDeny",
        };
        let says = M::CloudSays {
            policy_type: policy.name().to_string(),
            deny: deny.to_string(),
            action: d.auth_action.clone().unwrap_or_else(|| action.to_string()),
            principal: d
                .auth_principal_display_name
                .clone()
                .unwrap_or_else(|| principal.to_string()),
        };
        Some(
            says.then_some(
                d.auth_resource
                    .clone()
                    .map(|resource| M::CloudSaysResource { resource }),
            ),
        )
    }

    /// What the diagnosis rests on, and which permission would make it exact (or more so).
    pub fn basis_note(&self) -> M {
        let basis = match self.basis() {
            Basis::CloudDetail => M::BasisCloud {},
            Basis::Decoded => M::BasisDecoded {},
            Basis::Inferred => M::BasisInferred {},
        };
        match self.decode {
            Decode::Refused(creds) => basis.then(M::DecodeRefused {
                whose: Box::new(creds.whose()),
            }),
            _ => basis,
        }
    }
}

impl<'a> Cx<'a> {
    /// The cloud's words about `source`'s refusal, when its last answer was refused with any
    /// (detail, a bucket policy's EC code, the session policy's message).
    pub fn denial(&self, source: &str) -> Option<Denial> {
        let Read::Api(e) = self.read(source) else {
            return None;
        };
        let mut detail = e.denied.as_deref().cloned().unwrap_or_default();
        if detail.policy_type.is_none() && e.message.contains(SESSION_POLICY_MESSAGE) {
            detail.policy_type = Some(DeniedPolicyType::SessionPolicy);
        }
        let bucket_policy = detail.policy_type.is_none()
            && e.ec
                .as_deref()
                .is_some_and(|ec| ec.starts_with(BUCKET_POLICY_EC));
        let decode_id = id::DECODES
            .iter()
            .find(|(_, s)| *s == source)
            .map(|(d, _)| *d)?;
        let decode = match self.read(decode_id) {
            Read::Pending => Decode::Pending,
            Read::NotSent => Decode::NoMessage,
            Read::Success(ApiResult::Decoded(result)) => {
                merge(&mut detail, result.decoded_diagnostic_message.clone());
                Decode::Decoded
            }
            Read::Success(_) => Decode::Failed,
            Read::Api(f) if is_refusal(&f.code) => {
                Decode::Refused(decode_credentials(self.known, source))
            }
            Read::Api(_) | Read::Unavailable(_) => Decode::Failed,
        };
        let said = detail != AccessDeniedDetail::default() || bucket_policy;
        said.then_some(Denial {
            detail,
            bucket_policy,
            decode,
        })
    }
}

fn is_refusal(code: &str) -> bool {
    let family = code.split('.').next().unwrap_or(code);
    matches!(family, "NoPermission" | "Forbidden" | "AccessDenied")
}

/// The decoded facts over the detail's.
fn merge(detail: &mut AccessDeniedDetail, decoded: AccessDeniedDetail) {
    fn over<T>(to: &mut Option<T>, from: Option<T>) {
        if from.is_some() {
            *to = from;
        }
    }
    over(&mut detail.policy_type, decoded.policy_type);
    over(&mut detail.no_permission_type, decoded.no_permission_type);
    over(&mut detail.auth_action, decoded.auth_action);
    over(&mut detail.auth_resource, decoded.auth_resource);
    over(&mut detail.auth_principal_type, decoded.auth_principal_type);
    over(
        &mut detail.auth_principal_owner_id,
        decoded.auth_principal_owner_id,
    );
    over(
        &mut detail.auth_principal_display_name,
        decoded.auth_principal_display_name,
    );
}

/// A refused AssumeRole, from the cloud's words; `None` when it named no policy.
pub fn assume_refused(cx: &Cx, denial: &Denial, role: &str) -> Option<CheckFinding> {
    let known = cx.known;
    let principal = known.b_principal().unwrap_or_default();
    let action = "sts:AssumeRole";
    let finding = match denial.policy_type()? {
        DeniedPolicyType::AssumeRolePolicy if denial.explicit() => CheckFinding::fail(
            Cause::TrustPolicyDenies,
            TutorialStep::RoleInA,
            M::TrustDeny {
                role: role.to_string(),
                principal: principal.clone(),
            },
            CheckFix::new(M::TrustDenyFix {
                role: known.role_name.clone().unwrap_or_default(),
                principal: principal.clone(),
            }),
        ),
        DeniedPolicyType::AssumeRolePolicy => not_trusted(
            cx,
            Some(M::TrustRefuses {
                principal: principal.clone(),
            }),
        ),
        DeniedPolicyType::AccountLevelIdentityBasedPolicy if denial.explicit() => deny_statement(
            Cause::UserPolicyDenies,
            TutorialStep::UserInB,
            &principal,
            action,
            role,
        ),
        DeniedPolicyType::AccountLevelIdentityBasedPolicy => {
            user_lacks(cx, role, M::CloudNoAllow {})
        }
        other => outside(
            denial,
            other,
            TutorialStep::UserInB,
            &principal,
            action,
            role,
        )?,
    };
    Some(finished(finding, denial, action, &principal))
}

/// A refused OSS read (`what` says which), from the cloud's words; `None` when it named no
/// policy that concerns the role session.
pub fn oss_refused(cx: &Cx, denial: &Denial, what: M, action: &str) -> Option<CheckFinding> {
    let known = cx.known;
    let role = known.role_name.clone().unwrap_or_default();
    let who = known.role_arn.clone().unwrap_or_else(|| role.clone());
    let bucket = known.inputs.bucket.clone().unwrap_or_default();
    let resource = if bucket.is_empty() {
        "*".to_string()
    } else {
        bucket.clone()
    };
    let finding = match denial.policy_type() {
        None if denial.bucket_policy => CheckFinding::fail(
            Cause::BucketPolicyDenies,
            TutorialStep::RoleInA,
            what.then(M::BucketPolicyDenies {
                bucket: bucket.clone(),
                who: who.clone(),
            }),
            CheckFix::new(M::BucketPolicyFix {
                bucket,
                who: who.clone(),
            }),
        ),
        None | Some(DeniedPolicyType::AssumeRolePolicy) => return None,
        Some(DeniedPolicyType::AccountLevelIdentityBasedPolicy) if denial.explicit() => {
            let f = deny_statement(
                Cause::RolePolicyDenies,
                TutorialStep::RoleInA,
                &who,
                action,
                &resource,
            );
            CheckFinding {
                summary: what.then(f.summary.clone()),
                ..f
            }
        }
        Some(DeniedPolicyType::AccountLevelIdentityBasedPolicy) => CheckFinding::fail(
            Cause::RoleLacksOssPolicy,
            TutorialStep::RoleInA,
            what.then(M::CloudNoAllow {}),
            CheckFix::new(M::GrantOssFix { role }).with_snippet(oss_snippet(cx)),
        ),
        Some(other) => {
            let f = outside(
                denial,
                other,
                TutorialStep::RoleInA,
                &who,
                action,
                &resource,
            )?;
            CheckFinding {
                summary: what.then(f.summary.clone()),
                ..f
            }
        }
    };
    Some(finished(finding, denial, action, &who))
}

/// An explicit Deny in the identity's own policies: named as a Deny, not a missing Allow.
fn deny_statement(
    cause: Cause,
    step: TutorialStep,
    who: &str,
    action: &str,
    resource: &str,
) -> CheckFinding {
    CheckFinding::fail(
        cause,
        step,
        M::DenyStatement {
            who: who.to_string(),
            action: action.to_string(),
            resource: resource.to_string(),
        },
        CheckFix::new(M::DenyStatementFix {
            who: who.to_string(),
            action: action.to_string(),
        }),
    )
}

/// Policies outside the tutorial's steps: a resource group's scope, a control policy, the
/// session policy.
fn outside(
    denial: &Denial,
    policy: DeniedPolicyType,
    step: TutorialStep,
    who: &str,
    action: &str,
    resource: &str,
) -> Option<CheckFinding> {
    let (who, action, resource) = (who.to_string(), action.to_string(), resource.to_string());
    Some(match policy {
        DeniedPolicyType::ResourceGroupLevelIdentityBasedPolicy if denial.explicit() => {
            CheckFinding::fail(
                Cause::ResourceGroupScope,
                step,
                M::GroupDeny {
                    who: who.clone(),
                    action: action.clone(),
                    resource,
                },
                CheckFix::new(M::GroupDenyFix { who, action }),
            )
        }
        // Only a bucket can be in a resource group: the grant can follow it, or cover the account.
        DeniedPolicyType::ResourceGroupLevelIdentityBasedPolicy
            if in_a_group(&action, &resource) =>
        {
            CheckFinding::fail(
                Cause::ResourceGroupScope,
                step,
                M::GroupScope {
                    who: who.clone(),
                    action,
                    resource: resource.clone(),
                },
                CheckFix::new(M::GroupScopeFix { who, resource }),
            )
        }
        DeniedPolicyType::ResourceGroupLevelIdentityBasedPolicy => CheckFinding::fail(
            Cause::ResourceGroupScope,
            step,
            M::GroupScopeAccount {
                who: who.clone(),
                action: action.clone(),
            },
            CheckFix::new(M::GroupScopeAccountFix { who, action }),
        ),
        DeniedPolicyType::ControlPolicy => {
            let account = denial
                .detail
                .auth_principal_owner_id
                .clone()
                .or_else(|| account_of(&who))
                .unwrap_or_default();
            CheckFinding::fail(
                Cause::ControlPolicyDenies,
                step,
                M::ControlDenies {
                    account: account.clone(),
                    action: action.clone(),
                },
                CheckFix::new(M::ControlDeniesFix { account, action }),
            )
        }
        // The session policy is passed when switching (step 3), whichever request it refuses.
        DeniedPolicyType::SessionPolicy => CheckFinding::fail(
            Cause::SessionPolicyDenies,
            TutorialStep::SwitchRole,
            M::SessionDenies {
                action: action.clone(),
            },
            CheckFix::new(M::SessionDeniesFix { action }),
        ),
        DeniedPolicyType::AssumeRolePolicy | DeniedPolicyType::AccountLevelIdentityBasedPolicy => {
            return None
        }
    })
}

/// Whether `action` on `resource` acts on something a resource group can hold: a bucket (and its
/// objects). A RAM role, or the account's list of buckets, is in no resource group.
fn in_a_group(action: &str, resource: &str) -> bool {
    action.starts_with("oss:") && !action.eq_ignore_ascii_case("oss:ListBuckets") && resource != "*"
}

/// The account UID in `acs:ram::<uid>:...`.
fn account_of(arn: &str) -> Option<String> {
    arn.strip_prefix("acs:ram::")?
        .split(':')
        .next()
        .filter(|uid| !uid.is_empty())
        .map(str::to_string)
}

/// Adds the cloud's facts, the basis and the decode note to a finding from the detail.
fn finished(mut f: CheckFinding, denial: &Denial, action: &str, principal: &str) -> CheckFinding {
    f.summary = f
        .summary
        .then_some(denial.facts(action, principal))
        .then(denial.basis_note());
    f.details = Some(Details::refused(f.details.take(), denial.details()));
    f.with_basis(denial.basis())
}

/// RoleHop's own finding that the cloud's words confirm (they name the same policy).
pub fn confirmed(f: CheckFinding, denial: &Denial) -> CheckFinding {
    let principal = denial
        .detail
        .auth_principal_display_name
        .clone()
        .unwrap_or_default();
    let action = denial.detail.auth_action.clone().unwrap_or_default();
    finished(f, denial, &action, &principal)
}

/// The fallback: RoleHop's own reasoning, said as such (with the decode note when one helps).
pub fn inferred(mut f: CheckFinding, denial: Option<&Denial>) -> CheckFinding {
    let note = match denial {
        Some(d) => d.basis_note(),
        None => M::BasisInferred {},
    };
    f.summary = f.summary.then(note);
    if let Some(d) = denial {
        f.details = Some(Details::refused(f.details.take(), d.details()));
    }
    f.with_basis(Basis::Inferred)
}
