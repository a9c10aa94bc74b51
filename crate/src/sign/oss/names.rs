//! The bucket name and object key rules (crate::rules::oss) as signing errors at `$.bucket` and
//! `$.key`; the API layer and the checks report them the same way.

use crate::error::{Error, Result};
use crate::message::{ApiMessage, SignMessage};
use crate::rules::oss::{is_bucket_name, key_starts_well, KEY_MAX_BYTES};

/// [`is_bucket_name`], as an error at `$.bucket`.
pub fn check_bucket(bucket: &str) -> Result<()> {
    if is_bucket_name(bucket) {
        Ok(())
    } else {
        Err(Error::invalid_said(
            "$.bucket",
            SignMessage::SignBucketName {
                value: bucket.to_string(),
            },
        ))
    }
}

/// Object keys: 1-1023 bytes of UTF-8, not starting with `/` or `\\`.
pub fn check_key(key: &str) -> Result<()> {
    if key.len() > KEY_MAX_BYTES {
        return Err(Error::invalid_said(
            "$.key",
            ApiMessage::TextBytes {
                field: "key".to_string(),
                count: key.len(),
            },
        ));
    }
    if !key_starts_well(key) {
        return Err(Error::invalid_said(
            "$.key",
            SignMessage::SignKeySlash {
                value: key.to_string(),
            },
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_and_key_rules() {
        assert!(check_bucket("oss-example").is_ok());
        for bad in ["ab", "-ab", "ab-", "Abc", "a_b", ""] {
            assert!(check_bucket(bad).is_err(), "{bad}");
        }
        assert!(check_key("/x").is_err());
        assert!(check_key(&"k".repeat(1024)).is_err());
    }
}
