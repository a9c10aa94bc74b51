//! Exact values for Numeric and Date conditions: numbers compared as the decimals they are written
//! as (no f64 rounding: `9007199254740993` is greater than `9007199254740992`), and instants with
//! their fractional seconds (`09:00:00.5Z` is later than `09:00:00Z`).

use crate::time::UtcTime;
use std::cmp::Ordering;

/// A decimal number as written: `12`, `-0.5`, `1e3`, `+7.`, `.25`, `1.5E-2`; compared exactly.
/// Kept as its significant digits and the power of ten of the first one:
/// value = 0.`digits` x 10^`exponent` (no leading or trailing zeros; no digits for zero).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal {
    negative: bool,
    digits: Box<str>,
    exponent: i64,
}

/// Exponents written with more digits are refused: no policy means 10^(10^9), and the bound
/// keeps the arithmetic below far from overflow.
const MAX_EXPONENT_DIGITS: usize = 9;

impl Decimal {
    /// The decimal grammar of JSON and of Rust's float parser (no `inf`, `NaN` or hex):
    /// `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
    pub fn parse(text: &str) -> Option<Decimal> {
        let b = text.as_bytes();
        let (negative, rest) = match b.first() {
            Some(b'-') => (true, b.get(1..)?),
            Some(b'+') => (false, b.get(1..)?),
            _ => (false, b),
        };
        let digits_at = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
        let int_len = digits_at(rest);
        let (int, rest) = rest.split_at(int_len);
        let (frac, rest) = match rest.strip_prefix(b".") {
            Some(after) => after.split_at(digits_at(after)),
            None => (&[][..], rest),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let written_exponent = match rest {
            [] => 0,
            [b'e' | b'E', exp @ ..] => {
                let (sign, digits) = match exp {
                    [b'-', d @ ..] => (-1, d),
                    [b'+', d @ ..] => (1, d),
                    d => (1, d),
                };
                if digits.is_empty()
                    || digits.len() > MAX_EXPONENT_DIGITS
                    || !digits.iter().all(u8::is_ascii_digit)
                {
                    return None;
                }
                sign * std::str::from_utf8(digits).ok()?.parse::<i64>().ok()?
            }
            _ => return None,
        };
        // All digits, the point after `int`; then drop leading and trailing zeros.
        let all: Vec<u8> = int.iter().chain(frac).copied().collect();
        let leading = all.iter().take_while(|&&c| c == b'0').count();
        let significant = all.get(leading..).unwrap_or_default();
        let trailing = significant.iter().rev().take_while(|&&c| c == b'0').count();
        let significant = significant
            .get(..significant.len() - trailing)
            .unwrap_or_default();
        let digits: Box<str> = std::str::from_utf8(significant).ok()?.into();
        if digits.is_empty() {
            return Some(Decimal {
                negative: false,
                digits,
                exponent: 0,
            });
        }
        let point = i64::try_from(int.len()).ok()? - i64::try_from(leading).ok()?;
        Some(Decimal {
            negative,
            digits,
            exponent: point + written_exponent,
        })
    }

    fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// The magnitudes compared: a larger power of ten wins, then the digits (both without
    /// trailing zeros, so comparing them as text compares the fractions).
    fn cmp_magnitude(&self, other: &Decimal) -> Ordering {
        self.exponent
            .cmp(&other.exponent)
            .then_with(|| self.digits.cmp(&other.digits))
    }

    /// Seconds and attoseconds (10^-18) since the Unix epoch, rounded down, when the value is a
    /// plausible time (|x| < 10^15) with at most 18 decimal places.
    fn to_instant(&self) -> Option<Instant> {
        if self.is_zero() {
            return Some(Instant::default());
        }
        if self.exponent > 15 {
            return None;
        }
        let digits = self.digits.as_bytes();
        // Digits before the point, and after it (with -exponent zeros in front when negative).
        let point = usize::try_from(self.exponent.max(0)).ok()?;
        let lead_zeros = usize::try_from((-self.exponent).max(0)).ok()?;
        let value = |ds: &[u8]| ds.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
        let int_digits = digits.get(..point.min(digits.len())).unwrap_or_default();
        let int = value(int_digits) * 10u64.pow(u32::try_from(point - int_digits.len()).ok()?);
        let frac_digits = digits.get(point.min(digits.len())..).unwrap_or_default();
        let places = lead_zeros + frac_digits.len();
        if places > 18 {
            return None;
        }
        let atto = value(frac_digits) * 10u64.pow(u32::try_from(18 - places).ok()?);
        let int = i64::try_from(int).ok()?;
        Some(match (self.negative, atto) {
            (false, _) => Instant { seconds: int, atto },
            (true, 0) => Instant {
                seconds: -int,
                atto: 0,
            },
            (true, _) => Instant {
                seconds: -int - 1,
                atto: ATTO_PER_SECOND - atto,
            },
        })
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        let sign = |d: &Decimal| match (d.is_zero(), d.negative) {
            (true, _) => 0,
            (false, true) => -1,
            (false, false) => 1,
        };
        sign(self).cmp(&sign(other)).then_with(|| match sign(self) {
            1 => self.cmp_magnitude(other),
            -1 => other.cmp_magnitude(self),
            _ => Ordering::Equal,
        })
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

const ATTO_PER_SECOND: u64 = 1_000_000_000_000_000_000;

/// An instant to the attosecond (18 decimal places of a second, the most any time format
/// writes): seconds since the Unix epoch and the fraction of the next second.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Instant {
    seconds: i64,
    atto: u64,
}

impl Instant {
    /// `2026-01-01`, `2026-01-01T00:00:00Z`, `...T08:00:00.5+08:00` (at most 18 fractional
    /// digits, all kept), or Unix seconds as a number (`1767225600`, `1767225600.25`).
    /// Allocates nothing for the ISO forms: request context values are read per request.
    pub fn parse(text: &str) -> Option<Instant> {
        let b = text.as_bytes();
        if !b.is_empty() && b.iter().all(u8::is_ascii_digit) {
            return Self::from_epoch(text);
        }
        let date = b.get(..10)?;
        let rest = b.get(10..)?;
        let (time, fraction, zone): (&[u8], &[u8], &[u8]) = match rest.first() {
            None => (b"00:00:00", b"", b"Z"),
            Some(b'T' | b't') => {
                let time = rest.get(1..9)?;
                let after = rest.get(9..)?;
                match after.strip_prefix(b".") {
                    Some(fraction) => {
                        let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
                        if digits == 0 || digits > 18 {
                            return None;
                        }
                        (time, fraction.get(..digits)?, fraction.get(digits..)?)
                    }
                    None => (time, b"", after),
                }
            }
            Some(_) => return None,
        };
        // The UTC form UtcTime reads, assembled on the stack: YYYY-MM-DDThh:mm:ssZ.
        let mut canonical = [0u8; 20];
        canonical[..10].copy_from_slice(date);
        canonical[10] = b'T';
        canonical[11..19].copy_from_slice(time);
        canonical[19] = b'Z';
        let unix = UtcTime::parse_iso8601(std::str::from_utf8(&canonical).ok()?)
            .ok()?
            .unix;
        let offset = match zone {
            b"Z" | b"z" => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let digit = |c: &u8| c.is_ascii_digit().then(|| i64::from(c - b'0'));
                let (h, m) = (digit(h1)? * 10 + digit(h2)?, digit(m1)? * 10 + digit(m2)?);
                if h > 23 || m > 59 {
                    return None;
                }
                let minutes = h * 60 + m;
                if *sign == b'+' {
                    minutes * 60
                } else {
                    -minutes * 60
                }
            }
            _ => return None,
        };
        let atto = fraction
            .iter()
            .chain(std::iter::repeat(&b'0'))
            .take(18)
            .fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
        // Local time minus the offset is UTC.
        Some(Instant {
            seconds: unix - offset,
            atto,
        })
    }

    /// Unix seconds written as a number.
    pub fn from_epoch(text: &str) -> Option<Instant> {
        Decimal::parse(text)?.to_instant()
    }

    /// Whole seconds since the Unix epoch (rounded down).
    pub fn unix_seconds(&self) -> i64 {
        self.seconds
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap_or_else(|| panic!("{text}"))
    }

    #[test]
    fn decimals_compare_exactly() {
        assert!(d("9007199254740993") > d("9007199254740992"));
        assert!(d("18446744073709551617") > d("18446744073709551616"));
        assert!(d("-9007199254740993") < d("-9007199254740992"));
        assert!(d("0.1") < d("0.10000000000000000001"));
        assert!(d("123456789012345678901234567890.5") > d("123456789012345678901234567890.4"));
        for (a, b) in [
            ("10", "1e1"),
            ("20.5", "20.50"),
            ("1.0", "1"),
            ("100", "1E+2"),
            ("0.015", "1.5e-2"),
            ("-0", "0"),
            ("+7.", "7"),
            (".25", "0.25"),
            ("0", "0e99"),
            ("000123", "123"),
        ] {
            assert_eq!(d(a), d(b), "{a} = {b}");
        }
        let mut sorted = [
            "-10", "-9.5", "-1e-3", "0", "1e-3", "0.5", "2", "10", "1e20",
        ]
        .map(d)
        .to_vec();
        let expected = sorted.clone();
        sorted.reverse();
        sorted.sort();
        assert_eq!(sorted, expected);
        for bad in [
            "",
            "-",
            "+",
            ".",
            "e5",
            "1e",
            "1e+",
            "--1",
            "1.2.3",
            "inf",
            "NaN",
            "0x10",
            "1 ",
            " 1",
            "1e1234567890",
            "١٢",
        ] {
            assert_eq!(Decimal::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn instants_keep_fractional_seconds() {
        let t = |s: &str| Instant::parse(s).unwrap_or_else(|| panic!("{s}"));
        assert!(t("2019-08-12T09:00:00.5Z") > t("2019-08-12T09:00:00Z"));
        assert!(t("2019-08-12T09:00:00.000000000000000001Z") > t("2019-08-12T09:00:00Z"));
        assert_eq!(
            t("2019-08-12T09:00:00.500Z"),
            t("2019-08-12T17:00:00.5+08:00")
        );
        assert_eq!(t("2019-08-12T09:00:00.0Z"), t("2019-08-12T09:00:00Z"));
        assert_eq!(
            Instant::parse("2019-08-12T09:00:00.0000000000000000001Z"),
            None
        );
        assert_eq!(t("1970-01-02").unix_seconds(), 86_400);
        assert_eq!(t("86400"), t("1970-01-02T00:00:00Z"));
        let epoch = |s: &str| Instant::from_epoch(s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!(epoch("86400.5"), t("1970-01-02T00:00:00.5Z"));
        assert_eq!(epoch("8.64e4"), t("1970-01-02T00:00:00Z"));
        assert_eq!(epoch("-0.5"), t("1969-12-31T23:59:59.5Z"));
        assert_eq!(epoch("-1"), t("1969-12-31T23:59:59Z"));
        assert_eq!(Instant::from_epoch("1e15"), None);
    }
}
