//! "Link to…": find a node and draw your own link to it, with a label.

use super::state::LinkPicker;
use crate::app::command::{Command, NotesCommand};
use crate::graph::AtlasGraph;
use crate::scene::first_words;

/// The "Link to…" dialog, while `picker` is open: the search and the label
/// are its own fields; Create link and Cancel are commands.
pub fn link_picker_ui(
    ctx: &egui::Context,
    picker: &mut Option<LinkPicker>,
    graph: &AtlasGraph,
    out: &mut Vec<Command>,
) {
    let Some(picker) = picker.as_mut() else { return };
    let (mut create, mut cancel) = (false, false);
    crate::app::dialog::modal(ctx, "link_picker").show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading(format!("Link {} to…", picker.from_label));
        let field = ui.add(
            egui::TextEdit::singleline(&mut picker.query)
                .hint_text("find a node: ¶48, 69/166, privacy…")
                .desired_width(f32::INFINITY),
        );
        if picker.query.is_empty() && picker.to.is_none() {
            field.request_focus();
        }
        egui::ScrollArea::vertical().max_height(220.0).show(ui, |ui| {
            for hit in graph.search(&picker.query).into_iter().take(30) {
                let Some(n) = graph.node(hit.index) else { continue };
                if n.id == picker.from {
                    continue;
                }
                let on = picker.to.as_deref() == Some(n.id.as_str());
                let text = match &n.text {
                    Some(t) => format!("{} — {}", n.label, first_words(t, 8)),
                    None => format!("{} — {}", n.label, n.display_name()),
                };
                if ui.selectable_label(on, text).clicked() {
                    picker.to = Some(n.id.clone());
                }
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Label");
            ui.add(egui::TextEdit::singleline(&mut picker.label).hint_text("same rights online").desired_width(300.0))
                .labelled_by(label.id);
        });
        ui.separator();
        ui.horizontal(|ui| {
            create = ui.add_enabled(picker.to.is_some(), egui::Button::new("Create link")).clicked();
            cancel = ui.button("Cancel").clicked();
        });
    });
    if cancel {
        out.push(Command::Notes(NotesCommand::CancelLink));
    } else if create {
        out.push(Command::Notes(NotesCommand::CreateLink));
    }
}
