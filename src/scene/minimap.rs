//! The overview minimap's geometry: where it sits on the canvas (a corner),
//! how the whole map's world bounding box fits into it, the current view as
//! a rectangle in it, and a point in it back to the world point a click
//! there means. Model code, no egui: the window paints and reads the
//! pointer, the arithmetic is here and tested.

use super::Camera;

/// The minimap's panel size in pixels (width, height).
pub const SIZE: [f32; 2] = [200.0, 140.0];
/// Pixels between the panel and the canvas's corner.
pub const MARGIN: f32 = 10.0;
/// Pixels between the panel's border and the map drawn in it.
pub const PADDING: f32 = 6.0;

/// A rectangle in canvas pixels or world units: `[min_x, min_y, max_x, max_y]`.
pub type Bounds = [f32; 4];

/// The bounding box of `points` (world), ignoring non-finite ones; `None`
/// when there is none.
#[must_use]
pub fn bounds(points: impl IntoIterator<Item = [f32; 2]>) -> Option<Bounds> {
    let mut b = [f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY];
    for p in points {
        if p[0].is_finite() && p[1].is_finite() {
            b = [b[0].min(p[0]), b[1].min(p[1]), b[2].max(p[0]), b[3].max(p[1])];
        }
    }
    b[0].is_finite().then_some(b)
}

/// The minimap of a canvas: its panel in the bottom-right corner and the
/// mapping from the world's bounding box into it (uniform scale, centred).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Minimap {
    /// The panel, in canvas pixels (origin at the canvas's top-left).
    pub panel: Bounds,
    /// Minimap pixels per world unit.
    pub scale: f32,
    /// The world point drawn at the centre of the panel.
    pub center: [f32; 2],
}

impl Minimap {
    /// The minimap of a canvas of `canvas` pixels showing the world box
    /// `world`. `None` when the canvas is too small to spare the corner
    /// (less than twice the panel in either direction) or the box is not
    /// finite.
    #[must_use]
    pub fn new(canvas: [f32; 2], world: Bounds) -> Option<Minimap> {
        if !(canvas[0] >= 2.0 * SIZE[0] && canvas[1] >= 2.0 * SIZE[1]) || world.iter().any(|v| !v.is_finite()) {
            return None;
        }
        let (x1, y1) = (canvas[0] - MARGIN, canvas[1] - MARGIN);
        let panel = [x1 - SIZE[0], y1 - SIZE[1], x1, y1];
        let span = [(world[2] - world[0]).max(1.0), (world[3] - world[1]).max(1.0)];
        let room = [SIZE[0] - 2.0 * PADDING, SIZE[1] - 2.0 * PADDING];
        let scale = (room[0] / span[0]).min(room[1] / span[1]);
        let center = [(world[0] + world[2]) / 2.0, (world[1] + world[3]) / 2.0];
        Some(Minimap { panel, scale, center })
    }

    /// The panel's centre in canvas pixels.
    fn panel_center(&self) -> [f32; 2] {
        [(self.panel[0] + self.panel[2]) / 2.0, (self.panel[1] + self.panel[3]) / 2.0]
    }

    /// World → canvas pixels inside the minimap.
    #[must_use]
    pub fn to_panel(&self, p: [f32; 2]) -> [f32; 2] {
        let c = self.panel_center();
        [c[0] + (p[0] - self.center[0]) * self.scale, c[1] + (p[1] - self.center[1]) * self.scale]
    }

    /// Canvas pixels inside the minimap → world.
    #[must_use]
    pub fn to_world(&self, s: [f32; 2]) -> [f32; 2] {
        let c = self.panel_center();
        [self.center[0] + (s[0] - c[0]) / self.scale, self.center[1] + (s[1] - c[1]) / self.scale]
    }

    /// Whether the canvas pixel `s` is on the minimap's panel.
    #[must_use]
    pub fn contains(&self, s: [f32; 2]) -> bool {
        s[0] >= self.panel[0] && s[0] <= self.panel[2] && s[1] >= self.panel[1] && s[1] <= self.panel[3]
    }

    /// What `camera` shows, as a rectangle in the minimap (canvas pixels),
    /// clipped to the panel; `None` when the view lies wholly outside it.
    #[must_use]
    pub fn view_rect(&self, camera: &Camera) -> Option<Bounds> {
        let a = self.to_panel(camera.to_world([0.0, 0.0]));
        let b = self.to_panel(camera.to_world(camera.size));
        let r = [a[0].max(self.panel[0]), a[1].max(self.panel[1]), b[0].min(self.panel[2]), b[1].min(self.panel[3])];
        (r[0] <= r[2] && r[1] <= r[3]).then_some(r)
    }

    /// The camera centred on the world point under the minimap pixel `s`
    /// (clamped to the panel), its zoom and size kept: a click or drag there.
    #[must_use]
    pub fn centre_on(&self, camera: &Camera, s: [f32; 2]) -> Camera {
        let s = [s[0].clamp(self.panel[0], self.panel[2]), s[1].clamp(self.panel[1], self.panel[3])];
        Camera { center: self.to_world(s), ..*camera }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CANVAS: [f32; 2] = [800.0, 600.0];

    fn close(a: [f32; 2], b: [f32; 2]) -> bool {
        (a[0] - b[0]).abs() < 1e-3 && (a[1] - b[1]).abs() < 1e-3
    }

    #[test]
    fn the_panel_sits_in_the_bottom_right_corner_and_holds_the_whole_map() -> Result<(), &'static str> {
        let world = [-1_000.0, -300.0, 1_000.0, 500.0];
        let m = Minimap::new(CANVAS, world).ok_or("a minimap")?;
        assert_eq!(m.panel, [590.0, 450.0, 790.0, 590.0]);
        for corner in [[world[0], world[1]], [world[2], world[3]], [world[0], world[3]], [world[2], world[1]]] {
            let s = m.to_panel(corner);
            assert!(s[0] >= m.panel[0] + PADDING - 1e-3 && s[0] <= m.panel[2] - PADDING + 1e-3, "{s:?}");
            assert!(s[1] >= m.panel[1] + PADDING - 1e-3 && s[1] <= m.panel[3] - PADDING + 1e-3, "{s:?}");
        }
        // The wider side fills the room; the map is centred.
        assert!((m.scale - (SIZE[0] - 2.0 * PADDING) / 2_000.0).abs() < 1e-6);
        assert!(close(m.to_panel([0.0, 100.0]), [690.0, 520.0]));
        Ok(())
    }

    #[test]
    fn a_small_canvas_or_an_empty_map_has_no_minimap() {
        assert_eq!(Minimap::new([399.0, 600.0], [0.0, 0.0, 1.0, 1.0]), None);
        assert_eq!(Minimap::new([800.0, 279.0], [0.0, 0.0, 1.0, 1.0]), None);
        assert_eq!(bounds([[f32::NAN, 0.0]]), None);
        assert_eq!(bounds([[1.0, 5.0], [-2.0, 3.0], [f32::INFINITY, 0.0]]), Some([-2.0, 3.0, 1.0, 5.0]));
        // One point: a box of one unit around it, no division by zero.
        let m = Minimap::new(CANVAS, [5.0, 5.0, 5.0, 5.0]);
        assert!(m.is_some_and(|m| m.scale.is_finite() && close(m.to_world(m.to_panel([5.0, 5.0])), [5.0, 5.0])));
    }

    #[test]
    fn a_point_in_the_minimap_is_the_world_point_drawn_there() -> Result<(), &'static str> {
        let m = Minimap::new(CANVAS, [-1_000.0, -300.0, 1_000.0, 500.0]).ok_or("a minimap")?;
        for p in [[0.0, 0.0], [-1_000.0, 500.0], [333.0, -42.0]] {
            assert!(close(m.to_world(m.to_panel(p)), p), "{p:?}");
        }
        assert!(m.contains([600.0, 500.0]) && !m.contains([580.0, 500.0]) && !m.contains([600.0, 595.0]));
        Ok(())
    }

    #[test]
    fn the_view_is_a_rectangle_in_the_minimap_clipped_to_it() -> Result<(), &'static str> {
        let m = Minimap::new(CANVAS, [-1_000.0, -300.0, 1_000.0, 500.0]).ok_or("a minimap")?;
        // 800×600 pixels at zoom 2 show 400×300 world units around (100, 0).
        let camera = Camera { center: [100.0, 0.0], zoom: 2.0, size: CANVAS };
        let r = m.view_rect(&camera).ok_or("in view")?;
        let (a, b) = (m.to_panel([-100.0, -150.0]), m.to_panel([300.0, 150.0]));
        assert!(close([r[0], r[1]], a) && close([r[2], r[3]], b), "{r:?}");
        // Zoomed far out, the view covers the whole panel, clipped to it.
        let out = Camera { zoom: 0.01, ..camera };
        assert_eq!(m.view_rect(&out), Some(m.panel));
        // Looking far away: no rectangle.
        assert_eq!(m.view_rect(&Camera { center: [1e6, 1e6], ..camera }), None);
        Ok(())
    }

    #[test]
    fn a_click_centres_the_camera_on_its_world_point_keeping_the_zoom() -> Result<(), &'static str> {
        let m = Minimap::new(CANVAS, [-1_000.0, -300.0, 1_000.0, 500.0]).ok_or("a minimap")?;
        let camera = Camera { center: [0.0, 0.0], zoom: 1.5, size: CANVAS };
        let at = m.to_panel([600.0, 200.0]);
        let moved = m.centre_on(&camera, at);
        assert!(close(moved.center, [600.0, 200.0]));
        assert_eq!((moved.zoom, moved.size), (camera.zoom, camera.size));
        // A drag past the panel's edge stops at the edge.
        let past = m.centre_on(&camera, [2_000.0, 2_000.0]);
        assert!(close(past.center, m.to_world([m.panel[2], m.panel[3]])));
        Ok(())
    }
}
