//! Select many and act on the selection: Shift+click adds or removes a
//! node, Shift+drag on the background draws a box whose nodes become the
//! selection; the selection can be hidden, shown alone with the links
//! among its nodes, pinned, unpinned and exported. The geometry and the
//! view's part have no egui in them; the menus and the box's painting end
//! in `_ui`; [`apply`] carries the commands out for
//! [`AtlasApp::apply`](super::AtlasApp::apply).

use std::collections::BTreeSet;

use petgraph::stable_graph::NodeIndex;

use super::AtlasApp;
use super::command::{Command, ExportKind};
use super::view::ViewState;
use super::world::World;
use crate::scene::Scene;

/// Pixels the pointer moves before a Shift+drag counts as a box.
const BOX_MIN_SIDE: f32 = 2.0;

impl ViewState {
    /// What the selection's actions act on: the multi-selection, else the
    /// single selected node (if any).
    #[must_use]
    pub fn selection(&self) -> BTreeSet<NodeIndex> {
        if self.selected_many.is_empty() { self.selected.into_iter().collect() } else { self.selected_many.clone() }
    }

    /// How many nodes [`ViewState::selection`] holds, without building it.
    #[must_use]
    pub fn selection_len(&self) -> usize {
        if self.selected_many.is_empty() { usize::from(self.selected.is_some()) } else { self.selected_many.len() }
    }

    /// Shift+click: `node` joins the multi-selection (the node selected
    /// until then with it, so that a click then a Shift+click select two)
    /// and is the one the detail panel shows; or, if it was in it, leaves.
    pub fn toggle_in_selection(&mut self, node: NodeIndex) {
        if self.selected_many.is_empty()
            && let Some(single) = self.selected
            && single != node
        {
            self.selected_many.insert(single);
        }
        if self.selected_many.remove(&node) {
            if self.selected == Some(node) {
                self.selected = self.selected_many.last().copied();
            }
        } else {
            self.selected_many.insert(node);
            self.select(node);
        }
        self.selected_edge = None;
    }

    /// The multi-selection becomes `nodes`; the node the detail panel shows
    /// stays if it is one of them.
    pub fn select_many(&mut self, nodes: impl IntoIterator<Item = NodeIndex>) {
        self.selected_many = nodes.into_iter().collect();
        if self.selected.is_some_and(|s| !self.selected_many.contains(&s)) {
            self.selected = None;
        }
        self.selected_edge = None;
    }

    /// Hides the selection; it is no longer selected. False when nothing is selected.
    pub fn hide_selection(&mut self) -> bool {
        let hide = self.selection();
        if hide.is_empty() {
            return false;
        }
        self.hidden_nodes.extend(hide.iter().copied());
        if let Some(only) = self.only_nodes.as_mut() {
            only.retain(|n| !hide.contains(n));
        }
        self.selected_many.clear();
        if self.selected.is_some_and(|s| hide.contains(&s)) {
            self.selected = None;
        }
        self.visibility_changed = true;
        true
    }

    /// Shows only the selection (and so only the links among its nodes),
    /// framed. False when nothing is selected.
    pub fn show_only_selection(&mut self) -> bool {
        let only = self.selection();
        if only.is_empty() {
            return false;
        }
        self.only_nodes = Some(only);
        self.visibility_changed = true;
        self.fit_requested = true;
        true
    }

    /// Leaves "show only the selection" and shows the nodes hidden one by one.
    pub fn show_everything(&mut self) {
        if self.only_nodes.take().is_some() {
            self.fit_requested = true;
        }
        self.hidden_nodes.clear();
        self.visibility_changed = true;
    }
}

/// The nodes of `scene` whose centres lie inside the box with corners `a`
/// and `b` (screen pixels, any two opposite corners, edges included), in
/// index order. The scene holds only the shown nodes, so these are the
/// visible nodes inside the box.
#[must_use]
pub fn nodes_in_box(scene: &Scene, a: [f32; 2], b: [f32; 2]) -> Vec<NodeIndex> {
    let (min, max) = ([a[0].min(b[0]), a[1].min(b[1])], [a[0].max(b[0]), a[1].max(b[1])]);
    let inside = |p: [f32; 2]| (min[0]..=max[0]).contains(&p[0]) && (min[1]..=max[1]).contains(&p[1]);
    let set: BTreeSet<NodeIndex> = scene.nodes.iter().filter(|n| inside(n.center)).map(|n| n.index).collect();
    set.into_iter().collect()
}

/// A box being drawn on the map (Shift+drag on the background): where the
/// drag started and where the pointer is, in canvas pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SelectBox {
    /// Where the drag started.
    pub from: [f32; 2],
    /// Where the pointer is now.
    pub to: [f32; 2],
}

impl SelectBox {
    /// The command the box gives when released: its nodes become the
    /// selection (a box too small to be meant selects nothing new).
    #[must_use]
    pub fn release(self, scene: Option<&Scene>) -> Option<Command> {
        let (w, h) = ((self.to[0] - self.from[0]).abs(), (self.to[1] - self.from[1]).abs());
        if w.max(h) < BOX_MIN_SIDE {
            return None;
        }
        Some(Command::SelectMany(scene.map(|s| nodes_in_box(s, self.from, self.to)).unwrap_or_default()))
    }
}

/// Paints the box being drawn: a translucent rectangle in the selection's
/// colour over the map at `origin` (the canvas's top-left corner).
pub fn paint_box_ui(ui: &egui::Ui, origin: egui::Pos2, select: SelectBox, style: &crate::style::Style) {
    let at = |p: [f32; 2]| egui::pos2(origin.x + p[0], origin.y + p[1]);
    let rect = egui::Rect::from_two_pos(at(select.from), at(select.to));
    let color = crate::style::color32(style.selection);
    ui.painter().rect_filled(rect, 0.0, color.gamma_multiply(0.15));
    ui.painter().rect_stroke(rect, 0.0, egui::Stroke::new(1.0, color), egui::StrokeKind::Inside);
}

/// The right-click menu's part for a node of a selection of several:
/// the actions on the whole selection.
pub fn context_menu_ui(ui: &mut egui::Ui, node: NodeIndex, world: &World<'_>, out: &mut Vec<Command>) {
    let count = world.view.selected_many.len();
    if count < 2 || !world.view.selected_many.contains(&node) {
        return;
    }
    ui.label(egui::RichText::new(format!("{count} selected")).weak());
    actions_ui(ui, world, out);
    ui.separator();
}

/// The menu bar's Selection menu.
pub fn menu_ui(ui: &mut egui::Ui, world: &World<'_>, out: &mut Vec<Command>) {
    let count = world.view.selection_len();
    ui.label(match count {
        0 => "Nothing selected: Shift+click or Shift+drag on the map".to_owned(),
        1 => "1 node selected".to_owned(),
        n => format!("{n} nodes selected"),
    });
    ui.separator();
    actions_ui(ui, world, out);
    let some = count > 0;
    if ui.add_enabled(some, egui::Button::new("Export the selection as data…")).clicked() {
        out.push(Command::ExportSelection(ExportKind::Data));
        ui.close();
    }
    ui.separator();
    let back = world.view.only_nodes.is_some() || !world.view.hidden_nodes.is_empty();
    let button = egui::Button::new("Show everything").shortcut_text("Esc");
    if ui.add_enabled(back, button).on_hover_text("Leave “show only”, and show the nodes hidden one by one").clicked()
    {
        out.push(Command::ShowEverything);
        ui.close();
    }
    if ui.add(egui::Button::new("Select all shown nodes").shortcut_text("Ctrl+A")).clicked() {
        out.push(select_all(world));
        ui.close();
    }
    if ui.add_enabled(some, egui::Button::new("Clear the selection").shortcut_text("Esc")).clicked() {
        out.push(Command::Deselect);
        ui.close();
    }
}

/// The actions on the selection, as the menu bar and the right-click menu list them.
fn actions_ui(ui: &mut egui::Ui, world: &World<'_>, out: &mut Vec<Command>) {
    let some = world.view.selection_len() > 0;
    let mut item = |ui: &mut egui::Ui, text: &str, keys: &str, command: Command| {
        if ui.add_enabled(some, egui::Button::new(text).shortcut_text(keys)).clicked() {
            out.push(command);
            ui.close();
        }
    };
    item(ui, "Hide the selection", "Delete", Command::HideSelection);
    item(ui, "Show only the selection and its links", "O", Command::ShowOnlySelection);
    item(ui, "Pin the selection", "P", Command::PinSelection(true));
    item(ui, "Unpin the selection", "Shift+P", Command::PinSelection(false));
    item(ui, "Export the selection…", "", Command::ExportSelection(ExportKind::Image));
}

/// Ctrl+A: every shown node.
pub fn select_all(world: &World<'_>) -> Command {
    let graph = &world.workspace.graph;
    Command::SelectMany(graph.node_indices().filter(|&n| world.view.is_visible(graph, n)).collect())
}

/// "N selected" for the status bar, when several are.
#[must_use]
pub fn status_text(view: &ViewState) -> Option<String> {
    let mut parts = Vec::new();
    if view.selected_many.len() > 1 {
        parts.push(format!("{} selected", view.selected_many.len()));
    }
    if view.only_nodes.is_some() {
        parts.push("showing only the selection (Esc shows everything)".to_owned());
    } else if !view.hidden_nodes.is_empty() {
        parts.push(format!("{} hidden", view.hidden_nodes.len()));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Carries out a selection command (called by [`AtlasApp::apply`] only).
pub(crate) fn apply(app: &mut AtlasApp, command: Command) {
    let graph = &app.workspace.graph;
    // False when the command needs a selection and there is none.
    let done = match command {
        Command::ToggleInSelection(n) if graph.node(n).is_some() => {
            app.view.toggle_in_selection(n);
            app.settings.show_detail_panel |= app.view.selected.is_some();
            true
        }
        Command::SelectMany(nodes) => {
            app.view.select_many(nodes.into_iter().filter(|&n| graph.node(n).is_some()));
            true
        }
        Command::HideSelection => app.view.hide_selection(),
        Command::ShowOnlySelection => app.view.show_only_selection(),
        Command::ShowEverything => {
            app.view.show_everything();
            true
        }
        Command::PinSelection(pinned) => {
            let nodes = app.view.selection();
            for &n in &nodes {
                app.workspace.layout.set_pinned(n, pinned);
                app.remember_pin(n, pinned);
            }
            if !pinned && !nodes.is_empty() {
                app.workspace.layout.sim.reheat();
            }
            !nodes.is_empty()
        }
        Command::ExportSelection(kind) => {
            let mut dialog = match kind {
                ExportKind::Image => super::export_dialog::ExportDialog::image_of(&app.view),
                ExportKind::Data => super::export_dialog::ExportDialog::data(),
            };
            dialog.scope = super::export_dialog::Scope::Selection;
            app.export_dialog = Some(dialog);
            true
        }
        _ => true,
    };
    if !done {
        nothing_selected(app);
    }
}

fn nothing_selected(app: &mut AtlasApp) {
    app.status.set(super::status::Level::Info, "Nothing selected: Shift+click or Shift+drag on the map to select");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::AtlasGraph;
    use crate::scene::NodeShape;

    /// A disc of a real scene of the bundled map.
    fn template() -> NodeShape {
        let Ok(g) = AtlasGraph::bundled() else { panic!("bundled graph") };
        let layout = crate::layout::atlas::AtlasLayout::new(&g, 7);
        let opts = crate::export::image::ImageOptions::default();
        let scene = crate::export::image::whole_graph_scene(&g, &|n| layout.position(n), &|_| true, &opts);
        scene.nodes.first().cloned().unwrap_or_else(|| panic!("a disc"))
    }

    /// `template` as node `index` at `center`.
    fn disc(template: &NodeShape, index: usize, center: [f32; 2]) -> NodeShape {
        NodeShape { index: NodeIndex::new(index), center, ..template.clone() }
    }

    #[test]
    fn a_box_holds_the_discs_whose_centres_are_inside_whichever_way_it_was_drawn() {
        let t = template();
        let scene = Scene {
            nodes: vec![
                disc(&t, 3, [10.0, 10.0]),
                disc(&t, 1, [50.0, 50.0]),
                disc(&t, 2, [100.0, 20.0]),
                disc(&t, 0, [20.0, 40.0]),
            ],
            ..Scene::default()
        };
        let ids = |v: Vec<NodeIndex>| v.into_iter().map(NodeIndex::index).collect::<Vec<_>>();
        assert_eq!(ids(nodes_in_box(&scene, [0.0, 0.0], [60.0, 60.0])), [0, 1, 3]);
        assert_eq!(ids(nodes_in_box(&scene, [60.0, 60.0], [0.0, 0.0])), [0, 1, 3], "drawn up and left");
        assert_eq!(ids(nodes_in_box(&scene, [50.0, 0.0], [100.0, 20.0])), [2], "edges included");
        assert!(nodes_in_box(&scene, [200.0, 200.0], [300.0, 300.0]).is_empty());
        // A click-sized box is no box.
        assert_eq!(SelectBox { from: [10.0, 10.0], to: [11.0, 10.5] }.release(Some(&scene)), None);
    }

    #[test]
    fn shift_click_adds_and_removes_and_the_shown_node_follows() {
        let (a, b, c) = (NodeIndex::new(1), NodeIndex::new(2), NodeIndex::new(3));
        let mut v = ViewState::default();
        v.select(a);
        v.toggle_in_selection(b);
        assert_eq!(v.selected_many, BTreeSet::from([a, b]), "the single selection joins");
        assert_eq!(v.selected, Some(b));
        v.toggle_in_selection(c);
        v.toggle_in_selection(c);
        assert_eq!(v.selected_many, BTreeSet::from([a, b]));
        assert_eq!(v.selected, Some(b), "the last added one still selected");
        v.toggle_in_selection(b);
        assert_eq!(v.selected, Some(a));
        assert_eq!(v.selection(), BTreeSet::from([a]));
    }

    #[test]
    fn hide_show_only_and_show_everything_change_what_is_visible() {
        let Ok(g) = AtlasGraph::bundled() else { panic!("bundled graph") };
        let (Some(p1), Some(p2), Some(p3)) =
            (g.index_of("para:wsis10:1"), g.index_of("para:wsis10:2"), g.index_of("para:wsis10:3"))
        else {
            panic!("¶1–3")
        };
        let mut v = ViewState::default();
        assert!(!v.show_only_selection(), "nothing selected, nothing done");
        v.select_many([p1, p2]);
        assert!(v.show_only_selection());
        let shown: Vec<_> = g.node_indices().filter(|&n| v.is_visible(&g, n)).collect();
        assert_eq!(shown, [p1, p2]);
        v.show_everything();
        assert!(v.is_visible(&g, p3));
        v.select_many([p3]);
        assert!(v.hide_selection());
        assert!(!v.is_visible(&g, p3) && v.is_visible(&g, p1));
        assert!(v.selected_many.is_empty(), "a hidden node is no longer selected");
        v.show_everything();
        assert!(v.is_visible(&g, p3));
    }
}
