//! Resolution and decision citations, each filed under the body that
//! adopted it: "resolution 68/302", "its resolution 70/1", "General Assembly
//! resolution 69/166", "Human Rights Council resolutions 28/16 of 26 March
//! 2015, 34/7 of 23 March 2017 and 37/2", "resolution 69/1 of the Commission
//! on the Status of Women", "as endorsed by the Human Rights Council in its
//! resolution 17/4", lettered "43/78 H", old-style "217 A (III)", special and
//! emergency special sessions "S-27/2", "ES-10/23", decisions "decision
//! 77/568", Security Council "1325 (2000)", bare symbols "A/RES/70/1".
//! Other UN document symbols (reports, records, notes: "A/70/53",
//! "E/CN.16/2024/3") are [`Entity::Document`]s, read by [`document_at`].
//!
//! Symbols are normalised: `A/RES/68/302` (General Assembly, also for "its
//! resolution" and a resolution named without its body), `A/RES/43/78 H`,
//! `A/RES/217 A (III)` (old-style, as printed), `A/RES/ES-10/23`,
//! `A/HRC/RES/26/13`, `E/RES/2006/46` (ECOSOC: named, or a bare "resolution
//! 2006/46", whose year-like first number no General Assembly session has),
//! `S/RES/2222 (2015)` (Security Council; `S/RES/2222` when the year is not
//! written), `A/DEC/77/568`, `E/DEC/2019/210` and `A/HRC/DEC/…` (decisions).
//! Resolutions and decisions of other bodies have no UN symbol of that
//! form: they are filed as `<code> res. <number>` and `<code> dec.
//! <number>` (`CSW res. 69/1`, `CBD COP dec. 15/4`, `WHA res. 58.16`), never
//! as the General Assembly's.
//!
//! The body is the one named right before the keyword ("Human Rights
//! Council resolutions"), or after the symbol ("resolution 69/1 of the
//! Commission on the Status of Women", "resolution 58/13 by the Human Rights
//! Council"), or before "in its" ("the Conference of the Parties …, in its
//! decision 15/4"). The body named before a list governs every item of the
//! list; a body named with "resolutions"/"decisions" also governs the bare
//! "resolution …" that follow in the same sentence ("World Health Assembly
//! resolutions on ageing, specifically resolution 58.16 …, resolution
//! 65.3"), until another body is named or "its resolution" brings the
//! document's own body (the General Assembly) back. "Council resolution
//! 2023/3" is the council named last before it (else ECOSOC for a
//! year-numbered symbol, the Security Council for "1325 (2000)", the Human
//! Rights Council otherwise).
//!
//! The evidence span starts at the issuing body when it is named right before
//! ("General Assembly resolution 69/166"), else at "resolution" (also in "the
//! Human Rights Council in its resolution 17/4", where the body still gives
//! the symbol and stays a mention of its own), and runs to a body named after
//! the symbol; "its" and "of 31 July 2014" are left out. The body's name
//! inside a citation is part of the citation, not a separate mention of the
//! body.

use std::ops::Range;

use super::text::{boundary_after, boundary_before, char_before, eat, eat_any, number};
use super::{Entity, Mention, Relation};

/// A body that adopts resolutions or decisions outside the four with UN
/// symbols of their own: its code in symbols and labels, and its full name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherBody {
    /// `CSW`: the symbol's and the label's prefix.
    pub code: &'static str,
    /// "Commission on the Status of Women".
    pub name: &'static str,
}

/// The other bodies, by index ([`Body::Other`]).
pub const OTHER_BODIES: [OtherBody; 20] = [
    OtherBody { code: "CSW", name: "Commission on the Status of Women" },
    OtherBody { code: "CHR", name: "Commission on Human Rights" },
    OtherBody { code: "CSocD", name: "Commission for Social Development" },
    OtherBody { code: "CPD", name: "Commission on Population and Development" },
    OtherBody { code: "CND", name: "Commission on Narcotic Drugs" },
    OtherBody { code: "CCPCJ", name: "Commission on Crime Prevention and Criminal Justice" },
    OtherBody { code: "CSTD", name: "Commission on Science and Technology for Development" },
    OtherBody { code: "StatCom", name: "Statistical Commission" },
    OtherBody { code: "WHA", name: "World Health Assembly" },
    OtherBody { code: "CBD COP", name: "Conference of the Parties to the Convention on Biological Diversity" },
    OtherBody {
        code: "UNFCCC COP",
        name: "Conference of the Parties to the United Nations Framework Convention on Climate Change",
    },
    OtherBody { code: "COP", name: "Conference of the Parties" },
    OtherBody { code: "UNESCO GC", name: "General Conference of UNESCO" },
    OtherBody { code: "IAEA GC", name: "General Conference of the International Atomic Energy Agency" },
    OtherBody { code: "ITU PP", name: "Plenipotentiary Conference of the International Telecommunication Union" },
    OtherBody { code: "TDB", name: "Trade and Development Board" },
    OtherBody { code: "UNEA", name: "United Nations Environment Assembly" },
    OtherBody { code: "UNEP GC", name: "Governing Council of the United Nations Environment Programme" },
    OtherBody { code: "CSD", name: "Commission on Sustainable Development" },
    OtherBody { code: "ILC", name: "International Labour Conference" },
];

/// Who adopted a resolution or decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Body {
    GeneralAssembly,
    HumanRightsCouncil,
    Ecosoc,
    SecurityCouncil,
    /// An index into [`OTHER_BODIES`].
    Other(usize),
}

impl Body {
    fn prefix(self, kind: Kind) -> Option<&'static str> {
        Some(match (self, kind) {
            (Body::GeneralAssembly, Kind::Resolution) => "A/RES/",
            (Body::HumanRightsCouncil, Kind::Resolution) => "A/HRC/RES/",
            (Body::Ecosoc, Kind::Resolution) => "E/RES/",
            (Body::SecurityCouncil, Kind::Resolution) => "S/RES/",
            (Body::GeneralAssembly, Kind::Decision) => "A/DEC/",
            (Body::HumanRightsCouncil, Kind::Decision) => "A/HRC/DEC/",
            (Body::Ecosoc, Kind::Decision) => "E/DEC/",
            (Body::SecurityCouncil, Kind::Decision) | (Body::Other(_), _) => return None,
        })
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

/// Names of bodies as written before "resolution" or after "of the" (each
/// name also matches with a trailing "'s"-less form only; longest first
/// wins).
const NAMES: [(&str, Body); 34] = [
    ("United Nations General Assembly", Body::GeneralAssembly),
    ("General Assembly", Body::GeneralAssembly),
    ("Human Rights Council", Body::HumanRightsCouncil),
    ("HRC", Body::HumanRightsCouncil),
    ("Economic and Social Council", Body::Ecosoc),
    ("ECOSOC", Body::Ecosoc),
    ("Security Council", Body::SecurityCouncil),
    ("Commission on the Status of Women", Body::Other(0)),
    ("Commission on Human Rights", Body::Other(1)),
    ("Commission for Social Development", Body::Other(2)),
    ("Commission on Population and Development", Body::Other(3)),
    ("Commission on Narcotic Drugs", Body::Other(4)),
    ("Commission on Crime Prevention and Criminal Justice", Body::Other(5)),
    ("Commission on Science and Technology for Development", Body::Other(6)),
    ("Statistical Commission", Body::Other(7)),
    ("World Health Assembly", Body::Other(8)),
    ("Conference of the Parties to the Convention on Biological Diversity", Body::Other(9)),
    ("Conference of the Parties to the United Nations Framework Convention on Climate Change", Body::Other(10)),
    ("Conference of the Parties", Body::Other(11)),
    ("General Conference of the United Nations Educational, Scientific and Cultural Organization", Body::Other(12)),
    ("General Conference of UNESCO", Body::Other(12)),
    ("UNESCO General Conference", Body::Other(12)),
    ("General Conference of the International Atomic Energy Agency", Body::Other(13)),
    ("IAEA General Conference", Body::Other(13)),
    ("Plenipotentiary Conference of the International Telecommunication Union", Body::Other(14)),
    ("ITU Plenipotentiary Conference", Body::Other(14)),
    ("Plenipotentiary Conference", Body::Other(14)),
    ("Trade and Development Board", Body::Other(15)),
    ("United Nations Environment Assembly", Body::Other(16)),
    ("Governing Council of the United Nations Environment Programme", Body::Other(17)),
    ("Commission on Sustainable Development", Body::Other(18)),
    ("International Labour Conference", Body::Other(19)),
    ("Council", Body::Ecosoc),
    ("CSW", Body::Other(0)),
];

/// "Council" alone: the council is read from the context ([`council_before`]).
const COUNCIL: &str = "Council";

/// Full symbols as written in a text, longest prefix first.
const SYMBOL_PREFIXES: [(&str, Body, Kind); 7] = [
    ("A/HRC/RES/", Body::HumanRightsCouncil, Kind::Resolution),
    ("A/HRC/DEC/", Body::HumanRightsCouncil, Kind::Decision),
    ("A/RES/", Body::GeneralAssembly, Kind::Resolution),
    ("A/DEC/", Body::GeneralAssembly, Kind::Decision),
    ("E/RES/", Body::Ecosoc, Kind::Resolution),
    ("E/DEC/", Body::Ecosoc, Kind::Decision),
    ("S/RES/", Body::SecurityCouncil, Kind::Resolution),
];

/// Separators between the symbols of one citation: "68/302, 68/198 and 70/1".
const LIST_SEPARATORS: [&str; 6] = [", as well as ", " as well as ", ", and ", " and ", ", ", " or "];

/// What a bare keyword inherits from the citations before it in the same
/// paragraph: the body named with an earlier keyword, and where that
/// citation ended. Reset by a sentence end, a semicolon or a footnote.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context {
    body: Option<(Body, usize)>,
}

impl Context {
    /// The inherited body at `at`, if no sentence or footnote ended since.
    fn body_at(&self, text: &str, at: usize) -> Option<Body> {
        let (body, from) = self.body?;
        let between = text.get(from..at)?;
        let ended = between.contains(';') || between.contains(". ") || footnote_start(between);
        (!ended).then_some(body)
    }
}

/// Whether `text` holds the start of a footnote as a paragraph's display
/// text appends it (`\n[3] …`, folded to ` [3] `).
fn footnote_start(text: &str) -> bool {
    text.match_indices(" [").any(|(i, _)| {
        let digits = i + 2;
        number(text, digits, 3).and_then(|(_, end)| eat(text, end, "] ")).is_some()
    })
}

/// Whether a footnote starts at `at` (` [3] `, as [`footnote_start`] finds).
fn footnote_starts_at(text: &str, at: usize) -> bool {
    eat(text, at, " [").and_then(|digits| number(text, digits, 3)).and_then(|(_, end)| eat(text, end, "] ")).is_some()
}

/// One item of a list, as read before the body is known.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Number {
    /// A full symbol as written: `A/RES/70/1` (normalised already).
    Full(String),
    /// `68/302`, `43/78 H`, `S-27/2`, `ES-10/23`, `2023/3`.
    Slash { session: String, second: u32, first: u32, letter: Option<char> },
    /// `217 A (III)`, `1514 (XV)`, `3201 (S-VI)`: as printed after the number.
    Old { first: u32, suffix: String },
    /// `1325 (2000)`, `2341`: a Security Council number, with its year.
    Single { number: u32, year: Option<u32> },
    /// `58.16` (World Health Assembly).
    Dotted { first: u32, second: u32 },
    /// `1/CP.21`, `4/CMA.1`, `1/CMP.1`: a decision of a Conference of the
    /// Parties under the UNFCCC, whose symbol names its body (`CP`: the
    /// Conference of the Parties; `CMP`, `CMA`: it serving as the meeting of
    /// the Parties to the Kyoto Protocol, to the Paris Agreement) and session.
    Unfccc { first: u32, series: &'static str, session: u32 },
}

/// The bodies of UNFCCC decision symbols ("1/CP.21").
const UNFCCC_SERIES: [&str; 3] = ["CMA", "CMP", "CP"];

/// The index of the UNFCCC's Conference of the Parties in [`OTHER_BODIES`].
const UNFCCC_COP: usize = 10;

/// An item read: what it says, where it starts and ends.
#[derive(Debug, Clone)]
struct Item {
    number: Number,
    span: Range<usize>,
}

/// Citations starting at the word "resolution"/"resolutions" (or
/// "decision"/"decisions") at `at` (the caller found it, any case). Empty if
/// no symbol follows; a body named there still sets `context`.
pub(crate) fn at_keyword(text: &str, at: usize, kind: Kind, context: &mut Context) -> Vec<Mention> {
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
    let named = issuer_before(text, at);
    let its = named.is_none() && before_is(text, at, "its ");
    // A body named right before the keyword governs what follows; one
    // named before "in its" only this citation.
    if let Some((body, start)) = named
        && start < at
    {
        context.body = Some((body, after_word));
    } else if its {
        context.body = None;
    }
    let Some(first_at) = eat(text, after_word, " ") else { return out };
    let Some(first) = item_at(text, first_at) else { return out };
    let mut items = vec![first];
    while let Some(last) = items.last() {
        let end = last.span.end;
        let after_date = date_after(text, end).unwrap_or(end);
        let Some(next) = list_next(text, after_date) else { break };
        let Some(item) = item_at(text, next) else { break };
        // The items of a list share the first one's shape: after "58.16 of
        // 25 May 2005 on …," a bare "13" is a footnote marker, not an item.
        if !same_shape(&items, &item.number) {
            break;
        }
        items.push(item);
    }
    let last_end = items.last().map_or(first_at, |i| i.span.end);
    // The body's name joins the evidence when attached to the symbol ("69/1
    // of the Commission …"), not across a clause (", adopted by the …").
    let (after, after_end) = match body_after(text, date_after(text, last_end).unwrap_or(last_end)) {
        Some((body, end, attached)) => (Some((body, end)), attached.then_some(end)),
        None => (None, None),
    };
    let (body, span_start) = match (named, after) {
        (Some((body, start)), _) => (body, start),
        (None, Some((body, _))) => (body, at),
        (None, None) if its => (Body::GeneralAssembly, at),
        (None, None) => match context.body_at(text, at) {
            // A number alone under an inherited body is too weak to file.
            Some(Body::Other(_)) if items.iter().all(|i| matches!(i.number, Number::Single { year: None, .. })) => {
                return out;
            }
            Some(body) => (body, at),
            None => (Body::GeneralAssembly, at),
        },
    };
    let count = items.len();
    for (n, item) in items.into_iter().enumerate() {
        let Some(symbol) = normalise(&item.number, body, kind) else { continue };
        let start = if n == 0 { span_start } else { item.span.start };
        let end = match after_end {
            Some(body_end) if n + 1 == count && named.is_none() => body_end,
            _ => item.span.end,
        };
        out.push(cite(symbol, start..end));
    }
    if let Some(end) = out.last().map(|m| m.span.end)
        && let Some((body, _)) = named.filter(|(_, start)| *start < at).or(after)
    {
        context.body = Some((body, end));
    }
    out
}

/// Whether `number` may follow `items` in one list: a number alone
/// ("1325 (2000)") or a dotted one ("58.16") only after its like; session
/// numbers ("70/1", "217 A (III)", full symbols) after each other.
fn same_shape(items: &[Item], number: &Number) -> bool {
    let Some(first) = items.first() else { return true };
    match (&first.number, number) {
        (Number::Single { .. }, Number::Single { .. })
        | (Number::Dotted { .. }, Number::Dotted { .. })
        | (Number::Unfccc { .. }, Number::Unfccc { .. }) => true,
        (Number::Single { .. } | Number::Dotted { .. } | Number::Unfccc { .. }, _)
        | (_, Number::Single { .. } | Number::Dotted { .. } | Number::Unfccc { .. }) => false,
        _ => true,
    }
}

/// Whether the text right before `at` ends with `literal`.
fn before_is(text: &str, at: usize, literal: &str) -> bool {
    text.get(..at).is_some_and(|b| b.ends_with(literal))
}

/// How far a title between the items of a list may run ("77/201 of 15
/// December 2022 on protecting children from bullying, 73/327 …").
const LIST_TITLE_MAX: usize = 240;

/// Where the next item of a list of citations starts, after an item that
/// ends at `at`: past a footnote marker (`2008,[3] 22/22`, `2022,19 and`), a
/// title (` on protecting children…`, `, entitled “…”`) and a separator
/// (`, `, ` and `, `, and `, `, as well as `). `None` when no symbol follows.
fn list_next(text: &str, at: usize) -> Option<usize> {
    let separator = |at: usize| -> Option<usize> {
        let at = skip_marker(text, at);
        let next = match eat_any(text, at, &LIST_SEPARATORS) {
            Some(next) => next,
            None => {
                let after_comma = skip_marker(text, eat(text, at, ",")?);
                eat_any(text, after_comma, &[" as well as ", " and ", " "])?
            }
        };
        let next = skip_marker(text, next);
        item_at(text, next).map(|_| next)
    };
    if let Some(next) = separator(at) {
        return Some(next);
    }
    // A title between the items: " on …" or ", entitled “…”", up to the next
    // separator that a symbol follows, within the clause. A title holds no
    // citation of its own and does not run into a footnote: "…, and
    // resolution 45/95 of 14 December 1990" or "Human Rights Council
    // resolutions 28/16 …" start a list of their own (with its own body),
    // and a footnote's "[1] Resolutions 56/183, …" is read by itself.
    eat_any(text, at, &[" on ", ", entitled ", " entitled ", ", on "])?;
    let rest = text.get(at..)?;
    for (offset, c) in rest.char_indices().take_while(|(o, _)| *o < LIST_TITLE_MAX) {
        if matches!(c, ';' | '\n') || c == ' ' && footnote_starts_at(text, at + offset) {
            return None;
        }
        if boundary_before(text, at + offset)
            && rest.get(offset..).is_some_and(|r| {
                ["resolution", "decision"].iter().any(|k| r.get(..k.len()).is_some_and(|w| w.eq_ignore_ascii_case(k)))
            })
        {
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

/// Past a footnote marker as the paragraph's display text shows it (`[12]`),
/// or as a text layer leaves it glued to a comma (`2022,19 and`: digits
/// right after a comma and before a space, where a list item would have a
/// space first).
fn skip_marker(text: &str, at: usize) -> usize {
    if let Some(end) =
        eat(text, at, "[").and_then(|digits| number(text, digits, 3)).and_then(|(_, end)| eat(text, end, "]"))
    {
        return end;
    }
    if char_before(text, at) == Some(',')
        && let Some((_, end)) = number(text, at, 3)
        && text.get(end..).is_some_and(|rest| rest.starts_with(' '))
    {
        return end;
    }
    at
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
    let (body, keyword) = NAMES
        .iter()
        .filter(|(name, _)| *name != COUNCIL)
        .find_map(|(name, body)| eat(text, at, name).and_then(|end| eat(text, end, " ")).map(|end| (*body, end)))
        .unwrap_or((Body::GeneralAssembly, at));
    let after = eat(text, keyword, "resolution ")?;
    let item = item_at(text, after)?;
    Some((normalise(&item.number, body, Kind::Resolution)?, item.span.end))
}

/// " of 18 December 2013" (also "of\u{a0}18 December 2013" folded) at `at`:
/// the offset after it.
fn date_after(text: &str, at: usize) -> Option<usize> {
    let at = eat(text, at, " of ")?;
    let (_, day_end) = number(text, at, 2)?;
    let month_start = eat(text, day_end, " ")?;
    let month_end = eat_any(text, month_start, &crate::document::MONTHS)?;
    let year_start = eat(text, month_end, " ")?;
    if let Some((_, year_end)) = number(text, year_start, 4) {
        return Some(year_end);
    }
    // "1 July 20166": a text layer's footnote marker glued to the year.
    let (_, glued_end) = number(text, year_start, 7)?;
    let year_end = year_start + 4;
    let year: u32 = text.get(year_start..year_end)?.parse().ok()?;
    (glued_end > year_end && (FIRST_YEAR..2100).contains(&year)).then_some(glued_end)
}

/// A UN document symbol that is not a resolution or decision ("A/70/53",
/// "A/67/65-E/2012/48", "E/CN.16/2018/CRP.3", "A/HRC/28/39",
/// "A/CONF.157/24"), at `at`, where the caller found `A/`, `E/` or `S/`:
/// an [`Entity::Document`], as written, without a closing full stop.
pub(crate) fn document_at(text: &str, at: usize) -> Option<Mention> {
    if !boundary_before(text, at) || matches!(char_before(text, at), Some('/' | '-' | '.')) {
        return None;
    }
    let rest = text.get(at..)?;
    if !rest.starts_with("A/") && !rest.starts_with("E/") && !rest.starts_with("S/")
        || SYMBOL_PREFIXES.iter().any(|(p, _, _)| rest.starts_with(p))
    {
        return None;
    }
    let len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-'))).unwrap_or(rest.len());
    let symbol = rest.get(..len)?.trim_end_matches(['.', '-', '/']);
    let slashes = symbol.matches('/').count();
    let valid = slashes >= 2
        && symbol.split('/').all(|part| !part.is_empty())
        && symbol.chars().any(|c| c.is_ascii_digit())
        && symbol.chars().all(|c| !c.is_ascii_lowercase() || symbol.contains("Add.") || symbol.contains("Rev."));
    valid.then(|| Mention {
        entity: Entity::Document(symbol.to_owned()),
        relation: Relation::Cites,
        span: at..at + symbol.len(),
    })
}

/// A bare full symbol ("A/RES/70/1", "S/RES/2341 (2017)", "A/DEC/79/571")
/// at `at`.
pub(crate) fn at_symbol(text: &str, at: usize) -> Option<Mention> {
    if !boundary_before(text, at) || char_before(text, at) == Some('/') {
        return None;
    }
    let item = item_at(text, at)?;
    let Number::Full(symbol) = item.number else { return None };
    Some(cite(symbol, at..item.span.end))
}

fn cite(symbol: String, span: Range<usize>) -> Mention {
    Mention { entity: Entity::Resolution(symbol), relation: Relation::Cites, span }
}

/// The longest body name ending right at `end` (a word boundary before
/// it): the body and where its name starts.
fn name_ending(text: &str, end: usize) -> Option<(Body, usize)> {
    let before = text.get(..end)?;
    NAMES
        .iter()
        .filter_map(|(name, body)| {
            let start = end.checked_sub(name.len())?;
            (before.ends_with(name) && boundary_before(text, start)).then_some((*body, start))
        })
        .min_by_key(|(_, start)| *start)
        .map(|(body, start)| (council_at(text, body, start), start))
}

/// "Council" alone is the council named last before it, or ECOSOC.
fn council_at(text: &str, body: Body, start: usize) -> Body {
    let is_bare_council = text.get(start..).is_some_and(|t| t.starts_with(COUNCIL))
        && !before_is(text, start, "Security ")
        && !before_is(text, start, "Human Rights ")
        && !before_is(text, start, "Economic and Social ");
    if !is_bare_council {
        return body;
    }
    let before = text.get(..start).unwrap_or_default();
    [
        ("Human Rights Council", Body::HumanRightsCouncil),
        ("Economic and Social Council", Body::Ecosoc),
        ("Security Council", Body::SecurityCouncil),
    ]
    .iter()
    .filter_map(|(name, body)| before.rfind(name).map(|i| (i, *body)))
    .max_by_key(|(i, _)| *i)
    .map_or(Body::Ecosoc, |(_, b)| b)
}

/// The body named right before "resolution" at `at` and where its name
/// starts: "Human Rights Council resolution", "the Human Rights Council in
/// its resolution" (the span then starts at the keyword), "the Conference of
/// the Parties …, at its fifteenth meeting, in its decision".
fn issuer_before(text: &str, at: usize) -> Option<(Body, usize)> {
    if let Some(name_end) = at.checked_sub(1).filter(|e| before_is(text, at, " ") && *e > 0)
        && let Some(found) = name_ending(text, name_end)
    {
        return Some(found);
    }
    // "<body> in its resolution", "<body>, in its decision", "<body> at its
    // 15th meeting, in its decision": the last body named in the clause.
    if !(before_is(text, at, "in its ") || before_is(text, at, "by its ")) {
        return None;
    }
    let window_start = at.saturating_sub(200);
    let window_start = (window_start..at).find(|i| text.is_char_boundary(*i)).unwrap_or(at);
    let window = text.get(window_start..at)?;
    let clause_start = window.rfind([';', '.']).map_or(window_start, |i| window_start + i + 1);
    // The name that ends last (the longest of those ending there).
    let mut best: Option<(Body, usize)> = None;
    for (name, _) in &NAMES {
        if let Some(i) = text.get(clause_start..at).and_then(|w| w.rfind(name)) {
            let end = clause_start + i + name.len();
            if let Some((body, _)) = name_ending(text, end)
                && best.is_none_or(|(_, e)| end > e)
            {
                best = Some((body, end));
            }
        }
    }
    best.map(|(body, _)| (body, at))
}

/// " of the Commission on the Status of Women", " by the Human Rights
/// Council", ", adopted by the …" right after a symbol at `at`: the body,
/// the offset after its name, and whether the name is attached to the
/// symbol (not after a comma).
fn body_after(text: &str, at: usize) -> Option<(Body, usize, bool)> {
    let (name_at, attached) = match eat_any(text, at, &[" of the ", " by the "]) {
        Some(name_at) => (name_at, true),
        None => (eat_any(text, at, &[", adopted by the ", " adopted by the "])?, false),
    };
    NAMES
        .iter()
        .filter(|(name, _)| *name != COUNCIL)
        .filter_map(|(name, body)| {
            let end = eat(text, name_at, name)?;
            boundary_after(text, end).then_some((*body, end, attached))
        })
        .max_by_key(|(_, end, _)| *end)
}

/// `A (III)`, `(XXI)`, `(S-VI)`: an old-style session in Roman numerals,
/// optionally after a part letter, at `at` (just after the number): the
/// printed suffix and the offset after it.
fn old_style(text: &str, at: usize) -> Option<(String, usize)> {
    let (letter, paren) = match text.get(at..)?.as_bytes() {
        [b' ', l, b' ', b'(', ..] if l.is_ascii_uppercase() => (Some(char::from(*l)), at + 4),
        [b' ', b'(', ..] => (None, at + 2),
        _ => return None,
    };
    let special = eat_any(text, paren, &["ES-", "S-"]).unwrap_or(paren);
    let roman_len = text.get(special..)?.bytes().take_while(|c| matches!(c, b'I' | b'V' | b'X' | b'L')).count();
    if roman_len == 0 || roman_len > 8 {
        return None;
    }
    let close = eat(text, special + roman_len, ")")?;
    let roman = text.get(paren..special + roman_len)?;
    let suffix = match letter {
        Some(l) => format!(" {l} ({roman})"),
        None => format!(" ({roman})"),
    };
    Some((suffix, close))
}

/// A part letter after a symbol ("43/78 H", "79/258 A,"): one capital
/// letter, then no letter or digit.
fn letter_after(text: &str, at: usize) -> Option<(char, usize)> {
    let rest = text.get(at..)?.as_bytes();
    match rest {
        [b' ', l, after @ ..] if l.is_ascii_uppercase() && after.first().is_none_or(|c| !c.is_ascii_alphanumeric()) => {
            // "70/1 A new …" would be a sentence, not a letter: only before
            // punctuation, a date or a conjunction.
            let tail = text.get(at + 2..).unwrap_or_default();
            let ok = tail.is_empty()
                || tail.starts_with([',', ';', '.', ')', ':', '['])
                || [" of ", " and ", " as ", " on ", " entitled", " to ", " (", " in ", " were ", " was "]
                    .iter()
                    .any(|w| tail.starts_with(w));
            ok.then_some((char::from(*l), at + 2))
        }
        _ => None,
    }
}

/// " (2017)" at `at`: the year and the offset after it.
fn year_in_brackets(text: &str, at: usize) -> Option<(u32, usize)> {
    let after_paren = eat(text, at, " (")?;
    let (year, year_end) = number(text, after_paren, 4)?;
    let close = eat(text, year_end, ")")?;
    (year >= FIRST_YEAR).then_some((year, close))
}

/// One item at `at`: a full symbol ("A/RES/70/1", "S/RES/2341 (2017)") or a
/// short one ("70/1", "43/78 H", "ES-10/23", "217 A (III)", "1325 (2000)",
/// "58.16"), with the offset after it. `None` for a date ("12/12/2015"),
/// another document ("70/1/Add.1") or a number that is not a symbol.
fn item_at(text: &str, at: usize) -> Option<Item> {
    if let Some((prefix, body, kind)) = SYMBOL_PREFIXES.iter().find(|(p, _, _)| eat(text, at, p).is_some()) {
        let inner = item_at(text, at + prefix.len())?;
        if matches!(inner.number, Number::Full(_)) {
            return None;
        }
        // "S/RES/2341 (2017)": the Security Council's numbers stand alone.
        let number = match (*body, inner.number) {
            (Body::SecurityCouncil, n @ Number::Single { .. }) => n,
            (Body::SecurityCouncil, _) | (_, Number::Single { .. }) => return None,
            (_, n) => n,
        };
        let symbol = normalise(&number, *body, *kind)?;
        return Some(Item { number: Number::Full(symbol), span: at..inner.span.end });
    }
    let (session, digits_at) = match eat_any(text, at, &["ES-", "S-"]) {
        Some(after) => (text.get(at..after)?.to_owned(), after),
        None => (String::new(), at),
    };
    let (first, mut end) = number(text, digits_at, 5)?;
    if first == 0 {
        return None;
    }
    let number = if let Some(slash) = eat(text, end, "/") {
        // "1/CP.21": a UNFCCC decision, its body and session in its symbol.
        if session.is_empty()
            && let Some(series) = UNFCCC_SERIES.iter().find(|s| eat(text, slash, s).is_some())
            && let Some(dot) = eat(text, slash + series.len(), ".")
            && let Some((meeting, meeting_end)) = number(text, dot, 3)
            && boundary_after(text, meeting_end)
        {
            return Some(Item { number: Number::Unfccc { first, series, session: meeting }, span: at..meeting_end });
        }
        let (second, second_end) = number(text, slash, 5)?;
        if second == 0 {
            return None;
        }
        end = second_end;
        // "12/12/2015" is a date, "70/1/Add.1" another document.
        if !boundary_after(text, end) || eat(text, end, "/").is_some() {
            return None;
        }
        let letter = letter_after(text, end).map(|(l, e)| {
            end = e;
            l
        });
        Number::Slash { session, first, second, letter }
    } else if !session.is_empty() {
        return None;
    } else if let Some((suffix, old_end)) = old_style(text, end) {
        end = old_end;
        Number::Old { first, suffix }
    } else if let Some(dot) = eat(text, end, ".")
        && let Some((second, second_end)) = number(text, dot, 3)
        && boundary_after(text, second_end)
        && eat(text, second_end, ".")
            .is_none_or(|after| !text.get(after..).is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit())))
    {
        end = second_end;
        Number::Dotted { first, second }
    } else {
        if !boundary_after(text, end) {
            return None;
        }
        let year = year_in_brackets(text, end).map(|(year, close)| {
            end = close;
            year
        });
        Number::Single { number: first, year }
    };
    Some(Item { number, span: at..end })
}

/// The normalised symbol of an item adopted by `body`, or `None` when the
/// body has no symbol of that shape (a General Assembly resolution needs a
/// session: "resolution 1" is not one).
fn normalise(number: &Number, body: Body, kind: Kind) -> Option<String> {
    let other = |code: &str, rest: &str| {
        let word = match kind {
            Kind::Resolution => "res.",
            Kind::Decision => "dec.",
        };
        format!("{code} {word} {rest}")
    };
    match number {
        Number::Full(symbol) => Some(symbol.clone()),
        Number::Slash { session, first, second, letter } => {
            let letter = letter.map(|l| format!(" {l}")).unwrap_or_default();
            let rest = format!("{session}{first}/{second}{letter}");
            match body {
                Body::Other(i) => Some(other(OTHER_BODIES.get(i)?.code, &rest)),
                Body::SecurityCouncil => None,
                // "resolution 2006/46": no General Assembly or Human Rights
                // Council session has such a number.
                Body::GeneralAssembly | Body::HumanRightsCouncil if session.is_empty() && *first >= FIRST_YEAR => {
                    Some(format!("{}{rest}", Body::Ecosoc.prefix(kind)?))
                }
                _ => Some(format!("{}{rest}", body.prefix(kind)?)),
            }
        }
        Number::Old { first, suffix } => match body {
            Body::Other(i) => Some(other(OTHER_BODIES.get(i)?.code, &format!("{first}{suffix}"))),
            Body::GeneralAssembly | Body::Ecosoc => Some(format!("{}{first}{suffix}", body.prefix(kind)?)),
            Body::HumanRightsCouncil | Body::SecurityCouncil => None,
        },
        Number::Single { number, year } => {
            let year = year.map(|y| format!(" ({y})")).unwrap_or_default();
            match (body, kind) {
                // "resolution 1325 (2000)": only the Security Council numbers so.
                (Body::SecurityCouncil, Kind::Resolution) => Some(format!("S/RES/{number}{year}")),
                (Body::GeneralAssembly, Kind::Resolution) if !year.is_empty() => Some(format!("S/RES/{number}{year}")),
                (Body::Other(i), _) => Some(other(OTHER_BODIES.get(i)?.code, &format!("{number}{year}"))),
                _ => None,
            }
        }
        Number::Dotted { first, second } => match body {
            Body::Other(i) => Some(other(OTHER_BODIES.get(i)?.code, &format!("{first}.{second}"))),
            _ => None,
        },
        // The symbol names the body, whatever body the text named before.
        Number::Unfccc { first, series, session } => match kind {
            Kind::Decision => Some(other(OTHER_BODIES.get(UNFCCC_COP)?.code, &format!("{first}/{series}.{session}"))),
            Kind::Resolution => None,
        },
    }
}

/// Why a resolution-like number in a citing context is not linked: what
/// [`unresolved`] reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    /// The words as written ("resolution 1", "resolution 58.16").
    pub span: Range<usize>,
    /// Why no citation was made of them.
    pub reason: &'static str,
}

/// Every resolution-like number right after a citing keyword
/// ("resolution(s)", "decision(s)") in `text` that no span of `linked`
/// covers, with the reason it was left: the check that no citation is
/// silently dropped.
#[must_use]
pub fn unresolved(original: &str, linked: &[Range<usize>]) -> Vec<Unresolved> {
    let folded = super::text::Folded::new(original);
    let text: &str = &folded.text;
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    for keyword in ["resolution", "decision"] {
        for (at, _) in lower.match_indices(keyword) {
            let after_word = eat(&lower, at + keyword.len(), "s").unwrap_or(at + keyword.len());
            if !boundary_before(text, at) || !boundary_after(text, after_word) {
                continue;
            }
            let Some(number_at) = eat(text, after_word, " ") else { continue };
            let starts_with_number = text.get(number_at..).is_some_and(|t| {
                t.starts_with(|c: char| c.is_ascii_digit()) || t.starts_with("S-") || t.starts_with("ES-")
            });
            if !starts_with_number {
                continue;
            }
            let len = text
                .get(number_at..)
                .unwrap_or_default()
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-')))
                .unwrap_or(text.len() - number_at);
            let written = text.get(number_at..number_at + len).unwrap_or_default().trim_end_matches('.');
            let Some(span) = folded.original(&(number_at..number_at + written.len())) else { continue };
            if written.is_empty() || linked.iter().any(|l| l.start < span.end && span.start < l.end) {
                continue;
            }
            let Some(words) = folded.original(&(at..number_at + written.len())) else { continue };
            let reason = match item_at(text, number_at).map(|i| i.number) {
                None if written.matches('/').count() >= 2 => "a date or another document's symbol, not a resolution",
                None => "not a resolution symbol",
                Some(Number::Single { .. }) => "a number without a session: no body numbers resolutions so",
                Some(Number::Dotted { .. }) => "a dotted number with no body named that numbers so",
                Some(Number::Unfccc { .. }) => "a UNFCCC symbol, which numbers decisions, not resolutions",
                Some(_) => "no body of this symbol's shape named",
            };
            out.push(Unresolved { span: words, reason });
        }
    }
    out.sort_by_key(|u| u.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every citation in `text`, found at each "resolution" and symbol prefix.
    fn cited(text: &str) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        let mut context = Context::default();
        let mut keywords: Vec<(usize, Kind)> = text
            .match_indices("esolution")
            .map(|(i, _)| (i.saturating_sub(1), Kind::Resolution))
            .chain(text.match_indices("ecision").map(|(i, _)| (i.saturating_sub(1), Kind::Decision)))
            .collect();
        keywords.sort_by_key(|k| k.0);
        let mut covered = 0;
        for (i, kind) in keywords {
            if i < covered {
                continue;
            }
            let found = at_keyword(text, i, kind, &mut context);
            covered = found.iter().map(|m| m.span.end).max().unwrap_or(covered);
            out.extend(found);
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
                Entity::Resolution(s) | Entity::Document(s) => Some((s, text.get(m.span)?)),
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
            owned(&[("S/RES/1325 (2000)", "Security Council resolution 1325 (2000)")])
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

    #[test]
    fn unresolved_numbers_say_why() {
        let text = "chap. I, resolution 1, annexes; resolution 70/1; World resolution 58.16";
        let linked = [text.find("resolution 70/1").map_or(0..0, |s| s..s + 15)];
        let left: Vec<(&str, &str)> =
            unresolved(text, &linked).into_iter().filter_map(|u| Some((text.get(u.span)?, u.reason))).collect();
        assert_eq!(
            left,
            [
                ("resolution 1", "a number without a session: no body numbers resolutions so"),
                ("resolution 58.16", "a dotted number with no body named that numbers so")
            ]
        );
    }
}
