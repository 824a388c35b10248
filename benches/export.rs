//! Export benchmarks: the bundled document (laid out to rest once) to a 4K
//! PNG and SVG, and a laid-out 10,000-node, ~20,000-edge Barabási–Albert graph to SVG and
//! PNG at 1600×1000 and 4K. Each measures building the framed scene plus
//! writing the file's bytes (not the disk).

use std::collections::{BTreeSet, HashMap};
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use petgraph::stable_graph::NodeIndex;
use wsis_atlas::export::{self, ImageOptions, render_png, render_svg, whole_graph_scene};
use wsis_atlas::graph::{AtlasGraph, EdgeKind, Node, NodeKind};

type Positions = HashMap<NodeIndex, [f32; 2]>;

/// The bundled document and its settled layout.
fn bundled() -> (AtlasGraph, Positions) {
    let graph = AtlasGraph::bundled().expect("bundled lexicons parse");
    let all: BTreeSet<NodeIndex> = graph.node_indices().collect();
    let layout = export::settled_layout(&graph, &all, export::SEED, export::MAX_LAYOUT_STEPS);
    let positions = graph.node_indices().filter_map(|n| layout.position(n).map(|p| (n, p))).collect();
    (graph, positions)
}

/// A Barabási–Albert graph of `n` nodes (each new node linked to two
/// earlier ones, preferring well-linked ones) with nodes of every kind and
/// edges of every kind, laid out to rest like the window would.
fn synthetic(n: usize) -> (AtlasGraph, Positions) {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound.max(1) as u64) as usize
    };
    let mut graph = AtlasGraph::new();
    let mut nodes = Vec::with_capacity(n);
    let mut ends: Vec<usize> = Vec::with_capacity(4 * n);
    for i in 0..n {
        // Entities and paragraphs: the layout lays out each document apart.
        let kind = NodeKind::ALL[2 + i % (NodeKind::ALL.len() - 2)];
        let index = graph.add_node(Node::new(format!("{}:{i}", kind.as_str()), kind, format!("Node {i}")));
        nodes.push(index);
        for _ in 0..2 {
            if i > 0 {
                let pick = if ends.is_empty() { 0 } else { ends[next(ends.len())] };
                let j = if pick == i { i - 1 } else { pick };
                graph.add_edge(index, nodes[j], EdgeKind::ALL[next(6)], Vec::new());
                ends.extend([i, j]);
            }
        }
    }
    let all: BTreeSet<NodeIndex> = graph.node_indices().collect();
    let layout = export::settled_layout(&graph, &all, export::SEED, 600);
    let positions = graph.node_indices().filter_map(|n| layout.position(n).map(|p| (n, p))).collect();
    (graph, positions)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("export");
    group.sample_size(10).measurement_time(Duration::from_secs(8)).warm_up_time(Duration::from_secs(1));
    let uhd = ImageOptions { width: 3840, height: 2160, ..ImageOptions::default() };
    let hd = ImageOptions::default();

    let (graph, positions) = bundled();
    let position = |n: NodeIndex| positions.get(&n).copied();
    group.bench_function("bundled_4k_png", |b| {
        b.iter(|| {
            let scene = whole_graph_scene(&graph, &position, &|_| true, &uhd);
            black_box(render_png(&scene, &uhd).map(|p| p.len()))
        });
    });
    group.bench_function("bundled_4k_svg", |b| {
        b.iter(|| black_box(render_svg(&whole_graph_scene(&graph, &position, &|_| true, &uhd), &uhd).len()));
    });

    let (graph, positions) = synthetic(10_000);
    let position = |n: NodeIndex| positions.get(&n).copied();
    for (name, opts) in [("10k_1600x1000", hd), ("10k_4k", uhd)] {
        group.bench_function(format!("{name}_svg"), |b| {
            b.iter(|| black_box(render_svg(&whole_graph_scene(&graph, &position, &|_| true, &opts), &opts).len()));
        });
        group.bench_function(format!("{name}_png"), |b| {
            b.iter(|| {
                let scene = whole_graph_scene(&graph, &position, &|_| true, &opts);
                black_box(render_png(&scene, &opts).map(|p| p.len()))
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
