//! Checks of one statement at a time: services and actions, resources, conditions, broad grants.

use super::context::{json_list, json_str, statement_path, Ctx};
use super::options::Intent;
use crate::message::PolicyMessage;
use crate::policy::finding::message_size;
use crate::policy::finding::Level;
use crate::policy::model::{Effect, PolicyKind, Statement};
use crate::policy::names::Arn;
use crate::policy::operator::Family;
use crate::policy::path::Path;
use crate::policy::pattern::Pattern;
use crate::policy::services::{self, OssLevel};
use crate::policy::suggest::closest;
use std::collections::HashSet;

pub fn check(ctx: &mut Ctx<'_>, statements: &[(usize, &Statement)]) {
    for &(index, s) in statements {
        let path = statement_path(index);
        actions(ctx, &path, s);
        broad_grants(ctx, &path, s);
        if ctx.kind == PolicyKind::Identity {
            resources(ctx, &path, s);
            oss_levels(ctx, &path, s);
            assume_any_role(ctx, &path, s);
        }
        conditions(ctx, &path, s);
        if ctx.options.intent == Intent::ReadOnly {
            read_only(ctx, &path, s);
        }
    }
}

fn action_element(path: &Path, s: &Statement) -> Path {
    path.key(if s.action.not { "NotAction" } else { "Action" })
}

fn resource_element(path: &Path, s: &Statement) -> Path {
    let not = s.resource.as_ref().is_some_and(|r| r.not);
    path.key(if not { "NotResource" } else { "Resource" })
}

fn actions(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
    let element = action_element(path, s);
    for (j, action) in s.action.values.iter().enumerate() {
        let Some((service, name)) = action.split_once(':') else {
            continue;
        };
        let vpath = ctx.value_path(&element, j);
        if service.contains(['*', '?']) {
            continue;
        }
        if !services::is_known_service(service) {
            let near = services::service_suggestion(service);
            let mut f = ctx.finding(
                Level::Warning,
                "unknown-service",
                vpath,
                PolicyMessage::UnknownService {
                    service: service.to_string(),
                },
            );
            if let Some(near) = near {
                let fixed = format!("{near}:{name}");
                f = f.fix(
                    PolicyMessage::FixWrite {
                        value: fixed.clone(),
                    },
                    Some(json_str(&fixed)),
                );
            }
            ctx.push(f);
            continue;
        }
        let Some(known) = services::known_actions(service) else {
            continue;
        };
        if name.contains(['*', '?']) {
            let pattern = Pattern::folded(name);
            if !known.iter().any(|a| pattern.matches(a)) {
                let f = ctx.finding(
                    Level::Warning,
                    "action-matches-nothing",
                    vpath,
                    PolicyMessage::ActionMatchesNothing {
                        action: action.clone(),
                        service: service.to_ascii_uppercase(),
                    },
                );
                ctx.push(f);
            }
        } else if !known.iter().any(|a| a.eq_ignore_ascii_case(name)) {
            if let Some(near) = closest(name, known.iter().copied(), 3) {
                let fixed = format!("{}:{near}", service.to_ascii_lowercase());
                let f = ctx
                    .finding(
                        Level::Warning,
                        "unknown-action",
                        vpath,
                        PolicyMessage::UnknownAction {
                            action: action.clone(),
                            service: service.to_ascii_uppercase(),
                            meant: fixed.clone(),
                        },
                    )
                    .fix(
                        PolicyMessage::FixWrite {
                            value: fixed.clone(),
                        },
                        Some(json_str(&fixed)),
                    );
                ctx.push(f);
            }
        }
    }
}

fn broad_grants(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
    if s.effect != Effect::Allow {
        return;
    }
    if s.action.not {
        let f = ctx
            .finding(
                Level::SecurityWarning,
                "allow-not-action",
                path.key("NotAction"),
                PolicyMessage::AllowNotAction {},
            )
            .fix(PolicyMessage::FixListActions {}, None);
        ctx.push(f);
    }
    if s.resource.as_ref().is_some_and(|r| r.not) {
        let f = ctx
            .finding(
                Level::SecurityWarning,
                "allow-not-resource",
                path.key("NotResource"),
                PolicyMessage::AllowNotResource {},
            )
            .fix(PolicyMessage::FixListResources {}, None);
        ctx.push(f);
    }
    let every_action = !s.action.not && s.action.values.iter().any(|a| a == "*");
    let every_resource = s
        .resource
        .as_ref()
        .is_some_and(|r| !r.not && r.values.iter().any(|v| v == "*"));
    if ctx.kind == PolicyKind::Identity && every_action && every_resource && s.condition.is_empty()
    {
        let f = ctx.finding(
            Level::SecurityWarning,
            "full-admin",
            path.clone(),
            PolicyMessage::FullAdmin {},
        );
        ctx.push(f.fix(PolicyMessage::FixGrantOnlyNeeded {}, None));
    }
}

/// Services whose resources the statement's actions act on; `None` when any action is a wildcard
/// across services or the list is negated (then every service is possible).
fn action_resource_services(s: &Statement) -> Option<Vec<String>> {
    if s.action.not {
        return None;
    }
    let mut out = Vec::new();
    for action in &s.action.values {
        let (service, _) = action.split_once(':')?;
        if service.contains(['*', '?']) {
            return None;
        }
        let mapped = services::resource_services(service);
        if mapped.is_empty() {
            out.push(service.to_ascii_lowercase());
        } else {
            out.extend(mapped.iter().map(|s| s.to_string()));
        }
    }
    Some(out)
}

fn resources(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
    let Some(resource) = &s.resource else {
        return;
    };
    let element = resource_element(path, s);
    let action_services = action_resource_services(s);
    // Looked up per resource, and named in each mismatch: worked out once per statement.
    let known_services: HashSet<&str> = action_services
        .iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let services_text = action_services.as_ref().map(|a| a.join("/"));
    for (j, value) in resource.values.iter().enumerate() {
        let Some(arn) = Arn::parse(value) else {
            continue;
        };
        let vpath = ctx.value_path(&element, j);
        let account_ok = arn
            .account
            .chars()
            .all(|c| c.is_ascii_digit() || c == '*' || c == '?');
        if arn.account.is_empty() || !account_ok {
            let f = ctx.finding(
                Level::Warning,
                "bad-account-in-arn",
                vpath.clone(),
                PolicyMessage::BadAccountInArn {
                    value: value.clone(),
                    account: arn.account.to_string(),
                },
            );
            ctx.push(f);
        }
        if matches!(arn.service, "ram" | "sts") && !arn.region.is_empty() {
            let fixed = format!("acs:{}::{}:{}", arn.service, arn.account, arn.relative);
            let f = ctx
                .finding(
                    Level::Warning,
                    "region-in-global-arn",
                    vpath.clone(),
                    PolicyMessage::RegionInGlobalArn {
                        name: arn.service.to_ascii_uppercase(),
                        service: arn.service.to_string(),
                        value: value.clone(),
                    },
                )
                .fix(
                    PolicyMessage::FixWrite {
                        value: fixed.clone(),
                    },
                    Some(json_str(&fixed)),
                );
            ctx.push(f);
        }
        let (Some(action_services), Some(services_text)) = (&action_services, &services_text)
        else {
            continue;
        };
        // The services are lower-case (`action_resource_services`).
        if arn.service.contains(['*', '?'])
            || known_services.contains(arn.service.to_ascii_lowercase().as_str())
        {
            continue;
        }
        if !ctx.affords(2 * (services_text.len() + 2 * value.len()) + 256) {
            return;
        }
        let mut f = ctx.finding(
            Level::Warning,
            "resource-service-mismatch",
            vpath,
            PolicyMessage::ResourceServiceMismatch {
                value: value.clone(),
                service: arn.service.to_string(),
                services: services_text.clone(),
            },
        );
        if let [only] = action_services.as_slice() {
            let region = if matches!(only.as_str(), "ram" | "sts") {
                ""
            } else {
                arn.region
            };
            let fixed = format!("acs:{only}:{region}:{}:{}", arn.account, arn.relative);
            f = f.fix(
                PolicyMessage::FixWrite {
                    value: fixed.clone(),
                },
                Some(json_str(&fixed)),
            );
        }
        ctx.push(f);
    }
}

/// Which OSS levels a resource pattern can match.
fn oss_resource_levels(value: &str) -> Option<[bool; 3]> {
    if value == "*" {
        return Some([true; 3]);
    }
    let arn = Arn::parse(value)?;
    if !Pattern::new(arn.service).matches("oss") {
        return None;
    }
    let rel = arn.relative;
    Some([
        Pattern::new(rel).matches("*"),
        !rel.contains('/'),
        rel.contains('/') || rel.contains('*'),
    ])
}

fn oss_levels(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
    let Some(resource) = s.resource.as_ref().filter(|r| !r.not) else {
        return;
    };
    if s.action.not {
        return;
    }
    let levels: Vec<(&str, [bool; 3])> = resource
        .values
        .iter()
        .filter_map(|v| oss_resource_levels(v).map(|l| (v.as_str(), l)))
        .collect();
    if levels.is_empty() {
        return;
    }
    let element = action_element(path, s);
    // Whether some resource has each level's form, and each level's fix: worked out once.
    let has_level: [bool; 3] = [0, 1, 2].map(|slot| levels.iter().any(|(_, l)| l[slot]));
    let mut fixes: [Option<LevelFix>; 3] = [None, None, None];
    for (j, action) in s.action.values.iter().enumerate() {
        let Some(name) = action
            .split_once(':')
            .filter(|(svc, _)| svc.eq_ignore_ascii_case("oss"))
            .map(|(_, n)| n)
        else {
            continue;
        };
        let Some(level) = services::oss_level(name) else {
            continue;
        };
        let slot = match level {
            OssLevel::Account => 0,
            OssLevel::Bucket => 1,
            OssLevel::Object => 2,
        };
        if has_level[slot] {
            continue;
        }
        let fix =
            fixes[slot].get_or_insert_with(|| LevelFix::new(level, &levels, &resource.values));
        if !ctx.affords(fix.size() + 2 * action.len() + 512) {
            return;
        }
        let action = action.clone();
        let message = match level {
            OssLevel::Account => PolicyMessage::OssAccountLevel { action },
            OssLevel::Bucket => PolicyMessage::OssBucketLevel { action },
            OssLevel::Object => PolicyMessage::OssObjectLevel { action },
        };
        let vpath = ctx.value_path(&element, j);
        let mut f = ctx.finding(
            Level::Warning,
            "oss-resource-level-mismatch",
            vpath,
            message,
        );
        if let Some((description, snippet)) = &fix.text {
            f = f.fix_at(
                description.clone(),
                snippet.clone(),
                resource_element(path, s),
            );
        }
        ctx.push(f);
    }
}

/// The fix of an OSS level mismatch: the resources of that level to add (one per resource of
/// the statement, without repeats), and the whole new Resource list.
struct LevelFix {
    /// The description and the snippet; `None` when there is nothing to add.
    text: Option<(PolicyMessage, String)>,
}

impl LevelFix {
    fn new(level: OssLevel, levels: &[(&str, [bool; 3])], values: &[String]) -> LevelFix {
        let mut seen: HashSet<String> = HashSet::new();
        let mut additions: Vec<String> = Vec::new();
        for arn in levels.iter().filter_map(|(v, _)| Arn::parse(v)) {
            let bucket = arn.relative.split('/').next().unwrap_or(arn.relative);
            let add = match level {
                OssLevel::Account => format!("acs:oss:*:{}:*", arn.account),
                OssLevel::Bucket => format!("acs:oss:*:{}:{bucket}", arn.account),
                OssLevel::Object => format!("acs:oss:*:{}:{}/*", arn.account, arn.relative),
            };
            if seen.insert(add.clone()) {
                additions.push(add);
            }
        }
        if additions.is_empty() {
            return LevelFix { text: None };
        }
        let mut all = values.to_vec();
        all.extend(additions.iter().cloned());
        LevelFix {
            text: Some((
                PolicyMessage::FixAddResources {
                    resources: additions.join(", "),
                },
                json_list(&all),
            )),
        }
    }

    /// Bytes of its text.
    fn size(&self) -> usize {
        self.text.as_ref().map_or(0, |(description, snippet)| {
            message_size(description) + snippet.len()
        })
    }
}

fn assume_any_role(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
    if s.effect != Effect::Allow || s.action.not {
        return;
    }
    let assume = s
        .action
        .values
        .iter()
        .any(|a| a.eq_ignore_ascii_case("sts:AssumeRole"));
    let Some(resource) = s.resource.as_ref().filter(|r| !r.not) else {
        return;
    };
    let any_role = resource.values.iter().any(|v| {
        v == "*" || Arn::parse(v).is_some_and(|a| a.relative == "role/*" || a.relative == "*")
    });
    if assume && any_role {
        let f = ctx
            .finding(
                Level::Suggestion,
                "assume-any-role",
                resource_element(path, s),
                PolicyMessage::AssumeAnyRole {},
            )
            .fix(
                PolicyMessage::FixAllowOnlyRole {},
                Some("\"acs:ram::<account uid>:role/<role name>\"".into()),
            );
        ctx.push(f);
    }
}

fn conditions(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
    // The actions a listing-only key rules out, named by each such key: worked out once.
    let mut other_actions: Option<String> = None;
    for block in &s.condition {
        let op_name = block.operator.name();
        for entry in &block.entries {
            let kpath = path.key("Condition").key(&op_name).key(&entry.key);
            let key = entry.key.as_str();
            if !key.contains(':') {
                let f = ctx.finding(
                    Level::Warning,
                    "malformed-condition-key",
                    kpath.clone(),
                    PolicyMessage::MalformedConditionKey {
                        key: key.to_string(),
                    },
                );
                ctx.push(f);
                continue;
            }
            if let Some(near) = services::key_suggestion(key) {
                let f = ctx
                    .finding(
                        Level::Warning,
                        "unknown-condition-key",
                        kpath.clone(),
                        PolicyMessage::UnknownConditionKey {
                            key: key.to_string(),
                            meant: near.to_string(),
                        },
                    )
                    .fix(
                        PolicyMessage::FixRenameKey {
                            meant: near.to_string(),
                        },
                        None,
                    );
                ctx.push(f);
            }
            if let Some(family) = services::key_family(key) {
                let used = block.operator.op.family();
                if family != used {
                    let ops = match family {
                        Family::Ip => "IpAddress / NotIpAddress",
                        Family::Date => "DateLessThan, DateGreaterThan, ...",
                        Family::Bool => "Bool",
                        Family::Numeric => "NumericLessThan, NumericEquals, ...",
                        Family::String => "StringEquals, StringLike, ...",
                    };
                    let f = ctx
                        .finding(
                            Level::Warning,
                            "condition-operator-mismatch",
                            kpath.clone(),
                            PolicyMessage::ConditionOperatorMismatch {
                                key: key.to_string(),
                                family: family.name().to_string(),
                                operators: ops.to_string(),
                                operator: op_name.clone(),
                                used: used.name().to_string(),
                            },
                        )
                        .fix(
                            PolicyMessage::FixUseFamily {
                                family: family.name().to_string(),
                            },
                            None,
                        );
                    ctx.push(f);
                }
            }
            list_only_key(
                ctx,
                s,
                (&kpath, key),
                block.operator.op.negated() || block.operator.if_exists,
                &mut other_actions,
            );
        }
    }
}

/// `oss:Prefix` and `oss:Delimiter` are sent with ListObjects only: a positive condition on them
/// keeps the statement from applying to any other action. `others`: the statement's other
/// actions, joined (computed on first use).
fn list_only_key(
    ctx: &mut Ctx<'_>,
    s: &Statement,
    (kpath, key): (&Path, &str),
    holds_when_absent: bool,
    others: &mut Option<String>,
) {
    if holds_when_absent
        || s.action.not
        || !(key.eq_ignore_ascii_case("oss:Prefix") || key.eq_ignore_ascii_case("oss:Delimiter"))
    {
        return;
    }
    let names = others.get_or_insert_with(|| {
        let lists = Pattern::folded("oss:ListObjects");
        let names: Vec<&str> = s
            .action
            .values
            .iter()
            .filter(|a| {
                !a.contains(['*', '?'])
                    && !lists.matches(a)
                    && !a.eq_ignore_ascii_case("oss:ListObjectVersions")
            })
            .map(String::as_str)
            .collect();
        names.join(", ")
    });
    if names.is_empty() || !ctx.affords(2 * names.len() + 512) {
        return;
    }
    let f = ctx
        .finding(
            Level::Warning,
            "list-condition-on-other-action",
            kpath.clone(),
            PolicyMessage::ListConditionOtherAction {
                key: key.to_string(),
                actions: names.clone(),
            },
        )
        .fix(PolicyMessage::FixMoveActions {}, None);
    ctx.push(f);
}

fn read_only(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
    if s.effect != Effect::Allow {
        return;
    }
    if s.action.not {
        let f = ctx.finding(
            Level::SecurityWarning,
            "write-in-read-only",
            path.key("NotAction"),
            PolicyMessage::WriteInReadOnlyNotAction {},
        );
        ctx.push(f);
        return;
    }
    let writers: Vec<&str> = s
        .action
        .values
        .iter()
        .filter(|a| !services::is_read_only_action(a))
        .map(String::as_str)
        .collect();
    if writers.is_empty() {
        return;
    }
    let mut replacement: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for a in &s.action.values {
        let reads = if services::is_read_only_action(a) {
            vec![a.clone()]
        } else {
            let service = a
                .split_once(':')
                .map_or("oss", |(svc, _)| svc)
                .to_ascii_lowercase();
            vec![format!("{service}:Get*"), format!("{service}:List*")]
        };
        for read in reads {
            if seen.insert(read.clone()) {
                replacement.push(read);
            }
        }
    }
    let quoted: Vec<String> = writers.iter().map(|w| format!("{w:?}")).collect();
    let f = ctx
        .finding(
            Level::SecurityWarning,
            "write-in-read-only",
            action_element(path, s),
            PolicyMessage::WriteInReadOnly {
                actions: quoted.join(", "),
            },
        )
        .fix(
            PolicyMessage::FixAllowOnlyReads {
                actions: replacement.join(", "),
            },
            Some(json_list(&replacement)),
        );
    ctx.push(f);
}
