//! Integration tests: the explorer window, driven headlessly as a user
//! would drive it (egui_kittest: AccessKit queries, clicks, typed text,
//! keys, dropped files), on the bundled document.

use std::collections::BTreeMap;
use std::path::Path;

use egui::accesskit::{Role, Toggled};
use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use petgraph::stable_graph::NodeIndex;
use wsis_atlas::app::AtlasApp;
use wsis_atlas::app::command::Command;
use wsis_atlas::app::settings::Settings;
use wsis_atlas::app::status::Level;
use wsis_atlas::app::workspace::Workspace;
use wsis_atlas::graph::NodeKind;

/// Layout steps allowed to bring the bundled map to rest.
const REST_STEPS: usize = 20_000;

/// A document in the plain-text format, citing the same resolution as ¶51.
const SMALL_DOCUMENT: &str = "A small test resolution\n\nPreamble\n\n- 1. We recall General Assembly resolution 69/166 on the right to privacy.\n- 2. We invite the CSTD to report.\n";

/// The reference to resolution 69/166 in ¶51, as the detail panel shows it.
const REFERENCE: &str = "General Assembly resolution 69/166";

/// The real app on the bundled document, in a 1280×800 window; its layout
/// at rest when `rested`.
fn harness_with(rested: bool) -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        // 60 frames a second, so that two clicks in consecutive frames make a double-click,
        // and up to 2 s for animations and egui's sizing passes to finish.
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(120)
        .build_eframe(move |_cc| {
            let mut app = AtlasApp::new(Workspace::bundled().expect("bundled document"), Settings::default());
            if rested {
                app.workspace.layout.sim.run_to_rest(REST_STEPS);
            }
            app
        });
    if rested {
        harness.run();
    } else {
        harness.run_steps(2);
    }
    harness
}

/// [`harness_with`] a layout at rest.
fn harness() -> Harness<'static, AtlasApp> {
    harness_with(true)
}

fn index(harness: &Harness<'_, AtlasApp>, id: &str) -> NodeIndex {
    harness.state().workspace.graph.index_of(id).unwrap_or_else(|| panic!("{id} is in the bundled graph"))
}

fn search_field<'h>(harness: &'h Harness<'_, AtlasApp>) -> egui_kittest::Node<'h> {
    harness.get_by(|n| n.role() == Role::TextInput && n.data().placeholder().is_some_and(|p| p.starts_with("privacy")))
}

/// Ids of the nodes painted in the last frame, with their screen centres.
fn painted(harness: &Harness<'_, AtlasApp>) -> BTreeMap<String, [f32; 2]> {
    let app = harness.state();
    let scene = app.canvas.last_scene.as_ref().expect("a frame was painted");
    let id = |n: &wsis_atlas::scene::NodeShape| app.workspace.graph.node(n.index).map(|node| node.id.clone());
    scene.nodes.iter().filter_map(|n| Some((id(n)?, n.center))).collect()
}

fn status_message(harness: &Harness<'_, AtlasApp>) -> Option<(Level, String)> {
    harness.state().status.message().map(|(l, t)| (l, t.to_owned()))
}

/// Types "privacy" into the Find field and clicks the ¶51 result.
fn find_and_select_paragraph_51(harness: &mut Harness<'_, AtlasApp>) {
    search_field(harness).click();
    harness.run();
    search_field(harness).type_text("privacy");
    harness.run();
    assert_eq!(harness.state().view.search, "privacy");
    harness.get_by_label_contains("¶51 — ").click();
    harness.run();
    assert_eq!(harness.state().view.selected, Some(index(harness, "para:wsis10:51")));
}

/// The screen position of a painted node, in window coordinates.
fn on_screen(harness: &Harness<'_, AtlasApp>, id: &str) -> Pos2 {
    let canvas = harness.get_by_role(Role::Unknown).rect();
    let local = painted(harness).get(id).copied().unwrap_or_else(|| panic!("{id} is painted"));
    Pos2::new(canvas.min.x + local[0], canvas.min.y + local[1])
}

/// A file dropped onto the window, as the platform integration hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn click_at(harness: &Harness<'_, AtlasApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
}

#[test]
fn starts_on_the_bundled_document() {
    let harness = harness();
    let app = harness.state();
    assert_eq!(app.workspace.graph.documents().len(), 1);
    assert!(app.workspace.layout.sim.is_settled());
    for kind in ["Paragraphs (77)", "Resolutions (6)", "Sections (10)"] {
        let checkbox = harness.get_by_label(kind);
        assert_eq!(checkbox.accesskit_node().toggled(), Some(Toggled::True), "{kind}");
    }
    assert!(harness.query_by_label_contains("layout at rest").is_some());
    assert!(harness.query_by_label_contains("Select a node on the map").is_some());
    // Every node is in view after the first fit.
    let painted = painted(&harness);
    assert_eq!(painted.len(), app.workspace.graph.node_count());
    assert!(painted.contains_key("para:wsis10:51"));
}

#[test]
fn search_select_and_follow_a_reference() {
    let mut harness = harness();
    find_and_select_paragraph_51(&mut harness);
    assert!(harness.query_by_label("We recall ").is_some());
    assert!(harness.query_by_label_contains(", and in this context emphasize that no person").is_some());
    // The reference is its own clickable label, inside the paragraph text.
    harness.get_by_label(REFERENCE).click();
    harness.run();
    let resolution = index(&harness, "res:A/RES/69/166");
    assert_eq!(harness.state().view.selected, Some(resolution));
    assert!(harness.query_by_label("A/RES/69/166").is_some(), "the symbol is shown");
    assert!(harness.query_by_label_contains("Cited or mentioned by 2 paragraphs").is_some());
    for citing in ["¶48", "¶51"] {
        assert!(
            harness.query_by(|n| n.role() == Role::Link && n.label().is_some_and(|l| l.trim() == citing)).is_some(),
            "the resolution's panel links {citing}"
        );
    }
}

#[test]
fn back_and_forward_walk_the_selection_history() {
    let mut harness = harness();
    find_and_select_paragraph_51(&mut harness);
    harness.get_by_label(REFERENCE).click();
    harness.run();
    let (p51, res) = (index(&harness, "para:wsis10:51"), index(&harness, "res:A/RES/69/166"));
    assert_eq!(harness.state().view.selected, Some(res));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().view.selected, Some(p51));
    assert!(harness.query_by_label(REFERENCE).is_some());
    harness.get_by_label("Forward ›").click();
    harness.run();
    assert_eq!(harness.state().view.selected, Some(res));
    harness.get_by_label("‹ Back").click();
    harness.run();
    assert_eq!(harness.state().view.selected, Some(p51));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().view.selected, Some(res));
}

#[test]
fn hiding_a_kind_removes_its_nodes_and_showing_it_restores_them_in_place() {
    let mut harness = harness();
    let painted_before = painted(&harness);
    let resolutions: Vec<NodeIndex> = harness
        .state()
        .workspace
        .graph
        .nodes()
        .filter(|(_, n)| n.kind == NodeKind::Resolution)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(resolutions.len(), 6);
    let world = |h: &Harness<'_, AtlasApp>| -> Vec<Option<[f32; 2]>> {
        resolutions.iter().map(|&n| h.state().workspace.position(n)).collect()
    };
    let before = world(&harness);

    harness.get_by_label("Resolutions (6)").click();
    harness.run_steps(3);
    assert_eq!(harness.get_by_label("Resolutions (6)").accesskit_node().toggled(), Some(Toggled::False));
    let app = harness.state();
    let scene = app.canvas.last_scene.as_ref().expect("painted");
    assert!(scene.nodes.iter().all(|n| n.kind != NodeKind::Resolution));
    assert_eq!(scene.nodes.len(), painted_before.len() - 6);
    let graph = &app.workspace.graph;
    let is_resolution = |n: NodeIndex| graph.node(n).is_some_and(|n| n.kind == NodeKind::Resolution);
    assert!(scene.edges.iter().all(|e| !is_resolution(e.source) && !is_resolution(e.target)));
    assert!(harness.query_by_label_contains(&format!("({} shown)", graph.node_count() - 6)).is_some());

    // Shown again: each where it was (a warm start, not a new layout)…
    harness.get_by_label("Resolutions (6)").click();
    harness.run_steps(1);
    assert_eq!(world(&harness), before);

    // With the layout paused, the canvas paints them exactly where they were.
    harness.key_press(Key::Space);
    harness.run();
    let paused = painted(&harness);
    for _ in 0..2 {
        harness.get_by_label("Resolutions (6)").click();
        harness.run();
    }
    assert_eq!(painted(&harness), paused);
}

#[test]
fn double_click_focuses_and_escape_leaves() {
    let mut harness = harness();
    let p51 = index(&harness, "para:wsis10:51");
    let pos = on_screen(&harness, "para:wsis10:51");
    click_at(&harness, pos);
    click_at(&harness, pos);
    harness.run();
    assert_eq!(harness.state().view.focus, Some(p51));
    assert_eq!(harness.state().view.selected, Some(p51));
    let shown = painted(&harness);
    assert!(shown.len() < harness.state().workspace.graph.node_count());
    assert!(shown.contains_key("res:A/RES/69/166"));
    assert!(!shown.contains_key("para:wsis10:40"));
    assert!(harness.query_by_label_contains("focus: ¶51").is_some());

    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().view.focus, None);
    assert_eq!(harness.state().view.selected, Some(p51), "Escape leaves focus first, keeping the selection");
    assert_eq!(painted(&harness).len(), harness.state().workspace.graph.node_count());
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().view.selected, None);
}

#[test]
fn focus_command_and_the_leave_focus_button() {
    let mut harness = harness();
    let res = index(&harness, "res:A/RES/69/166");
    harness.state_mut().push(Command::Focus(res));
    harness.run();
    let shown = painted(&harness);
    assert!(shown.contains_key("para:wsis10:48") && shown.contains_key("para:wsis10:51"));
    assert!(!shown.contains_key("para:wsis10:1"));
    harness.get_by_label("Leave focus (Esc)").click();
    harness.run();
    assert_eq!(harness.state().view.focus, None);
    assert_eq!(painted(&harness).len(), harness.state().workspace.graph.node_count());
}

#[test]
fn ctrl_f_focuses_the_search_field() {
    let mut harness = harness();
    assert!(!search_field(&harness).is_focused());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(search_field(&harness).is_focused());
    // While typing, F and Space are text, not shortcuts.
    let camera = harness.state().view.camera.map(|c| (c.center, c.zoom));
    harness.event(Event::Text("f ".to_owned()));
    harness.run();
    assert_eq!(harness.state().view.search, "f ");
    assert!(!harness.state().view.paused);
    assert_eq!(harness.state().view.camera.map(|c| (c.center, c.zoom)), camera, "no fit");
}

#[test]
fn f_fits_everything_into_view() {
    let mut harness = harness();
    let fitted = harness.state().view.camera.expect("camera after the first frame");
    if let Some(camera) = harness.state_mut().view.camera.as_mut() {
        camera.zoom *= 4.0;
        camera.center[0] += 300.0;
    }
    harness.run();
    assert!(painted(&harness).len() < harness.state().workspace.graph.node_count());
    harness.key_press(Key::F);
    harness.run();
    let camera = harness.state().view.camera.expect("camera");
    assert!((camera.zoom - fitted.zoom).abs() < 1e-3 * fitted.zoom, "{camera:?} vs {fitted:?}");
    assert!((camera.center[0] - fitted.center[0]).hypot(camera.center[1] - fitted.center[1]) < 1.0);
    assert_eq!(painted(&harness).len(), harness.state().workspace.graph.node_count());
}

#[test]
fn space_pauses_and_resumes_the_layout() {
    let mut harness = harness();
    assert!(harness.query_by_label_contains("layout at rest").is_some());
    harness.key_press(Key::Space);
    harness.run();
    assert!(harness.state().view.paused);
    assert!(harness.query_by_label("layout paused (Space resumes)").is_some());
    // Something wakes the layout (a drop, a drag): paused, nothing moves.
    harness.state_mut().workspace.layout.sim.reheat();
    let frozen: Vec<[f32; 2]> = harness.state().workspace.layout.sim.positions().to_vec();
    harness.run_steps(3);
    assert_eq!(harness.state().workspace.layout.sim.positions(), frozen.as_slice());
    harness.key_press(Key::Space);
    harness.run_steps(2);
    assert!(!harness.state().view.paused);
    assert!(harness.query_by_label_contains("layout paused").is_none());
    assert_ne!(harness.state().workspace.layout.sim.positions(), frozen.as_slice());
}

/// File → Open path…, then the path typed and Enter pressed.
fn open_path(harness: &mut Harness<'_, AtlasApp>, path: &Path) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open path…").click();
    harness.run();
    assert!(harness.state().open_prompt.is_some());
    let field =
        harness.get_by(|n| n.role() == Role::TextInput && n.data().placeholder() == Some("/path/to/document.txt"));
    field.type_text(&path.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().open_prompt.is_none());
}

#[test]
fn open_path_prompt_reports_a_bad_file_and_opens_a_good_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"Preamble\n- 1. R\xe9solution\n").expect("write");
    let good = dir.path().join("small.txt");
    std::fs::write(&good, SMALL_DOCUMENT).expect("write");

    let mut harness = harness();
    open_path(&mut harness, &bad);
    let (level, message) = status_message(&harness).expect("a message");
    assert_eq!(level, Level::Error);
    assert!(message.contains("latin1.txt") && message.contains("UTF-8"), "{message}");
    assert!(harness.query_by_label_contains("not UTF-8").is_some(), "shown in the status bar");
    // The bundled document is still open.
    assert!(harness.query_by_label("Paragraphs (77)").is_some());
    assert!(harness.state().workspace.graph.index_of("para:wsis10:51").is_some());

    open_path(&mut harness, &good);
    let (level, message) = status_message(&harness).expect("a message");
    assert_eq!(level, Level::Info, "{message}");
    let app = harness.state();
    assert_eq!(app.workspace.graph.documents().len(), 1);
    assert!(app.workspace.graph.index_of("para:wsis10:51").is_none());
    assert!(app.workspace.graph.index_of("para:small:1").is_some());
    assert!(harness.query_by_label("Paragraphs (2)").is_some());
    assert!(harness.query_by_label("Paragraphs (77)").is_none());
}

#[test]
fn dropped_files_are_added_to_the_map() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("small.txt");
    std::fs::write(&good, SMALL_DOCUMENT).expect("write");
    let mut harness = harness();
    let before: BTreeMap<String, [f32; 2]> =
        harness.state().workspace.layout.positions_by_id().map(|(id, p)| (id.to_owned(), p)).collect();
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(good.clone())));
    harness.run_steps(1);
    let app = harness.state();
    assert_eq!(app.workspace.graph.documents().len(), 2);
    assert!(app.workspace.graph.index_of("para:small:1").is_some());
    assert!(app.workspace.graph.index_of("para:wsis10:51").is_some());
    assert_eq!(status_message(&harness).map(|(l, _)| l), Some(Level::Info));
    // A warm start: everything already on the map stays where it was.
    for (id, p) in app.workspace.layout.positions_by_id() {
        if let Some(old) = before.get(id) {
            assert_eq!(p, *old, "{id}");
        }
    }
    harness.run_steps(2);
    assert!(harness.query_by_label("Paragraphs (79)").is_some());
    assert!(painted(&harness).contains_key("para:small:1"));
}

#[test]
fn dropping_an_unreadable_file_keeps_the_map_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.txt");
    let mut harness = harness();
    harness.state_mut().push(Command::AddDocuments(vec![missing]));
    harness.run();
    let (level, message) = status_message(&harness).expect("a message");
    assert_eq!(level, Level::Error);
    assert!(message.contains("missing.txt"), "{message}");
    assert_eq!(harness.state().workspace.graph.documents().len(), 1);
    assert!(harness.query_by_label("Paragraphs (77)").is_some());
}

#[test]
fn the_sections_list_names_sections_as_the_map_labels_them_and_hides_their_paragraphs() {
    let mut harness = harness();
    harness.get_by_label("Sections").click();
    harness.run();
    assert!(harness.query_by_label("Preamble (16)").is_some());
    let checkbox = harness.get_by_label_contains("§1.1 Bridging Digital Divides (7)");
    checkbox.click();
    harness.run();
    let shown = painted(&harness);
    assert!(!shown.contains_key("para:wsis10:26"), "¶26 opens §1.1");
    assert!(shown.contains_key("para:wsis10:17"), "¶17 is in §1, not §1.1");
}

#[test]
fn h_hides_and_shows_the_section_hulls_and_the_choice_is_remembered() {
    let mut harness = harness();
    let hulls = |h: &Harness<'_, AtlasApp>| h.state().canvas.last_scene.as_ref().map_or(0, |s| s.hulls.len());
    let sections =
        harness.state().workspace.graph.nodes().filter(|(_, n)| n.kind == wsis_atlas::graph::NodeKind::Section).count();
    assert!(harness.state().settings.show_hulls, "on by default");
    assert!(hulls(&harness) > 0 && hulls(&harness) <= sections, "{} of {sections}", hulls(&harness));
    harness.key_press(Key::H);
    harness.run();
    assert!(!harness.state().settings.show_hulls);
    assert_eq!(hulls(&harness), 0);
    harness.key_press(Key::H);
    harness.run();
    assert!(harness.state().settings.show_hulls);
    assert!(hulls(&harness) > 0);
}

/// View → Detail panel and the status bar's ×: the menu and the bar change
/// nothing while drawing, their commands do it after the frame.
#[test]
fn the_view_menu_hides_the_detail_panel_and_the_status_cross_clears_the_message() {
    let mut harness = harness();
    assert!(harness.query_by_label("Details").is_some(), "the detail panel is shown");
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Detail panel").click();
    harness.run();
    assert!(!harness.state().settings.show_detail_panel);
    assert!(harness.query_by_label("Details").is_none(), "the detail panel is gone");
    // Shown again by selecting a node, as before.
    let p51 = index(&harness, "para:wsis10:51");
    harness.state_mut().push(Command::Select(p51));
    harness.run();
    assert!(harness.state().settings.show_detail_panel);

    harness.state_mut().status.set(Level::Info, "A message to dismiss");
    harness.run();
    assert!(status_message(&harness).is_some());
    harness.get_by(|n| n.label().as_deref() == Some("×") && n.role() == Role::Button).click();
    harness.run();
    assert_eq!(status_message(&harness), None);
}

/// Ctrl+E opens the export dialog in the colours of the map, and Cancel closes it.
#[test]
fn ctrl_e_opens_the_export_dialog_with_the_maps_colours_and_cancel_closes_it() {
    let mut harness = harness();
    harness.key_press(Key::R);
    harness.run();
    assert_eq!(harness.state().view.color_by, wsis_atlas::scene::ColorBy::Role);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    let dialog = harness.state().export_dialog.as_ref().expect("Ctrl+E opens the export dialog");
    assert_eq!(dialog.image.color_by, wsis_atlas::scene::ColorBy::Role);
    assert!(harness.query_by_label("Export image").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().export_dialog.is_none());
    assert!(harness.query_by_label("Export image").is_none());
}
