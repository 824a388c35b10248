//! The layout's input: `n` nodes (a radius and a charge each) and edges with a
//! rest length and a stiffness. Plain indices `0..n`, no ids: the callers
//! ([`atlas`](super::atlas), [`io`](super::io)) keep the mapping.

/// Radius given to nodes when the caller says nothing (world units).
pub const DEFAULT_RADIUS: f32 = 5.0;
/// Rest length given to edges when the caller says nothing (world units).
pub const DEFAULT_LENGTH: f32 = 30.0;

/// One spring: between `source` and `target`, resting at `length` world units,
/// with `strength` in `(0, 1]` (1 = as firm as d3's default link).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutEdge {
    /// One end (node index).
    pub source: u32,
    /// The other end (node index).
    pub target: u32,
    /// Rest length, world units.
    pub length: f32,
    /// Stiffness multiplier, `0..=1`.
    pub strength: f32,
}

/// Why a [`LayoutGraph`] refused a change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayoutGraphError {
    /// An edge names a node index that does not exist.
    #[error("edge {from} → {target} names a node outside 0..{count}")]
    NodeOutOfRange {
        /// Source index given.
        from: usize,
        /// Target index given.
        target: usize,
        /// Number of nodes.
        count: usize,
    },
    /// A list of positions does not have one entry per node.
    #[error("{given} positions given for {count} nodes")]
    PositionCount {
        /// Entries given.
        given: usize,
        /// Number of nodes.
        count: usize,
    },
}

/// What to lay out: nodes `0..n` with a radius and a charge, and springs.
///
/// Values that are not finite or are negative are replaced by defaults when
/// set, so a simulation never sees them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LayoutGraph {
    radius: Vec<f32>,
    charge: Vec<f32>,
    edges: Vec<LayoutEdge>,
    initial: Option<Vec<[f32; 2]>>,
}

fn sane(value: f32, default: f32) -> f32 {
    if value.is_finite() && value >= 0.0 { value } else { default }
}

impl LayoutGraph {
    /// `n` nodes of [`DEFAULT_RADIUS`] and charge 1, no edges.
    #[must_use]
    pub fn new(n: usize) -> Self {
        LayoutGraph { radius: vec![DEFAULT_RADIUS; n], charge: vec![1.0; n], edges: Vec::new(), initial: None }
    }

    /// Nodes with the given radii (charge 1), no edges.
    #[must_use]
    pub fn with_radii(radii: Vec<f32>) -> Self {
        let radius: Vec<f32> = radii.into_iter().map(|r| sane(r, DEFAULT_RADIUS)).collect();
        let charge = vec![1.0; radius.len()];
        LayoutGraph { radius, charge, edges: Vec::new(), initial: None }
    }

    /// Number of nodes.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.radius.len()
    }

    /// Number of edges (self-loops included; the simulation ignores them).
    #[must_use]
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// Adds a node; returns its index.
    pub fn add_node(&mut self, radius: f32) -> usize {
        self.radius.push(sane(radius, DEFAULT_RADIUS));
        self.charge.push(1.0);
        if let Some(initial) = &mut self.initial {
            initial.push([0.0, 0.0]);
        }
        self.radius.len() - 1
    }

    /// Adds a spring between `source` and `target`.
    ///
    /// # Errors
    ///
    /// [`LayoutGraphError::NodeOutOfRange`] if either index is not a node.
    pub fn add_edge(
        &mut self,
        source: usize,
        target: usize,
        length: f32,
        strength: f32,
    ) -> Result<(), LayoutGraphError> {
        let count = self.node_count();
        if source >= count || target >= count || count > u32::MAX as usize {
            return Err(LayoutGraphError::NodeOutOfRange { from: source, target, count });
        }
        self.edges.push(LayoutEdge {
            source: source as u32,
            target: target as u32,
            length: sane(length, DEFAULT_LENGTH),
            strength: sane(strength, 1.0).min(1.0),
        });
        Ok(())
    }

    /// Sets a node's radius; ignored for an index out of range.
    pub fn set_radius(&mut self, i: usize, radius: f32) {
        if let Some(r) = self.radius.get_mut(i) {
            *r = sane(radius, DEFAULT_RADIUS);
        }
    }

    /// Sets a node's charge (repulsion multiplier, default 1); ignored for an
    /// index out of range.
    pub fn set_charge(&mut self, i: usize, charge: f32) {
        if let Some(c) = self.charge.get_mut(i) {
            *c = sane(charge, 1.0);
        }
    }

    /// Gives starting positions that already mean something; a
    /// [`Simulation::new`](super::Simulation::new) uses them instead of its
    /// seeded start. Non-finite entries are replaced by seeded ones.
    ///
    /// # Errors
    ///
    /// [`LayoutGraphError::PositionCount`] unless there is one per node.
    pub fn set_initial_positions(&mut self, positions: Vec<[f32; 2]>) -> Result<(), LayoutGraphError> {
        if positions.len() != self.node_count() {
            return Err(LayoutGraphError::PositionCount { given: positions.len(), count: self.node_count() });
        }
        self.initial = Some(positions);
        Ok(())
    }

    /// The starting positions given, if any.
    #[must_use]
    pub fn initial_positions(&self) -> Option<&[[f32; 2]]> {
        self.initial.as_deref()
    }

    /// Every edge, in the order added.
    #[must_use]
    pub fn edges(&self) -> &[LayoutEdge] {
        &self.edges
    }

    /// Radii, one per node.
    #[must_use]
    pub fn radii(&self) -> &[f32] {
        &self.radius
    }

    /// Charges, one per node.
    #[must_use]
    pub fn charges(&self) -> &[f32] {
        &self.charge
    }

    /// Neighbour lists (both directions, self-loops dropped), as compressed
    /// rows: `offsets[i]..offsets[i + 1]` indexes `targets`.
    #[must_use]
    pub fn adjacency(&self) -> (Vec<u32>, Vec<u32>) {
        let n = self.node_count();
        let mut offsets = vec![0u32; n + 1];
        for e in &self.edges {
            if e.source != e.target {
                offsets[e.source as usize + 1] += 1;
                offsets[e.target as usize + 1] += 1;
            }
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; offsets[n] as usize];
        for e in &self.edges {
            if e.source != e.target {
                let (s, t) = (e.source as usize, e.target as usize);
                targets[fill[s] as usize] = e.target;
                fill[s] += 1;
                targets[fill[t] as usize] = e.source;
                fill[t] += 1;
            }
        }
        (offsets, targets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_values_are_replaced_and_bad_indices_refused() {
        let mut g = LayoutGraph::with_radii(vec![f32::NAN, -1.0, 3.0]);
        assert_eq!(g.radii(), &[DEFAULT_RADIUS, DEFAULT_RADIUS, 3.0]);
        assert!(g.add_edge(0, 3, 10.0, 1.0).is_err());
        g.add_edge(0, 1, f32::INFINITY, 7.0).ok();
        assert_eq!(g.edges()[0].length, DEFAULT_LENGTH);
        assert_eq!(g.edges()[0].strength, 1.0);
        assert!(g.set_initial_positions(vec![[0.0, 0.0]]).is_err());
        let (offsets, targets) = g.adjacency();
        assert_eq!(offsets, vec![0, 1, 2, 2]);
        assert_eq!(targets, vec![1, 0]);
    }
}
