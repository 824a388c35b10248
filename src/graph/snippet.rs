//! Search matches inside a text: every occurrence of the searched words (to
//! highlight them) and a snippet that keeps the first match in view with
//! context on both sides (for result lists).

use std::ops::Range;

use super::query::find_case_insensitive;

/// Words shorter than this (in characters) are not highlighted on their own.
const MIN_WORD: usize = 2;

/// Byte ranges of every case-insensitive occurrence of the searched words
/// in `text` (the whole query, and each of its words), in text order, merged
/// where they overlap.
#[must_use]
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let query = query.trim().to_lowercase();
    let mut needles: Vec<&str> = query.split_whitespace().filter(|w| w.chars().count() >= MIN_WORD).collect();
    if !query.is_empty() && !needles.contains(&query.as_str()) {
        needles.push(&query);
    }
    let mut found: Vec<Range<usize>> = Vec::new();
    for needle in needles {
        let mut at = 0;
        while let Some(r) = text.get(at..).and_then(|rest| find_case_insensitive(rest, needle)) {
            let r = at + r.start..at + r.end;
            if r.is_empty() {
                break;
            }
            at = r.end;
            found.push(r);
        }
    }
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for r in found {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// A part of a text around a match: `before` and `after` are up to about
/// `context` characters each, cut at word boundaries, with "…" where text
/// was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// Text before the match ("…" first if cut).
    pub before: String,
    /// The match itself.
    pub hit: String,
    /// Text after it ("…" last if cut).
    pub after: String,
}

/// The first match of `query` in `text` with about `context` characters of
/// context on each side; `None` without a match.
#[must_use]
pub fn snippet(text: &str, query: &str, context: usize) -> Option<Snippet> {
    let r = find_all(text, query).into_iter().next()?;
    let (head, hit, tail) = (&text[..r.start], &text[r.start..r.end], &text[r.end..]);
    // Before: the last `context` characters, from a word start.
    let chars: Vec<(usize, char)> = head.char_indices().collect();
    let before = if chars.len() <= context {
        head.to_owned()
    } else {
        let cut = chars[chars.len() - context].0;
        let from = head[cut..].find(' ').map_or(cut, |s| cut + s + 1);
        format!("…{}", &head[from..])
    };
    let after = match tail.char_indices().nth(context) {
        None => tail.to_owned(),
        Some((cut, _)) => {
            let to = tail[..cut].rfind(' ').unwrap_or(cut);
            format!("{}…", &tail[..to])
        }
    };
    Some(Snippet { before, hit: hit.to_owned(), after })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "We recall General Assembly resolution 69/166 on the right to privacy in the digital age, \
                        and note with concern that surveillance of communications, their interception and the \
                        collection of personal data may violate or abuse human rights.";

    #[test]
    fn every_occurrence_of_every_word_is_found_case_insensitively() {
        let found = find_all(TEXT, "Privacy");
        assert_eq!(found.iter().map(|r| &TEXT[r.clone()]).collect::<Vec<_>>(), ["privacy"]);
        let found = find_all(TEXT, "the  DATA");
        let words: Vec<&str> = found.iter().map(|r| &TEXT[r.clone()]).collect();
        assert_eq!(words.iter().filter(|w| **w == "the").count(), 4, "{words:?}");
        assert!(words.contains(&"data"));
        assert!(find_all(TEXT, "  ").is_empty());
        assert!(find_all(TEXT, "absent").is_empty());
        // Overlaps merge: the phrase and its words.
        let found = find_all("on human rights", "Human rights");
        assert_eq!(found, vec![3..15]);
    }

    #[test]
    fn a_snippet_keeps_the_match_with_context_on_both_sides() {
        let s = snippet(TEXT, "surveillance", 40).expect("a match");
        assert_eq!(s.hit, "surveillance");
        assert!(s.before.starts_with('…') && s.before.ends_with("that "), "{:?}", s.before);
        assert!(s.before.chars().count() <= 42 && s.before.chars().count() >= 25, "{:?}", s.before);
        assert!(s.after.starts_with(" of communications") && s.after.ends_with('…'), "{:?}", s.after);
        let s = snippet(TEXT, "recall", 40).expect("a match at the start");
        assert_eq!(s.before, "We ");
        assert!(snippet(TEXT, "nowhere", 40).is_none());
        let s = snippet("Éducation pour tous", "pour", 3).expect("non-ASCII text");
        assert_eq!((s.before.as_str(), s.hit.as_str(), s.after.as_str()), ("…", "pour", "…"));
    }
}
