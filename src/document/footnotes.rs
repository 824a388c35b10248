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
    /// 0-based index of the first line of its page (after the last page
    /// furniture before its block; 0 on the first page or without pages).
    pub page: usize,
    /// 0-based index of its block's rule (the line of underscores).
    pub rule: usize,
}

/// Finds the footnote blocks among the lines still unclassified (`None` in
/// `kinds`), marks their lines, and returns the numbered notes in order,
/// and the masthead's asterisk notes (`* On behalf of the States…`, `**
/// Any changes to the list of sponsors…`), whose lines are masthead.
pub(super) fn take_notes(lines: &[&str], kinds: &mut [Option<LineKind>]) -> (Vec<Note>, Vec<String>) {
    let mut notes: Vec<Note> = Vec::new();
    let mut starred: Vec<String> = Vec::new();
    // The last line read was of an asterisk note.
    let mut in_starred = false;
    // In a block: whether a blank line was just passed (then only the next
    // note may follow).
    let mut block: Option<bool> = None;
    // The first line of the page being read, and the rule of its block.
    let (mut page, mut rule) = (0, 0);
    for (i, line) in lines.iter().enumerate() {
        let Some(slot) = kinds.get_mut(i) else { break };
        if slot.is_some() {
            // Furniture ends a block and a page.
            if matches!(slot, Some(LineKind::Furniture(_))) {
                block = None;
                page = i + 1;
            }
            continue;
        }
        if is_separator(line) {
            block = Some(false);
            rule = i;
            *slot = Some(LineKind::FootnoteRule);
            continue;
        }
        let Some(after_blank) = block else { continue };
        if line.trim().is_empty() {
            block = Some(true);
            continue;
        }
        if let Some(rest) = star_note(line) {
            starred.push(rest);
            in_starred = true;
            *slot = Some(LineKind::Masthead);
            continue;
        }
        if in_starred && note_start(line).is_none() {
            if let Some(note) = starred.last_mut() {
                join_line(note, line);
            }
            *slot = Some(LineKind::Masthead);
            continue;
        }
        in_starred = false;
        let expected = notes.last().map_or(1, |n| n.number.saturating_add(1));
        match note_start(line) {
            Some((n, rest)) if n == expected || (notes.is_empty() && n > 0) => {
                notes.push(Note {
                    number: n,
                    text: rest.split_whitespace().collect::<Vec<_>>().join(" "),
                    line: i,
                    page,
                    rule,
                });
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
    (notes, starred)
}

/// `* On behalf of…`, `** Any changes…`: an asterisk note of the masthead,
/// with its stars, white space folded.
fn star_note(line: &str) -> Option<String> {
    let t = line.trim();
    let rest = t.trim_start_matches('*');
    let stars = t.len() - rest.len();
    let words = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    ((1..=3).contains(&stars) && rest.starts_with(char::is_whitespace) && !words.is_empty())
        .then(|| format!("{} {words}", "*".repeat(stars)))
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
/// line joins the next word (`knowledge-` `sharing`, `Open-` `Ended`), and
/// a range its next number (`2015–` `2030`).
pub(crate) fn join_line(buf: &mut String, line: &str) {
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return;
    }
    let mut tail = buf.chars().rev();
    let (last, before) = (tail.next(), tail.next());
    let hyphen =
        last == Some('-') && before.is_some_and(char::is_alphabetic) && line.starts_with(char::is_alphanumeric);
    let range = matches!(last, Some('-' | '–'))
        && before.is_some_and(|c| c.is_ascii_digit())
        && line.starts_with(|c: char| c.is_ascii_digit());
    if !(buf.is_empty() || hyphen || range) {
        buf.push(' ');
    }
    buf.push_str(&line);
}

/// How a footnote marker sits in the text: glued forms are the surest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Form {
    /// Glued to the end of a word (`Agreement7`), to closing punctuation
    /// (`Rights,2`, `Society.5`, `”3`) or to a year (`20219`, `2016–20305`).
    Glued,
    /// Set apart by a space after punctuation or a word (`Goals, 4 and`,
    /// `Disabilities 7 affirms`), as some text layers give it.
    Spaced,
}

/// Words after which a number set apart by a space is a quantity, not a
/// marker (`10 years`, `5 per cent`), lower-cased; and months (a date).
const QUANTITY_WORDS: [&str; 16] = [
    "per",
    "years",
    "year",
    "months",
    "month",
    "days",
    "day",
    "weeks",
    "hours",
    "million",
    "billion",
    "countries",
    "times",
    "States",
    "members",
    "cent",
];

/// Whether the number in `text[start..end]` stands where a footnote marker
/// stands in a UN text — superscript-like: glued to the end of a word, a
/// closing quote or bracket, a clause's punctuation or a year, or alone
/// after punctuation or a word — and how. Digits that belong to something
/// else are never markers: a date (`12 December`), a symbol (`A/C.3/79`,
/// `E/CN.16/2018`), a numbered norm or decimal (`2.3.`, `1.5`), an amount
/// or a quantity (`1,000`, `10 years`), a number in a list (`paragraphs
/// 3, 4 and 5`), a numbered thing (`SDG 5`, `article 19`, `G20`).
pub(super) fn marker_form(text: &str, start: usize, end: usize) -> Option<Form> {
    let before = text.get(..start)?;
    let after = text.get(end..)?;
    let mut next = after.chars();
    match next.next() {
        None => {}
        Some(c) if c.is_whitespace() => {}
        Some('.' | ',' | ';' | ':') if next.next().is_none_or(|c| !c.is_ascii_digit()) => {}
        Some(')' | '”' | '’' | '"' | ']') => {}
        Some(_) => return None,
    }
    let next_word = after.split_whitespace().next().unwrap_or_default();
    let next_bare = next_word.trim_matches(|c: char| !c.is_alphanumeric());
    let is_month = super::MONTHS.contains(&next_bare) && after.starts_with(char::is_whitespace);
    let prev = before.chars().next_back()?;
    // The whitespace-delimited token the number ends.
    let token = before.rsplit(char::is_whitespace).next().unwrap_or_default();
    if prev.is_alphabetic() {
        // `Agreement7`; not `G20`, `COP28`, `SDG4`, `CP.21`, `A4`.
        let run: String = token.chars().rev().take_while(|c| c.is_alphabetic()).collect();
        let short_caps = run.chars().count() <= 5 && run.chars().all(char::is_uppercase);
        let code = token.contains(['/', '.']) || token.chars().any(|c| c.is_ascii_digit());
        return (run.chars().count() >= 2 && !short_caps && !code && !is_month).then_some(Form::Glued);
    }
    if prev.is_ascii_digit() {
        // A year and a digit more: `20219`, `2016–20305`, `(20187)`.
        let run = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        let year = before.get(start - run..).unwrap_or_default();
        let lead = before.get(..start - run).and_then(|b| b.chars().next_back());
        let glued_year = run == 4
            && (year.starts_with("19") || year.starts_with("20"))
            && lead.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '–' | '—' | '-'));
        return glued_year.then_some(Form::Glued);
    }
    if matches!(prev, ',' | ';' | ':' | ')' | '”' | '’' | '"' | ']') {
        // Not the thousands of an amount (`1,889,900`).
        let thousands =
            prev == ',' && end - start == 3 && before.chars().nth_back(1).is_some_and(|c| c.is_ascii_digit());
        return (!thousands).then_some(Form::Glued);
    }
    if prev == '.' {
        // `Society.5`; not `A/C.3`, `CN.16`, `2.3`, `e.g.5`.
        let before_dot = before.strip_suffix('.').and_then(|b| b.chars().next_back());
        let word = token.trim_end_matches('.');
        let closed = before_dot.is_some_and(|c| matches!(c, ')' | '”' | '’' | '"'));
        let worded = before_dot.is_some_and(char::is_lowercase)
            && !word.contains(['/', '.'])
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        // `October 2013.19`: a year ends the sentence.
        let year = word.len() == 4
            && word.bytes().all(|c| c.is_ascii_digit())
            && (word.starts_with("19") || word.starts_with("20"));
        let ok = closed || worded || year;
        return ok.then_some(Form::Glued);
    }
    if prev != ' ' || is_month {
        return None;
    }
    // Set apart by a space.
    let head = before.trim_end();
    let last = head.chars().next_back()?;
    let word = head.rsplit(char::is_whitespace).next().unwrap_or_default();
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let quantity = QUANTITY_WORDS.iter().any(|w| w.eq_ignore_ascii_case(next_bare))
        || after.trim_start().starts_with(['%', '/', '–', '-']);
    // `3, 4 and 5`: the number continues a list of numbers.
    let next_is_number = |rest: &str| {
        let mut words = rest.split_whitespace();
        let first = words.next().unwrap_or_default();
        let number = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
        number(first) || matches!(first, "and" | "or" | "to") && words.next().is_some_and(number)
    };
    let rest = after.trim_start_matches([',', ';']);
    let in_list = bare.bytes().all(|c| c.is_ascii_digit()) && bare.len() <= 3 && next_is_number(rest);
    if quantity || in_list {
        return None;
    }
    if matches!(last, ',' | ';' | ':' | '.' | ')' | '”' | '’' | '"') {
        // After punctuation: not after a small number's full stop (`2. 3`).
        let numbered = last == '.' && bare.bytes().all(|c| c.is_ascii_digit());
        return (!numbered).then_some(Form::Spaced);
    }
    // After a year (`26 March 2015 4 and`, `2015–2030 20 by`) or a name
    // with a number (`COVID-19 13 and`).
    let digits = word.bytes().rev().take_while(u8::is_ascii_digit).count();
    let year = digits == 4 && word.get(word.len() - 4..).is_some_and(|y| y.starts_with("19") || y.starts_with("20"));
    let named = digits > 0 && word.chars().any(char::is_alphabetic) && !word.contains(['/', '.']);
    (year || named || last.is_alphabetic() && !NUMBERED_WORDS.contains(&bare.as_str())).then_some(Form::Spaced)
}

/// Where the marker of footnote `n` stands in `text[from..to]`: the first
/// glued one, else the first set apart by a space (see [`marker_form`]).
/// Returns the range to remove: the number, and for a spaced marker the
/// space before it, so that one space stays between the words.
pub(super) fn find_marker(text: &str, from: usize, to: usize, n: u32) -> Option<(Form, std::ops::Range<usize>)> {
    let digits = n.to_string();
    let window = text.get(from..to.min(text.len()))?;
    let mut spaced = None;
    for (offset, _) in window.match_indices(digits.as_str()) {
        let start = from + offset;
        let end = start + digits.len();
        match marker_form(text, start, end) {
            Some(Form::Glued) => return Some((Form::Glued, start..end)),
            Some(Form::Spaced) if spaced.is_none() => spaced = Some((Form::Spaced, start - 1..end)),
            _ => {}
        }
    }
    spaced
}

/// Words after which a number is the thing's own number, not a footnote
/// marker (`SDG 5`, `paragraphs 3 and 4`, `article 19`), lower-cased.
const NUMBERED_WORDS: [&str; 42] = [
    "norm",
    "norms",
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

/// Where each paragraph's source lines start in its text: `(0-based line
/// index, byte offset)`, in order, one list per paragraph. Built by the
/// assembler, so that a marker is looked for on its note's page only.
pub(super) type Spans = Vec<Vec<(usize, usize)>>;

/// The byte range of `paragraph`'s text that came from source lines
/// `lines` (0-based), if any of its lines is there.
fn text_from_lines(
    spans: Option<&Vec<(usize, usize)>>,
    len: usize,
    lines: std::ops::Range<usize>,
) -> Option<(usize, usize)> {
    let spans = spans?;
    let start = spans.iter().find(|(line, _)| lines.contains(line))?.1;
    let end = spans.iter().find(|(line, _)| *line >= lines.end).map_or(len, |(_, at)| *at);
    Some((start, end.max(start)))
}

/// Moves each note into the paragraph whose text holds its marker, and
/// takes the marker out of the text. Notes are numbered through the
/// document and their markers run in the same order, so the marker of a
/// note is looked for after the previous one: first in the text of its own
/// page (from the page's top to the note's block), then, for a text
/// without pages, anywhere before the note. A marker must stand where
/// markers stand ([`marker_form`]). A note without a marker goes to the
/// last paragraph before it, with a warning.
pub(super) fn attach_notes(doc: &mut Document, notes: Vec<Note>, mut spans: Spans) -> Vec<(usize, u32)> {
    let mut cursor = (0, 0);
    let mut unplaced = Vec::new();
    // Each note's text and the paragraph its marker was found in.
    let mut cited: Vec<(u32, String, (usize, usize))> = Vec::new();
    for note in notes {
        let search = |lines: std::ops::Range<usize>, spans: &Spans| {
            let mut spaced = None;
            for (index, paragraph) in doc.paragraphs.iter().enumerate().skip(cursor.0) {
                if paragraph.line > note.line + 1 {
                    break;
                }
                let len = paragraph.text.len();
                let Some((from, to)) = text_from_lines(spans.get(index), len, lines.clone()) else { continue };
                let from = if index == cursor.0 { from.max(cursor.1) } else { from };
                match find_marker(&paragraph.text, from, to, note.number) {
                    Some((Form::Glued, range)) => return Some((index, range)),
                    Some((Form::Spaced, range)) if spaced.is_none() => spaced = Some((index, range)),
                    _ => {}
                }
            }
            spaced
        };
        let found = search(note.page..note.rule, &spans).or_else(|| search(0..note.rule, &spans));
        let (index, at) = match found {
            Some((index, range)) => {
                if let Some(paragraph) = doc.paragraphs.get_mut(index) {
                    paragraph.text.replace_range(range.clone(), "");
                    shift_notes(paragraph, &range);
                }
                cited.push((note.number, note.text.clone(), (index, range.start)));
                for span in spans.get_mut(index).into_iter().flatten() {
                    if span.1 > range.start {
                        span.1 = span.1.saturating_sub(range.len()).max(range.start);
                    }
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
                // At the paragraph's end; the search goes on where it was,
                // and later markers taken out of this paragraph move it.
                unplaced.push((index, note.number));
                (index, doc.paragraphs.get(index).map_or(0, |p| p.text.len()))
            }
        };
        if let Some(paragraph) = doc.paragraphs.get_mut(index) {
            paragraph.footnotes.push(Footnote { number: note.number, text: note.text, at });
        }
    }
    repeated_markers(doc, &cited);
    for paragraph in &mut doc.paragraphs {
        paragraph.footnotes.sort_by_key(|n| n.at);
    }
    unplaced
}

/// Moves the anchors of a paragraph's notes after `removed` back by its
/// length, once those bytes are taken out of its text.
fn shift_notes(paragraph: &mut Paragraph, removed: &std::ops::Range<usize>) {
    for note in &mut paragraph.footnotes {
        if note.at > removed.start {
            note.at = note.at.saturating_sub(removed.len()).max(removed.start);
        }
    }
}

/// A note cited again later carries its number again (`the Geneva1 and
/// Tunis3 phases`, pages after notes 1 and 3): in the paragraphs after the
/// note's first marker, a number glued where markers stand
/// ([`Form::Glued`]) that is the number of a note already cited is another
/// marker of that note. It is taken out of the text and anchored to a copy
/// of the note.
fn repeated_markers(doc: &mut Document, cited: &[(u32, String, (usize, usize))]) {
    for (index, paragraph) in doc.paragraphs.iter_mut().enumerate() {
        let earlier =
            |n: u32, from: usize| cited.iter().find(|(number, _, (p, at))| *number == n && (*p, *at) < (index, from));
        let mut found: Vec<(std::ops::Range<usize>, u32, String)> = Vec::new();
        let bytes = paragraph.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
                continue;
            }
            let start = i;
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            // The whole run (`Geneva1`), or what follows a year (`20166`).
            let candidate = match i - start {
                1..=3 => start,
                5..=7 => start + 4,
                _ => continue,
            };
            let Some(n) = paragraph.text.get(candidate..i).and_then(|d| d.parse::<u32>().ok()) else { continue };
            if let Some((_, text, _)) = earlier(n, candidate)
                && marker_form(&paragraph.text, candidate, i) == Some(Form::Glued)
            {
                found.push((candidate..i, n, text.clone()));
            }
        }
        for (range, number, text) in found.into_iter().rev() {
            paragraph.text.replace_range(range.clone(), "");
            shift_notes(paragraph, &range);
            paragraph.footnotes.push(Footnote { number, text, at: range.start });
        }
    }
}
