//! Documents open together: one node per document, and labels that say
//! which document a paragraph belongs to.
//!
//! A citation of a loaded document's symbol by another document ("resolution
//! 70/125" in WSIS+20 while WSIS+10, A/RES/70/125, is open) is an edge to
//! the document's own node (`doc:wsis10`), and "paragraph 71 of resolution
//! 70/125" an edge to its paragraph (`para:wsis10:71`), whatever the order
//! the documents were loaded in: the `res:` nodes are merged into the
//! document, their incoming edges (with their evidence) re-pointed. Closing
//! the cited document brings the `res:` nodes back for the documents that
//! still cite it.
//!
//! With more than one document open, paragraph and section labels are
//! qualified by the document's short name (`WSIS+20 ¶53`,
//! [`crate::document::short_name`]); with one, they are the plain `¶53`.
//! Ids never change.

use std::collections::{HashMap, HashSet};

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::{AtlasGraph, Edge, EdgeKind, Node, NodeKind};
use crate::document::{self, Document};

/// A reference from outside a document into it, kept while it closes:
/// `source` → the resolution node `res_id` it will point at again.
pub(super) struct Inbound {
    source: NodeIndex,
    res_id: String,
    edge: Edge,
}

/// The edges re-pointed when a resolution node merges into a document (and
/// back when it closes): what the extractor found, and parts of it.
const REFERENCES: [EdgeKind; 3] = [EdgeKind::Cites, EdgeKind::Mentions, EdgeKind::PartOf];

impl AtlasGraph {
    /// Merges every cited resolution that is one of the loaded documents
    /// at positions `docs` (in [`AtlasGraph::documents`]) into it: `res:S:N`
    /// into the document's `¶N`, then `res:S` into `doc:…`, their incoming
    /// edges re-pointed with their evidence. Idempotent. Run for a new
    /// document and the loaded ones it cites, it merges everything a pass
    /// over all documents would, in time proportional to those documents.
    pub(super) fn absorb_loaded_documents(&mut self, docs: &[usize]) {
        let mut merges = Vec::new();
        for doc in docs.iter().filter_map(|&k| self.documents.get(k)) {
            let Some(symbol) = doc.symbol.as_deref() else { continue };
            let Some(doc_node) = self.index_of(&format!("doc:{}", doc.id)) else { continue };
            // "Paragraph 71 of resolution 70/125" is a paragraph of its body, not of an annex.
            for paragraph in doc.paragraphs.iter().filter(|p| !p.preambular && p.annex.is_none()) {
                if let (Some(part), Some(para)) = (
                    self.index_of(&format!("res:{symbol}:{}", paragraph.number)),
                    self.index_of(&paragraph.node_id(&doc.id)),
                ) {
                    merges.push((part, para));
                }
            }
            if let Some(whole) = self.index_of(&format!("res:{symbol}")) {
                merges.push((whole, doc_node));
            }
        }
        for (from, to) in merges {
            let incoming: Vec<(NodeIndex, Edge)> = self
                .graph
                .edges_directed(from, Direction::Incoming)
                .filter(|e| REFERENCES.contains(&e.weight().kind))
                .map(|e| (e.source(), e.weight().clone()))
                .collect();
            for (source, edge) in incoming {
                self.add_reference(source, to, edge);
            }
            if let Some(node) = self.remove_node(from) {
                self.absorbed.insert(node.id.clone(), node);
            }
        }
    }

    /// The references into `doc`'s nodes (`owned`, about to be removed) from
    /// outside it, each with the resolution node it stands for: `res:S` for
    /// the document node, `res:S:N` for its `¶N`.
    pub(super) fn inbound_references(&self, doc: &Document, owned: &[NodeIndex]) -> Vec<Inbound> {
        let Some(symbol) = doc.symbol.as_deref() else { return Vec::new() };
        let inside: HashSet<NodeIndex> = owned.iter().copied().collect();
        let mut out = Vec::new();
        for &index in owned {
            let Some(node) = self.node(index) else { continue };
            let res_id = match (node.kind, node.number, &node.annex) {
                (NodeKind::Document, _, _) => format!("res:{symbol}"),
                (NodeKind::Paragraph, Some(n), None) => format!("res:{symbol}:{n}"),
                _ => continue,
            };
            for e in self.graph.edges_directed(index, Direction::Incoming) {
                if !inside.contains(&e.source()) && REFERENCES.contains(&e.weight().kind) {
                    out.push(Inbound { source: e.source(), res_id: res_id.clone(), edge: e.weight().clone() });
                }
            }
        }
        out
    }

    /// Points references taken by [`AtlasGraph::inbound_references`] at
    /// their resolution nodes again, bringing those back.
    pub(super) fn restore_references(&mut self, symbol: &str, inbound: Vec<Inbound>) {
        for Inbound { source, res_id, edge } in inbound {
            if self.node(source).is_none() {
                continue;
            }
            let target = self.restore_resolution(symbol, &res_id);
            self.add_reference(source, target, edge);
        }
    }

    /// The resolution node `res_id` (`res:S` or `res:S:N`), as it was before
    /// it merged into a document; a part is linked to its whole again.
    fn restore_resolution(&mut self, symbol: &str, res_id: &str) -> NodeIndex {
        if let Some(index) = self.index_of(res_id) {
            return index;
        }
        let whole_id = format!("res:{symbol}");
        let node = self.absorbed.remove(res_id).unwrap_or_else(|| {
            // Never merged through `absorb_loaded_documents` (not expected): a plain node.
            let short = symbol.strip_prefix("A/RES/").unwrap_or(symbol);
            let mut node = Node::new(res_id, NodeKind::Resolution, short);
            node.symbol = Some(symbol.to_owned());
            if let Some(n) = res_id.strip_prefix(&whole_id).and_then(|r| r.strip_prefix(':')) {
                node.label = format!("{short} ¶{n}");
                node.part = Some(format!("paragraph {n}"));
            }
            node
        });
        let index = self.add_node(node);
        if res_id != whole_id {
            let whole = self.restore_resolution(symbol, &whole_id);
            self.add_edge(index, whole, EdgeKind::PartOf, Vec::new());
        }
        index
    }

    /// Adds `edge` from `source` to `target`, merging its evidence into an
    /// edge of the same kind already there.
    fn add_reference(&mut self, source: NodeIndex, target: NodeIndex, edge: Edge) {
        let Edge { kind, evidence, score, deadlines } = edge;
        let index = self.add_edge(source, target, kind, evidence);
        if let Some(merged) = self.edge_mut(index) {
            merged.score = merged.score.or(score);
            for d in deadlines {
                if !merged.deadlines.contains(&d) {
                    merged.deadlines.push(d);
                }
            }
        }
    }

    /// Sets the document, paragraph and section labels: qualified by their
    /// document's short name (`WSIS+20 ¶53`, `WSIS+20 §II`) when more than
    /// one document is open, plain (`¶53`) otherwise. Idempotent. With
    /// `only` (a document's position and its nodes), just that document's
    /// labels: enough after adding a document to a map already qualified.
    pub(super) fn qualify_labels(&mut self, only: Option<(usize, Vec<NodeIndex>)>) {
        let qualify = self.documents.len() > 1;
        let mut labels: HashMap<String, String> = HashMap::new();
        let mut shorts: HashMap<String, String> = HashMap::new();
        let docs: Vec<&Document> = match &only {
            Some((k, _)) => self.documents.get(*k).into_iter().collect(),
            None => self.documents.iter().collect(),
        };
        for doc in docs {
            shorts.insert(format!("doc:{}", doc.id), document::short_name(doc));
            for paragraph in &doc.paragraphs {
                labels.insert(paragraph.node_id(&doc.id), paragraph.label());
            }
        }
        let indices: Vec<NodeIndex> = match only {
            Some((_, indices)) => indices,
            None => self.node_indices().collect(),
        };
        for index in indices {
            let Some(node) = self.node_mut(index) else { continue };
            if node.kind == NodeKind::Document {
                // A document's disc: its short name beside other documents.
                let title = node.title.as_deref().unwrap_or_default();
                node.label = match shorts.get(&node.id).filter(|_| qualify) {
                    Some(short) => short.clone(),
                    None => super::build::short_title(title),
                };
                continue;
            }
            let base = match node.kind {
                NodeKind::Paragraph => labels.get(&node.id).cloned(),
                NodeKind::Section => node
                    .section
                    .as_deref()
                    .map(|key| super::build::section_label(key, node.title.as_deref().unwrap_or_default())),
                _ => None,
            };
            let Some(base) = base else { continue };
            let short = node.document.as_ref().and_then(|d| shorts.get(d)).filter(|_| qualify);
            node.label = match short {
                Some(short) => format!("{short} {base}"),
                None => base,
            };
        }
    }
}
