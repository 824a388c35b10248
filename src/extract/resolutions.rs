//! Resolution citations: "resolution 68/302", "its resolution 70/1",
//! "General Assembly resolution 69/166", "Human Rights Council resolution
//! 26/13", "resolutions 68/302 and 70/1", and bare symbols "A/RES/70/1".
//!
//! Symbols are normalised: `A/RES/68/302` (General Assembly, also for "its
//! resolution" and a resolution named without its body), `A/HRC/RES/26/13`,
//! `E/RES/2006/46` (ECOSOC), `S/RES/2222` (Security Council).
//!
//! The evidence span starts at the issuing body when it is named right before
//! ("General Assembly resolution 69/166"), else at "resolution"; "its" and
//! "of 31 July 2014" are left out. The body's name inside a citation is part
//! of the citation, not a separate mention of the body.

use std::ops::Range;

use super::text::{boundary_after, boundary_before, char_before, eat, eat_any, number};
use super::{Entity, Mention, Relation};

/// Who adopted a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Body {
    GeneralAssembly,
    HumanRightsCouncil,
    Ecosoc,
    SecurityCouncil,
}

impl Body {
    fn prefix(self) -> &'static str {
        match self {
            Body::GeneralAssembly => "A/RES/",
            Body::HumanRightsCouncil => "A/HRC/RES/",
            Body::Ecosoc => "E/RES/",
            Body::SecurityCouncil => "S/RES/",
        }
    }
}

/// Names of bodies that may stand right before "resolution".
const ISSUERS: [(&str, Body); 7] = [
    ("United Nations General Assembly ", Body::GeneralAssembly),
    ("General Assembly ", Body::GeneralAssembly),
    ("Human Rights Council ", Body::HumanRightsCouncil),
    ("Economic and Social Council ", Body::Ecosoc),
    ("ECOSOC ", Body::Ecosoc),
    ("Security Council ", Body::SecurityCouncil),
    ("HRC ", Body::HumanRightsCouncil),
];

/// Full symbols as written in a text, longest prefix first.
const SYMBOL_PREFIXES: [(&str, Body); 4] = [
    ("A/HRC/RES/", Body::HumanRightsCouncil),
    ("A/RES/", Body::GeneralAssembly),
    ("E/RES/", Body::Ecosoc),
    ("S/RES/", Body::SecurityCouncil),
];

/// Separators between the symbols of one citation: "68/302, 68/198 and 70/1".
const LIST_SEPARATORS: [&str; 3] = [", and ", " and ", ", "];

/// Citations starting at the word "resolution"/"resolutions" at `at` (the
/// caller found it, any case). Empty if no symbol follows.
pub(crate) fn at_keyword(text: &str, at: usize) -> Vec<Mention> {
    let mut out = Vec::new();
    let Some(after_word) = eat_any(text, at, &["resolutions", "Resolutions", "resolution", "Resolution"]) else {
        return out;
    };
    if !boundary_before(text, at) || !boundary_after(text, after_word) {
        return out;
    }
    let Some(symbol_start) = eat(text, after_word, " ") else { return out };
    let (body, span_start) = issuer_before(text, at);
    let Some((symbol, mut end)) = symbol_at(text, symbol_start, body) else { return out };
    out.push(cite(symbol, span_start..end));
    while let Some(next) = eat_any(text, end, &LIST_SEPARATORS) {
        let Some((symbol, next_end)) = symbol_at(text, next, body) else { break };
        out.push(cite(symbol, next..next_end));
        end = next_end;
    }
    out
}

/// A bare full symbol ("A/RES/70/1") at `at`.
pub(crate) fn at_symbol(text: &str, at: usize) -> Option<Mention> {
    if !boundary_before(text, at) || char_before(text, at) == Some('/') {
        return None;
    }
    let (symbol, end) = symbol_at(text, at, Body::GeneralAssembly)?;
    // Only full symbols here: a bare "68/302" is not a citation on its own.
    SYMBOL_PREFIXES.iter().any(|(p, _)| text.get(at..).is_some_and(|t| t.starts_with(p))).then(|| cite(symbol, at..end))
}

fn cite(symbol: String, span: Range<usize>) -> Mention {
    Mention { entity: Entity::Resolution(symbol), relation: Relation::Cites, span }
}

/// The body named right before "resolution" and where its name starts, or
/// the General Assembly and `at` itself.
fn issuer_before(text: &str, at: usize) -> (Body, usize) {
    let Some(before) = text.get(..at) else { return (Body::GeneralAssembly, at) };
    ISSUERS
        .iter()
        .find_map(|(name, body)| {
            let start = at.checked_sub(name.len())?;
            (before.ends_with(name) && boundary_before(text, start)).then_some((*body, start))
        })
        .unwrap_or((Body::GeneralAssembly, at))
}

/// A symbol at `at`, full ("A/RES/70/1") or short ("70/1", "2222 (2015)" for
/// the Security Council), normalised, with the offset after it.
fn symbol_at(text: &str, at: usize, body: Body) -> Option<(String, usize)> {
    let (body, at) = SYMBOL_PREFIXES
        .iter()
        .find_map(|(prefix, b)| eat(text, at, prefix).map(|next| (*b, next)))
        .unwrap_or((body, at));
    let (first, mut end) = number(text, at, 5)?;
    if first == 0 {
        return None;
    }
    let symbol = if body == Body::SecurityCouncil {
        // "2222 (2015)": the year is not part of the normalised symbol.
        if let Some(after_paren) = eat(text, end, " (")
            && let Some((_, year_end)) = number(text, after_paren, 4)
            && let Some(close) = eat(text, year_end, ")")
        {
            end = close;
        }
        format!("{}{first}", body.prefix())
    } else {
        let slash = eat(text, end, "/")?;
        let (second, second_end) = number(text, slash, 5)?;
        if second == 0 {
            return None;
        }
        end = second_end;
        format!("{}{first}/{second}", body.prefix())
    };
    // "12/12/2015" is a date, "70/1/Add.1" another document.
    if !boundary_after(text, end) || eat(text, end, "/").is_some() {
        return None;
    }
    Some((symbol, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every citation in `text`, found at each "resolution" and symbol prefix.
    fn cited(text: &str) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        for (i, _) in text.match_indices("esolution") {
            out.extend(at_keyword(text, i.saturating_sub(1)));
        }
        for (i, _) in text.match_indices("A/RES/") {
            out.extend(at_symbol(text, i));
        }
        out.into_iter()
            .filter_map(|m| match m.entity {
                Entity::Resolution(s) => Some((s, text.get(m.span)?)),
                _ => None,
            })
            .collect()
    }

    fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
    }

    fn found(text: &str) -> Vec<(String, String)> {
        cited(text).into_iter().map(|(a, b)| (a, b.to_owned())).collect()
    }

    #[test]
    fn plain_resolution() {
        assert_eq!(
            found("in its resolution 68/302 of 31 July 2014, decided"),
            owned(&[("A/RES/68/302", "resolution 68/302")])
        );
    }

    #[test]
    fn general_assembly_resolution() {
        assert_eq!(
            found("We recall General Assembly resolution 69/166, and"),
            owned(&[("A/RES/69/166", "General Assembly resolution 69/166")])
        );
    }

    #[test]
    fn human_rights_council_resolution() {
        assert_eq!(
            found("as recognized in Human Rights Council resolution 26/13 and"),
            owned(&[("A/HRC/RES/26/13", "Human Rights Council resolution 26/13")])
        );
    }

    #[test]
    fn a_list_of_resolutions_cites_each() {
        assert_eq!(
            found("Recalling its resolutions 68/302, 68/198 and 70/1."),
            owned(&[("A/RES/68/302", "resolutions 68/302"), ("A/RES/68/198", "68/198"), ("A/RES/70/1", "70/1")])
        );
    }

    #[test]
    fn full_symbols() {
        assert_eq!(found("see A/RES/70/1."), owned(&[("A/RES/70/1", "A/RES/70/1")]));
        assert_eq!(
            found("resolution A/HRC/RES/26/13 and"),
            owned(&[("A/HRC/RES/26/13", "resolution A/HRC/RES/26/13")])
        );
    }

    #[test]
    fn security_council_and_ecosoc() {
        assert_eq!(
            found("Security Council resolution 1325 (2000) on women"),
            owned(&[("S/RES/1325", "Security Council resolution 1325 (2000)")])
        );
        assert_eq!(found("ECOSOC resolution 2006/46"), owned(&[("E/RES/2006/46", "ECOSOC resolution 2006/46")]));
    }

    #[test]
    fn not_citations() {
        assert!(found("the resolution of disputes").is_empty());
        assert!(found("resolution 12/12/2015").is_empty());
        assert!(found("resolution 70/1/Add.1").is_empty());
        assert!(found("resolution 0/1").is_empty());
        assert!(found("resolution 123456/1").is_empty());
        assert!(found("irresolution 70/1").is_empty());
        assert!(found("resolution 70").is_empty());
        assert!(found("XA/RES/70/1").is_empty());
        assert!(found("resolution").is_empty());
    }
}
