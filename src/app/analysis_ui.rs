//! Reading aids from [`crate::analysis`] in the window: a paragraph's
//! clause roles and its near-duplicates with their word differences, what a
//! body is asked to do, the role filter, and the "compare documents" view.

use egui::{Color32, RichText};
use petgraph::stable_graph::NodeIndex;

use super::command::{Command, Dialog};
use super::world::World;
use crate::analysis::diff::{DiffOp, word_diff};
use crate::analysis::roles::Role;
use crate::analysis::{Comparison, Status, compare_documents, tasks_for};
use crate::graph::{AtlasGraph, Census, EdgeKind, NodeKind};
use crate::scene::ColorBy;
use crate::style::color32;

/// Roles as readers name them.
#[must_use]
pub fn role_name(role: Role) -> String {
    role.as_str().replace('_', " ")
}

/// A paragraph's roles, as small chips.
pub fn roles_ui(ui: &mut egui::Ui, graph: &AtlasGraph, index: NodeIndex) {
    let Some(node) = graph.node(index) else { return };
    if node.roles.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Role:").weak());
        for role in &node.roles {
            let text = RichText::new(role_name(*role)).strong();
            let text = if role.asks_to_act() { text.color(ui.visuals().warn_fg_color) } else { text };
            ui.label(text);
        }
    });
}

/// Paragraphs that say nearly the same thing, each with its score and the
/// words that differ.
pub fn similar_ui(ui: &mut egui::Ui, graph: &AtlasGraph, index: NodeIndex, out: &mut Vec<Command>) {
    let mut similar: Vec<(NodeIndex, u16)> = graph
        .links(index)
        .into_iter()
        .filter(|l| l.weight.kind == EdgeKind::Similar)
        .map(|l| (l.other, l.weight.score.unwrap_or(0)))
        .collect();
    if similar.is_empty() {
        return;
    }
    similar.sort_by_key(|s| std::cmp::Reverse(s.1));
    let own = graph.node(index).and_then(|n| n.text.clone()).unwrap_or_default();
    ui.add_space(6.0);
    ui.label(RichText::new("Says nearly the same as").strong());
    for (other, score) in similar {
        let Some(n) = graph.node(other) else { continue };
        let text = n.text.clone().unwrap_or_default();
        ui.horizontal(|ui| {
            if ui.link(RichText::new(&n.label).strong()).clicked() {
                out.push(Command::Select(other));
            }
            ui.label(RichText::new(format!("{:.0}% alike", f32::from(score) / 10.0)).weak());
        });
        egui::CollapsingHeader::new("What differs").id_salt(("diff", index, other)).show(ui, |ui| {
            diff_ui(ui, &own, &text);
        });
    }
}

/// A word diff: deletions struck through in red, insertions in green.
pub fn diff_ui(ui: &mut egui::Ui, a: &str, b: &str) {
    let deleted = Color32::from_rgb(0xd1, 0x49, 0x3f);
    let inserted = Color32::from_rgb(0x2e, 0x9e, 0x5b);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for op in word_diff(a, b) {
            match op {
                DiffOp::Equal(words) => {
                    ui.label(format!("{words} "));
                }
                DiffOp::Delete(words) => {
                    ui.label(RichText::new(format!("{words} ")).color(deleted).strikethrough());
                }
                DiffOp::Insert(words) => {
                    ui.label(RichText::new(format!("{words} ")).color(inserted).underline());
                }
            }
        }
    });
}

/// What a body or group is asked to do, with deadlines.
pub fn tasks_ui(ui: &mut egui::Ui, graph: &AtlasGraph, entity: NodeIndex, out: &mut Vec<Command>) {
    let tasks = tasks_for(graph, entity);
    if tasks.is_empty() {
        return;
    }
    let name = graph.node(entity).map(|n| n.label.clone()).unwrap_or_default();
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("What {name} is asked to do ({})", tasks.len())).strong());
        if ui.link("in the mandates table").clicked() {
            out.push(Command::ShowMandates(Some(name.clone())));
        }
    });
    for task in tasks {
        let Some(p) = graph.node(task.paragraph) else { continue };
        ui.add_space(3.0);
        ui.horizontal_wrapped(|ui| {
            if ui.link(RichText::new(&p.label).strong()).clicked() {
                out.push(Command::Select(task.paragraph));
            }
            ui.label(RichText::new(role_name(task.role)).color(ui.visuals().warn_fg_color));
            for d in &task.deadlines {
                ui.label(RichText::new(format!("due: {d}")).strong());
            }
        });
        ui.label(&task.sentence);
    }
}

/// The roles a reader can filter on, with counts; checking any shows only
/// paragraphs with one of the checked roles. `reveal`: the list opens (the
/// map has just turned to role colours, and the list is their legend).
pub fn role_filter_ui(ui: &mut egui::Ui, world: &World<'_>, census: &Census, reveal: bool, out: &mut Vec<Command>) {
    let counts: Vec<(Role, usize)> =
        Role::ALL.into_iter().map(|r| (r, census.role(r))).filter(|(_, c)| *c > 0).collect();
    if counts.is_empty() {
        return;
    }
    let style = crate::style::Style::of(ui.ctx());
    let by_role = world.view.color_by == ColorBy::Role;
    egui::CollapsingHeader::new("Clause roles").default_open(false).open(reveal.then_some(true)).show(ui, |ui| {
        let mut colour = by_role;
        if ui.checkbox(&mut colour, "Colour the map by role").on_hover_text("R").changed() {
            out.push(Command::SetColorBy(if colour { ColorBy::Role } else { ColorBy::Kind }));
        }
        ui.label(RichText::new("Show only paragraphs that…").weak());
        for (role, count) in counts {
            let mut on = world.view.role_filter.contains(&role);
            ui.horizontal(|ui| {
                if by_role {
                    // The list doubles as the legend (a paragraph wears its principal role's colour).
                    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                    ui.painter().circle_filled(rect.center(), 5.5, color32(style.role_color(role)));
                }
                if ui.checkbox(&mut on, format!("{} ({count})", role_name(role))).changed() {
                    out.push(Command::ToggleRole(role));
                }
            });
        }
        if !world.view.role_filter.is_empty() && ui.button("Show all roles").clicked() {
            for role in world.view.role_filter.clone() {
                out.push(Command::ToggleRole(role));
            }
        }
    });
}

/// State of the "compare documents" window.
#[derive(Debug, Clone, Default)]
pub struct CompareView {
    /// The earlier document (node).
    pub a: Option<NodeIndex>,
    /// The later document (node).
    pub b: Option<NodeIndex>,
    /// The last comparison and what it was computed from: recomputed only
    /// when the documents chosen or the graph change, not every frame.
    cached: Option<(CompareKey, Vec<Comparison>)>,
}

/// What a comparison depends on: the two documents and the graph (its
/// revision, which moves with every change, and its shape and documents,
/// which tell a replaced graph from the one before).
#[derive(Debug, Clone, PartialEq, Eq)]
struct CompareKey {
    a: NodeIndex,
    b: NodeIndex,
    revision: u64,
    nodes: usize,
    edges: usize,
    documents: Vec<String>,
}

/// The one-click comparison: the earlier bundled outcome, then the later one.
/// ("to", not an arrow: egui's default font has no glyph for U+2192.)
pub const WSIS10_TO_WSIS20: &str = "WSIS+10 to WSIS+20";

impl CompareView {
    /// WSIS+10 (`doc:wsis10`) → WSIS+20 (`doc:wsis20`), when both are open.
    #[must_use]
    pub fn wsis10_to_wsis20(graph: &AtlasGraph) -> Option<Self> {
        let a = graph.index_of(&crate::id::document(crate::document::WSIS10.id))?;
        let b = graph.index_of(&crate::id::document(crate::document::WSIS20.id))?;
        Some(CompareView { a: Some(a), b: Some(b), cached: None })
    }

    /// The comparison of `a` → `b`, computed once for each change of its inputs.
    pub fn rows(&mut self, graph: &AtlasGraph, a: NodeIndex, b: NodeIndex) -> &[Comparison] {
        let key = CompareKey {
            a,
            b,
            revision: graph.revision(),
            nodes: graph.node_count(),
            edges: graph.edge_count(),
            documents: graph.documents().iter().map(|d| d.id.clone()).collect(),
        };
        if self.cached.as_ref().is_none_or(|(k, _)| *k != key) {
            self.cached = Some((key, compare_documents(graph, a, b)));
        }
        self.cached.as_ref().map_or(&[], |(_, rows)| rows.as_slice())
    }

    /// Whether the comparison shown was computed for `a` → `b` (tests: it is
    /// not recomputed every frame).
    #[must_use]
    pub fn is_cached_for(&self, a: NodeIndex, b: NodeIndex) -> bool {
        self.cached.as_ref().is_some_and(|(k, _)| k.a == a && k.b == b)
    }
}

impl CompareView {
    /// Draws the window within `area`: the documents chosen and the
    /// comparison kept are its own; links and closing are commands.
    pub fn ui(&mut self, ctx: &egui::Context, world: &World<'_>, area: egui::Rect, out: &mut Vec<Command>) {
        compare_ui(ctx, self, world, area, out);
    }
}

/// The "compare documents" window: for each paragraph of the later
/// document, its best match in the earlier one — new, carried over, changed —
/// then what was dropped.
fn compare_ui(
    ctx: &egui::Context,
    view: &mut CompareView,
    world: &World<'_>,
    area: egui::Rect,
    out: &mut Vec<Command>,
) {
    let graph = &world.workspace.graph;
    let docs: Vec<(NodeIndex, String)> = graph
        .nodes()
        .filter(|(_, n)| n.kind == NodeKind::Document)
        .map(|(i, n)| (i, n.title.clone().unwrap_or_else(|| n.label.clone())))
        .collect();
    let mut open = true;
    let window = egui::Window::new("Compare documents").open(&mut open).default_size([560.0, 520.0]);
    window.constrain_to(area).default_pos(area.min + egui::vec2(40.0, 20.0)).show(ctx, |ui| {
        if docs.len() < 2 {
            ui.label("Open a second document (File → Add document…) to compare the two.");
            return;
        }
        if let Some(preset) = CompareView::wsis10_to_wsis20(graph)
            && ui
                .button(WSIS10_TO_WSIS20)
                .on_hover_text("Compare the WSIS+10 outcome (A/RES/70/125) with the WSIS+20 outcome (A/RES/80/173)")
                .clicked()
        {
            view.a = preset.a;
            view.b = preset.b;
        }
        for (slot, label) in [(&mut view.a, "Earlier"), (&mut view.b, "Later")] {
            ui.horizontal(|ui| {
                ui.label(label);
                let current =
                    slot.and_then(|i| docs.iter().find(|(d, _)| *d == i)).map_or("choose…", |(_, t)| t.as_str());
                egui::ComboBox::from_id_salt(label).selected_text(current).width(420.0).show_ui(ui, |ui| {
                    for (d, title) in &docs {
                        ui.selectable_value(slot, Some(*d), title);
                    }
                });
            });
        }
        let (Some(a), Some(b)) = (view.a, view.b) else { return };
        if a == b {
            ui.label("Choose two different documents.");
            return;
        }
        let rows = view.rows(graph, a, b);
        let count = |s| rows.iter().filter(|r| r.status == s).count();
        ui.label(format!(
            "{} carried over, {} changed, {} new, {} dropped",
            count(Status::CarriedOver),
            count(Status::Changed),
            count(Status::New),
            count(Status::Dropped)
        ));
        ui.separator();
        egui::ScrollArea::vertical().show(ui, |ui| {
            for row in rows {
                let Some(p) = graph.node(row.paragraph) else { continue };
                ui.horizontal(|ui| {
                    if ui.link(RichText::new(&p.label).strong()).clicked() {
                        out.push(Command::Select(row.paragraph));
                    }
                    let (word, colour) = match row.status {
                        Status::New => ("new", Color32::from_rgb(0x2e, 0x9e, 0x5b)),
                        Status::CarriedOver => ("carried over", ui.visuals().weak_text_color()),
                        Status::Changed => ("changed", ui.visuals().warn_fg_color),
                        Status::Dropped => ("dropped", Color32::from_rgb(0xd1, 0x49, 0x3f)),
                    };
                    ui.label(RichText::new(word).color(colour));
                    if let Some((m, score)) = row.best_match
                        && let Some(mn) = graph.node(m)
                    {
                        ui.label(RichText::new(format!("≈ {} ({:.0}%)", mn.label, score * 100.0)).weak());
                    }
                });
                if row.status == Status::Changed
                    && let Some((m, _)) = row.best_match
                {
                    let before = graph.node(m).and_then(|n| n.text.clone()).unwrap_or_default();
                    let after = p.text.clone().unwrap_or_default();
                    egui::CollapsingHeader::new("What changed").id_salt(("cmp", row.paragraph)).show(ui, |ui| {
                        diff_ui(ui, &before, &after);
                    });
                }
            }
        });
    });
    if !open {
        out.push(Command::CloseDialog(Dialog::Compare));
    }
}
