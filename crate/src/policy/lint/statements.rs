//! Checks of one statement at a time: services and actions, resources, conditions, broad grants.

use super::{json_list, json_str, statement_path, Ctx, Intent};
use crate::policy::condition::Family;
use crate::policy::finding::Level;
use crate::policy::model::{Effect, PolicyKind, Statement};
use crate::policy::names::Arn;
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
                format!("{service:?} is not a service code RoleHop knows; check the spelling (RAM codes are lower-case, e.g. oss, sts, ram, ecs)"),
                format!("{service:?} 不是 RoleHop 已知的服务代码；请检查拼写（RAM 服务代码为小写，例如 oss、sts、ram、ecs）"),
            );
            if let Some(near) = near {
                let fixed = format!("{near}:{name}");
                f = f.fix(
                    format!("write {fixed:?}"),
                    format!("改为 {fixed:?}"),
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
                    format!(
                        "{action:?} matches no {} action RoleHop knows; check the spelling",
                        service.to_ascii_uppercase()
                    ),
                    format!(
                        "{action:?} 不匹配任何已知的 {} 操作；请检查拼写",
                        service.to_ascii_uppercase()
                    ),
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
                        format!(
                            "{action:?} is not a {} action; did you mean {fixed:?}?",
                            service.to_ascii_uppercase()
                        ),
                        format!(
                            "{action:?} 不是 {} 操作；是否应为 {fixed:?}？",
                            service.to_ascii_uppercase()
                        ),
                    )
                    .fix(
                        format!("write {fixed:?}"),
                        format!("改为 {fixed:?}"),
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
                "Allow with NotAction grants every action except those listed, including actions of every other service and actions added in the future",
                "Allow 与 NotAction 组合会授予除所列操作之外的所有操作，包括其他所有服务的操作以及将来新增的操作",
            )
            .fix("list the allowed actions in Action instead", "改为在 Action 中列出允许的操作", None);
        ctx.push(f);
    }
    if s.resource.as_ref().is_some_and(|r| r.not) {
        let f = ctx
            .finding(
                Level::SecurityWarning,
                "allow-not-resource",
                path.key("NotResource"),
                "Allow with NotResource grants access to every resource except those listed, in every account and region",
                "Allow 与 NotResource 组合会授予除所列资源之外的所有资源的访问权限，涵盖所有账号和地域",
            )
            .fix("list the allowed resources in Resource instead", "改为在 Resource 中列出允许的资源", None);
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
            "this statement allows every action on every resource: full administrator access",
            "该语句允许对所有资源执行所有操作：等同于管理员权限",
        );
        ctx.push(f.fix(
            "grant only the services and resources needed",
            "仅授予所需的服务和资源",
            None,
        ));
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
                format!("the account part of {value:?} is {:?}: it should be the account UID (digits) or *", arn.account),
                format!("{value:?} 的账号部分为 {:?}：应为账号 UID（数字）或 *", arn.account),
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
                    format!("{} is a global service: its ARNs have an empty region (acs:{}::<uid>:...), so {value:?} matches nothing", arn.service.to_ascii_uppercase(), arn.service),
                    format!("{} 是全局服务：其 ARN 的地域部分为空（acs:{}::<uid>:...），因此 {value:?} 不匹配任何资源", arn.service.to_ascii_uppercase(), arn.service),
                )
                .fix(format!("write {fixed:?}"), format!("改为 {fixed:?}"), Some(json_str(&fixed)));
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
            format!("{value:?} is a {} resource, but this statement's actions act on {services_text} resources: it never matches", arn.service),
            format!("{value:?} 是 {} 资源，但该语句的操作作用于 {services_text} 资源：永远不会匹配", arn.service),
        );
        if let [only] = action_services.as_slice() {
            let region = if matches!(only.as_str(), "ram" | "sts") {
                ""
            } else {
                arn.region
            };
            let fixed = format!("acs:{only}:{region}:{}:{}", arn.account, arn.relative);
            f = f.fix(
                format!("write {fixed:?}"),
                format!("改为 {fixed:?}"),
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
        let (what, what_zh, form) = match level {
            OssLevel::Account => (
                "lists the account's buckets",
                "列出账号下的存储空间",
                "acs:oss:*:<uid>:*",
            ),
            OssLevel::Bucket => (
                "is a bucket-level action",
                "是存储空间级别的操作",
                "acs:oss:*:<uid>:<bucket>",
            ),
            OssLevel::Object => (
                "acts on objects",
                "作用于文件（Object）",
                "acs:oss:*:<uid>:<bucket>/<key>",
            ),
        };
        let vpath = ctx.value_path(&element, j);
        let mut f = ctx.finding(
            Level::Warning,
            "oss-resource-level-mismatch",
            vpath,
            format!("{action} {what}: its resource is {form}, and no Resource of this statement has that form, so it never applies"),
            format!("{action} {what_zh}：其资源形式为 {form}，而该语句的 Resource 中没有这种形式，因此永远不会生效"),
        );
        if let Some((en, zh, snippet)) = &fix.text {
            f = f.fix_at(
                en.clone(),
                zh.clone(),
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
    /// English and Chinese descriptions and the snippet; `None` when there is nothing to add.
    text: Option<(String, String, String)>,
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
                format!("add {} to Resource", additions.join(", ")),
                format!("在 Resource 中添加 {}", additions.join("、")),
                json_list(&all),
            )),
        }
    }

    /// Bytes of its text.
    fn size(&self) -> usize {
        self.text
            .as_ref()
            .map_or(0, |(en, zh, snippet)| en.len() + zh.len() + snippet.len())
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
                "sts:AssumeRole is allowed on every role (like AliyunSTSAssumeRoleAccess): name the one role this user switches to",
                "允许对任意角色执行 sts:AssumeRole（与 AliyunSTSAssumeRoleAccess 相同）：请只指定该用户需要切换的那个角色",
            )
            .fix(
                "allow only the role's ARN",
                "仅允许该角色的 ARN",
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
                    format!("{key:?} is not a condition key: keys are <service>:<name>, e.g. acs:SourceIp or oss:Prefix"),
                    format!("{key:?} 不是合法的条件键：应为 <服务>:<名称>，例如 acs:SourceIp 或 oss:Prefix"),
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
                        format!("{key:?} is not a condition key RoleHop knows; did you mean {near:?}? An unknown key is never in the request"),
                        format!("{key:?} 不是已知的条件键；是否应为 {near:?}？未知的键永远不会出现在请求中"),
                    )
                    .fix(format!("rename the key to {near:?}"), format!("把条件键改为 {near:?}"), None);
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
                            format!("{key} takes the {} operators ({ops}); {op_name} compares it as {} and may not do what you mean", family.name(), used.name().to_ascii_lowercase()),
                            format!("{key} 应使用 {} 系列运算符（{ops}）；{op_name} 会按{}比较，可能与预期不符", family.name(), used.name()),
                        )
                        .fix(format!("use a {} operator", family.name()), format!("改用 {} 系列运算符", family.name()), None);
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
    let names_zh = names.replace(", ", "、");
    let f = ctx
        .finding(
            Level::Warning,
            "list-condition-on-other-action",
            kpath.clone(),
            format!("{key} is only present in ListObjects requests, so this statement never applies to {names}"),
            format!("{key} 只出现在 ListObjects 请求中，因此该语句对 {names_zh} 永远不会生效"),
        )
        .fix(
            "move those actions to a statement without this condition (restrict objects by the Resource path instead)",
            "把这些操作移到不带该条件的语句中（改用 Resource 路径限制文件范围）",
            None,
        );
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
            "the policy is meant to be read-only, but Allow with NotAction grants write actions",
            "该策略应为只读，但 Allow 与 NotAction 组合会授予写操作",
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
            format!(
                "the policy is meant to be read-only, but {} can write or delete",
                quoted.join(", ")
            ),
            format!("该策略应为只读，但 {} 可以写入或删除", quoted.join("、")),
        )
        .fix(
            format!("allow only reading actions: {}", replacement.join(", ")),
            format!("仅允许读取类操作：{}", replacement.join("、")),
            Some(json_list(&replacement)),
        );
    ctx.push(f);
}
