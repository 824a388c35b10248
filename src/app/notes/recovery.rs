//! The offer to restore the notes of a session that ended without saving.

use super::state::Notes;
use crate::annotations::clock::short_time;
use crate::app::command::{Command, NotesCommand};
use crate::words::count;

/// "Restore unsaved notes?", for a recovery copy left by a crash.
pub fn recovery_ui(ctx: &egui::Context, notes: &Notes, out: &mut Vec<Command>) {
    let Some(offer) = &notes.recovery_offer else { return };
    let mut choice = None;
    crate::app::dialog::modal(ctx, "recovery_offer").show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Restore unsaved notes?");
        let of =
            offer.original.as_ref().map_or_else(|| "a new annotation file".to_owned(), |p| p.display().to_string());
        ui.label(format!(
            "WSIS Atlas closed with unsaved changes to {of} ({}, {}, copy from {}).",
            count(offer.set.annotations().len(), "note"),
            count(offer.set.links().len(), "link"),
            short_time(&offer.written)
        ));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                choice = Some(true);
            }
            if ui.button("Discard").clicked() {
                choice = Some(false);
            }
        });
    });
    if let Some(restore) = choice {
        out.push(Command::Notes(NotesCommand::Restore(restore)));
    }
}
