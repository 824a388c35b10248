//! The menu bar: every action, with its shortcut.

use egui::Button;

use super::command::{Command, CompareStart, ExportKind, Panel};
use super::compare_view::{CompareView, WSIS10_TO_WSIS20};
use super::settings::ThemeChoice;
use super::world::World;
use crate::layout::Arrangement;
use crate::scene::ColorBy;

/// The menu bar (egui keeps which menu is open).
#[derive(Debug, Default)]
pub struct MenuBar;

impl MenuBar {
    /// Draws the menu bar; returns the commands chosen.
    pub fn ui(&mut self, ui: &mut egui::Ui, world: &World<'_>) -> Vec<Command> {
        let mut out = Vec::new();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| file_menu_ui(ui, world, &mut out));
            ui.menu_button("View", |ui| view_menu_ui(ui, world, &mut out));
            ui.menu_button("Go", |ui| go_menu_ui(ui, world, &mut out));
            ui.menu_button("Selection", |ui| super::selection::menu_ui(ui, world, &mut out));
            ui.menu_button("Help", help_menu_ui);
        });
        out
    }
}

fn item(ui: &mut egui::Ui, text: &str, shortcut: &str) -> bool {
    ui.add(Button::new(text).shortcut_text(shortcut)).clicked()
}

fn file_menu_ui(ui: &mut egui::Ui, world: &World<'_>, out: &mut Vec<Command>) {
    if item(ui, "Open document…", "Ctrl+O") {
        out.push(Command::ShowOpenDialog);
    }
    if ui.button("Open path…").clicked() {
        out.push(Command::ShowPathPrompt);
    }
    if ui.button("Add document to the map…").clicked() {
        out.push(Command::ShowAddDialog);
    }
    ui.menu_button("Open recent", |ui| {
        if world.settings.recent_documents.is_empty() {
            ui.label("(none yet)");
        }
        for path in &world.settings.recent_documents {
            if ui.button(path.display().to_string()).clicked() {
                out.push(Command::OpenDocuments(vec![path.clone()]));
            }
        }
    });
    ui.menu_button("Open bundled document", |ui| bundled_menu_ui(ui, out));
    ui.separator();
    if item(ui, "Export image…", "Ctrl+E") {
        out.push(Command::ShowExportDialog(ExportKind::Image));
    }
    if ui.button("Export graph data…").clicked() {
        out.push(Command::ShowExportDialog(ExportKind::Data));
    }
    ui.separator();
    super::notes::menu::file_menu_ui(ui, world, out);
    ui.separator();
    if item(ui, "Quit", "Ctrl+Q") {
        out.push(Command::Quit);
    }
}

/// File → Open bundled document: each bundled document, or all of them.
fn bundled_menu_ui(ui: &mut egui::Ui, out: &mut Vec<Command>) {
    for bundled in &crate::document::BUNDLED_DOCUMENTS {
        if ui.button(bundled.name).clicked() {
            out.push(Command::OpenBundled(vec![bundled.id]));
        }
    }
    if ui.button("Both (WSIS+10 and WSIS+20)").clicked() {
        out.push(Command::OpenBundled(crate::document::BUNDLED_DOCUMENTS.iter().map(|b| b.id).collect()));
    }
}

fn view_menu_ui(ui: &mut egui::Ui, world: &World<'_>, out: &mut Vec<Command>) {
    if item(ui, "Fit to view", "F / Home") {
        out.push(Command::FitToView);
    }
    if item(ui, "Zoom to selection", "Z") {
        out.push(Command::ZoomToSelection);
    }
    let pause = if world.view.paused { "Resume layout" } else { "Pause layout" };
    if item(ui, pause, "Space") {
        out.push(Command::TogglePause);
    }
    if ui.button("Unpin all nodes").clicked() {
        out.push(Command::UnpinAll);
    }
    if ui.button("Compare documents…").on_hover_text("A compare tab beside the map: two texts side by side").clicked()
    {
        out.push(Command::ShowCompare(CompareStart::Empty));
    }
    if CompareView::wsis10_to_wsis20(&world.workspace.graph).is_some()
        && ui.button(format!("Compare {WSIS10_TO_WSIS20}")).clicked()
    {
        out.push(Command::ShowCompare(CompareStart::Wsis10ToWsis20));
    }
    if ui.button("Mandates…").on_hover_text("Who is asked to do what, by when, in every open document").clicked() {
        out.push(Command::ShowMandates(None));
    }
    if ui.button("Lay out again from the start").clicked() {
        out.push(Command::RelayoutAll);
    }
    ui.separator();
    ui.label("Layout");
    let arrangement = world.workspace.layout.arrangement();
    for choice in [Arrangement::Map, Arrangement::Reading] {
        let button = egui::Button::selectable(arrangement == choice, choice.label()).shortcut_text("L");
        if ui.add(button).clicked() && arrangement != choice {
            out.push(Command::SetArrangement(choice));
        }
    }
    ui.separator();
    for (panel, shown, name, key) in [
        (Panel::Side, world.settings.show_side_panel, "Search and filters panel", "F9"),
        (Panel::Detail, world.settings.show_detail_panel, "Detail panel", "F10"),
    ] {
        if ui.add(egui::Button::selectable(shown, name).shortcut_text(key)).clicked() {
            out.push(Command::SetPanel(panel, !shown));
        }
    }
    let minimap = egui::Button::selectable(world.settings.show_minimap, "Minimap (overview)").shortcut_text("M");
    if ui.add(minimap).clicked() {
        out.push(Command::SetMinimap(!world.settings.show_minimap));
    }
    let hulls = egui::Button::selectable(world.settings.show_hulls, "Section outlines (hulls)").shortcut_text("H");
    if ui.add(hulls).clicked() {
        out.push(Command::SetHulls(!world.settings.show_hulls));
    }
    let mut thematic = world.view.show_thematic;
    if ui.checkbox(&mut thematic, "Thematic SDG links").changed() {
        out.push(Command::SetThematic(thematic));
    }
    ui.separator();
    ui.label("Colour the discs by");
    for (color_by, name) in [(ColorBy::Kind, "Node kind"), (ColorBy::Role, "Clause role (paragraphs)")] {
        let button = egui::Button::selectable(world.view.color_by == color_by, name).shortcut_text("R");
        if ui.add(button).clicked() && world.view.color_by != color_by {
            out.push(Command::SetColorBy(color_by));
        }
    }
    ui.separator();
    ui.label("Theme");
    for (choice, name) in
        [(ThemeChoice::System, "Follow the system"), (ThemeChoice::Light, "Light"), (ThemeChoice::Dark, "Dark")]
    {
        if ui.radio(world.settings.theme == choice, name).clicked() {
            out.push(Command::SetTheme(choice));
        }
    }
}

fn go_menu_ui(ui: &mut egui::Ui, world: &World<'_>, out: &mut Vec<Command>) {
    if ui.add_enabled(world.view.can_go_back(), Button::new("Back").shortcut_text("Alt+Left")).clicked() {
        out.push(Command::Back);
    }
    if ui.add_enabled(world.view.can_go_forward(), Button::new("Forward").shortcut_text("Alt+Right")).clicked() {
        out.push(Command::Forward);
    }
    if item(ui, "Find…", "Ctrl+F") {
        out.push(Command::FocusSearch);
    }
    if let Some(selected) = world.view.selected
        && ui.add(Button::new("Focus on selection").shortcut_text("double-click")).clicked()
    {
        out.push(Command::Focus(selected));
    }
    if ui.add_enabled(world.view.focus.is_some(), Button::new("Leave focus").shortcut_text("Esc")).clicked() {
        out.push(Command::LeaveFocus);
    }
}

/// Every shortcut, as the Help menu and the README list them.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+O", "open a document"),
    ("Ctrl+S", "save the annotations (asks where the first time)"),
    ("Ctrl+Shift+S", "save the annotations as…"),
    ("A", "annotate the selected node"),
    ("Ctrl+F", "find"),
    ("Ctrl+E", "export an image of the map (PNG, SVG)"),
    ("Enter (in find)", "select the first result"),
    ("F / Home", "fit everything into view"),
    ("Z", "zoom to the selection and its neighbours (several selected: frame them)"),
    ("Space", "pause or resume the layout"),
    ("R", "colour the discs by clause role, or back by node kind"),
    ("H", "show or hide the section outlines (a soft hull behind each section's paragraphs)"),
    ("M", "show or hide the minimap (the whole map and the view); click or drag in it to move the view there"),
    ("F9 / F10", "show or hide the search and filters panel / the detail panel (room for the map in a small window)"),
    ("L", "switch between the force-directed map and the reading order (paragraphs in document order by section)"),
    ("Esc", "leave focus, else leave “show only the selection”, else clear the selection"),
    ("Shift+click a node", "add it to the selection, or take it out (several nodes selected: each with a ring)"),
    ("Shift+drag background", "draw a box: the shown nodes inside it become the selection"),
    ("Ctrl+A", "select every shown node"),
    ("Delete", "hide the selection (Ctrl+Z brings it back)"),
    ("O", "show only the selection and the links among its nodes (Esc or Selection › Show everything leaves)"),
    ("P / Shift+P", "pin / unpin every selected node where it is"),
    ("Alt+Left / Alt+Right, mouse back/forward", "selection history"),
    ("Ctrl+Z / Ctrl+Shift+Z", "undo / redo a move, pin, hide, show-only or focus"),
    ("N / Shift+N (compare view)", "go to the next / previous change (within the filters)"),
    ("Ctrl+Q", "quit"),
    ("scroll / pinch", "zoom about the pointer"),
    ("drag background", "pan"),
    ("drag a node", "move and pin it where released (only its neighbourhood adjusts)"),
    (
        "right-click a node",
        "pin, unpin, focus, hide its kind, annotate, link; on one of several selected: act on them all",
    ),
    ("drop a .json or .jsonld file", "open it as annotations (W3C, Hypothesis: import, after asking)"),
    ("drop any other file", "add it to the map as a document"),
    ("double-click a node", "focus on its neighbourhood"),
    ("hover a link", "why it is there: its kind and the quoted words"),
    ("click a link", "explain it in the detail panel: both ends, each quote in its sentence"),
];

fn help_menu_ui(ui: &mut egui::Ui) {
    ui.menu_button("Keyboard and mouse", |ui| {
        egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
            for (keys, what) in SHORTCUTS {
                ui.strong(*keys);
                ui.label(*what);
                ui.end_row();
            }
        });
    });
    ui.label(format!("WSIS Atlas {}", env!("CARGO_PKG_VERSION")));
}
