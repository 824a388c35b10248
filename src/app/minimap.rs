//! The overview minimap in the canvas's bottom-right corner: every visible
//! node as a dot in its colour, the current view as a rectangle; a click
//! or a drag in it centres the camera on that world point. Painted over the
//! map by the canvas only (exports never show it); the geometry is
//! [`crate::scene::minimap`].

use std::sync::Arc;

use egui::{Color32, Mesh, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Vec2, pos2};

use super::world::World;
use crate::analysis::roles::Role;
use crate::graph::NodeKind;
use crate::scene::minimap::{self, Minimap};
use crate::scene::{Camera, ColorBy};
use crate::style::{Style, color32};

/// Side of a dot in pixels; dots are binned on a grid of this pitch, so a
/// large map costs one quad per occupied cell, not one per node.
const DOT: f32 = 2.0;

/// The minimap's frame-to-frame state: the visible nodes' world positions
/// and colours (refilled each frame into the same buffer), the occupied
/// grid cells and the mesh.
#[derive(Default)]
pub struct MinimapPanel {
    /// This frame's geometry, when shown (for hit-testing and tests).
    pub geometry: Option<Minimap>,
    dots: Vec<([f32; 2], Color32)>,
    cells: Vec<Option<Color32>>,
    mesh: Arc<Mesh>,
}

impl MinimapPanel {
    /// Works out this frame's minimap for a canvas of `size` pixels from
    /// the visible nodes (none when hidden in the settings, the map is
    /// empty or the canvas too small); returns it.
    pub fn prepare(&mut self, world: &World<'_>, style: &Style, size: [f32; 2]) -> Option<Minimap> {
        self.geometry = None;
        self.dots.clear();
        if !world.settings.show_minimap {
            return None;
        }
        let (graph, view) = (&world.workspace.graph, world.view);
        for (index, node) in graph.nodes() {
            if !view.is_visible(graph, index) {
                continue;
            }
            let Some(p) = world.workspace.position(index) else { continue };
            if p[0].is_finite() && p[1].is_finite() {
                let fill = match view.color_by {
                    ColorBy::Kind => style.node_color(node.kind),
                    ColorBy::Role => match Role::principal(&node.roles) {
                        Some(role) if node.kind == NodeKind::Paragraph => style.role_color(role),
                        _ => style.neutral(),
                    },
                };
                self.dots.push((p, color32(fill)));
            }
        }
        self.geometry = Minimap::new(size, minimap::bounds(self.dots.iter().map(|d| d.0))?);
        self.geometry
    }

    /// Paints the prepared minimap over the canvas at `rect` (the canvas's
    /// rectangle in the window), with `camera`'s view as a rectangle and
    /// the selected node's position `selected` ringed.
    pub fn paint(&mut self, ui: &egui::Ui, rect: Rect, camera: &Camera, selected: Option<[f32; 2]>) {
        let Some(m) = self.geometry else { return };
        let at = |p: [f32; 2]| pos2(rect.min.x + p[0], rect.min.y + p[1]);
        let panel = Rect::from_min_max(at([m.panel[0], m.panel[1]]), at([m.panel[2], m.panel[3]]));
        let visuals = ui.visuals();
        let painter = ui.painter_at(panel.expand(1.0));
        painter.rect_filled(panel, 4.0, visuals.window_fill.gamma_multiply(0.85));

        // Dots, one per occupied grid cell (the last node drawn there wins).
        let (cols, rows) = ((minimap::SIZE[0] / DOT) as usize, (minimap::SIZE[1] / DOT) as usize);
        self.cells.clear();
        self.cells.resize(cols * rows, None);
        for &(p, color) in &self.dots {
            let s = m.to_panel(p);
            let (cx, cy) = ((s[0] - m.panel[0]) / DOT, (s[1] - m.panel[1]) / DOT);
            if cx >= 0.0 && cy >= 0.0 && (cx as usize) < cols && (cy as usize) < rows {
                self.cells[cy as usize * cols + cx as usize] = Some(color);
            }
        }
        if Arc::get_mut(&mut self.mesh).is_none() {
            self.mesh = Arc::default();
        }
        let mesh = Arc::make_mut(&mut self.mesh);
        mesh.vertices.clear();
        mesh.indices.clear();
        for (k, cell) in self.cells.iter().enumerate() {
            if let Some(color) = cell {
                let min = panel.min + Vec2::new((k % cols) as f32 * DOT, (k / cols) as f32 * DOT);
                mesh.add_colored_rect(Rect::from_min_size(min, Vec2::splat(DOT)), *color);
            }
        }
        painter.add(Shape::Mesh(Arc::clone(&self.mesh)));

        let accent = visuals.selection.stroke.color;
        if let Some(view) = m.view_rect(camera) {
            let r = Rect::from_min_max(at([view[0], view[1]]), at([view[2], view[3]]));
            painter.rect(r, 0.0, accent.gamma_multiply(0.12), Stroke::new(1.5, accent), StrokeKind::Middle);
        }
        if let Some(p) = selected {
            let s = m.to_panel(p);
            painter.circle_stroke(at(s), 4.0, Stroke::new(1.5, visuals.strong_text_color()));
        }
        painter.rect_stroke(panel, 4.0, visuals.window_stroke, StrokeKind::Inside);
    }
}

/// Where the minimap's panel is in the window, for a canvas at `rect`.
#[must_use]
pub fn panel_rect(m: &Minimap, rect: Rect) -> Rect {
    let at = |x: f32, y: f32| Pos2::new(rect.min.x + x, rect.min.y + y);
    Rect::from_min_max(at(m.panel[0], m.panel[1]), at(m.panel[2], m.panel[3]))
}

/// The minimap's pointer area: on top of the canvas's, so a click or drag
/// in it is the minimap's, not the map's.
pub fn interact(ui: &egui::Ui, m: &Minimap, rect: Rect) -> egui::Response {
    let response = ui.interact(panel_rect(m, rect), ui.scope_id().with("minimap"), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, "Minimap"));
    response.on_hover_text_at_pointer("Overview: click or drag to move the view here (M hides it)")
}
