//! The graph as GEXF 1.3, Gephi's own format: every node with the
//! attributes of the other data exports ([`super::fields::NODE`]) and its
//! look as Gephi's `viz` elements (position, colour, size), every edge with
//! its `kind` — GEXF 1.3 keeps parallel edges of different kinds apart, so
//! a paragraph's `mentions` and `addressed_to` links to one body stay two
//! edges in Gephi — its evidence (offsets in bytes and characters), score
//! as `weight` and deadlines.
//!
//! Node ids are WSIS Atlas ids (`para:wsis10:51`), which GEXF allows.

use std::fmt::Write as _;

use petgraph::stable_graph::NodeIndex;

use super::fields::{self, json_text};
use super::json::EvidenceEntry;
use super::xml::{escape_into, num_into};
use crate::annotations::AnnotationSet;
use crate::graph::AtlasGraph;

/// Edge attributes: id and type.
/// `kind` is also an attribute value, for readers that do not keep GEXF's
/// edge `kind` (networkx).
const EDGE_ATTRIBUTES: [(&str, &str); 5] = [
    ("kind", "string"),
    ("evidence", "string"),
    ("evidence_count", "integer"),
    ("deadlines", "string"),
    ("note", "string"),
];

fn attvalue(out: &mut String, key: &str, value: &str) {
    let _ = write!(out, "          <attvalue for=\"{key}\" value=\"");
    escape_into(out, value);
    out.push_str("\"/>\n");
}

fn gexf_type(ty: fields::Type) -> &'static str {
    match ty {
        fields::Type::String => "string",
        fields::Type::Int => "integer",
        fields::Type::Double => "double",
    }
}

/// The visible part of `graph` as GEXF 1.3: nodes for which `visible` holds
/// and the edges between them, in graph order; `position` gives layout
/// positions (Gephi's y points up, so y is negated to keep the map's
/// orientation). With `notes`, each node's notes as JSON text in `notes` and
/// each user link between visible nodes as an edge of kind `annotation`.
///
/// # Complexity
///
/// Linear in the graph.
#[must_use]
pub fn to_gexf(
    graph: &AtlasGraph,
    position: &dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    visible: &dyn Fn(NodeIndex) -> bool,
    notes: Option<&AnnotationSet>,
) -> String {
    let fields = fields::Context::new(graph);
    let mut out = String::with_capacity(1024 + 500 * graph.node_count() + 200 * graph.edge_count());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" ");
    out.push_str("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ");
    out.push_str("xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n");
    out.push_str("  <meta>\n    <creator>WSIS Atlas</creator>\n    <description>");
    let titles: Vec<&str> = graph.documents().iter().map(|d| d.title.as_str()).collect();
    escape_into(&mut out, &titles.join("; "));
    out.push_str("</description>\n  </meta>\n");
    out.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n    <attributes class=\"node\">\n");
    for (name, ty) in fields::NODE.iter().map(|&(n, t)| (n, gexf_type(t))).chain([("notes", "string")]) {
        let _ = writeln!(out, "      <attribute id=\"{name}\" title=\"{name}\" type=\"{ty}\"/>");
    }
    out.push_str("    </attributes>\n    <attributes class=\"edge\">\n");
    for (name, ty) in EDGE_ATTRIBUTES {
        let _ = writeln!(out, "      <attribute id=\"{name}\" title=\"{name}\" type=\"{ty}\"/>");
    }
    out.push_str("    </attributes>\n    <nodes>\n");
    for (index, node) in graph.nodes() {
        if !visible(index) {
            continue;
        }
        out.push_str("      <node id=\"");
        escape_into(&mut out, &node.id);
        out.push_str("\" label=\"");
        escape_into(&mut out, &node.label);
        out.push_str("\">\n        <attvalues>\n");
        for (key, value) in fields.values(index, node) {
            attvalue(&mut out, key, &value);
        }
        if let Some(set) = notes {
            let on: Vec<_> = set.annotations_for(&node.id).collect();
            if !on.is_empty() {
                attvalue(&mut out, "notes", &json_text(&on));
            }
        }
        out.push_str("        </attvalues>\n");
        if let Some([x, y]) = position(index).filter(|p| p[0].is_finite() && p[1].is_finite()) {
            out.push_str("        <viz:position x=\"");
            num_into(&mut out, x);
            out.push_str("\" y=\"");
            num_into(&mut out, -y);
            out.push_str("\" z=\"0\"/>\n");
        }
        let [r, g, b] = fields.rgb(node);
        let _ = writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>");
        out.push_str("        <viz:size value=\"");
        num_into(&mut out, super::node_size(graph, index));
        out.push_str("\"/>\n      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (i, (s, t, edge)) in graph.edges().enumerate() {
        let (Some(from), Some(to)) = (graph.node(s), graph.node(t)) else { continue };
        if !(visible(s) && visible(t)) {
            continue;
        }
        edge_open(&mut out, &format!("e{i}"), &from.id, &to.id, edge.kind.as_str());
        if let Some(score) = edge.score() {
            let _ = write!(out, " weight=\"{score:.3}\"");
        }
        let mut values = vec![("kind", edge.kind.as_str().to_owned())];
        if !edge.evidence.is_empty() {
            values.push(("evidence", json_text(&EvidenceEntry::all(from.text.as_deref(), &edge.evidence))));
            values.push(("evidence_count", edge.evidence.len().to_string()));
        }
        if !edge.deadlines.is_empty() {
            values.push(("deadlines", json_text(&edge.deadlines)));
        }
        edge_close(&mut out, &values);
    }
    if let Some(set) = notes {
        let shown = |id: &str| graph.index_of(id).is_some_and(visible);
        for (i, link) in set.links().iter().enumerate().filter(|(_, l)| shown(&l.from) && shown(&l.to)) {
            edge_open(&mut out, &format!("u{i}"), &link.from, &link.to, crate::graph::EdgeKind::Annotation.as_str());
            if !link.label.is_empty() {
                out.push_str(" label=\"");
                escape_into(&mut out, &link.label);
                out.push('"');
            }
            let mut values = vec![("kind", crate::graph::EdgeKind::Annotation.as_str().to_owned())];
            if !link.note.is_empty() {
                values.push(("note", link.note.clone()));
            }
            edge_close(&mut out, &values);
        }
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// Closes an edge's start tag, with its attribute values if any (GEXF
/// wants at least one inside `attvalues`).
fn edge_close(out: &mut String, values: &[(&str, String)]) {
    if values.is_empty() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n        <attvalues>\n");
    for (key, value) in values {
        attvalue(out, key, value);
    }
    out.push_str("        </attvalues>\n      </edge>\n");
}

/// `<edge id source target kind` (the tag left open for more attributes).
fn edge_open(out: &mut String, id: &str, source: &str, target: &str, kind: &str) {
    let _ = write!(out, "      <edge id=\"{id}\" source=\"");
    escape_into(out, source);
    out.push_str("\" target=\"");
    escape_into(out, target);
    let _ = write!(out, "\" kind=\"{kind}\"");
}
