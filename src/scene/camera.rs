//! The camera: world coordinates (the layout's) to screen pixels and back,
//! pan, zoom about a point, and fitting a set of points.

/// Maps world coordinates (the layout's) to screen pixels and back.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// World point shown at the centre of the viewport.
    pub center: [f32; 2],
    /// Pixels per world unit.
    pub zoom: f32,
    /// Viewport size in pixels (width, height).
    pub size: [f32; 2],
}

impl Camera {
    /// Smallest and largest zoom the window allows.
    pub const ZOOM_RANGE: (f32, f32) = (0.02, 20.0);

    /// World → screen (origin at the viewport's top-left).
    #[must_use]
    pub fn to_screen(&self, p: [f32; 2]) -> [f32; 2] {
        [
            (p[0] - self.center[0]) * self.zoom + self.size[0] / 2.0,
            (p[1] - self.center[1]) * self.zoom + self.size[1] / 2.0,
        ]
    }

    /// Screen → world.
    #[must_use]
    pub fn to_world(&self, s: [f32; 2]) -> [f32; 2] {
        [
            (s[0] - self.size[0] / 2.0) / self.zoom + self.center[0],
            (s[1] - self.size[1] / 2.0) / self.zoom + self.center[1],
        ]
    }

    /// A camera that frames `points` (world) in a viewport of `size` pixels
    /// with `margin` pixels free on every side. No points: centred on 0.
    #[must_use]
    pub fn fit(points: impl IntoIterator<Item = [f32; 2]>, size: [f32; 2], margin: f32) -> Camera {
        let mut min = [f32::INFINITY; 2];
        let mut max = [f32::NEG_INFINITY; 2];
        for p in points {
            if p[0].is_finite() && p[1].is_finite() {
                for k in 0..2 {
                    min[k] = min[k].min(p[k]);
                    max[k] = max[k].max(p[k]);
                }
            }
        }
        if !min[0].is_finite() {
            return Camera { center: [0.0, 0.0], zoom: 1.0, size };
        }
        let span = [(max[0] - min[0]).max(1.0), (max[1] - min[1]).max(1.0)];
        let room = [(size[0] - 2.0 * margin).max(1.0), (size[1] - 2.0 * margin).max(1.0)];
        let zoom = (room[0] / span[0]).min(room[1] / span[1]).clamp(Self::ZOOM_RANGE.0, Self::ZOOM_RANGE.1);
        Camera { center: [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0], zoom, size }
    }

    /// Zooms by `factor` keeping the world point under `screen` fixed.
    pub fn zoom_about(&mut self, screen: [f32; 2], factor: f32) {
        let before = self.to_world(screen);
        self.zoom = (self.zoom * factor).clamp(Self::ZOOM_RANGE.0, Self::ZOOM_RANGE.1);
        let after = self.to_world(screen);
        self.center[0] += before[0] - after[0];
        self.center[1] += before[1] - after[1];
    }

    /// Moves the view by a screen-pixel delta (dragging the background).
    pub fn pan(&mut self, delta: [f32; 2]) {
        self.center[0] -= delta[0] / self.zoom;
        self.center[1] -= delta[1] / self.zoom;
    }
}
