//! The whole pipeline, files to an analysed graph (parse → `graph::build` →
//! `analysis::enrich`, [`wsis_atlas::corpus::build`]), on generated corpora
//! (`benches/support/generated.rs`):
//!
//! - 10, 20 and 200 resolutions of ~30 KB (time should grow linearly: the
//!   20-document time at most 2.3 × the 10-document time; 200 under 3 s);
//! - one more resolution added to an open 200-document map (under 100 ms);
//! - one large document: the bundled paragraphs renumbered (7,205 and
//!   72,005 paragraphs, 40 MB: under 10 s) and 14,000 all-different ones.
//!
//! The command line's figures (`stats` on the same texts, written out by
//! `examples/generate_corpus.rs`) are in the README, under "How it is built".

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use wsis_atlas::analysis::{self, SimilarLinks};
use wsis_atlas::corpus;
use wsis_atlas::document::{self, Document};
use wsis_atlas::extract::Catalogue;

#[path = "support/generated.rs"]
mod generated;

/// Bytes per generated resolution.
const RESOLUTION_BYTES: usize = 30_000;

fn parse_all(texts: &[(String, String)]) -> Vec<Document> {
    texts.iter().map(|(id, text)| document::parse(id, "bench", text)).collect()
}

fn resolutions(n: usize) -> Vec<(String, String)> {
    (0..n).map(|k| (format!("r{k:03}"), generated::resolution(k, RESOLUTION_BYTES))).collect()
}

fn bench_documents(c: &mut Criterion) {
    let catalogue = Catalogue::bundled().expect("bundled lexicons parse");
    let mut group = c.benchmark_group("pipeline/documents");
    group.sample_size(10);
    for n in [10, 20, 200] {
        let texts = resolutions(n);
        let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
        let (graph, errors) = corpus::build(parse_all(&texts), &catalogue);
        assert!(errors.is_empty());
        eprintln!("{n} documents: {bytes} bytes, {} nodes, {} edges", graph.node_count(), graph.edge_count());
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(format!("{n} x 30 KB"), |b| {
            b.iter(|| corpus::build(parse_all(black_box(&texts)), &catalogue));
        });
    }
    group.finish();
}

fn bench_add_one(c: &mut Criterion) {
    let catalogue = Catalogue::bundled().expect("bundled lexicons parse");
    let texts = resolutions(201);
    let (open, last) = texts.split_at(200);
    let (graph, _) = corpus::build(parse_all(open), &catalogue);
    let started = std::time::Instant::now();
    let links = SimilarLinks::new(&graph);
    // Once, when the window opens a map (outside the timing).
    eprintln!("indexing the 200-document map's {} distinct paragraphs: {:?}", links.len(), started.elapsed());
    let extra = parse_all(last).pop().expect("one more document");
    let mut group = c.benchmark_group("pipeline/add");
    group.sample_size(10);
    group.bench_function("1 x 30 KB to an open 200-document map", |b| {
        b.iter_batched(
            || (graph.clone(), links.clone(), extra.clone()),
            |(mut graph, mut links, doc)| {
                let added = graph.add_document(doc, &catalogue).expect("a new id");
                analysis::enrich_added(&mut graph, &added, &mut links);
                (graph, links)
            },
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

fn bench_large(c: &mut Criterion) {
    let catalogue = Catalogue::bundled().expect("bundled lexicons parse");
    let mut group = c.benchmark_group("pipeline/large");
    group.sample_size(10);
    let cases = [
        ("7,205 renumbered paragraphs", generated::renumbered(7_205)),
        ("14,000 all-different paragraphs", generated::all_different(14_000)),
        ("72,005 renumbered paragraphs", generated::renumbered(72_005)),
    ];
    for (name, text) in &cases {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| corpus::build(vec![document::parse("big", "bench", black_box(text))], &catalogue));
        });
    }
    group.finish();
}

criterion_group!(benches, bench_documents, bench_add_one, bench_large);
criterion_main!(benches);
