//! Documents + catalogue → graph: structure (document, sections, paragraphs,
//! reading order) and every reference the extractor finds.

use petgraph::stable_graph::NodeIndex;

use super::{AtlasGraph, EdgeKind, Evidence, Node, NodeKind};
use crate::document::{self, Document};
use crate::extract::{self, Catalogue, Entity, Mention, Relation};
use crate::id;

/// Why a document could not be added.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GraphError {
    /// A document with the same id is already in the graph.
    #[error("a document with id `{0}` is already open")]
    DuplicateDocument(String),
}

/// One document added to the graph, with what the analysis stage needs of it.
#[derive(Debug, Clone, Default)]
pub struct Added {
    /// Its document node.
    pub document: NodeIndex,
    /// Its paragraph nodes in reading order, each with the references the
    /// extractor found in its text (all of them, before self-citations and
    /// redundant thematic links are dropped): extracted once, here, and
    /// reused by [`crate::analysis::enrich`] for the addressees.
    pub paragraphs: Vec<(NodeIndex, Vec<Mention>)>,
}

/// The first stage after reading: every document's structure and
/// references, added in order. Documents whose id repeats an earlier one are
/// skipped and reported. Clause roles, addressees and similar paragraphs are
/// the next stage's work ([`crate::analysis::enrich`], once over the whole
/// graph); [`crate::corpus::build`] runs both.
///
/// # Complexity
///
/// Linear in the documents' text.
#[must_use]
pub fn build(documents: Vec<Document>, catalogue: &Catalogue) -> (AtlasGraph, Vec<Added>, Vec<GraphError>) {
    let mut graph = AtlasGraph::new();
    let mut added = Vec::with_capacity(documents.len());
    let mut errors = Vec::new();
    for doc in documents {
        match graph.add_document(doc, catalogue) {
            Ok(a) => added.push(a),
            Err(e) => errors.push(e),
        }
    }
    (graph, added, errors)
}

impl AtlasGraph {
    /// Adds a document: its node, sections, paragraphs, reading order and
    /// every reference in its paragraphs. Entities already present (cited by
    /// another document) are shared. This is the graph stage only; run
    /// [`crate::analysis::enrich_added`] on the result to analyse the new
    /// paragraphs (as the window does when a document is added to an open map).
    ///
    /// # Errors
    ///
    /// [`GraphError::DuplicateDocument`] if a document with the same id is
    /// already in the graph; the graph is then unchanged.
    ///
    /// # Complexity
    ///
    /// Linear in the document's text (edge look-ups are O(1), see
    /// [`AtlasGraph::edge_between`]).
    pub fn add_document(&mut self, doc: Document, catalogue: &Catalogue) -> Result<Added, GraphError> {
        let doc_id = id::document(&doc.id);
        if self.index_of(&doc_id).is_some() {
            return Err(GraphError::DuplicateDocument(doc.id.clone()));
        }
        let mut doc_node = Node::new(doc_id.clone(), NodeKind::Document, short_title(&doc.title));
        doc_node.title = Some(doc.title.clone());
        doc_node.symbol.clone_from(&doc.symbol);
        let doc_index = self.add_node(doc_node);

        let mut section_nodes = Vec::with_capacity(doc.sections.len());
        for section in &doc.sections {
            let label = section_label(&section.key, &section.title);
            let mut node = Node::new(id::section(&doc.id, &section.key), NodeKind::Section, label);
            node.document = Some(doc_id.clone());
            node.section = Some(section.key.clone());
            node.title = Some(section.title.clone());
            let index = self.add_node(node);
            let parent = section.parent.and_then(|p| section_nodes.get(p).copied()).unwrap_or(doc_index);
            self.add_edge(parent, index, EdgeKind::Contains, Vec::new());
            section_nodes.push(index);
        }

        let mut paragraphs = Vec::with_capacity(doc.paragraphs.len());
        let mut previous: Option<NodeIndex> = None;
        for paragraph in &doc.paragraphs {
            // Preambular paragraphs: `para:<doc>:pp<n>`, `PP<n>`, an ordinal and no number;
            // annex paragraphs: `para:<doc>:annex-ii:<n>`, `Annex II ¶<n>`, their annex's key.
            let mut node = Node::new(paragraph.node_id(&doc.id), NodeKind::Paragraph, paragraph.label());
            node.document = Some(doc_id.clone());
            node.annex.clone_from(&paragraph.annex);
            if paragraph.preambular {
                node.ordinal = Some(paragraph.number);
            } else {
                node.number = Some(paragraph.number);
            }
            node.section = doc.sections.get(paragraph.section).map(|s| s.key.clone());
            // With its footnotes, so that their citations count as the paragraph's.
            let text = paragraph.display_text();
            let mentions = extract::extract(&text, catalogue);
            node.text = Some(text);
            node.footnotes.clone_from(&paragraph.footnotes);
            let index = self.add_node(node);
            let parent = section_nodes.get(paragraph.section).copied().unwrap_or(doc_index);
            self.add_edge(parent, index, EdgeKind::Contains, Vec::new());
            if let Some(prev) = previous {
                self.add_edge(prev, index, EdgeKind::Follows, Vec::new());
            }
            previous = Some(index);

            for mention in &mentions {
                let Some(quote) = self.node(index).and_then(|n| n.text.as_deref()?.get(mention.span.clone())) else {
                    continue;
                };
                if is_self_citation(&mention.entity, doc.symbol.as_deref()) {
                    continue;
                }
                let evidence = Evidence { start: mention.span.start, end: mention.span.end, quote: quote.to_owned() };
                let target = self.entity_node(&mention.entity, catalogue);
                let kind = match mention.relation {
                    Relation::Cites => EdgeKind::Cites,
                    Relation::Mentions => EdgeKind::Mentions,
                    Relation::Thematic => EdgeKind::Thematic,
                };
                // An explicit citation makes a thematic link to the same goal redundant.
                if kind == EdgeKind::Thematic && self.edge_between(index, target, EdgeKind::Cites).is_some() {
                    continue;
                }
                self.add_edge(index, target, kind, vec![evidence]);
                if kind == EdgeKind::Cites
                    && let Some(thematic) = self.edge_between(index, target, EdgeKind::Thematic)
                {
                    self.remove_edge(thematic);
                }
            }
            paragraphs.push((index, mentions));
        }
        self.documents.push(doc);
        let cited: Vec<&str> = paragraphs
            .iter()
            .flat_map(|(_, mentions)| mentions)
            .filter_map(|m| match &m.entity {
                Entity::Resolution(symbol) | Entity::ResolutionPart { symbol, .. } | Entity::Document(symbol) => {
                    Some(symbol.as_str())
                }
                _ => None,
            })
            .collect();
        let own = self.documents.len() - 1;
        let touched: Vec<usize> = self
            .documents
            .iter()
            .enumerate()
            .filter(|(k, d)| *k == own || d.symbol.as_deref().is_some_and(|s| cited.contains(&s)))
            .map(|(k, _)| k)
            .collect();
        // One node per document: citations of it point at it (see documents.rs).
        self.absorb_loaded_documents(&touched);
        if self.documents.len() == 2 {
            // The first time two are open: every label says its document.
            self.qualify_labels(None);
        } else {
            let mut own_nodes = section_nodes;
            own_nodes.push(doc_index);
            own_nodes.extend(paragraphs.iter().map(|(index, _)| *index));
            self.qualify_labels(Some((own, own_nodes)));
        }
        Ok(Added { document: doc_index, paragraphs })
    }

    /// Removes a document: its node, sections and paragraphs, and every
    /// entity that no other document refers to any more. Returns whether the
    /// document was open. The `similar` edges of its paragraphs go with
    /// them; the others stand as they were (the window's
    /// [`SimilarLinks::forget`](crate::analysis::SimilarLinks::forget)
    /// re-chains copies of a text; [`crate::analysis::link_similar`]
    /// recomputes them all).
    pub fn remove_document(&mut self, id: &str) -> bool {
        let Some(position) = self.documents.iter().position(|d| d.id == id) else { return false };
        let doc = self.documents.remove(position);
        let doc_id = id::document(id);
        let owned: Vec<NodeIndex> = self
            .nodes()
            .filter(|(_, n)| n.id == doc_id || n.document.as_deref() == Some(doc_id.as_str()))
            .map(|(i, _)| i)
            .collect();
        // Citations of it by documents still open go back to its resolution nodes.
        let inbound = self.inbound_references(&doc, &owned);
        for index in owned {
            self.remove_node(index);
        }
        if let Some(symbol) = doc.symbol.as_deref() {
            self.restore_references(symbol, inbound);
        }
        let all: Vec<usize> = (0..self.documents.len()).collect();
        self.absorb_loaded_documents(&all);
        self.qualify_labels(None);
        // Entities left with no incoming reference (parts first, then wholes).
        loop {
            let orphans: Vec<NodeIndex> = self
                .nodes()
                .filter(|(i, n)| {
                    !matches!(n.kind, NodeKind::Document | NodeKind::Section | NodeKind::Paragraph)
                        && self.graph.neighbors_directed(*i, petgraph::Direction::Incoming).next().is_none()
                })
                .map(|(i, _)| i)
                .collect();
            if orphans.is_empty() {
                break;
            }
            for index in orphans {
                self.remove_node(index);
            }
        }
        // Every `similar` edge of its paragraphs went with them; the others stand.
        true
    }

    /// The node for an entity, created from the catalogue on first use; a
    /// part of an instrument is linked to its whole.
    fn entity_node(&mut self, entity: &Entity, catalogue: &Catalogue) -> NodeIndex {
        let id = entity.id();
        if let Some(index) = self.index_of(&id) {
            return index;
        }
        let info = catalogue.info(entity);
        let kind = match entity {
            Entity::Resolution(_) | Entity::ResolutionPart { .. } => NodeKind::Resolution,
            Entity::Instrument { .. } => NodeKind::Instrument,
            Entity::Organization(_) => NodeKind::Organization,
            Entity::Sdg(_) => NodeKind::Sdg,
            Entity::Stakeholder(_) => NodeKind::Stakeholder,
            Entity::ActionLine(_) => NodeKind::ActionLine,
            Entity::Document(_) => NodeKind::CitedDocument,
        };
        let mut node = Node::new(id, kind, info.label);
        node.name = info.name;
        node.title = info.title;
        node.date = info.date;
        node.acronym = info.acronym;
        match entity {
            Entity::Resolution(symbol) | Entity::Document(symbol) => node.symbol = Some(symbol.clone()),
            Entity::Sdg(goal) => node.goal = Some(*goal),
            Entity::Instrument { part: Some(part), .. } => node.part = Some(part.describe()),
            Entity::ResolutionPart { symbol, part } => {
                node.symbol = Some(symbol.clone());
                node.part = Some(part.describe());
            }
            _ => {}
        }
        let index = self.add_node(node);
        if let Entity::Instrument { key, part: Some(_) } = entity {
            let whole = self.entity_node(&Entity::Instrument { key: key.clone(), part: None }, catalogue);
            self.add_edge(index, whole, EdgeKind::PartOf, Vec::new());
        }
        if let Entity::ResolutionPart { symbol, .. } = entity {
            let whole = self.entity_node(&Entity::Resolution(symbol.clone()), catalogue);
            self.add_edge(index, whole, EdgeKind::PartOf, Vec::new());
        }
        index
    }
}

/// A document citing its own symbol (a running header that slipped through,
/// or "this resolution"): not a reference.
fn is_self_citation(entity: &Entity, own: Option<&str>) -> bool {
    match entity {
        Entity::Resolution(symbol) | Entity::ResolutionPart { symbol, .. } | Entity::Document(symbol) => {
            Some(symbol.as_str()) == own
        }
        _ => false,
    }
}

/// A section's map label: `§1.1` for a numbered one, `Objective 1` for a
/// word heading (key `objective-1`), `Annex`, `Annex II` for an annex
/// (key `annex`, `annex-ii`) and `Annex II §1.1` for a heading inside one
/// (key `annex-ii:1.1`), else its (short) title.
pub(super) fn section_label(key: &str, title: &str) -> String {
    if let Some((part, inner)) = key.split_once(':') {
        let inner = section_label(inner, title);
        return format!("{} {inner}", document::part_label(part));
    }
    if is_part_key(key) {
        return document::part_label(key);
    }
    if key.chars().all(|c| c.is_ascii_digit() || c == '.') || is_outline_key(key) {
        return format!("§{}", key.to_ascii_uppercase());
    }
    if let Some((word, number)) = key.rsplit_once('-')
        && !word.contains('-')
        && !number.is_empty()
        && (number.bytes().all(|c| c.is_ascii_digit()) || number.bytes().all(|c| matches!(c, b'i' | b'v' | b'x')))
    {
        let mut chars = word.chars();
        let word: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
        let number = if number.bytes().all(|c| c.is_ascii_digit()) { number.to_owned() } else { number.to_uppercase() };
        return format!("{word} {number}");
    }
    if key == "operative" {
        return "Operative".to_owned();
    }
    short_title(title)
}

/// The key of a Roman-numeral or lettered heading: `ii`, `ii.a`, `a`.
fn is_outline_key(key: &str) -> bool {
    let (head, letter) = key.split_once('.').unwrap_or((key, ""));
    let roman = !head.is_empty() && head.bytes().all(|c| matches!(c, b'i' | b'v' | b'x'));
    let single = |s: &str| s.len() == 1 && s.bytes().all(|c| c.is_ascii_lowercase());
    (roman && (letter.is_empty() || single(letter))) || single(key)
}

/// The key of an annex or appendix section (`annex`, `annex-ii`,
/// `annex-i-appendix-2`): part words and numerals only.
fn is_part_key(key: &str) -> bool {
    let mut words = key.split('-');
    matches!(words.next(), Some("annex" | "appendix"))
        && words.all(|w| {
            matches!(w, "annex" | "appendix")
                || (!w.is_empty() && (w.bytes().all(|c| c.is_ascii_digit()) || w.bytes().all(|c| b"ivxl".contains(&c))))
        })
}

/// A title cut to a map label: at most 40 characters, on a word boundary.
pub(super) fn short_title(title: &str) -> String {
    const MAX: usize = 40;
    if title.chars().count() <= MAX {
        return title.to_owned();
    }
    let mut out = String::new();
    for word in title.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_labels() {
        assert_eq!(section_label("preamble", "Preamble"), "Preamble");
        assert_eq!(section_label("1.1", "Bridging"), "§1.1");
        assert_eq!(section_label("ii", "Digital divides"), "§II");
        assert_eq!(section_label("ii.a", "Financing"), "§II.A");
        assert_eq!(section_label("b", "Trust"), "§B");
        assert_eq!(section_label("annex-i:iii.c", "Review"), "Annex I §III.C");
        assert_eq!(section_label("civil-society", "Civil society"), "Civil society");
        assert_eq!(section_label("objective-1", "Close all digital divides"), "Objective 1");
        assert_eq!(section_label("part-iv", "Follow-up"), "Part IV");
        assert_eq!(section_label("follow-up-and-review", "Follow-up and review"), "Follow-up and review");
        assert_eq!(section_label("data-governance", "Data governance"), "Data governance");
        assert_eq!(section_label("annex", "Annex: Programme of action"), "Annex");
        assert_eq!(section_label("annex-ii", "Annex II"), "Annex II");
        assert_eq!(section_label("annex-i-appendix", "Annex I Appendix"), "Annex I Appendix");
        assert_eq!(section_label("annex-ii:1.1", "Goals"), "Annex II §1.1");
        assert_eq!(section_label("annex:objective-2", "Trust"), "Annex Objective 2");
        assert_eq!(section_label("annex:goals-and-targets", "Goals and targets"), "Annex Goals and targets");
        assert_eq!(section_label("annexes-and-more", "Annexes and more"), "Annexes and more");
    }

    #[test]
    fn short_title_cuts_on_words() {
        assert_eq!(short_title("Short"), "Short");
        let t = short_title("Outcome Document of the High-Level Meeting of the General Assembly");
        assert!(t.ends_with('…'));
        assert!(t.chars().count() <= 41);
        assert!(t.starts_with("Outcome Document of the High-Level"));
    }
}
