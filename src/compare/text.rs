//! What a paragraph's words are for comparison: each printed word with the
//! key it is compared by (case, punctuation folded when asked), footnotes
//! kept or left out, and the word diff of two paragraphs on those keys.

use super::Options;
use crate::analysis::diff::DiffOp;
use crate::document::Paragraph;

/// A paragraph's words as compared: the words as printed and their keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    /// The words as printed (a word of punctuation alone joins the word
    /// before it when punctuation is ignored).
    pub shown: Vec<String>,
    /// The key of each word in `shown`: what equality looks at.
    pub keys: Vec<String>,
}

impl Words {
    /// The paragraph's text as compared: its own words, and its footnote
    /// markers and notes unless [`Options::ignore_notes`].
    #[must_use]
    pub fn of_paragraph(p: &Paragraph, options: &Options) -> Self {
        if options.ignore_notes { Self::of(&p.text, options) } else { Self::of(&p.display_text(), options) }
    }

    /// The words of `text` under `options`.
    #[must_use]
    pub fn of(text: &str, options: &Options) -> Self {
        let mut words = Words::default();
        for word in text.split_whitespace() {
            let key = key(word, options);
            if key.is_empty()
                && let Some(last) = words.shown.last_mut()
            {
                // "–" or "," alone, ignored: printed with the word before it.
                last.push(' ');
                last.push_str(word);
                continue;
            }
            words.shown.push(word.to_owned());
            words.keys.push(key);
        }
        words
    }

    /// What two paragraphs must share to be the same text: the keys, joined
    /// by spaces, or run together when whitespace is ignored (so that
    /// `multi- stakeholder` and `multi-stakeholder` are one).
    #[must_use]
    pub fn signature(&self, options: &Options) -> String {
        self.keys.join(if options.ignore_whitespace { "" } else { " " })
    }

    /// The words as printed, joined by single spaces.
    #[must_use]
    pub fn text(&self) -> String {
        self.shown.join(" ")
    }

    /// The words' keys, hashed, sorted and without repeats.
    #[must_use]
    pub fn word_set(&self) -> Vec<u64> {
        use std::hash::{Hash, Hasher};
        let mut out: Vec<u64> = self
            .keys
            .iter()
            .map(|k| {
                let mut h = rustc_hash::FxHasher::default();
                k.hash(&mut h);
                h.finish()
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Word pairs (one word alone for a one-word text), hashed, sorted and
    /// without repeats: what the alignment measures overlap with.
    #[must_use]
    pub fn shingles(&self) -> Vec<u64> {
        use std::hash::{Hash, Hasher};
        let hash = |a: &str, b: &str| {
            let mut h = rustc_hash::FxHasher::default();
            a.hash(&mut h);
            b.hash(&mut h);
            h.finish()
        };
        let mut out: Vec<u64> = match self.keys.as_slice() {
            [] => Vec::new(),
            [one] => vec![hash(one, "")],
            keys => keys.windows(2).map(|w| hash(&w[0], &w[1])).collect(),
        };
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Typographic variants read as one character: curly and straight quotes
/// and apostrophes, dashes and hyphens, non-breaking spaces. A typesetter's
/// choice, never a negotiated change, so folded whatever the options.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201f}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        '\u{ad}' | '\u{200b}' => return None,
        c => c,
    })
}

/// The key a word is compared by.
fn key(word: &str, options: &Options) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().filter_map(fold_char) {
        if options.ignore_punctuation && !c.is_alphanumeric() {
            continue;
        }
        if options.ignore_case {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    if out.is_empty() && !options.ignore_punctuation {
        // A word of soft hyphens alone: keep something to compare.
        return word.to_owned();
    }
    out
}

/// The word diff of `a` into `b`, on their keys: runs of words the same
/// (printed as in `b`), deleted (as in `a`) and inserted (as in `b`), as
/// [`crate::analysis::word_diff`] gives them.
#[must_use]
pub fn diff(a: &Words, b: &Words) -> Vec<DiffOp> {
    let mut out: Vec<DiffOp> = Vec::new();
    let mut push = |op: DiffOp| {
        let same_kind = matches!(
            (out.last(), &op),
            (Some(DiffOp::Equal(_)), DiffOp::Equal(_))
                | (Some(DiffOp::Delete(_)), DiffOp::Delete(_))
                | (Some(DiffOp::Insert(_)), DiffOp::Insert(_))
        );
        if same_kind
            && let Some(DiffOp::Equal(s) | DiffOp::Delete(s) | DiffOp::Insert(s)) = out.last_mut()
            && let DiffOp::Equal(w) | DiffOp::Delete(w) | DiffOp::Insert(w) = &op
        {
            s.push(' ');
            s.push_str(w);
        } else {
            out.push(op);
        }
    };
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &a.keys, &b.keys) {
        match op {
            similar::DiffOp::Equal { new_index, len, .. } => {
                for w in b.shown.iter().skip(new_index).take(len) {
                    push(DiffOp::Equal(w.clone()));
                }
            }
            similar::DiffOp::Delete { old_index, old_len, .. } => {
                for w in a.shown.iter().skip(old_index).take(old_len) {
                    push(DiffOp::Delete(w.clone()));
                }
            }
            similar::DiffOp::Insert { new_index, new_len, .. } => {
                for w in b.shown.iter().skip(new_index).take(new_len) {
                    push(DiffOp::Insert(w.clone()));
                }
            }
            similar::DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                for w in a.shown.iter().skip(old_index).take(old_len) {
                    push(DiffOp::Delete(w.clone()));
                }
                for w in b.shown.iter().skip(new_index).take(new_len) {
                    push(DiffOp::Insert(w.clone()));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_punctuation_fold_only_when_asked() {
        let strict = Options::strict();
        let loose = Options { ignore_case: true, ignore_punctuation: true, ..Options::default() };
        let a = "Recalling its resolution 70/125, of 16 December 2015;";
        let b = "recalling its resolution 70/125 of 16 December 2015";
        assert_ne!(Words::of(a, &strict).signature(&strict), Words::of(b, &strict).signature(&strict));
        assert_eq!(Words::of(a, &loose).signature(&loose), Words::of(b, &loose).signature(&loose));
        // Curly and straight apostrophes are one, always.
        assert_eq!(Words::of("States’ rights", &strict).keys, Words::of("States' rights", &strict).keys);
    }

    #[test]
    fn punctuation_alone_joins_the_word_before_it() {
        let loose = Options { ignore_punctuation: true, ..Options::default() };
        let w = Words::of("peace – and security", &loose);
        assert_eq!(w.shown, ["peace –", "and", "security"]);
        assert_eq!(w.keys, ["peace", "and", "security"]);
    }

    #[test]
    fn whitespace_ignored_joins_broken_words() {
        let on = Options::default();
        let off = Options { ignore_whitespace: false, ..Options::default() };
        let a = "multi- stakeholder cooperation";
        let b = "multi-stakeholder cooperation";
        assert_eq!(Words::of(a, &on).signature(&on), Words::of(b, &on).signature(&on));
        assert_ne!(Words::of(a, &off).signature(&off), Words::of(b, &off).signature(&off));
    }

    #[test]
    fn diff_shows_the_printed_words() {
        let o = Options { ignore_case: true, ..Options::default() };
        let a = Words::of("We Encourage all States to act", &o);
        let b = Words::of("We encourage all Member States to act now", &o);
        assert_eq!(
            diff(&a, &b),
            [
                DiffOp::Equal("We encourage all".into()),
                DiffOp::Insert("Member".into()),
                DiffOp::Equal("States to act".into()),
                DiffOp::Insert("now".into())
            ]
        );
    }
}
