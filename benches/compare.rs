//! Comparison benchmarks (the budget: two 130-paragraph texts in
//! under 100 ms, two 2,000-paragraph texts in under a second): WSIS+10
//! against WSIS+20 (the bundled outcomes, 77 and 130-odd paragraphs); and a
//! 2,000-paragraph text made of the bundled outcomes' and the dev corpus's
//! paragraphs against a redraft of it — every seventh paragraph reworded,
//! every eleventh dropped, every thirteenth moved ten places on, a new
//! paragraph every seventeenth — so that every stage of the alignment has
//! work to do. References are extracted in the timed part, as the view and
//! the command do.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use wsis_atlas::compare::{Options, compare};
use wsis_atlas::document::{self, Document};
use wsis_atlas::extract::Catalogue;

const DEV_CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");

/// Paragraphs in the large texts.
const LARGE: usize = 2_000;

/// The bundled outcomes' paragraphs, then the dev corpus's, repeated up to
/// [`LARGE`].
fn large() -> Document {
    let mut paragraphs = Vec::new();
    let mut sources = vec![document::WSIS10.document(), document::WSIS20.document()];
    if let Ok(dir) = std::fs::read_dir(DEV_CORPUS) {
        let mut files: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        sources.extend(
            files.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")).filter_map(|p| document::load(p).ok()),
        );
    }
    let all: Vec<_> = sources.iter().flat_map(|d| d.paragraphs.iter().cloned()).collect();
    let mut round = 0;
    while paragraphs.len() < LARGE {
        for p in &all {
            if paragraphs.len() == LARGE {
                break;
            }
            let mut p = p.clone();
            // Repeats differ by a word, as the same formula in another resolution would.
            if round > 0 {
                p.text = format!("{} (round {round})", p.text);
            }
            p.number = u32::try_from(paragraphs.len() + 1).unwrap_or(u32::MAX);
            p.preambular = false;
            p.annex = None;
            p.section = 0;
            paragraphs.push(p);
        }
        round += 1;
    }
    let mut doc = document::WSIS20.document();
    doc.paragraphs = paragraphs;
    doc
}

fn redraft(doc: &Document) -> Document {
    let mut paragraphs = Vec::new();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if i % 11 == 5 {
            continue;
        }
        let mut p = p.clone();
        if i % 7 == 3 {
            p.text = p.text.replacen(" the ", " all the ", 2);
        }
        paragraphs.push(p);
        if i % 17 == 8 {
            let mut fresh = doc.paragraphs[i].clone();
            fresh.text = format!("Decides to convene a meeting number {i} on matters not yet discussed anywhere else");
            paragraphs.push(fresh);
        }
    }
    let mut k = 0;
    while k + 10 < paragraphs.len() {
        let p = paragraphs.remove(k);
        paragraphs.insert(k + 10, p);
        k += 13;
    }
    let mut new = doc.clone();
    new.paragraphs = paragraphs;
    new
}

fn bench(c: &mut Criterion) {
    let catalogue = Catalogue::bundled().expect("bundled catalogue");
    let options = Options::default();
    let (wsis10, wsis20) = (document::WSIS10.document(), document::WSIS20.document());
    c.bench_function("compare WSIS+10 to WSIS+20", |b| {
        b.iter(|| black_box(compare(&wsis10, &wsis20, &options, &catalogue)));
    });
    let old = large();
    let new = redraft(&old);
    let mut group = c.benchmark_group("compare 2000 paragraphs");
    group.sample_size(10);
    group.bench_function("compare a 2,000-paragraph text with its redraft", |b| {
        b.iter(|| black_box(compare(&old, &new, &options, &catalogue)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
