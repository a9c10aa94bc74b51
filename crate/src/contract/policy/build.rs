//! `policyBuild`: trust, OSS read-only, AssumeRole and PostObject documents.

use super::values::{optional_bool, string_array, to_value};
use crate::error::{Error, ErrorKind, Result};
use crate::fields::{parse_object, Object};
use crate::message::PolicyMessage;
use crate::policy::build::{self, Built, OssReadSpec, OssScope, PostObjectSpec, TrustSpec};
use crate::policy::lint::{lint as lint_text, Intent, LintOptions};
use crate::policy::path::Path;
use crate::policy::{to_compact, to_pretty};
use crate::sign::post_policy;
use crate::time::UtcTime;
use serde_json::{json, Map, Value};

/// `policyBuild`: `{"kind": "trust" | "oss-read-only" | "assume-role" | "post-object", ...}`.
pub fn build(input: &str) -> Result<Value> {
    super::limits::check_input(input)?;
    let req = parse_object(input)?;
    let built = match req.required_str("kind")? {
        "trust" => build::trust_policy(&TrustSpec {
            account: req.optional_str("account")?.map(str::to_string),
            users: string_array(&req, "users")?,
            roles: string_array(&req, "roles")?,
            external_id: req.optional_str("externalId")?.map(str::to_string),
            services: string_array(&req, "services")?,
        })?,
        "oss-read-only" => build::oss_read_only(&oss_read_spec(&req)?)?,
        "assume-role" => {
            let arn = match (req.optional_str("roleArn")?, req.optional_str("roleName")?) {
                (Some(arn), None) => arn.to_string(),
                (None, Some(name)) => {
                    format!("acs:ram::{}:role/{name}", req.required_str("account")?)
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
    Ok(built_value(&req, &built))
}

fn oss_read_spec(req: &Object) -> Result<OssReadSpec> {
    let buckets = string_array(req, "buckets")?;
    let bucket = req.optional_str("bucket")?.map(str::to_string);
    let prefix = req.optional_str("prefix")?.map(str::to_string);
    let scope = match (bucket, prefix) {
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
        (None, None) if req.get("buckets").is_some() => OssScope::Buckets(buckets),
        (None, None) => OssScope::Account,
    };
    Ok(OssReadSpec {
        account: req.required_str("account")?.to_string(),
        scope,
        console: optional_bool(req, "console")?.unwrap_or(true),
    })
}

fn built_value(req: &Object, built: &Built) -> Value {
    let pretty = to_pretty(&built.policy);
    let compact = to_compact(&built.policy);
    let statements: Vec<Value> = built
        .purposes
        .iter()
        .enumerate()
        .map(|(i, purpose)| json!({ "index": i, "path": Path::root().key("Statement").index(i).to_string(), "purpose": purpose }))
        .collect();
    let options = LintOptions {
        kind: Some(built.kind),
        intent: if req.map.get("kind").and_then(Value::as_str) == Some("oss-read-only") {
            Intent::ReadOnly
        } else {
            Intent::Any
        },
        trusted_principals: Vec::new(),
    };
    let report = lint_text(&pretty, &options);
    let policy: Value = serde_json::from_str(&compact).unwrap_or(Value::Null);
    json!({
        "kind": req.map.get("kind").cloned().unwrap_or(Value::Null),
        "policyKind": built.kind.name(),
        "policy": policy,
        "text": pretty,
        "compact": compact,
        "size": compact.chars().count(),
        "statements": statements,
        "findings": to_value(&report.findings),
    })
}

fn build_post_object(req: &Object) -> Result<Value> {
    let expiration = match (req.optional_str("expiration")?, req.optional_str("now")?) {
        (Some(e), None) => e.to_string(),
        (None, Some(now)) => {
            let now = UtcTime::parse_iso8601(now).map_err(|m| Error::invalid_said("$.now", m))?;
            let seconds = req.required_i64("expiresIn")?;
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
    let range = match req.get("contentLengthRange") {
        None => None,
        Some(Value::Array(items)) if items.len() == 2 => {
            match (items[0].as_u64(), items[1].as_u64()) {
                (Some(min), Some(max)) => Some((min, max)),
                _ => {
                    return Err(Error::invalid_said(
                        "$.contentLengthRange",
                        PolicyMessage::BadLengthRange {},
                    ))
                }
            }
        }
        Some(_) => {
            return Err(Error::invalid_said(
                "$.contentLengthRange",
                PolicyMessage::BadLengthRange {},
            ))
        }
    };
    let spec = PostObjectSpec {
        expiration,
        bucket: req.required_str("bucket")?.to_string(),
        key: req.optional_str("key")?.map(str::to_string),
        key_prefix: req.optional_str("keyPrefix")?.map(str::to_string),
        content_length_range: range,
        content_type_prefix: req.optional_str("contentType")?.map(str::to_string),
        success_action_status: req.optional_str("successActionStatus")?.map(str::to_string),
    };
    let text = build::post_object_policy(&spec)?;
    let mut out = json!({
        "kind": "post-object",
        "policy": serde_json::from_str::<Value>(&text).unwrap_or(Value::Null),
        "policyText": text,
        "expiration": spec.expiration,
    });
    if let Some(id) = req.optional_str("accessKeyId")? {
        let secret = req.required_str("accessKeySecret")?;
        let signed = post_policy::sign(&text, id, secret)?;
        let mut fields = Map::new();
        fields.insert(
            "key".into(),
            Value::String(spec.key.clone().unwrap_or_else(|| {
                format!(
                    "{}${{filename}}",
                    spec.key_prefix.clone().unwrap_or_default()
                )
            })),
        );
        fields.insert("policy".into(), Value::String(signed.policy));
        fields.insert("OSSAccessKeyId".into(), Value::String(signed.access_key_id));
        fields.insert("Signature".into(), Value::String(signed.signature));
        if let Some(status) = &spec.success_action_status {
            fields.insert(
                "success_action_status".into(),
                Value::String(status.clone()),
            );
        }
        if let Some(token) = req.optional_str("securityToken")? {
            fields.insert(
                "x-oss-security-token".into(),
                Value::String(token.to_string()),
            );
        }
        out["fields"] = Value::Object(fields);
    }
    Ok(out)
}
