//! `policyBuild`, `policyLint` and `policySimulate`: the policy engine behind the JSON contract.
//! Policy documents come as JSON text (positions in errors refer to that text) or as JSON objects.

use super::fields::{child_path, parse_object, type_name, Object};
use crate::error::{Error, ErrorKind, Result};
use crate::policy::build::{self, Built, OssReadSpec, OssScope, PostObjectSpec, TrustSpec};
use crate::policy::catalog;
use crate::policy::eval::{Context, Request, Side, Simulator, Trace};
use crate::policy::lint::{lint as lint_text, Intent, LintOptions};
use crate::policy::model::{Policy, PolicyKind};
use crate::policy::path::Path;
use crate::policy::{decode, explain, to_compact, to_pretty};
use crate::sign::post_policy;
use crate::time::UtcTime;
use serde_json::{json, Map, Value};
use std::borrow::Cow;

/// `policyLint`: `{"policy": <text or object>, "kind"?, "intent"?, "trustedPrincipals"?}` ->
/// the lint report, plus the canonical text when the policy is valid.
pub fn lint(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    let (text, from_object) = match req.get("policy") {
        None => {
            return Err(Error::missing("$.policy")
                .with_message("missing $.policy: the policy document, as JSON text or an object"))
        }
        Some(Value::String(text)) => (text.clone(), false),
        Some(doc @ Value::Object(_)) => (doc.to_string(), true),
        Some(other) => {
            return Err(Error::invalid(
                "$.policy",
                format!(
                    "a policy document is JSON text or an object, got {}",
                    type_name(other)
                ),
            ))
        }
    };
    let options = LintOptions {
        kind: optional_kind(&req)?,
        intent: match req.optional_str("intent")? {
            None | Some("any") => Intent::Any,
            Some("read-only") => Intent::ReadOnly,
            Some(other) => {
                return Err(Error::invalid(
                    "$.intent",
                    format!("intent must be \"read-only\" or \"any\", got {other:?}"),
                ))
            }
        },
        trusted_principals: string_array(&req, "trustedPrincipals")?,
    };
    let report = lint_text(&text, &options);
    let mut out = to_value(&report);
    if from_object {
        // Positions would refer to RoleHop's re-serialisation, not to anything the caller wrote.
        if let Some(findings) = out.get_mut("findings").and_then(Value::as_array_mut) {
            for f in findings.iter_mut().filter_map(Value::as_object_mut) {
                f.remove("line");
                f.remove("column");
            }
        }
    }
    if report.valid {
        if let Ok(policy) = crate::policy::parse(&text, report.kind) {
            out["canonical"] = Value::String(to_pretty(&policy));
        }
    }
    Ok(out)
}

fn optional_kind(req: &Object) -> Result<Option<PolicyKind>> {
    match req.optional_str("kind")? {
        None | Some("auto") => Ok(None),
        Some(name) => PolicyKind::from_name(name).map(Some).ok_or_else(|| {
            Error::invalid(
                "$.kind",
                format!(
                    "kind must be \"identity\", \"trust\", \"session\" or \"auto\", got {name:?}"
                ),
            )
        }),
    }
}

/// `policyBuild`: `{"kind": "trust" | "oss-read-only" | "assume-role" | "post-object", ...}`.
pub fn build(input: &str) -> Result<Value> {
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
                (None, Some(name)) => format!("acs:ram::{}:role/{name}", req.required_str("account")?),
                (Some(_), Some(_)) => return Err(Error::invalid("$.roleName", "give roleArn, or account and roleName, not both")),
                (None, None) => return Err(Error::missing("$.roleArn").with_message("missing $.roleArn (or $.account and $.roleName): the role to allow, e.g. acs:ram::<uid>:role/admin-oss")),
            };
            build::assume_role(&arn)?
        }
        "post-object" => return build_post_object(&req),
        other => {
            return Err(Error::new(
                ErrorKind::Unsupported,
                format!(
                    "unknown kind {other:?}: use trust, oss-read-only, assume-role or post-object"
                ),
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
            return Err(Error::missing("$.bucket")
                .with_message("a prefix needs exactly one bucket: give $.bucket"))
        }
        (Some(b), None) if buckets.is_empty() => OssScope::Buckets(vec![b]),
        (Some(_), _) => {
            return Err(Error::invalid(
                "$.bucket",
                "give bucket or buckets, not both",
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
        .map(|(i, (en, zh))| json!({ "index": i, "path": Path::root().key("Statement").index(i).to_string(), "purpose": en, "purposeZh": zh }))
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
            let now = UtcTime::parse_iso8601(now).map_err(|m| Error::invalid("$.now", m))?;
            let seconds = req.required_i64("expiresIn")?;
            if !(1..=7 * 24 * 3600).contains(&seconds) {
                return Err(Error::invalid("$.expiresIn", format!("expiresIn must be 1..604800 seconds, got {seconds}")));
            }
            UtcTime { unix: now.unix + seconds }.to_iso8601()
        }
        (Some(_), Some(_)) => return Err(Error::invalid("$.now", "give expiration, or now and expiresIn, not both")),
        (None, None) => return Err(Error::missing("$.expiration").with_message("missing $.expiration (or $.now and $.expiresIn): when the upload form stops working, e.g. 2026-01-01T00:00:00Z")),
    };
    let range = match req.get("contentLengthRange") {
        None => None,
        Some(Value::Array(items)) if items.len() == 2 => {
            match (items[0].as_u64(), items[1].as_u64()) {
                (Some(min), Some(max)) => Some((min, max)),
                _ => {
                    return Err(Error::invalid(
                        "$.contentLengthRange",
                        "contentLengthRange is [min, max] in bytes (non-negative integers)",
                    ))
                }
            }
        }
        Some(_) => {
            return Err(Error::invalid(
                "$.contentLengthRange",
                "contentLengthRange is [min, max] in bytes",
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

fn string_array(req: &Object, name: &str) -> Result<Vec<String>> {
    match req.get(name) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str().map(str::to_string).ok_or_else(|| {
                    Error::invalid(
                        format!("{}[{i}]", req.child(name)),
                        format!("expected a string, got {}", type_name(v)),
                    )
                })
            })
            .collect(),
        Some(other) => Err(Error::invalid(
            req.child(name),
            format!(
                "{name} must be an array of strings, got {}",
                type_name(other)
            ),
        )),
    }
}

fn optional_bool(req: &Object, name: &str) -> Result<Option<bool>> {
    match req.get(name) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(Error::invalid(
            req.child(name),
            format!("{name} must be true or false, got {}", type_name(other)),
        )),
    }
}

/// `policySimulate`: decides one request (`request`) or many (`requests`) against the given
/// identity, session and trust policies.
pub fn simulate(input: &str) -> Result<Value> {
    let req = parse_object(input)?;
    let loaded = load_policies(&req)?;
    let sim = &loaded.simulator;
    let detail = req.optional_str("detail")?.unwrap_or("full");
    if !matches!(detail, "full" | "decision") {
        return Err(Error::invalid(
            "$.detail",
            format!("detail must be \"full\" or \"decision\", got {detail:?}"),
        ));
    }
    let mut trace = Trace::default();
    let policies = json!(loaded.described);
    match (req.get("request"), req.get("requests")) {
        (Some(_), Some(_)) => Err(Error::invalid("$.requests", "give either request or requests, not both")),
        (None, None) => Err(Error::missing("$.request").with_message(
            "missing $.request: {\"principal\"?, \"action\", \"resource\", \"context\"?} (or $.requests, an array of them)",
        )),
        (Some(r), None) => {
            let request = read_request(r, "$.request")?;
            let decision = sim.decide(&request, &mut trace);
            let mut out = if detail == "full" {
                to_value(&explain(sim, &request, decision, &trace))
            } else {
                json!({ "decision": decision.name() })
            };
            out["policies"] = policies;
            Ok(out)
        }
        (None, Some(rs)) => {
            let Value::Array(items) = rs else {
                return Err(Error::invalid("$.requests", format!("requests must be an array, got {}", type_name(rs))));
            };
            let mut results = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let request = read_request(item, &format!("$.requests[{i}]"))?;
                let decision = sim.decide(&request, &mut trace);
                results.push(if detail == "full" {
                    to_value(&explain(sim, &request, decision, &trace))
                } else {
                    Value::String(decision.name().to_string())
                });
            }
            let key = if detail == "full" { "results" } else { "decisions" };
            Ok(json!({ key: results, "policies": policies }))
        }
    }
}

struct Loaded {
    simulator: Simulator,
    /// `{name, side, assumed, source}` for each policy, for the result.
    described: Vec<Value>,
}

fn load_policies(req: &Object) -> Result<Loaded> {
    let mut simulator = Simulator::new();
    let mut described = Vec::new();
    if let Some(list) = req.get("identityPolicies") {
        let Value::Array(items) = list else {
            return Err(Error::invalid(
                "$.identityPolicies",
                format!("identityPolicies must be an array of system-policy names or {{\"name\", \"document\"}} objects, got {}", type_name(list)),
            ));
        };
        simulator.include(Side::Identity);
        for (i, item) in items.iter().enumerate() {
            let path = format!("$.identityPolicies[{i}]");
            let (name, policy, assumed) = identity_entry(item, &path, i)?;
            simulator.add(&name, Side::Identity, assumed, &policy);
            described.push(describe(&name, Side::Identity, assumed));
        }
    }
    for (field, side, kind) in [
        ("sessionPolicy", Side::Session, PolicyKind::Identity),
        ("trustPolicy", Side::Trust, PolicyKind::Trust),
    ] {
        if let Some(item) = req.get(field) {
            let path = format!("$.{field}");
            let (name, policy) = document_entry(item, &path, field, kind)?;
            simulator.add(&name, side, false, &policy);
            described.push(describe(&name, side, false));
        }
    }
    Ok(Loaded {
        simulator,
        described,
    })
}

fn describe(name: &str, side: Side, assumed: bool) -> Value {
    json!({
        "name": name,
        "side": side.name(),
        "assumed": assumed,
        "source": if assumed { "catalog" } else { "document" },
    })
}

/// A string names a catalog policy; an object is `{"name"?, "document"?}` (no document: the
/// catalog entry of `name`; a document replaces it, e.g. the live text from GetPolicy).
fn identity_entry(item: &Value, path: &str, index: usize) -> Result<(String, Policy, bool)> {
    let name = match item {
        Value::String(name) => name.clone(),
        Value::Object(_) => {
            let obj = Object::new(item.clone(), path.to_string())?;
            let name = obj.optional_str("name")?.map(str::to_string);
            if let Some(doc) = obj.get("document") {
                let name = name.unwrap_or_else(|| format!("policy-{index}"));
                let policy = read_document(doc, &obj.child("document"), PolicyKind::Identity)?;
                return Ok((name, policy, false));
            }
            name.ok_or_else(|| {
                Error::missing(obj.child("name")).with_message(format!(
                    "{path} needs \"name\" (a system policy) or \"document\""
                ))
            })?
        }
        other => {
            return Err(Error::invalid(
                path,
                format!(
                    "expected a system-policy name or {{\"name\", \"document\"}}, got {}",
                    type_name(other)
                ),
            ));
        }
    };
    let entry = catalog::lookup(&name, path)?;
    Ok((name, entry.policy()?, entry.assumed))
}

/// A session or trust policy: its text, or `{"name"?, "document"}`.
fn document_entry(
    item: &Value,
    path: &str,
    field: &str,
    kind: PolicyKind,
) -> Result<(String, Policy)> {
    let default_name = if field == "trustPolicy" {
        "trust policy"
    } else {
        "session policy"
    };
    match item {
        Value::Object(map) if map.contains_key("document") => {
            let obj = Object::new(item.clone(), path.to_string())?;
            let name = obj
                .optional_str("name")?
                .unwrap_or(default_name)
                .to_string();
            let doc = obj
                .get("document")
                .ok_or_else(|| Error::missing(obj.child("document")))?;
            Ok((name, read_document(doc, &obj.child("document"), kind)?))
        }
        doc => Ok((default_name.to_string(), read_document(doc, path, kind)?)),
    }
}

/// A policy document given as JSON text or as an object. Errors carry the path inside the
/// request; line and column are given for text documents (they refer to that text).
pub fn read_document(doc: &Value, path: &str, kind: PolicyKind) -> Result<Policy> {
    let (text, positions) = match doc {
        Value::String(text) => (text.clone(), true),
        Value::Object(_) => (doc.to_string(), false),
        other => {
            return Err(Error::invalid(
                path,
                format!(
                    "a policy document is JSON text or an object, got {}",
                    type_name(other)
                ),
            ));
        }
    };
    let decoded = decode(&text, Some(kind));
    match decoded.problems.first() {
        None => Ok(decoded.policy),
        Some(problem) => {
            let mut e = problem.to_error();
            let inner = e.path.take().unwrap_or_default();
            e.path = Some(format!(
                "{path}{}",
                inner.strip_prefix('$').unwrap_or(&inner)
            ));
            if !positions {
                e.line = None;
                e.column = None;
            }
            Err(e)
        }
    }
}

/// One simulator request, read without copying the JSON (a batch may hold many thousands).
fn read_request(value: &Value, path: &str) -> Result<Request> {
    let Value::Object(map) = value else {
        return Err(Error::new(
            ErrorKind::InvalidJson,
            format!("a request is a JSON object, got {}", type_name(value)),
        )
        .at(path));
    };
    let field = |name: &str| map.get(name).filter(|v| !v.is_null());
    let text = |name: &str| -> Result<Option<&str>> {
        match field(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(Error::invalid(
                child_path(path, name),
                format!("{name} must be a string, got {}", type_name(other)),
            )),
        }
    };
    let mut context = Context::default();
    match field("context") {
        None => {}
        Some(Value::Object(entries)) => {
            let context_path = || child_path(path, "context");
            for (key, v) in entries {
                let bad = |at: String, v: &Value| {
                    Error::new(
                        ErrorKind::InvalidValue,
                        format!("a context value is a string, number, boolean or an array of them, got {}", type_name(v)),
                    )
                    .at(at)
                };
                let values: Vec<Cow<'_, str>> = match v {
                    Value::Array(items) => items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| {
                            scalar(item).ok_or_else(|| {
                                bad(format!("{}[{i}]", child_path(&context_path(), key)), item)
                            })
                        })
                        .collect::<Result<_>>()?,
                    other => vec![scalar(other)
                        .ok_or_else(|| bad(child_path(&context_path(), key), other))?],
                };
                let refs: Vec<&str> = values.iter().map(|c| c.as_ref()).collect();
                context.insert(key, &refs);
            }
        }
        Some(other) => {
            return Err(Error::invalid(
                child_path(path, "context"),
                format!(
                    "context must be an object of keys and values, got {}",
                    type_name(other)
                ),
            ));
        }
    }
    let action = text("action")?.ok_or_else(|| Error::missing(child_path(path, "action")))?;
    Ok(Request {
        principal: text("principal")?.map(str::to_string),
        action: action.to_string(),
        resource: text("resource")?.unwrap_or("*").to_string(),
        context,
    })
}

/// A context value's text: strings as they are, numbers and booleans as their JSON text.
fn scalar(v: &Value) -> Option<Cow<'_, str>> {
    match v {
        Value::String(s) => Some(Cow::Borrowed(s)),
        Value::Number(n) => Some(Cow::Owned(n.to_string())),
        Value::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
        _ => None,
    }
}

fn to_value<T: serde::Serialize>(value: &T) -> Value {
    // Serialising plain structs of strings, numbers and booleans cannot fail.
    serde_json::to_value(value).unwrap_or(Value::Null)
}
