//! Resolution citations: "resolution 68/302", "its resolution 70/1",
//! "General Assembly resolution 69/166", "Human Rights Council resolution
//! 26/13", "resolutions 68/302 and 70/1", "resolutions 68/167 of 18 December
//! 2013, 69/166 of 18 December 2014 and 77/211", "as endorsed by the Human
//! Rights Council in its resolution 17/4", old-style "resolution 217 A (III)",
//! decisions "decision 77/568", bare symbols "A/RES/70/1", and other UN
//! document symbols "A/67/65-E/2012/48", "E/CN.16/2018/CRP.3".
//!
//! Symbols are normalised: `A/RES/68/302` (General Assembly, also for "its
//! resolution" and a resolution named without its body), `A/RES/217 A (III)`
//! (old-style, as printed), `A/HRC/RES/26/13`, `E/RES/2006/46` (ECOSOC: named,
//! or a bare "resolution 2006/46", whose year-like first number no General
//! Assembly session has), `S/RES/2222` (Security Council), `A/DEC/77/568` and
//! `E/DEC/2019/210` (decisions). Other document symbols are kept as written.
//! All of them are [`Entity::Resolution`] nodes (`res:…`): UN documents cited
//! by symbol.
//!
//! The evidence span starts at the issuing body when it is named right before
//! ("General Assembly resolution 69/166"), else at "resolution" (also in "the
//! Human Rights Council in its resolution 17/4", where the body still gives
//! the symbol and stays a mention of its own); "its" and "of 31 July 2014" are
//! left out. The body's name inside a citation is part of the citation, not a
//! separate mention of the body.

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

    fn decision_prefix(self) -> &'static str {
        match self {
            Body::GeneralAssembly => "A/DEC/",
            Body::HumanRightsCouncil => "A/HRC/DEC/",
            Body::Ecosoc => "E/DEC/",
            Body::SecurityCouncil => "S/DEC/",
        }
    }
}

/// What the keyword names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// "resolution".
    Resolution,
    /// "decision".
    Decision,
}

/// The first General Assembly resolution year-numbered series (ECOSOC from 1946 on).
const FIRST_YEAR: u32 = 1946;

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

/// Citations starting at the word "resolution"/"resolutions" (or
/// "decision"/"decisions") at `at` (the caller found it, any case). Empty if
/// no symbol follows.
pub(crate) fn at_keyword(text: &str, at: usize, kind: Kind) -> Vec<Mention> {
    let mut out = Vec::new();
    let words: &[&str] = match kind {
        Kind::Resolution => &["resolutions", "Resolutions", "resolution", "Resolution"],
        Kind::Decision => &["decisions", "Decisions", "decision", "Decision"],
    };
    let Some(after_word) = eat_any(text, at, words) else {
        return out;
    };
    if !boundary_before(text, at) || !boundary_after(text, after_word) {
        return out;
    }
    let Some(symbol_start) = eat(text, after_word, " ") else { return out };
    let (body, span_start) = issuer_before(text, at);
    let Some((symbol, mut end)) = symbol_of(text, symbol_start, body, kind) else { return out };
    out.push(cite(symbol, span_start..end));
    loop {
        let after_date = date_after(text, end).unwrap_or(end);
        let Some(next) = list_next(text, after_date, body, kind) else { break };
        let Some((symbol, next_end)) = symbol_of(text, next, body, kind) else { break };
        out.push(cite(symbol, next..next_end));
        end = next_end;
    }
    out
}

/// How far a title between the items of a list may run ("77/201 of 15
/// December 2022 on protecting children from bullying, 73/327 …").
const LIST_TITLE_MAX: usize = 240;

/// Where the next item of a list of citations starts, after an item that
/// ends at `at`: past a footnote marker (`2008,[3] 22/22`), a title (` on
/// protecting children…`, `, entitled “…”`) and a separator (`, `, ` and
/// `, `, and `). `None` when no symbol follows.
fn list_next(text: &str, at: usize, body: Body, kind: Kind) -> Option<usize> {
    let separator = |at: usize| -> Option<usize> {
        let at = skip_marker(text, at);
        let next = match eat_any(text, at, &LIST_SEPARATORS) {
            Some(next) => next,
            None => {
                let after_comma = skip_marker(text, eat(text, at, ",")?);
                eat_any(text, after_comma, &[" and ", " "])?
            }
        };
        let next = skip_marker(text, next);
        symbol_of(text, next, body, kind).map(|_| next)
    };
    if let Some(next) = separator(at) {
        return Some(next);
    }
    // A title between the items: " on …" or ", entitled “…”", up to the next
    // separator that a symbol follows, within the clause.
    eat_any(text, at, &[" on ", ", entitled ", " entitled "])?;
    let rest = text.get(at..)?;
    for (offset, c) in rest.char_indices().take_while(|(o, _)| *o < LIST_TITLE_MAX) {
        if matches!(c, ';' | '\n') {
            return None;
        }
        if matches!(c, ',' | ' ' | '[')
            && let Some(next) = separator(at + offset)
        {
            return Some(next);
        }
    }
    None
}

/// Past a footnote marker as the paragraph's display text shows it (`[12]`).
fn skip_marker(text: &str, at: usize) -> usize {
    eat(text, at, "[").and_then(|digits| number(text, digits, 3)).and_then(|(_, end)| eat(text, end, "]")).unwrap_or(at)
}

/// The first resolution named at `at` ("resolution 70/125", "its resolution
/// 70/125", "General Assembly resolution 70/125", "A/RES/70/125"): its
/// normalised symbol and where it ends. For "paragraph 71 of resolution
/// 70/125".
pub(crate) fn named_at(text: &str, at: usize) -> Option<(String, usize)> {
    if let Some(m) = at_symbol(text, at)
        && let Entity::Resolution(symbol) = m.entity
    {
        return Some((symbol, m.span.end));
    }
    let at = eat(text, at, "its ").unwrap_or(at);
    let (body, keyword) = ISSUERS
        .iter()
        .find_map(|(name, body)| eat(text, at, name).map(|end| (*body, end)))
        .unwrap_or((Body::GeneralAssembly, at));
    let after = eat(text, keyword, "resolution ")?;
    symbol_of(text, after, body, Kind::Resolution)
}

/// `symbol_at` for resolutions, or a decision symbol.
fn symbol_of(text: &str, at: usize, body: Body, kind: Kind) -> Option<(String, usize)> {
    let (symbol, end) = symbol_at(text, at, body)?;
    match kind {
        Kind::Resolution => Some((symbol, end)),
        Kind::Decision => {
            let rest = [Body::HumanRightsCouncil, Body::GeneralAssembly, Body::Ecosoc, Body::SecurityCouncil]
                .iter()
                .find_map(|b| symbol.strip_prefix(b.prefix()).map(|r| (*b, r)))?;
            Some((format!("{}{}", rest.0.decision_prefix(), rest.1), end))
        }
    }
}

/// " of 18 December 2013" at `at`: the offset after it.
fn date_after(text: &str, at: usize) -> Option<usize> {
    let at = eat(text, at, " of ")?;
    let (_, day_end) = number(text, at, 2)?;
    let month_start = eat(text, day_end, " ")?;
    let month_end = eat_any(text, month_start, &crate::document::MONTHS)?;
    let year_start = eat(text, month_end, " ")?;
    let (_, year_end) = number(text, year_start, 4)?;
    Some(year_end)
}

/// A UN document symbol that is not a resolution ("A/67/65-E/2012/48",
/// "E/CN.16/2018/CRP.3", "A/HRC/28/39"), at `at`, where the caller found
/// `A/` or `E/`: as written, without a closing full stop.
pub(crate) fn document_at(text: &str, at: usize) -> Option<Mention> {
    if !boundary_before(text, at) || matches!(char_before(text, at), Some('/' | '-' | '.')) {
        return None;
    }
    let rest = text.get(at..)?;
    if !rest.starts_with("A/") && !rest.starts_with("E/") || SYMBOL_PREFIXES.iter().any(|(p, _)| rest.starts_with(p)) {
        return None;
    }
    let len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-'))).unwrap_or(rest.len());
    let symbol = rest.get(..len)?.trim_end_matches(['.', '-', '/']);
    let slashes = symbol.matches('/').count();
    let valid = slashes >= 2
        && symbol.split('/').all(|part| !part.is_empty())
        && symbol.chars().any(|c| c.is_ascii_digit())
        && symbol.chars().all(|c| !c.is_ascii_lowercase() || symbol.contains("Add.") || symbol.contains("Rev."));
    valid.then(|| cite(symbol.to_owned(), at..at + symbol.len()))
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
    // "the Human Rights Council in its resolution 17/4".
    let (before, trail) = match before.strip_suffix("in its ") {
        Some(b) => (b, "in its ".len()),
        None => (before, 0),
    };
    ISSUERS
        .iter()
        .find_map(|(name, body)| {
            let start = at.checked_sub(name.len() + trail)?;
            // The span starts at a body named right before, not across "in its".
            let span_start = if trail == 0 { start } else { at };
            (before.ends_with(name) && boundary_before(text, start)).then_some((*body, span_start))
        })
        .unwrap_or((Body::GeneralAssembly, at))
}

/// `A (III)`, `(XXI)`: an old-style session in Roman numerals, optionally
/// after a part letter, at `at` (just after the number): the printed suffix
/// and the offset after it.
fn old_style(text: &str, at: usize) -> Option<(String, usize)> {
    let (letter, paren) = match text.get(at..)?.as_bytes() {
        [b' ', l, b' ', b'(', ..] if l.is_ascii_uppercase() => (Some(char::from(*l)), at + 4),
        [b' ', b'(', ..] => (None, at + 2),
        _ => return None,
    };
    let roman_len = text.get(paren..)?.bytes().take_while(|c| matches!(c, b'I' | b'V' | b'X' | b'L')).count();
    if roman_len == 0 || roman_len > 8 {
        return None;
    }
    let close = eat(text, paren + roman_len, ")")?;
    let roman = text.get(paren..paren + roman_len)?;
    let suffix = match letter {
        Some(l) => format!(" {l} ({roman})"),
        None => format!(" ({roman})"),
    };
    Some((suffix, close))
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
    if body == Body::GeneralAssembly
        && let Some((suffix, old_end)) = old_style(text, end)
    {
        return Some((format!("{}{first}{suffix}", body.prefix()), old_end));
    }
    // "resolution 2006/46": no General Assembly session has such a number.
    let body = if body == Body::GeneralAssembly && first >= FIRST_YEAR { Body::Ecosoc } else { body };
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
            out.extend(at_keyword(text, i.saturating_sub(1), Kind::Resolution));
        }
        for (i, _) in text.match_indices("ecision") {
            out.extend(at_keyword(text, i.saturating_sub(1), Kind::Decision));
        }
        for (i, _) in text.match_indices("/") {
            if let Some(m) = i.checked_sub(1).and_then(|s| document_at(text, s)) {
                out.push(m);
            }
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
    fn lists_with_dates_and_a_body_named_before() {
        assert_eq!(
            found("Recalling its resolutions 68/167 of 18 December 2013, 69/166 of 18 December 2014 and 77/211, and"),
            owned(&[("A/RES/68/167", "resolutions 68/167"), ("A/RES/69/166", "69/166"), ("A/RES/77/211", "77/211")])
        );
        assert_eq!(
            found("Human Rights Council resolutions 28/16 of 26 March 2015, 34/7 of 23 March 2017,"),
            owned(&[("A/HRC/RES/28/16", "Human Rights Council resolutions 28/16"), ("A/HRC/RES/34/7", "34/7")])
        );
        assert_eq!(
            found("as endorsed by the Human Rights Council in its resolution 17/4,"),
            owned(&[("A/HRC/RES/17/4", "resolution 17/4")])
        );
    }

    #[test]
    fn lists_with_footnote_markers_and_titles_between_the_items() {
        let text = "Recalling Human Rights Council resolutions 7/25 of 28 March 2008,[3] 22/22 of 22 March 2013,[4] \
                    28/34 of 27 March 2015,[5] and 53/9 of 12 July 2023, entitled \u{201c}New and emerging digital \
                    technologies and human rights\u{201d}, and 54/21";
        let symbols: Vec<String> = cited(text).into_iter().map(|(s, _)| s).collect();
        assert_eq!(
            symbols,
            ["A/HRC/RES/7/25", "A/HRC/RES/22/22", "A/HRC/RES/28/34", "A/HRC/RES/53/9", "A/HRC/RES/54/21"]
        );
        let text = "Recalling its resolutions 77/201 of 15 December 2022 on protecting children from bullying, \
                    73/327 of 25 July 2019 on the International Year of Indigenous Languages, 79/158 of 17 \
                    December 2024 on the right to privacy, and the report";
        let symbols: Vec<String> = cited(text).into_iter().map(|(s, _)| s).collect();
        assert_eq!(symbols, ["A/RES/77/201", "A/RES/73/327", "A/RES/79/158"]);
        // A title that never reaches another symbol ends the list.
        let symbols: Vec<String> =
            cited("resolution 70/1 on the 2030 Agenda, and 17 goals").into_iter().map(|(s, _)| s).collect();
        assert_eq!(symbols, ["A/RES/70/1"]);
    }

    #[test]
    fn old_style_ecosoc_decisions_and_documents() {
        assert_eq!(found("Resolution 217 A (III)."), owned(&[("A/RES/217 A (III)", "Resolution 217 A (III)")]));
        assert_eq!(
            found("resolution 2200 A (XXI), annex"),
            owned(&[("A/RES/2200 A (XXI)", "resolution 2200 A (XXI)")])
        );
        assert_eq!(found("resolution 1514 (XV) on"), owned(&[("A/RES/1514 (XV)", "resolution 1514 (XV)")]));
        assert_eq!(found("resolution 2006/46 of"), owned(&[("E/RES/2006/46", "resolution 2006/46")]));
        assert_eq!(found("See decision 77/568."), owned(&[("A/DEC/77/568", "decision 77/568")]));
        assert_eq!(found("see A/67/65-E/2012/48."), owned(&[("A/67/65-E/2012/48", "A/67/65-E/2012/48")]));
        assert_eq!(found("(E/CN.16/2018/CRP.3)"), owned(&[("E/CN.16/2018/CRP.3", "E/CN.16/2018/CRP.3")]));
        assert!(found("n/a/b and A/B and A/x/y").is_empty());
    }

    #[test]
    fn a_resolution_named_for_a_part() {
        let t = "of resolution 70/125 and";
        assert_eq!(named_at(t, 3), Some(("A/RES/70/125".to_owned(), 20)));
        assert_eq!(named_at("its resolution 70/1", 0).map(|s| s.0), Some("A/RES/70/1".to_owned()));
        assert_eq!(named_at("A/RES/70/1", 0).map(|s| s.0), Some("A/RES/70/1".to_owned()));
        assert_eq!(named_at("the Tunis Agenda", 0), None);
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
