//! Nothing of a document is lost: every word of every line that is not
//! page furniture or metadata is found, in order, in the title, a heading,
//! a paragraph or a footnote. Tested as a property, over generated
//! documents in the UN's layout (whose body words the generator knows) and
//! over arbitrary lines.

use proptest::prelude::*;
use wsis_atlas::document::{self, Document, LineKind};

/// Words a generated body line is made of (no digits alone, so that no
/// body line reads as a page number).
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,9}",
        "[A-Z][a-z]{1,8}",
        Just("Member States".to_owned()),
        Just("resolution 70/125".to_owned()),
        Just("information and communications technologies".to_owned()),
        Just("the World Summit on the Information Society".to_owned()),
        Just("2030".to_owned()),
        Just("(a)".to_owned()),
        Just("multi-stakeholder".to_owned()),
        Just("non\u{2011}discriminatory".to_owned()),
    ]
}

/// A line of body text: words, then maybe closing punctuation.
fn body_line() -> impl Strategy<Value = String> {
    (proptest::collection::vec(word(), 1..10), prop_oneof![Just(""), Just(","), Just("."), Just(";"), Just(":")])
        .prop_map(|(words, end)| format!("{}{end}", words.join(" ")))
}

/// One block of a generated document.
#[derive(Debug, Clone)]
enum Block {
    /// A preambular paragraph (`Recalling …,`).
    Preambular(Vec<String>),
    /// A bare heading.
    Heading(String),
    /// A numbered paragraph (the number is given when the text is made).
    Paragraph(Vec<String>, bool),
    /// A page break: footer, symbol and a one- to four-line running header.
    PageBreak(usize),
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        proptest::collection::vec(body_line(), 1..4).prop_map(Block::Preambular),
        "[A-Z][a-z]{2,9}( [a-z]{2,9}){0,4}".prop_map(Block::Heading),
        (proptest::collection::vec(body_line(), 1..6), any::<bool>()).prop_map(|(l, alone)| Block::Paragraph(l, alone)),
        (1usize..=4).prop_map(Block::PageBreak),
    ]
}

/// Running-header lines: the title wrapped, as UN PDFs print it.
const HEADER: [&str; 4] =
    ["Outcome document of the", "high-level meeting on the", "overall review of the", "Information Society"];

/// A document in the UN's layout and the words of its body (title,
/// headings, paragraphs, footnotes) that the reader must keep.
fn document(blocks: &[Block]) -> (String, usize) {
    let mut text = String::from(
        "United Nations\nA/RES/80/900\nGeneral Assembly\nDistr.: General\n2 January 2026\n26-00001 (E)\n\
         Eightieth session\nAgenda item 15\nResolution adopted by the General Assembly on 20 December 2025\n\
         80/900. Outcome document of the high-level meeting on the overall review of the Information Society\n\
         The General Assembly,\n",
    );
    // The title line, its number included.
    let mut words =
        "80/900. Outcome document of the high-level meeting on the overall review of the Information Society"
            .split_whitespace()
            .count();
    let count = |line: &str| line.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    let mut number = 0;
    let mut page = 1;
    let mut preamble = true;
    for block in blocks {
        match block {
            Block::Preambular(lines) if preamble => {
                text.push_str("Recalling ");
                words += 1;
                for line in lines {
                    text.push_str(line);
                    text.push('\n');
                    words += count(line);
                }
                if !lines.last().is_some_and(|l| l.ends_with(',')) {
                    text.push_str("and welcoming it,\n");
                    words += 3;
                }
            }
            Block::Preambular(lines) | Block::Paragraph(lines, _) => {
                preamble = false;
                number += 1;
                let alone = matches!(block, Block::Paragraph(_, true));
                text.push_str(&format!("{number}.{}", if alone { "\n" } else { " " }));
                words += 1; // the number
                for line in lines {
                    text.push_str(line);
                    text.push('\n');
                    words += count(line);
                }
                text.push_str("as decided.\n");
                words += 2;
            }
            Block::Heading(title) => {
                // A bare heading comes between finished paragraphs, before the next one.
                text.push('\n');
                text.push_str(title);
                text.push_str("\n\n");
                words += count(title);
                preamble = false;
                number += 1;
                text.push_str(&format!("{number}. We act.\n"));
                words += 3;
            }
            Block::PageBreak(header_lines) => {
                page += 1;
                text.push_str(&format!("\n26-00001\n{page}/99\n\nA/RES/80/900\n"));
                for line in HEADER.iter().take(*header_lines) {
                    text.push_str(line);
                    text.push('\n');
                }
                text.push('\n');
            }
        }
    }
    text.push_str("\n90th plenary meeting\n20 December 2025\n");
    (text, words)
}

/// The words the reader kept, in reading order: title, then each section's
/// heading where its first paragraph starts, each paragraph (its number
/// first), each footnote.
fn placed_words(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = doc.facts.number.iter().cloned().collect();
    out.extend(doc.title.split_whitespace().map(str::to_owned));
    let mut shown = vec![false; doc.sections.len()];
    shown[0] = true;
    for paragraph in &doc.paragraphs {
        if let Some(seen) = shown.get_mut(paragraph.section)
            && !*seen
        {
            *seen = true;
            // The operative part of a resolution without headings has no heading line of its own.
            let section = &doc.sections[paragraph.section];
            if section.key != "operative" {
                out.extend(section.title.split_whitespace().map(str::to_owned));
            }
        }
        if !paragraph.preambular {
            out.push(paragraph.number.to_string());
        }
        out.extend(paragraph.text.split_whitespace().map(str::to_owned));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_body_word_of_a_generated_un_document_is_placed(blocks in proptest::collection::vec(block(), 1..30)) {
        let (text, words) = document(&blocks);
        let doc = document::parse("gen", "generated", &text);
        prop_assert_eq!(doc.symbol.as_deref(), Some("A/RES/80/900"));
        // The reader counts exactly the generator's body words (no body line
        // taken for furniture, no furniture taken for text)…
        prop_assert_eq!(doc.reading.body_words, words, "{}", text);
        // …and finds every one of them where it put its line.
        prop_assert_eq!(doc.reading.placed_words, words, "{}", text);
        let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
        let kept = letters(&placed_words(&doc).join(" "));
        let body: String = text
            .split('\n')
            .zip(&doc.reading.kinds)
            .filter(|(_, k)| !k.is_set_aside() && **k != LineKind::Footnote)
            .map(|(l, _)| letters(l))
            .collect();
        prop_assert_eq!(kept, body);
        // No running header, footer or page marker inside a paragraph.
        for p in &doc.paragraphs {
            prop_assert!(!p.text.contains("26-00001") && !p.text.contains("/99") && !p.text.contains("A/RES/80/900"));
            prop_assert!(!p.text.contains("high-level meeting on the"), "{}: {}", p.label(), p.text);
        }
    }

    #[test]
    fn no_word_of_any_text_is_lost(lines in proptest::collection::vec("\\PC{0,40}", 0..30), un in any::<bool>()) {
        let head = if un { "United Nations\nA/RES/80/1\nGeneral Assembly\nTitle\nThe General Assembly,\n" } else { "" };
        let text = format!("{head}{}", lines.join("\n"));
        let doc = document::parse("any", "proptest", &text);
        prop_assert_eq!(doc.reading.placed_words, doc.reading.body_words, "{:?}", text);
    }
}

#[test]
fn the_bundled_and_the_corpus_texts_keep_every_word() {
    for doc in [document::bundled(), document::parse("w20", "wsis20", include_str!("../assets/wsis20-outcome.txt"))] {
        assert!(doc.reading.body_words > 5_000);
        assert_eq!(doc.reading.placed_words, doc.reading.body_words, "{}", doc.title);
    }
}
