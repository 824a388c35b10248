//! Integration tests: the reading aids of the analysis in the window — what a
//! body is asked to do, a paragraph's roles and near-duplicates, the role
//! filter.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use wsis_atlas::analysis::roles::Role;
use wsis_atlas::app::AtlasApp;
use wsis_atlas::app::command::Command;
use wsis_atlas::app::settings::Settings;
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
    let scene = app.canvas.last_scene.as_ref().expect("painted");
    let ids: Vec<&str> =
        scene.nodes.iter().filter_map(|n| app.workspace.graph.node(n.index)).map(|n| n.id.as_str()).collect();
    assert!(ids.contains(&"para:wsis10:32"), "¶32 calls");
    assert!(!ids.contains(&"para:wsis10:1"), "¶1 only recalls");
    // No orphans: an entity is painted only while a painted paragraph links to it.
    let graph = &app.workspace.graph;
    let painted: std::collections::BTreeSet<_> = scene.nodes.iter().map(|n| n.index).collect();
    let entities: Vec<_> = graph
        .node_indices()
        .filter(|&n| graph.node(n).is_some_and(|node| wsis_atlas::graph::NodeKind::ENTITIES.contains(&node.kind)))
        .collect();
    let linked = |n| {
        graph.inner().neighbors_undirected(n).any(|m| {
            painted.contains(&m) && graph.node(m).is_some_and(|p| p.kind == wsis_atlas::graph::NodeKind::Paragraph)
        })
    };
    let (shown, hidden): (Vec<_>, Vec<_>) = entities.iter().partition(|n| painted.contains(n));
    assert!(!shown.is_empty() && !hidden.is_empty(), "{} entities shown, {} hidden", shown.len(), hidden.len());
    for n in shown {
        assert!(linked(n), "{:?} is painted without a painted paragraph linking to it", graph.node(n).map(|n| &n.id));
    }
    for n in hidden {
        assert!(!linked(n), "{:?} is linked from a painted paragraph but hidden", graph.node(n).map(|n| &n.id));
    }
    assert!(ids.contains(&"org:CSTD") == linked(graph.index_of("org:CSTD").expect("CSTD")));
}

#[test]
fn r_colours_the_map_by_role_and_the_role_list_becomes_its_legend() {
    use wsis_atlas::scene::{ColorBy, LegendKey};
    use wsis_atlas::style::Style;
    let mut harness = harness();
    let fill_of = |harness: &Harness<'_, AtlasApp>, id: &str| {
        let app = harness.state();
        let index = app.workspace.graph.index_of(id).unwrap_or_else(|| panic!("{id}"));
        app.canvas.last_scene.as_ref().and_then(|s| s.nodes.iter().find(|n| n.index == index)).map(|n| n.fill)
    };
    let by_kind = fill_of(&harness, "para:wsis10:70");
    harness.key_press(egui::Key::R);
    harness.run();
    assert_eq!(harness.state().view.color_by, ColorBy::Role);
    assert_eq!(harness.state().settings.color_by, ColorBy::Role, "remembered for the next run");
    assert!(harness.query_by_label_contains("coloured by clause role").is_some(), "the status bar says so");
    let theme = wsis_atlas::style::Style::of(&harness.ctx).theme;
    let style = Style::new(theme);
    assert_eq!(fill_of(&harness, "para:wsis10:70"), Some(style.role_color(Role::Calls)));
    assert_ne!(fill_of(&harness, "para:wsis10:70"), by_kind);
    assert_eq!(fill_of(&harness, "org:CSTD"), Some(style.neutral()));
    let legend = harness.state().canvas.last_scene.as_ref().map(|s| s.legend.clone()).unwrap();
    assert!(legend.iter().any(|e| e.key == LegendKey::Role(Role::Calls)));
    // The side panel's role list, the legend now, opened by itself and says the map is coloured by role.
    let toggle = harness.get_by_label("Colour the map by role");
    assert_eq!(toggle.accesskit_node().toggled(), Some(egui::accesskit::Toggled::True));
    // R again: back to kinds.
    harness.key_press(egui::Key::R);
    harness.run();
    assert_eq!(harness.state().view.color_by, ColorBy::Kind);
    assert_eq!(fill_of(&harness, "para:wsis10:70"), by_kind);
    assert!(harness.query_by_label_contains("coloured by clause role").is_none());
}
