//! The graph as GraphML (Gephi, yEd, Cytoscape, networkx, igraph, JGraphT):
//! every node with its kind, label, text, the other contract fields of
//! DESIGN.md and its layout position (`x`, `y`) plus its kind's colour
//! (`r`, `g`, `b`, which Gephi reads); every edge with its kind, evidence,
//! score and deadlines. Each attribute is declared as a `<key>`.
//!
//! GraphML ids must be `xs:NMTOKEN`s, which ours (`res:A/RES/217 A (III)`)
//! are not: nodes are written `n0`, `n1`, … in graph order and carry our id
//! in the `atlas_id` attribute; edges are `e0`, `e1`, … (user links `u0`, …).
//! Lists (evidence with its offsets, deadlines, notes) are JSON text.

use std::fmt::Write as _;

use petgraph::stable_graph::NodeIndex;

use super::xml::{escape_into, num_into};
use crate::annotations::AnnotationSet;
use crate::graph::{AtlasGraph, Edge, Node};
use crate::style::{Style, Theme};

/// One declared attribute: key id, domain, attribute name, GraphML type.
struct Key {
    id: &'static str,
    domain: &'static str,
    name: &'static str,
    ty: &'static str,
}

const fn key(id: &'static str, domain: &'static str, name: &'static str, ty: &'static str) -> Key {
    Key { id, domain, name, ty }
}

/// The attribute holding a node's WSIS Atlas id (`para:wsis10:51`).
pub const ID_KEY: &str = "atlas_id";

const KEYS: [Key; 31] = [
    key(ID_KEY, "node", ID_KEY, "string"),
    key("label", "node", "label", "string"),
    key("kind", "node", "kind", "string"),
    key("text", "node", "text", "string"),
    key("title", "node", "title", "string"),
    key("name", "node", "name", "string"),
    key("document", "node", "document", "string"),
    key("number", "node", "number", "int"),
    key("ordinal", "node", "ordinal", "int"),
    key("section", "node", "section", "string"),
    key("symbol", "node", "symbol", "string"),
    key("date", "node", "date", "string"),
    key("goal", "node", "goal", "int"),
    key("acronym", "node", "acronym", "string"),
    key("part", "node", "part", "string"),
    key("annex", "node", "annex", "string"),
    key("roles", "node", "roles", "string"),
    key("notes", "node", "notes", "string"),
    key("x", "node", "x", "double"),
    key("y", "node", "y", "double"),
    key("r", "node", "r", "int"),
    key("g", "node", "g", "int"),
    key("b", "node", "b", "int"),
    // Key ids are unique across domains: the edge's `kind` and `label` have their own.
    key("edge_kind", "edge", "kind", "string"),
    key("evidence", "edge", "evidence", "string"),
    key("evidence_count", "edge", "evidence_count", "int"),
    key("score", "edge", "score", "double"),
    key("deadlines", "edge", "deadlines", "string"),
    key("edge_label", "edge", "label", "string"),
    key("edge_note", "edge", "note", "string"),
    key("link_id", "edge", "link_id", "string"),
];

fn data(out: &mut String, key: &str, value: &str) {
    let _ = write!(out, "      <data key=\"{key}\">");
    escape_into(out, value);
    out.push_str("</data>\n");
}

/// JSON text of a value (plain data always serialises).
fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn node_data(out: &mut String, node: &Node) {
    data(out, ID_KEY, &node.id);
    data(out, "label", &node.label);
    data(out, "kind", node.kind.as_str());
    let strings = [
        ("text", &node.text),
        ("title", &node.title),
        ("name", &node.name),
        ("document", &node.document),
        ("section", &node.section),
        ("symbol", &node.symbol),
        ("date", &node.date),
        ("acronym", &node.acronym),
        ("part", &node.part),
        ("annex", &node.annex),
    ];
    for (key, value) in strings {
        if let Some(v) = value {
            data(out, key, v);
        }
    }
    for (key, value) in [("number", node.number), ("ordinal", node.ordinal), ("goal", node.goal.map(u32::from))] {
        if let Some(n) = value {
            data(out, key, &n.to_string());
        }
    }
    if !node.roles.is_empty() {
        let roles: Vec<&str> = node.roles.iter().map(|r| r.as_str()).collect();
        data(out, "roles", &roles.join(","));
    }
}

fn edge_data(out: &mut String, edge: &Edge) {
    data(out, "edge_kind", edge.kind.as_str());
    if !edge.evidence.is_empty() {
        data(out, "evidence", &json_text(&edge.evidence));
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
    let style = Style::new(Theme::Light);
    let mut out = String::with_capacity(1024 + 400 * graph.node_count() + 200 * graph.edge_count());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ");
    out.push_str("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ");
    out.push_str("xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ");
    out.push_str("http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for k in &KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"/>",
            k.id, k.domain, k.name, k.ty
        );
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
        node_data(&mut out, node);
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
        let [r, g, b, _] = style.node_color(node.kind).0;
        let _ = writeln!(
            out,
            "      <data key=\"r\">{r}</data>\n      <data key=\"g\">{g}</data>\n      <data key=\"b\">{b}</data>"
        );
        out.push_str("    </node>\n");
    }
    for (i, (s, t, edge)) in graph.edges().enumerate() {
        let (Some(source), Some(target)) = (gid.get(&s), gid.get(&t)) else { continue };
        let _ = writeln!(out, "    <edge id=\"e{i}\" source=\"n{source}\" target=\"n{target}\">");
        edge_data(&mut out, edge);
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
