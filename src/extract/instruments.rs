//! Parts of instruments: "paragraph 111 of the Tunis Agenda", "paragraphs 23
//! and 27 of the Tunis Agenda" (two parts), "paragraph 72 to 78 of …" (each
//! paragraph of the range), "Article 19 of the Universal Declaration of Human
//! Rights".
//!
//! "paragraph 71 of resolution 70/125" cites a paragraph of a resolution
//! ([`Entity::ResolutionPart`]).
//!
//! The instrument must be named right after "of" / "of the" (a catalogue
//! alias); the evidence span runs from "paragraph" to the end of its name, so
//! the name is not counted again as a citation of the whole instrument.

use std::ops::Range;

use super::aliases::Hit;
use super::text::{boundary_after, boundary_before, eat, eat_any, number};
use super::{Entity, Mention, Part, Relation};

/// A range wider than this cites only its two ends ("paragraphs 1 to 5000").
pub(crate) const MAX_RANGE: u32 = 200;
/// At most this many parts from one citation, however it is written.
const MAX_PARTS: usize = 500;

/// Which kind of part a keyword introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartKind {
    /// "paragraph 55".
    Paragraph,
    /// "Article 19".
    Article,
}

impl PartKind {
    fn part(self, n: u32) -> Part {
        match self {
            PartKind::Paragraph => Part::Paragraph(n),
            PartKind::Article => Part::Article(n),
        }
    }

    fn keywords(self) -> &'static [&'static str] {
        match self {
            PartKind::Paragraph => &["paragraphs", "Paragraphs", "paragraph", "Paragraph"],
            PartKind::Article => &["articles", "Articles", "article", "Article"],
        }
    }
}

/// Parts cited at the keyword at `at` ("paragraph"/"article", any case),
/// given the name hits of the same text sorted by start. Empty when no
/// number list or no instrument name follows.
pub(crate) fn at_keyword(text: &str, at: usize, kind: PartKind, names: &[Hit<'_>]) -> Vec<Mention> {
    let mut out = Vec::new();
    let Some(after_word) = eat_any(text, at, kind.keywords()) else { return out };
    if !boundary_before(text, at) || !boundary_after(text, after_word) {
        return out;
    }
    let Some(list_start) = eat(text, after_word, " ") else { return out };
    let Some((numbers, list_end)) = number_list(text, list_start) else { return out };
    let Some(of_end) = eat(text, list_end, " of ") else { return out };
    if kind == PartKind::Paragraph
        && let Some((symbol, end)) = super::resolutions::named_at(text, of_end)
    {
        for n in numbers {
            out.push(Mention {
                entity: Entity::ResolutionPart { symbol: symbol.clone(), part: Part::Paragraph(n) },
                relation: Relation::Cites,
                span: at..end,
            });
        }
        return out;
    }
    let Some((key, name_end)) = instrument_at(of_end, names)
        .or_else(|| eat_any(text, of_end, &["the ", "The "]).and_then(|the_end| instrument_at(the_end, names)))
    else {
        return out;
    };
    let span: Range<usize> = at..name_end;
    for n in numbers {
        out.push(Mention {
            entity: Entity::Instrument { key: key.to_owned(), part: Some(kind.part(n)) },
            relation: Relation::Cites,
            span: span.clone(),
        });
    }
    out
}

/// The instrument whose name starts exactly at `at`: its key and where the name ends.
fn instrument_at<'c>(at: usize, names: &[Hit<'c>]) -> Option<(&'c str, usize)> {
    let index = names.partition_point(|h| h.span.start < at);
    let hit = names.get(index).filter(|h| h.span.start == at)?;
    Some((hit.instrument_key()?, hit.span.end))
}

/// "55", "23 and 27", "5, 6 and 7", "72 to 78", "72-78": the numbers (ranges
/// expanded, capped) and the offset after the list.
fn number_list(text: &str, at: usize) -> Option<(Vec<u32>, usize)> {
    const AND: [&str; 3] = [", and ", " and ", ", "];
    const TO: [&str; 5] = [" to ", " through ", "-", "\u{2013}", " \u{2013} "];
    let (first, mut end) = number(text, at, 6)?;
    let mut numbers = vec![first];
    let mut last = first;
    loop {
        if let Some(next) = eat_any(text, end, &TO)
            && let Some((hi, hi_end)) = number(text, next, 6)
        {
            expand_range(&mut numbers, last, hi);
            last = hi;
            end = hi_end;
        } else if let Some(next) = eat_any(text, end, &AND)
            && let Some((n, n_end)) = number(text, next, 6)
        {
            push_capped(&mut numbers, n);
            last = n;
            end = n_end;
        } else {
            break;
        }
    }
    boundary_after(text, end).then_some((numbers, end))
}

/// Adds `lo+1 ..= hi` after `lo` (already in the list); only `hi` when the
/// range is reversed or wider than [`MAX_RANGE`].
fn expand_range(numbers: &mut Vec<u32>, lo: u32, hi: u32) {
    if hi > lo && hi - lo <= MAX_RANGE {
        for n in lo + 1..=hi {
            push_capped(numbers, n);
        }
    } else if hi != lo {
        push_capped(numbers, hi);
    }
}

fn push_capped(numbers: &mut Vec<u32>, n: u32) {
    if numbers.len() < MAX_PARTS && !numbers.contains(&n) {
        numbers.push(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tunis() -> Vec<(Entity, Relation)> {
        vec![(Entity::Instrument { key: "tunis-agenda".into(), part: None }, Relation::Cites)]
    }

    /// Parts found at the first "paragraph"/"article" of `text`, where the
    /// instrument name is `name` (its first occurrence).
    fn parts(text: &str, kind: PartKind, name: &str) -> (Vec<Part>, Option<String>) {
        let targets = tunis();
        let names: Vec<Hit<'_>> =
            text.find(name).map(|s| Hit { span: s..s + name.len(), targets: &targets }).into_iter().collect();
        let lower = text.to_ascii_lowercase();
        let keyword = if kind == PartKind::Paragraph { "paragraph" } else { "article" };
        let Some(at) = lower.find(keyword) else { return (Vec::new(), None) };
        let found = at_keyword(text, at, kind, &names);
        let quote = found.first().and_then(|m| text.get(m.span.clone())).map(str::to_owned);
        let parts = found
            .into_iter()
            .filter_map(|m| match m.entity {
                Entity::Instrument { part, .. } => part,
                _ => None,
            })
            .collect();
        (parts, quote)
    }

    #[test]
    fn one_paragraph() {
        let (p, q) = parts("We reaffirm paragraph 55 of the Tunis Agenda, and", PartKind::Paragraph, "Tunis Agenda");
        assert_eq!(p, [Part::Paragraph(55)]);
        assert_eq!(q.as_deref(), Some("paragraph 55 of the Tunis Agenda"));
    }

    #[test]
    fn two_paragraphs() {
        let (p, q) =
            parts("progress on paragraphs 23 and 27 of the Tunis Agenda.", PartKind::Paragraph, "Tunis Agenda");
        assert_eq!(p, [Part::Paragraph(23), Part::Paragraph(27)]);
        assert_eq!(q.as_deref(), Some("paragraphs 23 and 27 of the Tunis Agenda"));
    }

    #[test]
    fn a_range_cites_each_paragraph() {
        let (p, _) = parts("as set out in paragraph 72 to 78 of the Tunis Agenda", PartKind::Paragraph, "Tunis Agenda");
        assert_eq!(p, (72..=78).map(Part::Paragraph).collect::<Vec<_>>());
        let (p, _) = parts("paragraphs 69-71 of the Tunis Agenda", PartKind::Paragraph, "Tunis Agenda");
        assert_eq!(p, [Part::Paragraph(69), Part::Paragraph(70), Part::Paragraph(71)]);
    }

    #[test]
    fn an_absurd_range_cites_its_ends() {
        let (p, _) = parts("paragraphs 1 to 5000 of the Tunis Agenda", PartKind::Paragraph, "Tunis Agenda");
        assert_eq!(p, [Part::Paragraph(1), Part::Paragraph(5000)]);
        let (p, _) = parts("paragraphs 9 to 3 of the Tunis Agenda", PartKind::Paragraph, "Tunis Agenda");
        assert_eq!(p, [Part::Paragraph(9), Part::Paragraph(3)]);
    }

    #[test]
    fn an_article() {
        let (p, q) = parts("commitment to Article 19 of the UDHR, that", PartKind::Article, "UDHR");
        assert_eq!(p, [Part::Article(19)]);
        assert_eq!(q.as_deref(), Some("Article 19 of the UDHR"));
    }

    #[test]
    fn no_instrument_no_part() {
        assert!(parts("recall paragraph 5 above", PartKind::Paragraph, "Tunis Agenda").0.is_empty());
        assert!(parts("paragraph 5 of resolution 68/302", PartKind::Paragraph, "Tunis Agenda").0.is_empty());
        assert!(parts("Article 19 by states", PartKind::Article, "UDHR").0.is_empty());
        assert!(parts("paragraph of the Tunis Agenda", PartKind::Paragraph, "Tunis Agenda").0.is_empty());
        assert!(parts("subparagraph 5 of the Tunis Agenda", PartKind::Paragraph, "Tunis Agenda").0.is_empty());
    }
}
