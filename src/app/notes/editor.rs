//! The note editor ("Annotate ¶51", "Edit note on ¶51"): the note, an
//! optional quote checked against the paragraph's text, tags and a colour;
//! and the check that turns its fields into an annotation.

use egui::RichText;

use super::state::NoteEditor;
use crate::annotations::{Annotation, TextQuote};
use crate::app::command::{Command, NotesCommand};

/// Label of the editor's note field (tests find it by this).
pub const NOTE_FIELD: &str = "Note";

/// The "Annotate" dialog, while `editor` is open: the typing changes its
/// own fields; Save and Cancel are commands.
pub fn editor_ui(ctx: &egui::Context, editor: &mut Option<NoteEditor>, out: &mut Vec<Command>) {
    let Some(editor) = editor.as_mut() else { return };
    let (mut save, mut cancel) = (false, false);
    crate::app::dialog::modal(ctx, "note_editor").show(ctx, |ui| {
        ui.set_width(480.0);
        let verb = if editor.id.is_some() { "Edit note on" } else { "Annotate" };
        ui.heading(format!("{verb} {}", editor.target_label));
        let label = ui.label(NOTE_FIELD);
        let field = ui
            .add(
                egui::TextEdit::multiline(&mut editor.note)
                    .hint_text("Markdown: **bold**, *italic*, - lists")
                    .desired_rows(5)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if !editor.focused {
            field.request_focus();
            editor.focused = true;
        }
        if let Some(text) = &editor.text {
            let label = ui.label("Quote (optional): the exact words of the paragraph the note is about");
            ui.add(
                egui::TextEdit::singleline(&mut editor.quote)
                    .hint_text("paste or type words from the text")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            let q = editor.quote.trim();
            if !q.is_empty() && TextQuote::new(q).locate(text).is_none() {
                ui.colored_label(ui.visuals().warn_fg_color, "Not found in the paragraph's text.");
            }
        }
        ui.horizontal(|ui| {
            let label = ui.label("Tags");
            ui.add(
                egui::TextEdit::singleline(&mut editor.tags).hint_text("privacy, human-rights").desired_width(260.0),
            )
            .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            let mut has_colour = editor.colour.is_some();
            if ui.checkbox(&mut has_colour, "Colour").changed() {
                editor.colour = has_colour.then_some([0xd6, 0x27, 0x28]);
            }
            if let Some(c) = editor.colour.as_mut() {
                egui::color_picker::color_edit_button_srgb(ui, c);
                ui.label(RichText::new(format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])).monospace());
            }
        });
        if let Some(e) = &editor.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.separator();
        ui.horizontal(|ui| {
            save = ui.button("Save").clicked();
            cancel = ui.button("Cancel").clicked();
        });
    });
    if save {
        out.push(Command::Notes(NotesCommand::SaveNote));
    } else if cancel {
        out.push(Command::Notes(NotesCommand::CancelNote));
    }
}

/// Checks the editor's fields; the annotation to save, or why not.
pub(super) fn build_annotation(editor: &NoteEditor, existing: Option<&Annotation>) -> Result<Annotation, String> {
    let quote_text = editor.quote.trim();
    let quote = if quote_text.is_empty() {
        None
    } else if let Some(q) = editor.original_quote.as_ref().filter(|q| q.exact == quote_text) {
        Some(q.clone())
    } else {
        let Some(text) = &editor.text else {
            return Err(format!("{} has no text to quote from: leave Quote empty.", editor.target_label));
        };
        let Some(span) = TextQuote::new(quote_text).locate(text) else {
            return Err(format!("“{quote_text}” is not in the text of {}: copy the exact words.", editor.target_label));
        };
        TextQuote::from_span(text, span)
    };
    if editor.note.trim().is_empty() && quote.is_none() {
        return Err("Write a note (or quote some words).".to_owned());
    }
    let mut tags: Vec<String> = Vec::new();
    for t in editor.tags.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|x| x == t) {
            tags.push(t.to_owned());
        }
    }
    let mut a = existing.cloned().unwrap_or_else(|| Annotation::new(editor.target.clone(), ""));
    a.note = editor.note.trim_end().to_owned();
    a.quote = quote;
    a.tags = tags;
    a.colour = editor.colour.map(|[r, g, b]| format!("#{r:02x}{g:02x}{b:02x}"));
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "We affirm the right to privacy, as set out in the Universal Declaration.";

    fn editor(quote: &str) -> NoteEditor {
        NoteEditor {
            target: "para:wsis10:51".into(),
            target_label: "¶51".into(),
            text: Some(TEXT.into()),
            note: "A note".into(),
            quote: quote.into(),
            tags: " privacy, , human-rights,privacy ".into(),
            colour: Some([0xd6, 0x27, 0x28]),
            ..NoteEditor::default()
        }
    }

    #[test]
    fn editor_fields_become_an_annotation() {
        let a = build_annotation(&editor("the right to privacy"), None);
        assert!(a.is_ok(), "{a:?}");
        let Ok(a) = a else { return };
        assert_eq!(a.target, "para:wsis10:51");
        assert_eq!(a.tags, vec!["privacy".to_owned(), "human-rights".to_owned()]);
        assert_eq!(a.colour.as_deref(), Some("#d62728"));
        let q = a.quote.unwrap_or_else(|| TextQuote::new("none"));
        assert_eq!(q.exact, "the right to privacy");
        assert_eq!(q.prefix, "We affirm ");
        assert!(q.suffix.starts_with(", as set out"));
    }

    #[test]
    fn a_quote_must_be_in_the_text() {
        let e = build_annotation(&editor("the right to be forgotten"), None);
        assert!(e.is_err_and(|e| e.contains("is not in the text of ¶51")));
        let mut no_text = editor("privacy");
        no_text.text = None;
        assert!(build_annotation(&no_text, None).is_err());
        let mut empty = editor("");
        empty.note = "  ".into();
        assert!(build_annotation(&empty, None).is_err());
    }
}
