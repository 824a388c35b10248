//! Integration tests: export. Every output is read back — SVG and GraphML
//! parsed, PNG decoded and its pixels checked, DOT statements counted — on
//! the bundled document laid out to rest, on hand-made graphs with hostile
//! text, and through the `wsis-atlas export` command.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use petgraph::stable_graph::NodeIndex;
use resvg::tiny_skia::Pixmap;
use resvg::usvg::roxmltree;

use wsis_atlas::export::{
    self, Format, ImageOptions, ImageTheme, Selection, render_png, render_svg, to_dot, to_graphml, whole_graph_scene,
};
use wsis_atlas::graph::{AtlasGraph, EdgeKind, Node, NodeKind};
use wsis_atlas::scene::Scene;
use wsis_atlas::style::Style;

/// The bundled graph and its settled layout (computed once for all tests).
pub(crate) fn bundled() -> &'static (AtlasGraph, HashMap<NodeIndex, [f32; 2]>) {
    static BUNDLED: OnceLock<(AtlasGraph, HashMap<NodeIndex, [f32; 2]>)> = OnceLock::new();
    BUNDLED.get_or_init(|| {
        let graph = AtlasGraph::bundled().expect("bundled lexicons parse");
        let all: BTreeSet<NodeIndex> = graph.node_indices().collect();
        let layout = export::settled_layout(&graph, &all, export::SEED, export::MAX_LAYOUT_STEPS);
        let positions = graph.node_indices().filter_map(|n| layout.position(n).map(|p| (n, p))).collect();
        (graph, positions)
    })
}

pub(crate) fn bundled_scene(visible: &BTreeSet<NodeIndex>, opts: &ImageOptions) -> Scene {
    let (graph, positions) = bundled();
    whole_graph_scene(graph, &|n| positions.get(&n).copied(), &|n| visible.contains(&n), opts)
}

fn ids_of(graph: &AtlasGraph, set: &BTreeSet<NodeIndex>) -> BTreeSet<String> {
    set.iter().filter_map(|&n| graph.node(n)).map(|n| n.id.clone()).collect()
}

fn edges_within(graph: &AtlasGraph, set: &BTreeSet<NodeIndex>) -> usize {
    graph.edges().filter(|(s, t, _)| set.contains(s) && set.contains(t)).count()
}

/// Node ids (`data-id`) of the SVG's node discs.
fn svg_node_ids(doc: &roxmltree::Document<'_>) -> Vec<String> {
    doc.descendants()
        .filter(|e| e.has_tag_name("circle") && e.attribute("class").is_some_and(|c| c.starts_with("node ")))
        .filter_map(|e| e.attribute("data-id").map(str::to_owned))
        .collect()
}

#[test]
fn svg_of_the_bundled_document_has_one_disc_per_node_one_line_per_edge_and_text_labels() {
    let (graph, _) = bundled();
    let all: BTreeSet<NodeIndex> = graph.node_indices().collect();
    let opts = ImageOptions::default();
    let scene = bundled_scene(&all, &opts);
    let svg = render_svg(&scene, &opts);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert_eq!(doc.root_element().attribute("width"), Some("1600"));

    let ids = svg_node_ids(&doc);
    assert_eq!(ids.len(), graph.node_count(), "one disc per node");
    assert_eq!(ids.iter().cloned().collect::<BTreeSet<_>>(), ids_of(graph, &all));
    let discs_with_titles = doc
        .descendants()
        .filter(|e| e.attribute("data-id").is_some())
        .filter(|e| e.children().any(|c| c.has_tag_name("title") && c.text().is_some_and(|t| !t.is_empty())))
        .count();
    assert_eq!(discs_with_titles, ids.len(), "every disc has a tooltip");

    let lines = doc.descendants().filter(|e| e.has_tag_name("line")).count();
    assert_eq!(lines, graph.edge_count(), "one line per edge");

    let texts: Vec<&str> = doc
        .descendants()
        .filter(|e| e.has_tag_name("text") && e.attribute("class") == Some("label"))
        .filter_map(|e| e.text())
        .collect();
    assert!(texts.len() >= 40, "only {} labels", texts.len());
    assert!(texts.contains(&"Tunis Agenda"), "{texts:?}");
    for l in &scene.labels {
        assert!(texts.contains(&l.text.as_str()), "label {} missing", l.text);
    }
    let halos = doc.descendants().filter(|e| e.attribute("class") == Some("halo")).count();
    assert_eq!(halos, texts.len(), "every label sits on a halo");
    assert!(svg.contains("Paragraphs ("), "legend");

    // usvg (what PNG export rasterises) accepts it too.
    export::png::parse_svg(&svg).expect("usvg parses the SVG");
}

/// Whether the centre of node `i` is painted over by a later disc or a label.
fn covered(scene: &Scene, i: usize) -> bool {
    let Some(n) = scene.nodes.get(i) else { return true };
    let [x, y] = n.center;
    let later_disc = scene.nodes.iter().skip(i + 1).any(|m| {
        let (dx, dy) = (m.center[0] - x, m.center[1] - y);
        (dx * dx + dy * dy).sqrt() <= m.radius + m.stroke_width + 2.0
    });
    let label = scene
        .labels
        .iter()
        .map(export::svg::label_box)
        .any(|b| x >= b[0] - 2.0 && x <= b[2] + 2.0 && y >= b[1] - 2.0 && y <= b[3] + 2.0);
    later_disc || label
}

fn pixel(p: &Pixmap, x: f32, y: f32) -> [u8; 4] {
    let c = p.pixel(x as u32, y as u32).expect("inside the picture").demultiply();
    [c.red(), c.green(), c.blue(), c.alpha()]
}

fn close(a: [u8; 4], b: [u8; 4]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 3)
}

#[test]
fn png_of_the_bundled_document_has_the_size_asked_and_each_kind_its_colour() {
    let (graph, _) = bundled();
    let all: BTreeSet<NodeIndex> = graph.node_indices().collect();
    for (opts, scale) in [
        // Labels off: with them, small discs hide under their neighbours' labels.
        (ImageOptions { width: 2400, height: 1600, labels: false, ..ImageOptions::default() }, 1.0),
        (
            ImageOptions {
                width: 1400,
                height: 1000,
                scale: 2.0,
                theme: ImageTheme::Dark,
                labels: false,
                ..ImageOptions::default()
            },
            2.0,
        ),
    ] {
        let scene = bundled_scene(&all, &opts);
        let png = render_png(&scene, &opts).expect("renders");
        let pixmap = Pixmap::decode_png(&png).expect("decodes");
        assert_eq!(
            (pixmap.width(), pixmap.height()),
            ((opts.width as f32 * scale) as u32, (opts.height as f32 * scale) as u32)
        );
        let colours: BTreeSet<[u8; 4]> =
            pixmap.pixels().iter().map(|c| [c.red(), c.green(), c.blue(), c.alpha()]).collect();
        assert!(colours.len() > 50, "a nearly single-colour picture: {} colours", colours.len());
        assert!(close(pixel(&pixmap, 1.0, pixmap.height() as f32 - 2.0), scene.background.0), "background corner");

        let style = Style::new(opts.theme.theme());
        let mut kinds_checked = BTreeSet::new();
        for (i, n) in scene.nodes.iter().enumerate() {
            if n.radius < 3.0 || kinds_checked.contains(&n.kind) || covered(&scene, i) {
                continue;
            }
            let got = pixel(&pixmap, n.center[0] * scale, n.center[1] * scale);
            assert!(close(got, style.node_color(n.kind).0), "{} ({:?}) at {:?}: {got:?}", n.id, n.kind, n.center);
            kinds_checked.insert(n.kind);
        }
        assert!(kinds_checked.len() >= 5, "checked only {kinds_checked:?}");
    }
}

#[test]
fn transparent_png_leaves_the_background_clear() {
    let (graph, _) = bundled();
    let all: BTreeSet<NodeIndex> = graph.node_indices().collect();
    let opts = ImageOptions { width: 400, height: 300, theme: ImageTheme::Transparent, ..ImageOptions::default() };
    let scene = bundled_scene(&all, &opts);
    let pixmap = Pixmap::decode_png(&render_png(&scene, &opts).expect("renders")).expect("decodes");
    assert_eq!(pixel(&pixmap, 399.0, 299.0)[3], 0);
    assert!(pixmap.pixels().iter().any(|p| p.alpha() == 255));
}

#[test]
fn no_labels_and_no_legend_leave_them_out() {
    let (graph, _) = bundled();
    let all: BTreeSet<NodeIndex> = graph.node_indices().collect();
    let opts = ImageOptions { labels: false, legend: false, ..ImageOptions::default() };
    let svg = render_svg(&bundled_scene(&all, &opts), &opts);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert_eq!(doc.descendants().filter(|e| e.has_tag_name("text")).count(), 0);
    assert_eq!(svg_node_ids(&doc).len(), graph.node_count());
}

/// Our ids (`atlas_id`) of a GraphML file's nodes.
fn graphml_atlas_ids(doc: &roxmltree::Document<'_>) -> BTreeSet<String> {
    doc.descendants()
        .filter(|e| e.has_tag_name("node"))
        .filter_map(|e| data(e, "atlas_id").map(str::to_owned))
        .collect()
}

/// Whether `s` is an `xs:NMTOKEN` (ASCII subset: letters, digits, `.-_:`).
fn is_nmtoken(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || ".-_:".contains(c))
}

fn graphml_key_ids(doc: &roxmltree::Document<'_>) -> BTreeSet<String> {
    doc.descendants().filter(|e| e.has_tag_name("key")).filter_map(|e| e.attribute("id").map(str::to_owned)).collect()
}

fn data<'a>(node: roxmltree::Node<'a, '_>, key: &str) -> Option<&'a str> {
    node.children().find(|c| c.has_tag_name("data") && c.attribute("key") == Some(key)).and_then(|c| c.text())
}

#[test]
fn graphml_declares_its_keys_and_holds_every_node_and_edge_with_positions_and_text() {
    let (graph, positions) = bundled();
    let xml = to_graphml(graph, &|n| positions.get(&n).copied(), &|_| true);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed GraphML");
    let keys = graphml_key_ids(&doc);
    for k in ["label", "kind", "text", "x", "y", "edge_kind"] {
        assert!(keys.contains(k), "key {k} not declared: {keys:?}");
    }
    let used: BTreeSet<String> = doc
        .descendants()
        .filter(|e| e.has_tag_name("data"))
        .filter_map(|e| e.attribute("key").map(str::to_owned))
        .collect();
    assert!(used.is_subset(&keys), "undeclared keys used: {:?}", used.difference(&keys).collect::<Vec<_>>());

    let nodes: Vec<_> = doc.descendants().filter(|e| e.has_tag_name("node")).collect();
    assert_eq!(nodes.len(), graph.node_count());
    for (i, e) in nodes.iter().enumerate() {
        assert_eq!(e.attribute("id"), Some(format!("n{i}").as_str()), "GraphML ids are n0, n1, …");
        let id = data(*e, "atlas_id").expect("our id as data");
        let node = graph.node_by_id(id).expect("a node of the graph");
        assert_eq!(data(*e, "kind"), Some(node.kind.as_str()));
        assert_eq!(data(*e, "label"), Some(node.label.as_str()));
        assert_eq!(data(*e, "text"), node.text.as_deref(), "text of {id} round-trips");
        let x: f32 = data(*e, "x").and_then(|v| v.parse().ok()).expect("x");
        let p = positions.get(&graph.index_of(id).expect("index")).expect("position");
        assert!((x - p[0]).abs() < 0.01);
    }
    let edges: Vec<_> = doc.descendants().filter(|e| e.has_tag_name("edge")).collect();
    assert_eq!(edges.len(), graph.edge_count());
    let cites = edges.iter().filter(|e| data(**e, "edge_kind") == Some("cites")).count();
    assert_eq!(cites, graph.edges().filter(|(_, _, e)| e.kind == EdgeKind::Cites).count());
    assert!(edges.iter().any(|e| data(*e, "evidence").is_some_and(|q| q.contains("resolution"))));
}

/// Node ids and edge (source, target) pairs of a DOT file as `to_dot` writes it.
fn parse_dot(dot: &str) -> (BTreeSet<String>, Vec<(String, String)>) {
    let mut nodes = BTreeSet::new();
    let mut edges = Vec::new();
    let quoted = |s: &str| -> Option<(String, usize)> {
        let rest = s.strip_prefix('"')?;
        let mut out = String::new();
        let mut chars = rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => out.push(chars.next()?.1),
                '"' => return Some((out, i + 2)),
                c => out.push(c),
            }
        }
        None
    };
    for line in dot.lines().map(str::trim) {
        let Some((first, end)) = quoted(line) else { continue };
        let rest = line.get(end..).unwrap_or("");
        if let Some(target) = rest.strip_prefix(" -> ").and_then(quoted) {
            edges.push((first, target.0));
        } else if rest.starts_with(" [label=") {
            nodes.insert(first);
        }
    }
    (nodes, edges)
}

#[test]
fn dot_has_every_node_with_position_and_colour_and_every_edge() {
    let (graph, positions) = bundled();
    let dot = to_dot(graph, &|n| positions.get(&n).copied(), &|_| true);
    let (nodes, edges) = parse_dot(&dot);
    let all: BTreeSet<NodeIndex> = graph.node_indices().collect();
    assert_eq!(nodes, ids_of(graph, &all));
    assert_eq!(edges.len(), graph.edge_count());
    let para_colour = Style::new(wsis_atlas::style::Theme::Light).node_color(NodeKind::Paragraph).to_hex();
    let line = dot.lines().find(|l| l.trim_start().starts_with("\"para:wsis10:32\" [")).expect("¶32");
    assert!(line.contains("pos=\"") && line.contains(&para_colour) && line.contains("kind=\"paragraph\""), "{line}");
}

#[test]
fn focus_and_kind_filters_reduce_every_format() {
    let (graph, positions) = bundled();
    let focus = export::find_node(graph, "para:wsis10:32").expect("¶32 exists");
    let near = Selection { focus: Some(focus), depth: 1, kinds: None }.visible(graph);
    assert_eq!(near, graph.neighbourhood(focus, 1));
    assert!(near.len() > 2 && near.len() < graph.node_count() / 2);
    let paras = Selection { kinds: Some(export::parse_kinds(&["paragraph"]).expect("kind")), ..Selection::default() }
        .visible(graph);
    assert!(paras.iter().all(|&n| graph.node(n).is_some_and(|n| n.kind == NodeKind::Paragraph)));
    assert_eq!(paras.len(), graph.nodes().filter(|(_, n)| n.kind == NodeKind::Paragraph).count());

    let position = |n: NodeIndex| positions.get(&n).copied();
    let opts = ImageOptions::default();
    for set in [&near, &paras] {
        let ids = ids_of(graph, set);
        let edges = edges_within(graph, set);

        let svg =
            String::from_utf8(export::export(graph, &position, set, Format::Svg, &opts).expect("svg")).expect("utf8");
        let doc = roxmltree::Document::parse(&svg).expect("SVG");
        assert_eq!(svg_node_ids(&doc).into_iter().collect::<BTreeSet<_>>(), ids);
        assert_eq!(doc.descendants().filter(|e| e.has_tag_name("line")).count(), edges);

        let xml = String::from_utf8(export::export(graph, &position, set, Format::Graphml, &opts).expect("graphml"))
            .expect("utf8");
        let doc = roxmltree::Document::parse(&xml).expect("GraphML");
        assert_eq!(graphml_atlas_ids(&doc), ids);
        assert_eq!(doc.descendants().filter(|e| e.has_tag_name("edge")).count(), edges);

        let dot =
            String::from_utf8(export::export(graph, &position, set, Format::Dot, &opts).expect("dot")).expect("utf8");
        let (dot_nodes, dot_edges) = parse_dot(&dot);
        assert_eq!(dot_nodes, ids);
        assert_eq!(dot_edges.len(), edges);

        let json: serde_json::Value =
            serde_json::from_slice(&export::export(graph, &position, set, Format::Json, &opts).expect("json"))
                .expect("JSON");
        let jids: BTreeSet<String> = json["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .filter_map(|n| n["id"].as_str().map(str::to_owned))
            .collect();
        assert_eq!(jids, ids);
        assert_eq!(json["links"].as_array().map(Vec::len), Some(edges));
    }
}

/// A graph whose ids and texts hold every character XML and DOT care about.
fn hostile() -> AtlasGraph {
    let mut g = AtlasGraph::new();
    let mut a = Node::new("para:x:<1>&\"'", NodeKind::Paragraph, "¶1 <b>&amp;\u{1}");
    a.text = Some("Quotes \" and ' and \\ back\nslash\ttab \u{0}nul & <tags>".into());
    let a = g.add_node(a);
    let b = g.add_node(Node::new("org:A&B \"C\"", NodeKind::Organization, "A&B \"C\" \\"));
    g.add_edge(a, b, EdgeKind::Mentions, Vec::new());
    g
}

#[test]
fn hostile_ids_and_text_stay_well_formed_in_every_format() {
    let g = hostile();
    let all: BTreeSet<NodeIndex> = g.node_indices().collect();
    let position = |n: NodeIndex| Some([n.index() as f32 * 50.0, 10.0]);
    let opts = ImageOptions { width: 300, height: 200, ..ImageOptions::default() };

    let svg = String::from_utf8(export::export(&g, &position, &all, Format::Svg, &opts).expect("svg")).expect("utf8");
    let doc = roxmltree::Document::parse(&svg).expect("SVG");
    let ids: BTreeSet<String> = svg_node_ids(&doc).into_iter().collect();
    assert_eq!(ids, ids_of(&g, &all), "ids round-trip through escaping");
    let png = export::export(&g, &position, &all, Format::Png, &opts).expect("png");
    assert_eq!(Pixmap::decode_png(&png).map(|p| (p.width(), p.height())).ok(), Some((300, 200)));

    let xml = to_graphml(&g, &position, &|_| true);
    let doc = roxmltree::Document::parse(&xml).expect("GraphML");
    assert_eq!(graphml_atlas_ids(&doc), ids_of(&g, &all));
    assert!(doc.descendants().filter(|e| e.has_tag_name("node")).all(|e| e.attribute("id").is_some_and(is_nmtoken)));
    let text = doc.descendants().find(|e| e.attribute("key") == Some("text")).and_then(|e| e.text());
    assert_eq!(text, Some("Quotes \" and ' and \\ back\nslash\ttab nul & <tags>"));

    let (dot_nodes, dot_edges) = parse_dot(&to_dot(&g, &position, &|_| true));
    assert_eq!(dot_nodes, ids_of(&g, &all));
    assert_eq!(dot_edges, [("para:x:<1>&\"'".to_owned(), "org:A&B \"C\"".to_owned())]);
}

#[test]
fn an_empty_selection_still_writes_valid_files() {
    let g = hostile();
    let none = BTreeSet::new();
    let opts = ImageOptions { width: 200, height: 100, ..ImageOptions::default() };
    for format in Format::ALL {
        let bytes = export::export(&g, &|_| None, &none, format, &opts).expect("writes");
        assert!(!bytes.is_empty(), "{format:?}");
    }
}

#[test]
fn write_atomic_refuses_to_overwrite_and_a_failed_write_keeps_the_old_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("graph.svg");
    export::write_atomic(&path, b"old", false).expect("first write");
    assert!(matches!(export::write_atomic(&path, b"new", false), Err(wsis_atlas::fs::WriteError::Exists(_))));
    assert_eq!(std::fs::read(&path).expect("read"), b"old");
    export::write_atomic(&path, b"new", true).expect("forced");
    assert_eq!(std::fs::read(&path).expect("read"), b"new");
    // A target that is a directory cannot be replaced: the error leaves no temporary file behind.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    std::fs::write(sub.join("keep"), b"x").expect("write");
    assert!(export::write_atomic(&sub, b"data", true).is_err());
    let left: Vec<_> =
        std::fs::read_dir(dir.path()).expect("list").filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

// ---- the command line ----

fn wsis_atlas(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_wsis-atlas")).args(args).output().expect("the binary runs")
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

#[test]
fn cli_writes_each_format_and_the_outputs_read_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (graph, _) = bundled();

    let png = dir.path().join("map.png");
    let out = wsis_atlas(&["export", "--format", "png", "--width", "640", "--height", "400", "--out", arg(&png)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pixmap = Pixmap::decode_png(&std::fs::read(&png).expect("png written")).expect("decodes");
    assert_eq!((pixmap.width(), pixmap.height()), (640, 400));

    let scaled = dir.path().join("scaled.png");
    let out = wsis_atlas(&["export", "-f", "png", "--scale", "0.5", "--theme", "dark", "--out", arg(&scaled)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pixmap = Pixmap::decode_png(&std::fs::read(&scaled).expect("png written")).expect("decodes");
    assert_eq!((pixmap.width(), pixmap.height()), (800, 500));

    let svg = dir.path().join("map.svg");
    let out = wsis_atlas(&["export", "-f", "svg", "--no-labels", "--out", arg(&svg)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&svg).expect("svg written");
    let doc = roxmltree::Document::parse(&text).expect("SVG");
    assert_eq!(svg_node_ids(&doc).len(), graph.node_count());
    assert!(!doc.descendants().any(|e| e.attribute("class") == Some("label")));

    let graphml = dir.path().join("map.graphml");
    let out = wsis_atlas(&["export", "-f", "graphml", "--out", arg(&graphml)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&graphml).expect("graphml written");
    let doc = roxmltree::Document::parse(&text).expect("GraphML");
    assert_eq!(doc.descendants().filter(|e| e.has_tag_name("node")).count(), graph.node_count());
    assert!(doc.descendants().filter(|e| e.has_tag_name("node")).all(|n| data(n, "x").is_some()), "positions");

    let out = wsis_atlas(&["export", "-f", "dot", "--focus", "sdg:5", "--depth", "1"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (nodes, _) = parse_dot(&String::from_utf8_lossy(&out.stdout));
    let sdg5 = graph.index_of("sdg:5").expect("SDG 5 is cited");
    assert_eq!(nodes, ids_of(graph, &graph.neighbourhood(sdg5, 1)));

    let out = wsis_atlas(&["export", "--kinds", "resolution,sdg"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let kinds: BTreeSet<&str> =
        json["nodes"].as_array().expect("nodes").iter().filter_map(|n| n["kind"].as_str()).collect();
    assert_eq!(kinds, BTreeSet::from(["resolution", "sdg"]));
    assert!(json["nodes"][0]["x"].is_number(), "layout positions in JSON");
}

#[test]
fn cli_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("graph.dot");
    std::fs::write(&path, "precious").expect("write");
    let out = wsis_atlas(&["export", "-f", "dot", "--out", arg(&path)]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "precious");
    let out = wsis_atlas(&["export", "-f", "dot", "--out", arg(&path), "--force"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read_to_string(&path).expect("read").lines().any(|l| l.starts_with("digraph")));
}

#[test]
fn cli_names_unknown_kinds_and_ids_and_needs_out_for_png() {
    let out = wsis_atlas(&["export", "-f", "svg", "--kinds", "paragraph,resolutions"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`resolutions`") && err.contains("resolution,") && err.contains("action_line"), "{err}");

    let out = wsis_atlas(&["export", "-f", "svg", "--focus", "para:wsis10:320"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("para:wsis10:320") && err.contains("did you mean") && err.contains("para:wsis10:32"), "{err}");
    assert!(err.lines().count() <= 2 && err.matches("para:").count() <= 6, "suggestions, not a dump: {err}");

    let out = wsis_atlas(&["export", "-f", "png"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
    assert!(out.stdout.is_empty());
}

#[test]
fn colouring_by_role_fills_paragraphs_by_their_principal_role_and_greys_the_rest() {
    use wsis_atlas::analysis::roles::Role;
    use wsis_atlas::scene::{ColorBy, LegendKey};
    let (graph, _) = bundled();
    let all: BTreeSet<NodeIndex> = graph.node_indices().collect();
    let opts = ImageOptions { color_by: ColorBy::Role, ..ImageOptions::default() };
    let scene = bundled_scene(&all, &opts);
    let style = Style::new(wsis_atlas::style::Theme::Light);
    let fill = |id: &str| {
        let index = graph.node_indices().find(|&n| graph.node(n).is_some_and(|n| n.id == id)).expect(id);
        scene.nodes.iter().find(|s| s.index == index).map(|s| s.fill).expect("drawn")
    };
    // ¶1: "Recalling … and in this regard reaffirming …": the reaffirmation is the stronger clause.
    assert_eq!(fill("para:wsis10:1"), style.role_color(Role::Reaffirms));
    // ¶32: "We emphasize our concern … We recognize … we commit … we call on …": a commitment.
    assert_eq!(fill("para:wsis10:32"), style.role_color(Role::Commits));
    // ¶70: "We note … We call for … We accordingly invite …": a call (for dialogue) outranks the invitation.
    assert_eq!(fill("para:wsis10:70"), style.role_color(Role::Calls));
    assert_eq!(fill("res:A/RES/69/166"), style.neutral(), "entities are grey");
    assert_eq!(fill("doc:wsis10"), style.neutral());
    // The legend lists roles (and "other nodes"), and accounts for every node.
    assert!(scene.legend.iter().all(|e| !matches!(e.key, LegendKey::Kind(_))));
    assert!(scene.legend.iter().any(|e| e.key == LegendKey::Role(Role::Calls)));
    assert!(scene.legend.iter().any(|e| e.key == LegendKey::Other));
    assert_eq!(scene.legend.iter().map(|e| e.count).sum::<usize>(), graph.node_count());
    let svg = render_svg(&scene, &opts);
    assert!(svg.contains("legend-swatch role-commits") && svg.contains(">commits ("), "role legend in the SVG");
    // By kind, the same paragraph wears the paragraph colour.
    let by_kind = bundled_scene(&all, &ImageOptions::default());
    let index = graph.node_indices().find(|&n| graph.node(n).is_some_and(|n| n.id == "para:wsis10:1")).expect("¶1");
    let kind_fill = by_kind.nodes.iter().find(|s| s.index == index).map(|s| s.fill);
    assert_eq!(kind_fill, Some(style.node_color(NodeKind::Paragraph)));
}

#[test]
fn export_color_by_role_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("roles.svg");
    let status = Command::new(env!("CARGO_BIN_EXE_wsis-atlas"))
        .args(["export", "--format", "svg", "--color-by", "role", "--out"])
        .arg(&out)
        .status()
        .expect("runs");
    assert!(status.success());
    let svg = std::fs::read_to_string(&out).expect("written");
    assert!(svg.contains("legend-swatch role-reaffirms") && svg.contains("Other nodes ("));
    let bad = Command::new(env!("CARGO_BIN_EXE_wsis-atlas"))
        .args(["export", "--format", "svg", "--color-by", "colour"])
        .output()
        .expect("runs");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("kind, role"), "names the choices");
}

// ---- files other tools read (issue 16) ----

const EXAMPLE_NOTES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/annotations.json");

#[test]
fn graphml_ids_are_nmtokens_and_every_json_field_round_trips() {
    let (graph, positions) = bundled();
    let xml = to_graphml(graph, &|n| positions.get(&n).copied(), &|_| true);
    let doc = roxmltree::Document::parse(&xml).expect("GraphML");
    let json: serde_json::Value =
        serde_json::from_str(&export::json::to_json(graph, |n| positions.get(&n).copied()).expect("json"))
            .expect("JSON");

    // Every id and edge end is an NMTOKEN, and edge ends name written nodes.
    let mut ours = HashMap::new();
    for e in doc.descendants().filter(|e| e.has_tag_name("node")) {
        let gid = e.attribute("id").expect("id");
        assert!(is_nmtoken(gid), "{gid}");
        ours.insert(gid.to_owned(), data(e, "atlas_id").expect("atlas_id").to_owned());
    }
    assert!(ours.values().any(|id| id.contains('/')), "ids with slashes are in the graph");
    let mut edges: HashMap<(String, String, String), roxmltree::Node<'_, '_>> = HashMap::new();
    for e in doc.descendants().filter(|e| e.has_tag_name("edge")) {
        let (s, t) = (e.attribute("source").expect("source"), e.attribute("target").expect("target"));
        assert!(is_nmtoken(s) && is_nmtoken(t) && is_nmtoken(e.attribute("id").expect("edge id")));
        let key = (ours[s].clone(), ours[t].clone(), data(e, "edge_kind").expect("kind").to_owned());
        edges.insert(key, e);
    }

    // Nodes: roles and ordinals, as in the JSON.
    let by_id: HashMap<&str, roxmltree::Node<'_, '_>> =
        doc.descendants().filter(|e| e.has_tag_name("node")).filter_map(|e| Some((data(e, "atlas_id")?, e))).collect();
    let mut roles_seen = 0;
    for n in json["nodes"].as_array().expect("nodes") {
        let e = by_id[n["id"].as_str().expect("id")];
        let roles: Vec<&str> =
            n["roles"].as_array().map(|r| r.iter().filter_map(|r| r.as_str()).collect()).unwrap_or_default();
        let written: Vec<&str> = data(e, "roles").map(|r| r.split(',').collect()).unwrap_or_default();
        assert_eq!(written, roles, "{}", n["id"]);
        roles_seen += usize::from(!roles.is_empty());
        assert_eq!(data(e, "ordinal").map(|o| o.parse::<u64>().expect("int")), n["ordinal"].as_u64(), "{}", n["id"]);
    }
    assert!(roles_seen > 20, "paragraphs carry roles");

    // Edges: evidence with offsets (JSON text), scores, deadlines.
    let (mut several, mut scores, mut deadlines) = (0, 0, 0);
    for l in json["links"].as_array().expect("links") {
        let key = (
            l["source"].as_str().expect("s").to_owned(),
            l["target"].as_str().expect("t").to_owned(),
            l["kind"].as_str().expect("k").to_owned(),
        );
        let e = edges.get(&key).unwrap_or_else(|| panic!("{key:?} not in GraphML"));
        let evidence: serde_json::Value =
            data(*e, "evidence").map_or(serde_json::Value::Null, |t| serde_json::from_str(t).expect("evidence JSON"));
        assert_eq!(evidence, l["evidence"], "{key:?}");
        several += usize::from(evidence.as_array().is_some_and(|a| a.len() > 1));
        if let Some(score) = l["score"].as_f64() {
            let written: f64 = data(*e, "score").expect("score").parse().expect("double");
            assert!((written - score).abs() < 1e-9);
            scores += 1;
        }
        let d: serde_json::Value =
            data(*e, "deadlines").map_or(serde_json::Value::Null, |t| serde_json::from_str(t).expect("deadlines"));
        assert_eq!(d, l["deadlines"], "{key:?}");
        deadlines += usize::from(d.is_array());
    }
    assert_eq!(edges.len(), json["links"].as_array().map_or(0, Vec::len));
    assert!(several > 0 && scores > 0 && deadlines > 0, "{several} {scores} {deadlines}");
}

#[test]
fn node_link_json_says_it_is_a_directed_multigraph() {
    let (graph, positions) = bundled();
    let text = export::json::to_json(graph, |n| positions.get(&n).copied()).expect("json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(json["directed"], true);
    assert_eq!(json["multigraph"], true);
    assert_eq!(json["graph"]["name"], "WSIS Atlas");
    assert!(text.starts_with("{\n  \"directed\": true,\n  \"multigraph\": true,"), "networkx reads these first");
    assert!(json["documents"][0]["id"].is_string() && json["nodes"].is_array() && json["links"].is_array());
    // Still read back by our own reader.
    let back: export::json::NodeLink = serde_json::from_str(&text).expect("reads back");
    assert!(back.directed && back.multigraph && back.annotations.is_empty());
}

#[test]
fn dot_says_only_neato_n_uses_its_positions() {
    let (graph, positions) = bundled();
    let dot = to_dot(graph, &|n| positions.get(&n).copied(), &|_| true);
    assert!(dot.starts_with("// "), "a comment first");
    assert!(dot.lines().take(4).any(|l| l.contains("neato -n2")), "{}", &dot[..300]);
    let graph_line = dot.lines().find(|l| l.trim_start().starts_with("graph [")).expect("graph attributes");
    assert!(graph_line.contains("layout=neato") && graph_line.contains("inputscale=72"), "{graph_line}");
}

#[test]
fn one_side_alone_keeps_the_maps_aspect() {
    use export::image::{map_aspect, picture_size};
    assert_eq!(picture_size(None, None, 2.0), (1600, 1000));
    assert_eq!(picture_size(Some(7680), Some(100), 2.0), (7680, 100));
    assert_eq!(picture_size(Some(7680), None, 1.6), (7680, 4800));
    assert_eq!(picture_size(None, Some(1000), 2.0), (2000, 1000));
    assert_eq!(picture_size(Some(16384), None, 0.25).1, 16384, "clamped");
    assert_eq!(picture_size(Some(100), None, f32::NAN), (100, 63));
    assert!((map_aspect([[0.0, 0.0], [300.0, 100.0]]) - 3.0).abs() < 1e-6);
    assert!((map_aspect([[0.0, 0.0]]) - 1.6).abs() < 1e-6);
    assert!((map_aspect([[0.0, 0.0], [1000.0, 2.0]]) - 4.0).abs() < 1e-6);

    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("wide.png");
    let out = wsis_atlas(&["export", "--format", "png", "--width", "800", "--out", arg(&png)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pixmap = Pixmap::decode_png(&std::fs::read(&png).expect("png written")).expect("decodes");
    let (graph, positions) = bundled();
    let aspect = map_aspect(graph.node_indices().filter_map(|n| positions.get(&n).copied()));
    assert_eq!(pixmap.width(), 800);
    assert!(pixmap.height() != 1000 && (pixmap.height() as f32 - 800.0 / aspect).abs() <= 1.0, "{}", pixmap.height());
}

#[test]
fn export_annotations_carries_notes_and_links_in_json_graphml_and_dot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = wsis_atlas::annotations::AnnotationSet::load(Path::new(EXAMPLE_NOTES)).expect("example");

    let json = dir.path().join("g.json");
    let out = wsis_atlas(&["export", "-f", "json", "--annotations", EXAMPLE_NOTES, "--out", arg(&json)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).expect("read")).expect("JSON");
    let ids: Vec<&str> =
        v["annotations"].as_array().expect("annotations").iter().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(ids, notes.annotations().iter().map(|a| a.id.as_str()).collect::<Vec<_>>());
    let user: Vec<&serde_json::Value> =
        v["links"].as_array().expect("links").iter().filter(|l| l["kind"] == "annotation").collect();
    assert_eq!(user.len(), 1);
    assert_eq!(
        (user[0]["source"].as_str(), user[0]["target"].as_str(), user[0]["label"].as_str()),
        (Some("para:wsis10:51"), Some("para:wsis10:48"), Some("same rights online"))
    );

    let graphml = dir.path().join("g.graphml");
    let out = wsis_atlas(&["export", "-f", "graphml", "--annotations", EXAMPLE_NOTES, "--out", arg(&graphml)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&graphml).expect("read");
    let doc = roxmltree::Document::parse(&text).expect("GraphML");
    let gid = |ours: &str| {
        doc.descendants()
            .find(|e| e.has_tag_name("node") && data(*e, "atlas_id") == Some(ours))
            .and_then(|e| e.attribute("id"))
            .map(str::to_owned)
    };
    let user: Vec<_> =
        doc.descendants().filter(|e| e.has_tag_name("edge") && data(*e, "edge_kind") == Some("annotation")).collect();
    assert_eq!(user.len(), 1);
    assert_eq!(user[0].attribute("source").map(str::to_owned), gid("para:wsis10:51"));
    assert_eq!(data(user[0], "edge_label"), Some("same rights online"));
    let p51 = doc.descendants().find(|e| data(*e, "atlas_id") == Some("para:wsis10:51")).expect("¶51");
    let on51: serde_json::Value = serde_json::from_str(data(p51, "notes").expect("notes on ¶51")).expect("JSON");
    assert_eq!(on51[0]["id"], "a-674a1b2c-9f3e11d0");

    let out = wsis_atlas(&["export", "-f", "dot", "--annotations", EXAMPLE_NOTES]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let dot = String::from_utf8_lossy(&out.stdout);
    let line = dot.lines().find(|l| l.contains("kind=\"annotation\"")).expect("the user link in DOT");
    assert!(line.contains("\"para:wsis10:51\" -> \"para:wsis10:48\"") && line.contains("label=\"same rights online\""));

    // A focused export leaves out the notes on other nodes, and says so.
    let out = wsis_atlas(&["export", "-f", "json", "--focus", "sdg:5", "--annotations", EXAMPLE_NOTES]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("left out"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn each_section_is_one_hull_in_the_svg_and_none_without_hulls() {
    let (graph, _) = bundled();
    let all: BTreeSet<NodeIndex> = graph.node_indices().collect();
    let sections: Vec<String> = graph
        .nodes()
        .filter(|(_, n)| n.kind == wsis_atlas::graph::NodeKind::Section)
        .map(|(_, n)| n.title.clone().unwrap_or_default())
        .collect();
    for (width, height) in [(1600, 1000), (1024, 700), (3840, 2160)] {
        let opts = ImageOptions { width, height, ..ImageOptions::default() };
        let svg = render_svg(&bundled_scene(&all, &opts), &opts);
        let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
        let hulls: Vec<&str> = doc
            .descendants()
            .filter(|e| e.attribute("class") == Some("hull"))
            .filter_map(|e| e.children().find(|c| c.has_tag_name("title")).and_then(|t| t.text()))
            .collect();
        // One hull per section, titled with its heading, behind the edges.
        assert_eq!(hulls.len(), sections.len(), "{width}×{height}");
        for title in &sections {
            assert!(hulls.contains(&title.as_str()), "no hull for {title}");
        }
        let order: Vec<&str> = doc.root_element().children().filter_map(|e| e.attribute("class")).collect();
        let (h, e) = (order.iter().position(|c| *c == "hulls"), order.iter().position(|c| *c == "edges"));
        assert!(h < e && h.is_some(), "{order:?}");
    }
    let opts = ImageOptions { hulls: false, ..ImageOptions::default() };
    let svg = render_svg(&bundled_scene(&all, &opts), &opts);
    assert!(!svg.contains("class=\"hull\""));
}

/// The edge under a point by looking at every edge: what the scene's grid
/// must find.
fn edge_at_by_scan(scene: &Scene, p: [f32; 2], slack: f32) -> Option<usize> {
    let mut best: Option<(f32, usize)> = None;
    for (i, e) in scene.edges.iter().enumerate() {
        let (dx, dy) = (e.to[0] - e.from[0], e.to[1] - e.from[1]);
        let len2 = dx * dx + dy * dy;
        let t =
            if len2 > 0.0 { (((p[0] - e.from[0]) * dx + (p[1] - e.from[1]) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
        let d = (p[0] - e.from[0] - t * dx).hypot(p[1] - e.from[1] - t * dy);
        if d <= slack + e.width / 2.0 && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, i));
        }
    }
    best.map(|(_, i)| i)
}

#[test]
fn the_edge_under_the_pointer_is_the_one_a_scan_of_every_edge_finds() {
    let (graph, _) = bundled();
    let all: BTreeSet<NodeIndex> = graph.node_indices().collect();
    for (width, height) in [(1600, 1000), (700, 450)] {
        let scene = bundled_scene(&all, &ImageOptions { width, height, ..ImageOptions::default() });
        assert!(scene.edges.len() > 400, "{}", scene.edges.len());
        // Every edge's midpoint, and a dense lattice of points over the picture.
        let mids = scene.edges.iter().map(|e| [(e.from[0] + e.to[0]) / 2.0, (e.from[1] + e.to[1]) / 2.0]);
        let lattice =
            (0..height / 7).flat_map(|y| (0..width / 7).map(move |x| [x as f32 * 7.0 + 0.5, y as f32 * 7.0 + 0.3]));
        let (mut found, mut points) = (0, 0);
        for p in mids.chain(lattice) {
            let expected = edge_at_by_scan(&scene, p, 4.0);
            let got = scene.edge_at(p, 4.0).map(|e| std::ptr::from_ref(e) as usize);
            let expected_ptr = expected.map(|i| std::ptr::from_ref(&scene.edges[i]) as usize);
            assert_eq!(got, expected_ptr, "at {p:?} ({width}×{height})");
            found += usize::from(expected.is_some());
            points += 1;
        }
        assert!(found > scene.edges.len(), "{found} of {points} points near an edge");
    }
}

#[test]
fn a_user_links_label_is_drawn_at_the_middle_of_its_line_in_the_picture() {
    let (graph, positions) = bundled();
    let set = wsis_atlas::annotations::AnnotationSet::load(Path::new(EXAMPLE_NOTES)).expect("example notes");
    let link = set.links().iter().find(|l| !l.label.is_empty()).expect("a labelled link");
    let overlay = wsis_atlas::annotations::Overlay::new(&set, graph);
    let scene = export::image::whole_graph_scene_with(
        graph,
        &|n| positions.get(&n).copied(),
        &|_| true,
        &ImageOptions::default(),
        &overlay,
    );
    let (from, to) = (graph.index_of(&link.from).expect("from"), graph.index_of(&link.to).expect("to"));
    let line = scene
        .edges
        .iter()
        .find(|e| e.kind == EdgeKind::Annotation && e.source == from && e.target == to)
        .expect("the link's line");
    let label = scene.link_labels.iter().find(|l| l.text == link.label).expect("its label");
    let b = wsis_atlas::scene::label_box(label);
    let mid = [(line.from[0] + line.to[0]) / 2.0, (line.from[1] + line.to[1]) / 2.0];
    assert!((mid[0] - (b[0] + b[2]) / 2.0).abs() < 1.0 && (mid[1] - (b[1] + b[3]) / 2.0).abs() < 1.0, "{mid:?} {b:?}");
    // In the SVG as text, over a halo.
    let svg = render_svg(&scene, &ImageOptions::default());
    assert!(svg.contains(&format!(">{}</text>", link.label)), "the label is written");
    let without = render_svg(
        &export::image::whole_graph_scene(graph, &|n| positions.get(&n).copied(), &|_| true, &ImageOptions::default()),
        &ImageOptions::default(),
    );
    assert!(!without.contains(&format!(">{}</text>", link.label)));
}

/// The JSON export written straight from the graph is the node-link value's
/// text, byte for byte: on the bundled document and on WSIS+10 with WSIS+20
/// (similar links with scores and passages, addressees with deadlines),
/// with and without positions, whole and filtered.
#[test]
fn streamed_json_is_the_node_link_value_byte_for_byte() {
    use wsis_atlas::export::json::{node_link_where, to_json_value, write_node_link_where};
    let catalogue = wsis_atlas::extract::Catalogue::bundled().expect("bundled lexicons");
    let both: Vec<_> = wsis_atlas::document::BUNDLED_DOCUMENTS.iter().map(|b| b.document()).collect();
    let (pair, _) = wsis_atlas::corpus::build(both, &catalogue);
    for graph in [AtlasGraph::bundled().expect("bundled"), pair] {
        let placed = |n: NodeIndex| (n.index() % 3 != 0).then(|| [n.index() as f32 * 1.5, -0.25]);
        let paragraphs = |n: NodeIndex| graph.node(n).is_some_and(|x| x.kind == NodeKind::Paragraph);
        let everything = |_: NodeIndex| true;
        let streamed = write_node_link_where(&graph, placed, everything).expect("JSON");
        let value = to_json_value(&node_link_where(&graph, placed, everything)).expect("JSON");
        assert!(streamed.len() > 10_000 && value.contains("\"similar\""));
        assert_eq!(String::from_utf8(streamed).expect("UTF-8"), value);
        let streamed = write_node_link_where(&graph, |_| None, paragraphs).expect("JSON");
        let value = to_json_value(&node_link_where(&graph, |_| None, paragraphs)).expect("JSON");
        assert_eq!(String::from_utf8(streamed).expect("UTF-8"), value);
    }
}
