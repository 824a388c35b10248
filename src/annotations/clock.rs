//! Fresh ids and RFC 3339 timestamps (times by `jiff`).
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

/// A stable 64-bit hash (FNV-1a) of `parts`, each followed by a 0xff
/// separator byte (which UTF-8 never contains), the same in every build
/// and process.
#[must_use]
pub fn stable_hash<'a>(parts: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// An id derived from a note's content (`<prefix>-<16 hex>`), for notes
/// imported without one: the same note imported twice gets the same id,
/// so the second import adds nothing. Two halves are hashed with different
/// seeds (128 bits in all, so distinct notes do not collide in practice).
#[must_use]
pub fn derived_id<'a>(prefix: &str, parts: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let first = stable_hash(parts.clone());
    let second = stable_hash(std::iter::once("wsis-atlas derived id").chain(parts));
    format!("{prefix}-{first:016x}{second:016x}")
}

/// The current time as an RFC 3339 UTC string with second precision:
/// `2026-11-28T17:23:44Z`.
#[must_use]
pub fn now_rfc3339() -> String {
    format_rfc3339(SystemTime::now())
}

/// Formats a time as RFC 3339 UTC (`YYYY-MM-DDTHH:MM:SSZ`, `jiff`'s
/// rendering of a whole-second timestamp). Times before 1970 are clamped to
/// the epoch.
#[must_use]
pub fn format_rfc3339(time: SystemTime) -> String {
    let epoch = jiff::Timestamp::UNIX_EPOCH;
    let t = jiff::Timestamp::try_from(time).unwrap_or(epoch).max(epoch);
    jiff::Timestamp::from_second(t.as_second()).unwrap_or(epoch).to_string()
}

/// A timestamp as a person reads it, to the minute:
/// `2026-11-28T17:05:00Z` → `2026-11-28 17:05` (anything else as it is).
#[must_use]
pub fn short_time(t: &str) -> String {
    match (t.get(..10), t.get(11..16)) {
        (Some(day), Some(hm)) => format!("{day} {hm}"),
        _ => t.to_owned(),
    }
}

/// Whether `s` is an RFC 3339 date-time (`2015-12-16T10:00:00Z`,
/// `2015-12-16T10:00:00.5+01:00`): four-digit year, a real calendar day,
/// hours 00–23, minutes 00–59, seconds 00–60 (leap second), optional
/// fraction, and `Z` or a `±HH:MM` offset.
///
/// `jiff` checks the date and time; the shape is checked here first, since
/// its ISO 8601 parser also takes what RFC 3339 does not (a space for the
/// `T`, no seconds, longer offsets).
#[must_use]
pub fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| b.get(range).is_some_and(|p| p.iter().all(u8::is_ascii_digit));
    let at = |i: usize, c: &[u8]| b.get(i).is_some_and(|x| c.contains(x));
    let date_time = digits(0..4)
        && at(4, b"-")
        && digits(5..7)
        && at(7, b"-")
        && digits(8..10)
        && at(10, b"Tt")
        && digits(11..13)
        && at(13, b":")
        && digits(14..16)
        && at(16, b":")
        && digits(17..19);
    if !date_time {
        return false;
    }
    let mut i = 19;
    if at(i, b".") {
        let n = b.get(i + 1..).map_or(0, |rest| rest.iter().take_while(|c| c.is_ascii_digit()).count());
        if n == 0 {
            return false;
        }
        i += 1 + n;
    }
    let offset_ok = match b.get(i) {
        Some(b'Z' | b'z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            i + 6 == b.len()
                && digits(i + 1..i + 3)
                && at(i + 3, b":")
                && digits(i + 4..i + 6)
                && s.get(i + 1..i + 3).is_some_and(|h| h <= "23")
                && s.get(i + 4..i + 6).is_some_and(|m| m <= "59")
        }
        _ => false,
    };
    // A leap second reads as the second before it (jiff does the same).
    let (Some(head), Some(second), Some(tail)) = (s.get(..17), s.get(17..19), s.get(19..)) else { return false };
    let second = if second == "60" { "59" } else { second };
    let normal = format!("{}T{}{second}{}", &head[..10], &head[11..], tail.to_ascii_uppercase());
    offset_ok && normal.parse::<jiff::Timestamp>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn short_times() {
        assert_eq!(short_time("2026-11-28T17:05:00Z"), "2026-11-28 17:05");
        assert_eq!(short_time("odd"), "odd");
    }

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
