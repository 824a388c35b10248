//! Who is asked to act: the bodies and stakeholder groups named between a
//! call, request, invitation or urging and its infinitive ("We call on all
//! governments, the private sector … to integrate ICTs").

use std::ops::Range;

use super::roles::Clause;
use crate::extract::{Entity, Mention, Relation};

/// Words after which a `to` is a preposition ("to the follow up", "to all
/// countries"), not the infinitive that ends an addressee phrase.
const NOT_AFTER_INFINITIVE: &[&str] = &[
    "a", "all", "an", "any", "each", "every", "her", "his", "its", "our", "that", "the", "their", "these", "this",
    "those",
];

/// Whether `to` followed by `next` is the infinitive's `to` ("to establish"):
/// not when a determiner, a capitalised name or a number follows ("related
/// to the follow up to WSIS").
fn is_infinitive_to(next: Option<&str>) -> bool {
    let Some(next) = next else { return true };
    let word = next.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = word.to_lowercase();
    !(word.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
        || NOT_AFTER_INFINITIVE.binary_search(&lower.as_str()).is_ok())
}

/// The byte range of a clause's addressee phrase: from the end of its
/// opening to the first infinitive `to` ("invite the Chair of the CSTD
/// through the ECOSOC **to** establish"; a `to` before a determiner or a
/// name, as in "request CSTD within its mandate related to the follow up to
/// WSIS, and all Action Line facilitators … **to** work", does not count),
/// or else to the end of the sentence or clause. `None` for a clause that
/// asks nobody (`call for`, `recognize`) and for one whose object opens
/// with an indefinite article: "We also encourage a prominent profile for
/// ICTs in the technology facilitation mechanism" asks for a thing, not of
/// the mechanism.
#[must_use]
pub fn addressee_phrase(text: &str, clause: &Clause) -> Option<Range<usize>> {
    if !clause.role.asks_to_act() || !clause.has_addressee {
        return None;
    }
    let start = clause.opening.end;
    let rest = text.get(start..clause.clause.end)?;
    let mut end = rest.len();
    let mut offset = 0;
    if rest.split_whitespace().next().is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an")) {
        return None;
    }
    let mut words = rest.split_inclusive(|c: char| c.is_whitespace());
    while let Some(word) = words.next() {
        let bare = word.trim_end();
        if bare.eq_ignore_ascii_case("to") {
            let next = words.clone().find(|w| !w.trim().is_empty());
            if is_infinitive_to(next) {
                end = offset;
                break;
            }
        }
        if bare.ends_with('.') || bare.ends_with(';') {
            end = offset + bare.len();
            break;
        }
        offset += word.len();
    }
    let phrase = rest.get(..end)?;
    let lead = phrase.len() - phrase.trim_start().len();
    let trimmed = phrase.trim();
    (!trimmed.is_empty()).then(|| start + lead..start + lead + trimmed.len())
}

/// The organization and stakeholder mentions (from [`crate::extract::extract`]
/// on the whole paragraph) that sit in a clause's addressee phrase, in text order.
#[must_use]
pub fn addressees(text: &str, clause: &Clause, mentions: &[Mention]) -> Vec<Mention> {
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    sorted.sort_by_key(|m| m.span.start);
    addressees_sorted(text, clause, &sorted)
}

/// [`addressees`] over mentions sorted by start: only the mentions that
/// start in the phrase are looked at (found by binary search), so that the
/// clauses of a long paragraph do not each scan all its mentions.
pub(crate) fn addressees_sorted(text: &str, clause: &Clause, sorted: &[&Mention]) -> Vec<Mention> {
    let Some(phrase) = addressee_phrase(text, clause) else { return Vec::new() };
    let first = sorted.partition_point(|m| m.span.start < phrase.start);
    sorted
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|m| m.span.start < phrase.end)
        .filter(|m| {
            m.relation == Relation::Mentions
                && matches!(m.entity, Entity::Organization(_) | Entity::Stakeholder(_))
                && m.span.end <= phrase.end
        })
        .map(|m| (*m).clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::roles::clauses;

    #[test]
    fn phrase_runs_to_the_infinitive() {
        let text = "We accordingly invite the Chair of the Commission through the ECOSOC to establish a group.";
        let c = clauses(text);
        let phrase = addressee_phrase(text, &c[0]).and_then(|r| text.get(r));
        assert_eq!(phrase, Some("the Chair of the Commission through the ECOSOC"));
    }

    #[test]
    fn no_phrase_for_call_for_or_recognize() {
        let text = "We call for immediate measures. We recognize the need to act.";
        let c = clauses(text);
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|c| addressee_phrase(text, c).is_none()));
    }

    #[test]
    fn prepositional_to_does_not_end_the_phrase() {
        let text = "We also request CSTD within its mandate related to the follow up to WSIS, and all Action Line \
                    facilitators within their mandates to work with all stakeholders.";
        let c = clauses(text);
        let phrase = addressee_phrase(text, &c[0]).and_then(|r| text.get(r)).unwrap_or_default();
        assert!(phrase.starts_with("CSTD within its mandate related to the follow up to WSIS, and all"), "{phrase}");
        assert!(phrase.ends_with("within their mandates"), "{phrase}");
        let text = "We call on governments to give priority to the poorest.";
        let c = clauses(text);
        assert_eq!(addressee_phrase(text, &c[0]).and_then(|r| text.get(r)), Some("governments"));
    }

    #[test]
    fn an_indefinite_object_is_no_addressee() {
        let text = "We also encourage a prominent profile for ICTs in the technology facilitation mechanism.";
        let c = clauses(text);
        assert_eq!(c.len(), 1);
        assert!(addressee_phrase(text, &c[0]).is_none());
        let text = "We encourage an early review by the Commission.";
        assert!(addressee_phrase(text, &clauses(text)[0]).is_none());
    }

    #[test]
    fn determiners_are_sorted_for_binary_search() {
        assert!(NOT_AFTER_INFINITIVE.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn phrase_stops_at_the_sentence_end() {
        let text = "We encourage all stakeholders. Then more text to read.";
        let c = clauses(text);
        assert_eq!(addressee_phrase(text, &c[0]).and_then(|r| text.get(r)), Some("all stakeholders."));
    }
}
