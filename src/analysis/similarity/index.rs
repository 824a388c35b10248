//! An index of texts that grows and shrinks: the similar pairs of a few new
//! texts against all the others, without a pass over the others.
//!
//! [`similar_pairs`](super::similar_pairs) finds every pair of a fixed
//! collection in one pass. A window that adds one document to an open map
//! needs only the pairs of that document's paragraphs, with each other and
//! with every paragraph already open: [`SimilarityIndex::pairs_with`] finds
//! exactly the pairs that `similar_pairs` over all the indexed texts would
//! find among those (the same terms, weights, thresholds and sums), in time
//! proportional to the new texts' postings. Pairs between texts indexed
//! earlier are not revisited (their IDF weights were those of their day).

use std::ops::Range;

use super::{
    Accumulator, FastMap, Interner, Passage, STOP_WORDS, SimilarPair, SimilarityParams, SparseVector, Token, best_k,
    best_per_text, df_cap, dot, for_each_word, keep_best, raw_weight, sentence_shingles, stem, term_counts, weigh,
    weighed,
};

/// One indexed text.
#[derive(Clone)]
struct Text {
    /// (term, count) of its content words, sorted by term.
    counts: Vec<(u32, f32)>,
    /// Its sentences, as ids into [`SimilarityIndex::sentences`].
    sentences: Vec<u32>,
    /// Whether it is still indexed (ids are never reused).
    live: bool,
}

/// One sentence that can be a shared passage.
#[derive(Clone)]
struct Sentence {
    text: u32,
    range: Range<usize>,
    /// Its shingles, sorted, without duplicates.
    shingles: Vec<u64>,
}

/// Texts indexed by their words and sentence shingles. Text ids are given
/// in the order texts are added, from 0, and never reused.
#[derive(Clone)]
pub struct SimilarityIndex {
    params: SimilarityParams,
    interner: Interner,
    /// Each lower-case word seen: its stem's id and whether it carries meaning.
    known: FastMap<String, (u32, bool)>,
    texts: Vec<Text>,
    live: usize,
    /// Per term: (text, count) of every live text that has it, by text id.
    postings: Vec<Vec<(u32, f32)>>,
    sentences: Vec<Sentence>,
    live_sentences: usize,
    /// Per shingle: every live sentence that has it, by sentence id.
    shingle_postings: FastMap<u64, Vec<u32>>,
}

impl SimilarityIndex {
    /// An empty index with these thresholds.
    #[must_use]
    pub fn new(params: SimilarityParams) -> Self {
        SimilarityIndex {
            params,
            interner: Interner::default(),
            known: FastMap::default(),
            texts: Vec::new(),
            live: 0,
            postings: Vec::new(),
            sentences: Vec::new(),
            live_sentences: 0,
            shingle_postings: FastMap::default(),
        }
    }

    /// Number of live texts.
    #[must_use]
    pub fn len(&self) -> usize {
        self.live
    }

    /// Whether no text is indexed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// The words of a text, with ids from the shared vocabulary (the same
    /// ids, in order of first occurrence, as one pass over every text).
    fn tokens(&mut self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let (known, interner) = (&mut self.known, &mut self.interner);
        for_each_word(text, |range, w| {
            let (id, content) = match known.get(w) {
                Some(&k) => k,
                None => {
                    let content = w.chars().count() >= 2 && STOP_WORDS.binary_search(&w).is_err();
                    let k = (interner.id(stem(w)), content);
                    known.insert(w.to_owned(), k);
                    k
                }
            };
            out.push(Token { range, id, content });
        });
        out
    }

    /// Indexes texts; returns their ids.
    pub fn add(&mut self, texts: &[&str]) -> Range<u32> {
        let first = u32::try_from(self.texts.len()).unwrap_or(u32::MAX);
        for text in texts {
            let Ok(id) = u32::try_from(self.texts.len()) else { break };
            let tokens = self.tokens(text);
            let counts = term_counts(&tokens);
            if self.postings.len() < self.interner.0.len() {
                self.postings.resize_with(self.interner.0.len(), Vec::new);
            }
            for &(t, tf) in &counts {
                if let Some(p) = self.postings.get_mut(t as usize) {
                    p.push((id, tf));
                }
            }
            let mut sentences = Vec::new();
            for (range, shingles) in sentence_shingles(text, &tokens, &self.params) {
                let Ok(s) = u32::try_from(self.sentences.len()) else { break };
                for &h in &shingles {
                    self.shingle_postings.entry(h).or_default().push(s);
                }
                self.sentences.push(Sentence { text: id, range, shingles });
                sentences.push(s);
            }
            self.live_sentences += sentences.len();
            self.texts.push(Text { counts, sentences, live: true });
            self.live += 1;
        }
        first..u32::try_from(self.texts.len()).unwrap_or(u32::MAX)
    }

    /// Takes texts out of the index (unknown or removed ids are ignored).
    pub fn remove(&mut self, ids: &[u32]) {
        for &id in ids {
            let Some(text) = self.texts.get_mut(id as usize).filter(|t| t.live) else { continue };
            text.live = false;
            self.live -= 1;
            for &(t, _) in &text.counts {
                if let Some(p) = self.postings.get_mut(t as usize) {
                    p.retain(|&(x, _)| x != id);
                }
            }
            self.live_sentences -= text.sentences.len();
            for &s in &text.sentences {
                let Some(sentence) = self.sentences.get_mut(s as usize) else { continue };
                for h in &sentence.shingles {
                    if let Some(p) = self.shingle_postings.get_mut(h) {
                        p.retain(|&x| x != s);
                        if p.is_empty() {
                            self.shingle_postings.remove(h);
                        }
                    }
                }
                sentence.shingles = Vec::new();
            }
            text.counts = Vec::new();
        }
    }

    /// Every similar pair with at least one text of `new` (ids from
    /// [`SimilarityIndex::add`]), as [`super::similar_pairs`] over all live
    /// texts, in id order, would find it; sorted by (a, b).
    #[must_use]
    pub fn pairs_with(&self, new: Range<u32>) -> Vec<SimilarPair> {
        let params = &self.params;
        let is_new = |t: u32| new.contains(&t);
        // A pair of two new texts is counted from its later one.
        let counts_from = |b: u32, a: u32| a != b && !(is_new(a) && a > b);
        let df_of = |t: u32| self.postings.get(t as usize).map_or(0, |p| u32::try_from(p.len()).unwrap_or(u32::MAX));
        let cap = df_cap(self.live, params.max_df_fraction);
        #[allow(clippy::cast_precision_loss)]
        let n = self.live as f32;
        let mut norms: FastMap<u32, f32> = FastMap::default();
        let mut norm_of = |a: u32| -> f32 {
            *norms.entry(a).or_insert_with(|| {
                let counts = self.texts.get(a as usize).map_or(&[][..], |t| t.counts.as_slice());
                counts
                    .iter()
                    .filter(|&&(t, _)| weighed(df_of(t), cap))
                    .map(|&(t, tf)| {
                        let w = raw_weight(tf, df_of(t), n);
                        w * w
                    })
                    .sum::<f32>()
                    .sqrt()
            })
        };
        let vector = |a: u32| -> SparseVector {
            let counts = self.texts.get(a as usize).filter(|t| t.live).map_or(&[][..], |t| t.counts.as_slice());
            weigh(counts, df_of, cap, n)
        };

        // Cosines: the dot product accumulated over the postings of the new
        // text's weighed terms, in term order (the order `dot` sums in).
        let mut cosines: FastMap<(u32, u32), f32> = FastMap::default();
        let mut acc = Accumulator::<f32>::new(self.texts.len());
        let mut found: Vec<((u32, u32), f32)> = Vec::new();
        for b in new.clone() {
            if !self.texts.get(b as usize).is_some_and(|t| t.live) {
                continue;
            }
            let vb = vector(b);
            for &(t, wb) in &vb {
                let df = df_of(t);
                for &(a, tf) in self.postings.get(t as usize).map_or(&[][..], Vec::as_slice) {
                    if counts_from(b, a) {
                        let norm = norm_of(a);
                        if norm > 0.0 {
                            acc.add(a, raw_weight(tf, df, n) / norm * wb);
                        }
                    }
                }
            }
            found.clear();
            acc.drain_each(|a, sum| {
                if sum >= params.min_cosine {
                    found.push(((a.min(b), a.max(b)), sum.min(1.0)));
                }
            });
            best_k(&mut found, params.best_k);
            cosines.extend(found.iter().copied());
        }

        // Shared passages: shared kept shingles counted over the postings.
        let shingle_cap = df_cap(self.live_sentences, params.max_df_fraction);
        let mut passages: FastMap<(u32, u32), Passage> = FastMap::default();
        let mut shared = Accumulator::<u32>::new(self.sentences.len());
        for b in new.clone() {
            let Some(text) = self.texts.get(b as usize).filter(|t| t.live) else { continue };
            for &s in &text.sentences {
                let Some(sentence) = self.sentences.get(s as usize) else { continue };
                for h in &sentence.shingles {
                    let posting = self.shingle_postings.get(h).map_or(&[][..], Vec::as_slice);
                    if posting.len() < 2 || posting.len() > shingle_cap {
                        continue;
                    }
                    for &o in posting {
                        let other = self.sentences.get(o as usize).map_or(u32::MAX, |x| x.text);
                        if other != b && counts_from(b, other) {
                            shared.add(o, 1);
                        }
                    }
                }
                shared.drain_each(|o, count| {
                    let Some(other) = self.sentences.get(o as usize) else { return };
                    let shorter = sentence.shingles.len().min(other.shingles.len()).max(1);
                    #[allow(clippy::cast_precision_loss)]
                    let overlap = count as f32 / shorter as f32;
                    if (count as usize) < params.min_passage_shingles || overlap < params.min_passage {
                        return;
                    }
                    let (first, second) = if other.text < b { (other, sentence) } else { (sentence, other) };
                    let passage =
                        Passage { in_a: first.range.clone(), in_b: second.range.clone(), overlap: overlap.min(1.0) };
                    keep_best(&mut passages, (first.text, second.text), passage);
                });
            }
        }

        let mut keys: Vec<(u32, u32)> = cosines.keys().chain(passages.keys()).copied().collect();
        keys.sort_unstable();
        keys.dedup();
        let pairs = keys
            .into_iter()
            .map(|key| {
                let cosine = cosines.get(&key).copied().unwrap_or_else(|| dot(&vector(key.0), &vector(key.1)).min(1.0));
                let passage = passages.get(&key).cloned();
                let score = passage.as_ref().map_or(cosine, |p| p.overlap.max(cosine));
                SimilarPair { a: key.0 as usize, b: key.1 as usize, score, cosine, passage }
            })
            .collect();
        best_per_text(pairs, params.best_k)
    }
}
