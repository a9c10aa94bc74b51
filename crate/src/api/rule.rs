//! The rules a request field follows, by name: what the action tables (`action.rs`) say about
//! each parameter, and what `validate.rs` enforces.

/// A validation rule; each one also fixes the JSON type the field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    RoleArn,
    RoleSessionName,
    DurationSeconds,
    SessionPolicy,
    ExternalId,
    RoleName,
    UserName,
    DisplayName,
    Comments,
    Description,
    MaxSessionDuration,
    PolicyName,
    PolicyDocument,
    PolicyType,
    /// Object-key-like text (prefix, marker, delimiter, start-after): at most 1023 bytes.
    KeyText,
    /// An opaque non-empty token (continuation-token).
    Token,
    MaxKeys,
    Flag,
}

/// The JSON type of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Integer,
    Boolean,
}

impl Rule {
    pub fn kind(self) -> Kind {
        match self {
            Rule::DurationSeconds | Rule::MaxSessionDuration | Rule::MaxKeys => Kind::Integer,
            Rule::Flag => Kind::Boolean,
            _ => Kind::Text,
        }
    }
}
