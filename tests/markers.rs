//! Footnote markers by the UN's rules, on hand-made texts in the layout of
//! a resolution's text layer (written for these tests): a number is a
//! marker only when a note with that number exists on its page, markers
//! run in sequence, and a marker stands where superscripts stand — glued
//! to a word, a closing quote or bracket, a clause's punctuation or a
//! year, or alone after punctuation. Every form is taken out of the text
//! and kept as an anchor to its note; the false friends (dates, symbols,
//! numbered norms, quantities, lists of numbers) are never touched.

use wsis_atlas::document::{self, Document};

fn parse(text: &str) -> Document {
    document::parse("t", "test", text)
}

/// Each preambular clause's text and its notes `(number, at)`.
fn clauses(doc: &Document) -> Vec<(&str, Vec<(u32, usize)>)> {
    doc.paragraphs.iter().map(|p| (p.text.as_str(), p.footnotes.iter().map(|n| (n.number, n.at)).collect())).collect()
}

/// The byte offset of the end of `word` (its first occurrence) in `text`.
fn after(text: &str, word: &str) -> usize {
    text.find(word).map_or(usize::MAX, |at| at + word.len())
}

const MASTHEAD: &str = "United Nations
A/RES/80/998
General Assembly
Distr.: General
22 December 2025
Eightieth session
Agenda item 20
25-30000 (E)
Resolution adopted by the General Assembly on 19 December 2025
80/998. Testing footnote markers
The General Assembly,
";

/// Every form a marker takes, on two pages.
const FORMS: &str = "Recalling the Universal Declaration of Human Rights1 and the International
Covenant on Civil and Political Rights,2
Recalling also the 2030 Agenda for Sustainable Development, 3 and stressing the
need to achieve the Goals, 4 and calls upon all States to act,
Noting the Paris Agreement5 and the plan for 2016–20306 adopted by
the “Conference”7 in its report (A/79/1),
_______________
1 Resolution 217 A (III).
2 See resolution 2200 A (XXI), annex.
3 Resolution 70/1.
4 Ibid., para. 59.
5 See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.
6 A/79/2.
7 A/79/3.
25-30000 2/3
A/RES/80/998
Welcoming the decision of 22 March 20188 and of 26 September 20199 on the
right to privacy,10
1. Decides to continue;
_______________
8 A/HRC/37/2.
9 A/HRC/42/15.
10 A/79/4.
25-30000 3/3
A/RES/80/998
";

#[test]
fn every_marker_form_is_taken_out_and_anchored_to_its_note() {
    let doc = parse(&format!("{MASTHEAD}{FORMS}"));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let got = clauses(&doc);
    let [pp1, pp2, pp3, pp4, op1] = got.as_slice() else { panic!("{got:?}") };
    assert_eq!(
        pp1.0,
        "Recalling the Universal Declaration of Human Rights and the International Covenant on Civil and \
         Political Rights,"
    );
    assert_eq!(pp1.1, vec![(1, after(pp1.0, "Human Rights")), (2, pp1.0.len())]);
    assert_eq!(
        pp2.0,
        "Recalling also the 2030 Agenda for Sustainable Development, and stressing the need to achieve the \
         Goals, and calls upon all States to act,"
    );
    assert_eq!(pp2.1, vec![(3, after(pp2.0, "Development,")), (4, after(pp2.0, "Goals,"))]);
    assert_eq!(
        pp3.0,
        "Noting the Paris Agreement and the plan for 2016–2030 adopted by the “Conference” in its report (A/79/1),"
    );
    assert_eq!(
        pp3.1,
        vec![(5, after(pp3.0, "Agreement")), (6, after(pp3.0, "2016–2030")), (7, after(pp3.0, "“Conference”"))]
    );
    assert_eq!(pp4.0, "Welcoming the decision of 22 March 2018 and of 26 September 2019 on the right to privacy,");
    assert_eq!(pp4.1, vec![(8, after(pp4.0, "March 2018")), (9, after(pp4.0, "September 2019")), (10, pp4.0.len())]);
    assert_eq!(op1.0, "Decides to continue;");
    assert_eq!(doc.reading.placed_words, doc.reading.body_words);
}

/// Digits that look like markers of notes on their page, and are not: each
/// false friend stands after the previous marker and before the true one.
const FALSE_FRIENDS: &str = "Recalling the Agenda for 2030,1 the meeting that it adopted on
2 December 2024, the Third Committee (A/C.3/79/L.2), resolutions 1, 2 and
3 and its Decision, 2
Recalling also the norms of 2015, including norm 3.3. on cooperation and
norms 3, 4 and 5, and the 3 years of its work, and the Conference, 3
Noting the decisions 4 and 5 of the Board of 4 May 2024 and the 4 per cent
target, 4
Noting also the Declaration5 and the Plan,
_______________
1 Resolution 70/1.
2 A/74/1.
3 A/74/2.
4 A/74/3.
5 A/74/4.
25-30000 2/2
A/RES/80/998
1. Decides that norm 2.3. stands and that 5 States may report in 10 days;
";

#[test]
fn dates_symbols_norms_quantities_and_lists_keep_their_digits() {
    let doc = parse(&format!("{MASTHEAD}{FALSE_FRIENDS}"));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let got = clauses(&doc);
    let [pp1, pp2, pp3, pp4, op1] = got.as_slice() else { panic!("{got:?}") };
    assert_eq!(
        pp1.0,
        "Recalling the Agenda for 2030, the meeting that it adopted on 2 December 2024, the Third Committee \
         (A/C.3/79/L.2), resolutions 1, 2 and 3 and its Decision,"
    );
    assert_eq!(pp1.1, vec![(1, after(pp1.0, "2030,")), (2, pp1.0.len())]);
    assert_eq!(
        pp2.0,
        "Recalling also the norms of 2015, including norm 3.3. on cooperation and norms 3, 4 and 5, and the 3 \
         years of its work, and the Conference,"
    );
    assert_eq!(pp2.1, vec![(3, pp2.0.len())]);
    assert_eq!(pp3.0, "Noting the decisions 4 and 5 of the Board of 4 May 2024 and the 4 per cent target,");
    assert_eq!(pp3.1, vec![(4, pp3.0.len())]);
    assert_eq!(pp4.0, "Noting also the Declaration and the Plan,");
    assert_eq!(pp4.1, vec![(5, after(pp4.0, "Declaration"))]);
    assert_eq!(op1.0, "Decides that norm 2.3. stands and that 5 States may report in 10 days;");
    assert!(op1.1.is_empty());
}

#[test]
fn a_number_without_its_note_on_the_page_is_never_a_marker() {
    let doc = parse(&format!(
        "{MASTHEAD}Recalling the Charter1 and the Paris Agreement7, the report,8 of 20199,
_______________
1 A/74/1.
25-30000 2/2
A/RES/80/998
1. Decides to continue;
"
    ));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let pp1 = doc.preambular(1).map(|p| (p.text.as_str(), p.footnotes.iter().map(|n| n.number).collect::<Vec<_>>()));
    assert_eq!(pp1, Some(("Recalling the Charter and the Paris Agreement7, the report,8 of 20199,", vec![1])));
}

/// A clause that ends with a marker, glued or spaced, ends there: the next
/// clause is a clause of its own, even across a page break with its
/// running header and footnote block.
const CLAUSE_ENDS: &str = "Recalling the International Covenant on Civil and Political Rights,1
Reaffirming the Programme of Action, 2
Noting the report of the Special Rapporteur on racism, racial
discrimination and related intolerance, 3
_______________
1 See resolution 2200 A (XXI), annex.
2 A/CONF.157/24.
3 A/75/1.
25-30000 2/3
A/RES/80/998
Testing footnote markers
Welcoming the work of the Office,
1. Decides to continue;
";

#[test]
fn a_clause_ending_with_a_marker_never_swallows_the_next() {
    let doc = parse(&format!("{MASTHEAD}{CLAUSE_ENDS}"));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let starts: Vec<&str> =
        doc.paragraphs.iter().filter(|p| p.preambular).filter_map(|p| p.text.split_whitespace().next()).collect();
    assert_eq!(starts, vec!["Recalling", "Reaffirming", "Noting", "Welcoming"]);
    let notes: Vec<u32> = doc.paragraphs.iter().flat_map(|p| p.footnotes.iter().map(|n| n.number)).collect();
    assert_eq!(notes, vec![1, 2, 3]);
    assert_eq!(
        doc.preambular(3).map(|p| p.text.as_str()),
        Some("Noting the report of the Special Rapporteur on racism, racial discrimination and related intolerance,")
    );
}
