//! What to draw: graph + positions + style + camera → circles, lines and
//! labels in screen pixels. The window paints a [`Scene`]; SVG and PNG
//! export write the same [`Scene`], so an exported picture is what was seen.

use std::collections::{BTreeSet, HashMap};

use petgraph::stable_graph::NodeIndex;

use crate::analysis::roles::Role;
use crate::graph::{AtlasGraph, EdgeKind, NodeKind};
use crate::layout::atlas::node_radius;
use crate::style::{Rgba, Style};

/// Maps world coordinates (the layout's) to screen pixels and back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// World point shown at the centre of the viewport.
    pub center: [f32; 2],
    /// Pixels per world unit.
    pub zoom: f32,
    /// Viewport size in pixels (width, height).
    pub size: [f32; 2],
}

impl Camera {
    /// Smallest and largest zoom the window allows.
    pub const ZOOM_RANGE: (f32, f32) = (0.02, 20.0);

    /// World → screen (origin at the viewport's top-left).
    #[must_use]
    pub fn to_screen(&self, p: [f32; 2]) -> [f32; 2] {
        [
            (p[0] - self.center[0]) * self.zoom + self.size[0] / 2.0,
            (p[1] - self.center[1]) * self.zoom + self.size[1] / 2.0,
        ]
    }

    /// Screen → world.
    #[must_use]
    pub fn to_world(&self, s: [f32; 2]) -> [f32; 2] {
        [
            (s[0] - self.size[0] / 2.0) / self.zoom + self.center[0],
            (s[1] - self.size[1] / 2.0) / self.zoom + self.center[1],
        ]
    }

    /// A camera that frames `points` (world) in a viewport of `size` pixels
    /// with `margin` pixels free on every side. No points: centred on 0.
    #[must_use]
    pub fn fit(points: impl IntoIterator<Item = [f32; 2]>, size: [f32; 2], margin: f32) -> Camera {
        let mut min = [f32::INFINITY; 2];
        let mut max = [f32::NEG_INFINITY; 2];
        for p in points {
            if p[0].is_finite() && p[1].is_finite() {
                for k in 0..2 {
                    min[k] = min[k].min(p[k]);
                    max[k] = max[k].max(p[k]);
                }
            }
        }
        if !min[0].is_finite() {
            return Camera { center: [0.0, 0.0], zoom: 1.0, size };
        }
        let span = [(max[0] - min[0]).max(1.0), (max[1] - min[1]).max(1.0)];
        let room = [(size[0] - 2.0 * margin).max(1.0), (size[1] - 2.0 * margin).max(1.0)];
        let zoom = (room[0] / span[0]).min(room[1] / span[1]).clamp(Self::ZOOM_RANGE.0, Self::ZOOM_RANGE.1);
        Camera { center: [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0], zoom, size }
    }

    /// Zooms by `factor` keeping the world point under `screen` fixed.
    pub fn zoom_about(&mut self, screen: [f32; 2], factor: f32) {
        let before = self.to_world(screen);
        self.zoom = (self.zoom * factor).clamp(Self::ZOOM_RANGE.0, Self::ZOOM_RANGE.1);
        let after = self.to_world(screen);
        self.center[0] += before[0] - after[0];
        self.center[1] += before[1] - after[1];
    }

    /// Moves the view by a screen-pixel delta (dragging the background).
    pub fn pan(&mut self, delta: [f32; 2]) {
        self.center[0] -= delta[0] / self.zoom;
        self.center[1] -= delta[1] / self.zoom;
    }
}

/// Which labels to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Labels {
    /// Hovered, selected and large nodes always; the rest when zoom allows
    /// and they do not overlap.
    #[default]
    Auto,
    /// No labels.
    None,
}

/// What a disc's fill tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColorBy {
    /// Its kind (paragraph, resolution, body…), as the legend lists them.
    #[default]
    Kind,
    /// A paragraph's clause role (the most binding of its clauses', see
    /// [`Role::principal`]); every other node is drawn in a neutral grey.
    Role,
}

impl ColorBy {
    /// Both, in menu order.
    pub const ALL: [ColorBy; 2] = [ColorBy::Kind, ColorBy::Role];

    /// The command-line name: `kind`, `role`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ColorBy::Kind => "kind",
            ColorBy::Role => "role",
        }
    }

    /// Parses [`ColorBy::as_str`]'s names.
    #[must_use]
    pub fn parse(name: &str) -> Option<ColorBy> {
        ColorBy::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// What the user is pointing at.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlight {
    /// Under the pointer: it and its neighbours light up, the rest dims.
    pub hovered: Option<NodeIndex>,
    /// The selection: drawn with a ring and always labelled.
    pub selected: Option<NodeIndex>,
    /// Search results: drawn with a ring.
    pub matches: BTreeSet<NodeIndex>,
}

/// Everything a scene is made from.
pub struct SceneInput<'a> {
    /// The graph.
    pub graph: &'a AtlasGraph,
    /// A node's world position (from the layout); `None` is not drawn.
    pub position: &'a dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    /// Whether a node is shown (kind filters, focus).
    pub visible: &'a dyn Fn(NodeIndex) -> bool,
    /// Whether an edge kind is shown (e.g. the thematic toggle).
    pub edge_visible: &'a dyn Fn(EdgeKind) -> bool,
    /// Annotation badge of a node: `Some(colour)` when it carries notes.
    pub badge: &'a dyn Fn(NodeIndex) -> Option<Rgba>,
    /// Links a user drew (annotation files), drawn as `annotation` edges.
    pub user_links: &'a [(NodeIndex, NodeIndex)],
    /// View.
    pub camera: Camera,
    /// Looks.
    pub style: &'a Style,
    /// Hover, selection, search matches.
    pub highlight: &'a Highlight,
    /// Label policy.
    pub labels: Labels,
    /// Fill by kind or by clause role.
    pub color_by: ColorBy,
    /// Drop shapes outside the viewport (the window); export of the whole
    /// graph fits the camera instead.
    pub cull: bool,
    /// Fill every node's id and tooltip (SVG `data-id` and `<title>`);
    /// otherwise only the hovered node's tooltip, which is all the window
    /// shows (and saves two allocations per node per frame).
    pub tooltips: bool,
}

/// A disc.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeShape {
    /// Which node.
    pub index: NodeIndex,
    /// Its id (SVG `data-id`); empty unless asked for (see [`SceneInput::tooltips`]).
    pub id: String,
    /// Its kind.
    pub kind: NodeKind,
    /// Centre in screen pixels.
    pub center: [f32; 2],
    /// Radius in screen pixels.
    pub radius: f32,
    /// Fill.
    pub fill: Rgba,
    /// Outline colour.
    pub stroke: Rgba,
    /// Outline width in pixels.
    pub stroke_width: f32,
    /// Tooltip text (SVG `<title>`); empty unless asked for (see [`SceneInput::tooltips`]).
    pub tooltip: String,
    /// Annotation badge colour, if annotated.
    pub badge: Option<Rgba>,
}

/// A line between two discs.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeShape {
    /// Start node.
    pub source: NodeIndex,
    /// End node.
    pub target: NodeIndex,
    /// What it says.
    pub kind: EdgeKind,
    /// Start in screen pixels.
    pub from: [f32; 2],
    /// End in screen pixels.
    pub to: [f32; 2],
    /// Stroke colour.
    pub color: Rgba,
    /// Stroke width in pixels.
    pub width: f32,
    /// Dashed.
    pub dashed: bool,
}

/// A text label, left-aligned and vertically centred on `pos`.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelShape {
    /// The node labelled.
    pub index: NodeIndex,
    /// Text.
    pub text: String,
    /// Left-centre anchor in screen pixels.
    pub pos: [f32; 2],
    /// Font size in pixels.
    pub size: f32,
    /// Text colour.
    pub color: Rgba,
    /// Halo behind the text, for legibility over lines.
    pub halo: Rgba,
}

/// What a legend row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendKey {
    /// A node kind (colouring by kind).
    Kind(NodeKind),
    /// Paragraphs whose principal clause role is this (colouring by role).
    Role(Role),
    /// Everything drawn neutral when colouring by role.
    Other,
}

impl LegendKey {
    /// The row's text, without the count: "Paragraphs", "calls", "Other nodes".
    #[must_use]
    pub fn label(self) -> String {
        match self {
            LegendKey::Kind(kind) => kind.plural().to_owned(),
            LegendKey::Role(role) => role.as_str().replace('_', " "),
            LegendKey::Other => "Other nodes".to_owned(),
        }
    }

    /// A class name for SVG: `paragraph`, `role-calls`, `other`.
    #[must_use]
    pub fn class(self) -> String {
        match self {
            LegendKey::Kind(kind) => kind.as_str().to_owned(),
            LegendKey::Role(role) => format!("role-{}", role.as_str()),
            LegendKey::Other => "other".to_owned(),
        }
    }
}

/// One legend row.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// What the colour stands for.
    pub key: LegendKey,
    /// Colour.
    pub color: Rgba,
    /// Visible nodes drawn in it.
    pub count: usize,
}

/// What to draw, in painting order: edges, then nodes, then labels.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    /// Viewport size in pixels.
    pub size: [f32; 2],
    /// Background colour.
    pub background: Rgba,
    /// Lines.
    pub edges: Vec<EdgeShape>,
    /// Discs (dimmed first, highlighted last so they sit on top).
    pub nodes: Vec<NodeShape>,
    /// Labels that fit without overlapping.
    pub labels: Vec<LabelShape>,
    /// Colours present among the visible nodes (kinds or roles), with counts.
    pub legend: Vec<LegendEntry>,
}

impl Scene {
    /// The topmost node whose disc contains `point` (screen pixels), with a
    /// few pixels of slack for small discs.
    #[must_use]
    pub fn node_at(&self, point: [f32; 2]) -> Option<NodeIndex> {
        self.nodes
            .iter()
            .rev()
            .find(|n| {
                let r = n.radius.max(4.0) + 2.0;
                let (dx, dy) = (n.center[0] - point[0], n.center[1] - point[1]);
                dx * dx + dy * dy <= r * r
            })
            .map(|n| n.index)
    }
}

/// Approximate width in pixels of `text` at `size` (the bundled UI font's
/// average advance), used to keep labels apart in the window and in exports.
#[must_use]
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * 0.56
}

/// Opacity of what is not lit while something is hovered.
const DIM: f32 = 0.15;
/// At most this many labels (the rest would be unreadable anyway).
const MAX_LABELS: usize = 600;

/// Builds the scene.
///
/// # Complexity
///
/// Linear in visible nodes and edges, plus `O(l log l)` to place `l` labels.
#[must_use]
pub fn build(input: &SceneInput<'_>) -> Scene {
    let mut scene = Scene::default();
    build_into(input, &mut scene);
    scene
}

/// [`build`] into an existing scene, reusing its allocations: the window
/// builds a scene every frame, and for a large map fresh buffers each frame
/// cost more (in page faults) than filling them.
pub fn build_into(input: &SceneInput<'_>, scene: &mut Scene) {
    let SceneInput { graph, camera, style, highlight, .. } = *input;
    let lit: Option<BTreeSet<NodeIndex>> = highlight.hovered.map(|h| {
        let mut set = graph.neighbors(h, None);
        set.insert(h);
        set
    });
    let is_lit = |n: NodeIndex| lit.as_ref().is_none_or(|set| set.contains(&n));
    let margin = 40.0;
    let on_screen = |p: [f32; 2], r: f32| {
        !input.cull
            || (p[0] + r >= -margin
                && p[1] + r >= -margin
                && p[0] - r <= camera.size[0] + margin
                && p[1] - r <= camera.size[1] + margin)
    };

    // With several documents open, paragraphs and sections wear their document's outline.
    let doc_outline: HashMap<String, Rgba> = if graph.documents().len() > 1 {
        graph.documents().iter().enumerate().map(|(i, d)| (format!("doc:{}", d.id), style.document_color(i))).collect()
    } else {
        HashMap::new()
    };

    // Visible nodes with their screen geometry.
    // Indexed by node index: a flat table is much cheaper than a hash map
    // for the edge pass that follows.
    let mut placed: Vec<Option<([f32; 2], f32)>> =
        vec![None; petgraph::visit::NodeIndexable::node_bound(graph.inner())];
    let mut nodes = std::mem::take(&mut scene.nodes);
    nodes.clear();
    // Visible nodes per legend row: kinds, or roles and then "other".
    const ROWS: usize = if NodeKind::ALL.len() > Role::ALL.len() { NodeKind::ALL.len() } else { Role::ALL.len() + 1 };
    let mut counts = [0usize; ROWS];
    let fill_of = |node: &crate::graph::Node| -> (usize, Rgba) {
        match input.color_by {
            ColorBy::Kind => (node.kind.index(), style.node_color(node.kind)),
            ColorBy::Role => match Role::principal(&node.roles) {
                Some(role) if node.kind == NodeKind::Paragraph => (role.index(), style.role_color(role)),
                _ => (Role::ALL.len(), style.neutral()),
            },
        }
    };
    for (index, node) in graph.nodes() {
        if !(input.visible)(index) {
            continue;
        }
        let Some(world) = (input.position)(index) else { continue };
        if !(world[0].is_finite() && world[1].is_finite()) {
            continue;
        }
        let (row, fill) = fill_of(node);
        if let Some(count) = counts.get_mut(row) {
            *count += 1;
        }
        let center = camera.to_screen(world);
        let radius = (node_radius(graph, index) * camera.zoom).max(1.5);
        if let Some(slot) = placed.get_mut(index.index()) {
            *slot = Some((center, radius));
        }
        if !on_screen(center, radius) {
            continue;
        }
        let fade = if is_lit(index) { 1.0 } else { DIM };
        let selected = highlight.selected == Some(index);
        let matched = highlight.matches.contains(&index);
        let (stroke, stroke_width) = if selected {
            (style.selection, 3.0)
        } else if matched {
            (style.selection.fade(0.8), 2.0)
        } else if let Some(outline) = node.document.as_ref().and_then(|d| doc_outline.get(d)) {
            (outline.fade(fade), 2.0)
        } else {
            (style.outline.fade(fade), 1.0)
        };
        nodes.push(NodeShape {
            index,
            id: if input.tooltips { node.id.clone() } else { String::new() },
            kind: node.kind,
            center,
            radius,
            fill: fill.fade(fade),
            stroke,
            stroke_width,
            tooltip: if input.tooltips || highlight.hovered == Some(index) { tooltip(node) } else { String::new() },
            badge: (input.badge)(index).map(|c| c.fade(fade)),
        });
    }
    // Lit and selected on top (a stable sort: otherwise graph order).
    if lit.is_some() || highlight.selected.is_some() {
        nodes.sort_by_key(|n| (is_lit(n.index), highlight.selected == Some(n.index)));
    }

    let mut edges = std::mem::take(&mut scene.edges);
    edges.clear();
    let graph_edges = graph.edges().map(|(s, t, e)| (s, t, e.kind));
    let user_edges = input.user_links.iter().map(|&(s, t)| (s, t, EdgeKind::Annotation));
    for (s, t, kind) in graph_edges.chain(user_edges) {
        if !(input.edge_visible)(kind) {
            continue;
        }
        let (Some(Some((from, _))), Some(Some((to, _)))) = (placed.get(s.index()), placed.get(t.index())) else {
            continue;
        };
        let (from, to) = (*from, *to);
        if input.cull && segment_outside(from, to, camera.size, margin) {
            continue;
        }
        let edge_style = style.edge_style(kind);
        let fade = if is_lit(s) && is_lit(t) { 1.0 } else { DIM };
        let boost = lit.is_some() && fade == 1.0;
        edges.push(EdgeShape {
            source: s,
            target: t,
            kind,
            from,
            to,
            color: if boost { edge_style.color.fade(1.0).with_min_alpha(200) } else { edge_style.color.fade(fade) },
            width: edge_style.width * if boost { 1.6 } else { 1.0 },
            dashed: edge_style.dashed,
        });
    }

    let labels = if input.labels == Labels::None { Vec::new() } else { place_labels(input, &nodes, &is_lit) };

    let rows: Vec<(LegendKey, Rgba)> = match input.color_by {
        ColorBy::Kind => NodeKind::ALL.into_iter().map(|k| (LegendKey::Kind(k), style.node_color(k))).collect(),
        ColorBy::Role => Role::ALL
            .into_iter()
            .map(|r| (LegendKey::Role(r), style.role_color(r)))
            .chain([(LegendKey::Other, style.neutral())])
            .collect(),
    };
    let legend: Vec<LegendEntry> = rows
        .into_iter()
        .zip(counts)
        .filter(|&(_, count)| count > 0)
        .map(|((key, color), count)| LegendEntry { key, color, count })
        .collect();

    *scene = Scene { size: camera.size, background: style.background, edges, nodes, labels, legend };
}

impl Rgba {
    /// The same colour with alpha raised to at least `alpha`.
    #[must_use]
    pub fn with_min_alpha(self, alpha: u8) -> Rgba {
        let [r, g, b, a] = self.0;
        Rgba([r, g, b, a.max(alpha)])
    }
}

/// Whether a segment lies entirely beyond one side of the viewport.
fn segment_outside(a: [f32; 2], b: [f32; 2], size: [f32; 2], margin: f32) -> bool {
    (a[0] < -margin && b[0] < -margin)
        || (a[1] < -margin && b[1] < -margin)
        || (a[0] > size[0] + margin && b[0] > size[0] + margin)
        || (a[1] > size[1] + margin && b[1] > size[1] + margin)
}

/// Tooltip: label, kind, and the first words of a paragraph or the full name.
fn tooltip(node: &crate::graph::Node) -> String {
    let mut out = format!("{} ({})", node.label, node.kind.as_str().replace('_', " "));
    if let Some(text) = &node.text {
        out.push('\n');
        out.push_str(&first_words(text, 24));
    } else if node.display_name() != node.label {
        out.push('\n');
        out.push_str(node.display_name());
    }
    out
}

/// The first `n` words of `text`, with an ellipsis if cut.
#[must_use]
pub fn first_words(text: &str, n: usize) -> String {
    let mut words = text.split_whitespace();
    let head: Vec<&str> = words.by_ref().take(n).collect();
    let mut out = head.join(" ");
    if words.next().is_some() {
        out.push('…');
    }
    out
}

/// Greedy label placement: highest priority first, skipping any label whose
/// box would overlap one already placed.
fn place_labels(input: &SceneInput<'_>, nodes: &[NodeShape], is_lit: &dyn Fn(NodeIndex) -> bool) -> Vec<LabelShape> {
    let style = input.style;
    let highlight = input.highlight;
    let size = style.font_size;
    // Priority: selected, hovered, lit neighbours, search matches, then big discs.
    let mut order: Vec<(u8, f32, usize)> = nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let forced = highlight.selected == Some(n.index) || highlight.hovered == Some(n.index);
            let lit_neighbour = highlight.hovered.is_some() && is_lit(n.index);
            let matched = highlight.matches.contains(&n.index);
            let rank = if forced {
                0
            } else if lit_neighbour {
                1
            } else if matched {
                2
            } else if highlight.hovered.is_some() {
                return None; // keep the dimmed rest quiet while hovering
            } else if n.radius >= 3.0 || n.kind == NodeKind::Document || n.kind == NodeKind::Section {
                3
            } else {
                return None; // too small at this zoom to be worth a label
            };
            Some((rank, -n.radius, i))
        })
        .collect();
    order.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));

    // The grid holds placed labels (owner `LABEL`) and the lit discs big
    // enough to read (owner: their position in `nodes`), so a label's halo
    // neither covers another label nor the disc of a node at least as big
    // (a hub's label may run over its small neighbours, not the reverse).
    const LABEL: usize = usize::MAX;
    let cell = 64.0;
    let mut grid: HashMap<(i32, i32), Vec<Owned>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if n.radius >= 3.0 && is_lit(n.index) {
            // The disc's inner square: a label may graze its rim, not its middle.
            let h = n.radius * 0.8;
            let rect = [n.center[0] - h, n.center[1] - h, n.center[0] + h, n.center[1] + h];
            for c in cells_of(rect, cell) {
                grid.entry(c).or_default().push((rect, i));
            }
        }
    }
    let mut labels = Vec::new();
    for (rank, _, i) in order {
        if labels.len() >= MAX_LABELS {
            break;
        }
        let Some(n) = nodes.get(i) else { continue };
        let Some(node) = input.graph.node(n.index) else { continue };
        let text = node.label.clone();
        let pos = [n.center[0] + n.radius + 3.0, n.center[1]];
        let rect = [pos[0], pos[1] - size * 0.6, pos[0] + text_width(&text, size), pos[1] + size * 0.6];
        let cells = cells_of(rect, cell);
        let in_the_way =
            |owner: usize| owner == LABEL || (owner != i && nodes.get(owner).is_some_and(|o| o.radius >= n.radius));
        let blocked = |c: &(i32, i32)| {
            grid.get(c).is_some_and(|rs| rs.iter().any(|&(r, owner)| in_the_way(owner) && intersects(r, rect)))
        };
        if rank > 0 && cells.iter().any(blocked) {
            continue;
        }
        for c in cells {
            grid.entry(c).or_default().push((rect, LABEL));
        }
        let fade = if is_lit(n.index) { 1.0 } else { DIM };
        labels.push(LabelShape {
            index: n.index,
            text,
            pos,
            size,
            color: style.text.fade(fade),
            halo: style.background.fade(0.75 * fade),
        });
    }
    labels
}

/// A box in the label grid and what it belongs to.
type Owned = ([f32; 4], usize);

fn cells_of(r: [f32; 4], cell: f32) -> Vec<(i32, i32)> {
    let (x0, y0) = ((r[0] / cell).floor() as i32, (r[1] / cell).floor() as i32);
    let (x1, y1) = ((r[2] / cell).floor() as i32, (r[3] / cell).floor() as i32);
    let mut out = Vec::new();
    for x in x0..=x1.min(x0 + 64) {
        for y in y0..=y1.min(y0 + 64) {
            out.push((x, y));
        }
    }
    out
}

fn intersects(a: [f32; 4], b: [f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camera_round_trips_and_zooms_about_the_pointer() {
        let mut cam = Camera { center: [10.0, -5.0], zoom: 2.0, size: [800.0, 600.0] };
        let w = [37.0, 12.5];
        let s = cam.to_screen(w);
        let back = cam.to_world(s);
        assert!((back[0] - w[0]).abs() < 1e-4 && (back[1] - w[1]).abs() < 1e-4);
        cam.zoom_about(s, 1.5);
        let s2 = cam.to_screen(w);
        assert!((s2[0] - s[0]).abs() < 1e-3 && (s2[1] - s[1]).abs() < 1e-3);
    }

    #[test]
    fn fit_frames_all_points() {
        let pts = [[-100.0, -50.0], [300.0, 250.0]];
        let cam = Camera::fit(pts, [800.0, 600.0], 20.0);
        for p in pts {
            let s = cam.to_screen(p);
            assert!(s[0] >= 19.0 && s[0] <= 781.0 && s[1] >= 19.0 && s[1] <= 581.0, "{s:?}");
        }
        let empty = Camera::fit([], [800.0, 600.0], 20.0);
        assert_eq!(empty.center, [0.0, 0.0]);
    }

    #[test]
    fn a_label_does_not_cover_another_nodes_disc() {
        use crate::graph::Node;
        let mut graph = AtlasGraph::new();
        let a = graph.add_node(Node::new("para:t:1", NodeKind::Paragraph, "A paragraph with a long label"));
        let b = graph.add_node(Node::new("res:t", NodeKind::Resolution, "R"));
        let style = Style::new(crate::style::Theme::Light);
        let highlight = Highlight::default();
        let labels_with = |show_b: bool| {
            let position = |n: NodeIndex| Some(if n == a { [0.0, 0.0] } else { [60.0, 0.0] });
            let visible = |n: NodeIndex| n == a || show_b;
            let input = SceneInput {
                graph: &graph,
                position: &position,
                visible: &visible,
                edge_visible: &|_| true,
                badge: &|_| None,
                user_links: &[],
                camera: Camera { center: [0.0, 0.0], zoom: 1.0, size: [400.0, 200.0] },
                style: &style,
                highlight: &highlight,
                labels: Labels::Auto,
                color_by: ColorBy::Kind,
                cull: true,
                tooltips: false,
            };
            build(&input).labels.iter().map(|l| l.index).collect::<Vec<_>>()
        };
        // Alone, the paragraph is labelled; with the resolution's disc where
        // its label would run, the label gives way (the disc keeps its own).
        assert_eq!(labels_with(false), vec![a]);
        assert_eq!(labels_with(true), vec![b]);
    }

    #[test]
    fn first_words_cuts_with_ellipsis() {
        assert_eq!(first_words("a b c", 2), "a b…");
        assert_eq!(first_words("a b", 2), "a b");
    }
}
