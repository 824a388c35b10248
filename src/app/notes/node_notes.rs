//! The notes of the selected node in the detail panel, with its user links,
//! and the words of a paragraph quoted by notes.

use egui::RichText;
use petgraph::stable_graph::NodeIndex;

use super::state::{Notes, QuoteSpan};
use crate::annotations::clock::short_time;
use crate::annotations::overlay::DEFAULT_BADGE;
use crate::annotations::{Annotation, Link};
use crate::app::command::{Command, NotesCommand};
use crate::app::markdown::markdown_ui;
use crate::graph::AtlasGraph;
use crate::style::{Rgba, color32};

/// The detail panel's notes of the selected node, with its user links.
pub fn node_notes_ui(ui: &mut egui::Ui, notes: &Notes, graph: &AtlasGraph, index: NodeIndex, out: &mut Vec<Command>) {
    let Some(node) = graph.node(index) else { return };
    let mine: Vec<&Annotation> = notes.set.annotations_for(&node.id).collect();
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Notes ({})", mine.len())).strong());
        if ui.button("Annotate").on_hover_text("Add a note to this node (A)").clicked() {
            out.push(Command::Notes(NotesCommand::Annotate(index)));
        }
        if ui.button("Link to…").on_hover_text("Draw your own link to another node").clicked() {
            out.push(Command::Notes(NotesCommand::ShowLinkPicker(index)));
        }
    });
    for a in mine {
        note_ui(ui, a, out);
    }
    let links: Vec<&Link> = notes.set.links_for(&node.id).collect();
    if !links.is_empty() {
        ui.label(RichText::new("Your links").strong());
    }
    for l in links {
        let (arrow, other) = if l.from == node.id { ("to", &l.to) } else { ("from", &l.from) };
        ui.horizontal_wrapped(|ui| {
            ui.label(arrow);
            match graph.index_of(other) {
                Some(o) => {
                    let label = graph.node(o).map_or_else(|| other.clone(), |n| n.label.clone());
                    if ui.link(label).clicked() {
                        out.push(Command::Select(o));
                    }
                }
                None => {
                    ui.label(RichText::new(format!("{other} (not in the open documents)")).weak());
                }
            }
            if !l.label.is_empty() {
                ui.label(RichText::new(format!("“{}”", l.label)).italics());
            }
            if ui.small_button("Delete").on_hover_text("Delete this link").clicked() {
                out.push(Command::Notes(NotesCommand::DeleteLink(l.id.clone())));
            }
        });
    }
    ui.add_space(6.0);
}

fn note_ui(ui: &mut egui::Ui, a: &Annotation, out: &mut Vec<Command>) {
    let accent = color32(a.colour.as_deref().and_then(Rgba::parse_hex).unwrap_or(DEFAULT_BADGE));
    let frame = egui::Frame::new()
        .inner_margin(egui::Margin { left: 8, right: 4, top: 4, bottom: 4 })
        .stroke(egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color))
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let Some(q) = &a.quote {
                ui.label(RichText::new(format!("“{}”", q.exact)).italics().weak());
            }
            markdown_ui(ui, &a.note);
            let mut facts = Vec::new();
            if !a.tags.is_empty() {
                facts.push(a.tags.iter().map(|t| format!("#{t}")).collect::<Vec<_>>().join(" "));
            }
            if let Some(c) = &a.colour {
                facts.push(c.clone());
            }
            if let Some(author) = &a.author {
                facts.push(author.clone());
            }
            facts.push(format!("created {}", short_time(&a.created)));
            if a.modified != a.created {
                facts.push(format!("modified {}", short_time(&a.modified)));
            }
            ui.label(RichText::new(facts.join(" · ")).small().weak());
            ui.horizontal(|ui| {
                if ui.small_button("Edit").clicked() {
                    out.push(Command::Notes(NotesCommand::Edit(a.id.clone())));
                }
                if ui
                    .small_button("Delete")
                    .on_hover_text("Delete this note (the file changes when you save)")
                    .clicked()
                {
                    out.push(Command::Notes(NotesCommand::Delete(a.id.clone())));
                }
            });
        });
    let r = frame.response.rect;
    let bar =
        egui::Rect::from_min_max(r.left_top() + egui::vec2(1.0, 1.0), egui::pos2(r.left() + 4.0, r.bottom() - 1.0));
    ui.painter().rect_filled(bar, 1.0, accent);
    ui.add_space(4.0);
}

/// Draws `text[range]` as plain labels, quoted words on their note's colour.
pub fn quoted_text_ui(ui: &mut egui::Ui, text: &str, range: std::ops::Range<usize>, quotes: &[QuoteSpan]) {
    let mut at = range.start;
    for q in quotes {
        let (start, end) = (q.range.start.max(at), q.range.end.min(range.end));
        if start >= end {
            continue;
        }
        if let Some(before) = text.get(at..start).filter(|s| !s.is_empty()) {
            ui.label(before);
        }
        if let Some(quoted) = text.get(start..end) {
            let bg = color32(q.colour.fade(0.35));
            ui.label(RichText::new(quoted).background_color(bg).color(ui.visuals().strong_text_color()))
                .on_hover_text("Quoted by a note");
        }
        at = end;
    }
    if let Some(rest) = text.get(at..range.end).filter(|s| !s.is_empty()) {
        ui.label(rest);
    }
}
