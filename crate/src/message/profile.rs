//! The profile area's messages: parsing, importing and exporting profiles, switch links, and the
//! CLI's profile summary (crate/src/profile, crate/src/bin/rolehop/profile.rs).

use crate::message::messages;

messages! { ProfileMessage

    FieldAccount "core_field_account" {}
    FieldRoleName "core_field_role_name" {}
    FieldRoleArn "core_field_role_arn" {}
    FieldDisplayName "core_field_display_name" {}
    FieldGroup "core_field_group" {}
    FieldColor "core_field_color" {}
    FieldNote "core_field_note" {}
    FieldSite "core_field_site" {}
    ProfileAccountLogonName "core_profile_account_logon_name" { value: String, domain: String }
    ProfileAccountInvalid "core_profile_account_invalid" { value: String }
    ProfileDomainLowerCase "core_profile_domain_lower_case" { lower: String }
    ProfileAliasCharacter "core_profile_alias_character" { value: String, character: String }
    ProfileAliasLowerCase "core_profile_alias_lower_case" { value: String, lower: String }
    ProfileAliasLength "core_profile_alias_length" { value: String, count: usize }
    ProfileAliasHyphenEdge "core_profile_alias_hyphen_edge" { value: String }
    ProfileAliasDoubleHyphen "core_profile_alias_double_hyphen" { value: String }
    ProfileUidLength "core_profile_uid_length" { value: String, count: usize }
    ProfileUidDigits "core_profile_uid_digits" { value: String }
    ProfileRoleNameLength "core_profile_role_name_length" { value: String, count: usize }
    ProfileRoleNameCharacter "core_profile_role_name_character" { value: String, character: String, position: usize }
    ProfileRoleArnShape "core_profile_role_arn_shape" { value: String }
    ProfileUnknownKey "core_profile_unknown_key" { key: String, known: String }
    ProfileUnknownKeyMeant "core_profile_unknown_key_meant" { key: String, meant: String }
    ProfileUnknownKeySet "core_profile_unknown_key_set" { key: String, meant: String, line: usize }
    ProfileUnknownKeyRegion "core_profile_unknown_key_region" { key: String, meant: String }
    ProfileIdCharacter "core_profile_id_character" { id: String, character: String }
    ProfileIdLength "core_profile_id_length" { id: String, count: usize }
    ProfileSiteInvalid "core_profile_site_invalid" { value: String }
    ProfileSiteWrite "core_profile_site_write" { value: String, site: String }
    ProfileColorHex "core_profile_color_hex" { value: String }
    ProfileColorUnknown "core_profile_color_unknown" { value: String, names: String }
    ProfileColorMeant "core_profile_color_meant" { value: String, meant: String }
    ProfileControlCharacter "core_profile_control_character" { field: Box<ProfileMessage>, code: String }
    ProfileHiddenCharacter "core_profile_hidden_character" { field: Box<ProfileMessage>, code: String, name: String }
    ProfileHiddenCharacterUnnamed "core_profile_hidden_character_unnamed" { field: Box<ProfileMessage>, code: String }
    ProfileTextLength "core_profile_text_length" { field: Box<ProfileMessage>, count: usize, max: usize }
    ProfileNoAccount "core_profile_no_account" { key: String }
    ProfileNoRole "core_profile_no_role" { key: String }
    ProfileRoleDisagree "core_profile_role_disagree" { arn_role: String, role: String }
    ProfileAccountDisagree "core_profile_account_disagree" { arn_uid: String, account: String, uid: String }
    ProfileHeaderUnclosed "core_profile_header_unclosed" {}
    ProfileLineEndAfterHeader "core_profile_line_end_after_header" {}
    ProfileLineEndAfterQuote "core_profile_line_end_after_quote" {}
    ProfileExpectedEntry "core_profile_expected_entry" {}
    ProfileExpectedKey "core_profile_expected_key" {}
    ProfileValueControlCharacter "core_profile_value_control_character" { code: String }
    ProfileQuotedControlCharacter "core_profile_quoted_control_character" { code: String }
    ProfileMissingValue "core_profile_missing_value" { key: String }
    ProfileUnknownEscape "core_profile_unknown_escape" {}
    ProfileUnclosedQuote "core_profile_unclosed_quote" {}
    ProfileMoreErrors "core_profile_more_errors" { count: usize }
    ProfileHeaderNoId "core_profile_header_no_id" {}
    ProfileReservedSection "core_profile_reserved_section" { name: String }
    ProfileDuplicateId "core_profile_duplicate_id" { id: String, line: usize }
    ProfileKeyOutsideProfile "core_profile_key_outside_profile" { key: String }
    ProfileKeyRepeated "core_profile_key_repeated" { key: String, line: usize }
    ProfileMarkerCharacter "core_profile_marker_character" { character: String }
    ProfileMarkerLength "core_profile_marker_length" { count: usize }
    ImportNotJson "core_import_not_json" {}
    ImportNotConfig "core_import_not_config" {}
    ImportProfilesNotArray "core_import_profiles_not_array" {}
    ImportProfileNotObject "core_import_profile_not_object" {}
    ImportSkipAccessKey "core_import_skip_access_key" {}
    ImportSkipSts "core_import_skip_sts" {}
    ImportSkipEcs "core_import_skip_ecs" {}
    ImportSkipOidc "core_import_skip_oidc" {}
    ImportSkipCloudsso "core_import_skip_cloudsso" {}
    ImportSkipNoMode "core_import_skip_no_mode" {}
    ImportSkipOtherMode "core_import_skip_other_mode" {}
    ImportSkipNoArn "core_import_skip_no_arn" { command: String }
    ImportSkipDuplicate "core_import_skip_duplicate" { id: String }
    ExportAliasNeedsUid "core_export_alias_needs_uid" { account: String, key: String, role: String }
    ExportNameTaken "core_export_name_taken" { name: String, mode: String }
    ExportEntryNotObject "core_export_entry_not_object" {}
    ExportAddAccessKey "core_export_add_access_key" { command: String }
    CliProfileCount "core_cli_profile_count" { count: usize }
    CliErrorCount "core_cli_error_count" { count: usize }
    CliProfileSummary "core_cli_profile_summary" { profiles: Box<ProfileMessage>, errors: Box<ProfileMessage> }
    CliSkipped "core_cli_skipped" { name: String, mode: String, reason: Box<ProfileMessage> }
}
