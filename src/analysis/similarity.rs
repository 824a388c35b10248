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

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;

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
}

impl Default for SimilarityParams {
    /// The thresholds used for `similar` edges, checked by eye on WSIS+10.
    fn default() -> Self {
        SimilarityParams { min_cosine: 0.5, min_passage: 0.7, min_passage_shingles: 8, max_df_fraction: 0.1 }
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

const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "both",
    "but",
    "by",
    "can",
    "could",
    "do",
    "each",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "how",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "may",
    "more",
    "moreover",
    "most",
    "must",
    "no",
    "not",
    "of",
    "on",
    "or",
    "other",
    "our",
    "over",
    "shall",
    "should",
    "so",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "under",
    "upon",
    "us",
    "was",
    "we",
    "well",
    "were",
    "which",
    "while",
    "who",
    "will",
    "with",
    "within",
    "would",
];

/// Lower-case alphanumeric words of a text with their byte ranges.
fn tokens(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                if let Some(w) = text.get(s..i) {
                    out.push((s..i, w.to_lowercase()));
                }
            }
            _ => {}
        }
    }
    out
}

/// A crude plural fold so that `rights` meets `right`.
fn stem(word: &str) -> &str {
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word.get(..word.len() - 1).unwrap_or(word)
    } else {
        word
    }
}

/// Sentence byte ranges: ends at `.`, `!`, `?` or `;` followed by whitespace, or the end.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        if matches!(c, '.' | '!' | '?' | ';') && next_is_space {
            let end = i + c.len_utf8();
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(s) = text.get(range.clone()) else { return };
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// (term id, weight) pairs sorted by term id.
type SparseVector = Vec<(u32, f32)>;

/// A word of a text: where it is, its (plural-folded) id, and whether it
/// carries meaning (not a stop word, at least two characters).
struct Token {
    range: Range<usize>,
    id: u32,
    content: bool,
}

/// Every text's words, with one shared vocabulary.
struct Tokenized {
    texts: Vec<Vec<Token>>,
    vocabulary: usize,
}

fn tokenize(texts: &[&str]) -> Tokenized {
    let mut interner = Interner::default();
    let texts = texts
        .iter()
        .map(|t| {
            tokens(t)
                .into_iter()
                .map(|(range, w)| {
                    let content = w.chars().count() >= 2 && STOP_WORDS.binary_search(&w.as_str()).is_err();
                    Token { range, id: interner.id(stem(&w)), content }
                })
                .collect()
        })
        .collect();
    Tokenized { texts, vocabulary: interner.0.len() }
}

/// Interns strings as dense ids.
#[derive(Default)]
struct Interner(HashMap<String, u32>);

impl Interner {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.0.get(word) {
            return id;
        }
        let id = u32::try_from(self.0.len()).unwrap_or(u32::MAX);
        self.0.insert(word.to_owned(), id);
        id
    }
}

/// The occurrence cap for a collection of `n` items.
fn df_cap(n: usize, fraction: f32) -> usize {
    // Truncation is intended: a cap is a count.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
    let by_fraction = (n as f32 * fraction).ceil() as usize;
    by_fraction.max(5)
}

/// Sparse accumulator over `n` slots: add, then drain the touched ones.
struct Accumulator<T> {
    values: Vec<T>,
    touched: Vec<u32>,
}

impl<T: Copy + Default + PartialEq + std::ops::AddAssign> Accumulator<T> {
    fn new(n: usize) -> Self {
        Accumulator { values: vec![T::default(); n], touched: Vec::new() }
    }

    fn add(&mut self, slot: u32, value: T) {
        if let Some(v) = self.values.get_mut(slot as usize) {
            if *v == T::default() {
                self.touched.push(slot);
            }
            *v += value;
        }
    }

    fn drain(&mut self) -> Vec<(u32, T)> {
        let mut out = Vec::with_capacity(self.touched.len());
        for slot in self.touched.drain(..) {
            if let Some(v) = self.values.get_mut(slot as usize) {
                out.push((slot, std::mem::take(v)));
            }
        }
        out
    }
}

/// TF-IDF cosine of every pair of texts above `min_cosine`, as ((a, b), cosine) with a < b;
/// and every text's normalised vector (sorted by term).
///
/// Candidate pairs come from an inverted index of each vector's
/// *signature*: its terms minus the most common ones whose weights have a
/// norm below `min_cosine` (by Cauchy–Schwarz, two vectors whose cosine
/// reaches the threshold share a signature term of the first). A candidate's
/// indexed part of the dot product plus that norm bounds its cosine; only
/// candidates that can reach the threshold get the exact product.
fn cosine_pairs(tokenized: &Tokenized, params: &SimilarityParams) -> (HashMap<(u32, u32), f32>, Vec<SparseVector>) {
    let docs: Vec<Vec<(u32, f32)>> = tokenized
        .texts
        .iter()
        .map(|t| {
            let mut ids: Vec<u32> = t.iter().filter(|w| w.content).map(|w| w.id).collect();
            ids.sort_unstable();
            let mut v: Vec<(u32, f32)> = Vec::new();
            for id in ids {
                match v.last_mut() {
                    Some((last, count)) if *last == id => *count += 1.0,
                    _ => v.push((id, 1.0)),
                }
            }
            v
        })
        .collect();
    let texts = &tokenized.texts;
    let mut df = vec![0_u32; tokenized.vocabulary];
    for d in &docs {
        for &(t, _) in d {
            if let Some(c) = df.get_mut(t as usize) {
                *c += 1;
            }
        }
    }
    let cap = df_cap(texts.len(), params.max_df_fraction);
    #[allow(clippy::cast_precision_loss)]
    let n = texts.len() as f32;
    let df_of = |t: u32| df.get(t as usize).copied().unwrap_or(0);
    let vectors: Vec<SparseVector> = docs
        .iter()
        .map(|d| {
            let weights: Vec<(u32, f32)> = d
                .iter()
                .filter(|&&(t, _)| df_of(t) > 0 && df_of(t) as usize <= cap)
                .map(|&(t, tf)| {
                    #[allow(clippy::cast_precision_loss)]
                    let idf = ((1.0 + n) / (1.0 + df_of(t) as f32)).ln() + 1.0;
                    (t, (1.0 + tf.ln()) * idf)
                })
                .collect();
            let norm = weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 { weights.into_iter().map(|(t, w)| (t, w / norm)).collect() } else { Vec::new() }
        })
        .collect();
    // Signatures: each vector without its most common terms (norm < threshold).
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); df.len()];
    let mut left_out: Vec<f32> = Vec::with_capacity(vectors.len());
    for (i, v) in vectors.iter().enumerate() {
        let Ok(doc) = u32::try_from(i) else { break };
        let mut by_df: Vec<(u32, f32)> = v.clone();
        by_df.sort_unstable_by(|a, b| df_of(b.0).cmp(&df_of(a.0)).then(a.0.cmp(&b.0)));
        let mut squares = 0.0_f32;
        let mut unindexed = 0.0_f32;
        for (t, w) in by_df {
            // Terms found in this text only can meet no other text.
            if squares + w * w < params.min_cosine * params.min_cosine || df_of(t) < 2 {
                squares += w * w;
                unindexed = squares.sqrt();
            } else if let Some(p) = postings.get_mut(t as usize) {
                p.push((doc, w));
            }
        }
        left_out.push(unindexed);
    }
    let found: Vec<((u32, u32), f32)> = (0..vectors.len())
        .into_par_iter()
        .map_init(
            || Accumulator::<f32>::new(vectors.len()),
            |acc, i| {
                let Ok(b) = u32::try_from(i) else { return Vec::new() };
                let Some(vb) = vectors.get(i) else { return Vec::new() };
                for &(t, wb) in vb {
                    let Some(p) = postings.get(t as usize) else { continue };
                    let before = p.partition_point(|&(a, _)| a < b);
                    for &(a, wa) in p.iter().take(before) {
                        acc.add(a, wa * wb);
                    }
                }
                let mut out = Vec::new();
                for (a, partial) in acc.drain() {
                    let bound = partial + left_out.get(a as usize).copied().unwrap_or(1.0);
                    if bound < params.min_cosine {
                        continue;
                    }
                    let exact = dot(vectors.get(a as usize).map_or(&[][..], Vec::as_slice), vb);
                    if exact >= params.min_cosine {
                        out.push(((a, b), exact.min(1.0)));
                    }
                }
                out
            },
        )
        .flatten()
        .collect();
    (found.into_iter().collect(), vectors)
}

/// The dot product of two sparse vectors sorted by term.
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while let (Some(&(ta, wa)), Some(&(tb, wb))) = (a.get(i), b.get(j)) {
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += wa * wb;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// A sentence's 3-shingles, hashed, sorted and without duplicates.
fn shingles(ids: &[u32]) -> Vec<u64> {
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

/// The best shared passage of every pair of texts above the thresholds.
///
/// Prefix filtering: a sentence that shares at least `k` of its `m`
/// indexed shingles with a longer one shares one of its `m - k + 1` rarest;
/// only those are looked up, then candidates are counted exactly.
fn passage_pairs(texts: &[&str], tokenized: &Tokenized, params: &SimilarityParams) -> HashMap<(u32, u32), Passage> {
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
    let mut all: Vec<Sentence> = Vec::new();
    for (i, (t, toks)) in texts.iter().zip(&tokenized.texts).enumerate() {
        let Ok(text) = u32::try_from(i) else { break };
        let mut k = 0;
        for range in sentences(t) {
            let mut ids = Vec::new();
            while let Some(w) = toks.get(k) {
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
                let total = shingles.len();
                all.push(Sentence { text, range, shingles, total, prefix: Vec::new() });
            }
        }
    }
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
    for (s, sentence) in all.iter().enumerate() {
        let Ok(s) = u32::try_from(s) else { break };
        for &h in &sentence.shingles {
            postings.entry(h).or_default().push(s);
        }
    }
    let cap = df_cap(all.len(), params.max_df_fraction);
    postings.retain(|_, p| p.len() >= 2 && p.len() <= cap);
    let df = |h: &u64| postings.get(h).map_or(0, Vec::len);
    for sentence in &mut all {
        sentence.shingles.retain(|h| df(h) > 0);
        let needed = required_overlap(sentence.total, params);
        let probe = (sentence.shingles.len() + 1).saturating_sub(needed);
        let mut rarest = sentence.shingles.clone();
        rarest.sort_unstable_by_key(|h| (df(h), *h));
        rarest.truncate(probe);
        sentence.prefix = rarest;
    }
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
                    for &t in postings.get(h).map_or(&[][..], Vec::as_slice) {
                        if key(t) > Some((sentence.total, s32)) {
                            acc.add(t, 1);
                        }
                    }
                }
                let mut out = Vec::new();
                for (t, _) in acc.drain() {
                    let Some(other) = all.get(t as usize) else { continue };
                    if other.text == sentence.text {
                        continue;
                    }
                    let shared = shared_count(&sentence.shingles, &other.shingles);
                    let shorter = sentence.total.min(other.total).max(1);
                    #[allow(clippy::cast_precision_loss)]
                    let overlap = shared as f32 / shorter as f32;
                    if shared < params.min_passage_shingles || overlap < params.min_passage {
                        continue;
                    }
                    let (first, second) =
                        if sentence.text < other.text { (sentence, other) } else { (other, sentence) };
                    let passage =
                        Passage { in_a: first.range.clone(), in_b: second.range.clone(), overlap: overlap.min(1.0) };
                    out.push(((first.text, second.text), passage));
                }
                out
            },
        )
        .flatten()
        .collect();
    let mut out: HashMap<(u32, u32), Passage> = HashMap::new();
    for (key, passage) in found {
        match out.get(&key) {
            Some(best)
                if (best.overlap, std::cmp::Reverse(&best.in_a.start))
                    >= (passage.overlap, std::cmp::Reverse(&passage.in_a.start)) => {}
            _ => {
                out.insert(key, passage);
            }
        }
    }
    out
}

/// Shared shingles a sentence of `total` shingles needs with a longer one.
fn required_overlap(total: usize, params: &SimilarityParams) -> usize {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
    let by_fraction = (total as f32 * params.min_passage).ceil() as usize;
    by_fraction.max(params.min_passage_shingles).max(1)
}

/// Common elements of two sorted lists.
fn shared_count(a: &[u64], b: &[u64]) -> usize {
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

/// Every pair of texts that say nearly the same thing, sorted by (a, b).
///
/// # Complexity
///
/// Proportional to the number of (word, text) pairs sharing a word that is
/// in at most `max_df_fraction` of the texts: near-linear on real prose,
/// never a loop over all pairs.
#[must_use]
pub fn similar_pairs(texts: &[&str], params: &SimilarityParams) -> Vec<SimilarPair> {
    let tokenized = tokenize(texts);
    let (cosines, vectors) = cosine_pairs(&tokenized, params);
    let passages = passage_pairs(texts, &tokenized, params);
    let mut keys: Vec<(u32, u32)> = cosines.keys().chain(passages.keys()).copied().collect();
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .map(|key| {
            let cosine = cosines.get(&key).copied().unwrap_or_else(|| {
                let v = |i: u32| vectors.get(i as usize).map_or(&[][..], Vec::as_slice);
                dot(v(key.0), v(key.1)).min(1.0)
            });
            let passage = passages.get(&key).cloned();
            let score = passage.as_ref().map_or(cosine, |p| p.overlap.max(cosine));
            SimilarPair { a: key.0 as usize, b: key.1 as usize, score, cosine, passage }
        })
        .collect()
}

#[cfg(test)]
mod tests {
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
        let params =
            SimilarityParams { min_cosine: 0.3, min_passage: 0.5, min_passage_shingles: 4, max_df_fraction: 1.0 };
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
}
