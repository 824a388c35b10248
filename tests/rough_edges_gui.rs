//! Integration tests: the window's rough edges, smoothed — Esc closes a
//! right-click menu, a quit waits for a draft, plain words ("1 hop",
//! "Hide SDGs", "Your notes have…"), the save status names notes and
//! links, dialogs stay below the menu bar, find results show their match in
//! context, and the searched words are highlighted in the paragraph.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use wsis_atlas::app::AtlasApp;
use wsis_atlas::app::command::{Command, NotesCommand};
use wsis_atlas::app::settings::Settings;
use wsis_atlas::app::workspace::Workspace;

fn harness() -> Harness<'static, AtlasApp> {
    let builder = Harness::builder().with_size([1280.0, 800.0]).with_max_steps(120).allow_missing_glyphs();
    let mut harness = builder.build_eframe(|_cc| {
        let mut app = AtlasApp::new(Workspace::bundled().expect("bundled document"), Settings::default());
        app.workspace.layout.sim.run_to_rest(20_000);
        app
    });
    harness.run();
    harness
}

/// Where a node is drawn, in window coordinates.
fn on_screen(harness: &Harness<'_, AtlasApp>, id: &str) -> Pos2 {
    let app = harness.state();
    let n = app.workspace.graph.index_of(id).unwrap_or_else(|| panic!("{id}"));
    let camera = app.view.camera.expect("a camera");
    let s = camera.to_screen(app.workspace.position(n).expect("placed"));
    harness.get_by_role(Role::Unknown).rect().min + egui::vec2(s[0], s[1])
}

fn right_click(harness: &mut Harness<'_, AtlasApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

fn select(harness: &mut Harness<'_, AtlasApp>, id: &str) {
    let n = harness.state().workspace.graph.index_of(id).unwrap_or_else(|| panic!("{id}"));
    harness.state_mut().push(Command::Select(n));
    harness.run();
}

#[test]
fn esc_clears_the_selection_and_closes_the_right_click_menu() {
    let mut harness = harness();
    select(&mut harness, "sdg:2");
    let at = on_screen(&harness, "sdg:2");
    right_click(&mut harness, at);
    assert!(harness.query_by_label("Hide SDGs").is_some(), "the menu names SDGs as SDGs");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Hide SDGs").is_none(), "the menu closed");
    assert_eq!(harness.state().view.selected, None);
}

#[test]
fn ctrl_q_with_the_annotate_dialog_open_keeps_the_draft() {
    let mut harness = harness();
    select(&mut harness, "para:wsis10:51");
    harness.key_press(Key::A);
    harness.run();
    assert!(harness.state().notes.editor.is_some(), "A opens the Annotate dialog");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.step();
    let closing = harness.output().viewport_output.values().any(|v| v.commands.contains(&egui::ViewportCommand::Close));
    assert!(!closing, "the window does not close");
    assert!(harness.state().notes.editor.is_some(), "the draft is still open");
    let status = harness.state().status.message().map(|(_, t)| t.to_owned()).unwrap_or_default();
    assert_eq!(status, wsis_atlas::app::atlas_app::DRAFT_OPEN);
}

#[test]
fn focus_of_one_hop_says_one_hop() {
    let mut harness = harness();
    let n = harness.state().workspace.graph.index_of("para:wsis10:51").expect("¶51");
    harness.state_mut().push(Command::SetFocusDepth(1));
    harness.state_mut().push(Command::Focus(n));
    harness.run();
    assert!(harness.query_by_label_contains("(1 hop, Esc leaves)").is_some());
    assert!(harness.query_by_label_contains("1 hops").is_none());
}

#[test]
fn never_saved_notes_are_asked_about_in_good_grammar_and_a_save_names_notes_and_links() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = harness();
    {
        let set = &mut harness.state_mut().notes.set;
        set.add_annotation(wsis_atlas::annotations::Annotation::new("para:wsis10:51", "Privacy")).expect("added");
        set.add_link(wsis_atlas::annotations::Link::new("sdg:5", "para:wsis10:51", "gender")).expect("linked");
    }
    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.run();
    assert!(harness.query_by_label_contains("Your notes have changes that are not saved").is_some());
    assert!(harness.query_by_label_contains("has changes").is_none());
    harness.state_mut().notes.unsaved_question = None;
    let file = dir.path().join("notes.json");
    harness.state_mut().push(Command::Notes(NotesCommand::SaveAs(file)));
    harness.run();
    let status = harness.state().status.message().map(|(_, t)| t.to_owned()).unwrap_or_default();
    assert_eq!(status, "Saved 1 note and 1 link to notes.json");
}

#[test]
fn the_compare_view_is_a_tab_below_the_menu_bar() {
    let mut harness = harness();
    harness.state_mut().compare = Some(wsis_atlas::app::compare_view::CompareView::default());
    harness.run();
    let menu_bottom = harness.get_by_label("File").rect().max.y;
    let tab = harness.get_by_label("Compare").rect();
    assert!(tab.min.y >= menu_bottom, "the compare tab {tab:?} is below the menu bar ({menu_bottom})");
    let area = harness.state().dialog_area;
    assert!(area.min.y >= menu_bottom - 0.5 && area.max.y <= 800.0);
}

#[test]
fn a_find_result_shows_its_match_in_context_and_the_paragraph_highlights_it() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.event(Event::Text("surveillance".into()));
    harness.run();
    let result = harness.get_by(|n| {
        n.role() != Role::TextInput && n.label().is_some_and(|l| l.starts_with("¶") && l.contains("surveillance"))
    });
    let label = result.accesskit_node().label().unwrap_or_default();
    let at = label.find("surveillance").expect("the match is in the result");
    let before = label[..at].rsplit(" — ").next().unwrap_or_default();
    let after = &label[at + "surveillance".len()..];
    assert!(before.chars().count() >= 15 && after.chars().count() >= 15, "context on both sides: {label:?}");
    assert!(result.rect().height() > 20.0, "wrapped, not cut to one line: {:?}", result.rect());
    result.click();
    harness.run();
    // In the detail panel the searched word stands on its own, highlighted.
    let marked = harness.query_all_by_label("surveillance").count();
    assert!(marked >= 1, "the searched word is highlighted in the paragraph");
}
