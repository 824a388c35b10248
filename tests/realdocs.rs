//! Hand-made texts in the layout of real UN documents, as their PDFs' text
//! layers give them — written for these tests, not real documents: masthead,
//! running headers and footers inside paragraphs, footnotes, preambular
//! paragraphs, numbers alone on their line, sub-items, lists inside a
//! paragraph, word headings, hyphenation, one-word lines, stray spaces,
//! curly quotes, non-breaking hyphens; a PDF made in the test; and the links
//! between loaded documents.

use std::path::PathBuf;

use wsis_atlas::corpus;
use wsis_atlas::document::{self, Document};
use wsis_atlas::extract::Catalogue;
use wsis_atlas::graph::{AtlasGraph, EdgeKind, NodeKind};

/// A resolution in the UN's layout, written for this test. Page 1 ends with
/// footnotes 1–5, then the footer and page 2's header (the title wrapped
/// over three lines) fall in the middle of a preambular paragraph.
const RESOLUTION: &str = "United Nations
A/RES/80/999
General Assembly
Distr.: General
22 December 2025
Eightieth session
Agenda item 13
25-20874 (E)
*2520874*
Resolution adopted by the General Assembly on 19 December 2025
[on the report of the Second Committee (A/80/555)]
80/999. Information and communications technologies for
sustainable development
The General Assembly,
Recalling its resolutions 68/167 of 18 December 2013, 69/166 of 18 December
2014, 71/199 of 19 December 2016 and 77/211 of 15 December 2022, and Human
Rights Council resolutions 28/16 of 26 March 2015, 34/7 of 23 March 2017,
Reaffirming the Universal Declaration of Human Rights1 and the International
Covenant on Civil and Political Rights,2
Recalling the outcome of the World Summit on the Information Society,3 and
paragraph 71 of resolution 70/125,
Welcoming the \u{201c}multi\u{2011}stakeholder\u{201d} cooperation described in the report of the
Secretary-General,4
Taking note of the meeting held on 7 October 20215 on knowledge-
 \u{20}
sharing for development, and of the work of the Commission on Science and
_______________
1 Resolution 217 A (III).
2 See resolution 2200 A (XXI), annex.
3 See A/60/687 and
E/CN.16/2018/CRP.3.
4 A/67/65-E/2012/48.
5 See decision 77/568.
25-20874                                                              2/20
A/RES/80/999
Information and communications
technologies for sustainable
development
Technology for Development \u{2013} the focal point of the follow-up,   \u{20}
Mindful of the right to privacy as endorsed by the Human Rights Council in its
resolution 17/4, and of Economic and Social Council resolution 2006/46,
1.\u{20}
Reaffirms the vision of a people-centred, inclusive and development-oriented
information society;
2. Calls upon all stakeholders to:
(a)
Expand broadband access (SDG 9);
(b) Strengthen digital skills (SDGs 4 and
9);
(c) Measure progress towards the Goals (SDGs 1, 4, 6,
7, 8, 9 and 17) and beyond (all SDGs);
3. Decides to include in the provisional agenda of its eighty-first session the
item entitled \u{201c}Information and communications technologies for sustainable
development\u{201d}.
25-20874                                                              3/20
A/RES/80/999
Information and communications
technologies for sustainable
development
4. Requests the Secretary-General to report on the implementation of the
present resolution.
75th plenary meeting
19 December 2025
";

/// A compact in the UN's layout, written for this test: numbered
/// paragraphs only, word headings (one wrapped), a numbered list inside ¶3,
/// a justified line broken after every word, a short running title.
const COMPACT: &str = "United Nations
A/79/L.999
General Assembly
Distr.: Limited
20 September 2024
Seventy-ninth session
Agenda item 123
24-99999 (E)
A Compact for Testing
The General Assembly,
1. We recognize that digital technologies are transforming our world.
2.
We commit to the objectives of this Compact.
3. To achieve our goal, we will pursue the following objectives:
1. Close all digital divides;
2. Expand inclusion in the digital economy;
3. Foster an inclusive, open, safe and secure digital space.
Objective 1. Close all digital divides and accelerate
progress across the Goals
4. We
will
connect
all
people
to the Internet.
24-99999                                                              2/9
Testing Compact
A/79/L.999
5. We will invest in digital skills.
Objective 2. Expand inclusion in the digital economy
6. We will foster an enabling environment.
24-99999                                                              3/9
Testing Compact
A/79/L.999
7. We will close the gap in access to finance, as in paragraph 3 of resolution 80/999.
";

fn catalogue() -> Catalogue {
    match Catalogue::bundled() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

fn resolution() -> Document {
    document::parse("res", "test", RESOLUTION)
}

fn compact() -> Document {
    document::parse("compact", "test", COMPACT)
}

/// Words of page furniture that must never reach a paragraph.
const FURNITURE: [&str; 6] = ["25-20874", "2/20", "3/20", "A/RES/80/999", "Testing Compact", "24-99999"];

fn assert_clean(doc: &Document) {
    for p in &doc.paragraphs {
        for noise in FURNITURE {
            assert!(!p.text.contains(noise), "{} contains {noise}: {}", p.label(), p.text);
        }
        assert!(!p.text.contains("technologies for sustainable development Technology"), "{}", p.text);
        assert!(!p.text.contains("  ") && !p.text.starts_with(' ') && !p.text.ends_with(' '), "{:?}", p.text);
    }
}

#[test]
fn masthead_gives_symbol_and_title() {
    let doc = resolution();
    assert_eq!(doc.symbol.as_deref(), Some("A/RES/80/999"));
    assert_eq!(doc.title, "Information and communications technologies for sustainable development");
    let compact = compact();
    assert_eq!(compact.symbol.as_deref(), Some("A/79/L.999"));
    assert_eq!(compact.title, "A Compact for Testing");
}

#[test]
fn preambular_and_operative_paragraphs_are_numbered_in_their_own_series() {
    let doc = resolution();
    let pp: Vec<u32> = doc.paragraphs.iter().filter(|p| p.preambular).map(|p| p.number).collect();
    let op: Vec<u32> = doc.paragraphs.iter().filter(|p| !p.preambular).map(|p| p.number).collect();
    assert_eq!(pp, [1, 2, 3, 4, 5, 6]);
    assert_eq!(op, [1, 2, 3, 4]);
    let starts: Vec<&str> = doc.paragraphs.iter().filter_map(|p| p.text.split_whitespace().next()).collect::<Vec<_>>();
    assert_eq!(
        starts,
        [
            "Recalling",
            "Reaffirming",
            "Recalling",
            "Welcoming",
            "Taking",
            "Mindful",
            "Reaffirms",
            "Calls",
            "Decides",
            "Requests"
        ]
    );
    assert_eq!(doc.preambular(2).map(|p| p.label()), Some("PP2".to_owned()));
    assert_eq!(doc.paragraph(2).map(|p| p.label()), Some("¶2".to_owned()));
    assert_clean(&doc);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn page_break_inside_a_paragraph_is_joined_and_hyphens_and_spaces_are_clean() {
    let doc = resolution();
    let pp5 = doc.preambular(5).map(|p| p.text.as_str()).unwrap();
    assert_eq!(
        pp5,
        "Taking note of the meeting held on 7 October 2021 on knowledge-sharing for development, and of the work of \
         the Commission on Science and Technology for Development \u{2013} the focal point of the follow-up,"
    );
    let pp4 = doc.preambular(4).map(|p| p.text.as_str()).unwrap();
    assert!(pp4.starts_with("Welcoming the \u{201c}multi-stakeholder\u{201d} cooperation"), "{pp4}");
    let op1 = doc.paragraph(1).map(|p| p.text.as_str()).unwrap();
    assert!(op1.starts_with("Reaffirms the vision of a people-centred"), "{op1}");
    let op2 = doc.paragraph(2).map(|p| p.text.as_str()).unwrap();
    assert!(op2.contains("to: (a) Expand broadband access (SDG 9); (b) Strengthen"), "{op2}");
    let op3 = doc.paragraph(3).map(|p| p.text.as_str()).unwrap();
    assert!(op3.ends_with("sustainable development\u{201d}."), "{op3}");
    assert!(doc.paragraph(4).is_some_and(|p| p.text.ends_with("present resolution.")));
}

#[test]
fn footnotes_are_attached_to_their_markers() {
    let doc = resolution();
    let notes: Vec<(String, u32, &str)> = doc
        .paragraphs
        .iter()
        .flat_map(|p| p.footnotes.iter().map(move |n| (p.label(), n.number, n.text.as_str())))
        .collect();
    assert_eq!(
        notes,
        [
            ("PP2".to_owned(), 1, "Resolution 217 A (III)."),
            ("PP2".to_owned(), 2, "See resolution 2200 A (XXI), annex."),
            ("PP3".to_owned(), 3, "See A/60/687 and E/CN.16/2018/CRP.3."),
            ("PP4".to_owned(), 4, "A/67/65-E/2012/48."),
            ("PP5".to_owned(), 5, "See decision 77/568."),
        ]
    );
    let pp2 = doc.preambular(2);
    assert_eq!(
        pp2.map(|p| p.text.as_str()),
        Some(
            "Reaffirming the Universal Declaration of Human Rights and the International Covenant on Civil and Political Rights,"
        )
    );
    // The marker's place is kept: `Rights[1] and`.
    let shown = pp2.map(document::Paragraph::display_text).unwrap();
    assert!(shown.starts_with("Reaffirming the Universal Declaration of Human Rights[1] and"), "{shown}");
    assert!(
        shown.ends_with("Rights,[2]\n[1] Resolution 217 A (III).\n[2] See resolution 2200 A (XXI), annex."),
        "{shown}"
    );
}

#[test]
fn compact_numbering_lists_headings_and_one_word_lines() {
    let doc = compact();
    let numbers: Vec<u32> = doc.paragraphs.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7]);
    assert!(doc.paragraphs.iter().all(|p| !p.preambular));
    assert_eq!(doc.paragraph(2).map(|p| p.text.as_str()), Some("We commit to the objectives of this Compact."));
    assert_eq!(
        doc.paragraph(3).map(|p| p.text.as_str()),
        Some(
            "To achieve our goal, we will pursue the following objectives: 1. Close all digital divides; 2. Expand \
             inclusion in the digital economy; 3. Foster an inclusive, open, safe and secure digital space."
        )
    );
    assert_eq!(doc.paragraph(4).map(|p| p.text.as_str()), Some("We will connect all people to the Internet."));
    let sections: Vec<(&str, &str)> = doc.sections.iter().map(|s| (s.key.as_str(), s.title.as_str())).collect();
    assert_eq!(
        sections,
        [
            ("preamble", "Preamble"),
            ("objective-1", "Close all digital divides and accelerate progress across the Goals"),
            ("objective-2", "Expand inclusion in the digital economy"),
        ]
    );
    assert_eq!(doc.paragraph(4).and_then(|p| doc.section_of(p)).map(|s| s.key.as_str()), Some("objective-1"));
    assert_eq!(doc.paragraph(6).and_then(|p| doc.section_of(p)).map(|s| s.key.as_str()), Some("objective-2"));
    assert_clean(&doc);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

fn graph_of(docs: Vec<Document>) -> AtlasGraph {
    let (graph, errors) = AtlasGraph::from_documents(docs, &catalogue());
    assert!(errors.is_empty(), "{errors:?}");
    graph
}

/// Targets of `kind` edges out of `from`.
fn targets(graph: &AtlasGraph, from: &str, kind: EdgeKind) -> Vec<String> {
    let Some(index) = graph.index_of(from) else { return Vec::new() };
    let mut out: Vec<String> = graph
        .edges()
        .filter(|(s, _, e)| *s == index && e.kind == kind)
        .filter_map(|(_, t, _)| graph.node(t).map(|n| n.id.clone()))
        .collect();
    out.sort();
    out
}

#[test]
fn real_citation_forms_become_edges_of_the_citing_paragraph() {
    let graph = graph_of(vec![resolution()]);
    let cites = |from: &str| targets(&graph, from, EdgeKind::Cites);
    let pp1 = cites("para:res:pp1");
    for id in [
        "res:A/RES/68/167",
        "res:A/RES/69/166",
        "res:A/RES/71/199",
        "res:A/RES/77/211",
        "res:A/HRC/RES/28/16",
        "res:A/HRC/RES/34/7",
    ] {
        assert!(pp1.contains(&id.to_owned()), "{id} not in {pp1:?}");
    }
    // Footnote citations count as the paragraph's.
    // The named instruments are cited too (the Declaration and the Covenant).
    assert_eq!(cites("para:res:pp2"), ["inst:iccpr", "inst:udhr", "res:A/RES/217 A (III)", "res:A/RES/2200 A (XXI)"]);
    let evidence: Vec<String> = graph
        .index_of("para:res:pp2")
        .and_then(|p| Some((p, graph.index_of("res:A/RES/217 A (III)")?)))
        .and_then(|(p, r)| graph.edge(graph.edge_between(p, r, EdgeKind::Cites)?))
        .map(|e| e.evidence.iter().map(|ev| ev.quote.clone()).collect())
        .unwrap();
    assert_eq!(evidence, ["Resolution 217 A (III)"]);
    let pp3 = cites("para:res:pp3");
    for id in ["undoc:A/60/687", "undoc:E/CN.16/2018/CRP.3", "res:A/RES/70/125:71"] {
        assert!(pp3.contains(&id.to_owned()), "{id} not in {pp3:?}");
    }
    assert!(cites("para:res:pp4").contains(&"undoc:A/67/65-E/2012/48".to_owned()));
    assert!(cites("para:res:pp5").contains(&"res:A/DEC/77/568".to_owned()));
    let pp6 = cites("para:res:pp6");
    assert!(pp6.contains(&"res:A/HRC/RES/17/4".to_owned()) && pp6.contains(&"res:E/RES/2006/46".to_owned()), "{pp6:?}");
    let op2 = cites("para:res:2");
    let goals: Vec<&str> = op2.iter().filter_map(|id| id.strip_prefix("sdg:")).collect();
    assert_eq!(goals.len(), 17, "{op2:?}");
    // No self-citation anywhere, and nothing from the running headers.
    assert!(graph.index_of("res:A/RES/80/999").is_none());
    assert!(graph.nodes().all(|(_, n)| !n.id.contains("20874")));
    // Preambular nodes: ordinal, no number.
    let pp = graph.index_of("para:res:pp3").and_then(|i| graph.node(i));
    assert_eq!(pp.map(|n| (n.label.as_str(), n.ordinal, n.number)), Some(("PP3", Some(3), None)));
    let op = graph.index_of("para:res:3").and_then(|i| graph.node(i));
    assert_eq!(op.map(|n| (n.label.as_str(), n.ordinal, n.number)), Some(("¶3", None, Some(3))));
    let doc = graph.index_of("doc:res").and_then(|i| graph.node(i));
    assert_eq!(doc.and_then(|n| n.symbol.as_deref()), Some("A/RES/80/999"));
}

/// Sources of `kind` edges into `to`, each with its evidence quotes.
fn sources(graph: &AtlasGraph, to: &str, kind: EdgeKind) -> Vec<(String, Vec<String>)> {
    let Some(index) = graph.index_of(to) else { return Vec::new() };
    let mut out: Vec<(String, Vec<String>)> = graph
        .edges()
        .filter(|(_, t, e)| *t == index && e.kind == kind)
        .filter_map(|(s, _, e)| {
            graph.node(s).map(|n| (n.id.clone(), e.evidence.iter().map(|q| q.quote.clone()).collect()))
        })
        .collect();
    out.sort();
    out
}

/// The ids of the resolution nodes standing for `symbol` (`res:S`, `res:S:…`).
fn res_nodes(graph: &AtlasGraph, symbol: &str) -> Vec<String> {
    let whole = format!("res:{symbol}");
    let mut out: Vec<String> = graph
        .nodes()
        .filter(|(_, n)| n.id == whole || n.id.starts_with(&format!("{whole}:")))
        .map(|(_, n)| n.id.clone())
        .collect();
    out.sort();
    out
}

#[test]
fn a_cited_loaded_document_is_linked_whatever_the_loading_order() {
    let cites_71 = || {
        let graph = graph_of(vec![resolution()]);
        sources(&graph, "res:A/RES/70/125:71", EdgeKind::Cites)
    };
    let before = cites_71();
    assert_eq!(before.len(), 1, "{before:?}");
    for order in [0, 1] {
        let docs = if order == 0 {
            vec![resolution(), document::bundled(), compact()]
        } else {
            vec![compact(), document::bundled(), resolution()]
        };
        let graph = graph_of(docs);
        // "paragraph 71 of resolution 70/125" → the bundled WSIS+10 ¶71 itself, evidence kept.
        assert_eq!(sources(&graph, "para:wsis10:71", EdgeKind::Cites), before, "order {order}");
        // The compact cites the resolution's ¶3 by its short symbol.
        let into_3 = sources(&graph, "para:res:3", EdgeKind::Cites);
        assert_eq!(into_3.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(), ["para:compact:7"], "order {order}");
        // One node per document: no resolution node beside the document node.
        assert!(res_nodes(&graph, "A/RES/70/125").is_empty(), "order {order}");
        assert!(res_nodes(&graph, "A/RES/80/999").is_empty(), "order {order}");
        assert!(targets(&graph, "doc:wsis10", EdgeKind::PartOf).is_empty());
    }
    // Closing the cited document brings its resolution nodes back for those still citing it.
    let mut graph = graph_of(vec![resolution(), document::bundled(), compact()]);
    assert!(graph.remove_document("wsis10"));
    assert_eq!(sources(&graph, "res:A/RES/70/125:71", EdgeKind::Cites), before);
    assert_eq!(targets(&graph, "res:A/RES/70/125:71", EdgeKind::PartOf), ["res:A/RES/70/125"]);
    assert_eq!(
        graph.index_of("res:A/RES/70/125").and_then(|i| graph.node(i)).map(|n| n.kind),
        Some(NodeKind::Resolution)
    );
    assert!(graph.remove_document("res"));
    assert_eq!(sources(&graph, "res:A/RES/80/999:3", EdgeKind::Cites).len(), 1);
    assert_eq!(targets(&graph, "res:A/RES/80/999:3", EdgeKind::PartOf), ["res:A/RES/80/999"]);
    // Removing the citing document leaves no dangling resolution nodes.
    let mut graph = graph_of(vec![resolution(), document::bundled()]);
    assert!(graph.remove_document("res"));
    assert!(res_nodes(&graph, "A/RES/70/125").is_empty());
    // Reopened, the cited document takes its citations back.
    let mut graph = graph_of(vec![resolution(), document::bundled()]);
    assert!(graph.remove_document("wsis10"));
    assert_eq!(res_nodes(&graph, "A/RES/70/125"), ["res:A/RES/70/125", "res:A/RES/70/125:71"]);
    assert!(graph.add_document(document::bundled(), &catalogue()).is_ok());
    assert!(res_nodes(&graph, "A/RES/70/125").is_empty());
    assert_eq!(sources(&graph, "para:wsis10:71", EdgeKind::Cites), before);
}

#[test]
fn wsis20_cites_the_wsis10_document_node_and_labels_say_which_document() {
    let ten = document::bundled();
    let Some(twenty) = document::bundled_document("wsis20").map(|b| b.document()) else { panic!("wsis20") };
    for docs in [vec![ten.clone(), twenty.clone()], vec![twenty.clone(), ten.clone()]] {
        let graph = graph_of(docs);
        let citing = graph.index_of("doc:wsis10").map(|i| graph.citing_paragraphs(i)).unwrap_or_default();
        assert!(citing.len() >= 4, "{}", citing.len());
        for (p, edge) in &citing {
            let node = graph.node(*p);
            assert_eq!(node.and_then(|n| n.document.as_deref()), Some("doc:wsis20"));
            assert!(node.is_some_and(|n| n.label.starts_with("WSIS+20 ")), "{node:?}");
            assert!(edge.evidence.iter().all(|e| e.quote.contains("70/125")), "{edge:?}");
        }
        assert!(res_nodes(&graph, "A/RES/70/125").is_empty());
        assert_eq!(graph.node_by_id("para:wsis20:53").map(|n| n.label.as_str()), Some("WSIS+20 ¶53"));
        assert_eq!(graph.node_by_id("para:wsis10:53").map(|n| n.label.as_str()), Some("WSIS+10 ¶53"));
        assert_eq!(graph.node_by_id("para:wsis20:pp1").map(|n| n.label.as_str()), Some("WSIS+20 PP1"));
    }
    // One document open: the plain labels, as before.
    let mut graph = graph_of(vec![ten, twenty]);
    assert!(graph.remove_document("wsis10"));
    assert_eq!(graph.node_by_id("para:wsis20:53").map(|n| n.label.as_str()), Some("¶53"));
    assert!(graph.index_of("res:A/RES/70/125").is_some());
}

#[test]
fn the_bundled_document_knows_its_symbol_and_keeps_its_numbering() {
    let doc = document::bundled();
    assert_eq!(doc.symbol.as_deref(), Some("A/RES/70/125"));
    assert!(doc.paragraphs.iter().all(|p| !p.preambular));
    let graph = graph_of(vec![doc]);
    assert!(graph.index_of("para:wsis10:1").is_some());
    assert!(graph.index_of("para:wsis10:pp1").is_none());
}

/// A one-page PDF whose content stream shows `lines`, one `Td` move apart,
/// in Helvetica (WinAnsi), written with lopdf.
fn pdf_with_lines(pages: &[&[&str]]) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document as Pdf, Object, Stream, dictionary};
    let mut pdf = Pdf::with_version("1.5");
    let pages_id = pdf.new_object_id();
    let font_id = pdf.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = pdf.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids = Vec::new();
    for lines in pages {
        let mut operations = vec![Operation::new("BT", vec![]), Operation::new("Tf", vec!["F1".into(), 10.into()])];
        operations.push(Operation::new("Td", vec![72.into(), 760.into()]));
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                operations.push(Operation::new("Td", vec![0.into(), (-12).into()]));
            }
            // Words as a TJ array with a wide gap, as typesetters write them.
            let mut parts = Vec::new();
            for (j, word) in line.split(' ').enumerate() {
                if j > 0 {
                    parts.push(Object::Integer(-250));
                }
                parts.push(Object::string_literal(word.as_bytes().to_vec()));
            }
            operations.push(Operation::new("TJ", vec![Object::Array(parts)]));
        }
        operations.push(Operation::new("ET", vec![]));
        let bytes = Content { operations }.encode().expect("PDF content encodes");
        let content_id = pdf.add_object(Stream::new(dictionary! {}, bytes));
        let page_id = pdf.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    let count = i64::try_from(kids.len()).unwrap_or(0);
    pdf.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = pdf.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    pdf.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    if let Err(e) = pdf.save_to(&mut out) {
        panic!("{e}");
    }
    out
}

#[test]
fn a_pdf_is_opened_through_its_text_layer() {
    let page1: &[&str] = &[
        "United Nations",
        "A/RES/80/998",
        "General Assembly",
        "Distr.: General",
        "25-11111 (E)",
        "80/998. Testing documents",
        "The General Assembly,",
        "Recalling its resolution 70/125,",
        "1. Welcomes the report of the",
        "25-11111 1/2",
    ];
    let page2: &[&str] = &[
        "A/RES/80/998",
        "Testing documents",
        "Secretary-General (SDG 9);",
        "2. Decides to remain seized of the matter.",
    ];
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let path = dir.path().join("A-RES-80-998.pdf");
    if let Err(e) = std::fs::write(&path, pdf_with_lines(&[page1, page2])) {
        panic!("{e}");
    }
    let doc = match document::load(&path) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(doc.id, "a-res-80-998");
    assert_eq!(doc.symbol.as_deref(), Some("A/RES/80/998"));
    assert_eq!(doc.title, "Testing documents");
    let texts: Vec<(String, &str)> = doc.paragraphs.iter().map(|p| (p.label(), p.text.as_str())).collect();
    assert_eq!(
        texts,
        [
            ("PP1".to_owned(), "Recalling its resolution 70/125,"),
            ("¶1".to_owned(), "Welcomes the report of the Secretary-General (SDG 9);"),
            ("¶2".to_owned(), "Decides to remain seized of the matter."),
        ]
    );
    // The same file through the corpus, with the bundled document it cites.
    let (graph, errors) = match corpus::open(std::slice::from_ref(&path)) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    };
    assert!(errors.is_empty());
    assert!(targets(&graph, "para:a-res-80-998:pp1", EdgeKind::Cites).contains(&"res:A/RES/70/125".to_owned()));
}

#[test]
fn a_pdf_without_text_says_it_is_a_scan() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let path: PathBuf = dir.path().join("scan.pdf");
    if let Err(e) = std::fs::write(&path, pdf_with_lines(&[&[], &[]])) {
        panic!("{e}");
    }
    let message = document::load(&path).err().map(|e| e.to_string()).unwrap();
    assert!(
        message.contains("scan.pdf") && message.contains("no text layer") && message.contains("2 page"),
        "{message}"
    );
    let bad = dir.path().join("broken.pdf");
    if let Err(e) = std::fs::write(&bad, b"%PDF-1.7\nnot really") {
        panic!("{e}");
    }
    let message = document::load(&bad).err().map(|e| e.to_string()).unwrap();
    assert!(message.contains("broken.pdf") && message.contains("not a readable PDF"), "{message}");
}

#[test]
fn running_headers_in_any_order_give_the_same_paragraphs() {
    let block = "25-20874                                                              2/20
A/RES/80/999
Information and communications
technologies for sustainable
development
";
    let expected = resolution();
    for variant in [
        "2/20\nInformation and communications\ntechnologies for sustainable\ndevelopment\nA/RES/80/999\n25-20874 (E)\n",
        "A/RES/80/999    2/20\n \nInformation and communications technologies for sustainable development\n*2520874*\n",
        "25-20874\n2/20\n\nA/RES/80/999\n\nInformation and communications technologies\nfor sustainable development\n",
    ] {
        let text = RESOLUTION.replacen(block, variant, 1);
        assert_ne!(text, RESOLUTION);
        let doc = document::parse("res", "test", &text);
        let got: Vec<(String, &str)> = doc.paragraphs.iter().map(|p| (p.label(), p.text.as_str())).collect();
        let want: Vec<(String, &str)> = expected.paragraphs.iter().map(|p| (p.label(), p.text.as_str())).collect();
        assert_eq!(got, want, "{variant:?}");
        assert_eq!(doc.paragraphs.iter().map(|p| p.footnotes.len()).sum::<usize>(), 5);
    }
}

#[test]
fn capitalised_short_lines_inside_a_paragraph_are_kept() {
    let text = "United Nations\nA/RES/80/997\nGeneral Assembly\n25-22222 (E)\nShort lines\nThe General Assembly,\n\
                Noting the Forum,\n1. Invites:\n(a) Governments;\nInternet Governance Forum\n(b) Others.\nWe\nwill\nsee.\n\
                2. Decides.\n";
    let doc = document::parse("s", "test", text);
    assert_eq!(
        doc.paragraph(1).map(|p| p.text.as_str()),
        Some("Invites: (a) Governments; Internet Governance Forum (b) Others. We will see.")
    );
    assert_eq!(doc.paragraphs.len(), 3);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

/// A resolution in the UN's layout whose annex numbers its paragraphs
/// again from 1 (masthead, "Annex", a title line, then ¶1–4).
const WITH_ANNEX: &str = "Resolution adopted by the General Assembly

The General Assembly,

Recalling its resolution 70/125,

1. Decides to adopt the programme of action annexed to the present resolution;

2. Requests the Secretary-General to report on its implementation;

3. Decides to remain seized of the matter.

Annex

Programme of action

1. We commit to bridging digital divides, as set out in resolution 70/125.

2. We call on all stakeholders to cooperate.

3. We invite the CSTD to review progress.

4. We decide to review this programme in 2030.
";

#[test]
fn an_annex_numbered_again_from_1_is_a_part_of_its_own() {
    let doc = document::parse("act", "test", WITH_ANNEX);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let parts: Vec<(Option<&str>, bool, u32)> =
        doc.paragraphs.iter().map(|p| (p.annex.as_deref(), p.preambular, p.number)).collect();
    let annex = Some("annex");
    assert_eq!(
        parts,
        [
            (None, true, 1),
            (None, false, 1),
            (None, false, 2),
            (None, false, 3),
            (annex, false, 1),
            (annex, false, 2),
            (annex, false, 3),
            (annex, false, 4)
        ]
    );
    let ids: Vec<String> = doc.paragraphs.iter().map(|p| p.node_id(&doc.id)).collect();
    assert_eq!(
        ids,
        [
            "para:act:pp1",
            "para:act:1",
            "para:act:2",
            "para:act:3",
            "para:act:annex:1",
            "para:act:annex:2",
            "para:act:annex:3",
            "para:act:annex:4"
        ]
    );
    let labels: Vec<String> = doc.paragraphs.iter().map(document::Paragraph::label).collect();
    assert_eq!(labels, ["PP1", "¶1", "¶2", "¶3", "Annex ¶1", "Annex ¶2", "Annex ¶3", "Annex ¶4"]);
    assert_eq!(doc.paragraph(3).map(|p| p.text.as_str()), Some("Decides to remain seized of the matter."));
    assert_eq!(
        doc.annex_paragraph("annex", 3).map(|p| p.text.as_str()),
        Some("We invite the CSTD to review progress.")
    );
    let sections: Vec<(&str, &str, u8, Option<usize>)> =
        doc.sections.iter().map(|s| (s.key.as_str(), s.title.as_str(), s.level, s.parent)).collect();
    // A resolution without headings: its preamble, its operative paragraphs, its annex.
    assert_eq!(
        sections,
        [
            ("preamble", "Preamble", 0, None),
            ("operative", "Operative paragraphs", 0, None),
            ("annex", "Annex: Programme of action", 0, None)
        ]
    );
    assert!(doc.paragraphs.iter().all(|p| (p.section == 2) == p.annex.is_some()));
    assert!(doc.paragraphs.iter().all(|p| (p.section == 0) == p.preambular));
}

#[test]
fn annex_paragraphs_are_nodes_with_their_own_ids_edges_and_reading_order() {
    let graph = graph_of(vec![document::parse("act", "test", WITH_ANNEX)]);
    let node = |id: &str| graph.node_by_id(id).unwrap_or_else(|| panic!("no node {id}"));
    let first = node("para:act:annex:1");
    assert_eq!(first.label, "Annex ¶1");
    assert_eq!(
        (first.number, first.annex.as_deref(), first.section.as_deref()),
        (Some(1), Some("annex"), Some("annex"))
    );
    let body = node("para:act:1");
    assert_eq!((body.label.as_str(), body.annex.as_deref()), ("¶1", None));
    assert_eq!(node("sec:act:annex").label, "Annex");
    assert_eq!(targets(&graph, "para:act:3", EdgeKind::Follows), ["para:act:annex:1"]);
    assert_eq!(targets(&graph, "para:act:annex:3", EdgeKind::Follows), ["para:act:annex:4"]);
    let contained = targets(&graph, "sec:act:annex", EdgeKind::Contains);
    assert_eq!(contained, ["para:act:annex:1", "para:act:annex:2", "para:act:annex:3", "para:act:annex:4"]);
    assert_eq!(targets(&graph, "para:act:annex:1", EdgeKind::Cites), ["res:A/RES/70/125"]);
    assert!(targets(&graph, "para:act:annex:3", EdgeKind::AddressedTo).contains(&"org:CSTD".to_owned()));
    // The JSON export tells annex paragraphs apart; body paragraphs carry no `annex` field.
    let json = |id: &str| serde_json::to_string(node(id)).unwrap();
    assert!(json("para:act:annex:2").contains("\"annex\":\"annex\""), "{}", json("para:act:annex:2"));
    assert!(!json("para:act:2").contains("\"annex\""), "{}", json("para:act:2"));
    // So does GraphML.
    let graphml = wsis_atlas::export::to_graphml(&graph, &|_| None, &|_| true);
    assert!(graphml.contains("<key id=\"annex\""), "the annex key is declared");
    assert_eq!(graphml.matches("<data key=\"annex\">annex</data>").count(), 4, "one per annex paragraph");
}

/// Annexes in a PDF's text layer: the closing meeting line, page furniture
/// and a footnote between the body and Annex I, a running header inside an
/// annex paragraph, and a second annex with a title on its heading line.
const TWO_ANNEXES_PDF: &str = "United Nations
A/RES/80/996
General Assembly
Distr.: General
22 December 2025
25-30000 (E)
Resolution adopted by the General Assembly on 19 December 2025
80/996. Digital cooperation
The General Assembly,
Recalling its resolution 70/125,1
1. Adopts the road map and the principles annexed to the present resolution;
2. Decides to remain seized of the matter.
80th plenary meeting
19 December 2025
_______________
1 See also resolution 69/204.
25-30000 2/4
A/RES/80/996
Digital cooperation
Annex I
Road map for digital
cooperation
1. We will connect every school by 2030, as the Secretary-General
25-30000 3/4
A/RES/80/996
Digital cooperation
proposed, with the support of the ITU.
2. We will report on progress.
Annex II. Principles of cooperation
1. Cooperation shall be open.
2. Cooperation shall be inclusive.
";

#[test]
fn annexes_in_a_pdf_text_layer_restart_numbering_around_page_furniture() {
    let doc = document::parse("dc", "test", TWO_ANNEXES_PDF);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let labels: Vec<String> = doc.paragraphs.iter().map(document::Paragraph::label).collect();
    assert_eq!(labels, ["PP1", "¶1", "¶2", "Annex I ¶1", "Annex I ¶2", "Annex II ¶1", "Annex II ¶2"]);
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Preamble",
            "Operative paragraphs",
            "Annex I: Road map for digital cooperation",
            "Annex II: Principles of cooperation"
        ]
    );
    assert_eq!(
        doc.annex_paragraph("annex-i", 1).map(|p| p.text.as_str()),
        Some("We will connect every school by 2030, as the Secretary-General proposed, with the support of the ITU.")
    );
    assert_eq!(doc.paragraph(2).map(|p| p.text.as_str()), Some("Decides to remain seized of the matter."));
    assert_eq!(doc.preambular(1).map(|p| p.footnotes.len()), Some(1));
    let graph = graph_of(vec![doc]);
    assert_eq!(targets(&graph, "para:dc:annex-i:2", EdgeKind::Follows), ["para:dc:annex-ii:1"]);
    assert_eq!(targets(&graph, "sec:dc:annex-ii", EdgeKind::Contains), ["para:dc:annex-ii:1", "para:dc:annex-ii:2"]);
    assert!(targets(&graph, "para:dc:annex-i:1", EdgeKind::Mentions).contains(&"org:ITU".to_owned()));
}

/// A resolution in the UN's layout adopting an outcome document as its
/// annex, structured with Roman-numeral and lettered headings (one with a
/// tab, as text layers give it), page furniture between a heading and its
/// paragraph.
const OUTLINED_PDF: &str = "United Nations
A/RES/80/995
General Assembly
Distr.: General
22 December 2025
25-40000 (E)
Resolution adopted by the General Assembly on 19 December 2025
80/995. Outcome of the review
The General Assembly,
Recalling its resolution 70/125,
1. Adopts the outcome document annexed to the present resolution;
2. Decides to remain seized of the matter.
80th plenary meeting
19 December 2025
Annex
Outcome document
I. Introduction
1. We reaffirm the vision of the Summit.
2. We recognize progress made.
II\tDigital divides
25-40000 2/3
A/RES/80/995
Outcome of the review
3. We commit to closing digital divides, as set out in chapter
I. of the report of the Secretary-General.
A. Financing
4. We call on all stakeholders to mobilize financing, and thank Ms.
A. Smith for her work.
III. Follow-up
5. We request the Secretary-General to report annually.
";

#[test]
fn roman_and_lettered_headings_in_an_annex_are_sections_with_readable_ids_and_labels() {
    let doc = document::parse("out", "test", OUTLINED_PDF);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let sections: Vec<(&str, &str, u8, Option<usize>)> =
        doc.sections.iter().map(|s| (s.key.as_str(), s.title.as_str(), s.level, s.parent)).collect();
    assert_eq!(
        sections,
        [
            ("preamble", "Preamble", 0, None),
            ("operative", "Operative paragraphs", 0, None),
            ("annex", "Annex: Outcome document", 0, None),
            ("annex:i", "Introduction", 1, Some(2)),
            ("annex:ii", "Digital divides", 1, Some(2)),
            ("annex:ii.a", "Financing", 2, Some(4)),
            ("annex:iii", "Follow-up", 1, Some(2)),
        ]
    );
    let labels: Vec<String> = doc.paragraphs.iter().map(document::Paragraph::label).collect();
    assert_eq!(labels, ["PP1", "¶1", "¶2", "Annex ¶1", "Annex ¶2", "Annex ¶3", "Annex ¶4", "Annex ¶5"]);
    assert_eq!(
        doc.annex_paragraph("annex", 3).map(|p| p.text.as_str()),
        Some("We commit to closing digital divides, as set out in chapter I. of the report of the Secretary-General.")
    );
    assert_eq!(
        doc.annex_paragraph("annex", 4).map(|p| p.text.as_str()),
        Some("We call on all stakeholders to mobilize financing, and thank Ms. A. Smith for her work.")
    );
    let graph = graph_of(vec![doc]);
    let node = |id: &str| graph.node_by_id(id).unwrap_or_else(|| panic!("no node {id}"));
    assert_eq!(node("sec:out:annex:ii").label, "Annex §II");
    assert_eq!(node("sec:out:annex:ii.a").label, "Annex §II.A");
    assert_eq!(node("sec:out:annex:ii.a").kind, NodeKind::Section);
    assert_eq!(targets(&graph, "sec:out:annex:ii", EdgeKind::Contains), ["para:out:annex:3", "sec:out:annex:ii.a"]);
    assert_eq!(targets(&graph, "sec:out:annex:ii.a", EdgeKind::Contains), ["para:out:annex:4"]);
    assert_eq!(targets(&graph, "para:out:annex:4", EdgeKind::Follows), ["para:out:annex:5"]);
}

mod never_panic {
    use proptest::prelude::*;
    use wsis_atlas::document;

    /// Lines drawn from the pieces of a UN layout, shuffled at random.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("United Nations".to_owned()),
            Just("A/RES/80/1".to_owned()),
            Just("The General Assembly,".to_owned()),
            Just("_____".to_owned()),
            Just("25-20874 (E)  2/20".to_owned()),
            Just("Recalling its resolution 70/1,".to_owned()),
            Just("Objective 1. Close".to_owned()),
            Just("Annex".to_owned()),
            Just("Annex II".to_owned()),
            Just("Appendix".to_owned()),
            Just("annex to the present resolution".to_owned()),
            Just("II. Digital divides".to_owned()),
            Just("A. Financing".to_owned()),
            Just("III".to_owned()),
            "[0-9]{1,3}\\.? ?[A-Za-z ,.;:()\u{2011}\u{a0}-]{0,20}[0-9]{0,2}",
            "\\PC{0,12}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn any_un_layout_parses_consistently(lines in proptest::collection::vec(line(), 0..40)) {
            let text = format!("United Nations\nA/RES/80/1\nGeneral Assembly\nTitle\nThe General Assembly,\n{}", lines.join("\n"));
            let doc = document::parse("p", "proptest", &text);
            prop_assert_eq!(doc.symbol.as_deref(), Some("A/RES/80/1"));
            // Numbers increase within each part (the body, each annex); ids are unique.
            let numbered: Vec<(Option<&str>, u32)> =
                doc.paragraphs.iter().filter(|p| !p.preambular).map(|p| (p.annex.as_deref(), p.number)).collect();
            prop_assert!(numbered.windows(2).all(|w| w[0].0 != w[1].0 || w[0].1 < w[1].1), "{:?}", numbered);
            let ids: std::collections::HashSet<String> = doc.paragraphs.iter().map(|p| p.node_id("p")).collect();
            prop_assert_eq!(ids.len(), doc.paragraphs.len());
            let keys: std::collections::HashSet<&str> = doc.sections.iter().map(|s| s.key.as_str()).collect();
            prop_assert_eq!(keys.len(), doc.sections.len());
            // Preambular paragraphs are numbered 1, 2, 3… in the body and again in each annex.
            let pp: Vec<(Option<&str>, u32)> =
                doc.paragraphs.iter().filter(|p| p.preambular).map(|p| (p.annex.as_deref(), p.number)).collect();
            let mut seen: std::collections::HashMap<Option<&str>, u32> = std::collections::HashMap::new();
            for (annex, n) in &pp {
                let count = seen.entry(*annex).or_insert(0);
                *count += 1;
                prop_assert_eq!(*n, *count, "{:?}", pp);
            }
            for p in &doc.paragraphs {
                prop_assert!(p.section < doc.sections.len());
                for note in &p.footnotes {
                    prop_assert!(note.at <= p.text.len() && p.text.is_char_boundary(note.at));
                }
                let _ = p.display_text();
            }
        }
    }
}
