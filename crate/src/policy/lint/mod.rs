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
//! `shadowed-statement`, `allow-always-denied`, `too-large-to-check`.
//!
//! Bounded work (design decision 7): every check is linear in the document except shadowing,
//! which has a work budget (`redundancy`), and findings whose text names other parts of the
//! statement (lists of services, resources, actions), whose total is capped by `Ctx`'s text
//! budget. A check that stops says so with a `too-large-to-check` finding.

mod actions;
mod conditions;
mod context;
mod document;
mod options;
mod redundancy;
mod resources;
mod statements;
mod trust;

pub use document::{lint, Report, Summary};
pub use options::{Intent, LintOptions};
