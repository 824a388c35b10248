//! Reproducible layout figures: normalised stress of a 50×50 grid after 300
//! steps (from the Pivot MDS start and from d3's phyllotaxis start), the
//! bundled map's settling (steps, time, span), and node-link JSON files of
//! the benchmark graphs for comparisons with other engines.
//!
//! `cargo run --release --example layout_quality [-- --write-ba N PATH] [-- --write-grid W PATH]`

use std::time::Instant;

use wsis_atlas::graph::AtlasGraph;
use wsis_atlas::layout::generate::{barabasi_albert, grid};
use wsis_atlas::layout::initial::phyllotaxis;
use wsis_atlas::layout::quality::normalised_stress;
use wsis_atlas::layout::{AtlasLayout, LayoutGraph, LayoutParams, Simulation};

fn node_link(g: &LayoutGraph) -> String {
    let nodes: Vec<String> = (0..g.node_count()).map(|i| format!("{{\"id\":\"{i}\"}}")).collect();
    let links: Vec<String> =
        g.edges().iter().map(|e| format!("{{\"source\":\"{}\",\"target\":\"{}\"}}", e.source, e.target)).collect();
    format!("{{\"nodes\":[{}],\"links\":[{}]}}\n", nodes.join(","), links.join(","))
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, n, path] = args.as_slice() {
        let n: usize = n.parse().unwrap_or(1000);
        let g = if flag == "--write-grid" { grid(n, n, 30.0) } else { barabasi_albert(n, 2, 30.0, 1) };
        std::fs::write(path, node_link(&g))?;
        return Ok(());
    }

    let params = LayoutParams::default();
    for seed in [1u64, 2, 3] {
        let g = grid(50, 50, 30.0);
        let mut sim = Simulation::new(g.clone(), params, seed);
        let start = normalised_stress(&g, sim.positions(), 2000, 7).unwrap_or(f64::NAN);
        for _ in 0..300 {
            sim.tick();
        }
        let end = normalised_stress(&g, sim.positions(), 2000, 7).unwrap_or(f64::NAN);
        let spiral: Vec<[f32; 2]> = (0..g.node_count()).map(|i| phyllotaxis(i, 10.0, 0.0)).collect();
        let mut cold = Simulation::with_positions(g.clone(), params, spiral);
        cold.reheat_to(1.0);
        for _ in 0..300 {
            cold.tick();
        }
        let cold_stress = normalised_stress(&g, cold.positions(), 2000, 7).unwrap_or(f64::NAN);
        println!(
            "grid50 seed={seed} stress: pivot-mds start {start:.4}, after 300 steps {end:.4}; phyllotaxis start after 300 steps {cold_stress:.4}"
        );
    }

    let graph = AtlasGraph::bundled().unwrap_or_default();
    let t = Instant::now();
    let mut layout = AtlasLayout::new(&graph, 1);
    let built = t.elapsed();
    let t = Instant::now();
    let steps = layout.sim.run_to_rest(10_000);
    let ran = t.elapsed();
    let p = layout.sim.positions();
    let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
    for q in p {
        for a in 0..2 {
            lo[a] = lo[a].min(q[a]);
            hi[a] = hi[a].max(q[a]);
        }
    }
    println!(
        "bundled: {} nodes, {} edges; start {:.2} ms; settled in {steps} steps, {:.2} ms; span {:.0} × {:.0}",
        graph.node_count(),
        graph.edge_count(),
        built.as_secs_f64() * 1e3,
        ran.as_secs_f64() * 1e3,
        hi[0] - lo[0],
        hi[1] - lo[1]
    );

    for n in [10_000usize, 100_000] {
        let g = barabasi_albert(n, 2, 30.0, 1);
        let t = Instant::now();
        let mut sim = Simulation::new(g, params, 1);
        let init = t.elapsed();
        sim.steps(10);
        let t = Instant::now();
        let reps = if n > 50_000 { 10 } else { 50 };
        for _ in 0..reps {
            sim.tick();
        }
        println!(
            "ba{n}: start (pivot mds) {:.1} ms, step {:.2} ms",
            init.as_secs_f64() * 1e3,
            t.elapsed().as_secs_f64() * 1e3 / f64::from(reps)
        );
    }
    Ok(())
}
