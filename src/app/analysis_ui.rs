//! Reading aids from [`crate::analysis`] in the window: a paragraph's
//! clause roles and its near-duplicates with their word differences, what a
//! body is asked to do and the role filter (the compare view is
//! [`super::compare_view`]).

use egui::{Color32, RichText};
use petgraph::stable_graph::NodeIndex;

use super::command::Command;
use super::world::World;
use crate::analysis::diff::{DiffOp, word_diff};
use crate::analysis::roles::Role;
use crate::analysis::tasks_for;
use crate::graph::{AtlasGraph, Census, EdgeKind};
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
