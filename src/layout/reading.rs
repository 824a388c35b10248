//! The "Reading order" arrangement: each document laid out as a page is
//! read. Its paragraphs run left to right in rows, in reading order, each
//! section's under its section node as under a heading; the entities
//! (resolutions, instruments, bodies, SDGs, stakeholders) stand in columns
//! to the right, each at the height of the paragraphs that cite it, so a
//! glance across shows where in the document a body or a resolution comes
//! up. Documents stand side by side. Pinned nodes keep their places.
//!
//! Model code: [`positions`] gives the target of every layout node; the
//! switch between arrangements is animated by a [`Transition`].

use std::collections::HashMap;

use petgraph::stable_graph::NodeIndex;

use super::atlas::reading_order;
use super::graph::LayoutGraph;
use super::initial;
use crate::graph::{AtlasGraph, EdgeKind, NodeKind};

/// Distance between neighbouring paragraphs in a row (world units).
pub const STEP: f32 = 44.0;
/// Distance between rows.
pub const ROW: f32 = 50.0;
/// Extra space between one section's rows and the next's.
const SECTION_GAP: f32 = 24.0;
/// A section's paragraphs start this far right of its heading, on the row
/// below it (the heading's label has its row to itself).
const HEAD: f32 = 30.0;
/// A sub-section's heading stands this far right of its parent's.
const INDENT: f32 = 24.0;
/// Space between the paragraphs and the first entity column.
const COLUMN_GAP: f32 = 160.0;
/// Width of an entity column (room for its labels).
const COLUMN: f32 = 320.0;
/// Least vertical distance between two entities in a column.
const ENTITY_GAP: f32 = 30.0;
/// Space between two documents' pages.
const DOCUMENT_MARGIN: f32 = 260.0;
/// How long the switch between arrangements takes, in seconds.
pub const TRANSITION_SECONDS: f32 = 0.6;

/// Which arrangement the map is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Arrangement {
    /// The force-directed map: related nodes pull together.
    #[default]
    #[value(help = "Force-directed: related nodes pull together")]
    Map,
    /// Paragraphs in document order, grouped by section, entities beside
    /// the paragraphs that cite them.
    #[value(help = "Paragraphs in document order by section, entities beside their citers")]
    Reading,
}

impl Arrangement {
    /// Its name in menus.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Arrangement::Map => "Map (force-directed)",
            Arrangement::Reading => "Reading order",
        }
    }
}

/// The reading-order position of every node of a layout whose node `i` is
/// `node_at[i]`; `keep(i)` nodes (pinned ones) stay at `current[i]`.
/// Deterministic: the same graph gives the same positions.
#[must_use]
pub fn positions(
    graph: &AtlasGraph,
    layout: &LayoutGraph,
    node_at: &[NodeIndex],
    current: &[[f32; 2]],
    keep: &dyn Fn(usize) -> bool,
) -> Vec<[f32; 2]> {
    let n = node_at.len();
    let index_of: HashMap<NodeIndex, usize> = node_at.iter().enumerate().map(|(i, &g)| (g, i)).collect();
    let mut out = vec![[0.0f32; 2]; n];
    let mut placed = vec![false; n];
    // Each node's containing section (the parent by a `contains` edge).
    let mut parent: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    for (s, t, e) in graph.edges() {
        if e.kind == EdgeKind::Contains && graph.node(s).is_some_and(|p| p.kind == NodeKind::Section) {
            parent.entry(t).or_insert(s);
        }
    }
    // One pass over the nodes: each document's paragraphs, and the entities.
    let documents: Vec<String> = graph.documents().iter().map(|d| crate::id::document(&d.id)).collect();
    let document_at: HashMap<&str, usize> = documents.iter().enumerate().map(|(k, d)| (d.as_str(), k)).collect();
    let mut paragraphs_of: Vec<Vec<Placing>> = vec![Vec::new(); documents.len()];
    let mut entities_of: Vec<Vec<usize>> = vec![Vec::new(); documents.len()];
    let paragraph_document = |m: NodeIndex| {
        let node = graph.node(m).filter(|m| m.kind == NodeKind::Paragraph)?;
        document_at.get(node.document.as_deref()?).copied()
    };
    for (i, &g) in node_at.iter().enumerate() {
        let Some(node) = graph.node(g) else { continue };
        if node.kind == NodeKind::Paragraph {
            if let Some(k) = paragraph_document(g) {
                paragraphs_of[k].push((reading_order(node), i, g));
            }
        } else if !is_structure(node.kind) {
            // An entity stands beside the document whose paragraphs link to
            // it most (the first of those tied).
            let mut counts = vec![0usize; documents.len()];
            for m in graph.inner().neighbors_undirected(g) {
                if let Some(k) = paragraph_document(m) {
                    counts[k] += 1;
                }
            }
            let best =
                counts.iter().enumerate().filter(|(_, c)| **c > 0).min_by_key(|(k, c)| (std::cmp::Reverse(**c), *k));
            if let Some((k, _)) = best {
                entities_of[k].push(i);
            }
        }
    }
    let mut left = 0.0f32;
    for (doc, (mut paragraphs, owned)) in paragraphs_of.into_iter().zip(entities_of).enumerate() {
        let doc_id = documents[doc].as_str();
        paragraphs.sort_unstable();
        let count = paragraphs.len();
        if count == 0 {
            continue;
        }
        let per_row = ((count as f32).sqrt().ceil() as usize).clamp(6, 16);
        let depth = |section: Option<NodeIndex>| {
            let mut d = 0usize;
            let mut s = section.and_then(|s| parent.get(&s).copied());
            while let Some(sec) = s
                && d < 16
            {
                d += 1;
                s = parent.get(&sec).copied();
            }
            d as f32
        };
        let text_right = left + HEAD + 2.0 * INDENT + per_row as f32 * STEP;
        let mut y = 0.0f32;
        if let Some(&i) = graph.index_of(doc_id).and_then(|d| index_of.get(&d)) {
            out[i] = [left, -1.5 * ROW];
            placed[i] = true;
        }
        // Paragraphs grouped by their section, in reading order; a section's
        // enclosing sections are headed (on rows of their own) before it.
        let mut k = 0;
        while k < count {
            let section = parent.get(&paragraphs[k].2).copied();
            let mut chain = Vec::new();
            let mut s = section;
            while let Some(sec) = s {
                let Some(&i) = index_of.get(&sec) else { break };
                if placed[i] || chain.len() > 16 {
                    break;
                }
                chain.push(i);
                s = parent.get(&sec).copied();
            }
            for (depth, &i) in chain.iter().rev().enumerate() {
                out[i] = [left + INDENT * depth as f32, y];
                placed[i] = true;
                y += ROW;
            }
            let mut column = 0;
            while k < count && parent.get(&paragraphs[k].2).copied() == section {
                if column == per_row {
                    column = 0;
                    y += ROW;
                }
                let i = paragraphs[k].1;
                out[i] = [left + HEAD + INDENT * depth(section) + column as f32 * STEP, y];
                placed[i] = true;
                column += 1;
                k += 1;
            }
            y += ROW + SECTION_GAP;
        }
        let bottom = y;
        // Entities: at the mean height of their paragraphs in this document,
        // in as many columns as keep them ENTITY_GAP apart within the page.
        let mut entities: Vec<(f32, usize)> = Vec::new();
        for i in owned {
            let ys: Vec<f32> = graph
                .inner()
                .neighbors_undirected(node_at[i])
                .filter(|&m| paragraph_document(m) == Some(doc))
                .filter_map(|m| index_of.get(&m).map(|&j| out[j][1]))
                .collect();
            if let Some(mean) = mean(&ys) {
                entities.push((mean, i));
            }
        }
        entities.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let columns = ((entities.len() as f32 * ENTITY_GAP / bottom.max(ROW)).ceil() as usize).max(1);
        for c in 0..columns {
            let column: Vec<(f32, usize)> = entities.iter().skip(c).step_by(columns).copied().collect();
            let wanted: Vec<f32> = column.iter().map(|&(y, _)| y).collect();
            for (&(_, i), y) in column.iter().zip(spaced(&wanted, ENTITY_GAP)) {
                out[i] = [text_right + COLUMN_GAP + c as f32 * COLUMN, y];
                placed[i] = true;
            }
        }
        let right = if entities.is_empty() { text_right } else { text_right + COLUMN_GAP + columns as f32 * COLUMN };
        left = right + DOCUMENT_MARGIN;
    }
    // What no paragraph links to (an instrument's articles, an SDG's
    // targets): near whatever it is linked to; unlinked nodes around it all.
    initial::place_missing(&mut out, &mut placed, layout, 0x5EAD);
    for (i, p) in out.iter_mut().enumerate() {
        if keep(i)
            && let Some(&c) = current.get(i)
        {
            *p = c;
        }
    }
    out
}

/// Positions for points wanted at `wanted` (ascending) that keep them at
/// least `gap` apart, each as near its wish as the others allow: runs of
/// points that would crowd are spaced evenly around their wishes' mean
/// (merging runs until none overlap; the least-squares answer).
fn spaced(wanted: &[f32], gap: f32) -> Vec<f32> {
    // Blocks of consecutive points: (first index, count, the block's start).
    let mut blocks: Vec<(usize, usize, f32)> = Vec::new();
    for (i, &w) in wanted.iter().enumerate() {
        let mut block = (i, 1, w);
        while let Some(&(first, count, start)) = blocks.last() {
            if start + count as f32 * gap <= block.2 {
                break;
            }
            blocks.pop();
            // The merged block's start: the mean of each point's wish less its offset.
            let n = count + block.1;
            let sum: f32 = (first..first + n).map(|k| wanted[k] - (k - first) as f32 * gap).sum();
            block = (first, n, sum / n as f32);
        }
        blocks.push(block);
    }
    let mut out = Vec::with_capacity(wanted.len());
    for (_, count, start) in blocks {
        out.extend((0..count).map(|k| start + k as f32 * gap));
    }
    out
}

/// A paragraph to place: its reading-order key, layout index and node.
type Placing = ((u8, u32), usize, NodeIndex);

fn is_structure(kind: NodeKind) -> bool {
    matches!(kind, NodeKind::Document | NodeKind::Section | NodeKind::Paragraph)
}

fn mean(v: &[f32]) -> Option<f32> {
    (!v.is_empty()).then(|| v.iter().sum::<f32>() / v.len() as f32)
}

/// An animated move of every node from one arrangement to another: eased
/// in and out over [`TRANSITION_SECONDS`].
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    from: Vec<[f32; 2]>,
    to: Vec<[f32; 2]>,
    elapsed: f32,
}

impl Transition {
    /// A move from `from` to `to` (one position per node each).
    #[must_use]
    pub fn new(from: Vec<[f32; 2]>, to: Vec<[f32; 2]>) -> Self {
        Transition { from, to, elapsed: 0.0 }
    }

    /// Where the move ends.
    #[must_use]
    pub fn target(&self) -> &[[f32; 2]] {
        &self.to
    }

    /// Whether the move has arrived.
    #[must_use]
    pub fn is_done(&self) -> bool {
        self.elapsed >= TRANSITION_SECONDS
    }

    /// Advances by `dt` seconds (negative or non-finite counts as 0) and
    /// writes the positions at that time into `out`.
    pub fn advance(&mut self, dt: f32, out: &mut Vec<[f32; 2]>) {
        let dt = if dt.is_finite() { dt.max(0.0) } else { 0.0 };
        self.elapsed = (self.elapsed + dt).min(TRANSITION_SECONDS);
        let t = self.elapsed / TRANSITION_SECONDS;
        let e = t * t * (3.0 - 2.0 * t);
        out.clear();
        out.extend(
            self.from
                .iter()
                .zip(&self.to)
                .map(|(a, b)| if e >= 1.0 { *b } else { [a[0] + (b[0] - a[0]) * e, a[1] + (b[1] - a[1]) * e] }),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::spaced;

    #[test]
    fn crowded_points_are_spaced_around_their_wishes_and_free_ones_stay() {
        assert_eq!(spaced(&[0.0, 100.0], 10.0), vec![0.0, 100.0]);
        assert_eq!(spaced(&[50.0, 50.0, 50.0], 10.0), vec![40.0, 50.0, 60.0]);
        let out = spaced(&[0.0, 1.0, 2.0, 30.0, 31.0], 10.0);
        assert!(out.windows(2).all(|w| w[1] - w[0] >= 10.0 - 1e-4), "{out:?}");
        assert_eq!(out.len(), 5);
        assert!((out.iter().sum::<f32>() - 64.0).abs() < 1e-3, "{out:?}: the mean is kept");
        assert!(spaced(&[], 10.0).is_empty());
    }
}
