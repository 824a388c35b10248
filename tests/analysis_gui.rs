//! Integration tests: the reading aids of the analysis in the window — what a
//! body is asked to do, a paragraph's roles and near-duplicates, the role
//! filter.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use wsis_atlas::analysis::roles::Role;
use wsis_atlas::app::AtlasApp;
use wsis_atlas::app::settings::Settings;
use wsis_atlas::app::view::Command;
use wsis_atlas::app::workspace::Workspace;

fn harness() -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder().with_size([1280.0, 800.0]).with_max_steps(120).build_eframe(|_cc| {
        let mut app = AtlasApp::new(Workspace::bundled().expect("bundled document"), Settings::default());
        app.workspace.layout.sim.run_to_rest(5_000);
        app
    });
    harness.run();
    harness
}

fn select(harness: &mut Harness<'_, AtlasApp>, id: &str) {
    let node = harness.state().workspace.graph.index_of(id).unwrap_or_else(|| panic!("{id}"));
    harness.state_mut().push(Command::Select(node));
    harness.run();
}

#[test]
fn the_cstd_panel_says_what_it_is_asked_to_do_and_by_when() {
    let mut harness = harness();
    select(&mut harness, "org:CSTD");
    assert!(harness.query_by_label_contains("What CSTD is asked to do").is_some());
    assert!(harness.query_by_label_contains("due: no later than July 2016").is_some());
}

#[test]
fn a_paragraph_shows_its_roles_and_its_near_duplicate() {
    let mut harness = harness();
    select(&mut harness, "para:wsis10:32");
    assert!(harness.query_by_label("commits").is_some());
    assert!(harness.query_by_label("calls").is_some());
    select(&mut harness, "para:wsis10:75");
    assert!(harness.query_by_label_contains("Says nearly the same as").is_some());
    assert!(harness.query_all_by_label("¶76").next().is_some());
}

#[test]
fn the_role_filter_leaves_only_the_paragraphs_that_ask() {
    let mut harness = harness();
    harness.state_mut().push(Command::ToggleRole(Role::Calls));
    harness.run();
    let app = harness.state();
    let scene = app.last_scene.as_ref().expect("painted");
    let ids: Vec<&str> =
        scene.nodes.iter().filter_map(|n| app.workspace.graph.node(n.index)).map(|n| n.id.as_str()).collect();
    assert!(ids.contains(&"para:wsis10:32"), "¶32 calls");
    assert!(!ids.contains(&"para:wsis10:1"), "¶1 only recalls");
}
