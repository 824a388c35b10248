//! Pins that hold: moving a node (a drag, an undo) puts it exactly where it
//! is asked to go and pins it there; only its neighbourhood (up to
//! [`LOCAL_HOPS`] hops) continues, warm and at low energy
//! (`alpha_nudge`), while the rest of the map is held still.

use petgraph::stable_graph::NodeIndex;

use super::atlas::AtlasLayout;
use super::graph::LayoutGraph;

/// Hops around a moved node that may adjust; farther nodes are held.
pub const LOCAL_HOPS: usize = 2;

/// Where a node is and whether it is pinned: what a move changes and an
/// undo restores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// World position.
    pub pos: [f32; 2],
    /// Whether the node is pinned.
    pub pinned: bool,
}

/// Flags the nodes farther than `hops` hops from `start` (or not connected
/// to it): the nodes a local continuation holds.
#[must_use]
pub fn beyond(graph: &LayoutGraph, start: usize, hops: usize) -> Vec<bool> {
    let n = graph.node_count();
    let mut far = vec![true; n];
    if start >= n {
        return far;
    }
    let (offsets, targets) = graph.adjacency();
    let mut frontier = vec![start];
    far[start] = false;
    for _ in 0..hops {
        let mut next = Vec::new();
        for &i in &frontier {
            for &t in &targets[offsets[i] as usize..offsets[i + 1] as usize] {
                let t = t as usize;
                if far[t] {
                    far[t] = false;
                    next.push(t);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    far
}

impl AtlasLayout {
    /// Where a graph node is and whether it is pinned.
    #[must_use]
    pub fn placement(&self, n: NodeIndex) -> Option<Placement> {
        Some(Placement { pos: self.position(n)?, pinned: self.is_pinned(n) })
    }

    /// Starts a drag of `n`: it is pinned (so that the layout never pulls it
    /// away from the pointer) and everything beyond [`LOCAL_HOPS`] is held.
    /// Returns the placements of what may move (`n` first, then its
    /// neighbourhood), for undo.
    pub fn begin_drag(&mut self, n: NodeIndex) -> Vec<(NodeIndex, Placement)> {
        let Some(&i) = self.index_of.get(&n) else { return Vec::new() };
        let held = beyond(self.sim.graph(), i, LOCAL_HOPS);
        let mut free = vec![n];
        free.extend((0..held.len()).filter(|&k| !held[k] && k != i).filter_map(|k| self.node_at.get(k).copied()));
        let before = free.into_iter().filter_map(|m| Some((m, self.placement(m)?))).collect();
        self.sim.hold(&held);
        self.sim.set_pinned(i, true);
        before
    }

    /// Puts `n` at `to` (pinned or free) with a local continuation: its
    /// neighbourhood adjusts, the rest of the map is held. What a drag's
    /// release does.
    pub fn place(&mut self, n: NodeIndex, to: Placement) {
        let Some(&i) = self.index_of.get(&n) else { return };
        let held = beyond(self.sim.graph(), i, LOCAL_HOPS);
        self.sim.hold(&held);
        // Pinned while moved, so the move itself is exact.
        self.sim.set_pinned(i, true);
        self.sim.set_position(i, to.pos);
        if !to.pinned {
            self.sim.set_pinned(i, false);
        }
    }

    /// Puts every listed node back at its placement. With `settle_there`
    /// every node is held, so that the map is exactly that state (an undo
    /// back to a map at rest); else the listed nodes continue warm from there
    /// and the others are held (a redo).
    pub fn restore(&mut self, placements: &[(NodeIndex, Placement)], settle_there: bool) {
        let mut held = vec![true; self.sim.node_count()];
        if !settle_there {
            for (n, _) in placements {
                if let Some(&i) = self.index_of.get(n) {
                    held[i] = false;
                }
            }
        }
        self.sim.hold(&held);
        for &(n, to) in placements {
            let Some(&i) = self.index_of.get(&n) else { continue };
            self.sim.set_pinned(i, true);
            self.sim.set_position(i, to.pos);
            if !to.pinned {
                self.sim.set_pinned(i, false);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{LayoutParams, Simulation};

    /// A path of `n` nodes: a grid one row high.
    fn path(n: usize) -> LayoutGraph {
        crate::layout::generate::grid(n, 1, 30.0)
    }

    #[test]
    fn beyond_flags_nodes_more_than_k_hops_away() {
        let far = beyond(&path(6), 1, 2);
        assert_eq!(far, vec![false, false, false, false, true, true]);
        assert!(beyond(&path(3), 9, 1).iter().all(|&f| f));
    }

    #[test]
    fn held_nodes_stay_while_the_neighbourhood_adjusts() {
        let mut sim = Simulation::new(path(12), LayoutParams::default(), 4);
        sim.run_to_rest(5_000);
        let before = sim.positions().to_vec();
        sim.hold(&beyond(sim.graph(), 0, 2));
        sim.set_pinned(0, true);
        sim.set_position(0, [before[0][0] + 80.0, before[0][1] - 60.0]);
        sim.run_to_rest(2_000);
        let after = sim.positions();
        assert_eq!(after[0], [before[0][0] + 80.0, before[0][1] - 60.0], "the moved node is exactly there");
        assert!(after[1] != before[1], "its neighbour adjusted");
        for i in 3..12 {
            assert_eq!(after[i], before[i], "node {i} is beyond two hops: held");
        }
        sim.reheat();
        assert!(!sim.is_held(5), "a global wake releases the hold");
    }
}
