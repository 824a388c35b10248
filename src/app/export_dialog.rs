//! File → Export image… (Ctrl+E) and Export graph data…: options, a file
//! name (native save dialog, or typed), and an atomic write. The picture of
//! the current view is the canvas's own scene.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use petgraph::stable_graph::NodeIndex;

use super::canvas::current_scene;
use super::command::{Command, Dialog};
use super::world::World;
use crate::export::image::{ImageOptions, ImageTheme};
use crate::export::{self, Format};
use crate::scene::{ColorBy, Labels};

/// What part of the map goes into the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// What the canvas shows now: same view, highlights and labels.
    CurrentView,
    /// Every node that is shown (filters and focus apply), framed whole.
    Shown,
    /// Every node of the graph.
    Everything,
    /// The selected nodes and the links among them, framed whole.
    Selection,
}

/// State of the export dialog.
#[derive(Debug, Clone)]
pub struct ExportDialog {
    /// Picture (PNG, SVG) or data (JSON, GraphML, DOT).
    pub format: Format,
    /// Which nodes.
    pub scope: Scope,
    /// Picture options.
    pub image: ImageOptions,
    /// Where to write.
    pub path: String,
    /// Replace an existing file.
    pub overwrite: bool,
    /// The last error, shown in the dialog.
    pub error: Option<String>,
}

impl ExportDialog {
    /// The image dialog.
    #[must_use]
    pub fn image() -> Self {
        ExportDialog {
            format: Format::Png,
            scope: Scope::CurrentView,
            image: ImageOptions { scale: 2.0, ..ImageOptions::default() },
            path: String::new(),
            overwrite: false,
            error: None,
        }
    }

    /// The image dialog, its colouring taken from the window's view.
    #[must_use]
    pub fn image_of(view: &super::view::ViewState) -> Self {
        let mut dialog = Self::image();
        dialog.image.color_by = view.color_by;
        dialog
    }

    /// The data dialog.
    #[must_use]
    pub fn data() -> Self {
        ExportDialog { format: Format::Json, scope: Scope::Shown, ..ExportDialog::image() }
    }
}

/// Largest output side in pixels offered (8K and a bit).
const MAX_SIDE: u32 = 16_384;

impl ExportDialog {
    /// Draws the dialog: the options are its own; writing the file and
    /// closing are commands.
    pub fn ui(&mut self, ctx: &egui::Context, world: &World<'_>, out: &mut Vec<Command>) {
        export_dialog_ui(ctx, self, world, out);
    }
}

fn export_dialog_ui(ctx: &egui::Context, dialog: &mut ExportDialog, world: &World<'_>, out: &mut Vec<Command>) {
    let mut keep_open = true;
    let mut write = false;
    super::dialog::modal(ctx, "export_dialog").show(ctx, |ui| {
        ui.set_width(440.0);
        let image = dialog.format.is_image();
        ui.heading(if image { "Export image" } else { "Export graph data" });
        ui.add_space(4.0);
        egui::Grid::new("export_options").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
            ui.label("Format");
            ui.horizontal(|ui| {
                let formats: &[Format] = if image { &[Format::Png, Format::Svg] } else { &Format::DATA };
                for &f in formats {
                    if ui.radio(dialog.format == f, f.label()).clicked() {
                        dialog.format = f;
                        dialog.path = with_extension(&dialog.path, f);
                    }
                }
            });
            ui.end_row();
            ui.label("Nodes");
            ui.vertical(|ui| {
                if image {
                    ui.radio_value(&mut dialog.scope, Scope::CurrentView, "The current view, as on screen");
                }
                ui.radio_value(&mut dialog.scope, Scope::Shown, "Everything shown (filters and focus apply)");
                ui.radio_value(&mut dialog.scope, Scope::Everything, "The whole graph");
                let selected = world.view.selection_len();
                ui.add_enabled_ui(selected > 0, |ui| {
                    let text = format!("The selection ({selected} nodes) and the links among them");
                    ui.radio_value(&mut dialog.scope, Scope::Selection, text);
                });
            });
            ui.end_row();
            if image {
                if dialog.scope != Scope::CurrentView {
                    let size = ui.label("Size");
                    ui.horizontal(|ui| {
                        ui.add(egui::DragValue::new(&mut dialog.image.width).range(100..=8192).suffix(" px"))
                            .labelled_by(size.id);
                        ui.label("×");
                        ui.add(egui::DragValue::new(&mut dialog.image.height).range(100..=8192).suffix(" px"))
                            .labelled_by(size.id);
                    });
                    ui.end_row();
                }
                // Named for screen readers (and tests) by its label.
                let scale = ui.label("Scale");
                ui.add(egui::Slider::new(&mut dialog.image.scale, 0.5..=8.0).suffix("×")).labelled_by(scale.id);
                ui.end_row();
                ui.label("Background");
                ui.horizontal(|ui| {
                    for t in ImageTheme::ALL {
                        ui.radio_value(&mut dialog.image.theme, t, t.as_str());
                    }
                });
                ui.end_row();
                ui.label("Show");
                ui.horizontal(|ui| {
                    ui.checkbox(&mut dialog.image.labels, "labels");
                    ui.checkbox(&mut dialog.image.legend, "legend");
                });
                ui.end_row();
                if dialog.scope != Scope::CurrentView {
                    ui.label("Colours");
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut dialog.image.color_by, ColorBy::Kind, "by node kind");
                        ui.radio_value(&mut dialog.image.color_by, ColorBy::Role, "by clause role");
                    });
                    ui.end_row();
                }
                let size = output_size(world, dialog);
                ui.label("Output");
                if size.0.max(size.1) > MAX_SIDE {
                    ui.colored_label(ui.visuals().error_fg_color, format!("{} × {} px: too large", size.0, size.1));
                } else {
                    ui.label(format!("{} × {} px", size.0, size.1));
                }
                ui.end_row();
            }
            ui.label("File");
            ui.horizontal(|ui| {
                let field =
                    egui::TextEdit::singleline(&mut dialog.path).hint_text("/path/to/map.png").desired_width(260.0);
                ui.add(field);
                if ui.button("Browse…").clicked() {
                    out.push(Command::BrowseExport);
                }
            });
            ui.end_row();
        });
        let path = PathBuf::from(dialog.path.trim());
        if !dialog.path.trim().is_empty() && path.exists() {
            ui.checkbox(&mut dialog.overwrite, "Replace the existing file");
        }
        if let Some(e) = &dialog.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let ready = !dialog.path.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
                write = true;
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                keep_open = false;
            }
        });
    });
    if write {
        out.push(Command::Export);
    } else if !keep_open {
        out.push(Command::CloseDialog(Dialog::Export));
    }
}

/// Replaces or adds the format's extension.
fn with_extension(path: &str, format: Format) -> String {
    if path.trim().is_empty() {
        return String::new();
    }
    PathBuf::from(path.trim()).with_extension(format.extension()).display().to_string()
}

/// Native save dialog; when none can be shown, the typed path is used.
pub fn browse(dialog: &mut ExportDialog) {
    let started = Instant::now();
    let ext = dialog.format.extension();
    let picked = rfd::FileDialog::new()
        .set_title("Export to")
        .set_file_name(format!("wsis-atlas.{ext}"))
        .add_filter(ext.to_uppercase(), &[ext])
        .save_file();
    match picked {
        Some(path) => {
            dialog.path = path.display().to_string();
            // The native dialog already asked about replacing.
            dialog.overwrite = true;
        }
        None if started.elapsed() < Duration::from_millis(300) => {
            dialog.error = Some("No file dialog is available here: type the file's path.".to_owned());
        }
        None => {}
    }
}

/// Output size in pixels for the dialog's options.
fn output_size(world: &World<'_>, dialog: &ExportDialog) -> (u32, u32) {
    let logical = match (dialog.scope, world.view.camera) {
        (Scope::CurrentView, Some(c)) => c.size,
        _ => [dialog.image.width as f32, dialog.image.height as f32],
    };
    dialog.image.pixel_size(logical)
}

/// Builds the bytes and writes them atomically; the path written, or why not.
///
/// # Errors
///
/// When the picture would be too large, encoding fails or the file cannot be written.
pub fn write_export(world: &World<'_>, dialog: &ExportDialog) -> Result<PathBuf, String> {
    let path = PathBuf::from(dialog.path.trim());
    if dialog.scope == Scope::Selection && world.view.selection_len() == 0 {
        return Err("Nothing is selected: Shift+click or Shift+drag on the map first".to_owned());
    }
    let (w, h) = output_size(world, dialog);
    if dialog.format.is_image() && w.max(h) > MAX_SIDE {
        return Err(format!("{w} × {h} px is too large: lower the scale or the size"));
    }
    let bytes = export_bytes(world, dialog).map_err(|e| e.to_string())?;
    export::write_atomic(&path, &bytes, dialog.overwrite).map_err(|e| e.to_string())?;
    Ok(path)
}

/// The file's bytes for the dialog's options.
///
/// # Errors
///
/// When encoding fails (e.g. a picture too large for memory).
pub fn export_bytes(world: &World<'_>, dialog: &ExportDialog) -> Result<Vec<u8>, export::ExportError> {
    let graph = &world.workspace.graph;
    let position = |n: NodeIndex| world.workspace.position(n);
    if dialog.format.is_image()
        && dialog.scope == Scope::CurrentView
        && let Some(camera) = world.view.camera
    {
        let style = dialog.image.theme.style();
        let labels = if dialog.image.labels { Labels::Auto } else { Labels::None };
        let mut scene = current_scene(world, camera, &style, labels, true);
        if !dialog.image.theme.paints_background() {
            scene.background = crate::style::Rgba::TRANSPARENT;
        }
        return match dialog.format {
            Format::Svg => Ok(export::svg::render_svg(&scene, &dialog.image).into_bytes()),
            _ => export::png::render_png(&scene, &dialog.image),
        };
    }
    let visible: BTreeSet<NodeIndex> = match dialog.scope {
        Scope::Everything => graph.node_indices().collect(),
        Scope::Selection => world.view.selection().into_iter().filter(|&n| graph.node(n).is_some()).collect(),
        _ => graph.node_indices().filter(|&n| world.view.is_visible(graph, n)).collect(),
    };
    export::export(graph, &position, &visible, dialog.format, &dialog.image)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::AtlasApp;
    use crate::app::settings::Settings;
    use crate::app::workspace::Workspace;
    use crate::scene::Camera;

    fn app() -> AtlasApp {
        let Ok(ws) = Workspace::bundled() else { panic!("bundled workspace") };
        let mut app = AtlasApp::new(ws, Settings::default());
        app.workspace.layout.sim.run_to_rest(2_000);
        let graph = &app.workspace.graph;
        let points: Vec<_> = graph.node_indices().filter_map(|n| app.workspace.position(n)).collect();
        app.view.camera = Some(Camera::fit(points, [640.0, 400.0], 20.0));
        app
    }

    #[test]
    fn current_view_png_has_the_canvas_size_times_the_scale() {
        let app = app();
        let dialog = ExportDialog::image();
        let png = export_bytes(&app.world(), &dialog).unwrap_or_default();
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).ok();
        assert_eq!(pixmap.map(|p| (p.width(), p.height())), Some((1280, 800)));
    }

    #[test]
    fn hidden_kinds_stay_out_of_data_exports_of_what_is_shown() {
        let mut app = app();
        app.view.toggle_kind(crate::graph::NodeKind::Resolution);
        let dialog = ExportDialog::data();
        let json = String::from_utf8(export_bytes(&app.world(), &dialog).unwrap_or_default()).unwrap_or_default();
        assert!(json.contains("para:wsis10:51"));
        assert!(!json.contains("\"res:A/RES/69/166\""));
        let all = ExportDialog { scope: Scope::Everything, ..ExportDialog::data() };
        let json = String::from_utf8(export_bytes(&app.world(), &all).unwrap_or_default()).unwrap_or_default();
        assert!(json.contains("\"res:A/RES/69/166\""));
    }

    #[test]
    fn the_svg_of_the_current_view_names_the_selection() {
        let mut app = app();
        let Some(p51) = app.workspace.graph.index_of("para:wsis10:51") else { panic!("¶51") };
        app.view.select(p51);
        let svg = ExportDialog { format: Format::Svg, ..ExportDialog::image() };
        let text = String::from_utf8(export_bytes(&app.world(), &svg).unwrap_or_default()).unwrap_or_default();
        assert!(text.contains("para:wsis10:51"));
        assert!(text.contains("¶51"));
    }
}
