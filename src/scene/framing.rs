//! Framing the map (F, and every picture export): a camera that shows
//! every visible disc and, where the node would be labelled, its label in
//! its first place (to the right), inside the canvas with a margin — the
//! sizes of discs and labels taken from the size policy at the zoom found.

use petgraph::stable_graph::NodeIndex;

use super::Camera;
use super::labels::{halo_size, text_width};
use super::sizing::Sizes;
use crate::graph::{AtlasGraph, NodeKind};
use crate::layout::atlas::node_radius as node_world_radius;

/// What framing needs to know of one node.
struct Item {
    /// World position.
    p: [f32; 2],
    /// World radius.
    r: f32,
    /// Label width at 1 pixel font size (0: no label).
    em: f32,
    /// Labelled at any size (documents and sections).
    always: bool,
}

/// What to frame and how.
pub struct Framing<'a> {
    /// The graph.
    pub graph: &'a AtlasGraph,
    /// A node's world position (from the layout).
    pub position: &'a dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    /// Whether a node is shown.
    pub visible: &'a dyn Fn(NodeIndex) -> bool,
    /// The canvas or picture size, in pixels.
    pub size: [f32; 2],
    /// Pixels kept free on every side.
    pub margin: f32,
    /// The picture's scale (1 in the window; see [`super::sizing`]).
    pub scale: f32,
    /// The label font size at zoom 1 (the style's).
    pub font_size: f32,
    /// Whether labels are drawn (and so framed).
    pub labels: bool,
}

/// The camera that frames every visible node's disc and label (see the
/// module docs). No visible node: centred on 0 at zoom 1.
///
/// # Complexity
///
/// `O(n)` to measure the labels, then a bisection of the zoom over `n`
/// nodes (40 steps): meant for a fit on request, not for every frame.
#[must_use]
pub fn frame(f: &Framing<'_>) -> Camera {
    let size = [f.size[0].max(1.0), f.size[1].max(1.0)];
    let items: Vec<Item> = f
        .graph
        .nodes()
        .filter(|(n, _)| (f.visible)(*n))
        .filter_map(|(n, node)| {
            let p = (f.position)(n).filter(|p| p[0].is_finite() && p[1].is_finite())?;
            let em = if f.labels { text_width(&node.label, 1.0) } else { 0.0 };
            let always = matches!(node.kind, NodeKind::Document | NodeKind::Section);
            Some(Item { p, r: node_world_radius(f.graph, n), em, always })
        })
        .collect();
    let centres = Camera::fit(items.iter().map(|i| i.p), size, f.margin);
    if items.is_empty() {
        return centres;
    }
    let room = [(size[0] - 2.0 * f.margin).max(1.0), (size[1] - 2.0 * f.margin).max(1.0)];
    let fits = |zoom: f32| {
        let b = bounds(&items, zoom, f);
        b[2] - b[0] <= room[0] && b[3] - b[1] <= room[1]
    };
    // The extents only grow with the zoom: the largest zoom that fits,
    // between the centres' own fit and a thousandth of it.
    let (mut lo, mut hi) = ((centres.zoom * 1e-3).max(Camera::ZOOM_RANGE.0 * 1e-2), centres.zoom);
    let zoom = if fits(hi) {
        hi
    } else {
        for _ in 0..40 {
            let mid = (lo * hi).sqrt();
            if fits(mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        lo
    };
    let b = bounds(&items, zoom, f);
    Camera { center: [(b[0] + b[2]) / 2.0 / zoom, (b[1] + b[3]) / 2.0 / zoom], zoom, size }
}

/// The extent (x0, y0, x1, y1) of the discs and labels at `zoom`, in
/// pixels relative to the world origin.
fn bounds(items: &[Item], zoom: f32, f: &Framing<'_>) -> [f32; 4] {
    let sizes = Sizes::new(zoom, f.scale);
    let font = sizes.font(f.font_size);
    let mut b = [f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY];
    for i in items {
        let r = sizes.radius(i.r);
        let (x, y) = (i.p[0] * zoom, i.p[1] * zoom);
        let (mut right, mut half) = (r, r);
        if i.em > 0.0 && (i.always || sizes.labelled(r)) {
            let [w, h] = halo_size(i.em * font, font);
            right = r + super::labels::GAP * font + w;
            half = half.max(h / 2.0);
        }
        b = [b[0].min(x - r), b[1].min(y - half), b[2].max(x + right), b[3].max(y + half)];
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Node;

    #[test]
    fn the_frame_holds_the_labels_not_only_the_discs() {
        let mut g = AtlasGraph::new();
        let a = g.add_node(Node::new("doc:a", NodeKind::Document, "A document with a long label"));
        let b = g.add_node(Node::new("doc:b", NodeKind::Document, "B"));
        let position = |n: NodeIndex| Some(if n == a { [0.0, 0.0] } else { [400.0, 0.0] });
        let framing = |labels| Framing {
            graph: &g,
            position: &position,
            visible: &|_| true,
            size: [600.0, 400.0],
            margin: 20.0,
            scale: 1.0,
            font_size: 12.0,
            labels,
        };
        let with = frame(&framing(true));
        let without = frame(&framing(false));
        assert!(with.zoom < without.zoom, "{} {}", with.zoom, without.zoom);
        // B's label, right of the rightmost disc, ends inside the margin.
        let sizes = Sizes::new(with.zoom, 1.0);
        let font = sizes.font(12.0);
        let right = with.to_screen([400.0, 0.0])[0]
            + sizes.radius(node_world_radius(&g, b))
            + super::super::labels::GAP * font
            + halo_size(text_width("B", font), font)[0];
        assert!((570.0..=580.5).contains(&right), "{right}");
        let left = with.to_screen([0.0, 0.0])[0] - sizes.radius(node_world_radius(&g, a));
        assert!(left >= 19.5, "{left}");
        let nothing = Framing { visible: &|_| false, ..framing(true) };
        assert_eq!(frame(&nothing).zoom, 1.0);
    }
}
