//! Seeded test graphs for benches, tests and examples: Barabási–Albert
//! (scale-free, like citation networks) and square grids (whose ideal layout
//! is known, for measuring quality).

use super::graph::LayoutGraph;
use super::rng::SplitMix64;

/// A Barabási–Albert graph: `n` nodes, each new node linked to `m` distinct
/// earlier nodes chosen with probability proportional to their degree.
/// Starts from a complete graph on `m + 1` nodes. Same `seed`, same graph.
/// Edges rest at `length`; every node has the default radius.
#[must_use]
pub fn barabasi_albert(n: usize, m: usize, length: f32, seed: u64) -> LayoutGraph {
    let mut g = LayoutGraph::new(n);
    let m = m.max(1);
    let core = (m + 1).min(n);
    // Every edge end, so a uniform pick from it is a degree-proportional pick.
    let mut ends: Vec<u32> = Vec::with_capacity(2 * n * m);
    for i in 0..core {
        for j in 0..i {
            g.add_edge(j, i, length, 1.0).ok();
            ends.push(i as u32);
            ends.push(j as u32);
        }
    }
    let mut rng = SplitMix64::new(seed);
    let mut chosen: Vec<u32> = Vec::with_capacity(m);
    for i in core..n {
        chosen.clear();
        while chosen.len() < m.min(i) {
            let t = ends[rng.below(ends.len())];
            if !chosen.contains(&t) {
                chosen.push(t);
            }
        }
        for &t in &chosen {
            g.add_edge(i, t as usize, length, 1.0).ok();
            ends.push(i as u32);
            ends.push(t);
        }
    }
    g
}

/// A `width × height` grid (node `y·width + x`), edges of rest `length`.
#[must_use]
pub fn grid(width: usize, height: usize, length: f32) -> LayoutGraph {
    let mut g = LayoutGraph::new(width * height);
    for y in 0..height {
        for x in 0..width {
            let i = y * width + x;
            if x + 1 < width {
                g.add_edge(i, i + 1, length, 1.0).ok();
            }
            if y + 1 < height {
                g.add_edge(i, i + width, length, 1.0).ok();
            }
        }
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ba_has_m_edges_per_new_node_and_is_seeded() {
        let g = barabasi_albert(1000, 2, 30.0, 9);
        assert_eq!(g.edge_count(), 3 + 2 * (1000 - 3));
        assert_eq!(g, barabasi_albert(1000, 2, 30.0, 9));
        assert_ne!(g, barabasi_albert(1000, 2, 30.0, 10));
        assert!(g.edges().iter().all(|e| e.source != e.target));
        let g = grid(4, 3, 1.0);
        assert_eq!(g.edge_count(), 3 * 3 + 4 * 2);
    }
}
