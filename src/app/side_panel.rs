//! The side panel: search, and filters by kind (the legend), section and
//! link type, and the focus controls.

use egui::{Color32, RichText};

use super::command::Command;
use super::view::FOCUS_DEPTHS;
use super::world::World;
use crate::graph::{Census, Node, NodeKind};
use crate::scene::{ColorBy, first_words};
use crate::style::color32;

/// Id of the search field (tests and Ctrl+F find it by this).
pub const SEARCH_ID: &str = "search_field";

/// The side panel's own state: requests it takes up on the next frame.
#[derive(Debug, Default)]
pub struct SidePanel {
    /// The search field takes the keyboard on the next frame (Ctrl+F).
    pub focus_search: bool,
    /// The clause-role list opens on the next frame (the map turned to role colours).
    pub reveal_roles: bool,
}

impl SidePanel {
    /// Draws the panel; returns the commands chosen.
    pub fn ui(&mut self, ui: &mut egui::Ui, world: &World<'_>) -> Vec<Command> {
        let mut out = Vec::new();
        // Counts for the kind and role lists: one pass over the graph a frame.
        let census = world.workspace.graph.census();
        let focus_search = std::mem::take(&mut self.focus_search);
        let reveal_roles = std::mem::take(&mut self.reveal_roles);
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            search_ui(ui, world, focus_search, &mut out);
            ui.separator();
            documents_ui(ui, world, &mut out);
            kinds_ui(ui, world, &census, &mut out);
            ui.separator();
            sections_ui(ui, world, &mut out);
            super::analysis_ui::role_filter_ui(ui, world, &census, reveal_roles, &mut out);
            super::notes::list::notes_list_ui(ui, world, &mut out);
            focus_ui(ui, world, &mut out);
        });
        out
    }
}

fn search_ui(ui: &mut egui::Ui, world: &World<'_>, focus: bool, out: &mut Vec<Command>) {
    ui.heading("Find");
    let mut text = world.view.search.clone();
    let field = ui.add(
        egui::TextEdit::singleline(&mut text)
            .id(egui::Id::unique(SEARCH_ID))
            .hint_text("privacy, 69/166, CSTD, ¶51…  (Ctrl+F)")
            .desired_width(f32::INFINITY),
    );
    if focus {
        field.request_focus();
    }
    if field.changed() {
        out.push(Command::Search(text.clone()));
    }
    let graph = &world.workspace.graph;
    let hits = if field.changed() {
        graph.search(&text).into_iter().map(|h| h.index).take(super::view::MAX_SEARCH_HITS).collect()
    } else {
        world.view.search_hits.clone()
    };
    if field.lost_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
        && let Some(&first) = hits.first()
    {
        out.push(Command::Select(first));
    }
    if text.trim().is_empty() {
        return;
    }
    ui.label(RichText::new(crate::words::count(hits.len(), "result")).weak());
    let style = crate::style::Style::of(ui.ctx());
    egui::ScrollArea::vertical().id_salt("search_results").max_height(260.0).show(ui, |ui| {
        // A result wraps (the panel keeps its width) and shows its match with context.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
        for &hit in &hits {
            let Some(node) = graph.node(hit) else { continue };
            let selected = world.view.selected == Some(hit);
            let color = if selected { ui.visuals().strong_text_color() } else { ui.visuals().text_color() };
            let label = result_job(ui, node, &text, color, &style);
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                ui.painter().circle_filled(rect.center(), 4.5, color32(style.node_color(node.kind)));
                if ui.selectable_label(selected, label).clicked() {
                    out.push(Command::Select(hit));
                }
            });
        }
    });
}

/// Characters of context shown on each side of a result's match.
const RESULT_CONTEXT: usize = 40;

/// A result: its label, then its text around the match with the match
/// highlighted ("¶51 — …concern that **surveillance** of communications…"),
/// else [`result_line`].
fn result_job(
    ui: &egui::Ui,
    node: &Node,
    query: &str,
    color: Color32,
    style: &crate::style::Style,
) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    let ui_style = ui.style();
    let mut add = |t: RichText| t.append_to(&mut job, ui_style, egui::FontSelection::Default, egui::Align::Center);
    match node.text.as_deref().and_then(|t| crate::graph::snippet::snippet(t, query, RESULT_CONTEXT)) {
        Some(s) => {
            add(RichText::new(format!("{} — {}", node.label, s.before)).color(color));
            add(RichText::new(s.hit)
                .color(ui.visuals().strong_text_color())
                .background_color(color32(style.search_highlight())));
            add(RichText::new(s.after).color(color));
        }
        None => add(RichText::new(result_line(node, query)).color(color)),
    }
    job
}

/// "¶51 — We recall General Assembly…", "69/166 — The right to privacy…".
fn result_line(node: &Node, query: &str) -> String {
    if let Some(text) = &node.text {
        let needle = query.trim().to_lowercase();
        let lower = text.to_lowercase();
        // A snippet around the match when it is not near the start.
        let snippet = match lower.find(&needle) {
            Some(at) if at > 60 => {
                let start = text.char_indices().map(|(i, _)| i).rfind(|&i| i <= at.saturating_sub(30)).unwrap_or(0);
                format!("…{}", first_words(text.get(start..).unwrap_or(text), 10))
            }
            _ => first_words(text, 10),
        };
        format!("{} — {snippet}", node.label)
    } else if node.display_name() != node.label {
        format!("{} — {}", node.label, node.display_name())
    } else {
        node.label.clone()
    }
}

/// With several documents open: show, hide or close each.
fn documents_ui(ui: &mut egui::Ui, world: &World<'_>, out: &mut Vec<Command>) {
    let docs = world.workspace.graph.documents();
    if docs.len() < 2 {
        return;
    }
    ui.heading("Documents");
    for doc in docs {
        let mut shown = !world.view.hidden_documents.contains(&doc.id);
        ui.horizontal(|ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            if ui.small_button("×").on_hover_text("Close this document").clicked() {
                out.push(Command::CloseDocument(doc.id.clone()));
            }
            let text = format!("{}: {} ({} ¶)", crate::document::short_name(doc), doc.title, doc.paragraphs.len());
            if ui.checkbox(&mut shown, text).on_hover_text(&doc.source).changed() {
                out.push(Command::ToggleDocument(doc.id.clone()));
            }
        });
    }
    ui.separator();
}

fn kinds_ui(ui: &mut egui::Ui, world: &World<'_>, census: &Census, out: &mut Vec<Command>) {
    ui.heading("Show");
    let style = crate::style::Style::of(ui.ctx());
    for kind in NodeKind::ALL {
        let count = census.kind(kind);
        if count == 0 {
            continue;
        }
        let mut shown = !world.view.hidden_kinds.contains(&kind);
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            // Coloured by role, the map shows no kind colours (the role list is the legend).
            let swatch = if world.view.color_by == ColorBy::Role { style.neutral() } else { style.node_color(kind) };
            ui.painter().circle_filled(rect.center(), 5.5, color32(swatch));
            if ui.checkbox(&mut shown, format!("{} ({count})", kind.plural())).changed() {
                out.push(Command::ToggleKind(kind));
            }
        });
    }
    let mut thematic = world.view.show_thematic;
    if ui
        .checkbox(&mut thematic, "Thematic SDG links")
        .on_hover_text("SDGs inferred from vocabulary (dashed)")
        .changed()
    {
        out.push(Command::SetThematic(thematic));
    }
}

fn sections_ui(ui: &mut egui::Ui, world: &World<'_>, out: &mut Vec<Command>) {
    let graph = &world.workspace.graph;
    egui::CollapsingHeader::new("Sections").default_open(false).show(ui, |ui| {
        for doc in graph.documents() {
            if graph.documents().len() > 1 {
                ui.label(RichText::new(&doc.title).strong());
            }
            for section in &doc.sections {
                let id = crate::id::section(&doc.id, &section.key);
                let count = doc.paragraphs.iter().filter(|p| doc.sections.get(p.section) == Some(section)).count();
                let mut shown = !world.view.hidden_sections.contains(&id);
                // As the map labels it: "§1.1 Bridging…", "§II.A Financing", "Annex: Programme…".
                let label = graph.node_by_id(&id).map_or("", |n| n.label.as_str());
                let name = if label.contains('§') && !section.title.starts_with(label) {
                    format!("{label} {}", section.title)
                } else {
                    section.title.clone()
                };
                let indent = if section.level > 0 { "    " } else { "" };
                if ui.checkbox(&mut shown, format!("{indent}{name} ({count})")).changed() {
                    out.push(Command::ToggleSection(id));
                }
            }
        }
    });
}

fn focus_ui(ui: &mut egui::Ui, world: &World<'_>, out: &mut Vec<Command>) {
    let Some(focus) = world.view.focus else { return };
    let label = world.workspace.graph.node(focus).map(|n| n.label.clone()).unwrap_or_default();
    ui.separator();
    ui.heading("Focus");
    ui.label(format!("Showing the neighbourhood of {label}"));
    let mut depth = world.view.focus_depth;
    let hops = if depth == 1 { "hop" } else { "hops" };
    if ui.add(egui::Slider::new(&mut depth, FOCUS_DEPTHS).text(hops)).changed() {
        out.push(Command::SetFocusDepth(depth));
    }
    if ui.button("Leave focus (Esc)").clicked() {
        out.push(Command::LeaveFocus);
    }
}
