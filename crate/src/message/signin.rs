//! The sign-in area's messages: the CLI's console sign-in through STS (`rolehop console`,
//! `rolehop credentials`; crate/src/bin/rolehop/console.rs) and the extension's Open console
//! (crate/src/contract/console.rs, extension/background/console.js).

use crate::message::messages;
use crate::message::{ApiMessage, ChecksMessage};

messages! { SigninMessage

    NoCredentials "core_signin_no_credentials" {}
    PartialCredentials "core_signin_partial_credentials" { missing: String }
    AliyunProfileMissing "core_signin_aliyun_profile_missing" { name: String, file: String }
    AliyunProfileMode "core_signin_aliyun_profile_mode" { name: String, mode: String }
    ProfileNotFound "core_signin_profile_not_found" { id: String, file: String }
    ProfileNeedsUid "core_signin_profile_needs_uid" { id: String }
    CallerRefused "core_signin_caller_refused" { code: String, message: String }
    CredentialsExpired "core_signin_credentials_expired" { code: String }
    AssumeRoleDenied "core_signin_assume_role_denied" { arn: String, code: String, hint: Box<ApiMessage> }
    AssumeRoleDiagnosed "core_signin_assume_role_diagnosed" { arn: String, code: String, diagnosis: Box<ChecksMessage> }
    AlreadyInRole "core_signin_already_in_role" { arn: String, code: String, caller: String }
    ClockSkew "core_signin_clock_skew" { server_date: String }
    TokenRefused "core_signin_token_refused" { code: String, message: String }
    Unreachable "core_signin_unreachable" { host: String, reason: String }
    BrowserFailed "core_signin_browser_failed" { reason: String }
    Opened "core_signin_opened" { arn: String, expiration: String }
    LoginUrlSecret "core_signin_login_url_secret" {}
    NoSessionCredentials "core_signin_no_session_credentials" {}
    TokenRefusedAgain "core_signin_token_refused_again" { code: String, message: String }
    TokenNeedsSts "core_signin_token_needs_sts" {}
}
