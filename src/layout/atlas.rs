//! The bridge from the cross-reference graph ([`AtlasGraph`]) to the layout:
//! node radii and spring lengths by kind, a start that already means
//! something (each document's paragraphs in reading order along a spiral,
//! sections at the middle of their paragraphs, entities near the paragraphs
//! that cite them), and warm rebuilds when documents are added or removed.
//!
//! `NodeIndex` values of a `StableGraph` may have holes, so the layout's
//! dense indices are mapped explicitly both ways.

use std::collections::HashMap;

use petgraph::stable_graph::NodeIndex;

use super::graph::LayoutGraph;
use super::initial;
use super::params::LayoutParams;
use super::reading::{self, Arrangement, Transition};
use super::rng::SplitMix64;
use super::simulation::Simulation;
use crate::graph::{AtlasGraph, EdgeKind, NodeKind};

/// Distance between successive paragraphs along the spiral (world units).
const SPIRAL_STEP: f32 = 55.0;
/// Distance between the turns of the spiral.
const SPIRAL_GAP: f32 = 150.0;
/// Radius at which the spiral starts (room for the document node).
const SPIRAL_START: f32 = 80.0;
/// Space between two documents' spirals.
const DOCUMENT_MARGIN: f32 = 250.0;

/// Radius of a node's disc in world units: by kind, growing with the square
/// root of its degree. The scene draws discs of the same radius.
#[must_use]
pub fn node_radius(graph: &AtlasGraph, n: NodeIndex) -> f32 {
    let Some(node) = graph.node(n) else { return 0.0 };
    let base = match node.kind {
        NodeKind::Document => 18.0,
        NodeKind::Section => 10.0,
        NodeKind::Paragraph => 6.0,
        NodeKind::Sdg => 8.0,
        NodeKind::Resolution
        | NodeKind::Instrument
        | NodeKind::Organization
        | NodeKind::Stakeholder
        | NodeKind::ActionLine
        | NodeKind::CitedDocument => 7.0,
    };
    let degree = graph.inner().neighbors_undirected(n).count() as f32;
    (base + 1.2 * degree.sqrt()).min(3.0 * base)
}

/// Rest length (world units) and stiffness (0..1) of a spring of this kind:
/// reading order and structure short and firm, references medium, thematic
/// links long and weak.
#[must_use]
pub fn spring(kind: EdgeKind) -> (f32, f32) {
    match kind {
        EdgeKind::Follows => (26.0, 1.0),
        EdgeKind::Contains => (40.0, 0.7),
        EdgeKind::PartOf => (30.0, 0.8),
        EdgeKind::Cites => (70.0, 0.5),
        EdgeKind::Annotation => (70.0, 0.5),
        EdgeKind::Mentions => (80.0, 0.4),
        EdgeKind::Thematic => (150.0, 0.12),
        EdgeKind::AddressedTo => (80.0, 0.4),
        EdgeKind::Similar => (180.0, 0.08),
    }
}

/// Parameters tuned for the atlas graph's world units (paragraph discs of
/// radius 6–10, the bundled document spanning about 1000–2000 units).
#[must_use]
pub fn atlas_params() -> LayoutParams {
    LayoutParams { repulsion: 70.0, gravity: 0.015, ..LayoutParams::default() }
}

/// The layout of an [`AtlasGraph`]: the simulation plus the index maps.
#[derive(Debug, Clone)]
pub struct AtlasLayout {
    /// The simulation; its node `i` is `node_at[i]`.
    pub sim: Simulation,
    /// Graph index → layout index.
    pub index_of: HashMap<NodeIndex, usize>,
    /// Layout index → graph index.
    pub node_at: Vec<NodeIndex>,
    /// Layout index → node id (for warm rebuilds).
    ids: Vec<String>,
    /// The arrangement shown (or being moved to).
    arrangement: Arrangement,
    /// The force-directed positions, kept while another arrangement shows.
    saved_map: Option<Vec<[f32; 2]>>,
    /// The animated move to the current arrangement, while under way.
    transition: Option<Transition>,
    /// Scratch positions for the transition's frames.
    frame: Vec<[f32; 2]>,
}

impl AtlasLayout {
    /// A layout of `graph` with [`atlas_params`], started from the reading
    /// order spiral. Same graph and seed, same positions.
    #[must_use]
    pub fn new(graph: &AtlasGraph, seed: u64) -> Self {
        Self::with_params(graph, atlas_params(), seed)
    }

    /// [`AtlasLayout::new`] with other parameters.
    #[must_use]
    pub fn with_params(graph: &AtlasGraph, params: LayoutParams, seed: u64) -> Self {
        let (layout_graph, node_at, index_of, ids) = dense(graph);
        let start = spiral_start(graph, &layout_graph, &node_at, &index_of, seed);
        let mut layout_graph = layout_graph;
        // One position per node by construction; a mismatch cannot happen.
        let _ = layout_graph.set_initial_positions(start);
        AtlasLayout::from_parts(Simulation::new(layout_graph, params, seed), index_of, node_at, ids)
    }

    /// A layout of a changed `graph` (a document added or removed) that keeps
    /// every surviving node's position, pin and visibility by id; new
    /// paragraphs get their reading-order spiral beside the existing map, new
    /// entities go near their neighbours. Starts warm.
    #[must_use]
    pub fn rebuild(&self, graph: &AtlasGraph, seed: u64) -> Self {
        let (layout_graph, node_at, index_of, ids) = dense(graph);
        let n = node_at.len();
        let old: HashMap<&str, usize> = self.ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
        let old_pos = self.sim.positions();
        let mut positions = vec![[0.0f32; 2]; n];
        let mut placed = vec![false; n];
        for (i, id) in ids.iter().enumerate() {
            if let Some(&o) = old.get(id.as_str())
                && let Some(&p) = old_pos.get(o)
            {
                positions[i] = p;
                placed[i] = true;
            }
        }
        // New structure (documents, sections, paragraphs): their own spiral,
        // moved beside what is already there.
        let is_structure = |i: usize| {
            graph
                .node(node_at[i])
                .is_some_and(|node| matches!(node.kind, NodeKind::Document | NodeKind::Section | NodeKind::Paragraph))
        };
        let fresh: Vec<usize> = (0..n).filter(|&i| !placed[i] && is_structure(i)).collect();
        if !fresh.is_empty() {
            let start = spiral_start(graph, &layout_graph, &node_at, &index_of, seed);
            let old_max_x = (0..n).filter(|&i| placed[i]).map(|i| positions[i][0]).fold(f32::MIN, f32::max);
            let new_min_x = fresh.iter().map(|&i| start[i][0]).fold(f32::MAX, f32::min);
            let dx = if old_max_x > f32::MIN { old_max_x + DOCUMENT_MARGIN - new_min_x } else { 0.0 };
            for &i in &fresh {
                positions[i] = [start[i][0] + dx, start[i][1]];
                placed[i] = true;
            }
        }
        initial::place_missing(&mut positions, &mut placed, &layout_graph, seed);
        let mut sim = Simulation::with_positions(layout_graph, self.sim.params().to_owned(), positions);
        for (i, id) in ids.iter().enumerate() {
            if let Some(&o) = old.get(id.as_str()) {
                if self.sim.is_pinned(o) {
                    sim.set_pinned(i, true);
                }
                if !self.sim.is_active(o) {
                    sim.set_active(i, false);
                }
            }
        }
        let mut layout = AtlasLayout::from_parts(sim, index_of, node_at, ids);
        if self.arrangement != Arrangement::Map {
            // The force-directed places survive by id for the way back; new
            // nodes get theirs from the warm start above.
            let mut map = layout.sim.positions().to_vec();
            if let Some(saved) = &self.saved_map {
                for (i, id) in layout.ids.iter().enumerate() {
                    if let Some(&p) = old.get(id.as_str()).and_then(|&o| saved.get(o)) {
                        map[i] = p;
                    }
                }
            }
            layout.arrange(graph, self.arrangement);
            layout.saved_map = Some(map);
        }
        layout
    }

    fn from_parts(
        sim: Simulation,
        index_of: HashMap<NodeIndex, usize>,
        node_at: Vec<NodeIndex>,
        ids: Vec<String>,
    ) -> Self {
        AtlasLayout {
            sim,
            index_of,
            node_at,
            ids,
            arrangement: Arrangement::Map,
            saved_map: None,
            transition: None,
            frame: Vec::new(),
        }
    }

    /// The arrangement shown, or being moved to.
    #[must_use]
    pub fn arrangement(&self) -> Arrangement {
        self.arrangement
    }

    /// Moves to another arrangement with an animated transition (see
    /// [`AtlasLayout::advance`]); pinned nodes stay where they are. Leaving
    /// the map keeps its positions, and coming back returns to them.
    pub fn arrange(&mut self, graph: &AtlasGraph, to: Arrangement) {
        if to == self.arrangement {
            return;
        }
        let current = self.sim.positions().to_vec();
        let pinned = |i: usize| self.sim.is_pinned(i);
        let target = match to {
            Arrangement::Reading => {
                if self.arrangement == Arrangement::Map {
                    self.saved_map = Some(current.clone());
                }
                reading::positions(graph, self.sim.graph(), &self.node_at, &current, &pinned)
            }
            Arrangement::Map => match self.saved_map.take() {
                Some(mut saved) if saved.len() == current.len() => {
                    for (i, p) in saved.iter_mut().enumerate() {
                        if pinned(i) {
                            *p = current[i];
                        }
                    }
                    saved
                }
                _ => current.clone(),
            },
        };
        self.arrangement = to;
        self.transition = Some(Transition::new(current, target));
    }

    /// [`AtlasLayout::arrange`] without the animation (for exports).
    pub fn arrange_now(&mut self, graph: &AtlasGraph, to: Arrangement) {
        self.arrange(graph, to);
        while self.advance(1.0) {}
    }

    /// Where every node is going: the transition's end while one is under
    /// way, else where it is.
    #[must_use]
    pub fn destination(&self) -> &[[f32; 2]] {
        self.transition.as_ref().map_or(self.sim.positions(), Transition::target)
    }

    /// Whether the force simulation may run: on the map, with no transition
    /// under way. Another arrangement stays exactly as computed (a dragged
    /// node moves alone).
    #[must_use]
    pub fn simulates(&self) -> bool {
        self.arrangement == Arrangement::Map && self.transition.is_none()
    }

    /// Advances the transition by `dt` seconds; true while it is under way.
    pub fn advance(&mut self, dt: f32) -> bool {
        let Some(transition) = self.transition.as_mut() else { return false };
        transition.advance(dt, &mut self.frame);
        self.sim.place_at_rest(&self.frame);
        if transition.is_done() {
            self.transition = None;
        }
        true
    }

    /// Position of a graph node (`None` if it is not in this layout).
    #[must_use]
    pub fn position(&self, n: NodeIndex) -> Option<[f32; 2]> {
        // Layout order is graph order, so without removed nodes the layout
        // index is the graph index: no hashing for the scene's every node.
        let i = if self.node_at.get(n.index()) == Some(&n) { n.index() } else { *self.index_of.get(&n)? };
        self.sim.positions().get(i).copied()
    }

    /// Moves a graph node (a drag); see [`Simulation::set_position`].
    pub fn set_position(&mut self, n: NodeIndex, p: [f32; 2]) {
        if let Some(&i) = self.index_of.get(&n) {
            self.sim.set_position(i, p);
        }
    }

    /// Pins or frees a graph node; see [`Simulation::set_pinned`].
    pub fn set_pinned(&mut self, n: NodeIndex, pinned: bool) {
        if let Some(&i) = self.index_of.get(&n) {
            self.sim.set_pinned(i, pinned);
        }
    }

    /// Whether a graph node is pinned.
    #[must_use]
    pub fn is_pinned(&self, n: NodeIndex) -> bool {
        self.index_of.get(&n).is_some_and(|&i| self.sim.is_pinned(i))
    }

    /// Shows or hides a graph node; see [`Simulation::set_active`].
    pub fn set_active(&mut self, n: NodeIndex, active: bool) {
        if let Some(&i) = self.index_of.get(&n) {
            self.sim.set_active(i, active);
        }
    }

    /// Every node id with its position, in layout order.
    pub fn positions_by_id(&self) -> impl Iterator<Item = (&str, [f32; 2])> + '_ {
        self.ids.iter().map(String::as_str).zip(self.sim.positions().iter().copied())
    }
}

type Dense = (LayoutGraph, Vec<NodeIndex>, HashMap<NodeIndex, usize>, Vec<String>);

/// The layout graph of `graph`, with the index maps and ids.
fn dense(graph: &AtlasGraph) -> Dense {
    let node_at: Vec<NodeIndex> = graph.node_indices().collect();
    let index_of: HashMap<NodeIndex, usize> = node_at.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let ids: Vec<String> =
        node_at.iter().map(|&n| graph.node(n).map(|node| node.id.clone()).unwrap_or_default()).collect();
    let radii: Vec<f32> = node_at.iter().map(|&n| node_radius(graph, n)).collect();
    let mut layout = LayoutGraph::with_radii(radii.clone());
    for (i, r) in radii.iter().enumerate() {
        layout.set_charge(i, (r / 7.0).max(0.5));
    }
    for (s, t, edge) in graph.edges() {
        if let (Some(&a), Some(&b)) = (index_of.get(&s), index_of.get(&t)) {
            let (length, strength) = spring(edge.kind);
            // Both indices come from index_of: in range.
            let _ = layout.add_edge(a, b, length, strength);
        }
    }
    (layout, node_at, index_of, ids)
}

/// Where a paragraph stands in its document's reading order: the unnumbered
/// preambular paragraphs first, by ordinal (PP1, PP2…: the parser only finds
/// them before the first numbered paragraph or heading), then the numbered
/// ones by number, then the annexes' paragraphs (numbered again from 1 in
/// each annex) in the graph's order, which is the parser's reading order,
/// then any paragraph with neither (a graph from elsewhere). Ties keep the
/// graph's order.
pub(super) fn reading_order(node: &crate::graph::Node) -> (u8, u32) {
    match (node.ordinal, node.number) {
        _ if node.annex.is_some() => (2, 0),
        (Some(ordinal), _) => (0, ordinal),
        (None, Some(number)) => (1, number),
        (None, None) => (3, 0),
    }
}

/// The meaningful start: per document (side by side), paragraphs in reading
/// order (see [`reading_order`]) along an Archimedean spiral around the
/// document node (the n-th paragraph at the n-th place outward), sections at
/// the middle of what they contain; then everything else near its placed
/// neighbours.
fn spiral_start(
    graph: &AtlasGraph,
    layout: &LayoutGraph,
    node_at: &[NodeIndex],
    index_of: &HashMap<NodeIndex, usize>,
    seed: u64,
) -> Vec<[f32; 2]> {
    let n = node_at.len();
    let mut positions = vec![[0.0f32; 2]; n];
    let mut placed = vec![false; n];
    let mut rng = SplitMix64::new(seed ^ 0xA71A5);
    let b = SPIRAL_GAP / std::f32::consts::TAU;
    let mut left = 0.0f32;
    let documents: Vec<(usize, String)> = (0..n)
        .filter_map(|i| {
            let node = graph.node(node_at[i])?;
            (node.kind == NodeKind::Document).then(|| (i, node.id.clone()))
        })
        .collect();
    for (doc_index, doc_id) in &documents {
        let mut paragraphs: Vec<((u8, u32), usize)> = (0..n)
            .filter_map(|i| {
                let node = graph.node(node_at[i])?;
                (node.kind == NodeKind::Paragraph && node.document.as_deref() == Some(doc_id.as_str()))
                    .then(|| (reading_order(node), i))
            })
            .collect();
        paragraphs.sort_unstable();
        let turn = rng.next_f32() * std::f32::consts::TAU;
        let mut theta = SPIRAL_START / b;
        let mut spiral = Vec::with_capacity(paragraphs.len());
        for _ in &paragraphs {
            let r = b * theta;
            let a = theta + turn;
            spiral.push([r * a.cos(), r * a.sin()]);
            theta += SPIRAL_STEP / (r * r + b * b).sqrt();
        }
        let outer = b * theta;
        let centre = [left + outer, 0.0];
        left += 2.0 * outer + DOCUMENT_MARGIN;
        positions[*doc_index] = centre;
        placed[*doc_index] = true;
        for ((_, i), s) in paragraphs.iter().zip(spiral) {
            positions[*i] = [centre[0] + s[0], centre[1] + s[1]];
            placed[*i] = true;
        }
    }
    // Sections: the mean of what they contain, deepest first (repeat until
    // nothing changes; each pass uses only the previous passes).
    loop {
        let mut fresh = Vec::new();
        for (i, &node_index) in node_at.iter().enumerate() {
            if placed[i] || graph.node(node_index).is_none_or(|node| node.kind != NodeKind::Section) {
                continue;
            }
            let (mut sx, mut sy, mut m) = (0.0f32, 0.0f32, 0usize);
            for (s, t, edge) in graph.edges() {
                if s == node_index
                    && edge.kind == EdgeKind::Contains
                    && let Some(&j) = index_of.get(&t)
                    && placed[j]
                {
                    sx += positions[j][0];
                    sy += positions[j][1];
                    m += 1;
                }
            }
            if m > 0 {
                fresh.push((i, [sx / m as f32, sy / m as f32]));
            }
        }
        if fresh.is_empty() {
            break;
        }
        for (i, p) in fresh {
            positions[i] = p;
            placed[i] = true;
        }
    }
    // Centre the whole start on the origin (gravity's centre).
    if left > 0.0 {
        let shift = 0.5 * (left - DOCUMENT_MARGIN);
        for (p, _) in positions.iter_mut().zip(&placed).filter(|(_, placed)| **placed) {
            p[0] -= shift;
        }
    }
    initial::place_missing(&mut positions, &mut placed, layout, seed);
    positions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Node;

    /// A document with two sections of three paragraphs each, citing one
    /// resolution from ¶1 and ¶6.
    fn small() -> AtlasGraph {
        let mut g = AtlasGraph::new();
        let doc = g.add_node(Node::new("doc:t", NodeKind::Document, "T"));
        let mut prev = None;
        let mut paras = Vec::new();
        for s in 0..2 {
            let mut sec = Node::new(format!("sec:t:{s}"), NodeKind::Section, format!("§{s}"));
            sec.document = Some("doc:t".into());
            let sec = g.add_node(sec);
            g.add_edge(doc, sec, EdgeKind::Contains, Vec::new());
            for p in 0..3 {
                let number = s * 3 + p + 1;
                let mut node = Node::new(format!("para:t:{number}"), NodeKind::Paragraph, format!("¶{number}"));
                node.document = Some("doc:t".into());
                node.number = Some(number);
                let para = g.add_node(node);
                g.add_edge(sec, para, EdgeKind::Contains, Vec::new());
                if let Some(prev) = prev {
                    g.add_edge(prev, para, EdgeKind::Follows, Vec::new());
                }
                prev = Some(para);
                paras.push(para);
            }
        }
        let res = g.add_node(Node::new("res:A/RES/1/1", NodeKind::Resolution, "1/1"));
        g.add_edge(paras[0], res, EdgeKind::Cites, Vec::new());
        g.add_edge(paras[5], res, EdgeKind::Cites, Vec::new());
        g
    }

    #[test]
    fn start_puts_paragraphs_in_reading_order_and_entities_near_citers() {
        let g = small();
        let layout = AtlasLayout::new(&g, 1);
        let p = |id: &str| layout.position(g.index_of(id).expect("id")).expect("position");
        let d = |a: [f32; 2], b: [f32; 2]| ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
        // Successive paragraphs one spiral step apart (a chord of the arc: a little shorter).
        assert!((d(p("para:t:1"), p("para:t:2")) - SPIRAL_STEP).abs() < 0.1 * SPIRAL_STEP);
        let res = p("res:A/RES/1/1");
        let mid = [(p("para:t:1")[0] + p("para:t:6")[0]) / 2.0, (p("para:t:1")[1] + p("para:t:6")[1]) / 2.0];
        assert!(d(res, mid) < 30.0);
        assert!(
            node_radius(&g, g.index_of("doc:t").expect("doc")) > node_radius(&g, g.index_of("para:t:3").expect("p"))
        );
    }

    /// Distance of each paragraph from its document node in the start
    /// layout, in the order of `ids`.
    fn spiral_radii(g: &AtlasGraph, doc: &str, ids: &[String]) -> Vec<f32> {
        let layout = AtlasLayout::new(g, 1);
        let at = |id: &str| g.index_of(id).and_then(|n| layout.position(n));
        let Some(centre) = at(doc) else { return Vec::new() };
        ids.iter()
            .filter_map(|id| at(id))
            .map(|p| ((p[0] - centre[0]).powi(2) + (p[1] - centre[1]).powi(2)).sqrt())
            .collect()
    }

    fn strictly_increasing(v: &[f32]) -> bool {
        v.windows(2).all(|w| w[0] < w[1])
    }

    #[test]
    fn the_spiral_follows_reading_order_preamble_first() {
        // Added out of order: the spiral must not follow insertion order, nor
        // put the unnumbered preambular paragraphs (ordinal, no number) last.
        let mut g = AtlasGraph::new();
        let doc = g.add_node(Node::new("doc:u", NodeKind::Document, "U"));
        for (pp, k) in [(false, 2), (true, 3), (false, 1), (true, 1), (false, 3), (true, 2)] {
            let id = if pp { format!("para:u:pp{k}") } else { format!("para:u:{k}") };
            let mut node = Node::new(id, NodeKind::Paragraph, if pp { format!("PP{k}") } else { format!("¶{k}") });
            node.document = Some("doc:u".into());
            if pp {
                node.ordinal = Some(k);
            } else {
                node.number = Some(k);
            }
            let para = g.add_node(node);
            g.add_edge(doc, para, EdgeKind::Contains, Vec::new());
        }
        let reading: Vec<String> = ["pp1", "pp2", "pp3", "1", "2", "3"].iter().map(|k| format!("para:u:{k}")).collect();
        let radii = spiral_radii(&g, "doc:u", &reading);
        assert_eq!(radii.len(), 6);
        assert!(strictly_increasing(&radii), "{radii:?}");
        // PP3 and ¶1 are neighbours on the spiral, one step apart.
        let layout = AtlasLayout::new(&g, 1);
        let p = |id: &str| layout.position(g.index_of(id).expect("id")).expect("position");
        let (a, b) = (p("para:u:pp3"), p("para:u:1"));
        let step = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
        assert!((step - SPIRAL_STEP).abs() < 0.1 * SPIRAL_STEP, "{step}");
    }

    #[test]
    fn a_parsed_resolution_spirals_out_in_document_order() {
        let text = "United Nations\nA/RES/80/998\nGeneral Assembly\nDistr.: General\n1 December 2025\n\
            Eightieth session\n25-20999 (E)\n*2520999*\n\
            Resolution adopted by the General Assembly on 1 December 2025\n\
            80/998. Testing the reading order\nThe General Assembly,\n\
            Recalling its resolution 70/125 of 16 December 2015,\n\
            Reaffirming the commitment to build a people-centred information society,\n\
            Welcoming the progress made in connectivity,\n\
            Mindful of the digital divides that remain,\n\
            1. Decides to continue the review;\n\
            2. Requests the Secretary-General to report on the matter;\n\
            3. Decides to remain seized of the matter.\n\
            Annex\nPlan of action\n1. We commit to act.\n2. We will review it.\n";
        let doc = crate::document::parse("un", "test", text);
        let preambular = doc.paragraphs.iter().filter(|p| p.preambular).count();
        assert_eq!((preambular, doc.paragraphs.len()), (4, 9), "{:?}", doc.paragraphs);
        // The annex's ¶1 and ¶2 come after the body's ¶3, not beside its ¶1 and ¶2.
        let reading: Vec<String> = doc.paragraphs.iter().map(|p| p.node_id("un")).collect();
        let catalogue = crate::extract::Catalogue::bundled().expect("bundled catalogue");
        let (g, errors) = AtlasGraph::from_documents(vec![doc], &catalogue);
        assert!(errors.is_empty(), "{errors:?}");
        let radii = spiral_radii(&g, "doc:un", &reading);
        assert_eq!(radii.len(), 9, "{reading:?}");
        assert!(strictly_increasing(&radii), "{reading:?}: {radii:?}");
    }

    #[test]
    fn rebuild_keeps_positions_by_id() {
        let mut g = small();
        let mut layout = AtlasLayout::new(&g, 1);
        layout.sim.run_to_rest(500);
        let para = g.index_of("para:t:2").expect("para");
        layout.set_pinned(para, true);
        let before = layout.position(para).expect("pos");
        let extra = g.add_node(Node::new("org:X", NodeKind::Organization, "X"));
        g.add_edge(para, extra, EdgeKind::Mentions, Vec::new());
        let rebuilt = layout.rebuild(&g, 1);
        assert_eq!(rebuilt.position(para), Some(before));
        assert!(rebuilt.is_pinned(para));
        let x = rebuilt.position(extra).expect("new node placed");
        assert!(((x[0] - before[0]).powi(2) + (x[1] - before[1]).powi(2)).sqrt() < 100.0);
    }
}
