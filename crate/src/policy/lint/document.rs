//! One lint run over a whole document: decode it, run each rule file over its statements, add
//! the document-wide findings (size, emptiness), and sum the findings up by level.

use super::context::Ctx;
use super::options::LintOptions;
use super::{redundancy, statements, trust};
use crate::message::PolicyMessage;
use crate::policy::finding::{Finding, Level};
use crate::policy::model::{PolicyKind, Statement};
use crate::policy::parse::decode;
use crate::policy::path::Path;
use crate::policy::serialize::{to_compact, MAX_DOCUMENT_CHARS};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyLintSummary"))]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub error: usize,
    pub security_warning: usize,
    pub warning: usize,
    pub suggestion: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "PolicyLintReport"))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// `identity` or `trust`.
    #[serde(serialize_with = "kind_name")]
    #[cfg_attr(test, ts(type = "\"identity\" | \"trust\""))]
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
    #[cfg_attr(test, ts(optional))]
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
        let mut ctx = Ctx::new(tree, decoded.kind, options, text.len());
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
                    PolicyMessage::EmptyPolicy {},
                ));
            }
            let compact = to_compact(&decoded.policy);
            compact_size = Some(compact.chars().count());
            size_findings(&mut ctx, size, &compact);
        } else if size > MAX_DOCUMENT_CHARS {
            ctx.push(too_large(size));
        }
        ctx.finish();
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
        PolicyMessage::TooLarge {
            size,
            max: MAX_DOCUMENT_CHARS,
        },
    )
}

fn size_findings(ctx: &mut Ctx<'_>, size: usize, compact: &str) {
    let compact_size = compact.chars().count();
    if compact_size > MAX_DOCUMENT_CHARS {
        ctx.push(Finding::error(
            "policy-too-large",
            Path::root(),
            PolicyMessage::TooLargeCompact {
                size: compact_size,
                max: MAX_DOCUMENT_CHARS,
            },
        ));
    } else if size > MAX_DOCUMENT_CHARS {
        let f = ctx
            .finding(
                Level::Warning,
                "policy-size-whitespace",
                Path::root(),
                PolicyMessage::SizeWhitespace {
                    size,
                    max: MAX_DOCUMENT_CHARS,
                    compact: compact_size,
                },
            )
            .fix(
                PolicyMessage::FixSubmitCompact {},
                Some(compact.to_string()),
            );
        ctx.push(f);
    }
}
