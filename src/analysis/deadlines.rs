//! Deadlines and dates named in a task: `no later than July 2016`, `by 2020`,
//! `by the end of 2030`, `in 2025`, `before 31 December 2017`.

use std::ops::Range;

/// The words that introduce a deadline, longest first.
const LEADS: [&str; 8] =
    ["no later than", "not later than", "by the end of", "by end of", "by", "before", "until", "in"];

/// One deadline found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Deadline {
    /// The words as written: `no later than July 2016`.
    pub quote: String,
    /// Their byte range in the text searched.
    pub span: Range<usize>,
    /// The year named.
    pub year: u16,
}

/// Every deadline in `text`, in text order: a lead (`no later than`, `by`,
/// `by the end of`, `before`, `until`, `in`) followed by a date — a year
/// (1900–2199), optionally with a month and a day (`31 December 2017`,
/// `July 2016`, `May 5, 2019`). Any such date counts, past ones too: callers
/// look only inside tasks, where dates are what the task is due by. Never
/// panics.
///
/// # Complexity
///
/// Linear in the text.
#[must_use]
pub fn deadlines(text: &str) -> Vec<Deadline> {
    let words: Vec<(Range<usize>, String)> = word_ranges(text);
    let mut out = Vec::new();
    let mut i = 0;
    'scan: while i < words.len() {
        for lead in LEADS {
            let lead_words: Vec<&str> = lead.split(' ').collect();
            let n = lead_words.len();
            let matches_lead = lead_words
                .iter()
                .enumerate()
                .all(|(k, lw)| words.get(i + k).is_some_and(|(_, w)| w.eq_ignore_ascii_case(lw)));
            if !matches_lead {
                continue;
            }
            if let Some((end_word, year)) = date_at(&words, i + n)
                && let (Some((first, _)), Some((last, _))) = (words.get(i), words.get(end_word))
            {
                let span = first.start..last.end;
                if let Some(quote) = text.get(span.clone()) {
                    out.push(Deadline { quote: quote.to_owned(), span, year });
                    i = end_word + 1;
                    continue 'scan;
                }
            }
        }
        i += 1;
    }
    out
}

/// A date starting at word `i`: `[day] [month] year` or `month [day,] year`.
/// Returns the last word of the date and the year.
fn date_at(words: &[(Range<usize>, String)], i: usize) -> Option<(usize, u16)> {
    let word = |k: usize| words.get(k).map(|(_, w)| w.as_str());
    let is_month =
        |k: usize| word(k).is_some_and(|w| crate::document::MONTHS.iter().any(|m| w.eq_ignore_ascii_case(m)));
    let is_day = |k: usize| word(k).and_then(|w| w.parse::<u8>().ok()).is_some_and(|d| (1..=31).contains(&d));
    let mut k = i;
    if is_day(k) && is_month(k + 1) {
        k += 2;
    } else if is_month(k) {
        k += 1;
        if is_day(k) {
            k += 1;
        }
    }
    let year = year_at(word(k)?)?;
    Some((k, year))
}

fn year_at(word: &str) -> Option<u16> {
    if word.len() != 4 {
        return None;
    }
    let year: u16 = word.parse().ok()?;
    (1900..2200).contains(&year).then_some(year)
}

/// Alphanumeric words with their byte ranges; `/` joins (so a symbol like
/// `2015/26` is one word, never a year).
fn word_ranges(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let wordy = c.is_alphanumeric() || c == '/' || (start.is_some() && c == '-');
        match (wordy, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                if let Some(w) = text.get(s..i) {
                    out.push((s..i, w.to_owned()));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        deadlines(text).into_iter().map(|d| d.quote).collect()
    }

    #[test]
    fn finds_the_usual_forms() {
        assert_eq!(
            quotes("The group, which shall be constituted no later than July 2016, will report by 2020."),
            ["no later than July 2016", "by 2020"]
        );
        assert_eq!(
            quotes("an overall review in 2025, and a report by the end of 2030"),
            ["in 2025", "by the end of 2030"]
        );
        assert_eq!(quotes("before 31 December 2017"), ["before 31 December 2017"]);
        assert_eq!(quotes("until May 5, 2019"), ["until May 5, 2019"]);
    }

    #[test]
    fn numbers_that_are_not_years() {
        assert!(quotes("by 7.1 billion, in resolution 2015/26, by 300 people").is_empty());
        assert!(quotes("").is_empty());
        assert_eq!(deadlines("in 2025")[0].year, 2025);
    }
}
