//! Integration tests: annotations in the window (egui_kittest, the real
//! app): open a file through the path prompt, annotate ¶51 with the
//! keyboard and the editor, save with Ctrl+S, and find the note on disk;
//! bad files, the unsaved-changes question, the title marker, a failed
//! save, the close request, and the crash-recovery copy.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wsis_atlas::annotations::{AnnotationSet, recovery_path, write_recovery};
use wsis_atlas::app::AtlasApp;
use wsis_atlas::app::command::{Command, NotesCommand};
use wsis_atlas::app::notes::{NOTE_FIELD, Then};
use wsis_atlas::app::open_prompt::{OpenPrompt, Purpose};
use wsis_atlas::app::settings::Settings;
use wsis_atlas::app::status::Level;
use wsis_atlas::app::workspace::Workspace;

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/annotations.json");

/// The app on the bundled document, layout paused so frames are cheap.
fn app() -> std::result::Result<AtlasApp, Box<dyn std::error::Error>> {
    let mut app = AtlasApp::new(Workspace::bundled()?, Settings::default());
    app.view.paused = true;
    Ok(app)
}

fn harness(app: AtlasApp) -> Harness<'static, AtlasApp> {
    let mut h = Harness::builder().with_size([1280.0, 800.0]).allow_missing_glyphs().build_eframe(move |_| app);
    h.run_steps(2);
    h
}

/// A copy of the example file in a temporary folder.
fn example_copy(dir: &Path) -> std::result::Result<PathBuf, Box<dyn std::error::Error>> {
    let path = dir.join("notes.json");
    std::fs::copy(EXAMPLE, &path)?;
    Ok(path)
}

fn open(h: &mut Harness<'_, AtlasApp>, path: &Path) {
    h.state_mut().push(Command::Notes(NotesCommand::Open(path.to_owned())));
    h.run_steps(3);
}

#[test]
fn annotate_paragraph_51_through_the_window_and_save_it() -> Result {
    let dir = tempfile::tempdir()?;
    let file = example_copy(dir.path())?;
    let mut h = harness(app()?);

    // File → Open annotations, answered through the path prompt.
    h.state_mut().open_prompt = Some(OpenPrompt::annotations(Purpose::OpenAnnotations, "Type a path"));
    h.run_steps(2);
    h.event(egui::Event::Text(file.display().to_string()));
    h.run_steps(2);
    h.get_by_label("Open").click();
    h.run_steps(3);
    assert_eq!(h.state().notes.set.path(), Some(file.as_path()));
    assert_eq!(h.state().notes.set.annotations().len(), 3);
    assert!(!h.state().title().starts_with("• "));

    // Find ¶51 and select it with Enter.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.event(egui::Event::Text("¶51".into()));
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(3);
    let para51 = h.state().workspace.graph.index_of("para:wsis10:51");
    assert!(para51.is_some());
    assert_eq!(h.state().view.selected, para51);

    // Enter let go of the search field, so A opens the editor.
    h.key_press(Key::A);
    h.run_steps(3);
    assert!(h.state().notes.editor.is_some(), "A should open the note editor");
    h.get_by_label(NOTE_FIELD).type_text("Surveillance and **privacy**, written in the test.");
    h.run_steps(2);
    h.get_by_label("Save").click();
    h.run_steps(3);
    assert!(h.state().notes.editor.is_none(), "{:?}", h.state().notes.editor);
    assert_eq!(h.state().notes.set.annotations().len(), 4);
    assert!(h.state().notes.is_dirty());
    assert!(h.state().title().starts_with("• "), "{}", h.state().title());

    // Ctrl+S writes the file; the marker goes.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    assert!(!h.state().notes.is_dirty(), "{:?}", h.state().status.message());
    assert!(!h.state().title().starts_with("• "));
    let on_disk = AnnotationSet::load(&file)?;
    let mine: Vec<_> =
        on_disk.annotations_for("para:wsis10:51").filter(|a| a.note.contains("written in the test")).collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(on_disk.annotations().len(), 4);
    // The others are still there, unchanged.
    let example = AnnotationSet::load(Path::new(EXAMPLE))?;
    for a in example.annotations() {
        assert_eq!(on_disk.annotation(&a.id), Some(a));
    }
    Ok(())
}

#[test]
fn a_bad_file_leaves_the_open_set_untouched() -> Result {
    let dir = tempfile::tempdir()?;
    let file = example_copy(dir.path())?;
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"format\": \"wsis-atlas-annotations\", \"version\": 1, \"annotations\": [\n  {\"id\": 3}\n",
    )?;
    let mut h = harness(app()?);
    open(&mut h, &file);
    let before = h.state().notes.set.clone();

    open(&mut h, &bad);
    assert_eq!(h.state().notes.set, before);
    let status = h.state().status.message().map(|(l, t)| (l, t.to_owned()));
    assert!(status.as_ref().is_some_and(|(l, t)| *l == Level::Error && t.contains("line")), "{status:?}");

    open(&mut h, &dir.path().join("missing.json"));
    assert_eq!(h.state().notes.set, before);
    assert!(h.state().status.message().is_some_and(|(l, _)| l == Level::Error));
    Ok(())
}

#[test]
fn unsaved_changes_ask_before_another_file_opens() -> Result {
    let dir = tempfile::tempdir()?;
    let file = example_copy(dir.path())?;
    let other = dir.path().join("other.json");
    std::fs::write(&other, "{\"format\": \"wsis-atlas-annotations\", \"version\": 1}\n")?;
    let mut h = harness(app()?);
    open(&mut h, &file);
    h.state_mut().notes.set.delete_annotation("a-674a1c01-5b9d0e44");
    assert!(h.state().notes.is_dirty());

    // Cancel keeps everything.
    open(&mut h, &other);
    assert_eq!(h.state().notes.unsaved_question, Some(Then::Open(other.clone())));
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(h.state().notes.unsaved_question.is_none());
    assert_eq!(h.state().notes.set.path(), Some(file.as_path()));
    assert!(h.state().notes.is_dirty());

    // Discard opens the other file; the first is unchanged on disk.
    open(&mut h, &other);
    h.get_by_label("Discard").click();
    h.run_steps(2);
    assert_eq!(h.state().notes.set.path(), Some(other.as_path()));
    assert!(!h.state().notes.is_dirty());
    assert_eq!(AnnotationSet::load(&file)?.annotations().len(), 3);
    Ok(())
}

#[test]
fn a_failed_save_keeps_the_notes_dirty_and_says_so() -> Result {
    let dir = tempfile::tempdir()?;
    let file = example_copy(dir.path())?;
    let mut h = harness(app()?);
    open(&mut h, &file);
    h.state_mut().notes.set.delete_link("l-674a1d20-8e1f6b3a");
    let unwritable = dir.path().join("no-such-folder").join("notes.json");
    h.state_mut().push(Command::Notes(NotesCommand::SaveAs(unwritable.clone())));
    h.run_steps(2);
    assert!(h.state().notes.is_dirty());
    assert!(h.state().title().starts_with("• "));
    assert_eq!(h.state().notes.set.path(), Some(file.as_path()));
    assert!(h.state().notes.set.links().is_empty());
    assert!(h.state().status.message().is_some_and(|(l, t)| l == Level::Error && t.contains("unsaved")));
    assert!(!unwritable.exists());

    // Saving where it can succeeds.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(!h.state().notes.is_dirty());
    assert!(AnnotationSet::load(&file)?.links().is_empty());
    Ok(())
}

#[test]
fn closing_the_window_with_unsaved_notes_asks_first() -> Result {
    let dir = tempfile::tempdir()?;
    let file = example_copy(dir.path())?;
    let mut h = harness(app()?);
    open(&mut h, &file);

    let close = |h: &mut Harness<'_, AtlasApp>| {
        h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
        h.step();
    };
    // Clean: nothing to ask.
    close(&mut h);
    assert!(h.state().notes.unsaved_question.is_none());

    h.state_mut().notes.set.delete_annotation("a-674a1c01-5b9d0e44");
    close(&mut h);
    assert_eq!(h.state().notes.unsaved_question, Some(Then::Quit));
    let cancelled =
        h.output().viewport_output.values().any(|v| v.commands.contains(&egui::ViewportCommand::CancelClose));
    assert!(cancelled);
    h.run_steps(1);
    h.get_by_label("Save").click();
    h.run_steps(2);
    assert!(!h.state().notes.is_dirty());
    assert_eq!(AnnotationSet::load(&file)?.annotations().len(), 2);
    Ok(())
}

#[test]
fn quitting_with_never_saved_notes_saves_where_typed_and_then_quits() -> Result {
    let dir = tempfile::tempdir()?;
    let target = dir.path().join("first-notes.json");
    let mut h = harness(app()?);
    let note = wsis_atlas::annotations::Annotation::new("para:wsis10:51", "Privacy: see 69/166");
    h.state_mut().notes.set.add_annotation(note)?;
    assert!(h.state().notes.set.path().is_none() && h.state().notes.is_dirty());

    h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    h.step();
    assert_eq!(h.state().notes.unsaved_question, Some(Then::Quit));
    h.run_steps(1);
    // "Save": no file dialog here, so the path prompt asks where.
    h.get_by_label("Save").click();
    h.run_steps(2);
    let purpose = h.state().open_prompt.as_ref().map(|p| p.purpose);
    assert_eq!(purpose, Some(Purpose::SaveAnnotations));
    h.event(egui::Event::Text(target.display().to_string()));
    h.run_steps(2);
    h.get_by_label("Save").click();
    h.step();
    // Saved there, and the quit went on.
    assert_eq!(AnnotationSet::load(&target)?.annotations().len(), 1);
    assert!(!h.state().notes.is_dirty());
    let closing = h.output().viewport_output.values().any(|v| v.commands.contains(&egui::ViewportCommand::Close));
    assert!(closing, "the window closes after the save");
    Ok(())
}

#[test]
fn the_recovery_copy_is_written_while_dirty_and_offered_at_start() -> Result {
    let dir = tempfile::tempdir()?;
    let file = example_copy(dir.path())?;
    let data = dir.path().join("data");
    let copy = recovery_path(&data);

    // While dirty, the copy is written; saving removes it.
    let first = wsis_atlas::app::notes::start(app()?, Some(&file), Some(&data));
    let mut h = harness(first);
    assert!(!copy.exists());
    h.state_mut().notes.set.delete_annotation("a-674a1c01-5b9d0e44");
    h.run_steps(2);
    assert!(copy.exists());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(!copy.exists());

    // A copy left behind is offered at the next start, and restored.
    let mut unsaved = AnnotationSet::load(&file)?;
    unsaved.delete_link("l-674a1d20-8e1f6b3a");
    write_recovery(&copy, &unsaved, Some(&file))?;
    let second = wsis_atlas::app::notes::start(app()?, Some(&file), Some(&data));
    assert!(second.notes.recovery_offer.is_some());
    let mut h = harness(second);
    h.get_by_label("Restore").click();
    h.run_steps(2);
    assert!(h.state().notes.recovery_offer.is_none());
    assert!(h.state().notes.is_dirty());
    assert!(h.state().notes.set.links().is_empty());
    assert_eq!(h.state().notes.set.path(), Some(file.as_path()));
    Ok(())
}

/// A file dropped onto the window, as the integration hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> std::result::Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_dropped_json_file_opens_as_annotations() -> Result {
    let dir = tempfile::tempdir()?;
    let file = example_copy(dir.path())?;
    let mut h = harness(app()?);
    let documents = h.state().workspace.graph.documents().len();
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(file.clone())));
    h.run_steps(3);
    assert_eq!(h.state().notes.set.path(), Some(file.as_path()));
    assert_eq!(h.state().workspace.graph.documents().len(), documents);
    assert!(h.state().settings.recent_annotations.first() == Some(&file));
    Ok(())
}

#[test]
fn edit_a_note_and_link_two_paragraphs_from_the_detail_panel() -> Result {
    let dir = tempfile::tempdir()?;
    let file = example_copy(dir.path())?;
    let mut h = harness(app()?);
    open(&mut h, &file);
    let para48 = h.state().workspace.graph.index_of("para:wsis10:48").ok_or("no ¶48")?;
    h.state_mut().push(Command::Select(para48));
    h.run_steps(3);

    // Edit the ¶48 note: the quote is kept, the note changes.
    h.get_by_label("Edit").click();
    h.run_steps(3);
    h.get_by_label(NOTE_FIELD).type_text(" Edited.");
    h.run_steps(2);
    h.get_by_label("Save").click();
    h.run_steps(3);
    let edited = h.state().notes.set.annotation("a-674a1b5e-03c2a7f1").cloned().ok_or("note gone")?;
    assert!(edited.note.ends_with("Edited."), "{}", edited.note);
    assert_eq!(
        edited.quote.map(|q| q.exact).as_deref(),
        Some("the same rights that people have offline must also be protected online")
    );

    // Link ¶48 to resolution 69/166 through the picker.
    h.get_by_label("Link to…").click();
    h.run_steps(3);
    h.event(egui::Event::Text("69/166".into()));
    h.run_steps(3);
    h.get_by_label("69/166 — General Assembly resolution 69/166").click();
    h.run_steps(2);
    h.get_by_label("Create link").click();
    h.run_steps(2);
    let links: Vec<_> =
        h.state().notes.set.links_for("para:wsis10:48").filter(|l| l.to == "res:A/RES/69/166").collect();
    assert_eq!(links.len(), 1);
    assert_eq!(h.state().notes.overlay(&h.state().workspace.graph).links.len(), 2);
    Ok(())
}

// ---- notes that travel (issue 16) ----

const HYPOTHESIS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hypothesis-export.json");

/// File → `item`, answered through the path prompt (no file dialog runs here).
fn menu_then_prompt(h: &mut Harness<'_, AtlasApp>, item: &str, purpose: Purpose, path: &Path, button: &str) {
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label(item).click();
    h.run_steps(3);
    assert_eq!(h.state().open_prompt.as_ref().map(|p| p.purpose), Some(purpose), "{item} asks for a path");
    h.event(egui::Event::Text(path.display().to_string()));
    h.run_steps(2);
    h.get_by_label(button).click();
    h.run_steps(3);
    assert!(h.state().open_prompt.is_none());
}

#[test]
fn file_menu_imports_a_hypothesis_export_onto_paragraph_51() -> Result {
    use wsis_atlas::app::notes::IMPORT_ITEM;
    let dir = tempfile::tempdir()?;
    let file = example_copy(dir.path())?;
    let mut h = harness(app()?);
    open(&mut h, &file);
    menu_then_prompt(&mut h, IMPORT_ITEM, Purpose::ImportAnnotations, Path::new(HYPOTHESIS), "Import");
    let notes = &h.state().notes;
    assert_eq!(notes.set.annotations().len(), 6, "{:?}", h.state().status.message());
    assert_eq!(notes.set.path(), Some(file.as_path()), "imported into the open file");
    assert!(notes.is_dirty());
    assert_eq!(notes.set.annotation("hX3bK0pQEe6abc123def456").map(|a| a.target.as_str()), Some("para:wsis10:51"));
    let status = h.state().status.message().map(|(_, t)| t.to_owned()).unwrap_or_default();
    assert!(status.contains("Hypothesis") && status.contains("3 added"), "{status}");
    Ok(())
}

#[test]
fn file_menu_exports_w3c_web_annotation_that_imports_back_the_same() -> Result {
    use wsis_atlas::app::notes::EXPORT_W3C_ITEM;
    let dir = tempfile::tempdir()?;
    let file = example_copy(dir.path())?;
    let out = dir.path().join("notes.jsonld");
    let mut h = harness(app()?);
    open(&mut h, &file);
    menu_then_prompt(&mut h, EXPORT_W3C_ITEM, Purpose::ExportW3c, &out, "Export");
    let import = wsis_atlas::annotations::from_w3c_str(&std::fs::read_to_string(&out)?)?;
    assert_eq!(import.annotations, h.state().notes.set.annotations());
    assert_eq!(import.links, h.state().notes.set.links());
    assert!(!h.state().notes.is_dirty(), "exporting is not saving, and changes nothing");
    Ok(())
}

#[test]
fn a_dropped_hypothesis_file_is_imported_after_asking() -> Result {
    let mut h = harness(app()?);
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(PathBuf::from(HYPOTHESIS))));
    h.run_steps(3);
    assert!(h.state().notes.import_question.is_some(), "asks first");
    assert!(h.state().notes.set.is_empty());
    h.get_by_label("Import").click();
    h.run_steps(3);
    assert!(h.state().notes.import_question.is_none());
    assert_eq!(h.state().notes.set.annotations_for("para:wsis10:51").count(), 2);
    assert!(h.state().notes.set.path().is_none(), "the Hypothesis file is not taken for ours");

    // Cancel leaves everything as it was.
    let before = h.state().notes.set.clone();
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(PathBuf::from(HYPOTHESIS))));
    h.run_steps(3);
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert_eq!(h.state().notes.set, before);
    Ok(())
}

#[test]
fn a_hypothesis_file_given_with_annotations_opens_as_new_unsaved_notes() -> Result {
    let app = wsis_atlas::app::notes::start(app()?, Some(Path::new(HYPOTHESIS)), None);
    assert_eq!(app.notes.set.annotations().len(), 3, "{:?}", app.status.message());
    assert!(
        app.notes.set.path().is_none() && app.notes.is_dirty(),
        "Ctrl+S asks where: never over the Hypothesis file"
    );
    let status = app.status.message().map(|(l, t)| (l, t.to_owned()));
    assert!(status.as_ref().is_some_and(|(l, t)| *l == Level::Info && t.contains("Hypothesis export")), "{status:?}");
    Ok(())
}

#[test]
fn a_user_links_label_is_drawn_on_its_line_in_the_window() -> Result {
    let dir = tempfile::tempdir()?;
    let file = example_copy(dir.path())?;
    let mut h = harness(app()?);
    let drawn = |h: &Harness<'_, AtlasApp>| {
        h.state().canvas.last_scene.as_ref().map(|s| s.link_labels.iter().map(|l| l.text.clone()).collect::<Vec<_>>())
    };
    assert_eq!(drawn(&h), Some(Vec::new()));
    open(&mut h, &file);
    h.run_steps(2);
    assert_eq!(drawn(&h), Some(vec!["same rights online".to_owned()]));
    Ok(())
}
