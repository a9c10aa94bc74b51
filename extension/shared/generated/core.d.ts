// GENERATED from the Rust types by crate/src/contract/typescript.rs: do not edit.
// Regenerate with `./build.sh types`. Types not (yet) in Rust and the wasm-bindgen functions are
// declared by hand in ../contract.d.ts; the service worker's messages are in ./messages.d.ts.

export type CoreMessage = { id: string, args: { [name in string]: string | number | CoreMessage } };

/**
 * Stable error kinds. Their kebab-case names are part of the JSON contract: never rename one.
 */
export type ErrorKind = "invalid-json" | "missing-field" | "invalid-value" | "unsupported" | "invalid-response";

/**
 * An error with what was wrong, where, and (in the message) what to do.
 */
export type CoreError = {
  kind: ErrorKind,
  /**
   * English prose, or, for an error whose words are in the catalogs, its message id.
   */
  message: string,
  /**
   * The words as a message id and arguments, rendered by the extension and the CLI from the
   * catalogs (the errors not yet moved there have none).
   */
  text?: CoreMessage,
  /**
   * JSON path of the offending field, e.g. `$.params.Timestamp`.
   */
  path?: string,
  /**
   * 1-based line and column in a text input, where one applies.
   */
  line?: number,
  column?: number,
};

/**
 * What a call answers instead of its result when it fails.
 */
export type CoreErrorResult = {
  error: CoreError,
};

export type ProfileMessage = 
  | { id: "core_field_account", args: Record<string, never> }
  | { id: "core_field_role_name", args: Record<string, never> }
  | { id: "core_field_role_arn", args: Record<string, never> }
  | { id: "core_field_display_name", args: Record<string, never> }
  | { id: "core_field_group", args: Record<string, never> }
  | { id: "core_field_color", args: Record<string, never> }
  | { id: "core_field_note", args: Record<string, never> }
  | { id: "core_field_site", args: Record<string, never> }
  | { id: "core_profile_account_logon_name", args: { value: string, domain: string } }
  | { id: "core_profile_account_invalid", args: { value: string } }
  | { id: "core_profile_domain_lower_case", args: { lower: string } }
  | { id: "core_profile_alias_character", args: { value: string, character: string } }
  | { id: "core_profile_alias_lower_case", args: { value: string, lower: string } }
  | { id: "core_profile_alias_length", args: { value: string, count: number } }
  | { id: "core_profile_alias_hyphen_edge", args: { value: string } }
  | { id: "core_profile_alias_double_hyphen", args: { value: string } }
  | { id: "core_profile_uid_length", args: { value: string, count: number } }
  | { id: "core_profile_uid_digits", args: { value: string } }
  | { id: "core_profile_role_name_length", args: { value: string, count: number } }
  | { id: "core_profile_role_name_character", args: { value: string, character: string, position: number } }
  | { id: "core_profile_role_arn_shape", args: { value: string } }
  | { id: "core_profile_unknown_key", args: { key: string, known: string } }
  | { id: "core_profile_unknown_key_meant", args: { key: string, meant: string } }
  | { id: "core_profile_unknown_key_set", args: { key: string, meant: string, line: number } }
  | { id: "core_profile_unknown_key_region", args: { key: string, meant: string } }
  | { id: "core_profile_id_character", args: { id: string, character: string } }
  | { id: "core_profile_id_length", args: { id: string, count: number } }
  | { id: "core_profile_site_invalid", args: { value: string } }
  | { id: "core_profile_site_write", args: { value: string, site: string } }
  | { id: "core_profile_color_hex", args: { value: string } }
  | { id: "core_profile_color_unknown", args: { value: string, names: string } }
  | { id: "core_profile_color_meant", args: { value: string, meant: string } }
  | { id: "core_profile_control_character", args: { field: ProfileMessage, code: string } }
  | { id: "core_profile_hidden_character", args: { field: ProfileMessage, code: string, name: string } }
  | { id: "core_profile_hidden_character_unnamed", args: { field: ProfileMessage, code: string } }
  | { id: "core_profile_text_length", args: { field: ProfileMessage, count: number, max: number } }
  | { id: "core_profile_no_account", args: { key: string } }
  | { id: "core_profile_no_role", args: { key: string } }
  | { id: "core_profile_role_disagree", args: { arn_role: string, role: string } }
  | { id: "core_profile_account_disagree", args: { arn_uid: string, account: string, uid: string } }
  | { id: "core_profile_header_unclosed", args: Record<string, never> }
  | { id: "core_profile_line_end_after_header", args: Record<string, never> }
  | { id: "core_profile_line_end_after_quote", args: Record<string, never> }
  | { id: "core_profile_expected_entry", args: Record<string, never> }
  | { id: "core_profile_expected_key", args: Record<string, never> }
  | { id: "core_profile_value_control_character", args: { code: string } }
  | { id: "core_profile_quoted_control_character", args: { code: string } }
  | { id: "core_profile_missing_value", args: { key: string } }
  | { id: "core_profile_unknown_escape", args: Record<string, never> }
  | { id: "core_profile_unclosed_quote", args: Record<string, never> }
  | { id: "core_profile_more_errors", args: { count: number } }
  | { id: "core_profile_header_no_id", args: Record<string, never> }
  | { id: "core_profile_reserved_section", args: { name: string } }
  | { id: "core_profile_duplicate_id", args: { id: string, line: number } }
  | { id: "core_profile_key_outside_profile", args: { key: string } }
  | { id: "core_profile_key_repeated", args: { key: string, line: number } }
  | { id: "core_profile_marker_character", args: { character: string } }
  | { id: "core_profile_marker_length", args: { count: number } }
  | { id: "core_import_not_json", args: Record<string, never> }
  | { id: "core_import_not_config", args: Record<string, never> }
  | { id: "core_import_profiles_not_array", args: Record<string, never> }
  | { id: "core_import_profile_not_object", args: Record<string, never> }
  | { id: "core_import_skip_access_key", args: Record<string, never> }
  | { id: "core_import_skip_sts", args: Record<string, never> }
  | { id: "core_import_skip_ecs", args: Record<string, never> }
  | { id: "core_import_skip_oidc", args: Record<string, never> }
  | { id: "core_import_skip_cloudsso", args: Record<string, never> }
  | { id: "core_import_skip_no_mode", args: Record<string, never> }
  | { id: "core_import_skip_other_mode", args: Record<string, never> }
  | { id: "core_import_skip_no_arn", args: { command: string } }
  | { id: "core_import_skip_duplicate", args: { id: string } }
  | { id: "core_export_alias_needs_uid", args: { account: string, key: string, role: string } }
  | { id: "core_export_name_taken", args: { name: string, mode: string } }
  | { id: "core_export_entry_not_object", args: Record<string, never> }
  | { id: "core_export_add_access_key", args: { command: string } }
  | { id: "core_cli_profile_count", args: { count: number } }
  | { id: "core_cli_error_count", args: { count: number } }
  | { id: "core_cli_profile_summary", args: { profiles: ProfileMessage, errors: ProfileMessage } }
  | { id: "core_cli_skipped", args: { name: string, mode: string, reason: ProfileMessage } };

export type PolicyMessage = 
  | { id: "core_policy_type_null", args: Record<string, never> }
  | { id: "core_policy_type_boolean", args: Record<string, never> }
  | { id: "core_policy_type_number", args: Record<string, never> }
  | { id: "core_policy_type_string", args: Record<string, never> }
  | { id: "core_policy_type_array", args: Record<string, never> }
  | { id: "core_policy_type_object", args: Record<string, never> }
  | { id: "core_policy_json_found_character", args: { character: string } }
  | { id: "core_policy_json_found_end", args: Record<string, never> }
  | { id: "core_policy_json_trailing", args: { found: PolicyMessage } }
  | { id: "core_policy_json_too_deep", args: { found: PolicyMessage } }
  | { id: "core_policy_json_expected_value", args: { found: PolicyMessage } }
  | { id: "core_policy_json_expected_key", args: { found: PolicyMessage } }
  | { id: "core_policy_json_expected_colon", args: { found: PolicyMessage } }
  | { id: "core_policy_json_expected_object_comma", args: { found: PolicyMessage } }
  | { id: "core_policy_json_expected_array_comma", args: { found: PolicyMessage } }
  | { id: "core_policy_json_number_digit", args: { found: PolicyMessage } }
  | { id: "core_policy_json_decimal_digit", args: { found: PolicyMessage } }
  | { id: "core_policy_json_exponent_digit", args: { found: PolicyMessage } }
  | { id: "core_policy_json_unterminated_string", args: { found: PolicyMessage } }
  | { id: "core_policy_json_control_character", args: { found: PolicyMessage } }
  | { id: "core_policy_json_bad_escape", args: { found: PolicyMessage } }
  | { id: "core_policy_json_bad_unicode_escape", args: { found: PolicyMessage } }
  | { id: "core_policy_json_lone_low_surrogate", args: { found: PolicyMessage } }
  | { id: "core_policy_json_lone_high_surrogate", args: { found: PolicyMessage } }
  | { id: "core_policy_json_hex_digits", args: { found: PolicyMessage } }
  | { id: "core_policy_json_duplicate_key", args: { key: string, line: number, column: number } }
  | { id: "core_policy_not_object", args: { got: PolicyMessage } }
  | { id: "core_policy_missing_version", args: Record<string, never> }
  | { id: "core_policy_bad_version", args: { value: string } }
  | { id: "core_policy_missing_statement", args: Record<string, never> }
  | { id: "core_policy_statement_single_object", args: Record<string, never> }
  | { id: "core_policy_statement_not_array", args: { got: PolicyMessage } }
  | { id: "core_policy_sid_element", args: Record<string, never> }
  | { id: "core_policy_not_principal_element", args: Record<string, never> }
  | { id: "core_policy_unknown_element_meant", args: { key: string, meant: string } }
  | { id: "core_policy_unknown_element", args: { key: string, known: string } }
  | { id: "core_policy_statement_not_object", args: { got: PolicyMessage } }
  | { id: "core_policy_missing_effect", args: Record<string, never> }
  | { id: "core_policy_bad_effect", args: { value: string } }
  | { id: "core_policy_both_targets", args: { element: string, other: string } }
  | { id: "core_policy_missing_targets", args: { element: string, other: string, example: string } }
  | { id: "core_policy_empty_value", args: { element: string } }
  | { id: "core_policy_value_not_string", args: { element: string, got: PolicyMessage } }
  | { id: "core_policy_not_string_list", args: { element: string, got: PolicyMessage } }
  | { id: "core_policy_principal_in_identity", args: Record<string, never> }
  | { id: "core_policy_missing_principal", args: Record<string, never> }
  | { id: "core_policy_bad_principal", args: { got: PolicyMessage } }
  | { id: "core_policy_empty_principal", args: Record<string, never> }
  | { id: "core_policy_unknown_principal_type", args: { key: string } }
  | { id: "core_policy_malformed_action", args: { value: string } }
  | { id: "core_policy_malformed_resource", args: { value: string } }
  | { id: "core_policy_malformed_resource_arn_prefix", args: { value: string } }
  | { id: "core_policy_malformed_service_principal", args: { value: string } }
  | { id: "core_policy_malformed_federated", args: { value: string } }
  | { id: "core_policy_malformed_ram_principal", args: { value: string } }
  | { id: "core_policy_condition_empty", args: Record<string, never> }
  | { id: "core_policy_condition_not_object", args: { got: PolicyMessage } }
  | { id: "core_policy_unknown_operator", args: { operator: string } }
  | { id: "core_policy_unknown_operator_qualified", args: { operator: string } }
  | { id: "core_policy_operator_not_map", args: { operator: string } }
  | { id: "core_policy_empty_condition_key", args: Record<string, never> }
  | { id: "core_policy_expect_string", args: Record<string, never> }
  | { id: "core_policy_expect_number", args: Record<string, never> }
  | { id: "core_policy_expect_date", args: Record<string, never> }
  | { id: "core_policy_expect_bool", args: Record<string, never> }
  | { id: "core_policy_expect_ip", args: Record<string, never> }
  | { id: "core_policy_condition_value_type", args: { operator: string, key: string, family: string, expected: PolicyMessage, value: string } }
  | { id: "core_policy_bad_condition_value", args: { got: PolicyMessage } }
  | { id: "core_policy_empty_condition_values", args: Record<string, never> }
  | { id: "core_policy_bad_condition_item", args: { got: PolicyMessage } }
  | { id: "core_policy_fix_add_version", args: Record<string, never> }
  | { id: "core_policy_fix_write_version", args: Record<string, never> }
  | { id: "core_policy_fix_wrap_statement", args: Record<string, never> }
  | { id: "core_policy_fix_remove", args: { name: string } }
  | { id: "core_policy_fix_rename", args: { name: string, meant: string } }
  | { id: "core_policy_fix_write", args: { value: string } }
  | { id: "core_policy_fix_remove_or_split", args: { element: string } }
  | { id: "core_policy_fix_remove_principal", args: Record<string, never> }
  | { id: "core_policy_fix_add_trusted", args: Record<string, never> }
  | { id: "core_policy_fix_principal_type", args: Record<string, never> }
  | { id: "core_policy_fix_use_operator", args: { operator: string } }
  | { id: "core_policy_fix_submit_compact", args: Record<string, never> }
  | { id: "core_policy_fix_split_policy", args: Record<string, never> }
  | { id: "core_policy_fix_trust_one_account", args: Record<string, never> }
  | { id: "core_policy_fix_name_instead_of_root", args: Record<string, never> }
  | { id: "core_policy_fix_remove_statement", args: Record<string, never> }
  | { id: "core_policy_fix_remove_or_narrow", args: Record<string, never> }
  | { id: "core_policy_fix_remove_or_narrow_deny", args: Record<string, never> }
  | { id: "core_policy_fix_list_actions", args: Record<string, never> }
  | { id: "core_policy_fix_list_resources", args: Record<string, never> }
  | { id: "core_policy_fix_grant_only_needed", args: Record<string, never> }
  | { id: "core_policy_fix_add_resources", args: { resources: string } }
  | { id: "core_policy_fix_allow_only_role", args: Record<string, never> }
  | { id: "core_policy_fix_rename_key", args: { meant: string } }
  | { id: "core_policy_fix_use_family", args: { family: string } }
  | { id: "core_policy_fix_move_actions", args: Record<string, never> }
  | { id: "core_policy_fix_allow_only_reads", args: { actions: string } }
  | { id: "core_policy_error_with_fix", args: { problem: PolicyMessage, fix: PolicyMessage } }
  | { id: "core_policy_empty_policy", args: Record<string, never> }
  | { id: "core_policy_too_large", args: { size: number, max: number } }
  | { id: "core_policy_too_large_compact", args: { size: number, max: number } }
  | { id: "core_policy_size_whitespace", args: { size: number, max: number, compact: number } }
  | { id: "core_policy_too_many_findings", args: { count: number, factor: number } }
  | { id: "core_policy_resource_in_trust", args: Record<string, never> }
  | { id: "core_policy_service_principal_domain", args: { value: string } }
  | { id: "core_policy_principal_anyone", args: Record<string, never> }
  | { id: "core_policy_principal_account_format", args: { value: string, account: string } }
  | { id: "core_policy_trust_account_root", args: { value: string, account: string } }
  | { id: "core_policy_trust_not_assume_role", args: Record<string, never> }
  | { id: "core_policy_trust_not_assume_role_federated", args: Record<string, never> }
  | { id: "core_policy_duplicate_statement", args: { index: number } }
  | { id: "core_policy_shadowed_statement", args: { index: number } }
  | { id: "core_policy_allow_always_denied", args: { index: number } }
  | { id: "core_policy_shadow_too_large", args: { count: number, steps: number } }
  | { id: "core_policy_unknown_service", args: { service: string } }
  | { id: "core_policy_action_matches_nothing", args: { action: string, service: string } }
  | { id: "core_policy_unknown_action", args: { action: string, service: string, meant: string } }
  | { id: "core_policy_allow_not_action", args: Record<string, never> }
  | { id: "core_policy_allow_not_resource", args: Record<string, never> }
  | { id: "core_policy_full_admin", args: Record<string, never> }
  | { id: "core_policy_bad_account_in_arn", args: { value: string, account: string } }
  | { id: "core_policy_region_in_global_arn", args: { name: string, service: string, value: string } }
  | { id: "core_policy_resource_service_mismatch", args: { value: string, service: string, services: string } }
  | { id: "core_policy_oss_account_level", args: { action: string } }
  | { id: "core_policy_oss_bucket_level", args: { action: string } }
  | { id: "core_policy_oss_object_level", args: { action: string } }
  | { id: "core_policy_assume_any_role", args: Record<string, never> }
  | { id: "core_policy_malformed_condition_key", args: { key: string } }
  | { id: "core_policy_unknown_condition_key", args: { key: string, meant: string } }
  | { id: "core_policy_condition_operator_mismatch", args: { key: string, family: string, operators: string, operator: string, used: string } }
  | { id: "core_policy_list_condition_other_action", args: { key: string, actions: string } }
  | { id: "core_policy_write_in_read_only_not_action", args: Record<string, never> }
  | { id: "core_policy_write_in_read_only", args: { actions: string } }
  | { id: "core_policy_side_identity", args: Record<string, never> }
  | { id: "core_policy_side_session", args: Record<string, never> }
  | { id: "core_policy_side_trust", args: Record<string, never> }
  | { id: "core_policy_cite", args: { side: PolicyMessage, policy: string, statement: number, path: string } }
  | { id: "core_policy_cite_assumed", args: { side: PolicyMessage, policy: string, statement: number, path: string } }
  | { id: "core_policy_explain_allowed", args: { action: string, resource: string } }
  | { id: "core_policy_explain_allowed_by", args: { cite: PolicyMessage } }
  | { id: "core_policy_explain_identity_not_checked", args: Record<string, never> }
  | { id: "core_policy_explain_trust_not_checked", args: Record<string, never> }
  | { id: "core_policy_explain_denied_explicitly", args: { action: string, resource: string } }
  | { id: "core_policy_explain_denied_by", args: { cite: PolicyMessage } }
  | { id: "core_policy_explain_deny_overrides", args: Record<string, never> }
  | { id: "core_policy_explain_denied_implicitly", args: { action: string, resource: string } }
  | { id: "core_policy_explain_condition_values", args: { cite: PolicyMessage, operator: string, key: string, values: string } }
  | { id: "core_policy_explain_condition_absent", args: { cite: PolicyMessage, operator: string, key: string } }
  | { id: "core_policy_explain_root_caller", args: Record<string, never> }
  | { id: "core_policy_explain_no_policies", args: Record<string, never> }
  | { id: "core_policy_explain_no_identity_statement", args: { policies: string } }
  | { id: "core_policy_explain_identity_allows_assume", args: Record<string, never> }
  | { id: "core_policy_explain_session_not_allowed", args: Record<string, never> }
  | { id: "core_policy_explain_trust_needs_caller", args: Record<string, never> }
  | { id: "core_policy_explain_trust_does_not_trust", args: { caller: string } }
  | { id: "core_policy_explain_trust_trusts", args: Record<string, never> }
  | { id: "core_policy_purpose_oss_account", args: { account: string } }
  | { id: "core_policy_purpose_oss_buckets", args: { count: number, buckets: string } }
  | { id: "core_policy_purpose_oss_console_bucket", args: { bucket: string } }
  | { id: "core_policy_purpose_oss_walk_down", args: { prefix: string, folders: string } }
  | { id: "core_policy_purpose_oss_list_prefix", args: { bucket: string, prefix: string } }
  | { id: "core_policy_purpose_oss_get_prefix", args: { bucket: string, prefix: string } }
  | { id: "core_policy_purpose_oss_console_list", args: Record<string, never> }
  | { id: "core_policy_purpose_assume_role", args: { role: string } }
  | { id: "core_policy_purpose_trust_account", args: { account: string } }
  | { id: "core_policy_purpose_trust_named", args: { account: string } }
  | { id: "core_policy_purpose_trust_account_external_id", args: { account: string } }
  | { id: "core_policy_purpose_trust_named_external_id", args: { account: string } }
  | { id: "core_policy_purpose_services", args: { count: number, services: string } }
  | { id: "core_policy_system_oss_read_only", args: Record<string, never> }
  | { id: "core_policy_system_oss_full", args: Record<string, never> }
  | { id: "core_policy_system_sts_assume_role", args: Record<string, never> }
  | { id: "core_policy_system_administrator", args: Record<string, never> }
  | { id: "core_policy_system_ram_read_only", args: Record<string, never> }
  | { id: "core_policy_build_account_uid", args: { value: string } }
  | { id: "core_policy_build_user_name", args: { value: string } }
  | { id: "core_policy_build_role_name", args: { value: string } }
  | { id: "core_policy_build_bucket_name", args: { value: string } }
  | { id: "core_policy_build_external_id", args: { value: string } }
  | { id: "core_policy_build_trust_needs_account", args: Record<string, never> }
  | { id: "core_policy_build_buckets_empty", args: Record<string, never> }
  | { id: "core_policy_build_prefix_empty", args: Record<string, never> }
  | { id: "core_policy_build_prefix_wildcard", args: { prefix: string } }
  | { id: "core_policy_build_not_role_arn", args: { value: string } }
  | { id: "core_policy_post_key_and_prefix", args: Record<string, never> }
  | { id: "core_policy_post_key_empty", args: Record<string, never> }
  | { id: "core_policy_post_needs_key", args: Record<string, never> }
  | { id: "core_policy_post_range_empty", args: { min: number, max: number } }
  | { id: "core_policy_post_status", args: { value: string } }
  | { id: "core_policy_catalog_unknown", args: { name: string, known: string } }
  | { id: "core_policy_catalog_unknown_meant", args: { name: string, known: string, meant: string } }
  | { id: "core_policy_input_too_large", args: { size: number, max: number } }
  | { id: "core_policy_document_too_large", args: { size: number, max: number } }
  | { id: "core_policy_field_too_long", args: { size: number, max: number } }
  | { id: "core_policy_batch_too_large", args: { requests: number, bytes: number, most: number } }
  | { id: "core_policy_explanations_too_large", args: { budget: number } }
  | { id: "core_policy_expected_string", args: { got: PolicyMessage } }
  | { id: "core_policy_field_not_string_array", args: { name: string, got: PolicyMessage } }
  | { id: "core_policy_field_not_bool", args: { name: string, got: PolicyMessage } }
  | { id: "core_policy_field_not_string", args: { name: string, got: PolicyMessage } }
  | { id: "core_policy_request_not_object", args: { got: PolicyMessage } }
  | { id: "core_policy_context_value", args: { got: PolicyMessage } }
  | { id: "core_policy_context_not_object", args: { got: PolicyMessage } }
  | { id: "core_policy_simulate_both_requests", args: Record<string, never> }
  | { id: "core_policy_simulate_no_request", args: Record<string, never> }
  | { id: "core_policy_requests_not_array", args: { got: PolicyMessage } }
  | { id: "core_policy_bad_detail", args: { value: string } }
  | { id: "core_policy_identity_policies_not_array", args: { got: PolicyMessage } }
  | { id: "core_policy_identity_entry_needs_name", args: Record<string, never> }
  | { id: "core_policy_identity_entry_bad", args: { got: PolicyMessage } }
  | { id: "core_policy_document_not_text", args: { got: PolicyMessage } }
  | { id: "core_policy_lint_needs_policy", args: Record<string, never> }
  | { id: "core_policy_bad_intent", args: { value: string } }
  | { id: "core_policy_bad_kind", args: { value: string } }
  | { id: "core_policy_build_kind_unknown", args: { value: string } }
  | { id: "core_policy_assume_role_both", args: Record<string, never> }
  | { id: "core_policy_assume_role_missing", args: Record<string, never> }
  | { id: "core_policy_prefix_needs_bucket", args: Record<string, never> }
  | { id: "core_policy_bucket_and_buckets", args: Record<string, never> }
  | { id: "core_policy_bad_expires_in", args: { value: string } }
  | { id: "core_policy_now_and_expiration", args: Record<string, never> }
  | { id: "core_policy_missing_expiration", args: Record<string, never> }
  | { id: "core_policy_bad_length_range", args: Record<string, never> }
  | { id: "core_policy_cli_lint_summary", args: { source: string, kind: string, count: number, errors: number, security_warnings: number, warnings: number, suggestions: number } }
  | { id: "core_policy_cli_fix", args: { fix: string } }
  | { id: "core_policy_cli_replace_with", args: { snippet: string } }
  | { id: "core_policy_cli_replace_at", args: { path: string, snippet: string } }
  | { id: "core_policy_cli_decision", args: { decision: string } }
  | { id: "core_policy_cli_assumed", args: Record<string, never> }
  | { id: "core_policy_cli_condition_not_met", args: { policy: string, condition: string } }
  | { id: "core_policy_cli_missing_keys", args: { keys: string } };

export type ApiMessage = 
  | { id: "core_api_json_null", args: Record<string, never> }
  | { id: "core_api_json_boolean", args: Record<string, never> }
  | { id: "core_api_json_number", args: Record<string, never> }
  | { id: "core_api_json_integer", args: Record<string, never> }
  | { id: "core_api_json_string", args: Record<string, never> }
  | { id: "core_api_json_array", args: Record<string, never> }
  | { id: "core_api_json_object", args: Record<string, never> }
  | { id: "core_api_json_count", args: Record<string, never> }
  | { id: "core_api_json_scalar", args: Record<string, never> }
  | { id: "core_api_not_json", args: { line: number, column: number } }
  | { id: "core_api_request_not_object", args: { got: ApiMessage } }
  | { id: "core_api_not_object", args: { path: string, got: ApiMessage } }
  | { id: "core_api_missing_field", args: { field: string, path: string } }
  | { id: "core_api_wrong_type", args: { field: string, expected: ApiMessage, got: ApiMessage } }
  | { id: "core_api_unknown_field", args: { command: string, field: string, fields: string } }
  | { id: "core_api_unknown_field_meant", args: { command: string, field: string, meant: string } }
  | { id: "core_api_unknown_action", args: { action: string, known: string } }
  | { id: "core_api_unknown_kind", args: { kind: string } }
  | { id: "core_api_status_range", args: { value: string } }
  | { id: "core_api_field_twice", args: { field: string } }
  | { id: "core_api_needs_one_of", args: { action: string, fields: string } }
  | { id: "core_api_credentials_field", args: { field: string } }
  | { id: "core_api_text_empty", args: { field: string, min: number, max: number } }
  | { id: "core_api_text_length", args: { field: string, count: number, min: number, max: number } }
  | { id: "core_api_text_character", args: { field: string, character: string, position: number, allowed: ApiMessage } }
  | { id: "core_api_allowed_session_name", args: Record<string, never> }
  | { id: "core_api_allowed_external_id", args: Record<string, never> }
  | { id: "core_api_allowed_role_name", args: Record<string, never> }
  | { id: "core_api_allowed_user_name", args: Record<string, never> }
  | { id: "core_api_allowed_policy_name", args: Record<string, never> }
  | { id: "core_api_policy_type", args: { field: string, value: string } }
  | { id: "core_api_text_bytes", args: { field: string, count: number } }
  | { id: "core_api_integer_range", args: { field: string, min: number, max: number, value: string } }
  | { id: "core_api_duration_range", args: { field: string, value: string } }
  | { id: "core_api_policy_not_object", args: { field: string } }
  | { id: "core_api_policy_not_json", args: { field: string, line: number, column: number } }
  | { id: "core_api_role_arn_shape", args: { field: string, value: string } }
  | { id: "core_api_role_arn_account", args: { field: string, account: string } }
  | { id: "core_api_role_arn_role_name", args: { field: string, role: string } }
  | { id: "core_api_time_invalid", args: { field: string, value: string } }
  | { id: "core_api_nonce_missing", args: Record<string, never> }
  | { id: "core_api_nonce_invalid", args: Record<string, never> }
  | { id: "core_api_access_key_id_invalid", args: { field: string } }
  | { id: "core_api_secret_empty", args: { field: string } }
  | { id: "core_api_token_invalid", args: { field: string } }
  | { id: "core_api_token_empty", args: { field: string } }
  | { id: "core_api_token_missing", args: { field: string } }
  | { id: "core_api_region_location", args: { value: string, region: string } }
  | { id: "core_api_region_invalid", args: { value: string } }
  | { id: "core_api_region_not_rpc", args: Record<string, never> }
  | { id: "core_api_endpoint_fixed", args: { action: string, host: string } }
  | { id: "core_api_bucket_not_taken", args: { action: string } }
  | { id: "core_api_region_and_endpoint", args: Record<string, never> }
  | { id: "core_api_response_undocumented", args: { action: string, problem: ApiMessage } }
  | { id: "core_api_body_not_json", args: { line: number, column: number } }
  | { id: "core_api_body_wrong_type", args: { path: string, expected: ApiMessage, got: ApiMessage } }
  | { id: "core_api_body_value", args: { path: string, expected: ApiMessage, value: string } }
  | { id: "core_api_body_missing", args: { path: string, expected: ApiMessage } }
  | { id: "core_api_body_not_object", args: { got: ApiMessage } }
  | { id: "core_api_body_not_xml", args: Record<string, never> }
  | { id: "core_api_body_xml_cut", args: Record<string, never> }
  | { id: "core_api_body_xml_deep", args: { max: number } }
  | { id: "core_api_body_xml_truncated", args: { element: string } }
  | { id: "core_api_body_xml_empty", args: Record<string, never> }
  | { id: "core_api_body_xml_root", args: { root: string, expected: string } }
  | { id: "core_api_body_xml_missing", args: { element: string, path: string } }
  | { id: "core_api_body_xml_not_text", args: { path: string } }
  | { id: "core_api_hint_root_assume", args: Record<string, never> }
  | { id: "core_api_hint_assume_denied", args: { user_step: number, role_step: number } }
  | { id: "core_api_hint_no_permission", args: { action: string, permission: string } }
  | { id: "core_api_hint_no_ram_permission", args: { action: string, permission: string } }
  | { id: "core_api_hint_role_not_exist", args: { step: number } }
  | { id: "core_api_hint_user_not_exist", args: Record<string, never> }
  | { id: "core_api_hint_entity_not_exist", args: Record<string, never> }
  | { id: "core_api_hint_policy_attached", args: Record<string, never> }
  | { id: "core_api_hint_entity_exists", args: Record<string, never> }
  | { id: "core_api_hint_delete_conflict", args: Record<string, never> }
  | { id: "core_api_hint_limit_exceeded", args: Record<string, never> }
  | { id: "core_api_hint_policy_grammar", args: Record<string, never> }
  | { id: "core_api_hint_duration", args: Record<string, never> }
  | { id: "core_api_hint_session_name", args: Record<string, never> }
  | { id: "core_api_hint_parameter", args: { action: string, message: string } }
  | { id: "core_api_hint_clock_skew", args: Record<string, never> }
  | { id: "core_api_hint_clock_skew_date", args: { date: string } }
  | { id: "core_api_hint_timestamp_format", args: Record<string, never> }
  | { id: "core_api_hint_nonce_used", args: Record<string, never> }
  | { id: "core_api_hint_signature_missing", args: Record<string, never> }
  | { id: "core_api_hint_token_expired", args: Record<string, never> }
  | { id: "core_api_hint_token_mismatch", args: Record<string, never> }
  | { id: "core_api_hint_token_missing", args: Record<string, never> }
  | { id: "core_api_hint_token_invalid", args: Record<string, never> }
  | { id: "core_api_hint_key_inactive", args: Record<string, never> }
  | { id: "core_api_hint_key_unknown", args: Record<string, never> }
  | { id: "core_api_hint_busy", args: Record<string, never> }
  | { id: "core_api_hint_wrong_endpoint", args: { endpoint: string } }
  | { id: "core_api_hint_wrong_region", args: Record<string, never> }
  | { id: "core_api_hint_oss_denied", args: { action: string, permission: string, step: number } }
  | { id: "core_api_hint_access_denied", args: { action: string } }
  | { id: "core_api_hint_no_such_bucket", args: Record<string, never> }
  | { id: "core_api_hint_no_such_key", args: Record<string, never> }
  | { id: "core_api_hint_bucket_name", args: Record<string, never> }
  | { id: "core_api_hint_gateway_failed", args: { status: number } }
  | { id: "core_api_hint_not_api_error", args: { status: number } }
  | { id: "core_api_hint_other", args: { action: string, code: string, message: string } }
  | { id: "core_api_diff_server_only", args: Record<string, never> }
  | { id: "core_api_diff_unknown", args: Record<string, never> }
  | { id: "core_api_diff_identical", args: Record<string, never> }
  | { id: "core_api_diff_ours_unreadable", args: Record<string, never> }
  | { id: "core_api_diff_server_unreadable", args: Record<string, never> }
  | { id: "core_api_diff_method", args: { ours: string, server: string } }
  | { id: "core_api_diff_parameter_lost", args: { name: string, ours: string } }
  | { id: "core_api_diff_parameter_added", args: { name: string, server: string } }
  | { id: "core_api_diff_parameter", args: { name: string, ours: string, server: string, position: number } }
  | { id: "core_api_diff_parameter_plus", args: { name: string } }
  | { id: "core_api_diff_header_lost", args: { name: string, ours: string } }
  | { id: "core_api_diff_header_added", args: { name: string, server: string } }
  | { id: "core_api_diff_header", args: { name: string, ours: string, server: string, position: number } }
  | { id: "core_api_diff_content_header", args: { name: string, ours: string, server: string } }
  | { id: "core_api_diff_date", args: { ours: string, server: string } }
  | { id: "core_api_diff_resource", args: { ours: string, server: string, position: number } }
  | { id: "core_api_diff_encoding", args: { ours: string, server: string } };

export type SignMessage = 
  | { id: "core_endpoint_http", args: { value: string } }
  | { id: "core_endpoint_scheme", args: { value: string, scheme: string } }
  | { id: "core_endpoint_path", args: { value: string } }
  | { id: "core_endpoint_user_info", args: { value: string } }
  | { id: "core_endpoint_port", args: { value: string } }
  | { id: "core_endpoint_host_empty", args: { value: string } }
  | { id: "core_endpoint_host_long", args: { value: string } }
  | { id: "core_endpoint_host_character", args: { value: string, character: string } }
  | { id: "core_endpoint_host_non_ascii", args: { value: string, character: string } }
  | { id: "core_endpoint_host_label", args: { value: string } }
  | { id: "core_endpoint_host_ip", args: { value: string } }
  | { id: "core_endpoint_not_oss", args: { value: string } }
  | { id: "core_endpoint_bucket_domain", args: { own: string, bucket: string, endpoint: string } }
  | { id: "core_endpoint_bucket_domain_no_bucket", args: { own: string, endpoint: string } }
  | { id: "core_endpoint_cname_aliyun", args: { value: string } }
  | { id: "core_endpoint_not_aliyuncs", args: { value: string } }
  | { id: "core_sign_date_missing", args: Record<string, never> }
  | { id: "core_sign_date_invalid", args: { field: string, value: string } }
  | { id: "core_sign_expires", args: { value: string } }
  | { id: "core_sign_cname_bucket", args: Record<string, never> }
  | { id: "core_sign_query_reserved", args: { name: string } }
  | { id: "core_sign_key_dots", args: Record<string, never> }
  | { id: "core_sign_token_twice", args: { field: string } }
  | { id: "core_sign_key_needs_bucket", args: Record<string, never> }
  | { id: "core_sign_bucket_name", args: { value: string } }
  | { id: "core_sign_key_slash", args: { value: string } }
  | { id: "core_sign_oss_method", args: { value: string, methods: string } }
  | { id: "core_sign_header_name", args: { name: string } }
  | { id: "core_sign_header_twice", args: { name: string } }
  | { id: "core_sign_header_value", args: { character: string } }
  | { id: "core_sign_rpc_method", args: { value: string } }
  | { id: "core_sign_rpc_signature", args: Record<string, never> }
  | { id: "core_sign_policy_not_object", args: Record<string, never> }
  | { id: "core_sign_policy_expiration", args: Record<string, never> }
  | { id: "core_sign_policy_conditions", args: Record<string, never> };

export type ChecksMessage = 
  | { id: "core_check_title_role_exists", args: Record<string, never> }
  | { id: "core_check_title_trust", args: Record<string, never> }
  | { id: "core_check_title_role_oss", args: Record<string, never> }
  | { id: "core_check_title_b_identity", args: Record<string, never> }
  | { id: "core_check_title_user_may_assume", args: Record<string, never> }
  | { id: "core_check_title_switch_values", args: Record<string, never> }
  | { id: "core_check_title_assume_role", args: Record<string, never> }
  | { id: "core_check_title_list_buckets", args: Record<string, never> }
  | { id: "core_check_title_list_objects", args: Record<string, never> }
  | { id: "core_check_then", args: { first: ChecksMessage, second: ChecksMessage } }
  | { id: "core_check_list", args: { item: string, rest: ChecksMessage } }
  | { id: "core_check_list_last", args: { item: string } }
  | { id: "core_check_list_none", args: Record<string, never> }
  | { id: "core_check_seconds", args: { count: number } }
  | { id: "core_check_minutes", args: { count: number } }
  | { id: "core_check_hours", args: { count: number } }
  | { id: "core_check_pending", args: Record<string, never> }
  | { id: "core_check_needs_check", args: { check: ChecksMessage } }
  | { id: "core_check_not_run", args: Record<string, never> }
  | { id: "core_check_answer_not_expected", args: Record<string, never> }
  | { id: "core_check_sts_expired_assumed", args: Record<string, never> }
  | { id: "core_check_sts_expired_assumed_fix", args: Record<string, never> }
  | { id: "core_check_sts_expired_a", args: Record<string, never> }
  | { id: "core_check_sts_expired_a_fix", args: Record<string, never> }
  | { id: "core_check_sts_expired_b", args: Record<string, never> }
  | { id: "core_check_sts_expired_b_fix", args: Record<string, never> }
  | { id: "core_check_whose_a", args: Record<string, never> }
  | { id: "core_check_whose_b", args: Record<string, never> }
  | { id: "core_check_whose_assumed", args: Record<string, never> }
  | { id: "core_check_credentials_wrong", args: { action: string, code: string, whose: ChecksMessage } }
  | { id: "core_check_credentials_wrong_sts", args: { action: string, code: string } }
  | { id: "core_check_credentials_wrong_fix", args: Record<string, never> }
  | { id: "core_check_throttled", args: { action: string, code: string } }
  | { id: "core_check_throttled_fix", args: Record<string, never> }
  | { id: "core_check_server_error", args: { action: string, code: string } }
  | { id: "core_check_server_error_fix", args: Record<string, never> }
  | { id: "core_check_not_permitted", args: { action: string, code: string } }
  | { id: "core_check_not_permitted_fix", args: Record<string, never> }
  | { id: "core_check_failed_with", args: { action: string, code: string, message: string } }
  | { id: "core_check_failed_with_fix", args: Record<string, never> }
  | { id: "core_check_clock_skew", args: Record<string, never> }
  | { id: "core_check_clock_skew_ahead", args: { duration: ChecksMessage } }
  | { id: "core_check_clock_skew_behind", args: { duration: ChecksMessage } }
  | { id: "core_check_clock_skew_fix", args: Record<string, never> }
  | { id: "core_check_no_answer", args: { reason: string } }
  | { id: "core_check_no_answer_fix", args: Record<string, never> }
  | { id: "core_check_unreadable", args: { reason: CoreMessage | string } }
  | { id: "core_check_unreadable_fix", args: Record<string, never> }
  | { id: "core_check_skipped", args: { reason: string } }
  | { id: "core_check_skipped_no_credentials_a", args: Record<string, never> }
  | { id: "core_check_skipped_no_credentials_a_fix", args: Record<string, never> }
  | { id: "core_check_skipped_no_credentials_b", args: Record<string, never> }
  | { id: "core_check_skipped_no_credentials_b_fix", args: Record<string, never> }
  | { id: "core_check_skipped_no_role_session", args: Record<string, never> }
  | { id: "core_check_unexpected_answer", args: Record<string, never> }
  | { id: "core_check_assumed_texts", args: { names: ChecksMessage } }
  | { id: "core_check_clock_ahead", args: { duration: ChecksMessage } }
  | { id: "core_check_clock_behind", args: { duration: ChecksMessage } }
  | { id: "core_check_a_root_keys", args: Record<string, never> }
  | { id: "core_check_running", args: Record<string, never> }
  | { id: "core_check_broken", args: { step: number, problem: ChecksMessage } }
  | { id: "core_check_incomplete", args: { reason: ChecksMessage } }
  | { id: "core_check_all_passed_bucket", args: Record<string, never> }
  | { id: "core_check_all_passed", args: Record<string, never> }
  | { id: "core_check_role_exists", args: { name: string, arn: string } }
  | { id: "core_check_no_role_in_a", args: { account: string, name: string } }
  | { id: "core_check_no_role_in_a_fix", args: { name: string, step: number } }
  | { id: "core_check_no_trust_policy", args: Record<string, never> }
  | { id: "core_check_trust_unreadable", args: { error: CoreMessage } }
  | { id: "core_check_trust_unreadable_text", args: { error: string } }
  | { id: "core_check_trust_unreadable_fix", args: Record<string, never> }
  | { id: "core_check_b_unknown", args: Record<string, never> }
  | { id: "core_check_b_unknown_fix", args: Record<string, never> }
  | { id: "core_check_trusts", args: { name: string, principal: string } }
  | { id: "core_check_needs_external_id", args: { name: string } }
  | { id: "core_check_needs_external_id_fix", args: Record<string, never> }
  | { id: "core_check_a_uid_unknown", args: Record<string, never> }
  | { id: "core_check_role_allows", args: { role: string, names: ChecksMessage, actions: ChecksMessage } }
  | { id: "core_check_role_readable_deny", args: { role: string, names: ChecksMessage, denied: ChecksMessage, unknown: ChecksMessage } }
  | { id: "core_check_role_readable_deny_fix", args: Record<string, never> }
  | { id: "core_check_role_no_policy", args: { role: string } }
  | { id: "core_check_role_denies", args: { role: string, names: ChecksMessage, denied: ChecksMessage } }
  | { id: "core_check_role_oss_fix", args: { role: string } }
  | { id: "core_check_wrong_account_arn", args: { looked: string, uid: string } }
  | { id: "core_check_wrong_account_arn_fix", args: { uid: string } }
  | { id: "core_check_no_account", args: Record<string, never> }
  | { id: "core_check_accepted_alias", args: { alias: string, domain: string, uid: string } }
  | { id: "core_check_accepted_uid", args: { uid: string, domain: string } }
  | { id: "core_check_not_account_a", args: { typed: string, accepted: ChecksMessage } }
  | { id: "core_check_not_account_a_fix", args: { accepted: ChecksMessage, role: string } }
  | { id: "core_check_alias_unreadable", args: { typed: string, uid: string } }
  | { id: "core_check_alias_unreadable_fix", args: Record<string, never> }
  | { id: "core_check_types", args: { accepted: ChecksMessage, role: string } }
  | { id: "core_check_root_keys", args: { account: string } }
  | { id: "core_check_root_keys_fix", args: { account: string, role: string } }
  | { id: "core_check_ram_user", args: { user: string, account: string } }
  | { id: "core_check_in_role", args: { role: string, account: string } }
  | { id: "core_check_role_session", args: { role: string, account: string } }
  | { id: "core_check_other_identity", args: { arn: string, kind: string } }
  | { id: "core_check_user_lacks", args: { user: string, role: string } }
  | { id: "core_check_user_lacks_fix", args: { account: string, user: string, role: string } }
  | { id: "core_check_not_trusted", args: { account: string, role: string } }
  | { id: "core_check_not_trusted_fix", args: { role: string, account: string } }
  | { id: "core_check_already_in_role", args: Record<string, never> }
  | { id: "core_check_alias_needs_uid", args: { typed: string } }
  | { id: "core_check_alias_needs_uid_fix", args: Record<string, never> }
  | { id: "core_check_assumed", args: { role: string, arn: string, expiration: string } }
  | { id: "core_check_root_refused", args: Record<string, never> }
  | { id: "core_check_root_refused_fix", args: Record<string, never> }
  | { id: "core_check_refused_on", args: { arn: string } }
  | { id: "core_check_refused_no_policy", args: Record<string, never> }
  | { id: "core_check_refused_by_trust", args: Record<string, never> }
  | { id: "core_check_refused_trust_refuses", args: Record<string, never> }
  | { id: "core_check_refused_user_missing", args: Record<string, never> }
  | { id: "core_check_refused_both_allow", args: { role: string } }
  | { id: "core_check_refused_either_side", args: { role: string, user_step: number, role_step: number } }
  | { id: "core_check_refused_fix", args: { user_step: number, role: string, role_step: number, account: string } }
  | { id: "core_check_differs_account", args: { uid: string, requested: string } }
  | { id: "core_check_differs_role", args: { name: string, requested: string } }
  | { id: "core_check_differs_both", args: { uid: string, requested_uid: string, name: string, requested_name: string } }
  | { id: "core_check_what_account", args: Record<string, never> }
  | { id: "core_check_what_role", args: Record<string, never> }
  | { id: "core_check_what_both", args: Record<string, never> }
  | { id: "core_check_policy_names_wrong_role", args: { policy: string, allowed: string, differs: ChecksMessage } }
  | { id: "core_check_values_wrong", args: { allowed: string, policy: string, differs: ChecksMessage, what: ChecksMessage } }
  | { id: "core_check_values_wrong_fix", args: { uid: string, name: string, requested: string, step: number } }
  | { id: "core_check_role_not_found", args: { name: string, uid: string } }
  | { id: "core_check_role_not_found_fix", args: { step: number } }
  | { id: "core_check_not_needed", args: Record<string, never> }
  | { id: "core_check_no_role_arn", args: Record<string, never> }
  | { id: "core_check_no_role_arn_fix", args: Record<string, never> }
  | { id: "core_check_read_with", args: { action: string } }
  | { id: "core_check_given_as_attached", args: { action: string, code: string } }
  | { id: "core_check_tested_on_a", args: { role: string } }
  | { id: "core_check_user_allows", args: { names: ChecksMessage, role: string } }
  | { id: "core_check_user_denies", args: { names: ChecksMessage, role: string } }
  | { id: "core_check_user_readable_deny", args: { names: ChecksMessage, role: string, unknown: ChecksMessage } }
  | { id: "core_check_user_readable_deny_fix", args: Record<string, never> }
  | { id: "core_check_its_policies", args: { names: ChecksMessage } }
  | { id: "core_check_observed_because", args: { action: string, code: string } }
  | { id: "core_check_observed_not_sent", args: { action: string } }
  | { id: "core_check_assume_succeeded", args: { role: string } }
  | { id: "core_check_assume_other_reason", args: Record<string, never> }
  | { id: "core_check_cannot_tell", args: { role: string } }
  | { id: "core_check_cannot_tell_fix", args: Record<string, never> }
  | { id: "core_check_deny_elsewhere", args: Record<string, never> }
  | { id: "core_check_deny_elsewhere_fix", args: { bucket: string, role: string } }
  | { id: "core_check_grant_oss_fix", args: { role: string } }
  | { id: "core_check_buckets_listed", args: { count: number, names: ChecksMessage } }
  | { id: "core_check_buckets_none", args: Record<string, never> }
  | { id: "core_check_not_among", args: { bucket: string } }
  | { id: "core_check_buckets_refused", args: { role: string } }
  | { id: "core_check_objects_listed", args: { place: string, count: number, keys: ChecksMessage } }
  | { id: "core_check_objects_none", args: { place: string } }
  | { id: "core_check_no_such_bucket", args: { bucket: string } }
  | { id: "core_check_no_such_bucket_fix", args: Record<string, never> }
  | { id: "core_check_a_buckets", args: { names: ChecksMessage } }
  | { id: "core_check_not_a_bucket", args: { bucket: string, names: ChecksMessage } }
  | { id: "core_check_not_a_bucket_fix", args: { names: ChecksMessage } }
  | { id: "core_check_objects_refused", args: { place: string, role: string } }
  | { id: "core_check_retry_final", args: Record<string, never> }
  | { id: "core_check_retry_write", args: Record<string, never> }
  | { id: "core_check_retry_gave_up", args: { count: number } }
  | { id: "core_check_retry_throttled", args: Record<string, never> }
  | { id: "core_check_retry_server", args: Record<string, never> }
  | { id: "core_check_retry_network", args: Record<string, never> }
  | { id: "core_check_retry_unreadable", args: Record<string, never> }
  | { id: "core_check_retry_again", args: { why: ChecksMessage, delay: number, attempt: number, max: number } }
  | { id: "core_check_cloud_says", args: { policy_type: string, deny: string, action: string, principal: string } }
  | { id: "core_check_cloud_says_resource", args: { resource: string } }
  | { id: "core_check_basis_cloud", args: Record<string, never> }
  | { id: "core_check_basis_decoded", args: Record<string, never> }
  | { id: "core_check_basis_inferred", args: Record<string, never> }
  | { id: "core_check_decode_refused", args: { whose: ChecksMessage } }
  | { id: "core_check_cloud_no_allow", args: Record<string, never> }
  | { id: "core_check_trust_refuses", args: { principal: string } }
  | { id: "core_check_trust_deny", args: { role: string, principal: string } }
  | { id: "core_check_trust_deny_fix", args: { role: string, principal: string } }
  | { id: "core_check_deny_statement", args: { who: string, action: string, resource: string } }
  | { id: "core_check_deny_statement_fix", args: { who: string, action: string } }
  | { id: "core_check_group_scope", args: { who: string, action: string, resource: string } }
  | { id: "core_check_group_scope_fix", args: { who: string, resource: string } }
  | { id: "core_check_group_scope_account", args: { who: string, action: string } }
  | { id: "core_check_group_scope_account_fix", args: { who: string, action: string } }
  | { id: "core_check_group_deny", args: { who: string, action: string, resource: string } }
  | { id: "core_check_group_deny_fix", args: { who: string, action: string } }
  | { id: "core_check_control_denies", args: { account: string, action: string } }
  | { id: "core_check_control_denies_fix", args: { account: string, action: string } }
  | { id: "core_check_session_denies", args: { action: string } }
  | { id: "core_check_session_denies_fix", args: { action: string } }
  | { id: "core_check_bucket_policy_denies", args: { bucket: string, who: string } }
  | { id: "core_check_bucket_policy_fix", args: { bucket: string, who: string } }
  | { id: "core_check_oss_refused_buckets", args: Record<string, never> }
  | { id: "core_check_oss_refused_objects", args: { place: string } };

export type TutorialMessage = 
  | { id: "core_tutorial_label_step", args: { number: number } }
  | { id: "core_tutorial_term_step", args: { number: number } }
  | { id: "core_tutorial_title_step_role_in_a", args: Record<string, never> }
  | { id: "core_tutorial_title_step_user_in_b", args: Record<string, never> }
  | { id: "core_tutorial_title_step_switch_role", args: Record<string, never> }
  | { id: "core_tutorial_title_step_verify", args: Record<string, never> }
  | { id: "core_tutorial_term_list", args: { first: TutorialMessage, rest: TutorialMessage } }
  | { id: "core_tutorial_term_value", args: { value: string } }
  | { id: "core_tutorial_term_user", args: { name: string } }
  | { id: "core_tutorial_term_role", args: { name: string } }
  | { id: "core_tutorial_term_trusted_account", args: { account: string } }
  | { id: "core_tutorial_term_trusted_principals", args: { principals: TutorialMessage, account: string } }
  | { id: "core_tutorial_label_role_name", args: Record<string, never> }
  | { id: "core_tutorial_label_user_name", args: Record<string, never> }
  | { id: "core_tutorial_label_logon_name", args: Record<string, never> }
  | { id: "core_tutorial_label_description", args: Record<string, never> }
  | { id: "core_tutorial_label_policy_name", args: Record<string, never> }
  | { id: "core_tutorial_label_policy_type", args: Record<string, never> }
  | { id: "core_tutorial_label_role_arn", args: Record<string, never> }
  | { id: "core_tutorial_label_role_arn_of_a", args: Record<string, never> }
  | { id: "core_tutorial_label_switch_link", args: Record<string, never> }
  | { id: "core_tutorial_label_account_id_of_a", args: Record<string, never> }
  | { id: "core_tutorial_label_account_id_of_b", args: Record<string, never> }
  | { id: "core_tutorial_label_alias_of_a", args: Record<string, never> }
  | { id: "core_tutorial_label_default_domain_of_a", args: Record<string, never> }
  | { id: "core_tutorial_label_default_domain_of_b", args: Record<string, never> }
  | { id: "core_tutorial_label_parent_alias_of_a", args: Record<string, never> }
  | { id: "core_tutorial_label_parent_alias", args: Record<string, never> }
  | { id: "core_tutorial_path_create_role", args: Record<string, never> }
  | { id: "core_tutorial_path_edit_trust", args: { role: string } }
  | { id: "core_tutorial_path_role_permissions", args: { role: string } }
  | { id: "core_tutorial_path_role_overview", args: { role: string } }
  | { id: "core_tutorial_path_create_policy", args: Record<string, never> }
  | { id: "core_tutorial_path_create_user", args: Record<string, never> }
  | { id: "core_tutorial_path_user_permissions", args: { user: string } }
  | { id: "core_tutorial_path_user_overview", args: { user: string } }
  | { id: "core_tutorial_path_overview", args: Record<string, never> }
  | { id: "core_tutorial_path_sign_in", args: Record<string, never> }
  | { id: "core_tutorial_path_switch_role", args: Record<string, never> }
  | { id: "core_tutorial_path_oss_buckets", args: Record<string, never> }
  | { id: "core_tutorial_title_policy_trust", args: { role: string } }
  | { id: "core_tutorial_title_policy_custom", args: { name: string } }
  | { id: "core_tutorial_title_policy_system", args: { name: string } }
  | { id: "core_tutorial_policy_trust_account", args: { role: string, account: string } }
  | { id: "core_tutorial_policy_trust_principals", args: { role: string, account: string } }
  | { id: "core_tutorial_policy_oss_read", args: { role: string, scope: TutorialMessage } }
  | { id: "core_tutorial_policy_assume_one", args: { arn: string } }
  | { id: "core_tutorial_policy_system", args: { name: string } }
  | { id: "core_tutorial_title_create_role", args: { role: string } }
  | { id: "core_tutorial_create_role_body", args: { account_a: string, account_b: string, role: string } }
  | { id: "core_tutorial_create_role_trust_account", args: Record<string, never> }
  | { id: "core_tutorial_create_role_trust_principals", args: { trusted: TutorialMessage } }
  | { id: "core_tutorial_create_role_verify", args: { role: string, account: string } }
  | { id: "core_tutorial_title_trust_only", args: { trusted: TutorialMessage } }
  | { id: "core_tutorial_edit_trust_body", args: { role: string, trusted: TutorialMessage } }
  | { id: "core_tutorial_edit_trust_verify", args: { trusted: TutorialMessage } }
  | { id: "core_tutorial_create_policy_for_role", args: Record<string, never> }
  | { id: "core_tutorial_attach_system_to_role", args: { role: string, name: string } }
  | { id: "core_tutorial_attach_custom_to_role", args: { role: string, name: string } }
  | { id: "core_tutorial_title_share_values_with_b", args: Record<string, never> }
  | { id: "core_tutorial_share_values_with_b_body", args: { role: string } }
  | { id: "core_tutorial_share_values_with_b_verify", args: { arn: string } }
  | { id: "core_tutorial_title_verify_role", args: { role: string } }
  | { id: "core_tutorial_verify_role_body", args: { role: string, trusted: TutorialMessage, name: string, step_b: TutorialMessage, step_switch: TutorialMessage } }
  | { id: "core_tutorial_verify_role_verify", args: { name: string } }
  | { id: "core_tutorial_title_create_policy", args: { name: string } }
  | { id: "core_tutorial_create_policy_verify", args: { name: string } }
  | { id: "core_tutorial_title_grant_to_role", args: { name: string, role: string } }
  | { id: "core_tutorial_title_grant_to_user", args: { name: string, user: string } }
  | { id: "core_tutorial_grant_verify", args: { to: string, name: string } }
  | { id: "core_tutorial_title_create_user", args: { user: string } }
  | { id: "core_tutorial_create_user_body", args: { account: string, logon: string } }
  | { id: "core_tutorial_create_user_verify", args: { user: string, url: string, logon: string } }
  | { id: "core_tutorial_create_policy_for_user", args: { arn: string } }
  | { id: "core_tutorial_attach_system_to_user", args: { user: string, name: string } }
  | { id: "core_tutorial_attach_custom_to_user", args: { user: string, name: string } }
  | { id: "core_tutorial_title_share_values_with_user", args: { user: string } }
  | { id: "core_tutorial_share_values_with_user_body", args: { user: string, role: string } }
  | { id: "core_tutorial_share_values_with_user_verify", args: { user: string, role: string } }
  | { id: "core_tutorial_title_verify_user", args: { user: string } }
  | { id: "core_tutorial_verify_user_body", args: { user: string, name: string, arn: string, step_role: TutorialMessage, step_switch: TutorialMessage } }
  | { id: "core_tutorial_verify_user_verify", args: { name: string } }
  | { id: "core_tutorial_title_sign_in", args: Record<string, never> }
  | { id: "core_tutorial_sign_in_body", args: { logon: string } }
  | { id: "core_tutorial_sign_in_verify", args: { logon: string } }
  | { id: "core_tutorial_title_switch_role", args: { role: string } }
  | { id: "core_tutorial_switch_role_body", args: { parent: string, domain: string, uid: string, role: string } }
  | { id: "core_tutorial_switch_role_verify", args: { role: string, session: string } }
  | { id: "core_tutorial_title_verify_access", args: Record<string, never> }
  | { id: "core_tutorial_verify_access_open", args: { role: string } }
  | { id: "core_tutorial_verify_access_all", args: Record<string, never> }
  | { id: "core_tutorial_verify_access_places", args: { places: TutorialMessage } }
  | { id: "core_tutorial_verify_access_in_order", args: Record<string, never> }
  | { id: "core_tutorial_verify_access_item", args: { number: number, cause: TutorialMessage, fix: TutorialMessage } }
  | { id: "core_tutorial_trouble_role_policy", args: { role: string } }
  | { id: "core_tutorial_trouble_role_policy_fix", args: { name: string, role: string } }
  | { id: "core_tutorial_trouble_trust", args: { role: string } }
  | { id: "core_tutorial_trouble_trust_fix", args: { trusted: TutorialMessage } }
  | { id: "core_tutorial_trouble_user_policy", args: { user: string } }
  | { id: "core_tutorial_trouble_user_policy_fix", args: { name: string, user: string } }
  | { id: "core_tutorial_trouble_typed", args: Record<string, never> }
  | { id: "core_tutorial_trouble_typed_fix", args: { parent: string, domain: string, uid: string, role: string } }
  | { id: "core_tutorial_placeholder_account_a", args: Record<string, never> }
  | { id: "core_tutorial_placeholder_account_b", args: Record<string, never> }
  | { id: "core_tutorial_placeholder_role", args: Record<string, never> }
  | { id: "core_tutorial_placeholder_user", args: Record<string, never> }
  | { id: "core_tutorial_placeholder_bucket", args: Record<string, never> }
  | { id: "core_tutorial_label_field_account_a_uid", args: Record<string, never> }
  | { id: "core_tutorial_label_field_account_b_uid", args: Record<string, never> }
  | { id: "core_tutorial_label_field_trust", args: Record<string, never> }
  | { id: "core_tutorial_label_field_trust_users", args: Record<string, never> }
  | { id: "core_tutorial_label_field_trust_roles", args: Record<string, never> }
  | { id: "core_tutorial_label_field_permission", args: Record<string, never> }
  | { id: "core_tutorial_label_field_buckets", args: Record<string, never> }
  | { id: "core_tutorial_label_field_prefixes", args: Record<string, never> }
  | { id: "core_tutorial_input_required", args: { field: TutorialMessage } }
  | { id: "core_tutorial_input_audience_missing", args: Record<string, never> }
  | { id: "core_tutorial_input_audience_invalid", args: { value: string } }
  | { id: "core_tutorial_input_same_account", args: { uid: string } }
  | { id: "core_tutorial_input_site_invalid", args: { value: string } }
  | { id: "core_tutorial_input_unknown_field", args: { field: string, known: string } }
  | { id: "core_tutorial_input_not_list", args: { field: TutorialMessage, got: ApiMessage } }
  | { id: "core_tutorial_input_not_name", args: { field: TutorialMessage, got: ApiMessage } }
  | { id: "core_tutorial_input_twice", args: { field: TutorialMessage, value: string } }
  | { id: "core_tutorial_input_alias_is_domain", args: { value: string, alias: string } }
  | { id: "core_tutorial_input_alias_is_domain_uid", args: { value: string } }
  | { id: "core_tutorial_input_trust_no_one", args: Record<string, never> }
  | { id: "core_tutorial_input_trust_kind", args: { value: string } }
  | { id: "core_tutorial_input_buckets_missing", args: Record<string, never> }
  | { id: "core_tutorial_input_prefixes_one_bucket", args: Record<string, never> }
  | { id: "core_tutorial_input_permission_kind", args: { value: string } }
  | { id: "core_tutorial_input_user_not_trusted", args: { user: string, trusted: TutorialMessage } }
  | { id: "core_tutorial_input_assume_missing", args: Record<string, never> }
  | { id: "core_tutorial_input_assume_name_system", args: Record<string, never> }
  | { id: "core_tutorial_input_assume_invalid", args: { value: string } }
  | { id: "core_tutorial_input_user_missing", args: Record<string, never> }
  | { id: "core_tutorial_input_draft", args: Record<string, never> }
  | { id: "core_tutorial_input_too_many_missing", args: Record<string, never> }
  | { id: "core_tutorial_input_no_prefix", args: Record<string, never> }
  | { id: "core_tutorial_input_policy_too_large", args: { count: number, max: number } };

export type SigninMessage = 
  | { id: "core_signin_no_credentials", args: Record<string, never> }
  | { id: "core_signin_partial_credentials", args: { missing: string } }
  | { id: "core_signin_aliyun_profile_missing", args: { name: string, file: string } }
  | { id: "core_signin_aliyun_profile_mode", args: { name: string, mode: string } }
  | { id: "core_signin_profile_not_found", args: { id: string, file: string } }
  | { id: "core_signin_profile_needs_uid", args: { id: string } }
  | { id: "core_signin_caller_refused", args: { code: string, message: string } }
  | { id: "core_signin_credentials_expired", args: { code: string } }
  | { id: "core_signin_assume_role_denied", args: { arn: string, code: string, hint: ApiMessage } }
  | { id: "core_signin_assume_role_diagnosed", args: { arn: string, code: string, diagnosis: ChecksMessage } }
  | { id: "core_signin_already_in_role", args: { arn: string, code: string, caller: string } }
  | { id: "core_signin_clock_skew", args: { server_date: string } }
  | { id: "core_signin_token_refused", args: { code: string, message: string } }
  | { id: "core_signin_unreachable", args: { host: string, reason: string } }
  | { id: "core_signin_browser_failed", args: { reason: string } }
  | { id: "core_signin_opened", args: { arn: string, expiration: string } }
  | { id: "core_signin_login_url_secret", args: Record<string, never> }
  | { id: "core_signin_no_session_credentials", args: Record<string, never> }
  | { id: "core_signin_token_refused_again", args: { code: string, message: string } }
  | { id: "core_signin_token_needs_sts", args: Record<string, never> };

export type SetupMessage = 
  | { id: "core_setup_title_identity", args: { side: string, uid: string } }
  | { id: "core_setup_title_role", args: { role: string, account: string } }
  | { id: "core_setup_title_user", args: { user: string } }
  | { id: "core_setup_title_policy", args: { name: string } }
  | { id: "core_setup_title_attach_role", args: { name: string, role: string } }
  | { id: "core_setup_title_attach_user", args: { name: string, user: string } }
  | { id: "core_setup_title_read_identity", args: Record<string, never> }
  | { id: "core_setup_title_read_role", args: { role: string } }
  | { id: "core_setup_title_create_role", args: { role: string } }
  | { id: "core_setup_title_update_role", args: { role: string } }
  | { id: "core_setup_title_reread_role", args: { role: string } }
  | { id: "core_setup_title_read_user", args: { user: string } }
  | { id: "core_setup_title_create_user", args: { user: string } }
  | { id: "core_setup_title_read_policy", args: { name: string } }
  | { id: "core_setup_title_create_policy", args: { name: string } }
  | { id: "core_setup_title_reread_policy", args: { name: string } }
  | { id: "core_setup_title_list_role_policies", args: { role: string } }
  | { id: "core_setup_title_list_user_policies", args: { user: string } }
  | { id: "core_setup_title_attach_system_to_role", args: { name: string, role: string } }
  | { id: "core_setup_title_attach_custom_to_role", args: { name: string, role: string } }
  | { id: "core_setup_title_attach_system_to_user", args: { name: string, user: string } }
  | { id: "core_setup_title_attach_custom_to_user", args: { name: string, user: string } }
  | { id: "core_setup_when_always", args: Record<string, never> }
  | { id: "core_setup_when_role_missing", args: Record<string, never> }
  | { id: "core_setup_when_trust_differs", args: Record<string, never> }
  | { id: "core_setup_when_role_created_meanwhile", args: Record<string, never> }
  | { id: "core_setup_when_user_missing", args: Record<string, never> }
  | { id: "core_setup_when_policy_missing", args: Record<string, never> }
  | { id: "core_setup_when_policy_created_meanwhile", args: Record<string, never> }
  | { id: "core_setup_when_user_not_listed", args: Record<string, never> }
  | { id: "core_setup_when_not_attached", args: Record<string, never> }
  | { id: "core_setup_replaces_trust", args: Record<string, never> }
  | { id: "core_setup_replaces_trust_drops", args: { principals: TutorialMessage } }
  | { id: "core_setup_next", args: { request: SetupMessage } }
  | { id: "core_setup_identity_checked", args: { account: string, arn: string } }
  | { id: "core_setup_identity_other", args: { account: string, arn: string, side: string, uid: string } }
  | { id: "core_setup_role_created", args: { role: string } }
  | { id: "core_setup_role_same", args: { role: string } }
  | { id: "core_setup_role_updated", args: { role: string } }
  | { id: "core_setup_user_same", args: { user: string } }
  | { id: "core_setup_user_created", args: { user: string } }
  | { id: "core_setup_user_there", args: { user: string } }
  | { id: "core_setup_policy_created", args: { name: string } }
  | { id: "core_setup_policy_same", args: { name: string } }
  | { id: "core_setup_policy_differs", args: { name: string, version: string } }
  | { id: "core_setup_attached_to_role", args: { name: string, role: string } }
  | { id: "core_setup_attached_to_user", args: { name: string, user: string } }
  | { id: "core_setup_role_has_policy", args: { name: string, role: string } }
  | { id: "core_setup_user_has_policy", args: { name: string, user: string } }
  | { id: "core_setup_failed_api", args: { action: string, code: string, message: string } }
  | { id: "core_setup_failed_api_hint", args: { action: string, code: string, message: string, hint: CoreMessage | string } }
  | { id: "core_setup_failed_unreadable", args: { action: string, reason: CoreMessage | string } }
  | { id: "core_setup_failed_unexpected", args: { action: string } }
  | { id: "core_setup_done_nothing", args: Record<string, never> }
  | { id: "core_setup_done_changed", args: { count: number } }
  | { id: "core_setup_side_missing", args: Record<string, never> }
  | { id: "core_setup_side_invalid", args: { value: string } }
  | { id: "core_setup_plan_missing", args: Record<string, never> }
  | { id: "core_setup_plan_input_missing", args: Record<string, never> }
  | { id: "core_setup_results_not_array", args: { got: ApiMessage } }
  | { id: "core_setup_result_field", args: { field: string } }
  | { id: "core_setup_response_missing", args: Record<string, never> }
  | { id: "core_setup_response_shape", args: Record<string, never> }
  | { id: "core_setup_wrong_answer", args: { expected: string, got: string } }
  | { id: "core_setup_answer_after_stop", args: { id: string } };

export type ContractMessage = 
  | { id: "core_contract_inputs_unknown_field", args: { field: string, fields: string } }
  | { id: "core_contract_inputs_unknown_field_meant", args: { field: string, meant: string } }
  | { id: "core_contract_inputs_account_disagree", args: { uid: string, arn: string } }
  | { id: "core_contract_inputs_no_role", args: { example: string } }
  | { id: "core_contract_inputs_credentials_kind", args: { value: string, access_key: string, sts: string } }
  | { id: "core_contract_inputs_nothing_to_check", args: Record<string, never> }
  | { id: "core_contract_inputs_missing", args: { command: string } }
  | { id: "core_contract_facts_unknown_id", args: { id: string, example: string } }
  | { id: "core_contract_attempt_unknown_field", args: { field: string, fields: string } }
  | { id: "core_contract_attempt_no_outcome", args: { outcomes: string } }
  | { id: "core_contract_attempt_outcomes", args: { found: string, outcomes: string } }
  | { id: "core_contract_attempt_local_time", args: { problem: ContractMessage } }
  | { id: "core_contract_attempt_number", args: { value: string } }
  | { id: "core_contract_attempt_result", args: { action: string, problem: string } }
  | { id: "core_contract_switch_no_profile", args: Record<string, never> }
  | { id: "core_contract_format_missing", args: { format: string, file: string } }
  | { id: "core_contract_format_unknown", args: { value: string, format: string, file: string } }
  | { id: "core_contract_profiles_duplicate_id", args: { id: string, first: string } }
  | { id: "core_contract_profile_invalid", args: Record<string, never> }
  | { id: "core_contract_time_iso", args: { value: string, example: string } }
  | { id: "core_contract_time_rfc1123", args: { value: string, example: string } }
  | { id: "core_contract_time_calendar", args: { value: string } }
  | { id: "core_contract_time_weekday", args: { value: string, day: string } }
  | { id: "core_contract_export_base_not_json", args: { file: string, line: number, column: number } }
  | { id: "core_contract_export_base_not_object", args: { file: string, key: string } }
  | { id: "core_contract_export_base_profiles_not_array", args: { file: string, key: string } }
  | { id: "core_contract_export_no_source_profile", args: { file: string, name: string } }
  | { id: "core_contract_user_policy_shape", args: { name: string, document: string } };

export type ChainMessage = 
  | { id: "core_chain_title_b_user", args: Record<string, never> }
  | { id: "core_chain_title_assume_grant", args: Record<string, never> }
  | { id: "core_chain_title_role_trust", args: Record<string, never> }
  | { id: "core_chain_title_oss_permission", args: Record<string, never> }
  | { id: "core_chain_title_bucket", args: Record<string, never> };

/**
 * `version()`: the core's name and version, the algorithms it signs and the actions it builds.
 */
export type VersionInfo = {
  name: string,
  version: string,
  /**
   * Signature algorithms, e.g. `rpc-v1`, `oss-v1`.
   */
  signing: Array<string>,
  /**
   * The actions `request` builds and `parseResponse` reads.
   */
  actions: Array<ActionName>,
};

/**
 * `selfCheck()`'s answer: the public RPC vector signed in this runtime.
 */
export type SelfCheckResult = {
  ok: boolean,
  check: string,
  expected: string,
  actual: string,
};

export type ActionName = "GetCallerIdentity" | "AssumeRole" | "GetRole" | "CreateRole" | "UpdateRole" | "AttachPolicyToRole" | "ListPoliciesForRole" | "CreateUser" | "AttachPolicyToUser" | "ListPoliciesForUser" | "CreatePolicy" | "GetPolicy" | "GetAccountAlias" | "DecodeDiagnosticMessage" | "ListBuckets" | "ListObjects" | "ListObjectsV2" | "GetBucketInfo";

export type Scalar = string | number | boolean;

/**
 * A `sign` request: one of the four signatures, chosen by `kind`.
 */
export type SignRequest = {
  "kind": "rpc"
} & RpcSignRequest | {
  "kind": "oss"
} & OssRequestFields | {
  "kind": "oss-presign"
} & OssPresignRequest | {
  "kind": "post-policy"
} & PostPolicySignRequest;

/**
 * RPC signature V1 (STS, RAM). `params` must already hold every parameter except `Signature`.
 */
export type RpcSignRequest = {
  method: "GET" | "POST",
  /**
   * Numbers and booleans are signed as their JSON text.
   */
  params: { [key in string]: Scalar },
  accessKeySecret: string,
};

/**
 * Fields shared by the OSS header signature (`kind: "oss"`) and the presigned URL.
 */
export type OssRequestFields = {
  method: "GET" | "PUT" | "POST" | "DELETE" | "HEAD" | "OPTIONS",
  bucket?: string | null,
  key?: string | null,
  /**
   * Must carry `Date` or `x-oss-date` (RFC 1123 GMT) for the header signature.
   */
  headers?: { [key in string]: Scalar },
  /**
   * `null` is a bare sub-resource such as `?acl`.
   */
  query?: { [key in string]: Scalar | null },
  accessKeyId: string,
  accessKeySecret: string,
  /**
   * STS token: sent as `x-oss-security-token` (header) or `security-token` (URL).
   */
  securityToken?: string | null,
};

/**
 * OSS V1 presigned URL: the OSS request, then where and until when it is valid.
 */
export type OssPresignRequest = {
  method: "GET" | "PUT" | "POST" | "DELETE" | "HEAD" | "OPTIONS",
  bucket?: string | null,
  key?: string | null,
  /**
   * Must carry `Date` or `x-oss-date` (RFC 1123 GMT) for the header signature.
   */
  headers?: { [key in string]: Scalar },
  /**
   * `null` is a bare sub-resource such as `?acl`.
   */
  query?: { [key in string]: Scalar | null },
  accessKeyId: string,
  accessKeySecret: string,
  /**
   * STS token: sent as `x-oss-security-token` (header) or `security-token` (URL).
   */
  securityToken?: string | null,
  /**
   * Expiry time, Unix seconds.
   */
  expires: number,
  /**
   * The OSS endpoint, e.g. `oss-cn-hangzhou.aliyuncs.com` (optionally `https://`; never http),
   * or with `cname: true` a custom domain bound to the bucket. The URL is always https.
   */
  endpoint: string,
  /**
   * `endpoint` is a custom domain (https, outside aliyuncs.com); `bucket` is then required.
   */
  cname?: boolean | null,
};

/**
 * The fields only a presigned URL takes.
 */
export type PresignFields = {
  /**
   * Expiry time, Unix seconds.
   */
  expires: number,
  /**
   * The OSS endpoint, e.g. `oss-cn-hangzhou.aliyuncs.com` (optionally `https://`; never http),
   * or with `cname: true` a custom domain bound to the bucket. The URL is always https.
   */
  endpoint: string,
  /**
   * `endpoint` is a custom domain (https, outside aliyuncs.com); `bucket` is then required.
   */
  cname?: boolean | null,
};

/**
 * OSS PostObject policy (V1). `policy` is the exact policy JSON text to sign.
 */
export type PostPolicySignRequest = {
  policy: string,
  accessKeyId: string,
  accessKeySecret: string,
};

/**
 * Every stage of an RPC V1 signature.
 */
export type RpcSignature = {
  /**
   * `k=v&...`, sorted by parameter name, each side percent-encoded.
   */
  canonicalQuery: string,
  /**
   * `METHOD&%2F&` + percent-encoded canonical query.
   */
  stringToSign: string,
  /**
   * Base64 HMAC-SHA1 with key `secret + "&"`; sent as the `Signature` parameter.
   */
  signature: string,
};

/**
 * Every stage of a header signature, and the headers to add to the request.
 */
export type OssHeaderSignature = {
  canonicalizedOssHeaders: string,
  canonicalizedResource: string,
  stringToSign: string,
  signature: string,
  authorization: string,
  /**
   * Headers to send in addition to the request's own: `Authorization` and, with STS
   * credentials, `x-oss-security-token`.
   */
  headers: Record<string, string>,
};

/**
 * Every stage of a presigned URL.
 */
export type OssPresignedUrl = {
  canonicalizedOssHeaders: string,
  canonicalizedResource: string,
  stringToSign: string,
  signature: string,
  url: string,
};

/**
 * The signed form fields of a PostObject upload.
 */
export type PostPolicySignature = {
  /**
   * The `policy` form field.
   */
  policy: string,
  /**
   * The `Signature` form field.
   */
  signature: string,
  /**
   * The `OSSAccessKeyId` form field.
   */
  accessKeyId: string,
};

/**
 * Long-term AccessKey, or STS credentials with `securityToken`. No other fields are accepted.
 */
export type ApiCredentials = {
  accessKeyId: string,
  accessKeySecret: string,
  securityToken?: string | null,
};

/**
 * `request()`'s common fields. Besides them, each action takes its own camelCase fields (e.g.
 * AssumeRole: `roleArn`, `roleSessionName`, `durationSeconds`; `api::field_spec`); unknown
 * fields are refused with their JSON path.
 */
export type ApiRequestFields = {
  action: ActionName,
  credentials: ApiCredentials,
  /**
   * The request time, ISO 8601 UTC (`2024-01-02T03:04:05Z`): the core reads no clock.
   */
  time: string,
  /**
   * RPC `SignatureNonce`: the core makes no randomness.
   */
  nonce?: string | null,
  /**
   * https host override: any `*.aliyuncs.com` for STS/RAM, a documented OSS endpoint shape for OSS.
   */
  endpoint?: string | null,
  region?: string | null,
  bucket?: string | null,
};

/**
 * An HTTP request for the caller to send unchanged (`request`'s answer).
 */
export type BuiltRequest = {
  method: string,
  url: string,
  /**
   * In the order to send them (an object: JavaScript keeps its keys' order).
   */
  headers: Record<string, string>,
  /**
   * The form body of RPC requests; null for OSS GETs.
   */
  body: string | null,
  signing: RequestSigning,
};

/**
 * The signing stages: `canonical_query` for RPC, `canonicalized_resource` for OSS.
 */
export type RequestSigning = {
  canonicalQuery?: string,
  canonicalizedResource?: string,
  stringToSign: string,
  signature: string,
};

/**
 * `parseResponse()`'s input: the answer the caller received to a request built by `request()`.
 */
export type ApiResponseInput = {
  action: ActionName,
  /**
   * The HTTP status, 100-599.
   */
  status: number,
  headers?: { [key in string]: Scalar },
  body: string,
  /**
   * Our string to sign, to explain a SignatureDoesNotMatch with the first difference.
   */
  stringToSign?: string | null,
};

/**
 * `parse`'s answer: a success's typed result (its shape depends on the action), or the API's error.
 */
export type ParsedResponse = {
  "result": ApiResult
} | {
  "apiError": ApiError
};

export type ApiError = {
  /**
   * The service's code (`NoPermission`, `AccessDenied`, ...), or `Http<status>` when the
   * answer carried no API error.
   */
  code: string,
  message: string,
  requestId: string | null,
  /**
   * What to do: a catalog message (`{id, args}`), rendered by the extension and the CLI.
   */
  hint: ApiMessage,
  status: number,
  /**
   * The response's `Date` header: compare it with the local clock to detect skew.
   */
  serverDate?: string,
  hostId?: string,
  /**
   * RPC: the error center's page for the code.
   */
  recommend?: string,
  /**
   * OSS: the endpoint the bucket must be addressed through.
   */
  endpoint?: string,
  /**
   * OSS: the detailed error code (`EC`), searchable in OSS's error center.
   */
  ec?: string,
  /**
   * SignatureDoesNotMatch: the string the server signed.
   */
  serverStringToSign?: string,
  /**
   * SignatureDoesNotMatch with our string to sign: the first difference.
   */
  signatureDiff?: SignatureDiff,
  /**
   * A denial's own words: which policy refused, whom, and the encoded diagnostic message.
   */
  accessDeniedDetail?: AccessDeniedDetail,
};

/**
 * The denial's detail, as the cloud gave it (or as DecodeDiagnosticMessage decoded it).
 */
export type AccessDeniedDetail = {
  policyType?: DeniedPolicyType,
  noPermissionType?: NoPermissionType,
  authAction?: string,
  /**
   * Only in a decoded message.
   */
  authResource?: string,
  authPrincipalType?: PrincipalType,
  authPrincipalOwnerId?: string,
  authPrincipalDisplayName?: string,
  /**
   * What RAM DecodeDiagnosticMessage decodes into the facts above (and AuthResource).
   */
  encodedDiagnosticMessage?: string,
};

/**
 * Which kind of policy refused the request.
 */
export type DeniedPolicyType = "AssumeRolePolicy" | "ControlPolicy" | "AccountLevelIdentityBasedPolicy" | "ResourceGroupLevelIdentityBasedPolicy" | "SessionPolicy";

/**
 * A Deny statement matched (explicit), or nothing allowed it (implicit).
 */
export type NoPermissionType = "ImplicitDeny" | "ExplicitDeny";

/**
 * Who was refused.
 */
export type PrincipalType = "SubUser" | "AssumedRoleUser" | "Federated";

/**
 * RAM DecodeDiagnosticMessage's answer: the decoded facts of a denial.
 */
export type DecodedDiagnosticResult = {
  requestId: string,
  /**
   * The decoded facts, in the detail's shape (ExplicitDeny read as `noPermissionType`).
   */
  decodedDiagnosticMessage: AccessDeniedDetail,
};

/**
 * The first difference between our string to sign and the server's.
 */
export type SignatureDiff = {
  /**
   * `method`, `parameter` (RPC), `Content-MD5`, `Content-Type`, `Date`, `header`, `resource`
   * (OSS), or `encoding` when only the text differs, not the decoded values.
   */
  part: string,
  /**
   * The parameter or header name, for `parameter` and `header`.
   */
  name?: string,
  /**
   * Our value (`None`: absent on our side).
   */
  ours: string | null,
  /**
   * The server's value (`None`: absent on the server's side).
   */
  server: string | null,
  /**
   * 1-based character where the two values first differ, when both exist.
   */
  position?: number,
};

/**
 * The typed result of a successful call (serialised as the result object itself). Read back
 * without its action (untagged), the first variant whose fields it has wins: `Ack` (only a
 * request id) comes last. [`ApiResult::from_value`] reads it as its action's result.
 */
export type ApiResult = AssumeRoleResult | CallerIdentity | RoleResult | UserResult | PolicyResult | PolicyListResult | AccountAliasResult | ListBucketsResult | ListObjectsResult | BucketInfo | DecodedDiagnosticResult | AckResult;

export type AssumeRoleResult = {
  requestId: string,
  credentials: StsCredentials,
  assumedRoleUser: AssumedRoleUser,
};

/**
 * Temporary credentials; `access_key_secret` is a secret (keep it in session memory only).
 */
export type StsCredentials = {
  accessKeyId: string,
  accessKeySecret: string,
  securityToken: string,
  /**
   * ISO 8601 UTC, e.g. `2015-04-09T11:52:19Z`.
   */
  expiration: string,
};

export type AssumedRoleUser = {
  arn: string,
  assumedRoleId: string,
};

export type CallerIdentity = {
  accountId: string,
  arn: string,
  /**
   * `Account`, `RAMUser` or `AssumedRoleUser`.
   */
  identityType: string,
  principalId: string,
  userId?: string,
  roleId?: string,
  requestId: string,
};

export type RoleResult = {
  requestId: string,
  role: RamRole,
};

export type RamRole = {
  roleId: string,
  roleName: string,
  arn: string,
  description?: string,
  /**
   * The trust policy (JSON text).
   */
  assumeRolePolicyDocument?: string,
  maxSessionDuration?: number,
  createDate?: string,
  updateDate?: string,
};

export type UserResult = {
  requestId: string,
  user: RamUser,
};

export type RamUser = {
  userId: string,
  userName: string,
  displayName?: string,
  comments?: string,
  createDate?: string,
};

/**
 * CreatePolicy (no version) and GetPolicy (with the default version's document).
 */
export type PolicyResult = {
  requestId: string,
  policy: RamPolicy,
  defaultPolicyVersion?: PolicyVersion,
};

export type RamPolicy = {
  policyName: string,
  policyType: string,
  description?: string,
  defaultVersion?: string,
  attachmentCount?: number,
  createDate?: string,
  updateDate?: string,
};

export type PolicyVersion = {
  versionId: string,
  policyDocument: string,
  isDefaultVersion: boolean,
  createDate?: string,
};

export type PolicyListResult = {
  requestId: string,
  policies: Array<AttachedPolicy>,
};

/**
 * A policy as attached to a role or user.
 */
export type AttachedPolicy = {
  policyName: string,
  policyType: string,
  attachDate?: string,
  defaultVersion?: string,
  description?: string,
};

/**
 * Actions that answer with nothing but a request id (Attach*).
 */
export type AckResult = {
  requestId: string,
};

export type AccountAliasResult = {
  accountAlias: string,
  requestId: string,
};

export type ListBucketsResult = {
  owner: OssOwner,
  buckets: Array<BucketSummary>,
  isTruncated: boolean,
  nextMarker?: string,
  /**
   * From the `x-oss-request-id` response header.
   */
  requestId?: string,
};

export type BucketSummary = {
  name: string,
  /**
   * `oss-cn-hangzhou`.
   */
  location: string,
  /**
   * `cn-hangzhou` (absent in older answers).
   */
  region?: string,
  creationDate: string,
  storageClass?: string,
  extranetEndpoint?: string,
  intranetEndpoint?: string,
};

export type OssOwner = {
  id: string,
  displayName: string,
};

/**
 * ListObjects (v1: marker / nextMarker) and ListObjectsV2 (continuationToken /
 * nextContinuationToken / startAfter / keyCount).
 */
export type ListObjectsResult = {
  name: string,
  prefix: string,
  marker?: string,
  continuationToken?: string,
  startAfter?: string,
  maxKeys?: number,
  delimiter?: string,
  isTruncated: boolean,
  nextMarker?: string,
  nextContinuationToken?: string,
  keyCount?: number,
  contents: Array<ObjectSummary>,
  commonPrefixes: Array<string>,
  requestId?: string,
};

export type ObjectSummary = {
  key: string,
  lastModified: string,
  eTag: string,
  size: number,
  storageClass?: string,
  type?: string,
  owner?: OssOwner,
};

export type BucketInfo = {
  name: string,
  location: string,
  creationDate: string,
  owner: OssOwner,
  /**
   * `private`, `public-read` or `public-read-write`.
   */
  acl: string,
  storageClass?: string,
  extranetEndpoint?: string,
  intranetEndpoint?: string,
  region?: string,
  dataRedundancyType?: string,
  requestId?: string,
};

/**
 * `assume`, first read: whether the session is read-only (its policy, checked before the rest is
 * read, needs `accountUid`).
 */
export type ConsoleAssumeMode = {
  readOnly?: boolean | null,
};

/**
 * `assume`, read only for a read-only session.
 */
export type ConsoleReadOnlyAccount = {
  accountUid: string,
};

/**
 * `assume`, the rest of the request.
 */
export type ConsoleAssumeInput = {
  /**
   * Names the session (`rolehop` without it).
   */
  callerArn?: string | null,
  roleArn: string,
  durationSeconds?: number | null,
  credentials: ConsoleCallerCredentials,
  time: string,
  nonce: string,
};

/**
 * The caller's AccessKey, or STS credentials with `securityToken` (`""` is none).
 */
export type ConsoleCallerCredentials = {
  securityToken?: string | null,
  accessKeyId: string,
  accessKeySecret: string,
};

/**
 * `assume`'s answer: the signed AssumeRole request, the session's name, and whether the
 * read-only session policy went with it.
 */
export type ConsoleAssumeRequest = {
  sessionName: string,
  readOnly: boolean
} & BuiltRequest;

/**
 * `answer`, once its `action` is known.
 */
export type ConsoleAnswerInput = {
  status: number,
  headers?: { [key in string]: Scalar },
  body: string,
  /**
   * Our string to sign, to explain a SignatureDoesNotMatch with the first difference.
   */
  stringToSign?: string | null,
};

/**
 * `answer`, read only for a refusal: the role it names.
 */
export type ConsoleRefusedRole = {
  roleArn?: string | null,
};

/**
 * The HTTP answer a console sign-in step describes: `status` (100-599), `headers` and `body`.
 */
export type ConsoleHttpAnswer = {
  status: number,
  headers?: { [key in string]: Scalar },
  body: string,
};

/**
 * `token`: the assumed role's STS credentials, and the site to sign in on.
 */
export type ConsoleTokenInput = {
  credentials: ConsoleSessionCredentials,
  site: Site,
};

/**
 * STS credentials (all three fields).
 */
export type ConsoleSessionCredentials = {
  accessKeyId: string,
  accessKeySecret: string,
  securityToken: string,
};

/**
 * A form POST for the caller to send unchanged. The body holds the STS secret and token: send it
 * only to the federation endpoint, never log it.
 */
export type FormRequest = {
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string,
};

/**
 * `login`: the sign-in token, used at once.
 */
export type ConsoleLoginInput = {
  site: Site,
  /**
   * The console page to land on (the site's OSS console without it).
   */
  destination?: string | null,
  signinToken: string,
};

/**
 * One step's answer: `{"result"}`, `{"refusal"}`, `{"signinToken"}` or `{"url"}`.
 */
export type ConsoleStepAnswer = {
  "result": ApiResult
} | {
  "refusal": ConsoleRefused
} | {
  "signinToken": string
} | {
  "url": string
};

/**
 * A refused call: whose fault (`kind`), the API's code, and what to do (a catalog message).
 */
export type ConsoleRefused = {
  kind: ConsoleRefusedBy,
  code: string,
  text: SigninMessage,
};

/**
 * Whose fault a refusal is: an STS call's (`caller`, `assume-role`, `clock-skew`), or the
 * federation endpoint's, which refused the sign-in token (`token`).
 */
export type ConsoleRefusedBy = ConsoleRefusal | ConsoleFederation;

/**
 * Whose fault a refused STS call of a console sign-in is (the CLI's exit code follows it).
 */
export type ConsoleRefusal = "caller" | "assume-role" | "clock-skew";

/**
 * The federation endpoint, as a refusal's `kind` names it.
 */
export type ConsoleFederation = "token";

/**
 * `consoleRefusal`'s input: the role, who asked for it, and AssumeRole's answer. Other fields
 * are ignored.
 */
export type ConsoleRefusalInput = {
  roleArn: string,
  callerArn: string,
  status: number,
  headers?: { [key in string]: Scalar },
  body: string,
};

/**
 * `consoleRefusal`'s answer.
 */
export type ConsoleRefusalAnswer = {
  /**
   * The refusal, with the AssumeRole check's finding and fix.
   */
  text: SigninMessage,
  /**
   * The policy document the fix names.
   */
  snippet?: string,
};

/**
 * A sign-in token: a secret for 30 seconds, for one Login.
 */
export type SigninToken = {
  requestId: string,
  signinToken: string,
};

/**
 * Why the federation endpoint refused a call, by its documented codes.
 */
export type FederationFailure = "credential-refused" | "missing-parameter" | "invalid-action" | "other";

/**
 * A refused federation call.
 */
export type FederationError = {
  failure: FederationFailure,
  /**
   * The documented code, or `Http<status>` when the answer carried none.
   */
  code: string,
  message: string,
  status: number,
  requestId?: string,
};

export type PolicyDocument = string | { [key in string]: JsonValue };

/**
 * `policyBuild()`'s input: one of the four documents, chosen by `kind` (TypeScript only: the
 * groups are read one by one).
 */
export type PolicyBuildInput = {
  "kind": "trust"
} & PolicyBuildTrust | {
  "kind": "oss-read-only"
} & PolicyBuildOssReadOnly | {
  "kind": "assume-role"
} & PolicyBuildAssumeRole | {
  "kind": "post-object"
} & PolicyBuildPostObject;

/**
 * A trust policy: RAM users and roles of one account, and services.
 */
export type PolicyBuildTrust = {
  /**
   * The trusted account (company B's UID). Needed unless only services are trusted.
   */
  account?: string | null,
  /**
   * RAM users of that account (names, not ARNs).
   */
  users?: Array<string>,
  /**
   * RAM roles of that account.
   */
  roles?: Array<string>,
  /**
   * Required `sts:ExternalId` for the RAM principals.
   */
  externalId?: string | null,
  /**
   * Services such as `ecs.aliyuncs.com`.
   */
  services?: Array<string>,
};

/**
 * Read-only OSS access: its scope, then its account.
 */
export type PolicyBuildOssReadOnly = {
  buckets?: Array<string>,
  bucket?: string | null,
  prefix?: string | null,
  /**
   * The account that owns the buckets (company A's UID).
   */
  account: string,
  /**
   * Add what the OSS console needs to list the buckets and open the bucket (default true).
   */
  console?: boolean,
};

/**
 * What the OSS read-only policy covers: every bucket of the account (nothing given), `buckets`,
 * one `bucket`, or a `prefix` in one bucket (`bucket`, or `buckets` of one).
 */
export type PolicyBuildOssScope = {
  buckets?: Array<string>,
  bucket?: string | null,
  prefix?: string | null,
};

/**
 * The OSS read-only policy's account and console access.
 */
export type PolicyBuildOssAccount = {
  /**
   * The account that owns the buckets (company A's UID).
   */
  account: string,
  /**
   * Add what the OSS console needs to list the buckets and open the bucket (default true).
   */
  console?: boolean,
};

/**
 * The policy allowing `sts:AssumeRole` on one role: its ARN, or its name and `account`.
 */
export type PolicyBuildAssumeRole = {
  /**
   * With `roleName` (read only then): the role's account.
   */
  account?: string | null,
  roleArn?: string | null,
  roleName?: string | null,
};

/**
 * The role, by ARN or by name (one of the two).
 */
export type PolicyBuildRole = {
  roleArn?: string | null,
  roleName?: string | null,
};

/**
 * A PostObject policy (and its form fields, signed, when keys are given): when it expires, what
 * it allows, then the keys.
 */
export type PolicyBuildPostObject = {
  /**
   * With `now`: the policy's lifetime in seconds, 1 to 7 days.
   */
  expiresIn?: number,
  /**
   * ISO 8601 UTC, e.g. `2026-01-01T00:00:00Z` (the core reads no clock).
   */
  expiration?: string | null,
  /**
   * ISO 8601 UTC: the policy then expires `expiresIn` seconds later.
   */
  now?: string | null,
  /**
   * Inclusive size bounds in bytes, `[min, max]`.
   */
  contentLengthRange?: [number, number],
  bucket: string,
  /**
   * The exact key (absent: `keyPrefix`).
   */
  key?: string | null,
  /**
   * Every key must start with this (may be empty: any key).
   */
  keyPrefix?: string | null,
  /**
   * `Content-Type` must start with this, e.g. `image/`.
   */
  contentType?: string | null,
  /**
   * `200`, `201` or `204`.
   */
  successActionStatus?: string | null,
  accessKeyId?: string | null,
  /**
   * Required with `accessKeyId`.
   */
  accessKeySecret?: string | null,
  securityToken?: string | null,
};

/**
 * When the policy expires: `expiration`, or `now` and `expiresIn`.
 */
export type PolicyBuildExpiry = {
  /**
   * ISO 8601 UTC, e.g. `2026-01-01T00:00:00Z` (the core reads no clock).
   */
  expiration?: string | null,
  /**
   * ISO 8601 UTC: the policy then expires `expiresIn` seconds later.
   */
  now?: string | null,
};

/**
 * What the upload may be.
 */
export type PolicyBuildUpload = {
  /**
   * Inclusive size bounds in bytes, `[min, max]`.
   */
  contentLengthRange?: [number, number],
  bucket: string,
  /**
   * The exact key (absent: `keyPrefix`).
   */
  key?: string | null,
  /**
   * Every key must start with this (may be empty: any key).
   */
  keyPrefix?: string | null,
  /**
   * `Content-Type` must start with this, e.g. `image/`.
   */
  contentType?: string | null,
  /**
   * `200`, `201` or `204`.
   */
  successActionStatus?: string | null,
};

/**
 * The keys that sign the form (without them: the policy only).
 */
export type PolicyBuildKeys = {
  accessKeyId?: string | null,
  /**
   * Required with `accessKeyId`.
   */
  accessKeySecret?: string | null,
  securityToken?: string | null,
};

/**
 * A trust, OSS read-only or AssumeRole document.
 */
export type PolicyBuildResult = {
  kind: "trust" | "oss-read-only" | "assume-role",
  policyKind: "identity" | "trust",
  /**
   * The document as a JSON object.
   */
  policy: JsonValue,
  /**
   * Pretty text, as RAM's console shows it.
   */
  text: string,
  /**
   * The compact text.
   */
  compact: string,
  /**
   * Characters of the compact text.
   */
  size: number,
  /**
   * What each statement is for.
   */
  statements: Array<PolicyBuildStatement>,
  findings: Array<PolicyFinding>,
};

/**
 * What one statement of a built document is for.
 */
export type PolicyBuildStatement = {
  index: number,
  /**
   * `$.Statement[i]`.
   */
  path: string,
  purpose: PolicyMessage,
};

/**
 * A PostObject policy.
 */
export type PolicyBuildPostObjectResult = {
  kind: "post-object",
  /**
   * The policy as a JSON object.
   */
  policy: JsonValue,
  /**
   * The exact text that is signed.
   */
  policyText: string,
  expiration: string,
  /**
   * With keys: the form fields of the upload.
   */
  fields?: PolicyBuildPostObjectForm,
};

/**
 * The signed PostObject form fields, named as OSS reads them.
 */
export type PolicyBuildPostObjectForm = {
  /**
   * The key, or the key prefix followed by `${filename}`.
   */
  key: string,
  /**
   * The policy, base64.
   */
  policy: string,
  OSSAccessKeyId: string,
  Signature: string,
  success_action_status?: string,
  "x-oss-security-token"?: string,
};

/**
 * `policyLint()`'s input. Fields it does not read are ignored.
 */
export type PolicyLintInput = {
  /**
   * The policy: its JSON text (findings then carry line and column in it) or a JSON object.
   */
  policy: PolicyDocument,
  /**
   * What the policy is; `auto` (the default) tells it from the document.
   */
  kind?: PolicyLintKind | null,
  /**
   * `read-only`: writes and deletes are findings.
   */
  intent?: PolicyLintIntent | null,
  /**
   * Principals a trust policy may name without a finding.
   */
  trustedPrincipals?: Array<string> | null,
};

/**
 * `policyLint`'s `kind`.
 */
export type PolicyLintKind = "auto" | "identity" | "permission" | "session" | "trust";

/**
 * `policyLint`'s `intent`.
 */
export type PolicyLintIntent = "any" | "read-only";

/**
 * `policyLint()`'s answer: the report, and the canonical pretty text when the policy is valid.
 */
export type PolicyLintResult = {
  canonical?: string,
  /**
   * `identity` or `trust`.
   */
  kind: "identity" | "trust",
  /**
   * No error: RAM would accept the document.
   */
  valid: boolean,
  summary: PolicyLintSummary,
  /**
   * Sorted by level, then position.
   */
  findings: Array<PolicyFinding>,
  /**
   * Characters of the text as given.
   */
  size: number,
  /**
   * Characters of the canonical compact form (when the document is valid).
   */
  compactSize?: number,
};

/**
 * `policySimulate()`'s input (TypeScript only: its groups are read one by one).
 */
export type PolicySimulateInput = {
  /**
   * One request (`request`) or many (`requests`), not both.
   */
  request?: PolicySimulateRequest,
  requests?: Array<PolicySimulateRequest>,
  /**
   * Catalog policies by name, or `{name?, document?}`.
   */
  identityPolicies?: Array<string | PolicySimulateEntry>,
  /**
   * The document, or `{name?, document}`.
   */
  sessionPolicy?: PolicyDocument | PolicySimulateNamedDocument,
  /**
   * The document, or `{name?, document}`.
   */
  trustPolicy?: PolicyDocument | PolicySimulateNamedDocument,
  /**
   * `full` (the default) or `decision`.
   */
  detail?: PolicySimulateDetail | null,
};

/**
 * The policies to simulate against (absent or null: none of that side).
 */
export type PolicySimulatePolicies = {
  /**
   * Catalog policies by name, or `{name?, document?}`.
   */
  identityPolicies?: Array<string | PolicySimulateEntry>,
  /**
   * The document, or `{name?, document}`.
   */
  sessionPolicy?: PolicyDocument | PolicySimulateNamedDocument,
  /**
   * The document, or `{name?, document}`.
   */
  trustPolicy?: PolicyDocument | PolicySimulateNamedDocument,
};

/**
 * How much to answer for each request.
 */
export type PolicySimulateDetailField = {
  /**
   * `full` (the default) or `decision`.
   */
  detail?: PolicySimulateDetail | null,
};

/**
 * What `policySimulate` answers for each request.
 */
export type PolicySimulateDetail = "full" | "decision";

/**
 * An identity policy given as an object: a catalog policy by `name`, or a `document` (named
 * `name`, else `policy-<index>`), e.g. the live text from GetPolicy in place of the catalog's.
 */
export type PolicySimulateEntry = {
  name?: string | null,
  document?: PolicyDocument,
};

/**
 * A session or trust policy given with its name.
 */
export type PolicySimulateNamedDocument = {
  name?: string | null,
  document: PolicyDocument,
};

/**
 * One request to simulate.
 */
export type PolicySimulateRequest = {
  /**
   * The caller, e.g. `acs:ram::1999000000000002:user/alice` (for trust policies).
   */
  principal?: string | null,
  action: string,
  /**
   * `*` when absent.
   */
  resource?: string | null,
  /**
   * Condition keys and their values (a value or a list of values).
   */
  context?: { [key in string]: Scalar | Array<Scalar> },
};

/**
 * `policySimulate()`'s answer: the policies read, and for one request its explanation or its
 * decision, for many their explanations or decisions, in order.
 */
export type PolicySimulateResult = {
  policies: Array<SimulatedPolicy>,
  decision: string,
  allowed: boolean,
  /**
   * Allow: the applicable Allow statements of every side; ExplicitDeny: the applicable Deny
   * statements; ImplicitDeny: none (see `sides`, `conditionsNotMet` and the explanation).
   */
  deciding: Array<StatementRef>,
  conditionsNotMet: Array<ConditionMiss>,
  /**
   * Condition keys the decision consulted that the request did not supply.
   */
  missingContextKeys: Array<string>,
  sides: Array<PolicySideReport>,
  /**
   * The decision in sentences, one message each (shown one after the other).
   */
  explanation: Array<PolicyMessage>,
} | {
  decision: PolicyDecision,
  policies: Array<SimulatedPolicy>,
} | {
  results: Array<PolicyExplanation>,
  policies: Array<SimulatedPolicy>,
} | {
  decisions: Array<PolicyDecision>,
  policies: Array<SimulatedPolicy>,
};

/**
 * A policy a simulation read: RoleHop's catalog text for a system policy (`assumed`), or a
 * document given.
 */
export type SimulatedPolicy = {
  name: string,
  side: "identity" | "session" | "trust",
  assumed: boolean,
  source: "catalog" | "document",
};

/**
 * The simulator's answer (as JSON: its name).
 */
export type PolicyDecision = "Allow" | "ExplicitDeny" | "ImplicitDeny";

/**
 * The console validator's four levels, most severe first.
 */
export type PolicyFindingLevel = "error" | "security-warning" | "warning" | "suggestion";

export type PolicyFinding = {
  level: PolicyFindingLevel,
  /**
   * Stable, kebab-case; documented in the README. Never renamed.
   */
  code: string,
  message: PolicyMessage,
  path: string,
  line?: number,
  column?: number,
  fix?: PolicyFix,
};

/**
 * How to fix a finding: what to do, and where possible the JSON text that replaces the value at
 * the finding's path (or, for a missing element, the element to add).
 */
export type PolicyFix = {
  description: PolicyMessage,
  snippet?: string,
  /**
   * Where the snippet goes when that is not the finding's own path (e.g. a finding about an
   * action whose fix rewrites the statement's Resource).
   */
  path?: string,
};

export type PolicyLintSummary = {
  error: number,
  securityWarning: number,
  warning: number,
  suggestion: number,
};

export type PolicyLintReport = {
  /**
   * `identity` or `trust`.
   */
  kind: "identity" | "trust",
  /**
   * No error: RAM would accept the document.
   */
  valid: boolean,
  summary: PolicyLintSummary,
  /**
   * Sorted by level, then position.
   */
  findings: Array<PolicyFinding>,
  /**
   * Characters of the text as given.
   */
  size: number,
  /**
   * Characters of the canonical compact form (when the document is valid).
   */
  compactSize?: number,
};

export type StatementRef = {
  policy: string,
  side: string,
  /**
   * Index in the policy's `Statement` array.
   */
  statement: number,
  /**
   * `$.Statement[<index>]`.
   */
  path: string,
  effect: string,
  /**
   * The policy text is RoleHop's assumption (catalog), not read from the account.
   */
  assumed: boolean,
};

/**
 * A statement that matched the action and resource but whose condition did not hold.
 */
export type ConditionMiss = {
  /**
   * JSON path of the failing condition key, e.g. `$.Statement[0].Condition.StringLike["oss:Prefix"]`.
   */
  condition: string,
  operator: string,
  key: string,
  /**
   * The request's values for the key; `None` when the key was not supplied.
   */
  supplied: Array<string> | null,
  policy: string,
  side: string,
  /**
   * Index in the policy's `Statement` array.
   */
  statement: number,
  /**
   * `$.Statement[<index>]`.
   */
  path: string,
  effect: string,
  /**
   * The policy text is RoleHop's assumption (catalog), not read from the account.
   */
  assumed: boolean,
};

export type PolicySideReport = {
  side: string,
  decision: string,
  policies: Array<string>,
};

export type PolicyExplanation = {
  decision: string,
  allowed: boolean,
  /**
   * Allow: the applicable Allow statements of every side; ExplicitDeny: the applicable Deny
   * statements; ImplicitDeny: none (see `sides`, `conditionsNotMet` and the explanation).
   */
  deciding: Array<StatementRef>,
  conditionsNotMet: Array<ConditionMiss>,
  /**
   * Condition keys the decision consulted that the request did not supply.
   */
  missingContextKeys: Array<string>,
  sides: Array<PolicySideReport>,
  /**
   * The decision in sentences, one message each (shown one after the other).
   */
  explanation: Array<PolicyMessage>,
};

/**
 * Which console a profile switches on: `cn` is aliyun.com, `intl` is alibabacloud.com.
 */
export type Site = "cn" | "intl";

/**
 * How the profile names the target account (all three are accepted by the Switch Role page).
 */
export type AccountKind = "alias" | "default-domain" | "uid";

/**
 * One switch profile. `account` is what the Switch Role page gets as `parentAlias`;
 * `account_uid` and `role_arn` are known when the account UID is (given as the account, inside
 * a default domain, or by `role_arn`).
 */
export type Profile = {
  id: string,
  /**
   * Defaults to `id`.
   */
  displayName: string,
  account: string,
  accountKind: AccountKind,
  accountUid?: string,
  roleName: string,
  roleArn?: string,
  color?: string,
  group?: string,
  site: Site,
  note?: string,
  /**
   * The 1-based line of the profile's section header (0 when it did not come from text).
   */
  line: number,
};

/**
 * A problem in a profile text: what is wrong and what was expected (a message id and arguments),
 * where (1-based line and column, columns counted in characters), and which profile and key it
 * concerns.
 */
export type ProfileError = {
  kind: ErrorKind,
  message: ProfileMessage,
  line: number,
  column: number,
  profile?: string,
  field?: string,
  /**
   * The one edit that removes this error, when it is certain (a misspelt key, a value in the
   * wrong case): what the editor's fix button applies.
   */
  fix?: ProfileFix,
};

/**
 * A certain fix: replace the characters from `column` up to (not including) `end_column` on
 * `line` with `replacement`. Columns are 1-based and counted in characters, as in
 * [`ProfileError`]; the replacement is itself valid (it passes the check that failed).
 */
export type ProfileFix = {
  line: number,
  column: number,
  endColumn: number,
  replacement: string,
};

/**
 * The profiles of a text that are free of errors, and every error found.
 */
export type ProfileParseResult = {
  profiles: Array<Profile>,
  errors: Array<ProfileError>,
};

/**
 * A config.json profile that was not imported or exported, and why.
 */
export type SkippedProfile = {
  name: string,
  mode: string,
  reason: ProfileMessage,
};

/**
 * One profile written by an export.
 */
export type ExportedProfile = {
  name: string,
  mode: string,
  /**
   * `added` or `updated`.
   */
  action: "added" | "updated",
  /**
   * What the user still has to do for the CLI to use it, if anything.
   */
  todo?: ProfileMessage,
};

/**
 * The config.json text and what went into it.
 */
export type ProfileExportResult = {
  text: string,
  skipped: Array<SkippedProfile>,
  exported: Array<ExportedProfile>,
};

/**
 * The URLs of one switch (`switchUrl`'s answer).
 */
export type SwitchUrlResult = {
  url: string,
  exitUrl: string,
  site: Site,
  parentAlias: string,
  roleName: string,
};

/**
 * `profileParse`'s request.
 */
export type ProfileParseInput = {
  text: string,
  /**
   * For profiles without `site`; default `cn`.
   */
  defaultSite?: Site | null,
};

/**
 * A profile as a request gives it: `id` and the text fields (`null` and `""` are absent).
 * `accountKind`, `accountUid` and `line`, if given, are ignored: they are recomputed.
 */
export type ProfileFields = {
  /**
   * Checked as it is read, before the other fields.
   */
  id: string,
  displayName?: string | null,
  account?: string | null,
  roleName?: string | null,
  roleArn?: string | null,
  site?: Site | null,
  group?: string | null,
  color?: string | null,
  note?: string | null,
};

/**
 * `profileSerialize`'s request.
 */
export type ProfileSerializeInput = {
  /**
   * Profiles to write; derived fields (`accountKind`, `accountUid`, `line`) are recomputed.
   */
  profiles: Array<ProfileFields>,
};

/**
 * `profileSerialize`'s answer.
 */
export type ProfileSerializeResult = {
  /**
   * The canonical INI text: parsing it gives the same profiles back.
   */
  text: string,
};

/**
 * `profileImport`'s request (its `format` is checked before the rest is read).
 */
export type ProfileImportInput = {
  format: "aliyun-cli",
  /**
   * The text of `~/.aliyun/config.json`. Credentials in it are never read into profiles.
   */
  text: string,
  defaultSite?: Site | null,
};

/**
 * `profileImport`'s answer.
 */
export type ProfileImportResult = {
  profiles: Array<Profile>,
  /**
   * The profiles as canonical INI text.
   */
  text: string,
  skipped: Array<SkippedProfile>,
  /**
   * Positions refer to the config.json text.
   */
  errors: Array<ProfileError>,
};

/**
 * `profileExport`'s request, as TypeScript sees it: read in two stages, the profiles (each
 * checked) before the options.
 */
export type ProfileExportInput = {
  format: "aliyun-cli",
  profiles: Array<ProfileFields>,
  /**
   * An existing config.json to merge into; its other profiles and keys are kept.
   */
  base?: string | null,
  /**
   * New profiles become `ChainableRamRoleArn` from this profile (else `RamRoleArn`).
   */
  sourceProfile?: string | null,
};

/**
 * `profileExport`'s format and profiles.
 */
export type ProfileExportProfiles = {
  format: "aliyun-cli",
  profiles: Array<ProfileFields>,
};

/**
 * `profileExport`'s options, read once every profile passed.
 */
export type ProfileExportOptions = {
  /**
   * An existing config.json to merge into; its other profiles and keys are kept.
   */
  base?: string | null,
  /**
   * New profiles become `ChainableRamRoleArn` from this profile (else `RamRoleArn`).
   */
  sourceProfile?: string | null,
};

/**
 * `switchUrl`'s request, as TypeScript sees it: read in two stages, the target (checked) before
 * the marker.
 */
export type SwitchUrlInput = {
  /**
   * A profile, or only what a switch needs; `null` and `""` fields are absent. Required
   * (refused without it in words of its own).
   */
  profile: SwitchTarget,
  /**
   * 8-64 of `[A-Za-z0-9_-]`; appended as `#rolehop=<marker>`.
   */
  marker?: string | null,
};

/**
 * `switchUrl`'s target.
 */
export type SwitchUrlProfile = {
  /**
   * A profile, or only what a switch needs; `null` and `""` fields are absent. Required
   * (refused without it in words of its own).
   */
  profile: SwitchTarget,
};

/**
 * What `switchUrl` reads of a profile (its other fields are ignored).
 */
export type SwitchTarget = {
  account?: string | null,
  roleName?: string | null,
  roleArn?: string | null,
  site?: Site | null,
};

/**
 * `switchUrl`'s marker, read once the target passed.
 */
export type SwitchUrlMarker = {
  /**
   * 8-64 of `[A-Za-z0-9_-]`; appended as `#rolehop=<marker>`.
   */
  marker?: string | null,
};

/**
 * Which credentials sign a request.
 */
export type CheckCredentials = "B" | "A" | "assumed";

/**
 * What checksNext hands the runner.
 */
export type CheckNextRequest = {
  id: string,
  action: ActionName,
  side: "A" | "B",
  credentials: CheckCredentials,
  params: CheckRequestParams,
  attempt: number,
  delayMs: number,
};

export type CheckId = "a.role-exists" | "a.trust-trusts-b" | "a.role-oss-access" | "b.identity" | "b.user-may-assume" | "a.switch-values" | "b.assume-role" | "b.list-buckets" | "b.list-objects";

export type CheckStatus = "pass" | "fail" | "could-not-check" | "pending";

/**
 * Why a check failed or could not be checked. Stable names (the contract's `cause`).
 */
export type CheckCause = "root-keys" | "user-lacks-assume-role" | "role-does-not-trust-b" | "role-lacks-oss-policy" | "role-not-found" | "wrong-account" | "wrong-role-name" | "assume-role-refused" | "no-such-bucket" | "bucket-not-in-account" | "clock-skew" | "sts-token-expired" | "invalid-credentials" | "not-permitted" | "throttled" | "server-error" | "transport-error" | "malformed-response" | "not-run" | "missing-input" | "unexpected-error" | "user-policy-denies" | "trust-policy-denies" | "role-policy-denies" | "session-policy-denies" | "control-policy-denies" | "resource-group-scope" | "bucket-policy-denies";

export type CheckEvidence = {
  action?: string,
  requestId?: string,
  code?: string,
  httpStatus?: number,
  attempts?: number,
};

/**
 * What to do: a message of the checks, or the hint parseResponse gave with an API error (a
 * message of its own area, passed on as it came).
 */
export type CheckFixText = ChecksMessage | CoreMessage;

export type CheckFix = {
  /**
   * What to do, as a message `{id, args}`.
   */
  text: CheckFixText,
  /**
   * A policy document (JSON text) that fixes it, when one does.
   */
  snippet?: string,
};

export type CheckResult = {
  id: CheckId,
  title: ChecksMessage,
  side: "A" | "B",
  tutorialStep: TutorialStepNumber,
  status: CheckStatus,
  cause?: CheckCause,
  evidence: CheckEvidence,
  summary: ChecksMessage,
  fix?: CheckFix,
  method?: "listed" | "input" | "observed",
  details?: CheckDetails,
  /**
   * A refusal's diagnosis: the cloud's detail, the decoded message, or RoleHop's inference.
   */
  basis?: CheckBasis,
};

export type CheckVerdictStatus = "pass" | "fail" | "incomplete" | "pending";

export type CheckVerdict = {
  status: CheckVerdictStatus,
  firstBrokenStep?: TutorialStepNumber,
  cause?: CheckCause,
  /**
   * The check the verdict is about.
   */
  check?: CheckId,
  /**
   * One sentence: "Step 2 is broken: role admin-oss has no policy that allows …".
   */
  summary: ChecksMessage,
  /**
   * What to do about it (the check's fix), when there is something to do.
   */
  fix?: CheckFix,
  /**
   * How many other checks failed (the page says so with its plural rule).
   */
  otherFailures?: number,
  /**
   * The check's basis, when the verdict is about a refusal.
   */
  basis?: CheckBasis,
};

export type CheckWarning = {
  code: "assumed-policy-text" | "clock-skew" | "a-root-keys",
  /**
   * The warning as a message `{id, args}`.
   */
  text: ChecksMessage,
};

export type CheckReportBody = {
  checks: Array<CheckResult>,
  verdict: CheckVerdict,
  clockSkewSeconds?: number,
  warnings: Array<CheckWarning>,
};

/**
 * What a denial's diagnosis rests on.
 */
export type CheckBasis = "cloud-detail" | "decoded" | "inferred";

/**
 * The report's `details`: what the check found, the cloud's words on a refusal, or both.
 */
export type CheckDetails = CheckFound | CheckRefusedDetails | { deniedBy: CheckDeniedBy, };

export type CheckRefusedDetails = {
  deniedBy: CheckDeniedBy
} & CheckFound;

/**
 * The facts a check's finding rests on.
 */
export type CheckFound = {
  arn: string,
  maxSessionDuration: number | null,
} | {
  possibleSteps: [TutorialStepNumber, TutorialStepNumber],
} | {
  possibleSteps: [TutorialStepNumber, TutorialStepNumber],
  account: string,
  roleName: string,
} | {
  principal: string,
  decision: PolicyDecision,
  explanation: Array<PolicyMessage>,
  missingContextKeys: Array<string>,
} | {
  requests: Array<CheckSimulatedRequest>,
  policies: Array<string>,
  /**
   * Simulated with the catalog's assumed text.
   */
  assumedTexts: Array<string>,
  /**
   * Attached but not readable: left out.
   */
  unreadable: Array<string>,
} | {
  uid: string,
  alias: string | null,
  defaultDomain: string,
  roleName: string,
  roleArn: string,
  switchUrl: string | null,
} | {
  assumedRoleArn: string,
  expiration: string,
} | {
  accountId: string,
  arn: string,
  identityType: string,
} | CheckUserPolicies | CheckUserPoliciesDiffer | CheckValuesDiffer | {
  buckets: Array<string>,
} | {
  keys: Array<string>,
  commonPrefixes: number,
} | {
  blockedBy: CheckId,
};

/**
 * The policies a simulation used, by where their text came from.
 */
export type CheckPolicySources = {
  policies: Array<string>,
  /**
   * Simulated with the catalog's assumed text.
   */
  assumedTexts: Array<string>,
  /**
   * Attached but not readable: left out.
   */
  unreadable: Array<string>,
};

/**
 * One OSS read simulated on the role's policies.
 */
export type CheckSimulatedRequest = {
  action: string,
  resource: string,
  decision: PolicyDecision,
  explanation: Array<PolicyMessage>,
};

/**
 * B's policies simulated for sts:AssumeRole on the role.
 */
export type CheckUserPolicies = {
  decision: PolicyDecision,
  /**
   * The role tested instead of the requested one (A's, when the ARN names another account).
   */
  simulatedArn?: string,
  policies: Array<string>,
  /**
   * Simulated with the catalog's assumed text.
   */
  assumedTexts: Array<string>,
  /**
   * Attached but not readable: left out.
   */
  unreadable: Array<string>,
};

/**
 * The role B's user may assume against the requested one.
 */
export type CheckValuesDiffer = {
  possibleSteps: [TutorialStepNumber, TutorialStepNumber],
  /**
   * The parts that differ.
   */
  differs: Array<"account" | "roleName">,
  requestedArn: string,
  allowedArn: string,
  /**
   * The policy that allows `allowedArn`.
   */
  policy: string,
  /**
   * The account to use for the switch.
   */
  account: string,
  /**
   * The role name to use for the switch.
   */
  roleName: string,
};

export type CheckUserPoliciesDiffer = CheckUserPolicies & CheckValuesDiffer;

/**
 * The cloud's facts on a refusal, without its encoded message (its decoded facts are shown
 * instead), and how decoding it went.
 */
export type CheckDeniedBy = Omit<AccessDeniedDetail, "encodedDiagnosticMessage"> & {
  /** OSS's EC code names a bucket policy. */
  bucketPolicy: boolean,
  decode: CheckDecodeStatus,
};

/**
 * Where decoding a refusal's encoded message (RAM DecodeDiagnosticMessage) stands.
 */
export type CheckDecodeStatus = "no-message" | "pending" | "decoded" | "refused" | "failed";

/**
 * A request of the checks (as JSON: its parameters).
 */
export type CheckRequestParams = {
} | {
  roleName: string,
} | {
  roleName: string | null,
} | {
  userName: string | null,
} | {
  policyName: string,
  policyType: string,
} | {
  roleArn: string,
  roleSessionName: string,
  durationSeconds: number,
  externalId?: string,
} | {
  region?: string,
} | {
  bucket: string,
  maxKeys: number,
  prefix?: string,
  region?: string,
} | {
  encodedDiagnosticMessage: string,
};

/**
 * One entry of `inputs.userPolicies`: a system policy's name, or a policy given inline.
 */
export type CheckUserPolicy = string | CheckGivenPolicy;

/**
 * A policy given inline: its document, or (without one) a system policy's name.
 */
export type CheckGivenPolicy = {
  /**
   * Not text: left out (the policy is then named by its place, `policy-<index>`).
   */
  name?: string,
  /**
   * Given as `null`, it is a document (refused as one).
   */
  document?: string | Record<string, unknown>,
};

/**
 * The report as the contract carries it: the diagnosis, and the chain drawn from it (kept
 * apart so the diagnosis never depends on the picture).
 */
export type CheckReport = {
  chain: Array<ChainLink>,
  checks: Array<CheckResult>,
  verdict: CheckVerdict,
  clockSkewSeconds?: number,
  warnings: Array<CheckWarning>,
};

/**
 * A link of the chain, in the order a request travels.
 */
export type ChainLinkId = "b-user" | "assume-grant" | "role-trust" | "oss-permission" | "bucket";

export type ChainLinkStatus = "pass" | "fail" | "not-checked";

export type ChainLink = {
  link: ChainLinkId,
  title: ChainMessage,
  /**
   * The tutorial step the link is set up in; for a broken link, the step its fix belongs to.
   */
  step: TutorialStepNumber,
  status: ChainLinkStatus,
  /**
   * The check that decided the status: the failed one, or the one whose pass proves it.
   */
  check?: CheckId,
  /**
   * Why the link is broken: the failing check's finding (what the verdict says after "Step n
   * is broken: ").
   */
  cause?: ChecksMessage,
  /**
   * What to do: the failing check's fix (the verdict's fix, for the verdict's check).
   */
  fix?: CheckFixText,
};

export type RetryDecision = {
  retry: boolean,
  delayMs?: number,
  kind: "read" | "write",
  reason: ChecksMessage,
};

/**
 * The retry policy as data, for the plan.
 */
export type RetryPolicy = {
  maxAttempts: number,
  baseDelayMs: number,
  maxDelayMs: number,
  backoff: string,
  reads: RetryRule,
  writes: RetryRule,
};

/**
 * When the actions of one kind (reads, writes) are sent again.
 */
export type RetryRule = {
  actions: Array<ActionName>,
  retryOn: Array<string>,
  /**
   * When they are never sent again.
   */
  never?: string,
};

/**
 * `checksPlan`'s answer: the checks these inputs run, and the requests behind them.
 */
export type ChecksPlan = {
  checks: Array<PlannedCheck>,
  requests: Array<PlannedRequest>,
  retryPolicy: RetryPolicy,
};

/**
 * A check of the plan.
 */
export type PlannedCheck = {
  id: CheckId,
  /**
   * The check's title (a label), `core_check_title_...`.
   */
  title: ChecksMessage,
  side: "A" | "B",
  tutorialStep: TutorialStepNumber,
  /**
   * The request ids it reads (`b.GetPolicy.*`: every GetPolicy of B's).
   */
  requests: Array<string>,
  dependsOn: Array<CheckId>,
};

/**
 * A request the plan may send.
 */
export type PlannedRequest = {
  id: string,
  action: ActionName,
  side: "A" | "B",
  credentials: CheckCredentials,
  /**
   * The requests it needs to have succeeded.
   */
  dependsOn: Array<string>,
  /**
   * Every request of the checks reads (the retry policy's `reads`).
   */
  retry: "read",
};

/**
 * What to verify. Give `roleArn`, or `accountA` (what B types on Switch Role) and `roleName`.
 */
export type CheckInputs = {
  site?: Site,
  /**
   * `acs:ram::<A's UID>:role/<name>`.
   */
  roleArn?: string,
  /**
   * Enterprise alias, `<alias|uid>.onaliyun.com`, or A's UID.
   */
  accountA?: string,
  roleName?: string,
  /**
   * Enables ListObjects (and the bucket in A's policy simulation).
   */
  bucket?: string,
  prefix?: string,
  /**
   * OSS region for ListBuckets (ListObjects uses the bucket's own region).
   */
  region?: string,
  externalId?: string,
  /**
   * Default true.
   */
  haveCredentialsB?: boolean,
  /**
   * Default `"access-key"`.
   */
  credentialsKindB?: "access-key" | "sts",
  /**
   * Default false.
   */
  haveCredentialsA?: boolean,
  /**
   * B's UID when B's credentials are not given (for the trust-policy check).
   */
  accountB?: string,
  userB?: string,
  /**
   * Used only when ListPoliciesForUser is refused: what B's user is believed to have.
   */
  userPolicies?: Array<CheckUserPolicy>,
};

/**
 * One attempt of one request: parseResponse's answer spread in (exactly one of `result`,
 * `apiError`, `error`), or `transportError` or `skipped`, plus what the runner saw.
 */
export type CheckAttempt = {
  /**
   * parseResponse's `result`.
   */
  result?: ApiResult,
  /**
   * parseResponse's `apiError`.
   */
  apiError?: ApiError,
  /**
   * parseResponse's error (a body it could not read).
   */
  error?: CoreError,
  /**
   * No HTTP answer (network error, timeout): why.
   */
  transportError?: string,
  /**
   * Not sent: why.
   */
  skipped?: string,
  /**
   * The `time` the request was signed with (ISO 8601 UTC).
   */
  localTime?: string,
  /**
   * The response's Date header (RFC 1123); one that cannot be read is left out.
   */
  serverDate?: string,
  httpStatus?: number,
  requestId?: string,
};

/**
 * Attempts per request id, in order (the last one counts), or the one attempt.
 */
export type CheckFacts = Record<string, CheckAttempt | CheckAttempt[]>;

/**
 * What checksNext and checksDiagnose are given: what to verify and what happened so far.
 */
export type ChecksState = {
  /**
   * checksPlan's input.
   */
  inputs: CheckInputs,
  facts?: CheckFacts,
};

/**
 * `checksNext`'s answer.
 */
export type ChecksNextResult = {
  /**
   * Independent of each other (may be sent in parallel).
   */
  next: Array<CheckNextRequest>,
  done: boolean,
};

/**
 * `checksRetry`'s input: the attempt that just ended.
 */
export type ChecksRetryInput = {
  action: ActionName,
  /**
   * The 1-based number of the attempt that just ended.
   */
  attempt: number,
  outcome: CheckAttempt,
};

export type TutorialStepNumber = 1 | 2 | 3 | 4;

/**
 * `tutorialSteps`' answer.
 */
export type TutorialResult = {
  audience: TutorialAudience,
  site: Site,
  values: TutorialValues,
  /**
   * The tutorial steps this reader's tasks belong to, in order (the page's headings).
   */
  outline: Array<TutorialOutlineEntry>,
  steps: Array<TutorialStep>,
  troubleshooting: Array<TutorialTrouble>,
  /**
   * checksPlan's inputs for this setup; add haveCredentialsB / haveCredentialsA before running.
   */
  checkInputs: TutorialCheckInputs,
  /**
   * Draft only: the values still missing or wrong, each at its JSON path (empty when complete).
   */
  incomplete?: Array<TutorialIncomplete>,
  /**
   * The tokens of values not given yet (a draft's, or B's unnamed user) that every string (a
   * message's arguments, values, documents, commands) carries, each with the catalog's
   * placeholder to show in its place. Always present in a draft.
   */
  placeholders?: Array<TutorialPlaceholder>,
};

/**
 * What the page needs besides the steps while values are missing, written last.
 */
export type TutorialNotes = {
  /**
   * Draft only: the values still missing or wrong, each at its JSON path (empty when complete).
   */
  incomplete?: Array<TutorialIncomplete>,
  /**
   * The tokens of values not given yet (a draft's, or B's unnamed user) that every string (a
   * message's arguments, values, documents, commands) carries, each with the catalog's
   * placeholder to show in its place. Always present in a draft.
   */
  placeholders?: Array<TutorialPlaceholder>,
};

/**
 * A value missing or not valid yet: where, and the error it gave.
 */
export type TutorialIncomplete = {
  path: string,
  message: string,
  /**
   * The catalog's words where the error has them, as every other error carries them.
   */
  text?: CoreMessage,
};

/**
 * A token the texts carry, with the catalog's placeholder the page shows in its place.
 */
export type TutorialPlaceholder = {
  token: string,
  text: TutorialMessage,
};

/**
 * The values every reader may need, by name.
 */
export type TutorialValues = {
  accountA: TutorialAccountValues,
  accountB: TutorialAccountValues,
  roleName: string,
  roleArn: string,
  permissionPolicy: TutorialPolicyName,
  assumePolicy: TutorialPolicyName,
  switchUrl: string,
  userName?: string,
  /**
   * `alice@<B's default domain>`.
   */
  logonName?: string,
};

/**
 * One account's values: what the Switch Role page takes (`parentAlias`) and its default domain.
 */
export type TutorialAccountValues = {
  uid: string,
  defaultDomain: string,
  parentAlias: string,
  alias?: string,
};

/**
 * A policy to attach, by name and type.
 */
export type TutorialPolicyName = {
  name: string,
  type: "System" | "Custom",
};

/**
 * One heading of a reader's tutorial: the step, "Step 2", and the step's name.
 */
export type TutorialOutlineEntry = {
  step: TutorialStepNumber,
  label: TutorialMessage,
  title: TutorialMessage,
};

/**
 * One cause from the tutorial's troubleshooting list.
 */
export type TutorialTrouble = {
  tutorialStep: TutorialStepNumber,
  cause: TutorialMessage,
  fix: TutorialMessage,
};

/**
 * The verification checks' inputs for this setup (`checksPlan`'s `inputs`, without the
 * credential flags, which depend on what the reader entered): the verify step's "Run the checks".
 */
export type TutorialCheckInputs = {
  site: Site,
  roleArn: string,
  /**
   * What B types on Switch Role: A's alias, or A's UID.
   */
  accountA: string,
  roleName: string,
  accountB: string,
  /**
   * The first bucket of a custom permission policy.
   */
  bucket?: string,
  prefix?: string,
  userB?: string,
  /**
   * The AssumeRole policy B's user is given: a system policy's name, or a custom one's document.
   */
  userPolicies: Array<TutorialUserPolicy>,
};

/**
 * A policy of B's user, as `checksPlan` takes it.
 */
export type TutorialUserPolicy = string | { name: string, document: string, };

/**
 * One step of `tutorialSteps`' answer.
 */
export type TutorialStep = {
  /**
   * Stable: a-create-role, a-edit-trust, a-create-policy, a-attach-policy, a-share-values, a-verify,
   * b-create-user, b-create-policy, b-attach-policy, b-share-values, b-verify, user-sign-in,
   * user-switch-role, user-verify.
   */
  id: string,
  /**
   * 1: A's role; 2: B's user; 3: the switch; 4: verify.
   */
  tutorialStep: TutorialStepNumber,
  audience: TutorialAudience,
  title: TutorialMessage,
  /**
   * The instructions: sentences, shown one after the other (`joinSentences`).
   */
  body: Array<TutorialMessage>,
  consolePath: TutorialConsolePath,
  /**
   * What to paste: `value` exactly as RAM takes it, `label` from the catalogs.
   */
  values: Array<TutorialStepValue>,
  policies: Array<TutorialPolicy>,
  /**
   * aliyun CLI commands (POSIX shell).
   */
  cli: string | null,
  /**
   * alicloud provider blocks.
   */
  terraform: string | null,
  verify: TutorialMessage,
  /**
   * The "Do it for me" task whose outcome (created, updated, attached, already-there) does this step.
   */
  setupTask: "role" | "user" | "policy" | "attach" | null,
  /**
   * The checks whose pass proves this step done (every one of them that ran passed).
   */
  provenBy: Array<CheckId>,
};

/**
 * A value to paste.
 */
export type TutorialStepValue = {
  label: TutorialMessage,
  value: string,
  copy: true,
};

/**
 * A console location: the menu path a person clicks through (the catalog's words), and the page's URL.
 */
export type TutorialConsolePath = {
  path: TutorialMessage,
  url: string,
};

/**
 * A policy document a step shows: canonical text from the policy builders, and its lint.
 */
export type TutorialPolicy = {
  /**
   * The policy's name in RAM; for a trust policy, its role's name.
   */
  name: string,
  type: "Trust" | "Custom" | "System",
  /**
   * How the page names it ("Trust policy of role admin-oss").
   */
  title: TutorialMessage,
  purpose: TutorialMessage,
  /**
   * A system policy's description (null for the others).
   */
  description: PolicyMessage | null,
  /**
   * Canonical pretty JSON (console JSON editor, Terraform).
   */
  text: string,
  /**
   * Canonical one-line JSON (API, CLI).
   */
  compact: string,
  /**
   * A system policy whose exact text is not published: the commonly described content.
   */
  assumed: boolean,
  statements: Array<TutorialPolicyStatement>,
  lint: TutorialPolicyLint,
};

/**
 * What one statement of a tutorial policy is for.
 */
export type TutorialPolicyStatement = {
  /**
   * Its JSON path in the document (`$.Statement[0]`).
   */
  path: string,
  purpose: PolicyMessage,
};

/**
 * A tutorial policy's lint: whether RAM would accept it, and what the linter found.
 */
export type TutorialPolicyLint = {
  valid: boolean,
  summary: PolicyLintSummary,
  findings: Array<PolicyFinding>,
};

/**
 * Who is reading: company A (the role's account), company B (the user's), or B's user.
 */
export type TutorialAudience = "company-a" | "company-b" | "b-user";

/**
 * A `tutorialSteps` input.
 */
export type TutorialInput = {
  audience: TutorialAudience,
  accountA: TutorialAccount,
  accountB: TutorialAccount,
  roleName: string,
  trust: TutorialTrust,
  permission: TutorialPermission,
  /**
   * B's RAM user: required for company-b and setupPlan side B; defaults to trust.users[0].
   */
  userName?: string | null,
  /**
   * `scoped`: sts:AssumeRole on the one role ARN; `system`: AliyunSTSAssumeRoleAccess.
   */
  assumePolicy: "scoped" | "system",
  /**
   * Default `AssumeRole-<roleName>-<A uid>`.
   */
  assumePolicyName?: string | null,
  /**
   * Default `cn`.
   */
  site?: Site | null,
  /**
   * While the reader types: missing or invalid values show as placeholders (`incomplete`).
   */
  draft?: boolean,
};

/**
 * A `setupPlan` input: the tutorial's (the audience may be left out), and the side to plan.
 */
export type SetupPlanInput = {
  audience?: TutorialAudience | null,
  accountA: TutorialAccount,
  accountB: TutorialAccount,
  roleName: string,
  trust: TutorialTrust,
  permission: TutorialPermission,
  userName?: string | null,
  assumePolicy: "scoped" | "system",
  assumePolicyName?: string | null,
  site?: Site | null,
  /**
   * The account to plan for: A (the role's) or B (the user's).
   */
  side: "A" | "B",
};

export type TutorialAccount = {
  /**
   * 16-digit account UID.
   */
  uid: string,
  /**
   * Enterprise alias (3-32 of `[a-z0-9-]`); the Switch Role page gets it instead of the UID.
   */
  alias?: string | null,
};

/**
 * Whom A's role trusts: all of B (`acs:ram::<B>:root`), or B's named users and roles.
 */
export type TutorialTrust = {
  "kind": "account"
} & TutorialKindOnly | {
  "kind": "principals"
} & TutorialPrincipals;

/**
 * A kind without fields of its own.
 */
export type TutorialKindOnly = {
};

export type TutorialPrincipals = {
  users?: Array<string>,
  roles?: Array<string>,
};

/**
 * What A's role may read: AliyunOSSReadOnlyAccess, or a custom policy (prefixes need one bucket).
 */
export type TutorialPermission = {
  "kind": "system"
} & TutorialKindOnly | {
  "kind": "custom"
} & TutorialCustomPermission;

export type TutorialCustomPermission = {
  buckets: Array<string>,
  prefixes?: Array<string> | null,
  /**
   * Default `<roleName>-oss-read` (dots as dashes).
   */
  policyName?: string | null,
};

/**
 * `setupNext({plan, results})`.
 */
export type SetupNextInput = {
  plan: SetupNextPlan,
  /**
   * The answers so far, in the order sent: parseResponse's answer to each operation.
   */
  results?: Array<SetupResult>,
};

/**
 * The setupPlan answer, of which setupNext reads only the input it echoes.
 */
export type SetupNextPlan = {
  input: SetupPlanInput,
};

/**
 * One answer received: the operation's id and parseResponse's answer (or a core error).
 */
export type SetupResult = {
  id: string,
  response: SetupResponse,
};

/**
 * parseResponse's answer (`result` or `apiError`) or a core error, passed on as it came: the
 * replay reads its parts as the plan's decisions need them (`replay.rs`).
 */
export type SetupResponse = {
  result: ApiResult
} | {
  apiError: ApiError
} | {
  error: CoreError
};

/**
 * The task a request belongs to (an operation id's first part), as the contract names it.
 */
export type SetupTask = "identity" | "role" | "user" | "policy" | "attach";

/**
 * One request of a setup plan: `request` is a `request()` input without credentials, time, nonce.
 */
export type SetupOperation = {
  /**
   * `<task>.<what>`: identity.read, role.read, role.create, role.update, role.recheck, user.read,
   * user.create, policy.read, policy.create, policy.recheck, attach.read, attach.write.
   */
  id: string,
  task: SetupTask,
  kind: "read" | "write",
  action: ActionName,
  request: { action: ActionName; [field: string]: string },
  preview: SetupPreview,
};

/**
 * What the person is shown before a request is sent.
 */
export type SetupPreview = {
  service: "STS" | "RAM",
  method: "POST",
  /**
   * The action's exact API parameters (common and signature parameters are never shown).
   */
  params: Record<string, string>,
  /**
   * The request's title (a label, `core_setup_title_...`).
   */
  summary: SetupMessage,
  /**
   * When it is sent (a fragment, `core_setup_when_...`).
   */
  when: SetupMessage,
  /**
   * UpdateRole only: a sentence saying it replaces the trust policy and who loses access.
   */
  note?: SetupMessage,
  /**
   * UpdateRole only: the trust policy it replaces and the principals that lose access.
   */
  replaces?: SetupReplaces,
};

/**
 * The trust policy an UpdateRole replaces and the principals that lose access.
 */
export type SetupReplaces = {
  current: string,
  drops: Array<string>,
};

/**
 * `setupPlan`'s answer.
 */
export type SetupPlan = {
  side: "A" | "B",
  /**
   * The account the credentials must belong to.
   */
  account: string,
  /**
   * The setupPlan input, echoed: setupNext reads only this.
   */
  input: SetupPlanInput,
  tasks: Array<SetupPlanTask>,
  operations: Array<SetupOperation>,
};

/**
 * One task of the plan: its title and its operations' ids, in order.
 */
export type SetupPlanTask = {
  id: SetupTask,
  title: SetupMessage,
  operations: Array<string>,
};

/**
 * What one task did (or why it stopped).
 */
export type SetupOutcome = {
  task: SetupTask,
  result: "checked" | "skipped" | "created" | "updated" | "attached" | "already-there" | "blocked" | "failed",
  message: SetupMessage,
  requestId?: string,
};

/**
 * `setupNext`'s answer.
 */
export type SetupNextResult = {
  /**
   * send: `next` is the request to send; blocked: needs a person (nothing overwritten).
   */
  status: "send" | "done" | "blocked" | "failed",
  outcomes: Array<SetupOutcome>,
  /**
   * Writes that changed the account (0 on a re-run over a finished account).
   */
  changed: number,
  message: SetupMessage,
  next?: SetupOperation,
  /**
   * The task that is blocked (or, declared here too, failed).
   */
  task?: SetupTask,
  /**
   * The API error a failed request answered, as parseResponse gave it.
   */
  apiError?: ApiError,
};

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;
