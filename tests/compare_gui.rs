//! The compare view as a user drives it (egui_kittest, headless): both
//! bundled outcomes open, View → Compare WSIS+10 to WSIS+20 opens a tab
//! beside the map (the detail panel stays), the wheel scrolls to the last
//! row, the "moved" filter narrows the rows, N goes to the next change, and
//! a click on a WSIS+20 paragraph selects it in the map and the detail panel.

use std::path::PathBuf;

use egui::{Event, Key, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use wsis_atlas::app::AtlasApp;
use wsis_atlas::app::settings::Settings;
use wsis_atlas::app::workspace::Workspace;
use wsis_atlas::compare::Change;

const SIZE: [f32; 2] = [1280.0, 800.0];

fn both_bundled() -> Harness<'static, AtlasApp> {
    let mut harness = Harness::builder().with_size(SIZE).with_max_steps(16).build_eframe(|_cc| {
        let files = [PathBuf::from("bundled:wsis10"), PathBuf::from("bundled:wsis20")];
        let (workspace, errors) = Workspace::open(&files).expect("bundled documents");
        assert!(errors.is_empty());
        AtlasApp::new(workspace, Settings::default())
    });
    harness.run_steps(4);
    harness
}

fn wheel(harness: &mut Harness<'_, AtlasApp>, at: egui::Pos2, dy: f32) {
    harness.event(Event::PointerMoved(at));
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, dy),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    harness.run_steps(2);
}

#[test]
fn a_negotiator_compares_wsis10_with_wsis20_in_a_tab_beside_the_map() {
    let mut harness = both_bundled();
    harness.get_by_label("View").click();
    harness.run_steps(3);
    harness.get_by_label("Compare WSIS+10 to WSIS+20").click();
    harness.run_steps(4);

    // A tab of its own beside the map, the detail panel still at its side.
    assert!(harness.query_by_label("Map").is_some() && harness.query_by_label("Compare").is_some());
    assert!(harness.state().settings.show_detail_panel);
    let view = harness.state().compare.as_ref().expect("the compare view is open");
    assert!(!view.showing_map);
    assert!(harness.query_by_label_contains(" unchanged").is_some(), "the summary counts");

    // The last row is below the window; the wheel brings it into view.
    let (last_label, moved_rows, first_moved_new, unchanged_label) = {
        let state = harness.state_mut();
        let graph = &state.workspace.graph;
        let view = state.compare.as_mut().expect("view");
        let c = view.comparison(graph).expect("a comparison").clone();
        let last = c.rows.last().expect("rows");
        let para = last.new.first().map(|&j| &c.new.paragraphs[j]).or(last.old.first().map(|&i| &c.old.paragraphs[i]));
        let label = graph.node_by_id(&para.expect("a paragraph").id).expect("its node").label.clone();
        let moved: Vec<usize> = c.rows.iter().enumerate().filter(|(_, r)| r.moved).map(|(k, _)| k).collect();
        let first_moved = moved.first().and_then(|&k| c.rows[k].new.first()).map(|&j| c.new.paragraphs[j].id.clone());
        let unmoved = c.rows.iter().find(|r| !r.moved).and_then(|r| r.new.first()).map(|&j| &c.new.paragraphs[j]);
        let unchanged = graph.node_by_id(&unmoved.expect("a row in place").id).expect("its node").label.clone();
        (label, moved, first_moved, unchanged)
    };
    assert!(harness.query_by_label(&unchanged_label).is_some());
    let below = harness.get_by_label(&last_label).rect();
    assert!(below.min.y > SIZE[1], "{last_label} starts below the window: {below:?}");
    let over_rows = egui::pos2(400.0, 500.0);
    for _ in 0..200 {
        wheel(&mut harness, over_rows, -1500.0);
        if harness.get_by_label(&last_label).rect().max.y < SIZE[1] {
            break;
        }
    }
    let seen = harness.get_by_label(&last_label).rect();
    assert!(seen.max.y < SIZE[1] && seen.min.y > 0.0, "{last_label} scrolled into view: {seen:?}");

    // Filter "moved": only moved rows are left.
    assert!(!moved_rows.is_empty(), "WSIS+10 to WSIS+20 has moved paragraphs");
    harness.get_by_label(&format!("{} moved", moved_rows.len())).click();
    harness.run_steps(3);
    assert_eq!(harness.state().compare.as_ref().and_then(|v| v.filter), Some(Change::Moved));
    assert!(harness.query_by_label(&unchanged_label).is_none(), "{unchanged_label} (in place) is filtered out");

    // N: the first moved row is the current change.
    harness.key_press_modifiers(Modifiers::NONE, Key::N);
    harness.run_steps(3);
    assert_eq!(harness.state().compare.as_ref().and_then(|v| v.current), moved_rows.first().copied());

    // A click on its WSIS+20 paragraph selects it in the map and the detail panel.
    let id = first_moved_new.expect("a moved row has a WSIS+20 paragraph");
    let node = harness.state().workspace.graph.index_of(&id).expect("node");
    let label = harness.state().workspace.graph.node(node).expect("node").label.clone();
    assert!(label.starts_with("WSIS+20 "), "{label}");
    harness.get_by_label(&label).click();
    harness.run_steps(4);
    assert_eq!(harness.state().view.selected, Some(node));
    assert!(harness.query_all_by_label(&label).count() >= 2, "the detail panel is headed by {label} too");

    // The map tab: the map, with the paragraph selected; the comparison kept.
    harness.get_by_label("Map").click();
    harness.run_steps(4);
    assert!(harness.state().compare.as_ref().is_some_and(|v| v.showing_map));
    assert_eq!(harness.state().view.selected, Some(node));
    assert!(harness.query_all_by_label(&label).count() >= 1, "the detail panel still shows it");
    assert!(harness.query_by_label_contains(" unchanged").is_none(), "the rows make way for the map");
}
