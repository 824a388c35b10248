//! Node-link JSON (the shape d3 and networkx read), with field names that are a contract
//! (annotation files and scripts read them): `kind`, `number`, `text`, `symbol`, `goal`,
//! `acronym`, `name`, `part`, `evidence[].quote`.

use serde::{Deserialize, Serialize};

use crate::graph::{AtlasGraph, Edge, Node};

/// One document in the export's header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentEntry {
    /// Node id of the document (`doc:wsis10`).
    pub id: String,
    /// Its title.
    pub title: String,
    /// Where it was read from.
    pub source: String,
    /// Number of paragraphs.
    pub paragraphs: usize,
}

/// One link: source and target ids, and the edge (kind, evidence).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkEntry {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Kind and evidence.
    #[serde(flatten)]
    pub edge: Edge,
}

/// The whole export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeLink {
    /// The documents in the graph.
    pub documents: Vec<DocumentEntry>,
    /// Every node, in graph order.
    pub nodes: Vec<NodeEntry>,
    /// Every edge, in graph order.
    pub links: Vec<LinkEntry>,
}

/// A node with, when a layout ran, its position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeEntry {
    /// The node's fields.
    #[serde(flatten)]
    pub node: Node,
    /// Layout position (x, y), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<f32>,
    /// See `x`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<f32>,
}

/// Builds the node-link value. `position` gives a node's layout position, if any.
#[must_use]
pub fn node_link(
    graph: &AtlasGraph,
    position: impl Fn(petgraph::stable_graph::NodeIndex) -> Option<[f32; 2]>,
) -> NodeLink {
    node_link_where(graph, position, |_| true)
}

/// [`node_link`] of the nodes for which `visible` holds and the links
/// between them (kind filters, focus).
#[must_use]
pub fn node_link_where(
    graph: &AtlasGraph,
    position: impl Fn(petgraph::stable_graph::NodeIndex) -> Option<[f32; 2]>,
    visible: impl Fn(petgraph::stable_graph::NodeIndex) -> bool,
) -> NodeLink {
    let documents = graph
        .documents()
        .iter()
        .map(|d| DocumentEntry {
            id: crate::id::document(&d.id),
            title: d.title.clone(),
            source: d.source.clone(),
            paragraphs: d.paragraphs.len(),
        })
        .collect();
    let nodes = graph
        .nodes()
        .filter(|(i, _)| visible(*i))
        .map(|(i, n)| {
            let p = position(i);
            NodeEntry { node: n.clone(), x: p.map(|p| p[0]), y: p.map(|p| p[1]) }
        })
        .collect();
    let links = graph
        .edges()
        .filter(|(s, t, _)| visible(*s) && visible(*t))
        .filter_map(|(s, t, e)| {
            Some(LinkEntry { source: graph.node(s)?.id.clone(), target: graph.node(t)?.id.clone(), edge: e.clone() })
        })
        .collect();
    NodeLink { documents, nodes, links }
}

/// The graph as pretty-printed node-link JSON.
///
/// # Errors
///
/// Only if serialisation fails, which plain data does not.
pub fn to_json(
    graph: &AtlasGraph,
    position: impl Fn(petgraph::stable_graph::NodeIndex) -> Option<[f32; 2]>,
) -> Result<String, super::ExportError> {
    to_json_value(&node_link(graph, position))
}

/// A node-link value as pretty-printed JSON with a final line break.
///
/// # Errors
///
/// Only if serialisation fails, which plain data does not.
pub fn to_json_value(value: &NodeLink) -> Result<String, super::ExportError> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| super::ExportError::Encode { what: "JSON", message: e.to_string() })
}
