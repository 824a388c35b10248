//! The map: paints the [`Scene`] and turns pointer
//! input into camera moves and commands (zoom about the pointer, pan, drag
//! and pin, hover, click, double-click, context menu).

use egui::{Align2, Color32, FontId, Mesh, Pos2, Rect, Sense, Shape, Stroke, Vec2, pos2};
use petgraph::stable_graph::NodeIndex;

use super::atlas_app::AtlasApp;
use super::side_panel::color32;
use super::view::Command;
use crate::scene::{self, Camera, Labels, Scene, SceneInput};

/// Free pixels around the graph when fitting it into view.
const FIT_MARGIN: f32 = 40.0;

/// Builds the scene the canvas shows (also what "export current view" writes).
#[must_use]
pub fn current_scene(
    app: &AtlasApp,
    camera: Camera,
    style: &crate::style::Style,
    labels: Labels,
    tooltips: bool,
) -> Scene {
    let graph = &app.workspace.graph;
    let view = &app.view;
    let highlight = view.highlight();
    let position = |n: NodeIndex| app.workspace.position(n);
    let visible = |n: NodeIndex| view.is_visible(graph, n);
    let edge_visible = |k| view.is_edge_visible(k);
    let overlay = app.notes.overlay(graph);
    let badge = |n: NodeIndex| overlay.badge(n);
    let input = SceneInput {
        graph,
        position: &position,
        visible: &visible,
        edge_visible: &edge_visible,
        badge: &badge,
        user_links: &overlay.links,
        camera,
        style,
        highlight: &highlight,
        labels,
        cull: true,
        tooltips,
    };
    scene::build(&input)
}

/// Draws the canvas; returns the commands the pointer produced.
pub fn canvas_ui(ui: &mut egui::Ui, app: &mut AtlasApp) -> Vec<Command> {
    let mut out = Vec::new();
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    let size = [rect.width().max(1.0), rect.height().max(1.0)];
    let to_local = |p: Pos2| [p.x - rect.min.x, p.y - rect.min.y];

    // Camera: fit on request (first frame, F, focus), else keep and resize.
    let mut camera = match app.view.camera {
        Some(mut c) if !app.view.fit_requested => {
            c.size = size;
            c
        }
        _ => {
            app.view.fit_requested = false;
            let graph = &app.workspace.graph;
            let points = graph
                .node_indices()
                .filter(|n| app.view.is_visible(graph, *n))
                .filter_map(|n| app.workspace.position(n));
            Camera::fit(points, size, FIT_MARGIN)
        }
    };

    // Hover from the last painted scene.
    let pointer = response.hover_pos().map(to_local);
    let hit = |p: [f32; 2]| app.last_scene.as_ref().and_then(|s| s.node_at(p));
    app.view.hovered = if app.dragging.is_some() { app.dragging } else { pointer.and_then(hit) };

    // Zoom: wheel or pinch, about the pointer.
    if let Some(p) = pointer {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = (scroll * 0.0025).exp() * pinch;
        if (factor - 1.0).abs() > 1e-4 {
            camera.zoom_about(p, factor);
        }
    }

    // Drag: a node moves (and is pinned where dropped); the background pans.
    if response.drag_started() {
        let origin = ui.input(|i| i.pointer.press_origin()).map(to_local);
        app.dragging = origin.and_then(hit);
    }
    if response.dragged() {
        match (app.dragging, response.interact_pointer_pos()) {
            (Some(node), Some(p)) => app.workspace.layout.set_position(node, camera.to_world(to_local(p))),
            _ => {
                let d = response.drag_delta();
                camera.pan([d.x, d.y]);
            }
        }
    }
    if response.drag_stopped()
        && let Some(node) = app.dragging.take()
    {
        out.push(Command::SetPinned(node, true));
    }

    // Clicks.
    if response.double_clicked() {
        if let Some(n) = pointer.and_then(hit) {
            out.push(Command::Focus(n));
        }
    } else if response.clicked() {
        out.push(match pointer.and_then(hit) {
            Some(n) => Command::Select(n),
            None => Command::Deselect,
        });
    }
    if response.secondary_clicked() {
        app.context_node = pointer.and_then(hit);
    }

    app.view.camera = Some(camera);
    let style = app.style(ui.ctx());
    let scene = current_scene(app, camera, &style, Labels::Auto, false);
    paint(ui, rect, &scene);
    app.last_scene = Some(scene);

    context_menu_ui(&response, app, &mut out);
    if let Some(node) = app.view.hovered.filter(|_| app.dragging.is_none()).and_then(|n| app.workspace.graph.node(n)) {
        let tooltip =
            app.last_scene.as_ref().and_then(|s| s.nodes.iter().find(|s| s.id == node.id)).map(|s| s.tooltip.clone());
        if let Some(tooltip) = tooltip {
            response.on_hover_ui_at_pointer(|ui| {
                ui.set_max_width(320.0);
                ui.label(tooltip);
            });
        }
    } else if app.workspace.graph.node_count() == 0 {
        ui.painter().text(
            rect.center(),
            Align2::CENTER_CENTER,
            "No document open — File › Open document… (Ctrl+O)",
            FontId::proportional(16.0),
            ui.visuals().weak_text_color(),
        );
    }
    out
}

fn context_menu_ui(response: &egui::Response, app: &mut AtlasApp, out: &mut Vec<Command>) {
    let Some(node) = app.context_node else { return };
    let Some(n) = app.workspace.graph.node(node) else { return };
    let (label, kind) = (n.label.clone(), n.kind);
    let pinned = app.workspace.layout.is_pinned(node);
    response.context_menu(|ui| {
        ui.label(egui::RichText::new(&label).strong());
        if ui.button("Select").clicked() {
            out.push(Command::Select(node));
            ui.close();
        }
        if ui.button("Focus on neighbourhood").clicked() {
            out.push(Command::Focus(node));
            ui.close();
        }
        if pinned {
            if ui.button("Unpin").clicked() {
                out.push(Command::SetPinned(node, false));
                ui.close();
            }
        } else if ui.button("Pin here").clicked() {
            out.push(Command::SetPinned(node, true));
            ui.close();
        }
        if ui.button(format!("Hide {}", kind.plural().to_lowercase())).clicked() {
            out.push(Command::ToggleKind(kind));
            ui.close();
        }
        ui.separator();
        super::annotations_ui::context_menu_ui(ui, node, out);
    });
}

/// Below this radius (pixels) a disc is drawn as a small filled square in
/// one shared mesh: indistinguishable at that size, and a frame of 10,000
/// nodes then costs a few triangles each instead of a tessellated circle.
const TINY_DISC: f32 = 2.5;

/// Paints a scene into `rect`.
pub fn paint(ui: &egui::Ui, rect: Rect, scene: &Scene) {
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, color32(scene.background));
    let at = |p: [f32; 2]| pos2(rect.min.x + p[0], rect.min.y + p[1]);
    // Solid lines go straight into one mesh (anti-aliased by a one-pixel
    // feather, as egui's tessellator does), dashed ones through egui.
    let mut lines = Mesh::default();
    lines.reserve_vertices(scene.edges.len() * 8);
    lines.reserve_triangles(scene.edges.len() * 6);
    for e in &scene.edges {
        let (a, b, color) = (at(e.from), at(e.to), color32(e.color));
        if e.dashed {
            add_dashed_line(&mut lines, a, b, e.width, color);
        } else {
            add_line(&mut lines, a, b, e.width, color);
        }
    }
    let mut tiny = Mesh::default();
    let mut discs = Vec::with_capacity(scene.nodes.len() * 2);
    for n in &scene.nodes {
        let c = at(n.center);
        let plain = n.stroke_width <= 1.0 && n.badge.is_none();
        if n.radius < TINY_DISC && plain {
            tiny.add_colored_rect(Rect::from_center_size(c, Vec2::splat(n.radius * 1.8)), color32(n.fill));
            continue;
        }
        discs.push(Shape::circle_filled(c, n.radius, color32(n.fill)));
        discs.push(Shape::circle_stroke(c, n.radius, Stroke::new(n.stroke_width, color32(n.stroke))));
        if let Some(badge) = n.badge {
            let r = (n.radius * 0.45).clamp(3.0, 7.0);
            let b = c + Vec2::new(n.radius * 0.75, -n.radius * 0.75);
            discs.push(Shape::circle_filled(b, r, color32(badge)));
            discs.push(Shape::circle_stroke(b, r, Stroke::new(1.0, color32(scene.background))));
        }
    }
    painter.add(Shape::mesh(lines));
    painter.add(Shape::mesh(tiny));
    painter.extend(discs);
    for l in &scene.labels {
        let galley = painter.layout_no_wrap(l.text.clone(), FontId::proportional(l.size), color32(l.color));
        let pos = at(l.pos) - Vec2::new(0.0, galley.size().y / 2.0);
        let bg = Rect::from_min_size(pos, galley.size()).expand(1.5);
        painter.rect_filled(bg, 2.0, color32(l.halo));
        painter.galley(pos, galley, color32(l.color));
    }
}

/// Dash and gap lengths of dashed lines, in pixels.
const DASH: (f32, f32) = (5.0, 4.0);

/// Adds a dashed line to `mesh`, dash by dash.
fn add_dashed_line(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let d = b - a;
    let len = d.length();
    if len <= 0.0 || !len.is_finite() {
        return;
    }
    let dir = d / len;
    let mut at = 0.0;
    // Bounded: a line longer than the screen many times over is cut short.
    while at < len.min(20_000.0) {
        let end = (at + DASH.0).min(len);
        add_line(mesh, a + dir * at, a + dir * end, width, color);
        at = end + DASH.1;
    }
}

/// Adds a straight line of `width` pixels to `mesh`: a core quad and a
/// one-pixel transparent feather on each side.
fn add_line(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let d = b - a;
    let len = d.length();
    if len <= 0.0 || !len.is_finite() {
        return;
    }
    let n = Vec2::new(-d.y, d.x) / len;
    // Lines thinner than a pixel fade instead of thinning (as egui does).
    let (half, color) = if width < 1.0 { (0.5, color.gamma_multiply(width.max(0.0))) } else { (width / 2.0, color) };
    let clear = Color32::TRANSPARENT;
    let base = mesh.vertices.len() as u32;
    for p in [a, b] {
        mesh.colored_vertex(p + n * (half + 1.0), clear);
        mesh.colored_vertex(p + n * half, color);
        mesh.colored_vertex(p - n * half, color);
        mesh.colored_vertex(p - n * (half + 1.0), clear);
    }
    // Vertices 0..4 at `a`, 4..8 at `b`; three strips of two triangles.
    for k in 0..3 {
        let (i, j) = (base + k, base + k + 1);
        mesh.add_triangle(i, j, i + 4);
        mesh.add_triangle(j, j + 4, i + 4);
    }
}
