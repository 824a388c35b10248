//! Small text helpers for the scanners: word boundaries, literal and number
//! readers that never panic, and whitespace folding with a map back to the
//! original byte offsets.

use std::borrow::Cow;
use std::ops::Range;

/// A letter, digit or underscore: what a word is made of.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `at` is at the start of a word (no word character just before).
pub(crate) fn boundary_before(text: &str, at: usize) -> bool {
    text.get(..at).is_some_and(|before| before.chars().next_back().is_none_or(|c| !is_word_char(c)))
}

/// Whether `at` is at the end of a word (no word character just after).
pub(crate) fn boundary_after(text: &str, at: usize) -> bool {
    text.get(at..).is_some_and(|after| after.chars().next().is_none_or(|c| !is_word_char(c)))
}

/// If `text[at..]` starts with `literal`, the offset just after it.
pub(crate) fn eat(text: &str, at: usize, literal: &str) -> Option<usize> {
    text.get(at..)?.starts_with(literal).then_some(at + literal.len())
}

/// The first of `literals` that `text[at..]` starts with: the offset after it.
pub(crate) fn eat_any(text: &str, at: usize, literals: &[&str]) -> Option<usize> {
    literals.iter().find_map(|l| eat(text, at, l))
}

/// Reads 1 to `max_digits` ASCII digits at `at` (no more digits may follow):
/// the value and the offset after it.
pub(crate) fn number(text: &str, at: usize, max_digits: usize) -> Option<(u32, usize)> {
    let rest = text.get(at..)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > max_digits {
        return None;
    }
    let value = rest.get(..digits)?.parse::<u32>().ok()?;
    Some((value, at + digits))
}

/// The character just before `at`, if any.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// A text with every run of whitespace folded to one ASCII space, so that
/// "Addis Ababa Action Agenda of the\n\nThird" matches the catalogue, with the
/// way back to the original offsets.
pub(crate) struct Folded<'a> {
    /// The folded text.
    pub text: Cow<'a, str>,
    /// For each byte of the folded text: the original range of the character
    /// it belongs to. Empty when the text needed no folding.
    origin: Vec<Range<usize>>,
}

impl<'a> Folded<'a> {
    /// Folds whitespace runs; borrows the text when there is nothing to fold.
    pub fn new(text: &'a str) -> Self {
        let needs_folding = text.char_indices().any(|(i, c)| {
            c.is_whitespace()
                && (c != ' ' || text.get(i + 1..).is_some_and(|rest| rest.starts_with(char::is_whitespace)))
        });
        if !needs_folding {
            return Folded { text: Cow::Borrowed(text), origin: Vec::new() };
        }
        let mut folded = String::with_capacity(text.len());
        let mut origin: Vec<Range<usize>> = Vec::with_capacity(text.len());
        let mut in_space = false;
        for (i, c) in text.char_indices() {
            let range = i..i + c.len_utf8();
            if c.is_whitespace() {
                if in_space {
                    // Widen the space's origin to cover the whole run.
                    if let Some(last) = origin.last_mut() {
                        last.end = range.end;
                    }
                    continue;
                }
                in_space = true;
                folded.push(' ');
                origin.push(range);
            } else {
                in_space = false;
                folded.push(c);
                origin.extend(std::iter::repeat_n(range, c.len_utf8()));
            }
        }
        Folded { text: Cow::Owned(folded), origin }
    }

    /// The original byte range of a range of the folded text (both ends on
    /// character boundaries of the original).
    pub fn original(&self, span: &Range<usize>) -> Option<Range<usize>> {
        if self.origin.is_empty() {
            return Some(span.clone());
        }
        if span.start >= span.end {
            return None;
        }
        let start = self.origin.get(span.start)?.start;
        let end = self.origin.get(span.end - 1)?.end;
        Some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert!(boundary_before("a women", 2));
        assert!(!boundary_before("awomen", 1));
        assert!(boundary_before("women", 0));
        assert!(boundary_after("women's", 5));
        assert!(!boundary_after("womenx", 5));
        assert!(boundary_after("women", 5));
        // Not a char boundary: never a word boundary, never a panic.
        assert!(!boundary_before("é", 1));
        assert!(!boundary_after("é", 1));
    }

    #[test]
    fn numbers_and_literals() {
        assert_eq!(number("68/302", 0, 4), Some((68, 2)));
        assert_eq!(number("68/302", 3, 5), Some((302, 6)));
        assert_eq!(number("1234567", 0, 6), None);
        assert_eq!(number("x", 0, 3), None);
        assert_eq!(number("5", 9, 3), None);
        assert_eq!(eat("of the", 0, "of "), Some(3));
        assert_eq!(eat("of", 0, "of "), None);
        assert_eq!(eat_any("and 5", 0, &[", ", "and "]), Some(4));
    }

    #[test]
    fn clean_text_is_borrowed() {
        let f = Folded::new("one two three");
        assert!(matches!(f.text, Cow::Borrowed(_)));
        assert_eq!(f.original(&(4..7)), Some(4..7));
    }

    #[test]
    fn folding_maps_back_to_the_original() {
        let original = "Agenda of the\n\n Third  é\u{a0}x";
        let f = Folded::new(original);
        assert_eq!(f.text, "Agenda of the Third é x");
        let start = f.text.find("the Third").unwrap_or_default();
        let span = f.original(&(start..start + "the Third".len()));
        assert_eq!(span.and_then(|s| original.get(s)), Some("the\n\n Third"));
        let e = f.text.find('é').unwrap_or_default();
        let span = f.original(&(e..f.text.len()));
        assert_eq!(span.and_then(|s| original.get(s)), Some("é\u{a0}x"));
    }
}
