//! Finds every catalogue alias in a text in one pass (Aho-Corasick), keeps
//! the hits that respect word boundaries and the alias's case rule, and picks
//! the longest among overlapping hits.
//!
//! Case rule: an alias written all in lower case matches in any case
//! ("Civil society"); an alias with a capital letter matches exactly as
//! written ("the Charter", "ITU"), except that a leading "the " may be "The ".

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::text::{boundary_after, boundary_before};
use super::{Entity, Relation};

/// Which pass an alias belongs to: names (instruments, bodies, groups) and
/// thematic SDG vocabulary are selected independently, so "women" can be
/// both a stakeholder group and a thematic link to SDG 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Layer {
    /// A name: an instrument, a body, a stakeholder group.
    Name,
    /// A word that links to an SDG by theme.
    Thematic,
}

/// One alias as the catalogue declares it.
#[derive(Debug, Clone)]
pub(crate) struct PatternSpec {
    /// The alias text.
    pub text: String,
    /// Which pass.
    pub layer: Layer,
    /// What it names (usually one entity; a combined phrase names several).
    pub targets: Vec<(Entity, Relation)>,
}

#[derive(Debug, Clone)]
struct Pattern {
    text: String,
    /// Has a capital letter: must match as written.
    exact: bool,
    layer: Layer,
    targets: Vec<(Entity, Relation)>,
}

/// One alias found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit<'c> {
    /// Byte range in the searched text.
    pub span: Range<usize>,
    /// What it names.
    pub targets: &'c [(Entity, Relation)],
}

impl<'c> Hit<'c> {
    /// Whether the hit names an instrument (and which, the first if several).
    pub fn instrument_key(&self) -> Option<&'c str> {
        self.targets.iter().find_map(|(e, _)| match e {
            Entity::Instrument { key, part: None } => Some(key.as_str()),
            _ => None,
        })
    }

    /// Whether every target is a stakeholder group (they do not block thematic words).
    pub fn is_stakeholder(&self) -> bool {
        self.targets.iter().all(|(e, _)| matches!(e, Entity::Stakeholder(_)))
    }
}

/// The compiled aliases of a catalogue.
#[derive(Debug, Clone)]
pub(crate) struct AliasMatcher {
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
}

impl AliasMatcher {
    /// Compiles the aliases.
    pub fn new(specs: Vec<PatternSpec>) -> Result<Self, String> {
        let patterns: Vec<Pattern> = specs
            .into_iter()
            .map(|s| Pattern {
                exact: s.text.chars().any(char::is_uppercase),
                text: s.text,
                layer: s.layer,
                targets: s.targets,
            })
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // A DFA: a few hundred aliases cost well under a megabyte, and
            // the search is then one table lookup per byte.
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns.iter().map(|p| p.text.as_str()))
            .map_err(|e| e.to_string())?;
        Ok(Self { automaton, patterns })
    }

    /// Names and thematic words found in `text`, each list sorted by start
    /// and free of overlaps (the longest hit wins, then the leftmost).
    ///
    /// # Complexity
    ///
    /// Linear in the text plus the number of raw hits.
    pub fn find<'c>(&'c self, text: &str) -> (Vec<Hit<'c>>, Vec<Hit<'c>>) {
        let mut names = Vec::new();
        let mut thematic = Vec::new();
        // Overlapping search is supported by this (Standard, unanchored)
        // automaton; should it ever refuse, no alias is found rather than a panic.
        let Ok(matches) = self.automaton.try_find_overlapping_iter(text) else { return (names, thematic) };
        for m in matches {
            let Some(pattern) = self.patterns.get(m.pattern().as_usize()) else { continue };
            let span = m.range();
            let Some(found) = text.get(span.clone()) else { continue };
            if !case_matches(&pattern.text, pattern.exact, found)
                || !boundary_before(text, span.start)
                || !boundary_after(text, span.end)
            {
                continue;
            }
            let hit = Hit { span, targets: &pattern.targets };
            match pattern.layer {
                Layer::Name => names.push(hit),
                Layer::Thematic => thematic.push(hit),
            }
        }
        (longest_first(names), longest_first(thematic))
    }
}

/// Whether `found` (already equal to `alias` ignoring ASCII case) obeys the case rule.
fn case_matches(alias: &str, exact: bool, found: &str) -> bool {
    if !exact || alias == found {
        return true;
    }
    match (alias.strip_prefix("the "), found.strip_prefix("The ")) {
        (Some(a), Some(f)) => a == f,
        _ => false,
    }
}

/// Keeps non-overlapping hits, the longer of two overlapping ones ("the
/// Charter of the United Nations" is the Charter of the United Nations, not
/// "the Charter"); at equal length the leftmost.
fn longest_first(mut hits: Vec<Hit<'_>>) -> Vec<Hit<'_>> {
    hits.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    let mut kept: Vec<Hit<'_>> = Vec::with_capacity(hits.len());
    for hit in hits {
        match kept.last_mut() {
            // Kept hits are sorted and disjoint, so `hit` (starting at or after
            // `last`) can only overlap `last`.
            Some(last) if hit.span.start < last.span.end => {
                if hit.span.len() > last.span.len() {
                    *last = hit;
                }
            }
            _ => kept.push(hit),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(aliases: &[(&str, Layer)]) -> AliasMatcher {
        let specs = aliases
            .iter()
            .enumerate()
            .map(|(i, (text, layer))| PatternSpec {
                text: (*text).to_owned(),
                layer: *layer,
                targets: vec![(Entity::Organization(i.to_string()), Relation::Mentions)],
            })
            .collect();
        match AliasMatcher::new(specs) {
            Ok(m) => m,
            Err(e) => panic!("{e}"),
        }
    }

    fn quotes<'t>(text: &'t str, hits: &[Hit<'_>]) -> Vec<&'t str> {
        hits.iter().filter_map(|h| text.get(h.span.clone())).collect()
    }

    #[test]
    fn lower_case_aliases_match_any_case() {
        let m = matcher(&[("civil society", Layer::Name)]);
        let text = "Civil society and CIVIL SOCIETY and civil society.";
        assert_eq!(quotes(text, &m.find(text).0), ["Civil society", "CIVIL SOCIETY", "civil society"]);
    }

    #[test]
    fn capitalised_aliases_match_as_written_except_the() {
        let m = matcher(&[("the Charter", Layer::Name), ("ITU", Layer::Name)]);
        let text = "The Charter, the charter, the Charter; itu and ITU.";
        assert_eq!(quotes(text, &m.find(text).0), ["The Charter", "the Charter", "ITU"]);
    }

    #[test]
    fn word_boundaries_are_respected() {
        let m = matcher(&[("ITU", Layer::Name), ("women", Layer::Name)]);
        let text = "ITUs, women's, superwomen, ITU-D";
        assert_eq!(quotes(text, &m.find(text).0), ["women", "ITU"]);
    }

    #[test]
    fn the_longest_overlapping_name_wins() {
        let m = matcher(&[
            ("developing countries", Layer::Name),
            ("landlocked developing countries", Layer::Name),
            ("Tunis Agenda", Layer::Name),
            ("Tunis Agenda for the Information Society", Layer::Name),
        ]);
        let text = "landlocked developing countries and the Tunis Agenda for the Information Society";
        assert_eq!(
            quotes(text, &m.find(text).0),
            ["landlocked developing countries", "Tunis Agenda for the Information Society"]
        );
    }

    #[test]
    fn a_longer_hit_starting_later_wins() {
        let m = matcher(&[("the Charter", Layer::Name), ("Charter of the United Nations", Layer::Name)]);
        let text = "and the Charter of the United Nations.";
        assert_eq!(quotes(text, &m.find(text).0), ["Charter of the United Nations"]);
    }

    #[test]
    fn layers_are_selected_independently() {
        let m = matcher(&[("women", Layer::Name), ("women", Layer::Thematic), ("gender", Layer::Thematic)]);
        let text = "women and gender";
        let (names, thematic) = m.find(text);
        assert_eq!(quotes(text, &names), ["women"]);
        assert_eq!(quotes(text, &thematic), ["women", "gender"]);
    }

    #[test]
    fn non_ascii_text_is_safe() {
        let m = matcher(&[("women", Layer::Name), ("São Paulo", Layer::Name)]);
        let text = "émwomen ¶ women São Paulo ß";
        assert_eq!(quotes(text, &m.find(text).0), ["women", "São Paulo"]);
    }
}
