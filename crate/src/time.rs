//! Calendar arithmetic for the timestamp formats the APIs use. The core reads no clock: every
//! instant comes in as an argument, as ISO 8601 UTC text or Unix seconds.

use crate::message::ContractMessage;

const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]; // 1970-01-01 was a Thursday
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A UTC instant with second precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct UtcTime {
    pub unix: i64,
}

impl UtcTime {
    /// Parses `YYYY-MM-DDThh:mm:ssZ` (the RPC `Timestamp` form; fractional seconds are accepted
    /// and dropped). Returns a message saying what was expected on failure.
    pub fn parse_iso8601(text: &str) -> Result<UtcTime, ContractMessage> {
        let expected = || ContractMessage::TimeIso {
            value: text.to_string(),
            example: "2026-01-01T00:00:00Z".to_string(),
        };
        let b = text.as_bytes();
        if b.len() < 20 || !text.ends_with('Z') {
            return Err(expected());
        }
        let num = |range: std::ops::Range<usize>| -> Option<i64> {
            let s = text.get(range)?;
            if s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        let seps = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
        if seps.iter().any(|&(i, c)| b[i] != c) {
            return Err(expected());
        }
        let Some(fraction) = text.get(19..text.len() - 1) else {
            return Err(expected());
        };
        if !(fraction.is_empty()
            || (fraction.len() >= 2
                && fraction.starts_with('.')
                && fraction[1..].bytes().all(|c| c.is_ascii_digit())))
        {
            return Err(expected());
        }
        let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) = (
            num(0..4),
            num(5..7),
            num(8..10),
            num(11..13),
            num(14..16),
            num(17..19),
        ) else {
            return Err(expected());
        };
        if !(1..=12).contains(&mo)
            || d < 1
            || d > days_in_month(y, mo)
            || h > 23
            || mi > 59
            || s > 59
        {
            return Err(ContractMessage::TimeCalendar {
                value: text.to_string(),
            });
        }
        Ok(UtcTime {
            unix: days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s,
        })
    }

    /// Parses an RFC 1123 date in GMT: `Thu, 17 Nov 2005 18:49:58 GMT` (the day name must match).
    pub fn parse_rfc1123(text: &str) -> Result<UtcTime, ContractMessage> {
        let expected = || ContractMessage::TimeRfc1123 {
            value: text.to_string(),
            example: "Thu, 17 Nov 2005 18:49:58 GMT".to_string(),
        };
        let parts: Vec<&str> = text.split(' ').collect();
        let [day, d, mon, y, hms, "GMT"] = parts.as_slice() else {
            return Err(expected());
        };
        let day = day.strip_suffix(',').ok_or_else(expected)?;
        let mo = MONTHS.iter().position(|m| m == mon).ok_or_else(expected)? as i64 + 1;
        let digits = |s: &str, n: usize| -> Option<i64> {
            (s.len() == n && s.bytes().all(|c| c.is_ascii_digit())).then(|| s.parse().ok())?
        };
        let (Some(d), Some(y)) = (digits(d, 2), digits(y, 4)) else {
            return Err(expected());
        };
        let t: Vec<&str> = hms.split(':').collect();
        let [h, mi, s] = t.as_slice() else {
            return Err(expected());
        };
        let (Some(h), Some(mi), Some(s)) = (digits(h, 2), digits(mi, 2), digits(s, 2)) else {
            return Err(expected());
        };
        if d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 59 {
            return Err(ContractMessage::TimeCalendar {
                value: text.to_string(),
            });
        }
        let time = UtcTime {
            unix: days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s,
        };
        if time.to_rfc1123()[..3] != *day {
            return Err(ContractMessage::TimeWeekday {
                value: text.to_string(),
                day: time.to_rfc1123()[..3].to_string(),
            });
        }
        Ok(time)
    }

    /// `YYYY-MM-DDThh:mm:ssZ`.
    pub fn to_iso8601(self) -> String {
        let (y, mo, d, h, mi, s) = self.fields();
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }

    /// `Thu, 17 Nov 2005 18:49:58 GMT`.
    pub fn to_rfc1123(self) -> String {
        let (y, mo, d, h, mi, s) = self.fields();
        let day = DAYS[self.unix.div_euclid(86_400).rem_euclid(7) as usize];
        let mon = MONTHS[(mo - 1) as usize];
        format!("{day}, {d:02} {mon} {y:04} {h:02}:{mi:02}:{s:02} GMT")
    }

    fn fields(self) -> (i64, i64, i64, i64, i64, i64) {
        let days = self.unix.div_euclid(86_400);
        let secs = self.unix.rem_euclid(86_400);
        let (y, mo, d) = civil_from_days(days);
        (y, mo, d, secs / 3600, secs / 60 % 60, secs % 60)
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_vector_dates() {
        let t = UtcTime::parse_rfc1123("Thu, 17 Nov 2005 18:49:58 GMT").unwrap();
        assert_eq!(t.to_iso8601(), "2005-11-17T18:49:58Z");
        assert_eq!(
            UtcTime::parse_iso8601("2016-02-23T12:46:24Z").unwrap().unix,
            1_456_231_584
        );
        assert_eq!(
            UtcTime {
                unix: 1_141_889_120
            }
            .to_rfc1123(),
            "Thu, 09 Mar 2006 07:25:20 GMT"
        );
    }

    #[test]
    fn round_trips_over_centuries() {
        for unix in (-2_208_988_800i64..4_102_444_800).step_by(86_399 * 37) {
            let t = UtcTime { unix };
            assert_eq!(UtcTime::parse_iso8601(&t.to_iso8601()).unwrap(), t);
            assert_eq!(UtcTime::parse_rfc1123(&t.to_rfc1123()).unwrap(), t);
        }
    }

    #[test]
    fn rejects_bad_text() {
        for bad in [
            "",
            "2026-02-30T00:00:00Z",
            "2026-01-01 00:00:00Z",
            "2026-01-01T00:00:00",
            "2026-01-01T24:00:00Z",
            "2026-01-01T00:00:00.Z",
            "２０２６-01-01T00:00:00Z",
        ] {
            assert!(UtcTime::parse_iso8601(bad).is_err(), "{bad}");
        }
        for bad in [
            "Fri, 17 Nov 2005 18:49:58 GMT",
            "Thu, 17 Nov 2005 18:49:58 UTC",
            "Thu, 7 Nov 2005 18:49:58 GMT",
            "Thu 17 Nov 2005 18:49:58 GMT",
        ] {
            assert!(UtcTime::parse_rfc1123(bad).is_err(), "{bad}");
        }
    }
}
