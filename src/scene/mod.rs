//! What to draw: graph + positions + style + camera → circles, lines and
//! labels in screen pixels. The window paints a [`Scene`]; SVG and PNG
//! export write the same [`Scene`], so an exported picture is what was seen.

use std::collections::{BTreeSet, HashMap};

use petgraph::stable_graph::NodeIndex;

use crate::analysis::roles::Role;
use crate::graph::{AtlasGraph, EdgeKind, NodeKind};
use crate::layout::atlas::node_radius;
use crate::style::{Rgba, Style};

mod camera;
mod edge_index;
pub mod framing;
pub mod hulls;
pub mod labels;
pub mod minimap;
pub mod sizing;
pub use camera::Camera;
pub use framing::{Framing, frame};
pub use hulls::HullShape;
use labels::place_labels;
pub use labels::{label_box, text_width};
pub use sizing::{Sizes, picture_scale};

/// Which labels to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Labels {
    /// Every node whose label fits without covering another label or
    /// another node's disc, inside the frame ([`labels`]); the selected
    /// and hovered nodes always.
    #[default]
    Auto,
    /// No labels.
    None,
}

/// What a disc's fill tells (also the command line's `--color-by` values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum ColorBy {
    /// Its kind (paragraph, resolution, body…), as the legend lists them.
    #[default]
    #[value(help = "Paragraph, resolution, body…")]
    Kind,
    /// A paragraph's clause role (the most binding of its clauses', see
    /// [`Role::principal`]); every other node is drawn in a neutral grey.
    #[value(help = "Recalls, commits, calls… (paragraphs; everything else grey)")]
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
    /// The multi-selection: each drawn with the selection's ring.
    pub selected_many: BTreeSet<NodeIndex>,
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
    /// Links a user drew (annotation files), drawn as `annotation` edges
    /// with their labels at their middles.
    pub user_links: &'a [UserLink],
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
    /// Draw each section as a soft hull behind its paragraphs.
    pub hulls: bool,
    /// Screen pixels per reference pixel: 1 in the window; a picture's
    /// [`picture_scale`], so that a bigger picture draws every disc, line,
    /// label and margin bigger with it ([`sizing`]).
    pub scale: f32,
    /// Boxes (x0, y0, x1, y1, screen pixels) labels keep clear of: a
    /// picture's legend.
    pub reserved: &'a [[f32; 4]],
}

/// A link the user drew between two nodes (an annotation file's link).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserLink {
    /// Where it starts.
    pub from: NodeIndex,
    /// Where it ends.
    pub to: NodeIndex,
    /// Its short label, drawn on the line (may be empty).
    pub label: String,
}

/// Font size (pixels) of a user link's label.
pub const LINK_LABEL_SIZE: f32 = 11.0;

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
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Viewport size in pixels.
    pub size: [f32; 2],
    /// The picture's scale it was built at ([`SceneInput::scale`]).
    pub scale: f32,
    /// Background colour.
    pub background: Rgba,
    /// Section hulls, drawn first, behind everything else.
    pub hulls: Vec<HullShape>,
    /// Lines.
    pub edges: Vec<EdgeShape>,
    /// Discs (dimmed first, highlighted last so they sit on top).
    pub nodes: Vec<NodeShape>,
    /// Labels that fit without overlapping.
    pub labels: Vec<LabelShape>,
    /// The labels of the user's links, centred on their lines (`index`:
    /// the link's start), drawn over the node labels.
    pub link_labels: Vec<LabelShape>,
    /// Colours present among the visible nodes (kinds or roles), with counts.
    pub legend: Vec<LegendEntry>,
    /// The edges by grid cell, for [`Scene::edge_at`]: built from
    /// `edges` by the first question, so a frame that asks none (the
    /// pointer off the map, on a disc, or dragging; every export) pays
    /// nothing for it; and kept by [`build_into`] from one frame to the
    /// next while the lines drawn are the same (a map at rest, the camera
    /// still), so hovering over a still map asks only the cells around the
    /// pointer.
    pub(crate) edge_grid: std::cell::OnceCell<edge_index::EdgeGrid>,
    /// A hash of the drawn lines (ends and widths), telling whether the
    /// grid still fits them.
    pub(crate) edge_fingerprint: u64,
}

impl Default for Scene {
    fn default() -> Self {
        Scene {
            size: [0.0, 0.0],
            scale: 1.0,
            background: Rgba::TRANSPARENT,
            hulls: Vec::new(),
            edges: Vec::new(),
            nodes: Vec::new(),
            labels: Vec::new(),
            link_labels: Vec::new(),
            legend: Vec::new(),
            edge_grid: std::cell::OnceCell::new(),
            edge_fingerprint: 0,
        }
    }
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

impl Scene {
    /// The drawn edge nearest to `point` (screen pixels) within `slack`
    /// pixels of its line, if any; drawn user links count too. Of edges
    /// equally near, the one drawn first.
    ///
    /// # Complexity
    ///
    /// The first question of a scene builds its grid (linear in the drawn
    /// edges, a few cells each); each question then looks only at the
    /// edges crossing the cells around `point`, not at every edge.
    #[must_use]
    pub fn edge_at(&self, point: [f32; 2], slack: f32) -> Option<&EdgeShape> {
        let grid = self.edge_grid.get_or_init(|| {
            let mut grid = edge_index::EdgeGrid::default();
            grid.rebuild(self.size, self.edges.iter().map(|e| (e.from, e.to, e.width)));
            grid
        });
        let mut best: Option<(f32, usize)> = None;
        for i in grid.near(point, slack) {
            let Some(e) = self.edges.get(i) else { continue };
            let d = segment_distance(point, e.from, e.to);
            if d <= slack + e.width / 2.0 && best.is_none_or(|(b, j)| d < b || (d == b && i < j)) {
                best = Some((d, i));
            }
        }
        best.and_then(|(_, i)| self.edges.get(i))
    }
}

/// Distance from `p` to the segment `a`–`b`.
fn segment_distance(p: [f32; 2], a: [f32; 2], b: [f32; 2]) -> f32 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
    (p[0] - a[0] - t * dx).hypot(p[1] - a[1] - t * dy)
}

/// Opacity of what is not lit while something is hovered.
const DIM: f32 = 0.15;

/// Width (pixels) of the reading-order thread of a hovered section.
pub const THREAD_WIDTH: f32 = 3.5;

/// The paragraphs of `section`, its sub-sections' included.
fn section_members(graph: &AtlasGraph, section: NodeIndex) -> BTreeSet<NodeIndex> {
    let mut members = BTreeSet::new();
    let mut todo = vec![section];
    let mut seen = BTreeSet::from([section]);
    while let Some(s) = todo.pop() {
        for edge in graph.inner().edges_directed(s, petgraph::Direction::Outgoing) {
            let t = petgraph::visit::EdgeRef::target(&edge);
            if edge.weight().kind != EdgeKind::Contains || !seen.insert(t) {
                continue;
            }
            match graph.node(t).map(|n| n.kind) {
                Some(NodeKind::Paragraph) => {
                    members.insert(t);
                }
                Some(NodeKind::Section) => todo.push(t),
                _ => {}
            }
        }
    }
    members
}

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
    // A hovered section: its paragraphs (sub-sections' too), whose reading
    // order is drawn as one emphasised thread.
    let thread: Option<BTreeSet<NodeIndex>> = highlight
        .hovered
        .filter(|&h| graph.node(h).is_some_and(|n| n.kind == NodeKind::Section))
        .map(|h| section_members(graph, h));
    let lit: Option<BTreeSet<NodeIndex>> = highlight.hovered.map(|h| {
        let mut set = graph.neighbors(h, None);
        set.insert(h);
        set.extend(thread.iter().flatten().copied());
        set
    });
    let is_lit = |n: NodeIndex| lit.as_ref().is_none_or(|set| set.contains(&n));
    let sizes = Sizes::new(camera.zoom, input.scale);
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
        graph
            .documents()
            .iter()
            .enumerate()
            .map(|(i, d)| (crate::id::document(&d.id), style.document_color(i)))
            .collect()
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
        let radius = sizes.radius(node_radius(graph, index));
        if let Some(slot) = placed.get_mut(index.index()) {
            *slot = Some((center, radius));
        }
        if !on_screen(center, radius) {
            continue;
        }
        let fade = if is_lit(index) { 1.0 } else { DIM };
        let selected = highlight.selected == Some(index) || highlight.selected_many.contains(&index);
        let matched = highlight.matches.contains(&index);
        let (stroke, stroke_width) = if selected {
            (style.selection, sizes.px(3.0))
        } else if matched {
            (style.selection.fade(0.8), sizes.px(2.0))
        } else if let Some(outline) = node.document.as_ref().and_then(|d| doc_outline.get(d)) {
            (outline.fade(fade), sizes.px(2.0))
        } else {
            (style.outline.fade(fade), sizes.px(1.0))
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
    let mut threads = Vec::new();
    let graph_edges = graph.edges().map(|(s, t, e)| (s, t, e.kind));
    let user_edges = input.user_links.iter().map(|l| (l.from, l.to, EdgeKind::Annotation));
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
        if kind == EdgeKind::Follows && thread.as_ref().is_some_and(|th| th.contains(&s) && th.contains(&t)) {
            threads.push(EdgeShape {
                source: s,
                target: t,
                kind,
                from,
                to,
                color: style.node_color(NodeKind::Paragraph),
                width: sizes.px(THREAD_WIDTH),
                dashed: false,
            });
            continue;
        }
        let fade = if is_lit(s) && is_lit(t) { 1.0 } else { DIM };
        let boost = lit.is_some() && fade == 1.0;
        edges.push(EdgeShape {
            source: s,
            target: t,
            kind,
            from,
            to,
            color: if boost { edge_style.color.fade(1.0).with_min_alpha(200) } else { edge_style.color.fade(fade) },
            width: sizes.px(edge_style.width) * if boost { 1.6 } else { 1.0 },
            dashed: edge_style.dashed,
        });
    }

    // The thread on top of the other lines.
    edges.append(&mut threads);

    let mut hulls = std::mem::take(&mut scene.hulls);
    hulls.clear();
    if input.hulls {
        hulls::section_hulls(graph, &placed, style, sizes.px(hulls::MARGIN), &mut hulls);
        if input.cull {
            hulls.retain(|h| {
                let inside = |p: &[f32; 2]| {
                    p[0] >= -margin
                        && p[1] >= -margin
                        && p[0] <= camera.size[0] + margin
                        && p[1] <= camera.size[1] + margin
                };
                h.points.iter().any(inside)
                    || h.points.iter().any(|p| p[0] < 0.0) && h.points.iter().any(|p| p[0] > camera.size[0])
            });
        }
    }

    let mut labels = std::mem::take(&mut scene.labels);
    labels.clear();
    if input.labels != Labels::None {
        place_labels(input, &sizes, &nodes, &is_lit, &mut labels);
    }
    let mut link_labels = std::mem::take(&mut scene.link_labels);
    link_labels.clear();
    if input.labels != Labels::None && (input.edge_visible)(EdgeKind::Annotation) {
        let link_color = style.edge_style(EdgeKind::Annotation).color.with_min_alpha(255);
        for link in input.user_links.iter().filter(|l| !l.label.trim().is_empty()) {
            let (Some(Some((a, _))), Some(Some((b, _)))) = (placed.get(link.from.index()), placed.get(link.to.index()))
            else {
                continue;
            };
            let text = link.label.trim().to_owned();
            let mid = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
            let pos = [mid[0] - text_width(&text, LINK_LABEL_SIZE * sizes.scale) / 2.0, mid[1]];
            if input.cull && !((0.0..=camera.size[0]).contains(&mid[0]) && (0.0..=camera.size[1]).contains(&mid[1])) {
                continue;
            }
            let fade = if is_lit(link.from) && is_lit(link.to) { 1.0 } else { DIM };
            link_labels.push(LabelShape {
                index: link.from,
                text,
                pos,
                size: LINK_LABEL_SIZE * sizes.scale,
                color: link_color.fade(fade),
                halo: style.background.fade(0.85 * fade),
            });
        }
    }

    // The last frame's edge grid serves again if the same lines are drawn.
    let edge_fingerprint = edge_index::fingerprint(edges.iter().map(|e| (e.from, e.to, e.width)));
    let edge_grid = match scene.edge_grid.take() {
        Some(grid) if edge_fingerprint == scene.edge_fingerprint => std::cell::OnceCell::from(grid),
        _ => std::cell::OnceCell::new(),
    };

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

    *scene = Scene {
        size: camera.size,
        scale: sizes.scale,
        background: style.background,
        hulls,
        edges,
        nodes,
        labels,
        link_labels,
        legend,
        edge_grid,
        edge_fingerprint,
    };
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

    /// A window's scene input (culled, no tooltips, hulls or notes, coloured
    /// by kind) of everything `visible` at `position`, seen by `camera`.
    fn window_input<'a>(
        graph: &'a AtlasGraph,
        position: &'a dyn Fn(NodeIndex) -> Option<[f32; 2]>,
        visible: &'a dyn Fn(NodeIndex) -> bool,
        camera: Camera,
        style: &'a Style,
        highlight: &'a Highlight,
        labels: Labels,
    ) -> SceneInput<'a> {
        fn every_edge(_: EdgeKind) -> bool {
            true
        }
        fn no_badge(_: NodeIndex) -> Option<Rgba> {
            None
        }
        SceneInput {
            graph,
            position,
            visible,
            edge_visible: &every_edge,
            badge: &no_badge,
            user_links: &[],
            camera,
            style,
            highlight,
            labels,
            color_by: ColorBy::Kind,
            cull: true,
            tooltips: false,
            hulls: false,
            scale: 1.0,
            reserved: &[],
        }
    }

    /// Two nodes 60 world units apart, the paragraph's long label running
    /// right towards the resolution, in a viewport of `size` at zoom 1.
    fn two_nodes_scene(show_b: bool, size: [f32; 2], highlight: &Highlight) -> (Scene, NodeIndex, NodeIndex) {
        use crate::graph::Node;
        let mut graph = AtlasGraph::new();
        let a = graph.add_node(Node::new("para:t:1", NodeKind::Paragraph, "A paragraph with a long label"));
        let b = graph.add_node(Node::new("res:t", NodeKind::Resolution, "R"));
        let style = Style::new(crate::style::Theme::Light);
        let position = |n: NodeIndex| Some(if n == a { [0.0, 0.0] } else { [60.0, 0.0] });
        let visible = |n: NodeIndex| n == a || show_b;
        let camera = Camera { center: [0.0, 0.0], zoom: 1.0, size };
        let input = window_input(&graph, &position, &visible, camera, &style, highlight, Labels::Auto);
        (build(&input), a, b)
    }

    #[test]
    fn a_label_does_not_cover_another_nodes_disc_it_moves_round_its_own() {
        let none = Highlight::default();
        // Alone, the paragraph is labelled on the right.
        let (scene, a, _) = two_nodes_scene(false, [400.0, 200.0], &none);
        let label = scene.labels.iter().find(|l| l.index == a).expect("labelled");
        assert!(label.pos[0] > 200.0, "{:?}", label.pos);
        // With the resolution's disc where it would run, it goes to the left.
        let (scene, a, b) = two_nodes_scene(true, [400.0, 200.0], &none);
        let disc = scene.nodes.iter().find(|n| n.index == b).expect("drawn");
        let label = scene.labels.iter().find(|l| l.index == a).expect("still labelled");
        assert!(label.pos[0] < 200.0, "{:?}", label.pos);
        assert!(!labels::box_meets_disc(label_box(label), disc.center, disc.radius));
        assert!(scene.labels.iter().any(|l| l.index == b));
    }

    #[test]
    fn labels_stay_inside_the_canvas_they_are_drawn_in() {
        // A canvas too narrow for the label on either side but wide enough
        // above or below: it goes there; narrower still, it is left out,
        // unless it is the selection, which keeps a label inside.
        let none = Highlight::default();
        for width in [150.0, 190.0, 260.0, 400.0] {
            let (scene, a, _) = two_nodes_scene(false, [width, 120.0], &none);
            for l in &scene.labels {
                let b = label_box(l);
                assert!(b[0] >= 0.0 && b[1] >= 0.0 && b[2] <= width && b[3] <= 120.0, "{width}: {b:?}");
            }
            let labelled = scene.labels.iter().any(|l| l.index == a);
            let needs = label_box(&LabelShape {
                index: a,
                text: "A paragraph with a long label".into(),
                pos: [0.0, 0.0],
                size: Sizes::new(1.0, 1.0).font(12.0),
                color: Rgba::TRANSPARENT,
                halo: Rgba::TRANSPARENT,
            });
            assert_eq!(labelled, needs[2] - needs[0] <= width, "{width}");
        }
        let selected = Highlight { selected: Some(NodeIndex::new(0)), ..Highlight::default() };
        let (scene, a, _) = two_nodes_scene(false, [150.0, 120.0], &selected);
        let label = scene.labels.iter().find(|l| l.index == a).expect("the selection keeps its label");
        let b = label_box(label);
        assert!(b[0] >= 0.0 && b[1] >= 0.0 && b[3] <= 120.0, "{b:?}");
    }

    #[test]
    fn the_selection_is_labelled_before_the_hubs() {
        // The resolution's label placed first would take the room the
        // paragraph's label needs; selected, the paragraph comes first.
        let (scene, a, b) = two_nodes_scene(true, [400.0, 200.0], &Highlight::default());
        assert_eq!(scene.labels.first().map(|l| l.index), Some(b), "bigger disc first");
        let selected = Highlight { selected: Some(a), ..Highlight::default() };
        let (scene, _, _) = two_nodes_scene(true, [400.0, 200.0], &selected);
        assert_eq!(scene.labels.first().map(|l| l.index), Some(a));
        // One of several selected (Shift+click): before the hubs too.
        let many = Highlight { selected_many: BTreeSet::from([a]), ..Highlight::default() };
        let (scene, _, _) = two_nodes_scene(true, [400.0, 200.0], &many);
        assert_eq!(scene.labels.first().map(|l| l.index), Some(a));
    }

    #[test]
    fn hovering_a_section_draws_its_reading_order_as_one_thread_on_top() {
        let graph = AtlasGraph::bundled().expect("bundled");
        let style = Style::new(crate::style::Theme::Light);
        let section = graph.index_of("sec:wsis10:1.1").expect("section 1.1");
        let members = section_members(&graph, section);
        assert!(members.len() >= 5, "{members:?}");
        let scene_with = |hovered: Option<NodeIndex>| {
            let highlight = Highlight { hovered, ..Highlight::default() };
            let position = |n: NodeIndex| Some([n.index() as f32 * 3.0, (n.index() % 17) as f32 * 5.0]);
            let camera = Camera { center: [300.0, 40.0], zoom: 1.0, size: [1200.0, 200.0] };
            build(&SceneInput {
                cull: false,
                ..window_input(&graph, &position, &|_| true, camera, &style, &highlight, Labels::None)
            })
        };
        let thread = |scene: &Scene| {
            scene.edges.iter().filter(|e| e.width == THREAD_WIDTH).map(|e| (e.source, e.target)).collect::<Vec<_>>()
        };
        assert!(thread(&scene_with(None)).is_empty());
        let hovered = scene_with(Some(section));
        let drawn = thread(&hovered);
        // Consecutive paragraphs of the section: one link fewer than paragraphs.
        assert_eq!(drawn.len(), members.len() - 1, "{drawn:?}");
        assert!(drawn.iter().all(|(s, t)| members.contains(s) && members.contains(t)));
        // Drawn last, over the other lines.
        let n = hovered.edges.len();
        assert!(hovered.edges[n - drawn.len()..].iter().all(|e| e.width == THREAD_WIDTH));
        // Hovering a paragraph draws no thread.
        assert!(thread(&scene_with(members.first().copied())).is_empty());
    }

    #[test]
    fn the_edge_grid_serves_the_next_frame_while_the_same_lines_are_drawn() {
        let graph = AtlasGraph::bundled().expect("bundled");
        let style = Style::new(crate::style::Theme::Light);
        let highlight = Highlight::default();
        let position = |n: NodeIndex| Some([(n.index() % 20) as f32 * 30.0, (n.index() / 20) as f32 * 30.0]);
        let input = |zoom: f32| {
            let camera = Camera { center: [300.0, 150.0], zoom, size: [800.0, 600.0] };
            window_input(&graph, &position, &|_| true, camera, &style, &highlight, Labels::None)
        };
        let mut scene = Scene::default();
        build_into(&input(1.0), &mut scene);
        assert!(scene.edge_grid.get().is_none(), "built only when asked");
        let e = &scene.edges[0];
        let mid = [(e.from[0] + e.to[0]) / 2.0, (e.from[1] + e.to[1]) / 2.0];
        let found = scene.edge_at(mid, 4.0).map(|e| (e.source, e.target));
        assert!(found.is_some() && scene.edge_grid.get().is_some());
        // The same lines next frame: the grid is kept, and answers the same.
        build_into(&input(1.0), &mut scene);
        assert!(scene.edge_grid.get().is_some());
        assert_eq!(scene.edge_at(mid, 4.0).map(|e| (e.source, e.target)), found);
        // The camera moved: a new grid, for the new lines.
        build_into(&input(1.5), &mut scene);
        assert!(scene.edge_grid.get().is_none());
    }

    #[test]
    fn first_words_cuts_with_ellipsis() {
        assert_eq!(first_words("a b c", 2), "a b…");
        assert_eq!(first_words("a b", 2), "a b");
    }
}
