//! RAM identities' names, the RAM API's own rules.

use super::text::{ROLE_NAME, USER_NAME};
use std::ops::RangeInclusive;

/// Characters of a role name (`CreateRole`'s `RoleName`).
pub const ROLE_NAME_LENGTH: RangeInclusive<usize> = ROLE_NAME.min..=ROLE_NAME.max;

/// A role name's characters: letters, digits, `.` and `-`.
pub fn is_role_name_char(c: char) -> bool {
    ROLE_NAME.allows(c)
}

/// A RAM role name: 1-64 letters, digits, `.` and `-`.
pub fn is_role_name(name: &str) -> bool {
    ROLE_NAME.matches(name)
}

/// A RAM user name: 1-64 letters, digits, `.`, `_`, `-` and `@`.
pub fn is_user_name(name: &str) -> bool {
    USER_NAME.matches(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_and_user_names() {
        assert!(is_role_name("admin-oss.v2"));
        assert!(!is_role_name("admin_oss"));
        assert!(!is_role_name(""));
        assert!(!is_role_name(&"r".repeat(65)));
        assert!(is_role_name(&"r".repeat(64)));
        assert!(is_user_name("alice_b@example"));
        assert!(!is_user_name("alice b"));
        assert!(!is_role_name("rôle"), "not ASCII");
    }
}
