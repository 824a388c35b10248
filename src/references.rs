//! A document's bibliography: every resolution, decision, document and
//! instrument it cites, with the body that adopted it, the paragraphs (and
//! footnotes) that cite it and the citing words; and every resolution-like
//! number in a citing context that was left unlinked, with the reason. The
//! `references` command prints it (text, CSV, JSON, Markdown) and the
//! window's document panel lists it.
//!
//! It reads a [`Document`] with the same extractor as the graph
//! ([`crate::extract::extract`] on each paragraph's display text, footnotes
//! included), plus the notes and lines the reader set aside in the masthead
//! (a "* On behalf of …, taking into account … resolution ES-10/23" note),
//! which belong to no paragraph.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::document::{self, Document, LineKind};
use crate::extract::{self, Catalogue, Entity, Relation};

/// What a reference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefKind {
    /// A resolution (`A/RES/78/16`, `A/HRC/RES/47/16`, `CSW res. 69/1`).
    Resolution,
    /// A decision (`A/DEC/79/571`, `CBD COP dec. 15/4`).
    Decision,
    /// A report, record or note cited by its symbol (`A/70/53`).
    Document,
    /// A named instrument (the Tunis Agenda, the Universal Declaration).
    Instrument,
}

impl RefKind {
    /// `resolution`, `decision`, `document`, `instrument`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            RefKind::Resolution => "resolution",
            RefKind::Decision => "decision",
            RefKind::Document => "document",
            RefKind::Instrument => "instrument",
        }
    }

    /// Plural, for counts: `resolutions`.
    #[must_use]
    pub fn plural(self) -> &'static str {
        match self {
            RefKind::Resolution => "resolutions",
            RefKind::Decision => "decisions",
            RefKind::Document => "documents",
            RefKind::Instrument => "instruments",
        }
    }
}

/// Where a reference is cited and with which words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The paragraph's label (`PP3`, `¶12`, `Annex ¶4`), or `masthead`.
    pub paragraph: String,
    /// The paragraph's node id (`para:res:pp3`); empty for the masthead.
    pub node: String,
    /// The footnote of the paragraph the words stand in, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub footnote: Option<u32>,
    /// The citing words, as written (whitespace folded).
    pub quote: String,
}

/// One cited resolution, decision, document or instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// Its node id in the graph (`res:A/RES/78/16`, `undoc:A/70/53`, `inst:tunis-agenda`).
    pub id: String,
    /// What it is.
    pub kind: RefKind,
    /// The normalised symbol, or the instrument's name.
    pub symbol: String,
    /// The map's label (`78/16`, `HRC 47/16`, `SC 2341 (2017)`).
    pub label: String,
    /// The body that adopted it (or whose series a document belongs to);
    /// empty for an instrument.
    pub body: String,
    /// Every place that cites it, in reading order.
    pub places: Vec<Place>,
}

/// A resolution-like number in a citing context that no citation covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unlinked {
    /// Where it stands.
    pub place: Place,
    /// Why it was left.
    pub reason: String,
}

/// The bibliography of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bibliography {
    /// The document's id (`A-RES-80-4`).
    pub document: String,
    /// Its own symbol, when its masthead gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// Every reference, resolutions first, then decisions, documents and
    /// instruments, each in order of first citation.
    pub references: Vec<Reference>,
    /// Numbers in a citing context left unlinked, with their reasons.
    pub unresolved: Vec<Unlinked>,
}

impl Bibliography {
    /// How many references of a kind.
    #[must_use]
    pub fn count(&self, kind: RefKind) -> usize {
        self.references.iter().filter(|r| r.kind == kind).count()
    }

    /// "Cites: 38 resolutions, 4 decisions, 12 documents, 2 instruments"
    /// (kinds with none left out; "Cites nothing" when empty).
    #[must_use]
    pub fn summary(&self) -> String {
        let parts: Vec<String> = [RefKind::Resolution, RefKind::Decision, RefKind::Document, RefKind::Instrument]
            .into_iter()
            .filter_map(|k| {
                let n = self.count(k);
                (n > 0).then(|| format!("{n} {}", if n == 1 { k.as_str() } else { k.plural() }))
            })
            .collect();
        if parts.is_empty() { "Cites nothing".to_owned() } else { format!("Cites: {}", parts.join(", ")) }
    }
}

/// The body of a normalised symbol: "General Assembly" for `A/RES/…`,
/// "Commission on the Status of Women" for `CSW res. …`; for a document,
/// the body whose series it is in (`A/HRC/43/52`: the Human Rights Council).
#[must_use]
pub fn body_of(symbol: &str) -> &'static str {
    const SERIES: [(&str, &str); 9] = [
        ("A/HRC/", "Human Rights Council"),
        ("A/CONF.", "United Nations conference"),
        ("A/", "General Assembly"),
        ("E/CN.", "Economic and Social Council (functional commission)"),
        ("E/", "Economic and Social Council"),
        ("S/", "Security Council"),
        ("ST/", "Secretariat"),
        ("CCPR/", "Human Rights Committee"),
        ("TD/", "UNCTAD"),
    ];
    if let Some(other) =
        extract::OTHER_BODIES.iter().find(|b| symbol.strip_prefix(b.code).is_some_and(|r| r.starts_with(' ')))
    {
        return other.name;
    }
    SERIES.iter().find(|(prefix, _)| symbol.starts_with(prefix)).map_or("", |(_, body)| body)
}

/// Whether a normalised symbol is a decision's.
fn is_decision(symbol: &str) -> bool {
    symbol.contains("/DEC/") || symbol.contains(" dec. ")
}

/// Whitespace folded to single spaces: a quote on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The bibliography of `doc`.
#[must_use]
pub fn of(doc: &Document, catalogue: &Catalogue) -> Bibliography {
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    let mut references: Vec<Reference> = Vec::new();
    let mut unresolved = Vec::new();
    let mut texts: Vec<(String, String, String)> =
        doc.paragraphs.iter().map(|p| (p.label(), p.node_id(&doc.id), p.display_text())).collect();
    texts.extend(masthead_notes(doc).into_iter().map(|t| ("masthead".to_owned(), String::new(), t)));
    for (label, node, text) in &texts {
        let mentions = extract::extract(text, catalogue);
        let mut linked = Vec::new();
        for m in mentions {
            if m.relation != Relation::Cites {
                continue;
            }
            let (id, kind, symbol, ref_label) = match &m.entity {
                Entity::Resolution(symbol) | Entity::ResolutionPart { symbol, .. } => {
                    linked.push(m.span.clone());
                    if Some(symbol.as_str()) == doc.symbol.as_deref() {
                        continue;
                    }
                    let kind = if is_decision(symbol) { RefKind::Decision } else { RefKind::Resolution };
                    let label = catalogue.info(&Entity::Resolution(symbol.clone())).label;
                    (crate::id::resolution(symbol), kind, symbol.clone(), label)
                }
                Entity::Document(symbol) => {
                    if Some(symbol.as_str()) == doc.symbol.as_deref() {
                        continue;
                    }
                    (crate::id::cited_document(symbol), RefKind::Document, symbol.clone(), symbol.clone())
                }
                Entity::Instrument { key, .. } => {
                    let whole = Entity::Instrument { key: key.clone(), part: None };
                    let info = catalogue.info(&whole);
                    (whole.id(), RefKind::Instrument, info.name.unwrap_or_else(|| key.clone()), info.label)
                }
                _ => continue,
            };
            let place = Place {
                paragraph: label.clone(),
                node: node.clone(),
                footnote: document::footnote_at(text, m.span.start),
                quote: one_line(text.get(m.span.clone()).unwrap_or_default()),
            };
            let at = *by_id.entry(id.clone()).or_insert_with(|| {
                let body = if kind == RefKind::Instrument { "" } else { body_of(&symbol) };
                references.push(Reference {
                    id: id.clone(),
                    kind,
                    symbol: symbol.clone(),
                    label: ref_label,
                    body: body.to_owned(),
                    places: Vec::new(),
                });
                references.len() - 1
            });
            if let Some(reference) = references.get_mut(at)
                && !reference.places.contains(&place)
            {
                reference.places.push(place);
            }
        }
        for u in extract::unresolved(text, &linked) {
            unresolved.push(Unlinked {
                place: Place {
                    paragraph: label.clone(),
                    node: node.clone(),
                    footnote: document::footnote_at(text, u.span.start),
                    quote: one_line(text.get(u.span.clone()).unwrap_or_default()),
                },
                reason: u.reason.to_owned(),
            });
        }
    }
    references.sort_by_key(|r| r.kind);
    Bibliography { document: doc.id.clone(), symbol: doc.symbol.clone(), references, unresolved }
}

/// The masthead's lines and notes the reader set aside, joined run by run
/// (a note runs over several lines): the words that belong to no paragraph.
fn masthead_notes(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last: Option<(usize, LineKind)> = None;
    for line in &doc.reading.set_aside {
        if !matches!(line.kind, LineKind::Masthead | LineKind::Footnote) {
            last = None;
            continue;
        }
        let continues = last.is_some_and(|(l, k)| k == line.kind && line.line <= l + 2);
        match out.last_mut() {
            Some(text) if continues => {
                text.push(' ');
                text.push_str(&line.text);
            }
            _ => out.push(line.text.clone()),
        }
        last = Some((line.line, line.kind));
    }
    out
}

/// Output formats of the `references` command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// An aligned text table (the default).
    #[default]
    Text,
    /// One row per citing place: `document,kind,symbol,label,body,paragraph,footnote,quote`.
    Csv,
    /// The bibliographies as a JSON array.
    Json,
    /// A Markdown table per document, then its unlinked numbers.
    Md,
}

/// Places as `PP3, ¶12 (note 4)`.
fn places(reference: &Reference) -> String {
    let mut out: Vec<String> = Vec::new();
    for p in &reference.places {
        let place = match p.footnote {
            Some(n) => format!("{} (note {n})", p.paragraph),
            None => p.paragraph.clone(),
        };
        if !out.contains(&place) {
            out.push(place);
        }
    }
    out.join(", ")
}

/// The citing words, distinct, joined with " | ".
fn quotes(reference: &Reference) -> String {
    let mut out: Vec<&str> = Vec::new();
    for p in &reference.places {
        if !out.contains(&p.quote.as_str()) {
            out.push(&p.quote);
        }
    }
    out.join(" | ")
}

/// A CSV field, quoted when needed (RFC 4180).
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// A Markdown table cell: pipes escaped, on one line.
fn md_cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

/// The bibliographies in `format`.
///
/// # Errors
///
/// Only if JSON serialisation fails (it does not for these types).
pub fn render(bibliographies: &[Bibliography], format: Format) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    match format {
        Format::Json => {
            out = serde_json::to_string_pretty(bibliographies)?;
            out.push('\n');
        }
        Format::Csv => {
            out.push_str("document,kind,symbol,label,body,paragraph,footnote,quote\n");
            for b in bibliographies {
                for r in &b.references {
                    for p in &r.places {
                        let footnote = p.footnote.map(|n| n.to_string()).unwrap_or_default();
                        let row = [
                            b.document.as_str(),
                            r.kind.as_str(),
                            r.symbol.as_str(),
                            r.label.as_str(),
                            r.body.as_str(),
                            p.paragraph.as_str(),
                            footnote.as_str(),
                            p.quote.as_str(),
                        ];
                        let row: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
                        out.push_str(&row.join(","));
                        out.push('\n');
                    }
                }
                for u in &b.unresolved {
                    let footnote = u.place.footnote.map(|n| n.to_string()).unwrap_or_default();
                    let row = [
                        b.document.as_str(),
                        "unresolved",
                        "",
                        "",
                        u.reason.as_str(),
                        u.place.paragraph.as_str(),
                        footnote.as_str(),
                        u.place.quote.as_str(),
                    ];
                    let row: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
                    out.push_str(&row.join(","));
                    out.push('\n');
                }
            }
        }
        Format::Md => {
            for b in bibliographies {
                let name = b.symbol.as_deref().unwrap_or(&b.document);
                let _ = writeln!(out, "## {name}\n\n{}\n", b.summary());
                out.push_str("| Kind | Symbol | Body | Cited in | Words |\n|---|---|---|---|---|\n");
                for r in &b.references {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} | {} |",
                        r.kind.as_str(),
                        md_cell(&r.symbol),
                        md_cell(&r.body),
                        md_cell(&places(r)),
                        md_cell(&quotes(r))
                    );
                }
                if !b.unresolved.is_empty() {
                    let _ = writeln!(out, "\nUnresolved ({}):\n", b.unresolved.len());
                    for u in &b.unresolved {
                        let _ = writeln!(
                            out,
                            "- {}: \u{201c}{}\u{201d}: {}",
                            u.place.paragraph,
                            md_cell(&u.place.quote),
                            u.reason
                        );
                    }
                }
                out.push('\n');
            }
        }
        Format::Text => {
            for b in bibliographies {
                let name = b.symbol.as_deref().unwrap_or(&b.document);
                let _ = writeln!(out, "{name}: {}", b.summary());
                let rows: Vec<[String; 5]> = b
                    .references
                    .iter()
                    .map(|r| [r.kind.as_str().to_owned(), r.symbol.clone(), r.body.clone(), places(r), quotes(r)])
                    .collect();
                let header = ["kind", "symbol", "body", "cited in", "words"].map(str::to_owned);
                let mut widths = [0usize; 4];
                for row in std::iter::once(&header).chain(&rows) {
                    for (w, cell) in widths.iter_mut().zip(row.iter()) {
                        *w = (*w).max(cell.chars().count());
                    }
                }
                for row in std::iter::once(&header).chain(&rows) {
                    let mut line = String::new();
                    for (w, cell) in widths.iter().zip(row.iter()) {
                        let pad = w.saturating_sub(cell.chars().count());
                        let _ = write!(line, "{cell}{}  ", " ".repeat(pad));
                    }
                    line.push_str(row.last().map_or("", String::as_str));
                    let _ = writeln!(out, "{}", line.trim_end());
                }
                for u in &b.unresolved {
                    let _ = writeln!(
                        out,
                        "unresolved  {}  \u{201c}{}\u{201d}: {}",
                        u.place.paragraph, u.place.quote, u.reason
                    );
                }
                out.push('\n');
            }
        }
    }
    Ok(out)
}

/// One entry of a document's list in the window: a node it cites, what it
/// is, its body and how many of the document's paragraphs cite it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// The cited node (a part of a resolution or instrument counts as its whole).
    pub node: petgraph::stable_graph::NodeIndex,
    /// What it is.
    pub kind: RefKind,
    /// Its label on the map.
    pub label: String,
    /// The body that adopted it (empty for an instrument).
    pub body: String,
    /// How many paragraphs of the document cite it.
    pub paragraphs: usize,
}

/// What the paragraphs of the open document `doc` (a document node) cite,
/// from the graph: resolutions, decisions, documents and instruments, in
/// that order, each in order of first citation; the list the window's
/// document panel shows ("Cites: 38 resolutions, 4 decisions, 12 documents").
#[must_use]
pub fn cited_in_graph(graph: &crate::graph::AtlasGraph, doc: petgraph::stable_graph::NodeIndex) -> Vec<Cited> {
    use crate::graph::{EdgeKind, NodeKind};
    use petgraph::visit::EdgeRef as _;
    let Some(doc_id) = graph.node(doc).map(|n| n.id.clone()) else { return Vec::new() };
    let mut out: Vec<Cited> = Vec::new();
    let mut paragraphs: Vec<_> = graph
        .nodes()
        .filter(|(_, n)| n.kind == NodeKind::Paragraph && n.document.as_deref() == Some(doc_id.as_str()))
        .map(|(i, _)| i)
        .collect();
    paragraphs.sort();
    for para in paragraphs {
        let mut seen: Vec<petgraph::stable_graph::NodeIndex> = Vec::new();
        for edge in graph.inner().edges_directed(para, petgraph::Direction::Outgoing) {
            if edge.weight().kind != EdgeKind::Cites {
                continue;
            }
            // A part stands for its whole.
            let target = graph
                .inner()
                .edges_directed(edge.target(), petgraph::Direction::Outgoing)
                .find(|e| e.weight().kind == EdgeKind::PartOf)
                .map_or(edge.target(), |e| e.target());
            let Some(node) = graph.node(target) else { continue };
            let symbol = node.symbol.as_deref().unwrap_or_default();
            let kind = match node.kind {
                NodeKind::Resolution if is_decision(symbol) => RefKind::Decision,
                NodeKind::Resolution | NodeKind::Document => RefKind::Resolution,
                NodeKind::CitedDocument => RefKind::Document,
                NodeKind::Instrument => RefKind::Instrument,
                _ => continue,
            };
            if seen.contains(&target) {
                continue;
            }
            seen.push(target);
            match out.iter_mut().find(|c| c.node == target) {
                Some(c) => c.paragraphs += 1,
                None => out.push(Cited {
                    node: target,
                    kind,
                    label: node.label.clone(),
                    body: if kind == RefKind::Instrument { String::new() } else { body_of(symbol).to_owned() },
                    paragraphs: 1,
                }),
            }
        }
    }
    out.sort_by_key(|c| c.kind);
    out
}

/// "Cites: 38 resolutions, 4 decisions, 12 documents" for a list of [`Cited`].
#[must_use]
pub fn cited_summary(cited: &[Cited]) -> String {
    let parts: Vec<String> = [RefKind::Resolution, RefKind::Decision, RefKind::Document, RefKind::Instrument]
        .into_iter()
        .filter_map(|k| {
            let n = cited.iter().filter(|c| c.kind == k).count();
            (n > 0).then(|| format!("{n} {}", if n == 1 { k.as_str() } else { k.plural() }))
        })
        .collect();
    if parts.is_empty() { "Cites nothing".to_owned() } else { format!("Cites: {}", parts.join(", ")) }
}
