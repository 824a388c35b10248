//! Parser benchmarks: the bundled WSIS+10 outcome document (~40 kB), and a
//! ~10 MB text made of renumbered copies of it, so that paragraph and section
//! numbers keep increasing and the parser takes the same paths as on the real
//! document (no out-of-sequence warnings). Throughput is reported in bytes.

use std::collections::HashSet;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wsis_atlas::document::{BUNDLED_TEXT, bundled, parse};

/// Size the big text aims for.
const BIG_BYTES: usize = 10_000_000;

/// Adds `offset` to the first run of digits in `line`.
fn renumber(line: &str, offset: u32) -> String {
    let Some(start) = line.find(|c: char| c.is_ascii_digit()) else { return line.to_owned() };
    let digits = line[start..].bytes().take_while(u8::is_ascii_digit).count();
    let number: u32 = line[start..start + digits].parse().expect("bundled numbers fit in u32");
    format!("{}{}{}", &line[..start], number + offset, &line[start + digits..])
}

/// Copies of the bundled text, paragraphs and top-level sections renumbered
/// so that each copy continues the last one. The title and `Preamble` lines
/// appear once.
fn big_text() -> (String, usize) {
    let doc = bundled();
    let paragraphs = u32::try_from(doc.paragraphs.len()).expect("few paragraphs");
    let tops = u32::try_from(doc.sections.iter().filter(|s| s.level == 0).count() - 1).expect("few sections");
    let starts: HashSet<usize> = doc.paragraphs.iter().map(|p| p.line).collect();
    let copies = BIG_BYTES / BUNDLED_TEXT.len() + 1;
    let mut out = String::with_capacity(copies * (BUNDLED_TEXT.len() + 1000));
    for k in 0..copies {
        let k32 = u32::try_from(k).expect("few copies");
        for (i, line) in BUNDLED_TEXT.lines().enumerate() {
            let number = i + 1;
            if k > 0 && (number == 1 || line.trim() == "Preamble") {
                continue;
            }
            let line = if starts.contains(&number) {
                renumber(line, k32 * paragraphs)
            } else if line.starts_with(|c: char| c.is_ascii_digit()) {
                renumber(line, k32 * tops)
            } else {
                line.to_owned()
            };
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    (out, copies * doc.paragraphs.len())
}

fn bench_parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(BUNDLED_TEXT.len() as u64));
    group.bench_function("bundled", |b| b.iter(|| parse("wsis10", "bench", black_box(BUNDLED_TEXT))));

    let (big, expected) = big_text();
    let check = parse("big", "bench", &big);
    assert_eq!(check.paragraphs.len(), expected, "renumbered copies parse as one long document");
    assert!(check.warnings.is_empty(), "{:?}", check.warnings.first());
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("10MB_renumbered_copies", |b| b.iter(|| parse("big", "bench", black_box(&big))));
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
