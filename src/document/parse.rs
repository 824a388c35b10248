//! Plain text → [`Document`]: the numbered paragraphs and section headings of a
//! UN outcome document as extracted from a PDF. Accepts any text without
//! panicking; what it cannot place becomes a [`ParseWarning`], and no word
//! is ever dropped.
//!
//! # Two stages
//!
//! 1. The *classifier* (`classify`) gives every line
//!    that is not body text its kind, with no paragraph state: the masthead
//!    and the resolution's opening (`masthead`), the
//!    title, page furniture wherever it falls (`furniture`),
//!    footnote blocks (`footnotes`), the closing lines.
//! 2. The *assembler* (`assemble`) reads the body lines
//!    left, in order, into headings (`headings`) and
//!    paragraphs, following a mode (what the last line started), attaches
//!    each footnote to the paragraph holding its marker, and checks that
//!    every body word landed where its line went ([`Document::reading`]:
//!    a [`LineKind`](super::LineKind) per line, the lines set aside, the
//!    conservation figure).
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
//! A text that opens with a UN masthead and `The General Assembly,` (comma
//! or not) has its masthead, running headers and footers, footnote blocks
//! and closing lines classified first, and its symbol, title and facts
//! ([`Document::facts`]: dates, session, agenda item, the draft it came
//! from, the plenary meeting) read. An adopting clause (`Adopts the
//! following outcome document …:`) is part of the opening, and the outcome
//! document's own title after it is the title. Then, besides the rules
//! here: unnumbered paragraphs after the opening are preambular (the
//! chapeau `We, the Ministers…,`, then `Recalling…`, `Welcoming…`; a new
//! one starts at such a word after a line ending a clause), numbered in
//! their own series ([`Paragraph::preambular`](super::Paragraph::preambular)).
//! When the first numbered paragraph follows them with no heading between,
//! the numbered ones form a section of their own, `Operative paragraphs`.
//!
//! A draft's masthead (`A/C.1/80/L.3`) lists its sponsors before `: draft
//! resolution`: they are facts ([`Facts::sponsors`](super::Facts::sponsors)),
//! not the title, which is the draft's own; the masthead's asterisk notes
//! (`* On behalf of…`) are facts too ([`Facts::notes`](super::Facts::notes)).
//! A note or report has a masthead and no opening: its body starts at its
//! paragraph `1.`, and it has no preamble (`Organization of work: Note by
//! the Secretariat`).
//!
//! # Headings without numbers (any text)
//!
//! `Objective 1. Title` is a heading (key `objective-1`), and so is a bare
//! line — short, capitalised, without closing punctuation — standing between
//! a finished paragraph (in a UN preamble, its last clause's comma) and the
//! next numbered one, or wrapped over two lines before it. Bare headings
//! right after an `Objective` heading, and those after them, are its
//! sub-sections. `Part IV` and `Section 29D` alone on their line (budget
//! resolutions) are headings whose title is the next line; a `Section`
//! nests in the `Part` before it.
//!
//! # Parts numbered on their own
//!
//! Numbering restarts in each annex, and also:
//!
//! - In an omnibus resolution (budget and administrative questions), whose
//!   first Roman section (`I` alone, then its title, which may wrap) comes
//!   right after the opening and opens with a preambular clause: every
//!   Roman section is a part of its own (`section-iv`, labels `Section IV
//!   PP1`, `Section IV ¶2`), with its own preamble and numbering. A section
//!   of one decision keeps it unnumbered (an unnumbered paragraph, `PP1`).
//!   A title's lines follow one another; a blank line ends it.
//! - In a convention or rules: `Article 7` alone (its title on the next
//!   line) or `Article 12. Jurisdiction` after a finished paragraph or
//!   clause is a section (under the last `Chapter`, else the annex) and a
//!   part of its own (`article-7`, `Article 7 ¶2`; `annex-ii-article-7` in a
//!   second annex). An article of one paragraph leaves it unnumbered.
//! - A `Preamble` heading at the start of an annex opens the annex's own
//!   preamble, a section of the annex (`The Parties to this Convention,`,
//!   `Recognizing…`).
//!
//! # Footnotes
//!
//! A footnote marker glued to the end of a line (`Rights,2`, `intolerance,
//! 15`) does not hide its closing punctuation. A number is a marker only
//! when a note with that number stands on its page, after the previous
//! marker (notes run in sequence), and where superscripts stand: glued to a
//! word (`Agreement7`), a year (`20187`, `2016–20306`), a closing quote or
//! bracket, a clause's punctuation (`Rights,2`, `Society.5`), or set apart
//! by a space after punctuation or a word (`Goals, 4 and`, `Disabilities 7
//! affirms`); a glued form is preferred. Dates (`on 12 December`),
//! symbols (`A/C.3/79/L.2`), numbered norms (`2.3.`), amounts
//! (`1,889,900`), quantities (`10 years`), lists of numbers and numbered
//! things (`SDG 5`) are never markers. A note cited again later carries its
//! number again (`the Geneva1 and Tunis3 phases`). Each marker is removed
//! from the text and anchored to its note
//! ([`Paragraph::footnotes`](super::Paragraph::footnotes)).
//!
//! A line the reader cannot place (a short capitalised line after a
//! finished sentence, in a plain text) stays in the paragraph being read,
//! with a warning; text outside any paragraph becomes an unnumbered
//! paragraph of its own, with a warning.
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
//! paragraph records its part ([`Paragraph::annex`](super::Paragraph::annex)), so that ids stay
//! unique (see [`Paragraph::key`](super::Paragraph::key)). Unnumbered text opening an annex becomes
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
//! disappears; a plain hyphen after a letter followed by a word joins
//! without a space and stays (`knowledge-` / `sharing` →
//! `knowledge-sharing`, `Open-` / `Ended` → `Open-Ended`), because telling
//! `multi-stakeholder` from a split `develop-ment` would need a dictionary;
//! a hyphen or en dash after a digit followed by a number is a range and
//! joins too (`2015–` / `2030` → `2015–2030`). Soft hyphens elsewhere are
//! dropped.
//!
//! # Complexity
//!
//! Linear in the length of the text: every line is classified once, with one
//! look-ahead table built in a backward pass.

use std::borrow::Cow;

use super::Document;
use super::classify::classify;

pub use super::assemble::GAP_WINDOW;

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
    let text: Cow<'_, str> = if text.contains(['\u{2010}', '\u{2011}']) {
        Cow::Owned(super::lines::clean_chars(text))
    } else {
        Cow::Borrowed(text)
    };
    super::assemble::assemble(id, source, classify(&text))
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
