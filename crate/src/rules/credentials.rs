//! AccessKey credentials as the signers accept them: loose on purpose (any key the cloud could
//! issue signs), strict only where a value could not be sent at all.

use crate::error::{field_name, Error, Result};
use crate::message::ApiMessage;

/// The prefix of an STS AccessKey ID, which needs its security token.
pub const STS_PREFIX: &str = "STS.";

/// An AccessKey ID: visible ASCII without `:` (the `Authorization` header's separator).
pub fn is_access_key_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|c| c.is_ascii_graphic() && c != b':')
}

/// An STS security token: visible ASCII (Base64 with `+/=`).
pub fn is_security_token(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|c| c.is_ascii_graphic())
}

/// An AccessKey ID at `path`, or the error saying it is not one.
pub fn check_access_key_id(id: &str, path: &str) -> Result<()> {
    if is_access_key_id(id) {
        return Ok(());
    }
    let field = field_name(path).to_string();
    Err(Error::invalid_said(
        path,
        ApiMessage::AccessKeyIdInvalid { field },
    ))
}

/// A secret at `path` that is not empty, or the error saying it is.
pub fn check_secret(secret: &str, path: &str) -> Result<()> {
    if !secret.is_empty() {
        return Ok(());
    }
    let field = field_name(path).to_string();
    Err(Error::invalid_said(path, ApiMessage::SecretEmpty { field }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_key_ids_and_tokens() {
        assert!(is_access_key_id("LTAI5tExample"));
        assert!(is_access_key_id("STS.NUexample"));
        assert!(!is_access_key_id(""));
        assert!(!is_access_key_id("LTAI:x"));
        assert!(!is_access_key_id("LTAI x"));
        assert!(is_security_token("CAIS+/=="));
        assert!(!is_security_token("a b"));
        assert!(check_access_key_id("a:b", "$.accessKeyId").is_err());
        assert!(check_secret("", "$.accessKeySecret").is_err());
    }
}
