//! The "mandates" window: the registry of every open document
//! ([`crate::mandates`]) as a sortable, filterable table — addressee,
//! verb, deliverable, due year, document — grouped by document or by
//! addressee, each row opening its paragraph in the detail panel with the
//! clause highlighted; the possible overlaps across documents, side by
//! side; and the same exports as the `mandates` command. The registry is
//! recomputed only when the graph changes.

use egui::RichText;

use super::command::{Command, Dialog};
use super::world::World;
use crate::graph::{AtlasGraph, Role};
use crate::mandates::export::{Format, render};
use crate::mandates::{DeliverableKind, Mandate, Overlap, is_mandate, overlaps, registry};

/// A column the table sorts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Document order, then paragraph order (the registry's own).
    #[default]
    Document,
    /// Addressee names.
    Addressee,
    /// Verb strength, strongest first when descending.
    Verb,
    /// Deliverable kind.
    Deliverable,
    /// Due year (rows with none last).
    Due,
}

/// How rows are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// One list.
    None,
    /// Under each document.
    #[default]
    Document,
    /// Under each addressee (a row with several comes under each).
    Addressee,
}

/// State of the mandates window.
#[derive(Debug, Clone, Default)]
pub struct MandatesView {
    /// Addressee filter: rows whose addressee names contain it (case-insensitive).
    pub addressee: String,
    /// Only rows with this verb.
    pub verb: Option<Role>,
    /// Only rows with this deliverable kind.
    pub deliverable: Option<DeliverableKind>,
    /// Only rows of this document (short id).
    pub document: Option<String>,
    /// Sort column and direction.
    pub sort: SortBy,
    /// Descending sort.
    pub descending: bool,
    /// Grouping.
    pub group: GroupBy,
    /// Export format and file.
    pub format: Format,
    /// Where the export goes.
    pub path: String,
    /// The last export's outcome.
    pub message: Option<String>,
    cached: Option<(Key, Vec<Mandate>, Vec<Overlap>)>,
}

/// What the registry depends on: the graph's revision and shape.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    revision: u64,
    nodes: usize,
    edges: usize,
    documents: Vec<String>,
}

impl MandatesView {
    /// A view filtered on an addressee's name (from a body's detail panel).
    #[must_use]
    pub fn for_addressee(name: &str) -> Self {
        MandatesView { addressee: name.to_owned(), group: GroupBy::Document, ..Self::default() }
    }

    /// The registry and overlaps of `graph`, computed once for each change of it.
    pub fn rows(&mut self, graph: &AtlasGraph) -> (&[Mandate], &[Overlap]) {
        let key = Key {
            revision: graph.revision(),
            nodes: graph.node_count(),
            edges: graph.edge_count(),
            documents: graph.documents().iter().map(|d| d.id.clone()).collect(),
        };
        if self.cached.as_ref().is_none_or(|(k, ..)| *k != key) {
            let rows = registry(graph);
            let pairs = overlaps(graph, &rows);
            self.cached = Some((key, rows, pairs));
        }
        self.cached.as_ref().map_or((&[], &[]), |(_, r, o)| (r.as_slice(), o.as_slice()))
    }

    /// The rows the filters let through, sorted: indices into [`MandatesView::rows`].
    #[must_use]
    pub fn shown(&self, rows: &[Mandate]) -> Vec<usize> {
        let mut out: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, m)| self.addressee.trim().is_empty() || m.addressed_to(self.addressee.trim()))
            .filter(|(_, m)| self.verb.is_none_or(|v| m.verb == v))
            .filter(|(_, m)| self.deliverable.is_none_or(|d| m.deliverable.as_ref().is_some_and(|x| x.kind == d)))
            .filter(|(_, m)| self.document.as_ref().is_none_or(|d| &m.document == d))
            .map(|(i, _)| i)
            .collect();
        let key = |i: &usize| rows.get(*i);
        match self.sort {
            SortBy::Document => {}
            SortBy::Addressee => out.sort_by_key(|i| key(i).map(|m| m.addressee_names().to_lowercase())),
            SortBy::Verb => out.sort_by_key(|i| key(i).map(|m| m.strength)),
            SortBy::Deliverable => out.sort_by_key(|i| key(i).map(|m| m.deliverable.as_ref().map(|d| d.kind))),
            SortBy::Due => out.sort_by_key(|i| key(i).map(|m| m.due_year().map_or(i16::MAX, |y| y))),
        }
        if self.descending {
            out.reverse();
        }
        out
    }

    /// Draws the window within `area`.
    pub fn ui(&mut self, ctx: &egui::Context, world: &World<'_>, area: egui::Rect, out: &mut Vec<Command>) {
        let mut open = true;
        egui::Window::new("Mandates")
            .open(&mut open)
            .default_size([760.0, 560.0])
            .constrain_to(area)
            .default_pos(area.min + egui::vec2(30.0, 20.0))
            .show(ctx, |ui| self.contents(ui, &world.workspace.graph, out));
        if !open {
            out.push(Command::CloseDialog(Dialog::Mandates));
        }
    }

    fn contents(&mut self, ui: &mut egui::Ui, graph: &AtlasGraph, out: &mut Vec<Command>) {
        let (rows, pairs) = {
            let (r, o) = self.rows(graph);
            (r.to_vec(), o.to_vec())
        };
        let docs: Vec<(String, String)> = graph
            .documents()
            .iter()
            .map(|d| (d.id.clone(), d.symbol.clone().unwrap_or_else(|| d.id.clone())))
            .collect();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Addressee");
            ui.add(
                egui::TextEdit::singleline(&mut self.addressee).hint_text("Secretary-General…").desired_width(150.0),
            )
            .labelled_by(label.id);
            egui::ComboBox::from_id_salt("mandate-verb")
                .selected_text(self.verb.map_or("any verb", Role::as_str))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.verb, None, "any verb");
                    for role in Role::ALL.into_iter().filter(|r| is_mandate(*r)) {
                        ui.selectable_value(&mut self.verb, Some(role), role.as_str());
                    }
                });
            egui::ComboBox::from_id_salt("mandate-deliverable")
                .selected_text(self.deliverable.map_or("any deliverable", DeliverableKind::as_str))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.deliverable, None, "any deliverable");
                    for kind in DeliverableKind::ALL {
                        ui.selectable_value(&mut self.deliverable, Some(kind), kind.as_str());
                    }
                });
            let current = self.document.as_ref().and_then(|d| docs.iter().find(|(id, _)| id == d));
            egui::ComboBox::from_id_salt("mandate-document")
                .selected_text(current.map_or("every document", |(_, s)| s.as_str()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.document, None, "every document");
                    for (id, symbol) in &docs {
                        ui.selectable_value(&mut self.document, Some(id.clone()), symbol);
                    }
                });
        });
        ui.horizontal(|ui| {
            ui.label("Group by");
            ui.selectable_value(&mut self.group, GroupBy::Document, "document");
            ui.selectable_value(&mut self.group, GroupBy::Addressee, "addressee");
            ui.selectable_value(&mut self.group, GroupBy::None, "none");
        });
        let shown = self.shown(&rows);
        ui.label(format!("{} of {} mandates; {} possible overlaps", shown.len(), rows.len(), pairs.len()));
        self.export_ui(ui, &rows, &pairs, &shown);
        ui.separator();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for (title, members) in self.groups(&rows, &shown) {
                if let Some(title) = &title {
                    ui.add_space(4.0);
                    ui.label(RichText::new(format!("{title} ({})", members.len())).strong());
                }
                self.table(ui, &rows, &members, &title, out);
            }
            if !pairs.is_empty() {
                ui.add_space(8.0);
                egui::CollapsingHeader::new(format!("Possible overlaps ({})", pairs.len())).show(ui, |ui| {
                    overlaps_ui(ui, graph, &rows, &pairs, out);
                });
            }
        });
    }

    /// Shown rows by group, groups in order of first appearance.
    fn groups(&self, rows: &[Mandate], shown: &[usize]) -> Vec<(Option<String>, Vec<usize>)> {
        let mut groups: Vec<(Option<String>, Vec<usize>)> = Vec::new();
        let mut add = |title: Option<String>, i: usize| match groups.iter_mut().find(|(t, _)| *t == title) {
            Some((_, members)) => members.push(i),
            None => groups.push((title, vec![i])),
        };
        for &i in shown {
            let Some(m) = rows.get(i) else { continue };
            match self.group {
                GroupBy::None => add(None, i),
                GroupBy::Document => add(Some(m.document_label.clone()), i),
                GroupBy::Addressee if m.addressees.is_empty() => add(Some("(nobody named)".to_owned()), i),
                GroupBy::Addressee => {
                    for a in &m.addressees {
                        add(Some(a.name.clone()), i);
                    }
                }
            }
        }
        groups
    }

    fn table(
        &mut self,
        ui: &mut egui::Ui,
        rows: &[Mandate],
        members: &[usize],
        group: &Option<String>,
        out: &mut Vec<Command>,
    ) {
        egui::Grid::new(("mandates", group.clone())).striped(true).num_columns(7).show(ui, |ui| {
            for (label, sort) in [
                ("Document", SortBy::Document),
                ("¶", SortBy::Document),
                ("Verb", SortBy::Verb),
                ("Addressees", SortBy::Addressee),
                ("Deliverable", SortBy::Deliverable),
                ("Due", SortBy::Due),
            ] {
                let arrow =
                    if self.sort == sort && label != "¶" { if self.descending { " v" } else { " ^" } } else { "" };
                if ui.button(RichText::new(format!("{label}{arrow}")).strong()).on_hover_text("Sort").clicked() {
                    if self.sort == sort {
                        self.descending = !self.descending;
                    } else {
                        self.sort = sort;
                        self.descending = false;
                    }
                }
            }
            ui.label(RichText::new("Task").strong());
            ui.end_row();
            for &i in members {
                let Some(m) = rows.get(i) else { continue };
                ui.label(&m.document_label);
                let link = ui.link(RichText::new(&m.label).strong()).on_hover_text("Read it in the detail panel");
                if link.clicked() {
                    out.push(Command::ShowClause(m.paragraph.clone(), m.span.clone()));
                }
                ui.label(RichText::new(m.verb.as_str()).color(ui.visuals().warn_fg_color));
                ui.label(m.addressee_names());
                ui.label(m.deliverable.as_ref().map_or(String::new(), |d| d.kind.as_str().to_owned()));
                let mut due = match (&m.when.due, m.due_year()) {
                    (Some(_), Some(y)) => y.to_string(),
                    (Some(d), None) => d.quote.clone(),
                    (None, _) => String::new(),
                };
                if let Some(p) = &m.when.periodicity {
                    due = if due.is_empty() { p.clone() } else { format!("{due}, {p}") };
                }
                let hover = m.when.due.as_ref().map_or_else(|| m.when.unresolved.join("; "), |d| d.quote.clone());
                ui.label(due).on_hover_text(hover);
                let short: String = m.task.chars().take(90).collect();
                let short = if short.len() < m.task.len() { format!("{short}…") } else { short };
                ui.label(short).on_hover_text(&m.task);
                ui.end_row();
            }
        });
    }

    fn export_ui(&mut self, ui: &mut egui::Ui, rows: &[Mandate], pairs: &[Overlap], shown: &[usize]) {
        ui.horizontal(|ui| {
            ui.label("Export the rows shown as");
            egui::ComboBox::from_id_salt("mandate-format").selected_text(self.format.extension()).show_ui(ui, |ui| {
                for f in Format::ALL {
                    ui.selectable_value(&mut self.format, f, f.extension());
                }
            });
            ui.add(egui::TextEdit::singleline(&mut self.path).hint_text("file path").desired_width(220.0));
            if ui.button("Write").clicked() {
                let chosen: Vec<Mandate> = shown.iter().filter_map(|i| rows.get(*i).cloned()).collect();
                // Overlaps between rows still shown, renumbered into `chosen`.
                let position = |i: usize| shown.iter().position(|s| *s == i);
                let kept: Vec<Overlap> = pairs
                    .iter()
                    .filter_map(|o| Some(Overlap { a: position(o.a)?, b: position(o.b)?, ..o.clone() }))
                    .collect();
                self.message = Some(self.write(&chosen, &kept));
            }
        });
        if let Some(message) = &self.message {
            ui.label(RichText::new(message).weak());
        }
    }

    fn write(&self, rows: &[Mandate], pairs: &[Overlap]) -> String {
        let path = self.path.trim();
        if path.is_empty() {
            return "Type the path of the file to write.".to_owned();
        }
        let text = match render(rows, pairs, self.format, jiff::Timestamp::now()) {
            Ok(t) => t,
            Err(e) => return e.to_string(),
        };
        match crate::fs::write_atomic(std::path::Path::new(path), text.as_bytes(), false) {
            Ok(()) => format!("Wrote {} rows to {path}", rows.len()),
            Err(e) => format!("Not written: {e}"),
        }
    }
}

/// Each possible overlap: the two requests side by side.
fn overlaps_ui(ui: &mut egui::Ui, _graph: &AtlasGraph, rows: &[Mandate], pairs: &[Overlap], out: &mut Vec<Command>) {
    for (k, o) in pairs.iter().enumerate() {
        let (Some(a), Some(b)) = (rows.get(o.a), rows.get(o.b)) else { continue };
        ui.add_space(4.0);
        ui.label(
            RichText::new(format!("{} — {} ({:.0}% alike)", o.kind.as_str(), o.shared.join("; "), o.score * 100.0))
                .strong(),
        );
        ui.columns(2, |cols| {
            for (col, m) in cols.iter_mut().zip([a, b]) {
                if col.link(format!("{} {}", m.document_label, m.label)).clicked() {
                    out.push(Command::ShowClause(m.paragraph.clone(), m.span.clone()));
                }
                col.label(RichText::new(&m.task).small());
            }
        });
        if k + 1 < pairs.len() {
            ui.separator();
        }
    }
}
