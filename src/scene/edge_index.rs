//! A uniform grid over the viewport holding a scene's drawn edges (built
//! when the scene is first asked for the edge under a point), so finding it
//! looks at the few edges that pass near the point instead of every edge of
//! the map.
//!
//! Each edge is entered in every cell its segment passes through (column by
//! column, the rows the segment spans inside that column); the cells are
//! sized from the lines' mean length, so an edge enters a few cells on
//! average however long the lines are drawn. One flat array holds the entries
//! grouped by cell (a counting sort: two passes, no allocation per cell, and
//! the buffers are reused frame after frame).

/// Smallest side of a grid cell in pixels: a few times the pointer's slack.
pub const CELL: f32 = 24.0;
/// Cells entered per edge, on average, at most: the cells grow when the
/// lines are long (a zoomed-in map, hubs linked across the whole view), so
/// building the grid stays a small constant times the number of edges.
const CELLS_PER_EDGE: f32 = 3.0;

/// The grid: for each cell the indices (into the scene's edges) of the edges
/// crossing it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EdgeGrid {
    columns: usize,
    rows: usize,
    /// Side of a cell in pixels (at least [`CELL`]).
    cell: f32,
    /// `start[c]..start[c + 1]` are cell `c`'s entries in `entries`.
    start: Vec<u32>,
    entries: Vec<u32>,
    /// The widest drawn edge (pixels), for the query's reach.
    max_width: f32,
}

impl EdgeGrid {
    /// Fills the grid for `segments` (from, to, width) in a viewport of
    /// `size` pixels; segments (or their parts) outside it are not entered.
    pub fn rebuild(&mut self, size: [f32; 2], segments: impl Iterator<Item = ([f32; 2], [f32; 2], f32)> + Clone) {
        // The cell side: the lines' total length (each counted inside the view
        // at most) spread over CELLS_PER_EDGE cells an edge.
        let diagonal = size[0].hypot(size[1]);
        let (mut length, mut count) = (0.0f32, 0usize);
        for (a, b, _) in segments.clone() {
            let l = (b[0] - a[0]).hypot(b[1] - a[1]);
            if l.is_finite() {
                length += l.min(diagonal);
            }
            count += 1;
        }
        let cell = if count > 0 { (length / (CELLS_PER_EDGE * count as f32)).max(CELL) } else { CELL };
        self.cell = if cell.is_finite() { cell } else { CELL };
        let dims = |s: f32| if s.is_finite() && s > 0.0 { ((s / self.cell).ceil() as usize).clamp(1, 4096) } else { 1 };
        self.columns = dims(size[0]);
        self.rows = dims(size[1]);
        let cells = self.columns * self.rows;
        self.start.clear();
        self.start.resize(cells + 1, 0);
        self.max_width = 0.0;
        // Pass 1: how many entries each cell gets (counted one cell ahead).
        for (from, to, width) in segments.clone() {
            self.max_width = self.max_width.max(width);
            cells_of(self.columns, self.rows, self.cell, from, to, |c| self.start[c + 1] += 1);
        }
        for c in 0..cells {
            self.start[c + 1] += self.start[c];
        }
        // Pass 2: the entries, each cell's in edge order.
        self.entries.clear();
        self.entries.resize(self.start[cells] as usize, 0);
        let mut next: Vec<u32> = self.start[..cells].to_vec();
        for (i, (from, to, _)) in segments.enumerate() {
            cells_of(self.columns, self.rows, self.cell, from, to, |c| {
                self.entries[next[c] as usize] = i as u32;
                next[c] += 1;
            });
        }
    }

    /// Indices of the edges that may lie within `reach` pixels of `point`
    /// (plus half the widest edge): every such edge, with others that pass
    /// through the same cells, some more than once.
    pub fn near(&self, point: [f32; 2], reach: f32) -> impl Iterator<Item = usize> + '_ {
        let reach = reach + self.max_width / 2.0;
        let span = |v: f32, n: usize| -> std::ops::Range<usize> {
            if self.start.is_empty() || !v.is_finite() {
                return 0..0;
            }
            let lo = ((v - reach) / self.cell).floor();
            let hi = ((v + reach) / self.cell).floor();
            if hi < 0.0 || lo >= n as f32 {
                return 0..0;
            }
            (lo.max(0.0) as usize)..((hi as usize).min(n - 1) + 1)
        };
        let columns = span(point[0], self.columns);
        let rows = span(point[1], self.rows);
        rows.flat_map(move |r| columns.clone().map(move |c| r * self.columns + c)).flat_map(move |cell| {
            let (s, e) = (self.start[cell] as usize, self.start[cell + 1] as usize);
            self.entries[s..e].iter().map(|&i| i as usize)
        })
    }
}

/// A hash of the segments (ends and widths, in order): equal for the same
/// lines, so a grid built for one scene can serve the next.
pub fn fingerprint(segments: impl Iterator<Item = ([f32; 2], [f32; 2], f32)>) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = 0u64;
    let mut mix = |v: u64| h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    for (a, b, w) in segments {
        mix(u64::from(a[0].to_bits()) << 32 | u64::from(a[1].to_bits()));
        mix(u64::from(b[0].to_bits()) << 32 | u64::from(b[1].to_bits()));
        mix(u64::from(w.to_bits()));
    }
    h
}

/// Calls `f` with each cell of a `columns` × `rows` grid that the segment
/// `a`–`b` passes through.
fn cells_of(columns: usize, rows: usize, cell: f32, a: [f32; 2], b: [f32; 2], mut f: impl FnMut(usize)) {
    if !(a[0].is_finite() && a[1].is_finite() && b[0].is_finite() && b[1].is_finite()) {
        return;
    }
    let (a, b) = if a[0] <= b[0] { (a, b) } else { (b, a) };
    let width = columns as f32 * cell;
    let height = rows as f32 * cell;
    if b[0] < 0.0 || a[0] >= width || a[1].max(b[1]) < 0.0 || a[1].min(b[1]) >= height {
        return;
    }
    // Truncation of a non-negative value is its floor (and no libm call).
    let column = |x: f32| ((x / cell).max(0.0) as usize).min(columns - 1);
    let row = |y: f32| ((y / cell).max(0.0) as usize).min(rows - 1);
    let dx = b[0] - a[0];
    let y_at = |x: f32| if dx > 0.0 { a[1] + (b[1] - a[1]) * ((x - a[0]) / dx).clamp(0.0, 1.0) } else { a[1] };
    for c in column(a[0])..=column(b[0]) {
        // The part of the segment inside this column.
        let x0 = (c as f32 * cell).max(a[0]);
        let x1 = ((c + 1) as f32 * cell).min(b[0]);
        let (y0, y1) = if dx > 0.0 { (y_at(x0), y_at(x1)) } else { (a[1], b[1]) };
        let (lo, hi) = (y0.min(y1), y0.max(y1));
        if hi < 0.0 || lo >= height {
            continue;
        }
        for r in row(lo)..=row(hi) {
            f(r * columns + c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(segments: &[([f32; 2], [f32; 2])]) -> EdgeGrid {
        let mut g = EdgeGrid::default();
        g.rebuild([200.0, 100.0], segments.iter().map(|&(a, b)| (a, b, 1.0)));
        g
    }

    fn near(g: &EdgeGrid, p: [f32; 2], reach: f32) -> Vec<usize> {
        let mut v: Vec<usize> = g.near(p, reach).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    #[test]
    fn a_diagonal_is_found_all_along_and_only_near_it() {
        let g = grid(&[([5.0, 5.0], [195.0, 95.0]), ([5.0, 90.0], [30.0, 90.0])]);
        for k in 0..=20 {
            let t = k as f32 / 20.0;
            let p = [5.0 + 190.0 * t, 5.0 + 90.0 * t];
            assert!(near(&g, p, 3.0).contains(&0), "{p:?}");
        }
        assert_eq!(near(&g, [190.0, 10.0], 3.0), Vec::<usize>::new());
        assert_eq!(near(&g, [10.0, 90.0], 3.0), vec![1]);
    }

    #[test]
    fn vertical_reversed_and_outside_segments() {
        let g = grid(&[([50.0, 95.0], [50.0, 2.0]), ([300.0, 10.0], [400.0, 10.0]), ([-50.0, 50.0], [250.0, 50.0])]);
        assert!(near(&g, [50.0, 40.0], 2.0).contains(&0));
        assert!(!near(&g, [190.0, 10.0], 2.0).contains(&1));
        // Crossing the whole viewport from outside: entered where it is inside.
        assert!(near(&g, [1.0, 50.0], 2.0).contains(&2) && near(&g, [199.0, 50.0], 2.0).contains(&2));
        assert_eq!(near(&g, [f32::NAN, 1.0], 2.0), Vec::<usize>::new());
    }
}
