//! Lines and the words on them: splitting a text into lines, a line's
//! leading number ([`Marker`]), and the small predicates the classifier and
//! the assembler share (does this text end a sentence, is it heading-like).

/// A heading is at most this many characters…
pub(super) const HEADING_MAX_CHARS: usize = 90;
/// …and this many words.
pub(super) const HEADING_MAX_WORDS: usize = 12;
/// At most this many components in a section number (`1.2.3.4`).
pub(super) const MAX_KEY_PARTS: usize = 4;
/// Characters of a line quoted in a warning.
pub(super) const SNIPPET_CHARS: usize = 40;

/// Splits on `\n`, `\r\n` and lone `\r`, numbering lines from 1. Searches
/// for `\n` first (memchr), then for `\r` within that line only, so the
/// whole split stays linear.
pub(crate) fn split_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = Some(text);
    let mut number = 0;
    std::iter::from_fn(move || {
        let current = rest?;
        number += 1;
        let newline = current.find('\n');
        let head = current.get(..newline.unwrap_or(current.len())).unwrap_or(current);
        let (line, after) = match (head.find('\r'), newline) {
            // `\r\n`
            (Some(cr), Some(nl)) if cr + 1 == nl => (head.get(..cr), current.get(nl + 1..)),
            // A lone `\r`
            (Some(cr), _) => (head.get(..cr), current.get(cr + 1..)),
            (None, Some(nl)) => (Some(head), current.get(nl + 1..)),
            (None, None) => (Some(head), None),
        };
        rest = after;
        Some((number, line.unwrap_or_default()))
    })
}

/// One non-empty, trimmed source line.
pub(super) struct Line<'a> {
    /// 1-based line number in the source.
    pub(super) number: usize,
    /// The line without surrounding whitespace.
    pub(super) text: &'a str,
    /// Its leading number, if any.
    pub(super) marker: Option<Marker<'a>>,
}

/// A leading number: `17.`, `- 17.`, `1.1`, `4.1.`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Marker<'a> {
    /// A list dash (`-`, `–`, `—`, `•`) came before the number.
    pub(super) dashed: bool,
    /// The number's components: `[4, 1]` for `4.1.`.
    pub(super) parts: Vec<u32>,
    /// The text after the number, trimmed.
    pub(super) rest: &'a str,
}

impl<'a> Marker<'a> {
    /// Reads a leading number. A single number needs its dot (`17.`, so that
    /// `2030 Agenda` is text); a dotted number does not (`1.1 Bridging`). The
    /// number must be followed by whitespace or the end of the line.
    pub(super) fn parse(line: &'a str) -> Option<Self> {
        let (dashed, mut s) = match line.strip_prefix(['-', '–', '—', '•']) {
            Some(after) => (true, after.trim_start()),
            None => (false, line),
        };
        let mut parts = Vec::new();
        let mut trailing_dot = false;
        loop {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 || digits > 10 || parts.len() == MAX_KEY_PARTS {
                return None;
            }
            let (number, after) = s.split_at(digits);
            parts.push(number.parse().ok()?);
            s = after;
            match s.strip_prefix('.') {
                Some(after) if after.starts_with(|c: char| c.is_ascii_digit()) => s = after,
                Some(after) => {
                    s = after;
                    trailing_dot = true;
                    break;
                }
                None => break,
            }
        }
        let ends = s.is_empty() || s.starts_with(char::is_whitespace);
        (ends && (trailing_dot || parts.len() > 1)).then(|| Marker { dashed, parts, rest: s.trim() })
    }

    /// The single paragraph-style number (`17` in `- 17.`), if it is one.
    pub(super) fn single(&self) -> Option<u32> {
        match self.parts.as_slice() {
            [n] => Some(*n),
            _ => None,
        }
    }
}

/// Pushes words onto `buf`, one space apart (none before the first if
/// `glue`), without soft hyphens. Returns whether any word was pushed.
pub(super) fn push_words<'w>(buf: &mut String, words: impl Iterator<Item = &'w str>, mut glue: bool) -> bool {
    let mut any = false;
    for word in words {
        let soft = word.contains('\u{ad}');
        if soft && word.chars().all(|c| c == '\u{ad}') {
            continue;
        }
        if !buf.is_empty() && !glue {
            buf.push(' ');
        }
        glue = false;
        any = true;
        if soft {
            buf.extend(word.chars().filter(|&c| c != '\u{ad}'));
        } else {
            buf.push_str(word);
        }
    }
    any
}

/// Words that end in a period without ending a sentence, lower-cased.
pub(super) const ABBREVIATIONS: [&str; 21] = [
    "mr", "mrs", "ms", "dr", "prof", "nos", "vol", "op", "para", "paras", "p", "pp", "art", "arts", "chap", "ch",
    "sect", "sec", "cf", "st", "viz",
];

/// The open text ends a sentence or clause (`.`, `;`, `!`, `?`, `…`), and
/// not with an abbreviation (`Mr.`, `para.`, `e.g.`) or an initial (`J.`).
pub(super) fn ends_sentence(text: &str) -> bool {
    let text = trim_closers(text);
    if !text.ends_with(['.', '!', '?', ';', '…']) {
        return false;
    }
    let Some(word) = text.strip_suffix('.').and_then(|t| t.split_whitespace().next_back()) else { return true };
    let word = word.trim_start_matches(['(', '"', '\'', '“', '‘', '[']);
    // `annex I.` ends a sentence; `J.` (an initial) does not.
    let initial = word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic() && !matches!(c, 'I' | 'V' | 'X'));
    let dotted = word.contains('.') && word.chars().count() <= 4;
    !(initial || dotted || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)))
}

/// A heading's title: starts with a capital, no closing punctuation.
pub(super) fn heading_like_title(title: &str) -> bool {
    title.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
        && !trim_closers(title).ends_with(['.', ',', ';', ':', '!', '?', '…'])
}

/// Short and without closing punctuation (a heading's second line, which
/// may start lower-case).
pub(super) fn heading_like_words(text: &str) -> bool {
    text.chars().nth(HEADING_MAX_CHARS).is_none()
        && text.split_whitespace().nth(HEADING_MAX_WORDS).is_none()
        && !trim_closers(text).ends_with(['.', ',', ';', ':', '!', '?', '…'])
}

/// Whitespace folded to single spaces.
pub(super) fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first letter is lower-case.
pub(super) fn starts_lower(text: &str) -> bool {
    text.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase)
}

/// Strips closing quotes and brackets from the end.
pub(super) fn trim_closers(text: &str) -> &str {
    text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
}

/// The text does not end a sentence (or a clause ending in `;` or `:`).
pub(super) fn ends_mid_sentence(text: &str) -> bool {
    !trim_closers(text).ends_with(['.', '!', '?', ';', ':', '…'])
}

/// Short, starts with a capital, no closing punctuation.
pub(super) fn heading_like(text: &str) -> bool {
    let short =
        text.chars().nth(HEADING_MAX_CHARS).is_none() && text.split_whitespace().nth(HEADING_MAX_WORDS).is_none();
    let capital = text.chars().find(|c| c.is_alphabetic()).is_some_and(|c| !c.is_lowercase());
    short && capital && !trim_closers(text).ends_with(['.', ',', ';', ':', '!', '?', '…'])
}

/// The start of a line for a warning.
pub(super) fn snippet(text: &str) -> String {
    let mut s: String = text.chars().take(SNIPPET_CHARS).collect();
    if text.chars().nth(SNIPPET_CHARS).is_some() {
        s.push('…');
    }
    s
}
/// Characters a PDF gives that the parser and extractor should see plainly:
/// non-breaking and other hyphens become `-`.
pub(crate) fn clean_chars(line: &str) -> String {
    line.chars().map(|c| if matches!(c, '\u{2010}' | '\u{2011}') { '-' } else { c }).collect()
}
