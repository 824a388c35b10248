//! The detail panel: a paragraph's full text with its references
//! highlighted and clickable, or everything that cites an entity.

use egui::{RichText, Sense};
use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;

use super::command::Command;
use super::world::World;
use crate::document::sentence_around;
use crate::graph::{AtlasGraph, EdgeKind, Node, NodeKind};
use crate::style::Style;
use crate::style::color32;

/// The detail panel (it keeps nothing of its own: it shows the selection).
#[derive(Debug, Default)]
pub struct DetailPanel;

impl DetailPanel {
    /// Draws the panel; returns the commands chosen.
    pub fn ui(&mut self, ui: &mut egui::Ui, world: &World<'_>) -> Vec<Command> {
        detail_panel_ui(ui, world)
    }
}

fn detail_panel_ui(ui: &mut egui::Ui, world: &World<'_>) -> Vec<Command> {
    let mut out = Vec::new();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(world.view.can_go_back(), egui::Button::new("‹ Back"))
            .on_hover_text("Back (Alt+Left)")
            .clicked()
        {
            out.push(Command::Back);
        }
        if ui
            .add_enabled(world.view.can_go_forward(), egui::Button::new("Forward ›"))
            .on_hover_text("Forward (Alt+Right)")
            .clicked()
        {
            out.push(Command::Forward);
        }
        ui.heading("Details");
    });
    ui.separator();
    let graph = &world.workspace.graph;
    if world.view.selected.is_none()
        && let Some((s, t, kind)) = world.view.selected_edge
    {
        let style = Style::of(ui.ctx());
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            edge_ui(ui, graph, (s, t, kind), &style, &mut out);
        });
        return out;
    }
    let Some((index, node)) = world.view.selected.and_then(|i| graph.node(i).map(|n| (i, n))) else {
        ui.label("Select a node on the map, or find one with Ctrl+F.");
        ui.add_space(8.0);
        ui.label(RichText::new("Click a disc to read a paragraph with its references, or to see every paragraph that cites a resolution, an instrument, a body, an SDG or a stakeholder group.").weak());
        return out;
    };
    let style = Style::of(ui.ctx());
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        header_ui(ui, graph, node, &style);
        ui.horizontal(|ui| {
            if ui.button("Focus on neighbourhood").on_hover_text("Or double-click the node").clicked() {
                out.push(Command::Focus(index));
            }
            let pinned = world.workspace.layout.is_pinned(index);
            if pinned && ui.button("Unpin").clicked() {
                out.push(Command::SetPinned(index, false));
            }
        });
        ui.separator();
        super::notes::node_notes::node_notes_ui(ui, world.notes, graph, index, &mut out);
        match node.kind {
            NodeKind::Paragraph => {
                super::analysis_ui::roles_ui(ui, graph, index);
                let quotes = node.text.as_deref().map(|t| world.notes.quote_spans(&node.id, t)).unwrap_or_default();
                let marks = node.text.as_deref().map(|t| crate::graph::snippet::find_all(t, &world.view.search));
                let mut marks = marks.unwrap_or_default();
                // A mandate's clause, opened from the mandates window.
                if let Some((at, span)) = &world.view.clause_mark
                    && *at == index
                {
                    marks.push(span.clone());
                    marks.sort_by_key(|r| r.start);
                }
                paragraph_text_ui(ui, graph, index, &style, world.view.show_thematic, (&quotes, &marks), &mut out);
                super::analysis_ui::similar_ui(ui, graph, index, &mut out);
                // "Paragraph 71 of resolution 70/125" in another open document.
                if !graph.citing_paragraphs(index).is_empty() {
                    ui.add_space(6.0);
                    citing_ui(ui, graph, index, &style, &mut out);
                }
            }
            // Another open document citing this one ("resolution 70/125").
            NodeKind::Document if !graph.citing_paragraphs(index).is_empty() => {
                citing_ui(ui, graph, index, &style, &mut out);
                bibliography_ui(ui, graph, index, &style, &mut out);
            }
            NodeKind::Document => {
                if let Some(doc) = graph.documents().iter().find(|d| crate::id::document_key(&node.id) == d.id) {
                    document_ui(ui, doc);
                }
                bibliography_ui(ui, graph, index, &style, &mut out);
            }
            NodeKind::Section => {}
            _ => {
                super::analysis_ui::tasks_ui(ui, graph, index, &mut out);
                citing_ui(ui, graph, index, &style, &mut out);
            }
        }
        ui.add_space(8.0);
        links_ui(ui, graph, index, &style, &mut out);
    });
    out
}

/// A selected link: what it is, both ends (click to select either), and
/// each quoted span of its evidence in the sentence it stands in, the
/// words highlighted — "why is this link here?".
fn edge_ui(
    ui: &mut egui::Ui,
    graph: &AtlasGraph,
    (s, t, kind): (NodeIndex, NodeIndex, EdgeKind),
    style: &Style,
    out: &mut Vec<Command>,
) {
    let (Some(from), Some(to)) = (graph.node(s), graph.node(t)) else { return };
    ui.horizontal_wrapped(|ui| {
        if ui.add(egui::Link::new(RichText::new(&from.label).heading())).clicked() {
            out.push(Command::Select(s));
        }
        ui.label(RichText::new(kind.verb()).heading().weak());
        if ui.add(egui::Link::new(RichText::new(&to.label).heading())).clicked() {
            out.push(Command::Select(t));
        }
    });
    ui.label(RichText::new(format!("a {} link", kind.as_str().replace('_', " "))).weak());
    ui.add_space(6.0);
    let Some(edge) = graph.edge_between(s, t, kind).and_then(|e| graph.edge(e)) else { return };
    let Some(text) = from.text.as_deref() else {
        ui.label(RichText::new("A link of the document's structure: no words of the text behind it.").weak());
        return;
    };
    if edge.evidence.is_empty() {
        ui.label(RichText::new("Found by analysis of the paragraph, not quoted words.").weak());
    }
    let color = color32(style.node_color(to.kind));
    for evidence in &edge.evidence {
        let (sentence, at) = sentence_around(text, evidence.start..evidence.end);
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            if let Some(note) = crate::document::footnote_at(text, evidence.start) {
                ui.label(RichText::new(format!("(footnote {note}) ")).weak());
            }
            match (sentence.get(..at.start), sentence.get(at.clone()), sentence.get(at.end..)) {
                (Some(before), Some(quote), Some(after)) => {
                    ui.label(before);
                    ui.label(RichText::new(quote).color(color).strong());
                    ui.label(after);
                }
                _ => {
                    ui.label(sentence);
                }
            }
        });
        ui.add_space(4.0);
    }
    if !edge.deadlines.is_empty() {
        ui.label(format!("Deadlines: {}", edge.deadlines.join("; ")));
    }
}

/// What an open document cites ("Cites: 38 resolutions, 4 decisions, 12
/// documents"), each entry a link that selects it: the list `wsis-atlas
/// references` prints.
fn bibliography_ui(ui: &mut egui::Ui, graph: &AtlasGraph, doc: NodeIndex, style: &Style, out: &mut Vec<Command>) {
    let cited = crate::references::cited_in_graph(graph, doc);
    ui.add_space(6.0);
    ui.collapsing(RichText::new(crate::references::cited_summary(&cited)).strong(), |ui| {
        for c in &cited {
            ui.horizontal_wrapped(|ui| {
                let kind = graph.node(c.node).map_or(NodeKind::Resolution, |n| n.kind);
                let link = ui.add(egui::Link::new(RichText::new(&c.label).color(color32(style.node_color(kind)))));
                if link.clicked() {
                    out.push(Command::Select(c.node));
                }
                let body = if c.body.is_empty() { String::new() } else { format!("{} · ", c.body) };
                ui.label(
                    RichText::new(format!(
                        "{} · {body}{}",
                        c.kind.as_str(),
                        crate::words::count(c.paragraphs, "paragraph")
                    ))
                    .weak(),
                );
            });
        }
    });
}

/// A document's own facts (from its masthead), its outline and what the
/// reader made of it: the same report as `wsis-atlas outline`.
fn document_ui(ui: &mut egui::Ui, doc: &crate::document::Document) {
    let rows = doc.facts.rows();
    if !rows.is_empty() {
        for (label, value) in rows {
            // Wrapped to the panel, never widening it.
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{label}:")).weak());
                ui.label(value);
            });
        }
        ui.add_space(6.0);
    }
    ui.label(RichText::new("Outline").strong());
    for row in crate::outline::rows(doc) {
        ui.horizontal(|ui| {
            ui.add_sized([86.0, 14.0], egui::Label::new(RichText::new(row.range).weak()).truncate());
            let title = format!("{}{}", "   ".repeat(usize::from(row.level)), row.title);
            ui.add(egui::Label::new(title).truncate());
        });
    }
    ui.add_space(6.0);
    let notes: usize = doc.paragraphs.iter().map(|p| p.footnotes.len()).sum();
    let reading = &doc.reading;
    let placed = if reading.placed_words == reading.body_words {
        format!("{} words of body text, all placed", crate::outline::thousands(reading.body_words))
    } else {
        format!(
            "{} words of body text, {} placed (see the warnings)",
            crate::outline::thousands(reading.body_words),
            crate::outline::thousands(reading.placed_words)
        )
    };
    ui.label(format!("{notes} footnotes · {placed}"));
    ui.label(
        RichText::new(format!(
            "{} lines set aside as page furniture or metadata; `wsis-atlas outline` lists them",
            reading.set_aside.len()
        ))
        .weak(),
    );
    if !doc.warnings.is_empty() {
        ui.collapsing(format!("{} reading warnings", doc.warnings.len()), |ui| {
            for w in &doc.warnings {
                ui.label(format!("line {}: {}", w.line, w.message));
            }
        });
    }
}

fn header_ui(ui: &mut egui::Ui, graph: &AtlasGraph, node: &Node, style: &Style) {
    // Wrapped to the panel: a long name (a document's title) never widens
    // the panel past its largest size, where the map would cover its left edge.
    ui.horizontal_wrapped(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), Sense::hover());
        ui.painter().circle_filled(rect.center(), 6.5, color32(style.node_color(node.kind)));
        ui.add(egui::Label::new(RichText::new(&node.label).heading().strong()).wrap());
        ui.label(RichText::new(node.kind.as_str().replace('_', " ")).weak());
    });
    let mut facts: Vec<(&str, String)> = Vec::new();
    if let Some(name) = &node.name {
        facts.push(("Name", name.clone()));
    }
    if let Some(title) = &node.title {
        facts.push(("Title", title.clone()));
    }
    if let Some(symbol) = &node.symbol {
        facts.push(("Symbol", symbol.clone()));
    }
    if let Some(date) = &node.date {
        facts.push(("Adopted", date.clone()));
    }
    if let Some(acronym) = &node.acronym {
        facts.push(("Acronym", acronym.clone()));
    }
    if let Some(part) = &node.part {
        facts.push(("Part", part.clone()));
    }
    if let (Some(section), Some(doc)) = (&node.section, &node.document) {
        let section_title = graph
            .node_by_id(&crate::id::section(crate::id::document_key(doc), section))
            .and_then(|s| s.title.clone())
            .unwrap_or_default();
        // A numbered section's number (`1.1 Bridging…`); a bare heading's key
        // is only its title again.
        let numbered = section.chars().all(|c| c.is_ascii_digit() || c == '.');
        let key = if numbered { format!("{section} ") } else { String::new() };
        facts.push(("Section", format!("{key}{section_title}")));
        if let Some(d) = graph.node_by_id(doc) {
            facts.push(("Document", d.title.clone().unwrap_or_else(|| d.label.clone())));
        }
    }
    facts.push(("Id", node.id.clone()));
    egui::Grid::new("facts").num_columns(2).spacing([8.0, 2.0]).show(ui, |ui| {
        for (k, v) in facts {
            ui.label(RichText::new(k).weak());
            ui.add(egui::Label::new(v).wrap());
            ui.end_row();
        }
    });
}

/// A highlighted reference inside a paragraph's text.
struct Reference {
    start: usize,
    end: usize,
    target: NodeIndex,
    kind: EdgeKind,
}

/// The references of a paragraph, in text order, without overlaps (the
/// earlier, then longer, span wins).
fn references(graph: &AtlasGraph, index: NodeIndex, show_thematic: bool) -> Vec<Reference> {
    let mut refs: Vec<Reference> = graph
        .links(index)
        .into_iter()
        .filter(|l| l.direction == Direction::Outgoing)
        .filter(|l| {
            matches!(l.weight.kind, EdgeKind::Cites | EdgeKind::Mentions)
                || (show_thematic && l.weight.kind == EdgeKind::Thematic)
        })
        .flat_map(|l| {
            l.weight.evidence.iter().map(move |e| Reference {
                start: e.start,
                end: e.end,
                target: l.other,
                kind: l.weight.kind,
            })
        })
        .collect();
    refs.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.kind.cmp(&b.kind)));
    let mut out: Vec<Reference> = Vec::with_capacity(refs.len());
    for r in refs {
        if out.last().is_none_or(|last| r.start >= last.end) {
            out.push(r);
        }
    }
    out
}

/// The text with its references; words quoted by notes and the searched
/// words (`marks`) are highlighted.
fn paragraph_text_ui(
    ui: &mut egui::Ui,
    graph: &AtlasGraph,
    index: NodeIndex,
    style: &Style,
    show_thematic: bool,
    (quotes, marks): (&[super::notes::QuoteSpan], &[std::ops::Range<usize>]),
    out: &mut Vec<Command>,
) {
    let Some(text) = graph.node(index).and_then(|n| n.text.as_ref()) else { return };
    let refs = references(graph, index, show_thematic);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        let mut at = 0;
        for r in &refs {
            let (Some(before), Some(quote)) = (text.get(at..r.start), text.get(r.start..r.end)) else { continue };
            if !before.is_empty() {
                super::search_marks::marked_text_ui(ui, text, at..r.start, quotes, marks, style);
            }
            let Some(target) = graph.node(r.target) else { continue };
            let color = color32(style.node_color(target.kind));
            let mut rich = RichText::new(quote).color(color);
            rich = if r.kind == EdgeKind::Thematic { rich.italics() } else { rich.underline() };
            if super::search_marks::overlaps(marks, r.start, r.end) {
                rich = rich.background_color(color32(style.search_highlight()));
            }
            let hover = format!("{} — {} ({})", target.label, target.display_name(), r.kind.as_str());
            let response = ui.add(egui::Label::new(rich).sense(Sense::click())).on_hover_text(hover);
            if response.clicked() {
                out.push(Command::Select(r.target));
            }
            at = r.end;
        }
        if text.get(at..).is_some_and(|rest| !rest.is_empty()) {
            super::search_marks::marked_text_ui(ui, text, at..text.len(), quotes, marks, style);
        }
    });
}

fn citing_ui(ui: &mut egui::Ui, graph: &AtlasGraph, index: NodeIndex, style: &Style, out: &mut Vec<Command>) {
    let citing = graph.citing_paragraphs(index);
    let direct = citing.iter().filter(|(_, e)| e.kind != EdgeKind::Thematic).count();
    ui.label(
        RichText::new(format!(
            "Cited or mentioned by {}{}",
            crate::words::count(direct, "paragraph"),
            match citing.len() - direct {
                0 => String::new(),
                n => format!(", thematically linked to {n} more"),
            }
        ))
        .strong(),
    );
    for (para, edge) in citing {
        let Some(p) = graph.node(para) else { continue };
        let Some(text) = &p.text else { continue };
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            let link = ui.add(egui::Link::new(RichText::new(format!("{} ", p.label)).strong()));
            if link.clicked() {
                out.push(Command::Select(para));
            }
            if edge.kind == EdgeKind::Thematic {
                ui.label(RichText::new("(thematic) ").weak());
            }
            // The sentence of the first evidence, with the quote marked.
            let Some(first) = edge.evidence.first() else { return };
            if let Some(note) = crate::document::footnote_at(text, first.start) {
                ui.label(RichText::new(format!("(footnote {note}) ")).weak());
            }
            let (sentence, at) = sentence_around(text, first.start..first.end);
            let color = color32(style.node_color(graph.node(index).map_or(NodeKind::Paragraph, |n| n.kind)));
            if let (Some(before), Some(quote), Some(after)) =
                (sentence.get(..at.start), sentence.get(at.clone()), sentence.get(at.end..))
            {
                ui.label(before);
                ui.label(RichText::new(quote).color(color).strong());
                ui.label(after);
            } else {
                ui.label(sentence);
            }
            if edge.evidence.len() > 1 {
                ui.label(RichText::new(format!("  (+{} more in this paragraph)", edge.evidence.len() - 1)).weak());
            }
        });
    }
}

fn links_ui(ui: &mut egui::Ui, graph: &AtlasGraph, index: NodeIndex, style: &Style, out: &mut Vec<Command>) {
    let groups: [(EdgeKind, Direction, &str); 14] = [
        (EdgeKind::Cites, Direction::Outgoing, "Cites"),
        (EdgeKind::Mentions, Direction::Outgoing, "Mentions"),
        (EdgeKind::Thematic, Direction::Outgoing, "Thematic SDGs"),
        (EdgeKind::PartOf, Direction::Outgoing, "Part of"),
        (EdgeKind::PartOf, Direction::Incoming, "Parts cited"),
        (EdgeKind::Contains, Direction::Incoming, "In"),
        (EdgeKind::Contains, Direction::Outgoing, "Contains"),
        (EdgeKind::Follows, Direction::Incoming, "Previous"),
        (EdgeKind::Follows, Direction::Outgoing, "Next"),
        (EdgeKind::Annotation, Direction::Outgoing, "Your links"),
        (EdgeKind::AddressedTo, Direction::Outgoing, "Asks"),
        (EdgeKind::AddressedTo, Direction::Incoming, "Asked by"),
        (EdgeKind::Similar, Direction::Outgoing, "Similar"),
        (EdgeKind::Similar, Direction::Incoming, "Similar"),
    ];
    let links = graph.links(index);
    ui.label(RichText::new("Links").strong());
    for (kind, direction, title) in groups {
        let mut targets: Vec<NodeIndex> =
            links.iter().filter(|l| l.weight.kind == kind && l.direction == direction).map(|l| l.other).collect();
        targets.dedup();
        if targets.is_empty() {
            continue;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{title}:")).weak());
            for t in targets {
                let Some(n) = graph.node(t) else { continue };
                let text = RichText::new(&n.label).color(color32(style.node_color(n.kind)));
                if ui.link(text).on_hover_text(n.display_name()).clicked() {
                    out.push(Command::Select(t));
                }
            }
        });
    }
}
