//! "Import annotations?", for a dropped file in another tool's format.

use super::state::Notes;
use crate::app::command::{Command, NotesCommand};

/// "Import the notes of this file?", for a dropped file in another tool's format.
pub fn import_question_ui(ctx: &egui::Context, notes: &Notes, out: &mut Vec<Command>) {
    let Some((path, origin)) = &notes.import_question else { return };
    let mut choice = None;
    crate::app::dialog::modal(ctx, "import_question").show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Import annotations?");
        ui.label(format!(
            "{} is a {}, not a WSIS Atlas annotation file. Add its notes to the open ones ({})? Notes whose quote is in a paragraph of the open documents are attached to it.",
            path.display(),
            origin.name(),
            notes.file_name()
        ));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Import").clicked() {
                choice = Some(true);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(false);
            }
        });
    });
    if let Some(import) = choice {
        out.push(Command::Notes(NotesCommand::AnswerImport(import)));
    }
}
