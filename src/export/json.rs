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

use crate::graph::{AtlasGraph, Edge, EdgeKind, Evidence, Node};

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

/// One link: source and target ids, its kind and, for links that come from
/// the text, the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkEntry {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// What it says (`cites`, `mentions`, `addressed_to`, …).
    pub kind: EdgeKind,
    /// Quoted spans of the source's text, in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceEntry>,
    /// Similarity of a `similar` link, 0..=1.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::graph::permille")]
    pub score: Option<u16>,
    /// Deadlines of an `addressed_to` link, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<String>,
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

impl LinkEntry {
    /// The link of `edge` from `source` to `target`, whose evidence quotes
    /// `text` (the source's text; evidence offsets in characters need it).
    #[must_use]
    pub fn of_edge(source: &Node, target: &Node, edge: &Edge) -> Self {
        LinkEntry {
            source: source.id.clone(),
            target: target.id.clone(),
            kind: edge.kind,
            evidence: EvidenceEntry::all(source.text.as_deref(), &edge.evidence),
            score: edge.score,
            deadlines: edge.deadlines.clone(),
            label: None,
            note: None,
            link_id: None,
        }
    }

    /// The graph's edge this link carries (evidence offsets in bytes).
    #[must_use]
    pub fn edge(&self) -> Edge {
        Edge {
            kind: self.kind,
            evidence: self
                .evidence
                .iter()
                .map(|e| Evidence { start: e.start, end: e.end, quote: e.quote.clone() })
                .collect(),
            score: self.score,
            deadlines: self.deadlines.clone(),
        }
    }
}

/// One quoted span of a link's evidence, located twice: `start`/`end` in
/// UTF-8 bytes (Rust, Go, C), `char_start`/`char_end` in characters
/// (Unicode scalar values: Python's `text[char_start:char_end]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceEntry {
    /// Byte offset of the quote in the source's `text` (UTF-8).
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Character offset of the quote in the source's `text`.
    pub char_start: usize,
    /// Character offset one past its end.
    pub char_end: usize,
    /// The exact words.
    pub quote: String,
}

impl EvidenceEntry {
    /// Every span of `evidence` with its character offsets in `text`
    /// (counted once through the text: linear in it). Without the text, or
    /// for a span that does not fall on its character boundaries, the
    /// character offsets count the quote from the byte offset's characters
    /// as far as they go.
    #[must_use]
    pub fn all(text: Option<&str>, evidence: &[Evidence]) -> Vec<EvidenceEntry> {
        let text = text.unwrap_or_default();
        // Byte offset -> characters before it, for each boundary asked, in order.
        let mut asked: Vec<usize> = evidence.iter().flat_map(|e| [e.start, e.end]).collect();
        asked.sort_unstable();
        asked.dedup();
        let mut chars_at = rustc_hash::FxHashMap::default();
        let mut chars = 0usize;
        let mut boundaries = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).peekable();
        for &byte in &asked {
            while let Some(&b) = boundaries.peek() {
                if b >= byte {
                    break;
                }
                boundaries.next();
                chars += 1;
            }
            chars_at.insert(byte, chars);
        }
        evidence
            .iter()
            .map(|e| {
                let char_start = chars_at.get(&e.start).copied().unwrap_or_default();
                let char_end = chars_at.get(&e.end).copied().unwrap_or_else(|| char_start + e.quote.chars().count());
                EvidenceEntry { start: e.start, end: e.end, char_start, char_end, quote: e.quote.clone() }
            })
            .collect()
    }
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
                kind: EdgeKind::Annotation,
                evidence: Vec::new(),
                score: None,
                deadlines: Vec::new(),
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
    /// Its kind's colour on the map (light theme), `#rrggbb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Its disc's radius on the map, in layout units (grows with its links).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<f32>,
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
    let style = crate::style::Style::new(crate::style::Theme::Light);
    let nodes = graph
        .nodes()
        .filter(|(i, _)| visible(*i))
        .map(|(i, n)| {
            let p = position(i);
            NodeEntry {
                node: n.clone(),
                x: p.map(|p| p[0]),
                y: p.map(|p| p[1]),
                color: Some(style.node_color(n.kind).to_hex()),
                size: Some(super::node_size(graph, i)),
            }
        })
        .collect();
    let links = graph
        .edges()
        .filter(|(s, t, _)| visible(*s) && visible(*t))
        .filter_map(|(s, t, e)| Some(LinkEntry::of_edge(graph.node(s)?, graph.node(t)?, e)))
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
        color: String,
        size: f32,
    }
    /// A link as [`LinkEntry`] writes it (no user link here), borrowed
    /// but for its evidence, which gains character offsets.
    #[derive(Serialize)]
    struct LinkRef<'a> {
        source: &'a str,
        target: &'a str,
        kind: EdgeKind,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        evidence: Vec<EvidenceEntry>,
        #[serde(skip_serializing_if = "Option::is_none", with = "crate::graph::permille")]
        score: Option<u16>,
        #[serde(skip_serializing_if = "<[String]>::is_empty")]
        deadlines: &'a [String],
    }
    /// The visible nodes, written as they are read.
    struct Nodes<'a, P, V>(&'a AtlasGraph, &'a P, &'a V);
    impl<P: Fn(NodeIndex) -> Option<[f32; 2]>, V: Fn(NodeIndex) -> bool> Serialize for Nodes<'_, P, V> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let Nodes(graph, position, visible) = self;
            let style = crate::style::Style::new(crate::style::Theme::Light);
            serializer.collect_seq(graph.nodes().filter(|(i, _)| visible(*i)).map(|(i, node)| {
                let p = position(i);
                NodeRef {
                    node,
                    x: p.map(|p| p[0]),
                    y: p.map(|p| p[1]),
                    color: style.node_color(node.kind).to_hex(),
                    size: super::node_size(graph, i),
                }
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
                    let from = graph.node(s)?;
                    Some(LinkRef {
                        source: from.id.as_str(),
                        target: graph.node(t)?.id.as_str(),
                        kind: edge.kind,
                        evidence: EvidenceEntry::all(from.text.as_deref(), &edge.evidence),
                        score: edge.score,
                        deadlines: &edge.deadlines,
                    })
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
