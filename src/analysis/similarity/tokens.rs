//! Words and sentences: lower-case alphanumeric words with their byte
//! ranges, a crude plural fold, stop words, sentence ranges, and the shared
//! vocabulary every text's words are numbered in.

use std::ops::Range;

use rayon::prelude::*;

use super::FastMap;

pub(super) const STOP_WORDS: &[&str] = &[
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
pub(super) fn for_each_word(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
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
pub(super) fn tokens(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    for_each_word(text, |range, w| out.push((range, w.to_owned())));
    out
}

/// A crude plural fold so that `rights` meets `right`.
pub(super) fn stem(word: &str) -> &str {
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word.get(..word.len() - 1).unwrap_or(word)
    } else {
        word
    }
}

/// Sentence byte ranges: ends at `.`, `!`, `?` or `;` followed by whitespace, or the end.
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
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

pub(super) fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(s) = text.get(range.clone()) else { return };
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// A word of a text: where it is, its (plural-folded) id, and whether it
/// carries meaning (not a stop word, at least two characters).
pub(super) struct Token {
    pub(super) range: Range<usize>,
    pub(super) id: u32,
    pub(super) content: bool,
}

/// Every text's words, with one shared vocabulary.
pub(super) struct Tokenized {
    pub(super) texts: Vec<Vec<Token>>,
    pub(super) vocabulary: usize,
}

/// Texts per parallel tokenizing job.
pub(super) const TOKENIZE_CHUNK: usize = 128;

/// Words of a run of texts, as ids local to that run.
pub(super) struct LocalWords {
    /// Local id → lower-case word.
    words: Vec<String>,
    /// Per text: (byte range, local id) of every word.
    texts: Vec<Vec<(Range<usize>, u32)>>,
}

pub(super) fn tokenize(texts: &[&str]) -> Tokenized {
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

/// Interns strings as dense ids.
#[derive(Clone, Default)]
pub(super) struct Interner(pub(super) FastMap<String, u32>);

impl Interner {
    pub(super) fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.0.get(word) {
            return id;
        }
        let id = u32::try_from(self.0.len()).unwrap_or(u32::MAX);
        self.0.insert(word.to_owned(), id);
        id
    }
}
