//! The notes' part of the menus and keys: the File menu's annotation
//! entries, the map's right-click entries, and Ctrl+S, Ctrl+Shift+S and A.

use egui::{Key, KeyboardShortcut, Modifiers};
use petgraph::stable_graph::NodeIndex;

use crate::app::command::{Command, NotesCommand};
use crate::app::world::World;

/// Ctrl+S, Ctrl+Shift+S, and A (annotate the selection, when not typing).
/// `dialog_open`: a dialog of the window (the path prompt) is open, so A
/// stays quiet.
#[must_use]
pub fn shortcuts(ctx: &egui::Context, world: &World<'_>, dialog_open: bool) -> Vec<Command> {
    let mut out = Vec::new();
    let quiet = ctx.text_edit_focused() || world.notes.modal_open() || dialog_open;
    ctx.input_mut(|i| {
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S)) {
            out.push(Command::Notes(NotesCommand::ShowSaveAsDialog));
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)) {
            out.push(Command::Notes(NotesCommand::Save));
        }
        if !quiet
            && let Some(n) = world.view.selected
            && i.consume_key(Modifiers::NONE, Key::A)
        {
            out.push(Command::Notes(NotesCommand::Annotate(n)));
        }
    });
    out
}

/// The File menu's annotation entries.
pub fn file_menu_ui(ui: &mut egui::Ui, world: &World<'_>, out: &mut Vec<Command>) {
    let item = |ui: &mut egui::Ui, text: &str, shortcut: &str, enabled: bool| {
        ui.add_enabled(enabled, egui::Button::new(text).shortcut_text(shortcut)).clicked()
    };
    if item(ui, "Open annotations…", "", true) {
        out.push(Command::Notes(NotesCommand::ShowOpenDialog));
    }
    ui.menu_button("Recent annotations", |ui| {
        if world.settings.recent_annotations.is_empty() {
            ui.label("(none yet)");
        }
        for path in &world.settings.recent_annotations {
            if ui.button(path.display().to_string()).clicked() {
                out.push(Command::Notes(NotesCommand::Open(path.clone())));
            }
        }
    });
    let has_notes = world.notes.set.path().is_some() || !world.notes.set.is_empty() || world.notes.is_dirty();
    if item(ui, "Save annotations", "Ctrl+S", has_notes) {
        out.push(Command::Notes(NotesCommand::Save));
    }
    if item(ui, "Save annotations as…", "Ctrl+Shift+S", has_notes) {
        out.push(Command::Notes(NotesCommand::ShowSaveAsDialog));
    }
    if item(ui, "Close annotations", "", has_notes) {
        out.push(Command::Notes(NotesCommand::Close));
    }
    if ui.button(IMPORT_ITEM).clicked() {
        out.push(Command::Notes(NotesCommand::ShowImportDialog));
    }
    if ui.add_enabled(!world.notes.set.is_empty(), egui::Button::new(EXPORT_W3C_ITEM)).clicked() {
        out.push(Command::Notes(NotesCommand::ShowExportW3cDialog));
    }
}

/// The File menu item that imports notes from other tools.
pub const IMPORT_ITEM: &str = "Import annotations…";

/// The File menu item that exports notes for other tools.
pub const EXPORT_W3C_ITEM: &str = "Export annotations as W3C Web Annotation…";

/// The canvas context menu's entries for a node.
pub fn context_menu_ui(ui: &mut egui::Ui, node: NodeIndex, out: &mut Vec<Command>) {
    if ui.button("Annotate…").clicked() {
        out.push(Command::Notes(NotesCommand::Annotate(node)));
        ui.close();
    }
    if ui.button("Link to…").clicked() {
        out.push(Command::Notes(NotesCommand::ShowLinkPicker(node)));
        ui.close();
    }
}
