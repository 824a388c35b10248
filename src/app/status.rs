//! The status bar: counts, layout state, and the latest message.

use std::time::Instant;

use super::atlas_app::AtlasApp;

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
}

/// Draws the status bar.
pub fn status_bar_ui(ui: &mut egui::Ui, app: &mut AtlasApp) {
    ui.horizontal(|ui| {
        let graph = &app.workspace.graph;
        let visible = graph.node_indices().filter(|n| app.view.is_visible(graph, *n)).count();
        ui.label(format!("{} nodes ({visible} shown) · {} edges", graph.node_count(), graph.edge_count()));
        ui.separator();
        let layout = if app.view.paused {
            "layout paused (Space resumes)"
        } else if app.workspace.layout.sim.is_settled() {
            "layout at rest"
        } else {
            "layout settling…"
        };
        ui.label(layout);
        if app.view.color_by == crate::scene::ColorBy::Role {
            ui.separator();
            ui.label("coloured by clause role (R: by kind)");
        }
        if let Some(focus) = app.view.focus.and_then(|f| graph.node(f)) {
            ui.separator();
            let hops = if app.view.focus_depth == 1 { "hop" } else { "hops" };
            ui.label(format!("focus: {} ({} {hops}, Esc leaves)", focus.label, app.view.focus_depth));
        }
        if let Some((level, text)) = app.status.message() {
            ui.separator();
            let color = match level {
                Level::Info => ui.visuals().text_color(),
                Level::Error => ui.visuals().error_fg_color,
            };
            let text = text.to_owned();
            ui.colored_label(color, &text).on_hover_text(&text);
            if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                app.status.clear();
            }
        }
    });
}
