//! The `stats` report: what a document contains and what it cites most.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::analysis::Role;
use crate::graph::{AtlasGraph, EdgeKind, NodeKind};
use crate::words::count;

/// How many top entries each "most cited" list shows.
pub const TOP: usize = 8;

/// Counts by kind and the most-referred-to entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Per document: title, source, paragraphs, and per section (key, title, paragraphs).
    pub documents: Vec<DocumentStats>,
    /// Nodes per kind (every kind, zero included), in [`NodeKind::ALL`] order.
    pub nodes: Vec<(NodeKind, usize)>,
    /// Edges per kind, in [`EdgeKind::ALL`] order.
    pub edges: Vec<(EdgeKind, usize)>,
    /// For each entity kind, the most-referred-to entities.
    pub top: Vec<(NodeKind, Vec<Cited>)>,
    /// Paragraphs per clause role (every role, zero included), in [`Role::ALL`] order.
    pub roles: Vec<(Role, usize)>,
    /// Parser warnings, as `source:line: message`.
    pub warnings: Vec<String>,
}

/// An entity and how many paragraphs refer to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// Map label (`68/302`).
    pub label: String,
    /// Node id (`res:A/RES/68/302`).
    pub id: String,
    /// Paragraphs that cite or mention it (thematic links not counted).
    pub paragraphs: usize,
}

/// One document's part of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentStats {
    /// Title line.
    pub title: String,
    /// Where it was read from.
    pub source: String,
    /// Paragraph count.
    pub paragraphs: usize,
    /// (key, title, paragraph count) per section.
    pub sections: Vec<(String, String, usize)>,
}

/// Gathers the report.
#[must_use]
pub fn stats(graph: &AtlasGraph) -> Stats {
    let documents = graph
        .documents()
        .iter()
        .map(|d| DocumentStats {
            title: d.title.clone(),
            source: d.source.clone(),
            paragraphs: d.paragraphs.len(),
            sections: d
                .sections
                .iter()
                .enumerate()
                .map(|(i, s)| (s.key.clone(), s.title.clone(), d.paragraphs.iter().filter(|p| p.section == i).count()))
                .collect(),
        })
        .collect();
    let census = graph.census();
    let mut edge_counts: BTreeMap<EdgeKind, usize> = BTreeMap::new();
    for (_, _, e) in graph.edges() {
        *edge_counts.entry(e.kind).or_default() += 1;
    }
    let top = NodeKind::ENTITIES
        .into_iter()
        .map(|kind| {
            let mut entries: Vec<Cited> = graph
                .nodes()
                .filter(|(_, n)| n.kind == kind)
                .map(|(i, n)| {
                    let citing: std::collections::BTreeSet<_> = graph
                        .citing_paragraphs(i)
                        .into_iter()
                        .filter(|(_, e)| e.kind != EdgeKind::Thematic)
                        .map(|(p, _)| p)
                        .collect();
                    Cited { label: n.label.clone(), id: n.id.clone(), paragraphs: citing.len() }
                })
                .filter(|e| e.paragraphs > 0)
                .collect();
            entries.sort_by(|a, b| b.paragraphs.cmp(&a.paragraphs).then_with(|| a.id.cmp(&b.id)));
            entries.truncate(TOP);
            (kind, entries)
        })
        .collect();
    let roles = Role::ALL.iter().map(|r| (*r, census.role(*r))).collect();
    let warnings = graph
        .documents()
        .iter()
        .flat_map(|d| d.warnings.iter().map(move |w| format!("{}:{}: {}", d.source, w.line, w.message)))
        .collect();
    Stats {
        documents,
        nodes: NodeKind::ALL.iter().map(|k| (*k, census.kind(*k))).collect(),
        edges: EdgeKind::ALL.iter().map(|k| (*k, edge_counts.get(k).copied().unwrap_or(0))).collect(),
        top,
        roles,
        warnings,
    }
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = String::new();
        for d in &self.documents {
            let _ = writeln!(out, "{}", d.title);
            let _ = writeln!(out, "  source: {}", d.source);
            let _ = writeln!(out, "  {}, {}", count(d.sections.len(), "section"), count(d.paragraphs, "paragraph"));
            for (key, title, n) in &d.sections {
                // A numbered section shows its number ("2.1 ICT for development"); a
                // heading without one is keyed by its words, which say nothing more.
                let numbered = key.chars().any(|c| c.is_ascii_digit()) || (key.len() <= 5 && key != "preamble");
                let key = if numbered { format!("{key} ") } else { String::new() };
                let _ = writeln!(out, "    {key}{title}: {}", count(*n, "paragraph"));
            }
            let _ = writeln!(out);
        }
        let total: usize = self.nodes.iter().map(|(_, c)| c).sum();
        let _ = writeln!(out, "nodes: {total}");
        for (kind, count) in self.nodes.iter().filter(|(_, c)| *c > 0) {
            let _ = writeln!(out, "  {:<13} {count:>5}", kind.as_str());
        }
        let total: usize = self.edges.iter().map(|(_, c)| c).sum();
        let _ = writeln!(out, "edges: {total}");
        for (kind, count) in self.edges.iter().filter(|(_, c)| *c > 0) {
            let _ = writeln!(out, "  {:<13} {count:>5}", kind.as_str());
        }
        if self.roles.iter().any(|(_, c)| *c > 0) {
            let _ = writeln!(out, "\nclause roles (paragraphs):");
            for (role, count) in self.roles.iter().filter(|(_, c)| *c > 0) {
                let _ = writeln!(out, "  {:<17} {count:>5}", role.as_str());
            }
        }
        for (kind, entries) in &self.top {
            if entries.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\nmost cited {} (paragraphs):", kind.plural().to_lowercase());
            for Cited { label, id, paragraphs } in entries {
                let _ = writeln!(out, "  {paragraphs:>3}  {label:<28} {id}");
            }
        }
        if !self.warnings.is_empty() {
            let _ = writeln!(out, "\nwarnings:");
            for w in &self.warnings {
                let _ = writeln!(out, "  {w}");
            }
        }
        f.write_str(&out)
    }
}
