//! What the paragraphs do and how they relate beyond their citations:
//! clause roles ([`roles`]), who is asked to act ([`addressees`]) and by
//! when ([`deadlines`]), paragraphs that say nearly the same thing
//! ([`similarity`]), and word-level comparison of paragraphs and documents
//! ([`diff`], [`compare_documents`]).
//!
//! This is the stage after [`graph::build`](crate::graph::build): [`enrich`]
//! runs once over the finished graph (setting
//! [`Node::roles`](crate::graph::Node::roles), adding `addressed_to` edges
//! from the mentions the graph stage found, then every `similar` edge in one
//! pass); [`enrich_added`] analyses one document added to an open map, in
//! time proportional to that document. Nothing here needs a window or a
//! network.

pub mod addressees;
pub mod deadlines;
pub mod diff;
pub mod roles;
mod similar_links;
pub mod similarity;

use std::ops::Range;

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::extract::Mention;
use crate::graph::{Added, AtlasGraph, EdgeKind, Evidence, NodeKind};

pub use diff::{DiffOp, word_diff};
pub use roles::{Clause, Role, clauses};
pub use similar_links::{SimilarLinks, link_similar, link_similar_added};
pub use similarity::{SimilarPair, SimilarityIndex, SimilarityParams, similar_pairs};

/// The analysis stage over a graph just built from `added` (all its
/// documents): every paragraph's roles and addressees, then the `similar`
/// edges of all paragraphs in one pass ([`link_similar`]).
pub fn enrich(graph: &mut AtlasGraph, added: &[Added]) {
    for document in added {
        annotate_document(graph, document);
    }
    link_similar(graph);
}

/// The analysis of one document just added to an analysed map: its
/// paragraphs' roles and addressees, and their `similar` edges to each
/// other and to every paragraph in `links` ([`link_similar_added`]). The
/// `similar` edges among the other paragraphs stand as they were.
pub fn enrich_added(graph: &mut AtlasGraph, added: &Added, links: &mut SimilarLinks) {
    annotate_document(graph, added);
    link_similar_added(graph, added, links);
}

fn annotate_document(graph: &mut AtlasGraph, added: &Added) {
    for (paragraph, mentions) in &added.paragraphs {
        annotate_paragraph(graph, *paragraph, mentions);
    }
}

/// Sets a paragraph node's roles and links it, by `addressed_to` edges, to
/// the bodies and stakeholder groups its calls, requests, invitations,
/// urgings and encouragements address (among `mentions`, the references the
/// extractor found in its text). Each edge's evidence is the clause opening
/// and the addressee's name; its deadlines are those named in the clause. A
/// node that is not a paragraph with text is left alone.
pub fn annotate_paragraph(graph: &mut AtlasGraph, paragraph: NodeIndex, mentions: &[Mention]) {
    let Some(text) = graph.node(paragraph).filter(|n| n.kind == NodeKind::Paragraph).and_then(|n| n.text.clone())
    else {
        return;
    };
    let found = clauses(&text);
    let mut seen: Vec<Role> = Vec::new();
    for c in &found {
        if !seen.contains(&c.role) {
            seen.push(c.role);
        }
    }
    if let Some(node) = graph.node_mut(paragraph) {
        node.roles = seen;
    }
    if !found.iter().any(|c| c.role.asks_to_act() && c.has_addressee) {
        return;
    }
    // Mentions in text order, so that each clause finds its own by binary
    // search (a long paragraph has many clauses and many mentions).
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    sorted.sort_by_key(|m| m.span.start);
    // One edge per addressee, its evidence and deadlines gathered over all
    // the clauses first: adding them clause by clause would sort the
    // edge's growing evidence once per clause.
    let mut edges: Vec<(NodeIndex, Vec<Evidence>, Vec<String>)> = Vec::new();
    let mut edge_of: std::collections::HashMap<NodeIndex, usize> = std::collections::HashMap::new();
    for c in &found {
        let due: Vec<String> = clause_deadlines(&text, c);
        for m in addressees::addressees_sorted(&text, c, &sorted) {
            let Some(target) = graph.index_of(&m.entity.id()) else { continue };
            let slot = *edge_of.entry(target).or_insert_with(|| {
                edges.push((target, Vec::new(), Vec::new()));
                edges.len() - 1
            });
            let Some((_, evidence, deadlines)) = edges.get_mut(slot) else { continue };
            evidence.extend(
                [c.opening.clone(), m.span.clone()].into_iter().filter_map(|r| {
                    Some(Evidence { quote: text.get(r.clone())?.to_owned(), start: r.start, end: r.end })
                }),
            );
            for d in &due {
                if !deadlines.contains(d) {
                    deadlines.push(d.clone());
                }
            }
        }
    }
    for (target, evidence, due) in edges {
        let edge = graph.add_edge(paragraph, target, EdgeKind::AddressedTo, evidence);
        if let Some(e) = graph.edge_mut(edge) {
            for d in due {
                if !e.deadlines.contains(&d) {
                    e.deadlines.push(d);
                }
            }
        }
    }
}

/// The deadlines named in a clause, as written.
fn clause_deadlines(text: &str, clause: &Clause) -> Vec<String> {
    text.get(clause.clause.clone())
        .map(|t| deadlines::deadlines(t).into_iter().map(|d| d.quote).collect())
        .unwrap_or_default()
}

/// One thing a body or stakeholder group is asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// The paragraph that asks.
    pub paragraph: NodeIndex,
    /// The clause that asks, from its opening to the next clause
    /// ("We accordingly invite the Chair of the … no later than July 2016 …").
    pub sentence: String,
    /// Byte range of `sentence` in the paragraph text.
    pub span: Range<usize>,
    /// How it asks: calls, requests, invites, urges or encourages.
    pub role: Role,
    /// Deadlines named in the clause, as written.
    pub deadlines: Vec<String>,
}

/// What an entity (a body or stakeholder group node) is asked to do: one
/// task per clause that addresses it, in graph order of the paragraphs, then
/// text order. Empty for a node with no `addressed_to` edge.
#[must_use]
pub fn tasks_for(graph: &AtlasGraph, entity: NodeIndex) -> Vec<Task> {
    let mut sources: Vec<(NodeIndex, Vec<Evidence>)> = graph
        .inner()
        .edges_directed(entity, Direction::Incoming)
        .filter(|e| e.weight().kind == EdgeKind::AddressedTo)
        .map(|e| (e.source(), e.weight().evidence.clone()))
        .collect();
    sources.sort_by_key(|(p, _)| *p);
    let mut tasks = Vec::new();
    for (paragraph, evidence) in sources {
        let Some(text) = graph.node(paragraph).and_then(|n| n.text.as_deref()) else { continue };
        for c in clauses(text) {
            let addressed = evidence.iter().any(|e| e.start == c.opening.start && e.end == c.opening.end)
                && addressees::addressee_phrase(text, &c)
                    .is_some_and(|p| evidence.iter().any(|e| e.start >= p.start && e.end <= p.end));
            if !addressed {
                continue;
            }
            let Some(sentence) = text.get(c.clause.clone()) else { continue };
            tasks.push(Task {
                paragraph,
                sentence: sentence.to_owned(),
                span: c.clause.clone(),
                role: c.role,
                deadlines: clause_deadlines(text, &c),
            });
        }
    }
    tasks
}

/// How a paragraph fares from one document to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// In the second document with no counterpart in the first.
    New,
    /// The same words in both.
    CarriedOver,
    /// A counterpart in the first document, reworded.
    Changed,
    /// In the first document with no counterpart in the second.
    Dropped,
}

/// One paragraph in a comparison of two documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The paragraph: of the second document, or of the first for [`Status::Dropped`].
    pub paragraph: NodeIndex,
    /// Its closest paragraph in the other document and their TF-IDF cosine
    /// (0..=1; 1 for the same words).
    pub best_match: Option<(NodeIndex, f32)>,
    /// What happened to it.
    pub status: Status,
}

/// The smallest score at which a paragraph of the second document counts as
/// a reworded paragraph of the first (rather than new), in [`compare_documents`].
pub const COMPARE_MIN_SCORE: f32 = 0.35;

/// Compares two documents (by their document nodes): every paragraph of
/// `doc_b` with its best match in `doc_a` — [`Status::CarriedOver`] when the
/// words are the same, [`Status::Changed`] when the pair's cosine is at
/// least [`COMPARE_MIN_SCORE`] or they share a sentence at least half
/// repeated, [`Status::New`] otherwise — in reading order; then every
/// paragraph of `doc_a` that is no paragraph's best match, [`Status::Dropped`].
/// The best match is the paragraph with the same words if there is one, else
/// the one with the highest cosine. Use [`word_diff`] on a pair's texts to
/// show the change.
#[must_use]
pub fn compare_documents(graph: &AtlasGraph, doc_a: NodeIndex, doc_b: NodeIndex) -> Vec<Comparison> {
    let paragraphs_of = |doc: NodeIndex| -> Vec<(NodeIndex, &str)> {
        let Some(id) = graph.node(doc).map(|n| n.id.as_str()) else { return Vec::new() };
        graph
            .nodes()
            .filter(|(_, n)| n.kind == NodeKind::Paragraph && n.document.as_deref() == Some(id))
            .filter_map(|(i, n)| Some((i, n.text.as_deref()?)))
            .collect()
    };
    let a = paragraphs_of(doc_a);
    let b = paragraphs_of(doc_b);
    let texts: Vec<&str> = a.iter().chain(&b).map(|(_, t)| *t).collect();
    let params = SimilarityParams { min_cosine: COMPARE_MIN_SCORE, min_passage: 0.5, ..SimilarityParams::default() };
    let same_words = |x: &str, y: &str| x.split_whitespace().eq(y.split_whitespace());
    // best[k]: best (index into a, same words, cosine) for b[k].
    let mut best: Vec<Option<(usize, f32)>> = vec![None; b.len()];
    let mut best_key: Vec<(bool, f32)> = vec![(false, f32::MIN); b.len()];
    for pair in similar_pairs(&texts, &params) {
        // Pairs are (lower, higher): a paragraph of a, then one of b.
        let (Some(k), true) = (pair.b.checked_sub(a.len()), pair.a < a.len()) else { continue };
        let same = matches!((texts.get(pair.a), texts.get(pair.b)), (Some(x), Some(y)) if same_words(x, y));
        let cosine = if same { 1.0 } else { pair.cosine };
        if let (Some(slot), Some(key)) = (best.get_mut(k), best_key.get_mut(k))
            && (same, cosine) > *key
        {
            *key = (same, cosine);
            *slot = Some((pair.a, cosine));
        }
    }
    let mut matched = vec![false; a.len()];
    let mut out = Vec::with_capacity(a.len() + b.len());
    for ((index, text), found) in b.iter().zip(&best) {
        let counterpart = found.and_then(|(i, s)| Some((i, a.get(i)?, s)));
        let comparison = match counterpart {
            Some((i, (a_index, a_text), score)) => {
                if let Some(m) = matched.get_mut(i) {
                    *m = true;
                }
                let status = if same_words(a_text, text) { Status::CarriedOver } else { Status::Changed };
                Comparison { paragraph: *index, best_match: Some((*a_index, score)), status }
            }
            None => Comparison { paragraph: *index, best_match: None, status: Status::New },
        };
        out.push(comparison);
    }
    for ((index, _), m) in a.iter().zip(&matched) {
        if !m {
            out.push(Comparison { paragraph: *index, best_match: None, status: Status::Dropped });
        }
    }
    out
}
