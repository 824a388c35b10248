//! Merging foreign notes (issue 28): a W3C Web Annotation collection of
//! 10,000 / 40,000 / 100,000 notes, half of them without an id (their ids
//! derived from their content), parsed and merged into a notes file that
//! already holds 1,000 notes — once into the file (all added), and again
//! (all skipped, as a second import of the same file).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use wsis_atlas::annotations::{Annotation, AnnotationSet, from_w3c_str};

/// `n` W3C notes on paragraphs and SDGs, every other one without an id.
fn w3c_notes(n: usize) -> String {
    let items: Vec<Value> = (0..n)
        .map(|i| {
            let mut item = json!({
                "type": "Annotation",
                "target": {"source": format!("urn:wsis-atlas:node:para:wsis10:{}", i % 150),
                           "selector": {"type": "TextQuoteSelector", "exact": format!("words {i}")}},
                "body": {"type": "TextualBody", "value": format!("note {i}"), "purpose": "commenting"},
                "created": "2026-01-01T00:00:00Z",
            });
            if i % 2 == 0
                && let Some(map) = item.as_object_mut()
            {
                map.insert("id".into(), Value::from(format!("http://example.org/anno/{i}")));
            }
            item
        })
        .collect();
    Value::Array(items).to_string()
}

/// A set of the user's 1,000 notes.
fn users_set() -> AnnotationSet {
    let mut set = AnnotationSet::new();
    for i in 0..1000 {
        let mut a = Annotation::new(format!("sdg:{}", i % 17), format!("mine {i}"));
        a.id = format!("a-mine-{i}");
        set.add_annotation(a).expect("valid note");
    }
    set
}

fn merge(c: &mut Criterion) {
    let mut group = c.benchmark_group("merge_foreign_notes");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    for n in [10_000, 40_000, 100_000] {
        let text = w3c_notes(n);
        let base = users_set();
        group.bench_with_input(BenchmarkId::new("import_new", n), &text, |b, text| {
            b.iter(|| {
                let import = from_w3c_str(text).expect("imports");
                let mut set = base.clone();
                let outcome = set.merge(import.annotations, import.links).expect("merges");
                black_box(outcome.added.len())
            });
        });
        let mut full = base.clone();
        let import = from_w3c_str(&text).expect("imports");
        full.merge(import.annotations, import.links).expect("merges");
        group.bench_with_input(BenchmarkId::new("import_again", n), &text, |b, text| {
            b.iter(|| {
                let import = from_w3c_str(text).expect("imports");
                let mut set = full.clone();
                let outcome = set.merge(import.annotations, import.links).expect("merges");
                black_box(outcome.skipped.len())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, merge);
criterion_main!(benches);
