//! Integration tests: select many on the map and act on the selection —
//! Shift+click two nodes and show only them (only the links between them
//! stay), Ctrl+Z brings everything back; a Shift+drag box selects exactly
//! the shown nodes whose centres are inside it; the selection is exported
//! alone, hidden with Delete, and its hide undone.

use std::collections::BTreeSet;

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use petgraph::stable_graph::NodeIndex;
use wsis_atlas::app::AtlasApp;

use super::gui_support::{bundled_at_rest as harness, canvas_origin, key};
use wsis_atlas::app::command::{Command, Dialog};

/// Where node `id`'s disc is painted, clear of other discs, in window coordinates.
fn disc_of(harness: &Harness<'_, AtlasApp>, id: &str) -> (NodeIndex, Pos2) {
    let app = harness.state();
    let n = app.workspace.graph.index_of(id).expect("in the bundled graph");
    let scene = app.canvas.last_scene.as_ref().expect("a painted frame");
    let disc = scene.nodes.iter().find(|s| s.index == n).expect("the disc is painted");
    assert_eq!(scene.node_at(disc.center), Some(n), "{id}'s centre hits it");
    (n, canvas_origin(harness) + egui::vec2(disc.center[0], disc.center[1]))
}

/// Holds Shift down (or lets it go) from the next frame on.
fn shift(harness: &mut Harness<'_, AtlasApp>, down: bool) {
    let modifiers = if down { Modifiers::SHIFT } else { Modifiers::NONE };
    harness.event(Event::ModifiersChanged(modifiers));
    harness.step();
}

fn button(harness: &mut Harness<'_, AtlasApp>, pos: Pos2, pressed: bool, modifiers: Modifiers) {
    harness.event(Event::PointerButton { pos, button: PointerButton::Primary, pressed, modifiers });
    harness.step();
}

fn shift_click(harness: &mut Harness<'_, AtlasApp>, pos: Pos2) {
    shift(harness, true);
    harness.event(Event::PointerMoved(pos));
    harness.step();
    button(harness, pos, true, Modifiers::SHIFT);
    button(harness, pos, false, Modifiers::SHIFT);
    shift(harness, false);
    harness.run();
}

fn shown(harness: &Harness<'_, AtlasApp>) -> BTreeSet<NodeIndex> {
    let app = harness.state();
    let graph = &app.workspace.graph;
    graph.node_indices().filter(|&n| app.view.is_visible(graph, n)).collect()
}

fn painted(harness: &Harness<'_, AtlasApp>) -> BTreeSet<NodeIndex> {
    harness.state().canvas.last_scene.as_ref().expect("a painted frame").nodes.iter().map(|n| n.index).collect()
}

#[test]
fn shift_click_two_nodes_show_only_them_and_their_link_then_ctrl_z_brings_everything_back() {
    let mut harness = harness();
    let everything = shown(&harness);
    let (p51, at51) = disc_of(&harness, "para:wsis10:51");
    let (res, at_res) = disc_of(&harness, "res:A/RES/69/166");
    shift_click(&mut harness, at51);
    shift_click(&mut harness, at_res);
    let view = &harness.state().view;
    assert_eq!(view.selected_many, BTreeSet::from([p51, res]));
    assert_eq!(view.selected, Some(res), "the detail panel shows the last Shift+clicked");
    assert!(harness.query_by_label_contains("2 selected").is_some(), "the status bar counts them");
    // Both wear the selection's ring.
    let scene = harness.state().canvas.last_scene.as_ref().expect("a painted frame");
    let ring = |n: NodeIndex| scene.nodes.iter().find(|s| s.index == n).map(|s| (s.stroke, s.stroke_width));
    assert_eq!(ring(p51), ring(res));
    assert_eq!(ring(p51).map(|r| r.1), Some(3.0));

    let at_rest = [p51, res].map(|n| harness.state().workspace.position(n));
    key(&mut harness, Key::O, Modifiers::NONE);
    assert_eq!(shown(&harness), BTreeSet::from([p51, res]), "exactly the two are shown");
    let still = |h: &Harness<'_, AtlasApp>| [p51, res].map(|n| h.state().workspace.position(n));
    assert_eq!(still(&harness), at_rest, "the map stays as it was: only less of it is shown");
    assert_eq!(painted(&harness), BTreeSet::from([p51, res]));
    let scene = harness.state().canvas.last_scene.as_ref().expect("a painted frame");
    assert!(!scene.edges.is_empty(), "the link between them is drawn");
    let pair = BTreeSet::from([p51, res]);
    assert!(scene.edges.iter().all(|e| pair.contains(&e.source) && pair.contains(&e.target)), "only theirs");
    assert!(harness.query_by_label_contains("showing only the selection").is_some());

    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(shown(&harness), everything, "Ctrl+Z shows everything again");
    key(&mut harness, Key::Z, Modifiers::COMMAND | Modifiers::SHIFT);
    assert_eq!(shown(&harness), pair, "and redo shows only them again");
    // Esc leaves it, like focus.
    key(&mut harness, Key::Escape, Modifiers::NONE);
    assert_eq!(shown(&harness), everything);
    // Right-click one of them: the menu acts on both.
    let (_, at51) = disc_of(&harness, "para:wsis10:51");
    harness.event(Event::PointerMoved(at51));
    harness.step();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos: at51,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
    // The status bar and the menu both say so.
    assert_eq!(harness.query_all_by_label("2 selected").count(), 2, "the menu says it acts on the two");
    harness.get_by(|n| n.label().is_some_and(|l| l.starts_with("Pin the selection"))).click();
    harness.run();
    let pinned = |h: &Harness<'_, AtlasApp>| [p51, res].map(|n| h.state().workspace.layout.is_pinned(n));
    assert_eq!(pinned(&harness), [true, true]);
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(pinned(&harness), [false, false], "Ctrl+Z unpins them");
    key(&mut harness, Key::P, Modifiers::NONE);
    assert_eq!(pinned(&harness), [true, true], "P pins them");
    key(&mut harness, Key::P, Modifiers::SHIFT);
    assert_eq!(pinned(&harness), [false, false], "Shift+P unpins them");

    // A plain click selects one node and clears the multi-selection.
    let (_, at51) = disc_of(&harness, "para:wsis10:51");
    harness.event(Event::PointerMoved(at51));
    button(&mut harness, at51, true, Modifiers::NONE);
    button(&mut harness, at51, false, Modifiers::NONE);
    harness.run();
    assert_eq!(harness.state().view.selected, Some(p51));
    assert!(harness.state().view.selected_many.is_empty());
}

/// A point of the canvas no disc covers, near `near` (canvas pixels).
fn background_near(harness: &Harness<'_, AtlasApp>, near: [f32; 2]) -> [f32; 2] {
    let scene = harness.state().canvas.last_scene.as_ref().expect("a painted frame");
    (0..400)
        .map(|k| [near[0] - (k % 20) as f32 * 3.0, near[1] - (k / 20) as f32 * 3.0])
        .find(|&p| scene.node_at(p).is_none())
        .expect("some background")
}

#[test]
fn a_shift_drag_box_selects_the_shown_nodes_inside_it_which_export_alone_and_hide() {
    let mut harness = harness();
    let camera = harness.state().view.camera.expect("a camera");
    let centre = [camera.size[0] / 2.0, camera.size[1] / 2.0];
    let from = background_near(&harness, [centre[0] - 90.0, centre[1] - 70.0]);
    let to = [centre[0] + 110.0, centre[1] + 80.0];
    // What the box should hold: the painted (so shown) discs with centres inside.
    let scene = harness.state().canvas.last_scene.as_ref().expect("a painted frame");
    let inside = |p: [f32; 2]| (from[0]..=to[0]).contains(&p[0]) && (from[1]..=to[1]).contains(&p[1]);
    let expected: BTreeSet<NodeIndex> = scene.nodes.iter().filter(|n| inside(n.center)).map(|n| n.index).collect();
    assert!(expected.len() >= 3, "the box holds a few nodes: {}", expected.len());
    let before = shown(&harness);
    assert!(expected.iter().all(|n| before.contains(n)));

    let origin = canvas_origin(&harness);
    let window = |p: [f32; 2]| origin + egui::vec2(p[0], p[1]);
    shift(&mut harness, true);
    harness.event(Event::PointerMoved(window(from)));
    harness.step();
    button(&mut harness, window(from), true, Modifiers::SHIFT);
    for k in 1..=10 {
        let f = k as f32 / 10.0;
        harness.event(Event::PointerMoved(window([from[0] + f * (to[0] - from[0]), from[1] + f * (to[1] - from[1])])));
        harness.step();
    }
    let drawn = harness.state().canvas.select_box().expect("the box is drawn while dragging");
    let near = |a: [f32; 2], b: [f32; 2]| (a[0] - b[0]).abs() < 0.01 && (a[1] - b[1]).abs() < 0.01;
    assert!(near(drawn.from, from) && near(drawn.to, to), "from the press to the pointer: {drawn:?}");
    button(&mut harness, window(to), false, Modifiers::SHIFT);
    shift(&mut harness, false);
    harness.run();
    assert!(harness.state().canvas.select_box().is_none(), "and gone once released");
    assert_eq!(harness.state().view.camera.map(|c| (c.center, c.zoom)), Some((camera.center, camera.zoom)), "no pan");
    assert_eq!(harness.state().view.selected_many, expected, "exactly the shown nodes inside the box");
    assert!(harness.query_by_label_contains(&format!("{} selected", expected.len())).is_some());

    // Z frames them: closer than before, each inside the canvas.
    key(&mut harness, Key::Z, Modifiers::NONE);
    let framed = harness.state().view.camera.expect("a camera");
    assert!(framed.zoom > camera.zoom * 1.5, "zoomed in on them: {} → {}", camera.zoom, framed.zoom);
    for &n in &expected {
        let s = framed.to_screen(harness.state().workspace.position(n).expect("placed"));
        assert!((0.0..=framed.size[0]).contains(&s[0]) && (0.0..=framed.size[1]).contains(&s[1]), "{s:?}");
    }

    // Selection › Export the selection as data…: exactly those nodes, and only links among them.
    harness.get_by_label("Selection").click();
    harness.run();
    harness.get_by_label("Export the selection as data…").click();
    harness.run();
    let app = harness.state();
    let dialog = app.export_dialog.as_ref().expect("the export dialog is open");
    assert_eq!(dialog.scope, wsis_atlas::app::export_dialog::Scope::Selection);
    let bytes = wsis_atlas::app::export_dialog::export_bytes(&app.world(), dialog).expect("exported");
    let json: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    let graph = &app.workspace.graph;
    let ids: BTreeSet<String> = expected.iter().map(|&n| graph.node(n).expect("a node").id.clone()).collect();
    let exported: BTreeSet<String> =
        json["nodes"].as_array().expect("nodes").iter().map(|n| n["id"].as_str().expect("an id").to_owned()).collect();
    assert_eq!(exported, ids);
    let links = json["links"].as_array().expect("links");
    assert!(links.iter().all(|l| {
        ids.contains(l["source"].as_str().unwrap_or("")) && ids.contains(l["target"].as_str().unwrap_or(""))
    }));
    let among = graph.edges().filter(|(s, t, _)| expected.contains(s) && expected.contains(t)).count();
    assert_eq!(links.len(), among, "every link among them");
    // The picture of the selection draws exactly those discs.
    let svg =
        wsis_atlas::app::export_dialog::ExportDialog { format: wsis_atlas::export::Format::Svg, ..dialog.clone() };
    let text = String::from_utf8(wsis_atlas::app::export_dialog::export_bytes(&app.world(), &svg).expect("SVG"))
        .expect("UTF-8");
    assert_eq!(text.matches("<circle class=\"node ").count(), expected.len());
    for id in &ids {
        assert!(text.contains(&format!("data-id=\"{id}\"")), "{id} is drawn");
    }
    harness.state_mut().push(Command::CloseDialog(Dialog::Export));
    harness.run();
    assert_eq!(harness.state().view.selected_many, expected, "still selected");

    // Delete hides them; Ctrl+Z brings them back.
    key(&mut harness, Key::Delete, Modifiers::NONE);
    let now = shown(&harness);
    assert!(expected.iter().all(|n| !now.contains(n)), "hidden");
    assert_eq!(now.len(), before.len() - expected.len(), "only them");
    assert!(painted(&harness).is_disjoint(&expected));
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(shown(&harness), before, "Ctrl+Z shows them again");
}
