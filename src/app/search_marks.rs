//! The searched words, highlighted where a paragraph's text is read (the
//! detail panel), over the words quoted by notes.

use std::ops::Range;

use egui::RichText;

use crate::style::Style;
use crate::style::color32;

/// Draws `text[range]` as [`super::notes::node_notes::quoted_text_ui`] does,
/// the searched words (`marks`, byte ranges in order) on the search
/// highlight.
pub fn marked_text_ui(
    ui: &mut egui::Ui,
    text: &str,
    range: Range<usize>,
    quotes: &[super::notes::QuoteSpan],
    marks: &[Range<usize>],
    style: &Style,
) {
    let mut at = range.start;
    for m in marks {
        let (start, end) = (m.start.max(at), m.end.min(range.end));
        if start >= end {
            continue;
        }
        if start > at {
            super::notes::node_notes::quoted_text_ui(ui, text, at..start, quotes);
        }
        if let Some(word) = text.get(start..end) {
            let bg = color32(style.search_highlight());
            ui.label(RichText::new(word).background_color(bg).color(ui.visuals().strong_text_color()))
                .on_hover_text("Searched for");
        }
        at = end;
    }
    if at < range.end {
        super::notes::node_notes::quoted_text_ui(ui, text, at..range.end, quotes);
    }
}

/// Whether any mark overlaps `start..end`.
#[must_use]
pub fn overlaps(marks: &[Range<usize>], start: usize, end: usize) -> bool {
    marks.iter().any(|m| m.start < end && start < m.end)
}
