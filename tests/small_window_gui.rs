//! Integration tests: the map in a small window and the overview — a
//! resize to 1024×700 keeps the map at least half the window and the world
//! point at its centre where it was, F9 and F10 fold the panels away, F fits
//! the map into the canvas the panels leave, dialogs stay below the menu
//! bar, and the minimap (M) shows the whole map and moves the view to where
//! it is clicked.

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use wsis_atlas::app::AtlasApp;

use super::gui_support::{bundled_at_rest as harness, canvas_rect};
use wsis_atlas::app::command::{Command, CompareStart};
use wsis_atlas::scene::Camera;

/// The small window the map must stay usable in.
const SMALL: [f32; 2] = [1024.0, 700.0];

fn camera(harness: &Harness<'_, AtlasApp>) -> Camera {
    harness.state().view.camera.expect("a camera")
}

/// The world point at the canvas's centre.
fn centre_world(harness: &Harness<'_, AtlasApp>) -> [f32; 2] {
    let c = camera(harness);
    c.to_world([c.size[0] / 2.0, c.size[1] / 2.0])
}

/// How far (in pixels at the current zoom) the world point `before` now is
/// from the canvas's centre.
fn drift_px(harness: &Harness<'_, AtlasApp>, before: [f32; 2]) -> f32 {
    let c = camera(harness);
    let s = c.to_screen(before);
    (s[0] - c.size[0] / 2.0).hypot(s[1] - c.size[1] / 2.0)
}

fn resize(harness: &mut Harness<'_, AtlasApp>, size: [f32; 2]) {
    harness.set_size(egui::vec2(size[0], size[1]));
    harness.run();
}

fn key(harness: &mut Harness<'_, AtlasApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn press(harness: &Harness<'_, AtlasApp>, pos: Pos2, pressed: bool) {
    harness.event(Event::PointerButton { pos, button: PointerButton::Primary, pressed, modifiers: Modifiers::NONE });
}

fn click_at(harness: &mut Harness<'_, AtlasApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    press(harness, pos, true);
    press(harness, pos, false);
    harness.run();
}

/// The menu bar's bottom edge in the window.
fn menu_bar_bottom(harness: &Harness<'_, AtlasApp>) -> f32 {
    harness.get_by_label("File").rect().max.y
}

#[test]
fn at_1024_by_700_the_map_keeps_half_the_window_and_its_centre() {
    let mut harness = harness();
    // Look somewhere off-centre first, so that a refit would show.
    if let Some(c) = harness.state_mut().view.camera.as_mut() {
        c.zoom *= 2.0;
        c.center[0] += 150.0;
        c.center[1] -= 80.0;
    }
    harness.run();
    let (before, zoom) = (centre_world(&harness), camera(&harness).zoom);

    resize(&mut harness, SMALL);
    let canvas = canvas_rect(&harness);
    assert!(harness.state().settings.show_side_panel && harness.state().settings.show_detail_panel);
    assert!(canvas.width() >= SMALL[0] / 2.0, "the map keeps half the width: {canvas:?}");
    assert!((camera(&harness).size[0] - canvas.width()).abs() < 1.0, "the camera sees the canvas's size");
    let drift = drift_px(&harness, before);
    assert!(drift < 1.0, "the world point at the centre stays at the centre: {drift} px off");
    assert_eq!(camera(&harness).zoom, zoom, "no refit on resize");

    // And back to the large window: the centre still holds.
    resize(&mut harness, [1280.0, 800.0]);
    assert!(drift_px(&harness, before) < 1.0);
}

#[test]
fn f_at_1024_by_700_fits_the_map_into_the_canvas_the_panels_leave() {
    let mut harness = harness();
    resize(&mut harness, SMALL);
    key(&mut harness, Key::F);
    let c = camera(&harness);
    let app = harness.state();
    let graph = &app.workspace.graph;
    let screen: Vec<[f32; 2]> =
        graph.node_indices().filter_map(|n| app.workspace.position(n)).map(|p| c.to_screen(p)).collect();
    assert!(!screen.is_empty());
    let (mut min, mut max) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
    for s in &screen {
        assert!(s[0] >= 0.0 && s[1] >= 0.0 && s[0] <= c.size[0] && s[1] <= c.size[1], "{s:?} outside {:?}", c.size);
        for k in 0..2 {
            min[k] = min[k].min(s[k]);
            max[k] = max[k].max(s[k]);
        }
    }
    // The map fills the canvas in one direction at least (not ~300 px of
    // dots): the disc centres span most of it, the rest is the labels' room.
    let fill = ((max[0] - min[0]) / c.size[0]).max((max[1] - min[1]) / c.size[1]);
    assert!(fill > 0.7, "the fitted map spans {fill:.2} of the canvas {:?}", c.size);
    let scene = app.canvas.last_scene.as_ref().expect("painted");
    assert!(scene.labels.len() * 3 >= scene.nodes.len(), "{} of {} labelled", scene.labels.len(), scene.nodes.len());
    assert!(c.size[0] >= SMALL[0] / 2.0);
}

#[test]
fn f9_and_f10_fold_the_panels_away_and_bring_them_back_keeping_the_centre() {
    let mut harness = harness();
    resize(&mut harness, SMALL);
    let narrow = canvas_rect(&harness).width();
    let before = centre_world(&harness);
    assert!(harness.query_by_label("Details").is_some(), "the detail panel is shown");

    key(&mut harness, Key::F9);
    assert!(!harness.state().settings.show_side_panel, "F9 hides the side panel");
    let wider = canvas_rect(&harness).width();
    assert!(wider > narrow + 150.0, "{narrow} → {wider}");
    key(&mut harness, Key::F10);
    assert!(!harness.state().settings.show_detail_panel, "F10 hides the detail panel");
    assert!(harness.query_by_label("Details").is_none());
    assert!((canvas_rect(&harness).width() - SMALL[0]).abs() < 2.0, "the map has the whole width");
    assert!(drift_px(&harness, before) < 1.0, "the centre holds as the panels fold");

    key(&mut harness, Key::F9);
    key(&mut harness, Key::F10);
    assert!(harness.state().settings.show_side_panel && harness.state().settings.show_detail_panel);
    assert!(harness.query_by_label("Details").is_some());
    assert!((canvas_rect(&harness).width() - narrow).abs() < 2.0, "the same widths as before");
    assert!(drift_px(&harness, before) < 1.0);
}

#[test]
fn dialogs_at_1024_by_700_stay_inside_the_window_below_the_menu_bar() {
    let mut harness = harness();
    resize(&mut harness, SMALL);
    let menu = menu_bar_bottom(&harness);
    harness.state_mut().push(Command::ShowCompare(CompareStart::Empty));
    harness.run();
    let compare = harness.get_by_label("Compare").rect();
    assert!(compare.min.y >= menu - 0.5, "the Compare tab {compare:?} below the menu bar at {menu}");
    assert!(compare.max.x <= SMALL[0] + 0.5 && compare.max.y <= SMALL[1] + 0.5, "{compare:?}");
    harness.state_mut().push(Command::CloseDialog(wsis_atlas::app::command::Dialog::Compare));
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    let heading = harness.get_by_label("Export image").rect();
    assert!(heading.min.y >= menu && heading.max.y <= SMALL[1], "the export dialog {heading:?}");
}

#[test]
fn the_minimap_shows_the_whole_map_in_the_corner_and_toggles_with_m_and_the_view_menu() {
    let mut harness = harness();
    assert!(harness.state().settings.show_minimap, "on by default");
    let minimap = harness.get_by_label("Minimap").rect();
    let canvas = canvas_rect(&harness);
    // In the canvas's bottom-right corner.
    assert!(canvas.contains_rect(minimap), "{minimap:?} in {canvas:?}");
    assert!(minimap.max.x > canvas.max.x - 20.0 && minimap.max.y > canvas.max.y - 20.0);
    assert!((minimap.width() - 200.0).abs() < 1.0 && (minimap.height() - 140.0).abs() < 1.0);
    let geometry = harness.state().canvas.minimap.geometry.expect("geometry");
    // The whole map is inside it.
    let app = harness.state();
    for n in app.workspace.graph.node_indices() {
        let p = app.workspace.position(n).expect("placed");
        let s = geometry.to_panel(p);
        assert!(geometry.contains(s), "{p:?} → {s:?}");
    }

    key(&mut harness, Key::M);
    assert!(!harness.state().settings.show_minimap);
    assert!(harness.query_by_label("Minimap").is_none(), "M hides it");
    assert_eq!(harness.state().canvas.minimap.geometry, None);
    key(&mut harness, Key::M);
    assert!(harness.state().settings.show_minimap);
    assert!(harness.query_by_label("Minimap").is_some(), "M shows it again");

    // The view menu has it too.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label_contains("Minimap (overview)").click();
    harness.run();
    assert!(!harness.state().settings.show_minimap);
}

#[test]
fn a_click_in_the_minimap_centres_the_view_there_and_a_drag_follows() {
    let mut harness = harness();
    // Zoomed in, so the view is a small rectangle in the overview.
    if let Some(c) = harness.state_mut().view.camera.as_mut() {
        c.zoom *= 4.0;
    }
    harness.run();
    let p51 = harness.state().workspace.graph.index_of("para:wsis10:51").expect("¶51");
    harness.state_mut().push(Command::Select(p51));
    harness.run();
    let zoom = camera(&harness).zoom;
    let canvas = canvas_rect(&harness);
    let m = harness.state().canvas.minimap.geometry.expect("the minimap");
    let local = [m.panel[0] + 0.25 * (m.panel[2] - m.panel[0]), m.panel[1] + 0.3 * (m.panel[3] - m.panel[1])];
    let target = m.to_world(local);
    click_at(&mut harness, canvas.min + egui::vec2(local[0], local[1]));

    let c = camera(&harness);
    let off = (c.center[0] - target[0]).hypot(c.center[1] - target[1]) * c.zoom;
    assert!(off < 1.0, "the camera centres on {target:?}: {:?} ({off} px)", c.center);
    assert_eq!(c.zoom, zoom, "the zoom is kept");
    assert_eq!(harness.state().view.selected, Some(p51), "a click in the minimap selects nothing on the map");

    // Dragging in it: the view follows the pointer.
    let m = harness.state().canvas.minimap.geometry.expect("the minimap");
    let (from, to) = (local, [local[0] + 60.0, local[1] + 40.0]);
    let at = |p: [f32; 2]| canvas.min + egui::vec2(p[0], p[1]);
    harness.event(Event::PointerMoved(at(from)));
    press(&harness, at(from), true);
    harness.step();
    for k in 1..=6 {
        let t = k as f32 / 6.0;
        harness.event(Event::PointerMoved(at([from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t])));
        harness.step();
    }
    press(&harness, at(to), false);
    harness.run();
    let target = m.to_world(to);
    let c = camera(&harness);
    let off = (c.center[0] - target[0]).hypot(c.center[1] - target[1]) * c.zoom;
    assert!(off < 1.0, "after the drag the camera centres on {target:?}: {:?} ({off} px)", c.center);
    assert_eq!(harness.state().view.selected, Some(p51));
}
