//! Integration tests: document. The bundled WSIS+10 outcome document as the
//! real case (numbering, sections, paragraphs split by page breaks), its
//! variants (CRLF, BOM, curly quotes, page furniture), and a property test
//! that no text makes the parser panic or break its guarantees.

use proptest::prelude::*;
use wsis_atlas::document::{BUNDLED_TEXT, Document, Paragraph, bundled, parse, parse_bytes};

fn text(doc: &Document, number: u32) -> &str {
    doc.paragraph(number).map_or("<missing>", |p| p.text.as_str())
}

fn section_key(doc: &Document, number: u32) -> &str {
    doc.paragraph(number).and_then(|p| doc.section_of(p)).map_or("<none>", |s| s.key.as_str())
}

/// Paragraph numbers of one section, by key.
fn members(doc: &Document, key: &str) -> Vec<u32> {
    let index = doc.sections.iter().position(|s| s.key == key);
    doc.paragraphs.iter().filter(|p| Some(p.section) == index).map(|p| p.number).collect()
}

#[test]
fn bundled_is_numbered_1_to_77_without_warnings() {
    let doc = bundled();
    let numbers: Vec<u32> = doc.paragraphs.iter().map(|p| p.number).collect();
    assert_eq!(numbers, (1..=77).collect::<Vec<_>>());
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(doc.id, "wsis10");
    assert_eq!(
        doc.title,
        "Outcome Document of the High-Level Meeting of the General Assembly on the Overall Review of the \
         Implementation of WSIS Outcomes"
    );
}

#[test]
fn bundled_sections_keys_titles_levels_parents() {
    let doc = bundled();
    let sections: Vec<(&str, &str, u8, Option<usize>)> =
        doc.sections.iter().map(|s| (s.key.as_str(), s.title.as_str(), s.level, s.parent)).collect();
    assert_eq!(
        sections,
        [
            ("preamble", "Preamble", 0, None),
            ("1", "ICT for Development", 0, None),
            ("1.1", "Bridging Digital Divides", 1, Some(1)),
            ("1.2", "Enabling Environment", 1, Some(1)),
            ("1.3", "Financial Mechanisms", 1, Some(1)),
            ("2", "Human rights in the Information Society", 0, None),
            ("3", "Building Confidence and Security in the use of ICTs", 0, None),
            ("4", "Internet Governance", 0, None),
            ("4.1", "Enhanced Cooperation", 1, Some(7)),
            ("5", "Follow-up and Review", 0, None),
        ]
    );
}

#[test]
fn bundled_section_membership() {
    let doc = bundled();
    assert_eq!(members(&doc, "preamble"), (1..=16).collect::<Vec<_>>());
    assert_eq!(members(&doc, "1"), (17..=25).collect::<Vec<_>>());
    assert_eq!(members(&doc, "1.1"), (26..=32).collect::<Vec<_>>());
    assert_eq!(members(&doc, "1.2"), (33..=38).collect::<Vec<_>>());
    assert_eq!(members(&doc, "1.3"), (39..=45).collect::<Vec<_>>());
    assert_eq!(members(&doc, "2"), (46..=52).collect::<Vec<_>>());
    assert_eq!(members(&doc, "3"), (53..=59).collect::<Vec<_>>());
    assert_eq!(members(&doc, "4"), (60..=68).collect::<Vec<_>>());
    assert_eq!(members(&doc, "4.1"), [69, 70]);
    assert_eq!(members(&doc, "5"), (71..=77).collect::<Vec<_>>());
    assert_eq!(section_key(&doc, 16), "preamble");
    assert_eq!(section_key(&doc, 17), "1");
    assert_eq!(section_key(&doc, 26), "1.1");
}

#[test]
fn bundled_split_paragraphs_start_and_end_where_the_file_does() {
    let doc = bundled();
    // (number, first words, words across the page break, last words)
    let cases = [
        (
            5,
            "Reaffirming its resolution 69/313",
            "Agenda of the Third International Conference",
            "partnership and solidarity.",
        ),
        (
            11,
            "We express concern, however,",
            "such as between and within countries",
            "especially ICTs for development.",
        ),
        (
            17,
            "We commit to harnessing",
            "academic communities, and all other relevant stakeholders",
            "of the 2030 Agenda.",
        ),
        (
            23,
            "We recognize that ICTs have become",
            "early warning systems, preparedness, response",
            "disaster risk management.",
        ),
        (
            28,
            "We affirm our commitment",
            "beyond \"information societies\" to \"knowledge societies\", in which",
            "international community.",
        ),
        (
            33,
            "We recognize that certain policies",
            "functioning of education, innovation",
            "investment frameworks for ICTs.",
        ),
        (
            39,
            "We welcome that total public",
            "increased substantially in the last decade, now",
            "23 and 27 of the Tunis Agenda.",
        ),
        (46, "We reaffirm the commitment", "the Tunis Commitment to the universality", "as in national affairs."),
        (
            57,
            "However, we are concerned",
            "cooperation with all stakeholders and international",
            "in the Information Society.",
        ),
        (
            70,
            "We note, however, divergent views",
            "stakeholders taking into account all their diverse views",
            "Secretary-General on WSIS implementation.",
        ),
        // The file breaks ¶76 as "…and should be" / "continued.": the lone line ends the sentence.
        (
            76,
            "We acknowledge the importance of data",
            "dissemination and should be continued.",
            "and should be continued.",
        ),
    ];
    for (number, first, across, last) in cases {
        let t = text(&doc, number);
        assert!(t.starts_with(first), "¶{number} starts {t:.60}");
        assert!(t.contains(across), "¶{number} lacks {across:?}");
        assert!(t.ends_with(last), "¶{number} ends …{}", t.get(t.len().saturating_sub(60)..).unwrap_or(t));
    }
    // ¶77, after the "continued." line, is its own paragraph.
    assert!(text(&doc, 77).starts_with("We recognize that, in the preparation of this review"));
}

#[test]
fn bundled_texts_are_clean() {
    let doc = bundled();
    for p in &doc.paragraphs {
        let t = &p.text;
        assert!(!t.contains("  ") && t.trim() == t, "¶{} has stray whitespace", p.number);
        assert!(!t.starts_with('-') && !t.contains(" - "), "¶{} keeps a list dash", p.number);
        assert!(t.starts_with(char::is_uppercase), "¶{} starts {t:.30}", p.number);
        assert!(t.ends_with('.') || t.ends_with(".\"") || t.ends_with(';'), "¶{} ends …{t}", p.number);
        assert!(!t.starts_with(&format!("{}.", p.number)), "¶{} keeps its number", p.number);
    }
    // A paragraph on one line comes out as that line without its "- 13. " marker.
    assert_eq!(
        text(&doc, 13),
        "We reaffirm that Internet governance should continue to follow the provisions set forth in the outcomes of Tunis and Geneva."
    );
}

#[test]
fn bundled_paragraph_lines_point_at_their_numbers() {
    let doc = bundled();
    let lines: Vec<&str> = BUNDLED_TEXT.lines().collect();
    for p in &doc.paragraphs {
        let line = lines.get(p.line - 1).copied().unwrap();
        let line = line.trim_start_matches("- ");
        assert!(line.starts_with(&format!("{}. ", p.number)), "¶{} at line {}: {line:.20}", p.number, p.line);
    }
    assert_eq!(doc.paragraph(1).map(|p| p.line), Some(5));
    assert_eq!(doc.paragraph(77).map(|p| p.line), Some(138));
}

#[test]
fn crlf_bom_and_curly_quotes_change_nothing_but_the_quotes() {
    let plain = bundled();
    let crlf = format!("\u{feff}{}", BUNDLED_TEXT.replace('\n', "\r\n"));
    let mut open = false;
    let curly: String = crlf
        .chars()
        .map(|c| match c {
            '"' => {
                open = !open;
                if open { '“' } else { '”' }
            }
            '\'' => '’',
            c => c,
        })
        .collect();
    let doc = parse_bytes("wsis10", &plain.source, curly.as_bytes()).expect("valid UTF-8");
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(doc.sections, plain.sections);
    assert_eq!(doc.paragraphs.len(), plain.paragraphs.len());
    for (a, b) in doc.paragraphs.iter().zip(&plain.paragraphs) {
        assert_eq!((a.number, a.section, a.line), (b.number, b.section, b.line));
        let straight = a.text.replace(['“', '”'], "\"").replace('’', "'");
        assert_eq!(straight, b.text);
    }
}

#[test]
fn page_numbers_and_running_headers_at_every_page_break_change_nothing() {
    let plain = bundled();
    let furniture = format!("\n\n17\n\n{}\n\nA/RES/70/125\n\n", plain.title);
    let noisy = BUNDLED_TEXT.replace("\n\n", &furniture);
    let doc = parse("wsis10", "noisy", &noisy);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(doc.sections, plain.sections);
    let strip = |d: &Document| d.paragraphs.iter().map(|p| (p.number, p.section, p.text.clone())).collect::<Vec<_>>();
    assert_eq!(strip(&doc), strip(&plain));
}

#[test]
fn a_missing_paragraph_is_reported_and_the_rest_still_parses() {
    let cut: String = BUNDLED_TEXT.lines().filter(|l| !l.starts_with("- 40. ")).collect::<Vec<_>>().join("\n");
    let doc = parse("wsis10", "cut", &cut);
    assert_eq!(doc.paragraphs.len(), 76);
    assert!(doc.paragraph(40).is_none());
    assert_eq!(section_key(&doc, 41), "1.3");
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    assert!(doc.warnings[0].message.contains("40"), "{}", doc.warnings[0].message);
}

#[test]
fn non_utf8_is_refused_with_its_line() {
    let mut bytes = BUNDLED_TEXT.as_bytes()[..200].to_vec();
    bytes.push(0xff);
    let err = parse_bytes("x", "x", &bytes).expect_err("not UTF-8");
    assert!(err.to_string().contains("line 5"), "{err}");
}

/// (annex key, number) of every numbered paragraph, in order.
fn parts(doc: &Document) -> Vec<(Option<&str>, u32)> {
    doc.paragraphs.iter().filter(|p| !p.preambular).map(|p| (p.annex.as_deref(), p.number)).collect()
}

#[test]
fn bundled_has_no_annex_and_keeps_its_ids() {
    let doc = bundled();
    assert!(doc.paragraphs.iter().all(|p| p.annex.is_none()));
    assert_eq!(doc.paragraph(32).map(|p| p.node_id(&doc.id)), Some("para:wsis10:32".to_owned()));
    assert_eq!(doc.paragraph(32).map(Paragraph::label), Some("¶32".to_owned()));
}

/// A plain text (no UN masthead) with two annexes, each numbered from 1,
/// the second with a heading of its own and an appendix.
const TWO_ANNEXES: &str = "Programme of work

1. Decides to adopt the programmes annexed to the present resolution;

2. Decides to remain seized of the matter.

Annex I

Programme of action

1. We commit to bridging digital divides.

2. We call on all stakeholders to cooperate.

ANNEX II

1. Objectives

1. We aim to connect everyone.

2. We aim to measure progress.

2. Review

3. We will review this in 2030.

Appendix

1. A list of indicators.
";

#[test]
fn two_annexes_each_number_from_1_with_their_own_sections() {
    let doc = parse("two", "test", TWO_ANNEXES);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let (i, ii, app) = (Some("annex-i"), Some("annex-ii"), Some("annex-ii-appendix"));
    assert_eq!(parts(&doc), [(None, 1), (None, 2), (i, 1), (i, 2), (ii, 1), (ii, 2), (ii, 3), (app, 1)]);
    let labels: Vec<String> = doc.paragraphs.iter().map(Paragraph::label).collect();
    assert_eq!(
        labels,
        ["¶1", "¶2", "Annex I ¶1", "Annex I ¶2", "Annex II ¶1", "Annex II ¶2", "Annex II ¶3", "Annex II Appendix ¶1"]
    );
    let ids: Vec<String> = doc.paragraphs.iter().map(|p| p.node_id("two")).collect();
    assert_eq!(ids[2], "para:two:annex-i:1");
    assert_eq!(ids[6], "para:two:annex-ii:3");
    let sections: Vec<(&str, &str, u8, Option<usize>)> =
        doc.sections.iter().map(|s| (s.key.as_str(), s.title.as_str(), s.level, s.parent)).collect();
    assert_eq!(
        sections,
        [
            ("preamble", "Preamble", 0, None),
            ("annex-i", "Annex I: Programme of action", 0, None),
            ("annex-ii", "Annex II", 0, None),
            ("annex-ii:1", "Objectives", 1, Some(2)),
            ("annex-ii:2", "Review", 1, Some(2)),
            ("annex-ii-appendix", "Annex II Appendix", 1, Some(2)),
        ]
    );
    assert_eq!(doc.annex_paragraph("annex-ii", 3).map(|p| p.section), Some(4));
    assert_eq!(
        doc.annex_paragraph("annex-i", 2).map(|p| p.text.as_str()),
        Some("We call on all stakeholders to cooperate.")
    );
    assert_eq!(text(&doc, 2), "Decides to remain seized of the matter.");
}

#[test]
fn annex_in_running_text_splits_nothing() {
    let doc = parse(
        "run",
        "test",
        "Title

1. Decides to adopt the programme contained in the
annex to the present resolution.

         2. Requests that the text in
Annex I to the present resolution be transmitted to all States.

         3. Takes note of the report contained in
Annex II
to the note by the Secretary-General.

         4. Takes note of the following:
Annex

5. Decides to remain seized of the matter.
",
    );
    assert_eq!(parts(&doc), [(None, 1), (None, 2), (None, 3), (None, 4), (None, 5)]);
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(
        text(&doc, 2),
        "Requests that the text in Annex I to the present resolution be transmitted to all States."
    );
    assert_eq!(text(&doc, 3), "Takes note of the report contained in Annex II to the note by the Secretary-General.");
    // The lone "Annex" after a colon is no heading: it stays in the paragraph, with a warning.
    assert_eq!(text(&doc, 4), "Takes note of the following: Annex");
    let warned: Vec<&str> = doc.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(warned, ["a line like a heading inside ¶4, kept in it: \"Annex\""]);
    // A finished sentence, then a line that only looks like a heading and goes on in lower case.
    let doc = parse(
        "run",
        "test",
        "Title

1. Decides to adopt it.
Annex I
to this resolution is its plan.
2. Two.
",
    );
    assert_eq!(parts(&doc), [(None, 1), (None, 2)]);
}

#[test]
fn numbering_that_goes_back_without_an_annex_heading_still_warns() {
    let doc = parse(
        "back",
        "test",
        "Title

1. One.

2. Two.

3. Three.

Programme of action

1. Back to one.

2. And two.
",
    );
    assert_eq!(parts(&doc), [(None, 1), (None, 2), (None, 3)]);
    assert!(
        doc.warnings.iter().any(|w| w.message.contains("paragraph number 1 goes back from 3")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn an_annex_heading_repeated_as_a_running_header_is_dropped() {
    let doc = parse(
        "hdr",
        "test",
        "Title

1. One.

Annex

1. We one.

Annex

2. We two.
",
    );
    assert_eq!(parts(&doc), [(None, 1), (Some("annex"), 1), (Some("annex"), 2)]);
    assert_eq!(doc.annex_paragraph("annex", 1).map(|p| p.text.as_str()), Some("We one."));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn an_annex_opening_without_a_number_is_kept_as_the_annex_s_own_preambular_paragraph() {
    let doc = parse(
        "decl",
        "test",
        "Title\n\n1. Endorses the annexed declaration.\n\nAnnex\n\nDeclaration of principles\n\n\
         We, the representatives of the peoples of the world, assembled in Geneva,\n\
         declare our common desire and commitment to build an information society:\n\n\
         1. We reaffirm the Charter.\n\n2. We recognize the challenges.\n",
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let labels: Vec<String> = doc.paragraphs.iter().map(Paragraph::label).collect();
    assert_eq!(labels, ["¶1", "Annex PP1", "Annex ¶1", "Annex ¶2"]);
    let opening = doc.paragraphs.get(1);
    assert_eq!(opening.map(|p| p.node_id("decl")), Some("para:decl:annex:pp1".to_owned()));
    assert!(opening.is_some_and(|p| p.text.starts_with("We, the representatives") && p.text.ends_with("society:")));
    assert_eq!(doc.preambular(1), None);
    assert_eq!(doc.sections.get(1).map(|s| s.title.as_str()), Some("Annex: Declaration of principles"));
}

/// An outcome document structured the UN way: Roman-numeral headings and a
/// lettered sub-heading, paragraphs numbered through.
const ROMAN: &str = "Outcome document

I. Introduction

1. We reaffirm the vision of the Summit.

2. We recognize progress made.

II. Digital divides

3. We commit to closing digital divides, including the gender digital divide.

A. Financing

4. We call on all stakeholders to mobilize financing.

III. Follow-up

5. We request the Secretary-General to report annually.
";

type SectionRow<'a> = (&'a str, &'a str, u8, Option<usize>);

fn sections(doc: &Document) -> Vec<SectionRow<'_>> {
    doc.sections.iter().map(|s| (s.key.as_str(), s.title.as_str(), s.level, s.parent)).collect()
}

#[test]
fn roman_and_lettered_headings_are_sections_and_keep_the_numbering() {
    let doc = parse("out", "test", ROMAN);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(doc.title, "Outcome document");
    assert_eq!(
        sections(&doc),
        [
            ("preamble", "Preamble", 0, None),
            ("i", "Introduction", 0, None),
            ("ii", "Digital divides", 0, None),
            ("ii.a", "Financing", 1, Some(2)),
            ("iii", "Follow-up", 0, None),
        ]
    );
    assert_eq!(members(&doc, "i"), [1, 2]);
    assert_eq!(members(&doc, "ii"), [3]);
    assert_eq!(members(&doc, "ii.a"), [4]);
    assert_eq!(members(&doc, "iii"), [5]);
    let ids: Vec<String> = doc.paragraphs.iter().map(|p| p.node_id("out")).collect();
    assert_eq!(ids, ["para:out:1", "para:out:2", "para:out:3", "para:out:4", "para:out:5"]);
    assert_eq!(text(&doc, 3), "We commit to closing digital divides, including the gender digital divide.");
    assert_eq!(text(&doc, 5), "We request the Secretary-General to report annually.");
}

#[test]
fn roman_headings_as_pdf_text_layers_give_them() {
    // A tab or two spaces instead of the dot; the numeral alone with its title on the next line.
    let doc = parse(
        "pdf",
        "test",
        "Outcome\nI\tIntroduction\n1. We reaffirm.\nII  Digital divides\n2. We commit.\nIII.\nFollow-up and\nReview\n\
         A.\tReports\n3. We request.\nIV\nMeans\n4. We mobilize.",
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(
        sections(&doc),
        [
            ("preamble", "Preamble", 0, None),
            ("i", "Introduction", 0, None),
            ("ii", "Digital divides", 0, None),
            ("iii", "Follow-up and Review", 0, None),
            ("iii.a", "Reports", 1, Some(3)),
            ("iv", "Means", 0, None),
        ]
    );
    assert_eq!(members(&doc, "iii.a"), [3]);
    assert_eq!(members(&doc, "iv"), [4]);
}

#[test]
fn lettered_headings_inside_an_annex_nest_in_its_roman_sections() {
    let doc = parse(
        "plan",
        "test",
        "Programme of work\n\nI. General\n\n1. Adopts the plan annexed to the present resolution;\n\n\
         2. Decides to remain seized of the matter.\n\nAnnex\n\nPlan of action\n\nI. Principles\n\n\
         1. We commit to openness.\n\nA. Openness\n\n2. We publish data.\n\nB. Inclusion\n\n3. We include all.\n\n\
         II. Follow-up\n\nA. Review\n\n4. We review in 2030.\n",
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(
        sections(&doc),
        [
            ("preamble", "Preamble", 0, None),
            ("i", "General", 0, None),
            ("annex", "Annex: Plan of action", 0, None),
            ("annex:i", "Principles", 1, Some(2)),
            ("annex:i.a", "Openness", 2, Some(3)),
            ("annex:i.b", "Inclusion", 2, Some(3)),
            ("annex:ii", "Follow-up", 1, Some(2)),
            ("annex:ii.a", "Review", 2, Some(6)),
        ]
    );
    assert_eq!(
        parts(&doc),
        [(None, 1), (None, 2), (Some("annex"), 1), (Some("annex"), 2), (Some("annex"), 3), (Some("annex"), 4)]
    );
    let in_section = |key: &str| -> Vec<String> {
        let index = doc.sections.iter().position(|s| s.key == key);
        doc.paragraphs.iter().filter(|p| Some(p.section) == index).map(Paragraph::label).collect()
    };
    assert_eq!(in_section("i"), ["¶1", "¶2"]);
    assert_eq!(in_section("annex:i"), ["Annex ¶1"]);
    assert_eq!(in_section("annex:i.b"), ["Annex ¶3"]);
    assert_eq!(in_section("annex:ii.a"), ["Annex ¶4"]);
}

#[test]
fn lines_that_only_start_like_outline_headings_stay_text() {
    // A wrapped line starting "I. " or "II. " in mid-sentence, an initial after "Ms.", a list after a colon.
    let doc = parse(
        "fp",
        "test",
        "Title

1. We take note of the options as set out in chapter
I. of the report of the Secretary-General.

2. We note the options listed in
II. Options for financing
and welcome them.

3. We thank the rapporteur, Ms.
A. Smith

4. We thank the facilitator, Mr. John
A. Smith, for his work.

5. We adopt the following:
A. Financing

6. We decide.
A. Smith and B. Jones
were elected.
",
    );
    assert_eq!(doc.sections.len(), 1, "{:?}", doc.sections);
    assert_eq!(doc.paragraphs.iter().map(|p| p.number).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    assert_eq!(
        text(&doc, 1),
        "We take note of the options as set out in chapter I. of the report of the Secretary-General."
    );
    assert_eq!(text(&doc, 2), "We note the options listed in II. Options for financing and welcome them.");
    assert_eq!(text(&doc, 3), "We thank the rapporteur, Ms. A. Smith");
    assert_eq!(text(&doc, 4), "We thank the facilitator, Mr. John A. Smith, for his work.");
    // Short capitalised lines after a finished sentence the reader cannot
    // place: kept in their paragraph, with a warning, never dropped.
    assert_eq!(text(&doc, 5), "We adopt the following: A. Financing");
    assert_eq!(text(&doc, 6), "We decide. A. Smith and B. Jones were elected.");
    let warned: Vec<&str> = doc.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        warned,
        [
            "a line like a heading inside ¶5, kept in it: \"A. Financing\"",
            "a line like a heading inside ¶6, kept in it: \"A. Smith and B. Jones\""
        ]
    );
}

#[test]
fn outline_headings_out_of_sequence_are_not_sections() {
    // A Roman numeral that repeats (a running header) or jumps far, a letter far from A.
    let doc = parse(
        "seq",
        "test",
        "Title\n\nI. Introduction\n\n1. One.\n\nI. Introduction\n\n2. Two.\n\nVII. Far away\n\n3. Three.\n\n\
         F. Later\n\n4. Four.\n\nII. Next\n\n5. Five.\n\nannex I.\n\nIII. After annex I\n\n6. Six.\n",
    );
    let keys: Vec<&str> = doc.sections.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["preamble", "i", "ii", "iii"]);
    assert_eq!(members(&doc, "i"), [1, 2, 3, 4]);
    assert_eq!(members(&doc, "ii"), [5]);
    assert_eq!(members(&doc, "iii"), [6]);
    assert_eq!(text(&doc, 5), "Five. annex I.");
    assert_eq!(doc.warnings.len(), 3, "{:?}", doc.warnings);
    // A small jump is a section, reported.
    let doc = parse("jump", "test", "Title\nI. One\n1. One.\nIII. Three\nC. Sub\n2. Two.");
    let keys: Vec<&str> = doc.sections.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["preamble", "i", "iii", "iii.c"]);
    assert_eq!(doc.warnings.len(), 2, "{:?}", doc.warnings);
}

#[test]
fn a_letter_that_is_also_a_roman_numeral_follows_the_letters() {
    // Under I., letters A. to H. then I. is the ninth letter; II. is the next Roman section.
    let mut text = String::from("Title\nI. Start\n");
    for (n, letter) in ('A'..='I').enumerate() {
        text.push_str(&format!("{letter}. Topic {letter}\n{}. Paragraph.\n", n + 1));
    }
    text.push_str("II. Next\n10. Ten.\n");
    let doc = parse("letters", "test", &text);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let keys: Vec<&str> = doc.sections.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["preamble", "i", "i.a", "i.b", "i.c", "i.d", "i.e", "i.f", "i.g", "i.h", "i.i", "ii"]);
    assert_eq!(members(&doc, "i.i"), [9]);
    assert_eq!(members(&doc, "ii"), [10]);
}

/// Lines that look like the parser's cases, mixed with arbitrary text.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,40}",
        Just(String::new()),
        Just("- 3.".to_owned()),
        Just("1.1".to_owned()),
        Just("Preamble".to_owned()),
        Just("continued.".to_owned()),
        Just("- ".to_owned()),
        Just("4294967295. Max".to_owned()),
        Just("Annex".to_owned()),
        Just("ANNEX II".to_owned()),
        Just("Annex I. Programme of action".to_owned()),
        Just("Appendix".to_owned()),
        Just("annex to the present resolution".to_owned()),
        Just("I. Introduction".to_owned()),
        Just("II".to_owned()),
        Just("A.".to_owned()),
        "(X{0,2}(IX|IV|V?I{0,3})|[A-Z])(\\.|\t|  )? ?[A-Za-z .]{0,20}",
        "(- )?[0-9]{1,3}\\. [A-Za-z ,.;\u{ad}“”-]{0,30}",
        "[0-9]{1,2}(\\.[0-9]{1,2}){1,4}\\.? [A-Z][a-z ]{0,20}",
        "[a-z\"][a-z ,.-]{0,30}",
    ]
}

proptest! {
    #[test]
    fn any_text_parses_with_consistent_indices(lines in prop::collection::vec(line(), 0..40), crlf in any::<bool>()) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        // Lines end at "\n", "\r\n" or a lone "\r", as the parser counts them.
        let line_count = text.replace("\r\n", "\n").split(['\n', '\r']).count();
        let doc = parse("p", "proptest", &text);
        prop_assert_eq!(doc.sections[0].key.as_str(), "preamble");
        prop_assert_eq!(doc.sections[0].parent, None);
        let mut keys = std::collections::HashSet::new();
        for (i, s) in doc.sections.iter().enumerate() {
            prop_assert!(keys.insert(s.key.as_str()), "duplicate key {}", s.key);
            match s.parent {
                None => prop_assert_eq!(s.level, 0),
                Some(p) => {
                    prop_assert!(p < i);
                    prop_assert!(doc.sections[p].level < s.level);
                }
            }
        }
        let mut previous: Option<&wsis_atlas::document::Paragraph> = None;
        for p in &doc.paragraphs {
            prop_assert!(p.section < doc.sections.len());
            prop_assert!(p.line >= 1 && p.line <= line_count);
            prop_assert!(!p.text.contains("  ") && p.text.trim() == p.text);
            if let Some(q) = previous {
                // Numbering restarts in each annex, and only there; preambular paragraphs are their own series.
                let same_series = q.annex == p.annex && q.preambular == p.preambular;
                prop_assert!(q.number < p.number || !same_series, "{} then {}", q.label(), p.label());
                prop_assert!(q.section <= p.section && q.line < p.line);
            }
            previous = Some(p);
        }
        let ids: std::collections::HashSet<String> = doc.paragraphs.iter().map(|p| p.node_id("p")).collect();
        prop_assert_eq!(ids.len(), doc.paragraphs.len());
        for w in &doc.warnings {
            prop_assert!(w.line >= 1 && w.line <= line_count, "warning line {} of {}", w.line, line_count);
        }
    }
}

#[test]
fn a_document_without_a_title_line_is_named_after_its_file() {
    let doc = parse(
        "notes",
        "/home/reader/notes.txt",
        "1. We recall resolution 70/125.\n\n2. We invite the CSTD to report.\n",
    );
    assert_eq!(doc.title, "notes.txt");
    assert_eq!(doc.paragraphs.len(), 2);
    assert!(doc.warnings.iter().any(|w| w.message.starts_with("no title line")), "{:?}", doc.warnings);
    // With a title line, that is the title.
    let titled = parse("notes", "/home/reader/notes.txt", "Notes on WSIS\n\n1. We recall resolution 70/125.\n");
    assert_eq!(titled.title, "Notes on WSIS");
    // Nothing at all: still a name.
    assert_eq!(parse("empty", "", "").title, "empty");
}
