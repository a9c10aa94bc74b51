//! The linter: everything the parser rejects (level `error`), then what a reviewer would say about
//! a valid document, in the console validator's four levels. Every finding has a stable code, a
//! message in English and Chinese, the JSON path and line:column, and a fix where one exists.
//!
//! Codes (stable; see also the parser's): `policy-too-large`, `policy-size-whitespace`,
//! `empty-policy`, `unknown-service`, `unknown-action`, `action-matches-nothing`,
//! `allow-not-action`, `allow-not-resource`, `full-admin`, `bad-account-in-arn`,
//! `region-in-global-arn`, `resource-service-mismatch`, `oss-resource-level-mismatch`,
//! `list-condition-on-other-action`, `malformed-condition-key`, `unknown-condition-key`,
//! `condition-operator-mismatch`, `write-in-read-only`, `assume-any-role`, `principal-anyone`,
//! `trust-account-root`, `principal-account-format`, `service-principal-domain`,
//! `trust-action-not-assume-role`, `resource-in-trust-policy`, `duplicate-statement`,
//! `shadowed-statement`, `allow-always-denied`.

mod redundancy;
mod statements;
mod trust;

use super::finding::{Finding, Level};
use super::json::Node;
use super::model::{PolicyKind, Statement};
use super::parse::decode;
use super::path::Path;
use super::serialize::{to_compact, MAX_DOCUMENT_CHARS};
use serde::Serialize;

/// What the policy is meant to do, when the caller knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Intent {
    #[default]
    Any,
    /// Any write action (or `oss:*`) is a security warning.
    ReadOnly,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintOptions {
    /// `None`: detected (a trust policy if any statement has `Principal`).
    pub kind: Option<PolicyKind>,
    pub intent: Intent,
    /// For trust policies: the RAM user/role ARNs that will really assume the role; the fix for
    /// a `:root` principal proposes them.
    pub trusted_principals: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub error: usize,
    pub security_warning: usize,
    pub warning: usize,
    pub suggestion: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// `identity` or `trust`.
    #[serde(serialize_with = "kind_name")]
    pub kind: PolicyKind,
    /// No error: RAM would accept the document.
    pub valid: bool,
    pub summary: Summary,
    /// Sorted by level, then position.
    pub findings: Vec<Finding>,
    /// Characters of the text as given.
    pub size: usize,
    /// Characters of the canonical compact form (when the document is valid).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compact_size: Option<usize>,
}

fn kind_name<S: serde::Serializer>(kind: &PolicyKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.name())
}

/// Lints a policy text.
pub fn lint(text: &str, options: &LintOptions) -> Report {
    let decoded = decode(text, options.kind);
    let mut findings = decoded.problems.clone();
    let size = text.chars().count();
    let mut compact_size = None;
    if let Some(tree) = &decoded.tree {
        let statements: Vec<(usize, &Statement)> = decoded
            .indices
            .iter()
            .copied()
            .zip(&decoded.policy.statements)
            .collect();
        let mut ctx = Ctx {
            tree,
            kind: decoded.kind,
            options,
            findings: Vec::new(),
        };
        statements::check(&mut ctx, &statements);
        if decoded.kind == PolicyKind::Trust {
            trust::check(&mut ctx, &statements);
        }
        redundancy::check(&mut ctx, &statements);
        if decoded.problems.is_empty() {
            if decoded.policy.statements.is_empty() {
                ctx.push(ctx.finding(
                    Level::Warning,
                    "empty-policy",
                    Path::root().key("Statement"),
                    "the policy has no statements: it allows nothing",
                    "策略没有任何语句：不授予任何权限",
                ));
            }
            let compact = to_compact(&decoded.policy);
            compact_size = Some(compact.chars().count());
            size_findings(&mut ctx, size, &compact);
        } else if size > MAX_DOCUMENT_CHARS {
            ctx.push(too_large(size));
        }
        findings.append(&mut ctx.findings);
    }
    findings.sort_by_key(|f| (f.level, f.line.unwrap_or(0), f.column.unwrap_or(0)));
    findings.dedup_by(|a, b| a.code == b.code && a.path == b.path && a.message == b.message);
    let count = |level| findings.iter().filter(|f| f.level == level).count();
    let summary = Summary {
        error: count(Level::Error),
        security_warning: count(Level::SecurityWarning),
        warning: count(Level::Warning),
        suggestion: count(Level::Suggestion),
    };
    Report {
        kind: decoded.kind,
        valid: summary.error == 0,
        summary,
        findings,
        size,
        compact_size,
    }
}

fn too_large(size: usize) -> Finding {
    Finding::error(
        "policy-too-large",
        Path::root(),
        format!("the policy is {size} characters; RAM's limit is {MAX_DOCUMENT_CHARS}: split it into several policies"),
        format!("策略长度为 {size} 个字符，超过 RAM 的上限 {MAX_DOCUMENT_CHARS}：请拆分为多个策略"),
    )
}

fn size_findings(ctx: &mut Ctx<'_>, size: usize, compact: &str) {
    let compact_size = compact.chars().count();
    if compact_size > MAX_DOCUMENT_CHARS {
        ctx.push(
            too_large(compact_size)
                .with_message_suffix(" (even without whitespace)", "（即使去掉空白）"),
        );
    } else if size > MAX_DOCUMENT_CHARS {
        let f = ctx
            .finding(
                Level::Warning,
                "policy-size-whitespace",
                Path::root(),
                format!("the text is {size} characters, over RAM's limit of {MAX_DOCUMENT_CHARS}, but only {compact_size} without whitespace"),
                format!("文本长度为 {size} 个字符，超过 RAM 的上限 {MAX_DOCUMENT_CHARS}，去掉空白后仅 {compact_size} 个字符"),
            )
            .fix("submit the compact form", "提交去掉空白的紧凑形式", Some(compact.to_string()));
        ctx.push(f);
    }
}

trait Suffix {
    fn with_message_suffix(self, en: &str, zh: &str) -> Self;
}

impl Suffix for Finding {
    fn with_message_suffix(mut self, en: &str, zh: &str) -> Self {
        self.message.push_str(en);
        self.message_zh.push_str(zh);
        self
    }
}

/// What the checks share: the source tree (for paths and positions) and the findings so far.
pub(super) struct Ctx<'a> {
    pub tree: &'a Node,
    pub kind: PolicyKind,
    pub options: &'a LintOptions,
    pub findings: Vec<Finding>,
}

impl Ctx<'_> {
    /// A finding at `path`, positioned at that value in the text.
    pub fn finding(
        &self,
        level: Level,
        code: &'static str,
        path: Path,
        en: impl Into<String>,
        zh: impl Into<String>,
    ) -> Finding {
        let pos = self.tree.find(&path).map(|n| n.pos);
        Finding::new(level, code, path, en, zh).at(pos)
    }

    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// The path of the `j`-th value of an element written as a string or an array.
    pub fn value_path(&self, element: &Path, j: usize) -> Path {
        match self.tree.find(element).map(|n| &n.value) {
            Some(super::json::Json::Array(_)) => element.index(j),
            _ => element.clone(),
        }
    }
}

/// `$.Statement[<index>]`.
pub(super) fn statement_path(index: usize) -> Path {
    Path::root().key("Statement").index(index)
}

/// JSON text of a list of strings (one value as a string).
pub(super) fn json_list(values: &[String]) -> String {
    match values {
        [one] => serde_json::Value::String(one.clone()).to_string(),
        many => serde_json::Value::from(many.to_vec()).to_string(),
    }
}

/// JSON text of one string.
pub(super) fn json_str(value: &str) -> String {
    serde_json::Value::String(value.to_string()).to_string()
}
