//! The setup area's messages: "Do it for me", the plan of one company's requests and what
//! `setupNext` says about each answer (crate/src/tutorial/setup).
//!
//! Ids: `core_setup_title_...` are labels (a task's or a request's title, no full stop);
//! `core_setup_when_...` are fragments (when a request is sent, shown after its title); the rest
//! are sentences.

use crate::message::{messages, ApiMessage, TutorialMessage};

messages! { SetupMessage

    // The plan's tasks (setup/tasks.rs).
    TitleIdentity "core_setup_title_identity" { side: String, uid: String }
    TitleRole "core_setup_title_role" { role: String, account: String }
    TitleUser "core_setup_title_user" { user: String }
    TitlePolicy "core_setup_title_policy" { name: String }
    TitleAttachRole "core_setup_title_attach_role" { name: String, role: String }
    TitleAttachUser "core_setup_title_attach_user" { name: String, user: String }

    // The plan's requests.
    TitleReadIdentity "core_setup_title_read_identity" {}
    TitleReadRole "core_setup_title_read_role" { role: String }
    TitleCreateRole "core_setup_title_create_role" { role: String }
    TitleUpdateRole "core_setup_title_update_role" { role: String }
    TitleRereadRole "core_setup_title_reread_role" { role: String }
    TitleReadUser "core_setup_title_read_user" { user: String }
    TitleCreateUser "core_setup_title_create_user" { user: String }
    TitleReadPolicy "core_setup_title_read_policy" { name: String }
    TitleCreatePolicy "core_setup_title_create_policy" { name: String }
    TitleRereadPolicy "core_setup_title_reread_policy" { name: String }
    TitleListRolePolicies "core_setup_title_list_role_policies" { role: String }
    TitleListUserPolicies "core_setup_title_list_user_policies" { user: String }
    TitleAttachSystemToRole "core_setup_title_attach_system_to_role" { name: String, role: String }
    TitleAttachCustomToRole "core_setup_title_attach_custom_to_role" { name: String, role: String }
    TitleAttachSystemToUser "core_setup_title_attach_system_to_user" { name: String, user: String }
    TitleAttachCustomToUser "core_setup_title_attach_custom_to_user" { name: String, user: String }

    // When each request is sent.
    WhenAlways "core_setup_when_always" {}
    WhenRoleMissing "core_setup_when_role_missing" {}
    WhenTrustDiffers "core_setup_when_trust_differs" {}
    WhenRoleCreatedMeanwhile "core_setup_when_role_created_meanwhile" {}
    WhenUserMissing "core_setup_when_user_missing" {}
    WhenPolicyMissing "core_setup_when_policy_missing" {}
    WhenPolicyCreatedMeanwhile "core_setup_when_policy_created_meanwhile" {}
    WhenUserNotListed "core_setup_when_user_not_listed" {}
    WhenNotAttached "core_setup_when_not_attached" {}

    // What an UpdateRole replaces (next.rs).
    ReplacesTrust "core_setup_replaces_trust" {}
    ReplacesTrustDrops "core_setup_replaces_trust_drops" { principals: Box<TutorialMessage> }

    // What each answer meant (next.rs).
    Next "core_setup_next" { request: Box<SetupMessage> }
    IdentityChecked "core_setup_identity_checked" { account: String, arn: String }
    IdentityOther "core_setup_identity_other" { account: String, arn: String, side: String, uid: String }
    RoleCreated "core_setup_role_created" { role: String }
    RoleSame "core_setup_role_same" { role: String }
    RoleUpdated "core_setup_role_updated" { role: String }
    UserSame "core_setup_user_same" { user: String }
    UserCreated "core_setup_user_created" { user: String }
    UserThere "core_setup_user_there" { user: String }
    PolicyCreated "core_setup_policy_created" { name: String }
    PolicySame "core_setup_policy_same" { name: String }
    PolicyDiffers "core_setup_policy_differs" { name: String, version: String }
    AttachedToRole "core_setup_attached_to_role" { name: String, role: String }
    AttachedToUser "core_setup_attached_to_user" { name: String, user: String }
    RoleHasPolicy "core_setup_role_has_policy" { name: String, role: String }
    UserHasPolicy "core_setup_user_has_policy" { name: String, user: String }
    FailedApi "core_setup_failed_api" { action: String, code: String, message: String }
    FailedApiHint "core_setup_failed_api_hint" { action: String, code: String, message: String, hint: serde_json::Value }
    FailedUnreadable "core_setup_failed_unreadable" { action: String, reason: serde_json::Value }
    FailedUnexpected "core_setup_failed_unexpected" { action: String }
    DoneNothing "core_setup_done_nothing" {}
    DoneChanged "core_setup_done_changed" { count: usize }

    // setupPlan's and setupNext's own input.
    SideMissing "core_setup_side_missing" {}
    SideInvalid "core_setup_side_invalid" { value: String }
    PlanMissing "core_setup_plan_missing" {}
    PlanInputMissing "core_setup_plan_input_missing" {}
    ResultsNotArray "core_setup_results_not_array" { got: Box<ApiMessage> }
    ResultField "core_setup_result_field" { field: String }
    ResponseMissing "core_setup_response_missing" {}
    ResponseShape "core_setup_response_shape" {}
    WrongAnswer "core_setup_wrong_answer" { expected: String, got: String }
    AnswerAfterStop "core_setup_answer_after_stop" { id: String }
}
