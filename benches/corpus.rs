//! Whole-pipeline benchmark: parse + extract + build on a ~1 MB corpus of
//! UN-layout documents generated here from hand-made sentences (masthead,
//! preambular and numbered paragraphs wrapped at 80 columns, running headers
//! and footers every 45 lines, footnotes with markers, citations of each
//! other and of the bundled WSIS+10 text), plus the bundled text itself and
//! the WSIS+20 outcome as its PDF's text layer gives it (also benched alone).
//! Throughput is reported in bytes of text.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wsis_atlas::document::{self, Document};
use wsis_atlas::extract::Catalogue;
use wsis_atlas::graph::AtlasGraph;

/// Size the corpus aims for.
const CORPUS_BYTES: usize = 1_000_000;
/// Documents in the corpus (besides the bundled one).
const DOCUMENTS: usize = 10;
/// Lines per page, before the footer and the next header.
const PAGE_LINES: usize = 45;

const PREAMBLE: [&str; 6] = [
    "Recalling its resolutions 68/167 of 18 December 2013, 69/166 of 18 December 2014 and 77/211 of 15 December 2022, and Human Rights Council resolution 28/16 of 26 March 2015,",
    "Reaffirming the Universal Declaration of Human Rights and the International Covenant on Civil and Political Rights, as well as the 2030 Agenda for Sustainable Development,",
    "Welcoming the \u{201c}multi\u{2011}stakeholder\u{201d} cooperation of governments, the private sector, civil society, international organizations and the technical and academic communities,",
    "Noting with concern that digital divides persist between and within countries and between women and men, and that knowledge-sharing remains uneven (SDGs 4, 5 and 9),",
    "Mindful of paragraph 71 of resolution 70/125 and of the work of the Commission on Science and Technology for Development in the follow-up to the World Summit on the Information Society,",
    "Taking note of the report of the Secretary-General (A/67/65-E/2012/48) and of decision 77/568, and of Economic and Social Council resolution 2006/46,",
];

const OPERATIVE: [&str; 6] = [
    "Reaffirms its commitment to the Internet Governance Forum and to enhanced cooperation, and calls upon all stakeholders to support the Action Lines, in particular Action Line C10;",
    "Calls upon Member States to: (a) expand broadband access (SDG 9); (b) strengthen digital skills for youth and persons with disabilities (SDGs 4 and 10); (c) measure progress (all SDGs);",
    "Encourages the International Telecommunication Union, UNESCO and UNCTAD to continue their work on capacity-building, affordability and multilingualism in developing countries;",
    "Stresses that the same rights that people have offline must also be protected online, as recognized by the Human Rights Council in its resolution 17/4, including the right to privacy;",
    "Requests the Secretary-General to submit a report on the implementation of the present resolution, drawing on E/CN.16/2018/CRP.3 and on resolution 217 A (III);",
    "Decides to include in the provisional agenda of its next session the item entitled \u{201c}Information and communications technologies for sustainable development\u{201d}.",
];

/// Wraps `text` at 80 columns.
fn wrap(text: &str, out: &mut Vec<String>) {
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.len() + word.len() > 80 {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push(line);
}

/// One document of about `bytes` bytes, symbol `A/RES/90/<k>`, citing the
/// document before it.
fn document_text(k: usize, bytes: usize) -> String {
    let symbol = format!("A/RES/90/{}", k + 1);
    let job = format!("26-{:05} (E)", 10_000 + k);
    let title = format!("Digital cooperation for sustainable development, part {}", k + 1);
    let mut body: Vec<String> = Vec::new();
    for (i, pp) in PREAMBLE.iter().cycle().take(24).enumerate() {
        wrap(&format!("{pp}{}", if i == 0 { " and its resolution 90/1," } else { "" }), &mut body);
    }
    let mut n = 0;
    let mut size = 0;
    while size < bytes {
        n += 1;
        let op = OPERATIVE.get(n % OPERATIVE.len()).copied().unwrap_or_default();
        let cite =
            if k > 0 && n % 7 == 0 { format!(" Recalls paragraph {n} of resolution 90/{k};") } else { String::new() };
        let text = format!("{n}. {op}{cite}");
        size += text.len() + 2;
        wrap(&text, &mut body);
    }
    let mut out = format!(
        "United Nations\n{symbol}\nGeneral Assembly\nDistr.: General\n20 December 2026\nEighty-first session\nAgenda item 13\n{job}\n\
         Resolution adopted by the General Assembly on 18 December 2026\n90/{}. {title}\nThe General Assembly,\n",
        k + 1
    );
    let pages = body.len().div_ceil(PAGE_LINES);
    let mut note = 0;
    for (page, lines) in body.chunks(PAGE_LINES).enumerate() {
        for (i, line) in lines.iter().enumerate() {
            // A footnote marker glued to the last word of the page's middle line.
            if i == PAGE_LINES / 2 && line.ends_with(';') {
                note += 1;
                let _ = writeln!(out, "{line}{note}");
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
        if note > 0 && lines.len() > PAGE_LINES / 2 {
            let _ = writeln!(out, "__________________\n{note} See resolution 2200 A (XXI), annex, and A/HRC/28/39.");
        }
        let _ = writeln!(
            out,
            "{job}    {}/{pages}\n{symbol}\nDigital cooperation for\nsustainable development, part {}",
            page + 1,
            k + 1
        );
    }
    out
}

fn corpus() -> Vec<(String, String)> {
    let per_doc = (CORPUS_BYTES - document::BUNDLED_TEXT.len()) / DOCUMENTS;
    let mut out: Vec<(String, String)> = (0..DOCUMENTS).map(|k| (format!("d{k}"), document_text(k, per_doc))).collect();
    out.push((document::BUNDLED_ID.to_owned(), document::BUNDLED_TEXT.to_owned()));
    out.push(("wsis20".to_owned(), WSIS20.to_owned()));
    out
}

/// The WSIS+20 outcome as its PDF's text layer gives it (page furniture,
/// footnotes, bare headings).
const WSIS20: &str = include_str!("../assets/wsis20-outcome.txt");

/// The WSIS+20 outcome alone: the real document of today's layout.
fn bench_wsis20(c: &mut Criterion) {
    let catalogue = Catalogue::bundled().expect("bundled lexicons parse");
    let doc = document::parse("wsis20", "bench", WSIS20);
    assert_eq!(doc.paragraphs.len(), 135, "8 preambular + 127 numbered");
    assert_eq!(doc.reading.placed_words, doc.reading.body_words);
    let mut group = c.benchmark_group("wsis20");
    group.throughput(Throughput::Bytes(WSIS20.len() as u64));
    group.bench_function("parse", |b| b.iter(|| document::parse("wsis20", "bench", black_box(WSIS20))));
    group.bench_function("parse+extract+build", |b| {
        b.iter(|| AtlasGraph::from_documents(vec![document::parse("wsis20", "bench", black_box(WSIS20))], &catalogue));
    });
    group.finish();
}

fn parse_all(corpus: &[(String, String)]) -> Vec<Document> {
    corpus.iter().map(|(id, text)| document::parse(id, "bench", text)).collect()
}

fn bench_corpus(c: &mut Criterion) {
    let catalogue = Catalogue::bundled().expect("bundled lexicons parse");
    let corpus = corpus();
    let bytes: usize = corpus.iter().map(|(_, t)| t.len()).sum();
    // Sanity, outside the timing: the generated documents parse cleanly.
    let docs = parse_all(&corpus);
    for doc in docs.iter().take(DOCUMENTS).chain(docs.last()) {
        assert!(doc.symbol.is_some(), "{}: no symbol", doc.id);
        assert!(doc.warnings.is_empty(), "{}: {:?}", doc.id, doc.warnings.first());
        assert!(doc.paragraphs.iter().all(|p| !p.text.contains("26-1")), "{}: furniture in text", doc.id);
    }
    let (graph, _) = AtlasGraph::from_documents(docs, &catalogue);
    eprintln!(
        "corpus: {bytes} bytes, {} documents, {} nodes, {} edges",
        corpus.len(),
        graph.node_count(),
        graph.edge_count()
    );

    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("parse", |b| b.iter(|| parse_all(black_box(&corpus))));
    group.bench_function("parse+extract+build", |b| {
        b.iter(|| {
            let docs = parse_all(black_box(&corpus));
            AtlasGraph::from_documents(docs, &catalogue)
        });
    });
    group.finish();
}

criterion_group!(benches, bench_corpus, bench_wsis20);
criterion_main!(benches);
