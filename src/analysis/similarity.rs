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
fn cosine_pairs(texts: &[&str], params: &SimilarityParams) -> (HashMap<(u32, u32), f32>, Vec<SparseVector>) {
    let mut interner = Interner::default();
    let docs: Vec<Vec<(u32, f32)>> = texts
        .iter()
        .map(|t| {
            let mut counts: HashMap<u32, f32> = HashMap::new();
            for (_, w) in tokens(t) {
                if w.chars().count() < 2 || STOP_WORDS.contains(&w.as_str()) {
                    continue;
                }
                *counts.entry(interner.id(stem(&w))).or_default() += 1.0;
            }
            let mut v: Vec<(u32, f32)> = counts.into_iter().collect();
            v.sort_unstable_by_key(|&(t, _)| t);
            v
        })
        .collect();
    let mut df = vec![0_u32; interner.0.len()];
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
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); df.len()];
    let mut vectors: Vec<SparseVector> = Vec::with_capacity(docs.len());
    for (i, d) in docs.iter().enumerate() {
        let weight = |t: u32, tf: f32| {
            let f = df.get(t as usize).copied().unwrap_or(0);
            if f == 0 || f as usize > cap {
                return 0.0;
            }
            #[allow(clippy::cast_precision_loss)]
            let idf = ((1.0 + n) / (1.0 + f as f32)).ln() + 1.0;
            (1.0 + tf.ln()) * idf
        };
        let weights: Vec<(u32, f32)> = d.iter().map(|&(t, tf)| (t, weight(t, tf))).filter(|&(_, w)| w > 0.0).collect();
        let norm = weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        let vector: Vec<(u32, f32)> =
            if norm > 0.0 { weights.into_iter().map(|(t, w)| (t, w / norm)).collect() } else { Vec::new() };
        let Ok(doc) = u32::try_from(i) else { break };
        for &(t, w) in &vector {
            if df.get(t as usize).copied().unwrap_or(0) >= 2
                && let Some(p) = postings.get_mut(t as usize)
            {
                p.push((doc, w));
            }
        }
        vectors.push(vector);
    }
    // Each posting list is in document order, so for the pairs of document i
    // only the entries after i are visited.
    let mut by_doc: Vec<Vec<(u32, f32, u32)>> = vec![Vec::new(); texts.len()];
    for (t, p) in postings.iter().enumerate() {
        let Ok(t) = u32::try_from(t) else { break };
        for (k, &(doc, w)) in p.iter().enumerate() {
            if k + 1 < p.len()
                && let Some(list) = by_doc.get_mut(doc as usize)
            {
                list.push((t, w, u32::try_from(k + 1).unwrap_or(u32::MAX)));
            }
        }
    }
    let mut acc: Accumulator<f32> = Accumulator::new(texts.len());
    let mut out = HashMap::new();
    for (i, list) in by_doc.iter().enumerate() {
        let Ok(a) = u32::try_from(i) else { break };
        for &(t, w, from) in list {
            let Some(p) = postings.get(t as usize) else { continue };
            for &(b, wb) in p.iter().skip(from as usize) {
                acc.add(b, w * wb);
            }
        }
        for (b, cos) in acc.drain() {
            if cos >= params.min_cosine {
                out.insert((a, b), cos.min(1.0));
            }
        }
    }
    (out, vectors)
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
fn passage_pairs(texts: &[&str], params: &SimilarityParams) -> HashMap<(u32, u32), Passage> {
    struct Sentence {
        text: u32,
        range: Range<usize>,
        shingles: Vec<u64>,
    }
    let mut interner = Interner::default();
    let mut all: Vec<Sentence> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let Ok(text) = u32::try_from(i) else { break };
        let toks = tokens(t);
        for range in sentences(t) {
            let ids: Vec<u32> = toks
                .iter()
                .filter(|(r, _)| r.start >= range.start && r.end <= range.end)
                .map(|(_, w)| interner.id(stem(w)))
                .collect();
            let shingles = shingles(&ids);
            if shingles.len() >= params.min_passage_shingles {
                all.push(Sentence { text, range, shingles });
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
    let mut acc: Accumulator<u32> = Accumulator::new(all.len());
    let mut out: HashMap<(u32, u32), Passage> = HashMap::new();
    for (s, sentence) in all.iter().enumerate() {
        for h in &sentence.shingles {
            let Some(p) = postings.get(h) else { continue };
            // Postings are in sentence order: only later sentences.
            let from = p.partition_point(|&t| (t as usize) <= s);
            for &t in p.iter().skip(from) {
                acc.add(t, 1);
            }
        }
        for (t, shared) in acc.drain() {
            let Some(other) = all.get(t as usize) else { continue };
            if other.text == sentence.text || (shared as usize) < params.min_passage_shingles {
                continue;
            }
            let shorter = sentence.shingles.len().min(other.shingles.len()).max(1);
            #[allow(clippy::cast_precision_loss)]
            let overlap = shared as f32 / shorter as f32;
            if overlap < params.min_passage {
                continue;
            }
            let passage =
                Passage { in_a: sentence.range.clone(), in_b: other.range.clone(), overlap: overlap.min(1.0) };
            let key = (sentence.text, other.text);
            match out.get(&key) {
                Some(best) if best.overlap >= passage.overlap => {}
                _ => {
                    out.insert(key, passage);
                }
            }
        }
    }
    out
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
    let (cosines, vectors) = cosine_pairs(texts, params);
    let passages = passage_pairs(texts, params);
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

    #[test]
    fn sentences_split_on_stops() {
        let t = "One two. Three; four? ";
        let s: Vec<&str> = sentences(t).into_iter().filter_map(|r| t.get(r)).collect();
        assert_eq!(s, ["One two.", "Three;", "four?"]);
    }
}
