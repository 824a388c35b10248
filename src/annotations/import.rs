//! Reading notes from any file WSIS Atlas understands — its own annotation
//! files, W3C Web Annotation JSON-LD ([`w3c`](super::w3c)) and Hypothesis
//! exports ([`hypothesis`](super::hypothesis)) — and attaching imported
//! notes to the paragraphs their quotes come from.

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
        if self.attached > 0 {
            s.push_str(&format!(" ({} attached to paragraphs by their quote)", self.attached));
        }
        s
    }
}

/// Attaches each note whose quote is not in its target to the paragraph of
/// `graph` that holds the quote (whatever its source URI was), preferring
/// the one whose text around it best matches the quote's prefix and
/// suffix, the first in graph order on a tie. A note whose quote is found
/// nowhere keeps its target (an orphan, with its source). A replaced
/// target that was not a node is kept in the note's `source` field (unless
/// a `uri` field already says it). Returns how many notes were attached.
pub fn attach(annotations: &mut [Annotation], graph: &AtlasGraph) -> usize {
    let paragraphs: Vec<(&str, &str)> = graph
        .nodes()
        .filter(|(_, n)| n.kind == NodeKind::Paragraph)
        .filter_map(|(_, n)| Some((n.id.as_str(), n.text.as_deref()?)))
        .collect();
    let mut attached = 0;
    for a in annotations {
        let Some(quote) = &a.quote else { continue };
        let here = graph.node_by_id(&a.target).and_then(|n| n.text.as_deref());
        if here.is_some_and(|text| quote.locate(text).is_some()) {
            continue;
        }
        let mut best: Option<(usize, &str)> = None;
        for (id, text) in &paragraphs {
            if let Some((_, score)) = quote.locate_scored(text)
                && best.is_none_or(|(s, _)| score > s)
            {
                best = Some((score, *id));
            }
        }
        let Some((_, id)) = best else { continue };
        let old = std::mem::replace(&mut a.target, id.to_owned());
        let said = a.extra.get("uri").and_then(Value::as_str) == Some(old.as_str());
        if graph.node_by_id(&old).is_none() && !said && !a.extra.contains_key("source") {
            a.extra.insert("source".into(), Value::String(old));
        }
        attached += 1;
    }
    attached
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
    let attached = if origin == Origin::Native { 0 } else { attach(&mut import.annotations, graph) };
    let imported = Imported {
        origin,
        annotations: import.annotations.len(),
        links: import.links.len(),
        attached,
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
