//! Section hulls: each section drawn as a soft rounded outline behind its
//! paragraphs, so the document's structure shows in the tangle (window and
//! exports alike).
//!
//! A hull is the convex hull of the discs of the section's own paragraphs
//! and of the section's disc, grown by a margin and rounded (each corner
//! replaced by an arc), in screen pixels.
//!
//! # Complexity
//!
//! One pass over the edges to find the members, then `O(k log k)` for a
//! section of `k` members: the rounding works on the hull's few corners,
//! not on the members.

use petgraph::stable_graph::NodeIndex;

use super::Rgba;
use crate::graph::{AtlasGraph, EdgeKind, NodeKind};
use crate::style::Style;

/// Pixels between a member's disc and the hull's outline (at scale 1).
pub const MARGIN: f32 = 10.0;
/// Points on each rounded corner.
const ARC_POINTS: usize = 6;

/// A disc on screen: its centre and radius.
type Disc = ([f32; 2], f32);

/// A section's outline, behind its paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct HullShape {
    /// The section.
    pub section: NodeIndex,
    /// The outline, a convex polygon in screen pixels, counter-clockwise.
    pub points: Vec<[f32; 2]>,
    /// Its quiet fill.
    pub fill: Rgba,
    /// Its outline colour.
    pub stroke: Rgba,
    /// The heading (SVG `<title>`, window tooltip).
    pub title: String,
}

/// The hulls of the sections with at least two placed members (the section
/// and its paragraphs), from the screen geometry of placed nodes.
pub(super) fn section_hulls(
    graph: &AtlasGraph,
    placed: &[Option<([f32; 2], f32)>],
    style: &Style,
    margin: f32,
    out: &mut Vec<HullShape>,
) {
    out.clear();
    let at = |n: NodeIndex| placed.get(n.index()).copied().flatten();
    // Members of each section: its paragraphs (sub-sections have hulls of their own).
    let mut members: Vec<(NodeIndex, Vec<Disc>)> = Vec::new();
    let mut slot_of: rustc_hash::FxHashMap<NodeIndex, usize> = rustc_hash::FxHashMap::default();
    for (s, t, e) in graph.edges() {
        if e.kind != EdgeKind::Contains {
            continue;
        }
        let (Some(section), Some(paragraph)) = (graph.node(s), graph.node(t)) else { continue };
        if section.kind != NodeKind::Section || paragraph.kind != NodeKind::Paragraph {
            continue;
        }
        let (Some(own), Some(member)) = (at(s), at(t)) else { continue };
        let slot = *slot_of.entry(s).or_insert_with(|| {
            members.push((s, vec![own]));
            members.len() - 1
        });
        if let Some((_, list)) = members.get_mut(slot) {
            list.push(member);
        }
    }
    let section_color = style.node_color(NodeKind::Section);
    for (section, discs) in members {
        if discs.len() < 3 {
            continue;
        }
        let corners = convex_hull(discs.iter().map(|(c, _)| *c).collect());
        let grow = discs.iter().map(|(_, r)| *r).fold(0.0_f32, f32::max) + margin;
        let points = rounded(&corners, grow);
        if points.len() < 3 {
            continue;
        }
        let title = graph.node(section).map(|n| n.title.clone().unwrap_or_else(|| n.label.clone())).unwrap_or_default();
        out.push(HullShape {
            section,
            points,
            fill: section_color.with_alpha(22),
            stroke: section_color.with_alpha(90),
            title,
        });
    }
}

/// The convex hull of `points` (Andrew's monotone chain), counter-clockwise
/// in a y-down screen frame's mathematical sense; collinear points dropped.
#[must_use]
pub fn convex_hull(mut points: Vec<[f32; 2]>) -> Vec<[f32; 2]> {
    points.retain(|p| p[0].is_finite() && p[1].is_finite());
    points.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    points.dedup();
    if points.len() < 3 {
        return points;
    }
    let cross = |o: [f32; 2], a: [f32; 2], b: [f32; 2]| (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    let mut hull: Vec<[f32; 2]> = Vec::with_capacity(2 * points.len());
    for pass in [false, true] {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &[f32; 2]>> =
            if pass { Box::new(points.iter().rev()) } else { Box::new(points.iter()) };
        for &p in iter {
            while hull.len() >= start + 2 && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0 {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

/// A convex polygon grown by `by` pixels with round corners: the hull of
/// arcs around each corner.
fn rounded(corners: &[[f32; 2]], by: f32) -> Vec<[f32; 2]> {
    let mut around = Vec::with_capacity(corners.len() * ARC_POINTS * 2);
    let steps = ARC_POINTS * 2;
    for c in corners {
        for k in 0..steps {
            let a = std::f32::consts::TAU * k as f32 / steps as f32;
            around.push([c[0] + by * a.cos(), c[1] + by * a.sin()]);
        }
    }
    convex_hull(around)
}

impl Rgba {
    /// The same colour with this alpha.
    #[must_use]
    pub fn with_alpha(self, alpha: u8) -> Rgba {
        let [r, g, b, _] = self.0;
        Rgba([r, g, b, alpha])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hull_of_a_square_and_its_centre_is_the_square() {
        let hull = convex_hull(vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0], [5.0, 5.0], [5.0, 0.0]]);
        assert_eq!(hull.len(), 4, "{hull:?}");
        for corner in [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]] {
            assert!(hull.contains(&corner), "{corner:?} not in {hull:?}");
        }
        assert!(convex_hull(vec![[1.0, 1.0], [1.0, 1.0]]).len() == 1);
        assert!(convex_hull(vec![[f32::NAN, 0.0], [1.0, 1.0]]).len() == 1);
    }

    #[test]
    fn a_rounded_hull_keeps_every_member_inside() {
        let corners = convex_hull(vec![[0.0, 0.0], [100.0, 0.0], [50.0, 80.0]]);
        let grown = rounded(&corners, 12.0);
        assert!(grown.len() > corners.len());
        let inside = |p: [f32; 2]| {
            grown
                .iter()
                .zip(grown.iter().cycle().skip(1))
                .all(|(a, b)| (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= -1e-3)
        };
        for c in &corners {
            assert!(inside(*c), "{c:?} outside {grown:?}");
            // The margin: 11 px straight out below the base is still inside.
            assert!(inside([c[0], c[1] - 11.0]) || c[1] > 40.0);
        }
    }
}
