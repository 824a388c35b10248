//! The layout of a UN document as a PDF's text layer gives it, cleaned
//! before the paragraph parser sees it.
//!
//! A text is read this way only when it opens with a masthead (`United
//! Nations`, the symbol, `Distr.: General`, a job number…) followed, within
//! the first lines, by the opening `The General Assembly,` (or another body).
//! Then:
//!
//! - the masthead gives the document's symbol (`A/RES/80/173`; or one made
//!   from a numbered title `78/213. …`) and its title: the lines between the
//!   masthead and the opening, without their `78/213.` number;
//! - page furniture is blanked wherever it falls, even inside a paragraph:
//!   *anchors* (the symbol, a job number `25-20874 (E)`, a page marker `2/20`,
//!   a barcode `*2520874*`) and the lines around them that repeat the title
//!   in pieces (the running header wraps it) or that repeat near anchors on
//!   two pages or more (a short title);
//! - a line of underscores starts a footnote block, which runs to the next
//!   page furniture: numbered notes (`1 Resolution 217 A (III).`) numbered
//!   through the document, with their continuation lines; they are taken out
//!   of the text and returned;
//! - the closing `NNth plenary meeting` line and a date after it are blanked.
//!
//! Blanked lines stay as empty lines, so line numbers in warnings still point
//! into the original text.
//!
//! # Complexity
//!
//! Linear in the text, except the repeat count, which hashes each line near
//! an anchor once.

use std::collections::HashMap;

/// The opening line is looked for within this many non-empty lines.
const MASTHEAD_MAX_LINES: usize = 60;
/// Lines around an anchor where a short title may repeat.
const HEADER_REACH: usize = 4;
/// At most this many words in a running-header line.
const HEADER_MAX_WORDS: usize = 12;
/// A footnote number has at most this many digits.
const NOTE_MAX_DIGITS: usize = 3;

/// A note under a line of underscores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    /// Its printed number.
    pub number: u32,
    /// Its text, lines joined.
    pub text: String,
    /// 0-based index of its first line.
    pub line: usize,
}

/// A UN document's text, cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    /// The symbol from the masthead.
    pub symbol: Option<String>,
    /// The title lines, joined.
    pub title: String,
    /// Every source line, furniture, masthead and notes blanked.
    pub lines: Vec<String>,
    /// Footnotes in order.
    pub notes: Vec<Note>,
}

/// Reads `text` as a UN document, or `None` when it has no masthead and
/// opening (then it is a plain text for the ordinary parser).
pub(crate) fn read(text: &str) -> Option<Layout> {
    let mut lines: Vec<String> = super::parse::split_lines(text).map(|(_, l)| clean_chars(l)).collect();
    let opening = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(MASTHEAD_MAX_LINES)
        .find(|(_, l)| is_opening(l.trim()))
        .map(|(i, _)| i)?;
    let head: Vec<&str> = lines.iter().take(opening).map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
    if !head.iter().any(|l| is_masthead(l)) {
        return None;
    }
    let symbol = masthead_symbol(&head);
    let (title, number) = title(&head);
    let symbol = symbol.or_else(|| number.map(|n| format!("A/RES/{n}")));
    for line in lines.iter_mut().take(opening + 1) {
        line.clear();
    }
    let mut layout = Layout { symbol, title, lines: Vec::new(), notes: Vec::new() };
    let furniture = furniture(&lines, layout.symbol.as_deref(), &layout.title);
    layout.notes = take_notes(&mut lines, &furniture);
    for (line, blank) in lines.iter_mut().zip(&furniture) {
        if *blank {
            line.clear();
        }
    }
    blank_closing(&mut lines);
    layout.lines = lines;
    Some(layout)
}

/// Characters a PDF gives that the parser and extractor should see plainly:
/// non-breaking and other hyphens become `-`.
pub(crate) fn clean_chars(line: &str) -> String {
    line.chars().map(|c| if matches!(c, '\u{2010}' | '\u{2011}') { '-' } else { c }).collect()
}

/// `The General Assembly,` and the like: `The`, at most six capitalised
/// words, a comma.
fn is_opening(line: &str) -> bool {
    let Some(body) = line.strip_prefix("The ").and_then(|r| r.strip_suffix(',')) else { return false };
    let words: Vec<&str> = body.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "and" | "of" | "on"))
}

/// A masthead line: `United Nations`, a symbol, a body, `Distr.: General`, a
/// date, a job number, the session and agenda item, "Resolution adopted by…",
/// a bracketed note, a barcode.
fn is_masthead(line: &str) -> bool {
    const STARTS: [&str; 9] = [
        "United Nations",
        "Distr.",
        "Original:",
        "Agenda item",
        "Resolution adopted by",
        "Decision adopted by",
        "Draft resolution",
        "[on the report",
        "[without reference",
    ];
    const BODIES: [&str; 4] =
        ["General Assembly", "Economic and Social Council", "Security Council", "Human Rights Council"];
    STARTS.iter().any(|s| line.starts_with(s))
        || BODIES.contains(&line)
        || line.split_whitespace().all(|t| is_symbol(t) || is_job_token(t) || is_barcode(t))
        || is_date(line)
        || (line.ends_with(" session") && line.split_whitespace().count() <= 4)
        || (line.starts_with('[') && line.ends_with(']'))
        || line.split_whitespace().next().is_some_and(is_symbol) && line.contains("Distr.")
}

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
fn is_job_token(token: &str) -> bool {
    if token.len() == 3 && token.starts_with('(') && token.ends_with(')') {
        return token.chars().nth(1).is_some_and(|c| c.is_ascii_uppercase());
    }
    token.split_once('-').is_some_and(|(a, b)| {
        a.len() == 2 && (4..=6).contains(&b.len()) && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
    })
}

/// `*2520874*`.
fn is_barcode(token: &str) -> bool {
    token.len() > 2
        && token.starts_with('*')
        && token.ends_with('*')
        && token.trim_matches('*').bytes().all(|c| c.is_ascii_alphanumeric())
}

/// `2/20`: a page of a page count.
fn is_page_marker(token: &str) -> bool {
    token.split_once('/').is_some_and(|(a, b)| {
        (1..=4).contains(&a.len())
            && (1..=4).contains(&b.len())
            && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
            && a.parse::<u32>().ok() <= b.parse::<u32>().ok()
    })
}

/// `22 December 2023`.
fn is_date(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.as_slice() {
        [day, month, year] => {
            day.len() <= 2
                && day.bytes().all(|c| c.is_ascii_digit())
                && super::MONTHS.contains(month)
                && year.len() == 4
                && year.bytes().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// The document's symbol: the first masthead token that is one, preferring
/// a resolution symbol.
fn masthead_symbol(head: &[&str]) -> Option<String> {
    let symbols: Vec<&str> = head
        .iter()
        .filter(|l| is_masthead(l))
        .flat_map(|l| l.split_whitespace())
        .filter(|t| is_symbol(t) && !t.starts_with('('))
        .collect();
    symbols.iter().find(|s| s.contains("/RES/")).or(symbols.first()).map(|s| (*s).to_owned())
}

/// The title: the run of non-masthead lines right before the opening (or
/// the last such run), without a leading `78/213.`, which is returned apart.
fn title(head: &[&str]) -> (String, Option<String>) {
    let mut runs: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in head {
        if is_masthead(line) {
            if !current.is_empty() {
                runs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    let joined = runs.last().map(|r| r.join(" ")).unwrap_or_default();
    let joined: String = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    // `78/213. Information and…`
    if let Some((number, rest)) = joined.split_once(". ")
        && let Some((session, n)) = number.split_once('/')
        && !session.is_empty()
        && !n.is_empty()
        && session.bytes().chain(n.bytes()).all(|c| c.is_ascii_digit())
    {
        return (rest.to_owned(), Some(number.to_owned()));
    }
    (joined, None)
}

/// A lowercase word list for comparing running headers with the title.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `line`'s words occur, in order and together, in the title.
fn title_piece(line: &[String], title: &[String]) -> bool {
    !line.is_empty() && line.len() <= title.len() && title.windows(line.len()).any(|w| w == line)
}

/// A line that is page furniture by itself: every token an anchor.
fn is_anchor(line: &str, symbol: Option<&str>) -> bool {
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

/// For each line, whether it is page furniture.
fn furniture(lines: &[String], symbol: Option<&str>, title: &str) -> Vec<bool> {
    let anchors: Vec<bool> = lines.iter().map(|l| is_anchor(l.trim(), symbol)).collect();
    let title_words = words(title);
    let headerish = |l: &str| {
        let t = l.trim();
        !t.is_empty()
            && t.split_whitespace().count() <= HEADER_MAX_WORDS
            && !t.ends_with(['.', ',', ';', ':'])
            && t.chars().any(char::is_alphabetic)
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
    let mut out = anchors.clone();
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
                if !blank && let Some(slot) = out.get_mut(next) {
                    *slot = true;
                }
                j = next;
            }
        }
    }
    out
}

/// A line of underscores (at least five).
fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 5 && t.chars().all(|c| c == '_' || c == ' ')
}

/// `12 Text…`: a note number and the text after it.
fn note_start(line: &str) -> Option<(u32, &str)> {
    let t = line.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > NOTE_MAX_DIGITS {
        return None;
    }
    let (number, rest) = t.split_at(digits);
    let rest = rest.strip_prefix(char::is_whitespace)?.trim_start();
    rest.chars()
        .next()
        .is_some_and(|c| !c.is_ascii_digit())
        .then(|| (number.parse().ok(), rest))
        .and_then(|(n, r)| Some((n?, r)))
}

/// Takes the footnote blocks out of `lines` (blanking them).
fn take_notes(lines: &mut [String], furniture: &[bool]) -> Vec<Note> {
    let mut notes: Vec<Note> = Vec::new();
    let mut in_block = false;
    for (i, line) in lines.iter_mut().enumerate() {
        if furniture.get(i).copied().unwrap_or(false) {
            in_block = false;
            continue;
        }
        if is_separator(line) {
            in_block = true;
            line.clear();
            continue;
        }
        if !in_block || line.trim().is_empty() {
            continue;
        }
        let expected = notes.last().map_or(1, |n| n.number.saturating_add(1));
        match note_start(line) {
            Some((n, rest)) if n == expected || (notes.is_empty() && n > 0) => {
                notes.push(Note { number: n, text: rest.split_whitespace().collect::<Vec<_>>().join(" "), line: i });
            }
            _ => {
                if let Some(note) = notes.last_mut() {
                    join_line(&mut note.text, line);
                }
            }
        }
        line.clear();
    }
    notes
}

/// Appends a line to `buf`: a word hyphenated at the end of the previous
/// line joins the next lower-case word (`knowledge-` `sharing`).
pub(crate) fn join_line(buf: &mut String, line: &str) {
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return;
    }
    let hyphen = buf.ends_with('-') && buf.chars().rev().nth(1).is_some_and(char::is_alphabetic);
    if !(buf.is_empty() || hyphen && line.starts_with(char::is_lowercase)) {
        buf.push(' ');
    }
    buf.push_str(&line);
}

/// Blanks `NNth plenary meeting` and a date line right after it.
fn blank_closing(lines: &mut [String]) {
    let mut after_plenary = false;
    for line in lines.iter_mut() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.to_ascii_lowercase().ends_with("plenary meeting") && t.split_whitespace().count() <= 4 {
            line.clear();
            after_plenary = true;
        } else if after_plenary && is_date(t) {
            line.clear();
            after_plenary = false;
        } else {
            after_plenary = false;
        }
    }
}

/// Where the marker of footnote `n` stands in `text` from byte `from`: a
/// number glued to a word or punctuation (`Society.5`, `Rights,3`) or to a
/// year (`20219` = 2021 + note 9), and not followed by another digit.
/// Returns the marker's byte range.
pub(crate) fn find_marker(text: &str, from: usize, n: u32) -> Option<std::ops::Range<usize>> {
    let digits = n.to_string();
    let rest = text.get(from..)?;
    for (offset, _) in rest.match_indices(digits.as_str()) {
        let start = from + offset;
        let end = start + digits.len();
        if text.get(end..).and_then(|r| r.chars().next()).is_some_and(|c| c.is_ascii_digit() || c.is_alphabetic()) {
            continue;
        }
        let before = text.get(..start).unwrap_or_default();
        let Some(prev) = before.chars().next_back() else { continue };
        let glued_to_word = prev.is_alphabetic() || matches!(prev, '.' | ',' | ';' | ':' | ')' | '”' | '’' | '"');
        // `2021` then `9`: exactly four digits before, a year, after a space.
        let run = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        let glued_to_year = run == 4
            && before.get(start - 4..).is_some_and(|y| y.starts_with("19") || y.starts_with("20"))
            && before.get(..start - 4).is_none_or(|b| b.is_empty() || b.ends_with(char::is_whitespace));
        if (glued_to_word && run == 0) || glued_to_year {
            return Some(start..end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_and_symbols() {
        assert!(is_symbol("A/RES/80/173"));
        assert!(is_symbol("A/67/65-E/2012/48"));
        assert!(is_symbol("E/CN.16/2018/CRP.3"));
        assert!(!is_symbol("and/or"));
        assert!(!is_symbol("A/B"));
        assert!(is_anchor("2/20", None));
        assert!(is_anchor("25-20874 (E)", None));
        assert!(is_anchor("A/RES/80/173 3/20", Some("A/RES/80/173")));
        assert!(!is_anchor("2015", None));
        assert!(!is_anchor("In 2/3 of cases", None));
    }

    #[test]
    fn markers_glued_to_words_and_years() {
        let t = "the Information Society.5 And on 7 October 20219 we met. SDG 5 and 15.";
        assert_eq!(find_marker(t, 0, 5).and_then(|r| t.get(..r.start)), Some("the Information Society."));
        let r = find_marker(t, 0, 9);
        assert_eq!(r.and_then(|r| t.get(..r.start)).map(|s| s.ends_with("October 2021")), Some(true));
        assert_eq!(find_marker("SDG 5 and 15 here", 0, 5), None);
        assert_eq!(find_marker("in 2021", 0, 1), None);
    }

    #[test]
    fn plain_texts_are_not_un_layout() {
        assert!(read("Title\nThe General Assembly,\n1. One.").is_none());
        assert!(read("").is_none());
    }

    #[test]
    fn note_numbers() {
        assert_eq!(note_start("1 Resolution 217 A (III)."), Some((1, "Resolution 217 A (III).")));
        assert_eq!(note_start("2015 was"), None);
        assert_eq!(note_start("12 3"), None);
    }
}
