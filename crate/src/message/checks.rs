//! The checks area's messages: check titles, what each check found, its fix, the verdict, the
//! report's warnings and the retry decisions (crate/src/checks). A sentence built from parts
//! nests the parts as message arguments (`Then`, `List`, durations); a count picks the plural.

use crate::message::{messages, AnyMessage};

messages! { ChecksMessage

    TitleRoleExists "core_check_title_role_exists" {}
    TitleTrust "core_check_title_trust" {}
    TitleRoleOss "core_check_title_role_oss" {}
    TitleBIdentity "core_check_title_b_identity" {}
    TitleUserMayAssume "core_check_title_user_may_assume" {}
    TitleSwitchValues "core_check_title_switch_values" {}
    TitleAssumeRole "core_check_title_assume_role" {}
    TitleListBuckets "core_check_title_list_buckets" {}
    TitleListObjects "core_check_title_list_objects" {}
    Then "core_check_then" { first: Box<ChecksMessage>, second: Box<ChecksMessage> }
    List "core_check_list" { item: String, rest: Box<ChecksMessage> }
    ListLast "core_check_list_last" { item: String }
    ListNone "core_check_list_none" {}
    Seconds "core_check_seconds" { count: usize }
    Minutes "core_check_minutes" { count: usize }
    Hours "core_check_hours" { count: usize }
    Pending "core_check_pending" {}
    NeedsCheck "core_check_needs_check" { check: Box<ChecksMessage> }
    NotRun "core_check_not_run" {}
    AnswerNotExpected "core_check_answer_not_expected" {}
    StsExpiredAssumed "core_check_sts_expired_assumed" {}
    StsExpiredAssumedFix "core_check_sts_expired_assumed_fix" {}
    StsExpiredA "core_check_sts_expired_a" {}
    StsExpiredAFix "core_check_sts_expired_a_fix" {}
    StsExpiredB "core_check_sts_expired_b" {}
    StsExpiredBFix "core_check_sts_expired_b_fix" {}
    WhoseA "core_check_whose_a" {}
    WhoseB "core_check_whose_b" {}
    WhoseAssumed "core_check_whose_assumed" {}
    CredentialsWrong "core_check_credentials_wrong" { action: String, code: String, whose: Box<ChecksMessage> }
    CredentialsWrongSts "core_check_credentials_wrong_sts" { action: String, code: String }
    CredentialsWrongFix "core_check_credentials_wrong_fix" {}
    Throttled "core_check_throttled" { action: String, code: String }
    ThrottledFix "core_check_throttled_fix" {}
    ServerError "core_check_server_error" { action: String, code: String }
    ServerErrorFix "core_check_server_error_fix" {}
    NotPermitted "core_check_not_permitted" { action: String, code: String }
    NotPermittedFix "core_check_not_permitted_fix" {}
    FailedWith "core_check_failed_with" { action: String, code: String, message: String }
    FailedWithFix "core_check_failed_with_fix" {}
    ClockSkew "core_check_clock_skew" {}
    ClockSkewAhead "core_check_clock_skew_ahead" { duration: Box<ChecksMessage> }
    ClockSkewBehind "core_check_clock_skew_behind" { duration: Box<ChecksMessage> }
    ClockSkewFix "core_check_clock_skew_fix" {}
    NoAnswer "core_check_no_answer" { reason: String }
    NoAnswerFix "core_check_no_answer_fix" {}
    Unreadable "core_check_unreadable" { reason: serde_json::Value }
    UnreadableFix "core_check_unreadable_fix" {}
    Skipped "core_check_skipped" { reason: String }
    SkippedNoCredentialsA "core_check_skipped_no_credentials_a" {}
    SkippedNoCredentialsAFix "core_check_skipped_no_credentials_a_fix" {}
    SkippedNoCredentialsB "core_check_skipped_no_credentials_b" {}
    SkippedNoCredentialsBFix "core_check_skipped_no_credentials_b_fix" {}
    SkippedNoRoleSession "core_check_skipped_no_role_session" {}
    UnexpectedAnswer "core_check_unexpected_answer" {}
    AssumedTexts "core_check_assumed_texts" { names: Box<ChecksMessage> }
    ClockAhead "core_check_clock_ahead" { duration: Box<ChecksMessage> }
    ClockBehind "core_check_clock_behind" { duration: Box<ChecksMessage> }
    ARootKeys "core_check_a_root_keys" {}
    Running "core_check_running" {}
    Broken "core_check_broken" { step: usize, problem: Box<ChecksMessage> }
    Incomplete "core_check_incomplete" { reason: Box<ChecksMessage> }
    AllPassedBucket "core_check_all_passed_bucket" {}
    AllPassed "core_check_all_passed" {}
    RoleExists "core_check_role_exists" { name: String, arn: String }
    NoRoleInA "core_check_no_role_in_a" { account: String, name: String }
    NoRoleInAFix "core_check_no_role_in_a_fix" { name: String, step: usize }
    NoTrustPolicy "core_check_no_trust_policy" {}
    TrustUnreadable "core_check_trust_unreadable" { error: AnyMessage }
    TrustUnreadableText "core_check_trust_unreadable_text" { error: String }
    TrustUnreadableFix "core_check_trust_unreadable_fix" {}
    BUnknown "core_check_b_unknown" {}
    BUnknownFix "core_check_b_unknown_fix" {}
    Trusts "core_check_trusts" { name: String, principal: String }
    NeedsExternalId "core_check_needs_external_id" { name: String }
    NeedsExternalIdFix "core_check_needs_external_id_fix" {}
    AUidUnknown "core_check_a_uid_unknown" {}
    RoleAllows "core_check_role_allows" { role: String, names: Box<ChecksMessage>, actions: Box<ChecksMessage> }
    RoleReadableDeny "core_check_role_readable_deny" { role: String, names: Box<ChecksMessage>, denied: Box<ChecksMessage>, unknown: Box<ChecksMessage> }
    RoleReadableDenyFix "core_check_role_readable_deny_fix" {}
    RoleNoPolicy "core_check_role_no_policy" { role: String }
    RoleDenies "core_check_role_denies" { role: String, names: Box<ChecksMessage>, denied: Box<ChecksMessage> }
    RoleOssFix "core_check_role_oss_fix" { role: String }
    WrongAccountArn "core_check_wrong_account_arn" { looked: String, uid: String }
    WrongAccountArnFix "core_check_wrong_account_arn_fix" { uid: String }
    NoAccount "core_check_no_account" {}
    AcceptedAlias "core_check_accepted_alias" { alias: String, domain: String, uid: String }
    AcceptedUid "core_check_accepted_uid" { uid: String, domain: String }
    NotAccountA "core_check_not_account_a" { typed: String, accepted: Box<ChecksMessage> }
    NotAccountAFix "core_check_not_account_a_fix" { accepted: Box<ChecksMessage>, role: String }
    AliasUnreadable "core_check_alias_unreadable" { typed: String, uid: String }
    AliasUnreadableFix "core_check_alias_unreadable_fix" {}
    Types "core_check_types" { accepted: Box<ChecksMessage>, role: String }
    RootKeys "core_check_root_keys" { account: String }
    RootKeysFix "core_check_root_keys_fix" { account: String, role: String }
    RamUser "core_check_ram_user" { user: String, account: String }
    InRole "core_check_in_role" { role: String, account: String }
    RoleSession "core_check_role_session" { role: String, account: String }
    OtherIdentity "core_check_other_identity" { arn: String, kind: String }
    UserLacks "core_check_user_lacks" { user: String, role: String }
    UserLacksFix "core_check_user_lacks_fix" { account: String, user: String, role: String }
    NotTrusted "core_check_not_trusted" { account: String, role: String }
    NotTrustedFix "core_check_not_trusted_fix" { role: String, account: String }
    AlreadyInRole "core_check_already_in_role" {}
    AliasNeedsUid "core_check_alias_needs_uid" { typed: String }
    AliasNeedsUidFix "core_check_alias_needs_uid_fix" {}
    Assumed "core_check_assumed" { role: String, arn: String, expiration: String }
    RootRefused "core_check_root_refused" {}
    RootRefusedFix "core_check_root_refused_fix" {}
    RefusedOn "core_check_refused_on" { arn: String }
    RefusedNoPolicy "core_check_refused_no_policy" {}
    RefusedByTrust "core_check_refused_by_trust" {}
    RefusedTrustRefuses "core_check_refused_trust_refuses" {}
    RefusedUserMissing "core_check_refused_user_missing" {}
    RefusedBothAllow "core_check_refused_both_allow" { role: String }
    RefusedEitherSide "core_check_refused_either_side" { role: String, user_step: usize, role_step: usize }
    RefusedFix "core_check_refused_fix" { user_step: usize, role: String, role_step: usize, account: String }
    DiffersAccount "core_check_differs_account" { uid: String, requested: String }
    DiffersRole "core_check_differs_role" { name: String, requested: String }
    DiffersBoth "core_check_differs_both" { uid: String, requested_uid: String, name: String, requested_name: String }
    WhatAccount "core_check_what_account" {}
    WhatRole "core_check_what_role" {}
    WhatBoth "core_check_what_both" {}
    PolicyNamesWrongRole "core_check_policy_names_wrong_role" { policy: String, allowed: String, differs: Box<ChecksMessage> }
    ValuesWrong "core_check_values_wrong" { allowed: String, policy: String, differs: Box<ChecksMessage>, what: Box<ChecksMessage> }
    ValuesWrongFix "core_check_values_wrong_fix" { uid: String, name: String, requested: String, step: usize }
    RoleNotFound "core_check_role_not_found" { name: String, uid: String }
    RoleNotFoundFix "core_check_role_not_found_fix" { step: usize }
    NotNeeded "core_check_not_needed" {}
    NoRoleArn "core_check_no_role_arn" {}
    NoRoleArnFix "core_check_no_role_arn_fix" {}
    ReadWith "core_check_read_with" { action: String }
    GivenAsAttached "core_check_given_as_attached" { action: String, code: String }
    TestedOnA "core_check_tested_on_a" { role: String }
    UserAllows "core_check_user_allows" { names: Box<ChecksMessage>, role: String }
    UserDenies "core_check_user_denies" { names: Box<ChecksMessage>, role: String }
    UserReadableDeny "core_check_user_readable_deny" { names: Box<ChecksMessage>, role: String, unknown: Box<ChecksMessage> }
    UserReadableDenyFix "core_check_user_readable_deny_fix" {}
    ItsPolicies "core_check_its_policies" { names: Box<ChecksMessage> }
    ObservedBecause "core_check_observed_because" { action: String, code: String }
    ObservedNotSent "core_check_observed_not_sent" { action: String }
    AssumeSucceeded "core_check_assume_succeeded" { role: String }
    AssumeOtherReason "core_check_assume_other_reason" {}
    CannotTell "core_check_cannot_tell" { role: String }
    CannotTellFix "core_check_cannot_tell_fix" {}
    DenyElsewhere "core_check_deny_elsewhere" {}
    DenyElsewhereFix "core_check_deny_elsewhere_fix" { bucket: String, role: String }
    GrantOssFix "core_check_grant_oss_fix" { role: String }
    BucketsListed "core_check_buckets_listed" { count: usize, names: Box<ChecksMessage> }
    BucketsNone "core_check_buckets_none" {}
    NotAmong "core_check_not_among" { bucket: String }
    BucketsRefused "core_check_buckets_refused" { role: String }
    ObjectsListed "core_check_objects_listed" { place: String, count: usize, keys: Box<ChecksMessage> }
    ObjectsNone "core_check_objects_none" { place: String }
    NoSuchBucket "core_check_no_such_bucket" { bucket: String }
    NoSuchBucketFix "core_check_no_such_bucket_fix" {}
    ABuckets "core_check_a_buckets" { names: Box<ChecksMessage> }
    NotABucket "core_check_not_a_bucket" { bucket: String, names: Box<ChecksMessage> }
    NotABucketFix "core_check_not_a_bucket_fix" { names: Box<ChecksMessage> }
    ObjectsRefused "core_check_objects_refused" { place: String, role: String }
    RetryFinal "core_check_retry_final" {}
    RetryWrite "core_check_retry_write" {}
    RetryGaveUp "core_check_retry_gave_up" { count: usize }
    RetryThrottled "core_check_retry_throttled" {}
    RetryServer "core_check_retry_server" {}
    RetryNetwork "core_check_retry_network" {}
    RetryUnreadable "core_check_retry_unreadable" {}
    RetryAgain "core_check_retry_again" { why: Box<ChecksMessage>, delay: usize, attempt: usize, max: usize }
    CloudSays "core_check_cloud_says" { policy_type: String, deny: String, action: String, principal: String }
    CloudSaysResource "core_check_cloud_says_resource" { resource: String }
    BasisCloud "core_check_basis_cloud" {}
    BasisDecoded "core_check_basis_decoded" {}
    BasisInferred "core_check_basis_inferred" {}
    DecodeRefused "core_check_decode_refused" { whose: Box<ChecksMessage> }
    CloudNoAllow "core_check_cloud_no_allow" {}
    TrustRefuses "core_check_trust_refuses" { principal: String }
    TrustDeny "core_check_trust_deny" { role: String, principal: String }
    TrustDenyFix "core_check_trust_deny_fix" { role: String, principal: String }
    DenyStatement "core_check_deny_statement" { who: String, action: String, resource: String }
    DenyStatementFix "core_check_deny_statement_fix" { who: String, action: String }
    GroupScope "core_check_group_scope" { who: String, action: String, resource: String }
    GroupScopeFix "core_check_group_scope_fix" { who: String, resource: String }
    GroupScopeAccount "core_check_group_scope_account" { who: String, action: String }
    GroupScopeAccountFix "core_check_group_scope_account_fix" { who: String, action: String }
    GroupDeny "core_check_group_deny" { who: String, action: String, resource: String }
    GroupDenyFix "core_check_group_deny_fix" { who: String, action: String }
    ControlDenies "core_check_control_denies" { account: String, action: String }
    ControlDeniesFix "core_check_control_denies_fix" { account: String, action: String }
    SessionDenies "core_check_session_denies" { action: String }
    SessionDeniesFix "core_check_session_denies_fix" { action: String }
    BucketPolicyDenies "core_check_bucket_policy_denies" { bucket: String, who: String }
    BucketPolicyFix "core_check_bucket_policy_fix" { bucket: String, who: String }
    OssRefusedBuckets "core_check_oss_refused_buckets" {}
    OssRefusedObjects "core_check_oss_refused_objects" { place: String }
}

impl ChecksMessage {
    /// `self` followed by `next` (a space between English sentences, none between Chinese).
    pub fn then(self, next: ChecksMessage) -> ChecksMessage {
        ChecksMessage::Then {
            first: Box::new(self),
            second: Box::new(next),
        }
    }

    /// `self` followed by `next` when there is one.
    pub fn then_some(self, next: Option<ChecksMessage>) -> ChecksMessage {
        match next {
            Some(next) => self.then(next),
            None => self,
        }
    }

    /// Names in a list ("a, b, c" / "a、b、c"); "none" / "无" when empty.
    pub fn list<S: AsRef<str>>(names: &[S]) -> ChecksMessage {
        let mut names = names.iter().rev();
        let Some(last) = names.next() else {
            return ChecksMessage::ListNone {};
        };
        let last = ChecksMessage::ListLast {
            item: last.as_ref().to_string(),
        };
        names.fold(last, |rest, item| ChecksMessage::List {
            item: item.as_ref().to_string(),
            rest: Box::new(rest),
        })
    }

    /// A duration in words: whole hours, else minutes from two minutes on, else seconds.
    pub fn duration(seconds: i64) -> ChecksMessage {
        let s = seconds.unsigned_abs() as usize;
        if s >= 3600 && s % 3600 == 0 {
            ChecksMessage::Hours { count: s / 3600 }
        } else if s >= 120 {
            ChecksMessage::Minutes {
                count: (s + 30) / 60,
            }
        } else {
            ChecksMessage::Seconds { count: s }
        }
    }
}
