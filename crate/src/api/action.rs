//! The actions RoleHop builds and parses, and the table of their input fields. Builders are
//! driven by this table: each field names its contract name (camelCase), the API parameter it
//! becomes, whether it is required and the rule that validates it.

use super::rule::Rule;

/// Which API family an action belongs to: it decides the signing algorithm and body formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Sts,
    Ram,
    Oss,
}

impl Service {
    /// RPC APIs (JSON bodies, RPC V1 signature) versus OSS (XML bodies, OSS V1 signature).
    pub fn is_rpc(self) -> bool {
        !matches!(self, Service::Oss)
    }
}

macro_rules! actions {
    ($($variant:ident => $service:ident),+ $(,)?) => {
        /// Every action the core can build a request for and parse a response of.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Action { $($variant),+ }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),+];

            /// The API's own name, e.g. `AssumeRole` (also the contract's `action` value).
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => stringify!($variant)),+ }
            }

            pub fn service(self) -> Service {
                match self { $(Action::$variant => Service::$service),+ }
            }
        }
    };
}

actions! {
    GetCallerIdentity => Sts,
    AssumeRole => Sts,
    GetRole => Ram,
    CreateRole => Ram,
    UpdateRole => Ram,
    AttachPolicyToRole => Ram,
    ListPoliciesForRole => Ram,
    CreateUser => Ram,
    AttachPolicyToUser => Ram,
    ListPoliciesForUser => Ram,
    CreatePolicy => Ram,
    GetPolicy => Ram,
    GetAccountAlias => Ram,
    DecodeDiagnosticMessage => Ram,
    ListBuckets => Oss,
    ListObjects => Oss,
    ListObjectsV2 => Oss,
    GetBucketInfo => Oss,
}

impl Action {
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }

    /// The known action names, comma-separated (for error messages).
    pub fn known_names() -> String {
        let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        names.join(", ")
    }

    pub fn spec(self) -> &'static ActionSpec {
        use Action::*;
        match self {
            GetCallerIdentity | GetAccountAlias => &NO_FIELDS,
            AssumeRole => &ASSUME_ROLE,
            GetRole | ListPoliciesForRole => &ROLE_NAME_ONLY,
            CreateRole => &CREATE_ROLE,
            UpdateRole => &UPDATE_ROLE,
            AttachPolicyToRole => &ATTACH_TO_ROLE,
            CreateUser => &CREATE_USER,
            AttachPolicyToUser => &ATTACH_TO_USER,
            ListPoliciesForUser => &USER_NAME_ONLY,
            CreatePolicy => &CREATE_POLICY,
            GetPolicy => &GET_POLICY,
            ListBuckets => &LIST_BUCKETS,
            ListObjects => &LIST_OBJECTS,
            ListObjectsV2 => &LIST_OBJECTS_V2,
            GetBucketInfo => &GET_BUCKET_INFO,
            DecodeDiagnosticMessage => &DECODE_DIAGNOSTIC,
        }
    }
}

/// The input shape of one action.
#[derive(Debug)]
pub struct ActionSpec {
    /// The action's own fields.
    pub fields: &'static [FieldSpec],
    /// Parameters every request of the action carries (`None`: a bare query key such as `?bucketInfo`).
    pub fixed: &'static [(&'static str, Option<&'static str>)],
    /// At least one of these fields must be given (e.g. UpdateRole must change something).
    pub one_of: &'static [&'static str],
    /// OSS only: the request is addressed to a bucket (`bucket` is required).
    pub bucket: bool,
}

/// One input field: `name` in the JSON contract, `param` in the API.
#[derive(Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    pub param: &'static str,
    pub required: bool,
    pub rule: Rule,
}

const fn req(name: &'static str, param: &'static str, rule: Rule) -> FieldSpec {
    FieldSpec {
        name,
        param,
        required: true,
        rule,
    }
}

const fn opt(name: &'static str, param: &'static str, rule: Rule) -> FieldSpec {
    FieldSpec {
        name,
        param,
        required: false,
        rule,
    }
}

const fn spec(fields: &'static [FieldSpec]) -> ActionSpec {
    ActionSpec {
        fields,
        fixed: &[],
        one_of: &[],
        bucket: false,
    }
}

static NO_FIELDS: ActionSpec = spec(&[]);

static ASSUME_ROLE: ActionSpec = spec(&[
    req("roleArn", "RoleArn", Rule::RoleArn),
    req("roleSessionName", "RoleSessionName", Rule::RoleSessionName),
    opt("durationSeconds", "DurationSeconds", Rule::DurationSeconds),
    opt("policy", "Policy", Rule::SessionPolicy),
    opt("externalId", "ExternalId", Rule::ExternalId),
]);

static ROLE_NAME_ONLY: ActionSpec = spec(&[req("roleName", "RoleName", Rule::RoleName)]);
static USER_NAME_ONLY: ActionSpec = spec(&[req("userName", "UserName", Rule::UserName)]);

static CREATE_ROLE: ActionSpec = spec(&[
    req("roleName", "RoleName", Rule::RoleName),
    req(
        "assumeRolePolicyDocument",
        "AssumeRolePolicyDocument",
        Rule::PolicyDocument,
    ),
    opt("description", "Description", Rule::Description),
    opt(
        "maxSessionDuration",
        "MaxSessionDuration",
        Rule::MaxSessionDuration,
    ),
]);

static UPDATE_ROLE: ActionSpec = ActionSpec {
    fields: &[
        req("roleName", "RoleName", Rule::RoleName),
        opt(
            "newAssumeRolePolicyDocument",
            "NewAssumeRolePolicyDocument",
            Rule::PolicyDocument,
        ),
        opt("newDescription", "NewDescription", Rule::Description),
        opt(
            "newMaxSessionDuration",
            "NewMaxSessionDuration",
            Rule::MaxSessionDuration,
        ),
    ],
    fixed: &[],
    one_of: &[
        "newAssumeRolePolicyDocument",
        "newDescription",
        "newMaxSessionDuration",
    ],
    bucket: false,
};

static ATTACH_TO_ROLE: ActionSpec = spec(&[
    req("policyType", "PolicyType", Rule::PolicyType),
    req("policyName", "PolicyName", Rule::PolicyName),
    req("roleName", "RoleName", Rule::RoleName),
]);

static ATTACH_TO_USER: ActionSpec = spec(&[
    req("policyType", "PolicyType", Rule::PolicyType),
    req("policyName", "PolicyName", Rule::PolicyName),
    req("userName", "UserName", Rule::UserName),
]);

static CREATE_USER: ActionSpec = spec(&[
    req("userName", "UserName", Rule::UserName),
    opt("displayName", "DisplayName", Rule::DisplayName),
    opt("comments", "Comments", Rule::Comments),
]);

static CREATE_POLICY: ActionSpec = spec(&[
    req("policyName", "PolicyName", Rule::PolicyName),
    req("policyDocument", "PolicyDocument", Rule::PolicyDocument),
    opt("description", "Description", Rule::Description),
]);

static GET_POLICY: ActionSpec = spec(&[
    req("policyName", "PolicyName", Rule::PolicyName),
    req("policyType", "PolicyType", Rule::PolicyType),
]);

/// The encoded message of a denial's detail: opaque text, as long as the detail keeps one.
static DECODE_DIAGNOSTIC: ActionSpec = spec(&[req(
    "encodedDiagnosticMessage",
    "EncodedDiagnosticMessage",
    Rule::Token,
)]);

static LIST_BUCKETS: ActionSpec = spec(&[
    opt("prefix", "prefix", Rule::KeyText),
    opt("marker", "marker", Rule::KeyText),
    opt("maxKeys", "max-keys", Rule::MaxKeys),
]);

static LIST_OBJECTS: ActionSpec = ActionSpec {
    fields: &[
        opt("prefix", "prefix", Rule::KeyText),
        opt("delimiter", "delimiter", Rule::KeyText),
        opt("marker", "marker", Rule::KeyText),
        opt("maxKeys", "max-keys", Rule::MaxKeys),
    ],
    fixed: &[],
    one_of: &[],
    bucket: true,
};

static LIST_OBJECTS_V2: ActionSpec = ActionSpec {
    fields: &[
        opt("prefix", "prefix", Rule::KeyText),
        opt("delimiter", "delimiter", Rule::KeyText),
        opt("startAfter", "start-after", Rule::KeyText),
        opt("continuationToken", "continuation-token", Rule::Token),
        opt("maxKeys", "max-keys", Rule::MaxKeys),
        opt("fetchOwner", "fetch-owner", Rule::Flag),
    ],
    fixed: &[("list-type", Some("2"))],
    one_of: &[],
    bucket: true,
};

static GET_BUCKET_INFO: ActionSpec = ActionSpec {
    fields: &[],
    fixed: &[("bucketInfo", None)],
    one_of: &[],
    bucket: true,
};

/// An action is read as its API name; another name is an unknown variant, which the contract
/// words as `unsupported` with the known names (contract/parse.rs `unknown_action`).
impl<'de> serde::Deserialize<'de> for Action {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = Action;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an action name")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Action, E> {
                Action::from_name(v).ok_or_else(|| E::unknown_variant(v, &[]))
            }
        }
        d.deserialize_str(Name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_specs_are_consistent() {
        for &action in Action::ALL {
            assert_eq!(Action::from_name(action.name()), Some(action));
            let spec = action.spec();
            for name in spec.one_of {
                assert!(spec.fields.iter().any(|f| f.name == *name), "{name}");
            }
            assert!(!spec.bucket || action.service() == Service::Oss);
        }
        assert_eq!(Action::from_name("assumerole"), None);
        assert_eq!(Action::ListBuckets.spec().fields.len(), 3);
        assert_eq!(Action::GetAccountAlias.spec().fields.len(), 0);
    }
}
