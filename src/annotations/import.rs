//! Reading notes from any file WSIS Atlas understands — its own annotation
//! files, W3C Web Annotation JSON-LD ([`w3c`](super::w3c)) and Hypothesis
//! exports ([`hypothesis`](super::hypothesis)) — and attaching imported
//! notes to the paragraphs their quotes come from.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use super::AnnotationError;
use super::file::read_limited;
use super::model::{Annotation, AnnotationSet, MergeOutcome};
use super::w3c::W3cImport;
use crate::graph::{AtlasGraph, NodeKind};

/// What kind of file notes were read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A WSIS Atlas annotation file.
    Native,
    /// W3C Web Annotation (JSON-LD).
    W3c,
    /// A Hypothesis export or API result.
    Hypothesis,
}

impl Origin {
    /// How messages name it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Origin::Native => "WSIS Atlas annotation file",
            Origin::W3c => "W3C Web Annotation file",
            Origin::Hypothesis => "Hypothesis export",
        }
    }
}

/// Which format a parsed document is in. Anything unrecognised is taken
/// for a WSIS Atlas file, so that its error message applies.
#[must_use]
pub fn sniff(doc: &Value) -> Origin {
    if doc.get("format").is_some() {
        return Origin::Native;
    }
    if super::hypothesis::looks_like(doc) {
        return Origin::Hypothesis;
    }
    let w3c_item = |v: &Value| v.get("type").is_some() || v.get("@context").is_some();
    match doc {
        Value::Array(items) if items.first().is_some_and(w3c_item) => Origin::W3c,
        Value::Object(_) if w3c_item(doc) => Origin::W3c,
        _ => Origin::Native,
    }
}

/// The format of a file's text (`Native` also for text that is not JSON).
#[must_use]
pub fn sniff_text(text: &str) -> Origin {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<Value>(text).map_or(Origin::Native, |doc| sniff(&doc))
}

/// The format of the file at `path` (`Native` when it cannot be read, so
/// that opening it reports why).
#[must_use]
pub fn file_origin(path: &Path) -> Origin {
    read_limited(path).map_or(Origin::Native, |text| sniff_text(&text))
}

/// What an import brought in.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The file's format.
    pub origin: Origin,
    /// Notes read.
    pub annotations: usize,
    /// Links read.
    pub links: usize,
    /// Notes attached to a paragraph of the open documents by their quote.
    pub attached: usize,
    /// Page notes placed on the open document (or cited resolution) their
    /// address names.
    pub on_documents: usize,
    /// Replies placed with the note they answer.
    pub replies: usize,
    /// What could not be mapped (one line each).
    pub warnings: Vec<String>,
}

impl Imported {
    /// `3 notes, 1 link from a W3C Web Annotation file (2 attached to paragraphs by their quote)`
    /// (the part in brackets only when some were).
    #[must_use]
    pub fn summary(&self) -> String {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        let mut s = format!(
            "{}, {} from a {}",
            plural(self.annotations, "note"),
            plural(self.links, "link"),
            self.origin.name()
        );
        let mut placed = Vec::new();
        if self.attached > 0 {
            placed.push(format!("{} attached to paragraphs by their quote", self.attached));
        }
        if self.on_documents > 0 {
            placed.push(format!("{} on the documents their address names", self.on_documents));
        }
        if self.replies > 0 {
            let n = self.replies;
            placed.push(format!("{n} {} with the notes they answer", if n == 1 { "reply" } else { "replies" }));
        }
        if !placed.is_empty() {
            s.push_str(&format!(" ({})", placed.join(", ")));
        }
        s
    }
}

/// The id of the note an imported reply answers: a W3C reply's target
/// ([`KEPT_REPLY_TO`](super::w3c::KEPT_REPLY_TO)), a Hypothesis reply's last
/// `references` entry.
fn parent_of(a: &Annotation) -> Option<String> {
    if let Some(Value::String(iri)) = a.extra.get(super::w3c::KEPT_REPLY_TO) {
        return Some(super::w3c::annotation_id(iri));
    }
    match a.extra.get("references") {
        Some(Value::Array(refs)) => refs.last().and_then(Value::as_str).map(str::to_owned),
        _ => None,
    }
}

/// The node a UN document's public address names
/// (`https://docs.un.org/en/A/RES/70/125`): the open document with that
/// symbol, else the cited resolution or document node.
fn node_of_address<'g>(graph: &'g AtlasGraph, address: &str) -> Option<&'g crate::graph::Node> {
    let symbol = super::w3c::symbol_of_address(address)?;
    let same = |n: &&crate::graph::Node| n.symbol.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(&symbol));
    let rank = |n: &crate::graph::Node| match n.kind {
        NodeKind::Document => 0,
        // The whole resolution or document (`res:A/RES/70/1`), not a part of it.
        NodeKind::Resolution | NodeKind::CitedDocument
            if n.id.split_once(':').map(|(_, s)| s) == n.symbol.as_deref() =>
        {
            1
        }
        _ => 2,
    };
    graph.nodes().map(|(_, n)| n).filter(same).filter(|n| rank(n) < 2).min_by_key(|n| rank(n))
}

/// Places imported notes on the open documents, and says how many were
/// placed each way (see [`Imported`]):
///
/// - a note whose quote is not in its target goes to the paragraph of
///   `graph` that holds the quote — among the paragraphs of the document
///   its source names (a UN document's public address) when that document
///   is open, else among all — preferring the one whose text around it best
///   matches the quote's prefix and suffix, the first in graph order on a
///   tie. A note whose quote is found nowhere keeps its target (an orphan,
///   with its source);
/// - a note without a quote on a UN document's address (a page note)
///   goes to that document (or to the cited resolution of that symbol);
/// - a reply goes where the note it answers went.
///
/// A replaced target that was not a node is kept in the note's `source`
/// field (unless a `uri` field already says it).
pub fn attach(annotations: &mut [Annotation], graph: &AtlasGraph) -> Placed {
    let paragraphs: Vec<(&str, Option<&str>, &str)> = graph
        .nodes()
        .filter(|(_, n)| n.kind == NodeKind::Paragraph)
        .filter_map(|(_, n)| Some((n.id.as_str(), n.document.as_deref(), n.text.as_deref()?)))
        .collect();
    let mut placed = Placed::default();
    let keep_source = |a: &mut Annotation, old: String| {
        let said = a.extra.get("uri").and_then(Value::as_str) == Some(old.as_str());
        if graph.node_by_id(&old).is_none() && !said && !a.extra.contains_key("source") {
            a.extra.insert("source".into(), Value::String(old));
        }
    };
    for a in annotations.iter_mut() {
        if parent_of(a).is_some() {
            continue;
        }
        let named = node_of_address(graph, &a.target).or_else(|| {
            let uri = a.extra.get("uri").and_then(Value::as_str)?;
            node_of_address(graph, uri)
        });
        let Some(quote) = &a.quote else {
            if graph.node_by_id(&a.target).is_none()
                && let Some(node) = named
            {
                let old = std::mem::replace(&mut a.target, node.id.clone());
                keep_source(a, old);
                placed.on_documents += 1;
            }
            continue;
        };
        let here = graph.node_by_id(&a.target).and_then(|n| n.text.as_deref());
        if here.is_some_and(|text| quote.locate(text).is_some()) {
            continue;
        }
        let in_document = named.filter(|n| n.kind == NodeKind::Document).map(|n| n.id.as_str());
        let best_in = |only: Option<&str>| {
            let mut best: Option<(usize, &str)> = None;
            for (id, doc, text) in &paragraphs {
                if only.is_some_and(|d| *doc != Some(d)) {
                    continue;
                }
                if let Some((_, score)) = quote.locate_scored(text)
                    && best.is_none_or(|(s, _)| score > s)
                {
                    best = Some((score, *id));
                }
            }
            best
        };
        let best = in_document.and_then(|d| best_in(Some(d))).or_else(|| best_in(None));
        let Some((_, id)) = best else { continue };
        let old = std::mem::replace(&mut a.target, id.to_owned());
        keep_source(a, old);
        placed.by_quote += 1;
    }
    placed.replies = follow_replies(annotations);
    placed
}

/// Puts each reply whose note is among `annotations` on that note's target
/// (following chains of replies); returns how many were placed.
fn follow_replies(annotations: &mut [Annotation]) -> usize {
    let index: HashMap<String, usize> = annotations.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    let mut moves = Vec::new();
    for (i, a) in annotations.iter().enumerate() {
        let mut at = a;
        let mut steps = 0;
        while let Some(parent) = parent_of(at).and_then(|p| index.get(&p)).and_then(|&p| annotations.get(p)) {
            at = parent;
            steps += 1;
            if steps > annotations.len() {
                break; // a loop of replies: leave it where it is
            }
        }
        if steps > 0 && steps <= annotations.len() && at.target != a.target {
            moves.push((i, at.target.clone()));
        }
    }
    let placed = moves.len();
    for (i, target) in moves {
        if let Some(a) = annotations.get_mut(i) {
            a.target = target;
            a.quote = None;
        }
    }
    placed
}

/// How [`attach`] placed imported notes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Placed {
    /// Notes attached to a paragraph by their quote.
    pub by_quote: usize,
    /// Page notes placed on the document their address names.
    pub on_documents: usize,
    /// Replies placed with the note they answer.
    pub replies: usize,
}

/// Reads notes from the text of a file in any known format. Foreign notes
/// are [attached](attach) to `graph`'s paragraphs.
///
/// # Errors
///
/// The errors of [`AnnotationSet::from_json_str`],
/// [`from_w3c_str`](super::from_w3c_str) and
/// [`from_hypothesis_str`](super::hypothesis::from_hypothesis_str).
pub fn read_any(text: &str, graph: &AtlasGraph) -> Result<(W3cImport, Imported), AnnotationError> {
    let origin = sniff_text(text);
    let mut import = match origin {
        Origin::Native => {
            let set = AnnotationSet::from_json_str(text)?;
            W3cImport { annotations: set.annotations, links: set.links, warnings: Vec::new() }
        }
        Origin::W3c => super::from_w3c_str(text)?,
        Origin::Hypothesis => super::hypothesis::from_hypothesis_str(text)?,
    };
    let placed = if origin == Origin::Native { Placed::default() } else { attach(&mut import.annotations, graph) };
    let imported = Imported {
        origin,
        annotations: import.annotations.len(),
        links: import.links.len(),
        attached: placed.by_quote,
        on_documents: placed.on_documents,
        replies: placed.replies,
        warnings: std::mem::take(&mut import.warnings),
    };
    Ok((import, imported))
}

impl AnnotationSet {
    /// Opens a file of notes in any known format. A WSIS Atlas file is
    /// [loaded](Self::load) (the set remembers its path, and `None` comes
    /// back); a W3C or Hypothesis file is imported into a new set with no
    /// path (so saving asks where, never overwriting the foreign file), its
    /// notes [attached](attach) to `graph`.
    ///
    /// # Errors
    ///
    /// Any error of [`load`](Self::load) or of the importers.
    pub fn load_any(path: &Path, graph: &AtlasGraph) -> Result<(Self, Option<Imported>), AnnotationError> {
        let text = read_limited(path)?;
        if sniff_text(&text) == Origin::Native {
            // Loaded again as itself, so that changes on disk are noticed and merged.
            return Ok((Self::load(path)?, None));
        }
        let (import, imported) = read_any(&text, graph)?;
        let mut set = AnnotationSet::new();
        set.merge(import.annotations, import.links)?;
        Ok((set, Some(imported)))
    }

    /// Adds the notes and links of a file in any known format (see
    /// [`read_any`]) to this set, skipping ids it already has.
    ///
    /// # Errors
    ///
    /// Any error reading or parsing the file, or of [`merge`](Self::merge);
    /// the set is then unchanged.
    pub fn import_file(
        &mut self,
        path: &Path,
        graph: &AtlasGraph,
    ) -> Result<(Imported, MergeOutcome), AnnotationError> {
        let text = read_limited(path)?;
        let (import, imported) = read_any(&text, graph)?;
        let outcome = self.merge(import.annotations, import.links)?;
        Ok((imported, outcome))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_each_format() {
        let s = |t: &str| sniff_text(t);
        assert_eq!(s(r#"{"format": "wsis-atlas-annotations", "version": 1}"#), Origin::Native);
        assert_eq!(s(r#"{"format": "hypothesis"}"#), Origin::Native);
        assert_eq!(
            s(r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}"#),
            Origin::W3c
        );
        assert_eq!(s(r#"[{"type": "Annotation", "target": "x"}]"#), Origin::W3c);
        assert_eq!(s(r#"{"export_date": "2024-01-01", "annotations": []}"#), Origin::Hypothesis);
        assert_eq!(s(r#"{"total": 0, "rows": []}"#), Origin::Hypothesis);
        assert_eq!(s(r#"[{"uri": "https://x", "text": "n"}]"#), Origin::Hypothesis);
        assert_eq!(s("[]"), Origin::Native);
        assert_eq!(s("not json"), Origin::Native);
    }
}
