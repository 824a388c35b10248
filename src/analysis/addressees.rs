//! Who is asked to act: the bodies and stakeholder groups named between a
//! call, request, invitation or urging and its infinitive ("We call on all
//! governments, the private sector … to integrate ICTs").

use std::ops::Range;

use super::roles::Clause;
use crate::extract::{Entity, Mention, Relation};

/// The byte range of a clause's addressee phrase: from the end of its
/// opening to the first `to` (the infinitive: "invite the Chair of the CSTD
/// through the ECOSOC **to** establish"), or else to the end of the
/// sentence or clause. `None` for a clause that asks nobody (`call for`,
/// `recognize`).
#[must_use]
pub fn addressee_phrase(text: &str, clause: &Clause) -> Option<Range<usize>> {
    if !clause.role.asks_to_act() || !clause.has_addressee {
        return None;
    }
    let start = clause.opening.end;
    let rest = text.get(start..clause.clause.end)?;
    let mut end = rest.len();
    let mut offset = 0;
    for word in rest.split_inclusive(|c: char| c.is_whitespace()) {
        let bare = word.trim_end();
        if bare.eq_ignore_ascii_case("to") {
            end = offset;
            break;
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
    let Some(phrase) = addressee_phrase(text, clause) else { return Vec::new() };
    mentions
        .iter()
        .filter(|m| {
            m.relation == Relation::Mentions
                && matches!(m.entity, Entity::Organization(_) | Entity::Stakeholder(_))
                && m.span.start >= phrase.start
                && m.span.end <= phrase.end
        })
        .cloned()
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
    fn phrase_stops_at_the_sentence_end() {
        let text = "We encourage all stakeholders. Then more text to read.";
        let c = clauses(text);
        assert_eq!(addressee_phrase(text, &c[0]).and_then(|r| text.get(r)), Some("all stakeholders."));
    }
}
