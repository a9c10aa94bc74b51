//! The CLI's own words: its labels and headings around the core's answers, where an error
//! points (crate/src/bin/rolehop, crate/src/error.rs), its usage texts (`Help*`: what each command
//! does; the synopses are code and stay in crate/src/bin/rolehop) and what is wrong with a command
//! line (fragments after `rolehop COMMAND: `, as command lines write them). Rendered in English,
//! or Chinese with `--zh`.

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

    // A wrong command line (exit code 2): fragments after the program's name.
    UnknownFlag "core_cli_unknown_flag" { flag: String }
    FlagNeedsValue "core_cli_flag_needs_value" { flag: String }
    UnexpectedArgument "core_cli_unexpected_argument" { argument: String }
    UnknownCommand "core_cli_unknown_command" { command: String, commands: String }
    MissingCommand "core_cli_missing_command" { commands: String }
    NeedsFile "core_cli_needs_file" {}
    AtMostOneFile "core_cli_at_most_one_file" {}
    NeedsFlag "core_cli_needs_flag" { flag: String }
    NeedsKind "core_cli_needs_kind" { kinds: String }
    UnknownKind "core_cli_unknown_kind" { kind: String, kinds: String }
    NeedsProfile "core_cli_needs_profile" {}
    FlagSeconds "core_cli_flag_seconds" { flag: String, value: String }
    FlagOneOf "core_cli_flag_one_of" { flag: String, values: String, value: String }
    FlagForm "core_cli_flag_form" { flag: String, form: String, value: String }
    NotBoth "core_cli_not_both" { first: String, second: String }
    Together "core_cli_together" { first: String, second: String }
    UrlTarget "core_cli_url_target" {}
    NoHome "core_cli_no_home" { flag: String }
    WriteNeedsFile "core_cli_write_needs_file" {}
    // Bad input (exit code 1).
    WriteFailed "core_cli_write_failed" { target: String, reason: String }
    NoValidProfile "core_cli_no_valid_profile" { file: String, id: String }
    NotCanonical "core_cli_not_canonical" { file: String }
    AliyunConfigNeedsHome "core_cli_aliyun_config_needs_home" {}
    // The usage texts: what each command does.
    LabelUsage "core_cli_label_usage" {}
    HelpIntro "core_cli_help_intro" {}
    HelpSign "core_cli_help_sign" {}
    HelpRequest "core_cli_help_request" {}
    HelpParse "core_cli_help_parse" {}
    HelpPolicy "core_cli_help_policy" {}
    HelpProfile "core_cli_help_profile" {}
    HelpTutorial "core_cli_help_tutorial" {}
    HelpCheck "core_cli_help_check" {}
    HelpConsole "core_cli_help_console" {}
    HelpCredentials "core_cli_help_credentials" {}
    HelpVersion "core_cli_help_version" {}
    HelpHelp "core_cli_help_help" {}
    HelpContract "core_cli_help_contract" {}
    HelpPolicyBuild "core_cli_help_policy_build" {}
    HelpPolicyBuildRequest "core_cli_help_policy_build_request" {}
    HelpPolicyLint "core_cli_help_policy_lint" {}
    HelpPolicySimulate "core_cli_help_policy_simulate" {}
    HelpPolicySimulateRequest "core_cli_help_policy_simulate_request" {}
    HelpProfileParse "core_cli_help_profile_parse" {}
    HelpProfileFormat "core_cli_help_profile_format" {}
    HelpProfileImport "core_cli_help_profile_import" {}
    HelpProfileExport "core_cli_help_profile_export" {}
    HelpProfileUrl "core_cli_help_profile_url" {}
    HelpTutorialSteps "core_cli_help_tutorial_steps" {}
    HelpTutorialPlan "core_cli_help_tutorial_plan" {}
    HelpTutorialNext "core_cli_help_tutorial_next" {}
    HelpTutorialValues "core_cli_help_tutorial_values" {}
    HelpCheckIntro "core_cli_help_check_intro" {}
    HelpCheckPlan "core_cli_help_check_plan" {}
    HelpCheckNext "core_cli_help_check_next" {}
    HelpCheckDiagnose "core_cli_help_check_diagnose" {}
    HelpCheckRetry "core_cli_help_check_retry" {}
    HelpConsoleOpen "core_cli_help_console_open" {}
    HelpConsoleCredentials "core_cli_help_console_credentials" {}
    HelpConsoleProfiles "core_cli_help_console_profiles" {}
    HelpConsoleYourCredentials "core_cli_help_console_your_credentials" {}
    HelpConsoleExitCodes "core_cli_help_console_exit_codes" {}
    HelpZh "core_cli_help_zh" {}
}
