//! The policy engine's messages: parse errors and lint findings with their fixes, the
//! simulator's explanation (one message per sentence), what each built statement is for, the
//! system policies' descriptions and the policy builders' errors (crate/src/policy,
//! crate/src/contract/policy).

use crate::message::messages;

messages! { PolicyMessage

    TypeNull "core_policy_type_null" {}
    TypeBoolean "core_policy_type_boolean" {}
    TypeNumber "core_policy_type_number" {}
    TypeString "core_policy_type_string" {}
    TypeArray "core_policy_type_array" {}
    TypeObject "core_policy_type_object" {}
    JsonFoundCharacter "core_policy_json_found_character" { character: String }
    JsonFoundEnd "core_policy_json_found_end" {}
    JsonTrailing "core_policy_json_trailing" { found: Box<PolicyMessage> }
    JsonTooDeep "core_policy_json_too_deep" { found: Box<PolicyMessage> }
    JsonExpectedValue "core_policy_json_expected_value" { found: Box<PolicyMessage> }
    JsonExpectedKey "core_policy_json_expected_key" { found: Box<PolicyMessage> }
    JsonExpectedColon "core_policy_json_expected_colon" { found: Box<PolicyMessage> }
    JsonExpectedObjectComma "core_policy_json_expected_object_comma" { found: Box<PolicyMessage> }
    JsonExpectedArrayComma "core_policy_json_expected_array_comma" { found: Box<PolicyMessage> }
    JsonNumberDigit "core_policy_json_number_digit" { found: Box<PolicyMessage> }
    JsonDecimalDigit "core_policy_json_decimal_digit" { found: Box<PolicyMessage> }
    JsonExponentDigit "core_policy_json_exponent_digit" { found: Box<PolicyMessage> }
    JsonUnterminatedString "core_policy_json_unterminated_string" { found: Box<PolicyMessage> }
    JsonControlCharacter "core_policy_json_control_character" { found: Box<PolicyMessage> }
    JsonBadEscape "core_policy_json_bad_escape" { found: Box<PolicyMessage> }
    JsonBadUnicodeEscape "core_policy_json_bad_unicode_escape" { found: Box<PolicyMessage> }
    JsonLoneLowSurrogate "core_policy_json_lone_low_surrogate" { found: Box<PolicyMessage> }
    JsonLoneHighSurrogate "core_policy_json_lone_high_surrogate" { found: Box<PolicyMessage> }
    JsonHexDigits "core_policy_json_hex_digits" { found: Box<PolicyMessage> }
    JsonDuplicateKey "core_policy_json_duplicate_key" { key: String, line: usize, column: usize }
    PolicyNotObject "core_policy_not_object" { got: Box<PolicyMessage> }
    MissingVersion "core_policy_missing_version" {}
    BadVersion "core_policy_bad_version" { value: String }
    MissingStatement "core_policy_missing_statement" {}
    StatementSingleObject "core_policy_statement_single_object" {}
    StatementNotArray "core_policy_statement_not_array" { got: Box<PolicyMessage> }
    SidElement "core_policy_sid_element" {}
    NotPrincipalElement "core_policy_not_principal_element" {}
    UnknownElementMeant "core_policy_unknown_element_meant" { key: String, meant: String }
    UnknownElement "core_policy_unknown_element" { key: String, known: String }
    StatementNotObject "core_policy_statement_not_object" { got: Box<PolicyMessage> }
    MissingEffect "core_policy_missing_effect" {}
    BadEffect "core_policy_bad_effect" { value: String }
    BothTargets "core_policy_both_targets" { element: String, other: String }
    MissingTargets "core_policy_missing_targets" { element: String, other: String, example: String }
    EmptyValue "core_policy_empty_value" { element: String }
    ValueNotString "core_policy_value_not_string" { element: String, got: Box<PolicyMessage> }
    NotStringList "core_policy_not_string_list" { element: String, got: Box<PolicyMessage> }
    PrincipalInIdentity "core_policy_principal_in_identity" {}
    MissingPrincipal "core_policy_missing_principal" {}
    BadPrincipal "core_policy_bad_principal" { got: Box<PolicyMessage> }
    EmptyPrincipal "core_policy_empty_principal" {}
    UnknownPrincipalType "core_policy_unknown_principal_type" { key: String }
    MalformedAction "core_policy_malformed_action" { value: String }
    MalformedResource "core_policy_malformed_resource" { value: String }
    MalformedResourceArnPrefix "core_policy_malformed_resource_arn_prefix" { value: String }
    MalformedServicePrincipal "core_policy_malformed_service_principal" { value: String }
    MalformedFederated "core_policy_malformed_federated" { value: String }
    MalformedRamPrincipal "core_policy_malformed_ram_principal" { value: String }
    ConditionEmpty "core_policy_condition_empty" {}
    ConditionNotObject "core_policy_condition_not_object" { got: Box<PolicyMessage> }
    UnknownOperator "core_policy_unknown_operator" { operator: String }
    UnknownOperatorQualified "core_policy_unknown_operator_qualified" { operator: String }
    OperatorNotMap "core_policy_operator_not_map" { operator: String }
    EmptyConditionKey "core_policy_empty_condition_key" {}
    ExpectString "core_policy_expect_string" {}
    ExpectNumber "core_policy_expect_number" {}
    ExpectDate "core_policy_expect_date" {}
    ExpectBool "core_policy_expect_bool" {}
    ExpectIp "core_policy_expect_ip" {}
    ConditionValueType "core_policy_condition_value_type" { operator: String, key: String, family: String, expected: Box<PolicyMessage>, value: String }
    BadConditionValue "core_policy_bad_condition_value" { got: Box<PolicyMessage> }
    EmptyConditionValues "core_policy_empty_condition_values" {}
    BadConditionItem "core_policy_bad_condition_item" { got: Box<PolicyMessage> }
    FixAddVersion "core_policy_fix_add_version" {}
    FixWriteVersion "core_policy_fix_write_version" {}
    FixWrapStatement "core_policy_fix_wrap_statement" {}
    FixRemove "core_policy_fix_remove" { name: String }
    FixRename "core_policy_fix_rename" { name: String, meant: String }
    FixWrite "core_policy_fix_write" { value: String }
    FixRemoveOrSplit "core_policy_fix_remove_or_split" { element: String }
    FixRemovePrincipal "core_policy_fix_remove_principal" {}
    FixAddTrusted "core_policy_fix_add_trusted" {}
    FixPrincipalType "core_policy_fix_principal_type" {}
    FixUseOperator "core_policy_fix_use_operator" { operator: String }
    FixSubmitCompact "core_policy_fix_submit_compact" {}
    FixSplitPolicy "core_policy_fix_split_policy" {}
    FixTrustOneAccount "core_policy_fix_trust_one_account" {}
    FixNameInsteadOfRoot "core_policy_fix_name_instead_of_root" {}
    FixRemoveStatement "core_policy_fix_remove_statement" {}
    FixRemoveOrNarrow "core_policy_fix_remove_or_narrow" {}
    FixRemoveOrNarrowDeny "core_policy_fix_remove_or_narrow_deny" {}
    FixListActions "core_policy_fix_list_actions" {}
    FixListResources "core_policy_fix_list_resources" {}
    FixGrantOnlyNeeded "core_policy_fix_grant_only_needed" {}
    FixAddResources "core_policy_fix_add_resources" { resources: String }
    FixAllowOnlyRole "core_policy_fix_allow_only_role" {}
    FixRenameKey "core_policy_fix_rename_key" { meant: String }
    FixUseFamily "core_policy_fix_use_family" { family: String }
    FixMoveActions "core_policy_fix_move_actions" {}
    FixAllowOnlyReads "core_policy_fix_allow_only_reads" { actions: String }
    ErrorWithFix "core_policy_error_with_fix" { problem: Box<PolicyMessage>, fix: Box<PolicyMessage> }
    EmptyPolicy "core_policy_empty_policy" {}
    TooLarge "core_policy_too_large" { size: usize, max: usize }
    TooLargeCompact "core_policy_too_large_compact" { size: usize, max: usize }
    SizeWhitespace "core_policy_size_whitespace" { size: usize, max: usize, compact: usize }
    TooManyFindings "core_policy_too_many_findings" { count: usize, factor: usize }
    ResourceInTrust "core_policy_resource_in_trust" {}
    ServicePrincipalDomain "core_policy_service_principal_domain" { value: String }
    PrincipalAnyone "core_policy_principal_anyone" {}
    PrincipalAccountFormat "core_policy_principal_account_format" { value: String, account: String }
    TrustAccountRoot "core_policy_trust_account_root" { value: String, account: String }
    TrustNotAssumeRole "core_policy_trust_not_assume_role" {}
    TrustNotAssumeRoleFederated "core_policy_trust_not_assume_role_federated" {}
    DuplicateStatement "core_policy_duplicate_statement" { index: usize }
    ShadowedStatement "core_policy_shadowed_statement" { index: usize }
    AllowAlwaysDenied "core_policy_allow_always_denied" { index: usize }
    ShadowTooLarge "core_policy_shadow_too_large" { count: usize, steps: usize }
    UnknownService "core_policy_unknown_service" { service: String }
    ActionMatchesNothing "core_policy_action_matches_nothing" { action: String, service: String }
    UnknownAction "core_policy_unknown_action" { action: String, service: String, meant: String }
    AllowNotAction "core_policy_allow_not_action" {}
    AllowNotResource "core_policy_allow_not_resource" {}
    FullAdmin "core_policy_full_admin" {}
    BadAccountInArn "core_policy_bad_account_in_arn" { value: String, account: String }
    RegionInGlobalArn "core_policy_region_in_global_arn" { name: String, service: String, value: String }
    ResourceServiceMismatch "core_policy_resource_service_mismatch" { value: String, service: String, services: String }
    OssAccountLevel "core_policy_oss_account_level" { action: String }
    OssBucketLevel "core_policy_oss_bucket_level" { action: String }
    OssObjectLevel "core_policy_oss_object_level" { action: String }
    AssumeAnyRole "core_policy_assume_any_role" {}
    MalformedConditionKey "core_policy_malformed_condition_key" { key: String }
    UnknownConditionKey "core_policy_unknown_condition_key" { key: String, meant: String }
    ConditionOperatorMismatch "core_policy_condition_operator_mismatch" { key: String, family: String, operators: String, operator: String, used: String }
    ListConditionOtherAction "core_policy_list_condition_other_action" { key: String, actions: String }
    WriteInReadOnlyNotAction "core_policy_write_in_read_only_not_action" {}
    WriteInReadOnly "core_policy_write_in_read_only" { actions: String }
    SideIdentity "core_policy_side_identity" {}
    SideSession "core_policy_side_session" {}
    SideTrust "core_policy_side_trust" {}
    Cite "core_policy_cite" { side: Box<PolicyMessage>, policy: String, statement: usize, path: String }
    CiteAssumed "core_policy_cite_assumed" { side: Box<PolicyMessage>, policy: String, statement: usize, path: String }
    ExplainAllowed "core_policy_explain_allowed" { action: String, resource: String }
    ExplainAllowedBy "core_policy_explain_allowed_by" { cite: Box<PolicyMessage> }
    ExplainIdentityNotChecked "core_policy_explain_identity_not_checked" {}
    ExplainTrustNotChecked "core_policy_explain_trust_not_checked" {}
    ExplainDeniedExplicitly "core_policy_explain_denied_explicitly" { action: String, resource: String }
    ExplainDeniedBy "core_policy_explain_denied_by" { cite: Box<PolicyMessage> }
    ExplainDenyOverrides "core_policy_explain_deny_overrides" {}
    ExplainDeniedImplicitly "core_policy_explain_denied_implicitly" { action: String, resource: String }
    ExplainConditionValues "core_policy_explain_condition_values" { cite: Box<PolicyMessage>, operator: String, key: String, values: String }
    ExplainConditionAbsent "core_policy_explain_condition_absent" { cite: Box<PolicyMessage>, operator: String, key: String }
    ExplainRootCaller "core_policy_explain_root_caller" {}
    ExplainNoPolicies "core_policy_explain_no_policies" {}
    ExplainNoIdentityStatement "core_policy_explain_no_identity_statement" { policies: String }
    ExplainIdentityAllowsAssume "core_policy_explain_identity_allows_assume" {}
    ExplainSessionNotAllowed "core_policy_explain_session_not_allowed" {}
    ExplainTrustNeedsCaller "core_policy_explain_trust_needs_caller" {}
    ExplainTrustDoesNotTrust "core_policy_explain_trust_does_not_trust" { caller: String }
    ExplainTrustTrusts "core_policy_explain_trust_trusts" {}
    PurposeOssAccount "core_policy_purpose_oss_account" { account: String }
    PurposeOssBuckets "core_policy_purpose_oss_buckets" { count: usize, buckets: String }
    PurposeOssConsoleBucket "core_policy_purpose_oss_console_bucket" { bucket: String }
    PurposeOssWalkDown "core_policy_purpose_oss_walk_down" { prefix: String, folders: String }
    PurposeOssListPrefix "core_policy_purpose_oss_list_prefix" { bucket: String, prefix: String }
    PurposeOssGetPrefix "core_policy_purpose_oss_get_prefix" { bucket: String, prefix: String }
    PurposeOssConsoleList "core_policy_purpose_oss_console_list" {}
    PurposeAssumeRole "core_policy_purpose_assume_role" { role: String }
    PurposeTrustAccount "core_policy_purpose_trust_account" { account: String }
    PurposeTrustNamed "core_policy_purpose_trust_named" { account: String }
    PurposeTrustAccountExternalId "core_policy_purpose_trust_account_external_id" { account: String }
    PurposeTrustNamedExternalId "core_policy_purpose_trust_named_external_id" { account: String }
    PurposeServices "core_policy_purpose_services" { count: usize, services: String }
    SystemOssReadOnly "core_policy_system_oss_read_only" {}
    SystemOssFull "core_policy_system_oss_full" {}
    SystemStsAssumeRole "core_policy_system_sts_assume_role" {}
    SystemAdministrator "core_policy_system_administrator" {}
    SystemRamReadOnly "core_policy_system_ram_read_only" {}
    BuildAccountUid "core_policy_build_account_uid" { value: String }
    BuildUserName "core_policy_build_user_name" { value: String }
    BuildRoleName "core_policy_build_role_name" { value: String }
    BuildBucketName "core_policy_build_bucket_name" { value: String }
    BuildExternalId "core_policy_build_external_id" { value: String }
    BuildTrustNeedsAccount "core_policy_build_trust_needs_account" {}
    BuildBucketsEmpty "core_policy_build_buckets_empty" {}
    BuildPrefixEmpty "core_policy_build_prefix_empty" {}
    BuildPrefixWildcard "core_policy_build_prefix_wildcard" { prefix: String }
    BuildNotRoleArn "core_policy_build_not_role_arn" { value: String }
    PostKeyAndPrefix "core_policy_post_key_and_prefix" {}
    PostKeyEmpty "core_policy_post_key_empty" {}
    PostNeedsKey "core_policy_post_needs_key" {}
    PostRangeEmpty "core_policy_post_range_empty" { min: u64, max: u64 }
    PostStatus "core_policy_post_status" { value: String }
    CatalogUnknown "core_policy_catalog_unknown" { name: String, known: String }
    CatalogUnknownMeant "core_policy_catalog_unknown_meant" { name: String, known: String, meant: String }
    InputTooLarge "core_policy_input_too_large" { size: usize, max: usize }
    DocumentTooLarge "core_policy_document_too_large" { size: usize, max: usize }
    FieldTooLong "core_policy_field_too_long" { size: usize, max: usize }
    BatchTooLarge "core_policy_batch_too_large" { requests: usize, bytes: usize, most: usize }
    ExplanationsTooLarge "core_policy_explanations_too_large" { budget: usize }
    ExpectedString "core_policy_expected_string" { got: Box<PolicyMessage> }
    FieldNotStringArray "core_policy_field_not_string_array" { name: String, got: Box<PolicyMessage> }
    FieldNotBool "core_policy_field_not_bool" { name: String, got: Box<PolicyMessage> }
    FieldNotString "core_policy_field_not_string" { name: String, got: Box<PolicyMessage> }
    RequestNotObject "core_policy_request_not_object" { got: Box<PolicyMessage> }
    ContextValue "core_policy_context_value" { got: Box<PolicyMessage> }
    ContextNotObject "core_policy_context_not_object" { got: Box<PolicyMessage> }
    SimulateBothRequests "core_policy_simulate_both_requests" {}
    SimulateNoRequest "core_policy_simulate_no_request" {}
    RequestsNotArray "core_policy_requests_not_array" { got: Box<PolicyMessage> }
    BadDetail "core_policy_bad_detail" { value: String }
    IdentityPoliciesNotArray "core_policy_identity_policies_not_array" { got: Box<PolicyMessage> }
    IdentityEntryNeedsName "core_policy_identity_entry_needs_name" {}
    IdentityEntryBad "core_policy_identity_entry_bad" { got: Box<PolicyMessage> }
    DocumentNotText "core_policy_document_not_text" { got: Box<PolicyMessage> }
    LintNeedsPolicy "core_policy_lint_needs_policy" {}
    BadIntent "core_policy_bad_intent" { value: String }
    BadKind "core_policy_bad_kind" { value: String }
    BuildKindUnknown "core_policy_build_kind_unknown" { value: String }
    AssumeRoleBoth "core_policy_assume_role_both" {}
    AssumeRoleMissing "core_policy_assume_role_missing" {}
    PrefixNeedsBucket "core_policy_prefix_needs_bucket" {}
    BucketAndBuckets "core_policy_bucket_and_buckets" {}
    BadExpiresIn "core_policy_bad_expires_in" { value: String }
    NowAndExpiration "core_policy_now_and_expiration" {}
    MissingExpiration "core_policy_missing_expiration" {}
    BadLengthRange "core_policy_bad_length_range" {}
    CliLintSummary "core_policy_cli_lint_summary" { source: String, kind: String, count: usize, errors: usize, security_warnings: usize, warnings: usize, suggestions: usize }
    CliFix "core_policy_cli_fix" { fix: String }
    CliReplaceWith "core_policy_cli_replace_with" { snippet: String }
    CliReplaceAt "core_policy_cli_replace_at" { path: String, snippet: String }
    CliDecision "core_policy_cli_decision" { decision: String }
    CliAssumed "core_policy_cli_assumed" {}
    CliConditionNotMet "core_policy_cli_condition_not_met" { policy: String, condition: String }
    CliMissingKeys "core_policy_cli_missing_keys" { keys: String }
}
