//! Alibaba Cloud accounts.

use super::text::UID;

/// An account UID (e.g. `1746000000000001`): 16 digits.
pub fn is_uid(text: &str) -> bool {
    UID.matches(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_are_sixteen_digits() {
        assert!(is_uid("1746000000000001"));
        for bad in [
            "",
            "174600000000001",
            "17460000000000012",
            "174600000000000a",
            "１746000000000001",
        ] {
            assert!(!is_uid(bad), "{bad}");
        }
    }
}
