//! The camera following the reader: where to look when something is
//! selected ([`follow`]), how to frame a selection and its neighbours
//! ([`frame`]), and the short animated move there ([`CameraMotion`]). Model
//! code, no egui: the window advances a motion by its frame time, and tests
//! measure it.

use crate::scene::Camera;

/// How long a follow or framing move takes, in seconds.
pub const DURATION: f32 = 0.35;
/// Part of the view's width and height kept as a border: a point inside
/// the rest is "well inside the view" and the camera does not move for it.
pub const INNER_MARGIN: f32 = 0.15;
/// Smallest on-screen disc radius (pixels) that is comfortable to read; a
/// selection drawn smaller is zoomed in to this.
pub const READABLE_RADIUS: f32 = 7.0;
/// Pixels free around a framed selection.
pub const FRAME_MARGIN: f32 = 60.0;
/// Framing a selection never zooms in beyond this (pixels per world unit):
/// a node with no neighbours is not blown up to fill the window.
pub const FRAME_MAX_ZOOM: f32 = 2.5;

/// Whether `p` (world) lies inside the view with [`INNER_MARGIN`] to spare.
#[must_use]
pub fn well_inside(camera: &Camera, p: [f32; 2]) -> bool {
    let s = camera.to_screen(p);
    (0..2).all(|k| {
        let m = camera.size[k] * INNER_MARGIN;
        s[k] >= m && s[k] <= camera.size[k] - m
    })
}

/// Where the camera should go to show a node at `p` (world) of `radius`
/// (world units): `None` when it is already well inside the view and big
/// enough to read; else centred on it, zoomed in (only) until its disc is
/// [`READABLE_RADIUS`] pixels.
#[must_use]
pub fn follow(camera: &Camera, p: [f32; 2], radius: f32) -> Option<Camera> {
    if !(p[0].is_finite() && p[1].is_finite()) {
        return None;
    }
    let readable = radius > 0.0 && radius * camera.zoom >= READABLE_RADIUS * 0.99;
    let readable_zoom = if radius > 0.0 { READABLE_RADIUS / radius } else { camera.zoom };
    if well_inside(camera, p) && (readable || radius <= 0.0) {
        return None;
    }
    let zoom = camera.zoom.max(readable_zoom).clamp(Camera::ZOOM_RANGE.0, Camera::ZOOM_RANGE.1);
    Some(Camera { center: p, zoom, size: camera.size })
}

/// A camera that frames `points` (a selection and its neighbours) in the
/// view of `camera`, zoomed in no further than [`FRAME_MAX_ZOOM`].
#[must_use]
pub fn frame(camera: &Camera, points: impl IntoIterator<Item = [f32; 2]>) -> Camera {
    let mut c = Camera::fit(points, camera.size, FRAME_MARGIN);
    c.zoom = c.zoom.min(FRAME_MAX_ZOOM);
    c
}

/// A move of the camera from one view to another over [`DURATION`]:
/// eased in and out, the centre moving at a pace that keeps screen motion
/// even while the zoom changes geometrically.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CameraMotion {
    from: Camera,
    to: Camera,
    elapsed: f32,
    duration: f32,
}

impl CameraMotion {
    /// A move from `from` to `to` (the viewport size is `to`'s).
    #[must_use]
    pub fn new(from: Camera, to: Camera) -> Self {
        CameraMotion { from, to, elapsed: 0.0, duration: DURATION }
    }

    /// A move from `from` to `to` taking `seconds` (at least a frame's worth).
    #[must_use]
    pub fn lasting(from: Camera, to: Camera, seconds: f32) -> Self {
        let duration = if seconds.is_finite() { seconds.max(0.01) } else { DURATION };
        CameraMotion { from, to, elapsed: 0.0, duration }
    }

    /// Where the move ends.
    #[must_use]
    pub fn target(&self) -> Camera {
        self.to
    }

    /// Whether the move has arrived.
    #[must_use]
    pub fn is_done(&self) -> bool {
        self.elapsed >= self.duration
    }

    /// Advances by `dt` seconds (negative or non-finite counts as 0) and
    /// returns the camera at that time, in a viewport of `size` pixels.
    pub fn advance(&mut self, dt: f32, size: [f32; 2]) -> Camera {
        let dt = if dt.is_finite() { dt.max(0.0) } else { 0.0 };
        self.elapsed = (self.elapsed + dt).min(self.duration);
        let mut c = self.at(self.elapsed / self.duration);
        c.size = size;
        c
    }

    /// The camera at fraction `t` (0..=1) of the move.
    #[must_use]
    pub fn at(&self, t: f32) -> Camera {
        let t = t.clamp(0.0, 1.0);
        if t >= 1.0 {
            return self.to;
        }
        // Smoothstep: starts and ends at rest.
        let e = t * t * (3.0 - 2.0 * t);
        let (z0, z1) = (self.from.zoom.max(1e-6), self.to.zoom.max(1e-6));
        let zoom = z0 * (z1 / z0).powf(e);
        // The centre's progress in proportion to 1/zoom travelled, so that
        // zooming in while panning does not overshoot on screen.
        let w = if (z1 - z0).abs() / z0 < 1e-4 { e } else { (1.0 / z0 - 1.0 / zoom) / (1.0 / z0 - 1.0 / z1) };
        let lerp = |a: f32, b: f32| a + (b - a) * w;
        Camera {
            center: [lerp(self.from.center[0], self.to.center[0]), lerp(self.from.center[1], self.to.center[1])],
            zoom,
            size: self.to.size,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cam(x: f32, y: f32, zoom: f32) -> Camera {
        Camera { center: [x, y], zoom, size: [800.0, 600.0] }
    }

    #[test]
    fn a_node_well_inside_and_readable_does_not_move_the_camera() {
        let c = cam(0.0, 0.0, 1.0);
        assert_eq!(follow(&c, [10.0, -20.0], 8.0), None);
        // Near the edge: centred on it, zoom kept (already readable).
        let to = follow(&c, [390.0, 0.0], 8.0).expect("near the edge");
        assert_eq!((to.center, to.zoom), ([390.0, 0.0], 1.0));
        // Off screen.
        assert!(follow(&c, [5_000.0, 0.0], 8.0).is_some());
        assert_eq!(follow(&c, [f32::NAN, 0.0], 8.0), None);
    }

    #[test]
    fn a_node_too_small_to_read_is_zoomed_in_to_a_readable_size_never_out() {
        let c = cam(0.0, 0.0, 0.2);
        let to = follow(&c, [0.0, 0.0], 7.0).expect("a 1.4 px disc is too small");
        assert!((to.zoom * 7.0 - READABLE_RADIUS).abs() < 1e-4);
        let close = cam(0.0, 0.0, 4.0);
        assert_eq!(follow(&close, [1_000.0, 0.0], 7.0).map(|c| c.zoom), Some(4.0), "never zooms out");
    }

    #[test]
    fn a_motion_eases_from_start_to_target_and_ends_exactly_there() {
        let (a, b) = (cam(0.0, 0.0, 0.5), cam(1_000.0, 200.0, 2.0));
        let mut m = CameraMotion::new(a, b);
        assert_eq!(m.at(0.0), a);
        let first = m.advance(1.0 / 60.0, a.size);
        assert!(first.center[0] > 0.0 && first.center[0] < 20.0, "a gentle start: {:?}", first.center);
        assert!(!m.is_done());
        let mut last = first;
        for _ in 0..100 {
            let c = m.advance(1.0 / 60.0, a.size);
            assert!(c.center[0] >= last.center[0] && c.zoom >= last.zoom, "monotonic");
            last = c;
        }
        assert!(m.is_done());
        assert_eq!(last, b);
        assert_eq!(m.target(), b);
        // Halfway the zoom is the geometric mean.
        assert!((m.at(0.5).zoom - 1.0).abs() < 1e-4);
    }

    #[test]
    fn framing_covers_every_point_and_caps_the_zoom() {
        let c = cam(0.0, 0.0, 1.0);
        let points = [[-500.0, 0.0], [1_500.0, 300.0], [200.0, -400.0]];
        let f = frame(&c, points);
        for p in points {
            let s = f.to_screen(p);
            assert!(s[0] >= FRAME_MARGIN - 0.5 && s[0] <= 800.0 - FRAME_MARGIN + 0.5, "{s:?}");
            assert!(s[1] >= 0.0 && s[1] <= 600.0, "{s:?}");
        }
        assert_eq!(frame(&c, [[3.0, 4.0]]).zoom, FRAME_MAX_ZOOM);
    }
}
