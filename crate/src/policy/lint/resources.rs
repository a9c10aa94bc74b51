//! What a statement's resources say about its actions: ARNs of another service or account
//! format, OSS resources at the wrong level for the actions (bucket vs object), and AssumeRole on
//! any role.

use super::context::{action_element, json_list, json_str, resource_element, Ctx};
use crate::message::PolicyMessage;
use crate::policy::finding::{message_size, Level};
use crate::policy::model::{Effect, Statement};
use crate::policy::names::Arn;
use crate::policy::path::Path;
use crate::policy::pattern::Pattern;
use crate::policy::services::{self, OssLevel};
use std::collections::HashSet;

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

pub fn resources(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
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

pub fn oss_levels(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
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

pub fn assume_any_role(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
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
