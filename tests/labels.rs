//! Integration tests: labels as a cartographer places them and one size
//! policy, measured on the SVG export of the bundled document (laid out to
//! rest) at 1600×1000, 1024×700 and 3840×2160 — the SVG text parsed, each
//! label's halo box (the box placement keeps apart) read back.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::stable_graph::NodeIndex;
use resvg::usvg::roxmltree;

use wsis_atlas::export::{ImageOptions, render_svg};
use wsis_atlas::scene::labels::{box_meets_disc, intersects};

use crate::export::{bundled, bundled_scene};

/// The sizes the issue measures.
const SIZES: [(u32, u32); 3] = [(1600, 1000), (1024, 700), (3840, 2160)];

/// A node's disc as the SVG draws it.
struct Disc {
    id: String,
    center: [f32; 2],
    radius: f32,
    stroke: f32,
}

/// A label as the SVG draws it: its node, its halo box, its font size.
struct Label {
    id: String,
    halo: [f32; 4],
    font: f32,
}

/// What a picture's SVG holds, read back.
struct Picture {
    size: [f32; 2],
    discs: Vec<Disc>,
    labels: Vec<Label>,
    legend: Option<[f32; 4]>,
    legend_font: f32,
    line_widths: Vec<f32>,
}

fn num(e: roxmltree::Node<'_, '_>, name: &str) -> f32 {
    e.attribute(name).and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("{name} on {e:?}"))
}

fn rect(e: roxmltree::Node<'_, '_>) -> [f32; 4] {
    let (x, y) = (num(e, "x"), num(e, "y"));
    [x, y, x + num(e, "width"), y + num(e, "height")]
}

/// The SVG export of the whole bundled document at `width` × `height`, read back.
fn picture(width: u32, height: u32) -> Picture {
    let (graph, _) = bundled();
    let all: BTreeSet<NodeIndex> = graph.node_indices().collect();
    let opts = ImageOptions { width, height, ..ImageOptions::default() };
    let svg = render_svg(&bundled_scene(&all, &opts), &opts);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let class = |e: &roxmltree::Node<'_, '_>| e.attribute("class").unwrap_or_default().to_owned();
    let discs = doc
        .descendants()
        .filter(|e| e.has_tag_name("circle") && class(e).starts_with("node "))
        .map(|e| Disc {
            id: e.attribute("data-id").unwrap_or_default().to_owned(),
            center: [num(e, "cx"), num(e, "cy")],
            radius: num(e, "r"),
            stroke: e.attribute("stroke-width").and_then(|v| v.parse().ok()).unwrap_or(0.0),
        })
        .collect();
    let halos: Vec<(String, [f32; 4])> = doc
        .descendants()
        .filter(|e| class(e) == "halo")
        .map(|e| (e.attribute("data-for").unwrap_or_default().to_owned(), rect(e)))
        .collect();
    let fonts: Vec<f32> = doc.descendants().filter(|e| class(e) == "label").map(|e| num(e, "font-size")).collect();
    assert_eq!(halos.len(), fonts.len(), "one halo per label");
    let labels = halos.into_iter().zip(fonts).map(|((id, halo), font)| Label { id, halo, font }).collect();
    let legend = doc.descendants().find(|e| class(e) == "legend-panel").map(rect);
    let legend_font =
        doc.descendants().find(|e| class(e) == "legend-text").map(|e| num(e, "font-size")).unwrap_or_default();
    let line_widths = doc.descendants().filter(|e| e.has_tag_name("line")).map(|e| num(e, "stroke-width")).collect();
    Picture { size: [width as f32, height as f32], discs, labels, legend, legend_font, line_widths }
}

fn median(mut v: Vec<f32>) -> f32 {
    v.sort_by(f32::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f32::NAN)
}

/// Overlaps smaller than this (pixels) are rounding in the SVG's numbers.
const EPS: f32 = 0.02;

fn shrink(b: [f32; 4]) -> [f32; 4] {
    [b[0] + EPS, b[1] + EPS, b[2] - EPS, b[3] - EPS]
}

#[test]
fn no_label_covers_another_label_or_another_nodes_disc_or_leaves_the_frame() {
    for (width, height) in SIZES {
        let p = picture(width, height);
        assert!(p.labels.len() > 100, "{width}×{height}: only {} labels", p.labels.len());
        for (i, a) in p.labels.iter().enumerate() {
            let h = a.halo;
            assert!(
                h[0] >= -EPS && h[1] >= -EPS && h[2] <= p.size[0] + EPS && h[3] <= p.size[1] + EPS,
                "{width}×{height}: the label of {} is cut by the frame: {h:?}",
                a.id
            );
            for b in p.labels.iter().skip(i + 1) {
                assert!(!intersects(shrink(h), b.halo), "{width}×{height}: labels of {} and {} overlap", a.id, b.id);
            }
            for d in p.discs.iter().filter(|d| d.id != a.id) {
                assert!(
                    !box_meets_disc(shrink(h), d.center, d.radius),
                    "{width}×{height}: the label of {} covers the disc of {}",
                    a.id,
                    d.id
                );
            }
            if let Some(legend) = p.legend {
                assert!(!intersects(shrink(h), legend), "{width}×{height}: the label of {} is under the legend", a.id);
            }
        }
        for d in &p.discs {
            let r = d.radius + d.stroke / 2.0;
            let inside = d.center[0] - r >= -EPS
                && d.center[1] - r >= -EPS
                && d.center[0] + r <= p.size[0] + EPS
                && d.center[1] + r <= p.size[1] + EPS;
            assert!(inside, "{width}×{height}: the disc of {} is cut by the frame", d.id);
        }
    }
}

#[test]
fn nine_nodes_in_ten_are_labelled_at_1600_by_1000() {
    let p = picture(1600, 1000);
    let labelled: BTreeSet<&str> = p.labels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(labelled.len(), p.labels.len(), "one label a node");
    assert!(labelled.iter().all(|id| p.discs.iter().any(|d| d.id == *id)), "every label names a drawn node");
    let share = labelled.len() as f32 / p.discs.len() as f32;
    eprintln!("{} of {} nodes labelled at 1600×1000", labelled.len(), p.discs.len());
    let missing: Vec<&str> = p.discs.iter().map(|d| d.id.as_str()).filter(|id| !labelled.contains(id)).collect();
    assert!(
        share >= 0.9,
        "{} of {} nodes labelled ({:.0}%), not {missing:?}",
        labelled.len(),
        p.discs.len(),
        share * 100.0
    );
}

#[test]
fn a_bigger_export_is_the_same_map_sharper() {
    let reference = picture(1600, 1000);
    let median_radius = |p: &Picture| median(p.discs.iter().map(|d| d.radius).collect());
    let ratio = |p: &Picture| median(p.labels.iter().map(|l| l.font).collect()) / median_radius(p);
    let labelled = |p: &Picture| p.labels.iter().map(|l| l.id.clone()).collect::<BTreeSet<String>>();
    let font_of = |p: &Picture| median(p.labels.iter().map(|l| l.font).collect());
    for (width, height) in [(1024, 700), (3840, 2160)] {
        let p = picture(width, height);
        let scale = (width as f32 / 1600.0).min(height as f32 / 1000.0);
        let within = |got: f32, want: f32, tol: f32| (got / want - 1.0).abs() <= tol;
        // Labels and discs keep their proportion…
        assert!(within(ratio(&p), ratio(&reference), 0.1), "{width}×{height}: font / radius {}", ratio(&p));
        // …and grow with the picture, as lines and the legend do.
        assert!(within(font_of(&p), font_of(&reference) * scale, 0.1), "{width}×{height}: font {}", font_of(&p));
        assert!(within(median_radius(&p), median_radius(&reference) * scale, 0.1), "{width}×{height}: radius");
        let lines = median(p.line_widths.clone());
        assert!(within(lines, median(reference.line_widths.clone()) * scale, 0.01), "{width}×{height}: lines");
        assert!(within(p.legend_font, reference.legend_font * scale, 0.01), "{width}×{height}: legend");
        // The same labels: a few may trade places where the aspect differs
        // (16:9 is wider than 16:10, 1024×700 taller).
        let (a, b) = (labelled(&p), labelled(&reference));
        let differ = a.symmetric_difference(&b).count();
        eprintln!("{width}×{height}: {} labels, {differ} differ from 1600×1000's {}", a.len(), b.len());
        let allowed = if width == 3840 { b.len() / 20 } else { b.len() / 10 };
        assert!(differ <= allowed, "{width}×{height}: {differ} labels differ from 1600×1000's");
    }
}

#[test]
fn a_section_hull_is_drawn_wider_and_its_outline_thicker_in_a_bigger_export() {
    // The hulls grow with the picture as the discs do: one per section at
    // every size (`export::each_section_is_one_hull…`), its outline scaled.
    let (graph, _) = bundled();
    let all: BTreeSet<NodeIndex> = graph.node_indices().collect();
    let widths: BTreeMap<u32, f32> = [1600, 3840]
        .into_iter()
        .map(|width| {
            let opts = ImageOptions { width, height: width * 1000 / 1600, ..ImageOptions::default() };
            let svg = render_svg(&bundled_scene(&all, &opts), &opts);
            let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
            let hull = doc.descendants().find(|e| e.attribute("class") == Some("hull")).expect("a hull");
            (width, num(hull, "stroke-width"))
        })
        .collect();
    assert!((widths[&3840] / widths[&1600] - 2.4).abs() < 0.01, "{widths:?}");
}
