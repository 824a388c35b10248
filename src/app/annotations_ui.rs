//! Annotations in the window: open, save and close an annotation file; the
//! note editor and the link picker; the notes of the selected node (detail
//! panel) and the list of every note (side panel); badges and user links on
//! the map; the "unsaved changes" questions; and the crash-recovery copy.
//!
//! Everything the user does here becomes a [`NotesCommand`], applied with
//! the other commands after the frame is drawn ([`apply`]).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use petgraph::stable_graph::NodeIndex;

use super::atlas_app::AtlasApp;
use super::command::{Command, NotesCommand};
use super::markdown::markdown_ui;
use super::open_prompt::{OpenPrompt, Purpose};
use super::side_panel::color32;
use super::status::Level;
use crate::annotations::{Annotation, AnnotationSet, Link, Recovery, TextQuote};
use crate::graph::AtlasGraph;
use crate::scene::first_words;
use crate::style::Rgba;

/// How often the recovery copy is written while there are unsaved changes.
pub const RECOVERY_INTERVAL: Duration = Duration::from_secs(5);

/// Badge of a node whose notes have no colour.
pub use crate::annotations::overlay::DEFAULT_BADGE;

/// The app id, where crash-recovery files go (defined with the app).
pub use super::APP_ID;

/// Label of the editor's note field (tests find it by this).
pub const NOTE_FIELD: &str = "Note";

/// A dialog that answers faster than this could not be shown at all.
const NO_DIALOG: Duration = Duration::from_millis(300);

/// What to do once the "unsaved changes" question is answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Then {
    /// Open another file.
    Open(PathBuf),
    /// Close the set.
    Close,
    /// Close the window.
    Quit,
}

/// The note editor's fields.
#[derive(Debug, Clone, Default)]
pub struct NoteEditor {
    /// The note being edited; `None` for a new one.
    pub id: Option<String>,
    /// Node id the note is on.
    pub target: String,
    /// How the node is shown ("¶51").
    pub target_label: String,
    /// The paragraph's text, when the node has one (quotes are checked against it).
    pub text: Option<String>,
    /// The note (Markdown).
    pub note: String,
    /// The quoted words (empty: the whole node).
    pub quote: String,
    original_quote: Option<TextQuote>,
    /// Tags, comma-separated.
    pub tags: String,
    /// Colour, if any.
    pub colour: Option<[u8; 3]>,
    /// Why the last save was refused.
    pub error: Option<String>,
    focused: bool,
}

/// The "Link to…" dialog.
#[derive(Debug, Clone, Default)]
pub struct LinkPicker {
    /// Node id the link starts at.
    pub from: String,
    /// How that node is shown.
    pub from_label: String,
    /// Search text.
    pub query: String,
    /// Chosen node id.
    pub to: Option<String>,
    /// The link's label.
    pub label: String,
}

/// Words of a paragraph quoted by a note.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteSpan {
    /// Byte range in the paragraph's text.
    pub range: std::ops::Range<usize>,
    /// The note's colour (or the default accent).
    pub colour: Rgba,
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

/// The open annotation set and the dialogs about it.
#[derive(Debug, Default)]
pub struct Notes {
    /// The annotations (empty, without a file, when none are open).
    pub set: AnnotationSet,
    /// Tags the side panel's list is limited to (none: every note).
    pub tag_filter: BTreeSet<String>,
    /// The note editor, when open.
    pub editor: Option<NoteEditor>,
    /// The link picker, when open.
    pub link_picker: Option<LinkPicker>,
    /// The "unsaved changes" question, when asked, with what comes after.
    pub unsaved_question: Option<Then>,
    after_save: Option<Then>,
    /// Where the crash-recovery copy goes (`None`: no copy is kept).
    pub recovery_file: Option<PathBuf>,
    last_recovery: Option<Instant>,
    /// A recovery copy found at start, offered for restoring.
    pub recovery_offer: Option<Recovery>,
    /// A dropped file in another format, waiting for "Import?" to be answered.
    pub import_question: Option<(PathBuf, crate::annotations::Origin)>,
    closing: bool,
}

impl Notes {
    /// Whether anything changed since the last open or save.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.set.is_dirty()
    }

    /// The window title's prefix: "• " with unsaved changes.
    #[must_use]
    pub fn title_prefix(&self) -> &'static str {
        if self.is_dirty() { "• " } else { "" }
    }

    /// The open file's name, or "unsaved notes".
    #[must_use]
    pub fn file_name(&self) -> String {
        self.set
            .path()
            .map(|p| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "unsaved notes".to_owned())
    }

    /// Whether a dialog of this module is open (shortcuts then stay quiet).
    #[must_use]
    pub fn modal_open(&self) -> bool {
        self.editor.is_some()
            || self.link_picker.is_some()
            || self.unsaved_question.is_some()
            || self.recovery_offer.is_some()
            || self.import_question.is_some()
    }

    /// Badges and user links of the open notes on `graph` (the same overlay
    /// the exports draw).
    #[must_use]
    pub fn overlay(&self, graph: &AtlasGraph) -> crate::annotations::Overlay {
        crate::annotations::Overlay::new(&self.set, graph)
    }

    /// Where the notes on `node_id` quote `text`, with their colours, in
    /// text order (quotes no longer found are left out).
    #[must_use]
    pub fn quote_spans(&self, node_id: &str, text: &str) -> Vec<QuoteSpan> {
        let mut spans: Vec<QuoteSpan> = self
            .set
            .annotations_for(node_id)
            .filter_map(|a| {
                let range = a.quote.as_ref()?.locate(text)?;
                Some(QuoteSpan {
                    range,
                    colour: a.colour.as_deref().and_then(Rgba::parse_hex).unwrap_or(DEFAULT_BADGE),
                })
            })
            .collect();
        spans.sort_by_key(|s| (s.range.start, s.range.end));
        spans
    }

    /// Replaces the set (after an open, a restore or a close).
    fn replace(&mut self, set: AnnotationSet) {
        self.set = set;
        self.tag_filter.clear();
        self.editor = None;
        self.link_picker = None;
        self.clear_recovery();
    }

    fn clear_recovery(&mut self) {
        self.last_recovery = None;
        if self.recovery_offer.is_some() {
            return; // not answered yet
        }
        if let Some(file) = &self.recovery_file
            && let Err(e) = crate::annotations::clear_recovery(file)
        {
            log::warn!("{e}");
        }
    }
}

/// Sets up annotations at start: the recovery folder (`None` keeps no
/// copy), an offer to restore a copy left by a crash, and the file given on
/// the command line. An error opening it is shown in the status bar.
#[must_use]
pub fn start(mut app: AtlasApp, file: Option<&Path>, recovery_dir: Option<&Path>) -> AtlasApp {
    // The file first: opening clears the recovery copy, which must survive until answered.
    if let Some(file) = file {
        open_now(&mut app, file.to_owned());
    }
    if let Some(dir) = recovery_dir {
        let path = crate::annotations::recovery_path(dir);
        match crate::annotations::read_recovery(&path) {
            Ok(offer) => app.notes.recovery_offer = offer,
            Err(e) => app.status.set(Level::Error, format!("The unsaved-notes copy could not be read: {e}")),
        }
        app.notes.recovery_file = Some(path);
    }
    app
}

/// Applies one command.
pub fn apply(app: &mut AtlasApp, ctx: &egui::Context, command: NotesCommand) {
    match command {
        NotesCommand::ShowOpenDialog => show_open_dialog(app),
        NotesCommand::Open(path) => {
            if app.notes.is_dirty() {
                app.notes.unsaved_question = Some(Then::Open(path));
            } else {
                open_now(app, path);
            }
        }
        NotesCommand::Save => save(app, ctx),
        NotesCommand::ShowSaveAsDialog => show_save_dialog(app, ctx),
        NotesCommand::SaveAs(path) => save_as(app, ctx, path),
        NotesCommand::Close => {
            if app.notes.is_dirty() {
                app.notes.unsaved_question = Some(Then::Close);
            } else {
                close_now(app);
            }
        }
        NotesCommand::Annotate(n) => {
            let graph = &app.workspace.graph;
            if let Some(node) = graph.node(n) {
                app.notes.editor = Some(NoteEditor {
                    target: node.id.clone(),
                    target_label: node.label.clone(),
                    text: node.text.clone(),
                    ..NoteEditor::default()
                });
            }
        }
        NotesCommand::Edit(id) => {
            let Some(a) = app.notes.set.annotation(&id) else { return };
            let node = app.workspace.graph.node_by_id(&a.target);
            app.notes.editor = Some(NoteEditor {
                id: Some(a.id.clone()),
                target: a.target.clone(),
                target_label: node.map_or_else(|| a.target.clone(), |n| n.label.clone()),
                text: node.and_then(|n| n.text.clone()),
                note: a.note.clone(),
                quote: a.quote.as_ref().map(|q| q.exact.clone()).unwrap_or_default(),
                original_quote: a.quote.clone(),
                tags: a.tags.join(", "),
                colour: a.colour.as_deref().and_then(Rgba::parse_hex).map(|c| [c.0[0], c.0[1], c.0[2]]),
                error: None,
                focused: false,
            });
        }
        NotesCommand::Delete(id) => {
            if app.notes.set.delete_annotation(&id).is_some() {
                app.status.set(Level::Info, "Note deleted (not saved yet)");
            }
        }
        NotesCommand::ShowLinkPicker(n) => {
            if let Some(node) = app.workspace.graph.node(n) {
                app.notes.link_picker =
                    Some(LinkPicker { from: node.id.clone(), from_label: node.label.clone(), ..LinkPicker::default() });
            }
        }
        NotesCommand::DeleteLink(id) => {
            if app.notes.set.delete_link(&id).is_some() {
                app.status.set(Level::Info, "Link deleted (not saved yet)");
            }
        }
        NotesCommand::ShowImportDialog => show_import_dialog(app),
        NotesCommand::Import(path) => import_now(app, &path),
        NotesCommand::ShowExportW3cDialog => show_export_w3c_dialog(app),
        NotesCommand::ExportW3c(path) => export_w3c(app, &path),
        NotesCommand::Dropped(path) => {
            let origin = crate::annotations::file_origin(&path);
            if origin == crate::annotations::Origin::Native {
                app.push(Command::Notes(NotesCommand::Open(path)));
            } else {
                app.notes.import_question = Some((path, origin));
            }
        }
    }
}

fn show_import_dialog(app: &mut AtlasApp) {
    let started = Instant::now();
    let picked = rfd::FileDialog::new()
        .set_title("Import annotations")
        .add_filter("W3C Web Annotation, Hypothesis, WSIS Atlas", &["json", "jsonld"])
        .add_filter("All files", &["*"])
        .pick_file();
    match picked {
        Some(path) => app.push(Command::Notes(NotesCommand::Import(path))),
        None if started.elapsed() < NO_DIALOG => {
            app.open_prompt = Some(OpenPrompt::annotations(
                Purpose::ImportAnnotations,
                "No file dialog is available here (no desktop portal). Type the path of a W3C Web Annotation (JSON-LD) or Hypothesis (JSON) file; its notes are added to the open ones.",
            ));
        }
        None => {}
    }
}

fn show_export_w3c_dialog(app: &mut AtlasApp) {
    let started = Instant::now();
    let stem = app.notes.set.path().and_then(Path::file_stem).map(|n| n.to_string_lossy().into_owned());
    let name = format!("{}.jsonld", stem.unwrap_or_else(|| "annotations".to_owned()));
    let picked = rfd::FileDialog::new()
        .set_title("Export annotations as W3C Web Annotation")
        .add_filter("W3C Web Annotation (JSON-LD)", &["jsonld", "json"])
        .set_file_name(name)
        .save_file();
    match picked {
        Some(path) => export_w3c(app, &path),
        None if started.elapsed() < NO_DIALOG => {
            app.open_prompt = Some(OpenPrompt::annotations(
                Purpose::ExportW3c,
                "No file dialog is available here (no desktop portal). Type where to write the W3C Web Annotation (JSON-LD) file.",
            ));
        }
        None => {}
    }
}

/// Adds the notes of `path` to the open set; on error nothing changes.
fn import_now(app: &mut AtlasApp, path: &Path) {
    match app.notes.set.import_file(path, &app.workspace.graph) {
        Ok((imported, outcome)) => {
            for w in &imported.warnings {
                log::warn!("{w}");
            }
            let mut message = format!("Imported {}: {} added", imported.summary(), outcome.added.len());
            if !outcome.skipped.is_empty() {
                message.push_str(&format!(", {} already there", outcome.skipped.len()));
            }
            if !imported.warnings.is_empty() {
                message.push_str(&format!(", {} warning(s): {}", imported.warnings.len(), imported.warnings[0]));
            }
            message.push_str(" — not saved yet (Ctrl+S)");
            app.status.set(Level::Info, message);
        }
        Err(e) => app.status.set(Level::Error, format!("Annotations not imported: {e}")),
    }
}

fn export_w3c(app: &mut AtlasApp, path: &Path) {
    let text = crate::annotations::to_w3c_string(&app.notes.set);
    match crate::export::write_atomic(path, text.as_bytes(), true) {
        Ok(()) => app.status.set(
            Level::Info,
            format!(
                "Exported {} and {} as W3C Web Annotation to {}",
                count(app.notes.set.annotations().len(), "note"),
                count(app.notes.set.links().len(), "link"),
                path.display()
            ),
        ),
        Err(e) => app.status.set(Level::Error, format!("Annotations not exported: {e}")),
    }
}

fn show_open_dialog(app: &mut AtlasApp) {
    let started = Instant::now();
    let picked = rfd::FileDialog::new()
        .set_title("Open annotations")
        .add_filter("Annotations", &["json"])
        .add_filter("All files", &["*"])
        .pick_file();
    match picked {
        Some(path) => app.push(Command::Notes(NotesCommand::Open(path))),
        None if started.elapsed() < NO_DIALOG => {
            app.open_prompt = Some(OpenPrompt::annotations(
                Purpose::OpenAnnotations,
                "No file dialog is available here (no desktop portal). Type the path of an annotation file, or drop it onto the window.",
            ));
        }
        None => {}
    }
}

fn show_save_dialog(app: &mut AtlasApp, ctx: &egui::Context) {
    let started = Instant::now();
    let name = app.notes.set.path().and_then(Path::file_name).map(|n| n.to_string_lossy().into_owned());
    let picked = rfd::FileDialog::new()
        .set_title("Save annotations")
        .add_filter("Annotations", &["json"])
        .set_file_name(name.unwrap_or_else(|| "annotations.json".to_owned()))
        .save_file();
    match picked {
        Some(path) => save_as(app, ctx, path),
        None if started.elapsed() < NO_DIALOG => {
            let mut prompt = OpenPrompt::annotations(
                Purpose::SaveAnnotations,
                "No file dialog is available here (no desktop portal). Type where to save the annotations.",
            );
            prompt.path = app.notes.set.path().map(|p| p.display().to_string()).unwrap_or_default();
            app.open_prompt = Some(prompt);
        }
        None => app.notes.after_save = None,
    }
}

/// Opens `path` now, replacing the open set; on error nothing changes.
fn open_now(app: &mut AtlasApp, path: PathBuf) {
    match AnnotationSet::load_any(&path, &app.workspace.graph) {
        Ok((set, Some(imported))) => {
            // Another tool's file: its notes become a new, unsaved set (saving asks where).
            app.notes.replace(set);
            app.status.set(
                Level::Info,
                format!("Imported {} — Ctrl+S saves them as a WSIS Atlas annotation file", imported.summary()),
            );
        }
        Ok((set, None)) => {
            let report = set.validate(&app.workspace.graph);
            let orphans = report.orphans().count();
            let (notes, links) = (set.annotations().len(), set.links().len());
            app.notes.replace(set);
            app.settings.remember_annotations(path);
            let mut message =
                format!("Opened {}: {}, {}", app.notes.file_name(), count(notes, "note"), count(links, "link"));
            if orphans > 0 {
                message.push_str(&format!(" ({orphans} not in the open documents)"));
            }
            app.status.set(Level::Info, message);
        }
        Err(e) => app.status.set(Level::Error, format!("Annotations not opened: {e}")),
    }
}

fn close_now(app: &mut AtlasApp) {
    app.notes.replace(AnnotationSet::new());
    app.status.set(Level::Info, "Annotations closed");
}

fn save(app: &mut AtlasApp, ctx: &egui::Context) {
    if app.notes.set.path().is_none() {
        show_save_dialog(app, ctx);
        return;
    }
    let result = app.notes.set.save();
    after_save(app, ctx, result);
}

fn save_as(app: &mut AtlasApp, ctx: &egui::Context, path: PathBuf) {
    let result = app.notes.set.save_as(path);
    after_save(app, ctx, result);
}

fn after_save(app: &mut AtlasApp, ctx: &egui::Context, result: Result<(), crate::annotations::AnnotationError>) {
    match result {
        Ok(()) => {
            app.notes.clear_recovery();
            if let Some(path) = app.notes.set.path() {
                app.settings.remember_annotations(path.to_owned());
            }
            let (n, links) = (app.notes.set.annotations().len(), app.notes.set.links().len());
            let what = if links == 0 {
                count(n, "note")
            } else {
                format!("{} and {}", count(n, "note"), count(links, "link"))
            };
            app.status.set(Level::Info, format!("Saved {what} to {}", app.notes.file_name()));
            if let Some(then) = app.notes.after_save.take() {
                proceed(app, ctx, then);
            }
        }
        Err(e) => {
            app.notes.after_save = None;
            app.status.set(Level::Error, format!("{e} — your notes are still open, unsaved"));
        }
    }
}

/// Does what waited on the "unsaved changes" question.
fn proceed(app: &mut AtlasApp, ctx: &egui::Context, then: Then) {
    match then {
        Then::Open(path) => open_now(app, path),
        Then::Close => close_now(app),
        Then::Quit => {
            app.notes.clear_recovery();
            app.notes.closing = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

use crate::words::count;

/// Once per frame, before the panels: holds a window close while there are
/// unsaved changes (and asks), and writes the recovery copy every
/// [`RECOVERY_INTERVAL`] while dirty.
pub fn tick(app: &mut AtlasApp, ctx: &egui::Context) {
    // A save-then-continue waits only while its "save where?" prompt is open.
    if app.open_prompt.as_ref().is_none_or(|p| p.purpose != Purpose::SaveAnnotations) {
        app.notes.after_save = None;
    }
    if ctx.input(|i| i.viewport().close_requested()) && app.notes.is_dirty() && !app.notes.closing {
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        app.notes.unsaved_question = Some(Then::Quit);
    }
    let notes = &mut app.notes;
    if !notes.is_dirty() || notes.recovery_offer.is_some() {
        return;
    }
    let Some(file) = notes.recovery_file.clone() else { return };
    let due = notes.last_recovery.is_none_or(|t| t.elapsed() >= RECOVERY_INTERVAL);
    if due {
        notes.last_recovery = Some(Instant::now());
        if let Err(e) = crate::annotations::write_recovery(&file, &notes.set, notes.set.path()) {
            log::warn!("{e}");
        }
    }
    ctx.request_repaint_after(RECOVERY_INTERVAL);
}

/// Ctrl+S, Ctrl+Shift+S, and A (annotate the selection, when not typing).
#[must_use]
pub fn shortcuts(ctx: &egui::Context, app: &AtlasApp) -> Vec<Command> {
    let mut out = Vec::new();
    let quiet = ctx.text_edit_focused() || app.notes.modal_open() || app.open_prompt.is_some();
    ctx.input_mut(|i| {
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S)) {
            out.push(Command::Notes(NotesCommand::ShowSaveAsDialog));
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)) {
            out.push(Command::Notes(NotesCommand::Save));
        }
        if !quiet
            && let Some(n) = app.view.selected
            && i.consume_key(Modifiers::NONE, Key::A)
        {
            out.push(Command::Notes(NotesCommand::Annotate(n)));
        }
    });
    out
}

/// The File menu's annotation entries.
pub fn file_menu_ui(ui: &mut egui::Ui, app: &AtlasApp, out: &mut Vec<Command>) {
    let item = |ui: &mut egui::Ui, text: &str, shortcut: &str, enabled: bool| {
        ui.add_enabled(enabled, egui::Button::new(text).shortcut_text(shortcut)).clicked()
    };
    if item(ui, "Open annotations…", "", true) {
        out.push(Command::Notes(NotesCommand::ShowOpenDialog));
    }
    ui.menu_button("Recent annotations", |ui| {
        if app.settings.recent_annotations.is_empty() {
            ui.label("(none yet)");
        }
        for path in &app.settings.recent_annotations {
            if ui.button(path.display().to_string()).clicked() {
                out.push(Command::Notes(NotesCommand::Open(path.clone())));
            }
        }
    });
    let has_notes = app.notes.set.path().is_some() || !app.notes.set.is_empty() || app.notes.is_dirty();
    if item(ui, "Save annotations", "Ctrl+S", has_notes) {
        out.push(Command::Notes(NotesCommand::Save));
    }
    if item(ui, "Save annotations as…", "Ctrl+Shift+S", has_notes) {
        out.push(Command::Notes(NotesCommand::ShowSaveAsDialog));
    }
    if item(ui, "Close annotations", "", has_notes) {
        out.push(Command::Notes(NotesCommand::Close));
    }
    if ui.button(IMPORT_ITEM).clicked() {
        out.push(Command::Notes(NotesCommand::ShowImportDialog));
    }
    if ui.add_enabled(!app.notes.set.is_empty(), egui::Button::new(EXPORT_W3C_ITEM)).clicked() {
        out.push(Command::Notes(NotesCommand::ShowExportW3cDialog));
    }
}

/// The File menu item that imports notes from other tools.
pub const IMPORT_ITEM: &str = "Import annotations…";
/// The File menu item that exports notes for other tools.
pub const EXPORT_W3C_ITEM: &str = "Export annotations as W3C Web Annotation…";

/// The canvas context menu's entries for a node.
pub fn context_menu_ui(ui: &mut egui::Ui, node: NodeIndex, out: &mut Vec<Command>) {
    if ui.button("Annotate…").clicked() {
        out.push(Command::Notes(NotesCommand::Annotate(node)));
        ui.close();
    }
    if ui.button("Link to…").clicked() {
        out.push(Command::Notes(NotesCommand::ShowLinkPicker(node)));
        ui.close();
    }
}

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

/// "2026-11-28T17:05:00Z" → "2026-11-28 17:05".
fn short_time(t: &str) -> String {
    match (t.get(..10), t.get(11..16)) {
        (Some(day), Some(hm)) => format!("{day} {hm}"),
        _ => t.to_owned(),
    }
}

/// The side panel's "Notes" section: tag filter and every note.
pub fn notes_list_ui(ui: &mut egui::Ui, app: &mut AtlasApp, out: &mut Vec<Command>) {
    let notes = &mut app.notes;
    let graph = &app.workspace.graph;
    let total = notes.set.annotations().len();
    egui::CollapsingHeader::new(format!("Notes ({total})")).id_salt("notes_section").default_open(true).show(
        ui,
        |ui| {
            if notes.set.path().is_none() && notes.set.is_empty() {
                ui.label(
                    RichText::new(
                        "No annotation file open. File > Open annotations…, or select a node and press A to start one.",
                    )
                    .weak(),
                );
                return;
            }
            ui.label(RichText::new(format!("{}{}", notes.title_prefix(), notes.file_name())).weak());
            let tags = notes.set.tags();
            if !tags.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    for tag in tags {
                        let on = notes.tag_filter.contains(&tag);
                        if ui.selectable_label(on, format!("#{tag}")).clicked() {
                            if on {
                                notes.tag_filter.remove(&tag);
                            } else {
                                notes.tag_filter.insert(tag);
                            }
                        }
                    }
                });
            }
            let filter = &notes.tag_filter;
            for a in notes.set.annotations() {
                if !filter.is_empty() && !a.tags.iter().any(|t| filter.contains(t)) {
                    continue;
                }
                let words = match &a.quote {
                    Some(q) if a.note.trim().is_empty() => format!("“{}”", q.exact),
                    _ => super::markdown::plain_text(&a.note),
                };
                let snippet = first_words(&words, 8);
                match graph.index_of(&a.target) {
                    Some(n) => {
                        let label = graph.node(n).map_or_else(|| a.target.clone(), |node| node.label.clone());
                        let selected = app.view.selected == Some(n);
                        if ui.selectable_label(selected, format!("{label} — {snippet}")).clicked() {
                            out.push(Command::Select(n));
                        }
                    }
                    None => {
                        ui.label(RichText::new(format!("{} — {snippet}", a.target)).weak()).on_hover_text(
                            "Not in the open documents: kept in the file, shown again when its document is open.",
                        );
                        ui.label(RichText::new("    not in the open documents").small().weak());
                    }
                }
            }
        },
    );
}

/// Checks the editor's fields; the annotation to save, or why not.
fn build_annotation(editor: &NoteEditor, existing: Option<&Annotation>) -> Result<Annotation, String> {
    let quote_text = editor.quote.trim();
    let quote = if quote_text.is_empty() {
        None
    } else if let Some(q) = editor.original_quote.as_ref().filter(|q| q.exact == quote_text) {
        Some(q.clone())
    } else {
        let Some(text) = &editor.text else {
            return Err(format!("{} has no text to quote from: leave Quote empty.", editor.target_label));
        };
        let Some(span) = TextQuote::new(quote_text).locate(text) else {
            return Err(format!("“{quote_text}” is not in the text of {}: copy the exact words.", editor.target_label));
        };
        TextQuote::from_span(text, span)
    };
    if editor.note.trim().is_empty() && quote.is_none() {
        return Err("Write a note (or quote some words).".to_owned());
    }
    let mut tags: Vec<String> = Vec::new();
    for t in editor.tags.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|x| x == t) {
            tags.push(t.to_owned());
        }
    }
    let mut a = existing.cloned().unwrap_or_else(|| Annotation::new(editor.target.clone(), ""));
    a.note = editor.note.trim_end().to_owned();
    a.quote = quote;
    a.tags = tags;
    a.colour = editor.colour.map(|[r, g, b]| format!("#{r:02x}{g:02x}{b:02x}"));
    Ok(a)
}

/// Saves the editor's note into the set; closes the editor on success.
fn commit_editor(app: &mut AtlasApp) {
    let Some(editor) = app.notes.editor.as_ref() else { return };
    let existing = editor.id.as_deref().and_then(|id| app.notes.set.annotation(id));
    let is_new = existing.is_none();
    let built = build_annotation(editor, existing);
    let result = built.and_then(|mut a| {
        let done = if is_new {
            a.id = app.notes.set.fresh_id("a");
            app.notes.set.add_annotation(a)
        } else {
            let id = a.id.clone();
            app.notes.set.update_annotation(&id, |slot| *slot = a)
        };
        done.map_err(|e| e.to_string())
    });
    match result {
        Ok(()) => {
            app.notes.editor = None;
            app.status.set(Level::Info, "Note kept (Ctrl+S saves the file)");
        }
        Err(e) => {
            if let Some(editor) = app.notes.editor.as_mut() {
                editor.error = Some(e);
            }
        }
    }
}

/// The dialogs: note editor, link picker, unsaved-changes question, recovery offer.
pub fn modals_ui(ctx: &egui::Context, app: &mut AtlasApp) {
    editor_ui(ctx, app);
    link_picker_ui(ctx, app);
    unsaved_ui(ctx, app);
    recovery_ui(ctx, app);
    import_question_ui(ctx, app);
}

/// "Import the notes of this file?", for a dropped file in another tool's format.
fn import_question_ui(ctx: &egui::Context, app: &mut AtlasApp) {
    let Some((path, origin)) = app.notes.import_question.clone() else { return };
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("import_question")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Import annotations?");
        ui.label(format!(
            "{} is a {}, not a WSIS Atlas annotation file. Add its notes to the open ones ({})? Notes whose quote is in a paragraph of the open documents are attached to it.",
            path.display(),
            origin.name(),
            app.notes.file_name()
        ));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Import").clicked() {
                choice = Some(true);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(false);
            }
        });
    });
    match choice {
        Some(true) => {
            app.notes.import_question = None;
            import_now(app, &path);
        }
        Some(false) => app.notes.import_question = None,
        None => {}
    }
}

fn editor_ui(ctx: &egui::Context, app: &mut AtlasApp) {
    let Some(editor) = app.notes.editor.as_mut() else { return };
    let (mut save, mut cancel) = (false, false);
    egui::Modal::new(egui::Id::unique("note_editor")).show(ctx, |ui| {
        ui.set_width(480.0);
        let verb = if editor.id.is_some() { "Edit note on" } else { "Annotate" };
        ui.heading(format!("{verb} {}", editor.target_label));
        let label = ui.label(NOTE_FIELD);
        let field = ui
            .add(
                egui::TextEdit::multiline(&mut editor.note)
                    .hint_text("Markdown: **bold**, *italic*, - lists")
                    .desired_rows(5)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if !editor.focused {
            field.request_focus();
            editor.focused = true;
        }
        if let Some(text) = &editor.text {
            let label = ui.label("Quote (optional): the exact words of the paragraph the note is about");
            ui.add(
                egui::TextEdit::singleline(&mut editor.quote)
                    .hint_text("paste or type words from the text")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            let q = editor.quote.trim();
            if !q.is_empty() && TextQuote::new(q).locate(text).is_none() {
                ui.colored_label(ui.visuals().warn_fg_color, "Not found in the paragraph's text.");
            }
        }
        ui.horizontal(|ui| {
            let label = ui.label("Tags");
            ui.add(
                egui::TextEdit::singleline(&mut editor.tags).hint_text("privacy, human-rights").desired_width(260.0),
            )
            .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            let mut has_colour = editor.colour.is_some();
            if ui.checkbox(&mut has_colour, "Colour").changed() {
                editor.colour = has_colour.then_some([0xd6, 0x27, 0x28]);
            }
            if let Some(c) = editor.colour.as_mut() {
                egui::color_picker::color_edit_button_srgb(ui, c);
                ui.label(RichText::new(format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])).monospace());
            }
        });
        if let Some(e) = &editor.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.separator();
        ui.horizontal(|ui| {
            save = ui.button("Save").clicked();
            cancel = ui.button("Cancel").clicked();
        });
    });
    if save {
        commit_editor(app);
    } else if cancel {
        app.notes.editor = None;
    }
}

fn link_picker_ui(ctx: &egui::Context, app: &mut AtlasApp) {
    let Some(picker) = app.notes.link_picker.as_mut() else { return };
    let graph = &app.workspace.graph;
    let (mut create, mut cancel) = (false, false);
    egui::Modal::new(egui::Id::unique("link_picker")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading(format!("Link {} to…", picker.from_label));
        let field = ui.add(
            egui::TextEdit::singleline(&mut picker.query)
                .hint_text("find a node: ¶48, 69/166, privacy…")
                .desired_width(f32::INFINITY),
        );
        if picker.query.is_empty() && picker.to.is_none() {
            field.request_focus();
        }
        egui::ScrollArea::vertical().max_height(220.0).show(ui, |ui| {
            for hit in graph.search(&picker.query).into_iter().take(30) {
                let Some(n) = graph.node(hit.index) else { continue };
                if n.id == picker.from {
                    continue;
                }
                let on = picker.to.as_deref() == Some(n.id.as_str());
                let text = match &n.text {
                    Some(t) => format!("{} — {}", n.label, first_words(t, 8)),
                    None => format!("{} — {}", n.label, n.display_name()),
                };
                if ui.selectable_label(on, text).clicked() {
                    picker.to = Some(n.id.clone());
                }
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Label");
            ui.add(egui::TextEdit::singleline(&mut picker.label).hint_text("same rights online").desired_width(300.0))
                .labelled_by(label.id);
        });
        ui.separator();
        ui.horizontal(|ui| {
            create = ui.add_enabled(picker.to.is_some(), egui::Button::new("Create link")).clicked();
            cancel = ui.button("Cancel").clicked();
        });
    });
    if cancel {
        app.notes.link_picker = None;
    } else if create
        && let Some(picker) = app.notes.link_picker.take()
        && let Some(to) = picker.to
    {
        let mut link = Link::new(picker.from, to, picker.label.trim());
        link.id = app.notes.set.fresh_id("l");
        match app.notes.set.add_link(link) {
            Ok(()) => app.status.set(Level::Info, "Link drawn (Ctrl+S saves the file)"),
            Err(e) => app.status.set(Level::Error, e.to_string()),
        }
    }
}

fn unsaved_ui(ctx: &egui::Context, app: &mut AtlasApp) {
    let Some(then) = app.notes.unsaved_question.clone() else { return };
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("unsaved_notes")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Unsaved notes");
        let what = match &then {
            Then::Open(p) => format!("before opening {}", p.display()),
            Then::Close => "before closing them".to_owned(),
            Then::Quit => "before quitting".to_owned(),
        };
        let whose = if app.notes.set.path().is_some() {
            format!("{} has", app.notes.file_name())
        } else {
            "Your notes have".to_owned()
        };
        ui.label(format!("{whose} changes that are not saved. Save them {what}?"));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(0);
            }
            if ui.button("Discard").clicked() {
                choice = Some(1);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(2);
            }
        });
    });
    match choice {
        Some(0) => {
            app.notes.unsaved_question = None;
            app.notes.after_save = Some(then);
            save(app, ctx);
        }
        Some(1) => {
            app.notes.unsaved_question = None;
            // Opening replaces the set only if the new file loads.
            if !matches!(then, Then::Open(_)) {
                app.notes.set.mark_saved();
                app.notes.clear_recovery();
            }
            proceed(app, ctx, then);
        }
        Some(_) => app.notes.unsaved_question = None,
        None => {}
    }
}

fn recovery_ui(ctx: &egui::Context, app: &mut AtlasApp) {
    let Some(offer) = &app.notes.recovery_offer else { return };
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Restore unsaved notes?");
        let of =
            offer.original.as_ref().map_or_else(|| "a new annotation file".to_owned(), |p| p.display().to_string());
        ui.label(format!(
            "WSIS Atlas closed with unsaved changes to {of} ({}, {}, copy from {}).",
            count(offer.set.annotations().len(), "note"),
            count(offer.set.links().len(), "link"),
            short_time(&offer.written)
        ));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                choice = Some(true);
            }
            if ui.button("Discard").clicked() {
                choice = Some(false);
            }
        });
    });
    match choice {
        Some(true) => {
            if let Some(offer) = app.notes.recovery_offer.take() {
                app.notes.set = offer.set;
                app.notes.tag_filter.clear();
                app.status.set(Level::Info, "Unsaved notes restored — save them with Ctrl+S");
            }
        }
        Some(false) => {
            app.notes.recovery_offer = None;
            app.notes.clear_recovery();
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "We affirm the right to privacy, as set out in the Universal Declaration.";

    fn editor(quote: &str) -> NoteEditor {
        NoteEditor {
            target: "para:wsis10:51".into(),
            target_label: "¶51".into(),
            text: Some(TEXT.into()),
            note: "A note".into(),
            quote: quote.into(),
            tags: " privacy, , human-rights,privacy ".into(),
            colour: Some([0xd6, 0x27, 0x28]),
            ..NoteEditor::default()
        }
    }

    #[test]
    fn editor_fields_become_an_annotation() {
        let a = build_annotation(&editor("the right to privacy"), None);
        assert!(a.is_ok(), "{a:?}");
        let Ok(a) = a else { return };
        assert_eq!(a.target, "para:wsis10:51");
        assert_eq!(a.tags, vec!["privacy".to_owned(), "human-rights".to_owned()]);
        assert_eq!(a.colour.as_deref(), Some("#d62728"));
        let q = a.quote.unwrap_or_else(|| TextQuote::new("none"));
        assert_eq!(q.exact, "the right to privacy");
        assert_eq!(q.prefix, "We affirm ");
        assert!(q.suffix.starts_with(", as set out"));
    }

    #[test]
    fn a_quote_must_be_in_the_text() {
        let e = build_annotation(&editor("the right to be forgotten"), None);
        assert!(e.is_err_and(|e| e.contains("is not in the text of ¶51")));
        let mut no_text = editor("privacy");
        no_text.text = None;
        assert!(build_annotation(&no_text, None).is_err());
        let mut empty = editor("");
        empty.note = "  ".into();
        assert!(build_annotation(&empty, None).is_err());
    }

    #[test]
    fn badges_prefer_a_colour_and_skip_orphans() {
        let graph = AtlasGraph::bundled().unwrap_or_default();
        let mut notes = Notes::default();
        let mut plain = Annotation::new("para:wsis10:51", "x");
        plain.id = "a-1".into();
        let mut red = Annotation::new("para:wsis10:51", "y");
        red.id = "a-2".into();
        red.colour = Some("#ff0000".into());
        let mut orphan = Annotation::new("para:other:1", "z");
        orphan.id = "a-3".into();
        for a in [plain, red, orphan] {
            assert!(notes.set.add_annotation(a).is_ok());
        }
        let overlay = notes.overlay(&graph);
        assert_eq!(overlay.badges.len(), 1);
        let n = graph.index_of("para:wsis10:51");
        assert_eq!(n.and_then(|n| overlay.badge(n)), Some(Rgba::hex(0xff0000)));
        assert!(notes.is_dirty());
        assert_eq!(notes.title_prefix(), "• ");
    }

    #[test]
    fn quotes_are_found_in_the_paragraph_text() {
        let mut notes = Notes::default();
        let mut a = Annotation::new("para:wsis10:51", "x");
        a.quote = TextQuote::from_span(TEXT, 10..30);
        let mut lost = Annotation::new("para:wsis10:51", "y");
        lost.quote = Some(TextQuote::new("not in the text"));
        for a in [a, lost] {
            assert!(notes.set.add_annotation(a).is_ok());
        }
        let spans = notes.quote_spans("para:wsis10:51", TEXT);
        assert_eq!(spans, vec![QuoteSpan { range: 10..30, colour: DEFAULT_BADGE }]);
        assert_eq!(TEXT.get(10..30), Some("the right to privacy"));
        assert!(notes.quote_spans("para:wsis10:52", TEXT).is_empty());
    }

    #[test]
    fn short_times() {
        assert_eq!(short_time("2026-11-28T17:05:00Z"), "2026-11-28 17:05");
        assert_eq!(short_time("odd"), "odd");
    }
}
