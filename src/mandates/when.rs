//! When a mandate is due, how often it recurs and when it ends, read from
//! the clause's own words: `by 2030`, `no later than July 2026`, `in 2035`,
//! `at its eighty-first session` (a General Assembly session runs from
//! September to September: the eighty-first from September 2026 to August
//! 2027), `annually`, `every four years`, `until 2030`. What cannot be
//! resolved to dates stays text ([`When::unresolved`]), never guessed.

use jiff::civil::Date;
use serde::Serialize;

use crate::analysis::deadlines;

/// Dates as `YYYY-MM-DD` in JSON.
fn serialize_date<S: serde::Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

/// When a mandate is due: the words, and the days they resolve to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    /// The words as written: `no later than July 2026`, `at its eighty-first session`.
    pub quote: String,
    /// The first day of the period named (`in 2035` → 2035-01-01; a session →
    /// its September), or `None` for a deadline (`by 2030`: any time before).
    #[serde(serialize_with = "serialize_date")]
    pub from: Option<Date>,
    /// The last day it may fall on (`by 2030` → 2030-12-31, `no later than
    /// July 2026` → 2026-07-31, the eighty-first session → 2027-08-31).
    #[serde(serialize_with = "serialize_date")]
    pub to: Option<Date>,
}

impl Due {
    /// The year it is due by (of [`Due::to`]).
    #[must_use]
    pub fn year(&self) -> Option<i16> {
        self.to.map(|d| d.year())
    }
}

/// What the clause says of time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct When {
    /// The first date or General Assembly session the clause names, resolved.
    pub due: Option<Due>,
    /// How often, in years (`annually` → 1, `biennial` → 2, `every four years` → 4).
    pub every_years: Option<u8>,
    /// The words that say how often (`biennial`, `on an annual basis`).
    pub periodicity: Option<String>,
    /// An end or a review of the mandate itself: `until 2030`, `review in 2035`.
    pub ends: Option<String>,
    /// Time words the reader could not resolve to dates
    /// (`at its twenty-ninth session` of a body other than the General Assembly).
    pub unresolved: Vec<String>,
}

/// The document's own General Assembly session: from its symbol
/// (`A/RES/78/132` → 78, `A/C.2/80/L.5` → 80) or its masthead
/// (`Eightieth session`).
#[must_use]
pub fn document_session(symbol: Option<&str>, session: Option<&str>) -> Option<u16> {
    let from_symbol = symbol.and_then(|s| {
        let mut parts = s.split('/');
        if parts.next()? != "A" {
            return None;
        }
        parts.find_map(|p| p.parse::<u16>().ok())
    });
    from_symbol.or_else(|| {
        let words: Vec<&str> = session?.split_whitespace().collect();
        words.iter().find_map(|w| ordinal(w))
    })
}

/// Reads the time words of `text` (a clause). `session` is the document's
/// own General Assembly session, for `at its next session`. The due date
/// is the first date the clause names.
#[must_use]
pub fn read(text: &str, session: Option<u16>) -> When {
    read_preferring(text, session, &[])
}

/// [`read`], the due date being the session of a report's destination
/// when `reports_to` names one (`to the General Assembly at its
/// seventy-sixth session`), rather than an earlier date in the clause
/// (`a group … to be established in 2019`).
#[must_use]
pub fn read_preferring(text: &str, session: Option<u16>, reports_to: &[String]) -> When {
    let words = words(text);
    let mut when = When::default();
    let mut candidates: Vec<(usize, Due)> = Vec::new();
    for d in deadlines::deadlines(text) {
        let lead = d.quote.split_whitespace().next().unwrap_or_default().to_lowercase();
        if lead == "until" {
            when.ends.get_or_insert_with(|| d.quote.clone());
            continue;
        }
        let Some((from, to)) = period_of(&d.quote) else { continue };
        let due = if lead == "in" {
            Due { quote: d.quote.clone(), from: Some(from), to: Some(to) }
        } else {
            Due { quote: d.quote.clone(), from: None, to: Some(to) }
        };
        candidates.push((d.span.start, due));
    }
    for (start, quote, resolved) in sessions(text, &words, session) {
        match resolved {
            Some(n) => {
                let (from, to) = session_period(n);
                if quote.to_lowercase().starts_with("until") {
                    when.ends.get_or_insert(quote);
                } else {
                    candidates.push((start, Due { quote, from: Some(from), to: Some(to) }));
                }
            }
            None => when.unresolved.push(quote),
        }
    }
    candidates.sort_by_key(|(start, due)| (!reports_to.iter().any(|r| r.ends_with(&due.quote)), *start));
    when.due = candidates.into_iter().next().map(|(_, due)| due);
    if let Some((years, quote)) = periodicity(&words, text) {
        when.every_years = Some(years);
        when.periodicity = Some(quote);
    }
    if when.ends.is_none() {
        when.ends = review_in(text, &words);
    }
    when
}

/// The first and last day of the date written after a deadline's lead
/// (`2030`, `July 2026`, `31 December 2017`, `May 5, 2019`).
fn period_of(quote: &str) -> Option<(Date, Date)> {
    let tokens: Vec<String> =
        quote.split(|c: char| c.is_whitespace() || c == ',').filter(|t| !t.is_empty()).map(str::to_lowercase).collect();
    let year: i16 = tokens.last()?.parse().ok()?;
    let month = tokens
        .iter()
        .find_map(|t| crate::document::MONTHS.iter().position(|m| m.eq_ignore_ascii_case(t)))
        .and_then(|m| i8::try_from(m + 1).ok());
    let day = tokens
        .iter()
        .rev()
        .skip(1)
        .find_map(|t| t.parse::<i8>().ok())
        .filter(|d| (1..=31).contains(d) && month.is_some());
    match (month, day) {
        (Some(m), Some(d)) => {
            let date = Date::new(year, m, d).ok()?;
            Some((date, date))
        }
        (Some(m), None) => {
            let first = Date::new(year, m, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        _ => Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?)),
    }
}

/// The days of General Assembly session `n`: it opens in September of
/// 1945 + n and the next opens a year later (the eightieth: September 2025
/// to August 2026).
#[must_use]
pub fn session_period(n: u16) -> (Date, Date) {
    let year = i16::try_from(1945 + u32::from(n)).unwrap_or(i16::MAX - 1);
    let from = Date::new(year, 9, 1).unwrap_or(Date::MIN);
    let to = Date::new(year.saturating_add(1), 8, 31).unwrap_or(Date::MAX);
    (from, to)
}

/// A word of the clause, lower case, with its byte range.
struct Word {
    start: usize,
    end: usize,
    lower: String,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let wordy = c.is_alphanumeric() || (start.is_some() && (c == '-' || c == '‑'));
        match (wordy, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let lower = text.get(s..i).unwrap_or_default().to_lowercase().replace('‑', "-");
                out.push(Word { start: s, end: i, lower });
            }
            _ => {}
        }
    }
    out
}

const UNIT_ORDINALS: [&str; 9] = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
const TEENS: [&str; 10] = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const TENS_ORDINALS: [&str; 8] =
    ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

/// An ordinal written out (`eighty-first`, `eightieth`, `twenty-ninth`) or
/// in figures (`81st`), from 1 to 99; also a plain cardinal after
/// `session` is not read here.
#[must_use]
pub fn ordinal(word: &str) -> Option<u16> {
    let w = word.to_lowercase().replace('‑', "-");
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let suffix = &w[digits.len()..];
        return matches!(suffix, "st" | "nd" | "rd" | "th").then(|| digits.parse().ok()).flatten();
    }
    let position = |list: &[&str], w: &str| list.iter().position(|x| *x == w).and_then(|p| u16::try_from(p).ok());
    if let Some(u) = position(&UNIT_ORDINALS, w) {
        return Some(u + 1);
    }
    if let Some(t) = position(&TEENS, w) {
        return Some(t + 10);
    }
    if let Some(t) = position(&TENS_ORDINALS, w) {
        return Some(20 + 10 * t);
    }
    let (tens, unit) = w.split_once('-')?;
    let t = position(&TENS, tens)?;
    let u = position(&UNIT_ORDINALS, unit)?;
    Some(20 + 10 * t + u + 1)
}

/// Bodies whose sessions are not the General Assembly's: `at its
/// twenty-ninth session` after one of these is left unresolved.
const OTHER_BODIES: &[&str] = &["commission", "council", "board", "committee", "conference", "forum", "assembly"];

/// Session phrases: `at its eighty-first session`, `during its
/// eighty-second session`, `the eighty-first session of the General
/// Assembly`, `at its next session`, `until its eighty-fifth session`.
/// Each with its start, its words and the General Assembly session it
/// names when that can be told: the session of another body (a
/// commission's twenty-ninth) and an ordinal of no Assembly session
/// (before the seventieth, when the WSIS process already ran, only with
/// `General Assembly` written) stay unresolved.
fn sessions(text: &str, words: &[Word], own: Option<u16>) -> Vec<(usize, String, Option<u16>)> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.lower != "session" {
            continue;
        }
        let Some(prev) = i.checked_sub(1).and_then(|k| words.get(k)) else { continue };
        let number = match prev.lower.as_str() {
            "next" | "following" => own.map(|s| s + 1),
            "current" | "present" => own,
            other => ordinal(other),
        };
        let relative = matches!(prev.lower.as_str(), "next" | "following" | "current" | "present");
        if number.is_none() && !relative {
            continue;
        }
        // The words before the ordinal: `at its`, `during its`, `the`, `until its`.
        let lead_start = i.saturating_sub(3);
        let lead: Vec<&str> =
            words.get(lead_start..i - 1).unwrap_or_default().iter().map(|w| w.lower.as_str()).collect();
        let Some(its) = lead.iter().rposition(|w| matches!(*w, "its" | "the" | "their")) else { continue };
        let first = lead_start + its.saturating_sub(1);
        let first = if words
            .get(first)
            .is_some_and(|w| matches!(w.lower.as_str(), "at" | "during" | "until" | "by" | "to" | "of" | "in"))
        {
            first
        } else {
            lead_start + its
        };
        let mut end = w.end;
        // `the eighty-first session of the General Assembly`.
        let of_assembly = words.get(i + 1..i + 5).is_some_and(|n| {
            n.iter().map(|w| w.lower.as_str()).collect::<Vec<_>>() == ["of", "the", "general", "assembly"]
        });
        if of_assembly && let Some(last) = words.get(i + 4) {
            end = last.end;
        }
        let start = words.get(first).map_or(w.start, |w| w.start);
        let Some(quote) = text.get(start..end) else { continue };
        // Who holds the session: the nearest body named before it.
        let before = text.get(..start).unwrap_or_default().to_lowercase();
        let tail: String = before.chars().rev().take(120).collect::<Vec<_>>().into_iter().rev().collect();
        let assembly_named = of_assembly || tail.trim_end().ends_with("general assembly");
        // Only the words since the last comma: `to the Commission at its
        // thirtieth session`, not `through the Council, a report until its …`.
        let own = tail.rsplit([',', ';']).next().unwrap_or_default();
        let other_named = !assembly_named
            && own.split(|c: char| !c.is_alphanumeric()).rev().take(12).any(|w| OTHER_BODIES.contains(&w));
        let resolved = match number {
            Some(n) if assembly_named => Some(n),
            Some(n) if !other_named && (70..=120).contains(&n) => Some(n),
            _ => None,
        };
        out.push((start, quote.to_owned(), resolved));
    }
    out
}

/// How often: `annually`, `annual`, `every year`, `biennial(ly)`, `every
/// two years`, `triennial`, `quadrennial`, `every four years`, `on an annual basis`.
fn periodicity(words: &[Word], text: &str) -> Option<(u8, String)> {
    const SINGLE: &[(&str, u8)] = &[
        ("annually", 1),
        ("annual", 1),
        ("yearly", 1),
        ("biennially", 2),
        ("biennial", 2),
        ("triennially", 3),
        ("triennial", 3),
        ("quadrennially", 4),
        ("quadrennial", 4),
    ];
    const NUMBERS: &[(&str, u8)] = &[
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("ten", 10),
        ("2", 2),
        ("3", 3),
        ("4", 4),
        ("5", 5),
    ];
    for (i, w) in words.iter().enumerate() {
        if let Some((_, n)) = SINGLE.iter().find(|(s, _)| *s == w.lower) {
            // `annual` before `basis` reads as `on an annual basis`.
            let quote = if words.get(i + 1).is_some_and(|n| n.lower == "basis")
                && i >= 2
                && words.get(i - 2).is_some_and(|w| w.lower == "on")
            {
                words.get(i - 2).zip(words.get(i + 1)).and_then(|(a, b)| text.get(a.start..b.end))
            } else {
                text.get(w.start..w.end)
            };
            return Some((*n, quote.unwrap_or_default().to_owned()));
        }
        if matches!(w.lower.as_str(), "every" | "each") {
            let next = words.get(i + 1).map(|w| w.lower.as_str());
            if next == Some("year") {
                let q = words.get(i + 1).and_then(|e| text.get(w.start..e.end)).unwrap_or_default();
                return Some((1, q.to_owned()));
            }
            if let (Some(n), Some(last)) = (next.and_then(|n| NUMBERS.iter().find(|(s, _)| *s == n)), words.get(i + 2))
                && last.lower == "years"
            {
                return Some((n.1, text.get(w.start..last.end).unwrap_or_default().to_owned()));
            }
        }
    }
    None
}

/// `review … in 2035`: the word `review` and a year within the next
/// twenty words, as written.
fn review_in(text: &str, words: &[Word]) -> Option<String> {
    let at = words.iter().position(|w| w.lower == "review")?;
    let window = words.get(at + 1..(at + 21).min(words.len()))?;
    let year = window.windows(2).find(|p| {
        matches!(p[0].lower.as_str(), "in" | "by") && p[1].lower.len() == 4 && p[1].lower.parse::<u16>().is_ok()
    })?;
    text.get(words.get(at)?.start..year[1].end).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("eighty-first"), Some(81));
        assert_eq!(ordinal("eightieth"), Some(80));
        assert_eq!(ordinal("twenty-ninth"), Some(29));
        assert_eq!(ordinal("seventy‑ninth"), Some(79));
        assert_eq!(ordinal("81st"), Some(81));
        assert_eq!(ordinal("thirteenth"), Some(13));
        assert_eq!(ordinal("session"), None);
        assert_eq!(ordinal("8x"), None);
    }

    #[test]
    fn session_years_run_september_to_september() {
        let (from, to) = session_period(81);
        assert_eq!((from.to_string(), to.to_string()), ("2026-09-01".into(), "2027-08-31".into()));
    }

    #[test]
    fn document_sessions() {
        assert_eq!(document_session(Some("A/RES/78/132"), None), Some(78));
        assert_eq!(document_session(Some("A/C.2/80/L.5"), None), Some(80));
        assert_eq!(document_session(None, Some("Eightieth session")), Some(80));
        assert_eq!(document_session(Some("E/2020/1"), None), None);
    }
}
