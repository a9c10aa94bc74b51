//! The OSS reads with the role session: ListBuckets and ListObjects, and when OSS refuses, the
//! policy the cloud named, else the role's policies as RoleHop reads them.

use super::common::Read;
use super::cx::Cx;
use super::denial::{self, Decode};
use super::fixes::oss_snippet;
use crate::api::ApiResult;
use crate::checks::check::CheckId;
use crate::checks::details::Found;
use crate::checks::known::{bucket_names, id};
use crate::checks::report::{Cause, CheckFinding, CheckFix, Status};
use crate::message::ChecksMessage as M;
use crate::tutorial::TutorialStep;

fn after_assume(cx: &Cx) -> Option<CheckFinding> {
    cx.unless_passed(CheckId::AssumeRole)
}

fn role_lacks_oss(cx: &Cx, what: M) -> CheckFinding {
    let role = cx.known.role_name.clone().unwrap_or_default();
    // A's side simulated the role's policies and they allow it: something else refuses.
    if cx.status(CheckId::RoleOssAccess) == Some(Status::Pass) {
        let bucket = cx.known.inputs.bucket.clone().unwrap_or_default();
        return CheckFinding::fail(
            Cause::RoleLacksOssPolicy,
            TutorialStep::RoleInA,
            what.then(M::DenyElsewhere {}),
            CheckFix::new(M::DenyElsewhereFix { bucket, role }),
        );
    }
    CheckFinding::fail(
        Cause::RoleLacksOssPolicy,
        TutorialStep::RoleInA,
        what,
        CheckFix::new(M::GrantOssFix { role }).with_snippet(oss_snippet(cx)),
    )
}

/// OSS said AccessDenied to request `rid`: the policy the cloud named (`said` leads), else
/// the role's policies as RoleHop reads them (`inferred` leads).
fn oss_denied(cx: &Cx, rid: &str, said: M, inferred: M) -> CheckFinding {
    let denial = cx.denial(rid);
    if denial.as_ref().is_some_and(|d| d.decode == Decode::Pending) {
        return CheckFinding::pending();
    }
    let action = format!("oss:{}", rid.trim_start_matches("b."));
    if let Some(f) = denial
        .as_ref()
        .and_then(|d| denial::oss_refused(cx, d, said, &action))
    {
        return f;
    }
    denial::inferred(role_lacks_oss(cx, inferred), denial.as_ref())
}

pub fn list_buckets(cx: &Cx) -> CheckFinding {
    if let Some(blocked) = after_assume(cx) {
        return blocked;
    }
    let read = cx.read(id::B_BUCKETS);
    let evidence = cx.evidence(id::B_BUCKETS);
    let role = cx.known.role_name.clone().unwrap_or_default();
    let finding = match read {
        Read::Success(ApiResult::Buckets(result)) => {
            let names = bucket_names(result);
            let summary = if names.is_empty() {
                M::BucketsNone {}
            } else {
                M::BucketsListed {
                    count: names.len(),
                    names: Box::new(M::list(&names)),
                }
            };
            let missing = cx
                .known
                .inputs
                .bucket
                .as_ref()
                .filter(|bucket| !names.contains(bucket))
                .map(|bucket| M::NotAmong {
                    bucket: bucket.clone(),
                });
            CheckFinding::pass(summary.then_some(missing))
                .with_details(Found::Buckets { buckets: names })
        }
        Read::Api(e) if e.code == "AccessDenied" && e.endpoint.is_none() => oss_denied(
            cx,
            id::B_BUCKETS,
            M::OssRefusedBuckets {},
            M::BucketsRefused { role },
        ),
        other => return cx.unavailable(id::B_BUCKETS, &other),
    };
    finding.with_evidence(evidence)
}

pub fn list_objects(cx: &Cx) -> CheckFinding {
    if let Some(blocked) = after_assume(cx) {
        return blocked;
    }
    let inputs = cx.known.inputs;
    let bucket = inputs.bucket.clone().unwrap_or_default();
    let prefix = inputs.prefix.clone().unwrap_or_default();
    let place = if prefix.is_empty() {
        bucket.clone()
    } else {
        format!("{bucket}/{prefix}")
    };
    let read = cx.read(id::B_OBJECTS);
    let evidence = cx.evidence(id::B_OBJECTS);
    let listed = match cx.known.facts.success(id::B_BUCKETS) {
        Some(ApiResult::Buckets(result)) => Some(bucket_names(result)),
        _ => None,
    };
    let role = cx.known.role_name.clone().unwrap_or_default();
    let finding = match read {
        Read::Success(ApiResult::Objects(result)) => {
            let keys: Vec<String> = result.contents.iter().map(|o| o.key.clone()).collect();
            let prefixes = result.common_prefixes.len();
            let summary = if keys.is_empty() {
                M::ObjectsNone { place }
            } else {
                M::ObjectsListed {
                    place,
                    count: keys.len(),
                    keys: Box::new(M::list(&keys)),
                }
            };
            CheckFinding::pass(summary).with_details(Found::Objects {
                keys,
                common_prefixes: prefixes,
            })
        }
        Read::Api(e) if e.code == "NoSuchBucket" => {
            let a_buckets = listed
                .as_ref()
                .filter(|names| !names.is_empty())
                .map(|names| M::ABuckets {
                    names: Box::new(M::list(names)),
                });
            CheckFinding::fail(
                Cause::NoSuchBucket,
                TutorialStep::Verify,
                M::NoSuchBucket { bucket }.then_some(a_buckets.clone()),
                CheckFix::new(M::NoSuchBucketFix {}.then_some(a_buckets)),
            )
        }
        Read::Api(e) if e.code == "AccessDenied" && e.endpoint.is_none() => match &listed {
            Some(names) if !names.contains(&bucket) => CheckFinding::fail(
                Cause::BucketNotInAccount,
                TutorialStep::Verify,
                M::NotABucket {
                    bucket,
                    names: Box::new(M::list(names)),
                },
                CheckFix::new(M::NotABucketFix {
                    names: Box::new(M::list(names)),
                }),
            ),
            _ => oss_denied(
                cx,
                id::B_OBJECTS,
                M::OssRefusedObjects {
                    place: place.clone(),
                },
                M::ObjectsRefused { place, role },
            ),
        },
        other => return cx.unavailable(id::B_OBJECTS, &other),
    };
    finding.with_evidence(evidence)
}
