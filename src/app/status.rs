//! The status bar: counts, layout state, and the latest message.

use std::time::Instant;

use super::command::Command;
use super::world::World;

/// How serious a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something happened.
    Info,
    /// Something failed; stays until replaced.
    Error,
}

/// The latest message.
#[derive(Debug, Default, Clone)]
pub struct Status {
    message: Option<(Level, String, Instant)>,
    /// Work under way off the UI thread (opening documents), shown with a spinner.
    progress: Option<String>,
}

impl Status {
    /// Shows a message (errors are also logged).
    pub fn set(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        if level == Level::Error {
            log::error!("{text}");
        }
        self.message = Some((level, text, Instant::now()));
    }

    /// The current message, if any.
    #[must_use]
    pub fn message(&self) -> Option<(Level, &str)> {
        self.message.as_ref().map(|(l, t, _)| (*l, t.as_str()))
    }

    /// Clears the message.
    pub fn clear(&mut self) {
        self.message = None;
    }

    /// Shows (or, with `None`, ends) a line about work under way.
    pub fn set_progress(&mut self, text: Option<String>) {
        self.progress = text;
    }

    /// The work under way, if any.
    #[must_use]
    pub fn progress(&self) -> Option<&str> {
        self.progress.as_deref()
    }
}

/// The status bar (it keeps nothing of its own).
#[derive(Debug, Default)]
pub struct StatusBar;

impl StatusBar {
    /// Draws the status bar; returns the commands chosen (dismissing the message).
    pub fn ui(&mut self, ui: &mut egui::Ui, world: &World<'_>) -> Vec<Command> {
        let mut out = Vec::new();
        status_bar_ui(ui, world, &mut out);
        out
    }
}

fn status_bar_ui(ui: &mut egui::Ui, world: &World<'_>, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let graph = &world.workspace.graph;
        let visible = graph.node_indices().filter(|n| world.view.is_visible(graph, *n)).count();
        ui.label(format!("{} nodes ({visible} shown) · {} edges", graph.node_count(), graph.edge_count()));
        ui.separator();
        let layout = if world.view.paused {
            "layout paused (Space resumes)"
        } else if world.workspace.layout.sim.is_settled() {
            "layout at rest"
        } else {
            "layout settling…"
        };
        ui.label(layout);
        if world.view.color_by == crate::scene::ColorBy::Role {
            ui.separator();
            ui.label("coloured by clause role (R: by kind)");
        }
        if let Some(focus) = world.view.focus.and_then(|f| graph.node(f)) {
            ui.separator();
            let hops = if world.view.focus_depth == 1 { "hop" } else { "hops" };
            ui.label(format!("focus: {} ({} {hops}, Esc leaves)", focus.label, world.view.focus_depth));
        }
        if let Some(text) = super::selection::status_text(world.view) {
            ui.separator();
            ui.label(text);
        }
        if let Some(progress) = world.status.progress() {
            ui.separator();
            ui.spinner();
            ui.label(progress);
        }
        if let Some((level, text)) = world.status.message() {
            ui.separator();
            let color = match level {
                Level::Info => ui.visuals().text_color(),
                Level::Error => ui.visuals().error_fg_color,
            };
            let text = text.to_owned();
            ui.colored_label(color, &text).on_hover_text(&text);
            if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                out.push(Command::DismissStatus);
            }
        }
    });
}
