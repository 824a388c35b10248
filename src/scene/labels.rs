//! Labels: their text measured with the font the window and the exports
//! draw it in, one box per label (placement, the SVG halo and the window's
//! halo all use [`label_box`]), and greedy placement without overlaps.

use std::collections::HashMap;
use std::sync::LazyLock;

use petgraph::stable_graph::NodeIndex;

use super::{DIM, LabelShape, NodeShape, SceneInput};
use crate::graph::NodeKind;

/// At most this many labels (the rest would be unreadable anyway).
const MAX_LABELS: usize = 600;

/// Padding of a label's halo around its text, in pixels.
const HALO_PAD: [f32; 2] = [3.0, 1.5];

/// Advance widths of egui's proportional font (Ubuntu Light, bundled by
/// `epaint_default_fonts`; the window draws labels in it and the exports
/// embed it), read with `skrifa` as egui reads them.
struct Font {
    charmap: skrifa::charmap::Charmap<'static>,
    metrics: skrifa::metrics::GlyphMetrics<'static>,
}

static FONT: LazyLock<Option<Font>> = LazyLock::new(|| {
    use skrifa::MetadataProvider as _;
    let font = skrifa::FontRef::new(epaint_default_fonts::UBUNTU_LIGHT).ok()?;
    let metrics = font.glyph_metrics(skrifa::instance::Size::new(1.0), skrifa::instance::LocationRef::default());
    Some(Font { charmap: font.charmap(), metrics })
});

/// Width in em of a character the font lacks (egui draws it with a
/// fallback font): the font's average advance.
const FALLBACK_EM: f32 = 0.56;

/// Width in pixels of `text` at `size` in the font labels are drawn in
/// (the sum of its characters' advances, as egui lays a single line out).
#[must_use]
pub fn text_width(text: &str, size: f32) -> f32 {
    let Some(font) = FONT.as_ref() else { return text.chars().count() as f32 * size * FALLBACK_EM };
    let em: f32 = text
        .chars()
        .map(|c| font.charmap.map(c).and_then(|g| font.metrics.advance_width(g)).unwrap_or(FALLBACK_EM))
        .sum();
    em * size
}

/// The box a label takes (x0, y0, x1, y1), in scene pixels: its text, at
/// its size, on its halo. The one box that placement keeps apart, that SVG
/// export draws as the halo, and that the window fills behind the text.
#[must_use]
pub fn label_box(label: &LabelShape) -> [f32; 4] {
    text_box(&label.text, label.pos, label.size)
}

/// [`label_box`] of a label not made yet.
fn text_box(text: &str, pos: [f32; 2], size: f32) -> [f32; 4] {
    let w = text_width(text, size);
    let h = size * 0.6;
    [pos[0] - HALO_PAD[0], pos[1] - h - HALO_PAD[1], pos[0] + w + HALO_PAD[0], pos[1] + h + HALO_PAD[1]]
}

/// Greedy label placement: highest priority first, skipping any label whose
/// box would overlap one already placed.
pub(super) fn place_labels(
    input: &SceneInput<'_>,
    nodes: &[NodeShape],
    is_lit: &dyn Fn(NodeIndex) -> bool,
) -> Vec<LabelShape> {
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
        let rect = text_box(&text, pos, size);
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
