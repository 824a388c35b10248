//! Files to a built graph at scale ([`wsis_atlas::corpus::build`], parse
//! included), on generated text (`benches/support/generated.rs`):
//!
//! - one document of 4,500, 18,000 and 72,000 distinct, realistic
//!   paragraphs (a word-bigram chain trained on the bundled WSIS texts, a
//!   fixed seed, a heading every 60 paragraphs): time should grow linearly,
//!   ×4 per step, and 72,000 paragraphs (~45 MB) stay under 10 s;
//! - 400 and 1,000 renumbered copies of the bundled document (28,800 and
//!   72,000 paragraphs of 72 texts): the copies are chained, each text is
//!   compared once;
//! - the JSON export of the 72,000-paragraph graph, which should cost about
//!   what building it does.
//!
//! Peak memory is not measured here: the README's figures come from
//! `/usr/bin/time -v wsis-atlas stats` on the same texts, written out by
//! `examples/generate_corpus.rs`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wsis_atlas::corpus;
use wsis_atlas::document;
use wsis_atlas::extract::Catalogue;

#[path = "support/generated.rs"]
mod generated;

fn bench_scale(c: &mut Criterion) {
    let catalogue = Catalogue::bundled().expect("bundled lexicons parse");
    let mut group = c.benchmark_group("scale");
    group.sample_size(10);
    let bundled_paragraphs = document::bundled().paragraphs.len();
    let cases = [
        ("4,500 bigram paragraphs".to_owned(), generated::bigram_document(4_500)),
        ("18,000 bigram paragraphs".to_owned(), generated::bigram_document(18_000)),
        ("72,000 bigram paragraphs".to_owned(), generated::bigram_document(72_000)),
        ("400 renumbered copies".to_owned(), generated::renumbered(400 * bundled_paragraphs)),
        ("1,000 renumbered copies".to_owned(), generated::renumbered(1_000 * bundled_paragraphs)),
    ];
    for (name, text) in &cases {
        let (graph, _) = corpus::build(vec![document::parse("big", "bench", text)], &catalogue);
        eprintln!("{name}: {} bytes, {} nodes, {} edges", text.len(), graph.node_count(), graph.edge_count());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| corpus::build(vec![document::parse("big", "bench", black_box(text))], &catalogue));
        });
    }
    if let Some((name, text)) = cases.get(2) {
        let (graph, _) = corpus::build(vec![document::parse("big", "bench", text)], &catalogue);
        group.bench_function(format!("JSON export of {name}"), |b| {
            b.iter(|| {
                wsis_atlas::export::json::write_node_link_where(black_box(&graph), |_| None, |_| true).map(|s| s.len())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench_scale);
criterion_main!(benches);
