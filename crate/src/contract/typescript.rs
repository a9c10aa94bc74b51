//! The contract's TypeScript declarations, derived from the Rust types that cross the wasm and CLI
//! boundary (ts-rs, in test builds only: the wasm does not link it). They are tracked in
//! `extension/shared/generated/core.d.ts`, which the extension's JSDoc types import through
//! `extension/shared/contract.d.ts`.
//!
//! `./build.sh types` writes the file; the test `declarations_are_current` (run by
//! `./build.sh test`) fails when the tracked file differs from what the types give now.
//!
//! A type whose JSON is written by hand (a `Serialize` impl, `serialize_with`, the fast writers
//! of `contract/sign/answer.rs`) states its TypeScript next to that writer's rule, here or in a
//! `#[ts(type = ...)]` on the field; the test `outputs_have_the_declared_fields` compares real
//! outputs with the declarations.

use crate::{api, checks, contract, error, message, policy, profile, tutorial};
use std::fmt::Write;
use ts_rs::{Config, TS};

/// Where the declarations live, from the crate's directory.
const TRACKED: &str = "../extension/shared/generated/core.d.ts";

/// The one command that rewrites [`TRACKED`].
const REGENERATE: &str = "./build.sh types";

/// Set by `./build.sh types`: write the declarations instead of comparing them.
const WRITE_VARIABLE: &str = "ROLEHOP_WRITE_DECLARATIONS";

/// Every type that crosses the boundary, and every type they name. One line each, grouped by
/// area, so that branches adding types merge cleanly.
macro_rules! exported {
    ($($ty:ty),* $(,)?) => {
        /// Each type's declaration, and the names of the types it refers to.
        fn collect(cfg: &Config) -> Vec<(String, String, Vec<String>)> {
            vec![$(
                (
                    <$ty as TS>::ident(cfg),
                    declaration::<$ty>(cfg),
                    <$ty as TS>::dependencies(cfg).into_iter().map(|d| d.ts_name).collect(),
                ),
            )*]
        }
    };
}

exported! {
    // Errors (crate/src/error.rs)
    error::ErrorKind,
    error::Error,
    contract::text::ErrorAnswer,
    // Messages: one `{id, args}` union per area the extension receives (crate/src/message/); not
    // the CLI's, nor their union (an error's text is any message, `CoreMessage`: error.rs)
    message::ProfileMessage,
    message::PolicyMessage,
    message::ApiMessage,
    message::SignMessage,
    message::ChecksMessage,
    message::TutorialMessage,
    message::SigninMessage,
    message::SetupMessage,
    message::ContractMessage,
    message::ChainMessage,
    // version
    contract::VersionInfo,
    contract::sign::SelfCheck,
    api::Action,
    // sign: the request (crate/src/contract/sign/input.rs) and its answers
    crate::read::Scalar,
    contract::sign::input::SignRequest,
    contract::sign::input::RpcSignRequest,
    contract::sign::input::OssRequestFields,
    contract::sign::input::OssPresignRequest,
    contract::sign::input::PresignFields,
    contract::sign::input::PostPolicySignRequest,
    crate::sign::rpc::RpcSignature,
    crate::sign::oss::OssHeaderSignature,
    crate::sign::oss::OssPresignedUrl,
    crate::sign::post_policy::PostPolicySignature,
    // request: the input (crate/src/contract/request.rs) and its answer
    api::Credentials,
    contract::request::RequestFields,
    api::BuiltRequest,
    api::Signing,
    // parseResponse: the input (crate/src/contract/parse.rs) and its answers (crate/src/api/)
    contract::parse::ResponseInput,
    contract::parse::ParsedResponse,
    api::ApiError,
    api::AccessDeniedDetail,
    api::DeniedPolicyType,
    api::NoPermissionType,
    api::PrincipalType,
    api::DecodedDiagnosticResult,
    api::SignatureDiff,
    api::ApiResult,
    api::AssumeRoleResult,
    api::StsCredentials,
    api::AssumedRoleUser,
    api::CallerIdentity,
    api::RoleResult,
    api::Role,
    api::UserResult,
    api::User,
    api::PolicyResult,
    api::RamPolicy,
    api::PolicyVersion,
    api::PolicyListResult,
    api::AttachedPolicy,
    api::AckResult,
    api::AccountAliasResult,
    api::ListBucketsResult,
    api::BucketSummary,
    api::Owner,
    api::ListObjectsResult,
    api::ObjectSummary,
    api::BucketInfo,
    // consoleSignin's requests, and the CLI's federation requests (rolehop console)
    contract::console::AssumeMode,
    contract::console::ReadOnlyAccount,
    contract::console::AssumeInput,
    contract::console::CallerCredentials,
    contract::console::AssumeRequest,
    contract::console::AnswerInput,
    contract::console::RefusedRole,
    contract::parse::HttpAnswer,
    contract::console::TokenInput,
    contract::console::SessionCredentials,
    api::FormRequest,
    contract::console::LoginInput,
    contract::console::StepAnswer,
    contract::console::Refused,
    contract::console::RefusedBy,
    api::Refusal,
    contract::console::Federation,
    contract::console_refusal::RefusalInput,
    contract::console_refusal::Refusal,
    api::SigninToken,
    api::FederationFailure,
    api::FederationError,
    // Policies: the inputs of policyBuild, policyLint and policySimulate and their answers
    // (crate/src/contract/policy/), the reports (crate/src/policy/), tutorial documents
    contract::policy::values::Document,
    contract::policy::build_input::BuildInput,
    contract::policy::build_input::TrustInput,
    contract::policy::build_input::OssReadOnlyInput,
    contract::policy::build_input::OssScopeFields,
    contract::policy::build_input::OssAccountFields,
    contract::policy::build_input::AssumeRoleInput,
    contract::policy::build_input::RoleFields,
    contract::policy::build_input::PostObjectInput,
    contract::policy::build_input::ExpiryFields,
    contract::policy::build_input::UploadFields,
    contract::policy::build_input::PostObjectKeys,
    contract::policy::build_answer::BuiltDocument,
    contract::policy::build_answer::StatementPurpose,
    contract::policy::build_answer::BuiltPostObject,
    contract::policy::build_answer::PostObjectForm,
    contract::policy::lint::LintInput,
    contract::policy::lint::LintKind,
    contract::policy::lint::LintIntent,
    contract::policy::lint::LintAnswer,
    contract::policy::simulate::SimulateInput,
    contract::policy::simulate::SimulatePolicies,
    contract::policy::simulate::SimulateDetail,
    contract::policy::loaded::Detail,
    contract::policy::loaded::PolicyEntry,
    contract::policy::loaded::NamedDocument,
    contract::policy::request::RequestInput,
    contract::policy::answer::SimulateAnswer,
    contract::policy::answer::SimulatedPolicy,
    policy::eval::Decision,
    policy::Level,
    policy::Finding,
    policy::Fix,
    policy::lint::Summary,
    policy::lint::Report,
    policy::explain::StatementRef,
    policy::explain::ConditionMiss,
    policy::explain::SideReport,
    policy::Explanation,
    // Profiles (crate/src/profile/)
    profile::Site,
    profile::AccountKind,
    profile::Profile,
    profile::ProfileError,
    profile::Fix,
    profile::Parsed,
    profile::aliyun_cli::Skipped,
    profile::aliyun_cli::ExportedProfile,
    profile::aliyun_cli::Exported,
    profile::SwitchUrl,
    // Profile calls: the requests (crate/src/contract/profile/input.rs) and answers
    contract::profile::input::ProfileParseInput,
    contract::profile::input::ProfileFields,
    contract::profile::input::ProfileSerializeInput,
    contract::profile::ProfileSerializeResult,
    contract::profile::input::ProfileImportInput,
    contract::profile::ProfileImportResult,
    contract::profile::input::ProfileExportInput,
    contract::profile::input::ExportProfiles,
    contract::profile::input::ExportOptions,
    contract::profile::input::SwitchUrlInput,
    contract::profile::input::SwitchProfile,
    contract::profile::input::SwitchTarget,
    contract::profile::input::SwitchMarker,
    // Checks (crate/src/checks/)
    checks::graph::Creds,
    checks::graph::NextRequest,
    checks::CheckId,
    checks::report::Status,
    checks::report::Cause,
    checks::report::Evidence,
    checks::report::FixText,
    checks::report::CheckFix,
    checks::report::CheckResult,
    checks::report::VerdictStatus,
    checks::report::Verdict,
    checks::report::Warning,
    checks::report::Report,
    checks::report::Basis,
    checks::details::Details,
    checks::details::Refused,
    checks::details::Found,
    checks::details::PolicySources,
    checks::details::SimulatedRequest,
    checks::details::UserPolicies,
    checks::details::ValuesDiffer,
    checks::details::PoliciesDiffer,
    checks::details::DeniedBy,
    checks::details::DecodeStatus,
    checks::call::Call,
    checks::loaded_policies::UserPolicy,
    checks::loaded_policies::GivenPolicy,
    checks::chain::Diagnosis,
    checks::chain::LinkId,
    checks::chain::LinkStatus,
    checks::chain::Link,
    checks::retry::RetryDecision,
    checks::retry::RetryPolicy,
    checks::retry::RetryRule,
    checks::plan::ChecksPlan,
    checks::plan::PlannedCheck,
    checks::plan::PlannedRequest,
    checks::inputs::InputFields,
    checks::facts::AttemptFields,
    checks::facts::FactsInput,
    contract::checks::ChecksState,
    contract::checks::ChecksNextResult,
    contract::checks::ChecksRetryInput,
    // Tutorial (crate/src/tutorial/)
    tutorial::TutorialStep,
    // tutorialSteps' answer (crate/src/tutorial/complete.rs, draft.rs, steps/, policies.rs, console.rs)
    tutorial::TutorialSteps,
    tutorial::Notes,
    tutorial::Incomplete,
    tutorial::Placeholder,
    tutorial::Values,
    tutorial::AccountValues,
    tutorial::PolicyName,
    tutorial::OutlineEntry,
    tutorial::Trouble,
    tutorial::CheckInputs,
    tutorial::UserPolicy,
    tutorial::StepAnswer,
    tutorial::StepValue,
    tutorial::ConsolePath,
    tutorial::TutorialPolicy,
    tutorial::StatementAnswer,
    tutorial::LintAnswer,
    // tutorialSteps, setupPlan and setupNext inputs (crate/src/tutorial/input/shape.rs, setup/next/input.rs)
    tutorial::input::Audience,
    tutorial::input::shape::TutorialInput,
    tutorial::input::shape::SetupPlanInput,
    tutorial::input::shape::TutorialAccount,
    tutorial::input::shape::TutorialTrust,
    tutorial::input::shape::KindOnly,
    tutorial::input::shape::PrincipalsTrust,
    tutorial::input::shape::TutorialPermission,
    tutorial::input::shape::CustomPermission,
    tutorial::setup::SetupNextInput,
    tutorial::setup::SetupNextPlan,
    tutorial::setup::SetupResult,
    tutorial::setup::SetupResponse,
    // setupPlan and setupNext answers (crate/src/tutorial/setup/)
    tutorial::setup::SetupTask,
    tutorial::setup::SetupOperation,
    tutorial::setup::SetupPreview,
    tutorial::setup::SetupReplaces,
    tutorial::setup::SetupPlan,
    tutorial::setup::SetupPlanTask,
    tutorial::setup::SetupOutcome,
    tutorial::setup::SetupNextResult,
    // JSON the core passes on unread
    serde_json::Value,
}

/// `export type Name = ...;`, with the type's doc comment.
fn declaration<T: TS + 'static>(cfg: &Config) -> String {
    let mut out = String::new();
    if let Some(docs) = T::docs() {
        out.push_str(&docs);
    }
    out.push_str("export ");
    out.push_str(&one_field_a_line(&T::decl(cfg)));
    out
}

/// ts-rs writes an object type on one line, its fields' doc comments in between: put each field
/// (and its comment) on its own indented line. Only the outermost object is opened up.
fn one_field_a_line(decl: &str) -> String {
    if !decl.contains("= { ") {
        return decl.to_owned();
    }
    let mut out = String::with_capacity(decl.len() + 64);
    let (mut depth, mut in_string, mut in_comment) = (0usize, false, false);
    // Brackets inside the object: `[a, b]`, `Record<K, V>` keep their commas.
    let mut nested = 0usize;
    let mut chars = decl.chars().peekable();
    while let Some(c) = chars.next() {
        if in_comment {
            if c == '\n' {
                out.push_str("\n  ");
                if chars.peek() == Some(&' ') {
                    chars.next();
                    out.push(' ');
                }
                continue;
            }
            out.push(c);
            if c == '/' && out.ends_with("*/") {
                in_comment = false;
            }
            continue;
        }
        if in_string {
            out.push(c);
            in_string = c != '"';
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '/' if depth == 1 && chars.peek() == Some(&'*') => {
                in_comment = true;
                out.push(c);
            }
            '{' => {
                depth += 1;
                out.push(c);
                if depth == 1 {
                    out.push_str("\n  ");
                    skip_blanks(&mut chars);
                }
            }
            '}' => {
                if depth == 1 {
                    out.truncate(out.trim_end().len());
                    out.push('\n');
                }
                depth = depth.saturating_sub(1);
                out.push(c);
            }
            '[' | '<' | '(' if depth == 1 => {
                nested += 1;
                out.push(c);
            }
            ']' | '>' | ')' if depth == 1 => {
                nested = nested.saturating_sub(1);
                out.push(c);
            }
            ',' if depth == 1 && nested == 0 => {
                out.push_str(",\n  ");
                skip_blanks(&mut chars);
            }
            '\n' if depth == 1 => {
                out.truncate(out.trim_end_matches(' ').len());
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("  ");
            }
            _ => out.push(c),
        }
    }
    out
}

fn skip_blanks(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.peek().is_some_and(|c| *c == ' ' || *c == '\n') {
        chars.next();
    }
}

/// The whole file, in the order of [`exported!`].
fn declarations() -> String {
    let cfg = Config::new().with_large_int("number");
    let types = collect(&cfg);
    let mut names: Vec<&str> = types.iter().map(|(name, _, _)| name.as_str()).collect();
    names.push("CoreMessage");
    let mut seen = std::collections::BTreeSet::new();
    for name in &names {
        assert!(
            seen.insert(*name),
            "two Rust types are declared as TypeScript `{name}`: give one a #[ts(rename = \"...\")]"
        );
    }
    for (name, _, dependencies) in &types {
        for dependency in dependencies {
            assert!(
                names.contains(&dependency.as_str()),
                "`{name}` refers to `{dependency}`, which crate/src/contract/typescript.rs does not export: add it to exported!"
            );
        }
    }
    let mut out = String::from(
        "// GENERATED from the Rust types by crate/src/contract/typescript.rs: do not edit.\n\
         // Regenerate with `./build.sh types`. Types not (yet) in Rust and the wasm-bindgen functions are\n\
         // declared by hand in ../contract.d.ts; the service worker's messages are in ./messages.d.ts.\n\n",
    );
    out.push_str(message::typescript::CORE_MESSAGE);
    out.push_str("\n\n");
    for (_, declaration, _) in &types {
        // Writing into a String cannot fail.
        let _ = writeln!(out, "{declaration}\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A type serialized by hand: its TypeScript, stated here from the same data its writer uses.
macro_rules! hand_written {
    ($ty:ty, $name:literal, $inline:expr) => {
        hand_written!($ty, $name, $inline, docs = None);
    };
    ($ty:ty, $name:literal, $inline:expr, docs = $docs:expr) => {
        impl TS for $ty {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn docs() -> Option<String> {
                $docs.map(|docs: &str| {
                    format!(
                        "/**\n{}\n */\n",
                        docs.lines()
                            .map(|l| format!(" * {l}"))
                            .collect::<Vec<_>>()
                            .join("\n")
                    )
                })
            }
            fn name(_: &Config) -> String {
                $name.to_owned()
            }
            fn inline(_: &Config) -> String {
                $inline
            }
            fn decl(cfg: &Config) -> String {
                format!("type {} = {};", $name, Self::inline(cfg))
            }
            fn decl_concrete(cfg: &Config) -> String {
                Self::decl(cfg)
            }
        }
    };
}

/// A union of string literals.
fn literals<I: IntoIterator<Item = String>>(items: I) -> String {
    items
        .into_iter()
        .map(|item| format!("\"{item}\""))
        .collect::<Vec<_>>()
        .join(" | ")
}

// A signed parameter or header value: its JSON text (crate/src/read/).
hand_written!(
    crate::read::Scalar,
    "Scalar",
    "string | number | boolean".to_owned()
);

// An HTTP status as the contract reads it: a number, 100-599 (contract/parse.rs).
hand_written!(contract::parse::Status, "number", "number".to_owned());

// A JSON object's entries, each value read as `V` (crate/src/read/values.rs).
impl<V: TS> TS for crate::read::Entries<V> {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(cfg: &Config) -> String {
        format!("{{ [key in string]: {} }}", V::name(cfg))
    }
    fn inline(cfg: &Config) -> String {
        Self::name(cfg)
    }
    fn decl(cfg: &Config) -> String {
        format!("type Entries = {};", Self::inline(cfg))
    }
    fn decl_concrete(cfg: &Config) -> String {
        Self::decl(cfg)
    }
}

// A policy document: its JSON text or a JSON object (contract/policy/values.rs).
hand_written!(
    contract::policy::values::Document,
    "PolicyDocument",
    "string | { [key in string]: JsonValue }".to_owned()
);

// A refusal's details: what the check found, then the cloud's words (checks/details.rs).
hand_written!(
    checks::details::Refused,
    "CheckRefusedDetails",
    "{ deniedBy: CheckDeniedBy } & CheckFound".to_owned()
);

// The cloud's facts on a refusal without its encoded message, and how decoding it went
// (checks/details.rs).
hand_written!(
    checks::details::DeniedBy,
    "CheckDeniedBy",
    concat!(
        "Omit<AccessDeniedDetail, \"encodedDiagnosticMessage\"> & {\n",
        "  /** OSS's EC code names a bucket policy. */\n",
        "  bucketPolicy: boolean,\n",
        "  decode: CheckDecodeStatus,\n",
        "}"
    )
    .to_owned(),
    docs = Some(
        "The cloud's facts on a refusal, without its encoded message (its decoded facts are shown\n\
         instead), and how decoding it went."
    )
);

// consoleSignin `assume`'s answer: the signed request, the session's name and whether the
// read-only session policy went with it (contract/console.rs).
hand_written!(
    contract::console::AssumeRequest,
    "ConsoleAssumeRequest",
    "{ sessionName: string, readOnly: boolean } & BuiltRequest".to_owned(),
    docs = Some(
        "`assume`'s answer: the signed AssumeRole request, the session's name, and whether the\n\
         read-only session policy went with it."
    )
);

// B's policies beside the role they allow instead (checks/details.rs).
hand_written!(
    checks::details::PoliciesDiffer,
    "CheckUserPoliciesDiffer",
    "CheckUserPolicies & CheckValuesDiffer".to_owned()
);

// On the wire a step is its number (numbering.rs).
hand_written!(
    tutorial::TutorialStep,
    "TutorialStepNumber",
    tutorial::TutorialStep::ALL
        .iter()
        .map(|s| s.number().to_string())
        .collect::<Vec<_>>()
        .join(" | ")
);

// An action crosses as its API name (action.rs).
hand_written!(
    api::Action,
    "ActionName",
    literals(api::Action::ALL.iter().map(|a| a.name().to_owned()))
);

// A check crosses as its id (checks/check.rs), in report order.
hand_written!(
    checks::CheckId,
    "CheckId",
    literals(checks::check::CHECKS.iter().map(|c| c.id.name().to_owned()))
);

#[test]
fn declarations_are_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(TRACKED);
    let generated = declarations();
    if std::env::var_os(WRITE_VARIABLE).is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let tracked = std::fs::read_to_string(&path).unwrap_or_default();
    if tracked != generated {
        let line = tracked
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| tracked.lines().count().min(generated.lines().count()))
            + 1;
        panic!(
            "extension/shared/generated/core.d.ts is not what the Rust types give now (first \
             difference at line {line}): run `{REGENERATE}` and commit the file"
        );
    }
}
