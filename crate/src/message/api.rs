//! The API area's messages: the contract's JSON requests (crate/src/contract: request, sign, parse),
//! the request builders' input rules, API answers, hints for API errors and signature mismatches
//! (crate/src/api).

use crate::message::messages;

messages! { ApiMessage

    JsonNull "core_api_json_null" {}
    JsonBoolean "core_api_json_boolean" {}
    JsonNumber "core_api_json_number" {}
    JsonInteger "core_api_json_integer" {}
    JsonString "core_api_json_string" {}
    JsonArray "core_api_json_array" {}
    JsonObject "core_api_json_object" {}
    JsonCount "core_api_json_count" {}
    JsonScalar "core_api_json_scalar" {}
    NotJson "core_api_not_json" { line: usize, column: usize }
    RequestNotObject "core_api_request_not_object" { got: Box<ApiMessage> }
    NotObject "core_api_not_object" { path: String, got: Box<ApiMessage> }
    MissingField "core_api_missing_field" { field: String, path: String }
    WrongType "core_api_wrong_type" { field: String, expected: Box<ApiMessage>, got: Box<ApiMessage> }
    UnknownField "core_api_unknown_field" { command: String, field: String, fields: String }
    UnknownFieldMeant "core_api_unknown_field_meant" { command: String, field: String, meant: String }
    UnknownAction "core_api_unknown_action" { action: String, known: String }
    UnknownKind "core_api_unknown_kind" { kind: String }
    StatusRange "core_api_status_range" { value: String }
    FieldTwice "core_api_field_twice" { field: String }
    NeedsOneOf "core_api_needs_one_of" { action: String, fields: String }
    CredentialsField "core_api_credentials_field" { field: String }
    TextEmpty "core_api_text_empty" { field: String, min: usize, max: usize }
    TextLength "core_api_text_length" { field: String, count: usize, min: usize, max: usize }
    TextCharacter "core_api_text_character" { field: String, character: String, position: usize, allowed: Box<ApiMessage> }
    AllowedSessionName "core_api_allowed_session_name" {}
    AllowedExternalId "core_api_allowed_external_id" {}
    AllowedRoleName "core_api_allowed_role_name" {}
    AllowedUserName "core_api_allowed_user_name" {}
    AllowedPolicyName "core_api_allowed_policy_name" {}
    PolicyType "core_api_policy_type" { field: String, value: String }
    TextBytes "core_api_text_bytes" { field: String, count: usize }
    IntegerRange "core_api_integer_range" { field: String, min: usize, max: usize, value: String }
    DurationRange "core_api_duration_range" { field: String, value: String }
    PolicyNotObject "core_api_policy_not_object" { field: String }
    PolicyNotJson "core_api_policy_not_json" { field: String, line: usize, column: usize }
    RoleArnShape "core_api_role_arn_shape" { field: String, value: String }
    RoleArnAccount "core_api_role_arn_account" { field: String, account: String }
    RoleArnRoleName "core_api_role_arn_role_name" { field: String, role: String }
    TimeInvalid "core_api_time_invalid" { field: String, value: String }
    NonceMissing "core_api_nonce_missing" {}
    NonceInvalid "core_api_nonce_invalid" {}
    AccessKeyIdInvalid "core_api_access_key_id_invalid" { field: String }
    SecretEmpty "core_api_secret_empty" { field: String }
    TokenInvalid "core_api_token_invalid" { field: String }
    TokenEmpty "core_api_token_empty" { field: String }
    TokenMissing "core_api_token_missing" { field: String }
    RegionLocation "core_api_region_location" { value: String, region: String }
    RegionInvalid "core_api_region_invalid" { value: String }
    RegionNotRpc "core_api_region_not_rpc" {}
    EndpointFixed "core_api_endpoint_fixed" { action: String, host: String }
    BucketNotTaken "core_api_bucket_not_taken" { action: String }
    RegionAndEndpoint "core_api_region_and_endpoint" {}
    ResponseUndocumented "core_api_response_undocumented" { action: String, problem: Box<ApiMessage> }
    BodyNotJson "core_api_body_not_json" { line: usize, column: usize }
    BodyWrongType "core_api_body_wrong_type" { path: String, expected: Box<ApiMessage>, got: Box<ApiMessage> }
    BodyValue "core_api_body_value" { path: String, expected: Box<ApiMessage>, value: String }
    BodyMissing "core_api_body_missing" { path: String, expected: Box<ApiMessage> }
    BodyNotObject "core_api_body_not_object" { got: Box<ApiMessage> }
    BodyNotXml "core_api_body_not_xml" {}
    BodyXmlCut "core_api_body_xml_cut" {}
    BodyXmlDeep "core_api_body_xml_deep" { max: usize }
    BodyXmlTruncated "core_api_body_xml_truncated" { element: String }
    BodyXmlEmpty "core_api_body_xml_empty" {}
    BodyXmlRoot "core_api_body_xml_root" { root: String, expected: String }
    BodyXmlMissing "core_api_body_xml_missing" { element: String, path: String }
    BodyXmlNotText "core_api_body_xml_not_text" { path: String }
    HintRootAssume "core_api_hint_root_assume" {}
    HintAssumeDenied "core_api_hint_assume_denied" { user_step: usize, role_step: usize }
    HintNoPermission "core_api_hint_no_permission" { action: String, permission: String }
    HintNoRamPermission "core_api_hint_no_ram_permission" { action: String, permission: String }
    HintRoleNotExist "core_api_hint_role_not_exist" { step: usize }
    HintUserNotExist "core_api_hint_user_not_exist" {}
    HintEntityNotExist "core_api_hint_entity_not_exist" {}
    HintPolicyAttached "core_api_hint_policy_attached" {}
    HintEntityExists "core_api_hint_entity_exists" {}
    HintDeleteConflict "core_api_hint_delete_conflict" {}
    HintLimitExceeded "core_api_hint_limit_exceeded" {}
    HintPolicyGrammar "core_api_hint_policy_grammar" {}
    HintDuration "core_api_hint_duration" {}
    HintSessionName "core_api_hint_session_name" {}
    HintParameter "core_api_hint_parameter" { action: String, message: String }
    HintClockSkew "core_api_hint_clock_skew" {}
    HintClockSkewDate "core_api_hint_clock_skew_date" { date: String }
    HintTimestampFormat "core_api_hint_timestamp_format" {}
    HintNonceUsed "core_api_hint_nonce_used" {}
    HintSignatureMissing "core_api_hint_signature_missing" {}
    HintTokenExpired "core_api_hint_token_expired" {}
    HintTokenMismatch "core_api_hint_token_mismatch" {}
    HintTokenMissing "core_api_hint_token_missing" {}
    HintTokenInvalid "core_api_hint_token_invalid" {}
    HintKeyInactive "core_api_hint_key_inactive" {}
    HintKeyUnknown "core_api_hint_key_unknown" {}
    HintBusy "core_api_hint_busy" {}
    HintWrongEndpoint "core_api_hint_wrong_endpoint" { endpoint: String }
    HintWrongRegion "core_api_hint_wrong_region" {}
    HintOssDenied "core_api_hint_oss_denied" { action: String, permission: String, step: usize }
    HintAccessDenied "core_api_hint_access_denied" { action: String }
    HintNoSuchBucket "core_api_hint_no_such_bucket" {}
    HintNoSuchKey "core_api_hint_no_such_key" {}
    HintBucketName "core_api_hint_bucket_name" {}
    HintGatewayFailed "core_api_hint_gateway_failed" { status: usize }
    HintNotApiError "core_api_hint_not_api_error" { status: usize }
    HintOther "core_api_hint_other" { action: String, code: String, message: String }
    DiffServerOnly "core_api_diff_server_only" {}
    DiffUnknown "core_api_diff_unknown" {}
    DiffIdentical "core_api_diff_identical" {}
    DiffOursUnreadable "core_api_diff_ours_unreadable" {}
    DiffServerUnreadable "core_api_diff_server_unreadable" {}
    DiffMethod "core_api_diff_method" { ours: String, server: String }
    DiffParameterLost "core_api_diff_parameter_lost" { name: String, ours: String }
    DiffParameterAdded "core_api_diff_parameter_added" { name: String, server: String }
    DiffParameter "core_api_diff_parameter" { name: String, ours: String, server: String, position: usize }
    DiffParameterPlus "core_api_diff_parameter_plus" { name: String }
    DiffHeaderLost "core_api_diff_header_lost" { name: String, ours: String }
    DiffHeaderAdded "core_api_diff_header_added" { name: String, server: String }
    DiffHeader "core_api_diff_header" { name: String, ours: String, server: String, position: usize }
    DiffContentHeader "core_api_diff_content_header" { name: String, ours: String, server: String }
    DiffDate "core_api_diff_date" { ours: String, server: String }
    DiffResource "core_api_diff_resource" { ours: String, server: String, position: usize }
    DiffEncoding "core_api_diff_encoding" { ours: String, server: String }
}
