//! Labels as a cartographer places them: their text measured with the
//! font the window and the exports draw it in, one box per label
//! (placement, the SVG halo and the window's halo all use [`label_box`]),
//! and greedy placement by priority, trying places all round each
//! disc, so that no label covers another label or another node's disc,
//! runs out of the frame, or under a box kept clear (the legend).
//!
//! # Complexity
//!
//! A grid of cells over the frame holds the discs and the placed labels:
//! each candidate position looks only at the few cells it covers, so
//! placing `l` labels among `n` discs is `O(n + l log l)`.

use std::sync::LazyLock;

use petgraph::stable_graph::NodeIndex;

use super::sizing::Sizes;
use super::{DIM, LabelShape, NodeShape, SceneInput};
use crate::graph::NodeKind;

/// Padding of a label's halo around its text, in em (3 × 1.5 pixels at 12 pixels).
const HALO_PAD: [f32; 2] = [0.25, 0.125];
/// Half the height of a label's text, in em.
const HALF_HEIGHT: f32 = 0.6;
/// Space between a disc and its label's halo, in em.
pub(super) const GAP: f32 = 0.1;

/// Advance widths of egui's proportional font (Ubuntu Light, bundled by
/// `epaint_default_fonts`; the window draws labels in it and the exports
/// embed it), read with `skrifa` as egui reads them.
struct Font {
    charmap: skrifa::charmap::Charmap<'static>,
    metrics: skrifa::metrics::GlyphMetrics<'static>,
    /// The same advances in font units, and the glyphs' outlines (SVG
    /// export draws labels with them, so no viewer needs the font).
    units: skrifa::metrics::GlyphMetrics<'static>,
    outlines: skrifa::outline::OutlineGlyphCollection<'static>,
    units_per_em: f32,
}

static FONT: LazyLock<Option<Font>> = LazyLock::new(|| {
    use skrifa::MetadataProvider as _;
    use skrifa::instance::{LocationRef, Size};
    let font = skrifa::FontRef::new(epaint_default_fonts::UBUNTU_LIGHT).ok()?;
    let metrics = font.glyph_metrics(Size::new(1.0), LocationRef::default());
    let units = font.glyph_metrics(Size::unscaled(), LocationRef::default());
    let units_per_em = f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em);
    Some(Font { charmap: font.charmap(), metrics, units, outlines: font.outline_glyphs(), units_per_em })
});

/// Glyphs of the label font, for drawing a label as outlines.
pub mod glyphs {
    use super::FONT;

    /// The font's units per em (a glyph's outline is drawn at `size /
    /// units_per_em` scale), or `None` without the font.
    #[must_use]
    pub fn units_per_em() -> Option<f32> {
        FONT.as_ref().map(|f| f.units_per_em)
    }

    /// `text` as glyphs of the label font: each glyph's id and its x offset
    /// from the text's start in font units (the advances summed, as egui
    /// lays a single line out). `None` when the font lacks a character (the
    /// text is then drawn as text).
    #[must_use]
    pub fn run(text: &str) -> Option<Vec<(u32, f32)>> {
        let font = FONT.as_ref()?;
        let mut x = 0.0;
        text.chars()
            .map(|c| {
                let g = font.charmap.map(c)?;
                let at = x;
                x += font.units.advance_width(g)?;
                Some((g.to_u32(), at))
            })
            .collect()
    }

    /// The outline of glyph `id` as SVG path data in font units, y up
    /// (empty for a space); `None` when the font has no such glyph.
    #[must_use]
    pub fn path(id: u32) -> Option<String> {
        use skrifa::instance::{LocationRef, Size};
        use skrifa::outline::DrawSettings;
        let font = FONT.as_ref()?;
        let glyph = font.outlines.get(skrifa::GlyphId::new(id))?;
        let mut pen = skrifa::outline::pen::SvgPen::with_precision(0);
        glyph.draw(DrawSettings::unhinted(Size::unscaled(), LocationRef::default()), &mut pen).ok()?;
        Some(pen.to_string())
    }
}

/// Width in em of a character the font lacks (egui draws it with a
/// fallback font): the font's average advance.
const FALLBACK_EM: f32 = 0.56;

/// Width in pixels of `text` at `size` in the font labels are drawn in
/// (the sum of its characters' advances, as egui lays a single line out).
#[must_use]
pub fn text_width(text: &str, size: f32) -> f32 {
    let Some(font) = FONT.as_ref() else { return text.chars().count() as f32 * size * FALLBACK_EM };
    let em: f32 = text
        .chars()
        .map(|c| font.charmap.map(c).and_then(|g| font.metrics.advance_width(g)).unwrap_or(FALLBACK_EM))
        .sum();
    em * size
}

/// The box a label takes (x0, y0, x1, y1), in scene pixels: its text, at
/// its size, on its halo. The one box that placement keeps apart, that SVG
/// export draws as the halo, and that the window fills behind the text.
#[must_use]
pub fn label_box(label: &LabelShape) -> [f32; 4] {
    text_box(&label.text, label.pos, label.size)
}

/// [`label_box`] of a label not made yet.
fn text_box(text: &str, pos: [f32; 2], size: f32) -> [f32; 4] {
    let (w, [px, py]) = (text_width(text, size), pad(size));
    let h = size * HALF_HEIGHT;
    [pos[0] - px, pos[1] - h - py, pos[0] + w + px, pos[1] + h + py]
}

/// The halo's padding at font `size`, in pixels.
fn pad(size: f32) -> [f32; 2] {
    [HALO_PAD[0] * size, HALO_PAD[1] * size]
}

/// Width and height of the halo of a text `width` pixels wide at `size`.
#[must_use]
pub(super) fn halo_size(width: f32, size: f32) -> [f32; 2] {
    let [px, py] = pad(size);
    [width + 2.0 * px, 2.0 * (size * HALF_HEIGHT + py)]
}

/// Where a label may go around its disc, in order of preference: to the
/// right, on the disc's line, as the eye runs on; then its upper and lower
/// right; the same on the left; then above and below (the usual order of
/// point-label positions in cartography, right before left, above before
/// below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Right, vertically centred.
    Right,
    /// Above and to the right.
    UpperRight,
    /// Below and to the right.
    LowerRight,
    /// Left, vertically centred.
    Left,
    /// Above and to the left.
    UpperLeft,
    /// Below and to the left.
    LowerLeft,
    /// Above, centred.
    Above,
    /// Below, centred.
    Below,
}

impl Slot {
    /// Every slot, most preferred first.
    pub const ALL: [Slot; 8] = [
        Slot::Right,
        Slot::UpperRight,
        Slot::LowerRight,
        Slot::Left,
        Slot::UpperLeft,
        Slot::LowerLeft,
        Slot::Above,
        Slot::Below,
    ];

    /// The halo's box (x0, y0, x1, y1) in this slot around a disc at
    /// `center` of `radius`, for a halo of `halo` (width, height) at font
    /// `size`, slid along the disc's side by `slide` (−1..=1: on the right
    /// and left from the disc's line up or down by half the halo's height;
    /// above and below from centred to ending or starting over the disc's
    /// middle; the diagonals do not slide).
    #[must_use]
    fn halo_box(self, center: [f32; 2], radius: f32, halo: [f32; 2], size: f32, slide: f32) -> [f32; 4] {
        let [cx, cy] = center;
        let [bw, bh] = halo;
        let off = radius + GAP * size;
        let d = off * std::f32::consts::FRAC_1_SQRT_2;
        let (up, across) = (slide * bh / 2.0, slide * bw / 2.0);
        let (x, y) = match self {
            Slot::Right => (cx + off, cy - bh / 2.0 + up),
            Slot::UpperRight => (cx + d, cy - d - bh),
            Slot::LowerRight => (cx + d, cy + d),
            Slot::Left => (cx - off - bw, cy - bh / 2.0 + up),
            Slot::UpperLeft => (cx - d - bw, cy - d - bh),
            Slot::LowerLeft => (cx - d - bw, cy + d),
            Slot::Above => (cx - bw / 2.0 + across, cy - off - bh),
            Slot::Below => (cx - bw / 2.0 + across, cy + off),
        };
        [x, y, x + bw, y + bh]
    }

    /// Whether the label slides along this side (see [`Slot::halo_box`]).
    fn slides(self) -> bool {
        matches!(self, Slot::Right | Slot::Left | Slot::Above | Slot::Below)
    }
}

/// Every place tried for a label, in order: the eight [`Slot`]s, then the
/// four sides slid half-way either way (where the label still touches its
/// disc's side), then the eight slots again a little farther out (half a
/// label's height, then a whole one), before giving up.
fn candidates(center: [f32; 2], radius: f32, halo: [f32; 2], size: f32) -> impl Iterator<Item = [f32; 4]> {
    let fixed = Slot::ALL.into_iter().map(move |slot| slot.halo_box(center, radius, halo, size, 0.0));
    let slid = Slot::ALL
        .into_iter()
        .filter(|s| s.slides())
        .flat_map(|slot| [-1.0, 1.0].map(|k| (slot, k)))
        .map(move |(slot, k)| slot.halo_box(center, radius, halo, size, k));
    let farther = [0.5, 1.0]
        .into_iter()
        .flat_map(|k| Slot::ALL.map(|slot| (slot, k)))
        .map(move |(slot, k)| slot.halo_box(center, radius + k * halo[1], halo, size, 0.0));
    fixed.chain(slid).chain(farther)
}

/// The label anchor (left end, vertical centre) whose [`label_box`] is `halo`.
fn anchor_of(halo: [f32; 4], size: f32) -> [f32; 2] {
    [halo[0] + pad(size)[0], (halo[1] + halo[3]) / 2.0]
}

/// Greedy label placement: highest priority first (the selection, the
/// hovered node, its lit neighbours, search matches and the other selected
/// nodes, then by importance —
/// kind and degree, as the disc's size shows), each label in the first of
/// its [`candidates`] where it covers no placed label, no other node's disc
/// and nothing of `input.reserved`, and stays inside the frame. The
/// selected and hovered nodes are labelled even where no place is free.
/// Then a repair pass: a label that found no place takes one where a
/// single placed label is in its way, if that label can move to another
/// place of its own.
pub(super) fn place_labels(
    input: &SceneInput<'_>,
    sizes: &Sizes,
    nodes: &[NodeShape],
    is_lit: &dyn Fn(NodeIndex) -> bool,
    out: &mut Vec<LabelShape>,
) {
    out.clear();
    let style = input.style;
    let highlight = input.highlight;
    let size = sizes.font(style.font_size);
    let frame = [0.0, 0.0, input.camera.size[0], input.camera.size[1]];
    let mut order: Vec<(u8, f32, usize)> = nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let rank = if highlight.selected == Some(n.index) {
                0
            } else if highlight.hovered == Some(n.index) {
                1
            } else if highlight.hovered.is_some() && is_lit(n.index) {
                2
            } else if highlight.matches.contains(&n.index) || highlight.selected_many.contains(&n.index) {
                3
            } else if highlight.hovered.is_some() {
                return None; // keep the dimmed rest quiet while hovering
            } else if sizes.labelled(n.radius) || n.kind == NodeKind::Document || n.kind == NodeKind::Section {
                4
            } else {
                return None; // too small at this zoom to be worth a label
            };
            Some((rank, -n.radius, i))
        })
        .collect();
    if order.is_empty() {
        return;
    }
    order.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));

    let mut grid = Grid::new(frame, 4.0 * size);
    for (i, n) in nodes.iter().enumerate() {
        if is_lit(n.index) {
            grid.add_disc(n.center, n.radius + n.stroke_width / 2.0, i);
        }
    }
    let open = |b: &[f32; 4]| inside(*b, frame) && !input.reserved.iter().any(|r| intersects(*r, *b));
    // Per label in `out`: its grid item, its node (in `nodes`) and halo size.
    type Placed = Vec<(u32, usize, [f32; 2])>;
    let mut placed: Placed = Vec::new();
    // Labels that found no place, with the places where only labels were
    // in the way (a bit each, in `candidates` order): what repair may try.
    let mut missed: Vec<(usize, [f32; 2], u32)> = Vec::new();
    let push = |out: &mut Vec<LabelShape>, placed: &mut Placed, item: u32, i: usize, b: [f32; 4], halo: [f32; 2]| {
        let Some(n) = nodes.get(i) else { return };
        let Some(node) = input.graph.node(n.index) else { return };
        let fade = if is_lit(n.index) { 1.0 } else { DIM };
        placed.push((item, i, halo));
        out.push(LabelShape {
            index: n.index,
            text: node.label.clone(),
            pos: anchor_of(b, size),
            size,
            color: style.text.fade(fade),
            halo: style.background.fade(0.75 * fade),
        });
    };
    for (rank, _, i) in order {
        let Some(n) = nodes.get(i) else { continue };
        let Some(node) = input.graph.node(n.index) else { continue };
        let halo = halo_size(text_width(&node.label, size), size);
        let mut only_labels = 0u32;
        let mut found = None;
        for (k, b) in candidates(n.center, n.radius, halo, size).enumerate() {
            if !open(&b) {
                continue;
            }
            match grid.check(b, i) {
                Block::Free => {
                    found = Some(b);
                    break;
                }
                Block::Labels => only_labels |= 1 << k,
                Block::Disc => {}
            }
        }
        let chosen = match found {
            Some(b) => b,
            // The selection and the hovered node keep a label, in the frame.
            None if rank <= 1 => shift_inside(Slot::Right.halo_box(n.center, n.radius, halo, size, 0.0), frame),
            None => {
                if only_labels != 0 {
                    missed.push((i, halo, only_labels));
                }
                continue;
            }
        };
        let item = grid.add_label(chosen);
        push(out, &mut placed, item, i, chosen, halo);
    }

    // Repair, within a budget of moves tried (the window draws every frame).
    let mut budget = REPAIR_BUDGET_PER_LABEL * missed.len().min(REPAIR_MAX_LABELS);
    for (i, halo, only_labels) in missed.into_iter().take(REPAIR_MAX_LABELS) {
        let Some(n) = nodes.get(i) else { continue };
        let mut done = false;
        for (k, b) in candidates(n.center, n.radius, halo, size).enumerate() {
            if done || budget == 0 {
                break;
            }
            if only_labels & (1 << k) == 0 {
                continue;
            }
            let Some(blocker) = grid.only_label_meeting(b) else { continue };
            let Some(k) = placed.iter().position(|p| p.0 == blocker) else { continue };
            let Some(&(_, j, other_halo)) = placed.get(k) else { continue };
            // The selection's and the hovered node's labels stay.
            if out.get(k).is_none_or(|l| highlight.selected == Some(l.index) || highlight.hovered == Some(l.index)) {
                continue;
            }
            let Some(m) = nodes.get(j) else { continue };
            budget -= 1;
            grid.set_gone(blocker, true);
            let mine = grid.add_label(b);
            let moved = candidates(m.center, m.radius, other_halo, size).find(|c| open(c) && !grid.blocked(*c, j));
            match moved {
                Some(c) => {
                    let item = grid.add_label(c);
                    if let (Some(p), Some(l)) = (placed.get_mut(k), out.get_mut(k)) {
                        p.0 = item;
                        l.pos = anchor_of(c, size);
                    }
                    push(out, &mut placed, mine, i, b, halo);
                    done = true;
                }
                None => {
                    grid.set_gone(mine, true);
                    grid.set_gone(blocker, false);
                }
            }
        }
    }
}

/// The repair pass tries at most this many missing labels…
const REPAIR_MAX_LABELS: usize = 200;
/// …and on average this many moves each (the budget is shared).
const REPAIR_BUDGET_PER_LABEL: usize = 3;

/// Whether `b` lies inside `frame`.
fn inside(b: [f32; 4], frame: [f32; 4]) -> bool {
    b[0] >= frame[0] && b[1] >= frame[1] && b[2] <= frame[2] && b[3] <= frame[3]
}

/// `b` moved the least into `frame` (its top-left corner kept inside when
/// it is larger).
fn shift_inside(b: [f32; 4], frame: [f32; 4]) -> [f32; 4] {
    let dx = (frame[2] - b[2]).min(0.0).max(frame[0] - b[0]);
    let dy = (frame[3] - b[3]).min(0.0).max(frame[1] - b[1]);
    [b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy]
}

/// What keeps a label from a place ([`Grid::check`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Free,
    Labels,
    Disc,
}

/// What a grid cell holds: a disc (centre, radius, its node's position in
/// the scene's nodes) or a placed label's box.
#[derive(Debug, Clone, Copy)]
enum Item {
    Disc([f32; 2], f32, usize),
    /// A label's box, and whether it has been taken away (moved).
    Label([f32; 4], bool),
}

/// Cells over the frame, each listing the discs and labels that reach into
/// it (what lies outside the frame is clamped to the border cells: labels
/// never go there).
struct Grid {
    origin: [f32; 2],
    cell: f32,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    items: Vec<Item>,
}

impl Grid {
    /// At most this many cells a side.
    const MAX_SIDE: usize = 256;

    fn new(frame: [f32; 4], cell: f32) -> Grid {
        let (w, h) = ((frame[2] - frame[0]).max(1.0), (frame[3] - frame[1]).max(1.0));
        let cell = cell.max(w / Self::MAX_SIDE as f32).max(h / Self::MAX_SIDE as f32).max(1.0);
        let cols = ((w / cell).ceil() as usize).clamp(1, Self::MAX_SIDE);
        let rows = ((h / cell).ceil() as usize).clamp(1, Self::MAX_SIDE);
        Grid { origin: [frame[0], frame[1]], cell, cols, rows, cells: vec![Vec::new(); cols * rows], items: Vec::new() }
    }

    /// The range of cells (columns, rows) `b` reaches; `None` when it lies
    /// wholly outside the frame or is not finite.
    fn span(&self, b: [f32; 4]) -> Option<([usize; 2], [usize; 2])> {
        if !b.iter().all(|v| v.is_finite()) {
            return None;
        }
        let at = |v: f32, o: f32, n: usize| ((v - o) / self.cell).floor().clamp(-1.0, n as f32) as isize;
        let (x0, x1) = (at(b[0], self.origin[0], self.cols), at(b[2], self.origin[0], self.cols));
        let (y0, y1) = (at(b[1], self.origin[1], self.rows), at(b[3], self.origin[1], self.rows));
        let (cols, rows) = (self.cols as isize, self.rows as isize);
        if x1 < 0 || y1 < 0 || x0 >= cols || y0 >= rows {
            return None;
        }
        let clamp = |v: isize, n: isize| v.clamp(0, n - 1) as usize;
        Some(([clamp(x0, cols), clamp(x1, cols)], [clamp(y0, rows), clamp(y1, rows)]))
    }

    /// Adds `item` in the cells `b` reaches; returns its id.
    fn add(&mut self, b: [f32; 4], item: Item) -> u32 {
        let id = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
        self.items.push(item);
        let Some(([x0, x1], [y0, y1])) = self.span(b) else { return id };
        for y in y0..=y1 {
            for x in x0..=x1 {
                if let Some(cell) = self.cells.get_mut(y * self.cols + x) {
                    cell.push(id);
                }
            }
        }
        id
    }

    fn add_disc(&mut self, c: [f32; 2], r: f32, owner: usize) {
        self.add([c[0] - r, c[1] - r, c[0] + r, c[1] + r], Item::Disc(c, r, owner));
    }

    fn add_label(&mut self, b: [f32; 4]) -> u32 {
        self.add(b, Item::Label(b, false))
    }

    /// Takes a label away (`true`) or puts it back.
    fn set_gone(&mut self, id: u32, gone: bool) {
        if let Some(Item::Label(_, g)) = self.items.get_mut(id as usize) {
            *g = gone;
        }
    }

    /// The ids of the items in the cells `b` reaches (an item reaching
    /// several cells comes once per cell).
    fn near(&self, b: [f32; 4]) -> impl Iterator<Item = u32> + '_ {
        let span = self.span(b);
        span.into_iter().flat_map(move |([x0, x1], [y0, y1])| {
            (y0..=y1).flat_map(move |y| {
                (x0..=x1).flat_map(move |x| self.cells.get(y * self.cols + x).into_iter().flatten().copied())
            })
        })
    }

    /// What is in the way of a label box `b` of node `owner`: another
    /// node's disc (looked for first: it rules the place out for good), or
    /// only placed labels, or nothing.
    fn check(&self, b: [f32; 4], owner: usize) -> Block {
        let mut labels = false;
        for id in self.near(b) {
            match self.items.get(id as usize) {
                Some(Item::Disc(c, r, o)) if *o != owner && box_meets_disc(b, *c, *r) => return Block::Disc,
                Some(Item::Label(l, false)) if !labels => labels = intersects(*l, b),
                _ => {}
            }
        }
        if labels { Block::Labels } else { Block::Free }
    }

    /// The one label `b` covers, if it covers exactly one.
    fn only_label_meeting(&self, b: [f32; 4]) -> Option<u32> {
        let mut found = None;
        for id in self.near(b) {
            if let Some(Item::Label(l, false)) = self.items.get(id as usize)
                && intersects(*l, b)
                && found != Some(id)
            {
                if found.is_some() {
                    return None;
                }
                found = Some(id);
            }
        }
        found
    }

    /// Whether `b` covers a placed label or the disc of a node other than
    /// `owner`.
    fn blocked(&self, b: [f32; 4], owner: usize) -> bool {
        self.near(b).any(|id| match self.items.get(id as usize) {
            Some(Item::Label(l, gone)) => !gone && intersects(*l, b),
            Some(Item::Disc(c, r, o)) => *o != owner && box_meets_disc(b, *c, *r),
            None => false,
        })
    }
}

/// Whether two boxes (x0, y0, x1, y1) overlap (touching is not overlapping).
#[must_use]
pub fn intersects(a: [f32; 4], b: [f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Whether a box overlaps a disc at `c` of radius `r` (touching is not
/// overlapping).
#[must_use]
pub fn box_meets_disc(b: [f32; 4], c: [f32; 2], r: f32) -> bool {
    let dx = c[0] - c[0].clamp(b[0], b[2]);
    let dy = c[1] - c[1].clamp(b[1], b[3]);
    dx * dx + dy * dy < r * r
}
