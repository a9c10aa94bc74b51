//! What a statement's actions say: unknown services and actions (with the closest known one),
//! broad grants (everything, `*:*`), and writes where the caller asked for read-only.

use super::context::{action_element, json_list, json_str, Ctx};
use crate::message::PolicyMessage;
use crate::policy::finding::Level;
use crate::policy::model::{Effect, PolicyKind, Statement};
use crate::policy::path::Path;
use crate::policy::pattern::Pattern;
use crate::policy::services;
use crate::policy::suggest::closest;
use std::collections::HashSet;

pub fn actions(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
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

pub fn broad_grants(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
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

pub fn read_only(ctx: &mut Ctx<'_>, path: &Path, s: &Statement) {
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
