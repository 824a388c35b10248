//! A document as the reader sees it: a title, its UN symbol, sections, and
//! paragraphs (numbered, or preambular), with their footnotes.
//!
//! [`parse`](parse::parse) turns the plain text of a UN outcome document
//! (as extracted from a PDF or copied out of one) into a [`Document`];
//! [`load`](load::load) reads `.txt` files and the text layer of `.pdf` files
//! ([`pdf`]). The types here are plain data: no graph, no window.

mod assemble;
mod classify;
mod footnotes;
mod furniture;
mod headings;
mod lines;
pub mod load;
mod masthead;
pub mod parse;
pub mod pdf;
pub mod reading;

pub use load::{LoadError, load};
pub use parse::{ParseError, ParseWarning, parse, parse_bytes};
pub use reading::{Facts, LineKind, Reading};

/// English month names, as UN documents write dates (`22 December 2023`).
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The WSIS+10 outcome document (A/RES/70/125), bundled with the program.
pub const BUNDLED_TEXT: &str = include_str!("../../assets/wsis10-outcome.txt");
/// The short id of the bundled document (`doc:wsis10`, `para:wsis10:32`).
pub const BUNDLED_ID: &str = "wsis10";
/// Where the bundled text came from, as shown to the user.
pub const BUNDLED_SOURCE: &str = "bundled: WSIS+10 outcome document (A/RES/70/125)";

/// The symbol under which the bundled document was adopted.
pub const BUNDLED_SYMBOL: &str = "A/RES/70/125";

/// The prefix that names a bundled document wherever a file is accepted:
/// `bundled:wsis10`, `bundled:wsis20` (see [`load()`]).
pub const BUNDLED_PREFIX: &str = "bundled:";

/// A document bundled with the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundledDocument {
    /// Its document id (`wsis20` in `doc:wsis20`, `para:wsis20:53`), also its
    /// name after [`BUNDLED_PREFIX`].
    pub id: &'static str,
    /// Its name in menus: `WSIS+20 outcome (A/RES/80/173)`.
    pub name: &'static str,
    /// Its short name in labels: `WSIS+20` (in `WSIS+20 ¶53`).
    pub short: &'static str,
    /// The symbol under which it was adopted.
    pub symbol: &'static str,
    /// Where the text came from, as shown to the user.
    pub source: &'static str,
    /// The plain text, read by the same reader as any file.
    pub text: &'static str,
}

impl BundledDocument {
    /// Parses the bundled text; its symbol is [`BundledDocument::symbol`]
    /// whatever the masthead says (the WSIS+10 text has no masthead).
    #[must_use]
    pub fn document(&self) -> Document {
        let mut doc = parse(self.id, self.source, self.text);
        doc.symbol = Some(self.symbol.to_owned());
        doc
    }

    /// The path that names it: `bundled:wsis20`.
    #[must_use]
    pub fn path(&self) -> std::path::PathBuf {
        std::path::PathBuf::from(format!("{BUNDLED_PREFIX}{}", self.id))
    }
}

/// The documents bundled with the program, oldest first: WSIS+10
/// (A/RES/70/125) and WSIS+20 (A/RES/80/173).
pub const BUNDLED_DOCUMENTS: [BundledDocument; 2] = [WSIS10, WSIS20];

/// The bundled WSIS+10 outcome (A/RES/70/125): [`bundled()`].
pub const WSIS10: BundledDocument = BundledDocument {
    id: BUNDLED_ID,
    name: "WSIS+10 outcome (A/RES/70/125)",
    short: "WSIS+10",
    symbol: BUNDLED_SYMBOL,
    source: BUNDLED_SOURCE,
    text: BUNDLED_TEXT,
};

/// The bundled WSIS+20 outcome (A/RES/80/173): `doc:wsis20`, `para:wsis20:53`.
pub const WSIS20: BundledDocument = BundledDocument {
    id: "wsis20",
    name: "WSIS+20 outcome (A/RES/80/173)",
    short: "WSIS+20",
    symbol: "A/RES/80/173",
    source: "bundled: WSIS+20 outcome document (A/RES/80/173)",
    text: include_str!("../../assets/wsis20-outcome.txt"),
};

/// The bundled document with this id (`wsis10`, `wsis20`).
#[must_use]
pub fn bundled_document(id: &str) -> Option<&'static BundledDocument> {
    BUNDLED_DOCUMENTS.iter().find(|b| b.id == id)
}

/// The bundled document a path names (`bundled:wsis20` → `wsis20`): `None`
/// for a path that does not start with [`BUNDLED_PREFIX`], `Some(Err(name))`
/// for an unknown name.
#[must_use]
pub fn bundled_path(path: &std::path::Path) -> Option<Result<&'static BundledDocument, String>> {
    let name = path.to_str()?.strip_prefix(BUNDLED_PREFIX)?;
    Some(bundled_document(name).ok_or_else(|| name.to_owned()))
}

/// The short name that tells a document's paragraphs apart from another's
/// in labels (`WSIS+20` in `WSIS+20 ¶53`): for a bundled document its short
/// name, else the document's symbol, else its id.
#[must_use]
pub fn short_name(doc: &Document) -> String {
    if let Some(b) = bundled_document(&doc.id).filter(|b| doc.symbol.as_deref() == Some(b.symbol)) {
        return b.short.to_owned();
    }
    doc.symbol.clone().unwrap_or_else(|| doc.id.clone())
}

/// Parses the bundled WSIS+10 outcome document; its symbol is
/// [`BUNDLED_SYMBOL`] (the bundled text has no masthead to read it from).
/// Other bundled documents: [`bundled_document`].
///
/// # Panics
///
/// Never in practice: the bundled text is valid UTF-8 and the parser accepts
/// any text; a test guards it.
#[must_use]
pub fn bundled() -> Document {
    WSIS10.document()
}

/// One parsed document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Short id used in node ids: `wsis10` in `doc:wsis10` and `para:wsis10:32`.
    pub id: String,
    /// The title line(s), joined.
    pub title: String,
    /// The document's own UN symbol (`A/RES/70/125`), read from its masthead
    /// (or known for the bundled document); `None` for a plain text.
    pub symbol: Option<String>,
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
    /// What the document says about itself: dates, session, agenda item,
    /// where it came from (from its masthead and closing lines).
    pub facts: Facts,
    /// What the reader made of every line: the reading report.
    pub reading: Reading,
}

/// A heading and the paragraphs under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Stable key within the document: `preamble`, `1`, `1.1`, `4.1`; `ii`,
    /// `ii.a` for Roman-numeral and lettered headings; `annex-ii:1.1` inside
    /// an annex.
    pub key: String,
    /// The heading text without its number: `Bridging Digital Divides`.
    pub title: String,
    /// Nesting depth: 0 for the preamble and top-level sections (`1.`),
    /// 1 for sub-sections (`1.1`).
    pub level: u8,
    /// Index in [`Document::sections`] of the enclosing section, for sub-sections.
    pub parent: Option<usize>,
}

/// One paragraph: a numbered (operative) one, or an unnumbered preambular
/// one (`Recalling…`, `Welcoming…` after `The General Assembly,`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The printed number (`32` for "32. We emphasize…"); for a preambular
    /// paragraph, its ordinal among the preambular paragraphs (1, 2, …),
    /// which UN practice prints as PP1, PP2….
    pub number: u32,
    /// An unnumbered preambular paragraph: `number` is then its own series.
    /// In an annex, its unnumbered opening text (`We, the Heads of State…`)
    /// is such a paragraph, numbered in the annex's own series.
    pub preambular: bool,
    /// Index in [`Document::sections`].
    pub section: usize,
    /// The text with the number and layout noise removed (page breaks joined,
    /// whitespace folded to single spaces).
    pub text: String,
    /// 1-based line in the source where the paragraph starts.
    pub line: usize,
    /// The footnotes whose markers stand in this paragraph, in order.
    pub footnotes: Vec<Footnote>,
    /// The part it belongs to, as a stable key: the annex (or appendix),
    /// `annex` for a lone `Annex`, `annex-ii` for `Annex II`, `appendix-1`;
    /// a section of an omnibus resolution (`section-iv`, whose paragraphs
    /// are numbered on their own); an article of a convention (`article-7`,
    /// `annex-ii-article-7`); `None` in the body of the document. Numbering
    /// restarts in each part, so `number` is unique only together with this
    /// key; see [`Paragraph::key`].
    pub annex: Option<String>,
}

/// A footnote of a paragraph: its marker (`Society.5`) was removed from the
/// paragraph text and the note (`5 Resolution 217 A (III).`) kept here.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Footnote {
    /// The printed footnote number.
    pub number: u32,
    /// The note's text, layout noise removed.
    pub text: String,
    /// Byte offset in the paragraph text where the marker stood.
    pub at: usize,
}

impl Paragraph {
    /// The label UN practice gives it: `PP3` for a preambular paragraph,
    /// `¶3` for a numbered one; in a part, prefixed by the part's name
    /// (`Annex ¶4`, `Annex II ¶4`, `Section IV ¶2`, `Article 7 ¶2`).
    #[must_use]
    pub fn label(&self) -> String {
        let own = if self.preambular { format!("PP{}", self.number) } else { format!("¶{}", self.number) };
        match &self.annex {
            Some(annex) => format!("{} {own}", part_label(annex)),
            None => own,
        }
    }

    /// The paragraph's key within its document, the last part of its node
    /// id: `12`, `pp3` (preambular), `annex:4`, `annex-ii:4`. Unique within
    /// a parsed document. Body keys are the ids annotation files point at:
    /// they never change.
    #[must_use]
    pub fn key(&self) -> String {
        let pp = if self.preambular { "pp" } else { "" };
        match &self.annex {
            Some(annex) => format!("{annex}:{pp}{}", self.number),
            None => format!("{pp}{}", self.number),
        }
    }

    /// The paragraph's node id in the graph of document `doc_id` (the short
    /// id, `wsis10`): `para:wsis10:12`, `para:wsis10:pp3`,
    /// `para:wsis10:annex-ii:4`. The only place paragraph ids are made.
    #[must_use]
    pub fn node_id(&self, doc_id: &str) -> String {
        format!("para:{doc_id}:{}", self.key())
    }

    /// The text as a reader sees it, footnotes included: each marker as
    /// `[n]` where it stood, then each note on its own line as `[n] text`.
    /// Equal to [`Paragraph::text`] when there are no footnotes. References
    /// are extracted from this text, so that a citation inside a footnote
    /// counts as the paragraph's.
    #[must_use]
    pub fn display_text(&self) -> String {
        if self.footnotes.is_empty() {
            return self.text.clone();
        }
        let mut out = String::with_capacity(self.text.len() + 64 * self.footnotes.len());
        let mut from = 0;
        for note in &self.footnotes {
            let at = if note.at >= from && self.text.is_char_boundary(note.at) {
                note.at.min(self.text.len())
            } else {
                from
            };
            out.push_str(self.text.get(from..at).unwrap_or_default());
            out.push_str(&format!("[{}]", note.number));
            from = at;
        }
        out.push_str(self.text.get(from..).unwrap_or_default());
        for note in &self.footnotes {
            out.push_str(&format!("\n[{}] {}", note.number, note.text));
        }
        out
    }
}

/// The footnote a byte offset of a [`Paragraph::display_text`] falls in:
/// `Some(3)` for an offset inside the line `[3] See A/60/687.` after the
/// paragraph's own text, `None` inside the paragraph's own words. A
/// citation found there is a citation of the paragraph, from its footnote.
#[must_use]
pub fn footnote_at(display_text: &str, offset: usize) -> Option<u32> {
    let notes_start = display_text.find("\n[")?;
    if offset < notes_start {
        return None;
    }
    let before = display_text.get(..=offset.min(display_text.len().saturating_sub(1)))?;
    let line_start = before.rfind("\n[")? + 2;
    let number = display_text.get(line_start..)?.split(']').next()?;
    number.parse().ok()
}

impl Document {
    /// The numbered paragraph of the body (not of an annex) with this
    /// printed number.
    #[must_use]
    pub fn paragraph(&self, number: u32) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.number == number && !p.preambular && p.annex.is_none())
    }

    /// The numbered paragraph with this printed number in the annex with
    /// this key (`annex`, `annex-ii`; see [`Paragraph::annex`]).
    #[must_use]
    pub fn annex_paragraph(&self, annex: &str, number: u32) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.number == number && !p.preambular && p.annex.as_deref() == Some(annex))
    }

    /// The `n`th preambular (unnumbered) paragraph of the body, from 1.
    #[must_use]
    pub fn preambular(&self, n: u32) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.number == n && p.preambular && p.annex.is_none())
    }

    /// The section a paragraph belongs to.
    #[must_use]
    pub fn section_of(&self, paragraph: &Paragraph) -> Option<&Section> {
        self.sections.get(paragraph.section)
    }
}

/// The printed name of an annex key (see [`Paragraph::annex`]): `annex` →
/// `Annex`, `annex-ii` → `Annex II`, `appendix-1` → `Appendix 1`,
/// `annex-i-appendix` → `Annex I Appendix`. Words are capitalised and Roman
/// numerals upper-cased.
#[must_use]
pub fn part_label(key: &str) -> String {
    let mut out = String::new();
    for word in key.split('-').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')) {
            out.push_str(&word.to_uppercase());
        } else {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
    }
    out
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
        let shown = "We note it.[2] And this.\n[2] See resolution 70/1.\n[3] Ibid.";
        assert_eq!(footnote_at(shown, 3), None);
        assert_eq!(footnote_at(shown, shown.find("70/1").unwrap_or(0)), Some(2));
        assert_eq!(footnote_at(shown, shown.find("Ibid").unwrap_or(0)), Some(3));
        assert_eq!(s, "We recall resolution 69/166, and stress it.");
        assert_eq!(s.get(r), Some("69/166"));
        assert_eq!(sentence_around(text, 5..500).0, text);
    }
}
