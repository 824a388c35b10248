//! WSIS Action Lines by code: "Action Line C10", "Action Lines C3 and C7"
//! (codes C1 to C11 of the Geneva Plan of Action).

use super::text::{boundary_after, boundary_before, eat, eat_any, number};
use super::{Entity, Mention, Relation};

/// Separators between the codes of one citation.
const LIST_SEPARATORS: [&str; 3] = [", and ", " and ", ", "];

/// Action Lines cited at `at`, where the caller found "action line" in any case.
pub(crate) fn at_keyword(text: &str, at: usize) -> Vec<Mention> {
    let mut out = Vec::new();
    let Some(after_word) = eat_any(text, at, &["Action Lines", "Action Line", "action lines", "action line"]) else {
        return out;
    };
    if !boundary_before(text, at) || !boundary_after(text, after_word) {
        return out;
    }
    let Some(code_at) = eat(text, after_word, " ") else { return out };
    let Some((code, mut end)) = code_at_offset(text, code_at) else { return out };
    out.push(cite(code, at..end));
    while let Some(next) = eat_any(text, end, &LIST_SEPARATORS) {
        let Some((code, code_end)) = code_at_offset(text, next) else { break };
        out.push(cite(code, next..code_end));
        end = code_end;
    }
    out
}

/// "C1" to "C11" at `at`.
fn code_at_offset(text: &str, at: usize) -> Option<(String, usize)> {
    let digits = eat(text, at, "C")?;
    let (n, end) = number(text, digits, 2)?;
    ((1..=11).contains(&n) && boundary_after(text, end)).then(|| (format!("C{n}"), end))
}

fn cite(code: String, span: std::ops::Range<usize>) -> Mention {
    Mention { entity: Entity::ActionLine(code), relation: Relation::Cites, span }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(String, String)> {
        let lower = text.to_ascii_lowercase();
        lower
            .match_indices("action line")
            .flat_map(|(i, _)| at_keyword(text, i))
            .filter_map(|m| match m.entity {
                Entity::ActionLine(code) => Some((code, text.get(m.span)?.to_owned())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn one_action_line() {
        assert_eq!(
            lines("ethics as set out in Action Line C10 in building"),
            [("C10".to_owned(), "Action Line C10".to_owned())]
        );
    }

    #[test]
    fn several_action_lines() {
        assert_eq!(
            lines("action lines C3, C7 and C11."),
            [
                ("C3".to_owned(), "action lines C3".to_owned()),
                ("C7".to_owned(), "C7".to_owned()),
                ("C11".to_owned(), "C11".to_owned())
            ]
        );
    }

    #[test]
    fn not_action_lines() {
        assert!(lines("the WSIS Action Lines to review").is_empty());
        assert!(lines("Action Line C12").is_empty());
        assert!(lines("Action Line C0").is_empty());
        assert!(lines("Action Line C1a").is_empty());
    }
}
