//! A flat Barnes–Hut quadtree, rebuilt every step, and the pairwise forces it
//! approximates: repulsion (`q_i q_j k / d`, as d3's many-body force) and
//! collision between discs.
//!
//! The active nodes are sorted by Morton (Z-order) code, so every cell of the
//! tree is a contiguous range of the sorted arrays and neighbours in space are
//! neighbours in memory. Cells are stored in pre-order with a `next` index (the
//! cell after the subtree), so a traversal is a loop without a stack. All
//! buffers are kept between steps: a step allocates nothing once the buffers
//! have grown to the graph's size.

use rayon::prelude::*;

/// Most points a leaf holds (unless all share one position at full depth).
pub const LEAF_SIZE: usize = 8;
/// Quantisation bits per axis of the Morton code (and the deepest level).
const DEPTH: u32 = 16;
/// Points per parallel task.
const CHUNK: usize = 256;
/// Below this many points everything runs on the calling thread.
pub const PARALLEL_MIN: usize = 4096;

/// One cell: a square region's bodies summed up.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cell {
    /// Centre of charge.
    cx: f32,
    cy: f32,
    /// Total charge.
    mass: f32,
    /// Squared width of the cell's bounding box (its larger side).
    w2: f32,
    /// Bounding box of its points.
    min_x: f32,
    min_y: f32,
    max_x: f32,
    max_y: f32,
    /// Largest radius among its points.
    max_r: f32,
    /// Index of the cell after this subtree.
    next: u32,
    /// Points `start..end` of the sorted arrays.
    start: u32,
    end: u32,
    /// Whether the cell is a leaf (its points are visited one by one).
    leaf: bool,
}

/// What the pairwise pass needs to know besides the tree.
#[derive(Debug, Clone, Copy)]
pub struct PairForces {
    /// `theta²`.
    pub theta2: f32,
    /// Repulsion constant times alpha.
    pub repulsion: f32,
    /// Squared minimum distance for repulsion.
    pub min_distance2: f32,
    /// Collision strength (0 = off).
    pub collision: f32,
}

/// The tree and the active nodes in Morton order.
#[derive(Debug, Default, Clone)]
pub struct Tree {
    cells: Vec<Cell>,
    /// `code << 32 | node`, sorted.
    keys: Vec<u64>,
    /// Node index of each sorted point.
    pub ids: Vec<u32>,
    xs: Vec<f32>,
    ys: Vec<f32>,
    rs: Vec<f32>,
    qs: Vec<f32>,
}

#[inline]
fn spread_bits(v: u32) -> u64 {
    let mut x = u64::from(v & 0xFFFF);
    x = (x | (x << 8)) & 0x00FF_00FF;
    x = (x | (x << 4)) & 0x0F0F_0F0F;
    x = (x | (x << 2)) & 0x3333_3333;
    x = (x | (x << 1)) & 0x5555_5555;
    x
}

impl Tree {
    /// Number of cells of the last build.
    #[must_use]
    pub fn cell_count(&self) -> usize {
        self.cells.len()
    }

    /// Number of points of the last build.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the last build had no points.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Rebuilds the tree over the nodes listed in `active` (indices into the
    /// other slices, which must be at least that long).
    pub fn build(&mut self, positions: &[[f32; 2]], radius: &[f32], charge: &[f32], active: &[u32]) {
        let n = active.len();
        self.cells.clear();
        self.keys.clear();
        self.ids.clear();
        self.xs.clear();
        self.ys.clear();
        self.rs.clear();
        self.qs.clear();
        if n == 0 {
            return;
        }
        let parallel = n >= PARALLEL_MIN;
        // Bounding box (min/max are exact in any order: deterministic).
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for &i in active {
            let [x, y] = positions[i as usize];
            min_x = min_x.min(x);
            min_y = min_y.min(y);
            max_x = max_x.max(x);
            max_y = max_y.max(y);
        }
        let side = (max_x - min_x).max(max_y - min_y);
        let scale = if side > 0.0 { 65535.0 / side } else { 0.0 };
        let key = |&i: &u32| -> u64 {
            let [x, y] = positions[i as usize];
            let qx = ((x - min_x) * scale).clamp(0.0, 65535.0) as u32;
            let qy = ((y - min_y) * scale).clamp(0.0, 65535.0) as u32;
            let code = spread_bits(qx) | (spread_bits(qy) << 1);
            (code << 32) | u64::from(i)
        };
        self.keys.resize(n, 0);
        if parallel {
            self.keys.par_chunks_mut(CHUNK).zip(active.par_chunks(CHUNK)).for_each(|(k, a)| {
                for (k, a) in k.iter_mut().zip(a) {
                    *k = key(a);
                }
            });
            // Keys are unique (they end in the node index): any sort gives one order.
            self.keys.par_sort_unstable();
        } else {
            for (k, a) in self.keys.iter_mut().zip(active) {
                *k = key(a);
            }
            self.keys.sort_unstable();
        }
        self.ids.extend(self.keys.iter().map(|k| (*k & 0xFFFF_FFFF) as u32));
        for &i in &self.ids {
            let [x, y] = positions[i as usize];
            self.xs.push(x);
            self.ys.push(y);
            self.rs.push(radius[i as usize]);
            self.qs.push(charge[i as usize]);
        }
        self.build_cell(0, n, 0);
    }

    /// Emits the cell over sorted points `lo..hi` (all sharing their code
    /// above `level`) and its subtree; returns its index.
    fn build_cell(&mut self, lo: usize, hi: usize, mut level: u32) -> usize {
        let index = self.cells.len();
        self.cells.push(Cell::default());
        let mut children = [0usize; 4];
        let mut child_count = 0;
        loop {
            if hi - lo <= LEAF_SIZE || level >= DEPTH {
                break;
            }
            let shift = 32 + 2 * (DEPTH - 1 - level);
            let quad = |k: &u64| (k >> shift) & 3;
            let keys = &self.keys[lo..hi];
            let b1 = lo + keys.partition_point(|k| quad(k) < 1);
            let b2 = lo + keys.partition_point(|k| quad(k) < 2);
            let b3 = lo + keys.partition_point(|k| quad(k) < 3);
            let bounds = [lo, b1, b2, b3, hi];
            let non_empty = bounds.windows(2).filter(|w| w[0] < w[1]).count();
            if non_empty == 1 {
                // All in one quadrant: go down without emitting a cell.
                level += 1;
                continue;
            }
            for w in bounds.windows(2) {
                if w[0] < w[1] {
                    children[child_count] = self.build_cell(w[0], w[1], level + 1);
                    child_count += 1;
                }
            }
            break;
        }
        let mut cell = Cell {
            min_x: f32::MAX,
            min_y: f32::MAX,
            max_x: f32::MIN,
            max_y: f32::MIN,
            start: lo as u32,
            end: hi as u32,
            ..Cell::default()
        };
        let (mut sx, mut sy) = (0.0f32, 0.0f32);
        if child_count == 0 {
            cell.leaf = true;
            for k in lo..hi {
                let (x, y, q) = (self.xs[k], self.ys[k], self.qs[k]);
                cell.min_x = cell.min_x.min(x);
                cell.min_y = cell.min_y.min(y);
                cell.max_x = cell.max_x.max(x);
                cell.max_y = cell.max_y.max(y);
                cell.max_r = cell.max_r.max(self.rs[k]);
                cell.mass += q;
                sx += q * x;
                sy += q * y;
            }
        } else {
            for &c in &children[..child_count] {
                let child = self.cells[c];
                cell.min_x = cell.min_x.min(child.min_x);
                cell.min_y = cell.min_y.min(child.min_y);
                cell.max_x = cell.max_x.max(child.max_x);
                cell.max_y = cell.max_y.max(child.max_y);
                cell.max_r = cell.max_r.max(child.max_r);
                cell.mass += child.mass;
                sx += child.mass * child.cx;
                sy += child.mass * child.cy;
            }
        }
        if cell.mass > 0.0 {
            cell.cx = sx / cell.mass;
            cell.cy = sy / cell.mass;
        } else {
            cell.cx = 0.5 * (cell.min_x + cell.max_x);
            cell.cy = 0.5 * (cell.min_y + cell.max_y);
        }
        let w = (cell.max_x - cell.min_x).max(cell.max_y - cell.min_y);
        cell.w2 = w * w;
        cell.next = self.cells.len() as u32;
        self.cells[index] = cell;
        index
    }

    /// The velocity change from repulsion and collision on every sorted
    /// point, into `out` (resized to the number of points; `out[k]` belongs to
    /// node `ids[k]`).
    pub fn forces(&self, f: PairForces, out: &mut Vec<[f32; 2]>) {
        let n = self.ids.len();
        out.resize(n, [0.0, 0.0]);
        if n >= PARALLEL_MIN {
            out.par_chunks_mut(CHUNK).enumerate().for_each(|(c, chunk)| {
                for (o, slot) in chunk.iter_mut().enumerate() {
                    *slot = self.force_on(c * CHUNK + o, f);
                }
            });
        } else {
            for (k, slot) in out.iter_mut().enumerate() {
                *slot = self.force_on(k, f);
            }
        }
    }

    /// Force on sorted point `k`.
    #[inline]
    fn force_on(&self, k: usize, f: PairForces) -> [f32; 2] {
        let (px, py, pr) = (self.xs[k], self.ys[k], self.rs[k]);
        let (mut fx, mut fy) = (0.0f32, 0.0f32);
        let cells = &self.cells[..];
        let mut c = 0usize;
        while c < cells.len() {
            let cell = &cells[c];
            let dx = cell.cx - px;
            let dy = cell.cy - py;
            let l = dx * dx + dy * dy;
            if cell.w2 < f.theta2 * l {
                // Far enough for Barnes–Hut; one body unless discs may touch.
                let bx = (cell.min_x - px).max(px - cell.max_x).max(0.0);
                let by = (cell.min_y - py).max(py - cell.max_y).max(0.0);
                let reach = pr + cell.max_r;
                if bx * bx + by * by > reach * reach {
                    let l = if l < f.min_distance2 { (f.min_distance2 * l).sqrt() } else { l };
                    let s = f.repulsion * cell.mass / l;
                    fx -= dx * s;
                    fy -= dy * s;
                    c = cell.next as usize;
                    continue;
                }
            }
            if cell.leaf {
                for j in cell.start as usize..cell.end as usize {
                    if j == k {
                        continue;
                    }
                    let (mut dx, mut dy) = (self.xs[j] - px, self.ys[j] - py);
                    let mut l = dx * dx + dy * dy;
                    if l == 0.0 {
                        // Coincident: a tiny fixed direction per pair, opposite for the two.
                        [dx, dy] = jiggle(self.ids[k], self.ids[j]);
                        l = dx * dx + dy * dy;
                    }
                    let lr = if l < f.min_distance2 { (f.min_distance2 * l).sqrt() } else { l };
                    let s = f.repulsion * self.qs[j] / lr;
                    fx -= dx * s;
                    fy -= dy * s;
                    let rj = self.rs[j];
                    let reach = pr + rj;
                    if l < reach * reach && f.collision > 0.0 {
                        let d = l.sqrt();
                        let share = rj * rj / (pr * pr + rj * rj);
                        let s = (reach - d) / d * f.collision * share;
                        fx -= dx * s;
                        fy -= dy * s;
                    }
                }
                c = cell.next as usize;
            } else {
                c += 1;
            }
        }
        [fx, fy]
    }
}

/// A tiny direction for a coincident pair: fixed per pair, opposite for
/// `(a, b)` and `(b, a)`.
#[inline]
#[must_use]
pub fn jiggle(a: u32, b: u32) -> [f32; 2] {
    let (lo, hi, sign) = if a < b { (a, b, 1.0) } else { (b, a, -1.0) };
    let h = super::rng::mix((u64::from(lo) << 32) | u64::from(hi));
    let angle = (h >> 40) as f32 / (1u64 << 24) as f32 * std::f32::consts::TAU;
    [sign * 1e-3 * angle.cos(), sign * 1e-3 * angle.sin()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(positions: &[[f32; 2]], f: PairForces) -> Vec<[f32; 2]> {
        positions
            .iter()
            .map(|p| {
                let (mut fx, mut fy) = (0.0, 0.0);
                for q in positions {
                    let (dx, dy) = (q[0] - p[0], q[1] - p[1]);
                    let l: f32 = dx * dx + dy * dy;
                    if l > 0.0 {
                        fx -= dx * f.repulsion / l;
                        fy -= dy * f.repulsion / l;
                    }
                }
                [fx, fy]
            })
            .collect()
    }

    #[test]
    fn theta_zero_is_exact_and_theta_one_is_close() {
        let mut rng = crate::layout::rng::SplitMix64::new(3);
        let positions: Vec<[f32; 2]> = (0..500).map(|_| [rng.next_f32() * 1000.0, rng.next_f32() * 1000.0]).collect();
        let radius = vec![0.0; 500];
        let charge = vec![1.0; 500];
        let active: Vec<u32> = (0..500).collect();
        let mut tree = Tree::default();
        tree.build(&positions, &radius, &charge, &active);
        assert!(tree.cell_count() > 500 / LEAF_SIZE);
        let exact_f = PairForces { theta2: 0.0, repulsion: 30.0, min_distance2: 0.0, collision: 0.0 };
        let want = brute(&positions, exact_f);
        let mut out = Vec::new();
        tree.forces(exact_f, &mut out);
        for (k, &i) in tree.ids.iter().enumerate() {
            let w = want[i as usize];
            let g = out[k];
            assert!((w[0] - g[0]).abs() < 1e-3 * (1.0 + w[0].abs()), "{w:?} vs {g:?}");
            assert!((w[1] - g[1]).abs() < 1e-3 * (1.0 + w[1].abs()));
        }
        tree.forces(PairForces { theta2: 1.0, ..exact_f }, &mut out);
        let mut err = 0.0;
        let mut norm = 0.0;
        for (k, &i) in tree.ids.iter().enumerate() {
            let w = want[i as usize];
            err += (w[0] - out[k][0]).powi(2) + (w[1] - out[k][1]).powi(2);
            norm += w[0] * w[0] + w[1] * w[1];
        }
        assert!(err / norm < 0.01, "relative error {}", err / norm);
    }

    #[test]
    fn coincident_points_are_pushed_apart_without_nan() {
        let positions = vec![[5.0, 5.0]; 40];
        let radius = vec![3.0; 40];
        let charge = vec![1.0; 40];
        let active: Vec<u32> = (0..40).collect();
        let mut tree = Tree::default();
        tree.build(&positions, &radius, &charge, &active);
        let mut out = Vec::new();
        tree.forces(PairForces { theta2: 0.81, repulsion: 30.0, min_distance2: 1.0, collision: 0.7 }, &mut out);
        assert!(out.iter().all(|f| f[0].is_finite() && f[1].is_finite()));
        assert!(out.iter().any(|f| f[0] != 0.0 || f[1] != 0.0));
    }
}
