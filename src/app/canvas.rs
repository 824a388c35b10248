//! The map: paints the [`Scene`] and turns pointer
//! input into camera moves and commands (zoom about the pointer, pan, drag
//! and pin, hover, click, double-click, context menu; Shift+click and a
//! Shift+drag box select many, see [`super::selection`]).

use std::sync::Arc;

use egui::{Align2, Color32, FontId, Mesh, Pos2, Rect, Sense, Shape, Vec2, pos2};
use petgraph::stable_graph::NodeIndex;

use super::command::Command;
use super::view::CanvasView;
use super::world::World;
use crate::scene::{self, Camera, Highlight, Labels, Scene, SceneInput};
use crate::style::color32;

/// Pixels off an edge's line that still hover it.
const EDGE_SLACK: f32 = 4.0;

/// Free pixels around the graph when fitting it into view.
const FIT_MARGIN: f32 = 40.0;

/// The window's fit (F, the first frame, a change of layout): the visible
/// nodes' discs and labels framed in a canvas of `size`, within the zoom
/// range the canvas allows.
pub(crate) fn fit_camera(
    graph: &crate::graph::AtlasGraph,
    position: &dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    visible: &dyn Fn(NodeIndex) -> bool,
    size: [f32; 2],
    style: &crate::style::Style,
) -> Camera {
    let mut c = scene::frame(&scene::Framing {
        graph,
        position,
        visible,
        size,
        margin: FIT_MARGIN,
        scale: 1.0,
        font_size: style.font_size,
        labels: true,
    });
    c.zoom = c.zoom.clamp(Camera::ZOOM_RANGE.0, Camera::ZOOM_RANGE.1);
    c
}

/// The map's own state: the last painted scene (for hit-testing), its
/// meshes, the node being dragged and the node whose menu is open.
#[derive(Default)]
pub struct Canvas {
    /// The last painted scene, for hit-testing the pointer.
    pub last_scene: Option<Scene>,
    /// The canvas's meshes, refilled every frame.
    paint_buffers: PaintBuffers,
    /// Node being dragged.
    dragging: Option<NodeIndex>,
    /// Node whose context menu is open.
    pub(crate) context_node: Option<NodeIndex>,
    /// The selection box being drawn (Shift+drag on the background).
    select_box: Option<super::selection::SelectBox>,
    /// The overview in the corner.
    pub minimap: super::minimap::MinimapPanel,
}

/// Builds the scene the canvas shows (also what "export current view" writes).
#[must_use]
pub fn current_scene(
    world: &World<'_>,
    camera: Camera,
    style: &crate::style::Style,
    labels: Labels,
    tooltips: bool,
) -> Scene {
    let mut scene = Scene::default();
    let live = Live { hovered: world.view.hovered, dragged: None };
    current_scene_into(world, camera, style, (labels, tooltips), live, &mut scene);
    scene
}

/// What the canvas knows this frame before the view does: what is under
/// the pointer and where the dragged node is.
#[derive(Debug, Clone, Copy, Default)]
struct Live {
    hovered: Option<NodeIndex>,
    dragged: Option<(NodeIndex, [f32; 2])>,
}

/// [`current_scene`] into `scene`, reusing its buffers (see [`scene::build_into`]).
fn current_scene_into(
    world: &World<'_>,
    camera: Camera,
    style: &crate::style::Style,
    (labels, tooltips): (Labels, bool),
    live: Live,
    scene: &mut Scene,
) {
    let graph = &world.workspace.graph;
    let view = world.view;
    let highlight = Highlight { hovered: live.hovered, ..view.highlight() };
    let position = |n: NodeIndex| match live.dragged {
        Some((d, at)) if d == n => Some(at),
        _ => world.workspace.position(n),
    };
    let visible = |n: NodeIndex| view.is_visible(graph, n);
    let edge_visible = |k| view.is_edge_visible(k);
    let overlay = world.notes.overlay(graph);
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
        color_by: view.color_by,
        cull: true,
        tooltips,
        hulls: world.settings.show_hulls,
        scale: 1.0,
        reserved: &[],
    };
    scene::build_into(&input, scene);
}

impl Canvas {
    /// The selection box being drawn, if a Shift+drag is under way.
    #[must_use]
    pub fn select_box(&self) -> Option<super::selection::SelectBox> {
        self.select_box
    }

    /// Draws the map; returns the commands the pointer produced and what
    /// the canvas saw (camera, hover) for the view to keep.
    pub fn ui(&mut self, ui: &mut egui::Ui, world: &World<'_>) -> (Vec<Command>, CanvasView) {
        canvas_ui(ui, self, world)
    }
}

fn canvas_ui(ui: &mut egui::Ui, canvas: &mut Canvas, world: &World<'_>) -> (Vec<Command>, CanvasView) {
    let mut out = Vec::new();
    let view = world.view;
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    let size = [rect.width().max(1.0), rect.height().max(1.0)];
    let to_local = |p: Pos2| [p.x - rect.min.x, p.y - rect.min.y];
    let style = crate::style::Style::of(ui.ctx());
    // The overview, on top of the map for the pointer: the map ignores it there.
    let overview = canvas.minimap.prepare(world, &style, size);
    let overview_response = overview.map(|m| super::minimap::interact(ui, &m, rect));
    let off_overview = |p: &Pos2| overview.is_none_or(|m| !m.contains(to_local(*p)));

    // Camera: fit on request (first frame, F, focus), else keep and resize.
    let mut motion = view.camera_motion;
    let mut fitted = false;
    let mut camera = match view.camera {
        Some(mut c) if !view.fit_requested => {
            c.size = size;
            c
        }
        _ => {
            fitted = true;
            motion = None;
            let graph = &world.workspace.graph;
            fit_camera(graph, &|n| world.workspace.position(n), &|n| view.is_visible(graph, n), size, &style)
        }
    };
    // Following the selection: the animated move, frame by frame.
    if let Some(m) = motion.as_mut() {
        camera = m.advance(ui.input(|i| i.stable_dt).min(0.1), size);
        if m.is_done() {
            motion = None;
        } else {
            ui.ctx().request_repaint();
        }
    }

    // A click or drag in the overview centres the view there.
    if let (Some(m), Some(r)) = (overview, &overview_response)
        && (r.clicked() || r.dragged())
        && let Some(p) = r.interact_pointer_pos()
    {
        motion = None;
        camera = m.centre_on(&camera, to_local(p));
    }

    // Hover from the last painted scene.
    let pointer = response.hover_pos().filter(off_overview).map(to_local);
    let last_scene = canvas.last_scene.take();
    let hit = |p: [f32; 2]| last_scene.as_ref().and_then(|s| s.node_at(p));
    let hovered = if canvas.dragging.is_some() { canvas.dragging } else { pointer.and_then(hit) };
    // Off any disc, the edge under the pointer (its evidence in a tooltip; a click selects it).
    let hovered_edge = match (hovered, pointer, canvas.dragging) {
        (None, Some(p), None) => last_scene
            .as_ref()
            .and_then(|s| s.edge_at(p, EDGE_SLACK))
            .filter(|e| e.kind != crate::graph::EdgeKind::Annotation)
            .map(|e| (e.source, e.target, e.kind)),
        _ => None,
    };

    // Zoom: wheel or pinch, about the pointer.
    if let Some(p) = pointer {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = (scroll * 0.0025).exp() * pinch;
        if (factor - 1.0).abs() > 1e-4 {
            motion = None;
            camera.zoom_about(p, factor);
        }
    }

    // Drag: a node moves (and is pinned where dropped); the background pans.
    let mut dragged = None;
    if response.drag_started() {
        let origin = ui.input(|i| i.pointer.press_origin()).map(to_local);
        canvas.dragging = origin.and_then(hit);
        // Shift+drag on the background draws a selection box instead of panning.
        let shift = ui.input(|i| i.modifiers.shift);
        canvas.select_box = match (origin, canvas.dragging) {
            (Some(from), None) if shift => Some(super::selection::SelectBox { from, to: from }),
            _ => None,
        };
        if let Some(n) = canvas.dragging {
            out.push(Command::StartDrag(n));
        }
    }
    if response.dragged() {
        match (canvas.dragging, response.interact_pointer_pos()) {
            (Some(node), Some(p)) => {
                let at = camera.to_world(to_local(p));
                // Only a move is a command (a held button repaints nothing).
                if world.workspace.position(node) != Some(at) {
                    out.push(Command::DragTo(node, at));
                }
                dragged = Some((node, at));
            }
            (None, Some(p)) if canvas.select_box.is_some() => {
                if let Some(b) = canvas.select_box.as_mut() {
                    b.to = to_local(p);
                }
            }
            _ => {
                let d = response.drag_delta();
                motion = None;
                camera.pan([d.x, d.y]);
            }
        }
    }
    if response.drag_stopped()
        && let Some(node) = canvas.dragging.take()
    {
        // Exactly where released, pinned; only its neighbourhood adjusts.
        let release = response.interact_pointer_pos().or_else(|| ui.input(|i| i.pointer.latest_pos()));
        let at = release.map(|p| camera.to_world(to_local(p)));
        out.push(Command::Drop(node, at));
        dragged = at.map(|at| (node, at));
    }
    if response.drag_stopped()
        && let Some(mut b) = canvas.select_box.take()
    {
        if let Some(p) = response.interact_pointer_pos().or_else(|| ui.input(|i| i.pointer.latest_pos())) {
            b.to = to_local(p);
        }
        out.extend(b.release(last_scene.as_ref()));
    }

    // Clicks.
    if response.double_clicked() {
        if let Some(n) = pointer.and_then(hit) {
            out.push(Command::Focus(n));
        }
    } else if response.clicked() && ui.input(|i| i.modifiers.shift) {
        // Shift+click adds a node to the selection, or takes it out.
        if let Some(n) = pointer.and_then(hit) {
            out.push(Command::ToggleInSelection(n));
        }
    } else if response.clicked() {
        out.push(match (pointer.and_then(hit), hovered_edge) {
            (Some(n), _) => Command::Select(n),
            (None, Some((s, t, kind))) => Command::SelectEdge(s, t, kind),
            (None, None) => Command::Deselect,
        });
    }
    if response.secondary_clicked() {
        canvas.context_node = pointer.and_then(hit);
    }

    let mut scene = last_scene.unwrap_or_default();
    let live = Live { hovered, dragged };
    current_scene_into(world, camera, &style, (Labels::Auto, false), live, &mut scene);
    paint_with(ui, rect, &scene, &mut canvas.paint_buffers);
    canvas.last_scene = Some(scene);
    if let Some(b) = canvas.select_box {
        super::selection::paint_box_ui(ui, rect.min, b, &style);
    }
    let selected = view.selected.and_then(|n| world.workspace.position(n));
    canvas.minimap.paint(ui, rect, &camera, selected);

    context_menu_ui(&response, canvas.context_node, world, &mut out);
    if let Some(hovered) = hovered.filter(|_| canvas.dragging.is_none()) {
        let tooltip = canvas
            .last_scene
            .as_ref()
            .and_then(|s| s.nodes.iter().rev().find(|s| s.index == hovered))
            .map(|s| s.tooltip.clone());
        if let Some(tooltip) = tooltip {
            response.on_hover_ui_at_pointer(|ui| {
                ui.set_max_width(320.0);
                ui.label(tooltip);
            });
        }
    } else if let Some((s, t, kind)) = hovered_edge {
        // Every link explains itself: its kind and the words behind it.
        if let Some(why) = world.workspace.graph.explain_edge(s, t, kind) {
            response.on_hover_ui_at_pointer(|ui| {
                ui.set_max_width(360.0);
                ui.label(why);
                ui.label(egui::RichText::new("Click to read it in its paragraph").weak());
            });
        }
    } else if world.workspace.graph.node_count() == 0 {
        ui.painter().text(
            rect.center(),
            Align2::CENTER_CENTER,
            "No document open — File › Open document… (Ctrl+O)",
            FontId::proportional(16.0),
            ui.visuals().weak_text_color(),
        );
    }
    (out, CanvasView { camera, motion, hovered, hovered_edge, fitted })
}

fn context_menu_ui(response: &egui::Response, node: Option<NodeIndex>, world: &World<'_>, out: &mut Vec<Command>) {
    let Some(node) = node else { return };
    let Some(n) = world.workspace.graph.node(node) else { return };
    let (label, kind) = (n.label.clone(), n.kind);
    let pinned = world.workspace.layout.is_pinned(node);
    response.context_menu(|ui| {
        super::selection::context_menu_ui(ui, node, world, out);
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
        if ui.button(format!("Hide {}", hide_name(kind))).clicked() {
            out.push(Command::ToggleKind(kind));
            ui.close();
        }
        ui.separator();
        super::notes::menu::context_menu_ui(ui, node, out);
    });
}

/// A kind's plural as a menu names it: lower case, but acronyms kept
/// ("paragraphs", "action lines", "SDGs").
fn hide_name(kind: crate::graph::NodeKind) -> String {
    let plural = kind.plural();
    let acronym = plural.chars().filter(|c| c.is_uppercase()).count() > 1 && !plural.contains(' ');
    if acronym { plural.to_owned() } else { plural.to_lowercase() }
}

/// Below this radius (pixels) a plain disc is drawn as a small filled
/// square: indistinguishable at that size, and two triangles instead of a
/// tessellated circle.
const TINY_DISC: f32 = 2.5;

/// The canvas's mesh, kept from frame to frame so that painting a large map
/// refills a buffer instead of allocating (and page-faulting) a fresh one
/// each frame. egui holds a clone of the `Arc` only until the frame is
/// tessellated.
#[derive(Default)]
pub struct PaintBuffers {
    map: Arc<Mesh>,
}

/// An emptied mesh to refill: the kept one if egui has let go of it, else a
/// new one (never a copy of the old contents).
fn refill(mesh: &mut Arc<Mesh>) -> &mut Mesh {
    if Arc::get_mut(mesh).is_none() {
        *mesh = Arc::default();
    }
    let mesh = Arc::make_mut(mesh);
    mesh.vertices.clear();
    mesh.indices.clear();
    mesh
}

/// Paints a scene into `rect`.
pub fn paint(ui: &egui::Ui, rect: Rect, scene: &Scene) {
    paint_with(ui, rect, scene, &mut PaintBuffers::default());
}

/// Paints a scene into `rect`, reusing `buffers` from the previous frame.
///
/// Background, lines and discs go into one mesh, anti-aliased the way egui's
/// tessellator does it (a one-pixel feather): egui then copies it once into
/// its output instead of tessellating tens of thousands of shapes and
/// growing (re-copying) its output as they come. Labels are text shapes with
/// a clip rectangle of their own, so they start a mesh of their own too.
pub fn paint_with(ui: &egui::Ui, rect: Rect, scene: &Scene, buffers: &mut PaintBuffers) {
    let painter = ui.painter_at(rect);
    let at = |p: [f32; 2]| pos2(rect.min.x + p[0], rect.min.y + p[1]);
    let mesh = refill(&mut buffers.map);
    mesh.add_colored_rect(rect, color32(scene.background));
    for h in &scene.hulls {
        add_hull(mesh, &h.points.iter().map(|&p| at(p)).collect::<Vec<_>>(), color32(h.fill), color32(h.stroke));
    }
    for e in &scene.edges {
        let (a, b, color) = (at(e.from), at(e.to), color32(e.color));
        if e.dashed {
            add_dashed_line(mesh, a, b, e.width, color);
        } else {
            add_line(mesh, a, b, e.width, color);
        }
    }
    for n in &scene.nodes {
        let c = at(n.center);
        let plain = n.stroke_width <= 1.0 && n.badge.is_none();
        if n.radius < TINY_DISC && plain {
            mesh.add_colored_rect(Rect::from_center_size(c, Vec2::splat(n.radius * 1.8)), color32(n.fill));
            continue;
        }
        add_disc(mesh, c, n.radius, color32(n.fill), color32(n.stroke), n.stroke_width);
        if let Some(badge) = n.badge {
            let r = (n.radius * 0.45).clamp(3.0, 7.0);
            let b = c + Vec2::new(n.radius * 0.75, -n.radius * 0.75);
            add_disc(mesh, b, r, color32(badge), color32(scene.background), 1.0);
        }
    }
    painter.add(Shape::Mesh(Arc::clone(&buffers.map)));
    let labels = painter.with_clip_rect(painter.clip_rect().shrink(0.5));
    for l in scene.labels.iter().chain(&scene.link_labels) {
        let galley = labels.layout_no_wrap(l.text.clone(), FontId::proportional(l.size), color32(l.color));
        let pos = at(l.pos) - Vec2::new(0.0, galley.size().y / 2.0);
        // The same box as placement and the SVG halo.
        let b = crate::scene::label_box(l);
        let bg = Rect::from_min_max(at([b[0], b[1]]), at([b[2], b[3]]));
        labels.rect_filled(bg, 2.0, color32(l.halo));
        labels.galley(pos, galley, color32(l.color));
    }
}

/// Adds a convex polygon filled with `fill` (a fan of triangles) and
/// outlined with a one-pixel `stroke`.
fn add_hull(mesh: &mut Mesh, points: &[Pos2], fill: Color32, stroke: Color32) {
    let Some(&first) = points.first() else { return };
    let base = u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX);
    for &p in points {
        mesh.colored_vertex(p, fill);
    }
    for k in 1..points.len().saturating_sub(1) {
        let k = u32::try_from(k).unwrap_or(0);
        mesh.add_triangle(base, base + k, base + k + 1);
    }
    for (a, b) in points.iter().zip(points.iter().skip(1).chain([&first])) {
        add_line(mesh, *a, *b, 1.0, stroke);
    }
}

/// Adds a disc of `radius` pixels filled with `fill` and outlined by a
/// `stroke_width` ring centred on its edge (as egui's `circle_filled` plus
/// `circle_stroke` draw it), feathered by a pixel on the outside.
fn add_disc(mesh: &mut Mesh, c: Pos2, radius: f32, fill: Color32, stroke: Color32, stroke_width: f32) {
    if !(radius.is_finite() && radius > 0.0) {
        return;
    }
    let w = stroke_width.max(0.0);
    let (inner, outer) = ((radius - w / 2.0).max(0.0), radius + w / 2.0);
    // Rings, inside out: fill to half a pixel inside the stroke, stroke
    // from half a pixel into it to half a pixel before its outer edge,
    // then fade out over a pixel centred on that edge. A stroke thinner than the feather is one
    // ring at the edge, its colour thinned by its width.
    let (s_in, s_out, stroke) = if outer - inner >= 1.0 {
        (inner + 0.5, outer - 0.5, stroke)
    } else {
        (radius, radius, stroke.gamma_multiply(w.min(1.0)))
    };
    let rings = [((inner - 0.5).max(0.0), fill), (s_in, stroke), (s_out, stroke), (outer + 0.5, Color32::TRANSPARENT)];
    // About one segment per three pixels of circumference.
    let segments = ((std::f32::consts::TAU * outer / 3.0).ceil() as u32).clamp(8, 64);
    let base = mesh.vertices.len() as u32;
    mesh.colored_vertex(c, fill);
    for k in 0..segments {
        let angle = std::f32::consts::TAU * k as f32 / segments as f32;
        let dir = Vec2::angled(angle);
        for (r, color) in rings {
            mesh.colored_vertex(c + dir * r, color);
        }
    }
    let ring = |k: u32, j: u32| base + 1 + (k % segments) * 4 + j;
    for k in 0..segments {
        mesh.add_triangle(base, ring(k, 0), ring(k + 1, 0));
        for j in 0..3 {
            mesh.add_triangle(ring(k, j), ring(k + 1, j), ring(k, j + 1));
            mesh.add_triangle(ring(k + 1, j), ring(k + 1, j + 1), ring(k, j + 1));
        }
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

/// Adds a straight line of `width` pixels to `mesh`, as egui's tessellator
/// draws one: a line of a pixel or less is a tent one pixel to each side of
/// its centre with its colour thinned by the width (three vertices an end),
/// a wider one a core quad with a one-pixel feather on each side (four).
/// Either way the ink across the line is `width`.
fn add_line(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let d = b - a;
    let len = d.length();
    if len <= 0.0 || !len.is_finite() {
        return;
    }
    let n = Vec2::new(-d.y, d.x) / len;
    let clear = Color32::TRANSPARENT;
    let base = mesh.vertices.len() as u32;
    let across = if width <= 1.0 {
        let color = color.gamma_multiply(width.max(0.0));
        for p in [a, b] {
            mesh.colored_vertex(p + n, clear);
            mesh.colored_vertex(p, color);
            mesh.colored_vertex(p - n, clear);
        }
        3
    } else {
        let half = (width - 1.0) / 2.0;
        for p in [a, b] {
            mesh.colored_vertex(p + n * (half + 1.0), clear);
            mesh.colored_vertex(p + n * half, color);
            mesh.colored_vertex(p - n * half, color);
            mesh.colored_vertex(p - n * (half + 1.0), clear);
        }
        4
    };
    // Vertices `0..across` at `a`, the same again at `b`; a strip of two
    // triangles between each neighbouring pair.
    for k in 0..across - 1 {
        let (i, j) = (base + k, base + k + 1);
        mesh.add_triangle(i, j, i + across);
        mesh.add_triangle(j, j + across, i + across);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::EdgeShape;
    use crate::style::Rgba;

    fn scene_with_lines(n: usize) -> Scene {
        let edge = |i: usize| EdgeShape {
            source: NodeIndex::new(0),
            target: NodeIndex::new(1),
            kind: crate::graph::EdgeKind::Cites,
            from: [10.0, i as f32],
            to: [200.0, i as f32 + 50.0],
            color: Rgba([90, 98, 112, 255]),
            width: if i.is_multiple_of(2) { 0.8 } else { 1.6 },
            dashed: false,
        };
        Scene { size: [400.0, 300.0], edges: (0..n).map(edge).collect(), ..Scene::default() }
    }

    fn frame(ctx: &egui::Context, scene: &Scene, buffers: &mut PaintBuffers) -> usize {
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| paint_with(ui, ui.max_rect(), scene, buffers));
        output.textures_delta.clear(); // no GPU to upload the font atlas to
        ctx.tessellate(output.shapes, output.pixels_per_point).len()
    }

    #[test]
    fn line_meshes_are_refilled_not_reallocated_from_frame_to_frame() {
        let ctx = egui::Context::default();
        let scene = scene_with_lines(100);
        let mut buffers = PaintBuffers::default();
        frame(&ctx, &scene, &mut buffers);
        // egui let go of the mesh once the frame was tessellated.
        assert_eq!(Arc::strong_count(&buffers.map), 1);
        // The background (4 vertices), then a thin line is a tent (3 vertices
        // an end), a wide one a feathered quad (4).
        assert_eq!(buffers.map.vertices.len(), 4 + 50 * 6 + 50 * 8);
        assert_eq!(buffers.map.indices.len(), (2 + 50 * 4 + 50 * 6) * 3);
        let before = buffers.map.vertices.as_ptr();
        frame(&ctx, &scene, &mut buffers);
        assert_eq!(buffers.map.vertices.as_ptr(), before, "the same buffer was refilled");
        assert_eq!(buffers.map.vertices.len(), 4 + 50 * 6 + 50 * 8);
    }

    #[test]
    fn a_mesh_egui_still_holds_is_replaced_not_copied() {
        let mut buffers = PaintBuffers::default();
        Arc::make_mut(&mut buffers.map).colored_vertex(pos2(1.0, 1.0), Color32::RED);
        let held = Arc::clone(&buffers.map);
        let mesh = refill(&mut buffers.map);
        assert!(mesh.vertices.is_empty());
        assert_eq!(held.vertices.len(), 1, "what egui holds is untouched");
    }

    #[test]
    fn a_disc_is_filled_outlined_and_feathered_within_its_radius() {
        let mut mesh = Mesh::default();
        let c = pos2(100.0, 100.0);
        add_disc(&mut mesh, c, 10.0, Color32::RED, Color32::BLUE, 2.0);
        assert_eq!(mesh.vertices[0].color, Color32::RED, "the centre is the fill");
        let far = mesh.vertices.iter().map(|v| (v.pos - c).length()).fold(0.0, f32::max);
        assert!((far - 11.5).abs() < 1e-3, "the stroke's edge is at 11 px, feathered over ±0.5 px: {far}");
        assert!(mesh.vertices.iter().any(|v| v.color == Color32::BLUE));
        assert!(mesh.is_valid());
        // Degenerate input draws nothing.
        let before = mesh.vertices.len();
        add_disc(&mut mesh, c, f32::NAN, Color32::RED, Color32::BLUE, 1.0);
        add_disc(&mut mesh, c, 0.0, Color32::RED, Color32::BLUE, 1.0);
        assert_eq!(mesh.vertices.len(), before);
    }

    #[test]
    fn the_map_is_one_mesh_and_labels_another() {
        let ctx = egui::Context::default();
        let mut scene = scene_with_lines(10);
        scene.labels.push(crate::scene::LabelShape {
            index: NodeIndex::new(0),
            text: "¶51".to_owned(),
            pos: [20.0, 20.0],
            size: 12.0,
            color: Rgba([0, 0, 0, 255]),
            halo: Rgba([255, 255, 255, 200]),
        });
        assert_eq!(frame(&ctx, &scene, &mut PaintBuffers::default()), 2);
    }
}
