//! Which paragraphs of one text are which of the other: the same words
//! first, then one paragraph split into consecutive ones (or consecutive
//! ones merged into one), then the closest rewordings; and which of the
//! pairs changed place.
//!
//! Overlap is measured on word pairs ([`Words::shingles`](super::text::Words::shingles)):
//! two paragraphs that share most of their word pairs say the same thing
//! with light edits; a paragraph whose word pairs lie almost all inside
//! another was cut out of it.
//!
//! # Complexity
//!
//! Near-linear in the words: same texts through a hash map; candidates for
//! the rest through an index of word pairs that skips pairs common to many
//! paragraphs ("the General Assembly"), each paragraph scoring at most
//! [`CANDIDATES`] candidates exactly; moves by a longest increasing
//! subsequence, O(n log n).

use rustc_hash::FxHashMap;

use crate::analysis::similarity::shared_count;

/// The smallest share of word pairs (Dice: shared twice over both
/// paragraphs' pairs) at which a paragraph counts as a rewording of
/// another rather than a new one.
pub const MIN_SIMILARITY: f32 = 0.3;
/// The share of a part's word pairs that must lie in the whole for a split
/// (or merge).
const MIN_CONTAINED: f32 = 0.7;
/// The share of the whole the parts must cover together, for a split.
const MIN_COVERED: f32 = 0.7;
/// The smallest share of words (Dice on the sets of words) at which two
/// paragraphs left over in the same place, between two paragraphs that
/// kept their order, are one paragraph changed: a short clause whose
/// resolution number and date were updated shares few word pairs but most
/// words.
pub const MIN_SAME_PLACE: f32 = 0.5;
/// Candidates scored exactly per paragraph.
const CANDIDATES: usize = 12;

/// Paragraphs of the old text aligned with paragraphs of the new, by index.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Indices into the old paragraphs (one, or several merged).
    pub old: Vec<usize>,
    /// Indices into the new paragraphs (one, or several split from one).
    pub new: Vec<usize>,
    /// Overlap of the two sides' word pairs, 0..=1 (1 for the same words).
    pub similarity: f32,
    /// Out of the order the others keep.
    pub moved: bool,
}

fn dice(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * shared_count(a, b) as f32 / (a.len() + b.len()) as f32
}

/// Sorted union of shingle sets.
fn union(sets: &[&[u64]]) -> Vec<u64> {
    let mut out: Vec<u64> = sets.iter().flat_map(|s| s.iter().copied()).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// One side's paragraphs as the alignment sees them.
pub struct SideWords<'a> {
    /// Each paragraph's signature (same signature, same text).
    pub signatures: &'a [String],
    /// Each paragraph's word pairs.
    pub shingles: &'a [Vec<u64>],
    /// Each paragraph's words.
    pub words: &'a [Vec<u64>],
    /// Each paragraph's first word, lower case (`recalling`).
    pub openings: &'a [String],
}

/// Aligns `old` with `new` paragraphs, given each one's signature (same
/// signature, same text), shingles and words. Groups come in the order of their
/// first new paragraph; paragraphs in no group are new or dropped.
#[must_use]
pub fn align(old: &SideWords<'_>, new: &SideWords<'_>) -> Vec<Group> {
    let (old_sig, new_sig, old_sh, new_sh) = (old.signatures, new.signatures, old.shingles, new.shingles);
    let mut old_taken = vec![false; old_sig.len()];
    let mut new_taken = vec![false; new_sig.len()];
    let mut groups: Vec<Group> = Vec::new();

    // 1. The same words: the k-th occurrence of a text with the k-th.
    let mut by_sig: FxHashMap<&str, std::collections::VecDeque<usize>> = FxHashMap::default();
    for (i, s) in old_sig.iter().enumerate() {
        by_sig.entry(s.as_str()).or_default().push_back(i);
    }
    for (j, s) in new_sig.iter().enumerate() {
        if let Some(i) = by_sig.get_mut(s.as_str()).and_then(std::collections::VecDeque::pop_front) {
            old_taken[i] = true;
            new_taken[j] = true;
            groups.push(Group { old: vec![i], new: vec![j], similarity: 1.0, moved: false });
        }
    }

    // 2. Candidates among the rest, through an index of uncommon word pairs.
    let candidates = |from: &[Vec<u64>], from_taken: &[bool], to: &[Vec<u64>], to_taken: &[bool]| {
        let mut index: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, s) in to.iter().enumerate().filter(|(i, _)| !to_taken.get(*i).copied().unwrap_or(true)) {
            for h in s {
                index.entry(*h).or_default().push(i);
            }
        }
        let common = (to.len() as f64).sqrt().max(8.0) as usize * 2;
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); from.len()];
        let mut counts: FxHashMap<usize, u32> = FxHashMap::default();
        for (j, s) in from.iter().enumerate() {
            if from_taken.get(j).copied().unwrap_or(true) {
                continue;
            }
            counts.clear();
            for h in s {
                if let Some(list) = index.get(h).filter(|l| l.len() <= common) {
                    for &i in list {
                        *counts.entry(i).or_default() += 1;
                    }
                }
            }
            let mut best: Vec<(u32, usize)> = counts.iter().map(|(&i, &c)| (c, i)).collect();
            best.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            best.truncate(CANDIDATES);
            if let Some(slot) = out.get_mut(j) {
                *slot = best.into_iter().map(|(_, i)| i).collect();
            }
        }
        out
    };
    let new_to_old = candidates(new_sh, &new_taken, old_sh, &old_taken);
    let old_to_new = candidates(old_sh, &old_taken, new_sh, &new_taken);

    // 3. Splits: consecutive new paragraphs, each cut out of one old one,
    //    covering it together better than any one of them alone.
    //    Merges: the same the other way round.
    let mut sides = Sides { old_taken: &mut old_taken, new_taken: &mut new_taken };
    find_wholes(old_sh, new_sh, &old_to_new, true, &mut sides, &mut groups);
    find_wholes(new_sh, old_sh, &new_to_old, false, &mut sides, &mut groups);

    // 4. Rewordings: the closest pairs first.
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for (j, list) in new_to_old.iter().enumerate() {
        for &i in list {
            if let (Some(a), Some(b)) = (old_sh.get(i), new_sh.get(j)) {
                let s = dice(a, b);
                if s >= MIN_SIMILARITY {
                    pairs.push((s, i, j));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.abs_diff(a.2).cmp(&b.1.abs_diff(b.2))).then(a.2.cmp(&b.2)));
    for (s, i, j) in pairs {
        if old_taken.get(i).copied().unwrap_or(true) || new_taken.get(j).copied().unwrap_or(true) {
            continue;
        }
        old_taken[i] = true;
        new_taken[j] = true;
        groups.push(Group { old: vec![i], new: vec![j], similarity: s, moved: false });
    }

    groups.sort_by_key(|g| g.new.first().copied().unwrap_or(usize::MAX));
    mark_moves(&mut groups);

    // 5. Leftovers in the same place, most of their words shared.
    let mut anchors: Vec<(usize, usize)> = vec![(0, 0)];
    for g in groups.iter().filter(|g| !g.moved) {
        anchors.push((g.old.first().copied().unwrap_or(0), g.new.first().copied().unwrap_or(0)));
        anchors.push((g.old.last().map_or(0, |l| l + 1), g.new.last().map_or(0, |l| l + 1)));
    }
    anchors.push((old_sig.len(), new_sig.len()));
    let mut added = false;
    for gap in anchors.chunks_exact(2) {
        let [(old_from, new_from), (old_to, new_to)] = [gap[0], gap[1]];
        let mut from = old_from;
        for j in new_from..new_to {
            if new_taken.get(j).copied().unwrap_or(true) {
                continue;
            }
            let best = (from..old_to)
                .filter(|&i| !old_taken.get(i).copied().unwrap_or(true))
                .filter_map(|i| Some((dice(old.words.get(i)?, new.words.get(j)?), i)))
                .filter(|(s, _)| *s >= MIN_SAME_PLACE)
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
            if let Some((_, i)) = best {
                old_taken[i] = true;
                new_taken[j] = true;
                let similarity = match (old_sh.get(i), new_sh.get(j)) {
                    (Some(a), Some(b)) => dice(a, b),
                    _ => 0.0,
                };
                groups.push(Group { old: vec![i], new: vec![j], similarity, moved: false });
                from = i + 1;
                added = true;
            }
        }
    }
    // 6. A lone leftover on each side of a gap, opening with the same word:
    //    the same clause redrafted ("Recalling its resolutions 56/183 …, 66/184"
    //    become "Recalling its resolution 73/218 … and previous resolutions").
    for gap in anchors.chunks_exact(2) {
        let [(old_from, new_from), (old_to, new_to)] = [gap[0], gap[1]];
        let olds: Vec<usize> = (old_from..old_to).filter(|&i| !old_taken.get(i).copied().unwrap_or(true)).collect();
        let news: Vec<usize> = (new_from..new_to).filter(|&j| !new_taken.get(j).copied().unwrap_or(true)).collect();
        if let ([i], [j]) = (olds.as_slice(), news.as_slice())
            && old.openings.get(*i).is_some_and(|o| !o.is_empty() && new.openings.get(*j) == Some(o))
        {
            old_taken[*i] = true;
            new_taken[*j] = true;
            let similarity = match (old_sh.get(*i), new_sh.get(*j)) {
                (Some(a), Some(b)) => dice(a, b),
                _ => 0.0,
            };
            groups.push(Group { old: vec![*i], new: vec![*j], similarity, moved: false });
            added = true;
        }
    }
    if added {
        groups.sort_by_key(|g| g.new.first().copied().unwrap_or(usize::MAX));
        mark_moves(&mut groups);
    }
    groups
}

/// What is taken on each side.
struct Sides<'a> {
    old_taken: &'a mut [bool],
    new_taken: &'a mut [bool],
}

fn contained(part: &[u64], whole: &[u64]) -> f32 {
    if part.is_empty() { 0.0 } else { shared_count(part, whole) as f32 / part.len() as f32 }
}

/// Splits (`split`: a whole of the old side cut into consecutive parts of
/// the new) or merges (the reverse): each part cut out of the whole, the
/// parts together covering it better than any one alone.
fn find_wholes(
    whole_sh: &[Vec<u64>],
    parts_sh: &[Vec<u64>],
    cands: &[Vec<usize>],
    split: bool,
    sides: &mut Sides<'_>,
    groups: &mut Vec<Group>,
) {
    for (w, whole) in whole_sh.iter().enumerate() {
        let (whole_taken, parts_taken) = if split {
            (&mut *sides.old_taken, &mut *sides.new_taken)
        } else {
            (&mut *sides.new_taken, &mut *sides.old_taken)
        };
        if whole_taken.get(w).copied().unwrap_or(true) || whole.is_empty() {
            continue;
        }
        let Some(list) = cands.get(w) else { continue };
        let mut parts: Vec<usize> = list
            .iter()
            .copied()
            .filter(|&p| !parts_taken.get(p).copied().unwrap_or(true))
            .filter(|&p| parts_sh.get(p).is_some_and(|s| contained(s, whole) >= MIN_CONTAINED))
            .collect();
        parts.sort_unstable();
        // The longest run of consecutive paragraphs among them.
        let mut best: &[usize] = &[];
        let mut start = 0;
        for k in 1..=parts.len() {
            if k == parts.len() || parts[k] != parts[k - 1] + 1 {
                if k - start > best.len() {
                    best = &parts[start..k];
                }
                start = k;
            }
        }
        if best.len() < 2 {
            continue;
        }
        let sets: Vec<&[u64]> = best.iter().filter_map(|&p| parts_sh.get(p).map(Vec::as_slice)).collect();
        let together = contained(whole, &union(&sets));
        let alone = sets.iter().map(|s| contained(whole, s)).fold(0.0, f32::max);
        // Each part explains words the others do not: 15% of the whole, or
        // eight word pairs (a short clause merged into a long one).
        let gain = together - alone;
        if together < MIN_COVERED || (gain < 0.15 && gain * (whole.len() as f32) < 8.0) {
            continue;
        }
        for &p in best {
            if let Some(t) = parts_taken.get_mut(p) {
                *t = true;
            }
        }
        if let Some(t) = whole_taken.get_mut(w) {
            *t = true;
        }
        let similarity = dice(whole, &union(&sets));
        let (old, new) = if split { (vec![w], best.to_vec()) } else { (best.to_vec(), vec![w]) };
        groups.push(Group { old, new, similarity, moved: false });
    }
}

/// Marks the groups out of order: taken in new order, the old positions
/// that form the longest increasing run stayed; the rest moved.
fn mark_moves(groups: &mut [Group]) {
    let old: Vec<usize> = groups.iter().map(|g| g.old.first().copied().unwrap_or(0)).collect();
    let stay = longest_increasing(&old);
    for (g, keep) in groups.iter_mut().zip(stay) {
        g.moved = !keep;
    }
}

/// Which elements of `xs` belong to one longest strictly increasing
/// subsequence (patience sorting, O(n log n)).
fn longest_increasing(xs: &[usize]) -> Vec<bool> {
    // tails[k]: index of the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let k = tails.partition_point(|&t| xs.get(t).is_some_and(|&v| v < x));
        if k > 0 {
            prev[i] = tails.get(k - 1).copied();
        }
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = vec![false; xs.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = prev[i];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_run() {
        assert_eq!(longest_increasing(&[0, 1, 2]), [true, true, true]);
        assert_eq!(longest_increasing(&[1, 2, 0, 3]), [true, true, false, true]);
        assert_eq!(longest_increasing(&[5, 0, 1, 2]), [false, true, true, true]);
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
    }

    #[test]
    fn overlap_measures() {
        assert_eq!(shared_count(&[1, 2, 3], &[2, 3, 4]), 2);
        assert!((dice(&[1, 2, 3], &[2, 3, 4]) - 2.0 / 3.0).abs() < 1e-6);
        assert_eq!(union(&[&[1, 3], &[2, 3]]), [1, 2, 3]);
    }
}
