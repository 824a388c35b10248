//! Integration tests: layout. The bundled document's graph, hand-made graphs
//! and degenerate input; the `layout` command's file function and its errors.

use std::path::Path;

use wsis_atlas::graph::AtlasGraph;
use wsis_atlas::layout::generate::{barabasi_albert, grid};
use wsis_atlas::layout::{AtlasLayout, LayoutGraph, LayoutIoError, LayoutParams, Simulation, Steps, run_layout_json};

fn bundled() -> AtlasGraph {
    AtlasGraph::bundled().expect("bundled lexicons are valid")
}

fn all_finite(p: &[[f32; 2]]) -> bool {
    p.iter().all(|q| q[0].is_finite() && q[1].is_finite())
}

#[test]
fn the_bundled_map_opens_the_same_every_time() {
    let graph = bundled();
    let mut a = AtlasLayout::new(&graph, 42);
    let mut b = AtlasLayout::new(&graph, 42);
    assert_eq!(a.sim.positions(), b.sim.positions());
    a.sim.run_to_rest(2000);
    b.sim.run_to_rest(2000);
    assert_eq!(a.sim.positions(), b.sim.positions());
}

#[test]
fn a_large_graph_is_bit_identical_across_runs_on_one_and_two_threads() {
    // Above the parallel threshold, so rayon splits the work; run in local
    // pools of one and of two threads, and again in the second.
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a thread pool");
        pool.install(|| {
            let mut sim = Simulation::new(barabasi_albert(6000, 2, 30.0, 5), LayoutParams::default(), 5);
            sim.steps(15);
            sim.positions().to_vec()
        })
    };
    let first = run(1);
    assert!(all_finite(&first));
    assert_eq!(first, run(2));
    assert_eq!(first, run(2));
    let mut other = Simulation::new(barabasi_albert(6000, 2, 30.0, 5), LayoutParams::default(), 6);
    other.steps(15);
    assert_ne!(first, other.positions());
}

#[test]
fn the_bundled_map_settles_and_its_energy_falls() {
    let graph = bundled();
    let mut layout = AtlasLayout::new(&graph, 1);
    layout.sim.steps(3);
    let early = layout.sim.energy();
    let taken = layout.sim.run_to_rest(1000);
    assert!(layout.sim.is_settled(), "not settled after {taken} more steps");
    assert!(layout.sim.energy() < early, "energy {} not below {early}", layout.sim.energy());
    assert!(all_finite(layout.sim.positions()));
    // Settled: a step changes nothing.
    let before = layout.sim.positions().to_vec();
    layout.sim.step();
    assert_eq!(before, layout.sim.positions());
    // Every node of the graph has a position.
    for n in graph.node_indices() {
        assert!(layout.position(n).is_some());
    }
}

#[test]
fn dragging_and_pinning_a_paragraph_keeps_it_where_it_was_put() {
    let graph = bundled();
    let mut layout = AtlasLayout::new(&graph, 1);
    layout.sim.run_to_rest(1000);
    let para = graph.node_indices().nth(5).expect("the bundled graph has nodes");
    layout.set_position(para, [900.0, -900.0]);
    layout.set_pinned(para, true);
    assert!(!layout.sim.is_settled(), "a drag wakes the layout");
    layout.sim.run_to_rest(1000);
    assert_eq!(layout.position(para), Some([900.0, -900.0]));
    assert!(layout.is_pinned(para));
}

#[test]
fn hiding_nodes_continues_from_current_positions() {
    let mut sim = Simulation::new(grid(8, 8, 30.0), LayoutParams::default(), 3);
    sim.run_to_rest(1000);
    let settled = sim.positions().to_vec();
    for i in 0..8 {
        sim.set_active(i, false);
    }
    assert!(!sim.is_settled());
    sim.step();
    // One warm step: everyone is near where they were, hidden ones exactly.
    for (i, (a, b)) in settled.iter().zip(sim.positions()).enumerate() {
        let moved = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
        if i < 8 {
            assert_eq!(a, b);
        } else {
            assert!(moved < 10.0, "node {i} jumped {moved}");
        }
    }
    sim.run_to_rest(1000);
    assert_eq!(&settled[..8], &sim.positions()[..8]);
    for i in 0..8 {
        sim.set_active(i, true);
    }
    sim.run_to_rest(1000);
    assert!(sim.is_settled() && all_finite(sim.positions()));
}

#[test]
fn degenerate_graphs_give_finite_positions() {
    let params = LayoutParams::default();
    let mut empty = Simulation::new(LayoutGraph::new(0), params, 1);
    empty.steps(10);
    assert!(empty.is_settled() && empty.positions().is_empty());

    let mut one = Simulation::new(LayoutGraph::new(1), params, 1);
    one.run_to_rest(500);
    assert!(all_finite(one.positions()));

    // All at one point, with self-loops, duplicate edges and two components.
    let mut g = LayoutGraph::new(50);
    for i in 0..50 {
        g.add_edge(i, i, 30.0, 1.0).expect("in range");
    }
    for i in 1..20 {
        g.add_edge(i - 1, i, 30.0, 1.0).expect("in range");
        g.add_edge(i - 1, i, 30.0, 1.0).expect("in range");
    }
    for i in 26..50 {
        g.add_edge(25, i, 10.0, 1.0).expect("in range");
    }
    let mut sim = Simulation::with_positions(g.clone(), params, vec![[7.0, 7.0]; 50]);
    sim.run_to_rest(2000);
    assert!(all_finite(sim.positions()));
    let distinct = sim.positions().iter().filter(|p| **p != [7.0, 7.0]).count();
    assert!(distinct >= 49);

    // Non-finite and missing starting positions are repaired.
    let mut sim = Simulation::with_positions(g.clone(), params, vec![[f32::NAN, f32::INFINITY]; 10]);
    sim.steps(50);
    assert!(all_finite(sim.positions()));
    assert_eq!(sim.positions().len(), 50);

    // Seeded start of the same graph.
    let mut sim = Simulation::new(g, params, 9);
    sim.run_to_rest(2000);
    assert!(all_finite(sim.positions()));
}

#[test]
fn discs_do_not_overlap_once_settled() {
    // A star squeezes its leaves together; collision must keep them apart.
    let mut g = LayoutGraph::with_radii(vec![8.0; 40]);
    for i in 1..40 {
        g.add_edge(0, i, 5.0, 1.0).expect("in range");
    }
    let mut sim = Simulation::new(g, LayoutParams::default(), 2);
    sim.run_to_rest(3000);
    let p = sim.positions();
    let mut worst: f32 = 0.0;
    for i in 1..40 {
        for j in 1..i {
            let d = ((p[i][0] - p[j][0]).powi(2) + (p[i][1] - p[j][1]).powi(2)).sqrt();
            worst = worst.max(16.0 - d);
        }
    }
    assert!(worst < 3.0, "discs overlap by {worst}");
}

#[test]
fn the_layout_command_writes_one_finite_position_per_id() {
    let json = r#"{"nodes":[{"id":"a"},{"id":"b"},{"id":"c"}],
                   "links":[{"source":"a","target":"b"},{"source":1,"target":2}]}"#;
    let out = run_layout_json(json, Path::new("g.json"), Steps::Exactly(30), 7).expect("valid graph").positions;
    let v: serde_json::Value = serde_json::from_str(&out).expect("output is JSON");
    let obj = v.as_object().expect("an object");
    assert_eq!(obj.keys().collect::<Vec<_>>(), vec!["a", "b", "c"]);
    for (_, p) in obj {
        let xy = p.as_array().expect("[x, y]");
        assert_eq!(xy.len(), 2);
        assert!(xy.iter().all(|c| c.as_f64().is_some_and(f64::is_finite)));
    }
    let again = run_layout_json(json, Path::new("g.json"), Steps::Exactly(30), 7).expect("valid graph").positions;
    assert_eq!(out, again);
}

#[test]
fn bad_graph_files_say_what_is_wrong() {
    let p = Path::new("bad.json");
    match run_layout_json("{\"nodes\": [\n  {\"id\": \"a\"},\n  {\"id\": }\n]}", p, Steps::Exactly(1), 0) {
        Err(LayoutIoError::Json { line, column, .. }) => assert_eq!((line, column), (3, 10)),
        other => panic!("expected a JSON error, got {other:?}"),
    }
    match run_layout_json(
        r#"{"nodes":[{"id":"a"}],"links":[{"source":"a","target":"a"},{"source":"a","target":"zz"}]}"#,
        p,
        Steps::Exactly(1),
        0,
    ) {
        Err(e @ LayoutIoError::UnknownNode { link: 1, end: "target", .. }) => {
            assert!(e.to_string().contains("\"zz\""), "{e}");
        }
        other => panic!("expected an unknown node, got {other:?}"),
    }
    match run_layout_json(r#"{"nodes":[{"id":"a"},{"id":"a"}],"links":[]}"#, p, Steps::Exactly(1), 0) {
        Err(LayoutIoError::DuplicateId { first: 0, second: 1, .. }) => {}
        other => panic!("expected a duplicate id, got {other:?}"),
    }
    match run_layout_json(r#"{"nodes":[{"id":[1]}],"links":[]}"#, p, Steps::Exactly(1), 0) {
        Err(LayoutIoError::BadId { .. }) => {}
        other => panic!("expected a bad id, got {other:?}"),
    }
    match run_layout_json(r#"{"links":[]}"#, p, Steps::Exactly(1), 0) {
        Err(e @ LayoutIoError::Json { .. }) => assert!(e.to_string().contains("nodes"), "{e}"),
        other => panic!("expected a missing field, got {other:?}"),
    }
    match wsis_atlas::layout::run_layout_file(Path::new("/nonexistent/graph.json"), Steps::Exactly(1), 0) {
        Err(e @ LayoutIoError::Read { .. }) => assert!(e.to_string().contains("/nonexistent/graph.json")),
        other => panic!("expected a read error, got {other:?}"),
    }
}

/// Both bundled documents in one graph.
fn both_bundled() -> AtlasGraph {
    let paths: Vec<std::path::PathBuf> = ["bundled:wsis10", "bundled:wsis20"].iter().map(Into::into).collect();
    let (graph, errors) = wsis_atlas::corpus::open(&paths).expect("bundled documents open");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(graph.documents().len(), 2);
    graph
}

mod reading_order {
    use std::collections::BTreeMap;

    use petgraph::stable_graph::NodeIndex;
    use wsis_atlas::graph::{AtlasGraph, EdgeKind, NodeKind};
    use wsis_atlas::layout::{Arrangement, AtlasLayout};

    fn arranged(graph: &AtlasGraph) -> AtlasLayout {
        let mut layout = AtlasLayout::new(graph, 7);
        layout.sim.run_to_rest(3000);
        layout.arrange_now(graph, Arrangement::Reading);
        layout
    }

    /// A document's paragraphs in reading order (preamble, numbered, annexes).
    fn paragraphs(graph: &AtlasGraph, doc: &str) -> Vec<NodeIndex> {
        let mut v: Vec<(u8, u32, NodeIndex)> = graph
            .nodes()
            .filter(|(_, n)| n.kind == NodeKind::Paragraph && n.document.as_deref() == Some(doc))
            .map(|(i, n)| match (n.annex.is_some(), n.ordinal, n.number) {
                (true, _, _) => (2, 0, i),
                (_, Some(o), _) => (0, o, i),
                (_, None, Some(k)) => (1, k, i),
                _ => (3, 0, i),
            })
            .collect();
        v.sort();
        v.into_iter().map(|(_, _, i)| i).collect()
    }

    fn pos(layout: &AtlasLayout, n: NodeIndex) -> [f32; 2] {
        layout.position(n).expect("laid out")
    }

    #[test]
    fn paragraphs_read_left_to_right_top_to_bottom_under_their_section_headings() {
        let graph = super::bundled();
        let layout = arranged(&graph);
        let paras = paragraphs(&graph, "doc:wsis10");
        assert!(paras.len() > 60, "{}", paras.len());
        for w in paras.windows(2) {
            let (a, b) = (pos(&layout, w[0]), pos(&layout, w[1]));
            assert!(b[1] > a[1] || (b[1] == a[1] && b[0] > a[0]), "{:?} {a:?} then {:?} {b:?}", w[0], w[1]);
        }
        // Each section heads its paragraphs: on the row above the first, left of it.
        let mut sections = 0;
        for (s, node) in graph.nodes().filter(|(_, n)| n.kind == NodeKind::Section) {
            let first = paras
                .iter()
                .find(|&&p| graph.edges().any(|(a, b, e)| a == s && b == p && e.kind == EdgeKind::Contains));
            let Some(&first) = first else { continue };
            let (h, p) = (pos(&layout, s), pos(&layout, first));
            let above = (p[1] - h[1] - wsis_atlas::layout::reading::ROW).abs() < 1e-3;
            assert!(above && h[0] < p[0], "{} at {h:?}, its first paragraph at {p:?}", node.label);
            sections += 1;
        }
        assert!(sections >= 10, "{sections}");
    }

    #[test]
    fn entities_stand_right_of_the_text_at_the_height_of_their_citing_paragraphs() {
        let graph = super::bundled();
        let layout = arranged(&graph);
        let paras = paragraphs(&graph, "doc:wsis10");
        let text_right = paras.iter().map(|&p| pos(&layout, p)[0]).fold(f32::MIN, f32::max);
        let (mut near, mut total) = (0, 0);
        for (e, node) in
            graph.nodes().filter(|(_, n)| n.kind == NodeKind::Organization || n.kind == NodeKind::Resolution)
        {
            let ys: Vec<f32> = graph
                .inner()
                .neighbors_undirected(e)
                .filter(|m| graph.node(*m).is_some_and(|m| m.kind == NodeKind::Paragraph))
                .map(|m| pos(&layout, m)[1])
                .collect();
            if ys.is_empty() {
                continue;
            }
            let p = pos(&layout, e);
            assert!(p[0] > text_right, "{} at {p:?} is among the paragraphs (right edge {text_right})", node.label);
            let (lo, hi) = (ys.iter().copied().fold(f32::MAX, f32::min), ys.iter().copied().fold(f32::MIN, f32::max));
            let off = (lo - p[1]).max(p[1] - hi).max(0.0);
            near += usize::from(off <= 2.0 * wsis_atlas::layout::reading::ROW);
            total += 1;
        }
        assert!(total > 20, "{total}");
        assert_eq!(near, total, "entities more than two rows away from their citing paragraphs");
    }

    #[test]
    fn no_two_nodes_share_a_place_and_two_documents_get_pages_side_by_side() {
        let graph = super::both_bundled();
        let layout = arranged(&graph);
        let mut seen: BTreeMap<(i64, i64), NodeIndex> = BTreeMap::new();
        for n in graph.node_indices() {
            let p = pos(&layout, n);
            assert!(p[0].is_finite() && p[1].is_finite());
            let key = ((p[0] * 10.0) as i64, (p[1] * 10.0) as i64);
            assert!(seen.insert(key, n).is_none(), "{:?} and {:?} both at {p:?}", seen.get(&key), n);
        }
        let span = |doc: &str| {
            let xs: Vec<f32> = paragraphs(&graph, doc).iter().map(|&p| pos(&layout, p)[0]).collect();
            (xs.iter().copied().fold(f32::MAX, f32::min), xs.iter().copied().fold(f32::MIN, f32::max))
        };
        let (a, b) = (span("doc:wsis10"), span("doc:wsis20"));
        assert!(a.1 < b.0 || b.1 < a.0, "pages overlap: {a:?} {b:?}");
    }

    #[test]
    fn the_switch_animates_keeps_pins_and_returns_to_the_same_map() {
        let graph = super::bundled();
        let mut layout = AtlasLayout::new(&graph, 7);
        layout.sim.run_to_rest(3000);
        let map = layout.sim.positions().to_vec();
        let pinned = graph.index_of("sdg:5").expect("SDG 5");
        layout.set_pinned(pinned, true);
        let pin_at = pos(&layout, pinned);
        layout.arrange(&graph, Arrangement::Reading);
        assert!(!layout.simulates());
        let target = layout.destination().to_vec();
        assert_ne!(target, map);
        // Half-way every node is between where it was and where it goes.
        assert!(layout.advance(wsis_atlas::layout::reading::TRANSITION_SECONDS / 2.0));
        let mid = layout.sim.positions().to_vec();
        for ((m, a), b) in mid.iter().zip(&map).zip(&target) {
            for k in 0..2 {
                assert!(m[k] >= a[k].min(b[k]) - 1e-3 && m[k] <= a[k].max(b[k]) + 1e-3);
            }
        }
        while layout.advance(0.1) {}
        assert_eq!(layout.sim.positions(), &target[..]);
        assert_eq!(pos(&layout, pinned), pin_at, "the pinned node stayed");
        // The arrangement does not drift: the simulation does not run.
        assert!(layout.sim.is_settled());
        layout.arrange_now(&graph, Arrangement::Map);
        assert_eq!(layout.sim.positions(), &map[..], "back to the same map");
        assert!(layout.simulates());
    }

    #[test]
    fn adding_a_document_while_reading_keeps_the_reading_order() {
        let one = super::bundled();
        let layout = arranged(&one);
        let both = super::both_bundled();
        let mut rebuilt = layout.rebuild(&both, 7);
        assert_eq!(rebuilt.arrangement(), Arrangement::Reading);
        while rebuilt.advance(0.1) {}
        let paras = paragraphs(&both, "doc:wsis20");
        assert!(paras.len() > 100);
        for w in paras.windows(2) {
            let (a, b) = (pos(&rebuilt, w[0]), pos(&rebuilt, w[1]));
            assert!(b[1] > a[1] || (b[1] == a[1] && b[0] > a[0]));
        }
    }
}
