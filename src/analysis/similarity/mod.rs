//! Where the same words return: paragraph pairs that say nearly the same
//! thing, found locally and fast.
//!
//! Two measures, both computed through inverted indexes so that only pairs
//! sharing rare words are ever compared (no quadratic loop):
//!
//! - **TF-IDF cosine** of the paragraphs' content words (sublinear term
//!   frequency, smoothed IDF; stop words and words found in more than
//!   [`SimilarityParams::max_df_fraction`] of the paragraphs carry no weight);
//! - **shared passage**: the best pair of sentences by overlap of their word
//!   3-shingles (shared shingles over the shorter sentence's), which catches
//!   a long paragraph that repeats one sentence of another (WSIS+10 ¶14 and
//!   ¶48: "the same rights that people have offline must also be protected
//!   online").
//!
//! A pair's score is the larger of the two.

use std::ops::Range;

mod index;
mod passages;
pub(crate) use passages::shared_count;
mod tfidf;
mod tokens;
pub use index::SimilarityIndex;
use passages::{keep_best, passage_pairs, sentence_shingles};
use tfidf::{SparseVector, best_k, cosine_pairs, dot, raw_weight, term_counts, weigh, weighed};
#[cfg(test)]
use tokens::tokens;
use tokens::{Interner, STOP_WORDS, Token, for_each_word, stem, tokenize};

/// Thresholds of [`similar_pairs`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimilarityParams {
    /// Smallest TF-IDF cosine that links two paragraphs.
    pub min_cosine: f32,
    /// Smallest shared-passage overlap (0..=1) that links two paragraphs.
    pub min_passage: f32,
    /// Fewest shared 3-shingles for a shared passage (about that many words + 2).
    pub min_passage_shingles: usize,
    /// Words in more than this fraction of the paragraphs (and shingles in
    /// more than this fraction of the sentences) are ignored; at least 5
    /// occurrences are always allowed.
    pub max_df_fraction: f32,
    /// Longest posting list that candidate generation walks: a word in more
    /// texts than this (or a shingle in more sentences) still counts in the
    /// scores of the pairs found, but finds no pair by itself. This keeps
    /// candidate generation linear in the number of texts (each text meets
    /// at most this many others per word); pairs alike only through such
    /// words can be missed ([`SimilarityParams::exhaustive`] finds them).
    pub max_posting: usize,
    /// Most pairs kept per text with the texts before it: its best, by
    /// score (then the earlier text). Bounds the pairs at `best_k` per text
    /// however many near-copies a collection holds.
    pub best_k: usize,
}

impl Default for SimilarityParams {
    /// The thresholds used for `similar` edges, checked by eye on WSIS+10.
    fn default() -> Self {
        SimilarityParams {
            min_cosine: 0.5,
            min_passage: 0.7,
            min_passage_shingles: 8,
            max_df_fraction: 0.1,
            max_posting: 1_000,
            best_k: 10,
        }
    }
}

impl SimilarityParams {
    /// The same thresholds with no bound on posting lists or pairs per text:
    /// every pair above the thresholds, whatever it costs (the reference the
    /// bounded search is measured against).
    #[must_use]
    pub fn exhaustive(self) -> Self {
        SimilarityParams { max_posting: usize::MAX, best_k: usize::MAX, ..self }
    }
}

/// Two texts found similar.
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarPair {
    /// Index of the first text (`a < b`).
    pub a: usize,
    /// Index of the second text.
    pub b: usize,
    /// `max(cosine, passage overlap)`, in 0..=1.
    pub score: f32,
    /// TF-IDF cosine.
    pub cosine: f32,
    /// The best shared passage, if one passed the thresholds.
    pub passage: Option<Passage>,
}

/// A sentence of each text that the other repeats.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Byte range of the sentence in text `a`.
    pub in_a: Range<usize>,
    /// Byte range of the sentence in text `b`.
    pub in_b: Range<usize>,
    /// Shared shingles over the shorter sentence's shingles.
    pub overlap: f32,
}

/// The hash map of this module: `rustc-hash`'s Fx hasher. The keys are
/// words, term pairs and shingle hashes of local text, where SipHash's flood
/// resistance buys nothing and costs about a fifth of the run.
pub(super) type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// The occurrence cap for a collection of `n` items.
pub(super) fn df_cap(n: usize, fraction: f32) -> usize {
    // Truncation is intended: a cap is a count.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
    let by_fraction = (n as f32 * fraction).ceil() as usize;
    by_fraction.max(5)
}

/// Sparse accumulator over `n` slots: add, then drain the touched ones.
pub(super) struct Accumulator<T> {
    values: Vec<T>,
    touched: Vec<u32>,
}

impl<T: Copy + Default + PartialEq + std::ops::AddAssign> Accumulator<T> {
    pub(super) fn new(n: usize) -> Self {
        Accumulator { values: vec![T::default(); n], touched: Vec::new() }
    }

    pub(super) fn add(&mut self, slot: u32, value: T) {
        if let Some(v) = self.values.get_mut(slot as usize) {
            if *v == T::default() {
                self.touched.push(slot);
            }
            *v += value;
        }
    }

    /// Calls `f` with every touched slot and its total, in the order first
    /// touched, and resets them.
    pub(super) fn drain_each(&mut self, mut f: impl FnMut(u32, T)) {
        for slot in self.touched.drain(..) {
            if let Some(v) = self.values.get_mut(slot as usize) {
                f(slot, std::mem::take(v));
            }
        }
    }
}

/// Every pair of texts that say nearly the same thing (at most
/// [`SimilarityParams::best_k`] per text with the texts before it), sorted
/// by (a, b).
///
/// # Complexity
///
/// Candidate pairs come only through posting lists of at most
/// [`SimilarityParams::max_posting`] texts (and of words in at most
/// `max_df_fraction` of them): linear in the number of texts for a bounded
/// `max_posting`, never a loop over all pairs.
#[must_use]
pub fn similar_pairs(texts: &[&str], params: &SimilarityParams) -> Vec<SimilarPair> {
    let tokenized = tokenize(texts);
    let (cosines, vectors) = cosine_pairs(&tokenized, params);
    let passages = passage_pairs(texts, &tokenized, params);
    let mut keys: Vec<(u32, u32)> = cosines.keys().chain(passages.keys()).copied().collect();
    keys.sort_unstable();
    keys.dedup();
    let pairs = keys
        .into_iter()
        .map(|key| {
            let cosine = cosines.get(&key).copied().unwrap_or_else(|| {
                let v = |i: u32| vectors.get(i as usize).map_or(&[][..], Vec::as_slice);
                dot(v(key.0), v(key.1)).min(1.0)
            });
            let passage = passages.get(&key).cloned();
            let score = passage.as_ref().map_or(cosine, |p| p.overlap.max(cosine));
            SimilarPair { a: key.0 as usize, b: key.1 as usize, score, cosine, passage }
        })
        .collect();
    best_per_text(pairs, params.best_k)
}

/// The order in which a text's pairs with earlier texts are kept: the
/// higher score first, then the earlier text.
pub(super) fn rank(score: f32, a: u32) -> (std::cmp::Reverse<u32>, u32) {
    (std::cmp::Reverse(score.to_bits()), a)
}

/// Of pairs sorted by (a, b), the best `k` of each later text `b`
/// ([`rank`]), still sorted by (a, b).
pub(super) fn best_per_text(pairs: Vec<SimilarPair>, k: usize) -> Vec<SimilarPair> {
    if k == usize::MAX {
        return pairs;
    }
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    let key = |i: &usize| pairs.get(*i).map(|p| (p.b, rank(p.score, u32::try_from(p.a).unwrap_or(u32::MAX))));
    order.sort_unstable_by_key(key);
    let mut keep = vec![false; pairs.len()];
    let mut current = (usize::MAX, 0);
    for i in order {
        let Some(p) = pairs.get(i) else { continue };
        if current.0 != p.b {
            current = (p.b, 0);
        }
        if current.1 < k {
            current.1 += 1;
            if let Some(slot) = keep.get_mut(i) {
                *slot = true;
            }
        }
    }
    pairs.into_iter().zip(keep).filter(|(_, keep)| *keep).map(|(p, _)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::passages::{shared_count, shingles};
    use super::tokens::sentences;
    use super::*;

    #[test]
    fn repeated_sentence_in_a_long_paragraph_is_a_shared_passage() {
        let a = "We moreover reaffirm that the same rights that people have offline must also be protected online. \
                 We emphasise that progress towards the vision should be measured by many things, economic and social.";
        let b = "We moreover reaffirm, as an essential foundation, and as recognized in resolution 26/13, that the \
                 same rights that people have offline must also be protected online.";
        let c = "Building confidence and security in the use of ICTs should also be a priority for everyone.";
        let pairs = similar_pairs(&[a, b, c], &SimilarityParams::default());
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        let p = &pairs[0];
        assert_eq!((p.a, p.b), (0, 1));
        let passage = p.passage.as_ref().expect("a shared passage");
        assert!(a.get(passage.in_a.clone()).is_some_and(|s| s.starts_with("We moreover reaffirm that")));
        assert_eq!(b.get(passage.in_b.clone()), Some(b));
    }

    #[test]
    fn unrelated_texts_are_not_linked() {
        let texts = ["Cats sleep all day in the sun.", "Stock markets fell sharply on Monday morning.", ""];
        assert!(similar_pairs(&texts, &SimilarityParams::default()).is_empty());
        assert!(similar_pairs(&[], &SimilarityParams::default()).is_empty());
    }

    #[test]
    fn near_identical_paragraphs_have_a_high_cosine() {
        let a = "Data collection and statistical capacity building for measuring the information society.";
        let b = "Statistical capacity building and data collection for measuring the information society!";
        let pairs = similar_pairs(&[a, b], &SimilarityParams::default());
        assert_eq!(pairs.len(), 1);
        assert!(pairs[0].cosine > 0.99, "{pairs:?}");
    }

    /// Texts that share sentences and words in many combinations.
    fn mixed_corpus() -> Vec<String> {
        let pool = [
            "The activities of the Partnership on Measuring ICT for Development have made a valuable contribution.",
            "We moreover reaffirm that the same rights that people have offline must also be protected online.",
            "We call for immediate measures to achieve gender equality in internet users by 2020.",
            "Building confidence and security in the use of ICTs should also be a priority for all.",
            "We recognize the critical importance of expanding the participation of all countries in the economy.",
            "Cats sleep all day in the warm sun of the garden while the dogs bark.",
            "Financing mechanisms for broadband infrastructure remain scarce in many rural regions of the world.",
        ];
        let mut state: u64 = 7;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(state >> 33).unwrap_or(0) % n
        };
        (0..120)
            .map(|_| {
                let mut words = Vec::new();
                for _ in 0..1 + next(3) {
                    for w in pool[next(pool.len())].split_whitespace() {
                        if next(6) == 0 { words.push(format!("x{}", next(40))) } else { words.push(w.to_owned()) }
                    }
                }
                words.join(" ")
            })
            .collect()
    }

    #[test]
    fn filtered_candidates_find_every_pair_a_full_comparison_finds() {
        let corpus = mixed_corpus();
        let texts: Vec<&str> = corpus.iter().map(String::as_str).collect();
        let params = SimilarityParams {
            min_cosine: 0.3,
            min_passage: 0.5,
            min_passage_shingles: 4,
            max_df_fraction: 1.0,
            ..SimilarityParams::default()
        }
        .exhaustive();
        let pairs = similar_pairs(&texts, &params);
        assert!(pairs.len() > 100, "a corpus with many repeats: {}", pairs.len());

        // Cosines: every pair, by the exact product of the same vectors.
        let tokenized = tokenize(&texts);
        let (cosines, vectors) = cosine_pairs(&tokenized, &params);
        let mut full = 0;
        for a in 0..vectors.len() {
            for b in a + 1..vectors.len() {
                let c = dot(&vectors[a], &vectors[b]);
                if c >= params.min_cosine {
                    full += 1;
                    let key = (u32::try_from(a).unwrap_or(0), u32::try_from(b).unwrap_or(0));
                    assert!(cosines.get(&key).is_some_and(|f| (f - c.min(1.0)).abs() < 1e-5), "{a} {b} {c}");
                }
            }
        }
        assert_eq!(cosines.len(), full);

        // Passages: every pair of sentences of different texts, compared in full.
        let passages = passage_pairs(&texts, &tokenized, &params);
        let mut interner = Interner::default();
        let mut all: Vec<(usize, Vec<u64>)> = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            let toks = tokens(t);
            for r in sentences(t) {
                let ids: Vec<u32> = toks
                    .iter()
                    .filter(|(w, _)| w.start >= r.start && w.end <= r.end)
                    .map(|(_, w)| interner.id(stem(w)))
                    .collect();
                let sh = shingles(&ids);
                if sh.len() >= params.min_passage_shingles {
                    all.push((i, sh));
                }
            }
        }
        let mut brute = std::collections::BTreeSet::new();
        for (x, (ta, sa)) in all.iter().enumerate() {
            for (tb, sb) in all.iter().skip(x + 1) {
                let shared = shared_count(sa, sb);
                #[allow(clippy::cast_precision_loss)]
                let overlap = shared as f32 / sa.len().min(sb.len()) as f32;
                if ta != tb && shared >= params.min_passage_shingles && overlap >= params.min_passage {
                    brute.insert(((*ta).min(*tb), (*ta).max(*tb)));
                }
            }
        }
        let found: std::collections::BTreeSet<(usize, usize)> =
            passages.keys().map(|&(a, b)| (a as usize, b as usize)).collect();
        assert!(!found.is_empty());
        assert_eq!(found, brute);
        for p in &pairs {
            assert!(p.score >= p.cosine && (p.cosine >= params.min_cosine || p.passage.is_some()));
        }
    }

    /// The pairs of `similar_pairs` over `texts` that have a text at or after `from`.
    fn pairs_from(texts: &[&str], from: usize, params: &SimilarityParams) -> Vec<SimilarPair> {
        similar_pairs(texts, params).into_iter().filter(|p| p.b >= from).collect()
    }

    #[test]
    fn texts_added_to_an_index_find_the_pairs_of_one_pass_over_all() {
        let corpus = mixed_corpus();
        let texts: Vec<&str> = corpus.iter().map(String::as_str).collect();
        for params in [
            SimilarityParams::default(),
            SimilarityParams {
                min_cosine: 0.3,
                min_passage: 0.5,
                min_passage_shingles: 4,
                max_df_fraction: 1.0,
                ..SimilarityParams::default()
            }
            .exhaustive(),
        ] {
            let mut index = SimilarityIndex::new(params);
            assert_eq!(index.add(&texts[..80]), 0..80);
            let added = index.add(&texts[80..]);
            assert_eq!(added, 80..120);
            let expected = pairs_from(&texts, 80, &params);
            assert!(expected.len() > 5, "{}", expected.len());
            assert_eq!(index.pairs_with(added), expected);
        }
    }

    #[test]
    fn texts_removed_from_an_index_are_as_never_added() {
        let corpus = mixed_corpus();
        let texts: Vec<&str> = corpus.iter().map(String::as_str).collect();
        let params = SimilarityParams::default();
        let mut index = SimilarityIndex::new(params);
        let _ = index.add(&texts[..100]);
        index.remove(&(10..30).collect::<Vec<u32>>());
        let added = index.add(&texts[100..]);
        assert_eq!(index.len(), 100);
        // The same texts without 10..30, in one pass: ids shift by 20 past 30.
        let kept: Vec<&str> =
            texts.iter().enumerate().filter(|(i, _)| !(10..30).contains(i)).map(|(_, t)| *t).collect();
        let shift = |i: usize| if i >= 10 { i + 20 } else { i };
        let expected: Vec<SimilarPair> = pairs_from(&kept, 80, &params)
            .into_iter()
            .map(|p| SimilarPair { a: shift(p.a), b: shift(p.b), ..p })
            .collect();
        assert_eq!(index.pairs_with(added), expected);
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn sentences_split_on_stops() {
        let t = "One two. Three; four? ";
        let s: Vec<&str> = sentences(t).into_iter().filter_map(|r| t.get(r)).collect();
        assert_eq!(s, ["One two.", "Three;", "four?"]);
    }

    /// The pairs found with the default thresholds on a small corpus, as
    /// (a, b, shared passage): behaviour, not digits (the brute-force test
    /// above checks the scores). A change of thresholds or weights that
    /// finds other pairs shows here.
    #[test]
    fn pairs_of_a_small_corpus_are_pinned() {
        let corpus = mixed_corpus();
        let texts: Vec<&str> = corpus.iter().take(40).map(String::as_str).collect();
        let params = SimilarityParams::default();
        let pairs = similar_pairs(&texts, &params);
        let found: Vec<(usize, usize, bool)> = pairs.iter().map(|p| (p.a, p.b, p.passage.is_some())).collect();
        let expected = [
            (2, 16, false),
            (3, 16, true),
            (3, 21, false),
            (6, 7, false),
            (6, 10, false),
            (8, 35, false),
            (9, 39, true),
            (12, 39, false),
            (15, 22, false),
            (15, 24, false),
            (18, 37, false),
            (19, 32, true),
            (21, 28, false),
            (26, 30, false),
            (26, 32, false),
            (31, 36, false),
        ];
        assert_eq!(found, expected);
        for p in &pairs {
            assert!(p.score >= params.min_cosine.min(params.min_passage) && p.score <= 1.0, "{p:?}");
        }
    }
}
