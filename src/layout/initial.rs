//! Starting positions: a seeded Pivot MDS layout (Brandes & Pich 2006) for
//! graphs without meaningful positions, and the repairs every start gets
//! (non-finite entries replaced, exact duplicates spread, new nodes placed
//! near their neighbours).
//!
//! Pivot MDS places nodes so that distances on the plane follow shortest-path
//! distances in the graph: a grid comes out as a grid, a path as a line, so
//! the forces only refine and the layout converges in few steps without
//! folds. Cost: `k` breadth-first searches and an `n × k` product (`k = 32`).

use rayon::prelude::*;

use super::graph::{DEFAULT_LENGTH, LayoutGraph};
use super::rng::SplitMix64;

/// Number of pivots (columns of the distance matrix).
const PIVOTS: usize = 32;
/// Rows per parallel task in the `CᵀC` product.
const ROWS: usize = 1024;
/// The golden angle: successive points of a phyllotaxis spiral.
const GOLDEN: f32 = 2.399_963_2;

/// d3's default start: a phyllotaxis spiral of radius `step·√(i + ½)`.
#[must_use]
pub fn phyllotaxis(i: usize, step: f32, turn: f32) -> [f32; 2] {
    let r = step * (0.5 + i as f32).sqrt();
    let a = i as f32 * GOLDEN + turn;
    [r * a.cos(), r * a.sin()]
}

/// Mean rest length of the graph's springs (self-loops excluded).
fn mean_length(graph: &LayoutGraph) -> f32 {
    let (mut sum, mut count) = (0.0f64, 0usize);
    for e in graph.edges() {
        if e.source != e.target {
            sum += f64::from(e.length);
            count += 1;
        }
    }
    if count == 0 || sum <= 0.0 { DEFAULT_LENGTH } else { (sum / count as f64) as f32 }
}

/// A seeded Pivot MDS layout of `graph`, scaled so the mean edge is as long
/// as the mean rest length. Deterministic for a graph and seed.
#[must_use]
pub fn pivot_mds(graph: &LayoutGraph, seed: u64) -> Vec<[f32; 2]> {
    let n = graph.node_count();
    let mut rng = SplitMix64::new(seed);
    let turn = rng.next_f32() * std::f32::consts::TAU;
    let unit = mean_length(graph);
    if n <= 2 {
        return (0..n).map(|i| phyllotaxis(i, unit, turn)).collect();
    }
    let (offsets, targets) = graph.adjacency();
    let k = PIVOTS.min(n);

    // Breadth-first distances from k pivots chosen max-min (the first seeded).
    let mut dist = vec![u32::MAX; n * k];
    let mut nearest = vec![u32::MAX; n];
    let mut queue = Vec::with_capacity(n);
    let mut pivot = rng.below(n);
    for p in 0..k {
        let column = &mut dist[p * n..(p + 1) * n];
        column[pivot] = 0;
        queue.clear();
        queue.push(pivot as u32);
        let mut head = 0;
        while let Some(&u) = queue.get(head) {
            head += 1;
            let du = column[u as usize];
            for &v in &targets[offsets[u as usize] as usize..offsets[u as usize + 1] as usize] {
                if column[v as usize] == u32::MAX {
                    column[v as usize] = du + 1;
                    queue.push(v);
                }
            }
        }
        let mut best = (0u32, 0usize);
        for (i, (near, &d)) in nearest.iter_mut().zip(column.iter()).enumerate() {
            *near = (*near).min(d);
            if *near > best.0 {
                best = (*near, i);
            }
        }
        if best.0 == 0 {
            break; // every node is a pivot already
        }
        pivot = best.1;
    }

    // Double-centred squared distances, n × k, row-major. Unreachable pairs
    // count as one step beyond the farthest reachable node of that pivot.
    let mut c = vec![0f64; n * k];
    for p in 0..k {
        let column = &dist[p * n..(p + 1) * n];
        let far = column.iter().filter(|&&d| d != u32::MAX).max().copied().unwrap_or(0) + 1;
        for (i, &d) in column.iter().enumerate() {
            let d = f64::from(if d == u32::MAX { far } else { d });
            c[i * k + p] = d * d;
        }
    }
    drop(dist);
    let mut col_mean = vec![0f64; k];
    for row in c.chunks_exact(k) {
        for (m, v) in col_mean.iter_mut().zip(row) {
            *m += v;
        }
    }
    for m in &mut col_mean {
        *m /= n as f64;
    }
    let grand: f64 = col_mean.iter().sum::<f64>() / k as f64;
    c.par_chunks_mut(k * ROWS).for_each(|rows| {
        for row in rows.chunks_exact_mut(k) {
            let row_mean = row.iter().sum::<f64>() / k as f64;
            for (v, m) in row.iter_mut().zip(&col_mean) {
                *v = -0.5 * (*v - row_mean - m + grand);
            }
        }
    });

    // B = CᵀC (k × k), summed per fixed block of rows, blocks in order.
    let partials: Vec<Vec<f64>> = c
        .par_chunks(k * ROWS)
        .map(|rows| {
            let mut b = vec![0f64; k * k];
            for row in rows.chunks_exact(k) {
                for (a, &ra) in row.iter().enumerate() {
                    if ra == 0.0 {
                        continue;
                    }
                    for (slot, &rb) in b[a * k..(a + 1) * k].iter_mut().zip(row) {
                        *slot += ra * rb;
                    }
                }
            }
            b
        })
        .collect();
    let mut b = vec![0f64; k * k];
    for part in &partials {
        for (s, v) in b.iter_mut().zip(part) {
            *s += v;
        }
    }

    // Top two eigenvectors by power iteration with deflation.
    let mut vecs: Vec<(Vec<f64>, f64)> = Vec::with_capacity(2);
    for axis in 0..2 {
        let mut v: Vec<f64> = (0..k).map(|i| 1.0 + ((i * 7 + axis * 3) % 11) as f64 / 11.0).collect();
        let mut lambda = 0.0;
        for _ in 0..300 {
            for (u, _) in &vecs {
                let dot: f64 = u.iter().zip(&v).map(|(a, b)| a * b).sum();
                for (x, y) in v.iter_mut().zip(u) {
                    *x -= dot * y;
                }
            }
            let mut w = vec![0f64; k];
            for (a, wa) in w.iter_mut().enumerate() {
                *wa = b[a * k..(a + 1) * k].iter().zip(&v).map(|(x, y)| x * y).sum();
            }
            let norm = w.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm.is_nan() || norm <= 1e-12 {
                lambda = 0.0;
                break;
            }
            let change: f64 = w.iter().zip(&v).map(|(a, b)| (a / norm - b).abs()).sum();
            v = w.into_iter().map(|x| x / norm).collect();
            lambda = norm;
            if change < 1e-10 {
                break;
            }
        }
        vecs.push((v, lambda));
    }

    // Coordinates: C v / λ^¼ per axis (the MDS scaling).
    let mut positions = vec![[0f32; 2]; n];
    for (axis, (v, lambda)) in vecs.iter().enumerate() {
        if *lambda <= 1e-12 {
            continue;
        }
        let s = lambda.powf(-0.25);
        for (p, row) in positions.iter_mut().zip(c.chunks_exact(k)) {
            p[axis] = (row.iter().zip(v).map(|(a, b)| a * b).sum::<f64>() * s) as f32;
        }
    }

    // Scale so edges average their rest length; fall back to a spiral when
    // the graph gives no shape (no edges, or all distances equal).
    let (mut sum, mut count) = (0.0f64, 0usize);
    for e in graph.edges() {
        let (a, b) = (positions[e.source as usize], positions[e.target as usize]);
        if e.source != e.target {
            sum += f64::from(((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt());
            count += 1;
        }
    }
    let mean = if count > 0 { sum / count as f64 } else { 0.0 };
    if !mean.is_finite() || mean <= 1e-9 {
        return (0..n).map(|i| phyllotaxis(i, unit, turn)).collect();
    }
    let scale = (f64::from(unit) / mean) as f32;
    let jitter = 0.05 * unit;
    let (sin, cos) = turn.sin_cos();
    for p in &mut positions {
        let (x, y) = (p[0] * scale, p[1] * scale);
        let (jx, jy) = (rng.next_f32() - 0.5, rng.next_f32() - 0.5);
        *p = [x * cos - y * sin + jx * jitter, x * sin + y * cos + jy * jitter];
    }
    spread_core(&mut positions, unit / 3.0);
    repair(&mut positions, graph, seed);
    positions
}

/// Caps the density of a start: the node of rank `k` by distance from the
/// centre moves out (keeping its direction) to at least `step·√(k + ½)`, the
/// radius of d3's phyllotaxis start. Leaves even layouts (grids) alone and
/// spreads the dense core that MDS makes of scale-free graphs, where many
/// nodes sit at nearly the same distances from every pivot.
fn spread_core(positions: &mut [[f32; 2]], step: f32) {
    let centre = centroid(positions);
    let radius = |p: &[f32; 2]| ((p[0] - centre[0]).powi(2) + (p[1] - centre[1]).powi(2)).sqrt();
    let mut order: Vec<(u32, u32)> =
        positions.iter().enumerate().map(|(i, p)| (radius(p).to_bits(), i as u32)).collect();
    // Non-negative floats sort like their bits.
    order.sort_unstable();
    for (k, &(_, i)) in order.iter().enumerate() {
        let p = &mut positions[i as usize];
        let r = radius(p);
        let want = step * (k as f32 + 0.5).sqrt();
        if r < want {
            let (dx, dy) = if r > 0.0 {
                ((p[0] - centre[0]) / r, (p[1] - centre[1]) / r)
            } else {
                let a = k as f32 * GOLDEN;
                (a.cos(), a.sin())
            };
            *p = [centre[0] + dx * want, centre[1] + dy * want];
        }
    }
}

/// Places nodes `known..n` (grows `positions` to one per node): near the
/// mean of their already placed neighbours, else on a spiral around the
/// known nodes' centre.
pub fn extend(positions: &mut Vec<[f32; 2]>, graph: &LayoutGraph, known: usize, seed: u64) {
    let n = graph.node_count();
    let known = known.min(positions.len()).min(n);
    positions.truncate(known);
    positions.resize(n, [0.0, 0.0]);
    let mut placed = vec![false; n];
    placed[..known].fill(true);
    place_missing(positions, &mut placed, graph, seed);
}

/// Places every node not yet `placed`: in passes, each at the mean of its
/// placed neighbours (plus a seeded offset of half a rest length); nodes
/// with no placed neighbour at all go on a spiral around the placed nodes'
/// centre. Marks them placed.
pub fn place_missing(positions: &mut [[f32; 2]], placed: &mut [bool], graph: &LayoutGraph, seed: u64) {
    let n = graph.node_count().min(positions.len()).min(placed.len());
    let mut rng = SplitMix64::new(seed ^ 0xE87E);
    let unit = mean_length(graph);
    let (offsets, targets) = graph.adjacency();
    let mut fresh = Vec::new();
    loop {
        fresh.clear();
        for i in 0..n {
            if placed[i] {
                continue;
            }
            let (mut sx, mut sy, mut m) = (0.0f32, 0.0f32, 0usize);
            for &j in &targets[offsets[i] as usize..offsets[i + 1] as usize] {
                if placed.get(j as usize).copied().unwrap_or(false) {
                    sx += positions[j as usize][0];
                    sy += positions[j as usize][1];
                    m += 1;
                }
            }
            if m > 0 {
                let a = rng.next_f32() * std::f32::consts::TAU;
                fresh.push((i, [sx / m as f32 + 0.5 * unit * a.cos(), sy / m as f32 + 0.5 * unit * a.sin()]));
            }
        }
        if fresh.is_empty() {
            break;
        }
        // All of a pass's placements use the previous pass only: order-free.
        for &(i, p) in &fresh {
            positions[i] = p;
            placed[i] = true;
        }
    }
    let known: Vec<[f32; 2]> = (0..n).filter(|&i| placed[i]).map(|i| positions[i]).collect();
    let centre = centroid(&known);
    let ring = spread(&known, centre);
    let turn = rng.next_f32() * std::f32::consts::TAU;
    let mut k = 0;
    for i in 0..n {
        if !placed[i] {
            // Outside the placed nodes, on a spiral.
            let s = phyllotaxis(k, unit, turn);
            let r = (s[0] * s[0] + s[1] * s[1]).sqrt().max(1e-6);
            let out = (ring + r) / r;
            positions[i] = [centre[0] + s[0] * out, centre[1] + s[1] * out];
            placed[i] = true;
            k += 1;
        }
    }
}

/// Largest distance of a point from `centre`.
fn spread(points: &[[f32; 2]], centre: [f32; 2]) -> f32 {
    points.iter().map(|p| ((p[0] - centre[0]).powi(2) + (p[1] - centre[1]).powi(2)).sqrt()).fold(0.0, f32::max)
}

fn centroid(positions: &[[f32; 2]]) -> [f32; 2] {
    let (mut sx, mut sy, mut m) = (0.0f64, 0.0f64, 0usize);
    for p in positions {
        if p[0].is_finite() && p[1].is_finite() {
            sx += f64::from(p[0]);
            sy += f64::from(p[1]);
            m += 1;
        }
    }
    if m == 0 { [0.0, 0.0] } else { [(sx / m as f64) as f32, (sy / m as f64) as f32] }
}

/// Makes a start usable: non-finite entries move onto a spiral around the
/// others' centre, and nodes sharing an exact position are spread on a small
/// spiral around it (so the tree never holds a pile of coincident points).
pub fn repair(positions: &mut [[f32; 2]], graph: &LayoutGraph, seed: u64) {
    let unit = mean_length(graph);
    let centre = centroid(positions);
    let turn = SplitMix64::new(seed ^ 0x4E9A1).next_f32() * std::f32::consts::TAU;
    for (i, p) in positions.iter_mut().enumerate() {
        if !p[0].is_finite() || !p[1].is_finite() {
            let s = phyllotaxis(i, unit, turn);
            *p = [centre[0] + s[0], centre[1] + s[1]];
        }
    }
    let mut order: Vec<u32> = (0..positions.len() as u32).collect();
    order.sort_unstable_by_key(|&i| {
        let p = positions[i as usize];
        (p[0].to_bits(), p[1].to_bits(), i)
    });
    let mut run = 0usize;
    for w in 1..order.len() {
        let (a, b) = (order[w - 1] as usize, order[w] as usize);
        if positions[a] == positions[b] {
            run += 1;
            let base = positions[b];
            let step = 1.0f32.max(base[0].abs().max(base[1].abs()) * 1e-5);
            let s = phyllotaxis(run, step, turn);
            positions[b] = [base[0] + s[0], base[1] + s[1]];
            // Keep comparing with the original point.
            order[w] = a as u32;
        } else {
            run = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::generate;

    #[test]
    fn grid_comes_out_as_a_grid() {
        let g = generate::grid(10, 10, 30.0);
        let p = pivot_mds(&g, 1);
        // Corners are the farthest apart: opposite corners ~ 9·√2 edges.
        let d = |a: usize, b: usize| ((p[a][0] - p[b][0]).powi(2) + (p[a][1] - p[b][1]).powi(2)).sqrt();
        assert!(d(0, 99) > 8.0 * 30.0, "{}", d(0, 99));
        assert!(d(0, 1) < 2.0 * 30.0);
        assert_eq!(p, pivot_mds(&g, 1));
    }

    #[test]
    fn duplicates_and_nan_are_repaired() {
        let g = LayoutGraph::new(5);
        let mut p = vec![[1.0, 1.0], [1.0, 1.0], [f32::NAN, 0.0], [1.0, 1.0], [3.0, 3.0]];
        repair(&mut p, &g, 0);
        for i in 0..5 {
            assert!(p[i][0].is_finite() && p[i][1].is_finite());
            for j in 0..i {
                assert_ne!(p[i], p[j]);
            }
        }
    }

    #[test]
    fn disconnected_and_edgeless_graphs_get_distinct_positions() {
        let mut g = LayoutGraph::new(30);
        for i in 1..10 {
            g.add_edge(i - 1, i, 30.0, 1.0).ok();
        }
        let p = pivot_mds(&g, 3);
        assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
        let p = pivot_mds(&LayoutGraph::new(30), 3);
        assert_eq!(p.len(), 30);
        assert_ne!(p[0], p[1]);
    }
}
