//! Word-level differences between two paragraphs, for the "compare
//! documents" view.

/// One run of words in a diff. Words are joined by single spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DiffOp {
    /// Words in both texts.
    Equal(String),
    /// Words only in the second text.
    Insert(String),
    /// Words only in the first text.
    Delete(String),
}

/// Above this many cells (words of `a` × words of `b`, after the common
/// prefix and suffix are set aside) the middle is reported as one deletion
/// and one insertion rather than aligned word by word.
pub const MAX_CELLS: usize = 4_000_000;

/// The word-level diff of `a` into `b`: runs of equal, deleted and inserted
/// words (whitespace-separated, compared exactly), in order, adjacent runs of
/// the same kind merged, deletions before insertions where both replace a
/// stretch. Concatenating the `Equal` and `Delete` runs gives `a`'s words;
/// `Equal` and `Insert`, `b`'s.
///
/// # Complexity
///
/// O(n·m) time and memory on the part between the common prefix and suffix
/// (a longest common subsequence), bounded by [`MAX_CELLS`].
#[must_use]
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a_rest, b_rest) = (a.get(prefix..).unwrap_or_default(), b.get(prefix..).unwrap_or_default());
    let suffix = a_rest.iter().rev().zip(b_rest.iter().rev()).take_while(|(x, y)| x == y).count();
    let a_mid = a_rest.get(..a_rest.len() - suffix).unwrap_or_default();
    let b_mid = b_rest.get(..b_rest.len() - suffix).unwrap_or_default();

    let mut ops: Vec<(u8, &str)> = Vec::with_capacity(a.len() + b.len());
    ops.extend(a.iter().take(prefix).map(|w| (0, *w)));
    if a_mid.len().saturating_mul(b_mid.len()) > MAX_CELLS {
        ops.extend(a_mid.iter().map(|w| (1, *w)));
        ops.extend(b_mid.iter().map(|w| (2, *w)));
    } else {
        lcs_ops(a_mid, b_mid, &mut ops);
    }
    ops.extend(a_rest.iter().skip(a_rest.len() - suffix).map(|w| (0, *w)));

    let mut out: Vec<DiffOp> = Vec::new();
    for (kind, word) in ops {
        let same = matches!(
            (out.last(), kind),
            (Some(DiffOp::Equal(_)), 0) | (Some(DiffOp::Delete(_)), 1) | (Some(DiffOp::Insert(_)), 2)
        );
        if same && let Some(DiffOp::Equal(s) | DiffOp::Delete(s) | DiffOp::Insert(s)) = out.last_mut() {
            s.push(' ');
            s.push_str(word);
            continue;
        }
        out.push(match kind {
            0 => DiffOp::Equal(word.to_owned()),
            1 => DiffOp::Delete(word.to_owned()),
            _ => DiffOp::Insert(word.to_owned()),
        });
    }
    out
}

/// Longest-common-subsequence alignment of two word lists, as (0 equal, 1 delete, 2 insert) ops.
fn lcs_ops<'a>(a: &[&'a str], b: &[&'a str], ops: &mut Vec<(u8, &'a str)>) {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    // table[i * width + j]: LCS length of a[i..] and b[j..].
    let mut table = vec![0_u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let value = if a.get(i) == b.get(j) {
                table.get((i + 1) * width + j + 1).copied().unwrap_or(0) + 1
            } else {
                let down = table.get((i + 1) * width + j).copied().unwrap_or(0);
                let right = table.get(i * width + j + 1).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(cell) = table.get_mut(i * width + j) {
                *cell = value;
            }
        }
    }
    let cell = |i: usize, j: usize| table.get(i * width + j).copied().unwrap_or(0);
    let (mut i, mut j) = (0, 0);
    let mut inserts: Vec<&str> = Vec::new();
    while i < n || j < m {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                ops.extend(inserts.drain(..).map(|w| (2, w)));
                ops.push((0, x));
                i += 1;
                j += 1;
            }
            (Some(x), Some(_)) if cell(i + 1, j) >= cell(i, j + 1) => {
                ops.push((1, x));
                i += 1;
            }
            (Some(x), None) => {
                ops.push((1, x));
                i += 1;
            }
            (_, Some(y)) => {
                // Held back so that a replaced stretch reads "deleted, then inserted".
                inserts.push(y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    ops.extend(inserts.into_iter().map(|w| (2, w)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eq(s: &str) -> DiffOp {
        DiffOp::Equal(s.to_owned())
    }
    fn del(s: &str) -> DiffOp {
        DiffOp::Delete(s.to_owned())
    }
    fn ins(s: &str) -> DiffOp {
        DiffOp::Insert(s.to_owned())
    }

    #[test]
    fn a_changed_word_in_the_middle() {
        assert_eq!(
            word_diff("We call for increased efforts now", "We call for  renewed efforts now"),
            [eq("We call for"), del("increased"), ins("renewed"), eq("efforts now")]
        );
    }

    #[test]
    fn insertions_deletions_and_edges() {
        assert_eq!(word_diff("", ""), Vec::<DiffOp>::new());
        assert_eq!(word_diff("a b", ""), [del("a b")]);
        assert_eq!(word_diff("", "a b"), [ins("a b")]);
        assert_eq!(word_diff("a b c", "a x b c y"), [eq("a"), ins("x"), eq("b c"), ins("y")]);
        assert_eq!(word_diff("same text", "same text"), [eq("same text")]);
    }

    #[test]
    fn both_sides_can_be_rebuilt() {
        let a = "the quick brown fox jumps over the lazy dog";
        let b = "a quick red fox leaps over the dog today";
        let ops = word_diff(a, b);
        let side = |keep_insert: bool| {
            ops.iter()
                .filter_map(|op| match op {
                    DiffOp::Equal(s) => Some(s.as_str()),
                    DiffOp::Insert(s) if keep_insert => Some(s.as_str()),
                    DiffOp::Delete(s) if !keep_insert => Some(s.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(side(false), a);
        assert_eq!(side(true), b);
    }
}
