//! Hand-made texts (written for these tests, not copied from real
//! documents) in the layouts of the families whose structure is not one
//! numbered series: an omnibus resolution whose Roman sections each have
//! their own preamble and numbering, a convention whose paragraphs are
//! numbered again in each article, a compact whose paragraph holds a
//! numbered list, a declaration adopted in an annex.

use wsis_atlas::document::{self, Document};

fn parse(text: &str) -> Document {
    document::parse("t", "test", text)
}

/// The labels of a document's paragraphs, in reading order.
fn labels(doc: &Document) -> Vec<String> {
    doc.paragraphs.iter().map(wsis_atlas::document::Paragraph::label).collect()
}

/// An omnibus budget resolution: after the opening, Roman sections (the
/// numeral alone on its line, a title that may wrap, a blank line), each
/// with its own preamble and its paragraphs numbered from 1; a section of
/// one decision has one unnumbered paragraph.
const OMNIBUS: &str = "United Nations
A/RES/79/999
General Assembly
Distr.: General
31 December 2024
Seventy-ninth session
Agenda item 139
24-99999 (E)
Resolution adopted by the General Assembly on 24 December 2024
79/999. Special subjects relating to the proposed programme budget for 2025
The General Assembly,

I

Enterprise resource planning project

Recalling section II of its resolution 60/283,

Having considered the report of the Secretary-General,

1.
Takes note of the report of the Secretary-General;

2.
Endorses the conclusions of the Advisory Committee;

II

Progress on the replacement of office blocks at the United Nations Office
at Nairobi and the related questions of the conference services facilities

Having considered the report of the Secretary-General,

1.
Takes note of the report;

2.
Approves the revised schedule;

3.
Decides to keep the project under review;

III

Gross jointly financed budget of the Joint Inspection Unit

Approves the gross budget for the Joint Inspection Unit for 2025 in the amount
of 9,836,600 dollars;
";

#[test]
fn each_section_of_an_omnibus_resolution_has_its_own_preamble_and_numbering() {
    let doc = parse(OMNIBUS);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(
        labels(&doc),
        [
            "Section I PP1",
            "Section I PP2",
            "Section I ¶1",
            "Section I ¶2",
            "Section II PP1",
            "Section II ¶1",
            "Section II ¶2",
            "Section II ¶3",
            "Section III PP1",
        ]
    );
    // Ids say where a paragraph is: nothing collides, nothing is lost.
    let mut ids: Vec<String> = doc.paragraphs.iter().map(|p| p.node_id("t")).collect();
    assert_eq!(ids[2], "para:t:section-i:1");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), doc.paragraphs.len());
    // Sections are top-level, titled whole (a wrapped title too), and hold their paragraphs.
    let titles: Vec<(&str, &str, u8)> =
        doc.sections.iter().skip(1).map(|s| (s.key.as_str(), s.title.as_str(), s.level)).collect();
    assert_eq!(
        titles,
        [
            ("i", "Enterprise resource planning project", 0),
            (
                "ii",
                "Progress on the replacement of office blocks at the United Nations Office at Nairobi and the \
                 related questions of the conference services facilities",
                0
            ),
            ("iii", "Gross jointly financed budget of the Joint Inspection Unit", 0),
        ]
    );
    let ii = doc.annex_paragraph("section-ii", 2).expect("section II, paragraph 2");
    assert_eq!(ii.text, "Approves the revised schedule;");
    assert_eq!(doc.section_of(ii).map(|s| s.key.as_str()), Some("ii"));
    let lone = doc.paragraphs.last().expect("the lone decision");
    assert_eq!(
        lone.text,
        "Approves the gross budget for the Joint Inspection Unit for 2025 in the amount of 9,836,600 dollars;"
    );
    assert_eq!(doc.reading.placed_words, doc.reading.body_words);
}

/// A resolution whose Roman sections follow its preamble and go on with
/// its numbering is not an omnibus one: its paragraphs stay in the body.
#[test]
fn roman_sections_after_a_preamble_keep_one_numbering() {
    let text = "United Nations
A/RES/79/998
General Assembly
Distr.: General
31 December 2024
Seventy-ninth session
Agenda item 12
24-99998 (E)
Resolution adopted by the General Assembly on 20 December 2024
79/998. Information and communications technologies for development
The General Assembly,
Recalling its resolution 70/125,
I
Digital divides
1. Calls for closing the digital divides;
II
Financing
2. Invites Member States to contribute;
";
    let doc = parse(text);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(labels(&doc), ["PP1", "¶1", "¶2"]);
}

/// A convention adopted in an annex: its own `Preamble`, a chapter, then
/// articles (the number alone on its line and the title on the next, or
/// both on one line), each numbering its paragraphs from 1; an article of
/// one paragraph leaves it unnumbered.
const CONVENTION: &str = "United Nations
A/RES/73/999
General Assembly
Distr.: General
3 January 2019
Seventy-third session
Agenda item 75
18-99999 (E)
Resolution adopted by the General Assembly on 20 December 2018
73/999. Convention on Testing
The General Assembly,
Recalling its resolution 2205 (XXI),
1. Adopts the Convention on Testing, contained in the annex to the present resolution;
2. Calls upon States to become parties to the Convention.
Annex
United Nations Convention on Testing
Preamble
The Parties to this Convention,
Recognizing the value of testing,
Have agreed as follows:
Chapter I. General provisions
Article 1
Scope of application
1. This Convention applies to tests.
2. It does not apply to examinations.
Article 2. Other laws
Nothing in this Convention shall deprive any party of any right under another law.
Article 3
Definitions
1. For the purposes of article 1, paragraph 1:
(a) A test is a trial;
2. A party is a State.
";

#[test]
fn a_convention_numbers_its_paragraphs_again_in_each_article() {
    let doc = parse(CONVENTION);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(
        labels(&doc),
        [
            "PP1",
            "¶1",
            "¶2",
            "Annex PP1",
            "Annex PP2",
            "Article 1 ¶1",
            "Article 1 ¶2",
            "Article 2 PP1",
            "Article 3 ¶1",
            "Article 3 ¶2"
        ]
    );
    assert_eq!(doc.paragraphs[5].node_id("t"), "para:t:article-1:1");
    // The body's ids are unchanged.
    assert_eq!(doc.paragraphs[1].node_id("t"), "para:t:1");
    let a3 = doc.annex_paragraph("article-3", 1).expect("article 3, paragraph 1");
    assert_eq!(a3.text, "For the purposes of article 1, paragraph 1: (a) A test is a trial;");
    // The convention's preamble, its chapter and its articles are sections of the annex.
    let rows: Vec<(u8, String)> = wsis_atlas::outline::rows(&doc).into_iter().map(|r| (r.level, r.title)).collect();
    let annex_rows: Vec<(u8, &str)> = rows.iter().skip(2).map(|(l, t)| (*l, t.as_str())).collect();
    assert_eq!(
        annex_rows,
        [
            (0, "Annex: United Nations Convention on Testing"),
            (1, "Preamble"),
            (1, "Chapter I General provisions"),
            (2, "Article 1 Scope of application"),
            (2, "Article 2 Other laws"),
            (2, "Article 3 Definitions"),
        ]
    );
    assert_eq!(doc.reading.placed_words, doc.reading.body_words);
}

#[test]
fn an_article_cited_in_a_sentence_is_no_heading() {
    for line in ["Article 5 of the Convention applies.", "Article 5.", "Article 12. Jurisdiction."] {
        let text = format!("Title\n1. The first paragraph.\n{line}\n2. The second paragraph.");
        let doc = parse(&text);
        assert_eq!(doc.sections.len(), 1, "{line}: {:?}", doc.sections);
    }
}

/// A compact adopted in an annex that repeats the document's title under
/// its heading, then its chapeau, its own `Preamble` of numbered
/// paragraphs, a paragraph holding the list of its objectives (numbered
/// from 1 again, running past the next paragraph number), and wrapped
/// `Objective` headings.
const COMPACT: &str = "United Nations
A/RES/73/998
General Assembly
Distr.: General
11 January 2019
Seventy-third session
Agenda items 14 and 119
18-99998 (E)
Resolution adopted by the General Assembly on 19 December 2018
73/998. Global Compact for Testing

The General Assembly,

Recalling its resolution 71/1,

1. Endorses the Global Compact for Testing, contained in the annex to the present resolution.

Annex

Global Compact for Testing

We, the Heads of State and Government, meeting in Marrakech, have adopted
this Global Compact:

Preamble

1. This Global Compact rests on the Charter.

2. It also rests on the Universal Declaration of Human Rights.

3. We lay out the following cooperative framework, comprising 4 objectives.

Objectives for testing
1.
Collect accurate data as a basis for
evidence-based policies
2.
Minimize the adverse drivers
3.
Provide accurate information
4.
Ensure proof of legal identity

Objective 1: Collect accurate data as a basis for evidence-based
policies

4. We commit to strengthen the evidence base.

Objective 2: Minimize the adverse drivers

5. We commit to create conducive conditions.
";

#[test]
fn a_compact_keeps_its_list_of_objectives_in_its_paragraph() {
    let doc = parse(COMPACT);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(labels(&doc), ["PP1", "¶1", "Annex PP1", "Annex ¶1", "Annex ¶2", "Annex ¶3", "Annex ¶4", "Annex ¶5"]);
    let list = doc.annex_paragraph("annex", 3).expect("the paragraph holding the list");
    assert!(list.text.ends_with(
        "4 objectives. Objectives for testing 1. Collect accurate data as a basis for evidence-based policies \
         2. Minimize the adverse drivers 3. Provide accurate information 4. Ensure proof of legal identity"
    ));
    let titles: Vec<(&str, &str)> = doc.sections.iter().skip(2).map(|s| (s.key.as_str(), s.title.as_str())).collect();
    assert_eq!(
        titles,
        [
            ("annex", "Annex: Global Compact for Testing"),
            ("annex:preamble", "Preamble"),
            ("annex:objective-1", "Collect accurate data as a basis for evidence-based policies"),
            ("annex:objective-2", "Minimize the adverse drivers"),
        ]
    );
    assert_eq!(
        doc.annex_paragraph("annex", 4).and_then(|p| doc.section_of(p)).map(|s| s.key.as_str()),
        Some("annex:objective-1")
    );
    assert_eq!(doc.reading.placed_words, doc.reading.body_words);
}
