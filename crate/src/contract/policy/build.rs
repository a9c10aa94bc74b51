//! `policyBuild`: trust, OSS read-only, AssumeRole and PostObject documents.

use super::build_answer::{BuiltDocument, BuiltPostObject, PostObjectForm, StatementPurpose};
use super::build_input::{
    ExpiresIn, ExpiryFields, KeyId, KeySecret, OssAccountFields, OssScopeFields, RoleAccount,
    RoleFields, SecurityToken, TrustInput, UploadFields,
};
use super::values::to_value;
use crate::error::{Error, ErrorKind, Result};
use crate::message::PolicyMessage;
use crate::policy::build::{self, Built, OssReadSpec, OssScope, PostObjectSpec, TrustSpec};
use crate::policy::lint::{lint as lint_text, Intent, LintOptions};
use crate::policy::path::Path;
use crate::policy::{to_compact, to_pretty};
use crate::read::{self, read_value};
use crate::sign::post_policy;
use crate::time::UtcTime;
use serde_json::Value;

/// `policyBuild`: `{"kind": "trust" | "oss-read-only" | "assume-role" | "post-object", ...}`.
pub fn build(input: &str) -> Result<Value> {
    super::limits::check_input(input)?;
    let req = read::parse_json(input)?;
    let kind = read::tag(&req, "$", "kind")?;
    let built = match kind {
        "trust" => {
            let t: TrustInput = read_value(&req, "$", None)?;
            build::trust_policy(&TrustSpec {
                account: t.account,
                users: t.users.unwrap_or_default().0,
                roles: t.roles.unwrap_or_default().0,
                external_id: t.external_id,
                services: t.services.unwrap_or_default().0,
            })?
        }
        "oss-read-only" => build::oss_read_only(&oss_read_spec(&req)?)?,
        "assume-role" => {
            let role: RoleFields = read_value(&req, "$", None)?;
            let arn = match (role.role_arn, role.role_name) {
                (Some(arn), None) => arn,
                (None, Some(name)) => {
                    let owner: RoleAccount = read_value(&req, "$", None)?;
                    format!("acs:ram::{}:role/{name}", owner.account)
                }
                (Some(_), Some(_)) => {
                    return Err(Error::invalid_said(
                        "$.roleName",
                        PolicyMessage::AssumeRoleBoth {},
                    ))
                }
                (None, None) => {
                    return Err(Error::said(
                        ErrorKind::MissingField,
                        PolicyMessage::AssumeRoleMissing {},
                    )
                    .at("$.roleArn"))
                }
            };
            build::assume_role(&arn)?
        }
        "post-object" => return build_post_object(&req),
        other => {
            return Err(Error::said(
                ErrorKind::Unsupported,
                PolicyMessage::BuildKindUnknown {
                    value: other.to_string(),
                },
            )
            .at("$.kind"))
        }
    };
    Ok(built_value(kind, &built))
}

/// The scope first: its faults are told before the account is read.
fn oss_read_spec(req: &Value) -> Result<OssReadSpec> {
    let fields: OssScopeFields = read_value(req, "$", None)?;
    let given = fields.buckets.is_some();
    let buckets = fields.buckets.unwrap_or_default().0;
    let scope = match (fields.bucket, fields.prefix) {
        (Some(b), Some(p)) if buckets.is_empty() => OssScope::Prefix {
            bucket: b,
            prefix: p,
        },
        (None, Some(p)) if buckets.len() == 1 => OssScope::Prefix {
            bucket: buckets[0].clone(),
            prefix: p,
        },
        (None, Some(_)) => {
            return Err(
                Error::said(ErrorKind::MissingField, PolicyMessage::PrefixNeedsBucket {})
                    .at("$.bucket"),
            )
        }
        (Some(b), None) if buckets.is_empty() => OssScope::Buckets(vec![b]),
        (Some(_), _) => {
            return Err(Error::invalid_said(
                "$.bucket",
                PolicyMessage::BucketAndBuckets {},
            ))
        }
        (None, None) if given => OssScope::Buckets(buckets),
        (None, None) => OssScope::Account,
    };
    let owner: OssAccountFields = read_value(req, "$", None)?;
    Ok(OssReadSpec {
        account: owner.account,
        scope,
        console: owner.console.map_or(true, |c| c.0),
    })
}

fn built_value(kind: &str, built: &Built) -> Value {
    let pretty = to_pretty(&built.policy);
    let compact = to_compact(&built.policy);
    let statements = (built.purposes.iter().enumerate())
        .map(|(index, purpose)| StatementPurpose {
            index,
            path: Path::root().key("Statement").index(index).to_string(),
            purpose: purpose.clone(),
        })
        .collect();
    let options = LintOptions {
        kind: Some(built.kind),
        intent: if kind == "oss-read-only" {
            Intent::ReadOnly
        } else {
            Intent::Any
        },
        trusted_principals: Vec::new(),
    };
    let report = lint_text(&pretty, &options);
    to_value(&BuiltDocument {
        kind: kind.to_string(),
        policy_kind: built.kind.name(),
        policy: serde_json::from_str(&compact).unwrap_or(Value::Null),
        size: compact.chars().count(),
        text: pretty,
        compact,
        statements,
        findings: report.findings,
    })
}

/// Read as the document needs it: the expiry, the upload's terms, then (after the policy is
/// built) the keys.
fn build_post_object(req: &Value) -> Result<Value> {
    let expiry: ExpiryFields = read_value(req, "$", None)?;
    let expiration = match (expiry.expiration, expiry.now) {
        (Some(e), None) => e,
        (None, Some(now)) => {
            let now = UtcTime::parse_iso8601(&now).map_err(|m| Error::invalid_said("$.now", m))?;
            let seconds = read_value::<ExpiresIn>(req, "$", None)?.expires_in;
            if !(1..=7 * 24 * 3600).contains(&seconds) {
                return Err(Error::invalid_said(
                    "$.expiresIn",
                    PolicyMessage::BadExpiresIn {
                        value: seconds.to_string(),
                    },
                ));
            }
            UtcTime {
                unix: now.unix + seconds,
            }
            .to_iso8601()
        }
        (Some(_), Some(_)) => {
            return Err(Error::invalid_said(
                "$.now",
                PolicyMessage::NowAndExpiration {},
            ))
        }
        (None, None) => {
            return Err(
                Error::said(ErrorKind::MissingField, PolicyMessage::MissingExpiration {})
                    .at("$.expiration"),
            )
        }
    };
    let upload: UploadFields = read_value(req, "$", None)?;
    let spec = PostObjectSpec {
        expiration,
        bucket: upload.bucket,
        key: upload.key,
        key_prefix: upload.key_prefix,
        content_length_range: upload.content_length_range.map(|r| (r.0, r.1)),
        content_type_prefix: upload.content_type,
        success_action_status: upload.success_action_status,
    };
    let text = build::post_object_policy(&spec)?;
    let mut out = BuiltPostObject {
        kind: "post-object",
        policy: serde_json::from_str(&text).unwrap_or(Value::Null),
        policy_text: text,
        expiration: spec.expiration,
        fields: None,
    };
    if let Some(id) = read_value::<KeyId>(req, "$", None)?.access_key_id {
        let secret = read_value::<KeySecret>(req, "$", None)?.access_key_secret;
        let signed = post_policy::sign(&out.policy_text, &id, &secret)?;
        let key = spec.key.unwrap_or_else(|| {
            let prefix = spec.key_prefix.unwrap_or_default();
            format!("{prefix}${{filename}}")
        });
        out.fields = Some(PostObjectForm {
            key,
            policy: signed.policy,
            access_key_id: signed.access_key_id,
            signature: signed.signature,
            success_action_status: spec.success_action_status,
            security_token: read_value::<SecurityToken>(req, "$", None)?.security_token,
        });
    }
    Ok(to_value(&out))
}
