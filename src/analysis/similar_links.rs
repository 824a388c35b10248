//! `similar` edges: all at once over a built graph ([`link_similar`]), or
//! for one document added to an open map ([`link_similar_added`], through
//! the index of the open paragraphs that [`SimilarLinks`] keeps).

use std::collections::HashMap;

use petgraph::stable_graph::NodeIndex;
use rustc_hash::FxHashMap;

use super::similarity::{SimilarPair, SimilarityIndex, SimilarityParams, similar_pairs};
use crate::graph::{Added, AtlasGraph, EdgeKind, Evidence, NodeKind};

/// Replaces every `similar` edge of the graph: one edge, from the earlier
/// paragraph to the later (graph order), for every pair of paragraphs that
/// [`similar_pairs`] finds with [`SimilarityParams::default`], within a
/// document and across documents. The score is kept per mille; the evidence
/// is the source's repeated sentence when the pair shares a passage.
pub fn link_similar(graph: &mut AtlasGraph) {
    graph.remove_edges_of_kind(EdgeKind::Similar);
    let paragraphs: Vec<(NodeIndex, String)> = graph
        .nodes()
        .filter(|(_, n)| n.kind == NodeKind::Paragraph)
        .filter_map(|(i, n)| Some((i, n.text.clone()?)))
        .collect();
    // Identical paragraphs (a text pasted twice, a document opened twice) are
    // compared once: each distinct text stands for its copies, and copies are
    // chained to each other with a full score. This keeps the edge count
    // linear however often a text repeats.
    let mut distinct: HashMap<&str, usize> = HashMap::new();
    let mut copies: Vec<Vec<NodeIndex>> = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    for (index, text) in &paragraphs {
        let slot = *distinct.entry(text.as_str()).or_insert_with(|| {
            texts.push(text.as_str());
            copies.push(Vec::new());
            copies.len() - 1
        });
        if let Some(group) = copies.get_mut(slot) {
            group.push(*index);
        }
    }
    let mut edges: Vec<(NodeIndex, NodeIndex, Vec<Evidence>, u16)> = Vec::new();
    for pair in similar_pairs(&texts, &SimilarityParams::default()) {
        let (Some(&a), Some(&b), Some(text_a)) =
            (copies.get(pair.a).and_then(|g| g.first()), copies.get(pair.b).and_then(|g| g.first()), texts.get(pair.a))
        else {
            continue;
        };
        let evidence: Vec<Evidence> = pair
            .passage
            .as_ref()
            .and_then(|p| {
                Some(Evidence { quote: text_a.get(p.in_a.clone())?.to_owned(), start: p.in_a.start, end: p.in_a.end })
            })
            .into_iter()
            .collect();
        edges.push((a, b, evidence, permille(pair.score)));
    }
    for group in &copies {
        for w in group.windows(2) {
            if let [a, b] = w {
                edges.push((*a, *b, Vec::new(), 1000));
            }
        }
    }
    for (a, b, evidence, score) in edges {
        let edge = graph.add_edge(a, b, EdgeKind::Similar, evidence);
        if let Some(e) = graph.edge_mut(edge) {
            e.score = Some(score);
        }
    }
}

/// A score in 0..=1 as per mille.
fn permille(score: f32) -> u16 {
    // Clamped to 0..=1000 first, so the cast cannot truncate.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let p = (score.clamp(0.0, 1.0) * 1000.0).round() as u16;
    p
}

/// Adds one `similar` edge per pair (from `a`'s node to `b`'s), with the
/// pair's score per mille and, as evidence, the source's repeated sentence
/// when the pair shares a passage.
fn add_pair_edges(graph: &mut AtlasGraph, pairs: &[SimilarPair], node_of: impl Fn(usize) -> Option<NodeIndex>) {
    let mut edges: Vec<(NodeIndex, NodeIndex, Vec<Evidence>, u16)> = Vec::new();
    for pair in pairs {
        let (Some(a), Some(b)) = (node_of(pair.a), node_of(pair.b)) else { continue };
        let Some(text_a) = graph.node(a).and_then(|n| n.text.as_deref()) else { continue };
        edges.push((a, b, passage_evidence(text_a, pair), permille(pair.score)));
    }
    for (a, b, evidence, score) in edges {
        add_similar(graph, a, b, evidence, score);
    }
}

fn passage_evidence(text_a: &str, pair: &SimilarPair) -> Vec<Evidence> {
    pair.passage
        .as_ref()
        .and_then(|p| {
            Some(Evidence { quote: text_a.get(p.in_a.clone())?.to_owned(), start: p.in_a.start, end: p.in_a.end })
        })
        .into_iter()
        .collect()
}

fn add_similar(graph: &mut AtlasGraph, a: NodeIndex, b: NodeIndex, evidence: Vec<Evidence>, score: u16) {
    let edge = graph.add_edge(a, b, EdgeKind::Similar, evidence);
    if let Some(e) = graph.edge_mut(edge) {
        e.score = Some(score);
    }
}

/// One distinct paragraph text of the open map.
#[derive(Clone)]
struct Entry {
    text: String,
    /// The paragraphs with this text, in the order added; the first carries
    /// the text's pairs, the others are chained to it with a full score.
    copies: Vec<NodeIndex>,
}

/// The open map's paragraphs, indexed so that a document added later is
/// compared with them in time proportional to that document
/// ([`link_similar_added`]). Each distinct text is indexed once, as in
/// [`link_similar`].
#[derive(Clone)]
pub struct SimilarLinks {
    index: SimilarityIndex,
    /// By index id.
    entries: Vec<Entry>,
    by_text: FxHashMap<String, u32>,
    of_node: FxHashMap<NodeIndex, u32>,
}

impl SimilarLinks {
    /// Indexes every paragraph of an analysed graph (its `similar` edges are
    /// left as they are).
    #[must_use]
    pub fn new(graph: &AtlasGraph) -> Self {
        let mut links = SimilarLinks {
            index: SimilarityIndex::new(SimilarityParams::default()),
            entries: Vec::new(),
            by_text: FxHashMap::default(),
            of_node: FxHashMap::default(),
        };
        let paragraphs: Vec<NodeIndex> =
            graph.nodes().filter(|(_, n)| n.kind == NodeKind::Paragraph).map(|(i, _)| i).collect();
        let _ = links.insert(graph, &paragraphs);
        links
    }

    /// Number of distinct paragraph texts indexed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether no paragraph is indexed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Indexes paragraphs; returns the ids of the new distinct texts and the
    /// (earlier copy, new copy) pairs of paragraphs that repeat a text.
    fn insert(
        &mut self,
        graph: &AtlasGraph,
        paragraphs: &[NodeIndex],
    ) -> (std::ops::Range<u32>, Vec<(NodeIndex, NodeIndex)>) {
        let mut fresh: Vec<(NodeIndex, &str)> = Vec::new();
        let mut chained = Vec::new();
        let mut pending: FxHashMap<&str, usize> = FxHashMap::default();
        let mut later_copies: Vec<(usize, NodeIndex)> = Vec::new();
        for &p in paragraphs {
            let Some(text) = graph.node(p).filter(|n| n.kind == NodeKind::Paragraph).and_then(|n| n.text.as_deref())
            else {
                continue;
            };
            if let Some(&id) = self.by_text.get(text) {
                if let Some(entry) = self.entries.get_mut(id as usize) {
                    if let Some(&last) = entry.copies.last() {
                        chained.push((last, p));
                    }
                    entry.copies.push(p);
                    self.of_node.insert(p, id);
                }
            } else if let Some(&k) = pending.get(text) {
                later_copies.push((k, p));
            } else {
                pending.insert(text, fresh.len());
                fresh.push((p, text));
            }
        }
        let texts: Vec<&str> = fresh.iter().map(|(_, t)| *t).collect();
        let ids = self.index.add(&texts);
        for ((p, text), id) in fresh.iter().zip(ids.clone()) {
            self.by_text.insert((*text).to_owned(), id);
            self.of_node.insert(*p, id);
            self.entries.push(Entry { text: (*text).to_owned(), copies: vec![*p] });
        }
        for (k, p) in later_copies {
            let Some(id) = ids.clone().nth(k) else { continue };
            if let Some(entry) = self.entries.get_mut(id as usize) {
                if let Some(&last) = entry.copies.last() {
                    chained.push((last, p));
                }
                entry.copies.push(p);
                self.of_node.insert(p, id);
            }
        }
        (ids, chained)
    }

    /// Forgets paragraphs just removed from the graph (a closed document):
    /// the copies left of a text are chained again, and if its first copy
    /// went, the next one takes the text's pairs.
    pub fn forget(&mut self, graph: &mut AtlasGraph, removed: &[NodeIndex]) {
        let mut touched: Vec<(u32, bool)> = Vec::new();
        for p in removed {
            let Some(id) = self.of_node.remove(p) else { continue };
            if let Some(entry) = self.entries.get_mut(id as usize) {
                touched.push((id, entry.copies.first() == Some(p)));
                entry.copies.retain(|c| c != p);
            }
        }
        touched.sort_unstable();
        touched.dedup_by(|x, y| {
            // Keep one per id, remembering whether its first copy went.
            x.0 == y.0 && {
                y.1 |= x.1;
                true
            }
        });
        let mut dead = Vec::new();
        let mut repaired = Vec::new();
        for &(id, first_went) in &touched {
            let Some(entry) = self.entries.get(id as usize) else { continue };
            if entry.copies.is_empty() {
                self.by_text.remove(&entry.text);
                dead.push(id);
                continue;
            }
            for w in entry.copies.windows(2) {
                if let [a, b] = w {
                    add_similar(graph, *a, *b, Vec::new(), 1000);
                }
            }
            if first_went {
                repaired.push(id);
            }
        }
        self.index.remove(&dead);
        for id in repaired {
            let pairs = self.index.pairs_with(id..id + 1);
            let first_copy = |i: usize| self.entries.get(i).and_then(|e| e.copies.first()).copied();
            add_pair_edges(graph, &pairs, first_copy);
        }
    }
}

/// Adds the `similar` edges of one document just added to the graph (after
/// [`AtlasGraph::add_document`]): its paragraphs against each other and
/// against every paragraph in `links`, which then holds them too. Work is
/// proportional to the document (its postings in the index), not to the map.
pub fn link_similar_added(graph: &mut AtlasGraph, added: &Added, links: &mut SimilarLinks) {
    let paragraphs: Vec<NodeIndex> = added.paragraphs.iter().map(|(p, _)| *p).collect();
    let (ids, chained) = links.insert(graph, &paragraphs);
    let pairs = links.index.pairs_with(ids);
    let first_copy = |i: usize| links.entries.get(i).and_then(|e| e.copies.first()).copied();
    add_pair_edges(graph, &pairs, first_copy);
    for (a, b) in chained {
        add_similar(graph, a, b, Vec::new(), 1000);
    }
}
