//! Unit tests of the reader, on hand-made texts.

use super::super::headings::{letter_value, outline_heading, part_heading, roman_value};
use super::super::lines::{Marker, ends_sentence};
use super::super::{Document, Paragraph};
use super::*;

fn doc(text: &str) -> Document {
    parse("t", "test", text)
}

fn numbers(d: &Document) -> Vec<u32> {
    d.paragraphs.iter().map(|p| p.number).collect()
}

fn text(d: &Document, n: u32) -> &str {
    d.paragraph(n).map_or("<missing>", |p| p.text.as_str())
}

#[test]
fn dashed_and_plain_numbers_both_start_paragraphs() {
    let d = doc("Title\n\n- 1. First one.\n2. Second one.\n- 3. Third.");
    assert_eq!(numbers(&d), [1, 2, 3]);
    assert_eq!(text(&d, 1), "First one.");
    assert_eq!(text(&d, 2), "Second one.");
    assert_eq!(d.paragraphs[1].line, 4);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn title_and_preamble_heading_open_the_preamble() {
    let d = doc("The Title\n\nPreamble\n\n- 1. Recalling.\n- 2. Welcoming.\n\n1. ICT for Development\n\n3. We commit.");
    assert_eq!(d.title, "The Title");
    assert_eq!(d.sections.len(), 2);
    assert_eq!(d.sections[0].key, "preamble");
    assert_eq!(d.paragraphs[0].section, 0);
    assert_eq!(d.paragraphs[1].section, 0);
    assert_eq!(d.paragraphs[2].section, 1);
    assert_eq!(d.sections[1].title, "ICT for Development");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn heading_number_is_not_the_next_paragraph_number() {
    // "2. Human rights" is short, unpunctuated and not ¶3: a heading.
    let d = doc("T\n1. Intro\n- 1. One.\n- 2. Two.\n\n2. Human rights in the Information Society\n\n3. Three.");
    assert_eq!(numbers(&d), [1, 2, 3]);
    let keys: Vec<_> = d.sections.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["preamble", "1", "2"]);
    assert_eq!(d.paragraph(3).map(|p| p.section), Some(2));
    // "1. Intro" is ¶1 by number but the next numbered line repeats 1.
    assert_eq!(d.paragraph(1).map(|p| p.section), Some(1));
}

#[test]
fn short_paragraph_at_expected_number_is_not_a_heading() {
    let d = doc("T\n- 1. One.\n2. Short and unpunctuated\n3. Three.");
    assert_eq!(numbers(&d), [1, 2, 3]);
    assert_eq!(d.sections.len(), 1);
}

#[test]
fn sub_headings_with_and_without_trailing_dot() {
    let d =
        doc("T\n1. A\n- 1. One.\n1.1 Bridging Digital Divides\n- 2. Two.\n4. D\n4.1. Enhanced Cooperation\n3. Three.");
    let s: Vec<_> = d.sections.iter().map(|s| (s.key.as_str(), s.level, s.parent)).collect();
    assert_eq!(s, [("preamble", 0, None), ("1", 0, None), ("1.1", 1, Some(1)), ("4", 0, None), ("4.1", 1, Some(3))]);
    assert_eq!(d.sections[2].title, "Bridging Digital Divides");
    assert_eq!(d.sections[4].title, "Enhanced Cooperation");
    assert_eq!(d.paragraph(3).map(|p| p.section), Some(4));
    // 4 follows 1: reported.
    assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
}

#[test]
fn page_break_continuation_lower_case_and_mid_sentence() {
    let d = doc(
        "T\n- 5. Reaffirming the Agenda of the\n\nThird International Conference.\n- 6. We affirm \"knowledge\n\n\"knowledge societies\", in which all.\n7. Next.",
    );
    assert_eq!(numbers(&d), [5, 6, 7]);
    assert_eq!(text(&d, 5), "Reaffirming the Agenda of the Third International Conference.");
    assert_eq!(text(&d, 6), "We affirm \"knowledge \"knowledge societies\", in which all.");
}

#[test]
fn dash_fragment_without_number_continues() {
    let d = doc("T\n17. We call on the communities,\n\n- and all other relevant stakeholders.\n- 18. Next.");
    assert_eq!(text(&d, 17), "We call on the communities, and all other relevant stakeholders.");
    assert_eq!(numbers(&d), [17, 18]);
}

#[test]
fn lone_continued_line_is_noise_after_a_full_sentence() {
    let d = doc("T\n- 1. It ends here.\n\ncontinued.\n\n2. Two.");
    assert_eq!(text(&d, 1), "It ends here.");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn lone_continued_line_finishes_an_open_sentence() {
    let d = doc("T\n- 1. It should be\n\ncontinued.\n\n2. Two.");
    assert_eq!(text(&d, 1), "It should be continued.");
}

#[test]
fn hyphenated_line_break_keeps_hyphen_and_soft_hyphen_disappears() {
    let d = doc(
        "T\n1. Knowledge-\nsharing and develop\u{ad}\nment, and ICT-\nEnabled things of the Open-\nEnded group for 2015\u{2013}\n2030 and 2016-\n2020, a -\nnot a join.",
    );
    assert_eq!(
        text(&d, 1),
        "Knowledge-sharing and development, and ICT-Enabled things of the Open-Ended group for 2015\u{2013}2030 and \
         2016-2020, a - not a join."
    );
}

#[test]
fn whitespace_is_folded() {
    let d = doc("T\n1.\tWe  recall\u{a0} the\u{c}\n   Agenda .");
    assert_eq!(text(&d, 1), "We recall the Agenda .");
}

#[test]
fn crlf_bom_lone_cr_and_curly_quotes() {
    let d = doc("\u{feff}Title\r\n\r\n- 1. We say “hello.”\r\n\r\nAnd more.\r- 2. Two.");
    assert_eq!(d.title, "Title");
    assert_eq!(numbers(&d), [1, 2]);
    // “hello.” ends a sentence; "And more." is an upper-case continuation.
    assert_eq!(text(&d, 1), "We say “hello.” And more.");
    assert_eq!(d.paragraphs[1].line, 6);
}

#[test]
fn year_at_line_start_is_text() {
    let d = doc("T\n- 1. The Agenda for\n2030. It matters.\n- 2. Two.");
    assert_eq!(numbers(&d), [1, 2]);
    assert_eq!(text(&d, 1), "The Agenda for 2030. It matters.");
    let d = doc("T\n- 1. It ends.\n2015. A year.\n- 2. Two.");
    assert_eq!(numbers(&d), [1, 2]);
    assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
}

#[test]
fn gap_is_reported_and_numbering_goes_on() {
    let d = doc("T\n- 1. One.\n- 2. Two.\n- 5. Five.\n- 6. Six.");
    assert_eq!(numbers(&d), [1, 2, 5, 6]);
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(d.warnings[0].line, 4);
    assert!(d.warnings[0].message.contains("3–4 missing"), "{}", d.warnings[0].message);
}

#[test]
fn far_jump_confirmed_by_its_successor_is_a_paragraph() {
    let d = doc("T\n- 100. Hundred.\n- 101. Next.");
    assert_eq!(numbers(&d), [100, 101]);
}

#[test]
fn duplicate_and_backward_numbers_stay_text() {
    let d = doc("T\n- 1. One.\n- 2. Two.\n- 2. Again.\n- 1. Back.\n- 3. Three.");
    assert_eq!(numbers(&d), [1, 2, 3]);
    assert_eq!(text(&d, 2), "Two. 2. Again. 1. Back.");
    assert_eq!(d.warnings.len(), 2, "{:?}", d.warnings);
}

#[test]
fn stray_text_before_paragraphs_is_reported() {
    // Kept, as an unnumbered paragraph of its own: no word is dropped.
    let d = doc("Title\nThe General Assembly,\n1. One.");
    let labels: Vec<_> = d.paragraphs.iter().map(|p| (p.label(), p.text.as_str())).collect();
    assert_eq!(labels, [("PP1".to_owned(), "The General Assembly,"), ("¶1".to_owned(), "One.")]);
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(d.warnings[0].line, 2);
}

#[test]
fn page_furniture_is_dropped() {
    let d = doc("Title\n- 1. One of\n\n3\nA/RES/70/125\n15-22047 (E)\nTitle\n\nthe things.\n\n81st plenary meeting\n");
    assert_eq!(text(&d, 1), "One of the things.");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    // The closing line is the document's own fact, not stray text.
    assert_eq!(d.facts.meeting.as_deref(), Some("81st plenary meeting"));
}

#[test]
fn heading_title_may_wrap() {
    let d = doc("T\n1. Building Confidence and Security in the use of\nICTs\n- 1. One.");
    assert_eq!(d.sections[1].title, "Building Confidence and Security in the use of ICTs");
}

#[test]
fn duplicate_section_key_is_not_a_new_section() {
    let d = doc("T\n1. A\n- 1. One.\n1. A\n- 2. Two.");
    assert_eq!(d.sections.len(), 2);
}

#[test]
fn orphan_sub_section_gets_a_parent_and_a_warning() {
    let d = doc("T\n- 1. One.\n2.1 Orphan\n- 2. Two.");
    assert_eq!(d.sections[1].parent, Some(0));
    assert_eq!(d.sections[1].level, 1);
    assert_eq!(d.warnings.len(), 1);
}

#[test]
fn empty_and_odd_inputs_do_not_panic() {
    for s in
        ["", "\u{feff}", "\n\n\r\r\n", "- ", "-", "1.", "- 3.", "1.1", "4294967295.", "99999999999. x", "1.1.1.1.1 A"]
    {
        let d = doc(s);
        assert_eq!(d.sections[0].key, "preamble");
    }
    let d = doc("T\n- 3.\nWith text on the next line.");
    assert_eq!(text(&d, 3), "With text on the next line.");
    let d = doc("T\n0. Zero.\n1. One.");
    let labels: Vec<_> = d.paragraphs.iter().map(|p| (p.label(), p.text.as_str())).collect();
    assert_eq!(labels, [("PP1".to_owned(), "0. Zero."), ("¶1".to_owned(), "One.")]);
    let d = doc("T\n4294967294. Max.\n4294967295. Next.\n4294967295. Again.");
    assert_eq!(numbers(&d), [4_294_967_294, 4_294_967_295]);
}

#[test]
fn first_line_numbered_means_no_title() {
    let d = doc("1. We recall the things.\n2. Two.");
    // No title line: the document is named after its file (here its source, `test`).
    assert_eq!(d.title, "test");
    assert_eq!(numbers(&d), [1, 2]);
}

#[test]
fn marker_parsing() {
    let m = |s| Marker::parse(s).map(|m| (m.dashed, m.parts, m.rest));
    assert_eq!(m("- 17. We"), Some((true, vec![17], "We")));
    assert_eq!(m("17."), Some((false, vec![17], "")));
    assert_eq!(m("4.1. Enhanced"), Some((false, vec![4, 1], "Enhanced")));
    assert_eq!(m("1.1 Bridging"), Some((false, vec![1, 1], "Bridging")));
    assert_eq!(m("2030 Agenda"), None);
    assert_eq!(m("17.5% of"), None);
    assert_eq!(m("17.We"), None);
    assert_eq!(m("- and"), None);
}

#[test]
fn part_headings_are_whole_lines() {
    let h = |s| part_heading(s);
    assert_eq!(h("Annex"), Some(("annex".to_owned(), "")));
    assert_eq!(h("ANNEX"), Some(("annex".to_owned(), "")));
    assert_eq!(h("Annex II"), Some(("annex-ii".to_owned(), "")));
    assert_eq!(h("ANNEX 3"), Some(("annex-3".to_owned(), "")));
    assert_eq!(h("Annex I. Programme of action"), Some(("annex-i".to_owned(), "Programme of action")));
    assert_eq!(h("Annex IV: Review"), Some(("annex-iv".to_owned(), "Review")));
    assert_eq!(h("Annex I \u{2013} Review"), Some(("annex-i".to_owned(), "Review")));
    assert_eq!(h("Appendix"), Some(("appendix".to_owned(), "")));
    for text in [
        "annex",
        "Annexes",
        "Annex.",
        "Annex I.",
        "Annex I to the present resolution",
        "Annex to the present resolution",
        "Annex I. to the note",
        "Annex I. Programme of action.",
        "Annex IIII2",
        "Annex 2030",
        "AnNex",
    ] {
        assert_eq!(h(text), None, "{text}");
    }
}

#[test]
fn un_layout_annex_with_its_title_on_the_line() {
    let d = doc("United Nations\nA/RES/80/5\nGeneral Assembly\nT\nThe General Assembly,\nRecalling it,\n\
         1. Adopts the annexed plan.\nAnnex I. Plan of action\n1. We act.\nObjective 1. Connect\n2. We connect.\n");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    let keys: Vec<_> = d.sections.iter().map(|s| (s.key.as_str(), s.title.as_str(), s.parent)).collect();
    assert_eq!(
        keys,
        [
            ("preamble", "Preamble", None),
            ("operative", "Operative paragraphs", None),
            ("annex-i", "Annex I: Plan of action", None),
            ("annex-i:objective-1", "Connect", Some(2))
        ]
    );
    let labels: Vec<_> = d.paragraphs.iter().map(Paragraph::label).collect();
    assert_eq!(labels, ["PP1", "¶1", "Annex I ¶1", "Annex I ¶2"]);
    assert_eq!(d.paragraphs.last().map(|p| p.section), Some(3));
}

#[test]
fn outline_headings_are_whole_title_lines() {
    let h = |s| outline_heading(s);
    assert_eq!(h("I. Introduction"), Some(("I", "Introduction")));
    assert_eq!(h("XXVIII.  Follow-up and review"), Some(("XXVIII", "Follow-up and review")));
    assert_eq!(h("IV\tMeans of implementation"), Some(("IV", "Means of implementation")));
    assert_eq!(h("II   Digital divides"), Some(("II", "Digital divides")));
    assert_eq!(h("A. Financing"), Some(("A", "Financing")));
    assert_eq!(h("B.\tCapacity-building"), Some(("B", "Capacity-building")));
    assert_eq!(h("II."), Some(("II", "")));
    assert_eq!(h("II"), Some(("II", "")));
    assert_eq!(h("A."), Some(("A", "")));
    for text in [
        "I. of the report",
        "A. Smith, the rapporteur.",
        "I welcome it",
        "A new approach",
        "A  Financing",
        "IIII. Four",
        "VX. Wrong",
        "XXXI. Too far",
        "AB. Two letters",
        "A.Financing",
        "I.Introduction",
        "II. Digital divides.",
        "A",
        "Annex",
        "UNESCO",
    ] {
        assert_eq!(h(text), None, "{text}");
    }
}

#[test]
fn roman_values_and_sentence_ends() {
    assert_eq!(roman_value("XIV"), Some(14));
    assert_eq!(roman_value("XXX"), Some(30));
    assert_eq!(roman_value("IIII"), None);
    assert_eq!(letter_value("C"), Some(3));
    assert_eq!(letter_value("c"), None);
    assert!(ends_sentence("We act."));
    assert!(ends_sentence("We act;"));
    assert!(ends_sentence("as set out in annex I."));
    assert!(ends_sentence("as set out in chapter V.\""));
    assert!(!ends_sentence("We thank Ms."));
    assert!(!ends_sentence("presented by J."));
    assert!(!ends_sentence("see, e.g."));
    assert!(!ends_sentence("as follows:"));
    assert!(!ends_sentence("and the"));
}

#[test]
fn lettered_headings_without_roman_ones_are_top_level() {
    let d = doc("T\nA. Access\n1. One.\nB. Skills\n2. Two.");
    let s: Vec<_> = d.sections.iter().map(|s| (s.key.as_str(), s.level, s.parent)).collect();
    assert_eq!(s, [("preamble", 0, None), ("a", 0, None), ("b", 0, None)]);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_top_level_arabic_heading_ends_the_roman_section_s_letters() {
    let d = doc("T\nI. General\n1. One.\nA. Access\n2. Two.\n1.1 Other\n3. Three.\nB. Skills\n4. Four.");
    let s: Vec<_> = d.sections.iter().map(|s| (s.key.as_str(), s.parent)).collect();
    // `1.1` (an orphan, reported) does not close `I.`: `B.` still nests in it.
    assert_eq!(s, [("preamble", None), ("i", None), ("i.a", Some(1)), ("1.1", Some(1)), ("i.b", Some(1))]);
    let d = doc("T\nI. General\n1. One.\nA. Access\n2. Two.\n1. Other\n3. Three.\nB. Skills\n4. Four.");
    let s: Vec<_> = d.sections.iter().map(|s| (s.key.as_str(), s.parent)).collect();
    assert_eq!(s, [("preamble", None), ("i", None), ("i.a", Some(1)), ("1", None), ("b", None)]);
    assert_eq!(numbers(&d), [1, 2, 3, 4]);
}

#[test]
fn un_layout_roman_heading_after_the_preamble_and_between_operative_paragraphs() {
    let d = doc("United Nations\nA/RES/80/7\nGeneral Assembly\nT\nThe General Assembly,\nRecalling it,\n\
         I. Financing\n1. Decides to act;\nII\nReview and\nfollow-up\n2. Requests a report;\nA. Reports\n\
         3. Decides to remain seized of the matter.\n");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    let s: Vec<_> = d.sections.iter().map(|s| (s.key.as_str(), s.title.as_str(), s.parent)).collect();
    assert_eq!(
        s,
        [
            ("preamble", "Preamble", None),
            ("i", "Financing", None),
            ("ii", "Review and follow-up", None),
            ("ii.a", "Reports", Some(2))
        ]
    );
    let labels: Vec<_> = d.paragraphs.iter().map(|p| (p.label(), p.section)).collect();
    assert_eq!(labels, [("PP1".to_owned(), 0), ("¶1".to_owned(), 1), ("¶2".to_owned(), 2), ("¶3".to_owned(), 3)]);
    // A comma ending a preambular paragraph, with no first paragraph after the line: text.
    let d = doc("United Nations\nA/RES/80/7\nGeneral Assembly\nT\nThe General Assembly,\nRecalling its work,\n\
         I. Financing\nNoting it,\n1. Decides.\n");
    let keys: Vec<_> = d.sections.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["preamble", "operative"]);
}

#[test]
fn parse_bytes_rejects_non_utf8_with_its_line() {
    assert_eq!(parse_bytes("t", "s", b"a\nb\n\xff"), Err(ParseError::NotUtf8 { offset: 4, line: 3 }));
    let d = parse_bytes("t", "s", "\u{feff}Title\n1. One.".as_bytes());
    assert_eq!(d.map(|d| d.title), Ok("Title".to_owned()));
}
