//! The tutorial area's messages: the guided tutorial's steps, titles, instructions, value labels,
//! console paths, policy purposes, troubleshooting and draft placeholders (crate/src/tutorial).
//! What a reader pastes (names, ARNs, documents, commands) stays a literal value, never a message.
//!
//! Ids: `core_tutorial_title_...`, `_label_...`, `_path_...` and `_placeholder_...` are labels
//! (no full stop); `_term_...` are fragments that sit inside a sentence; the rest are sentences.

use crate::message::{messages, ApiMessage};

messages! { TutorialMessage

    // The one numbering (numbering.rs).
    StepLabel "core_tutorial_label_step" { number: usize }
    StepInSentence "core_tutorial_term_step" { number: usize }
    TitleStepRoleInA "core_tutorial_title_step_role_in_a" {}
    TitleStepUserInB "core_tutorial_title_step_user_in_b" {}
    TitleStepSwitchRole "core_tutorial_title_step_switch_role" {}
    TitleStepVerify "core_tutorial_title_step_verify" {}

    // Parts of sentences.
    TermList "core_tutorial_term_list" { first: Box<TutorialMessage>, rest: Box<TutorialMessage> }
    TermValue "core_tutorial_term_value" { value: String }
    TermUser "core_tutorial_term_user" { name: String }
    TermRole "core_tutorial_term_role" { name: String }
    TermTrustedAccount "core_tutorial_term_trusted_account" { account: String }
    TermTrustedPrincipals "core_tutorial_term_trusted_principals" { principals: Box<TutorialMessage>, account: String }

    // Labels of the values to paste.
    LabelRoleName "core_tutorial_label_role_name" {}
    LabelUserName "core_tutorial_label_user_name" {}
    LabelLogonName "core_tutorial_label_logon_name" {}
    LabelDescription "core_tutorial_label_description" {}
    LabelPolicyName "core_tutorial_label_policy_name" {}
    LabelPolicyType "core_tutorial_label_policy_type" {}
    LabelRoleArn "core_tutorial_label_role_arn" {}
    LabelRoleArnOfA "core_tutorial_label_role_arn_of_a" {}
    LabelSwitchLink "core_tutorial_label_switch_link" {}
    LabelAccountIdOfA "core_tutorial_label_account_id_of_a" {}
    LabelAccountIdOfB "core_tutorial_label_account_id_of_b" {}
    LabelAliasOfA "core_tutorial_label_alias_of_a" {}
    LabelDefaultDomainOfA "core_tutorial_label_default_domain_of_a" {}
    LabelDefaultDomainOfB "core_tutorial_label_default_domain_of_b" {}
    LabelParentAliasOfA "core_tutorial_label_parent_alias_of_a" {}
    LabelParentAlias "core_tutorial_label_parent_alias" {}

    // Where in the consoles (console.rs).
    PathCreateRole "core_tutorial_path_create_role" {}
    PathEditTrust "core_tutorial_path_edit_trust" { role: String }
    PathRolePermissions "core_tutorial_path_role_permissions" { role: String }
    PathRoleOverview "core_tutorial_path_role_overview" { role: String }
    PathCreatePolicy "core_tutorial_path_create_policy" {}
    PathCreateUser "core_tutorial_path_create_user" {}
    PathUserPermissions "core_tutorial_path_user_permissions" { user: String }
    PathUserOverview "core_tutorial_path_user_overview" { user: String }
    PathOverview "core_tutorial_path_overview" {}
    PathSignIn "core_tutorial_path_sign_in" {}
    PathSwitchRole "core_tutorial_path_switch_role" {}
    PathOssBuckets "core_tutorial_path_oss_buckets" {}

    // The policy documents (policies.rs).
    TitlePolicyTrust "core_tutorial_title_policy_trust" { role: String }
    TitlePolicyCustom "core_tutorial_title_policy_custom" { name: String }
    TitlePolicySystem "core_tutorial_title_policy_system" { name: String }
    PolicyTrustAccount "core_tutorial_policy_trust_account" { role: String, account: String }
    PolicyTrustPrincipals "core_tutorial_policy_trust_principals" { role: String, account: String }
    PolicyOssRead "core_tutorial_policy_oss_read" { role: String, scope: Box<TutorialMessage> }
    PolicyAssumeOne "core_tutorial_policy_assume_one" { arn: String }
    PolicySystem "core_tutorial_policy_system" { name: String }

    // Company A.
    TitleCreateRole "core_tutorial_title_create_role" { role: String }
    CreateRoleBody "core_tutorial_create_role_body" { account_a: String, account_b: String, role: String }
    CreateRoleTrustAccount "core_tutorial_create_role_trust_account" {}
    CreateRoleTrustPrincipals "core_tutorial_create_role_trust_principals" { trusted: Box<TutorialMessage> }
    CreateRoleVerify "core_tutorial_create_role_verify" { role: String, account: String }
    TitleTrustOnly "core_tutorial_title_trust_only" { trusted: Box<TutorialMessage> }
    EditTrustBody "core_tutorial_edit_trust_body" { role: String, trusted: Box<TutorialMessage> }
    EditTrustVerify "core_tutorial_edit_trust_verify" { trusted: Box<TutorialMessage> }
    CreatePolicyForRole "core_tutorial_create_policy_for_role" {}
    AttachSystemToRole "core_tutorial_attach_system_to_role" { role: String, name: String }
    AttachCustomToRole "core_tutorial_attach_custom_to_role" { role: String, name: String }
    TitleShareValuesWithB "core_tutorial_title_share_values_with_b" {}
    ShareValuesWithBBody "core_tutorial_share_values_with_b_body" { role: String }
    ShareValuesWithBVerify "core_tutorial_share_values_with_b_verify" { arn: String }
    TitleVerifyRole "core_tutorial_title_verify_role" { role: String }
    VerifyRoleBody "core_tutorial_verify_role_body" { role: String, trusted: Box<TutorialMessage>, name: String, step_b: Box<TutorialMessage>, step_switch: Box<TutorialMessage> }
    VerifyRoleVerify "core_tutorial_verify_role_verify" { name: String }

    // Both companies' policy steps (policy_steps.rs).
    TitleCreatePolicy "core_tutorial_title_create_policy" { name: String }
    CreatePolicyVerify "core_tutorial_create_policy_verify" { name: String }
    TitleGrantToRole "core_tutorial_title_grant_to_role" { name: String, role: String }
    TitleGrantToUser "core_tutorial_title_grant_to_user" { name: String, user: String }
    GrantVerify "core_tutorial_grant_verify" { to: String, name: String }

    // Company B.
    TitleCreateUser "core_tutorial_title_create_user" { user: String }
    CreateUserBody "core_tutorial_create_user_body" { account: String, logon: String }
    CreateUserVerify "core_tutorial_create_user_verify" { user: String, url: String, logon: String }
    CreatePolicyForUser "core_tutorial_create_policy_for_user" { arn: String }
    AttachSystemToUser "core_tutorial_attach_system_to_user" { user: String, name: String }
    AttachCustomToUser "core_tutorial_attach_custom_to_user" { user: String, name: String }
    TitleShareValuesWithUser "core_tutorial_title_share_values_with_user" { user: String }
    ShareValuesWithUserBody "core_tutorial_share_values_with_user_body" { user: String, role: String }
    ShareValuesWithUserVerify "core_tutorial_share_values_with_user_verify" { user: String, role: String }
    TitleVerifyUser "core_tutorial_title_verify_user" { user: String }
    VerifyUserBody "core_tutorial_verify_user_body" { user: String, name: String, arn: String, step_role: Box<TutorialMessage>, step_switch: Box<TutorialMessage> }
    VerifyUserVerify "core_tutorial_verify_user_verify" { name: String }

    // B's RAM user.
    TitleSignIn "core_tutorial_title_sign_in" {}
    SignInBody "core_tutorial_sign_in_body" { logon: String }
    SignInVerify "core_tutorial_sign_in_verify" { logon: String }
    TitleSwitchRole "core_tutorial_title_switch_role" { role: String }
    SwitchRoleBody "core_tutorial_switch_role_body" { parent: String, domain: String, uid: String, role: String }
    SwitchRoleVerify "core_tutorial_switch_role_verify" { role: String, session: String }
    TitleVerifyAccess "core_tutorial_title_verify_access" {}
    VerifyAccessOpen "core_tutorial_verify_access_open" { role: String }
    VerifyAccessAll "core_tutorial_verify_access_all" {}
    VerifyAccessPlaces "core_tutorial_verify_access_places" { places: Box<TutorialMessage> }
    VerifyAccessInOrder "core_tutorial_verify_access_in_order" {}
    VerifyAccessItem "core_tutorial_verify_access_item" { number: usize, cause: Box<TutorialMessage>, fix: Box<TutorialMessage> }

    // Troubleshooting (the tutorial's list of causes).
    TroubleRolePolicy "core_tutorial_trouble_role_policy" { role: String }
    TroubleRolePolicyFix "core_tutorial_trouble_role_policy_fix" { name: String, role: String }
    TroubleTrust "core_tutorial_trouble_trust" { role: String }
    TroubleTrustFix "core_tutorial_trouble_trust_fix" { trusted: Box<TutorialMessage> }
    TroubleUserPolicy "core_tutorial_trouble_user_policy" { user: String }
    TroubleUserPolicyFix "core_tutorial_trouble_user_policy_fix" { name: String, user: String }
    TroubleTyped "core_tutorial_trouble_typed" {}
    TroubleTypedFix "core_tutorial_trouble_typed_fix" { parent: String, domain: String, uid: String, role: String }

    // A draft's stand-ins for values not typed yet (draft.rs).
    PlaceholderAccountA "core_tutorial_placeholder_account_a" {}
    PlaceholderAccountB "core_tutorial_placeholder_account_b" {}
    PlaceholderRole "core_tutorial_placeholder_role" {}
    PlaceholderUser "core_tutorial_placeholder_user" {}
    PlaceholderBucket "core_tutorial_placeholder_bucket" {}

    // The fields of the tutorial's input, named as the workbench's form names them (input.rs).
    LabelFieldAccountAUid "core_tutorial_label_field_account_a_uid" {}
    LabelFieldAccountBUid "core_tutorial_label_field_account_b_uid" {}
    LabelFieldTrust "core_tutorial_label_field_trust" {}
    LabelFieldTrustUsers "core_tutorial_label_field_trust_users" {}
    LabelFieldTrustRoles "core_tutorial_label_field_trust_roles" {}
    LabelFieldPermission "core_tutorial_label_field_permission" {}
    LabelFieldBuckets "core_tutorial_label_field_buckets" {}
    LabelFieldPrefixes "core_tutorial_label_field_prefixes" {}

    // Errors in the tutorial's input (input.rs): one line each, the JSON path kept beside them.
    InputRequired "core_tutorial_input_required" { field: Box<TutorialMessage> }
    InputAudienceMissing "core_tutorial_input_audience_missing" {}
    InputAudienceInvalid "core_tutorial_input_audience_invalid" { value: String }
    InputSameAccount "core_tutorial_input_same_account" { uid: String }
    InputSiteInvalid "core_tutorial_input_site_invalid" { value: String }
    InputUnknownField "core_tutorial_input_unknown_field" { field: String, known: String }
    InputNotList "core_tutorial_input_not_list" { field: Box<TutorialMessage>, got: Box<ApiMessage> }
    InputNotName "core_tutorial_input_not_name" { field: Box<TutorialMessage>, got: Box<ApiMessage> }
    InputTwice "core_tutorial_input_twice" { field: Box<TutorialMessage>, value: String }
    InputAliasIsDomain "core_tutorial_input_alias_is_domain" { value: String, alias: String }
    InputAliasIsDomainUid "core_tutorial_input_alias_is_domain_uid" { value: String }
    InputTrustNoOne "core_tutorial_input_trust_no_one" {}
    InputTrustKind "core_tutorial_input_trust_kind" { value: String }
    InputBucketsMissing "core_tutorial_input_buckets_missing" {}
    InputPrefixesOneBucket "core_tutorial_input_prefixes_one_bucket" {}
    InputPermissionKind "core_tutorial_input_permission_kind" { value: String }
    InputUserNotTrusted "core_tutorial_input_user_not_trusted" { user: String, trusted: Box<TutorialMessage> }
    InputAssumeMissing "core_tutorial_input_assume_missing" {}
    InputAssumeNameSystem "core_tutorial_input_assume_name_system" {}
    InputAssumeInvalid "core_tutorial_input_assume_invalid" { value: String }
    InputUserMissing "core_tutorial_input_user_missing" {}
    InputDraft "core_tutorial_input_draft" {}
    InputTooManyMissing "core_tutorial_input_too_many_missing" {}
    InputNoPrefix "core_tutorial_input_no_prefix" {}
    InputPolicyTooLarge "core_tutorial_input_policy_too_large" { count: usize, max: usize }
}

impl TutorialMessage {
    /// `items` as one list ("a, b, c" / "a、b、c"); None when empty.
    pub fn list(items: Vec<TutorialMessage>) -> Option<TutorialMessage> {
        let mut items = items.into_iter().rev();
        let last = items.next()?;
        Some(items.fold(last, |rest, first| TutorialMessage::TermList {
            first: Box::new(first),
            rest: Box::new(rest),
        }))
    }
}
