//! The second stage of the reader: the body lines the classifier left,
//! in order, become headings and paragraphs. See [`parse`](super::parse)
//! for the rules.
//!
//! One pass over the lines, with one look-ahead table (the next numbered
//! line) built in a backward pass; a [`Mode`] says what the last line
//! started and so what the next may continue.

use std::collections::HashMap;

use super::classify::{Classified, Layout};
use super::footnotes;
use super::furniture::is_continued;
use super::headings::{
    HEADING_MAX_JUMP, ROMAN, article_heading, is_preamble_heading, is_preambular_opening, key, letter_value,
    outline_heading, part_heading, roman_value, slug, word_heading,
};
use super::lines::{
    HEADING_MAX_CHARS, Line, MAX_KEY_PARTS, Marker, ends_mid_sentence, ends_sentence, fold, heading_like,
    heading_like_words, push_words, snippet, starts_lower, trim_closers,
};
use super::reading::{Facts, Furniture, LineKind, Reading, SetAside};
use super::{Document, Paragraph, ParseWarning, Section};

/// How far past the expected number a paragraph number may jump and still be
/// read as a paragraph (with a gap warning) without the next numbered line
/// confirming it.
pub const GAP_WINDOW: u32 = 20;
/// How many body lines ahead a running list looks for the paragraph
/// number it passed (see `Parser::number_comes_again`).
const LIST_LOOKAHEAD: usize = 200;
/// The part key of an omnibus resolution's section before its numeral
/// (`section-iv`): see [`Parser::opens_omnibus`].
const OMNIBUS_PART: &str = "section-";
/// A capitalised line inside a paragraph of at most this many words, in a
/// plain text, might have been a heading: it is kept, with a warning.
const HEADING_WORDS_ALONE: usize = 6;

/// What the last line started, and so what the next one may continue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Nothing open: the start of a plain text, or after `Preamble`.
    Idle,
    /// A heading was just read: its title may wrap onto the next line.
    Heading,
    /// A paragraph is open: the next lines continue it.
    Paragraph,
    /// The preamble of a UN resolution: unnumbered lines that open with
    /// `Recalling…`, `Welcoming…` start preambular paragraphs; `open` when
    /// one is being read.
    Preamble { open: bool },
}

impl Mode {
    /// A paragraph (numbered or preambular) is open.
    fn is_open(self) -> bool {
        matches!(self, Self::Paragraph | Self::Preamble { open: true })
    }

    /// Unnumbered lines may start preambular paragraphs.
    fn in_preamble(self) -> bool {
        matches!(self, Self::Preamble { .. })
    }
}

/// Where a body line went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// Not a body line (the classifier's), or not yet read.
    None,
    /// A section's heading (index in `Document::sections`).
    Section(usize),
    /// A paragraph's text (index in `Document::paragraphs`).
    Paragraph(usize),
    /// Set aside by the assembler: furniture between pages.
    SetAside(Furniture),
}

/// Assembles the classified lines of a text into a document.
pub(super) fn assemble(id: &str, source: &str, classified: Classified<'_>) -> Document {
    let Classified { lines: all, kinds, layout, title, symbol, facts, notes, untitled, preamble } = classified;
    let lines: Vec<Line<'_>> = all
        .iter()
        .zip(&kinds)
        .enumerate()
        .filter(|(_, (_, kind))| kind.is_none())
        .map(|(index, (text, _))| Line { number: index + 1, text, marker: Marker::parse(text) })
        .collect();
    let mut parser = Parser::new(id, source, &lines, layout, all.len());
    if !preamble {
        parser.mode = Mode::Idle;
        if layout == Layout::Un
            && let Some(first) = parser.doc.sections.first_mut()
        {
            // A note or report: what comes before its first heading is its
            // text, not a preamble (the key stays `preamble`).
            first.title = "Text".into();
        }
    }
    parser.doc.title = title;
    parser.doc.symbol = symbol;
    parser.doc.facts = facts;
    if untitled && let Some(first) = lines.first() {
        parser.warn(first.number, "no title line: the first line is already part of the document body".into());
    }
    for index in 0..lines.len() {
        parser.line(index);
    }
    let targets = std::mem::take(&mut parser.targets);
    let spans = std::mem::take(&mut parser.spans);
    let mut doc = parser.finish();
    let unplaced = footnotes::attach_notes(&mut doc, notes, spans);
    doc.reading = reading(&doc, &all, kinds, &targets, &unplaced);
    doc
}

/// The reading report: a kind for every line, the set-aside lines, and the
/// conservation check — every word of every body line is found, in order,
/// in the element it went to (title, heading, paragraph, footnote).
fn reading(
    doc: &Document,
    lines: &[&str],
    kinds: Vec<Option<LineKind>>,
    targets: &[Target],
    unplaced: &[(usize, u32)],
) -> Reading {
    let mut out = Reading::default();
    let mut per_paragraph: Vec<String> = vec![String::new(); doc.paragraphs.len()];
    let mut per_section: Vec<String> = vec![String::new(); doc.sections.len()];
    let mut title = String::new();
    for (index, (line, kind)) in lines.iter().zip(kinds).enumerate() {
        let target = targets.get(index).copied().unwrap_or(Target::None);
        let kind = match (kind, target) {
            (Some(kind), _) => kind,
            (None, Target::Section(_)) => LineKind::Heading,
            (None, Target::Paragraph(p)) if doc.paragraphs.get(p).is_some_and(|p| p.preambular) => LineKind::Preambular,
            (None, Target::Paragraph(_)) => LineKind::Paragraph,
            (None, Target::SetAside(f)) => LineKind::Furniture(f),
            (None, Target::None) => LineKind::Paragraph,
        };
        if kind.is_set_aside() {
            out.set_aside.push(SetAside { line: index + 1, kind, text: (*line).to_owned() });
        } else if kind != LineKind::Blank && kind != LineKind::FootnoteRule {
            let buf = match target {
                Target::Section(s) => per_section.get_mut(s),
                Target::Paragraph(p) => per_paragraph.get_mut(p),
                _ if kind == LineKind::Title => Some(&mut title),
                _ => None,
            };
            if let Some(buf) = buf {
                buf.push_str(line);
                buf.push(' ');
            }
            out.body_words += word_count(line);
        }
        out.kinds.push(kind);
    }
    // Footnote lines are checked against the notes as a whole.
    let mut notes_source = String::new();
    for (line, kind) in lines.iter().zip(&out.kinds) {
        if *kind == LineKind::Footnote {
            notes_source.push_str(line);
            notes_source.push(' ');
        }
    }
    let mut all_notes: Vec<&super::Footnote> = doc.paragraphs.iter().flat_map(|p| &p.footnotes).collect();
    all_notes.sort_by_key(|n| n.number);
    // A note cited again has one text for all its markers.
    all_notes.dedup_by_key(|n| n.number);
    let notes_text: String = all_notes.iter().map(|n| format!("{} {} ", n.number, n.text)).collect();
    let mut placed = 0;
    // A heading's or title's number (`1.`, `II.`, `Objective 1.`, `80/173.`)
    // is its key, not its text: at most this many letters may come first.
    const NUMBERING: usize = 12;
    let mut check = |source: &str, placed_text: &str, numbering: usize| {
        let (source_letters, placed_letters) = (letters(source), letters(placed_text));
        let kept = source_letters
            .strip_suffix(placed_letters.as_str())
            .is_some_and(|prefix| prefix.chars().count() <= numbering);
        if kept {
            placed += word_count(source);
        }
    };
    check(&title, &doc.title, NUMBERING);
    for (source, section) in per_section.iter().zip(&doc.sections) {
        if !source.is_empty() {
            check(source, &section.title, NUMBERING);
        }
    }
    for (index, (source, paragraph)) in per_paragraph.iter().zip(&doc.paragraphs).enumerate() {
        let numbered = if paragraph.preambular { String::new() } else { paragraph.number.to_string() };
        let missing: Vec<u32> = unplaced.iter().filter(|(p, _)| *p == index).map(|(_, n)| *n).collect();
        check(source, &format!("{numbered} {}", with_markers(paragraph, &missing)), 0);
    }
    check(&notes_source, &notes_text, 0);
    out.placed_words = placed;
    out
}

/// A paragraph's text with its footnote markers put back where they stood
/// (not those of the notes in `missing`, whose markers were not found).
fn with_markers(paragraph: &Paragraph, missing: &[u32]) -> String {
    let mut out = String::with_capacity(paragraph.text.len() + 4 * paragraph.footnotes.len());
    let mut from = 0;
    for note in paragraph.footnotes.iter().filter(|n| !missing.contains(&n.number)) {
        let at = note.at.clamp(from, paragraph.text.len());
        out.push_str(paragraph.text.get(from..at).unwrap_or_default());
        out.push_str(&note.number.to_string());
        from = at;
    }
    out.push_str(paragraph.text.get(from..).unwrap_or_default());
    out
}

/// The letters and digits of a text, in order (what the reader must keep;
/// spacing, hyphens and soft hyphens it may change).
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Closing punctuation hidden by a footnote marker glued after it
/// (`70/125,1`, `Rights.2`): the line ends a clause, it is no heading.
fn closes_before_marker(text: &str) -> bool {
    let stripped = without_marker(text);
    stripped.len() < text.len() && trim_closers(stripped).ends_with(['.', ',', ';', ':'])
}

/// A text without the footnote marker at its end, glued or set apart by a
/// space after closing punctuation (`Rights,2`, `intolerance, 15`,
/// `Society.5`): `Rights,`; the text itself when it ends otherwise.
fn without_marker(text: &str) -> &str {
    let stripped = text.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = text.len() - stripped.len();
    let bare = stripped.trim_end();
    if (1..=3).contains(&digits) && trim_closers(bare).ends_with(['.', ',', ';', ':']) { bare } else { text }
}

/// A line that opens with a number too large for a paragraph number
/// (`4294967296. …`, `99999999999999999999.`): the digits.
fn overflowing_number(text: &str) -> Option<&str> {
    let text = text.strip_prefix(['-', '–', '—', '•']).map_or(text, str::trim_start);
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let (number, rest) = text.split_at(digits);
    let dotted = rest.strip_prefix('.').is_some_and(|r| r.is_empty() || r.starts_with(char::is_whitespace));
    (digits > 0 && dotted && number.parse::<u32>().is_err()).then_some(number)
}

/// Words with a letter or digit in them.
fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// How the next continuation line joins the text so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// With one space.
    Space,
    /// Without a space (after a soft hyphen).
    Glue,
    /// Without a space if the next line goes on with a letter or digit
    /// (after `letter-`: `knowledge-sharing`, `Open-Ended`, `COVID-19`).
    Hyphen,
    /// Without a space if the next line goes on with a digit (after
    /// `digit-` or `digit–`: a range, `2015–2030`).
    Range,
}

/// The parser's state while it walks the lines once.
struct Parser<'l, 'a> {
    lines: &'l [Line<'a>],
    /// For each line, the single number of the next line that carries one.
    next_number: Vec<Option<u32>>,
    doc: Document,
    /// Index of the section new paragraphs go into.
    current: usize,
    /// What the last line started, and so what the next may continue.
    mode: Mode,
    /// Plain text or UN layout.
    layout: Layout,
    /// Where each source line went (index 0 is line 1), for the reading
    /// report and the conservation check.
    targets: Vec<Target>,
    /// Where the line being read went.
    target: Target,
    /// 0-based index of the line being read.
    at: usize,
    /// Where each paragraph's lines start in its text (see
    /// [`footnotes::Spans`]).
    spans: footnotes::Spans,
    /// Last paragraph number accepted.
    last_number: Option<u32>,
    /// Number of the last top-level heading.
    last_top: u32,
    /// Section key → index.
    keys: HashMap<String, usize>,
    /// Last section seen at each level (for parents of orphan sub-sections).
    last_at_level: [Option<usize>; MAX_KEY_PARTS],
    join: Join,
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
    /// The last word heading (`Objective 1.`), which bare headings after it
    /// may nest in,
    /// and whether they do (a sub-heading came right after it).
    word_section: Option<(usize, bool)>,
    /// The last `Part` word heading of the part being read, which
    /// `Section` headings after it nest in.
    word_parent: Option<usize>,
    /// While the articles of a convention are read: the part they are in
    /// (the annex, or `None` for the body), each article being a part of
    /// its own (see [`Parser::article_line`]).
    article_base: Option<Option<(String, usize)>>,
    /// The last `Chapter` heading among articles, which they nest in.
    chapter: Option<usize>,
    /// An article heading without its title on its line: the next line is
    /// its title.
    article_untitled: bool,
    /// The 1-based line number of the last body line read (a blank line
    /// lies between it and the next when they are more than one apart).
    last_line: usize,
}

impl<'l, 'a> Parser<'l, 'a> {
    fn new(id: &str, source: &str, lines: &'l [Line<'a>], layout: Layout, line_count: usize) -> Self {
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
                facts: Facts::default(),
                reading: Reading::default(),
            },
            current: 0,
            mode: if layout == Layout::Un { Mode::Preamble { open: false } } else { Mode::Idle },
            layout,
            targets: vec![Target::None; line_count],
            target: Target::None,
            at: 0,
            spans: Vec::new(),
            last_number: None,
            last_top: 0,
            keys,
            last_at_level: [Some(0), None, None, None],
            join: Join::Space,
            preambular: 0,
            list_next: None,
            part: None,
            annex_root: None,
            title_pending: None,
            last_roman: 0,
            roman_section: None,
            last_letter: 0,
            word_section: None,
            word_parent: None,
            article_base: None,
            chapter: None,
            article_untitled: false,
            last_line: 0,
        }
    }

    fn warn(&mut self, line: usize, message: String) {
        self.doc.warnings.push(ParseWarning { line, message });
    }

    /// Reads line `index` and records where it went.
    fn line(&mut self, index: usize) {
        let Some(line) = self.lines.get(index) else { return };
        self.target = Target::None;
        self.at = line.number.saturating_sub(1);
        self.read_line(index);
        self.last_line = line.number;
        if let Some(slot) = line.number.checked_sub(1).and_then(|i| self.targets.get_mut(i)) {
            *slot = self.target;
        }
    }

    /// Classifies and consumes line `index`.
    fn read_line(&mut self, index: usize) {
        let Some(line) = self.lines.get(index) else { return };
        let text = line.text;
        let number = line.number;
        if is_preamble_heading(text) && self.part.is_some() && self.last_number.is_none() {
            // A convention's, declaration's or compact's own preamble, in
            // its annex (after its chapeau, if any): a section of the annex,
            // of clauses or of numbered paragraphs.
            let key = self.unique_key(&self.scoped("preamble"));
            let clauses = self.preambular == 0;
            self.named_heading(number, key, text.trim_end_matches(':'));
            if clauses {
                self.mode = Mode::Preamble { open: false };
            }
            return;
        }
        if is_preamble_heading(text) {
            if self.doc.sections.len() > 1 || !self.doc.paragraphs.is_empty() {
                self.warn(number, "a \"Preamble\" heading after the preamble started; ignored".into());
            }
            self.mode = if self.mode.in_preamble() { Mode::Preamble { open: false } } else { Mode::Idle };
            self.target = Target::Section(0);
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
        if self.unnumbered_line(index, number, text) {
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
        if let Some(digits) = overflowing_number(text) {
            self.warn(number, format!("{digits}. is too large for a paragraph number; kept as text"));
        }
        self.text_line(number, text);
    }

    /// `1.1 Title` after a finished paragraph. No UN heading is numbered
    /// from 0 (`0.8220 Swiss francs…` is a rate wrapped to a line start),
    /// and none cuts a sentence.
    fn is_sub_heading(&self, marker: &Marker<'_>) -> bool {
        let mid_sentence = self.mode.is_open() && self.open_text().is_none_or(ends_mid_sentence);
        marker.parts.len() > 1
            && !marker.parts.contains(&0)
            && !mid_sentence
            && !marker.dashed
            && heading_like(marker.rest)
            && !self.keys.contains_key(&self.scoped(&key(marker)))
    }

    fn is_top_heading(&self, marker: &Marker<'_>, index: usize) -> bool {
        let Some(n) = marker.single() else { return false };
        let expected = self.expected();
        let repeated = self.next_number.get(index).copied().flatten() == Some(n);
        !marker.dashed
            && !self.in_list(n, index)
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
        let in_list = self.in_list(n, index);
        if n == expected && self.last_number != Some(u32::MAX) && !in_list {
            return true;
        }
        let plausible = n > expected && n - expected <= GAP_WINDOW;
        if in_list {
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
        let mid_sentence = self.mode.is_open() && self.open_text().is_none_or(ends_mid_sentence);
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
        if self.layout != Layout::Un {
            return Some(text);
        }
        Some(without_marker(text))
    }

    fn start_paragraph(&mut self, line: usize, number: u32, rest: &str) {
        self.open_operative_part();
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
        self.list_next = None;
        self.mode = Mode::Paragraph;
        self.join = Join::Space;
        self.append(rest);
    }

    /// A resolution without headings has two parts: when its first numbered
    /// paragraph follows preambular ones in the same section, the numbered
    /// ones go into a section of their own, `Operative paragraphs` (key
    /// `operative`), rather than under the preamble's heading.
    fn open_operative_part(&mut self) {
        let preamble_first = self.last_number.is_none()
            && self.doc.paragraphs.last().is_some_and(|p| p.preambular && p.section == self.current)
            && self.current == 0
            && self.part.is_none();
        if !preamble_first || self.keys.contains_key("operative") {
            return;
        }
        let index = self.doc.sections.len();
        self.doc.sections.push(Section {
            key: "operative".into(),
            title: "Operative paragraphs".into(),
            level: 0,
            parent: None,
        });
        self.keys.insert("operative".into(), index);
        self.last_at_level = [Some(index), None, None, None];
        self.current = index;
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
            self.word_section = None;
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
        self.target = Target::Section(index);
        self.mode = Mode::Heading;
    }

    /// Whether `n.` is an item of a numbered list inside the open paragraph:
    /// `1.` after a colon, or the next item of a list already started.
    /// A list opens with `1.` after a colon, or with a `1.` going back
    /// from the paragraph numbers that a `2.` follows, naming something
    /// rather than saying it (`Objectives for…` / `1. Collect…` / `2.
    /// Minimize…` inside ¶16; `1. Back to one.` is a paragraph going back). A running list goes on
    /// past the next paragraph number when that number comes again after
    /// the list (the compact's objectives 1–23 inside its ¶16, then ¶17).
    fn in_list(&self, n: u32, index: usize) -> bool {
        let started = self.list_next == Some(n);
        let colon = self.open_text().is_some_and(|t| trim_closers(t).ends_with(':'));
        // Items of such a list are names (objectives), not sentences.
        let item = match self.lines.get(index).and_then(|l| l.marker.as_ref()).map(|m| m.rest) {
            Some(rest) if !rest.is_empty() => Some(rest),
            _ => self.lines.get(index + 1).map(|l| l.text),
        };
        let goes_on = self.next_number.get(index).copied().flatten() == Some(2)
            && item.is_some_and(|t| !trim_closers(t).ends_with(['.', ';', ':', '!', '?']));
        let opens = n == 1 && self.mode.is_open() && (colon || goes_on);
        let back = self.last_number.is_some_and(|last| n <= last);
        back && (started || opens) || started && self.number_comes_again(index, n)
    }

    /// Whether, after the numbered lines that run on from `n` at line
    /// `index` (`n+1`, `n+2`…), the next numbered line is the expected
    /// paragraph number, passed by the run.
    fn number_comes_again(&self, index: usize, n: u32) -> bool {
        let expected = self.expected();
        if n < expected {
            return false;
        }
        let mut last = n;
        for line in self.lines.iter().skip(index + 1).take(LIST_LOOKAHEAD) {
            let Some(m) = line.marker.as_ref().and_then(Marker::single) else { continue };
            if m == last.saturating_add(1) {
                last = m;
            } else {
                return m == expected;
            }
        }
        false
    }

    /// The readings of a line without a number, tried before the ordinary
    /// ones: a word heading (`Objective 1. Close…`), a bare heading (a short
    /// line, or two, between a finished paragraph and the next numbered
    /// one), a heading's second line, and in a UN preamble a new preambular
    /// paragraph. Returns whether the line was consumed.
    fn unnumbered_line(&mut self, index: usize, number: usize, text: &str) -> bool {
        if self.lines.get(index).is_some_and(|l| l.marker.is_some()) {
            return false;
        }
        if self.omnibus_section_line(index, number, text) || self.article_text_line(text) {
            return true;
        }
        // A list item's number alone on the line before (`3.`): its name
        // is on this line, and no clause has ended.
        let after_item = self.list_next.is_some()
            && index.checked_sub(1).and_then(|i| self.lines.get(i)).is_some_and(|prev| {
                prev.marker.as_ref().is_some_and(|m| m.rest.is_empty() && m.single().map(|n| n + 1) == self.list_next)
            });
        let clause_ended = !after_item
            && (!self.mode.is_open()
                || self.open_text().is_some_and(|t| trim_closers(t).ends_with(['.', ';', ':', ','])));
        // A list item (`23. Strengthen international cooperation`) ends
        // without punctuation; a word heading may follow it.
        let list_ended = self.list_next.is_some() && word_heading(text).is_some();
        if clause_ended || list_ended {
            if let Some((n, title)) = article_heading(text)
                && self.article_line(index, n, title)
            {
                return true;
            }
            if let Some((key, title)) = word_heading(text).map(|(key, title)| (self.scoped(&key), title))
                && !self.keys.contains_key(&key)
            {
                // A budget's `Section 29D` nests in the `Part VIII` before it.
                let word = key.rsplit(':').next().unwrap_or_default();
                let chapter = word.starts_with("chapter-");
                if chapter && let Some(base) = self.article_base.clone() {
                    self.part = base;
                }
                let (is_part, is_section) = (word.starts_with("part-"), word.starts_with("section-"));
                match self.word_parent.filter(|_| is_section) {
                    Some(parent) => self.sub_heading(key, title, parent),
                    None => self.named_heading(number, key, title),
                }
                if is_part {
                    self.word_parent = Some(self.current);
                }
                if chapter {
                    self.chapter = Some(self.current);
                }
                self.word_section = Some((self.current, false));
                return true;
            }
            if let Some(lines) = self.bare_heading(index) {
                let title =
                    fold(&self.lines.iter().skip(index).take(lines).map(|l| l.text).collect::<Vec<_>>().join(" "));
                let key = self.unique_key(&self.scoped(&slug(&title)));
                // Under a word heading that a bare heading follows at once,
                // the bare headings are its sub-headings; else top-level.
                match self.word_section {
                    Some((parent, nests)) if nests || self.mode == Mode::Heading && self.current == parent => {
                        self.word_section = Some((parent, true));
                        self.sub_heading(key, text, parent);
                    }
                    _ => self.named_heading(number, key, text),
                }
                return true;
            }
        }
        if self.mode.in_preamble() {
            let first = self.doc.paragraphs.is_empty();
            let after_clause = self.open_text().is_some_and(|t| trim_closers(t).ends_with([',', ';', ':', '.']));
            if first && text.starts_with(|c: char| c.is_uppercase()) || after_clause && is_preambular_opening(text) {
                self.start_preambular(number, text);
                return true;
            }
        }
        let wraps = starts_lower(text) || self.next_starts_paragraph(index + 1);
        if self.mode == Mode::Heading && heading_like_words(text) && wraps {
            self.extend_title(text);
            return true;
        }
        false
    }

    /// Whether the Roman heading at line `index` opens the first section of
    /// an omnibus resolution (budget and administrative resolutions: `I`,
    /// its title, then its own preamble): it comes right after the opening
    /// (`The General Assembly,`), and a preambular clause follows its title
    /// before any numbered paragraph.
    fn opens_omnibus(&self, index: usize) -> bool {
        if self.layout != Layout::Un || !self.mode.in_preamble() || !self.doc.paragraphs.is_empty() {
            return false;
        }
        // The title (at most three lines), then the section's first clause.
        self.lines
            .iter()
            .skip(index + 2)
            .take(3)
            .take_while(|l| l.marker.is_none())
            .any(|l| is_preambular_opening(l.text))
    }

    /// Whether an omnibus section is being read (see [`Parser::opens_omnibus`]).
    fn in_section_part(&self) -> bool {
        self.part.as_ref().is_some_and(|(key, _)| key.starts_with(OMNIBUS_PART))
    }

    /// Starts the part of the omnibus section just read (`section-iv`):
    /// like an annex, it has its own preamble and its own paragraph
    /// numbering from 1 (the UN cites "section IV, paragraph 2").
    fn start_section_part(&mut self, numeral: &str) {
        self.part = Some((format!("{OMNIBUS_PART}{}", numeral.to_ascii_lowercase()), self.current));
        self.last_number = None;
        self.preambular = 0;
        self.last_top = 0;
        self.list_next = None;
        self.last_letter = 0;
    }

    /// A line of an omnibus section before its first numbered paragraph:
    /// its title's lines (the first line, and the lines that follow without
    /// a blank line), then its preambular clauses, or the one unnumbered
    /// paragraph a section of a single decision has (`Approves the gross
    /// budget…`). Returns whether the line was consumed.
    fn omnibus_section_line(&mut self, index: usize, number: usize, text: &str) -> bool {
        if self.mode != Mode::Heading || !self.in_section_part() || self.last_number.is_some() {
            return false;
        }
        let titled = self.doc.sections.get(self.current).is_some_and(|s| !s.title.is_empty());
        let apart = index.checked_sub(1).and_then(|i| self.lines.get(i)).is_some_and(|prev| prev.number + 1 < number);
        if !titled || !apart && !is_preambular_opening(text) {
            self.extend_title(text);
            return true;
        }
        self.mode = if is_preambular_opening(text) { Mode::Preamble { open: false } } else { Mode::Paragraph };
        self.start_preambular(number, text);
        true
    }

    /// An article heading (`Article 7`, see [`article_heading`]) at line
    /// `index`, after a finished paragraph or clause: a section (under the
    /// last `Chapter`, else under the annex), and a part of its own, since a
    /// convention numbers its paragraphs again in each article: `Article 7
    /// ¶2` (key `article-7`; `annex-ii-article-7` in a second annex).
    /// `Article 7` alone needs its title on the next line. Returns whether
    /// the line was consumed.
    fn article_line(&mut self, index: usize, n: u32, title: &str) -> bool {
        if title.is_empty()
            && !self.lines.get(index + 1).is_some_and(|next| next.marker.is_none() && heading_like(next.text))
        {
            return false;
        }
        let base = match &self.article_base {
            Some(base) => base.clone(),
            None => self.part.clone(),
        };
        let key = match &base {
            Some((annex, _)) if annex != "annex" => format!("{annex}-article-{n}"),
            _ => format!("article-{n}"),
        };
        if self.keys.contains_key(&key) {
            return false;
        }
        let parent = self.chapter.or_else(|| base.as_ref().map(|(_, i)| *i));
        let level = parent.and_then(|p| self.doc.sections.get(p)).map_or(0, |s| s.level.saturating_add(1));
        let section = self.doc.sections.len();
        self.doc.sections.push(Section { key: key.clone(), title: fold(title), level, parent });
        self.keys.insert(key.clone(), section);
        self.article_base = Some(base);
        self.article_untitled = title.is_empty();
        self.part = Some((key, section));
        self.current = section;
        self.target = Target::Section(section);
        self.last_at_level = [Some(section), None, None, None];
        self.last_number = None;
        self.preambular = 0;
        self.last_top = 0;
        self.list_next = None;
        self.word_section = None;
        self.mode = Mode::Heading;
        true
    }

    /// A line right after an article heading: its title when the heading
    /// had none on its line; else, before any numbered paragraph, the text
    /// of an article of one paragraph, which conventions leave unnumbered.
    fn article_text_line(&mut self, text: &str) -> bool {
        if self.mode != Mode::Heading || self.article_base.is_none() || self.last_number.is_some() {
            return false;
        }
        if std::mem::take(&mut self.article_untitled) {
            self.extend_title(text);
            return true;
        }
        if self.preambular > 0
            || article_heading(text).is_some()
            || word_heading(text).is_some()
            || part_heading(text).is_some()
        {
            return false;
        }
        self.mode = Mode::Paragraph;
        self.start_preambular(self.at + 1, text);
        true
    }

    /// Whether line `index` is the next numbered paragraph.
    fn next_starts_paragraph(&self, index: usize) -> bool {
        self.lines
            .get(index)
            .and_then(|l| l.marker.as_ref())
            .and_then(Marker::single)
            .is_some_and(|n| n == self.expected())
    }

    /// Whether line `index` is a bare heading: a short capitalised line
    /// without closing punctuation, after a finished paragraph (in a UN
    /// preamble, after its last clause's comma), followed by the next
    /// numbered paragraph directly or after one more heading-like line (a
    /// wrapped heading). Returns the heading's number of lines.
    fn bare_heading(&self, index: usize) -> Option<usize> {
        let text = self.lines.get(index)?.text;
        // Outline, part and word headings have their own rules, which
        // have already said no.
        if !heading_like(text)
            || text.chars().nth(HEADING_MAX_CHARS).is_some()
            || outline_heading(text).is_some()
            || part_heading(text).is_some()
            || word_heading(text).is_some()
            || self.mode.in_preamble() && is_preambular_opening(text)
            || closes_before_marker(text)
        {
            return None;
        }
        // Right after a word heading with its title on its line, a bare
        // heading is its first sub-heading, not the title's second line.
        let after_word_heading = self.word_section.is_some_and(|(s, _)| s == self.current)
            && self.doc.sections.get(self.current).is_some_and(|s| !s.title.is_empty());
        let finished = match self.open_text() {
            _ if !self.mode.is_open() => self.mode != Mode::Heading || after_word_heading,
            Some(t) if self.mode.in_preamble() && self.last_number.is_none() => {
                trim_closers(t).ends_with([',', '.', ';', ':'])
            }
            Some(t) => ends_sentence(t),
            None => true,
        };
        if !finished {
            return None;
        }
        if self.next_starts_paragraph(index + 1) {
            return Some(1);
        }
        let second = self.lines.get(index + 1)?;
        let fits = second.marker.is_none()
            && heading_like_words(second.text)
            && text.chars().count() + second.text.chars().count() <= 2 * HEADING_MAX_CHARS
            && outline_heading(second.text).is_none()
            && part_heading(second.text).is_none()
            && !is_preambular_opening(second.text);
        (fits && self.next_starts_paragraph(index + 2)).then_some(2)
    }

    /// A bare heading under a word heading (`Objective 1.`): a sub-section.
    fn sub_heading(&mut self, key: String, title: &str, parent: usize) {
        let level = self.doc.sections.get(parent).map_or(0, |s| s.level.saturating_add(1));
        let index = self.doc.sections.len();
        self.doc.sections.push(Section { key: key.clone(), title: fold(title), level, parent: Some(parent) });
        self.keys.insert(key, index);
        self.last_at_level = [Some(parent), Some(index), None, None];
        self.current = index;
        self.target = Target::Section(index);
        self.mode = Mode::Heading;
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
        self.mode = if self.mode.in_preamble() { Mode::Preamble { open: true } } else { Mode::Paragraph };
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
        self.word_section = None;
        self.last_letter = 0;
        self.current = index;
        self.target = Target::Section(index);
        self.mode = Mode::Heading;
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
        // A numeral alone on its line: its title must be the next line (in
        // an omnibus resolution, any capitalised line: its titles are long).
        let omnibus_next = title.is_empty()
            && self.in_section_part()
            && roman_value(numeral) == Some(self.last_roman + 1)
            && self.lines.get(index + 1).is_some_and(|next| {
                next.marker.is_none()
                    && next.text.starts_with(char::is_uppercase)
                    && outline_heading(next.text).is_none()
            });
        if title.is_empty()
            && !omnibus_next
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
                        self.target = Target::Section(index);
                        self.target = Target::Section(index);
                        self.mode = Mode::Heading;
                    }
                    None => self.named_heading(line, key, title),
                }
                self.last_letter = l;
                true
            }
            (_, Some(r)) => {
                // The next section of an omnibus resolution is not inside the last.
                let leaving = self.in_section_part();
                let key =
                    if leaving { numeral.to_ascii_lowercase() } else { self.scoped(&numeral.to_ascii_lowercase()) };
                if self.keys.contains_key(&key) {
                    return false;
                }
                if leaving {
                    self.part = None;
                }
                if r != self.last_roman + 1 {
                    let expected = ROMAN.get(self.last_roman as usize).copied().unwrap_or("?");
                    self.warn(line, format!("section {numeral}. comes where {expected}. was expected{place}"));
                }
                let omnibus = leaving || self.opens_omnibus(index);
                self.named_heading(line, key, title);
                self.roman_section = Some(self.current);
                self.word_parent = None;
                self.last_roman = r;
                if omnibus {
                    self.start_section_part(numeral);
                }
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
        let preamble_ends = self.layout == Layout::Un
            && self.mode.in_preamble()
            && self.last_number.is_none()
            && self.open_text().is_some_and(|t| trim_closers(t).ends_with(','))
            && self.lines.get(body).and_then(|l| l.marker.as_ref()).and_then(Marker::single) == Some(1);
        if self.mode.is_open() && !self.open_text().is_some_and(ends_sentence) && !preamble_ends {
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
        if self.mode.is_open() && !self.open_text().is_some_and(ends_sentence) {
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
            // The part's name repeated at the top of a page: a running header.
            self.target = Target::SetAside(Furniture::RunningHeader);
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
        self.target = Target::Section(index);
        self.last_at_level = [Some(index), None, None, None];
        self.last_number = None;
        self.preambular = 0;
        self.last_top = 0;
        self.last_roman = 0;
        self.roman_section = None;
        self.word_section = None;
        self.word_parent = None;
        self.article_base = None;
        self.chapter = None;
        self.last_letter = 0;
        self.list_next = None;
        self.mode = Mode::Heading;
        true
    }

    /// Adds a line to the title of the heading just read: with `: ` after an
    /// annex heading that had no title (`Annex: Programme of action`), else
    /// with a space.
    fn extend_title(&mut self, text: &str) {
        let pending = self.title_pending.take() == Some(self.current);
        self.target = Target::Section(self.current);
        if let Some(section) = self.doc.sections.get_mut(self.current) {
            if !section.title.is_empty() {
                section.title.push_str(if pending { ": " } else { " " });
            }
            section.title.push_str(&fold(text));
        }
    }

    /// `key`, or `key-2`, `key-3`… if taken.
    fn unique_key(&self, key: &str) -> String {
        crate::id::unique(key, |k| self.keys.contains_key(k))
    }

    /// A line that starts nothing: a continuation, a heading's second line,
    /// page furniture between pages, or text the reader cannot place, which
    /// is kept (in the open paragraph, else as an unnumbered paragraph of
    /// its own) with a warning: no word is ever dropped.
    fn text_line(&mut self, line: usize, text: &str) {
        // A fragment behind a bare list dash: `- and all other…`.
        let text = match text.strip_prefix(['-', '–', '—', '•']) {
            Some(after) if after.starts_with(char::is_whitespace) || after.is_empty() => after.trim_start(),
            _ => text,
        };
        let mid_sentence = self.mode.is_open() && self.open_text().is_none_or(ends_mid_sentence);
        if !text.chars().any(char::is_alphanumeric) {
            // Punctuation alone: kept where it finishes a sentence.
            if mid_sentence {
                self.append(text);
            } else {
                self.target = Target::SetAside(Furniture::PageMarker);
            }
            return;
        }
        if !text.chars().any(char::is_alphabetic) && !mid_sentence && self.layout == Layout::Plain {
            // A number alone after a finished sentence: a page number (a UN
            // layout's page markers are anchors, already set aside).
            self.target = Target::SetAside(Furniture::PageMarker);
            return;
        }
        if is_continued(text) && !mid_sentence {
            self.target = Target::SetAside(Furniture::Continued);
            return;
        }
        if self.mode.is_open() {
            // A capitalised short line (a sub-item's wrap, a one-word
            // justified line, a new sentence) is text of the paragraph; so is
            // a line after an abbreviation or initial (`Ms.` / `A. Smith`).
            let abbreviated = self.open_text().is_some_and(|t| trim_closers(t).ends_with('.') && !ends_sentence(t));
            let odd = !(mid_sentence || abbreviated || starts_lower(text) || !heading_like(text))
                && text.split_whitespace().nth(HEADING_WORDS_ALONE).is_none();
            if odd && self.layout == Layout::Plain {
                let label = self.doc.paragraphs.last().map(Paragraph::label).unwrap_or_default();
                self.warn(line, format!("a line like a heading inside {label}, kept in it: \"{}\"", snippet(text)));
            }
            self.append(text);
            return;
        }
        // An annex's title ends at a blank line: its chapeau (`We, the
        // Heads of State…`) follows.
        let titled_part = self.part.as_ref().is_some_and(|(_, i)| *i == self.current)
            && self.doc.sections.get(self.current).is_some_and(|s| s.title.contains(": "))
            && self.last_line + 1 < line;
        if self.mode == Mode::Heading
            && !titled_part
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
        if self.part.is_none() {
            self.warn(
                line,
                format!("text outside any numbered paragraph, kept as an unnumbered paragraph: \"{}\"", snippet(text)),
            );
        }
        // An annex's unnumbered opening (`We, the Heads of State…,`), or
        // text before the first paragraph: a paragraph of its own.
        self.start_preambular(line, text);
    }

    /// Appends a line's words to the open paragraph.
    fn append(&mut self, text: &str) {
        self.target = Target::Paragraph(self.doc.paragraphs.len().saturating_sub(1));
        self.spans.resize_with(self.doc.paragraphs.len(), Vec::new);
        let Some(paragraph) = self.doc.paragraphs.last_mut() else { return };
        if let Some(spans) = self.spans.last_mut()
            && spans.last().is_none_or(|(line, _)| *line != self.at)
        {
            spans.push((self.at, paragraph.text.len()));
        }
        let buf = &mut paragraph.text;
        let glue = match self.join {
            Join::Space => false,
            Join::Glue => true,
            Join::Hyphen => text.trim_start().starts_with(char::is_alphanumeric),
            Join::Range => text.trim_start().starts_with(|c: char| c.is_ascii_digit()),
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
            (Some('-' | '–'), Some(c)) if c.is_ascii_digit() => Join::Range,
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
