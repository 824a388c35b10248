//! Shared passages: sentences' word 3-shingles, and the best pair of
//! sentences of every pair of texts by shingle overlap, found by prefix
//! filtering over an inverted index of the rarest shingles.

use std::ops::Range;

use rayon::prelude::*;

use super::tokens::{Token, Tokenized, sentences};
use super::{Accumulator, FastMap, Passage, SimilarityParams, df_cap};

/// A sentence's 3-shingles, hashed, sorted and without duplicates.
pub(super) fn shingles(ids: &[u32]) -> Vec<u64> {
    let mut out: Vec<u64> = ids
        .windows(3)
        .map(|w| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for &id in w {
                h ^= u64::from(id);
                h = h.wrapping_mul(0x0100_0000_01b3).rotate_left(17);
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The sentences of a text that can be a shared passage (at least
/// `min_passage_shingles` shingles), with their shingles.
pub(super) fn sentence_shingles(
    text: &str,
    tokens: &[Token],
    params: &SimilarityParams,
) -> Vec<(Range<usize>, Vec<u64>)> {
    let mut out = Vec::new();
    let mut k = 0;
    for range in sentences(text) {
        let mut ids = Vec::new();
        while let Some(w) = tokens.get(k) {
            if w.range.start >= range.end {
                break;
            }
            if w.range.start >= range.start {
                ids.push(w.id);
            }
            k += 1;
        }
        let shingles = shingles(&ids);
        if shingles.len() >= params.min_passage_shingles {
            out.push((range, shingles));
        }
    }
    out
}

/// The best shared passage of every pair of texts above the thresholds.
///
/// Prefix filtering: a sentence that shares at least `k` of its `m`
/// indexed shingles with a longer one shares one of its `m - k + 1` rarest;
/// only those are looked up, then candidates are counted exactly.
pub(super) fn passage_pairs(
    texts: &[&str],
    tokenized: &Tokenized,
    params: &SimilarityParams,
) -> FastMap<(u32, u32), Passage> {
    struct Sentence {
        text: u32,
        range: Range<usize>,
        /// Shingles that are indexed (not too common), sorted by hash.
        shingles: Vec<u64>,
        /// Number of shingles before the commonest were set aside.
        total: usize,
        /// The rarest shingles to probe with.
        prefix: Vec<u64>,
    }
    let per_text: Vec<Vec<Sentence>> = texts
        .par_iter()
        .zip(&tokenized.texts)
        .enumerate()
        .map(|(i, (t, toks))| {
            let Ok(text) = u32::try_from(i) else { return Vec::new() };
            sentence_shingles(t, toks, params)
                .into_iter()
                .map(|(range, shingles)| {
                    let total = shingles.len();
                    Sentence { text, range, shingles, total, prefix: Vec::new() }
                })
                .collect()
        })
        .collect();
    let mut all: Vec<Sentence> = per_text.into_iter().flatten().collect();
    // The inverted index, from one sorted list of (shingle, sentence) rather
    // than a growing list per distinct shingle (most occur once and go).
    let mut occurrences: Vec<(u64, u32)> = all
        .iter()
        .enumerate()
        .filter_map(|(s, sentence)| Some((u32::try_from(s).ok()?, sentence)))
        .flat_map(|(s, sentence)| sentence.shingles.iter().map(move |&h| (h, s)))
        .collect();
    occurrences.par_sort_unstable();
    let cap = df_cap(all.len(), params.max_df_fraction);
    // Sentence ids of each kept shingle, ascending, as ranges of `listed`.
    let mut postings: FastMap<u64, Range<usize>> = FastMap::default();
    let mut listed: Vec<u32> = Vec::new();
    // Per sentence: (document frequency, shingle) of its kept shingles, by shingle.
    let mut kept: Vec<Vec<(usize, u64)>> = (0..all.len()).map(|_| Vec::new()).collect();
    for group in occurrences.chunk_by(|x, y| x.0 == y.0) {
        let Some(&(h, _)) = group.first() else { continue };
        if group.len() < 2 || group.len() > cap {
            continue;
        }
        // A shingle in more than `max_posting` sentences counts in the
        // overlaps but finds no pair by itself (it has no posting list).
        let listed_here = group.len() <= params.max_posting;
        let start = listed.len();
        for &(_, s) in group {
            if listed_here {
                listed.push(s);
            }
            if let Some(k) = kept.get_mut(s as usize) {
                k.push((group.len(), h));
            }
        }
        if listed_here {
            postings.insert(h, start..listed.len());
        }
    }
    drop(occurrences);
    all.par_iter_mut().zip(kept).for_each(|(sentence, mut kept)| {
        sentence.shingles = kept.iter().map(|&(_, h)| h).collect();
        let needed = required_overlap(sentence.total, params);
        let probe = (sentence.shingles.len() + 1).saturating_sub(needed);
        kept.sort_unstable();
        sentence.prefix =
            kept.into_iter().take(probe).filter(|&(df, _)| df <= params.max_posting).map(|(_, h)| h).collect();
    });
    let posting = |h: &u64| postings.get(h).and_then(|r| listed.get(r.clone())).unwrap_or(&[]);
    let found: Vec<((u32, u32), Passage)> = (0..all.len())
        .into_par_iter()
        .map_init(
            || Accumulator::<u32>::new(all.len()),
            |acc, s| {
                let Some(sentence) = all.get(s) else { return Vec::new() };
                let Ok(s32) = u32::try_from(s) else { return Vec::new() };
                // Each pair is probed from its shorter sentence (ties: the earlier).
                let key = |t: u32| all.get(t as usize).map(|o| (o.total, t));
                for h in &sentence.prefix {
                    for &t in posting(h) {
                        if key(t) > Some((sentence.total, s32)) {
                            acc.add(t, 1);
                        }
                    }
                }
                let mut out = Vec::new();
                acc.drain_each(|t, _| {
                    let Some(other) = all.get(t as usize) else { return };
                    if other.text == sentence.text {
                        return;
                    }
                    let shared = shared_count(&sentence.shingles, &other.shingles);
                    let shorter = sentence.total.min(other.total).max(1);
                    #[allow(clippy::cast_precision_loss)]
                    let overlap = shared as f32 / shorter as f32;
                    if shared < params.min_passage_shingles || overlap < params.min_passage {
                        return;
                    }
                    let (first, second) =
                        if sentence.text < other.text { (sentence, other) } else { (other, sentence) };
                    let passage =
                        Passage { in_a: first.range.clone(), in_b: second.range.clone(), overlap: overlap.min(1.0) };
                    out.push(((first.text, second.text), passage));
                });
                out
            },
        )
        .flatten()
        .collect();
    let mut out: FastMap<(u32, u32), Passage> = FastMap::default();
    for (key, passage) in found {
        keep_best(&mut out, key, passage);
    }
    out
}

/// Shared shingles a sentence of `total` shingles needs with a longer one.
pub(super) fn required_overlap(total: usize, params: &SimilarityParams) -> usize {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
    let by_fraction = (total as f32 * params.min_passage).ceil() as usize;
    by_fraction.max(params.min_passage_shingles).max(1)
}

/// Common elements of two sorted lists.
pub(crate) fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Keeps the best passage of a pair of texts: the larger overlap, then the
/// earlier sentence of the first text.
pub(super) fn keep_best(best: &mut FastMap<(u32, u32), Passage>, key: (u32, u32), passage: Passage) {
    let rank = |p: &Passage| (p.overlap, std::cmp::Reverse(p.in_a.start));
    if best.get(&key).is_none_or(|b| rank(b) < rank(&passage)) {
        best.insert(key, passage);
    }
}
