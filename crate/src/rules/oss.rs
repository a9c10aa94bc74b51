//! OSS names.

use super::text::BUCKET;

/// Bytes of an object key (UTF-8).
pub const KEY_MAX_BYTES: usize = 1023;

/// A bucket name: 3-63 lowercase letters, digits and `-`, starting and ending with a letter or
/// digit.
pub fn is_bucket_name(bucket: &str) -> bool {
    BUCKET.matches(bucket)
}

/// An object key starts with neither `/` nor `\` (OSS refuses both).
pub fn key_starts_well(key: &str) -> bool {
    !key.starts_with('/') && !key.starts_with('\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_names_and_keys() {
        assert!(is_bucket_name("oss-example"));
        for bad in ["ab", "-ab", "ab-", "Ab1", "a_b", &"a".repeat(64)] {
            assert!(!is_bucket_name(bad), "{bad}");
        }
        assert!(key_starts_well("a/b"));
        assert!(!key_starts_well("/a"));
        assert!(!key_starts_well("\\a"));
    }
}
