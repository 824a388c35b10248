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

use rayon::prelude::*;

mod index;
pub use index::SimilarityIndex;

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

/// Calls `f` with every alphanumeric word of a text, lower-cased, and its
/// byte range. One buffer serves every word (no allocation per word).
fn for_each_word(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
    let mut lower = String::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let Some(w) = text.get(s..i) else { continue };
                if w.is_ascii() {
                    lower.clear();
                    lower.push_str(w);
                    lower.make_ascii_lowercase();
                } else {
                    // `str::to_lowercase` knows word-final sigma; `char`'s does not.
                    lower = w.to_lowercase();
                }
                f(s..i, &lower);
            }
            _ => {}
        }
    }
}

/// Lower-case alphanumeric words of a text with their byte ranges.
#[cfg(test)]
fn tokens(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    for_each_word(text, |range, w| out.push((range, w.to_owned())));
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

/// Texts per parallel tokenizing job.
const TOKENIZE_CHUNK: usize = 128;

/// Words of a run of texts, as ids local to that run.
struct LocalWords {
    /// Local id → lower-case word.
    words: Vec<String>,
    /// Per text: (byte range, local id) of every word.
    texts: Vec<Vec<(Range<usize>, u32)>>,
}

fn tokenize(texts: &[&str]) -> Tokenized {
    // Words are found in parallel, each run of texts with its own table of
    // distinct words; ids are then given sequentially in order of first
    // occurrence over all texts, exactly as one sequential pass would.
    let runs: Vec<LocalWords> = texts
        .par_chunks(TOKENIZE_CHUNK)
        .map(|run| {
            let mut local: FastMap<String, u32> = FastMap::default();
            let texts = run
                .iter()
                .map(|t| {
                    let mut out = Vec::new();
                    for_each_word(t, |range, w| {
                        let id = match local.get(w) {
                            Some(&id) => id,
                            None => {
                                let id = u32::try_from(local.len()).unwrap_or(u32::MAX);
                                local.insert(w.to_owned(), id);
                                id
                            }
                        };
                        out.push((range, id));
                    });
                    out
                })
                .collect();
            let mut words = vec![String::new(); local.len()];
            for (w, id) in local {
                if let Some(slot) = words.get_mut(id as usize) {
                    *slot = w;
                }
            }
            LocalWords { words, texts }
        })
        .collect();
    let mut interner = Interner::default();
    // Each distinct lower-case word once: its stem's id and whether it is a content word.
    let mut known: FastMap<&str, (u32, bool)> = FastMap::default();
    let mut out = Vec::with_capacity(texts.len());
    for run in &runs {
        let mut resolved: Vec<Option<(u32, bool)>> = vec![None; run.words.len()];
        for text in &run.texts {
            let tokens = text
                .iter()
                .map(|(range, local)| {
                    let slot = resolved.get_mut(*local as usize);
                    let (id, content) = match slot {
                        Some(Some(k)) => *k,
                        Some(slot) => {
                            let w = run.words.get(*local as usize).map_or("", String::as_str);
                            let k = *known.entry(w).or_insert_with(|| {
                                let content = w.chars().count() >= 2 && STOP_WORDS.binary_search(&w).is_err();
                                (interner.id(stem(w)), content)
                            });
                            *slot = Some(k);
                            k
                        }
                        None => (u32::MAX, false),
                    };
                    Token { range: range.clone(), id, content }
                })
                .collect();
            out.push(tokens);
        }
    }
    Tokenized { texts: out, vocabulary: interner.0.len() }
}

/// The hash map of this module: `rustc-hash`'s Fx hasher. The keys are
/// words, term pairs and shingle hashes of local text, where SipHash's flood
/// resistance buys nothing and costs about a fifth of the run.
type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Interns strings as dense ids.
#[derive(Clone, Default)]
struct Interner(FastMap<String, u32>);

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

    /// Calls `f` with every touched slot and its total, in the order first
    /// touched, and resets them.
    fn drain_each(&mut self, mut f: impl FnMut(u32, T)) {
        for slot in self.touched.drain(..) {
            if let Some(v) = self.values.get_mut(slot as usize) {
                f(slot, std::mem::take(v));
            }
        }
    }
}

/// A text's content words as (term id, count) sorted by term.
fn term_counts(tokens: &[Token]) -> Vec<(u32, f32)> {
    let mut ids: Vec<u32> = tokens.iter().filter(|w| w.content).map(|w| w.id).collect();
    ids.sort_unstable();
    let mut v: Vec<(u32, f32)> = Vec::new();
    for id in ids {
        match v.last_mut() {
            Some((last, count)) if *last == id => *count += 1.0,
            _ => v.push((id, 1.0)),
        }
    }
    v
}

/// A term's unnormalised TF-IDF weight: sublinear term frequency times
/// smoothed IDF over `n` texts.
fn raw_weight(tf: f32, df: u32, n: f32) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let idf = ((1.0 + n) / (1.0 + df as f32)).ln() + 1.0;
    (1.0 + tf.ln()) * idf
}

/// Whether a term of document frequency `df` carries weight.
fn weighed(df: u32, cap: usize) -> bool {
    df > 0 && df as usize <= cap
}

/// The normalised TF-IDF vector of a text's term counts; empty when no term
/// carries weight.
fn weigh(counts: &[(u32, f32)], df_of: impl Fn(u32) -> u32, cap: usize, n: f32) -> SparseVector {
    let weights: Vec<(u32, f32)> = counts
        .iter()
        .filter(|&&(t, _)| weighed(df_of(t), cap))
        .map(|&(t, tf)| (t, raw_weight(tf, df_of(t), n)))
        .collect();
    let norm = weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 { weights.into_iter().map(|(t, w)| (t, w / norm)).collect() } else { Vec::new() }
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
fn cosine_pairs(tokenized: &Tokenized, params: &SimilarityParams) -> (FastMap<(u32, u32), f32>, Vec<SparseVector>) {
    let docs: Vec<Vec<(u32, f32)>> = tokenized.texts.par_iter().map(|t| term_counts(t)).collect();
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
    let vectors: Vec<SparseVector> = docs.par_iter().map(|d| weigh(d, df_of, cap, n)).collect();
    // Signatures: each vector without its most common terms (norm < threshold).
    let signatures: Vec<(Vec<(u32, f32)>, f32)> = vectors
        .par_iter()
        .map(|v| {
            let mut by_df: Vec<(u32, f32)> = v.clone();
            by_df.sort_unstable_by(|a, b| df_of(b.0).cmp(&df_of(a.0)).then(a.0.cmp(&b.0)));
            let mut squares = 0.0_f32;
            // Of the terms left out, those that another text may share.
            let mut shared_squares = 0.0_f32;
            let mut indexed = Vec::new();
            for (t, w) in by_df {
                // Terms found in this text only can meet no other text.
                if squares + w * w < params.min_cosine * params.min_cosine || df_of(t) < 2 {
                    squares += w * w;
                    if df_of(t) >= 2 {
                        shared_squares += w * w;
                    }
                } else {
                    indexed.push((t, w));
                }
            }
            (indexed, shared_squares.sqrt())
        })
        .collect();
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); df.len()];
    let mut left_out: Vec<f32> = Vec::with_capacity(vectors.len());
    for (i, (indexed, unindexed)) in signatures.into_iter().enumerate() {
        let Ok(doc) = u32::try_from(i) else { break };
        for (t, w) in indexed {
            if let Some(p) = postings.get_mut(t as usize) {
                p.push((doc, w));
            }
        }
        left_out.push(unindexed);
    }
    let found: Vec<((u32, u32), f32)> = (0..vectors.len())
        .into_par_iter()
        .map_init(
            || (Accumulator::<f32>::new(vectors.len()), vec![0.0_f32; tokenized.vocabulary]),
            |(acc, dense), i| {
                let Ok(b) = u32::try_from(i) else { return Vec::new() };
                let Some(vb) = vectors.get(i) else { return Vec::new() };
                for &(t, wb) in vb {
                    if let Some(d) = dense.get_mut(t as usize) {
                        *d = wb;
                    }
                    let Some(p) = postings.get(t as usize) else { continue };
                    let before = p.partition_point(|&(a, _)| a < b);
                    for &(a, wa) in p.iter().take(before) {
                        acc.add(a, wa * wb);
                    }
                }
                let mut out = Vec::new();
                acc.drain_each(|a, partial| {
                    let bound = partial + left_out.get(a as usize).copied().unwrap_or(1.0);
                    if bound < params.min_cosine {
                        return;
                    }
                    let exact = dot_dense(vectors.get(a as usize).map_or(&[][..], Vec::as_slice), dense);
                    if exact >= params.min_cosine {
                        out.push(((a, b), exact.min(1.0)));
                    }
                });
                for &(t, _) in vb {
                    if let Some(d) = dense.get_mut(t as usize) {
                        *d = 0.0;
                    }
                }
                out
            },
        )
        .flatten()
        .collect();
    (found.into_iter().collect(), vectors)
}

/// The dot product of a sparse vector sorted by term with a dense one:
/// the same sum, in the same order, as [`dot`] with the dense vector's
/// non-zero entries (adding `w * 0.0` changes no sum of positive terms),
/// without the merge's unpredictable branches.
fn dot_dense(a: &[(u32, f32)], dense: &[f32]) -> f32 {
    a.iter().fold(0.0, |sum, &(t, w)| sum + w * dense.get(t as usize).copied().unwrap_or(0.0))
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

/// The sentences of a text that can be a shared passage (at least
/// `min_passage_shingles` shingles), with their shingles.
fn sentence_shingles(text: &str, tokens: &[Token], params: &SimilarityParams) -> Vec<(Range<usize>, Vec<u64>)> {
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
fn passage_pairs(texts: &[&str], tokenized: &Tokenized, params: &SimilarityParams) -> FastMap<(u32, u32), Passage> {
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
        let start = listed.len();
        for &(_, s) in group {
            listed.push(s);
            if let Some(k) = kept.get_mut(s as usize) {
                k.push((group.len(), h));
            }
        }
        postings.insert(h, start..listed.len());
    }
    drop(occurrences);
    all.par_iter_mut().zip(kept).for_each(|(sentence, mut kept)| {
        sentence.shingles = kept.iter().map(|&(_, h)| h).collect();
        let needed = required_overlap(sentence.total, params);
        let probe = (sentence.shingles.len() + 1).saturating_sub(needed);
        kept.sort_unstable();
        sentence.prefix = kept.into_iter().take(probe).map(|(_, h)| h).collect();
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
            SimilarityParams { min_cosine: 0.3, min_passage: 0.5, min_passage_shingles: 4, max_df_fraction: 1.0 },
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
