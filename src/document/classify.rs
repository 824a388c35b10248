//! The first stage of the reader: every line gets its kind, before any
//! paragraph is assembled — masthead and opening ([`masthead`]), title,
//! page furniture ([`furniture`]), footnote blocks ([`footnotes`]), the
//! closing lines. What is left is body text, for the assembler, which
//! decides between headings and paragraphs.
//!
//! [`masthead`]: super::masthead
//! [`furniture`]: super::furniture
//! [`footnotes`]: super::footnotes

use super::footnotes::{self, Note};
use super::furniture;
use super::headings::{is_preamble_heading, outline_heading, part_heading, word_heading};
use super::lines::{Marker, heading_like, heading_like_words, starts_lower};
use super::masthead;
use super::reading::{Facts, Furniture, LineKind};

/// A wrapped plain-text title runs over at most this many lines.
const TITLE_MAX_LINES: usize = 3;

/// Which rules the assembler follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// A plain text: the first line is the title, `Preamble` opens the
    /// preamble, paragraphs are numbered.
    Plain,
    /// A UN document with a masthead and an opening: unnumbered paragraphs
    /// after the opening are preambular, headings may be bare lines.
    Un,
}

/// The lines of a text with the kinds this stage could give them.
pub(super) struct Classified<'t> {
    /// Every source line, trimmed (index 0 is line 1).
    pub lines: Vec<&'t str>,
    /// A kind per line; `None` for body text, left to the assembler.
    pub kinds: Vec<Option<LineKind>>,
    /// The rules for the assembler.
    pub layout: Layout,
    /// The title (possibly empty).
    pub title: String,
    /// The document's symbol, from its masthead.
    pub symbol: Option<String>,
    /// What the masthead and closing lines told.
    pub facts: Facts,
    /// The footnotes, in order.
    pub notes: Vec<Note>,
    /// The plain text's first line is no title (it is already body text).
    pub untitled: bool,
    /// A UN text with an opening (`The General Assembly,`): unnumbered
    /// lines after it are preambular. A note has none.
    pub preamble: bool,
}

/// Classifies every line of `text` (one line per `\n`, `\r\n` or `\r`).
pub(super) fn classify(text: &str) -> Classified<'_> {
    let lines: Vec<&str> = super::lines::split_lines(text).map(|(_, l)| l.trim()).collect();
    let mut kinds: Vec<Option<LineKind>> =
        lines.iter().map(|l| if l.is_empty() { Some(LineKind::Blank) } else { None }).collect();
    let mut out = match masthead::read(&lines) {
        Some(head) => {
            for (index, kind) in head.kinds {
                if let Some(slot) = kinds.get_mut(index) {
                    *slot = Some(kind);
                }
            }
            Classified {
                lines: Vec::new(),
                kinds: Vec::new(),
                layout: Layout::Un,
                title: head.title,
                symbol: head.symbol,
                facts: head.facts,
                notes: Vec::new(),
                untitled: false,
                preamble: head.opening,
            }
        }
        None => plain_title(&lines, &mut kinds),
    };
    // Running headers, footers, job numbers and page markers, wherever they fall.
    for (slot, found) in kinds.iter_mut().zip(furniture::furniture(&lines, out.symbol.as_deref(), &out.title)) {
        if slot.is_none()
            && let Some(f) = found
        {
            *slot = Some(LineKind::Furniture(f));
        }
    }
    for (line, slot) in lines.iter().zip(kinds.iter_mut()) {
        if slot.is_some() {
            continue;
        }
        let repeats_title = !out.title.is_empty() && line.split_whitespace().eq(out.title.split_whitespace());
        if repeats_title {
            *slot = Some(LineKind::Furniture(Furniture::RunningHeader));
        } else if out.layout == Layout::Plain
            && let Some(f) = furniture::is_page_furniture(line)
        {
            *slot = Some(LineKind::Furniture(f));
        }
    }
    annex_titles(&lines, &mut kinds, &out.title);
    let (notes, starred) = footnotes::take_notes(&lines, &mut kinds);
    out.notes = notes;
    out.facts.notes = starred;
    masthead::closing(&lines, &mut kinds, &mut out.facts);
    out.lines = lines;
    out.kinds = kinds;
    out
}

/// A plain text's title: its first line, unless that is already body text
/// (a `Preamble` heading, a numbered paragraph); a wrapped title's next
/// lines; an annex given alone (`Annex I`, then its title).
fn plain_title<'t>(lines: &[&'t str], kinds: &mut [Option<LineKind>]) -> Classified<'t> {
    let mut out = Classified {
        lines: Vec::new(),
        kinds: Vec::new(),
        layout: Layout::Plain,
        title: String::new(),
        symbol: None,
        facts: Facts::default(),
        notes: Vec::new(),
        untitled: false,
        preamble: false,
    };
    let Some(first) = lines.iter().position(|l| !l.is_empty()) else { return out };
    let text = lines.get(first).copied().unwrap_or_default();
    if is_preamble_heading(text) || Marker::parse(text).is_some_and(|m| !heading_like(m.rest)) {
        out.untitled = true;
        return out;
    }
    let mut start = first;
    // `Annex I` alone, then the annex's title: the title is the annex's.
    if let Some((key, "")) = part_heading(text)
        && lines.get(first + 1).is_some_and(|l| is_title_line(l))
    {
        out.facts.part = Some(super::part_label(&key));
        if let Some(slot) = kinds.get_mut(first) {
            *slot = Some(LineKind::Masthead);
        }
        start = first + 1;
    }
    let mut end = start + 1;
    while end < lines.len() && end - start < TITLE_MAX_LINES {
        let (Some(prev), Some(next)) = (lines.get(end - 1), lines.get(end)) else { break };
        let wraps = ends_with_function_word(prev) || starts_lower(next);
        if !(wraps && is_title_line(next)) {
            break;
        }
        end += 1;
    }
    let mut title = Vec::new();
    for index in start..end {
        if let Some(slot) = kinds.get_mut(index) {
            *slot = Some(LineKind::Title);
        }
        title.extend(lines.get(index).map(|l| l.split_whitespace()).into_iter().flatten());
    }
    out.title = title.join(" ");
    out
}

/// A line that may continue a title: short, no closing punctuation, and
/// neither a heading of its own nor a numbered line.
fn is_title_line(line: &str) -> bool {
    !line.is_empty()
        && heading_like_words(line)
        && Marker::parse(line).is_none()
        && outline_heading(line).is_none()
        && part_heading(line).is_none()
        && word_heading(line).is_none()
        && !is_preamble_heading(line)
}

/// A line that cannot end a title: it ends with `of`, `the`, `on`…
fn ends_with_function_word(line: &str) -> bool {
    const WORDS: [&str; 14] =
        ["of", "the", "on", "and", "for", "in", "to", "a", "an", "at", "by", "with", "from", "its"];
    line.split_whitespace().next_back().is_some_and(|w| WORDS.contains(&w))
}

/// An annex that holds the outcome itself (`Annex`, then `Global Compact
/// for Safe, Orderly and Regular Migration`) repeats the document's title
/// under its heading: there the line is the annex's title, not a running
/// header.
fn annex_titles(lines: &[&str], kinds: &mut [Option<LineKind>], title: &str) {
    if title.is_empty() {
        return;
    }
    for (index, line) in lines.iter().enumerate() {
        if kinds.get(index).is_none_or(Option::is_some) || part_heading(line).is_none_or(|(_, t)| !t.is_empty()) {
            continue;
        }
        let Some(next) = (index + 1..lines.len()).find(|&i| !lines.get(i).is_none_or(|l| l.is_empty())) else {
            continue;
        };
        let repeats = lines.get(next).is_some_and(|l| l.split_whitespace().eq(title.split_whitespace()));
        if let Some(slot) = kinds.get_mut(next)
            && repeats
            && *slot == Some(LineKind::Furniture(Furniture::RunningHeader))
        {
            *slot = None;
        }
    }
}
