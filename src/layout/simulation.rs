//! The stepper: one [`Simulation::step`] applies every force once, damps the
//! velocities, moves the nodes and cools `alpha`; once cool (or still) the
//! simulation is settled and steps are free until something wakes it.

use rayon::prelude::*;

use super::barnes_hut::{PARALLEL_MIN, PairForces, Tree};
use super::forces::{Springs, gravity};
use super::graph::LayoutGraph;
use super::initial;
use super::params::LayoutParams;

/// Nodes per parallel task when integrating.
const CHUNK: usize = 512;
/// Steps after a wake-up before stillness alone may settle the layout.
const MIN_HOT_STEPS: usize = 5;
/// Below this, alpha is flushed to exactly 0: forces scaled by it are far
/// below what an f32 position can register, and a geometric decay left alone
/// would reach subnormal floats (after ~3,800 steps), which are many times
/// slower to compute with.
const ALPHA_FLUSH: f32 = 1e-9;
/// A velocity component smaller than this (world units per step) is flushed
/// to exactly 0, so damping never drives it, or its square, subnormal.
const VELOCITY_FLUSH: f32 = 1e-12;

/// A force-directed layout in progress. See the [module](super) docs.
#[derive(Debug, Clone)]
pub struct Simulation {
    graph: LayoutGraph,
    params: LayoutParams,
    pos: Vec<[f32; 2]>,
    vel: Vec<[f32; 2]>,
    next_pos: Vec<[f32; 2]>,
    next_vel: Vec<[f32; 2]>,
    pinned: Vec<bool>,
    /// Held for a local continuation (see [`Simulation::hold`]): these
    /// nodes keep their positions, as pinned ones do, until a global wake.
    held: Vec<bool>,
    active: Vec<bool>,
    active_list: Vec<u32>,
    springs: Springs,
    tree: Tree,
    pair: Vec<[f32; 2]>,
    rank: Vec<u32>,
    alpha: f32,
    settled: bool,
    energy: f32,
    hot_steps: usize,
    topology_dirty: bool,
}

impl Simulation {
    /// A simulation of `graph`. Starts from the graph's initial positions if
    /// it has them (at `params.alpha_warm`), else from a seeded Pivot MDS
    /// layout (at `params.alpha_start`). Same graph and seed, same positions.
    #[must_use]
    pub fn new(graph: LayoutGraph, params: LayoutParams, seed: u64) -> Self {
        match graph.initial_positions() {
            Some(given) => {
                let mut positions = given.to_vec();
                initial::repair(&mut positions, &graph, seed);
                let mut sim = Self::with_positions(graph, params, positions);
                sim.alpha = params.alpha_warm;
                sim
            }
            None => {
                let positions = initial::pivot_mds(&graph, seed);
                let mut sim = Self::with_positions(graph, params, positions);
                sim.alpha = params.alpha_start;
                sim
            }
        }
    }

    /// A warm start from known positions (one per node; missing entries are
    /// placed near their neighbours, extra ones ignored, non-finite ones
    /// replaced). Starts at `params.alpha_warm`.
    #[must_use]
    pub fn with_positions(graph: LayoutGraph, params: LayoutParams, positions: Vec<[f32; 2]>) -> Self {
        let n = graph.node_count();
        let mut pos = positions;
        let known = pos.len().min(n);
        pos.truncate(n);
        initial::extend(&mut pos, &graph, known, 0);
        initial::repair(&mut pos, &graph, 0);
        let active = vec![true; n];
        let springs = Springs::build(&graph, &active);
        Simulation {
            params,
            pos,
            vel: vec![[0.0; 2]; n],
            next_pos: vec![[0.0; 2]; n],
            next_vel: vec![[0.0; 2]; n],
            pinned: vec![false; n],
            held: vec![false; n],
            active,
            active_list: (0..n as u32).collect(),
            springs,
            tree: Tree::default(),
            pair: Vec::with_capacity(n),
            rank: vec![u32::MAX; n],
            alpha: params.alpha_warm,
            settled: n == 0,
            energy: 0.0,
            hot_steps: 0,
            topology_dirty: false,
            graph,
        }
    }

    /// One step; nothing at all when settled.
    pub fn step(&mut self) {
        if !self.settled {
            self.tick();
        }
    }

    /// Up to `n` steps (fewer if the layout settles).
    pub fn steps(&mut self, n: usize) {
        for _ in 0..n {
            if self.settled {
                break;
            }
            self.tick();
        }
    }

    /// Steps until settled or `max_steps` were taken; returns the number taken.
    pub fn run_to_rest(&mut self, max_steps: usize) -> usize {
        let mut taken = 0;
        while taken < max_steps && !self.settled {
            self.tick();
            taken += 1;
        }
        taken
    }

    /// One step even if settled (alpha keeps cooling below its minimum, down
    /// to exactly 0 once negligible). For runs of an exact number of steps,
    /// like `wsis-atlas layout --ticks N`. Alpha and velocities are flushed to
    /// 0 before they could become subnormal floats, so a step costs the same
    /// however many came before.
    pub fn tick(&mut self) {
        let n = self.pos.len();
        if n == 0 {
            self.settled = true;
            return;
        }
        if self.topology_dirty {
            self.springs = Springs::build(&self.graph, &self.active);
            self.active_list.clear();
            self.active_list.extend((0..n as u32).filter(|&i| self.active[i as usize]));
            self.topology_dirty = false;
        }
        let p = self.params;
        self.alpha -= self.alpha * p.alpha_decay;
        if self.alpha < ALPHA_FLUSH {
            self.alpha = 0.0;
        }
        let alpha = self.alpha;

        self.tree.build(&self.pos, self.graph.radii(), self.graph.charges(), &self.active_list);
        let pair = PairForces {
            theta2: p.theta * p.theta,
            repulsion: p.repulsion * alpha,
            min_distance2: p.repulsion_min_distance * p.repulsion_min_distance,
            collision: p.collision,
        };
        self.tree.forces(pair, &mut self.pair);
        for (k, &i) in self.tree.ids.iter().enumerate() {
            self.rank[i as usize] = k as u32;
        }

        let keep = 1.0 - p.velocity_decay;
        let max2 = p.max_speed * p.max_speed;
        let (pos, vel) = (&self.pos[..], &self.vel[..]);
        let (active, pinned, held) = (&self.active[..], &self.pinned[..], &self.held[..]);
        let (springs, pair_dv, rank) = (&self.springs, &self.pair[..], &self.rank[..]);
        let integrate = |i: usize, np: &mut [f32; 2], nv: &mut [f32; 2]| {
            if !active[i] || pinned[i] || held[i] {
                *np = pos[i];
                *nv = [0.0, 0.0];
                return;
            }
            let ds = springs.velocity_change(i, pos, vel, alpha);
            let dg = gravity(pos[i], p.gravity, alpha);
            let dp = pair_dv.get(rank[i] as usize).copied().unwrap_or([0.0, 0.0]);
            let flush = |v: f32| if v.abs() < VELOCITY_FLUSH { 0.0 } else { v };
            let mut vx = flush((vel[i][0] + ds[0] + dg[0] + dp[0]) * keep);
            let mut vy = flush((vel[i][1] + ds[1] + dg[1] + dp[1]) * keep);
            let s2 = vx * vx + vy * vy;
            if !s2.is_finite() {
                vx = 0.0;
                vy = 0.0;
            } else if s2 > max2 {
                let s = p.max_speed / s2.sqrt();
                vx *= s;
                vy *= s;
            }
            *nv = [vx, vy];
            *np = [pos[i][0] + vx, pos[i][1] + vy];
        };
        if n >= PARALLEL_MIN {
            self.next_pos.par_chunks_mut(CHUNK).zip(self.next_vel.par_chunks_mut(CHUNK)).enumerate().for_each(
                |(c, (np, nv))| {
                    for (o, (np, nv)) in np.iter_mut().zip(nv.iter_mut()).enumerate() {
                        integrate(c * CHUNK + o, np, nv);
                    }
                },
            );
        } else {
            for (i, (np, nv)) in self.next_pos.iter_mut().zip(self.next_vel.iter_mut()).enumerate() {
                integrate(i, np, nv);
            }
        }
        std::mem::swap(&mut self.pos, &mut self.next_pos);
        std::mem::swap(&mut self.vel, &mut self.next_vel);

        // Energy: a sum in node order, so the same on every run.
        let mut sum = 0.0f64;
        let mut max_speed2 = 0.0f32;
        let mut moving = 0usize;
        for &i in &self.active_list {
            let i = i as usize;
            if self.pinned[i] || self.held[i] {
                continue;
            }
            let [vx, vy] = self.vel[i];
            let s2 = vx * vx + vy * vy;
            sum += f64::from(s2);
            max_speed2 = max_speed2.max(s2);
            moving += 1;
        }
        self.energy = if moving > 0 { (sum / moving as f64) as f32 } else { 0.0 };
        self.hot_steps += 1;
        let still = self.hot_steps >= MIN_HOT_STEPS && max_speed2 < p.settle_speed * p.settle_speed;
        if self.alpha < p.alpha_min || still || moving == 0 {
            self.settled = true;
        }
    }

    /// Whether the layout has come to rest (steps are free until it wakes).
    #[must_use]
    pub fn is_settled(&self) -> bool {
        self.settled
    }

    /// Positions, one per node (hidden nodes keep theirs).
    #[must_use]
    pub fn positions(&self) -> &[[f32; 2]] {
        &self.pos
    }

    /// Number of nodes.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.pos.len()
    }

    /// The graph being laid out.
    #[must_use]
    pub fn graph(&self) -> &LayoutGraph {
        &self.graph
    }

    /// The parameters in force.
    #[must_use]
    pub fn params(&self) -> &LayoutParams {
        &self.params
    }

    /// Changes the parameters and wakes the layout.
    pub fn set_params(&mut self, params: LayoutParams) {
        self.params = params;
        self.topology_dirty = true;
        self.release_hold();
        self.wake(params.alpha_warm);
    }

    /// Current temperature (1 = hot, below `alpha_min` = settled).
    #[must_use]
    pub fn alpha(&self) -> f32 {
        self.alpha
    }

    /// Mean squared speed of the free, active nodes over the last step
    /// (world units² per step²): falls toward 0 as the layout settles.
    #[must_use]
    pub fn energy(&self) -> f32 {
        self.energy
    }

    /// Moves node `i` (a drag): its velocity is reset and the layout warms a
    /// little. Ignored for an index out of range or a non-finite position.
    pub fn set_position(&mut self, i: usize, p: [f32; 2]) {
        if i >= self.pos.len() || !p[0].is_finite() || !p[1].is_finite() {
            return;
        }
        self.pos[i] = p;
        self.vel[i] = [0.0, 0.0];
        self.wake(self.params.alpha_nudge);
    }

    /// Puts every node at `positions` (one per node; extra entries are
    /// ignored, missing or non-finite ones leave the node where it is) with
    /// no velocity, and leaves the layout at rest: an arrangement computed
    /// elsewhere (see [`super::reading`]), shown as it is.
    pub fn place_at_rest(&mut self, positions: &[[f32; 2]]) {
        for (i, p) in positions.iter().enumerate().take(self.pos.len()) {
            if p[0].is_finite() && p[1].is_finite() {
                self.pos[i] = *p;
            }
            self.vel[i] = [0.0, 0.0];
        }
        self.settled = true;
    }

    /// Pins or frees node `i`: a pinned node keeps its position (it still
    /// pushes and pulls the others). Freeing warms the layout a little.
    pub fn set_pinned(&mut self, i: usize, pinned: bool) {
        let Some(slot) = self.pinned.get_mut(i) else { return };
        if *slot == pinned {
            return;
        }
        *slot = pinned;
        self.vel[i] = [0.0, 0.0];
        if !pinned {
            self.wake(self.params.alpha_nudge);
        }
    }

    /// Whether node `i` is pinned (false for an index out of range).
    #[must_use]
    pub fn is_pinned(&self, i: usize) -> bool {
        self.pinned.get(i).copied().unwrap_or(false)
    }

    /// Shows or hides node `i`. A hidden node exerts and feels no force and
    /// keeps its position; the others continue from where they are.
    pub fn set_active(&mut self, i: usize, active: bool) {
        let Some(slot) = self.active.get_mut(i) else { return };
        if *slot == active {
            return;
        }
        *slot = active;
        self.vel[i] = [0.0, 0.0];
        self.topology_dirty = true;
        self.release_hold();
        self.wake(self.params.alpha_warm);
    }

    /// Whether node `i` is shown (false for an index out of range).
    #[must_use]
    pub fn is_active(&self, i: usize) -> bool {
        self.active.get(i).copied().unwrap_or(false)
    }

    /// Warms the layout to `params.alpha_warm` (if cooler) and wakes it
    /// (every node: any hold is released).
    pub fn reheat(&mut self) {
        self.release_hold();
        self.wake(self.params.alpha_warm);
    }

    /// Warms the layout to `alpha` (if cooler) and wakes it (every node:
    /// any hold is released).
    pub fn reheat_to(&mut self, alpha: f32) {
        if alpha.is_finite() {
            self.release_hold();
            self.wake(alpha.clamp(0.0, 1.0));
        }
    }

    /// Holds the nodes marked in `held` (one flag per node; missing ones are
    /// free) where they are: until [`Simulation::release_hold`] or a global
    /// wake (reheat, showing or hiding nodes, new parameters) only the others
    /// move. A drag uses it so that only the dragged node's neighbourhood
    /// adjusts and the rest of the map stays still.
    pub fn hold(&mut self, held: &[bool]) {
        for (i, slot) in self.held.iter_mut().enumerate() {
            *slot = held.get(i).copied().unwrap_or(false);
            if *slot {
                self.vel[i] = [0.0, 0.0];
            }
        }
    }

    /// Frees every held node (they move again once the layout is awake).
    pub fn release_hold(&mut self) {
        self.held.fill(false);
    }

    /// Whether node `i` is held (see [`Simulation::hold`]).
    #[must_use]
    pub fn is_held(&self, i: usize) -> bool {
        self.held.get(i).copied().unwrap_or(false)
    }

    fn wake(&mut self, alpha: f32) {
        self.alpha = self.alpha.max(alpha);
        self.settled = self.pos.is_empty();
        self.hot_steps = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A path of `n` nodes: a grid one row high.
    fn path(n: usize) -> LayoutGraph {
        crate::layout::generate::grid(n, 1, 30.0)
    }

    #[test]
    fn a_path_settles_and_then_steps_are_free() {
        let mut sim = Simulation::new(path(20), LayoutParams::default(), 1);
        let taken = sim.run_to_rest(1000);
        assert!(sim.is_settled(), "took {taken}");
        assert!(taken < 400);
        let before = sim.positions().to_vec();
        sim.steps(10);
        assert_eq!(before, sim.positions());
        sim.reheat();
        assert!(!sim.is_settled());
    }

    #[test]
    fn pinned_and_hidden_nodes_stay_put() {
        let mut sim = Simulation::new(path(10), LayoutParams::default(), 2);
        sim.set_pinned(0, true);
        sim.set_position(0, [500.0, 500.0]);
        sim.set_active(5, false);
        let hidden = sim.positions()[5];
        sim.steps(50);
        assert_eq!(sim.positions()[0], [500.0, 500.0]);
        assert_eq!(sim.positions()[5], hidden);
        assert!(sim.is_pinned(0) && !sim.is_active(5));
    }

    #[test]
    fn long_runs_never_go_subnormal() {
        let zero_or_normal = |v: f32| v == 0.0 || v.is_normal();
        let mut g = path(30);
        g.add_edge(0, 29, 30.0, 1.0).ok();
        let mut sim = Simulation::new(g, LayoutParams::default(), 3);
        // Collision off: nothing then keeps a settled node moving, so velocity
        // only decays; alpha decays geometrically (subnormal after ~3,800).
        sim.set_params(LayoutParams { collision: 0.0, ..LayoutParams::default() });
        for t in 0..10_000 {
            sim.tick();
            assert!(zero_or_normal(sim.alpha()), "alpha {:e} at tick {t}", sim.alpha());
            for (i, v) in sim.vel.iter().enumerate() {
                assert!(v.iter().all(|&c| zero_or_normal(c)), "velocity {v:?} of node {i} at tick {t}");
            }
            assert!(sim.positions().iter().flatten().all(|c| c.is_finite()));
        }
        assert_eq!(sim.alpha(), 0.0);
        assert!(sim.vel.iter().flatten().all(|&c| c == 0.0), "still moving: {:?}", sim.vel);
        assert!(zero_or_normal(sim.energy()));
    }

    #[test]
    fn empty_and_single_graphs_are_fine() {
        let mut sim = Simulation::new(LayoutGraph::new(0), LayoutParams::default(), 0);
        sim.steps(5);
        assert!(sim.is_settled());
        let mut sim = Simulation::new(LayoutGraph::new(1), LayoutParams::default(), 0);
        sim.tick();
        assert!(sim.positions()[0].iter().all(|v| v.is_finite()));
    }
}
