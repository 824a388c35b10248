//! Fresh ids and RFC 3339 timestamps, from the standard library alone.
//!
//! Ids look like `a-674a1b2c-9f3e11d0`: the creation time in seconds (hex)
//! and 32 bits from std's per-process random hasher keys mixed with a
//! counter, so two ids made in the same second, or by two processes, differ.
//! [`AnnotationSet`](super::AnnotationSet) still checks uniqueness on insert.

use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// A new id `<prefix>-<seconds hex>-<random hex>`.
#[must_use]
pub fn fresh_id(prefix: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let elapsed = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(elapsed.as_nanos());
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u32(std::process::id());
    let random = hasher.finish();
    format!("{prefix}-{:08x}-{:08x}", elapsed.as_secs(), (random ^ (random >> 32)) as u32)
}

/// The current time as an RFC 3339 UTC string with second precision:
/// `2026-11-28T17:23:44Z`.
#[must_use]
pub fn now_rfc3339() -> String {
    format_rfc3339(SystemTime::now())
}

/// Formats a time as RFC 3339 UTC (`YYYY-MM-DDTHH:MM:SSZ`). Times before
/// 1970 are clamped to the epoch.
#[must_use]
pub fn format_rfc3339(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let days = secs / 86_400;
    let rest = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, (rest % 3600) / 60, rest % 60)
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// Whether `s` is an RFC 3339 date-time (`2015-12-16T10:00:00Z`,
/// `2015-12-16T10:00:00.5+01:00`): four-digit year, a real calendar day,
/// hours 00–23, minutes 00–59, seconds 00–60 (leap second), optional
/// fraction, and `Z` or a `±HH:MM` offset.
#[must_use]
pub fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        part.iter().try_fold(0u32, |acc, d| acc.checked_mul(10)?.checked_add(u32::from(d - b'0')))
    };
    let at = |i: usize, c: &[u8]| b.get(i).is_some_and(|x| c.contains(x));
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) =
        (num(0..4), num(5..7), num(8..10), num(11..13), num(14..16), num(17..19))
    else {
        return false;
    };
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt") && at(13, b":") && at(16, b":")) {
        return false;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    if day == 0 || day > month_days || hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut i = 19;
    if at(i, b".") {
        let digits = b.get(i + 1..).map_or(0, |rest| rest.iter().take_while(|c| c.is_ascii_digit()).count());
        if digits == 0 {
            return false;
        }
        i += 1 + digits;
    }
    match b.get(i) {
        Some(b'Z' | b'z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            i + 6 == b.len()
                && at(i + 3, b":")
                && num(i + 1..i + 3).is_some_and(|h| h <= 23)
                && num(i + 4..i + 6).is_some_and(|m| m <= 59)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        // WSIS+10 outcome adopted 16 December 2015.
        let t = UNIX_EPOCH + Duration::from_secs(1_450_260_000);
        assert_eq!(format_rfc3339(t), "2015-12-16T10:00:00Z");
        // A leap day.
        let t = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(format_rfc3339(t), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn now_is_valid_rfc3339() {
        assert!(is_rfc3339(&now_rfc3339()));
    }

    #[test]
    fn accepts_and_rejects_rfc3339() {
        for ok in [
            "2015-12-16T10:00:00Z",
            "2015-12-16t10:00:00.123z",
            "2016-02-29T23:59:60+01:00",
            "2015-12-16T10:00:00-05:30",
        ] {
            assert!(is_rfc3339(ok), "{ok}");
        }
        for bad in [
            "",
            "2015-12-16",
            "2015-12-16 10:00:00Z",
            "2015-02-29T10:00:00Z",
            "2015-13-01T10:00:00Z",
            "2015-12-16T24:00:00Z",
            "2015-12-16T10:00:00",
            "2015-12-16T10:00:00.Z",
            "2015-12-16T10:00:00+1:00",
            "2015-12-16T10:00:00Zjunk",
            "２０15-12-16T10:00:00Z",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }

    #[test]
    fn fresh_ids_differ_and_have_the_prefix() {
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| fresh_id("a")).collect();
        assert_eq!(ids.len(), 1000);
        assert!(ids.iter().all(|id| id.starts_with("a-") && id.len() == 19));
    }
}
