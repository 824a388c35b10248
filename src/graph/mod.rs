//! The cross-reference graph: one petgraph [`StableGraph`] of documents,
//! sections, paragraphs and the entities they refer to.
//!
//! Node ids are stable, readable strings (`para:wsis10:32`, `res:A/RES/68/302`):
//! annotation files and the command line point at nodes by id. Indices
//! ([`NodeIndex`]) survive removals (that is `StableGraph`'s guarantee), so the
//! layout and the window can key their state by index.

mod build;
pub use build::{Added, GraphError, build};
mod documents;
mod query;
mod role;
pub mod snippet;

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::{Deserialize, Serialize};

use crate::document::Document;

pub use query::{Census, SearchHit};
pub use role::Role;

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A loaded document (`doc:wsis10`).
    Document,
    /// A heading and its paragraphs (`sec:wsis10:1.1`).
    Section,
    /// One numbered paragraph (`para:wsis10:32`).
    Paragraph,
    /// A UN resolution (`res:A/RES/68/302`).
    Resolution,
    /// A named agreement, declaration or agenda, or a part of one
    /// (`inst:tunis-agenda`, `inst:tunis-agenda:55`, `inst:udhr:art19`).
    Instrument,
    /// A UN body, agency, forum or process (`org:CSTD`).
    Organization,
    /// A Sustainable Development Goal (`sdg:5`).
    Sdg,
    /// A stakeholder or population group (`stk:civil-society`).
    Stakeholder,
    /// A WSIS Action Line (`al:C10`).
    ActionLine,
    /// A UN document cited by its symbol that is not a resolution: a report,
    /// a record, a note (`undoc:A/70/53`).
    CitedDocument,
}

impl NodeKind {
    /// Every kind, in the order legends and filters list them.
    pub const ALL: [NodeKind; 10] = [
        NodeKind::Document,
        NodeKind::Section,
        NodeKind::Paragraph,
        NodeKind::Resolution,
        NodeKind::Instrument,
        NodeKind::Organization,
        NodeKind::Sdg,
        NodeKind::Stakeholder,
        NodeKind::ActionLine,
        NodeKind::CitedDocument,
    ];

    /// Position in [`NodeKind::ALL`] (for tables indexed by kind).
    #[must_use]
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The kinds that documents refer to (everything but documents,
    /// sections and paragraphs).
    pub const ENTITIES: [NodeKind; 7] = [
        NodeKind::Resolution,
        NodeKind::Instrument,
        NodeKind::Organization,
        NodeKind::Sdg,
        NodeKind::Stakeholder,
        NodeKind::ActionLine,
        NodeKind::CitedDocument,
    ];

    /// The name used in JSON, on the command line and in the README: `action_line`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Document => "document",
            NodeKind::Section => "section",
            NodeKind::Paragraph => "paragraph",
            NodeKind::Resolution => "resolution",
            NodeKind::Instrument => "instrument",
            NodeKind::Organization => "organization",
            NodeKind::Sdg => "sdg",
            NodeKind::Stakeholder => "stakeholder",
            NodeKind::ActionLine => "action_line",
            NodeKind::CitedDocument => "cited_document",
        }
    }

    /// Human-readable plural for legends: "Paragraphs", "SDGs".
    #[must_use]
    pub fn plural(self) -> &'static str {
        match self {
            NodeKind::Document => "Documents",
            NodeKind::Section => "Sections",
            NodeKind::Paragraph => "Paragraphs",
            NodeKind::Resolution => "Resolutions",
            NodeKind::Instrument => "Instruments",
            NodeKind::Organization => "Bodies",
            NodeKind::Sdg => "SDGs",
            NodeKind::Stakeholder => "Stakeholders",
            NodeKind::ActionLine => "Action Lines",
            NodeKind::CitedDocument => "Cited documents",
        }
    }

    /// Parses [`NodeKind::as_str`]'s names.
    #[must_use]
    pub fn parse(name: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// What an edge says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// Document → section, section → sub-section, section → paragraph.
    Contains,
    /// Paragraph → the next paragraph in reading order.
    Follows,
    /// An explicit reference ("resolution 68/302", "SDG 5").
    Cites,
    /// A named body or stakeholder group.
    Mentions,
    /// An SDG inferred from vocabulary: weaker than `Cites`.
    Thematic,
    /// A part of an instrument → the instrument; a paragraph of a resolution
    /// → the resolution (or → the loaded document that is the resolution's
    /// text, when that paragraph is not one of its numbered paragraphs). A
    /// citation of a loaded document is a `cites` edge to its node
    /// (`doc:wsis10`, `para:wsis10:71`), not to a resolution node.
    PartOf,
    /// A link a user drew in an annotation file.
    Annotation,
    /// Paragraph → the body or stakeholder group it asks to act ("We call on
    /// all governments…", "invite the Chair of the CSTD"); see `analysis`.
    AddressedTo,
    /// Paragraph → a paragraph that says nearly the same thing; carries a `score`.
    Similar,
}

impl EdgeKind {
    /// Every kind.
    pub const ALL: [EdgeKind; 9] = [
        EdgeKind::Contains,
        EdgeKind::Follows,
        EdgeKind::Cites,
        EdgeKind::Mentions,
        EdgeKind::Thematic,
        EdgeKind::PartOf,
        EdgeKind::Annotation,
        EdgeKind::AddressedTo,
        EdgeKind::Similar,
    ];

    /// The name used in JSON and on the command line: `part_of`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Contains => "contains",
            EdgeKind::Follows => "follows",
            EdgeKind::Cites => "cites",
            EdgeKind::Mentions => "mentions",
            EdgeKind::Thematic => "thematic",
            EdgeKind::PartOf => "part_of",
            EdgeKind::Annotation => "annotation",
            EdgeKind::AddressedTo => "addressed_to",
            EdgeKind::Similar => "similar",
        }
    }

    /// The link as a reader says it: `¶51 cites 69/166`.
    #[must_use]
    pub fn verb(self) -> &'static str {
        match self {
            EdgeKind::Contains => "contains",
            EdgeKind::Follows => "is followed by",
            EdgeKind::Cites => "cites",
            EdgeKind::Mentions => "mentions",
            EdgeKind::Thematic => "is on the theme of",
            EdgeKind::PartOf => "is part of",
            EdgeKind::Annotation => "is linked by you to",
            EdgeKind::AddressedTo => "asks",
            EdgeKind::Similar => "is similar to",
        }
    }
}

impl AtlasGraph {
    /// Why the `kind` link from `source` to `target` is there, in one
    /// line: `¶51 cites 69/166: “General Assembly resolution 69/166”` (the
    /// first quoted words of its evidence, and how many more), or, for a
    /// structural link, what it is. `None` when there is no such link.
    #[must_use]
    pub fn explain_edge(&self, source: NodeIndex, target: NodeIndex, kind: EdgeKind) -> Option<String> {
        let edge = self.edge(self.edge_between(source, target, kind)?)?;
        let (from, to) = (self.node(source)?, self.node(target)?);
        let mut out = format!("{} {} {}", from.label, kind.verb(), to.label);
        if let Some(first) = edge.evidence.first() {
            out.push_str(&format!(": \u{201c}{}\u{201d}", first.quote));
            if edge.evidence.len() > 1 {
                out.push_str(&format!(" (+{} more)", edge.evidence.len() - 1));
            }
        }
        if let Some(score) = edge.score {
            out.push_str(&format!(" (score {:.2})", f64::from(score) / 1000.0));
        }
        Some(out)
    }
}

/// One node. Fields that do not apply to its kind are `None`; the names are
/// the JSON contract of the node-link export (README, "Export").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// Stable id (`para:wsis10:32`).
    pub id: String,
    /// What it is.
    pub kind: NodeKind,
    /// Short label for the map (`¶32`, `68/302`, `SDG 5`).
    pub label: String,
    /// Document id (`doc:wsis10`) of a paragraph or section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Printed number of a numbered paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Ordinal of an unnumbered preambular paragraph (`3` for PP3,
    /// `para:<doc>:pp3`); such a paragraph has no `number`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<u32>,
    /// The annex a paragraph belongs to (`annex`, `annex-ii`; see
    /// [`crate::document::Paragraph::annex`]): its `number` restarts from 1
    /// there, so `number` alone does not tell paragraphs apart. `None` (and
    /// absent from JSON) for the body of a document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annex: Option<String>,
    /// Section key (`1.1`) of a paragraph or section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Full text of a paragraph: its own words, each footnote marker as
    /// `[n]` where it stood, then each footnote on a line of its own as
    /// `[n] text` (see [`crate::document::Paragraph::display_text`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A paragraph's footnotes, each with its number, text and the byte
    /// offset of its marker in the paragraph's own words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<crate::document::Footnote>,
    /// Title of a document, section, resolution or SDG.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Resolution symbol (`A/RES/68/302`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// Date of adoption (ISO 8601) where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// SDG number, 1..=17.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<u8>,
    /// Acronym of an organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// Full name of an instrument, organization or stakeholder group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The part of an instrument: `paragraph 55`, `article 19`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Clause roles of a paragraph (`recalls`, `commits`, `calls`), in order
    /// of first appearance; see [`crate::analysis::roles`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
}

impl Node {
    /// A node with only id, kind and label set.
    #[must_use]
    pub fn new(id: impl Into<String>, kind: NodeKind, label: impl Into<String>) -> Self {
        Node {
            id: id.into(),
            kind,
            label: label.into(),
            document: None,
            number: None,
            ordinal: None,
            annex: None,
            section: None,
            text: None,
            footnotes: Vec::new(),
            title: None,
            symbol: None,
            date: None,
            goal: None,
            acronym: None,
            name: None,
            part: None,
            roles: Vec::new(),
        }
    }

    /// The longest human name known: full name, else title, else label.
    #[must_use]
    pub fn display_name(&self) -> &str {
        self.name.as_deref().or(self.title.as_deref()).unwrap_or(&self.label)
    }
}

/// The words in a paragraph that justify an edge.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// Byte offset of the quote in the source paragraph's `text` (UTF-8).
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The exact words: `text[start..end]`.
    pub quote: String,
}

/// One edge: its kind and, for edges that come from the text, the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    /// What it says.
    pub kind: EdgeKind,
    /// Quoted spans of the source paragraph, in text order; empty for
    /// structural edges (`contains`, `follows`, `part_of`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Similarity of a `similar` edge, per mille (0..=1000): an integer so
    /// that edges stay `Eq` and exports are byte-stable. JSON carries it as a
    /// number in 0..=1 (`"score": 0.734`).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "permille")]
    pub score: Option<u16>,
    /// Deadlines named in the tasks of an `addressed_to` edge, as written
    /// (`no later than July 2016`, `by 2020`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<String>,
}

impl Edge {
    /// The similarity score of a `similar` edge in 0..=1.
    #[must_use]
    pub fn score(&self) -> Option<f32> {
        self.score.map(|p| f32::from(p) / 1000.0)
    }
}

/// Per-mille scores as JSON numbers in 0..=1.
pub(crate) mod permille {
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::ref_option)] // serde's `with` passes a reference to the field
    pub fn serialize<S: Serializer>(value: &Option<u16>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(p) => s.serialize_some(&(f64::from(*p) / 1000.0)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
        let value: Option<f64> = Option::deserialize(d)?;
        // Clamped to 0..=1000 first, so the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(value.map(|x| (x.clamp(0.0, 1.0) * 1000.0).round() as u16))
    }
}

/// The whole map: every loaded document and what it refers to.
///
/// Entities are shared between documents; paragraphs and sections belong to
/// their document. Node indices are stable across removals.
#[derive(Debug, Clone, Default)]
pub struct AtlasGraph {
    graph: StableGraph<Node, Edge>,
    ids: HashMap<String, NodeIndex>,
    /// Every edge by (source, target, kind): one edge per pair and kind, found
    /// in O(1) instead of scanning the edges of a hub node ("governments", a
    /// section of thousands of paragraphs) on every insertion.
    edge_index: rustc_hash::FxHashMap<(NodeIndex, NodeIndex, EdgeKind), EdgeIndex>,
    documents: Vec<Document>,
    /// Resolution nodes (`res:A/RES/70/125`, `res:A/RES/70/125:71`) merged
    /// into the loaded document that is their text, kept to bring them back
    /// when that document closes (see `documents.rs`).
    absorbed: HashMap<String, Node>,
    /// Bumped by every change, so that views derived from the graph know
    /// when to recompute.
    revision: u64,
}

impl AtlasGraph {
    /// A number that changes whenever the graph does (nodes, edges or their
    /// data): views computed from the graph are recomputed when it moves.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// An empty graph.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The underlying petgraph graph, for algorithms and iteration.
    #[must_use]
    pub fn inner(&self) -> &StableGraph<Node, Edge> {
        &self.graph
    }

    /// The documents loaded, in the order they were added.
    #[must_use]
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// Number of nodes.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    #[must_use]
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node at an index, if it exists.
    #[must_use]
    pub fn node(&self, index: NodeIndex) -> Option<&Node> {
        self.graph.node_weight(index)
    }

    /// The index of the node with this id.
    #[must_use]
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.ids.get(id).copied()
    }

    /// The node with this id.
    #[must_use]
    pub fn node_by_id(&self, id: &str) -> Option<&Node> {
        self.index_of(id).and_then(|i| self.node(i))
    }

    /// All node indices, in insertion order.
    pub fn node_indices(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph.node_indices()
    }

    /// All nodes with their indices, in insertion order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Node)> + '_ {
        self.graph.node_indices().filter_map(|i| self.graph.node_weight(i).map(|n| (i, n)))
    }

    /// All edges as (source, target, edge), in insertion order.
    pub fn edges(&self) -> impl Iterator<Item = (NodeIndex, NodeIndex, &Edge)> + '_ {
        self.graph.edge_references().map(|e| (e.source(), e.target(), e.weight()))
    }

    /// The edge between two nodes of a given kind, in that direction.
    #[must_use]
    pub fn edge_between(&self, source: NodeIndex, target: NodeIndex, kind: EdgeKind) -> Option<EdgeIndex> {
        self.edge_index.get(&(source, target, kind)).copied()
    }

    /// The edge at an index.
    #[must_use]
    pub fn edge(&self, index: EdgeIndex) -> Option<&Edge> {
        self.graph.edge_weight(index)
    }

    /// Adds a node, or returns the existing one with the same id unchanged.
    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        if let Some(&index) = self.ids.get(&node.id) {
            return index;
        }
        self.revision += 1;
        let id = node.id.clone();
        let index = self.graph.add_node(node);
        self.ids.insert(id, index);
        index
    }

    /// Adds an edge of `kind` from `source` to `target`, or merges `evidence`
    /// into the existing one (one edge per pair and kind; evidence kept
    /// sorted and without duplicates).
    pub fn add_edge(
        &mut self,
        source: NodeIndex,
        target: NodeIndex,
        kind: EdgeKind,
        evidence: Vec<Evidence>,
    ) -> EdgeIndex {
        self.revision += 1;
        if let Some(index) = self.edge_between(source, target, kind) {
            if let Some(edge) = self.graph.edge_weight_mut(index) {
                edge.evidence.extend(evidence);
                edge.evidence.sort();
                edge.evidence.dedup();
            }
            return index;
        }
        let mut evidence = evidence;
        evidence.sort();
        evidence.dedup();
        let index = self.graph.add_edge(source, target, Edge { kind, evidence, score: None, deadlines: Vec::new() });
        self.edge_index.insert((source, target, kind), index);
        index
    }

    /// Removes an edge. Other indices stay valid.
    pub fn remove_edge(&mut self, index: EdgeIndex) -> Option<Edge> {
        self.revision += 1;
        let (source, target) = self.graph.edge_endpoints(index)?;
        let edge = self.graph.remove_edge(index)?;
        self.edge_index.remove(&(source, target, edge.kind));
        Some(edge)
    }

    /// The node at an index, to change its attributes (analysis sets `roles`).
    pub(crate) fn node_mut(&mut self, index: NodeIndex) -> Option<&mut Node> {
        self.revision += 1;
        self.graph.node_weight_mut(index)
    }

    /// The edge at an index, to change its attributes (analysis sets `score`, `deadlines`).
    pub(crate) fn edge_mut(&mut self, index: EdgeIndex) -> Option<&mut Edge> {
        self.revision += 1;
        self.graph.edge_weight_mut(index)
    }

    /// Removes every edge of a kind (analysis recomputes `similar` edges).
    pub(crate) fn remove_edges_of_kind(&mut self, kind: EdgeKind) {
        self.revision += 1;
        self.graph.retain_edges(|g, e| g.edge_weight(e).is_none_or(|w| w.kind != kind));
        self.edge_index.retain(|&(_, _, k), _| k != kind);
    }

    /// Removes a node and its edges. Other indices stay valid.
    pub fn remove_node(&mut self, index: NodeIndex) -> Option<Node> {
        self.revision += 1;
        let edges: Vec<(NodeIndex, NodeIndex, EdgeKind)> = [Direction::Outgoing, Direction::Incoming]
            .into_iter()
            .flat_map(|d| self.graph.edges_directed(index, d))
            .map(|e| (e.source(), e.target(), e.weight().kind))
            .collect();
        for key in &edges {
            self.edge_index.remove(key);
        }
        let node = self.graph.remove_node(index)?;
        self.ids.remove(&node.id);
        Some(node)
    }
}
