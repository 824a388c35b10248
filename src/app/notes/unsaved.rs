//! The "unsaved notes" question.

use super::state::{Notes, Then};
use crate::app::command::{Answer, Command, NotesCommand};

/// "Unsaved notes": save them first, discard them, or cancel — asked before
/// opening another file, closing the set or quitting.
pub fn unsaved_ui(ctx: &egui::Context, notes: &Notes, out: &mut Vec<Command>) {
    let Some(then) = &notes.unsaved_question else { return };
    let mut choice = None;
    crate::app::dialog::modal(ctx, "unsaved_notes").show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Unsaved notes");
        let what = match then {
            Then::Open(p) => format!("before opening {}", p.display()),
            Then::Close => "before closing them".to_owned(),
            Then::Quit => "before quitting".to_owned(),
        };
        let whose = if notes.set.path().is_some() {
            format!("{} has", notes.file_name())
        } else {
            "Your notes have".to_owned()
        };
        ui.label(format!("{whose} changes that are not saved. Save them {what}?"));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(Answer::Save);
            }
            if ui.button("Discard").clicked() {
                choice = Some(Answer::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(Answer::Cancel);
            }
        });
    });
    if let Some(answer) = choice {
        out.push(Command::Notes(NotesCommand::AnswerUnsaved(answer)));
    }
}
