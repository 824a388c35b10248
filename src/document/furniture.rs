//! Page furniture: what frames a page and is no part of the text — the
//! document symbol, the job number (`25-20874 (E)`), the page marker
//! (`2/20`), the bar code (`*2520874*`), and the running header around them
//! (the title, wrapped over up to four lines, or a short title such as
//! `The Pact for the Future`), wherever it falls, even mid-sentence.
//!
//! *Anchors* are lines made only of such tokens; a block grows from each
//! anchor over blanks, other anchors and header lines: lines that repeat the
//! title in pieces, or that stand near anchors on two pages or more. A
//! plain text without anchors keeps the older, line-by-line rule
//! ([`is_page_furniture`]).
//!
//! # Complexity
//!
//! Linear in the text, except the repeat count, which hashes each line near
//! an anchor once.

use std::collections::HashMap;

use super::reading::Furniture;

/// Lines around an anchor where a short title may repeat.
const HEADER_REACH: usize = 4;
/// At most this many words in a running-header line.
const HEADER_MAX_WORDS: usize = 12;

/// A UN symbol: capitals, then `/`-separated parts with a digit somewhere:
/// `A/RES/80/173`, `A/67/65-E/2012/48`, `E/CN.16/2018/CRP.3`.
pub(crate) fn is_symbol(token: &str) -> bool {
    let token = token.trim_end_matches([',', ';', '.']);
    let Some((first, rest)) = token.split_once('/') else { return false };
    !first.is_empty()
        && first.len() <= 4
        && first.chars().all(|c| c.is_ascii_uppercase())
        && !rest.is_empty()
        && rest.chars().any(|c| c.is_ascii_digit())
        && rest.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-' | '(' | ')'))
}

/// `25-20874` and the `(E)` after it.
pub(super) fn is_job_token(token: &str) -> bool {
    if token.len() == 3 && token.starts_with('(') && token.ends_with(')') {
        return token.chars().nth(1).is_some_and(|c| c.is_ascii_uppercase());
    }
    token.split_once('-').is_some_and(|(a, b)| {
        a.len() == 2 && (4..=6).contains(&b.len()) && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
    })
}

/// `*2520874*`.
pub(super) fn is_barcode(token: &str) -> bool {
    token.len() > 2
        && token.starts_with('*')
        && token.ends_with('*')
        && token.trim_matches('*').bytes().all(|c| c.is_ascii_alphanumeric())
}

/// `2/20`: a page of a page count.
pub(super) fn is_page_marker(token: &str) -> bool {
    token.split_once('/').is_some_and(|(a, b)| {
        (1..=4).contains(&a.len())
            && (1..=4).contains(&b.len())
            && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
            && a.parse::<u32>().ok() <= b.parse::<u32>().ok()
    })
}

/// A lowercase word list for comparing running headers with the title.
pub(super) fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `line`'s words occur, in order and together, in the title.
pub(super) fn title_piece(line: &[String], title: &[String]) -> bool {
    !line.is_empty() && line.len() <= title.len() && title.windows(line.len()).any(|w| w == line)
}

/// A line that is page furniture by itself: every token an anchor.
pub(super) fn is_anchor(line: &str, symbol: Option<&str>) -> bool {
    let mut tokens = line.split_whitespace().peekable();
    tokens.peek().is_some()
        && tokens.all(|t| {
            Some(t) == symbol
                || is_job_token(t)
                || is_barcode(t)
                || is_page_marker(t)
                || t == "Please"
                || t == "recycle"
        })
}

/// What kind of anchor a line is: the kind of its first token.
fn anchor_kind(line: &str, symbol: Option<&str>) -> Furniture {
    match line.split_whitespace().next() {
        Some(t) if Some(t) == symbol => Furniture::Symbol,
        Some(t) if is_job_token(t) => Furniture::JobNumber,
        Some(t) if is_barcode(t) => Furniture::Barcode,
        Some(t) if is_page_marker(t) => Furniture::PageMarker,
        _ => Furniture::Footer,
    }
}

/// For each line, the page furniture it is, if any.
pub(super) fn furniture(lines: &[&str], symbol: Option<&str>, title: &str) -> Vec<Option<Furniture>> {
    let anchors: Vec<bool> = lines.iter().map(|l| is_anchor(l.trim(), symbol)).collect();
    if !anchors.contains(&true) {
        return vec![None; lines.len()];
    }
    let title_words = words(title);
    let headerish = |l: &str| {
        let t = l.trim();
        !t.is_empty()
            && t.split_whitespace().count() <= HEADER_MAX_WORDS
            && !t.ends_with(['.', ',', ';', ':'])
            && t.chars().any(char::is_alphabetic)
            // A list item's letter alone on its line (`(k)`) is text.
            && !(t.starts_with('(') && t.ends_with(')') && t.chars().count() <= 6)
    };
    // Short titles: the same header-like line near anchors on two pages or more.
    // Per line text: on how many pages it stood near an anchor, and the last such page.
    let mut seen: HashMap<&str, (usize, Option<usize>)> = HashMap::new();
    let mut last_anchor = None;
    for (i, line) in lines.iter().enumerate() {
        let page = last_anchor;
        if anchors.get(i).copied().unwrap_or(false) {
            last_anchor = Some(i);
        }
        let close = anchors.iter().skip(i.saturating_sub(HEADER_REACH)).take(2 * HEADER_REACH + 1).any(|a| *a);
        if close && !anchors.get(i).copied().unwrap_or(false) && headerish(line) {
            let entry = seen.entry(line.trim()).or_insert((0, None));
            if entry.0 == 0 || entry.1 != page {
                entry.0 += 1;
                entry.1 = page;
            }
        }
    }
    let near: HashMap<&str, usize> = seen.into_iter().map(|(k, (n, _))| (k, n)).collect();
    let pieces: Vec<bool> = lines
        .iter()
        .map(|l| headerish(l) && (near.get(l.trim()).is_some_and(|&n| n >= 2) || title_piece(&words(l), &title_words)))
        .collect();
    let multi = |i: usize| {
        pieces.get(i).copied().unwrap_or(false)
            && (lines.get(i).is_some_and(|l| l.split_whitespace().nth(1).is_some())
                || near.get(lines.get(i).map_or("", |l| l.trim())).is_some_and(|&n| n >= 2))
    };
    let mut out: Vec<Option<Furniture>> =
        lines.iter().zip(&anchors).map(|(l, a)| a.then(|| anchor_kind(l.trim(), symbol))).collect();
    for (i, anchor) in anchors.iter().enumerate() {
        if !*anchor {
            continue;
        }
        // Grow the block both ways over blanks, anchors and header pieces.
        for direction in [-1_isize, 1] {
            let mut j = i;
            while let Some(next) = j.checked_add_signed(direction)
                && let Some(line) = lines.get(next)
            {
                let blank = line.trim().is_empty();
                let piece = pieces.get(next).copied().unwrap_or(false);
                let single_ok =
                    piece && (multi(next) || next.checked_add_signed(direction).is_some_and(&multi) || multi(j));
                if !(blank || anchors.get(next).copied().unwrap_or(false) || single_ok) {
                    break;
                }
                if !blank
                    && let Some(slot) = out.get_mut(next)
                    && slot.is_none()
                {
                    *slot = Some(Furniture::RunningHeader);
                }
                j = next;
            }
        }
    }
    out
}

/// A line that only frames the page: a page number (`3`, `- 3 -`, `3/9`),
/// a document symbol (`A/RES/70/125`), a UN job number (`15-22047 (E)`).
pub(super) fn is_page_furniture(text: &str) -> Option<Furniture> {
    let numbers_only =
        text.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/' | '(' | ')'));
    let symbol = text.starts_with("A/") && !text.contains(char::is_whitespace);
    let mut tokens = text.split_whitespace();
    let job = tokens.next().is_some_and(|t| {
        t.split_once('-').is_some_and(|(a, b)| {
            a.len() == 2 && b.len() >= 4 && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
        })
    }) && tokens.nth(2).is_none();
    if job {
        Some(Furniture::JobNumber)
    } else if symbol {
        Some(Furniture::Symbol)
    } else if numbers_only {
        Some(Furniture::PageMarker)
    } else {
        None
    }
}

/// A lone `continued` page-furniture line.
pub(super) fn is_continued(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c == '(' || c == ')' || c == '.' || c.is_whitespace());
    ["continued", "cont", "cont'd", "continued on next page"].iter().any(|w| t.eq_ignore_ascii_case(w))
}
