//! The WSIS+20 outcome (A/RES/80/173) as the official PDF's text layer gives
//! it — masthead, running headers and footers on every page, footnote
//! blocks, numbers alone on their line, bare headings — read through the
//! same reader as every text: the real case.

use wsis_atlas::document::{self, Document, LineKind, reading::Furniture};
use wsis_atlas::extract::Catalogue;
use wsis_atlas::graph::{AtlasGraph, EdgeKind};

/// The text layer, unchanged (the bundled copy of the corpus file).
const TEXT: &str = include_str!("../assets/wsis20-outcome.txt");

fn doc() -> Document {
    document::parse("wsis20", "wsis20-outcome.txt", TEXT)
}

fn text(doc: &Document, n: u32) -> &str {
    doc.paragraph(n).map_or("<missing>", |p| p.text.as_str())
}

#[test]
fn title_symbol_and_the_document_s_own_facts() {
    let doc = doc();
    assert_eq!(
        doc.title,
        "Outcome document of the high-level meeting of the General Assembly on the overall review of the \
         implementation of the outcomes of the World Summit on the Information Society"
    );
    assert_eq!(doc.symbol.as_deref(), Some("A/RES/80/173"));
    let f = &doc.facts;
    assert_eq!(f.adopted.as_deref(), Some("17 December 2025"));
    assert_eq!(f.distributed.as_deref(), Some("19 December 2025"));
    assert_eq!(f.distribution.as_deref(), Some("General"));
    assert_eq!(f.session.as_deref(), Some("Eightieth session"));
    assert_eq!(f.agenda_item.as_deref(), Some("15"));
    assert_eq!(
        f.agenda_title.as_deref(),
        Some("Information and communications technologies for sustainable development")
    );
    assert_eq!(f.origin.as_deref(), Some("A/80/L.41"));
    assert_eq!(f.meeting.as_deref(), Some("68th plenary meeting"));
    assert_eq!(f.number.as_deref(), Some("80/173"));
    assert_eq!(f.job.as_deref(), Some("25-20874 (E)"));
    assert_eq!(f.opening.first().map(String::as_str), Some("The General Assembly"));
    assert!(f.opening.get(1).is_some_and(|c| c.starts_with("Adopts the following outcome document")));
}

#[test]
fn eight_preambular_paragraphs_then_127_numbered_ones_without_warnings() {
    let doc = doc();
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let preamble: Vec<&str> = doc
        .paragraphs
        .iter()
        .filter(|p| p.preambular)
        .map(|p| p.text.split_whitespace().take(4).collect::<Vec<_>>().join(" ").leak() as &str)
        .collect();
    assert_eq!(
        preamble,
        [
            "We, the Ministers and",
            "Recalling the outcome document",
            "Reaffirming General Assembly resolution",
            "Welcoming the convening of",
            "Recalling resolution 79/277, adopted",
            "Recalling also the Fourth",
            "Welcoming the many inputs",
            "Building on the 20-year",
        ]
    );
    let numbers: Vec<u32> = doc.paragraphs.iter().filter(|p| !p.preambular).map(|p| p.number).collect();
    assert_eq!(numbers, (1..=127).collect::<Vec<_>>());
    assert!(doc.paragraphs.iter().filter(|p| p.preambular).all(|p| p.section == 0));
}

#[test]
fn the_17_headings_with_the_first_paragraph_of_each() {
    let doc = doc();
    let first = |key: &str| {
        let index = doc.sections.iter().position(|s| s.key == key).unwrap_or(usize::MAX);
        doc.paragraphs.iter().find(|p| p.section == index).map(|p| p.number)
    };
    let headings: Vec<(&str, Option<u32>)> =
        doc.sections.iter().skip(1).map(|s| (s.title.as_str(), first(&s.key))).collect();
    assert_eq!(
        headings,
        [
            ("Introduction", Some(1)),
            ("Information and communications technologies for development", Some(15)),
            ("Closing all digital divides", Some(19)),
            ("The digital economy", Some(29)),
            ("Social and economic development", Some(35)),
            ("Environmental impacts", Some(42)),
            ("The enabling environment for digital development", Some(48)),
            ("Building confidence and security in the use of information and communications technologies", Some(54)),
            ("Capacity development", Some(59)),
            ("Financial mechanisms", Some(62)),
            ("Human rights and ethical dimensions of the information society", Some(68)),
            ("Data governance", Some(81)),
            ("Artificial intelligence", Some(84)),
            ("Internet governance", Some(88)),
            ("Development of the World Summit on the Information Society framework", Some(104)),
            ("Monitoring and measurement", Some(114)),
            ("Follow-up and review", Some(119)),
        ]
    );
    assert!(doc.sections.iter().all(|s| s.level == 0 && s.parent.is_none()));
}

#[test]
fn paragraphs_that_lost_sentences_before_read_word_for_word() {
    let doc = doc();
    assert_eq!(
        text(&doc, 34),
        "We note that digital technologies have had significant impacts on work, including changes in workplace \
         environments and skills requirements, opportunities for more flexible work arrangements and the emergence \
         of digital labour platforms. We note that emerging technologies such as automation, robotics and \
         artificial intelligence are expected to further reshape the labour market, potentially displacing some \
         roles, while also creating new employment opportunities and skill demands. We are determined to ensure \
         that these developments serve to complement and augment human labour."
    );
    assert_eq!(
        text(&doc, 71),
        "We recognize the responsibilities of all stakeholders in this endeavour. We call upon the private sector \
         and all relevant stakeholders to ensure that respect for human rights is incorporated into the conception, \
         design, development, deployment, operation, use, evaluation and regulation of all new and emerging digital \
         technologies and to provide for redress and effective remedy for the human rights abuses that they may \
         cause, contribute to, or to which they may be directly linked. We also call upon the private sector to \
         apply the Guiding Principles on Business and Human Rights: Implementing the United Nations \u{201c}Protect, \
         Respect and Remedy\u{201d} Framework."
    );
    assert_eq!(
        text(&doc, 107),
        "We welcome the efforts of United Nations entities, including World Summit action line facilitators, to \
         support the implementation of World Summit outcomes over the past two decades within their mandates and \
         areas of responsibility. We commend the International Telecommunication Union on its establishment of the \
         World Summit stocktaking platform and the World Summit prizes, and encourage all stakeholders to \
         contribute to the stocktaking database."
    );
    assert_eq!(
        text(&doc, 108),
        "We recognize the important role that has been played by the regional commissions in developing regional \
         action plans to fulfil the World Summit vision. We reaffirm their mandates to serve as regional mechanisms \
         for implementation and follow-up of World Summit outcomes, encourage them to continue their work within \
         their regions and call for them to scale up technical assistance, capacity-building and partnerships."
    );
    // A paragraph that crosses a page break and a footnote block.
    assert!(text(&doc, 5).contains("the unique and emerging information and communications technology challenges"));
}

#[test]
fn no_running_header_footer_or_footnote_text_in_any_paragraph() {
    let doc = doc();
    let furniture = [
        "Outcome document of the high-level meeting of the General",
        "of the outcomes of the World Summit on the Information Society Outcome",
        "25-20874",
        "A/RES/80/173",
        "/20",
        "____",
        "Resolution 79/323",
        "A/C.2/59/3",
    ];
    for p in &doc.paragraphs {
        for noise in furniture {
            assert!(!p.text.contains(noise), "{} contains {noise:?}: {}", p.label(), p.text);
        }
    }
    // Every page after the first has its header, symbol, job number and page marker set aside.
    let reading = &doc.reading;
    let count = |f: Furniture| reading.count(LineKind::Furniture(f));
    assert_eq!(count(Furniture::PageMarker), 19);
    assert_eq!(count(Furniture::JobNumber), 19);
    assert_eq!(count(Furniture::Symbol), 19);
    assert_eq!(count(Furniture::RunningHeader), 19 * 4);
    assert_eq!(reading.count(LineKind::Heading), 18);
    assert_eq!(reading.count(LineKind::Closing), 2);
}

#[test]
fn footnotes_1_to_12_stay_footnotes_of_their_paragraphs() {
    let doc = doc();
    let notes: Vec<(u32, String, &str)> = doc
        .paragraphs
        .iter()
        .flat_map(|p| p.footnotes.iter().map(move |n| (n.number, p.label(), n.text.as_str())))
        .collect();
    let numbers: Vec<u32> = notes.iter().map(|n| n.0).collect();
    assert_eq!(numbers, (1..=12).collect::<Vec<_>>());
    let labels: Vec<&str> = notes.iter().map(|n| n.1.as_str()).collect();
    assert_eq!(labels, ["PP6", "¶1", "¶2", "¶2", "¶2", "¶18", "¶23", "¶25", "¶69", "¶71", "¶74", "¶80"]);
    assert_eq!(notes[0].2, "Resolution 79/323, annex.");
    assert_eq!(notes[6].2, "United Nations, Treaty Series, vol. 2515, No. 44910.");
    // The markers are out of the text, and stood where the note belongs.
    let p23 = doc.paragraph(23).map(|p| (p.text.as_str(), p.footnotes[0].at)).unwrap_or_default();
    assert_eq!(p23.0.get(..p23.1), Some("We note that the Convention on the Rights of Persons with Disabilities"));
    assert!(text(&doc, 1).ends_with("the Universal Declaration of Human Rights."));
}

#[test]
fn every_body_word_is_placed() {
    let doc = doc();
    let reading = &doc.reading;
    assert!(reading.body_words > 9_000, "{}", reading.body_words);
    assert_eq!(reading.placed_words, reading.body_words);
    // Every line has a kind; none is body text left unplaced.
    assert_eq!(reading.kinds.len(), TEXT.split('\n').count());
    let set_aside: Vec<&str> = reading
        .set_aside
        .iter()
        .filter(|s| !matches!(s.kind, LineKind::Furniture(_)))
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(set_aside.first().copied(), Some("United Nations"));
    assert_eq!(set_aside.last().copied(), Some("17 December 2025"));
    assert_eq!(set_aside.len(), 23, "{set_aside:?}");
}

#[test]
fn its_citations_are_found() {
    let catalogue = Catalogue::bundled().expect("bundled catalogue");
    let (graph, errors) = AtlasGraph::from_documents(vec![doc()], &catalogue);
    assert!(errors.is_empty(), "{errors:?}");
    let cited: Vec<String> = graph
        .edges()
        .filter(|(_, _, e)| e.kind == EdgeKind::Cites)
        .filter_map(|(_, t, _)| graph.node(t).map(|n| n.id.clone()))
        .collect();
    for symbol in ["79/277", "70/125", "70/1", "79/1", "78/213", "75/240"] {
        let id = format!("res:A/RES/{symbol}");
        assert!(cited.contains(&id), "{id} not cited: {cited:?}");
    }
    // 79/277 is cited by PP5, with its words as evidence.
    let pp5 = graph.index_of("para:wsis20:pp5").expect("PP5");
    let quote = graph
        .edges()
        .find(|(s, t, e)| {
            *s == pp5 && e.kind == EdgeKind::Cites && graph.node(*t).is_some_and(|n| n.id == "res:A/RES/79/277")
        })
        .and_then(|(_, _, e)| e.evidence.first().map(|ev| ev.quote.clone()));
    assert_eq!(quote.as_deref(), Some("resolution 79/277"));
}
