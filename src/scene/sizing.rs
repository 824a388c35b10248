//! One size policy for what the map draws: discs and labels take their
//! size from the world (a node's radius, the label's font at zoom 1) times
//! the zoom, kept between a readable minimum and a maximum on screen; lines,
//! outlines, halos and the legend follow the picture's scale.
//!
//! The picture's scale is 1 in the window. A picture export of `W` × `H`
//! pixels has the scale `min(W / 1600, H / 1000)` ([`picture_scale`]): it
//! is the 1600 × 1000 picture ([`REFERENCE`]) drawn that many times larger,
//! every minimum and maximum included, so a 4K or 8K export shows the same
//! map with the same labels, only sharper (and a smaller one the same map,
//! smaller).

/// The picture size exports are measured against, in pixels.
pub const REFERENCE: [f32; 2] = [1600.0, 1000.0];

/// Smallest disc radius on screen, in pixels at scale 1 (a dot you can see).
pub const DISC_MIN: f32 = 1.5;
/// Largest disc radius on screen, in pixels at scale 1 (a hub, zoomed in).
pub const DISC_MAX: f32 = 48.0;
/// Discs grow with the zoom up to this many pixels per world unit (at
/// scale 1); zooming in further spreads the map out without blowing the
/// discs up, so they keep their sizes relative to one another.
pub const DISC_ZOOM_MAX: f32 = 2.5;
/// Smallest label font size, in pixels at scale 1 (readable).
pub const FONT_MIN: f32 = 11.0;
/// Largest label font size, in pixels at scale 1.
pub const FONT_MAX: f32 = 18.0;
/// Discs smaller than this (pixels at scale 1) get a label only when they
/// are a document or a section: too small at this zoom to be worth one.
pub const LABEL_MIN_RADIUS: f32 = 3.0;

/// The scale of a picture of `size` pixels: `min(W / 1600, H / 1000)`,
/// within 0.25..=16 (1 for a size that is not finite).
#[must_use]
pub fn picture_scale(size: [f32; 2]) -> f32 {
    let s = (size[0] / REFERENCE[0]).min(size[1] / REFERENCE[1]);
    if size.iter().all(|v| v.is_finite()) && s.is_finite() { s.clamp(0.25, 16.0) } else { 1.0 }
}

/// Sizes on screen at one zoom and picture scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// Pixels per world unit.
    pub zoom: f32,
    /// Screen pixels per reference pixel (1 in the window).
    pub scale: f32,
}

impl Sizes {
    /// The sizes at `zoom` (pixels per world unit) and picture `scale`;
    /// a scale that is not finite and positive counts as 1.
    #[must_use]
    pub fn new(zoom: f32, scale: f32) -> Sizes {
        let scale = if scale.is_finite() && scale > 0.0 { scale } else { 1.0 };
        Sizes { zoom, scale }
    }

    /// On-screen radius of a disc of `world` radius.
    #[must_use]
    pub fn radius(&self, world: f32) -> f32 {
        let s = self.scale;
        (world * self.zoom.min(DISC_ZOOM_MAX * s)).clamp(DISC_MIN * s, DISC_MAX * s)
    }

    /// Label font size of a label whose size at zoom 1 is `base` pixels
    /// (the style's font size).
    #[must_use]
    pub fn font(&self, base: f32) -> f32 {
        let s = self.scale;
        (base * self.zoom).clamp(FONT_MIN * s, FONT_MAX * s)
    }

    /// A line, outline or margin of `px` pixels at scale 1.
    #[must_use]
    pub fn px(&self, px: f32) -> f32 {
        px * self.scale
    }

    /// Whether a disc of this on-screen radius is big enough for a label
    /// (documents and sections are labelled at any size).
    #[must_use]
    pub fn labelled(&self, radius: f32) -> bool {
        radius >= LABEL_MIN_RADIUS * self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discs_and_labels_follow_the_zoom_between_a_minimum_and_a_maximum() {
        let far = Sizes::new(0.01, 1.0);
        assert_eq!(far.radius(6.0), DISC_MIN);
        assert_eq!(far.font(12.0), FONT_MIN);
        let near = Sizes::new(50.0, 1.0);
        assert_eq!(near.font(12.0), FONT_MAX);
        // Past the disc zoom cap discs keep their relative sizes…
        assert_eq!(near.radius(6.0), 6.0 * DISC_ZOOM_MAX);
        assert_eq!(near.radius(12.0), 12.0 * DISC_ZOOM_MAX);
        // …up to the largest disc.
        assert_eq!(near.radius(54.0), DISC_MAX);
        let mid = Sizes::new(1.2, 1.0);
        assert!((mid.radius(6.0) - 7.2).abs() < 1e-4);
        assert!((mid.font(12.0) - 14.4).abs() < 1e-4);
    }

    #[test]
    fn a_bigger_picture_is_the_same_picture_scaled() {
        let s = picture_scale([3840.0, 2160.0]);
        assert!((s - 2.16).abs() < 1e-4);
        assert_eq!(picture_scale(REFERENCE), 1.0);
        assert!((picture_scale([1024.0, 700.0]) - 0.64).abs() < 1e-4);
        for zoom in [0.01, 0.5, 0.9, 1.3, 2.0, 8.0] {
            let (one, big) = (Sizes::new(zoom, 1.0), Sizes::new(zoom * s, s));
            for world in [6.0, 10.0, 30.0, 54.0] {
                assert!((big.radius(world) - s * one.radius(world)).abs() < 1e-3, "{zoom} {world}");
            }
            assert!((big.font(12.0) - s * one.font(12.0)).abs() < 1e-3, "{zoom}");
            assert_eq!(big.labelled(s * 3.0), one.labelled(3.0));
        }
        assert_eq!(picture_scale([f32::NAN, 1.0]), 1.0);
        assert_eq!(Sizes::new(1.0, f32::NAN).scale, 1.0);
    }
}
