//! Condition operators by name: the operator families and the `...IfExists` form. The policy
//! model names them; `condition` compiles and evaluates them.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    String,
    Numeric,
    Date,
    Bool,
    Ip,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::String => "String",
            Family::Numeric => "Numeric",
            Family::Date => "Date",
            Family::Bool => "Bool",
            Family::Ip => "IP address",
        }
    }
}

macro_rules! operators {
    ($($op:ident => $family:ident, $negated:expr;)*) => {
        /// Every operator of the reference (without the `IfExists` suffix).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Op { $($op),* }

        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$op),*];

            pub fn name(self) -> &'static str {
                match self { $(Op::$op => stringify!($op)),* }
            }

            pub fn family(self) -> Family {
                match self { $(Op::$op => Family::$family),* }
            }

            /// Negated operators hold when no value matches (and when the key is absent).
            pub fn negated(self) -> bool {
                match self { $(Op::$op => $negated),* }
            }
        }
    };
}

operators! {
    StringEquals => String, false;
    StringNotEquals => String, true;
    StringEqualsIgnoreCase => String, false;
    StringNotEqualsIgnoreCase => String, true;
    StringLike => String, false;
    StringNotLike => String, true;
    NumericEquals => Numeric, false;
    NumericNotEquals => Numeric, true;
    NumericLessThan => Numeric, false;
    NumericLessThanEquals => Numeric, false;
    NumericGreaterThan => Numeric, false;
    NumericGreaterThanEquals => Numeric, false;
    DateEquals => Date, false;
    DateNotEquals => Date, true;
    DateLessThan => Date, false;
    DateLessThanEquals => Date, false;
    DateGreaterThan => Date, false;
    DateGreaterThanEquals => Date, false;
    Bool => Bool, false;
    IpAddress => Ip, false;
    NotIpAddress => Ip, true;
}

/// An operator as written: the operator and whether it carries the `IfExists` suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operator {
    pub op: Op,
    pub if_exists: bool,
}

impl Operator {
    /// Parses an operator name exactly (names are case-sensitive).
    pub fn parse(name: &str) -> Option<Operator> {
        let (base, if_exists) = match name.strip_suffix("IfExists") {
            Some(base) => (base, true),
            None => (name, false),
        };
        let op = *Op::ALL.iter().find(|op| op.name() == base)?;
        Some(Operator { op, if_exists })
    }

    pub fn name(&self) -> String {
        let suffix = if self.if_exists { "IfExists" } else { "" };
        format!("{}{suffix}", self.op.name())
    }

    /// Every operator name RAM takes, `IfExists` forms included.
    pub fn all_names() -> impl Iterator<Item = String> {
        Op::ALL
            .iter()
            .flat_map(|op| [false, true].map(|if_exists| Operator { op: *op, if_exists }.name()))
    }
}
