//! The side panel's list of every note, limited to some tags if asked.

use egui::RichText;

use crate::app::command::{Command, NotesCommand};
use crate::app::world::World;
use crate::scene::first_words;

/// The side panel's "Notes" section: tag filter and every note.
pub fn notes_list_ui(ui: &mut egui::Ui, world: &World<'_>, out: &mut Vec<Command>) {
    let notes = world.notes;
    let graph = &world.workspace.graph;
    let total = notes.set.annotations().len();
    egui::CollapsingHeader::new(format!("Notes ({total})")).id_salt("notes_section").default_open(true).show(
        ui,
        |ui| {
            if notes.set.path().is_none() && notes.set.is_empty() {
                ui.label(
                    RichText::new(
                        "No annotation file open. File > Open annotations…, or select a node and press A to start one.",
                    )
                    .weak(),
                );
                return;
            }
            ui.label(RichText::new(format!("{}{}", notes.title_prefix(), notes.file_name())).weak());
            let tags = notes.set.tags();
            if !tags.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    for tag in tags {
                        let on = notes.tag_filter.contains(&tag);
                        if ui.selectable_label(on, format!("#{tag}")).clicked() {
                            out.push(Command::Notes(NotesCommand::ToggleTag(tag)));
                        }
                    }
                });
            }
            let filter = &notes.tag_filter;
            for a in notes.set.annotations() {
                if !filter.is_empty() && !a.tags.iter().any(|t| filter.contains(t)) {
                    continue;
                }
                let words = match &a.quote {
                    Some(q) if a.note.trim().is_empty() => format!("“{}”", q.exact),
                    _ => crate::app::markdown::plain_text(&a.note),
                };
                let snippet = first_words(&words, 8);
                match graph.index_of(&a.target) {
                    Some(n) => {
                        let label = graph.node(n).map_or_else(|| a.target.clone(), |node| node.label.clone());
                        let selected = world.view.selected == Some(n);
                        if ui.selectable_label(selected, format!("{label} — {snippet}")).clicked() {
                            out.push(Command::Select(n));
                        }
                    }
                    None => {
                        ui.label(RichText::new(format!("{} — {snippet}", a.target)).weak()).on_hover_text(
                            "Not in the open documents: kept in the file, shown again when its document is open.",
                        );
                        ui.label(RichText::new("    not in the open documents").small().weak());
                    }
                }
            }
        },
    );
}
