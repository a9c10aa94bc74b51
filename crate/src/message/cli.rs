//! The CLI's own words: its labels and headings around the core's answers, and where an error
//! points (crate/src/bin/rolehop, crate/src/error.rs). Rendered in English, or Chinese with `--zh`.

use crate::message::messages;

messages! { CliMessage

    LabelAt "core_cli_label_at" { path: String }
    LabelLineColumn "core_cli_label_line_column" { line: usize, column: usize }
    ReadFailed "core_cli_read_failed" { source: String, reason: String }
    TitleTutorial "core_cli_title_tutorial" { audience: Box<CliMessage> }
    LabelCompanyA "core_cli_label_company_a" {}
    LabelCompanyB "core_cli_label_company_b" {}
    LabelBUser "core_cli_label_b_user" {}
    LabelConsole "core_cli_label_console" {}
    LabelValues "core_cli_label_values" {}
    LabelPolicy "core_cli_label_policy" {}
    LabelAliyunCli "core_cli_label_aliyun_cli" {}
    LabelTerraform "core_cli_label_terraform" {}
    LabelVerify "core_cli_label_verify" {}
    TitleTroubleshooting "core_cli_title_troubleshooting" {}
    LabelWhen "core_cli_label_when" {}
    PolicyAssumed "core_cli_policy_assumed" {}
    DocumentAbove "core_cli_document_above" {}
    LintErrorCount "core_cli_lint_error_count" { count: usize }
    LintSecurityWarningCount "core_cli_lint_security_warning_count" { count: usize }
    LintWarningCount "core_cli_lint_warning_count" { count: usize }
    LintSuggestionCount "core_cli_lint_suggestion_count" { count: usize }
    LabelLint "core_cli_label_lint" { found: String }
    LabelLintClean "core_cli_label_lint_clean" {}
    PlanIntro "core_cli_plan_intro" { side: String, account: String }
    LabelVerdictPass "core_cli_label_verdict_pass" {}
    LabelVerdictFail "core_cli_label_verdict_fail" {}
    LabelVerdictIncomplete "core_cli_label_verdict_incomplete" {}
    LabelVerdictPending "core_cli_label_verdict_pending" {}
}
