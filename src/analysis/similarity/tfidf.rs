//! TF-IDF cosine: term counts, weights (sublinear term frequency, smoothed
//! IDF, common words left out), normalised sparse vectors, and every pair of
//! texts above a cosine through an inverted index of vector signatures.

use rayon::prelude::*;

use super::tokens::{Token, Tokenized};
use super::{Accumulator, FastMap, SimilarityParams, df_cap};

/// (term id, weight) pairs sorted by term id.
pub(super) type SparseVector = Vec<(u32, f32)>;

/// A text's content words as (term id, count) sorted by term.
pub(super) fn term_counts(tokens: &[Token]) -> Vec<(u32, f32)> {
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
pub(super) fn raw_weight(tf: f32, df: u32, n: f32) -> f32 {
    #[allow(clippy::cast_precision_loss)]
    let idf = ((1.0 + n) / (1.0 + df as f32)).ln() + 1.0;
    (1.0 + tf.ln()) * idf
}

/// Whether a term of document frequency `df` carries weight.
pub(super) fn weighed(df: u32, cap: usize) -> bool {
    df > 0 && df as usize <= cap
}

/// The normalised TF-IDF vector of a text's term counts; empty when no term
/// carries weight.
pub(super) fn weigh(counts: &[(u32, f32)], df_of: impl Fn(u32) -> u32, cap: usize, n: f32) -> SparseVector {
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
///
/// Terms in more than [`SimilarityParams::max_posting`] texts are in no
/// signature, so that no text meets more than that many others per term:
/// the product over them is bounded by the product of both texts' norms
/// over them. A pair whose cosine reaches the threshold only through such
/// terms is not found; each text keeps its [`SimilarityParams::best_k`]
/// best pairs with earlier texts.
pub(super) fn cosine_pairs(
    tokenized: &Tokenized,
    params: &SimilarityParams,
) -> (FastMap<(u32, u32), f32>, Vec<SparseVector>) {
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
    // Signatures: each vector without its most common terms (norm below the
    // threshold) and without the terms of posting lists longer than
    // `max_posting` ("crowded" terms, left out of every signature).
    let crowded = |t: u32| df_of(t) as usize > params.max_posting;
    let signatures: Vec<(Vec<(u32, f32)>, Slack)> = vectors
        .par_iter()
        .map(|v| {
            let mut by_df: Vec<(u32, f32)> = v.clone();
            by_df.sort_unstable_by(|a, b| df_of(b.0).cmp(&df_of(a.0)).then(a.0.cmp(&b.0)));
            let mut squares = 0.0_f32;
            let mut slack = Slack::default();
            let mut indexed = Vec::new();
            for (t, w) in by_df {
                // Terms found in this text only can meet no other text.
                if crowded(t) {
                    squares += w * w;
                    slack.crowded += w * w;
                } else if squares + w * w < params.min_cosine * params.min_cosine || df_of(t) < 2 {
                    squares += w * w;
                    if df_of(t) >= 2 {
                        slack.left_out += w * w;
                    }
                } else {
                    indexed.push((t, w));
                }
            }
            slack.crowded = slack.crowded.sqrt();
            slack.left_out = slack.left_out.sqrt();
            (indexed, slack)
        })
        .collect();
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); df.len()];
    let mut slacks: Vec<Slack> = Vec::with_capacity(vectors.len());
    for (i, (indexed, slack)) in signatures.into_iter().enumerate() {
        let Ok(doc) = u32::try_from(i) else { break };
        for (t, w) in indexed {
            if let Some(p) = postings.get_mut(t as usize) {
                p.push((doc, w));
            }
        }
        slacks.push(slack);
    }
    let found: Vec<((u32, u32), f32)> = (0..vectors.len())
        .into_par_iter()
        .map_init(
            || (Accumulator::<f32>::new(vectors.len()), vec![0.0_f32; tokenized.vocabulary]),
            |(acc, dense), i| {
                let Ok(b) = u32::try_from(i) else { return Vec::new() };
                let Some(vb) = vectors.get(i) else { return Vec::new() };
                let crowded_b = slacks.get(i).map_or(1.0, |s| s.crowded);
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
                    // The rest of the product: the terms `a` left out by
                    // prefix filtering (at most their norm, `b` being a unit
                    // vector) and the crowded terms of both (at most the
                    // product of their norms, by Cauchy–Schwarz).
                    let bound = partial + slacks.get(a as usize).map_or(2.0, |s| s.left_out + s.crowded * crowded_b);
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
                best_k(&mut out, params.best_k);
                out
            },
        )
        .flatten()
        .collect();
    (found.into_iter().collect(), vectors)
}

/// What the indexed part of a vector's product with another can miss.
#[derive(Default, Clone, Copy)]
struct Slack {
    /// Norm of its weighed terms left out by prefix filtering.
    left_out: f32,
    /// Norm of its crowded terms (posting lists over `max_posting`).
    crowded: f32,
}

/// Keeps the `k` best of one text's pairs with earlier texts: the higher
/// cosine, then the earlier text (the order of [`super::best_per_text`]).
pub(super) fn best_k(pairs: &mut Vec<((u32, u32), f32)>, k: usize) {
    if pairs.len() > k {
        pairs.sort_unstable_by_key(|&((a, _), c)| super::rank(c, a));
        pairs.truncate(k);
    }
}

/// The dot product of a sparse vector sorted by term with a dense one:
/// the same sum, in the same order, as [`dot`] with the dense vector's
/// non-zero entries (adding `w * 0.0` changes no sum of positive terms),
/// without the merge's unpredictable branches.
pub(super) fn dot_dense(a: &[(u32, f32)], dense: &[f32]) -> f32 {
    a.iter().fold(0.0, |sum, &(t, w)| sum + w * dense.get(t as usize).copied().unwrap_or(0.0))
}

/// The dot product of two sparse vectors sorted by term.
pub(super) fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
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
