//! Footnotes: a line of underscores opens a block of numbered notes
//! (`1 Resolution 217 A (III).`, numbered through the document, with their
//! continuation lines) that runs to the next page furniture, or to a blank
//! line not followed by the next note. Each note is attached to the
//! paragraph that holds its marker (`Rights.2`, `Disabilities 7`), and the
//! marker is taken out of the paragraph's text.

use super::reading::LineKind;
use super::{Document, Footnote, Paragraph, ParseWarning};

/// A footnote number has at most this many digits.
const NOTE_MAX_DIGITS: usize = 3;

/// A note under a line of underscores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Note {
    /// Its printed number.
    pub number: u32,
    /// Its text, lines joined.
    pub text: String,
    /// 0-based index of its first line.
    pub line: usize,
}

/// Finds the footnote blocks among the lines still unclassified (`None` in
/// `kinds`), marks their lines, and returns the notes in order.
pub(super) fn take_notes(lines: &[&str], kinds: &mut [Option<LineKind>]) -> Vec<Note> {
    let mut notes: Vec<Note> = Vec::new();
    // In a block: whether a blank line was just passed (then only the next
    // note may follow).
    let mut block: Option<bool> = None;
    for (i, line) in lines.iter().enumerate() {
        let Some(slot) = kinds.get_mut(i) else { break };
        if slot.is_some() {
            // Furniture ends a block.
            if matches!(slot, Some(LineKind::Furniture(_))) {
                block = None;
            }
            continue;
        }
        if is_separator(line) {
            block = Some(false);
            *slot = Some(LineKind::FootnoteRule);
            continue;
        }
        let Some(after_blank) = block else { continue };
        if line.trim().is_empty() {
            block = Some(true);
            continue;
        }
        let expected = notes.last().map_or(1, |n| n.number.saturating_add(1));
        match note_start(line) {
            Some((n, rest)) if n == expected || (notes.is_empty() && n > 0) => {
                notes.push(Note { number: n, text: rest.split_whitespace().collect::<Vec<_>>().join(" "), line: i });
                block = Some(false);
            }
            _ if !after_blank && !notes.is_empty() && notes.last().is_some_and(|n| n.line < i) => {
                if let Some(note) = notes.last_mut() {
                    join_line(&mut note.text, line);
                }
            }
            _ => {
                // Not a note: the block has ended and this is text again.
                block = None;
                continue;
            }
        }
        *slot = Some(LineKind::Footnote);
    }
    notes
}

/// A line of underscores (at least five).
pub(super) fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 5 && t.chars().all(|c| c == '_' || c == ' ')
}

/// `12 Text…`: a note number and the text after it.
pub(super) fn note_start(line: &str) -> Option<(u32, &str)> {
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

/// Words after which a number is the thing's own number, not a footnote
/// marker (`SDG 5`, `paragraphs 3 and 4`, `article 19`), lower-cased.
const NUMBERED_WORDS: [&str; 40] = [
    "sdg",
    "sdgs",
    "goal",
    "goals",
    "target",
    "targets",
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "article",
    "articles",
    "art",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "no",
    "nos",
    "vol",
    "chapter",
    "chap",
    "annex",
    "section",
    "part",
    "principle",
    "objective",
    "item",
    "items",
    "page",
    "pages",
    "and",
    "or",
    "to",
    "of",
    "through",
    "than",
    "by",
    "rule",
    "rules",
];

/// A footnote marker set apart by a space, as some PDF text layers give it
/// (`Disabilities 7 affirms`, `Framework. 10`, `2013, 4 28/34`): the number
/// `n` after a space that follows a word or closing punctuation, before the
/// end, a space or punctuation, and not after a word that numbers things
/// (see `NUMBERED_WORDS`). Returns the range of the space and the number,
/// so that removing it leaves one space between the words.
pub(super) fn find_spaced_marker(text: &str, from: usize, n: u32) -> Option<std::ops::Range<usize>> {
    let digits = n.to_string();
    let rest = text.get(from..)?;
    for (offset, _) in rest.match_indices(digits.as_str()) {
        let start = from + offset;
        let end = start + digits.len();
        let after = text.get(end..).unwrap_or_default();
        let next = after.chars().next();
        if next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '–' | '%'))
            || (next == Some('.') && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit()))
        {
            continue;
        }
        let Some(before) = text.get(..start).and_then(|b| b.strip_suffix(' ')) else { continue };
        let Some(prev) = before.chars().next_back() else { continue };
        if !(prev.is_alphabetic() || matches!(prev, '.' | ',' | ';' | ':' | ')' | '”' | '’' | '"')) {
            continue;
        }
        let word = before
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if NUMBERED_WORDS.contains(&word.as_str()) || word.chars().all(|c| c.is_ascii_digit()) && prev.is_alphanumeric()
        {
            continue;
        }
        return Some(start - 1..end);
    }
    None
}

/// Moves each note into the paragraph whose text holds its marker, searching
/// on from the previous marker (notes are numbered through the document) in
/// paragraphs that start before the note. The marker is removed from the
/// text. A note without a marker goes to the last paragraph before it.
pub(super) fn attach_notes(doc: &mut Document, notes: Vec<Note>) {
    let mut cursor = (0, 0);
    for note in notes {
        let search = |find: fn(&str, usize, u32) -> Option<std::ops::Range<usize>>| {
            for (index, paragraph) in doc.paragraphs.iter().enumerate().skip(cursor.0) {
                if paragraph.line > note.line + 1 {
                    break;
                }
                let from = if index == cursor.0 { cursor.1 } else { 0 };
                if let Some(range) = find(&paragraph.text, from, note.number) {
                    return Some((index, range));
                }
            }
            None
        };
        let found = search(find_marker).or_else(|| search(find_spaced_marker));
        let (index, at) = match found {
            Some((index, range)) => {
                if let Some(paragraph) = doc.paragraphs.get_mut(index) {
                    paragraph.text.replace_range(range.clone(), "");
                }
                cursor = (index, range.start);
                (index, range.start)
            }
            None => {
                let Some(index) = doc.paragraphs.iter().rposition(|p| p.line <= note.line + 1).or_else(|| {
                    // Before any paragraph: kept with the first one.
                    (!doc.paragraphs.is_empty()).then_some(0)
                }) else {
                    // No paragraph at all: the note gets one of its own, so it is not lost.
                    doc.warnings.push(ParseWarning {
                        line: note.line + 1,
                        message: format!(
                            "footnote {} stands in a text without paragraphs; kept in a paragraph of its own",
                            note.number
                        ),
                    });
                    doc.paragraphs.push(Paragraph {
                        number: 1,
                        preambular: true,
                        section: 0,
                        text: String::new(),
                        line: note.line + 1,
                        footnotes: vec![Footnote { number: note.number, text: note.text, at: 0 }],
                        annex: None,
                    });
                    continue;
                };
                doc.warnings.push(ParseWarning {
                    line: note.line + 1,
                    message: format!(
                        "no marker found for footnote {}; attached to the paragraph before it",
                        note.number
                    ),
                });
                let at = doc.paragraphs.get(index).map_or(0, |p| p.text.len());
                // Later markers are searched after it, so `at` stays valid.
                if (index, at) > cursor {
                    cursor = (index, at);
                }
                (index, at)
            }
        };
        if let Some(paragraph) = doc.paragraphs.get_mut(index) {
            paragraph.footnotes.push(Footnote { number: note.number, text: note.text, at });
        }
    }
}
