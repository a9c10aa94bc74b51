//! From policy text to the typed model, enforcing RAM's grammar: `Version` "1", case-sensitive
//! element names, no duplicate keys, string-or-array values, exactly one of Action/NotAction and
//! Resource/NotResource, Principal only in trust policies, known condition operators with values
//! of the right type. Every rejection names the JSON path and the line:column in the text.
//!
//! `decode` collects every problem (the linter shows them all, and keeps the statements that are
//! sound); `parse` stops at the first.

use super::condition::{check_value, Operator};
use super::finding::Finding;
use super::json::{self, Json, Member, Node, Pos};
use super::model::*;
use super::names::{check_action, check_principal, check_resource, Bad};
use super::path::Path;
use super::suggest::closest;
use crate::error::Result;

const DOCUMENT_ELEMENTS: [&str; 2] = ["Version", "Statement"];
const STATEMENT_ELEMENTS: [&str; 7] = [
    "Effect",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Principal",
    "Condition",
];

/// Everything the parser learnt about a text, problems included.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The JSON tree with positions (`None` when the text is not JSON).
    pub tree: Option<Node>,
    /// The kind the text was checked as (given, or detected from `Principal`).
    pub kind: PolicyKind,
    /// The sound statements; a statement with any problem is left out.
    pub policy: Policy,
    /// For each statement of `policy`, its index in the source `Statement` array.
    pub indices: Vec<usize>,
    /// Every rejection, in document order; all at level `error`.
    pub problems: Vec<Finding>,
}

/// Parses a policy of a known kind, failing on the first problem.
pub fn parse(text: &str, kind: PolicyKind) -> Result<Policy> {
    let decoded = decode(text, Some(kind));
    match decoded.problems.first() {
        Some(problem) => Err(problem.to_error()),
        None => Ok(decoded.policy),
    }
}

/// Parses a policy whose kind is detected: a trust policy if any statement has `Principal`.
pub fn parse_detect(text: &str) -> Result<(Policy, PolicyKind)> {
    let decoded = decode(text, None);
    match decoded.problems.first() {
        Some(problem) => Err(problem.to_error()),
        None => Ok((decoded.policy, decoded.kind)),
    }
}

/// Reads and checks a policy, collecting every problem.
pub fn decode(text: &str, kind: Option<PolicyKind>) -> Decoded {
    let tree = match json::read(text) {
        Ok(tree) => tree,
        Err(e) => {
            let finding = Finding::error(
                "invalid-json",
                e.path.clone(),
                e.message.clone(),
                format!("不是合法的 JSON：{}", e.message),
            )
            .at(Some(e.pos));
            return Decoded {
                tree: None,
                kind: kind.unwrap_or(PolicyKind::Identity),
                policy: Policy::default(),
                indices: Vec::new(),
                problems: vec![finding],
            };
        }
    };
    let kind = kind.unwrap_or_else(|| detect_kind(&tree));
    let mut decoder = Decoder {
        kind,
        problems: Vec::new(),
    };
    let (policy, indices) = decoder.document(&tree);
    Decoded {
        kind,
        policy,
        indices,
        problems: decoder.problems,
        tree: Some(tree),
    }
}

/// A trust policy names principals; anything else is an identity policy.
pub fn detect_kind(tree: &Node) -> PolicyKind {
    let has_principal = member(tree, "Statement").is_some_and(|s| match &s.value.value {
        Json::Array(items) => items.iter().any(|st| member(st, "Principal").is_some()),
        Json::Object(_) => member(&s.value, "Principal").is_some(),
        _ => false,
    });
    if has_principal {
        PolicyKind::Trust
    } else {
        PolicyKind::Identity
    }
}

fn member<'a>(node: &'a Node, key: &str) -> Option<&'a Member> {
    match &node.value {
        Json::Object(members) => members.iter().find(|m| m.key == key),
        _ => None,
    }
}

struct Decoder {
    kind: PolicyKind,
    problems: Vec<Finding>,
}

impl Decoder {
    fn report(&mut self, finding: Finding) {
        self.problems.push(finding);
    }

    fn error(&mut self, code: &'static str, path: Path, pos: Pos, en: String, zh: String) {
        self.report(Finding::error(code, path, en, zh).at(Some(pos)));
    }

    fn document(&mut self, tree: &Node) -> (Policy, Vec<usize>) {
        let root = Path::root();
        let Json::Object(members) = &tree.value else {
            self.error(
                "policy-not-object",
                root,
                tree.pos,
                format!("a policy is a JSON object {{\"Version\": \"1\", \"Statement\": [...]}}, got {}", tree.type_name()),
                format!("策略应为 JSON 对象 {{\"Version\": \"1\", \"Statement\": [...]}}，实际为 {}", zh_type(tree)),
            );
            return (Policy::default(), Vec::new());
        };
        for m in members {
            if !DOCUMENT_ELEMENTS.contains(&m.key.as_str()) {
                self.unknown_element(m, &root, &DOCUMENT_ELEMENTS);
            }
        }
        match member(tree, "Version") {
            None => self.report(
                Finding::error(
                    "missing-version",
                    root.key("Version"),
                    "the policy has no Version: RAM requires \"Version\": \"1\"",
                    "策略缺少 Version：RAM 要求 \"Version\": \"1\"",
                )
                .at(Some(tree.pos))
                .fix(
                    "add \"Version\": \"1\"",
                    "添加 \"Version\": \"1\"",
                    Some("\"1\"".into()),
                ),
            ),
            Some(m) if m.value.value == Json::String("1".into()) => {}
            Some(m) => self.report(
                Finding::error(
                    "bad-version",
                    root.key("Version"),
                    format!("Version must be the string \"1\", got {}", show(&m.value)),
                    format!("Version 必须是字符串 \"1\"，实际为 {}", show(&m.value)),
                )
                .at(Some(m.value.pos))
                .fix(
                    "write \"Version\": \"1\"",
                    "改为 \"Version\": \"1\"",
                    Some("\"1\"".into()),
                ),
            ),
        }
        let Some(statements) = member(tree, "Statement") else {
            self.report(
                Finding::error(
                    "missing-statement",
                    root.key("Statement"),
                    "the policy has no Statement array",
                    "策略缺少 Statement 数组",
                )
                .at(Some(tree.pos)),
            );
            return (Policy::default(), Vec::new());
        };
        let path = root.key("Statement");
        let items = match &statements.value.value {
            Json::Array(items) => items,
            Json::Object(_) => {
                self.report(
                    Finding::error(
                        "statement-not-array",
                        path,
                        "Statement must be an array of statements, got a single object",
                        "Statement 必须是语句数组，实际为单个对象",
                    )
                    .at(Some(statements.value.pos))
                    .fix(
                        "wrap the statement in [ ]",
                        "用 [ ] 把该语句包起来",
                        None,
                    ),
                );
                return (Policy::default(), Vec::new());
            }
            _ => {
                self.error(
                    "statement-not-array",
                    path,
                    statements.value.pos,
                    format!(
                        "Statement must be an array of statements, got {}",
                        statements.value.type_name()
                    ),
                    format!(
                        "Statement 必须是语句数组，实际为 {}",
                        zh_type(&statements.value)
                    ),
                );
                return (Policy::default(), Vec::new());
            }
        };
        let mut policy = Policy::default();
        let mut indices = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let before = self.problems.len();
            let statement = self.statement(item, &path.index(i));
            if let (Some(statement), true) = (statement, self.problems.len() == before) {
                policy.statements.push(statement);
                indices.push(i);
            }
        }
        (policy, indices)
    }

    fn unknown_element(&mut self, m: &Member, parent: &Path, known: &[&str]) {
        let near = known
            .iter()
            .find(|k| k.eq_ignore_ascii_case(&m.key))
            .copied()
            .or_else(|| closest(&m.key, known.iter().copied(), 2));
        let (en, zh) = match (m.key.as_str(), near) {
            ("Sid", _) => (
                "RAM statements have no Sid element".to_string(),
                "RAM 策略语句没有 Sid 元素".to_string(),
            ),
            ("NotPrincipal", _) => (
                "RAM trust policies have no NotPrincipal element: list the trusted principals in Principal".to_string(),
                "RAM 信任策略没有 NotPrincipal 元素：请在 Principal 中列出受信任的主体".to_string(),
            ),
            (key, Some(near)) => (
                format!("unknown element {key:?}: element names are case-sensitive; did you mean {near:?}?"),
                format!("未知元素 {key:?}：元素名区分大小写，是否应为 {near:?}？"),
            ),
            (key, None) => (
                format!("unknown element {key:?}: expected one of {}", known.join(", ")),
                format!("未知元素 {key:?}：应为 {} 之一", known.join("、")),
            ),
        };
        let finding =
            Finding::error("unknown-element", parent.key(&m.key), en, zh).at(Some(m.key_pos));
        let finding = match near {
            Some(near) if m.key != "Sid" => finding.fix(
                format!("rename {:?} to {near:?}", m.key),
                format!("把 {:?} 改名为 {near:?}", m.key),
                None,
            ),
            _ => finding.fix(
                format!("remove {:?}", m.key),
                format!("删除 {:?}", m.key),
                None,
            ),
        };
        self.report(finding);
    }

    fn statement(&mut self, node: &Node, path: &Path) -> Option<Statement> {
        let Json::Object(members) = &node.value else {
            self.error(
                "statement-not-object",
                path.clone(),
                node.pos,
                format!(
                    "a statement is an object with Effect, Action and Resource, got {}",
                    node.type_name()
                ),
                format!(
                    "语句应为包含 Effect、Action、Resource 的对象，实际为 {}",
                    zh_type(node)
                ),
            );
            return None;
        };
        for m in members {
            if !STATEMENT_ELEMENTS.contains(&m.key.as_str()) {
                self.unknown_element(m, path, &STATEMENT_ELEMENTS);
            }
        }
        let effect = self.effect(node, path);
        let action = self.targets(node, path, "Action", "NotAction", true);
        let resource = self.targets(
            node,
            path,
            "Resource",
            "NotResource",
            self.kind == PolicyKind::Identity,
        );
        let principal = self.principal(node, path);
        let condition = match member(node, "Condition") {
            Some(m) => self.condition(&m.value, &path.key("Condition")),
            None => Some(Vec::new()),
        };
        Some(Statement {
            effect: effect?,
            action: action??,
            resource: resource?,
            principal: principal?,
            condition: condition?,
        })
    }

    fn effect(&mut self, node: &Node, path: &Path) -> Option<Effect> {
        let Some(m) = member(node, "Effect") else {
            self.report(
                Finding::error(
                    "missing-effect",
                    path.key("Effect"),
                    "the statement has no Effect: write \"Effect\": \"Allow\" or \"Deny\"",
                    "语句缺少 Effect：应写 \"Effect\": \"Allow\" 或 \"Deny\"",
                )
                .at(Some(node.pos)),
            );
            return None;
        };
        match &m.value.value {
            Json::String(s) if s == "Allow" => return Some(Effect::Allow),
            Json::String(s) if s == "Deny" => return Some(Effect::Deny),
            _ => {}
        }
        let near = match &m.value.value {
            Json::String(s) if s.trim().eq_ignore_ascii_case("allow") => Some("Allow"),
            Json::String(s) if s.trim().eq_ignore_ascii_case("deny") => Some("Deny"),
            _ => None,
        };
        let finding = Finding::error(
            "bad-effect",
            path.key("Effect"),
            format!(
                "Effect must be \"Allow\" or \"Deny\" (case-sensitive), got {}",
                show(&m.value)
            ),
            format!(
                "Effect 必须是 \"Allow\" 或 \"Deny\"（区分大小写），实际为 {}",
                show(&m.value)
            ),
        )
        .at(Some(m.value.pos));
        self.report(match near {
            Some(near) => finding.fix(
                format!("write \"{near}\""),
                format!("改为 \"{near}\""),
                Some(format!("\"{near}\"")),
            ),
            None => finding,
        });
        None
    }

    /// `Action`/`NotAction` or `Resource`/`NotResource`: exactly one of the pair (when required).
    /// Returns `None` on a problem, `Some(None)` when neither is present and none is required.
    fn targets(
        &mut self,
        node: &Node,
        path: &Path,
        name: &'static str,
        not_name: &'static str,
        required: bool,
    ) -> Option<Option<Targets>> {
        let is_action = name == "Action";
        let (plain, not) = (member(node, name), member(node, not_name));
        let (m, negated) = match (plain, not) {
            (Some(_), Some(n)) => {
                let code = if is_action {
                    "action-and-not-action"
                } else {
                    "resource-and-not-resource"
                };
                self.report(
                    Finding::error(
                        code,
                        path.key(not_name),
                        format!("a statement takes {name} or {not_name}, not both"),
                        format!("一条语句只能有 {name} 或 {not_name} 之一，不能同时出现"),
                    )
                    .at(Some(n.key_pos))
                    .fix(
                        format!("remove {not_name} (or split the statement in two)"),
                        format!("删除 {not_name}（或拆成两条语句）"),
                        None,
                    ),
                );
                return None;
            }
            (Some(m), None) => (m, false),
            (None, Some(n)) => (n, true),
            (None, None) if !required => return Some(None),
            (None, None) => {
                let (code, example) = if is_action {
                    ("missing-action", "\"oss:GetObject\"")
                } else {
                    ("missing-resource", "\"acs:oss:*:<uid>:<bucket>/*\"")
                };
                self.report(
                    Finding::error(
                        code,
                        path.key(name),
                        format!("the statement has no {name} (or {not_name}), e.g. \"{name}\": {example}"),
                        format!("语句缺少 {name}（或 {not_name}），例如 \"{name}\": {example}"),
                    )
                    .at(Some(node.pos)),
                );
                return None;
            }
        };
        let element_path = path.key(&m.key);
        let values = self.string_list(&m.value, &element_path, &m.key)?;
        let mut ok = true;
        for (i, (value, value_node)) in values.iter().enumerate() {
            let checked = if is_action {
                check_action(value)
            } else {
                check_resource(value)
            };
            if let Err(bad) = checked {
                ok = false;
                let value_path = if matches!(m.value.value, Json::Array(_)) {
                    element_path.index(i)
                } else {
                    element_path.clone()
                };
                let code = if is_action {
                    "malformed-action"
                } else {
                    "malformed-arn"
                };
                self.bad_name(code, value_path, value_node.pos, bad);
            }
        }
        ok.then(|| {
            Some(Targets {
                not: negated,
                values: values.into_iter().map(|(v, _)| v).collect(),
            })
        })
    }

    fn bad_name(&mut self, code: &'static str, path: Path, pos: Pos, bad: Bad) {
        let finding = Finding::error(code, path, bad.message, bad.message_zh).at(Some(pos));
        self.report(match bad.suggestion {
            Some(s) => finding.fix(
                format!("write {s:?}"),
                format!("改为 {s:?}"),
                Some(serde_json::Value::String(s).to_string()),
            ),
            None => finding,
        });
    }

    /// A string or a non-empty array of strings, each with its node.
    fn string_list<'a>(
        &mut self,
        node: &'a Node,
        path: &Path,
        element: &str,
    ) -> Option<Vec<(String, &'a Node)>> {
        match &node.value {
            Json::String(s) => Some(vec![(s.clone(), node)]),
            Json::Array(items) if items.is_empty() => {
                self.error(
                    "empty-value",
                    path.clone(),
                    node.pos,
                    format!("{element} is an empty array: give at least one value"),
                    format!("{element} 是空数组：至少需要一个值"),
                );
                None
            }
            Json::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match &item.value {
                        Json::String(s) => out.push((s.clone(), item)),
                        _ => self.error(
                            "bad-value-type",
                            path.index(i),
                            item.pos,
                            format!("{element} values must be strings, got {}", item.type_name()),
                            format!("{element} 的值必须是字符串，实际为 {}", zh_type(item)),
                        ),
                    }
                }
                (out.len() == items.len()).then_some(out)
            }
            _ => {
                self.error(
                    "bad-value-type",
                    path.clone(),
                    node.pos,
                    format!(
                        "{element} must be a string or an array of strings, got {}",
                        node.type_name()
                    ),
                    format!(
                        "{element} 必须是字符串或字符串数组，实际为 {}",
                        zh_type(node)
                    ),
                );
                None
            }
        }
    }

    /// `Some(None)`: no principal (fine in identity policies); `None`: a problem was reported.
    fn principal(&mut self, node: &Node, path: &Path) -> Option<Option<Principal>> {
        let m = member(node, "Principal");
        match (self.kind, m) {
            (PolicyKind::Identity, None) => return Some(None),
            (PolicyKind::Identity, Some(m)) => {
                self.report(
                    Finding::error(
                        "principal-in-identity-policy",
                        path.key("Principal"),
                        "Principal belongs only in a role's trust policy; an identity policy applies to whoever it is attached to",
                        "Principal 只能出现在角色的信任策略中；权限策略作用于它所授权的身份",
                    )
                    .at(Some(m.key_pos))
                    .fix("remove Principal (or check this document as a trust policy)", "删除 Principal（或按信任策略检查该文档）", None),
                );
                return None;
            }
            (PolicyKind::Trust, None) => {
                self.report(
                    Finding::error(
                        "missing-principal",
                        path.key("Principal"),
                        "a trust policy statement needs Principal: who may assume the role",
                        "信任策略语句需要 Principal：谁可以扮演该角色",
                    )
                    .at(Some(node.pos))
                    .fix(
                        "add the trusted account or users",
                        "添加受信任的账号或用户",
                        Some("{\"RAM\": [\"acs:ram::<trusted uid>:root\"]}".into()),
                    ),
                );
                return None;
            }
            (PolicyKind::Trust, Some(_)) => {}
        }
        let m = m?;
        let ppath = path.key("Principal");
        let Json::Object(members) = &m.value.value else {
            let snippet = match &m.value.value {
                Json::String(s) => Some(format!(
                    "{{\"RAM\": [{}]}}",
                    serde_json::Value::String(s.clone())
                )),
                _ => None,
            };
            self.report(
                Finding::error(
                    "bad-principal",
                    ppath,
                    format!("Principal must be an object such as {{\"RAM\": [\"acs:ram::<uid>:root\"]}}, got {}", m.value.type_name()),
                    format!("Principal 必须是对象，例如 {{\"RAM\": [\"acs:ram::<uid>:root\"]}}，实际为 {}", zh_type(&m.value)),
                )
                .at(Some(m.value.pos))
                .fix("name the principal type: RAM, Service or Federated", "写明主体类型：RAM、Service 或 Federated", snippet),
            );
            return None;
        };
        if members.is_empty() {
            self.error(
                "bad-principal",
                ppath,
                m.value.pos,
                "Principal is empty: name at least one RAM user, role, account, service or identity provider".into(),
                "Principal 为空：至少指定一个 RAM 用户、角色、账号、服务或身份提供商".into(),
            );
            return None;
        }
        let names = PrincipalKind::ALL.map(PrincipalKind::name);
        let mut entries = Vec::new();
        let mut ok = true;
        for pm in members {
            let Some(kind) = PrincipalKind::from_name(&pm.key) else {
                ok = false;
                self.unknown_principal_type(pm, &ppath, &names);
                continue;
            };
            let epath = ppath.key(&pm.key);
            let Some(values) = self.string_list(&pm.value, &epath, &pm.key) else {
                ok = false;
                continue;
            };
            for (i, (value, vnode)) in values.iter().enumerate() {
                if let Err(bad) = check_principal(kind, value) {
                    ok = false;
                    let vpath = if matches!(pm.value.value, Json::Array(_)) {
                        epath.index(i)
                    } else {
                        epath.clone()
                    };
                    self.bad_name("malformed-principal", vpath, vnode.pos, bad);
                }
            }
            entries.push(PrincipalEntry {
                kind,
                values: values.into_iter().map(|(v, _)| v).collect(),
            });
        }
        ok.then_some(Some(Principal { entries }))
    }

    fn unknown_principal_type(&mut self, pm: &Member, ppath: &Path, names: &[&str]) {
        let near = names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(&pm.key))
            .copied();
        let finding = Finding::error(
            "unknown-principal-type",
            ppath.key(&pm.key),
            format!(
                "unknown principal type {:?}: RAM takes RAM, Service or Federated (case-sensitive)",
                pm.key
            ),
            format!(
                "未知的主体类型 {:?}：RAM 支持 RAM、Service、Federated（区分大小写）",
                pm.key
            ),
        )
        .at(Some(pm.key_pos));
        self.report(match near {
            Some(n) => finding.fix(
                format!("rename {:?} to {n:?}", pm.key),
                format!("把 {:?} 改名为 {n:?}", pm.key),
                None,
            ),
            None => finding,
        });
    }

    fn condition(&mut self, node: &Node, path: &Path) -> Option<Vec<ConditionBlock>> {
        let members = match &node.value {
            Json::Object(members) if !members.is_empty() => members,
            _ => {
                let (en, zh) = if matches!(node.value, Json::Object(_)) {
                    (
                        "Condition is empty: remove it or add an operator block".to_string(),
                        "Condition 为空：请删除或添加条件运算符".to_string(),
                    )
                } else {
                    (
                        format!("Condition must be an object {{\"<operator>\": {{\"<key>\": <value>}}}}, got {}", node.type_name()),
                        format!("Condition 必须是对象 {{\"<运算符>\": {{\"<键>\": <值>}}}}，实际为 {}", zh_type(node)),
                    )
                };
                self.error("bad-condition", path.clone(), node.pos, en, zh);
                return None;
            }
        };
        let mut blocks = Vec::new();
        let mut ok = true;
        for m in members {
            let opath = path.key(&m.key);
            let Some(operator) = Operator::parse(&m.key) else {
                ok = false;
                self.unknown_operator(m, &opath);
                continue;
            };
            match self.condition_entries(operator, &m.value, &opath) {
                Some(entries) => blocks.push(ConditionBlock { operator, entries }),
                None => ok = false,
            }
        }
        ok.then_some(blocks)
    }

    fn unknown_operator(&mut self, m: &Member, path: &Path) {
        let names: Vec<String> = Operator::all_names().collect();
        let unqualified = m.key.rsplit(':').next().unwrap_or(&m.key);
        let near = names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(unqualified))
            .map(String::as_str)
            .or(match unqualified {
                "ArnEquals" | "ArnLike" => Some("StringLike"),
                "ArnNotEquals" | "ArnNotLike" => Some("StringNotLike"),
                _ => None,
            })
            .or_else(|| closest(unqualified, names.iter().map(String::as_str), 3));
        let mut en = format!("unknown condition operator {:?}", m.key);
        let mut zh = format!("未知的条件运算符 {:?}", m.key);
        if m.key.contains(':') {
            en.push_str(" (RAM has no ForAnyValue/ForAllValues qualifiers)");
            zh.push_str("（RAM 不支持 ForAnyValue/ForAllValues 限定符）");
        }
        en.push_str(": RAM takes the String, Numeric, Date, Bool and IpAddress families, each also with IfExists");
        zh.push_str(
            "：RAM 支持 String、Numeric、Date、Bool、IpAddress 系列运算符及其 IfExists 形式",
        );
        let finding =
            Finding::error("unknown-condition-operator", path.clone(), en, zh).at(Some(m.key_pos));
        self.report(match near {
            Some(n) => finding.fix(format!("use {n:?}"), format!("改用 {n:?}"), None),
            None => finding,
        });
    }

    fn condition_entries(
        &mut self,
        operator: Operator,
        node: &Node,
        path: &Path,
    ) -> Option<Vec<ConditionEntry>> {
        let op_name = operator.name();
        let members = match &node.value {
            Json::Object(members) if !members.is_empty() => members,
            _ => {
                self.error(
                    "bad-condition",
                    path.clone(),
                    node.pos,
                    format!("{op_name} must map condition keys to values, e.g. {{\"acs:SourceIp\": \"203.0.113.0/24\"}}"),
                    format!("{op_name} 必须把条件键映射到值，例如 {{\"acs:SourceIp\": \"203.0.113.0/24\"}}"),
                );
                return None;
            }
        };
        let family = operator.op.family();
        let mut entries = Vec::new();
        let mut ok = true;
        for m in members {
            let kpath = path.key(&m.key);
            if m.key.is_empty() {
                ok = false;
                self.error(
                    "bad-condition",
                    kpath.clone(),
                    m.key_pos,
                    "a condition key is empty".into(),
                    "条件键为空".into(),
                );
                continue;
            }
            let Some(values) = self.condition_values(&m.value, &kpath) else {
                ok = false;
                continue;
            };
            for (i, (value, vnode)) in values.iter().enumerate() {
                if let Err(message) = check_value(family, value) {
                    ok = false;
                    let vpath = if matches!(m.value.value, Json::Array(_)) {
                        kpath.index(i)
                    } else {
                        kpath.clone()
                    };
                    self.error(
                        "condition-value-type",
                        vpath,
                        vnode.pos,
                        format!("{op_name} on {:?}: {message}", m.key),
                        format!(
                            "{op_name} 的条件键 {:?} 的值类型不符：{} 运算符需要{}",
                            m.key,
                            family.name(),
                            zh_family_value(family)
                        ),
                    );
                }
            }
            entries.push(ConditionEntry {
                key: m.key.clone(),
                values: values.into_iter().map(|(v, _)| v).collect(),
            });
        }
        ok.then_some(entries)
    }

    fn condition_values<'a>(
        &mut self,
        node: &'a Node,
        path: &Path,
    ) -> Option<Vec<(CondValue, &'a Node)>> {
        let scalar = |n: &Node| match &n.value {
            Json::String(s) => Some(CondValue::Text(s.clone())),
            Json::Number(s) => Some(CondValue::Number(s.clone())),
            Json::Bool(b) => Some(CondValue::Bool(*b)),
            _ => None,
        };
        if let Some(v) = scalar(node) {
            return Some(vec![(v, node)]);
        }
        let Json::Array(items) = &node.value else {
            self.error(
                "bad-condition-value",
                path.clone(),
                node.pos,
                format!("a condition value must be a string, number, boolean or an array of them, got {}", node.type_name()),
                format!("条件值必须是字符串、数字、布尔值或它们的数组，实际为 {}", zh_type(node)),
            );
            return None;
        };
        if items.is_empty() {
            self.error(
                "bad-condition-value",
                path.clone(),
                node.pos,
                "the condition has an empty array of values".into(),
                "条件值是空数组".into(),
            );
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match scalar(item) {
                Some(v) => out.push((v, item)),
                None => self.error(
                    "bad-condition-value",
                    path.index(i),
                    item.pos,
                    format!(
                        "a condition value must be a string, number or boolean, got {}",
                        item.type_name()
                    ),
                    format!("条件值必须是字符串、数字或布尔值，实际为 {}", zh_type(item)),
                ),
            }
        }
        (out.len() == items.len()).then_some(out)
    }
}

fn show(node: &Node) -> String {
    match &node.value {
        Json::String(s) => format!("{s:?}"),
        Json::Number(n) => n.clone(),
        Json::Bool(b) => b.to_string(),
        _ => node.type_name().to_string(),
    }
}

fn zh_type(node: &Node) -> &'static str {
    match node.value {
        Json::Null => "null",
        Json::Bool(_) => "布尔值",
        Json::Number(_) => "数字",
        Json::String(_) => "字符串",
        Json::Array(_) => "数组",
        Json::Object(_) => "对象",
    }
}

fn zh_family_value(family: super::condition::Family) -> &'static str {
    use super::condition::Family::*;
    match family {
        String => "字符串",
        Numeric => "数字，例如 10 或 \"10\"",
        Date => "时间，例如 \"2026-01-01T00:00:00Z\" 或 \"2026-01-01T08:00:00+08:00\"",
        Bool => "true 或 false",
        Ip => "IP 地址、CIDR 网段（例如 \"203.0.113.0/24\"）或末尾几段为 * 的 IPv4 地址（例如 \"192.168.0.*\"）",
    }
}
