//! "Open a path": a small dialog with a path field, for systems where no
//! native file dialog can be shown, and for people who prefer typing.

use std::path::PathBuf;

use super::atlas_app::AtlasApp;
use super::view::Command;

/// State of the prompt.
#[derive(Debug, Clone, Default)]
pub struct OpenPrompt {
    /// Why it is shown.
    pub reason: String,
    /// The path typed so far.
    pub path: String,
    /// Add to the map instead of replacing it.
    pub add: bool,
}

impl OpenPrompt {
    /// A prompt with an explanation.
    #[must_use]
    pub fn new(reason: impl Into<String>) -> Self {
        OpenPrompt { reason: reason.into(), ..OpenPrompt::default() }
    }
}

/// Draws the prompt if open; returns the command it produced.
pub fn open_prompt_ui(ctx: &egui::Context, app: &mut AtlasApp) -> Option<Command> {
    let recent = app.settings.recent_documents.clone();
    let prompt = app.open_prompt.as_mut()?;
    let mut command = None;
    let mut close = false;
    egui::Modal::new(egui::Id::unique("open_prompt")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading("Open document");
        if !prompt.reason.is_empty() {
            ui.label(&prompt.reason);
        }
        ui.add_space(6.0);
        let field = ui.add(
            egui::TextEdit::singleline(&mut prompt.path)
                .hint_text("/path/to/document.txt")
                .desired_width(f32::INFINITY),
        );
        // Read before taking the focus back: `lost_focus` asks egui's memory, now.
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if !enter {
            field.request_focus();
        }
        ui.checkbox(&mut prompt.add, "Add to the map (keep what is open)");
        if !recent.is_empty() {
            ui.label("Recent:");
            for path in &recent {
                if ui.link(path.display().to_string()).clicked() {
                    prompt.path = path.display().to_string();
                }
            }
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let path = prompt.path.trim();
            if (ui.add_enabled(!path.is_empty(), egui::Button::new("Open")).clicked() || enter) && !path.is_empty() {
                let files = vec![PathBuf::from(path)];
                command = Some(if prompt.add { Command::AddDocuments(files) } else { Command::OpenDocuments(files) });
                close = true;
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                close = true;
            }
        });
    });
    if close {
        app.open_prompt = None;
    }
    command
}
