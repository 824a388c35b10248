//! A document as the reader sees it: a title, sections, and numbered paragraphs.
//!
//! [`parse`](parse::parse) turns the plain text of a UN outcome document
//! (as extracted from a PDF or copied out of one) into a [`Document`]. The
//! types here are plain data: no graph, no window.

pub mod load;
pub mod parse;

pub use load::{LoadError, load};
pub use parse::{ParseError, ParseWarning, parse, parse_bytes};

/// The WSIS+10 outcome document (A/RES/70/125), bundled with the program.
pub const BUNDLED_TEXT: &str = include_str!("../../assets/wsis10-outcome.txt");
/// The short id of the bundled document (`doc:wsis10`, `para:wsis10:32`).
pub const BUNDLED_ID: &str = "wsis10";
/// Where the bundled text came from, as shown to the user.
pub const BUNDLED_SOURCE: &str = "bundled: WSIS+10 outcome document (A/RES/70/125)";

/// Parses the bundled WSIS+10 outcome document.
///
/// # Panics
///
/// Never in practice: the bundled text is valid UTF-8 and the parser accepts
/// any text; a test guards it.
#[must_use]
pub fn bundled() -> Document {
    parse(BUNDLED_ID, BUNDLED_SOURCE, BUNDLED_TEXT)
}

/// One parsed document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Short id used in node ids: `wsis10` in `doc:wsis10` and `para:wsis10:32`.
    pub id: String,
    /// The title line.
    pub title: String,
    /// Where the text came from (a path, or "bundled: …").
    pub source: String,
    /// Sections in reading order; `sections[0]` is always the preamble
    /// (possibly with no paragraphs).
    pub sections: Vec<Section>,
    /// Paragraphs in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// What the parser could not make sense of (gaps, numbers out of sequence,
    /// stray text). Never fatal.
    pub warnings: Vec<ParseWarning>,
}

/// A heading and the paragraphs under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Stable key within the document: `preamble`, `1`, `1.1`, `4.1`.
    pub key: String,
    /// The heading text without its number: `Bridging Digital Divides`.
    pub title: String,
    /// Nesting depth: 0 for the preamble and top-level sections (`1.`),
    /// 1 for sub-sections (`1.1`).
    pub level: u8,
    /// Index in [`Document::sections`] of the enclosing section, for sub-sections.
    pub parent: Option<usize>,
}

/// One numbered paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The printed number (`32` for "32. We emphasize…").
    pub number: u32,
    /// Index in [`Document::sections`].
    pub section: usize,
    /// The text with the number and layout noise removed (page breaks joined,
    /// whitespace folded to single spaces).
    pub text: String,
    /// 1-based line in the source where the paragraph starts.
    pub line: usize,
}

impl Document {
    /// The paragraph with this printed number.
    #[must_use]
    pub fn paragraph(&self, number: u32) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.number == number)
    }

    /// The section a paragraph belongs to.
    #[must_use]
    pub fn section_of(&self, paragraph: &Paragraph) -> Option<&Section> {
        self.sections.get(paragraph.section)
    }
}

/// The sentence of `text` around the byte range `span`: from after the
/// previous sentence end (`. `, `; `, `: ` followed by a capital, or the
/// start) to the next one (or the end). Returns the sentence and where the
/// span sits inside it. Out-of-range spans give the whole text.
#[must_use]
pub fn sentence_around(text: &str, span: std::ops::Range<usize>) -> (&str, std::ops::Range<usize>) {
    if span.start > span.end
        || span.end > text.len()
        || !text.is_char_boundary(span.start)
        || !text.is_char_boundary(span.end)
    {
        return (text, 0..0);
    }
    let bytes = text.as_bytes();
    let is_end = |i: usize| {
        matches!(bytes.get(i), Some(b'.' | b';')) && matches!(bytes.get(i + 1), Some(b' ')) && {
            // Not "para. 5" style abbreviations: the next word starts upper-case.
            text.get(i + 2..).and_then(|r| r.chars().next()).is_some_and(char::is_uppercase)
        }
    };
    let start = (0..span.start).rev().find(|&i| is_end(i)).map_or(0, |i| i + 2);
    let end = (span.end..text.len()).find(|&i| is_end(i)).map_or(text.len(), |i| i + 1);
    let sentence = text.get(start..end).unwrap_or(text);
    (sentence, span.start - start..span.end - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_around_finds_the_citing_sentence() {
        let text = "We note this. We recall resolution 69/166, and stress it. Another one.";
        let at = text.find("69/166").unwrap_or(0);
        let (s, r) = sentence_around(text, at..at + 6);
        assert_eq!(s, "We recall resolution 69/166, and stress it.");
        assert_eq!(s.get(r), Some("69/166"));
        assert_eq!(sentence_around(text, 5..500).0, text);
    }
}
