//! The graph as GraphML (Gephi, yEd, Cytoscape, networkx, igraph, JGraphT):
//! every node with its kind, label, text, the other contract fields of
//! DESIGN.md, its footnotes, its layout position (`x`, `y`), its kind's
//! colour (`r`, `g`, `b`, which Gephi reads, and `color` as `#rrggbb`) and
//! its disc's `size`; a document's node also its `source` and `facts`; every
//! edge with its kind, evidence (offsets in bytes and in characters), score
//! and deadlines. Each attribute is declared as a `<key>`.
//!
//! GraphML ids must be `xs:NMTOKEN`s, which ours (`res:A/RES/217 A (III)`)
//! are not: nodes are written `n0`, `n1`, … in graph order and carry our id
//! in the `atlas_id` attribute; edges are `e0`, `e1`, … (user links `u0`, …).
//! Lists and records (evidence with its offsets, deadlines, notes,
//! footnotes, facts) are JSON text.

use std::fmt::Write as _;

use petgraph::stable_graph::NodeIndex;

use super::fields::{self, json_text};
use super::json::EvidenceEntry;
use super::xml::{escape_into, num_into};
use crate::annotations::AnnotationSet;
use crate::graph::{AtlasGraph, Edge, Node};

/// The attribute holding a node's WSIS Atlas id (`para:wsis10:51`).
pub const ID_KEY: &str = "atlas_id";

/// Node keys besides [`fields::NODE`]: id, notes, position, colour parts.
const NODE_EXTRA: [(&str, &str); 7] = [
    (ID_KEY, "string"),
    ("notes", "string"),
    ("x", "double"),
    ("y", "double"),
    ("r", "int"),
    ("g", "int"),
    ("b", "int"),
];

/// Edge keys: key id, attribute name, type. Key ids are unique across
/// domains: the edge's `kind` and `label` have their own.
const EDGE_KEYS: [(&str, &str, &str); 8] = [
    ("edge_kind", "kind", "string"),
    ("evidence", "evidence", "string"),
    ("evidence_count", "evidence_count", "int"),
    ("score", "score", "double"),
    ("deadlines", "deadlines", "string"),
    ("edge_label", "label", "string"),
    ("edge_note", "note", "string"),
    ("link_id", "link_id", "string"),
];

fn data(out: &mut String, key: &str, value: &str) {
    let _ = write!(out, "      <data key=\"{key}\">");
    escape_into(out, value);
    out.push_str("</data>\n");
}

fn edge_data(out: &mut String, source: &Node, edge: &Edge) {
    data(out, "edge_kind", edge.kind.as_str());
    if !edge.evidence.is_empty() {
        data(out, "evidence", &json_text(&EvidenceEntry::all(source.text.as_deref(), &edge.evidence)));
        data(out, "evidence_count", &edge.evidence.len().to_string());
    }
    if let Some(score) = edge.score() {
        // Per mille: three decimals are exact.
        data(out, "score", &format!("{score:.3}"));
    }
    if !edge.deadlines.is_empty() {
        data(out, "deadlines", &json_text(&edge.deadlines));
    }
}

/// The visible part of `graph` as GraphML: nodes for which `visible` holds
/// and the edges between them, in graph order. `position` gives layout
/// positions (world units, y down as on screen).
///
/// # Complexity
///
/// Linear in the graph.
#[must_use]
pub fn to_graphml(
    graph: &AtlasGraph,
    position: &dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    visible: &dyn Fn(NodeIndex) -> bool,
) -> String {
    to_graphml_with(graph, position, visible, None)
}

/// [`to_graphml`] carrying annotations: each visible node's notes as JSON
/// text in `notes`, and each user link between visible nodes as an edge of
/// kind `annotation` with its `label`, `note` and `link_id`.
#[must_use]
pub fn to_graphml_with(
    graph: &AtlasGraph,
    position: &dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    visible: &dyn Fn(NodeIndex) -> bool,
    notes: Option<&AnnotationSet>,
) -> String {
    let fields = fields::Context::new(graph);
    let mut out = String::with_capacity(1024 + 400 * graph.node_count() + 200 * graph.edge_count());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ");
    out.push_str("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ");
    out.push_str("xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ");
    out.push_str("http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    let node_keys = NODE_EXTRA[..1]
        .iter()
        .copied()
        .chain(fields::NODE.iter().map(|&(name, ty)| (name, ty.graphml())))
        .chain(NODE_EXTRA[1..].iter().copied());
    for (name, ty) in node_keys {
        let _ = writeln!(out, "  <key id=\"{name}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{ty}\"/>");
    }
    for (id, name, ty) in EDGE_KEYS {
        let _ = writeln!(out, "  <key id=\"{id}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{ty}\"/>");
    }
    out.push_str("  <graph id=\"wsis-atlas\" edgedefault=\"directed\">\n");
    // GraphML id of each written node: n0, n1, … in graph order.
    let mut gid: std::collections::HashMap<NodeIndex, usize> = std::collections::HashMap::new();
    for (index, node) in graph.nodes() {
        if !visible(index) {
            continue;
        }
        let n = gid.len();
        gid.insert(index, n);
        let _ = writeln!(out, "    <node id=\"n{n}\">");
        data(&mut out, ID_KEY, &node.id);
        for (key, value) in fields.values(index, node) {
            data(&mut out, key, &value);
        }
        if let Some(set) = notes {
            let on: Vec<_> = set.annotations_for(&node.id).collect();
            if !on.is_empty() {
                data(&mut out, "notes", &json_text(&on));
            }
        }
        if let Some([x, y]) = position(index).filter(|p| p[0].is_finite() && p[1].is_finite()) {
            for (key, v) in [("x", x), ("y", y)] {
                let _ = write!(out, "      <data key=\"{key}\">");
                num_into(&mut out, v);
                out.push_str("</data>\n");
            }
        }
        let [r, g, b] = fields.rgb(node);
        let _ = writeln!(
            out,
            "      <data key=\"r\">{r}</data>\n      <data key=\"g\">{g}</data>\n      <data key=\"b\">{b}</data>"
        );
        out.push_str("    </node>\n");
    }
    for (i, (s, t, edge)) in graph.edges().enumerate() {
        let (Some(source), Some(target)) = (gid.get(&s), gid.get(&t)) else { continue };
        let _ = writeln!(out, "    <edge id=\"e{i}\" source=\"n{source}\" target=\"n{target}\">");
        if let Some(from) = graph.node(s) {
            edge_data(&mut out, from, edge);
        }
        out.push_str("    </edge>\n");
    }
    if let Some(set) = notes {
        for (i, link) in set.links().iter().enumerate() {
            let ends = graph.index_of(&link.from).zip(graph.index_of(&link.to));
            let Some((Some(source), Some(target))) = ends.map(|(s, t)| (gid.get(&s), gid.get(&t))) else { continue };
            let _ = writeln!(out, "    <edge id=\"u{i}\" source=\"n{source}\" target=\"n{target}\">");
            data(&mut out, "edge_kind", crate::graph::EdgeKind::Annotation.as_str());
            if !link.label.is_empty() {
                data(&mut out, "edge_label", &link.label);
            }
            if !link.note.is_empty() {
                data(&mut out, "edge_note", &link.note);
            }
            data(&mut out, "link_id", &link.id);
            out.push_str("    </edge>\n");
        }
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
