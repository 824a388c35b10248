//! Picture export options, and building the [`Scene`] of a whole graph (or
//! of the visible part of it) with a camera fitted so that every disc and
//! label is inside the picture.

use petgraph::stable_graph::NodeIndex;

use crate::graph::AtlasGraph;
use crate::scene::{self, ColorBy, Highlight, Labels, Scene, SceneInput};
use crate::style::{Style, Theme};

/// The picture's palette: the window's light or dark theme, or the light
/// palette on a transparent background (for slides and pages).
/// The command line's `--theme` values are these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum ImageTheme {
    /// Light background.
    #[default]
    #[value(help = "Dark on light")]
    Light,
    /// Dark background.
    #[value(help = "Light on dark")]
    Dark,
    /// No background; light-theme colours.
    #[value(help = "Light colours, no background")]
    Transparent,
}

impl ImageTheme {
    /// Every theme, in menu order.
    pub const ALL: [ImageTheme; 3] = [ImageTheme::Light, ImageTheme::Dark, ImageTheme::Transparent];

    /// The name on the command line: `light`, `dark`, `transparent`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ImageTheme::Light => "light",
            ImageTheme::Dark => "dark",
            ImageTheme::Transparent => "transparent",
        }
    }

    /// The window theme whose colours the picture uses.
    #[must_use]
    pub fn theme(self) -> Theme {
        match self {
            ImageTheme::Dark => Theme::Dark,
            ImageTheme::Light | ImageTheme::Transparent => Theme::Light,
        }
    }

    /// The style to build the scene with.
    #[must_use]
    pub fn style(self) -> Style {
        Style::new(self.theme())
    }

    /// Whether the background is painted.
    #[must_use]
    pub fn paints_background(self) -> bool {
        self != ImageTheme::Transparent
    }
}

/// How a picture is made.
///
/// The scene is laid out in `width` × `height` logical pixels, its discs,
/// lines, labels and legend sized for that picture (the 1600 × 1000 picture
/// scaled, [`crate::scene::sizing`]); the file has `scale` times as many
/// pixels in each direction (`scale` 2: a sharper picture of the same view). When the
/// window exports its current view, the scene's own size is used instead of
/// `width` and `height`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImageOptions {
    /// Logical width in pixels.
    pub width: u32,
    /// Logical height in pixels.
    pub height: u32,
    /// Output pixels per logical pixel (clamped to 0.05..=16).
    pub scale: f32,
    /// Palette and background.
    pub theme: ImageTheme,
    /// Draw node labels.
    pub labels: bool,
    /// Draw the legend (kinds, colours and counts).
    pub legend: bool,
    /// Fill discs by node kind or by clause role.
    pub color_by: ColorBy,
    /// Draw each section as a soft hull behind its paragraphs.
    pub hulls: bool,
}

impl Default for ImageOptions {
    fn default() -> Self {
        ImageOptions {
            width: 1600,
            height: 1000,
            scale: 1.0,
            theme: ImageTheme::Light,
            labels: true,
            legend: true,
            color_by: ColorBy::Kind,
            hulls: true,
        }
    }
}

impl ImageOptions {
    /// The scale actually used (finite, within 0.05..=16).
    #[must_use]
    pub fn effective_scale(&self) -> f32 {
        if self.scale.is_finite() { self.scale.clamp(0.05, 16.0) } else { 1.0 }
    }

    /// Output size in pixels of a scene of `size` logical pixels.
    #[must_use]
    pub fn pixel_size(&self, size: [f32; 2]) -> (u32, u32) {
        let s = self.effective_scale();
        let px = |v: f32| (v * s).round().clamp(1.0, u32::MAX as f32) as u32;
        (px(size[0]), px(size[1]))
    }
}

/// Largest picture side, in logical pixels (what the command line accepts).
pub const MAX_SIDE: u32 = 16384;

/// The aspect (width / height) of the map drawn from these node positions:
/// their bounding box's, kept within 1:4 … 4:1; the default picture's
/// (1600 / 1000) when there are too few positions to tell.
#[must_use]
pub fn map_aspect(points: impl IntoIterator<Item = [f32; 2]>) -> f32 {
    let bounds =
        points.into_iter().filter(|p| p[0].is_finite() && p[1].is_finite()).fold(None, |b: Option<[f32; 4]>, p| {
            Some(
                b.map_or([p[0], p[1], p[0], p[1]], |b| {
                    [b[0].min(p[0]), b[1].min(p[1]), b[2].max(p[0]), b[3].max(p[1])]
                }),
            )
        });
    match bounds {
        Some([x0, y0, x1, y1]) if x1 - x0 > 1.0 && y1 - y0 > 1.0 => ((x1 - x0) / (y1 - y0)).clamp(0.25, 4.0),
        _ => 1.6,
    }
}

/// The picture size for the sides asked for: both as given; one side alone
/// and the other from the map's `aspect` (width / height, see
/// [`map_aspect`]); neither, the default 1600 × 1000. Sides stay within
/// 1..=[`MAX_SIDE`].
#[must_use]
pub fn picture_size(width: Option<u32>, height: Option<u32>, aspect: f32) -> (u32, u32) {
    let aspect = if aspect.is_finite() && aspect > 0.0 { aspect } else { 1.6 };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped first
    let side = |v: f32| v.round().clamp(1.0, MAX_SIDE as f32) as u32;
    let defaults = ImageOptions::default();
    match (width, height) {
        (Some(w), Some(h)) => (w, h),
        (Some(w), None) => (w, side(w as f32 / aspect)),
        (None, Some(h)) => (side(h as f32 * aspect), h),
        (None, None) => (defaults.width, defaults.height),
    }
}

/// Free pixels kept around the drawing (at scale 1).
const MARGIN: f32 = 24.0;

/// The scene of every visible node of `graph`, with the camera fitted so
/// that discs and labels are all inside `opts.width` × `opts.height`. No
/// culling, no highlight; all edge kinds shown.
#[must_use]
pub fn whole_graph_scene(
    graph: &AtlasGraph,
    position: &dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    visible: &dyn Fn(NodeIndex) -> bool,
    opts: &ImageOptions,
) -> Scene {
    whole_graph_scene_with(graph, position, visible, opts, &crate::annotations::Overlay::default())
}

/// [`whole_graph_scene`] with an annotation overlay: badges on annotated
/// nodes and the user's own links.
///
/// The picture is the 1600 × 1000 one ([`scene::sizing::REFERENCE`]) at
/// the scale [`scene::picture_scale`] of its size: discs, lines, labels,
/// hulls, margins and the legend all grow with it, so a bigger picture is
/// the same map, sharper. Labels keep clear of the legend.
#[must_use]
pub fn whole_graph_scene_with(
    graph: &AtlasGraph,
    position: &dyn Fn(NodeIndex) -> Option<[f32; 2]>,
    visible: &dyn Fn(NodeIndex) -> bool,
    opts: &ImageOptions,
    overlay: &crate::annotations::Overlay,
) -> Scene {
    let style = opts.theme.style();
    let size = [opts.width.max(1) as f32, opts.height.max(1) as f32];
    let scale = scene::picture_scale(size);
    let camera = scene::frame(&scene::Framing {
        graph,
        position,
        visible,
        size,
        margin: MARGIN * scale,
        scale,
        font_size: style.font_size,
        labels: opts.labels,
    });
    let highlight = Highlight::default();
    let build = |labels: bool, reserved: &[[f32; 4]]| {
        let mut scene = scene::build(&SceneInput {
            graph,
            position,
            visible,
            edge_visible: &|_| true,
            badge: &|n| overlay.badge(n),
            user_links: &overlay.links,
            camera,
            style: &style,
            highlight: &highlight,
            labels: if labels { Labels::Auto } else { Labels::None },
            color_by: opts.color_by,
            cull: false,
            tooltips: true,
            hulls: opts.hulls,
            scale,
            reserved,
        });
        if !opts.theme.paints_background() {
            scene.background = crate::style::Rgba::TRANSPARENT;
        }
        scene
    };
    // The legend's corner depends on the discs alone: find it, then place
    // the labels around it.
    let legend = if opts.legend && opts.labels { super::svg::legend_box(&build(false, &[])) } else { None };
    build(opts.labels, legend.as_slice())
}

/// Bounding box (x0, y0, x1, y1) of the discs and labels, in scene pixels.
#[must_use]
pub fn extent(scene: &Scene) -> Option<[f32; 4]> {
    let discs = scene.nodes.iter().map(|n| {
        let r = n.radius + n.stroke_width;
        [n.center[0] - r, n.center[1] - r, n.center[0] + r, n.center[1] + r]
    });
    let labels = scene.labels.iter().map(super::svg::label_box);
    discs
        .chain(labels)
        .filter(|b| b.iter().all(|v| v.is_finite()))
        .reduce(|a, b| [a[0].min(b[0]), a[1].min(b[1]), a[2].max(b[2]), a[3].max(b[3])])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EdgeKind, Node, NodeKind};

    #[test]
    fn whole_graph_scene_keeps_discs_and_labels_inside() {
        let mut g = AtlasGraph::new();
        let a = g.add_node(Node::new("a", NodeKind::Document, "A very long document label that sticks out"));
        let b = g.add_node(Node::new("b", NodeKind::Resolution, "Resolution B with a long label"));
        g.add_edge(a, b, EdgeKind::Cites, Vec::new());
        let pos = |n: NodeIndex| Some(if n == a { [0.0, 0.0] } else { [100.0, 40.0] });
        let opts = ImageOptions { width: 400, height: 300, ..ImageOptions::default() };
        let scene = whole_graph_scene(&g, &pos, &|_| true, &opts);
        assert_eq!(scene.nodes.len(), 2);
        assert_eq!(scene.labels.len(), 2);
        let [x0, y0, x1, y1] = extent(&scene).expect("shapes");
        assert!(x0 >= 0.0 && y0 >= 0.0 && x1 <= 400.0 && y1 <= 300.0, "{:?}", [x0, y0, x1, y1]);
    }

    #[test]
    fn transparent_theme_clears_the_background() {
        let g = AtlasGraph::new();
        let opts = ImageOptions { theme: ImageTheme::Transparent, ..ImageOptions::default() };
        let scene = whole_graph_scene(&g, &|_| None, &|_| true, &opts);
        assert_eq!(scene.background.0[3], 0);
        assert_eq!(ImageOptions { scale: 2.0, ..opts }.pixel_size(scene.size), (3200, 2000));
    }
}
