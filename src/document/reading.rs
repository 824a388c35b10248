//! What the reader made of each line, and the document's own facts: the
//! reading report behind `wsis-atlas outline` and the window's document
//! panel, so a user can check that nothing of theirs was lost.

use std::fmt;

/// What one source line is. Every line is exactly one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// Empty, or white space only.
    Blank,
    /// The masthead: `United Nations`, the symbol, `Distr.: General`, the
    /// session, the agenda item, `Resolution adopted by…` (set aside: its
    /// facts are in [`Facts`]).
    Masthead,
    /// The resolution's own frame before its paragraphs: `The General
    /// Assembly,` and an adopting clause (`Adopts the following outcome
    /// document…:`); set aside, kept in [`Facts::opening`].
    Opening,
    /// The document's title.
    Title,
    /// A heading of a section or part.
    Heading,
    /// Text of a numbered (operative) paragraph.
    Paragraph,
    /// Text of an unnumbered preambular paragraph.
    Preambular,
    /// The line of underscores that opens a footnote block.
    FootnoteRule,
    /// Text of a footnote.
    Footnote,
    /// Page furniture (set aside).
    Furniture(Furniture),
    /// The closing lines: `68th plenary meeting` and its date (set aside:
    /// in [`Facts::meeting`] and [`Facts::adopted`]).
    Closing,
}

impl LineKind {
    /// Lines that are no part of the text: furniture and metadata. Their
    /// words are not counted as body words.
    #[must_use]
    pub fn is_set_aside(self) -> bool {
        matches!(self, Self::Masthead | Self::Opening | Self::Furniture(_) | Self::Closing)
    }

    /// A short name for reports: `masthead`, `running header`, …
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Blank => "blank",
            Self::Masthead => "masthead",
            Self::Opening => "opening",
            Self::Title => "title",
            Self::Heading => "heading",
            Self::Paragraph => "paragraph",
            Self::Preambular => "preambular paragraph",
            Self::FootnoteRule => "footnote rule",
            Self::Footnote => "footnote",
            Self::Furniture(f) => f.name(),
            Self::Closing => "closing",
        }
    }
}

impl fmt::Display for LineKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The kinds of page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Furniture {
    /// A running header or footer line (the title, or a short title,
    /// repeated on every page).
    RunningHeader,
    /// The document's symbol on a page (`A/RES/80/173`).
    Symbol,
    /// A job number (`25-20874 (E)`).
    JobNumber,
    /// A page marker (`2/20`) or page number (`- 3 -`).
    PageMarker,
    /// A bar code line (`*2520874*`).
    Barcode,
    /// Another footer line of anchors (`Please recycle`).
    Footer,
    /// A lone `continued` between pages.
    Continued,
}

impl Furniture {
    /// A short name for reports.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::RunningHeader => "running header",
            Self::Symbol => "symbol",
            Self::JobNumber => "job number",
            Self::PageMarker => "page marker",
            Self::Barcode => "bar code",
            Self::Footer => "footer",
            Self::Continued => "continued",
        }
    }
}

/// A document's own facts, from its masthead and closing lines. Every field
/// is `None` when the text does not say it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Facts {
    /// Distribution (`General`, `Limited`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distribution: Option<String>,
    /// Date of distribution (`19 December 2025`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distributed: Option<String>,
    /// The session (`Eightieth session`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// The agenda item's number (`15`; `15 and 116` for several).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<String>,
    /// The agenda item's title (`Information and communications
    /// technologies for sustainable development`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_title: Option<String>,
    /// The adoption date (`17 December 2025`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted: Option<String>,
    /// The draft or committee report it came from (`A/80/L.41`,
    /// `A/79/458/Add.2`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// The bracketed line that names it (`[without reference to a Main
    /// Committee (A/80/L.41)]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin_note: Option<String>,
    /// The plenary meeting (`68th plenary meeting`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// The job number (`25-20874 (E)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
    /// The resolution's own number in its title line (`80/173`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The resolution's title, when it adopts a document with a title of
    /// its own (which is then [`Document::title`](super::Document::title)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution_title: Option<String>,
    /// The part the text is, when given alone (`Annex I`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// The States sponsoring a draft (`A/C.1/80/L.3`), as its masthead
    /// lists them (`Iran (Islamic Republic of)`, `Group of 77`…): who
    /// sponsors what.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sponsors: Vec<String>,
    /// The masthead's asterisk notes (`* On behalf of the States that are
    /// members of the Group of 77 and China…`), stars kept.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The resolution's frame before its paragraphs (`The General Assembly`,
    /// `Adopts the following outcome document…:`), lines joined.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub opening: Vec<String>,
}

impl Facts {
    /// Nothing known.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The facts as `(label, value)` rows for reports and the window, in
    /// the order a reader looks for them; the sponsors on one row, each
    /// asterisk note on its own.
    #[must_use]
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        let mut rows: Vec<(&'static str, String)> = [
            ("resolution", &self.resolution_title),
            ("adopted", &self.adopted),
            ("meeting", &self.meeting),
            ("from", &self.origin),
            ("session", &self.session),
            ("agenda item", &self.agenda_item),
            ("agenda title", &self.agenda_title),
            ("distributed", &self.distributed),
            ("distribution", &self.distribution),
            ("job", &self.job),
            ("part", &self.part),
        ]
        .into_iter()
        .filter_map(|(label, value)| value.as_deref().map(|v| (label, v.to_owned())))
        .collect();
        if !self.sponsors.is_empty() {
            rows.insert(0, ("sponsors", self.sponsors.join(", ")));
        }
        rows.extend(self.notes.iter().map(|n| ("note", n.clone())));
        rows
    }
}

/// A line set aside as furniture or metadata, for the reading report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// 1-based source line.
    pub line: usize,
    /// What it is.
    pub kind: LineKind,
    /// Its text, trimmed.
    pub text: String,
}

/// What the reader made of a text: a kind for every line, the lines it set
/// aside, and the conservation figure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// One kind per source line (index 0 is line 1).
    pub kinds: Vec<LineKind>,
    /// The lines set aside as furniture or metadata, in order.
    pub set_aside: Vec<SetAside>,
    /// Words on lines that are neither furniture nor metadata.
    pub body_words: usize,
    /// Of those, the words found, in order, in the title, a heading, a
    /// paragraph or a footnote. Equal to `body_words` unless the reader
    /// lost something (a bug: a warning names the line).
    pub placed_words: usize,
}

impl Reading {
    /// How many lines are of this kind.
    #[must_use]
    pub fn count(&self, kind: LineKind) -> usize {
        self.kinds.iter().filter(|k| **k == kind).count()
    }
}
