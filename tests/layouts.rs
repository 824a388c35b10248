//! Hand-made texts in the UN's current layouts, one per family of fault a
//! reader meets in real documents (written for these tests, not copied from
//! real ones): a one-line running header, bare and nested headings, an
//! annex given alone, a resolution without headings, sentences that start a
//! line inside a paragraph, and citation lists as the UN writes them.

use wsis_atlas::document::{self, Document, LineKind, reading::Furniture};
use wsis_atlas::extract::Catalogue;
use wsis_atlas::graph::{AtlasGraph, EdgeKind};

fn parse(text: &str) -> Document {
    document::parse("t", "test", text)
}

fn text(doc: &Document, n: u32) -> &str {
    doc.paragraph(n).map_or("<missing>", |p| p.text.as_str())
}

fn titles(doc: &Document) -> Vec<(&str, u8, Option<usize>)> {
    doc.sections.iter().map(|s| (s.title.as_str(), s.level, s.parent)).collect()
}

fn cited(doc: Document) -> Vec<(String, String, String)> {
    let catalogue = Catalogue::bundled().expect("bundled catalogue");
    let (graph, errors) = AtlasGraph::from_documents(vec![doc], &catalogue);
    assert!(errors.is_empty(), "{errors:?}");
    let mut out: Vec<(String, String, String)> = graph
        .edges()
        .filter(|(_, _, e)| e.kind == EdgeKind::Cites)
        .filter_map(|(s, t, e)| {
            let quote = e.evidence.first()?.quote.clone();
            Some((graph.node(s)?.label.clone(), graph.node(t)?.id.clone(), quote))
        })
        .collect();
    out.sort();
    out
}

/// A compact whose pages carry a one-line running header, the job number
/// and the page marker, falling in the middle of sentences.
const ONE_LINE_HEADER: &str = "United Nations
A/79/L.900
General Assembly
Distr.: Limited
20 September 2024
24-90000 (E)
The Pact for Testing
The General Assembly,
1. We recognize that the world is changing and that our institutions must
24-90000 2/3
The Pact for Testing
keep pace with it.
2. We commit to act together.
We note that emerging technologies such as automation and artificial
intelligence will reshape work.
24-90000 3/3
The Pact for Testing
3. We decide to review progress.
";

#[test]
fn a_one_line_running_header_is_furniture_wherever_it_falls() {
    let doc = parse(ONE_LINE_HEADER);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(doc.title, "The Pact for Testing");
    assert_eq!(
        text(&doc, 1),
        "We recognize that the world is changing and that our institutions must keep pace with it."
    );
    // A sentence that starts at the beginning of a line is part of its paragraph.
    assert_eq!(
        text(&doc, 2),
        "We commit to act together. We note that emerging technologies such as automation and artificial \
         intelligence will reshape work."
    );
    assert_eq!(doc.reading.count(LineKind::Furniture(Furniture::RunningHeader)), 2);
    assert_eq!(doc.reading.placed_words, doc.reading.body_words);
}

/// Bare headings (one wrapped over two lines) and `Objective` headings
/// with bare sub-headings under them.
const HEADINGS: &str = "United Nations
A/79/L.901
General Assembly
Distr.: Limited
24-90001 (E)
A Compact for Testing
The General Assembly,
Introduction
1. We recognize the moment.
Objective 1. Close all digital divides
Digital connectivity
2. We will connect everyone.
Digital literacy, skills and
capacities for all people
3. We will build skills.
Objective 2. Expand inclusion in the digital economy
4. We will foster inclusion.
Follow-up and review
5. We will review the Compact.
";

#[test]
fn bare_wrapped_and_nested_headings_are_sections_of_the_outline() {
    let doc = parse(HEADINGS);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(
        titles(&doc),
        [
            ("Preamble", 0, None),
            ("Introduction", 0, None),
            ("Close all digital divides", 0, None),
            ("Digital connectivity", 1, Some(2)),
            ("Digital literacy, skills and capacities for all people", 1, Some(2)),
            ("Expand inclusion in the digital economy", 0, None),
            ("Follow-up and review", 0, None),
        ]
    );
    let sections: Vec<usize> = doc.paragraphs.iter().map(|p| p.section).collect();
    assert_eq!(sections, [1, 3, 4, 5, 6]);
    let rows = wsis_atlas::outline::rows(&doc);
    assert_eq!(rows.iter().find(|r| r.title == "Digital connectivity").map(|r| r.range.as_str()), Some("¶2"));
}

#[test]
fn an_annex_given_alone_is_titled_by_its_own_title() {
    let doc = parse("Annex I\nGlobal Compact for Testing\n\n1. We commit.\n2. We act.\n");
    assert_eq!(doc.title, "Global Compact for Testing");
    assert_eq!(doc.facts.part.as_deref(), Some("Annex I"));
    assert_eq!(text(&doc, 2), "We act.");
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn a_resolution_without_headings_has_its_preamble_and_its_operative_paragraphs() {
    let doc = parse(
        "United Nations\nA/RES/80/902\nGeneral Assembly\n80/902. Testing\nThe General Assembly,\n\
         Recalling its resolution 70/125,\nNoting the report,\n1. Decides to act;\n2. Requests a report;\n",
    );
    assert_eq!(titles(&doc), [("Preamble", 0, None), ("Operative paragraphs", 0, None)]);
    let counts: Vec<(bool, usize)> = doc.paragraphs.iter().map(|p| (p.preambular, p.section)).collect();
    assert_eq!(counts, [(true, 0), (true, 0), (false, 1), (false, 1)]);
    let rows = wsis_atlas::outline::rows(&doc);
    let ranges: Vec<&str> = rows.iter().map(|r| r.range.as_str()).collect();
    assert_eq!(ranges, ["PP1–PP2", "¶1–¶2"]);
}

#[test]
fn text_the_reader_cannot_place_stays_in_the_paragraph_with_a_warning() {
    // A plain text: a short capitalised line after a finished sentence, not
    // followed by a paragraph, so no heading.
    let doc = parse("Title\n\n1. We act.\nFinancing\nis needed, as always.\n2. We decide.\n");
    assert_eq!(text(&doc, 1), "We act. Financing is needed, as always.");
    let doc = parse("Title\n\n1. We act.\nNew Things\n\n2. We decide.\nOld things\n");
    assert_eq!(doc.sections.get(1).map(|s| s.title.as_str()), Some("New Things"));
    assert_eq!(text(&doc, 2), "We decide. Old things");
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    assert_eq!(doc.reading.placed_words, doc.reading.body_words);
}

/// Citation lists: footnote markers between the items (glued, or set apart
/// by a space as some text layers give them), titles between the items,
/// `entitled "…"` inside a list, and a list continued across a page break
/// and a footnote block.
const LISTS: &str = "United Nations
A/HRC/RES/99/1
General Assembly
Distr.: General
1 July 2026
26-12345 (E)
99/1. The right to privacy in the digital age
The Human Rights Council,
Recalling Human Rights Council resolutions 7/25 of 28 March 2008,1 22/22 of 22 March 2013, 2 28/34 of
_______________
1 See A/63/53.
2 See A/68/53.
26-12345 2/3
A/HRC/RES/99/1
27 March 2015,3 and 53/9 of 12 July 2023, entitled \u{201c}New and emerging digital technologies and human
rights\u{201d}, and 54/21 of 11 October 2023,
Recalling also General Assembly resolutions 77/201 of 15 December 2022 on protecting children from
bullying, 73/327 of 25 July 2019 on the International Year of Indigenous Languages, 79/158 of
17 December 2024 on the right to privacy,
1. Decides to remain seized of the matter.
_______________
3 See A/70/53.
26-12345 3/3
";

#[test]
fn citation_lists_as_the_un_writes_them_are_all_found() {
    let doc = parse(LISTS);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let notes: Vec<u32> = doc.paragraphs.iter().flat_map(|p| p.footnotes.iter().map(|n| n.number)).collect();
    assert_eq!(notes, [1, 2, 3]);
    let pp1 = doc.preambular(1).map_or("", |p| p.text.as_str());
    assert!(pp1.contains("7/25 of 28 March 2008, 22/22 of 22 March 2013, 28/34 of 27 March 2015, and 53/9"), "{pp1}");
    let cites = cited(doc);
    let targets: Vec<(&str, &str)> = cites.iter().map(|(from, to, _)| (from.as_str(), to.as_str())).collect();
    for expected in [
        ("PP1", "res:A/HRC/RES/7/25"),
        ("PP1", "res:A/HRC/RES/22/22"),
        ("PP1", "res:A/HRC/RES/28/34"),
        ("PP1", "res:A/HRC/RES/53/9"),
        ("PP1", "res:A/HRC/RES/54/21"),
        ("PP2", "res:A/RES/77/201"),
        ("PP2", "res:A/RES/73/327"),
        ("PP2", "res:A/RES/79/158"),
        // Citations in footnotes are the paragraph's, from its footnote.
        ("PP1", "undoc:A/63/53"),
        ("PP1", "undoc:A/70/53"),
    ] {
        assert!(targets.contains(&expected), "{expected:?} not in {targets:?}");
    }
}

#[test]
fn a_citation_in_a_footnote_is_the_paragraph_s_and_says_where_it_came_from() {
    let doc = parse(LISTS);
    let shown = doc.preambular(1).map(document::Paragraph::display_text).unwrap_or_default();
    let at = shown.find("A/68/53").unwrap_or(0);
    assert_eq!(document::footnote_at(&shown, at), Some(2));
    assert_eq!(document::footnote_at(&shown, shown.find("22/22").unwrap_or(0)), None);
}

/// A committee draft's masthead, as its text layer gives it (written for
/// this test): the agenda item and its title, the sponsors ending with
/// `: draft resolution` (one wrapped name holds an `and`), an asterisk
/// note at the foot of page 1, then the draft's own title.
const DRAFT: &str = "United Nations
A/C.2/80/L.99
General Assembly
Distr.: Limited
10 October 2025
Original: English
25-99999 (E)    151025
*2599999*
Eightieth session
Second Committee
Agenda item 21 (a)
Groups of countries in special situations: follow-up
to the Conference on Testing

Algeria, Bosnia and Herzegovina, Iran (Islamic Republic of), Saint Vincent and
the Grenadines, Viet Nam and Trinidad and Tobago:* draft resolution

Follow-up to the Conference on Testing

The General Assembly,
Recalling the Programme of Action,1
Reaffirming its commitment,
1. Decides to continue;
__________________
*  On behalf of the States that are members of the Group of 77 and China, taking into account also
the provisions of resolution ES-10/23.
1  Resolution 76/258, annex.
25-99999
2/2
";

#[test]
fn a_draft_has_its_own_title_its_sponsors_and_its_asterisk_note() {
    let doc = parse(DRAFT);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(doc.title, "Follow-up to the Conference on Testing");
    assert_eq!(doc.symbol.as_deref(), Some("A/C.2/80/L.99"));
    assert_eq!(doc.facts.agenda_item.as_deref(), Some("21 (a)"));
    assert_eq!(
        doc.facts.agenda_title.as_deref(),
        Some("Groups of countries in special situations: follow-up to the Conference on Testing")
    );
    assert_eq!(
        doc.facts.sponsors,
        [
            "Algeria",
            "Bosnia and Herzegovina",
            "Iran (Islamic Republic of)",
            "Saint Vincent and the Grenadines",
            "Viet Nam",
            "Trinidad and Tobago"
        ]
    );
    assert_eq!(
        doc.facts.notes,
        ["* On behalf of the States that are members of the Group of 77 and China, taking into account also the \
          provisions of resolution ES-10/23."]
    );
    let starts: Vec<(String, &str)> = doc.paragraphs.iter().map(|p| (p.label(), p.text.as_str())).collect();
    assert_eq!(
        starts,
        [
            ("PP1".to_owned(), "Recalling the Programme of Action,"),
            ("PP2".to_owned(), "Reaffirming its commitment,"),
            ("¶1".to_owned(), "Decides to continue;")
        ]
    );
    assert_eq!(doc.paragraphs.first().map(|p| p.footnotes.len()), Some(1));
    // The facts the window and the JSON show.
    let rows = doc.facts.rows();
    assert!(rows.contains(&("sponsors", doc.facts.sponsors.join(", "))), "{rows:?}");
    assert_eq!(doc.reading.placed_words, doc.reading.body_words);
}

/// A Secretariat note: a masthead, a two-line title, and numbered
/// paragraphs with a bare heading; no opening, so no preamble.
const NOTE: &str = "United Nations
A/C.6/80/L.99
General Assembly
Distr.: Limited
15 September 2025
Original: English
25-99998 (E)    190925
*2599998*
Eightieth session
Sixth Committee
Organization of work
Note by the Secretariat
1.
In order to assist the Committee in the organization of its work, the
Secretariat draws its attention to the information below.
Items allocated to the Committee
2.
At its 2nd plenary meeting, the General Assembly allocated 34 items to
the Committee.
";

#[test]
fn a_note_has_its_title_and_no_preamble() {
    let doc = parse(NOTE);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(doc.title, "Organization of work: Note by the Secretariat");
    assert_eq!(doc.symbol.as_deref(), Some("A/C.6/80/L.99"));
    assert!(doc.paragraphs.iter().all(|p| !p.preambular), "{:?}", doc.paragraphs);
    assert_eq!(doc.paragraphs.len(), 2);
    assert_eq!(titles(&doc).get(1).map(|t| t.0), Some("Items allocated to the Committee"));
    assert_eq!(titles(&doc).first().map(|t| t.0), Some("Text"));
    assert_eq!(doc.reading.count(LineKind::Masthead), 10);
    assert_eq!(doc.reading.count(LineKind::Title), 2);
}

/// A budget resolution's parts and sections, as its text layer gives them
/// (written for this test): `Part I` and `Section 29D` alone on their
/// line, the title on the next (once wrapped).
const BUDGET: &str = "United Nations
A/RES/78/999
General Assembly
Distr.: General
28 December 2023
Seventy-eighth session
Agenda item 134
23-99999 (E)
Resolution adopted by the General Assembly on 22 December 2023
78/999. Questions relating to the budget
The General Assembly,
Recalling its resolution 77/262,
1. Decides to reduce resources;
Part I
Overall policymaking, direction and coordination
Section 1
Overall policymaking, direction and coordination
2. Takes note of paragraph I.9;
Section 2
General Assembly and Economic and Social Council affairs and
conference management
3. Approves the proposal;
Part VIII
Common support services
Section 29D
Office of Information and Communications Technology
4. Decides to establish one post;
";

#[test]
fn a_budget_s_parts_hold_its_sections() {
    let doc = parse(BUDGET);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let keys: Vec<(&str, &str, u8, Option<usize>)> =
        doc.sections.iter().map(|s| (s.key.as_str(), s.title.as_str(), s.level, s.parent)).collect();
    assert_eq!(
        keys,
        [
            ("preamble", "Preamble", 0, None),
            ("operative", "Operative paragraphs", 0, None),
            ("part-i", "Overall policymaking, direction and coordination", 0, None),
            ("section-1", "Overall policymaking, direction and coordination", 1, Some(2)),
            (
                "section-2",
                "General Assembly and Economic and Social Council affairs and conference management",
                1,
                Some(2)
            ),
            ("part-viii", "Common support services", 0, None),
            ("section-29d", "Office of Information and Communications Technology", 1, Some(5)),
        ]
    );
    let sections: Vec<&str> =
        (1..=4).map(|n| doc.paragraph(n).and_then(|p| doc.section_of(p)).map_or("", |s| s.key.as_str())).collect();
    assert_eq!(sections, ["operative", "section-1", "section-2", "section-29d"]);
    let rows: Vec<String> = wsis_atlas::outline::rows(&doc).into_iter().map(|r| r.title).collect();
    assert!(rows.contains(&"Part VIII Common support services".to_owned()), "{rows:?}");
    assert!(rows.contains(&"Section 29D Office of Information and Communications Technology".to_owned()), "{rows:?}");
}
