//! Possible overlaps: similar requests to the same addressee in different
//! open documents — the same report asked for twice, or a recurring request
//! renewed from one resolution of a series to the next. The registry's tasks
//! are compared with the paragraph similarity measure
//! ([`crate::analysis::similar_pairs`]: TF-IDF cosine and shared passages),
//! so finding them costs no pass over all pairs.

use serde::Serialize;

use super::Mandate;
use crate::analysis::{SimilarityParams, similar_pairs};
use crate::graph::AtlasGraph;

/// Why two mandates may overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OverlapKind {
    /// The documents are resolutions of one series (the same title under
    /// another number): the request is renewed.
    Renewed,
    /// Different documents ask the same addressee for much the same thing.
    Duplicate,
}

impl OverlapKind {
    /// The name in tables: `renewed in a series`, `possible duplicate`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            OverlapKind::Renewed => "renewed in a series",
            OverlapKind::Duplicate => "possible duplicate",
        }
    }
}

/// Two mandates that may overlap, by their positions in the registry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overlap {
    /// The earlier row (in registry order).
    pub a: usize,
    /// The later row.
    pub b: usize,
    /// How alike their tasks are (0..=1).
    pub score: f32,
    /// The addressees' names they share.
    pub shared: Vec<String>,
    /// Renewed in a series, or a possible duplicate.
    pub kind: OverlapKind,
}

/// The smallest similarity of two tasks flagged as a possible overlap.
pub const MIN_SCORE: f32 = 0.45;

/// The title without its resolution number (`78/132. Information and …` →
/// `information and …`), lower case: the series a resolution belongs to.
fn series(title: &str) -> String {
    let t = title.trim();
    let t = match t.split_once(". ") {
        Some((number, rest)) if number.chars().all(|c| c.is_ascii_digit() || c == '/') => rest,
        _ => t,
    };
    t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The possible overlaps among `mandates` (from [`super::registry`] of
/// `graph`): pairs from different documents with at least one addressee in
/// common (a graph entity) and tasks at least [`MIN_SCORE`] alike, best
/// first.
#[must_use]
pub fn overlaps(graph: &AtlasGraph, mandates: &[Mandate]) -> Vec<Overlap> {
    let texts: Vec<&str> = mandates.iter().map(|m| m.task.as_str()).collect();
    let params = SimilarityParams {
        min_cosine: MIN_SCORE,
        min_passage: 0.6,
        max_df_fraction: 0.2,
        ..SimilarityParams::default()
    };
    let title = |doc: &str| graph.documents().iter().find(|d| d.id == doc).map(|d| series(&d.title));
    let mut out = Vec::new();
    for pair in similar_pairs(&texts, &params) {
        let (Some(a), Some(b)) = (mandates.get(pair.a), mandates.get(pair.b)) else { continue };
        if a.document == b.document || pair.score < MIN_SCORE {
            continue;
        }
        let shared: Vec<String> = a
            .addressees
            .iter()
            .filter(|x| x.id.is_some() && b.addressees.iter().any(|y| y.id == x.id))
            .map(|x| x.name.clone())
            .collect();
        if shared.is_empty() {
            continue;
        }
        let kind = match (title(&a.document), title(&b.document)) {
            (Some(x), Some(y)) if x == y && !x.is_empty() => OverlapKind::Renewed,
            _ => OverlapKind::Duplicate,
        };
        out.push(Overlap { a: pair.a.min(pair.b), b: pair.a.max(pair.b), score: pair.score, shared, kind });
    }
    out.sort_by(|x, y| y.score.total_cmp(&x.score).then((x.a, x.b).cmp(&(y.a, y.b))));
    out
}

#[cfg(test)]
mod tests {
    use super::series;

    #[test]
    fn series_drops_the_number() {
        assert_eq!(
            series("78/132. Information and communications technologies for sustainable development"),
            series("76/189.  Information and communications technologies for  sustainable development")
        );
        assert_eq!(series("Outcome document"), "outcome document");
    }
}
