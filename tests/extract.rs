//! Integration tests: extract. What the extractor finds in the bundled
//! WSIS+10 outcome document, form by form, and that it never panics or
//! returns a span that is not a quote of the text.
//!
//! Paragraphs are found by their words, not by number, so these tests hold
//! whichever way the parser splits the text.

use std::sync::LazyLock;

use proptest::prelude::*;
use wsis_atlas::document;
use wsis_atlas::extract::{Catalogue, Entity, Mention, Part, Relation, extract};
use wsis_atlas::graph::{AtlasGraph, EdgeKind};

/// The bundled catalogue, loaded once for all tests.
static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| match Catalogue::bundled() {
    Ok(c) => c,
    Err(e) => panic!("bundled catalogue: {e}"),
});

fn catalogue() -> &'static Catalogue {
    &CATALOGUE
}

/// The text of the bundled paragraph that contains `needle`.
fn paragraph_with(needle: &str) -> String {
    let doc = document::bundled();
    match doc.paragraphs.iter().find(|p| p.text.contains(needle)) {
        Some(p) => p.text.clone(),
        None => panic!("no paragraph contains {needle:?}"),
    }
}

/// (entity id, relation, quote) for every mention in a text.
fn found(text: &str) -> Vec<(String, Relation, String)> {
    extract(text, catalogue())
        .into_iter()
        .map(|m| (m.entity.id(), m.relation, text.get(m.span).unwrap_or("<not a quote>").to_owned()))
        .collect()
}

/// Whether the text has a mention of `id` with `relation` quoting exactly `quote`.
fn has(text: &str, id: &str, relation: Relation, quote: &str) -> bool {
    found(text).iter().any(|(i, r, q)| i == id && *r == relation && q == quote)
}

fn ids(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(id, _, _)| id).collect()
}

// --- Resolutions -----------------------------------------------------------

#[test]
fn its_resolution_68_302_is_cited() {
    let text = paragraph_with("its resolution 68/302");
    assert!(has(&text, "res:A/RES/68/302", Relation::Cites, "resolution 68/302"), "{:?}", found(&text));
}

#[test]
fn its_resolution_70_1_is_cited() {
    let text = paragraph_with("its resolution 70/1");
    assert!(has(&text, "res:A/RES/70/1", Relation::Cites, "resolution 70/1"));
}

#[test]
fn human_rights_council_and_general_assembly_resolutions_are_cited_with_their_bodies() {
    let text = paragraph_with("Human Rights Council resolution 26/13");
    assert!(has(&text, "res:A/HRC/RES/26/13", Relation::Cites, "Human Rights Council resolution 26/13"));
    assert!(has(&text, "res:A/RES/69/166", Relation::Cites, "General Assembly resolution 69/166"));
    // The body's name is part of the citation, not a separate mention.
    assert!(!ids(&text).iter().any(|id| id == "org:GA" || id == "org:HRC"), "{:?}", found(&text));
}

#[test]
fn resolution_68_198_is_cited_and_the_general_assembly_mentioned() {
    let text = paragraph_with("resolution 68/198");
    assert!(has(&text, "res:A/RES/68/198", Relation::Cites, "resolution 68/198"));
    assert!(has(&text, "org:GA", Relation::Mentions, "General Assembly"));
}

#[test]
fn a_list_of_resolutions_and_a_full_symbol() {
    let text = "Recalling its resolutions 68/302 and 70/1, and A/RES/69/313.";
    assert!(has(text, "res:A/RES/68/302", Relation::Cites, "resolutions 68/302"));
    assert!(has(text, "res:A/RES/70/1", Relation::Cites, "70/1"));
    assert!(has(text, "res:A/RES/69/313", Relation::Cites, "A/RES/69/313"));
}

#[test]
fn the_same_resolution_twice_gives_two_mentions() {
    let text = "We recall General Assembly resolution 69/166 and, again, resolution 69/166.";
    let cites: Vec<_> = found(text).into_iter().filter(|(id, _, _)| id == "res:A/RES/69/166").collect();
    assert_eq!(cites.len(), 2, "{cites:?}");
}

// --- Instruments and their parts -------------------------------------------

#[test]
fn paragraph_111_of_the_tunis_agenda_is_a_part_not_also_the_whole() {
    let text = paragraph_with("paragraph 111 of the Tunis Agenda");
    assert!(has(
        &text,
        "inst:tunis-agenda:111",
        Relation::Cites,
        "paragraph 111 of the Tunis Agenda for the Information Society"
    ));
    assert!(!ids(&text).iter().any(|id| id == "inst:tunis-agenda"), "{:?}", found(&text));
}

#[test]
fn paragraph_55_of_the_tunis_agenda() {
    let text = paragraph_with("paragraph 55 of the Tunis Agenda");
    assert!(has(&text, "inst:tunis-agenda:55", Relation::Cites, "paragraph 55 of the Tunis Agenda"));
    assert!(!ids(&text).iter().any(|id| id == "inst:tunis-agenda"));
}

#[test]
fn paragraphs_23_and_27_are_two_parts() {
    let text = paragraph_with("paragraphs 23 and 27");
    for id in ["inst:tunis-agenda:23", "inst:tunis-agenda:27"] {
        assert!(has(&text, id, Relation::Cites, "paragraphs 23 and 27 of the Tunis Agenda"), "{id}");
    }
}

#[test]
fn paragraph_72_to_78_cites_each_paragraph_of_the_range() {
    let text = paragraph_with("paragraph 72 to 78");
    let parts: Vec<String> = ids(&text).into_iter().filter(|id| id.starts_with("inst:tunis-agenda:")).collect();
    let expected: Vec<String> = (72..=78).map(|n| format!("inst:tunis-agenda:{n}")).collect();
    assert_eq!(parts, expected);
}

#[test]
fn paragraphs_69_to_71_of_the_instrument_named_after() {
    let text = paragraph_with("paragraphs 69 to 71");
    for n in 69..=71 {
        assert!(has(
            &text,
            &format!("inst:tunis-agenda:{n}"),
            Relation::Cites,
            "paragraphs 69 to 71 of the Tunis Agenda"
        ));
    }
}

#[test]
fn article_19_of_the_udhr() {
    let text = paragraph_with("Article 19 of the Universal");
    assert!(has(&text, "inst:udhr:art19", Relation::Cites, "Article 19 of the Universal Declaration of Human Rights"));
    assert!(has(&text, "inst:iccpr", Relation::Cites, "International Covenant on Civil and Political Rights"));
    let e = extract(&text, catalogue());
    assert!(e.iter().any(|m| m.entity == Entity::Instrument { key: "udhr".into(), part: Some(Part::Article(19)) }));
}

#[test]
fn action_line_c10() {
    let text = paragraph_with("Action Line C10");
    assert!(has(&text, "al:C10", Relation::Cites, "Action Line C10"));
}

#[test]
fn the_geneva_and_tunis_outcomes_are_cited() {
    let text = paragraph_with("Geneva Plan of Action and its Action Lines");
    assert!(has(&text, "inst:geneva-declaration", Relation::Cites, "Geneva Declaration of Principles"));
    assert!(has(&text, "inst:geneva-plan-of-action", Relation::Cites, "Geneva Plan of Action"));
    assert!(has(&text, "inst:tunis-commitment", Relation::Cites, "Tunis Commitment"));
    assert!(has(&text, "inst:tunis-agenda", Relation::Cites, "Tunis Agenda for the Information Society"));
    let short = paragraph_with("principles agreed in the Geneva Declaration");
    assert!(has(&short, "inst:geneva-declaration", Relation::Cites, "Geneva Declaration"));
}

#[test]
fn the_charter_in_its_three_forms() {
    assert!(has(
        &paragraph_with("Charter of the United Nations, and"),
        "inst:un-charter",
        Relation::Cites,
        "Charter of the United Nations"
    ));
    assert!(has(
        &paragraph_with("United Nations Charter"),
        "inst:un-charter",
        Relation::Cites,
        "United Nations Charter"
    ));
    assert!(has("in accordance with the Charter.", "inst:un-charter", Relation::Cites, "the Charter"));
    assert!(ids("a charter of values").is_empty());
}

#[test]
fn agendas_goals_and_other_instruments() {
    let p4 = paragraph_with("Transforming our world");
    assert!(has(&p4, "inst:2030-agenda", Relation::Cites, "Sustainable Development Goals"));
    assert!(has(&p4, "inst:mdgs", Relation::Cites, "Millennium Development Goals"));
    assert!(has(&paragraph_with("17 SDGs"), "inst:2030-agenda", Relation::Cites, "17 SDGs"));
    assert!(has(
        &paragraph_with("new technology facilitation mechanism"),
        "inst:addis-ababa-action-agenda",
        Relation::Cites,
        "Addis Ababa Action Agenda"
    ));
    assert!(has(
        &paragraph_with("Vienna Declaration"),
        "inst:vienna-declaration",
        Relation::Cites,
        "Vienna Declaration"
    ));
    assert!(has(&paragraph_with("Connect 2020"), "inst:connect-2020", Relation::Cites, "Connect 2020 Agenda"));
    let p3 = paragraph_with("WSIS+10 Statement");
    assert!(ids(&p3).contains(&"inst:wsis10-statement".to_owned()));
    assert!(ids(&p3).contains(&"inst:wsis10-vision".to_owned()));
    assert!(ids(&paragraph_with("NETMundial")).contains(&"inst:netmundial".to_owned()));
}

// --- Organizations ----------------------------------------------------------

#[test]
fn the_cstd_by_name_and_acronym() {
    let text = paragraph_with("Chair of the Commission on Science");
    assert!(has(&text, "org:CSTD", Relation::Mentions, "Commission on Science and Technology for Development (CSTD)"));
    assert!(has(&text, "org:ECOSOC", Relation::Mentions, "ECOSOC"));
    assert!(has(&paragraph_with("We call on the CSTD"), "org:CSTD", Relation::Mentions, "CSTD"));
}

#[test]
fn agencies_and_forums() {
    let p3 = paragraph_with("co-organized by ITU");
    for id in ["org:ITU", "org:UNESCO", "org:UNCTAD", "org:UNDP"] {
        assert!(ids(&p3).contains(&id.to_owned()), "{id}: {:?}", found(&p3));
    }
    assert!(has(
        &paragraph_with("International Telecommunications Union"),
        "org:ITU",
        Relation::Mentions,
        "International Telecommunications Union"
    ));
    assert!(has(
        &paragraph_with("Internet Governance Forum"),
        "org:IGF",
        Relation::Mentions,
        "Internet Governance Forum (IGF)"
    ));
    let p72 = paragraph_with("UNGIS) members");
    assert!(has(&p72, "org:ECOSOC", Relation::Mentions, "Economic and Social Council"));
    assert!(has(&p72, "org:UNGIS", Relation::Mentions, "United Nations Group on the Information Society (UNGIS)"));
    assert!(has(&p72, "org:HLPF", Relation::Mentions, "High Level Political Forum"));
    assert!(has(&paragraph_with("WSIS Forum"), "org:wsis-forum", Relation::Mentions, "WSIS Forum"));
    assert!(ids(&paragraph_with("Regional Commissions")).contains(&"org:regional-commissions".to_owned()));
    assert!(ids(&paragraph_with("UN Women")).contains(&"org:UN-Women".to_owned()));
}

// --- SDGs ---------------------------------------------------------------------

#[test]
fn sdg_5_is_cited_explicitly() {
    let text = paragraph_with("SDG 5");
    assert!(has(&text, "sdg:5", Relation::Cites, "SDG 5"));
}

#[test]
fn thematic_links_come_from_specific_words() {
    let p25 = paragraph_with("e-waste");
    assert!(has(&p25, "sdg:13", Relation::Thematic, "climate change"));
    assert!(has(&p25, "sdg:12", Relation::Thematic, "e-waste"));
    assert!(has(&p25, "sdg:7", Relation::Thematic, "renewable energy"));
    assert!(has(&paragraph_with("eradicating poverty"), "sdg:1", Relation::Thematic, "eradicating poverty"));
    assert!(has(&paragraph_with("gender divide exists"), "sdg:5", Relation::Thematic, "gender divide"));
    // Words inside a body's name do not count.
    let p54 = paragraph_with("Office on Drugs and Crime");
    assert!(!found(&p54).iter().any(|(_, r, _)| *r == Relation::Thematic), "{:?}", found(&p54));
}

#[test]
fn not_every_paragraph_is_thematic() {
    let doc = document::bundled();
    let c = catalogue();
    let thematic =
        doc.paragraphs.iter().filter(|p| extract(&p.text, c).iter().any(|m| m.relation == Relation::Thematic)).count();
    assert!(thematic > 10, "{thematic}");
    assert!(thematic < doc.paragraphs.len(), "every paragraph has a thematic link");
}

// --- Stakeholders ---------------------------------------------------------------

#[test]
fn the_stakeholder_groups() {
    let text = paragraph_with("Welcoming the constructive");
    for (id, quote) in [
        ("stk:governments", "governments"),
        ("stk:private-sector", "private sector"),
        ("stk:civil-society", "civil society"),
        ("stk:international-organizations", "international organizations"),
        ("stk:technical-community", "technical and academic communities"),
        ("stk:academia", "technical and academic communities"),
    ] {
        assert!(has(&text, id, Relation::Mentions, quote), "{id}");
    }
    let p54 = paragraph_with("the technical community and academia");
    assert!(has(&p54, "stk:technical-community", Relation::Mentions, "technical community"));
    assert!(has(&p54, "stk:academia", Relation::Mentions, "academia"));
}

#[test]
fn population_groups_and_country_groupings() {
    let text = paragraph_with("persons with disabilities, older persons");
    for id in [
        "stk:developing-countries",
        "stk:african-countries",
        "stk:least-developed-countries",
        "stk:landlocked-developing-countries",
        "stk:small-island-developing-states",
        "stk:children",
        "stk:youth",
        "stk:persons-with-disabilities",
        "stk:older-persons",
        "stk:indigenous-peoples",
        "stk:refugees",
        "stk:migrants",
    ] {
        assert!(ids(&text).contains(&id.to_owned()), "{id}");
    }
    // "least developed countries" is not also "developed countries".
    assert!(!ids(&text).contains(&"stk:developed-countries".to_owned()));
    assert!(has(&paragraph_with("between women and men, which"), "stk:women", Relation::Mentions, "women"));
}

// --- Spans ---------------------------------------------------------------------------

/// Every span is on char boundaries, quotes the text, and the list is sorted.
fn assert_well_formed(text: &str, mentions: &[Mention]) {
    for m in mentions {
        assert!(m.span.start < m.span.end, "{m:?}");
        assert!(text.get(m.span.clone()).is_some(), "span {m:?} not on char boundaries of {text:?}");
    }
    assert!(mentions.windows(2).all(|w| w[0].span.start <= w[1].span.start), "not sorted");
}

#[test]
fn every_span_of_the_bundled_document_is_a_quote() {
    let c = catalogue();
    let doc = document::bundled();
    let mut total = 0;
    for p in &doc.paragraphs {
        let mentions = extract(&p.text, c);
        assert_well_formed(&p.text, &mentions);
        total += mentions.len();
    }
    assert!(total > 200, "{total}");
    // The raw text with its page breaks as well.
    assert_well_formed(document::BUNDLED_TEXT, &extract(document::BUNDLED_TEXT, c));
}

#[test]
fn a_name_broken_across_lines_is_found_with_its_line_break() {
    let text =
        "on the Addis Ababa Action Agenda of the\n\nThird International Conference on Financing for Development, which";
    assert!(has(
        text,
        "inst:addis-ababa-action-agenda",
        Relation::Cites,
        "Addis Ababa Action Agenda of the\n\nThird International Conference on Financing for Development"
    ));
}

// --- The graph ----------------------------------------------------------------------

#[test]
fn the_graph_links_each_paragraph_citing_69_166_with_its_evidence() {
    let graph = match AtlasGraph::bundled() {
        Ok(g) => g,
        Err(e) => panic!("{e}"),
    };
    let Some(resolution) = graph.index_of("res:A/RES/69/166") else { panic!("no node res:A/RES/69/166") };
    let citing: Vec<_> = graph
        .edges()
        .filter(|(_, target, edge)| *target == resolution && edge.kind == EdgeKind::Cites)
        .filter_map(|(source, _, edge)| Some((graph.node(source)?, edge)))
        .collect();
    let expected = graph.nodes().filter(|(_, n)| n.text.as_deref().is_some_and(|t| t.contains("69/166"))).count();
    assert!(expected >= 2, "the bundled text cites 69/166 in ¶48 and ¶51");
    assert_eq!(citing.len(), expected);
    for (paragraph, edge) in citing {
        let text = paragraph.text.as_deref().unwrap();
        assert_eq!(edge.evidence.len(), text.matches("69/166").count(), "{}", paragraph.id);
        for evidence in &edge.evidence {
            assert_eq!(text.get(evidence.start..evidence.end), Some(evidence.quote.as_str()));
            assert!(evidence.quote.ends_with("resolution 69/166"));
        }
    }
}

#[test]
fn a_paragraph_citing_a_resolution_twice_has_one_edge_with_two_evidence_spans() {
    let text = "Title\n\n1. We recall General Assembly resolution 69/166 and, again, resolution 69/166.\n";
    let doc = document::parse("twice", "test", text);
    let (graph, errors) = AtlasGraph::from_documents(vec![doc], catalogue());
    assert!(errors.is_empty());
    let Some(resolution) = graph.index_of("res:A/RES/69/166") else { panic!("no resolution node") };
    let edges: Vec<_> = graph.edges().filter(|(_, t, e)| *t == resolution && e.kind == EdgeKind::Cites).collect();
    assert_eq!(edges.len(), 1);
    let quotes: Vec<&str> = edges.iter().flat_map(|(_, _, e)| e.evidence.iter().map(|ev| ev.quote.as_str())).collect();
    assert_eq!(quotes, ["General Assembly resolution 69/166", "resolution 69/166"]);
    let node = graph.node_by_id("res:A/RES/69/166");
    assert_eq!(node.map(|n| n.label.as_str()), Some("69/166"));
    assert_eq!(node.and_then(|n| n.title.as_deref()), Some("The right to privacy in the digital age"));
}

#[test]
fn parts_are_linked_to_their_instrument_in_the_graph() {
    let graph = match AtlasGraph::bundled() {
        Ok(g) => g,
        Err(e) => panic!("{e}"),
    };
    let (Some(part), Some(whole)) = (graph.index_of("inst:tunis-agenda:55"), graph.index_of("inst:tunis-agenda"))
    else {
        panic!("Tunis Agenda nodes missing")
    };
    assert!(graph.edge_between(part, whole, EdgeKind::PartOf).is_some());
    assert_eq!(graph.node(part).map(|n| n.label.as_str()), Some("Tunis Agenda ¶55"));
}

// --- Robustness -------------------------------------------------------------------------

/// Fragments that exercise every scanner, mixed with arbitrary text.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("resolution 68/302".to_owned()),
        Just("resolutions ".to_owned()),
        Just("General Assembly ".to_owned()),
        Just("A/RES/".to_owned()),
        Just("A/HRC/RES/26/".to_owned()),
        Just("paragraphs 1 to 4000000 of the ".to_owned()),
        Just("paragraph ".to_owned()),
        Just(" of the Tunis Agenda".to_owned()),
        Just("Article 19 of the UDHR".to_owned()),
        Just("Action Line C".to_owned()),
        Just("SDG ".to_owned()),
        Just("Goal 5".to_owned()),
        Just("CSTD (CSTD)".to_owned()),
        Just(" and ".to_owned()),
        Just(", ".to_owned()),
        Just("women".to_owned()),
        Just("\n\u{a0}\t ".to_owned()),
        Just("é¶–".to_owned()),
        "[0-9/ ()]{0,6}",
        ".{0,8}",
    ]
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics_and_spans_are_quotes(text in ".{0,300}") {
        let c = catalogue();
        let mentions = extract(&text, c);
        assert_well_formed(&text, &mentions);
    }

    #[test]
    fn vocabulary_soup_never_panics_and_spans_are_quotes(parts in prop::collection::vec(fragment(), 0..40)) {
        let text: String = parts.concat();
        let c = catalogue();
        let mentions = extract(&text, c);
        assert_well_formed(&text, &mentions);
    }
}
