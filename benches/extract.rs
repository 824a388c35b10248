//! Extraction speed: every paragraph of the bundled document, and the same
//! text repeated to about 10 MB.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wsis_atlas::document;
use wsis_atlas::extract::{Catalogue, extract};

fn bench_extract(c: &mut Criterion) {
    let Ok(catalogue) = Catalogue::bundled() else { return };
    let doc = document::bundled();
    let paragraphs: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
    let bytes: usize = paragraphs.iter().map(|p| p.len()).sum();

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("bundled_document", |b| {
        b.iter(|| paragraphs.iter().map(|p| extract(black_box(p), &catalogue).len()).sum::<usize>())
    });

    // About 10 MB: the bundled paragraphs over and over.
    let repeats = (10_000_000 / bytes.max(1)).max(1);
    group.throughput(Throughput::Bytes((bytes * repeats) as u64));
    group.sample_size(10);
    group.bench_function("ten_megabytes", |b| {
        b.iter(|| {
            let mut total = 0;
            for _ in 0..repeats {
                total += paragraphs.iter().map(|p| extract(black_box(p), &catalogue).len()).sum::<usize>();
            }
            total
        })
    });
    group.finish();

    c.bench_function("catalogue_bundled", |b| b.iter(|| Catalogue::bundled().is_ok()));
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
