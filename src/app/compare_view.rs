//! The compare view: a tab beside the map (the detail panel stays at its
//! side) with two open documents in two columns, aligned paragraph by
//! paragraph and scrolling together ([`crate::compare`]). Its summary
//! counts filter the rows; a section list narrows them; N and Shift+N go
//! to the next and previous change; clicking either side selects that
//! paragraph in the map and the detail panel. The same comparison can be
//! written as an HTML redline, Markdown, CSV or JSON from here.

use egui::{Color32, RichText};
use petgraph::stable_graph::NodeIndex;

use super::command::Command;
use super::world::World;
use crate::analysis::diff::DiffOp;
use crate::compare::render::{self, Format};
use crate::compare::{Change, Comparison, Kind, Options, Para, Row};
use crate::graph::{AtlasGraph, NodeKind};

/// The one-click comparison: the earlier bundled outcome, then the later one.
/// ("to", not an arrow: egui's default font has no glyph for U+2192.)
pub const WSIS10_TO_WSIS20: &str = "WSIS+10 to WSIS+20";

/// Deleted words.
const DELETED: Color32 = Color32::from_rgb(0xc0, 0x39, 0x2b);
/// Inserted words.
const INSERTED: Color32 = Color32::from_rgb(0x1e, 0x8a, 0x4c);

/// State of the compare view.
#[derive(Debug, Clone, Default)]
pub struct CompareView {
    /// The earlier document (node).
    pub a: Option<NodeIndex>,
    /// The later document (node).
    pub b: Option<NodeIndex>,
    /// What counts as a difference.
    pub options: Options,
    /// Rows shown: those with this change (all when `None`).
    pub filter: Option<Change>,
    /// Rows shown: those in this section of either text (all when `None`).
    pub section: Option<String>,
    /// The change last gone to (row index), by N / Shift+N or a click.
    pub current: Option<usize>,
    /// The map is shown instead of the comparison (the view stays open).
    pub showing_map: bool,
    /// Where "Write" puts the export, and in what format.
    pub export_path: String,
    /// The export format.
    pub export_format: Format,
    /// What the last export said.
    pub export_message: Option<String>,
    /// Scroll to `current` in the next frame.
    scroll_pending: bool,
    cached: Option<(CompareKey, Comparison)>,
}

/// What a comparison depends on: the two documents, the options and the
/// graph (its revision, and its documents, which tell a replaced graph
/// from the one before).
#[derive(Debug, Clone, PartialEq, Eq)]
struct CompareKey {
    a: NodeIndex,
    b: NodeIndex,
    options: Options,
    revision: u64,
    documents: Vec<String>,
}

/// The document of a document node.
fn document(graph: &AtlasGraph, node: NodeIndex) -> Option<&crate::document::Document> {
    let id = graph.node(node)?.id.clone();
    graph.documents().iter().find(|d| crate::id::document(&d.id) == id)
}

impl CompareView {
    /// WSIS+10 (`doc:wsis10`) → WSIS+20 (`doc:wsis20`), when both are open.
    #[must_use]
    pub fn wsis10_to_wsis20(graph: &AtlasGraph) -> Option<Self> {
        let a = graph.index_of(&crate::id::document(crate::document::WSIS10.id))?;
        let b = graph.index_of(&crate::id::document(crate::document::WSIS20.id))?;
        Some(CompareView { a: Some(a), b: Some(b), ..CompareView::default() })
    }

    /// The comparison of `a` → `b`, computed once for each change of its
    /// inputs (documents, options, graph).
    pub fn comparison(&mut self, graph: &AtlasGraph) -> Option<&Comparison> {
        let (a, b) = (self.a?, self.b?);
        let key = CompareKey {
            a,
            b,
            options: self.options,
            revision: graph.revision(),
            documents: graph.documents().iter().map(|d| d.id.clone()).collect(),
        };
        if self.cached.as_ref().is_none_or(|(k, _)| *k != key) {
            let (old, new) = (document(graph, a)?, document(graph, b)?);
            let catalogue = crate::extract::Catalogue::bundled().ok()?;
            self.cached = Some((key, crate::compare::compare(old, new, &self.options, &catalogue)));
        }
        self.cached.as_ref().map(|(_, c)| c)
    }

    /// Whether the comparison shown was computed for `a` → `b` (tests: it is
    /// not recomputed every frame).
    #[must_use]
    pub fn is_cached_for(&self, a: NodeIndex, b: NodeIndex) -> bool {
        self.cached.as_ref().is_some_and(|(k, _)| k.a == a && k.b == b)
    }

    /// Goes to the next (`forward`) or previous change among the rows shown.
    pub fn step(&mut self, graph: &AtlasGraph, forward: bool) {
        if self.comparison(graph).is_some() {
            self.step_cached(forward);
        }
    }

    /// The tab strip above the central area: the map or the comparison.
    pub fn tabs_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            if ui.selectable_label(self.showing_map, "Map").clicked() {
                self.showing_map = true;
            }
            if ui.selectable_label(!self.showing_map, "Compare").clicked() {
                self.showing_map = false;
            }
            if ui.small_button("Close").on_hover_text("Close the compare view (the map stays)").clicked() {
                out.push(Command::CloseDialog(super::command::Dialog::Compare));
            }
        });
    }

    /// Draws the view into the central area.
    pub fn ui(&mut self, ui: &mut egui::Ui, world: &World<'_>, out: &mut Vec<Command>) {
        let graph = &world.workspace.graph;
        if !ui.ctx().text_edit_focused() {
            let (next, previous) = ui.input_mut(|i| {
                let previous = i.consume_key(egui::Modifiers::SHIFT, egui::Key::N);
                (i.consume_key(egui::Modifiers::NONE, egui::Key::N), previous)
            });
            if next || previous {
                self.step(graph, next);
            }
        }
        egui::Frame::central_panel(ui.style()).show(ui, |ui| {
            self.choose_ui(ui, graph);
            let (Some(a), Some(b)) = (self.a, self.b) else { return };
            if a == b {
                ui.label("Choose two different documents.");
                return;
            }
            self.options_ui(ui);
            if self.comparison(graph).is_none() {
                ui.label("These documents cannot be compared.");
                return;
            }
            self.summary_ui(ui);
            self.export_ui(ui);
            ui.separator();
            self.rows_ui(ui, graph, out);
        });
    }

    fn choose_ui(&mut self, ui: &mut egui::Ui, graph: &AtlasGraph) {
        let docs: Vec<(NodeIndex, String)> = graph
            .nodes()
            .filter(|(_, n)| n.kind == NodeKind::Document)
            .map(|(i, n)| (i, n.title.clone().unwrap_or_else(|| n.label.clone())))
            .collect();
        if docs.len() < 2 {
            ui.label("Open a second document (File, Add document…) to compare the two.");
            return;
        }
        ui.horizontal_wrapped(|ui| {
            if let Some(preset) = CompareView::wsis10_to_wsis20(graph)
                && ui
                    .button(WSIS10_TO_WSIS20)
                    .on_hover_text("Compare the WSIS+10 outcome (A/RES/70/125) with the WSIS+20 outcome (A/RES/80/173)")
                    .clicked()
            {
                self.a = preset.a;
                self.b = preset.b;
            }
            for (label, old) in [("Earlier", true), ("Later", false)] {
                let slot = if old { &mut self.a } else { &mut self.b };
                ui.label(label);
                let current =
                    slot.and_then(|i| docs.iter().find(|(d, _)| *d == i)).map_or("choose…", |(_, t)| t.as_str());
                egui::ComboBox::from_id_salt(("compare", label)).selected_text(current).width(260.0).show_ui(
                    ui,
                    |ui| {
                        for (d, title) in &docs {
                            ui.selectable_value(slot, Some(*d), title);
                        }
                    },
                );
            }
        });
    }

    fn options_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Ignore:").weak());
            ui.checkbox(&mut self.options.ignore_case, "case");
            ui.checkbox(&mut self.options.ignore_punctuation, "punctuation");
            ui.checkbox(&mut self.options.ignore_notes, "footnote markers and notes");
            ui.checkbox(&mut self.options.ignore_whitespace, "whitespace");
        });
    }

    fn summary_ui(&mut self, ui: &mut egui::Ui) {
        let Some((_, c)) = self.cached.as_ref() else { return };
        let counts = c.counts.clone();
        let references = c.references.describe();
        let mut sections: Vec<String> = Vec::new();
        for p in c.old.paragraphs.iter().chain(&c.new.paragraphs) {
            if !p.section.is_empty() && !sections.contains(&p.section) {
                sections.push(p.section.clone());
            }
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Show:").weak());
            if ui.selectable_label(self.filter.is_none(), "all rows").clicked() {
                self.filter = None;
            }
            for change in Change::ALL {
                let n = counts.of(change);
                let on = self.filter == Some(change);
                if ui.selectable_label(on, format!("{n} {}", change.as_str())).clicked() {
                    self.filter = if on { None } else { Some(change) };
                    self.current = None;
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Section:").weak());
            let current = self.section.clone().unwrap_or_else(|| "every section".to_owned());
            egui::ComboBox::from_id_salt("compare-section").selected_text(current).width(320.0).show_ui(ui, |ui| {
                ui.selectable_value(&mut self.section, None, "every section");
                for s in sections {
                    ui.selectable_value(&mut self.section, Some(s.clone()), s);
                }
            });
            if ui.button("Previous change").on_hover_text("Shift+N").clicked() {
                self.step_cached(false);
            }
            if ui.button("Next change").on_hover_text("N").clicked() {
                self.step_cached(true);
            }
        });
        if !references.is_empty() {
            ui.label(format!("References: {references}"));
        }
    }

    /// [`CompareView::step`] on the comparison already computed.
    fn step_cached(&mut self, forward: bool) {
        let Some((_, c)) = self.cached.as_ref() else { return };
        let shown: Vec<usize> = c
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_change() && shows(self.filter, self.section.as_deref(), r, c))
            .map(|(i, _)| i)
            .collect();
        let next = match (self.current, forward) {
            (None, true) => shown.first().copied(),
            (None, false) => shown.last().copied(),
            (Some(k), true) => shown.iter().copied().find(|&i| i > k).or(shown.first().copied()),
            (Some(k), false) => shown.iter().rev().copied().find(|&i| i < k).or(shown.last().copied()),
        };
        if next.is_some() {
            self.current = next;
            self.scroll_pending = true;
        }
    }

    fn export_ui(&mut self, ui: &mut egui::Ui) {
        let Some((_, c)) = self.cached.as_ref() else { return };
        if self.export_path.is_empty() {
            let stem = |s: &str| s.replace(['/', '+', ' '], "");
            self.export_path = format!("compare-{}-{}.html", stem(&c.old.name), stem(&c.new.name));
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Export:").weak());
            let before = self.export_format;
            egui::ComboBox::from_id_salt("compare-format").selected_text(format_name(self.export_format)).show_ui(
                ui,
                |ui| {
                    for f in [Format::Html, Format::Md, Format::Csv, Format::Json] {
                        ui.selectable_value(&mut self.export_format, f, format_name(f));
                    }
                },
            );
            if before != self.export_format {
                let path = std::path::Path::new(&self.export_path).with_extension(extension(self.export_format));
                self.export_path = path.display().to_string();
            }
            ui.add(egui::TextEdit::singleline(&mut self.export_path).desired_width(280.0));
            if ui
                .button("Write")
                .on_hover_text("Write the comparison to this file (an existing file is kept)")
                .clicked()
            {
                self.export_message = Some(match write(c, self.export_format, &self.export_path) {
                    Ok(()) => format!("Wrote {}", self.export_path),
                    Err(e) => format!("Not written: {e:#}"),
                });
            }
            if let Some(m) = &self.export_message {
                ui.label(RichText::new(m).weak());
            }
        });
    }

    fn rows_ui(&mut self, ui: &mut egui::Ui, graph: &AtlasGraph, out: &mut Vec<Command>) {
        let Some((_, c)) = self.cached.as_ref() else { return };
        let selected_row = self.current;
        let scroll = std::mem::take(&mut self.scroll_pending);
        let mut clicked_row = None;
        let width = ui.available_width();
        let column = ((width - 24.0) / 2.0).max(120.0);
        ui.horizontal(|ui| {
            ui.add_sized([column, 18.0], egui::Label::new(RichText::new(&c.old.name).strong()));
            ui.add_sized([column, 18.0], egui::Label::new(RichText::new(&c.new.name).strong()));
        });
        egui::ScrollArea::vertical().id_salt("compare-rows").auto_shrink([false, false]).show(ui, |ui| {
            let mut section = (String::new(), String::new());
            for (k, row) in c.rows.iter().enumerate() {
                if !shows(self.filter, self.section.as_deref(), row, c) {
                    continue;
                }
                let (po, pn) = c.sides(row);
                let here = (
                    po.first().map_or_else(|| section.0.clone(), |p| p.section.clone()),
                    pn.first().map_or_else(|| section.1.clone(), |p| p.section.clone()),
                );
                if here != section {
                    ui.add_space(6.0);
                    ui.horizontal(|ui| {
                        ui.add_sized([column, 16.0], egui::Label::new(RichText::new(&here.0).italics().weak()));
                        ui.add_sized([column, 16.0], egui::Label::new(RichText::new(&here.1).italics().weak()));
                    });
                    section = here;
                }
                let current = selected_row == Some(k);
                let frame = egui::Frame::new().inner_margin(4.0).stroke(if current {
                    ui.visuals().selection.stroke
                } else {
                    egui::Stroke::new(0.5, ui.visuals().widgets.noninteractive.bg_stroke.color)
                });
                let response = frame
                    .show(ui, |ui| {
                        ui.horizontal_top(|ui| {
                            for (paras, old) in [(&po, true), (&pn, false)] {
                                ui.allocate_ui_with_layout(
                                    egui::vec2(column, 0.0),
                                    egui::Layout::top_down(egui::Align::Min),
                                    |ui| {
                                        ui.set_width(column);
                                        if let Some(n) = side_ui(ui, graph, paras, row, old) {
                                            out.push(Command::Select(n));
                                            clicked_row = Some(k);
                                        }
                                    },
                                );
                            }
                        });
                        let tags: Vec<&str> = row.changes().iter().map(|ch| ch.as_str()).collect();
                        let note = render::consequences(row).replace(" → ", " to ");
                        let line = if note.is_empty() {
                            tags.join(" · ")
                        } else {
                            format!("{} — {note}", tags.join(" · "))
                        };
                        ui.label(RichText::new(line).small().color(ui.visuals().weak_text_color()));
                    })
                    .response;
                if current && scroll {
                    response.scroll_to_me(Some(egui::Align::Center));
                }
            }
        });
        if clicked_row.is_some() {
            self.current = clicked_row;
        }
    }
}

/// Whether `row` passes the filters: a change, a section of either side.
fn shows(filter: Option<Change>, section: Option<&str>, row: &Row, c: &Comparison) -> bool {
    let change = filter.is_none_or(|f| f.matches(row));
    let section = section.is_none_or(|s| {
        let (po, pn) = c.sides(row);
        po.iter().chain(&pn).any(|p| p.section == s)
    });
    change && section
}

/// One side of a row: each paragraph's label (a link that selects it),
/// then the words, deletions (old side) struck through and inserted words
/// (new side) underlined, each in brackets as the redline prints them.
/// Returns the paragraph clicked.
fn side_ui(ui: &mut egui::Ui, graph: &AtlasGraph, paras: &[&Para], row: &Row, old: bool) -> Option<NodeIndex> {
    let mut clicked = None;
    if paras.is_empty() {
        ui.label(RichText::new(if old { "(new)" } else { "(dropped)" }).italics().weak());
        return None;
    }
    ui.horizontal_wrapped(|ui| {
        for p in paras {
            let node = graph.index_of(&p.id);
            let label = node.and_then(|n| graph.node(n)).map_or_else(|| p.label.clone(), |n| n.label.clone());
            if ui
                .link(RichText::new(label).strong())
                .on_hover_text("Select it in the map and the detail panel")
                .clicked()
            {
                clicked = node;
            }
        }
    });
    let response = ui
        .horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            if row.kind == Kind::Unchanged {
                ui.label(paras.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" "));
                return;
            }
            for op in &row.diff {
                match op {
                    DiffOp::Equal(s) => {
                        ui.label(format!("{s} "));
                    }
                    DiffOp::Delete(s) if old => {
                        ui.label(RichText::new(format!("[-{s}-]")).color(DELETED).strikethrough());
                        ui.label(" ");
                    }
                    DiffOp::Insert(s) if !old => {
                        ui.label(RichText::new(format!("{{+{s}+}}")).color(INSERTED).underline());
                        ui.label(" ");
                    }
                    _ => {}
                }
            }
        })
        .response;
    if clicked.is_none() && response.interact(egui::Sense::click()).clicked() {
        clicked = paras.first().and_then(|p| graph.index_of(&p.id));
    }
    clicked
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Html => "HTML redline",
        Format::Md => "Markdown",
        Format::Csv => "CSV",
        Format::Json => "JSON",
    }
}

fn extension(f: Format) -> &'static str {
    match f {
        Format::Html => "html",
        Format::Md => "md",
        Format::Csv => "csv",
        Format::Json => "json",
    }
}

/// Writes the comparison to `path`, never over an existing file.
fn write(c: &Comparison, format: Format, path: &str) -> anyhow::Result<()> {
    let path = std::path::Path::new(path.trim());
    if path.as_os_str().is_empty() {
        anyhow::bail!("no file named");
    }
    let text = render::render(c, format)?;
    crate::fs::write_atomic(path, text.as_bytes(), false)?;
    Ok(())
}
