//! Explicit SDG citations: "SDG 5", "SDG5", "SDGs 4 and 5", "Goal 5",
//! "Sustainable Development Goal 5", and the tag "(all SDGs)", which cites
//! each of the 17 goals. (The goals in general — "the SDGs",
//! "17 SDGs" — are catalogue aliases of the 2030 Agenda; thematic links come
//! from the vocabulary in `assets/sdgs.toml`.)

use super::text::{boundary_after, boundary_before, eat, eat_any, number};
use super::{Entity, Mention, Relation};

/// Separators between the goals of one citation.
const LIST_SEPARATORS: [&str; 3] = [", and ", " and ", ", "];

/// Goals cited at `at`, where the caller found "SDG" or "Goal" in any case.
/// Only the capitalised forms count ("goal 5" in running text is not a citation).
pub(crate) fn at_keyword(text: &str, at: usize) -> Vec<Mention> {
    let mut out = Vec::new();
    if !boundary_before(text, at) {
        return out;
    }
    // "(all SDGs)": every goal, the span covering "all SDGs".
    if let Some(start) = at.checked_sub("(all ".len())
        && text.get(start..at) == Some("(all ")
        && let Some(end) = eat(text, at, "SDGs)")
    {
        return (1..=17).map(|g| cite(g, start + 1..end - 1)).collect();
    }
    let (after_word, span_start) = if let Some(end) = eat_any(text, at, &["SDGs", "SDG"]) {
        (end, at)
    } else if let Some(end) = eat_any(text, at, &["Goals", "Goal"]) {
        let before = text.get(..at).unwrap_or_default();
        if before.ends_with("Millennium Development ") {
            return out;
        }
        let start = before.strip_suffix("Sustainable Development ").map_or(at, str::len);
        (end, start)
    } else {
        return out;
    };
    // "SDG5" or "SDG 5".
    let first_at = eat(text, after_word, " ").unwrap_or(after_word);
    let Some((goal, mut end)) = goal_at(text, first_at) else { return out };
    out.push(cite(goal, span_start..end));
    while let Some(next) = eat_any(text, end, &LIST_SEPARATORS) {
        let Some((goal, goal_end)) = goal_at(text, next) else { break };
        out.push(cite(goal, next..goal_end));
        end = goal_end;
    }
    out
}

/// A goal number 1..=17 at `at`, ending a word (or followed by a target: "5.5").
fn goal_at(text: &str, at: usize) -> Option<(u8, usize)> {
    let (n, end) = number(text, at, 2)?;
    let goal = u8::try_from(n).ok().filter(|g| (1..=17).contains(g))?;
    boundary_after(text, end).then_some((goal, end))
}

fn cite(goal: u8, span: std::ops::Range<usize>) -> Mention {
    Mention { entity: Entity::Sdg(goal), relation: Relation::Cites, span }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goals(text: &str) -> Vec<(u8, String)> {
        let lower = text.to_ascii_lowercase();
        let mut out = Vec::new();
        for keyword in ["sdg", "goal"] {
            for (i, _) in lower.match_indices(keyword) {
                for m in at_keyword(text, i) {
                    if let (Entity::Sdg(g), Some(q)) = (m.entity, text.get(m.span)) {
                        out.push((g, q.to_owned()));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn sdg_with_number() {
        assert_eq!(goals("achievement of SDG 5 on gender"), [(5, "SDG 5".to_owned())]);
        assert_eq!(goals("SDG5."), [(5, "SDG5".to_owned())]);
        assert_eq!(goals("SDG 5.5 targets"), [(5, "SDG 5".to_owned())]);
    }

    #[test]
    fn a_list_of_goals() {
        assert_eq!(goals("SDGs 4 and 9"), [(4, "SDGs 4".to_owned()), (9, "9".to_owned())]);
    }

    #[test]
    fn all_sdgs_tag_and_wrapped_lists() {
        let all = goals("growth (all SDGs).");
        assert_eq!(all.len(), 17);
        assert!(all.iter().all(|(_, q)| q == "all SDGs"));
        assert!(goals("across all SDGs and").is_empty());
        let g: Vec<u8> = goals("(SDGs 1, 4, 6, 7, 8 and 9)").into_iter().map(|(g, _)| g).collect();
        assert_eq!(g, [1, 4, 6, 7, 8, 9]);
    }

    #[test]
    fn goal_forms() {
        assert_eq!(goals("under Goal 16, peace"), [(16, "Goal 16".to_owned())]);
        assert_eq!(goals("Sustainable Development Goal 17 on"), [(17, "Sustainable Development Goal 17".to_owned())]);
    }

    #[test]
    fn not_goal_citations() {
        assert!(goals("the SDGs and the 17 SDGs").is_empty());
        assert!(goals("SDG 18, SDG 0, SDG 123").is_empty());
        assert!(goals("our goal 5 is").is_empty());
        assert!(goals("Millennium Development Goal 8").is_empty());
        assert!(goals("XSDG 5").is_empty());
        assert!(goals("SDG 5a").is_empty());
    }
}
