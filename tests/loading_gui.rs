//! Opening documents off the UI thread: the window keeps drawing the open
//! map, with the step under way in the status bar, until the new map is
//! built.

use std::time::Duration;

use egui_kittest::kittest::Queryable as _;
use wsis_atlas::app::command::Command;

use crate::gui_support::bundled_at_rest;

/// The bundled WSIS+20 paragraphs, renumbered, `copies` times over with
/// each copy's paragraphs told apart by a word, as one document.
fn large_document(copies: usize) -> String {
    let paragraphs = wsis_atlas::document::WSIS20.document().paragraphs;
    let mut out = String::from("A long series of paragraphs\n\n");
    let mut n = 0;
    for copy in 0..copies {
        for p in &paragraphs {
            n += 1;
            out.push_str(&format!("{n}. {} (version {copy})\n\n", p.text));
        }
    }
    out
}

#[test]
fn a_document_opens_off_the_ui_thread_with_its_progress_shown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("series.txt");
    std::fs::write(&path, large_document(4)).expect("write");
    let mut harness = bundled_at_rest();
    // No waiting in the frame that asks: the work is left to its thread at once.
    harness.state_mut().open_wait = Duration::ZERO;
    harness.state_mut().push(Command::OpenDocuments(vec![path]));
    harness.step();

    // The frame came back before the document was read: the open map is
    // still drawn, and the status bar says what is being opened.
    let app = harness.state();
    assert!(app.is_loading());
    assert!(app.workspace.graph.index_of("para:wsis10:51").is_some());
    let progress = app.status.progress().expect("a progress line").to_owned();
    assert!(progress.starts_with("Opening series.txt"), "{progress}");
    harness.step();
    assert!(harness.query_by_label_contains("Opening series.txt").is_some(), "shown in the status bar");
    assert!(harness.query_by_label("Paragraphs (77)").is_some(), "the open map's panel is still drawn");

    // Frames go on until the map is built (bounded, in case it never is).
    for _ in 0..12_000 {
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    let app = harness.state();
    assert!(!app.is_loading(), "the document never opened");
    assert!(app.status.progress().is_none());
    assert_eq!(app.workspace.graph.documents().len(), 1);
    assert!(app.workspace.graph.index_of("para:wsis10:51").is_none());
    let paragraphs = 4 * wsis_atlas::document::WSIS20.document().paragraphs.len();
    assert_eq!(app.workspace.graph.documents()[0].paragraphs.len(), paragraphs);
}
