//! The open annotation set and the state of its dialogs: the note
//! editor's fields, the link picker's, the questions waiting for an answer
//! and the crash-recovery copy's bookkeeping.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::annotations::overlay::DEFAULT_BADGE;
use crate::annotations::{AnnotationSet, Recovery, TextQuote};
use crate::graph::AtlasGraph;
use crate::style::Rgba;

/// How often the recovery copy is written while there are unsaved changes.
pub const RECOVERY_INTERVAL: Duration = Duration::from_secs(5);

/// How often the window looks whether the open notes file changed on disk.
pub const DISK_CHECK_INTERVAL: Duration = Duration::from_secs(2);

/// What to do once the "unsaved changes" question is answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Then {
    /// Open another file.
    Open(PathBuf),
    /// Close the set.
    Close,
    /// Close the window.
    Quit,
}

/// The note editor's fields.
#[derive(Debug, Clone, Default)]
pub struct NoteEditor {
    /// The note being edited; `None` for a new one.
    pub id: Option<String>,
    /// Node id the note is on.
    pub target: String,
    /// How the node is shown ("¶51").
    pub target_label: String,
    /// The paragraph's text, when the node has one (quotes are checked against it).
    pub text: Option<String>,
    /// The note (Markdown).
    pub note: String,
    /// The quoted words (empty: the whole node).
    pub quote: String,
    pub(super) original_quote: Option<TextQuote>,
    /// Tags, comma-separated.
    pub tags: String,
    /// Colour, if any.
    pub colour: Option<[u8; 3]>,
    /// Why the last save was refused.
    pub error: Option<String>,
    pub(super) focused: bool,
}

/// The "Link to…" dialog.
#[derive(Debug, Clone, Default)]
pub struct LinkPicker {
    /// Node id the link starts at.
    pub from: String,
    /// How that node is shown.
    pub from_label: String,
    /// Search text.
    pub query: String,
    /// Chosen node id.
    pub to: Option<String>,
    /// The link's label.
    pub label: String,
}

/// Words of a paragraph quoted by a note.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteSpan {
    /// Byte range in the paragraph's text.
    pub range: std::ops::Range<usize>,
    /// The note's colour (or the default accent).
    pub colour: Rgba,
}

/// The open annotation set and the dialogs about it.
#[derive(Debug, Default)]
pub struct Notes {
    /// The annotations (empty, without a file, when none are open).
    pub set: AnnotationSet,
    /// Tags the side panel's list is limited to (none: every note).
    pub tag_filter: BTreeSet<String>,
    /// The note editor, when open.
    pub editor: Option<NoteEditor>,
    /// The link picker, when open.
    pub link_picker: Option<LinkPicker>,
    /// The "unsaved changes" question, when asked, with what comes after.
    pub unsaved_question: Option<Then>,
    pub(super) after_save: Option<Then>,
    /// Where the crash-recovery copy goes (`None`: no copy is kept).
    pub recovery_file: Option<PathBuf>,
    pub(super) last_recovery: Option<Instant>,
    /// When the notes file was last compared with the disk.
    pub(super) last_disk_check: Option<Instant>,
    /// A recovery copy found at start, offered for restoring.
    pub recovery_offer: Option<Recovery>,
    /// A dropped file in another format, waiting for "Import?" to be answered.
    pub import_question: Option<(PathBuf, crate::annotations::Origin)>,
    pub(super) closing: bool,
}

impl Notes {
    /// Whether anything changed since the last open or save.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.set.is_dirty()
    }

    /// The window title's prefix: "• " with unsaved changes.
    #[must_use]
    pub fn title_prefix(&self) -> &'static str {
        if self.is_dirty() { "• " } else { "" }
    }

    /// The open file's name, or "unsaved notes".
    #[must_use]
    pub fn file_name(&self) -> String {
        self.set
            .path()
            .map(|p| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "unsaved notes".to_owned())
    }

    /// Whether a dialog of this module is open (shortcuts then stay quiet).
    #[must_use]
    pub fn modal_open(&self) -> bool {
        self.editor.is_some()
            || self.link_picker.is_some()
            || self.unsaved_question.is_some()
            || self.recovery_offer.is_some()
            || self.import_question.is_some()
    }

    /// Badges and user links of the open notes on `graph` (the same overlay
    /// the exports draw).
    #[must_use]
    pub fn overlay(&self, graph: &AtlasGraph) -> crate::annotations::Overlay {
        crate::annotations::Overlay::new(&self.set, graph)
    }

    /// Where the notes on `node_id` quote `text`, with their colours, in
    /// text order (quotes no longer found are left out).
    #[must_use]
    pub fn quote_spans(&self, node_id: &str, text: &str) -> Vec<QuoteSpan> {
        let mut spans: Vec<QuoteSpan> = self
            .set
            .annotations_for(node_id)
            .filter_map(|a| {
                let range = a.quote.as_ref()?.locate(text)?;
                Some(QuoteSpan {
                    range,
                    colour: a.colour.as_deref().and_then(Rgba::parse_hex).unwrap_or(DEFAULT_BADGE),
                })
            })
            .collect();
        spans.sort_by_key(|s| (s.range.start, s.range.end));
        spans
    }

    /// Replaces the set (after an open, a restore or a close).
    pub(super) fn replace(&mut self, set: AnnotationSet) {
        self.set = set;
        self.tag_filter.clear();
        self.editor = None;
        self.link_picker = None;
        self.clear_recovery();
    }

    pub(super) fn clear_recovery(&mut self) {
        self.last_recovery = None;
        if self.recovery_offer.is_some() {
            return; // not answered yet
        }
        if let Some(file) = &self.recovery_file
            && let Err(e) = crate::annotations::clear_recovery(file)
        {
            log::warn!("{e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::Annotation;

    const TEXT: &str = "We affirm the right to privacy, as set out in the Universal Declaration.";

    #[test]
    fn badges_prefer_a_colour_and_skip_orphans() {
        let graph = AtlasGraph::bundled().unwrap_or_default();
        let mut notes = Notes::default();
        let mut plain = Annotation::new("para:wsis10:51", "x");
        plain.id = "a-1".into();
        let mut red = Annotation::new("para:wsis10:51", "y");
        red.id = "a-2".into();
        red.colour = Some("#ff0000".into());
        let mut orphan = Annotation::new("para:other:1", "z");
        orphan.id = "a-3".into();
        for a in [plain, red, orphan] {
            assert!(notes.set.add_annotation(a).is_ok());
        }
        let overlay = notes.overlay(&graph);
        assert_eq!(overlay.badges.len(), 1);
        let n = graph.index_of("para:wsis10:51");
        assert_eq!(n.and_then(|n| overlay.badge(n)), Some(Rgba::hex(0xff0000)));
        assert!(notes.is_dirty());
        assert_eq!(notes.title_prefix(), "• ");
    }

    #[test]
    fn quotes_are_found_in_the_paragraph_text() {
        let mut notes = Notes::default();
        let mut a = Annotation::new("para:wsis10:51", "x");
        a.quote = TextQuote::from_span(TEXT, 10..30);
        let mut lost = Annotation::new("para:wsis10:51", "y");
        lost.quote = Some(TextQuote::new("not in the text"));
        for a in [a, lost] {
            assert!(notes.set.add_annotation(a).is_ok());
        }
        let spans = notes.quote_spans("para:wsis10:51", TEXT);
        assert_eq!(spans, vec![QuoteSpan { range: 10..30, colour: DEFAULT_BADGE }]);
        assert_eq!(TEXT.get(10..30), Some("the right to privacy"));
        assert!(notes.quote_spans("para:wsis10:52", TEXT).is_empty());
    }
}
