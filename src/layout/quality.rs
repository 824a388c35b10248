//! Layout quality: normalised stress against shortest-path distances.

use super::graph::LayoutGraph;
use super::rng::SplitMix64;

/// Normalised stress of `positions` over `pairs` random node pairs: the mean
/// of `(s·|xᵢ − xⱼ| / dᵢⱼ − 1)²`, with `dᵢⱼ` the hop distance and `s` the
/// scale that minimises it (so the layout's size does not matter). 0 is a
/// perfect embedding of graph distance. Pairs in different components are
/// skipped. `None` when no connected pair could be drawn.
#[must_use]
pub fn normalised_stress(graph: &LayoutGraph, positions: &[[f32; 2]], pairs: usize, seed: u64) -> Option<f64> {
    let n = graph.node_count().min(positions.len());
    if n < 2 {
        return None;
    }
    let (offsets, targets) = graph.adjacency();
    let mut rng = SplitMix64::new(seed);
    let mut dist = vec![u32::MAX; graph.node_count()];
    let mut queue: Vec<u32> = Vec::new();
    let mut ratios = Vec::with_capacity(pairs);
    let mut attempts = 0;
    while ratios.len() < pairs && attempts < pairs * 10 {
        attempts += 1;
        let i = rng.below(n);
        let j = rng.below(n);
        if i == j {
            continue;
        }
        dist.fill(u32::MAX);
        dist[i] = 0;
        queue.clear();
        queue.push(i as u32);
        let mut head = 0;
        while let Some(&u) = queue.get(head) {
            head += 1;
            if u as usize == j {
                break;
            }
            for &v in &targets[offsets[u as usize] as usize..offsets[u as usize + 1] as usize] {
                if dist[v as usize] == u32::MAX {
                    dist[v as usize] = dist[u as usize] + 1;
                    queue.push(v);
                }
            }
        }
        if dist[j] == u32::MAX {
            continue;
        }
        let (a, b) = (positions[i], positions[j]);
        let e = f64::from(((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt());
        ratios.push(e / f64::from(dist[j]));
    }
    if ratios.is_empty() {
        return None;
    }
    let sum: f64 = ratios.iter().sum();
    let sum2: f64 = ratios.iter().map(|r| r * r).sum();
    let s = if sum2 > 0.0 { sum / sum2 } else { 0.0 };
    Some(ratios.iter().map(|r| (s * r - 1.0).powi(2)).sum::<f64>() / ratios.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::generate::grid;

    #[test]
    fn a_perfect_path_has_zero_stress_and_a_scrambled_one_does_not() {
        let mut g = LayoutGraph::new(20);
        for i in 1..20 {
            g.add_edge(i - 1, i, 1.0, 1.0).ok();
        }
        let line: Vec<[f32; 2]> = (0..20).map(|i| [i as f32 * 7.0, 0.0]).collect();
        let s = normalised_stress(&g, &line, 500, 1).unwrap_or(1.0);
        assert!(s < 1e-9, "{s}");
        let zigzag: Vec<[f32; 2]> = (0..20).map(|i| [(i % 2) as f32, 0.0]).collect();
        assert!(normalised_stress(&g, &zigzag, 500, 1).unwrap_or(0.0) > 0.3);
        assert!(normalised_stress(&grid(3, 3, 1.0), &[[0.0; 2]; 9], 10, 1).is_some());
    }
}
