//! Integration tests: the map holds what the reader does to it — a dropped
//! node stays where it was released and only its neighbourhood adjusts,
//! Ctrl+Z / Ctrl+Shift+Z undo and redo it — and the camera follows the
//! selection.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use wsis_atlas::app::AtlasApp;

use super::gui_support::{bundled_at_rest as harness, canvas_origin, canvas_rect, key};

/// A world point in window coordinates, through the current camera.
fn to_window(harness: &Harness<'_, AtlasApp>, world: [f32; 2]) -> Pos2 {
    let camera = harness.state().view.camera.expect("a camera");
    let s = camera.to_screen(world);
    canvas_origin(harness) + egui::vec2(s[0], s[1])
}

fn world_positions(harness: &Harness<'_, AtlasApp>) -> Vec<[f32; 2]> {
    let app = harness.state();
    app.workspace.graph.node_indices().map(|n| app.workspace.position(n).unwrap_or([0.0; 2])).collect()
}

fn settle(harness: &mut Harness<'_, AtlasApp>) {
    harness.state_mut().workspace.layout.sim.run_to_rest(20_000);
    harness.run();
}

#[test]
fn a_dropped_node_stays_where_released_the_far_map_stays_and_undo_puts_it_back() {
    let mut harness = harness();
    let node = harness.state().workspace.graph.index_of("sdg:2").expect("SDG 2 is in the bundled graph");
    let start_world = harness.state().workspace.position(node).expect("placed");
    let before = world_positions(&harness);
    let from = to_window(&harness, start_world);
    let to = from + egui::vec2(140.0, -90.0);

    harness.event(Event::PointerMoved(from));
    harness.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    for k in 1..=10 {
        harness.event(Event::PointerMoved(from + (to - from) * (k as f32 / 10.0)));
        harness.step();
    }
    harness.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    settle(&mut harness);

    let camera = harness.state().view.camera.expect("a camera");
    let origin = canvas_origin(&harness);
    let release_world = camera.to_world([to.x - origin.x, to.y - origin.y]);
    let at = harness.state().workspace.position(node).expect("placed");
    assert!(
        (at[0] - release_world[0]).abs() < 0.01 && (at[1] - release_world[1]).abs() < 0.01,
        "SDG 2 is at the release point {release_world:?}: {at:?}"
    );
    assert!(harness.state().workspace.layout.is_pinned(node));
    let screen = to_window(&harness, at);
    assert!((screen - to).length() < 0.5, "and on screen under the pointer: {screen:?} vs {to:?}");

    // Nothing farther than three hops moved by more than a few pixels.
    let app = harness.state();
    let near = app.workspace.graph.neighbourhood(node, 3);
    let after = world_positions(&harness);
    let mut worst = 0.0f32;
    for ((n, b), a) in app.workspace.graph.node_indices().zip(&before).zip(&after) {
        if !near.contains(&n) {
            worst = worst.max(((a[0] - b[0]).hypot(a[1] - b[1])) * camera.zoom);
        }
    }
    eprintln!("farthest move beyond three hops: {worst:.2} px");
    assert!(worst <= 3.0, "a node beyond three hops moved {worst} px");
    let near_moved = app
        .workspace
        .graph
        .node_indices()
        .zip(&before)
        .zip(&after)
        .filter(|((n, b), a)| near.contains(n) && *n != node && a != b)
        .count();
    assert!(near_moved > 0, "the neighbourhood adjusted");

    // Ctrl+Z puts it back where it was, unpinned; Ctrl+Shift+Z again at the drop.
    // Its neighbourhood goes back with it, so it rests there again.
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    settle(&mut harness);
    let back = harness.state().workspace.position(node).expect("placed");
    let off = (back[0] - start_world[0]).hypot(back[1] - start_world[1]) * camera.zoom;
    assert!(off < 3.0, "undone: {off} px from where it was");
    assert!(!harness.state().workspace.layout.is_pinned(node));
    key(&mut harness, Key::Z, Modifiers::COMMAND | Modifiers::SHIFT);
    settle(&mut harness);
    assert_eq!(harness.state().workspace.position(node), Some(at));
    assert!(harness.state().workspace.layout.is_pinned(node));
}

#[test]
fn undo_restores_a_hidden_kind_and_a_focus() {
    use wsis_atlas::app::command::Command;
    use wsis_atlas::graph::NodeKind;
    let mut harness = harness();
    harness.state_mut().push(Command::ToggleKind(NodeKind::Sdg));
    harness.run();
    assert!(harness.state().view.hidden_kinds.contains(&NodeKind::Sdg));
    let node = harness.state().workspace.graph.index_of("para:wsis10:51").expect("¶51");
    harness.state_mut().push(Command::Focus(node));
    harness.run();
    assert_eq!(harness.state().view.focus, Some(node));
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert_eq!(harness.state().view.focus, None);
    assert!(harness.state().view.hidden_kinds.contains(&NodeKind::Sdg));
    key(&mut harness, Key::Z, Modifiers::COMMAND);
    assert!(harness.state().view.hidden_kinds.is_empty());
    key(&mut harness, Key::Z, Modifiers::COMMAND | Modifiers::SHIFT);
    assert!(harness.state().view.hidden_kinds.contains(&NodeKind::Sdg));
}

/// Ids of the nodes painted in the last frame.
fn painted_ids(harness: &Harness<'_, AtlasApp>) -> Vec<String> {
    let app = harness.state();
    let scene = app.canvas.last_scene.as_ref().expect("a frame was painted");
    scene.nodes.iter().filter_map(|n| app.workspace.graph.node(n.index).map(|node| node.id.clone())).collect()
}

/// Zooms the map in 8× about its top-left corner, as the wheel would.
fn zoom_into_a_corner(harness: &mut Harness<'_, AtlasApp>) {
    let app = harness.state_mut();
    let mut camera = app.view.camera.expect("a camera");
    camera.zoom_about([30.0, 30.0], 8.0);
    app.view.camera = Some(camera);
    harness.run();
}

#[test]
fn find_then_enter_brings_the_result_into_view() {
    let mut harness = harness();
    zoom_into_a_corner(&mut harness);
    assert!(!painted_ids(&harness).iter().any(|id| id == "org:CSTD"), "CSTD is off screen at first");
    key(&mut harness, Key::F, Modifiers::COMMAND);
    harness.run();
    let field = harness
        .get_by(|n| n.role() == Role::TextInput && n.data().placeholder().is_some_and(|p| p.starts_with("privacy")));
    field.type_text("CSTD");
    harness.run();
    key(&mut harness, Key::Enter, Modifiers::NONE);
    harness.run();
    let app = harness.state();
    let cstd = app.workspace.graph.index_of("org:CSTD").expect("CSTD");
    assert_eq!(app.view.selected, Some(cstd));
    assert!(app.view.camera_motion.is_none(), "the move has ended");
    assert!(painted_ids(&harness).iter().any(|id| id == "org:CSTD"), "the CSTD disc is on screen");
    let camera = app.view.camera.expect("a camera");
    let s = camera.to_screen(app.workspace.position(cstd).expect("placed"));
    assert!(
        (0.0..camera.size[0]).contains(&s[0]) && (0.0..camera.size[1]).contains(&s[1]),
        "inside the canvas: {s:?} of {:?}",
        camera.size
    );
    let radius = wsis_atlas::layout::node_radius(&app.workspace.graph, cstd) * camera.zoom;
    assert!(radius >= wsis_atlas::camera_motion::READABLE_RADIUS - 0.1, "readable: {radius} px");
}

#[test]
fn a_selection_well_inside_the_view_does_not_move_it_and_z_frames_the_neighbours() {
    use wsis_atlas::app::command::Command;
    let mut harness = harness();
    // Zoom in on ¶51 first (Z), then select a neighbour that is in view.
    let p51 = harness.state().workspace.graph.index_of("para:wsis10:51").expect("¶51");
    harness.state_mut().push(Command::Select(p51));
    harness.run();
    key(&mut harness, Key::Z, Modifiers::NONE);
    let app = harness.state();
    let camera = app.view.camera.expect("a camera");
    let graph = &app.workspace.graph;
    for m in std::iter::once(p51).chain(graph.inner().neighbors_undirected(p51)) {
        let s = camera.to_screen(app.workspace.position(m).expect("placed"));
        assert!(
            (0.0..camera.size[0]).contains(&s[0]) && (0.0..camera.size[1]).contains(&s[1]),
            "{:?} is framed: {s:?}",
            graph.node(m).map(|n| &n.id)
        );
    }
    let next = graph.node_indices().find(|&m| {
        m != p51
            && app.workspace.position(m).is_some_and(|p| wsis_atlas::camera_motion::well_inside(&camera, p))
            && wsis_atlas::layout::node_radius(graph, m) * camera.zoom >= wsis_atlas::camera_motion::READABLE_RADIUS
    });
    let next = next.expect("a readable node well inside the view");
    harness.state_mut().push(Command::Select(next));
    harness.run();
    assert_eq!(harness.state().view.camera, Some(camera), "the camera stayed");
    // Back (Alt+Left) to ¶51: still in view, so the camera stays too.
    key(&mut harness, Key::ArrowLeft, Modifiers::ALT);
    assert_eq!(harness.state().view.selected, Some(p51));
}

/// A point on the drawn edge `from` → `to` (ids) that hovers that edge and
/// no disc, in window coordinates.
fn point_on_edge(harness: &Harness<'_, AtlasApp>, from: &str, to: &str) -> Pos2 {
    let app = harness.state();
    let graph = &app.workspace.graph;
    let (s, t) = (graph.index_of(from).expect("source"), graph.index_of(to).expect("target"));
    let scene = app.canvas.last_scene.as_ref().expect("a painted frame");
    let edge = scene.edges.iter().find(|e| e.source == s && e.target == t).expect("the edge is drawn");
    (1..20)
        .map(|k| k as f32 / 20.0)
        .map(|f| [edge.from[0] + f * (edge.to[0] - edge.from[0]), edge.from[1] + f * (edge.to[1] - edge.from[1])])
        .find(|&p| scene.node_at(p).is_none() && scene.edge_at(p, 4.0).is_some_and(|e| e.source == s && e.target == t))
        .map(|p| canvas_origin(harness) + egui::vec2(p[0], p[1]))
        .expect("a point of the edge clear of discs and other edges")
}

#[test]
fn hovering_an_edge_shows_its_evidence_and_clicking_it_explains_it_in_the_panel() {
    let mut harness = harness();
    let at = point_on_edge(&harness, "para:wsis10:51", "res:A/RES/69/166");
    harness.event(Event::PointerMoved(at));
    harness.run();
    // Tooltips show once the pointer has rested a moment.
    for _ in 0..60 {
        harness.step();
    }
    let graph = &harness.state().workspace.graph;
    let (s, t) = (graph.index_of("para:wsis10:51").expect("¶51"), graph.index_of("res:A/RES/69/166").expect("69/166"));
    assert_eq!(harness.state().view.hovered_edge, Some((s, t, wsis_atlas::graph::EdgeKind::Cites)));
    assert!(
        harness
            .query_by_label_contains("¶51 cites 69/166: \u{201c}General Assembly resolution 69/166\u{201d}")
            .is_some(),
        "the tooltip says why the link is there"
    );
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    assert_eq!(harness.state().view.selected, None);
    assert_eq!(harness.state().view.selected_edge, Some((s, t, wsis_atlas::graph::EdgeKind::Cites)));
    // The panel names both ends and shows the quoted words in their sentence.
    assert!(harness.query_by_label("cites").is_some());
    assert!(harness.query_by_label("General Assembly resolution 69/166").is_some(), "the quote, highlighted");
    assert!(harness.query_by_label_contains("and in this context emphasize").is_some(), "its sentence");
    // Clicking an end selects it.
    harness.get_by_label("69/166").click();
    harness.run();
    assert_eq!(harness.state().view.selected, Some(t));
}

#[test]
fn l_moves_to_the_reading_order_by_an_animation_the_view_follows_and_l_comes_back_to_the_same_map() {
    use wsis_atlas::layout::Arrangement;
    let mut harness = harness();
    let map = world_positions(&harness);
    let para = |h: &Harness<'_, AtlasApp>, id: &str| {
        let app = h.state();
        app.workspace.position(app.workspace.graph.index_of(id).expect("paragraph")).expect("placed")
    };
    harness.key_press(Key::L);
    // One frame in: on the way, not there yet.
    harness.step();
    harness.step();
    assert_eq!(harness.state().workspace.layout.arrangement(), Arrangement::Reading);
    let moving = world_positions(&harness);
    assert_ne!(moving, map, "the nodes started to move");
    let target = harness.state().workspace.layout.destination().to_vec();
    assert_ne!(harness.state().workspace.layout.sim.positions(), &target[..], "an animation, not a jump");
    harness.run();
    assert_eq!(harness.state().workspace.layout.sim.positions(), &target[..]);
    // Reading order: ¶1 before ¶2 on its row or the row above; the view frames it all.
    let (p1, p2) = (para(&harness, "para:wsis10:1"), para(&harness, "para:wsis10:2"));
    assert!(p2[1] > p1[1] || (p2[1] == p1[1] && p2[0] > p1[0]), "{p1:?} {p2:?}");
    let camera = harness.state().view.camera.expect("camera");
    for id in ["para:wsis10:1", "para:wsis10:77", "doc:wsis10"] {
        let s = camera.to_screen(para(&harness, id));
        assert!(s[0] >= 0.0 && s[1] >= 0.0 && s[0] <= camera.size[0] && s[1] <= camera.size[1], "{id} at {s:?}");
    }
    // The arrangement stays put: no simulation runs over it.
    for _ in 0..30 {
        harness.step();
    }
    assert_eq!(harness.state().workspace.layout.sim.positions(), &target[..]);
    assert_eq!(harness.state().settings.arrangement, Arrangement::Reading);
    harness.key_press(Key::L);
    harness.run();
    assert_eq!(harness.state().workspace.layout.arrangement(), Arrangement::Map);
    assert_eq!(world_positions(&harness), map, "back to the very same map");
}

/// Whether every label of the last painted scene lies inside its canvas
/// and covers no other node's disc; returns how many nodes are labelled.
fn labels_inside_and_clear(harness: &Harness<'_, AtlasApp>) -> usize {
    let app = harness.state();
    let scene = app.canvas.last_scene.as_ref().expect("a frame was painted");
    let [w, h] = scene.size;
    for l in &scene.labels {
        let b = wsis_atlas::scene::label_box(l);
        assert!(b[0] >= 0.0 && b[1] >= 0.0 && b[2] <= w && b[3] <= h, "{} runs out of the canvas: {b:?}", l.text);
        for n in scene.nodes.iter().filter(|n| n.index != l.index) {
            let shrunk = [b[0] + 0.01, b[1] + 0.01, b[2] - 0.01, b[3] - 0.01];
            assert!(!wsis_atlas::scene::labels::box_meets_disc(shrunk, n.center, n.radius), "{} covers a disc", l.text);
        }
    }
    scene.labels.len()
}

#[test]
fn f_frames_discs_and_labels_inside_the_canvas_the_panels_leave() {
    let mut harness = harness();
    zoom_into_a_corner(&mut harness);
    // Zoomed in, labels still stop at the canvas's edge, not under the panels.
    labels_inside_and_clear(&harness);
    key(&mut harness, Key::F, Modifiers::NONE);
    let canvas = canvas_rect(&harness);
    assert!(canvas.min.x >= 180.0 && canvas.max.x <= 1280.0 - 240.0, "the canvas is between the panels: {canvas:?}");
    let labelled = labels_inside_and_clear(&harness);
    let app = harness.state();
    let scene = app.canvas.last_scene.as_ref().expect("a frame was painted");
    assert_eq!(scene.size, [canvas.width(), canvas.height()]);
    assert_eq!(scene.nodes.len(), app.workspace.graph.node_count(), "everything in view");
    for n in &scene.nodes {
        let r = n.radius + n.stroke_width / 2.0;
        let [x, y] = n.center;
        assert!(x - r >= 0.0 && y - r >= 0.0 && x + r <= scene.size[0] && y + r <= scene.size[1], "disc cut");
    }
    // The fit leaves room for the labels: most nodes carry one.
    assert!(labelled * 2 >= scene.nodes.len(), "{labelled} of {} labelled", scene.nodes.len());
}
