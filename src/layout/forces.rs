//! The forces that are not pairwise: springs along edges (d3's link force:
//! stiffness shared out by degree) and gravity toward the origin.
//!
//! Springs are stored per node as compressed rows, each edge once from each
//! end, so every node's velocity change is computed on its own (in parallel,
//! without a reduction: deterministic).

use super::graph::LayoutGraph;

/// Springs between active nodes, as rows per node.
#[derive(Debug, Clone, Default)]
pub struct Springs {
    offsets: Vec<u32>,
    other: Vec<u32>,
    length: Vec<f32>,
    /// Stiffness times this end's share of the correction.
    weight: Vec<f32>,
}

impl Springs {
    /// The springs of `graph` whose two ends are active (self-loops dropped).
    ///
    /// Each edge's stiffness is `strength / min(degree(s), degree(t))` (d3's
    /// default, so hubs are not torn apart), and the correction is shared so
    /// that the end with more links moves less.
    #[must_use]
    pub fn build(graph: &LayoutGraph, active: &[bool]) -> Self {
        let n = graph.node_count();
        let live = |s: u32, t: u32| {
            s != t
                && active.get(s as usize).copied().unwrap_or(false)
                && active.get(t as usize).copied().unwrap_or(false)
        };
        let mut count = vec![0u32; n];
        for e in graph.edges() {
            if live(e.source, e.target) {
                count[e.source as usize] += 1;
                count[e.target as usize] += 1;
            }
        }
        let mut offsets = vec![0u32; n + 1];
        for i in 0..n {
            offsets[i + 1] = offsets[i] + count[i];
        }
        let total = offsets[n] as usize;
        let mut fill: Vec<u32> = offsets[..n].to_vec();
        let mut other = vec![0u32; total];
        let mut length = vec![0f32; total];
        let mut weight = vec![0f32; total];
        for e in graph.edges() {
            if !live(e.source, e.target) {
                continue;
            }
            let (s, t) = (e.source as usize, e.target as usize);
            let (cs, ct) = (count[s] as f32, count[t] as f32);
            let k = e.strength / cs.min(ct);
            for (me, them, share) in [(s, e.target, ct / (cs + ct)), (t, e.source, cs / (cs + ct))] {
                let slot = fill[me] as usize;
                fill[me] += 1;
                other[slot] = them;
                length[slot] = e.length;
                weight[slot] = k * share;
            }
        }
        Springs { offsets, other, length, weight }
    }

    /// Number of springs attached to node `i` (its active degree).
    #[must_use]
    pub fn degree(&self, i: usize) -> usize {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => (b - a) as usize,
            _ => 0,
        }
    }

    /// The velocity change of node `i` from its springs, d3-style: each
    /// spring moves its ends toward its rest length, looking one step ahead
    /// (position plus velocity).
    #[inline]
    #[must_use]
    pub fn velocity_change(&self, i: usize, pos: &[[f32; 2]], vel: &[[f32; 2]], alpha: f32) -> [f32; 2] {
        let (Some(&a), Some(&b)) = (self.offsets.get(i), self.offsets.get(i + 1)) else { return [0.0, 0.0] };
        let (a, b) = (a as usize, b as usize);
        let [px, py] = pos[i];
        let [vx, vy] = vel[i];
        let (ax, ay) = (px + vx, py + vy);
        let (mut dx, mut dy) = (0.0f32, 0.0f32);
        for s in a..b {
            let j = self.other[s] as usize;
            let mut x = pos[j][0] + vel[j][0] - ax;
            let mut y = pos[j][1] + vel[j][1] - ay;
            let mut l2 = x * x + y * y;
            if l2 == 0.0 {
                [x, y] = super::barnes_hut::jiggle(i as u32, j as u32);
                l2 = x * x + y * y;
            }
            let l = l2.sqrt();
            let f = (l - self.length[s]) / l * alpha * self.weight[s];
            dx += x * f;
            dy += y * f;
        }
        [dx, dy]
    }
}

/// The velocity change from gravity toward the origin.
#[inline]
#[must_use]
pub fn gravity(p: [f32; 2], strength: f32, alpha: f32) -> [f32; 2] {
    let k = strength * alpha;
    [-p[0] * k, -p[1] * k]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stretched_spring_pulls_both_ends_together_and_hubs_move_less() {
        let mut g = LayoutGraph::new(3);
        g.add_edge(0, 1, 10.0, 1.0).ok();
        g.add_edge(0, 2, 10.0, 1.0).ok();
        g.add_edge(1, 1, 10.0, 1.0).ok(); // self-loop: ignored
        let springs = Springs::build(&g, &[true, true, true]);
        assert_eq!(springs.degree(0), 2);
        assert_eq!(springs.degree(1), 1);
        let pos = [[0.0, 0.0], [100.0, 0.0], [-100.0, 0.0]];
        let vel = [[0.0; 2]; 3];
        let d1 = springs.velocity_change(1, &pos, &vel, 1.0);
        assert!(d1[0] < 0.0);
        // Node 0 is pulled both ways equally.
        let d0 = springs.velocity_change(0, &pos, &vel, 1.0);
        assert!(d0[0].abs() < 1e-4);
        // Hide node 2: node 0's spring to 1 now pulls it right.
        let springs = Springs::build(&g, &[true, true, false]);
        assert!(springs.velocity_change(0, &pos, &vel, 1.0)[0] > 0.0);
        assert_eq!(springs.degree(2), 0);
    }
}
