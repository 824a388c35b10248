//! Finds what a paragraph refers to: resolutions, instruments and their
//! parts, UN bodies, SDGs, stakeholder groups and WSIS Action Lines, each
//! with its exact span in the paragraph text.
//!
//! The vocabulary is data, not code: [`Catalogue`] is loaded from the TOML
//! files in `assets/` (see [`lexicon`]). Structural forms ("resolution
//! 68/302", "paragraph 55 of …", "SDG 5", "Action Line C10") are read by
//! small scanners, one file each; names are found by one Aho-Corasick pass.
//!
//! Precedence, so that the same words never count twice: an explicit
//! citation (resolution, part of an instrument, SDG, Action Line) wins over
//! the names inside it ("General Assembly resolution 69/166" is a citation of
//! the resolution, not also a mention of the General Assembly; "paragraph 55
//! of the Tunis Agenda" cites the part, not also the whole); a name wins over
//! thematic words inside it ("Commission on Crime Prevention and Criminal
//! Justice" is not a thematic link to SDG 16), except that a stakeholder
//! group and a thematic word may share words ("women": a group, and SDG 5).

mod action_lines;
mod aliases;
mod instruments;
pub mod lexicon;
mod resolutions;
mod sdg;
mod text;

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::id;

use aliases::Hit;
use instruments::PartKind;
use text::Folded;

use std::ops::Range;

pub use lexicon::{Catalogue, CatalogueError};
pub use resolutions::{OTHER_BODIES, OtherBody, Unresolved, unresolved};

/// How a paragraph relates to what it refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    /// An explicit reference: "resolution 68/302", "SDG 5", "paragraph 55 of the Tunis Agenda".
    Cites,
    /// A named body or stakeholder group: "the CSTD", "civil society".
    Mentions,
    /// An SDG inferred from vocabulary ("gender" → SDG 5): weaker than `Cites`.
    Thematic,
}

/// What is referred to. [`Entity::id`] gives its stable node id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Entity {
    /// A resolution or decision by normalised symbol, filed under the body
    /// that adopted it: `A/RES/68/302`, `A/HRC/RES/26/13`, `E/RES/2023/3`,
    /// `S/RES/2341 (2017)`, `A/DEC/77/568`, `CSW res. 69/1`.
    Resolution(String),
    /// Another UN document cited by its symbol: a report, record or note
    /// (`A/70/53`, `A/HRC/43/52`, `E/CN.16/2024/3`, `A/67/65-E/2012/48`).
    Document(String),
    /// A paragraph of a resolution: "paragraph 71 of resolution 70/125".
    ResolutionPart {
        /// The resolution's normalised symbol.
        symbol: String,
        /// The paragraph.
        part: Part,
    },
    /// A named instrument by catalogue key (`tunis-agenda`), optionally one part of it.
    Instrument {
        /// Catalogue key.
        key: String,
        /// A paragraph or article of the instrument.
        part: Option<Part>,
    },
    /// A UN body, agency, forum or process by catalogue key (`CSTD`).
    Organization(String),
    /// A Sustainable Development Goal, 1..=17.
    Sdg(u8),
    /// A stakeholder or population group by catalogue key (`civil-society`).
    Stakeholder(String),
    /// A WSIS Action Line by code (`C10`).
    ActionLine(String),
}

/// A numbered part of an instrument.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// "paragraph 55".
    Paragraph(u32),
    /// "Article 19".
    Article(u32),
}

impl Part {
    /// "paragraph 55", "article 19": the JSON `part` field.
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Part::Paragraph(n) => format!("paragraph {n}"),
            Part::Article(n) => format!("article {n}"),
        }
    }

    /// Suffix of the node id: `55` for a paragraph, `art19` for an article.
    #[must_use]
    pub fn id_suffix(&self) -> String {
        match self {
            Part::Paragraph(n) => n.to_string(),
            Part::Article(n) => format!("art{n}"),
        }
    }
}

impl Entity {
    /// The stable node id: `res:A/RES/68/302`, `res:A/RES/70/125:71`, `undoc:A/70/53`, `inst:tunis-agenda`,
    /// `inst:tunis-agenda:55`, `inst:udhr:art19`, `org:CSTD`, `sdg:5`,
    /// `stk:civil-society`, `al:C10`.
    #[must_use]
    pub fn id(&self) -> String {
        match self {
            Entity::Resolution(symbol) => id::resolution(symbol),
            Entity::Document(symbol) => id::cited_document(symbol),
            Entity::ResolutionPart { symbol, part } => id::resolution_part(symbol, part.id_suffix()),
            Entity::Instrument { key, part: None } => id::instrument(key, None),
            Entity::Instrument { key, part: Some(part) } => id::instrument(key, Some(&part.id_suffix())),
            Entity::Organization(key) => id::organization(key),
            Entity::Sdg(goal) => id::sdg(*goal),
            Entity::Stakeholder(key) => id::stakeholder(key),
            Entity::ActionLine(code) => id::action_line(code),
        }
    }
}

/// One reference found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mention {
    /// What is referred to.
    pub entity: Entity,
    /// How.
    pub relation: Relation,
    /// Byte range in the paragraph text of the words that justify it.
    pub span: Range<usize>,
}

/// Finds every reference in one paragraph's text, sorted by span start.
///
/// Each [`Mention::span`] is a byte range of `text` on character boundaries:
/// `&text[span]` is the evidence quote. Runs of whitespace (a line break
/// inside a name) are tolerated; the span then covers them as written.
/// Never panics, whatever the text.
///
/// # Complexity
///
/// Linear in the text length (two Aho-Corasick passes and local scans).
#[must_use]
pub fn extract(text: &str, catalogue: &Catalogue) -> Vec<Mention> {
    let folded = Folded::new(text);
    let t: &str = &folded.text;
    let (names, thematic) = catalogue.matcher().map(|m| m.find(t)).unwrap_or_default();

    let explicit = explicit_citations(t, &names);
    let explicit_cover = Cover::new(explicit.iter().map(|m| m.span.clone()));
    let names: Vec<Hit<'_>> =
        merge_parentheticals(t, names).into_iter().filter(|h| !explicit_cover.overlaps(&h.span)).collect();
    let blocking = Cover::new(
        explicit
            .iter()
            .map(|m| m.span.clone())
            .chain(names.iter().filter(|h| !h.is_stakeholder()).map(|h| h.span.clone())),
    );

    let mut mentions = explicit;
    for hit in names.iter().chain(thematic.iter().filter(|h| !blocking.overlaps(&h.span))) {
        for (entity, relation) in hit.targets {
            mentions.push(Mention { entity: entity.clone(), relation: *relation, span: hit.span.clone() });
        }
    }
    let mut mentions: Vec<Mention> =
        mentions.into_iter().filter_map(|m| Some(Mention { span: folded.original(&m.span)?, ..m })).collect();
    mentions.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.entity, a.relation).cmp(&(b.span.start, b.span.end, &b.entity, b.relation))
    });
    mentions.dedup();
    mentions
}

/// The words that start a structural citation, found in one pass (any case;
/// each scanner checks the case it needs).
#[derive(Debug, Clone, Copy)]
enum Trigger {
    Resolution,
    Decision,
    Document,
    Paragraph,
    Article,
    ActionLine,
    Sdg,
    Symbol,
}

const TRIGGERS: [(&str, Trigger); 17] = [
    ("resolution", Trigger::Resolution),
    ("decision", Trigger::Decision),
    ("A/", Trigger::Document),
    ("E/", Trigger::Document),
    ("S/", Trigger::Document),
    ("paragraph", Trigger::Paragraph),
    ("article", Trigger::Article),
    ("action line", Trigger::ActionLine),
    ("sdg", Trigger::Sdg),
    ("goal", Trigger::Sdg),
    ("A/RES/", Trigger::Symbol),
    ("A/HRC/RES/", Trigger::Symbol),
    ("E/RES/", Trigger::Symbol),
    ("S/RES/", Trigger::Symbol),
    ("A/DEC/", Trigger::Symbol),
    ("E/DEC/", Trigger::Symbol),
    ("A/HRC/DEC/", Trigger::Symbol),
];

/// The trigger automaton, built once (it cannot fail on these few patterns;
/// if it somehow did, only structural citations would be missed).
static TRIGGER_AUTOMATON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(TRIGGERS.iter().map(|(p, _)| *p))
        .ok()
});

/// Resolutions, parts of instruments, SDGs and Action Lines, in text order,
/// without overlaps (a trigger inside an earlier citation is skipped).
fn explicit_citations(t: &str, names: &[Hit<'_>]) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let Some(automaton) = TRIGGER_AUTOMATON.as_ref() else { return out };
    let mut covered_to = 0;
    let mut context = resolutions::Context::default();
    let Ok(matches) = automaton.try_find_iter(t) else { return out };
    for m in matches {
        let at = m.start();
        if at < covered_to {
            continue;
        }
        let Some((_, trigger)) = TRIGGERS.get(m.pattern().as_usize()) else { continue };
        let found = match trigger {
            Trigger::Resolution => resolutions::at_keyword(t, at, resolutions::Kind::Resolution, &mut context),
            Trigger::Decision => resolutions::at_keyword(t, at, resolutions::Kind::Decision, &mut context),
            Trigger::Document => resolutions::document_at(t, at).into_iter().collect(),
            Trigger::Symbol => resolutions::at_symbol(t, at).into_iter().collect(),
            Trigger::Paragraph => instruments::at_keyword(t, at, PartKind::Paragraph, names),
            Trigger::Article => instruments::at_keyword(t, at, PartKind::Article, names),
            Trigger::ActionLine => action_lines::at_keyword(t, at),
            Trigger::Sdg => sdg::at_keyword(t, at),
        };
        if let Some(end) = found.iter().map(|f| f.span.end).max() {
            covered_to = end;
        }
        out.extend(found);
    }
    out
}

/// "Commission on Science and Technology for Development (CSTD)": a name and
/// its acronym in brackets become one hit spanning both.
fn merge_parentheticals<'c>(t: &str, hits: Vec<Hit<'c>>) -> Vec<Hit<'c>> {
    let mut out: Vec<Hit<'c>> = Vec::with_capacity(hits.len());
    for hit in hits {
        if let Some(last) = out.last_mut()
            && last.targets == hit.targets
            && text::eat(t, last.span.end, " (") == Some(hit.span.start)
            && let Some(close) = text::eat(t, hit.span.end, ")")
        {
            last.span.end = close;
            continue;
        }
        out.push(hit);
    }
    out
}

/// A set of byte ranges, merged and sorted, that answers "does this span
/// overlap any of them?" in logarithmic time.
struct Cover {
    ranges: Vec<Range<usize>>,
}

impl Cover {
    fn new(spans: impl Iterator<Item = Range<usize>>) -> Self {
        let mut spans: Vec<Range<usize>> = spans.filter(|r| r.start < r.end).collect();
        spans.sort_by_key(|r| r.start);
        let mut ranges: Vec<Range<usize>> = Vec::with_capacity(spans.len());
        for span in spans {
            match ranges.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => ranges.push(span),
            }
        }
        Cover { ranges }
    }

    fn overlaps(&self, span: &Range<usize>) -> bool {
        let index = self.ranges.partition_point(|r| r.end <= span.start);
        self.ranges.get(index).is_some_and(|r| r.start < span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        match Catalogue::bundled() {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        }
    }

    fn found(text: &str) -> Vec<(String, Relation, &str)> {
        extract(text, &catalogue())
            .into_iter()
            .filter_map(|m| Some((m.entity.id(), m.relation, text.get(m.span)?)))
            .collect()
    }

    #[test]
    fn a_citation_hides_the_names_inside_it() {
        assert_eq!(
            found("as recognized in Human Rights Council resolution 26/13 and"),
            [("res:A/HRC/RES/26/13".to_owned(), Relation::Cites, "Human Rights Council resolution 26/13")]
        );
        assert_eq!(
            found("We reaffirm paragraph 55 of the Tunis Agenda."),
            [("inst:tunis-agenda:55".to_owned(), Relation::Cites, "paragraph 55 of the Tunis Agenda")]
        );
    }

    #[test]
    fn a_name_with_its_acronym_in_brackets_is_one_mention() {
        assert_eq!(
            found("the Internet Governance Forum (IGF) as"),
            [("org:IGF".to_owned(), Relation::Mentions, "Internet Governance Forum (IGF)")]
        );
    }

    #[test]
    fn a_name_hides_thematic_words_but_a_group_does_not() {
        assert!(found("the United Nations Office on Drugs and Crime").iter().all(|(_, r, _)| *r == Relation::Mentions));
        let women = found("access for women");
        assert!(women.contains(&("stk:women".to_owned(), Relation::Mentions, "women")));
        assert!(women.contains(&("sdg:5".to_owned(), Relation::Thematic, "women")));
    }

    #[test]
    fn explicit_sdg_and_action_line() {
        let f = found("achievement of SDG 5 and Action Line C10.");
        assert!(f.contains(&("sdg:5".to_owned(), Relation::Cites, "SDG 5")));
        assert!(f.contains(&("al:C10".to_owned(), Relation::Cites, "Action Line C10")));
    }

    #[test]
    fn mentions_are_sorted_by_start() {
        let text = "civil society, the CSTD, resolution 70/1 and poverty";
        let starts: Vec<usize> = extract(text, &catalogue()).iter().map(|m| m.span.start).collect();
        assert!(starts.len() >= 4);
        assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn an_empty_catalogue_still_finds_structural_citations() {
        let ms = extract("resolution 68/302 and the CSTD", &Catalogue::default());
        assert_eq!(ms.len(), 1);
        assert_eq!(ms.first().map(|m| m.entity.id()), Some("res:A/RES/68/302".to_owned()));
        assert!(extract("", &Catalogue::default()).is_empty());
    }

    #[test]
    fn cover_answers_overlaps() {
        let cover = Cover::new([5..10, 8..12, 20..25].into_iter());
        assert!(cover.overlaps(&(0..6)));
        assert!(cover.overlaps(&(11..13)));
        assert!(!cover.overlaps(&(12..20)));
        assert!(!cover.overlaps(&(0..5)));
        assert!(cover.overlaps(&(24..30)));
        assert!(!cover.overlaps(&(25..30)));
    }
}
