//! The graph as GraphML (Gephi, yEd, Cytoscape, networkx, igraph): every
//! node with its kind, label, text, the other fields of the node-link JSON
//! and its layout position (`x`, `y`) plus its kind's colour (`r`, `g`,
//! `b`, which Gephi reads); every edge with its kind and evidence quotes.
//! Each attribute is declared as a `<key>`.

use std::fmt::Write as _;

use petgraph::stable_graph::NodeIndex;

use super::xml::{escape_into, num_into};
use crate::graph::{AtlasGraph, Node};
use crate::style::{Style, Theme};

/// One declared attribute: key id (= attribute name), domain, GraphML type.
struct Key {
    name: &'static str,
    domain: &'static str,
    ty: &'static str,
}

const KEYS: [Key; 21] = [
    Key { name: "label", domain: "node", ty: "string" },
    Key { name: "kind", domain: "node", ty: "string" },
    Key { name: "text", domain: "node", ty: "string" },
    Key { name: "title", domain: "node", ty: "string" },
    Key { name: "name", domain: "node", ty: "string" },
    Key { name: "document", domain: "node", ty: "string" },
    Key { name: "number", domain: "node", ty: "int" },
    Key { name: "section", domain: "node", ty: "string" },
    Key { name: "symbol", domain: "node", ty: "string" },
    Key { name: "date", domain: "node", ty: "string" },
    Key { name: "goal", domain: "node", ty: "int" },
    Key { name: "acronym", domain: "node", ty: "string" },
    Key { name: "part", domain: "node", ty: "string" },
    Key { name: "annex", domain: "node", ty: "string" },
    Key { name: "x", domain: "node", ty: "double" },
    Key { name: "y", domain: "node", ty: "double" },
    Key { name: "r", domain: "node", ty: "int" },
    Key { name: "g", domain: "node", ty: "int" },
    Key { name: "b", domain: "node", ty: "int" },
    Key { name: "edge_kind", domain: "edge", ty: "string" },
    Key { name: "evidence", domain: "edge", ty: "string" },
];

/// Separator between evidence quotes in the `evidence` edge attribute.
pub const EVIDENCE_SEPARATOR: &str = " | ";

fn data(out: &mut String, key: &str, value: &str) {
    let _ = write!(out, "      <data key=\"{key}\">");
    escape_into(out, value);
    out.push_str("</data>\n");
}

fn node_data(out: &mut String, node: &Node) {
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
    if let Some(n) = node.number {
        data(out, "number", &n.to_string());
    }
    if let Some(g) = node.goal {
        data(out, "goal", &g.to_string());
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
    let style = Style::new(Theme::Light);
    let mut out = String::with_capacity(1024 + 400 * graph.node_count() + 200 * graph.edge_count());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ");
    out.push_str("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ");
    out.push_str("xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ");
    out.push_str("http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for k in &KEYS {
        // The edge kind's attribute is called `kind` like the node's, but
        // key ids must be unique.
        let attr = if k.name == "edge_kind" { "kind" } else { k.name };
        let _ = writeln!(
            out,
            "  <key id=\"{}\" for=\"{}\" attr.name=\"{attr}\" attr.type=\"{}\"/>",
            k.name, k.domain, k.ty
        );
    }
    out.push_str("  <graph id=\"wsis-atlas\" edgedefault=\"directed\">\n");
    for (index, node) in graph.nodes() {
        if !visible(index) {
            continue;
        }
        out.push_str("    <node id=\"");
        escape_into(&mut out, &node.id);
        out.push_str("\">\n");
        node_data(&mut out, node);
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
        if !(visible(s) && visible(t)) {
            continue;
        }
        let (Some(source), Some(target)) = (graph.node(s), graph.node(t)) else { continue };
        let _ = write!(out, "    <edge id=\"e{i}\" source=\"");
        escape_into(&mut out, &source.id);
        out.push_str("\" target=\"");
        escape_into(&mut out, &target.id);
        out.push_str("\">\n");
        data(&mut out, "edge_kind", edge.kind.as_str());
        if !edge.evidence.is_empty() {
            let quotes: Vec<&str> = edge.evidence.iter().map(|e| e.quote.as_str()).collect();
            data(&mut out, "evidence", &quotes.join(EVIDENCE_SEPARATOR));
        }
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
