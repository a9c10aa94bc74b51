//! The contract's own input errors, outside the API requests: the checks' inputs, facts and
//! attempts (crate/src/checks/inputs.rs, facts.rs, crate/src/contract/checks.rs), the profile
//! commands' requests (crate/src/contract/profile) and the times the core reads (crate/src/time.rs).
//! The JSON path of the field goes with the error as data; the words name the field as users
//! know it.

use crate::message::messages;

messages! { ContractMessage

    InputsUnknownField "core_contract_inputs_unknown_field" { field: String, fields: String }
    InputsUnknownFieldMeant "core_contract_inputs_unknown_field_meant" { field: String, meant: String }
    InputsAccountDisagree "core_contract_inputs_account_disagree" { uid: String, arn: String }
    InputsNoRole "core_contract_inputs_no_role" { example: String }
    InputsCredentialsKind "core_contract_inputs_credentials_kind" { value: String, access_key: String, sts: String }
    InputsNothingToCheck "core_contract_inputs_nothing_to_check" {}
    InputsMissing "core_contract_inputs_missing" { command: String }
    FactsUnknownId "core_contract_facts_unknown_id" { id: String, example: String }
    AttemptUnknownField "core_contract_attempt_unknown_field" { field: String, fields: String }
    AttemptNoOutcome "core_contract_attempt_no_outcome" { outcomes: String }
    AttemptOutcomes "core_contract_attempt_outcomes" { found: String, outcomes: String }
    AttemptLocalTime "core_contract_attempt_local_time" { problem: Box<ContractMessage> }
    AttemptNumber "core_contract_attempt_number" { value: String }
    AttemptResult "core_contract_attempt_result" { action: String, problem: String }
    SwitchNoProfile "core_contract_switch_no_profile" {}
    FormatMissing "core_contract_format_missing" { format: String, file: String }
    FormatUnknown "core_contract_format_unknown" { value: String, format: String, file: String }
    ProfilesDuplicateId "core_contract_profiles_duplicate_id" { id: String, first: String }
    ProfileInvalid "core_contract_profile_invalid" {}
    TimeIso "core_contract_time_iso" { value: String, example: String }
    TimeRfc1123 "core_contract_time_rfc1123" { value: String, example: String }
    TimeCalendar "core_contract_time_calendar" { value: String }
    TimeWeekday "core_contract_time_weekday" { value: String, day: String }
    ExportBaseNotJson "core_contract_export_base_not_json" { file: String, line: usize, column: usize }
    ExportBaseNotObject "core_contract_export_base_not_object" { file: String, key: String }
    ExportBaseProfilesNotArray "core_contract_export_base_profiles_not_array" { file: String, key: String }
    ExportNoSourceProfile "core_contract_export_no_source_profile" { file: String, name: String }
    UserPolicyShape "core_contract_user_policy_shape" { name: String, document: String }
}
