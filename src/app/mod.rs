//! The explorer window (eframe/egui). A thin layer over the model, built
//! as egui's own demo app is:
//!
//! - [`AtlasApp`] owns the world — the open documents with their graph and
//!   layout ([`workspace`]), what is shown ([`view`]), what is remembered
//!   ([`settings`]), the annotation set ([`notes`]), the status message and
//!   the undo history ([`undo`]) — and the panels.
//! - Each panel is a struct that owns its own UI state and reads the world
//!   through [`world::World`] (shared references only): the menu bar
//!   ([`menu`]), the side panel ([`side_panel`], with the role filter of
//!   [`analysis_ui`] and the notes list), the detail panel
//!   ([`detail_panel`]), the map ([`canvas`]: its last scene, meshes, the
//!   drag and the right-click menu, with the overview in its corner,
//!   [`minimap`]), the status bar ([`status`]), the
//!   export dialog ([`export_dialog`]), the compare view, a tab
//!   beside the map ([`compare_view::CompareView`]), the path prompt ([`open_prompt`]) and
//!   the notes' dialogs ([`notes`]); every dialog stays inside the window
//!   below the menu bar ([`dialog`]). Select many and the actions on the
//!   selection (hide, show only, pin, export) are [`selection`]. Typing into a field changes only that
//!   panel's state; everything else a panel wants is a
//!   [`command::Command`] it returns.
//! - [`AtlasApp::apply`] (and what it calls: [`notes::apply`], [`undo`],
//!   [`follow`], [`selection::apply`]) is the only code that changes the world. Keys
//!   ([`shortcuts`]) are read and applied before the panels are drawn, the
//!   panels' commands after; the canvas hands back what it saw (camera,
//!   hover: [`view::CanvasView`]) for the view to keep.
//! - [`command`] depends on no panel, and no panel imports [`AtlasApp`].
//!
//! The canvas paints the same [`Scene`](crate::scene::Scene) that export
//! writes.

pub mod analysis_ui;
pub mod atlas_app;
pub mod canvas;
pub mod command;
pub mod compare_view;
pub mod detail_panel;
pub mod dialog;
pub mod export_dialog;
pub mod follow;
pub mod loading;
pub mod mandates_view;
pub mod markdown;
pub mod menu;
pub mod minimap;
pub mod notes;
pub mod open_prompt;
pub mod search_marks;
pub mod selection;
pub mod settings;
pub mod shortcuts;
pub mod side_panel;
pub mod status;
pub mod undo;
pub mod view;
pub mod workspace;
pub mod world;

use std::path::PathBuf;

pub use atlas_app::AtlasApp;

/// The folder name eframe keeps this app's data in (its app id).
pub const APP_ID: &str = "wsis-atlas";

/// The application icon (SVG source, rendered at start-up).
const ICON_SVG: &str = include_str!("../../icons/icon.svg");

/// Opens the window on `files` (the bundled document when empty), with the
/// annotation file `annotations` if given (an error opening it is shown in
/// the status bar).
///
/// # Errors
///
/// When no display is available or the window cannot be created; the
/// message says what to do instead.
pub fn run(files: Vec<PathBuf>, annotations: Option<PathBuf>) -> anyhow::Result<()> {
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        anyhow::bail!(no_display_message());
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("WSIS Atlas")
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions { viewport, persist_window: true, ..Default::default() };
    eframe::run_native(
        "WSIS Atlas",
        options,
        Box::new(move |cc| {
            let app = AtlasApp::from_creation_context(cc, &files);
            let recovery_dir = eframe::storage_dir(APP_ID);
            Ok(Box::new(notes::start(app, annotations.as_deref(), recovery_dir.as_deref())))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}. {}", no_display_hint()))
}

fn no_display_message() -> String {
    format!("no display found: the explorer needs a graphical session. {}", no_display_hint())
}

fn no_display_hint() -> &'static str {
    "The command-line subcommands work without one: `wsis-atlas stats`, `wsis-atlas export`, `wsis-atlas --help`."
}

/// The icon, rendered from its SVG source.
fn icon() -> Option<egui::IconData> {
    let tree = resvg::usvg::Tree::from_str(ICON_SVG, &resvg::usvg::Options::default()).ok()?;
    let size = 256;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size, size)?;
    let scale = size as f32 / tree.size().width();
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    let rgba = pixmap.pixels().iter().flat_map(|p| {
        let c = p.demultiply();
        [c.red(), c.green(), c.blue(), c.alpha()]
    });
    Some(egui::IconData { rgba: rgba.collect(), width: size, height: size })
}

#[cfg(test)]
mod tests {
    #[test]
    fn icon_renders() {
        let icon = super::icon();
        assert!(icon.as_ref().is_some_and(|i| i.rgba.len() == 256 * 256 * 4 && i.rgba.iter().any(|&b| b != 0)));
    }
}
