//! "Open a path": a small dialog with a path field, for systems where no
//! native file dialog can be shown, and for people who prefer typing. The
//! same prompt asks for annotation files to open or save to.

use std::path::PathBuf;

use super::command::{Command, Dialog};
use super::settings::Settings;

/// State of the prompt.
#[derive(Debug, Clone, Default)]
pub struct OpenPrompt {
    /// Why it is shown.
    pub reason: String,
    /// The path typed so far.
    pub path: String,
    /// Add to the map instead of replacing it.
    pub add: bool,
    /// What the path is for.
    pub purpose: Purpose,
}

/// What the typed path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Purpose {
    /// A text document to open or add.
    #[default]
    Document,
    /// An annotation file to open.
    OpenAnnotations,
    /// Where to save the annotations.
    SaveAnnotations,
    /// A W3C Web Annotation, Hypothesis or WSIS Atlas file to import.
    ImportAnnotations,
    /// Where to write the annotations as W3C Web Annotation.
    ExportW3c,
}

impl OpenPrompt {
    /// A prompt with an explanation.
    #[must_use]
    pub fn new(reason: impl Into<String>) -> Self {
        OpenPrompt { reason: reason.into(), ..OpenPrompt::default() }
    }

    /// A prompt for an annotation file (to open, or to save to).
    #[must_use]
    pub fn annotations(purpose: Purpose, reason: impl Into<String>) -> Self {
        OpenPrompt { reason: reason.into(), purpose, ..OpenPrompt::default() }
    }
}

impl OpenPrompt {
    /// Draws the prompt: the typing changes its own path; opening and
    /// closing are commands.
    pub fn ui(&mut self, ctx: &egui::Context, settings: &Settings, out: &mut Vec<Command>) {
        let (command, close) = open_prompt_ui(ctx, self, settings);
        // Closed first: what the path is for may open the prompt again (save where?).
        if close {
            out.push(Command::CloseDialog(Dialog::PathPrompt));
        }
        out.extend(command);
    }
}

/// Draws the prompt; returns the command it produced, and whether it closes.
fn open_prompt_ui(ctx: &egui::Context, prompt: &mut OpenPrompt, settings: &Settings) -> (Option<Command>, bool) {
    let (heading, hint, button) = match prompt.purpose {
        Purpose::Document => ("Open document", "/path/to/document.txt", "Open"),
        Purpose::OpenAnnotations => ("Open annotations", "/path/to/annotations.json", "Open"),
        Purpose::SaveAnnotations => ("Save annotations", "/path/to/annotations.json", "Save"),
        Purpose::ImportAnnotations => ("Import annotations", "/path/to/hypothesis-export.json", "Import"),
        Purpose::ExportW3c => ("Export annotations as W3C Web Annotation", "/path/to/annotations.jsonld", "Export"),
    };
    let recent = match prompt.purpose {
        Purpose::Document => settings.recent_documents.clone(),
        Purpose::OpenAnnotations | Purpose::SaveAnnotations | Purpose::ImportAnnotations | Purpose::ExportW3c => {
            settings.recent_annotations.clone()
        }
    };
    let mut command = None;
    let mut close = false;
    super::dialog::modal(ctx, "open_prompt").show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading(heading);
        if !prompt.reason.is_empty() {
            ui.label(&prompt.reason);
        }
        ui.add_space(6.0);
        let field = ui.add(egui::TextEdit::singleline(&mut prompt.path).hint_text(hint).desired_width(f32::INFINITY));
        // Read before taking the focus back: `lost_focus` asks egui's memory, now.
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if !enter {
            field.request_focus();
        }
        if prompt.purpose == Purpose::Document {
            ui.checkbox(&mut prompt.add, "Add to the map (keep what is open)");
        }
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
            if (ui.add_enabled(!path.is_empty(), egui::Button::new(button)).clicked() || enter) && !path.is_empty() {
                command = Some(command_for(prompt, PathBuf::from(path)));
                close = true;
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                close = true;
            }
        });
    });
    (command, close)
}

fn command_for(prompt: &OpenPrompt, path: PathBuf) -> Command {
    use super::command::NotesCommand;
    match prompt.purpose {
        Purpose::Document if prompt.add => Command::AddDocuments(vec![path]),
        Purpose::Document => Command::OpenDocuments(vec![path]),
        Purpose::OpenAnnotations => Command::Notes(NotesCommand::Open(path)),
        Purpose::SaveAnnotations => Command::Notes(NotesCommand::SaveAs(path)),
        Purpose::ImportAnnotations => Command::Notes(NotesCommand::Import(path)),
        Purpose::ExportW3c => Command::Notes(NotesCommand::ExportW3c(path)),
    }
}
