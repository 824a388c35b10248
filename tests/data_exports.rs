//! Integration tests: the data exports as other tools read them — GEXF
//! (Gephi), the CSV tables (spreadsheets, Cytoscape), colour and size in
//! JSON and GraphML, evidence offsets in characters, footnotes and facts in
//! GraphML — and SVG labels that do not depend on the viewer's fonts. The
//! real readers (networkx, pandas, rsvg-convert) check the same files in
//! `tests/readers/check.sh`.

use std::collections::{BTreeSet, HashMap};

use petgraph::stable_graph::NodeIndex;
use resvg::usvg::roxmltree;

use wsis_atlas::export::{self, Format, ImageOptions};
use wsis_atlas::graph::AtlasGraph;

use crate::export::bundled;

fn all(graph: &AtlasGraph) -> BTreeSet<NodeIndex> {
    graph.node_indices().collect()
}

fn bytes(format: Format) -> Vec<u8> {
    let (graph, positions) = bundled();
    let position = |n: NodeIndex| positions.get(&n).copied();
    export::export(graph, &position, &all(graph), format, &ImageOptions::default()).expect("export")
}

fn json() -> serde_json::Value {
    serde_json::from_slice(&bytes(Format::Json)).expect("JSON")
}

#[test]
fn json_evidence_has_byte_and_character_offsets_that_both_slice_the_quote() {
    // Both outcomes: WSIS+20's text has curly quotes and dashes before many quotes.
    let (graph, errors) = wsis_atlas::corpus::open(&["bundled:wsis10".into(), "bundled:wsis20".into()]).expect("opens");
    assert!(errors.is_empty());
    let position = |_: NodeIndex| None;
    let bytes = export::export(&graph, &position, &all(&graph), Format::Json, &ImageOptions::default()).expect("JSON");
    let v: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    let text: HashMap<&str, &str> = v["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|n| Some((n["id"].as_str()?, n["text"].as_str()?)))
        .collect();
    let (mut spans, mut wide) = (0, 0);
    for link in v["links"].as_array().expect("links") {
        for e in link["evidence"].as_array().into_iter().flatten() {
            let source = text[link["source"].as_str().expect("source")];
            let quote = e["quote"].as_str().expect("quote");
            let at = |k: &str| usize::try_from(e[k].as_u64().expect(k)).expect("fits");
            assert_eq!(&source[at("start")..at("end")], quote, "bytes");
            let chars: String = source.chars().skip(at("char_start")).take(at("char_end") - at("char_start")).collect();
            assert_eq!(chars, quote, "characters");
            spans += 1;
            wide += usize::from(at("start") != at("char_start"));
        }
    }
    assert!(spans > 800, "{spans} spans");
    assert!(wide > 0, "some quotes stand after a character of more than one byte (¶, ’, —)");
}

#[test]
fn every_node_carries_its_map_colour_and_size_in_json_and_graphml() {
    let v = json();
    let style = wsis_atlas::style::Style::new(wsis_atlas::style::Theme::Light);
    let (graph, _) = bundled();
    for n in v["nodes"].as_array().expect("nodes") {
        let id = n["id"].as_str().expect("id");
        let index = graph.index_of(id).expect("node");
        let kind = graph.node(index).expect("node").kind;
        assert_eq!(n["color"].as_str(), Some(style.node_color(kind).to_hex().as_str()), "{id}");
        let size = n["size"].as_f64().expect("size");
        let radius = f64::from(wsis_atlas::layout::atlas::node_radius(graph, index));
        assert!((size - radius).abs() < 0.06, "{id}: {size} vs {radius}");
    }
    let graphml = String::from_utf8(bytes(Format::Graphml)).expect("UTF-8");
    let doc = roxmltree::Document::parse(&graphml).expect("XML");
    let keys: BTreeSet<&str> =
        doc.descendants().filter(|e| e.has_tag_name("key")).filter_map(|e| e.attribute("id")).collect();
    for key in ["color", "size", "footnotes", "facts", "source"] {
        assert!(keys.contains(key), "GraphML declares {key}");
    }
    let data = |node: roxmltree::Node<'_, '_>, key: &str| {
        node.children().find(|d| d.attribute("key") == Some(key)).and_then(|d| d.text()).map(str::to_owned)
    };
    let nodes: Vec<_> = doc.descendants().filter(|e| e.has_tag_name("node")).collect();
    assert!(nodes.iter().all(|n| data(*n, "color").is_some_and(|c| c.len() == 7) && data(*n, "size").is_some()));
    // The document's node: where it was read from and what its masthead says.
    let document = nodes.iter().find(|n| data(**n, "kind").as_deref() == Some("document")).expect("document node");
    assert!(data(*document, "source").is_some());
    // Footnotes as JSON text, the same as the JSON's.
    let with_notes = v["nodes"].as_array().expect("nodes").iter().filter(|n| n.get("footnotes").is_some()).count();
    let in_graphml = nodes.iter().filter_map(|n| data(*n, "footnotes")).count();
    assert_eq!(with_notes, in_graphml);
}

#[test]
fn graphml_carries_the_facts_of_a_document_read_from_a_masthead() {
    let (graph, errors) = wsis_atlas::corpus::open(&["bundled:wsis20".into()]).expect("opens");
    assert!(errors.is_empty());
    let position = |_: NodeIndex| None;
    let graphml = String::from_utf8(
        export::export(&graph, &position, &all(&graph), Format::Graphml, &ImageOptions::default()).expect("GraphML"),
    )
    .expect("UTF-8");
    let doc = roxmltree::Document::parse(&graphml).expect("XML");
    let facts = doc
        .descendants()
        .find(|e| e.attribute("key") == Some("facts"))
        .and_then(|e| e.text())
        .expect("the document's facts");
    let facts: serde_json::Value = serde_json::from_str(facts).expect("JSON text");
    assert_eq!(facts["adopted"], "17 December 2025");
    let footnotes = doc.descendants().filter(|e| e.attribute("key") == Some("footnotes")).count();
    assert!(footnotes >= 9, "WSIS+20's paragraphs with footnotes: {footnotes}");
}

#[test]
fn gexf_has_every_node_and_link_with_its_kind_look_and_evidence() {
    let (graph, positions) = bundled();
    let gexf = String::from_utf8(bytes(Format::Gexf)).expect("UTF-8");
    let doc = roxmltree::Document::parse(&gexf).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some("http://gexf.net/1.3"));
    assert_eq!(root.attribute("version"), Some("1.3"));
    let viz = "http://gexf.net/1.3/viz";
    let nodes: Vec<_> = doc.descendants().filter(|e| e.has_tag_name("node")).collect();
    assert_eq!(nodes.len(), graph.node_count());
    for n in &nodes {
        let id = n.attribute("id").expect("id");
        let index = graph.index_of(id).expect("our id");
        let child =
            |name: &str| n.children().find(|c| c.tag_name().namespace() == Some(viz) && c.tag_name().name() == name);
        let pos = child("position").expect("position");
        let [x, y] = positions[&index];
        let read = |a: &str| pos.attribute(a).and_then(|v| v.parse::<f32>().ok()).expect("number");
        assert!((read("x") - x).abs() < 0.01 && (read("y") + y).abs() < 0.01, "{id}: Gephi's y points up");
        assert!(child("color").is_some() && child("size").is_some(), "{id}");
    }
    let edges: Vec<_> = doc.descendants().filter(|e| e.has_tag_name("edge")).collect();
    assert_eq!(edges.len(), graph.edge_count());
    // A paragraph that mentions a body and asks it to act: two edges of two kinds on one pair.
    let pair = |kind: &str| {
        edges
            .iter()
            .filter(|e| e.attribute("kind") == Some(kind))
            .map(|e| (e.attribute("source").expect("s"), e.attribute("target").expect("t")))
            .collect::<BTreeSet<_>>()
    };
    let both: Vec<_> = pair("addressed_to").intersection(&pair("mentions")).copied().collect();
    assert!(!both.is_empty(), "addressed_to and mentions stay apart on one pair");
    let ids: BTreeSet<&str> = edges.iter().filter_map(|e| e.attribute("id")).collect();
    assert_eq!(ids.len(), edges.len(), "edge ids are unique");
}

#[test]
fn the_csv_tables_have_a_row_per_node_and_per_link_with_quoted_evidence() {
    let (graph, _) = bundled();
    let nodes = bytes(Format::NodesCsv);
    let mut reader = csv::Reader::from_reader(nodes.as_slice());
    let header = reader.headers().expect("header").clone();
    assert_eq!(&header[0], "id");
    for column in ["label", "kind", "text", "color", "size", "x", "y"] {
        assert!(header.iter().any(|h| h == column), "{column}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), graph.node_count());
    let text_at = header.iter().position(|h| h == "text").expect("text column");
    let p48 = rows.iter().find(|r| &r[0] == "para:wsis10:48").expect("¶48");
    assert_eq!(
        Some(&p48[text_at]),
        graph.node(graph.index_of("para:wsis10:48").expect("¶48")).and_then(|n| n.text.as_deref())
    );

    let links = bytes(Format::LinksCsv);
    let mut reader = csv::Reader::from_reader(links.as_slice());
    assert_eq!(reader.headers().expect("header").iter().collect::<Vec<_>>(), export::csv::LINK_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), graph.edge_count());
    let cite = rows
        .iter()
        .find(|r| &r[0] == "para:wsis10:48" && &r[1] == "res:A/HRC/RES/26/13" && &r[4] == "cites")
        .expect("¶48 cites HRC 26/13");
    assert_eq!(&cite[5], "Human Rights Council resolution 26/13");
    assert_eq!(&cite[7], "1");
}

#[test]
fn csv_file_names_say_which_table() {
    use std::path::Path;
    assert_eq!(Format::from_path(Path::new("map-nodes.csv")), Some(Format::NodesCsv));
    assert_eq!(Format::from_path(Path::new("map.csv")), Some(Format::LinksCsv));
    assert_eq!(Format::from_path(Path::new("map.GEXF")), Some(Format::Gexf));
}

#[test]
fn svg_labels_are_drawn_as_outlines_and_kept_as_text_anchored_by_their_side() {
    let svg = String::from_utf8(bytes(Format::Svg)).expect("UTF-8");
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let glyphs: BTreeSet<&str> = doc
        .descendants()
        .filter(|e| e.has_tag_name("path") && e.attribute("id").is_some_and(|i| i.starts_with('g')))
        .filter_map(|e| e.attribute("id"))
        .collect();
    assert!(glyphs.len() > 30, "{} glyphs", glyphs.len());
    let texts: Vec<_> = doc.descendants().filter(|e| e.attribute("class") == Some("label")).collect();
    let runs: Vec<_> = doc
        .descendants()
        .filter(|e| e.attribute("class") == Some("glyphs"))
        .filter(|e| e.parent().and_then(|p| p.attribute("class")) == Some("labels"))
        .collect();
    assert!(texts.len() > 100);
    assert_eq!(runs.len(), texts.len(), "each label drawn once as outlines");
    // Every glyph used is defined.
    let xlink = "http://www.w3.org/1999/xlink";
    for u in doc.descendants().filter(|e| e.has_tag_name("use")) {
        let href = u.attribute((xlink, "href")).expect("href");
        assert!(glyphs.contains(&href[1..]), "{href}");
    }
    // The words are in the file, transparent, stretched to the measured width and anchored.
    let mut anchors = BTreeSet::new();
    for t in &texts {
        assert_eq!(t.attribute("fill-opacity"), Some("0"));
        assert!(t.attribute("textLength").is_some());
        anchors.insert(t.attribute("text-anchor").expect("anchor"));
    }
    assert!(anchors.contains("start") && anchors.contains("end"), "labels stand on both sides: {anchors:?}");
}

#[test]
fn a_label_with_a_character_the_font_lacks_is_drawn_as_text() {
    let mut graph = AtlasGraph::default();
    let a =
        graph.add_node(wsis_atlas::graph::Node::new("x:1", wsis_atlas::graph::NodeKind::Organization, "国际电信联盟"));
    let b = graph.add_node(wsis_atlas::graph::Node::new("x:2", wsis_atlas::graph::NodeKind::Organization, "ITU"));
    let positions: HashMap<NodeIndex, [f32; 2]> = [(a, [0.0, 0.0]), (b, [200.0, 0.0])].into();
    let position = |n: NodeIndex| positions.get(&n).copied();
    let visible: BTreeSet<NodeIndex> = [a, b].into();
    let svg = export::export(&graph, &position, &visible, Format::Svg, &ImageOptions::default()).expect("SVG");
    let svg = String::from_utf8(svg).expect("UTF-8");
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let label = |text: &str| {
        doc.descendants().find(|e| e.attribute("class") == Some("label") && e.text() == Some(text)).expect(text)
    };
    assert_eq!(label("国际电信联盟").attribute("fill-opacity"), None, "shown as text");
    assert_eq!(label("ITU").attribute("fill-opacity"), Some("0"), "drawn as outlines");
}
