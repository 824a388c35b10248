//! Plain text → [`Document`]: the numbered paragraphs and section headings of a
//! UN outcome document as extracted from a PDF. Accepts any text without
//! panicking; what it cannot place becomes a [`ParseWarning`].
//!
//! # What the text looks like
//!
//! - The first non-empty line is the title; an unnumbered `Preamble` line
//!   opens the preamble. Paragraphs before the first heading belong to it.
//! - A paragraph starts with its number: `17. We commit…` or, when the PDF
//!   kept the list marker, `- 17. We commit…`.
//! - Headings look like numbered paragraphs (`1. ICT for Development`) or
//!   carry a sub-number (`1.1 Bridging Digital Divides`, `4.1. Enhanced
//!   Cooperation`). A line is a heading when its text is short, starts with a
//!   capital, has no closing punctuation, is not dash-marked, and its number
//!   is not the next paragraph number (or it is, but the next numbered line
//!   repeats the same number: `1. Introduction` then `1. We…`).
//! - Outline headings: a Roman numeral `I.`…`XXX.` is a top-level section
//!   (key `ii`), a capital letter `A.`…`Z.` a sub-section of the Roman one
//!   before it (key `ii.a`; key `a`, top level, when there is none). The
//!   numeral may be followed by a tab (or, Roman, two spaces) instead of the
//!   dot, or stand alone with its title on the next line. Such a line is a
//!   heading only when it stands alone (the open paragraph ended a sentence
//!   or clause, not after `Mr.` or an initial; the next line does not go on in
//!   lower case), its title is heading-like, and its numeral comes next (at
//!   most `HEADING_MAX_JUMP` on, reported). `I.`, `V.`, `X.` read as
//!   letters when they are the next letter. Paragraph numbers run on
//!   across these sections. See `outline_heading`.
//! - Page breaks split paragraphs: the rest continues after a blank line,
//!   starting lower-case or in the middle of a sentence, sometimes behind a
//!   stray `- ` with no number. A lone `continued.` line is page furniture
//!   when the paragraph already ends a sentence, and text when it does not
//!   (the bundled ¶76 reads "…and should be" / "continued.").
//!
//! # UN layout (PDF text layers)
//!
//! A text that opens with a UN masthead and `The General Assembly,` is first
//! cleaned by the `un` module: masthead, running headers and footers, and
//! footnote blocks are taken out, the symbol and title read. Then, besides
//! the rules here: unnumbered paragraphs after the opening are preambular
//! (`Recalling…`, `Welcoming…`; a new one starts at such a word after a line
//! ending a clause), numbered in their own series ([`Paragraph::preambular`]);
//! `Objective 1. Title` is a heading (key `objective-1`), and so is a short
//! unnumbered line between a finished paragraph and the next numbered one; a
//! heading's second line may start lower-case; a footnote marker glued to the
//! end of a paragraph (`Rights,2`) does not hide its closing punctuation; and
//! each footnote is attached to the paragraph holding its marker, which is
//! removed from the text ([`Paragraph::footnotes`]).
//!
//! A numbered list inside a paragraph (`objectives:` then `1.`, `2.`…) stays
//! text of that paragraph, in any text.
//!
//! # Paragraph numbers
//!
//! Numbers strictly increase (within a part, see below), so paragraph ids are unique. A number is a new
//! paragraph when it is the next one expected, or a little further on (at most
//! [`GAP_WINDOW`] ahead, or confirmed by the following numbered line being its
//! successor; the gap is reported). A number that goes backwards, repeats, or
//! jumps far ahead (a year such as `2030.` at a line start) is kept as text,
//! with a warning when it could have been meant as a paragraph.
//!
//! # Annexes
//!
//! A resolution's annex numbers its paragraphs again from 1. A heading line
//! `Annex`, `ANNEX`, `Annex II`, `Annex 2`, `Annex I. Title` (or `Appendix`…;
//! see `part_heading`) that stands alone — the open paragraph has ended a
//! sentence (`.`, `;`, not `:` or `,`) and the next line does not go on in
//! lower case — starts a new *part*: a section keyed `annex`, `annex-ii`
//! (an appendix inside an annex: `annex-ii-appendix`) and titled `Annex:
//! Programme of action` when a title line follows. Numbering restarts there
//! (the expected number is 1 again), headings inside it are keyed under it
//! (`annex-ii:1`, `annex-ii:objective-1`, `annex-ii:iii.b`) and nested in it, and each
//! paragraph records its part ([`Paragraph::annex`]), so that ids stay
//! unique (see [`Paragraph::key`]). Unnumbered text opening an annex becomes
//! the annex's own preambular paragraphs. The same heading again inside its
//! annex is a running header and dropped. In a paragraph's wrapped lines,
//! `annex to the present resolution` or `Annex I to…` stays text.
//!
//! # Text
//!
//! The number and list marker are removed, whitespace (tabs, no-break spaces,
//! form feeds) is folded to single spaces, and continuation lines are joined
//! with one space. Two line-end hyphens are handled: a soft hyphen (U+00AD,
//! which PDF extractors emit for a word split) joins the halves and
//! disappears; a plain hyphen after a letter followed by a lower-case word
//! joins without a space and stays (`knowledge-` / `sharing` →
//! `knowledge-sharing`), because telling `multi-stakeholder` from a split
//! `develop-ment` would need a dictionary. Soft hyphens elsewhere are dropped.
//!
//! # Complexity
//!
//! Linear in the length of the text: every line is classified once, with one
//! look-ahead table built in a backward pass.

use std::borrow::Cow;
use std::collections::HashMap;

use super::{Document, Footnote, Paragraph, Section, un};

/// How far past the expected number a paragraph number may jump and still be
/// read as a paragraph (with a gap warning) without the next numbered line
/// confirming it.
pub const GAP_WINDOW: u32 = 20;

/// A heading is at most this many characters…
const HEADING_MAX_CHARS: usize = 90;
/// …and this many words.
const HEADING_MAX_WORDS: usize = 12;
/// A top-level heading number may run at most this far past the last one.
const HEADING_MAX_JUMP: u32 = 3;
/// At most this many components in a section number (`1.2.3.4`).
const MAX_KEY_PARTS: usize = 4;
/// The end of a resolution's closing line (`81st plenary meeting`).
const PLENARY: &str = "plenary meeting";
/// Characters of a line quoted in a warning.
const SNIPPET_CHARS: usize = 40;

/// A fatal problem reading a document's bytes.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    /// The bytes are not UTF-8.
    #[error("not UTF-8 text: invalid byte at offset {offset} (line {line}); save the file as UTF-8")]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// A PDF whose text could not be read (damaged, encrypted, or a scan).
    #[error(transparent)]
    Pdf(#[from] super::pdf::PdfError),
}

/// Something the parser could not make sense of; the document is still usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseWarning {
    /// 1-based source line.
    pub line: usize,
    /// What is wrong, in a sentence.
    pub message: String,
}

/// Parses raw bytes: strips a UTF-8 byte-order mark, rejects non-UTF-8.
///
/// # Errors
///
/// [`ParseError::NotUtf8`] when the bytes are not UTF-8.
pub fn parse_bytes(id: &str, source: &str, bytes: &[u8]) -> Result<Document, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(parse(id, source, text)),
        Err(e) => {
            let offset = e.valid_up_to();
            let line = bytes.iter().take(offset).filter(|&&b| b == b'\n').count() + 1;
            Err(ParseError::NotUtf8 { offset, line })
        }
    }
}

/// Parses a document's text. Never fails: what it cannot place becomes a
/// [`ParseWarning`]. A leading byte-order mark is ignored; `\n`, `\r\n` and
/// `\r` all end lines.
///
/// Guarantees, whatever the input: `sections[0]` is the preamble; section
/// keys are unique; a sub-section's `parent` is an earlier section of lower
/// level; every paragraph's `section` is a valid index, never decreasing;
/// paragraph numbers strictly increase within each part (the body, each
/// annex) and series (numbered, preambular), so paragraph keys are unique.
///
/// # Complexity
///
/// O(n) in the length of `text`.
#[must_use]
pub fn parse(id: &str, source: &str, text: &str) -> Document {
    let mut doc = parse_text(id, source, text);
    if doc.title.trim().is_empty() {
        // No title line (or a masthead with nothing before the opening):
        // the symbol, else the file's name, so lists and the window title
        // never show an empty name.
        doc.title = match &doc.symbol {
            Some(symbol) => symbol.clone(),
            None => std::path::Path::new(source)
                .file_name()
                .map_or_else(|| id.to_owned(), |name| name.to_string_lossy().into_owned()),
        };
    }
    doc
}

fn parse_text(id: &str, source: &str, text: &str) -> Document {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(layout) = un::read(text) {
        return parse_un(id, source, layout);
    }
    let text: Cow<'_, str> =
        if text.contains(['\u{2010}', '\u{2011}']) { Cow::Owned(un::clean_chars(text)) } else { Cow::Borrowed(text) };
    let lines: Vec<Line<'_>> = split_lines(&text)
        .filter_map(|(number, raw)| {
            let text = raw.trim();
            (!text.is_empty()).then(|| Line { number, text, marker: Marker::parse(text) })
        })
        .collect();
    let mut parser = Parser::new(id, source, &lines);
    for index in 0..lines.len() {
        parser.line(index);
    }
    parser.finish()
}

/// A UN document whose masthead, page furniture and footnotes were taken
/// out (see [`un`](super::un)): the title and symbol are known, unnumbered
/// paragraphs after the opening are preambular, and each footnote is
/// attached to the paragraph holding its marker.
fn parse_un(id: &str, source: &str, layout: un::Layout) -> Document {
    let lines: Vec<Line<'_>> = layout
        .lines
        .iter()
        .enumerate()
        .filter_map(|(index, raw)| {
            let text = raw.trim();
            (!text.is_empty()).then(|| Line { number: index + 1, text, marker: Marker::parse(text) })
        })
        .collect();
    let mut parser = Parser::new(id, source, &lines);
    parser.un = true;
    parser.preamble_open = true;
    parser.titled = true;
    parser.doc.title = layout.title;
    parser.doc.symbol = layout.symbol;
    for index in 0..lines.len() {
        parser.line(index);
    }
    let mut doc = parser.finish();
    attach_notes(&mut doc, layout.notes);
    doc
}

/// Moves each note into the paragraph whose text holds its marker, searching
/// on from the previous marker (notes are numbered through the document) in
/// paragraphs that start before the note. The marker is removed from the
/// text. A note without a marker goes to the last paragraph before it.
fn attach_notes(doc: &mut Document, notes: Vec<un::Note>) {
    let mut cursor = (0, 0);
    for note in notes {
        let mut found = None;
        for (index, paragraph) in doc.paragraphs.iter().enumerate().skip(cursor.0) {
            if paragraph.line > note.line + 1 {
                break;
            }
            let from = if index == cursor.0 { cursor.1 } else { 0 };
            if let Some(range) = un::find_marker(&paragraph.text, from, note.number) {
                found = Some((index, range));
                break;
            }
        }
        let (index, at) = match found {
            Some((index, range)) => {
                if let Some(paragraph) = doc.paragraphs.get_mut(index) {
                    paragraph.text.replace_range(range.clone(), "");
                }
                cursor = (index, range.start);
                (index, range.start)
            }
            None => {
                let Some(index) = doc.paragraphs.iter().rposition(|p| p.line <= note.line + 1) else {
                    doc.warnings.push(ParseWarning {
                        line: note.line + 1,
                        message: format!("footnote {} comes before any paragraph; dropped", note.number),
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

/// Splits on `\n`, `\r\n` and lone `\r`, numbering lines from 1. Searches
/// for `\n` first (memchr), then for `\r` within that line only, so the
/// whole split stays linear.
pub(crate) fn split_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = Some(text);
    let mut number = 0;
    std::iter::from_fn(move || {
        let current = rest?;
        number += 1;
        let newline = current.find('\n');
        let head = current.get(..newline.unwrap_or(current.len())).unwrap_or(current);
        let (line, after) = match (head.find('\r'), newline) {
            // `\r\n`
            (Some(cr), Some(nl)) if cr + 1 == nl => (head.get(..cr), current.get(nl + 1..)),
            // A lone `\r`
            (Some(cr), _) => (head.get(..cr), current.get(cr + 1..)),
            (None, Some(nl)) => (Some(head), current.get(nl + 1..)),
            (None, None) => (Some(head), None),
        };
        rest = after;
        Some((number, line.unwrap_or_default()))
    })
}

/// One non-empty, trimmed source line.
struct Line<'a> {
    /// 1-based line number in the source.
    number: usize,
    /// The line without surrounding whitespace.
    text: &'a str,
    /// Its leading number, if any.
    marker: Option<Marker<'a>>,
}

/// A leading number: `17.`, `- 17.`, `1.1`, `4.1.`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Marker<'a> {
    /// A list dash (`-`, `–`, `—`, `•`) came before the number.
    dashed: bool,
    /// The number's components: `[4, 1]` for `4.1.`.
    parts: Vec<u32>,
    /// The text after the number, trimmed.
    rest: &'a str,
}

impl<'a> Marker<'a> {
    /// Reads a leading number. A single number needs its dot (`17.`, so that
    /// `2030 Agenda` is text); a dotted number does not (`1.1 Bridging`). The
    /// number must be followed by whitespace or the end of the line.
    fn parse(line: &'a str) -> Option<Self> {
        let (dashed, mut s) = match line.strip_prefix(['-', '–', '—', '•']) {
            Some(after) => (true, after.trim_start()),
            None => (false, line),
        };
        let mut parts = Vec::new();
        let mut trailing_dot = false;
        loop {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 || digits > 10 || parts.len() == MAX_KEY_PARTS {
                return None;
            }
            let (number, after) = s.split_at(digits);
            parts.push(number.parse().ok()?);
            s = after;
            match s.strip_prefix('.') {
                Some(after) if after.starts_with(|c: char| c.is_ascii_digit()) => s = after,
                Some(after) => {
                    s = after;
                    trailing_dot = true;
                    break;
                }
                None => break,
            }
        }
        let ends = s.is_empty() || s.starts_with(char::is_whitespace);
        (ends && (trailing_dot || parts.len() > 1)).then(|| Marker { dashed, parts, rest: s.trim() })
    }

    /// The single paragraph-style number (`17` in `- 17.`), if it is one.
    fn single(&self) -> Option<u32> {
        match self.parts.as_slice() {
            [n] => Some(*n),
            _ => None,
        }
    }
}

/// How the next continuation line joins the text so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// With one space.
    Space,
    /// Without a space (after a soft hyphen).
    Glue,
    /// Without a space if the next word starts lower-case (after `letter-`).
    Hyphen,
}

/// The parser's state while it walks the lines once.
struct Parser<'l, 'a> {
    lines: &'l [Line<'a>],
    /// For each line, the single number of the next line that carries one.
    next_number: Vec<Option<u32>>,
    doc: Document,
    /// Index of the section new paragraphs go into.
    current: usize,
    /// The last paragraph is still open for continuation lines.
    open: bool,
    /// A heading was the last thing read (its title may continue).
    after_heading: bool,
    /// Last paragraph number accepted.
    last_number: Option<u32>,
    /// Number of the last top-level heading.
    last_top: u32,
    /// Section key → index.
    keys: HashMap<String, usize>,
    /// Last section seen at each level (for parents of orphan sub-sections).
    last_at_level: [Option<usize>; MAX_KEY_PARTS],
    join: Join,
    /// Whether the first line has been looked at (title or not).
    titled: bool,
    /// A UN layout (see [`un`]): furniture already removed, word headings.
    un: bool,
    /// Unnumbered lines start preambular paragraphs (after the opening, until
    /// the first numbered paragraph or heading).
    preamble_open: bool,
    /// Preambular paragraphs so far.
    preambular: u32,
    /// The next item number of a numbered list inside the open paragraph.
    list_next: Option<u32>,
    /// The annex (or appendix) being read: its key (`annex-ii`) and section
    /// index; `None` in the body.
    part: Option<(String, usize)>,
    /// The last `Annex` heading's key and section, which an `Appendix`
    /// inside it is keyed under and nested in.
    annex_root: Option<(String, usize)>,
    /// An annex section whose heading had no title on its line: its first
    /// title line joins with `: ` (`Annex: Programme of action`).
    title_pending: Option<usize>,
    /// The value of the last Roman-numeral heading (`II.` → 2) in the part
    /// being read; 0 before the first.
    last_roman: u32,
    /// The section of that Roman heading while lettered headings nest in it.
    roman_section: Option<usize>,
    /// The last lettered heading (`B.` → 2) under it; 0 before the first.
    last_letter: u32,
}

impl<'l, 'a> Parser<'l, 'a> {
    fn new(id: &str, source: &str, lines: &'l [Line<'a>]) -> Self {
        let mut next_number = vec![None; lines.len()];
        let mut following = None;
        for (slot, line) in next_number.iter_mut().zip(lines).rev() {
            *slot = following;
            if let Some(n) = line.marker.as_ref().and_then(Marker::single) {
                following = Some(n);
            }
        }
        let preamble = Section { key: "preamble".into(), title: "Preamble".into(), level: 0, parent: None };
        let mut keys = HashMap::new();
        keys.insert(preamble.key.clone(), 0);
        Parser {
            lines,
            next_number,
            doc: Document {
                id: id.to_owned(),
                title: String::new(),
                symbol: None,
                source: source.to_owned(),
                sections: vec![preamble],
                paragraphs: Vec::new(),
                warnings: Vec::new(),
            },
            current: 0,
            open: false,
            after_heading: false,
            last_number: None,
            last_top: 0,
            keys,
            last_at_level: [Some(0), None, None, None],
            join: Join::Space,
            titled: false,
            un: false,
            preamble_open: false,
            preambular: 0,
            list_next: None,
            part: None,
            annex_root: None,
            title_pending: None,
            last_roman: 0,
            roman_section: None,
            last_letter: 0,
        }
    }

    fn warn(&mut self, line: usize, message: String) {
        self.doc.warnings.push(ParseWarning { line, message });
    }

    /// Classifies and consumes line `index`.
    fn line(&mut self, index: usize) {
        let Some(line) = self.lines.get(index) else { return };
        let text = line.text;
        let number = line.number;
        if !self.titled {
            self.titled = true;
            if is_preamble_heading(text) || line.marker.as_ref().is_some_and(|m| !heading_like(m.rest)) {
                self.warn(number, "no title line: the first line is already part of the document body".into());
            } else {
                self.doc.title = fold(text);
                return;
            }
        }
        if (!self.un && is_page_furniture(text))
            || (!self.doc.title.is_empty() && text.split_whitespace().eq(self.doc.title.split_whitespace()))
        {
            return; // page number, document symbol, running header
        }
        if is_preamble_heading(text) {
            if self.doc.sections.len() > 1 || !self.doc.paragraphs.is_empty() {
                self.warn(number, "a \"Preamble\" heading after the preamble started; ignored".into());
            }
            self.open = false;
            self.after_heading = false;
            return;
        }
        if let Some((key, title)) = part_heading(text)
            && self.part_line(index, number, &key, title)
        {
            return;
        }
        if let Some((numeral, title)) = outline_heading(text)
            && self.outline_line(index, number, numeral, title)
        {
            return;
        }
        if self.un && self.un_line(index, number, text) {
            return;
        }
        if let Some(marker) = &line.marker {
            if self.is_sub_heading(marker) || self.is_top_heading(marker, index) {
                self.heading(number, marker);
                return;
            }
            if let Some(n) = marker.single()
                && self.paragraph_number(index, n, marker.dashed)
            {
                self.start_paragraph(number, n, marker.rest);
                return;
            }
        }
        self.text_line(number, text);
    }

    fn is_sub_heading(&self, marker: &Marker<'_>) -> bool {
        marker.parts.len() > 1
            && !marker.dashed
            && heading_like(marker.rest)
            && !self.keys.contains_key(&self.scoped(&key(marker)))
    }

    fn is_top_heading(&self, marker: &Marker<'_>, index: usize) -> bool {
        let Some(n) = marker.single() else { return false };
        let expected = self.expected();
        let repeated = self.next_number.get(index).copied().flatten() == Some(n);
        !marker.dashed
            && !self.in_list(n)
            && heading_like(marker.rest)
            && (1..=self.last_top.saturating_add(HEADING_MAX_JUMP)).contains(&n)
            && (n != expected || repeated)
            && !self.keys.contains_key(&self.scoped(&n.to_string()))
    }

    /// A section key inside the part being read: `annex-ii:1.1` in Annex II,
    /// `1.1` in the body.
    fn scoped(&self, key: &str) -> String {
        match &self.part {
            Some((part, _)) => format!("{part}:{key}"),
            None => key.to_owned(),
        }
    }

    /// The level of a top-level heading in the part being read: 0 in the
    /// body, one below the annex section in an annex.
    fn base_level(&self) -> u8 {
        self.part.as_ref().and_then(|(_, i)| self.doc.sections.get(*i)).map_or(0, |s| s.level.saturating_add(1))
    }

    /// ` in Annex II` while an annex is read, for warnings.
    fn part_suffix(&self) -> String {
        self.part.as_ref().map(|(key, _)| format!(" in {}", super::part_label(key))).unwrap_or_default()
    }

    fn expected(&self) -> u32 {
        self.last_number.map_or(1, |n| n.saturating_add(1))
    }

    /// Whether the number `n` at line `index` starts a new paragraph; warns
    /// about gaps and about numbers kept as text.
    fn paragraph_number(&mut self, index: usize, n: u32, dashed: bool) -> bool {
        let line = self.lines.get(index).map_or(0, |l| l.number);
        let expected = self.expected();
        if n == expected && self.last_number != Some(u32::MAX) {
            return true;
        }
        let plausible = n > expected && n - expected <= GAP_WINDOW;
        if self.in_list(n) {
            self.list_next = n.checked_add(1);
            return false;
        }
        if let Some(last) = self.last_number
            && n <= last
        {
            let what = if n == last { "repeats" } else { "goes back from" };
            let place = self.part_suffix();
            self.warn(line, format!("paragraph number {n} {what} {last}{place}; kept as text of the paragraph before"));
            return false;
        }
        let confirmed = n < u32::MAX && self.next_number.get(index).copied().flatten() == Some(n + 1);
        let mid_sentence = self.open && self.open_text().is_none_or(ends_mid_sentence);
        if mid_sentence && !dashed && !confirmed {
            if plausible {
                self.warn(line, format!("{n}. continues a sentence; read as text, not as paragraph {n}"));
            }
            return false;
        }
        if n > expected && (plausible || confirmed) {
            let missing = if n - expected == 1 { format!("{expected}") } else { format!("{expected}–{}", n - 1) };
            let place = self.part_suffix();
            let message = match self.last_number {
                Some(last) => format!("paragraph {n} follows {last}{place}: {missing} missing"),
                None => format!("numbering starts at {n}{place}: {missing} missing"),
            };
            self.warn(line, message);
            return true;
        }
        self.warn(line, format!("{n}. is far from the expected paragraph {expected}; read as text"));
        false
    }

    /// The open paragraph's text; in a UN layout without a footnote marker
    /// glued to its end (`Society.5` reads as `Society.`).
    fn open_text(&self) -> Option<&str> {
        let text = self.doc.paragraphs.last().map(|p| p.text.as_str())?;
        if !self.un {
            return Some(text);
        }
        let stripped = text.trim_end_matches(|c: char| c.is_ascii_digit());
        let glued = text.len() - stripped.len() <= 3 && trim_closers(stripped).ends_with(['.', ',', ';', ':']);
        Some(if glued { stripped } else { text })
    }

    fn start_paragraph(&mut self, line: usize, number: u32, rest: &str) {
        self.doc.paragraphs.push(Paragraph {
            number,
            preambular: false,
            section: self.current,
            text: String::new(),
            line,
            footnotes: Vec::new(),
            annex: self.part.as_ref().map(|(key, _)| key.clone()),
        });
        self.last_number = Some(number);
        self.preamble_open = false;
        self.list_next = None;
        self.open = true;
        self.after_heading = false;
        self.join = Join::Space;
        self.append(rest);
    }

    fn heading(&mut self, line: usize, marker: &Marker<'_>) {
        let key = self.scoped(&key(marker));
        let depth = marker.parts.len().saturating_sub(1);
        let level = u8::try_from(depth).unwrap_or(u8::MAX).saturating_add(self.base_level());
        let parent = if depth == 0 {
            if let Some(&n) = marker.parts.first() {
                if n != self.last_top.saturating_add(1) {
                    let place = self.part_suffix();
                    self.warn(line, format!("section {n} follows section {}{place}", self.last_top));
                }
                self.last_top = self.last_top.max(n);
            }
            self.roman_section = None;
            self.last_letter = 0;
            self.part.as_ref().map(|(_, i)| *i)
        } else {
            let prefix =
                self.scoped(&marker.parts.iter().take(depth).map(u32::to_string).collect::<Vec<_>>().join("."));
            match self.keys.get(&prefix) {
                Some(&p) => Some(p),
                None => {
                    let fallback = self.last_at_level.iter().take(depth).rev().find_map(|s| *s).unwrap_or(0);
                    self.warn(line, format!("sub-section {key} has no section {prefix} before it"));
                    Some(fallback)
                }
            }
        };
        let index = self.doc.sections.len();
        self.doc.sections.push(Section { key: key.clone(), title: fold(marker.rest), level, parent });
        self.keys.insert(key, index);
        if let Some(slot) = self.last_at_level.get_mut(depth) {
            *slot = Some(index);
        }
        for slot in self.last_at_level.iter_mut().skip(depth + 1) {
            *slot = None;
        }
        self.current = index;
        self.open = false;
        self.after_heading = true;
        self.preamble_open = false;
    }

    /// Whether `n.` is an item of a numbered list inside the open paragraph:
    /// `1.` after a colon, or the next item of a list already started.
    fn in_list(&self, n: u32) -> bool {
        let started = self.list_next == Some(n);
        let opens = n == 1 && self.open && self.open_text().is_some_and(|t| trim_closers(t).ends_with(':'));
        self.last_number.is_some_and(|last| n <= last) && (started || opens)
    }

    /// The UN-layout readings of a line, tried before the ordinary ones: a
    /// preambular paragraph, a word heading (`Objective 1. Close…`), an
    /// unnumbered heading right before a numbered paragraph. Returns whether
    /// the line was consumed.
    fn un_line(&mut self, index: usize, number: usize, text: &str) -> bool {
        let marker = self.lines.get(index).and_then(|l| l.marker.as_ref());
        let next_starts_paragraph = self
            .lines
            .get(index + 1)
            .and_then(|l| l.marker.as_ref())
            .and_then(Marker::single)
            .is_some_and(|n| n == self.expected());
        let mid_sentence =
            self.open && self.open_text().is_none_or(|t| !trim_closers(t).ends_with(['.', ';', ':', ',']));
        if marker.is_none() && !mid_sentence {
            if let Some((key, title)) = word_heading(text).map(|(key, title)| (self.scoped(&key), title))
                && !self.keys.contains_key(&key)
            {
                self.named_heading(number, key, title);
                return true;
            }
            if self.open
                && !self.preamble_open
                && next_starts_paragraph
                && heading_like(text)
                && self.open_text().is_some_and(|t| !ends_mid_sentence(t))
            {
                let key = self.unique_key(&self.scoped(&slug(text)));
                self.named_heading(number, key, text);
                return true;
            }
        }
        if self.preamble_open && marker.is_none() {
            let first = self.doc.paragraphs.is_empty();
            let after_clause = self.open_text().is_some_and(|t| trim_closers(t).ends_with([',', ';', ':', '.']));
            if first && text.starts_with(|c: char| c.is_uppercase()) || after_clause && is_preambular_opening(text) {
                self.start_preambular(number, text);
                return true;
            }
        }
        if !self.open && self.after_heading && starts_lower(text) && heading_like_words(text) {
            self.extend_title(text);
            return true;
        }
        false
    }

    fn start_preambular(&mut self, line: usize, text: &str) {
        self.preambular += 1;
        self.doc.paragraphs.push(Paragraph {
            number: self.preambular,
            preambular: true,
            section: self.current,
            text: String::new(),
            line,
            footnotes: Vec::new(),
            annex: self.part.as_ref().map(|(key, _)| key.clone()),
        });
        self.open = true;
        self.after_heading = false;
        self.join = Join::Space;
        self.list_next = None;
        self.append(text);
    }

    /// A heading that is not a section number: `Objective 1.`, `Principles`.
    fn named_heading(&mut self, _line: usize, key: String, title: &str) {
        let index = self.doc.sections.len();
        let (level, parent) = (self.base_level(), self.part.as_ref().map(|(_, i)| *i));
        self.doc.sections.push(Section { key: key.clone(), title: fold(title), level, parent });
        self.keys.insert(key, index);
        self.last_at_level = [Some(index), None, None, None];
        self.roman_section = None;
        self.last_letter = 0;
        self.current = index;
        self.open = false;
        self.after_heading = true;
        self.preamble_open = false;
    }

    /// A Roman-numeral or lettered heading (`II. Digital divides`,
    /// `A. Financing`; see [`outline_heading`]) at line `index`: a section
    /// when the line stands alone (see [`Parser::stands_alone`]) and its
    /// numeral comes next — a Roman one after the last Roman heading of the
    /// part, a letter after the last letter under it (at most
    /// [`HEADING_MAX_JUMP`] on, with a warning). `I.`, `V.`, `X.` are
    /// letters when they are exactly the next letter (`I.` after `H.`), else
    /// Roman. Returns whether the line was consumed.
    fn outline_line(&mut self, index: usize, line: usize, numeral: &str, title: &str) -> bool {
        if !self.stands_alone(index, if title.is_empty() { index + 2 } else { index + 1 }) {
            return false;
        }
        // A numeral alone on its line: its title must be the next line.
        if title.is_empty()
            && !self.lines.get(index + 1).is_some_and(|next| {
                next.marker.is_none()
                    && heading_like(next.text)
                    && outline_heading(next.text).is_none()
                    && part_heading(next.text).is_none()
                    && !is_preamble_heading(next.text)
            })
        {
            return false;
        }
        let within = |n: u32, last: u32| n > last && n - last <= HEADING_MAX_JUMP;
        let letter = letter_value(numeral).filter(|&l| within(l, self.last_letter));
        let roman = roman_value(numeral).filter(|&r| within(r, self.last_roman));
        let place = self.part_suffix();
        match (letter, roman) {
            (Some(l), r) if r.is_none() || l == self.last_letter + 1 => {
                let (parent_key, parent) = match self.roman_section.and_then(|i| Some((i, self.doc.sections.get(i)?))) {
                    Some((i, s)) => (format!("{}.", s.key), Some((i, s.level))),
                    None => (self.scoped(""), None),
                };
                let key = format!("{parent_key}{}", numeral.to_ascii_lowercase());
                if self.keys.contains_key(&key) {
                    return false;
                }
                if l != self.last_letter + 1 {
                    let expected = char::from(b'A'.saturating_add(u8::try_from(self.last_letter).unwrap_or(0)));
                    self.warn(line, format!("section {numeral}. comes where {expected}. was expected{place}"));
                }
                match parent {
                    Some((i, level)) => {
                        let index = self.doc.sections.len();
                        let level = level.saturating_add(1);
                        self.doc.sections.push(Section {
                            key: key.clone(),
                            title: fold(title),
                            level,
                            parent: Some(i),
                        });
                        self.keys.insert(key, index);
                        self.last_at_level = [Some(i), Some(index), None, None];
                        self.current = index;
                        self.open = false;
                        self.after_heading = true;
                        self.preamble_open = false;
                    }
                    None => self.named_heading(line, key, title),
                }
                self.last_letter = l;
                true
            }
            (_, Some(r)) => {
                let key = self.scoped(&numeral.to_ascii_lowercase());
                if self.keys.contains_key(&key) {
                    return false;
                }
                if r != self.last_roman + 1 {
                    let expected = ROMAN.get(self.last_roman as usize).copied().unwrap_or("?");
                    self.warn(line, format!("section {numeral}. comes where {expected}. was expected{place}"));
                }
                self.named_heading(line, key, title);
                self.roman_section = Some(self.current);
                self.last_roman = r;
                true
            }
            _ => false,
        }
    }

    /// Whether line `index` stands alone as a heading: the open paragraph (if
    /// any) has ended a sentence or clause (`.`, `;`, `!`, `?`, not after an
    /// abbreviation or an initial such as `Mr.` or `J.`), and the next line
    /// does not go on in lower case. In a UN layout the last preambular
    /// paragraph ends with a comma: it has ended when line `body` (the first
    /// after the heading and its title) is the first numbered paragraph.
    fn stands_alone(&self, index: usize, body: usize) -> bool {
        let preamble_ends = self.un
            && self.preamble_open
            && self.last_number.is_none()
            && self.open_text().is_some_and(|t| trim_closers(t).ends_with(','))
            && self.lines.get(body).and_then(|l| l.marker.as_ref()).and_then(Marker::single) == Some(1);
        if self.open && !self.open_text().is_some_and(ends_sentence) && !preamble_ends {
            return false;
        }
        !self.lines.get(index + 1).is_some_and(|next| starts_lower(next.text))
    }

    /// A part heading (`Annex II`, see [`part_heading`]) at line `index`:
    /// starts the part when the line stands alone (the open paragraph ends a
    /// sentence, and the next line does not go on in lower case), drops it
    /// when it repeats the part being read (a running header). Returns
    /// whether the line was consumed.
    fn part_line(&mut self, index: usize, line: usize, key: &str, title: &str) -> bool {
        let ends_sentence = |t: &str| trim_closers(t).ends_with(['.', '!', '?', ';', '…']);
        if self.open && !self.open_text().is_some_and(ends_sentence) {
            return false;
        }
        if self.lines.get(index + 1).is_some_and(|next| starts_lower(next.text)) {
            return false;
        }
        let appendix = !key.starts_with("annex");
        let key = match &self.annex_root {
            Some((root, _)) if appendix => format!("{root}-{key}"),
            _ => key.to_owned(),
        };
        if self.part.as_ref().is_some_and(|(current, _)| *current == key) && title.is_empty() {
            return true;
        }
        if self.keys.contains_key(&key) {
            self.warn(line, format!("{} heading repeated; read as text", super::part_label(&key)));
            return false;
        }
        let appendix_of = if appendix { self.annex_root.as_ref().map(|(_, i)| *i) } else { None };
        let (level, parent) = match appendix_of.and_then(|i| self.doc.sections.get(i).map(|s| (s.level, i))) {
            Some((level, i)) => (level.saturating_add(1), Some(i)),
            None => (0, None),
        };
        let name = super::part_label(&key);
        let untitled = title.is_empty();
        let title = if untitled { name } else { format!("{name}: {}", fold(title)) };
        let index = self.doc.sections.len();
        self.doc.sections.push(Section { key: key.clone(), title, level, parent });
        self.keys.insert(key.clone(), index);
        if !appendix {
            self.annex_root = Some((key.clone(), index));
        }
        self.title_pending = untitled.then_some(index);
        self.part = Some((key, index));
        self.current = index;
        self.last_at_level = [Some(index), None, None, None];
        self.last_number = None;
        self.preambular = 0;
        self.last_top = 0;
        self.last_roman = 0;
        self.roman_section = None;
        self.last_letter = 0;
        self.list_next = None;
        self.open = false;
        self.after_heading = true;
        self.preamble_open = false;
        true
    }

    /// Adds a line to the title of the heading just read: with `: ` after an
    /// annex heading that had no title (`Annex: Programme of action`), else
    /// with a space.
    fn extend_title(&mut self, text: &str) {
        let pending = self.title_pending.take() == Some(self.current);
        if let Some(section) = self.doc.sections.get_mut(self.current) {
            if !section.title.is_empty() {
                section.title.push_str(if pending { ": " } else { " " });
            }
            section.title.push_str(&fold(text));
        }
    }

    /// `key`, or `key-2`, `key-3`… if taken.
    fn unique_key(&self, key: &str) -> String {
        let mut candidate = key.to_owned();
        let mut n = 2;
        while self.keys.contains_key(&candidate) {
            candidate = format!("{key}-{n}");
            n += 1;
        }
        candidate
    }

    /// A line that starts nothing: a continuation, a heading's second line,
    /// page furniture, or stray text.
    fn text_line(&mut self, line: usize, text: &str) {
        // A fragment behind a bare list dash: `- and all other…`.
        let text = match text.strip_prefix(['-', '–', '—', '•']) {
            Some(after) if after.starts_with(char::is_whitespace) || after.is_empty() => after.trim_start(),
            _ => text,
        };
        let mid_sentence = self.open && self.open_text().is_none_or(ends_mid_sentence);
        if !text.chars().any(char::is_alphabetic) {
            // Numbers and punctuation: kept only when they finish a sentence (`2030.`).
            if mid_sentence {
                self.append(text);
            }
            return;
        }
        if is_continued(text) && !mid_sentence {
            return;
        }
        if text
            .len()
            .checked_sub(PLENARY.len())
            .and_then(|i| text.get(i..))
            .is_some_and(|t| t.eq_ignore_ascii_case(PLENARY))
        {
            self.warn(line, format!("stray text dropped: \"{}\"", snippet(text)));
            return;
        }
        if self.open {
            // In a UN layout the furniture is already gone: a capitalised
            // short line (a sub-item's wrap, a one-word justified line) is text.
            // So is a line after an abbreviation or initial (`Ms.` / `A. Smith`).
            let abbreviated = self.open_text().is_some_and(|t| trim_closers(t).ends_with('.') && !ends_sentence(t));
            if mid_sentence || abbreviated || starts_lower(text) || !heading_like(text) || self.un {
                self.append(text);
            } else {
                self.warn(line, format!("stray text dropped: \"{}\"", snippet(text)));
            }
            return;
        }
        if self.after_heading
            && heading_like(text)
            && self
                .doc
                .sections
                .get(self.current)
                .is_some_and(|s| s.title.chars().count() + text.len() <= 2 * HEADING_MAX_CHARS)
        {
            self.extend_title(text);
            return;
        }
        if self.part.is_some() {
            // An annex's unnumbered opening (`We, the Heads of State…,`): its own paragraph.
            self.start_preambular(line, text);
            return;
        }
        self.warn(line, format!("text outside any numbered paragraph dropped: \"{}\"", snippet(text)));
    }

    /// Appends a line's words to the open paragraph.
    fn append(&mut self, text: &str) {
        let Some(paragraph) = self.doc.paragraphs.last_mut() else { return };
        let buf = &mut paragraph.text;
        let glue = match self.join {
            Join::Space => false,
            Join::Glue => true,
            Join::Hyphen => starts_lower(text),
        };
        // ASCII text (the common case) splits on bytes; soft hyphens only exist in non-ASCII text.
        let any = if text.is_ascii() {
            push_words(buf, text.split_ascii_whitespace(), glue)
        } else {
            push_words(buf, text.split_whitespace(), glue)
        };
        let mut tail = text.trim_end().chars().rev();
        self.join = match (tail.next(), tail.next()) {
            (Some('\u{ad}'), _) => Join::Glue,
            (Some('-'), Some(c)) if c.is_alphabetic() => Join::Hyphen,
            _ if any => Join::Space,
            _ => self.join,
        };
    }

    fn finish(mut self) -> Document {
        let empty: Vec<(usize, String)> = self
            .doc
            .paragraphs
            .iter()
            .filter(|p| p.text.is_empty())
            .map(|p| (p.line, if p.annex.is_some() { p.label() } else { p.number.to_string() }))
            .collect();
        for (line, number) in empty {
            self.warn(line, format!("paragraph {number} has no text"));
        }
        if self.doc.paragraphs.is_empty() {
            self.warn(1, "no numbered paragraphs found".into());
        }
        self.doc
    }
}

/// Pushes words onto `buf`, one space apart (none before the first if
/// `glue`), without soft hyphens. Returns whether any word was pushed.
fn push_words<'w>(buf: &mut String, words: impl Iterator<Item = &'w str>, mut glue: bool) -> bool {
    let mut any = false;
    for word in words {
        let soft = word.contains('\u{ad}');
        if soft && word.chars().all(|c| c == '\u{ad}') {
            continue;
        }
        if !buf.is_empty() && !glue {
            buf.push(' ');
        }
        glue = false;
        any = true;
        if soft {
            buf.extend(word.chars().filter(|&c| c != '\u{ad}'));
        } else {
            buf.push_str(word);
        }
    }
    any
}

/// Words that open a preambular paragraph besides participles in `-ing`.
const PREAMBULAR_OPENERS: [&str; 24] = [
    "Alarmed",
    "Appalled",
    "Aware",
    "Cognizant",
    "Cognisant",
    "Committed",
    "Concerned",
    "Confident",
    "Conscious",
    "Convinced",
    "Deeply",
    "Desirous",
    "Determined",
    "Disturbed",
    "Encouraged",
    "Fully",
    "Gravely",
    "Guided",
    "Inspired",
    "Mindful",
    "Noting",
    "Pleased",
    "Resolved",
    "Seriously",
];

/// `Recalling…`, `Welcoming…`, `Mindful…`: a line that opens a preambular
/// paragraph.
fn is_preambular_opening(text: &str) -> bool {
    let Some(word) = text.split_whitespace().next() else { return false };
    let word = word.trim_end_matches([',', ';']);
    let mut chars = word.chars();
    let capital = chars.next().is_some_and(char::is_uppercase);
    let participle =
        word.len() > 5 && word.ends_with("ing") && chars.all(|c| c.is_ascii_lowercase()) && word != "Beijing";
    capital && (participle || PREAMBULAR_OPENERS.contains(&word))
}

/// The Roman numerals of outline headings, `I` to `XXX`, in order.
const ROMAN: [&str; 30] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
    "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX",
];

/// Words that end in a period without ending a sentence, lower-cased.
const ABBREVIATIONS: [&str; 21] = [
    "mr", "mrs", "ms", "dr", "prof", "nos", "vol", "op", "para", "paras", "p", "pp", "art", "arts", "chap", "ch",
    "sect", "sec", "cf", "st", "viz",
];

/// The value of a Roman numeral `I`…`XXX` written the usual way (`IV`, not
/// `IIII`).
fn roman_value(numeral: &str) -> Option<u32> {
    ROMAN.iter().position(|r| *r == numeral).and_then(|i| u32::try_from(i + 1).ok())
}

/// The place of a capital letter `A`…`Z` in the alphabet, from 1.
fn letter_value(numeral: &str) -> Option<u32> {
    match numeral.as_bytes() {
        [c @ b'A'..=b'Z'] => Some(u32::from(c - b'A') + 1),
        _ => None,
    }
}

/// An outline heading line: a Roman numeral `I`…`XXX` or a capital letter
/// `A`…`Z`, then `.` and white space, or (as PDF text layers give it) a tab
/// or, after a Roman numeral, two spaces; then a short capitalised title
/// without closing punctuation (see `heading_like`). The title may be
/// missing (`II.`, `II`, `A.` alone: it is then on the next line). Returns
/// the numeral (`II`, `A`) and the title. `I. of the report`, `A. Smith, the
/// rapporteur.`, `I welcome` are not headings.
fn outline_heading(text: &str) -> Option<(&str, &str)> {
    let len = text.bytes().take_while(u8::is_ascii_uppercase).count();
    if !(1..=6).contains(&len) {
        return None;
    }
    let (numeral, rest) = text.split_at(len);
    let roman = roman_value(numeral).is_some();
    if !roman && letter_value(numeral).is_none() {
        return None;
    }
    let title = match rest.strip_prefix('.') {
        Some(after) if after.is_empty() || after.starts_with(char::is_whitespace) => after,
        Some(_) => return None,
        None if rest.starts_with('\t') || roman && rest.is_empty() => rest,
        None if roman && rest.chars().take(2).filter(|c| c.is_whitespace()).count() == 2 => rest,
        None => return None,
    };
    let title = title.trim();
    (title.is_empty() || heading_like(title)).then_some((numeral, title))
}

/// The open text ends a sentence or clause (`.`, `;`, `!`, `?`, `…`), and
/// not with an abbreviation (`Mr.`, `para.`, `e.g.`) or an initial (`J.`).
fn ends_sentence(text: &str) -> bool {
    let text = trim_closers(text);
    if !text.ends_with(['.', '!', '?', ';', '…']) {
        return false;
    }
    let Some(word) = text.strip_suffix('.').and_then(|t| t.split_whitespace().next_back()) else { return true };
    let word = word.trim_start_matches(['(', '"', '\'', '“', '‘', '[']);
    // `annex I.` ends a sentence; `J.` (an initial) does not.
    let initial = word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic() && !matches!(c, 'I' | 'V' | 'X'));
    let dotted = word.contains('.') && word.chars().count() <= 4;
    !(initial || dotted || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)))
}

/// `Objective 1. Close all digital divides`: a capitalised word from a short
/// list, a number or Roman numeral with `.` or `:`, and a title that does not
/// end a sentence. Returns the section key (`objective-1`) and the title.
fn word_heading(text: &str) -> Option<(String, &str)> {
    // `Annex` is a part heading (see `part_heading`), not a word heading.
    const WORDS: [&str; 5] = ["Objective", "Section", "Part", "Chapter", "Principle"];
    let (word, rest) = text.split_once(' ')?;
    if !WORDS.contains(&word) {
        return None;
    }
    let (number, title) = rest.trim_start().split_once(' ').unwrap_or((rest.trim_start(), ""));
    let number = number.strip_suffix(['.', ':'])?;
    let numeric = !number.is_empty()
        && (number.bytes().all(|c| c.is_ascii_digit()) || number.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
        && number.len() <= 6;
    let title = title.trim();
    let ok = numeric
        && title.chars().count() <= 2 * HEADING_MAX_CHARS
        && title.chars().next().is_none_or(char::is_uppercase)
        && !trim_closers(title).ends_with(['.', ',', ';', ':']);
    ok.then(|| (format!("{}-{}", word.to_lowercase(), number.to_lowercase()), title))
}

/// What a part heading may be called: its paragraphs are numbered again from 1.
const PART_WORDS: [&str; 2] = ["Annex", "Appendix"];

/// A heading that starts a new part of the document, whose paragraphs are
/// numbered again from 1: `Annex`, `ANNEX`, `Annex II`, `Annex 2`, `Annex I.
/// Title` / `Annex I: Title` / `Annex I – Title`, and the same with
/// `Appendix`. The whole line must be the heading: the word capitalised or
/// in capitals, then nothing, or a Roman (`I`…`XL`) or Arabic (at most
/// three digits) numeral, then nothing or a separator and a short
/// capitalised title without closing punctuation. So `Annex I to the
/// present resolution`, `annex`, `Annex I.` and `Annexes` are not headings.
/// Returns the part key (`annex`, `annex-ii`, `appendix-2`) and the title
/// (often empty).
fn part_heading(text: &str) -> Option<(String, &str)> {
    let (word, rest) = text.split_once(char::is_whitespace).map_or((text, ""), |(w, r)| (w, r.trim_start()));
    let name = PART_WORDS.iter().find(|w| **w == word || w.to_uppercase() == word)?;
    let name = name.to_lowercase();
    if rest.is_empty() {
        return Some((name, ""));
    }
    let (number, title) = rest.split_once(char::is_whitespace).map_or((rest, ""), |(n, t)| (n, t.trim_start()));
    let (number, punctuated) = match number.strip_suffix(['.', ':']) {
        Some(n) => (n, true),
        None => (number, false),
    };
    let roman = (1..=6).contains(&number.len()) && number.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let arabic = (1..=3).contains(&number.len()) && number.bytes().all(|c| c.is_ascii_digit());
    if !(roman || arabic) {
        return None;
    }
    let title = match title.strip_prefix(['–', '—', '-']) {
        Some(after) if !punctuated => after.trim_start(),
        _ if punctuated || title.is_empty() => title,
        _ => return None,
    };
    let fits = title.is_empty() && !punctuated
        || !title.is_empty() && title.chars().count() <= 2 * HEADING_MAX_CHARS && heading_like_title(title);
    fits.then(|| (format!("{name}-{}", number.to_lowercase()), title))
}

/// A heading's title: starts with a capital, no closing punctuation.
fn heading_like_title(title: &str) -> bool {
    title.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
        && !trim_closers(title).ends_with(['.', ',', ';', ':', '!', '?', '…'])
}

/// A section key from a heading's words: `follow-up-and-review`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() { "section".to_owned() } else { out.to_owned() }
}

/// Short and without closing punctuation (a heading's second line, which
/// may start lower-case).
fn heading_like_words(text: &str) -> bool {
    text.chars().nth(HEADING_MAX_CHARS).is_none()
        && text.split_whitespace().nth(HEADING_MAX_WORDS).is_none()
        && !trim_closers(text).ends_with(['.', ',', ';', ':', '!', '?', '…'])
}

/// The section key of a heading number: `4.1` for `4.1.`.
fn key(marker: &Marker<'_>) -> String {
    marker.parts.iter().map(u32::to_string).collect::<Vec<_>>().join(".")
}

/// Whitespace folded to single spaces.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Preamble`, in any case, with an optional colon.
fn is_preamble_heading(text: &str) -> bool {
    text.trim_end_matches(':').trim().eq_ignore_ascii_case("preamble")
}

/// A line that only frames the page: a page number (`3`, `- 3 -`, `3/9`),
/// a document symbol (`A/RES/70/125`), a UN job number (`15-22047 (E)`).
fn is_page_furniture(text: &str) -> bool {
    let numbers_only =
        text.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/' | '(' | ')'));
    let symbol = text.starts_with("A/") && !text.contains(char::is_whitespace);
    let mut tokens = text.split_whitespace();
    let job = tokens.next().is_some_and(|t| {
        t.split_once('-').is_some_and(|(a, b)| {
            a.len() == 2 && b.len() >= 4 && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
        })
    }) && tokens.nth(2).is_none();
    numbers_only || symbol || job
}

/// A lone `continued` page-furniture line.
fn is_continued(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c == '(' || c == ')' || c == '.' || c.is_whitespace());
    ["continued", "cont", "cont'd", "continued on next page"].iter().any(|w| t.eq_ignore_ascii_case(w))
}

/// The first letter is lower-case.
fn starts_lower(text: &str) -> bool {
    text.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase)
}

/// Strips closing quotes and brackets from the end.
fn trim_closers(text: &str) -> &str {
    text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
}

/// The text does not end a sentence (or a clause ending in `;` or `:`).
fn ends_mid_sentence(text: &str) -> bool {
    !trim_closers(text).ends_with(['.', '!', '?', ';', ':', '…'])
}

/// Short, starts with a capital, no closing punctuation.
fn heading_like(text: &str) -> bool {
    let short =
        text.chars().nth(HEADING_MAX_CHARS).is_none() && text.split_whitespace().nth(HEADING_MAX_WORDS).is_none();
    let capital = text.chars().find(|c| c.is_alphabetic()).is_some_and(|c| !c.is_lowercase());
    short && capital && !trim_closers(text).ends_with(['.', ',', ';', ':', '!', '?', '…'])
}

/// The start of a line for a warning.
fn snippet(text: &str) -> String {
    let mut s: String = text.chars().take(SNIPPET_CHARS).collect();
    if text.chars().nth(SNIPPET_CHARS).is_some() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        parse("t", "test", text)
    }

    fn numbers(d: &Document) -> Vec<u32> {
        d.paragraphs.iter().map(|p| p.number).collect()
    }

    fn text(d: &Document, n: u32) -> &str {
        d.paragraph(n).map_or("<missing>", |p| p.text.as_str())
    }

    #[test]
    fn dashed_and_plain_numbers_both_start_paragraphs() {
        let d = doc("Title\n\n- 1. First one.\n2. Second one.\n- 3. Third.");
        assert_eq!(numbers(&d), [1, 2, 3]);
        assert_eq!(text(&d, 1), "First one.");
        assert_eq!(text(&d, 2), "Second one.");
        assert_eq!(d.paragraphs[1].line, 4);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    #[test]
    fn title_and_preamble_heading_open_the_preamble() {
        let d =
            doc("The Title\n\nPreamble\n\n- 1. Recalling.\n- 2. Welcoming.\n\n1. ICT for Development\n\n3. We commit.");
        assert_eq!(d.title, "The Title");
        assert_eq!(d.sections.len(), 2);
        assert_eq!(d.sections[0].key, "preamble");
        assert_eq!(d.paragraphs[0].section, 0);
        assert_eq!(d.paragraphs[1].section, 0);
        assert_eq!(d.paragraphs[2].section, 1);
        assert_eq!(d.sections[1].title, "ICT for Development");
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    #[test]
    fn heading_number_is_not_the_next_paragraph_number() {
        // "2. Human rights" is short, unpunctuated and not ¶3: a heading.
        let d = doc("T\n1. Intro\n- 1. One.\n- 2. Two.\n\n2. Human rights in the Information Society\n\n3. Three.");
        assert_eq!(numbers(&d), [1, 2, 3]);
        let keys: Vec<_> = d.sections.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["preamble", "1", "2"]);
        assert_eq!(d.paragraph(3).map(|p| p.section), Some(2));
        // "1. Intro" is ¶1 by number but the next numbered line repeats 1.
        assert_eq!(d.paragraph(1).map(|p| p.section), Some(1));
    }

    #[test]
    fn short_paragraph_at_expected_number_is_not_a_heading() {
        let d = doc("T\n- 1. One.\n2. Short and unpunctuated\n3. Three.");
        assert_eq!(numbers(&d), [1, 2, 3]);
        assert_eq!(d.sections.len(), 1);
    }

    #[test]
    fn sub_headings_with_and_without_trailing_dot() {
        let d = doc(
            "T\n1. A\n- 1. One.\n1.1 Bridging Digital Divides\n- 2. Two.\n4. D\n4.1. Enhanced Cooperation\n3. Three.",
        );
        let s: Vec<_> = d.sections.iter().map(|s| (s.key.as_str(), s.level, s.parent)).collect();
        assert_eq!(
            s,
            [("preamble", 0, None), ("1", 0, None), ("1.1", 1, Some(1)), ("4", 0, None), ("4.1", 1, Some(3))]
        );
        assert_eq!(d.sections[2].title, "Bridging Digital Divides");
        assert_eq!(d.sections[4].title, "Enhanced Cooperation");
        assert_eq!(d.paragraph(3).map(|p| p.section), Some(4));
        // 4 follows 1: reported.
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
    }

    #[test]
    fn page_break_continuation_lower_case_and_mid_sentence() {
        let d = doc(
            "T\n- 5. Reaffirming the Agenda of the\n\nThird International Conference.\n- 6. We affirm \"knowledge\n\n\"knowledge societies\", in which all.\n7. Next.",
        );
        assert_eq!(numbers(&d), [5, 6, 7]);
        assert_eq!(text(&d, 5), "Reaffirming the Agenda of the Third International Conference.");
        assert_eq!(text(&d, 6), "We affirm \"knowledge \"knowledge societies\", in which all.");
    }

    #[test]
    fn dash_fragment_without_number_continues() {
        let d = doc("T\n17. We call on the communities,\n\n- and all other relevant stakeholders.\n- 18. Next.");
        assert_eq!(text(&d, 17), "We call on the communities, and all other relevant stakeholders.");
        assert_eq!(numbers(&d), [17, 18]);
    }

    #[test]
    fn lone_continued_line_is_noise_after_a_full_sentence() {
        let d = doc("T\n- 1. It ends here.\n\ncontinued.\n\n2. Two.");
        assert_eq!(text(&d, 1), "It ends here.");
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    #[test]
    fn lone_continued_line_finishes_an_open_sentence() {
        let d = doc("T\n- 1. It should be\n\ncontinued.\n\n2. Two.");
        assert_eq!(text(&d, 1), "It should be continued.");
    }

    #[test]
    fn hyphenated_line_break_keeps_hyphen_and_soft_hyphen_disappears() {
        let d = doc("T\n1. Knowledge-\nsharing and develop\u{ad}\nment, and ICT-\nEnabled things.");
        assert_eq!(text(&d, 1), "Knowledge-sharing and development, and ICT- Enabled things.");
    }

    #[test]
    fn whitespace_is_folded() {
        let d = doc("T\n1.\tWe  recall\u{a0} the\u{c}\n   Agenda .");
        assert_eq!(text(&d, 1), "We recall the Agenda .");
    }

    #[test]
    fn crlf_bom_lone_cr_and_curly_quotes() {
        let d = doc("\u{feff}Title\r\n\r\n- 1. We say “hello.”\r\n\r\nAnd more.\r- 2. Two.");
        assert_eq!(d.title, "Title");
        assert_eq!(numbers(&d), [1, 2]);
        // “hello.” ends a sentence; "And more." is an upper-case continuation.
        assert_eq!(text(&d, 1), "We say “hello.” And more.");
        assert_eq!(d.paragraphs[1].line, 6);
    }

    #[test]
    fn year_at_line_start_is_text() {
        let d = doc("T\n- 1. The Agenda for\n2030. It matters.\n- 2. Two.");
        assert_eq!(numbers(&d), [1, 2]);
        assert_eq!(text(&d, 1), "The Agenda for 2030. It matters.");
        let d = doc("T\n- 1. It ends.\n2015. A year.\n- 2. Two.");
        assert_eq!(numbers(&d), [1, 2]);
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
    }

    #[test]
    fn gap_is_reported_and_numbering_goes_on() {
        let d = doc("T\n- 1. One.\n- 2. Two.\n- 5. Five.\n- 6. Six.");
        assert_eq!(numbers(&d), [1, 2, 5, 6]);
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.warnings[0].line, 4);
        assert!(d.warnings[0].message.contains("3–4 missing"), "{}", d.warnings[0].message);
    }

    #[test]
    fn far_jump_confirmed_by_its_successor_is_a_paragraph() {
        let d = doc("T\n- 100. Hundred.\n- 101. Next.");
        assert_eq!(numbers(&d), [100, 101]);
    }

    #[test]
    fn duplicate_and_backward_numbers_stay_text() {
        let d = doc("T\n- 1. One.\n- 2. Two.\n- 2. Again.\n- 1. Back.\n- 3. Three.");
        assert_eq!(numbers(&d), [1, 2, 3]);
        assert_eq!(text(&d, 2), "Two. 2. Again. 1. Back.");
        assert_eq!(d.warnings.len(), 2, "{:?}", d.warnings);
    }

    #[test]
    fn stray_text_before_paragraphs_is_reported() {
        let d = doc("Title\nThe General Assembly,\n1. One.");
        assert_eq!(numbers(&d), [1]);
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.warnings[0].line, 2);
    }

    #[test]
    fn page_furniture_is_dropped() {
        let d =
            doc("Title\n- 1. One of\n\n3\nA/RES/70/125\n15-22047 (E)\nTitle\n\nthe things.\n\n81st plenary meeting\n");
        assert_eq!(text(&d, 1), "One of the things.");
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings); // the plenary line
    }

    #[test]
    fn heading_title_may_wrap() {
        let d = doc("T\n1. Building Confidence and Security in the use of\nICTs\n- 1. One.");
        assert_eq!(d.sections[1].title, "Building Confidence and Security in the use of ICTs");
    }

    #[test]
    fn duplicate_section_key_is_not_a_new_section() {
        let d = doc("T\n1. A\n- 1. One.\n1. A\n- 2. Two.");
        assert_eq!(d.sections.len(), 2);
    }

    #[test]
    fn orphan_sub_section_gets_a_parent_and_a_warning() {
        let d = doc("T\n- 1. One.\n2.1 Orphan\n- 2. Two.");
        assert_eq!(d.sections[1].parent, Some(0));
        assert_eq!(d.sections[1].level, 1);
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn empty_and_odd_inputs_do_not_panic() {
        for s in [
            "",
            "\u{feff}",
            "\n\n\r\r\n",
            "- ",
            "-",
            "1.",
            "- 3.",
            "1.1",
            "4294967295.",
            "99999999999. x",
            "1.1.1.1.1 A",
        ] {
            let d = doc(s);
            assert_eq!(d.sections[0].key, "preamble");
        }
        let d = doc("T\n- 3.\nWith text on the next line.");
        assert_eq!(text(&d, 3), "With text on the next line.");
        let d = doc("T\n0. Zero.\n1. One.");
        assert_eq!(numbers(&d), [1]);
        let d = doc("T\n4294967294. Max.\n4294967295. Next.\n4294967295. Again.");
        assert_eq!(numbers(&d), [4_294_967_294, 4_294_967_295]);
    }

    #[test]
    fn first_line_numbered_means_no_title() {
        let d = doc("1. We recall the things.\n2. Two.");
        // No title line: the document is named after its file (here its source, `test`).
        assert_eq!(d.title, "test");
        assert_eq!(numbers(&d), [1, 2]);
    }

    #[test]
    fn marker_parsing() {
        let m = |s| Marker::parse(s).map(|m| (m.dashed, m.parts, m.rest));
        assert_eq!(m("- 17. We"), Some((true, vec![17], "We")));
        assert_eq!(m("17."), Some((false, vec![17], "")));
        assert_eq!(m("4.1. Enhanced"), Some((false, vec![4, 1], "Enhanced")));
        assert_eq!(m("1.1 Bridging"), Some((false, vec![1, 1], "Bridging")));
        assert_eq!(m("2030 Agenda"), None);
        assert_eq!(m("17.5% of"), None);
        assert_eq!(m("17.We"), None);
        assert_eq!(m("- and"), None);
    }

    #[test]
    fn part_headings_are_whole_lines() {
        let h = |s| part_heading(s);
        assert_eq!(h("Annex"), Some(("annex".to_owned(), "")));
        assert_eq!(h("ANNEX"), Some(("annex".to_owned(), "")));
        assert_eq!(h("Annex II"), Some(("annex-ii".to_owned(), "")));
        assert_eq!(h("ANNEX 3"), Some(("annex-3".to_owned(), "")));
        assert_eq!(h("Annex I. Programme of action"), Some(("annex-i".to_owned(), "Programme of action")));
        assert_eq!(h("Annex IV: Review"), Some(("annex-iv".to_owned(), "Review")));
        assert_eq!(h("Annex I \u{2013} Review"), Some(("annex-i".to_owned(), "Review")));
        assert_eq!(h("Appendix"), Some(("appendix".to_owned(), "")));
        for text in [
            "annex",
            "Annexes",
            "Annex.",
            "Annex I.",
            "Annex I to the present resolution",
            "Annex to the present resolution",
            "Annex I. to the note",
            "Annex I. Programme of action.",
            "Annex IIII2",
            "Annex 2030",
            "AnNex",
        ] {
            assert_eq!(h(text), None, "{text}");
        }
    }

    #[test]
    fn un_layout_annex_with_its_title_on_the_line() {
        let d = doc("United Nations\nA/RES/80/5\nGeneral Assembly\nT\nThe General Assembly,\nRecalling it,\n\
             1. Adopts the annexed plan.\nAnnex I. Plan of action\n1. We act.\nObjective 1. Connect\n2. We connect.\n");
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        let keys: Vec<_> = d.sections.iter().map(|s| (s.key.as_str(), s.title.as_str(), s.parent)).collect();
        assert_eq!(
            keys,
            [
                ("preamble", "Preamble", None),
                ("annex-i", "Annex I: Plan of action", None),
                ("annex-i:objective-1", "Connect", Some(1))
            ]
        );
        let labels: Vec<_> = d.paragraphs.iter().map(Paragraph::label).collect();
        assert_eq!(labels, ["PP1", "¶1", "Annex I ¶1", "Annex I ¶2"]);
        assert_eq!(d.paragraphs.last().map(|p| p.section), Some(2));
    }

    #[test]
    fn outline_headings_are_whole_title_lines() {
        let h = |s| outline_heading(s);
        assert_eq!(h("I. Introduction"), Some(("I", "Introduction")));
        assert_eq!(h("XXVIII.  Follow-up and review"), Some(("XXVIII", "Follow-up and review")));
        assert_eq!(h("IV\tMeans of implementation"), Some(("IV", "Means of implementation")));
        assert_eq!(h("II   Digital divides"), Some(("II", "Digital divides")));
        assert_eq!(h("A. Financing"), Some(("A", "Financing")));
        assert_eq!(h("B.\tCapacity-building"), Some(("B", "Capacity-building")));
        assert_eq!(h("II."), Some(("II", "")));
        assert_eq!(h("II"), Some(("II", "")));
        assert_eq!(h("A."), Some(("A", "")));
        for text in [
            "I. of the report",
            "A. Smith, the rapporteur.",
            "I welcome it",
            "A new approach",
            "A  Financing",
            "IIII. Four",
            "VX. Wrong",
            "XXXI. Too far",
            "AB. Two letters",
            "A.Financing",
            "I.Introduction",
            "II. Digital divides.",
            "A",
            "Annex",
            "UNESCO",
        ] {
            assert_eq!(h(text), None, "{text}");
        }
    }

    #[test]
    fn roman_values_and_sentence_ends() {
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("XXX"), Some(30));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(letter_value("C"), Some(3));
        assert_eq!(letter_value("c"), None);
        assert!(ends_sentence("We act."));
        assert!(ends_sentence("We act;"));
        assert!(ends_sentence("as set out in annex I."));
        assert!(ends_sentence("as set out in chapter V.\""));
        assert!(!ends_sentence("We thank Ms."));
        assert!(!ends_sentence("presented by J."));
        assert!(!ends_sentence("see, e.g."));
        assert!(!ends_sentence("as follows:"));
        assert!(!ends_sentence("and the"));
    }

    #[test]
    fn lettered_headings_without_roman_ones_are_top_level() {
        let d = doc("T\nA. Access\n1. One.\nB. Skills\n2. Two.");
        let s: Vec<_> = d.sections.iter().map(|s| (s.key.as_str(), s.level, s.parent)).collect();
        assert_eq!(s, [("preamble", 0, None), ("a", 0, None), ("b", 0, None)]);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }

    #[test]
    fn a_top_level_arabic_heading_ends_the_roman_section_s_letters() {
        let d = doc("T\nI. General\n1. One.\nA. Access\n2. Two.\n1.1 Other\n3. Three.\nB. Skills\n4. Four.");
        let s: Vec<_> = d.sections.iter().map(|s| (s.key.as_str(), s.parent)).collect();
        // `1.1` (an orphan, reported) does not close `I.`: `B.` still nests in it.
        assert_eq!(s, [("preamble", None), ("i", None), ("i.a", Some(1)), ("1.1", Some(1)), ("i.b", Some(1))]);
        let d = doc("T\nI. General\n1. One.\nA. Access\n2. Two.\n1. Other\n3. Three.\nB. Skills\n4. Four.");
        let s: Vec<_> = d.sections.iter().map(|s| (s.key.as_str(), s.parent)).collect();
        assert_eq!(s, [("preamble", None), ("i", None), ("i.a", Some(1)), ("1", None), ("b", None)]);
        assert_eq!(numbers(&d), [1, 2, 3, 4]);
    }

    #[test]
    fn un_layout_roman_heading_after_the_preamble_and_between_operative_paragraphs() {
        let d = doc("United Nations\nA/RES/80/7\nGeneral Assembly\nT\nThe General Assembly,\nRecalling it,\n\
             I. Financing\n1. Decides to act;\nII\nReview and\nfollow-up\n2. Requests a report;\nA. Reports\n\
             3. Decides to remain seized of the matter.\n");
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        let s: Vec<_> = d.sections.iter().map(|s| (s.key.as_str(), s.title.as_str(), s.parent)).collect();
        assert_eq!(
            s,
            [
                ("preamble", "Preamble", None),
                ("i", "Financing", None),
                ("ii", "Review and follow-up", None),
                ("ii.a", "Reports", Some(2))
            ]
        );
        let labels: Vec<_> = d.paragraphs.iter().map(|p| (p.label(), p.section)).collect();
        assert_eq!(labels, [("PP1".to_owned(), 0), ("¶1".to_owned(), 1), ("¶2".to_owned(), 2), ("¶3".to_owned(), 3)]);
        // A comma ending a preambular paragraph, with no first paragraph after the line: text.
        let d = doc("United Nations\nA/RES/80/7\nGeneral Assembly\nT\nThe General Assembly,\nRecalling its work,\n\
             I. Financing\nNoting it,\n1. Decides.\n");
        assert_eq!(d.sections.len(), 1);
    }

    #[test]
    fn parse_bytes_rejects_non_utf8_with_its_line() {
        assert_eq!(parse_bytes("t", "s", b"a\nb\n\xff"), Err(ParseError::NotUtf8 { offset: 4, line: 3 }));
        let d = parse_bytes("t", "s", "\u{feff}Title\n1. One.".as_bytes());
        assert_eq!(d.map(|d| d.title), Ok("Title".to_owned()));
    }
}
