//! The graph as two CSV tables, as spreadsheets and Cytoscape ("Import
//! Network from File" with the links, "Import Table" with the nodes) read
//! them: UTF-8, a header row, RFC 4180 quoting.
//!
//! - nodes: `id`, then the attributes of the other data exports
//!   ([`super::fields::NODE`]: label, kind, text, …, color, size), then
//!   the layout position `x`, `y`;
//! - links: `source`, `target` (node ids), their labels, `kind`, the
//!   evidence's quotes (`quote`, one per line) and the same evidence as JSON
//!   with its offsets in bytes and characters (`evidence`), `score`,
//!   `deadlines` (one per line), and a user link's `label`, `note` and
//!   `link_id`.

use petgraph::stable_graph::NodeIndex;

use super::fields::{self, json_text};
use super::json::EvidenceEntry;
use super::xml::num;
use crate::annotations::AnnotationSet;
use crate::graph::AtlasGraph;

/// The link table's columns.
pub const LINK_COLUMNS: [&str; 13] = [
    "source",
    "target",
    "source_label",
    "target_label",
    "kind",
    "quote",
    "evidence",
    "evidence_count",
    "score",
    "deadlines",
    "label",
    "note",
    "link_id",
];

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, super::ExportError> {
    writer.into_inner().map_err(|e| super::ExportError::Encode { what: "CSV", message: e.to_string() })
}

fn encode(e: &csv::Error) -> super::ExportError {
    super::ExportError::Encode { what: "CSV", message: e.to_string() }
}

/// The nodes table of the visible nodes, in graph order.
///
/// # Errors
///
/// [`super::ExportError::Encode`] only if writing to memory fails.
pub fn nodes(
    graph: &AtlasGraph,
    position: &dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    visible: &dyn Fn(NodeIndex) -> bool,
    notes: Option<&AnnotationSet>,
) -> Result<Vec<u8>, super::ExportError> {
    let fields = fields::Context::new(graph);
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["id"];
    header.extend(fields::NODE.iter().map(|(name, _)| *name));
    header.extend(["x", "y", "notes"]);
    writer.write_record(&header).map_err(|e| encode(&e))?;
    for (index, node) in graph.nodes().filter(|(i, _)| visible(*i)) {
        let values = fields.values(index, node);
        let mut row: Vec<String> = Vec::with_capacity(header.len());
        row.push(node.id.clone());
        for (name, _) in fields::NODE {
            row.push(values.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()).unwrap_or_default());
        }
        let p = position(index).filter(|p| p[0].is_finite() && p[1].is_finite());
        row.push(p.map(|p| num(p[0])).unwrap_or_default());
        row.push(p.map(|p| num(p[1])).unwrap_or_default());
        let on: Vec<_> = notes.map(|set| set.annotations_for(&node.id).collect()).unwrap_or_default();
        row.push(if on.is_empty() { String::new() } else { json_text(&on) });
        writer.write_record(&row).map_err(|e| encode(&e))?;
    }
    finish(writer)
}

/// The links table of the edges between visible nodes, in graph order,
/// then the user's links (kind `annotation`) when `notes` are given.
///
/// # Errors
///
/// [`super::ExportError::Encode`] only if writing to memory fails.
pub fn links(
    graph: &AtlasGraph,
    visible: &dyn Fn(NodeIndex) -> bool,
    notes: Option<&AnnotationSet>,
) -> Result<Vec<u8>, super::ExportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(LINK_COLUMNS).map_err(|e| encode(&e))?;
    for (s, t, edge) in graph.edges().filter(|(s, t, _)| visible(*s) && visible(*t)) {
        let (Some(from), Some(to)) = (graph.node(s), graph.node(t)) else { continue };
        let evidence = EvidenceEntry::all(from.text.as_deref(), &edge.evidence);
        let quotes: Vec<&str> = evidence.iter().map(|e| e.quote.as_str()).collect();
        let row = [
            from.id.as_str(),
            to.id.as_str(),
            from.label.as_str(),
            to.label.as_str(),
            edge.kind.as_str(),
            &quotes.join("\n"),
            &if evidence.is_empty() { String::new() } else { json_text(&evidence) },
            &evidence.len().to_string(),
            &edge.score().map(|s| format!("{s:.3}")).unwrap_or_default(),
            &edge.deadlines.join("\n"),
            "",
            "",
            "",
        ];
        writer.write_record(row).map_err(|e| encode(&e))?;
    }
    if let Some(set) = notes {
        let shown = |id: &str| graph.index_of(id).is_some_and(visible);
        for link in set.links().iter().filter(|l| shown(&l.from) && shown(&l.to)) {
            let label = |id: &str| graph.index_of(id).and_then(|n| graph.node(n)).map(|n| n.label.clone());
            let row = [
                link.from.as_str(),
                link.to.as_str(),
                &label(&link.from).unwrap_or_default(),
                &label(&link.to).unwrap_or_default(),
                crate::graph::EdgeKind::Annotation.as_str(),
                "",
                "",
                "0",
                "",
                "",
                link.label.as_str(),
                link.note.as_str(),
                link.id.as_str(),
            ];
            writer.write_record(row).map_err(|e| encode(&e))?;
        }
    }
    finish(writer)
}
