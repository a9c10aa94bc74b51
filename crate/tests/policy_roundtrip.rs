//! The serialiser's guarantee: parse(serialise(p)) == p, for the pretty and the compact form.

mod policy_gen;

use proptest::prelude::*;
use rolehop::policy::{parse, to_compact, to_pretty};

proptest! {
    #![proptest_config(policy_gen::config(512))]

    #[test]
    fn parse_of_serialise_is_identity((kind, policy) in policy_gen::kind_and_policy()) {
        let pretty = to_pretty(&policy);
        let compact = to_compact(&policy);
        prop_assert_eq!(&parse(&pretty, kind).map_err(|e| TestCaseError::fail(format!("{e}\n{pretty}")))?, &policy);
        prop_assert_eq!(&parse(&compact, kind).map_err(|e| TestCaseError::fail(format!("{e}\n{compact}")))?, &policy);
    }

    #[test]
    fn serialisation_is_stable((kind, policy) in policy_gen::kind_and_policy()) {
        let once = to_pretty(&policy);
        let again = to_pretty(&parse(&once, kind).map_err(|e| TestCaseError::fail(e.to_string()))?);
        prop_assert_eq!(once, again);
    }

    /// The compact form is the pretty form without insignificant whitespace.
    #[test]
    fn compact_and_pretty_agree((kind, policy) in policy_gen::kind_and_policy()) {
        let pretty: serde_json::Value = serde_json::from_str(&to_pretty(&policy)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let compact: serde_json::Value = serde_json::from_str(&to_compact(&policy)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(pretty, compact);
        let _ = kind;
    }
}
