//! Condition operators: names, families, value types, and their compiled evaluation.
//!
//! Semantics (RAM documents the operators; where it is silent RoleHop follows AWS's documented
//! rules, which RAM's grammar mirrors): values of one key are ORed; a context key may carry several
//! values (any one matching is enough); a negated operator (`StringNotEquals`, `NotIpAddress`, ...)
//! holds when no value matches; when the key is absent from the request, positive operators are
//! false, negated ones true, and every `...IfExists` form true.

use super::exact::{Decimal, Instant};
use super::model::CondValue;
use super::operator::{Family, Op, Operator};
use super::pattern::Pattern;
use crate::message::PolicyMessage;
use std::cell::OnceCell;
use std::net::{IpAddr, Ipv4Addr};

/// Checks that a policy value fits the operator's family; the message says what was expected.
pub fn check_value(family: Family, value: &CondValue) -> Result<(), PolicyMessage> {
    let ok = match family {
        Family::String => true,
        Family::Numeric => number_of(value).is_some(),
        Family::Date => date_of(value).is_some(),
        Family::Bool => bool_of(value).is_some(),
        Family::Ip => matches!(value, CondValue::Text(s) if Cidr::parse(s).is_some()),
    };
    if ok {
        return Ok(());
    }
    Err(match family {
        Family::String => PolicyMessage::ExpectString {},
        Family::Numeric => PolicyMessage::ExpectNumber {},
        Family::Date => PolicyMessage::ExpectDate {},
        Family::Bool => PolicyMessage::ExpectBool {},
        Family::Ip => PolicyMessage::ExpectIp {},
    })
}

fn number_of(value: &CondValue) -> Option<Decimal> {
    match value {
        CondValue::Number(n) | CondValue::Text(n) => Decimal::parse(n),
        CondValue::Bool(_) => None,
    }
}

fn date_of(value: &CondValue) -> Option<Instant> {
    match value {
        CondValue::Number(n) => Instant::from_epoch(n),
        CondValue::Text(s) => Instant::parse(s),
        CondValue::Bool(_) => None,
    }
}

fn bool_of(value: &CondValue) -> Option<bool> {
    match value {
        CondValue::Bool(b) => Some(*b),
        CondValue::Text(s) => parse_bool(s),
        CondValue::Number(_) => None,
    }
}

fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// Request context booleans: `true`/`false` in any case.
fn parse_context_bool(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// An IPv4 or IPv6 network; a bare address is a /32 or /128.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    bits: u128,
    prefix: u8,
    v4: bool,
}

impl Cidr {
    /// `203.0.113.0/24`, `2001:db8::/32`, a bare address, or (as OSS documents for
    /// `acs:SourceIp`) an IPv4 address whose last one to four parts are `*`: `192.168.0.*` is
    /// `192.168.0.0/24`, `10.*.*.*` is `10.0.0.0/8`. A `*` only stands for a whole trailing part:
    /// not `192.*.0.1`, `192.168.0.1*`, with a `/prefix`, or in IPv6 (write a CIDR block there).
    pub fn parse(text: &str) -> Option<Cidr> {
        if text.contains('*') {
            return Self::ipv4_wildcard(text);
        }
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let ip: IpAddr = addr.parse().ok()?;
        let (bits, max, v4) = ip_bits(ip);
        let prefix = match prefix {
            None => max,
            Some(p) if !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()) => {
                p.parse::<u8>().ok().filter(|&n| n <= max)?
            }
            Some(_) => return None,
        };
        Some(Cidr {
            bits: mask(bits, prefix, max),
            prefix,
            v4,
        })
    }

    fn ipv4_wildcard(text: &str) -> Option<Cidr> {
        let parts: Vec<&str> = text.split('.').collect();
        let fixed = parts.iter().position(|p| *p == "*")?;
        if parts.len() != 4 || parts.get(fixed..)?.iter().any(|p| *p != "*") {
            return None;
        }
        // The fixed parts as an address (Rust's reader: decimal 0-255, no leading zeros).
        let zeros = vec!["0"; 4 - fixed];
        let address: Ipv4Addr = [parts.get(..fixed)?, &zeros]
            .concat()
            .join(".")
            .parse()
            .ok()?;
        let prefix = u8::try_from(8 * fixed).ok()?;
        Some(Cidr {
            bits: mask(u128::from(u32::from(address)), prefix, 32),
            prefix,
            v4: true,
        })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let (bits, max, v4) = ip_bits(ip);
        v4 == self.v4 && mask(bits, self.prefix, max) == self.bits
    }
}

fn ip_bits(ip: IpAddr) -> (u128, u8, bool) {
    match ip {
        IpAddr::V4(v4) => (u128::from(u32::from(v4)), 32, true),
        IpAddr::V6(v6) => (u128::from(v6), 128, false),
    }
}

fn mask(bits: u128, prefix: u8, max: u8) -> u128 {
    let drop = u32::from(max - prefix);
    if drop >= 128 {
        0
    } else {
        (bits >> drop) << drop
    }
}

/// One value of a request context key. Its number, time, boolean and IP readings are worked out
/// the first time a condition of that family asks, at most once per request.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextValue {
    pub text: String,
    number: OnceCell<Option<Decimal>>,
    date: OnceCell<Option<Instant>>,
    boolean: OnceCell<Option<bool>>,
    ip: OnceCell<Option<IpAddr>>,
}

impl ContextValue {
    pub fn new(text: &str) -> ContextValue {
        ContextValue {
            text: text.to_string(),
            number: OnceCell::new(),
            date: OnceCell::new(),
            boolean: OnceCell::new(),
            ip: OnceCell::new(),
        }
    }

    /// Replaces the value, reusing the text buffer.
    pub fn set(&mut self, text: &str) {
        self.text.clear();
        self.text.push_str(text);
        self.number = OnceCell::new();
        self.date = OnceCell::new();
        self.boolean = OnceCell::new();
        self.ip = OnceCell::new();
    }

    fn number(&self) -> Option<&Decimal> {
        self.number
            .get_or_init(|| Decimal::parse(&self.text))
            .as_ref()
    }

    fn date(&self) -> Option<Instant> {
        *self.date.get_or_init(|| Instant::parse(&self.text))
    }

    fn boolean(&self) -> Option<bool> {
        *self.boolean.get_or_init(|| parse_context_bool(&self.text))
    }

    fn ip(&self) -> Option<IpAddr> {
        *self.ip.get_or_init(|| self.text.parse().ok())
    }
}

/// A condition of one key, compiled for evaluation.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub operator: Operator,
    /// Index of the key in the simulator's key table (for "missing context keys").
    pub key_id: usize,
    values: Values,
}

#[derive(Debug, Clone)]
enum Values {
    Exact(Vec<String>),
    IgnoreCase(Vec<String>),
    Like(Vec<Pattern>),
    Number(Vec<Decimal>),
    Date(Vec<Instant>),
    Bool(Vec<bool>),
    Ip(Vec<Cidr>),
}

impl Compiled {
    /// Compiles the values of one key. Values that do not fit the family were rejected by the
    /// parser; any that slip through simply never match.
    pub fn new(operator: Operator, key_id: usize, values: &[CondValue]) -> Compiled {
        use Op::*;
        let values = match operator.op {
            StringEquals | StringNotEquals => {
                Values::Exact(values.iter().map(|v| v.as_text().to_string()).collect())
            }
            StringEqualsIgnoreCase | StringNotEqualsIgnoreCase => {
                Values::IgnoreCase(values.iter().map(|v| lower_chars(v.as_text())).collect())
            }
            StringLike | StringNotLike => {
                Values::Like(values.iter().map(|v| Pattern::new(v.as_text())).collect())
            }
            op if op.family() == Family::Numeric => {
                Values::Number(values.iter().filter_map(number_of).collect())
            }
            op if op.family() == Family::Date => {
                Values::Date(values.iter().filter_map(date_of).collect())
            }
            Bool => Values::Bool(values.iter().filter_map(bool_of).collect()),
            _ => Values::Ip(
                values
                    .iter()
                    .filter_map(|v| Cidr::parse(v.as_text()))
                    .collect(),
            ),
        };
        Compiled {
            operator,
            key_id,
            values,
        }
    }

    /// Whether the condition holds given the request's values for the key (`None`: absent).
    pub fn holds(&self, context: Option<&[ContextValue]>) -> bool {
        let Some(context) = context.filter(|c| !c.is_empty()) else {
            return self.operator.if_exists || self.operator.op.negated();
        };
        let any = context.iter().any(|c| self.matches_one(c));
        any != self.operator.op.negated()
    }

    /// The positive form of the operator against one context value.
    fn matches_one(&self, c: &ContextValue) -> bool {
        use Op::*;
        let op = self.operator.op;
        match &self.values {
            Values::Exact(vs) => vs.contains(&c.text),
            Values::IgnoreCase(vs) => vs.iter().any(|v| eq_ignore_case(v, &c.text)),
            Values::Like(ps) => ps.iter().any(|p| p.matches(&c.text)),
            Values::Number(vs) => c.number().is_some_and(|n| {
                vs.iter().any(|v| match op {
                    NumericLessThan => n < v,
                    NumericLessThanEquals => n <= v,
                    NumericGreaterThan => n > v,
                    NumericGreaterThanEquals => n >= v,
                    _ => n == v, // NumericEquals, and NumericNotEquals negated by the caller
                })
            }),
            Values::Date(vs) => c.date().is_some_and(|d| {
                vs.iter().any(|&v| match op {
                    DateLessThan => d < v,
                    DateLessThanEquals => d <= v,
                    DateGreaterThan => d > v,
                    DateGreaterThanEquals => d >= v,
                    _ => d == v,
                })
            }),
            Values::Bool(vs) => c.boolean().is_some_and(|b| vs.contains(&b)),
            Values::Ip(cidrs) => c
                .ip()
                .is_some_and(|ip| cidrs.iter().any(|n| n.contains(ip))),
        }
    }
}

/// Lower-cases character by character, as `eq_ignore_case` reads the request's value.
/// `str::to_lowercase` would turn a word-final `Σ` into `ς`, which the request's side never
/// produces, so `ΟΔΟΣ` would not equal itself.
fn lower_chars(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// Unicode case-insensitive equality without allocating; `lower` is already lower-cased.
fn eq_ignore_case(lower: &str, text: &str) -> bool {
    if lower.is_ascii() && text.is_ascii() {
        return lower.eq_ignore_ascii_case(text);
    }
    lower.chars().eq(text.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cond(name: &str, values: &[CondValue]) -> Compiled {
        Compiled::new(Operator::parse(name).unwrap(), 0, values)
    }

    fn text(s: &str) -> CondValue {
        CondValue::Text(s.into())
    }

    fn ctx(values: &[&str]) -> Vec<ContextValue> {
        values.iter().map(|v| ContextValue::new(v)).collect()
    }

    #[test]
    fn parses_every_operator_and_its_if_exists_form() {
        let names: Vec<String> = Operator::all_names().collect();
        assert_eq!(names.len(), 42);
        for name in &names {
            assert_eq!(&Operator::parse(name).unwrap().name(), name);
        }
        assert!(Operator::parse("stringequals").is_none());
        assert!(Operator::parse("IfExists").is_none());
        assert!(Operator::parse("ArnLike").is_none());
    }

    #[test]
    fn checks_value_types_per_family() {
        assert!(check_value(Family::Numeric, &CondValue::Number("10".into())).is_ok());
        assert!(check_value(Family::Numeric, &text("10.5")).is_ok());
        assert!(check_value(Family::Numeric, &text("ten")).is_err());
        assert!(check_value(Family::Numeric, &text("inf")).is_err());
        assert!(check_value(Family::Date, &text("2019-08-12T17:00:00+08:00")).is_ok());
        assert!(check_value(Family::Date, &text("tomorrow")).is_err());
        assert!(check_value(Family::Bool, &CondValue::Bool(true)).is_ok());
        assert!(check_value(Family::Bool, &text("yes")).is_err());
        assert!(check_value(Family::Ip, &text("10.0.0.0/8")).is_ok());
        assert!(check_value(Family::Ip, &text("2001:db8::/32")).is_ok());
        assert!(check_value(Family::Ip, &text("10.0.0.0/33")).is_err());
        assert!(check_value(Family::Ip, &CondValue::Number("10".into())).is_err());
    }

    #[test]
    fn dates_with_offsets_are_the_same_instant() {
        let parse_date = Instant::parse;
        assert_eq!(
            parse_date("2019-08-12T17:00:00+08:00"),
            parse_date("2019-08-12T09:00:00Z")
        );
        assert!(parse_date("2019-08-12T09:00:00.123Z") > parse_date("2019-08-12T09:00:00Z"));
        assert_eq!(
            parse_date("1970-01-02").map(|t| t.unix_seconds()),
            Some(86_400)
        );
        assert_eq!(parse_date("86400"), parse_date("1970-01-02"));
        assert_eq!(parse_date("2019-08-12T17:00:00+24:00"), None);
        assert_eq!(
            parse_date("2019-08-12t09:00:00z"),
            parse_date("2019-08-12T09:00:00Z")
        );
        assert_eq!(
            parse_date("2019-08-12T00:30:00-01:30"),
            parse_date("2019-08-12T02:00:00Z")
        );
        for bad in [
            "2019-08-12T09:00:00",
            "2019-08-12T09:00:00.Z",
            "2019-08-12X",
            "2019-08-12T9:00:00Z",
            "",
            "2019-02-30",
            "20190812T090000Z",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn ipv4_wildcards_stand_for_whole_trailing_parts() {
        for (wildcard, cidr) in [
            ("192.168.0.*", "192.168.0.0/24"),
            ("10.1.*.*", "10.1.0.0/16"),
            ("10.*.*.*", "10.0.0.0/8"),
            ("*.*.*.*", "0.0.0.0/0"),
        ] {
            assert_eq!(Cidr::parse(wildcard), Cidr::parse(cidr), "{wildcard}");
            assert!(check_value(Family::Ip, &text(wildcard)).is_ok());
        }
        for bad in [
            "192.*.0.1",
            "192.168.0.1*",
            "192.168.0.*/24",
            "192.168.*",
            "192.168.0.0.*",
            "*",
            "2001:db8::*",
            "256.1.1.*",
            "01.1.1.*",
            "192.168.0.**",
        ] {
            assert_eq!(Cidr::parse(bad), None, "{bad}");
        }
        let c = cond("IpAddress", &[text("192.168.0.*")]);
        assert!(c.holds(Some(&ctx(&["192.168.0.255"]))));
        assert!(!c.holds(Some(&ctx(&["192.168.1.0"]))));
        assert!(!c.holds(Some(&ctx(&["::ffff:192.168.0.1"]))));
    }

    #[test]
    fn string_operators() {
        let c = cond("StringEquals", &[text("a"), text("b")]);
        assert!(c.holds(Some(&ctx(&["b"]))));
        assert!(!c.holds(Some(&ctx(&["B"]))));
        assert!(!c.holds(None));
        let c = cond("StringNotEqualsIgnoreCase", &[text("Ab")]);
        assert!(!c.holds(Some(&ctx(&["aB"]))));
        assert!(c.holds(Some(&ctx(&["x"]))));
        assert!(
            c.holds(None),
            "negated operators hold when the key is absent"
        );
        let c = cond("StringLike", &[text("docs/*")]);
        assert!(c.holds(Some(&ctx(&["docs/a"]))));
        assert!(!c.holds(Some(&ctx(&["img/a"]))));
        let c = cond("StringEqualsIgnoreCase", &[text("ÉTÉ")]);
        assert!(c.holds(Some(&ctx(&["été"]))));
        // A word-final capital sigma: both sides lower-case it the same way.
        let c = cond("StringEqualsIgnoreCase", &[text("ΟΔΟΣ")]);
        assert!(c.holds(Some(&ctx(&["ΟΔΟΣ"]))));
        assert!(c.holds(Some(&ctx(&["οδοσ"]))));
    }

    #[test]
    fn numeric_date_bool_and_ip_operators() {
        let n = |v: &str| CondValue::Number(v.into());
        assert!(cond("NumericLessThan", &[n("10")]).holds(Some(&ctx(&["9.5"]))));
        assert!(!cond("NumericLessThan", &[n("10")]).holds(Some(&ctx(&["10"]))));
        assert!(cond("NumericLessThanEquals", &[n("10")]).holds(Some(&ctx(&["10"]))));
        assert!(cond("NumericNotEquals", &[n("1"), n("2")]).holds(Some(&ctx(&["3"]))));
        assert!(!cond("NumericGreaterThan", &[n("1")]).holds(Some(&ctx(&["abc"]))));
        let d = cond("DateLessThan", &[text("2026-01-01T00:00:00Z")]);
        assert!(d.holds(Some(&ctx(&["2025-12-31T23:59:59Z"]))));
        assert!(!d.holds(Some(&ctx(&["2026-01-01T08:00:00+08:00"]))));
        let b = cond("Bool", &[CondValue::Bool(true)]);
        assert!(b.holds(Some(&ctx(&["true"]))));
        assert!(b.holds(Some(&ctx(&["TRUE"]))));
        assert!(!b.holds(Some(&ctx(&["false"]))));
        let ip = cond(
            "IpAddress",
            &[text("203.0.113.0/24"), text("2001:db8::/32")],
        );
        assert!(ip.holds(Some(&ctx(&["203.0.113.9"]))));
        assert!(ip.holds(Some(&ctx(&["2001:db8::1"]))));
        assert!(!ip.holds(Some(&ctx(&["203.0.114.1"]))));
        assert!(cond("NotIpAddress", &[text("10.0.0.0/8")]).holds(Some(&ctx(&["11.0.0.1"]))));
        assert!(cond("IpAddress", &[text("0.0.0.0/0")]).holds(Some(&ctx(&["1.2.3.4"]))));
    }

    #[test]
    fn if_exists_holds_when_the_key_is_absent() {
        let c = cond("StringEqualsIfExists", &[text("a")]);
        assert!(c.holds(None));
        assert!(!c.holds(Some(&ctx(&["b"]))));
        assert!(c.holds(Some(&ctx(&["a"]))));
    }

    #[test]
    fn multi_valued_context_keys() {
        let c = cond("StringEquals", &[text("a")]);
        assert!(c.holds(Some(&ctx(&["x", "a"]))));
        let c = cond("StringNotEquals", &[text("a")]);
        assert!(!c.holds(Some(&ctx(&["x", "a"]))));
    }
}
