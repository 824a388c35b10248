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
