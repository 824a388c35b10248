//! Word-level differences between two paragraphs, for the "compare
//! documents" view.

/// One run of words in a diff. Words are joined by single spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    /// Words in both texts.
    Equal(String),
    /// Words only in the second text.
    Insert(String),
    /// Words only in the first text.
    Delete(String),
}

/// The word-level diff of `a` into `b`: runs of equal, deleted and inserted
/// words (whitespace-separated, compared exactly), in order, adjacent runs of
/// the same kind merged, deletions before insertions where both replace a
/// stretch. Concatenating the `Equal` and `Delete` runs gives `a`'s words;
/// `Equal` and `Insert`, `b`'s.
///
/// # Complexity
///
/// The `similar` crate's Myers diff: O((n + m)·d) time for `d` differing
/// words and linear memory, so long paragraphs need no cap.
#[must_use]
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
    let mut out: Vec<DiffOp> = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b) {
        // A replaced stretch yields its deletions, then its insertions.
        for change in op.iter_changes(&a, &b) {
            let word = change.value();
            let (kind, make): (u8, fn(String) -> DiffOp) = match change.tag() {
                similar::ChangeTag::Equal => (0, DiffOp::Equal),
                similar::ChangeTag::Delete => (1, DiffOp::Delete),
                similar::ChangeTag::Insert => (2, DiffOp::Insert),
            };
            let same = matches!(
                (out.last(), kind),
                (Some(DiffOp::Equal(_)), 0) | (Some(DiffOp::Delete(_)), 1) | (Some(DiffOp::Insert(_)), 2)
            );
            if same && let Some(DiffOp::Equal(s) | DiffOp::Delete(s) | DiffOp::Insert(s)) = out.last_mut() {
                s.push(' ');
                s.push_str(word);
            } else {
                out.push(make(word.to_owned()));
            }
        }
    }
    out
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
