//! Node-link JSON (the shape d3 and networkx read), with field names that are a contract
//! (annotation files and scripts read them): `kind`, `number`, `text`, `symbol`, `goal`,
//! `acronym`, `name`, `part`, `evidence[].quote`.
//!
//! The file says it is a directed multigraph (`"directed": true,
//! "multigraph": true`, graph attributes under `"graph"`), so networkx
//! builds it as one: `nx.node_link_graph(data, edges="links")` (networkx
//! 3.6 reads `edges` unless told so).

use petgraph::stable_graph::NodeIndex;
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
    /// Its own UN symbol (`A/RES/80/173`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// What it says about itself: adoption date, session, agenda item,
    /// the draft it came from, the plenary meeting (from its masthead).
    #[serde(default, skip_serializing_if = "crate::document::Facts::is_empty")]
    pub facts: crate::document::Facts,
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
    /// A user link's label (kind `annotation`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A user link's note (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A user link's id in its annotation file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_id: Option<String>,
}

/// Graph attributes (networkx puts them in `G.graph`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphInfo {
    /// `WSIS Atlas`.
    pub name: String,
}

impl Default for GraphInfo {
    fn default() -> Self {
        GraphInfo { name: "WSIS Atlas".to_owned() }
    }
}

fn yes() -> bool {
    true
}

/// The whole export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeLink {
    /// Always true: `cites` goes from the paragraph to what it cites.
    #[serde(default = "yes")]
    pub directed: bool,
    /// Always true: two nodes may be joined by edges of several kinds.
    #[serde(default = "yes")]
    pub multigraph: bool,
    /// Graph attributes.
    #[serde(default)]
    pub graph: GraphInfo,
    /// The documents in the graph.
    pub documents: Vec<DocumentEntry>,
    /// Every node, in graph order.
    pub nodes: Vec<NodeEntry>,
    /// Every edge, in graph order (then the user's links, kind `annotation`).
    pub links: Vec<LinkEntry>,
    /// The notes on exported nodes, as in the annotation file (only with
    /// [`with_annotations`](Self::with_annotations)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<crate::annotations::Annotation>,
}

impl NodeLink {
    /// Adds the notes of `set` whose target is an exported node, and its
    /// links between exported nodes as `annotation` links. Returns how many
    /// notes and links were left out (their nodes are not in the export).
    pub fn with_annotations(&mut self, set: &crate::annotations::AnnotationSet) -> (usize, usize) {
        let ids: std::collections::HashSet<&str> = self.nodes.iter().map(|n| n.node.id.as_str()).collect();
        let notes: Vec<_> = set.annotations().iter().filter(|a| ids.contains(a.target.as_str())).cloned().collect();
        let links: Vec<LinkEntry> = set
            .links()
            .iter()
            .filter(|l| ids.contains(l.from.as_str()) && ids.contains(l.to.as_str()))
            .map(|l| LinkEntry {
                source: l.from.clone(),
                target: l.to.clone(),
                edge: Edge {
                    kind: crate::graph::EdgeKind::Annotation,
                    evidence: Vec::new(),
                    score: None,
                    deadlines: Vec::new(),
                },
                label: Some(l.label.clone()).filter(|s| !s.is_empty()),
                note: Some(l.note.clone()).filter(|s| !s.is_empty()),
                link_id: Some(l.id.clone()),
            })
            .collect();
        let left_out = (set.annotations().len() - notes.len(), set.links().len() - links.len());
        self.annotations = notes;
        self.links.extend(links);
        left_out
    }
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
    let documents = document_entries(graph);
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
            Some(LinkEntry {
                source: graph.node(s)?.id.clone(),
                target: graph.node(t)?.id.clone(),
                edge: e.clone(),
                label: None,
                note: None,
                link_id: None,
            })
        })
        .collect();
    NodeLink {
        directed: true,
        multigraph: true,
        graph: GraphInfo::default(),
        documents,
        nodes,
        links,
        annotations: Vec::new(),
    }
}

/// The export's header: one entry per document.
fn document_entries(graph: &AtlasGraph) -> Vec<DocumentEntry> {
    graph
        .documents()
        .iter()
        .map(|d| DocumentEntry {
            id: crate::id::document(&d.id),
            title: d.title.clone(),
            source: d.source.clone(),
            paragraphs: d.paragraphs.len(),
            symbol: d.symbol.clone(),
            facts: d.facts.clone(),
        })
        .collect()
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

/// [`to_json_value`] of [`node_link_where`], byte for byte, written straight
/// from the graph: no copy of its nodes and edges is made, and the text
/// grows once, in one buffer (the export of a large graph costs about what
/// reading it did, not several times its size).
///
/// # Errors
///
/// Only if serialisation fails, which plain data does not.
pub fn write_node_link_where(
    graph: &AtlasGraph,
    position: impl Fn(NodeIndex) -> Option<[f32; 2]>,
    visible: impl Fn(NodeIndex) -> bool,
) -> Result<Vec<u8>, super::ExportError> {
    /// A node as [`NodeEntry`] writes it, borrowed.
    #[derive(Serialize)]
    struct NodeRef<'a> {
        #[serde(flatten)]
        node: &'a Node,
        #[serde(skip_serializing_if = "Option::is_none")]
        x: Option<f32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        y: Option<f32>,
    }
    /// A link as [`LinkEntry`] writes it (no user link here), borrowed.
    #[derive(Serialize)]
    struct LinkRef<'a> {
        source: &'a str,
        target: &'a str,
        #[serde(flatten)]
        edge: &'a Edge,
    }
    /// The visible nodes, written as they are read.
    struct Nodes<'a, P, V>(&'a AtlasGraph, &'a P, &'a V);
    impl<P: Fn(NodeIndex) -> Option<[f32; 2]>, V: Fn(NodeIndex) -> bool> Serialize for Nodes<'_, P, V> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let Nodes(graph, position, visible) = self;
            serializer.collect_seq(graph.nodes().filter(|(i, _)| visible(*i)).map(|(i, node)| {
                let p = position(i);
                NodeRef { node, x: p.map(|p| p[0]), y: p.map(|p| p[1]) }
            }))
        }
    }
    /// The links between visible nodes, written as they are read.
    struct Links<'a, V>(&'a AtlasGraph, &'a V);
    impl<V: Fn(NodeIndex) -> bool> Serialize for Links<'_, V> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let Links(graph, visible) = self;
            serializer.collect_seq(graph.edges().filter(|(s, t, _)| visible(*s) && visible(*t)).filter_map(
                |(s, t, edge)| {
                    Some(LinkRef { source: graph.node(s)?.id.as_str(), target: graph.node(t)?.id.as_str(), edge })
                },
            ))
        }
    }
    /// The export's top level, in [`NodeLink`]'s field order.
    #[derive(Serialize)]
    struct Out<N: Serialize, L: Serialize> {
        directed: bool,
        multigraph: bool,
        graph: GraphInfo,
        documents: Vec<DocumentEntry>,
        nodes: N,
        links: L,
    }
    let out = Out {
        directed: true,
        multigraph: true,
        graph: GraphInfo::default(),
        documents: document_entries(graph),
        nodes: Nodes(graph, &position, &visible),
        links: Links(graph, &visible),
    };
    let mut bytes = Vec::new();
    serde_json::to_writer_pretty(&mut bytes, &out)
        .map_err(|e| super::ExportError::Encode { what: "JSON", message: e.to_string() })?;
    bytes.push(b'\n');
    Ok(bytes)
}
