//! Similarity benchmarks: the bundled WSIS+10 document's 77 paragraphs, and a
//! 5,000-paragraph corpus built from its sentences. Each synthetic paragraph
//! strings together three to five sentences of the bundled text, drawn by a
//! seeded generator, with a fifth of their words swapped for words of a
//! 30,000-word invented vocabulary: the corpus shares formulas and whole
//! sentences the way a series of UN resolutions does, so the inverted
//! indexes meet many real candidate pairs, not only disjoint texts.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use wsis_atlas::analysis::{SimilarityParams, similar_pairs};
use wsis_atlas::document::bundled;

/// Paragraphs in the synthetic corpus.
const CORPUS: usize = 5_000;

/// A small seeded generator (SplitMix64), so the corpus is the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n).expect("small n")).expect("fits")
    }
}

fn corpus() -> Vec<String> {
    let doc = bundled();
    let sentences: Vec<&str> = doc
        .paragraphs
        .iter()
        .flat_map(|p| p.text.split_inclusive(". "))
        .filter(|s| s.split_whitespace().count() >= 6)
        .collect();
    let mut rng = Rng(0x5eed);
    (0..CORPUS)
        .map(|_| {
            let count = 3 + rng.below(3);
            let mut words: Vec<String> = Vec::new();
            for _ in 0..count {
                let sentence = sentences[rng.below(sentences.len())];
                for w in sentence.split_whitespace() {
                    if rng.below(5) == 0 {
                        words.push(format!("w{}", rng.below(30_000)));
                    } else {
                        words.push(w.to_owned());
                    }
                }
            }
            words.join(" ")
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let doc = bundled();
    let texts: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
    let params = SimilarityParams::default();
    c.bench_function("similar_pairs/wsis10 (77 paragraphs)", |b| b.iter(|| similar_pairs(black_box(&texts), &params)));

    let corpus = corpus();
    let texts: Vec<&str> = corpus.iter().map(String::as_str).collect();
    let found = similar_pairs(&texts, &params);
    // A fingerprint of the pairs and their scores, so that a faster version
    // can be checked to find exactly what the previous one found.
    let fingerprint = found.iter().fold(0_u64, |h, p| {
        let key = [p.a as u64, p.b as u64, u64::from(p.score.to_bits()), u64::from(p.passage.is_some())];
        key.iter().fold(h, |h, &k| (h ^ k).wrapping_mul(0x0100_0000_01b3).rotate_left(23))
    });
    eprintln!("5,000-paragraph corpus: {} similar pairs, fingerprint {fingerprint:016x}", found.len());
    let mut group = c.benchmark_group("similar_pairs");
    group.sample_size(10);
    group.bench_function("corpus of 5000 paragraphs", |b| b.iter(|| similar_pairs(black_box(&texts), &params)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
