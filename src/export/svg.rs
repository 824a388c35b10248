//! A [`Scene`] as SVG text: lines, then discs (each carrying its node id in
//! `data-id` and a `<title>` tooltip), then labels on a rounded halo as in
//! the window, then the legend. Labels are drawn with the outlines of the
//! font the window uses (Ubuntu Light), so they look the same in every
//! viewer, installed fonts or not; their text stays in the file too, so it
//! is searchable and selectable. PNG export rasterises this same SVG.

use std::fmt::Write as _;

use super::image::ImageOptions;
use super::xml::{escape_into, num_into};
use crate::scene::{Scene, text_width};
use crate::style::Rgba;

/// The font family SVG text asks for: egui's proportional font (bundled for
/// PNG export), then any sans-serif.
pub const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', sans-serif";

/// Legend font size, row height, padding, swatch radius and corner margin,
/// in pixels at scale 1 (a picture's legend scales with it, see
/// [`crate::scene::sizing`]).
const LEGEND_FONT: f32 = 12.0;
const LEGEND_ROW: f32 = 18.0;
const LEGEND_PAD: f32 = 10.0;
const LEGEND_SWATCH: f32 = 5.0;
const LEGEND_MARGIN: f32 = 8.0;

/// The rounded rectangle behind a label (x0, y0, x1, y1), in scene pixels:
/// [`scene::label_box`](crate::scene::label_box), the box placement keeps apart.
pub use crate::scene::label_box;

/// Where the legend goes: its box (x0, y0, x1, y1) in scene pixels, in the
/// corner that covers the fewest discs (labels are then placed around it).
/// `None` when the scene has no nodes.
#[must_use]
pub fn legend_box(scene: &Scene) -> Option<[f32; 4]> {
    if scene.legend.is_empty() {
        return None;
    }
    let s = scene.scale;
    let text_w = scene.legend.iter().map(|e| text_width(&legend_text(e), LEGEND_FONT * s)).fold(0.0, f32::max);
    let w = text_w + s * (2.0 * LEGEND_PAD + 18.0);
    let h = s * (scene.legend.len() as f32 * LEGEND_ROW + 2.0 * LEGEND_PAD - 4.0);
    let m = LEGEND_MARGIN * s;
    let [sw, sh] = scene.size;
    let corners = [[m, m], [sw - w - m, m], [m, sh - h - m], [sw - w - m, sh - h - m]];
    corners
        .into_iter()
        .map(|[x, y]| {
            let b = [x, y, x + w, y + h];
            let covered = scene
                .nodes
                .iter()
                .filter(|n| n.center[0] + n.radius >= b[0] && n.center[0] - n.radius <= b[2])
                .filter(|n| n.center[1] + n.radius >= b[1] && n.center[1] - n.radius <= b[3])
                .count();
            (covered, b)
        })
        .min_by_key(|(covered, _)| *covered)
        .map(|(_, b)| b)
}

fn legend_text(e: &crate::scene::LegendEntry) -> String {
    format!("{} ({})", e.key.label(), e.count)
}

/// Writes `fill="#rrggbb"` (and `fill-opacity` when not opaque) for `attr`.
fn paint(out: &mut String, attr: &str, c: Rgba) {
    let _ = write!(out, " {attr}=\"{}\"", c.to_hex());
    if c.0[3] != 255 {
        out.push(' ');
        out.push_str(attr);
        out.push_str("-opacity=\"");
        num_into(out, c.opacity());
        out.push('"');
    }
}

fn attr_num(out: &mut String, name: &str, v: f32) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    num_into(out, v);
    out.push('"');
}

/// The scene as a standalone SVG document of `scene.size` × `opts.scale`
/// pixels (the drawing itself in scene pixels through `viewBox`).
/// `opts.labels` and `opts.legend` switch labels and legend off; the theme's
/// colours are the scene's (a transparent theme leaves the background out).
///
/// # Complexity
///
/// Linear in the scene's shapes; about 200 bytes a shape.
#[must_use]
pub fn render_svg(scene: &Scene, opts: &ImageOptions) -> String {
    let mut out = String::with_capacity(512 + 200 * (scene.nodes.len() + scene.edges.len() + scene.labels.len()));
    let (pw, ph) = opts.pixel_size(scene.size);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"",
    );
    let _ = write!(out, " width=\"{pw}\" height=\"{ph}\" viewBox=\"0 0");
    attr_tail(&mut out, scene.size);
    let _ = writeln!(out, " font-family=\"{FONT_FAMILY}\">");
    out.push_str("<title>WSIS Atlas</title>\n");
    let legend_texts: Vec<String> =
        if opts.legend { scene.legend.iter().map(legend_text).collect() } else { Vec::new() };
    let label_texts = scene.labels.iter().chain(&scene.link_labels).filter(|_| opts.labels).map(|l| l.text.as_str());
    let drawn = glyph_defs(&mut out, label_texts.chain(legend_texts.iter().map(String::as_str)));
    if opts.theme.paints_background() && scene.background.0[3] > 0 {
        out.push_str("<rect class=\"background\" x=\"0\" y=\"0\"");
        attr_num(&mut out, "width", scene.size[0]);
        attr_num(&mut out, "height", scene.size[1]);
        paint(&mut out, "fill", scene.background);
        out.push_str("/>\n");
    }

    if !scene.hulls.is_empty() {
        out.push_str("<g class=\"hulls\">\n");
        for h in &scene.hulls {
            out.push_str("<path class=\"hull\" d=\"");
            for (k, p) in h.points.iter().enumerate() {
                out.push(if k == 0 { 'M' } else { 'L' });
                num_into(&mut out, p[0]);
                out.push(' ');
                num_into(&mut out, p[1]);
            }
            out.push_str("Z\"");
            paint(&mut out, "fill", h.fill);
            paint(&mut out, "stroke", h.stroke);
            attr_num(&mut out, "stroke-width", scene.scale);
            out.push_str(" stroke-linejoin=\"round\"><title>");
            escape_into(&mut out, &h.title);
            out.push_str("</title></path>\n");
        }
        out.push_str("</g>\n");
    }
    out.push_str("<g class=\"edges\" fill=\"none\" stroke-linecap=\"round\">\n");
    for e in &scene.edges {
        out.push_str("<line class=\"edge ");
        out.push_str(e.kind.as_str());
        out.push('"');
        attr_num(&mut out, "x1", e.from[0]);
        attr_num(&mut out, "y1", e.from[1]);
        attr_num(&mut out, "x2", e.to[0]);
        attr_num(&mut out, "y2", e.to[1]);
        paint(&mut out, "stroke", e.color);
        attr_num(&mut out, "stroke-width", e.width);
        if e.dashed {
            out.push_str(" stroke-dasharray=\"");
            num_into(&mut out, 4.0 * e.width.max(0.5));
            out.push(' ');
            num_into(&mut out, 3.0 * e.width.max(0.5));
            out.push('"');
        }
        out.push_str("/>\n");
    }
    out.push_str("</g>\n<g class=\"nodes\">\n");
    for n in &scene.nodes {
        out.push_str("<circle class=\"node ");
        out.push_str(n.kind.as_str());
        out.push_str("\" data-id=\"");
        escape_into(&mut out, &n.id);
        out.push('"');
        attr_num(&mut out, "cx", n.center[0]);
        attr_num(&mut out, "cy", n.center[1]);
        attr_num(&mut out, "r", n.radius);
        paint(&mut out, "fill", n.fill);
        if n.stroke_width > 0.0 && n.stroke.0[3] > 0 {
            paint(&mut out, "stroke", n.stroke);
            attr_num(&mut out, "stroke-width", n.stroke_width);
        }
        out.push_str("><title>");
        escape_into(&mut out, &n.tooltip);
        out.push_str("</title></circle>\n");
        if let Some(badge) = n.badge {
            let d = n.radius * std::f32::consts::FRAC_1_SQRT_2;
            out.push_str("<circle class=\"badge\"");
            attr_num(&mut out, "cx", n.center[0] + d);
            attr_num(&mut out, "cy", n.center[1] - d);
            attr_num(&mut out, "r", (n.radius * 0.35).max(2.5 * scene.scale));
            paint(&mut out, "fill", badge);
            paint(&mut out, "stroke", n.stroke);
            attr_num(&mut out, "stroke-width", scene.scale);
            out.push_str("/>\n");
        }
    }
    out.push_str("</g>\n");

    if opts.labels && !(scene.labels.is_empty() && scene.link_labels.is_empty()) {
        labels(&mut out, scene, &drawn);
    }

    if opts.legend
        && let Some(b) = legend_box(scene)
    {
        legend(&mut out, scene, b, opts, &drawn);
    }
    out.push_str("</svg>\n");
    out
}

/// Which end of its text a label is anchored by: the end nearer its disc,
/// so that in another font a label grows away from its disc.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The anchor of a label box `b` beside a disc centred at `x`.
    fn beside(b: [f32; 4], x: Option<f32>) -> Anchor {
        match x {
            Some(x) if b[2] <= x => Anchor::End,
            Some(x) if b[0] >= x => Anchor::Start,
            _ => Anchor::Middle,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// The labels: each on its halo, drawn as the label font's outlines (one
/// `<path>` per glyph in `<defs>`, placed with `<use>`), so every viewer
/// shows them as the window does whatever fonts it has; the text itself
/// stays in the file, transparent over the outlines, anchored by the side
/// it stands on and stretched to its measured width, so it can be searched
/// and selected. A label with a character the font lacks is drawn as text.
fn labels(out: &mut String, scene: &Scene, drawn: &Glyphs) {
    use crate::scene::labels::glyphs;
    let all: Vec<(&crate::scene::LabelShape, bool)> =
        scene.labels.iter().map(|l| (l, false)).chain(scene.link_labels.iter().map(|l| (l, true))).collect();
    let runs: Vec<Option<Vec<(u32, f32)>>> = all.iter().map(|(l, _)| glyphs::run(&l.text)).collect();
    out.push_str("<g class=\"labels\">\n");
    let nodes: std::collections::HashMap<_, _> = scene.nodes.iter().map(|n| (n.index, n)).collect();
    for ((l, on_link), run) in all.into_iter().zip(runs) {
        let b = label_box(l);
        let node = nodes.get(&l.index);
        out.push_str("<rect class=\"halo\" data-for=\"");
        escape_into(out, node.map(|n| n.id.as_str()).unwrap_or_default());
        out.push('"');
        attr_num(out, "x", b[0]);
        attr_num(out, "y", b[1]);
        attr_num(out, "width", b[2] - b[0]);
        attr_num(out, "height", b[3] - b[1]);
        attr_num(out, "rx", l.size * 0.25);
        paint(out, "fill", l.halo);
        out.push_str("/>\n");
        let baseline = l.pos[1] + l.size * 0.36;
        if let Some(run) = &run {
            outlines(out, drawn, run, [l.pos[0], baseline], l.size, l.color);
        }
        let width = text_width(&l.text, l.size);
        let anchor = if on_link { Anchor::Middle } else { Anchor::beside(b, node.map(|n| n.center[0])) };
        let x = match anchor {
            Anchor::Start => l.pos[0],
            Anchor::Middle => l.pos[0] + width / 2.0,
            Anchor::End => l.pos[0] + width,
        };
        out.push_str("<text class=\"label\"");
        attr_num(out, "x", x);
        attr_num(out, "y", baseline);
        attr_num(out, "font-size", l.size);
        let _ = write!(out, " text-anchor=\"{}\"", anchor.as_str());
        attr_num(out, "textLength", width);
        out.push_str(" lengthAdjust=\"spacingAndGlyphs\"");
        if run.is_some() {
            // Drawn by the outlines: the text is there to be found and selected.
            let _ = write!(out, " fill=\"{}\" fill-opacity=\"0\"", l.color.to_hex());
        } else {
            paint(out, "fill", l.color);
        }
        out.push('>');
        escape_into(out, &l.text);
        out.push_str("</text>\n");
    }
    out.push_str("</g>\n");
}

/// The glyphs drawn in `<defs>` (a space has no outline).
type Glyphs = std::collections::HashSet<u32>;

/// `<defs>` with the outline of every glyph of `texts` (those the label
/// font has), each `<path id="g<glyph id>">` in font units, y up.
fn glyph_defs<'t>(out: &mut String, texts: impl Iterator<Item = &'t str>) -> Glyphs {
    use crate::scene::labels::glyphs;
    let used: std::collections::BTreeSet<u32> = texts.filter_map(glyphs::run).flatten().map(|(g, _)| g).collect();
    let mut drawn = Glyphs::new();
    if used.is_empty() {
        return drawn;
    }
    out.push_str("<defs>\n");
    for g in used {
        if let Some(d) = glyphs::path(g).filter(|d| !d.is_empty()) {
            let _ = writeln!(out, "<path id=\"g{g}\" d=\"{d}\"/>");
            drawn.insert(g);
        }
    }
    out.push_str("</defs>\n");
    drawn
}

/// A run of glyphs drawn from `<defs>` with its baseline's start at `at`.
fn outlines(out: &mut String, drawn: &Glyphs, run: &[(u32, f32)], at: [f32; 2], size: f32, color: Rgba) {
    let units_per_em = crate::scene::labels::glyphs::units_per_em().unwrap_or(1000.0);
    out.push_str("<g class=\"glyphs\"");
    paint(out, "fill", color);
    out.push_str(" transform=\"translate(");
    num_into(out, at[0]);
    out.push(' ');
    num_into(out, at[1]);
    let k = size / units_per_em;
    let _ = write!(out, ") scale({k:.6} {:.6})\">", -k);
    for &(g, x) in run.iter().filter(|(g, _)| drawn.contains(g)) {
        let _ = write!(out, "<use xlink:href=\"#g{g}\"");
        attr_num(out, "x", x);
        out.push_str("/>");
    }
    out.push_str("</g>\n");
}

fn attr_tail(out: &mut String, size: [f32; 2]) {
    out.push(' ');
    num_into(out, size[0]);
    out.push(' ');
    num_into(out, size[1]);
    out.push('"');
}

/// The legend: a panel with a disc and "Kinds (count)" per visible kind (or
/// "role (count)" per clause role when the map is coloured by role).
fn legend(out: &mut String, scene: &Scene, b: [f32; 4], opts: &ImageOptions, drawn: &Glyphs) {
    let dark = opts.theme == super::image::ImageTheme::Dark;
    let (panel, text) =
        if dark { (Rgba::hex(0x24272e), Rgba::hex(0xe6e6e6)) } else { (Rgba::hex(0xffffff), Rgba::hex(0x1f2328)) };
    let s = scene.scale;
    out.push_str("<g class=\"legend\">\n<rect class=\"legend-panel\"");
    attr_num(out, "x", b[0]);
    attr_num(out, "y", b[1]);
    attr_num(out, "width", b[2] - b[0]);
    attr_num(out, "height", b[3] - b[1]);
    attr_num(out, "rx", 6.0 * s);
    paint(out, "fill", panel.fade(0.9));
    paint(out, "stroke", text.fade(0.25));
    attr_num(out, "stroke-width", s);
    out.push_str("/>\n");
    for (i, e) in scene.legend.iter().enumerate() {
        let cy = b[1] + s * (LEGEND_PAD + LEGEND_ROW * i as f32 + LEGEND_SWATCH);
        out.push_str("<circle class=\"legend-swatch ");
        out.push_str(&e.key.class());
        out.push('"');
        attr_num(out, "cx", b[0] + s * (LEGEND_PAD + LEGEND_SWATCH));
        attr_num(out, "cy", cy);
        attr_num(out, "r", LEGEND_SWATCH * s);
        paint(out, "fill", e.color);
        out.push_str("/>\n");
        let words = legend_text(e);
        let at = [b[0] + s * (LEGEND_PAD + 16.0), cy + LEGEND_FONT * s * 0.36];
        let run = crate::scene::labels::glyphs::run(&words);
        if let Some(run) = &run {
            outlines(out, drawn, run, at, LEGEND_FONT * s, text);
        }
        out.push_str("<text class=\"legend-text\"");
        attr_num(out, "x", at[0]);
        attr_num(out, "y", at[1]);
        attr_num(out, "font-size", LEGEND_FONT * s);
        attr_num(out, "textLength", text_width(&words, LEGEND_FONT * s));
        out.push_str(" lengthAdjust=\"spacingAndGlyphs\"");
        if run.is_some() {
            let _ = write!(out, " fill=\"{}\" fill-opacity=\"0\"", text.to_hex());
        } else {
            paint(out, "fill", text);
        }
        out.push('>');
        escape_into(out, &words);
        out.push_str("</text>\n");
    }
    out.push_str("</g>\n");
}
