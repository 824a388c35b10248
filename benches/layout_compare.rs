//! Side by side in one run: one layout step of ours next to one step of
//! fjadra (d3-force's Rust port, what rerun's graph view uses), on the same
//! seeded Barabási–Albert graphs as `benches/layout.rs` (1,000, 10,000 and
//! 100,000 nodes, 2 edges per new node, rest length 30).
//!
//! Both are configured as d3-force's defaults (many-body −30 with θ 0.9, link
//! force of length 30 and strength 1/min(degree), velocity decay 0.4); fjadra
//! also gets d3's centre force, ours its gravity and collision (which cost
//! more, not less). Both are timed past their first 10 steps, with the
//! temperature held at 0.3 (`LayoutParams::alpha_warm`) before every step, so
//! each measured step is a typical step of a live map. Ours runs f32 on every
//! core (rayon), fjadra f64 on one.
//!
//! d3-force itself runs under Node.js from `benches/d3/` on the same graphs
//! (written as node-link JSON by the `layout_quality` example):
//!
//! ```text
//! cargo bench --bench layout_compare
//! for n in 1000 10000 100000; do
//!   cargo run --release --example layout_quality -- --write-ba $n /tmp/ba$n.json
//! done
//! cd benches/d3 && npm ci && for n in 1000 10000 100000; do node bench.mjs /tmp/ba$n.json; done
//! ```
//!
//! Measured 2026-11-28 on the 2-core build machine, quiet (load average 1.4),
//! d3-force as median of 30 (10,000) and 5 (100,000) steps:
//!
//! | nodes   | ours     | fjadra 0.2.1 | d3-force 3.0.1 (Node 20) | fjadra / ours | d3 / ours |
//! |---------|----------|--------------|--------------------------|---------------|-----------|
//! | 1,000   | 0.442 ms | 2.94 ms      | —                        | 6.6×          | —         |
//! | 10,000  | 3.84 ms  | 40.4 ms      | 65.0 ms                  | 10.5×         | 17×       |
//! | 100,000 | 48.2 ms  | 689 ms       | 1,473 ms                 | 14.3×         | 31×       |
//!
//! Under load (average 2.5, another build running) the same run gave 0.437 /
//! 6.86 / 90.6 ms for ours against 2.96 / 45.8 / 758 ms for fjadra.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use fjadra::{Center, Link, ManyBody, Node, SimulationBuilder};
use wsis_atlas::layout::generate::barabasi_albert;
use wsis_atlas::layout::{LayoutParams, Simulation};

/// Steps run before timing: past the first, hottest ones.
const WARM_UP_STEPS: usize = 10;

fn compare(c: &mut Criterion) {
    let held = LayoutParams::default().alpha_warm;
    let mut group = c.benchmark_group("layout_compare_step_ba");
    for n in [1_000usize, 10_000, 100_000] {
        if n >= 100_000 {
            // fjadra takes about a second a step here: ten single steps.
            group.sample_size(10).sampling_mode(SamplingMode::Flat).measurement_time(Duration::from_secs(5));
        } else {
            group.sample_size(20).sampling_mode(SamplingMode::Auto).measurement_time(Duration::from_secs(5));
        }
        let graph = barabasi_albert(n, 2, 30.0, 1);
        let links: Vec<(usize, usize)> = graph.edges().iter().map(|e| (e.source as usize, e.target as usize)).collect();

        let mut ours = Simulation::new(graph, LayoutParams::default(), 1);
        ours.steps(WARM_UP_STEPS);
        group.bench_function(BenchmarkId::new("wsis_atlas", n), |b| {
            b.iter(|| {
                ours.reheat_to(held);
                ours.tick();
                black_box(ours.positions().first().copied())
            });
        });
        drop(ours);

        let mut fj = SimulationBuilder::default()
            .build((0..n).map(|_| Node::default()))
            .add_force("link", Link::new(links))
            .add_force("charge", ManyBody::new())
            .add_force("center", Center::new());
        fj.tick(WARM_UP_STEPS);
        group.bench_function(BenchmarkId::new("fjadra", n), |b| {
            b.iter(|| {
                fj.set_alpha(f64::from(held));
                fj.tick(1);
                black_box(fj.positions().next())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, compare);
criterion_main!(benches);
