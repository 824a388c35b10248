//! The compare model on real texts: random known edits of the bundled
//! outcomes and dev-corpus resolutions come back as exactly those edits;
//! real series (consecutive years of one resolution) keep their carried-over
//! clauses; the `compare` command's four formats; hand-made edge cases.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use proptest::prelude::*;
use wsis_atlas::analysis::diff::DiffOp;
use wsis_atlas::compare::text::Words;
use wsis_atlas::compare::{Change, Comparison, Kind, Options, compare};
use wsis_atlas::document::{self, Document, Paragraph};
use wsis_atlas::extract::Catalogue;

const DEV_CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");

fn catalogue() -> &'static Catalogue {
    static C: OnceLock<Catalogue> = OnceLock::new();
    C.get_or_init(|| Catalogue::bundled().expect("bundled catalogue"))
}

fn corpus(name: &str) -> Document {
    document::load(std::path::Path::new(&format!("{DEV_CORPUS}/{name}"))).expect("a dev-corpus file")
}

/// The texts the edits are made on: both bundled outcomes and two
/// resolutions of the dev corpus (a long one with an annex).
fn texts() -> &'static [Document] {
    static T: OnceLock<Vec<Document>> = OnceLock::new();
    T.get_or_init(|| {
        vec![
            document::WSIS10.document(),
            document::WSIS20.document(),
            corpus("A-RES-78-132.txt"),
            corpus("A-RES-73-195.txt"),
        ]
    })
}

/// Options under which case and punctuation edits are no change.
fn loose() -> Options {
    Options { ignore_case: true, ignore_punctuation: true, ..Options::default() }
}

#[derive(Debug, Clone, Copy)]
enum EditKind {
    Word,
    Insert,
    Delete,
    Move,
    Split,
    Merge,
    Case,
    Punctuation,
}

fn edit_kind() -> impl Strategy<Value = EditKind> {
    prop_oneof![
        Just(EditKind::Word),
        Just(EditKind::Insert),
        Just(EditKind::Delete),
        Just(EditKind::Move),
        Just(EditKind::Split),
        Just(EditKind::Merge),
        Just(EditKind::Case),
        Just(EditKind::Punctuation),
    ]
}

/// Where a paragraph of the edited text came from.
#[derive(Debug, Clone, PartialEq)]
enum Origin {
    /// Original paragraph, words untouched (perhaps moved, perhaps case or punctuation).
    Same(usize),
    /// Original paragraph with one word replaced: (old word, new word).
    Word(usize, String, String),
    /// Inserted text.
    New,
    /// Part of a split original.
    Split(usize),
    /// Two originals merged.
    Merged(usize),
}

struct Edited {
    doc: Document,
    origins: Vec<Origin>,
    moved: HashSet<usize>,
    dropped: HashSet<usize>,
    words: usize,
    splits: usize,
    merges: usize,
    inserts: usize,
}

fn word_count(p: &Paragraph) -> usize {
    p.text.split_whitespace().count()
}

/// Applies the edits (each to its own paragraph, at least three paragraphs
/// from any other edit and outside any move's span), then numbers the
/// paragraphs afresh, as a redrafted text would be.
fn edit(doc: &Document, edits: &[(EditKind, u32, u32)]) -> Edited {
    let options = loose();
    let sigs: Vec<String> =
        doc.paragraphs.iter().map(|p| Words::of_paragraph(p, &options).signature(&options)).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for s in &sigs {
        *seen.entry(s.as_str()).or_default() += 1;
    }
    let unique = |i: usize| sigs.get(i).is_some_and(|s| seen.get(s.as_str()) == Some(&1) && s.len() > 20);
    let n = doc.paragraphs.len();
    let mut used: Vec<usize> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let free = |i: usize, used: &[usize], spans: &[(usize, usize)]| {
        used.iter().all(|&u| u.abs_diff(i) >= 3) && spans.iter().all(|&(a, b)| i + 2 < a || i > b + 2)
    };
    let mut items: Vec<(Origin, Paragraph)> =
        doc.paragraphs.iter().enumerate().map(|(i, p)| (Origin::Same(i), p.clone())).collect();
    let find = |items: &[(Origin, Paragraph)], i: usize| {
        items.iter().position(|(o, _)| matches!(o, Origin::Same(j) | Origin::Word(j, ..) if *j == i))
    };
    let mut out = Edited {
        doc: doc.clone(),
        origins: Vec::new(),
        moved: HashSet::new(),
        dropped: HashSet::new(),
        words: 0,
        splits: 0,
        merges: 0,
        inserts: 0,
    };
    for (k, &(kind, seed, seed2)) in edits.iter().enumerate() {
        let fits = |i: usize| -> bool {
            let p = &doc.paragraphs[i];
            let long = |m: usize| word_count(p) >= m;
            unique(i)
                && match kind {
                    EditKind::Word | EditKind::Case | EditKind::Punctuation => long(20),
                    EditKind::Split => long(40),
                    EditKind::Merge => {
                        i + 1 < n
                            && unique(i + 1)
                            && long(15)
                            && word_count(&doc.paragraphs[i + 1]) >= 15
                            && doc.paragraphs[i + 1].section == p.section
                            && doc.paragraphs[i + 1].preambular == p.preambular
                            && doc.paragraphs[i + 1].annex == p.annex
                    }
                    _ => true,
                }
        };
        let candidates: Vec<usize> = (0..n).filter(|&i| free(i, &used, &spans) && fits(i)).collect();
        let Some(&i) = candidates.get(seed as usize % candidates.len().max(1)) else { continue };
        match kind {
            EditKind::Word | EditKind::Case | EditKind::Punctuation => {
                let Some(at) = find(&items, i) else { continue };
                let words: Vec<String> = items[at].1.text.split_whitespace().map(str::to_owned).collect();
                let plain: Vec<usize> = (0..words.len())
                    .filter(|&w| words[w].len() >= 4 && words[w].chars().all(|c| c.is_ascii_alphabetic()))
                    .collect();
                let Some(&w) = plain.get(seed2 as usize % plain.len().max(1)) else { continue };
                let mut words2 = words.clone();
                match kind {
                    EditKind::Word => {
                        let new = format!("zqxvw{k}");
                        items[at].0 = Origin::Word(i, words[w].clone(), new.clone());
                        words2[w] = new;
                        out.words += 1;
                    }
                    EditKind::Case => {
                        let flip: String = words[w]
                            .chars()
                            .enumerate()
                            .map(|(j, c)| {
                                if j == 0 {
                                    if c.is_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() }
                                } else {
                                    c
                                }
                            })
                            .collect();
                        words2[w] = flip;
                    }
                    _ => words2[w].push(';'),
                }
                items[at].1.text = words2.join(" ");
                items[at].1.footnotes.clear();
                used.push(i);
            }
            EditKind::Insert => {
                let Some(at) = find(&items, i) else { continue };
                let mut p = items[at].1.clone();
                p.text = (0..25).map(|w| format!("novel{k}x{w}")).collect::<Vec<_>>().join(" ");
                p.footnotes.clear();
                items.insert(at + 1, (Origin::New, p));
                out.inserts += 1;
                used.push(i);
            }
            EditKind::Delete => {
                let Some(at) = find(&items, i) else { continue };
                items.remove(at);
                out.dropped.insert(i);
                used.push(i);
            }
            EditKind::Move => {
                let dests: Vec<usize> = (0..n)
                    .filter(|&d| d.abs_diff(i) >= 4 && free(d, &used, &spans))
                    .filter(|&d| {
                        let (a, b) = (d.min(i), d.max(i));
                        used.iter().all(|&u| u + 2 < a || u > b + 2)
                    })
                    .collect();
                let Some(&d) = dests.get(seed2 as usize % dests.len().max(1)) else { continue };
                let (Some(from), Some(_)) = (find(&items, i), find(&items, d)) else { continue };
                let item = items.remove(from);
                let Some(to) = find(&items, d) else { continue };
                items.insert(to, item);
                out.moved.insert(i);
                used.push(i);
                spans.push((d.min(i), d.max(i)));
            }
            EditKind::Split => {
                let Some(at) = find(&items, i) else { continue };
                let words: Vec<&str> = items[at].1.text.split_whitespace().collect();
                let half = words.len() / 2;
                let (mut first, mut second) = (items[at].1.clone(), items[at].1.clone());
                first.text = words[..half].join(" ");
                second.text = words[half..].join(" ");
                first.footnotes.clear();
                second.footnotes.clear();
                items.splice(at..=at, [(Origin::Split(i), first), (Origin::Split(i), second)]);
                out.splits += 1;
                used.push(i);
                used.push(i + 1);
            }
            EditKind::Merge => {
                let (Some(at), Some(next)) = (find(&items, i), find(&items, i + 1)) else { continue };
                if next != at + 1 {
                    continue;
                }
                let mut p = items[at].1.clone();
                p.text = format!("{} {}", items[at].1.text, items[next].1.text);
                p.footnotes.clear();
                items.splice(at..=next, [(Origin::Merged(i), p)]);
                out.merges += 1;
                used.push(i);
                used.push(i + 1);
            }
        }
    }
    // Numbered afresh, each series (annex, preambular) on its own.
    let mut counters: HashMap<(Option<String>, bool), u32> = HashMap::new();
    for (_, p) in &mut items {
        let c = counters.entry((p.annex.clone(), p.preambular)).or_default();
        *c += 1;
        p.number = *c;
    }
    out.origins = items.iter().map(|(o, _)| o.clone()).collect();
    out.doc.paragraphs = items.into_iter().map(|(_, p)| p).collect();
    out
}

fn check(old: &Document, edited: &Edited, c: &Comparison) -> Result<(), TestCaseError> {
    let labels_old: Vec<String> = old.paragraphs.iter().map(Paragraph::label).collect();
    let labels_new: Vec<String> = edited.doc.paragraphs.iter().map(Paragraph::label).collect();
    prop_assert_eq!(c.counts.changed, edited.words, "changed rows: {}", c.counts.summary());
    prop_assert_eq!(c.counts.new, edited.inserts, "new rows: {}", c.counts.summary());
    prop_assert_eq!(c.counts.dropped, edited.dropped.len(), "dropped rows: {}", c.counts.summary());
    prop_assert_eq!(c.counts.split, edited.splits, "splits: {}", c.counts.summary());
    prop_assert_eq!(c.counts.merged, edited.merges, "merges: {}", c.counts.summary());
    prop_assert_eq!(c.counts.moved, edited.moved.len(), "moves: {}", c.counts.summary());
    for row in &c.rows {
        match (row.kind, row.old.as_slice(), row.new.as_slice()) {
            (Kind::New, [], [j]) => prop_assert_eq!(&edited.origins[*j], &Origin::New),
            (Kind::Dropped, [i], []) => prop_assert!(edited.dropped.contains(i), "dropped {}", labels_old[*i]),
            (Kind::Unchanged, [i], [j]) => {
                prop_assert_eq!(&edited.origins[*j], &Origin::Same(*i));
                prop_assert_eq!(row.moved, edited.moved.contains(i), "{} moved?", labels_old[*i]);
                prop_assert_eq!(row.renumbered, labels_old[*i] != labels_new[*j]);
            }
            (Kind::Changed, [i], [j]) => {
                let Origin::Word(o, was, now) = &edited.origins[*j] else {
                    return Err(TestCaseError::fail(format!("{} changed, not edited", labels_old[*i])));
                };
                prop_assert_eq!(o, i);
                let changed: Vec<DiffOp> =
                    row.diff.iter().filter(|d| !matches!(d, DiffOp::Equal(_))).cloned().collect();
                prop_assert_eq!(changed, vec![DiffOp::Delete(was.clone()), DiffOp::Insert(now.clone())]);
                prop_assert!(!row.moved);
            }
            (Kind::Split, [i], parts) => {
                prop_assert_eq!(parts.len(), 2);
                for j in parts {
                    prop_assert_eq!(&edited.origins[*j], &Origin::Split(*i));
                }
            }
            (Kind::Merged, [i, i2], [j]) => {
                prop_assert_eq!(&edited.origins[*j], &Origin::Merged(*i));
                prop_assert_eq!(*i2, i + 1);
            }
            (kind, o, n) => return Err(TestCaseError::fail(format!("unexpected row {kind:?} {o:?} {n:?}"))),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Real texts, random known edits: the alignment reports exactly those
    /// edits (and nothing else moved, changed, came or went).
    #[test]
    fn random_edits_of_real_texts_come_back_exactly(
        which in 0..4usize,
        edits in proptest::collection::vec((edit_kind(), any::<u32>(), any::<u32>()), 1..7),
    ) {
        let old = &texts()[which];
        let edited = edit(old, &edits);
        let c = compare(old, &edited.doc, &loose(), catalogue());
        check(old, &edited, &c)?;
        // Every paragraph of both texts is in exactly one row.
        let mut olds: Vec<usize> = c.rows.iter().flat_map(|r| r.old.iter().copied()).collect();
        let mut news: Vec<usize> = c.rows.iter().flat_map(|r| r.new.iter().copied()).collect();
        olds.sort_unstable();
        news.sort_unstable();
        prop_assert_eq!(olds, (0..old.paragraphs.len()).collect::<Vec<_>>());
        prop_assert_eq!(news, (0..edited.doc.paragraphs.len()).collect::<Vec<_>>());
    }
}

#[test]
fn case_and_punctuation_count_unless_ignored() {
    let old = document::WSIS10.document();
    let mut new = old.clone();
    let p = &mut new.paragraphs[5];
    p.text = p.text.replacen("the", "The", 1);
    let q = &mut new.paragraphs[9];
    q.text = q.text.replacen(',', "", 1);
    let strict = compare(&old, &new, &Options::default(), catalogue());
    assert_eq!(strict.counts.changed, 2, "{}", strict.counts.summary());
    let row = strict.rows.iter().find(|r| r.new == [5]).expect("row of PP6");
    assert!(row.diff.iter().any(|d| matches!(d, DiffOp::Insert(w) if w.starts_with("The"))), "{:?}", row.diff);
    let ignoring = compare(&old, &new, &loose(), catalogue());
    assert_eq!(ignoring.counts.changed, 0, "{}", ignoring.counts.summary());
    assert_eq!(ignoring.counts.unchanged, old.paragraphs.len());
}

#[test]
fn footnotes_are_left_out_unless_kept() {
    // WSIS+20 paragraphs with footnotes: renumber the notes.
    let old = document::WSIS20.document();
    let mut new = old.clone();
    let with_notes = new.paragraphs.iter().filter(|p| !p.footnotes.is_empty()).count();
    assert!(with_notes > 0);
    for p in &mut new.paragraphs {
        for f in &mut p.footnotes {
            f.number += 100;
        }
    }
    let default = compare(&old, &new, &Options::default(), catalogue());
    assert_eq!(default.counts.changed, 0, "{}", default.counts.summary());
    let kept = compare(&old, &new, &Options { ignore_notes: false, ..Options::default() }, catalogue());
    assert_eq!(kept.counts.changed, with_notes, "{}", kept.counts.summary());
}

#[test]
fn a_text_compared_with_itself_is_unchanged_and_an_empty_one_all_new() {
    let doc = document::WSIS20.document();
    let same = compare(&doc, &doc, &Options::default(), catalogue());
    assert_eq!(same.counts.unchanged, doc.paragraphs.len());
    assert!(same.rows.iter().all(|r| !r.is_change()));
    assert!(same.references.is_empty());
    let empty = document::parse("empty", "empty", "");
    let from_nothing = compare(&empty, &doc, &Options::default(), catalogue());
    assert_eq!(from_nothing.counts.new, doc.paragraphs.len());
    let to_nothing = compare(&doc, &empty, &Options::default(), catalogue());
    assert_eq!(to_nothing.counts.dropped, doc.paragraphs.len());
    assert!(!to_nothing.references.dropped.is_empty());
}

/// A hand-made pair in the UN layout: a reworded clause that turns
/// "encourages" into "requests" and cites a new resolution.
#[test]
fn references_and_clause_roles_per_row_and_for_the_whole_text() {
    let old = document::parse(
        "old",
        "old",
        "The General Assembly,\nRecalling its resolution 69/166 of 18 December 2014,\n1. Encourages the Commission on Science and Technology for Development to continue its work on the digital divide between and within countries;\n2. Decides to remain seized of the matter.\n",
    );
    let new = document::parse(
        "new",
        "new",
        "The General Assembly,\nRecalling its resolution 79/1 of 22 September 2024,\n1. Requests the Commission on Science and Technology for Development to continue its work on the digital divide between and within countries;\n2. Decides to remain seized of the matter.\n",
    );
    let c = compare(&old, &new, &Options::default(), catalogue());
    assert_eq!(c.references.describe(), "adds 79/1; drops 69/166");
    let row = c.rows.iter().find(|r| r.old == [1]).expect("the row of ¶1");
    assert_eq!(row.kind, Kind::Changed);
    assert_eq!(row.role_change, Some(("encourages".to_owned(), "requests".to_owned())));
    let pp = c.rows.iter().find(|r| r.old == [0]).expect("the row of PP1");
    assert_eq!(pp.references.describe(), "adds 79/1; drops 69/166");
}

/// Consecutive years of real resolutions: the opening clauses carried over
/// come out unchanged or lightly changed, never as new + dropped.
#[test]
fn real_series_keep_their_carried_over_clauses() {
    for (a, b) in [
        ("A-RES-72-200.txt", "A-RES-74-197.txt"),
        ("A-RES-74-197.txt", "A-RES-75-202.txt"),
        ("A-RES-75-202.txt", "A-RES-76-189.txt"),
        ("A-RES-76-189.txt", "A-RES-78-132.txt"),
        ("A-RES-73-179.txt", "A-RES-75-176.txt"),
        ("A-RES-73-266.txt", "A-RES-74-28.txt"),
        ("A-RES-74-28.txt", "A-RES-75-32.txt"),
    ] {
        let (old, new) = (corpus(a), corpus(b));
        let c = compare(&old, &new, &Options::default(), catalogue());
        // The first preambular paragraphs of the new text each have a counterpart.
        let opening: Vec<_> = c
            .rows
            .iter()
            .filter(|r| r.new.iter().any(|&j| j < 3 && new.paragraphs[j].preambular))
            .map(|r| r.kind)
            .collect();
        assert!(!opening.is_empty(), "{a} → {b}: no opening rows");
        for kind in &opening {
            assert!(
                matches!(kind, Kind::Unchanged | Kind::Changed | Kind::Split | Kind::Merged),
                "{a} → {b}: an opening clause came out {kind:?}"
            );
        }
        // Most of the old text is carried over, not dropped.
        let carried = c.counts.unchanged + c.counts.changed + c.counts.split + c.counts.merged;
        assert!(carried * 2 > old.paragraphs.len(), "{a} → {b}: {}", c.counts.summary());
        assert!(c.counts.dropped * 4 < old.paragraphs.len(), "{a} → {b}: {}", c.counts.summary());
    }
}

#[test]
fn wsis10_to_wsis20_finds_carried_over_clauses_and_reference_changes() {
    let c = compare(&document::WSIS10.document(), &document::WSIS20.document(), &Options::default(), catalogue());
    assert!(c.counts.changed + c.counts.unchanged >= 10, "{}", c.counts.summary());
    assert!(!c.references.added.is_empty() && !c.references.dropped.is_empty());
    assert!(c.references.added.iter().any(|r| r == "70/125"), "WSIS+20 cites WSIS+10: {:?}", c.references.added);
    // Every change a filter names is counted.
    for change in Change::ALL {
        assert_eq!(c.rows.iter().filter(|r| change.matches(r)).count(), c.counts.of(change));
    }
}

fn atlas(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_wsis-atlas")).args(args).output().expect("the binary runs")
}

#[test]
fn the_compare_command_writes_four_formats() {
    let dir = tempfile::tempdir().expect("temp dir");
    for format in ["html", "md", "csv", "json"] {
        let out = dir.path().join(format!("c.{format}"));
        let o = atlas(&[
            "compare",
            "bundled:wsis10",
            "bundled:wsis20",
            "--format",
            format,
            "--out",
            out.to_str().unwrap_or(""),
        ]);
        assert!(o.status.success(), "{format}: {}", String::from_utf8_lossy(&o.stderr));
        let text = std::fs::read_to_string(&out).expect("written");
        match format {
            "html" => {
                assert!(text.starts_with("<!DOCTYPE html>") && text.contains("<del>") && text.contains("<ins>"));
                assert!(!text.contains("src=") && !text.contains("href="), "no external files");
                assert!(text.contains("[-") && text.contains("{+"), "marks that print");
            }
            "md" => assert!(text.starts_with("# WSIS+10 → WSIS+20") && text.contains("~~[-")),
            "csv" => {
                let mut r = csv::Reader::from_reader(text.as_bytes());
                let header: Vec<String> = r.headers().expect("header").iter().map(str::to_owned).collect();
                assert_eq!(header, wsis_atlas::compare::render::CSV_HEADER);
                assert!(r.records().count() > 150);
            }
            _ => {
                let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
                assert!(v["rows"].as_array().is_some_and(|r| r.len() > 150));
                assert_eq!(v["old"]["name"], "WSIS+10");
            }
        }
    }
    // An existing file is kept without --force; an unreadable input is a clear error.
    let out = dir.path().join("c.html");
    let o = atlas(&["compare", "bundled:wsis10", "bundled:wsis20", "--out", out.to_str().unwrap_or("")]);
    assert!(!o.status.success());
    let o = atlas(&["compare", "bundled:wsis10", "/nonexistent/draft.txt"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("draft.txt"));
}
