//! Headings: how a line reads as one. Numbered headings (`1.1 Bridging…`)
//! are recognised by the assembler from their [`Marker`](super::lines::Marker);
//! here are the others — outline headings (`II. Financing`, `A. Access`),
//! word headings (`Objective 1. …`), part headings (`Annex II`), article
//! headings (`Article 7`), the
//! `Preamble` line — and the preambular openers (`Recalling…`).

use super::lines::{HEADING_MAX_CHARS, Marker, heading_like, heading_like_title, trim_closers};

/// A top-level heading number may run at most this far past the last one.
pub(super) const HEADING_MAX_JUMP: u32 = 3;

/// Words that open a preambular paragraph besides participles in `-ing`.
pub(super) const PREAMBULAR_OPENERS: [&str; 24] = [
    "Alarmed",
    "Appalled",
    "Aware",
    "Cognizant",
    "Cognisant",
    "Committed",
    "Concerned",
    "Confident",
    "Conscious",
    "Convinced",
    "Deeply",
    "Desirous",
    "Determined",
    "Disturbed",
    "Encouraged",
    "Fully",
    "Gravely",
    "Guided",
    "Inspired",
    "Mindful",
    "Noting",
    "Pleased",
    "Resolved",
    "Seriously",
];

/// `Recalling…`, `Welcoming…`, `Mindful…`: a line that opens a preambular
/// paragraph.
pub(super) fn is_preambular_opening(text: &str) -> bool {
    let Some(word) = text.split_whitespace().next() else { return false };
    let word = word.trim_end_matches([',', ';']);
    let mut chars = word.chars();
    let capital = chars.next().is_some_and(char::is_uppercase);
    let participle =
        word.len() > 5 && word.ends_with("ing") && chars.all(|c| c.is_ascii_lowercase()) && word != "Beijing";
    capital && (participle || PREAMBULAR_OPENERS.contains(&word))
}

/// The Roman numerals of outline headings, `I` to `XXX`, in order.
pub(super) const ROMAN: [&str; 30] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
    "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX",
];

/// The value of a Roman numeral `I`…`XXX` written the usual way (`IV`, not
/// `IIII`).
pub(super) fn roman_value(numeral: &str) -> Option<u32> {
    ROMAN.iter().position(|r| *r == numeral).and_then(|i| u32::try_from(i + 1).ok())
}

/// The place of a capital letter `A`…`Z` in the alphabet, from 1.
pub(super) fn letter_value(numeral: &str) -> Option<u32> {
    match numeral.as_bytes() {
        [c @ b'A'..=b'Z'] => Some(u32::from(c - b'A') + 1),
        _ => None,
    }
}

/// An outline heading line: a Roman numeral `I`…`XXX` or a capital letter
/// `A`…`Z`, then `.` and white space, or (as PDF text layers give it) a tab
/// or, after a Roman numeral, two spaces; then a short capitalised title
/// without closing punctuation (see `heading_like`). The title may be
/// missing (`II.`, `II`, `A.` alone: it is then on the next line). Returns
/// the numeral (`II`, `A`) and the title. `I. of the report`, `A. Smith, the
/// rapporteur.`, `I welcome` are not headings.
pub(super) fn outline_heading(text: &str) -> Option<(&str, &str)> {
    let len = text.bytes().take_while(u8::is_ascii_uppercase).count();
    if !(1..=6).contains(&len) {
        return None;
    }
    let (numeral, rest) = text.split_at(len);
    let roman = roman_value(numeral).is_some();
    if !roman && letter_value(numeral).is_none() {
        return None;
    }
    let title = match rest.strip_prefix('.') {
        Some(after) if after.is_empty() || after.starts_with(char::is_whitespace) => after,
        Some(_) => return None,
        None if rest.starts_with('\t') || roman && rest.is_empty() => rest,
        None if roman && rest.chars().take(2).filter(|c| c.is_whitespace()).count() == 2 => rest,
        None => return None,
    };
    let title = title.trim();
    (title.is_empty() || heading_like(title)).then_some((numeral, title))
}

/// `Objective 1. Close all digital divides`: a capitalised word from a short
/// list, a number or Roman numeral with `.` or `:`, and a title that does not
/// end a sentence; or, as budget resolutions print them, `Part IV`,
/// `Section 29D`, `Chapter II` alone on the line, the title on the next.
/// Returns the section key (`objective-1`, `section-29d`) and the title.
pub(super) fn word_heading(text: &str) -> Option<(String, &str)> {
    // `Annex` is a part heading (see `part_heading`), not a word heading.
    const WORDS: [&str; 5] = ["Objective", "Section", "Part", "Chapter", "Principle"];
    let (word, rest) = text.split_once(' ')?;
    if !WORDS.contains(&word) {
        return None;
    }
    let (number, title) = rest.trim_start().split_once(' ').unwrap_or((rest.trim_start(), ""));
    // `Part I` or `Section 29D` alone on its line: the title is on the next.
    let number = match number.strip_suffix(['.', ':']) {
        Some(n) => n,
        None if title.trim().is_empty() && word != "Objective" && word != "Principle" => number,
        None => return None,
    };
    // `29D`: a section split in lettered parts.
    let digits = number.trim_end_matches(|c: char| c.is_ascii_uppercase());
    let lettered = number.len() - digits.len() == 1 && word == "Section";
    let numeric = !number.is_empty()
        && (number.bytes().all(|c| c.is_ascii_digit())
            || lettered && !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit())
            || number.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
        && number.len() <= 6;
    let title = title.trim();
    let ok = numeric
        && title.chars().count() <= 2 * HEADING_MAX_CHARS
        && title.chars().next().is_none_or(char::is_uppercase)
        && !trim_closers(title).ends_with(['.', ',', ';', ':']);
    ok.then(|| (format!("{}-{}", word.to_lowercase(), number.to_lowercase()), title))
}

/// An article of a convention or of rules, as the UN sets them: `Article 7`
/// alone on its line (its title on the next), or `Article 12. Jurisdiction`
/// / `Article 12: Jurisdiction` (a short capitalised title without closing
/// punctuation). `Article 5 of the Convention` is not a heading. Returns
/// the number and the title (empty when on the next line).
pub(super) fn article_heading(text: &str) -> Option<(u32, &str)> {
    let rest = text.strip_prefix("Article ")?.trim_start();
    let (number, title) = rest.split_once(char::is_whitespace).map_or((rest, ""), |(n, t)| (n, t.trim()));
    let (digits, punctuated) = match number.strip_suffix(['.', ':']) {
        Some(n) => (n, true),
        None => (number, false),
    };
    if !(1..=3).contains(&digits.len()) || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n = digits.parse().ok().filter(|&n| n > 0)?;
    let fits = if title.is_empty() { !punctuated } else { punctuated && heading_like(title) };
    fits.then_some((n, title))
}

/// What a part heading may be called: its paragraphs are numbered again from 1.
pub(super) const PART_WORDS: [&str; 2] = ["Annex", "Appendix"];

/// A heading that starts a new part of the document, whose paragraphs are
/// numbered again from 1: `Annex`, `ANNEX`, `Annex II`, `Annex 2`, `Annex I.
/// Title` / `Annex I: Title` / `Annex I – Title`, and the same with
/// `Appendix`. The whole line must be the heading: the word capitalised or
/// in capitals, then nothing, or a Roman (`I`…`XL`) or Arabic (at most
/// three digits) numeral, then nothing or a separator and a short
/// capitalised title without closing punctuation. So `Annex I to the
/// present resolution`, `annex`, `Annex I.` and `Annexes` are not headings.
/// Returns the part key (`annex`, `annex-ii`, `appendix-2`) and the title
/// (often empty).
pub(super) fn part_heading(text: &str) -> Option<(String, &str)> {
    let (word, rest) = text.split_once(char::is_whitespace).map_or((text, ""), |(w, r)| (w, r.trim_start()));
    let name = PART_WORDS.iter().find(|w| **w == word || w.to_uppercase() == word)?;
    let name = name.to_lowercase();
    if rest.is_empty() {
        return Some((name, ""));
    }
    let (number, title) = rest.split_once(char::is_whitespace).map_or((rest, ""), |(n, t)| (n, t.trim_start()));
    let (number, punctuated) = match number.strip_suffix(['.', ':']) {
        Some(n) => (n, true),
        None => (number, false),
    };
    let roman = (1..=6).contains(&number.len()) && number.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let arabic = (1..=3).contains(&number.len()) && number.bytes().all(|c| c.is_ascii_digit());
    if !(roman || arabic) {
        return None;
    }
    let title = match title.strip_prefix(['–', '—', '-']) {
        Some(after) if !punctuated => after.trim_start(),
        _ if punctuated || title.is_empty() => title,
        _ => return None,
    };
    let fits = title.is_empty() && !punctuated
        || !title.is_empty() && title.chars().count() <= 2 * HEADING_MAX_CHARS && heading_like_title(title);
    fits.then(|| (format!("{name}-{}", number.to_lowercase()), title))
}

/// A section key from a heading's words: `follow-up-and-review`.
pub(super) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() { "section".to_owned() } else { out.to_owned() }
}

/// The section key of a heading number: `4.1` for `4.1.`.
pub(super) fn key(marker: &Marker<'_>) -> String {
    marker.parts.iter().map(u32::to_string).collect::<Vec<_>>().join(".")
}

/// `Preamble`, in any case, with an optional colon.
pub(super) fn is_preamble_heading(text: &str) -> bool {
    text.trim_end_matches(':').trim().eq_ignore_ascii_case("preamble")
}
