//! Checks of the names builders put into documents, with errors at the request's JSON paths.

use crate::error::{Error, Result};
use crate::message::PolicyMessage;
use crate::rules::account::is_uid;
use crate::rules::oss::is_bucket_name;
use crate::rules::ram::{is_role_name, is_user_name};

/// An Alibaba Cloud account UID.
pub fn account(uid: &str, path: &str) -> Result<()> {
    if is_uid(uid) {
        Ok(())
    } else {
        Err(Error::invalid_said(
            path,
            PolicyMessage::BuildAccountUid {
                value: uid.to_string(),
            },
        ))
    }
}

/// A RAM user name.
pub fn user(name: &str, path: &str) -> Result<()> {
    if is_user_name(name) {
        Ok(())
    } else {
        Err(Error::invalid_said(
            path,
            PolicyMessage::BuildUserName {
                value: name.to_string(),
            },
        ))
    }
}

/// A RAM role name.
pub fn role(name: &str, path: &str) -> Result<()> {
    if is_role_name(name) {
        Ok(())
    } else {
        Err(Error::invalid_said(
            path,
            PolicyMessage::BuildRoleName {
                value: name.to_string(),
            },
        ))
    }
}

/// An OSS bucket name.
pub fn bucket(name: &str, path: &str) -> Result<()> {
    if is_bucket_name(name) {
        Ok(())
    } else {
        Err(Error::invalid_said(
            path,
            PolicyMessage::BuildBucketName {
                value: name.to_string(),
            },
        ))
    }
}

/// AssumeRole's external id: 2-1224 of letters, digits and `_+=,.@:/-`.
pub fn external_id(id: &str, path: &str) -> Result<()> {
    let ok = (2..=1224).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_+=,.@:/-".contains(c));
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_said(
            path,
            PolicyMessage::BuildExternalId {
                value: id.to_string(),
            },
        ))
    }
}

/// A service principal: `<service>.aliyuncs.com`.
pub fn service(name: &str, path: &str) -> Result<()> {
    let ok = name.strip_suffix(".aliyuncs.com").is_some_and(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
    });
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_said(
            path,
            PolicyMessage::MalformedServicePrincipal {
                value: name.to_string(),
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(account("1746000000000001", "$").is_ok());
        assert!(account("17460a", "$").is_err());
        assert!(account("", "$").is_err());
        assert!(user("alice@example", "$").is_ok());
        assert!(user("al ice", "$").is_err());
        assert!(role("admin-oss", "$").is_ok());
        assert!(role("admin_oss", "$").is_err());
        assert!(bucket("my-bucket-1", "$").is_ok());
        assert!(bucket("My-Bucket", "$").is_err());
        assert!(bucket("-ab", "$").is_err());
        assert!(bucket("ab", "$").is_err());
        assert!(external_id("abc-123", "$").is_ok());
        assert!(external_id("a", "$").is_err());
        assert!(service("ecs.aliyuncs.com", "$").is_ok());
        assert!(service("ecs", "$").is_err());
    }
}
