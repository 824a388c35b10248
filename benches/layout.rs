//! Layout benchmarks: one step on seeded Barabási–Albert graphs (1,000,
//! 10,000 and 100,000 nodes, 2 edges per new node) and the time until the
//! bundled document's map settles.
//!
//! `layout_step_ba` measures a typical step of a live map: past the first,
//! hottest 10 steps from the Pivot MDS start, with the temperature held at
//! `LayoutParams::alpha_warm` (0.3: what a re-layout, a hidden or shown node,
//! or a change of parameters wakes the map to) by `reheat_to` before every
//! step.
//! Without the hold, criterion's thousands of steps would cool the layout far
//! past the point where a live map stops (it settles at `alpha_min`) and time
//! a still layout instead. `benches/layout_compare.rs` runs the same step next
//! to fjadra's and d3-force's.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use wsis_atlas::graph::AtlasGraph;
use wsis_atlas::layout::generate::barabasi_albert;
use wsis_atlas::layout::{AtlasLayout, LayoutParams, Simulation};

fn step(c: &mut Criterion) {
    let held = LayoutParams::default().alpha_warm;
    let mut group = c.benchmark_group("layout_step_ba");
    for n in [1_000usize, 10_000, 100_000] {
        if n >= 100_000 {
            group.sample_size(10).measurement_time(Duration::from_secs(10));
        } else {
            group.sample_size(30);
        }
        let mut sim = Simulation::new(barabasi_albert(n, 2, 30.0, 1), LayoutParams::default(), 1);
        // Past the first, hottest steps: a typical step of an open map.
        sim.steps(10);
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                sim.reheat_to(held);
                sim.tick();
                black_box(sim.positions().first().copied())
            });
        });
    }
    group.finish();
}

fn settle(c: &mut Criterion) {
    let graph = AtlasGraph::bundled().unwrap_or_default();
    let mut group = c.benchmark_group("layout_settle");
    group.sample_size(20);
    group.bench_function("bundled", |b| {
        b.iter(|| {
            let mut layout = AtlasLayout::new(&graph, 1);
            black_box(layout.sim.run_to_rest(10_000))
        });
    });
    group.finish();
}

criterion_group!(benches, step, settle);
criterion_main!(benches);
