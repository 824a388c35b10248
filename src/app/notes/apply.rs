//! The notes' controller: applies each [`NotesCommand`] (called by
//! [`AtlasApp::apply`]) — the open, save, close, import and export
//! workflow with its file dialogs and "save first?" questions, the editor's
//! and the link picker's results — and, once a frame, the recovery copy.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::editor::build_annotation;
use super::state::{DISK_CHECK_INTERVAL, LinkPicker, NoteEditor, RECOVERY_INTERVAL, Then};
use crate::annotations::{AnnotationSet, Link};
use crate::app::AtlasApp;
use crate::app::command::{Answer, Command, NotesCommand};
use crate::app::open_prompt::{OpenPrompt, Purpose};
use crate::app::status::Level;
use crate::style::Rgba;
use crate::words::count;

/// A dialog that answers faster than this could not be shown at all.
const NO_DIALOG: Duration = Duration::from_millis(300);

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
        NotesCommand::SaveNote => commit_editor(app),
        NotesCommand::CancelNote => app.notes.editor = None,
        NotesCommand::CreateLink => create_link(app),
        NotesCommand::CancelLink => app.notes.link_picker = None,
        NotesCommand::AnswerUnsaved(answer) => answer_unsaved(app, ctx, answer),
        NotesCommand::Restore(restore) => answer_recovery(app, restore),
        NotesCommand::AnswerImport(import) => {
            if let Some((path, _)) = app.notes.import_question.take()
                && import
            {
                import_now(app, &path);
            }
        }
        NotesCommand::ToggleTag(tag) => {
            if !app.notes.tag_filter.remove(&tag) {
                app.notes.tag_filter.insert(tag);
            }
        }
    }
}

/// Draws the link picker's link; the picker closes.
fn create_link(app: &mut AtlasApp) {
    let Some(picker) = app.notes.link_picker.take() else { return };
    let Some(to) = picker.to else { return };
    let mut link = Link::new(picker.from, to, picker.label.trim());
    link.id = app.notes.set.fresh_id("l");
    match app.notes.set.add_link(link) {
        Ok(()) => app.status.set(Level::Info, "Link drawn (Ctrl+S saves the file)"),
        Err(e) => app.status.set(Level::Error, e.to_string()),
    }
}

/// Goes on after "save the unsaved notes first?".
fn answer_unsaved(app: &mut AtlasApp, ctx: &egui::Context, answer: Answer) {
    let Some(then) = app.notes.unsaved_question.take() else { return };
    match answer {
        Answer::Save => {
            app.notes.after_save = Some(then);
            save(app, ctx);
        }
        Answer::Discard => {
            // Opening replaces the set only if the new file loads.
            if !matches!(then, Then::Open(_)) {
                app.notes.set.mark_saved();
                app.notes.clear_recovery();
            }
            proceed(app, ctx, then);
        }
        Answer::Cancel => {}
    }
}

/// Restores the recovery copy, or discards it.
fn answer_recovery(app: &mut AtlasApp, restore: bool) {
    if restore {
        if let Some(offer) = app.notes.recovery_offer.take() {
            app.notes.set = offer.set;
            app.notes.tag_filter.clear();
            app.status.set(Level::Info, "Unsaved notes restored — save them with Ctrl+S");
        }
    } else {
        app.notes.recovery_offer = None;
        app.notes.clear_recovery();
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
    let text = crate::annotations::to_w3c_string(&app.notes.set, &app.workspace.graph);
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
    notice_disk_changes(app, ctx);
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

/// Every [`DISK_CHECK_INTERVAL`], whether another program (an `annotations
/// import`, another window) changed the open notes file; if so its changes
/// are merged in (the window's own unsaved changes win and stay unsaved)
/// and the status line says so.
fn notice_disk_changes(app: &mut AtlasApp, ctx: &egui::Context) {
    let notes = &mut app.notes;
    if notes.set.path().is_none() {
        return;
    }
    ctx.request_repaint_after(DISK_CHECK_INTERVAL);
    if notes.last_disk_check.is_some_and(|t| t.elapsed() < DISK_CHECK_INTERVAL) {
        return;
    }
    notes.last_disk_check = Some(Instant::now());
    if !notes.set.changed_on_disk() {
        return;
    }
    let name = notes.file_name();
    match notes.set.merge_changes() {
        Ok(Some(merged)) => {
            app.status
                .set(Level::Info, format!("{name} changed on disk: {} (merged with the open notes)", merged.summary()));
        }
        Ok(None) => {}
        Err(e) => app.status.set(
            Level::Error,
            format!("{name} changed on disk and could not be merged: {e} — the open notes are unchanged"),
        ),
    }
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
